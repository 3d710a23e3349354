/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The Excel workbook as another reader sees it: Debian's python3-openpyxl
 * reads what signet_xlsx_export() and `signet --export-xlsx` wrote
 * (xlsx-reader.py) and finds a sheet each for the contracts, payments,
 * obligations, risks and loans, each with a frozen header and an
 * autofilter over its rows; amounts as numbers in their currency's format
 * (no decimals for JPY, three for KWD), dates as dates, Chinese text as
 * it was typed, columns as wide as their text (Chinese counting double);
 * the rows of the contracts of a view only, in its order; the sheets and
 * headers in Chinese in zh_CN; the command line's exit codes and
 * messages; a cancelled export leaves the file as it was. */

#include "config.h"

#include <locale.h>
#include <string.h>

#include "io-test-utils.h"
#include "signet-contract-list.h"
#include "signet-store-events.h"
#include "signet-store-obligations.h"
#include "signet-store-originals.h"
#include "signet-store-payments.h"
#include "signet-store-people.h"
#include "signet-store-risks.h"
#include "signet-xlsx-export.h"
#include "unit-test-utils.h"

#define TODAY "2026-12-07"

typedef struct
{
  char *type;
  char *format;
  char *value;
} Cell;

/* What openpyxl read: "sheet NAME" -> its line's fields, "width
 * NAME!LETTER" -> the width, "NAME!A1" -> Cell. */
typedef struct
{
  GHashTable *facts;
  GHashTable *cells;
} Workbook;

static void
cell_free (Cell *cell)
{
  g_free (cell->type);
  g_free (cell->format);
  g_free (cell->value);
  g_free (cell);
}

static void
workbook_clear (Workbook *book)
{
  g_clear_pointer (&book->facts, g_hash_table_unref);
  g_clear_pointer (&book->cells, g_hash_table_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Workbook, workbook_clear)

/* FALSE, the test skipped with the reason, when openpyxl is missing. */
static gboolean
read_workbook (const char *path,
               Workbook   *book)
{
  g_autofree char *script = g_build_filename (SIGNET_SOURCE_DIR, "tests", "io", "xlsx-reader.py", NULL);
  const char *argv[] = { "python3", script, path, NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = NULL;
  int status;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, &err, &status, &error))
    {
      g_test_skip_printf ("python3 cannot be run: %s", error->message);
      return FALSE;
    }
  if (WIFEXITED (status) && WEXITSTATUS (status) == 77)
    {
      g_test_skip_printf ("%s", g_strstrip (out));
      return FALSE;
    }
  if (!g_spawn_check_wait_status (status, &error))
    g_error ("xlsx-reader.py failed: %s\n%s", error->message, err);

  book->facts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_strfreev);
  book->cells = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) cell_free);
  lines = g_strsplit (out, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = g_strsplit (lines[i], "\t", -1);
      guint n = g_strv_length (fields);

      if (n == 6 && g_str_equal (fields[0], "sheet"))
        {
          char *key = g_strconcat ("sheet ", fields[1], NULL);

          g_hash_table_insert (book->facts, key, g_steal_pointer (&fields));
        }
      else if (n == 4 && g_str_equal (fields[0], "width"))
        {
          char *key = g_strconcat ("width ", fields[1], "!", fields[2], NULL);

          g_hash_table_insert (book->facts, key, g_steal_pointer (&fields));
        }
      else if (n == 6 && g_str_equal (fields[0], "cell"))
        {
          Cell *cell = g_new0 (Cell, 1);

          cell->type = g_strdup (fields[3]);
          cell->format = g_strdup (fields[4]);
          cell->value = g_strdup (fields[5]);
          g_hash_table_insert (book->cells, g_strconcat (fields[1], "!", fields[2], NULL), cell);
        }
      else
        g_assert_cmpstr (lines[i], ==, "");
    }

  return TRUE;
}

