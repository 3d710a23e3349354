/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "signet-contract.h"

G_BEGIN_DECLS

/* A contract's status is the state of its process: it changes only through
 * these actions, each allowed from some statuses only (the transition
 * table, signet-contract-process.c), and each stored as a process event
 * with who, when and why (signet_store_take_process_step()). */
typedef enum
{
  SIGNET_PROCESS_ACTION_SUBMIT,          /* Submit for Review: draft -> in review */
  SIGNET_PROCESS_ACTION_APPROVE,         /* in review -> approved (one step until routes exist) */
  SIGNET_PROCESS_ACTION_RETURN,          /* Return for Changes: in review -> draft, reason required */
  SIGNET_PROCESS_ACTION_REJECT,          /* in review -> draft, marked rejected, reason required */
  SIGNET_PROCESS_ACTION_MARK_SIGNED,     /* approved -> signed; our and their signing dates */
  SIGNET_PROCESS_ACTION_TERMINATE,       /* signed (active/expired) -> terminated; reason, effective date */
  SIGNET_PROCESS_ACTION_RENEW,           /* signed/active/expired -> renewed (successor made by a later piece) */
  SIGNET_PROCESS_ACTION_CANCEL_DRAFT,    /* draft / in review / approved -> terminated, never signed */
  SIGNET_PROCESS_ACTION_RENEW_TACITLY,   /* signed -> signed: the term rolled on by itself; recorded
                                          * by the store as the day passes an end, never taken */
} SignetProcessAction;

#define SIGNET_N_PROCESS_ACTIONS (SIGNET_PROCESS_ACTION_RENEW_TACITLY + 1)

/* The reason CANCEL_DRAFT stores: a contract ended before it was signed. */
#define SIGNET_TERMINATION_REASON_CANCELLED_DRAFT "cancelled-draft"

/* TRUE for a contract whose terms are signed (signed, active, expired,
 * renewed, or terminated after signing): its number, parties, title, value,
 * currency and dates are locked. */
gboolean              signet_contract_is_signed              (SignetContract       *contract);
/* The reason a contract let expire at its notice deadline stores with the
 * end it expires at (signet_store_let_expire()). */
#define SIGNET_TERMINATION_REASON_NOT_RENEWED "expired-not-renewed"

/* The end of the term at which a user let an auto-renewing, signed
 * @contract expire (Let Expire at its notice deadline): it renews up to that
 * end and no further, and is Expired after it. Kept as its termination date
 * while it is still signed; NULL for any other contract. */
const char           *signet_contract_get_let_expire_end     (SignetContract       *contract);
/* The status a user sees today: a signed contract is Active from its start
 * date to its end date and Expired after it, by @today ("YYYY-MM-DD");
 * other statuses as stored. */
SignetContractStatus  signet_contract_get_shown_status       (SignetContract       *contract,
                                                              const char           *today);
/* Whether @action may be taken on @contract now; when not, *@why (if not
 * NULL) is a translated sentence saying why ("Only a signed contract can be
 * renewed."). */
gboolean              signet_process_action_allowed          (SignetProcessAction   action,
                                                              SignetContract       *contract,
                                                              const char          **why);
/* The action's name on a button, translated: "Submit for Review". */
const char           *signet_process_action_to_label         (SignetProcessAction   action);
/* The stable token stored with a process event: "submit-for-review". */
const char           *signet_process_action_to_token         (SignetProcessAction   action);
gboolean              signet_process_action_from_token       (const char           *token,
                                                              SignetProcessAction  *action);
/* The status @action leads to. */
SignetContractStatus  signet_process_action_get_target       (SignetProcessAction   action);

/* The reasons a user can pick for TERMINATE, as tokens, NULL-terminated:
 * "expired-not-renewed", "breach", "mutual", "client-request",
 * "insolvency", "other" (the comment says what). */
const char * const   *signet_termination_reasons             (void);
/* The translated label of a reason token ("Breach of contract"), the
 * cancelled draft's included; NULL for a token not known here. */
const char           *signet_termination_reason_to_label     (const char           *token);

/* What one action records, besides who (the OS user, recorded_by) and when
 * (now). */
typedef struct
{
  SignetProcessAction action;
  char *decided_by;         /* the approver or decider named by the user; NULL = the OS user */
  char *comment;            /* opinion or reason; required for RETURN, REJECT, TERMINATE */
  char *our_signing_date;   /* MARK_SIGNED, both required, "YYYY-MM-DD" */
  char *their_signing_date;
  char *termination_reason; /* TERMINATE: a token of signet_termination_reasons() */
  char *effective_date;     /* TERMINATE (required), "YYYY-MM-DD" */
} SignetProcessStep;

void                  signet_process_step_clear              (SignetProcessStep    *step);

/* Why signet_store_take_process_step() refused a step: the action is not
 * allowed now (the message is signet_process_action_allowed()'s why), or
 * what the user entered for it, by the input at fault, so that a dialog
 * can put the message under it. */
#define SIGNET_PROCESS_ERROR (signet_process_error_quark ())

typedef enum
{
  SIGNET_PROCESS_ERROR_NOT_ALLOWED,
  SIGNET_PROCESS_ERROR_DECIDED_BY,
  SIGNET_PROCESS_ERROR_COMMENT,
  SIGNET_PROCESS_ERROR_OUR_SIGNING_DATE,
  SIGNET_PROCESS_ERROR_THEIR_SIGNING_DATE,
  SIGNET_PROCESS_ERROR_TERMINATION_REASON,
  SIGNET_PROCESS_ERROR_EFFECTIVE_DATE,
} SignetProcessError;

GQuark                signet_process_error_quark             (void);
/* Checks what @step carries for its action, as the store does before it
 * takes it (the contract's own state aside): a comment where one is
 * required, valid dates, a known reason. */
gboolean              signet_process_step_validate           (const SignetProcessStep *step,
                                                              GError              **error);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (SignetProcessStep, signet_process_step_clear)

G_END_DECLS
