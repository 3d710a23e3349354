/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "signet-day-popover.h"
#include "signet-month-grid.h"

G_BEGIN_DECLS

/* Shared by signet-month-grid.c (days, chips, keyboard, API) and
 * signet-month-grid-layout.c (size and placement of the cells). */

#define N_WEEKS 6
#define N_CELLS (N_WEEKS * 7)
/* No screen is tall enough for more chips in a day cell; the rest of a
 * busy day goes to the popover all the same. */
#define MAX_CHIPS 12
#define CELL_PADDING 4
#define CHIP_SPACING 2
#define MIN_CELL_WIDTH 40
#define MIN_CELL_HEIGHT 40
#define NAT_CELL_WIDTH 120
#define NAT_CELL_HEIGHT 96

typedef struct
{
  GtkWidget *background;
  GtkWidget *day_label;
  GtkWidget *more_button;
  /* GtkButton, kept from month to month; only the first n_shown show. */
  GPtrArray *chips;
  GDate      date;
  char       iso[11];
  /* The day's events are events[first_event .. first_event + n_events). */
  guint      first_event;
  guint      n_events;
  guint      n_shown;
} Cell;

struct _SignetMonthGrid
{
  GtkWidget   parent_instance;

  GtkWidget  *weekday_labels[7];
  Cell        cells[N_CELLS];
  SignetDayPopover *popover;

  GPtrArray  *events;
  char       *today;
  guint       year;
  guint       month;
  GDate       focus;
  char        focus_iso[11];
  /* 0 = Sunday, as the locale's calendar starts the week. */
  guint       first_weekday;
  /* Chip rows that fit a cell at the current size; the chips are
   * labelled for this many. */
  guint       n_fit;
  guint       relabel_tick;
};

/* Labels the chips and the "+N more" buttons for the events and for the
 * number of chip rows that fit. */
void _signet_month_grid_update_chips   (SignetMonthGrid *self);
void _signet_month_grid_measure        (GtkWidget       *widget,
                                        GtkOrientation   orientation,
                                        int              for_size,
                                        int             *minimum,
                                        int             *natural,
                                        int             *minimum_baseline,
                                        int             *natural_baseline);
void _signet_month_grid_size_allocate  (GtkWidget       *widget,
                                        int              width,
                                        int              height,
                                        int              baseline);

G_END_DECLS
