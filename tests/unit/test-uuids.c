/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <locale.h>
#include <string.h>

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "signet-store.h"
#include "signet-store-events.h"
#include "signet-store-payments.h"
#include "signet-store-private.h"
#include "signet-store-uuids.h"
#include "signet-xml.h"
#include "unit-test-utils.h"

/* Every contract, key date and review has a UUID of its own, which the
 * calendar files name their events by: given when it is added, to the
 * records of an older register by migration 7, and never changed. */

typedef struct
{
  char *dir;
  char *path;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("signet-uuids-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "register.db", NULL);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  unit_remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

/* "table id uuid" lines of every row of the three tables, in id order. */
static GPtrArray *
read_uuids (const char *path)
{
  GPtrArray *lines = g_ptr_array_new_with_free_func (g_free);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db,
                                       "SELECT 'contracts', id, uuid FROM contracts UNION ALL "
                                       "SELECT 'key_dates', id, uuid FROM key_dates UNION ALL "
                                       "SELECT 'reviews', id, uuid FROM reviews ORDER BY 1, 2",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (lines, g_strdup_printf ("%s %lld %s", sqlite3_column_text (stmt, 0),
                                             sqlite3_column_int64 (stmt, 1), sqlite3_column_text (stmt, 2)));
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  return lines;
}

static void
assert_distinct_uuids (GPtrArray *lines)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < lines->len; i++)
    {
      const char *uuid = strrchr (g_ptr_array_index (lines, i), ' ') + 1;

      g_assert_true (signet_uuid_is_valid (uuid));
      g_assert_false (g_hash_table_contains (seen, uuid));
      g_hash_table_add (seen, (gpointer) uuid);
    }
}

static SignetClient *
add_client (SignetStore *store)
{
  return unit_add_client (store, "上海浦江物业管理有限公司", "PJWY");
}

static SignetContract *
add_contract (SignetStore  *store,
              SignetClient *client,
              const char   *number,
              const char   *uuid)
{
  g_autoptr(GError) error = NULL;
  SignetContract *contract = signet_contract_new ();

  signet_contract_set_number (contract, number);
  signet_contract_set_title (contract, "物业服务合同");
  signet_contract_set_client_id (contract, signet_client_get_id (client));
  signet_contract_set_currency (contract, "CNY");
  signet_contract_set_uuid (contract, uuid);
  g_assert_true (signet_store_add_contract (store, contract, &error));
  g_assert_no_error (error);

  return contract;
}

/* A register of version 6 (rows as it wrote them: a deleted contract's key
 * dates and reviews stay, for Undo) gets a distinct UUID for each of its
 * records; opening it again changes none of them. */
