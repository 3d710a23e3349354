/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "signet-pdf-thumbnails"

#include "config.h"

#include <glib/gi18n.h>

#include "signet-pdf-texture-cache.h"
#include "signet-pdf-thumbnails.h"

/* The longer side of a thumbnail, in pixels. */
#define THUMBNAIL_SIZE 140.0
/* A thousand thumbnails of an A4 page. */
#define CACHE_BUDGET ((guint64) 64 * 1024 * 1024)
#define THUMBNAIL_KEY "signet-thumbnail"

typedef struct
{
  GtkListItem  *list_item;  /* not a reference: the item owns this */
  GtkWidget    *box;
  GtkPicture   *picture;
  GtkLabel     *label;
  GCancellable *cancellable;
  guint         page;
  double        scale;
  gboolean      rendered;
} Thumbnail;

typedef struct
{
  SignetPdfThumbnails *self;
  GtkListItem         *list_item;
  GCancellable        *cancellable;
  guint                page;
  double               scale;
  int                  rotation;
} RenderJob;

struct _SignetPdfThumbnails
{
  GtkWidget              parent_instance;

  GtkWidget             *scrolled_window;
  GtkListView           *list_view;
  GtkSingleSelection    *selection;

  SignetPdfDocument     *document;
  SignetPdfTextureCache *cache;
  int                    rotation;
  guint                  n_rendered;

  /* The list view keeps rows bound well beyond what is on screen; only
   * those in view are rendered, checked at the next frame after the
   * scroll position or size changed, when the rows have their new
   * places. */
  GHashTable            *bound;  /* Thumbnail* of every bound row */
  gboolean               update_pending;

  /* The list view can only scroll to a row it has laid out, so scrolling
   * to the current page waits for the frame after the next layout. */
  guint                  current_page;
  gboolean               scroll_pending;
  guint                  scroll_id;
};

G_DEFINE_FINAL_TYPE (SignetPdfThumbnails, signet_pdf_thumbnails, GTK_TYPE_WIDGET)

enum {
  SIGNAL_PAGE_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
thumbnail_free (Thumbnail *thumbnail)
{
  if (thumbnail->cancellable != NULL)
    {
      g_cancellable_cancel (thumbnail->cancellable);
      g_object_unref (thumbnail->cancellable);
    }
  g_free (thumbnail);
}

static void
render_job_free (RenderJob *job)
{
  g_object_unref (job->self);
  g_object_unref (job->list_item);
  g_object_unref (job->cancellable);
  g_free (job);
}

static double
thumbnail_scale (SignetPdfThumbnails *self,
                 guint                page)
{
  double width, height;

  signet_pdf_document_get_page_size (self->document, page, self->rotation, &width, &height);

  return THUMBNAIL_SIZE / MAX (width, height);
}

/* A fresh model makes the list view bind every row again, for a new
 * document. */
static void
reset_model (SignetPdfThumbnails *self)
{
  g_autoptr(GtkStringList) pages = gtk_string_list_new (NULL);
  guint n_pages = self->document != NULL ? signet_pdf_document_get_n_pages (self->document) : 0;

  for (guint i = 0; i < n_pages; i++)
    {
      char label[16];

      g_snprintf (label, sizeof label, "%u", i + 1);
      gtk_string_list_append (pages, label);
    }

  gtk_single_selection_set_model (self->selection, G_LIST_MODEL (pages));
}

static void
set_thumbnail_texture (SignetPdfThumbnails *self,
                       Thumbnail           *thumbnail,
                       GdkTexture          *texture)
{
  gtk_picture_set_paintable (thumbnail->picture, GDK_PAINTABLE (texture));
  if (!thumbnail->rendered)
    {
      thumbnail->rendered = TRUE;
      self->n_rendered++;
    }
}

static void
thumbnail_rendered_cb (GObject      *source,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  RenderJob *job = user_data;
  SignetPdfThumbnails *self = job->self;
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GError) error = NULL;
  Thumbnail *thumbnail;

  texture = signet_pdf_document_render_page_finish (SIGNET_PDF_DOCUMENT (source), result, &error);

