/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "signet-bench-filter"

#include "config.h"

#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include <sqlite3.h>

#include "signet-contract-list.h"
#include "signet-contract-query.h"
#include "signet-person.h"
#include "signet-store-events.h"
#include "signet-store-originals.h"
#include "signet-store-people.h"

/* The contract list's On Loan filter: timed from
 * signet_contract_list_set_filters() until the first rows a list view
 * shows are made (get_item of the first 50), alone and with a search, as
 * checking the menu item costs. It first lends the originals of every
 * 100th contract (--every), recording an original where there is none.
 * The floor is sqlite3 alone on the same file: the ids of the contracts
 * with a loan out, ordered by number, then the same rows read column by
 * column.
 *
 * Then a combined query (issue 17): active, high or medium risk, ending
 * within a year and lent out, set with signet_contract_list_set_query()
 * until the first rows are made, against sqlite3 alone selecting the same
 * contracts with the same conditions written out by hand (the shown status
 * as the CASE the list sorts by), ordered by number, and reading the same
 * rows. */

#define VISIBLE_ROWS 50

static int rounds = 9;
static int every = 100;

static const GOptionEntry entries[] = {
  { "rounds", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_INT, &rounds, "Timed rounds after one warm-up round (9)", "N" },
  { "every", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_INT, &every, "Lend the original of every Nth contract (100)", "N" },
  { NULL }
};

static double
ms_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1000.0;
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

/* Lends the original of every @step-th contract of @list to one borrower,
 * in one batch; what is out already stays. */
static guint
lend_originals (SignetStore        *store,
                SignetContractList *list,
                guint               step)
{
  g_autoptr(SignetPerson) person = NULL;
  g_autoptr(GError) error = NULL;
  guint n = g_list_model_get_n_items (G_LIST_MODEL (list));
  guint lent = 0;

  if (!(person = signet_store_find_person (store, "王芳", &error)))
    {
      person = signet_person_new ();
      signet_person_set_name (person, "王芳");
      signet_person_set_department (person, "法务部");
      if (!signet_store_add_person (store, person, &error))
        g_error ("%s", error->message);
    }

  if (!signet_store_begin_batch (store, &error))
    g_error ("%s", error->message);

  for (guint i = 0; i < n; i += step)
    {
      g_autoptr(SignetContract) contract = g_list_model_get_item (G_LIST_MODEL (list), i);
      gint64 id = signet_contract_get_id (contract);
      g_autoptr(SignetOriginal) original = NULL;
      g_autoptr(SignetLoan) loan = NULL;

      if (signet_store_contract_is_on_loan (store, id))
        continue;

      if (!(original = signet_store_get_original (store, id, &error)))
        {
          g_assert_no_error (error);
          original = signet_original_new (id);
          original->archive_number = g_strdup_printf ("DA-%" G_GINT64_FORMAT, id);
          if (!signet_store_save_original (store, original, &error))
            g_error ("%s", error->message);
        }

      loan = signet_loan_new (id);
      loan->borrower_id = signet_person_get_id (person);
      loan->purpose = g_strdup ("审计");
      loan->lent_on = g_strdup ("2026-11-02");
      loan->due_on = g_strdup ("2026-11-16");
      if (!signet_store_add_loan (store, loan, &error))
        g_error ("%s", error->message);
      lent++;
    }

  if (!signet_store_commit_batch (store, &error))
    g_error ("%s", error->message);

  return lent;
}

static double
time_signet (SignetContractList *list)
{
  gint64 start = g_get_monotonic_time ();
  guint n;

  signet_contract_list_set_filters (list, SIGNET_CONTRACT_FILTER_ON_LOAN);
  n = g_list_model_get_n_items (G_LIST_MODEL (list));
  for (guint i = 0; i < MIN (n, VISIBLE_ROWS); i++)
    g_object_unref (g_list_model_get_item (G_LIST_MODEL (list), i));

  return ms_since (start);
}

static double
time_query (SignetContractList        *list,
            const SignetContractQuery *query)
{
  gint64 start = g_get_monotonic_time ();
  guint n;

  signet_contract_list_set_query (list, query);
  n = g_list_model_get_n_items (G_LIST_MODEL (list));
  for (guint i = 0; i < MIN (n, VISIBLE_ROWS); i++)
    g_object_unref (g_list_model_get_item (G_LIST_MODEL (list), i));

  return ms_since (start);
}

#define LOAN_FLOOR_SQL \
  "SELECT c.id FROM contracts c JOIN loans l ON l.contract_id = c.id " \
  "WHERE l.returned_on IS NULL ORDER BY c.number"

