/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "signet-amendment.h"
#include "signet-store.h"

G_BEGIN_DECLS

/* Amendments of signed contracts (migration 12). Each write is one
 * transaction with an audit entry on the contract, announced as
 * "changed::amendments" for it; the contract's events follow its terms
 * as of each date (signet-store-events.c). */

/* The contract's amendments by effective date (then as added). */
GPtrArray       *signet_store_list_amendments       (SignetStore            *self,
                                                     gint64                  contract_id,
                                                     GError                **error);
SignetAmendment *signet_store_get_amendment         (SignetStore            *self,
                                                     gint64                  id,
                                                     GError                **error);
/* Adds @amendment to its signed contract and sets its id and UUID. The
 * number is required and unique (signet_store_next_amendment_number()
 * gives one); a field error names what is wrong. */
gboolean         signet_store_add_amendment         (SignetStore            *self,
                                                     SignetAmendment        *amendment,
                                                     GError                **error);
gboolean         signet_store_update_amendment      (SignetStore            *self,
                                                     const SignetAmendment  *amendment,
                                                     GError                **error);
/* As signet_store_delete (self, SIGNET_TOMBSTONE_AMENDMENT, id, error),
 * which returns what Undo puts back. */
gboolean         signet_store_delete_amendment      (SignetStore            *self,
                                                     gint64                  id,
                                                     GError                **error);
/* The first free number of @pattern (see signet_amendment_format_number())
 * for the next amendment of @contract_id, counting on from the number of
 * its amendments. */
char            *signet_store_next_amendment_number (SignetStore            *self,
                                                     gint64                  contract_id,
                                                     const char             *pattern,
                                                     GError                **error);
/* The stored contract with the terms in force on @date (see
 * signet_contract_terms_as_of()); @amendments (nullable) gets the
 * contract's amendments, into which @sources points. */
SignetContract  *signet_store_get_contract_terms    (SignetStore            *self,
                                                     gint64                  contract_id,
                                                     const char             *date,
                                                     GPtrArray             **amendments,
                                                     const SignetAmendment **sources,
                                                     GError                **error);

G_END_DECLS
