/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "signet-bench-xlsx"

#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>

#include <glib/gstdio.h>
#include <xlsxwriter.h>

#include "signet-contract-process.h"
#include "signet-date.h"
#include "signet-demo.h"
#include "signet-key-dates.h"
#include "signet-money.h"
#include "signet-scorecard.h"
#include "signet-store-current-terms.h"
#include "signet-store-events.h"
#include "signet-store-originals.h"
#include "signet-xlsx-export.h"

/* The Excel export of a generated register against its floor: the same
 * cells, read from the register beforehand and kept in memory, written
 * by libxlsxwriter alone with the same options. Runs alternate, export
 * then floor, so that both see the same load. */

static int n_contracts = 100000;
static int n_clients = 2000;
static int n_runs = 5;
static char *work_dir;

static const GOptionEntry entries[] = {
  { "contracts", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_INT, &n_contracts, "Number of contracts (100000)", "N" },
  { "clients", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_INT, &n_clients, "Number of clients (2000)", "N" },
  { "runs", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_INT, &n_runs, "Runs of each step; the median counts (5)", "N" },
  { "dir", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_FILENAME, &work_dir, "Folder for the files (a new temporary one)", "DIR" },
  { NULL }
};

#define N_COLUMNS 19
#define N_SCORE_COLUMNS 18

typedef enum
{
  CELL_EMPTY,
  CELL_TEXT,
  CELL_NUMBER,
  CELL_DATE,
  CELL_MONEY,
  CELL_PERCENT,
  CELL_DAYS,
} CellKind;

typedef struct
{
  CellKind      kind;
  char         *text;      /* TEXT; the currency for MONEY */
  double        number;    /* NUMBER, MONEY */
  lxw_datetime  date;      /* DATE */
} Cell;

static const char *headers[][N_SCORE_COLUMNS + 2] = {
  { "Number", "Title", "Client", "Type", "Owner", "Department", "Value", "Currency", "Signing Date",
    "Start Date", "End Date", "Notice Days", "Notice Deadline", "Auto-Renew", "Status", "Risk Level",
    "Tags", "On Loan", "Termination Date", NULL },
  { "Contract", "Payment", "Direction", "Due Date", "Amount", "Currency", "Invoiced", "Paid",
    "Outstanding", "Status", "Condition", NULL },
  { "Contract", "Obligation", "Party", "Owner", "Recurrence", "Due Date", "Status", "Done On", "Note", NULL },
  { "Contract", "Category", "Description", "Likelihood", "Impact", "Score", "Mitigation", "Owner",
    "Status", "Next Review", NULL },
  { "Contract", "Borrower", "Department", "Purpose", "Lent On", "Due On", "Returned On", "State",
    "Days Late", "Returned In", NULL },
  { "Scorecard Of", "Name", "Rank", "From", "To", "Contracts", "Value", "Other Currencies",
    "On-time payments received", "Days late received", "On-time payments made", "Days late made",
    "Obligations on time", "Open risks", "Open findings", "Renewals", "Tacit renewals", "Terminations", NULL },
};
static const char *sheet_names[] = { "Contracts", "Payments", "Obligations", "Risks", "Loans", "Scorecards" };

typedef struct
{
  double wall;
  double cpu;
} Measure;

static double
seconds_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;
}

