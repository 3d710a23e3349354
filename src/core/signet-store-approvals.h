/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "signet-amendment.h"
#include "signet-approval.h"
#include "signet-contract-process.h"
#include "signet-store.h"

G_BEGIN_DECLS

/* Approval routes, their rules and the approval steps of contracts and
 * amendments in the register (signet-store-approvals.c, migration 13).
 *
 * Routes and rules are Preferences: each write is one transaction with
 * its audit entry (SIGNET_RECORD_APPROVAL_ROUTE: the route's id, or 0 for
 * the list of rules) and emits "changed::approval-routes". Validation
 * errors are SIGNET_FIELD_ERROR with SIGNET_FIELD_ROUTE_NAME,
 * SIGNET_FIELD_ROUTE_STEPS or SIGNET_FIELD_APPROVAL_RULES as the code.
 *
 * A contract's approval: Submit for Review on a contract the rules give a
 * route copies the route's steps as the contract's steps of a new round;
 * each decision (signet_store_decide_approval_step(), or
 * signet_store_take_process_step() with APPROVE, RETURN or REJECT)
 * decides the round's pending step, audited with the process action it
 * is and "changed::fields" for the contract. An amendment's decisions
 * are audited on its contract with actions of their own
 * (SIGNET_AUDIT_ACTION_*_AMENDMENT) and emit "changed::amendments". Each
 * pending step's due date is an event of its contract
 * (SIGNET_KEY_DATE_APPROVAL). */

/* Every route, by name; of SignetApprovalRoute. */
GPtrArray           *signet_store_list_approval_routes  (SignetStore                  *self,
                                                         GError                      **error);
SignetApprovalRoute *signet_store_get_approval_route    (SignetStore                  *self,
                                                         gint64                        id,
                                                         GError                      **error);
/* Sets @route's id, uuid and version. A name is required and unique; at
 * least one step, each with a name, a person of the directory or a role,
 * and 1 to SIGNET_ROUTE_STEP_DUE_DAYS_MAX working days. */
gboolean             signet_store_add_approval_route    (SignetStore                  *self,
                                                         SignetApprovalRoute          *route,
                                                         GError                      **error);
/* Writes @route over the stored one with its id (SIGNET_STORE_ERROR_CONFLICT
 * when its version moved on since @route was read); its version goes up
 * by one. Contracts already submitted keep the steps they were given. */
gboolean             signet_store_update_approval_route (SignetStore                  *self,
                                                         SignetApprovalRoute          *route,
                                                         GError                      **error);
/* As signet_store_delete (self, SIGNET_TOMBSTONE_APPROVAL_ROUTE, id, error),
 * which returns what Undo puts back. Refused with a field error
 * (SIGNET_FIELD_ROUTE_NAME) while a rule uses the route. */
gboolean             signet_store_delete_approval_route (SignetStore                  *self,
                                                         gint64                        id,
                                                         GError                      **error);

/* The rules, in their order; of SignetApprovalRule. */
GPtrArray           *signet_store_list_approval_rules   (SignetStore                  *self,
                                                         GError                      **error);
/* Replaces every rule with @rules (of SignetApprovalRule, in order; their
 * ids, uuids and positions are set), in one write. Each names an existing
 * route; a minimum is > 0 in an ISO 4217 currency. */
gboolean             signet_store_set_approval_rules    (SignetStore                  *self,
                                                         GPtrArray                    *rules,
                                                         GError                      **error);

/* The route @contract (as it is now, unsaved edits included) would take
 * when submitted; NULL and no error when no rule applies. */
SignetApprovalRoute *signet_store_select_route          (SignetStore                  *self,
                                                         SignetContract               *contract,
                                                         GError                      **error);
/* The route @amendment would take: the rules for its contract's type and
 * the amendment's new value when it changes the value, else the
 * contract's; NULL and no error when none applies (it is then in effect
 * at once). */
