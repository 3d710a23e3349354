/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "signet-bench-overview"

#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <sqlite3.h>

#include "signet-demo.h"
#include "signet-overview.h"
#include "signet-store-events.h"

/* The first frame of the Overview: what SignetOverviewView computes
 * before it can draw, signet_store_compute_overview() with the page's
 * five top clients per currency, on a generated register (100,000
 * contracts by default), the event index already brought to today as the
 * app does at start. The first call after opening is timed on its own
 * (cold: the SQL statements are prepared, the pages read), then the
 * median and the worst of the rounds after it. The floor is the same
 * figures' raw material in one bare sqlite3 pass on the same file, with
 * a connection of its own: every contract's status, client, dates, value
 * and currency stepped through once (the values summed per currency),
 * the same walk of the event index's past and the same statement of
 * indexed counts of what is overdue or pending. Wall and CPU time (the
 * machine is shared: CPU time is what the load does not inflate). The
 * ratio is Signet's median over the floor's; the target is 150 ms. */

#define TARGET_MS 150.0

static int n_contracts = 100000;
static int n_clients = 2000;
static int rounds = 10;

static const GOptionEntry entries[] = {
  { "contracts", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_INT, &n_contracts,
    "Contracts to generate when DATABASE does not exist (100000)", "N" },
  { "clients", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_INT, &n_clients, "Clients to generate (2000)", "N" },
  { "rounds", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_INT, &rounds, "Timed rounds after the cold one (10)", "N" },
  { NULL }
};

/* What signet-overview.c reads besides the contracts, as plain SQL: the
 * past of the event index (reviews and obligations overdue), then the
 * indexed counts. */
static const char past_events_sql[] =
  "SELECT e.kind = 'review', e.contract_id FROM contract_events e "
  "WHERE e.date >= '1900-01-01' AND e.date < ?1 "
  "AND (e.kind = 'review' OR (e.kind = 'obligation' AND e.record_id IS NOT NULL))";
static const char overdue_sql[] =
  "SELECT "
  "(SELECT count (DISTINCT p.contract_id) FROM payments p WHERE (p.amount IS NULL OR p.paid < p.amount) "
  " AND p.due_date < ?1), "
  "(SELECT count (DISTINCT l.contract_id) FROM loans l WHERE l.returned_on IS NULL AND l.due_on < ?1), "
  "(SELECT count (DISTINCT a.contract_id) FROM approval_steps a WHERE a.state = 'pending'), "
  "(SELECT count (DISTINCT e.contract_id) FROM contract_events e WHERE e.kind = 'notice-deadline' "
  " AND e.date BETWEEN ?2 AND ?3)";

static double
ms_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1000.0;
}

/* CPU time of this process: unlike wall time, what other programs on a
 * shared machine do does not inflate it. */
static double
cpu_ms (void)
{
  struct timespec now;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &now);

  return now.tv_sec * 1000.0 + now.tv_nsec / 1e6;
}

static const char *
load_average (void)
{
  static char text[64] = "unknown\n";
  g_autofree char *contents = NULL;

  if (g_file_get_contents ("/proc/loadavg", &contents, NULL, NULL))
    g_snprintf (text, sizeof text, "%s", contents);

  return text;
}

