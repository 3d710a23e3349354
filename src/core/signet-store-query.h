/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "signet-contract-query.h"
#include "signet-store.h"

G_BEGIN_DECLS

/* A SignetContractQuery evaluated against the register, on the store's day
 * (signet_store_dup_today()) and the terms in force that day: the list's
 * filters, a saved view, the contracts behind one number of the overview or
 * of a scorecard. The conditions on other records are the agenda's and the
 * reminders' (signet-contract-query.h says which). */

/* The ids of every contract that passes @query, in the order of their
 * numbers; a new array of gint64. An empty query gives every contract. */
GArray   *signet_store_select_contract_ids (SignetStore                *self,
                                            const SignetContractQuery  *query,
                                            GError                    **error);
/* The ids of @ids, in their order, that pass @query; a new array. What the
 * list keeps of its searched and sorted ids. */
GArray   *signet_store_keep_contract_ids   (SignetStore                *self,
                                            GArray                     *ids,
                                            const SignetContractQuery  *query,
                                            GError                    **error);
/* Whether the contract @id passes @query. */
gboolean  signet_store_contract_matches    (SignetStore                *self,
                                            gint64                      id,
                                            const SignetContractQuery  *query,
                                            GError                    **error);

/* What the filters offer to choose from: the departments and the contract
 * types the register's contracts name (a type deleted from Preferences
 * still names its contracts), each once, in the zh collation's order. */
GStrv     signet_store_list_departments    (SignetStore                *self,
                                            GError                    **error);
GStrv     signet_store_list_type_names     (SignetStore                *self,
                                            GError                    **error);

G_END_DECLS
