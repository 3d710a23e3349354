/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "signet-xlsx"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <glib/gi18n.h>
#include <xlsxwriter.h>

#include "signet-contract-process.h"
#include "signet-date.h"
#include "signet-file-replace.h"
#include "signet-key-dates.h"
#include "signet-money.h"
#include "signet-obligation.h"
#include "signet-person.h"
#include "signet-risk.h"
#include "signet-scorecard.h"
#include "signet-store-commitments.h"
#include "signet-store-events.h"
#include "signet-store-obligations.h"
#include "signet-store-originals.h"
#include "signet-store-payments.h"
#include "signet-store-people.h"
#include "signet-store-query.h"
#include "signet-store-risks.h"
#include "signet-store-worker.h"
#include "signet-xlsx-export.h"

/* Excel's own limits: a sheet's name, a column's width in characters. */
#define SHEET_NAME_MAX   31
#define COLUMN_WIDTH_MIN 6
#define COLUMN_WIDTH_MAX 60

/* The share of the progress bar the rows take; the rest is libxlsxwriter
 * putting the sheets into the zip file, which cannot report its own. */
#define ROWS_SHARE 0.85

/* Cells go from the thread reading the register to the one writing the
 * workbook in batches of about this many, through a few batches that go
 * round: the reader waits when the writer is that far behind, so that a
 * large register is never held in memory. */
#define BATCH_CELLS 4096
#define N_BATCHES   4

/* The contracts are read this many at a time: a few statements for each
 * chunk instead of one per contract, and few of them in memory at once. */
#define READ_CHUNK 512

typedef enum
{
  SHEET_CONTRACTS,
  SHEET_PAYMENTS,
  SHEET_OBLIGATIONS,
  SHEET_RISKS,
  SHEET_LOANS,
  SHEET_SCORECARDS,
  N_SHEETS
} SheetId;

typedef enum
{
  CELL_TEXT,
  CELL_NUMBER,
  CELL_DATE,
  CELL_MONEY,
  CELL_PERCENT,
  CELL_DAYS,
} CellKind;

/* One cell on its way to the writer. */
typedef struct
{
  SheetId       sheet;
  CellKind      kind;
  lxw_row_t     row;
  lxw_col_t     column;
  /* TEXT: owned; MONEY: the currency, interned. */
  const char   *text;
  double        number;
  lxw_datetime  date;
} Cell;

typedef struct
{
  lxw_worksheet *worksheet;
  lxw_row_t      row;
  guint          n_columns;
  /* The widest cell of each column so far, in characters (CJK ones count
   * two, as they take two columns' width on screen). */
  guint         *widths;
} Sheet;

typedef struct
{
  SignetStore            *store;
  lxw_workbook           *workbook;
  Sheet                   sheets[N_SHEETS];
  lxw_format             *header_format;
  lxw_format             *date_format;
  lxw_format             *percent_format;
  lxw_format             *days_format;
  /* Currency code -> lxw_format *, its number format. */
  GHashTable             *money_formats;
  /* people.id -> name, for obligations' owners. */
  GHashTable             *people;
  GHashTable             *on_loan;
  /* The contracts with payments, obligations, risks or loans. */
  GHashTable             *with_commitments;
  char                   *today;
  /* The day up to which the occurrences of obligations are listed. */
  char                   *occurrences_until;
  GCancellable           *cancellable;
  SignetXlsxProgressFunc  progress;
  gpointer                progress_data;
  double                  last_fraction;

  /* The batch being filled by the reader, and the batches (GArray of
   * Cell) going to the writer and coming back empty. */
  GArray                 *batch;
  GAsyncQueue            *full;
  GAsyncQueue            *empty;
  /* Set by the reader when it stops early: the writer drops what comes. */
  gint                    stopping;
  /* libxlsxwriter's first failure, set by the writer. */
  gint                    write_result;
} Export;

typedef struct
{
  SignetStoreOpener      *opener;
  GFile                  *file;
  /* The view, or FALSE for the whole register. */
  gboolean                has_view;
  char                   *search;
  SignetContractQuery    *query;
  SignetSortKey           sort_key;
  gboolean                descending;
  SignetXlsxProgressFunc  progress;
  gpointer                progress_data;
  GDestroyNotify          progress_data_destroy;
  GMainContext           *context;
} TaskData;

typedef struct
{
  GTask  *task;
  double  fraction;
} ProgressUpdate;

static void
report_progress (Export *self,
                 double  fraction)
{
  if (self->progress == NULL)
    return;

  if (fraction < 1.0 && self->last_fraction >= 0.0 && fraction - self->last_fraction < 0.005)
    return;

  self->last_fraction = fraction;
  self->progress (fraction, self->progress_data);
}

static guint
display_width (const char *text)
{
  guint width = 0;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    width += (guchar) *p < 0x80 || !g_unichar_iswide (g_utf8_get_char (p)) ? 1 : 2;

  return width;
}

static void
note_width (Sheet *sheet,
            guint  column,
            guint  width)
{
  g_assert (column < sheet->n_columns);

  sheet->widths[column] = MAX (sheet->widths[column], width);
}

static lxw_format *get_money_format (Export     *self,
                                     const char *currency);

/* Keeps libxlsxwriter's first failure, which stops the export. */
static void
keep_result (Export    *self,
             lxw_error  result)
{
  if (result != LXW_NO_ERROR)
    g_atomic_int_compare_and_exchange (&self->write_result, LXW_NO_ERROR, result);
}

static void
clear_cells (GArray *batch)
{
  for (guint i = 0; i < batch->len; i++)
    {
      Cell *cell = &g_array_index (batch, Cell, i);

      if (cell->kind == CELL_TEXT)
        g_free ((char *) cell->text);
    }
  g_array_set_size (batch, 0);
}

