/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "signet-contract-section.h"

G_BEGIN_DECLS

/* A contract's risk register on its page: the level its open risks
 * suggest and the rule behind it, a notice with Use Suggested Level and
 * Keep <level>… when the contract's level differs, and each risk with its
 * score, category, owner, status and next review; Add Risk…, Edit… and
 * Delete (with Undo). */
#define SIGNET_TYPE_RISKS_SECTION (signet_risks_section_get_type ())

G_DECLARE_FINAL_TYPE (SignetRisksSection, signet_risks_section, SIGNET, RISKS_SECTION, SignetContractSection)

GtkWidget *signet_risks_section_new (void);

G_END_DECLS
