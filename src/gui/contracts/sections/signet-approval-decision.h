/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "signet-store-approvals.h"

G_BEGIN_DECLS

/* A decision on the pending @step of a contract's approval (@amendment_id
 * 0) or an amendment's (@subject its number), asked in a
 * SignetDecisionDialog over @widget and recorded: a file chosen there is
 * read and attached to the contract first (described as the step's
 * approval form), then the decision is taken over @expected_version of
 * the contract with signet_store_decide_approval_step(). What the store
 * refuses is shown over @widget. The store tells the sections of both
 * writes; nothing here reloads. @next_step is the name of the step after
 * @step, NULL for the last. */
void signet_approval_decision_ask (GtkWidget                *widget,
                                   SignetStore              *store,
                                   gint64                    contract_id,
                                   gint64                    amendment_id,
                                   const char               *subject,
                                   gint64                    expected_version,
                                   SignetProcessAction       action,
                                   const SignetApprovalStep *step,
                                   const char               *next_step);

G_END_DECLS
