/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "signet-pdf-page-view"

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "signet-pdf-page-view-private.h"

/* Text selection: the pages' text and character boxes come from the
 * document's text thread (get_page_text_async), page by page as the
 * selection reaches them; the selection runs in reading order from one
 * character boundary to another. */

/* Pixels the pointer must move before a press becomes a selection, so a
 * double click's jitter does not undo the word it selected. */
#define DRAG_THRESHOLD 3.0
/* A drag past the top or bottom edge scrolls this many pixels a second
 * for each pixel past it, up to the limit: the further out, the faster. */
#define AUTOSCROLL_RATE 12.0
#define AUTOSCROLL_MAX 3000.0

typedef struct
{
  SignetPdfPageView *self;
  SignetPdfDocument *document;
  guint              page;
} TextRequest;

static const GdkRGBA selection_color = { 0.21, 0.52, 0.89, 0.35 };

static void
page_text_free (PageText *text)
{
  signet_pdf_page_text_free (text->text);
  g_free (text->chars);
  g_free (text);
}

static void
text_request_free (TextRequest *request)
{
  g_object_unref (request->self);
  g_object_unref (request->document);
  g_free (request);
}

static double
distance_to_span (double value,
                  double start,
                  double length)
{
  if (value < start)
    return start - value;
  if (value > start + length)
    return value - (start + length);
  return 0;
}

/* The character nearest to @x, @y, looking for the line first and along
 * it second; -1 on a page without text. */
static int
char_at_point (const PageText *text,
               double          x,
               double          y)
{
  int best = -1;
  double best_dy = G_MAXDOUBLE;
  double best_dx = G_MAXDOUBLE;

  for (guint i = 0; i < text->text->n_chars; i++)
    {
      const SignetPdfRect *r = &text->text->char_rects[i];
      double dx, dy;

      if (text->chars[i] == '\n')
        continue;

      dy = distance_to_span (y, r->y, r->height);
      dx = distance_to_span (x, r->x, r->width);
      if (dy < best_dy - 0.01 || (fabs (dy - best_dy) <= 0.01 && dx < best_dx))
        {
          best = (int) i;
          best_dy = dy;
          best_dx = dx;
        }
    }

  return best;
}

/* The boundary between two characters nearest to @x, @y. */
static int
caret_at_point (const PageText *text,
                double          x,
                double          y)
{
  int index = char_at_point (text, x, y);
  const SignetPdfRect *r;

  if (index < 0)
    return 0;

  r = &text->text->char_rects[index];

  return x > r->x + r->width / 2 ? index + 1 : index;
}

static gboolean
is_word_char (gunichar c)
{
  return !g_unichar_isspace (c) && !g_unichar_ispunct (c);
}

static void try_copy (SignetPdfPageView *self);

static void
resolve_end (SignetPdfPageView *self,
             SelectionEnd      *end);

static void
resolve_ends (SignetPdfPageView *self)
{
  resolve_end (self, &self->anchor);
  resolve_end (self, &self->focus);
}

static void
page_text_read_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  TextRequest *request = user_data;
  SignetPdfPageView *self = request->self;
  g_autoptr(SignetPdfPageText) page_text = NULL;
  g_autoptr(GError) error = NULL;
  PageText *text;

  page_text = signet_pdf_document_get_page_text_finish (request->document, result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || request->document != self->document)
    {
      text_request_free (request);
      return;
    }

  g_hash_table_remove (self->text_requests, GUINT_TO_POINTER (request->page));

  /* A damaged page has nothing to select; it still takes part, empty. */
  if (page_text == NULL)
    {
      g_debug ("No text for page %u: %s", request->page + 1, error->message);
      page_text = g_new0 (SignetPdfPageText, 1);
      page_text->page = request->page;
      page_text->text = g_strdup ("");
    }

  text = g_new0 (PageText, 1);
  text->chars = g_utf8_to_ucs4_fast (page_text->text, -1, NULL);
  text->text = g_steal_pointer (&page_text);
  g_hash_table_insert (self->texts, GUINT_TO_POINTER (request->page), text);

  if (self->has_selection)
    {
      resolve_ends (self);
      signet_pdf_page_view_selection_changed (self);
    }
  if (self->copy_pending)
    try_copy (self);

  text_request_free (request);
}

