/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "signet-contract-list.h"
#include "signet-print-document.h"

G_BEGIN_DECLS

/* The contracts @list holds, in its order, as a table of the columns the
 * contract list shows (number, title, client, status, end date, value),
 * under a line saying how many there are and what narrowed them: the
 * search, and @narrowed_to ("Expiring in 30 days", nullable) for the
 * list's query, else "Filtered" when it has one. */
SignetPrintDocument *signet_print_list_new (SignetContractList *list,
                                            const char         *narrowed_to);

G_END_DECLS
