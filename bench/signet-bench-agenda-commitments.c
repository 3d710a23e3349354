/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "signet-bench-agenda-commitments"

#include "config.h"

#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include <sqlite3.h>

#include "signet-date.h"
#include "signet-demo.h"
#include "signet-store-events.h"

/* The agenda over a register with what its contracts commit us to: the
 * register of signet_demo_generate() (100,000 contracts, 2,000 clients,
 * seed 1), and per contract, written with SQL into the tables of
 * migrations 16 to 20: 5 planned payments (every 73 days from the
 * contract's start, a third payable; those due before today paid, but one
 * contract in 50), 3 obligations (monthly, quarterly and once, due on the
 * 15th from the month of the start until the end; the occurrences before
 * today done, but one obligation in 100), 2 risks, and an unreturned loan
 * of the original for one contract in 100. Each sample is what
 * SignetAgendaView asks for to show its first screen, the first page of
 * signet_store_list_agenda_page() for today and the next 90 days
 * (SIGNET_AGENDA_PAGE_EVENTS events, the overdue part first), timed until
 * its SignetEvents are made. The floor is a bare sqlite3 query on the
 * same file in the same run: the first as many rows of the same 91 days
 * in the index's order, joined with their contract, every column read.
 * Also timed, each against its own floor: a page read while scrolling,
 * from the middle of the 90 days, and the whole agenda at once (what the
 * window read before it read pages: the floor is then the bare range
 * query of all 91 days). Also timed: deriving every
 * contract's events, the first query after the day moves on by a day
 * (the index brought to it) and after it moves into the next month (the
 * window of obligation occurrences moves: every obligation derived
 * again). */

#define TARGET_MS 50.0
#define AGENDA_DAYS 90
#define WHOLE_ROUNDS 3

static int n_contracts = 100000;
static int n_clients = 2000;
static int rounds = 21;

static const GOptionEntry entries[] = {
  { "contracts", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_INT, &n_contracts,
    "Contracts to generate when DATABASE does not exist (100000)", "N" },
  { "clients", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_INT, &n_clients, "Clients to generate (2000)", "N" },
  { "rounds", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_INT, &rounds, "Timed agendas after a warm-up (21)", "N" },
  { NULL }
};

static double
ms_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1000.0;
}

/* CPU time of this process: what other programs on a shared machine do
 * does not inflate it. */
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

