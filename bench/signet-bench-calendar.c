/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "signet-bench-calendar"

#include "config.h"

#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include <sqlite3.h>

#include "signet-date.h"
#include "signet-demo.h"
#include "signet-reminders.h"
#include "signet-store-events.h"

/* Switching months in the calendar: each switch is one
 * signet_store_list_events() over the six weeks a month grid shows (from
 * the Monday on or before the 1st, 42 days), timed until every SignetEvent
 * of the range is made; explanations are made when a view asks for one.
 * The floor runs the same range through plain sqlite3 on the same file:
 * the index alone (contract_events by date, the four stored columns read),
 * and the query Signet runs (joined with the contract, its client and key
 * dates, every column read) without making objects. Also timed: deriving
 * every contract's events again (what a changed review interval costs), a
 * day passing, the agenda and the reminders due. */

#define TARGET_MS 50.0
#define GRID_DAYS 42

static int n_contracts = 100000;
static int n_clients = 2000;
static int rounds = 3;
static int months = 24;

static const GOptionEntry entries[] = {
  { "contracts", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_INT, &n_contracts,
    "Contracts to generate when DATABASE does not exist (100000)", "N" },
  { "clients", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_INT, &n_clients, "Clients to generate (2000)", "N" },
  { "rounds", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_INT, &rounds, "Timed rounds over all months after a warm-up (3)", "N" },
  { "months", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_INT, &months, "Months switched through, from this one on (24)", "N" },
  { NULL }
};

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

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return x < y ? -1 : x > y;
}

/* Nearest-rank percentile of @samples (sorted in place). */
static double
percentile (GArray *samples,
            double  fraction)
{
  guint rank;

  if (samples->len == 0)
    return 0;

  g_array_sort (samples, compare_doubles);
  rank = (guint) ceil (fraction * samples->len);

  return g_array_index (samples, double, MAX (rank, 1) - 1);
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

typedef struct
{
  char *from;
  char *to;
} Range;

/* The grid of the month @offset months after @first: from the Monday on or
 * before its 1st, six weeks. */
static Range
month_grid (const GDate *first,
            int          offset)
{
  GDate start = *first;
  Range range;

  signet_date_add_months (&start, offset);
  g_date_subtract_days (&start, g_date_get_weekday (&start) - G_DATE_MONDAY);
  range.from = signet_date_to_iso (&start);
  g_date_add_days (&start, GRID_DAYS - 1);
  range.to = signet_date_to_iso (&start);

  return range;
}

static double
time_floor (sqlite3_stmt *stmt,
            const Range  *range,
            guint        *n_rows)
{
  gint64 start = g_get_monotonic_time ();
  int n_columns = sqlite3_column_count (stmt);
  guint n = 0;

  sqlite3_bind_text (stmt, 1, range->from, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, range->to, -1, SQLITE_STATIC);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      for (int column = 0; column < n_columns; column++)
        sqlite3_column_text (stmt, column);
      n++;
    }
  sqlite3_reset (stmt);
  *n_rows = n;

  return ms_since (start);
}

