/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "signet-contract.h"

G_BEGIN_DECLS

/* The terms of a signed contract an amendment (变更 / 补充协议) may
 * change. The value and its currency are one term, as are the notice
 * period and auto-renew: the contract form and the audit log keep them
 * together too. */
typedef enum
{
  SIGNET_AMENDED_VALUE,
  SIGNET_AMENDED_END_DATE,
  SIGNET_AMENDED_NOTICE,
  SIGNET_AMENDED_TITLE,
  SIGNET_AMENDED_OTHER,
} SignetAmendedTerm;

#define SIGNET_N_AMENDED_TERMS (SIGNET_AMENDED_OTHER + 1)
#define SIGNET_AMENDED_TERM_FLAG(term) (1u << (term))

/* Where an amendment's own approval stands. One stored before approval
 * routes existed, or added when no rule gives its contract a route, is
 * approved at once; otherwise it is in review until the last step of its
 * route approves it, and only an approved amendment changes the terms. A
 * returned one is edited and submitted again; a rejected one never takes
 * effect. */
typedef enum
{
  SIGNET_AMENDMENT_APPROVED,
  SIGNET_AMENDMENT_IN_REVIEW,
  SIGNET_AMENDMENT_RETURNED,
  SIGNET_AMENDMENT_REJECTED,
} SignetAmendmentState;

#define SIGNET_N_AMENDMENT_STATES (SIGNET_AMENDMENT_REJECTED + 1)

/* "approved", "in-review", "returned", "rejected" */
const char      *signet_amendment_state_to_token  (SignetAmendmentState  state);
gboolean         signet_amendment_state_from_token (const char          *token,
                                                    SignetAmendmentState *state);
/* Translated: "Approved", "In Review", "Returned", "Rejected". */
const char      *signet_amendment_state_to_label  (SignetAmendmentState  state);

/* One amendment of a contract, as the store gives and takes it. Dates are
 * "YYYY-MM-DD"; the terms it changes are those in @changes (flags of
 * SIGNET_AMENDED_TERM_FLAG()), the fields of the others mean nothing. */
typedef struct
{
  gint64    id;                  /* 0: not stored yet */
  gint64    contract_id;
  char     *uuid;
  char     *number;              /* "HT-2026-0001-A1" */
  char     *signing_date;        /* nullable: not signed yet */
  char     *effective_date;      /* required: the terms apply from this day on */
  char     *reason;
  guint     changes;
  gint64    value;               /* minor units of @currency */
  char     *currency;
  char     *end_date;
  guint     notice_days;
  gboolean  auto_renew;
  char     *title;
  char     *other_terms;         /* what else it changes, in words */
  gint64    attachment_id;       /* its signed file, one of the contract's; 0: none */
  SignetAmendmentState state;    /* set by the store (signet-store-approvals.h) */
} SignetAmendment;

SignetAmendment *signet_amendment_new           (gint64                  contract_id);
SignetAmendment *signet_amendment_copy          (const SignetAmendment  *amendment);
void             signet_amendment_free          (SignetAmendment        *amendment);
gboolean         signet_amendment_changes       (const SignetAmendment  *amendment,
                                                 SignetAmendedTerm       term);

/* The contract's terms on @date ("YYYY-MM-DD"): a copy of @contract (its
 * stored, original terms) with the terms of every approved amendment of
 * @amendments (SignetAmendment *, of this contract, in any order) whose
 * effective date is @date or before applied in the order of their
 * effective dates (on the same day, in the order they were added), each
 * changing only the terms it names. @sources (nullable, of
 * SIGNET_N_AMENDED_TERMS) gets for each term the amendment that set it, or
 * NULL where the original applies; they point into @amendments. */
SignetContract  *signet_contract_terms_as_of    (SignetContract         *contract,
                                                 GPtrArray              *amendments,
                                                 const char             *date,
                                                 const SignetAmendment **sources);
/* @amendments sorted as they apply: by effective date, then id. A new
 * array of the same pointers, owning none. */
GPtrArray       *signet_amendments_sort_by_effect (GPtrArray            *amendments);

/* Whether @field of a signed contract is locked: its number, client,
 * title, value and currency, dates and notice period change by amendment
 * only (the notice period is a term amendments change, with auto-renew).
 * Its notes, tags, owner, department, type and risk stay editable. */
gboolean         signet_contract_field_is_locked_when_signed (SignetField field);

/* The number an amendment gets from @pattern: {CONTRACT} is the
 * contract's number, {N} the amendment's sequence (1, 2, …) and a longer
 * run ({NN}, {NNN}) the sequence zero-padded to that width. NULL when
 * @pattern has no sequence. */
char            *signet_amendment_format_number (const char             *pattern,
                                                 const char             *contract_number,
                                                 guint                   sequence);
#define SIGNET_AMENDMENT_NUMBER_PATTERN_DEFAULT "{CONTRACT}-A{N}"

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SignetAmendment, signet_amendment_free)

G_END_DECLS
