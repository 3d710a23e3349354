/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <locale.h>
#include <string.h>
#include <sys/stat.h>

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "signet-store.h"
#include "signet-store-events.h"
#include "signet-store-private.h"
#include "signet-tombstone.h"
#include "store-fixture.h"
#include "unit-test-utils.h"

typedef StoreFixture Fixture;

/* The register in a folder the store makes (test_file_permissions). */
static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  store_fixture_open_empty (f, "sub/signet.db");
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  store_fixture_close (f);
}

static SignetContract *
make_contract (SignetClient *client,
               const char   *number,
               const char   *title)
{
  SignetContract *contract = signet_contract_new ();

  signet_contract_set_number (contract, number);
  signet_contract_set_title (contract, title);
  signet_contract_set_client_id (contract, signet_client_get_id (client));
  signet_contract_set_value (contract, 1234567);
  signet_contract_set_currency (contract, "CNY");
  signet_contract_set_start_date (contract, "2026-01-01");
  signet_contract_set_end_date (contract, "2026-12-31");

  return contract;
}

static SignetContract *
add_contract (SignetStore  *store,
              SignetClient *client,
              const char   *number,
              const char   *title)
{
  g_autoptr(GError) error = NULL;
  SignetContract *contract = make_contract (client, number, title);

  g_assert_true (signet_store_add_contract (store, contract, &error));
  g_assert_no_error (error);

  return contract;
}

static char *
checksum_file (const char *path)
{
  g_autofree char *contents = NULL;
  gsize len;

  g_assert_true (g_file_get_contents (path, &contents, &len, NULL));

  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, len);
}

static guint
count_audit (SignetStore *store)
{
  g_autoptr(GPtrArray) a = signet_store_list_audit (store, SIGNET_RECORD_CONTRACT, 0, NULL);
  g_autoptr(GPtrArray) b = signet_store_list_audit (store, SIGNET_RECORD_CLIENT, 0, NULL);

  return a->len + b->len;
}

