/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "signet-store"

#include "config.h"

#include <glib/gi18n.h>

#include "signet-date.h"
#include "signet-key-dates.h"
#include "signet-store-amendments.h"
#include "signet-store-events.h"
#include "signet-store-notice.h"
#include "signet-store-private.h"

/* A contract's notice deadline in the register: the decisions taken at it
 * (table notice_decisions) and the tacit renewals recorded when none was
 * (process events "renew-tacitly"). */

static const struct
{
  const char *token;
  const char *label;
} choices[] = {
  [SIGNET_NOTICE_CHOICE_RENEW] =      { "renew",      NC_("notice decision", "Renew") },
  [SIGNET_NOTICE_CHOICE_LET_EXPIRE] = { "let-expire", NC_("notice decision", "Let expire") },
  [SIGNET_NOTICE_CHOICE_TERMINATE] =  { "terminate",  NC_("notice decision", "Terminate") },
};

#define DECISION_COLUMNS \
  "id, contract_id, deadline, term_end, choice, decided_by, recorded_by, at, comment"

/* Version 15: the decisions at notice deadlines, and the two ends of a
 * tacit renewal on its process event (the end that passed, the end of the
 * term that followed), recorded once per term: the unique index holds
 * even for two programs seeing the same day pass.
 *
 * No tacit renewal that happened before this version is recorded, now or
 * later: the store records a renewal when it sees the day pass an end
 * (signet_store_update_events() moving the index to a new day), and what
 * passed before stays derived, as before. An event made up for it would
 * carry a time and a user who never saw it happen. */
gboolean
_signet_store_migrate_notice_decisions (SignetStore  *self,
                                        GError      **error)
{
  return _signet_store_exec (self,
    "CREATE TABLE notice_decisions ("
    "  id INTEGER PRIMARY KEY AUTOINCREMENT,"
    "  contract_id INTEGER NOT NULL,"
    "  deadline TEXT NOT NULL,"
    "  term_end TEXT NOT NULL,"
    "  choice TEXT NOT NULL,"
    "  decided_by TEXT,"
    "  recorded_by TEXT NOT NULL,"
    "  at TEXT NOT NULL,"
    "  comment TEXT,"
    "  UNIQUE (contract_id, deadline));"
    "ALTER TABLE process_events ADD COLUMN term_end TEXT;"
    "ALTER TABLE process_events ADD COLUMN new_term_end TEXT;"
    "CREATE UNIQUE INDEX process_events_tacit ON process_events (contract_id, term_end) "
    "  WHERE action = 'renew-tacitly';",
    error);
}

const char *
signet_notice_choice_to_token (SignetNoticeChoice choice)
{
  g_return_val_if_fail (choice < G_N_ELEMENTS (choices), NULL);

  return choices[choice].token;
}

gboolean
signet_notice_choice_from_token (const char         *token,
                                 SignetNoticeChoice *choice)
{
  g_return_val_if_fail (choice != NULL, FALSE);

  for (guint i = 0; token != NULL && i < G_N_ELEMENTS (choices); i++)
    if (g_str_equal (token, choices[i].token))
      {
        *choice = i;
        return TRUE;
      }

  return FALSE;
}

const char *
signet_notice_choice_to_label (SignetNoticeChoice choice)
{
  g_return_val_if_fail (choice < G_N_ELEMENTS (choices), NULL);

  return g_dpgettext2 (GETTEXT_PACKAGE, "notice decision", choices[choice].label);
}

void
signet_notice_decision_free (SignetNoticeDecision *decision)
{
  if (decision == NULL)
    return;

  g_free (decision->deadline);
  g_free (decision->term_end);
  g_free (decision->decided_by);
  g_free (decision->recorded_by);
  g_free (decision->at);
  g_free (decision->comment);
  g_free (decision);
}

static SignetNoticeDecision *
decision_from_row (SignetDbStmt *stmt)
{
  SignetNoticeDecision *decision = g_new0 (SignetNoticeDecision, 1);

  decision->id = signet_db_column_int64 (stmt, 0);
  decision->contract_id = signet_db_column_int64 (stmt, 1);
  decision->deadline = _signet_store_dup_text (stmt, 2);
  decision->term_end = _signet_store_dup_text (stmt, 3);
  signet_notice_choice_from_token (signet_db_column_text (stmt, 4), &decision->choice);
  decision->decided_by = _signet_store_dup_text (stmt, 5);
  decision->recorded_by = _signet_store_dup_text (stmt, 6);
  decision->at = _signet_store_dup_text (stmt, 7);
  decision->comment = _signet_store_dup_text (stmt, 8);

  return decision;
}

