/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "signet-store"

#include "config.h"

#include "signet-store-private.h"

/* Saved views (保存的视图): a named set of the list's filters, its search
 * and its order, shown in the window's sidebar and kept in the register so
 * that it travels with the XML. The filters are a SignetContractQuery in
 * its text form (signet_contract_query_to_string()); position orders the
 * sidebar. */

/* Version 21. */
gboolean
_signet_store_migrate_saved_views (SignetStore  *self,
                                   GError      **error)
{
  return _signet_store_exec (self,
    "CREATE TABLE saved_views ("
    "  id INTEGER PRIMARY KEY AUTOINCREMENT,"
    "  uuid TEXT NOT NULL UNIQUE,"
    "  name TEXT NOT NULL UNIQUE CHECK (name <> ''),"
    "  position INTEGER NOT NULL DEFAULT 0,"
    "  query TEXT NOT NULL DEFAULT '',"
    "  search TEXT NOT NULL DEFAULT '',"
    "  sort_key TEXT,"
    "  descending INTEGER NOT NULL DEFAULT 0,"
    "  version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1));",
    error);
}