static void
test_file_permissions (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *dir = g_path_get_dirname (f->path);
  GStatBuf st;

  if (store_fixture_on_server ())
    {
      g_test_skip ("A register in a file only: it checks the file's and its folder's modes");
      return;
    }

  g_assert_cmpint (g_stat (dir, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0700);
  g_assert_cmpint (g_stat (f->path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_cmpint (signet_store_get_schema_version (), >=, 2);
}

static void
test_contract_crud (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SignetClient) client = unit_add_client (f->store, "上海华东建设工程有限公司", "C001");
  g_autoptr(SignetContract) contract = make_contract (client, "HT-2026-0001", "办公场地租赁合同");
  g_autoptr(SignetContract) loaded = NULL;
  g_autoptr(SignetContract) reloaded = NULL;
  g_autoptr(SignetStore) reopened = NULL;
  g_autoptr(SignetTombstone) tombstone = NULL;

  signet_contract_set_contract_type (contract, "租赁");
  signet_contract_set_owner (contract, "张伟");
  signet_contract_set_department (contract, "行政部");
  signet_contract_set_signing_date (contract, "2025-12-20");
  signet_contract_set_auto_renew (contract, TRUE);
  signet_contract_set_notice_days (contract, 30);
  signet_contract_set_status (contract, SIGNET_CONTRACT_STATUS_ACTIVE);
  signet_contract_set_risk_level (contract, SIGNET_RISK_LEVEL_HIGH);
  signet_contract_set_tags (contract, "租赁, 年度");
  signet_contract_set_notes (contract, "押金三个月");

  g_assert_true (signet_store_add_contract (f->store, contract, &error));
  g_assert_no_error (error);
  g_assert_cmpint (signet_contract_get_id (contract), >, 0);

  loaded = signet_store_get_contract (f->store, signet_contract_get_id (contract), &error);
  g_assert_no_error (error);
  signet_contract_set_client_name (contract, "上海华东建设工程有限公司");
  g_assert_true (signet_contract_equal (contract, loaded));

  signet_contract_set_title (loaded, "办公场地租赁合同（续）");
  signet_contract_set_value (loaded, 99);
  g_assert_true (signet_store_update_contract (f->store, loaded, &error));
  g_assert_no_error (error);

  g_clear_object (&f->store);
  reopened = signet_store_new (f->path, &error);
  g_assert_no_error (error);
  reloaded = signet_store_get_contract (reopened, signet_contract_get_id (contract), &error);
  g_assert_no_error (error);
  g_assert_true (signet_contract_equal (loaded, reloaded));

  tombstone = signet_store_delete (reopened, SIGNET_TOMBSTONE_CONTRACT, signet_contract_get_id (contract), &error);
  g_assert_no_error (error);
  g_assert_nonnull (tombstone);
  g_assert_cmpuint (signet_store_count_contracts (reopened), ==, 0);
  g_assert_null (signet_store_get_contract (reopened, signet_contract_get_id (contract), &error));
  g_assert_error (error, SIGNET_STORE_ERROR, SIGNET_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Undo puts it back with the same id and content. */
  g_assert_true (signet_store_restore (reopened, tombstone, &error));
  g_assert_no_error (error);
  g_clear_object (&loaded);
  loaded = signet_store_get_contract (reopened, signet_contract_get_id (reloaded), &error);
  g_assert_no_error (error);
  g_assert_true (signet_contract_equal (loaded, reloaded));
}

typedef struct
{
  const char  *what;
  void       (*mutate) (SignetContract *contract);
  SignetField  field;
  const char  *message;
} BadContract;

static void no_title (SignetContract *c) { signet_contract_set_title (c, "   "); }
static void no_number (SignetContract *c) { signet_contract_set_number (c, ""); }
static void no_client (SignetContract *c) { signet_contract_set_client_id (c, 0); }
static void gone_client (SignetContract *c) { signet_contract_set_client_id (c, 9999); }
static void end_before_start (SignetContract *c) { signet_contract_set_end_date (c, "2025-06-30"); }
static void bad_date (SignetContract *c) { signet_contract_set_start_date (c, "2026-02-30"); }
static void bad_currency (SignetContract *c) { signet_contract_set_currency (c, "RMB"); }
static void negative_value (SignetContract *c) { signet_contract_set_value (c, -1); }
static void duplicate_number (SignetContract *c) { signet_contract_set_number (c, "HT-2026-0001"); }
static void spaced_duplicate_number (SignetContract *c) { signet_contract_set_number (c, " HT-2026-0001  "); }
static void
long_title (SignetContract *c)
{
  g_autofree char *title = g_strnfill (1001, 'T');

  signet_contract_set_title (c, title);
}

static void
long_number (SignetContract *c)
{
  g_autoptr(GString) number = g_string_new (NULL);

  /* 256 characters of three bytes each. */
  for (guint i = 0; i < 256; i++)
    g_string_append (number, "合");
  signet_contract_set_number (c, number->str);
}

static void
test_contract_constraints (Fixture       *f,
                           gconstpointer  data)
{
  const BadContract cases[] = {
    { "no title", no_title, SIGNET_FIELD_CONTRACT_TITLE, "Enter a title for the contract." },
    { "no number", no_number, SIGNET_FIELD_CONTRACT_NUMBER, "Enter a contract number." },
    { "no client", no_client, SIGNET_FIELD_CONTRACT_CLIENT, "Choose the client this contract is with." },
    { "deleted client", gone_client, SIGNET_FIELD_CONTRACT_CLIENT,
      "The chosen client no longer exists. Choose another client." },
    { "end before start", end_before_start, SIGNET_FIELD_CONTRACT_END_DATE,
      "The end date 2025-06-30 is before the start date 2026-01-01." },
    { "impossible date", bad_date, SIGNET_FIELD_CONTRACT_START_DATE,
      "Start Date: “2026-02-30” is not a date. Use the form YYYY-MM-DD, for example 2027-03-31." },
    { "unknown currency", bad_currency, SIGNET_FIELD_CONTRACT_CURRENCY,
      "“RMB” is not an ISO 4217 currency code." },
    { "negative value", negative_value, SIGNET_FIELD_CONTRACT_VALUE, "The value cannot be negative." },
    { "duplicate number", duplicate_number, SIGNET_FIELD_CONTRACT_NUMBER,
      "The number HT-2026-0001 is already used by the contract “First”." },
    /* Spaces around a number are not kept, so they make no other number. */
    { "duplicate number with spaces", spaced_duplicate_number, SIGNET_FIELD_CONTRACT_NUMBER,
      "The number HT-2026-0001 is already used by the contract “First”." },
    { "number too long", long_number, SIGNET_FIELD_CONTRACT_NUMBER,
      "Number: 256 characters is too long; at most 255 are allowed." },
    { "title too long", long_title, SIGNET_FIELD_CONTRACT_TITLE,
      "Title: 1001 characters is too long; at most 1000 are allowed." },
  };
  g_autoptr(SignetClient) client = unit_add_client (f->store, "Contoso GmbH", "C002");
  g_autoptr(SignetContract) first = add_contract (f->store, client, "HT-2026-0001", "First");
  g_autoptr(SignetContract) second = add_contract (f->store, client, "HT-2026-0002", "Second");
  guint n_audit = count_audit (f->store);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(SignetContract) fresh = make_contract (client, "HT-2026-0100", "New");
      g_autoptr(SignetContract) edited = signet_contract_copy (second);
      g_autoptr(SignetContract) stored = NULL;

      g_test_message ("case: %s", cases[i].what);

      cases[i].mutate (fresh);
      g_assert_false (signet_store_add_contract (f->store, fresh, &error));
      g_assert_error (error, SIGNET_FIELD_ERROR, (gint) cases[i].field);
      g_assert_cmpstr (error->message, ==, cases[i].message);
      g_clear_error (&error);

      cases[i].mutate (edited);
      g_assert_false (signet_store_update_contract (f->store, edited, &error));
      g_assert_error (error, SIGNET_FIELD_ERROR, (gint) cases[i].field);

      stored = signet_store_get_contract (f->store, signet_contract_get_id (second), NULL);
      g_assert_true (signet_contract_equal (stored, second));
    }

  g_assert_cmpuint (signet_store_count_contracts (f->store), ==, 2);
  g_assert_cmpuint (count_audit (f->store), ==, n_audit);
}

static void
test_client_constraints (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SignetClient) client = unit_add_client (f->store, "北京云启科技有限公司", "C001");
  g_autoptr(SignetClient) other = signet_client_new ();
  g_autoptr(SignetContract) contract = add_contract (f->store, client, "HT-2026-0001", "Cloud");
  g_autoptr(SignetClient) renamed = NULL;
  g_autoptr(SignetContract) loaded = NULL;
  g_autoptr(GListModel) clients = NULL;

  signet_client_set_name (other, "Other");
  signet_client_set_code (other, "C001");
  g_assert_false (signet_store_add_client (f->store, other, &error));
  g_assert_error (error, SIGNET_FIELD_ERROR, SIGNET_FIELD_CLIENT_CODE);
  g_assert_cmpstr (error->message, ==, "The code C001 is already used by the client “北京云启科技有限公司”.");
  g_clear_error (&error);

  signet_client_set_code (other, "  C001 ");
  g_assert_false (signet_store_add_client (f->store, other, &error));
  g_assert_error (error, SIGNET_FIELD_ERROR, SIGNET_FIELD_CLIENT_CODE);
  g_assert_cmpstr (error->message, ==, "The code C001 is already used by the client “北京云启科技有限公司”.");
  g_clear_error (&error);

  {
    g_autofree char *code = g_strnfill (256, 'C');

    signet_client_set_code (other, code);
    g_assert_false (signet_store_add_client (f->store, other, &error));
    g_assert_error (error, SIGNET_FIELD_ERROR, SIGNET_FIELD_CLIENT_CODE);
    g_assert_cmpstr (error->message, ==, "Code: 256 characters is too long; at most 255 are allowed.");
    g_clear_error (&error);

    signet_client_set_code (other, "C009");
    g_free (code);
    code = g_strnfill (1001, 'N');
    signet_client_set_name (other, code);
    g_assert_false (signet_store_add_client (f->store, other, &error));
    g_assert_error (error, SIGNET_FIELD_ERROR, SIGNET_FIELD_CLIENT_NAME);
    g_assert_cmpstr (error->message, ==, "Name: 1001 characters is too long; at most 1000 are allowed.");
    g_clear_error (&error);
    signet_client_set_name (other, "Other");
    g_free (code);
    code = g_strnfill (256, 'C');

    /* 255 characters, whatever their bytes, are a code. */
    code[255] = '\0';
    signet_client_set_code (other, code);
    g_assert_true (signet_store_add_client (f->store, other, &error));
    g_assert_no_error (error);
    g_assert_true (signet_store_delete_client (f->store, signet_client_get_id (other), &error));
    g_assert_no_error (error);
    signet_client_set_id (other, 0);
  }

  signet_client_set_code (other, "");
  g_assert_false (signet_store_add_client (f->store, other, &error));
  g_assert_error (error, SIGNET_FIELD_ERROR, SIGNET_FIELD_CLIENT_CODE);
  g_clear_error (&error);

  signet_client_set_code (other, "C009");
  signet_client_set_email (other, "not-an-address");
  g_assert_false (signet_store_add_client (f->store, other, &error));
  g_assert_error (error, SIGNET_FIELD_ERROR, SIGNET_FIELD_CLIENT_EMAIL);
  g_clear_error (&error);

  signet_client_set_name (other, "");
  g_assert_false (signet_store_add_client (f->store, other, &error));
  g_assert_error (error, SIGNET_FIELD_ERROR, SIGNET_FIELD_CLIENT_NAME);
  g_clear_error (&error);

  /* A client with contracts cannot go, and says why. */
  g_assert_false (signet_store_delete_client (f->store, signet_client_get_id (client), &error));
  g_assert_error (error, SIGNET_STORE_ERROR, SIGNET_STORE_ERROR_IN_USE);
  g_assert_cmpstr (error->message, ==,
                   "“北京云启科技有限公司” still has 1 contract. Delete that contract or give it "
                   "another client before deleting this client.");
  g_clear_error (&error);
  g_assert_nonnull ((renamed = signet_store_get_client (f->store, signet_client_get_id (client), NULL)));
  g_clear_object (&renamed);

  /* Renaming the client shows in its contracts and in search. */
  renamed = signet_client_copy (client);
  signet_client_set_name (renamed, "北京云启智能科技有限公司");
  g_assert_true (signet_store_update_client (f->store, renamed, &error));
  g_assert_no_error (error);
  loaded = signet_store_get_contract (f->store, signet_contract_get_id (contract), NULL);
  g_assert_cmpstr (signet_contract_get_client_name (loaded), ==, "北京云启智能科技有限公司");
  {
    g_autoptr(GArray) ids = signet_store_query_contract_ids (f->store, "智能", SIGNET_SORT_NUMBER, FALSE, NULL);
    g_assert_cmpuint (ids->len, ==, 1);
  }

  g_assert_true (signet_store_delete_contract (f->store, signet_contract_get_id (contract), NULL));
  g_assert_true (signet_store_delete_client (f->store, signet_client_get_id (client), &error));
  g_assert_no_error (error);
  clients = signet_store_list_clients (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (clients), ==, 0);
}

static void
test_audit (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SignetClient) client = unit_add_client (f->store, "Fabrikam Inc.", "C003");
  g_autoptr(SignetContract) contract = add_contract (f->store, client, "HT-2026-0001", "Support");
  g_autoptr(GPtrArray) entries = NULL;
  SignetAuditEntry *entry;
  SignetAuditChange *change;

  signet_contract_set_title (contract, "Premium Support");
  signet_contract_set_value (contract, 50000);
  g_assert_true (signet_store_update_contract (f->store, contract, &error));
  g_assert_no_error (error);

  entries = signet_store_list_audit (f->store, SIGNET_RECORD_CONTRACT,
                                     signet_contract_get_id (contract), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (entries->len, ==, 2);

  entry = g_ptr_array_index (entries, 0);
  g_assert_cmpstr (signet_audit_action_to_token (entry->action), ==, "update");
  g_assert_cmpstr (entry->user, ==, g_get_user_name ());
  g_assert_cmpstr (entry->record_label, ==, "HT-2026-0001");
  g_assert_true (g_str_has_suffix (entry->timestamp, "Z"));
  g_assert_cmpuint (entry->changes->len, ==, 2);
  change = g_ptr_array_index (entry->changes, 0);
  g_assert_cmpstr (change->field, ==, "title");
  g_assert_cmpstr (change->old_value, ==, "Support");
  g_assert_cmpstr (change->new_value, ==, "Premium Support");
  change = g_ptr_array_index (entry->changes, 1);
  g_assert_cmpstr (change->field, ==, "value");
  g_assert_cmpstr (change->old_value, ==, "12345.67");
  g_assert_cmpstr (change->new_value, ==, "500.00");

  entry = g_ptr_array_index (entries, 1);
  g_assert_cmpstr (signet_audit_action_to_token (entry->action), ==, "create");
  g_assert_cmpuint (entry->changes->len, >=, 6);
}

/* A contract marked confidential is stored so (contracts.confidential,
 * which a team register's row-level security reads), stays so when the
 * register is opened again, and the audit records the change; a form's
 * save that only unmarks it writes just that. */
static void
test_confidential (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SignetClient) client = unit_add_client (f->store, "Fabrikam Inc.", "C003");
  g_autoptr(SignetContract) contract = make_contract (client, "HT-2026-0009", "Merger");
  g_autoptr(SignetContract) loaded = NULL;
  g_autoptr(SignetContract) edited = NULL;
  g_autoptr(SignetContract) reloaded = NULL;
  g_autoptr(SignetStore) reopened = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autofree char *sql = NULL;
  SignetAuditEntry *entry;
  SignetAuditChange *change;
  gint64 id;

  g_assert_false (signet_contract_get_confidential (contract));
  signet_contract_set_confidential (contract, TRUE);
  g_assert_true (signet_store_add_contract (f->store, contract, &error));
  g_assert_no_error (error);
  id = signet_contract_get_id (contract);

  sql = g_strdup_printf ("SELECT confidential FROM contracts WHERE id = %" G_GINT64_FORMAT, id);
  g_assert_cmpint (unit_query_raw_int (f->path, sql), ==, 1);

  loaded = signet_store_get_contract (f->store, id, &error);
  g_assert_no_error (error);
  g_assert_true (signet_contract_get_confidential (loaded));

  /* The creation's entry says it was made confidential. */
  entries = signet_store_list_audit (f->store, SIGNET_RECORD_CONTRACT, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (entries->len, ==, 1);
  entry = g_ptr_array_index (entries, 0);
  change = NULL;
  for (guint i = 0; i < entry->changes->len; i++)
    if (g_strcmp0 (((SignetAuditChange *) g_ptr_array_index (entry->changes, i))->field, "confidential") == 0)
      change = g_ptr_array_index (entry->changes, i);
  g_assert_nonnull (change);
  g_assert_cmpstr (change->new_value, ==, "yes");
  g_clear_pointer (&entries, g_ptr_array_unref);

  edited = signet_contract_copy (loaded);
  signet_contract_set_confidential (edited, FALSE);
  g_assert_true (signet_store_save_contract (f->store, loaded, edited, &error));
  g_assert_no_error (error);
  g_assert_cmpint (unit_query_raw_int (f->path, sql), ==, 0);

  entries = signet_store_list_audit (f->store, SIGNET_RECORD_CONTRACT, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (entries->len, ==, 2);
  entry = g_ptr_array_index (entries, 0);
  g_assert_cmpstr (signet_audit_action_to_token (entry->action), ==, "update");
  g_assert_cmpuint (entry->changes->len, ==, 1);
  change = g_ptr_array_index (entry->changes, 0);
  g_assert_cmpstr (change->field, ==, "confidential");
  g_assert_cmpstr (change->old_value, ==, "yes");
  g_assert_null (change->new_value);

  /* Marked again, and read back from a new connection. */
  g_clear_object (&loaded);
  loaded = signet_store_get_contract (f->store, id, &error);
  g_assert_no_error (error);
  g_assert_false (signet_contract_get_confidential (loaded));
  signet_contract_set_confidential (loaded, TRUE);
  g_assert_true (signet_store_update_contract (f->store, loaded, &error));
  g_assert_no_error (error);

  g_clear_object (&f->store);
  reopened = signet_store_new (f->path, &error);
  g_assert_no_error (error);
  reloaded = signet_store_get_contract (reopened, id, &error);
  g_assert_no_error (error);
  g_assert_true (signet_contract_get_confidential (reloaded));
  g_assert_true (signet_contract_equal (loaded, reloaded));
}

/* Makes the register refuse every audit entry, or those of @label: a
 * trigger, written in each engine's own language. */
static void
refuse_audit (const char *path,
              const char *label)
{
  g_autofree char *when = label != NULL ? g_strdup_printf ("WHEN (new.record_label = '%s') ", label) : g_strdup ("");
  g_autofree char *sql = NULL;

  if (store_fixture_on_server ())
    sql = g_strdup_printf ("CREATE FUNCTION fail_audit () RETURNS trigger LANGUAGE plpgsql "
                           "AS $$ BEGIN RAISE EXCEPTION 'audit refused'; END $$;"
                           "CREATE TRIGGER fail_audit BEFORE INSERT ON audit FOR EACH ROW %s"
                           "EXECUTE FUNCTION fail_audit ();", when);
  else
    sql = g_strdup_printf ("CREATE TRIGGER fail_audit BEFORE INSERT ON audit %s"
                           "BEGIN SELECT RAISE(ABORT, 'audit refused'); END;", when);
  unit_exec_raw (path, sql);
}

/* A write whose audit entry cannot be written must leave nothing behind:
 * neither the row nor a partial audit entry. */
static void
test_audit_same_transaction (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SignetClient) client = unit_add_client (f->store, "Contoso", "C004");
  g_autoptr(SignetContract) contract = make_contract (client, "HT-2026-0009", "Blocked");
  guint n_audit = count_audit (f->store);

  refuse_audit (f->path, NULL);

  g_assert_false (signet_store_add_contract (f->store, contract, &error));
  g_assert_nonnull (error);
  g_assert_cmpuint (signet_store_count_contracts (f->store), ==, 0);
  g_assert_cmpuint (count_audit (f->store), ==, n_audit);
  g_assert_null (signet_store_find_contract_by_number (f->store, "HT-2026-0009", NULL));
}

static void
test_number_pattern (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(SignetClient) client = unit_add_client (f->store, "Client", "C005");
  g_autofree char *year = g_date_time_format (now, "%Y");
  g_autofree char *expected_first = g_strdup_printf ("HT-%s-0001", year);
  g_autofree char *expected_third = g_strdup_printf ("HT-%s-0003", year);
  g_autofree char *first = signet_store_next_contract_number (f->store, "HT-{YYYY}-{NNNN}", &error);
  g_autofree char *second = NULL;
  g_autofree char *third = NULL;
  g_autofree char *chinese = NULL;
  g_autoptr(SignetContract) a = NULL;
  g_autoptr(SignetContract) b = NULL;
  g_autoptr(SignetContract) c = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (first, ==, expected_first);

  a = add_contract (f->store, client, first, "A");
  second = g_strdup_printf ("HT-%s-0002", year);
  b = add_contract (f->store, client, second, "B");
  c = add_contract (f->store, client, "HT-1999-0042", "Old");
  third = signet_store_next_contract_number (f->store, "HT-{YYYY}-{NNNN}", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (third, ==, expected_third);

  chinese = signet_store_next_contract_number (f->store, "合同{YY}字第{NNN}号", &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (chinese, "合同"));
  g_assert_true (g_str_has_suffix (chinese, "字第001号"));

  g_assert_false (signet_contract_number_pattern_is_valid ("HT-{YYYY}", &error));
  g_assert_error (error, SIGNET_FIELD_ERROR, SIGNET_FIELD_CONTRACT_NUMBER);
  g_clear_error (&error);
  g_assert_false (signet_contract_number_pattern_is_valid ("HT-{XX}-{NNN}", &error));
  g_clear_error (&error);
  g_assert_false (signet_contract_number_pattern_is_valid ("HT-{NN}-{NNN}", &error));
  g_clear_error (&error);
  g_assert_false (signet_contract_number_pattern_is_valid ("HT-{NNN", &error));
  g_clear_error (&error);
  g_assert_true (signet_contract_number_pattern_is_valid ("{YYYY}{MM}{DD}-{NNNNNN}", &error));
  g_assert_no_error (error);
}

static void
assert_search (SignetStore *store,
               const char  *query,
               guint        expected)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = signet_store_query_contract_ids (store, query, SIGNET_SORT_NUMBER, FALSE, &error);

  g_assert_no_error (error);
  if (ids->len != expected)
    g_error ("search “%s”: %u results, expected %u", query, ids->len, expected);
}

static void
test_search (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(SignetClient) shanghai = unit_add_client (f->store, "上海华东建设工程有限公司", "C001");
  g_autoptr(SignetClient) northwind = unit_add_client (f->store, "Northwind Traders", "C002");
  g_autoptr(SignetContract) a = add_contract (f->store, shanghai, "HT-2026-0001", "办公场地租赁合同");
  g_autoptr(SignetContract) b = add_contract (f->store, northwind, "HT-2026-0002", "Master Services Agreement");
  g_autoptr(SignetContract) c = add_contract (f->store, northwind, "HT-2026-0003", "软件许可协议");

  signet_contract_set_tags (c, "IT, 年度框架");
  g_assert_true (signet_store_update_contract (f->store, c, NULL));

  assert_search (f->store, NULL, 3);
  assert_search (f->store, "", 3);
  assert_search (f->store, "   ", 3);
  assert_search (f->store, "租赁", 1);        /* two characters: the instr() path */
  assert_search (f->store, "租赁合同", 1);    /* trigram path */
  assert_search (f->store, "合", 1);
  assert_search (f->store, "华东", 1);        /* client name */
  assert_search (f->store, "年度框架", 1);    /* tag */
  assert_search (f->store, "master", 1);      /* case-insensitive */
  assert_search (f->store, "NORTHWIND", 2);
  assert_search (f->store, "northwind 软件", 1);
  assert_search (f->store, "ht-2026", 3);
  assert_search (f->store, "0002", 1);
  assert_search (f->store, "it", 1);
  assert_search (f->store, "\"", 0);
  assert_search (f->store, "a\" OR \"b", 0);
  assert_search (f->store, "NEAR(", 0);
  assert_search (f->store, "nothing-like-this", 0);
  /* 技 and 开 share bytes with the ideographic space (E3 80 80), which
   * must not split them. */
  signet_contract_set_title (b, "技术开发合同");
  g_assert_true (signet_store_update_contract (f->store, b, NULL));
  assert_search (f->store, "技术开发", 1);
  assert_search (f->store, "技", 1);
  assert_search (f->store, "开发\u3000技术", 1);
  assert_search (f->store, "Master", 0);

  g_assert_true (signet_store_delete_contract (f->store, signet_contract_get_id (a), NULL));
  assert_search (f->store, "租赁", 0);
  assert_search (f->store, "租赁合同", 0);
}

static void
test_sort (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(SignetClient) zeta = unit_add_client (f->store, "Zeta", "C001");
  g_autoptr(SignetClient) alpha = unit_add_client (f->store, "Alpha", "C002");
  g_autoptr(SignetContract) a = add_contract (f->store, zeta, "HT-3", "Cherry");
  g_autoptr(SignetContract) b = add_contract (f->store, alpha, "HT-1", "Banana");
  g_autoptr(SignetContract) c = add_contract (f->store, zeta, "HT-2", "Apple");
  struct { SignetSortKey key; gboolean desc; SignetContract *order[3]; } cases[] = {
    { SIGNET_SORT_NUMBER, FALSE, { b, c, a } },
    { SIGNET_SORT_NUMBER, TRUE, { a, c, b } },
    { SIGNET_SORT_TITLE, FALSE, { c, b, a } },
    { SIGNET_SORT_CLIENT, FALSE, { b, c, a } },
    { SIGNET_SORT_END_DATE, FALSE, { a, b, c } },
    { SIGNET_SORT_VALUE, TRUE, { b, a, c } },
    { SIGNET_SORT_STATUS, FALSE, { b, c, a } },
  };

  signet_contract_set_end_date (a, "2026-03-01");
  signet_contract_set_value (b, 999999999);
  signet_contract_set_status (a, SIGNET_CONTRACT_STATUS_TERMINATED);
  signet_contract_set_status (c, SIGNET_CONTRACT_STATUS_ACTIVE);
  g_assert_true (signet_store_update_contract (f->store, a, NULL));
  g_assert_true (signet_store_update_contract (f->store, b, NULL));
  g_assert_true (signet_store_update_contract (f->store, c, NULL));

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GArray) ids = signet_store_query_contract_ids (f->store, NULL, cases[i].key, cases[i].desc, NULL);

      g_assert_cmpuint (ids->len, ==, 3);
      for (guint j = 0; j < 3; j++)
        g_assert_cmpint (g_array_index (ids, gint64, j), ==, signet_contract_get_id (cases[i].order[j]));
    }
}

