/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "signet-bench-sort"

#include "config.h"

#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include <sqlite3.h>

#include "signet-amendment.h"
#include "signet-contract-list.h"
#include "signet-contract-process.h"
#include "signet-date.h"
#include "signet-store-amendments.h"

/* The contract list's sorts: each column's order, both ways, timed from
 * signet_contract_list_set_sort() until the first rows a list view shows
 * are made (get_item of the first 50), as a click on a column header
 * costs. With --amend=N it first gives N signed contracts an amendment in
 * force (the value 3 % up, the end a year later, the title restated), so
 * that the list sorts by the terms in force. The floor is the same order
 * through plain sqlite3 on the same file: the ids ordered by the stored
 * columns, then the same rows read column by column. */

#define VISIBLE_ROWS 50

static int rounds = 7;
static int amend = 0;

static const GOptionEntry entries[] = {
  { "rounds", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_INT, &rounds, "Timed rounds over all sorts after one warm-up round (7)", "N" },
  { "amend", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_INT, &amend, "First amend N signed contracts (written to the file)", "N" },
  { NULL }
};

static const struct
{
  SignetSortKey  key;
  const char    *name;
  const char    *floor_order;    /* what the floor orders by */
} sorts[] = {
  { SIGNET_SORT_NUMBER, "number", "c.number" },
  { SIGNET_SORT_TITLE, "title", "c.title_key, c.number" },
  { SIGNET_SORT_CLIENT, "client", "k.name_key, c.number" },
  { SIGNET_SORT_STATUS, "status", "c.status, c.number" },
  { SIGNET_SORT_END_DATE, "end date", "c.end_date IS NULL, c.end_date, c.number" },
  { SIGNET_SORT_VALUE, "value", "c.value, c.currency, c.number" },
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

/* Amends the first @n signed contracts with an end date, in one batch. */
static guint
amend_contracts (SignetStore *store,
                 guint        n)
{
  g_autoptr(SignetContractList) list = signet_contract_list_new (store);
  g_autoptr(GError) error = NULL;
  g_autofree char *today = signet_date_today_iso ();
  guint done = 0;

  if (!signet_store_begin_batch (store, &error))
    g_error ("%s", error->message);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (list)) && done < n; i++)
    {
      g_autoptr(SignetContract) contract = g_list_model_get_item (G_LIST_MODEL (list), i);
      g_autoptr(SignetAmendment) amendment = NULL;
      GDate end;
      char later[16];

      if (!signet_contract_is_signed (contract) || signet_contract_get_end_date (contract) == NULL ||
          signet_contract_get_start_date (contract) == NULL ||
          g_strcmp0 (signet_contract_get_start_date (contract), today) >= 0)
        continue;

      if (!signet_date_parse (signet_contract_get_end_date (contract), &end))
        continue;
      g_date_add_years (&end, 1);
      g_date_strftime (later, sizeof later, "%Y-%m-%d", &end);

      amendment = signet_amendment_new (signet_contract_get_id (contract));
      amendment->number = g_strdup_printf ("%s-A1", signet_contract_get_number (contract));
      amendment->effective_date = g_strdup (signet_contract_get_start_date (contract));
      amendment->changes = SIGNET_AMENDED_TERM_FLAG (SIGNET_AMENDED_VALUE) |
                           SIGNET_AMENDED_TERM_FLAG (SIGNET_AMENDED_END_DATE) |
                           SIGNET_AMENDED_TERM_FLAG (SIGNET_AMENDED_TITLE);
      amendment->value = signet_contract_get_value (contract) * 103 / 100;
      amendment->currency = g_strdup (signet_contract_get_currency (contract) != NULL
                                      ? signet_contract_get_currency (contract) : "CNY");
      amendment->end_date = g_strdup (later);
      /* The same words: the search's floor, which reads the stored
       * titles, still finds what Signet finds. */
      amendment->title = g_strdup (signet_contract_get_title (contract));
      if (!signet_store_add_amendment (store, amendment, &error))
        g_error ("%s: %s", signet_contract_get_number (contract), error->message);
      done++;
    }

  if (!signet_store_commit_batch (store, &error))
    g_error ("%s", error->message);

  return done;
}

static double
time_signet (SignetContractList *list,
             guint               s)
{
  gint64 start = g_get_monotonic_time ();
  guint n;

  signet_contract_list_set_sort (list, sorts[s].key, FALSE);
  n = g_list_model_get_n_items (G_LIST_MODEL (list));
  for (guint i = 0; i < MIN (n, VISIBLE_ROWS); i++)
    {
      g_autoptr(SignetContract) contract = g_list_model_get_item (G_LIST_MODEL (list), i);

      g_assert (contract != NULL);
    }

  return ms_since (start);
}

