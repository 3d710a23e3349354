/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "signet-store.h"

G_BEGIN_DECLS

#define SIGNET_TYPE_APPROVAL_ROUTES_PAGE (signet_approval_routes_page_get_type ())

G_DECLARE_FINAL_TYPE (SignetApprovalRoutesPage, signet_approval_routes_page, SIGNET, APPROVAL_ROUTES_PAGE, AdwPreferencesPage)

/* The Approvals page of Preferences: the register's approval routes, each
 * edited in a SignetApprovalRouteDialog, deleted with Undo and added with
 * Add Route…, and below them the rules that pick a route by a contract's
 * type and value (SignetApprovalRuleDialog). It follows the store's
 * "changed::approval-routes". */
GtkWidget *signet_approval_routes_page_new (SignetStore *store);

G_END_DECLS