static void
die (const char *what,
     GError     *error)
{
  g_printerr ("%s: %s\n", what, error != NULL ? error->message : "failed");
  exit (EXIT_FAILURE);
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
median (GArray *times)
{
  g_array_sort (times, compare_doubles);

  return g_array_index (times, double, times->len / 2);
}

static double
worst (GArray *times)
{
  g_array_sort (times, compare_doubles);

  return g_array_index (times, double, times->len - 1);
}

/* One pass of plain sqlite3 over what the figures are made of; the
 * number of contracts stepped through. */
static guint
floor_pass (sqlite3    *db,
            const char *today,
            const char *month_first,
            const char *month_last)
{
  sqlite3_stmt *past = NULL;
  sqlite3_stmt *scan = NULL;
  sqlite3_stmt *counts = NULL;
  gint64 sums[8] = { 0 };
  guint n = 0;
  guint n_past = 0;

  sqlite3_prepare_v2 (db, past_events_sql, -1, &past, NULL);
  sqlite3_bind_text (past, 1, today, -1, SQLITE_STATIC);
  while (sqlite3_step (past) == SQLITE_ROW)
    n_past += sqlite3_column_int (past, 0);
  sqlite3_finalize (past);

  sqlite3_prepare_v2 (db,
                      "SELECT status, client_id, signing_date, start_date, end_date, auto_renew, "
                      "termination_date, value, currency FROM contracts", -1, &scan, NULL);
  while (sqlite3_step (scan) == SQLITE_ROW)
    {
      const unsigned char *currency = sqlite3_column_text (scan, 8);

      sums[currency != NULL ? currency[0] % 8 : 0] += sqlite3_column_int64 (scan, 7);
      n++;
    }
  sqlite3_finalize (scan);

  sqlite3_prepare_v2 (db, overdue_sql, -1, &counts, NULL);
  sqlite3_bind_text (counts, 1, today, -1, SQLITE_STATIC);
  sqlite3_bind_text (counts, 2, month_first, -1, SQLITE_STATIC);
  sqlite3_bind_text (counts, 3, month_last, -1, SQLITE_STATIC);
  if (sqlite3_step (counts) != SQLITE_ROW)
    g_printerr ("floor: %s\n", sqlite3_errmsg (db));
  sqlite3_finalize (counts);

  return n + (sums[0] < 0) + (n_past == G_MAXUINT);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = g_option_context_new ("DATABASE");
  g_autoptr(GError) error = NULL;
  g_autoptr(SignetStore) store = NULL;
  g_autoptr(SignetOverview) overview = NULL;
  g_autoptr(GArray) signet_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) floor_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) signet_cpu = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) floor_cpu = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree char *today = NULL;
  g_autofree char *load_at_start = NULL;
  char month_first[11];
  char month_last[11];
  sqlite3 *floor_db = NULL;
  double generate_s = -1;
  double cold_ms;
  double signet_median;
  double floor_median;
  const char *path;
  gint64 start;
  guint n_floor = 0;

  setlocale (LC_ALL, "");

  g_option_context_set_summary (context, "Times the figures of the Overview against plain sqlite3.");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    die ("options", error);
  if (argc != 2 || rounds < 1 || n_contracts < 1 || n_clients < 1)
    {
      g_printerr ("Usage: %s [--contracts=N] [--clients=N] [--rounds=N] DATABASE\n"
                  "DATABASE is generated when it does not exist.\n", g_get_prgname ());
      return EXIT_FAILURE;
    }
  path = argv[1];
  load_at_start = g_strdup (load_average ());

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_autoptr(SignetStore) generated = signet_store_new (path, &error);

      if (generated == NULL)
        die (path, error);
      start = g_get_monotonic_time ();
      if (!signet_demo_generate (generated, n_clients, n_contracts, 1, &error))
        die ("generate", error);
      generate_s = ms_since (start) / 1000.0;
    }

  store = signet_store_new (path, &error);
  if (store == NULL)
    die (path, error);
  n_contracts = signet_store_count_contracts (store);
  /* What the app does at start, before any view asks. */
  if (!signet_store_update_events (store, &error))
    die ("update", error);

  today = signet_store_dup_today (store);
  g_snprintf (month_first, sizeof month_first, "%.7s-01", today);
  {
    GDate last;

    g_date_clear (&last, 1);
    g_date_set_dmy (&last, 1, (GDateMonth) atoi (today + 5), (GDateYear) atoi (today));
    g_date_set_day (&last, g_date_get_days_in_month (g_date_get_month (&last), g_date_get_year (&last)));
    g_snprintf (month_last, sizeof month_last, "%04d-%02d-%02d", g_date_get_year (&last),
                g_date_get_month (&last), g_date_get_day (&last));
  }

  start = g_get_monotonic_time ();
  overview = signet_store_compute_overview (store, 5, &error);
  if (overview == NULL)
    die ("overview", error);
  cold_ms = ms_since (start);

  if (sqlite3_open_v2 (path, &floor_db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
    {
      g_printerr ("open: %s\n", sqlite3_errmsg (floor_db));
      return EXIT_FAILURE;
    }
  /* Warm, as Signet's rounds are. */
  floor_pass (floor_db, today, month_first, month_last);

  for (int r = 0; r < rounds; r++)
    {
      double ms;
      double cpu;

      g_clear_object (&overview);
      cpu = cpu_ms ();
      start = g_get_monotonic_time ();
      overview = signet_store_compute_overview (store, 5, &error);
      ms = ms_since (start);
      cpu = cpu_ms () - cpu;
      if (overview == NULL)
        die ("overview", error);
      g_array_append_val (signet_times, ms);
      g_array_append_val (signet_cpu, cpu);

      cpu = cpu_ms ();
      start = g_get_monotonic_time ();
      n_floor = floor_pass (floor_db, today, month_first, month_last);
      ms = ms_since (start);
      cpu = cpu_ms () - cpu;
      g_array_append_val (floor_times, ms);
      g_array_append_val (floor_cpu, cpu);
    }
  sqlite3_close (floor_db);

  signet_median = median (signet_times);
  floor_median = median (floor_times);

  printf ("Method: signet_store_compute_overview() (5 top clients per currency) on %s, the event index\n"
          "brought to today first; the first call timed alone (cold), then %d rounds; the floor is one\n"
          "bare sqlite3 pass over the same columns of every contract, the same walk of the event index's\n"
          "past and the same overdue counts, through a read-only connection of its own, in the same run.\n"
          "Target: %.0f ms.\n",
          path, rounds, TARGET_MS);
  printf ("load at start: %s", load_at_start);
  printf ("load at end:   %s", load_average ());
  printf ("%-10s %-10s %-10s %-9s\n", "contracts", "today", "generate_s", "floor_rows");
  printf ("%-10d %-10s %-10.1f %-9u\n", n_contracts, today, generate_s, n_floor);
  printf ("%-34s %10s %10s %12s\n", "", "median_ms", "worst_ms", "median_cpu_ms");
  printf ("%-34s %10.1f %10s %12s\n", "overview, cold (first after open)", cold_ms, "-", "-");
  printf ("%-34s %10.1f %10.1f %12.1f\n", "overview (signet)", signet_median, worst (signet_times), median (signet_cpu));
  printf ("%-34s %10.1f %10.1f %12.1f\n", "floor (bare sqlite3 pass)", floor_median, worst (floor_times),
          median (floor_cpu));
  printf ("ratio signet/floor: %.2f wall, %.2f cpu\n", floor_median > 0 ? signet_median / floor_median : 0.0,
          median (floor_cpu) > 0 ? median (signet_cpu) / median (floor_cpu) : 0.0);
  printf ("target %.0f ms: %s wall, %s cpu (cold %s)\n", TARGET_MS, signet_median <= TARGET_MS ? "met" : "MISSED",
          median (signet_cpu) <= TARGET_MS ? "met" : "MISSED", cold_ms <= TARGET_MS ? "met" : "MISSED");
  printf ("figures: %u contracts, %u active, %u expiring in 30 days, %u currencies\n",
          signet_overview_get_n_contracts (overview),
          signet_overview_get_status_count (overview, SIGNET_CONTRACT_STATUS_ACTIVE),
          signet_overview_get_count (overview, SIGNET_OVERVIEW_EXPIRING_30),
          signet_overview_get_n_values (overview));

  return EXIT_SUCCESS;
}