/* The page's text, or NULL while it is being read. */
static PageText *
lookup_text (SignetPdfPageView *self,
             guint              page)
{
  PageText *text = g_hash_table_lookup (self->texts, GUINT_TO_POINTER (page));
  TextRequest *request;

  if (text != NULL || self->document == NULL)
    return text;

  if (g_hash_table_contains (self->text_requests, GUINT_TO_POINTER (page)))
    return NULL;

  g_hash_table_add (self->text_requests, GUINT_TO_POINTER (page));

  request = g_new0 (TextRequest, 1);
  request->self = g_object_ref (self);
  request->document = g_object_ref (self->document);
  request->page = page;
  signet_pdf_document_get_page_text_async (self->document, page, G_PRIORITY_HIGH,
                                           self->text_cancellable, page_text_read_cb, request);

  return NULL;
}

static void
resolve_end (SignetPdfPageView *self,
             SelectionEnd      *end)
{
  PageText *text;

  if (!self->has_selection || end->caret >= 0)
    return;

  text = lookup_text (self, end->page);
  if (text != NULL)
    end->caret = caret_at_point (text, end->x, end->y);
}

static void
ordered_ends (SignetPdfPageView   *self,
              const SelectionEnd **first,
              const SelectionEnd **last)
{
  const SelectionEnd *a = &self->anchor;
  const SelectionEnd *b = &self->focus;

  if (a->page < b->page || (a->page == b->page && a->caret <= b->caret))
    {
      *first = a;
      *last = b;
    }
  else
    {
      *first = b;
      *last = a;
    }
}

/* The selected characters of @page, [*start, *end); FALSE when there are
 * none or the text they depend on has not arrived. */
static gboolean
selected_range (SignetPdfPageView *self,
                guint              page,
                PageText         **text,
                guint             *start,
                guint             *end)
{
  const SelectionEnd *first, *last;

  if (!self->has_selection)
    return FALSE;

  ordered_ends (self, &first, &last);
  if (page < first->page || page > last->page)
    return FALSE;

  if ((page == first->page && first->caret < 0) || (page == last->page && last->caret < 0))
    return FALSE;

  *text = lookup_text (self, page);
  if (*text == NULL)
    return FALSE;

  *start = page == first->page ? (guint) first->caret : 0;
  *end = page == last->page ? (guint) last->caret : (*text)->text->n_chars;
  *end = MIN (*end, (*text)->text->n_chars);

  return *end > *start;
}

static gboolean
same_line (const SignetPdfRect *line,
           const SignetPdfRect *r)
{
  double line_middle = line->y + line->height / 2;
  double middle = r->y + r->height / 2;

  return fabs (line_middle - middle) < MIN (line->height, r->height) / 2 && r->x >= line->x - 1;
}

/* The boxes of characters start to end, one box per run on a line. */
static GArray *
range_rects (const PageText *text,
             guint           start,
             guint           end)
{
  GArray *rects = g_array_new (FALSE, FALSE, sizeof (SignetPdfRect));
  SignetPdfRect line = { 0 };
  gboolean open = FALSE;

  for (guint i = start; i < end; i++)
    {
      const SignetPdfRect *r = &text->text->char_rects[i];

      if (text->chars[i] == '\n' || r->width <= 0 || r->height <= 0)
        continue;

      if (open && same_line (&line, r))
        {
          double x2 = MAX (line.x + line.width, r->x + r->width);
          double y2 = MAX (line.y + line.height, r->y + r->height);

          line.x = MIN (line.x, r->x);
          line.y = MIN (line.y, r->y);
          line.width = x2 - line.x;
          line.height = y2 - line.y;
        }
      else
        {
          if (open)
            g_array_append_val (rects, line);
          line = *r;
          open = TRUE;
        }
    }

  if (open)
    g_array_append_val (rects, line);

  return rects;
}

