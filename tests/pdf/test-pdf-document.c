/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gstdio.h>

#include "pdf-fixtures.h"
#include "pdf-test-utils.h"
#include "signet-pdf-document.h"

#define LONG_PAGES 100
#define PASSWORD "s3cret-合同"

static struct
{
  char *dir;
  char *long_path;       /* LONG_PAGES pages of text */
  char *shapes_path;     /* two "shapes" pages */
  char *rotated_path;    /* the shapes with /Rotate 90 on both pages, by qpdf */
  char *encrypted_path;  /* three long pages, user password PASSWORD, by qpdf */
} fixtures;

static gboolean
skip_without_qpdf (void)
{
  if (fixtures.rotated_path != NULL)
    return FALSE;

  g_test_skip ("qpdf is not installed (build-aux/install-deps.sh installs it)");
  return TRUE;
}

static void
assert_open_fails (GBytes         *bytes,
                   const char     *password,
                   SignetPdfError  code,
                   const char     *message)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SignetPdfDocument) document = NULL;

  document = signet_pdf_document_new_from_bytes (bytes, password, &error);
  g_assert_null (document);
  g_assert_error (error, SIGNET_PDF_ERROR, (int) code);
  g_assert_cmpstr (error->message, ==, message);
}

static SignetPdfDocument *
open_path (const char *path,
           const char *password)
{
  g_autoptr(GBytes) bytes = pdf_fixture_load (path);
  g_autoptr(GError) error = NULL;
  SignetPdfDocument *document;

  document = signet_pdf_document_new_from_bytes (bytes, password, &error);
  g_assert_no_error (error);
  g_assert_nonnull (document);

  return document;
}

static void
test_bad_input_empty (void)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static ("", 0);

  assert_open_fails (bytes, NULL, SIGNET_PDF_ERROR_EMPTY, "This file is empty.");
}

static void
test_bad_input_png (void)
{
  g_autoptr(GBytes) bytes = pdf_fixture_png_bytes ();

  assert_open_fails (bytes, NULL, SIGNET_PDF_ERROR_NOT_PDF, "This file is not a PDF document.");
}

static void
test_bad_input_text (void)
{
  static const char text[] = "Minutes of the meeting.\nNo PDF here.\n";
  g_autoptr(GBytes) bytes = g_bytes_new_static (text, sizeof text - 1);

  assert_open_fails (bytes, NULL, SIGNET_PDF_ERROR_NOT_PDF, "This file is not a PDF document.");
}

static void
test_bad_input_truncated (void)
{
  g_autoptr(GBytes) whole = pdf_fixture_load (fixtures.long_path);
  g_autoptr(GBytes) half = g_bytes_new_from_bytes (whole, 0, g_bytes_get_size (whole) / 2);

  assert_open_fails (half, NULL, SIGNET_PDF_ERROR_DAMAGED,
                     "The document is damaged and cannot be shown.");
}

static void
test_bad_input_header_only (void)
{
  static const char text[] = "%PDF-1.7\n%%EOF\n";
  g_autoptr(GBytes) bytes = g_bytes_new_static (text, sizeof text - 1);

  assert_open_fails (bytes, NULL, SIGNET_PDF_ERROR_DAMAGED,
                     "The document is damaged and cannot be shown.");
}

/* A document with one good page and one that cannot be loaded: the good
 * page shows, the other says why it does not, and the text of the good
 * page is still found. */
