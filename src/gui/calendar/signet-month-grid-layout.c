/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "signet-month-grid"

#include "config.h"

#include "signet-month-grid-private.h"

static gboolean
relabel_tick_cb (GtkWidget     *widget,
                 GdkFrameClock *frame_clock,
                 gpointer       user_data)
{
  SignetMonthGrid *self = SIGNET_MONTH_GRID (widget);

  self->relabel_tick = 0;
  _signet_month_grid_update_chips (self);

  return G_SOURCE_REMOVE;
}

static void
allocate_child (GtkWidget *child,
                int        x,
                int        y,
                int        width,
                int        height)
{
  /* GTK wants every child measured before it is allocated. */
  gtk_widget_measure (child, GTK_ORIENTATION_VERTICAL, width, NULL, NULL, NULL, NULL);
  gtk_widget_size_allocate (child, &(GtkAllocation) { x, y, width, height }, -1);
}

static int
natural_height (GtkWidget *widget)
{
  int natural = 0;

  gtk_widget_measure (widget, GTK_ORIENTATION_VERTICAL, -1, NULL, &natural, NULL, NULL);

  return natural;
}

/* The same for every month: measured on the chips shown, it changed with
 * their titles (a Chinese one is taller), and so did the number of rows
 * that fit, which took a second frame after a month switch. */
static int
chip_height (SignetMonthGrid *self)
{
  return MAX (natural_height (self->cells[0].more_button), natural_height (self->sizing_chip));
}

void
_signet_month_grid_measure (GtkWidget      *widget,
                            GtkOrientation  orientation,
                            int             for_size,
                            int            *minimum,
                            int            *natural,
                            int            *minimum_baseline,
                            int            *natural_baseline)
{
  SignetMonthGrid *self = SIGNET_MONTH_GRID (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 7 * MIN_CELL_WIDTH;
      *natural = 7 * NAT_CELL_WIDTH;
    }
  else
    {
      int header = 0;

      for (guint i = 0; i < 7; i++)
        header = MAX (header, natural_height (self->weekday_labels[i]));

      *minimum = header + N_WEEKS * MIN_CELL_HEIGHT;
      *natural = header + N_WEEKS * NAT_CELL_HEIGHT;
    }
}

void
_signet_month_grid_size_allocate (GtkWidget *widget,
                                  int        width,
                                  int        height,
                                  int        baseline)
{
  SignetMonthGrid *self = SIGNET_MONTH_GRID (widget);
  gboolean rtl = gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL;
  int header = 0, rows_height, day_height, row_height, chips_height;
  gboolean compact = width / 7 < COMPACT_CELL_WIDTH;
  guint n_fit;

  for (guint i = 0; i < 7; i++)
    header = MAX (header, natural_height (self->weekday_labels[i]));
  rows_height = MAX (height - header, 0);
  day_height = natural_height (self->cells[0].day_label);
  row_height = chip_height (self);

  /* Every day shows as many chip rows as the shortest row of cells. */
  chips_height = rows_height / N_WEEKS - day_height - 2 * CELL_PADDING;
  n_fit = chips_height > 0 ? (chips_height + CHIP_SPACING) / (row_height + CHIP_SPACING) : 0;
  n_fit = MIN (n_fit, MAX_CHIPS);

  /* Labelling chips here would resize them in the middle of the layout:
   * the next frame relabels them for the new size. */
  if (n_fit != self->n_fit || compact != self->compact)
    {
      self->n_fit = n_fit;
      self->compact = compact;
      if (self->relabel_tick == 0)
        self->relabel_tick = gtk_widget_add_tick_callback (widget, relabel_tick_cb, NULL, NULL);
    }

  for (guint column = 0; column < 7; column++)
    {
      guint visual = rtl ? 6 - column : column;
      int x = visual * width / 7;
      int column_width = (visual + 1) * width / 7 - x;

      allocate_child (self->weekday_labels[column], x, 0, column_width, header);
    }

  for (guint i = 0; i < N_CELLS; i++)
    {
      Cell *cell = &self->cells[i];
      guint row = i / 7, column = i % 7;
      guint visual = rtl ? 6 - column : column;
      int x = visual * width / 7;
      int y = header + row * rows_height / N_WEEKS;
      int cell_width = (visual + 1) * width / 7 - x;
      int cell_height = header + (row + 1) * rows_height / N_WEEKS - y;
      int inner_width = MAX (cell_width - 2 * CELL_PADDING, 0);
      int day_width = 0, chip_y;
      guint n_shown = MIN (cell->n_shown, n_fit);
      gboolean more = cell->n_events > n_shown && n_fit > 0;

      allocate_child (cell->background, x, y, cell_width, cell_height);

      gtk_widget_measure (cell->day_label, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &day_width, NULL, NULL);
      day_width = MIN (day_width, inner_width);
      allocate_child (cell->day_label,
                      rtl ? x + cell_width - CELL_PADDING - day_width : x + CELL_PADDING,
                      y + CELL_PADDING, day_width, day_height);

      chip_y = y + CELL_PADDING + day_height + CHIP_SPACING;
      for (guint j = 0; j < cell->chips->len; j++)
        {
          GtkWidget *chip = g_ptr_array_index (cell->chips, j);

          gtk_widget_set_child_visible (chip, j < n_shown);
          if (j < n_shown)
            allocate_child (chip, x + CELL_PADDING, chip_y + j * (row_height + CHIP_SPACING),
                            inner_width, row_height);
        }

      gtk_widget_set_child_visible (cell->more_button, more);
      if (more)
        allocate_child (cell->more_button, x + CELL_PADDING,
                        chip_y + n_shown * (row_height + CHIP_SPACING), inner_width, row_height);
    }

  gtk_popover_present (GTK_POPOVER (self->popover));
}
