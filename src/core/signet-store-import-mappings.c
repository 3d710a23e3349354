/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "signet-store"

#include "config.h"

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
