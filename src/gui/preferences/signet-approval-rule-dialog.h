/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "signet-approval.h"

G_BEGIN_DECLS

#define SIGNET_TYPE_APPROVAL_RULE_DIALOG (signet_approval_rule_dialog_get_type ())

G_DECLARE_FINAL_TYPE (SignetApprovalRuleDialog, signet_approval_rule_dialog, SIGNET, APPROVAL_RULE_DIALOG, AdwAlertDialog)

/* Adds a rule (@rule NULL) or edits @rule: the contract type it is for
 * (any, or one of @type_names), the value from which it applies with its
 * currency (optional) and the route of @routes (SignetApprovalRoute) it
 * picks. @currency is the one offered for a new rule. While the value is
 * not one or no route is chosen, "save" cannot be given and the value's
 * error is said under it. It answers "save" or "cancel". */
AdwDialog          *signet_approval_rule_dialog_new      (const SignetApprovalRule *rule,
                                                          const char * const       *type_names,
                                                          GPtrArray                *routes,
                                                          const char               *currency);
/* What the fields say, at the position and with the id of the rule edited. */
SignetApprovalRule *signet_approval_rule_dialog_dup_rule (SignetApprovalRuleDialog *self);

G_END_DECLS
