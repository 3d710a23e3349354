/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "signet-pdf-page-view"

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "signet-pdf-page-view-private.h"
#include "signet-pdf-texture-cache.h"

/* Gaps around and between the pages, in view pixels. */
#define VIEW_MARGIN 16.0
#define PAGE_SPACING 12.0
#define SCROLL_STEP 48.0
/* One notch of the wheel with Ctrl held. */
#define WHEEL_ZOOM_FACTOR 1.2
/* Zooming in from a fitted zoom goes at least this far, not to the level
 * that happens to be a hair above it. */
#define ZOOM_STEP_MIN 1.05
/* Touchpads scroll in pixels: this many make one notch. */
#define PIXELS_PER_NOTCH 20.0

/* The point of a page under a point of the view, for keeping it there
 * while the layout changes under it. */
typedef struct
{
  guint  page;
  double fraction_x;
  double fraction_y;
  double view_x;
  double view_y;
} Anchor;

static void signet_pdf_page_view_scrollable_init (GtkScrollableInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (SignetPdfPageView, signet_pdf_page_view, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_SCROLLABLE,
                                                      signet_pdf_page_view_scrollable_init))

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_ZOOM,
  PROP_ROTATION,
  PROP_CURRENT_PAGE,
  PROP_HAS_SELECTION,
  N_PROPS,

  /* GtkScrollable */
  PROP_HADJUSTMENT = N_PROPS,
  PROP_VADJUSTMENT,
  PROP_HSCROLL_POLICY,
  PROP_VSCROLL_POLICY,
};

static GParamSpec *properties[N_PROPS];

enum {
  SIGNAL_SELECTION_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const double zoom_levels[] = {
  0.1, 0.25, 0.33, 0.5, 0.67, 0.75, 0.8, 0.9, 1.0,
  1.1, 1.25, 1.5, 1.75, 2.0, 2.5, 3.0, 4.0,
};

static void
clear_document (SignetPdfPageView *self)
{
  for (guint i = 0; i < self->n_pages; i++)
    {
      signet_pdf_page_view_clear_slot (&self->slots[i]);
      g_free (self->slots[i].error);
    }
  g_clear_pointer (&self->slots, g_free);
  self->n_pages = 0;
  self->has_range = FALSE;
  self->layout_valid = FALSE;
  self->has_pending_page = FALSE;
  self->pinned_page = G_MAXUINT;
  self->content_width = 0;
  self->content_height = 0;

  g_clear_pointer (&self->matches, g_ptr_array_unref);
  g_clear_pointer (&self->match_starts, g_free);
  self->current_match = -1;

  signet_pdf_page_view_reset_text (self);

  if (self->cache != NULL)
    signet_pdf_texture_cache_clear (self->cache);

  g_clear_object (&self->document);
}

static void
measure_pages (SignetPdfPageView *self)
{
  self->max_page_width = 1;
  self->max_page_height = 1;

  for (guint i = 0; i < self->n_pages; i++)
    {
      double width, height;

      signet_pdf_document_get_page_size (self->document, i, self->rotation, &width, &height);
      self->max_page_width = MAX (self->max_page_width, width);
      self->max_page_height = MAX (self->max_page_height, height);
    }
}

static void
compute_layout (SignetPdfPageView *self)
{
  double scale = signet_pdf_page_view_view_scale (self);
  double y = VIEW_MARGIN;
  double widest = 0;

  for (guint i = 0; i < self->n_pages; i++)
    {
      PageSlot *slot = &self->slots[i];
      int width, height;

      signet_pdf_document_get_page_pixel_size (self->document, i, scale, self->rotation,
                                               &width, &height);
      slot->y = y;
      slot->width = width;
      slot->height = height;
      y += height + PAGE_SPACING;
      widest = MAX (widest, width);
    }

  self->content_height = y - PAGE_SPACING + VIEW_MARGIN;
  self->content_width = widest + 2 * VIEW_MARGIN;
  self->layout_valid = TRUE;
}

static double
fit_zoom (SignetPdfPageView *self)
{
  double width = gtk_widget_get_width (GTK_WIDGET (self)) - 2 * VIEW_MARGIN;
  double height = gtk_widget_get_height (GTK_WIDGET (self)) - 2 * VIEW_MARGIN;
  double zoom;

  if (width <= 0 || height <= 0)
    return self->zoom;

  zoom = width / (self->max_page_width * POINTS_TO_PIXELS);
  if (self->zoom_mode == SIGNET_PDF_ZOOM_FIT_PAGE)
    zoom = MIN (zoom, height / (self->max_page_height * POINTS_TO_PIXELS));

  return CLAMP (zoom, SIGNET_PDF_MIN_ZOOM, SIGNET_PDF_MAX_ZOOM);
}

static void
capture_anchor (SignetPdfPageView *self,
                double             view_x,
                double             view_y,
                Anchor            *anchor)
{
  double doc_x = signet_pdf_page_view_hvalue (self) + view_x;
  double doc_y = signet_pdf_page_view_vvalue (self) + view_y;
  PageSlot *slot;

  anchor->page = signet_pdf_page_view_page_at_y (self, doc_y);
  slot = &self->slots[anchor->page];
  anchor->fraction_x = (doc_x - signet_pdf_page_view_page_x (self, anchor->page)) / slot->width;
  anchor->fraction_y = (doc_y - slot->y) / slot->height;
  anchor->view_x = view_x;
  anchor->view_y = view_y;
}

static void
anchor_values (SignetPdfPageView *self,
               const Anchor      *anchor,
               double            *x,
               double            *y)
{
  PageSlot *slot = &self->slots[anchor->page];

  *x = signet_pdf_page_view_page_x (self, anchor->page) + anchor->fraction_x * slot->width - anchor->view_x;
  *y = slot->y + anchor->fraction_y * slot->height - anchor->view_y;
}

static void
configure_adjustments (SignetPdfPageView *self,
                       double             x,
                       double             y)
{
  double width = gtk_widget_get_width (GTK_WIDGET (self));
  double height = gtk_widget_get_height (GTK_WIDGET (self));

  if (self->hadjustment != NULL)
    gtk_adjustment_configure (self->hadjustment,
                              CLAMP (x, 0, MAX (0, self->content_width - width)),
                              0, MAX (self->content_width, width),
                              SCROLL_STEP, width * 0.9, width);

  if (self->vadjustment != NULL)
    gtk_adjustment_configure (self->vadjustment,
                              CLAMP (y, 0, MAX (0, self->content_height - height)),
                              0, MAX (self->content_height, height),
                              SCROLL_STEP, height * 0.9, height);
}

void
signet_pdf_page_view_visible_range (SignetPdfPageView *self,
               guint             *first,
               guint             *last)
{
  double top = signet_pdf_page_view_vvalue (self);
  double height = MAX (1, gtk_widget_get_height (GTK_WIDGET (self)));

  *first = signet_pdf_page_view_page_at_y (self, top);
  *last = signet_pdf_page_view_page_at_y (self, top + height - 1);
}

static gboolean
deferred_notify_cb (gpointer user_data)
{
  SignetPdfPageView *self = user_data;
  guint deferred = self->deferred_notify;

  self->deferred_notify_id = 0;
  self->deferred_notify = 0;

  for (guint prop_id = 1; prop_id < N_PROPS; prop_id++)
    if (deferred & (1u << prop_id))
      g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);

