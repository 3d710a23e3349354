/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <locale.h>
#include <string.h>

#include "io-test-utils.h"
#include "signet-store-amendments.h"
#include "signet-store-approvals.h"
#include "signet-store-events.h"
#include "signet-store-notice.h"
#include "signet-store-attachments.h"
#include "signet-store-people.h"
#include "signet-store-process.h"
#include "signet-store-renewals.h"
#include "signet-store-types.h"
#include "unit-test-utils.h"

/* The records of a contract's life in the XML format: people, contract
 * types, each contract's process steps, its termination and its
 * amendments travel through export and import, and a file exported before
 * they existed still imports as before. */

static SignetImportReport *
import_bytes (IoFixture    *f,
              SignetStore  *store,
              const char   *xml,
              gssize        len,
              GError      **error)
{
  g_autofree char *path = io_fixture_path (f, "import.xml");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  SignetImportOptions options = { SIGNET_CONFLICT_FAIL, FALSE };
  SignetImportReport *report = NULL;

  io_write_file (path, xml, len);
  if (!signet_xml_import (store, file, &options, &report, NULL, NULL, NULL, error))
    return NULL;

  return report;
}

static GBytes *
export_with_attachments (SignetStore *store)
{
  g_autoptr(GOutputStream) stream = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;

  g_assert_true (signet_xml_export_to_stream (store, stream, NULL, SIGNET_EXPORT_WITH_ATTACHMENTS,
                                              NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_output_stream_close (stream, NULL, NULL));

  return g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (stream));
}