static double
median (GArray *samples)
{
  if (samples->len == 0)
    return 0;

  g_array_sort (samples, compare_doubles);

  return g_array_index (samples, double, samples->len / 2);
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

static void
exec_or_die (sqlite3    *db,
             const char *sql)
{
  char *message = NULL;

  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    {
      g_printerr ("%s\n%s\n", message, sql);
      exit (EXIT_FAILURE);
    }
}

/* The commitments of every contract, as the comment at the top says, as
 * of @today. A UUID is made from the row's place ("%08x-…"), unique and
 * of the right form. */
static void
add_commitments (const char *path,
                 const char *today)
{
  g_autofree char *sql = NULL;
  sqlite3 *db;

  if (sqlite3_open (path, &db) != SQLITE_OK)
    {
      g_printerr ("open: %s\n", sqlite3_errmsg (db));
      exit (EXIT_FAILURE);
    }

  sql = g_strdup_printf (
    "BEGIN;"
    "CREATE TEMP TABLE k (i INTEGER PRIMARY KEY);"
    "INSERT INTO k VALUES (0), (1), (2), (3), (4);"
    "CREATE TEMP TABLE n (i INTEGER PRIMARY KEY);"
    "WITH RECURSIVE s (i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM s WHERE i < 120) "
    "  INSERT INTO n SELECT i FROM s;"
    /* 5 planned payments. */
    "INSERT INTO payments (uuid, contract_id, direction, title, amount, currency, due_date, paid) "
    "  SELECT printf ('%%08x-0001-4000-8000-%%012x', c.id, k.i), c.id, "
    "  CASE WHEN c.id %% 3 = 0 THEN 'payable' ELSE 'receivable' END, '第' || (k.i + 1) || '期款', "
    "  100000 * (k.i + 1), 'CNY', date (coalesce (c.start_date, '%1$s'), '+' || (73 * k.i) || ' days'), "
    "  CASE WHEN date (coalesce (c.start_date, '%1$s'), '+' || (73 * k.i) || ' days') < '%1$s' "
    "  AND c.id %% 50 <> 0 THEN 100000 * (k.i + 1) ELSE 0 END "
    "  FROM contracts c, k ORDER BY c.id, k.i;"
    /* 3 obligations: monthly, quarterly, once. */
    "INSERT INTO obligations (uuid, contract_id, party, title, owner_id, due_date, recurrence, until_date) "
    "  SELECT printf ('%%08x-0002-4000-8000-%%012x', c.id, k.i), c.id, "
    "  CASE k.i WHEN 2 THEN 'client' ELSE 'us' END, "
    "  CASE k.i WHEN 0 THEN '月度维保报告' WHEN 1 THEN '季度对账' ELSE '交付验收' END, NULL, "
    "  date (coalesce (c.start_date, '%1$s'), 'start of month', '+14 days'), "
    "  CASE k.i WHEN 0 THEN 'monthly' WHEN 1 THEN 'quarterly' ELSE 'none' END, NULL "
    "  FROM contracts c, k WHERE k.i < 3 ORDER BY c.id, k.i;"
    /* Their occurrences before today done, but one obligation in 100's. */
    "INSERT INTO obligation_occurrences (obligation_id, due_date, status, done_date, recorded_at, recorded_by) "
    "  SELECT o.id, date (o.due_date, '+' || (n.i * CASE o.recurrence WHEN 'monthly' THEN 1 ELSE 3 END) || ' months'), "
    "  'done', date (o.due_date, '+' || (n.i * CASE o.recurrence WHEN 'monthly' THEN 1 ELSE 3 END) || ' months'), "
    "  '%1$sT09:00:00Z', 'bench' "
    "  FROM obligations o JOIN contracts c ON c.id = o.contract_id, n "
    "  WHERE o.id %% 100 <> 0 AND (n.i = 0 OR o.recurrence <> 'none') "
    "  AND date (o.due_date, '+' || (n.i * CASE o.recurrence WHEN 'monthly' THEN 1 ELSE 3 END) || ' months') < '%1$s' "
    "  AND date (o.due_date, '+' || (n.i * CASE o.recurrence WHEN 'monthly' THEN 1 ELSE 3 END) || ' months') "
    "  <= coalesce (c.end_date, '%1$s');"
    /* 2 risks. */
    "INSERT INTO risks (uuid, contract_id, category, description, likelihood, impact, status, next_review) "
    "  SELECT printf ('%%08x-0003-4000-8000-%%012x', c.id, k.i), c.id, "
    "  CASE k.i WHEN 0 THEN 'financial' ELSE 'performance' END, '付款延迟风险', 1 + c.id %% 5, 1 + k.i, "
    "  'open', date ('%1$s', '+' || (c.id %% 180) || ' days') FROM contracts c, k WHERE k.i < 2;"
    /* An original on loan for one contract in 100, due within two months. */
    "INSERT INTO people (name, match_key) VALUES ('王芳', 'bench wang fang');"
    "INSERT INTO loans (uuid, contract_id, borrower_id, purpose, lent_on, due_on, lent_by) "
    "  SELECT printf ('%%08x-0004-4000-8000-%%012x', c.id, 0), c.id, "
    "  (SELECT id FROM people WHERE match_key = 'bench wang fang'), '审计', "
    "  date ('%1$s', '-30 days'), date ('%1$s', printf ('%%+d days', c.id %% 60 - 20)), 'bench' "
    "  FROM contracts c WHERE c.id %% 100 = 7;"
    "COMMIT;",
    today);
  exec_or_die (db, sql);
  sqlite3_close (db);
}

static sqlite3_stmt *
prepare (sqlite3    *db,
         const char *sql)
{
  sqlite3_stmt *stmt;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      g_printerr ("prepare: %s\n", sqlite3_errmsg (db));
      exit (EXIT_FAILURE);
    }

  return stmt;
}

/* The bare range query: every row of the 91 days, each column read. */
static double
time_floor (sqlite3_stmt *stmt,
            const char   *from,
            const char   *to,
            guint        *n_rows)
{
  gint64 start = g_get_monotonic_time ();
  int columns = sqlite3_column_count (stmt);

  *n_rows = 0;
  sqlite3_bind_text (stmt, 1, from, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, to, -1, SQLITE_STATIC);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      for (int i = 0; i < columns; i++)
        sqlite3_column_text (stmt, i);
      (*n_rows)++;
    }
  sqlite3_reset (stmt);

  return ms_since (start);
}