/* User and system time of every thread of the process so far. */
static double
cpu_seconds (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);

  return usage.ru_utime.tv_sec + usage.ru_stime.tv_sec +
         (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
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
median (double *values,
        int     n)
{
  qsort (values, n, sizeof (double), compare_doubles);

  return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

static void
set_text (Cell       *cell,
          const char *text)
{
  if (text == NULL || *text == '\0')
    return;
  cell->kind = CELL_TEXT;
  cell->text = g_strdup (text);
}

static void
set_date (Cell       *cell,
          const char *iso)
{
  GDate date;

  if (iso == NULL || !signet_date_parse (iso, &date))
    return;
  cell->kind = CELL_DATE;
  cell->date.year = g_date_get_year (&date);
  cell->date.month = g_date_get_month (&date);
  cell->date.day = g_date_get_day (&date);
}

/* The cells signet_xlsx_export() writes for the contracts of @store, row
 * by row, read with the same calls (untimed). */
static Cell *
collect_cells (SignetStore *store)
{
  g_autoptr(GArray) ids = signet_store_query_contract_ids (store, NULL, SIGNET_SORT_NUMBER, FALSE, NULL);
  g_autoptr(GHashTable) on_loan = signet_store_dup_on_loan_ids (store, NULL);
  g_autofree char *today = signet_store_dup_today (store);
  Cell *cells = g_new0 (Cell, (gsize) ids->len * N_COLUMNS);

  for (guint i = 0; i < ids->len; i++)
    {
      gint64 id = g_array_index (ids, gint64, i);
      g_autoptr(SignetContract) contract = signet_store_get_listed_contract (store, id, NULL);
      Cell *row = cells + (gsize) i * N_COLUMNS;
      SignetContractStatus status;
      const char *currency;
      double value;

      signet_store_apply_current_terms (store, contract);
      status = signet_contract_get_shown_status (contract, today);
      currency = signet_contract_get_currency (contract);

      set_text (&row[0], signet_contract_get_number (contract));
      set_text (&row[1], signet_contract_get_title (contract));
      set_text (&row[2], signet_contract_get_client_name (contract));
      set_text (&row[3], signet_contract_get_contract_type (contract));
      set_text (&row[4], signet_contract_get_owner (contract));
      set_text (&row[5], signet_contract_get_department (contract));
      if (currency != NULL && signet_currency_is_valid (currency))
        {
          double divisor = 1.0;

          for (guint e = 0; e < signet_currency_get_exponent (currency); e++)
            divisor *= 10.0;
          value = (double) signet_contract_get_value (contract) / divisor;
          row[6].kind = CELL_MONEY;
          row[6].number = value;
          row[6].text = g_strdup (currency);
        }
      set_text (&row[7], currency);
      set_date (&row[8], signet_contract_get_signing_date (contract));
      set_date (&row[9], signet_contract_get_start_date (contract));
      set_date (&row[10], signet_contract_get_end_date (contract));
      row[11].kind = CELL_NUMBER;
      row[11].number = signet_contract_get_notice_days (contract);
      if (signet_contract_get_auto_renew (contract) && signet_contract_status_is_in_force (status) &&
          signet_contract_get_notice_days (contract) > 0)
        {
          const SignetReviewIntervals intervals = SIGNET_REVIEW_INTERVALS_DEFAULT;
          g_autoptr(GPtrArray) dates = signet_contract_derive_key_dates (contract, today, NULL, &intervals);

          for (guint d = 0; d < dates->len; d++)
            {
              SignetKeyDate *key_date = g_ptr_array_index (dates, d);

              if (key_date->kind == SIGNET_KEY_DATE_NOTICE_DEADLINE)
                {
                  set_date (&row[12], key_date->date);
                  break;
                }
            }
        }
      set_text (&row[13], signet_contract_get_auto_renew (contract) ? "Yes" : "No");
      set_text (&row[14], signet_contract_status_to_label (status));
      set_text (&row[15], signet_risk_level_to_label (signet_contract_get_risk_level (contract)));
      set_text (&row[16], signet_contract_get_tags (contract));
      set_text (&row[17], g_hash_table_contains (on_loan, &id) ? "Yes" : "No");
      set_date (&row[18], signet_contract_get_termination_date (contract));
    }

  return cells;
}

static void
set_share (Cell     *cell,
           double    share,
           CellKind  kind)
{
  if (share < 0)
    return;
  cell->kind = kind;
  cell->number = share;
}

/* The cells of the Scorecards sheet, as signet_xlsx_export() makes them
 * (untimed); their number of rows in @n_rows. */
static Cell *
collect_scorecard_cells (SignetStore *store,
                         guint       *n_rows)
{
  static const SignetScorecardSubject subjects[] = { SIGNET_SCORECARD_CLIENT, SIGNET_SCORECARD_DEPARTMENT };
  static const SignetScorecardFigure counts[] = {
    SIGNET_SCORECARD_OPEN_RISKS, SIGNET_SCORECARD_OPEN_FINDINGS, SIGNET_SCORECARD_RENEWALS,
    SIGNET_SCORECARD_TACIT_RENEWALS, SIGNET_SCORECARD_TERMINATIONS,
  };
  g_autofree char *today = signet_store_dup_today (store);
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autoptr(GPtrArray) all = g_ptr_array_new_with_free_func (g_object_unref);
  Cell *cells;

  signet_scorecard_period_get_range (SIGNET_SCORECARD_PERIOD_LAST_12_MONTHS, today, &from, &to);
  for (guint s = 0; s < G_N_ELEMENTS (subjects); s++)
    {
      g_autoptr(GPtrArray) cards = signet_store_compute_scorecards (store, subjects[s], from, to, NULL);

      for (guint i = 0; i < cards->len; i++)
        g_ptr_array_add (all, g_object_ref (g_ptr_array_index (cards, i)));
    }

  cells = g_new0 (Cell, (gsize) all->len * N_SCORE_COLUMNS);
  for (guint i = 0; i < all->len; i++)
    {
      SignetScorecard *card = g_ptr_array_index (all, i);
      const SignetScorecardPayments *received = signet_scorecard_get_payments (card, SIGNET_PAYMENT_RECEIVABLE);
      const SignetScorecardPayments *made = signet_scorecard_get_payments (card, SIGNET_PAYMENT_PAYABLE);
      Cell *row = cells + (gsize) i * N_SCORE_COLUMNS;
      g_autoptr(GString) others = g_string_new (NULL);
      guint n_values = signet_scorecard_get_n_values (card);
      guint c = 0;

      set_text (&row[c++], signet_scorecard_get_subject (card) == SIGNET_SCORECARD_CLIENT ? "Client" : "Department");
      set_text (&row[c++], signet_scorecard_get_name (card));
      row[c].kind = CELL_NUMBER;
      row[c++].number = signet_scorecard_get_rank (card);
      set_date (&row[c++], signet_scorecard_get_from (card));
      set_date (&row[c++], signet_scorecard_get_to (card));
      row[c].kind = CELL_NUMBER;
      row[c++].number = signet_scorecard_get_count (card, SIGNET_SCORECARD_CONTRACTS);
      if (n_values > 0)
        {
          const SignetScorecardValue *value = signet_scorecard_get_value (card, 0);
          double divisor = 1.0;

          for (guint e = 0; e < signet_currency_get_exponent (value->currency); e++)
            divisor *= 10.0;
          row[c].kind = CELL_MONEY;
          row[c].number = (double) value->amount / divisor;
          row[c].text = g_strdup (value->currency);
        }
      c++;
      for (guint v = 1; v < n_values; v++)
        {
          const SignetScorecardValue *value = signet_scorecard_get_value (card, v);
          g_autofree char *text = signet_money_format (value->amount, value->currency);

          if (others->len > 0)
            g_string_append (others, "; ");
          g_string_append (others, text);
        }
      set_text (&row[c++], others->str);
      set_share (&row[c++], signet_scorecard_payments_get_rate (received), CELL_PERCENT);
      set_share (&row[c++], signet_scorecard_payments_get_average_days_late (received), CELL_DAYS);
      set_share (&row[c++], signet_scorecard_payments_get_rate (made), CELL_PERCENT);
      set_share (&row[c++], signet_scorecard_payments_get_average_days_late (made), CELL_DAYS);
      set_share (&row[c++], signet_scorecard_obligations_get_rate (signet_scorecard_get_obligations (card)), CELL_PERCENT);
      for (guint f = 0; f < G_N_ELEMENTS (counts); f++)
        {
          row[c].kind = CELL_NUMBER;
          row[c++].number = signet_scorecard_get_count (card, counts[f]);
        }
      g_assert (c == N_SCORE_COLUMNS);
    }

  *n_rows = all->len;

  return cells;
}

/* libxlsxwriter alone writes @cells to @path, with the options, formats,
 * sheets, frozen headers, autofilters and column widths of the export. */
static void
write_cells (lxw_workbook  *workbook,
             lxw_worksheet *sheet,
             const Cell    *cells,
             guint          n_rows,
             guint          n_columns,
             lxw_format    *date_format,
             lxw_format    *percent_format,
             lxw_format    *days_format,
             GHashTable    *money_formats)
{
  for (guint r = 0; r < n_rows; r++)
    for (guint c = 0; c < n_columns; c++)
      {
        const Cell *cell = &cells[(gsize) r * n_columns + c];
        lxw_format *money;

        switch (cell->kind)
          {
          case CELL_TEXT:
            worksheet_write_string (sheet, r + 1, c, cell->text, NULL);
            break;
          case CELL_NUMBER:
            worksheet_write_number (sheet, r + 1, c, cell->number, NULL);
            break;
          case CELL_DATE:
            worksheet_write_datetime (sheet, r + 1, c, (lxw_datetime *) &cell->date, date_format);
            break;
          case CELL_PERCENT:
            worksheet_write_number (sheet, r + 1, c, cell->number, percent_format);
            break;
          case CELL_DAYS:
            worksheet_write_number (sheet, r + 1, c, cell->number, days_format);
            break;
          case CELL_MONEY:
            money = g_hash_table_lookup (money_formats, cell->text);
            if (money == NULL)
              {
                money = workbook_add_format (workbook);
                format_set_num_format (money, "\"¥\"#,##0.00");
                g_hash_table_insert (money_formats, g_strdup (cell->text), money);
              }
            worksheet_write_number (sheet, r + 1, c, cell->number, money);
            break;
          case CELL_EMPTY:
          default:
            break;
          }
      }
}

static Measure
write_floor (const Cell *cells,
             guint       n_rows,
             const Cell *score_cells,
             guint       n_score_rows,
             const char *path)
{
  double cpu_started = cpu_seconds ();
  lxw_workbook_options options = { 0 };
  g_autoptr(GHashTable) money_formats = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  lxw_worksheet *sheets[G_N_ELEMENTS (sheet_names)];
  lxw_workbook *workbook;
  lxw_format *header_format;
  lxw_format *date_format;
  lxw_format *percent_format;
  lxw_format *days_format;
  gint64 started = g_get_monotonic_time ();

  options.constant_memory = LXW_TRUE;
  options.use_zip64 = LXW_TRUE;
  workbook = workbook_new_opt (path, &options);
  header_format = workbook_add_format (workbook);
  format_set_bold (header_format);
  format_set_bottom (header_format, LXW_BORDER_THIN);
  date_format = workbook_add_format (workbook);
  format_set_num_format (date_format, "yyyy-mm-dd");
  percent_format = workbook_add_format (workbook);
  format_set_num_format (percent_format, "0%");
  days_format = workbook_add_format (workbook);
  format_set_num_format (days_format, "0.0");

  for (guint s = 0; s < G_N_ELEMENTS (sheet_names); s++)
    {
      sheets[s] = workbook_add_worksheet (workbook, sheet_names[s]);
      for (guint c = 0; headers[s][c] != NULL; c++)
        worksheet_write_string (sheets[s], 0, c, headers[s][c], header_format);
      worksheet_freeze_panes (sheets[s], 1, 0);
    }

  write_cells (workbook, sheets[0], cells, n_rows, N_COLUMNS, date_format, percent_format, days_format,
               money_formats);
  write_cells (workbook, sheets[5], score_cells, n_score_rows, N_SCORE_COLUMNS, date_format, percent_format,
               days_format, money_formats);

  for (guint s = 0; s < G_N_ELEMENTS (sheet_names); s++)
    {
      guint n_columns = g_strv_length ((char **) headers[s]);

      for (guint c = 0; c < n_columns; c++)
        worksheet_set_column (sheets[s], c, c, 16, NULL);
      worksheet_autofilter (sheets[s], 0, 0, s == 0 ? n_rows : s == 5 ? n_score_rows : 0, n_columns - 1);
    }

  if (workbook_close (workbook) != LXW_NO_ERROR)
    {
      g_printerr ("libxlsxwriter failed\n");
      exit (EXIT_FAILURE);
    }

  return (Measure) { seconds_since (started), cpu_seconds () - cpu_started };
}

static Measure
run_export (SignetStore *store,
            const char  *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  gint64 started = g_get_monotonic_time ();
  double cpu_started = cpu_seconds ();

  if (!signet_xlsx_export (store, file, NULL, NULL, NULL, NULL, &error))
    {
      g_printerr ("%s\n", error->message);
      exit (EXIT_FAILURE);
    }

  return (Measure) { seconds_since (started), cpu_seconds () - cpu_started };
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(SignetStore) store = NULL;
  g_autofree char *db_path = NULL;
  g_autofree char *export_path = NULL;
  g_autofree char *floor_path = NULL;
  g_autofree double *export_s = NULL;
  g_autofree double *floor_s = NULL;
  g_autofree double *export_cpu = NULL;
  g_autofree double *floor_cpu = NULL;
  g_autofree char *export_size = NULL;
  g_autofree char *floor_size = NULL;
  Cell *cells;
  Cell *score_cells;
  guint n_score_rows;
  double generate_s;
  double collect_s;
  double export_m;
  double floor_m;
  double export_cpu_m;
  double floor_cpu_m;
  gint64 started;
  guint n_rows;
  double load = -1;
  GStatBuf st;

  setlocale (LC_ALL, "");

  g_option_context_set_summary (context, "Times the Excel export of a generated register against libxlsxwriter writing the same cells from memory.");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || n_runs < 1 || n_contracts < 1 || n_clients < 1)
    {
      g_printerr ("%s\n", error ? error->message : "Give positive numbers.");
      return EXIT_FAILURE;
    }

  if (work_dir == NULL)
    work_dir = g_dir_make_tmp ("signet-bench-xlsx-XXXXXX", NULL);
  g_mkdir_with_parents (work_dir, 0700);
  db_path = g_build_filename (work_dir, "source.db", NULL);
  export_path = g_build_filename (work_dir, "export.xlsx", NULL);
  floor_path = g_build_filename (work_dir, "floor.xlsx", NULL);

  /* The register, generated once and kept in --dir between runs. */
  started = g_get_monotonic_time ();
  if (!g_file_test (db_path, G_FILE_TEST_EXISTS))
    {
      store = signet_store_new (db_path, &error);
      if (store == NULL || !signet_demo_generate (store, n_clients, n_contracts, 1, &error))
        {
          g_printerr ("%s\n", error->message);
          return EXIT_FAILURE;
        }
      g_clear_object (&store);
    }
  generate_s = seconds_since (started);

  store = signet_store_open (db_path, SIGNET_STORE_OPEN_READ_ONLY, &error);
  if (store == NULL)
    {
      g_printerr ("%s\n", error->message);
      return EXIT_FAILURE;
    }
  n_rows = signet_store_count_contracts (store);

  started = g_get_monotonic_time ();
  cells = collect_cells (store);
  score_cells = collect_scorecard_cells (store, &n_score_rows);
  collect_s = seconds_since (started);

  getloadavg (&load, 1);
  export_s = g_new (double, n_runs);
  floor_s = g_new (double, n_runs);
  export_cpu = g_new (double, n_runs);
  floor_cpu = g_new (double, n_runs);
  for (int i = 0; i < n_runs; i++)
    {
      Measure export = run_export (store, export_path);
      Measure floor = write_floor (cells, n_rows, score_cells, n_score_rows, floor_path);

      export_s[i] = export.wall;
      export_cpu[i] = export.cpu;
      floor_s[i] = floor.wall;
      floor_cpu[i] = floor.cpu;
    }
  export_m = median (export_s, n_runs);
  floor_m = median (floor_s, n_runs);
  export_cpu_m = median (export_cpu, n_runs);
  floor_cpu_m = median (floor_cpu, n_runs);

  g_stat (export_path, &st);
  export_size = g_format_size (st.st_size);
  g_stat (floor_path, &st);
  floor_size = g_format_size (st.st_size);

  printf ("method: a register of %d contracts and %d clients from signet_demo_generate() (generated in "
          "%.1f s, kept in %s; contracts only, so the payments, obligations, risks and loans sheets hold "
          "their header). export = signet_xlsx_export() of the whole register, read from the store, into a "
          "temporary file put on disk and renamed (%s). floor = the same cells of the Contracts and "
          "Scorecards sheets, read through the same store calls beforehand (%.1f s, untimed) and kept in "
          "memory, written by libxlsxwriter alone with the same options, formats, frozen headers and "
          "autofilters to a file (%s). %d runs alternating export and floor; the median wall time of each, "
          "and the median CPU time of the process's threads (the export reads the register in one thread "
          "while libxlsxwriter writes in another, so its wall time can be below its CPU time; on a busy "
          "machine both count). Load average at the start: %.1f.\n",
          n_contracts, n_clients, generate_s, work_dir, export_size, collect_s, floor_size, n_runs, load);
  printf ("%-10s %9s %9s %7s %7s\n", "step", "median_s", "floor_s", "ratio", "target");
  printf ("%-10s %9.2f %9.2f %7.2f %7s\n", "export", export_m, floor_m, export_m / floor_m, "<=1.3");
  printf ("%-10s %9.2f %9.2f %7.2f %7s\n", "export-cpu", export_cpu_m, floor_cpu_m, export_cpu_m / floor_cpu_m, "-");

  for (gsize i = 0; i < (gsize) n_rows * N_COLUMNS; i++)
    g_free (cells[i].text);
  g_free (cells);
  for (gsize i = 0; i < (gsize) n_score_rows * N_SCORE_COLUMNS; i++)
    g_free (score_cells[i].text);
  g_free (score_cells);

  return EXIT_SUCCESS;
}
