/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "signet-bench-generate"

#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>

#include <glib/gstdio.h>

#include "signet-demo.h"

/* Writes a benchmark register through the same store calls the app and the
 * importer use (validation, audit entries, search index), in one batch, and
 * prints how long it took. */

static int n_contracts = 100000;
static int n_clients = 2000;
static int seed = 1;
static gboolean demo;

static const GOptionEntry entries[] = {
  { "contracts", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_INT, &n_contracts, "Number of contracts (100000)", "N" },
  { "clients", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_INT, &n_clients, "Number of clients (2000)", "N" },
  { "seed", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_INT, &seed, "Random seed (1)", "SEED" },
  { "demo", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE, &demo, "Write the demo register of signet --demo instead", NULL },
  { NULL }
};

static double
seconds_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;
}

static double
file_megabytes (const char *path)
{
  GStatBuf buf;

  if (g_stat (path, &buf) != 0)
    return 0;

  return buf.st_size / (1024.0 * 1024.0);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = g_option_context_new ("OUT.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(SignetStore) store = NULL;
  const char *path;
  gint64 started, generated;
  double open_s, generate_s, close_s;
  gboolean ok;

  setlocale (LC_ALL, "");

  g_option_context_set_summary (context, "Writes a register of generated clients and contracts for the benchmarks.");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return EXIT_FAILURE;
    }

  if (argc != 2 || n_contracts < 0 || n_clients < 1)
    {
      g_printerr ("Usage: %s [--contracts=N] [--clients=N] [--seed=SEED] [--demo] OUT.db\n", g_get_prgname ());
      return EXIT_FAILURE;
    }

  path = argv[1];
  /* Generating into an existing register would mix two data sets. */
  if (g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_printerr ("%s already exists; remove it first.\n", path);
      return EXIT_FAILURE;
    }

  started = g_get_monotonic_time ();
  store = signet_store_new (path, &error);
  if (store == NULL)
    {
      g_printerr ("%s\n", error->message);
      return EXIT_FAILURE;
    }
  open_s = seconds_since (started);

  generated = g_get_monotonic_time ();
  if (demo)
    ok = signet_demo_fill (store, &error);
  else
    ok = signet_demo_generate (store, n_clients, n_contracts, seed, &error);
  if (!ok)
    {
      g_printerr ("%s\n", error->message);
      return EXIT_FAILURE;
    }
  generate_s = seconds_since (generated);

  if (demo)
    n_contracts = signet_store_count_contracts (store);

  /* Closing checkpoints the write-ahead log into the database file. */
  generated = g_get_monotonic_time ();
  g_clear_object (&store);
  close_s = seconds_since (generated);

  printf ("method: %s through SignetStore, one batch (one transaction), "
          "every record validated, audited and indexed as the app does\n",
          demo ? "signet_demo_fill()" : "signet_demo_generate()");
  printf ("%-10s %-8s %-6s %8s %10s %9s %9s %12s %8s\n",
          "contracts", "clients", "seed", "open_s", "generate_s", "close_s", "total_s", "contracts/s", "db_MB");
  printf ("%-10d %-8d %-6d %8.2f %10.2f %9.2f %9.2f %12.0f %8.1f\n",
          n_contracts, demo ? 0 : n_clients, demo ? 0 : seed, open_s, generate_s, close_s,
          seconds_since (started), generate_s > 0 ? n_contracts / generate_s : 0,
          file_megabytes (path));

  return EXIT_SUCCESS;
}
