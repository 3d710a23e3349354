/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "signet-store"

#include "config.h"

#include <glib/gi18n.h>

#include "signet-contract-type.h"
#include "signet-date.h"
#include "signet-store-events.h"
#include "signet-store-private.h"
#include "signet-store-review-findings.h"
#include "signet-store-types.h"
#include "signet-tombstone-private.h"
#include "signet-utils.h"

/* Reviews with a checklist (定期审查): a review answers each item of its
 * contract type's checklist (the type's clauses, review_clauses) OK,
 * issue or not applicable, with a finding; an issue becomes a follow-up
 * action with an owner and a due date. A review with open actions
 * schedules a follow-up review (reviews.follow_up_date). */

/* Version 19. A clause an earlier review confirmed is answered OK; one it
 * left unconfirmed stays unanswered, as nobody said more. */
gboolean
_signet_store_migrate_review_findings (SignetStore  *self,
                                       GError      **error)
{
  return _signet_store_exec (self,
    "ALTER TABLE reviews ADD COLUMN follow_up_date TEXT;"
    "ALTER TABLE review_clauses ADD COLUMN answer TEXT"
    "  CHECK (answer IN ('ok', 'issue', 'na'));"
    "ALTER TABLE review_clauses ADD COLUMN finding TEXT;"
    "UPDATE review_clauses SET answer = 'ok' WHERE confirmed;"
    "CREATE TABLE review_actions ("
    "  id INTEGER PRIMARY KEY AUTOINCREMENT,"
    "  uuid TEXT NOT NULL UNIQUE,"
    "  review_id INTEGER NOT NULL,"
    "  position INTEGER,"
    "  description TEXT NOT NULL CHECK (description <> ''),"
    "  owner_id INTEGER,"
    "  due_date TEXT,"
    "  done_date TEXT);"
    "CREATE INDEX review_actions_review ON review_actions (review_id);"
    "CREATE INDEX review_actions_open ON review_actions (due_date) "
    "  WHERE done_date IS NULL;",
    error);
}

/* Answers */

static const char * const answer_tokens[] = {
  [SIGNET_REVIEW_ANSWER_NONE] = NULL,
  [SIGNET_REVIEW_ANSWER_OK] = "ok",
  [SIGNET_REVIEW_ANSWER_ISSUE] = "issue",
  [SIGNET_REVIEW_ANSWER_NA] = "na",
};

const char *
signet_review_answer_to_token (SignetReviewAnswer answer)
{
  g_return_val_if_fail (answer <= SIGNET_REVIEW_ANSWER_NA, NULL);

  return answer_tokens[answer];
}

gboolean
signet_review_answer_from_token (const char         *token,
                                 SignetReviewAnswer *answer)
{
  g_return_val_if_fail (answer != NULL, FALSE);

  for (SignetReviewAnswer a = SIGNET_REVIEW_ANSWER_NONE; a <= SIGNET_REVIEW_ANSWER_NA; a++)
    if (g_strcmp0 (token, answer_tokens[a]) == 0)
      {
        *answer = a;
        return TRUE;
      }

  return FALSE;
}

const char *
signet_review_answer_to_label (SignetReviewAnswer answer)
{
  switch (answer)
    {
    case SIGNET_REVIEW_ANSWER_OK:    return C_("review answer", "OK");
    case SIGNET_REVIEW_ANSWER_ISSUE: return C_("review answer", "Issue");
    case SIGNET_REVIEW_ANSWER_NA:    return C_("review answer", "Not Applicable");
    case SIGNET_REVIEW_ANSWER_NONE:
    default:                         return C_("review answer", "Not Answered");
    }
}

GStrv
signet_review_default_checklist (void)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  /* Translators: the checklist of a periodic review when the contract's
   * type has none (签章完整, 授权有效, 条款合规, 履约正常, 付款正常). */
  g_strv_builder_add (builder, _("Signatures and seals complete"));
  g_strv_builder_add (builder, _("Signatory authority valid"));
  g_strv_builder_add (builder, _("Terms compliant"));
  g_strv_builder_add (builder, _("Performance on track"));
  g_strv_builder_add (builder, _("Payments on track"));

  return g_strv_builder_end (builder);
}

/* Records */

SignetReviewItem *
signet_review_item_new (const char         *item,
                        SignetReviewAnswer  answer,
                        const char         *finding)
{
  SignetReviewItem *self = g_new0 (SignetReviewItem, 1);

  self->item = g_strdup (item);
  self->answer = answer;
  self->finding = g_strdup (finding);

  return self;
}

void
signet_review_item_free (SignetReviewItem *item)
{
  if (item == NULL)
    return;

  g_free (item->item);
  g_free (item->finding);
  g_free (item);
}

SignetReviewAction *
signet_review_action_new (const char *description,
                          gint64      owner_id,
                          const char *due_date)
{
  SignetReviewAction *self = g_new0 (SignetReviewAction, 1);

  self->description = g_strdup (description);
  self->owner_id = owner_id;
  self->due_date = g_strdup (due_date);

  return self;
}