  return G_SOURCE_REMOVE;
}

/* A zoom that fits a new width changes the zoom label and the page entry
 * next to the view; resizing them in the middle of the layout would leave
 * them without an allocation for this frame, so what changes while
 * allocating is announced right after it. */
static void
notify_property (SignetPdfPageView *self,
                 guint              prop_id)
{
  if (!self->allocating)
    {
      g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
      return;
    }

  self->deferred_notify |= 1u << prop_id;
  if (self->deferred_notify_id == 0)
    self->deferred_notify_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE, deferred_notify_cb, self, NULL);
}

static void
set_current_page (SignetPdfPageView *self,
                  guint              page)
{
  if (self->current_page == page)
    return;

  self->current_page = page;
  notify_property (self, PROP_CURRENT_PAGE);
}

/* The current page is the one that fills most of the view. */
static void
update_current_page (SignetPdfPageView *self)
{
  double top = signet_pdf_page_view_vvalue (self);
  double bottom = top + gtk_widget_get_height (GTK_WIDGET (self));
  double best_visible = -1;
  guint first, last, best;

  if (!self->layout_valid)
    return;

  if (self->pinned_page != G_MAXUINT)
    {
      if (fabs (top - self->pinned_value) < 0.5)
        {
          set_current_page (self, self->pinned_page);
          return;
        }
      self->pinned_page = G_MAXUINT;
    }

  signet_pdf_page_view_visible_range (self, &first, &last);
  best = first;
  for (guint i = first; i <= last; i++)
    {
      PageSlot *slot = &self->slots[i];
      double visible = MIN (slot->y + slot->height, bottom) - MAX (slot->y, top);

      if (visible > best_visible + 0.5)
        {
          best = i;
          best_visible = visible;
        }
    }

  set_current_page (self, best);
}