/* The combined query by hand: ?1 today, ?2 a year on. */
#define COMBINED_FLOOR_SQL \
  "SELECT c.id FROM contracts c WHERE c.risk_level IN ('medium', 'high') " \
  "AND c.status IN ('signed', 'active', 'expired') " \
  "AND NOT (c.end_date IS NOT NULL AND c.end_date < ?1 AND NOT c.auto_renew) " \
  "AND (c.termination_date IS NULL OR c.termination_date >= ?1) " \
  "AND NOT (c.start_date IS NOT NULL AND ?1 < c.start_date) " \
  "AND NOT (c.start_date IS NULL AND c.end_date IS NULL) " \
  "AND c.end_date BETWEEN ?1 AND ?2 " \
  "AND c.id IN (SELECT contract_id FROM loans WHERE returned_on IS NULL) ORDER BY c.number"

static double
time_floor (sqlite3      *db,
            sqlite3_stmt *row,
            const char   *sql,
            const char   *today,
            const char   *until)
{
  gint64 start = g_get_monotonic_time ();
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    g_error ("%s", sqlite3_errmsg (db));
  if (today != NULL)
    {
      sqlite3_bind_text (stmt, 1, today, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, until, -1, SQLITE_STATIC);
    }
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  sqlite3_finalize (stmt);

  for (guint i = 0; i < MIN (ids->len, VISIBLE_ROWS); i++)
    {
      sqlite3_bind_int64 (row, 1, g_array_index (ids, gint64, i));
      if (sqlite3_step (row) != SQLITE_ROW)
        g_error ("%s", sqlite3_errmsg (db));
      for (int column = 0; column < sqlite3_column_count (row); column++)
        sqlite3_column_text (row, column);
      sqlite3_reset (row);
    }

  return ms_since (start);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = g_option_context_new ("DATABASE");
  g_autoptr(GError) error = NULL;
  g_autoptr(SignetStore) store = NULL;
  g_autoptr(SignetContractList) list = NULL;
  static const char * const searches[] = { NULL, "a" };
  sqlite3 *db = NULL;
  sqlite3_stmt *row = NULL;
  guint lent, n_all, n_out = 0;

  setlocale (LC_ALL, "");

  g_option_context_set_summary (context, "Times the contract list's On Loan filter against plain sqlite3.");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return EXIT_FAILURE;
    }
  if (argc != 2 || rounds < 1 || every < 1)
    {
      g_printerr ("Usage: %s [--rounds=N] [--every=N] DATABASE\n", g_get_prgname ());
      return EXIT_FAILURE;
    }
  if (!g_file_test (argv[1], G_FILE_TEST_IS_REGULAR))
    {
      g_printerr ("%s does not exist; make it with signet-bench-generate.\n", argv[1]);
      return EXIT_FAILURE;
    }

  if (!(store = signet_store_new (argv[1], &error)))
    {
      g_printerr ("%s\n", error->message);
      return EXIT_FAILURE;
    }

  list = signet_contract_list_new (store);
  n_all = g_list_model_get_n_items (G_LIST_MODEL (list));
  lent = lend_originals (store, list, every);

  if (sqlite3_open_v2 (argv[1], &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK ||
      sqlite3_prepare_v2 (db,
                          "SELECT c.id, c.number, c.title, c.client_id, k.name, c.contract_type, c.owner, "
                          "c.department, c.value, c.currency, c.signing_date, c.start_date, c.end_date, "
                          "c.auto_renew, c.notice_days, c.status, c.risk_level, c.tags, c.notes "
                          "FROM contracts c JOIN clients k ON k.id = c.client_id WHERE c.id = ?",
                          -1, &row, NULL) != SQLITE_OK)
    g_error ("%s", sqlite3_errmsg (db));

  printf ("%-12s %8s %10s %10s %10s %10s %8s\n", "search", "rows", "median_ms", "p95_ms", "floor_med", "floor_p95",
          "ratio");
  for (guint s = 0; s < G_N_ELEMENTS (searches); s++)
    {
      g_autoptr(GArray) signet_times = g_array_new (FALSE, FALSE, sizeof (double));
      g_autoptr(GArray) floor_times = g_array_new (FALSE, FALSE, sizeof (double));
      double sm, fm;

      for (int r = 0; r <= rounds; r++)
        {
          double signet_ms, floor_ms;

          signet_contract_list_set_filters (list, SIGNET_CONTRACT_FILTER_NONE);
          signet_contract_list_set_search (list, searches[s]);
          signet_ms = time_signet (list);
          n_out = g_list_model_get_n_items (G_LIST_MODEL (list));
          floor_ms = time_floor (db, row, LOAN_FLOOR_SQL, NULL, NULL);
          if (r == 0)
            continue;
          g_array_append_val (signet_times, signet_ms);
          g_array_append_val (floor_times, floor_ms);
        }

      sm = percentile (signet_times, 0.5);
      fm = percentile (floor_times, 0.5);
      printf ("%-12s %8u %10.2f %10.2f %10.2f %10.2f %8.2f\n", searches[s] != NULL ? searches[s] : "(none)", n_out,
              sm, percentile (signet_times, 0.95), fm, percentile (floor_times, 0.95), fm > 0 ? sm / fm : 0);
    }

  /* The combined query, with no search. */
  {
    g_autoptr(SignetContractQuery) combined = signet_contract_query_new ();
    g_autoptr(SignetContractQuery) empty = signet_contract_query_new ();
    g_autoptr(GArray) signet_times = g_array_new (FALSE, FALSE, sizeof (double));
    g_autoptr(GArray) floor_times = g_array_new (FALSE, FALSE, sizeof (double));
    g_autofree char *today = signet_store_dup_today (store);
    g_autofree char *until = NULL;
    guint n_floor = 0;
    GDate date;
    double sm, fm;

    g_date_set_parse (&date, today);
    g_date_add_years (&date, 1);
    until = g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (&date), g_date_get_month (&date),
                             g_date_get_day (&date));

    signet_contract_query_set_statuses (combined, 1 << SIGNET_CONTRACT_STATUS_ACTIVE);
    signet_contract_query_set_risk_levels (combined, (1 << SIGNET_RISK_LEVEL_MEDIUM) | (1 << SIGNET_RISK_LEVEL_HIGH));
    signet_contract_query_set_expiring_within (combined, 365);
    signet_contract_query_set_filters (combined, SIGNET_CONTRACT_FILTER_ON_LOAN);
    signet_contract_list_set_search (list, NULL);

    for (int r = 0; r <= rounds; r++)
      {
        double signet_ms, floor_ms;

        signet_contract_list_set_query (list, empty);
        signet_ms = time_query (list, combined);
        n_out = g_list_model_get_n_items (G_LIST_MODEL (list));
        floor_ms = time_floor (db, row, COMBINED_FLOOR_SQL, today, until);
        if (r == 0)
          continue;
        g_array_append_val (signet_times, signet_ms);
        g_array_append_val (floor_times, floor_ms);
      }

    {
      sqlite3_stmt *count;

      sqlite3_prepare_v2 (db, "SELECT count(*) FROM (" COMBINED_FLOOR_SQL ")", -1, &count, NULL);
      sqlite3_bind_text (count, 1, today, -1, SQLITE_STATIC);
      sqlite3_bind_text (count, 2, until, -1, SQLITE_STATIC);
      if (sqlite3_step (count) == SQLITE_ROW)
        n_floor = (guint) sqlite3_column_int (count, 0);
      sqlite3_finalize (count);
    }

    sm = percentile (signet_times, 0.5);
    fm = percentile (floor_times, 0.5);
    printf ("%-12s %8u %10.2f %10.2f %10.2f %10.2f %8.2f\n", "combined", n_out,
            sm, percentile (signet_times, 0.95), fm, percentile (floor_times, 0.95), fm > 0 ? sm / fm : 0);
    printf ("  (the floor's SQL selects %u contracts)\n", n_floor);
  }

  sqlite3_finalize (row);
  sqlite3_close (db);

  printf ("\nmethod: the On Loan filter set on the list (after it was off, so that it is\n"
          "  worked out again), alone and with the search \"a\", timed %d times after a\n"
          "  warm-up, from signet_contract_list_set_filters() to get_item() of the first %d rows.\n"
          "  Floor: sqlite3 alone on the same file, the ids of the contracts with a loan out\n"
          "  ordered by number (a join, no search), then the same %d rows read column by column.\n"
          "  Wall time, medians and p95 (nearest rank).\n"
          "combined: status Active, risk Medium or High, expiring within 365 days and On Loan,\n"
          "  set with signet_contract_list_set_query() after the empty query, to get_item() of\n"
          "  the first %d rows; floor: sqlite3 alone, the same conditions written out in one\n"
          "  SELECT (the shown status as the list's CASE, the loans as a subquery) ordered by\n"
          "  number, then the same rows read.\n", rounds, VISIBLE_ROWS, VISIBLE_ROWS, VISIBLE_ROWS);
  printf ("register: %u contracts, every %dth lent (%u lent by this run)\n", n_all, every, lent);
  printf ("load average at the end: %s", load_average ());

  return EXIT_SUCCESS;
}