SignetReviewAction *
signet_review_action_copy (const SignetReviewAction *action)
{
  SignetReviewAction *copy;

  g_return_val_if_fail (action != NULL, NULL);

  copy = signet_review_action_new (action->description, action->owner_id, action->due_date);
  copy->id = action->id;
  copy->uuid = g_strdup (action->uuid);
  copy->review_id = action->review_id;
  copy->contract_id = action->contract_id;
  copy->owner_name = g_strdup (action->owner_name);
  copy->done_date = g_strdup (action->done_date);

  return copy;
}

void
signet_review_action_free (SignetReviewAction *action)
{
  if (action == NULL)
    return;

  g_free (action->uuid);
  g_free (action->description);
  g_free (action->owner_name);
  g_free (action->due_date);
  g_free (action->done_date);
  g_free (action);
}

gboolean
signet_review_action_is_open (const SignetReviewAction *action)
{
  g_return_val_if_fail (action != NULL, FALSE);

  return action->done_date == NULL;
}

gboolean
signet_review_action_is_overdue (const SignetReviewAction *action,
                                 const char               *today)
{
  g_return_val_if_fail (action != NULL, FALSE);

  return signet_review_action_is_open (action) && action->due_date != NULL &&
         g_strcmp0 (action->due_date, today) < 0;
}

SignetReviewReport *
signet_review_report_new (gint64      contract_id,
                          const char *date)
{
  SignetReviewReport *self = g_new0 (SignetReviewReport, 1);

  self->contract_id = contract_id;
  self->date = g_strdup (date);
  self->items = g_ptr_array_new_with_free_func ((GDestroyNotify) signet_review_item_free);
  self->actions = g_ptr_array_new_with_free_func ((GDestroyNotify) signet_review_action_free);

  return self;
}

void
signet_review_report_free (SignetReviewReport *report)
{
  if (report == NULL)
    return;

  g_free (report->uuid);
  g_free (report->date);
  g_free (report->reviewer);
  g_free (report->note);
  g_free (report->follow_up_date);
  g_clear_pointer (&report->items, g_ptr_array_unref);
  g_clear_pointer (&report->actions, g_ptr_array_unref);
  g_free (report);
}

guint
signet_review_report_count_answers (const SignetReviewReport *report,
                                    SignetReviewAnswer        answer)
{
  guint n = 0;

  g_return_val_if_fail (report != NULL, 0);

  for (guint i = 0; i < report->items->len; i++)
    n += ((SignetReviewItem *) g_ptr_array_index (report->items, i))->answer == answer;

  return n;
}

guint
signet_review_report_count_open_actions (const SignetReviewReport *report)
{
  guint n = 0;

  g_return_val_if_fail (report != NULL, 0);

  for (guint i = 0; i < report->actions->len; i++)
    n += signet_review_action_is_open (g_ptr_array_index (report->actions, i));

  return n;
}

gboolean
signet_review_report_needs_follow_up (const SignetReviewReport *report)
{
  return signet_review_report_count_open_actions (report) > 0;
}

char *
signet_review_report_suggest_follow_up (const SignetReviewReport *report)
{
  const char *latest = NULL;
  GDate date;

  g_return_val_if_fail (report != NULL, NULL);

  if (!signet_review_report_needs_follow_up (report))
    return NULL;

  for (guint i = 0; i < report->actions->len; i++)
    {
      const SignetReviewAction *action = g_ptr_array_index (report->actions, i);

      if (signet_review_action_is_open (action) && signet_date_is_valid (action->due_date) &&
          g_strcmp0 (action->due_date, latest) > 0)
        latest = action->due_date;
    }
  if (latest != NULL)
    return g_strdup (latest);

  if (!signet_date_parse (report->date, &date) || !signet_date_add_days (&date, 30))
    return NULL;

  return signet_date_to_iso (&date);
}

/* Store */

/* The integer @sql gives for @id: 0 without a row, -1 on error. */
static gint64
query_by_id (SignetStore  *self,
             const char   *sql,
             gint64        id,
             GError      **error)
{
  SignetDbStmt *stmt = _signet_store_statement (self, sql, error);
  gint64 value = 0;
  int rc;

  if (stmt == NULL)
    return -1;

  signet_db_bind_int64 (stmt, 1, id);
  rc = signet_db_step (stmt);
  if (rc == SIGNET_DB_ROW)
    value = signet_db_column_int64 (stmt, 0);
  signet_db_reset (stmt);
  if (rc != SIGNET_DB_ROW && rc != SIGNET_DB_DONE)
    {
      _signet_store_set_error (self, rc, error);
      return -1;
    }

  return value;
}

static char *
lookup_contract_number (SignetStore  *self,
                        gint64        contract_id,
                        GError      **error)
{
  SignetDbStmt *stmt = _signet_store_statement (self, "SELECT number FROM contracts WHERE id = ?", error);
  char *number = NULL;
  int rc;

  if (stmt == NULL)
    return NULL;

  signet_db_bind_int64 (stmt, 1, contract_id);
  rc = signet_db_step (stmt);
  if (rc == SIGNET_DB_ROW)
    number = _signet_store_dup_text (stmt, 0);
  signet_db_reset (stmt);

  if (rc == SIGNET_DB_DONE)
    g_set_error (error, SIGNET_STORE_ERROR, SIGNET_STORE_ERROR_NOT_FOUND,
                 _("The contract no longer exists; it may have been deleted."));
  else if (rc != SIGNET_DB_ROW)
    _signet_store_set_error (self, rc, error);

  return number;
}