static const Cell *
get_cell (Workbook   *book,
          const char *sheet,
          const char *coordinate)
{
  g_autofree char *key = g_strconcat (sheet, "!", coordinate, NULL);

  return g_hash_table_lookup (book->cells, key);
}

static void
assert_cell (Workbook   *book,
             const char *sheet,
             const char *coordinate,
             const char *type,
             const char *format,
             const char *value)
{
  const Cell *cell = get_cell (book, sheet, coordinate);

  if (cell == NULL)
    g_error ("%s!%s is empty, expected “%s”", sheet, coordinate, value);
  g_assert_cmpstr (cell->value, ==, value);
  g_assert_cmpstr (cell->type, ==, type);
  if (format != NULL)
    g_assert_cmpstr (cell->format, ==, format);
}

/* The sheet's freeze panes, autofilter and number of rows. */
static void
assert_sheet (Workbook   *book,
              const char *sheet,
              const char *auto_filter,
              guint       n_rows)
{
  g_autofree char *key = g_strconcat ("sheet ", sheet, NULL);
  char **fields = g_hash_table_lookup (book->facts, key);
  g_autofree char *rows = g_strdup_printf ("%u", n_rows);

  if (fields == NULL)
    g_error ("the workbook has no sheet “%s”", sheet);
  g_assert_cmpstr (fields[2], ==, "A2");
  g_assert_cmpstr (fields[3], ==, auto_filter);
  g_assert_cmpstr (fields[4], ==, rows);
}

static double
get_width (Workbook   *book,
           const char *sheet,
           const char *column)
{
  g_autofree char *key = g_strconcat ("width ", sheet, "!", column, NULL);
  char **fields = g_hash_table_lookup (book->facts, key);

  g_assert_nonnull (fields);

  return g_ascii_strtod (fields[3], NULL);
}

static gint64
add_person (SignetStore *store,
            const char  *name)
{
  g_autoptr(SignetPerson) person = NULL;
  g_autoptr(GError) error = NULL;

  /* The sample register's owners are people already. */
  person = signet_store_find_person (store, name, &error);
  g_assert_no_error (error);
  if (person != NULL)
    return signet_person_get_id (person);

  person = signet_person_new ();
  signet_person_set_name (person, name);
  g_assert_true (signet_store_add_person (store, person, &error));
  g_assert_no_error (error);

  return signet_person_get_id (person);
}

/* The sample register, and on its lease HT-2026-0001 (CNY 1,234,567.89,
 * active) a payment, an obligation, a risk and a loan of its original. */
