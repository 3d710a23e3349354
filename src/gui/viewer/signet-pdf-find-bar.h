/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "signet-pdf-document.h"

G_BEGIN_DECLS

#define SIGNET_TYPE_PDF_FIND_BAR (signet_pdf_find_bar_get_type ())

G_DECLARE_FINAL_TYPE (SignetPdfFindBar, signet_pdf_find_bar, SIGNET, PDF_FIND_BAR, GtkWidget)

/* A search entry over a document, with "3 of 17", previous and next. It
 * searches on the document's text thread as the user types; the current
 * match starts at the first one on or after the start page. Enter and
 * Shift+Enter step forward and back, Escape emits "closed". */
GtkWidget  *signet_pdf_find_bar_new            (void);
void        signet_pdf_find_bar_set_document   (SignetPdfFindBar  *self,
                                                SignetPdfDocument *document);
void        signet_pdf_find_bar_set_start_page (SignetPdfFindBar  *self,
                                                guint              page);
const char *signet_pdf_find_bar_get_text       (SignetPdfFindBar  *self);
void        signet_pdf_find_bar_set_text       (SignetPdfFindBar  *self,
                                                const char        *text);
gboolean    signet_pdf_find_bar_get_searching  (SignetPdfFindBar  *self);
/* SignetPdfMatch in page order, or NULL without a finished search. */
GPtrArray  *signet_pdf_find_bar_get_matches    (SignetPdfFindBar  *self);
/* The index of the current match, -1 without one. */
int         signet_pdf_find_bar_get_current    (SignetPdfFindBar  *self);
void        signet_pdf_find_bar_next           (SignetPdfFindBar  *self);
void        signet_pdf_find_bar_previous       (SignetPdfFindBar  *self);

G_END_DECLS
