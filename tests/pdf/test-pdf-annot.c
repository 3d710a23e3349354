/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Annotations: those already inside the PDFs of the shared corpus are
 * listed with what their authors wrote; an annotated copy carries the
 * user's annotations where other viewers (here poppler's pdftoppm) draw
 * them, on rotated and cropped pages too, and never touches the original
 * or leaves a broken file behind. */

#include "config.h"

#include <errno.h>
#include <math.h>
#include <string.h>
#include <unistd.h>

#include <glib/gstdio.h>
#include <pango/pangocairo.h>

#include <poppler.h>

#include "pdf-fixtures.h"
#include "pdf-test-utils.h"
#include "signet-pdf-annot.h"
#include "signet-pdf-annotated-copy.h"

#define PASSWORD "s3cret-合同"
#define WORD_FONT "Noto Sans 24"
/* Where the "words" fixture draws its words (top left of each layout). */
#define WORDS_WIDTH  400.0
#define WORDS_HEIGHT 300.0
#define RECTANGLE_X   60.0
#define RECTANGLE_Y  170.0
#define RECTANGLE_W  120.0
#define RECTANGLE_H   60.0
#define NOTE_X       320.0
#define NOTE_Y        30.0
#define NOTE_SIZE     24.0

static struct
{
  char *dir;
  char *corpus_dir;
  char *pdftoppm;
} fixtures;

/* ---- Pixels ---------------------------------------------------------- */

typedef gboolean (*ColorTest) (guint r, guint g, guint b);

static void
rgb_at (PdfFixtureImage *image,
        int              x,
        int              y,
        guint           *r,
        guint           *g,
        guint           *b)
{
  const guchar *p;

  g_assert_cmpint (x, >=, 0);
  g_assert_cmpint (y, >=, 0);
  g_assert_cmpint (x, <, image->width);
  g_assert_cmpint (y, <, image->height);

  p = image->pixels + ((gsize) y * image->width + x) * 4;

  /* GDK_MEMORY_DEFAULT: B, G, R, A in memory on little endian, A, R, G, B
   * on big endian; the pages are opaque, so premultiplying changes nothing. */
  if (G_BYTE_ORDER == G_LITTLE_ENDIAN)
    {
      *r = p[2];
      *g = p[1];
      *b = p[0];
    }
  else
    {
      *r = p[1];
      *g = p[2];
      *b = p[3];
    }
}

static gboolean
is_yellow (guint r, guint g, guint b)
{
  return r > 200 && g > 200 && b < 120;
}

static gboolean
is_red (guint r, guint g, guint b)
{
  return r > 180 && g < 90 && b < 90;
}

/* Lines one point wide fall across two rows of pixels at one pixel per
 * point, so they are told by their hue rather than by a pure colour. */
static gboolean
is_blue (guint r, guint g, guint b)
{
  return b > r + 50 && b > g + 50;
}

static gboolean
is_green (guint r, guint g, guint b)
{
  return g > r + 50 && g > b + 50;
}

static gboolean
is_not_white (guint r, guint g, guint b)
{
  return r < 240 || g < 240 || b < 240;
}

static guint
count_pixels (PdfFixtureImage     *image,
              const SignetPdfRect *rect,
              ColorTest            test)
{
  int x0 = CLAMP ((int) rect->x, 0, image->width);
  int y0 = CLAMP ((int) rect->y, 0, image->height);
  int x1 = CLAMP ((int) (rect->x + rect->width + 0.999), 0, image->width);
  int y1 = CLAMP ((int) (rect->y + rect->height + 0.999), 0, image->height);
  guint count = 0;

  for (int y = y0; y < y1; y++)
    for (int x = x0; x < x1; x++)
      {
        guint r, g, b;

        rgb_at (image, x, y, &r, &g, &b);
        if (test (r, g, b))
          count++;
      }

  return count;
}

static double
fraction_of_pixels (PdfFixtureImage     *image,
                    const SignetPdfRect *rect,
                    ColorTest            test)
{
  double area = MAX (1.0, floor (rect->width) * floor (rect->height));

  return count_pixels (image, rect, test) / area;
}

/* ---- Fixtures -------------------------------------------------------- */

static gboolean
skip_without_pdftoppm (void)
{
  if (fixtures.pdftoppm != NULL)
    return FALSE;

  g_test_skip ("pdftoppm is not installed (Debian package poppler-utils); "
               "the annotated copy cannot be checked the way other viewers draw it");
  return TRUE;
}

static gboolean
skip_without_qpdf (void)
{
  if (pdf_fixture_find_qpdf () != NULL)
    return FALSE;

  g_test_skip ("qpdf is not installed (build-aux/install-deps.sh installs it)");
  return TRUE;
}

static char *
fixture_path (const char *name)
{
  return g_build_filename (fixtures.dir, name, NULL);
}

static void
draw_word (cairo_t    *cr,
           double      x,
           double      y,
           const char *text)
{
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string (WORD_FONT);
  g_autoptr(PangoLayout) layout = pango_cairo_create_layout (cr);

  pango_layout_set_font_description (layout, font);
  pango_layout_set_text (layout, text, -1);
  cairo_set_source_rgb (cr, 0, 0, 0);
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
}

static void
draw_words_page (cairo_t  *cr,
                 guint     page,
                 gpointer  user_data)
{
  draw_word (cr, 40, 30, "Confidential");
  draw_word (cr, 40, 90, "obsolete");
}

/* One page: "Confidential" and "obsolete" in large type, and blank paper
 * where the rectangle and the note go. */
static GBytes *
write_words_pdf (const char *name)
{
  g_autofree char *path = fixture_path (name);

  pdf_fixture_write (path, 1, WORDS_WIDTH, WORDS_HEIGHT, NULL, draw_words_page, NULL);

  return pdf_fixture_load (path);
}

