/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "signet-contract-section.h"

G_BEGIN_DECLS

/* The renewal chain a contract is part of, on its page: the terms before
 * and after it, oldest first ("Renewal of HT-2026-0001", "Renewed as
 * HT-2027-0003"), each row opening that contract (win.open-contract).
 * Hidden for a contract never renewed nor made by a renewal. */
#define SIGNET_TYPE_RENEWALS_SECTION (signet_renewals_section_get_type ())

G_DECLARE_FINAL_TYPE (SignetRenewalsSection, signet_renewals_section, SIGNET, RENEWALS_SECTION, SignetContractSection)

GtkWidget *signet_renewals_section_new (void);

G_END_DECLS
