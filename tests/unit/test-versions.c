/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <locale.h>
#include <string.h>

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "signet-contract-process.h"
#include "signet-store.h"
#include "signet-store-private.h"
#include "signet-tombstone.h"
#include "signet-xml.h"
#include "store-fixture.h"
#include "unit-test-utils.h"

/* Records carry a version, and a save writes only what the user changed,
 * only over the version the form loaded. Two connections to one file play
 * the window (window) and another program writing meanwhile (other: the
 * command line, an import). */

typedef struct
{
  StoreFixture base;
  SignetStore *window;    /* the window's connection: base.store */
  SignetStore *other;     /* another program's */
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  store_fixture_open_empty (&f->base, "register.db");
  f->window = f->base.store;
  f->other = signet_store_new (f->base.path, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  f->window = NULL;
  g_clear_object (&f->other);
  store_fixture_close (&f->base);
}

static SignetContract *
add_contract (SignetStore  *store,
              SignetClient *client,
              const char   *number,
              const char   *title)
{
  g_autoptr(GError) error = NULL;
  SignetContract *contract = signet_contract_new ();

  signet_contract_set_number (contract, number);
  signet_contract_set_title (contract, title);
  signet_contract_set_client_id (contract, signet_client_get_id (client));
  signet_contract_set_value (contract, 1200000);
  signet_contract_set_currency (contract, "CNY");
  signet_contract_set_end_date (contract, "2027-03-31");
  g_assert_true (signet_store_add_contract (store, contract, &error));
  g_assert_no_error (error);

  return contract;
}

static SignetContract *
read_contract (SignetStore *store,
               gint64       id)
{
  g_autoptr(GError) error = NULL;
  SignetContract *contract = signet_store_get_contract (store, id, &error);

  g_assert_no_error (error);

  return contract;
}

static SignetClient *
read_client (SignetStore *store,
             gint64       id)
{
  g_autoptr(GError) error = NULL;
  SignetClient *client = signet_store_get_client (store, id, &error);

  g_assert_no_error (error);

  return client;
}

static GPtrArray *
list_audit (SignetStore      *store,
            SignetRecordKind  kind,
            gint64            id)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *entries = signet_store_list_audit (store, kind, id, &error);

  g_assert_no_error (error);

  return entries;
}

/* The newest audit entry of the record changed exactly @field, from @old
 * to @new, as an update by this OS user. */
static void
assert_last_audit (SignetStore      *store,
                   SignetRecordKind  kind,
                   gint64            id,
                   const char       *field,
                   const char       *old_value,
                   const char       *new_value)
{
  g_autoptr(GPtrArray) entries = list_audit (store, kind, id);
  SignetAuditEntry *entry = g_ptr_array_index (entries, 0);
  SignetAuditChange *change;

  g_assert_cmpstr (signet_audit_action_to_token (entry->action), ==, "update");
  g_assert_cmpstr (entry->user, ==, g_get_user_name ());
  g_assert_cmpuint (entry->changes->len, ==, 1);
  change = g_ptr_array_index (entry->changes, 0);
  g_assert_cmpstr (change->field, ==, field);
  g_assert_cmpstr (change->old_value, ==, old_value);
  g_assert_cmpstr (change->new_value, ==, new_value);
}

/* The lost update of the fault tests: the window loaded a contract,
 * another program changed its title, the window's user changed only the
 * Owner and saved. The save is refused with nothing written; taken over
 * the new version, it keeps the other's title and the audit blames the
 * user for the Owner alone. */
