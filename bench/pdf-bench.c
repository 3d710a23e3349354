/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Measures the document layer against bare poppler on a generated 100-page
 * contract: time to the first page, cost per rendered page, memory while
 * scrolling through every page, and text extraction and search speed.
 * Prints a Markdown table; docs/benchmarks.md explains the method. */

#include "config.h"

#include <locale.h>
#include <time.h>

#include <glib/gstdio.h>
#include <poppler.h>

#include "pdf-fixtures.h"
#include "pdf-test-utils.h"
#include "signet-pdf-texture-cache.h"

#define N_PAGES 100
#define RUNS 15
#define RENDER_ROUNDS 5
/* 100 % zoom on a 96 dpi screen, and the same on a 2x screen. */
#define SCALE_1X (96.0 / 72.0)
#define SCALE_2X (2 * 96.0 / 72.0)
#define CACHE_BUDGET ((guint64) 32 * 1024 * 1024)
#define VIEWPORT_HEIGHT 900
#define PAGE_GAP 12
#define SCROLL_STEP 120

static double
now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

/* CPU time of every thread of the process. */
static double
cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);

  return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
median (GArray *samples)
{
  g_array_sort (samples, compare_doubles);

  if (samples->len % 2 == 1)
    return g_array_index (samples, double, samples->len / 2);

  return (g_array_index (samples, double, samples->len / 2 - 1) +
          g_array_index (samples, double, samples->len / 2)) / 2;
}

static GBytes *
read_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents;
  gsize length;

  if (!g_file_get_contents (path, &contents, &length, &error))
    g_error ("%s", error->message);

  return g_bytes_new_take (contents, length);
}

static long
rss_kib (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return 0;
  line = strstr (status, "VmRSS:");

  return line != NULL ? strtol (line + 6, NULL, 10) : 0;
}

/* What any viewer has to do at least: make a surface and let poppler draw. */
static void
render_bare (PopplerDocument *document,
             guint            index,
             double           scale)
{
  PopplerPage *page = poppler_document_get_page (document, (int) index);
  cairo_surface_t *surface;
  cairo_t *cr;
  double width, height;

  poppler_page_get_size (page, &width, &height);
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32,
                                        (int) (width * scale + 0.5), (int) (height * scale + 0.5));
  cr = cairo_create (surface);
  cairo_scale (cr, scale, scale);
  poppler_page_render (page, cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  cairo_surface_destroy (surface);
  g_object_unref (page);
}

static void
first_page (const char *path,
            double      scale,
            double     *signet_ms,
            double     *bare_ms)
{
  g_autoptr(GArray) signet = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) bare = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint run = 0; run < RUNS; run++)
    {
      double start = now_ms ();
      g_autoptr(GBytes) bytes = read_file (path);
      g_autoptr(GError) error = NULL;
      g_autoptr(SignetPdfDocument) document = NULL;
      g_autoptr(GdkTexture) texture = NULL;
      PopplerDocument *poppler;
      double elapsed;

      document = signet_pdf_document_new_from_bytes (bytes, NULL, &error);
      g_assert_no_error (error);
      texture = pdf_test_render (document, 0, scale, 0, &error);
      g_assert_no_error (error);
      elapsed = now_ms () - start;
      g_array_append_val (signet, elapsed);
      g_clear_object (&document);
      pdf_test_drain_main_context ();

      start = now_ms ();
      g_clear_pointer (&bytes, g_bytes_unref);
      bytes = read_file (path);
      poppler = poppler_document_new_from_bytes (bytes, NULL, &error);
      g_assert_no_error (error);
      render_bare (poppler, 0, scale);
      elapsed = now_ms () - start;
      g_array_append_val (bare, elapsed);
      g_object_unref (poppler);
    }

  *signet_ms = median (signet);
  *bare_ms = median (bare);
}

static void
render_counted_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  guint *pending = user_data;
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GError) error = NULL;

  texture = signet_pdf_document_render_page_finish (SIGNET_PDF_DOCUMENT (source), result, &error);
  g_assert_no_error (error);
  (*pending)--;
}

typedef struct
{
  double signet_ms;      /* median over pages of the per-page medians */
  double bare_ms;
  double wall_ratio;     /* median over pages of signet / bare */
  double cpu_ratio;      /* the same with process CPU time */
  double queued_ratio;   /* all pages at once against one bare pass, median of rounds */
} PerPage;

