/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "signet-store.h"

G_BEGIN_DECLS

/* The terms in force on the store's day (signet_store_dup_today()): a
 * signed contract's row keeps its terms as signed, and the amendments in
 * effect by that day change its value, end date, notice period with
 * auto-renew and title (signet_contract_terms_as_of()). The contract list
 * shows, sorts and searches these; the contract page shows them with the
 * originals. */

/* Sets on @contract, as the store gave it, the terms the amendments in
 * force today changed; nothing for a contract without any. Read from
 * memory: the list calls it for every row it draws. */
void signet_store_apply_current_terms (SignetStore    *self,
                                       SignetContract *contract);

G_END_DECLS
