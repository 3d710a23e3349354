/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "signet-annotation-layer"

#include "config.h"

#include <glib/gi18n.h>

#include "signet-annotation-layer-private.h"

/* How the layer draws annotations over the pages, and the colour samples
 * the tools and the side panel show. */

/* Highlights let the text show through. */
#define HIGHLIGHT_ALPHA    0.35
/* How far the outline of the selected annotation stands off it, pixels. */
#define SELECTED_PADDING   3.0

#define SWATCH_COLOR_KEY "signet-swatch-color"

static const SignetAnnotationColor colors[] = {
  /* Translators: the colours annotations can have. */
  { "#f8e45c", N_("Yellow") },
  { "#57e389", N_("Green") },
  { "#62a0ea", N_("Blue") },
  { "#f49ac1", N_("Pink") },
  { "#e01b24", N_("Red") },
};

static const GdkRGBA selected_color = { 0.21f, 0.52f, 0.89f, 1.0f };

static void
rect_to_view (const SignetPdfPageTransform *transform,
              double                        x1,
              double                        y1,
              double                        x2,
              double                        y2,
              graphene_rect_t              *bounds)
{
  SignetPdfRect rect = { x1, y1, x2 - x1, y2 - y1 };
  SignetPdfRect view;

  signet_pdf_page_transform_rect_to_view (transform, &rect, &view);
  graphene_rect_init (bounds, view.x, view.y, view.width, view.height);
}

static void
append_outline (GtkSnapshot           *snapshot,
                const graphene_rect_t *bounds,
                float                  width,
                const GdkRGBA         *color)
{
  const float widths[4] = { width, width, width, width };
  const GdkRGBA outline_colors[4] = { *color, *color, *color, *color };
  GskRoundedRect outline;

  gsk_rounded_rect_init_from_rect (&outline, bounds, 0);
  gtk_snapshot_append_border (snapshot, &outline, widths, outline_colors);
}

/* A sticky note: a coloured square with lines of "writing" on it. */
static void
append_note (GtkSnapshot           *snapshot,
             const graphene_rect_t *box,
             const GdkRGBA         *color)
{
  cairo_t *cr = gtk_snapshot_append_cairo (snapshot, box);
  double x = box->origin.x + 0.5;
  double y = box->origin.y + 0.5;
  double width = box->size.width - 1;
  double height = box->size.height - 1;
  double radius = MIN (width, height) / 6;
  double line = MAX (1.0, width / 16);

  cairo_new_sub_path (cr);
  cairo_arc (cr, x + width - radius, y + radius, radius, -G_PI / 2, 0);
  cairo_arc (cr, x + width - radius, y + height - radius, radius, 0, G_PI / 2);
  cairo_arc (cr, x + radius, y + height - radius, radius, G_PI / 2, G_PI);
  cairo_arc (cr, x + radius, y + radius, radius, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
  gdk_cairo_set_source_rgba (cr, color);
  cairo_fill_preserve (cr);

  cairo_set_source_rgba (cr, color->red * 0.5, color->green * 0.5, color->blue * 0.5, 1);
  cairo_set_line_width (cr, line);
  cairo_stroke (cr);

  for (int i = 1; i <= 3; i++)
    {
      cairo_move_to (cr, x + width * 0.25, y + height * (0.2 + 0.15 * i));
      cairo_line_to (cr, x + width * 0.75, y + height * (0.2 + 0.15 * i));
    }
  cairo_stroke (cr);

  cairo_destroy (cr);
}

static void
append_annotation (GtkSnapshot                  *snapshot,
                   const SignetPdfPageTransform *transform,
                   SignetAnnotation             *annotation)
{
  GArray *rects = signet_annotation_get_rects (annotation);
  /* A line stays at least this thick, in points, when zoomed out. */
  double min_line = 1.5 / transform->scale;
  GdkRGBA color;

  if (!gdk_rgba_parse (&color, signet_annotation_get_color (annotation)))
    gdk_rgba_parse (&color, colors[0].color);

  for (guint i = 0; i < rects->len; i++)
    {
      const SignetAnnotationRect *r = &g_array_index (rects, SignetAnnotationRect, i);
      double line = MAX ((r->y2 - r->y1) / 14, min_line);
      double middle = (r->y1 + r->y2) / 2;
      graphene_rect_t bounds;

      switch (signet_annotation_get_kind (annotation))
        {
        case SIGNET_ANNOTATION_KIND_HIGHLIGHT:
          {
            GdkRGBA translucent = color;

            translucent.alpha = HIGHLIGHT_ALPHA;
            rect_to_view (transform, r->x1, r->y1, r->x2, r->y2, &bounds);
            gtk_snapshot_append_color (snapshot, &translucent, &bounds);
          }
          break;

        case SIGNET_ANNOTATION_KIND_UNDERLINE:
          rect_to_view (transform, r->x1, r->y2 - line, r->x2, r->y2, &bounds);
          gtk_snapshot_append_color (snapshot, &color, &bounds);
          break;

        case SIGNET_ANNOTATION_KIND_STRIKEOUT:
          rect_to_view (transform, r->x1, middle - line / 2, r->x2, middle + line / 2, &bounds);
          gtk_snapshot_append_color (snapshot, &color, &bounds);
          break;

        case SIGNET_ANNOTATION_KIND_NOTE:
          rect_to_view (transform, r->x1, r->y1, r->x2, r->y2, &bounds);
          append_note (snapshot, &bounds, &color);
          break;

        case SIGNET_ANNOTATION_KIND_RECTANGLE:
          rect_to_view (transform, r->x1, r->y1, r->x2, r->y2, &bounds);
          append_outline (snapshot, &bounds, MAX (2.0, 1.5 * transform->scale), &color);
          break;

        default:
          g_assert_not_reached ();
        }
    }
}

static void
append_selected (GtkSnapshot                  *snapshot,
                 const SignetPdfPageTransform *transform,
                 SignetAnnotation             *annotation)
{
  SignetAnnotationRect r;
  graphene_rect_t bounds;

  signet_annotation_get_bounds (annotation, &r);
  rect_to_view (transform, r.x1, r.y1, r.x2, r.y2, &bounds);
  graphene_rect_inset (&bounds, -SELECTED_PADDING, -SELECTED_PADDING);
  append_outline (snapshot, &bounds, 2, &selected_color);
}

static void
draw_swatch (GtkDrawingArea *area,
             cairo_t        *cr,
             int             width,
             int             height,
             gpointer        user_data)
{
  const char *color = g_object_get_data (G_OBJECT (area), SWATCH_COLOR_KEY);
  GdkRGBA rgba;

  if (color == NULL || !gdk_rgba_parse (&rgba, color))
    return;

  cairo_arc (cr, width / 2.0, height / 2.0, MIN (width, height) / 2.0 - 1, 0, 2 * G_PI);
  gdk_cairo_set_source_rgba (cr, &rgba);
  cairo_fill_preserve (cr);
  /* A light colour needs an edge to stand out from a light background. */
  cairo_set_source_rgba (cr, 0, 0, 0, 0.3);
  cairo_set_line_width (cr, 1);
  cairo_stroke (cr);
}

static void
color_clicked_cb (GtkButton *button,
                  gpointer   user_data)
{
  GtkWidget *popover = gtk_widget_get_ancestor (GTK_WIDGET (button), GTK_TYPE_POPOVER);

  if (popover != NULL)
    gtk_popover_popdown (GTK_POPOVER (popover));
}

/* Public API */

void
signet_annotation_layer_draw_page (SignetPdfViewer              *viewer,
            GtkSnapshot                  *snapshot,
            guint                         page,
            const SignetPdfPageTransform *transform,
            gpointer                      user_data)
{
  SignetAnnotationLayer *self = user_data;
  GListModel *model = G_LIST_MODEL (self->annotations);
  g_autoptr(SignetAnnotation) selected = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(SignetAnnotation) annotation = g_list_model_get_item (model, i);

      if (signet_annotation_get_page (annotation) != page)
        continue;

      append_annotation (snapshot, transform, annotation);
      if (signet_annotation_get_id (annotation) == self->selected)
        selected = g_object_ref (annotation);
    }

  /* Over the others, so that it shows where they overlap. */
  if (selected != NULL)
    append_selected (snapshot, transform, selected);

  if (self->dragging && self->tool == SIGNET_ANNOTATION_TOOL_RECTANGLE && self->drag_page == page)
    {
      graphene_rect_t bounds;
      GdkRGBA color;

      if (!gdk_rgba_parse (&color, self->color))
        gdk_rgba_parse (&color, colors[0].color);
      rect_to_view (transform, MIN (self->drag_x1, self->drag_x2), MIN (self->drag_y1, self->drag_y2),
                    MAX (self->drag_x1, self->drag_x2), MAX (self->drag_y1, self->drag_y2), &bounds);
      append_outline (snapshot, &bounds, MAX (2.0, 1.5 * transform->scale), &color);
    }
}

