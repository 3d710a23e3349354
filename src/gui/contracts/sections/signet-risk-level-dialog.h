/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "signet-enums.h"

G_BEGIN_DECLS

/* Keep Risk Level: asks why a contract keeps its risk level @level
 * against the suggested @suggested. Responds "keep", only with a reason
 * typed, or "cancel". */
#define SIGNET_TYPE_RISK_LEVEL_DIALOG (signet_risk_level_dialog_get_type ())

G_DECLARE_FINAL_TYPE (SignetRiskLevelDialog, signet_risk_level_dialog, SIGNET, RISK_LEVEL_DIALOG, AdwAlertDialog)

AdwDialog  *signet_risk_level_dialog_new        (SignetRiskLevel        level,
                                                 SignetRiskLevel        suggested);
const char *signet_risk_level_dialog_get_reason (SignetRiskLevelDialog *self);

G_END_DECLS
