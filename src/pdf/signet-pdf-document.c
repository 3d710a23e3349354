/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "signet-pdf-document"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n.h>

#include "signet-pdf-document-private.h"

/* Cairo cannot make image surfaces wider or taller than this. */
#define MAX_TEXTURE_SIDE 32767
/* One texture above this is more memory than a page is worth; a viewer
 * zoomed that far in must render parts of the page instead. */
#define MAX_TEXTURE_BYTES ((gsize) 256 * 1024 * 1024)
/* A4, for pages too broken to say how large they are. */
#define FALLBACK_PAGE_WIDTH 595.0
#define FALLBACK_PAGE_HEIGHT 842.0
/* A PopplerPage keeps the text layout poppler builds for it, and building
 * that is nearly all the cost of a search: about 5 ms for a dense page,
 * against 0.1 ms to search it again. The text thread keeps the pages it
 * has searched, so that searching again as the user types is quick. A
 * dense page's layout takes about 350 kB, hence the limit; pages past it
 * are read afresh each time rather than evicting others, which would make
 * a search from first to last page miss every time. */
#define MAX_KEPT_TEXT_PAGES 128

typedef struct
{
  GBytes *data;
  char   *password;
} OpenRequest;

typedef struct
{
  guint  page;
  int    rotation;
  double page_width;   /* points, view rotation 0 */
  double page_height;
  int    width;        /* pixels, view rotation applied */
  int    height;
} RenderRequest;

G_DEFINE_FINAL_TYPE (SignetPdfDocument, signet_pdf_document, G_TYPE_OBJECT)

G_DEFINE_QUARK (signet-pdf-error-quark, signet_pdf_error)

enum {
  PROP_0,
  PROP_N_PAGES,
  PROP_TITLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
open_request_free (OpenRequest *request)
{
  g_bytes_unref (request->data);
  if (request->password != NULL)
    {
      memset (request->password, 0, strlen (request->password));
      g_free (request->password);
    }
  g_free (request);
}

/* The PDF specification lets the header start anywhere in the first
 * kilobyte, and poppler is that lenient too. */
static gboolean
has_pdf_header (GBytes *bytes)
{
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);

  size = MIN (size, 1024);
  for (gsize i = 0; i + 5 <= size; i++)
    if (memcmp (data + i, "%PDF-", 5) == 0)
      return TRUE;

  return FALSE;
}

static gboolean
size_is_sane (double width,
              double height)
{
  /* Also FALSE for NaN. */
  return width >= 1.0 && height >= 1.0;
}

static void
read_page_sizes (SignetPdfDocument *self,
                 PopplerDocument   *document)
{
  double last_width = FALLBACK_PAGE_WIDTH;
  double last_height = FALLBACK_PAGE_HEIGHT;

  self->page_sizes = g_new0 (SignetPdfPageSize, self->n_pages);

  for (guint i = 0; i < self->n_pages; i++)
    {
      PopplerPage *page = poppler_document_get_page (document, (int) i);
      double width = 0;
      double height = 0;

      if (page != NULL)
        {
          poppler_page_get_size (page, &width, &height);
          g_object_unref (page);
        }

      /* A page that cannot say how large it is gets the size of the page
       * before it, so the layout does not jump; rendering it reports it as
       * damaged. */
      if (!size_is_sane (width, height))
        {
          width = last_width;
          height = last_height;
        }

      self->page_sizes[i].width = last_width = width;
      self->page_sizes[i].height = last_height = height;
    }
}

static char *
read_title (PopplerDocument *document)
{
  g_autofree char *title = poppler_document_get_title (document);

  if (title == NULL || *g_strstrip (title) == '\0')
    return NULL;

  return g_steal_pointer (&title);
}

/* Returns FALSE when the texture would be too large to make. */
static gboolean
compute_pixel_size (SignetPdfDocument *self,
                    guint              page,
                    double             scale,
                    int                rotation,
                    int               *width,
                    int               *height)
{
  double page_width;
  double page_height;
  double w, h;

  signet_pdf_document_get_page_size (self, page, rotation, &page_width, &page_height);

  w = MAX (1.0, floor (page_width * scale + 0.5));
  h = MAX (1.0, floor (page_height * scale + 0.5));

  *width = (int) MIN (w, MAX_TEXTURE_SIDE);
  *height = (int) MIN (h, MAX_TEXTURE_SIDE);

  return w <= MAX_TEXTURE_SIDE && h <= MAX_TEXTURE_SIDE && w * h * 4 <= MAX_TEXTURE_BYTES;
}

