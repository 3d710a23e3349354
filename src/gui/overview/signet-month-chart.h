/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "signet-overview.h"

G_BEGIN_DECLS

#define SIGNET_TYPE_MONTH_CHART (signet_month_chart_get_type ())

G_DECLARE_FINAL_TYPE (SignetMonthChart, signet_month_chart, SIGNET, MONTH_CHART, GtkWidget)

/* The contracts signed and ended in each month of the overview, as pairs
 * of bars (signed in the accent colour, ended in grey) over the months'
 * short names and the highest count as a scale, drawn with GtkSnapshot.
 * A bar is clicked, or chosen with the arrow keys and Enter, to list its
 * contracts; a screen reader reads every month's numbers from the chart's
 * description.
 *
 * Signals:
 * "bar-activated" (guint month, gboolean ended): the month's index among
 *   those set, and which of its bars. */
GtkWidget *signet_month_chart_new        (void);
void       signet_month_chart_set_months (SignetMonthChart          *self,
                                          const SignetOverviewMonth *months,
                                          guint                      n_months);
/* "March 2026: 1 signed, 0 ended", translated, the month as the locale
 * names it; for the tooltip and the description. */
char      *signet_month_chart_describe_month (const SignetOverviewMonth *month);

G_END_DECLS
