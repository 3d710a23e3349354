/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "signet-event.h"
#include "signet-store.h"

G_BEGIN_DECLS

#define SIGNET_TYPE_DAY_POPOVER (signet_day_popover_get_type ())

G_DECLARE_FINAL_TYPE (SignetDayPopover, signet_day_popover, SIGNET, DAY_POPOVER, GtkPopover)

/* Every event of one calendar day, for a day with more than its cell
 * shows. Choosing one closes the popover.
 *
 * Signals: "event-activated" (SignetEvent *event). */
GtkWidget  *signet_day_popover_new        (void);
void        signet_day_popover_set_store  (SignetDayPopover  *self,
                                           SignetStore       *store);
/* Lists every event of @date (YYYY-MM-DD), read from the store now: the
 * month grid holds only the first few of each day. */
void        signet_day_popover_show_day   (SignetDayPopover  *self,
                                           const char        *date);

G_END_DECLS
