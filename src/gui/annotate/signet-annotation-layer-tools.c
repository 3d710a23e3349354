/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "signet-annotation-layer"

#include "config.h"

#include <glib/gi18n.h>

#include "signet-annotation-layer-private.h"

/* The Note and Rectangle tools: the gestures they take on the pages and
 * what they make of them. */

/* A drag with the Rectangle tool smaller than this, in points either way,
 * was a click: it makes nothing. */
#define MIN_RECTANGLE_SIZE 4.0
/* How near a click must be to an annotation to pick it, points. */
#define PICK_TOLERANCE     2.0

/* The point of @page nearest to @x, @y (viewer coordinates): a drag that
 * leaves its page ends at the page's edge. */
static gboolean
nearest_page_point (SignetAnnotationLayer *self,
                    guint                  page,
                    double                 x,
                    double                 y,
                    double                *page_x,
                    double                *page_y)
{
  SignetPdfDocument *document = signet_pdf_viewer_get_document (self->viewer);
  double width, height, x1, y1, x2, y2;
  guint found;

  if (document == NULL)
    return FALSE;

  signet_pdf_document_get_page_size (document, page, 0, &width, &height);
  if (!signet_pdf_viewer_page_to_viewer (self->viewer, page, 0, 0, &x1, &y1) ||
      !signet_pdf_viewer_page_to_viewer (self->viewer, page, width, height, &x2, &y2))
    return FALSE;

  x = CLAMP (x, MIN (x1, x2) + 0.5, MAX (x1, x2) - 0.5);
  y = CLAMP (y, MIN (y1, y2) + 0.5, MAX (y1, y2) - 0.5);
  if (!signet_pdf_viewer_get_page_at (self->viewer, x, y, &found, page_x, page_y) || found != page)
    return FALSE;

  *page_x = CLAMP (*page_x, 0, width);
  *page_y = CLAMP (*page_y, 0, height);

  return TRUE;
}

static SignetAnnotation *
place_note (SignetAnnotationLayer *self)
{
  SignetPdfDocument *document = signet_pdf_viewer_get_document (self->viewer);
  SignetAnnotationRect rect;
  double width, height;

  /* The note's corner goes where the user clicked, and the whole note
   * stays on the page. */
  signet_pdf_document_get_page_size (document, self->drag_page, 0, &width, &height);
  rect.x1 = CLAMP (self->drag_x1, 0, MAX (0, width - SIGNET_ANNOTATION_NOTE_SIZE));
  rect.y1 = CLAMP (self->drag_y1, 0, MAX (0, height - SIGNET_ANNOTATION_NOTE_SIZE));
  rect.x2 = rect.x1 + SIGNET_ANNOTATION_NOTE_SIZE;
  rect.y2 = rect.y1 + SIGNET_ANNOTATION_NOTE_SIZE;

  return signet_annotation_layer_add (self, SIGNET_ANNOTATION_KIND_NOTE, self->drag_page, &rect, 1);
}

static SignetAnnotation *
mark_rectangle (SignetAnnotationLayer *self)
{
  SignetAnnotationRect rect = {
    MIN (self->drag_x1, self->drag_x2), MIN (self->drag_y1, self->drag_y2),
    MAX (self->drag_x1, self->drag_x2), MAX (self->drag_y1, self->drag_y2),
  };

  if (rect.x2 - rect.x1 < MIN_RECTANGLE_SIZE || rect.y2 - rect.y1 < MIN_RECTANGLE_SIZE)
    return NULL;

  return signet_annotation_layer_add (self, SIGNET_ANNOTATION_KIND_RECTANGLE, self->drag_page, &rect, 1);
}

static gboolean
rect_contains (const SignetAnnotationRect *rect,
               double                      x,
               double                      y)
{
  return x >= rect->x1 - PICK_TOLERANCE && x <= rect->x2 + PICK_TOLERANCE &&
         y >= rect->y1 - PICK_TOLERANCE && y <= rect->y2 + PICK_TOLERANCE;
}

static void
to_viewer (SignetAnnotationLayer *self,
           double                *x,
           double                *y)
{
  graphene_point_t point;

  if (!gtk_widget_compute_point (GTK_WIDGET (self->page_view), GTK_WIDGET (self->viewer),
                                 &GRAPHENE_POINT_INIT (*x, *y), &point))
    {
      *x = *y = -1;
      return;
    }

  *x = point.x;
  *y = point.y;
}

