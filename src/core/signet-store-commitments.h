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

/* The contracts @ids[0 .. @n_ids) as the list shows them, with the terms
 * in force today, in the order of @ids: a few statements for all of
 * them rather than one for each (signet_store_get_listed_contract() and
 * signet_store_apply_current_terms() give the same contracts). A missing
 * contract is SIGNET_STORE_ERROR_NOT_FOUND. */
GPtrArray  *signet_store_read_listed_contracts    (SignetStore   *self,
                                                   const gint64  *ids,
                                                   guint          n_ids,
                                                   GError       **error);

/* signet_store_compute_scorecards() of every client and of every
 * department at once, in the passes over the register that one of them
 * takes (defined in signet-scorecard.c): what a report of both reads. */
gboolean    signet_store_compute_all_scorecards   (SignetStore   *store,
                                                   const char    *from,
                                                   const char    *to,
                                                   GPtrArray    **clients,
                                                   GPtrArray    **departments,
                                                   GError       **error);

G_END_DECLS
