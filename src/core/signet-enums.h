/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* The order is the order of the contract process; tokens are stable and
 * never translated (they are stored in the database and written to XML). */
typedef enum
{
  SIGNET_CONTRACT_STATUS_DRAFT,
  SIGNET_CONTRACT_STATUS_IN_REVIEW,
  SIGNET_CONTRACT_STATUS_APPROVED,
  SIGNET_CONTRACT_STATUS_SIGNED,
  SIGNET_CONTRACT_STATUS_ACTIVE,
  SIGNET_CONTRACT_STATUS_EXPIRED,
  SIGNET_CONTRACT_STATUS_RENEWED,
  SIGNET_CONTRACT_STATUS_TERMINATED,
} SignetContractStatus;

#define SIGNET_N_CONTRACT_STATUSES (SIGNET_CONTRACT_STATUS_TERMINATED + 1)

typedef enum
{
  SIGNET_RISK_LEVEL_LOW,
  SIGNET_RISK_LEVEL_MEDIUM,
  SIGNET_RISK_LEVEL_HIGH,
} SignetRiskLevel;

#define SIGNET_N_RISK_LEVELS (SIGNET_RISK_LEVEL_HIGH + 1)

/* Every field a user can get wrong. A validation error uses the domain
 * SIGNET_FIELD_ERROR with the field as its code, so the window can show the
 * message next to the right widget. */
