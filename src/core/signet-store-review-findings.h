/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "signet-store.h"

G_BEGIN_DECLS

/* Reviews with a checklist (定期审查, migration 19): a review answers each
 * item of a checklist OK, issue or not applicable, with a finding; an issue
 * becomes a follow-up action with an owner (a person) and a due date, and
 * actions can be added without an item. A review with open actions
 * schedules a follow-up review on its follow_up_date.
 *
 * An action is open while it has no done date. A contract has open
 * findings when one of its reviews has an open action: in SQL, a row of
 * review_actions with done_date IS NULL whose review_id is a review of the
 * contract. signet_store_count_open_review_actions() counts them and the
 * list's "Open Review Findings" filter uses the same definition.
 *
 * Every write is one transaction with an audit entry on the contract,
 * announced as SIGNET_STORE_CHANGED_KEY_DATES (as reviews always were),
 * and refreshes the contract's calendar events. */

typedef enum
{
  SIGNET_REVIEW_ANSWER_NONE,    /* not answered */
  SIGNET_REVIEW_ANSWER_OK,
  SIGNET_REVIEW_ANSWER_ISSUE,
  SIGNET_REVIEW_ANSWER_NA,      /* not applicable */
} SignetReviewAnswer;

/* "ok", "issue", "na" as stored; NULL for NONE. */
const char *signet_review_answer_to_token (SignetReviewAnswer  answer);
/* NULL reads as NONE; FALSE for a token not known here. */
gboolean    signet_review_answer_from_token (const char         *token,
                                             SignetReviewAnswer *answer);
/* Translated: "Not Answered", "OK", "Issue", "Not Applicable". */
const char *signet_review_answer_to_label (SignetReviewAnswer  answer);

/* The checklist of a contract whose type has none (or that has no type),
 * translated: Signatures and seals complete (签章完整), Signatory authority
 * valid (授权有效), Terms compliant (条款合规), Performance on track
 * (履约正常), Payments on track (付款正常). */
GStrv       signet_review_default_checklist (void);

/* One item of a review's checklist as the review answered it. */
typedef struct
{
  char               *item;
  SignetReviewAnswer  answer;
  char               *finding;     /* nullable */
} SignetReviewItem;

SignetReviewItem *signet_review_item_new  (const char         *item,
                                           SignetReviewAnswer  answer,
                                           const char         *finding);
void              signet_review_item_free (SignetReviewItem   *item);

/* A follow-up action of a review. */
typedef struct
{
  gint64  id;
  char   *uuid;                 /* see signet-store-uuids.h */
  gint64  review_id;
  gint64  contract_id;          /* read back; not written */
  char   *description;
  gint64  owner_id;             /* people.id; 0 for nobody */
  char   *owner_name;           /* read back; NULL for nobody or a deleted person */
  char   *due_date;             /* YYYY-MM-DD, nullable */
  char   *done_date;            /* YYYY-MM-DD; NULL while open */
} SignetReviewAction;

SignetReviewAction *signet_review_action_new  (const char         *description,
                                               gint64              owner_id,
                                               const char         *due_date);
SignetReviewAction *signet_review_action_copy (const SignetReviewAction *action);
void                signet_review_action_free (SignetReviewAction *action);
gboolean            signet_review_action_is_open (const SignetReviewAction *action);
/* Open and due before @today (YYYY-MM-DD). */
gboolean            signet_review_action_is_overdue (const SignetReviewAction *action,
                                                     const char               *today);

/* A review with its answers, findings, actions and follow-up date. */
typedef struct
{
  gint64     id;
  char      *uuid;
  gint64     contract_id;
  char      *date;              /* YYYY-MM-DD */
  char      *reviewer;          /* NULL or blank when recording: the OS user */
  char      *note;              /* nullable */
  char      *follow_up_date;    /* nullable; kept once every action is done, as history */
  GPtrArray *items;             /* of SignetReviewItem */
  GPtrArray *actions;           /* of SignetReviewAction */
} SignetReviewReport;

SignetReviewReport *signet_review_report_new  (gint64              contract_id,
                                               const char         *date);
void                signet_review_report_free (SignetReviewReport *report);
/* How many of its items are answered @answer. */
guint               signet_review_report_count_answers (const SignetReviewReport *report,
                                                        SignetReviewAnswer        answer);
guint               signet_review_report_count_open_actions (const SignetReviewReport *report);
/* Whether its follow-up review is still needed: it has open actions. */
gboolean            signet_review_report_needs_follow_up (const SignetReviewReport *report);
/* The follow-up date a review with open actions gets when none is given:
 * the latest due date of its open actions, or 30 days after its date when
 * none has one. NULL without open actions. */
char               *signet_review_report_suggest_follow_up (const SignetReviewReport *report);

/* The checklist a review of @contract_id answers: its type's clauses, or
 * signet_review_default_checklist() when it has no type or the type has
 * none. */
GStrv               signet_store_dup_review_checklist (SignetStore  *self,
                                                       gint64        contract_id,
                                                       GError      **error);

/* Records @report (its contract, date, reviewer, note, items, actions and
 * follow-up date) in one write, and sets its id and its actions' ids and
 * UUIDs. An issue needs a finding: without one it is refused with a field
 * error on SIGNET_FIELD_REVIEW_CHECKLIST naming the item. An action needs
 * a description; due dates must be dates. A follow-up date given is
 * kept, even with every action done (an imported review keeps its
 * history); none given, it is signet_review_report_suggest_follow_up()'s
 * (NULL without open actions).
 * A review in the future is refused, as signet_store_record_review(). */
gboolean            signet_store_record_review_report (SignetStore         *self,
                                                       SignetReviewReport  *report,
                                                       GError             **error);
/* The reviews of @contract_id, newest first; of SignetReviewReport. A
 * review from before migration 19 reads its confirmed clauses as OK and
 * the others as not answered. */
GPtrArray          *signet_store_list_review_reports (SignetStore  *self,
                                                      gint64        contract_id,
                                                      GError      **error);
/* Adds @action (its review_id set) to a recorded review; sets its id. */
gboolean            signet_store_add_review_action (SignetStore         *self,
                                                    SignetReviewAction  *action,
                                                    GError             **error);
/* Writes @action's description, owner and due date over the stored one. */
gboolean            signet_store_update_review_action (SignetStore               *self,
                                                       const SignetReviewAction  *action,
                                                       GError                   **error);
/* Marks action @id done on @done_date, or open again with NULL. */
gboolean            signet_store_set_review_action_done (SignetStore  *self,
                                                         gint64        id,
                                                         const char   *done_date,
                                                         GError      **error);
/* Deletes review @id with its answers and actions, one recorded by
 * mistake; its follow-up review leaves the calendar. As
 * signet_store_delete (self, SIGNET_TOMBSTONE_REVIEW, id, error), which
 * gives what signet_store_restore() brings back whole for an Undo. */
gboolean            signet_store_delete_review (SignetStore  *self,
                                                gint64        id,
                                                GError      **error);
/* The open actions of @contract_id's reviews (see above); 0 on error. */
guint               signet_store_count_open_review_actions (SignetStore  *self,
                                                            gint64        contract_id,
                                                            GError      **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SignetReviewItem, signet_review_item_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SignetReviewAction, signet_review_action_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SignetReviewReport, signet_review_report_free)

G_END_DECLS
