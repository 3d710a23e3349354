/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "signet-print-document.h"
#include "signet-scorecard.h"

G_BEGIN_DECLS

/* The overview of the register on the store's day, as tables: the
 * contracts by status, what needs attention, the value in force per
 * currency (and converted, saying by which rates), the top clients and
 * the contracts signed and ended in each of the last 24 months. */
SignetPrintDocument *signet_print_overview_new   (SignetStore             *store,
                                                  GError                 **error);
/* The ranked scorecards of every client or department (@subject CLIENT
 * or DEPARTMENT) over @from to @to (YYYY-MM-DD), each figure as the
 * Scorecards page shows it, then how each figure is computed. */
SignetPrintDocument *signet_print_scorecards_new (SignetStore             *store,
                                                  SignetScorecardSubject   subject,
                                                  const char              *from,
                                                  const char              *to,
                                                  GError                 **error);

G_END_DECLS
