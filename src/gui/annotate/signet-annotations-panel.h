/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "signet-annotation-layer.h"

G_BEGIN_DECLS

#define SIGNET_TYPE_ANNOTATIONS_PANEL (signet_annotations_panel_get_type ())

G_DECLARE_FINAL_TYPE (SignetAnnotationsPanel, signet_annotations_panel, SIGNET, ANNOTATIONS_PANEL, GtkWidget)

/* The side panel of an attachment window: the user's annotations on the
 * version by page (a click goes to one; the comment is edited in place;
 * colour and delete with Undo), and below them, read only, the annotations
 * the PDF itself carries. */
GtkWidget *signet_annotations_panel_new                  (void);

void       signet_annotations_panel_set_layer            (SignetAnnotationsPanel *self,
                                                          SignetAnnotationLayer  *layer);
/* @annotations: of SignetPdfAnnot, or NULL while they are being read or
 * when @error says why they could not be. */
void       signet_annotations_panel_set_file_annotations (SignetAnnotationsPanel *self,
                                                          GPtrArray              *annotations,
                                                          const GError           *error);
/* Puts the keyboard focus in the comment of the annotation. */
void       signet_annotations_panel_edit_comment         (SignetAnnotationsPanel *self,
                                                          gint64                  annotation_id);

G_END_DECLS