static double
time_floor (sqlite3      *db,
            sqlite3_stmt *row,
            guint         s)
{
  gint64 start = g_get_monotonic_time ();
  g_autofree char *sql = g_strdup_printf ("SELECT c.id FROM contracts c LEFT JOIN clients k ON k.id = c.client_id "
                                          "ORDER BY %s", sorts[s].floor_order);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    g_error ("%s", sqlite3_errmsg (db));
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
  g_autoptr(GArray) signet_all = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) floor_all = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) signet_cpu_all = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) floor_cpu_all = g_array_new (FALSE, FALSE, sizeof (double));
  sqlite3 *db = NULL;
  sqlite3_stmt *row = NULL;
  guint amended = 0;
  guint n_all;

  setlocale (LC_ALL, "");

  g_option_context_set_summary (context, "Times the contract list's sorts against plain sqlite3.");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return EXIT_FAILURE;
    }
  if (argc != 2 || rounds < 1 || amend < 0)
    {
      g_printerr ("Usage: %s [--rounds=N] [--amend=N] DATABASE\n", g_get_prgname ());
      return EXIT_FAILURE;
    }
  if (!g_file_test (argv[1], G_FILE_TEST_IS_REGULAR))
    {
      g_printerr ("%s does not exist; make it with signet-bench-generate.\n", argv[1]);
      return EXIT_FAILURE;
    }

  store = signet_store_new (argv[1], &error);
  if (store == NULL)
    {
      g_printerr ("%s\n", error->message);
      return EXIT_FAILURE;
    }
  if (amend > 0)
    amended = amend_contracts (store, amend);

  list = signet_contract_list_new (store);
  n_all = g_list_model_get_n_items (G_LIST_MODEL (list));

  if (sqlite3_open_v2 (argv[1], &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK ||
      sqlite3_prepare_v2 (db,
                          "SELECT c.id, c.number, c.title, c.client_id, k.name, c.contract_type, c.owner, "
                          "c.department, c.value, c.currency, c.signing_date, c.start_date, c.end_date, "
                          "c.auto_renew, c.notice_days, c.status, c.risk_level, c.tags, c.notes "
                          "FROM contracts c JOIN clients k ON k.id = c.client_id WHERE c.id = ?",
                          -1, &row, NULL) != SQLITE_OK)
    g_error ("%s", sqlite3_errmsg (db));

  printf ("%-10s %10s %10s %10s %10s %8s %8s %9s %9s\n", "sort", "median_ms", "p95_ms", "floor_med", "floor_p95",
          "ratio", "cpu_ms", "floor_cpu", "cpu_ratio");
  for (guint s = 0; s < G_N_ELEMENTS (sorts); s++)
    {
      g_autoptr(GArray) signet_times = g_array_new (FALSE, FALSE, sizeof (double));
      g_autoptr(GArray) floor_times = g_array_new (FALSE, FALSE, sizeof (double));
      g_autoptr(GArray) signet_cpu = g_array_new (FALSE, FALSE, sizeof (double));
      g_autoptr(GArray) floor_cpu = g_array_new (FALSE, FALSE, sizeof (double));
      double sm, fm, sc, fc;

      for (int r = 0; r <= rounds; r++)
        {
          double signet_ms, floor_ms, signet_cpu_ms, floor_cpu_ms;

          /* Another column first, so that the order is queried again. */
          signet_contract_list_set_sort (list, sorts[(s + 1) % G_N_ELEMENTS (sorts)].key, FALSE);
          signet_cpu_ms = cpu_ms ();
          signet_ms = time_signet (list, s);
          signet_cpu_ms = cpu_ms () - signet_cpu_ms;
          floor_cpu_ms = cpu_ms ();
          floor_ms = time_floor (db, row, s);
          floor_cpu_ms = cpu_ms () - floor_cpu_ms;
          if (r == 0)
            continue;
          g_array_append_val (signet_cpu, signet_cpu_ms);
          g_array_append_val (floor_cpu, floor_cpu_ms);
          g_array_append_val (signet_cpu_all, signet_cpu_ms);
          g_array_append_val (floor_cpu_all, floor_cpu_ms);
          g_array_append_val (signet_times, signet_ms);
          g_array_append_val (floor_times, floor_ms);
          g_array_append_val (signet_all, signet_ms);
          g_array_append_val (floor_all, floor_ms);
        }

      sm = percentile (signet_times, 0.5);
      fm = percentile (floor_times, 0.5);
      sc = percentile (signet_cpu, 0.5);
      fc = percentile (floor_cpu, 0.5);
      printf ("%-10s %10.2f %10.2f %10.2f %10.2f %8.2f %8.2f %9.2f %9.2f\n", sorts[s].name, sm,
              percentile (signet_times, 0.95), fm, percentile (floor_times, 0.95), fm > 0 ? sm / fm : 0,
              sc, fc, fc > 0 ? sc / fc : 0);
    }
  printf ("%-10s %10.2f %10.2f %10.2f %10.2f %8.2f %8.2f %9.2f %9.2f\n", "all", percentile (signet_all, 0.5),
          percentile (signet_all, 0.95), percentile (floor_all, 0.5), percentile (floor_all, 0.95),
          percentile (floor_all, 0.5) > 0 ? percentile (signet_all, 0.5) / percentile (floor_all, 0.5) : 0,
          percentile (signet_cpu_all, 0.5), percentile (floor_cpu_all, 0.5),
          percentile (floor_cpu_all, 0.5) > 0
          ? percentile (signet_cpu_all, 0.5) / percentile (floor_cpu_all, 0.5) : 0);

  sqlite3_finalize (row);
  sqlite3_close (db);

  printf ("\nmethod: each of the list's %u sorts (ascending) timed %d times after a warm-up,\n"
          "  from signet_contract_list_set_sort() (after another column's, so the order is\n"
          "  queried again) to get_item() of the first %d rows.\n"
          "  Floor: sqlite3 alone on the same file, the ids ordered by the stored columns\n"
          "  (status by its stored text), then the same %d rows read column by column.\n"
          "  Wall and CPU time (this process's) of each, medians and p95 (nearest rank).\n",
          (guint) G_N_ELEMENTS (sorts), rounds, VISIBLE_ROWS, VISIBLE_ROWS);
  printf ("register: %u contracts, %u amended by this run\n", n_all, amended);
  printf ("load average at the end: %s", load_average ());

  return EXIT_SUCCESS;
}
