/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "signet-store"

#include "config.h"

#include "signet-store-private.h"

/* Obligations and deliverables (履约义务): what we or the client must do
 * under a contract, once or on a recurrence, each with an owner from
 * People and optionally the clause it comes from (a PDF annotation). An
 * obligation's occurrences are derived from its first due date and its
 * recurrence, up to its own last date or else the contract's end (or its
 * termination); only what was done about one is stored, keyed by the
 * date it was due, so an occurrence without a row is open, and one done
 * after it was due was done late. */

/* Version 17. */
gboolean
_signet_store_migrate_obligations (SignetStore  *self,
                                   GError      **error)
{
  return _signet_store_exec (self,
    "CREATE TABLE obligations ("
    "  id INTEGER PRIMARY KEY AUTOINCREMENT,"
    "  uuid TEXT NOT NULL UNIQUE,"
    "  contract_id INTEGER NOT NULL,"
    "  party TEXT NOT NULL CHECK (party IN ('us', 'client')),"
    "  title TEXT NOT NULL CHECK (title <> ''),"
    "  owner_id INTEGER,"
    "  due_date TEXT NOT NULL,"
    "  recurrence TEXT NOT NULL DEFAULT 'none'"
    "    CHECK (recurrence IN ('none', 'monthly', 'quarterly', 'yearly')),"
    "  until_date TEXT,"
    "  annotation_id INTEGER,"
    "  note TEXT,"
    "  version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),"
    "  CHECK (until_date IS NULL OR until_date >= due_date));"
    "CREATE INDEX obligations_contract ON obligations (contract_id);"
    "CREATE INDEX obligations_annotation ON obligations (annotation_id) "
    "  WHERE annotation_id IS NOT NULL;"
    "CREATE TABLE obligation_occurrences ("
    "  obligation_id INTEGER NOT NULL,"
    "  due_date TEXT NOT NULL,"
    "  status TEXT NOT NULL CHECK (status IN ('done', 'waived')),"
    "  done_date TEXT,"
    "  note TEXT,"
    "  recorded_at TEXT NOT NULL, recorded_by TEXT NOT NULL,"
    "  PRIMARY KEY (obligation_id, due_date),"
    "  CHECK ((status = 'done') = (done_date IS NOT NULL)));",
    error);
}
