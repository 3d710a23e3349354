/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Chinese text in PDFs: GBK text that poppler gives as Latin-1 letters is
 * recovered for extraction (the search index), the viewer's find and its
 * page text (selection and copy), on the corpus's two such files; the
 * corpus's Latin files, French and German letters included, come out
 * exactly as poppler gives them; and a CJK font that is not embedded is
 * read through poppler-data's CMaps, which the reference environment
 * installs. */

#include "config.h"

#include <string.h>

#include <poppler.h>

#include "pdf-fixtures.h"
#include "pdf-test-utils.h"
#include "signet-pdf-text-recovery.h"

static char *corpus_dir;

/* The first page of XiaoBiaoSong.pdf as poppler gives it (the table of
 * contents of a collection of Mao Zedong's writings of 1937), and what the
 * GBK bytes behind those letters say. */
#define XIAO_MOJIBAKE_LINE "¹ØÓÚºì¾ü×÷Õ½µÄÔ-Ôò"
#define XIAO_TITLE         "关于红军作战的原则"

static GBytes *
read_corpus_file (const char *name)
{
  g_autofree char *path = g_build_filename (corpus_dir, name, NULL);
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length = 0;

  if (!g_file_get_contents (path, &contents, &length, &error))
    return NULL;

  return g_bytes_new_take (contents, length);
}

static SignetPdfDocument *
open_corpus_document (const char *name)
{
  g_autoptr(GBytes) bytes = read_corpus_file (name);
  g_autoptr(GError) error = NULL;
  SignetPdfDocument *document;

  if (bytes == NULL)
    {
      g_autofree char *reason = g_strdup_printf ("The PDF corpus has no %s in %s", name, corpus_dir);

      g_test_skip (reason);
      return NULL;
    }

  document = signet_pdf_document_new_from_bytes (bytes, NULL, &error);
  g_assert_no_error (error);

  return document;
}

static SignetPdfTextQuality
check_text (SignetPdfDocument *document)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  SignetPdfTextQuality quality;

  signet_pdf_document_check_text_async (document, G_PRIORITY_DEFAULT, NULL, pdf_test_result_cb, &result);
  pdf_test_wait (&result);
  quality = signet_pdf_document_check_text_finish (document, result, &error);
  g_assert_no_error (error);

  return quality;
}

/* Strings */

static void
test_recover_string (void)
{
  g_autofree guint *sources = NULL;
  g_autofree char *recovered = NULL;

  recovered = signet_pdf_text_recover_gbk (XIAO_MOJIBAKE_LINE " ¡-¡-¡- £±", &sources);
  g_assert_cmpstr (recovered, ==, XIAO_TITLE " ……… １");

  /* Each Chinese character comes from two letters, the rest from one. */
  g_assert_cmpuint (sources[0], ==, 0);
  g_assert_cmpuint (sources[1], ==, 2);
  g_assert_cmpuint (sources[9], ==, 18);
  g_assert_cmpuint (sources[10], ==, 19);
  g_assert_cmpuint (sources[g_utf8_strlen (recovered, -1)], ==, g_utf8_strlen (XIAO_MOJIBAKE_LINE " ¡-¡-¡- £±", -1));
}

static void
test_latin_strings_unchanged (void)
{
  /* Accented letters between ASCII ones, two of them side by side, the
   * typographic quotes and dashes WinAnsi has above 0x7F, and a no-break
   * space: all of it stays as it is. */
  static const char * const latin[] = {
    "Certificat de salaire, de retenue d'impôt et de crédits d'impôt bonifiés — année 2019",
    "Größe, Maße und Gewicht: Straßenfußgänger überqueren die Brücke; Äöü ÄÖÜ ß",
    "L’été où « ça » s’est passé, à Besançon : 12 000 €",
    "Ærøskøbing ligger på Ærø; Ísland, Þórshöfn, Ðó",
    "«ÀÉÎ» ÇÑ ÿÿ öß",
    "",
  };

  for (guint i = 0; i < G_N_ELEMENTS (latin); i++)
    {
      g_autofree char *text = g_strdup (latin[i]);
      g_autofree guint *sources = NULL;

      g_test_message ("%s", latin[i]);
      g_assert_null (signet_pdf_text_recover_gbk (latin[i], NULL));
      g_assert_cmpint (signet_pdf_text_assess (&text, &sources), ==, SIGNET_PDF_TEXT_READABLE);
      g_assert_cmpstr (text, ==, latin[i]);
      g_assert_null (sources);
    }
}

