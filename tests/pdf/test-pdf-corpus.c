/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Every PDF in the shared corpus (real-world, annotated, Chinese, encrypted,
 * signed, damaged and fuzzed files from pdf.js's test suite) must open and
 * render every page, or fail with one of SIGNET_PDF_ERROR's messages; none
 * may crash. The corpus lives outside the project: SIGNET_PDF_CORPUS_DIR
 * points elsewhere, otherwise meson passes ../shared/corpus/pdf. */

#include "config.h"

#include "pdf-fixtures.h"
#include "pdf-test-utils.h"

/* Scale for rendering every page: small keeps the run short, and every
 * drawing operator still executes. */
#define CORPUS_SCALE 0.25

typedef enum
{
  OPENS,
  /* Fuzzed files that poppler 22.12 repairs; another poppler may reject
   * them, which is fine as long as it says the document is damaged. */
  OPENS_OR_DAMAGED,
} Outcome;

typedef struct
{
  const char *name;
  guint       n_pages;
  Outcome     outcome;
  /* Words on the first page that text extraction and search must find;
   * NULL for pages without text and for fonts that map to no text. */
  const char *words;
} Expectation;

static const Expectation expectations[] = {
  { "160F-2019.pdf", 1, OPENS, "Certificat de salaire" },
  { "GHOSTSCRIPT-698804-1-fuzzed.pdf", 1, OPENS_OR_DAMAGED, NULL },
  { "PDFBOX-3148-2-fuzzed.pdf", 1, OPENS_OR_DAMAGED, NULL },
  /* The two Chinese files use GBK-coded fonts without a ToUnicode map:
   * poppler gives their text as Latin-1 letters, which are recovered
   * (test-pdf-text-recovery.c). SimFang's heading has a gap after each
   * character, which poppler reads as a space. */
  { "SimFang-variant.pdf", 1, OPENS, "无 产 者" },
  { "TAMReview.pdf", 23, OPENS, "Technology Acceptance Model" },
  { "XiaoBiaoSong.pdf", 1, OPENS, "关于红军作战的原则" },
  { "annotation-freetext.pdf", 1, OPENS, "FreeText" },
  { "annotation-highlight-without-appearance.pdf", 1, OPENS, "Lorem ipsum dolor sit amet" },
  { "annotation-highlight.pdf", 1, OPENS, "Lorem ipsum dolor sit amet" },
  { "annotation-ink-without-appearance.pdf", 1, OPENS, "InkAnnotation" },
  { "annotation-line.pdf", 1, OPENS, "Line" },
  { "annotation-square-circle.pdf", 1, OPENS, "Circle" },
  { "annotation-squiggly.pdf", 1, OPENS, "Squiggly" },
  { "annotation-stamp.pdf", 1, OPENS, "Stamp" },
  { "annotation-strikeout.pdf", 1, OPENS, "StrikeOut" },
  { "annotation-text-without-popup.pdf", 1, OPENS, NULL },
  { "annotation-underline.pdf", 1, OPENS, "Underline" },
  { "bad-PageLabels.pdf", 1, OPENS, "bad Page Labels" },
  { "doc_1_3_pages.pdf", 3, OPENS, "Document 1" },
  { "empty.pdf", 1, OPENS, NULL },
  /* Both encrypted files have an empty user password: they open without
   * asking, as in every other PDF reader. */
  { "empty_protected.pdf", 1, OPENS, NULL },
  { "encrypted-attachment.pdf", 1, OPENS, "Example" },
  { "hello_world_rotated.pdf", 5, OPENS, "Hello world" },
  /* The damaged files below have broken cross-reference tables or streams;
   * poppler rebuilds them from the objects it finds. */
  { "helloworld-bad.pdf", 1, OPENS, "Hello, world!" },
  { "multiple-filters-length-zero.pdf", 1, OPENS, "pdf.js" },
  { "pdfjsbad1586.pdf", 1, OPENS, "pdf.js test" },
  { "prefilled_f1040.pdf", 2, OPENS, "Individual Income Tax Return" },
  { "rotated.pdf", 1, OPENS, "Rotated text" },
  { "rotation.pdf", 2, OPENS, "first page with normal layout" },
  { "scan-bad.pdf", 1, OPENS, "pdf.js" },
  { "signed_verified.pdf", 1, OPENS, "Digital signature" },
  { "tracemonkey.pdf", 14, OPENS, "Trace-based Just-in-Time" },
  { "xref_command_missing.pdf", 1, OPENS, "Reduced test-case" },
};

typedef struct
{
  char              *path;
  const Expectation *expectation;  /* NULL for files added to the corpus later */
} CorpusFile;

static char *corpus_dir;

static void
corpus_file_free (gpointer data)
{
  CorpusFile *file = data;

  g_free (file->path);
  g_free (file);
}

static const Expectation *
find_expectation (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (expectations); i++)
    if (g_str_equal (expectations[i].name, name))
      return &expectations[i];

  return NULL;
}

