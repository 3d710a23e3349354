/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "signet-day-popover.h"
#include "signet-month-grid.h"

G_BEGIN_DECLS

/* Shared by signet-month-grid.c (days, chips, keyboard, API) and
 * signet-month-grid-layout.c (size and placement of the cells). */

#define N_WEEKS 6
#define N_CELLS (N_WEEKS * 7)
#define MAX_CHIPS SIGNET_MONTH_GRID_MAX_CHIPS
#define CELL_PADDING 4
#define CHIP_SPACING 2
#define MIN_CELL_WIDTH 40
#define MIN_CELL_HEIGHT 40
#define NAT_CELL_WIDTH 120
#define NAT_CELL_HEIGHT 96
/* Narrower cells say "+N" for "+N more". */
#define COMPACT_CELL_WIDTH 80

typedef struct
{
  GtkWidget *background;
  GtkWidget *day_label;
  GtkWidget *more_button;
  /* GtkButton, kept from month to month; only the first n_shown show. */
  GPtrArray *chips;
  GDate      date;
  char       iso[11];
  /* The day's first events are events[first_event .. first_event +
   * n_loaded); it has n_events in all. */
  guint      first_event;
  guint      n_loaded;
  guint      n_events;
  guint      n_shown;
} Cell;

struct _SignetMonthGrid
{
  GtkWidget   parent_instance;

  GtkWidget  *weekday_labels[7];
  Cell        cells[N_CELLS];
  /* Never shown: a chip with Latin and Chinese text, whose height is the
   * height of every chip row, whatever the month's titles are. */
  GtkWidget  *sizing_chip;
  SignetDayPopover *popover;

  GPtrArray  *events;
  guint       n_events;
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
  /* The cells are narrower than COMPACT_CELL_WIDTH. */
  gboolean    compact;
  guint       relabel_tick;
};

/* Labels the chips and the "+N more" buttons for the events, for the
 * number of chip rows that fit and for the width of the cells. */
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
