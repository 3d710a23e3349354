/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "signet-pdf-document.h"

G_BEGIN_DECLS

/* Synchronous wrappers that spin the default main context, so tests read
 * top to bottom. */
GdkTexture        *pdf_test_render           (SignetPdfDocument *document,
                                              guint              page,
                                              double             scale,
                                              int                rotation,
                                              GError           **error);
GStrv              pdf_test_extract_text     (SignetPdfDocument *document,
                                              GError           **error);
GPtrArray         *pdf_test_find_text        (SignetPdfDocument *document,
                                              const char        *text,
                                              GError           **error);
SignetPdfPageText *pdf_test_get_page_text    (SignetPdfDocument *document,
                                              guint              page,
                                              GError           **error);
/* Spins the default main context until *@result is set. */
void               pdf_test_wait             (GAsyncResult     **result);
void               pdf_test_result_cb        (GObject           *source,
                                              GAsyncResult      *result,
                                              gpointer           user_data);
/* Lets queued idles (progress reports, released tasks) run. */
void               pdf_test_drain_main_context (void);

G_END_DECLS
