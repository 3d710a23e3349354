/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Approval routes (审批流程) and the approval of contracts and amendments:
 * the value types, and what can be told without the register (working-day
 * due dates, which rule applies). The store keeps them
 * (signet-store-approvals.h). */

/* One step of a route: who decides it, a person of the directory or
 * anyone with a role, and how many working days it has. */
typedef struct
{
  gint64  person_id;    /* 0: the step is a role */
  char   *person_name;  /* filled in by the store for display; NULL for a role */
  char   *role;         /* the text of a person's role field; NULL when person_id != 0 */
  char   *name;         /* the step as users call it: "法务" */
  guint   due_days;     /* working days, >= 1 */
} SignetRouteStep;

#define SIGNET_ROUTE_STEP_DUE_DAYS_DEFAULT 2
#define SIGNET_ROUTE_STEP_DUE_DAYS_MAX     365

SignetRouteStep     *signet_route_step_new          (const char                *name,
                                                     gint64                     person_id,
                                                     const char                *role,
                                                     guint                      due_days);
SignetRouteStep     *signet_route_step_copy         (const SignetRouteStep     *step);
void                 signet_route_step_free         (SignetRouteStep           *step);

/* A named, ordered list of steps, set in Preferences. */
typedef struct
{
  gint64     id;        /* 0: not stored yet */
  char      *uuid;      /* NULL until stored */
  gint64     version;   /* 1 when added, one more with every write */
  char      *name;      /* unique, required */
  GPtrArray *steps;     /* of SignetRouteStep, in order, at least one to be stored; never NULL */
} SignetApprovalRoute;

SignetApprovalRoute *signet_approval_route_new      (const char                *name);
SignetApprovalRoute *signet_approval_route_copy     (const SignetApprovalRoute *route);
void                 signet_approval_route_free     (SignetApprovalRoute       *route);
/* Appends a copy of @step. */
void                 signet_approval_route_add_step (SignetApprovalRoute       *route,
                                                     const SignetRouteStep     *step);

/* A rule picks a route for a contract by its type and value. */
typedef struct
{
  gint64  id;            /* 0: not stored yet */
  char   *uuid;          /* NULL until stored */
  guint   position;      /* its place in the list, from 0; set by the store */
  char   *contract_type; /* NULL: any type */
  gint64  min_value;     /* minor units of min_currency, > 0 */
  char   *min_currency;  /* NULL: no minimum (min_value means nothing) */
  gint64  route_id;
} SignetApprovalRule;

SignetApprovalRule  *signet_approval_rule_new       (const char                *contract_type,
                                                     gint64                     min_value,
                                                     const char                *min_currency,
                                                     gint64                     route_id);
SignetApprovalRule  *signet_approval_rule_copy      (const SignetApprovalRule  *rule);
void                 signet_approval_rule_free      (SignetApprovalRule        *rule);

/* The state of one step of one round. A round's first step is pending
 * and the others wait; approving a step makes the next one pending. A
 * return or a rejection ends the round: the steps after it are skipped,
 * as are a round's open steps when its contract is cancelled. */
typedef enum
{
  SIGNET_STEP_WAITING,
  SIGNET_STEP_PENDING,
  SIGNET_STEP_APPROVED,
  SIGNET_STEP_RETURNED,
  SIGNET_STEP_REJECTED,
  SIGNET_STEP_SKIPPED,
} SignetStepState;

#define SIGNET_N_STEP_STATES (SIGNET_STEP_SKIPPED + 1)

/* "waiting", "pending", "approved", "returned", "rejected", "skipped" */
const char          *signet_step_state_to_token     (SignetStepState            state);
gboolean             signet_step_state_from_token   (const char                *token,
                                                     SignetStepState           *state);
/* Translated: "Waiting", "Pending", … */
const char          *signet_step_state_to_label     (SignetStepState            state);

/* One step of one round of a contract's or an amendment's approval, a copy
 * of its route's step made when the round was submitted, with its
 * decision. */
typedef struct
{
  gint64           id;
  gint64           contract_id;
  gint64           amendment_id;   /* 0: the contract itself */
  guint            round;          /* 1, 2, …: one per submission */
  guint            position;       /* from 0 */
  char            *name;
  gint64           person_id;      /* 0: a role step */
  char            *person_name;    /* the person's name as it was at submission */
  char            *role;
  guint            due_days;
  char            *due_date;       /* YYYY-MM-DD, set once pending; NULL while waiting */
  SignetStepState  state;
  gint64           decided_by_id;  /* the approver; 0: not in the directory, or undecided */
  char            *decided_by;     /* the approver's name; NULL while undecided */
  char            *recorded_by;    /* the OS user who recorded the decision */
  char            *decided_at;     /* ISO 8601, UTC */
  char            *opinion;
  gint64           attachment_id;  /* one of the contract's files (the signed form); 0: none */
} SignetApprovalStep;

SignetApprovalStep  *signet_approval_step_copy      (const SignetApprovalStep  *step);
void                 signet_approval_step_free      (SignetApprovalStep        *step);
/* Whether the decision was recorded by someone else than the approver: on
 * a single desktop the contract manager records it on the approver's
 * behalf ("recorded by 李娜 on behalf of 王强"). FALSE while undecided. */
gboolean             signet_approval_step_is_on_behalf (const SignetApprovalStep *step);

/* The day @days working days (Monday to Friday) after @from (YYYY-MM-DD):
 * the count starts the day after, so Friday + 2 is Tuesday and Saturday +
 * 1 is Monday. Public holidays are not known. NULL when @from is not a
 * date or the result falls outside the range of dates (signet-date.h). */
char                *signet_add_working_days        (const char                *from,
                                                     guint                      days);

/* The rule of @rules (SignetApprovalRule *, in their order) that applies
 * to a contract of @type_name (nullable) with @value in @currency
 * (nullable; a value <= 0 or no currency is no value): among the rules
 * whose type matches (the same name, or any type) and whose minimum the
 * value reaches (in the same currency; a contract with no value or in
 * another currency only matches rules without a minimum), the one with
 * the highest minimum, then one of the contract's type before one of any
 * type, then the earlier. NULL when none matches: the contract has no
 * route and is approved in one step. Points into @rules. */
const SignetApprovalRule *signet_approval_rules_select (GPtrArray              *rules,
                                                        const char             *type_name,
                                                        gint64                  value,
                                                        const char             *currency);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SignetRouteStep, signet_route_step_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SignetApprovalRoute, signet_approval_route_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SignetApprovalRule, signet_approval_rule_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SignetApprovalStep, signet_approval_step_free)

G_END_DECLS
