/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "signet-contract-section.h"

G_BEGIN_DECLS

/* Obligations (履约义务) of the contract page: what we or the client must
 * do, each row with its owner, its next open occurrence (overdue ones
 * marked) and how it recurs, expanding to its recent and next
 * occurrences with Mark Done, Waive… and Reopen, and to the clause of the
 * contract's files it comes from, which opens the PDF at that
 * annotation. Add Obligation…, Edit… and Delete (with Undo). */
#define SIGNET_TYPE_OBLIGATIONS_SECTION (signet_obligations_section_get_type ())

G_DECLARE_FINAL_TYPE (SignetObligationsSection, signet_obligations_section, SIGNET, OBLIGATIONS_SECTION,
                      SignetContractSection)

GtkWidget *signet_obligations_section_new (void);

G_END_DECLS