static void
save_fixture (const char *name,
              GBytes     *bytes)
{
  g_autofree char *path = fixture_path (name);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, g_bytes_get_data (bytes, NULL), (gssize) g_bytes_get_size (bytes), &error);
  g_assert_no_error (error);
}

/* A page whose crop box is smaller than its media box and does not start
 * at the origin, written by hand (cairo cannot write a crop box). */
static GBytes *
cropped_pdf_bytes (void)
{
  static const char content[] = "BT /F1 24 Tf 150 200 Td (Cropped) Tj ET";
  const char *objects[5];
  g_autofree char *contents_object = NULL;
  GString *pdf = g_string_new ("%PDF-1.4\n");
  gsize offsets[G_N_ELEMENTS (objects)];
  gsize xref;

  contents_object = g_strdup_printf ("<< /Length %zu >>\nstream\n%s\nendstream",
                                     strlen (content), content);
  objects[0] = "<< /Type /Catalog /Pages 2 0 R >>";
  objects[1] = "<< /Type /Pages /Kids [3 0 R] /Count 1 >>";
  objects[2] = "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 400 400] /CropBox [60 40 360 340] "
               "/Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>";
  objects[3] = contents_object;
  objects[4] = "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>";

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

/* Runs qpdf on the fixture @input with @option and returns the result. */
static GBytes *
qpdf_fixture (const char *input,
              const char *output,
              const char *option)
{
  g_autofree char *input_path = fixture_path (input);
  g_autofree char *output_path = fixture_path (output);
  g_autoptr(GError) error = NULL;

  pdf_fixture_qpdf ((const char *[]) { input_path, option, output_path, NULL }, &error);
  g_assert_no_error (error);

  return pdf_fixture_load (output_path);
}

/* ---- Helpers --------------------------------------------------------- */

static SignetPdfDocument *
open_bytes (GBytes     *bytes,
            const char *password)
{
  g_autoptr(GError) error = NULL;
  SignetPdfDocument *document;

  document = signet_pdf_document_new_from_bytes (bytes, password, &error);
  g_assert_no_error (error);
  g_assert_nonnull (document);

  return document;
}

static GPtrArray *
list_annotations (SignetPdfDocument *document)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *annots;

  signet_pdf_document_list_annotations_async (document, NULL, pdf_test_result_cb, &result);
  pdf_test_wait (&result);
  annots = signet_pdf_document_list_annotations_finish (document, result, &error);
  g_assert_no_error (error);
  g_assert_nonnull (annots);

  return annots;
}

/* Where search finds @word on the first page, in page coordinates. */
static SignetPdfRect
find_word (SignetPdfDocument *document,
           const char        *word)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) matches = pdf_test_find_text (document, word, &error);
  SignetPdfMatch *match;

  g_assert_no_error (error);
  g_assert_cmpuint (matches->len, ==, 1);
  match = g_ptr_array_index (matches, 0);
  g_assert_cmpuint (match->page, ==, 0);
  g_assert_cmpuint (match->n_rects, ==, 1);

  return match->rects[0];
}

static gboolean
write_copy (GBytes      *original,
            const char  *password,
            GPtrArray   *annotations,
            const char  *path,
            GError     **error)
{
  g_autoptr(GFile) destination = g_file_new_for_path (path);
  g_autoptr(GAsyncResult) result = NULL;

  signet_pdf_write_annotated_copy_async (original, password, annotations, destination, NULL,
                                         pdf_test_result_cb, &result);
  pdf_test_wait (&result);

  return signet_pdf_write_annotated_copy_finish (result, error);
}

/* Renders the first page the way another viewer would: pdftoppm at one
 * pixel per point, crop box only, page rotation applied. */
static PdfFixtureImage *
render_with_pdftoppm (const char *pdf_path,
                      const char *password)
{
  g_autofree char *prefix = g_strconcat (pdf_path, "-page", NULL);
  g_autofree char *png_path = g_strconcat (prefix, ".png", NULL);
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  const char *options[] = { "-r", "72", "-png", "-cropbox", "-singlefile", "-f", "1", "-l", "1" };
  int status;

  g_ptr_array_add (argv, fixtures.pdftoppm);
  for (guint i = 0; i < G_N_ELEMENTS (options); i++)
    g_ptr_array_add (argv, (gpointer) options[i]);
  if (password != NULL)
    {
      g_ptr_array_add (argv, (gpointer) "-upw");
      g_ptr_array_add (argv, (gpointer) password);
    }
  g_ptr_array_add (argv, (gpointer) pdf_path);
  g_ptr_array_add (argv, prefix);
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL,
                NULL, &err, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, &error))
    g_error ("pdftoppm failed on %s: %s %s", pdf_path, error->message, err);

  texture = gdk_texture_new_from_filename (png_path, &error);
  g_assert_no_error (error);
  g_unlink (png_path);

  return pdf_fixture_image_new (texture);
}

/* Renders the first page the way poppler prints it: annotations without
 * the Print flag are left out. */
static PdfFixtureImage *
render_for_printing (GBytes *bytes)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GBytes) pixels = NULL;
  PopplerDocument *document;
  PopplerPage *page;
  cairo_surface_t *surface;
  cairo_t *cr;
  double width, height;

  document = poppler_document_new_from_bytes (bytes, NULL, &error);
  g_assert_no_error (error);
  page = poppler_document_get_page (document, 0);
  poppler_page_get_size (page, &width, &height);

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) ceil (width), (int) ceil (height));
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  poppler_page_render_for_printing (page, cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  /* Cairo's ARGB32 is GDK_MEMORY_DEFAULT. */
  pixels = g_bytes_new (cairo_image_surface_get_data (surface),
                        (gsize) cairo_image_surface_get_stride (surface) *
                        cairo_image_surface_get_height (surface));
  texture = gdk_memory_texture_new (cairo_image_surface_get_width (surface),
                                    cairo_image_surface_get_height (surface),
                                    GDK_MEMORY_DEFAULT, pixels,
                                    (gsize) cairo_image_surface_get_stride (surface));

  cairo_surface_destroy (surface);
  g_object_unref (page);
  g_object_unref (document);

  return pdf_fixture_image_new (texture);
}

