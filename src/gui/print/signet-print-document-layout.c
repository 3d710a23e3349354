/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "signet-print-document"

#include "config.h"

#include <glib/gi18n.h>

#include "signet-print-document-private.h"

/* Sizes in points (the operation's unit). */
#define BODY_SIZE        9.0
#define SMALL_SIZE       7.5
#define HEADING_SIZE     12.0
#define TITLE_SIZE       16.0
#define HEADER_GAP       10.0
#define CELL_PAD_X       4.0
#define CELL_PAD_Y       2.5
#define FIELD_GAP        12.0
#define BLOCK_GAP        4.0
#define HEADING_GAP      12.0
/* Latin text in the usual sans, Chinese in a CJK face that has every
 * character (fonts-noto-cjk), in its simplified Chinese forms. */
#define FONT_FAMILIES    "Sans,Noto Sans CJK SC,Noto Sans CJK"

static PangoLayout *
make_layout (GtkPrintContext *context,
             const char      *text,
             double           size,
             gboolean         bold,
             double           width,
             PangoAlignment   alignment)
{
  PangoLayout *layout = gtk_print_context_create_pango_layout (context);
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string (FONT_FAMILIES);

  pango_font_description_set_size (font, (int) (size * PANGO_SCALE));
  pango_font_description_set_weight (font, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  if (width > 0)
    pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_alignment (layout, alignment);
  pango_layout_set_text (layout, text != NULL ? text : "", -1);

  return layout;
}

static double
layout_height (PangoLayout *layout)
{
  int height;

  pango_layout_get_size (layout, NULL, &height);

  return (double) height / PANGO_SCALE;
}

static const char *
field_value (const Block *block)
{
  return block->value != NULL && *block->value != '\0' ? block->value : "—";
}

/* The width of the labels of fields: the widest label, up to a third of
 * the page. */
static double
label_width (SignetPrintDocument *self,
             GtkPrintContext     *context)
{
  double widest = 0;

  for (guint i = 0; i < self->blocks->len; i++)
    {
      Block *block = g_ptr_array_index (self->blocks, i);
      g_autoptr(PangoLayout) layout = NULL;
      int width;

      if (block->kind != BLOCK_FIELD)
        continue;
      layout = make_layout (context, block->text, BODY_SIZE, TRUE, -1, PANGO_ALIGN_LEFT);
      pango_layout_get_size (layout, &width, NULL);
      widest = MAX (widest, (double) width / PANGO_SCALE);
    }

  return MIN (widest, self->width / 3);
}

static const char *
cell_text (const Block *block,
           guint        row,
           guint        column)
{
  if (row == G_MAXUINT)
    return ((Column *) g_ptr_array_index (block->columns, column))->title;

  return ((GStrv) g_ptr_array_index (block->rows, row))[column];
}

/* Each column as wide as its widest cell when they all fit, the room
 * left shared by weight; otherwise a column narrower than its share
 * keeps its width and the others share the rest, wrapping their text. */
static void
set_column_widths (SignetPrintDocument *self,
                   GtkPrintContext     *context,
                   Block               *block)
{
  guint n = block->columns->len;
  g_autofree double *natural = g_new0 (double, n);
  g_autofree double *share = g_new0 (double, n);
  double total_weight = 0;
  double total_natural = 0;
  double room = self->width;
  double wanted = 0;

  g_clear_pointer (&block->widths, g_free);
  g_clear_pointer (&block->cells, g_free);
  block->widths = g_new0 (double, n);
  block->cells = g_new0 (double, 2 * n * (block->rows->len + 1));

  for (guint i = 0; i < n; i++)
    total_weight += ((Column *) g_ptr_array_index (block->columns, i))->weight;

  for (guint i = 0; i < n; i++)
    {
      for (guint r = 0; r <= block->rows->len; r++)
        {
          guint row = r == 0 ? G_MAXUINT : r - 1;
          g_autoptr(PangoLayout) layout = make_layout (context, cell_text (block, row, i), BODY_SIZE,
                                                       row == G_MAXUINT, -1, PANGO_ALIGN_LEFT);
          double *cell = &block->cells[2 * (r * n + i)];
          int width;
          int height;

          pango_layout_get_size (layout, &width, &height);
          cell[0] = (double) width / PANGO_SCALE + 2 * CELL_PAD_X + 1;
          cell[1] = (double) height / PANGO_SCALE;
          natural[i] = MAX (natural[i], cell[0]);
        }
      share[i] = self->width * ((Column *) g_ptr_array_index (block->columns, i))->weight / total_weight;
      total_natural += natural[i];
    }

  if (total_natural <= self->width)
    {
      for (guint i = 0; i < n; i++)
        block->widths[i] = natural[i] + (self->width - total_natural) * share[i] / self->width;
      return;
    }

  for (guint i = 0; i < n; i++)
    {
      if (natural[i] <= share[i])
        {
          block->widths[i] = natural[i];
          room -= natural[i];
        }
      else
        wanted += natural[i];
    }
  for (guint i = 0; i < n; i++)
    if (natural[i] > share[i])
      block->widths[i] = room * natural[i] / wanted;
}

/* Draws one row of a table at @y, @height high (from the measure pass:
 * each cell is laid out once to measure and once to draw), or, without
 * @cr, measures it. */
static double
table_row (SignetPrintDocument *self,
           GtkPrintContext     *context,
           cairo_t             *cr,
           const Block         *block,
           guint                row,
           double               y,
           double               height)
{
  const double *widths = block->widths;
  gboolean header = row == G_MAXUINT;
  double x = 0;

  if (cr == NULL)
    {
      guint n = block->columns->len;

      height = 0;
      for (guint i = 0; i < n; i++)
        {
          Column *column = g_ptr_array_index (block->columns, i);
          const double *cell = &block->cells[2 * ((header ? 0 : row + 1) * n + i)];
          g_autoptr(PangoLayout) layout = NULL;

          /* A cell that fits on one line is as high as it was then. */
          if (cell[0] <= widths[i])
            {
              height = MAX (height, cell[1]);
              continue;
            }
          layout = make_layout (context, cell_text (block, row, i), BODY_SIZE, header,
                                widths[i] - 2 * CELL_PAD_X, column->alignment);
          height = MAX (height, layout_height (layout));
        }

      return height + 2 * CELL_PAD_Y;
    }

  if (header)
    {
      cairo_set_source_rgb (cr, 0.9, 0.9, 0.9);
      cairo_rectangle (cr, 0, y, self->width, height);
      cairo_fill (cr);
    }

  cairo_set_source_rgb (cr, 0, 0, 0);
  for (guint i = 0; i < block->columns->len; i++)
    {
      Column *column = g_ptr_array_index (block->columns, i);
      g_autoptr(PangoLayout) layout = make_layout (context, cell_text (block, row, i), BODY_SIZE, header,
                                                   widths[i] - 2 * CELL_PAD_X, column->alignment);

      cairo_move_to (cr, x + CELL_PAD_X, y + CELL_PAD_Y);
      pango_cairo_show_layout (cr, layout);
      x += widths[i];
    }

  cairo_set_source_rgb (cr, 0.6, 0.6, 0.6);
  cairo_set_line_width (cr, 0.5);
  cairo_move_to (cr, 0, y + height);
  cairo_line_to (cr, self->width, y + height);
  cairo_stroke (cr);

  return height;
}

/* Draws (when @cr is set) or measures a unit at @y; its height. */
static double
render_unit (SignetPrintDocument *self,
             GtkPrintContext     *context,
             cairo_t             *cr,
             const Unit          *unit,
             double               labels,
             double               y)
{
  Block *block = unit->kind == UNIT_TITLE ? NULL : g_ptr_array_index (self->blocks, unit->block);
  g_autoptr(PangoLayout) layout = NULL;
  g_autoptr(PangoLayout) value = NULL;
  double height;

  switch (unit->kind)
    {
    case UNIT_TITLE:
      layout = make_layout (context, self->title, TITLE_SIZE, TRUE, self->width, PANGO_ALIGN_LEFT);
      height = layout_height (layout);
      if (cr != NULL)
        {
          cairo_set_source_rgb (cr, 0, 0, 0);
          cairo_move_to (cr, 0, y);
          pango_cairo_show_layout (cr, layout);
        }
      if (self->subtitle != NULL)
        {
          value = make_layout (context, self->subtitle, BODY_SIZE, FALSE, self->width, PANGO_ALIGN_LEFT);
          if (cr != NULL)
            {
              cairo_set_source_rgb (cr, 0.3, 0.3, 0.3);
              cairo_move_to (cr, 0, y + height + 2);
              pango_cairo_show_layout (cr, value);
            }
          height += 2 + layout_height (value);
        }
      return height;

    case UNIT_TABLE_HEADER:
      return table_row (self, context, cr, block, G_MAXUINT, y, unit->height);

    case UNIT_TABLE_ROW:
      return table_row (self, context, cr, block, unit->row, y, unit->height);

    case UNIT_BLOCK:
    default:
      break;
    }

  switch (block->kind)
    {
    case BLOCK_HEADING:
      layout = make_layout (context, block->text, HEADING_SIZE, TRUE, self->width, PANGO_ALIGN_LEFT);
      height = layout_height (layout) + 3;
      if (cr != NULL)
        {
          cairo_set_source_rgb (cr, 0, 0, 0);
          cairo_move_to (cr, 0, y);
          pango_cairo_show_layout (cr, layout);
          cairo_set_line_width (cr, 0.8);
          cairo_move_to (cr, 0, y + height - 1);
          cairo_line_to (cr, self->width, y + height - 1);
          cairo_stroke (cr);
        }
      return height;

    case BLOCK_PARAGRAPH:
      layout = make_layout (context, block->text, BODY_SIZE, FALSE, self->width, PANGO_ALIGN_LEFT);
      if (cr != NULL)
        {
          cairo_set_source_rgb (cr, 0, 0, 0);
          cairo_move_to (cr, 0, y);
          pango_cairo_show_layout (cr, layout);
        }
      return layout_height (layout);

    case BLOCK_FIELD:
      layout = make_layout (context, block->text, BODY_SIZE, TRUE, labels, PANGO_ALIGN_LEFT);
      value = make_layout (context, field_value (block), BODY_SIZE, FALSE,
                           self->width - labels - FIELD_GAP, PANGO_ALIGN_LEFT);
      if (cr != NULL)
        {
          cairo_set_source_rgb (cr, 0.25, 0.25, 0.25);
          cairo_move_to (cr, 0, y);
          pango_cairo_show_layout (cr, layout);
          cairo_set_source_rgb (cr, 0, 0, 0);
          cairo_move_to (cr, labels + FIELD_GAP, y);
          pango_cairo_show_layout (cr, value);
        }
      return MAX (layout_height (layout), layout_height (value)) + 2;

    case BLOCK_TABLE:
    default:
      g_assert_not_reached ();
    }
}

static void
add_unit (GArray   *units,
          UnitKind  kind,
          guint     block,
          guint     row,
          double    space_before)
{
  Unit unit = { kind, block, row, 0, space_before };

  g_array_append_val (units, unit);
}

/* The units in their order, each measured. */
static void
measure_units (SignetPrintDocument *self,
               GtkPrintContext     *context,
               double               labels)
{
  g_array_set_size (self->units, 0);
  add_unit (self->units, UNIT_TITLE, 0, 0, 0);

  for (guint i = 0; i < self->blocks->len; i++)
    {
      Block *block = g_ptr_array_index (self->blocks, i);

      switch (block->kind)
        {
        case BLOCK_HEADING:
          add_unit (self->units, UNIT_BLOCK, i, 0, HEADING_GAP);
          break;
        case BLOCK_PARAGRAPH:
          add_unit (self->units, UNIT_BLOCK, i, 0, BLOCK_GAP);
          break;
        case BLOCK_FIELD:
          add_unit (self->units, UNIT_BLOCK, i, 0, 0);
          break;
        case BLOCK_TABLE:
          set_column_widths (self, context, block);
          add_unit (self->units, UNIT_TABLE_HEADER, i, 0, BLOCK_GAP);
          for (guint r = 0; r < block->rows->len; r++)
            add_unit (self->units, UNIT_TABLE_ROW, i, r, 0);
          break;
        default:
          g_assert_not_reached ();
        }
    }

  for (guint i = 0; i < self->units->len; i++)
    {
      Unit *unit = &g_array_index (self->units, Unit, i);

      unit->height = render_unit (self, context, NULL, unit, labels, 0);
    }
}

static void
place (GArray *page,
       guint   unit,
       double  y)
{
  Placed placed = { unit, y };

  g_array_append_val (page, placed);
}

/* Puts the units on pages: a heading stays with what follows it, a
 * table's header row with its first row, and a table that goes on over a
 * page break starts the next page with its header row again. */
static void
paginate (SignetPrintDocument *self)
{
  GArray *page = g_array_new (FALSE, FALSE, sizeof (Placed));
  double y = 0;
  guint header = G_MAXUINT;   /* the header unit of the table being placed */

  g_ptr_array_set_size (self->pages, 0);
  g_ptr_array_add (self->pages, page);

  for (guint i = 0; i < self->units->len; i++)
    {
      const Unit *unit = &g_array_index (self->units, Unit, i);
      double needed = unit->height;
      double space = page->len > 0 ? unit->space_before : 0;

      if (unit->kind == UNIT_TABLE_HEADER)
        header = i;
      else if (unit->kind != UNIT_TABLE_ROW)
        header = G_MAXUINT;

      /* What must not be left alone at the foot of a page. */
      if ((unit->kind == UNIT_TABLE_HEADER ||
           (unit->kind == UNIT_BLOCK &&
            ((Block *) g_ptr_array_index (self->blocks, unit->block))->kind == BLOCK_HEADING)) &&
          i + 1 < self->units->len)
        {
          const Unit *next = &g_array_index (self->units, Unit, i + 1);

          needed += next->height;
          if (next->kind == UNIT_TABLE_HEADER && i + 2 < self->units->len)
            needed += g_array_index (self->units, Unit, i + 2).height;
        }

      if (page->len > 0 && y + space + needed > self->body_height)
        {
          page = g_array_new (FALSE, FALSE, sizeof (Placed));
          g_ptr_array_add (self->pages, page);
          y = 0;
          space = 0;
          if (unit->kind == UNIT_TABLE_ROW && header != G_MAXUINT)
            {
              place (page, header, y);
              y += g_array_index (self->units, Unit, header).height;
            }
        }

      y += space;
      place (page, i, y);
      y += unit->height;
    }
}

static void
begin_print_cb (GtkPrintOperation   *operation,
                GtkPrintContext     *context,
                SignetPrintDocument *self)
{
  g_autoptr(PangoLayout) header = make_layout (context, "Ag", SMALL_SIZE, FALSE, -1, PANGO_ALIGN_LEFT);
  double line = layout_height (header);

  self->width = gtk_print_context_get_width (context);
  self->body_top = line + HEADER_GAP;
  self->body_height = gtk_print_context_get_height (context) - 2 * (line + HEADER_GAP);

  measure_units (self, context, label_width (self, context));
  paginate (self);
  gtk_print_operation_set_n_pages (operation, (int) self->pages->len);
}

static void
draw_page_cb (GtkPrintOperation   *operation,
              GtkPrintContext     *context,
              int                  page_nr,
              SignetPrintDocument *self)
{
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  double height = gtk_print_context_get_height (context);
  double labels = label_width (self, context);
  /* Translators: the footer of every printed page. */
  g_autofree char *page_text = g_strdup_printf (_("Page %d of %u"), page_nr + 1, self->pages->len);
  g_autoptr(PangoLayout) name = make_layout (context, self->register_name, SMALL_SIZE, FALSE,
                                             self->width * 0.7, PANGO_ALIGN_LEFT);
  g_autoptr(PangoLayout) date = make_layout (context, self->date, SMALL_SIZE, FALSE,
                                             self->width, PANGO_ALIGN_RIGHT);
  g_autoptr(PangoLayout) title = make_layout (context, self->title, SMALL_SIZE, FALSE,
                                              self->width * 0.7, PANGO_ALIGN_LEFT);
  g_autoptr(PangoLayout) number = make_layout (context, page_text, SMALL_SIZE, FALSE,
                                               self->width, PANGO_ALIGN_RIGHT);
  GArray *page;
  double line = layout_height (number);

  if (page_nr < 0 || (guint) page_nr >= self->pages->len)
    return;
  page = g_ptr_array_index (self->pages, page_nr);

  pango_layout_set_ellipsize (name, PANGO_ELLIPSIZE_END);
  pango_layout_set_ellipsize (title, PANGO_ELLIPSIZE_END);

  cairo_set_source_rgb (cr, 0.3, 0.3, 0.3);
  cairo_move_to (cr, 0, 0);
  pango_cairo_show_layout (cr, name);
  cairo_move_to (cr, 0, 0);
  pango_cairo_show_layout (cr, date);
  cairo_move_to (cr, 0, height - line);
  pango_cairo_show_layout (cr, title);
  cairo_move_to (cr, 0, height - line);
  pango_cairo_show_layout (cr, number);

  cairo_set_line_width (cr, 0.5);
  cairo_move_to (cr, 0, line + HEADER_GAP / 2);
  cairo_line_to (cr, self->width, line + HEADER_GAP / 2);
  cairo_move_to (cr, 0, height - line - HEADER_GAP / 2);
  cairo_line_to (cr, self->width, height - line - HEADER_GAP / 2);
  cairo_stroke (cr);

  cairo_save (cr);
  cairo_rectangle (cr, 0, self->body_top, self->width, self->body_height);
  cairo_clip (cr);
  for (guint i = 0; i < page->len; i++)
    {
      const Placed *placed = &g_array_index (page, Placed, i);

      render_unit (self, context, cr, &g_array_index (self->units, Unit, placed->unit), labels,
                   self->body_top + placed->y);
    }
  cairo_restore (cr);
}

void
_signet_print_document_connect (SignetPrintDocument *self,
                                GtkPrintOperation   *operation)
{
  g_signal_connect_object (operation, "begin-print", G_CALLBACK (begin_print_cb), self, 0);
  g_signal_connect_object (operation, "draw-page", G_CALLBACK (draw_page_cb), self, 0);
}
