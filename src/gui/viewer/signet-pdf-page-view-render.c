/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "signet-pdf-page-view"

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "signet-pdf-page-view-private.h"

/* Rendering and drawing the pages: which pages to hold and request from
 * the document's rendering thread, and how a page, its placeholder and
 * its find marks are drawn. */

typedef struct
{
  SignetPdfPageView *self;
  GCancellable      *cancellable;
  guint              page;
  double             scale;
  int                rotation;
} RenderJob;

/* Over the window's own background, so that the white pages stand out
 * in the light style and the dark one alike. */
static const GdkRGBA background_color = { 0.0, 0.0, 0.0, 0.08 };
static const GdkRGBA placeholder_color = { 0.95, 0.95, 0.95, 1.0 };
static const GdkRGBA placeholder_text_color = { 0.45, 0.45, 0.45, 1.0 };
static const GdkRGBA shadow_color = { 0.0, 0.0, 0.0, 0.3 };
static const GdkRGBA match_color = { 1.0, 0.85, 0.0, 0.4 };
static const GdkRGBA current_match_color = { 1.0, 0.5, 0.0, 0.55 };

void
signet_pdf_page_view_clear_slot (PageSlot *slot)
{
  if (slot->cancellable != NULL)
    {
      g_cancellable_cancel (slot->cancellable);
      g_clear_object (&slot->cancellable);
    }
  g_clear_object (&slot->texture);
}

static void
render_job_free (RenderJob *job)
{
  g_object_unref (job->self);
  g_object_unref (job->cancellable);
  g_free (job);
}

static gboolean
page_in_range (SignetPdfPageView *self,
               guint              page)
{
  return self->has_range && page >= self->range_first && page <= self->range_last;
}

static void
page_rendered_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  RenderJob *job = user_data;
  SignetPdfPageView *self = job->self;
  SignetPdfDocument *document = SIGNET_PDF_DOCUMENT (source);
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GError) error = NULL;
  PageSlot *slot;

  texture = signet_pdf_document_render_page_finish (document, result, &error);

  /* Cancelled renders belong to pages that scrolled away, a zoom level
   * left behind, or a document no longer shown. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || document != self->document)
    {
      render_job_free (job);
      return;
    }

  slot = &self->slots[job->page];
  if (slot->cancellable == job->cancellable)
    g_clear_object (&slot->cancellable);

  if (texture != NULL)
    {
      signet_pdf_texture_cache_insert (self->cache, job->page, job->scale, job->rotation, texture);

      if (job->scale == signet_pdf_page_view_render_scale (self) && job->rotation == self->rotation &&
          page_in_range (self, job->page))
        {
          g_set_object (&slot->texture, texture);
          slot->texture_scale = job->scale;
          slot->texture_rotation = job->rotation;
        }
    }
  else
    {
      g_debug ("Cannot render page %u: %s", job->page + 1, error->message);
      g_free (slot->error);
      slot->error = g_strdup (error->message);
      slot->error_scale = job->scale;
      slot->error_rotation = job->rotation;
    }

  gtk_widget_queue_draw (GTK_WIDGET (self));
  render_job_free (job);
}

static void
request_render (SignetPdfPageView *self,
                guint              page,
                double             scale,
                int                priority)
{
  PageSlot *slot = &self->slots[page];
  RenderJob *job;

  if (slot->cancellable != NULL)
    {
      if (slot->pending_scale == scale && slot->pending_rotation == self->rotation &&
          slot->pending_priority <= priority)
        return;

      g_cancellable_cancel (slot->cancellable);
      g_clear_object (&slot->cancellable);
    }

  slot->cancellable = g_cancellable_new ();
  slot->pending_scale = scale;
  slot->pending_rotation = self->rotation;
  slot->pending_priority = priority;

  job = g_new0 (RenderJob, 1);
  job->self = g_object_ref (self);
  job->cancellable = g_object_ref (slot->cancellable);
  job->page = page;
  job->scale = scale;
  job->rotation = self->rotation;

  signet_pdf_document_render_page_async (self->document, page, scale, self->rotation, priority,
                                         slot->cancellable, page_rendered_cb, job);
}

static void
ensure_page (SignetPdfPageView *self,
             guint              page,
             double             scale,
             int                priority)
{
  PageSlot *slot = &self->slots[page];

  if (slot->texture != NULL && slot->texture_scale == scale && slot->texture_rotation == self->rotation)
    return;

  g_clear_object (&slot->texture);
  slot->texture = signet_pdf_texture_cache_lookup (self->cache, page, scale, self->rotation);
  if (slot->texture != NULL)
    {
      slot->texture_scale = scale;
      slot->texture_rotation = self->rotation;
      return;
    }

  /* A page that failed stays failed at this size; asking again would
   * only fail again. */
  if (slot->error != NULL && slot->error_scale == scale && slot->error_rotation == self->rotation)
    return;

  request_render (self, page, scale, priority);
}

/* Holds and requests the pages in view, and the next page either side at a
 * lower priority so that scrolling one page on finds it ready; lets go of
 * (and cancels) every other page. */