/* The name of person @id, NULL for 0; a person who is not there fails. */
static gboolean
lookup_owner_name (SignetStore  *self,
                   gint64        owner_id,
                   char        **name,
                   GError      **error)
{
  *name = NULL;
  if (owner_id == 0)
    return TRUE;

  *name = _signet_store_dup_person_name (self, owner_id, SIGNET_FIELD_REVIEW_ACTION_OWNER,
                                         _("The owner of the action is no longer in People."), error);

  return *name != NULL;
}

static gboolean
validate_optional_date (const char   *date,
                        SignetField   field,
                        GError      **error)
{
  SignetDateCheck check;

  if (date == NULL)
    return TRUE;

  check = signet_date_check (date);
  if (check == SIGNET_DATE_OK)
    return TRUE;
  if (check == SIGNET_DATE_OUT_OF_RANGE)
    {
      g_autofree char *message = signet_date_out_of_range_message (date);

      return _signet_set_field_error (error, field, "%s", message);
    }

  return _signet_set_field_error (error, field,
                                  _("“%s” is not a date. Use the form YYYY-MM-DD, for example 2027-03-31."),
                                  date);
}

static gboolean
validate_action (const SignetReviewAction  *action,
                 GError                   **error)
{
  if (_signet_is_blank (action->description))
    return _signet_set_field_error (error, SIGNET_FIELD_REVIEW_ACTION,
                                    _("Describe what the follow-up action is to do."));

  return _signet_check_length (action->description, SIGNET_STORE_MAX_TITLE_CHARS,
                               SIGNET_FIELD_REVIEW_ACTION, error) &&
         validate_optional_date (action->due_date, SIGNET_FIELD_REVIEW_ACTION_DUE, error) &&
         validate_optional_date (action->done_date, SIGNET_FIELD_REVIEW_ACTION_DONE, error);
}

static void
append_field (FieldList   *fields,
              SignetField  field,
              char        *text)
{
  FieldText ft = { field, text, text };

  if (ft.text != NULL && *ft.text == '\0')
    {
      g_clear_pointer (&ft.owned, g_free);
      ft.text = NULL;
    }

  g_array_append_val (fields, ft);
}

/* The items as the audit entry lists them, one a line: "OK: item" or
 * "Issue: item — finding". */
static char *
describe_items (GPtrArray *items)
{
  GString *text;

  if (items->len == 0)
    return NULL;

  text = g_string_new (NULL);
  for (guint i = 0; i < items->len; i++)
    {
      const SignetReviewItem *item = g_ptr_array_index (items, i);

      if (i > 0)
        g_string_append_c (text, '\n');
      /* Translators: a checklist item in History: "Issue: Terms compliant". */
      g_string_append_printf (text, _("%s: %s"), signet_review_answer_to_label (item->answer), item->item);
      if (!_signet_is_blank (item->finding))
        /* Translators: a finding after its checklist item in History. */
        g_string_append_printf (text, _(" — %s"), item->finding);
    }

  return g_string_free (text, FALSE);
}

/* One action as History shows it: "Renew the insurance · 李娜 · due on
 * 2027-01-06". */
static char *
describe_action (const SignetReviewAction *action,
                 const char               *owner)
{
  GString *text = g_string_new (action->description);

  if (owner != NULL)
    g_string_append_printf (text, " · %s", owner);
  if (action->due_date != NULL)
    /* Translators: the due date of a follow-up action in History. */
    g_string_append_printf (text, _(" · due on %s"), action->due_date);

  return g_string_free (text, FALSE);
}

static gboolean
insert_action (SignetStore         *self,
               SignetReviewAction  *action,
               int                  position,
               GError             **error)
{
  g_autofree char *uuid = NULL;
  g_autofree char *description = _signet_strdup_trimmed (action->description);
  SignetDbStmt *stmt;

  if (!(uuid = _signet_store_claim_uuid (self, "review_actions", action->uuid, error)))
    return FALSE;

  stmt = _signet_store_statement (self,
                                  "INSERT INTO review_actions (uuid, review_id, position, description, owner_id, "
                                  "due_date, done_date) VALUES (?, ?, ?, ?, ?, ?, ?)", error);
  if (stmt == NULL)
    return FALSE;

  signet_db_bind_static_text (stmt, 1, uuid);
  signet_db_bind_int64 (stmt, 2, action->review_id);
  signet_db_bind_int (stmt, 3, position);
  signet_db_bind_static_text (stmt, 4, description);
  if (action->owner_id != 0)
    signet_db_bind_int64 (stmt, 5, action->owner_id);
  else
    signet_db_bind_null (stmt, 5);
  _signet_store_bind_text (stmt, 6, action->due_date);
  _signet_store_bind_text (stmt, 7, action->done_date);
  if (!_signet_store_step_done (self, stmt, error))
    return FALSE;

  action->id = signet_db_last_insert_id (self->db);
  g_free (action->uuid);
  action->uuid = g_steal_pointer (&uuid);

  return TRUE;
}

