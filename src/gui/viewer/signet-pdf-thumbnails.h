/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "signet-pdf-document.h"

G_BEGIN_DECLS

#define SIGNET_TYPE_PDF_THUMBNAILS (signet_pdf_thumbnails_get_type ())

G_DECLARE_FINAL_TYPE (SignetPdfThumbnails, signet_pdf_thumbnails, SIGNET, PDF_THUMBNAILS, GtkWidget)

/* A column of small page renders. Only the rows on screen are rendered,
 * behind the pages of the main view (low priority); a click emits
 * "page-activated" with the page index. */
GtkWidget *signet_pdf_thumbnails_new              (void);
void       signet_pdf_thumbnails_set_document     (SignetPdfThumbnails *self,
                                                   SignetPdfDocument   *document);
void       signet_pdf_thumbnails_set_rotation     (SignetPdfThumbnails *self,
                                                   int                  rotation);
/* Marks @page and scrolls the column to it. */
void       signet_pdf_thumbnails_set_current_page (SignetPdfThumbnails *self,
                                                   guint                page);
/* How many thumbnails are shown rendered, for tests. */
guint      signet_pdf_thumbnails_get_n_rendered   (SignetPdfThumbnails *self);

G_END_DECLS