static void
assert_rect_near (const SignetPdfRect *rect,
                  const SignetPdfRect *expected,
                  double               tolerance)
{
  g_assert_cmpfloat_with_epsilon (rect->x, expected->x, tolerance);
  g_assert_cmpfloat_with_epsilon (rect->y, expected->y, tolerance);
  g_assert_cmpfloat_with_epsilon (rect->width, expected->width, tolerance);
  g_assert_cmpfloat_with_epsilon (rect->height, expected->height, tolerance);
}

static SignetPdfRect
grow_rect (const SignetPdfRect *rect,
           double               by)
{
  return (SignetPdfRect) { rect->x - by, rect->y - by, rect->width + 2 * by, rect->height + 2 * by };
}

/* How many files a folder holds, hidden ones included. */
static guint
count_files (const char *folder)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  guint count = 0;

  g_assert_nonnull (dir);
  while (g_dir_read_name (dir) != NULL)
    count++;

  return count;
}

/* ---- Annotations inside corpus PDFs ---------------------------------- */

typedef struct
{
  const char         *name;
  guint               n_annots;
  /* Kind of every annotation, in order. */
  SignetPdfAnnotKind  kinds[6];
  /* Of the first annotation. */
  const char         *color;
  const char         *author;
  const char         *contents;
  const char         *modified;       /* ISO 8601, UTC */
  /* Its first rectangle as the file has it (/QuadPoints of a text markup,
   * /Rect otherwise): two corners, origin at the bottom left of the media
   * box, and where the crop box starts. */
  double              x1, y1, x2, y2;
  double              crop_x, crop_y;
} CorpusAnnots;

/* Poppler-glib gives the author (/T) only of the annotations it makes a
 * PopplerAnnotMarkup: stamps from 25.03 on and ink from 25.06 on, when it
 * made them markup annotations; 22.02 to 25.02 give none for either. */
#if POPPLER_CHECK_VERSION (25, 3, 0)
#define STAMP_AUTHOR "Tim van der Meij"
#else
#define STAMP_AUTHOR NULL
#endif
#if POPPLER_CHECK_VERSION (25, 6, 0)
#define INK_AUTHOR "Title"
#else
#define INK_AUTHOR NULL
#endif

/* From the files' annotation dictionaries: pdf.js's test suite made them
 * in Acrobat, Foxit, Okular and pdf.js. Pop-up windows are not listed on
 * their own, and poppler lists only the annotations a page's /Annots names
 * (annotation-underline.pdf has two more that no page refers to). */
static const CorpusAnnots corpus_annots[] = {
  { "annotation-highlight.pdf", 1, { SIGNET_PDF_ANNOT_HIGHLIGHT },
    "#ffed00", "Tim van der Meij", "Highlight content", "2015-12-30T14:22:48Z",
    70.86, 745.586, 193.88, 736.177 },
  { "annotation-highlight-without-appearance.pdf", 1, { SIGNET_PDF_ANNOT_HIGHLIGHT },
    "#ffff00", "Tim van der Meij", "Highlight content", "2019-04-07T16:58:42Z",
    56.5245036, 703.059192, 190.508256, 691.058808 },
  { "annotation-underline.pdf", 1, { SIGNET_PDF_ANNOT_UNDERLINE },
    "#339e00", "Tim van der Meij", "Underline content", "2015-12-27T23:27:36Z",
    70.86, 739.106, 193.88, 729.697 },
  { "annotation-strikeout.pdf", 1, { SIGNET_PDF_ANNOT_STRIKE_OUT },
    "#f94244", "Tim van der Meij", "StrikeOut content", "2015-12-29T14:05:16Z",
    70.86, 745.586, 193.88, 736.177 },
  { "annotation-squiggly.pdf", 1, { SIGNET_PDF_ANNOT_SQUIGGLY },
    "#4b99ff", "Tim van der Meij", "Squiggly content", "2015-12-30T14:22:05Z",
    70.86, 745.586, 193.88, 736.177 },
  { "annotation-text-without-popup.pdf", 1, { SIGNET_PDF_ANNOT_NOTE },
    "#bfff00", "Tim van der Meij", "Text content without Popup annotation", "2015-12-24T20:38:36Z",
    152.713974, 168.964539, 172.713974, 186.964539, 96.531243, 110.411805 },
  { "annotation-square-circle.pdf", 2, { SIGNET_PDF_ANNOT_SQUARE, SIGNET_PDF_ANNOT_CIRCLE },
    "#0000bf", "Tim van der Meij", "Square content", "2015-12-20T22:23:50Z",
    71.6709, 657.982, 274.738, 754.469 },
  { "annotation-freetext.pdf", 2, { SIGNET_PDF_ANNOT_FREE_TEXT, SIGNET_PDF_ANNOT_FREE_TEXT },
    NULL, "Tim van der Meij", "FreeText content", "2015-12-20T22:32:13Z",
    71.0004, 737.255, 138.977, 747.299 },
  /* Written by pdf.js, with corners in any order. */
  { "annotation-ink-without-appearance.pdf", 6,
    { SIGNET_PDF_ANNOT_INK, SIGNET_PDF_ANNOT_INK, SIGNET_PDF_ANNOT_INK,
      SIGNET_PDF_ANNOT_INK, SIGNET_PDF_ANNOT_INK, SIGNET_PDF_ANNOT_INK },
    "#000000", INK_AUTHOR, "Contents", "2021-04-26T09:14:48Z",
    129.66666666666669, 698.3333333333334, 111.66666666666667, 774.3333333333334 },
  { "annotation-line.pdf", 1, { SIGNET_PDF_ANNOT_OTHER },
    "#0000bf", "Tim van der Meij", "Line content", "2015-12-20T22:30:05Z",
    69.9721, 683.066, 250.933, 735.194 },
  { "annotation-stamp.pdf", 1, { SIGNET_PDF_ANNOT_OTHER },
    "#ff0000", STAMP_AUTHOR, "Stamp content", "2015-12-21T22:36:11Z",
    70.7933, 720.631, 169.793, 751.631 },
  /* Links, form fields and a signature field are not annotations anyone
   * wrote, so these list none. */
  { "TAMReview.pdf", 0 },
  { "160F-2019.pdf", 0 },
  { "prefilled_f1040.pdf", 0 },
  { "signed_verified.pdf", 0 },
};