GStrv
signet_store_dup_review_checklist (SignetStore  *self,
                                   gint64        contract_id,
                                   GError      **error)
{
  g_autoptr(SignetContract) contract = NULL;
  g_autoptr(SignetContractType) type = NULL;
  const char * const *clauses = NULL;

  g_return_val_if_fail (SIGNET_IS_STORE (self), NULL);

  if (!(contract = signet_store_get_contract (self, contract_id, error)))
    return NULL;

  /* A type deleted or renamed since gives the default checklist. */
  type = signet_store_find_contract_type (self, signet_contract_get_contract_type (contract), NULL);
  if (type != NULL)
    clauses = signet_contract_type_get_checklist (type);
  if (clauses == NULL || clauses[0] == NULL)
    return signet_review_default_checklist ();

  return g_strdupv ((char **) clauses);
}

gboolean
signet_store_record_review_report (SignetStore         *self,
                                   SignetReviewReport  *report,
                                   GError             **error)
{
  g_auto(SignetWriteScope) scope = { 0 };
  g_autoptr(FieldList) fields = NULL;
  g_autoptr(GString) actions_text = g_string_new (NULL);
  g_autofree char *number = NULL;
  g_autofree char *today = NULL;
  g_autofree char *who = NULL;
  g_autofree char *uuid = NULL;
  g_autofree char *follow_up = NULL;
  SignetDbStmt *stmt;
  gint64 review_id;

  g_return_val_if_fail (SIGNET_IS_STORE (self), FALSE);
  g_return_val_if_fail (report != NULL, FALSE);

  if (_signet_is_blank (report->date))
    return _signet_set_field_error (error, SIGNET_FIELD_REVIEW_DATE, _("Enter a date."));
  if (!validate_optional_date (report->date, SIGNET_FIELD_REVIEW_DATE, error))
    return FALSE;
  /* A review in the future has not happened: recording it would silence
   * the reminders of one that is due. */
  today = signet_store_dup_today (self);
  if (g_strcmp0 (report->date, today) > 0)
    return _signet_set_field_error (error, SIGNET_FIELD_REVIEW_DATE,
                                    _("The review date %s is in the future. Record a review once it has taken place."),
                                    report->date);

  for (guint i = 0; i < report->items->len; i++)
    {
      const SignetReviewItem *item = g_ptr_array_index (report->items, i);

      /* An issue nobody described cannot be followed up. */
      if (item->answer == SIGNET_REVIEW_ANSWER_ISSUE && _signet_is_blank (item->finding))
        return _signet_set_field_error (error, SIGNET_FIELD_REVIEW_CHECKLIST,
                                        _("“%s” is answered Issue: describe the finding."), item->item);
    }
  for (guint i = 0; i < report->actions->len; i++)
    if (!validate_action (g_ptr_array_index (report->actions, i), error))
      return FALSE;
  if (!validate_optional_date (report->follow_up_date, SIGNET_FIELD_REVIEW_FOLLOW_UP, error))
    return FALSE;

  /* A date given is kept, also once every action is done (a review
   * imported with its history); none given, a review with open actions
   * gets the suggested one. */
  follow_up = report->follow_up_date != NULL ? g_strdup (report->follow_up_date)
                                             : signet_review_report_suggest_follow_up (report);

  who = _signet_is_blank (report->reviewer) ? g_strdup (_signet_store_user_name (self)) : _signet_strdup_trimmed (report->reviewer);

  if (!_signet_write_scope_begin (&scope, self, error))
    return FALSE;

  if (!(number = lookup_contract_number (self, report->contract_id, error)))
    return FALSE;

  if (!(uuid = _signet_store_claim_uuid (self, "reviews", report->uuid, error)))
    return FALSE;

  stmt = _signet_store_statement (self,
                                  "INSERT INTO reviews (contract_id, date, reviewer, note, uuid, follow_up_date) "
                                  "VALUES (?, ?, ?, ?, ?, ?)", error);
  if (stmt == NULL)
    return FALSE;

  signet_db_bind_int64 (stmt, 1, report->contract_id);
  signet_db_bind_text (stmt, 2, report->date);
  signet_db_bind_text (stmt, 3, who);
  _signet_store_bind_text (stmt, 4, _signet_is_blank (report->note) ? NULL : report->note);
  signet_db_bind_static_text (stmt, 5, uuid);
  _signet_store_bind_text (stmt, 6, follow_up);
  if (!_signet_store_step_done (self, stmt, error))
    return FALSE;
  review_id = signet_db_last_insert_id (self->db);

  for (guint i = 0; i < report->items->len; i++)
    {
      const SignetReviewItem *item = g_ptr_array_index (report->items, i);

      stmt = _signet_store_statement (self,
                                      "INSERT INTO review_clauses (review_id, position, clause, confirmed, answer, finding) "
                                      "VALUES (?, ?, ?, ?, ?, ?)", error);
      if (stmt == NULL)
        return FALSE;
      signet_db_bind_int64 (stmt, 1, review_id);
      signet_db_bind_int (stmt, 2, (int) i);
      signet_db_bind_static_text (stmt, 3, item->item);
      /* What the reviews from before the answers read: confirmed = OK. */
      signet_db_bind_int (stmt, 4, item->answer == SIGNET_REVIEW_ANSWER_OK);
      _signet_store_bind_text (stmt, 5, signet_review_answer_to_token (item->answer));
      _signet_store_bind_text (stmt, 6, _signet_is_blank (item->finding) ? NULL : item->finding);
      if (!_signet_store_step_done (self, stmt, error))
        return FALSE;
    }

  for (guint i = 0; i < report->actions->len; i++)
    {
      SignetReviewAction *action = g_ptr_array_index (report->actions, i);
      g_autofree char *owner = NULL;
      g_autofree char *line = NULL;

      action->review_id = review_id;
      if (!lookup_owner_name (self, action->owner_id, &owner, error) ||
          !insert_action (self, action, (int) i, error))
        return FALSE;
      action->contract_id = report->contract_id;
      g_free (action->owner_name);
      action->owner_name = g_strdup (owner);
      line = describe_action (action, owner);
      g_string_append_printf (actions_text, "%s%s", i > 0 ? "\n" : "", line);
    }

  fields = g_array_new (FALSE, FALSE, sizeof (FieldText));
  append_field (fields, SIGNET_FIELD_REVIEW_DATE, g_strdup (report->date));
  append_field (fields, SIGNET_FIELD_REVIEW_REVIEWER, g_strdup (who));
  append_field (fields, SIGNET_FIELD_REVIEW_NOTE, g_strdup (report->note));
  append_field (fields, SIGNET_FIELD_REVIEW_CHECKLIST, describe_items (report->items));
  append_field (fields, SIGNET_FIELD_REVIEW_ACTIONS, g_strdup (actions_text->str));
  append_field (fields, SIGNET_FIELD_REVIEW_FOLLOW_UP, g_strdup (follow_up));
  if (!_signet_write_scope_audit (&scope, SIGNET_AUDIT_ACTION_RECORD_REVIEW, SIGNET_RECORD_CONTRACT,
                                  report->contract_id, number, NULL, fields, error) ||
      !_signet_store_events_refresh_contract (self, report->contract_id, error) ||
      !_signet_write_scope_commit (&scope, error))
    return FALSE;

  report->id = review_id;
  g_free (report->uuid);
  report->uuid = g_steal_pointer (&uuid);
  g_free (report->reviewer);
  report->reviewer = g_steal_pointer (&who);
  g_free (report->follow_up_date);
  report->follow_up_date = g_steal_pointer (&follow_up);

  return TRUE;
}

