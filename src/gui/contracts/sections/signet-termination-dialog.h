/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "signet-contract-process.h"

G_BEGIN_DECLS

#define SIGNET_TYPE_TERMINATION_DIALOG (signet_termination_dialog_get_type ())

G_DECLARE_FINAL_TYPE (SignetTerminationDialog, signet_termination_dialog, SIGNET, TERMINATION_DIALOG, AdwAlertDialog)

/* Terminate…: the reason, from the fixed list in its translated names, the
 * day it takes effect (@today at first) and a comment, both required. It
 * says that the contract's future key dates and reminders stop. While a
 * field is missing the contract cannot be terminated, and Enter says why
 * under the field. It answers "terminate" or "cancel"; Escape cancels. */
AdwDialog *signet_termination_dialog_new       (const char              *today);
/* Fills in @step's action, reason, effective date and comment; FALSE when
 * a field is missing or no date (the dialog then says so under it). */
gboolean   signet_termination_dialog_fill_step (SignetTerminationDialog *self,
                                                SignetProcessStep       *step);

G_END_DECLS
