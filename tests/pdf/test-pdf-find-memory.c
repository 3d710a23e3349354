/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Opening a document, searching it and closing it gives all of its memory
 * back, however often it is done. Poppler's own objects are counted as they
 * are made and freed, so a document or a page left alive fails the round it
 * was left in; the process's resident size is measured too, for whatever
 * else a round might keep.
 *
 * The rounds do not render: cairo keeps the last 256 scaled fonts it made,
 * with their FreeType faces, for the life of the process, so rendering new
 * documents grows the resident size by some 0.7 MB each until that cache is
 * full, whatever Signet frees. */

#include "config.h"

#include <malloc.h>
#include <unistd.h>

#include <glib/gstdio.h>
#include <poppler.h>

#include "pdf-fixtures.h"
#include "pdf-test-utils.h"
#include "signet-pdf-document.h"

#define ROUNDS 20
#define FIXTURE_PAGES 100
/* Worker threads free their document just after the last task returns;
 * this is only how long to wait before calling it a leak. */
#define FREED_TIMEOUT (10 * G_TIME_SPAN_SECOND)
/* Growth allowed from the end of the first round to the end of the last.
 * A round that keeps its document costs 23 MB on tracemonkey.pdf; a run
 * that gives everything back grows by well under one. */
#define MAX_RSS_GROWTH_KIB 4096

#if defined(__SANITIZE_ADDRESS__)
#define UNDER_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define UNDER_ASAN 1
#endif
#endif

static char *fixture_dir;
static char *fixture_path;
static char *corpus_dir;

/* Live PopplerDocument and PopplerPage objects, whichever thread made or
 * freed them. */
static gint live_documents;
static gint live_pages;
static void (*document_constructed) (GObject *object);
static void (*page_constructed) (GObject *object);

/* Object data is freed at the very end of finalize, after poppler has freed
 * what the object held; a weak reference would be notified before. */
static void
counted_object_finalized_cb (gpointer data)
{
  g_atomic_int_add ((gint *) data, -1);
}

static void
count_object (GObject *object,
              gint    *counter)
{
  g_atomic_int_inc (counter);
  g_object_set_data_full (object, "signet-test-counted", counter, counted_object_finalized_cb);
}

static void
document_constructed_cb (GObject *object)
{
  count_object (object, &live_documents);
  if (document_constructed != NULL)
    document_constructed (object);
}

static void
page_constructed_cb (GObject *object)
{
  count_object (object, &live_pages);
  if (page_constructed != NULL)
    page_constructed (object);
}

/* Poppler makes both through g_object_new(), which always calls
 * constructed; the classes are kept for the whole run. */
static void
start_counting_poppler_objects (void)
{
  GObjectClass *document_class = g_type_class_ref (POPPLER_TYPE_DOCUMENT);
  GObjectClass *page_class = g_type_class_ref (POPPLER_TYPE_PAGE);

  document_constructed = document_class->constructed;
  document_class->constructed = document_constructed_cb;
  page_constructed = page_class->constructed;
  page_class->constructed = page_constructed_cb;
}

static guint
count_threads (void)
{
  g_autoptr(GDir) dir = g_dir_open ("/proc/self/task", 0, NULL);
  guint n = 0;

  g_assert_nonnull (dir);
  while (g_dir_read_name (dir) != NULL)
    n++;

  return n;
}

static long
resident_kib (void)
{
  g_autofree char *statm = NULL;
  g_auto(GStrv) fields = NULL;

  /* Freed memory goes back to the system only when malloc is asked to. */
  malloc_trim (0);

  g_assert_true (g_file_get_contents ("/proc/self/statm", &statm, NULL, NULL));
  fields = g_strsplit (statm, " ", -1);
  g_assert_cmpuint (g_strv_length (fields), >=, 2);

  return g_ascii_strtoll (fields[1], NULL, 10) * (sysconf (_SC_PAGESIZE) / 1024);
}

static gboolean
all_freed (SignetPdfDocument *document,
           guint              n_threads)
{
  return document == NULL && g_atomic_int_get (&live_documents) == 0 &&
         g_atomic_int_get (&live_pages) == 0 && count_threads () <= n_threads;
}

/* Waits until the document, everything poppler made for it and the threads
 * that worked on it are gone, and says what is left if that does not
 * happen. */
