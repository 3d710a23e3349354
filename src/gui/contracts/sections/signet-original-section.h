/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "signet-contract-section.h"

G_BEGIN_DECLS

/* A contract's paper original (纸质原件) on its page: its archive number,
 * where it is kept, how many originals and copies, who archived it and
 * when (Record Original… when none is recorded, Edit… once it is), the
 * loan out now with its due date (overdue in red, with the days) and
 * Return…, Lend… (insensitive while the original is out, its tooltip
 * saying to whom), and every loan, newest first. */
#define SIGNET_TYPE_ORIGINAL_SECTION (signet_original_section_get_type ())

G_DECLARE_FINAL_TYPE (SignetOriginalSection, signet_original_section, SIGNET, ORIGINAL_SECTION, SignetContractSection)

GtkWidget *signet_original_section_new (void);

G_END_DECLS
