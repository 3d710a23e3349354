/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "signet-event.h"

G_BEGIN_DECLS

#define SIGNET_TYPE_MONTH_GRID (signet_month_grid_get_type ())

G_DECLARE_FINAL_TYPE (SignetMonthGrid, signet_month_grid, SIGNET, MONTH_GRID, GtkWidget)

/* Six weeks around a month, one cell per day, each day's events as chips
 * coloured by kind; what does not fit a cell is behind "+N more". The
 * chip widgets are made once and reused from month to month. Keyboard:
 * arrows move the focused day, Page Up/Down by a month, Home to today,
 * Enter opens the focused day's event (or lists them when there are
 * several). Moving the focus out of the month only notifies
 * "focus-date": whoever owns the grid decides to show another month.
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
/* @events: SignetEvent ordered by date, of the range shown; the grid keeps
 * a reference. NULL shows none. */
void        signet_month_grid_set_events     (SignetMonthGrid  *self,
                                              GPtrArray        *events);
GPtrArray  *signet_month_grid_get_events     (SignetMonthGrid  *self);
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
