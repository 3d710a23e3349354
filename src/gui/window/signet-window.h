/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "signet-contract-query.h"
#include "signet-store.h"

G_BEGIN_DECLS

#define SIGNET_TYPE_WINDOW (signet_window_get_type ())

G_DECLARE_FINAL_TYPE (SignetWindow, signet_window, SIGNET, WINDOW, AdwApplicationWindow)

/* A window on the register in @store. When the database could not be
 * opened, pass a NULL @store and the reason in @open_error: the window then
 * explains it and offers to open another file. @app may be NULL (tests). */
SignetWindow *signet_window_new       (GtkApplication *app,
                                       SignetStore    *store,
                                       const GError   *open_error);
SignetStore  *signet_window_get_store (SignetWindow   *self);
/* Shows the contract in the list and its page (asking first about edits
 * not saved), as a click in the calendar or on a reminder does. */
void          signet_window_open_contract (SignetWindow *self,
                                           gint64        contract_id);
/* The List view showing exactly the contracts of @query (the search
 * cleared), under a bar that says what it is narrowed to (@title,
 * "Expiring in 30 days") and how many, with Show All to clear it: what a
 * number of the overview or of a scorecard opens. */
void          signet_window_show_contracts (SignetWindow              *self,
                                            const SignetContractQuery *query,
                                            const char                *title);
/* The calendar with its agenda of upcoming dates. */
void          signet_window_show_agenda   (SignetWindow *self);

G_END_DECLS
