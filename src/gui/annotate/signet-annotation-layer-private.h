/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "signet-annotation-layer.h"
#include "signet-pdf-page-view.h"

G_BEGIN_DECLS

/* Shared by signet-annotation-layer.c (the annotations as the store has
 * them, marking text, deleting), signet-annotation-layer-tools.c (the Note
 * and Rectangle tools and their gestures) and signet-annotation-layer-draw.c
 * (drawing and colours). */

struct _SignetAnnotationLayer
{
  GObject               parent_instance;

  SignetPdfViewer      *viewer;
  SignetPdfPageView    *page_view;
  SignetStore          *store;
  gint64                contract_id;
  gint64                version_id;
  GListStore           *annotations;

  SignetAnnotationTool  tool;
  char                 *color;
  gint64                selected;

  /* A tool's press or drag under way, in page coordinates. */
  gboolean              dragging;
  guint                 drag_page;
  double                drag_x1;
  double                drag_y1;
  double                drag_x2;
  double                drag_y2;

  GtkEventController   *drag_gesture;
  GtkEventController   *click_gesture;
};

/* signet-annotation-layer.c */

/* Adds an annotation in the current colour; NULL with the error shown to
 * the user. */
SignetAnnotation *signet_annotation_layer_add          (SignetAnnotationLayer      *self,
                                                        SignetAnnotationKind        kind,
                                                        guint                       page,
                                                        const SignetAnnotationRect *rects,
                                                        guint                       n_rects);
void              signet_annotation_layer_emit_added   (SignetAnnotationLayer      *self,
                                                        SignetAnnotation           *annotation);

/* signet-annotation-layer-tools.c */

/* Finds the viewer's page view and puts the tools' gestures on it. */
void              signet_annotation_layer_attach_tools (SignetAnnotationLayer      *self);
void              signet_annotation_layer_detach_tools (SignetAnnotationLayer      *self);
/* A crosshair while a tool is in hand. */
void              signet_annotation_layer_update_cursor (SignetAnnotationLayer     *self);

/* signet-annotation-layer-draw.c */

/* The viewer's overlay: draws the annotations of @page. */
void signet_annotation_layer_draw_page (SignetPdfViewer              *viewer,
                                        GtkSnapshot                  *snapshot,
                                        guint                         page,
                                        const SignetPdfPageTransform *transform,
                                        gpointer                      user_data);

G_END_DECLS
