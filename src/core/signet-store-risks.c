/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "signet-store"

#include "config.h"

#include "signet-store-private.h"

/* The risk register of a contract (风险登记): each risk with its category,
 * likelihood and impact (1 to 5; their product is its score), mitigation,
 * owner, status and next review, and optionally the clause it comes from.
 * The contract's risk level is suggested from its highest open score; a
 * user who keeps another level says why, in risk_level_choices: the level
 * kept, the level suggested then, the reason, who and when. A choice
 * stands while both still hold; when the suggestion moves, it is asked
 * for again. */

/* Version 18. */
gboolean
_signet_store_migrate_risks (SignetStore  *self,
                             GError      **error)
{
  return _signet_store_exec (self,
    "CREATE TABLE risks ("
    "  id INTEGER PRIMARY KEY AUTOINCREMENT,"
    "  uuid TEXT NOT NULL UNIQUE,"
    "  contract_id INTEGER NOT NULL,"
    "  category TEXT NOT NULL"
    "    CHECK (category IN ('legal', 'performance', 'financial', 'other')),"
    "  description TEXT NOT NULL CHECK (description <> ''),"
    "  likelihood INTEGER NOT NULL CHECK (likelihood BETWEEN 1 AND 5),"
    "  impact INTEGER NOT NULL CHECK (impact BETWEEN 1 AND 5),"
    "  mitigation TEXT,"
    "  owner_id INTEGER,"
    "  status TEXT NOT NULL DEFAULT 'open'"
    "    CHECK (status IN ('open', 'mitigated', 'closed')),"
    "  next_review TEXT,"
    "  annotation_id INTEGER,"
    "  version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1));"
    "CREATE INDEX risks_contract ON risks (contract_id);"
    "CREATE INDEX risks_annotation ON risks (annotation_id) "
    "  WHERE annotation_id IS NOT NULL;"
    "CREATE TABLE risk_level_choices ("
    "  contract_id INTEGER PRIMARY KEY,"
    "  level TEXT NOT NULL,"
    "  suggested TEXT NOT NULL,"
    "  reason TEXT NOT NULL CHECK (reason <> ''),"
    "  chosen_at TEXT NOT NULL, chosen_by TEXT NOT NULL);",
    error);
}
