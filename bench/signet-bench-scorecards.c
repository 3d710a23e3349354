/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "signet-bench-scorecards"

#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include <sqlite3.h>

#include "signet-scorecard.h"
#include "signet-store-events.h"

/* The Scorecards dialog as it opens: signet_store_compute_scorecards() of
 * every client and of every department over this year, on a register with
 * commitments, the one signet-bench-agenda-commitments makes (100,000
 * contracts, 2,000 clients, 5 payments, 3 obligations and 2 risks each);
 * the payments it marks paid get the settlement that paid them, on their
 * due date but one in 7, paid 10 days late, so that the payments have
 * their days paid. The first call is timed alone (cold), then the median
 * and the worst of the rounds. The floor is a bare sqlite3 pass on the
 * same file through a connection of its own, in the same run: the same
 * statements Signet runs (every contract's row, the payments due in the
 * period with the day each was paid in full, the obligations and their
 * recorded occurrences, the counts of open risks, open actions and tacit
 * renewals), every row stepped and one column read, nothing added up.
 * What Signet does beyond it is the work of the figures in C: each
 * obligation's occurrences in the period counted from its first date,
 * the sums per subject and currency, the ranking. Wall and CPU time. */

static int rounds = 7;

static const GOptionEntry entries[] = {
  { "rounds", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_INT, &rounds, "Timed rounds after the cold one (7)", "N" },
  { NULL }
};

static const char * const floor_sql[] = {
  "SELECT c.id, c.client_id, cl.name, c.department, c.number, c.status, c.value, c.currency, "
  "c.signing_date, c.end_date, c.termination_date FROM contracts c JOIN clients cl ON cl.id = c.client_id",
  "SELECT p.contract_id, p.direction, p.amount, p.due_date, "
  "  CASE WHEN p.amount IS NOT NULL AND p.paid >= p.amount THEN "
  "    (SELECT min (day) FROM (SELECT s.date AS day, "
  "       sum (s.amount) OVER (ORDER BY s.date, s.id) AS running "
  "       FROM payment_settlements s WHERE s.payment_id = p.id) "
  "     WHERE running >= p.amount) END "
  "FROM payments p WHERE p.due_date BETWEEN ?1 AND ?2",
  "SELECT obligation_id, due_date, status, done_date FROM obligation_occurrences "
  "WHERE due_date BETWEEN ?1 AND ?2 ORDER BY obligation_id, due_date",
  "SELECT o.id, o.contract_id, o.party, o.due_date, o.recurrence, o.until_date, c.end_date, c.termination_date "
  "FROM obligations o JOIN contracts c ON c.id = o.contract_id WHERE o.due_date <= ?2",
  "SELECT contract_id, count (*) FROM risks WHERE status = 'open' GROUP BY contract_id",
  "SELECT r.contract_id, count (*) FROM review_actions a JOIN reviews r ON r.id = a.review_id "
  "WHERE a.done_date IS NULL GROUP BY r.contract_id",
  "SELECT contract_id, count (*) FROM process_events WHERE action = 'renew-tacitly' "
  "AND term_end BETWEEN ?1 AND ?2 GROUP BY contract_id",
};

static double
ms_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1000.0;
}

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
     const char *message)
{
  g_printerr ("%s: %s\n", what, message);
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

/* The settlements of the payments the agenda's benchmark marked paid,
 * once: one on the due date, but one payment in 7 paid 10 days late. */
static void
add_settlements (const char *path)
{
  sqlite3 *db;
  char *message = NULL;

  if (sqlite3_open (path, &db) != SQLITE_OK)
    die ("open", sqlite3_errmsg (db));
  if (sqlite3_exec (db,
                    "INSERT INTO payment_settlements (uuid, payment_id, date, amount, recorded_at, recorded_by) "
                    "SELECT printf ('%08x-0005-4000-8000-%012x', p.id, 0), p.id, "
                    "CASE WHEN p.id % 7 = 0 THEN date (p.due_date, '+10 days') ELSE p.due_date END, "
                    "p.paid, '2026-01-01T00:00:00Z', 'bench' FROM payments p "
                    "WHERE p.paid > 0 AND NOT EXISTS (SELECT 1 FROM payment_settlements)",
                    NULL, NULL, &message) != SQLITE_OK)
    die ("settlements", message);
  sqlite3_close (db);
}

/* The rows Signet reads, stepped; how many. */
static guint
floor_pass (sqlite3    *db,
            const char *from,
            const char *to)
{
  guint n = 0;
  gint64 sum = 0;

  for (guint i = 0; i < G_N_ELEMENTS (floor_sql); i++)
    {
      sqlite3_stmt *stmt = NULL;

      if (sqlite3_prepare_v2 (db, floor_sql[i], -1, &stmt, NULL) != SQLITE_OK)
        die ("floor", sqlite3_errmsg (db));
      if (sqlite3_bind_parameter_count (stmt) >= 2)
        {
          sqlite3_bind_text (stmt, 1, from, -1, SQLITE_STATIC);
          sqlite3_bind_text (stmt, 2, to, -1, SQLITE_STATIC);
        }
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          sum += sqlite3_column_int64 (stmt, 0);
          n++;
        }
      sqlite3_finalize (stmt);
    }

  return n + (sum < 0);
}

