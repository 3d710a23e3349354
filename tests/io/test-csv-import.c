/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Spreadsheets saved as CSV come in as contracts: the fixtures of
 * tests/data/csv in GBK, UTF-8 and UTF-8 with a byte order mark, with
 * Chinese headers and 万元, a German short date; a wrong row stops the
 * import at its row and column with the register as it was; a dry run
 * writes nothing; the mapping is remembered; signet --import-csv. */

#include "config.h"

#include <locale.h>

#include <glib/gstdio.h>

#include "io-test-utils.h"
#include "signet-csv-import.h"
#include "signet-store-import-mappings.h"
#include "signet-tombstone.h"

static char *
fixture (const char *name)
{
  return g_build_filename (SIGNET_SOURCE_DIR, "tests", "data", "csv", name, NULL);
}

static SignetCsvImportReport *
import_file (SignetStore *store,
             const char  *path,
             gboolean     dry_run,
             GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  SignetCsvImportOptions options = { dry_run, TRUE, SIGNET_CSV_ENCODING_AUTO };
  SignetCsvImportReport *report = NULL;

  if (!signet_csv_import (store, file, NULL, &options, &report, NULL, NULL, NULL, error))
    return NULL;

  return report;
}

static SignetContract *
find_contract (SignetStore *store,
               const char  *number)
{
  g_autoptr(GError) error = NULL;
  SignetContract *contract = signet_store_find_contract_by_number (store, number, &error);

  g_assert_no_error (error);
  g_assert_nonnull (contract);

  return contract;
}

