/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "signet-contract-type.h"

G_BEGIN_DECLS

#define SIGNET_TYPE_CONTRACT_TYPE_DIALOG (signet_contract_type_dialog_get_type ())

G_DECLARE_FINAL_TYPE (SignetContractTypeDialog, signet_contract_type_dialog, SIGNET, CONTRACT_TYPE_DIALOG, AdwDialog)

/* Adds a contract type (@type NULL) or edits @type: its name, the
 * defaults it gives a new contract, the key dates after the start and the
 * review checklist. Save emits "save"; the caller writes the type and
 * closes the dialog, or shows why not with
 * signet_contract_type_dialog_show_error(). The dialog knows no store. */
AdwDialog          *signet_contract_type_dialog_new        (SignetContractType       *type);
/* What the fields say, with the id and version of the type edited. */
SignetContractType *signet_contract_type_dialog_dup_type   (SignetContractTypeDialog *self);
void                signet_contract_type_dialog_show_error (SignetContractTypeDialog *self,
                                                            const GError             *error);

G_END_DECLS
