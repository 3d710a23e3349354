/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "signet-contract-type.h"
#include "signet-store-events.h"
#include "signet-store-private.h"
#include "signet-store-types.h"
#include "signet-tombstone.h"
#include "store-fixture.h"
#include "unit-test-utils.h"

/* Contract types in the register: the store's writes of types
 * (validation, undo, audit, the changed detail), a new contract with the
 * key dates of its type's offsets in one write, the checklist kept with a
 * review, and migration 11. */

typedef StoreFixture Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  store_fixture_open (f, "2026-12-07");
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  store_fixture_close (f);
}

/* 采购合同: CNY, high risk, 30 days' notice, auto-renew, a year, 采购部,
 * first payment 15 days and acceptance 60 days after the start, and two
 * clauses to confirm at review. */
static SignetContractType *
purchase_type (void)
{
  SignetContractType *type = signet_contract_type_new ("采购合同");
  const char * const clauses[] = { "付款条件已核对", "", "  验收标准已确认  ", NULL };
  g_autoptr(SignetKeyDateOffset) payment = signet_key_date_offset_new (SIGNET_KEY_DATE_PAYMENT, "首期付款", 15);
  g_autoptr(SignetKeyDateOffset) milestone = signet_key_date_offset_new (SIGNET_KEY_DATE_MILESTONE, "验收", 60);

  signet_contract_type_set_currency (type, "CNY");
  signet_contract_type_set_risk_level (type, SIGNET_RISK_LEVEL_HIGH);
  signet_contract_type_set_notice_days (type, 30);
  signet_contract_type_set_auto_renew (type, SIGNET_AUTO_RENEW_YES);
  signet_contract_type_set_term_months (type, 12);
  signet_contract_type_set_department (type, "采购部");
  signet_contract_type_set_review_months (type, 6);
  signet_contract_type_add_key_date_offset (type, payment);
  signet_contract_type_add_key_date_offset (type, milestone);
  signet_contract_type_set_checklist (type, clauses);

  return type;
}

static void
count_changed_cb (SignetStore      *store,
                  SignetRecordKind  kind,
                  gint64            id,
                  SignetChangeKind  change,
                  guint            *count)
{
  g_assert_cmpint (kind, ==, SIGNET_RECORD_CONTRACT_TYPE);
  (*count)++;
}