static void
test_damaged_page (void)
{
  g_autoptr(GBytes) bytes = pdf_fixture_broken_page_bytes ();
  g_autoptr(SignetPdfDocument) document = NULL;
  g_autoptr(GdkTexture) good = NULL;
  g_autoptr(GdkTexture) bad = NULL;
  g_autoptr(SignetPdfPageText) page_text = NULL;
  g_autoptr(GPtrArray) matches = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) texts = NULL;
  double width, height;

  document = signet_pdf_document_new_from_bytes (bytes, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (signet_pdf_document_get_n_pages (document), ==, 2);

  /* The missing page takes the size of the one before it for the layout. */
  signet_pdf_document_get_page_size (document, 1, 0, &width, &height);
  g_assert_cmpfloat_with_epsilon (width, 200, 0.01);
  g_assert_cmpfloat_with_epsilon (height, 300, 0.01);

  good = pdf_test_render (document, 0, 1.0, 0, &error);
  g_assert_no_error (error);
  g_assert_nonnull (good);

  bad = pdf_test_render (document, 1, 1.0, 0, &error);
  g_assert_null (bad);
  g_assert_error (error, SIGNET_PDF_ERROR, SIGNET_PDF_ERROR_DAMAGED);
  g_assert_cmpstr (error->message, ==, "Page 2 is damaged and cannot be shown.");
  g_clear_error (&error);

  page_text = pdf_test_get_page_text (document, 1, &error);
  g_assert_null (page_text);
  g_assert_error (error, SIGNET_PDF_ERROR, SIGNET_PDF_ERROR_DAMAGED);
  g_clear_error (&error);

  texts = pdf_test_extract_text (document, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (texts), ==, 2);
  g_assert_nonnull (strstr (texts[0], "Intact first page"));
  g_assert_cmpstr (texts[1], ==, "");

  matches = pdf_test_find_text (document, "first page", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (matches->len, ==, 1);
}

static void
test_password (void)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(SignetPdfDocument) document = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) texts = NULL;

  if (skip_without_qpdf ())
    return;

  bytes = pdf_fixture_load (fixtures.encrypted_path);

  assert_open_fails (bytes, NULL, SIGNET_PDF_ERROR_NEEDS_PASSWORD,
                     "This document is protected by a password.");
  assert_open_fails (bytes, "", SIGNET_PDF_ERROR_NEEDS_PASSWORD,
                     "This document is protected by a password.");
  assert_open_fails (bytes, "secret", SIGNET_PDF_ERROR_WRONG_PASSWORD,
                     "The password is not correct.");

  signet_pdf_document_new_from_bytes_async (bytes, "wrong", NULL, pdf_test_result_cb, &result);
  pdf_test_wait (&result);
  document = signet_pdf_document_new_from_bytes_finish (result, &error);
  g_assert_null (document);
  g_assert_error (error, SIGNET_PDF_ERROR, SIGNET_PDF_ERROR_WRONG_PASSWORD);
  g_clear_error (&error);

  /* The text thread opens its own copy and needs the password too. */
  document = open_path (fixtures.encrypted_path, PASSWORD);
  g_assert_cmpuint (signet_pdf_document_get_n_pages (document), ==, 3);
  texts = pdf_test_extract_text (document, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (texts[2], "Signet contract clause 3"));
}

static void
test_async_open (void)
{
  g_autoptr(GBytes) bytes = pdf_fixture_load (fixtures.shapes_path);
  g_autoptr(GBytes) png = pdf_fixture_png_bytes ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GAsyncResult) failed = NULL;
  g_autoptr(SignetPdfDocument) document = NULL;
  g_autoptr(GError) error = NULL;

  signet_pdf_document_new_from_bytes_async (bytes, NULL, NULL, pdf_test_result_cb, &result);
  signet_pdf_document_new_from_bytes_async (png, NULL, NULL, pdf_test_result_cb, &failed);
  pdf_test_wait (&result);
  pdf_test_wait (&failed);

  document = signet_pdf_document_new_from_bytes_finish (result, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (signet_pdf_document_get_n_pages (document), ==, 2);

  g_assert_null (signet_pdf_document_new_from_bytes_finish (failed, &error));
  g_assert_error (error, SIGNET_PDF_ERROR, SIGNET_PDF_ERROR_NOT_PDF);
}

static void
test_metadata (void)
{
  g_autoptr(SignetPdfDocument) document = open_path (fixtures.long_path, NULL);
  g_autoptr(SignetPdfDocument) shapes = open_path (fixtures.shapes_path, NULL);
  double width, height;
  int pixel_width, pixel_height;
  guint n_pages = 0;

  g_assert_cmpuint (signet_pdf_document_get_n_pages (document), ==, LONG_PAGES);
  g_object_get (document, "n-pages", &n_pages, NULL);
  g_assert_cmpuint (n_pages, ==, LONG_PAGES);
  g_assert_cmpstr (signet_pdf_document_get_title (document), ==, "Long contract");
  g_assert_null (signet_pdf_document_get_title (shapes));

  signet_pdf_document_get_page_size (document, 57, 0, &width, &height);
  g_assert_cmpfloat_with_epsilon (width, 595, 0.01);
  g_assert_cmpfloat_with_epsilon (height, 842, 0.01);
  signet_pdf_document_get_page_size (document, 57, 270, &width, &height);
  g_assert_cmpfloat_with_epsilon (width, 842, 0.01);
  g_assert_cmpfloat_with_epsilon (height, 595, 0.01);

  signet_pdf_document_get_page_pixel_size (document, 0, 2.0, 0, &pixel_width, &pixel_height);
  g_assert_cmpint (pixel_width, ==, 1190);
  g_assert_cmpint (pixel_height, ==, 1684);
  signet_pdf_document_get_page_pixel_size (document, 0, 0.5, 90, &pixel_width, &pixel_height);
  g_assert_cmpint (pixel_width, ==, 421);
  g_assert_cmpint (pixel_height, ==, 298);
}

