/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "signet-contract.h"

G_BEGIN_DECLS

typedef enum
{
  SIGNET_KEY_DATE_START,
  SIGNET_KEY_DATE_END,
  SIGNET_KEY_DATE_NOTICE_DEADLINE,
  SIGNET_KEY_DATE_REVIEW,
  SIGNET_KEY_DATE_MILESTONE,
  SIGNET_KEY_DATE_PAYMENT,
  SIGNET_KEY_DATE_OTHER,
  SIGNET_KEY_DATE_APPROVAL,      /* a pending approval step's due date (signet-store-approvals.h) */
  SIGNET_KEY_DATE_OBLIGATION,    /* an open occurrence of an obligation (signet-obligation.h) */
  SIGNET_KEY_DATE_LOAN,          /* the due date of a loan of the original not yet returned */
  SIGNET_KEY_DATE_FOLLOW_UP_REVIEW, /* a review's follow-up while it has open actions */
} SignetKeyDateKind;

/* The last kind, for tables indexed by kind. */
#define SIGNET_KEY_DATE_LAST SIGNET_KEY_DATE_FOLLOW_UP_REVIEW

/* The kinds made from a record of what the contract commits us to (a
 * planned payment, an obligation, a loan, a review): they stay overdue
 * until the record is settled, whatever the contract's status. A planned
 * payment is of kind PAYMENT, as the payment key dates it replaced. */
gboolean    signet_key_date_kind_is_commitment (SignetKeyDateKind kind);

/* A date that matters for a contract, and how it came about. */
typedef struct
{
  SignetKeyDateKind  kind;
  char              *date;         /* YYYY-MM-DD */
  char              *explanation;  /* translated, e.g. "= end 2027-04-01 − 30 days" */
} SignetKeyDate;

/* Months between periodic reviews, by risk level (DESIGN: high risk
 * quarterly, medium half-yearly, low yearly). */
typedef struct
{
  guint high_months;
  guint medium_months;
  guint low_months;
} SignetReviewIntervals;

#define SIGNET_REVIEW_INTERVALS_DEFAULT ((SignetReviewIntervals) { 3, 6, 12 })

/* A contract type's review interval (signet_contract_type_get_review_months())
 * is its contracts' whatever their risk level: @type_months > 0 becomes
 * every level's interval; 0 leaves @intervals as they are. */
void        signet_review_intervals_apply_type (SignetReviewIntervals *intervals,
                                                guint                  type_months);

const char *signet_key_date_kind_to_token (SignetKeyDateKind kind);
gboolean    signet_key_date_kind_from_token (const char        *token,
                                             SignetKeyDateKind *kind);
/* TRUE for the kinds users add themselves: milestone, payment, other. */
gboolean    signet_key_date_kind_is_user  (SignetKeyDateKind kind);
const char *signet_key_date_kind_to_label (SignetKeyDateKind kind);

void        signet_key_date_free          (SignetKeyDate *key_date);

/* The term in whole months when start + n months − 1 day is the end (the
 * usual "one year from 1 March"), else 0: the term is then counted in days,
 * by the tacit renewals derived here and by a renewal's successor
 * (signet-renewal.c). */
guint       signet_date_term_in_months    (const GDate   *start,
                                           const GDate   *end);

/* Whether a contract of @status is in force (approved, signed or active;
 * a renewed one has a successor): only those have notice deadlines and
 * reviews. */
gboolean    signet_contract_status_is_in_force (SignetContractStatus status);

/* The derived dates of @contract as of @today (YYYY-MM-DD): start, end and
 * notice deadline of the current term (auto-renewing contracts roll forward
 * term by term once an end has passed), and the next review counted from
 * @last_review (nullable) or else the start. Ordered by date. */
GPtrArray  *signet_contract_derive_key_dates (SignetContract              *contract,
                                              const char                  *today,
                                              const char                  *last_review,
                                              const SignetReviewIntervals *intervals);
/* The same; no date outside SIGNET_DATE_MIN to SIGNET_DATE_MAX is derived
 * or derived from. @omitted (nullable) gets a translated sentence for each
 * date left out for it, and for each stored date outside the range. */
GPtrArray  *signet_contract_derive_key_dates_full (SignetContract              *contract,
                                                   const char                  *today,
                                                   const char                  *last_review,
                                                   const SignetReviewIntervals *intervals,
                                                   GPtrArray                  **omitted);

/* One tacit renewal: the end of the term that passed and the end of the
 * term that followed it, "YYYY-MM-DD". */
typedef struct
{
  char old_end[11];
  char new_end[11];
} SignetTacitRenewal;

/* The tacit renewals of a signed, auto-renewing @contract whose term ended
 * on @from or after it and before @until (YYYY-MM-DD): the terms rolled
 * as signet_contract_derive_key_dates() rolls them, in order, none past
 * the end it was let expire at. Of SignetTacitRenewal. */
GArray     *signet_contract_list_tacit_renewals (SignetContract *contract,
                                                 const char     *from,
                                                 const char     *until);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SignetKeyDate, signet_key_date_free)

G_END_DECLS
