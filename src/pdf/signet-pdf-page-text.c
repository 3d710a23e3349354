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

static gboolean
centre_in_rects (const SignetPdfRect *box,
                 const SignetPdfRect *rects,
                 guint                n_rects)
{
  double x = box->x + box->width / 2;
  double y = box->y + box->height / 2;

  for (guint i = 0; i < n_rects; i++)
    if (x >= rects[i].x && x <= rects[i].x + rects[i].width &&
        y >= rects[i].y && y <= rects[i].y + rects[i].height)
      return TRUE;

  return FALSE;
}

char *
signet_pdf_page_text_get_text_in_rects (const SignetPdfPageText *page_text,
                                        const SignetPdfRect     *rects,
                                        guint                    n_rects)
{
  g_autoptr(GString) text = g_string_new (NULL);
  gboolean space = FALSE;
  const char *p;

  g_return_val_if_fail (page_text != NULL, NULL);
  g_return_val_if_fail (rects != NULL || n_rects == 0, NULL);

  p = page_text->text;
  for (guint i = 0; i < page_text->n_chars; i++, p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!centre_in_rects (&page_text->char_rects[i], rects, n_rects))
        continue;

      if (g_unichar_isspace (c))
        {
          space = text->len > 0;
          continue;
        }

      if (space)
        g_string_append_c (text, ' ');
      g_string_append_unichar (text, c);
      space = FALSE;
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}
