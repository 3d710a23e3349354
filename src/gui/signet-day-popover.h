/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "signet-event.h"

G_BEGIN_DECLS

#define SIGNET_TYPE_DAY_POPOVER (signet_day_popover_get_type ())

G_DECLARE_FINAL_TYPE (SignetDayPopover, signet_day_popover, SIGNET, DAY_POPOVER, GtkPopover)

/* Every event of one calendar day, for a day with more than its cell
 * shows. Choosing one closes the popover.
 *
 * Signals: "event-activated" (SignetEvent *event). */
GtkWidget  *signet_day_popover_new        (void);
/* Lists @n_events events of @date (YYYY-MM-DD); the popover keeps
 * references to them. */
void        signet_day_popover_set_events (SignetDayPopover  *self,
                                           const char        *date,
                                           SignetEvent      **events,
                                           guint              n_events);
GListModel *signet_day_popover_get_model  (SignetDayPopover  *self);

G_END_DECLS
