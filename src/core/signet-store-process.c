/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "signet-store"

#include "config.h"

#include <glib/gi18n.h>

#include "signet-store-events.h"
#include "signet-store-private.h"
#include "signet-store-process.h"

/* The contract process in the register: the table process_events, one row
 * per action taken (signet_store_take_process_step()), and the columns of
 * a contract that its actions set. */

/* The audit action each process action is recorded with. */
static const SignetAuditAction audit_actions[SIGNET_N_PROCESS_ACTIONS] = {
  [SIGNET_PROCESS_ACTION_SUBMIT] = SIGNET_AUDIT_ACTION_SUBMIT_FOR_REVIEW,
  [SIGNET_PROCESS_ACTION_APPROVE] = SIGNET_AUDIT_ACTION_APPROVE,
  [SIGNET_PROCESS_ACTION_RETURN] = SIGNET_AUDIT_ACTION_RETURN_FOR_CHANGES,
  [SIGNET_PROCESS_ACTION_REJECT] = SIGNET_AUDIT_ACTION_REJECT,
  [SIGNET_PROCESS_ACTION_MARK_SIGNED] = SIGNET_AUDIT_ACTION_MARK_SIGNED,
  [SIGNET_PROCESS_ACTION_TERMINATE] = SIGNET_AUDIT_ACTION_TERMINATE,
  [SIGNET_PROCESS_ACTION_RENEW] = SIGNET_AUDIT_ACTION_RENEW,
  [SIGNET_PROCESS_ACTION_CANCEL_DRAFT] = SIGNET_AUDIT_ACTION_CANCEL_DRAFT,
  [SIGNET_PROCESS_ACTION_RENEW_TACITLY] = SIGNET_AUDIT_ACTION_RENEW_TACITLY,
};

/* Version 9: the contract process.
 *
 * A signed contract is stored as "signed" from now on: active and expired
 * are what a user sees of it by the day (signet_contract_get_shown_status()),
 * so the stored active and expired become signed. A contract the user had
 * marked expired while it renewed itself would come back as active, since a
 * tacit renewal keeps a signed contract in force: its auto-renewal is
 * turned off, which is what "expired" said.
 *
 * Each status change the audit log holds (an update that lists the status)
 * becomes a process event without an action, with its user and time, so
 * that a contract's process starts with what happened to it before. The
 * calendar's index is left to be derived again: expired contracts that
 * are now signed are derived by their dates. */
gboolean
_signet_store_migrate_process (SignetStore  *self,
                               GError      **error)
{
  return _signet_store_exec (self,
    "ALTER TABLE contracts ADD COLUMN their_signing_date TEXT;"
    "ALTER TABLE contracts ADD COLUMN termination_reason TEXT;"
    "ALTER TABLE contracts ADD COLUMN termination_date TEXT;"
    "CREATE TABLE process_events ("
    "  id INTEGER PRIMARY KEY AUTOINCREMENT,"
    "  contract_id INTEGER NOT NULL,"
    "  action TEXT,"
    "  from_status TEXT NOT NULL,"
    "  to_status TEXT NOT NULL,"
    "  decided_by TEXT,"
    "  recorded_by TEXT NOT NULL,"
    "  at TEXT NOT NULL,"
    "  comment TEXT,"
    "  our_signing_date TEXT, their_signing_date TEXT,"
    "  termination_reason TEXT, effective_date TEXT);"
    "CREATE INDEX process_events_contract ON process_events (contract_id, id);"
    "INSERT INTO process_events (contract_id, from_status, to_status, recorded_by, at)"
    "  SELECT a.record_id, json_extract (j.value, '$[1]'), json_extract (j.value, '$[2]'), a.user, a.at"
    "  FROM audit a, json_each (a.changes) j"
    "  WHERE a.record_kind = 'contract' AND a.action = 'update'"
    "  AND json_extract (j.value, '$[0]') = 'status'"
    "  AND json_extract (j.value, '$[1]') IS NOT NULL AND json_extract (j.value, '$[2]') IS NOT NULL"
    "  ORDER BY a.id;"
    "UPDATE contracts SET auto_renew = 0 WHERE status = 'expired' AND auto_renew;"
    "UPDATE contracts SET status = 'signed' WHERE status IN ('active', 'expired');"
    "DELETE FROM contract_events WHERE contract_id = 0;",
    error);
}

static void
bind_trimmed_or_null (SignetDbStmt *stmt,
                      int           index,
                      const char   *text)
{
  g_autofree char *trimmed = _signet_strdup_trimmed (text);

  _signet_store_bind_text (stmt, index, trimmed);
}

