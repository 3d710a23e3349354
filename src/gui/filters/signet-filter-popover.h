/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "signet-contract-query.h"
#include "signet-store.h"

G_BEGIN_DECLS

#define SIGNET_TYPE_FILTER_POPOVER (signet_filter_popover_get_type ())

G_DECLARE_FINAL_TYPE (SignetFilterPopover, signet_filter_popover, SIGNET, FILTER_POPOVER, GtkPopover)

/* The list's filters as controls: the conditions on other records as
 * switches, statuses and risk levels as check rows, type, department,
 * owner and client as drop-downs of what the register holds, date ranges
 * in the locale's form and "expiring within N days". Each change emits
 * "query-changed" with the query the controls say; a query set from
 * elsewhere (a saved view, a chip removed, a number of the overview) is
 * shown with signet_filter_popover_set_query() and emits nothing. The
 * choices are read from @store each time it opens. */
GtkWidget           *signet_filter_popover_new       (void);
void                 signet_filter_popover_set_store (SignetFilterPopover       *self,
                                                      SignetStore               *store);
void                 signet_filter_popover_set_query (SignetFilterPopover       *self,
                                                      const SignetContractQuery *query);
/* The query the controls say; a new one. */
SignetContractQuery *signet_filter_popover_dup_query (SignetFilterPopover       *self);

/* The translated name of a condition on other records ("Overdue
 * payments"), for the popover's switches and the list's chips. */
const char          *signet_contract_filter_to_label (SignetContractFilter       filter);
/* The name of a date range's date ("Signed", "Notice deadline"). */
const char          *signet_query_date_to_label      (SignetQueryDate            field);

G_END_DECLS
