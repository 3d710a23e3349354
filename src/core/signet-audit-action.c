/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "signet-store"

#include "config.h"

#include <glib/gi18n.h>

#include "signet-audit-action.h"
#include "signet-store-private.h"

/* Every action once: the token the audit table stores, the History's
 * label, and what "changed" says of a record the action was written for,
 * by this store or (read back from the log) by another connection. The
 * labels are here rather than in the History section so that a test
 * without a display can check that every action has one. */
static const struct
{
  const char       *token;
  const char       *label;
  gboolean          is_change;
  SignetChangeKind  change;
  const char       *detail;
} actions[SIGNET_N_AUDIT_ACTIONS] = {
  [SIGNET_AUDIT_ACTION_UNKNOWN] =
    { NULL,                   N_("Changed"),               FALSE, SIGNET_CHANGE_UPDATED, SIGNET_STORE_CHANGED_FIELDS },
  [SIGNET_AUDIT_ACTION_CREATE] =
    { "create",               N_("Created"),               FALSE, SIGNET_CHANGE_ADDED,   SIGNET_STORE_CHANGED_FIELDS },
  [SIGNET_AUDIT_ACTION_UPDATE] =
    { "update",               N_("Changed"),               TRUE,  SIGNET_CHANGE_UPDATED, SIGNET_STORE_CHANGED_FIELDS },
  [SIGNET_AUDIT_ACTION_DELETE] =
    { "delete",               N_("Deleted"),               FALSE, SIGNET_CHANGE_REMOVED, SIGNET_STORE_CHANGED_FIELDS },
  [SIGNET_AUDIT_ACTION_RESTORE] =
    { "restore",              N_("Restored"),              FALSE, SIGNET_CHANGE_ADDED,   SIGNET_STORE_CHANGED_FIELDS },
  [SIGNET_AUDIT_ACTION_ATTACH] =
    { "attach",               N_("File attached"),         FALSE, SIGNET_CHANGE_UPDATED, SIGNET_STORE_CHANGED_ATTACHMENTS },
  [SIGNET_AUDIT_ACTION_IMPORT_ATTACHMENT] =
    { "import attachment",    N_("File imported"),         FALSE, SIGNET_CHANGE_UPDATED, SIGNET_STORE_CHANGED_ATTACHMENTS },
  [SIGNET_AUDIT_ACTION_REPLACE_ATTACHMENT] =
    { "replace attachment",   N_("New version of a file"), FALSE, SIGNET_CHANGE_UPDATED, SIGNET_STORE_CHANGED_ATTACHMENTS },
  [SIGNET_AUDIT_ACTION_UPDATE_ATTACHMENT] =
    { "update attachment",    N_("File details changed"),  TRUE,  SIGNET_CHANGE_UPDATED, SIGNET_STORE_CHANGED_ATTACHMENTS },
  [SIGNET_AUDIT_ACTION_DELETE_ATTACHMENT] =
    { "delete attachment",    N_("File deleted"),          FALSE, SIGNET_CHANGE_UPDATED, SIGNET_STORE_CHANGED_ATTACHMENTS },
  [SIGNET_AUDIT_ACTION_RESTORE_ATTACHMENT] =
    { "restore attachment",   N_("File restored"),         FALSE, SIGNET_CHANGE_UPDATED, SIGNET_STORE_CHANGED_ATTACHMENTS },
  [SIGNET_AUDIT_ACTION_ANNOTATE] =
    { "annotate",             N_("Annotation added"),      FALSE, SIGNET_CHANGE_UPDATED, SIGNET_STORE_CHANGED_ANNOTATIONS },
  [SIGNET_AUDIT_ACTION_IMPORT_ANNOTATION] =
    { "import annotation",    N_("Annotation imported"),   FALSE, SIGNET_CHANGE_UPDATED, SIGNET_STORE_CHANGED_ANNOTATIONS },
  [SIGNET_AUDIT_ACTION_EDIT_ANNOTATION] =
    { "edit annotation",      N_("Annotation changed"),    TRUE,  SIGNET_CHANGE_UPDATED, SIGNET_STORE_CHANGED_ANNOTATIONS },
  [SIGNET_AUDIT_ACTION_DELETE_ANNOTATION] =
    { "delete annotation",    N_("Annotation deleted"),    FALSE, SIGNET_CHANGE_UPDATED, SIGNET_STORE_CHANGED_ANNOTATIONS },
  [SIGNET_AUDIT_ACTION_RESTORE_ANNOTATION] =
    { "restore annotation",   N_("Annotation restored"),   FALSE, SIGNET_CHANGE_UPDATED, SIGNET_STORE_CHANGED_ANNOTATIONS },
  [SIGNET_AUDIT_ACTION_ADD_KEY_DATE] =
    { "add-key-date",         N_("Key date added"),        FALSE, SIGNET_CHANGE_UPDATED, SIGNET_STORE_CHANGED_KEY_DATES },
  [SIGNET_AUDIT_ACTION_UPDATE_KEY_DATE] =
    { "update-key-date",      N_("Key date changed"),      TRUE,  SIGNET_CHANGE_UPDATED, SIGNET_STORE_CHANGED_KEY_DATES },
  [SIGNET_AUDIT_ACTION_DELETE_KEY_DATE] =
    { "delete-key-date",      N_("Key date deleted"),      FALSE, SIGNET_CHANGE_UPDATED, SIGNET_STORE_CHANGED_KEY_DATES },
  [SIGNET_AUDIT_ACTION_RESTORE_KEY_DATE] =
    { "restore-key-date",     N_("Key date restored"),     FALSE, SIGNET_CHANGE_UPDATED, SIGNET_STORE_CHANGED_KEY_DATES },
  [SIGNET_AUDIT_ACTION_RECORD_REVIEW] =
    { "record-review",        N_("Review recorded"),       FALSE, SIGNET_CHANGE_UPDATED, SIGNET_STORE_CHANGED_KEY_DATES },
  [SIGNET_AUDIT_ACTION_SET_REMINDERS] =
    { "set-reminders",        N_("Reminders changed"),     TRUE,  SIGNET_CHANGE_UPDATED, SIGNET_STORE_CHANGED_KEY_DATES },
  [SIGNET_AUDIT_ACTION_ACKNOWLEDGE_REMINDER] =
    { "acknowledge-reminder", N_("Reminder dismissed"),    FALSE, SIGNET_CHANGE_UPDATED, SIGNET_STORE_CHANGED_KEY_DATES },
  [SIGNET_AUDIT_ACTION_SUBMIT_FOR_REVIEW] =
    { "submit-for-review",    N_("Submitted for review"),  TRUE,  SIGNET_CHANGE_UPDATED, SIGNET_STORE_CHANGED_FIELDS },
  [SIGNET_AUDIT_ACTION_APPROVE] =
    { "approve",              N_("Approved"),              TRUE,  SIGNET_CHANGE_UPDATED, SIGNET_STORE_CHANGED_FIELDS },
  [SIGNET_AUDIT_ACTION_RETURN_FOR_CHANGES] =
    { "return-for-changes",   N_("Returned for changes"),  TRUE,  SIGNET_CHANGE_UPDATED, SIGNET_STORE_CHANGED_FIELDS },
  [SIGNET_AUDIT_ACTION_REJECT] =
    { "reject",               N_("Rejected"),              TRUE,  SIGNET_CHANGE_UPDATED, SIGNET_STORE_CHANGED_FIELDS },
  [SIGNET_AUDIT_ACTION_MARK_SIGNED] =
    { "mark-signed",          N_("Marked as signed"),      TRUE,  SIGNET_CHANGE_UPDATED, SIGNET_STORE_CHANGED_FIELDS },
  [SIGNET_AUDIT_ACTION_TERMINATE] =
    { "terminate",            N_("Terminated"),            TRUE,  SIGNET_CHANGE_UPDATED, SIGNET_STORE_CHANGED_FIELDS },
  [SIGNET_AUDIT_ACTION_RENEW] =
    { "renew",                N_("Renewed"),               TRUE,  SIGNET_CHANGE_UPDATED, SIGNET_STORE_CHANGED_FIELDS },
  [SIGNET_AUDIT_ACTION_CANCEL_DRAFT] =
    { "cancel-draft",         N_("Draft cancelled"),       TRUE,  SIGNET_CHANGE_UPDATED, SIGNET_STORE_CHANGED_FIELDS },
  [SIGNET_AUDIT_ACTION_ADD_PERSON] =
    { "add-person",           N_("Person added"),          FALSE, SIGNET_CHANGE_ADDED,   SIGNET_STORE_CHANGED_PEOPLE },
  [SIGNET_AUDIT_ACTION_UPDATE_PERSON] =
    { "update-person",        N_("Person changed"),        TRUE,  SIGNET_CHANGE_UPDATED, SIGNET_STORE_CHANGED_PEOPLE },
  [SIGNET_AUDIT_ACTION_DELETE_PERSON] =
    { "delete-person",        N_("Person deleted"),        FALSE, SIGNET_CHANGE_REMOVED, SIGNET_STORE_CHANGED_PEOPLE },
  [SIGNET_AUDIT_ACTION_RESTORE_PERSON] =
    { "restore-person",       N_("Person restored"),       FALSE, SIGNET_CHANGE_ADDED,   SIGNET_STORE_CHANGED_PEOPLE },
  [SIGNET_AUDIT_ACTION_ADD_CONTRACT_TYPE] =
    { "add-contract-type",    N_("Contract type added"),   FALSE, SIGNET_CHANGE_ADDED,   SIGNET_STORE_CHANGED_CONTRACT_TYPES },
  [SIGNET_AUDIT_ACTION_UPDATE_CONTRACT_TYPE] =
    { "update-contract-type", N_("Contract type changed"), TRUE,  SIGNET_CHANGE_UPDATED, SIGNET_STORE_CHANGED_CONTRACT_TYPES },
  [SIGNET_AUDIT_ACTION_DELETE_CONTRACT_TYPE] =
    { "delete-contract-type", N_("Contract type deleted"), FALSE, SIGNET_CHANGE_REMOVED, SIGNET_STORE_CHANGED_CONTRACT_TYPES },
  [SIGNET_AUDIT_ACTION_RESTORE_CONTRACT_TYPE] =
    { "restore-contract-type", N_("Contract type restored"), FALSE, SIGNET_CHANGE_ADDED, SIGNET_STORE_CHANGED_CONTRACT_TYPES },
  [SIGNET_AUDIT_ACTION_ADD_AMENDMENT] =
    { "add-amendment",        N_("Amendment added"),       FALSE, SIGNET_CHANGE_UPDATED, SIGNET_STORE_CHANGED_AMENDMENTS },
  [SIGNET_AUDIT_ACTION_UPDATE_AMENDMENT] =
    { "update-amendment",     N_("Amendment changed"),     TRUE,  SIGNET_CHANGE_UPDATED, SIGNET_STORE_CHANGED_AMENDMENTS },
  [SIGNET_AUDIT_ACTION_DELETE_AMENDMENT] =
    { "delete-amendment",     N_("Amendment deleted"),     FALSE, SIGNET_CHANGE_UPDATED, SIGNET_STORE_CHANGED_AMENDMENTS },
  [SIGNET_AUDIT_ACTION_RESTORE_AMENDMENT] =
    { "restore-amendment",    N_("Amendment restored"),    FALSE, SIGNET_CHANGE_UPDATED, SIGNET_STORE_CHANGED_AMENDMENTS },
  [SIGNET_AUDIT_ACTION_RENEWAL_OF] =
    { "renewal-of",           N_("Created as a renewal"),  FALSE, SIGNET_CHANGE_UPDATED, SIGNET_STORE_CHANGED_RENEWALS },
  [SIGNET_AUDIT_ACTION_RENEW_TACITLY] =
    { "renew-tacitly",        N_("Renewed tacitly"),       TRUE,  SIGNET_CHANGE_UPDATED, SIGNET_STORE_CHANGED_FIELDS },
  [SIGNET_AUDIT_ACTION_NOTICE_RENEW] =
    { "notice-renew",         N_("Decided at the notice deadline: renew"), FALSE,
      SIGNET_CHANGE_UPDATED, SIGNET_STORE_CHANGED_FIELDS },
  [SIGNET_AUDIT_ACTION_NOTICE_LET_EXPIRE] =
    { "notice-let-expire",    N_("Decided at the notice deadline: let expire"), FALSE,
      SIGNET_CHANGE_UPDATED, SIGNET_STORE_CHANGED_FIELDS },
  [SIGNET_AUDIT_ACTION_NOTICE_TERMINATE] =
    { "notice-terminate",     N_("Decided at the notice deadline: terminate"), FALSE,
      SIGNET_CHANGE_UPDATED, SIGNET_STORE_CHANGED_FIELDS },
  [SIGNET_AUDIT_ACTION_WITHDRAW_NOTICE_DECISION] =
    { "withdraw-notice-decision", N_("Decision at the notice deadline withdrawn"), FALSE,
      SIGNET_CHANGE_UPDATED, SIGNET_STORE_CHANGED_FIELDS },
  [SIGNET_AUDIT_ACTION_ADD_APPROVAL_ROUTE] =
    { "add-approval-route",   N_("Approval route added"),  FALSE, SIGNET_CHANGE_ADDED,   SIGNET_STORE_CHANGED_APPROVAL_ROUTES },
  [SIGNET_AUDIT_ACTION_UPDATE_APPROVAL_ROUTE] =
    { "update-approval-route", N_("Approval route changed"), TRUE, SIGNET_CHANGE_UPDATED, SIGNET_STORE_CHANGED_APPROVAL_ROUTES },
  [SIGNET_AUDIT_ACTION_DELETE_APPROVAL_ROUTE] =
    { "delete-approval-route", N_("Approval route deleted"), FALSE, SIGNET_CHANGE_REMOVED, SIGNET_STORE_CHANGED_APPROVAL_ROUTES },
  [SIGNET_AUDIT_ACTION_RESTORE_APPROVAL_ROUTE] =
    { "restore-approval-route", N_("Approval route restored"), FALSE, SIGNET_CHANGE_ADDED, SIGNET_STORE_CHANGED_APPROVAL_ROUTES },
  [SIGNET_AUDIT_ACTION_SET_APPROVAL_RULES] =
    { "set-approval-rules",   N_("Approval rules changed"), TRUE, SIGNET_CHANGE_UPDATED, SIGNET_STORE_CHANGED_APPROVAL_ROUTES },
  [SIGNET_AUDIT_ACTION_SUBMIT_AMENDMENT] =
    { "submit-amendment",     N_("Amendment submitted for review"), TRUE, SIGNET_CHANGE_UPDATED, SIGNET_STORE_CHANGED_AMENDMENTS },
  [SIGNET_AUDIT_ACTION_APPROVE_AMENDMENT] =
    { "approve-amendment",    N_("Amendment approved"),    TRUE,  SIGNET_CHANGE_UPDATED, SIGNET_STORE_CHANGED_AMENDMENTS },
  [SIGNET_AUDIT_ACTION_RETURN_AMENDMENT] =
    { "return-amendment",     N_("Amendment returned for changes"), TRUE, SIGNET_CHANGE_UPDATED, SIGNET_STORE_CHANGED_AMENDMENTS },
  [SIGNET_AUDIT_ACTION_REJECT_AMENDMENT] =
    { "reject-amendment",     N_("Amendment rejected"),    TRUE,  SIGNET_CHANGE_UPDATED, SIGNET_STORE_CHANGED_AMENDMENTS },
  [SIGNET_AUDIT_ACTION_ADD_REVIEW_ACTION] =
    { "add-review-action",    N_("Follow-up action added"), FALSE, SIGNET_CHANGE_UPDATED, SIGNET_STORE_CHANGED_KEY_DATES },
  [SIGNET_AUDIT_ACTION_UPDATE_REVIEW_ACTION] =
    { "update-review-action", N_("Follow-up action changed"), TRUE, SIGNET_CHANGE_UPDATED, SIGNET_STORE_CHANGED_KEY_DATES },
  [SIGNET_AUDIT_ACTION_COMPLETE_REVIEW_ACTION] =
    { "complete-review-action", N_("Follow-up action done"), TRUE, SIGNET_CHANGE_UPDATED, SIGNET_STORE_CHANGED_KEY_DATES },
  [SIGNET_AUDIT_ACTION_REOPEN_REVIEW_ACTION] =
    { "reopen-review-action", N_("Follow-up action reopened"), TRUE, SIGNET_CHANGE_UPDATED, SIGNET_STORE_CHANGED_KEY_DATES },
  [SIGNET_AUDIT_ACTION_ADD_PAYMENT] =
    { "add-payment",          N_("Payment planned"),       FALSE, SIGNET_CHANGE_UPDATED, SIGNET_STORE_CHANGED_PAYMENTS },
  [SIGNET_AUDIT_ACTION_UPDATE_PAYMENT] =
    { "update-payment",       N_("Planned payment changed"), TRUE, SIGNET_CHANGE_UPDATED, SIGNET_STORE_CHANGED_PAYMENTS },
  [SIGNET_AUDIT_ACTION_DELETE_PAYMENT] =
    { "delete-payment",       N_("Planned payment deleted"), FALSE, SIGNET_CHANGE_UPDATED, SIGNET_STORE_CHANGED_PAYMENTS },
  [SIGNET_AUDIT_ACTION_RESTORE_PAYMENT] =
    { "restore-payment",      N_("Planned payment restored"), FALSE, SIGNET_CHANGE_UPDATED, SIGNET_STORE_CHANGED_PAYMENTS },
  [SIGNET_AUDIT_ACTION_ADD_INVOICE] =
    { "add-invoice",          N_("Invoice recorded"),      FALSE, SIGNET_CHANGE_UPDATED, SIGNET_STORE_CHANGED_PAYMENTS },
  [SIGNET_AUDIT_ACTION_DELETE_INVOICE] =
    { "delete-invoice",       N_("Invoice deleted"),       FALSE, SIGNET_CHANGE_UPDATED, SIGNET_STORE_CHANGED_PAYMENTS },
  [SIGNET_AUDIT_ACTION_RESTORE_INVOICE] =
    { "restore-invoice",      N_("Invoice restored"),      FALSE, SIGNET_CHANGE_UPDATED, SIGNET_STORE_CHANGED_PAYMENTS },
  [SIGNET_AUDIT_ACTION_ADD_SETTLEMENT] =
    { "add-settlement",       N_("Payment recorded"),      FALSE, SIGNET_CHANGE_UPDATED, SIGNET_STORE_CHANGED_PAYMENTS },
  [SIGNET_AUDIT_ACTION_DELETE_SETTLEMENT] =
    { "delete-settlement",    N_("Recorded payment deleted"), FALSE, SIGNET_CHANGE_UPDATED, SIGNET_STORE_CHANGED_PAYMENTS },
  [SIGNET_AUDIT_ACTION_RESTORE_SETTLEMENT] =
    { "restore-settlement",   N_("Recorded payment restored"), FALSE, SIGNET_CHANGE_UPDATED, SIGNET_STORE_CHANGED_PAYMENTS },
  [SIGNET_AUDIT_ACTION_ADD_OBLIGATION] =
    { "add-obligation",       N_("Obligation added"),      FALSE, SIGNET_CHANGE_UPDATED, SIGNET_STORE_CHANGED_OBLIGATIONS },
  [SIGNET_AUDIT_ACTION_UPDATE_OBLIGATION] =
    { "update-obligation",    N_("Obligation changed"),    TRUE,  SIGNET_CHANGE_UPDATED, SIGNET_STORE_CHANGED_OBLIGATIONS },
  [SIGNET_AUDIT_ACTION_DELETE_OBLIGATION] =
    { "delete-obligation",    N_("Obligation deleted"),    FALSE, SIGNET_CHANGE_UPDATED, SIGNET_STORE_CHANGED_OBLIGATIONS },
  [SIGNET_AUDIT_ACTION_RESTORE_OBLIGATION] =
    { "restore-obligation",   N_("Obligation restored"),   FALSE, SIGNET_CHANGE_UPDATED, SIGNET_STORE_CHANGED_OBLIGATIONS },
  [SIGNET_AUDIT_ACTION_COMPLETE_OBLIGATION] =
    { "complete-obligation",  N_("Obligation done"),       TRUE,  SIGNET_CHANGE_UPDATED, SIGNET_STORE_CHANGED_OBLIGATIONS },
  [SIGNET_AUDIT_ACTION_WAIVE_OBLIGATION] =
    { "waive-obligation",     N_("Obligation waived"),     TRUE,  SIGNET_CHANGE_UPDATED, SIGNET_STORE_CHANGED_OBLIGATIONS },
  [SIGNET_AUDIT_ACTION_REOPEN_OBLIGATION] =
    { "reopen-obligation",    N_("Obligation reopened"),   TRUE,  SIGNET_CHANGE_UPDATED, SIGNET_STORE_CHANGED_OBLIGATIONS },
  [SIGNET_AUDIT_ACTION_ARCHIVE_ORIGINAL] =
    { "archive-original",     N_("Original archived"),     FALSE, SIGNET_CHANGE_UPDATED, SIGNET_STORE_CHANGED_ORIGINALS },
  [SIGNET_AUDIT_ACTION_UPDATE_ORIGINAL] =
    { "update-original",      N_("Original’s record changed"), TRUE, SIGNET_CHANGE_UPDATED, SIGNET_STORE_CHANGED_ORIGINALS },
  [SIGNET_AUDIT_ACTION_LEND_ORIGINAL] =
    { "lend-original",        N_("Original lent"),         FALSE, SIGNET_CHANGE_UPDATED, SIGNET_STORE_CHANGED_ORIGINALS },
  [SIGNET_AUDIT_ACTION_RETURN_ORIGINAL] =
    { "return-original",      N_("Original returned"),     FALSE, SIGNET_CHANGE_UPDATED, SIGNET_STORE_CHANGED_ORIGINALS },
  [SIGNET_AUDIT_ACTION_ADD_RISK] =
    { "add-risk",             N_("Risk added"),            FALSE, SIGNET_CHANGE_UPDATED, SIGNET_STORE_CHANGED_RISKS },
  [SIGNET_AUDIT_ACTION_UPDATE_RISK] =
    { "update-risk",          N_("Risk changed"),          TRUE,  SIGNET_CHANGE_UPDATED, SIGNET_STORE_CHANGED_RISKS },
  [SIGNET_AUDIT_ACTION_DELETE_RISK] =
    { "delete-risk",          N_("Risk deleted"),          FALSE, SIGNET_CHANGE_UPDATED, SIGNET_STORE_CHANGED_RISKS },
  [SIGNET_AUDIT_ACTION_RESTORE_RISK] =
    { "restore-risk",         N_("Risk restored"),         FALSE, SIGNET_CHANGE_UPDATED, SIGNET_STORE_CHANGED_RISKS },
  [SIGNET_AUDIT_ACTION_KEEP_RISK_LEVEL] =
    { "keep-risk-level",      N_("Risk level kept against the suggestion"), TRUE, SIGNET_CHANGE_UPDATED, SIGNET_STORE_CHANGED_RISKS },
  [SIGNET_AUDIT_ACTION_DELETE_LOAN] =
    { "delete-loan",          N_("Loan deleted"),          FALSE, SIGNET_CHANGE_UPDATED, SIGNET_STORE_CHANGED_ORIGINALS },
  [SIGNET_AUDIT_ACTION_RESTORE_LOAN] =
    { "restore-loan",         N_("Loan restored"),         FALSE, SIGNET_CHANGE_UPDATED, SIGNET_STORE_CHANGED_ORIGINALS },
  [SIGNET_AUDIT_ACTION_DELETE_ORIGINAL] =
    { "delete-original",      N_("Original’s record deleted"), FALSE, SIGNET_CHANGE_UPDATED, SIGNET_STORE_CHANGED_ORIGINALS },
  [SIGNET_AUDIT_ACTION_RESTORE_ORIGINAL] =
    { "restore-original",     N_("Original’s record restored"), FALSE, SIGNET_CHANGE_UPDATED, SIGNET_STORE_CHANGED_ORIGINALS },
  [SIGNET_AUDIT_ACTION_DELETE_REVIEW] =
    { "delete-review",        N_("Review deleted"),        FALSE, SIGNET_CHANGE_UPDATED, SIGNET_STORE_CHANGED_KEY_DATES },
  [SIGNET_AUDIT_ACTION_RESTORE_REVIEW] =
    { "restore-review",       N_("Review restored"),       FALSE, SIGNET_CHANGE_UPDATED, SIGNET_STORE_CHANGED_KEY_DATES },
  [SIGNET_AUDIT_ACTION_SET_EXCHANGE_RATE] =
    { "set-exchange-rate",    N_("Exchange rate set"),     TRUE,  SIGNET_CHANGE_UPDATED, SIGNET_STORE_CHANGED_EXCHANGE_RATES },
  [SIGNET_AUDIT_ACTION_REMOVE_EXCHANGE_RATE] =
    { "remove-exchange-rate", N_("Exchange rate removed"), FALSE, SIGNET_CHANGE_UPDATED, SIGNET_STORE_CHANGED_EXCHANGE_RATES },
  [SIGNET_AUDIT_ACTION_ADD_SAVED_VIEW] =
    { "add-saved-view",       N_("View saved"),            FALSE, SIGNET_CHANGE_ADDED,   SIGNET_STORE_CHANGED_SAVED_VIEWS },
  [SIGNET_AUDIT_ACTION_RENAME_SAVED_VIEW] =
    { "rename-saved-view",    N_("View renamed"),          TRUE,  SIGNET_CHANGE_UPDATED, SIGNET_STORE_CHANGED_SAVED_VIEWS },
  [SIGNET_AUDIT_ACTION_UPDATE_SAVED_VIEW] =
    { "update-saved-view",    N_("View changed"),          TRUE,  SIGNET_CHANGE_UPDATED, SIGNET_STORE_CHANGED_SAVED_VIEWS },
  [SIGNET_AUDIT_ACTION_MOVE_SAVED_VIEW] =
    { "move-saved-view",      N_("View moved"),            FALSE, SIGNET_CHANGE_UPDATED, SIGNET_STORE_CHANGED_SAVED_VIEWS },
  [SIGNET_AUDIT_ACTION_DELETE_SAVED_VIEW] =
    { "delete-saved-view",    N_("View deleted"),          FALSE, SIGNET_CHANGE_REMOVED, SIGNET_STORE_CHANGED_SAVED_VIEWS },
  [SIGNET_AUDIT_ACTION_RESTORE_SAVED_VIEW] =
    { "restore-saved-view",   N_("View restored"),         FALSE, SIGNET_CHANGE_ADDED,   SIGNET_STORE_CHANGED_SAVED_VIEWS },
};

