/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "signet-contract-list.h"
#include "signet-store.h"

/* What the window's watch for changes made elsewhere costs: one
 * signet_store_check_external_changes() a second while nothing happens,
 * and one after another connection wrote a contract. The floor is the
 * question the check asks, put to SQLite directly: a prepared PRAGMA
 * data_version on a plain connection of its own to the same register.
 * The disk: the kernel's counters of the process (/proc/self/io), read
 * and write system calls, and bytes from or to the storage device. */

#define DEFAULT_CONTRACTS 100000
#define N_IDLE 20000
#define N_WRITES 200
#define BLOCK 1000
#define N_ROUNDS 5

typedef struct
{
  guint64 rchar;
  guint64 wchar;
  guint64 syscr;
  guint64 syscw;
  guint64 read_bytes;
  guint64 write_bytes;
} Io;

static Io
read_io (void)
{
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  Io io = { 0 };

  if (!g_file_get_contents ("/proc/self/io", &contents, NULL, NULL))
    return io;

  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      guint64 value;

      if (sscanf (lines[i], "rchar: %" G_GUINT64_FORMAT, &value) == 1) io.rchar = value;
      else if (sscanf (lines[i], "wchar: %" G_GUINT64_FORMAT, &value) == 1) io.wchar = value;
      else if (sscanf (lines[i], "syscr: %" G_GUINT64_FORMAT, &value) == 1) io.syscr = value;
      else if (sscanf (lines[i], "syscw: %" G_GUINT64_FORMAT, &value) == 1) io.syscw = value;
      else if (sscanf (lines[i], "read_bytes: %" G_GUINT64_FORMAT, &value) == 1) io.read_bytes = value;
      else if (sscanf (lines[i], "write_bytes: %" G_GUINT64_FORMAT, &value) == 1) io.write_bytes = value;
    }

  return io;
}

static void
print_io (const char *what,
          Io          before,
          Io          after,
          guint       n)
{
  printf ("%-34s %8.2f %8.2f %10.1f %10.1f %10" G_GUINT64_FORMAT " %10" G_GUINT64_FORMAT "\n", what,
          (double) (after.syscr - before.syscr) / n, (double) (after.syscw - before.syscw) / n,
          (double) (after.rchar - before.rchar) / n, (double) (after.wchar - before.wchar) / n,
          after.read_bytes - before.read_bytes, after.write_bytes - before.write_bytes);
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
percentile (GArray *times,
            double  p)
{
  g_array_sort (times, compare_doubles);

  return g_array_index (times, double, MIN (times->len - 1, (guint) (p * times->len)));
}

static void
fill (SignetStore *store,
      guint        n)
{
  g_autoptr(SignetClient) client = signet_client_new ();
  g_autoptr(GError) error = NULL;

  signet_client_set_name (client, "华东建设集团");
  signet_client_set_code (client, "HDJS");
  if (!signet_store_add_client (store, client, &error) ||
      !signet_store_begin_batch (store, &error))
    g_error ("%s", error->message);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SignetContract) contract = signet_contract_new ();
      g_autofree char *number = g_strdup_printf ("HT-%07u", i + 1);

      signet_contract_set_number (contract, number);
      signet_contract_set_title (contract, "办公楼租赁合同");
      signet_contract_set_client_id (contract, signet_client_get_id (client));
      signet_contract_set_currency (contract, "CNY");
      signet_contract_set_value (contract, 100 * (i + 1));
      if (!signet_store_add_contract (store, contract, &error))
        g_error ("%s", error->message);
    }

  if (!signet_store_commit_batch (store, &error))
    g_error ("%s", error->message);
}

static void
count_cb (SignetStore      *store,
          SignetRecordKind  kind,
          gint64            id,
          SignetChangeKind  change,
          guint            *n)
{
  (*n)++;
}

