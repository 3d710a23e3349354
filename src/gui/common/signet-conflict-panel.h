/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "signet-enums.h"

G_BEGIN_DECLS

#define SIGNET_TYPE_CONFLICT_PANEL (signet_conflict_panel_get_type ())

G_DECLARE_FINAL_TYPE (SignetConflictPanel, signet_conflict_panel, SIGNET, CONFLICT_PANEL, GtkWidget)

/* Shown above a form whose save was refused because someone else changed
 * the record meanwhile: each field changed elsewhere, with its value now
 * and the user's, and for each a choice between Reload (take the new
 * value) and Keep Mine. A field the user did not edit starts on Reload; one
 * both changed starts undecided. The form applies a choice as it is made:
 * "choice-changed" (SignetField field, gboolean keep_mine). Hidden while it
 * has no fields. */
GtkWidget *signet_conflict_panel_new          (const char          *heading);
/* Drops every field and hides the panel. */
void       signet_conflict_panel_clear        (SignetConflictPanel *self);
/* Adds @field (its label from signet_field_to_label()) with its value
 * now and the one in the form, as the app shows them, and shows the
 * panel; @edited: the user changed the field too. */
void       signet_conflict_panel_add_field    (SignetConflictPanel *self,
                                               SignetField          field,
                                               const char          *theirs,
                                               const char          *mine,
                                               gboolean             edited);
/* Whether every field has its choice. */
gboolean   signet_conflict_panel_get_resolved (SignetConflictPanel *self);
/* Says that a choice is missing and moves the focus to the first field
 * without one. */
void       signet_conflict_panel_ask          (SignetConflictPanel *self);

/* The notice shown above a form whose record was deleted elsewhere while
 * it was open, hidden to begin with: a warning @title (also the notice's
 * accessible name) and a wrapped @description under it. The Clients
 * window and the contract page each give their own words. */
GtkWidget *signet_deleted_notice_new          (const char          *title,
                                               const char          *description);

G_END_DECLS