static gint64
fill_register (SignetStore *store)
{
  g_autoptr(SignetContract) lease = NULL;
  g_autoptr(SignetPayment) payment = NULL;
  g_autoptr(SignetPaymentSettlement) settlement = NULL;
  g_autoptr(SignetObligation) obligation = NULL;
  g_autoptr(SignetRisk) risk = NULL;
  g_autoptr(SignetOriginal) original = NULL;
  g_autoptr(SignetLoan) loan = NULL;
  g_autoptr(GError) error = NULL;
  gint64 zhang;
  gint64 wang;
  gint64 id;

  signet_store_set_today (store, TODAY);
  io_fill_sample_register (store);
  zhang = add_person (store, "张伟");
  wang = add_person (store, "王芳");
  lease = signet_store_find_contract_by_number (store, "HT-2026-0001", &error);
  g_assert_no_error (error);
  id = signet_contract_get_id (lease);

  payment = signet_payment_new (id);
  payment->title = g_strdup ("首期款");
  payment->amount = 6000000;
  payment->currency = g_strdup ("CNY");
  payment->due_date = g_strdup ("2026-03-31");
  payment->condition = g_strdup ("验收合格后");
  g_assert_true (signet_store_add_payment (store, payment, &error));
  g_assert_no_error (error);
  settlement = signet_payment_settlement_new (payment->id);
  settlement->date = g_strdup ("2026-04-02");
  settlement->amount = 1500050;
  g_assert_true (signet_store_add_payment_settlement (store, settlement, &error));
  g_assert_no_error (error);

  obligation = signet_obligation_new (id);
  obligation->title = g_strdup ("月度维保报告");
  obligation->owner_id = zhang;
  obligation->due_date = g_strdup ("2026-01-31");
  obligation->recurrence = SIGNET_RECURRENCE_MONTHLY;
  obligation->until_date = g_strdup ("2026-03-31");
  g_assert_true (signet_store_add_obligation (store, obligation, &error));
  g_assert_no_error (error);
  g_assert_true (signet_store_mark_occurrence_done (store, obligation->id, "2026-02-28", "2026-03-03", &error));
  g_assert_no_error (error);

  risk = signet_risk_new (id);
  risk->category = SIGNET_RISK_CATEGORY_FINANCIAL;
  risk->description = g_strdup ("客户付款延迟");
  risk->likelihood = 4;
  risk->impact = 5;
  risk->owner_id = wang;
  risk->next_review = g_strdup ("2026-12-15");
  g_assert_true (signet_store_add_risk (store, risk, &error));
  g_assert_no_error (error);

  original = signet_original_new (id);
  original->archive_number = g_strdup ("GD-2026-0101");
  g_assert_true (signet_store_save_original (store, original, &error));
  g_assert_no_error (error);
  loan = signet_loan_new (id);
  loan->borrower_id = wang;
  loan->department = g_strdup ("法务部");
  loan->purpose = g_strdup ("诉讼取证");
  loan->lent_on = g_strdup ("2026-11-20");
  loan->due_on = g_strdup ("2026-12-04");
  g_assert_true (signet_store_add_loan (store, loan, &error));
  g_assert_no_error (error);

  return id;
}

/* The row of the sheet whose @column holds @text; 0 when none. */
static guint
find_row_in (Workbook   *book,
             const char *sheet,
             const char *column,
             const char *text)
{
  for (guint row = 2; row < 1000; row++)
    {
      g_autofree char *coordinate = g_strdup_printf ("%s%u", column, row);
      const Cell *cell = get_cell (book, sheet, coordinate);

      if (cell == NULL)
        return 0;
      if (g_str_equal (cell->value, text))
        return row;
    }

  return 0;
}

static guint
find_row (Workbook   *book,
          const char *sheet,
          const char *number)
{
  return find_row_in (book, sheet, "A", number);
}

static void
assert_row_cell (Workbook   *book,
                 const char *sheet,
                 const char *column,
                 guint       row,
                 const char *type,
                 const char *format,
                 const char *value)
{
  g_autofree char *coordinate = g_strdup_printf ("%s%u", column, row);

  assert_cell (book, sheet, coordinate, type, format, value);
}

