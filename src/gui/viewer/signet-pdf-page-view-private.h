/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "signet-pdf-page-view.h"
#include "signet-pdf-texture-cache.h"

G_BEGIN_DECLS

/* The page view is split by concern: signet-pdf-page-view.c (layout,
 * zoom, scrolling, the public API), -render.c (rendering and drawing the
 * pages) and -selection.c (text selection). */

#define POINTS_TO_PIXELS (96.0 / 72.0)
/* About sixteen A4 pages at the width of a large screen. */
#define CACHE_BUDGET ((guint64) 128 * 1024 * 1024)

typedef struct
{
  /* Layout at the current zoom and rotation, in view pixels. */
  double        y;
  double        width;
  double        height;

  /* Held while the page is in or next to the view. */
  GdkTexture   *texture;
  double        texture_scale;
  int           texture_rotation;

  /* A render under way. */
  GCancellable *cancellable;
  double        pending_scale;
  int           pending_rotation;
  int           pending_priority;

  /* Why the page cannot be shown at error_scale, error_rotation. */
  char         *error;
  double        error_scale;
  int           error_rotation;
} PageSlot;

typedef struct
{
  SignetPdfPageText *text;
  gunichar          *chars;
} PageText;

/* One end of the selection: the point the user pressed or dragged to, and
 * the character boundary it stands for once the page's text is known. */
typedef struct
{
  guint  page;
  double x;
  double y;
  int    caret;  /* -1 until the page's text has arrived */
} SelectionEnd;

struct _SignetPdfPageView
{
  GtkWidget              parent_instance;

  GtkAdjustment         *hadjustment;
  GtkAdjustment         *vadjustment;
  guint                  hscroll_policy : 1;
  guint                  vscroll_policy : 1;

  SignetPdfDocument     *document;
  SignetPdfTextureCache *cache;
  guint                  n_pages;
  PageSlot              *slots;
  double                 max_page_width;   /* points, view rotation applied */
  double                 max_page_height;
  double                 content_width;
  double                 content_height;
  gboolean               layout_valid;

  SignetPdfZoomMode      zoom_mode;
  double                 zoom;
  int                    rotation;

  guint                  current_page;
  /* After go_to_page: the page asked for stays current while the view
   * has not moved, even where the view cannot bring it to the top (the
   * last pages). */
  guint                  pinned_page;
  double                 pinned_value;
  guint                  pending_page;     /* go_to_page before the first layout */
  gboolean               has_pending_page;

  /* Pages held and requested: the view plus one page either side. */
  guint                  range_first;
  guint                  range_last;
  gboolean               has_range;

  double                 pointer_x;
  double                 pointer_y;
  gboolean               pointer_inside;

  GPtrArray             *matches;
  guint                 *match_starts;     /* n_pages + 1 indexes into matches */
  int                    current_match;

  GHashTable            *texts;            /* page -> PageText */
  GHashTable            *text_requests;    /* pages whose text is being read */
  GCancellable          *text_cancellable;
  gboolean               has_selection;
  gboolean               notified_has_selection;
  gboolean               selecting;
  gboolean               dragged;
  SelectionEnd           anchor;
  SelectionEnd           focus;
  gboolean               copy_pending;
  double                 drag_start_x;
  double                 drag_start_y;
  double                 drag_x;           /* where the pointer is now */
  double                 drag_y;
  guint                  autoscroll_id;    /* tick callback */
  gint64                 autoscroll_time;  /* of the last frame, µs */

  /* Notifications raised while allocating wait for this idle. */
  gboolean               allocating;
  guint                  deferred_notify;   /* bits of property ids */
  guint                  deferred_notify_id;

  SignetPdfOverlayFunc   overlay_func;
  gpointer               overlay_data;
  GDestroyNotify         overlay_destroy;
};

static inline double
signet_pdf_page_view_view_scale (SignetPdfPageView *self)
{
  return self->zoom * POINTS_TO_PIXELS;
}

/* The same double for the same zoom, as the texture cache compares
 * scales exactly. */
static inline double
signet_pdf_page_view_render_scale (SignetPdfPageView *self)
{
  return signet_pdf_page_view_view_scale (self) * gtk_widget_get_scale_factor (GTK_WIDGET (self));
}

static inline double
signet_pdf_page_view_hvalue (SignetPdfPageView *self)
{
  return self->hadjustment != NULL ? gtk_adjustment_get_value (self->hadjustment) : 0.0;
}

static inline double
signet_pdf_page_view_vvalue (SignetPdfPageView *self)
{
  return self->vadjustment != NULL ? gtk_adjustment_get_value (self->vadjustment) : 0.0;
}

/* signet-pdf-page-view.c */
void     signet_pdf_page_view_visible_range      (SignetPdfPageView      *self,
                                                  guint                  *first,
                                                  guint                  *last);
void     signet_pdf_page_view_get_transform      (SignetPdfPageView      *self,
                                                  guint                   page,
                                                  SignetPdfPageTransform *transform);
double   signet_pdf_page_view_page_x             (SignetPdfPageView      *self,
                                                  guint                   page);
/* The page at @doc_y (document pixels); a gap belongs to the page above. */
guint    signet_pdf_page_view_page_at_y          (SignetPdfPageView      *self,
                                                  double                  doc_y);
/* @clamp: a point off the pages goes to the nearest edge of the nearest
 * page instead of returning FALSE. */
gboolean signet_pdf_page_view_point_to_page      (SignetPdfPageView      *self,
                                                  double                  x,
                                                  double                  y,
                                                  gboolean                clamp,
                                                  guint                  *page,
                                                  double                 *page_x,
                                                  double                 *page_y);

/* Notifies has-selection when it changed, emits selection-changed and
 * redraws. */
void     signet_pdf_page_view_selection_changed  (SignetPdfPageView      *self);

/* signet-pdf-page-view-render.c */
void     signet_pdf_page_view_clear_slot         (PageSlot               *slot);
void     signet_pdf_page_view_update_renders     (SignetPdfPageView      *self);
void     signet_pdf_page_view_snapshot           (GtkWidget              *widget,
                                                  GtkSnapshot            *snapshot);

/* signet-pdf-page-view-selection.c */
void     signet_pdf_page_view_init_selection     (SignetPdfPageView      *self);
void     signet_pdf_page_view_reset_text         (SignetPdfPageView      *self);
void     signet_pdf_page_view_snapshot_selection (SignetPdfPageView      *self,
                                                  GtkSnapshot            *snapshot,
                                                  const SignetPdfPageTransform *transform);

G_END_DECLS
