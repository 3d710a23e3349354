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

/* Switching months in the calendar, without a display: each switch is
 * what SignetCalendarView asks the store for when the month changes,
 * signet_store_list_event_days() over the six weeks a month grid shows
 * (from the Monday on or before the 1st, 42 days) with the grid's
 * SIGNET_MONTH_GRID_MAX_CHIPS (12) events per day, timed until the days
 * and their SignetEvents are made. The floors run the same range through
 * plain sqlite3 on the same file: the index scan Signet's query makes
 * (every event's date, kind and contract number from the two indexes of
 * schema version 5), and the same result in one SQL statement (window
 * functions: each day's count and its first 12 events, joined with the
 * contract, client and key date). Also timed, as before: making every
 * event of the range (signet_store_list_events(), what the view did until
 * schema version 5), every event of the grid's busiest day (what its
 * popover reads when it opens), deriving every contract's events again, a day
 * passing, the agenda and the reminders due. The first round checks that
 * each day's count and first events are those of signet_store_list_events().
 * bench/signet-bench-calendar-view times the same switches in a real
 * SignetCalendarView, and the frame that follows. */

/* SIGNET_MONTH_GRID_MAX_CHIPS, from a header this program (no GTK) cannot
 * include. */
#define MAX_PER_DAY 12
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

/* Runs @stmt over @range reading every column of every row; the number
 * of rows goes to @n_rows. */
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

static gboolean
same_event (SignetEvent *a,
            SignetEvent *b)
{
  return signet_event_get_contract_id (a) == signet_event_get_contract_id (b) &&
         signet_event_get_kind (a) == signet_event_get_kind (b) &&
         signet_event_get_key_date_id (a) == signet_event_get_key_date_id (b) &&
         g_str_equal (signet_event_get_date (a), signet_event_get_date (b));
}

/* The days are what signet_store_list_events() says of the range: each
 * day's count, and its first events in the same order. */
static void
check_days (GPtrArray   *days,
            GPtrArray   *events,
            const Range *range)
{
  guint e = 0;

  for (guint d = 0; d < days->len; d++)
    {
      SignetEventDay *day = g_ptr_array_index (days, d);
      guint n = 0;

      while (e + n < events->len &&
             g_str_equal (signet_event_get_date (g_ptr_array_index (events, e + n)), day->date))
        n++;

      if (n == 0 || n != day->n_events || day->events->len != MIN (n, MAX_PER_DAY))
        {
          g_printerr ("%s..%s: day %s has %u events, %u made; list_events has %u\n", range->from,
                      range->to, day->date, day->n_events, day->events->len, n);
          exit (EXIT_FAILURE);
        }
      for (guint i = 0; i < day->events->len; i++)
        if (!same_event (g_ptr_array_index (day->events, i), g_ptr_array_index (events, e + i)))
          {
            g_printerr ("%s: event %u differs from list_events\n", day->date, i);
            exit (EXIT_FAILURE);
          }
      e += n;
    }

  if (e != events->len)
    {
      g_printerr ("%s..%s: the days hold %u events, list_events %u\n", range->from, range->to, e, events->len);
      exit (EXIT_FAILURE);
    }
}

typedef struct
{
  const char *name;
  GArray     *times;
} Series;

