/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "signet-pdf-rect.h"

G_BEGIN_DECLS

/* One place where a search matched: a word that runs across a line break
 * covers more than one rectangle. Rectangles are in page coordinates. */
typedef struct
{
  guint          page;
  guint          n_rects;
  SignetPdfRect *rects;
} SignetPdfMatch;

#define SIGNET_TYPE_PDF_MATCH (signet_pdf_match_get_type ())

GType           signet_pdf_match_get_type (void) G_GNUC_CONST;
SignetPdfMatch *signet_pdf_match_new      (guint                 page,
                                           const SignetPdfRect  *rects,
                                           guint                 n_rects);
SignetPdfMatch *signet_pdf_match_copy     (const SignetPdfMatch *match);
void            signet_pdf_match_free     (SignetPdfMatch       *match);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SignetPdfMatch, signet_pdf_match_free)

G_END_DECLS
