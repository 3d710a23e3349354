/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "signet-contract-section.h"

G_BEGIN_DECLS

#define SIGNET_TYPE_HISTORY_SECTION (signet_history_section_get_type ())

G_DECLARE_FINAL_TYPE (SignetHistorySection, signet_history_section, SIGNET, HISTORY_SECTION, SignetContractSection)

/* The contract page's History: who changed the contract, its files, key
 * dates and reviews, and when, from the audit log, newest first. */
GtkWidget *signet_history_section_new (void);

G_END_DECLS