/* Korean in EUC-KR drawn the same way pairs up as common GB2312
 * characters too ("대한민국 헌법 제1조 …"), but reads as Chinese picked at
 * random: it is not turned into Chinese. */
static void
test_korean_unchanged (void)
{
  const char *korean = "´ëÇÑ¹Î±¹ Çå¹ý Á¦1Á¶ ´ëÇÑ¹Î±¹Àº ¹ÎÁÖ°øÈ\xc2\xad±¹ÀÌ´Ù. °è¾à ±â°£Àº 2³âÀ¸·Î ÇÑ´Ù.";

  g_assert_null (signet_pdf_text_recover_gbk (korean, NULL));
}

static void
test_unreadable_strings (void)
{
  g_autofree char *replacements = g_strdup ("\xef\xbf\xbd\xef\xbf\xbd \xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd ab");
  g_autofree char *private_use = g_strdup ("\xee\x80\x81\xee\x80\x82\xee\x80\x83\xee\x80\x84");
  /* A Symbol font's bullets in a list: private use too, but few. */
  g_autofree char *bullets = g_strdup ("\xef\x82\xb7 Payment within thirty days\n\xef\x82\xb7 Notice in writing");
  g_autofree char *chinese = g_strdup ("关于红军作战的原则");

  g_assert_cmpint (signet_pdf_text_assess (&replacements, NULL), ==, SIGNET_PDF_TEXT_UNREADABLE);
  g_assert_cmpint (signet_pdf_text_assess (&private_use, NULL), ==, SIGNET_PDF_TEXT_UNREADABLE);
  g_assert_cmpint (signet_pdf_text_assess (&bullets, NULL), ==, SIGNET_PDF_TEXT_READABLE);
  g_assert_cmpint (signet_pdf_text_assess (&chinese, NULL), ==, SIGNET_PDF_TEXT_READABLE);
}

/* The corpus */

static void
assert_ink_under (SignetPdfDocument   *document,
                  const SignetPdfRect *rect)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(PdfFixtureImage) image = NULL;

  texture = pdf_test_render (document, 0, 1.0, 0, &error);
  g_assert_no_error (error);
  image = pdf_fixture_image_new (texture);
  g_assert_cmpuint (pdf_fixture_image_count_ink (image, rect->x, rect->y, rect->width, rect->height), >, 0);
}

