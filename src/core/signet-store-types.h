/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "signet-contract-type.h"
#include "signet-store.h"

G_BEGIN_DECLS

/* Contract types (signet-store-types.c): the standard templates of
 * Preferences. Each write is one transaction with its audit entry on the
 * type (SIGNET_RECORD_CONTRACT_TYPE) and emits
 * "changed::contract-types". Validation errors are SIGNET_FIELD_ERROR
 * with the field as the code: SIGNET_FIELD_TYPE_* for the type's own
 * fields, SIGNET_FIELD_CONTRACT_* for the defaults it gives a contract. */

/* Every type, by name; of SignetContractType. */
GPtrArray          *signet_store_list_contract_types   (SignetStore          *self,
                                                        GError              **error);
SignetContractType *signet_store_get_contract_type     (SignetStore          *self,
                                                        gint64                id,
                                                        GError              **error);
/* The type named @name (a contract's contract_type), or NULL with no
 * error when there is none. */
SignetContractType *signet_store_find_contract_type    (SignetStore          *self,
                                                        const char           *name,
                                                        GError              **error);
/* Sets @type's id and version. */
gboolean            signet_store_add_contract_type     (SignetStore          *self,
                                                        SignetContractType   *type,
                                                        GError              **error);
/* Writes every field of @type over the stored one with its id; its
 * version goes up by one. The contracts of the type keep the type name
 * they were saved with. */
gboolean            signet_store_update_contract_type  (SignetStore          *self,
                                                        SignetContractType   *type,
                                                        GError              **error);
/* signet_store_delete (SIGNET_TOMBSTONE_CONTRACT_TYPE) for an Undo. */
gboolean            signet_store_delete_contract_type  (SignetStore          *self,
                                                        gint64                id,
                                                        GError              **error);
/* Adds @contract, a new contract of @type (already filled in with
 * signet_contract_type_apply()), with a key date for each of the type's
 * offsets counted from the contract's start, in one transaction: the
 * contract is there with its dates or not at all. An offset whose date
 * would fall outside the range of dates is refused with the contract. */
gboolean            signet_store_add_contract_of_type  (SignetStore          *self,
                                                        SignetContract       *contract,
                                                        SignetContractType   *type,
                                                        GError              **error);

G_END_DECLS
