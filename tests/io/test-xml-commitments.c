/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>

#include "io-test-utils.h"
#include "signet-store-events.h"
#include "signet-store-obligations.h"
#include "signet-store-originals.h"
#include "signet-store-payments.h"
#include "signet-store-people.h"
#include "signet-store-review-findings.h"
#include "signet-store-risks.h"
#include "unit-test-utils.h"

/* What a contract commits us to in the XML format: planned payments with
 * invoices and payments made, obligations and their occurrences, risks
 * and a kept risk level, a review's checklist and follow-up actions, the
 * paper original and its loans travel through export and import; a file
 * written before them imports as before, its payment key dates becoming
 * planned payments as migration 16 makes them; what is wrong in a file is
 * reported at its line, and nothing is stored then. */

static SignetImportReport *
import_text (IoFixture             *f,
             SignetStore           *store,
             const char            *xml,
             SignetConflictPolicy   policy,
             GError               **error)
{
  g_autofree char *path = io_fixture_path (f, "import.xml");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  SignetImportOptions options = { policy, FALSE };
  SignetImportReport *report = NULL;

  io_write_file (path, xml, -1);
  if (!signet_xml_import (store, file, &options, &report, NULL, NULL, NULL, error))
    return NULL;

  return report;
}

static gint64
add_person (SignetStore *store,
            const char  *name)
{
  g_autoptr(SignetPerson) person = signet_person_new ();
  g_autoptr(GError) error = NULL;

  signet_person_set_name (person, name);
  g_assert_true (signet_store_add_person (store, person, &error));
  g_assert_no_error (error);

  return signet_person_get_id (person);
}

