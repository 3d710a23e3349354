/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "signet-risk.h"
#include "signet-store.h"

G_BEGIN_DECLS

/* Add a Risk / Edit the Risk: its category, description, likelihood and
 * impact (1 to 5 each, the score shown as they change), mitigation,
 * owner (one of @people, SignetPerson), status, the clause it comes from
 * and its next review. Responds
 * "save" or "cancel"; the section writes what it hands back. */
#define SIGNET_TYPE_RISK_DIALOG (signet_risk_dialog_get_type ())

G_DECLARE_FINAL_TYPE (SignetRiskDialog, signet_risk_dialog, SIGNET, RISK_DIALOG, AdwAlertDialog)

/* @risk (nullable) is the one to edit; NULL adds one. Its clause is one
 * of the annotations on the files of @store's contract @contract_id. */
AdwDialog  *signet_risk_dialog_new      (GListModel        *people,
                                         SignetStore       *store,
                                         gint64             contract_id,
                                         const SignetRisk  *risk);
/* The risk as the user left it: the edited one's id and version kept;
 * NULL and a field error when the next review is no date. */
SignetRisk *signet_risk_dialog_dup_risk (SignetRiskDialog  *self,
                                         gint64             contract_id,
                                         GError           **error);

G_END_DECLS
