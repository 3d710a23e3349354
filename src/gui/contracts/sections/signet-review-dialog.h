/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define SIGNET_TYPE_REVIEW_DIALOG (signet_review_dialog_get_type ())

G_DECLARE_FINAL_TYPE (SignetReviewDialog, signet_review_dialog, SIGNET, REVIEW_DIALOG, AdwAlertDialog)

/* Record a Review: its date, starting at @today, and a note. It answers
 * "record" or "cancel"; Enter in a field records, Escape cancels. */
AdwDialog  *signet_review_dialog_new      (const char          *today);
/* The date of the review as YYYY-MM-DD in @iso, NULL when the field is
 * empty; FALSE with @error as signet_date_entry_get_date() says. */
gboolean    signet_review_dialog_get_date (SignetReviewDialog  *self,
                                           char               **iso,
                                           GError             **error);
const char *signet_review_dialog_get_note (SignetReviewDialog  *self);
/* Lists @clauses (the review checklist of the contract's type), each with
 * a check box to tick when it was confirmed; none hides the list. */
void        signet_review_dialog_set_checklist (SignetReviewDialog *self,
                                                const char * const *clauses);
/* The clauses listed, each with whether it was ticked; of
 * SignetReviewClause, empty without a checklist. */
GPtrArray  *signet_review_dialog_dup_clauses   (SignetReviewDialog *self);

G_END_DECLS