static void
count_signal_cb (gpointer  data,
                 ...)
{
  (*(guint *) data)++;
}

static void
test_batch (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SignetClient) client = unit_add_client (f->store, "Batch", "C001");
  g_autoptr(SignetContract) dup = NULL;
  guint n_resets = 0;
  guint n_changes = 0;
  guint n_audit;

  g_signal_connect_swapped (f->store, "reset", G_CALLBACK (count_signal_cb), &n_resets);
  g_signal_connect_swapped (f->store, "changed", G_CALLBACK (count_signal_cb), &n_changes);

  /* A rolled-back batch leaves nothing, audit included. */
  n_audit = count_audit (f->store);
  g_assert_true (signet_store_begin_batch (f->store, &error));
  for (guint i = 0; i < 10; i++)
    {
      g_autofree char *number = g_strdup_printf ("B-%u", i);
      g_autoptr(SignetContract) c = add_contract (f->store, client, number, "Batch");
    }
  signet_store_rollback_batch (f->store);
  g_assert_cmpuint (signet_store_count_contracts (f->store), ==, 0);
  g_assert_cmpuint (count_audit (f->store), ==, n_audit);
  g_assert_cmpuint (n_resets, ==, 0);
  g_assert_cmpuint (n_changes, ==, 0);

  /* A failing record inside a batch undoes only itself. */
  g_assert_true (signet_store_begin_batch (f->store, &error));
  for (guint i = 0; i < 10; i++)
    {
      g_autofree char *number = g_strdup_printf ("B-%u", i);
      g_autoptr(SignetContract) c = add_contract (f->store, client, number, "Batch");
    }
  dup = make_contract (client, "B-3", "Duplicate");
  g_assert_false (signet_store_add_contract (f->store, dup, &error));
  g_assert_error (error, SIGNET_FIELD_ERROR, SIGNET_FIELD_CONTRACT_NUMBER);
  g_clear_error (&error);
  g_assert_true (signet_store_commit_batch (f->store, &error));
  g_assert_no_error (error);

  g_assert_cmpuint (signet_store_count_contracts (f->store), ==, 10);
  g_assert_cmpuint (count_audit (f->store), ==, n_audit + 10);
  g_assert_cmpuint (n_resets, ==, 1);
  g_assert_cmpuint (n_changes, ==, 0);
}

