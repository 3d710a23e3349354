/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "signet-contract-section.h"

G_BEGIN_DECLS

/* A contract's reviews on its page, newest first: each with its answers
 * and findings, its follow-up actions (owner, due date, overdue marked,
 * Mark Done and Reopen) and its follow-up review, open while an action is;
 * Record Review… records another. */
#define SIGNET_TYPE_REVIEWS_SECTION (signet_reviews_section_get_type ())

G_DECLARE_FINAL_TYPE (SignetReviewsSection, signet_reviews_section, SIGNET, REVIEWS_SECTION, SignetContractSection)

GtkWidget *signet_reviews_section_new (void);

G_END_DECLS