  if (texture == NULL)
    {
      /* A damaged page keeps its empty frame; the main view says why. */
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_debug ("No thumbnail for page %u: %s", job->page + 1, error->message);
      render_job_free (job);
      return;
    }

  if (SIGNET_PDF_DOCUMENT (source) == self->document)
    signet_pdf_texture_cache_insert (self->cache, job->page, job->scale, job->rotation, texture);

  thumbnail = g_object_get_data (G_OBJECT (job->list_item), THUMBNAIL_KEY);
  if (thumbnail != NULL && thumbnail->cancellable == job->cancellable)
    {
      g_clear_object (&thumbnail->cancellable);
      set_thumbnail_texture (self, thumbnail, texture);
    }

  render_job_free (job);
}

static void
thumbnail_released_cb (GtkGestureClick *gesture,
                       int              n_press,
                       double           x,
                       double           y,
                       gpointer         user_data)
{
  Thumbnail *thumbnail = user_data;
  GtkWidget *widget = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (gesture));
  GtkWidget *self = gtk_widget_get_ancestor (widget, SIGNET_TYPE_PDF_THUMBNAILS);

  if (self != NULL)
    g_signal_emit (self, signals[SIGNAL_PAGE_ACTIVATED], 0, thumbnail->page);
}

static void
item_set_up_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *list_item,
                gpointer                  user_data)
{
  Thumbnail *thumbnail = g_new0 (Thumbnail, 1);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *frame = gtk_frame_new (NULL);
  GtkGesture *gesture = gtk_gesture_click_new ();

  thumbnail->list_item = list_item;
  thumbnail->box = box;
  thumbnail->picture = GTK_PICTURE (gtk_picture_new ());
  gtk_picture_set_can_shrink (thumbnail->picture, TRUE);
  thumbnail->label = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_add_css_class (GTK_WIDGET (thumbnail->label), "caption");
  gtk_widget_add_css_class (GTK_WIDGET (thumbnail->label), "numeric");

  gtk_widget_set_halign (frame, GTK_ALIGN_CENTER);
  gtk_frame_set_child (GTK_FRAME (frame), GTK_WIDGET (thumbnail->picture));
  gtk_box_append (GTK_BOX (box), frame);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (thumbnail->label));
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);

  g_signal_connect (gesture, "released", G_CALLBACK (thumbnail_released_cb), thumbnail);
  gtk_widget_add_controller (box, GTK_EVENT_CONTROLLER (gesture));

  g_object_set_data_full (G_OBJECT (list_item), THUMBNAIL_KEY, thumbnail,
                          (GDestroyNotify) thumbnail_free);
  gtk_list_item_set_child (list_item, box);
}

static void
request_render (SignetPdfThumbnails *self,
                Thumbnail           *thumbnail)
{
  RenderJob *job;

  thumbnail->cancellable = g_cancellable_new ();

  job = g_new0 (RenderJob, 1);
  job->self = g_object_ref (self);
  job->list_item = g_object_ref (thumbnail->list_item);
  job->cancellable = g_object_ref (thumbnail->cancellable);
  job->page = thumbnail->page;
  job->scale = thumbnail->scale;
  job->rotation = self->rotation;

  signet_pdf_document_render_page_async (self->document, thumbnail->page, thumbnail->scale,
                                         self->rotation, G_PRIORITY_LOW, thumbnail->cancellable,
                                         thumbnail_rendered_cb, job);
}

static void
cancel_render (Thumbnail *thumbnail)
{
  if (thumbnail->cancellable != NULL)
    {
      g_cancellable_cancel (thumbnail->cancellable);
      g_clear_object (&thumbnail->cancellable);
    }
}

/* Renders the rows in view and half a view beyond; cancels the renders
 * of rows that scrolled away before their turn came. */