static void
test_corpus_annots (gconstpointer data)
{
  const CorpusAnnots *expected = data;
  g_autofree char *path = g_build_filename (fixtures.corpus_dir, expected->name, NULL);
  g_autoptr(SignetPdfDocument) document = NULL;
  g_autoptr(GPtrArray) annots = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *modified = NULL;
  SignetPdfAnnot *first;
  SignetPdfRect rect;
  double page_height;
  char *contents = NULL;
  gsize length = 0;

  if (!g_file_get_contents (path, &contents, &length, &error))
    {
      g_autofree char *reason = g_strdup_printf ("The corpus file cannot be read: %s", error->message);

      g_test_skip (reason);
      return;
    }
  bytes = g_bytes_new_take (contents, length);

  document = open_bytes (bytes, NULL);
  annots = list_annotations (document);

  g_assert_cmpuint (annots->len, ==, expected->n_annots);
  if (expected->n_annots == 0)
    return;

  for (guint i = 0; i < annots->len; i++)
    {
      SignetPdfAnnot *annot = g_ptr_array_index (annots, i);

      g_assert_cmpuint (annot->page, ==, 0);
      g_assert_cmpint (annot->kind, ==, expected->kinds[i]);
      g_assert_cmpuint (annot->n_rects, >=, 1);
    }

  first = g_ptr_array_index (annots, 0);
  g_assert_cmpstr (first->color, ==, expected->color);
  g_assert_cmpstr (first->author, ==, expected->author);
  g_assert_cmpstr (first->contents, ==, expected->contents);
  g_assert_nonnull (first->modified);
  g_assert_nonnull (first->modified_time);
  modified = g_date_time_format (first->modified_time, "%FT%TZ");
  g_assert_cmpstr (modified, ==, expected->modified);
  signet_pdf_document_get_page_size (document, 0, 0, NULL, &page_height);
  rect.x = MIN (expected->x1, expected->x2) - expected->crop_x;
  rect.y = page_height - (MAX (expected->y1, expected->y2) - expected->crop_y);
  rect.width = fabs (expected->x2 - expected->x1);
  rect.height = fabs (expected->y2 - expected->y1);
  assert_rect_near (&first->rects[0], &rect, 1e-3);

  /* Text markups are drawn over words, and the listed rectangle says
   * where: poppler renders ink there. */
  if (expected->kinds[0] <= SIGNET_PDF_ANNOT_SQUIGGLY)
    {
      g_autoptr(GdkTexture) texture = pdf_test_render (document, 0, 1.0, 0, &error);
      g_autoptr(PdfFixtureImage) image = NULL;

      g_assert_no_error (error);
      image = pdf_fixture_image_new (texture);
      g_assert_cmpuint (pdf_fixture_image_count_ink (image, first->rects[0].x, first->rects[0].y,
                                                      first->rects[0].width, first->rects[0].height), >, 0);
    }
}

static void
test_corpus_missing (void)
{
  g_autofree char *reason = g_strdup_printf ("The PDF corpus is not at %s", fixtures.corpus_dir);

  g_test_skip (reason);
}

/* ---- Annotated copy -------------------------------------------------- */

static GPtrArray *
create_export_annots (const SignetPdfRect *confidential,
                      const SignetPdfRect *obsolete)
{
  GPtrArray *annots = g_ptr_array_new_with_free_func ((GDestroyNotify) signet_pdf_export_annot_free);
  SignetPdfRect rectangle = { RECTANGLE_X, RECTANGLE_Y, RECTANGLE_W, RECTANGLE_H };
  SignetPdfRect note = { NOTE_X, NOTE_Y, NOTE_SIZE, NOTE_SIZE };

  g_ptr_array_add (annots, signet_pdf_export_annot_new (SIGNET_PDF_EXPORT_ANNOT_HIGHLIGHT, 0,
                                                        confidential, 1, "#ffff00",
                                                        "Ada Lovelace", "Legal must read this."));
  g_ptr_array_add (annots, signet_pdf_export_annot_new (SIGNET_PDF_EXPORT_ANNOT_RECTANGLE, 0,
                                                        &rectangle, 1, "#ff0000",
                                                        "Ada Lovelace", "Signature goes here."));
  g_ptr_array_add (annots, signet_pdf_export_annot_new (SIGNET_PDF_EXPORT_ANNOT_NOTE, 0,
                                                        &note, 1, "#ffa500",
                                                        "张伟", "付款条款需要法务审核。"));
  g_ptr_array_add (annots, signet_pdf_export_annot_new (SIGNET_PDF_EXPORT_ANNOT_STRIKE_OUT, 0,
                                                        obsolete, 1, "#0000ff",
                                                        "Ada Lovelace", NULL));

  return annots;
}

