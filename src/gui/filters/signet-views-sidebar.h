/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "signet-store.h"
#include "signet-store-views.h"

G_BEGIN_DECLS

#define SIGNET_TYPE_VIEWS_SIDEBAR (signet_views_sidebar_get_type ())

G_DECLARE_FINAL_TYPE (SignetViewsSidebar, signet_views_sidebar, SIGNET, VIEWS_SIDEBAR, GtkBox)

/* The register's saved views in their order, beside the list: a click
 * emits "view-activated" with the view; each row's menu (right click,
 * Menu key) renames it, moves it up or down, or deletes it with Undo in
 * a toast, as the Delete key does to the chosen one. Follows the store's "changed::saved-views" and "reset". */
GtkWidget *signet_views_sidebar_new       (void);
void       signet_views_sidebar_set_store (SignetViewsSidebar    *self,
                                           SignetStore           *store);
/* Asks for a name and saves @view (its query, search and order) as a new
 * view; the name field says why a name is refused. */
void       signet_views_sidebar_save      (SignetViewsSidebar    *self,
                                           const SignetSavedView *view);
/* Shows @id's row as the one chosen, or none for 0 (the filters were
 * changed since). */
void       signet_views_sidebar_select    (SignetViewsSidebar    *self,
                                           gint64                 id);

G_END_DECLS