static void
test_contract_conflict (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SignetClient) client = unit_add_client (f->window, "北京华信科技有限公司", "C001");
  g_autoptr(SignetContract) added = add_contract (f->window, client, "HT-2026-0001", "Office lease");
  gint64 id = signet_contract_get_id (added);
  g_autoptr(SignetContract) base = read_contract (f->window, id);
  g_autoptr(SignetContract) edited = signet_contract_copy (base);
  g_autoptr(SignetContract) theirs = read_contract (f->other, id);
  g_autoptr(SignetContract) stored = NULL;
  g_autoptr(SignetContract) current = NULL;
  g_autoptr(SignetContract) merged = NULL;
  g_autoptr(GArray) conflicts = NULL;
  g_autoptr(GPtrArray) audit_before = NULL;
  g_autoptr(GPtrArray) audit_after = NULL;
  SignetFieldConflict *conflict;

  g_assert_cmpint (signet_contract_get_version (base), ==, 1);

  signet_contract_set_title (theirs, "Office lease, floors 3-5");
  g_assert_true (signet_store_update_contract (f->other, theirs, &error));
  g_assert_no_error (error);
  g_assert_cmpint (signet_contract_get_version (theirs), ==, 2);
  audit_before = list_audit (f->window, SIGNET_RECORD_CONTRACT, id);

  signet_contract_set_owner (edited, "王芳");
  g_assert_false (signet_store_save_contract (f->window, base, edited, &error));
  g_assert_error (error, SIGNET_STORE_ERROR, SIGNET_STORE_ERROR_CONFLICT);
  g_assert_nonnull (strstr (error->message, "HT-2026-0001"));
  g_assert_nonnull (strstr (error->message, "Nothing was saved"));
  g_clear_error (&error);

  /* Nothing written: the row and the audit log as the other left them. */
  stored = read_contract (f->other, id);
  g_assert_cmpstr (signet_contract_get_title (stored), ==, "Office lease, floors 3-5");
  g_assert_null (signet_contract_get_owner (stored));
  g_assert_cmpint (signet_contract_get_version (stored), ==, 2);
  audit_after = list_audit (f->window, SIGNET_RECORD_CONTRACT, id);
  g_assert_cmpuint (audit_after->len, ==, audit_before->len);

  /* What the form shows: the title changed elsewhere, not by the user. */
  conflicts = signet_store_list_contract_conflicts (f->window, base, edited, &current, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (conflicts->len, ==, 1);
  conflict = &g_array_index (conflicts, SignetFieldConflict, 0);
  g_assert_cmpint (conflict->field, ==, SIGNET_FIELD_CONTRACT_TITLE);
  g_assert_false (conflict->edited);
  g_assert_cmpstr (signet_contract_get_title (current), ==, "Office lease, floors 3-5");
  g_assert_cmpint (signet_contract_get_version (current), ==, 2);

  /* Over the new version, the title taken from it: both changes kept. */
  merged = signet_contract_copy (current);
  signet_contract_copy_field (merged, edited, SIGNET_FIELD_CONTRACT_OWNER);
  g_assert_true (signet_store_save_contract (f->window, current, merged, &error));
  g_assert_no_error (error);

  g_clear_object (&stored);
  stored = read_contract (f->other, id);
  g_assert_cmpstr (signet_contract_get_title (stored), ==, "Office lease, floors 3-5");
  g_assert_cmpstr (signet_contract_get_owner (stored), ==, "王芳");
  g_assert_cmpint (signet_contract_get_version (stored), ==, 3);
  assert_last_audit (f->window, SIGNET_RECORD_CONTRACT, id, "owner", NULL, "王芳");
}

/* A field both changed: listed as the user's too; kept, it overwrites the
 * other's value knowingly, and the audit says from what. */
static void
test_contract_both_changed (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SignetClient) client = unit_add_client (f->window, "Contoso", "C002");
  g_autoptr(SignetContract) added = add_contract (f->window, client, "HT-2026-0002", "Support");
  gint64 id = signet_contract_get_id (added);
  g_autoptr(SignetContract) base = read_contract (f->window, id);
  g_autoptr(SignetContract) edited = signet_contract_copy (base);
  g_autoptr(SignetContract) theirs = read_contract (f->other, id);
  g_autoptr(SignetContract) current = NULL;
  g_autoptr(SignetContract) stored = NULL;
  g_autoptr(SignetContract) mine = NULL;
  g_autoptr(GArray) conflicts = NULL;
  SignetFieldConflict *conflict;

  /* Not its status to signed: the value of a signed contract changes by
   * amendment, and Keep Mine would be refused (test-amendments). */
  signet_contract_set_value (theirs, 1500000);
  signet_contract_set_risk_level (theirs, SIGNET_RISK_LEVEL_HIGH);
  g_assert_true (signet_store_update_contract (f->other, theirs, &error));
  g_assert_no_error (error);

  signet_contract_set_value (edited, 1800000);
  signet_contract_set_currency (edited, "USD");
  g_assert_false (signet_store_save_contract (f->window, base, edited, &error));
  g_assert_error (error, SIGNET_STORE_ERROR, SIGNET_STORE_ERROR_CONFLICT);
  g_clear_error (&error);

  conflicts = signet_store_list_contract_conflicts (f->window, base, edited, &current, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (conflicts->len, ==, 2);
  conflict = &g_array_index (conflicts, SignetFieldConflict, 0);
  g_assert_cmpint (conflict->field, ==, SIGNET_FIELD_CONTRACT_VALUE);
  g_assert_true (conflict->edited);
  conflict = &g_array_index (conflicts, SignetFieldConflict, 1);
  g_assert_cmpint (conflict->field, ==, SIGNET_FIELD_CONTRACT_RISK_LEVEL);
  g_assert_false (conflict->edited);

  /* Keep Mine for the value, Reload for the risk level. */
  mine = signet_contract_copy (current);
  signet_contract_copy_field (mine, edited, SIGNET_FIELD_CONTRACT_VALUE);
  g_assert_true (signet_store_save_contract (f->window, current, mine, &error));
  g_assert_no_error (error);

  stored = read_contract (f->other, id);
  g_assert_cmpint (signet_contract_get_value (stored), ==, 1800000);
  g_assert_cmpstr (signet_contract_get_currency (stored), ==, "USD");
  g_assert_cmpint (signet_contract_get_risk_level (stored), ==, SIGNET_RISK_LEVEL_HIGH);
  g_assert_cmpint (signet_contract_get_version (stored), ==, 3);
}

