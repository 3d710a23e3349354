/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "signet-annotation-layer.h"
#include "signet-attachment.h"
#include "signet-pdf-viewer.h"
#include "signet-store.h"

G_BEGIN_DECLS

#define SIGNET_TYPE_ATTACHMENT_WINDOW (signet_attachment_window_get_type ())

G_DECLARE_FINAL_TYPE (SignetAttachmentWindow, signet_attachment_window, SIGNET, ATTACHMENT_WINDOW, AdwWindow)

/* One version of a PDF attachment in the viewer, with the annotation
 * tools, the annotations side panel, "Export Annotated Copy…" and "Save
 * Original As…". The bytes are checked against their SHA-256 when they
 * are read; a file that fails (or cannot be read) shows why where the
 * pages would be. Annotations belong to the version, any version. */
GtkWidget              *signet_attachment_window_new          (GtkWindow              *parent,
                                                               SignetStore            *store,
                                                               SignetAttachment       *attachment,
                                                               gint64                  version_id);
/* Presents the window that already shows this version from @store, or
 * opens one; the window is owned by GTK. */
SignetAttachmentWindow *signet_attachment_window_open         (GtkWindow              *parent,
                                                               SignetStore            *store,
                                                               SignetAttachment       *attachment,
                                                               gint64                  version_id);

/* Selects the annotation @annotation_id and scrolls to it: at once when
 * the document is open, else as soon as it is. */
void                    signet_attachment_window_reveal_annotation (SignetAttachmentWindow *self,
                                                                    gint64                  annotation_id);

SignetStore            *signet_attachment_window_get_store    (SignetAttachmentWindow *self);
gint64                  signet_attachment_window_get_version_id (SignetAttachmentWindow *self);
SignetPdfViewer        *signet_attachment_window_get_viewer   (SignetAttachmentWindow *self);
SignetAnnotationLayer  *signet_attachment_window_get_layer    (SignetAttachmentWindow *self);

/* What "Export Annotated Copy…" does once the user chose @destination:
 * writes it in the background, "exporting" meanwhile, and says how it
 * went in a toast or an error dialog. */
void                    signet_attachment_window_export_annotated_copy (SignetAttachmentWindow *self,
                                                                        GFile                  *destination);
gboolean                signet_attachment_window_get_exporting (SignetAttachmentWindow *self);

G_END_DECLS
