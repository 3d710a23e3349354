/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>

#include <cairo-pdf.h>
#include <pango/pangocairo.h>

#include "pdf-fixtures.h"

#define FIXTURE_FONT "Noto Sans CJK SC 11"

void
pdf_fixture_draw_text (cairo_t    *cr,
                       double      x,
                       double      y,
                       const char *text)
{
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string (FIXTURE_FONT);
  g_autoptr(PangoLayout) layout = pango_cairo_create_layout (cr);

  pango_layout_set_font_description (layout, font);
  pango_layout_set_text (layout, text, -1);
  cairo_set_source_rgb (cr, 0, 0, 0);
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
}

void
pdf_fixture_write (const char         *path,
                   guint               n_pages,
                   double              width,
                   double              height,
                   const char         *title,
                   PdfFixtureDrawFunc  draw,
                   gpointer            user_data)
{
  cairo_surface_t *surface;
  cairo_t *cr;

  surface = cairo_pdf_surface_create (path, width, height);
  if (title != NULL)
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
  cr = cairo_create (surface);

  for (guint i = 0; i < n_pages; i++)
    {
      cairo_save (cr);
      draw (cr, i, user_data);
      cairo_restore (cr);
      cairo_show_page (cr);
    }

  cairo_destroy (cr);
  cairo_surface_finish (surface);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
}

static void
draw_long_page (cairo_t  *cr,
                guint     page,
                gpointer  user_data)
{
  guint n_pages = GPOINTER_TO_UINT (user_data);
  g_autofree char *heading = g_strdup_printf ("Page %u of %u", page + 1, n_pages);
  g_autofree char *clause = g_strdup_printf ("Signet contract clause %u: payment terms apply.", page + 1);
  g_autofree char *chinese = g_strdup_printf ("合同编号 HT-%04u 付款条款", page + 1);
  double y = 190;

  pdf_fixture_draw_text (cr, PDF_FIXTURE_MARGIN, PDF_FIXTURE_MARGIN, heading);
  pdf_fixture_draw_text (cr, PDF_FIXTURE_MARGIN, PDF_FIXTURE_CLAUSE_Y, clause);
  pdf_fixture_draw_text (cr, PDF_FIXTURE_MARGIN, PDF_FIXTURE_CHINESE_Y, chinese);

  for (guint line = 1; y < 842 - PDF_FIXTURE_MARGIN; line++, y += 17)
    {
      g_autofree char *text = NULL;

      if (line % 2 == 1)
        text = g_strdup_printf ("Term %u.%u: the supplier delivers the goods within thirty days of the order.",
                                page + 1, line);
      else
        text = g_strdup_printf ("第%u.%u条 供方应在订单之日起三十日内交货，需方按期验收。", page + 1, line);

      pdf_fixture_draw_text (cr, PDF_FIXTURE_MARGIN, y, text);
    }
}

void
pdf_fixture_write_long (const char *path,
                        guint       n_pages)
{
  pdf_fixture_write (path, n_pages, 595, 842, "Long contract",
                     draw_long_page, GUINT_TO_POINTER (n_pages));
}

static void
draw_shapes_page (cairo_t  *cr,
                  guint     page,
                  gpointer  user_data)
{
  cairo_set_source_rgb (cr, 0, 0, 0);
  cairo_rectangle (cr, 0, 0, PDF_FIXTURE_SQUARE_SIZE, PDF_FIXTURE_SQUARE_SIZE);
  cairo_fill (cr);

  pdf_fixture_draw_text (cr, 20, 100, "Corner marker");

  if (page == 1)
    {
      pdf_fixture_draw_text (cr, 20, 150, "We agree on the delivery");
      pdf_fixture_draw_text (cr, 20, 170, "schedule of the goods.");
    }
}

void
pdf_fixture_write_shapes (const char *path)
{
  pdf_fixture_write (path, 2, PDF_FIXTURE_SHAPES_WIDTH, PDF_FIXTURE_SHAPES_HEIGHT, NULL,
                     draw_shapes_page, NULL);
}

GBytes *
pdf_fixture_broken_page_bytes (void)
{
  static const char content[] = "BT /F1 12 Tf 20 250 Td (Intact first page) Tj ET";
  const char *objects[5];
  g_autofree char *contents_object = NULL;
  GString *pdf = g_string_new ("%PDF-1.4\n");
  gsize offsets[G_N_ELEMENTS (objects)];
  gsize xref;

  contents_object = g_strdup_printf ("<< /Length %zu >>\nstream\n%s\nendstream",
                                     strlen (content), content);
  objects[0] = "<< /Type /Catalog /Pages 2 0 R >>";
  /* The second kid names an object the file does not have. */
  objects[1] = "<< /Type /Pages /Kids [3 0 R 9 0 R] /Count 2 >>";
  objects[2] = "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 300] /Contents 4 0 R "
               "/Resources << /Font << /F1 5 0 R >> >> >>";
  objects[3] = contents_object;
  objects[4] = "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>";

  for (guint i = 0; i < G_N_ELEMENTS (objects); i++)
    {
      offsets[i] = pdf->len;
      g_string_append_printf (pdf, "%u 0 obj\n%s\nendobj\n", i + 1, objects[i]);
    }

  xref = pdf->len;
  g_string_append_printf (pdf, "xref\n0 %u\n0000000000 65535 f \n", (guint) G_N_ELEMENTS (objects) + 1);
  for (guint i = 0; i < G_N_ELEMENTS (objects); i++)
    g_string_append_printf (pdf, "%010zu 00000 n \n", offsets[i]);
  g_string_append_printf (pdf, "trailer\n<< /Size %u /Root 1 0 R >>\nstartxref\n%zu\n%%%%EOF\n",
                          (guint) G_N_ELEMENTS (objects) + 1, xref);

  return g_string_free_to_bytes (pdf);
}