/* Every write of a contract raises its version by one; a save of nothing
 * writes nothing; a restored contract continues from where it was. */
static void
test_contract_versions (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SignetClient) client = unit_add_client (f->window, "Fabrikam", "C003");
  g_autoptr(SignetContract) contract = add_contract (f->window, client, "HT-2026-0003", "Hosting");
  gint64 id = signet_contract_get_id (contract);
  g_autoptr(SignetContract) base = NULL;
  g_autoptr(SignetContract) edited = NULL;
  g_autoptr(SignetContract) stored = NULL;
  g_autoptr(SignetTombstone) tombstone = NULL;
  g_autoptr(GPtrArray) audit = NULL;

  g_assert_cmpint (signet_contract_get_version (contract), ==, 1);

  signet_contract_set_department (contract, "IT");
  g_assert_true (signet_store_update_contract (f->window, contract, &error));
  g_assert_no_error (error);
  g_assert_cmpint (signet_contract_get_version (contract), ==, 2);

  base = read_contract (f->window, id);
  g_assert_cmpint (signet_contract_get_version (base), ==, 2);
  edited = signet_contract_copy (base);
  signet_contract_set_notes (edited, "Renewed by phone.");
  g_assert_true (signet_store_save_contract (f->window, base, edited, &error));
  g_assert_no_error (error);
  stored = read_contract (f->window, id);
  g_assert_cmpint (signet_contract_get_version (stored), ==, 3);
  assert_last_audit (f->window, SIGNET_RECORD_CONTRACT, id, "notes", NULL, "Renewed by phone.");

  /* Nothing edited: no write, no version, no audit entry. */
  audit = list_audit (f->window, SIGNET_RECORD_CONTRACT, id);
  g_assert_true (signet_store_save_contract (f->window, stored, stored, &error));
  g_assert_no_error (error);
  g_clear_object (&stored);
  stored = read_contract (f->window, id);
  g_assert_cmpint (signet_contract_get_version (stored), ==, 3);
  g_clear_pointer (&audit, g_ptr_array_unref);
  audit = list_audit (f->window, SIGNET_RECORD_CONTRACT, id);
  g_assert_cmpuint (audit->len, ==, 3);

  tombstone = signet_store_delete (f->window, SIGNET_TOMBSTONE_CONTRACT, id, &error);
  g_assert_no_error (error);
  g_assert_true (signet_store_restore (f->window, tombstone, &error));
  g_assert_no_error (error);
  g_clear_object (&stored);
  stored = read_contract (f->other, id);
  g_assert_cmpint (signet_contract_get_version (stored), ==, 4);

  /* A form that still holds the contract from before it was deleted does
   * not save over the restored one. */
  g_assert_false (signet_store_save_contract (f->window, base, edited, &error));
  g_assert_error (error, SIGNET_STORE_ERROR, SIGNET_STORE_ERROR_CONFLICT);
}

