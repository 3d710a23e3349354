/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "signet-enums"

#include "config.h"

#include <glib/gi18n.h>

#include "signet-enums.h"

static const char * const status_tokens[SIGNET_N_CONTRACT_STATUSES] = {
  "draft", "in-review", "approved", "signed", "active", "expired", "renewed", "terminated",
};

static const char * const risk_tokens[SIGNET_N_RISK_LEVELS] = {
  "low", "medium", "high",
};

static const char * const field_tokens[] = {
  [SIGNET_FIELD_NONE] = "",
  [SIGNET_FIELD_CONTRACT_NUMBER] = "number",
  [SIGNET_FIELD_CONTRACT_TITLE] = "title",
  [SIGNET_FIELD_CONTRACT_CLIENT] = "client",
  [SIGNET_FIELD_CONTRACT_TYPE] = "type",
  [SIGNET_FIELD_CONTRACT_OWNER] = "owner",
  [SIGNET_FIELD_CONTRACT_DEPARTMENT] = "department",
  [SIGNET_FIELD_CONTRACT_VALUE] = "value",
  [SIGNET_FIELD_CONTRACT_CURRENCY] = "currency",
  [SIGNET_FIELD_CONTRACT_SIGNING_DATE] = "signing-date",
  [SIGNET_FIELD_CONTRACT_START_DATE] = "start-date",
  [SIGNET_FIELD_CONTRACT_END_DATE] = "end-date",
  [SIGNET_FIELD_CONTRACT_NOTICE_DAYS] = "notice-days",
  [SIGNET_FIELD_CONTRACT_STATUS] = "status",
  [SIGNET_FIELD_CONTRACT_RISK_LEVEL] = "risk-level",
  [SIGNET_FIELD_CONTRACT_TAGS] = "tags",
  [SIGNET_FIELD_CONTRACT_NOTES] = "notes",
  [SIGNET_FIELD_CLIENT_NAME] = "name",
  [SIGNET_FIELD_CLIENT_CODE] = "code",
  [SIGNET_FIELD_CLIENT_CONTACT] = "contact",
  [SIGNET_FIELD_CLIENT_PHONE] = "phone",
  [SIGNET_FIELD_CLIENT_EMAIL] = "email",
  [SIGNET_FIELD_CLIENT_ADDRESS] = "address",
  [SIGNET_FIELD_CLIENT_NOTES] = "notes",
  [SIGNET_FIELD_KEY_DATE_KIND] = "key-date-kind",
  [SIGNET_FIELD_KEY_DATE_DATE] = "key-date",
  [SIGNET_FIELD_KEY_DATE_TITLE] = "key-date-title",
  [SIGNET_FIELD_KEY_DATE_NOTE] = "key-date-note",
  [SIGNET_FIELD_REVIEW_DATE] = "review-date",
  [SIGNET_FIELD_REVIEW_REVIEWER] = "reviewer",
  [SIGNET_FIELD_REVIEW_NOTE] = "review-note",
  [SIGNET_FIELD_REMINDER_END_LEADS] = "end-reminders",
  [SIGNET_FIELD_REMINDER_NOTICE_LEADS] = "notice-reminders",
  [SIGNET_FIELD_REMINDER_REVIEW_LEADS] = "review-reminders",
  [SIGNET_FIELD_REMINDER_LEAD_DAYS] = "reminder-lead-days",
  [SIGNET_FIELD_PERSON_NAME] = "person-name",
  [SIGNET_FIELD_PERSON_DEPARTMENT] = "person-department",
  [SIGNET_FIELD_PERSON_ROLE] = "person-role",
  [SIGNET_FIELD_PERSON_EMAIL] = "person-email",
  [SIGNET_FIELD_PAYMENT_DIRECTION] = "payment-direction",
  [SIGNET_FIELD_PAYMENT_TITLE] = "payment-title",
  [SIGNET_FIELD_PAYMENT_AMOUNT] = "payment-amount",
  [SIGNET_FIELD_PAYMENT_CURRENCY] = "payment-currency",
  [SIGNET_FIELD_PAYMENT_DUE_DATE] = "payment-due-date",
  [SIGNET_FIELD_PAYMENT_CONDITION] = "payment-condition",
  [SIGNET_FIELD_PAYMENT_NOTE] = "payment-note",
  [SIGNET_FIELD_INVOICE_NUMBER] = "invoice-number",
  [SIGNET_FIELD_INVOICE_DATE] = "invoice-date",
  [SIGNET_FIELD_INVOICE_AMOUNT] = "invoice-amount",
  [SIGNET_FIELD_SETTLEMENT_DATE] = "paid-on",
  [SIGNET_FIELD_SETTLEMENT_AMOUNT] = "paid-amount",
  [SIGNET_FIELD_SETTLEMENT_NOTE] = "paid-note",
  [SIGNET_FIELD_OBLIGATION_PARTY] = "obligation-party",
  [SIGNET_FIELD_OBLIGATION_TITLE] = "obligation",
  [SIGNET_FIELD_OBLIGATION_OWNER] = "obligation-owner",
  [SIGNET_FIELD_OBLIGATION_DUE_DATE] = "obligation-due-date",
  [SIGNET_FIELD_OBLIGATION_RECURRENCE] = "recurrence",
  [SIGNET_FIELD_OBLIGATION_UNTIL] = "recurs-until",
  [SIGNET_FIELD_OBLIGATION_CLAUSE] = "obligation-clause",
  [SIGNET_FIELD_OBLIGATION_NOTE] = "obligation-note",
  [SIGNET_FIELD_OCCURRENCE_DUE] = "occurrence-due",
  [SIGNET_FIELD_OCCURRENCE_DONE] = "done-on",
  [SIGNET_FIELD_OCCURRENCE_NOTE] = "waived-because",
  [SIGNET_FIELD_TYPE_NAME] = "type-name",
  [SIGNET_FIELD_TYPE_AUTO_RENEW] = "type-auto-renew",
  [SIGNET_FIELD_TYPE_TERM_MONTHS] = "type-term-months",
  [SIGNET_FIELD_TYPE_REVIEW_MONTHS] = "type-review-months",
  [SIGNET_FIELD_TYPE_KEY_DATES] = "type-key-dates",
  [SIGNET_FIELD_TYPE_CHECKLIST] = "type-checklist",
  [SIGNET_FIELD_REVIEW_CHECKLIST] = "review-checklist",
  [SIGNET_FIELD_REVIEW_ACTIONS] = "review-actions",
  [SIGNET_FIELD_REVIEW_FOLLOW_UP] = "review-follow-up",
  [SIGNET_FIELD_REVIEW_ACTION] = "review-action",
  [SIGNET_FIELD_REVIEW_ACTION_OWNER] = "review-action-owner",
  [SIGNET_FIELD_REVIEW_ACTION_DUE] = "review-action-due",
  [SIGNET_FIELD_REVIEW_ACTION_DONE] = "review-action-done",
  [SIGNET_FIELD_AMENDMENT_NUMBER] = "amendment-number",
  [SIGNET_FIELD_AMENDMENT_SIGNING_DATE] = "amendment-signing-date",
  [SIGNET_FIELD_AMENDMENT_EFFECTIVE_DATE] = "effective-date",
  [SIGNET_FIELD_AMENDMENT_REASON] = "amendment-reason",
  [SIGNET_FIELD_AMENDMENT_OTHER_TERMS] = "other-terms",
  [SIGNET_FIELD_RISK_CATEGORY] = "risk-category",
  [SIGNET_FIELD_RISK_DESCRIPTION] = "risk-description",
  [SIGNET_FIELD_RISK_LIKELIHOOD] = "likelihood",
  [SIGNET_FIELD_RISK_IMPACT] = "impact",
  [SIGNET_FIELD_RISK_MITIGATION] = "mitigation",
  [SIGNET_FIELD_RISK_OWNER] = "risk-owner",
  [SIGNET_FIELD_RISK_STATUS] = "risk-status",
  [SIGNET_FIELD_RISK_NEXT_REVIEW] = "risk-next-review",
  [SIGNET_FIELD_RISK_CLAUSE] = "risk-clause",
  [SIGNET_FIELD_RISK_LEVEL_REASON] = "risk-level-reason",
  [SIGNET_FIELD_ROUTE_NAME] = "route-name",
  [SIGNET_FIELD_ROUTE_STEPS] = "route-steps",
  [SIGNET_FIELD_APPROVAL_RULES] = "approval-rules",
  [SIGNET_FIELD_APPROVAL_STEP] = "approval-step",
  [SIGNET_FIELD_APPROVER] = "approver",
  [SIGNET_FIELD_APPROVAL_OPINION] = "opinion",
  [SIGNET_FIELD_ORIGINAL_ARCHIVE_NUMBER] = "archive-number",
  [SIGNET_FIELD_ORIGINAL_ROOM] = "archive-room",
  [SIGNET_FIELD_ORIGINAL_CABINET] = "archive-cabinet",
  [SIGNET_FIELD_ORIGINAL_SHELF] = "archive-shelf",
  [SIGNET_FIELD_ORIGINAL_BOX] = "archive-box",
  [SIGNET_FIELD_ORIGINAL_COUNT] = "originals",
  [SIGNET_FIELD_ORIGINAL_COPIES] = "copies",
  [SIGNET_FIELD_ORIGINAL_ARCHIVED_BY] = "archived-by",
  [SIGNET_FIELD_ORIGINAL_ARCHIVED_ON] = "archived-on",
  [SIGNET_FIELD_ORIGINAL_NOTE] = "original-note",
  [SIGNET_FIELD_LOAN_BORROWER] = "borrower",
  [SIGNET_FIELD_LOAN_DEPARTMENT] = "borrower-department",
  [SIGNET_FIELD_LOAN_PURPOSE] = "loan-purpose",
  [SIGNET_FIELD_LOAN_LENT_ON] = "lent-on",
  [SIGNET_FIELD_LOAN_DUE_ON] = "due-on",
  [SIGNET_FIELD_LOAN_RETURNED_ON] = "returned-on",
  [SIGNET_FIELD_LOAN_CONDITION] = "return-condition",
  [SIGNET_FIELD_EXCHANGE_RATE] = "exchange-rate",
  [SIGNET_FIELD_VIEW_NAME] = "view-name",
  [SIGNET_FIELD_VIEW_FILTERS] = "view-filters",
  [SIGNET_FIELD_CONTRACT_CONFIDENTIAL] = "confidential",
};

