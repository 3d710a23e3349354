/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "signet-contract-section.h"

G_BEGIN_DECLS

/* A signed contract's amendments on its page: the terms in force today,
 * each amended one marked with its original and the amendment that
 * changed it, and the list of amendments, with Amend… to add one and a
 * delete button (with Undo) on each. */
#define SIGNET_TYPE_AMENDMENTS_SECTION (signet_amendments_section_get_type ())

G_DECLARE_FINAL_TYPE (SignetAmendmentsSection, signet_amendments_section, SIGNET, AMENDMENTS_SECTION, SignetContractSection)

GtkWidget *signet_amendments_section_new   (void);
/* Opens Amend the Contract for the section's contract (the page's "Amend…"
 * does); nothing for a contract that is not signed. */
void       signet_amendments_section_amend (SignetAmendmentsSection *self);

G_END_DECLS