/* Clients: the same conflict, the same merge. */
static void
test_client_conflict (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SignetClient) added = unit_add_client (f->window, "上海华东建设", "C004");
  gint64 id = signet_client_get_id (added);
  g_autoptr(SignetClient) base = read_client (f->window, id);
  g_autoptr(SignetClient) edited = signet_client_copy (base);
  g_autoptr(SignetClient) theirs = read_client (f->other, id);
  g_autoptr(SignetClient) current = NULL;
  g_autoptr(SignetClient) merged = NULL;
  g_autoptr(SignetClient) stored = NULL;
  g_autoptr(GArray) conflicts = NULL;
  g_autoptr(GPtrArray) audit_before = NULL;
  g_autoptr(GPtrArray) audit_after = NULL;
  SignetFieldConflict *conflict;

  g_assert_cmpint (signet_client_get_version (added), ==, 1);
  g_assert_cmpint (signet_client_get_version (base), ==, 1);

  signet_client_set_name (theirs, "上海华东建设工程有限公司");
  g_assert_true (signet_store_update_client (f->other, theirs, &error));
  g_assert_no_error (error);
  g_assert_cmpint (signet_client_get_version (theirs), ==, 2);
  audit_before = list_audit (f->window, SIGNET_RECORD_CLIENT, id);

  signet_client_set_phone (edited, "021-5555 0100");
  g_assert_false (signet_store_save_client (f->window, base, edited, &error));
  g_assert_error (error, SIGNET_STORE_ERROR, SIGNET_STORE_ERROR_CONFLICT);
  g_assert_nonnull (strstr (error->message, "上海华东建设工程有限公司"));
  g_clear_error (&error);

  stored = read_client (f->other, id);
  g_assert_cmpstr (signet_client_get_name (stored), ==, "上海华东建设工程有限公司");
  g_assert_null (signet_client_get_phone (stored));
  g_assert_cmpint (signet_client_get_version (stored), ==, 2);
  audit_after = list_audit (f->window, SIGNET_RECORD_CLIENT, id);
  g_assert_cmpuint (audit_after->len, ==, audit_before->len);

  conflicts = signet_store_list_client_conflicts (f->window, base, edited, &current, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (conflicts->len, ==, 1);
  conflict = &g_array_index (conflicts, SignetFieldConflict, 0);
  g_assert_cmpint (conflict->field, ==, SIGNET_FIELD_CLIENT_NAME);
  g_assert_false (conflict->edited);

  merged = signet_client_copy (current);
  signet_client_set_phone (merged, signet_client_get_phone (edited));
  g_assert_true (signet_store_save_client (f->window, current, merged, &error));
  g_assert_no_error (error);

  g_clear_object (&stored);
  stored = read_client (f->other, id);
  g_assert_cmpstr (signet_client_get_name (stored), ==, "上海华东建设工程有限公司");
  g_assert_cmpstr (signet_client_get_phone (stored), ==, "021-5555 0100");
  g_assert_cmpint (signet_client_get_version (stored), ==, 3);
  assert_last_audit (f->window, SIGNET_RECORD_CLIENT, id, "phone", NULL, "021-5555 0100");
}

/* An import that updates records (on-conflict=update) stores what its file
 * says, as before, and raises their versions: a form loaded before it can
 * no longer save over the imported values. */