gboolean
_signet_store_insert_process_event (SignetStore              *self,
                                    gint64                    contract_id,
                                    const SignetProcessStep  *step,
                                    SignetContractStatus      from,
                                    SignetContractStatus      to,
                                    const char               *effective_date,
                                    GError                  **error)
{
  g_autofree char *now = _signet_store_timestamp_now ();
  SignetDbStmt *stmt;

  stmt = _signet_store_statement (self,
                                  "INSERT INTO process_events (contract_id, action, from_status, to_status, "
                                  "decided_by, recorded_by, at, comment, our_signing_date, their_signing_date, "
                                  "termination_reason, effective_date) "
                                  "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", error);
  if (stmt == NULL)
    return FALSE;

  signet_db_bind_int64 (stmt, 1, contract_id);
  signet_db_bind_static_text (stmt, 2, signet_process_action_to_token (step->action));
  signet_db_bind_static_text (stmt, 3, signet_contract_status_to_token (from));
  signet_db_bind_static_text (stmt, 4, signet_contract_status_to_token (to));
  bind_trimmed_or_null (stmt, 5, step->decided_by);
  signet_db_bind_static_text (stmt, 6, _signet_store_user_name (self));
  signet_db_bind_static_text (stmt, 7, now);
  bind_trimmed_or_null (stmt, 8, step->comment);
  bind_trimmed_or_null (stmt, 9, step->action == SIGNET_PROCESS_ACTION_MARK_SIGNED ? step->our_signing_date : NULL);
  bind_trimmed_or_null (stmt, 10, step->action == SIGNET_PROCESS_ACTION_MARK_SIGNED ? step->their_signing_date : NULL);
  if (step->action == SIGNET_PROCESS_ACTION_TERMINATE)
    bind_trimmed_or_null (stmt, 11, step->termination_reason);
  else if (step->action == SIGNET_PROCESS_ACTION_CANCEL_DRAFT)
    signet_db_bind_static_text (stmt, 11, SIGNET_TERMINATION_REASON_CANCELLED_DRAFT);
  bind_trimmed_or_null (stmt, 12, effective_date);

  return _signet_store_step_done (self, stmt, error);
}

gboolean
signet_store_take_process_step (SignetStore              *self,
                                gint64                    contract_id,
                                gint64                    expected_version,
                                const SignetProcessStep  *step,
                                GError                  **error)
{
  g_auto(SignetWriteScope) scope = { 0 };

  g_return_val_if_fail (SIGNET_IS_STORE (self), FALSE);
  g_return_val_if_fail (step != NULL, FALSE);
  g_return_val_if_fail (step->action < SIGNET_N_PROCESS_ACTIONS, FALSE);

  return signet_process_step_validate (step, error) &&
         _signet_write_scope_begin (&scope, self, error) &&
         _signet_store_take_process_step_in_scope (&scope, contract_id, expected_version, step, error) &&
         _signet_write_scope_commit (&scope, error);
}