static void
test_render (void)
{
  g_autoptr(SignetPdfDocument) document = open_path (fixtures.shapes_path, NULL);
  const double scales[] = { 1.0, 2.0, 0.37 };

  for (guint i = 0; i < G_N_ELEMENTS (scales); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GdkTexture) texture = NULL;
      g_autoptr(PdfFixtureImage) image = NULL;
      double s = scales[i];
      int width, height;

      texture = pdf_test_render (document, 0, s, 0, &error);
      g_assert_no_error (error);
      signet_pdf_document_get_page_pixel_size (document, 0, s, 0, &width, &height);
      g_assert_cmpint (gdk_texture_get_width (texture), ==, width);
      g_assert_cmpint (gdk_texture_get_height (texture), ==, height);

      image = pdf_fixture_image_new (texture);
      /* The square, the white paper, and some ink where the text is. */
      g_assert_true (pdf_fixture_image_is_dark (image, 25 * s, 25 * s));
      g_assert_true (pdf_fixture_image_is_white (image, 150 * s, 250 * s));
      g_assert_true (pdf_fixture_image_is_white (image, width - 1, height - 1));
      g_assert_cmpuint (pdf_fixture_image_count_ink (image, 20 * s, 100 * s, 100 * s, 20 * s), >, 10);
    }
}

/* Asserts that the square the shapes fixture draws in the page's top-left
 * corner shows up in the given corner of the texture and nowhere else. */
static void
assert_square_in_corner (GdkTexture *texture,
                         gboolean    right,
                         gboolean    bottom)
{
  g_autoptr(PdfFixtureImage) image = pdf_fixture_image_new (texture);
  int inset = 10;
  int xs[2] = { inset, image->width - 1 - inset };
  int ys[2] = { inset, image->height - 1 - inset };

  for (guint i = 0; i < 2; i++)
    for (guint j = 0; j < 2; j++)
      {
        gboolean expected = (i == (guint) right) && (j == (guint) bottom);

        g_assert_cmpint (pdf_fixture_image_is_dark (image, xs[i], ys[j]), ==, expected);
      }
}

/* A point of a page turned into the view and read back from it is the
 * same point, for every turn; the view is the page turned clockwise. */
static void
test_rotation_round_trip (void)
{
  const double width = 612, height = 792, scale = 1.5;
  const struct { double x, y; } points[] = { { 0, 0 }, { 100, 50 }, { 612, 792 }, { 300.25, 10.5 } };
  const int rotations[] = { 0, 90, 180, 270 };

  for (guint r = 0; r < G_N_ELEMENTS (rotations); r++)
    for (guint i = 0; i < G_N_ELEMENTS (points); i++)
      {
        SignetPdfRect rect = { points[i].x, points[i].y, 0, 0 };
        SignetPdfRect view;
        double x, y;

        signet_pdf_rect_to_view (&rect, width, height, scale, rotations[r], &view);
        signet_pdf_point_from_view (view.x, view.y, width, height, scale, rotations[r], &x, &y);
        g_assert_cmpfloat_with_epsilon (x, points[i].x, 1e-9);
        g_assert_cmpfloat_with_epsilon (y, points[i].y, 1e-9);
      }

  /* The page's top-left corner goes to the top right when turned a quarter. */
  {
    double x, y;

    signet_pdf_point_rotate (0, 0, width, height, 90, &x, &y);
    g_assert_cmpfloat (x, ==, height);
    g_assert_cmpfloat (y, ==, 0);
    signet_pdf_point_rotate (0, 0, width, height, 270, &x, &y);
    g_assert_cmpfloat (x, ==, 0);
    g_assert_cmpfloat (y, ==, width);
  }
}

static void
test_view_rotation (void)
{
  g_autoptr(SignetPdfDocument) document = open_path (fixtures.shapes_path, NULL);
  const struct { int rotation; gboolean right, bottom; int width, height; } cases[] = {
    {   0, FALSE, FALSE, 200, 300 },
    {  90, TRUE,  FALSE, 300, 200 },
    { 180, TRUE,  TRUE,  200, 300 },
    { 270, FALSE, TRUE,  300, 200 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GdkTexture) texture = NULL;

      texture = pdf_test_render (document, 0, 1.0, cases[i].rotation, &error);
      g_assert_no_error (error);
      g_assert_cmpint (gdk_texture_get_width (texture), ==, cases[i].width);
      g_assert_cmpint (gdk_texture_get_height (texture), ==, cases[i].height);
      assert_square_in_corner (texture, cases[i].right, cases[i].bottom);
    }
}

