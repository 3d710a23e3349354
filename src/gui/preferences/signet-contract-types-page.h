/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "signet-store.h"

G_BEGIN_DECLS

#define SIGNET_TYPE_CONTRACT_TYPES_PAGE (signet_contract_types_page_get_type ())

G_DECLARE_FINAL_TYPE (SignetContractTypesPage, signet_contract_types_page, SIGNET, CONTRACT_TYPES_PAGE, AdwPreferencesPage)

/* The Contract Types page of Preferences: the register's types, each
 * edited in a SignetContractTypeDialog, deleted with Undo, and added with
 * Add Type…. It follows the store's "changed::contract-types". */
GtkWidget *signet_contract_types_page_new (SignetStore *store);

/* Its name in Preferences (its .ui's), to show it with
 * adw_preferences_dialog_set_visible_page_name(). */
#define SIGNET_CONTRACT_TYPES_PAGE_NAME "contract-types"

G_END_DECLS