static SignetReviewAction *
read_action (SignetDbStmt *stmt)
{
  SignetReviewAction *action = g_new0 (SignetReviewAction, 1);

  action->id = signet_db_column_int64 (stmt, 0);
  action->uuid = _signet_store_dup_text (stmt, 1);
  action->review_id = signet_db_column_int64 (stmt, 2);
  action->description = _signet_store_dup_text (stmt, 3);
  action->owner_id = signet_db_column_int64 (stmt, 4);
  action->owner_name = _signet_store_dup_text (stmt, 5);
  action->due_date = _signet_store_dup_text (stmt, 6);
  action->done_date = _signet_store_dup_text (stmt, 7);
  action->contract_id = signet_db_column_int64 (stmt, 8);

  return action;
}

#define ACTION_COLUMNS \
  "a.id, a.uuid, a.review_id, a.description, a.owner_id, p.name, a.due_date, a.done_date, r.contract_id " \
  "FROM review_actions a JOIN reviews r ON r.id = a.review_id LEFT JOIN people p ON p.id = a.owner_id "

GPtrArray *
signet_store_list_review_reports (SignetStore  *self,
                                  gint64        contract_id,
                                  GError      **error)
{
  g_autoptr(GPtrArray) reports = NULL;
  SignetDbStmt *stmt;
  int rc;

  g_return_val_if_fail (SIGNET_IS_STORE (self), NULL);

  reports = g_ptr_array_new_with_free_func ((GDestroyNotify) signet_review_report_free);

  stmt = _signet_store_statement (self,
                                  "SELECT id, date, reviewer, note, uuid, follow_up_date FROM reviews "
                                  "WHERE contract_id = ? ORDER BY date DESC, id DESC", error);
  if (stmt == NULL)
    return NULL;

  signet_db_bind_int64 (stmt, 1, contract_id);
  while ((rc = signet_db_step (stmt)) == SIGNET_DB_ROW)
    {
      SignetReviewReport *report = signet_review_report_new (contract_id, signet_db_column_text (stmt, 1));

      report->id = signet_db_column_int64 (stmt, 0);
      report->reviewer = _signet_store_dup_text (stmt, 2);
      report->note = _signet_store_dup_text (stmt, 3);
      report->uuid = _signet_store_dup_text (stmt, 4);
      report->follow_up_date = _signet_store_dup_text (stmt, 5);
      g_ptr_array_add (reports, report);
    }
  signet_db_reset (stmt);
  if (rc != SIGNET_DB_DONE)
    {
      _signet_store_set_error (self, rc, error);
      return NULL;
    }

  for (guint i = 0; i < reports->len; i++)
    {
      SignetReviewReport *report = g_ptr_array_index (reports, i);

      stmt = _signet_store_statement (self,
                                      "SELECT clause, answer, finding, confirmed FROM review_clauses "
                                      "WHERE review_id = ? ORDER BY position", error);
      if (stmt == NULL)
        return NULL;
      signet_db_bind_int64 (stmt, 1, report->id);
      while ((rc = signet_db_step (stmt)) == SIGNET_DB_ROW)
        {
          SignetReviewAnswer answer = SIGNET_REVIEW_ANSWER_NONE;

          /* A clause confirmed by a review recorded without answers is OK,
           * as migration 19 reads those recorded before it. */
          if (!signet_review_answer_from_token (signet_db_column_text (stmt, 1), &answer) ||
              (answer == SIGNET_REVIEW_ANSWER_NONE && signet_db_column_int (stmt, 3) != 0))
            answer = signet_db_column_int (stmt, 3) != 0 ? SIGNET_REVIEW_ANSWER_OK : SIGNET_REVIEW_ANSWER_NONE;
          g_ptr_array_add (report->items,
                           signet_review_item_new (signet_db_column_text (stmt, 0), answer,
                                                   signet_db_column_text (stmt, 2)));
        }
      signet_db_reset (stmt);
      if (rc != SIGNET_DB_DONE)
        {
          _signet_store_set_error (self, rc, error);
          return NULL;
        }

      stmt = _signet_store_statement (self, "SELECT " ACTION_COLUMNS
                                      "WHERE a.review_id = ? ORDER BY a.position, a.id", error);
      if (stmt == NULL)
        return NULL;
      signet_db_bind_int64 (stmt, 1, report->id);
      while ((rc = signet_db_step (stmt)) == SIGNET_DB_ROW)
        g_ptr_array_add (report->actions, read_action (stmt));
      signet_db_reset (stmt);
      if (rc != SIGNET_DB_DONE)
        {
          _signet_store_set_error (self, rc, error);
          return NULL;
        }
    }

  return g_steal_pointer (&reports);
}

