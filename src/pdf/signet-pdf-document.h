/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gdk/gdk.h>
#include <gio/gio.h>

#include "signet-pdf-match.h"
#include "signet-pdf-page-text.h"
#include "signet-pdf-rect.h"
#include "signet-pdf-text-recovery.h"

G_BEGIN_DECLS

#define SIGNET_PDF_ERROR (signet_pdf_error_quark ())

/* Every error message in this domain is a translated sentence meant for the
 * user, to be shown where the pages would have been. */
typedef enum
{
  SIGNET_PDF_ERROR_EMPTY,
  SIGNET_PDF_ERROR_NOT_PDF,
  SIGNET_PDF_ERROR_DAMAGED,
  SIGNET_PDF_ERROR_NEEDS_PASSWORD,
  SIGNET_PDF_ERROR_WRONG_PASSWORD,
  SIGNET_PDF_ERROR_TOO_LARGE,
} SignetPdfError;

GQuark signet_pdf_error_quark (void);

/* Called on the caller's main context while a job works through the pages. */
typedef void (*SignetPdfProgressFunc) (guint    pages_done,
                                       guint    n_pages,
                                       gpointer user_data);

#define SIGNET_TYPE_PDF_DOCUMENT (signet_pdf_document_get_type ())

G_DECLARE_FINAL_TYPE (SignetPdfDocument, signet_pdf_document, SIGNET, PDF_DOCUMENT, GObject)

/* Opening reads the page sizes once, so that a viewer can lay out every page
 * before any of them is rendered. @password may be NULL. */
SignetPdfDocument *signet_pdf_document_new_from_bytes        (GBytes              *data,
                                                              const char          *password,
                                                              GError             **error);
void               signet_pdf_document_new_from_bytes_async  (GBytes              *data,
                                                              const char          *password,
                                                              GCancellable        *cancellable,
                                                              GAsyncReadyCallback  callback,
                                                              gpointer             user_data);
SignetPdfDocument *signet_pdf_document_new_from_bytes_finish (GAsyncResult        *result,
                                                              GError             **error);

guint              signet_pdf_document_get_n_pages           (SignetPdfDocument   *self);
const char        *signet_pdf_document_get_title             (SignetPdfDocument   *self);
const char        *signet_pdf_document_get_password          (SignetPdfDocument   *self);
/* In points, with the page's own rotation and then @rotation (0, 90, 180 or
 * 270 degrees clockwise, the view rotation) applied. */
void               signet_pdf_document_get_page_size         (SignetPdfDocument   *self,
                                                              guint                page,
                                                              int                  rotation,
                                                              double              *width,
                                                              double              *height);
/* The exact size of the texture render_page produces for these arguments. */
void               signet_pdf_document_get_page_pixel_size   (SignetPdfDocument   *self,
                                                              guint                page,
                                                              double               scale,
                                                              int                  rotation,
                                                              int                 *width,
                                                              int                 *height);

/* Renders on the document's rendering thread; pages with a better (lower)
 * @io_priority go first, so pass G_PRIORITY_HIGH for visible pages and
 * something lower for pages ahead of the scroll position, and cancel the
 * requests for pages that scrolled away. The texture is opaque, @scale
 * pixels per point. */
void               signet_pdf_document_render_page_async     (SignetPdfDocument   *self,
                                                              guint                page,
                                                              double               scale,
                                                              int                  rotation,
                                                              int                  io_priority,
                                                              GCancellable        *cancellable,
                                                              GAsyncReadyCallback  callback,
                                                              gpointer             user_data);
GdkTexture        *signet_pdf_document_render_page_finish    (SignetPdfDocument   *self,
                                                              GAsyncResult        *result,
                                                              GError             **error);

/* Text jobs run on a second thread with a second poppler document, so they
 * never hold up rendering. They work page by page: a search started while
 * the text of a long document is being extracted runs in between two pages
 * if its priority is better. */

/* Returns a NULL-terminated array with the text of every page, in order. */
void               signet_pdf_document_extract_text_async    (SignetPdfDocument   *self,
                                                              int                  io_priority,
                                                              SignetPdfProgressFunc progress,
                                                              gpointer             progress_data,
                                                              GDestroyNotify       progress_data_destroy,
                                                              GCancellable        *cancellable,
                                                              GAsyncReadyCallback  callback,
                                                              gpointer             user_data);
GStrv              signet_pdf_document_extract_text_finish   (SignetPdfDocument   *self,
                                                              GAsyncResult        *result,
                                                              GError             **error);

/* Finds every occurrence of @text, ignoring case, also across line breaks.
 * Returns a GPtrArray of SignetPdfMatch in page order and reading order. */
void               signet_pdf_document_find_text_async       (SignetPdfDocument   *self,
                                                              const char          *text,
                                                              int                  io_priority,
                                                              SignetPdfProgressFunc progress,
                                                              gpointer             progress_data,
                                                              GDestroyNotify       progress_data_destroy,
                                                              GCancellable        *cancellable,
                                                              GAsyncReadyCallback  callback,
                                                              gpointer             user_data);
GPtrArray         *signet_pdf_document_find_text_finish      (SignetPdfDocument   *self,
                                                              GAsyncResult        *result,
                                                              GError             **error);

/* Whether search can trust the text of the pages: the quality of the
 * first page whose text is not SIGNET_PDF_TEXT_READABLE, reading the pages
 * up to it. Extraction, search and page text give recovered text for a
 * page that needed it; the pages still look as poppler draws them. */
void               signet_pdf_document_check_text_async      (SignetPdfDocument   *self,
                                                              int                  io_priority,
                                                              GCancellable        *cancellable,
                                                              GAsyncReadyCallback  callback,
                                                              gpointer             user_data);
SignetPdfTextQuality signet_pdf_document_check_text_finish   (SignetPdfDocument   *self,
                                                              GAsyncResult        *result,
                                                              GError             **error);

void               signet_pdf_document_get_page_text_async   (SignetPdfDocument   *self,
                                                              guint                page,
                                                              int                  io_priority,
                                                              GCancellable        *cancellable,
                                                              GAsyncReadyCallback  callback,
                                                              gpointer             user_data);
SignetPdfPageText *signet_pdf_document_get_page_text_finish  (SignetPdfDocument   *self,
                                                              GAsyncResult        *result,
                                                              GError             **error);

G_END_DECLS
