/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <locale.h>

#include <sqlite3.h>

#include "signet-store.h"
#include "signet-store-people.h"
#include "signet-store-private.h"
#include "signet-tombstone.h"
#include "store-fixture.h"
#include "unit-test-utils.h"

/* The people directory: a person's fields checked, owners that are
 * people, a rename that every contract and search follows, delete and
 * Undo, and migration 10 on a register of the version before. */

/* The version before migration 10: the register the migration meets. */
#define VERSION_BEFORE_PEOPLE 9

typedef StoreFixture Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  store_fixture_open_empty (f, "signet.db");
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  store_fixture_close (f);
}

static SignetPerson *
new_person (const char *name,
            const char *department,
            const char *email)
{
  SignetPerson *person = signet_person_new ();

  signet_person_set_name (person, name);
  signet_person_set_department (person, department);
  signet_person_set_email (person, email);

  return person;
}

static SignetPerson *
add_person (SignetStore *store,
            const char  *name)
{
  g_autoptr(GError) error = NULL;
  SignetPerson *person = new_person (name, NULL, NULL);

  g_assert_true (signet_store_add_person (store, person, &error));
  g_assert_no_error (error);

  return person;
}

static SignetContract *
add_owned_contract (SignetStore  *store,
                    SignetClient *client,
                    const char   *number,
                    const char   *owner)
{
  g_autoptr(GError) error = NULL;
  SignetContract *contract = signet_contract_new ();

  signet_contract_set_number (contract, number);
  signet_contract_set_title (contract, "仓储合同");
  signet_contract_set_client_id (contract, signet_client_get_id (client));
  signet_contract_set_currency (contract, "CNY");
  signet_contract_set_owner (contract, owner);
  signet_contract_set_department (contract, "采购部");
  signet_store_add_contract (store, contract, &error);
  g_assert_no_error (error);

  return contract;
}

/* The people's names in the directory's order, joined by "|". */
static char *
people_names (SignetStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) people = signet_store_list_people (store, &error);
  g_autoptr(GString) names = g_string_new (NULL);

  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (people); i++)
    {
      g_autoptr(SignetPerson) person = g_list_model_get_item (people, i);

      g_string_append_printf (names, "%s%s", i > 0 ? "|" : "", signet_person_get_name (person));
    }

  return g_string_free (g_steal_pointer (&names), FALSE);
}

/* The numbers of the contracts @query finds, joined by spaces. */
static char *
search_numbers (SignetStore *store,
                const char  *query)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = signet_store_query_contract_ids (store, query, SIGNET_SORT_NUMBER, FALSE, &error);
  g_autoptr(GString) numbers = g_string_new (NULL);

  g_assert_no_error (error);
  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(SignetContract) contract = signet_store_get_contract (store, g_array_index (ids, gint64, i), &error);

      g_assert_no_error (error);
      g_string_append_printf (numbers, "%s%s", i > 0 ? " " : "", signet_contract_get_number (contract));
    }

  return g_string_free (g_steal_pointer (&numbers), FALSE);
}

#define assert_finds(store, query, expected) \
  G_STMT_START { \
    g_autofree char *found_ = search_numbers ((store), (query)); \
    if (g_strcmp0 (found_, (expected)) != 0) \
      g_error ("search “%s” found “%s”, expected “%s”", (query), found_, (expected)); \
  } G_STMT_END

/* A name is needed, an email must look like one, and a name that differs
 * from another's only in spaces is refused, naming the person there. */