static void
drag_begun_cb (GtkGestureDrag        *gesture,
               double                 x,
               double                 y,
               SignetAnnotationLayer *self)
{
  to_viewer (self, &x, &y);

  /* Claimed, the press no longer starts a text selection. */
  if (signet_annotation_layer_begin_tool (self, x, y))
    gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  else
    gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_DENIED);
}

static void
drag_updated_cb (GtkGestureDrag        *gesture,
                 double                 offset_x,
                 double                 offset_y,
                 SignetAnnotationLayer *self)
{
  double x, y;

  gtk_gesture_drag_get_start_point (gesture, &x, &y);
  x += offset_x;
  y += offset_y;
  to_viewer (self, &x, &y);
  signet_annotation_layer_update_tool (self, x, y);
}

static void
drag_ended_cb (GtkGestureDrag        *gesture,
               double                 offset_x,
               double                 offset_y,
               SignetAnnotationLayer *self)
{
  g_autoptr(SignetAnnotation) annotation = NULL;
  double x, y;

  if (!self->dragging)
    return;

  gtk_gesture_drag_get_start_point (gesture, &x, &y);
  x += offset_x;
  y += offset_y;
  to_viewer (self, &x, &y);
  annotation = signet_annotation_layer_end_tool (self, x, y);
}

static void
drag_cancelled_cb (GtkGesture            *gesture,
                   GdkEventSequence      *sequence,
                   SignetAnnotationLayer *self)
{
  if (!self->dragging)
    return;

  self->dragging = FALSE;
  signet_pdf_viewer_queue_overlay_redraw (self->viewer);
}

/* Without a tool, a click on an annotation selects it (and a click
 * elsewhere on the pages puts the selection away). */
static void
released_cb (GtkGestureClick       *gesture,
             int                    n_press,
             double                 x,
             double                 y,
             SignetAnnotationLayer *self)
{
  SignetAnnotation *annotation;

  if (n_press != 1 || self->tool != SIGNET_ANNOTATION_TOOL_NONE)
    return;

  to_viewer (self, &x, &y);
  annotation = signet_annotation_layer_get_annotation_at (self, x, y);
  signet_annotation_layer_set_selected (self, annotation != NULL ? signet_annotation_get_id (annotation) : 0);
}

/* The pages are drawn by the viewer's page view: the tools take their
 * presses there, before its text selection does. */
static SignetPdfPageView *
find_page_view (GtkWidget *widget)
{
  if (SIGNET_IS_PDF_PAGE_VIEW (widget))
    return SIGNET_PDF_PAGE_VIEW (widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      SignetPdfPageView *found = find_page_view (child);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* Private API */

void
signet_annotation_layer_attach_tools (SignetAnnotationLayer *self)
{
  GtkGesture *gesture;

  self->page_view = find_page_view (GTK_WIDGET (self->viewer));
  g_assert (self->page_view != NULL);
  g_object_ref (self->page_view);

  gesture = gtk_gesture_drag_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (gesture), GDK_BUTTON_PRIMARY);
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (gesture), GTK_PHASE_CAPTURE);
  g_signal_connect_object (gesture, "drag-begin", G_CALLBACK (drag_begun_cb), self, 0);
  g_signal_connect_object (gesture, "drag-update", G_CALLBACK (drag_updated_cb), self, 0);
  g_signal_connect_object (gesture, "drag-end", G_CALLBACK (drag_ended_cb), self, 0);
  g_signal_connect_object (gesture, "cancel", G_CALLBACK (drag_cancelled_cb), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self->page_view), GTK_EVENT_CONTROLLER (gesture));
  self->drag_gesture = GTK_EVENT_CONTROLLER (gesture);

  gesture = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (gesture), GDK_BUTTON_PRIMARY);
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (gesture), GTK_PHASE_CAPTURE);
  g_signal_connect_object (gesture, "released", G_CALLBACK (released_cb), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self->page_view), GTK_EVENT_CONTROLLER (gesture));
  self->click_gesture = GTK_EVENT_CONTROLLER (gesture);
}