static void
test_copy_drawn_by_other_viewers (void)
{
  g_autoptr(GBytes) original = NULL;
  g_autoptr(SignetPdfDocument) document = NULL;
  g_autoptr(SignetPdfDocument) copy_document = NULL;
  g_autoptr(GPtrArray) annots = NULL;
  g_autoptr(GPtrArray) listed = NULL;
  g_autoptr(GBytes) copy = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PdfFixtureImage) before = NULL;
  g_autoptr(PdfFixtureImage) after = NULL;
  g_autoptr(PdfFixtureImage) printed = NULL;
  g_autofree char *original_path = fixture_path ("words.pdf");
  g_autofree char *copy_folder = fixture_path ("copies");
  g_autofree char *copy_path = g_build_filename (copy_folder, "words-annotated.pdf", NULL);
  g_autofree char *sha_before = NULL;
  g_autofree char *sha_after = NULL;
  SignetPdfRect confidential, obsolete, border, inside, note;
  SignetPdfAnnot *annot;

  if (skip_without_pdftoppm ())
    return;

  g_assert_cmpint (g_mkdir (copy_folder, 0700), ==, 0);
  original = write_words_pdf ("words.pdf");
  sha_before = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, original);

  document = open_bytes (original, NULL);
  confidential = find_word (document, "Confidential");
  obsolete = find_word (document, "obsolete");
  annots = create_export_annots (&confidential, &obsolete);

  g_assert_true (write_copy (original, NULL, annots, copy_path, &error));
  g_assert_no_error (error);

  /* The original is exactly as it was, and the copy starts with it: an
   * incremental update leaves a signed original verifiable. */
  sha_after = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, original);
  g_assert_cmpstr (sha_after, ==, sha_before);
  copy = pdf_fixture_load (copy_path);
  g_assert_cmpuint (g_bytes_get_size (copy), >, g_bytes_get_size (original));
  g_assert_cmpmem (g_bytes_get_data (copy, NULL), g_bytes_get_size (original),
                   g_bytes_get_data (original, NULL), g_bytes_get_size (original));
  /* No temporary file is left next to the copy. */
  g_assert_cmpuint (count_files (copy_folder), ==, 1);

  before = render_with_pdftoppm (original_path, NULL);
  after = render_with_pdftoppm (copy_path, NULL);

  /* The highlight: yellow over the word, none there before. */
  g_assert_cmpfloat (fraction_of_pixels (before, &confidential, is_yellow), ==, 0);
  g_assert_cmpfloat (fraction_of_pixels (after, &confidential, is_yellow), >, 0.4);
  /* ... and only over the word: nothing yellow a line below it. */
  {
    SignetPdfRect below = confidential;

    below.y += confidential.height + 4;
    below.height = 10;
    g_assert_cmpuint (count_pixels (after, &below, is_yellow), ==, 0);
  }

  /* The rectangle: a red border, paper inside. */
  border = (SignetPdfRect) { RECTANGLE_X - 1, RECTANGLE_Y + RECTANGLE_H / 2, 3, 1 };
  g_assert_cmpuint (count_pixels (after, &border, is_red), >=, 1);
  g_assert_cmpuint (count_pixels (before, &border, is_red), ==, 0);
  border = (SignetPdfRect) { RECTANGLE_X + RECTANGLE_W / 2, RECTANGLE_Y - 1, 1, 3 };
  g_assert_cmpuint (count_pixels (after, &border, is_red), >=, 1);
  border = (SignetPdfRect) { RECTANGLE_X + RECTANGLE_W - 2, RECTANGLE_Y + RECTANGLE_H / 2, 3, 1 };
  g_assert_cmpuint (count_pixels (after, &border, is_red), >=, 1);
  inside = (SignetPdfRect) { RECTANGLE_X + 5, RECTANGLE_Y + 5, RECTANGLE_W - 10, RECTANGLE_H - 10 };
  g_assert_cmpuint (count_pixels (after, &inside, is_not_white), ==, 0);

  /* The strike-out: a blue line through the word. */
  g_assert_cmpuint (count_pixels (after, &obsolete, is_blue), >, obsolete.width / 2);
  g_assert_cmpuint (count_pixels (before, &obsolete, is_blue), ==, 0);

  /* The note's icon, on paper that was blank. */
  note = (SignetPdfRect) { NOTE_X, NOTE_Y, NOTE_SIZE, NOTE_SIZE };
  g_assert_cmpuint (count_pixels (before, &note, is_not_white), ==, 0);
  g_assert_cmpuint (count_pixels (after, &note, is_not_white), >, 20);

  /* Printed, too. */
  printed = render_for_printing (copy);
  g_assert_cmpfloat (fraction_of_pixels (printed, &confidential, is_yellow), >, 0.4);
  g_assert_cmpuint (count_pixels (printed, &obsolete, is_blue), >, obsolete.width / 2);
  border = (SignetPdfRect) { RECTANGLE_X - 1, RECTANGLE_Y + RECTANGLE_H / 2, 3, 1 };
  g_assert_cmpuint (count_pixels (printed, &border, is_red), >=, 1);
  g_assert_cmpuint (count_pixels (printed, &note, is_not_white), >, 20);

  /* Opened again, the copy lists them with their authors and comments, in
   * the same places. */
  copy_document = open_bytes (copy, NULL);
  listed = list_annotations (copy_document);
  g_assert_cmpuint (listed->len, ==, 4);

  annot = g_ptr_array_index (listed, 0);
  g_assert_cmpint (annot->kind, ==, SIGNET_PDF_ANNOT_HIGHLIGHT);
  g_assert_cmpstr (annot->color, ==, "#ffff00");
  g_assert_cmpstr (annot->author, ==, "Ada Lovelace");
  g_assert_cmpstr (annot->contents, ==, "Legal must read this.");
  g_assert_cmpuint (annot->n_rects, ==, 1);
  assert_rect_near (&annot->rects[0], &confidential, 0.01);
  /* Poppler stamps the time of the export. */
  g_assert_nonnull (annot->modified_time);

  annot = g_ptr_array_index (listed, 1);
  g_assert_cmpint (annot->kind, ==, SIGNET_PDF_ANNOT_SQUARE);
  g_assert_cmpstr (annot->color, ==, "#ff0000");
  g_assert_cmpstr (annot->author, ==, "Ada Lovelace");
  g_assert_cmpstr (annot->contents, ==, "Signature goes here.");
  assert_rect_near (&annot->area, &(SignetPdfRect) { RECTANGLE_X, RECTANGLE_Y, RECTANGLE_W, RECTANGLE_H }, 0.01);

  annot = g_ptr_array_index (listed, 2);
  g_assert_cmpint (annot->kind, ==, SIGNET_PDF_ANNOT_NOTE);
  g_assert_cmpstr (annot->color, ==, "#ffa500");
  g_assert_cmpstr (annot->author, ==, "张伟");
  g_assert_cmpstr (annot->contents, ==, "付款条款需要法务审核。");
  assert_rect_near (&annot->area, &note, 0.01);

  annot = g_ptr_array_index (listed, 3);
  g_assert_cmpint (annot->kind, ==, SIGNET_PDF_ANNOT_STRIKE_OUT);
  g_assert_cmpstr (annot->color, ==, "#0000ff");
  g_assert_cmpstr (annot->author, ==, "Ada Lovelace");
  g_assert_null (annot->contents);
  assert_rect_near (&annot->rects[0], &obsolete, 0.01);

  g_unlink (original_path);
  g_unlink (copy_path);
  g_rmdir (copy_folder);
}

