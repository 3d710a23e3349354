/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <poppler.h>

#include "signet-pdf-buffer-pool.h"
#include "signet-pdf-document.h"
#include "signet-pdf-text-recovery.h"
#include "signet-pdf-worker.h"

G_BEGIN_DECLS

typedef struct
{
  double width;
  double height;
} SignetPdfPageSize;

struct _SignetPdfDocument
{
  GObject            parent_instance;

  char              *title;
  guint              n_pages;
  /* What opened it, for copies written from the same file. */
  char              *password;
  /* Points, page rotation applied; read at open time so that the main
   * thread never has to ask poppler. */
  SignetPdfPageSize *page_sizes;

  /* Ownership runs one way: the document owns its two workers, each worker
   * owns the PopplerDocument of its thread and the PopplerPages it keeps,
   * and each page holds its PopplerDocument. Nothing in poppler points
   * back here, so dropping the last reference frees all of it. */
  SignetPdfWorker   *render_worker;
  SignetPdfWorker   *text_worker;
  /* Shared with the rendering thread and with every texture it made. */
  SignetPdfBufferPool *buffer_pool;
  /* Per page, 0 until its text was read, then its SignetPdfTextQuality
   * plus one; touched only on the text thread. A search needs to know
   * which pages to search in recovered text, and reading a page's text
   * costs about as much as searching it. */
  guint8            *text_qualities;
};

/* Opens @bytes and turns poppler's errors into SIGNET_PDF_ERROR ones. */
PopplerDocument *signet_pdf_open_poppler      (GBytes        *bytes,
                                               const char    *password,
                                               GError       **error);
/* Sets the message for a page poppler cannot load. */
void             signet_pdf_set_damaged_page  (GError       **error,
                                               guint          page);

G_END_DECLS
