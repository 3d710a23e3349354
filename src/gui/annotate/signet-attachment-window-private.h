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
  GtkLabel               *progress_label;
  AdwToastOverlay        *toast_overlay;
  GtkStack               *stack;
  AdwStatusPage          *error_page;
  AdwOverlaySplitView    *split_view;
  SignetPdfViewer        *viewer;
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
  /* The main menu's section naming what Undo brings back. */
  GMenu                  *undo_section;
  /* Set while a file dialog is open; it closes with the window. */
  GCancellable           *chooser_cancellable;
  /* Cancelled when the window goes; NULL from then on. */
  GCancellable           *cancellable;
  GCancellable           *export_cancellable;
  gboolean                show_panel;
  /* Whether the panel is beside the pages when the window is wide: it
   * is hidden while the window is narrow and comes back after. */
  gboolean                wide_show_panel;
  /* An annotation to show once the document is open (a record's clause
   * opened from the contract page); 0 for none. */
  gint64                  pending_reveal;
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
/* Connects the window's Undo (an annotation deleted) to win.undo and the menu. */
void     signet_attachment_window_init_undo        (SignetAttachmentWindow *self);

G_END_DECLS