/* One contract with every record of this issue, and one with none. */
static void
fill_commitments (SignetStore *store)
{
  g_autoptr(SignetClient) client = io_add_client (store, "C001", "上海华东建设工程有限公司");
  g_autoptr(SignetContract) contract = unit_add_contract (store, client, "HT-2026-0101", "设备维保服务合同");
  g_autoptr(SignetContract) other = unit_add_contract (store, client, "HT-2026-0102", "办公用品采购");
  g_autoptr(SignetPayment) advance = NULL;
  g_autoptr(SignetPayment) unset = NULL;
  g_autoptr(SignetPayment) payable = NULL;
  g_autoptr(SignetPaymentInvoice) invoice = NULL;
  g_autoptr(SignetPaymentSettlement) first = NULL;
  g_autoptr(SignetPaymentSettlement) second = NULL;
  g_autoptr(SignetObligation) report = NULL;
  g_autoptr(SignetObligation) handover = NULL;
  g_autoptr(SignetRisk) high = NULL;
  g_autoptr(SignetRisk) closed = NULL;
  g_autoptr(SignetRiskLevelChoice) choice = NULL;
  g_autoptr(SignetReviewReport) review = NULL;
  g_autoptr(SignetOriginal) original = NULL;
  g_autoptr(SignetLoan) returned = NULL;
  g_autoptr(SignetLoan) out = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id = signet_contract_get_id (contract);
  gint64 zhang = add_person (store, "张伟");
  gint64 wang = add_person (store, "王芳");

  g_assert_nonnull (other);
  signet_contract_set_value (contract, 12000000);
  signet_contract_set_start_date (contract, "2026-01-01");
  signet_contract_set_end_date (contract, "2026-12-31");
  g_assert_true (signet_store_update_contract (store, contract, &error));
  g_assert_no_error (error);

  advance = signet_payment_new (id);
  advance->title = g_strdup ("首期款 & <预付>");
  advance->amount = 6000000;
  advance->currency = g_strdup ("CNY");
  advance->due_date = g_strdup ("2026-03-31");
  advance->condition = g_strdup ("验收合格后");
  advance->note = g_strdup ("分两次支付");
  g_assert_true (signet_store_add_payment (store, advance, &error));
  g_assert_no_error (error);

  invoice = signet_payment_invoice_new (advance->id);
  invoice->number = g_strdup ("FP-2026-0001");
  invoice->date = g_strdup ("2026-03-01");
  invoice->amount = 6000000;
  g_assert_true (signet_store_add_payment_invoice (store, invoice, &error));
  g_assert_no_error (error);

  first = signet_payment_settlement_new (advance->id);
  first->date = g_strdup ("2026-03-20");
  first->amount = 2000000;
  first->note = g_strdup ("第一笔");
  g_assert_true (signet_store_add_payment_settlement (store, first, &error));
  g_assert_no_error (error);
  second = signet_payment_settlement_new (advance->id);
  second->date = g_strdup ("2026-04-02");
  second->amount = 1500050;
  g_assert_true (signet_store_add_payment_settlement (store, second, &error));
  g_assert_no_error (error);

  unset = signet_payment_new (id);
  unset->title = g_strdup ("尾款");
  unset->due_date = g_strdup ("2026-12-31");
  g_assert_true (signet_store_add_payment (store, unset, &error));
  g_assert_no_error (error);

  payable = signet_payment_new (id);
  payable->direction = SIGNET_PAYMENT_PAYABLE;
  payable->title = g_strdup ("Spare parts");
  payable->amount = 250000;
  payable->currency = g_strdup ("USD");
  payable->due_date = g_strdup ("2026-05-15");
  g_assert_true (signet_store_add_payment (store, payable, &error));
  g_assert_no_error (error);

  report = signet_obligation_new (id);
  report->party = SIGNET_OBLIGATION_PARTY_US;
  report->title = g_strdup ("月度维保报告");
  report->owner_id = zhang;
  report->due_date = g_strdup ("2026-01-31");
  report->recurrence = SIGNET_RECURRENCE_MONTHLY;
  report->until_date = g_strdup ("2026-06-30");
  report->note = g_strdup ("每月底提交");
  g_assert_true (signet_store_add_obligation (store, report, &error));
  g_assert_no_error (error);
  g_assert_true (signet_store_mark_occurrence_done (store, report->id, "2026-01-31", "2026-01-30", &error));
  g_assert_true (signet_store_mark_occurrence_done (store, report->id, "2026-02-28", "2026-03-03", &error));
  g_assert_true (signet_store_waive_occurrence (store, report->id, "2026-03-31", "春节停工", &error));
  g_assert_no_error (error);

  handover = signet_obligation_new (id);
  handover->party = SIGNET_OBLIGATION_PARTY_CLIENT;
  handover->title = g_strdup ("提供机房出入证");
  handover->due_date = g_strdup ("2026-01-15");
  g_assert_true (signet_store_add_obligation (store, handover, &error));
  g_assert_no_error (error);

  high = signet_risk_new (id);
  high->category = SIGNET_RISK_CATEGORY_FINANCIAL;
  high->description = g_strdup ("客户付款延迟");
  high->likelihood = 4;
  high->impact = 5;
  high->mitigation = g_strdup ("每月对账");
  high->owner_id = wang;
  high->next_review = g_strdup ("2026-12-15");
  g_assert_true (signet_store_add_risk (store, high, &error));
  g_assert_no_error (error);
  closed = signet_risk_new (id);
  closed->category = SIGNET_RISK_CATEGORY_LEGAL;
  closed->description = g_strdup ("授权书过期");
  closed->likelihood = 2;
  closed->impact = 3;
  closed->status = SIGNET_RISK_STATUS_CLOSED;
  g_assert_true (signet_store_add_risk (store, closed, &error));
  g_assert_no_error (error);

  choice = signet_risk_level_choice_new (id);
  choice->level = SIGNET_RISK_LEVEL_MEDIUM;
  choice->suggested = SIGNET_RISK_LEVEL_HIGH;
  choice->reason = g_strdup ("客户有十年良好付款记录");
  choice->chosen_at = g_strdup ("2026-02-01T08:00:00.000Z");
  choice->chosen_by = g_strdup ("zhangwei");
  g_assert_true (signet_store_put_risk_level_choice (store, choice, &error));
  g_assert_no_error (error);

  review = signet_review_report_new (id, "2026-06-30");
  review->reviewer = g_strdup ("王芳");
  review->note = g_strdup ("半年审查");
  g_ptr_array_add (review->items, signet_review_item_new ("签章完整", SIGNET_REVIEW_ANSWER_OK, NULL));
  g_ptr_array_add (review->items, signet_review_item_new ("付款正常", SIGNET_REVIEW_ANSWER_ISSUE, "尾款未开票"));
  g_ptr_array_add (review->items, signet_review_item_new ("授权有效", SIGNET_REVIEW_ANSWER_NA, NULL));
  g_ptr_array_add (review->items, signet_review_item_new ("条款合规", SIGNET_REVIEW_ANSWER_NONE, NULL));
  g_ptr_array_add (review->actions, signet_review_action_new ("催收尾款发票", zhang, "2026-07-31"));
  g_ptr_array_add (review->actions, signet_review_action_new ("核对授权书", wang, "2026-07-15"));
  review->follow_up_date = g_strdup ("2026-08-15");
  g_assert_true (signet_store_record_review_report (store, review, &error));
  g_assert_no_error (error);
  g_assert_true (signet_store_set_review_action_done (store, ((SignetReviewAction *) g_ptr_array_index (review->actions, 1))->id,
                                                      "2026-07-10", &error));
  g_assert_no_error (error);

  original = signet_original_new (id);
  original->archive_number = g_strdup ("GD-2026-0101");
  original->room = g_strdup ("3楼档案室");
  original->cabinet = g_strdup ("B");
  original->shelf = g_strdup ("2");
  original->box = g_strdup ("14");
  original->originals = 2;
  original->copies = 3;
  original->archived_by_id = zhang;
  original->archived_on = g_strdup ("2026-01-05");
  original->note = g_strdup ("骑缝章齐全");
  g_assert_true (signet_store_save_original (store, original, &error));
  g_assert_no_error (error);

  returned = signet_loan_new (id);
  returned->borrower_id = wang;
  returned->department = g_strdup ("法务部");
  returned->purpose = g_strdup ("诉讼取证");
  returned->lent_on = g_strdup ("2026-02-01");
  returned->due_on = g_strdup ("2026-02-15");
  returned->returned_on = g_strdup ("2026-02-20");
  returned->condition = SIGNET_LOAN_CONDITION_DAMAGED;
  returned->condition_note = g_strdup ("封面折损");
  returned->lent_by = g_strdup ("zhangwei");
  returned->returned_by = g_strdup ("zhangwei");
  g_assert_true (signet_store_add_loan (store, returned, &error));
  g_assert_no_error (error);

  out = signet_loan_new (id);
  out->borrower_id = zhang;
  out->purpose = g_strdup ("审计");
  out->lent_on = g_strdup ("2026-11-20");
  out->due_on = g_strdup ("2026-12-04");
  out->lent_by = g_strdup ("wangfang");
  g_assert_true (signet_store_add_loan (store, out, &error));
  g_assert_no_error (error);
}