static void
test_validation (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(SignetPerson) zhang = add_person (f->store, " 张伟 ");
  g_autoptr(SignetPerson) nameless = new_person ("  ", "法务部", NULL);
  g_autoptr(SignetPerson) bad_email = new_person ("李娜", NULL, "lina.example.com");
  g_autoptr(SignetPerson) spaced = new_person ("张 伟", NULL, NULL);
  g_autoptr(SignetPerson) full_width = new_person ("张\u3000伟", NULL, NULL);
  g_autoptr(SignetPerson) good = new_person ("Li Na", "Legal", "li.na@example.com");
  g_autoptr(GError) error = NULL;
  g_autofree char *names = NULL;

  /* Stored without the spaces around it. */
  g_assert_cmpstr (signet_person_get_name (zhang), ==, "张伟");
  g_assert_cmpint (signet_person_get_version (zhang), ==, 1);

  g_assert_false (signet_store_add_person (f->store, nameless, &error));
  g_assert_error (error, SIGNET_FIELD_ERROR, SIGNET_FIELD_PERSON_NAME);
  g_assert_cmpstr (error->message, ==, "Enter the person’s name.");
  g_clear_error (&error);

  g_assert_false (signet_store_add_person (f->store, bad_email, &error));
  g_assert_error (error, SIGNET_FIELD_ERROR, SIGNET_FIELD_PERSON_EMAIL);
  g_assert_cmpstr (error->message, ==, "“lina.example.com” is not an email address.");
  g_clear_error (&error);

  g_assert_false (signet_store_add_person (f->store, spaced, &error));
  g_assert_error (error, SIGNET_FIELD_ERROR, SIGNET_FIELD_PERSON_NAME);
  g_assert_cmpstr (error->message, ==,
                   "“张伟” is already in the people directory. Names that differ only in spaces are the same person.");
  g_clear_error (&error);

  g_assert_false (signet_store_add_person (f->store, full_width, &error));
  g_assert_error (error, SIGNET_FIELD_ERROR, SIGNET_FIELD_PERSON_NAME);
  g_clear_error (&error);

  g_assert_true (signet_store_add_person (f->store, good, &error));
  g_assert_no_error (error);

  /* Renaming oneself to one's own name with other spaces is no duplicate. */
  signet_person_set_name (zhang, "张伟 ");
  g_assert_true (signet_store_update_person (f->store, zhang, &error));
  g_assert_no_error (error);

  names = people_names (f->store);
  g_assert_cmpstr (names, ==, "Li Na|张伟");
}

/* An owner is a person: an owner already in the directory is found
 * whatever its spaces, and contract and directory then name it alike; a
 * new one is added to the directory, with an audit entry of its own. */