static void
assert_client (SignetStore    *store,
               SignetContract *contract,
               const char     *name)
{
  g_autoptr(SignetClient) client = NULL;
  g_autoptr(GError) error = NULL;

  client = signet_store_get_client (store, signet_contract_get_client_id (contract), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (signet_client_get_name (client), ==, name);
}

/* The three contracts of register-gbk.csv (and of its UTF-8 source). */
static void
assert_gbk_contracts (SignetStore *store,
                      gint64       existing_client_id)
{
  g_autoptr(SignetContract) lease = find_contract (store, "HT-2026-0001");
  g_autoptr(SignetContract) service = find_contract (store, "HT-2026-0002");
  g_autoptr(SignetContract) purchase = find_contract (store, "HT-2026-0003");

  /* 120.5 万元 is ¥1,205,000.00, in fen. */
  g_assert_cmpstr (signet_contract_get_title (lease), ==, "办公楼租赁合同");
  g_assert_cmpint (signet_contract_get_client_id (lease), ==, existing_client_id);
  g_assert_cmpint (signet_contract_get_value (lease), ==, 120500000);
  g_assert_cmpstr (signet_contract_get_currency (lease), ==, "CNY");
  g_assert_cmpstr (signet_contract_get_contract_type (lease), ==, "租赁合同");
  g_assert_cmpstr (signet_contract_get_owner (lease), ==, "李娜");
  g_assert_cmpstr (signet_contract_get_department (lease), ==, "行政部");
  g_assert_cmpstr (signet_contract_get_signing_date (lease), ==, "2026-01-05");
  g_assert_cmpstr (signet_contract_get_start_date (lease), ==, "2026-01-10");
  g_assert_cmpstr (signet_contract_get_end_date (lease), ==, "2027-01-09");
  g_assert_cmpuint (signet_contract_get_notice_days (lease), ==, 30);
  /* 履行中 (active) is stored as signed: the day shows it active. */
  g_assert_cmpint (signet_contract_get_status (lease), ==, SIGNET_CONTRACT_STATUS_SIGNED);
  g_assert_cmpint (signet_contract_get_risk_level (lease), ==, SIGNET_RISK_LEVEL_LOW);
  g_assert_cmpstr (signet_contract_get_notes (lease), ==, "含物业费,按季支付");

  /* "1,200" 万元 with a thousands separator; 2026年2月1日; 60天. */
  g_assert_cmpint (signet_contract_get_value (service), ==, G_GINT64_CONSTANT (1200000000));
  g_assert_cmpstr (signet_contract_get_signing_date (service), ==, "2026-02-01");
  g_assert_cmpstr (signet_contract_get_end_date (service), ==, "2027-01-31");
  g_assert_cmpuint (signet_contract_get_notice_days (service), ==, 60);
  g_assert_cmpint (signet_contract_get_status (service), ==, SIGNET_CONTRACT_STATUS_SIGNED);
  g_assert_cmpint (signet_contract_get_risk_level (service), ==, SIGNET_RISK_LEVEL_HIGH);
  assert_client (store, service, "上海云帆科技有限公司");

  /* No currency in the cell: the mapping's, CNY; a line break in quotes. */
  g_assert_cmpint (signet_contract_get_value (purchase), ==, 8250000);
  g_assert_cmpstr (signet_contract_get_currency (purchase), ==, "CNY");
  g_assert_cmpstr (signet_contract_get_signing_date (purchase), ==, "2025-12-20");
  g_assert_cmpint (signet_contract_get_status (purchase), ==, SIGNET_CONTRACT_STATUS_DRAFT);
  g_assert_cmpint (signet_contract_get_risk_level (purchase), ==, SIGNET_RISK_LEVEL_MEDIUM);
  g_assert_cmpstr (signet_contract_get_notes (purchase), ==, "第一行\n第二行");
  assert_client (store, purchase, "北京恒信设备有限公司");
}

static void
test_gbk (IoFixture     *f,
          gconstpointer  data)
{
  g_autofree char *path = fixture (data);
  g_autoptr(SignetClient) existing = io_add_client (f->store, "C001", "华东建设集团");
  g_autoptr(SignetCsvImportReport) report = NULL;
  g_autoptr(GError) error = NULL;

  report = import_file (f->store, path, FALSE, &error);
  g_assert_no_error (error);

  g_assert_cmpint (report->encoding, ==, g_str_has_suffix (path, "utf8.csv") ? SIGNET_CSV_ENCODING_UTF8
                                                                                : SIGNET_CSV_ENCODING_GB18030);
  g_assert_cmpuint (report->rows, ==, 3);
  g_assert_cmpuint (report->contracts_added, ==, 3);
  g_assert_cmpuint (report->new_clients->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (report->new_clients, 0), ==, "上海云帆科技有限公司");
  g_assert_cmpstr (g_ptr_array_index (report->new_clients, 1), ==, "北京恒信设备有限公司");
  g_assert_true (report->mapping_remembered);
  g_assert_cmpuint (signet_store_count_contracts (f->store), ==, 3);

  assert_gbk_contracts (f->store, signet_client_get_id (existing));
}

static void
test_utf8 (IoFixture     *f,
           gconstpointer  data)
{
  g_autofree char *path = fixture ("register-utf8.csv");
  g_autoptr(SignetCsvImportReport) report = NULL;
  g_autoptr(SignetContract) consulting = NULL;
  g_autoptr(SignetContract) licence = NULL;
  g_autoptr(GError) error = NULL;

  report = import_file (f->store, path, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (report->encoding, ==, SIGNET_CSV_ENCODING_UTF8);
  /* The empty last row is no contract. */
  g_assert_cmpuint (report->contracts_added, ==, 2);
  g_assert_cmpuint (report->new_clients->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (report->new_clients, 0), ==, "Acme Ltd.");

  /* "1,250.5" in thousands of USD is $1,250,500.00. */
  consulting = find_contract (f->store, "EN-001");
  g_assert_cmpstr (signet_contract_get_title (consulting), ==, "Consulting, Phase 1");
  g_assert_cmpint (signet_contract_get_value (consulting), ==, 125050000);
  g_assert_cmpstr (signet_contract_get_currency (consulting), ==, "USD");
  g_assert_true (signet_contract_get_auto_renew (consulting));
  g_assert_cmpint (signet_contract_get_risk_level (consulting), ==, SIGNET_RISK_LEVEL_HIGH);
  g_assert_cmpstr (signet_contract_get_tags (consulting), ==, "IT, annual");
  g_assert_cmpstr (signet_contract_get_notes (consulting), ==, "Said \"final\" in the\nsecond line");

  licence = find_contract (f->store, "EN-002");
  g_assert_cmpint (signet_contract_get_value (licence), ==, 1200000);
  g_assert_cmpstr (signet_contract_get_currency (licence), ==, "EUR");
  g_assert_cmpstr (signet_contract_get_start_date (licence), ==, "2026-03-01");
  g_assert_cmpstr (signet_contract_get_end_date (licence), ==, "2029-02-28");
  g_assert_false (signet_contract_get_auto_renew (licence));
  g_assert_cmpint (signet_contract_get_client_id (licence), ==, signet_contract_get_client_id (consulting));
}

static void
test_bom (IoFixture     *f,
          gconstpointer  data)
{
  g_autofree char *path = fixture ("register-bom.csv");
  g_autoptr(SignetCsvImportReport) report = NULL;
  g_autoptr(SignetContract) storage = NULL;
  g_autoptr(SignetContract) audit = NULL;
  g_autoptr(SignetClient) client = NULL;
  g_autoptr(GError) error = NULL;

  report = import_file (f->store, path, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (report->encoding, ==, SIGNET_CSV_ENCODING_UTF8_BOM);
  g_assert_cmpuint (report->contracts_added, ==, 2);

  /* The client's code comes from its column. */
  client = signet_store_find_client_by_code (f->store, "K-17", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (signet_client_get_name (client), ==, "南方物流有限公司");

  storage = find_contract (f->store, "BOM-01");
  g_assert_cmpstr (signet_contract_get_title (storage), ==, "仓储服务协议");
  g_assert_cmpint (signet_contract_get_value (storage), ==, 123456789);
  g_assert_cmpstr (signet_contract_get_signing_date (storage), ==, "2026-03-15");
  g_assert_cmpstr (signet_contract_get_end_date (storage), ==, "2028-03-14");
  g_assert_cmpint (signet_contract_get_risk_level (storage), ==, SIGNET_RISK_LEVEL_HIGH);
  g_assert_cmpint (signet_contract_get_status (storage), ==, SIGNET_CONTRACT_STATUS_SIGNED);
  g_assert_cmpint (signet_contract_get_client_id (storage), ==, signet_client_get_id (client));

  audit = find_contract (f->store, "BOM-02");
  g_assert_cmpint (signet_contract_get_value (audit), ==, 9800000);
}

static void
test_locale_date (IoFixture     *f,
                  gconstpointer  data)
{
  g_autofree char *path = fixture ("register-de.csv");
  g_autoptr(SignetCsvImportReport) report = NULL;
  g_autoptr(SignetContract) maintenance = NULL;
  g_autoptr(SignetContract) advice = NULL;
  g_autoptr(GError) error = NULL;
  locale_t german = newlocale (LC_ALL_MASK, "de_DE.UTF-8", (locale_t) 0);
  locale_t before;

  if (german == (locale_t) 0)
    {
      g_test_skip ("The locale de_DE.UTF-8 is not installed.");
      return;
    }

  before = uselocale (german);
  report = import_file (f->store, path, FALSE, &error);
  uselocale (before);
  freelocale (german);
  g_assert_no_error (error);
  g_assert_cmpuint (report->contracts_added, ==, 2);

  /* 05.01.2026 and 1.250.000,50 in a file separated by semicolons. */
  maintenance = find_contract (f->store, "DE-1");
  g_assert_cmpstr (signet_contract_get_start_date (maintenance), ==, "2026-01-05");
  g_assert_cmpstr (signet_contract_get_end_date (maintenance), ==, "2026-12-31");
  g_assert_cmpint (signet_contract_get_value (maintenance), ==, 125000050);
  g_assert_cmpstr (signet_contract_get_currency (maintenance), ==, "EUR");

  advice = find_contract (f->store, "DE-2");
  g_assert_cmpint (signet_contract_get_value (advice), ==, 98000);
  g_assert_cmpstr (signet_contract_get_end_date (advice), ==, "2027-02-28");
  g_assert_cmpint (signet_contract_get_status (advice), ==, SIGNET_CONTRACT_STATUS_DRAFT);
}

typedef struct
{
  const char     *name;
  const char     *csv;
  SignetCsvError  code;
  guint           row;
  guint           column;
  const char     *header;
  const char     *message_part;
} BadRow;

/* The first two rows are right: what they would have added is not kept. */
#define GOOD_ROWS \
  "合同编号,合同名称,客户名称,签订日期,金额（万元）\n" \
  "BAD-1,租赁合同,华东建设集团,2026/1/5,10\n" \
  "BAD-2,服务合同,新客户有限公司,2026/1/6,20\n"

static const BadRow bad_rows[] = {
  { "impossible-date", GOOD_ROWS "BAD-3,采购合同,华东建设集团,2026/2/30,30\n",
    SIGNET_CSV_ERROR_INVALID, 4, 4, "签订日期", "2026/2/30" },
  { "amount-with-letters", GOOD_ROWS "BAD-3,采购合同,华东建设集团,2026/2/3,12a5\n",
    SIGNET_CSV_ERROR_INVALID, 4, 5, "金额（万元）", "“12a5” is not an amount" },
  { "duplicate-in-file", GOOD_ROWS "BAD-1,采购合同,华东建设集团,2026/2/3,5\n",
    SIGNET_CSV_ERROR_DUPLICATE, 4, 1, "合同编号", "The contract number BAD-1 appears twice in the file: in rows 2 and 4." },
  { "duplicate-in-register", GOOD_ROWS "OLD-1,采购合同,华东建设集团,2026/2/3,5\n",
    SIGNET_CSV_ERROR_DUPLICATE, 4, 1, "合同编号", "The contract number OLD-1 is already in the register, as “旧合同”." },
  { "no-title", GOOD_ROWS "BAD-3,,华东建设集团,2026/2/3,5\n",
    SIGNET_CSV_ERROR_INVALID, 4, 2, "合同名称", "Enter a title for the contract." },
  { "unclosed-quote", GOOD_ROWS "BAD-3,\"采购合同,华东建设集团,2026/2/3,5\n",
    SIGNET_CSV_ERROR_MALFORMED, 4, 2, NULL, "never closed" },
};

static void
add_old_contract (SignetStore *store)
{
  g_autoptr(SignetClient) client = io_add_client (store, "C001", "华东建设集团");
  g_autoptr(SignetContract) contract = signet_contract_new ();
  g_autoptr(GError) error = NULL;

  signet_contract_set_number (contract, "OLD-1");
  signet_contract_set_title (contract, "旧合同");
  signet_contract_set_client_id (contract, signet_client_get_id (client));
  signet_contract_set_currency (contract, "CNY");
  g_assert_true (signet_store_add_contract (store, contract, &error));
  g_assert_no_error (error);
}

static void
test_bad_row (IoFixture     *f,
              gconstpointer  data)
{
  const BadRow *bad = data;
  g_autofree char *path = io_fixture_path (f, "bad.csv");
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *formatted = NULL;
  g_autofree char *expected_place = NULL;
  SignetCsvImportReport *report;

  add_old_contract (f->store);
  before = io_export_bytes (f->store, NULL);
  io_write_file (path, bad->csv, -1);

  for (guint dry_run = 0; dry_run < 2; dry_run++)
    {
      g_clear_error (&error);
      report = import_file (f->store, path, dry_run, &error);
      g_assert_null (report);
      g_assert_error (error, SIGNET_CSV_ERROR, (int) bad->code);
      g_assert_cmpuint (signet_csv_error_get_row (error), ==, bad->row);
      g_assert_cmpuint (signet_csv_error_get_column (error), ==, bad->column);
      g_assert_cmpstr (signet_csv_error_get_header (error), ==, bad->header);
      g_assert_nonnull (strstr (error->message, bad->message_part));
    }

  formatted = signet_csv_error_format (error, "bad.csv");
  if (bad->header != NULL)
    expected_place = g_strdup_printf ("bad.csv:%u:%u: %s: %s", bad->row, bad->column, bad->header, error->message);
  else
    expected_place = g_strdup_printf ("bad.csv:%u:%u: %s", bad->row, bad->column, error->message);
  g_assert_cmpstr (formatted, ==, expected_place);

  /* Nothing was written: not the rows before, not their new client, not
   * the mapping. */
  after = io_export_bytes (f->store, NULL);
  io_assert_bytes_equal (before, after);
  g_assert_cmpuint (signet_store_count_contracts (f->store), ==, 1);
  g_clear_error (&error);
  {
    g_autofree char *remembered = signet_store_dup_import_mapping (f->store,
                                                                   "合同编号\t合同名称\t客户名称\t签订日期\t金额（万元）",
                                                                   &error);
    g_assert_no_error (error);
    g_assert_null (remembered);
  }
}

static void
test_dry_run (IoFixture     *f,
              gconstpointer  data)
{
  g_autofree char *path = fixture ("register-gbk.csv");
  g_autoptr(SignetClient) existing = io_add_client (f->store, "C001", "华东建设集团");
  g_autoptr(SignetCsvImportReport) report = NULL;
  g_autoptr(GBytes) before = io_export_bytes (f->store, NULL);
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *summary = NULL;
  guint64 edits = signet_store_get_edit_count (f->store);

  report = import_file (f->store, path, TRUE, &error);
  g_assert_no_error (error);
  g_assert_true (report->dry_run);
  g_assert_cmpuint (report->contracts_added, ==, 3);
  g_assert_cmpuint (report->new_clients->len, ==, 2);
  g_assert_false (report->mapping_remembered);

  summary = signet_csv_import_report_describe (report);
  g_assert_cmpstr (summary, ==,
                   "Dry run: 3 contracts would be added.\n"
                   "2 new clients would be created: 上海云帆科技有限公司, 北京恒信设备有限公司.\n"
                   "Read as GBK (GB18030).");

  after = io_export_bytes (f->store, NULL);
  io_assert_bytes_equal (before, after);
  g_assert_cmpuint (signet_store_count_contracts (f->store), ==, 0);
  g_assert_cmpuint (signet_store_get_edit_count (f->store), ==, edits);
}

/* Without the confirmation, a client the register lacks stops the
 * import at its cell; the dry run listed it. */
static void
test_new_client_unconfirmed (IoFixture     *f,
                             gconstpointer  data)
{
  g_autofree char *path = fixture ("register-gbk.csv");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(SignetClient) existing = io_add_client (f->store, "C001", "华东建设集团");
  g_autoptr(GBytes) before = io_export_bytes (f->store, NULL);
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GError) error = NULL;
  SignetCsvImportOptions options = { FALSE, FALSE, SIGNET_CSV_ENCODING_AUTO };

  g_assert_false (signet_csv_import (f->store, file, NULL, &options, NULL, NULL, NULL, NULL, &error));
  g_assert_error (error, SIGNET_CSV_ERROR, SIGNET_CSV_ERROR_NEW_CLIENT);
  g_assert_cmpuint (signet_csv_error_get_row (error), ==, 3);
  g_assert_cmpuint (signet_csv_error_get_column (error), ==, 3);
  g_assert_nonnull (strstr (error->message, "上海云帆科技有限公司"));

  after = io_export_bytes (f->store, NULL);
  io_assert_bytes_equal (before, after);
}

/* Read as UTF-8 when the user says so, a GBK file stops at its first
 * Chinese cell. */
static void
test_wrong_encoding (IoFixture     *f,
                     gconstpointer  data)
{
  g_autofree char *path = fixture ("register-gbk.csv");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  SignetCsvImportOptions options = { FALSE, TRUE, SIGNET_CSV_ENCODING_UTF8 };

  g_assert_false (signet_csv_import (f->store, file, NULL, &options, NULL, NULL, NULL, NULL, &error));
  g_assert_error (error, SIGNET_CSV_ERROR, SIGNET_CSV_ERROR_MALFORMED);
  g_assert_cmpuint (signet_csv_error_get_row (error), ==, 1);
  g_assert_cmpuint (signet_csv_error_get_column (error), ==, 1);
  g_assert_cmpuint (signet_store_count_contracts (f->store), ==, 0);
}

/* A title above the headers, as Chinese registers have, and an empty row
 * under it: the header row is the first with two cells filled, and rows
 * keep the numbers the spreadsheet shows. The title holds no separator:
 * the header row tells it. */
static void
test_title_row (IoFixture     *f,
                gconstpointer  data)
{
  g_autofree char *path = io_fixture_path (f, "titled.csv");
  g_autoptr(SignetCsvImportReport) report = NULL;
  g_autoptr(SignetContract) lease = NULL;
  g_autoptr(GError) error = NULL;

  io_write_file (path,
                 "2026年合同台账\n"
                 "\n"
                 "合同编号;合同名称;客户名称;金额\n"
                 "T-1;租赁合同;某公司;1.250,50\n", -1);
  report = import_file (f->store, path, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (report->contracts_added, ==, 1);
  lease = find_contract (f->store, "T-1");
  g_assert_cmpint (signet_contract_get_value (lease), ==, 125050);

  io_write_file (path,
                 "2026年合同台账;;;\n"
                 "合同编号;合同名称;客户名称;签订日期\n"
                 "T-2;租赁合同;某公司;2026/1/5\n"
                 "T-3;租赁合同;某公司;2026/13/5\n", -1);
  g_clear_pointer (&report, signet_csv_import_report_free);
  report = import_file (f->store, path, FALSE, &error);
  g_assert_null (report);
  g_assert_error (error, SIGNET_CSV_ERROR, SIGNET_CSV_ERROR_INVALID);
  g_assert_cmpuint (signet_csv_error_get_row (error), ==, 4);
  g_assert_cmpuint (signet_csv_error_get_column (error), ==, 4);
  g_assert_cmpuint (signet_store_count_contracts (f->store), ==, 1);
}

/* A UTF-8 file with one stray byte (a Latin-1 degree sign) is read as
 * UTF-8 and stopped at that cell, not read whole as GBK into other
 * characters. */
static void
test_stray_byte (IoFixture     *f,
                 gconstpointer  data)
{
  g_autofree char *path = io_fixture_path (f, "stray.csv");
  g_autoptr(GError) error = NULL;

  io_write_file (path,
                 "合同编号,合同名称,客户名称,备注\n"
                 "S-1,仓储服务协议,南方物流有限公司,冷库温度\n"
                 "S-2,年度审计,南方物流有限公司,零下18\xb0" "C\n", -1);
  g_assert_null (import_file (f->store, path, FALSE, &error));
  g_assert_error (error, SIGNET_CSV_ERROR, SIGNET_CSV_ERROR_MALFORMED);
  g_assert_cmpuint (signet_csv_error_get_row (error), ==, 3);
  g_assert_cmpuint (signet_csv_error_get_column (error), ==, 4);
  g_assert_cmpuint (signet_store_count_contracts (f->store), ==, 0);
}

static void
store_changed_cb (SignetStore      *store,
                  SignetRecordKind  kind,
                  gint64            id,
                  SignetChangeKind  change,
                  guint            *count)
{
  (*count)++;
}

static void
store_reset_cb (SignetStore *store,
                guint       *count)
{
  (*count)++;
}

/* The store keeps one mapping per header row, the last remembered, and
 * remembering one is no change to the register's records: no signal, no
 * edit for Undo to count. */
static void
test_store_mappings (IoFixture     *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *none = NULL;
  g_autoptr(SignetClient) client = NULL;
  guint64 edits = signet_store_get_edit_count (f->store);
  guint emissions = 0;

  g_signal_connect (f->store, "changed", G_CALLBACK (store_changed_cb), &emissions);
  g_signal_connect (f->store, "reset", G_CALLBACK (store_reset_cb), &emissions);

  g_assert_true (signet_store_remember_import_mapping (f->store, "a\tb", "[Columns]\na=number\n", &error));
  g_assert_no_error (error);
  first = signet_store_dup_import_mapping (f->store, "a\tb", &error);
  g_assert_cmpstr (first, ==, "[Columns]\na=number\n");

  g_assert_true (signet_store_remember_import_mapping (f->store, "a\tb", "[Columns]\nb=number\n", &error));
  second = signet_store_dup_import_mapping (f->store, "a\tb", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (second, ==, "[Columns]\nb=number\n");

  none = signet_store_dup_import_mapping (f->store, "a\tc", &error);
  g_assert_no_error (error);
  g_assert_null (none);

  g_assert_cmpuint (emissions, ==, 0);
  g_assert_cmpuint (signet_store_get_edit_count (f->store), ==, edits);

  /* A record's write, for comparison, is told. */
  g_clear_object (&client);
  client = io_add_client (f->store, "C001", "华东建设集团");
  g_assert_cmpuint (emissions, ==, 1);
}

static void
test_guess (void)
{
  static const struct
  {
    const char     *header;
    SignetCsvField  field;
    guint           unit;
  } headers[] = {
    { "合同编号", SIGNET_CSV_FIELD_NUMBER, 1 },
    { "Contract No.", SIGNET_CSV_FIELD_NUMBER, 1 },
    { "合同名称", SIGNET_CSV_FIELD_TITLE, 1 },
    { "客户名称", SIGNET_CSV_FIELD_CLIENT, 1 },
    { "Client", SIGNET_CSV_FIELD_CLIENT, 1 },
    { "签订日期", SIGNET_CSV_FIELD_SIGNING_DATE, 1 },
    { "开始日期", SIGNET_CSV_FIELD_START_DATE, 1 },
    { "到期日期", SIGNET_CSV_FIELD_END_DATE, 1 },
    { "结束日期", SIGNET_CSV_FIELD_END_DATE, 1 },
    { "金额（万元）", SIGNET_CSV_FIELD_VALUE, 10000 },
    { "金额(元)", SIGNET_CSV_FIELD_VALUE, 1 },
    { "合同金额（千元）", SIGNET_CSV_FIELD_VALUE, 1000 },
    { "Amount", SIGNET_CSV_FIELD_VALUE, 1 },
    { "Amount (in thousands)", SIGNET_CSV_FIELD_VALUE, 1000 },
    { "Value k", SIGNET_CSV_FIELD_VALUE, 1000 },
    { "币种", SIGNET_CSV_FIELD_CURRENCY, 1 },
    { "负责人", SIGNET_CSV_FIELD_OWNER, 1 },
    { "部门", SIGNET_CSV_FIELD_DEPARTMENT, 1 },
    { "状态", SIGNET_CSV_FIELD_STATUS, 1 },
    { "风险等级", SIGNET_CSV_FIELD_RISK_LEVEL, 1 },
    { "备注", SIGNET_CSV_FIELD_NOTES, 1 },
    { "联系电话", SIGNET_CSV_FIELD_IGNORE, 1 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (headers); i++)
    {
      guint unit = 0;

      g_test_message ("%s", headers[i].header);
      g_assert_cmpint (signet_csv_guess_field (headers[i].header, &unit), ==, headers[i].field);
      g_assert_cmpuint (unit, ==, headers[i].unit);
    }
}

/* A mapping changed by the user is what the next file with the same
 * headers gets; its text reads back the same, and a mapping file maps
 * the columns it names. */
static void
test_mapping_remembered (IoFixture     *f,
                         gconstpointer  data)
{
  g_autofree char *path = fixture ("register-gbk.csv");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(SignetCsvPreview) preview = NULL;
  g_autoptr(SignetCsvMapping) guessed = NULL;
  g_autoptr(SignetCsvMapping) remembered = NULL;
  g_autoptr(SignetCsvMapping) reread = NULL;
  g_autoptr(SignetCsvMapping) from_file = NULL;
  g_autoptr(SignetContract) lease = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  SignetCsvImportOptions options = { FALSE, TRUE, SIGNET_CSV_ENCODING_AUTO };
  const char * const *headers;

  preview = signet_csv_preview (file, SIGNET_CSV_ENCODING_AUTO, 2, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (preview->encoding, ==, SIGNET_CSV_ENCODING_GB18030);
  g_assert_cmpint (preview->separator, ==, ',');
  g_assert_cmpuint (preview->rows->len, ==, 2);
  headers = (const char * const *) preview->headers;
  g_assert_cmpstr (headers[6], ==, "金额（万元）");

  guessed = signet_csv_mapping_for_register (f->store, headers);
  g_assert_cmpint (guessed->fields[0], ==, SIGNET_CSV_FIELD_NUMBER);
  g_assert_cmpint (guessed->fields[6], ==, SIGNET_CSV_FIELD_VALUE);
  g_assert_cmpuint (guessed->value_unit, ==, 10000);

  /* The notes go nowhere, the department to the tags. */
  guessed->fields[14] = SIGNET_CSV_FIELD_IGNORE;
  guessed->fields[5] = SIGNET_CSV_FIELD_TAGS;
  g_assert_true (signet_csv_import (f->store, file, guessed, &options, NULL, NULL, NULL, NULL, &error));
  g_assert_no_error (error);

  lease = find_contract (f->store, "HT-2026-0001");
  g_assert_cmpstr (signet_contract_get_notes (lease), ==, NULL);
  g_assert_cmpstr (signet_contract_get_tags (lease), ==, "行政部");

  remembered = signet_csv_mapping_for_register (f->store, headers);
  g_assert_cmpint (remembered->fields[14], ==, SIGNET_CSV_FIELD_IGNORE);
  g_assert_cmpint (remembered->fields[5], ==, SIGNET_CSV_FIELD_TAGS);
  g_assert_cmpuint (remembered->value_unit, ==, 10000);

  text = signet_csv_mapping_to_data (remembered);
  reread = signet_csv_mapping_new_from_data (headers, text, &error);
  g_assert_no_error (error);
  g_assert_cmpmem (reread->fields, reread->n_columns * sizeof (SignetCsvField),
                   remembered->fields, remembered->n_columns * sizeof (SignetCsvField));

  from_file = signet_csv_mapping_new_from_data (headers,
                                                "[Columns]\n合同编号=number\n合同名称=title\n客户名称=client\n"
                                                "金额（万元）=value\n[Amounts]\nunit=1\ncurrency=USD\n",
                                                &error);
  g_assert_no_error (error);
  g_assert_cmpint (from_file->fields[0], ==, SIGNET_CSV_FIELD_NUMBER);
  g_assert_cmpint (from_file->fields[5], ==, SIGNET_CSV_FIELD_IGNORE);
  g_assert_cmpint (from_file->fields[6], ==, SIGNET_CSV_FIELD_VALUE);
  g_assert_cmpuint (from_file->value_unit, ==, 1);
  g_assert_cmpstr (from_file->currency, ==, "USD");

  g_assert_null (signet_csv_mapping_new_from_data (headers, "[Columns]\n合同编号=phone\n", &error));
  g_assert_error (error, SIGNET_CSV_ERROR, SIGNET_CSV_ERROR_MAPPING);
}

/* Headers a key file cannot hold, and a header twice: each column keeps
 * its own field through the mapping's text. */
static void
test_mapping_odd_headers (void)
{
  const char * const headers[] = { "编号", "名称", "客户", "Amount [USD]", "", "备注", "备注", NULL };
  g_autoptr(SignetCsvMapping) guessed = signet_csv_mapping_guess (headers);
  g_autoptr(SignetCsvMapping) reread = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  g_assert_cmpint (guessed->fields[3], ==, SIGNET_CSV_FIELD_VALUE);
  g_assert_cmpstr (guessed->currency, ==, "USD");
  g_assert_cmpint (guessed->fields[5], ==, SIGNET_CSV_FIELD_NOTES);
  g_assert_cmpint (guessed->fields[6], ==, SIGNET_CSV_FIELD_IGNORE);
  guessed->fields[4] = SIGNET_CSV_FIELD_TAGS;

  text = signet_csv_mapping_to_data (guessed);
  g_assert_nonnull (strstr (text, "column-4=value\n"));
  g_assert_nonnull (strstr (text, "column-5=tags\n"));
  g_assert_nonnull (strstr (text, "column-7=ignore\n"));
  reread = signet_csv_mapping_new_from_data (headers, text, &error);
  g_assert_no_error (error);
  g_assert_cmpmem (reread->fields, reread->n_columns * sizeof (SignetCsvField),
                   guessed->fields, guessed->n_columns * sizeof (SignetCsvField));
  g_assert_cmpstr (reread->currency, ==, "USD");
  g_assert_true (signet_csv_mapping_check (reread, &error));
}

static char *
option (const char *name,
        const char *value)
{
  return g_strdup_printf ("--%s=%s", name, value);
}

static void
test_cli (IoFixture     *f,
          gconstpointer  data)
{
  g_autofree char *db = option ("database", f->path);
  g_autofree char *path = fixture ("register-gbk.csv");
  g_autofree char *import = option ("import-csv", path);
  g_autofree char *mapping_path = io_fixture_path (f, "mapping.ini");
  g_autofree char *mapping = option ("mapping", mapping_path);
  g_autofree char *bad_path = io_fixture_path (f, "bad.csv");
  g_autofree char *bad = option ("import-csv", bad_path);
  g_autofree char *expected_error = NULL;
  g_autoptr(SignetContract) lease = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(IoRun) run = { 0 };

  g_clear_object (&f->store);

  io_run_signet (&run, SIGNET_BINARY, db, import, "--dry-run", NULL);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==,
                   "Dry run: 3 contracts would be added.\n"
                   "3 new clients would be created: 华东建设集团, 上海云帆科技有限公司, 北京恒信设备有限公司.\n"
                   "Read as GBK (GB18030).\n");

  /* The amounts in 元, as the mapping file says, not in 万元. */
  io_write_file (mapping_path,
                 "[Columns]\n合同编号=number\n合同名称=title\n客户名称=client\n金额（万元）=value\n"
                 "[Amounts]\nunit=1\n", -1);
  io_run_signet (&run, SIGNET_BINARY, db, import, mapping, NULL);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_str_has_prefix (run.out, "3 contracts added.\n3 new clients created: "));

  f->store = signet_store_new (f->path, &error);
  g_assert_no_error (error);
  lease = find_contract (f->store, "HT-2026-0001");
  g_assert_cmpint (signet_contract_get_value (lease), ==, 12050);
  g_assert_null (signet_contract_get_signing_date (lease));
  g_clear_object (&f->store);

  /* Errors say the file, row and column, and write nothing. */
  io_write_file (bad_path, "合同编号,合同名称,客户名称,签订日期\nX-1,租赁合同,华东建设集团,2026年13月1日\n", -1);
  io_run_signet (&run, SIGNET_BINARY, db, bad, NULL);
  g_assert_cmpint (run.status, ==, 1);
  expected_error = g_strdup_printf ("%s:2:4: 签订日期: ", bad_path);
  g_assert_true (g_str_has_prefix (run.err, expected_error));
  g_assert_cmpstr (run.out, ==, "");

  /* The same file again: every number is in the register now. */
  io_run_signet (&run, SIGNET_BINARY, db, import, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, ":2:1: 合同编号: The contract number HT-2026-0001 is already in the register"));

  io_run_signet (&run, SIGNET_BINARY, db, import, "--import=x.xml", NULL);
  g_assert_cmpint (run.status, ==, 2);
  io_run_signet (&run, SIGNET_BINARY, db, mapping, NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_nonnull (strstr (run.err, "--mapping goes with --import-csv."));

  f->store = signet_store_new (f->path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (signet_store_count_contracts (f->store), ==, 3);
}

/* A register is made only when asked: a mistyped name is refused. */
static void
test_cli_create (IoFixture     *f,
                 gconstpointer  data)
{
  g_autofree char *new_path = io_fixture_path (f, "new.db");
  g_autofree char *db = option ("database", new_path);
  g_autofree char *path = fixture ("register-utf8.csv");
  g_autofree char *import = option ("import-csv", path);
  g_autoptr(SignetStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(IoRun) run = { 0 };

  io_run_signet (&run, SIGNET_BINARY, db, import, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_false (g_file_test (new_path, G_FILE_TEST_EXISTS));

  io_run_signet (&run, SIGNET_BINARY, db, import, "--create", "--dry-run", NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_nonnull (strstr (run.err, "--create goes with --import-csv, without --dry-run."));

  io_run_signet (&run, SIGNET_BINARY, db, import, "--create", NULL);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_cmpint (run.status, ==, 0);
  store = signet_store_new (new_path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (signet_store_count_contracts (store), ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add ("/csv-import/gbk", IoFixture, "register-gbk.csv", io_fixture_set_up, test_gbk, io_fixture_tear_down);
  g_test_add ("/csv-import/gbk-source-in-utf8", IoFixture, "register-gbk.utf8.csv",
              io_fixture_set_up, test_gbk, io_fixture_tear_down);
  g_test_add ("/csv-import/utf8", IoFixture, NULL, io_fixture_set_up, test_utf8, io_fixture_tear_down);
  g_test_add ("/csv-import/utf8-bom-tabs", IoFixture, NULL, io_fixture_set_up, test_bom, io_fixture_tear_down);
  g_test_add ("/csv-import/locale-date", IoFixture, NULL, io_fixture_set_up, test_locale_date, io_fixture_tear_down);
  for (guint i = 0; i < G_N_ELEMENTS (bad_rows); i++)
    {
      g_autofree char *name = g_strdup_printf ("/csv-import/bad/%s", bad_rows[i].name);

      g_test_add (name, IoFixture, &bad_rows[i], io_fixture_set_up, test_bad_row, io_fixture_tear_down);
    }
  g_test_add ("/csv-import/dry-run", IoFixture, NULL, io_fixture_set_up, test_dry_run, io_fixture_tear_down);
  g_test_add ("/csv-import/new-client-unconfirmed", IoFixture, NULL,
              io_fixture_set_up, test_new_client_unconfirmed, io_fixture_tear_down);
  g_test_add ("/csv-import/wrong-encoding", IoFixture, NULL, io_fixture_set_up, test_wrong_encoding, io_fixture_tear_down);
  g_test_add ("/csv-import/title-row", IoFixture, NULL, io_fixture_set_up, test_title_row, io_fixture_tear_down);
  g_test_add ("/csv-import/stray-byte", IoFixture, NULL, io_fixture_set_up, test_stray_byte, io_fixture_tear_down);
  g_test_add ("/csv-import/store-mappings", IoFixture, NULL, io_fixture_set_up, test_store_mappings, io_fixture_tear_down);
  g_test_add_func ("/csv-import/guess", test_guess);
  g_test_add_func ("/csv-import/mapping-odd-headers", test_mapping_odd_headers);
  g_test_add ("/csv-import/mapping-remembered", IoFixture, NULL,
              io_fixture_set_up, test_mapping_remembered, io_fixture_tear_down);
  g_test_add ("/csv-import/cli", IoFixture, NULL, io_fixture_set_up, test_cli, io_fixture_tear_down);
  g_test_add ("/csv-import/cli-create", IoFixture, NULL, io_fixture_set_up, test_cli_create, io_fixture_tear_down);

  return g_test_run ();
}