gboolean
_signet_store_take_process_step_in_scope (SignetWriteScope         *scope,
                                          gint64                    contract_id,
                                          gint64                    expected_version,
                                          const SignetProcessStep  *step,
                                          GError                  **error)
{
  SignetStore *self = scope->store;
  g_autoptr(SignetContract) current = NULL;
  g_autoptr(FieldList) before = NULL;
  g_autoptr(FieldList) after = NULL;
  g_autofree char *effective_date = NULL;
  SignetContractStatus from, to;
  const char *why = NULL;
  gboolean taken;
  SignetDbStmt *stmt;

  if (!signet_process_step_validate (step, error) ||
      !_signet_store_lock_row (self, "SELECT id FROM contracts WHERE id = ?1 FOR UPDATE", contract_id, error) ||
      !(current = signet_store_get_contract (self, contract_id, error)))
    return FALSE;

  if (signet_contract_get_version (current) != expected_version)
    {
      g_set_error (error, SIGNET_STORE_ERROR, SIGNET_STORE_ERROR_CONFLICT,
                   _("The contract %s was changed elsewhere after you opened it. Nothing was recorded; "
                     "look at it again and repeat the action."),
                   signet_contract_get_number (current));
      return FALSE;
    }

  if (!signet_process_action_allowed (step->action, current, &why))
    {
      g_set_error_literal (error, SIGNET_PROCESS_ERROR, SIGNET_PROCESS_ERROR_NOT_ALLOWED, why);
      return FALSE;
    }

  /* A routed contract's decision is its pending approval step's
   * (signet-store-approvals.c): approving one that is not the last keeps
   * it in review. */
  if (!_signet_store_approvals_take_process_step (scope, current, step, &taken, error))
    return FALSE;
  if (taken)
    return TRUE;

  /* A renewal is its successor too: signet_store_renew_contract() takes it
   * with the successor's terms, in one write. */
  if (step->action == SIGNET_PROCESS_ACTION_RENEW)
    {
      g_set_error_literal (error, SIGNET_PROCESS_ERROR, SIGNET_PROCESS_ERROR_NOT_ALLOWED,
                           _("A renewal makes the successor contract: use Renew… and give its terms."));
      return FALSE;
    }

  from = signet_contract_get_status (current);
  to = signet_process_action_get_target (step->action);
  before = _signet_contract_to_fields (current);

  /* A cancelled draft ends the day it is cancelled. */
  if (step->action == SIGNET_PROCESS_ACTION_TERMINATE)
    effective_date = _signet_strdup_trimmed (step->effective_date);
  else if (step->action == SIGNET_PROCESS_ACTION_CANCEL_DRAFT)
    effective_date = signet_store_dup_today (self);

  signet_contract_set_status (current, to);
  if (step->action == SIGNET_PROCESS_ACTION_MARK_SIGNED)
    {
      g_autofree char *ours = _signet_strdup_trimmed (step->our_signing_date);
      g_autofree char *theirs = _signet_strdup_trimmed (step->their_signing_date);

      signet_contract_set_signing_date (current, ours);
      signet_contract_set_their_signing_date (current, theirs);
    }
  if (effective_date != NULL)
    {
      g_autofree char *reason = step->action == SIGNET_PROCESS_ACTION_CANCEL_DRAFT
                                  ? g_strdup (SIGNET_TERMINATION_REASON_CANCELLED_DRAFT)
                                  : _signet_strdup_trimmed (step->termination_reason);

      signet_contract_set_termination_reason (current, reason);
      signet_contract_set_termination_date (current, effective_date);
    }

  stmt = _signet_store_statement (self,
                                  "UPDATE contracts SET status = ?, signing_date = ?, their_signing_date = ?, "
                                  "termination_reason = ?, termination_date = ?, version = version + 1 "
                                  "WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;

  signet_db_bind_static_text (stmt, 1, signet_contract_status_to_token (to));
  _signet_store_bind_static_text (stmt, 2, signet_contract_get_signing_date (current));
  _signet_store_bind_static_text (stmt, 3, signet_contract_get_their_signing_date (current));
  _signet_store_bind_static_text (stmt, 4, signet_contract_get_termination_reason (current));
  _signet_store_bind_static_text (stmt, 5, signet_contract_get_termination_date (current));
  signet_db_bind_int64 (stmt, 6, contract_id);

  after = _signet_contract_to_fields (current);

  return _signet_store_step_done (self, stmt, error) &&
         _signet_store_insert_process_event (self, contract_id, step, from, to, effective_date, error) &&
         _signet_store_approvals_process_step_taken (self, current, step->action, error) &&
         _signet_store_events_refresh_contract (self, contract_id, error) &&
         _signet_write_scope_audit (scope, audit_actions[step->action], SIGNET_RECORD_CONTRACT, contract_id,
                                    signet_contract_get_number (current), before, after, error);
}

gboolean
signet_store_import_process_event (SignetStore               *self,
                                   const SignetProcessEvent  *event,
                                   GError                   **error)
{
  g_auto(SignetWriteScope) scope = { 0 };
  g_autofree char *at = NULL;
  SignetDbStmt *stmt;

  g_return_val_if_fail (SIGNET_IS_STORE (self), FALSE);
  g_return_val_if_fail (event != NULL && event->recorded_by != NULL && event->at != NULL, FALSE);

  if (!(at = _signet_store_clean_timestamp (event->at, error)) ||
      !_signet_write_scope_begin (&scope, self, error))
    return FALSE;

  /* OR IGNORE: a tacit renewal the register recorded for the same term
   * (its unique index) is that renewal. */
  stmt = _signet_store_statement (self,
                                  "INSERT INTO process_events (contract_id, action, from_status, to_status, "
                                  "decided_by, recorded_by, at, comment, our_signing_date, their_signing_date, "
                                  "termination_reason, effective_date, term_end, new_term_end) "
                                  "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                                  "ON CONFLICT DO NOTHING", error);
  if (stmt == NULL)
    return FALSE;

  signet_db_bind_int64 (stmt, 1, event->contract_id);
  if (event->has_action)
    signet_db_bind_static_text (stmt, 2, signet_process_action_to_token (event->action));
  signet_db_bind_static_text (stmt, 3, signet_contract_status_to_token (event->from_status));
  signet_db_bind_static_text (stmt, 4, signet_contract_status_to_token (event->to_status));
  _signet_store_bind_text (stmt, 5, event->decided_by);
  signet_db_bind_static_text (stmt, 6, event->recorded_by);
  signet_db_bind_static_text (stmt, 7, at);
  _signet_store_bind_text (stmt, 8, event->comment);
  _signet_store_bind_text (stmt, 9, event->our_signing_date);
  _signet_store_bind_text (stmt, 10, event->their_signing_date);
  _signet_store_bind_text (stmt, 11, event->termination_reason);
  _signet_store_bind_text (stmt, 12, event->effective_date);
  _signet_store_bind_text (stmt, 13, event->term_end);
  _signet_store_bind_text (stmt, 14, event->new_term_end);
  if (!_signet_store_step_done (self, stmt, error))
    return FALSE;

  /* The process section lists the steps: it hears of them as of a change
   * of the contract's fields, as it does of a step taken. */
  _signet_write_scope_add_change (&scope, SIGNET_RECORD_CONTRACT, event->contract_id,
                                  SIGNET_CHANGE_UPDATED, SIGNET_STORE_CHANGED_FIELDS);

  return _signet_write_scope_commit (&scope, error);
}

void
signet_process_event_free (SignetProcessEvent *event)
{
  if (event == NULL)
    return;

  g_free (event->decided_by);
  g_free (event->recorded_by);
  g_free (event->at);
  g_free (event->comment);
  g_free (event->our_signing_date);
  g_free (event->their_signing_date);
  g_free (event->termination_reason);
  g_free (event->effective_date);
  g_free (event->term_end);
  g_free (event->new_term_end);
  g_free (event);
}

GPtrArray *
signet_store_list_process_events (SignetStore  *self,
                                  gint64        contract_id,
                                  GError      **error)
{
  g_autoptr(GPtrArray) events = g_ptr_array_new_with_free_func ((GDestroyNotify) signet_process_event_free);
  SignetDbStmt *stmt;
  int rc;

  g_return_val_if_fail (SIGNET_IS_STORE (self), NULL);

  stmt = _signet_store_statement (self,
                                  "SELECT id, action, from_status, to_status, decided_by, recorded_by, at, "
                                  "comment, our_signing_date, their_signing_date, termination_reason, "
                                  "effective_date, term_end, new_term_end "
                                  "FROM process_events WHERE contract_id = ? ORDER BY id", error);
  if (stmt == NULL)
    return NULL;

  signet_db_bind_int64 (stmt, 1, contract_id);
  while ((rc = signet_db_step (stmt)) == SIGNET_DB_ROW)
    {
      SignetProcessEvent *event = g_new0 (SignetProcessEvent, 1);

      event->id = signet_db_column_int64 (stmt, 0);
      event->contract_id = contract_id;
      event->has_action = signet_process_action_from_token (signet_db_column_text (stmt, 1),
                                                            &event->action);
      signet_contract_status_from_token (signet_db_column_text (stmt, 2), &event->from_status);
      signet_contract_status_from_token (signet_db_column_text (stmt, 3), &event->to_status);
      event->decided_by = _signet_store_dup_text (stmt, 4);
      event->recorded_by = _signet_store_dup_text (stmt, 5);
      event->at = _signet_store_dup_text (stmt, 6);
      event->comment = _signet_store_dup_text (stmt, 7);
      event->our_signing_date = _signet_store_dup_text (stmt, 8);
      event->their_signing_date = _signet_store_dup_text (stmt, 9);
      event->termination_reason = _signet_store_dup_text (stmt, 10);
      event->effective_date = _signet_store_dup_text (stmt, 11);
      event->term_end = _signet_store_dup_text (stmt, 12);
      event->new_term_end = _signet_store_dup_text (stmt, 13);
      g_ptr_array_add (events, event);
    }
  signet_db_reset (stmt);

  if (rc != SIGNET_DB_DONE)
    {
      _signet_store_set_error (self, rc, error);
      return NULL;
    }

  return g_steal_pointer (&events);
}