static void
update_renders (SignetPdfThumbnails *self)
{
  double height = gtk_widget_get_height (self->scrolled_window);
  GHashTableIter iter;
  Thumbnail *thumbnail;

  if (self->document == NULL)
    return;

  g_hash_table_iter_init (&iter, self->bound);
  while (g_hash_table_iter_next (&iter, (gpointer *) &thumbnail, NULL))
    {
      graphene_rect_t bounds;
      gboolean near;

      if (thumbnail->rendered)
        continue;

      /* The list view unmaps the rows it keeps out of view, and leaves
       * them where they last were. */
      near = gtk_widget_get_mapped (thumbnail->box) &&
             gtk_widget_compute_bounds (thumbnail->box, self->scrolled_window, &bounds) &&
             bounds.origin.y + bounds.size.height >= -height / 2 &&
             bounds.origin.y <= height * 1.5;

      if (near && thumbnail->cancellable == NULL)
        request_render (self, thumbnail);
      else if (!near)
        cancel_render (thumbnail);
    }
}

static void
queue_update (SignetPdfThumbnails *self)
{
  self->update_pending = TRUE;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
view_moved_cb (SignetPdfThumbnails *self)
{
  queue_update (self);
}

static void
clear_thumbnail (SignetPdfThumbnails *self,
                 Thumbnail           *thumbnail)
{
  cancel_render (thumbnail);

  if (thumbnail->rendered)
    {
      thumbnail->rendered = FALSE;
      self->n_rendered--;
    }

  gtk_picture_set_paintable (thumbnail->picture, NULL);
}

/* Sizes the row for its page and shows the page from the cache, or
 * leaves it for update_renders() to request. */
static void
show_page (SignetPdfThumbnails *self,
           Thumbnail           *thumbnail)
{
  g_autoptr(GdkTexture) texture = NULL;
  int width, height;

  if (self->document == NULL)
    return;

  thumbnail->scale = thumbnail_scale (self, thumbnail->page);
  signet_pdf_document_get_page_pixel_size (self->document, thumbnail->page, thumbnail->scale,
                                           self->rotation, &width, &height);
  gtk_widget_set_size_request (GTK_WIDGET (thumbnail->picture), width, height);

  texture = signet_pdf_texture_cache_lookup (self->cache, thumbnail->page, thumbnail->scale,
                                             self->rotation);
  if (texture != NULL)
    set_thumbnail_texture (self, thumbnail, texture);
  else
    queue_update (self);
}

static void
item_bound_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               gpointer                  user_data)
{
  SignetPdfThumbnails *self = user_data;
  Thumbnail *thumbnail = g_object_get_data (G_OBJECT (list_item), THUMBNAIL_KEY);
  GtkStringObject *item = gtk_list_item_get_item (list_item);
  g_autofree char *accessible = NULL;

  thumbnail->page = gtk_list_item_get_position (list_item);
  gtk_label_set_text (thumbnail->label, gtk_string_object_get_string (item));
  /* Translators: the accessible name of a page thumbnail. */
  accessible = g_strdup_printf (_("Page %u"), thumbnail->page + 1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (thumbnail->box),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);

  g_hash_table_add (self->bound, thumbnail);
  show_page (self, thumbnail);
}

static void
item_unbound_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *list_item,
                 gpointer                  user_data)
{
  SignetPdfThumbnails *self = user_data;
  Thumbnail *thumbnail = g_object_get_data (G_OBJECT (list_item), THUMBNAIL_KEY);

  g_hash_table_remove (self->bound, thumbnail);
  clear_thumbnail (self, thumbnail);
}

static void
list_activated_cb (GtkListView *list_view,
                   guint        position,
                   gpointer     user_data)
{
  g_signal_emit (user_data, signals[SIGNAL_PAGE_ACTIVATED], 0, position);
}

static gboolean
scroll_to_current_cb (gpointer user_data)
{
  SignetPdfThumbnails *self = user_data;

  self->scroll_id = 0;
  gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u",
                              self->current_page);

  return G_SOURCE_REMOVE;
}

static void
signet_pdf_thumbnails_snapshot (GtkWidget   *widget,
                                GtkSnapshot *snapshot)
{
  SignetPdfThumbnails *self = SIGNET_PDF_THUMBNAILS (widget);

  if (self->scroll_pending && self->scroll_id == 0)
    {
      self->scroll_pending = FALSE;
      self->scroll_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE, scroll_to_current_cb, self, NULL);
    }

  if (self->update_pending)
    {
      self->update_pending = FALSE;
      update_renders (self);
    }

  gtk_widget_snapshot_child (widget, self->scrolled_window, snapshot);
}

