/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "signet-pdf-document.h"
#include "signet-pdf-page-view.h"

G_BEGIN_DECLS

#define SIGNET_TYPE_PDF_VIEWER (signet_pdf_viewer_get_type ())

G_DECLARE_FINAL_TYPE (SignetPdfViewer, signet_pdf_viewer, SIGNET, PDF_VIEWER, AdwBreakpointBin)

/* Draws over page @page after its text and find marks: @snapshot is
 * translated to the page's top-left corner and clipped to the page;
 * @transform turns page coordinates into pixels there. */
typedef void (*SignetPdfViewerOverlayFunc) (SignetPdfViewer              *viewer,
                                            GtkSnapshot                  *snapshot,
                                            guint                         page,
                                            const SignetPdfPageTransform *transform,
                                            gpointer                      user_data);

/* A PDF viewer: the pages of one document in a continuous vertical
 * scroll under a header bar (thumbnails, page number, find), zoom over
 * the pages, the thumbnails in a sidebar that slides over the pages where
 * the viewer is narrow, text selection and copy; rotation is in its
 * "pdf." actions. A document that needs a password asks for it where the
 * pages would be; one that cannot be opened says why there.
 *
 * In a .ui file the viewer takes children of three types: "title" (the
 * header bar's title widget), "end" (header bar buttons after find, left
 * to right) and "top" (bars under the header bar). */
GtkWidget         *signet_pdf_viewer_new                 (void);

/* Opens @bytes off the main thread; @display_name (nullable) is the file
 * name shown to the user. */
void               signet_pdf_viewer_load_bytes          (SignetPdfViewer            *self,
                                                          GBytes                     *bytes,
                                                          const char                 *display_name);
const char        *signet_pdf_viewer_get_display_name    (SignetPdfViewer            *self);
/* NULL until the document is open. */
SignetPdfDocument *signet_pdf_viewer_get_document        (SignetPdfViewer            *self);
guint              signet_pdf_viewer_get_n_pages         (SignetPdfViewer            *self);

/* Pages count from 0. */
guint              signet_pdf_viewer_get_current_page    (SignetPdfViewer            *self);
void               signet_pdf_viewer_go_to_page          (SignetPdfViewer            *self,
                                                          guint                       page);
/* 1.0 shows a point as 96/72 pixels. */
double             signet_pdf_viewer_get_zoom            (SignetPdfViewer            *self);

gboolean           signet_pdf_viewer_get_has_selection   (SignetPdfViewer            *self);
/* A GPtrArray of SignetPdfMatch: one per page with selected text, its
 * rectangles in page coordinates (points, top-left origin). */
GPtrArray         *signet_pdf_viewer_get_selection_rects (SignetPdfViewer            *self);
/* NULL while the text of a selected page is still being read. */
char              *signet_pdf_viewer_get_selected_text   (SignetPdfViewer            *self);

/* The page under @x, @y (coordinates of @self) and the point on it in
 * page coordinates; FALSE off the pages. */
gboolean           signet_pdf_viewer_get_page_at         (SignetPdfViewer            *self,
                                                          double                      x,
                                                          double                      y,
                                                          guint                      *page,
                                                          double                     *page_x,
                                                          double                     *page_y);

/* The other way: where the point @page_x, @page_y of @page is shown, in
 * coordinates of @self (it may be scrolled out of view). FALSE before
 * the document is laid out. */
gboolean           signet_pdf_viewer_page_to_viewer      (SignetPdfViewer            *self,
                                                          guint                       page,
                                                          double                      page_x,
                                                          double                      page_y,
                                                          double                     *x,
                                                          double                     *y);

void               signet_pdf_viewer_set_overlay_func    (SignetPdfViewer            *self,
                                                          SignetPdfViewerOverlayFunc  func,
                                                          gpointer                    user_data,
                                                          GDestroyNotify              destroy);
/* Draws the overlays again, after what they show has changed. */
void               signet_pdf_viewer_queue_overlay_redraw (SignetPdfViewer           *self);

G_END_DECLS