typedef enum
{
  SIGNET_FIELD_NONE,
  SIGNET_FIELD_CONTRACT_NUMBER,
  SIGNET_FIELD_CONTRACT_TITLE,
  SIGNET_FIELD_CONTRACT_CLIENT,
  SIGNET_FIELD_CONTRACT_TYPE,
  SIGNET_FIELD_CONTRACT_OWNER,
  SIGNET_FIELD_CONTRACT_DEPARTMENT,
  SIGNET_FIELD_CONTRACT_VALUE,
  SIGNET_FIELD_CONTRACT_CURRENCY,
  SIGNET_FIELD_CONTRACT_SIGNING_DATE,
  SIGNET_FIELD_CONTRACT_START_DATE,
  SIGNET_FIELD_CONTRACT_END_DATE,
  SIGNET_FIELD_CONTRACT_NOTICE_DAYS,
  SIGNET_FIELD_CONTRACT_STATUS,
  SIGNET_FIELD_CONTRACT_RISK_LEVEL,
  SIGNET_FIELD_CONTRACT_TAGS,
  SIGNET_FIELD_CONTRACT_NOTES,
  SIGNET_FIELD_CLIENT_NAME,
  SIGNET_FIELD_CLIENT_CODE,
  SIGNET_FIELD_CLIENT_CONTACT,
  SIGNET_FIELD_CLIENT_PHONE,
  SIGNET_FIELD_CLIENT_EMAIL,
  SIGNET_FIELD_CLIENT_ADDRESS,
  SIGNET_FIELD_CLIENT_NOTES,
  SIGNET_FIELD_KEY_DATE_KIND,
  SIGNET_FIELD_KEY_DATE_DATE,
  SIGNET_FIELD_KEY_DATE_TITLE,
  SIGNET_FIELD_KEY_DATE_NOTE,
  SIGNET_FIELD_REVIEW_DATE,
  SIGNET_FIELD_REVIEW_REVIEWER,
  SIGNET_FIELD_REVIEW_NOTE,
  SIGNET_FIELD_REMINDER_END_LEADS,
  SIGNET_FIELD_REMINDER_NOTICE_LEADS,
  SIGNET_FIELD_REMINDER_REVIEW_LEADS,
  SIGNET_FIELD_REMINDER_LEAD_DAYS,
  SIGNET_FIELD_PERSON_NAME,
  SIGNET_FIELD_PERSON_DEPARTMENT,
  SIGNET_FIELD_PERSON_ROLE,
  SIGNET_FIELD_PERSON_EMAIL,
  /* A planned payment of a contract, its invoices and the payments
   * received or made on it. */
  SIGNET_FIELD_PAYMENT_DIRECTION,
  SIGNET_FIELD_PAYMENT_TITLE,
  SIGNET_FIELD_PAYMENT_AMOUNT,
  SIGNET_FIELD_PAYMENT_CURRENCY,
  SIGNET_FIELD_PAYMENT_DUE_DATE,
  SIGNET_FIELD_PAYMENT_CONDITION,
  SIGNET_FIELD_PAYMENT_NOTE,
  SIGNET_FIELD_INVOICE_NUMBER,
  SIGNET_FIELD_INVOICE_DATE,
  SIGNET_FIELD_INVOICE_AMOUNT,
  SIGNET_FIELD_SETTLEMENT_DATE,
  SIGNET_FIELD_SETTLEMENT_AMOUNT,
  SIGNET_FIELD_SETTLEMENT_NOTE,
  /* An obligation of a contract, and what was done about one of its
   * occurrences. */
  SIGNET_FIELD_OBLIGATION_PARTY,
  SIGNET_FIELD_OBLIGATION_TITLE,
  SIGNET_FIELD_OBLIGATION_OWNER,
  SIGNET_FIELD_OBLIGATION_DUE_DATE,
  SIGNET_FIELD_OBLIGATION_RECURRENCE,
  SIGNET_FIELD_OBLIGATION_UNTIL,
  SIGNET_FIELD_OBLIGATION_CLAUSE,
  SIGNET_FIELD_OBLIGATION_NOTE,
  SIGNET_FIELD_OCCURRENCE_DUE,
  SIGNET_FIELD_OCCURRENCE_DONE,
  SIGNET_FIELD_OCCURRENCE_NOTE,
  /* A contract type's own fields; its defaults are the contract's. */
  SIGNET_FIELD_TYPE_NAME,
  SIGNET_FIELD_TYPE_AUTO_RENEW,
  SIGNET_FIELD_TYPE_TERM_MONTHS,
  SIGNET_FIELD_TYPE_REVIEW_MONTHS,
  SIGNET_FIELD_TYPE_KEY_DATES,
  SIGNET_FIELD_TYPE_CHECKLIST,
  /* A review's checklist as answered, with its findings. */
  SIGNET_FIELD_REVIEW_CHECKLIST,
  /* A review's follow-up actions and follow-up review. */
  SIGNET_FIELD_REVIEW_ACTIONS,
  SIGNET_FIELD_REVIEW_FOLLOW_UP,
  SIGNET_FIELD_REVIEW_ACTION,
  SIGNET_FIELD_REVIEW_ACTION_OWNER,
  SIGNET_FIELD_REVIEW_ACTION_DUE,
  SIGNET_FIELD_REVIEW_ACTION_DONE,
  /* An amendment's own fields; the terms it changes are the contract's. */
  SIGNET_FIELD_AMENDMENT_NUMBER,
  SIGNET_FIELD_AMENDMENT_SIGNING_DATE,
  SIGNET_FIELD_AMENDMENT_EFFECTIVE_DATE,
  SIGNET_FIELD_AMENDMENT_REASON,
  SIGNET_FIELD_AMENDMENT_OTHER_TERMS,
  /* A risk of a contract's register, and the reason a risk level was kept
   * against the suggested one. */
  SIGNET_FIELD_RISK_CATEGORY,
  SIGNET_FIELD_RISK_DESCRIPTION,
  SIGNET_FIELD_RISK_LIKELIHOOD,
  SIGNET_FIELD_RISK_IMPACT,
  SIGNET_FIELD_RISK_MITIGATION,
  SIGNET_FIELD_RISK_OWNER,
  SIGNET_FIELD_RISK_STATUS,
  SIGNET_FIELD_RISK_NEXT_REVIEW,
  SIGNET_FIELD_RISK_CLAUSE,
  SIGNET_FIELD_RISK_LEVEL_REASON,
  /* An approval route and the rules, and the decisions on its steps. */
  SIGNET_FIELD_ROUTE_NAME,
  SIGNET_FIELD_ROUTE_STEPS,
  SIGNET_FIELD_APPROVAL_RULES,
  SIGNET_FIELD_APPROVAL_STEP,
  SIGNET_FIELD_APPROVER,
  SIGNET_FIELD_APPROVAL_OPINION,
  /* A contract's paper original and its loans. */
  SIGNET_FIELD_ORIGINAL_ARCHIVE_NUMBER,
  SIGNET_FIELD_ORIGINAL_ROOM,
  SIGNET_FIELD_ORIGINAL_CABINET,
  SIGNET_FIELD_ORIGINAL_SHELF,
  SIGNET_FIELD_ORIGINAL_BOX,
  SIGNET_FIELD_ORIGINAL_COUNT,
  SIGNET_FIELD_ORIGINAL_COPIES,
  SIGNET_FIELD_ORIGINAL_ARCHIVED_BY,
  SIGNET_FIELD_ORIGINAL_ARCHIVED_ON,
  SIGNET_FIELD_ORIGINAL_NOTE,
  SIGNET_FIELD_LOAN_BORROWER,
  SIGNET_FIELD_LOAN_DEPARTMENT,
  SIGNET_FIELD_LOAN_PURPOSE,
  SIGNET_FIELD_LOAN_LENT_ON,
  SIGNET_FIELD_LOAN_DUE_ON,
  SIGNET_FIELD_LOAN_RETURNED_ON,
  SIGNET_FIELD_LOAN_CONDITION,
  /* An exchange rate (signet-store-rates.h). */
  SIGNET_FIELD_EXCHANGE_RATE,
  /* A saved view of the list (signet-store-views.h). */
  SIGNET_FIELD_VIEW_NAME,
  SIGNET_FIELD_VIEW_FILTERS,
  /* Whether a contract is seen, on a team register, only by the people
   * named on it (contracts.confidential, migration 24). */
  SIGNET_FIELD_CONTRACT_CONFIDENTIAL,
} SignetField;

#define SIGNET_FIELD_ERROR (signet_field_error_quark ())
GQuark                signet_field_error_quark            (void);

const char           *signet_contract_status_to_token     (SignetContractStatus  status);
gboolean              signet_contract_status_from_token   (const char           *token,
                                                           SignetContractStatus *status);
const char           *signet_contract_status_to_label     (SignetContractStatus  status);

const char           *signet_risk_level_to_token          (SignetRiskLevel       level);
gboolean              signet_risk_level_from_token        (const char           *token,
                                                           SignetRiskLevel      *level);
const char           *signet_risk_level_to_label          (SignetRiskLevel       level);

/* The stable name of a field, as used in the audit log and in XML. */
const char           *signet_field_to_token               (SignetField           field);
/* The translated name of a field, as shown to the user. */
const char           *signet_field_to_label               (SignetField           field);

G_END_DECLS
