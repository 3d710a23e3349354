/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gstdio.h>

#include "pdf-fixtures.h"
#include "pdf-test-utils.h"
#include "signet-pdf-texture-cache.h"

#define MIB ((guint64) 1024 * 1024)

static GdkTexture *
make_texture (int width,
              int height)
{
  g_autoptr(GBytes) bytes = NULL;

  bytes = g_bytes_new_take (g_malloc0 ((gsize) width * height * 4), (gsize) width * height * 4);

  return gdk_memory_texture_new (width, height, GDK_MEMORY_DEFAULT, bytes, (gsize) width * 4);
}

static gboolean
cache_has (SignetPdfTextureCache *cache,
           guint                  page,
           double                 scale,
           int                    rotation)
{
  g_autoptr(GdkTexture) texture = signet_pdf_texture_cache_lookup (cache, page, scale, rotation);

  return texture != NULL;
}

static void
test_lookup (void)
{
  g_autoptr(SignetPdfTextureCache) cache = signet_pdf_texture_cache_new (10 * MIB);
  g_autoptr(GdkTexture) texture = make_texture (100, 50);
  g_autoptr(GdkTexture) found = NULL;

  signet_pdf_texture_cache_insert (cache, 3, 1.5, 90, texture);
  g_assert_cmpuint (signet_pdf_texture_cache_get_size (cache), ==, 100 * 50 * 4);

  found = signet_pdf_texture_cache_lookup (cache, 3, 1.5, 90);
  g_assert_true (found == texture);
  g_assert_false (cache_has (cache, 3, 1.5, 0));
  g_assert_false (cache_has (cache, 3, 1.25, 90));
  g_assert_false (cache_has (cache, 4, 1.5, 90));

  /* Inserting the same key again replaces the entry, not adds to it. */
  signet_pdf_texture_cache_insert (cache, 3, 1.5, 90, texture);
  g_assert_cmpuint (signet_pdf_texture_cache_get_n_textures (cache), ==, 1);
  g_assert_cmpuint (signet_pdf_texture_cache_get_size (cache), ==, 100 * 50 * 4);

  signet_pdf_texture_cache_clear (cache);
  g_assert_cmpuint (signet_pdf_texture_cache_get_size (cache), ==, 0);
  g_assert_false (cache_has (cache, 3, 1.5, 90));
}

static void
test_least_recently_used_goes_first (void)
{
  /* Room for exactly three 100x100 textures. */
  g_autoptr(SignetPdfTextureCache) cache = signet_pdf_texture_cache_new (3 * 100 * 100 * 4);

  for (guint page = 0; page < 3; page++)
    {
      g_autoptr(GdkTexture) texture = make_texture (100, 100);
      signet_pdf_texture_cache_insert (cache, page, 1.0, 0, texture);
    }

  /* Page 0 was looked at again, so page 1 is the oldest now. */
  g_assert_true (cache_has (cache, 0, 1.0, 0));
  {
    g_autoptr(GdkTexture) texture = make_texture (100, 100);
    signet_pdf_texture_cache_insert (cache, 3, 1.0, 0, texture);
  }

  g_assert_true (cache_has (cache, 0, 1.0, 0));
  g_assert_false (cache_has (cache, 1, 1.0, 0));
  g_assert_true (cache_has (cache, 2, 1.0, 0));
  g_assert_true (cache_has (cache, 3, 1.0, 0));
  g_assert_cmpuint (signet_pdf_texture_cache_get_size (cache), ==, 3 * 100 * 100 * 4);
}

static void
test_never_over_budget (void)
{
  const guint64 budget = 2 * MIB;
  g_autoptr(SignetPdfTextureCache) cache = signet_pdf_texture_cache_new (budget);
  g_autoptr(GRand) rand = g_rand_new_with_seed (4);

  for (guint i = 0; i < 2000; i++)
    {
      int width = g_rand_int_range (rand, 1, 700);
      int height = g_rand_int_range (rand, 1, 900);
      g_autoptr(GdkTexture) texture = make_texture (width, height);
      guint page = (guint) g_rand_int_range (rand, 0, 40);
      double scale = g_rand_boolean (rand) ? 1.0 : 2.0;
      int rotation = 90 * g_rand_int_range (rand, 0, 4);
      guint64 bytes = (guint64) width * height * 4;

      signet_pdf_texture_cache_insert (cache, page, scale, rotation, texture);
      g_assert_cmpuint (signet_pdf_texture_cache_get_size (cache), <=, budget);
      /* The newest texture is always kept when it fits at all. */
      g_assert_cmpint (cache_has (cache, page, scale, rotation), ==, bytes <= budget);

      if (i == 1000)
        {
          signet_pdf_texture_cache_set_budget (cache, budget / 4);
          g_assert_cmpuint (signet_pdf_texture_cache_get_budget (cache), ==, budget / 4);
          g_assert_cmpuint (signet_pdf_texture_cache_get_size (cache), <=, budget / 4);
          signet_pdf_texture_cache_set_budget (cache, budget);
        }
    }

  g_assert_cmpuint (signet_pdf_texture_cache_get_peak_size (cache), <=, budget);
  g_assert_cmpuint (signet_pdf_texture_cache_get_peak_size (cache), >, budget / 2);
}

static void
test_too_large_for_budget (void)
{
  g_autoptr(SignetPdfTextureCache) cache = signet_pdf_texture_cache_new (1000);
  g_autoptr(GdkTexture) small = make_texture (10, 10);
  g_autoptr(GdkTexture) large = make_texture (100, 100);

  signet_pdf_texture_cache_insert (cache, 0, 1.0, 0, small);
  signet_pdf_texture_cache_insert (cache, 1, 1.0, 0, large);

  g_assert_true (cache_has (cache, 0, 1.0, 0));
  g_assert_false (cache_has (cache, 1, 1.0, 0));
  g_assert_cmpuint (signet_pdf_texture_cache_get_size (cache), ==, 400);
}

