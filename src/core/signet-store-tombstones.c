/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "signet-store"

#include "config.h"

#include <glib/gi18n.h>

#include "signet-store-private.h"
#include "signet-tombstone-private.h"

/* Undo for every kind of record: a delete keeps the rows it removes in a
 * SignetTombstone, and signet_store_restore() inserts them again as they
 * were. The rows are kept whole (SELECT *), so that a column added by a
 * later migration comes back with them as well. */

gboolean
_signet_store_keep_rows (SignetStore      *self,
                         SignetTombstone  *tombstone,
                         const char       *table,
                         const char       *where,
                         gint64            id,
                         GError          **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT * FROM %s WHERE %s", table, where);
  SignetDbStmt *stmt = _signet_store_statement (self, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;

  signet_db_bind_int64 (stmt, 1, id);
  rc = _signet_tombstone_keep_rows (tombstone, table, stmt);
  if (rc != SIGNET_DB_DONE)
    return _signet_store_set_error (self, rc, error);

  return TRUE;
}

static char *
insert_sql (const char         *table,
            const char * const *columns)
{
  GString *sql = g_string_new (NULL);

  g_string_append_printf (sql, "INSERT INTO %s (", table);
  for (guint i = 0; columns[i] != NULL; i++)
    g_string_append_printf (sql, "%s\"%s\"", i > 0 ? ", " : "", columns[i]);
  g_string_append (sql, ") VALUES (");
  for (guint i = 0; columns[i] != NULL; i++)
    g_string_append_printf (sql, "%s?%u", i > 0 ? ", " : "", i + 1);
  g_string_append_c (sql, ')');

  return g_string_free (sql, FALSE);
}

gboolean
_signet_store_insert_kept_rows (SignetStore      *self,
                                SignetTombstone  *tombstone,
                                GError          **error)
{
  for (guint t = 0; t < _signet_tombstone_get_n_tables (tombstone); t++)
    {
      const char * const *columns;
      GPtrArray *rows;
      const char *table = _signet_tombstone_get_table (tombstone, t, &columns, &rows);
      g_autofree char *sql = insert_sql (table, columns);
      SignetDbStmt *stmt;

      for (guint r = 0; r < rows->len; r++)
        {
          GPtrArray *row = g_ptr_array_index (rows, r);
          int rc;

          if (!(stmt = _signet_store_statement (self, sql, error)))
            return FALSE;

          for (guint c = 0; c < row->len; c++)
            {
              const char *text = _signet_tombstone_get_override (tombstone, table, columns[c]);

              if (text != NULL)
                signet_db_bind_text (stmt, c + 1, text);
              else
                signet_db_bind_value (stmt, c + 1, g_ptr_array_index (row, c));
            }

          rc = signet_db_step (stmt);
          signet_db_reset (stmt);
          if (rc == SIGNET_DB_DONE)
            continue;

          if (signet_db_errcode (self->db) == SIGNET_DB_CONSTRAINT_PRIMARYKEY)
            {
              g_set_error (error, SIGNET_STORE_ERROR, SIGNET_STORE_ERROR_CONFLICT,
                           _("“%s” cannot be restored: another record has been given its id."),
                           signet_tombstone_get_label (tombstone));
              return FALSE;
            }

          if (signet_db_errcode (self->db) == SIGNET_DB_CONSTRAINT_FOREIGNKEY)
            {
              g_set_error (error, SIGNET_STORE_ERROR, SIGNET_STORE_ERROR_NOT_FOUND,
                           _("“%s” cannot be restored: what it belonged to is no longer in the register."),
                           signet_tombstone_get_label (tombstone));
              return FALSE;
            }

          return _signet_store_set_error (self, rc, error);
        }
    }

  return TRUE;
}

gboolean
_signet_store_keep_uuid (SignetStore      *self,
                         SignetTombstone  *tombstone,
                         const char       *table,
                         GError          **error)
{
  SignetDbValue *kept = _signet_tombstone_get_value (tombstone, table, "uuid");
  const char *uuid = kept != NULL ? signet_db_value_text (kept) : NULL;
  g_autofree char *claimed = NULL;

  if (!(claimed = _signet_store_claim_uuid (self, table, uuid, error)))
    return FALSE;

  if (g_strcmp0 (claimed, uuid) != 0)
    _signet_tombstone_override_text (tombstone, table, "uuid", claimed);

  return TRUE;
}

GHashTable *
_signet_store_get_kept_blobs (SignetStore *self)
{
  if (self->kept_blobs == NULL)
    self->kept_blobs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  return self->kept_blobs;
}

void
_signet_store_count_edit (SignetStore *self)
{
  if (self->edit_pending)
    self->edit_count++;
  self->edit_pending = FALSE;
}

SignetTombstone *
signet_store_delete (SignetStore          *self,
                     SignetTombstoneKind   kind,
                     gint64                id,
                     GError              **error)
{
  g_return_val_if_fail (SIGNET_IS_STORE (self), NULL);

  switch (kind)
    {
    case SIGNET_TOMBSTONE_CONTRACT:
      return _signet_store_delete_contract (self, id, error);
    case SIGNET_TOMBSTONE_CLIENT:
      return _signet_store_delete_client (self, id, error);
    case SIGNET_TOMBSTONE_ATTACHMENT:
      return _signet_store_delete_attachment (self, id, error);
    case SIGNET_TOMBSTONE_KEY_DATE:
      return _signet_store_delete_key_date (self, id, error);
    case SIGNET_TOMBSTONE_ANNOTATION:
      return _signet_store_delete_annotation (self, id, error);
    case SIGNET_TOMBSTONE_PERSON:
      return _signet_store_delete_person (self, id, error);
    case SIGNET_TOMBSTONE_CONTRACT_TYPE:
      return _signet_store_delete_contract_type (self, id, error);
    case SIGNET_TOMBSTONE_AMENDMENT:
      return _signet_store_delete_amendment (self, id, error);
    case SIGNET_TOMBSTONE_APPROVAL_ROUTE:
      return _signet_store_delete_approval_route (self, id, error);
    case SIGNET_TOMBSTONE_RISK:
      return _signet_store_delete_risk (self, id, error);
    case SIGNET_TOMBSTONE_LOAN:
      return _signet_store_delete_loan (self, id, error);
    case SIGNET_TOMBSTONE_ORIGINAL:
      return _signet_store_delete_original (self, id, error);
    case SIGNET_TOMBSTONE_SAVED_VIEW:
      return _signet_store_delete_saved_view (self, id, error);
    case SIGNET_TOMBSTONE_OBLIGATION:
      return _signet_store_delete_obligation (self, id, error);
    case SIGNET_TOMBSTONE_REVIEW:
      return _signet_store_delete_review (self, id, error);
    case SIGNET_TOMBSTONE_PAYMENT:
    case SIGNET_TOMBSTONE_PAYMENT_INVOICE:
    case SIGNET_TOMBSTONE_PAYMENT_SETTLEMENT:
      return _signet_store_delete_payment_record (self, kind, id, error);
    default:
      g_return_val_if_reached (NULL);
    }
}

gboolean
signet_store_restore (SignetStore      *self,
                      SignetTombstone  *tombstone,
                      GError          **error)
{
  g_auto(SignetWriteScope) scope = { 0 };
  gboolean restored = FALSE;

  g_return_val_if_fail (SIGNET_IS_STORE (self), FALSE);
  g_return_val_if_fail (SIGNET_IS_TOMBSTONE (tombstone), FALSE);

  if (!_signet_write_scope_begin (&scope, self, error))
    return FALSE;

  /* Each writes its "restore" audit entry, which tells the views: the
   * contract or client added, or the contract of the rest updated. */
  switch (signet_tombstone_get_kind (tombstone))
    {
    case SIGNET_TOMBSTONE_CONTRACT:
      restored = _signet_store_restore_contract (&scope, tombstone, error);
      break;
    case SIGNET_TOMBSTONE_CLIENT:
      restored = _signet_store_restore_client (&scope, tombstone, error);
      break;
    case SIGNET_TOMBSTONE_ATTACHMENT:
      restored = _signet_store_restore_attachment (&scope, tombstone, error);
      break;
    case SIGNET_TOMBSTONE_KEY_DATE:
      restored = _signet_store_restore_key_date (&scope, tombstone, error);
      break;
    case SIGNET_TOMBSTONE_ANNOTATION:
      restored = _signet_store_restore_annotation (&scope, tombstone, error);
      break;
    case SIGNET_TOMBSTONE_PERSON:
      restored = _signet_store_restore_person (&scope, tombstone, error);
      break;
    case SIGNET_TOMBSTONE_CONTRACT_TYPE:
      restored = _signet_store_restore_contract_type (&scope, tombstone, error);
      break;
    case SIGNET_TOMBSTONE_AMENDMENT:
      restored = _signet_store_restore_amendment (&scope, tombstone, error);
      break;
    case SIGNET_TOMBSTONE_APPROVAL_ROUTE:
      restored = _signet_store_restore_approval_route (&scope, tombstone, error);
      break;
    case SIGNET_TOMBSTONE_RISK:
      restored = _signet_store_restore_risk (&scope, tombstone, error);
      break;
    case SIGNET_TOMBSTONE_LOAN:
      restored = _signet_store_restore_loan (&scope, tombstone, error);
      break;
    case SIGNET_TOMBSTONE_ORIGINAL:
      restored = _signet_store_restore_original (&scope, tombstone, error);
      break;
    case SIGNET_TOMBSTONE_SAVED_VIEW:
      restored = _signet_store_restore_saved_view (&scope, tombstone, error);
      break;
    case SIGNET_TOMBSTONE_OBLIGATION:
      restored = _signet_store_restore_obligation (&scope, tombstone, error);
      break;
    case SIGNET_TOMBSTONE_REVIEW:
      restored = _signet_store_restore_review (&scope, tombstone, error);
      break;
    case SIGNET_TOMBSTONE_PAYMENT:
    case SIGNET_TOMBSTONE_PAYMENT_INVOICE:
    case SIGNET_TOMBSTONE_PAYMENT_SETTLEMENT:
      restored = _signet_store_restore_payment_record (&scope, tombstone, error);
      break;
    default:
      g_assert_not_reached ();
    }

  return restored && _signet_write_scope_commit (&scope, error);
}

guint64
signet_store_get_edit_count (SignetStore *self)
{
  g_return_val_if_fail (SIGNET_IS_STORE (self), 0);

  return self->edit_count;
}
