/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "signet-pdf-document.h"

G_BEGIN_DECLS

/* An annotation that was already inside a PDF when it was opened: shown
 * (poppler draws it with the page) and listed, never edited. Links, form
 * fields, pop-up windows (they belong to another annotation) and hidden
 * annotations are not listed: none of them is a mark someone made. */

typedef enum
{
  SIGNET_PDF_ANNOT_HIGHLIGHT,
  SIGNET_PDF_ANNOT_UNDERLINE,
  SIGNET_PDF_ANNOT_STRIKE_OUT,
  SIGNET_PDF_ANNOT_SQUIGGLY,
  SIGNET_PDF_ANNOT_NOTE,
  SIGNET_PDF_ANNOT_SQUARE,
  SIGNET_PDF_ANNOT_CIRCLE,
  SIGNET_PDF_ANNOT_FREE_TEXT,
  SIGNET_PDF_ANNOT_INK,
  /* Lines, stamps, polygons, attachments, sounds ... */
  SIGNET_PDF_ANNOT_OTHER,
} SignetPdfAnnotKind;

typedef struct
{
  guint               page;
  SignetPdfAnnotKind  kind;
  /* Page coordinates (see signet-pdf-rect.h). @area is the annotation's
   * whole rectangle; @rects are the marked lines of a highlight, underline,
   * strike-out or squiggly, and @area alone for every other kind. */
  SignetPdfRect       area;
  guint               n_rects;
  SignetPdfRect      *rects;
  /* "#rrggbb", or NULL when the annotation has no colour. */
  char               *color;
  /* The author, called the label in PDF; NULL when there is none. */
  char               *author;
  char               *contents;
  /* The modification date as the PDF has it ("D:20151230152248+01'00'"),
   * and the same parsed, in UTC; either may be NULL. */
  char               *modified;
  GDateTime          *modified_time;
} SignetPdfAnnot;

#define SIGNET_TYPE_PDF_ANNOT (signet_pdf_annot_get_type ())

GType           signet_pdf_annot_get_type                   (void) G_GNUC_CONST;
SignetPdfAnnot *signet_pdf_annot_copy                       (const SignetPdfAnnot *annot);
void            signet_pdf_annot_free                       (SignetPdfAnnot       *annot);

/* Reads the annotations of every page on the document's text thread, a
 * page at a time. Returns a GPtrArray of SignetPdfAnnot in page order and,
 * within a page, in the order the PDF lists them. A page poppler cannot
 * load has none. */
void            signet_pdf_document_list_annotations_async  (SignetPdfDocument    *self,
                                                             GCancellable         *cancellable,
                                                             GAsyncReadyCallback   callback,
                                                             gpointer              user_data);
GPtrArray      *signet_pdf_document_list_annotations_finish (SignetPdfDocument    *self,
                                                             GAsyncResult         *result,
                                                             GError              **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SignetPdfAnnot, signet_pdf_annot_free)

G_END_DECLS
