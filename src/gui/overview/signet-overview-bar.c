/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "signet-overview"

#include "config.h"

#include <adwaita.h>

#include "signet-overview-bar.h"

#define BAR_HEIGHT 10

struct _SignetOverviewBar
{
  GtkWidget parent_instance;

  double    fraction;
};

G_DEFINE_FINAL_TYPE (SignetOverviewBar, signet_overview_bar, GTK_TYPE_WIDGET)

static void
signet_overview_bar_measure (GtkWidget      *widget,
                             GtkOrientation  orientation,
                             int             for_size,
                             int            *minimum,
                             int            *natural,
                             int            *minimum_baseline,
                             int            *natural_baseline)
{
  /* Narrow enough for a phone; the row gives it the room there is. */
  *minimum = orientation == GTK_ORIENTATION_HORIZONTAL ? 40 : BAR_HEIGHT;
  *natural = orientation == GTK_ORIENTATION_HORIZONTAL ? 240 : BAR_HEIGHT;
}

static void
signet_overview_bar_snapshot (GtkWidget   *widget,
                              GtkSnapshot *snapshot)
{
  SignetOverviewBar *self = SIGNET_OVERVIEW_BAR (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  float y = (height - BAR_HEIGHT) / 2.0f;
  GskRoundedRect track;
  GskRoundedRect bar;
  GdkRGBA accent;
  GdkRGBA faint;
  float length;

  gtk_widget_get_color (widget, &faint);
  faint.alpha *= 0.1f;
  accent = *adw_style_manager_get_accent_color_rgba (adw_style_manager_get_default ());

  gsk_rounded_rect_init_from_rect (&track, &GRAPHENE_RECT_INIT (0, y, width, BAR_HEIGHT), BAR_HEIGHT / 2.0f);
  gtk_snapshot_push_rounded_clip (snapshot, &track);
  gtk_snapshot_append_color (snapshot, &faint, &track.bounds);
  gtk_snapshot_pop (snapshot);

  /* A number above zero keeps a visible stub however small its share. */
  length = self->fraction > 0 ? MAX ((float) (self->fraction * width), (float) BAR_HEIGHT) : 0;
  if (length <= 0)
    return;

  gsk_rounded_rect_init_from_rect (&bar, &GRAPHENE_RECT_INIT (0, y, length, BAR_HEIGHT), BAR_HEIGHT / 2.0f);
  gtk_snapshot_push_rounded_clip (snapshot, &bar);
  gtk_snapshot_append_color (snapshot, &accent, &bar.bounds);
  gtk_snapshot_pop (snapshot);
}

static void
signet_overview_bar_class_init (SignetOverviewBarClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  widget_class->measure = signet_overview_bar_measure;
  widget_class->snapshot = signet_overview_bar_snapshot;

  gtk_widget_class_set_css_name (widget_class, "overviewbar");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_PRESENTATION);
}

static void
signet_overview_bar_init (SignetOverviewBar *self)
{
}

GtkWidget *
signet_overview_bar_new (double fraction)
{
  SignetOverviewBar *self = g_object_new (SIGNET_TYPE_OVERVIEW_BAR, NULL);

  self->fraction = CLAMP (fraction, 0.0, 1.0);

  return GTK_WIDGET (self);
}

double
signet_overview_bar_get_fraction (SignetOverviewBar *self)
{
  g_return_val_if_fail (SIGNET_IS_OVERVIEW_BAR (self), 0.0);

  return self->fraction;
}