static GdkTexture *
render_texture (PopplerPage         *page,
                const RenderRequest *request,
                SignetPdfBufferPool *pool,
                GError             **error)
{
  g_autoptr(GBytes) bytes = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;
  guchar *data;
  gsize size;
  int stride;
  gboolean sideways = request->rotation == 90 || request->rotation == 270;
  double unturned_width, unturned_height;
  double origin_x, origin_y, across_x, across_y, down_x, down_y;
  cairo_matrix_t turn;

  stride = cairo_format_stride_for_width (CAIRO_FORMAT_ARGB32, request->width);
  size = (gsize) stride * request->height;
  data = signet_pdf_buffer_pool_take (pool, size);
  if (data == NULL)
    {
      g_set_error_literal (error, SIGNET_PDF_ERROR, SIGNET_PDF_ERROR_TOO_LARGE,
                           _("There is not enough memory to show this page at this zoom level."));
      return NULL;
    }

  /* Poppler paints only what the page draws; paper is white, and opaque
   * white is all bits set in premultiplied ARGB on either byte order. */
  memset (data, 0xff, size);

  surface = cairo_image_surface_create_for_data (data, CAIRO_FORMAT_ARGB32,
                                                 request->width, request->height, stride);

  cr = cairo_create (surface);

  /* The page unturned is this many pixels; the turn is the one the view
   * and the annotations use, read off where it takes the origin and the
   * two unit steps. */
  unturned_width = sideways ? request->height : request->width;
  unturned_height = sideways ? request->width : request->height;
  signet_pdf_point_rotate (0, 0, unturned_width, unturned_height, request->rotation, &origin_x, &origin_y);
  signet_pdf_point_rotate (1, 0, unturned_width, unturned_height, request->rotation, &across_x, &across_y);
  signet_pdf_point_rotate (0, 1, unturned_width, unturned_height, request->rotation, &down_x, &down_y);
  cairo_matrix_init (&turn, across_x - origin_x, across_y - origin_y,
                     down_x - origin_x, down_y - origin_y, origin_x, origin_y);
  cairo_transform (cr, &turn);
  /* Scale to the rounded pixel size rather than by the bare factor, so the
   * page fills the texture to its last row and column. */
  cairo_scale (cr, unturned_width / request->page_width, unturned_height / request->page_height);

  poppler_page_render (page, cr);

  cairo_destroy (cr);
  cairo_surface_finish (surface);
  cairo_surface_destroy (surface);

  /* The texture takes the pixels over without a copy. */
  bytes = signet_pdf_buffer_pool_wrap (pool, data, size);

  return gdk_memory_texture_new (request->width, request->height,
                                 GDK_MEMORY_DEFAULT, bytes, (gsize) stride);
}

static gboolean
render_step (SignetPdfWorker *worker,
             GTask           *task)
{
  SignetPdfDocument *self = g_task_get_source_object (task);
  RenderRequest *request = g_task_get_task_data (task);
  PopplerPage *page;
  GdkTexture *texture;
  GError *error = NULL;

  page = signet_pdf_worker_get_page (worker, request->page, FALSE);
  if (page == NULL)
    {
      signet_pdf_set_damaged_page (&error, request->page);
      g_task_return_error (task, error);
      return TRUE;
    }

  texture = render_texture (page, request, self->buffer_pool, &error);
  g_object_unref (page);

  if (texture == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, texture, g_object_unref);

  return TRUE;
}

static void
open_in_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  OpenRequest *request = task_data;
  SignetPdfDocument *document;
  GError *error = NULL;

  document = signet_pdf_document_new_from_bytes (request->data, request->password, &error);
  if (document == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, document, g_object_unref);
}

static void
signet_pdf_document_dispose (GObject *object)
{
  SignetPdfDocument *self = (SignetPdfDocument *) object;

  g_clear_pointer (&self->render_worker, signet_pdf_worker_shutdown);
  g_clear_pointer (&self->text_worker, signet_pdf_worker_shutdown);

  G_OBJECT_CLASS (signet_pdf_document_parent_class)->dispose (object);
}

static void
signet_pdf_document_finalize (GObject *object)
{
  SignetPdfDocument *self = (SignetPdfDocument *) object;

  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->page_sizes, g_free);
  g_clear_pointer (&self->text_qualities, g_free);
  if (self->password != NULL)
    {
      memset (self->password, 0, strlen (self->password));
      g_free (self->password);
    }
  g_clear_pointer (&self->buffer_pool, signet_pdf_buffer_pool_unref);

  G_OBJECT_CLASS (signet_pdf_document_parent_class)->finalize (object);
}

