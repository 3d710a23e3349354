/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <sqlite3.h>

#include "signet-db.h"

G_BEGIN_DECLS

/* The SQLite engine of signet-db.h: a register in a file. */

/* A connection over @handle, which it owns from now on and closes. */
SignetDb *signet_db_sqlite_wrap       (sqlite3  *handle);
/* The SQLite connection under @db, for what only a file has (its locks,
 * copies, SQL functions, data_version), or NULL on another engine. */
sqlite3  *signet_db_sqlite_get_handle (SignetDb *db);

G_END_DECLS