/* The decisions of @sql (DECISION_COLUMNS) with @id and @text bound. */
static GPtrArray *
query_decisions (SignetStore  *self,
                 const char   *sql,
                 gint64        id,
                 const char   *text,
                 GError      **error)
{
  g_autoptr(GPtrArray) decisions = g_ptr_array_new_with_free_func ((GDestroyNotify) signet_notice_decision_free);
  SignetDbStmt *stmt = _signet_store_statement (self, sql, error);
  int rc;

  if (stmt == NULL)
    return NULL;

  signet_db_bind_int64 (stmt, 1, id);
  if (text != NULL)
    signet_db_bind_text (stmt, 2, text);

  while ((rc = signet_db_step (stmt)) == SIGNET_DB_ROW)
    g_ptr_array_add (decisions, decision_from_row (stmt));
  signet_db_reset (stmt);

  if (rc != SIGNET_DB_DONE)
    {
      _signet_store_set_error (self, rc, error);
      return NULL;
    }

  return g_steal_pointer (&decisions);
}

SignetNoticeDecision *
signet_store_get_notice_decision (SignetStore  *self,
                                  gint64        contract_id,
                                  const char   *deadline,
                                  GError      **error)
{
  g_autoptr(GPtrArray) decisions = NULL;

  g_return_val_if_fail (SIGNET_IS_STORE (self), NULL);
  g_return_val_if_fail (deadline != NULL, NULL);

  decisions = query_decisions (self,
                               "SELECT " DECISION_COLUMNS " FROM notice_decisions "
                               "WHERE contract_id = ?1 AND deadline = ?2",
                               contract_id, deadline, error);
  if (decisions == NULL || decisions->len == 0)
    return NULL;

  return g_ptr_array_steal_index (decisions, 0);
}

GPtrArray *
signet_store_list_notice_decisions (SignetStore  *self,
                                    gint64        contract_id,
                                    GError      **error)
{
  g_return_val_if_fail (SIGNET_IS_STORE (self), NULL);

  return query_decisions (self,
                          "SELECT " DECISION_COLUMNS " FROM notice_decisions "
                          "WHERE contract_id = ?1 ORDER BY id",
                          contract_id, NULL, error);
}

static gboolean
refuse (GError     **error,
        const char  *message)
{
  g_set_error_literal (error, SIGNET_PROCESS_ERROR, SIGNET_PROCESS_ERROR_NOT_ALLOWED, message);
  return FALSE;
}

/* The end of the term whose notice deadline is @deadline, as the contract's
 * terms give its dates on the store's day; NULL (and a refusal) when
 * @deadline is not its current notice deadline. */
static char *
find_term_end (SignetStore     *self,
               gint64           contract_id,
               const char      *deadline,
               GError         **error)
{
  g_autofree char *today = signet_store_dup_today (self);
  g_autoptr(SignetContract) terms = NULL;
  g_autoptr(GPtrArray) dates = NULL;
  SignetReviewIntervals intervals;
  const char *found = NULL, *end = NULL;

  if (!(terms = signet_store_get_contract_terms (self, contract_id, today, NULL, NULL, error)))
    return NULL;

  signet_store_get_review_intervals (self, &intervals);
  dates = signet_contract_derive_key_dates (terms, today, NULL, &intervals);
  for (guint i = 0; i < dates->len; i++)
    {
      const SignetKeyDate *key_date = g_ptr_array_index (dates, i);

      if (key_date->kind == SIGNET_KEY_DATE_NOTICE_DEADLINE)
        found = key_date->date;
      else if (key_date->kind == SIGNET_KEY_DATE_END)
        end = key_date->date;
    }

  if (g_strcmp0 (found, deadline) != 0 || end == NULL)
    {
      refuse (error, _("This is not the contract’s notice deadline any more: look at its dates again."));
      return NULL;
    }

  return g_strdup (end);
}