/* The first page of the agenda, as the window's first screen asks for
 * it, or with @whole the whole agenda at once; its length in @n_events,
 * of which @n_overdue before @today. */
static double
time_agenda (SignetStore *store,
             const char  *today,
             gboolean     whole,
             double      *cpu,
             guint       *n_events,
             guint       *n_overdue)
{
  g_autoptr(GPtrArray) agenda = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(SignetAgendaCursor) cursor = { 0 };
  double cpu_start = cpu_ms ();
  gint64 start = g_get_monotonic_time ();
  double ms;

  if (whole)
    agenda = signet_store_list_agenda (store, today, AGENDA_DAYS, &error);
  else
    agenda = signet_store_list_agenda_page (store, today, AGENDA_DAYS, &cursor, SIGNET_AGENDA_PAGE_EVENTS, &error);
  ms = ms_since (start);
  if (cpu != NULL)
    *cpu = cpu_ms () - cpu_start;
  if (agenda == NULL)
    die ("agenda", error);

  *n_events = agenda->len;
  *n_overdue = 0;
  for (guint i = 0; i < agenda->len; i++)
    if (g_strcmp0 (signet_event_get_date (g_ptr_array_index (agenda, i)), today) < 0)
      (*n_overdue)++;

  return ms;
}

/* A page read while scrolling: the one after @cursor, which is left
 * where it was. */
static double
time_page_after (SignetStore              *store,
                 const char               *today,
                 const SignetAgendaCursor *cursor)
{
  g_autoptr(GPtrArray) page = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(SignetAgendaCursor) copy = *cursor;
  gint64 start;
  double ms;

  copy.number = g_strdup (cursor->number);
  start = g_get_monotonic_time ();
  page = signet_store_list_agenda_page (store, today, AGENDA_DAYS, &copy, SIGNET_AGENDA_PAGE_EVENTS, &error);
  ms = ms_since (start);
  if (page == NULL)
    die ("agenda page", error);

  return ms;
}

/* The cursor after the events of the agenda up to @day, where a user who
 * scrolled to the middle of the 90 days reads the next page. */
