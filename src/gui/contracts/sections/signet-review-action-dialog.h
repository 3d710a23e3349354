/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "signet-store-review-findings.h"

G_BEGIN_DECLS

#define SIGNET_TYPE_REVIEW_ACTION_DIALOG (signet_review_action_dialog_get_type ())

G_DECLARE_FINAL_TYPE (SignetReviewActionDialog, signet_review_action_dialog, SIGNET, REVIEW_ACTION_DIALOG,
                      AdwAlertDialog)

/* A follow-up action of a recorded review: @action's description, owner
 * (one of @people, of SignetPerson) and due date to change, or, with
 * @action NULL, a new one due a month after @today. It answers "save" or
 * "cancel"; Save is disabled while the description is empty. */
AdwDialog          *signet_review_action_dialog_new (const SignetReviewAction  *action,
                                                     GListModel                *people,
                                                     const char                *today);
/* The action as filled in (its id that of the one given, 0 for a new
 * one); NULL with @error for a due date that is not one. */
SignetReviewAction *signet_review_action_dialog_dup_action (SignetReviewActionDialog  *self,
                                                            GError                   **error);

G_END_DECLS