/* Highlights, underlines and strikes out @word on the first page of
 * @original and puts a note in the bottom right corner; checks that
 * pdftoppm draws each where it belongs and that the copy lists them there.
 * @text_rotation: how the page turns its text, clockwise; an underline
 * goes along the foot of the letters, wherever that is seen. */
static void
assert_marks_land_on_word (GBytes     *original,
                           const char *password,
                           const char *word,
                           int         text_rotation)
{
  g_autoptr(SignetPdfDocument) document = open_bytes (original, password);
  g_autoptr(SignetPdfDocument) copy_document = NULL;
  g_autoptr(GPtrArray) annots = g_ptr_array_new_with_free_func ((GDestroyNotify) signet_pdf_export_annot_free);
  g_autoptr(GPtrArray) listed = NULL;
  g_autoptr(GBytes) copy = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PdfFixtureImage) image = NULL;
  g_autofree char *copy_path = fixture_path ("marked.pdf");
  SignetPdfRect rect = find_word (document, word);
  SignetPdfRect around = grow_rect (&rect, 12);
  SignetPdfRect middle, foot, head, note;
  gboolean upright = text_rotation == 0 || text_rotation == 180;
  double length = upright ? rect.width : rect.height;
  double page_width, page_height;
  SignetPdfAnnot *annot;
  guint all;

  signet_pdf_document_get_page_size (document, 0, 0, &page_width, &page_height);
  note = (SignetPdfRect) { page_width - 40, page_height - 40, NOTE_SIZE, NOTE_SIZE };

  g_ptr_array_add (annots, signet_pdf_export_annot_new (SIGNET_PDF_EXPORT_ANNOT_HIGHLIGHT, 0, &rect, 1,
                                                        "#ffff00", "Ada Lovelace", word));
  g_ptr_array_add (annots, signet_pdf_export_annot_new (SIGNET_PDF_EXPORT_ANNOT_UNDERLINE, 0, &rect, 1,
                                                        "#00c000", "Ada Lovelace", NULL));
  g_ptr_array_add (annots, signet_pdf_export_annot_new (SIGNET_PDF_EXPORT_ANNOT_STRIKE_OUT, 0, &rect, 1,
                                                        "#0000ff", "Ada Lovelace", NULL));
  g_ptr_array_add (annots, signet_pdf_export_annot_new (SIGNET_PDF_EXPORT_ANNOT_NOTE, 0, &note, 1,
                                                        "#ffa500", "Ada Lovelace", "Corner"));
  g_assert_true (write_copy (original, password, annots, copy_path, &error));
  g_assert_no_error (error);

  image = render_with_pdftoppm (copy_path, password);
  g_assert_cmpint (image->width, ==, (int) round (page_width));
  g_assert_cmpint (image->height, ==, (int) round (page_height));

  /* Most of the word's box is yellow, and all the yellow is around it. */
  all = count_pixels (image, &(SignetPdfRect) { 0, 0, image->width, image->height }, is_yellow);
  g_assert_cmpfloat (fraction_of_pixels (image, &rect, is_yellow), >, 0.4);
  g_assert_cmpuint (count_pixels (image, &around, is_yellow), ==, all);

  /* The strike-out runs along the word through its middle... */
  if (upright)
    middle = (SignetPdfRect) { rect.x, rect.y + rect.height / 2 - 4, rect.width, 8 };
  else
    middle = (SignetPdfRect) { rect.x + rect.width / 2 - 4, rect.y, 8, rect.height };
  g_assert_cmpuint (count_pixels (image, &middle, is_blue), >, length * 0.8);

  /* ... and the underline along the foot of the letters, not their head. */
  switch (text_rotation)
    {
    case 0:
      foot = (SignetPdfRect) { rect.x, rect.y + rect.height - 3, rect.width, 6 };
      head = (SignetPdfRect) { rect.x, rect.y - 3, rect.width, 6 };
      break;
    case 90:
      foot = (SignetPdfRect) { rect.x - 3, rect.y, 6, rect.height };
      head = (SignetPdfRect) { rect.x + rect.width - 3, rect.y, 6, rect.height };
      break;
    case 180:
      foot = (SignetPdfRect) { rect.x, rect.y - 3, rect.width, 6 };
      head = (SignetPdfRect) { rect.x, rect.y + rect.height - 3, rect.width, 6 };
      break;
    case 270:
      foot = (SignetPdfRect) { rect.x + rect.width - 3, rect.y, 6, rect.height };
      head = (SignetPdfRect) { rect.x - 3, rect.y, 6, rect.height };
      break;
    default:
      g_assert_not_reached ();
    }
  g_assert_cmpuint (count_pixels (image, &foot, is_green), >, length * 0.8);
  g_assert_cmpuint (count_pixels (image, &head, is_green), ==, 0);

  /* The note's icon is drawn in its corner. */
  g_assert_cmpuint (count_pixels (image, &note, is_not_white), >, 20);

  copy = pdf_fixture_load (copy_path);
  copy_document = open_bytes (copy, password);
  listed = list_annotations (copy_document);
  g_assert_cmpuint (listed->len, ==, 4);
  for (guint i = 0; i < 3; i++)
    {
      annot = g_ptr_array_index (listed, i);
      g_assert_cmpuint (annot->n_rects, ==, 1);
      assert_rect_near (&annot->rects[0], &rect, 0.01);
    }
  annot = g_ptr_array_index (listed, 0);
  g_assert_cmpint (annot->kind, ==, SIGNET_PDF_ANNOT_HIGHLIGHT);
  g_assert_cmpstr (annot->contents, ==, word);
  annot = g_ptr_array_index (listed, 3);
  g_assert_cmpint (annot->kind, ==, SIGNET_PDF_ANNOT_NOTE);
  assert_rect_near (&annot->area, &note, 0.01);

  g_unlink (copy_path);
}

