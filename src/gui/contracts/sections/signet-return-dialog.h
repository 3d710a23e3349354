/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "signet-original.h"

G_BEGIN_DECLS

#define SIGNET_TYPE_RETURN_DIALOG (signet_return_dialog_get_type ())

G_DECLARE_FINAL_TYPE (SignetReturnDialog, signet_return_dialog, SIGNET, RETURN_DIALOG, AdwAlertDialog)

/* Records the return of @loan on a day (@today at first) in a condition:
 * intact, or damaged with what is damaged (required then). Answers
 * "return" or "cancel". */
AdwDialog *signet_return_dialog_new (const SignetLoan   *loan,
                                     const char         *today);
/* What the fields say; FALSE with @error when the date does not read. */
gboolean   signet_return_dialog_get (SignetReturnDialog *self,
                                     char              **returned_on,
                                     SignetLoanCondition *condition,
                                     char              **note,
                                     GError            **error);

G_END_DECLS