static void
signet_pdf_document_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  SignetPdfDocument *self = SIGNET_PDF_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_N_PAGES:
      g_value_set_uint (value, self->n_pages);
      break;

    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
signet_pdf_document_class_init (SignetPdfDocumentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = signet_pdf_document_dispose;
  object_class->finalize = signet_pdf_document_finalize;
  object_class->get_property = signet_pdf_document_get_property;

  properties[PROP_N_PAGES] =
    g_param_spec_uint ("n-pages", NULL, NULL,
                       0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL,
                         NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
signet_pdf_document_init (SignetPdfDocument *self)
{
}

PopplerDocument *
signet_pdf_open_poppler (GBytes      *bytes,
                         const char  *password,
                         GError     **error)
{
  g_autoptr(GError) poppler_error = NULL;
  PopplerDocument *document;

  if (g_bytes_get_size (bytes) == 0)
    {
      g_set_error_literal (error, SIGNET_PDF_ERROR, SIGNET_PDF_ERROR_EMPTY,
                           _("This file is empty."));
      return NULL;
    }

  if (password != NULL && *password == '\0')
    password = NULL;

  if (password == NULL)
    {
      document = poppler_document_new_from_bytes (bytes, NULL, &poppler_error);
    }
  else
    {
      g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_bytes (bytes);

      /* Poppler 22.12 crashes in new_from_bytes and new_from_data when the
       * password is wrong, or right but not Latin-1: on failure it retries
       * with the UTF-8 password on a copy of a stream it has just freed.
       * The GInputStream path has no such retry. */
      document = poppler_document_new_from_stream (stream, (goffset) g_bytes_get_size (bytes),
                                                   password, NULL, &poppler_error);
    }

  if (document != NULL)
    return document;

  g_debug ("Poppler cannot open the document: %s", poppler_error->message);

  if (g_error_matches (poppler_error, POPPLER_ERROR, POPPLER_ERROR_ENCRYPTED))
    {
      if (password == NULL)
        g_set_error_literal (error, SIGNET_PDF_ERROR, SIGNET_PDF_ERROR_NEEDS_PASSWORD,
                             _("This document is protected by a password."));
      else
        g_set_error_literal (error, SIGNET_PDF_ERROR, SIGNET_PDF_ERROR_WRONG_PASSWORD,
                             _("The password is not correct."));
    }
  else if (!has_pdf_header (bytes))
    {
      g_set_error_literal (error, SIGNET_PDF_ERROR, SIGNET_PDF_ERROR_NOT_PDF,
                           _("This file is not a PDF document."));
    }
  else
    {
      g_set_error_literal (error, SIGNET_PDF_ERROR, SIGNET_PDF_ERROR_DAMAGED,
                           _("The document is damaged and cannot be shown."));
    }

  return NULL;
}

void
signet_pdf_set_damaged_page (GError **error,
                             guint    page)
{
  g_set_error (error, SIGNET_PDF_ERROR, SIGNET_PDF_ERROR_DAMAGED,
               _("Page %u is damaged and cannot be shown."), page + 1);
}

/* The password the document was opened with, NULL when it needed none. */
const char *
signet_pdf_document_get_password (SignetPdfDocument *self)
{
  g_return_val_if_fail (SIGNET_IS_PDF_DOCUMENT (self), NULL);

  return self->password;
}

SignetPdfDocument *
signet_pdf_document_new_from_bytes (GBytes      *data,
                                    const char  *password,
                                    GError     **error)
{
  g_autoptr(SignetPdfDocument) self = NULL;
  PopplerDocument *document;
  int n_pages;

  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  document = signet_pdf_open_poppler (data, password, error);
  if (document == NULL)
    return NULL;

  n_pages = poppler_document_get_n_pages (document);
  if (n_pages <= 0)
    {
      g_object_unref (document);
      g_set_error_literal (error, SIGNET_PDF_ERROR, SIGNET_PDF_ERROR_DAMAGED,
                           _("The document has no pages."));
      return NULL;
    }

  self = g_object_new (SIGNET_TYPE_PDF_DOCUMENT, NULL);
  self->n_pages = (guint) n_pages;
  self->title = read_title (document);
  self->password = password != NULL && *password != '\0' ? g_strdup (password) : NULL;
  read_page_sizes (self, document);

  /* From here on only the rendering thread touches @document. */
  self->render_worker = signet_pdf_worker_new ("signet-pdf-render", data, password, document, 0);
  self->text_worker = signet_pdf_worker_new ("signet-pdf-text", data, password, NULL,
                                             MAX_KEPT_TEXT_PAGES);
  self->buffer_pool = signet_pdf_buffer_pool_new (2);

  return g_steal_pointer (&self);
}

void
signet_pdf_document_new_from_bytes_async (GBytes              *data,
                                          const char          *password,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  OpenRequest *request;

  g_return_if_fail (data != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  request = g_new0 (OpenRequest, 1);
  request->data = g_bytes_ref (data);
  request->password = g_strdup (password);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, signet_pdf_document_new_from_bytes_async);
  g_task_set_task_data (task, request, (GDestroyNotify) open_request_free);
  g_task_run_in_thread (task, open_in_thread);
}

SignetPdfDocument *
signet_pdf_document_new_from_bytes_finish (GAsyncResult  *result,
                                           GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) ==
                        signet_pdf_document_new_from_bytes_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

guint
signet_pdf_document_get_n_pages (SignetPdfDocument *self)
{
  g_return_val_if_fail (SIGNET_IS_PDF_DOCUMENT (self), 0);

  return self->n_pages;
}

const char *
signet_pdf_document_get_title (SignetPdfDocument *self)
{
  g_return_val_if_fail (SIGNET_IS_PDF_DOCUMENT (self), NULL);

  return self->title;
}

void
signet_pdf_document_get_page_size (SignetPdfDocument *self,
                                   guint              page,
                                   int                rotation,
                                   double            *width,
                                   double            *height)
{
  const SignetPdfPageSize *size;
  gboolean sideways;

  g_return_if_fail (SIGNET_IS_PDF_DOCUMENT (self));
  g_return_if_fail (page < self->n_pages);
  g_return_if_fail (signet_pdf_rotation_is_valid (rotation));

  size = &self->page_sizes[page];
  sideways = rotation == 90 || rotation == 270;

  if (width != NULL)
    *width = sideways ? size->height : size->width;
  if (height != NULL)
    *height = sideways ? size->width : size->height;
}

void
signet_pdf_document_get_page_pixel_size (SignetPdfDocument *self,
                                         guint              page,
                                         double             scale,
                                         int                rotation,
                                         int               *width,
                                         int               *height)
{
  int w, h;

  g_return_if_fail (SIGNET_IS_PDF_DOCUMENT (self));
  g_return_if_fail (page < self->n_pages);
  g_return_if_fail (scale > 0);
  g_return_if_fail (signet_pdf_rotation_is_valid (rotation));

  compute_pixel_size (self, page, scale, rotation, &w, &h);

  if (width != NULL)
    *width = w;
  if (height != NULL)
    *height = h;
}

void
signet_pdf_document_render_page_async (SignetPdfDocument   *self,
                                       guint                page,
                                       double               scale,
                                       int                  rotation,
                                       int                  io_priority,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  RenderRequest *request;

  g_return_if_fail (SIGNET_IS_PDF_DOCUMENT (self));
  g_return_if_fail (page < self->n_pages);
  g_return_if_fail (scale > 0);
  g_return_if_fail (signet_pdf_rotation_is_valid (rotation));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, signet_pdf_document_render_page_async);
  g_task_set_priority (task, io_priority);

  request = g_new0 (RenderRequest, 1);
  request->page = page;
  request->rotation = rotation;
  signet_pdf_document_get_page_size (self, page, 0, &request->page_width, &request->page_height);

  if (!compute_pixel_size (self, page, scale, rotation, &request->width, &request->height))
    {
      g_free (request);
      g_task_return_new_error (task, SIGNET_PDF_ERROR, SIGNET_PDF_ERROR_TOO_LARGE,
                               "%s", _("The page is too large to show at this zoom level."));
      return;
    }

  g_task_set_task_data (task, request, g_free);
  signet_pdf_worker_push (self->render_worker, task, render_step);
}

GdkTexture *
signet_pdf_document_render_page_finish (SignetPdfDocument  *self,
                                        GAsyncResult       *result,
                                        GError            **error)
{
  g_return_val_if_fail (SIGNET_IS_PDF_DOCUMENT (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) ==
                        signet_pdf_document_render_page_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
