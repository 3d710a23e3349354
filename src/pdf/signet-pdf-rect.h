/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* Page coordinates are points (1/72 inch) with the origin in the top-left
 * corner of the page as its author meant it to be seen: the page's own
 * /Rotate is already applied, the rotation the user chose in the viewer is
 * not. View coordinates are pixels of a page rendered at some scale and
 * view rotation (0, 90, 180 or 270 degrees clockwise). */

typedef struct
{
  double x;
  double y;
  double width;
  double height;
} SignetPdfRect;

#define SIGNET_TYPE_PDF_RECT (signet_pdf_rect_get_type ())

GType          signet_pdf_rect_get_type   (void) G_GNUC_CONST;
SignetPdfRect *signet_pdf_rect_copy       (const SignetPdfRect *rect);
void           signet_pdf_rect_free       (SignetPdfRect       *rect);

/* TRUE for 0, 90, 180 and 270: the turns a page can take. */
gboolean       signet_pdf_rotation_is_valid (int                  rotation);
/* Where the point (@x, @y) of a page @width wide and @height high, origin
 * at its top left, lies once the page is turned @rotation degrees
 * clockwise, origin again at the top left of the turned page. Every turn of
 * a page (rendering, the view, annotations of rotated pages) goes through
 * this. */
void           signet_pdf_point_rotate    (double               x,
                                           double               y,
                                           double               width,
                                           double               height,
                                           int                  rotation,
                                           double              *rotated_x,
                                           double              *rotated_y);

/* @page_width and @page_height: the page size in points at view rotation 0. */
void           signet_pdf_rect_to_view    (const SignetPdfRect *rect,
                                           double               page_width,
                                           double               page_height,
                                           double               scale,
                                           int                  rotation,
                                           SignetPdfRect       *view_rect);
void           signet_pdf_point_from_view (double               view_x,
                                           double               view_y,
                                           double               page_width,
                                           double               page_height,
                                           double               scale,
                                           int                  rotation,
                                           double              *page_x,
                                           double              *page_y);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SignetPdfRect, signet_pdf_rect_free)

G_END_DECLS
