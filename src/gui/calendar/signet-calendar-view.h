/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "signet-store.h"

G_BEGIN_DECLS

#define SIGNET_TYPE_CALENDAR_VIEW (signet_calendar_view_get_type ())

G_DECLARE_FINAL_TYPE (SignetCalendarView, signet_calendar_view, SIGNET, CALENDAR_VIEW, AdwBreakpointBin)

/* The Calendar page: a month of key dates (previous, today and next
 * buttons above it) and the agenda of upcoming dates beside it; where the
 * page is too narrow for both, the agenda slides over the month from an
 * "Upcoming" button. Each
 * month shown asks the store for its six weeks only. It shows the months
 * of the range of dates (signet-date.h), January 1900 to December 2199,
 * and says so at either end.
 *
 * Signals:
 * "open-contract" (gint64 contract_id): the user clicked an event.
 * "month-loaded" (guint n_events): the month shown is in the grid (each
 *   day's first events and the number of all, @n_events in the six weeks),
 *   synchronously at the end of signet_calendar_view_set_month() and of
 *   every reload. */
GtkWidget *signet_calendar_view_new       (void);
void       signet_calendar_view_set_store (SignetCalendarView *self,
                                           SignetStore        *store);
void       signet_calendar_view_set_month (SignetCalendarView *self,
                                           guint               year,
                                           guint               month);
guint      signet_calendar_view_get_year  (SignetCalendarView *self);
guint      signet_calendar_view_get_month (SignetCalendarView *self);
/* @today: YYYY-MM-DD, or NULL for the store's today (signet_store_dup_today()).
 * Tests fix it. */
void       signet_calendar_view_set_today (SignetCalendarView *self,
                                           const char         *today);

G_END_DECLS
