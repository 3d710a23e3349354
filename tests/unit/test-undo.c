/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Undo of every kind of deletion (signet_store_delete() and
 * signet_store_restore()): the record comes back with the same id and the
 * same stored row, every column compared as SQLite holds it, with what
 * belongs to it, and a "restore" audit entry; a restore that cannot put
 * the rows back as they were says why and changes nothing. */

#include "config.h"

#include <locale.h>
#include <string.h>

#include "signet-store-attachments.h"
#include "signet-store-events.h"
#include "signet-store-private.h"
#include "signet-tombstone.h"
#include "store-fixture.h"

#define TODAY "2026-12-07"
#define MINIMAL_PDF "%PDF-1.4\n% a test file\n"

static void
fixture_set_up (StoreFixture  *f,
                gconstpointer  data)
{
  store_fixture_open (f, TODAY);
}

static void
fixture_tear_down (StoreFixture  *f,
                   gconstpointer  data)
{
  store_fixture_close (f);
}

/* Every column of the rows @sql selects, as "name=value" in order; the
 * version column is left out when @skip_version. */
static char *
rows_text (StoreFixture *f,
           const char   *sql,
           gint64        id,
           gboolean      skip_version)
{
  GString *text = g_string_new (NULL);
  SignetDbStmt *stmt = NULL;

  g_assert_cmpint (signet_db_prepare (f->store->db, sql, FALSE, &stmt), ==, SIGNET_DB_OK);
  signet_db_bind_int64 (stmt, 1, id);
  while (signet_db_step (stmt) == SIGNET_DB_ROW)
    {
      for (int i = 0; i < signet_db_column_count (stmt); i++)
        {
          if (skip_version && g_str_equal (signet_db_column_name (stmt, i), "version"))
            continue;
          g_string_append_printf (text, "%s=%s|", signet_db_column_name (stmt, i),
                                  signet_db_column_type (stmt, i) == SIGNET_DB_NULL
                                  ? "NULL" : signet_db_column_text (stmt, i));
        }
      g_string_append_c (text, '\n');
    }
  signet_db_finalize (stmt);

  return g_string_free (text, FALSE);
}

static gint64
add_contract (StoreFixture *f,
              const char   *number)
{
  g_autoptr(SignetContract) contract = signet_contract_new ();
  g_autoptr(GError) error = NULL;

  signet_contract_set_number (contract, number);
  signet_contract_set_title (contract, "华东物流仓储服务合同");
  signet_contract_set_client_id (contract, signet_client_get_id (f->client));
  signet_contract_set_currency (contract, "CNY");
  signet_contract_set_value (contract, 125000050);
  signet_contract_set_start_date (contract, "2026-01-01");
  signet_contract_set_end_date (contract, "2026-12-31");
  signet_contract_set_notice_days (contract, 30);
  signet_contract_set_auto_renew (contract, TRUE);
  signet_contract_set_status (contract, SIGNET_CONTRACT_STATUS_ACTIVE);
  signet_contract_set_risk_level (contract, SIGNET_RISK_LEVEL_HIGH);
  signet_contract_set_owner (contract, "李娜");
  signet_contract_set_tags (contract, "物流");
  g_assert_true (signet_store_add_contract (f->store, contract, &error));
  g_assert_no_error (error);

  return signet_contract_get_id (contract);
}

static gint64
add_key_date (StoreFixture *f,
              gint64        contract_id,
              const char   *title)
{
  g_autoptr(SignetUserKeyDate) key_date =
    signet_user_key_date_new (contract_id, SIGNET_KEY_DATE_PAYMENT, "2026-08-31", title, "第二期");
  g_autoptr(GError) error = NULL;

  g_assert_true (signet_store_add_key_date (f->store, key_date, &error));
  g_assert_no_error (error);

  return key_date->id;
}

static SignetAttachment *
attach (StoreFixture *f,
        gint64        contract_id)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (MINIMAL_PDF, strlen (MINIMAL_PDF));
  g_autoptr(GError) error = NULL;
  SignetAttachment *attachment;

  attachment = signet_store_add_attachment (f->store, contract_id, bytes, "租赁合同.pdf", "application/pdf",
                                            SIGNET_ATTACHMENT_ROLE_SIGNED, "盖章版", &error);
  g_assert_no_error (error);

  return attachment;
}