static void
take_step (SignetStore             *store,
           gint64                   id,
           const SignetProcessStep *step)
{
  g_autoptr(SignetContract) contract = signet_store_get_contract (store, id, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (signet_store_take_process_step (store, id, signet_contract_get_version (contract), step, &error));
  g_assert_no_error (error);
}

/* A register with two people, a contract type with its defaults, key
 * dates and clauses, a contract that went through review, a return, two
 * approvals and signing, with an amendment and its signed file, renewed by
 * a successor, and a second contract signed and then terminated. */
static void
fill_life_register (SignetStore *store)
{
  g_autoptr(SignetClient) client = io_add_client (store, "C001", "上海华东建设工程有限公司");
  g_autoptr(SignetPerson) zhang = signet_person_new ();
  g_autoptr(SignetPerson) li = signet_person_new ();
  g_autoptr(SignetContractType) type = signet_contract_type_new ("采购合同");
  g_autoptr(SignetKeyDateOffset) payment = signet_key_date_offset_new (SIGNET_KEY_DATE_PAYMENT, "首期付款", 15);
  g_autoptr(SignetKeyDateOffset) check = signet_key_date_offset_new (SIGNET_KEY_DATE_MILESTONE, "到货验收", 60);
  const char * const clauses[] = { "付款条件", "违约责任 & <罚则>", NULL };
  g_autoptr(SignetContract) lease = NULL;
  g_autoptr(SignetContract) supply = NULL;
  g_autoptr(SignetAttachment) file = NULL;
  g_autoptr(SignetAmendment) amendment = NULL;
  g_autoptr(SignetContract) successor = NULL;
  g_autoptr(SignetContract) renewed = NULL;
  g_autoptr(GBytes) pdf = g_bytes_new_static ("%PDF-1.4\n% amendment A1\n%%EOF\n", 31);
  g_autoptr(GError) error = NULL;
  SignetProcessStep submit = { SIGNET_PROCESS_ACTION_SUBMIT };
  SignetProcessStep give_back = { SIGNET_PROCESS_ACTION_RETURN, NULL, (char *) "付款条款需修改" };
  SignetProcessStep approve = { SIGNET_PROCESS_ACTION_APPROVE, (char *) "王芳", (char *) "同意。\n第二行" };
  SignetProcessStep sign = { SIGNET_PROCESS_ACTION_MARK_SIGNED, NULL, NULL, (char *) "2026-06-10", (char *) "2026-06-12" };
  SignetProcessStep terminate = { SIGNET_PROCESS_ACTION_TERMINATE, (char *) "总经理", (char *) "对方违约", NULL, NULL,
                                  (char *) "breach", (char *) "2026-09-30" };

  signet_person_set_name (zhang, "张伟");
  signet_person_set_department (zhang, "行政部");
  signet_person_set_role (zhang, "合同管理员");
  signet_person_set_email (zhang, "zhangwei@example.com");
  g_assert_true (signet_store_add_person (store, zhang, &error));
  signet_person_set_name (li, "Li Na");
  g_assert_true (signet_store_add_person (store, li, &error));
  g_assert_no_error (error);

  signet_contract_type_set_currency (type, "CNY");
  signet_contract_type_set_department (type, "采购部");
  signet_contract_type_set_risk_level (type, SIGNET_RISK_LEVEL_MEDIUM);
  signet_contract_type_set_notice_days (type, 30);
  signet_contract_type_set_auto_renew (type, SIGNET_AUTO_RENEW_YES);
  signet_contract_type_set_term_months (type, 12);
  signet_contract_type_set_review_months (type, 6);
  signet_contract_type_add_key_date_offset (type, payment);
  signet_contract_type_add_key_date_offset (type, check);
  signet_contract_type_set_checklist (type, clauses);
  g_assert_true (signet_store_add_contract_type (store, type, &error));
  g_assert_no_error (error);

  lease = unit_add_contract (store, client, "HT-2026-0001", "办公场地租赁合同");
  signet_contract_set_owner (lease, "张伟");
  signet_contract_set_contract_type (lease, "采购合同");
  signet_contract_set_start_date (lease, "2026-07-01");
  signet_contract_set_end_date (lease, "2027-06-30");
  signet_contract_set_status (lease, SIGNET_CONTRACT_STATUS_DRAFT);
  g_assert_true (signet_store_update_contract (store, lease, &error));
  g_assert_no_error (error);

  take_step (store, signet_contract_get_id (lease), &submit);
  take_step (store, signet_contract_get_id (lease), &give_back);
  take_step (store, signet_contract_get_id (lease), &submit);
  take_step (store, signet_contract_get_id (lease), &approve);
  take_step (store, signet_contract_get_id (lease), &sign);

  file = signet_store_add_attachment (store, signet_contract_get_id (lease), pdf, "补充协议A1.pdf", "application/pdf",
                                      SIGNET_ATTACHMENT_ROLE_AMENDMENT, NULL, &error);
  g_assert_no_error (error);

  amendment = signet_amendment_new (signet_contract_get_id (lease));
  amendment->number = g_strdup ("HT-2026-0001-A1");
  amendment->effective_date = g_strdup ("2026-10-01");
  amendment->signing_date = g_strdup ("2026-09-20");
  amendment->reason = g_strdup ("价格上调 3%");
  amendment->changes = SIGNET_AMENDED_TERM_FLAG (SIGNET_AMENDED_VALUE) |
                       SIGNET_AMENDED_TERM_FLAG (SIGNET_AMENDED_END_DATE) |
                       SIGNET_AMENDED_TERM_FLAG (SIGNET_AMENDED_NOTICE) |
                       SIGNET_AMENDED_TERM_FLAG (SIGNET_AMENDED_TITLE) |
                       SIGNET_AMENDED_TERM_FLAG (SIGNET_AMENDED_OTHER);
  amendment->value = 123456789;
  amendment->currency = g_strdup ("CNY");
  amendment->end_date = g_strdup ("2027-12-31");
  amendment->notice_days = 60;
  amendment->auto_renew = TRUE;
  amendment->title = g_strdup ("办公场地租赁合同（续）");
  amendment->other_terms = g_strdup ("押金改为两个月。");
  amendment->attachment_id = signet_attachment_get_id (file);
  g_assert_true (signet_store_add_amendment (store, amendment, &error));
  g_assert_no_error (error);

  successor = signet_store_propose_renewal (store, signet_contract_get_id (lease), "HT-{YYYY}-{NNNN}", &error);
  g_assert_no_error (error);
  signet_contract_set_number (successor, "HT-2025-0099");
  renewed = signet_store_get_contract (store, signet_contract_get_id (lease), NULL);
  g_assert_true (signet_store_renew_contract (store, signet_contract_get_id (lease), signet_contract_get_version (renewed),
                                              successor, "总经理", "续约一期", &error));
  g_assert_no_error (error);

  supply = unit_add_contract (store, client, "HT-2026-0002", "设备采购合同");
  signet_contract_set_owner (supply, "Li Na");
  signet_contract_set_start_date (supply, "2026-01-01");
  signet_contract_set_end_date (supply, "2026-12-31");
  signet_contract_set_status (supply, SIGNET_CONTRACT_STATUS_DRAFT);
  g_assert_true (signet_store_update_contract (store, supply, &error));
  g_assert_no_error (error);
  take_step (store, signet_contract_get_id (supply), &submit);
  take_step (store, signet_contract_get_id (supply), &approve);
  take_step (store, signet_contract_get_id (supply), &sign);
  take_step (store, signet_contract_get_id (supply), &terminate);
}

static void
assert_events_equal (SignetStore *a,
                     SignetStore *b,
                     const char  *number)
{
  g_autoptr(SignetContract) contract_a = signet_store_find_contract_by_number (a, number, NULL);
  g_autoptr(SignetContract) contract_b = signet_store_find_contract_by_number (b, number, NULL);
  g_autoptr(GPtrArray) events_a = signet_store_list_process_events (a, signet_contract_get_id (contract_a), NULL);
  g_autoptr(GPtrArray) events_b = signet_store_list_process_events (b, signet_contract_get_id (contract_b), NULL);

  g_assert_cmpuint (events_a->len, >, 0);
  g_assert_cmpuint (events_a->len, ==, events_b->len);
  for (guint i = 0; i < events_a->len; i++)
    {
      SignetProcessEvent *x = g_ptr_array_index (events_a, i);
      SignetProcessEvent *y = g_ptr_array_index (events_b, i);

      g_assert_cmpint (x->has_action, ==, y->has_action);
      g_assert_cmpint (x->action, ==, y->action);
      g_assert_cmpint (x->from_status, ==, y->from_status);
      g_assert_cmpint (x->to_status, ==, y->to_status);
      g_assert_cmpstr (x->decided_by, ==, y->decided_by);
      g_assert_cmpstr (x->recorded_by, ==, y->recorded_by);
      g_assert_cmpstr (x->at, ==, y->at);
      g_assert_cmpstr (x->comment, ==, y->comment);
      g_assert_cmpstr (x->our_signing_date, ==, y->our_signing_date);
      g_assert_cmpstr (x->their_signing_date, ==, y->their_signing_date);
      g_assert_cmpstr (x->termination_reason, ==, y->termination_reason);
      g_assert_cmpstr (x->effective_date, ==, y->effective_date);
    }
}

/* Export with attachments, import into an empty register, export again:
 * the same bytes, and every record compared field by field. Importing
 * the file again adds nothing. */
static void
test_round_trip (IoFixture     *f,
                 gconstpointer  data)
{
  g_autoptr(SignetStore) copy = io_fixture_open_store (f, "copy.db");
  g_autoptr(SignetImportReport) report = NULL;
  g_autoptr(SignetImportReport) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) first = NULL;
  g_autoptr(GBytes) second = NULL;
  g_autoptr(SignetPerson) zhang = NULL;
  g_autoptr(SignetContractType) type = NULL;
  g_autoptr(SignetContract) lease = NULL;
  g_autoptr(SignetContract) original_lease = NULL;
  g_autoptr(SignetContract) supply = NULL;
  g_autoptr(GPtrArray) amendments = NULL;
  g_autoptr(GPtrArray) original_amendments = NULL;
  g_autoptr(SignetAttachment) file = NULL;
  const char *text, *lease_text;
  SignetAmendment *a1, *o1;
  GPtrArray *offsets;

  fill_life_register (f->store);
  first = export_with_attachments (f->store);
  io_assert_valid_against_schema (f, first);

  text = g_bytes_get_data (first, NULL);
  g_assert_nonnull (strstr (text, "<people>\n    <person name=\"Li Na\"/>\n    <person name=\"张伟\">\n"
                                  "      <department>行政部</department>\n      <role>合同管理员</role>\n"));
  g_assert_nonnull (strstr (text, "<key-date-offset kind=\"payment\" days=\"15\">"));
  g_assert_nonnull (strstr (text, "<clause>违约责任 &amp; &lt;罚则&gt;</clause>"));
  g_assert_nonnull (strstr (text, "<their-signing-date>2026-06-12</their-signing-date>"));
  g_assert_nonnull (strstr (text, "<termination-reason>breach</termination-reason>\n"
                                  "      <termination-date>2026-09-30</termination-date>"));
  g_assert_nonnull (strstr (text, "action=\"approve\" from=\"in-review\" to=\"approved\""));
  g_assert_nonnull (strstr (text, "<notice days=\"60\" auto-renew=\"true\"/>"));
  /* People and types come before the clients; process and amendments
   * after the contract's other records. */
  g_assert_true (strstr (text, "<people>") < strstr (text, "<contract-types>"));
  g_assert_true (strstr (text, "<contract-types>") < strstr (text, "<clients>"));
  lease_text = strstr (text, "number=\"HT-2026-0001\"");
  g_assert_nonnull (lease_text);
  g_assert_true (strstr (lease_text, "<attachments>") < strstr (lease_text, "<process>"));
  g_assert_true (strstr (lease_text, "<process>") < strstr (lease_text, "<amendments>"));
  /* The successor, numbered before its predecessor, names it ahead. */
  g_assert_nonnull (strstr (text, "<renewal-of uuid=\""));
  g_assert_true (strstr (text, "<renewal-of") < strstr (text, "number=\"HT-2026-0001\""));

  report = import_bytes (f, copy, text, g_bytes_get_size (first), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (report->people_added, ==, 2);
  g_assert_cmpuint (report->types_added, ==, 1);
  g_assert_cmpuint (report->contracts_added, ==, 3);
  g_assert_cmpuint (report->steps_added, ==, 11);
  g_assert_cmpuint (report->amendments_added, ==, 1);

  second = export_with_attachments (copy);
  io_assert_bytes_equal (first, second);

  /* Field by field. */
  zhang = signet_store_find_person (copy, "张伟", &error);
  g_assert_nonnull (zhang);
  g_assert_cmpstr (signet_person_get_department (zhang), ==, "行政部");
  g_assert_cmpstr (signet_person_get_role (zhang), ==, "合同管理员");
  g_assert_cmpstr (signet_person_get_email (zhang), ==, "zhangwei@example.com");
  g_assert_cmpuint (signet_store_count_person_contracts (copy, signet_person_get_id (zhang)), ==, 2);

  type = signet_store_find_contract_type (copy, "采购合同", &error);
  g_assert_nonnull (type);
  g_assert_cmpstr (signet_contract_type_get_currency (type), ==, "CNY");
  g_assert_cmpstr (signet_contract_type_get_department (type), ==, "采购部");
  g_assert_cmpint (signet_contract_type_get_risk_level (type), ==, SIGNET_RISK_LEVEL_MEDIUM);
  g_assert_cmpint (signet_contract_type_get_notice_days (type), ==, 30);
  g_assert_cmpint (signet_contract_type_get_auto_renew (type), ==, SIGNET_AUTO_RENEW_YES);
  g_assert_cmpuint (signet_contract_type_get_term_months (type), ==, 12);
  g_assert_cmpuint (signet_contract_type_get_review_months (type), ==, 6);
  offsets = signet_contract_type_get_key_date_offsets (type);
  g_assert_cmpuint (offsets->len, ==, 2);
  g_assert_cmpstr (((SignetKeyDateOffset *) g_ptr_array_index (offsets, 0))->title, ==, "首期付款");
  g_assert_cmpuint (((SignetKeyDateOffset *) g_ptr_array_index (offsets, 0))->days, ==, 15);
  g_assert_cmpstr (signet_contract_type_get_checklist (type)[1], ==, "违约责任 & <罚则>");

  assert_events_equal (f->store, copy, "HT-2026-0001");
  assert_events_equal (f->store, copy, "HT-2026-0002");
  assert_events_equal (f->store, copy, "HT-2025-0099");
  {
    g_autoptr(SignetContract) copy_successor = signet_store_find_contract_by_number (copy, "HT-2025-0099", NULL);
    g_autoptr(SignetContract) copy_lease = signet_store_find_contract_by_number (copy, "HT-2026-0001", NULL);

    g_assert_cmpint (signet_store_get_renewal_predecessor (copy, signet_contract_get_id (copy_successor), NULL), ==,
                     signet_contract_get_id (copy_lease));
    g_assert_cmpint (signet_contract_get_status (copy_lease), ==, SIGNET_CONTRACT_STATUS_RENEWED);
  }

  supply = signet_store_find_contract_by_number (copy, "HT-2026-0002", NULL);
  g_assert_cmpint (signet_contract_get_status (supply), ==, SIGNET_CONTRACT_STATUS_TERMINATED);
  g_assert_cmpstr (signet_contract_get_termination_reason (supply), ==, "breach");
  g_assert_cmpstr (signet_contract_get_termination_date (supply), ==, "2026-09-30");
  g_assert_cmpstr (signet_contract_get_their_signing_date (supply), ==, "2026-06-12");

  lease = signet_store_find_contract_by_number (copy, "HT-2026-0001", NULL);
  original_lease = signet_store_find_contract_by_number (f->store, "HT-2026-0001", NULL);
  amendments = signet_store_list_amendments (copy, signet_contract_get_id (lease), NULL);
  original_amendments = signet_store_list_amendments (f->store, signet_contract_get_id (original_lease), NULL);
  g_assert_cmpuint (amendments->len, ==, 1);
  a1 = g_ptr_array_index (amendments, 0);
  o1 = g_ptr_array_index (original_amendments, 0);
  g_assert_cmpstr (a1->uuid, ==, o1->uuid);
  g_assert_cmpstr (a1->number, ==, "HT-2026-0001-A1");
  g_assert_cmpstr (a1->effective_date, ==, "2026-10-01");
  g_assert_cmpstr (a1->signing_date, ==, "2026-09-20");
  g_assert_cmpstr (a1->reason, ==, "价格上调 3%");
  g_assert_cmpuint (a1->changes, ==, o1->changes);
  g_assert_cmpint (a1->value, ==, 123456789);
  g_assert_cmpstr (a1->currency, ==, "CNY");
  g_assert_cmpstr (a1->end_date, ==, "2027-12-31");
  g_assert_cmpuint (a1->notice_days, ==, 60);
  g_assert_true (a1->auto_renew);
  g_assert_cmpstr (a1->title, ==, "办公场地租赁合同（续）");
  g_assert_cmpstr (a1->other_terms, ==, "押金改为两个月。");
  /* Its signed file is the copy's attachment of the same bytes. */
  file = signet_store_get_attachment (copy, a1->attachment_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (signet_attachment_get_file_name (file), ==, "补充协议A1.pdf");

  /* Again: nothing new. */
  again = import_bytes (f, copy, text, g_bytes_get_size (first), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (again->people_unchanged, ==, 2);
  g_assert_cmpuint (again->types_unchanged, ==, 1);
  g_assert_cmpuint (again->contracts_unchanged, ==, 3);
  g_assert_cmpuint (again->steps_added, ==, 0);
  g_assert_cmpuint (again->amendments_added, ==, 0);
  g_clear_pointer (&second, g_bytes_unref);
  second = export_with_attachments (copy);
  io_assert_bytes_equal (first, second);
}

/* Without attachments, an amendment does not name its file (which the
 * file would not hold), and the rest comes back the same. */
static void
test_round_trip_without_files (IoFixture     *f,
                               gconstpointer  data)
{
  g_autoptr(SignetStore) copy = io_fixture_open_store (f, "copy.db");
  g_autoptr(SignetImportReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) first = NULL;
  g_autoptr(GBytes) second = NULL;
  const char *text;

  fill_life_register (f->store);
  first = io_export_bytes (f->store, NULL);
  io_assert_valid_against_schema (f, first);
  text = g_bytes_get_data (first, NULL);
  g_assert_null (strstr (text, "attachment=\""));
  g_assert_nonnull (strstr (text, "<amendment number=\"HT-2026-0001-A1\""));

  report = import_bytes (f, copy, text, g_bytes_get_size (first), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (report->amendments_added, ==, 1);
  second = io_export_bytes (copy, NULL);
  io_assert_bytes_equal (first, second);
}

/* A file exported before people, types, the process and amendments were
 * in the format (the demo register, by Signet before this change) still
 * imports: exported again, it is the same file with the owners it named
 * as people before its clients. */
static void
test_version_1_file_of_before (IoFixture     *f,
                               gconstpointer  data)
{
  g_autofree char *path = g_build_filename (SIGNET_SOURCE_DIR, "tests", "io", "data",
                                            "register-v1-before-issue-15.xml", NULL);
  g_autofree char *old = NULL;
  g_autoptr(SignetImportReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) exported = NULL;
  g_autofree char *without_people = NULL;
  g_autofree char *prefix = NULL;
  const char *text, *people, *clients;
  gsize len;

  g_assert_true (g_file_get_contents (path, &old, &len, NULL));
  report = import_bytes (f, f->store, old, len, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (report->contracts_added, >, 10);
  g_assert_cmpuint (report->people_added, ==, 0);
  g_assert_cmpuint (report->steps_added, ==, 0);
  g_assert_cmpuint (report->n_conflicts, ==, 0);

  exported = io_export_bytes (f->store, NULL);
  text = g_bytes_get_data (exported, NULL);
  people = strstr (text, "  <people>\n");
  clients = strstr (text, "  <clients>\n");
  g_assert_nonnull (people);
  g_assert_nonnull (clients);
  g_assert_true (people < clients);
  /* Each owner became a person, in the department of their contracts. */
  g_assert_nonnull (strstr (people, "<person name=\"张伟\">"));
  g_assert_nonnull (strstr (people, "<person name=\"Olivia Brown\">"));

  /* Everything else is the file as it was. */
  prefix = g_strndup (text, people - text);
  without_people = g_strconcat (prefix, clients, NULL);
  g_assert_cmpstr (without_people, ==, old);
}

/* A register file with one client and one signed contract, and
 * @register_head before its clients, @fields after the contract's status
 * and @tail after its fields. */
static char *
life_file (const char *register_head,
           const char *fields,
           const char *tail)
{
  return g_strconcat ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                      "<register xmlns=\"https://signetapp.github.io/ns/register/1\" version=\"1\">\n",
                      register_head,
                      "  <clients>\n"
                      "    <client code=\"C1\">\n"
                      "      <name>华信</name>\n"
                      "    </client>\n"
                      "  </clients>\n"
                      "  <contracts>\n"
                      "    <contract number=\"HT-1\" client=\"C1\">\n"
                      "      <title>租赁合同</title>\n"
                      "      <value currency=\"CNY\">100.00</value>\n"
                      "      <start-date>2026-01-01</start-date>\n"
                      "      <end-date>2026-12-31</end-date>\n"
                      "      <status>signed</status>\n",
                      fields,
                      tail,
                      "    </contract>\n"
                      "  </contracts>\n"
                      "</register>\n",
                      NULL);
}

#define STEP_OK "action=\"approve\" from=\"in-review\" to=\"approved\" at=\"2026-01-05T08:00:00.000Z\" recorded-by=\"u\""
#define AMENDMENT_OK "number=\"HT-1-A1\" effective-date=\"2026-07-01\""

typedef struct
{
  const char *what;
  const char *register_head;
  const char *fields;
  const char *tail;
  const char *marker;   /* the first text of the line the error is on */
  const char *message;
} BadCase;

static const BadCase bad_cases[] = {
  { "person twice", "  <people>\n    <person name=\"赵磊\"/>\n    <person name=\" 赵 磊\"/>\n  </people>\n", "", "",
    "<person name=\" 赵 磊",
    "The person 赵 磊 appears twice in the file, on lines 4 and 5 (names that differ only in spaces are one person)." },
  { "person without a name", "  <people>\n    <person>\n      <role>法务</role>\n    </person>\n  </people>\n", "", "",
    "<person>",
    "The file does not follow the Signet format: Element 'person': The attribute 'name' is required but missing." },
  { "person's email", "  <people>\n    <person name=\"赵磊\">\n      <email>not an address</email>\n    </person>\n  </people>\n", "", "",
    "<person name=",
    "Person 赵磊: “not an address” is not an email address." },
  { "type: offset without a title", "  <contract-types>\n    <contract-type name=\"采购\">\n"
    "      <key-date-offset kind=\"payment\" days=\"15\"/>\n    </contract-type>\n  </contract-types>\n", "", "",
    "<key-date-offset",
    "The file does not follow the Signet format: Element 'key-date-offset': Missing child element(s). Expected is ( title )." },
  { "type: wrong kind", "  <contract-types>\n    <contract-type name=\"采购\">\n"
    "      <key-date-offset kind=\"end\" days=\"15\">\n        <title>x</title>\n      </key-date-offset>\n"
    "    </contract-type>\n  </contract-types>\n", "", "",
    "<key-date-offset",
    "“end” is not a kind of key date. Use one of: milestone, payment, other." },
  { "type: term of 0 months", "  <contract-types>\n    <contract-type name=\"采购\">\n"
    "      <term-months>0</term-months>\n    </contract-type>\n  </contract-types>\n", "", "",
    "<term-months>",
    "“0” is not a number of months; write one from 1 to 1200." },
  { "type twice", "  <contract-types>\n    <contract-type name=\"采购\"/>\n    <contract-type name=\"采购\"/>\n"
    "  </contract-types>\n", "", "",
    "<contract-type name=\"采购\"/>\n  </contract-types>",
    "The contract type 采购 appears twice in the file, on lines 4 and 5." },
  { "termination date", "", "      <termination-reason>breach</termination-reason>\n"
    "      <termination-date>2026-02-30</termination-date>\n", "", "<termination-date>",
    "“2026-02-30” is not a date that exists; write dates as YYYY-MM-DD, for example 2026-02-28." },
  { "termination reason", "", "      <termination-reason>fired</termination-reason>\n", "",
    "<termination-reason>",
    "“fired” is not a reason for a termination. Use one of: expired-not-renewed, breach, mutual, client-request, insolvency, other, cancelled-draft." },
  { "step: wrong action", "", "", "      <process>\n        <step action=\"approve-all\" from=\"in-review\" to=\"approved\" "
    "at=\"2026-01-05T08:00:00.000Z\" recorded-by=\"u\"/>\n      </process>\n",
    "<step",
    "“approve-all” is not an action of the contract process. Use one of: submit-for-review, approve, return-for-changes, reject, mark-signed, terminate, renew, cancel-draft." },
  { "step: no recorded-by", "", "", "      <process>\n        <step action=\"approve\" from=\"in-review\" to=\"approved\" "
    "at=\"2026-01-05T08:00:00.000Z\"/>\n      </process>\n",
    "<step",
    "The file does not follow the Signet format: Element 'step': The attribute 'recorded-by' is required but missing." },
  { "step: bad date", "", "", "      <process>\n        <step " STEP_OK " our-signing-date=\"2026-02-30\"/>\n      </process>\n",
    "<step",
    "“2026-02-30” is not a date that exists; write dates as YYYY-MM-DD, for example 2026-02-28." },
  { "step: time with an offset", "", "", "      <process>\n        <step action=\"approve\" from=\"in-review\" to=\"approved\" "
    "at=\"2026-01-05T08:00:00+08:00\" recorded-by=\"u\"/>\n      </process>\n",
    "<step",
    "“2026-01-05T08:00:00+08:00” is not in UTC: write times in UTC, ending in Z, such as 2026-01-31T09:15:02.123Z." },
  { "step: wrong reason", "", "", "      <process>\n        <step " STEP_OK " termination-reason=\"fired\"/>\n      </process>\n",
    "<step",
    "“fired” is not a reason for a termination. Use one of: expired-not-renewed, breach, mutual, client-request, insolvency, other, cancelled-draft." },
  { "amendment: no effective date", "", "", "      <amendments>\n        <amendment number=\"HT-1-A1\">\n"
    "          <reason>x</reason>\n        </amendment>\n      </amendments>\n",
    "<amendment ",
    "The file does not follow the Signet format: Element 'amendment': The attribute 'effective-date' is required but missing." },
  { "amendment: bad date", "", "", "      <amendments>\n        <amendment number=\"HT-1-A1\" effective-date=\"2026-13-01\">\n"
    "          <end-date>2027-12-31</end-date>\n        </amendment>\n      </amendments>\n",
    "<amendment ",
    "“2026-13-01” is not a date that exists; write dates as YYYY-MM-DD, for example 2026-02-28." },
  { "amendment: notice without auto-renew", "", "", "      <amendments>\n        <amendment " AMENDMENT_OK ">\n"
    "          <notice days=\"30\"/>\n        </amendment>\n      </amendments>\n",
    "<notice",
    "The file does not follow the Signet format: Element 'notice': The attribute 'auto-renew' is required but missing." },
  { "amendment: dangling file", "", "", "      <amendments>\n        <amendment " AMENDMENT_OK
    " attachment=\"2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824\">\n"
    "          <end-date>2027-12-31</end-date>\n        </amendment>\n      </amendments>\n",
    "<amendment ",
    "The amendment HT-1-A1 names the file 2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824 as its signed file, but no attachment of the contract HT-1 has that SHA-256." },
  { "amendment: changes nothing", "", "", "      <amendments>\n        <amendment " AMENDMENT_OK ">\n"
    "          <reason>x</reason>\n        </amendment>\n      </amendments>\n",
    "<amendment ",
    "Contract HT-1: Choose at least one term the amendment changes." },
  { "renewal of a contract nowhere", "", "", "      <renewal-of uuid=\"0b5e3a1c-7d2f-4e6a-9c8b-1a2b3c4d5e6f\" "
    "at=\"2026-01-05T08:00:00.000Z\"/>\n",
    "<renewal-of",
    "The contract HT-1 renews the contract 0b5e3a1c-7d2f-4e6a-9c8b-1a2b3c4d5e6f, which is neither in the file nor in "
    "the register." },
  { "decision: wrong choice", "", "", "      <notice-decisions>\n        <decision deadline=\"2026-12-01\" "
    "term-end=\"2026-12-31\" choice=\"later\" at=\"2026-11-15T08:00:00.000Z\" recorded-by=\"u\"/>\n"
    "      </notice-decisions>\n",
    "<decision",
    "“later” is not a decision at a notice deadline. Use one of: renew, let-expire, terminate." },
  { "decision: no term end", "", "", "      <notice-decisions>\n        <decision deadline=\"2026-12-01\" "
    "choice=\"let-expire\" at=\"2026-11-15T08:00:00.000Z\" recorded-by=\"u\"/>\n      </notice-decisions>\n",
    "<decision",
    "The file does not follow the Signet format: Element 'decision': The attribute 'term-end' is required but missing." },
  { "step: bad term end", "", "", "      <process>\n        <step action=\"renew-tacitly\" from=\"signed\" to=\"signed\" "
    "at=\"2026-01-05T08:00:00.000Z\" recorded-by=\"u\" term-end=\"2025-12-32\" new-term-end=\"2026-12-31\"/>\n"
    "      </process>\n",
    "<step",
    "“2025-12-32” is not a date that exists; write dates as YYYY-MM-DD, for example 2026-02-28." },
  { "rule: route nowhere", "  <approval-rules>\n    <rule route=\"0b5e3a1c-7d2f-4e6a-9c8b-1a2b3c4d5e6f\" "
    "type=\"采购合同\"/>\n  </approval-rules>\n", "", "",
    "<rule ",
    "The approval rule names the route 0b5e3a1c-7d2f-4e6a-9c8b-1a2b3c4d5e6f, which is neither in the file nor in the register." },
  { "route: person nowhere", "  <approval-routes>\n    <route name=\"标准审批\" uuid=\"5b0c7a3e-2f1d-4c6b-9e8a-7d6c5b4a3f21\">\n"
    "      <step name=\"法务\" person=\"无名氏\" due-days=\"2\"/>\n    </route>\n  </approval-routes>\n", "", "",
    "<step name=",
    "The step of the route 标准审批 names 无名氏, who is neither among the file's people nor in the register." },
  { "approval step: wrong state", "", "", "      <approval-steps>\n        <approval-step round=\"1\" position=\"0\" "
    "name=\"法务\" role=\"法务\" due-days=\"2\" state=\"maybe\"/>\n      </approval-steps>\n",
    "<approval-step ",
    "“maybe” is not the state of an approval step. Use one of: waiting, pending, approved, returned, rejected, skipped." },
  { "approval step: amendment nowhere", "", "", "      <approval-steps>\n        <approval-step "
    "amendment=\"0b5e3a1c-7d2f-4e6a-9c8b-1a2b3c4d5e6f\" round=\"1\" position=\"0\" name=\"法务\" role=\"法务\" "
    "due-days=\"2\" state=\"pending\" due-date=\"2026-01-07\"/>\n      </approval-steps>\n",
    "<approval-step ",
    "The approval step names the amendment 0b5e3a1c-7d2f-4e6a-9c8b-1a2b3c4d5e6f, which the contract HT-1 does not have." },
  { "amendment: wrong state", "", "", "      <amendments>\n        <amendment " AMENDMENT_OK " state=\"pending\">\n"
    "          <end-date>2027-12-31</end-date>\n        </amendment>\n      </amendments>\n",
    "<amendment ",
    "“pending” is not the state of an amendment. Use one of: approved, in-review, returned, rejected." },
};

static guint
line_of (const char *text,
         const char *marker)
{
  const char *at = strstr (text, marker);
  guint line = 1;

  g_assert_nonnull (at);
  for (const char *p = text; p < at; p++)
    if (*p == '\n')
      line++;

  return line;
}

/* Each refused with its message and line, and the register unchanged. */
static void
test_invalid (IoFixture     *f,
              gconstpointer  data)
{
  g_autoptr(GBytes) before = NULL;

  fill_life_register (f->store);
  before = export_with_attachments (f->store);

  for (gsize i = 0; i < G_N_ELEMENTS (bad_cases); i++)
    {
      const BadCase *c = &bad_cases[i];
      g_autofree char *xml = life_file (c->register_head, c->fields, c->tail);
      g_autoptr(SignetImportReport) report = NULL;
      g_autoptr(GBytes) after = NULL;
      g_autoptr(GError) error = NULL;

      report = import_bytes (f, f->store, xml, -1, &error);
      g_test_message ("%s: %u: %s", c->what, signet_xml_error_get_line (error), error ? error->message : "(none)");
      g_assert_nonnull (error);
      g_assert_null (report);
      if (c->message != NULL)
        g_assert_cmpstr (error->message, ==, c->message);
      g_assert_cmpuint (signet_xml_error_get_line (error), ==, line_of (xml, c->marker));

      after = export_with_attachments (f->store);
      io_assert_bytes_equal (before, after);
    }
}

/* A renewal of a contract the register has and the file does not: linked
 * by its UUID. One that contradicts the register's links (the
 * predecessor has a successor already) is refused at its line. */
static void
test_renewal_of_register_contract (IoFixture     *f,
                                   gconstpointer  data)
{
  g_autoptr(SignetContract) supply = NULL;
  g_autoptr(SignetContract) lease = NULL;
  g_autoptr(SignetContract) successor = NULL;
  g_autoptr(SignetImportReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *tail = NULL;
  g_autofree char *xml = NULL;
  g_autofree char *contradicting = NULL;

  fill_life_register (f->store);
  supply = signet_store_find_contract_by_number (f->store, "HT-2026-0002", NULL);
  lease = signet_store_find_contract_by_number (f->store, "HT-2026-0001", NULL);

  tail = g_strdup_printf ("      <renewal-of uuid=\"%s\" at=\"2026-11-30T03:12:45.120Z\"/>\n",
                          signet_contract_get_uuid (supply));
  xml = life_file ("", "", tail);
  report = import_bytes (f, f->store, xml, -1, &error);
  g_assert_no_error (error);
  successor = signet_store_find_contract_by_number (f->store, "HT-1", NULL);
  g_assert_cmpint (signet_store_get_renewal_predecessor (f->store, signet_contract_get_id (successor), NULL), ==,
                   signet_contract_get_id (supply));

  g_clear_pointer (&tail, g_free);
  tail = g_strdup_printf ("      <renewal-of uuid=\"%s\" at=\"2026-11-30T03:12:45.120Z\"/>\n",
                          signet_contract_get_uuid (lease));
  contradicting = life_file ("", "", tail);
  g_clear_pointer (&report, signet_import_report_free);
  report = import_bytes (f, f->store, contradicting, -1, &error);
  g_assert_null (report);
  g_assert_error (error, SIGNET_XML_ERROR, SIGNET_XML_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "Contract HT-1: The contract already renews another contract.");
  g_assert_cmpuint (signet_xml_error_get_line (error), ==, line_of (contradicting, "<renewal-of"));
}

/* A tacit renewal the register recorded and a Let Expire decided at the
 * next notice deadline come back as they were: the step with the ends of
 * both terms, the decision with who decided and why, and the contract
 * renewing up to the end it was let expire at. */
static void
test_notice_decisions (IoFixture     *f,
                       gconstpointer  data)
{
  g_autoptr(SignetStore) copy = io_fixture_open_store (f, "copy.db");
  g_autoptr(SignetClient) client = NULL;
  g_autoptr(SignetContract) contract = NULL;
  g_autoptr(SignetContract) current = NULL;
  g_autoptr(SignetContract) imported = NULL;
  g_autoptr(SignetImportReport) report = NULL;
  g_autoptr(SignetImportReport) again = NULL;
  g_autoptr(GPtrArray) decisions = NULL;
  g_autoptr(GBytes) first = NULL;
  g_autoptr(GBytes) second = NULL;
  g_autoptr(GError) error = NULL;
  SignetNoticeDecision *decision;
  const char *text;

  /* The store records a roll as its day moves past a term's end. */
  signet_store_set_today (f->store, "2025-11-20");
  client = io_add_client (f->store, "C001", "华信科技");
  contract = unit_add_contract (f->store, client, "HT-2025-0007", "保洁服务");
  signet_contract_set_status (contract, SIGNET_CONTRACT_STATUS_SIGNED);
  signet_contract_set_start_date (contract, "2025-01-01");
  signet_contract_set_end_date (contract, "2025-12-31");
  signet_contract_set_auto_renew (contract, TRUE);
  signet_contract_set_notice_days (contract, 30);
  g_assert_true (signet_store_update_contract (f->store, contract, &error));
  g_assert_no_error (error);

  signet_store_set_today (f->store, "2026-01-15");
  g_assert_true (signet_store_update_events (f->store, &error));
  signet_store_set_today (f->store, "2026-11-15");
  g_assert_true (signet_store_update_events (f->store, &error));
  current = signet_store_get_contract (f->store, signet_contract_get_id (contract), NULL);
  g_assert_true (signet_store_let_expire (f->store, signet_contract_get_id (contract), signet_contract_get_version (current),
                                          "2026-12-01", "王芳", "不再续约", NULL, &error));
  g_assert_no_error (error);

  first = io_export_bytes (f->store, NULL);
  io_assert_valid_against_schema (f, first);
  text = g_bytes_get_data (first, NULL);
  g_assert_nonnull (strstr (text, "action=\"renew-tacitly\" from=\"signed\" to=\"signed\""));
  g_assert_nonnull (strstr (text, "term-end=\"2025-12-31\" new-term-end=\"2026-12-31\"/>"));
  g_assert_nonnull (strstr (text, "<decision deadline=\"2026-12-01\" term-end=\"2026-12-31\" choice=\"let-expire\""));
  g_assert_nonnull (strstr (text, "decided-by=\"王芳\">\n          <comment>不再续约</comment>"));

  signet_store_set_today (copy, "2026-11-15");
  report = import_bytes (f, copy, text, g_bytes_get_size (first), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (report->decisions_added, ==, 1);
  g_assert_cmpuint (report->steps_added, ==, 1);
  second = io_export_bytes (copy, NULL);
  io_assert_bytes_equal (first, second);

  imported = signet_store_find_contract_by_number (copy, "HT-2025-0007", NULL);
  g_assert_cmpstr (signet_contract_get_let_expire_end (imported), ==, "2026-12-31");
  decisions = signet_store_list_notice_decisions (copy, signet_contract_get_id (imported), &error);
  g_assert_cmpuint (decisions->len, ==, 1);
  decision = g_ptr_array_index (decisions, 0);
  g_assert_cmpint (decision->choice, ==, SIGNET_NOTICE_CHOICE_LET_EXPIRE);
  g_assert_cmpstr (decision->decided_by, ==, "王芳");
  g_assert_cmpstr (decision->comment, ==, "不再续约");
  g_assert_cmpstr (decision->recorded_by, ==, g_get_user_name ());

  again = import_bytes (f, copy, text, g_bytes_get_size (first), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (again->decisions_added, ==, 0);
  g_assert_cmpuint (again->steps_added, ==, 0);
}

/* Approval routes (a person's step and a role's), the rules that pick
 * them, and a contract's two rounds (approved by the first step, returned
 * at the second, submitted again) come back the same, and again add
 * nothing. */
static void
test_approvals (IoFixture     *f,
                gconstpointer  data)
{
  g_autoptr(SignetStore) copy = io_fixture_open_store (f, "copy.db");
  g_autoptr(SignetClient) client = io_add_client (f->store, "C001", "华信科技");
  g_autoptr(SignetPerson) zhang = signet_person_new ();
  g_autoptr(SignetApprovalRoute) route = signet_approval_route_new ("标准审批");
  g_autoptr(SignetRouteStep) legal = NULL;
  g_autoptr(SignetRouteStep) finance = signet_route_step_new ("财务", 0, "财务", 3);
  g_autoptr(GPtrArray) rules = g_ptr_array_new_with_free_func ((GDestroyNotify) signet_approval_rule_free);
  g_autoptr(SignetContract) contract = NULL;
  g_autoptr(SignetContract) second_phase = NULL;
  g_autoptr(SignetAmendment) amendment = NULL;
  g_autoptr(SignetContract) imported = NULL;
  g_autoptr(GPtrArray) original_steps = NULL;
  g_autoptr(GPtrArray) copied_steps = NULL;
  g_autoptr(SignetImportReport) report = NULL;
  g_autoptr(SignetImportReport) again = NULL;
  g_autoptr(GBytes) first = NULL;
  g_autoptr(GBytes) second = NULL;
  g_autoptr(GError) error = NULL;
  SignetProcessStep submit = { SIGNET_PROCESS_ACTION_SUBMIT };
  SignetProcessStep approve = { SIGNET_PROCESS_ACTION_APPROVE, (char *) "张伟", (char *) "同意" };
  SignetProcessStep give_back = { SIGNET_PROCESS_ACTION_RETURN, NULL, (char *) "金额有误" };
  const char *text;

  signet_person_set_name (zhang, "张伟");
  signet_person_set_role (zhang, "法务");
  g_assert_true (signet_store_add_person (f->store, zhang, &error));
  legal = signet_route_step_new ("法务", signet_person_get_id (zhang), NULL, 2);
  signet_approval_route_add_step (route, legal);
  signet_approval_route_add_step (route, finance);
  g_assert_true (signet_store_add_approval_route (f->store, route, &error));
  g_assert_no_error (error);
  g_ptr_array_add (rules, signet_approval_rule_new ("采购合同", 0, NULL, route->id));
  g_ptr_array_add (rules, signet_approval_rule_new (NULL, 100000000, "CNY", route->id));
  g_assert_true (signet_store_set_approval_rules (f->store, rules, &error));
  g_assert_no_error (error);

  contract = unit_add_contract (f->store, client, "HT-2026-0031", "钢材采购");
  signet_contract_set_contract_type (contract, "采购合同");
  signet_contract_set_status (contract, SIGNET_CONTRACT_STATUS_DRAFT);
  g_assert_true (signet_store_update_contract (f->store, contract, &error));
  g_assert_no_error (error);
  take_step (f->store, signet_contract_get_id (contract), &submit);
  take_step (f->store, signet_contract_get_id (contract), &approve);
  take_step (f->store, signet_contract_get_id (contract), &give_back);
  take_step (f->store, signet_contract_get_id (contract), &submit);

  /* A signed contract of the type: the rule routes its amendment, which
   * waits in review with a round of its own. */
  second_phase = unit_add_contract (f->store, client, "HT-2026-0032", "钢材采购（二期）");
  signet_contract_set_contract_type (second_phase, "采购合同");
  signet_contract_set_status (second_phase, SIGNET_CONTRACT_STATUS_SIGNED);
  signet_contract_set_start_date (second_phase, "2026-01-01");
  signet_contract_set_end_date (second_phase, "2026-12-31");
  g_assert_true (signet_store_update_contract (f->store, second_phase, &error));
  g_assert_no_error (error);
  amendment = signet_amendment_new (signet_contract_get_id (second_phase));
  amendment->number = g_strdup ("HT-2026-0032-A1");
  amendment->effective_date = g_strdup ("2026-09-01");
  amendment->changes = SIGNET_AMENDED_TERM_FLAG (SIGNET_AMENDED_END_DATE);
  amendment->end_date = g_strdup ("2027-06-30");
  g_assert_true (signet_store_add_amendment (f->store, amendment, &error));
  g_assert_no_error (error);

  first = io_export_bytes (f->store, NULL);
  io_assert_valid_against_schema (f, first);
  text = g_bytes_get_data (first, NULL);
  g_assert_nonnull (strstr (text, "<route name=\"标准审批\" uuid=\""));
  g_assert_nonnull (strstr (text, "<step name=\"法务\" person=\"张伟\" due-days=\"2\"/>"));
  g_assert_nonnull (strstr (text, "<step name=\"财务\" role=\"财务\" due-days=\"3\"/>"));
  g_assert_nonnull (strstr (text, "type=\"采购合同\"/>"));
  g_assert_nonnull (strstr (text, "min-value=\"1000000.00\" currency=\"CNY\"/>"));
  g_assert_nonnull (strstr (text, "<approval-step round=\"1\" position=\"0\" name=\"法务\" person=\"张伟\" due-days=\"2\""));
  g_assert_nonnull (strstr (text, "<opinion>金额有误</opinion>"));
  g_assert_nonnull (strstr (text, "<approval-step round=\"2\" position=\"0\""));
  g_assert_nonnull (strstr (text, "effective-date=\"2026-09-01\" state=\"in-review\">"));
  g_assert_nonnull (strstr (text, "<approval-step amendment=\""));

  report = import_bytes (f, copy, text, g_bytes_get_size (first), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (report->routes_added, ==, 1);
  g_assert_true (report->rules_set);
  original_steps = signet_store_list_all_approval_steps (f->store, signet_contract_get_id (contract), NULL);
  /* Two rounds of two steps, and the amendment's round of two. */
  g_assert_cmpuint (report->approval_steps_added, ==, original_steps->len + 2);
  second = io_export_bytes (copy, NULL);
  io_assert_bytes_equal (first, second);

  imported = signet_store_find_contract_by_number (copy, "HT-2026-0031", NULL);
  copied_steps = signet_store_list_all_approval_steps (copy, signet_contract_get_id (imported), NULL);
  g_assert_cmpuint (copied_steps->len, ==, 4);
  for (guint i = 0; i < copied_steps->len; i++)
    {
      SignetApprovalStep *x = g_ptr_array_index (original_steps, i);
      SignetApprovalStep *y = g_ptr_array_index (copied_steps, i);

      g_assert_cmpuint (x->round, ==, y->round);
      g_assert_cmpuint (x->position, ==, y->position);
      g_assert_cmpstr (x->name, ==, y->name);
      g_assert_cmpstr (x->person_name, ==, y->person_name);
      g_assert_cmpint (x->person_id != 0, ==, y->person_id != 0);
      g_assert_cmpstr (x->role, ==, y->role);
      g_assert_cmpuint (x->due_days, ==, y->due_days);
      g_assert_cmpstr (x->due_date, ==, y->due_date);
      g_assert_cmpint (x->state, ==, y->state);
      g_assert_cmpstr (x->decided_by, ==, y->decided_by);
      g_assert_cmpint (x->decided_by_id != 0, ==, y->decided_by_id != 0);
      g_assert_cmpstr (x->recorded_by, ==, y->recorded_by);
      g_assert_cmpstr (x->decided_at, ==, y->decided_at);
      g_assert_cmpstr (x->opinion, ==, y->opinion);
    }

  again = import_bytes (f, copy, text, g_bytes_get_size (first), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (again->routes_unchanged, ==, 1);
  g_assert_true (again->rules_unchanged);
  g_assert_cmpuint (again->approval_steps_added, ==, 0);
}

/* An amendment approved where it was made stays approved in a register
 * whose rules would route it: the import takes the file's approval, not
 * a round of its own. */
static void
test_amendment_keeps_approval (IoFixture     *f,
                               gconstpointer  data)
{
  g_autoptr(SignetStore) copy = io_fixture_open_store (f, "copy.db");
  g_autoptr(SignetApprovalRoute) route = signet_approval_route_new ("标准审批");
  g_autoptr(SignetRouteStep) legal = signet_route_step_new ("法务", 0, "法务", 2);
  g_autoptr(GPtrArray) rules = g_ptr_array_new_with_free_func ((GDestroyNotify) signet_approval_rule_free);
  g_autoptr(SignetImportReport) report = NULL;
  g_autoptr(SignetContract) lease = NULL;
  g_autoptr(GPtrArray) amendments = NULL;
  g_autoptr(GPtrArray) steps = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  SignetAmendment *a1;

  fill_life_register (f->store);
  bytes = io_export_bytes (f->store, NULL);

  signet_approval_route_add_step (route, legal);
  g_assert_true (signet_store_add_approval_route (copy, route, &error));
  g_ptr_array_add (rules, signet_approval_rule_new ("采购合同", 0, NULL, route->id));
  g_assert_true (signet_store_set_approval_rules (copy, rules, &error));
  g_assert_no_error (error);

  report = import_bytes (f, copy, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (report->amendments_added, ==, 1);

  lease = signet_store_find_contract_by_number (copy, "HT-2026-0001", NULL);
  amendments = signet_store_list_amendments (copy, signet_contract_get_id (lease), NULL);
  a1 = g_ptr_array_index (amendments, 0);
  g_assert_cmpint (a1->state, ==, SIGNET_AMENDMENT_APPROVED);
  steps = signet_store_list_approval_steps (copy, signet_contract_get_id (lease), a1->id, NULL);
  g_assert_cmpuint (steps->len, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/xml/process/round-trip", IoFixture, NULL, io_fixture_set_up, test_round_trip, io_fixture_tear_down);
  g_test_add ("/xml/process/round-trip-without-files", IoFixture, NULL, io_fixture_set_up,
              test_round_trip_without_files, io_fixture_tear_down);
  g_test_add ("/xml/process/invalid", IoFixture, NULL, io_fixture_set_up, test_invalid, io_fixture_tear_down);
  g_test_add ("/xml/process/renewal-of-register-contract", IoFixture, NULL, io_fixture_set_up,
              test_renewal_of_register_contract, io_fixture_tear_down);
  g_test_add ("/xml/process/notice-decisions", IoFixture, NULL, io_fixture_set_up, test_notice_decisions,
              io_fixture_tear_down);
  g_test_add ("/xml/process/approvals", IoFixture, NULL, io_fixture_set_up, test_approvals, io_fixture_tear_down);
  g_test_add ("/xml/process/amendment-keeps-approval", IoFixture, NULL, io_fixture_set_up,
              test_amendment_keeps_approval, io_fixture_tear_down);
  g_test_add ("/xml/process/version-1-file-of-before", IoFixture, NULL, io_fixture_set_up,
              test_version_1_file_of_before, io_fixture_tear_down);

  return g_test_run ();
}
