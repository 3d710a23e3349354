/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "pdf-test-utils.h"

void
pdf_test_result_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  GAsyncResult **out = user_data;

  g_assert_null (*out);
  *out = g_object_ref (result);
}

void
pdf_test_wait (GAsyncResult **result)
{
  while (*result == NULL)
    g_main_context_iteration (NULL, TRUE);
}

void
pdf_test_drain_main_context (void)
{
  /* Worker threads post their last idles right after returning a task. */
  for (guint i = 0; i < 20; i++)
    {
      while (g_main_context_iteration (NULL, FALSE))
        ;
      g_usleep (1000);
    }
}

GdkTexture *
pdf_test_render (SignetPdfDocument  *document,
                 guint               page,
                 double              scale,
                 int                 rotation,
                 GError            **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  signet_pdf_document_render_page_async (document, page, scale, rotation, G_PRIORITY_DEFAULT,
                                         NULL, pdf_test_result_cb, &result);
  pdf_test_wait (&result);

  return signet_pdf_document_render_page_finish (document, result, error);
}

GStrv
pdf_test_extract_text (SignetPdfDocument  *document,
                       GError            **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  signet_pdf_document_extract_text_async (document, G_PRIORITY_DEFAULT, NULL, NULL, NULL,
                                          NULL, pdf_test_result_cb, &result);
  pdf_test_wait (&result);

  return signet_pdf_document_extract_text_finish (document, result, error);
}

GPtrArray *
pdf_test_find_text (SignetPdfDocument  *document,
                    const char         *text,
                    GError            **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  signet_pdf_document_find_text_async (document, text, G_PRIORITY_DEFAULT, NULL, NULL, NULL,
                                       NULL, pdf_test_result_cb, &result);
  pdf_test_wait (&result);

  return signet_pdf_document_find_text_finish (document, result, error);
}

SignetPdfPageText *
pdf_test_get_page_text (SignetPdfDocument  *document,
                        guint               page,
                        GError            **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  signet_pdf_document_get_page_text_async (document, page, G_PRIORITY_DEFAULT,
                                           NULL, pdf_test_result_cb, &result);
  pdf_test_wait (&result);

  return signet_pdf_document_get_page_text_finish (document, result, error);
}