static double
per_page_median_ratio (double signet[N_PAGES][RENDER_ROUNDS],
                       double bare[N_PAGES][RENDER_ROUNDS],
                       double *signet_median,
                       double *bare_median)
{
  g_autoptr(GArray) ratios = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) signet_medians = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) bare_medians = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint page = 0; page < N_PAGES; page++)
    {
      g_autoptr(GArray) s = g_array_new (FALSE, FALSE, sizeof (double));
      g_autoptr(GArray) b = g_array_new (FALSE, FALSE, sizeof (double));
      double sm, bm, ratio;

      g_array_append_vals (s, signet[page], RENDER_ROUNDS);
      g_array_append_vals (b, bare[page], RENDER_ROUNDS);
      sm = median (s);
      bm = median (b);
      ratio = sm / bm;
      g_array_append_val (signet_medians, sm);
      g_array_append_val (bare_medians, bm);
      g_array_append_val (ratios, ratio);
    }

  if (signet_median != NULL)
    *signet_median = median (signet_medians);
  if (bare_median != NULL)
    *bare_median = median (bare_medians);

  return median (ratios);
}

/* Wall time and CPU time of the whole process (all threads) for each page
 * rendered alone, Signet and bare poppler interleaved page by page. While
 * Signet renders, the main thread sleeps in poll(), so the CPU time of the
 * process is the rendering thread's plus the hand-over; it is less
 * disturbed by other load on the machine than wall time. */
static void
per_page (GBytes  *bytes,
          double   scale,
          PerPage *result)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SignetPdfDocument) document = signet_pdf_document_new_from_bytes (bytes, NULL, &error);
  PopplerDocument *poppler = poppler_document_new_from_bytes (bytes, NULL, NULL);
  g_autoptr(GArray) queued = g_array_new (FALSE, FALSE, sizeof (double));
  static double signet_wall[N_PAGES][RENDER_ROUNDS];
  static double bare_wall[N_PAGES][RENDER_ROUNDS];
  static double signet_cpu[N_PAGES][RENDER_ROUNDS];
  static double bare_cpu[N_PAGES][RENDER_ROUNDS];

  g_assert_no_error (error);

  /* Both documents load their fonts once; measure after that. */
  for (guint page = 0; page < N_PAGES; page++)
    {
      g_autoptr(GdkTexture) texture = pdf_test_render (document, page, scale, 0, NULL);
      render_bare (poppler, page, scale);
    }

  for (guint round = 0; round < RENDER_ROUNDS; round++)
    {
      double start, start_cpu, bare_pass = 0, ratio;
      guint pending = 0;

      for (guint page = 0; page < N_PAGES; page++)
        {
          g_autoptr(GdkTexture) texture = NULL;

          start = now_ms ();
          start_cpu = cpu_ms ();
          render_bare (poppler, page, scale);
          bare_wall[page][round] = now_ms () - start;
          bare_cpu[page][round] = cpu_ms () - start_cpu;
          bare_pass += bare_wall[page][round];

          start = now_ms ();
          start_cpu = cpu_ms ();
          texture = pdf_test_render (document, page, scale, 0, &error);
          g_assert_no_error (error);
          signet_wall[page][round] = now_ms () - start;
          signet_cpu[page][round] = cpu_ms () - start_cpu;
        }

      /* All pages asked for at once, as after a jump: the queue and the
       * thread hop are paid once per page but overlap with rendering. */
      start = now_ms ();
      for (guint page = 0; page < N_PAGES; page++)
        {
          pending++;
          signet_pdf_document_render_page_async (document, page, scale, 0, G_PRIORITY_DEFAULT, NULL,
                                                 render_counted_cb, &pending);
        }
      while (pending > 0)
        g_main_context_iteration (NULL, TRUE);
      ratio = (now_ms () - start) / bare_pass;
      g_array_append_val (queued, ratio);
    }

  result->wall_ratio = per_page_median_ratio (signet_wall, bare_wall,
                                              &result->signet_ms, &result->bare_ms);
  result->cpu_ratio = per_page_median_ratio (signet_cpu, bare_cpu, NULL, NULL);
  result->queued_ratio = median (queued);

  g_object_unref (poppler);
}

typedef struct
{
  SignetPdfTextureCache *cache;
  double                 scale;
  guint                  page;
  guint                 *pending;
} CacheFill;