static void
test_owner_is_person (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(SignetClient) client = unit_add_client (f->store, "华东物流", "HDWL");
  g_autoptr(SignetPerson) li = add_person (f->store, "Li Na");
  g_autoptr(SignetContract) first = add_owned_contract (f->store, client, "HT-1", "Li  Na");
  g_autoptr(SignetContract) second = add_owned_contract (f->store, client, "HT-2", "王芳");
  g_autoptr(SignetContract) third = add_owned_contract (f->store, client, "HT-3", NULL);
  g_autoptr(SignetContract) stored = NULL;
  g_autoptr(SignetPerson) wang = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *names = NULL;

  g_assert_cmpstr (signet_contract_get_owner (first), ==, "Li Na");
  stored = signet_store_get_contract (f->store, signet_contract_get_id (first), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (signet_contract_get_owner (stored), ==, "Li Na");
  g_assert_cmpuint (signet_store_count_person_contracts (f->store, signet_person_get_id (li)), ==, 1);

  names = people_names (f->store);
  g_assert_cmpstr (names, ==, "Li Na|王芳");
  wang = signet_store_find_person (f->store, " 王 芳", &error);
  g_assert_no_error (error);
  g_assert_nonnull (wang);
  g_assert_cmpstr (signet_person_get_department (wang), ==, "采购部");
  g_assert_cmpuint (signet_store_count_person_contracts (f->store, signet_person_get_id (wang)), ==, 1);

  entries = signet_store_list_audit (f->store, SIGNET_RECORD_PERSON, signet_person_get_id (wang), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (entries->len, ==, 1);
  g_assert_cmpint (((SignetAuditEntry *) g_ptr_array_index (entries, 0))->action, ==, SIGNET_AUDIT_ACTION_ADD_PERSON);

  /* A new owner moves the reference; no owner is none. */
  signet_contract_set_owner (third, "王芳");
  g_assert_true (signet_store_update_contract (f->store, third, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (signet_store_count_person_contracts (f->store, signet_person_get_id (wang)), ==, 2);
  signet_contract_set_owner (second, "");
  g_assert_true (signet_store_update_contract (f->store, second, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (signet_store_count_person_contracts (f->store, signet_person_get_id (wang)), ==, 1);
  g_assert_cmpint (unit_query_raw_int (f->path, "SELECT count(*) FROM contracts WHERE owner_id IS NULL"), ==, 1);
}

static void
changed_cb (SignetStore      *store,
            SignetRecordKind  kind,
            gint64            id,
            SignetChangeKind  change,
            GString          *log)
{
  g_string_append_printf (log, "%s%d:%" G_GINT64_FORMAT, log->len > 0 ? " " : "", kind, id);
}

/* A person renamed is the owner's new name in every contract the person
 * owns, for search (pinyin too) as for the form, and each of them is
 * announced changed; their version and History stay as they were. */
static void
test_rename (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(SignetClient) client = unit_add_client (f->store, "华东物流", "HDWL");
  g_autoptr(SignetContract) first = add_owned_contract (f->store, client, "HT-1", "李娜");
  g_autoptr(SignetContract) other = add_owned_contract (f->store, client, "HT-2", "张伟");
  g_autoptr(SignetContract) second = add_owned_contract (f->store, client, "HT-3", "李娜");
  g_autoptr(SignetPerson) li = signet_store_find_person (f->store, "李娜", NULL);
  g_autoptr(SignetContract) stored = NULL;
  g_autoptr(SignetContract) edited = NULL;
  g_autoptr(GPtrArray) history = NULL;
  g_autoptr(GString) fields = g_string_new (NULL);
  g_autoptr(GString) people = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = NULL;

  assert_finds (f->store, "李娜", "HT-1 HT-3");
  assert_finds (f->store, "lina", "HT-1 HT-3");

  g_signal_connect (f->store, "changed::fields", G_CALLBACK (changed_cb), fields);
  g_signal_connect (f->store, "changed::people", G_CALLBACK (changed_cb), people);

  signet_person_set_name (li, "王芳");
  signet_person_set_role (li, "法务");
  g_assert_true (signet_store_update_person (f->store, li, &error));
  g_assert_no_error (error);
  g_assert_cmpint (signet_person_get_version (li), ==, 2);

  expected = g_strdup_printf ("1:%" G_GINT64_FORMAT " 1:%" G_GINT64_FORMAT,
                              signet_contract_get_id (first), signet_contract_get_id (second));
  g_assert_cmpstr (fields->str, ==, expected);
  g_free (expected);
  expected = g_strdup_printf ("2:%" G_GINT64_FORMAT, signet_person_get_id (li));
  g_assert_cmpstr (people->str, ==, expected);

  assert_finds (f->store, "李娜", "");
  assert_finds (f->store, "lina", "");
  assert_finds (f->store, "王芳", "HT-1 HT-3");
  assert_finds (f->store, "wangfang", "HT-1 HT-3");
  assert_finds (f->store, "zhangwei", "HT-2");

  stored = signet_store_get_contract (f->store, signet_contract_get_id (first), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (signet_contract_get_owner (stored), ==, "王芳");
  g_assert_cmpint (signet_contract_get_version (stored), ==, 1);
  history = signet_store_list_audit (f->store, SIGNET_RECORD_CONTRACT, signet_contract_get_id (first), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (history->len, ==, 1);

  /* A form loaded before the rename saves what it edited; the owner,
   * which it did not edit, stays the person's new name. */
  edited = signet_contract_copy (first);
  signet_contract_set_notes (edited, "续约");
  g_assert_true (signet_store_save_contract (f->store, first, edited, &error));
  g_assert_no_error (error);
  g_clear_object (&stored);
  stored = signet_store_get_contract (f->store, signet_contract_get_id (first), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (signet_contract_get_owner (stored), ==, "王芳");
  g_assert_cmpstr (signet_contract_get_notes (stored), ==, "续约");
  g_assert_cmpuint (signet_store_count_person_contracts (f->store, signet_person_get_id (li)), ==, 2);

  /* A save from a form loaded before someone else's change is refused. */
  signet_person_set_version (li, 1);
  signet_person_set_name (li, "李娜");
  g_assert_false (signet_store_update_person (f->store, li, &error));
  g_assert_error (error, SIGNET_STORE_ERROR, SIGNET_STORE_ERROR_CONFLICT);
}

/* A person who owns contracts stays; one who owns none is deleted and
 * Undo brings the person back, unless the name has been taken since. */
static void
test_delete_undo (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(SignetClient) client = unit_add_client (f->store, "华东物流", "HDWL");
  g_autoptr(SignetContract) contract = add_owned_contract (f->store, client, "HT-1", "李娜");
  g_autoptr(SignetPerson) li = signet_store_find_person (f->store, "李娜", NULL);
  g_autoptr(SignetPerson) zhang = add_person (f->store, "张伟");
  g_autoptr(SignetPerson) restored = NULL;
  g_autoptr(SignetTombstone) tombstone = NULL;
  g_autoptr(SignetTombstone) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *names = NULL;

  tombstone = signet_store_delete (f->store, SIGNET_TOMBSTONE_PERSON, signet_person_get_id (li), &error);
  g_assert_null (tombstone);
  g_assert_error (error, SIGNET_STORE_ERROR, SIGNET_STORE_ERROR_IN_USE);
  g_assert_cmpstr (error->message, ==, "“李娜” owns 1 contract. Give it another owner before deleting this person.");
  g_clear_error (&error);

  signet_person_set_email (zhang, "zhang.wei@example.com");
  g_assert_true (signet_store_update_person (f->store, zhang, &error));
  g_assert_no_error (error);
  tombstone = signet_store_delete (f->store, SIGNET_TOMBSTONE_PERSON, signet_person_get_id (zhang), &error);
  g_assert_no_error (error);
  g_assert_nonnull (tombstone);
  names = people_names (f->store);
  g_assert_cmpstr (names, ==, "李娜");

  g_assert_true (signet_store_restore (f->store, tombstone, &error));
  g_assert_no_error (error);
  restored = signet_store_get_person (f->store, signet_person_get_id (zhang), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (signet_person_get_name (restored), ==, "张伟");
  g_assert_cmpstr (signet_person_get_email (restored), ==, "zhang.wei@example.com");
  g_assert_cmpint (signet_person_get_version (restored), ==, 2);

  /* Deleted again, and someone of the same name added meanwhile. */
  again = signet_store_delete (f->store, SIGNET_TOMBSTONE_PERSON, signet_person_get_id (zhang), &error);
  g_assert_no_error (error);
  g_clear_object (&zhang);
  zhang = add_person (f->store, "张 伟");
  g_assert_false (signet_store_restore (f->store, again, &error));
  g_assert_error (error, SIGNET_STORE_ERROR, SIGNET_STORE_ERROR_CONFLICT);
  g_assert_cmpstr (error->message, ==,
                   "“张伟” cannot be restored: another person of that name has been added since.");
}

/* A contract put back by Undo after its owner was deleted points at its
 * owner again, who is back in the directory. */
static void
test_contract_undo (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(SignetClient) client = unit_add_client (f->store, "华东物流", "HDWL");
  g_autoptr(SignetContract) contract = add_owned_contract (f->store, client, "HT-1", "李娜");
  g_autoptr(SignetPerson) li = signet_store_find_person (f->store, "李娜", NULL);
  g_autoptr(SignetPerson) back = NULL;
  g_autoptr(SignetTombstone) contract_gone = NULL;
  g_autoptr(SignetTombstone) person_gone = NULL;
  g_autoptr(GError) error = NULL;

  contract_gone = signet_store_delete (f->store, SIGNET_TOMBSTONE_CONTRACT, signet_contract_get_id (contract), &error);
  g_assert_no_error (error);
  person_gone = signet_store_delete (f->store, SIGNET_TOMBSTONE_PERSON, signet_person_get_id (li), &error);
  g_assert_no_error (error);

  g_assert_true (signet_store_restore (f->store, contract_gone, &error));
  g_assert_no_error (error);
  back = signet_store_find_person (f->store, "李娜", &error);
  g_assert_no_error (error);
  g_assert_nonnull (back);
  g_assert_cmpuint (signet_store_count_person_contracts (f->store, signet_person_get_id (back)), ==, 1);
  assert_finds (f->store, "lina", "HT-1");
}

/* Migration 10 on a register of the version before: every owner is a
 * person once ("张伟" and " 张伟 " are one), with the department all the
 * person's contracts agree on, and search still finds the owners. */
static void
test_migration (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (f->dir, "old.db", NULL);
  g_autoptr(SignetStore) old = signet_store_new_at_version (path, VERSION_BEFORE_PEOPLE, &error);
  g_autoptr(SignetStore) now = NULL;
  g_autoptr(SignetPerson) zhang = NULL;
  g_autoptr(SignetPerson) li = NULL;
  g_autoptr(SignetContract) second = NULL;
  g_autofree char *names = NULL;
  g_autofree char *location = NULL;

  g_assert_no_error (error);
  g_clear_object (&old);

  unit_exec_raw (path,
                 "INSERT INTO clients (id, name, code) VALUES (1, '天津滨海港口服务有限公司', 'TJBH');"
                 "INSERT INTO contracts (id, number, title, client_id, owner, department,"
                 "  value, currency, status, risk_level, uuid) VALUES"
                 "  (1, 'HT-2026-0001', '天津仓储合同', 1, '张伟', '法务部', 100, 'CNY', 'draft', 'low',"
                 "   'a0000000-0000-4000-8000-000000000001'),"
                 "  (2, 'HT-2026-0002', '上海办公场地租赁合同', 1, ' 张伟 ', '法务部 ', 100, 'CNY', 'draft', 'low',"
                 "   'a0000000-0000-4000-8000-000000000002'),"
                 "  (3, 'HT-2026-0003', '重庆汽配采购协议', 1, 'Li Na', '采购部', 100, 'CNY', 'draft', 'low',"
                 "   'a0000000-0000-4000-8000-000000000003'),"
                 "  (4, 'HT-2026-0004', '北京云服务订阅协议', 1, 'Li Na', '行政部', 100, 'CNY', 'draft', 'low',"
                 "   'a0000000-0000-4000-8000-000000000004'),"
                 "  (5, 'HT-2026-0005', '无主合同', 1, NULL, '行政部', 100, 'CNY', 'draft', 'low',"
                 "   'a0000000-0000-4000-8000-000000000005');");

  now = signet_store_new (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (unit_query_raw_int (path, "PRAGMA user_version"), >=, 10);

  names = people_names (now);
  g_assert_cmpstr (names, ==, "Li Na|张伟");

  zhang = signet_store_find_person (now, "张伟", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (signet_person_get_department (zhang), ==, "法务部");
  g_assert_cmpuint (signet_store_count_person_contracts (now, signet_person_get_id (zhang)), ==, 2);
  li = signet_store_find_person (now, "Li Na", &error);
  g_assert_no_error (error);
  g_assert_null (signet_person_get_department (li));
  g_assert_cmpuint (signet_store_count_person_contracts (now, signet_person_get_id (li)), ==, 2);

  second = signet_store_get_contract (now, 2, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (signet_contract_get_owner (second), ==, "张伟");

  assert_finds (now, "张伟", "HT-2026-0001 HT-2026-0002");
  assert_finds (now, "zhangwei", "HT-2026-0001 HT-2026-0002");
  assert_finds (now, "li na", "HT-2026-0003 HT-2026-0004");
  location = signet_store_describe_match (now, 2, "zhangwei");
  g_assert_cmpstr (location, ==, "Owner: 张伟");
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/people/validation", test_validation);
  ADD ("/people/owner-is-person", test_owner_is_person);
  ADD ("/people/rename", test_rename);
  ADD ("/people/delete-undo", test_delete_undo);
  ADD ("/people/contract-undo", test_contract_undo);
  ADD ("/people/migration-10", test_migration);
#undef ADD

  return g_test_run ();
}