static SignetAnnotation *
annotate (StoreFixture *f,
          gint64        version_id)
{
  const SignetAnnotationRect rect = { 72, 100, 300, 114 };
  g_autoptr(GError) error = NULL;
  SignetAnnotation *annotation;

  annotation = signet_store_add_annotation (f->store, version_id, SIGNET_ANNOTATION_KIND_HIGHLIGHT, 2, &rect, 1,
                                            "#ffd400", "违约金条款", &error);
  g_assert_no_error (error);

  return annotation;
}

static const char *
newest_action (StoreFixture     *f,
               SignetRecordKind  kind,
               gint64            id)
{
  g_autoptr(GPtrArray) audit = signet_store_list_audit (f->store, kind, id, NULL);
  static char action[64];

  g_assert_nonnull (audit);
  g_assert_cmpuint (audit->len, >, 0);
  g_strlcpy (action, signet_audit_action_to_token (((SignetAuditEntry *) g_ptr_array_index (audit, 0))->action),
             sizeof action);

  return action;
}

static guint
count_rows (StoreFixture *f,
            const char   *table)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s", table);

  return (guint) _signet_store_query_int64 (f->store, sql, NULL);
}

/* A contract comes back whole: its row (its UUID among the columns), one
 * version on, and what stayed under its id while it was deleted: key
 * dates, the attachment with its annotation, reviews, its events. */
