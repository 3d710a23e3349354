/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "signet-store"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "signet-store-private.h"
#include "signet-tombstone-private.h"

/* Every stored column of a client, in the order read_client_row() reads them. */
#define SELECT_CLIENT "SELECT id, name, code, contact, phone, email, address, notes, version FROM clients "

static gboolean
validate_client (SignetStore   *self,
                 SignetClient  *client,
                 GError       **error)
{
  /* As it is stored: spaces around a code are not part of it. */
  g_autofree char *code = _signet_strdup_trimmed (signet_client_get_code (client));
  const char *email = signet_client_get_email (client);
  SignetDbStmt *stmt;

  if (_signet_is_blank (signet_client_get_name (client)))
    return _signet_set_field_error (error, SIGNET_FIELD_CLIENT_NAME, _("Enter the client’s name."));

  if (_signet_is_blank (code))
    return _signet_set_field_error (error, SIGNET_FIELD_CLIENT_CODE,
                                    _("Enter a short code for the client, such as C001."));

  if (!_signet_check_length (code, SIGNET_STORE_MAX_KEY_CHARS, SIGNET_FIELD_CLIENT_CODE, error) ||
      !_signet_check_length (signet_client_get_name (client), SIGNET_STORE_MAX_TITLE_CHARS,
                             SIGNET_FIELD_CLIENT_NAME, error))
    return FALSE;

  if (!_signet_is_blank (email))
    {
      const char *at = strchr (email, '@');

      if (at == NULL || at == email || at[1] == '\0' || strchr (at + 1, '@') != NULL ||
          strpbrk (email, " \t\r\n") != NULL)
        return _signet_set_field_error (error, SIGNET_FIELD_CLIENT_EMAIL,
                                        _("“%s” is not an email address."), email);
    }

  stmt = _signet_store_statement (self, "SELECT name FROM clients WHERE code = ? AND id <> ?", error);
  if (stmt == NULL)
    return FALSE;

  signet_db_bind_text (stmt, 1, code);
  signet_db_bind_int64 (stmt, 2, signet_client_get_id (client));
  if (signet_db_step (stmt) == SIGNET_DB_ROW)
    {
      g_autofree char *other_name = _signet_store_dup_text (stmt, 0);

      signet_db_reset (stmt);
      return _signet_set_field_error (error, SIGNET_FIELD_CLIENT_CODE,
                                      _("The code %s is already used by the client “%s”."), code, other_name);
    }
  signet_db_reset (stmt);

  return TRUE;
}

static gboolean
check_client_keys (SignetStore    *self,
                   gconstpointer   client,
                   GError        **error)
{
  return validate_client (self, (SignetClient *) client, error);
}

static void
read_client_row (SignetDbStmt *stmt,
                 SignetClient *client)
{
  signet_client_set_id (client, signet_db_column_int64 (stmt, 0));
  signet_client_set_name (client, signet_db_column_text (stmt, 1));
  signet_client_set_code (client, signet_db_column_text (stmt, 2));
  signet_client_set_contact (client, signet_db_column_text (stmt, 3));
  signet_client_set_phone (client, signet_db_column_text (stmt, 4));
  signet_client_set_email (client, signet_db_column_text (stmt, 5));
  signet_client_set_address (client, signet_db_column_text (stmt, 6));
  signet_client_set_notes (client, signet_db_column_text (stmt, 7));
  signet_client_set_version (client, signet_db_column_int64 (stmt, 8));
}

static void
bind_client (SignetDbStmt *stmt,
             SignetClient *client)
{
  g_autofree char *name = _signet_strdup_trimmed (signet_client_get_name (client));
  g_autofree char *code = _signet_strdup_trimmed (signet_client_get_code (client));

  _signet_store_bind_text (stmt, 1, name);
  _signet_store_bind_text (stmt, 2, code);
  _signet_store_bind_text (stmt, 3, signet_client_get_contact (client));
  _signet_store_bind_text (stmt, 4, signet_client_get_phone (client));
  _signet_store_bind_text (stmt, 5, signet_client_get_email (client));
  _signet_store_bind_text (stmt, 6, signet_client_get_address (client));
  _signet_store_bind_text (stmt, 7, signet_client_get_notes (client));
}