const SignetAnnotationColor *
signet_annotation_colors (guint *n_colors)
{
  g_return_val_if_fail (n_colors != NULL, NULL);

  *n_colors = G_N_ELEMENTS (colors);

  return colors;
}

const char *
signet_annotation_color_get_name (const char *color)
{
  for (guint i = 0; i < G_N_ELEMENTS (colors); i++)
    if (color != NULL && g_ascii_strcasecmp (colors[i].color, color) == 0)
      return _(colors[i].name);

  return NULL;
}

GtkWidget *
signet_annotation_swatch_new (const char *color)
{
  GtkWidget *area = gtk_drawing_area_new ();

  gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (area), 16);
  gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (area), 16);
  gtk_widget_set_halign (area, GTK_ALIGN_CENTER);
  gtk_widget_set_valign (area, GTK_ALIGN_CENTER);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (area), draw_swatch, NULL, NULL);
  signet_annotation_swatch_set_color (area, color);

  return area;
}

void
signet_annotation_swatch_set_color (GtkWidget  *swatch,
                                    const char *color)
{
  g_return_if_fail (GTK_IS_DRAWING_AREA (swatch));

  g_object_set_data_full (G_OBJECT (swatch), SWATCH_COLOR_KEY, g_strdup (color), g_free);
  gtk_widget_queue_draw (swatch);
}

GtkWidget *
signet_annotation_color_buttons_new (const char *action_name,
                                     gint64      annotation_id)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);

  g_return_val_if_fail (action_name != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (colors); i++)
    {
      GtkWidget *button = annotation_id != 0 ? gtk_button_new () : gtk_toggle_button_new ();
      const char *name = _(colors[i].name);

      gtk_button_set_child (GTK_BUTTON (button), signet_annotation_swatch_new (colors[i].color));
      gtk_widget_set_tooltip_text (button, name);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
      gtk_widget_add_css_class (button, "flat");
      gtk_widget_add_css_class (button, "circular");
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action_name);
      if (annotation_id != 0)
        gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "(xs)", annotation_id, colors[i].color);
      else
        gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", colors[i].color);
      g_signal_connect (button, "clicked", G_CALLBACK (color_clicked_cb), NULL);
      gtk_box_append (GTK_BOX (box), button);
    }

  return box;
}