void
signet_pdf_page_view_update_renders (SignetPdfPageView *self)
{
  guint first, last, want_first, want_last;
  double scale;

  if (!self->layout_valid)
    return;

  signet_pdf_page_view_visible_range (self, &first, &last);
  want_first = first > 0 ? first - 1 : 0;
  want_last = MIN (last + 1, self->n_pages - 1);

  if (self->has_range)
    for (guint i = self->range_first; i <= self->range_last; i++)
      if (i < want_first || i > want_last)
        signet_pdf_page_view_clear_slot (&self->slots[i]);

  self->range_first = want_first;
  self->range_last = want_last;
  self->has_range = TRUE;

  scale = signet_pdf_page_view_render_scale (self);
  for (guint i = first; i <= last; i++)
    ensure_page (self, i, scale, G_PRIORITY_HIGH);
  if (want_first < first)
    ensure_page (self, want_first, scale, G_PRIORITY_DEFAULT);
  if (want_last > last)
    ensure_page (self, want_last, scale, G_PRIORITY_DEFAULT);
}

static void
snapshot_placeholder (SignetPdfPageView     *self,
                      GtkSnapshot           *snapshot,
                      guint                  page,
                      const graphene_rect_t *bounds)
{
  PageSlot *slot = &self->slots[page];
  g_autoptr(PangoLayout) layout = NULL;
  g_autofree char *number = NULL;
  int width, height;

  gtk_snapshot_append_color (snapshot, &placeholder_color, bounds);

  if (slot->error != NULL && slot->error_scale == signet_pdf_page_view_render_scale (self) &&
      slot->error_rotation == self->rotation)
    {
      layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), slot->error);
    }
  else
    {
      g_autoptr(PangoAttrList) attributes = pango_attr_list_new ();

      number = g_strdup_printf ("%u", page + 1);
      layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), number);
      pango_attr_list_insert (attributes, pango_attr_scale_new (2.0));
      pango_layout_set_attributes (layout, attributes);
    }

  pango_layout_set_width (layout, (int) MAX (1, bounds->size.width - 32) * PANGO_SCALE);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
  pango_layout_get_pixel_size (layout, &width, &height);

  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot,
                          &GRAPHENE_POINT_INIT (bounds->origin.x + 16,
                                                floor (bounds->origin.y + (bounds->size.height - height) / 2)));
  gtk_snapshot_append_layout (snapshot, layout, &placeholder_text_color);
  gtk_snapshot_restore (snapshot);
}

static void
snapshot_matches (SignetPdfPageView            *self,
                  GtkSnapshot                  *snapshot,
                  const SignetPdfPageTransform *transform)
{
  guint page = transform->page;

  if (self->matches == NULL)
    return;

  for (guint i = self->match_starts[page]; i < self->match_starts[page + 1]; i++)
    {
      const SignetPdfMatch *match = g_ptr_array_index (self->matches, i);
      const GdkRGBA *color = (int) i == self->current_match ? &current_match_color : &match_color;

      for (guint r = 0; r < match->n_rects; r++)
        {
          SignetPdfRect view;

          signet_pdf_page_transform_rect_to_view (transform, &match->rects[r], &view);
          gtk_snapshot_append_color (snapshot, color,
                                     &GRAPHENE_RECT_INIT (view.x, view.y, view.width, view.height));
        }
    }
}

static void
snapshot_page (SignetPdfPageView *self,
               GtkSnapshot       *snapshot,
               guint              page,
               double             x,
               double             y)
{
  PageSlot *slot = &self->slots[page];
  graphene_rect_t bounds = GRAPHENE_RECT_INIT (x, y, slot->width, slot->height);
  SignetPdfPageTransform transform;
  GskRoundedRect outline;

  gsk_rounded_rect_init_from_rect (&outline, &bounds, 0);
  gtk_snapshot_append_outset_shadow (snapshot, &outline, &shadow_color, 0, 1, 0, 3);

  if (slot->texture != NULL)
    {
      gtk_snapshot_append_texture (snapshot, slot->texture, &bounds);
    }
  else
    {
      /* The page at another zoom level, scaled, is closer to the truth
       * than a placeholder while the sharp one renders. */
      g_autoptr(GdkTexture) stand_in =
        signet_pdf_texture_cache_lookup_nearest (self->cache, page, signet_pdf_page_view_render_scale (self),
                                                 self->rotation, NULL);

      if (stand_in != NULL)
        gtk_snapshot_append_texture (snapshot, stand_in, &bounds);
      else
        snapshot_placeholder (self, snapshot, page, &bounds);
    }

  signet_pdf_page_view_get_transform (self, page, &transform);

  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x, y));
  gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (0, 0, slot->width, slot->height));
  snapshot_matches (self, snapshot, &transform);
  signet_pdf_page_view_snapshot_selection (self, snapshot, &transform);
  if (self->overlay_func != NULL)
    self->overlay_func (snapshot, &transform, self->overlay_data);
  gtk_snapshot_pop (snapshot);
  gtk_snapshot_restore (snapshot);
}

void
signet_pdf_page_view_snapshot (GtkWidget   *widget,
                               GtkSnapshot *snapshot)
{
  SignetPdfPageView *self = SIGNET_PDF_PAGE_VIEW (widget);
  double left = signet_pdf_page_view_hvalue (self);
  double top = signet_pdf_page_view_vvalue (self);
  guint first, last;

  gtk_snapshot_append_color (snapshot, &background_color,
                             &GRAPHENE_RECT_INIT (0, 0, gtk_widget_get_width (widget),
                                                  gtk_widget_get_height (widget)));

  if (!self->layout_valid)
    return;

  signet_pdf_page_view_visible_range (self, &first, &last);
  for (guint i = first; i <= last; i++)
    snapshot_page (self, snapshot, i,
                   signet_pdf_page_view_page_x (self, i) - left,
                   self->slots[i].y - top);
}
