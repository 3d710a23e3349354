/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "signet-store.h"
#include "signet-store-originals.h"

G_BEGIN_DECLS

#define SIGNET_TYPE_CONTRACT_LIST (signet_contract_list_get_type ())

G_DECLARE_FINAL_TYPE (SignetContractList, signet_contract_list, SIGNET, CONTRACT_LIST, GObject)

/* A GListModel of SignetContract that holds only ids, filtered and ordered
 * by SQL; objects are made when a row asks for them, with the terms in force
 * today (signet_store_apply_current_terms()), which it sorts and searches
 * too. After each store change it emits the smallest items-changed that
 * covers it. */
SignetContractList *signet_contract_list_new          (SignetStore        *store);
/* A list of all contracts in the given order that loads only the first
 * @n_first ids now (what a window's first frame shows) and the rest with
 * signet_contract_list_load_all(), or when a later item, a search, a sort,
 * a find or a store change needs them. Its length is the whole register's
 * from the start; a store change before the rest is loaded is announced as
 * a change of the whole list. */
SignetContractList *signet_contract_list_new_head     (SignetStore        *store,
                                                       SignetSortKey       sort_key,
                                                       gboolean            descending,
                                                       guint               n_first);
void                signet_contract_list_load_all     (SignetContractList *self);
SignetStore        *signet_contract_list_get_store    (SignetContractList *self);
const char         *signet_contract_list_get_search   (SignetContractList *self);
void                signet_contract_list_set_search   (SignetContractList *self,
                                                       const char         *search);
SignetSortKey       signet_contract_list_get_sort_key (SignetContractList *self);
gboolean            signet_contract_list_get_descending (SignetContractList *self);
void                signet_contract_list_set_sort     (SignetContractList *self,
                                                       SignetSortKey       key,
                                                       gboolean            descending);
/* What the list is narrowed to besides the search: both must hold, in the
 * same order. NULL sets the empty query (every contract); "query" is
 * notified when it changes. */
const SignetContractQuery *signet_contract_list_get_query (SignetContractList *self);
void                signet_contract_list_set_query    (SignetContractList        *self,
                                                       const SignetContractQuery *query);
/* The query's SIGNET_CONTRACT_FILTER_* flags alone, the rest of it kept. */
SignetContractFilter signet_contract_list_get_filters (SignetContractList *self);
void                signet_contract_list_set_filters  (SignetContractList *self,
                                                       SignetContractFilter filters);
/* Position of the contract with @id, or GTK_INVALID_LIST_POSITION (G_MAXUINT). */
guint               signet_contract_list_find         (SignetContractList *self,
                                                       gint64              id);

G_END_DECLS
