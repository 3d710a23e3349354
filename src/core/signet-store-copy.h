/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "signet-store.h"

G_BEGIN_DECLS

/* Told after each table is copied: its name and how many rows it had. */
typedef void (*SignetStoreCopyFunc) (const char *table,
                                     gint64      n_rows,
                                     gpointer    user_data);

/* Copies the register in a file @self to the PostgreSQL server at
 * @location (a postgresql:// URI), attachments included, in one
 * transaction there: the register is made there when the database is
 * empty, and one that already holds records is refused. Nothing is
 * written to the server when anything fails; @self is only read. */
gboolean signet_store_copy_to (SignetStore          *self,
                               const char           *location,
                               SignetStoreCopyFunc   progress,
                               gpointer              user_data,
                               GError              **error);

G_END_DECLS
