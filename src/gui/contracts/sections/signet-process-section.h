/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "signet-contract-section.h"

G_BEGIN_DECLS

#define SIGNET_TYPE_PROCESS_SECTION (signet_process_section_get_type ())

G_DECLARE_FINAL_TYPE (SignetProcessSection, signet_process_section, SIGNET, PROCESS_SECTION, SignetContractSection)

/* The top of the contract page: the contract's state as a user sees it
 * today, with who took the last step and when, a button for each action
 * of its process allowed now, why an action one would look for is not,
 * and the steps so far. */
GtkWidget *signet_process_section_new (void);

G_END_DECLS
