/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "signet-store"

#include "config.h"

#include "signet-store-private.h"

/* The paper original (纸质原件) of a contract and its loans (借阅): where the
 * signed original is archived, how many originals and copies there are,
 * who archived it and when; and every loan of it, to a borrower from
 * People. The partial unique index is the rule that an original on loan
 * cannot be lent again: at most one loan of a contract is unreturned. */

/* Version 20. */
gboolean
_signet_store_migrate_originals (SignetStore  *self,
                                 GError      **error)
{
  return _signet_store_exec (self,
    "CREATE TABLE originals ("
    "  contract_id INTEGER PRIMARY KEY,"
    "  archive_number TEXT UNIQUE CHECK (archive_number <> ''),"
    "  room TEXT, cabinet TEXT, shelf TEXT, box TEXT,"
    "  originals INTEGER NOT NULL DEFAULT 1 CHECK (originals >= 0),"
    "  copies INTEGER NOT NULL DEFAULT 0 CHECK (copies >= 0),"
    "  archived_by_id INTEGER,"
    "  archived_on TEXT,"
    "  note TEXT,"
    "  version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1));"
    "CREATE TABLE loans ("
    "  id INTEGER PRIMARY KEY AUTOINCREMENT,"
    "  uuid TEXT NOT NULL UNIQUE,"
    "  contract_id INTEGER NOT NULL,"
    "  borrower_id INTEGER NOT NULL,"
    "  department TEXT,"
    "  purpose TEXT NOT NULL CHECK (purpose <> ''),"
    "  lent_on TEXT NOT NULL,"
    "  due_on TEXT NOT NULL,"
    "  returned_on TEXT,"
    "  return_condition TEXT,"
    "  lent_by TEXT NOT NULL,"
    "  returned_by TEXT,"
    "  CHECK (due_on >= lent_on),"
    "  CHECK (returned_on IS NULL OR returned_on >= lent_on));"
    "CREATE INDEX loans_contract ON loans (contract_id, lent_on);"
    "CREATE UNIQUE INDEX loans_open ON loans (contract_id) WHERE returned_on IS NULL;"
    "CREATE INDEX loans_due ON loans (due_on) WHERE returned_on IS NULL;",
    error);
}
