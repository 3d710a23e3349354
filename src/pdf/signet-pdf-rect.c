/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "signet-pdf-rect"

#include "config.h"

#include "signet-pdf-rect.h"

G_DEFINE_BOXED_TYPE (SignetPdfRect, signet_pdf_rect, signet_pdf_rect_copy, signet_pdf_rect_free)

static gboolean
rotation_is_valid (int rotation)
{
  return rotation == 0 || rotation == 90 || rotation == 180 || rotation == 270;
}

SignetPdfRect *
signet_pdf_rect_copy (const SignetPdfRect *rect)
{
  g_return_val_if_fail (rect != NULL, NULL);

  return g_memdup2 (rect, sizeof *rect);
}

void
signet_pdf_rect_free (SignetPdfRect *rect)
{
  g_free (rect);
}

/* The same mapping the renderer applies with cairo: scale, then turn the
 * page clockwise about its top-left corner and move it back into view. */
void
signet_pdf_rect_to_view (const SignetPdfRect *rect,
                         double               page_width,
                         double               page_height,
                         double               scale,
                         int                  rotation,
                         SignetPdfRect       *view_rect)
{
  double x1, y1, x2, y2;
  SignetPdfRect out;

  g_return_if_fail (rect != NULL);
  g_return_if_fail (view_rect != NULL);
  g_return_if_fail (rotation_is_valid (rotation));

  x1 = rect->x;
  y1 = rect->y;
  x2 = rect->x + rect->width;
  y2 = rect->y + rect->height;

  switch (rotation)
    {
    case 90:
      out = (SignetPdfRect) { page_height - y2, x1, y2 - y1, x2 - x1 };
      break;
    case 180:
      out = (SignetPdfRect) { page_width - x2, page_height - y2, x2 - x1, y2 - y1 };
      break;
    case 270:
      out = (SignetPdfRect) { y1, page_width - x2, y2 - y1, x2 - x1 };
      break;
    default:
      out = *rect;
      break;
    }

  view_rect->x = out.x * scale;
  view_rect->y = out.y * scale;
  view_rect->width = out.width * scale;
  view_rect->height = out.height * scale;
}

void
signet_pdf_point_from_view (double  view_x,
                            double  view_y,
                            double  page_width,
                            double  page_height,
                            double  scale,
                            int     rotation,
                            double *page_x,
                            double *page_y)
{
  double x, y;

  g_return_if_fail (scale > 0);
  g_return_if_fail (rotation_is_valid (rotation));
  g_return_if_fail (page_x != NULL && page_y != NULL);

  x = view_x / scale;
  y = view_y / scale;

  switch (rotation)
    {
    case 90:
      *page_x = y;
      *page_y = page_height - x;
      break;
    case 180:
      *page_x = page_width - x;
      *page_y = page_height - y;
      break;
    case 270:
      *page_x = page_width - y;
      *page_y = x;
      break;
    default:
      *page_x = x;
      *page_y = y;
      break;
    }
}