static void
export_to (SignetStore *store,
           const char  *path,
           GArray      *ids)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  g_assert_true (signet_xlsx_export (store, file, ids, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
}

static void
test_whole_register (IoFixture     *f,
                     gconstpointer  data)
{
  g_autofree char *path = io_fixture_path (f, "register.xlsx");
  g_auto(Workbook) book = { 0 };
  guint n_contracts;
  guint lease;
  guint licence;
  guint kuwait;
  guint huaxin;

  fill_register (f->store);
  n_contracts = signet_store_count_contracts (f->store);
  export_to (f->store, path, NULL);
  if (!read_workbook (path, &book))
    return;

  /* Every sheet: the header frozen, the filter over the header and rows. */
  {
    g_autofree char *ref = g_strdup_printf ("A1:S%u", n_contracts + 1);

    assert_sheet (&book, "Contracts", ref, n_contracts + 1);
  }
  assert_sheet (&book, "Payments", "A1:K2", 2);
  assert_sheet (&book, "Obligations", "A1:I4", 4);
  assert_sheet (&book, "Risks", "A1:J2", 2);
  assert_sheet (&book, "Loans", "A1:J2", 2);

  assert_cell (&book, "Contracts", "A1", "text", NULL, "Number");
  assert_cell (&book, "Contracts", "G1", "text", NULL, "Value");
  assert_cell (&book, "Contracts", "M1", "text", NULL, "Notice Deadline");

  /* Chinese text as typed; money a number in its currency's format; the
   * dates real dates; the terms and state of today. */
  lease = find_row (&book, "Contracts", "HT-2026-0001");
  g_assert_cmpuint (lease, >, 0);
  assert_row_cell (&book, "Contracts", "B", lease, "text", NULL, "办公场地租赁合同");
  assert_row_cell (&book, "Contracts", "C", lease, "text", NULL, "北京华信科技有限公司");
  assert_row_cell (&book, "Contracts", "E", lease, "text", NULL, "张伟");
  assert_row_cell (&book, "Contracts", "F", lease, "text", NULL, "行政部");
  assert_row_cell (&book, "Contracts", "G", lease, "number", "\"¥\"#,##0.00", "1234567.89");
  assert_row_cell (&book, "Contracts", "H", lease, "text", NULL, "CNY");
  assert_row_cell (&book, "Contracts", "I", lease, "date", "yyyy-mm-dd", "2025-12-20");
  assert_row_cell (&book, "Contracts", "J", lease, "date", "yyyy-mm-dd", "2026-01-01");
  assert_row_cell (&book, "Contracts", "K", lease, "date", "yyyy-mm-dd", "2028-02-29");
  assert_row_cell (&book, "Contracts", "L", lease, "number", "General", "90");
  /* 2028-02-29 less 90 days. */
  assert_row_cell (&book, "Contracts", "M", lease, "date", "yyyy-mm-dd", "2027-12-01");
  assert_row_cell (&book, "Contracts", "N", lease, "text", NULL, "Yes");
  assert_row_cell (&book, "Contracts", "O", lease, "text", NULL, "Active");
  assert_row_cell (&book, "Contracts", "P", lease, "text", NULL, "High");
  assert_row_cell (&book, "Contracts", "Q", lease, "text", NULL, "租赁, 年度");
  assert_row_cell (&book, "Contracts", "R", lease, "text", NULL, "Yes");

  licence = find_row (&book, "Contracts", "LIC/2026/7");
  g_assert_cmpuint (licence, >, 0);
  assert_row_cell (&book, "Contracts", "G", licence, "number", "\"¥\"#,##0", "9800000");
  assert_row_cell (&book, "Contracts", "H", licence, "text", NULL, "JPY");
  assert_row_cell (&book, "Contracts", "R", licence, "text", NULL, "No");
  kuwait = find_row (&book, "Contracts", "KW-1");
  g_assert_cmpuint (kuwait, >, 0);
  assert_row_cell (&book, "Contracts", "G", kuwait, "number", "#,##0.000\" KWD\"", "1.005");
  assert_row_cell (&book, "Contracts", "O", kuwait, "text", NULL, "Terminated");

  /* Wide enough for the longest text: 办公场地租赁合同 is eight
   * characters that take sixteen columns. */
  g_assert_cmpfloat (get_width (&book, "Contracts", "B"), >=, 16);
  g_assert_cmpfloat (get_width (&book, "Contracts", "I"), >=, 10);

  assert_cell (&book, "Payments", "A2", "text", NULL, "HT-2026-0001");
  assert_cell (&book, "Payments", "B2", "text", NULL, "首期款");
  assert_cell (&book, "Payments", "D2", "date", "yyyy-mm-dd", "2026-03-31");
  assert_cell (&book, "Payments", "E2", "number", "\"¥\"#,##0.00", "60000");
  assert_cell (&book, "Payments", "H2", "number", "\"¥\"#,##0.00", "15000.5");
  assert_cell (&book, "Payments", "I2", "number", "\"¥\"#,##0.00", "44999.5");
  assert_cell (&book, "Payments", "K2", "text", NULL, "验收合格后");

  /* One row per occurrence, each with what became of it. */
  assert_cell (&book, "Obligations", "B2", "text", NULL, "月度维保报告");
  assert_cell (&book, "Obligations", "D2", "text", NULL, "张伟");
  assert_cell (&book, "Obligations", "F2", "date", "yyyy-mm-dd", "2026-01-31");
  assert_cell (&book, "Obligations", "G2", "text", NULL, "Overdue");
  assert_cell (&book, "Obligations", "F3", "date", "yyyy-mm-dd", "2026-02-28");
  assert_cell (&book, "Obligations", "G3", "text", NULL, "Done Late");
  assert_cell (&book, "Obligations", "H3", "date", "yyyy-mm-dd", "2026-03-03");
  assert_cell (&book, "Obligations", "F4", "date", "yyyy-mm-dd", "2026-03-31");

  assert_cell (&book, "Risks", "C2", "text", NULL, "客户付款延迟");
  assert_cell (&book, "Risks", "F2", "number", "General", "20");
  assert_cell (&book, "Risks", "H2", "text", NULL, "王芳");
  assert_cell (&book, "Risks", "J2", "date", "yyyy-mm-dd", "2026-12-15");

  assert_cell (&book, "Loans", "B2", "text", NULL, "王芳");
  assert_cell (&book, "Loans", "E2", "date", "yyyy-mm-dd", "2026-11-20");
  assert_cell (&book, "Loans", "H2", "text", NULL, "Overdue");
  assert_cell (&book, "Loans", "I2", "number", "General", "3");

  /* The clients' and departments' scorecards of the last 12 months: the
   * lease's client had one payment due, overdue since 2026-03-31. */
  assert_cell (&book, "Scorecards", "A1", "text", NULL, "Scorecard Of");
  huaxin = find_row_in (&book, "Scorecards", "B", "北京华信科技有限公司");
  g_assert_cmpuint (huaxin, >, 0);
  assert_row_cell (&book, "Scorecards", "A", huaxin, "text", NULL, "Client");
  assert_row_cell (&book, "Scorecards", "D", huaxin, "date", "yyyy-mm-dd", "2025-12-08");
  assert_row_cell (&book, "Scorecards", "E", huaxin, "date", "yyyy-mm-dd", "2026-12-07");
  assert_row_cell (&book, "Scorecards", "F", huaxin, "number", "General", "1");
  assert_row_cell (&book, "Scorecards", "G", huaxin, "number", "\"¥\"#,##0.00", "1234567.89");
  assert_row_cell (&book, "Scorecards", "I", huaxin, "number", "0%", "0");
  assert_row_cell (&book, "Scorecards", "J", huaxin, "number", "0.0", "251");
  assert_row_cell (&book, "Scorecards", "N", huaxin, "number", "General", "1");
  g_assert_cmpuint (find_row_in (&book, "Scorecards", "B", "行政部"), >, 0);
}

/* The contracts of a view, in its order, and nothing of the others. */
static void
test_view (IoFixture     *f,
           gconstpointer  data)
{
  g_autofree char *path = io_fixture_path (f, "view.xlsx");
  g_autoptr(SignetContract) kuwait = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GError) error = NULL;
  g_auto(Workbook) book = { 0 };
  gint64 lease = fill_register (f->store);
  gint64 kuwait_id;

  kuwait = signet_store_find_contract_by_number (f->store, "KW-1", &error);
  g_assert_no_error (error);
  kuwait_id = signet_contract_get_id (kuwait);
  g_array_append_val (ids, kuwait_id);
  g_array_append_val (ids, lease);

  export_to (f->store, path, ids);
  if (!read_workbook (path, &book))
    return;

  assert_sheet (&book, "Contracts", "A1:S3", 3);
  assert_cell (&book, "Contracts", "A2", "text", NULL, "KW-1");
  assert_cell (&book, "Contracts", "A3", "text", NULL, "HT-2026-0001");
  assert_sheet (&book, "Payments", "A1:K2", 2);
  assert_sheet (&book, "Loans", "A1:J2", 2);
  /* Scorecards are of clients and departments: not of a view. */
  g_assert_null (g_hash_table_lookup (book.facts, "sheet Scorecards"));

  /* A view without the lease: its records stay out, the headers stay. */
  g_array_set_size (ids, 1);
  export_to (f->store, path, ids);
  workbook_clear (&book);
  g_assert_true (read_workbook (path, &book));
  assert_sheet (&book, "Contracts", "A1:S2", 2);
  assert_sheet (&book, "Payments", "A1:K1", 1);
  assert_cell (&book, "Payments", "A1", "text", NULL, "Contract");
  assert_sheet (&book, "Obligations", "A1:I1", 1);
  assert_sheet (&book, "Risks", "A1:J1", 1);
  assert_sheet (&book, "Loans", "A1:J1", 1);
}

