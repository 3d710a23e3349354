/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "signet-contract-list.h"
#include "signet-print-document.h"

G_BEGIN_DECLS

/* The contracts @list holds, in its order, as a table of the columns the
 * contract list shows (number, title, client, status, end date, value),
 * under a line saying how many there are and what search narrowed them. */
SignetPrintDocument *signet_print_list_new (SignetContractList *list);

G_END_DECLS