/* NULL while some selected page's text is still being read. */
static char *
collect_selected_text (SignetPdfPageView *self)
{
  g_autoptr(GString) result = g_string_new (NULL);
  const SelectionEnd *first, *last;
  gboolean complete = TRUE;

  if (!self->has_selection)
    return g_strdup ("");

  ordered_ends (self, &first, &last);
  if (first->caret < 0 || last->caret < 0)
    return NULL;

  for (guint page = first->page; page <= last->page; page++)
    {
      PageText *text;
      guint start, end;

      /* Asks for every missing page at once rather than one at a time. */
      if (lookup_text (self, page) == NULL)
        {
          complete = FALSE;
          continue;
        }

      if (!complete || !selected_range (self, page, &text, &start, &end))
        continue;

      if (result->len > 0 && result->str[result->len - 1] != '\n')
        g_string_append_c (result, '\n');

      g_string_append_len (result,
                           g_utf8_offset_to_pointer (text->text->text, start),
                           g_utf8_offset_to_pointer (text->text->text, end) -
                           g_utf8_offset_to_pointer (text->text->text, start));
    }

  if (!complete)
    return NULL;

  return g_string_free (g_steal_pointer (&result), FALSE);
}

static void
try_copy (SignetPdfPageView *self)
{
  g_autofree char *text = collect_selected_text (self);

  if (text == NULL)
    {
      self->copy_pending = TRUE;
      return;
    }

  self->copy_pending = FALSE;
  if (*text != '\0')
    gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (self)), text);
}

static void
set_selection (SignetPdfPageView  *self,
               const SelectionEnd *anchor,
               const SelectionEnd *focus)
{
  self->has_selection = TRUE;
  self->copy_pending = FALSE;
  self->anchor = *anchor;
  self->focus = *focus;
  resolve_ends (self);
  signet_pdf_page_view_selection_changed (self);
}

static void
drag_begun_cb (GtkGestureDrag *gesture,
               double          x,
               double          y,
               gpointer        user_data)
{
  SignetPdfPageView *self = user_data;
  SelectionEnd end = { .caret = -1 };

  gtk_widget_grab_focus (GTK_WIDGET (self));

  self->drag_start_x = x;
  self->drag_start_y = y;
  self->dragged = FALSE;
  self->selecting = signet_pdf_page_view_point_to_page (self, x, y, FALSE,
                                                        &end.page, &end.x, &end.y);

  if (!self->selecting)
    {
      signet_pdf_page_view_clear_selection (self);
      return;
    }

  /* Reads the page's text now, so that it is there when the drag moves. */
  lookup_text (self, end.page);
}

/* Moves the selection's free end to the point under the pointer. */
static void
extend_selection (SignetPdfPageView *self)
{
  SelectionEnd end = { .caret = -1 };
  SelectionEnd start = { .caret = -1 };

  if (!self->dragged)
    {
      self->dragged = TRUE;
      if (!signet_pdf_page_view_point_to_page (self, self->drag_start_x, self->drag_start_y, TRUE,
                                               &start.page, &start.x, &start.y))
        return;
    }
  else
    {
      start = self->anchor;
    }

  if (!signet_pdf_page_view_point_to_page (self, self->drag_x, self->drag_y, TRUE,
                                           &end.page, &end.x, &end.y))
    return;

  set_selection (self, &start, &end);
}

static void
stop_autoscroll (SignetPdfPageView *self)
{
  if (self->autoscroll_id != 0)
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->autoscroll_id);
      self->autoscroll_id = 0;
    }
}

