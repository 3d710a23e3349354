/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "signet-contract-process.h"

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

G_END_DECLS
