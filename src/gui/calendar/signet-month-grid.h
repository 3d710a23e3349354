/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "signet-store-events.h"

G_BEGIN_DECLS

#define SIGNET_TYPE_MONTH_GRID (signet_month_grid_get_type ())

G_DECLARE_FINAL_TYPE (SignetMonthGrid, signet_month_grid, SIGNET, MONTH_GRID, GtkWidget)

/* The most chips a day cell shows (no screen is tall enough for more): a
 * day's first this many events are all the grid needs of it. */
#define SIGNET_MONTH_GRID_MAX_CHIPS 12

/* Six weeks around a month, one cell per day, each day's first events as
 * chips coloured by kind; the rest of a day is counted in "+N more", which
 * lists the whole day from the store in a popover. The chip widgets are
 * made once and reused from month to month. Keyboard:
 * arrows move the focused day, Page Up/Down by a month, Home to today,
 * Enter opens the focused day's event (or lists them when there are
 * several). Moving the focus out of the month only notifies
 * "focus-date": whoever owns the grid decides to show another month.
 * Months and the focus stay in the range of dates (signet-date.h); the
 * days of the grid around them may not, and have no events.
 *
 * Signals: "event-activated" (SignetEvent *event). */
GtkWidget  *signet_month_grid_new            (void);

void        signet_month_grid_set_month      (SignetMonthGrid  *self,
                                              guint             year,
                                              guint             month);
guint       signet_month_grid_get_year       (SignetMonthGrid  *self);
guint       signet_month_grid_get_month      (SignetMonthGrid  *self);
/* The first and the last day shown (YYYY-MM-DD), for the query. */
void        signet_month_grid_get_range      (SignetMonthGrid  *self,
                                              char            **first,
                                              char            **last);
/* Where the popover of a day reads the day's events from. */
void        signet_month_grid_set_store      (SignetMonthGrid  *self,
                                              SignetStore      *store);
/* @days: SignetEventDay by date (signet_store_list_event_days() with
 * SIGNET_MONTH_GRID_MAX_CHIPS), of the range shown; the grid keeps
 * references to the events. NULL shows none. */
void        signet_month_grid_set_days       (SignetMonthGrid  *self,
                                              GPtrArray        *days);
/* The events the grid holds: each day's first ones, by date. */
GPtrArray  *signet_month_grid_get_events     (SignetMonthGrid  *self);
/* Every event of the range shown, those counted in "+N more" too. */
guint       signet_month_grid_get_n_events   (SignetMonthGrid  *self);
void        signet_month_grid_set_today      (SignetMonthGrid  *self,
                                              const char       *today);
const char *signet_month_grid_get_focus_date (SignetMonthGrid  *self);
void        signet_month_grid_set_focus_date (SignetMonthGrid  *self,
                                              const char       *date);
/* Where the cell of @date is, in the grid's coordinates; FALSE when @date
 * is not shown. */
gboolean    signet_month_grid_get_day_area   (SignetMonthGrid  *self,
                                              const char       *date,
                                              graphene_rect_t  *area);

G_END_DECLS