static sqlite3_stmt *
prepare (sqlite3    *db,
         const char *sql)
{
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      g_printerr ("prepare: %s\n", sqlite3_errmsg (db));
      exit (EXIT_FAILURE);
    }

  return stmt;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = g_option_context_new ("DATABASE");
  g_autoptr(GError) error = NULL;
  g_autoptr(SignetStore) store = NULL;
  g_autoptr(GArray) signet_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) signet_cpu_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) joined_cpu_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) index_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) joined_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) rebuild_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) month_events = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(SignetReminderSettings) defaults = signet_reminder_settings_new_default ();
  g_autofree char *today = NULL;
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;
  Range *ranges;
  sqlite3 *floor_db = NULL;
  sqlite3_stmt *index_stmt, *joined_stmt;
  double generate_s = -1, open_ms, first_update_ms, day_ms, month_ms, agenda_ms, reminders_ms;
  double signet_median, signet_p95, index_median, joined_median;
  guint n_events = 0, n_agenda = 0, n_reminders = 0;
  const char *path;
  gint64 start;
  GDate first_of_month;

  setlocale (LC_ALL, "");

  g_option_context_set_summary (context, "Times month switches of the calendar against plain sqlite3.");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    die ("options", error);
  if (argc != 2 || rounds < 1 || months < 1 || n_contracts < 1 || n_clients < 1)
    {
      g_printerr ("Usage: %s [--contracts=N] [--clients=N] [--rounds=N] [--months=N] DATABASE\n"
                  "DATABASE is generated when it does not exist.\n", g_get_prgname ());
      return EXIT_FAILURE;
    }
  path = argv[1];

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

  start = g_get_monotonic_time ();
  store = signet_store_new (path, &error);
  if (store == NULL)
    die (path, error);
  open_ms = ms_since (start);
  n_contracts = signet_store_count_contracts (store);

  /* The first query of the day: nothing to do, or everything when the
   * register never had its events made. */
  start = g_get_monotonic_time ();
  if (!signet_store_update_events (store, &error))
    die ("update", error);
  first_update_ms = ms_since (start);

  for (int r = 0; r < rounds; r++)
    {
      double ms;

      start = g_get_monotonic_time ();
      if (!signet_store_rebuild_events (store, &error))
        die ("rebuild", error);
      ms = ms_since (start);
      g_array_append_val (rebuild_times, ms);
    }

  if (!signet_store_get_events_span (store, &first, &last, &error))
    die ("span", error);

  /* The months from this one on, as the next button walks them. */
  today = signet_store_dup_today (store);
  signet_date_parse (today, &first_of_month);
  g_date_set_day (&first_of_month, 1);
  ranges = g_new0 (Range, months);
  for (int m = 0; m < months; m++)
    ranges[m] = month_grid (&first_of_month, m);

  if (sqlite3_open_v2 (path, &floor_db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
    {
      g_printerr ("open: %s\n", sqlite3_errmsg (floor_db));
      return EXIT_FAILURE;
    }
  index_stmt = prepare (floor_db,
                        "SELECT contract_id, kind, date, key_date_id FROM contract_events "
                        "WHERE date BETWEEN ?1 AND ?2");
  joined_stmt = prepare (floor_db,
                         "SELECT e.contract_id, e.kind, e.date, e.key_date_id, c.number, c.title, k.name, "
                         "c.start_date, c.end_date, c.auto_renew, c.notice_days, c.status, c.risk_level, "
                         "CASE WHEN e.kind = 'review' THEN "
                         "(SELECT max(r.date) FROM reviews r WHERE r.contract_id = e.contract_id) END, "
                         "d.title, d.note "
                         "FROM contract_events e JOIN contracts c ON c.id = e.contract_id "
                         "JOIN clients k ON k.id = c.client_id LEFT JOIN key_dates d ON d.id = e.key_date_id "
                         "WHERE e.date BETWEEN ?1 AND ?2");

  /* Round 0 warms the page cache and is not counted. */
  for (int r = 0; r <= rounds; r++)
    for (int m = 0; m < months; m++)
      {
        g_autoptr(GPtrArray) events = NULL;
        guint n_index, n_joined;
        double ms, index_ms, joined_ms, signet_cpu, joined_cpu;

        signet_cpu = cpu_ms ();
        start = g_get_monotonic_time ();
        events = signet_store_list_events (store, ranges[m].from, ranges[m].to, &error);
        ms = ms_since (start);
        signet_cpu = cpu_ms () - signet_cpu;
        if (events == NULL)
          die ("list", error);

        index_ms = time_floor (index_stmt, &ranges[m], &n_index);
        joined_cpu = cpu_ms ();
        joined_ms = time_floor (joined_stmt, &ranges[m], &n_joined);
        joined_cpu = cpu_ms () - joined_cpu;
        if (n_joined != events->len)
          {
            g_printerr ("%s..%s: Signet made %u events, the floor query found %u rows\n",
                        ranges[m].from, ranges[m].to, events->len, n_joined);
            return EXIT_FAILURE;
          }

        if (r == 0)
          {
            double n = events->len;

            g_array_append_val (month_events, n);
            continue;
          }

        g_array_append_val (signet_times, ms);
        g_array_append_val (signet_cpu_times, signet_cpu);
        g_array_append_val (joined_cpu_times, joined_cpu);
        g_array_append_val (index_times, index_ms);
        g_array_append_val (joined_times, joined_ms);
      }

  {
    g_autoptr(GPtrArray) all = signet_store_list_events (store, NULL, NULL, &error);

    if (all == NULL)
      die ("list all", error);
    n_events = all->len;
  }

  /* A day passes: only the contracts that renewed themselves change. */
  {
    GDate tomorrow;
    g_autofree char *next = NULL;

    signet_date_parse (today, &tomorrow);
    g_date_add_days (&tomorrow, 1);
    next = signet_date_to_iso (&tomorrow);
    signet_store_set_today (store, next);
    start = g_get_monotonic_time ();
    if (!signet_store_update_events (store, &error))
      die ("day", error);
    day_ms = ms_since (start);

    g_date_add_days (&tomorrow, 30);
    g_clear_pointer (&next, g_free);
    next = signet_date_to_iso (&tomorrow);
    signet_store_set_today (store, next);
    start = g_get_monotonic_time ();
    if (!signet_store_update_events (store, &error))
      die ("month", error);
    month_ms = ms_since (start);

    signet_store_set_today (store, today);
    if (!signet_store_update_events (store, &error))
      die ("back", error);
  }

  {
    g_autoptr(GPtrArray) agenda = NULL;
    g_autoptr(GPtrArray) reminders = NULL;

    start = g_get_monotonic_time ();
    agenda = signet_store_list_agenda (store, today, 30, &error);
    agenda_ms = ms_since (start);
    if (agenda == NULL)
      die ("agenda", error);
    n_agenda = agenda->len;

    start = g_get_monotonic_time ();
    reminders = signet_reminders_due (store, today, defaults, &error);
    reminders_ms = ms_since (start);
    if (reminders == NULL)
      die ("reminders", error);
    n_reminders = reminders->len;
  }

  signet_median = percentile (signet_times, 0.5);
  signet_p95 = percentile (signet_times, 0.95);
  index_median = percentile (index_times, 0.5);
  joined_median = percentile (joined_times, 0.5);

  printf ("method: %d month grids (%d days from the Monday on or before the 1st) from %s on, "
          "%d timed rounds after a warm-up; each switch is signet_store_list_events() until every "
          "SignetEvent is made (an explanation is made when a view asks for it, not here). Floors on the same file, plain sqlite3: "
          "'index' reads the 4 stored columns of contract_events by date, 'joined' runs Signet's "
          "query (contract, client, key date, last review) and reads every column. "
          "Rebuild = signet_store_rebuild_events(), one transaction. Wall time; load %s",
          months, GRID_DAYS, ranges[0].from, rounds, load_average ());
  printf ("%-10s %-9s %-23s %10s %8s\n", "contracts", "events", "span", "generate_s", "open_ms");
  printf ("%-10d %-9u %-10s..%-10s %10.1f %8.1f\n", n_contracts, n_events, first ? first : "-",
          last ? last : "-", generate_s, open_ms);
  printf ("\n%-28s %10s\n", "maintenance", "ms");
  printf ("%-28s %10.1f\n", "first update after open", first_update_ms);
  printf ("%-28s %10.1f\n", "rebuild, median", percentile (rebuild_times, 0.5));
  printf ("%-28s %10.1f\n", "rebuild, max", percentile (rebuild_times, 1.0));
  printf ("%-28s %10.1f\n", "one day passes", day_ms);
  printf ("%-28s %10.1f\n", "30 more days pass", month_ms);
  printf ("\n%-22s %8s %8s %9s %9s %8s %8s %7s\n", "month switch", "events", "median", "p95",
          "target", "index", "joined", "ratio");
  printf ("%-22s %8u %8.2f %9.2f %9.1f %8.2f %8.2f %7.1f\n", "list_events (42 days)",
          (guint) percentile (month_events, 0.5), signet_median, signet_p95, TARGET_MS,
          index_median, joined_median, index_median > 0 ? signet_median / index_median : 0);
  printf ("%-22s %8s %8.2f %9.2f %9s %8s %8.2f %7.1f\n", "  CPU time", "",
          percentile (signet_cpu_times, 0.5), percentile (signet_cpu_times, 0.95), "", "",
          percentile (joined_cpu_times, 0.5),
          percentile (joined_cpu_times, 0.5) > 0
            ? percentile (signet_cpu_times, 0.5) / percentile (joined_cpu_times, 0.5) : 0);
  printf ("(events: median per grid; ratio = Signet median / index floor median, on the CPU line "
          "Signet / joined floor; wall-time Signet / joined floor = %.1f)\n",
          joined_median > 0 ? signet_median / joined_median : 0);
  printf ("\n%-28s %8s %10s\n", "other queries", "items", "ms");
  printf ("%-28s %8u %10.1f\n", "agenda, overdue + 30 days", n_agenda, agenda_ms);
  printf ("%-28s %8u %10.1f\n", "reminders due today", n_reminders, reminders_ms);
  printf ("\nload average at the end: %s", load_average ());
  printf ("\ntarget p95 <= %.0f ms: %s (median %.2f ms, p95 %.2f ms)\n", TARGET_MS,
          signet_p95 <= TARGET_MS ? "met" : "NOT met", signet_median, signet_p95);

  sqlite3_finalize (index_stmt);
  sqlite3_finalize (joined_stmt);
  sqlite3_close (floor_db);
  for (int m = 0; m < months; m++)
    {
      g_free (ranges[m].from);
      g_free (ranges[m].to);
    }
  g_free (ranges);

  return signet_p95 <= TARGET_MS ? EXIT_SUCCESS : 2;
}
