/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "signet-print-document.h"

G_BEGIN_DECLS

/* The summary sheet of one contract, as filed with its paper original:
 * its terms in force today (the value also in Chinese capitals in the
 * Chinese interface, for a value in yuan), the parties, the key dates,
 * the approvals, the amendments, the payments and the original with its
 * loans. NULL and @error when the contract cannot be read. */
SignetPrintDocument *signet_print_summary_new (SignetStore  *store,
                                               gint64        contract_id,
                                               GError      **error);

G_END_DECLS
