/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <gdk/gdk.h>

G_BEGIN_DECLS

/* PDFs the tests and the benchmark write for themselves: cairo makes real
 * text (with embedded fonts and ToUnicode maps, Chinese included) and qpdf
 * rotates and encrypts. */

/* Geometry of the "shapes" fixture: a portrait page with a black square in
 * its top-left corner. */
#define PDF_FIXTURE_SHAPES_WIDTH   200.0
#define PDF_FIXTURE_SHAPES_HEIGHT  300.0
#define PDF_FIXTURE_SQUARE_SIZE     50.0

/* Where the "long" fixture writes its lines: the clause line contains
 * "clause" once and the Chinese line "合同" once, on every page. */
#define PDF_FIXTURE_MARGIN          72.0
#define PDF_FIXTURE_CLAUSE_Y       110.0
#define PDF_FIXTURE_CHINESE_Y      150.0

typedef void (*PdfFixtureDrawFunc) (cairo_t  *cr,
                                    guint     page,
                                    gpointer  user_data);

void     pdf_fixture_draw_text          (cairo_t            *cr,
                                         double              x,
                                         double              y,
                                         const char         *text);
void     pdf_fixture_write              (const char         *path,
                                         guint               n_pages,
                                         double              width,
                                         double              height,
                                         const char         *title,
                                         PdfFixtureDrawFunc  draw,
                                         gpointer            user_data);
/* A4 contract-like pages, about 35 lines of English and Chinese each. */
void     pdf_fixture_write_long         (const char         *path,
                                         guint               n_pages);
/* Two "shapes" pages; page 2 also has a sentence broken across two lines:
 * "... the delivery" / "schedule ...". */
void     pdf_fixture_write_shapes       (const char         *path);

/* A two-page PDF, written by hand, whose second page is missing: poppler
 * counts it but cannot load it. The first page says "Intact first page". */
GBytes  *pdf_fixture_broken_page_bytes  (void);

/* NULL when qpdf is not installed. */
const char *pdf_fixture_find_qpdf       (void);
/* Runs qpdf with @args (NULL-terminated, without the program name). */
gboolean pdf_fixture_qpdf               (const char * const *args,
                                         GError            **error);

GBytes  *pdf_fixture_load               (const char         *path);
GBytes  *pdf_fixture_png_bytes          (void);

/* Pixel helpers over a downloaded texture. */
typedef struct
{
  int     width;
  int     height;
  guchar *pixels;  /* GDK_MEMORY_DEFAULT, stride width * 4 */
} PdfFixtureImage;

PdfFixtureImage *pdf_fixture_image_new  (GdkTexture         *texture);
void     pdf_fixture_image_free         (PdfFixtureImage    *image);
gboolean pdf_fixture_image_is_dark      (PdfFixtureImage    *image,
                                         int                 x,
                                         int                 y);
gboolean pdf_fixture_image_is_white     (PdfFixtureImage    *image,
                                         int                 x,
                                         int                 y);
/* How many pixels inside the rectangle are noticeably darker than paper. */
guint    pdf_fixture_image_count_ink   (PdfFixtureImage    *image,
                                         double              x,
                                         double              y,
                                         double              width,
                                         double              height);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PdfFixtureImage, pdf_fixture_image_free)

G_END_DECLS
