/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "signet-annotation.h"
#include "signet-pdf-viewer.h"
#include "signet-store.h"

G_BEGIN_DECLS

typedef enum
{
  SIGNET_ANNOTATION_TOOL_NONE,
  SIGNET_ANNOTATION_TOOL_NOTE,       /* a click puts a sticky note there */
  SIGNET_ANNOTATION_TOOL_RECTANGLE,  /* a drag marks a region */
} SignetAnnotationTool;

/* The box of a sticky note on the page, in points: other viewers draw the
 * icon of an exported note at this size too. */
#define SIGNET_ANNOTATION_NOTE_SIZE 24.0

/* The colours the tools offer, "#rrggbb". */
typedef struct
{
  const char *color;
  const char *name;  /* untranslated; show it with _() */
} SignetAnnotationColor;

const SignetAnnotationColor *signet_annotation_colors         (guint       *n_colors);
/* The translated name of a preset colour, or NULL for another one. */
const char                  *signet_annotation_color_get_name (const char  *color);
/* A small round sample of @color, for buttons and rows. */
GtkWidget                   *signet_annotation_swatch_new     (const char  *color);
void                         signet_annotation_swatch_set_color (GtkWidget *swatch,
                                                                const char *color);
/* A row of buttons, one per preset colour, for a popover: each activates
 * @action_name with its colour ("s"; toggle buttons that follow the
 * action's state), or with (@annotation_id, colour) ("(xs)") when
 * @annotation_id is not 0, and closes the popover. */
GtkWidget                   *signet_annotation_color_buttons_new (const char *action_name,
                                                                 gint64      annotation_id);

#define SIGNET_TYPE_ANNOTATION_LAYER (signet_annotation_layer_get_type ())

G_DECLARE_FINAL_TYPE (SignetAnnotationLayer, signet_annotation_layer, SIGNET, ANNOTATION_LAYER, GObject)

/* The user's annotations on one attachment version, over the pages of
 * @viewer: it keeps them as the store has them, draws them, and turns the
 * tools' clicks and drags on the pages into new ones. Errors are shown to
 * the user over the viewer's window. Emits "annotation-added"
 * (SignetAnnotation *) after the user made one. */
SignetAnnotationLayer *signet_annotation_layer_new              (SignetPdfViewer       *viewer,
                                                                 SignetStore           *store,
                                                                 gint64                 contract_id,
                                                                 gint64                 version_id);

SignetPdfViewer       *signet_annotation_layer_get_viewer       (SignetAnnotationLayer *self);
SignetStore           *signet_annotation_layer_get_store        (SignetAnnotationLayer *self);
gint64                 signet_annotation_layer_get_version_id   (SignetAnnotationLayer *self);
/* Of SignetAnnotation, in the store's order (by page); follows the store. */
GListModel            *signet_annotation_layer_get_annotations  (SignetAnnotationLayer *self);
/* The annotation with @annotation_id, or NULL; owned by the layer and
 * valid until the store changes. */
SignetAnnotation      *signet_annotation_layer_lookup           (SignetAnnotationLayer *self,
                                                                 gint64                 annotation_id);

SignetAnnotationTool   signet_annotation_layer_get_tool         (SignetAnnotationLayer *self);
void                   signet_annotation_layer_set_tool         (SignetAnnotationLayer *self,
                                                                 SignetAnnotationTool   tool);
/* "#rrggbb": the colour new annotations get. */
void                   signet_annotation_layer_set_color        (SignetAnnotationLayer *self,
                                                                 const char            *color);
/* The id of the annotation outlined on the page, 0 for none. */
gint64                 signet_annotation_layer_get_selected     (SignetAnnotationLayer *self);
void                   signet_annotation_layer_set_selected     (SignetAnnotationLayer *self,
                                                                 gint64                 annotation_id);
/* Selects the annotation and scrolls its page into view. */
void                   signet_annotation_layer_reveal           (SignetAnnotationLayer *self,
                                                                 gint64                 annotation_id);

/* Highlights, underlines or strikes out the text selected in the viewer:
 * one annotation per page it covers. Returns them (of SignetAnnotation),
 * or NULL with the error also shown to the user. */
GPtrArray             *signet_annotation_layer_mark_selection   (SignetAnnotationLayer *self,
                                                                 SignetAnnotationKind   kind);

/* What the tools do with the pointer, in coordinates of the viewer; the
 * viewer's gestures call these. begin returns FALSE when no tool is
 * active or the point is off the pages (the press is then left to text
 * selection); end returns the annotation made, or NULL. */
gboolean               signet_annotation_layer_begin_tool       (SignetAnnotationLayer *self,
                                                                 double                 x,
                                                                 double                 y);
void                   signet_annotation_layer_update_tool      (SignetAnnotationLayer *self,
                                                                 double                 x,
                                                                 double                 y);
SignetAnnotation      *signet_annotation_layer_end_tool         (SignetAnnotationLayer *self,
                                                                 double                 x,
                                                                 double                 y);
/* The topmost annotation at @x, @y (viewer coordinates), or NULL; owned
 * by the layer like those of lookup(). */
SignetAnnotation      *signet_annotation_layer_get_annotation_at (SignetAnnotationLayer *self,
                                                                 double                 x,
                                                                 double                 y);

/* Deletes the annotation and offers Undo in a toast. */
void                   signet_annotation_layer_delete           (SignetAnnotationLayer *self,
                                                                 gint64                 annotation_id);

G_END_DECLS
