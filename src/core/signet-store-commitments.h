/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "signet-store.h"

G_BEGIN_DECLS

/* The ids of the contracts that have a planned payment, an obligation, a
 * risk or a loan of their original, as a set of gint64 * (g_int64_hash):
 * what a report of the whole register reads those records for, and skips
 * the reads of for every other contract. From the indexes on contract_id,
 * in one statement. */
GHashTable *signet_store_dup_ids_with_commitments (SignetStore  *self,
                                                   GError      **error);

G_END_DECLS
