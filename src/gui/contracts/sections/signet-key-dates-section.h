/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "signet-contract-section.h"

G_BEGIN_DECLS

/* The dates that matter for one contract, on its page: the derived ones
 * (start, end, notice deadline, next review) each with how it came about,
 * the key dates users add (milestones, payments, other), the reviews
 * recorded, and the contract's own reminder lead times. */
#define SIGNET_TYPE_KEY_DATES_SECTION (signet_key_dates_section_get_type ())

G_DECLARE_FINAL_TYPE (SignetKeyDatesSection, signet_key_dates_section, SIGNET, KEY_DATES_SECTION, SignetContractSection)

GtkWidget *signet_key_dates_section_new (void);

G_END_DECLS