static gint64
contract_id (SignetStore *store,
             const char  *number)
{
  g_autoptr(SignetContract) contract = signet_store_find_contract_by_number (store, number, NULL);

  g_assert_nonnull (contract);

  return signet_contract_get_id (contract);
}

/* Every record as a user sees it in the register the file came into. */
static void
assert_commitments (SignetStore *store)
{
  gint64 id = contract_id (store, "HT-2026-0101");
  g_autoptr(GPtrArray) payments = signet_store_list_payments (store, id, NULL);
  g_autoptr(GPtrArray) obligations = signet_store_list_obligations (store, id, NULL);
  g_autoptr(GPtrArray) risks = signet_store_list_risks (store, id, NULL);
  g_autoptr(SignetRiskLevelChoice) choice = signet_store_get_risk_level_choice (store, id, NULL);
  g_autoptr(GPtrArray) reviews = signet_store_list_review_reports (store, id, NULL);
  g_autoptr(SignetOriginal) original = signet_store_get_original (store, id, NULL);
  g_autoptr(SignetLoan) open_loan = signet_store_get_open_loan (store, id, NULL);
  g_autoptr(GPtrArray) loans = signet_store_list_loans (store, id, NULL);
  SignetPayment *advance, *unset, *payable;
  SignetObligation *report;
  SignetReviewReport *review;
  SignetRiskLevel suggested;
  gboolean has_suggestion = FALSE;

  g_assert_cmpuint (payments->len, ==, 3);
  advance = g_ptr_array_index (payments, 0);
  payable = g_ptr_array_index (payments, 1);
  unset = g_ptr_array_index (payments, 2);
  g_assert_cmpstr (advance->title, ==, "首期款 & <预付>");
  g_assert_cmpint (advance->amount, ==, 6000000);
  g_assert_cmpint (advance->paid, ==, 3500050);
  g_assert_cmpuint (advance->invoices->len, ==, 1);
  g_assert_cmpuint (advance->settlements->len, ==, 2);
  g_assert_cmpint (signet_payment_get_state (advance), ==, SIGNET_PAYMENT_PART_PAID);
  g_assert_cmpint (payable->direction, ==, SIGNET_PAYMENT_PAYABLE);
  g_assert_cmpstr (payable->currency, ==, "USD");
  g_assert_false (signet_payment_has_amount (unset));
  g_assert_cmpint (signet_payment_get_state (unset), ==, SIGNET_PAYMENT_PLANNED);

  g_assert_cmpuint (obligations->len, ==, 2);
  report = g_ptr_array_index (obligations, 1);
  g_assert_cmpstr (report->title, ==, "月度维保报告");
  g_assert_cmpint (report->recurrence, ==, SIGNET_RECURRENCE_MONTHLY);
  g_assert_cmpint (signet_obligation_occurrence_status (report, "2026-01-31"), ==, SIGNET_OCCURRENCE_DONE);
  g_assert_true (signet_occurrence_is_done_late (signet_obligation_find_occurrence (report, "2026-02-28")));
  g_assert_cmpint (signet_obligation_occurrence_status (report, "2026-03-31"), ==, SIGNET_OCCURRENCE_WAIVED);
  g_assert_cmpint (signet_obligation_occurrence_status (report, "2026-04-30"), ==, SIGNET_OCCURRENCE_OPEN);

  g_assert_cmpuint (risks->len, ==, 2);
  g_assert_cmpuint (signet_risk_get_score (g_ptr_array_index (risks, 0)), ==, 20);
  g_assert_cmpstr (((SignetRisk *) g_ptr_array_index (risks, 0))->owner_name, ==, "王芳");
  g_assert_cmpint (((SignetRisk *) g_ptr_array_index (risks, 1))->status, ==, SIGNET_RISK_STATUS_CLOSED);
  g_assert_true (signet_store_get_suggested_risk_level (store, id, &has_suggestion, &suggested, NULL));
  g_assert_true (has_suggestion);
  g_assert_cmpint (suggested, ==, SIGNET_RISK_LEVEL_HIGH);
  g_assert_nonnull (choice);
  g_assert_cmpstr (choice->reason, ==, "客户有十年良好付款记录");
  g_assert_cmpstr (choice->chosen_by, ==, "zhangwei");

  g_assert_cmpuint (reviews->len, ==, 1);
  review = g_ptr_array_index (reviews, 0);
  g_assert_cmpuint (review->items->len, ==, 4);
  g_assert_cmpuint (signet_review_report_count_answers (review, SIGNET_REVIEW_ANSWER_ISSUE), ==, 1);
  g_assert_cmpuint (signet_review_report_count_open_actions (review), ==, 1);
  g_assert_cmpstr (review->follow_up_date, ==, "2026-08-15");
  g_assert_cmpuint (signet_store_count_open_review_actions (store, id, NULL), ==, 1);

  g_assert_nonnull (original);
  g_assert_cmpstr (original->archive_number, ==, "GD-2026-0101");
  g_assert_cmpstr (original->archived_by, ==, "张伟");
  g_assert_cmpuint (original->copies, ==, 3);
  g_assert_cmpuint (loans->len, ==, 2);
  g_assert_nonnull (open_loan);
  g_assert_cmpstr (open_loan->borrower, ==, "张伟");
  g_assert_cmpint (signet_loan_get_state (open_loan, "2026-12-07"), ==, SIGNET_LOAN_OVERDUE);
  g_assert_cmpint (signet_loan_get_state (g_ptr_array_index (loans, 1), "2026-12-07"), ==, SIGNET_LOAN_RETURNED_LATE);
  g_assert_cmpint (((SignetLoan *) g_ptr_array_index (loans, 1))->condition, ==, SIGNET_LOAN_CONDITION_DAMAGED);
}