static SignetReviewAction *
lookup_action (SignetStore  *self,
               gint64        id,
               GError      **error)
{
  SignetDbStmt *stmt = _signet_store_statement (self, "SELECT " ACTION_COLUMNS "WHERE a.id = ?", error);
  SignetReviewAction *action = NULL;
  int rc;

  if (stmt == NULL)
    return NULL;

  signet_db_bind_int64 (stmt, 1, id);
  rc = signet_db_step (stmt);
  if (rc == SIGNET_DB_ROW)
    action = read_action (stmt);
  signet_db_reset (stmt);

  if (rc == SIGNET_DB_DONE)
    g_set_error (error, SIGNET_STORE_ERROR, SIGNET_STORE_ERROR_NOT_FOUND,
                 _("The follow-up action no longer exists; its review may have been deleted."));
  else if (rc != SIGNET_DB_ROW)
    _signet_store_set_error (self, rc, error);

  return action;
}

static FieldList *
action_to_fields (const SignetReviewAction *action)
{
  FieldList *fields = g_array_new (FALSE, FALSE, sizeof (FieldText));

  append_field (fields, SIGNET_FIELD_REVIEW_ACTION, g_strdup (action->description));
  append_field (fields, SIGNET_FIELD_REVIEW_ACTION_OWNER, g_strdup (action->owner_name));
  append_field (fields, SIGNET_FIELD_REVIEW_ACTION_DUE, g_strdup (action->due_date));
  append_field (fields, SIGNET_FIELD_REVIEW_ACTION_DONE, g_strdup (action->done_date));

  return fields;
}

/* Writes @after over @before (NULL: @after is added to its review), with
 * its audit entry on the contract, in one transaction. */
static gboolean
write_action (SignetStore         *self,
              SignetReviewAction  *before,
              SignetReviewAction  *after,
              SignetAuditAction    audit_action,
              GError             **error)
{
  g_auto(SignetWriteScope) scope = { 0 };
  g_autoptr(FieldList) before_fields = NULL;
  g_autoptr(FieldList) after_fields = NULL;
  g_autofree char *number = NULL;
  g_autofree char *owner = NULL;
  g_autofree char *description = NULL;
  SignetDbStmt *stmt;

  if (!validate_action (after, error))
    return FALSE;

  if (!_signet_write_scope_begin (&scope, self, error))
    return FALSE;

  if (before == NULL)
    {
      after->contract_id = query_by_id (self, "SELECT contract_id FROM reviews WHERE id = ?", after->review_id, error);
      if (after->contract_id < 0)
        return FALSE;
      if (after->contract_id == 0)
        {
          g_set_error (error, SIGNET_STORE_ERROR, SIGNET_STORE_ERROR_NOT_FOUND,
                       _("The review no longer exists; it may have been deleted."));
          return FALSE;
        }
    }

  if (!(number = lookup_contract_number (self, after->contract_id, error)) ||
      !lookup_owner_name (self, after->owner_id, &owner, error))
    return FALSE;
  g_free (after->owner_name);
  after->owner_name = g_steal_pointer (&owner);

  if (before == NULL)
    {
      gint64 position = query_by_id (self, "SELECT count(*) FROM review_actions WHERE review_id = ?",
                                     after->review_id, error);

      if (position < 0 || !insert_action (self, after, (int) position, error))
        return FALSE;
    }
  else
    {
      stmt = _signet_store_statement (self,
                                      "UPDATE review_actions SET description = ?, owner_id = ?, due_date = ?, "
                                      "done_date = ? WHERE id = ?", error);
      if (stmt == NULL)
        return FALSE;
      description = _signet_strdup_trimmed (after->description);
      signet_db_bind_static_text (stmt, 1, description);
      if (after->owner_id != 0)
        signet_db_bind_int64 (stmt, 2, after->owner_id);
      else
        signet_db_bind_null (stmt, 2);
      _signet_store_bind_text (stmt, 3, after->due_date);
      _signet_store_bind_text (stmt, 4, after->done_date);
      signet_db_bind_int64 (stmt, 5, before->id);
      if (!_signet_store_step_done (self, stmt, error))
        return FALSE;
    }

  before_fields = before != NULL ? action_to_fields (before) : NULL;
  after_fields = action_to_fields (after);
  if (!_signet_write_scope_audit (&scope, audit_action, SIGNET_RECORD_CONTRACT, after->contract_id, number,
                                  before_fields, after_fields, error) ||
      !_signet_store_events_refresh_contract (self, after->contract_id, error) ||
      !_signet_write_scope_commit (&scope, error))
    return FALSE;

  return TRUE;
}

