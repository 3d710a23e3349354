/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "signet-store"

#include "config.h"

#include "signet-store-commitments.h"
#include "signet-store-private.h"

GHashTable *
signet_store_dup_ids_with_commitments (SignetStore  *self,
                                       GError      **error)
{
  g_autoptr(GHashTable) set = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SIGNET_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stmt = _signet_store_statement (self,
                                  "SELECT contract_id FROM payments "
                                  "UNION SELECT contract_id FROM obligations "
                                  "UNION SELECT contract_id FROM risks "
                                  "UNION SELECT contract_id FROM loans",
                                  error);
  if (stmt == NULL)
    return NULL;

  set = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 *id = g_new (gint64, 1);

      *id = sqlite3_column_int64 (stmt, 0);
      g_hash_table_add (set, id);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      _signet_store_set_error (self, rc, error);
      return NULL;
    }

  return g_steal_pointer (&set);
}
