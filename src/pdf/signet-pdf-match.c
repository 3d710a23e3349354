/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "signet-pdf-match"

#include "config.h"

#include "signet-pdf-match.h"

G_DEFINE_BOXED_TYPE (SignetPdfMatch, signet_pdf_match, signet_pdf_match_copy, signet_pdf_match_free)

SignetPdfMatch *
signet_pdf_match_new (guint                page,
                      const SignetPdfRect *rects,
                      guint                n_rects)
{
  SignetPdfMatch *match;

  g_return_val_if_fail (rects != NULL || n_rects == 0, NULL);

  match = g_new0 (SignetPdfMatch, 1);
  match->page = page;
  match->n_rects = n_rects;
  match->rects = g_memdup2 (rects, sizeof (SignetPdfRect) * n_rects);

  return match;
}

SignetPdfMatch *
signet_pdf_match_copy (const SignetPdfMatch *match)
{
  g_return_val_if_fail (match != NULL, NULL);

  return signet_pdf_match_new (match->page, match->rects, match->n_rects);
}

void
signet_pdf_match_free (SignetPdfMatch *match)
{
  if (match == NULL)
    return;

  g_free (match->rects);
  g_free (match);
}