gboolean
signet_store_add_review_action (SignetStore         *self,
                                SignetReviewAction  *action,
                                GError             **error)
{
  g_return_val_if_fail (SIGNET_IS_STORE (self), FALSE);
  g_return_val_if_fail (action != NULL, FALSE);

  if (!write_action (self, NULL, action, SIGNET_AUDIT_ACTION_ADD_REVIEW_ACTION, error))
    {
      action->id = 0;
      return FALSE;
    }

  return TRUE;
}

gboolean
signet_store_update_review_action (SignetStore               *self,
                                   const SignetReviewAction  *action,
                                   GError                   **error)
{
  g_autoptr(SignetReviewAction) before = NULL;
  g_autoptr(SignetReviewAction) after = NULL;

  g_return_val_if_fail (SIGNET_IS_STORE (self), FALSE);
  g_return_val_if_fail (action != NULL, FALSE);

  if (!(before = lookup_action (self, action->id, error)))
    return FALSE;

  /* Its review, contract and state stay: only what it says changes. */
  after = signet_review_action_copy (before);
  signet_set_str (&after->description, action->description);
  signet_set_str (&after->due_date, action->due_date);
  after->owner_id = action->owner_id;

  return write_action (self, before, after, SIGNET_AUDIT_ACTION_UPDATE_REVIEW_ACTION, error);
}

gboolean
signet_store_set_review_action_done (SignetStore  *self,
                                     gint64        id,
                                     const char   *done_date,
                                     GError      **error)
{
  g_autoptr(SignetReviewAction) before = NULL;
  g_autoptr(SignetReviewAction) after = NULL;

  g_return_val_if_fail (SIGNET_IS_STORE (self), FALSE);

  if (!(before = lookup_action (self, id, error)))
    return FALSE;

  if (done_date != NULL && _signet_is_blank (done_date))
    return _signet_set_field_error (error, SIGNET_FIELD_REVIEW_ACTION_DONE, _("Enter a date."));

  after = signet_review_action_copy (before);
  signet_set_str (&after->done_date, done_date);

  return write_action (self, before, after,
                       done_date != NULL ? SIGNET_AUDIT_ACTION_COMPLETE_REVIEW_ACTION
                                         : SIGNET_AUDIT_ACTION_REOPEN_REVIEW_ACTION,
                       error);
}

guint
signet_store_count_open_review_actions (SignetStore  *self,
                                        gint64        contract_id,
                                        GError      **error)
{
  SignetDbStmt *stmt;
  guint n = 0;
  int rc;

  g_return_val_if_fail (SIGNET_IS_STORE (self), 0);

  stmt = _signet_store_statement (self,
                                  "SELECT count(*) FROM review_actions a JOIN reviews r ON r.id = a.review_id "
                                  "WHERE r.contract_id = ? AND a.done_date IS NULL", error);
  if (stmt == NULL)
    return 0;

  signet_db_bind_int64 (stmt, 1, contract_id);
  rc = signet_db_step (stmt);
  if (rc == SIGNET_DB_ROW)
    n = (guint) signet_db_column_int64 (stmt, 0);
  else
    _signet_store_set_error (self, rc, error);
  signet_db_reset (stmt);

  return n;
}

/* Deleting a review, with Undo */

/* Review @id as listed, NULL (NOT_FOUND) when it is not there. */
static SignetReviewReport *
lookup_report (SignetStore  *self,
               gint64        id,
               GError      **error)
{
  g_autoptr(GPtrArray) reports = NULL;
  gint64 contract_id = query_by_id (self, "SELECT contract_id FROM reviews WHERE id = ?", id, error);

  if (contract_id < 0)
    return NULL;

  if (contract_id > 0 && !(reports = signet_store_list_review_reports (self, contract_id, error)))
    return NULL;

  for (guint i = 0; reports != NULL && i < reports->len; i++)
    if (((SignetReviewReport *) g_ptr_array_index (reports, i))->id == id)
      return g_ptr_array_steal_index (reports, i);

  g_set_error (error, SIGNET_STORE_ERROR, SIGNET_STORE_ERROR_NOT_FOUND,
               _("The review no longer exists; it may have been deleted."));
  return NULL;
}

