/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "signet-contract-query.h"
#include "signet-original.h"
#include "signet-store.h"

G_BEGIN_DECLS

/* The paper original of a contract and its loans (migration 20). Each
 * write is one transaction with an audit entry on the contract, announced
 * as "changed::originals" for it (SIGNET_STORE_CHANGED_ORIGINALS); a loan's
 * lending and return also derive the contract's events again (its due
 * date is one). */

/* The contract's original; NULL without an error when none is recorded. */
SignetOriginal *signet_store_get_original      (SignetStore           *self,
                                                gint64                 contract_id,
                                                GError               **error);
/* Records @original (its version 0: the contract has none yet) or writes
 * it over the stored one, if that is still at @original's version;
 * otherwise SIGNET_STORE_ERROR_CONFLICT and nothing written. An archive
 * number another contract's original has is refused with a field error
 * naming that contract. Sets @original's version to the stored one. */
gboolean        signet_store_save_original     (SignetStore           *self,
                                                SignetOriginal        *original,
                                                GError               **error);

/* The contract's loans, newest first (by date lent, then as added). */
GPtrArray      *signet_store_list_loans        (SignetStore           *self,
                                                gint64                 contract_id,
                                                GError               **error);
/* The contract's loan not returned yet; NULL without an error when the
 * original is in the archive. */
SignetLoan     *signet_store_get_open_loan     (SignetStore           *self,
                                                gint64                 contract_id,
                                                GError               **error);
/* Every loan not returned yet, of contracts that exist, by due date (the
 * longest overdue first), with their contracts' numbers and titles: the
 * archive view. */
GPtrArray      *signet_store_list_open_loans   (SignetStore           *self,
                                                GError               **error);
/* Lends the contract's original: @loan's borrower, purpose and dates are
 * required; its department may be empty. Refused while another loan of
 * it is out ("… is on loan to 王芳 since …, due …") and when the contract
 * has no original recorded. @loan may already be returned (its
 * returned_on set: a past loan, as an import brings it); lent_by and
 * returned_by are kept when given, else the current user's. Sets @loan's
 * id, UUID and lent_by. */
gboolean        signet_store_add_loan          (SignetStore           *self,
                                                SignetLoan            *loan,
                                                GError               **error);
/* Records the return of the loan @loan_id on @returned_on (not before it
 * was lent) in @condition (INTACT or DAMAGED) with @note (nullable). */
gboolean        signet_store_return_loan       (SignetStore           *self,
                                                gint64                 loan_id,
                                                const char            *returned_on,
                                                SignetLoanCondition    condition,
                                                const char            *note,
                                                GError               **error);

/* A loan recorded by mistake is deleted, and brought back by Undo, through
 * signet_store_delete() and signet_store_restore() (SIGNET_TOMBSTONE_LOAN,
 * named by its borrower); an open one comes back only while the original
 * is in the archive. So is the record of an original never lent
 * (SIGNET_TOMBSTONE_ORIGINAL, with the contract's id, named by its
 * number); one with loans is refused (SIGNET_STORE_ERROR_IN_USE). */

/* Whether the contract's original is out: the list's "on loan" mark. */
gboolean        signet_store_contract_is_on_loan (SignetStore         *self,
                                                  gint64               contract_id);

/* The ids of the contracts whose original is out, as a set of gint64 *
 * (g_int64_hash): the list's "on loan" mark. */
GHashTable     *signet_store_dup_on_loan_ids   (SignetStore           *self,
                                                GError               **error);

G_END_DECLS
