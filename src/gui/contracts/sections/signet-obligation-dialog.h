/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "signet-obligation.h"
#include "signet-store.h"

G_BEGIN_DECLS

/* Add an Obligation / Edit the Obligation: who must do it (us or the
 * client), what, its owner (one of @people, SignetPerson), its first due
 * date, how often it recurs and until when, the clause of the contract's
 * files it comes from, and a note. Responds "save" or "cancel"; the
 * section writes what it hands back. */
#define SIGNET_TYPE_OBLIGATION_DIALOG (signet_obligation_dialog_get_type ())

G_DECLARE_FINAL_TYPE (SignetObligationDialog, signet_obligation_dialog, SIGNET, OBLIGATION_DIALOG, AdwAlertDialog)

/* @obligation (nullable) is the one to edit; NULL adds one. The clause
 * picker lists the annotations of @contract_id's files in @store. */
AdwDialog        *signet_obligation_dialog_new             (GListModel             *people,
                                                            SignetStore            *store,
                                                            gint64                  contract_id,
                                                            const SignetObligation *obligation);
/* The obligation as the user left it, the edited one's id and version
 * kept; NULL and a field error when a date is no date. */
SignetObligation *signet_obligation_dialog_dup_obligation (SignetObligationDialog *self,
                                                           GError                **error);

G_END_DECLS