static void
cursor_before_day (SignetStore        *store,
                   const char         *today,
                   const char         *day,
                   SignetAgendaCursor *cursor)
{
  g_autoptr(GError) error = NULL;

  while (!signet_agenda_cursor_is_done (cursor) &&
         (cursor->part == 0 || g_strcmp0 (cursor->date, day) < 0))
    {
      g_autoptr(GPtrArray) page = signet_store_list_agenda_page (store, today, AGENDA_DAYS, cursor, 5000, &error);

      if (page == NULL)
        die ("agenda", error);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = g_option_context_new ("DATABASE");
  g_autoptr(GError) error = NULL;
  g_autoptr(SignetStore) store = NULL;
  g_autoptr(GArray) agenda_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) agenda_cpu = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) floor_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) middle_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) middle_floor_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) whole_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) whole_floor_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree char *middle = NULL;
  g_autofree char *load_at_start = NULL;
  g_autofree char *today = NULL;
  g_autofree char *until = NULL;
  g_autofree char *next_day = NULL;
  g_autofree char *next_month = NULL;
  const char *path;
  double generate_s = -1, rebuild_ms, day_ms, month_ms, agenda_ms, agenda_cpu_ms, floor_ms;
  double middle_ms, middle_floor_ms, whole_ms, whole_floor_ms;
  guint n_events = 0, n_overdue = 0, n_floor = 0, n_index = 0;
  guint n_floor_page = 0, n_floor_middle = 0, n_whole = 0, n_whole_overdue = 0;
  g_autoptr(GString) kinds = g_string_new (NULL);
  sqlite3 *floor_db;
  sqlite3_stmt *floor_stmt;
  sqlite3_stmt *floor_page_stmt;
  GDate date;
  gint64 start;

  setlocale (LC_ALL, "");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    die ("options", error);
  if (argc != 2 || rounds < 1)
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
      g_autofree char *generated_today = NULL;

      if (generated == NULL)
        die (path, error);
      start = g_get_monotonic_time ();
      if (!signet_demo_generate (generated, n_clients, n_contracts, 1, &error))
        die ("generate", error);
      generated_today = signet_store_dup_today (generated);
      g_clear_object (&generated);
      add_commitments (path, generated_today);
      generate_s = ms_since (start) / 1000.0;
    }

  store = signet_store_new (path, &error);
  if (store == NULL)
    die (path, error);
  n_contracts = signet_store_count_contracts (store);
  today = signet_store_dup_today (store);

  start = g_get_monotonic_time ();
  if (!signet_store_rebuild_events (store, &error))
    die ("rebuild", error);
  rebuild_ms = ms_since (start);

  signet_date_parse (today, &date);
  g_date_add_days (&date, AGENDA_DAYS);
  until = signet_date_to_iso (&date);

  if (sqlite3_open_v2 (path, &floor_db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
    {
      g_printerr ("open: %s\n", sqlite3_errmsg (floor_db));
      return EXIT_FAILURE;
    }
  floor_stmt = prepare (floor_db,
                        "SELECT e.contract_id, e.kind, e.date, e.record_id, c.number, c.title "
                        "FROM contract_events e JOIN contracts c ON c.id = e.contract_id "
                        "WHERE e.date BETWEEN ?1 AND ?2");
  floor_page_stmt = prepare (floor_db,
                             "SELECT e.contract_id, e.kind, e.date, e.record_id, c.number, c.title "
                             "FROM contract_events e JOIN contracts c ON c.id = e.contract_id "
                             "WHERE e.date BETWEEN ?1 AND ?2 ORDER BY e.date, e.kind, e.contract_id "
                             "LIMIT " G_STRINGIFY (SIGNET_AGENDA_PAGE_EVENTS));
  {
    sqlite3_stmt *count = prepare (floor_db, "SELECT count(*) FROM contract_events WHERE contract_id <> 0");

    sqlite3_step (count);
    n_index = sqlite3_column_int (count, 0);
    sqlite3_finalize (count);

    /* What the agenda's days hold, kind by kind. */
    count = prepare (floor_db, "SELECT kind, count(*) FROM contract_events WHERE date BETWEEN ?1 AND ?2 "
                               "AND contract_id <> 0 GROUP BY kind ORDER BY 2 DESC");
    sqlite3_bind_text (count, 1, today, -1, SQLITE_STATIC);
    sqlite3_bind_text (count, 2, until, -1, SQLITE_STATIC);
    while (sqlite3_step (count) == SQLITE_ROW)
      g_string_append_printf (kinds, "%s%s %d", kinds->len > 0 ? ", " : "",
                              (const char *) sqlite3_column_text (count, 0), sqlite3_column_int (count, 1));
    sqlite3_finalize (count);
  }

  {
    g_auto(SignetAgendaCursor) cursor = { 0 };

    signet_date_parse (today, &date);
    g_date_add_days (&date, AGENDA_DAYS / 2);
    middle = signet_date_to_iso (&date);
    cursor_before_day (store, today, middle, &cursor);

    /* Round 0 warms the page cache and is not counted. */
    for (int r = 0; r <= rounds; r++)
      {
        double cpu;
        double ms = time_agenda (store, today, FALSE, &cpu, &n_events, &n_overdue);
        double floor = time_floor (floor_page_stmt, today, until, &n_floor_page);
        double page = time_page_after (store, today, &cursor);
        double page_floor = time_floor (floor_page_stmt, middle, until, &n_floor_middle);

        if (r == 0)
          continue;
        g_array_append_val (agenda_times, ms);
        g_array_append_val (agenda_cpu, cpu);
        g_array_append_val (floor_times, floor);
        g_array_append_val (middle_times, page);
        g_array_append_val (middle_floor_times, page_floor);
      }
  }
  agenda_ms = median (agenda_times);
  agenda_cpu_ms = median (agenda_cpu);
  floor_ms = median (floor_times);
  middle_ms = median (middle_times);
  middle_floor_ms = median (middle_floor_times);

  /* The whole agenda at once takes seconds: fewer rounds. */
  for (int r = 0; r <= WHOLE_ROUNDS; r++)
    {
      double ms = time_agenda (store, today, TRUE, NULL, &n_whole, &n_whole_overdue);
      double floor = time_floor (floor_stmt, today, until, &n_floor);

      if (r == 0)
        continue;
      g_array_append_val (whole_times, ms);
      g_array_append_val (whole_floor_times, floor);
    }
  whole_ms = median (whole_times);
  whole_floor_ms = median (whole_floor_times);

  /* The day moves on: the first agenda brings the index to it. */
  signet_date_parse (today, &date);
  g_date_add_days (&date, 1);
  next_day = signet_date_to_iso (&date);
  signet_store_set_today (store, next_day);
  {
    guint n, o;

    day_ms = time_agenda (store, next_day, FALSE, NULL, &n, &o);
  }

  /* And into the next month: every obligation is derived again. */
  g_date_set_day (&date, 1);
  g_date_add_months (&date, 1);
  next_month = signet_date_to_iso (&date);
  signet_store_set_today (store, next_month);
  {
    guint n, o;

    month_ms = time_agenda (store, next_month, FALSE, NULL, &n, &o);
  }

  sqlite3_finalize (floor_stmt);
  sqlite3_finalize (floor_page_stmt);
  sqlite3_close (floor_db);

  printf ("Method: what the agenda asks for to show its first screen, signet_store_list_agenda_page "
          "(today %s, %d days, the first %d events: the overdue part first, then %s to %s), %d timed runs "
          "after one warm-up, median; floor: a bare sqlite3 query of the first %d rows of the same days in "
          "the index's order (contract_events joined with contracts, every column read), in the same run. "
          "Also a page read while scrolling, from %s on (floor: the same bare query from that day), and the "
          "whole agenda at once (%d runs; floor: the bare range query of all the days).\n",
          today, AGENDA_DAYS, SIGNET_AGENDA_PAGE_EVENTS, today, until, rounds, SIGNET_AGENDA_PAGE_EVENTS,
          middle, WHOLE_ROUNDS);
  printf ("Register: %d contracts, %u indexed events; per contract 5 planned payments, 3 obligations, "
          "2 risks%s.\n", n_contracts, n_index, generate_s >= 0 ? " (generated now)" : "");
  printf ("The %d days from today: %s.\n", AGENDA_DAYS, kinds->str);
  printf ("Load average at start: %s", load_at_start);
  printf ("Load average at end:   %s", load_average ());
  if (generate_s >= 0)
    printf ("%-46s %10.1f s\n", "generate", generate_s);
  printf ("%-46s %10.1f ms\n", "derive every contract's events", rebuild_ms);
  printf ("%-46s %10.1f ms  (%u events, %u overdue)\n", "first screen, median", agenda_ms, n_events, n_overdue);
  printf ("%-46s %10.1f ms\n", "first screen, median CPU", agenda_cpu_ms);
  printf ("%-46s %10.1f ms  (%u rows)\n", "floor: sqlite3 first rows, median", floor_ms, n_floor_page);
  printf ("%-46s %10.2f\n", "ratio first screen / floor", floor_ms > 0 ? agenda_ms / floor_ms : 0);
  printf ("%-46s %10.1f ms\n", "a page while scrolling, median", middle_ms);
  printf ("%-46s %10.1f ms  (%u rows)\n", "floor: sqlite3 rows from that day, median", middle_floor_ms, n_floor_middle);
  printf ("%-46s %10.2f\n", "ratio page / floor", middle_floor_ms > 0 ? middle_ms / middle_floor_ms : 0);
  printf ("%-46s %10.1f ms  (%u events, %u overdue)\n", "whole agenda at once, median", whole_ms, n_whole,
          n_whole_overdue);
  printf ("%-46s %10.1f ms  (%u rows)\n", "floor: sqlite3 range query, median", whole_floor_ms, n_floor);
  printf ("%-46s %10.2f\n", "ratio whole / floor", whole_floor_ms > 0 ? whole_ms / whole_floor_ms : 0);
  printf ("%-46s %10.1f ms\n", "first screen after the day moves on", day_ms);
  printf ("%-46s %10.1f ms\n", "first screen in the next month", month_ms);
  printf ("Target: first screen, median ≤ %.0f ms: %s\n", TARGET_MS, agenda_ms <= TARGET_MS ? "met" : "NOT met");

  return EXIT_SUCCESS;
}
