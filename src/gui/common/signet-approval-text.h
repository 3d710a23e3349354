/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "signet-approval.h"

G_BEGIN_DECLS

/* Approval routes and rules in words, as Preferences and a contract's
 * process section both show them. */

/* The steps in their order: "部门负责人 → 法务 → 财务". */
char *signet_approval_route_describe_steps (const SignetApprovalRoute *route);
/* Which contracts a rule is for: "采购合同, from ¥1,000,000.00", "Any type". */
char *signet_approval_rule_describe        (const SignetApprovalRule  *rule);

G_END_DECLS
