/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "signet-amendment.h"

G_BEGIN_DECLS

#define SIGNET_TYPE_AMENDMENT_DIALOG (signet_amendment_dialog_get_type ())

G_DECLARE_FINAL_TYPE (SignetAmendmentDialog, signet_amendment_dialog, SIGNET, AMENDMENT_DIALOG, AdwAlertDialog)

/* Amend the Contract: the amendment's number (@number, the next of the
 * pattern, which the user may change), its effective and signing dates
 * (@today), its signed file (one of @attachments, SignetAttachment, the
 * contract's files: the amendment's paper is attached to the contract like
 * every other), its reason, and the terms it changes, each switched on by
 * itself and starting at the value in force, from @terms. It answers
 * "add" or "cancel"; Enter in a field adds, Escape cancels. */
AdwDialog       *signet_amendment_dialog_new           (const char             *number,
                                                        const char             *today,
                                                        SignetContract         *terms,
                                                        GPtrArray              *attachments);
/* Edits @amendment, a returned one to submit again: its fields and the
 * terms it changes as stored; the dialog says "Edit the Amendment" and
 * answers "add" with Save. */
void             signet_amendment_dialog_set_amendment (SignetAmendmentDialog *self,
                                                        const SignetAmendment *amendment);
/* The amendment of contract @contract_id as the fields say, or NULL with
 * @error saying how to type the date or the amount that could not be
 * read. The store checks the rest. */
SignetAmendment *signet_amendment_dialog_dup_amendment (SignetAmendmentDialog  *self,
                                                        gint64                  contract_id,
                                                        GError                **error);

G_END_DECLS
