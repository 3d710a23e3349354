/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "signet-event.h"
#include "signet-store.h"

G_BEGIN_DECLS

#define SIGNET_TYPE_AGENDA_VIEW (signet_agenda_view_get_type ())

G_DECLARE_FINAL_TYPE (SignetAgendaView, signet_agenda_view, SIGNET, AGENDA_VIEW, GtkWidget)

/* The dates coming up in the next 30, 60 or 90 days, grouped by date,
 * with what is overdue first. It loads when it is first shown and
 * reloads after each change of the register while it is shown.
 *
 * Signals: "event-activated" (SignetEvent *event). */
GtkWidget  *signet_agenda_view_new       (void);
void        signet_agenda_view_set_store (SignetAgendaView *self,
                                          SignetStore      *store);
/* @today: YYYY-MM-DD, or NULL for the store's today (signet_store_dup_today()). */
void        signet_agenda_view_set_today (SignetAgendaView *self,
                                          const char       *today);
/* 30, 60 or 90. */
guint       signet_agenda_view_get_days  (SignetAgendaView *self);
void        signet_agenda_view_set_days  (SignetAgendaView *self,
                                          guint             days);
/* The events listed, of SignetEvent. */
GListModel *signet_agenda_view_get_model (SignetAgendaView *self);

G_END_DECLS
