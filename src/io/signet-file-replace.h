/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "signet-store.h"

G_BEGIN_DECLS

/* Writes the whole of a file that is to replace @dest through @stream;
 * FALSE with @error set when it could not. */
typedef gboolean (*SignetFileWriteFunc) (GOutputStream  *stream,
                                         gpointer        user_data,
                                         GCancellable   *cancellable,
                                         GError        **error);

/* Replaces @dest with what @write writes, whole or not at all: it writes a
 * temporary file ".NAME.XXXXXXXX.part" beside @dest, readable by the user
 * only, puts its bytes on disk and renames it over @dest. Whatever happens
 * before the rename, @dest stays as it was and the temporary file goes.
 * @dest is never one of @store's register files. */
gboolean signet_file_replace (SignetStore          *store,
                              GFile                *dest,
                              SignetFileWriteFunc   write,
                              gpointer              user_data,
                              GCancellable         *cancellable,
                              GError              **error);

G_END_DECLS