/* What History lists of a whole review, as when it was recorded. */
static FieldList *
report_to_fields (const SignetReviewReport *report)
{
  FieldList *fields = g_array_new (FALSE, FALSE, sizeof (FieldText));
  GString *actions_text = g_string_new (NULL);

  for (guint i = 0; i < report->actions->len; i++)
    {
      const SignetReviewAction *action = g_ptr_array_index (report->actions, i);
      g_autofree char *line = describe_action (action, action->owner_name);

      g_string_append_printf (actions_text, "%s%s", i > 0 ? "\n" : "", line);
    }

  append_field (fields, SIGNET_FIELD_REVIEW_DATE, g_strdup (report->date));
  append_field (fields, SIGNET_FIELD_REVIEW_REVIEWER, g_strdup (report->reviewer));
  append_field (fields, SIGNET_FIELD_REVIEW_NOTE, g_strdup (report->note));
  append_field (fields, SIGNET_FIELD_REVIEW_CHECKLIST, describe_items (report->items));
  append_field (fields, SIGNET_FIELD_REVIEW_ACTIONS, g_string_free (actions_text, FALSE));
  append_field (fields, SIGNET_FIELD_REVIEW_FOLLOW_UP, g_strdup (report->follow_up_date));

  return fields;
}

SignetTombstone *
_signet_store_delete_review (SignetStore  *self,
                             gint64        id,
                             GError      **error)
{
  g_auto(SignetWriteScope) scope = { 0 };
  g_autoptr(SignetReviewReport) before = NULL;
  g_autoptr(SignetTombstone) tombstone = NULL;
  g_autoptr(FieldList) fields = NULL;
  g_autofree char *number = NULL;
  g_autofree char *label = NULL;
  static const char * const deletes[] = {
    "DELETE FROM review_actions WHERE review_id = ?",
    "DELETE FROM review_clauses WHERE review_id = ?",
    "DELETE FROM reviews WHERE id = ?",
  };

  if (!_signet_write_scope_begin (&scope, self, error) ||
      !(before = lookup_report (self, id, error)) ||
      !(number = lookup_contract_number (self, before->contract_id, error)))
    return NULL;

  label = signet_date_format_display (before->date);
  tombstone = _signet_tombstone_new (SIGNET_TOMBSTONE_REVIEW, id, before->contract_id, label);
  if (!_signet_store_keep_rows (self, tombstone, "reviews", "id = ?1", id, error) ||
      !_signet_store_keep_rows (self, tombstone, "review_clauses", "review_id = ?1", id, error) ||
      !_signet_store_keep_rows (self, tombstone, "review_actions", "review_id = ?1", id, error))
    return NULL;

  for (guint i = 0; i < G_N_ELEMENTS (deletes); i++)
    {
      SignetDbStmt *stmt = _signet_store_statement (self, deletes[i], error);

      if (stmt == NULL)
        return NULL;
      signet_db_bind_int64 (stmt, 1, id);
      if (!_signet_store_step_done (self, stmt, error))
        return NULL;
    }

  fields = report_to_fields (before);
  if (!_signet_write_scope_audit (&scope, SIGNET_AUDIT_ACTION_DELETE_REVIEW, SIGNET_RECORD_CONTRACT,
                                  before->contract_id, number, fields, NULL, error) ||
      !_signet_store_events_refresh_contract (self, before->contract_id, error) ||
      !_signet_write_scope_commit (&scope, error))
    return NULL;

  return g_steal_pointer (&tombstone);
}

gboolean
signet_store_delete_review (SignetStore  *self,
                            gint64        id,
                            GError      **error)
{
  g_autoptr(SignetTombstone) tombstone = NULL;

  g_return_val_if_fail (SIGNET_IS_STORE (self), FALSE);

  tombstone = _signet_store_delete_review (self, id, error);

  return tombstone != NULL;
}

gboolean
_signet_store_restore_review (SignetWriteScope  *scope,
                              SignetTombstone   *tombstone,
                              GError           **error)
{
  SignetStore *self = scope->store;
  gint64 id = signet_tombstone_get_id (tombstone);
  gint64 contract_id = signet_tombstone_get_contract_id (tombstone);
  const char *date = signet_tombstone_get_label (tombstone);
  g_autoptr(SignetReviewReport) restored = NULL;
  g_autoptr(FieldList) after = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *number = NULL;
  gint64 present;

  if (!(number = lookup_contract_number (self, contract_id, &local_error)))
    {
      if (!g_error_matches (local_error, SIGNET_STORE_ERROR, SIGNET_STORE_ERROR_NOT_FOUND))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }

      g_set_error (error, SIGNET_STORE_ERROR, SIGNET_STORE_ERROR_NOT_FOUND,
                   _("The review of %s cannot be restored: its contract has been deleted."), date);
      return FALSE;
    }

  if ((present = query_by_id (self, "SELECT count(*) FROM reviews WHERE id = ?", id, error)) < 0)
    return FALSE;
  if (present > 0)
    {
      g_set_error (error, SIGNET_STORE_ERROR, SIGNET_STORE_ERROR_CONFLICT,
                   _("The review of %s is in the register already."), date);
      return FALSE;
    }

  if (!_signet_store_keep_uuid (self, tombstone, "reviews", error) ||
      !_signet_store_insert_kept_rows (self, tombstone, error) ||
      !(restored = lookup_report (self, id, error)))
    return FALSE;

  after = report_to_fields (restored);

  return _signet_write_scope_audit (scope, SIGNET_AUDIT_ACTION_RESTORE_REVIEW, SIGNET_RECORD_CONTRACT,
                                    contract_id, number, NULL, after, error) &&
         _signet_store_events_refresh_contract (self, contract_id, error);
}
