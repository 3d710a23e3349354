/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "signet-store-review-findings.h"

G_BEGIN_DECLS

#define SIGNET_TYPE_REVIEW_DIALOG (signet_review_dialog_get_type ())

G_DECLARE_FINAL_TYPE (SignetReviewDialog, signet_review_dialog, SIGNET, REVIEW_DIALOG, AdwAlertDialog)

/* Record a Review: its date, starting at @today, a note, the checklist
 * answered item by item (OK, Issue or Not Applicable, with a finding), the
 * follow-up actions (each issue's, and others added) and the follow-up
 * review. It answers "record" or "cancel"; Record is disabled while an
 * issue has no finding or an action no description. Enter in a field
 * records, Escape cancels. */
AdwDialog  *signet_review_dialog_new      (const char          *today);
/* The people an action's owner is chosen from (of SignetPerson). */
void        signet_review_dialog_set_people (SignetReviewDialog *self,
                                             GListModel         *people);
/* Lists @clauses (signet_store_dup_review_checklist()), each to answer;
 * none hides the checklist. */
void        signet_review_dialog_set_checklist (SignetReviewDialog *self,
                                                const char * const *clauses);
/* The review as filled in, of @contract_id; NULL with @error when a date
 * cannot be read (the field's error). An issue's action takes the finding
 * as its description when that is left empty. */
SignetReviewReport *signet_review_dialog_dup_report (SignetReviewDialog  *self,
                                                     gint64               contract_id,
                                                     GError             **error);

/* Opens Record a Review over @parent for @contract_id of @store: with the
 * contract's checklist (signet_store_dup_review_checklist()) and the
 * register's people as owners. Record records the review, or shows over
 * @parent why it could not. */
void        signet_review_dialog_present_for_contract (GtkWidget   *parent,
                                                       SignetStore *store,
                                                       gint64       contract_id);

G_END_DECLS