/* More cells than go to the writer at once, many times over: every
 * contract's row comes out whole and in order, its dates real dates. */
static void
test_large (IoFixture     *f,
            gconstpointer  data)
{
  g_autofree char *path = io_fixture_path (f, "large.xlsx");
  g_autoptr(SignetClient) client = io_add_client (f->store, "C1", "上海华东建设工程有限公司");
  g_autoptr(GError) error = NULL;
  g_auto(Workbook) book = { 0 };
  const guint n_contracts = 1500;

  g_assert_true (signet_store_begin_batch (f->store, &error));
  for (guint i = 0; i < n_contracts; i++)
    {
      g_autofree char *number = g_strdup_printf ("N-%05u", i);
      g_autofree char *signed_on = g_strdup_printf ("2025-%02u-%02u", i % 12 + 1, i % 28 + 1);
      g_autoptr(SignetContract) contract = unit_add_contract (f->store, client, number, "设备维保服务合同");

      signet_contract_set_signing_date (contract, signed_on);
      signet_contract_set_value (contract, (gint64) i * 100 + 1);
      g_assert_true (signet_store_update_contract (f->store, contract, &error));
      g_assert_no_error (error);
    }
  g_assert_true (signet_store_commit_batch (f->store, &error));
  g_assert_no_error (error);

  export_to (f->store, path, NULL);
  if (!read_workbook (path, &book))
    return;

  assert_sheet (&book, "Contracts", "A1:S1501", n_contracts + 1);
  for (guint i = 0; i < n_contracts; i++)
    {
      g_autofree char *number = g_strdup_printf ("N-%05u", i);
      g_autofree char *signed_on = g_strdup_printf ("2025-%02u-%02u", i % 12 + 1, i % 28 + 1);
      g_autofree char *value = g_strdup_printf ("%u.%02u", i, 1);

      assert_row_cell (&book, "Contracts", "A", i + 2, "text", NULL, number);
      assert_row_cell (&book, "Contracts", "B", i + 2, "text", NULL, "设备维保服务合同");
      assert_row_cell (&book, "Contracts", "G", i + 2, "number", "\"¥\"#,##0.00", value);
      assert_row_cell (&book, "Contracts", "I", i + 2, "date", "yyyy-mm-dd", signed_on);
    }
}

