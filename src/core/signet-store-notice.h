/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "signet-contract-process.h"
#include "signet-store.h"

G_BEGIN_DECLS

/* What happens at a contract's notice deadline (signet-store-notice.c,
 * migration 15): the decision a user takes there, and the tacit renewals
 * the store records when nobody gave notice. */

/* The choices at a notice deadline, stored as their tokens. */
typedef enum
{
  SIGNET_NOTICE_CHOICE_RENEW,       /* "renew": a successor (Renew…) */
  SIGNET_NOTICE_CHOICE_LET_EXPIRE,  /* "let-expire": no tacit renewal at the term's end */
  SIGNET_NOTICE_CHOICE_TERMINATE,   /* "terminate": the process's Terminate */
} SignetNoticeChoice;

const char *signet_notice_choice_to_token   (SignetNoticeChoice  choice);
gboolean    signet_notice_choice_from_token (const char         *token,
                                             SignetNoticeChoice *choice);
/* The choice as the agenda says it was taken, translated: "Let expire". */
const char *signet_notice_choice_to_label   (SignetNoticeChoice  choice);

typedef struct
{
  gint64              id;
  gint64              contract_id;
  char               *deadline;     /* the notice deadline decided at, YYYY-MM-DD */
  char               *term_end;     /* the end of the term it was the deadline of */
  SignetNoticeChoice  choice;
  char               *decided_by;   /* as named by the user; NULL: recorded_by decided */
  char               *recorded_by;  /* the OS user */
  char               *at;           /* ISO 8601, UTC */
  char               *comment;
} SignetNoticeDecision;

void                  signet_notice_decision_free           (SignetNoticeDecision *decision);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SignetNoticeDecision, signet_notice_decision_free)

/* The decision taken at the contract's notice deadline @deadline, or NULL
 * (and no error) when none was. */
SignetNoticeDecision *signet_store_get_notice_decision      (SignetStore          *self,
                                                             gint64                contract_id,
                                                             const char           *deadline,
                                                             GError              **error);
/* Every decision taken at the contract's notice deadlines, oldest first;
 * of SignetNoticeDecision. */
GPtrArray            *signet_store_list_notice_decisions    (SignetStore          *self,
                                                             gint64                contract_id,
                                                             GError              **error);

/* The end of the term whose notice deadline is @deadline, as the
 * contract's terms give it on the store's day; NULL and
 * SIGNET_PROCESS_ERROR_NOT_ALLOWED when it is not its notice deadline any
 * more. */
char                 *signet_store_dup_notice_term_end      (SignetStore          *self,
                                                             gint64                contract_id,
                                                             const char           *deadline,
                                                             GError              **error);
/* Let Expire at @deadline, the notice deadline of the contract's current
 * term (as of the store's day): the contract stays signed to the end of
 * that term and does not renew itself at it (it is Expired after it; its
 * dates, events and reminders stop there). One write: the decision,
 * the end kept with the contract (signet_contract_get_let_expire_end()),
 * the audit entry "Decided at the notice deadline: let expire" and
 * changed::fields. Refused (SIGNET_PROCESS_ERROR_NOT_ALLOWED with a
 * sentence) for a contract not signed or not in force, a deadline that is
 * not its current one, or one decided already; SIGNET_STORE_ERROR_CONFLICT
 * when its version moved on since @expected_version. @decision_id
 * (nullable) gets the decision's id, for its Undo. */
gboolean              signet_store_let_expire               (SignetStore          *self,
                                                             gint64                contract_id,
                                                             gint64                expected_version,
                                                             const char           *deadline,
                                                             const char           *decided_by,
                                                             const char           *comment,
                                                             gint64               *decision_id,
                                                             GError              **error);
/* Terminate… at @deadline: @step (SIGNET_PROCESS_ACTION_TERMINATE) taken
 * as signet_store_take_process_step() takes it, and the decision
 * recorded with it, in one write. */
gboolean              signet_store_terminate_at_notice      (SignetStore          *self,
                                                             gint64                contract_id,
                                                             gint64                expected_version,
                                                             const char           *deadline,
                                                             const SignetProcessStep *step,
                                                             GError              **error);
/* The Undo of Let Expire: the decision goes, and the contract renews
 * itself at that end again. Refused when the decision is not a Let
 * Expire or the contract was terminated or renewed since. */
gboolean              signet_store_withdraw_notice_decision (SignetStore          *self,
                                                             gint64                decision_id,
                                                             GError              **error);

/* For XML import: adds @decision to its contract (contract_id) as an
 * export wrote it, with its own recorded_by and time, without an audit
 * entry and without changing the contract, whose fields (a Let Expire's
 * end) come with it. One decision per deadline: SIGNET_FIELD_ERROR when the
 * contract has one at that deadline. */
gboolean              signet_store_import_notice_decision   (SignetStore                *self,
                                                             const SignetNoticeDecision *decision,
                                                             GError                    **error);

G_END_DECLS
