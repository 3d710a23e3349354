/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "signet-pdf-find-bar.h"
#include "signet-pdf-page-view.h"
#include "signet-pdf-thumbnails.h"
#include "signet-pdf-viewer.h"

G_BEGIN_DECLS

/* Shared by signet-pdf-viewer.c and signet-pdf-viewer-actions.c. */

struct _SignetPdfViewer
{
  AdwBreakpointBin            parent_instance;

  AdwOverlaySplitView        *split_view;
  AdwHeaderBar               *header_bar;
  GtkBox                     *end_box;
  GtkBox                     *top_box;
  GtkStack                   *stack;
  GtkEntry                   *page_entry;
  GtkLabel                   *n_pages_label;
  GtkMenuButton              *zoom_button;
  GtkToggleButton            *find_button;
  SignetPdfThumbnails        *thumbnails;
  GtkRevealer                *find_revealer;
  AdwBanner                  *text_banner;
  SignetPdfFindBar           *find_bar;
  SignetPdfPageView          *page_view;
  AdwStatusPage              *password_page;
  GtkPasswordEntry           *password_entry;
  GtkLabel                   *password_error_label;
  GtkButton                  *unlock_button;
  AdwStatusPage              *error_page;

  GBytes                     *bytes;
  char                       *display_name;
  SignetPdfDocument          *document;
  GCancellable               *load_cancellable;
  GCancellable               *text_check_cancellable;
  gboolean                    show_thumbnails;

  SignetPdfViewerOverlayFunc  overlay_func;
  gpointer                    overlay_data;
  GDestroyNotify              overlay_destroy;
};

void        signet_pdf_viewer_install_actions  (GtkWidgetClass  *widget_class);
/* Enables the actions that make sense for what is shown. */
void        signet_pdf_viewer_update_actions   (SignetPdfViewer *self);
GMenuModel *signet_pdf_viewer_create_zoom_menu (void);
char       *signet_pdf_viewer_format_zoom      (double           zoom);

G_END_DECLS
