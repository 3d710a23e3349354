/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* What an entry of the audit log records. Each action is stored as its
 * token (signet_audit_action_to_token()) in the audit table; the tokens
 * are stable, mix spaces and hyphens for history's sake, and registers of
 * every version hold them. */
typedef enum
{
  /* A token this version does not know: written by a newer Signet. */
  SIGNET_AUDIT_ACTION_UNKNOWN,
  /* A client or a contract. */
  SIGNET_AUDIT_ACTION_CREATE,
  SIGNET_AUDIT_ACTION_UPDATE,
  SIGNET_AUDIT_ACTION_DELETE,
  SIGNET_AUDIT_ACTION_RESTORE,
  /* A contract's attached files. */
  SIGNET_AUDIT_ACTION_ATTACH,
  SIGNET_AUDIT_ACTION_IMPORT_ATTACHMENT,
  SIGNET_AUDIT_ACTION_REPLACE_ATTACHMENT,
  SIGNET_AUDIT_ACTION_UPDATE_ATTACHMENT,
  SIGNET_AUDIT_ACTION_DELETE_ATTACHMENT,
  SIGNET_AUDIT_ACTION_RESTORE_ATTACHMENT,
  /* The annotations of an attached file. */
  SIGNET_AUDIT_ACTION_ANNOTATE,
  SIGNET_AUDIT_ACTION_IMPORT_ANNOTATION,
  SIGNET_AUDIT_ACTION_EDIT_ANNOTATION,
  SIGNET_AUDIT_ACTION_DELETE_ANNOTATION,
  SIGNET_AUDIT_ACTION_RESTORE_ANNOTATION,
  /* A contract's key dates, reviews and reminders. */
  SIGNET_AUDIT_ACTION_ADD_KEY_DATE,
  SIGNET_AUDIT_ACTION_UPDATE_KEY_DATE,
  SIGNET_AUDIT_ACTION_DELETE_KEY_DATE,
  SIGNET_AUDIT_ACTION_RESTORE_KEY_DATE,
  SIGNET_AUDIT_ACTION_RECORD_REVIEW,
  SIGNET_AUDIT_ACTION_SET_REMINDERS,
  SIGNET_AUDIT_ACTION_ACKNOWLEDGE_REMINDER,
  /* A step of a contract's process (signet-contract-process.h). */
  SIGNET_AUDIT_ACTION_SUBMIT_FOR_REVIEW,
  SIGNET_AUDIT_ACTION_APPROVE,
  SIGNET_AUDIT_ACTION_RETURN_FOR_CHANGES,
  SIGNET_AUDIT_ACTION_REJECT,
  SIGNET_AUDIT_ACTION_MARK_SIGNED,
  SIGNET_AUDIT_ACTION_TERMINATE,
  SIGNET_AUDIT_ACTION_RENEW,
  SIGNET_AUDIT_ACTION_CANCEL_DRAFT,
  /* A person of the directory. */
  SIGNET_AUDIT_ACTION_ADD_PERSON,
  SIGNET_AUDIT_ACTION_UPDATE_PERSON,
  SIGNET_AUDIT_ACTION_DELETE_PERSON,
  SIGNET_AUDIT_ACTION_RESTORE_PERSON,
  /* A contract type (Preferences). */
  SIGNET_AUDIT_ACTION_ADD_CONTRACT_TYPE,
  SIGNET_AUDIT_ACTION_UPDATE_CONTRACT_TYPE,
  SIGNET_AUDIT_ACTION_DELETE_CONTRACT_TYPE,
  SIGNET_AUDIT_ACTION_RESTORE_CONTRACT_TYPE,
  /* A contract's amendments. */
  SIGNET_AUDIT_ACTION_ADD_AMENDMENT,
  SIGNET_AUDIT_ACTION_UPDATE_AMENDMENT,
  SIGNET_AUDIT_ACTION_DELETE_AMENDMENT,
  SIGNET_AUDIT_ACTION_RESTORE_AMENDMENT,
  /* A contract made by Renew… as the successor of another
   * (signet-store-renewals.h); the predecessor's entry is RENEW. */
  SIGNET_AUDIT_ACTION_RENEWAL_OF,
  /* A contract's term rolled on by itself, and the decisions taken at its
   * notice deadline (signet-store-notice.h). */
  SIGNET_AUDIT_ACTION_RENEW_TACITLY,
  SIGNET_AUDIT_ACTION_NOTICE_RENEW,
  SIGNET_AUDIT_ACTION_NOTICE_LET_EXPIRE,
  SIGNET_AUDIT_ACTION_NOTICE_TERMINATE,
  SIGNET_AUDIT_ACTION_WITHDRAW_NOTICE_DECISION,
  /* Approval routes and rules (Preferences), and the approval of a
   * contract's amendments (signet-store-approvals.h). */
  SIGNET_AUDIT_ACTION_ADD_APPROVAL_ROUTE,
  SIGNET_AUDIT_ACTION_UPDATE_APPROVAL_ROUTE,
  SIGNET_AUDIT_ACTION_DELETE_APPROVAL_ROUTE,
  SIGNET_AUDIT_ACTION_RESTORE_APPROVAL_ROUTE,
  SIGNET_AUDIT_ACTION_SET_APPROVAL_RULES,
  SIGNET_AUDIT_ACTION_SUBMIT_AMENDMENT,
  SIGNET_AUDIT_ACTION_APPROVE_AMENDMENT,
  SIGNET_AUDIT_ACTION_RETURN_AMENDMENT,
  SIGNET_AUDIT_ACTION_REJECT_AMENDMENT,
  /* The follow-up actions of a review (signet-store-review-findings.h). */
  SIGNET_AUDIT_ACTION_ADD_REVIEW_ACTION,
  SIGNET_AUDIT_ACTION_UPDATE_REVIEW_ACTION,
  SIGNET_AUDIT_ACTION_COMPLETE_REVIEW_ACTION,
  SIGNET_AUDIT_ACTION_REOPEN_REVIEW_ACTION,
  /* A contract's payment schedule (signet-store-payments.h): planned
   * payments, their invoices and the payments received or made. */
  SIGNET_AUDIT_ACTION_ADD_PAYMENT,
  SIGNET_AUDIT_ACTION_UPDATE_PAYMENT,
  SIGNET_AUDIT_ACTION_DELETE_PAYMENT,
  SIGNET_AUDIT_ACTION_RESTORE_PAYMENT,
  SIGNET_AUDIT_ACTION_ADD_INVOICE,
  SIGNET_AUDIT_ACTION_DELETE_INVOICE,
  SIGNET_AUDIT_ACTION_RESTORE_INVOICE,
  SIGNET_AUDIT_ACTION_ADD_SETTLEMENT,
  SIGNET_AUDIT_ACTION_DELETE_SETTLEMENT,
  SIGNET_AUDIT_ACTION_RESTORE_SETTLEMENT,
  /* A contract's obligations (signet-store-obligations.h), and what was
   * done about their occurrences. */
  SIGNET_AUDIT_ACTION_ADD_OBLIGATION,
  SIGNET_AUDIT_ACTION_UPDATE_OBLIGATION,
  SIGNET_AUDIT_ACTION_DELETE_OBLIGATION,
  SIGNET_AUDIT_ACTION_RESTORE_OBLIGATION,
  SIGNET_AUDIT_ACTION_COMPLETE_OBLIGATION,
  SIGNET_AUDIT_ACTION_WAIVE_OBLIGATION,
  SIGNET_AUDIT_ACTION_REOPEN_OBLIGATION,
  /* A contract's paper original and its loans (signet-store-originals.h). */
  SIGNET_AUDIT_ACTION_ARCHIVE_ORIGINAL,
  SIGNET_AUDIT_ACTION_UPDATE_ORIGINAL,
  SIGNET_AUDIT_ACTION_LEND_ORIGINAL,
  SIGNET_AUDIT_ACTION_RETURN_ORIGINAL,
  /* A contract's risk register, and a risk level kept against the
   * suggested one (signet-store-risks.h). */
  SIGNET_AUDIT_ACTION_ADD_RISK,
  SIGNET_AUDIT_ACTION_UPDATE_RISK,
  SIGNET_AUDIT_ACTION_DELETE_RISK,
  SIGNET_AUDIT_ACTION_RESTORE_RISK,
  SIGNET_AUDIT_ACTION_KEEP_RISK_LEVEL,
  /* A loan of a contract's paper original recorded by mistake, deleted
   * and brought back by Undo (signet-store-originals.h). */
  SIGNET_AUDIT_ACTION_DELETE_LOAN,
  SIGNET_AUDIT_ACTION_RESTORE_LOAN,
  /* The record of a paper original never lent, deleted and brought back
   * by Undo (signet-store-originals.h). */
  SIGNET_AUDIT_ACTION_DELETE_ORIGINAL,
  SIGNET_AUDIT_ACTION_RESTORE_ORIGINAL,
  /* A review recorded by mistake, deleted with its answers and actions
   * and brought back by Undo (signet-store-review-findings.h). */
  SIGNET_AUDIT_ACTION_DELETE_REVIEW,
  SIGNET_AUDIT_ACTION_RESTORE_REVIEW,
  /* An exchange rate the overview converts totals with
   * (signet-store-rates.h). */
  SIGNET_AUDIT_ACTION_SET_EXCHANGE_RATE,
  SIGNET_AUDIT_ACTION_REMOVE_EXCHANGE_RATE,
  /* A saved view of the list (signet-store-views.h). */
  SIGNET_AUDIT_ACTION_ADD_SAVED_VIEW,
  SIGNET_AUDIT_ACTION_RENAME_SAVED_VIEW,
  SIGNET_AUDIT_ACTION_UPDATE_SAVED_VIEW,
  SIGNET_AUDIT_ACTION_MOVE_SAVED_VIEW,
  SIGNET_AUDIT_ACTION_DELETE_SAVED_VIEW,
  SIGNET_AUDIT_ACTION_RESTORE_SAVED_VIEW,
} SignetAuditAction;

#define SIGNET_N_AUDIT_ACTIONS (SIGNET_AUDIT_ACTION_RESTORE_SAVED_VIEW + 1)

/* The token stored for @action; NULL for SIGNET_AUDIT_ACTION_UNKNOWN,
 * which is never written. */
const char        *signet_audit_action_to_token   (SignetAuditAction  action);
/* SIGNET_AUDIT_ACTION_UNKNOWN for NULL or a token not known here. */
SignetAuditAction  signet_audit_action_from_token (const char        *token);
/* What the History of a record says the entry did, translated: "File
 * attached". An unknown action reads as a change ("Changed"), as does an
 * update of a record's own fields. */
const char        *signet_audit_action_to_label   (SignetAuditAction  action);
/* Whether the entry changed something that was there before and stays
 * (an update, an edit): a field it lists without an old or a new value was
 * empty then, and the History shows it as such. */
gboolean           signet_audit_action_is_change  (SignetAuditAction  action);

G_END_DECLS