SignetApprovalRoute *signet_store_select_amendment_route (SignetStore                 *self,
                                                         const SignetAmendment        *amendment,
                                                         GError                      **error);

/* The steps of the contract's (@amendment_id 0) or the amendment's
 * current round, in order; empty if never submitted with a route. Of
 * SignetApprovalStep. */
GPtrArray           *signet_store_list_approval_steps   (SignetStore                  *self,
                                                         gint64                        contract_id,
                                                         gint64                        amendment_id,
                                                         GError                      **error);
/* Every round's steps of the contract and of its amendments, by
 * amendment (the contract's own first), round and position: for History
 * and the XML export. */
GPtrArray           *signet_store_list_all_approval_steps (SignetStore                *self,
                                                         gint64                        contract_id,
                                                         GError                      **error);

/* A decision on a pending step. */
typedef struct
{
  SignetProcessAction  action;        /* APPROVE, RETURN or REJECT */
  gint64               approver_id;   /* a person of the directory; 0: see approver_name */
  char                *approver_name; /* when approver_id is 0: a name not in the directory;
                                       * NULL or blank with approver_id 0: the OS user decided */
  char                *opinion;       /* required for RETURN and REJECT */
  gint64               attachment_id; /* one of the contract's files; 0: none */
  gint64               step_id;       /* the pending step as the window showed it; 0: whichever is */
} SignetApprovalDecision;

/* Decides the pending step of the contract's (@amendment_id 0) or the
 * amendment's current round. For the contract it is
 * signet_store_take_process_step() with the decision's approver,
 * attachment and opinion: approving a step that is not the last keeps
 * the contract in review and makes the next step pending; the last one
 * approves it; a return or a rejection ends the round. @expected_version
 * is the contract's (SIGNET_STORE_ERROR_CONFLICT when it moved on); an
 * amendment's decision leaves the contract's row as it is and ignores it.
 * For an amendment, approving its last step puts it in effect; a return
 * leaves it returned (edit it, then signet_store_submit_amendment()); a
 * rejection, never. Refused (SIGNET_PROCESS_ERROR_NOT_ALLOWED) when no
 * step is pending; a missing opinion is SIGNET_PROCESS_ERROR_COMMENT, an
 * approver not in the directory SIGNET_PROCESS_ERROR_DECIDED_BY. A
 * decision whose step_id is not the pending step any more (decided
 * elsewhere meanwhile: an amendment's decision has no version to tell) is
 * SIGNET_STORE_ERROR_CONFLICT. */
gboolean             signet_store_decide_approval_step  (SignetStore                  *self,
                                                         gint64                        contract_id,
                                                         gint64                        amendment_id,
                                                         gint64                        expected_version,
                                                         const SignetApprovalDecision *decision,
                                                         GError                      **error);

/* Submits a returned amendment again: a new round from its route as it is
 * now (in effect at once when no rule applies any more). */
gboolean             signet_store_submit_amendment      (SignetStore                  *self,
                                                         gint64                        amendment_id,
                                                         GError                      **error);

/* For an import: replaces every approval step of the contract and of its
 * amendments with @steps (of SignetApprovalStep, ids ignored; contract_id
 * must be @contract_id), as they were recorded. Each amendment's state
 * follows its last round: a step pending or waiting, in review; its last
 * decision a return, returned; a rejection, rejected; else approved. */
gboolean             signet_store_put_approval_steps    (SignetStore                  *self,
                                                         gint64                        contract_id,
                                                         GPtrArray                    *steps,
                                                         GError                      **error);

/* For XML import: the approval of an amendment the import added, as the
 * file says: its state (approved when the file says none), and none of the
 * steps a rule of this register gave it as it was added; the file's own
 * steps come with signet_store_put_approval_steps(). */
gboolean             signet_store_import_amendment_state (SignetStore            *self,
                                                         gint64                  amendment_id,
                                                         SignetAmendmentState    state,
                                                         GError                **error);

G_END_DECLS