static void
test_contract (StoreFixture  *f,
               gconstpointer  data)
{
  gint64 id = add_contract (f, "HT-2026-0042");
  gint64 key_date_id = add_key_date (f, id, "第二期付款");
  g_autoptr(SignetAttachment) attachment = attach (f, id);
  g_autoptr(SignetAnnotation) annotation = annotate (f, signet_attachment_get_version_id (attachment));
  g_autoptr(SignetTombstone) tombstone = NULL;
  g_autoptr(SignetContract) restored = NULL;
  g_autoptr(GPtrArray) key_dates = NULL;
  g_autoptr(GPtrArray) attachments = NULL;
  g_autoptr(GPtrArray) annotations = NULL;
  g_autoptr(GPtrArray) reviews = NULL;
  g_autoptr(GPtrArray) events_before = NULL;
  g_autoptr(GPtrArray) events_after = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *row_before = NULL;
  g_autofree char *row_after = NULL;
  guint64 edits;
  gint64 next_id;

  g_assert_true (signet_store_record_review (f->store, id, "2026-06-10", "王芳", NULL, NULL, &error));
  g_assert_no_error (error);
  row_before = rows_text (f, "SELECT * FROM contracts WHERE id = ?", id, TRUE);
  events_before = signet_store_list_events (f->store, NULL, NULL, &error);
  g_assert_no_error (error);

  edits = signet_store_get_edit_count (f->store);
  tombstone = signet_store_delete (f->store, SIGNET_TOMBSTONE_CONTRACT, id, &error);
  g_assert_no_error (error);
  g_assert_nonnull (tombstone);
  g_assert_cmpuint (signet_store_get_edit_count (f->store), ==, edits + 1);
  g_assert_cmpint (signet_tombstone_get_kind (tombstone), ==, SIGNET_TOMBSTONE_CONTRACT);
  g_assert_cmpint (signet_tombstone_get_id (tombstone), ==, id);
  g_assert_cmpint (signet_tombstone_get_contract_id (tombstone), ==, id);
  g_assert_cmpstr (signet_tombstone_get_label (tombstone), ==, "HT-2026-0042");
  g_assert_null (signet_store_get_contract (f->store, id, NULL));
  g_assert_cmpuint (signet_store_count_contracts (f->store), ==, 0);

  g_assert_true (signet_store_restore (f->store, tombstone, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (signet_store_get_edit_count (f->store), ==, edits + 2);

  restored = signet_store_get_contract (f->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (signet_contract_get_number (restored), ==, "HT-2026-0042");
  g_assert_cmpint (signet_contract_get_version (restored), ==, 2);
  row_after = rows_text (f, "SELECT * FROM contracts WHERE id = ?", id, TRUE);
  g_assert_cmpstr (row_after, ==, row_before);

  key_dates = signet_store_list_key_dates (f->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (key_dates->len, ==, 1);
  g_assert_cmpint (((SignetUserKeyDate *) g_ptr_array_index (key_dates, 0))->id, ==, key_date_id);
  attachments = signet_store_list_attachments (f->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (attachments->len, ==, 1);
  g_assert_cmpint (signet_attachment_get_id (g_ptr_array_index (attachments, 0)), ==,
                   signet_attachment_get_id (attachment));
  annotations = signet_store_list_annotations (f->store, signet_attachment_get_version_id (attachment), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (annotations->len, ==, 1);
  g_assert_cmpint (signet_annotation_get_id (g_ptr_array_index (annotations, 0)), ==,
                   signet_annotation_get_id (annotation));
  reviews = signet_store_list_reviews (f->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (reviews->len, ==, 1);
  events_after = signet_store_list_events (f->store, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (events_after->len, ==, events_before->len);

  g_assert_cmpstr (newest_action (f, SIGNET_RECORD_CONTRACT, id), ==, "restore");

  /* Found by search again. */
  {
    g_autoptr(GArray) found = signet_store_query_contract_ids (f->store, "华东", SIGNET_SORT_NUMBER, FALSE, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (found->len, ==, 1);
    g_assert_cmpint (g_array_index (found, gint64, 0), ==, id);
  }

  /* Once back, it cannot come back twice. */
  g_assert_false (signet_store_restore (f->store, tombstone, &error));
  g_assert_error (error, SIGNET_STORE_ERROR, SIGNET_STORE_ERROR_CONFLICT);
  g_assert_cmpstr (error->message, ==, "Contract HT-2026-0042 is in the register already.");
  g_clear_error (&error);

  /* Rows put back under their ids take none from the next new ones. */
  next_id = add_contract (f, "HT-2026-0043");
  g_assert_cmpint (next_id, >, id);
  g_assert_cmpint (add_key_date (f, next_id, "尾款"), >, key_date_id);
  g_assert_cmpuint (signet_store_count_contracts (f->store), ==, 2);
}

/* A key date comes back under its own id: today's Undo no longer adds a
 * new one. */
static void
test_key_date (StoreFixture  *f,
               gconstpointer  data)
{
  gint64 contract_id = add_contract (f, "HT-2026-0001");
  gint64 id = add_key_date (f, contract_id, "第二期付款");
  g_autoptr(SignetTombstone) tombstone = NULL;
  g_autoptr(SignetUserKeyDate) restored = NULL;
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *row_before = rows_text (f, "SELECT * FROM key_dates WHERE id = ?", id, FALSE);
  g_autofree char *row_after = NULL;

  tombstone = signet_store_delete (f->store, SIGNET_TOMBSTONE_KEY_DATE, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (signet_tombstone_get_label (tombstone), ==, "第二期付款");
  g_assert_cmpint (signet_tombstone_get_contract_id (tombstone), ==, contract_id);
  g_assert_null (signet_store_get_key_date (f->store, id, NULL));

  g_assert_true (signet_store_restore (f->store, tombstone, &error));
  g_assert_no_error (error);
  restored = signet_store_get_key_date (f->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (restored->title, ==, "第二期付款");
  g_assert_cmpstr (restored->note, ==, "第二期");
  row_after = rows_text (f, "SELECT * FROM key_dates WHERE id = ?", id, FALSE);
  g_assert_cmpstr (row_after, ==, row_before);
  g_assert_cmpuint (count_rows (f, "key_dates"), ==, 1);
  g_assert_cmpstr (newest_action (f, SIGNET_RECORD_CONTRACT, contract_id), ==, "restore-key-date");

  events = signet_store_list_events (f->store, "2026-08-31", "2026-08-31", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (events->len, ==, 1);
}

/* Sees @client, just added, under the deleted client @id's id. SQLite
 * gives a new row the highest id + 1, which is that id again; a server
 * never gives an id twice (signet-store-schema-pg.c), so there the test
 * moves the row to it. */
static void
take_client_id (StoreFixture *f,
                SignetClient *client,
                gint64        id)
{
  g_autofree char *sql = NULL;

  if (store_fixture_on_server ())
    {
      g_assert_cmpint (signet_client_get_id (client), >, id);
      sql = g_strdup_printf ("UPDATE clients SET id = %" G_GINT64_FORMAT " WHERE id = %" G_GINT64_FORMAT,
                             id, signet_client_get_id (client));
      g_assert_cmpint (signet_db_exec (f->store->db, sql), ==, SIGNET_DB_OK);
      signet_client_set_id (client, id);
    }
  g_assert_cmpint (signet_client_get_id (client), ==, id);
}

/* A client comes back with its id and code; one whose code or id was
 * given to another client meanwhile does not, and says so. */
static void
test_client (StoreFixture  *f,
             gconstpointer  data)
{
  g_autoptr(SignetClient) client = signet_client_new ();
  g_autoptr(SignetClient) other = signet_client_new ();
  g_autoptr(SignetClient) later = signet_client_new ();
  g_autoptr(SignetClient) restored = NULL;
  g_autoptr(GListModel) clients = NULL;
  g_autoptr(SignetTombstone) tombstone = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *row_before = NULL;
  g_autofree char *row_after = NULL;
  gint64 id;

  signet_client_set_name (client, "华东建设");
  signet_client_set_code (client, "HDJX");
  signet_client_set_contact (client, "李娜");
  g_assert_true (signet_store_add_client (f->store, client, &error));
  g_assert_no_error (error);
  id = signet_client_get_id (client);
  row_before = rows_text (f, "SELECT * FROM clients WHERE id = ?", id, FALSE);
  signet_client_set_name (later, "上海港务");
  signet_client_set_code (later, "SHGW");
  g_assert_true (signet_store_add_client (f->store, later, &error));
  g_assert_no_error (error);

  tombstone = signet_store_delete (f->store, SIGNET_TOMBSTONE_CLIENT, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (signet_tombstone_get_label (tombstone), ==, "华东建设");
  g_assert_cmpint (signet_tombstone_get_contract_id (tombstone), ==, 0);

  /* Its code taken: nothing comes back. */
  signet_client_set_name (other, "华东机械");
  signet_client_set_code (other, "HDJX");
  g_assert_true (signet_store_add_client (f->store, other, &error));
  g_assert_no_error (error);
  g_assert_false (signet_store_restore (f->store, tombstone, &error));
  g_assert_error (error, SIGNET_STORE_ERROR, SIGNET_STORE_ERROR_CONFLICT);
  g_assert_cmpstr (error->message, ==,
                   "The client “华东建设” cannot be restored: the client “华东机械” has been given its code.");
  g_clear_error (&error);
  clients = signet_store_list_clients (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (clients), ==, 3);
  g_assert_true (signet_store_delete_client (f->store, signet_client_get_id (other), &error));
  g_assert_no_error (error);

  /* Its id taken. */
  g_assert_true (signet_store_delete_client (f->store, signet_client_get_id (later), &error));
  g_assert_no_error (error);
  signet_client_set_id (other, 0);
  signet_client_set_code (other, "HDJX2");
  g_assert_true (signet_store_add_client (f->store, other, &error));
  g_assert_no_error (error);
  take_client_id (f, other, id);
  g_assert_false (signet_store_restore (f->store, tombstone, &error));
  g_assert_error (error, SIGNET_STORE_ERROR, SIGNET_STORE_ERROR_CONFLICT);
  g_assert_cmpstr (error->message, ==,
                   "The client “华东建设” cannot be restored: another client has been given its id.");
  g_clear_error (&error);

  g_assert_true (signet_store_delete_client (f->store, id, &error));
  g_assert_no_error (error);
  g_assert_true (signet_store_restore (f->store, tombstone, &error));
  g_assert_no_error (error);
  restored = signet_store_get_client (f->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (signet_client_get_code (restored), ==, "HDJX");
  row_after = rows_text (f, "SELECT * FROM clients WHERE id = ?", id, FALSE);
  g_assert_cmpstr (row_after, ==, row_before);
  g_assert_cmpstr (newest_action (f, SIGNET_RECORD_CLIENT, id), ==, "restore");
}

/* The restores that cannot put things back as they were: each says why,
 * and nothing is written. */
static void
test_refused (StoreFixture  *f,
              gconstpointer  data)
{
  gint64 contract_id = add_contract (f, "HT-2026-0007");
  gint64 key_date_id = add_key_date (f, contract_id, "验收");
  g_autoptr(SignetAttachment) attachment = attach (f, contract_id);
  g_autoptr(SignetAnnotation) annotation = annotate (f, signet_attachment_get_version_id (attachment));
  g_autoptr(SignetTombstone) key_date = NULL;
  g_autoptr(SignetTombstone) note = NULL;
  g_autoptr(SignetTombstone) file = NULL;
  g_autoptr(SignetTombstone) contract = NULL;
  g_autoptr(GError) error = NULL;
  guint64 edits;
  gint64 newer;

  note = signet_store_delete (f->store, SIGNET_TOMBSTONE_ANNOTATION, signet_annotation_get_id (annotation), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (signet_tombstone_get_label (note), ==, "租赁合同.pdf");
  file = signet_store_delete (f->store, SIGNET_TOMBSTONE_ATTACHMENT, signet_attachment_get_id (attachment), &error);
  g_assert_no_error (error);
  key_date = signet_store_delete (f->store, SIGNET_TOMBSTONE_KEY_DATE, key_date_id, &error);
  g_assert_no_error (error);
  contract = signet_store_delete (f->store, SIGNET_TOMBSTONE_CONTRACT, contract_id, &error);
  g_assert_no_error (error);

  edits = signet_store_get_edit_count (f->store);
  newer = _signet_store_query_int64 (f->store, "SELECT max(id) FROM audit", NULL);

  /* The annotation's file is gone. */
  g_assert_false (signet_store_restore (f->store, note, &error));
  g_assert_error (error, SIGNET_STORE_ERROR, SIGNET_STORE_ERROR_NOT_FOUND);
  g_assert_cmpstr (error->message, ==, "The annotation cannot be restored: “租赁合同.pdf” has been deleted.");
  g_clear_error (&error);

  /* The file's and the key date's contract is gone. */
  g_assert_false (signet_store_restore (f->store, file, &error));
  g_assert_error (error, SIGNET_STORE_ERROR, SIGNET_STORE_ERROR_NOT_FOUND);
  g_assert_cmpstr (error->message, ==, "“租赁合同.pdf” cannot be restored: its contract has been deleted.");
  g_clear_error (&error);
  g_assert_false (signet_store_restore (f->store, key_date, &error));
  g_assert_error (error, SIGNET_STORE_ERROR, SIGNET_STORE_ERROR_NOT_FOUND);
  g_assert_cmpstr (error->message, ==, "The key date “验收” cannot be restored: its contract has been deleted.");
  g_clear_error (&error);
  g_assert_cmpint (_signet_store_query_int64 (f->store, "SELECT max(id) FROM audit", NULL), ==, newer);
  g_assert_cmpuint (signet_store_get_edit_count (f->store), ==, edits);

  /* Its number was given to a new contract. */
  add_contract (f, "HT-2026-0007");
  newer = _signet_store_query_int64 (f->store, "SELECT max(id) FROM audit", NULL);
  edits = signet_store_get_edit_count (f->store);
  g_assert_false (signet_store_restore (f->store, contract, &error));
  g_assert_error (error, SIGNET_STORE_ERROR, SIGNET_STORE_ERROR_CONFLICT);
  g_assert_cmpstr (error->message, ==,
                   "Contract HT-2026-0007 cannot be restored: another contract has been given its number.");
  g_clear_error (&error);
  g_assert_cmpuint (signet_store_count_contracts (f->store), ==, 1);

  /* Nothing written, nothing counted as a change. */
  g_assert_cmpint (_signet_store_query_int64 (f->store, "SELECT max(id) FROM audit", NULL), ==, newer);
  g_assert_cmpuint (signet_store_get_edit_count (f->store), ==, edits);
  g_assert_cmpuint (count_rows (f, "key_dates"), ==, 0);
  g_assert_cmpuint (count_rows (f, "attachments"), ==, 0);
  g_assert_cmpuint (count_rows (f, "annotations"), ==, 0);
}

/* A contract whose client was deleted after it (and whose client id was
 * then given to a new client) does not come back under that client. */
static void
test_client_gone (StoreFixture  *f,
                  gconstpointer  data)
{
  g_autoptr(SignetClient) own = signet_client_new ();
  g_autoptr(SignetClient) newcomer = signet_client_new ();
  g_autoptr(SignetContract) contract = signet_contract_new ();
  g_autoptr(SignetTombstone) tombstone = NULL;
  g_autoptr(GError) error = NULL;

  signet_client_set_name (own, "重庆钢铁");
  signet_client_set_code (own, "CQGT");
  g_assert_true (signet_store_add_client (f->store, own, &error));
  signet_contract_set_number (contract, "HT-2026-0100");
  signet_contract_set_title (contract, "钢材采购合同");
  signet_contract_set_client_id (contract, signet_client_get_id (own));
  signet_contract_set_currency (contract, "CNY");
  g_assert_true (signet_store_add_contract (f->store, contract, &error));
  g_assert_no_error (error);

  tombstone = signet_store_delete (f->store, SIGNET_TOMBSTONE_CONTRACT, signet_contract_get_id (contract), &error);
  g_assert_no_error (error);
  g_assert_true (signet_store_delete_client (f->store, signet_client_get_id (own), &error));
  g_assert_no_error (error);

  signet_client_set_name (newcomer, "天津港务");
  signet_client_set_code (newcomer, "TJGW");
  g_assert_true (signet_store_add_client (f->store, newcomer, &error));
  take_client_id (f, newcomer, signet_client_get_id (own));

  g_assert_false (signet_store_restore (f->store, tombstone, &error));
  g_assert_error (error, SIGNET_STORE_ERROR, SIGNET_STORE_ERROR_NOT_FOUND);
  g_assert_cmpstr (error->message, ==, "Contract HT-2026-0100 cannot be restored: its client has been deleted.");
  g_assert_cmpuint (signet_store_count_contracts (f->store), ==, 0);
}

static char *
uuid_of (StoreFixture *f,
         const char   *table,
         gint64        id)
{
  g_autofree char *sql = g_strdup_printf ("SELECT uuid FROM %s WHERE id = ?", table);
  SignetDbStmt *stmt = NULL;
  char *uuid = NULL;

  g_assert_cmpint (signet_db_prepare (f->store->db, sql, FALSE, &stmt), ==, SIGNET_DB_OK);
  signet_db_bind_int64 (stmt, 1, id);
  if (signet_db_step (stmt) == SIGNET_DB_ROW)
    uuid = g_strdup (signet_db_column_text (stmt, 0));
  signet_db_finalize (stmt);

  return uuid;
}

/* A record whose UUID another record has been given meanwhile (an import
 * of a file exported before the deletion) comes back under a new one: no
 * two records share one. */
static void
test_uuid_taken (StoreFixture  *f,
                 gconstpointer  data)
{
  gint64 id = add_contract (f, "HT-2026-0001");
  gint64 other = add_contract (f, "HT-2026-0002");
  g_autofree char *uuid = uuid_of (f, "contracts", id);
  g_autofree char *restored_uuid = NULL;
  g_autofree char *sql = NULL;
  g_autoptr(SignetTombstone) tombstone = NULL;
  g_autoptr(GError) error = NULL;

  tombstone = signet_store_delete (f->store, SIGNET_TOMBSTONE_CONTRACT, id, &error);
  g_assert_no_error (error);
  sql = g_strdup_printf ("UPDATE contracts SET uuid = '%s' WHERE id = %" G_GINT64_FORMAT, uuid, other);
  g_assert_cmpint (signet_db_exec (f->store->db, sql), ==, SIGNET_DB_OK);

  g_assert_true (signet_store_restore (f->store, tombstone, &error));
  g_assert_no_error (error);
  restored_uuid = uuid_of (f, "contracts", id);
  g_assert_nonnull (restored_uuid);
  g_assert_cmpstr (restored_uuid, !=, uuid);
  g_assert_cmpuint (strlen (restored_uuid), ==, 36);
}

/* What counts as the user's next change: a write that changes records.
 * Extracted text and a write that failed do not. */
static void
test_edit_count (StoreFixture  *f,
                 gconstpointer  data)
{
  gint64 contract_id = add_contract (f, "HT-2026-0001");
  g_autoptr(SignetAttachment) attachment = attach (f, contract_id);
  g_autoptr(SignetUserKeyDate) bad = signet_user_key_date_new (contract_id + 1, SIGNET_KEY_DATE_OTHER,
                                                               "2026-01-01", "不存在", NULL);
  g_autoptr(GError) error = NULL;
  guint64 edits = signet_store_get_edit_count (f->store);

  g_assert_true (signet_store_set_blob_text (f->store, signet_attachment_get_sha256 (attachment),
                                             SIGNET_BLOB_TEXT_DONE, "第五条", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (signet_store_get_edit_count (f->store), ==, edits);

  g_assert_false (signet_store_add_key_date (f->store, bad, &error));
  g_clear_error (&error);
  g_assert_cmpuint (signet_store_get_edit_count (f->store), ==, edits);

  add_key_date (f, contract_id, "付款");
  g_assert_cmpuint (signet_store_get_edit_count (f->store), ==, edits + 1);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/undo/" path, StoreFixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("contract", test_contract);
  ADD ("key-date", test_key_date);
  ADD ("client", test_client);
  ADD ("refused", test_refused);
  ADD ("client-gone", test_client_gone);
  ADD ("uuid-taken", test_uuid_taken);
  ADD ("edit-count", test_edit_count);

#undef ADD

  return g_test_run ();
}