static gboolean
autoscroll_cb (GtkWidget     *widget,
               GdkFrameClock *frame_clock,
               gpointer       user_data)
{
  SignetPdfPageView *self = SIGNET_PDF_PAGE_VIEW (widget);
  double height = gtk_widget_get_height (widget);
  gint64 now = gdk_frame_clock_get_frame_time (frame_clock);
  double seconds, past;

  if (!self->selecting || self->vadjustment == NULL || (self->drag_y >= 0 && self->drag_y <= height))
    {
      self->autoscroll_id = 0;
      return G_SOURCE_REMOVE;
    }

  /* By the time between frames, so the speed does not depend on the
   * frame rate. */
  seconds = self->autoscroll_time != 0 ? (now - self->autoscroll_time) / (double) G_USEC_PER_SEC : 0;
  self->autoscroll_time = now;

  past = self->drag_y < 0 ? self->drag_y : self->drag_y - height;
  gtk_adjustment_set_value (self->vadjustment,
                            gtk_adjustment_get_value (self->vadjustment) +
                            CLAMP (past * AUTOSCROLL_RATE, -AUTOSCROLL_MAX, AUTOSCROLL_MAX) * seconds);
  extend_selection (self);

  return G_SOURCE_CONTINUE;
}

static void
drag_updated_cb (GtkGestureDrag *gesture,
                 double          offset_x,
                 double          offset_y,
                 gpointer        user_data)
{
  SignetPdfPageView *self = user_data;

  if (!self->selecting)
    return;

  if (!self->dragged && hypot (offset_x, offset_y) < DRAG_THRESHOLD)
    return;

  self->drag_x = self->drag_start_x + offset_x;
  self->drag_y = self->drag_start_y + offset_y;
  extend_selection (self);

  /* Selecting on into pages out of view scrolls them in. */
  if (self->autoscroll_id == 0 &&
      (self->drag_y < 0 || self->drag_y > gtk_widget_get_height (GTK_WIDGET (self))))
    {
      self->autoscroll_time = 0;
      self->autoscroll_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), autoscroll_cb, NULL, NULL);
    }
}

static void
drag_ended_cb (GtkGestureDrag *gesture,
               double          offset_x,
               double          offset_y,
               gpointer        user_data)
{
  SignetPdfPageView *self = user_data;

  /* A click without a drag puts the selection away. */
  if (self->selecting && !self->dragged)
    signet_pdf_page_view_clear_selection (self);

  self->selecting = FALSE;
  stop_autoscroll (self);
}

/* A double click selects the word under the pointer. */
static void
pressed_cb (GtkGestureClick *gesture,
            int              n_press,
            double           x,
            double           y,
            gpointer         user_data)
{
  SignetPdfPageView *self = user_data;
  SelectionEnd anchor = { .caret = -1 };
  SelectionEnd focus;
  PageText *text;
  int index;
  guint start, end;

  if (n_press != 2)
    return;

  if (!signet_pdf_page_view_point_to_page (self, x, y, FALSE, &anchor.page, &anchor.x, &anchor.y))
    return;

  text = lookup_text (self, anchor.page);
  if (text == NULL)
    return;

  index = char_at_point (text, anchor.x, anchor.y);
  if (index < 0 || !is_word_char (text->chars[index]))
    return;

  start = end = (guint) index;
  while (start > 0 && is_word_char (text->chars[start - 1]))
    start--;
  while (end < text->text->n_chars && is_word_char (text->chars[end]))
    end++;

  focus = anchor;
  anchor.caret = (int) start;
  focus.caret = (int) end;

  /* The press's drag gesture must not take this for the start of a new
   * selection. */
  self->selecting = FALSE;
  set_selection (self, &anchor, &focus);
}

void
signet_pdf_page_view_init_selection (SignetPdfPageView *self)
{
  GtkGesture *gesture;

  self->texts = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) page_text_free);
  self->text_requests = g_hash_table_new (NULL, NULL);
  self->text_cancellable = g_cancellable_new ();

  gesture = gtk_gesture_drag_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (gesture), GDK_BUTTON_PRIMARY);
  g_signal_connect (gesture, "drag-begin", G_CALLBACK (drag_begun_cb), self);
  g_signal_connect (gesture, "drag-update", G_CALLBACK (drag_updated_cb), self);
  g_signal_connect (gesture, "drag-end", G_CALLBACK (drag_ended_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (gesture));

  /* Added after the drag, so it sees the second press last. */
  gesture = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (gesture), GDK_BUTTON_PRIMARY);
  g_signal_connect (gesture, "pressed", G_CALLBACK (pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (gesture));
}