static void
update_view (SignetPdfPageView *self)
{
  signet_pdf_page_view_update_renders (self);
  update_current_page (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Lays the pages out again after a change of zoom or rotation, keeping
 * @anchor (if any) where it was on screen. */
static void
relayout (SignetPdfPageView *self,
          const Anchor      *anchor)
{
  double x = signet_pdf_page_view_hvalue (self);
  double y = signet_pdf_page_view_vvalue (self);

  compute_layout (self);
  if (anchor != NULL)
    anchor_values (self, anchor, &x, &y);

  self->pinned_page = G_MAXUINT;
  configure_adjustments (self, x, y);
  update_view (self);
}

static void
set_zoom (SignetPdfPageView *self,
          double             zoom)
{
  if (self->zoom == zoom)
    return;

  self->zoom = zoom;
  notify_property (self, PROP_ZOOM);
}

static void
scroll_to (SignetPdfPageView *self,
           double             x,
           double             y)
{
  if (self->hadjustment != NULL)
    gtk_adjustment_set_value (self->hadjustment, x);
  if (self->vadjustment != NULL)
    gtk_adjustment_set_value (self->vadjustment, y);
}

static void
adjustment_value_changed_cb (SignetPdfPageView *self,
                             GtkAdjustment     *adjustment)
{
  update_view (self);
}

static void
set_adjustment (SignetPdfPageView  *self,
                GtkAdjustment     **slot,
                GtkAdjustment      *adjustment)
{
  if (*slot == adjustment)
    return;

  if (*slot != NULL)
    {
      g_signal_handlers_disconnect_by_func (*slot, adjustment_value_changed_cb, self);
      g_clear_object (slot);
    }

  if (adjustment != NULL)
    {
      *slot = g_object_ref_sink (adjustment);
      g_signal_connect_object (adjustment, "value-changed",
                               G_CALLBACK (adjustment_value_changed_cb), self,
                               G_CONNECT_SWAPPED);
    }

  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

static gboolean
scrolled_cb (GtkEventControllerScroll *controller,
             double                    dx,
             double                    dy,
             gpointer                  user_data)
{
  SignetPdfPageView *self = user_data;
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (controller));
  double notches;

  if ((state & GDK_CONTROL_MASK) == 0 || !self->layout_valid)
    return FALSE;

  if (gtk_event_controller_scroll_get_unit (controller) == GDK_SCROLL_UNIT_WHEEL)
    notches = dy;
  else
    notches = dy / PIXELS_PER_NOTCH;

  signet_pdf_page_view_set_zoom_at (self, self->zoom * pow (WHEEL_ZOOM_FACTOR, -notches),
                                    self->pointer_inside ? self->pointer_x : -1,
                                    self->pointer_inside ? self->pointer_y : -1);

  return TRUE;
}

static void
pointer_moved_cb (GtkEventControllerMotion *controller,
                  double                    x,
                  double                    y,
                  gpointer                  user_data)
{
  SignetPdfPageView *self = user_data;

  self->pointer_x = x;
  self->pointer_y = y;
  self->pointer_inside = TRUE;
}

static void
pointer_left_cb (GtkEventControllerMotion *controller,
                 gpointer                  user_data)
{
  SignetPdfPageView *self = user_data;

  self->pointer_inside = FALSE;
}

static gboolean
scroll_binding_cb (GtkWidget *widget,
                   GVariant  *args,
                   gpointer   user_data)
{
  SignetPdfPageView *self = SIGNET_PDF_PAGE_VIEW (widget);
  double x = signet_pdf_page_view_hvalue (self);
  double y = signet_pdf_page_view_vvalue (self);
  double page = self->vadjustment != NULL ? gtk_adjustment_get_page_increment (self->vadjustment) : 0;

  switch ((GtkScrollType) g_variant_get_int32 (args))
    {
    case GTK_SCROLL_STEP_UP:
      y -= SCROLL_STEP;
      break;
    case GTK_SCROLL_STEP_DOWN:
      y += SCROLL_STEP;
      break;
    case GTK_SCROLL_STEP_LEFT:
      x -= SCROLL_STEP;
      break;
    case GTK_SCROLL_STEP_RIGHT:
      x += SCROLL_STEP;
      break;
    case GTK_SCROLL_PAGE_UP:
      y -= page;
      break;
    case GTK_SCROLL_PAGE_DOWN:
      y += page;
      break;
    case GTK_SCROLL_START:
      y = 0;
      break;
    case GTK_SCROLL_END:
      y = self->content_height;
      break;
    default:
      return FALSE;
    }

  scroll_to (self, x, y);

  return TRUE;
}

static void
signet_pdf_page_view_size_allocate (GtkWidget *widget,
                                    int        width,
                                    int        height,
                                    int        baseline)
{
  SignetPdfPageView *self = SIGNET_PDF_PAGE_VIEW (widget);
  gboolean first_layout = !self->layout_valid;
  double x = signet_pdf_page_view_hvalue (self);
  double y = signet_pdf_page_view_vvalue (self);
  Anchor anchor;

  if (self->document == NULL)
    {
      configure_adjustments (self, 0, 0);
      return;
    }

  self->allocating = TRUE;

  if (!first_layout)
    capture_anchor (self, 0, 0, &anchor);

  if (self->zoom_mode != SIGNET_PDF_ZOOM_FREE)
    {
      double zoom = fit_zoom (self);

      if (zoom != self->zoom)
        {
          set_zoom (self, zoom);
          self->layout_valid = FALSE;
        }
    }

  if (!self->layout_valid)
    {
      compute_layout (self);
      if (first_layout)
        x = y = 0;
      else
        anchor_values (self, &anchor, &x, &y);
      self->pinned_page = G_MAXUINT;
    }

  configure_adjustments (self, x, y);

  if (self->has_pending_page)
    {
      self->has_pending_page = FALSE;
      signet_pdf_page_view_go_to_page (self, self->pending_page);
    }

  update_view (self);
  self->allocating = FALSE;
}

static void
signet_pdf_page_view_measure (GtkWidget      *widget,
                              GtkOrientation  orientation,
                              int             for_size,
                              int            *minimum,
                              int            *natural,
                              int            *minimum_baseline,
                              int            *natural_baseline)
{
  /* The scrolled window around decides the size; the pages fit it. */
  *minimum = 0;
  *natural = 400;
}

static void
signet_pdf_page_view_dispose (GObject *object)
{
  SignetPdfPageView *self = (SignetPdfPageView *) object;

  g_clear_handle_id (&self->deferred_notify_id, g_source_remove);

  clear_document (self);
  g_clear_object (&self->cache);
  g_clear_object (&self->text_cancellable);

  if (self->overlay_destroy != NULL)
    self->overlay_destroy (self->overlay_data);
  self->overlay_func = NULL;
  self->overlay_data = NULL;
  self->overlay_destroy = NULL;

  set_adjustment (self, &self->hadjustment, NULL);
  set_adjustment (self, &self->vadjustment, NULL);

  G_OBJECT_CLASS (signet_pdf_page_view_parent_class)->dispose (object);
}

static void
signet_pdf_page_view_finalize (GObject *object)
{
  SignetPdfPageView *self = (SignetPdfPageView *) object;

  g_clear_pointer (&self->texts, g_hash_table_unref);
  g_clear_pointer (&self->text_requests, g_hash_table_unref);

  G_OBJECT_CLASS (signet_pdf_page_view_parent_class)->finalize (object);
}

static void
signet_pdf_page_view_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  SignetPdfPageView *self = SIGNET_PDF_PAGE_VIEW (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;

    case PROP_ZOOM:
      g_value_set_double (value, self->zoom);
      break;

    case PROP_ROTATION:
      g_value_set_int (value, self->rotation);
      break;

    case PROP_CURRENT_PAGE:
      g_value_set_uint (value, self->current_page);
      break;

    case PROP_HAS_SELECTION:
      g_value_set_boolean (value, signet_pdf_page_view_get_has_selection (self));
      break;

    case PROP_HADJUSTMENT:
      g_value_set_object (value, self->hadjustment);
      break;

    case PROP_VADJUSTMENT:
      g_value_set_object (value, self->vadjustment);
      break;

    case PROP_HSCROLL_POLICY:
      g_value_set_enum (value, self->hscroll_policy);
      break;

    case PROP_VSCROLL_POLICY:
      g_value_set_enum (value, self->vscroll_policy);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
signet_pdf_page_view_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  SignetPdfPageView *self = SIGNET_PDF_PAGE_VIEW (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      signet_pdf_page_view_set_document (self, g_value_get_object (value));
      break;

    case PROP_ROTATION:
      signet_pdf_page_view_set_rotation (self, g_value_get_int (value));
      break;

    case PROP_HADJUSTMENT:
      set_adjustment (self, &self->hadjustment, g_value_get_object (value));
      break;

    case PROP_VADJUSTMENT:
      set_adjustment (self, &self->vadjustment, g_value_get_object (value));
      break;

    case PROP_HSCROLL_POLICY:
      if (self->hscroll_policy != (guint) g_value_get_enum (value))
        {
          self->hscroll_policy = g_value_get_enum (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;

    case PROP_VSCROLL_POLICY:
      if (self->vscroll_policy != (guint) g_value_get_enum (value))
        {
          self->vscroll_policy = g_value_get_enum (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
signet_pdf_page_view_scrollable_init (GtkScrollableInterface *iface)
{
}

static void
add_scroll_binding (GtkWidgetClass *widget_class,
                    guint           keyval,
                    GdkModifierType modifiers,
                    GtkScrollType   scroll)
{
  gtk_widget_class_add_binding (widget_class, keyval, modifiers, scroll_binding_cb, "i", scroll);
}

static void
signet_pdf_page_view_class_init (SignetPdfPageViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = signet_pdf_page_view_dispose;
  object_class->finalize = signet_pdf_page_view_finalize;
  object_class->get_property = signet_pdf_page_view_get_property;
  object_class->set_property = signet_pdf_page_view_set_property;

  widget_class->size_allocate = signet_pdf_page_view_size_allocate;
  widget_class->measure = signet_pdf_page_view_measure;
  widget_class->snapshot = signet_pdf_page_view_snapshot;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL,
                         SIGNET_TYPE_PDF_DOCUMENT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_ZOOM] =
    g_param_spec_double ("zoom", NULL, NULL,
                         SIGNET_PDF_MIN_ZOOM, SIGNET_PDF_MAX_ZOOM, 1.0,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_ROTATION] =
    g_param_spec_int ("rotation", NULL, NULL,
                      0, 270, 0,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_CURRENT_PAGE] =
    g_param_spec_uint ("current-page", NULL, NULL,
                       0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_HAS_SELECTION] =
    g_param_spec_boolean ("has-selection", NULL, NULL,
                          FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_object_class_override_property (object_class, PROP_HADJUSTMENT, "hadjustment");
  g_object_class_override_property (object_class, PROP_VADJUSTMENT, "vadjustment");
  g_object_class_override_property (object_class, PROP_HSCROLL_POLICY, "hscroll-policy");
  g_object_class_override_property (object_class, PROP_VSCROLL_POLICY, "vscroll-policy");

  signals[SIGNAL_SELECTION_CHANGED] =
    g_signal_new ("selection-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  add_scroll_binding (widget_class, GDK_KEY_Up, 0, GTK_SCROLL_STEP_UP);
  add_scroll_binding (widget_class, GDK_KEY_KP_Up, 0, GTK_SCROLL_STEP_UP);
  add_scroll_binding (widget_class, GDK_KEY_Down, 0, GTK_SCROLL_STEP_DOWN);
  add_scroll_binding (widget_class, GDK_KEY_KP_Down, 0, GTK_SCROLL_STEP_DOWN);
  add_scroll_binding (widget_class, GDK_KEY_Left, 0, GTK_SCROLL_STEP_LEFT);
  add_scroll_binding (widget_class, GDK_KEY_KP_Left, 0, GTK_SCROLL_STEP_LEFT);
  add_scroll_binding (widget_class, GDK_KEY_Right, 0, GTK_SCROLL_STEP_RIGHT);
  add_scroll_binding (widget_class, GDK_KEY_KP_Right, 0, GTK_SCROLL_STEP_RIGHT);
  add_scroll_binding (widget_class, GDK_KEY_Page_Up, 0, GTK_SCROLL_PAGE_UP);
  add_scroll_binding (widget_class, GDK_KEY_KP_Page_Up, 0, GTK_SCROLL_PAGE_UP);
  add_scroll_binding (widget_class, GDK_KEY_space, GDK_SHIFT_MASK, GTK_SCROLL_PAGE_UP);
  add_scroll_binding (widget_class, GDK_KEY_Page_Down, 0, GTK_SCROLL_PAGE_DOWN);
  add_scroll_binding (widget_class, GDK_KEY_KP_Page_Down, 0, GTK_SCROLL_PAGE_DOWN);
  add_scroll_binding (widget_class, GDK_KEY_space, 0, GTK_SCROLL_PAGE_DOWN);
  add_scroll_binding (widget_class, GDK_KEY_Home, 0, GTK_SCROLL_START);
  add_scroll_binding (widget_class, GDK_KEY_KP_Home, 0, GTK_SCROLL_START);
  add_scroll_binding (widget_class, GDK_KEY_End, 0, GTK_SCROLL_END);
  add_scroll_binding (widget_class, GDK_KEY_KP_End, 0, GTK_SCROLL_END);

  gtk_widget_class_set_css_name (widget_class, "signet-pdf-page-view");
}

static void
signet_pdf_page_view_init (SignetPdfPageView *self)
{
  GtkEventController *controller;

  self->zoom = 1.0;
  self->zoom_mode = SIGNET_PDF_ZOOM_FIT_WIDTH;
  self->pinned_page = G_MAXUINT;
  self->current_match = -1;
  self->cache = signet_pdf_texture_cache_new (CACHE_BUDGET);

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_focus_on_click (GTK_WIDGET (self), TRUE);
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);

  controller = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_VERTICAL);
  g_signal_connect (controller, "scroll", G_CALLBACK (scrolled_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  controller = gtk_event_controller_motion_new ();
  g_signal_connect (controller, "enter", G_CALLBACK (pointer_moved_cb), self);
  g_signal_connect (controller, "motion", G_CALLBACK (pointer_moved_cb), self);
  g_signal_connect (controller, "leave", G_CALLBACK (pointer_left_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  signet_pdf_page_view_init_selection (self);
}

void
signet_pdf_page_transform_rect_to_view (const SignetPdfPageTransform *transform,
                                        const SignetPdfRect          *rect,
                                        SignetPdfRect                *view_rect)
{
  g_return_if_fail (transform != NULL);

  signet_pdf_rect_to_view (rect, transform->page_width, transform->page_height,
                           transform->scale, transform->rotation, view_rect);
}

void
signet_pdf_page_transform_point_from_view (const SignetPdfPageTransform *transform,
                                           double                        view_x,
                                           double                        view_y,
                                           double                       *page_x,
                                           double                       *page_y)
{
  g_return_if_fail (transform != NULL);

  signet_pdf_point_from_view (view_x, view_y, transform->page_width, transform->page_height,
                              transform->scale, transform->rotation, page_x, page_y);
}

void
signet_pdf_page_view_get_transform (SignetPdfPageView      *self,
                                    guint                   page,
                                    SignetPdfPageTransform *transform)
{
  g_assert (page < self->n_pages);

  transform->page = page;
  signet_pdf_document_get_page_size (self->document, page, 0,
                                     &transform->page_width, &transform->page_height);
  transform->scale = signet_pdf_page_view_view_scale (self);
  transform->rotation = self->rotation;
}

double
signet_pdf_page_view_page_x (SignetPdfPageView *self,
                             guint              page)
{
  double width = MAX (self->content_width, gtk_widget_get_width (GTK_WIDGET (self)));

  return floor ((width - self->slots[page].width) / 2);
}

guint
signet_pdf_page_view_page_at_y (SignetPdfPageView *self,
                                double             doc_y)
{
  guint low = 0;
  guint high = self->n_pages - 1;

  g_assert (self->n_pages > 0);

  while (low < high)
    {
      guint middle = low + (high - low + 1) / 2;

      if (self->slots[middle].y <= doc_y)
        low = middle;
      else
        high = middle - 1;
    }

  return low;
}

gboolean
signet_pdf_page_view_point_to_page (SignetPdfPageView *self,
                                    double             x,
                                    double             y,
                                    gboolean           clamp,
                                    guint             *page,
                                    double            *page_x,
                                    double            *page_y)
{
  SignetPdfPageTransform transform;
  double doc_x = x + signet_pdf_page_view_hvalue (self);
  double doc_y = y + signet_pdf_page_view_vvalue (self);
  double local_x, local_y;
  PageSlot *slot;
  guint index;

  if (!self->layout_valid)
    return FALSE;

  index = signet_pdf_page_view_page_at_y (self, doc_y);
  slot = &self->slots[index];

  /* In the gap between two pages, the nearer one. */
  if (doc_y > slot->y + slot->height && index + 1 < self->n_pages &&
      doc_y - (slot->y + slot->height) > self->slots[index + 1].y - doc_y)
    slot = &self->slots[++index];

  local_x = doc_x - signet_pdf_page_view_page_x (self, index);
  local_y = doc_y - slot->y;

  if (!clamp && (local_x < 0 || local_y < 0 || local_x > slot->width || local_y > slot->height))
    return FALSE;

  local_x = CLAMP (local_x, 0, slot->width);
  local_y = CLAMP (local_y, 0, slot->height);

  signet_pdf_page_view_get_transform (self, index, &transform);
  signet_pdf_page_transform_point_from_view (&transform, local_x, local_y, page_x, page_y);
  *page = index;

  return TRUE;
}

void
signet_pdf_page_view_selection_changed (SignetPdfPageView *self)
{
  gboolean has_selection = signet_pdf_page_view_get_has_selection (self);

  if (has_selection != self->notified_has_selection)
    {
      self->notified_has_selection = has_selection;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HAS_SELECTION]);
    }

  g_signal_emit (self, signals[SIGNAL_SELECTION_CHANGED], 0);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

GtkWidget *
signet_pdf_page_view_new (void)
{
  return g_object_new (SIGNET_TYPE_PDF_PAGE_VIEW, NULL);
}

SignetPdfDocument *
signet_pdf_page_view_get_document (SignetPdfPageView *self)
{
  g_return_val_if_fail (SIGNET_IS_PDF_PAGE_VIEW (self), NULL);

  return self->document;
}

void
signet_pdf_page_view_set_document (SignetPdfPageView *self,
                                   SignetPdfDocument *document)
{
  g_return_if_fail (SIGNET_IS_PDF_PAGE_VIEW (self));
  g_return_if_fail (document == NULL || SIGNET_IS_PDF_DOCUMENT (document));

  if (self->document == document)
    return;

  g_object_freeze_notify (G_OBJECT (self));

  clear_document (self);
  signet_pdf_page_view_selection_changed (self);

  /* A new document starts the way a new reader expects it. */
  self->zoom_mode = SIGNET_PDF_ZOOM_FIT_WIDTH;
  if (self->rotation != 0)
    {
      self->rotation = 0;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ROTATION]);
    }
  set_current_page (self, 0);

  if (document != NULL)
    {
      self->document = g_object_ref (document);
      self->n_pages = signet_pdf_document_get_n_pages (document);
      self->slots = g_new0 (PageSlot, self->n_pages);
      measure_pages (self);
    }

  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), document != NULL ? "text" : NULL);
  gtk_widget_queue_allocate (GTK_WIDGET (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
  g_object_thaw_notify (G_OBJECT (self));
}

double
signet_pdf_page_view_get_zoom (SignetPdfPageView *self)
{
  g_return_val_if_fail (SIGNET_IS_PDF_PAGE_VIEW (self), 1.0);

  return self->zoom;
}

SignetPdfZoomMode
signet_pdf_page_view_get_zoom_mode (SignetPdfPageView *self)
{
  g_return_val_if_fail (SIGNET_IS_PDF_PAGE_VIEW (self), SIGNET_PDF_ZOOM_FIT_WIDTH);

  return self->zoom_mode;
}

void
signet_pdf_page_view_set_zoom_mode (SignetPdfPageView *self,
                                    SignetPdfZoomMode  mode)
{
  guint page;
  double zoom;
  Anchor anchor;

  g_return_if_fail (SIGNET_IS_PDF_PAGE_VIEW (self));

  self->zoom_mode = mode;
  if (mode == SIGNET_PDF_ZOOM_FREE || !self->layout_valid)
    {
      gtk_widget_queue_allocate (GTK_WIDGET (self));
      return;
    }

  page = self->current_page;
  zoom = fit_zoom (self);
  if (zoom == self->zoom)
    return;

  capture_anchor (self, 0, 0, &anchor);
  set_zoom (self, zoom);
  relayout (self, &anchor);

  /* Fitting the page is for seeing one page whole. */
  if (mode == SIGNET_PDF_ZOOM_FIT_PAGE)
    signet_pdf_page_view_go_to_page (self, page);
}

void
signet_pdf_page_view_set_zoom_at (SignetPdfPageView *self,
                                  double             zoom,
                                  double             anchor_x,
                                  double             anchor_y)
{
  Anchor anchor;

  g_return_if_fail (SIGNET_IS_PDF_PAGE_VIEW (self));
  g_return_if_fail (zoom > 0);

  zoom = CLAMP (zoom, SIGNET_PDF_MIN_ZOOM, SIGNET_PDF_MAX_ZOOM);
  self->zoom_mode = SIGNET_PDF_ZOOM_FREE;

  if (zoom == self->zoom)
    return;

  if (anchor_x < 0 || anchor_y < 0)
    {
      anchor_x = gtk_widget_get_width (GTK_WIDGET (self)) / 2.0;
      anchor_y = gtk_widget_get_height (GTK_WIDGET (self)) / 2.0;
    }

  if (!self->layout_valid)
    {
      set_zoom (self, zoom);
      gtk_widget_queue_allocate (GTK_WIDGET (self));
      return;
    }

  capture_anchor (self, anchor_x, anchor_y, &anchor);
  set_zoom (self, zoom);
  relayout (self, &anchor);
}

void
signet_pdf_page_view_zoom_in (SignetPdfPageView *self)
{
  double zoom = SIGNET_PDF_MAX_ZOOM;

  g_return_if_fail (SIGNET_IS_PDF_PAGE_VIEW (self));

  for (guint i = 0; i < G_N_ELEMENTS (zoom_levels); i++)
    if (zoom_levels[i] > self->zoom * ZOOM_STEP_MIN)
      {
        zoom = zoom_levels[i];
        break;
      }

  signet_pdf_page_view_set_zoom_at (self, zoom, -1, -1);
}

void
signet_pdf_page_view_zoom_out (SignetPdfPageView *self)
{
  double zoom = SIGNET_PDF_MIN_ZOOM;

  g_return_if_fail (SIGNET_IS_PDF_PAGE_VIEW (self));

  for (guint i = G_N_ELEMENTS (zoom_levels); i > 0; i--)
    if (zoom_levels[i - 1] < self->zoom / ZOOM_STEP_MIN)
      {
        zoom = zoom_levels[i - 1];
        break;
      }

  signet_pdf_page_view_set_zoom_at (self, zoom, -1, -1);
}

int
signet_pdf_page_view_get_rotation (SignetPdfPageView *self)
{
  g_return_val_if_fail (SIGNET_IS_PDF_PAGE_VIEW (self), 0);

  return self->rotation;
}

void
signet_pdf_page_view_set_rotation (SignetPdfPageView *self,
                                   int                rotation)
{
  guint page;

  g_return_if_fail (SIGNET_IS_PDF_PAGE_VIEW (self));
  g_return_if_fail (rotation % 90 == 0);

  rotation = ((rotation % 360) + 360) % 360;
  if (self->rotation == rotation)
    return;

  page = self->current_page;
  self->rotation = rotation;

  if (self->document != NULL)
    {
      measure_pages (self);
      if (self->zoom_mode != SIGNET_PDF_ZOOM_FREE && self->layout_valid)
        set_zoom (self, fit_zoom (self));
      if (self->layout_valid)
        {
          relayout (self, NULL);
          signet_pdf_page_view_go_to_page (self, page);
        }
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ROTATION]);
}

guint
signet_pdf_page_view_get_current_page (SignetPdfPageView *self)
{
  g_return_val_if_fail (SIGNET_IS_PDF_PAGE_VIEW (self), 0);

  return self->current_page;
}

void
signet_pdf_page_view_go_to_page (SignetPdfPageView *self,
                                 guint              page)
{
  double y;

  g_return_if_fail (SIGNET_IS_PDF_PAGE_VIEW (self));

  if (self->document == NULL)
    return;

  page = MIN (page, self->n_pages - 1);

  if (!self->layout_valid || self->vadjustment == NULL)
    {
      self->pending_page = page;
      self->has_pending_page = TRUE;
      set_current_page (self, page);
      return;
    }

  y = self->slots[page].y - VIEW_MARGIN;
  self->pinned_page = page;
  self->pinned_value = CLAMP (y, 0, MAX (0, gtk_adjustment_get_upper (self->vadjustment) -
                                            gtk_adjustment_get_page_size (self->vadjustment)));
  gtk_adjustment_set_value (self->vadjustment, y);
  self->pinned_value = gtk_adjustment_get_value (self->vadjustment);
  update_view (self);
}

gboolean
signet_pdf_page_view_page_is_rendered (SignetPdfPageView *self,
                                       guint              page)
{
  PageSlot *slot;

  g_return_val_if_fail (SIGNET_IS_PDF_PAGE_VIEW (self), FALSE);

  if (page >= self->n_pages)
    return FALSE;

  slot = &self->slots[page];

  return slot->texture != NULL && slot->texture_scale == signet_pdf_page_view_render_scale (self) &&
         slot->texture_rotation == self->rotation;
}

gboolean
signet_pdf_page_view_get_page_at (SignetPdfPageView *self,
                                  double             x,
                                  double             y,
                                  guint             *page,
                                  double            *page_x,
                                  double            *page_y)
{
  guint index;
  double px, py;

  g_return_val_if_fail (SIGNET_IS_PDF_PAGE_VIEW (self), FALSE);

  if (!signet_pdf_page_view_point_to_page (self, x, y, FALSE, &index, &px, &py))
    return FALSE;

  if (page != NULL)
    *page = index;
  if (page_x != NULL)
    *page_x = px;
  if (page_y != NULL)
    *page_y = py;

  return TRUE;
}

gboolean
signet_pdf_page_view_page_to_widget (SignetPdfPageView *self,
                                     guint              page,
                                     double             page_x,
                                     double             page_y,
                                     double            *x,
                                     double            *y)
{
  SignetPdfPageTransform transform;
  SignetPdfRect point = { page_x, page_y, 0, 0 };
  SignetPdfRect view;

  g_return_val_if_fail (SIGNET_IS_PDF_PAGE_VIEW (self), FALSE);
  g_return_val_if_fail (x != NULL && y != NULL, FALSE);

  if (!self->layout_valid || page >= self->n_pages)
    return FALSE;

  signet_pdf_page_view_get_transform (self, page, &transform);
  signet_pdf_page_transform_rect_to_view (&transform, &point, &view);
  *x = signet_pdf_page_view_page_x (self, page) - signet_pdf_page_view_hvalue (self) + view.x;
  *y = self->slots[page].y - signet_pdf_page_view_vvalue (self) + view.y;

  return TRUE;
}

void
signet_pdf_page_view_set_matches (SignetPdfPageView *self,
                                  GPtrArray         *matches,
                                  int                current)
{
  g_return_if_fail (SIGNET_IS_PDF_PAGE_VIEW (self));

  if (matches != self->matches)
    {
      g_clear_pointer (&self->matches, g_ptr_array_unref);
      g_clear_pointer (&self->match_starts, g_free);

      if (matches != NULL && self->document != NULL)
        {
          self->matches = g_ptr_array_ref (matches);
          /* Where each page's matches start, so that drawing a page looks
           * only at its own. */
          self->match_starts = g_new0 (guint, self->n_pages + 1);
          for (guint i = 0; i < matches->len; i++)
            {
              const SignetPdfMatch *match = g_ptr_array_index (matches, i);

              g_return_if_fail (match->page < self->n_pages);
              self->match_starts[match->page + 1]++;
            }
          for (guint p = 1; p <= self->n_pages; p++)
            self->match_starts[p] += self->match_starts[p - 1];
        }
    }

  self->current_match = self->matches != NULL && current >= 0 && (guint) current < self->matches->len ? current : -1;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
signet_pdf_page_view_scroll_to_current_match (SignetPdfPageView *self)
{
  const SignetPdfMatch *match;
  SignetPdfPageTransform transform;
  double x1 = G_MAXDOUBLE, y1 = G_MAXDOUBLE, x2 = -G_MAXDOUBLE, y2 = -G_MAXDOUBLE;
  double left, top, width, height, page_x;
  double x, y;

  g_return_if_fail (SIGNET_IS_PDF_PAGE_VIEW (self));

  if (self->current_match < 0)
    return;

  match = g_ptr_array_index (self->matches, self->current_match);

  if (!self->layout_valid)
    {
      signet_pdf_page_view_go_to_page (self, match->page);
      return;
    }

  signet_pdf_page_view_get_transform (self, match->page, &transform);
  for (guint r = 0; r < match->n_rects; r++)
    {
      SignetPdfRect view;

      signet_pdf_page_transform_rect_to_view (&transform, &match->rects[r], &view);
      x1 = MIN (x1, view.x);
      y1 = MIN (y1, view.y);
      x2 = MAX (x2, view.x + view.width);
      y2 = MAX (y2, view.y + view.height);
    }

  if (match->n_rects == 0)
    return;

  page_x = signet_pdf_page_view_page_x (self, match->page);
  x1 += page_x;
  x2 += page_x;
  y1 += self->slots[match->page].y;
  y2 += self->slots[match->page].y;

  left = x = signet_pdf_page_view_hvalue (self);
  top = y = signet_pdf_page_view_vvalue (self);
  width = gtk_widget_get_width (GTK_WIDGET (self));
  height = gtk_widget_get_height (GTK_WIDGET (self));

  /* A match out of view comes to the middle, where the eye finds it. */
  if (y1 < top || y2 > top + height)
    y = (y1 + y2) / 2 - height / 2;
  if (x1 < left || x2 > left + width)
    x = (x1 + x2) / 2 - width / 2;

  scroll_to (self, x, y);
}

void
signet_pdf_page_view_set_overlay_func (SignetPdfPageView    *self,
                                       SignetPdfOverlayFunc  func,
                                       gpointer              user_data,
                                       GDestroyNotify        destroy)
{
  g_return_if_fail (SIGNET_IS_PDF_PAGE_VIEW (self));

  if (self->overlay_destroy != NULL)
    self->overlay_destroy (self->overlay_data);

  self->overlay_func = func;
  self->overlay_data = user_data;
  self->overlay_destroy = destroy;

  gtk_widget_queue_draw (GTK_WIDGET (self));
}
