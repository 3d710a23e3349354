/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "signet-contract-process.h"

G_BEGIN_DECLS

#define SIGNET_TYPE_SIGNING_DIALOG (signet_signing_dialog_get_type ())

G_DECLARE_FINAL_TYPE (SignetSigningDialog, signet_signing_dialog, SIGNET, SIGNING_DIALOG, AdwAlertDialog)

/* Mark as Signed: the day we signed and the day the other party did, both
 * required, both @today at first. While one is missing or no date, the
 * contract cannot be marked, and Enter says why under the field. It
 * answers "sign" or "cancel"; Escape cancels. */
AdwDialog *signet_signing_dialog_new       (const char          *today);
/* Fills in @step's action and both signing dates; FALSE when a field holds
 * no date (the dialog then says so under it). */
gboolean   signet_signing_dialog_fill_step (SignetSigningDialog *self,
                                            SignetProcessStep   *step);

G_END_DECLS