static void
signet_pdf_thumbnails_dispose (GObject *object)
{
  SignetPdfThumbnails *self = (SignetPdfThumbnails *) object;

  g_clear_handle_id (&self->scroll_id, g_source_remove);
  g_clear_pointer (&self->scrolled_window, gtk_widget_unparent);
  g_clear_pointer (&self->bound, g_hash_table_unref);
  g_clear_object (&self->document);
  g_clear_object (&self->cache);

  G_OBJECT_CLASS (signet_pdf_thumbnails_parent_class)->dispose (object);
}

static void
signet_pdf_thumbnails_class_init (SignetPdfThumbnailsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = signet_pdf_thumbnails_dispose;

  widget_class->snapshot = signet_pdf_thumbnails_snapshot;

  signals[SIGNAL_PAGE_ACTIVATED] =
    g_signal_new ("page-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_UINT);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "signet-pdf-thumbnails");
}

static void
signet_pdf_thumbnails_init (SignetPdfThumbnails *self)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkAdjustment *adjustment;

  self->cache = signet_pdf_texture_cache_new (CACHE_BUDGET);
  self->bound = g_hash_table_new (NULL, NULL);

  g_signal_connect (factory, "setup", G_CALLBACK (item_set_up_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (item_bound_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (item_unbound_cb), self);

  self->selection = gtk_single_selection_new (NULL);
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);

  self->list_view = GTK_LIST_VIEW (gtk_list_view_new (GTK_SELECTION_MODEL (self->selection), factory));
  gtk_widget_add_css_class (GTK_WIDGET (self->list_view), "navigation-sidebar");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Page Thumbnails"), -1);
  g_signal_connect (self->list_view, "activate", G_CALLBACK (list_activated_cb), self);

  self->scrolled_window = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (self->scrolled_window),
                                  GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (self->scrolled_window),
                                 GTK_WIDGET (self->list_view));
  gtk_widget_set_parent (self->scrolled_window, GTK_WIDGET (self));

  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (self->scrolled_window));
  g_signal_connect_object (adjustment, "value-changed", G_CALLBACK (view_moved_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (adjustment, "changed", G_CALLBACK (view_moved_cb), self, G_CONNECT_SWAPPED);
}

GtkWidget *
signet_pdf_thumbnails_new (void)
{
  return g_object_new (SIGNET_TYPE_PDF_THUMBNAILS, NULL);
}

void
signet_pdf_thumbnails_set_document (SignetPdfThumbnails *self,
                                    SignetPdfDocument   *document)
{
  g_return_if_fail (SIGNET_IS_PDF_THUMBNAILS (self));
  g_return_if_fail (document == NULL || SIGNET_IS_PDF_DOCUMENT (document));

  if (!g_set_object (&self->document, document))
    return;

  self->rotation = 0;
  signet_pdf_texture_cache_clear (self->cache);
  reset_model (self);
}

void
signet_pdf_thumbnails_set_rotation (SignetPdfThumbnails *self,
                                    int                  rotation)
{
  GHashTableIter iter;
  Thumbnail *thumbnail;

  g_return_if_fail (SIGNET_IS_PDF_THUMBNAILS (self));

  if (self->rotation == rotation)
    return;

  self->rotation = rotation;

  /* The rows stay where they are; only their pictures change. */
  g_hash_table_iter_init (&iter, self->bound);
  while (g_hash_table_iter_next (&iter, (gpointer *) &thumbnail, NULL))
    {
      clear_thumbnail (self, thumbnail);
      show_page (self, thumbnail);
    }
}

void
signet_pdf_thumbnails_set_current_page (SignetPdfThumbnails *self,
                                        guint                page)
{
  g_return_if_fail (SIGNET_IS_PDF_THUMBNAILS (self));

  if (self->document == NULL || page >= signet_pdf_document_get_n_pages (self->document))
    return;

  gtk_single_selection_set_selected (self->selection, page);
  self->current_page = page;
  self->scroll_pending = TRUE;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

guint
signet_pdf_thumbnails_get_n_rendered (SignetPdfThumbnails *self)
{
  g_return_val_if_fail (SIGNET_IS_PDF_THUMBNAILS (self), 0);

  return self->n_rendered;
}