static void
test_copy_rotated_page (void)
{
  g_autoptr(GBytes) rotated = NULL;
  g_autoptr(GBytes) upside_down = NULL;
  g_autoptr(SignetPdfDocument) document = NULL;
  double width, height;

  if (skip_without_pdftoppm () || skip_without_qpdf ())
    return;

  g_bytes_unref (write_words_pdf ("words.pdf"));
  rotated = qpdf_fixture ("words.pdf", "words-rotated.pdf", "--rotate=+90:1");

  /* The page is seen sideways. */
  document = open_bytes (rotated, NULL);
  signet_pdf_document_get_page_size (document, 0, 0, &width, &height);
  g_assert_cmpfloat (width, ==, WORDS_HEIGHT);
  g_assert_cmpfloat (height, ==, WORDS_WIDTH);

  assert_marks_land_on_word (rotated, NULL, "Confidential", 90);
  assert_marks_land_on_word (rotated, NULL, "obsolete", 90);

  upside_down = qpdf_fixture ("words.pdf", "words-upside-down.pdf", "--rotate=+180:1");
  assert_marks_land_on_word (upside_down, NULL, "Confidential", 180);
}

static void
test_copy_cropped_page (void)
{
  g_autoptr(GBytes) cropped = NULL;
  g_autoptr(GBytes) rotated = NULL;

  if (skip_without_pdftoppm ())
    return;

  cropped = cropped_pdf_bytes ();
  save_fixture ("cropped.pdf", cropped);
  assert_marks_land_on_word (cropped, NULL, "Cropped", 0);

  if (skip_without_qpdf ())
    return;

  rotated = qpdf_fixture ("cropped.pdf", "cropped-rotated.pdf", "--rotate=+270:1");
  assert_marks_land_on_word (rotated, NULL, "Cropped", 270);
}

/* Poppler writes the update encrypted as the original was: the copy asks
 * for the same password and shows the annotation once it has it. */
static void
test_copy_encrypted (void)
{
  g_autoptr(GBytes) encrypted = NULL;
  g_autoptr(GBytes) copy = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SignetPdfDocument) document = NULL;
  g_autofree char *copy_path = fixture_path ("encrypted-annotated.pdf");
  g_autoptr(GPtrArray) annots = g_ptr_array_new_with_free_func ((GDestroyNotify) signet_pdf_export_annot_free);
  SignetPdfRect rect = { 40, 40, 100, 20 };

  if (skip_without_pdftoppm () || skip_without_qpdf ())
    return;

  g_bytes_unref (write_words_pdf ("words.pdf"));
  {
    g_autofree char *input = fixture_path ("words.pdf");
    g_autofree char *output = fixture_path ("words-encrypted.pdf");

    pdf_fixture_qpdf ((const char *[]) { "--encrypt", PASSWORD, "owner-password", "256", "--",
                                         input, output, NULL }, &error);
    g_assert_no_error (error);
    encrypted = pdf_fixture_load (output);
  }

  /* Without the password nothing is written. */
  g_ptr_array_add (annots, signet_pdf_export_annot_new (SIGNET_PDF_EXPORT_ANNOT_HIGHLIGHT, 0, &rect, 1,
                                                        "#ffff00", "Ada Lovelace", "Secret"));
  g_assert_false (write_copy (encrypted, NULL, annots, copy_path, &error));
  g_assert_error (error, SIGNET_PDF_ERROR, SIGNET_PDF_ERROR_NEEDS_PASSWORD);
  g_assert_false (g_file_test (copy_path, G_FILE_TEST_EXISTS));
  g_clear_error (&error);

  assert_marks_land_on_word (encrypted, PASSWORD, "Confidential", 0);

  g_assert_true (write_copy (encrypted, PASSWORD, annots, copy_path, &error));
  g_assert_no_error (error);
  copy = pdf_fixture_load (copy_path);
  document = signet_pdf_document_new_from_bytes (copy, NULL, &error);
  g_assert_null (document);
  g_assert_error (error, SIGNET_PDF_ERROR, SIGNET_PDF_ERROR_NEEDS_PASSWORD);

  g_unlink (copy_path);
}

/* A folder the user cannot write to: a clear message naming it, and no
 * file, temporary or not. As root, permissions stop nothing, so sysfs (which
 * refuses new files to everyone) stands in. */