static GPtrArray *
compute (SignetStore            *store,
         SignetScorecardSubject  subject,
         const char             *from,
         const char             *to)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *cards = signet_store_compute_scorecards (store, subject, from, to, &error);

  if (cards == NULL)
    die ("scorecards", error->message);

  return cards;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = g_option_context_new ("DATABASE");
  g_autoptr(GError) error = NULL;
  g_autoptr(SignetStore) store = NULL;
  g_autoptr(GPtrArray) cards = NULL;
  g_autoptr(GArray) clients_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) clients_cpu = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) departments_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) floor_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) floor_cpu = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree char *today = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autofree char *load_at_start = NULL;
  sqlite3 *floor_db = NULL;
  double cold_ms;
  guint n_rows = 0;
  guint n_clients;
  gint64 start;

  setlocale (LC_ALL, "");

  g_option_context_set_summary (context, "Times the scorecards of every client and department against plain sqlite3.\n"
                                         "DATABASE is a register made by signet-bench-agenda-commitments.");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    die ("options", error->message);
  if (argc != 2 || rounds < 1 || !g_file_test (argv[1], G_FILE_TEST_EXISTS))
    {
      g_printerr ("Usage: %s [--rounds=N] DATABASE\n"
                  "DATABASE, made by signet-bench-agenda-commitments, must exist.\n", g_get_prgname ());
      return EXIT_FAILURE;
    }
  load_at_start = g_strdup (load_average ());
  add_settlements (argv[1]);

  store = signet_store_new (argv[1], &error);
  if (store == NULL)
    die (argv[1], error->message);
  if (!signet_store_update_events (store, &error))
    die ("update", error->message);
  today = signet_store_dup_today (store);
  signet_scorecard_period_get_range (SIGNET_SCORECARD_PERIOD_THIS_YEAR, today, &from, &to);

  start = g_get_monotonic_time ();
  cards = compute (store, SIGNET_SCORECARD_CLIENT, from, to);
  cold_ms = ms_since (start);
  n_clients = cards->len;

  if (sqlite3_open_v2 (argv[1], &floor_db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
    die ("open", sqlite3_errmsg (floor_db));
  floor_pass (floor_db, from, to);

  for (int r = 0; r < rounds; r++)
    {
      double cpu;
      double ms;

      g_clear_pointer (&cards, g_ptr_array_unref);
      cpu = cpu_ms ();
      start = g_get_monotonic_time ();
      cards = compute (store, SIGNET_SCORECARD_CLIENT, from, to);
      ms = ms_since (start);
      cpu = cpu_ms () - cpu;
      g_array_append_val (clients_ms, ms);
      g_array_append_val (clients_cpu, cpu);

      g_clear_pointer (&cards, g_ptr_array_unref);
      start = g_get_monotonic_time ();
      cards = compute (store, SIGNET_SCORECARD_DEPARTMENT, from, to);
      ms = ms_since (start);
      g_array_append_val (departments_ms, ms);

      cpu = cpu_ms ();
      start = g_get_monotonic_time ();
      n_rows = floor_pass (floor_db, from, to);
      ms = ms_since (start);
      cpu = cpu_ms () - cpu;
      g_array_append_val (floor_ms, ms);
      g_array_append_val (floor_cpu, cpu);
    }
  sqlite3_close (floor_db);

  printf ("Method: signet_store_compute_scorecards() of every client, then of every department, over\n"
          "%s to %s on %s (settlements added to its paid payments); the first call timed alone\n"
          "(cold), then %d rounds; the floor is the same statements in one bare sqlite3 pass, every row\n"
          "stepped, through a read-only connection of its own, in the same run.\n",
          from, to, argv[1], rounds);
  printf ("load at start: %s", load_at_start);
  printf ("load at end:   %s", load_average ());
  printf ("contracts %d, clients with a scorecard %u, departments %u, floor rows %u\n",
          signet_store_count_contracts (store), n_clients, cards->len, n_rows);
  printf ("%-32s %10s %10s %12s\n", "", "median_ms", "worst_ms", "median_cpu_ms");
  printf ("%-32s %10.1f %10s %12s\n", "clients, cold (first after open)", cold_ms, "-", "-");
  printf ("%-32s %10.1f %10.1f %12.1f\n", "clients (signet)", median (clients_ms), worst (clients_ms),
          median (clients_cpu));
  printf ("%-32s %10.1f %10.1f %12s\n", "departments (signet)", median (departments_ms), worst (departments_ms), "-");
  printf ("%-32s %10.1f %10.1f %12.1f\n", "floor (bare sqlite3 pass)", median (floor_ms), worst (floor_ms),
          median (floor_cpu));
  printf ("ratio clients/floor: %.2f wall, %.2f cpu\n", median (clients_ms) / median (floor_ms),
          median (clients_cpu) / median (floor_cpu));

  return EXIT_SUCCESS;
}