static void
test_import_bumps_version (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SignetClient) client = unit_add_client (f->window, "Northwind Traders", "C005");
  g_autoptr(SignetContract) added = add_contract (f->window, client, "HT-2026-0005", "Freight");
  gint64 id = signet_contract_get_id (added);
  g_autoptr(SignetContract) base = read_contract (f->window, id);
  g_autoptr(SignetContract) edited = signet_contract_copy (base);
  g_autoptr(SignetContract) stored = NULL;
  g_autoptr(SignetClient) stored_client = NULL;
  g_autofree char *xml_path = g_build_filename (f->base.dir, "register.xml", NULL);
  g_autoptr(GFile) xml_file = g_file_new_for_path (xml_path);
  g_autoptr(GString) xml = NULL;
  g_autoptr(SignetImportReport) report = NULL;
  SignetImportOptions options = { SIGNET_CONFLICT_UPDATE, FALSE };
  g_autofree char *contents = NULL;

  g_assert_true (signet_xml_export (f->other, xml_file, NULL, SIGNET_EXPORT_FLAGS_NONE, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (xml_path, &contents, NULL, &error));
  xml = g_string_new (contents);
  g_assert_cmpuint (g_string_replace (xml, ">Freight<", ">Freight and customs<", 0), ==, 1);
  g_assert_cmpuint (g_string_replace (xml, ">Northwind Traders<", ">Northwind Traders Ltd<", 0), ==, 1);
  g_assert_true (g_file_set_contents (xml_path, xml->str, xml->len, &error));

  g_assert_true (signet_xml_import (f->other, xml_file, &options, &report, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (report->contracts_updated, ==, 1);
  g_assert_cmpuint (report->clients_updated, ==, 1);

  stored = read_contract (f->window, id);
  g_assert_cmpstr (signet_contract_get_title (stored), ==, "Freight and customs");
  g_assert_cmpint (signet_contract_get_version (stored), ==, 2);
  stored_client = read_client (f->window, signet_client_get_id (client));
  g_assert_cmpstr (signet_client_get_name (stored_client), ==, "Northwind Traders Ltd");
  g_assert_cmpint (signet_client_get_version (stored_client), ==, 2);

  signet_contract_set_owner (edited, "Li Lei");
  g_assert_false (signet_store_save_contract (f->window, base, edited, &error));
  g_assert_error (error, SIGNET_STORE_ERROR, SIGNET_STORE_ERROR_CONFLICT);
  g_clear_object (&stored);
  stored = read_contract (f->window, id);
  g_assert_cmpstr (signet_contract_get_title (stored), ==, "Freight and customs");
  g_assert_null (signet_contract_get_owner (stored));
}

/* A register of version 5, rows as that version wrote them: opened now,
 * every contract and client is at version 1 with its data intact, and the
 * next write makes it 2. */
static void
test_migration_5_to_6 (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (f->base.dir, "v5.db", NULL);
  g_autoptr(SignetStore) v5 = signet_store_new_at_version (path, 5, &error);
  g_autoptr(SignetStore) v6 = NULL;
  g_autoptr(SignetContract) contract = NULL;
  g_autoptr(SignetClient) client = NULL;

  g_assert_no_error (error);
  g_clear_object (&v5);

  unit_exec_raw (path,
            "INSERT INTO clients (id, name, code, phone) VALUES"
            "  (1, '杭州西湖文化传媒有限公司', 'C001', '0571-8888'), (2, 'Acme', 'C002', NULL);"
            "INSERT INTO contracts (id, number, title, client_id, owner, value, currency, status,"
            "  risk_level, end_date, search_text) VALUES"
            "  (7, 'HT-2026-0007', '广告投放合作协议', 1, '张伟', 880000, 'CNY', 'active', 'high',"
            "   '2027-03-31', 'ht-2026-0007 广告投放合作协议 杭州西湖文化传媒有限公司 '),"
            "  (8, 'HT-2026-0008', 'Support', 2, NULL, 100, 'USD', 'draft', 'low', NULL,"
            "   'ht-2026-0008 support acme ');");

  v6 = signet_store_new (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (unit_query_raw_int (path, "PRAGMA user_version"), ==, signet_store_get_schema_version ());
  g_assert_cmpint (unit_query_raw_int (path, "SELECT count(*) FROM contracts WHERE version = 1"), ==, 2);
  g_assert_cmpint (unit_query_raw_int (path, "SELECT count(*) FROM clients WHERE version = 1"), ==, 2);

  contract = read_contract (v6, 7);
  g_assert_cmpint (signet_contract_get_version (contract), ==, 1);
  g_assert_cmpstr (signet_contract_get_title (contract), ==, "广告投放合作协议");
  g_assert_cmpstr (signet_contract_get_owner (contract), ==, "张伟");
  g_assert_cmpint (signet_contract_get_value (contract), ==, 880000);
  /* Active, as a user sees it before its end; stored as signed since
   * version 9. */
  g_assert_cmpint (signet_contract_get_status (contract), ==, SIGNET_CONTRACT_STATUS_SIGNED);
  g_assert_cmpint (signet_contract_get_shown_status (contract, "2027-03-31"), ==, SIGNET_CONTRACT_STATUS_ACTIVE);
  g_assert_cmpint (signet_contract_get_risk_level (contract), ==, SIGNET_RISK_LEVEL_HIGH);
  g_assert_cmpstr (signet_contract_get_end_date (contract), ==, "2027-03-31");
  client = read_client (v6, 1);
  g_assert_cmpint (signet_client_get_version (client), ==, 1);
  g_assert_cmpstr (signet_client_get_name (client), ==, "杭州西湖文化传媒有限公司");
  g_assert_cmpstr (signet_client_get_phone (client), ==, "0571-8888");

  signet_contract_set_owner (contract, "李娜");
  g_assert_true (signet_store_update_contract (v6, contract, &error));
  g_assert_no_error (error);
  g_assert_cmpint (unit_query_raw_int (path, "SELECT version FROM contracts WHERE id = 7"), ==, 2);
  g_assert_cmpint (unit_query_raw_int (path, "SELECT version FROM contracts WHERE id = 8"), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/versions/contract-conflict", test_contract_conflict);
  ADD ("/versions/contract-both-changed", test_contract_both_changed);
  ADD ("/versions/contract-versions", test_contract_versions);
  ADD ("/versions/client-conflict", test_client_conflict);
  ADD ("/versions/import-bumps-version", test_import_bumps_version);
  ADD ("/versions/migration-5-to-6", test_migration_5_to_6);
#undef ADD

  return g_test_run ();
}