const char *
signet_audit_action_to_token (SignetAuditAction action)
{
  g_return_val_if_fail (action < SIGNET_N_AUDIT_ACTIONS, NULL);

  return actions[action].token;
}

SignetAuditAction
signet_audit_action_from_token (const char *token)
{
  if (token == NULL)
    return SIGNET_AUDIT_ACTION_UNKNOWN;

  for (SignetAuditAction action = SIGNET_AUDIT_ACTION_UNKNOWN + 1; action < SIGNET_N_AUDIT_ACTIONS; action++)
    if (g_str_equal (token, actions[action].token))
      return action;

  return SIGNET_AUDIT_ACTION_UNKNOWN;
}

const char *
signet_audit_action_to_label (SignetAuditAction action)
{
  g_return_val_if_fail (action < SIGNET_N_AUDIT_ACTIONS, NULL);

  return _(actions[action].label);
}

gboolean
signet_audit_action_is_change (SignetAuditAction action)
{
  g_return_val_if_fail (action < SIGNET_N_AUDIT_ACTIONS, FALSE);

  return actions[action].is_change;
}

SignetChangeKind
_signet_audit_action_get_change (SignetAuditAction action)
{
  g_return_val_if_fail (action < SIGNET_N_AUDIT_ACTIONS, SIGNET_CHANGE_UPDATED);

  return actions[action].change;
}

const char *
_signet_audit_action_get_detail (SignetAuditAction action)
{
  g_return_val_if_fail (action < SIGNET_N_AUDIT_ACTIONS, SIGNET_STORE_CHANGED_FIELDS);

  return actions[action].detail;
}
