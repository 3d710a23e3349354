/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "signet-store.h"

G_BEGIN_DECLS

#define SIGNET_TYPE_CLIENTS_WINDOW (signet_clients_window_get_type ())

G_DECLARE_FINAL_TYPE (SignetClientsWindow, signet_clients_window, SIGNET, CLIENTS_WINDOW, AdwDialog)

/* Lists the clients of @store and edits them: add, change, delete. A
 * dialog to present over the main window, the list and the form side by
 * side, or as two pages when narrow. */
AdwDialog *signet_clients_window_new        (SignetStore         *store);
/* Starts a new client in the form (after asking about unsaved changes). */
void       signet_clients_window_add_client (SignetClientsWindow *self);

G_END_DECLS