static void
test_lookup_nearest (void)
{
  g_autoptr(SignetPdfTextureCache) cache = signet_pdf_texture_cache_new (100 * MIB);
  const double scales[] = { 0.5, 1.0, 4.0 };
  double found = 0;

  for (guint i = 0; i < G_N_ELEMENTS (scales); i++)
    {
      g_autoptr(GdkTexture) texture = make_texture (10, 10);
      signet_pdf_texture_cache_insert (cache, 7, scales[i], 0, texture);
    }

  {
    g_autoptr(GdkTexture) texture = signet_pdf_texture_cache_lookup_nearest (cache, 7, 1.8, 0, &found);
    g_assert_nonnull (texture);
    g_assert_cmpfloat (found, ==, 1.0);
  }
  {
    g_autoptr(GdkTexture) texture = signet_pdf_texture_cache_lookup_nearest (cache, 7, 2.2, 0, &found);
    g_assert_cmpfloat (found, ==, 4.0);
  }
  {
    g_autoptr(GdkTexture) texture = signet_pdf_texture_cache_lookup_nearest (cache, 7, 2.0, 90, &found);
    g_assert_null (texture);
  }
  {
    g_autoptr(GdkTexture) texture = signet_pdf_texture_cache_lookup_nearest (cache, 8, 2.0, 0, &found);
    g_assert_null (texture);
  }
}

/* What the viewer does while the user scrolls a 100-page document from top
 * to bottom: render the pages that come into view and keep them in the
 * cache. The cache stays within its budget and ends up holding the pages
 * nearest the end. */
static void
test_scroll_through_document (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("signet-pdf-cache-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "long.pdf", NULL);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(SignetPdfDocument) document = NULL;
  g_autoptr(SignetPdfTextureCache) cache = NULL;
  const double scale = 96.0 / 72.0;
  int width, height;
  guint64 page_bytes;
  guint64 budget;

  g_assert_no_error (error);
  pdf_fixture_write_long (path, 100);
  bytes = pdf_fixture_load (path);
  document = signet_pdf_document_new_from_bytes (bytes, NULL, &error);
  g_assert_no_error (error);

  signet_pdf_document_get_page_pixel_size (document, 0, scale, 0, &width, &height);
  page_bytes = (guint64) width * height * 4;
  budget = page_bytes * 6 + page_bytes / 2;
  cache = signet_pdf_texture_cache_new (budget);

  for (guint page = 0; page < 100; page++)
    {
      g_autoptr(GdkTexture) texture = NULL;

      texture = pdf_test_render (document, page, scale, 0, &error);
      g_assert_no_error (error);
      signet_pdf_texture_cache_insert (cache, page, scale, 0, texture);
      g_assert_cmpuint (signet_pdf_texture_cache_get_size (cache), <=, budget);
    }

  g_assert_cmpuint (signet_pdf_texture_cache_get_peak_size (cache), <=, budget);
  g_assert_cmpuint (signet_pdf_texture_cache_get_n_textures (cache), ==, 6);
  g_assert_true (cache_has (cache, 99, scale, 0));
  g_assert_true (cache_has (cache, 94, scale, 0));
  g_assert_false (cache_has (cache, 93, scale, 0));
  g_assert_false (cache_has (cache, 0, scale, 0));

  g_unlink (path);
  g_rmdir (dir);
}

/* A document rendered on its thread and dropped right before the process
 * exits: the thread frees it while the process ends, and poppler tears
 * down its global state then. Run in a child process, many times, with
 * glibc's malloc checks: the crash this guards against is a race. */
static void
test_exit_after_render (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;

  if (g_test_subprocess ())
    {
      g_autoptr(GBytes) bytes = pdf_fixture_load (g_getenv ("SIGNET_TEST_EXIT_PDF"));
      g_autoptr(SignetPdfDocument) document = NULL;
      g_autoptr(GdkTexture) texture = NULL;

      document = signet_pdf_document_new_from_bytes (bytes, NULL, &error);
      g_assert_no_error (error);
      texture = pdf_test_render (document, 0, 1.0, 0, &error);
      g_assert_no_error (error);
      return;
    }

  dir = g_dir_make_tmp ("signet-pdf-exit-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (dir, "long.pdf", NULL);
  pdf_fixture_write_long (path, 100);
  g_setenv ("SIGNET_TEST_EXIT_PDF", path, TRUE);
  g_setenv ("MALLOC_CHECK_", "2", FALSE);
  g_setenv ("MALLOC_PERTURB_", "77", FALSE);

  /* Without the wait at exit, about one child in a hundred crashed. */
  for (guint i = 0; i < 100; i++)
    {
      g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
      g_test_trap_assert_passed ();
    }

  g_unlink (path);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pdf/texture-cache/lookup", test_lookup);
  g_test_add_func ("/pdf/texture-cache/least-recently-used-goes-first", test_least_recently_used_goes_first);
  g_test_add_func ("/pdf/texture-cache/never-over-budget", test_never_over_budget);
  g_test_add_func ("/pdf/texture-cache/too-large-for-budget", test_too_large_for_budget);
  g_test_add_func ("/pdf/texture-cache/lookup-nearest", test_lookup_nearest);
  g_test_add_func ("/pdf/texture-cache/scroll-through-document", test_scroll_through_document);
  g_test_add_func ("/pdf/texture-cache/exit-after-render", test_exit_after_render);

  return g_test_run ();
}
