/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "signet-store"

#include "config.h"

#include "signet-store-import-mappings.h"
#include "signet-store-private.h"

/* How the columns of a spreadsheet were mapped to a contract's fields on
 * its last import, remembered by its header row (the headers as the file
 * had them, joined by tabs), so that the next file of the same shape is
 * mapped the same way. */

/* Version 23. */
gboolean
_signet_store_migrate_import_mappings (SignetStore  *self,
                                       GError      **error)
{
  return _signet_store_exec (self,
    "CREATE TABLE import_mappings ("
    "  headers TEXT PRIMARY KEY,"
    "  mapping TEXT NOT NULL,"
    "  used_at TEXT NOT NULL);",
    error);
}

static gpointer
mapping_from_row (SignetDbStmt *stmt)
{
  return _signet_store_dup_text (stmt, 0);
}

char *
signet_store_dup_import_mapping (SignetStore  *self,
                                 const char   *headers,
                                 GError      **error)
{
  SignetDbStmt *stmt;

  g_return_val_if_fail (SIGNET_IS_STORE (self), NULL);
  g_return_val_if_fail (headers != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stmt = _signet_store_statement (self, "SELECT mapping FROM import_mappings WHERE headers = ?", error);
  if (stmt == NULL)
    return NULL;
  signet_db_bind_text (stmt, 1, headers);

  return _signet_store_step_one_row (self, stmt, mapping_from_row, error);
}

gboolean
signet_store_remember_import_mapping (SignetStore  *self,
                                      const char   *headers,
                                      const char   *mapping,
                                      GError      **error)
{
  g_auto(SignetWriteScope) scope = { 0 };
  g_autofree char *now = NULL;
  SignetDbStmt *stmt;

  g_return_val_if_fail (SIGNET_IS_STORE (self), FALSE);
  g_return_val_if_fail (headers != NULL, FALSE);
  g_return_val_if_fail (mapping != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!_signet_write_scope_begin (&scope, self, error))
    return FALSE;

  stmt = _signet_store_statement (self,
                                  "INSERT INTO import_mappings (headers, mapping, used_at) VALUES (?, ?, ?) "
                                  "ON CONFLICT (headers) DO UPDATE SET mapping = excluded.mapping, "
                                  "used_at = excluded.used_at",
                                  error);
  if (stmt == NULL)
    return FALSE;
  now = _signet_store_timestamp_now ();
  signet_db_bind_text (stmt, 1, headers);
  signet_db_bind_text (stmt, 2, mapping);
  signet_db_bind_text (stmt, 3, now);
  if (!_signet_store_step_done (self, stmt, error))
    return FALSE;

  return _signet_write_scope_commit (&scope, error);
}
