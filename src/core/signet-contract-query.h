/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "signet-enums.h"

G_BEGIN_DECLS

/* What the contract list can be narrowed to besides the fields of a
 * SignetContractQuery: conditions on a contract's other records, which a
 * contract must all pass. */
typedef enum
{
  SIGNET_CONTRACT_FILTER_NONE                 = 0,
  /* Contracts whose original is out. */
  SIGNET_CONTRACT_FILTER_ON_LOAN              = 1 << 0,
  /* Contracts one of whose reviews has a follow-up action not done. */
  SIGNET_CONTRACT_FILTER_OPEN_REVIEW_FINDINGS = 1 << 1,
  /* Contracts with a payment due before today and not paid in full. */
  SIGNET_CONTRACT_FILTER_OVERDUE_PAYMENTS     = 1 << 2,
  /* Contracts with an obligation occurrence due before today, open. */
  SIGNET_CONTRACT_FILTER_OVERDUE_OBLIGATIONS  = 1 << 3,
  /* Contracts whose next periodic review is before today. */
  SIGNET_CONTRACT_FILTER_OVERDUE_REVIEWS      = 1 << 4,
  /* Contracts whose original is out past its due date. */
  SIGNET_CONTRACT_FILTER_OVERDUE_LOANS        = 1 << 5,
  /* Contracts with an approval step waiting for its decision. */
  SIGNET_CONTRACT_FILTER_PENDING_APPROVALS    = 1 << 6,
} SignetContractFilter;

/* The dates of a contract a query can ask to fall in a range. */
typedef enum
{
  SIGNET_QUERY_DATE_SIGNING,
  SIGNET_QUERY_DATE_START,
  SIGNET_QUERY_DATE_END,
  /* The last day to give notice: the end date less the notice days. */
  SIGNET_QUERY_DATE_NOTICE,
  /* The day the contract ended: its termination date when terminated,
   * else its end date. */
  SIGNET_QUERY_DATE_ENDED,
} SignetQueryDate;

#define SIGNET_N_QUERY_DATES (SIGNET_QUERY_DATE_ENDED + 1)

#define SIGNET_TYPE_CONTRACT_QUERY (signet_contract_query_get_type ())

/* Which contracts to show: the list's filters, a saved view, the contracts
 * behind one number of the overview or of a scorecard. Every field left
 * unset lets every contract pass; the fields that are set must all hold
 * (within a field, any of its values may). The terms compared are the
 * ones in force today (amendments applied). A plain value; the search
 * text travels beside it. */
typedef struct _SignetContractQuery SignetContractQuery;

GType                signet_contract_query_get_type       (void) G_GNUC_CONST;
SignetContractQuery *signet_contract_query_new            (void);
SignetContractQuery *signet_contract_query_copy           (const SignetContractQuery *self);
void                 signet_contract_query_free           (SignetContractQuery       *self);
gboolean             signet_contract_query_equal          (const SignetContractQuery *a,
                                                           const SignetContractQuery *b);
/* Whether every contract passes. */
gboolean             signet_contract_query_is_empty       (const SignetContractQuery *self);

/* A set of statuses, as 1 << SignetContractStatus bits; 0 = any. */
guint                signet_contract_query_get_statuses   (const SignetContractQuery *self);
void                 signet_contract_query_set_statuses   (SignetContractQuery       *self,
                                                           guint                      statuses);
/* A set of risk levels, as 1 << SignetRiskLevel bits; 0 = any. */
guint                signet_contract_query_get_risk_levels (const SignetContractQuery *self);
void                 signet_contract_query_set_risk_levels (SignetContractQuery      *self,
                                                            guint                     risk_levels);
/* Contract type names, departments and currencies (ISO codes) the
 * contract's must be one of; NULL or empty = any. */
const char * const  *signet_contract_query_get_types       (const SignetContractQuery *self);
void                 signet_contract_query_set_types       (SignetContractQuery       *self,
                                                            const char * const        *types);
const char * const  *signet_contract_query_get_departments (const SignetContractQuery *self);
void                 signet_contract_query_set_departments (SignetContractQuery       *self,
                                                            const char * const        *departments);
const char * const  *signet_contract_query_get_currencies  (const SignetContractQuery *self);
void                 signet_contract_query_set_currencies  (SignetContractQuery       *self,
                                                            const char * const        *currencies);
/* Owners (people.id) and clients (clients.id) the contract's must be one
 * of; n = 0 = any. */
const gint64        *signet_contract_query_get_owners      (const SignetContractQuery *self,
                                                            guint                     *n);
void                 signet_contract_query_set_owners      (SignetContractQuery       *self,
                                                            const gint64              *owners,
                                                            guint                      n);
const gint64        *signet_contract_query_get_clients     (const SignetContractQuery *self,
                                                            guint                     *n);
void                 signet_contract_query_set_clients     (SignetContractQuery       *self,
                                                            const gint64              *clients,
                                                            guint                      n);
/* The date @field falls between @from and @to (YYYY-MM-DD, both
 * included); either may be NULL for an open end, both NULL = any. A
 * contract without that date does not pass a set range. */
void                 signet_contract_query_get_date_range  (const SignetContractQuery *self,
                                                            SignetQueryDate            field,
                                                            const char               **from,
                                                            const char               **to);
void                 signet_contract_query_set_date_range  (SignetContractQuery       *self,
                                                            SignetQueryDate            field,
                                                            const char                *from,
                                                            const char                *to);
/* Contracts not ended (expired, renewed, terminated) whose end date is
 * from today to @days days after it; -1 = any. Relative, so a saved
 * view keeps meaning "the next 30 days" tomorrow. */
int                  signet_contract_query_get_expiring_within (const SignetContractQuery *self);
void                 signet_contract_query_set_expiring_within (SignetContractQuery       *self,
                                                                int                        days);
SignetContractFilter signet_contract_query_get_filters     (const SignetContractQuery *self);
void                 signet_contract_query_set_filters     (SignetContractQuery       *self,
                                                            SignetContractFilter       filters);

/* A stable text form, for saved views and the XML; parsing refuses an
 * unknown key or a bad value with a message naming it. */
char                *signet_contract_query_to_string       (const SignetContractQuery *self);
SignetContractQuery *signet_contract_query_new_from_string (const char                *text,
                                                            GError                   **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SignetContractQuery, signet_contract_query_free)

G_END_DECLS
