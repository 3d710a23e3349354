/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "signet-pdf-document.h"

G_BEGIN_DECLS

/* Where a page lies in the view: what an overlay needs to turn page
 * coordinates (points, top-left origin, see signet-pdf-rect.h) into view
 * pixels relative to the page's top-left corner on screen. */
typedef struct
{
  guint  page;
  double page_width;   /* points, view rotation 0 */
  double page_height;
  double scale;        /* view pixels per point */
  int    rotation;     /* view rotation, degrees clockwise */
} SignetPdfPageTransform;

void signet_pdf_page_transform_rect_to_view    (const SignetPdfPageTransform *transform,
                                                const SignetPdfRect          *rect,
                                                SignetPdfRect                *view_rect);
void signet_pdf_page_transform_point_from_view (const SignetPdfPageTransform *transform,
                                                double                        view_x,
                                                double                        view_y,
                                                double                       *page_x,
                                                double                       *page_y);

/* Draws over one page: @snapshot is translated to the page's top-left
 * corner and clipped to the page. */
typedef void (*SignetPdfOverlayFunc) (GtkSnapshot                  *snapshot,
                                      const SignetPdfPageTransform *transform,
                                      gpointer                      user_data);

typedef enum
{
  SIGNET_PDF_ZOOM_FIT_WIDTH,
  SIGNET_PDF_ZOOM_FIT_PAGE,
  SIGNET_PDF_ZOOM_FREE,
} SignetPdfZoomMode;

#define SIGNET_PDF_MIN_ZOOM 0.1
#define SIGNET_PDF_MAX_ZOOM 4.0

#define SIGNET_TYPE_PDF_PAGE_VIEW (signet_pdf_page_view_get_type ())

G_DECLARE_FINAL_TYPE (SignetPdfPageView, signet_pdf_page_view, SIGNET, PDF_PAGE_VIEW, GtkWidget)

/* Every page of a document in one vertical column, drawn by one widget
 * that goes inside a GtkScrolledWindow (it is GtkScrollable). Only the
 * pages in view and one on either side are rendered, on the document's
 * rendering thread; until a page arrives its place shows a grey
 * placeholder, or the page at another zoom level, scaled. Zoom 1.0 shows a
 * point as 96/72 pixels. */
GtkWidget         *signet_pdf_page_view_new                 (void);

SignetPdfDocument *signet_pdf_page_view_get_document        (SignetPdfPageView    *self);
void               signet_pdf_page_view_set_document        (SignetPdfPageView    *self,
                                                             SignetPdfDocument    *document);

double             signet_pdf_page_view_get_zoom            (SignetPdfPageView    *self);
SignetPdfZoomMode  signet_pdf_page_view_get_zoom_mode       (SignetPdfPageView    *self);
void               signet_pdf_page_view_set_zoom_mode       (SignetPdfPageView    *self,
                                                             SignetPdfZoomMode     mode);
/* Keeps the document point at @anchor_x, @anchor_y (widget coordinates)
 * where it is; a negative anchor means the centre of the view. */
void               signet_pdf_page_view_set_zoom_at         (SignetPdfPageView    *self,
                                                             double                zoom,
                                                             double                anchor_x,
                                                             double                anchor_y);
void               signet_pdf_page_view_zoom_in             (SignetPdfPageView    *self);
void               signet_pdf_page_view_zoom_out            (SignetPdfPageView    *self);

int                signet_pdf_page_view_get_rotation        (SignetPdfPageView    *self);
void               signet_pdf_page_view_set_rotation        (SignetPdfPageView    *self,
                                                             int                   rotation);

guint              signet_pdf_page_view_get_current_page    (SignetPdfPageView    *self);
void               signet_pdf_page_view_go_to_page          (SignetPdfPageView    *self,
                                                             guint                 page);
/* TRUE when @page is shown from a texture rendered at the current zoom. */
gboolean           signet_pdf_page_view_page_is_rendered    (SignetPdfPageView    *self,
                                                             guint                 page);
/* The page under @x, @y (widget coordinates) and the point on it. */
gboolean           signet_pdf_page_view_get_page_at         (SignetPdfPageView    *self,
                                                             double                x,
                                                             double                y,
                                                             guint                *page,
                                                             double               *page_x,
                                                             double               *page_y);

/* The point @page_x, @page_y of @page in widget coordinates. */
gboolean           signet_pdf_page_view_page_to_widget      (SignetPdfPageView    *self,
                                                             guint                 page,
                                                             double                page_x,
                                                             double                page_y,
                                                             double               *x,
                                                             double               *y);

/* @matches: SignetPdfMatch in page order, or NULL. @current is the index
 * of the match to stand out, or -1. */
void               signet_pdf_page_view_set_matches         (SignetPdfPageView    *self,
                                                             GPtrArray            *matches,
                                                             int                   current);
/* Scrolls the least needed to show the current match whole. */
void               signet_pdf_page_view_scroll_to_current_match (SignetPdfPageView *self);

gboolean           signet_pdf_page_view_get_has_selection   (SignetPdfPageView    *self);
void               signet_pdf_page_view_clear_selection     (SignetPdfPageView    *self);
/* A GPtrArray of SignetPdfMatch, one per page with selected text, in page
 * coordinates; empty while the text of the selected pages is still being
 * read. */
GPtrArray         *signet_pdf_page_view_get_selection_rects (SignetPdfPageView    *self);
char              *signet_pdf_page_view_get_selected_text   (SignetPdfPageView    *self);
/* Puts the selected text on the clipboard, once the text of every
 * selected page has been read. */
void               signet_pdf_page_view_copy_selection      (SignetPdfPageView    *self);

void               signet_pdf_page_view_set_overlay_func    (SignetPdfPageView    *self,
                                                             SignetPdfOverlayFunc  func,
                                                             gpointer              user_data,
                                                             GDestroyNotify        destroy);

G_END_DECLS