void
signet_pdf_page_view_reset_text (SignetPdfPageView *self)
{
  if (self->text_cancellable != NULL)
    {
      g_cancellable_cancel (self->text_cancellable);
      g_object_unref (self->text_cancellable);
      self->text_cancellable = g_cancellable_new ();
    }

  if (self->texts != NULL)
    g_hash_table_remove_all (self->texts);
  if (self->text_requests != NULL)
    g_hash_table_remove_all (self->text_requests);

  self->has_selection = FALSE;
  self->selecting = FALSE;
  self->copy_pending = FALSE;
  stop_autoscroll (self);
}

void
signet_pdf_page_view_snapshot_selection (SignetPdfPageView            *self,
                                         GtkSnapshot                  *snapshot,
                                         const SignetPdfPageTransform *transform)
{
  g_autoptr(GArray) rects = NULL;
  PageText *text;
  guint start, end;

  if (!selected_range (self, transform->page, &text, &start, &end))
    return;

  rects = range_rects (text, start, end);
  for (guint i = 0; i < rects->len; i++)
    {
      SignetPdfRect view;

      signet_pdf_page_transform_rect_to_view (transform, &g_array_index (rects, SignetPdfRect, i), &view);
      gtk_snapshot_append_color (snapshot, &selection_color,
                                 &GRAPHENE_RECT_INIT (view.x, view.y, view.width, view.height));
    }
}

gboolean
signet_pdf_page_view_get_has_selection (SignetPdfPageView *self)
{
  g_return_val_if_fail (SIGNET_IS_PDF_PAGE_VIEW (self), FALSE);

  if (!self->has_selection)
    return FALSE;

  /* Until a page's text arrives the ends cannot be compared; a drag
   * between two points is taken for a selection meanwhile. */
  if (self->anchor.caret < 0 || self->focus.caret < 0)
    return self->anchor.page != self->focus.page ||
           self->anchor.x != self->focus.x || self->anchor.y != self->focus.y;

  return self->anchor.page != self->focus.page || self->anchor.caret != self->focus.caret;
}

void
signet_pdf_page_view_clear_selection (SignetPdfPageView *self)
{
  g_return_if_fail (SIGNET_IS_PDF_PAGE_VIEW (self));

  if (!self->has_selection)
    return;

  self->has_selection = FALSE;
  self->copy_pending = FALSE;
  signet_pdf_page_view_selection_changed (self);
}

GPtrArray *
signet_pdf_page_view_get_selection_rects (SignetPdfPageView *self)
{
  GPtrArray *result;
  const SelectionEnd *first, *last;

  g_return_val_if_fail (SIGNET_IS_PDF_PAGE_VIEW (self), NULL);

  result = g_ptr_array_new_with_free_func ((GDestroyNotify) signet_pdf_match_free);
  if (!self->has_selection)
    return result;

  ordered_ends (self, &first, &last);
  for (guint page = first->page; page <= last->page; page++)
    {
      g_autoptr(GArray) rects = NULL;
      PageText *text;
      guint start, end;

      if (!selected_range (self, page, &text, &start, &end))
        continue;

      rects = range_rects (text, start, end);
      if (rects->len > 0)
        g_ptr_array_add (result, signet_pdf_match_new (page, (SignetPdfRect *) (gpointer) rects->data,
                                                       rects->len));
    }

  return result;
}

char *
signet_pdf_page_view_get_selected_text (SignetPdfPageView *self)
{
  g_return_val_if_fail (SIGNET_IS_PDF_PAGE_VIEW (self), NULL);

  return collect_selected_text (self);
}

void
signet_pdf_page_view_copy_selection (SignetPdfPageView *self)
{
  g_return_if_fail (SIGNET_IS_PDF_PAGE_VIEW (self));

  if (signet_pdf_page_view_get_has_selection (self))
    try_copy (self);
}