SignetClient *
_signet_store_lookup_client (SignetStore  *self,
                             const char   *where,
                             gint64        id,
                             const char   *text,
                             GError      **error)
{
  g_autofree char *sql = g_strdup_printf (SELECT_CLIENT "WHERE %s = ?", where);
  SignetDbStmt *stmt = _signet_store_statement (self, sql, error);
  SignetClient *client = NULL;
  int rc;

  if (stmt == NULL)
    return NULL;

  if (text != NULL)
    signet_db_bind_text (stmt, 1, text);
  else
    signet_db_bind_int64 (stmt, 1, id);

  rc = signet_db_step (stmt);
  if (rc == SIGNET_DB_ROW)
    {
      client = signet_client_new ();
      read_client_row (stmt, client);
    }
  else if (rc != SIGNET_DB_DONE)
    _signet_store_set_error (self, rc, error);

  signet_db_reset (stmt);

  return client;
}

gboolean
signet_store_add_client (SignetStore   *self,
                         SignetClient  *client,
                         GError       **error)
{
  g_auto(SignetWriteScope) scope = { 0 };
  g_autoptr(FieldList) after = NULL;
  SignetDbStmt *stmt;
  gint64 id;

  g_return_val_if_fail (SIGNET_IS_STORE (self), FALSE);
  g_return_val_if_fail (SIGNET_IS_CLIENT (client), FALSE);

  if (!_signet_write_scope_begin (&scope, self, error))
    return FALSE;

  signet_client_set_id (client, 0);
  if (!validate_client (self, client, error))
    return FALSE;

  stmt = _signet_store_statement (self,
                                  "INSERT INTO clients (name, code, contact, phone, email, address, notes) "
                                  "VALUES (?, ?, ?, ?, ?, ?, ?)", error);
  if (stmt == NULL)
    return FALSE;

  bind_client (stmt, client);
  if (!_signet_store_step_keyed (self, stmt, check_client_keys, client, error))
    return FALSE;

  id = signet_db_last_insert_id (self->db);
  after = _signet_client_to_fields (client);
  if (!_signet_write_scope_audit (&scope, SIGNET_AUDIT_ACTION_CREATE, SIGNET_RECORD_CLIENT, id,
                                  signet_client_get_name (client), NULL, after, error) ||
      !_signet_write_scope_commit (&scope, error))
    return FALSE;

  signet_client_set_id (client, id);
  signet_client_set_version (client, 1);

  return TRUE;
}

/* The fields a save merges one by one, in the form's order. */
static const SignetField client_fields[] = {
  SIGNET_FIELD_CLIENT_NAME,
  SIGNET_FIELD_CLIENT_CODE,
  SIGNET_FIELD_CLIENT_CONTACT,
  SIGNET_FIELD_CLIENT_PHONE,
  SIGNET_FIELD_CLIENT_EMAIL,
  SIGNET_FIELD_CLIENT_ADDRESS,
  SIGNET_FIELD_CLIENT_NOTES,
};

static gboolean
client_field_equal (SignetClient *a,
                    SignetClient *b,
                    SignetField   field)
{
  return g_strcmp0 (signet_client_get_field (a, field), signet_client_get_field (b, field)) == 0;
}

/* Writes @client over @old, the row as read in this write's transaction,
 * one version on, and audits what changed; the caller has begun the write
 * and rolls it back on failure. */
