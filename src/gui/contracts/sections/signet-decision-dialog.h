/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "signet-contract-process.h"
#include "signet-store-approvals.h"

G_BEGIN_DECLS

#define SIGNET_TYPE_DECISION_DIALOG (signet_decision_dialog_get_type ())

G_DECLARE_FINAL_TYPE (SignetDecisionDialog, signet_decision_dialog, SIGNET, DECISION_DIALOG, AdwAlertDialog)

/* A decision on a contract in review: @action is APPROVE, RETURN or
 * REJECT. It asks who decided (the OS user's full name at first) and their
 * opinion, which RETURN and REJECT require: while one is missing the
 * decision cannot be given, and Enter says so under the field. It answers
 * "decide" or "cancel"; Escape cancels. */
AdwDialog *signet_decision_dialog_new       (SignetProcessAction    action);
/* Fills in @step's action, who decided and the opinion, as typed; the
 * user themselves, as they were named at first, is nobody else (NULL). */
void       signet_decision_dialog_fill_step (SignetDecisionDialog  *self,
                                             SignetProcessStep     *step);

/* A decision on @step, the pending step of a contract's (or an
 * amendment's, @subject its number) approval route: the approver is
 * chosen among @people (SignetPerson: for a role step those with the role
 * first, for a person's step that person) or named when they are not in
 * People; a file can be attached (the signed paper form, a picture of
 * the approval elsewhere); and it says that the user records the decision
 * on the approver's behalf. @next_step is the name of the step after it,
 * NULL for the last. Answers as signet_decision_dialog_new(). */
AdwDialog *signet_decision_dialog_new_for_step (SignetProcessAction       action,
                                                const SignetApprovalStep *step,
                                                const char               *next_step,
                                                const char               *subject,
                                                GListModel               *people);
/* Fills in @decision's action, approver and opinion as chosen; its
 * attachment is the caller's, from the file. */
void       signet_decision_dialog_fill_decision (SignetDecisionDialog   *self,
                                                 SignetApprovalDecision *decision);
/* The file chosen with Attach File…, or NULL. */
GFile     *signet_decision_dialog_get_file  (SignetDecisionDialog  *self);

G_END_DECLS