G_DEFINE_QUARK (signet-field-error-quark, signet_field_error)

const char *
signet_contract_status_to_token (SignetContractStatus status)
{
  g_return_val_if_fail (status < SIGNET_N_CONTRACT_STATUSES, NULL);

  return status_tokens[status];
}

gboolean
signet_contract_status_from_token (const char           *token,
                                   SignetContractStatus *status)
{
  g_return_val_if_fail (status != NULL, FALSE);

  for (guint i = 0; token != NULL && i < G_N_ELEMENTS (status_tokens); i++)
    {
      if (g_str_equal (token, status_tokens[i]))
        {
          *status = i;
          return TRUE;
        }
    }

  return FALSE;
}

const char *
signet_contract_status_to_label (SignetContractStatus status)
{
  switch (status)
    {
    case SIGNET_CONTRACT_STATUS_DRAFT:      return C_("status", "Draft");
    case SIGNET_CONTRACT_STATUS_IN_REVIEW:  return C_("status", "In Review");
    case SIGNET_CONTRACT_STATUS_APPROVED:   return C_("status", "Approved");
    case SIGNET_CONTRACT_STATUS_SIGNED:     return C_("status", "Signed");
    case SIGNET_CONTRACT_STATUS_ACTIVE:     return C_("status", "Active");
    case SIGNET_CONTRACT_STATUS_EXPIRED:    return C_("status", "Expired");
    case SIGNET_CONTRACT_STATUS_RENEWED:    return C_("status", "Renewed");
    case SIGNET_CONTRACT_STATUS_TERMINATED: return C_("status", "Terminated");
    default:
      g_return_val_if_reached (NULL);
    }
}