static void
print_series (const Series *series,
              double        floor_median)
{
  double median = percentile (series->times, 0.5);

  printf ("%-46s %9.2f %9.2f %7.2f\n", series->name, median, percentile (series->times, 0.95),
          floor_median > 0 ? median / floor_median : 0);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = g_option_context_new ("DATABASE");
  g_autoptr(GError) error = NULL;
  g_autoptr(SignetStore) store = NULL;
  g_autoptr(GArray) rebuild_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) month_events = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) month_made = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(SignetReminderSettings) defaults = signet_reminder_settings_new_default ();
  g_autofree char *today = NULL;
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;
  enum { SIGNET, SIGNET_CPU, INDEX_FLOOR, WINDOW_FLOOR, LIST_ALL, POPOVER, N_SERIES };
  Series series[N_SERIES] = {
    { "Signet: list_event_days (12 per day)", NULL },
    { "  the same, CPU time", NULL },
    { "floor: index scan, bare sqlite3", NULL },
    { "floor: same result, one SQL statement", NULL },
    { "before: list_events (every event)", NULL },
    { "popover: list_events (the busiest day)", NULL },
  };
  Range *ranges;
  sqlite3 *floor_db = NULL;
  sqlite3_stmt *index_stmt, *window_stmt;
  double generate_s = -1, open_ms, first_update_ms, day_ms, month_ms, agenda_ms, reminders_ms;
  double signet_median, signet_p95, index_median;
  guint n_events = 0, n_agenda = 0, n_reminders = 0;
  const char *path;
  g_autofree char *load_at_start = NULL;
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

  load_at_start = g_strdup (load_average ());
  for (guint i = 0; i < N_SERIES; i++)
    series[i].times = g_array_new (FALSE, FALSE, sizeof (double));

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

  /* Opening migrates an older register, which adds the indexes. */
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
                        "SELECT e.rowid, e.date, e.kind, e.key_date_id, c.number FROM contract_events e "
                        "JOIN contracts c INDEXED BY contracts_number_by_id ON c.id = e.contract_id "
                        "WHERE e.date BETWEEN ?1 AND ?2 ORDER BY e.date");
  window_stmt = prepare (floor_db,
                         "SELECT e.contract_id, e.kind, e.date, e.key_date_id, c.number, c.title, k.name, "
                         "c.start_date, c.end_date, c.auto_renew, c.notice_days, c.status, c.risk_level, "
                         "CASE WHEN e.kind = 'review' THEN "
                         "(SELECT max(r.date) FROM reviews r WHERE r.contract_id = e.contract_id) END, "
                         "d.title, d.note, w.n "
                         "FROM (SELECT id, date, n, row_number () OVER (PARTITION BY date ORDER BY "
                         "  CASE kind WHEN 'start' THEN 0 WHEN 'end' THEN 1 WHEN 'notice-deadline' THEN 2 "
                         "  WHEN 'review' THEN 3 WHEN 'milestone' THEN 4 WHEN 'payment' THEN 5 ELSE 6 END, "
                         "  number, key_date_id, id) AS rank "
                         "  FROM (SELECT e.rowid AS id, e.date, e.kind, e.key_date_id, c.number, "
                         "    count(*) OVER (PARTITION BY e.date) AS n FROM contract_events e "
                         "    JOIN contracts c INDEXED BY contracts_number_by_id ON c.id = e.contract_id "
                         "    WHERE e.date BETWEEN ?1 AND ?2)) w "
                         "JOIN contract_events e ON e.rowid = w.id JOIN contracts c ON c.id = e.contract_id "
                         "JOIN clients k ON k.id = c.client_id LEFT JOIN key_dates d ON d.id = e.key_date_id "
                         "WHERE w.rank <= " G_STRINGIFY (MAX_PER_DAY) " ORDER BY w.date, w.rank");

  /* Round 0 warms the page cache, checks the results and is not counted. */
  for (int r = 0; r <= rounds; r++)
    for (int m = 0; m < months; m++)
      {
        g_autoptr(GPtrArray) days = NULL;
        g_autoptr(GPtrArray) events = NULL;
        SignetEventDay *busiest = NULL;
        guint n_index, n_window, n_made = 0;
        double ms[N_SERIES], cpu;

        cpu = cpu_ms ();
        start = g_get_monotonic_time ();
        days = signet_store_list_event_days (store, ranges[m].from, ranges[m].to, MAX_PER_DAY, &error);
        ms[SIGNET] = ms_since (start);
        ms[SIGNET_CPU] = cpu_ms () - cpu;
        if (days == NULL)
          die ("list days", error);

        ms[INDEX_FLOOR] = time_floor (index_stmt, &ranges[m], &n_index);
        ms[WINDOW_FLOOR] = time_floor (window_stmt, &ranges[m], &n_window);

        start = g_get_monotonic_time ();
        events = signet_store_list_events (store, ranges[m].from, ranges[m].to, &error);
        ms[LIST_ALL] = ms_since (start);
        if (events == NULL)
          die ("list", error);

        for (guint d = 0; d < days->len; d++)
          {
            SignetEventDay *day = g_ptr_array_index (days, d);

            n_made += day->events->len;
            if (busiest == NULL || day->n_events > busiest->n_events)
              busiest = day;
          }

        /* What the day's popover reads when it opens. */
        if (busiest != NULL)
          {
            g_autoptr(GPtrArray) day_events = NULL;

            start = g_get_monotonic_time ();
            day_events = signet_store_list_events (store, busiest->date, busiest->date, &error);
            ms[POPOVER] = ms_since (start);
            if (day_events == NULL)
              die ("list day", error);
          }
        else
          ms[POPOVER] = 0;

        if (r == 0)
          {
            double n = events->len, made = n_made;

            check_days (days, events, &ranges[m]);
            if (n_index != events->len || n_window != n_made)
              {
                g_printerr ("%s..%s: the index floor read %u rows (of %u events), the window floor "
                            "%u (of %u made)\n", ranges[m].from, ranges[m].to, n_index, events->len,
                            n_window, n_made);
                return EXIT_FAILURE;
              }
            g_array_append_val (month_events, n);
            g_array_append_val (month_made, made);
            continue;
          }

        for (guint i = 0; i < N_SERIES; i++)
          g_array_append_val (series[i].times, ms[i]);
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

  signet_median = percentile (series[SIGNET].times, 0.5);
  signet_p95 = percentile (series[SIGNET].times, 0.95);
  index_median = percentile (series[INDEX_FLOOR].times, 0.5);

  printf ("method: %d month grids (%d days from the Monday on or before the 1st) from %s on, "
          "%d timed rounds after a warm-up that checks every day against list_events(); a switch is "
          "signet_store_list_event_days() with %d events per day until every day and its SignetEvents "
          "are made. Floors on the same file, plain sqlite3, every column read: 'index scan' is the "
          "range of contract_events (date, kind, contract_id, key_date_id) with each contract number "
          "from contracts (id, number); 'one SQL statement' gives each day's count and its first %d "
          "events with window functions, joined with contract, client, key date and last review. "
          "Ratio = median / index-scan median. The popover's day is the busiest of each grid. Rebuild = signet_store_rebuild_events(), one "
          "transaction. Wall time unless marked CPU; load at the start %s",
          months, GRID_DAYS, ranges[0].from, rounds, MAX_PER_DAY, MAX_PER_DAY, load_at_start);
  printf ("%-10s %-9s %-23s %10s %8s\n", "contracts", "events", "span", "generate_s", "open_ms");
  printf ("%-10d %-9u %-10s..%-10s %10.1f %8.1f\n", n_contracts, n_events, first ? first : "-",
          last ? last : "-", generate_s, open_ms);
  printf ("\n%-28s %10s\n", "maintenance", "ms");
  printf ("%-28s %10.1f\n", "first update after open", first_update_ms);
  printf ("%-28s %10.1f\n", "rebuild, median", percentile (rebuild_times, 0.5));
  printf ("%-28s %10.1f\n", "rebuild, max", percentile (rebuild_times, 1.0));
  printf ("%-28s %10.1f\n", "one day passes", day_ms);
  printf ("%-28s %10.1f\n", "30 more days pass", month_ms);
  printf ("\nmonth switch: %u events in a grid (median), %u of them made at %d per day\n",
          (guint) percentile (month_events, 0.5), (guint) percentile (month_made, 0.5), MAX_PER_DAY);
  printf ("%-46s %9s %9s %7s\n", "", "median ms", "p95 ms", "ratio");
  for (guint i = 0; i < N_SERIES; i++)
    print_series (&series[i], index_median);
  printf ("\n%-28s %8s %10s\n", "other queries", "items", "ms");
  printf ("%-28s %8u %10.1f\n", "agenda, overdue + 30 days", n_agenda, agenda_ms);
  printf ("%-28s %8u %10.1f\n", "reminders due today", n_reminders, reminders_ms);
  printf ("\nload average at the end: %s", load_average ());
  printf ("\ntarget median <= %.0f ms: %s (median %.2f ms, p95 %.2f ms)\n", TARGET_MS,
          signet_median <= TARGET_MS ? "met" : "NOT met", signet_median, signet_p95);

  sqlite3_finalize (index_stmt);
  sqlite3_finalize (window_stmt);
  sqlite3_close (floor_db);
  for (int m = 0; m < months; m++)
    {
      g_free (ranges[m].from);
      g_free (ranges[m].to);
    }
  g_free (ranges);
  for (guint i = 0; i < N_SERIES; i++)
    g_array_unref (series[i].times);

  return signet_median <= TARGET_MS ? EXIT_SUCCESS : 2;
}
