/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "signet-overview.h"
#include "signet-store.h"

G_BEGIN_DECLS

#define SIGNET_TYPE_OVERVIEW_VIEW (signet_overview_view_get_type ())

G_DECLARE_FINAL_TYPE (SignetOverviewView, signet_overview_view, SIGNET, OVERVIEW_VIEW, AdwBin)

/* The Overview page (概览): the figures of signet_store_compute_overview()
 * as tiles and bar charts, every number a button that lists its
 * contracts. It computes them when shown and again after the store
 * changes (once for a burst of changes), and shows an empty state for a
 * register without contracts.
 *
 * Signals:
 * "show-contracts" (SignetContractQuery *query, const char *title): a
 *   number was activated; @title says what it counts, "Expiring in 30 days".
 * "computed": the figures of the store as it is now are on the page. */
GtkWidget      *signet_overview_view_new          (void);
void            signet_overview_view_set_store    (SignetOverviewView *self,
                                                   SignetStore        *store);
/* The figures on the page; NULL before they were first computed. */
SignetOverview *signet_overview_view_get_overview (SignetOverviewView *self);

G_END_DECLS