static void
test_migration_6_to_7 (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SignetStore) store = signet_store_new_at_version (f->path, 6, &error);
  g_autoptr(GPtrArray) migrated = NULL;
  g_autoptr(GPtrArray) again = NULL;
  g_autoptr(GPtrArray) key_dates = NULL;
  g_autoptr(GPtrArray) payments = NULL;
  g_autoptr(GPtrArray) reviews = NULL;
  g_autoptr(SignetContract) contract = NULL;
  g_autoptr(GHashTable) contract_uuids = NULL;

  g_assert_no_error (error);
  g_clear_object (&store);
  unit_exec_raw (f->path,
            "INSERT INTO clients (id, name, code) VALUES (1, '上海浦江物业管理有限公司', 'PJWY');"
            "INSERT INTO contracts (id, number, title, client_id, currency, status, risk_level, start_date,"
            "  end_date) VALUES"
            "  (1, 'HT-2021-0001', '物业服务合同', 1, 'CNY', 'active', 'high', '2021-09-10', '2027-09-09'),"
            "  (2, 'HT-2022-0002', '保洁服务合同', 1, 'CNY', 'signed', 'low', '2022-01-01', '2026-12-31');"
            "INSERT INTO key_dates (id, contract_id, kind, date, title) VALUES"
            "  (1, 1, 'payment', '2026-03-31', '一季度物业费'), (2, 1, 'payment', '2026-06-30', '二季度物业费'),"
            "  (3, 2, 'milestone', '2026-05-01', '验收'), (4, 3, 'other', '2025-01-01', '已删除合同的日期');"
            "INSERT INTO reviews (id, contract_id, date, reviewer) VALUES"
            "  (1, 1, '2025-09-10', '李娜'), (2, 1, '2026-03-10', '李娜'), (3, 3, '2024-01-01', '王强');");

  store = signet_store_new_at_version (f->path, 7, &error);
  g_assert_no_error (error);
  g_clear_object (&store);

  migrated = read_uuids (f->path);
  g_assert_cmpuint (migrated->len, ==, 2 + 4 + 3);
  assert_distinct_uuids (migrated);

  /* Read through the store, as this Signet opens it. */
  store = signet_store_new (f->path, &error);
  g_assert_no_error (error);
  contract = signet_store_get_contract (store, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (strrchr (g_ptr_array_index (migrated, 0), ' ') + 1, ==, signet_contract_get_uuid (contract));
  contract_uuids = signet_store_list_contract_uuids (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_hash_table_size (contract_uuids), ==, 2);
  g_assert_cmpstr (g_hash_table_lookup (contract_uuids, &(gint64) { 1 }), ==, signet_contract_get_uuid (contract));
  /* Its two payment key dates are planned payments since migration 16,
   * under the UUIDs they were given; the milestone stays a key date. */
  key_dates = signet_store_list_key_dates (store, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (key_dates->len, ==, 0);
  payments = signet_store_list_payments (store, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (payments->len, ==, 2);
  g_assert_cmpstr (((SignetPayment *) g_ptr_array_index (payments, 0))->uuid, ==,
                   strrchr (g_ptr_array_index (migrated, 2), ' ') + 1);
  g_assert_cmpstr (((SignetPayment *) g_ptr_array_index (payments, 1))->uuid, ==,
                   strrchr (g_ptr_array_index (migrated, 3), ' ') + 1);
  g_clear_pointer (&key_dates, g_ptr_array_unref);
  key_dates = signet_store_list_key_dates (store, 2, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (key_dates->len, ==, 1);
  g_assert_cmpstr (((SignetUserKeyDate *) g_ptr_array_index (key_dates, 0))->uuid, ==,
                   strrchr (g_ptr_array_index (migrated, 4), ' ') + 1);
  reviews = signet_store_list_reviews (store, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (reviews->len, ==, 2);
  g_assert_true (signet_uuid_is_valid (((SignetReview *) g_ptr_array_index (reviews, 0))->uuid));
  g_clear_object (&store);

  /* The same again, but for the two payment key dates (the third and
   * fourth UUIDs read), which are planned payments now. */
  again = read_uuids (f->path);
  g_assert_cmpuint (again->len, ==, migrated->len - 2);
  for (guint i = 0, j = 0; i < migrated->len; i++)
    if (i != 2 && i != 3)
      g_assert_cmpstr (g_ptr_array_index (again, j++), ==, g_ptr_array_index (migrated, i));
}

/* Records added now get a UUID each, keep it through every edit, and a
 * record added with one (an import) keeps that one. */
static void
test_new_records (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SignetStore) store = signet_store_new (f->path, &error);
  g_autoptr(SignetClient) client = add_client (store);
  g_autoptr(SignetContract) first = add_contract (store, client, "HT-2026-0001", NULL);
  g_autoptr(SignetContract) second = add_contract (store, client, "HT-2026-0002", NULL);
  g_autoptr(SignetContract) imported = add_contract (store, client, "HT-2026-0003",
                                                     "0f8e7c1a-3b2d-4c5e-9f60-718293a4b5c6");
  g_autoptr(SignetContract) read = NULL;
  g_autoptr(SignetUserKeyDate) key_date = NULL;
  g_autoptr(SignetUserKeyDate) kept = NULL;
  g_autoptr(GPtrArray) key_dates = NULL;
  g_autoptr(GPtrArray) lines = NULL;
  g_autofree char *first_uuid = NULL;

  g_assert_no_error (error);
  g_assert_true (signet_uuid_is_valid (signet_contract_get_uuid (first)));
  g_assert_cmpstr (signet_contract_get_uuid (first), !=, signet_contract_get_uuid (second));
  g_assert_cmpstr (signet_contract_get_uuid (imported), ==, "0f8e7c1a-3b2d-4c5e-9f60-718293a4b5c6");
  first_uuid = g_strdup (signet_contract_get_uuid (first));

  signet_contract_set_title (first, "物业服务合同（续签）");
  g_assert_true (signet_store_update_contract (store, first, &error));
  g_assert_no_error (error);
  read = signet_store_get_contract (store, signet_contract_get_id (first), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (signet_contract_get_uuid (read), ==, first_uuid);

  key_date = signet_user_key_date_new (signet_contract_get_id (first), SIGNET_KEY_DATE_PAYMENT,
                                       "2026-03-31", "一季度物业费", NULL);
  g_assert_true (signet_store_add_key_date (store, key_date, &error));
  g_assert_no_error (error);
  g_assert_true (signet_uuid_is_valid (key_date->uuid));
  g_free (key_date->date);
  key_date->date = g_strdup ("2026-04-15");
  g_assert_true (signet_store_update_key_date (store, key_date, &error));
  g_assert_no_error (error);

  kept = signet_user_key_date_new (signet_contract_get_id (first), SIGNET_KEY_DATE_MILESTONE,
                                   "2026-05-01", "验收", NULL);
  kept->uuid = g_strdup ("a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d");
  g_assert_true (signet_store_add_key_date (store, kept, &error));
  g_assert_no_error (error);

  key_dates = signet_store_list_key_dates (store, signet_contract_get_id (first), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (key_dates->len, ==, 2);
  g_assert_cmpstr (((SignetUserKeyDate *) g_ptr_array_index (key_dates, 0))->uuid, ==, key_date->uuid);
  g_assert_cmpstr (((SignetUserKeyDate *) g_ptr_array_index (key_dates, 1))->uuid, ==,
                   "a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d");

  signet_store_set_today (store, "2026-12-07");
  g_assert_true (signet_store_record_review (store, signet_contract_get_id (first), "2026-12-01", "李娜",
                                             NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (signet_store_record_review (store, signet_contract_get_id (first), "2026-12-07", "李娜",
                                             NULL, NULL, &error));
  g_assert_no_error (error);
  g_clear_object (&store);

  lines = read_uuids (f->path);
  g_assert_cmpuint (lines->len, ==, 3 + 2 + 2);
  assert_distinct_uuids (lines);
}

static char *
export_xml (SignetStore *store)
{
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;

  g_assert_true (signet_xml_export_to_stream (store, out, NULL, SIGNET_EXPORT_FLAGS_NONE, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_output_stream_write_all (out, "", 1, NULL, NULL, NULL));
  g_assert_true (g_output_stream_close (out, NULL, NULL));

  return g_memory_output_stream_steal_data (G_MEMORY_OUTPUT_STREAM (out));
}

static gboolean
import_xml (SignetStore  *store,
            const char   *dir,
            const char   *text,
            GError      **error)
{
  g_autofree char *path = g_build_filename (dir, "import.xml", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(SignetImportReport) report = NULL;
  SignetImportOptions options = { SIGNET_CONFLICT_FAIL, FALSE };

  g_assert_true (g_file_set_contents (path, text, -1, NULL));

  return signet_xml_import (store, file, &options, &report, NULL, NULL, NULL, error);
}

static char *
replace (const char *text,
         const char *old,
         const char *new)
{
  g_auto(GStrv) parts = g_strsplit (text, old, -1);

  g_assert_cmpuint (g_strv_length (parts), >, 1);

  return g_strjoinv (new, parts);
}

/* The UUIDs travel in the XML: a register made from another's export
 * names its records as that one did, so their calendar events keep their
 * UIDs. A file imported into a register that has its UUIDs for other
 * records (here the same contract under a new number) gets new ones: no
 * two records share one. A file from before UUIDs imports, and its records
 * get new ones; a contract the import finds by its number keeps its own;
 * a malformed UUID is refused, with nothing stored. */
static void
test_xml (Fixture       *f,
          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SignetStore) store = signet_store_new (f->path, &error);
  g_autofree char *other_path = g_build_filename (f->dir, "other.db", NULL);
  g_autofree char *old_path = g_build_filename (f->dir, "old.db", NULL);
  g_autofree char *malformed_path = g_build_filename (f->dir, "malformed.db", NULL);
  g_autoptr(SignetStore) malformed_store = NULL;
  g_autoptr(SignetStore) other = signet_store_new (other_path, &error);
  g_autoptr(SignetStore) old = signet_store_new (old_path, &error);
  g_autoptr(SignetClient) client = add_client (store);
  g_autoptr(SignetContract) contract = add_contract (store, client, "HT-2026-0001", NULL);
  g_autoptr(SignetContract) copied = NULL;
  g_autoptr(SignetContract) renumbered = NULL;
  g_autoptr(SignetContract) from_old = NULL;
  g_autoptr(SignetContract) found = NULL;
  g_autoptr(SignetUserKeyDate) key_date = NULL;
  g_autoptr(GPtrArray) key_dates = NULL;
  g_autoptr(GPtrArray) lines = NULL;
  g_autoptr(GRegex) uuids = g_regex_new (" uuid=\"[^\"]*\"", 0, 0, NULL);
  g_autofree char *xml = NULL;
  g_autofree char *again = NULL;
  g_autofree char *new_number = NULL;
  g_autofree char *without = NULL;
  g_autofree char *malformed = NULL;

  g_assert_no_error (error);
  /* A milestone: a payment key date travels as a planned payment. */
  key_date = signet_user_key_date_new (signet_contract_get_id (contract), SIGNET_KEY_DATE_MILESTONE,
                                       "2026-03-31", "一季度物业费", NULL);
  g_assert_true (signet_store_add_key_date (store, key_date, &error));
  g_assert_no_error (error);

  xml = export_xml (store);
  g_assert_nonnull (strstr (xml, signet_contract_get_uuid (contract)));
  g_assert_nonnull (strstr (xml, key_date->uuid));

  g_assert_true (import_xml (other, f->dir, xml, &error));
  g_assert_no_error (error);
  copied = signet_store_find_contract_by_number (other, "HT-2026-0001", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (signet_contract_get_uuid (copied), ==, signet_contract_get_uuid (contract));
  key_dates = signet_store_list_key_dates (other, signet_contract_get_id (copied), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (key_dates->len, ==, 1);
  g_assert_cmpstr (((SignetUserKeyDate *) g_ptr_array_index (key_dates, 0))->uuid, ==, key_date->uuid);
  again = export_xml (other);
  g_assert_cmpstr (again, ==, xml);

  new_number = replace (xml, "HT-2026-0001", "HT-2026-0099");
  g_assert_true (import_xml (store, f->dir, new_number, &error));
  g_assert_no_error (error);
  renumbered = signet_store_find_contract_by_number (store, "HT-2026-0099", &error);
  g_assert_no_error (error);
  g_assert_true (signet_uuid_is_valid (signet_contract_get_uuid (renumbered)));
  g_assert_cmpstr (signet_contract_get_uuid (renumbered), !=, signet_contract_get_uuid (contract));
  g_clear_object (&store);
  lines = read_uuids (f->path);
  g_assert_cmpuint (lines->len, ==, 2 + 2);
  assert_distinct_uuids (lines);

  without = g_regex_replace_literal (uuids, xml, -1, 0, "", 0, NULL);
  g_assert_null (strstr (without, "uuid"));
  g_assert_true (import_xml (old, f->dir, without, &error));
  g_assert_no_error (error);
  from_old = signet_store_find_contract_by_number (old, "HT-2026-0001", &error);
  g_assert_no_error (error);
  g_assert_true (signet_uuid_is_valid (signet_contract_get_uuid (from_old)));
  g_assert_cmpstr (signet_contract_get_uuid (from_old), !=, signet_contract_get_uuid (contract));

  /* The contract found by its number, with the same details under another
   * UUID, is unchanged: it keeps its own. */
  g_assert_true (import_xml (old, f->dir, xml, &error));
  g_assert_no_error (error);
  found = signet_store_find_contract_by_number (old, "HT-2026-0001", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (signet_contract_get_uuid (found), ==, signet_contract_get_uuid (from_old));
  g_assert_cmpuint (signet_store_count_contracts (old), ==, 1);

  malformed = replace (new_number, signet_contract_get_uuid (contract), "0F8E7C1A-3B2D-4C5E-9F60-718293A4B5C6");
  malformed_store = signet_store_new (malformed_path, &error);
  g_assert_no_error (error);
  g_assert_false (import_xml (malformed_store, f->dir, malformed, &error));
  g_assert_error (error, SIGNET_XML_ERROR, SIGNET_XML_ERROR_INVALID);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "0F8E7C1A-3B2D-4C5E-9F60-718293A4B5C6"));
  g_assert_cmpuint (signet_store_count_contracts (malformed_store), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/uuids/migration-6-to-7", Fixture, NULL, fixture_set_up, test_migration_6_to_7, fixture_tear_down);
  g_test_add ("/uuids/new-records", Fixture, NULL, fixture_set_up, test_new_records, fixture_tear_down);
  g_test_add ("/uuids/xml", Fixture, NULL, fixture_set_up, test_xml, fixture_tear_down);

  return g_test_run ();
}
