/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "signet-amendment.h"
#include "signet-store-amendments.h"
#include "signet-store-approvals.h"
#include "signet-store-private.h"
#include "store-fixture.h"
#include "unit-test-utils.h"

/* Approval routes: which route a contract takes, working-day due dates,
 * a contract's and an amendment's rounds of approval, the pending steps
 * in the calendar, and migration 13. */

/* A register of version 12 with a signed contract and an amendment that
 * raised its value from 2025-07-01 opens at 13: the amendment is still
 * in effect from its day, the contract reads as before, and there are no
 * routes, rules or steps. */
static void
test_migration (void)
{
  StoreFixture f;
  g_autoptr(SignetStore) store = NULL;
  g_autoptr(SignetContract) before = NULL;
  g_autoptr(SignetContract) after = NULL;
  g_autoptr(GPtrArray) amendments = NULL;
  g_autoptr(GError) error = NULL;

  store_fixture_open_empty (&f, "signet.db");
  g_clear_object (&f.store);
  unit_remove_tree (f.dir);
  g_mkdir_with_parents (f.dir, 0700);

  store = signet_store_new_at_version (f.path, 12, &error);
  g_assert_no_error (error);
  g_clear_object (&store);
  unit_exec_raw (f.path,
                 "INSERT INTO clients (id, name, code) VALUES (1, '华东建设', 'HDJS');"
                 "INSERT INTO contracts (id, number, title, client_id, value, currency, start_date, end_date, "
                 "status, risk_level, notice_days, contract_type) VALUES (1, 'HT-2025-0001', '办公室租赁', 1, "
                 "100000, 'CNY', '2025-01-01', '2025-12-31', 'signed', 'low', 30, '租赁合同');"
                 "INSERT INTO amendments (id, contract_id, uuid, number, effective_date, value, currency) "
                 "VALUES (1, 1, '0b8f3c5e-7a52-4f0e-9d3c-2f1a6b7c8d9e', 'HT-2025-0001-A1', '2025-07-01', "
                 "150000, 'CNY');");

  store = signet_store_open (f.path, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpint (unit_query_raw_int (f.path, "PRAGMA user_version"), ==, signet_store_get_schema_version ());
  g_assert_cmpint (signet_store_get_schema_version (), >=, 13);

  amendments = signet_store_list_amendments (store, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (amendments->len, ==, 1);
  g_assert_cmpstr (((SignetAmendment *) g_ptr_array_index (amendments, 0))->number, ==, "HT-2025-0001-A1");

  before = signet_store_get_contract_terms (store, 1, "2025-06-30", NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (signet_contract_get_value (before), ==, 100000);
  after = signet_store_get_contract_terms (store, 1, "2025-07-01", NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (signet_contract_get_value (after), ==, 150000);
  g_assert_cmpstr (signet_contract_get_title (after), ==, "办公室租赁");

  g_assert_cmpint (unit_query_raw_int (f.path, "SELECT count(*) FROM amendments WHERE state = 'approved'"), ==, 1);
  g_assert_cmpint (unit_query_raw_int (f.path, "SELECT count(*) FROM approval_routes"), ==, 0);
  g_assert_cmpint (unit_query_raw_int (f.path, "SELECT count(*) FROM approval_rules"), ==, 0);
  g_assert_cmpint (unit_query_raw_int (f.path, "SELECT count(*) FROM approval_steps"), ==, 0);

  g_clear_object (&store);
  store_fixture_close (&f);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/approvals/migration", test_migration);

  return g_test_run ();
}