static void
test_xiao_biao_song (void)
{
  g_autoptr(SignetPdfDocument) document = open_corpus_document ("XiaoBiaoSong.pdf");
  g_autoptr(SignetPdfPageText) page_text = NULL;
  g_autoptr(GPtrArray) matches = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) texts = NULL;
  g_autofree gunichar *chars = NULL;
  const SignetPdfMatch *match;
  const char *title;
  glong offset;

  if (document == NULL)
    return;

  /* What the search index gets. */
  texts = pdf_test_extract_text (document, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (texts), ==, 1);
  g_test_message ("%s", texts[0]);
  g_assert_true (g_str_has_prefix (texts[0], "１\n目　　录\n" XIAO_TITLE " ………"));
  g_assert_nonnull (strstr (texts[0], "对国防问题的意见"));
  g_assert_nonnull (strstr (texts[0], "（一九三七年八月一日）"));
  g_assert_null (strstr (texts[0], "¹"));

  g_assert_cmpint (check_text (document), ==, SIGNET_PDF_TEXT_RECOVERED);

  /* Find: once, where the title is drawn. */
  matches = pdf_test_find_text (document, "红军作战", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (matches->len, ==, 1);
  match = g_ptr_array_index (matches, 0);
  g_assert_cmpuint (match->page, ==, 0);
  g_assert_cmpuint (match->n_rects, ==, 1);
  assert_ink_under (document, &match->rects[0]);
  g_clear_pointer (&matches, g_ptr_array_unref);

  /* The dates under the titles: three in August 1937, six in September. */
  matches = pdf_test_find_text (document, "一九三七年八月", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (matches->len, ==, 3);
  g_clear_pointer (&matches, g_ptr_array_unref);

  matches = pdf_test_find_text (document, "一九三七年九月", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (matches->len, ==, 6);
  g_clear_pointer (&matches, g_ptr_array_unref);

  /* The letters poppler gave are no longer there to find. */
  matches = pdf_test_find_text (document, "ºì¾ü", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (matches->len, ==, 0);

  /* Selection and copy: one box per Chinese character, that of its two
   * letters, lying where the letters are drawn. */
  page_text = pdf_test_get_page_text (document, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (page_text->text, ==, texts[0]);
  g_assert_cmpuint (page_text->n_chars, ==, g_utf8_strlen (page_text->text, -1));
  title = strstr (page_text->text, XIAO_TITLE);
  offset = g_utf8_pointer_to_offset (page_text->text, title);
  chars = g_utf8_to_ucs4_fast (page_text->text, -1, NULL);
  for (glong i = offset; i < offset + 9; i++)
    {
      const SignetPdfRect *rect = &page_text->char_rects[i];

      g_assert_cmpfloat (rect->width, >, 5);
      g_assert_cmpfloat (rect->height, >, 5);
      if (i > offset)
        g_assert_cmpfloat (rect->x, >=, page_text->char_rects[i - 1].x + page_text->char_rects[i - 1].width - 1);
    }
  assert_ink_under (document, &page_text->char_rects[offset]);
}

static void
test_sim_fang (void)
{
  g_autoptr(SignetPdfDocument) document = open_corpus_document ("SimFang-variant.pdf");
  g_autoptr(GPtrArray) matches = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) texts = NULL;
  const SignetPdfMatch *match;

  if (document == NULL)
    return;

  texts = pdf_test_extract_text (document, &error);
  g_assert_no_error (error);
  g_test_message ("%s", texts[0]);
  /* A heading set with a gap after each character, as poppler reads it. */
  g_assert_nonnull (strstr (texts[0], "全 世 界 无 产 者，联 合 起 来"));
  g_assert_cmpint (check_text (document), ==, SIGNET_PDF_TEXT_RECOVERED);

  /* Typed without the gaps, as anyone types Chinese. */
  matches = pdf_test_find_text (document, "全世界无产者", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (matches->len, ==, 1);
  match = g_ptr_array_index (matches, 0);
  g_assert_cmpuint (match->n_rects, ==, 1);
  assert_ink_under (document, &match->rects[0]);
}

/* Every other file of the corpus, Latin ones with accents among them,
 * comes out exactly as poppler gives it. */
static void
test_corpus_unchanged (void)
{
  static const char * const chinese[] = { "XiaoBiaoSong.pdf", "SimFang-variant.pdf" };
  g_autoptr(GDir) dir = g_dir_open (corpus_dir, 0, NULL);
  const char *name;
  guint n_compared = 0;
  gboolean accents = FALSE;

  if (dir == NULL)
    {
      g_autofree char *reason = g_strdup_printf ("The PDF corpus is not at %s", corpus_dir);

      g_test_skip (reason);
      return;
    }

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(GObject) poppler = NULL;
      g_autoptr(SignetPdfDocument) document = NULL;
      g_autoptr(GError) error = NULL;
      g_auto(GStrv) texts = NULL;

      if (!g_str_has_suffix (name, ".pdf") || g_strv_contains (chinese, name))
        continue;

      bytes = read_corpus_file (name);
      poppler = G_OBJECT (poppler_document_new_from_bytes (bytes, NULL, NULL));
      document = signet_pdf_document_new_from_bytes (bytes, NULL, NULL);
      if (poppler == NULL || document == NULL)
        continue;

      g_test_message ("%s", name);
      texts = pdf_test_extract_text (document, &error);
      g_assert_no_error (error);

      for (int i = 0; i < poppler_document_get_n_pages (POPPLER_DOCUMENT (poppler)); i++)
        {
          g_autoptr(GObject) page = G_OBJECT (poppler_document_get_page (POPPLER_DOCUMENT (poppler), i));
          g_autofree char *expected = page != NULL ? poppler_page_get_text (POPPLER_PAGE (page)) : NULL;

          g_assert_cmpstr (texts[i], ==, expected != NULL ? expected : "");
          if (expected != NULL && g_utf8_strchr (expected, -1, 0xE9) != NULL)
            accents = TRUE;
        }

      /* From its second page on, TAMReview.pdf's body text comes out of
       * poppler (pdftotext too) as control characters: its fonts map
       * glyphs to no character. */
      g_assert_cmpint (check_text (document), ==,
                       g_str_equal (name, "TAMReview.pdf") ? SIGNET_PDF_TEXT_UNREADABLE : SIGNET_PDF_TEXT_READABLE);
      n_compared++;
    }

  g_test_message ("%u files compared", n_compared);
  g_assert_cmpuint (n_compared, >=, 20);
  /* 160F-2019.pdf, a Luxembourg tax form in French. */
  g_assert_true (accents);
}

/* poppler-data */

/* A PDF with "关于合同" in GBK through the predefined GBK-EUC-H CMap and a
 * CID font that is not embedded: nothing in the file says which
 * characters the codes are; only poppler-data's CMap and its Adobe-GB1 to
 * Unicode table do. */
static GBytes *
write_cmap_pdf (void)
{
  static const char * const objects[] = {
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 400 200] "
    "/Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
    NULL, /* the content stream */
    "<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /GBK-EUC-H "
    "/DescendantFonts [6 0 R] >>",
    "<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light "
    "/CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 4 >> "
    "/FontDescriptor 7 0 R /DW 1000 >>",
    "<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [0 -200 1000 900] "
    "/ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >>",
  };
  const char *content = "BT /F1 24 Tf 40 100 Td <B9D8D3DABACFCDAC> Tj ET";
  g_autoptr(GString) pdf = g_string_new ("%PDF-1.4\n");
  gsize offsets[G_N_ELEMENTS (objects)];
  gsize xref;

  for (guint i = 0; i < G_N_ELEMENTS (objects); i++)
    {
      offsets[i] = pdf->len;
      if (objects[i] != NULL)
        g_string_append_printf (pdf, "%u 0 obj\n%s\nendobj\n", i + 1, objects[i]);
      else
        g_string_append_printf (pdf, "%u 0 obj\n<< /Length %zu >>\nstream\n%s\nendstream\nendobj\n",
                                i + 1, strlen (content), content);
    }

  xref = pdf->len;
  g_string_append_printf (pdf, "xref\n0 %zu\n0000000000 65535 f \n", G_N_ELEMENTS (objects) + 1);
  for (guint i = 0; i < G_N_ELEMENTS (objects); i++)
    g_string_append_printf (pdf, "%010zu 00000 n \n", offsets[i]);
  g_string_append_printf (pdf, "trailer\n<< /Size %zu /Root 1 0 R >>\nstartxref\n%zu\n%%%%EOF\n",
                          G_N_ELEMENTS (objects) + 1, xref);

  return g_string_free_to_bytes (g_steal_pointer (&pdf));
}

static void
test_poppler_data (void)
{
  g_autoptr(GBytes) bytes = write_cmap_pdf ();
  g_autoptr(SignetPdfDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) texts = NULL;

  document = signet_pdf_document_new_from_bytes (bytes, NULL, &error);
  g_assert_no_error (error);

  texts = pdf_test_extract_text (document, &error);
  g_assert_no_error (error);
  g_test_message ("%s", texts[0]);
  if (strstr (texts[0], "关于合同") == NULL)
    g_test_message ("No Chinese text from a predefined CMap: is poppler-data installed "
                    "(build-aux/install-deps.sh installs it)?");
  g_assert_nonnull (strstr (texts[0], "关于合同"));
  g_assert_cmpint (check_text (document), ==, SIGNET_PDF_TEXT_READABLE);
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

  g_test_add_func ("/pdf/text-recovery/string", test_recover_string);
  g_test_add_func ("/pdf/text-recovery/latin-strings-unchanged", test_latin_strings_unchanged);
  g_test_add_func ("/pdf/text-recovery/korean-unchanged", test_korean_unchanged);
  g_test_add_func ("/pdf/text-recovery/unreadable-strings", test_unreadable_strings);
  g_test_add_func ("/pdf/text-recovery/xiao-biao-song", test_xiao_biao_song);
  g_test_add_func ("/pdf/text-recovery/sim-fang", test_sim_fang);
  g_test_add_func ("/pdf/text-recovery/corpus-unchanged", test_corpus_unchanged);
  g_test_add_func ("/pdf/text-recovery/poppler-data", test_poppler_data);

  status = g_test_run ();

  g_free (corpus_dir);

  return status;
}
