/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "signet-bench-key-dates"

#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>

#include <glib/gstdio.h>

#include "signet-store-events.h"
#include "signet-xml.h"

/* How an import's time grows with the key dates of one contract: the
 * same number of key dates, 10,000, in one contract and spread over 20,
 * and one contract with 2,000 and 5,000. Linear, one contract of 10,000
 * takes about as long as 20 of 500, and five times as long as one of
 * 2,000. */

static int n_runs = 3;
static char *work_dir;

static const GOptionEntry entries[] = {
  { "runs", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_INT, &n_runs, "Runs of each shape; the median counts (3)", "N" },
  { "dir", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_FILENAME, &work_dir, "Folder for the files (a new temporary one)", "DIR" },
  { NULL }
};

typedef struct
{
  guint n_contracts;
  guint n_key_dates;   /* per contract */
} Shape;

static const Shape shapes[] = {
  { 1, 2000 },
  { 1, 5000 },
  { 1, 10000 },
  { 20, 500 },
};

/* @n_contracts contracts of one client, each with @n_key_dates key dates
 * on days from 2026-01-01 on, titled apart. */
static void
write_file (const char *path,
            guint       n_contracts,
            guint       n_key_dates)
{
  g_autoptr(GString) text = g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                                          "<register xmlns=\"" SIGNET_XML_NAMESPACE "\" version=\"1\">\n"
                                          "  <clients>\n"
                                          "    <client code=\"K1\">\n"
                                          "      <name>华信科技</name>\n"
                                          "    </client>\n"
                                          "  </clients>\n"
                                          "  <contracts>\n");
  g_autoptr(GDate) start = g_date_new_dmy (1, G_DATE_JANUARY, 2026);
  g_autoptr(GError) error = NULL;

  for (guint c = 0; c < n_contracts; c++)
    {
      g_string_append_printf (text,
                              "    <contract number=\"KD-%05u\" client=\"K1\">\n"
                              "      <title>框架合同 %u</title>\n"
                              "      <value currency=\"CNY\">1000.00</value>\n"
                              "      <start-date>2026-01-01</start-date>\n"
                              "      <end-date>2030-12-31</end-date>\n"
                              "      <status>active</status>\n"
                              "      <key-dates>\n", c, c);

      for (guint d = 0; d < n_key_dates; d++)
        {
          g_autoptr(GDate) day = g_date_copy (start);
          char date[16];

          g_date_add_days (day, d % 3000);
          g_date_strftime (date, sizeof date, "%Y-%m-%d", day);
          g_string_append_printf (text,
                                  "        <key-date kind=\"payment\" date=\"%s\">\n"
                                  "          <title>付款 %u</title>\n"
                                  "        </key-date>\n", date, d);
        }

      g_string_append (text, "      </key-dates>\n    </contract>\n");
    }

  g_string_append (text, "  </contracts>\n</register>\n");

  if (!g_file_set_contents (path, text->str, text->len, &error))
    g_error ("%s", error->message);
}

/* One import into an empty register, @indexed: with the index of events
 * the calendar reads already made, as in a register the app has shown;
 * the import then keeps it up to date as it writes. Its wall time. */
static double
import_once (const char *xml_path,
             guint       n_key_dates,
             gboolean    indexed)
{
  g_autofree char *db_path = g_build_filename (work_dir, "register.db", NULL);
  g_autofree char *wal_path = g_strconcat (db_path, "-wal", NULL);
  g_autofree char *shm_path = g_strconcat (db_path, "-shm", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (xml_path);
  g_autoptr(SignetImportReport) report = NULL;
  g_autoptr(SignetStore) store = NULL;
  g_autoptr(GError) error = NULL;
  SignetImportOptions options = { SIGNET_CONFLICT_FAIL, FALSE };
  gint64 started;
  double seconds;

  g_remove (db_path);
  g_remove (wal_path);
  g_remove (shm_path);

  store = signet_store_new (db_path, &error);
  if (store == NULL || (indexed && !signet_store_update_events (store, &error)))
    g_error ("%s", error->message);

  started = g_get_monotonic_time ();
  if (!signet_xml_import (store, file, &options, &report, NULL, NULL, NULL, &error))
    g_error ("%s", error->message);
  seconds = (g_get_monotonic_time () - started) / (double) G_USEC_PER_SEC;

  if (report->key_dates_added != n_key_dates)
    g_error ("%u key dates imported, not %u", report->key_dates_added, n_key_dates);

  return seconds;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return (x > y) - (x < y);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  double medians[G_N_ELEMENTS (shapes)];

  setlocale (LC_ALL, "");

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return EXIT_FAILURE;
    }

  if (work_dir == NULL)
    work_dir = g_dir_make_tmp ("signet-bench-key-dates-XXXXXX", &error);
  if (work_dir == NULL)
    g_error ("%s", error->message);

  printf ("Import of key dates: one contract with many, or the same number spread over 20.\n"
          "Each shape: a file written once, imported %d times into an empty register\n"
          "(signet_xml_import(), stop on conflicts); the median wall time counts. First\n"
          "into a new register, then into one whose calendar index of events is made\n"
          "(as the app makes it), which the import keeps up to date.\n"
          "Files and register in %s.\n", n_runs, work_dir);

  for (int indexed = 0; indexed <= 1; indexed++)
    {
      printf ("\n%s\n", indexed ? "With the calendar index:" : "New register:");
      printf ("%-22s %10s %10s %14s\n", "shape", "key dates", "median s", "ms per 1,000");

      for (gsize i = 0; i < G_N_ELEMENTS (shapes); i++)
        {
          g_autofree char *name = g_strdup_printf ("%u-x-%u.xml", shapes[i].n_contracts, shapes[i].n_key_dates);
          g_autofree char *path = g_build_filename (work_dir, name, NULL);
          g_autofree double *times = g_new (double, n_runs);
          guint total = shapes[i].n_contracts * shapes[i].n_key_dates;
          g_autofree char *label = g_strdup_printf ("%u contract%s × %u", shapes[i].n_contracts,
                                                    shapes[i].n_contracts > 1 ? "s" : "", shapes[i].n_key_dates);

          if (!g_file_test (path, G_FILE_TEST_EXISTS))
            write_file (path, shapes[i].n_contracts, shapes[i].n_key_dates);
          for (int r = 0; r < n_runs; r++)
            times[r] = import_once (path, total, indexed);
          qsort (times, n_runs, sizeof (double), compare_doubles);
          medians[i] = times[n_runs / 2];
          printf ("%-24s %10u %10.2f %14.1f\n", label, total, medians[i], medians[i] * 1e6 / total);
          fflush (stdout);
        }

      printf ("10,000 in one contract / 20 × 500: %.2f (linear: about 1)\n", medians[2] / medians[3]);
      printf ("10,000 / 2,000 in one contract:    %.2f (linear: about 5, quadratic: 25)\n", medians[2] / medians[0]);
    }

  return EXIT_SUCCESS;
}