static void
write_cell (Export *self,
            Cell   *cell)
{
  lxw_worksheet *worksheet = self->sheets[cell->sheet].worksheet;

  switch (cell->kind)
    {
    case CELL_TEXT:
      keep_result (self, worksheet_write_string (worksheet, cell->row, cell->column, cell->text, NULL));
      break;
    case CELL_NUMBER:
      keep_result (self, worksheet_write_number (worksheet, cell->row, cell->column, cell->number, NULL));
      break;
    case CELL_DATE:
      keep_result (self, worksheet_write_datetime (worksheet, cell->row, cell->column, &cell->date,
                                                   self->date_format));
      break;
    case CELL_MONEY:
      keep_result (self, worksheet_write_number (worksheet, cell->row, cell->column, cell->number,
                                                 get_money_format (self, cell->text)));
      break;
    case CELL_PERCENT:
      keep_result (self, worksheet_write_number (worksheet, cell->row, cell->column, cell->number,
                                                 self->percent_format));
      break;
    case CELL_DAYS:
      keep_result (self, worksheet_write_number (worksheet, cell->row, cell->column, cell->number,
                                                 self->days_format));
      break;
    default:
      g_assert_not_reached ();
    }
}

/* The writer's thread: libxlsxwriter is used by it alone until the reader
 * joins it. The export itself is the batch that says there is no more. */
static gpointer
write_batches (gpointer data)
{
  Export *self = data;

  for (;;)
    {
      GArray *batch = g_async_queue_pop (self->full);

      if (batch == (gpointer) self)
        return NULL;

      if (!g_atomic_int_get (&self->stopping))
        for (guint i = 0; i < batch->len && g_atomic_int_get (&self->write_result) == LXW_NO_ERROR; i++)
          write_cell (self, &g_array_index (batch, Cell, i));

      clear_cells (batch);
      g_async_queue_push (self->empty, batch);
    }
}

static void
send_batch (Export *self)
{
  g_async_queue_push (self->full, self->batch);
  self->batch = g_async_queue_pop (self->empty);
}

static Cell *
add_cell (Export   *self,
          Sheet    *sheet,
          guint     column,
          CellKind  kind)
{
  Cell *cell;

  g_array_set_size (self->batch, self->batch->len + 1);
  cell = &g_array_index (self->batch, Cell, self->batch->len - 1);
  /* A batch goes round: what a cell held before is not this one's. */
  memset (cell, 0, sizeof *cell);
  cell->sheet = sheet - self->sheets;
  cell->kind = kind;
  cell->row = sheet->row;
  cell->column = column;

  return cell;
}

static void
put_text (Export     *self,
          Sheet      *sheet,
          guint       column,
          const char *text)
{
  if (text == NULL || *text == '\0')
    return;

  add_cell (self, sheet, column, CELL_TEXT)->text = g_strdup (text);

  /* No character takes more columns than it has bytes in UTF-8: a text no
   * longer than the column's widest so far cannot widen it. */
  if (strlen (text) > sheet->widths[column])
    note_width (sheet, column, display_width (text));
}

static void
put_number (Export *self,
            Sheet  *sheet,
            guint   column,
            double  number)
{
  char digits[G_ASCII_DTOSTR_BUF_SIZE];

  add_cell (self, sheet, column, CELL_NUMBER)->number = number;
  note_width (sheet, column, strlen (g_ascii_dtostr (digits, sizeof digits, number)));
}

/* A share from 0 to 1 shown as a percentage, and days with a decimal;
 * nothing for a negative one, which means nothing was due. */
static void
put_share (Export   *self,
           Sheet    *sheet,
           guint     column,
           double    share,
           CellKind  kind)
{
  if (share < 0)
    return;

  add_cell (self, sheet, column, kind)->number = share;
  note_width (sheet, column, strlen ("100.0%"));
}

/* A YYYY-MM-DD date as an Excel date, shown as such. */
static void
put_date (Export     *self,
          Sheet      *sheet,
          guint       column,
          const char *iso)
{
  Cell *cell;
  GDate date;

  if (iso == NULL || !signet_date_parse (iso, &date))
    return;

  cell = add_cell (self, sheet, column, CELL_DATE);
  cell->date.year = g_date_get_year (&date);
  cell->date.month = g_date_get_month (&date);
  cell->date.day = g_date_get_day (&date);
  note_width (sheet, column, strlen ("2026-12-31"));
}

