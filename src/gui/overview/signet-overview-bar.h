/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define SIGNET_TYPE_OVERVIEW_BAR (signet_overview_bar_get_type ())

G_DECLARE_FINAL_TYPE (SignetOverviewBar, signet_overview_bar, SIGNET, OVERVIEW_BAR, GtkWidget)

/* One bar of a bar chart of the overview: a rounded bar, in the accent
 * colour, as long as @fraction (0 to 1) of the widget's width over a
 * faint track. It draws and says nothing else: the button it is in
 * carries the number and the words a screen reader reads. */
GtkWidget *signet_overview_bar_new          (double             fraction);
double     signet_overview_bar_get_fraction (SignetOverviewBar *self);

G_END_DECLS
