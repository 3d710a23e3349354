/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "signet-pdf-rect.h"

G_BEGIN_DECLS

/* The text of one page with the box of every character, for selecting and
 * copying text without asking poppler on the main thread: char_rects[i] is
 * the box of the i-th character (not byte) of @text, in page coordinates.
 * Line breaks and the spaces poppler puts between words have boxes too. */
typedef struct
{
  guint          page;
  char          *text;
  guint          n_chars;
  SignetPdfRect *char_rects;
} SignetPdfPageText;

#define SIGNET_TYPE_PDF_PAGE_TEXT (signet_pdf_page_text_get_type ())

GType              signet_pdf_page_text_get_type (void) G_GNUC_CONST;
SignetPdfPageText *signet_pdf_page_text_copy     (const SignetPdfPageText *page_text);
void               signet_pdf_page_text_free     (SignetPdfPageText       *page_text);
/* The characters whose boxes' centres lie in one of @rects (page
 * coordinates), in reading order, line breaks and runs of spaces made one
 * space; "" when there are none. What a highlight covers. */
char              *signet_pdf_page_text_get_text_in_rects (const SignetPdfPageText *page_text,
                                                           const SignetPdfRect     *rects,
                                                           guint                    n_rects);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SignetPdfPageText, signet_pdf_page_text_free)

G_END_DECLS