static void
test_round_trip (IoFixture     *f,
                 gconstpointer  data)
{
  g_autoptr(GBytes) first = NULL;
  g_autoptr(GBytes) second = NULL;
  g_autoptr(SignetStore) copy = io_fixture_open_store (f, "copy.signet");
  g_autoptr(SignetImportReport) report = NULL;
  g_autoptr(SignetImportReport) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  fill_commitments (f->store);
  first = io_export_bytes (f->store, NULL);
  text = g_strndup (g_bytes_get_data (first, NULL), g_bytes_get_size (first));
  g_assert_nonnull (strstr (text, "<payment uuid="));
  g_assert_nonnull (strstr (text, "<paid uuid="));
  g_assert_nonnull (strstr (text, "<occurrence due=\"2026-03-31\" status=\"waived\">"));
  g_assert_nonnull (strstr (text, "<risk-level-choice level=\"medium\" suggested=\"high\""));
  g_assert_nonnull (strstr (text, "<item clause=\"付款正常\" answer=\"issue\">"));
  g_assert_nonnull (strstr (text, "<original archive-number=\"GD-2026-0101\""));
  io_assert_valid_against_schema (f, first);

  report = import_text (f, copy, text, SIGNET_CONFLICT_FAIL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (report->contracts_added, ==, 2);
  assert_commitments (copy);

  second = io_export_bytes (copy, NULL);
  io_assert_bytes_equal (first, second);

  /* Again: the register has every record already. */
  again = import_text (f, copy, text, SIGNET_CONFLICT_FAIL, &error);
  g_assert_no_error (error);
  g_clear_pointer (&second, g_bytes_unref);
  second = io_export_bytes (copy, NULL);
  io_assert_bytes_equal (first, second);

  /* A search exports the people its records name. */
  {
    g_autoptr(GBytes) some = io_export_bytes (f->store, "设备维保");
    g_autofree char *some_text = g_strndup (g_bytes_get_data (some, NULL), g_bytes_get_size (some));

    g_assert_nonnull (strstr (some_text, "<person name=\"王芳\""));
    g_assert_nonnull (strstr (some_text, "<person name=\"张伟\""));
    io_assert_valid_against_schema (f, some);
  }
}

static const char old_file[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
  "<register xmlns=\"https://signetapp.github.io/ns/register/1\" version=\"1\">\n"
  "  <clients><client code=\"C001\"><name>华东建设</name></client></clients>\n"
  "  <contracts>\n"
  "    <contract number=\"HT-OLD-1\" client=\"C001\">\n"
  "      <title>旧合同</title>\n"
  "      <value currency=\"CNY\">100000.00</value>\n"
  "      <status>active</status>\n"
  "      <key-dates>\n"
  "        <key-date kind=\"payment\" date=\"2026-03-31\" uuid=\"0b5a4c3e-1d2f-4a6b-8c7d-9e0f1a2b3c4d\">\n"
  "          <title>首期款</title>\n"
  "          <note>合同签订后30日内</note>\n"
  "        </key-date>\n"
  "        <key-date kind=\"milestone\" date=\"2026-04-30\"><title>到货验收</title></key-date>\n"
  "        <key-date kind=\"payment\" date=\"2026-09-30\"><title>尾款</title></key-date>\n"
  "      </key-dates>\n"
  "    </contract>\n"
  "  </contracts>\n"
  "</register>\n";

static void
test_old_payment_key_dates (IoFixture     *f,
                            gconstpointer  data)
{
  g_autoptr(SignetImportReport) report = NULL;
  g_autoptr(SignetImportReport) again = NULL;
  g_autoptr(GPtrArray) payments = NULL;
  g_autoptr(GPtrArray) key_dates = NULL;
  g_autoptr(GError) error = NULL;
  SignetPayment *payment;
  gint64 id;

  report = import_text (f, f->store, old_file, SIGNET_CONFLICT_FAIL, &error);
  g_assert_no_error (error);
  id = contract_id (f->store, "HT-OLD-1");

  payments = signet_store_list_payments (f->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (payments->len, ==, 2);
  payment = g_ptr_array_index (payments, 0);
  g_assert_cmpint (payment->direction, ==, SIGNET_PAYMENT_RECEIVABLE);
  g_assert_cmpstr (payment->title, ==, "首期款");
  g_assert_cmpstr (payment->due_date, ==, "2026-03-31");
  g_assert_cmpstr (payment->note, ==, "合同签订后30日内");
  g_assert_cmpstr (payment->uuid, ==, "0b5a4c3e-1d2f-4a6b-8c7d-9e0f1a2b3c4d");
  g_assert_false (signet_payment_has_amount (payment));
  g_assert_cmpstr (((SignetPayment *) g_ptr_array_index (payments, 1))->title, ==, "尾款");

  /* The milestone stays a key date; no key date of kind payment is left. */
  key_dates = signet_store_list_key_dates (f->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (key_dates->len, ==, 1);
  g_assert_cmpint (((SignetUserKeyDate *) g_ptr_array_index (key_dates, 0))->kind, ==, SIGNET_KEY_DATE_MILESTONE);

  /* Importing it again adds nothing. */
  again = import_text (f, f->store, old_file, SIGNET_CONFLICT_SKIP, &error);
  g_assert_no_error (error);
  g_clear_pointer (&payments, g_ptr_array_unref);
  payments = signet_store_list_payments (f->store, id, &error);
  g_assert_cmpuint (payments->len, ==, 2);
}

/* A file of one contract holding @records after its fields, with the
 * people 张伟 and 王芳. */
static char *
file_with (const char *records)
{
  return g_strconcat (
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<register xmlns=\"https://signetapp.github.io/ns/register/1\" version=\"1\">\n"
    "  <people><person name=\"张伟\"/><person name=\"王芳\"/></people>\n"
    "  <clients><client code=\"C001\"><name>华东建设</name></client></clients>\n"
    "  <contracts>\n"
    "    <contract number=\"HT-BAD-1\" client=\"C001\">\n"
    "      <title>合同</title>\n"
    "      <value currency=\"CNY\">100000.00</value>\n"
    "      <status>active</status>\n",
    records,
    "    </contract>\n"
    "  </contracts>\n"
    "</register>\n", NULL);
}

typedef struct
{
  const char *name;
  const char *records;
  guint       line;
  const char *in_message;
  gboolean    schema_invalid;
} BadCase;

/* The schema the app installs refuses @xml, by another validator than the
 * import's: xmllint. Without it, the test says so and goes on. */
static void
assert_invalid_against_schema (IoFixture  *f,
                               const char *xml)
{
  g_autofree char *xml_path = io_fixture_path (f, "schema-check.xml");
  g_autofree char *xsd_path = io_fixture_path (f, "signet-1.xsd");
  g_autofree char *xmllint = g_find_program_in_path ("xmllint");
  g_autoptr(GBytes) schema = signet_xml_get_schema ();
  g_autofree char *command = NULL;
  g_autofree char *err = NULL;
  int status;

  if (xmllint == NULL)
    {
      g_test_message ("xmllint (libxml2-utils) is not installed: the file is not checked against the schema by another validator");
      return;
    }

  io_write_file (xml_path, xml, -1);
  io_write_file (xsd_path, g_bytes_get_data (schema, NULL), g_bytes_get_size (schema));
  command = g_strdup_printf ("%s --noout --schema %s %s", xmllint, xsd_path, xml_path);
  g_assert_true (g_spawn_command_line_sync (command, NULL, &err, &status, NULL));
  g_test_message ("xmllint: %s", err);
  g_assert_cmpint (status, !=, 0);
}

/* Line 10 is the first line of @records. */
static const BadCase bad_cases[] = {
  /* What the schema refuses, one per record type. */
  { "payment-direction", "<payments><payment direction=\"sideways\" due=\"2026-01-31\"><title>款</title></payment></payments>\n", 10, "sideways", TRUE },
  { "obligation-recurrence", "<obligations><obligation party=\"us\" due=\"2026-01-31\" recurrence=\"weekly\"><title>报告</title></obligation></obligations>\n", 10, "weekly", TRUE },
  { "risk-likelihood", "<risks><risk category=\"legal\" likelihood=\"6\" impact=\"2\"><description>风险</description></risk></risks>\n", 10, "6", TRUE },
  { "choice-level", "<risk-level-choice level=\"extreme\" suggested=\"high\"><reason>理由</reason></risk-level-choice>\n", 10, "extreme", TRUE },
  { "review-answer", "<reviews><review date=\"2026-06-30\" reviewer=\"王芳\"><item clause=\"签章完整\" answer=\"maybe\"/></review></reviews>\n", 10, "maybe", TRUE },
  { "original-copies", "<original archive-number=\"GD-1\" copies=\"-1\"/>\n", 10, "-1", TRUE },
  { "loan-purpose", "<original/><loans><loan borrower=\"王芳\" lent-on=\"2026-01-01\" due-on=\"2026-01-15\"/></loans>\n", 10, "purpose", TRUE },
  /* What Signet checks. */
  { "amount-zero", "<payments><payment direction=\"receivable\" due=\"2026-01-31\">\n<title>款</title>\n<amount currency=\"CNY\">0</amount></payment></payments>\n", 12, "above zero" },
  { "currency-not-iso", "<payments><payment direction=\"receivable\" due=\"2026-01-31\">\n<title>款</title>\n<amount currency=\"XYZ\">10.00</amount></payment></payments>\n", 12, "XYZ" },
  { "invoice-no-amount", "<payments><payment direction=\"receivable\" due=\"2026-01-31\">\n<title>款</title>\n<invoice number=\"FP-1\" date=\"2026-01-05\" amount=\"10.00\"/></payment></payments>\n", 12, "no amount" },
  { "unknown-person", "<risks>\n<risk category=\"legal\" likelihood=\"2\" impact=\"2\" owner=\"赵六\"><description>风险</description></risk></risks>\n", 11, "赵六" },
  { "second-open-loan", "<original/><loans>\n"
      "<loan borrower=\"王芳\" lent-on=\"2026-01-01\" due-on=\"2026-01-15\"><purpose>审计</purpose></loan>\n"
      "<loan borrower=\"张伟\" lent-on=\"2026-02-01\" due-on=\"2026-02-15\"><purpose>诉讼</purpose></loan></loans>\n", 12, "returned-on" },
  { "done-without-date", "<obligations><obligation party=\"us\" due=\"2026-01-31\"><title>报告</title>\n<occurrence due=\"2026-01-31\" status=\"done\"/></obligation></obligations>\n", 11, "done" },
  { "issue-without-finding", "<reviews>\n<review date=\"2026-06-30\" reviewer=\"王芳\"><item clause=\"签章完整\" answer=\"issue\"/></review></reviews>\n", 11, NULL },
};

static void
test_bad_input (IoFixture     *f,
                gconstpointer  data)
{
  for (gsize i = 0; i < G_N_ELEMENTS (bad_cases); i++)
    {
      const BadCase *bad = &bad_cases[i];
      g_autofree char *xml = file_with (bad->records);
      g_autoptr(SignetImportReport) report = NULL;
      g_autoptr(GError) error = NULL;

      g_test_message ("%s", bad->name);
      report = import_text (f, f->store, xml, SIGNET_CONFLICT_FAIL, &error);
      g_assert_null (report);
      g_assert_error (error, SIGNET_XML_ERROR, error->code);
      g_test_message ("%s: line %u: %s", bad->name, signet_xml_error_get_line (error), error->message);
      g_assert_cmpuint (signet_xml_error_get_line (error), ==, bad->line);
      if (bad->in_message != NULL)
        g_assert_nonnull (strstr (error->message, bad->in_message));

      if (bad->schema_invalid)
        assert_invalid_against_schema (f, xml);

      /* Nothing of the file is stored. */
      g_assert_null (signet_store_find_contract_by_number (f->store, "HT-BAD-1", NULL));
      g_assert_null (signet_store_find_person (f->store, "张伟", NULL));
    }
}

static void
test_conflicts (IoFixture     *f,
                gconstpointer  data)
{
  g_autoptr(GBytes) exported = NULL;
  g_autofree char *text = NULL;
  g_autofree char *changed = NULL;
  g_autoptr(SignetImportReport) report = NULL;
  g_autoptr(GPtrArray) payments = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) parts = NULL;
  gint64 id;

  fill_commitments (f->store);
  exported = io_export_bytes (f->store, NULL);
  text = g_strndup (g_bytes_get_data (exported, NULL), g_bytes_get_size (exported));
  parts = g_strsplit (text, "<title>尾款</title>", 2);
  g_assert_cmpuint (g_strv_length (parts), ==, 2);
  changed = g_strjoin ("<title>尾款（验收后）</title>", parts[0], parts[1], NULL);
  id = contract_id (f->store, "HT-2026-0101");

  /* Fail: nothing changes. */
  report = import_text (f, f->store, changed, SIGNET_CONFLICT_FAIL, &error);
  g_assert_error (error, SIGNET_XML_ERROR, SIGNET_XML_ERROR_CONFLICT);
  g_clear_error (&error);
  payments = signet_store_list_payments (f->store, id, NULL);
  g_assert_cmpstr (((SignetPayment *) g_ptr_array_index (payments, 2))->title, ==, "尾款");
  g_clear_pointer (&payments, g_ptr_array_unref);

  /* Skip: the register's stays. */
  report = import_text (f, f->store, changed, SIGNET_CONFLICT_SKIP, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (report->n_conflicts, >=, 1);
  g_clear_pointer (&report, signet_import_report_free);
  payments = signet_store_list_payments (f->store, id, NULL);
  g_assert_cmpstr (((SignetPayment *) g_ptr_array_index (payments, 2))->title, ==, "尾款");
  g_clear_pointer (&payments, g_ptr_array_unref);

  /* Update: the file's is written over it, nothing is added. */
  report = import_text (f, f->store, changed, SIGNET_CONFLICT_UPDATE, &error);
  g_assert_no_error (error);
  payments = signet_store_list_payments (f->store, id, NULL);
  g_assert_cmpuint (payments->len, ==, 3);
  g_assert_cmpstr (((SignetPayment *) g_ptr_array_index (payments, 2))->title, ==, "尾款（验收后）");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/xml/commitments/round-trip", IoFixture, NULL, io_fixture_set_up, test_round_trip, io_fixture_tear_down);
  g_test_add ("/xml/commitments/old-payment-key-dates", IoFixture, NULL, io_fixture_set_up,
              test_old_payment_key_dates, io_fixture_tear_down);
  g_test_add ("/xml/commitments/bad-input", IoFixture, NULL, io_fixture_set_up, test_bad_input, io_fixture_tear_down);
  g_test_add ("/xml/commitments/conflicts", IoFixture, NULL, io_fixture_set_up, test_conflicts, io_fixture_tear_down);

  return g_test_run ();
}