static void
assert_refused_unchanged (const char       *path,
                          GQuark            domain,
                          int               code,
                          const char       *message_part)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = checksum_file (path);
  g_autofree char *after = NULL;
  g_autoptr(SignetStore) store = signet_store_new (path, &error);

  g_assert_null (store);
  g_assert_error (error, domain, code);
  if (strstr (error->message, message_part) == NULL)
    g_error ("message “%s” lacks “%s”", error->message, message_part);

  after = checksum_file (path);
  g_assert_cmpstr (before, ==, after);
}

static void
test_refuse_newer (Fixture       *f,
                   gconstpointer  data)
{
  sqlite3 *db = NULL;

  g_clear_object (&f->store);
  /* A server's register keeps its version in signet_meta; the file is
   * left byte for byte, the server's row as it was. */
  if (store_fixture_on_server ())
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(SignetStore) store = NULL;

      unit_exec_raw (f->path, "UPDATE signet_meta SET value = '99' WHERE key = 'schema_version'");
      store = signet_store_new (f->path, &error);
      g_assert_null (store);
      g_assert_error (error, SIGNET_STORE_ERROR, SIGNET_STORE_ERROR_NEWER_VERSION);
      g_assert_nonnull (strstr (error->message, "by a newer version of Signet"));
      g_assert_cmpint (unit_query_raw_int (f->path, "SELECT CAST (value AS integer) FROM signet_meta "
                                                    "WHERE key = 'schema_version'"), ==, 99);
      return;
    }

  g_assert_cmpint (sqlite3_open (f->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA journal_mode = DELETE; PRAGMA user_version = 99;",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  assert_refused_unchanged (f->path, SIGNET_STORE_ERROR, SIGNET_STORE_ERROR_NEWER_VERSION,
                            "written by a newer version of Signet");
}