static const char *
currency_symbol (const char *currency)
{
  static const struct { const char *code; const char *symbol; } symbols[] = {
    { "CNY", "¥" }, { "JPY", "¥" }, { "USD", "$" }, { "EUR", "€" }, { "GBP", "£" },
    { "HKD", "HK$" }, { "KRW", "₩" }, { "INR", "₹" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (symbols); i++)
    if (g_str_equal (symbols[i].code, currency))
      return symbols[i].symbol;

  return NULL;
}

/* "¥"#,##0.00 for CNY, "¥"#,##0 for JPY, #,##0.000" KWD" for a currency
 * without a symbol of its own: the cell stays a number, and Excel shows it
 * as money in any locale. In the writer's thread. */
static lxw_format *
get_money_format (Export     *self,
                  const char *currency)
{
  lxw_format *format = g_hash_table_lookup (self->money_formats, currency);

  if (format == NULL)
    {
      g_autoptr(GString) code = g_string_new (NULL);
      const char *symbol = currency_symbol (currency);
      guint exponent = signet_currency_get_exponent (currency);

      if (symbol != NULL)
        g_string_append_printf (code, "\"%s\"", symbol);
      g_string_append (code, "#,##0");
      if (exponent > 0)
        {
          g_string_append_c (code, '.');
          for (guint i = 0; i < exponent; i++)
            g_string_append_c (code, '0');
        }
      if (symbol == NULL)
        g_string_append_printf (code, "\" %s\"", currency);

      format = workbook_add_format (self->workbook);
      format_set_num_format (format, code->str);
      g_hash_table_insert (self->money_formats, (gpointer) currency, format);
    }

  return format;
}

/* An amount in minor units as the number of its currency's major units. */
static void
put_money (Export     *self,
           Sheet      *sheet,
           guint       column,
           gint64      minor_units,
           const char *currency)
{
  Cell *cell;
  double divisor;
  double value;
  guint exponent;
  guint width;

  if (currency == NULL || !signet_currency_is_valid (currency))
    return;

  /* One division by an exact power of ten, so that 3201 fen are 32.01 as
   * Excel reads it, not 32.010000000000005. */
  exponent = signet_currency_get_exponent (currency);
  divisor = 1.0;
  for (guint i = 0; i < exponent; i++)
    divisor *= 10.0;
  value = (double) minor_units / divisor;

  cell = add_cell (self, sheet, column, CELL_MONEY);
  cell->number = value;
  cell->text = g_intern_string (currency);

  /* The whole part's digits with their group separators, the decimals
   * and the symbol. */
  width = 1;
  for (double rest = value; rest >= 10.0; rest /= 10.0)
    width++;
  width += (width - 1) / 3 + (exponent > 0 ? exponent + 1 : 0) + 4;
  note_width (sheet, column, width);
}

static const char *
yes_no (gboolean value)
{
  return value ? C_("spreadsheet", "Yes") : C_("spreadsheet", "No");
}

static void
end_row (Sheet *sheet)
{
  sheet->row++;
}

/* Excel refuses some characters in a sheet's name and more than 31 of
 * them; a translation might hold either. */
static char *
make_sheet_name (const char *label)
{
  g_autoptr(GString) name = g_string_new (NULL);
  glong n_chars = 0;

  for (const char *p = label; *p != '\0' && n_chars < SHEET_NAME_MAX; p = g_utf8_next_char (p), n_chars++)
    {
      gunichar c = g_utf8_get_char (p);

      if (strchr ("[]:*?/\\", (int) c) != NULL && c < 0x80)
        g_string_append_c (name, ' ');
      else
        g_string_append_unichar (name, c);
    }

  return g_string_free (g_steal_pointer (&name), FALSE);
}

static void
add_sheet (Export             *self,
           SheetId             id,
           const char         *label,
           const char * const *headers)
{
  g_autofree char *name = make_sheet_name (label);
  Sheet *sheet = &self->sheets[id];

  sheet->worksheet = workbook_add_worksheet (self->workbook, name);
  sheet->n_columns = g_strv_length ((char **) headers);
  sheet->widths = g_new0 (guint, sheet->n_columns);

  for (guint i = 0; i < sheet->n_columns; i++)
    {
      keep_result (self, worksheet_write_string (sheet->worksheet, 0, i, headers[i], self->header_format));
      note_width (sheet, i, display_width (headers[i]));
    }
  sheet->row = 1;

  /* The header stays in view as the rows scroll. */
  worksheet_freeze_panes (sheet->worksheet, 1, 0);
}

static void
add_sheets (Export   *self,
            gboolean  with_scorecards)
{
  const char *contracts[] = {
    C_("spreadsheet", "Number"), C_("spreadsheet", "Title"), C_("spreadsheet", "Client"),
    C_("spreadsheet", "Type"), C_("spreadsheet", "Owner"), C_("spreadsheet", "Department"),
    C_("spreadsheet", "Value"), C_("spreadsheet", "Currency"), C_("spreadsheet", "Signing Date"),
    C_("spreadsheet", "Start Date"), C_("spreadsheet", "End Date"), C_("spreadsheet", "Notice Days"),
    C_("spreadsheet", "Notice Deadline"), C_("spreadsheet", "Auto-Renew"), C_("spreadsheet", "Status"),
    C_("spreadsheet", "Risk Level"), C_("spreadsheet", "Tags"), C_("spreadsheet", "On Loan"),
    C_("spreadsheet", "Termination Date"), NULL
  };
  const char *payments[] = {
    C_("spreadsheet", "Contract"), C_("spreadsheet", "Payment"), C_("spreadsheet", "Direction"),
    C_("spreadsheet", "Due Date"), C_("spreadsheet", "Amount"), C_("spreadsheet", "Currency"),
    C_("spreadsheet", "Invoiced"), C_("spreadsheet", "Paid"), C_("spreadsheet", "Outstanding"),
    C_("spreadsheet", "Status"), C_("spreadsheet", "Condition"), NULL
  };
  const char *obligations[] = {
    C_("spreadsheet", "Contract"), C_("spreadsheet", "Obligation"), C_("spreadsheet", "Party"),
    C_("spreadsheet", "Owner"), C_("spreadsheet", "Recurrence"), C_("spreadsheet", "Due Date"),
    C_("spreadsheet", "Status"), C_("spreadsheet", "Done On"), C_("spreadsheet", "Note"), NULL
  };
  const char *risks[] = {
    C_("spreadsheet", "Contract"), C_("spreadsheet", "Category"), C_("spreadsheet", "Description"),
    C_("spreadsheet", "Likelihood"), C_("spreadsheet", "Impact"), C_("spreadsheet", "Score"),
    C_("spreadsheet", "Mitigation"), C_("spreadsheet", "Owner"), C_("spreadsheet", "Status"),
    C_("spreadsheet", "Next Review"), NULL
  };
  const char *loans[] = {
    C_("spreadsheet", "Contract"), C_("spreadsheet", "Borrower"), C_("spreadsheet", "Department"),
    C_("spreadsheet", "Purpose"), C_("spreadsheet", "Lent On"), C_("spreadsheet", "Due On"),
    C_("spreadsheet", "Returned On"), C_("spreadsheet", "State"), C_("spreadsheet", "Days Late"),
    /* Translators: the heading of the state a loaned original came back in (intact, damaged). */
    C_("spreadsheet", "Returned In"), NULL
  };

  add_sheet (self, SHEET_CONTRACTS, C_("spreadsheet", "Contracts"), contracts);
  add_sheet (self, SHEET_PAYMENTS, C_("spreadsheet", "Payments"), payments);
  add_sheet (self, SHEET_OBLIGATIONS, C_("spreadsheet", "Obligations"), obligations);
  add_sheet (self, SHEET_RISKS, C_("spreadsheet", "Risks"), risks);
  add_sheet (self, SHEET_LOANS, C_("spreadsheet", "Loans"), loans);

  /* The scorecards are of clients and departments, not of the contracts
   * of a view: only the whole register has them. */
  if (with_scorecards)
    {
      const char *scorecards[] = {
        C_("spreadsheet", "Scorecard Of"), C_("spreadsheet", "Name"), C_("spreadsheet", "Rank"),
        C_("spreadsheet", "From"), C_("spreadsheet", "To"),
        signet_scorecard_figure_get_label (SIGNET_SCORECARD_CONTRACTS),
        signet_scorecard_figure_get_label (SIGNET_SCORECARD_VALUE),
        C_("spreadsheet", "Other Currencies"),
        signet_scorecard_figure_get_label (SIGNET_SCORECARD_PAYMENTS_RECEIVED),
        signet_scorecard_figure_get_label (SIGNET_SCORECARD_DAYS_LATE_RECEIVED),
        signet_scorecard_figure_get_label (SIGNET_SCORECARD_PAYMENTS_MADE),
        signet_scorecard_figure_get_label (SIGNET_SCORECARD_DAYS_LATE_MADE),
        signet_scorecard_figure_get_label (SIGNET_SCORECARD_OBLIGATIONS),
        signet_scorecard_figure_get_label (SIGNET_SCORECARD_OPEN_RISKS),
        signet_scorecard_figure_get_label (SIGNET_SCORECARD_OPEN_FINDINGS),
        signet_scorecard_figure_get_label (SIGNET_SCORECARD_RENEWALS),
        signet_scorecard_figure_get_label (SIGNET_SCORECARD_TACIT_RENEWALS),
        signet_scorecard_figure_get_label (SIGNET_SCORECARD_TERMINATIONS),
        NULL
      };

      add_sheet (self, SHEET_SCORECARDS, C_("spreadsheet", "Scorecards"), scorecards);
    }
}

/* The notice deadline of the term in force, as the calendar shows it:
 * only auto-renewing contracts in force have one (signet-key-dates.h). */
static char *
dup_notice_deadline (Export         *self,
                     SignetContract *contract,
                     SignetContractStatus status)
{
  g_autoptr(GPtrArray) dates = NULL;
  const SignetReviewIntervals intervals = SIGNET_REVIEW_INTERVALS_DEFAULT;

  if (!signet_contract_get_auto_renew (contract) || signet_contract_get_notice_days (contract) == 0 ||
      !signet_contract_status_is_in_force (status))
    return NULL;

  dates = signet_contract_derive_key_dates (contract, self->today, NULL, &intervals);
  for (guint i = 0; i < dates->len; i++)
    {
      SignetKeyDate *key_date = g_ptr_array_index (dates, i);

      if (key_date->kind == SIGNET_KEY_DATE_NOTICE_DEADLINE)
        return g_strdup (key_date->date);
    }

  return NULL;
}

static void
write_contract (Export         *self,
                SignetContract *contract)
{
  Sheet *sheet = &self->sheets[SHEET_CONTRACTS];
  gint64 id = signet_contract_get_id (contract);
  SignetContractStatus status = signet_contract_get_shown_status (contract, self->today);
  g_autofree char *notice_deadline = dup_notice_deadline (self, contract, status);
  guint column = 0;

  put_text (self, sheet, column++, signet_contract_get_number (contract));
  put_text (self, sheet, column++, signet_contract_get_title (contract));
  put_text (self, sheet, column++, signet_contract_get_client_name (contract));
  put_text (self, sheet, column++, signet_contract_get_contract_type (contract));
  put_text (self, sheet, column++, signet_contract_get_owner (contract));
  put_text (self, sheet, column++, signet_contract_get_department (contract));
  put_money (self, sheet, column++, signet_contract_get_value (contract), signet_contract_get_currency (contract));
  put_text (self, sheet, column++, signet_contract_get_currency (contract));
  put_date (self, sheet, column++, signet_contract_get_signing_date (contract));
  put_date (self, sheet, column++, signet_contract_get_start_date (contract));
  put_date (self, sheet, column++, signet_contract_get_end_date (contract));
  put_number (self, sheet, column++, signet_contract_get_notice_days (contract));
  put_date (self, sheet, column++, notice_deadline);
  put_text (self, sheet, column++, yes_no (signet_contract_get_auto_renew (contract)));
  put_text (self, sheet, column++, signet_contract_status_to_label (status));
  put_text (self, sheet, column++, signet_risk_level_to_label (signet_contract_get_risk_level (contract)));
  put_text (self, sheet, column++, signet_contract_get_tags (contract));
  put_text (self, sheet, column++, yes_no (g_hash_table_contains (self->on_loan, &id)));
  put_date (self, sheet, column++, signet_contract_get_termination_date (contract));
  g_assert (column == sheet->n_columns);
  end_row (sheet);
}

static gboolean
write_payments (Export         *self,
                SignetContract *contract,
                GError        **error)
{
  g_autoptr(GPtrArray) payments = signet_store_list_payments (self->store, signet_contract_get_id (contract), error);
  Sheet *sheet = &self->sheets[SHEET_PAYMENTS];

  if (payments == NULL)
    return FALSE;

  for (guint i = 0; i < payments->len; i++)
    {
      SignetPayment *payment = g_ptr_array_index (payments, i);
      g_autofree char *status = signet_payment_describe_status (payment, self->today);
      guint column = 0;

      put_text (self, sheet, column++, signet_contract_get_number (contract));
      put_text (self, sheet, column++, payment->title);
      put_text (self, sheet, column++, signet_payment_direction_to_label (payment->direction));
      put_date (self, sheet, column++, payment->due_date);
      if (signet_payment_has_amount (payment))
        put_money (self, sheet, column, payment->amount, payment->currency);
      column++;
      put_text (self, sheet, column++, payment->currency);
      if (signet_payment_has_amount (payment))
        {
          put_money (self, sheet, column, signet_payment_get_invoiced (payment), payment->currency);
          put_money (self, sheet, column + 1, payment->paid, payment->currency);
          put_money (self, sheet, column + 2, signet_payment_get_outstanding (payment), payment->currency);
        }
      column += 3;
      put_text (self, sheet, column++, status);
      put_text (self, sheet, column++, payment->condition);
      g_assert (column == sheet->n_columns);
      end_row (sheet);
    }

  return TRUE;
}

static const char *
describe_occurrence (Export                 *self,
                     const SignetOccurrence *occurrence,
                     const char             *due_date)
{
  if (occurrence == NULL)
    return strcmp (due_date, self->today) < 0 ? C_("spreadsheet", "Overdue") : C_("spreadsheet", "Open");

  if (occurrence->status == SIGNET_OCCURRENCE_WAIVED)
    return C_("spreadsheet", "Waived");

  return signet_occurrence_is_done_late (occurrence) ? C_("spreadsheet", "Done Late") : C_("spreadsheet", "Done");
}

/* Every occurrence up to a year from today: what was done, what is
 * overdue and what comes; a monthly obligation of a contract without an
 * end would otherwise be listed up to the year 9999. */
static gboolean
write_obligations (Export         *self,
                   SignetContract *contract,
                   GError        **error)
{
  g_autoptr(GPtrArray) obligations = signet_store_list_obligations (self->store, signet_contract_get_id (contract), error);
  Sheet *sheet = &self->sheets[SHEET_OBLIGATIONS];

  if (obligations == NULL)
    return FALSE;

  for (guint i = 0; i < obligations->len; i++)
    {
      SignetObligation *obligation = g_ptr_array_index (obligations, i);
      g_autofree char *last_date = signet_obligation_dup_last_date (obligation, contract);
      g_autoptr(GPtrArray) due_dates = signet_obligation_list_occurrences (obligation, last_date, NULL,
                                                                           self->occurrences_until);
      const char *owner = g_hash_table_lookup (self->people, &obligation->owner_id);

      for (guint j = 0; j < due_dates->len; j++)
        {
          const char *due_date = g_ptr_array_index (due_dates, j);
          const SignetOccurrence *occurrence = signet_obligation_find_occurrence (obligation, due_date);
          guint column = 0;

          put_text (self, sheet, column++, signet_contract_get_number (contract));
          put_text (self, sheet, column++, obligation->title);
          put_text (self, sheet, column++, signet_obligation_party_to_label (obligation->party));
          put_text (self, sheet, column++, owner);
          put_text (self, sheet, column++, signet_recurrence_to_label (obligation->recurrence));
          put_date (self, sheet, column++, due_date);
          put_text (self, sheet, column++, describe_occurrence (self, occurrence, due_date));
          put_date (self, sheet, column++, occurrence != NULL ? occurrence->done_date : NULL);
          put_text (self, sheet, column++, occurrence != NULL ? occurrence->note : NULL);
          g_assert (column == sheet->n_columns);
          end_row (sheet);
        }
    }

  return TRUE;
}

static gboolean
write_risks (Export         *self,
             SignetContract *contract,
             GError        **error)
{
  g_autoptr(GPtrArray) risks = signet_store_list_risks (self->store, signet_contract_get_id (contract), error);
  Sheet *sheet = &self->sheets[SHEET_RISKS];

  if (risks == NULL)
    return FALSE;

  for (guint i = 0; i < risks->len; i++)
    {
      SignetRisk *risk = g_ptr_array_index (risks, i);
      guint column = 0;

      put_text (self, sheet, column++, signet_contract_get_number (contract));
      put_text (self, sheet, column++, signet_risk_category_to_label (risk->category));
      put_text (self, sheet, column++, risk->description);
      put_number (self, sheet, column++, risk->likelihood);
      put_number (self, sheet, column++, risk->impact);
      put_number (self, sheet, column++, signet_risk_get_score (risk));
      put_text (self, sheet, column++, risk->mitigation);
      put_text (self, sheet, column++, risk->owner_name);
      put_text (self, sheet, column++, signet_risk_status_to_label (risk->status));
      put_date (self, sheet, column++, risk->next_review);
      g_assert (column == sheet->n_columns);
      end_row (sheet);
    }

  return TRUE;
}

static const char *
describe_loan_state (SignetLoanState state)
{
  switch (state)
    {
    case SIGNET_LOAN_ON_LOAN:       return C_("spreadsheet", "On Loan");
    case SIGNET_LOAN_OVERDUE:       return C_("spreadsheet", "Overdue");
    case SIGNET_LOAN_RETURNED:      return C_("spreadsheet", "Returned");
    case SIGNET_LOAN_RETURNED_LATE: return C_("spreadsheet", "Returned Late");
    default:
      g_assert_not_reached ();
    }
}

static gboolean
write_loans (Export         *self,
             SignetContract *contract,
             GError        **error)
{
  g_autoptr(GPtrArray) loans = signet_store_list_loans (self->store, signet_contract_get_id (contract), error);
  Sheet *sheet = &self->sheets[SHEET_LOANS];

  if (loans == NULL)
    return FALSE;

  for (guint i = 0; i < loans->len; i++)
    {
      SignetLoan *loan = g_ptr_array_index (loans, i);
      guint days_late = signet_loan_days_late (loan, self->today);
      g_autofree char *condition = NULL;
      guint column = 0;

      if (loan->condition != SIGNET_LOAN_CONDITION_NONE && loan->condition_note != NULL && *loan->condition_note != '\0')
        /* Translators: how a loaned original came back ("Damaged"), then the note on it. */
        condition = g_strdup_printf (C_("spreadsheet", "%s: %s"),
                                     signet_loan_condition_to_label (loan->condition), loan->condition_note);
      else if (loan->condition != SIGNET_LOAN_CONDITION_NONE)
        condition = g_strdup (signet_loan_condition_to_label (loan->condition));

      put_text (self, sheet, column++, signet_contract_get_number (contract));
      put_text (self, sheet, column++, loan->borrower);
      put_text (self, sheet, column++, loan->department);
      put_text (self, sheet, column++, loan->purpose);
      put_date (self, sheet, column++, loan->lent_on);
      put_date (self, sheet, column++, loan->due_on);
      put_date (self, sheet, column++, loan->returned_on);
      put_text (self, sheet, column++, describe_loan_state (signet_loan_get_state (loan, self->today)));
      if (days_late > 0)
        put_number (self, sheet, column, days_late);
      column++;
      put_text (self, sheet, column++, condition);
      g_assert (column == sheet->n_columns);
      end_row (sheet);
    }

  return TRUE;
}

static void
write_scorecard (Export          *self,
                 SignetScorecard *card)
{
  static const SignetScorecardFigure counts[] = {
    SIGNET_SCORECARD_OPEN_RISKS, SIGNET_SCORECARD_OPEN_FINDINGS, SIGNET_SCORECARD_RENEWALS,
    SIGNET_SCORECARD_TACIT_RENEWALS, SIGNET_SCORECARD_TERMINATIONS,
  };
  Sheet *sheet = &self->sheets[SHEET_SCORECARDS];
  const SignetScorecardPayments *received = signet_scorecard_get_payments (card, SIGNET_PAYMENT_RECEIVABLE);
  const SignetScorecardPayments *made = signet_scorecard_get_payments (card, SIGNET_PAYMENT_PAYABLE);
  g_autoptr(GString) others = g_string_new (NULL);
  guint n_values = signet_scorecard_get_n_values (card);
  guint column = 0;

  put_text (self, sheet, column++, signet_scorecard_get_subject (card) == SIGNET_SCORECARD_CLIENT
                                   ? C_("spreadsheet", "Client") : C_("spreadsheet", "Department"));
  put_text (self, sheet, column++, signet_scorecard_get_name (card));
  put_number (self, sheet, column++, signet_scorecard_get_rank (card));
  put_date (self, sheet, column++, signet_scorecard_get_from (card));
  put_date (self, sheet, column++, signet_scorecard_get_to (card));
  put_number (self, sheet, column++, signet_scorecard_get_count (card, SIGNET_SCORECARD_CONTRACTS));

  /* Values are never added across currencies: the one of most contracts
   * is a number, the others are written out beside it. */
  if (n_values > 0)
    {
      const SignetScorecardValue *value = signet_scorecard_get_value (card, 0);

      put_money (self, sheet, column, value->amount, value->currency);
    }
  column++;
  for (guint i = 1; i < n_values; i++)
    {
      const SignetScorecardValue *value = signet_scorecard_get_value (card, i);
      g_autofree char *text = signet_money_format (value->amount, value->currency);

      if (others->len > 0)
        g_string_append (others, "; ");
      g_string_append (others, text);
    }
  put_text (self, sheet, column++, others->str);

  put_share (self, sheet, column++, signet_scorecard_payments_get_rate (received), CELL_PERCENT);
  put_share (self, sheet, column++, signet_scorecard_payments_get_average_days_late (received), CELL_DAYS);
  put_share (self, sheet, column++, signet_scorecard_payments_get_rate (made), CELL_PERCENT);
  put_share (self, sheet, column++, signet_scorecard_payments_get_average_days_late (made), CELL_DAYS);
  put_share (self, sheet, column++, signet_scorecard_obligations_get_rate (signet_scorecard_get_obligations (card)),
             CELL_PERCENT);
  for (guint i = 0; i < G_N_ELEMENTS (counts); i++)
    put_number (self, sheet, column++, signet_scorecard_get_count (card, counts[i]));
  g_assert (column == sheet->n_columns);
  end_row (sheet);
}

/* The clients' and the departments' scorecards of the last 12 months,
 * ranked as the Scorecards page ranks them. */
static gboolean
write_scorecards (Export  *self,
                  GError **error)
{
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autoptr(GPtrArray) clients = NULL;
  g_autoptr(GPtrArray) departments = NULL;

  if (!signet_scorecard_period_get_range (SIGNET_SCORECARD_PERIOD_LAST_12_MONTHS, self->today, &from, &to))
    g_return_val_if_reached (FALSE);

  /* Both in one pass over the register rather than one pass each. */
  if (!signet_store_compute_all_scorecards (self->store, from, to, &clients, &departments, error))
    return FALSE;

  for (guint i = 0; i < 2; i++)
    {
      GPtrArray *cards = i == 0 ? clients : departments;

      for (guint j = 0; j < cards->len; j++)
        {
          write_scorecard (self, g_ptr_array_index (cards, j));
          if (self->batch->len >= BATCH_CELLS)
            send_batch (self);
        }
    }

  return TRUE;
}

static gboolean
write_rows (Export  *self,
            GArray  *ids,
            GError **error)
{
  g_autoptr(GPtrArray) contracts = NULL;

  for (guint i = 0; i < ids->len; i++)
    {
      SignetContract *contract;
      guint in_chunk = i % READ_CHUNK;

      if (g_cancellable_set_error_if_cancelled (self->cancellable, error))
        return FALSE;

      /* The contracts are read a chunk at a time, in a few statements,
       * not one statement each. */
      if (in_chunk == 0)
        {
          g_clear_pointer (&contracts, g_ptr_array_unref);
          contracts = signet_store_read_listed_contracts (self->store, &g_array_index (ids, gint64, i),
                                                          MIN (READ_CHUNK, ids->len - i), error);
          if (contracts == NULL)
            return FALSE;
        }
      contract = g_ptr_array_index (contracts, in_chunk);

      write_contract (self, contract);
      if (g_hash_table_contains (self->with_commitments, &g_array_index (ids, gint64, i)) &&
          (!write_payments (self, contract, error) ||
           !write_obligations (self, contract, error) ||
           !write_risks (self, contract, error) ||
           !write_loans (self, contract, error)))
        return FALSE;

      if (self->batch->len >= BATCH_CELLS)
        send_batch (self);

      if (g_atomic_int_get (&self->write_result) != LXW_NO_ERROR)
        return TRUE;

      report_progress (self, ROWS_SHARE * (i + 1) / ids->len);
    }

  return TRUE;
}

/* Each column as wide as its widest cell, within Excel's sensible bounds;
 * the autofilter over the header and every row. */
static void
finish_sheets (Export *self)
{
  for (guint i = 0; i < N_SHEETS; i++)
    {
      Sheet *sheet = &self->sheets[i];

      if (sheet->worksheet == NULL)
        continue;

      for (guint column = 0; column < sheet->n_columns; column++)
        worksheet_set_column (sheet->worksheet, column, column,
                              CLAMP (sheet->widths[column] + 2, COLUMN_WIDTH_MIN, COLUMN_WIDTH_MAX), NULL);

      worksheet_autofilter (sheet->worksheet, 0, 0, sheet->row - 1, sheet->n_columns - 1);
    }
}

static GHashTable *
dup_people_names (SignetStore *store)
{
  g_autoptr(GListModel) people = signet_store_list_people (store, NULL);
  GHashTable *names = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  guint n_people = people != NULL ? g_list_model_get_n_items (people) : 0;

  for (guint i = 0; i < n_people; i++)
    {
      g_autoptr(SignetPerson) person = g_list_model_get_item (people, i);
      gint64 *id = g_new (gint64, 1);

      *id = signet_person_get_id (person);
      g_hash_table_insert (names, id, g_strdup (signet_person_get_name (person)));
    }

  return names;
}

static char *
dup_year_after (const char *today)
{
  GDate date;

  if (!signet_date_parse (today, &date) || !signet_date_add_months (&date, 12))
    return NULL;

  return signet_date_to_iso (&date);
}

static gboolean
write_workbook (Export       *self,
                GArray       *ids,
                gboolean      with_scorecards,
                const char  **buffer,
                size_t       *buffer_size,
                GError      **error)
{
  lxw_workbook_options options = { 0 };
  lxw_error result;
  GThread *writer;
  gboolean success;

  /* Rows go to temporary files as they are written, not into memory: a
   * register of 100,000 contracts would otherwise hold every cell. The
   * zip comes back as a buffer, for the caller's stream. */
  options.constant_memory = LXW_TRUE;
  options.use_zip64 = LXW_TRUE;
  options.output_buffer = buffer;
  options.output_buffer_size = buffer_size;
  self->workbook = workbook_new_opt (NULL, &options);
  if (self->workbook == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("The workbook could not be made."));
      return FALSE;
    }

  self->header_format = workbook_add_format (self->workbook);
  format_set_bold (self->header_format);
  format_set_bottom (self->header_format, LXW_BORDER_THIN);
  self->date_format = workbook_add_format (self->workbook);
  format_set_num_format (self->date_format, "yyyy-mm-dd");
  self->percent_format = workbook_add_format (self->workbook);
  format_set_num_format (self->percent_format, "0%");
  self->days_format = workbook_add_format (self->workbook);
  format_set_num_format (self->days_format, "0.0");

  add_sheets (self, with_scorecards);

  /* Reading the register and writing the workbook take about as long as
   * each other: this thread reads, another writes, at the same time. */
  self->full = g_async_queue_new ();
  self->empty = g_async_queue_new_full ((GDestroyNotify) g_array_unref);
  for (guint i = 0; i < N_BATCHES; i++)
    g_async_queue_push (self->empty, g_array_sized_new (FALSE, FALSE, sizeof (Cell), BATCH_CELLS + 256));
  self->batch = g_async_queue_pop (self->empty);
  writer = g_thread_new ("signet-xlsx-writer", write_batches, self);

  success = write_rows (self, ids, error) && (!with_scorecards || write_scorecards (self, error));
  if (!success)
    g_atomic_int_set (&self->stopping, TRUE);
  send_batch (self);
  g_async_queue_push (self->full, self);
  g_thread_join (writer);
  g_async_queue_push (self->empty, g_steal_pointer (&self->batch));
  g_clear_pointer (&self->full, g_async_queue_unref);
  g_clear_pointer (&self->empty, g_async_queue_unref);

  if (success)
    finish_sheets (self);

  /* Closing writes the zip; it is also what frees the workbook. */
  result = workbook_close (self->workbook);
  self->workbook = NULL;
  if (success && self->write_result != LXW_NO_ERROR)
    result = self->write_result;
  if (success && result != LXW_NO_ERROR)
    {
      /* Translators: %s is libxlsxwriter's reason, in English. */
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("The workbook could not be written: %s."), lxw_strerror (result));
      success = FALSE;
    }

  return success;
}

