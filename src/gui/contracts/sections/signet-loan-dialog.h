/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "signet-original.h"

G_BEGIN_DECLS

#define SIGNET_TYPE_LOAN_DIALOG (signet_loan_dialog_get_type ())

G_DECLARE_FINAL_TYPE (SignetLoanDialog, signet_loan_dialog, SIGNET, LOAN_DIALOG, AdwAlertDialog)

/* Lends a contract's original to one of @people (SignetPerson), whose
 * department fills the department field (which stays editable), for a
 * purpose, from @today (the date lent) to 14 days later (the date due).
 * Lend is enabled once a borrower, a purpose and both dates are given.
 * Answers "lend" or "cancel". */
AdwDialog  *signet_loan_dialog_new      (GListModel       *people,
                                         const char       *today);
/* The loan the fields describe, of @contract_id; NULL with @error when a
 * date does not read. */
SignetLoan *signet_loan_dialog_dup_loan (SignetLoanDialog *self,
                                         gint64            contract_id,
                                         GError          **error);

G_END_DECLS