static void
assert_renders_every_page (SignetPdfDocument *document)
{
  guint n_pages = signet_pdf_document_get_n_pages (document);

  for (guint page = 0; page < n_pages; page++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GdkTexture) texture = NULL;
      int width, height;

      texture = pdf_test_render (document, page, CORPUS_SCALE, 0, &error);
      if (texture == NULL)
        {
          g_assert_error (error, SIGNET_PDF_ERROR, SIGNET_PDF_ERROR_DAMAGED);
          g_test_message ("page %u: %s", page + 1, error->message);
          continue;
        }

      signet_pdf_document_get_page_pixel_size (document, page, CORPUS_SCALE, 0, &width, &height);
      g_assert_cmpint (gdk_texture_get_width (texture), ==, width);
      g_assert_cmpint (gdk_texture_get_height (texture), ==, height);
    }
}

static void
assert_finds_words (SignetPdfDocument *document,
                    const char        *words)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) texts = NULL;
  g_autoptr(GPtrArray) matches = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(PdfFixtureImage) image = NULL;
  SignetPdfMatch *first;

  texts = pdf_test_extract_text (document, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (texts), ==, signet_pdf_document_get_n_pages (document));
  g_assert_nonnull (strstr (texts[0], words));

  matches = pdf_test_find_text (document, words, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (matches->len, >=, 1);
  first = g_ptr_array_index (matches, 0);
  g_assert_cmpuint (first->page, ==, 0);

  /* The words are drawn where search says they are. */
  texture = pdf_test_render (document, 0, 1.0, 0, &error);
  g_assert_no_error (error);
  image = pdf_fixture_image_new (texture);
  g_assert_cmpuint (pdf_fixture_image_count_ink (image, first->rects[0].x, first->rects[0].y,
                                                  first->rects[0].width, first->rects[0].height), >, 0);
}

static void
test_corpus_file (gconstpointer data)
{
  const CorpusFile *file = data;
  const Expectation *expectation = file->expectation;
  g_autoptr(SignetPdfDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  char *contents = NULL;
  gsize length = 0;

  if (!g_file_get_contents (file->path, &contents, &length, &error))
    {
      g_autofree char *reason = g_strdup_printf ("The corpus file cannot be read: %s",
                                                 error->message);
      g_test_skip (reason);
      return;
    }
  bytes = g_bytes_new_take (contents, length);

  document = signet_pdf_document_new_from_bytes (bytes, NULL, &error);

  if (document == NULL)
    {
      /* Whatever happens, the user gets one of our sentences. */
      g_assert_true (error->domain == SIGNET_PDF_ERROR);
      g_test_message ("%s: %s", file->path, error->message);
      if (expectation != NULL)
        {
          g_assert_cmpint (expectation->outcome, ==, OPENS_OR_DAMAGED);
          g_assert_error (error, SIGNET_PDF_ERROR, SIGNET_PDF_ERROR_DAMAGED);
        }
      return;
    }

  if (expectation != NULL)
    g_assert_cmpuint (signet_pdf_document_get_n_pages (document), ==, expectation->n_pages);

  assert_renders_every_page (document);

  if (expectation != NULL && expectation->words != NULL)
    assert_finds_words (document, expectation->words);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(char * const *) a, *(char * const *) b);
}

static void
test_corpus_missing (void)
{
  g_autofree char *reason = g_strdup_printf ("The PDF corpus is not at %s", corpus_dir);

  g_test_skip (reason);
}

static void
add_corpus_test (GPtrArray         *files,
                 const char        *name,
                 const Expectation *expectation)
{
  CorpusFile *file = g_new0 (CorpusFile, 1);
  g_autofree char *test_path = g_strdup_printf ("/pdf/corpus/%s", name);

  file->path = g_build_filename (corpus_dir, name, NULL);
  file->expectation = expectation;
  g_ptr_array_add (files, file);

  g_test_add_data_func (test_path, file, test_corpus_file);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (corpus_file_free);
  g_autoptr(GPtrArray) others = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GDir) dir = NULL;
  const char *name;
  int status;

  g_test_init (&argc, &argv, NULL);

  corpus_dir = g_strdup (g_getenv ("SIGNET_PDF_CORPUS_DIR"));
  if (corpus_dir == NULL)
    corpus_dir = g_strdup (g_getenv ("SIGNET_PDF_CORPUS_DEFAULT_DIR"));
  if (corpus_dir == NULL)
    corpus_dir = g_strdup ("../shared/corpus/pdf");

  dir = g_dir_open (corpus_dir, 0, NULL);
  if (dir == NULL)
    {
      g_test_add_func ("/pdf/corpus/missing", test_corpus_missing);
    }
  else
    {
      for (guint i = 0; i < G_N_ELEMENTS (expectations); i++)
        add_corpus_test (files, expectations[i].name, &expectations[i]);

      /* Files added to the corpus later get the general promise only. */
      while ((name = g_dir_read_name (dir)) != NULL)
        if (g_str_has_suffix (name, ".pdf") && find_expectation (name) == NULL)
          g_ptr_array_add (others, g_strdup (name));
      g_ptr_array_sort (others, compare_names);
      for (guint i = 0; i < others->len; i++)
        add_corpus_test (files, g_ptr_array_index (others, i), NULL);
    }

  status = g_test_run ();

  g_free (corpus_dir);

  return status;
}