typedef struct
{
  SignetStore            *store;
  GArray                 *ids;
  SignetXlsxProgressFunc  progress;
  gpointer                progress_data;
} ExportToFile;

static gboolean
write_export (GOutputStream  *stream,
              gpointer        user_data,
              GCancellable   *cancellable,
              GError        **error)
{
  ExportToFile *export = user_data;
  g_autoptr(GArray) all_ids = NULL;
  Export self = { 0 };
  const char *buffer = NULL;
  size_t buffer_size = 0;
  gboolean success;

  self.store = export->store;
  self.cancellable = cancellable;
  self.progress = export->progress;
  self.progress_data = export->progress_data;
  self.last_fraction = -1.0;
  report_progress (&self, 0.0);

  /* One transaction: every sheet from the same state of the register. It
   * writes nothing and is rolled back. */
  if (!signet_store_begin_batch (self.store, error))
    return FALSE;

  if (export->ids == NULL)
    {
      all_ids = signet_store_query_contract_ids (self.store, NULL, SIGNET_SORT_NUMBER, FALSE, error);
      if (all_ids == NULL)
        {
          signet_store_rollback_batch (self.store);
          return FALSE;
        }
    }

  self.on_loan = signet_store_dup_on_loan_ids (self.store, error);
  if (self.on_loan != NULL)
    self.with_commitments = signet_store_dup_ids_with_commitments (self.store, error);
  if (self.with_commitments == NULL)
    {
      g_clear_pointer (&self.on_loan, g_hash_table_unref);
      signet_store_rollback_batch (self.store);
      return FALSE;
    }
  self.people = dup_people_names (self.store);
  self.money_formats = g_hash_table_new (g_str_hash, g_str_equal);
  self.today = signet_store_dup_today (self.store);
  self.occurrences_until = dup_year_after (self.today);

  success = write_workbook (&self, export->ids != NULL ? export->ids : all_ids, export->ids == NULL,
                            &buffer, &buffer_size, error);
  signet_store_rollback_batch (self.store);

  if (success)
    success = g_output_stream_write_all (stream, buffer, buffer_size, NULL, cancellable, error);
  if (success)
    report_progress (&self, 1.0);

  free ((char *) buffer);
  for (guint i = 0; i < N_SHEETS; i++)
    g_free (self.sheets[i].widths);
  g_clear_pointer (&self.money_formats, g_hash_table_unref);
  g_clear_pointer (&self.people, g_hash_table_unref);
  g_clear_pointer (&self.on_loan, g_hash_table_unref);
  g_clear_pointer (&self.with_commitments, g_hash_table_unref);
  g_free (self.today);
  g_free (self.occurrences_until);

  return success;
}