/* A view is exported as the list shows it: what its search finds and its
 * query lets through, in its order. */
static void
test_view_selection (IoFixture     *f,
                     gconstpointer  data)
{
  g_autoptr(SignetContractList) list = NULL;
  g_autoptr(SignetContractQuery) query = signet_contract_query_new ();
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GError) error = NULL;
  SignetXlsxView view = { NULL, NULL, SIGNET_SORT_VALUE, TRUE };
  guint n_items;

  fill_register (f->store);
  list = signet_contract_list_new (f->store);
  signet_contract_list_load_all (list);
  signet_contract_list_set_sort (list, SIGNET_SORT_VALUE, TRUE);
  signet_contract_query_set_risk_levels (query, (1 << SIGNET_RISK_LEVEL_HIGH) | (1 << SIGNET_RISK_LEVEL_MEDIUM));
  signet_contract_list_set_query (list, query);

  for (guint pass = 0; pass < 2; pass++)
    {
      view.search = signet_contract_list_get_search (list);
      view.query = signet_contract_list_get_query (list);
      ids = signet_xlsx_select_view (f->store, &view, &error);
      g_assert_no_error (error);

      n_items = g_list_model_get_n_items (G_LIST_MODEL (list));
      g_assert_cmpuint (n_items, >, 0);
      g_assert_cmpuint (ids->len, ==, n_items);
      for (guint i = 0; i < n_items; i++)
        {
          g_autoptr(SignetContract) contract = g_list_model_get_item (G_LIST_MODEL (list), i);

          g_assert_cmpint (g_array_index (ids, gint64, i), ==, signet_contract_get_id (contract));
        }
      g_clear_pointer (&ids, g_array_unref);

      /* And with a search besides. */
      signet_contract_list_set_search (list, "合同");
    }
}