void
signet_annotation_layer_detach_tools (SignetAnnotationLayer *self)
{
  if (self->page_view == NULL)
    return;

  gtk_widget_remove_controller (GTK_WIDGET (self->page_view), self->drag_gesture);
  gtk_widget_remove_controller (GTK_WIDGET (self->page_view), self->click_gesture);
  self->drag_gesture = NULL;
  self->click_gesture = NULL;
  g_clear_object (&self->page_view);
}

void
signet_annotation_layer_update_cursor (SignetAnnotationLayer *self)
{
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self->page_view),
                                   self->tool != SIGNET_ANNOTATION_TOOL_NONE ? "crosshair" : "text");
}

/* Public API */

gboolean
signet_annotation_layer_begin_tool (SignetAnnotationLayer *self,
                                    double                 x,
                                    double                 y)
{
  guint page;
  double page_x, page_y;

  g_return_val_if_fail (SIGNET_IS_ANNOTATION_LAYER (self), FALSE);

  if (self->tool == SIGNET_ANNOTATION_TOOL_NONE ||
      signet_pdf_viewer_get_document (self->viewer) == NULL ||
      !signet_pdf_viewer_get_page_at (self->viewer, x, y, &page, &page_x, &page_y))
    return FALSE;

  self->dragging = TRUE;
  self->drag_page = page;
  self->drag_x1 = self->drag_x2 = page_x;
  self->drag_y1 = self->drag_y2 = page_y;
  signet_pdf_viewer_queue_overlay_redraw (self->viewer);

  return TRUE;
}

void
signet_annotation_layer_update_tool (SignetAnnotationLayer *self,
                                     double                 x,
                                     double                 y)
{
  double page_x, page_y;

  g_return_if_fail (SIGNET_IS_ANNOTATION_LAYER (self));

  if (!self->dragging || self->tool != SIGNET_ANNOTATION_TOOL_RECTANGLE)
    return;

  if (!nearest_page_point (self, self->drag_page, x, y, &page_x, &page_y))
    return;

  self->drag_x2 = page_x;
  self->drag_y2 = page_y;
  signet_pdf_viewer_queue_overlay_redraw (self->viewer);
}

SignetAnnotation *
signet_annotation_layer_end_tool (SignetAnnotationLayer *self,
                                  double                 x,
                                  double                 y)
{
  SignetAnnotation *annotation = NULL;

  g_return_val_if_fail (SIGNET_IS_ANNOTATION_LAYER (self), NULL);

  if (!self->dragging)
    return NULL;

  signet_annotation_layer_update_tool (self, x, y);
  self->dragging = FALSE;
  signet_pdf_viewer_queue_overlay_redraw (self->viewer);

  if (self->tool == SIGNET_ANNOTATION_TOOL_NOTE)
    annotation = place_note (self);
  else if (self->tool == SIGNET_ANNOTATION_TOOL_RECTANGLE)
    annotation = mark_rectangle (self);

  if (annotation == NULL)
    return NULL;

  /* A tool makes one annotation; the next press selects text again. */
  signet_annotation_layer_set_tool (self, SIGNET_ANNOTATION_TOOL_NONE);
  signet_annotation_layer_set_selected (self, signet_annotation_get_id (annotation));
  signet_annotation_layer_emit_added (self, annotation);

  return annotation;
}

SignetAnnotation *
signet_annotation_layer_get_annotation_at (SignetAnnotationLayer *self,
                                           double                 x,
                                           double                 y)
{
  GListModel *model;
  guint page;
  double page_x, page_y;

  g_return_val_if_fail (SIGNET_IS_ANNOTATION_LAYER (self), NULL);

  if (!signet_pdf_viewer_get_page_at (self->viewer, x, y, &page, &page_x, &page_y))
    return NULL;

  /* The last one drawn is on top. */
  model = G_LIST_MODEL (self->annotations);
  for (guint i = g_list_model_get_n_items (model); i > 0; i--)
    {
      g_autoptr(SignetAnnotation) annotation = g_list_model_get_item (model, i - 1);
      GArray *rects = signet_annotation_get_rects (annotation);

      if (signet_annotation_get_page (annotation) != page)
        continue;

      for (guint j = 0; j < rects->len; j++)
        if (rect_contains (&g_array_index (rects, SignetAnnotationRect, j), page_x, page_y))
          return annotation;
    }

  return NULL;
}
