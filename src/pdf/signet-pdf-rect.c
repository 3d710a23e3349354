/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "signet-pdf-rect"

#include "config.h"

#include "signet-pdf-rect.h"

G_DEFINE_BOXED_TYPE (SignetPdfRect, signet_pdf_rect, signet_pdf_rect_copy, signet_pdf_rect_free)

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

gboolean
signet_pdf_rotation_is_valid (int rotation)
{
  return rotation == 0 || rotation == 90 || rotation == 180 || rotation == 270;
}

void
signet_pdf_point_rotate (double  x,
                         double  y,
                         double  width,
                         double  height,
                         int     rotation,
                         double *rotated_x,
                         double *rotated_y)
{
  g_return_if_fail (signet_pdf_rotation_is_valid (rotation));
  g_return_if_fail (rotated_x != NULL && rotated_y != NULL);

  switch (rotation)
    {
    case 90:
      *rotated_x = height - y;
      *rotated_y = x;
      break;
    case 180:
      *rotated_x = width - x;
      *rotated_y = height - y;
      break;
    case 270:
      *rotated_x = y;
      *rotated_y = width - x;
      break;
    default:
      *rotated_x = x;
      *rotated_y = y;
      break;
    }
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
  double rx1, ry1, rx2, ry2;
  gboolean sideways;

  g_return_if_fail (rect != NULL);
  g_return_if_fail (view_rect != NULL);
  g_return_if_fail (signet_pdf_rotation_is_valid (rotation));

  x1 = rect->x;
  y1 = rect->y;
  x2 = rect->x + rect->width;
  y2 = rect->y + rect->height;
  sideways = rotation == 90 || rotation == 270;

  signet_pdf_point_rotate (x1, y1, page_width, page_height, rotation, &rx1, &ry1);
  signet_pdf_point_rotate (x2, y2, page_width, page_height, rotation, &rx2, &ry2);

  view_rect->x = MIN (rx1, rx2) * scale;
  view_rect->y = MIN (ry1, ry2) * scale;
  view_rect->width = (sideways ? y2 - y1 : x2 - x1) * scale;
  view_rect->height = (sideways ? x2 - x1 : y2 - y1) * scale;
}

/* The view is the page turned by @rotation: turning it back the rest of
 * the way round gives the page. */
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
  gboolean sideways;

  g_return_if_fail (scale > 0);
  g_return_if_fail (signet_pdf_rotation_is_valid (rotation));
  g_return_if_fail (page_x != NULL && page_y != NULL);

  sideways = rotation == 90 || rotation == 270;
  signet_pdf_point_rotate (view_x / scale, view_y / scale,
                           sideways ? page_height : page_width,
                           sideways ? page_width : page_height,
                           (360 - rotation) % 360, page_x, page_y);
}