int
main (int   argc,
      char *argv[])
{
  gboolean pause = argc > 2 && g_str_equal (argv[2], "--pause");
  guint n_contracts = argc > 1 ? (guint) strtoul (argv[1], NULL, 10) : DEFAULT_CONTRACTS;
  g_autofree char *dir = g_dir_make_tmp ("signet-bench-watch-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "register.db", NULL);
  g_autoptr(SignetStore) window = NULL;
  g_autoptr(SignetStore) other = NULL;
  g_autoptr(GArray) check_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) floor_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) write_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GError) error = NULL;
  g_autoptr(SignetClient) client = NULL;
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  double check_median, floor_median;
  guint n_told = 0;
  Io before, after;
  const guint batch_sizes[] = { 1, 4, 5 };
  g_autoptr(SignetContractList) list = NULL;

  window = signet_store_new (path, &error);
  if (window == NULL)
    g_error ("%s", error->message);
  fill (window, n_contracts);
  other = signet_store_new (path, &error);
  if (other == NULL)
    g_error ("%s", error->message);
  client = signet_store_find_client_by_code (other, "HDJS", &error);
  g_signal_connect (window, "changed", G_CALLBACK (count_cb), &n_told);

  if (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK ||
      sqlite3_prepare_v2 (db, "PRAGMA data_version", -1, &stmt, NULL) != SQLITE_OK)
    g_error ("Could not open the floor's connection");

  printf ("Method: a register of %u contracts in WAL mode (%s).\n"
          "The window's store checks for changes made elsewhere %u times with nothing written\n"
          "in between (what its 1 s timer does while the register is quiet), in blocks of 1,000\n"
          "timed whole, interleaved with blocks of the floor: a prepared PRAGMA data_version on\n"
          "a plain sqlite3 connection of its own. Then another store adds a contract %u times,\n"
          "each followed by one check, which reads the new audit entry and emits it.\n\n",
          n_contracts, path, N_IDLE, N_WRITES);

  /* Blocks of calls, timed whole: one call takes about a microsecond. */
  for (guint block = 0; block < N_IDLE / BLOCK; block++)
    {
      gint64 start = g_get_monotonic_time ();

      for (guint i = 0; i < BLOCK; i++)
        if (!signet_store_check_external_changes (window, &error))
          g_error ("%s", error->message);
      g_array_append_val (check_times, (double) { (double) (g_get_monotonic_time () - start) / BLOCK });

      start = g_get_monotonic_time ();
      for (guint i = 0; i < BLOCK; i++)
        {
          sqlite3_step (stmt);
          sqlite3_reset (stmt);
        }
      g_array_append_val (floor_times, (double) { (double) (g_get_monotonic_time () - start) / BLOCK });
    }

  /* For a system call count from outside: strace -c -p PID. */
  if (pause)
    {
      fprintf (stderr, "pid %d: %u checks in 3 s\n", (int) getpid (), N_IDLE);
      g_usleep (3 * G_USEC_PER_SEC);
      for (guint i = 0; i < N_IDLE; i++)
        signet_store_check_external_changes (window, NULL);
      g_usleep (1 * G_USEC_PER_SEC);
    }

  before = read_io ();
  for (guint i = 0; i < N_IDLE; i++)
    signet_store_check_external_changes (window, NULL);
  after = read_io ();

  printf ("%-34s %8s %8s %10s %10s %10s %10s\n", "per call (I/O: whole run)", "reads", "writes",
          "rchar B", "wchar B", "disk rd B", "disk wr B");
  print_io ("check, nothing written", before, after, N_IDLE);

  before = read_io ();
  for (guint i = 0; i < N_IDLE; i++)
    {
      sqlite3_step (stmt);
      sqlite3_reset (stmt);
    }
  after = read_io ();
  print_io ("floor: PRAGMA data_version", before, after, N_IDLE);

  for (guint i = 0; i < N_WRITES; i++)
    {
      g_autoptr(SignetContract) contract = signet_contract_new ();
      g_autofree char *number = g_strdup_printf ("NEW-%05u", i + 1);
      gint64 start;

      signet_contract_set_number (contract, number);
      signet_contract_set_title (contract, "仓储服务合同");
      signet_contract_set_client_id (contract, signet_client_get_id (client));
      signet_contract_set_currency (contract, "CNY");
      if (!signet_store_add_contract (other, contract, &error))
        g_error ("%s", error->message);

      start = g_get_monotonic_time ();
      if (!signet_store_check_external_changes (window, &error))
        g_error ("%s", error->message);
      g_array_append_val (write_times, (double) { (double) (g_get_monotonic_time () - start) });
    }
  if (n_told != N_WRITES)
    g_error ("%u changes told for %u writes", n_told, N_WRITES);

  /* What the window then does with them: its list (SignetContractList)
   * takes each change in, for 1, 4 (the most told one by one) and 5
   * (one reset) contracts written elsewhere in one transaction. */
  list = signet_contract_list_new (window);
  g_list_model_get_n_items (G_LIST_MODEL (list));
  printf ("\n%-34s %10s %10s\n", "window's list, written elsewhere", "median", "max");
  for (guint k = 0; k < G_N_ELEMENTS (batch_sizes); k++)
    {
      g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
      g_autofree char *what = NULL;

      for (guint round = 0; round < N_ROUNDS; round++)
        {
          gint64 start;

          if (!signet_store_begin_batch (other, &error))
            g_error ("%s", error->message);
          for (guint i = 0; i < batch_sizes[k]; i++)
            {
              g_autoptr(SignetContract) contract = signet_contract_new ();
              g_autofree char *number = g_strdup_printf ("B%u-%u-%u", k, round, i);

              signet_contract_set_number (contract, number);
              signet_contract_set_title (contract, "物业服务合同");
              signet_contract_set_client_id (contract, signet_client_get_id (client));
              signet_contract_set_currency (contract, "CNY");
              if (!signet_store_add_contract (other, contract, &error))
                g_error ("%s", error->message);
            }
          if (!signet_store_commit_batch (other, &error))
            g_error ("%s", error->message);

          start = g_get_monotonic_time ();
          if (!signet_store_check_external_changes (window, &error))
            g_error ("%s", error->message);
          g_array_append_val (times, (double) { (g_get_monotonic_time () - start) / 1000.0 });
        }

      what = g_strdup_printf ("%u contract%s", batch_sizes[k], batch_sizes[k] == 1 ? "" : "s");
      printf ("%-34s %7.1f ms %7.1f ms\n", what, percentile (times, 0.5), percentile (times, 1.0));
    }

  check_median = percentile (check_times, 0.5);
  floor_median = percentile (floor_times, 0.5);
  printf ("\n%-34s %10s %10s %10s\n", "time per call", "median", "p95", "× floor");
  printf ("%-34s %8.3f µs %8.3f µs %10.2f\n", "floor: PRAGMA data_version", floor_median,
          percentile (floor_times, 0.95), 1.0);
  printf ("%-34s %8.3f µs %8.3f µs %10.2f\n", "check, nothing written", check_median,
          percentile (check_times, 0.95), check_median / floor_median);
  printf ("%-34s %8.1f µs %8.1f µs %10.2f\n", "check after a write elsewhere", percentile (write_times, 0.5),
          percentile (write_times, 0.95), percentile (write_times, 0.5) / floor_median);
  printf ("\nAt one check a second the quiet register costs %.4f %% of one core.\n",
          check_median / 1e4);

  sqlite3_finalize (stmt);
  sqlite3_close (db);
  g_clear_object (&list);
  g_clear_object (&window);
  g_clear_object (&other);
  {
    const char *suffixes[] = { "", "-wal", "-shm" };

    for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
      {
        g_autofree char *file = g_strconcat (path, suffixes[i], NULL);

        g_remove (file);
      }
  }
  g_rmdir (dir);

  return 0;
}