static void
test_refuse_bad_files (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *random_path = g_build_filename (f->dir, "random.db", NULL);
  g_autofree char *foreign_path = g_build_filename (f->dir, "foreign.db", NULL);
  g_autofree char *locked_path = g_build_filename (f->dir, "locked.db", NULL);
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  g_autoptr(GError) error = NULL;
  g_autoptr(SignetStore) store = NULL;
  guchar bytes[8192];
  sqlite3 *db = NULL;

  for (guint i = 0; i < sizeof bytes; i++)
    bytes[i] = g_rand_int_range (rand, 0, 256);
  g_assert_true (g_file_set_contents (random_path, (char *) bytes, sizeof bytes, NULL));
  assert_refused_unchanged (random_path, SIGNET_STORE_ERROR, SIGNET_STORE_ERROR_NOT_A_DATABASE,
                            "is not a Signet database");

  g_assert_cmpint (sqlite3_open (foreign_path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "CREATE TABLE t (x); INSERT INTO t VALUES (1);",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  assert_refused_unchanged (foreign_path, SIGNET_STORE_ERROR, SIGNET_STORE_ERROR_NOT_SIGNET,
                            "database of another program");

  g_assert_true (g_file_set_contents (locked_path, "", 0, NULL));
  g_assert_cmpint (g_chmod (locked_path, 0000), ==, 0);
  if (g_access (locked_path, R_OK) == 0)
    {
      g_test_message ("running as root: permissions do not stop reading, so the unreadable case is not testable");
    }
  else
    {
      store = signet_store_new (locked_path, &error);
      g_assert_null (store);
      g_assert_error (error, SIGNET_STORE_ERROR, SIGNET_STORE_ERROR_OPEN);
      g_assert_nonnull (strstr (error->message, "Permission denied"));
      g_clear_error (&error);
    }
  g_chmod (locked_path, 0600);

  store = signet_store_new (f->dir, &error);
  g_assert_null (store);
  g_assert_error (error, SIGNET_STORE_ERROR, SIGNET_STORE_ERROR_OPEN);
}

/* Version 1 had no search index; a register written then (rows as that
 * version wrote them) must become searchable, intact, when opened now. */
static void
test_migration_1_to_2 (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (f->dir, "v1.db", NULL);
  g_autoptr(SignetStore) v1 = signet_store_new_at_version (path, 1, &error);
  g_autoptr(SignetStore) v2 = NULL;
  g_autoptr(SignetStore) now = NULL;
  g_autoptr(SignetContract) loaded = NULL;

  g_assert_no_error (error);
  g_clear_object (&v1);

  unit_exec_raw (path,
            "INSERT INTO clients (id, name, code) VALUES (1, '深圳前海物流有限公司', 'C001');"
            "INSERT INTO contracts (id, number, title, client_id, value, currency, start_date, end_date,"
            "  status, risk_level, tags) VALUES (7, 'HT-2025-0007', '仓储物流服务合同', 1, 880000, 'CNY',"
            "  '2025-01-01', '2027-12-31', 'active', 'high', '仓储');");
  g_assert_cmpint (unit_query_raw_int (path, "PRAGMA user_version"), ==, 1);
  g_assert_cmpint (unit_query_raw_int (path, "SELECT count(*) FROM sqlite_schema WHERE name = 'contract_search'"), ==, 0);

  v2 = signet_store_new_at_version (path, 2, &error);
  g_assert_no_error (error);
  g_assert_cmpint (unit_query_raw_int (path, "PRAGMA user_version"), ==, 2);
  g_assert_cmpint (unit_query_raw_int (path, "SELECT count(*) FROM contract_search WHERE contract_search MATCH '物流服务'"), ==, 1);

  /* Read as this Signet reads it, with the later migrations run. */
  g_clear_object (&v2);
  now = signet_store_new (path, &error);
  g_assert_no_error (error);
  loaded = signet_store_get_contract (now, 7, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (signet_contract_get_number (loaded), ==, "HT-2025-0007");
  g_assert_cmpstr (signet_contract_get_client_name (loaded), ==, "深圳前海物流有限公司");
  g_assert_cmpint (signet_contract_get_value (loaded), ==, 880000);
  g_assert_cmpint (signet_contract_get_risk_level (loaded), ==, SIGNET_RISK_LEVEL_HIGH);
  assert_search (now, "物流服务", 1);
  assert_search (now, "前海", 1);
  assert_search (now, "仓储", 1);
}

static void
test_migration_0_to_1 (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (f->dir, "v0.db", NULL);
  g_autoptr(SignetStore) v0 = signet_store_new_at_version (path, 0, &error);
  g_autoptr(SignetStore) v1 = NULL;

  g_assert_no_error (error);
  g_clear_object (&v0);
  g_assert_cmpint (unit_query_raw_int (path, "PRAGMA user_version"), ==, 0);

  v1 = signet_store_new_at_version (path, 1, &error);
  g_assert_no_error (error);
  g_clear_object (&v1);
  g_assert_cmpint (unit_query_raw_int (path, "PRAGMA user_version"), ==, 1);
  g_assert_cmpint (unit_query_raw_int (path, "PRAGMA application_id"), ==, 0x53474e54);

  /* The constraints of version 1 hold. */
  unit_exec_raw (path, "INSERT INTO clients (id, name, code) VALUES (1, 'Client', 'C001')");
  {
    sqlite3 *db = NULL;

    g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
    sqlite3_exec (db, "PRAGMA foreign_keys = ON", NULL, NULL, NULL);
    g_assert_cmpint (sqlite3_exec (db, "INSERT INTO contracts (number, title, client_id, currency, status, risk_level,"
                                   " start_date, end_date) VALUES ('X', 'T', 1, 'CNY', 'draft', 'low', '2026-02-01', '2026-01-01')",
                                   NULL, NULL, NULL), ==, SQLITE_CONSTRAINT);
    g_assert_cmpint (sqlite3_exec (db, "INSERT INTO contracts (number, title, client_id, currency, status, risk_level)"
                                   " VALUES ('X', 'T', 99, 'CNY', 'draft', 'low')",
                                   NULL, NULL, NULL), ==, SQLITE_CONSTRAINT);
    sqlite3_close (db);
  }
}

/* Version 3 dropped the trigram index; rows and search survive. */
static void
test_migration_2_to_3 (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (f->dir, "v2.db", NULL);
  g_autoptr(SignetStore) v2 = signet_store_new_at_version (path, 2, &error);
  g_autoptr(SignetStore) v3 = NULL;
  g_autoptr(SignetStore) now = NULL;

  g_assert_no_error (error);
  g_clear_object (&v2);

  unit_exec_raw (path,
            "INSERT INTO clients (id, name, code) VALUES (1, '杭州西湖文化传媒有限公司', 'C001');"
            "INSERT INTO contracts (id, number, title, client_id, value, currency, status, risk_level,"
            "  search_text) VALUES (3, 'HT-2026-0003', '广告投放合作协议', 1, 100, 'CNY', 'draft', 'low',"
            "  'ht-2026-0003 广告投放合作协议 杭州西湖文化传媒有限公司 ');");
  g_assert_cmpint (unit_query_raw_int (path, "SELECT count(*) FROM contract_search WHERE contract_search MATCH '投放合作'"), ==, 1);

  v3 = signet_store_new_at_version (path, 3, &error);
  g_assert_no_error (error);
  g_assert_cmpint (unit_query_raw_int (path, "PRAGMA user_version"), ==, 3);
  g_assert_cmpint (unit_query_raw_int (path, "SELECT count(*) FROM sqlite_schema WHERE name LIKE 'contract%search%'"), ==, 0);

  /* Read as this Signet reads it, with the later migrations run. */
  g_clear_object (&v3);
  now = signet_store_new (path, &error);
  g_assert_no_error (error);
  {
    g_autoptr(SignetContract) found = signet_store_find_contract_by_number (now, "HT-2026-0003", NULL);

    g_assert_nonnull (found);
  }
  /* Search reads the text of version 8, made from the rows. */
  assert_search (now, "投放", 1);
  assert_search (now, "西湖", 1);
}

/* Version 4 rebuilt contracts so that ids are never reused, and moved each
 * audit entry's changes into one JSON column: rows, ids and history survive. */
static void
test_migration_3_to_4 (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (f->dir, "v3.db", NULL);
  g_autoptr(SignetStore) v3 = signet_store_new_at_version (path, 3, &error);
  g_autoptr(SignetStore) v4 = NULL;
  g_autoptr(SignetStore) now = NULL;
  g_autoptr(SignetContract) contract = NULL;
  g_autoptr(SignetContract) later = NULL;
  g_autoptr(GPtrArray) audit = NULL;
  SignetAuditEntry *entry;
  SignetAuditChange *change;

  g_assert_no_error (error);
  g_clear_object (&v3);

  unit_exec_raw (path,
            "INSERT INTO clients (id, name, code) VALUES (1, '杭州西湖文化传媒有限公司', 'C001');"
            "INSERT INTO contracts (id, number, title, client_id, value, currency, status, risk_level,"
            "  end_date, search_text) VALUES (7, 'HT-2026-0007', '广告投放合作协议', 1, 100, 'CNY', 'draft',"
            "  'low', '2027-03-31', 'ht-2026-0007 广告投放合作协议 杭州西湖文化传媒有限公司 ');"
            "INSERT INTO audit (id, at, user, action, record_kind, record_id, record_label)"
            "  VALUES (1, '2026-11-01T09:00:00.000000Z', 'li', 'update', 'contract', 7, 'HT-2026-0007');"
            "INSERT INTO audit_changes (audit_id, field, old_value, new_value) VALUES"
            "  (1, 'title', '广告合作', '广告投放合作协议'), (1, 'notes', 'say \"hi\"', NULL);");

  v4 = signet_store_new_at_version (path, 4, &error);
  g_assert_no_error (error);
  g_assert_cmpint (unit_query_raw_int (path, "PRAGMA user_version"), ==, 4);
  g_assert_cmpint (unit_query_raw_int (path, "SELECT count(*) FROM sqlite_schema WHERE name = 'audit_changes'"), ==, 0);

  /* Read as this Signet reads it, with the later migrations run. */
  g_clear_object (&v4);
  now = signet_store_new (path, &error);
  g_assert_no_error (error);
  contract = signet_store_find_contract_by_number (now, "HT-2026-0007", &error);
  g_assert_no_error (error);
  g_assert_cmpint (signet_contract_get_id (contract), ==, 7);
  g_assert_cmpstr (signet_contract_get_end_date (contract), ==, "2027-03-31");
  assert_search (now, "投放", 1);

  audit = signet_store_list_audit (now, SIGNET_RECORD_CONTRACT, 7, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (audit->len, ==, 1);
  entry = g_ptr_array_index (audit, 0);
  g_assert_cmpstr (entry->user, ==, "li");
  g_assert_cmpuint (entry->changes->len, ==, 2);
  change = g_ptr_array_index (entry->changes, 0);
  g_assert_cmpstr (change->field, ==, "title");
  g_assert_cmpstr (change->old_value, ==, "广告合作");
  g_assert_cmpstr (change->new_value, ==, "广告投放合作协议");
  change = g_ptr_array_index (entry->changes, 1);
  g_assert_cmpstr (change->old_value, ==, "say \"hi\"");
  g_assert_null (change->new_value);

  /* The highest id deleted: a new contract must not get it again. */
  g_assert_true (signet_store_delete_contract (now, 7, &error));
  g_assert_no_error (error);
  later = signet_contract_new ();
  signet_contract_set_number (later, "HT-2026-0008");
  signet_contract_set_title (later, "Later");
  signet_contract_set_client_id (later, 1);
  g_assert_true (signet_store_add_contract (now, later, &error));
  g_assert_no_error (error);
  g_assert_cmpint (signet_contract_get_id (later), >, 7);
}

/* Version 5 indexed the events for the calendar's month: the events of a
 * register of version 4 are read through the new indexes, each day counted
 * and in order. */
static void
test_migration_4_to_5 (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (f->dir, "v4.db", NULL);
  g_autoptr(SignetStore) v4 = signet_store_new_at_version (path, 4, &error);
  g_autoptr(SignetStore) v5 = NULL;
  g_autoptr(SignetClient) client = NULL;
  g_autoptr(GPtrArray) days = NULL;
  SignetEventDay *day;

  g_assert_no_error (error);
  client = unit_add_client (v4, "深圳前海物流有限公司", "C001");
  g_clear_object (&v4);
  /* Added in reverse: the day lists them by number. Written as version 4
   * wrote them: this build's store writes columns added since. */
  unit_exec_raw (path,
            "INSERT INTO contracts (id, number, title, client_id, value, currency, status, risk_level,"
            "  start_date, end_date) VALUES"
            "  (1, 'HT-2026-0003', '仓储物流服务合同', 1, 1234567, 'CNY', 'draft', 'low', '2026-01-01', '2026-12-31'),"
            "  (2, 'HT-2026-0002', '仓储物流服务合同', 1, 1234567, 'CNY', 'draft', 'low', '2026-01-01', '2026-12-31'),"
            "  (3, 'HT-2026-0001', '仓储物流服务合同', 1, 1234567, 'CNY', 'draft', 'low', '2026-01-01', '2026-12-31');");

  v5 = signet_store_new_at_version (path, 5, &error);
  g_assert_no_error (error);
  g_assert_cmpint (unit_query_raw_int (path, "PRAGMA user_version"), ==, 5);
  g_assert_cmpint (unit_query_raw_int (path, "SELECT count(*) FROM sqlite_schema WHERE type = 'index' AND name IN "
                                        "('contract_events_day', 'contracts_number_by_id')"), ==, 2);
  g_assert_cmpint (unit_query_raw_int (path, "SELECT count(*) FROM sqlite_schema WHERE name = 'contract_events_date'"), ==, 0);

  /* The events are read by this version's store, which needs the
   * columns of the versions after 5 (the process of version 9). */
  g_clear_object (&v5);
  v5 = signet_store_new (path, &error);
  g_assert_no_error (error);
  days = signet_store_list_event_days (v5, "2026-01-01", "2026-12-31", 2, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (days->len, ==, 2);
  day = g_ptr_array_index (days, 0);
  g_assert_cmpstr (day->date, ==, "2026-01-01");
  g_assert_cmpuint (day->n_events, ==, 3);
  g_assert_cmpuint (day->events->len, ==, 2);
  g_assert_cmpstr (signet_event_get_contract_number (g_ptr_array_index (day->events, 0)), ==, "HT-2026-0001");
  g_assert_cmpstr (signet_event_get_contract_number (g_ptr_array_index (day->events, 1)), ==, "HT-2026-0002");
  g_assert_cmpint (signet_event_get_kind (g_ptr_array_index (day->events, 0)), ==, SIGNET_KEY_DATE_START);
  day = g_ptr_array_index (days, 1);
  g_assert_cmpstr (day->date, ==, "2026-12-31");
  g_assert_cmpuint (day->n_events, ==, 3);
  g_assert_cmpint (signet_event_get_kind (g_ptr_array_index (day->events, 0)), ==, SIGNET_KEY_DATE_END);
}

#define INDEX_NAMES \
  "('contracts_client', 'contracts_title', 'contracts_start_date', 'contracts_end_date', 'audit_record')"

static gint64
count_indexes (SignetStore *store)
{
  return unit_query_raw_int (signet_store_get_path (store),
                             store_fixture_on_server ()
                             ? "SELECT count(*) FROM pg_indexes WHERE indexname IN " INDEX_NAMES
                             : "SELECT count(*) FROM sqlite_schema WHERE type = 'index' AND name IN " INDEX_NAMES);
}

static void
add_many (SignetStore  *store,
          SignetClient *client,
          const char   *prefix,
          guint         n)
{
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *number = g_strdup_printf ("%s-%05u", prefix, i);
      g_autofree char *title = g_strdup_printf ("Title %05u", n - i);
      g_autoptr(SignetContract) c = add_contract (store, client, number, title);
    }
}

/* A batch of many contracts builds its indexes at commit; committed or
 * rolled back, the register has them all and sorts as before. */
static void
test_batch_bulk (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SignetClient) client = unit_add_client (f->store, "Bulk", "C001");
  g_autoptr(GArray) ids = NULL;
  g_autoptr(SignetContract) first = NULL;

  g_assert_cmpint (count_indexes (f->store), ==, 5);

  g_assert_true (signet_store_begin_batch (f->store, &error));
  add_many (f->store, client, "R", 6000);
  signet_store_rollback_batch (f->store);
  g_assert_cmpuint (signet_store_count_contracts (f->store), ==, 0);
  g_assert_cmpint (count_indexes (f->store), ==, 5);

  g_assert_true (signet_store_begin_batch (f->store, &error));
  add_many (f->store, client, "B", 6000);
  g_assert_true (signet_store_commit_batch (f->store, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (signet_store_count_contracts (f->store), ==, 6000);
  g_assert_cmpint (count_indexes (f->store), ==, 5);

  ids = signet_store_query_contract_ids (f->store, NULL, SIGNET_SORT_TITLE, FALSE, &error);
  g_assert_no_error (error);
  first = signet_store_get_contract (f->store, g_array_index (ids, gint64, 0), &error);
  g_assert_cmpstr (signet_contract_get_title (first), ==, "Title 00001");
  g_assert_cmpuint (count_audit (f->store), ==, 6001);
}

/* A write that fails halfway inside a batch (its row written, its audit
 * entry refused) spoils the batch: committing saves nothing and says why. */
static void
test_batch_failed_halfway (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SignetClient) client = unit_add_client (f->store, "Halfway", "C001");
  g_autoptr(SignetContract) blocked = make_contract (client, "H-2", "Blocked");
  /* add_many numbers its contracts H-00000, H-00001. */
  guint n_audit = count_audit (f->store);

  refuse_audit (f->path, "H-2");
  g_assert_true (signet_store_begin_batch (f->store, &error));
  add_many (f->store, client, "H", 2);
  g_assert_false (signet_store_add_contract (f->store, blocked, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);

  g_assert_false (signet_store_commit_batch (f->store, &error));
  g_assert_error (error, SIGNET_STORE_ERROR, SIGNET_STORE_ERROR_FAILED);
  g_assert_cmpuint (signet_store_count_contracts (f->store), ==, 0);
  g_assert_cmpuint (count_audit (f->store), ==, n_audit);
}

typedef struct
{
  char  *path;
  gint64 client_id;
  gboolean ok;
  char  *message;
} WriterData;

static gpointer
second_writer_thread (gpointer data)
{
  WriterData *w = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(SignetStore) store = signet_store_new (w->path, &error);
  g_autoptr(SignetContract) contract = signet_contract_new ();

  if (store == NULL)
    {
      w->message = g_strdup (error->message);
      return NULL;
    }

  signet_contract_set_number (contract, "HT-SECOND");
  signet_contract_set_title (contract, "From the second connection");
  signet_contract_set_client_id (contract, w->client_id);
  w->ok = signet_store_add_contract (store, contract, &error);
  if (!w->ok)
    w->message = g_strdup (error->message);

  return NULL;
}

/* Two connections: a writer that finds the database locked waits for the
 * lock instead of failing, and neither write is lost. */
static void
test_two_connections (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SignetClient) client = unit_add_client (f->store, "Shared", "C001");
  g_autoptr(SignetContract) first = NULL;
  g_autoptr(SignetStore) other = NULL;
  WriterData w = { f->path, signet_client_get_id (client), FALSE, NULL };
  GThread *thread;

  g_assert_true (signet_store_begin_batch (f->store, &error));
  first = add_contract (f->store, client, "HT-FIRST", "From the first connection");
  thread = g_thread_new ("second-writer", second_writer_thread, &w);
  g_usleep (300 * G_TIME_SPAN_MILLISECOND);
  g_assert_true (signet_store_commit_batch (f->store, &error));
  g_assert_no_error (error);
  g_thread_join (thread);

  if (!w.ok)
    g_error ("second writer failed: %s", w.message);

  other = signet_store_new (f->path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (signet_store_count_contracts (other), ==, 2);
  {
    g_autoptr(SignetContract) found_second = signet_store_find_contract_by_number (other, "HT-SECOND", NULL);
    g_autoptr(SignetContract) found_first = signet_store_find_contract_by_number (other, "HT-FIRST", NULL);

    g_assert_nonnull (found_second);
    g_assert_nonnull (found_first);
  }
  g_free (w.message);
}

/* A lock held longer than the busy timeout gives a clear message and
 * changes nothing. */
static void
test_busy_message (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SignetClient) client = unit_add_client (f->store, "Shared", "C001");
  g_autoptr(SignetStore) other = signet_store_new (f->path, &error);
  g_autoptr(SignetContract) contract = make_contract (client, "HT-BUSY", "Waits");

  if (store_fixture_on_server ())
    {
      g_test_skip ("A register in a file only: it checks SQLite's lock held past the busy timeout");
      return;
    }

  g_assert_no_error (error);
  g_assert_true (signet_store_begin_batch (other, &error));
  g_assert_false (signet_store_add_contract (f->store, contract, &error));
  g_assert_error (error, SIGNET_STORE_ERROR, SIGNET_STORE_ERROR_BUSY);
  g_assert_nonnull (strstr (error->message, "Nothing was changed"));
  signet_store_rollback_batch (other);
  g_assert_cmpuint (signet_store_count_contracts (f->store), ==, 0);
}

static void
watcher_changed_cb (GObject          *watcher,
                    SignetRecordKind  kind,
                    gint64            id,
                    SignetChangeKind  change,
                    SignetStore      *store)
{
  guint *n_changes = g_object_get_data (watcher, "n-changes");

  (*n_changes)++;
}

/* A view that shows one store hears its changes, and no longer those of
 * the store it showed before. */
static void
test_set_watched (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *other_path = g_build_filename (f->dir, "other.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(SignetStore) other = signet_store_new (other_path, &error);
  g_autoptr(GObject) watcher = g_object_new (G_TYPE_OBJECT, NULL);
  g_autoptr(SignetStore) slot = NULL;
  guint n_changes = 0;

  g_assert_no_error (error);
  g_object_set_data (watcher, "n-changes", &n_changes);

  g_assert_true (signet_store_set_watched (&slot, f->store, watcher, G_CALLBACK (watcher_changed_cb), NULL));
  g_assert_true (slot == f->store);
  g_assert_false (signet_store_set_watched (&slot, f->store, watcher, G_CALLBACK (watcher_changed_cb), NULL));

  g_object_unref (unit_add_client (f->store, "Acme", "ACME"));
  g_assert_cmpuint (n_changes, ==, 1);

  g_assert_true (signet_store_set_watched (&slot, other, watcher, G_CALLBACK (watcher_changed_cb), NULL));
  g_object_unref (unit_add_client (f->store, "Initech", "INIT"));
  g_assert_cmpuint (n_changes, ==, 1);
  g_object_unref (unit_add_client (other, "Globex", "GLBX"));
  g_assert_cmpuint (n_changes, ==, 2);

  g_assert_true (signet_store_set_watched (&slot, NULL, watcher, G_CALLBACK (watcher_changed_cb), NULL));
  g_assert_null (slot);
  g_object_unref (unit_add_client (other, "Umbrella", "UMB"));
  g_assert_cmpuint (n_changes, ==, 2);
}

/* A register whose table of clients is damaged on disk: the list of
 * clients says so, where it gave an empty list before, which the XML
 * export wrote as a register without clients and the Clients window
 * showed as no clients at all. */
static void
test_list_clients_damaged (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) clients = NULL;
  g_autofree char *expected = NULL;

  if (store_fixture_on_server ())
    {
      g_test_skip ("A register in a file only: it damages the file's pages");
      return;
    }

  g_object_unref (unit_add_client (f->store, "华东建设", "HDJS"));
  g_object_unref (unit_add_client (f->store, "Contoso", "CON"));
  clients = signet_store_list_clients (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (clients), ==, 2);
  g_clear_object (&clients);
  g_clear_object (&f->store);

  unit_damage_table (f->path, "clients");

  f->store = signet_store_open (f->path, SIGNET_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  clients = signet_store_list_clients (f->store, &error);
  g_assert_null (clients);
  expected = g_strdup_printf ("The database “%s” is damaged.", f->path);
  g_assert_error (error, SIGNET_STORE_ERROR, SIGNET_STORE_ERROR_NOT_A_DATABASE);
  g_assert_cmpstr (error->message, ==, expected);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/store/file-permissions", test_file_permissions);
  ADD ("/store/contract-crud", test_contract_crud);
  ADD ("/store/contract-constraints", test_contract_constraints);
  ADD ("/store/client-constraints", test_client_constraints);
  ADD ("/store/audit", test_audit);
  ADD ("/store/confidential", test_confidential);
  ADD ("/store/audit-same-transaction", test_audit_same_transaction);
  ADD ("/store/number-pattern", test_number_pattern);
  ADD ("/store/search", test_search);
  ADD ("/store/sort", test_sort);
  ADD ("/store/batch", test_batch);
  ADD ("/store/refuse-newer", test_refuse_newer);
  ADD ("/store/refuse-bad-files", test_refuse_bad_files);
  ADD ("/store/migration/0-to-1", test_migration_0_to_1);
  ADD ("/store/migration/1-to-2", test_migration_1_to_2);
  ADD ("/store/migration/2-to-3", test_migration_2_to_3);
  ADD ("/store/migration/3-to-4", test_migration_3_to_4);
  ADD ("/store/migration/4-to-5", test_migration_4_to_5);
  ADD ("/store/batch-bulk", test_batch_bulk);
  ADD ("/store/batch-failed-halfway", test_batch_failed_halfway);
  ADD ("/store/two-connections", test_two_connections);
  ADD ("/store/busy-message", test_busy_message);
  ADD ("/store/set-watched", test_set_watched);
  ADD ("/store/list-clients-damaged", test_list_clients_damaged);
#undef ADD

  return g_test_run ();
}
