/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "signet-pdf-rect.h"

G_BEGIN_DECLS

/* "Export annotated copy": a new PDF with the user's annotations written
 * into it as real PDF annotations, so that other viewers show them. The
 * original is never touched; the copy is an incremental update of it.
 *
 * Poppler gives the new annotations no appearance stream; viewers draw
 * highlights, underlines, strike-outs, notes and rectangles without one.
 * Poppler also stamps every annotation's modification date (/M) with the
 * time of the export and has no way to set another, so the copy carries
 * the time it was made rather than the time each note was last edited. */

typedef enum
{
  SIGNET_PDF_EXPORT_ANNOT_HIGHLIGHT,
  SIGNET_PDF_EXPORT_ANNOT_UNDERLINE,
  SIGNET_PDF_EXPORT_ANNOT_STRIKE_OUT,
  SIGNET_PDF_EXPORT_ANNOT_NOTE,
  SIGNET_PDF_EXPORT_ANNOT_RECTANGLE,
} SignetPdfExportAnnotKind;

/* Rectangles are page coordinates (see signet-pdf-rect.h): points, origin
 * at the top left of the page as it is seen, its /Rotate applied. A
 * highlight, underline or strike-out has one rectangle per marked line;
 * a note has one, the box of its icon (other viewers draw it 24 points
 * square at its top-left corner); a rectangle has one, the region whose
 * border is drawn. @color is "#rrggbb"; NULL or anything else gives
 * yellow. @author and @comment may be NULL. */
typedef struct
{
  SignetPdfExportAnnotKind  kind;
  guint                     page;
  guint                     n_rects;
  SignetPdfRect            *rects;
  char                     *color;
  char                     *author;
  char                     *comment;
} SignetPdfExportAnnot;

SignetPdfExportAnnot *signet_pdf_export_annot_new           (SignetPdfExportAnnotKind   kind,
                                                             guint                      page,
                                                             const SignetPdfRect       *rects,
                                                             guint                      n_rects,
                                                             const char                *color,
                                                             const char                *author,
                                                             const char                *comment);
void                  signet_pdf_export_annot_free          (SignetPdfExportAnnot      *annot);

/* Writes @original (never modified) with @annotations (SignetPdfExportAnnot)
 * to @destination, a local file, replacing it if it exists: the copy is
 * written to a hidden temporary file in the same folder, checked, and
 * renamed into place, so @destination is either untouched or complete.
 * @password opens an encrypted original; the copy keeps its encryption and
 * opens with the same password. Blocks: call it from a thread, or use the
 * _async variant. Errors are SIGNET_PDF_ERROR (the original cannot be
 * opened), G_IO_ERROR_CANCELLED, or G_IO_ERROR with a translated sentence. */
gboolean signet_pdf_write_annotated_copy        (GBytes               *original,
                                                 const char           *password,
                                                 GPtrArray            *annotations,
                                                 GFile                *destination,
                                                 GCancellable         *cancellable,
                                                 GError              **error);
/* Keeps references on @original and @annotations: neither the array nor
 * its items may change until @callback runs. */
void     signet_pdf_write_annotated_copy_async  (GBytes               *original,
                                                 const char           *password,
                                                 GPtrArray            *annotations,
                                                 GFile                *destination,
                                                 GCancellable         *cancellable,
                                                 GAsyncReadyCallback   callback,
                                                 gpointer              user_data);
gboolean signet_pdf_write_annotated_copy_finish (GAsyncResult         *result,
                                                 GError              **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SignetPdfExportAnnot, signet_pdf_export_annot_free)

G_END_DECLS