static void
test_store_types (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(SignetContractType) type = purchase_type ();
  g_autoptr(SignetContractType) read = NULL;
  g_autoptr(SignetContractType) twin = signet_contract_type_new (" 采购合同 ");
  g_autoptr(SignetContractType) blank = signet_contract_type_new ("  ");
  g_autoptr(SignetContractType) bad_currency = signet_contract_type_new ("外币合同");
  g_autoptr(SignetTombstone) tombstone = NULL;
  g_autoptr(GPtrArray) types = NULL;
  g_autoptr(GPtrArray) audit = NULL;
  g_autoptr(GError) error = NULL;
  guint changes = 0;
  SignetKeyDateOffset *offset;

  g_signal_connect (f->store, "changed::" SIGNET_STORE_CHANGED_CONTRACT_TYPES, G_CALLBACK (count_changed_cb), &changes);

  g_assert_true (signet_store_add_contract_type (f->store, type, &error));
  g_assert_no_error (error);
  g_assert_cmpint (signet_contract_type_get_id (type), >, 0);
  g_assert_cmpint (signet_contract_type_get_version (type), ==, 1);
  g_assert_cmpuint (changes, ==, 1);

  read = signet_store_get_contract_type (f->store, signet_contract_type_get_id (type), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (signet_contract_type_get_name (read), ==, "采购合同");
  g_assert_cmpstr (signet_contract_type_get_currency (read), ==, "CNY");
  g_assert_cmpint (signet_contract_type_get_risk_level (read), ==, SIGNET_RISK_LEVEL_HIGH);
  g_assert_cmpint (signet_contract_type_get_notice_days (read), ==, 30);
  g_assert_cmpint (signet_contract_type_get_auto_renew (read), ==, SIGNET_AUTO_RENEW_YES);
  g_assert_cmpuint (signet_contract_type_get_term_months (read), ==, 12);
  g_assert_cmpuint (signet_contract_type_get_review_months (read), ==, 6);
  g_assert_cmpuint (signet_contract_type_get_key_date_offsets (read)->len, ==, 2);
  offset = g_ptr_array_index (signet_contract_type_get_key_date_offsets (read), 0);
  g_assert_cmpint (offset->kind, ==, SIGNET_KEY_DATE_PAYMENT);
  g_assert_cmpstr (offset->title, ==, "首期付款");
  g_assert_cmpuint (offset->days, ==, 15);
  g_assert_cmpstr (signet_contract_type_get_checklist (read)[0], ==, "付款条件已核对");

  /* Refused, nothing written, no signal. */
  g_assert_false (signet_store_add_contract_type (f->store, twin, &error));
  g_assert_error (error, SIGNET_FIELD_ERROR, SIGNET_FIELD_TYPE_NAME);
  g_assert_cmpstr (error->message, ==, "There is a type named “采购合同” already. Choose another name.");
  g_clear_error (&error);
  g_assert_false (signet_store_add_contract_type (f->store, blank, &error));
  g_assert_error (error, SIGNET_FIELD_ERROR, SIGNET_FIELD_TYPE_NAME);
  g_clear_error (&error);
  signet_contract_type_set_currency (bad_currency, "XYZ1");
  g_assert_false (signet_store_add_contract_type (f->store, bad_currency, &error));
  g_assert_error (error, SIGNET_FIELD_ERROR, SIGNET_FIELD_CONTRACT_CURRENCY);
  g_clear_error (&error);
  g_assert_cmpuint (changes, ==, 1);

  /* Update: the fields and the lists are replaced, the version goes up. */
  signet_contract_type_set_notice_days (read, 60);
  signet_contract_type_clear_key_date_offsets (read);
  g_assert_true (signet_store_update_contract_type (f->store, read, &error));
  g_assert_no_error (error);
  g_assert_cmpint (signet_contract_type_get_version (read), ==, 2);
  g_assert_cmpuint (changes, ==, 2);
  g_clear_object (&read);
  read = signet_store_find_contract_type (f->store, "采购合同", &error);
  g_assert_no_error (error);
  g_assert_cmpint (signet_contract_type_get_notice_days (read), ==, 60);
  g_assert_cmpuint (signet_contract_type_get_key_date_offsets (read)->len, ==, 0);
  g_assert_null (signet_store_find_contract_type (f->store, "没有这个类型", &error));
  g_assert_no_error (error);

  audit = signet_store_list_audit (f->store, SIGNET_RECORD_CONTRACT_TYPE, signet_contract_type_get_id (type), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (audit->len, ==, 2);
  g_assert_cmpint (((SignetAuditEntry *) audit->pdata[0])->action, ==, SIGNET_AUDIT_ACTION_UPDATE_CONTRACT_TYPE);
  g_assert_cmpint (((SignetAuditEntry *) audit->pdata[1])->action, ==, SIGNET_AUDIT_ACTION_ADD_CONTRACT_TYPE);

  /* Delete and undo: the type comes back whole, under its id. */
  tombstone = signet_store_delete (f->store, SIGNET_TOMBSTONE_CONTRACT_TYPE, signet_contract_type_get_id (type), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (changes, ==, 3);
  types = signet_store_list_contract_types (f->store, &error);
  g_assert_cmpuint (types->len, ==, 0);
  g_clear_pointer (&types, g_ptr_array_unref);
  g_assert_true (signet_store_restore (f->store, tombstone, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (changes, ==, 4);
  types = signet_store_list_contract_types (f->store, &error);
  g_assert_cmpuint (types->len, ==, 1);
  g_assert_cmpint (signet_contract_type_get_id (types->pdata[0]), ==, signet_contract_type_get_id (type));
  g_assert_cmpstr (signet_contract_type_get_checklist (types->pdata[0])[1], ==, "验收标准已确认");
  g_assert_false (signet_store_restore (f->store, tombstone, &error));
  g_assert_error (error, SIGNET_STORE_ERROR, SIGNET_STORE_ERROR_CONFLICT);
}

static void
test_new_contract_of_type (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(SignetContractType) type = purchase_type ();
  g_autoptr(SignetContract) contract = signet_contract_new ();
  g_autoptr(SignetContract) stored = NULL;
  g_autoptr(GPtrArray) key_dates = NULL;
  g_autoptr(GPtrArray) audit = NULL;
  g_autoptr(GError) error = NULL;
  SignetUserKeyDate *first;

  g_assert_true (signet_store_add_contract_type (f->store, type, &error));
  signet_contract_set_number (contract, "HT-2026-0100");
  signet_contract_set_title (contract, "办公设备采购");
  signet_contract_set_client_id (contract, signet_client_get_id (f->client));
  signet_contract_set_start_date (contract, "2026-03-01");
  signet_contract_type_apply (type, contract);

  signet_store_add_contract_of_type (f->store, contract, type, &error);
  g_assert_no_error (error);

  stored = signet_store_get_contract (f->store, signet_contract_get_id (contract), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (signet_contract_get_contract_type (stored), ==, "采购合同");
  g_assert_cmpstr (signet_contract_get_end_date (stored), ==, "2027-02-28");
  g_assert_cmpuint (signet_contract_get_notice_days (stored), ==, 30);

  key_dates = signet_store_list_key_dates (f->store, signet_contract_get_id (contract), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (key_dates->len, ==, 2);
  first = g_ptr_array_index (key_dates, 0);
  g_assert_cmpint (first->kind, ==, SIGNET_KEY_DATE_PAYMENT);
  g_assert_cmpstr (first->date, ==, "2026-03-16");
  g_assert_cmpstr (first->title, ==, "首期付款");
  g_assert_cmpstr (((SignetUserKeyDate *) key_dates->pdata[1])->date, ==, "2026-04-30");

  /* History: created, then each date added. */
  audit = signet_store_list_audit (f->store, SIGNET_RECORD_CONTRACT, signet_contract_get_id (contract), &error);
  g_assert_cmpuint (audit->len, ==, 3);
  g_assert_cmpint (((SignetAuditEntry *) audit->pdata[2])->action, ==, SIGNET_AUDIT_ACTION_CREATE);
}

/* A contract refused writes none of its type's key dates. */
static void
test_new_contract_of_type_refused (Fixture       *f,
                                   gconstpointer  data)
{
  g_autoptr(SignetContractType) type = purchase_type ();
  g_autoptr(SignetContract) contract = signet_contract_new ();
  g_autoptr(SignetKeyDateOffset) far = signet_key_date_offset_new (SIGNET_KEY_DATE_OTHER, "远期", 36500);
  g_autoptr(GError) error = NULL;

  signet_contract_type_add_key_date_offset (type, far);
  g_assert_true (signet_store_add_contract_type (f->store, type, &error));
  signet_contract_set_number (contract, "HT-2199-0001");
  signet_contract_set_title (contract, "远期合同");
  signet_contract_set_client_id (contract, signet_client_get_id (f->client));
  signet_contract_set_start_date (contract, "2190-01-01");
  signet_contract_set_currency (contract, "CNY");

  g_assert_false (signet_store_add_contract_of_type (f->store, contract, type, &error));
  g_assert_error (error, SIGNET_FIELD_ERROR, SIGNET_FIELD_CONTRACT_START_DATE);
  g_assert_cmpint (signet_contract_get_id (contract), ==, 0);
  g_assert_cmpuint (signet_store_count_contracts (f->store), ==, 0);
  g_assert_cmpint (unit_query_raw_int (f->path, "SELECT count(*) FROM key_dates"), ==, 0);
}

static void
test_review_checklist (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(SignetContract) contract = unit_add_contract (f->store, f->client, "HT-2026-0200", "仓储服务");
  g_autoptr(GPtrArray) clauses = g_ptr_array_new_with_free_func ((GDestroyNotify) signet_review_clause_free);
  g_autoptr(GPtrArray) reviews = NULL;
  g_autoptr(GError) error = NULL;
  SignetReview *review;

  g_ptr_array_add (clauses, signet_review_clause_new ("付款条件已核对", TRUE));
  g_ptr_array_add (clauses, signet_review_clause_new ("验收标准已确认", FALSE));
  g_assert_true (signet_store_record_review_with_checklist (f->store, signet_contract_get_id (contract), "2026-12-01",
                                                            "王芳", NULL, clauses, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (signet_store_record_review (f->store, signet_contract_get_id (contract), "2026-11-01", "李娜",
                                             NULL, NULL, &error));

  reviews = signet_store_list_reviews (f->store, signet_contract_get_id (contract), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (reviews->len, ==, 2);
  review = g_ptr_array_index (reviews, 0);
  g_assert_cmpuint (review->clauses->len, ==, 2);
  g_assert_cmpstr (((SignetReviewClause *) review->clauses->pdata[0])->clause, ==, "付款条件已核对");
  g_assert_true (((SignetReviewClause *) review->clauses->pdata[0])->confirmed);
  g_assert_false (((SignetReviewClause *) review->clauses->pdata[1])->confirmed);
  g_assert_cmpuint (((SignetReview *) reviews->pdata[1])->clauses->len, ==, 0);
}

/* A register of version 10 whose contracts name types: each name becomes a
 * type with no defaults, and the contracts read as they did. */
static void
test_migration_11 (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("signet-types-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "v10.db", NULL);
  g_autoptr(SignetStore) v10 = signet_store_new_at_version (path, 10, &error);
  g_autoptr(SignetStore) now = NULL;
  g_autoptr(SignetContract) lease = NULL;
  g_autoptr(GPtrArray) types = NULL;
  g_autoptr(SignetContractType) purchase = NULL;

  g_assert_no_error (error);
  g_clear_object (&v10);
  unit_exec_raw (path,
                 "INSERT INTO clients (id, name, code) VALUES (1, '上海华东建设工程有限公司', 'HDJX');"
                 "INSERT INTO contracts (id, number, title, client_id, contract_type, value, currency, status,"
                 "  risk_level, uuid) VALUES"
                 "  (1, 'HT-2026-0001', '办公场地租赁', 1, '租赁合同', 100, 'CNY', 'draft', 'low',"
                 "   '6f1c0e9a-3b7d-4a52-9f0e-1a2b3c4d5e01'),"
                 "  (2, 'HT-2026-0002', '仓库租赁', 1, '租赁合同', 100, 'CNY', 'draft', 'low',"
                 "   '6f1c0e9a-3b7d-4a52-9f0e-1a2b3c4d5e02'),"
                 "  (3, 'HT-2026-0003', '钢材采购', 1, '采购合同', 100, 'CNY', 'draft', 'low',"
                 "   '6f1c0e9a-3b7d-4a52-9f0e-1a2b3c4d5e03'),"
                 "  (4, 'HT-2026-0004', '无类型', 1, NULL, 100, 'CNY', 'draft', 'low',"
                 "   '6f1c0e9a-3b7d-4a52-9f0e-1a2b3c4d5e04');");

  now = signet_store_new (path, &error);
  g_assert_no_error (error);
  types = signet_store_list_contract_types (now, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (types->len, ==, 2);
  for (guint i = 0; i < types->len; i++)
    {
      SignetContractType *type = g_ptr_array_index (types, i);

      g_assert_null (signet_contract_type_get_currency (type));
      g_assert_cmpint (signet_contract_type_get_notice_days (type), ==, -1);
      g_assert_cmpuint (signet_contract_type_get_term_months (type), ==, 0);
      g_assert_cmpuint (signet_contract_type_get_key_date_offsets (type)->len, ==, 0);
      g_assert_null (signet_contract_type_get_checklist (type)[0]);
    }
  purchase = signet_store_find_contract_type (now, "采购合同", &error);
  g_assert_no_error (error);
  g_assert_nonnull (purchase);

  lease = signet_store_get_contract (now, 2, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (signet_contract_get_contract_type (lease), ==, "租赁合同");
  g_clear_object (&now);
  unit_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/contract-types/store", test_store_types);
  ADD ("/contract-types/new-contract-of-type", test_new_contract_of_type);
  ADD ("/contract-types/new-contract-of-type-refused", test_new_contract_of_type_refused);
  ADD ("/contract-types/review-checklist", test_review_checklist);
  g_test_add_func ("/contract-types/migration-11", test_migration_11);
#undef ADD

  return g_test_run ();
}