char *
signet_store_dup_notice_term_end (SignetStore  *self,
                                  gint64        contract_id,
                                  const char   *deadline,
                                  GError      **error)
{
  g_return_val_if_fail (SIGNET_IS_STORE (self), NULL);
  g_return_val_if_fail (deadline != NULL, NULL);

  return find_term_end (self, contract_id, deadline, error);
}

static gboolean
insert_decision (SignetStore         *self,
                 gint64               contract_id,
                 const char          *deadline,
                 const char          *term_end,
                 SignetNoticeChoice   choice,
                 const char          *decided_by,
                 const char          *comment,
                 gint64              *decision_id,
                 GError             **error)
{
  g_autofree char *now = _signet_store_timestamp_now ();
  g_autofree char *decider = _signet_strdup_trimmed (decided_by);
  g_autofree char *text = _signet_strdup_trimmed (comment);
  SignetDbStmt *stmt;

  stmt = _signet_store_statement (self,
                                  "INSERT INTO notice_decisions (contract_id, deadline, term_end, choice, "
                                  "decided_by, recorded_by, at, comment) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                                  error);
  if (stmt == NULL)
    return FALSE;

  signet_db_bind_int64 (stmt, 1, contract_id);
  signet_db_bind_text (stmt, 2, deadline);
  signet_db_bind_text (stmt, 3, term_end);
  signet_db_bind_static_text (stmt, 4, signet_notice_choice_to_token (choice));
  _signet_store_bind_text (stmt, 5, decider != NULL && *decider != '\0' ? decider : NULL);
  signet_db_bind_static_text (stmt, 6, _signet_store_user_name (self));
  signet_db_bind_static_text (stmt, 7, now);
  _signet_store_bind_text (stmt, 8, text != NULL && *text != '\0' ? text : NULL);

  if (!_signet_store_step_done (self, stmt, error))
    return FALSE;

  if (decision_id != NULL)
    *decision_id = signet_db_last_insert_id (self->db);

  return TRUE;
}

/* The audit entry of a decision: the end it was taken for names what it is
 * about (a value, not a change: History shows "End date: 31.12.2026"),
 * then the comment. */
static gboolean
audit_decision (SignetWriteScope    *scope,
                SignetAuditAction    action,
                gint64               contract_id,
                const char          *term_end,
                const char          *comment,
                GError             **error)
{
  const char *end_token = signet_field_to_token (SIGNET_FIELD_CONTRACT_END_DATE);
  SignetAttachmentChange changes[] = {
    { end_token, NULL, term_end },
    { "comment", NULL, comment != NULL && *comment != '\0' ? comment : NULL },
  };

  return _signet_write_scope_audit_files (scope, action, contract_id, changes, G_N_ELEMENTS (changes), error);
}

/* What a decision at @deadline needs of the contract: stored, signed and
 * in force, at its version, with no decision at that deadline yet. */
static SignetContract *
check_decidable (SignetStore  *self,
                 gint64        contract_id,
                 gint64        expected_version,
                 const char   *deadline,
                 GError      **error)
{
  g_autoptr(SignetContract) contract = NULL;
  g_autoptr(SignetNoticeDecision) decided = NULL;
  g_autoptr(GError) local_error = NULL;
  const char *why = NULL;

  if (!_signet_store_lock_row (self, "SELECT id FROM contracts WHERE id = ?1 FOR UPDATE", contract_id, error) ||
      !(contract = signet_store_get_contract (self, contract_id, error)))
    return NULL;

  if (signet_contract_get_version (contract) != expected_version)
    {
      g_set_error (error, SIGNET_STORE_ERROR, SIGNET_STORE_ERROR_CONFLICT,
                   _("The contract %s was changed elsewhere after you opened it. Nothing was recorded; "
                     "look at it again and repeat the action."),
                   signet_contract_get_number (contract));
      return NULL;
    }

  if (!signet_process_action_allowed (SIGNET_PROCESS_ACTION_TERMINATE, contract, &why))
    {
      refuse (error, why);
      return NULL;
    }

  decided = signet_store_get_notice_decision (self, contract_id, deadline, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  if (decided != NULL || signet_contract_get_let_expire_end (contract) != NULL)
    {
      refuse (error, _("A decision was taken at this notice deadline already."));
      return NULL;
    }

  return g_steal_pointer (&contract);
}

gboolean
signet_store_let_expire (SignetStore  *self,
                         gint64        contract_id,
                         gint64        expected_version,
                         const char   *deadline,
                         const char   *decided_by,
                         const char   *comment,
                         gint64       *decision_id,
                         GError      **error)
{
  g_auto(SignetWriteScope) scope = { 0 };
  g_autoptr(SignetContract) contract = NULL;
  g_autofree char *term_end = NULL;
  g_autofree char *text = _signet_strdup_trimmed (comment);
  SignetDbStmt *stmt;

  g_return_val_if_fail (SIGNET_IS_STORE (self), FALSE);
  g_return_val_if_fail (deadline != NULL, FALSE);

  if (!_signet_write_scope_begin (&scope, self, error) ||
      !(contract = check_decidable (self, contract_id, expected_version, deadline, error)) ||
      !(term_end = find_term_end (self, contract_id, deadline, error)))
    return FALSE;

  /* The end is kept as the day the contract's dates stop, as a
   * termination's: the events index, the reminders and the calendar stop
   * there with no code of their own. The status stays signed. */
  stmt = _signet_store_statement (self,
                                  "UPDATE contracts SET termination_reason = ?, termination_date = ?, "
                                  "version = version + 1 WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;

  signet_db_bind_static_text (stmt, 1, SIGNET_TERMINATION_REASON_NOT_RENEWED);
  signet_db_bind_text (stmt, 2, term_end);
  signet_db_bind_int64 (stmt, 3, contract_id);

  return _signet_store_step_done (self, stmt, error) &&
         insert_decision (self, contract_id, deadline, term_end, SIGNET_NOTICE_CHOICE_LET_EXPIRE,
                          decided_by, text, decision_id, error) &&
         _signet_store_events_refresh_contract (self, contract_id, error) &&
         audit_decision (&scope, SIGNET_AUDIT_ACTION_NOTICE_LET_EXPIRE, contract_id, term_end, text, error) &&
         _signet_write_scope_commit (&scope, error);
}

gboolean
signet_store_terminate_at_notice (SignetStore              *self,
                                  gint64                    contract_id,
                                  gint64                    expected_version,
                                  const char               *deadline,
                                  const SignetProcessStep  *step,
                                  GError                  **error)
{
  g_auto(SignetWriteScope) scope = { 0 };
  g_autoptr(SignetContract) contract = NULL;
  g_autofree char *term_end = NULL;

  g_return_val_if_fail (SIGNET_IS_STORE (self), FALSE);
  g_return_val_if_fail (deadline != NULL, FALSE);
  g_return_val_if_fail (step != NULL && step->action == SIGNET_PROCESS_ACTION_TERMINATE, FALSE);

  if (!signet_process_step_validate (step, error) ||
      !_signet_write_scope_begin (&scope, self, error) ||
      !(contract = check_decidable (self, contract_id, expected_version, deadline, error)) ||
      !(term_end = find_term_end (self, contract_id, deadline, error)))
    return FALSE;

  return _signet_store_take_process_step_in_scope (&scope, contract_id, expected_version, step, error) &&
         insert_decision (self, contract_id, deadline, term_end, SIGNET_NOTICE_CHOICE_TERMINATE,
                          step->decided_by, step->comment, NULL, error) &&
         audit_decision (&scope, SIGNET_AUDIT_ACTION_NOTICE_TERMINATE, contract_id, term_end, NULL, error) &&
         _signet_write_scope_commit (&scope, error);
}

gboolean
_signet_store_note_renewal_at_notice (SignetWriteScope  *scope,
                                      gint64             contract_id,
                                      const char        *decided_by,
                                      const char        *comment,
                                      GError           **error)
{
  SignetStore *self = scope->store;
  g_autofree char *today = signet_store_dup_today (self);
  g_autoptr(SignetContract) terms = NULL;
  g_autoptr(SignetNoticeDecision) decided = NULL;
  g_autoptr(GPtrArray) dates = NULL;
  g_autoptr(GError) local_error = NULL;
  SignetReviewIntervals intervals;
  const char *deadline = NULL, *end = NULL;

  if (!(terms = signet_store_get_contract_terms (self, contract_id, today, NULL, NULL, error)))
    return FALSE;

  signet_store_get_review_intervals (self, &intervals);
  dates = signet_contract_derive_key_dates (terms, today, NULL, &intervals);
  for (guint i = 0; i < dates->len; i++)
    {
      const SignetKeyDate *key_date = g_ptr_array_index (dates, i);

      if (key_date->kind == SIGNET_KEY_DATE_NOTICE_DEADLINE)
        deadline = key_date->date;
      else if (key_date->kind == SIGNET_KEY_DATE_END)
        end = key_date->date;
    }

  /* A contract that does not renew itself has no notice deadline. */
  if (deadline == NULL || end == NULL)
    return TRUE;

  decided = signet_store_get_notice_decision (self, contract_id, deadline, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (decided != NULL)
    return TRUE;

  return insert_decision (self, contract_id, deadline, end, SIGNET_NOTICE_CHOICE_RENEW,
                          decided_by, comment, NULL, error) &&
         audit_decision (scope, SIGNET_AUDIT_ACTION_NOTICE_RENEW, contract_id, end, NULL, error);
}

gboolean
signet_store_withdraw_notice_decision (SignetStore  *self,
                                       gint64        decision_id,
                                       GError      **error)
{
  g_auto(SignetWriteScope) scope = { 0 };
  g_autoptr(GPtrArray) decisions = NULL;
  g_autoptr(SignetContract) contract = NULL;
  const SignetNoticeDecision *decision;
  SignetDbStmt *stmt;

  g_return_val_if_fail (SIGNET_IS_STORE (self), FALSE);

  if (!_signet_write_scope_begin (&scope, self, error) ||
      !(decisions = query_decisions (self, "SELECT " DECISION_COLUMNS " FROM notice_decisions WHERE id = ?1",
                                     decision_id, NULL, error)))
    return FALSE;

  if (decisions->len == 0)
    {
      g_set_error_literal (error, SIGNET_STORE_ERROR, SIGNET_STORE_ERROR_NOT_FOUND,
                           _("The decision was withdrawn already."));
      return FALSE;
    }

  decision = g_ptr_array_index (decisions, 0);
  if (!(contract = signet_store_get_contract (self, decision->contract_id, error)))
    return FALSE;

  /* Only Let Expire is undone: a termination or a renewal is a step of
   * the process, which stays as taken. */
  if (decision->choice != SIGNET_NOTICE_CHOICE_LET_EXPIRE ||
      g_strcmp0 (signet_contract_get_let_expire_end (contract), decision->term_end) != 0)
    return refuse (error, _("The contract was terminated or renewed since: the decision stays."));

  stmt = _signet_store_statement (self, "DELETE FROM notice_decisions WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  signet_db_bind_int64 (stmt, 1, decision_id);
  if (!_signet_store_step_done (self, stmt, error))
    return FALSE;

  stmt = _signet_store_statement (self,
                                  "UPDATE contracts SET termination_reason = NULL, termination_date = NULL, "
                                  "version = version + 1 WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  signet_db_bind_int64 (stmt, 1, decision->contract_id);

  return _signet_store_step_done (self, stmt, error) &&
         _signet_store_events_refresh_contract (self, decision->contract_id, error) &&
         audit_decision (&scope, SIGNET_AUDIT_ACTION_WITHDRAW_NOTICE_DECISION, decision->contract_id,
                         decision->term_end, NULL, error) &&
         _signet_write_scope_commit (&scope, error);
}

/* One tacit renewal of @contract_id, unless it was recorded already (by
 * this store before, or by another program that saw the same day). */
static gboolean
record_one (SignetWriteScope         *scope,
            gint64                    contract_id,
            const SignetTacitRenewal *roll,
            GError                  **error)
{
  SignetStore *self = scope->store;
  g_autofree char *now = _signet_store_timestamp_now ();
  const char *end_token = signet_field_to_token (SIGNET_FIELD_CONTRACT_END_DATE);
  SignetAttachmentChange changes[] = { { end_token, roll->old_end, roll->new_end } };
  SignetDbStmt *stmt;

  stmt = _signet_store_statement (self,
                                  "INSERT INTO process_events (contract_id, action, from_status, "
                                  "to_status, recorded_by, at, term_end, new_term_end) "
                                  "VALUES (?, 'renew-tacitly', 'signed', 'signed', ?, ?, ?, ?) "
                                  "ON CONFLICT DO NOTHING", error);
  if (stmt == NULL)
    return FALSE;

  signet_db_bind_int64 (stmt, 1, contract_id);
  signet_db_bind_static_text (stmt, 2, _signet_store_user_name (self));
  signet_db_bind_static_text (stmt, 3, now);
  signet_db_bind_text (stmt, 4, roll->old_end);
  signet_db_bind_text (stmt, 5, roll->new_end);
  if (!_signet_store_step_done (self, stmt, error))
    return FALSE;

  if (signet_db_changes (self->db) == 0)
    return TRUE;

  return _signet_write_scope_audit_files (scope, SIGNET_AUDIT_ACTION_RENEW_TACITLY, contract_id,
                                          changes, G_N_ELEMENTS (changes), error);
}

gboolean
_signet_store_record_tacit_renewals (SignetWriteScope  *scope,
                                     GArray            *contract_ids,
                                     const char        *from,
                                     const char        *until,
                                     GError           **error)
{
  SignetStore *self = scope->store;

  /* A register opened read-only writes nothing: the next program that
   * writes it records what passed. */
  if (signet_store_is_read_only (self))
    return TRUE;

  for (guint i = 0; i < contract_ids->len; i++)
    {
      gint64 id = g_array_index (contract_ids, gint64, i);
      g_autoptr(SignetContract) terms = NULL;
      g_autoptr(GArray) rolls = NULL;

      /* The terms in force on the new day: an amendment that moved the end
       * moved the terms that roll from it. */
      if (!(terms = signet_store_get_contract_terms (self, id, until, NULL, NULL, error)))
        return FALSE;

      rolls = signet_contract_list_tacit_renewals (terms, from, until);
      for (guint r = 0; r < rolls->len; r++)
        if (!record_one (scope, id, &g_array_index (rolls, SignetTacitRenewal, r), error))
          return FALSE;
    }

  return TRUE;
}

gboolean
signet_store_import_notice_decision (SignetStore                *self,
                                     const SignetNoticeDecision *decision,
                                     GError                    **error)
{
  g_auto(SignetWriteScope) scope = { 0 };
  g_autofree char *at = NULL;
  SignetDbStmt *stmt;
  int rc;

  g_return_val_if_fail (SIGNET_IS_STORE (self), FALSE);
  g_return_val_if_fail (decision != NULL && decision->deadline != NULL && decision->term_end != NULL &&
                        decision->recorded_by != NULL && decision->at != NULL, FALSE);

  if (!(at = _signet_store_clean_timestamp (decision->at, error)) ||
      !_signet_write_scope_begin (&scope, self, error))
    return FALSE;

  stmt = _signet_store_statement (self,
                                  "INSERT INTO notice_decisions (contract_id, deadline, term_end, choice, "
                                  "decided_by, recorded_by, at, comment) VALUES (?, ?, ?, ?, ?, ?, ?, ?) "
                                  "ON CONFLICT DO NOTHING",
                                  error);
  if (stmt == NULL)
    return FALSE;

  signet_db_bind_int64 (stmt, 1, decision->contract_id);
  signet_db_bind_static_text (stmt, 2, decision->deadline);
  signet_db_bind_static_text (stmt, 3, decision->term_end);
  signet_db_bind_static_text (stmt, 4, signet_notice_choice_to_token (decision->choice));
  _signet_store_bind_text (stmt, 5, decision->decided_by);
  signet_db_bind_static_text (stmt, 6, decision->recorded_by);
  signet_db_bind_static_text (stmt, 7, at);
  _signet_store_bind_text (stmt, 8, decision->comment);
  rc = signet_db_step (stmt);
  signet_db_reset (stmt);
  if (rc != SIGNET_DB_DONE)
    {
      _signet_store_set_error (self, rc, error);
      return FALSE;
    }

  if (signet_db_changes (self->db) == 0)
    return _signet_set_field_error (error, SIGNET_FIELD_CONTRACT_NOTICE_DAYS, "%s",
                                    _("A decision was taken at this notice deadline already."));

  _signet_write_scope_add_change (&scope, SIGNET_RECORD_CONTRACT, decision->contract_id,
                                  SIGNET_CHANGE_UPDATED, SIGNET_STORE_CHANGED_FIELDS);

  return _signet_write_scope_commit (&scope, error);
}