static void
page_arrived_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autofree CacheFill *fill = user_data;
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GError) error = NULL;

  texture = signet_pdf_document_render_page_finish (SIGNET_PDF_DOCUMENT (source), result, &error);
  g_assert_no_error (error);
  signet_pdf_texture_cache_insert (fill->cache, fill->page, fill->scale, 0, texture);
  (*fill->pending)--;
}

/* Scrolls from the first page to the last in small steps the way a viewer
 * would: the visible pages are asked for first, the next page after them,
 * and whatever is in the cache is shown at once. */
/* @rss_growth_kib: from before the first page to the peak; @rss_late_growth_kib:
 * from when the view passes page 20, long after the cache is full, to the peak.
 * The first includes what rendering needs once (fonts, poppler's structures,
 * spare buffers); the second shows whether memory grows with the pages. */
static void
scroll_through (GBytes  *bytes,
                double   scale,
                guint64 *peak_cache,
                long    *rss_growth_kib,
                long    *rss_late_growth_kib,
                guint   *renders)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SignetPdfDocument) document = signet_pdf_document_new_from_bytes (bytes, NULL, &error);
  g_autoptr(SignetPdfTextureCache) cache = signet_pdf_texture_cache_new (CACHE_BUDGET);
  int width, height;
  long rss_before;
  long rss_peak;
  long rss_late = 0;
  double stride;
  double bottom;
  guint pending = 0;

  g_assert_no_error (error);
  signet_pdf_document_get_page_pixel_size (document, 0, scale, 0, &width, &height);
  stride = height + PAGE_GAP;
  bottom = stride * N_PAGES;

  rss_before = rss_peak = rss_kib ();
  *renders = 0;

  for (double top = 0; top < bottom; top += SCROLL_STEP)
    {
      guint first = (guint) (top / stride);
      guint last = MIN ((guint) ((top + VIEWPORT_HEIGHT) / stride) + 1, N_PAGES - 1);

      for (guint page = first; page <= last; page++)
        {
          g_autoptr(GdkTexture) texture = signet_pdf_texture_cache_lookup (cache, page, scale, 0);
          CacheFill *fill;

          if (texture != NULL)
            continue;

          fill = g_new0 (CacheFill, 1);
          fill->cache = cache;
          fill->scale = scale;
          fill->page = page;
          fill->pending = &pending;
          pending++;
          (*renders)++;
          signet_pdf_document_render_page_async (document, page, scale, 0,
                                                 page < last ? G_PRIORITY_HIGH : G_PRIORITY_LOW,
                                                 NULL, page_arrived_cb, fill);
        }

      while (pending > 0)
        g_main_context_iteration (NULL, TRUE);

      rss_peak = MAX (rss_peak, rss_kib ());
      if (rss_late == 0 && first >= 20)
        rss_late = rss_kib ();
    }

  *peak_cache = signet_pdf_texture_cache_get_peak_size (cache);
  *rss_growth_kib = rss_peak - rss_before;
  *rss_late_growth_kib = rss_peak - rss_late;
}

static void
extraction (GBytes *bytes,
            guint   n_pages,
            double *signet_pages_per_second,
            double *bare_pages_per_second)
{
  g_autoptr(GArray) signet = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) bare = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint run = 0; run < 5; run++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(SignetPdfDocument) document = NULL;
      g_auto(GStrv) texts = NULL;
      PopplerDocument *poppler;
      double start, rate;

      document = signet_pdf_document_new_from_bytes (bytes, NULL, &error);
      g_assert_no_error (error);
      start = now_ms ();
      texts = pdf_test_extract_text (document, &error);
      g_assert_no_error (error);
      rate = n_pages / ((now_ms () - start) / 1000.0);
      g_array_append_val (signet, rate);

      poppler = poppler_document_new_from_bytes (bytes, NULL, NULL);
      start = now_ms ();
      for (guint i = 0; i < n_pages; i++)
        {
          PopplerPage *page = poppler_document_get_page (poppler, (int) i);
          g_free (poppler_page_get_text (page));
          g_object_unref (page);
        }
      rate = n_pages / ((now_ms () - start) / 1000.0);
      g_array_append_val (bare, rate);
      g_object_unref (poppler);
    }

  *signet_pages_per_second = median (signet);
  *bare_pages_per_second = median (bare);
}

