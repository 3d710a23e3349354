/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "signet-event.h"

G_BEGIN_DECLS

#define SIGNET_TYPE_EVENT_ROW (signet_event_row_get_type ())

G_DECLARE_FINAL_TYPE (SignetEventRow, signet_event_row, SIGNET, EVENT_ROW, GtkWidget)

/* One event in a list of events (the agenda, a day's popover): a dot of
 * its kind's colour, its contract's number and title, and under them what
 * the date is and the client; above them an optional heading. */
GtkWidget  *signet_event_row_new          (void);
/* An @overdue event's line says its date as well, and the row and its
 * heading take the error colours. */
void        signet_event_row_set_event    (SignetEventRow    *self,
                                           SignetEvent       *event,
                                           gboolean           overdue);
/* NULL hides the heading. */
void        signet_event_row_set_heading  (SignetEventRow    *self,
                                           const char        *heading);
/* @footer goes under the texts (the agenda's choices at a notice
 * deadline); the row keeps it. Set once. */
void        signet_event_row_set_footer   (SignetEventRow    *self,
                                           GtkWidget         *footer);
GtkWidget  *signet_event_row_get_footer   (SignetEventRow    *self);

/* The style class that gives an event of @kind its colour (style.css):
 * its chip in the month grid, its dot in a row and in the legend. */
const char *signet_event_kind_css_class   (SignetKeyDateKind  kind);

G_END_DECLS