static void
test_page_rotation (void)
{
  g_autoptr(SignetPdfDocument) document = NULL;
  /* The page is turned 90° clockwise by its own /Rotate, then by the view. */
  const struct { int rotation; gboolean right, bottom; } cases[] = {
    {   0, TRUE,  FALSE },
    {  90, TRUE,  TRUE  },
    { 180, FALSE, TRUE  },
    { 270, FALSE, FALSE },
  };
  double width, height;

  if (skip_without_qpdf ())
    return;

  document = open_path (fixtures.rotated_path, NULL);
  signet_pdf_document_get_page_size (document, 0, 0, &width, &height);
  g_assert_cmpfloat_with_epsilon (width, PDF_FIXTURE_SHAPES_HEIGHT, 0.01);
  g_assert_cmpfloat_with_epsilon (height, PDF_FIXTURE_SHAPES_WIDTH, 0.01);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GdkTexture) texture = NULL;

      texture = pdf_test_render (document, 0, 1.0, cases[i].rotation, &error);
      g_assert_no_error (error);
      assert_square_in_corner (texture, cases[i].right, cases[i].bottom);
    }
}

static void
assert_matches_once_per_page (SignetPdfDocument *document,
                              const char        *text,
                              double             line_y)
{
  g_autoptr(GPtrArray) matches = NULL;
  g_autoptr(GError) error = NULL;

  matches = pdf_test_find_text (document, text, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (matches->len, ==, LONG_PAGES);

  for (guint i = 0; i < matches->len; i++)
    {
      SignetPdfMatch *match = g_ptr_array_index (matches, i);

      g_assert_cmpuint (match->page, ==, i);
      g_assert_cmpuint (match->n_rects, ==, 1);
      /* Top-left origin: the rectangle sits on the line it was drawn on. */
      g_assert_cmpfloat (match->rects[0].x, >=, PDF_FIXTURE_MARGIN);
      g_assert_cmpfloat (match->rects[0].y, >=, line_y - 2);
      g_assert_cmpfloat (match->rects[0].y + match->rects[0].height, <=, line_y + 25);
      g_assert_cmpfloat (match->rects[0].width, >, 5);
    }
}

static void
test_find_text (void)
{
  g_autoptr(SignetPdfDocument) document = open_path (fixtures.long_path, NULL);
  g_autoptr(GPtrArray) matches = NULL;
  g_autoptr(GError) error = NULL;
  SignetPdfMatch *match;

  assert_matches_once_per_page (document, "clause", PDF_FIXTURE_CLAUSE_Y);
  assert_matches_once_per_page (document, "CONTRACT CLAUSE", PDF_FIXTURE_CLAUSE_Y);
  assert_matches_once_per_page (document, "合同", PDF_FIXTURE_CHINESE_Y);
  assert_matches_once_per_page (document, "付款条款", PDF_FIXTURE_CHINESE_Y);

  matches = pdf_test_find_text (document, "HT-0042", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (matches->len, ==, 1);
  match = g_ptr_array_index (matches, 0);
  g_assert_cmpuint (match->page, ==, 41);
  g_clear_pointer (&matches, g_ptr_array_unref);

  /* Two lines per page hold "三十日内" (odd pages' Chinese filler lines). */
  matches = pdf_test_find_text (document, "三十日内", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (matches->len, >, LONG_PAGES);
  g_clear_pointer (&matches, g_ptr_array_unref);

  matches = pdf_test_find_text (document, "arbitration", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (matches->len, ==, 0);
  g_clear_pointer (&matches, g_ptr_array_unref);

  matches = pdf_test_find_text (document, "", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (matches->len, ==, 0);
}

static void
test_find_across_lines (void)
{
  g_autoptr(SignetPdfDocument) document = open_path (fixtures.shapes_path, NULL);
  g_autoptr(GPtrArray) matches = NULL;
  g_autoptr(GError) error = NULL;
  SignetPdfMatch *match;

  matches = pdf_test_find_text (document, "delivery schedule", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (matches->len, ==, 1);

  match = g_ptr_array_index (matches, 0);
  g_assert_cmpuint (match->page, ==, 1);
  g_assert_cmpuint (match->n_rects, ==, 2);
  g_assert_cmpfloat (match->rects[0].y, <, match->rects[1].y);
}

/* The match rectangles, carried through the view transform, must land on
 * the ink of the rendered text, whatever the page and view rotation. */
static void
test_find_on_rotated_pages (void)
{
  g_autoptr(SignetPdfDocument) document = NULL;
  g_autoptr(GPtrArray) matches = NULL;
  g_autoptr(GError) error = NULL;
  const int rotations[] = { 0, 90, 180, 270 };
  const double scale = 2.0;

  if (skip_without_qpdf ())
    return;

  document = open_path (fixtures.rotated_path, NULL);
  matches = pdf_test_find_text (document, "Corner marker", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (matches->len, ==, 2);

  for (guint m = 0; m < matches->len; m++)
    {
      SignetPdfMatch *match = g_ptr_array_index (matches, m);
      double page_width, page_height;

      g_assert_cmpuint (match->page, ==, m);
      signet_pdf_document_get_page_size (document, match->page, 0, &page_width, &page_height);

      /* The text runs from top to bottom on a page turned by 90°. */
      g_assert_cmpfloat (match->rects[0].height, >, match->rects[0].width);
      g_assert_cmpfloat (match->rects[0].x + match->rects[0].width, <=, page_width);
      g_assert_cmpfloat (match->rects[0].y + match->rects[0].height, <=, page_height);

      for (guint r = 0; r < G_N_ELEMENTS (rotations); r++)
        {
          g_autoptr(GdkTexture) texture = NULL;
          g_autoptr(PdfFixtureImage) image = NULL;
          SignetPdfRect view;
          double area;

          texture = pdf_test_render (document, match->page, scale, rotations[r], &error);
          g_assert_no_error (error);
          image = pdf_fixture_image_new (texture);

          signet_pdf_rect_to_view (&match->rects[0], page_width, page_height,
                                   scale, rotations[r], &view);
          area = view.width * view.height;
          g_assert_cmpuint (pdf_fixture_image_count_ink (image, view.x, view.y,
                                                          view.width, view.height), >, area * 0.05);
        }
    }
}

typedef struct
{
  guint    calls;
  guint    last_done;
  guint    n_pages;
  gboolean destroyed;
  gboolean completed;
} Progress;

static void
progress_cb (guint    pages_done,
             guint    n_pages,
             gpointer user_data)
{
  Progress *progress = user_data;

  g_assert_false (progress->completed);
  g_assert_cmpuint (pages_done, >=, progress->last_done);
  g_assert_cmpuint (pages_done, <=, n_pages);
  progress->calls++;
  progress->last_done = pages_done;
  progress->n_pages = n_pages;
}

static void
progress_destroyed_cb (gpointer user_data)
{
  Progress *progress = user_data;

  progress->destroyed = TRUE;
}

static void
test_extract_text (void)
{
  g_autoptr(SignetPdfDocument) document = open_path (fixtures.long_path, NULL);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) texts = NULL;
  Progress progress = { 0 };

  signet_pdf_document_extract_text_async (document, G_PRIORITY_LOW,
                                          progress_cb, &progress, progress_destroyed_cb,
                                          NULL, pdf_test_result_cb, &result);
  pdf_test_wait (&result);
  progress.completed = TRUE;

  texts = signet_pdf_document_extract_text_finish (document, result, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (texts), ==, LONG_PAGES);

  for (guint i = 0; i < LONG_PAGES; i++)
    {
      g_autofree char *heading = g_strdup_printf ("Page %u of %u", i + 1, LONG_PAGES);
      g_autofree char *chinese = g_strdup_printf ("合同编号 HT-%04u 付款条款", i + 1);

      g_assert_nonnull (strstr (texts[i], heading));
      g_assert_nonnull (strstr (texts[i], chinese));
      g_assert_nonnull (strstr (texts[i], "供方应在订单之日起三十日内交货"));
    }

  /* The last report arrives before the result; the data is freed after. */
  g_assert_cmpuint (progress.calls, >=, 1);
  g_assert_cmpuint (progress.last_done, ==, LONG_PAGES);
  g_assert_cmpuint (progress.n_pages, ==, LONG_PAGES);
  g_clear_object (&result);
  pdf_test_drain_main_context ();
  g_assert_true (progress.destroyed);
}

static void
test_extract_text_cancel (void)
{
  g_autoptr(SignetPdfDocument) document = open_path (fixtures.long_path, NULL);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) texts = NULL;

  signet_pdf_document_extract_text_async (document, G_PRIORITY_LOW, NULL, NULL, NULL,
                                          cancellable, pdf_test_result_cb, &result);
  g_cancellable_cancel (cancellable);
  pdf_test_wait (&result);

  texts = signet_pdf_document_extract_text_finish (document, result, &error);
  g_assert_null (texts);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

static void
test_page_text (void)
{
  g_autoptr(SignetPdfDocument) document = open_path (fixtures.long_path, NULL);
  g_autoptr(SignetPdfPageText) page_text = NULL;
  g_autoptr(GError) error = NULL;
  const char *found;
  glong index;
  SignetPdfRect *rect;

  page_text = pdf_test_get_page_text (document, 4, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (page_text->page, ==, 4);
  g_assert_cmpuint (page_text->n_chars, ==, g_utf8_strlen (page_text->text, -1));

  found = strstr (page_text->text, "Signet contract clause 5");
  g_assert_nonnull (found);
  index = g_utf8_pointer_to_offset (page_text->text, found);
  rect = &page_text->char_rects[index];
  g_assert_cmpfloat_with_epsilon (rect->x, PDF_FIXTURE_MARGIN, 2.0);
  g_assert_cmpfloat (rect->y, >=, PDF_FIXTURE_CLAUSE_Y - 2);
  g_assert_cmpfloat (rect->y, <=, PDF_FIXTURE_CLAUSE_Y + 10);

  found = strstr (page_text->text, "合同编号");
  g_assert_nonnull (found);
  index = g_utf8_pointer_to_offset (page_text->text, found);
  rect = &page_text->char_rects[index + 1];
  g_assert_cmpfloat (rect->x, >, PDF_FIXTURE_MARGIN + 5);
  g_assert_cmpfloat (rect->y, >=, PDF_FIXTURE_CHINESE_Y - 2);
  g_assert_cmpfloat (rect->y, <=, PDF_FIXTURE_CHINESE_Y + 10);
}

typedef struct
{
  GPtrArray *order;  /* page numbers as they complete */
  guint      pending;
} RenderLog;

typedef struct
{
  RenderLog *log;
  guint      page;
} RenderCall;

static void
render_logged_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autofree RenderCall *call = user_data;
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GError) error = NULL;

  texture = signet_pdf_document_render_page_finish (SIGNET_PDF_DOCUMENT (source), result, &error);
  if (texture != NULL)
    g_ptr_array_add (call->log->order, GUINT_TO_POINTER (call->page));
  else
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);

  call->log->pending--;
}

static void
render_logged (SignetPdfDocument *document,
               RenderLog         *log,
               guint              page,
               int                priority,
               GCancellable      *cancellable)
{
  RenderCall *call = g_new0 (RenderCall, 1);

  call->log = log;
  call->page = page;
  log->pending++;
  signet_pdf_document_render_page_async (document, page, 1.5, 0, priority, cancellable,
                                         render_logged_cb, call);
}

static void
test_render_priority (void)
{
  g_autoptr(SignetPdfDocument) document = open_path (fixtures.long_path, NULL);
  g_autoptr(GPtrArray) order = g_ptr_array_new ();
  RenderLog log = { order, 0 };
  guint position = G_MAXUINT;

  /* Prefetch for pages 0-19, then the page the user scrolled to. */
  for (guint i = 0; i < 20; i++)
    render_logged (document, &log, i, G_PRIORITY_LOW, NULL);
  render_logged (document, &log, 77, G_PRIORITY_HIGH, NULL);

  while (log.pending > 0)
    g_main_context_iteration (NULL, TRUE);

  g_assert_cmpuint (order->len, ==, 21);
  for (guint i = 0; i < order->len; i++)
    if (GPOINTER_TO_UINT (g_ptr_array_index (order, i)) == 77)
      position = i;

  /* At most the page already being rendered goes first. */
  g_assert_cmpuint (position, <=, 1);
  /* Equal priorities keep their order. */
  g_ptr_array_remove_index (order, position);
  for (guint i = 0; i < order->len; i++)
    g_assert_cmpuint (GPOINTER_TO_UINT (g_ptr_array_index (order, i)), ==, i);
}

static void
test_render_cancel (void)
{
  g_autoptr(SignetPdfDocument) document = open_path (fixtures.long_path, NULL);
  g_autoptr(GCancellable) stale = g_cancellable_new ();
  g_autoptr(GPtrArray) order = g_ptr_array_new ();
  RenderLog log = { order, 0 };
  gint64 start, one_page = G_MAXINT64;

  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(GdkTexture) texture = NULL;

      start = g_get_monotonic_time ();
      texture = pdf_test_render (document, 50, 1.5, 0, NULL);
      one_page = MIN (one_page, g_get_monotonic_time () - start);
    }

  /* Scrolling through the whole document and stopping on the last page. */
  start = g_get_monotonic_time ();
  for (guint i = 0; i < LONG_PAGES - 1; i++)
    render_logged (document, &log, i, G_PRIORITY_DEFAULT, stale);
  render_logged (document, &log, LONG_PAGES - 1, G_PRIORITY_DEFAULT, NULL);
  g_cancellable_cancel (stale);

  while (log.pending > 0)
    g_main_context_iteration (NULL, TRUE);

  g_assert_cmpuint (order->len, ==, 1);
  g_assert_cmpuint (GPOINTER_TO_UINT (g_ptr_array_index (order, 0)), ==, LONG_PAGES - 1);
  /* The stale pages were dropped, not rendered: the last page came after
   * about two renders, not a hundred. */
  g_assert_cmpint (g_get_monotonic_time () - start, <, 25 * one_page);
}

/* Rendering and text extraction at once use two threads on two poppler
 * documents; both must come out right. */
static void
test_render_while_extracting (void)
{
  g_autoptr(SignetPdfDocument) document = open_path (fixtures.long_path, NULL);
  g_autoptr(GPtrArray) order = g_ptr_array_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) texts = NULL;
  RenderLog log = { order, 0 };

  signet_pdf_document_extract_text_async (document, G_PRIORITY_LOW, NULL, NULL, NULL,
                                          NULL, pdf_test_result_cb, &result);
  for (guint i = 0; i < LONG_PAGES; i++)
    render_logged (document, &log, i, G_PRIORITY_DEFAULT, NULL);

  while (log.pending > 0)
    g_main_context_iteration (NULL, TRUE);
  pdf_test_wait (&result);

  g_assert_cmpuint (order->len, ==, LONG_PAGES);
  texts = signet_pdf_document_extract_text_finish (document, result, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (texts), ==, LONG_PAGES);
  g_assert_nonnull (strstr (texts[LONG_PAGES - 1], "Signet contract clause 100"));
}

static void
test_lifetime (void)
{
  SignetPdfDocument *document = open_path (fixtures.long_path, NULL);
  g_autoptr(GPtrArray) order = g_ptr_array_new ();
  RenderLog log = { order, 0 };

  g_object_add_weak_pointer (G_OBJECT (document), (gpointer *) &document);

  for (guint i = 0; i < 5; i++)
    render_logged (document, &log, i, G_PRIORITY_DEFAULT, NULL);
  /* The requests keep the document alive until they are answered. */
  g_object_unref (document);
  g_assert_nonnull (document);

  while (log.pending > 0)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (order->len, ==, 5);

  pdf_test_drain_main_context ();
  g_assert_null (document);
}

static void
test_too_large (void)
{
  g_autoptr(SignetPdfDocument) document = open_path (fixtures.long_path, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkTexture) texture = NULL;

  texture = pdf_test_render (document, 0, 60.0, 0, &error);
  g_assert_null (texture);
  g_assert_error (error, SIGNET_PDF_ERROR, SIGNET_PDF_ERROR_TOO_LARGE);
  g_assert_cmpstr (error->message, ==, "The page is too large to show at this zoom level.");
}

static void
test_rect_transform (void)
{
  const SignetPdfRect rect = { 10, 20, 30, 5 };
  const double page_width = 200;
  const double page_height = 300;
  const struct { int rotation; SignetPdfRect expected; } cases[] = {
    {   0, {  20,  40, 60, 10 } },
    {  90, { 550,  20, 10, 60 } },
    { 180, { 320, 550, 60, 10 } },
    { 270, {  40, 320, 10, 60 } },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      SignetPdfRect view;
      double x, y;

      signet_pdf_rect_to_view (&rect, page_width, page_height, 2.0, cases[i].rotation, &view);
      g_assert_cmpfloat_with_epsilon (view.x, cases[i].expected.x, 1e-9);
      g_assert_cmpfloat_with_epsilon (view.y, cases[i].expected.y, 1e-9);
      g_assert_cmpfloat_with_epsilon (view.width, cases[i].expected.width, 1e-9);
      g_assert_cmpfloat_with_epsilon (view.height, cases[i].expected.height, 1e-9);

      /* A click in the middle of the view rectangle lands in the middle of
       * the page rectangle. */
      signet_pdf_point_from_view (view.x + view.width / 2, view.y + view.height / 2,
                                  page_width, page_height, 2.0, cases[i].rotation, &x, &y);
      g_assert_cmpfloat_with_epsilon (x, rect.x + rect.width / 2, 1e-9);
      g_assert_cmpfloat_with_epsilon (y, rect.y + rect.height / 2, 1e-9);
    }
}

static void
make_fixtures (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *three = NULL;

  fixtures.dir = g_dir_make_tmp ("signet-pdf-XXXXXX", &error);
  g_assert_no_error (error);

  fixtures.long_path = g_build_filename (fixtures.dir, "long.pdf", NULL);
  pdf_fixture_write_long (fixtures.long_path, LONG_PAGES);
  fixtures.shapes_path = g_build_filename (fixtures.dir, "shapes.pdf", NULL);
  pdf_fixture_write_shapes (fixtures.shapes_path);

  if (pdf_fixture_find_qpdf () == NULL)
    {
      g_test_message ("qpdf is not installed; the rotated and encrypted fixtures are skipped");
      return;
    }

  three = g_build_filename (fixtures.dir, "three.pdf", NULL);
  pdf_fixture_write_long (three, 3);

  fixtures.rotated_path = g_build_filename (fixtures.dir, "rotated.pdf", NULL);
  pdf_fixture_qpdf ((const char *[]) { fixtures.shapes_path, "--rotate=+90:1-2",
                                       fixtures.rotated_path, NULL }, &error);
  g_assert_no_error (error);

  fixtures.encrypted_path = g_build_filename (fixtures.dir, "encrypted.pdf", NULL);
  pdf_fixture_qpdf ((const char *[]) { "--encrypt", PASSWORD, "owner-password", "256", "--",
                                       three, fixtures.encrypted_path, NULL }, &error);
  g_assert_no_error (error);
}

static void
remove_fixtures (void)
{
  const char *paths[] = { fixtures.long_path, fixtures.shapes_path, fixtures.rotated_path,
                          fixtures.encrypted_path };
  g_autofree char *three = g_build_filename (fixtures.dir, "three.pdf", NULL);

  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    if (paths[i] != NULL)
      g_unlink (paths[i]);
  g_unlink (three);
  g_rmdir (fixtures.dir);

  g_free (fixtures.long_path);
  g_free (fixtures.shapes_path);
  g_free (fixtures.rotated_path);
  g_free (fixtures.encrypted_path);
  g_free (fixtures.dir);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);

  make_fixtures ();

  g_test_add_func ("/pdf/document/bad-input/empty", test_bad_input_empty);
  g_test_add_func ("/pdf/document/bad-input/png", test_bad_input_png);
  g_test_add_func ("/pdf/document/bad-input/text", test_bad_input_text);
  g_test_add_func ("/pdf/document/bad-input/truncated", test_bad_input_truncated);
  g_test_add_func ("/pdf/document/bad-input/header-only", test_bad_input_header_only);
  g_test_add_func ("/pdf/document/damaged-page", test_damaged_page);
  g_test_add_func ("/pdf/document/password", test_password);
  g_test_add_func ("/pdf/document/async-open", test_async_open);
  g_test_add_func ("/pdf/document/metadata", test_metadata);
  g_test_add_func ("/pdf/document/render", test_render);
  g_test_add_func ("/pdf/document/rotation-round-trip", test_rotation_round_trip);
  g_test_add_func ("/pdf/document/view-rotation", test_view_rotation);
  g_test_add_func ("/pdf/document/page-rotation", test_page_rotation);
  g_test_add_func ("/pdf/document/find", test_find_text);
  g_test_add_func ("/pdf/document/find-across-lines", test_find_across_lines);
  g_test_add_func ("/pdf/document/find-on-rotated-pages", test_find_on_rotated_pages);
  g_test_add_func ("/pdf/document/extract-text", test_extract_text);
  g_test_add_func ("/pdf/document/extract-text-cancel", test_extract_text_cancel);
  g_test_add_func ("/pdf/document/page-text", test_page_text);
  g_test_add_func ("/pdf/document/render-priority", test_render_priority);
  g_test_add_func ("/pdf/document/render-cancel", test_render_cancel);
  g_test_add_func ("/pdf/document/render-while-extracting", test_render_while_extracting);
  g_test_add_func ("/pdf/document/lifetime", test_lifetime);
  g_test_add_func ("/pdf/document/too-large", test_too_large);
  g_test_add_func ("/pdf/rect/transform", test_rect_transform);

  status = g_test_run ();

  remove_fixtures ();

  return status;
}