static void
progress_cb (double   fraction,
             gpointer user_data)
{
  GArray *fractions = user_data;

  g_array_append_val (fractions, fraction);
}

/* Progress runs from 0 to 1; a cancelled export writes nothing over the
 * file that was there. */
static void
test_progress_and_cancel (IoFixture     *f,
                          gconstpointer  data)
{
  g_autofree char *path = io_fixture_path (f, "cancel.xlsx");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GArray) fractions = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;

  fill_register (f->store);
  g_assert_true (signet_xlsx_export (f->store, file, NULL, NULL, progress_cb, fractions, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (fractions->len, >=, 2);
  g_assert_cmpfloat (g_array_index (fractions, double, 0), ==, 0.0);
  g_assert_cmpfloat (g_array_index (fractions, double, fractions->len - 1), ==, 1.0);
  for (guint i = 1; i < fractions->len; i++)
    g_assert_cmpfloat (g_array_index (fractions, double, i), >, g_array_index (fractions, double, i - 1));

  io_write_file (path, "the file before", -1);
  g_cancellable_cancel (cancellable);
  g_assert_false (signet_xlsx_export (f->store, file, NULL, cancellable, NULL, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "the file before");
}

/* The whole register from the command line, in Chinese in zh_CN. */
static void
test_cli (IoFixture     *f,
          gconstpointer  data)
{
  g_autofree char *database = g_strdup_printf ("--database=%s", f->path);
  g_autofree char *path = io_fixture_path (f, "cli.xlsx");
  g_autofree char *option = g_strdup_printf ("--export-xlsx=%s", path);
  g_auto(IoRun) run = { 0 };
  g_auto(Workbook) book = { 0 };
  g_autofree char *contracts_ref = NULL;
  locale_t chinese;
  guint n_contracts;
  guint lease;

  fill_register (f->store);
  n_contracts = signet_store_count_contracts (f->store);
  g_clear_object (&f->store);

  chinese = newlocale (LC_ALL_MASK, "zh_CN.UTF-8", (locale_t) 0);
  if (chinese == (locale_t) 0)
    {
      g_test_skip ("the locale zh_CN.UTF-8 is not installed");
      return;
    }
  freelocale (chinese);

  /* The binary's day is the clock's: what this test reads of it (the
   * lease runs to 2028) does not depend on the day. */
  g_setenv ("LC_ALL", "zh_CN.UTF-8", TRUE);
  io_run_signet (&run, SIGNET_BINARY, database, option, NULL);
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_cmpstr (run.out, ==, "");
  g_assert_cmpint (run.status, ==, 0);

  if (!read_workbook (path, &book))
    return;
  contracts_ref = g_strdup_printf ("A1:S%u", n_contracts + 1);
  assert_sheet (&book, "合同", contracts_ref, n_contracts + 1);
  assert_sheet (&book, "付款", "A1:K2", 2);
  assert_sheet (&book, "履约义务", "A1:I4", 4);
  assert_sheet (&book, "风险", "A1:J2", 2);
  assert_sheet (&book, "借阅", "A1:J2", 2);
  assert_cell (&book, "合同", "A1", "text", NULL, "合同编号");
  assert_cell (&book, "合同", "M1", "text", NULL, "通知截止日");
  lease = find_row (&book, "合同", "HT-2026-0001");
  g_assert_cmpuint (lease, >, 0);
  assert_row_cell (&book, "合同", "B", lease, "text", NULL, "办公场地租赁合同");
  assert_row_cell (&book, "合同", "G", lease, "number", "\"¥\"#,##0.00", "1234567.89");
  assert_row_cell (&book, "合同", "O", lease, "text", NULL, "履行中");
  assert_row_cell (&book, "合同", "P", lease, "text", NULL, "高");
  assert_row_cell (&book, "合同", "N", lease, "text", NULL, "是");
}

/* Usage errors exit 2, failures 1, each with a message and no file. */
static void
test_cli_errors (IoFixture     *f,
                 gconstpointer  data)
{
  g_autofree char *database = g_strdup_printf ("--database=%s", f->path);
  g_autofree char *missing = io_fixture_path (f, "missing.db");
  g_autofree char *missing_database = g_strdup_printf ("--database=%s", missing);
  g_autofree char *path = io_fixture_path (f, "out.xlsx");
  g_autofree char *option = g_strdup_printf ("--export-xlsx=%s", path);
  g_autofree char *no_folder = io_fixture_path (f, "no-such-folder/out.xlsx");
  g_autofree char *no_folder_option = g_strdup_printf ("--export-xlsx=%s", no_folder);
  g_autofree char *expected = NULL;
  g_auto(IoRun) run = { 0 };

  fill_register (f->store);

  io_run_signet (&run, SIGNET_BINARY, database, "--export-xlsx=", NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_true (g_str_has_prefix (run.err, "signet: --export-xlsx needs the name of a file.\n"));

  io_run_signet (&run, SIGNET_BINARY, database, "--export-xlsx=-", NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_true (g_str_has_prefix (run.err, "signet: --export-xlsx needs the name of a file.\n"));

  io_run_signet (&run, SIGNET_BINARY, database, option, "--export=x.xml", NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_true (g_str_has_prefix (run.err, "signet: --export-xlsx goes alone, without --export, --export-ics or --import.\n"));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test ("x.xml", G_FILE_TEST_EXISTS));

  /* A mistyped register is not made. */
  io_run_signet (&run, SIGNET_BINARY, missing_database, option, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "missing.db"));
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  io_run_signet (&run, SIGNET_BINARY, database, no_folder_option, NULL);
  g_assert_cmpint (run.status, ==, 1);
  expected = g_strdup_printf ("%s: ", no_folder);
  g_assert_true (g_str_has_prefix (run.err, expected));
  g_assert_cmpstr (run.out, ==, "");

  io_run_signet (&run, SIGNET_BINARY, database, option, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/xlsx/whole-register", IoFixture, NULL, io_fixture_set_up, test_whole_register, io_fixture_tear_down);
  g_test_add ("/xlsx/view", IoFixture, NULL, io_fixture_set_up, test_view, io_fixture_tear_down);
  g_test_add ("/xlsx/view-selection", IoFixture, NULL, io_fixture_set_up, test_view_selection, io_fixture_tear_down);
  g_test_add ("/xlsx/large", IoFixture, NULL, io_fixture_set_up, test_large, io_fixture_tear_down);
  g_test_add ("/xlsx/progress-and-cancel", IoFixture, NULL, io_fixture_set_up, test_progress_and_cancel, io_fixture_tear_down);
  g_test_add ("/xlsx/cli", IoFixture, NULL, io_fixture_set_up, test_cli, io_fixture_tear_down);
  g_test_add ("/xlsx/cli-errors", IoFixture, NULL, io_fixture_set_up, test_cli_errors, io_fixture_tear_down);

  return g_test_run ();
}