static void
assert_all_freed (SignetPdfDocument **document,
                  guint               n_threads,
                  guint               round)
{
  gint64 deadline = g_get_monotonic_time () + FREED_TIMEOUT;

  while (!all_freed (*document, n_threads) && g_get_monotonic_time () < deadline)
    {
      while (g_main_context_iteration (NULL, FALSE))
        ;
      g_usleep (1000);
    }

  if (!all_freed (*document, n_threads))
    g_error ("Round %u: after closing, the document is %s, %d poppler documents and "
             "%d pages are still alive, and %u threads run where %u ran before",
             round, *document != NULL ? "still alive" : "freed",
             g_atomic_int_get (&live_documents), g_atomic_int_get (&live_pages),
             count_threads (), n_threads);
}

static void
open_search_close (GBytes     *bytes,
                   const char *needle,
                   guint       expected_matches,
                   guint       round)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) matches = NULL;
  guint n_threads = count_threads ();
  SignetPdfDocument *document;

  document = signet_pdf_document_new_from_bytes (bytes, NULL, &error);
  g_assert_no_error (error);
  g_object_add_weak_pointer (G_OBJECT (document), (gpointer *) &document);

  matches = pdf_test_find_text (document, needle, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (matches->len, ==, expected_matches);
  g_clear_pointer (&matches, g_ptr_array_unref);

  g_object_unref (document);
  assert_all_freed (&document, n_threads, round);
}

static void
assert_flat_memory (const char *path,
                    const char *needle,
                    guint       expected_matches)
{
  g_autoptr(GBytes) bytes = pdf_fixture_load (path);
  long after_first;
  long after_last;

  open_search_close (bytes, needle, expected_matches, 1);
  after_first = resident_kib ();

  for (guint round = 2; round <= ROUNDS; round++)
    open_search_close (bytes, needle, expected_matches, round);
  after_last = resident_kib ();

  g_test_message ("%s: resident %ld kB after the first round, %ld kB after round %d",
                  path, after_first, after_last, ROUNDS);

#ifdef UNDER_ASAN
  /* AddressSanitizer holds freed memory back in its quarantine, so the
   * resident size says nothing here; the object counts above still do. */
  g_test_message ("Resident size not checked under AddressSanitizer");
#else
  g_assert_cmpint (after_last - after_first, <, MAX_RSS_GROWTH_KIB);
#endif
}

/* The fixture says "clause" once on each page. */
static void
test_fixture (void)
{
  assert_flat_memory (fixture_path, "clause", FIXTURE_PAGES);
}

/* The 14-page paper of the corpus. */
static void
test_tracemonkey (void)
{
  g_autofree char *path = g_build_filename (corpus_dir, "tracemonkey.pdf", NULL);

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_autofree char *reason = g_strdup_printf ("%s is missing (the corpus is set by "
                                                 "SIGNET_PDF_CORPUS_DIR)", path);
      g_test_skip (reason);
      return;
    }

  assert_flat_memory (path, "trace", 416);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);

  corpus_dir = g_strdup (g_getenv ("SIGNET_PDF_CORPUS_DIR"));
  if (corpus_dir == NULL)
    corpus_dir = g_strdup (g_getenv ("SIGNET_PDF_CORPUS_DEFAULT_DIR"));
  if (corpus_dir == NULL)
    corpus_dir = g_strdup ("../shared/corpus/pdf");

  fixture_dir = g_dir_make_tmp ("signet-pdf-XXXXXX", NULL);
  g_assert_nonnull (fixture_dir);
  fixture_path = g_build_filename (fixture_dir, "long.pdf", NULL);
  pdf_fixture_write_long (fixture_path, FIXTURE_PAGES);

  start_counting_poppler_objects ();
  /* GTask's class starts GLib's worker thread, which stays for the life of
   * the process; start it before the rounds count their threads. */
  g_type_ensure (G_TYPE_TASK);

  g_test_add_func ("/pdf/find-memory/fixture", test_fixture);
  g_test_add_func ("/pdf/find-memory/tracemonkey", test_tracemonkey);

  status = g_test_run ();

  g_unlink (fixture_path);
  g_rmdir (fixture_dir);
  g_free (fixture_path);
  g_free (fixture_dir);
  g_free (corpus_dir);

  return status;
}
