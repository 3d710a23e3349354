/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "signet-annotations-panel.h"
#include "signet-attachment-window.h"

G_BEGIN_DECLS

/* Shared by signet-attachment-window.c (loading, layout, the layer and the
 * panel) and signet-attachment-window-actions.c (what the actions do). */

struct _SignetAttachmentWindow
{
  AdwWindow               parent_instance;

  AdwWindowTitle         *window_title;
  GtkToggleButton        *note_button;
  GtkToggleButton        *rectangle_button;
  GtkMenuButton          *color_button;
  GtkRevealer            *progress_revealer;
  GtkSpinner             *progress_spinner;
  GtkLabel               *progress_label;
  AdwToastOverlay        *toast_overlay;
  GtkStack               *stack;
  AdwStatusPage          *error_page;
  SignetPdfViewer        *viewer;
  GtkRevealer            *panel_revealer;
  SignetAnnotationsPanel *panel;
  GtkWidget              *color_swatch;

  SignetStore            *store;
  SignetAttachment       *attachment;
  gint64                  version_id;
  char                   *file_name;
  /* The colour new annotations get, "#rrggbb". */
  char                   *color;
  /* As read from the store, checked against their SHA-256. */
  GBytes                 *bytes;
  SignetAnnotationLayer  *layer;
  GtkFileChooserNative   *chooser;
  /* Cancelled when the window goes; NULL from then on. */
  GCancellable           *cancellable;
  GCancellable           *export_cancellable;
  gboolean                show_panel;
};

/* signet-attachment-window.c */

/* Notifies "exporting" and updates the actions after an export started or
 * ended. */
void     signet_attachment_window_exporting_changed (SignetAttachmentWindow *self);

/* signet-attachment-window-actions.c */

gboolean signet_attachment_window_has_document     (SignetAttachmentWindow *self);
/* The line with a spinner under the header bar; NULL hides it. */
void     signet_attachment_window_show_progress    (SignetAttachmentWindow *self,
                                                    const char             *text);
/* Enables the actions that make sense for what is shown. */
void     signet_attachment_window_update_actions   (SignetAttachmentWindow *self);
void     signet_attachment_window_install_actions  (GtkWidgetClass         *widget_class);

G_END_DECLS