static void
test_copy_unwritable_folder (void)
{
  g_autoptr(GBytes) original = write_words_pdf ("words.pdf");
  g_autoptr(GPtrArray) annots = g_ptr_array_new_with_free_func ((GDestroyNotify) signet_pdf_export_annot_free);
  g_autoptr(GError) error = NULL;
  g_autofree char *folder = fixture_path ("read-only");
  g_autofree char *destination = NULL;
  g_autofree char *expected = NULL;
  SignetPdfRect rect = { 40, 40, 100, 20 };
  gboolean own_folder;

  g_ptr_array_add (annots, signet_pdf_export_annot_new (SIGNET_PDF_EXPORT_ANNOT_HIGHLIGHT, 0, &rect, 1,
                                                        "#ffff00", NULL, NULL));

  g_assert_cmpint (g_mkdir (folder, 0555), ==, 0);
  own_folder = access (folder, W_OK) != 0;
  if (!own_folder)
    {
      g_test_message ("Running as root, %s stays writable; trying /sys/kernel instead", folder);
      if (access ("/sys/kernel", F_OK) != 0)
        {
          g_rmdir (folder);
          g_test_skip ("As root, no folder here refuses new files");
          return;
        }
    }

  destination = g_build_filename (own_folder ? folder : "/sys/kernel", "annotated.pdf", NULL);
  g_assert_false (write_copy (original, NULL, annots, destination, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED);
  expected = g_strdup_printf ("The annotated copy cannot be saved in the folder “%s”: %s",
                              own_folder ? folder : "/sys/kernel", g_strerror (EACCES));
  g_assert_cmpstr (error->message, ==, expected);
  g_assert_false (g_file_test (destination, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (count_files (folder), ==, 0);

  g_rmdir (folder);
}

/* A copy that cannot be made leaves an earlier file of the same name as it
 * was; one that can replaces it. */
static void
test_copy_failure_keeps_destination (void)
{
  g_autoptr(GBytes) original = write_words_pdf ("words.pdf");
  g_autoptr(GPtrArray) annots = g_ptr_array_new_with_free_func ((GDestroyNotify) signet_pdf_export_annot_free);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = fixture_path ("earlier.pdf");
  g_autofree char *contents = NULL;
  SignetPdfRect rect = { 40, 40, 100, 20 };

  g_file_set_contents (path, "earlier export", -1, &error);
  g_assert_no_error (error);

  g_ptr_array_add (annots, signet_pdf_export_annot_new (SIGNET_PDF_EXPORT_ANNOT_NOTE, 3, &rect, 1,
                                                        "#ffff00", NULL, "On a page the file lacks"));
  g_assert_false (write_copy (original, NULL, annots, path, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  g_assert_cmpstr (error->message, ==, "An annotation is on page 4, but the document has only 1 page.");
  g_clear_error (&error);

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (contents, ==, "earlier export");
  g_clear_pointer (&contents, g_free);

  /* Cancelled: the same. */
  g_ptr_array_set_size (annots, 0);
  g_ptr_array_add (annots, signet_pdf_export_annot_new (SIGNET_PDF_EXPORT_ANNOT_NOTE, 0, &rect, 1,
                                                        "#ffff00", NULL, NULL));
  g_cancellable_cancel (cancellable);
  file = g_file_new_for_path (path);
  g_assert_false (signet_pdf_write_annotated_copy (original, NULL, annots, file, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (contents, ==, "earlier export");
  g_clear_pointer (&contents, g_free);

  g_assert_true (signet_pdf_write_annotated_copy (original, NULL, annots, file, NULL, &error));
  g_assert_no_error (error);
  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));

  g_unlink (path);
}

/* ---- Main ------------------------------------------------------------ */

static void
remove_fixtures (void)
{
  g_autoptr(GDir) dir = g_dir_open (fixtures.dir, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = fixture_path (name);

      g_unlink (path);
    }
  g_rmdir (fixtures.dir);

  g_free (fixtures.dir);
  g_free (fixtures.corpus_dir);
  g_free (fixtures.pdftoppm);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);

  fixtures.dir = g_dir_make_tmp ("signet-pdf-annot-XXXXXX", &error);
  g_assert_no_error (error);
  fixtures.pdftoppm = g_find_program_in_path ("pdftoppm");
  if (fixtures.pdftoppm == NULL)
    g_test_message ("pdftoppm is not installed; the annotated copies are not rendered");

  fixtures.corpus_dir = g_strdup (g_getenv ("SIGNET_PDF_CORPUS_DIR"));
  if (fixtures.corpus_dir == NULL)
    fixtures.corpus_dir = g_strdup (g_getenv ("SIGNET_PDF_CORPUS_DEFAULT_DIR"));
  if (fixtures.corpus_dir == NULL)
    fixtures.corpus_dir = g_strdup ("../shared/corpus/pdf");

  if (g_file_test (fixtures.corpus_dir, G_FILE_TEST_IS_DIR))
    {
      for (guint i = 0; i < G_N_ELEMENTS (corpus_annots); i++)
        {
          g_autofree char *test_path = g_strdup_printf ("/pdf/annot/corpus/%s", corpus_annots[i].name);

          g_test_add_data_func (test_path, &corpus_annots[i], test_corpus_annots);
        }
    }
  else
    {
      g_test_add_func ("/pdf/annot/corpus/missing", test_corpus_missing);
    }

  g_test_add_func ("/pdf/annotated-copy/drawn-by-other-viewers", test_copy_drawn_by_other_viewers);
  g_test_add_func ("/pdf/annotated-copy/rotated-page", test_copy_rotated_page);
  g_test_add_func ("/pdf/annotated-copy/cropped-page", test_copy_cropped_page);
  g_test_add_func ("/pdf/annotated-copy/encrypted", test_copy_encrypted);
  g_test_add_func ("/pdf/annotated-copy/unwritable-folder", test_copy_unwritable_folder);
  g_test_add_func ("/pdf/annotated-copy/failure-keeps-destination", test_copy_failure_keeps_destination);

  status = g_test_run ();

  remove_fixtures ();

  return status;
}
