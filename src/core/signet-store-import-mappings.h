/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "signet-store.h"

G_BEGIN_DECLS

/* How the columns of a spreadsheet were mapped to a contract's fields on
 * its last import, remembered by its header row: @headers is the file's
 * headers as written, joined by tabs; @mapping is the mapping in the text
 * of a mapping file (docs/csv-import.md), which Signet reads back the same
 * way. The mapping is the caller's text: the store only keeps it. */

/* The mapping last remembered for @headers, or NULL (no error) when
 * none was. */
char     *signet_store_dup_import_mapping      (SignetStore  *self,
                                                const char   *headers,
                                                GError      **error);
/* Remembers @mapping for @headers, over any mapping remembered before.
 * It is no record of the register: no audit entry, no "changed". */
gboolean  signet_store_remember_import_mapping (SignetStore  *self,
                                                const char   *headers,
                                                const char   *mapping,
                                                GError      **error);

G_END_DECLS