const char *
signet_risk_level_to_token (SignetRiskLevel level)
{
  g_return_val_if_fail (level < SIGNET_N_RISK_LEVELS, NULL);

  return risk_tokens[level];
}

gboolean
signet_risk_level_from_token (const char      *token,
                              SignetRiskLevel *level)
{
  g_return_val_if_fail (level != NULL, FALSE);

  for (guint i = 0; token != NULL && i < G_N_ELEMENTS (risk_tokens); i++)
    {
      if (g_str_equal (token, risk_tokens[i]))
        {
          *level = i;
          return TRUE;
        }
    }

  return FALSE;
}

const char *
signet_risk_level_to_label (SignetRiskLevel level)
{
  switch (level)
    {
    case SIGNET_RISK_LEVEL_LOW:    return C_("risk", "Low");
    case SIGNET_RISK_LEVEL_MEDIUM: return C_("risk", "Medium");
    case SIGNET_RISK_LEVEL_HIGH:   return C_("risk", "High");
    default:
      g_return_val_if_reached (NULL);
    }
}

const char *
signet_field_to_token (SignetField field)
{
  g_return_val_if_fail (field < G_N_ELEMENTS (field_tokens), NULL);

  return field_tokens[field];
}

const char *
signet_field_to_label (SignetField field)
{
  switch (field)
    {
    case SIGNET_FIELD_NONE:                   return "";
    case SIGNET_FIELD_CONTRACT_NUMBER:        return _("Number");
    case SIGNET_FIELD_CONTRACT_TITLE:         return _("Title");
    case SIGNET_FIELD_CONTRACT_CLIENT:        return _("Client");
    case SIGNET_FIELD_CONTRACT_TYPE:          return _("Type");
    case SIGNET_FIELD_CONTRACT_OWNER:         return _("Owner");
    case SIGNET_FIELD_CONTRACT_DEPARTMENT:    return _("Department");
    case SIGNET_FIELD_CONTRACT_VALUE:         return _("Value");
    case SIGNET_FIELD_CONTRACT_CURRENCY:      return _("Currency");
    case SIGNET_FIELD_CONTRACT_SIGNING_DATE:  return _("Signing Date");
    case SIGNET_FIELD_CONTRACT_START_DATE:    return _("Start Date");
    case SIGNET_FIELD_CONTRACT_END_DATE:      return _("End Date");
    case SIGNET_FIELD_CONTRACT_NOTICE_DAYS:   return _("Notice Period");
    case SIGNET_FIELD_CONTRACT_STATUS:        return _("Status");
    case SIGNET_FIELD_CONTRACT_RISK_LEVEL:    return _("Risk Level");
    case SIGNET_FIELD_CONTRACT_TAGS:          return _("Tags");
    case SIGNET_FIELD_CONTRACT_NOTES:         return _("Notes");
    case SIGNET_FIELD_CLIENT_NAME:            return _("Name");
    case SIGNET_FIELD_CLIENT_CODE:            return _("Code");
    case SIGNET_FIELD_CLIENT_CONTACT:         return _("Contact Person");
    case SIGNET_FIELD_CLIENT_PHONE:           return _("Phone");
    case SIGNET_FIELD_CLIENT_EMAIL:           return _("Email");
    case SIGNET_FIELD_CLIENT_ADDRESS:         return _("Address");
    case SIGNET_FIELD_CLIENT_NOTES:           return _("Notes");
    case SIGNET_FIELD_KEY_DATE_KIND:          return _("Kind of Date");
    case SIGNET_FIELD_KEY_DATE_DATE:          return _("Date");
    case SIGNET_FIELD_KEY_DATE_TITLE:         return _("Title");
    case SIGNET_FIELD_KEY_DATE_NOTE:          return _("Note");
    case SIGNET_FIELD_REVIEW_DATE:            return _("Review Date");
    case SIGNET_FIELD_REVIEW_REVIEWER:        return _("Reviewer");
    case SIGNET_FIELD_REVIEW_NOTE:            return _("Review Note");
    case SIGNET_FIELD_REMINDER_END_LEADS:     return _("Reminders Before the End");
    case SIGNET_FIELD_REMINDER_NOTICE_LEADS:  return _("Reminders Before the Notice Deadline");
    case SIGNET_FIELD_REMINDER_REVIEW_LEADS:  return _("Reminders Before a Review");
    case SIGNET_FIELD_REMINDER_LEAD_DAYS:     return _("Days Before");
    /* Translators: a person's name, not a company's. */
    case SIGNET_FIELD_PERSON_NAME:            return C_("person", "Name");
    case SIGNET_FIELD_PERSON_DEPARTMENT:      return _("Department");
    /* Translators: what a person does (a job title), not a file's role. */
    case SIGNET_FIELD_PERSON_ROLE:            return C_("person", "Role");
    case SIGNET_FIELD_PERSON_EMAIL:           return _("Email");
    /* Translators: whether a planned payment is receivable or payable. */
    case SIGNET_FIELD_PAYMENT_DIRECTION:      return _("Receivable or Payable");
    case SIGNET_FIELD_PAYMENT_TITLE:          return _("Planned Payment");
    case SIGNET_FIELD_PAYMENT_AMOUNT:         return _("Amount");
    case SIGNET_FIELD_PAYMENT_CURRENCY:       return _("Currency");
    case SIGNET_FIELD_PAYMENT_DUE_DATE:       return _("Due Date");
    /* Translators: what a payment waits for, "after acceptance" (付款条件). */
    case SIGNET_FIELD_PAYMENT_CONDITION:      return _("Payment Condition");
    case SIGNET_FIELD_PAYMENT_NOTE:           return _("Note");
    case SIGNET_FIELD_INVOICE_NUMBER:         return _("Invoice Number");
    case SIGNET_FIELD_INVOICE_DATE:           return _("Invoice Date");
    case SIGNET_FIELD_INVOICE_AMOUNT:         return _("Invoice Amount");
    case SIGNET_FIELD_SETTLEMENT_DATE:        return _("Date Paid");
    case SIGNET_FIELD_SETTLEMENT_AMOUNT:      return _("Amount Paid");
    case SIGNET_FIELD_SETTLEMENT_NOTE:        return _("Payment Note");
    /* Translators: who must do what an obligation says: us or the
     * other party (履约方). */
    case SIGNET_FIELD_OBLIGATION_PARTY:       return _("Obligated Party");
    case SIGNET_FIELD_OBLIGATION_TITLE:       return _("Obligation");
    case SIGNET_FIELD_OBLIGATION_OWNER:       return _("Obligation Owner");
    case SIGNET_FIELD_OBLIGATION_DUE_DATE:    return _("First Due Date");
    case SIGNET_FIELD_OBLIGATION_RECURRENCE:  return _("Recurrence");
    case SIGNET_FIELD_OBLIGATION_UNTIL:       return _("Recurs Until");
    /* Translators: the clause of the signed file an obligation comes from. */
    case SIGNET_FIELD_OBLIGATION_CLAUSE:      return _("Obligation Clause");
    case SIGNET_FIELD_OBLIGATION_NOTE:        return _("Obligation Note");
    /* Translators: the day one occurrence of an obligation was due. */
    case SIGNET_FIELD_OCCURRENCE_DUE:         return _("Occurrence Due");
    case SIGNET_FIELD_OCCURRENCE_DONE:        return _("Done On");
    case SIGNET_FIELD_OCCURRENCE_NOTE:        return _("Reason Waived");
    case SIGNET_FIELD_TYPE_NAME:              return _("Type Name");
    case SIGNET_FIELD_TYPE_AUTO_RENEW:        return _("Auto-Renew");
    case SIGNET_FIELD_TYPE_TERM_MONTHS:       return _("Term in Months");
    case SIGNET_FIELD_TYPE_REVIEW_MONTHS:     return _("Review Interval in Months");
    case SIGNET_FIELD_TYPE_KEY_DATES:         return _("Key Dates After the Start");
    case SIGNET_FIELD_TYPE_CHECKLIST:         return _("Review Checklist");
    case SIGNET_FIELD_REVIEW_CHECKLIST:       return _("Checklist");
    case SIGNET_FIELD_REVIEW_ACTIONS:         return _("Follow-up Actions");
    case SIGNET_FIELD_REVIEW_FOLLOW_UP:       return _("Follow-up Review");
    case SIGNET_FIELD_REVIEW_ACTION:          return _("Follow-up Action");
    case SIGNET_FIELD_REVIEW_ACTION_OWNER:    return _("Action Owner");
    case SIGNET_FIELD_REVIEW_ACTION_DUE:      return _("Action Due Date");
    case SIGNET_FIELD_REVIEW_ACTION_DONE:     return _("Action Done On");
    case SIGNET_FIELD_AMENDMENT_NUMBER:       return _("Amendment Number");
    case SIGNET_FIELD_AMENDMENT_SIGNING_DATE: return _("Signing Date");
    case SIGNET_FIELD_AMENDMENT_EFFECTIVE_DATE: return _("Effective Date");
    case SIGNET_FIELD_AMENDMENT_REASON:       return _("Reason");
    case SIGNET_FIELD_AMENDMENT_OTHER_TERMS:  return _("Other Changed Terms");
    /* Translators: what a risk of a contract is about: legal, financial… */
    case SIGNET_FIELD_RISK_CATEGORY:          return _("Risk Category");
    case SIGNET_FIELD_RISK_DESCRIPTION:       return _("Risk");
    case SIGNET_FIELD_RISK_LIKELIHOOD:        return _("Likelihood");
    case SIGNET_FIELD_RISK_IMPACT:            return _("Impact");
    case SIGNET_FIELD_RISK_MITIGATION:        return _("Mitigation");
    case SIGNET_FIELD_RISK_OWNER:             return _("Risk Owner");
    case SIGNET_FIELD_RISK_STATUS:            return _("Risk Status");
    case SIGNET_FIELD_RISK_NEXT_REVIEW:       return _("Next Risk Review");
    /* Translators: the clause of the signed file a risk comes from. */
    case SIGNET_FIELD_RISK_CLAUSE:            return _("Clause");
    case SIGNET_FIELD_RISK_LEVEL_REASON:      return _("Reason for the Risk Level");
    case SIGNET_FIELD_ROUTE_NAME:             return _("Route Name");
    case SIGNET_FIELD_ROUTE_STEPS:            return _("Route Steps");
    case SIGNET_FIELD_APPROVAL_RULES:         return _("Approval Rules");
    /* Translators: the step of an approval route a decision was on. */
    case SIGNET_FIELD_APPROVAL_STEP:          return _("Approval Step");
    case SIGNET_FIELD_APPROVER:               return _("Approved By");
    /* Translators: what an approver wrote with a decision (审批意见). */
    case SIGNET_FIELD_APPROVAL_OPINION:       return _("Approval Opinion");
    /* Translators: the number under which the archive files a contract's
     * paper original (档案编号). */
    case SIGNET_FIELD_ORIGINAL_ARCHIVE_NUMBER: return _("Archive Number");
    case SIGNET_FIELD_ORIGINAL_ROOM:          return _("Room");
    case SIGNET_FIELD_ORIGINAL_CABINET:       return _("Cabinet");
    case SIGNET_FIELD_ORIGINAL_SHELF:         return _("Shelf");
    case SIGNET_FIELD_ORIGINAL_BOX:           return _("Box");
    case SIGNET_FIELD_ORIGINAL_COUNT:         return _("Originals");
    case SIGNET_FIELD_ORIGINAL_COPIES:        return _("Copies");
    case SIGNET_FIELD_ORIGINAL_ARCHIVED_BY:   return _("Archived By");
    case SIGNET_FIELD_ORIGINAL_ARCHIVED_ON:   return _("Archived On");
    case SIGNET_FIELD_ORIGINAL_NOTE:          return _("Archive Note");
    case SIGNET_FIELD_LOAN_BORROWER:          return _("Borrower");
    case SIGNET_FIELD_LOAN_DEPARTMENT:        return _("Borrower’s Department");
    case SIGNET_FIELD_LOAN_PURPOSE:           return _("Purpose");
    case SIGNET_FIELD_LOAN_LENT_ON:           return _("Lent On");
    case SIGNET_FIELD_LOAN_DUE_ON:            return _("Due On");
    case SIGNET_FIELD_LOAN_RETURNED_ON:       return _("Returned On");
    case SIGNET_FIELD_LOAN_CONDITION:         return _("Condition on Return");
    case SIGNET_FIELD_EXCHANGE_RATE:          return _("Exchange Rate");
    case SIGNET_FIELD_VIEW_NAME:              return _("View Name");
    case SIGNET_FIELD_VIEW_FILTERS:           return _("Filters");
    /* Translators: a contract only the people named on it may see (机密). */
    case SIGNET_FIELD_CONTRACT_CONFIDENTIAL:  return _("Confidential");
    default:
      g_return_val_if_reached (NULL);
    }
}