static gboolean
write_update (SignetWriteScope  *scope,
              SignetClient      *old,
              SignetClient      *client,
              GError           **error)
{
  SignetStore *self = scope->store;
  g_autoptr(FieldList) before = NULL;
  g_autoptr(FieldList) after = NULL;
  gint64 id = signet_client_get_id (old);
  SignetDbStmt *stmt;

  if (!validate_client (self, client, error))
    return FALSE;

  stmt = _signet_store_statement (self,
                                  "UPDATE clients SET name = ?, code = ?, contact = ?, phone = ?, email = ?, "
                                  "address = ?, notes = ?, version = version + 1 WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;

  bind_client (stmt, client);
  signet_db_bind_int64 (stmt, 8, id);
  if (!_signet_store_step_keyed (self, stmt, check_client_keys, client, error))
    return FALSE;

  before = _signet_client_to_fields (old);
  after = _signet_client_to_fields (client);

  return _signet_write_scope_audit (scope, SIGNET_AUDIT_ACTION_UPDATE, SIGNET_RECORD_CLIENT, id,
                                    signet_client_get_name (client), before, after, error);
}

gboolean
signet_store_update_client (SignetStore   *self,
                            SignetClient  *client,
                            GError       **error)
{
  g_auto(SignetWriteScope) scope = { 0 };
  g_autoptr(SignetClient) old = NULL;

  g_return_val_if_fail (SIGNET_IS_STORE (self), FALSE);
  g_return_val_if_fail (SIGNET_IS_CLIENT (client), FALSE);

  if (!_signet_write_scope_begin (&scope, self, error) ||
      !(old = signet_store_get_client (self, signet_client_get_id (client), error)) ||
      !write_update (&scope, old, client, error) ||
      !_signet_write_scope_commit (&scope, error))
    return FALSE;

  signet_client_set_version (client, signet_client_get_version (old) + 1);

  return TRUE;
}

gboolean
signet_store_save_client (SignetStore   *self,
                          SignetClient  *base,
                          SignetClient  *edited,
                          GError       **error)
{
  g_auto(SignetWriteScope) scope = { 0 };
  g_autoptr(SignetClient) current = NULL;
  g_autoptr(SignetClient) merged = NULL;
  gboolean changed = FALSE;
  gint64 id;

  g_return_val_if_fail (SIGNET_IS_STORE (self), FALSE);
  g_return_val_if_fail (SIGNET_IS_CLIENT (base), FALSE);
  g_return_val_if_fail (SIGNET_IS_CLIENT (edited), FALSE);
  g_return_val_if_fail (signet_client_get_id (base) == signet_client_get_id (edited), FALSE);

  id = signet_client_get_id (base);

  if (!_signet_write_scope_begin (&scope, self, error) ||
      !_signet_store_lock_row (self, "SELECT id FROM clients WHERE id = ?1 FOR UPDATE", id, error) ||
      !(current = signet_store_get_client (self, id, error)))
    return FALSE;

  if (signet_client_get_version (current) != signet_client_get_version (base))
    {
      g_set_error (error, SIGNET_STORE_ERROR, SIGNET_STORE_ERROR_CONFLICT,
                   _("The client “%s” was changed elsewhere after you opened it. Nothing was saved; "
                     "review the changes and save again."),
                   signet_client_get_name (current));
      return FALSE;
    }

  merged = signet_client_copy (current);
  for (guint i = 0; i < G_N_ELEMENTS (client_fields); i++)
    if (!client_field_equal (edited, base, client_fields[i]))
      {
        signet_client_set_field (merged, client_fields[i], signet_client_get_field (edited, client_fields[i]));
        changed |= !client_field_equal (merged, current, client_fields[i]);
      }

  /* The user's edits are what is stored already: nothing to write (the
   * scope rolls back). */
  if (!changed)
    return TRUE;

  return write_update (&scope, current, merged, error) &&
         _signet_write_scope_commit (&scope, error);
}

GArray *
signet_store_list_client_conflicts (SignetStore   *self,
                                    SignetClient  *base,
                                    SignetClient  *edited,
                                    SignetClient **current,
                                    GError       **error)
{
  g_autoptr(SignetClient) stored = NULL;
  GArray *conflicts;

  g_return_val_if_fail (SIGNET_IS_STORE (self), NULL);
  g_return_val_if_fail (SIGNET_IS_CLIENT (base), NULL);
  g_return_val_if_fail (SIGNET_IS_CLIENT (edited), NULL);
  g_return_val_if_fail (current != NULL, NULL);

  stored = signet_store_get_client (self, signet_client_get_id (base), error);
  if (stored == NULL)
    return NULL;

  conflicts = g_array_new (FALSE, FALSE, sizeof (SignetFieldConflict));
  for (guint i = 0; i < G_N_ELEMENTS (client_fields); i++)
    {
      SignetFieldConflict conflict = { client_fields[i], FALSE };

      if (client_field_equal (base, stored, conflict.field))
        continue;

      conflict.edited = !client_field_equal (edited, base, conflict.field);
      g_array_append_val (conflicts, conflict);
    }

  *current = g_steal_pointer (&stored);

  return conflicts;
}

guint
signet_store_count_client_contracts (SignetStore *self,
                                     gint64       client_id)
{
  g_return_val_if_fail (SIGNET_IS_STORE (self), 0);

  return _signet_store_count_contracts (self, "SELECT count(*) FROM contracts WHERE client_id = ?", client_id);
}

SignetTombstone *
_signet_store_delete_client (SignetStore  *self,
                             gint64        id,
                             GError      **error)
{
  g_auto(SignetWriteScope) scope = { 0 };
  g_autoptr(SignetClient) old = NULL;
  g_autoptr(FieldList) before = NULL;
  g_autoptr(SignetTombstone) tombstone = NULL;
  SignetDbStmt *stmt;
  guint n_contracts;

  if (!_signet_write_scope_begin (&scope, self, error) ||
      !(old = signet_store_get_client (self, id, error)))
    return NULL;

  n_contracts = signet_store_count_client_contracts (self, id);
  if (n_contracts > 0)
    {
      g_set_error (error, SIGNET_STORE_ERROR, SIGNET_STORE_ERROR_IN_USE,
                   g_dngettext (GETTEXT_PACKAGE,
                                "“%s” still has %u contract. Delete that contract or give it "
                                "another client before deleting this client.",
                                "“%s” still has %u contracts. Delete those contracts or give them "
                                "another client before deleting this client.",
                                n_contracts),
                   signet_client_get_name (old), n_contracts);
      return NULL;
    }

  tombstone = _signet_tombstone_new (SIGNET_TOMBSTONE_CLIENT, id, 0, signet_client_get_name (old));
  if (!_signet_store_keep_rows (self, tombstone, "clients", "id = ?1", id, error))
    return NULL;

  stmt = _signet_store_statement (self, "DELETE FROM clients WHERE id = ?", error);
  if (stmt == NULL)
    return NULL;

  signet_db_bind_int64 (stmt, 1, id);
  before = _signet_client_to_fields (old);
  if (!_signet_store_step_done (self, stmt, error) ||
      !_signet_write_scope_audit (&scope, SIGNET_AUDIT_ACTION_DELETE, SIGNET_RECORD_CLIENT, id,
                                  signet_client_get_name (old), before, NULL, error) ||
      !_signet_write_scope_commit (&scope, error))
    return NULL;

  return g_steal_pointer (&tombstone);
}

gboolean
signet_store_delete_client (SignetStore  *self,
                            gint64        id,
                            GError      **error)
{
  g_autoptr(SignetTombstone) tombstone = NULL;

  g_return_val_if_fail (SIGNET_IS_STORE (self), FALSE);

  tombstone = _signet_store_delete_client (self, id, error);

  return tombstone != NULL;
}

gboolean
_signet_store_restore_client (SignetWriteScope  *scope,
                              SignetTombstone   *tombstone,
                              GError           **error)
{
  SignetStore *self = scope->store;
  gint64 id = signet_tombstone_get_id (tombstone);
  const char *name = signet_tombstone_get_label (tombstone);
  SignetDbValue *code = _signet_tombstone_get_value (tombstone, "clients", "code");
  g_autoptr(SignetClient) other = NULL;
  g_autoptr(SignetClient) restored = NULL;
  g_autoptr(FieldList) after = NULL;

  if ((other = _signet_store_lookup_client (self, "id", id, NULL, NULL)) != NULL)
    {
      g_set_error (error, SIGNET_STORE_ERROR, SIGNET_STORE_ERROR_CONFLICT,
                   _("The client “%s” cannot be restored: another client has been given its id."), name);
      return FALSE;
    }

  if (code != NULL &&
      (other = _signet_store_lookup_client (self, "code", 0, signet_db_value_text (code), NULL)) != NULL)
    {
      g_set_error (error, SIGNET_STORE_ERROR, SIGNET_STORE_ERROR_CONFLICT,
                   /* Translators: the first %s is the deleted client's name, the second another's. */
                   _("The client “%s” cannot be restored: the client “%s” has been given its code."),
                   name, signet_client_get_name (other));
      return FALSE;
    }

  if (!_signet_store_insert_kept_rows (self, tombstone, error) ||
      !(restored = signet_store_get_client (self, id, error)))
    return FALSE;

  after = _signet_client_to_fields (restored);

  return _signet_write_scope_audit (scope, SIGNET_AUDIT_ACTION_RESTORE, SIGNET_RECORD_CLIENT, id, name, NULL, after,
                                    error);
}

SignetClient *
signet_store_get_client (SignetStore  *self,
                         gint64        id,
                         GError      **error)
{
  g_autoptr(GError) local_error = NULL;
  SignetClient *client;

  g_return_val_if_fail (SIGNET_IS_STORE (self), NULL);

  client = _signet_store_lookup_client (self, "id", id, NULL, &local_error);
  if (client == NULL && local_error == NULL)
    g_set_error (&local_error, SIGNET_STORE_ERROR, SIGNET_STORE_ERROR_NOT_FOUND,
                 _("The client no longer exists; it may have been deleted."));

  if (local_error != NULL)
    g_propagate_error (error, g_steal_pointer (&local_error));

  return client;
}

SignetClient *
signet_store_find_client_by_code (SignetStore  *self,
                                  const char   *code,
                                  GError      **error)
{
  g_return_val_if_fail (SIGNET_IS_STORE (self), NULL);
  g_return_val_if_fail (code != NULL, NULL);

  return _signet_store_lookup_client (self, "code", 0, code, error);
}

GListModel *
signet_store_list_clients (SignetStore  *self,
                           GError      **error)
{
  g_return_val_if_fail (SIGNET_IS_STORE (self), NULL);

  /* Chinese names in pinyin order (migration 8's sort keys). */
  return _signet_store_list_objects (self, SELECT_CLIENT "ORDER BY name_key, name, code", SIGNET_TYPE_CLIENT,
                                     (SignetStoreFillFunc) read_client_row, error);
}
