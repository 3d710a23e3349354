/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "signet-store"

#include "config.h"

#include <string.h>

#include "signet-store-private.h"
#include "signet-store-uuids.h"

/* A random version 4 UUID for each row, in SQL: the migration fills
 * millions of rows in one statement. randomblob() draws from SQLite's
 * generator, seeded from the system's; a row's UUID does not depend on
 * its id, its content or the time, so that two registers, even copies of
 * one register's backup, never make the same for records added to them. */
#define RANDOM_UUID_SQL \
  "lower (hex (randomblob (4)) || '-' || hex (randomblob (2)) || '-4' || " \
  "substr (hex (randomblob (2)), 2) || '-' || substr ('89AB', 1 + (abs (random ()) % 4), 1) || " \
  "substr (hex (randomblob (2)), 2) || '-' || hex (randomblob (6)))"

#define ADD_UUIDS(table) \
  "ALTER TABLE " table " ADD COLUMN uuid TEXT NOT NULL DEFAULT '';" \
  "UPDATE " table " SET uuid = " RANDOM_UUID_SQL ";" \
  "CREATE UNIQUE INDEX " table "_uuid ON " table " (uuid);"

/* Version 7: stable UUIDs. Calendar files named a contract's events by its
 * row id, which another register gives to another contract: a calendar
 * application that had both files merged or replaced the events of one
 * with the other's. Every row gets a UUID of its own, including the key
 * dates and reviews of deleted contracts, which Undo brings back. The
 * store writes a UUID with every row it adds; the default '' is there
 * because SQLite adds a NOT NULL column only with a constant default. */
gboolean
_signet_store_migrate_uuids (SignetStore  *self,
                             GError      **error)
{
  return _signet_store_exec (self,
                             ADD_UUIDS ("contracts")
                             ADD_UUIDS ("key_dates")
                             ADD_UUIDS ("reviews"),
                             error);
}

gboolean
signet_uuid_is_valid (const char *text)
{
  if (text == NULL || strlen (text) != 36)
    return FALSE;

  for (guint i = 0; i < 36; i++)
    {
      gboolean hyphen = i == 8 || i == 13 || i == 18 || i == 23;

      if (hyphen ? text[i] != '-' : !(g_ascii_isdigit (text[i]) || (text[i] >= 'a' && text[i] <= 'f')))
        return FALSE;
    }

  return TRUE;
}

char *
_signet_store_claim_uuid (SignetStore  *self,
                          const char   *table,
                          const char   *uuid,
                          GError      **error)
{
  g_autofree char *sql = NULL;
  SignetDbStmt *stmt;
  int rc;

  if (!signet_uuid_is_valid (uuid))
    return g_uuid_string_random ();

  sql = g_strdup_printf ("SELECT 1 FROM %s WHERE uuid = ?", table);
  if (!(stmt = _signet_store_statement (self, sql, error)))
    return NULL;

  signet_db_bind_static_text (stmt, 1, uuid);
  rc = signet_db_step (stmt);
  signet_db_reset (stmt);

  if (rc == SIGNET_DB_ROW)
    return g_uuid_string_random ();

  if (rc != SIGNET_DB_DONE)
    {
      _signet_store_set_error (self, rc, error);
      return NULL;
    }

  return g_strdup (uuid);
}

static GHashTable *
list_uuids (SignetStore  *self,
            const char   *sql,
            GError      **error)
{
  g_autoptr(GHashTable) uuids = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  SignetDbStmt *stmt = _signet_store_statement (self, sql, error);
  int rc;

  if (stmt == NULL)
    return NULL;

  while ((rc = signet_db_step (stmt)) == SIGNET_DB_ROW)
    g_hash_table_insert (uuids,
                         g_memdup2 (&(gint64) { signet_db_column_int64 (stmt, 0) }, sizeof (gint64)),
                         _signet_store_dup_text (stmt, 1));
  signet_db_reset (stmt);

  if (rc != SIGNET_DB_DONE)
    {
      _signet_store_set_error (self, rc, error);
      return NULL;
    }

  return g_steal_pointer (&uuids);
}

GHashTable *
signet_store_list_contract_uuids (SignetStore  *self,
                                  GError      **error)
{
  g_return_val_if_fail (SIGNET_IS_STORE (self), NULL);

  return list_uuids (self, "SELECT id, uuid FROM contracts", error);
}

GHashTable *
signet_store_list_key_date_uuids (SignetStore  *self,
                                  GError      **error)
{
  g_return_val_if_fail (SIGNET_IS_STORE (self), NULL);

  return list_uuids (self, "SELECT id, uuid FROM key_dates", error);
}

gint64
signet_store_find_contract_id_by_uuid (SignetStore  *self,
                                       const char   *uuid,
                                       GError      **error)
{
  SignetDbStmt *stmt;
  gint64 id = 0;
  int rc;

  g_return_val_if_fail (SIGNET_IS_STORE (self), -1);
  g_return_val_if_fail (uuid != NULL, -1);

  if (!(stmt = _signet_store_statement (self, "SELECT id FROM contracts WHERE uuid = ?", error)))
    return -1;

  signet_db_bind_static_text (stmt, 1, uuid);
  rc = signet_db_step (stmt);
  if (rc == SIGNET_DB_ROW)
    id = signet_db_column_int64 (stmt, 0);
  signet_db_reset (stmt);

  if (rc != SIGNET_DB_ROW && rc != SIGNET_DB_DONE)
    {
      _signet_store_set_error (self, rc, error);
      return -1;
    }

  return id;
}