const char *
pdf_fixture_find_qpdf (void)
{
  static char *qpdf;

  if (qpdf == NULL)
    {
      const char *configured = g_getenv ("SIGNET_QPDF");

      qpdf = configured != NULL ? g_strdup (configured) : g_find_program_in_path ("qpdf");
    }

  return qpdf;
}

gboolean
pdf_fixture_qpdf (const char * const  *args,
                  GError             **error)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autofree char *err = NULL;
  int status;

  g_assert_nonnull (pdf_fixture_find_qpdf ());

  g_ptr_array_add (argv, (gpointer) pdf_fixture_find_qpdf ());
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);

  if (!g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_STDOUT_TO_DEV_NULL,
                     NULL, NULL, NULL, &err, &status, error))
    return FALSE;

  if (!g_spawn_check_wait_status (status, error))
    {
      g_prefix_error (error, "qpdf: %s: ", err);
      return FALSE;
    }

  return TRUE;
}

GBytes *
pdf_fixture_load (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length = 0;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);

  return g_bytes_new_take (contents, length);
}

static cairo_status_t
append_png_data (void                *closure,
                 const unsigned char *data,
                 unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

GBytes *
pdf_fixture_png_bytes (void)
{
  GByteArray *png = g_byte_array_new ();
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 32, 32);
  cairo_t *cr = cairo_create (surface);

  cairo_set_source_rgb (cr, 0.2, 0.4, 0.8);
  cairo_paint (cr);
  cairo_destroy (cr);
  g_assert_cmpint (cairo_surface_write_to_png_stream (surface, append_png_data, png), ==,
                   CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);

  return g_byte_array_free_to_bytes (png);
}

PdfFixtureImage *
pdf_fixture_image_new (GdkTexture *texture)
{
  PdfFixtureImage *image = g_new0 (PdfFixtureImage, 1);

  image->width = gdk_texture_get_width (texture);
  image->height = gdk_texture_get_height (texture);
  image->pixels = g_malloc ((gsize) image->width * image->height * 4);
  gdk_texture_download (texture, image->pixels, (gsize) image->width * 4);

  return image;
}

void
pdf_fixture_image_free (PdfFixtureImage *image)
{
  g_free (image->pixels);
  g_free (image);
}

static const guchar *
pixel_at (PdfFixtureImage *image,
          int              x,
          int              y)
{
  g_assert_cmpint (x, >=, 0);
  g_assert_cmpint (y, >=, 0);
  g_assert_cmpint (x, <, image->width);
  g_assert_cmpint (y, <, image->height);

  return image->pixels + ((gsize) y * image->width + x) * 4;
}

/* Bytes are B, G, R, A on little endian and A, R, G, B on big endian; the
 * pages are opaque grey or black on white, so the three colour channels
 * agree and any one besides alpha will do. */
static guchar
grey_at (PdfFixtureImage *image,
         int              x,
         int              y)
{
  const guchar *p = pixel_at (image, x, y);

  return G_BYTE_ORDER == G_LITTLE_ENDIAN ? p[1] : p[2];
}

gboolean
pdf_fixture_image_is_dark (PdfFixtureImage *image,
                           int              x,
                           int              y)
{
  return grey_at (image, x, y) < 64;
}

gboolean
pdf_fixture_image_is_white (PdfFixtureImage *image,
                            int              x,
                            int              y)
{
  return grey_at (image, x, y) > 250;
}

guint
pdf_fixture_image_count_ink (PdfFixtureImage *image,
                              double           x,
                              double           y,
                              double           width,
                              double           height)
{
  int x0 = CLAMP ((int) x, 0, image->width);
  int y0 = CLAMP ((int) y, 0, image->height);
  int x1 = CLAMP ((int) (x + width + 0.999), 0, image->width);
  int y1 = CLAMP ((int) (y + height + 0.999), 0, image->height);
  guint count = 0;

  /* Anti-aliased text at small sizes has few fully black pixels. */
  for (int j = y0; j < y1; j++)
    for (int i = x0; i < x1; i++)
      if (grey_at (image, i, j) < 160)
        count++;

  return count;
}