static void
search (GBytes *bytes,
        double *first_ms,
        double *again_ms)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SignetPdfDocument) document = signet_pdf_document_new_from_bytes (bytes, NULL, &error);
  g_autoptr(GPtrArray) first = NULL;
  g_autoptr(GPtrArray) again = NULL;
  double start;

  g_assert_no_error (error);

  start = now_ms ();
  first = pdf_test_find_text (document, "合同", &error);
  g_assert_no_error (error);
  *first_ms = now_ms () - start;

  start = now_ms ();
  again = pdf_test_find_text (document, "合同编号", &error);
  g_assert_no_error (error);
  *again_ms = now_ms () - start;

  g_assert_cmpuint (first->len, ==, N_PAGES);
  g_assert_cmpuint (again->len, ==, N_PAGES);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("signet-pdf-bench-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autoptr(GBytes) bytes = NULL;
  double signet_ms, bare_ms;
  double signet_rate, bare_rate, first_ms, again_ms;
  guint64 peak_cache;
  long rss_growth, rss_late_growth;
  guint renders;
  const double scales[] = { SCALE_1X, SCALE_2X };

  setlocale (LC_ALL, "");

  g_assert_no_error (error);
  path = g_build_filename (dir, "long.pdf", NULL);
  pdf_fixture_write_long (path, N_PAGES);
  bytes = read_file (path);

  g_print ("Signet PDF benchmark: generated %u-page A4 contract (%zu kB), poppler %s, "
           "medians of %u runs\n\n",
           N_PAGES, g_bytes_get_size (bytes) / 1024, poppler_get_version (), RUNS);
  /* First, so that the heap has not grown yet for the other measurements
   * and the growth of RSS shows what scrolling costs. */
  scroll_through (bytes, SCALE_1X, &peak_cache, &rss_growth, &rss_late_growth, &renders);

  g_print ("| measure | Signet | bare poppler (floor) | ratio | target |\n");
  g_print ("|---|---|---|---|---|\n");

  for (guint i = 0; i < G_N_ELEMENTS (scales); i++)
    {
      first_page (path, scales[i], &signet_ms, &bare_ms);
      g_print ("| first page visible after opening, scale %.2f | %.1f ms | %.1f ms | %.2f | ≤ 150 ms |\n",
               scales[i], signet_ms, bare_ms, signet_ms / bare_ms);
    }

  for (guint i = 0; i < G_N_ELEMENTS (scales); i++)
    {
      PerPage result;

      per_page (bytes, scales[i], &result);
      g_print ("| render one page, scale %.2f: wall time | %.2f ms | %.2f ms | %.3f | ≤ 1.15 |\n",
               scales[i], result.signet_ms, result.bare_ms, result.wall_ratio);
      g_print ("| render one page, scale %.2f: CPU time of the process | | | %.3f | ≤ 1.15 |\n",
               scales[i], result.cpu_ratio);
      g_print ("| render all %u pages queued at once, scale %.2f: wall time | | | %.3f | ≤ 1.15 |\n",
               N_PAGES, scales[i], result.queued_ratio);
    }

  g_print ("| scroll through all pages, scale %.2f: cache peak | %.1f MiB | budget %.1f MiB | %.2f | ≤ 1.00 |\n",
           SCALE_1X, peak_cache / 1048576.0, CACHE_BUDGET / 1048576.0,
           (double) peak_cache / CACHE_BUDGET);
  g_print ("| same scroll: growth of the process RSS (%u renders) | %.1f MiB | budget %.1f MiB | %.2f | |\n",
           renders, rss_growth / 1024.0, CACHE_BUDGET / 1048576.0,
           rss_growth * 1024.0 / CACHE_BUDGET);
  g_print ("| same scroll: growth of the process RSS from page 21 to page 100 | %.1f MiB | | | 0 |\n",
           rss_late_growth / 1024.0);

  extraction (bytes, N_PAGES, &signet_rate, &bare_rate);
  g_print ("| text extraction | %.0f pages/s | %.0f pages/s | %.2f | |\n",
           signet_rate, bare_rate, bare_rate / signet_rate);

  search (bytes, &first_ms, &again_ms);
  g_print ("| find \"合同\" in all pages, then \"合同编号\" | %.0f ms, then %.0f ms | | | |\n",
           first_ms, again_ms);

  g_unlink (path);
  g_rmdir (dir);

  return 0;
}
