/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "signet-pdf-page-text"

#include "config.h"

#include "signet-pdf-page-text.h"

G_DEFINE_BOXED_TYPE (SignetPdfPageText, signet_pdf_page_text,
                     signet_pdf_page_text_copy, signet_pdf_page_text_free)

SignetPdfPageText *
signet_pdf_page_text_copy (const SignetPdfPageText *page_text)
{
  SignetPdfPageText *copy;

  g_return_val_if_fail (page_text != NULL, NULL);

  copy = g_new0 (SignetPdfPageText, 1);
  copy->page = page_text->page;
  copy->text = g_strdup (page_text->text);
  copy->n_chars = page_text->n_chars;
  copy->char_rects = g_memdup2 (page_text->char_rects, sizeof (SignetPdfRect) * page_text->n_chars);

  return copy;
}

void
signet_pdf_page_text_free (SignetPdfPageText *page_text)
{
  if (page_text == NULL)
    return;

  g_free (page_text->text);
  g_free (page_text->char_rects);
  g_free (page_text);
}
