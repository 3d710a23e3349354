/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "signet-tombstone.h"

G_BEGIN_DECLS

/* The one deletion a window can undo: its contract, client, file, key
 * date or annotation deleted last, kept as a SignetTombstone. Ctrl+Z
 * (win.undo), the main menu's "Undo …" item and the toast's Undo button
 * all call signet_undo_undo(). It holds until the user's next change in
 * the window, or until the window goes. */
#define SIGNET_TYPE_UNDO (signet_undo_get_type ())

G_DECLARE_FINAL_TYPE (SignetUndo, signet_undo, SIGNET, UNDO, GObject)

/* The Undo of @widget's window, made the first time it is asked for; NULL
 * for a widget not in a window. */
SignetUndo *signet_undo_get              (GtkWidget        *widget);
/* Where the toasts of its deletions show; by default the toast overlay
 * around the widget that deleted. A window sets its own, so that a dialog
 * over it (Clients) shows them too. */
void        signet_undo_set_toast_overlay (SignetUndo      *self,
                                          AdwToastOverlay  *overlay);
/* After @widget deleted what @tombstone holds from @store: it becomes the
 * deletion its window undoes, and a toast says what was deleted, with an
 * Undo button. */
void        signet_undo_offer            (GtkWidget        *widget,
                                          SignetStore      *store,
                                          SignetTombstone  *tombstone);
gboolean    signet_undo_get_can_undo     (SignetUndo       *self);
/* For the menu: "_Undo Delete Contract HT-2026-0042", or "_Undo" when
 * there is nothing to undo. */
const char *signet_undo_get_label        (SignetUndo       *self);
/* Puts the deleted record back; when it cannot go back, an alert over
 * @parent says why. Emits "restored" (SignetTombstone) after a restore. */
void        signet_undo_undo             (SignetUndo       *self,
                                          GtkWidget        *parent);
/* Nothing is left to undo (the window shows another register). */
void        signet_undo_forget           (SignetUndo       *self);

G_END_DECLS