gboolean
signet_xlsx_export (SignetStore             *store,
                    GFile                   *dest,
                    GArray                  *ids,
                    GCancellable            *cancellable,
                    SignetXlsxProgressFunc   progress,
                    gpointer                 progress_data,
                    GError                 **error)
{
  ExportToFile export = { store, ids, progress, progress_data };

  g_return_val_if_fail (SIGNET_IS_STORE (store), FALSE);
  g_return_val_if_fail (G_IS_FILE (dest), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return signet_file_replace (store, dest, write_export, &export, cancellable, error);
}

GArray *
signet_xlsx_select_view (SignetStore           *store,
                         const SignetXlsxView  *view,
                         GError               **error)
{
  g_autoptr(GArray) ids = NULL;

  g_return_val_if_fail (SIGNET_IS_STORE (store), NULL);
  g_return_val_if_fail (view != NULL, NULL);

  ids = signet_store_query_contract_ids (store, view->search, view->sort_key, view->descending, error);
  if (ids == NULL || view->query == NULL || signet_contract_query_is_empty (view->query))
    return g_steal_pointer (&ids);

  return signet_store_keep_contract_ids (store, ids, view->query, error);
}

static void
task_data_free (TaskData *data)
{
  signet_store_opener_free (data->opener);
  g_clear_object (&data->file);
  g_free (data->search);
  g_clear_pointer (&data->query, signet_contract_query_free);
  if (data->progress_data_destroy != NULL)
    data->progress_data_destroy (data->progress_data);
  g_clear_pointer (&data->context, g_main_context_unref);
  g_free (data);
}

static gboolean
deliver_progress (gpointer user_data)
{
  ProgressUpdate *update = user_data;
  TaskData *data = g_task_get_task_data (update->task);

  if (!g_cancellable_is_cancelled (g_task_get_cancellable (update->task)))
    data->progress (update->fraction, data->progress_data);

  return G_SOURCE_REMOVE;
}

static void
progress_update_free (gpointer user_data)
{
  ProgressUpdate *update = user_data;

  g_object_unref (update->task);
  g_free (update);
}

/* Runs in the worker; the update holds the task so that the caller's data
 * lives until it is delivered. */
static void
forward_progress (double   fraction,
                  gpointer user_data)
{
  GTask *task = user_data;
  TaskData *data = g_task_get_task_data (task);
  ProgressUpdate *update = g_new0 (ProgressUpdate, 1);

  update->task = g_object_ref (task);
  update->fraction = fraction;
  g_main_context_invoke_full (data->context, G_PRIORITY_DEFAULT,
                              deliver_progress, update, progress_update_free);
}

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  TaskData *data = task_data;
  g_autoptr(SignetStore) store = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GError) error = NULL;
  SignetXlsxView view = { data->search, data->query, data->sort_key, data->descending };

  /* A connection of its own: the caller's store stays usable in its
   * thread. It only reads, and takes no write lock. */
  store = signet_store_open_worker (data->opener, &error);
  if (store != NULL && data->has_view)
    ids = signet_xlsx_select_view (store, &view, &error);
  if (store == NULL || (data->has_view && ids == NULL) ||
      !signet_xlsx_export (store, data->file, ids, cancellable,
                           data->progress != NULL ? forward_progress : NULL, task, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

void
signet_xlsx_export_async (SignetStore            *store,
                          GFile                  *dest,
                          const SignetXlsxView   *view,
                          GCancellable           *cancellable,
                          SignetXlsxProgressFunc  progress,
                          gpointer                progress_data,
                          GDestroyNotify          progress_data_destroy,
                          GAsyncReadyCallback     callback,
                          gpointer                user_data)
{
  g_autoptr(GTask) task = NULL;
  TaskData *data;

  g_return_if_fail (SIGNET_IS_STORE (store));
  g_return_if_fail (G_IS_FILE (dest));

  data = g_new0 (TaskData, 1);
  data->opener = signet_store_opener_new (store, SIGNET_STORE_OPEN_READ_ONLY);
  data->file = g_object_ref (dest);
  if (view != NULL)
    {
      data->has_view = TRUE;
      data->search = g_strdup (view->search);
      data->query = view->query != NULL ? signet_contract_query_copy (view->query) : NULL;
      data->sort_key = view->sort_key;
      data->descending = view->descending;
    }
  data->progress = progress;
  data->progress_data = progress_data;
  data->progress_data_destroy = progress_data_destroy;
  data->context = g_main_context_ref_thread_default ();

  task = g_task_new (store, cancellable, callback, user_data);
  g_task_set_source_tag (task, signet_xlsx_export_async);
  g_task_set_task_data (task, data, (GDestroyNotify) task_data_free);
  g_task_run_in_thread (task, export_thread);
}

gboolean
signet_xlsx_export_finish (SignetStore   *store,
                           GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (SIGNET_IS_STORE (store), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, store), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == signet_xlsx_export_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
