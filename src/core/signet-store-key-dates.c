/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "signet-store"

#include "config.h"

#include <glib/gi18n.h>

#include "signet-date.h"
#include "signet-store-events.h"
#include "signet-store-private.h"
#include "signet-tombstone-private.h"

/* Key dates users add, reviews, reminder settings and acknowledgements.
 * Each belongs to a contract: it is written in one transaction with an
 * audit entry on the contract and announced as a change of the contract. */

static void
append_field (FieldList   *fields,
              SignetField  field,
              char        *text)
{
  FieldText ft = { field, text, text };

  if (ft.text != NULL && *ft.text == '\0' && field != SIGNET_FIELD_REMINDER_END_LEADS &&
      field != SIGNET_FIELD_REMINDER_NOTICE_LEADS && field != SIGNET_FIELD_REMINDER_REVIEW_LEADS)
    {
      g_clear_pointer (&ft.owned, g_free);
      ft.text = NULL;
    }

  g_array_append_val (fields, ft);
}

static FieldList *
new_field_list (void)
{
  return g_array_new (FALSE, FALSE, sizeof (FieldText));
}

/* The contract's number for the audit entry; NOT_FOUND when it does not
 * exist (a deleted contract gets no new records). */
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

static gboolean
validate_date (const char   *date,
               SignetField   field,
               GError      **error)
{
  SignetDateCheck check = signet_date_check (date);

  if (check == SIGNET_DATE_OK)
    return TRUE;

  if (_signet_is_blank (date))
    return _signet_set_field_error (error, field, _("Enter a date."));

  if (check == SIGNET_DATE_OUT_OF_RANGE)
    {
      g_autofree char *message = signet_date_out_of_range_message (date);

      return _signet_set_field_error (error, field, "%s", message);
    }

  return _signet_set_field_error (error, field,
                                  _("“%s” is not a date. Use the form YYYY-MM-DD, for example 2027-03-31."),
                                  date);
}

/* Key dates */

SignetUserKeyDate *
signet_user_key_date_new (gint64             contract_id,
                          SignetKeyDateKind  kind,
                          const char        *date,
                          const char        *title,
                          const char        *note)
{
  SignetUserKeyDate *key_date = g_new0 (SignetUserKeyDate, 1);

  key_date->contract_id = contract_id;
  key_date->kind = kind;
  key_date->date = g_strdup (date);
  key_date->title = g_strdup (title);
  key_date->note = g_strdup (note);

  return key_date;
}

SignetUserKeyDate *
signet_user_key_date_copy (const SignetUserKeyDate *key_date)
{
  SignetUserKeyDate *copy;

  g_return_val_if_fail (key_date != NULL, NULL);

  copy = signet_user_key_date_new (key_date->contract_id, key_date->kind, key_date->date,
                                   key_date->title, key_date->note);
  copy->id = key_date->id;
  copy->uuid = g_strdup (key_date->uuid);

  return copy;
}

void
signet_user_key_date_free (SignetUserKeyDate *key_date)
{
  if (key_date == NULL)
    return;

  g_free (key_date->uuid);
  g_free (key_date->date);
  g_free (key_date->title);
  g_free (key_date->note);
  g_free (key_date);
}

static gboolean
validate_key_date (const SignetUserKeyDate  *key_date,
                   GError                  **error)
{
  if (!signet_key_date_kind_is_user (key_date->kind))
    return _signet_set_field_error (error, SIGNET_FIELD_KEY_DATE_KIND,
                                    _("Choose whether the date is a milestone, a payment or another date."));

  if (!validate_date (key_date->date, SIGNET_FIELD_KEY_DATE_DATE, error))
    return FALSE;

  if (_signet_is_blank (key_date->title))
    return _signet_set_field_error (error, SIGNET_FIELD_KEY_DATE_TITLE, _("Enter a title for the date."));

  if (!_signet_check_length (key_date->title, SIGNET_STORE_MAX_TITLE_CHARS, SIGNET_FIELD_KEY_DATE_TITLE, error))
    return FALSE;

  return TRUE;
}

static FieldList *
key_date_to_fields (const SignetUserKeyDate *key_date)
{
  FieldList *fields = new_field_list ();

  append_field (fields, SIGNET_FIELD_KEY_DATE_KIND, g_strdup (signet_key_date_kind_to_token (key_date->kind)));
  append_field (fields, SIGNET_FIELD_KEY_DATE_DATE, g_strdup (key_date->date));
  append_field (fields, SIGNET_FIELD_KEY_DATE_TITLE, _signet_strdup_trimmed (key_date->title));
  append_field (fields, SIGNET_FIELD_KEY_DATE_NOTE, g_strdup (key_date->note));

  return fields;
}

static SignetUserKeyDate *
lookup_key_date (SignetStore  *self,
                 gint64        id,
                 GError      **error)
{
  SignetDbStmt *stmt;
  SignetUserKeyDate *key_date = NULL;
  int rc;

  stmt = _signet_store_statement (self,
                                  "SELECT id, contract_id, kind, date, title, note, uuid FROM key_dates WHERE id = ?",
                                  error);
  if (stmt == NULL)
    return NULL;

  signet_db_bind_int64 (stmt, 1, id);
  rc = signet_db_step (stmt);
  if (rc == SIGNET_DB_ROW)
    {
      SignetKeyDateKind kind = SIGNET_KEY_DATE_OTHER;

      signet_key_date_kind_from_token (signet_db_column_text (stmt, 2), &kind);
      key_date = signet_user_key_date_new (signet_db_column_int64 (stmt, 1), kind,
                                           signet_db_column_text (stmt, 3),
                                           signet_db_column_text (stmt, 4),
                                           signet_db_column_text (stmt, 5));
      key_date->id = signet_db_column_int64 (stmt, 0);
      key_date->uuid = _signet_store_dup_text (stmt, 6);
    }
  signet_db_reset (stmt);

  if (rc == SIGNET_DB_DONE)
    g_set_error (error, SIGNET_STORE_ERROR, SIGNET_STORE_ERROR_NOT_FOUND,
                 _("The date no longer exists; it may have been deleted."));
  else if (rc != SIGNET_DB_ROW)
    _signet_store_set_error (self, rc, error);

  return key_date;
}

/* Writes @after over @before (either NULL for an addition or a removal)
 * with its audit entry and the contract's events, in one transaction; a
 * removal keeps the row in @tombstone. */
static gboolean
write_key_date (SignetStore        *self,
                SignetUserKeyDate  *before,
                SignetUserKeyDate  *after,
                SignetAuditAction   action,
                SignetTombstone    *tombstone,
                GError            **error)
{
  g_auto(SignetWriteScope) scope = { 0 };
  g_autoptr(FieldList) before_fields = NULL;
  g_autoptr(FieldList) after_fields = NULL;
  g_autofree char *number = NULL;
  g_autofree char *title = NULL;
  gint64 contract_id = before != NULL ? before->contract_id : after->contract_id;
  g_autofree char *given_uuid = NULL;
  gboolean added_uuid = FALSE;
  SignetDbStmt *stmt;

  if (after != NULL && !validate_key_date (after, error))
    return FALSE;

  if (!_signet_write_scope_begin (&scope, self, error))
    return FALSE;

  if (!(number = lookup_contract_number (self, contract_id, error)))
    goto failed;

  if (tombstone != NULL && !_signet_store_keep_rows (self, tombstone, "key_dates", "id = ?1", before->id, error))
    goto failed;

  if (after == NULL)
    stmt = _signet_store_statement (self, "DELETE FROM key_dates WHERE id = ?5", error);
  else if (before == NULL)
    stmt = _signet_store_statement (self,
                                    "INSERT INTO key_dates (contract_id, kind, date, title, note, uuid) "
                                    "VALUES (?6, ?1, ?2, ?3, ?4, ?7)", error);
  else
    stmt = _signet_store_statement (self,
                                    "UPDATE key_dates SET kind = ?1, date = ?2, title = ?3, note = ?4 "
                                    "WHERE id = ?5", error);
  if (stmt == NULL)
    goto failed;

  if (after != NULL)
    {
      title = _signet_strdup_trimmed (after->title);
      signet_db_bind_static_text (stmt, 1, signet_key_date_kind_to_token (after->kind));
      signet_db_bind_text (stmt, 2, after->date);
      signet_db_bind_text (stmt, 3, title);
      _signet_store_bind_text (stmt, 4, after->note);
    }
  if (before != NULL)
    signet_db_bind_int64 (stmt, 5, before->id);
  else
    {
      /* A key date restored or imported keeps the UUID it had, if it can. */
      g_autofree char *uuid = _signet_store_claim_uuid (self, "key_dates", after->uuid, error);

      if (uuid == NULL)
        goto failed;
      added_uuid = g_strcmp0 (uuid, after->uuid) != 0;
      if (added_uuid)
        {
          given_uuid = g_steal_pointer (&after->uuid);
          after->uuid = g_steal_pointer (&uuid);
        }
      signet_db_bind_int64 (stmt, 6, contract_id);
      signet_db_bind_static_text (stmt, 7, after->uuid);
    }

  if (!_signet_store_step_done (self, stmt, error))
    goto failed;

  if (before == NULL)
    after->id = signet_db_last_insert_id (self->db);

  before_fields = before != NULL ? key_date_to_fields (before) : NULL;
  after_fields = after != NULL ? key_date_to_fields (after) : NULL;
  /* An added date adds one event: an import of thousands of them to one
   * contract no longer derives the contract again for each. */
  if (!_signet_write_scope_audit (&scope, action, SIGNET_RECORD_CONTRACT, contract_id, number,
                                  before_fields, after_fields, error) ||
      !(before == NULL
        ? _signet_store_events_add_key_date (self, contract_id, after->id, error)
        : _signet_store_events_refresh_contract (self, contract_id, error)) ||
      !_signet_write_scope_commit (&scope, error))
    goto failed;

  return TRUE;

failed:
  /* The caller's key date as it was; the scope rolls the write back. */
  if (before == NULL && after != NULL)
    after->id = 0;
  if (added_uuid)
    {
      g_free (after->uuid);
      after->uuid = g_steal_pointer (&given_uuid);
    }
  return FALSE;
}

gboolean
signet_store_add_key_date (SignetStore        *self,
                           SignetUserKeyDate  *key_date,
                           GError            **error)
{
  g_return_val_if_fail (SIGNET_IS_STORE (self), FALSE);
  g_return_val_if_fail (key_date != NULL, FALSE);

  key_date->id = 0;

  return write_key_date (self, NULL, key_date, SIGNET_AUDIT_ACTION_ADD_KEY_DATE, NULL, error);
}

gboolean
signet_store_update_key_date (SignetStore              *self,
                              const SignetUserKeyDate  *key_date,
                              GError                  **error)
{
  g_autoptr(SignetUserKeyDate) before = NULL;
  g_autoptr(SignetUserKeyDate) after = NULL;

  g_return_val_if_fail (SIGNET_IS_STORE (self), FALSE);
  g_return_val_if_fail (key_date != NULL, FALSE);

  if (!(before = lookup_key_date (self, key_date->id, error)))
    return FALSE;

  after = signet_user_key_date_copy (key_date);
  after->contract_id = before->contract_id;

  return write_key_date (self, before, after, SIGNET_AUDIT_ACTION_UPDATE_KEY_DATE, NULL, error);
}

SignetTombstone *
_signet_store_delete_key_date (SignetStore  *self,
                               gint64        id,
                               GError      **error)
{
  g_autoptr(SignetUserKeyDate) before = NULL;
  g_autoptr(SignetTombstone) tombstone = NULL;

  if (!(before = lookup_key_date (self, id, error)))
    return NULL;

  tombstone = _signet_tombstone_new (SIGNET_TOMBSTONE_KEY_DATE, id, before->contract_id, before->title);
  if (!write_key_date (self, before, NULL, SIGNET_AUDIT_ACTION_DELETE_KEY_DATE, tombstone, error))
    return NULL;

  return g_steal_pointer (&tombstone);
}

gboolean
signet_store_delete_key_date (SignetStore  *self,
                              gint64        id,
                              GError      **error)
{
  g_autoptr(SignetTombstone) tombstone = NULL;

  g_return_val_if_fail (SIGNET_IS_STORE (self), FALSE);

  tombstone = _signet_store_delete_key_date (self, id, error);

  return tombstone != NULL;
}

gboolean
_signet_store_restore_key_date (SignetWriteScope  *scope,
                                SignetTombstone   *tombstone,
                                GError           **error)
{
  SignetStore *self = scope->store;
  gint64 id = signet_tombstone_get_id (tombstone);
  gint64 contract_id = signet_tombstone_get_contract_id (tombstone);
  const char *title = signet_tombstone_get_label (tombstone);
  g_autoptr(SignetUserKeyDate) restored = NULL;
  g_autoptr(FieldList) after = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *number = NULL;

  if (!(number = lookup_contract_number (self, contract_id, &local_error)))
    {
      if (!g_error_matches (local_error, SIGNET_STORE_ERROR, SIGNET_STORE_ERROR_NOT_FOUND))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }

      g_set_error (error, SIGNET_STORE_ERROR, SIGNET_STORE_ERROR_NOT_FOUND,
                   _("The key date “%s” cannot be restored: its contract has been deleted."), title);
      return FALSE;
    }

  if ((restored = lookup_key_date (self, id, NULL)) != NULL)
    {
      g_set_error (error, SIGNET_STORE_ERROR, SIGNET_STORE_ERROR_CONFLICT,
                   _("The key date “%s” is in the register already."), title);
      return FALSE;
    }

  if (!_signet_store_keep_uuid (self, tombstone, "key_dates", error) ||
      !_signet_store_insert_kept_rows (self, tombstone, error) ||
      !(restored = lookup_key_date (self, id, error)))
    return FALSE;

  after = key_date_to_fields (restored);

  return _signet_write_scope_audit (scope, SIGNET_AUDIT_ACTION_RESTORE_KEY_DATE, SIGNET_RECORD_CONTRACT,
                                    contract_id, number, NULL, after, error) &&
         _signet_store_events_add_key_date (self, contract_id, id, error);
}

SignetUserKeyDate *
signet_store_get_key_date (SignetStore  *self,
                           gint64        id,
                           GError      **error)
{
  g_return_val_if_fail (SIGNET_IS_STORE (self), NULL);

  return lookup_key_date (self, id, error);
}

GPtrArray *
signet_store_list_key_dates (SignetStore  *self,
                             gint64        contract_id,
                             GError      **error)
{
  g_autoptr(GPtrArray) key_dates = NULL;
  SignetDbStmt *stmt;
  int rc;

  g_return_val_if_fail (SIGNET_IS_STORE (self), NULL);

  key_dates = g_ptr_array_new_with_free_func ((GDestroyNotify) signet_user_key_date_free);

  stmt = _signet_store_statement (self,
                                  "SELECT id, kind, date, title, note, uuid FROM key_dates "
                                  "WHERE contract_id = ? ORDER BY date, id", error);
  if (stmt == NULL)
    return NULL;

  signet_db_bind_int64 (stmt, 1, contract_id);
  while ((rc = signet_db_step (stmt)) == SIGNET_DB_ROW)
    {
      SignetKeyDateKind kind = SIGNET_KEY_DATE_OTHER;
      SignetUserKeyDate *key_date;

      signet_key_date_kind_from_token (signet_db_column_text (stmt, 1), &kind);
      key_date = signet_user_key_date_new (contract_id, kind,
                                           signet_db_column_text (stmt, 2),
                                           signet_db_column_text (stmt, 3),
                                           signet_db_column_text (stmt, 4));
      key_date->id = signet_db_column_int64 (stmt, 0);
      key_date->uuid = _signet_store_dup_text (stmt, 5);
      g_ptr_array_add (key_dates, key_date);
    }
  signet_db_reset (stmt);

  if (rc != SIGNET_DB_DONE)
    {
      _signet_store_set_error (self, rc, error);
      return NULL;
    }

  return g_steal_pointer (&key_dates);
}

/* Reviews */

SignetReviewClause *
signet_review_clause_new (const char *clause,
                          gboolean    confirmed)
{
  SignetReviewClause *self = g_new0 (SignetReviewClause, 1);

  self->clause = g_strdup (clause);
  self->confirmed = confirmed;

  return self;
}

void
signet_review_clause_free (SignetReviewClause *clause)
{
  if (clause == NULL)
    return;

  g_free (clause->clause);
  g_free (clause);
}

void
signet_review_free (SignetReview *review)
{
  if (review == NULL)
    return;

  g_clear_pointer (&review->clauses, g_ptr_array_unref);
  g_free (review->uuid);
  g_free (review->date);
  g_free (review->reviewer);
  g_free (review->note);
  g_free (review);
}

gboolean
signet_store_record_review (SignetStore  *self,
                            gint64        contract_id,
                            const char   *date,
                            const char   *reviewer,
                            const char   *note,
                            gint64       *id,
                            GError      **error)
{
  return signet_store_record_review_with_checklist (self, contract_id, date, reviewer, note, NULL, id, error);
}

/* The clauses as the audit entry lists them, one a line: "[x] clause"
 * when confirmed, "[ ] clause" when not. */
static char *
describe_clauses (GPtrArray *clauses)
{
  GString *text;

  if (clauses == NULL || clauses->len == 0)
    return NULL;

  text = g_string_new (NULL);
  for (guint i = 0; i < clauses->len; i++)
    {
      const SignetReviewClause *clause = g_ptr_array_index (clauses, i);

      g_string_append_printf (text, "%s[%c] %s", i > 0 ? "\n" : "", clause->confirmed ? 'x' : ' ', clause->clause);
    }

  return g_string_free (text, FALSE);
}

static gboolean
insert_review_clauses (SignetStore  *self,
                       gint64        review_id,
                       GPtrArray    *clauses,
                       GError      **error)
{
  for (guint i = 0; clauses != NULL && i < clauses->len; i++)
    {
      const SignetReviewClause *clause = g_ptr_array_index (clauses, i);
      SignetDbStmt *stmt = _signet_store_statement (self,
                                                    "INSERT INTO review_clauses (review_id, position, clause, confirmed) "
                                                    "VALUES (?, ?, ?, ?)", error);

      if (stmt == NULL)
        return FALSE;

      signet_db_bind_int64 (stmt, 1, review_id);
      signet_db_bind_int (stmt, 2, (int) i);
      signet_db_bind_static_text (stmt, 3, clause->clause);
      signet_db_bind_int (stmt, 4, clause->confirmed != FALSE);
      if (!_signet_store_step_done (self, stmt, error))
        return FALSE;
    }

  return TRUE;
}

gboolean
signet_store_record_review_with_checklist (SignetStore  *self,
                                           gint64        contract_id,
                                           const char   *date,
                                           const char   *reviewer,
                                           const char   *note,
                                           GPtrArray    *clauses,
                                           gint64       *id,
                                           GError      **error)
{
  g_auto(SignetWriteScope) scope = { 0 };
  g_autoptr(FieldList) fields = NULL;
  g_autofree char *number = NULL;
  g_autofree char *today = NULL;
  g_autofree char *who = NULL;
  g_autofree char *uuid = g_uuid_string_random ();
  SignetDbStmt *stmt;
  gint64 new_id;

  g_return_val_if_fail (SIGNET_IS_STORE (self), FALSE);

  if (!validate_date (date, SIGNET_FIELD_REVIEW_DATE, error))
    return FALSE;

  /* A review in the future has not happened: recording it would silence
   * the reminders of one that is due. */
  today = signet_store_dup_today (self);
  if (g_strcmp0 (date, today) > 0)
    return _signet_set_field_error (error, SIGNET_FIELD_REVIEW_DATE,
                                    _("The review date %s is in the future. Record a review once it has taken place."),
                                    date);

  who = _signet_is_blank (reviewer) ? g_strdup (g_get_user_name ()) : _signet_strdup_trimmed (reviewer);

  if (!_signet_write_scope_begin (&scope, self, error))
    return FALSE;

  if (!(number = lookup_contract_number (self, contract_id, error)))
    return FALSE;

  stmt = _signet_store_statement (self,
                                  "INSERT INTO reviews (contract_id, date, reviewer, note, uuid) VALUES (?, ?, ?, ?, ?)",
                                  error);
  if (stmt == NULL)
    return FALSE;

  signet_db_bind_int64 (stmt, 1, contract_id);
  signet_db_bind_text (stmt, 2, date);
  signet_db_bind_text (stmt, 3, who);
  _signet_store_bind_text (stmt, 4, note);
  signet_db_bind_static_text (stmt, 5, uuid);
  if (!_signet_store_step_done (self, stmt, error))
    return FALSE;

  new_id = signet_db_last_insert_id (self->db);
  if (!insert_review_clauses (self, new_id, clauses, error))
    return FALSE;

  fields = new_field_list ();
  append_field (fields, SIGNET_FIELD_REVIEW_DATE, g_strdup (date));
  append_field (fields, SIGNET_FIELD_REVIEW_REVIEWER, g_strdup (who));
  append_field (fields, SIGNET_FIELD_REVIEW_NOTE, g_strdup (note));
  if (clauses != NULL && clauses->len > 0)
    append_field (fields, SIGNET_FIELD_REVIEW_CHECKLIST, describe_clauses (clauses));
  if (!_signet_write_scope_audit (&scope, SIGNET_AUDIT_ACTION_RECORD_REVIEW, SIGNET_RECORD_CONTRACT,
                                  contract_id, number, NULL, fields, error) ||
      !_signet_store_events_refresh_contract (self, contract_id, error) ||
      !_signet_write_scope_commit (&scope, error))
    return FALSE;

  if (id != NULL)
    *id = new_id;

  return TRUE;
}

GPtrArray *
signet_store_list_reviews (SignetStore  *self,
                           gint64        contract_id,
                           GError      **error)
{
  g_autoptr(GPtrArray) reviews = NULL;
  SignetDbStmt *stmt;
  int rc;

  g_return_val_if_fail (SIGNET_IS_STORE (self), NULL);

  reviews = g_ptr_array_new_with_free_func ((GDestroyNotify) signet_review_free);

  stmt = _signet_store_statement (self,
                                  "SELECT id, date, reviewer, note, uuid FROM reviews "
                                  "WHERE contract_id = ? ORDER BY date DESC, id DESC", error);
  if (stmt == NULL)
    return NULL;

  signet_db_bind_int64 (stmt, 1, contract_id);
  while ((rc = signet_db_step (stmt)) == SIGNET_DB_ROW)
    {
      SignetReview *review = g_new0 (SignetReview, 1);

      review->id = signet_db_column_int64 (stmt, 0);
      review->contract_id = contract_id;
      review->date = _signet_store_dup_text (stmt, 1);
      review->reviewer = _signet_store_dup_text (stmt, 2);
      review->note = _signet_store_dup_text (stmt, 3);
      review->uuid = _signet_store_dup_text (stmt, 4);
      review->clauses = g_ptr_array_new_with_free_func ((GDestroyNotify) signet_review_clause_free);
      g_ptr_array_add (reviews, review);
    }
  signet_db_reset (stmt);

  if (rc != SIGNET_DB_DONE)
    {
      _signet_store_set_error (self, rc, error);
      return NULL;
    }

  stmt = _signet_store_statement (self,
                                  "SELECT clause, confirmed FROM review_clauses WHERE review_id = ? ORDER BY position",
                                  error);
  if (stmt == NULL)
    return NULL;

  for (guint i = 0; i < reviews->len; i++)
    {
      SignetReview *review = g_ptr_array_index (reviews, i);

      signet_db_bind_int64 (stmt, 1, review->id);
      while ((rc = signet_db_step (stmt)) == SIGNET_DB_ROW)
        g_ptr_array_add (review->clauses,
                         signet_review_clause_new (signet_db_column_text (stmt, 0),
                                                   signet_db_column_int (stmt, 1) != 0));
      signet_db_reset (stmt);
      if (rc != SIGNET_DB_DONE)
        {
          _signet_store_set_error (self, rc, error);
          return NULL;
        }
    }

  return g_steal_pointer (&reviews);
}

/* Reminder settings */

static const struct
{
  SignetKeyDateKind kind;
  SignetField       field;
} lead_kinds[] = {
  { SIGNET_KEY_DATE_END, SIGNET_FIELD_REMINDER_END_LEADS },
  { SIGNET_KEY_DATE_NOTICE_DEADLINE, SIGNET_FIELD_REMINDER_NOTICE_LEADS },
  { SIGNET_KEY_DATE_REVIEW, SIGNET_FIELD_REMINDER_REVIEW_LEADS },
};

static GArray **
settings_leads (SignetReminderSettings *settings,
                SignetKeyDateKind       kind)
{
  switch (kind)
    {
    case SIGNET_KEY_DATE_END:             return &settings->end_leads;
    case SIGNET_KEY_DATE_NOTICE_DEADLINE: return &settings->notice_leads;
    case SIGNET_KEY_DATE_REVIEW:          return &settings->review_leads;
    default:
      g_assert_not_reached ();
    }
}

SignetReminderSettings *
signet_store_get_reminder_settings (SignetStore  *self,
                                    gint64        contract_id,
                                    GError      **error)
{
  g_autoptr(SignetReminderSettings) settings = signet_reminder_settings_new ();
  SignetDbStmt *stmt;
  int rc;

  g_return_val_if_fail (SIGNET_IS_STORE (self), NULL);

  stmt = _signet_store_statement (self,
                                  "SELECT end_leads, notice_leads, review_leads FROM reminder_settings "
                                  "WHERE contract_id = ?", error);
  if (stmt == NULL)
    return NULL;

  signet_db_bind_int64 (stmt, 1, contract_id);
  rc = signet_db_step (stmt);
  if (rc == SIGNET_DB_ROW)
    {
      for (guint i = 0; i < G_N_ELEMENTS (lead_kinds); i++)
        {
          const char *text = signet_db_column_text (stmt, i);

          /* Stored by this file, so always well-formed. */
          if (text != NULL)
            *settings_leads (settings, lead_kinds[i].kind) = signet_reminder_leads_parse (text, NULL);
        }
    }
  signet_db_reset (stmt);

  if (rc != SIGNET_DB_ROW && rc != SIGNET_DB_DONE)
    {
      _signet_store_set_error (self, rc, error);
      return NULL;
    }

  return g_steal_pointer (&settings);
}

GHashTable *
signet_store_list_reminder_leads (SignetStore  *self,
                                  GError      **error)
{
  g_autoptr(GHashTable) leads = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                       (GDestroyNotify) signet_reminder_settings_free);
  SignetDbStmt *stmt;
  int rc;

  g_return_val_if_fail (SIGNET_IS_STORE (self), NULL);

  /* The statuses of status_is_in_force() (signet-key-dates.c): the only
   * contracts reminders are due for. */
  stmt = _signet_store_statement (self,
                                  "SELECT c.id, s.contract_id, s.end_leads, s.notice_leads, s.review_leads "
                                  "FROM contracts c LEFT JOIN reminder_settings s ON s.contract_id = c.id "
                                  "WHERE c.status IN ('approved', 'signed', 'active', 'renewed')", error);
  if (stmt == NULL)
    return NULL;

  while ((rc = signet_db_step (stmt)) == SIGNET_DB_ROW)
    {
      SignetReminderSettings *settings = NULL;

      if (signet_db_column_type (stmt, 1) != SIGNET_DB_NULL)
        {
          settings = signet_reminder_settings_new ();
          for (guint i = 0; i < G_N_ELEMENTS (lead_kinds); i++)
            {
              const char *text = signet_db_column_text (stmt, 2 + i);

              if (text != NULL)
                *settings_leads (settings, lead_kinds[i].kind) = signet_reminder_leads_parse (text, NULL);
            }
        }

      g_hash_table_insert (leads, g_memdup2 (&(gint64) { signet_db_column_int64 (stmt, 0) }, sizeof (gint64)),
                           settings);
    }
  signet_db_reset (stmt);

  if (rc != SIGNET_DB_DONE)
    {
      _signet_store_set_error (self, rc, error);
      return NULL;
    }

  return g_steal_pointer (&leads);
}

static FieldList *
settings_to_fields (SignetReminderSettings *settings)
{
  FieldList *fields = new_field_list ();

  for (guint i = 0; i < G_N_ELEMENTS (lead_kinds); i++)
    {
      GArray *leads = *settings_leads (settings, lead_kinds[i].kind);

      append_field (fields, lead_kinds[i].field, leads ? signet_reminder_leads_to_string (leads) : NULL);
    }

  return fields;
}

gboolean
signet_store_set_reminder_settings (SignetStore                   *self,
                                    gint64                         contract_id,
                                    const SignetReminderSettings  *settings,
                                    GError                       **error)
{
  g_auto(SignetWriteScope) scope = { 0 };
  g_autoptr(SignetReminderSettings) old = NULL;
  g_autoptr(SignetReminderSettings) new = NULL;
  g_autoptr(FieldList) before = NULL;
  g_autoptr(FieldList) after = NULL;
  g_autofree char *number = NULL;
  gboolean all_default = TRUE;
  SignetDbStmt *stmt;

  g_return_val_if_fail (SIGNET_IS_STORE (self), FALSE);

  new = settings != NULL ? signet_reminder_settings_copy (settings) : signet_reminder_settings_new ();

  for (guint i = 0; i < G_N_ELEMENTS (lead_kinds); i++)
    {
      GArray *leads = *settings_leads (new, lead_kinds[i].kind);

      if (leads == NULL)
        continue;

      all_default = FALSE;
      if (leads->len > SIGNET_REMINDER_MAX_LEADS)
        return _signet_set_field_error (error, lead_kinds[i].field,
                                        g_dngettext (GETTEXT_PACKAGE,
                                                     "Give at most %d reminder.",
                                                     "Give at most %d reminders.",
                                                     SIGNET_REMINDER_MAX_LEADS),
                                        SIGNET_REMINDER_MAX_LEADS);

      for (guint j = 0; j < leads->len; j++)
        if (g_array_index (leads, guint, j) > SIGNET_REMINDER_MAX_LEAD_DAYS)
          return _signet_set_field_error (error, lead_kinds[i].field,
                                          g_dngettext (GETTEXT_PACKAGE,
                                                       "A reminder can come at most %d day before.",
                                                       "A reminder can come at most %d days before.",
                                                       SIGNET_REMINDER_MAX_LEAD_DAYS),
                                          SIGNET_REMINDER_MAX_LEAD_DAYS);
    }

  if (!_signet_write_scope_begin (&scope, self, error))
    return FALSE;

  if (!(number = lookup_contract_number (self, contract_id, error)) ||
      !(old = signet_store_get_reminder_settings (self, contract_id, error)))
    return FALSE;

  if (all_default)
    stmt = _signet_store_statement (self, "DELETE FROM reminder_settings WHERE contract_id = ?", error);
  else
    stmt = _signet_store_statement (self,
                                    "INSERT INTO reminder_settings "
                                    "(contract_id, end_leads, notice_leads, review_leads) VALUES (?, ?, ?, ?) "
                                    "ON CONFLICT (contract_id) DO UPDATE SET end_leads = excluded.end_leads, "
                                    "notice_leads = excluded.notice_leads, review_leads = excluded.review_leads",
                                    error);
  if (stmt == NULL)
    return FALSE;

  signet_db_bind_int64 (stmt, 1, contract_id);
  for (guint i = 0; !all_default && i < G_N_ELEMENTS (lead_kinds); i++)
    {
      GArray *leads = *settings_leads (new, lead_kinds[i].kind);

      /* "" is "no reminders", NULL "the defaults". */
      if (leads != NULL)
        signet_db_bind_text (stmt, i + 2, signet_reminder_leads_to_string (leads));
      else
        signet_db_bind_null (stmt, i + 2);
    }

  before = settings_to_fields (old);
  after = settings_to_fields (new);
  if (!_signet_store_step_done (self, stmt, error) ||
      !_signet_write_scope_audit (&scope, SIGNET_AUDIT_ACTION_SET_REMINDERS, SIGNET_RECORD_CONTRACT,
                                  contract_id, number, before, after, error) ||
      !_signet_write_scope_commit (&scope, error))
    return FALSE;

  return TRUE;
}

/* Acknowledgements */

void
signet_reminder_ack_free (SignetReminderAck *ack)
{
  if (ack == NULL)
    return;

  g_free (ack->event_date);
  g_free (ack->acknowledged_at);
  g_free (ack->acknowledged_by);
  g_free (ack);
}

gboolean
signet_store_acknowledge_reminder (SignetStore        *self,
                                   gint64              contract_id,
                                   SignetKeyDateKind   kind,
                                   const char         *event_date,
                                   guint               lead_days,
                                   GError            **error)
{
  g_auto(SignetWriteScope) scope = { 0 };
  g_autoptr(FieldList) fields = NULL;
  g_autofree char *number = NULL;
  g_autofree char *now = _signet_store_timestamp_now ();
  SignetDbStmt *stmt;

  g_return_val_if_fail (SIGNET_IS_STORE (self), FALSE);
  /* The kinds signet_reminders_due() reminds of. */
  g_return_val_if_fail (kind == SIGNET_KEY_DATE_END || kind == SIGNET_KEY_DATE_NOTICE_DEADLINE ||
                        kind == SIGNET_KEY_DATE_REVIEW || kind == SIGNET_KEY_DATE_APPROVAL ||
                        kind == SIGNET_KEY_DATE_PAYMENT || kind == SIGNET_KEY_DATE_LOAN, FALSE);
  g_return_val_if_fail (signet_date_is_valid (event_date), FALSE);
  g_return_val_if_fail (lead_days <= SIGNET_REMINDER_MAX_LEAD_DAYS, FALSE);

  if (!_signet_write_scope_begin (&scope, self, error))
    return FALSE;

  if (!(number = lookup_contract_number (self, contract_id, error)))
    return FALSE;

  stmt = _signet_store_statement (self,
                                  "INSERT INTO reminder_acks "
                                  "(contract_id, kind, event_date, lead_days, acknowledged_at, acknowledged_by) "
                                  "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING", error);
  if (stmt == NULL)
    return FALSE;

  signet_db_bind_int64 (stmt, 1, contract_id);
  signet_db_bind_static_text (stmt, 2, signet_key_date_kind_to_token (kind));
  signet_db_bind_text (stmt, 3, event_date);
  signet_db_bind_int (stmt, 4, lead_days);
  signet_db_bind_text (stmt, 5, now);
  signet_db_bind_static_text (stmt, 6, g_get_user_name ());
  if (!_signet_store_step_done (self, stmt, error))
    return FALSE;

  /* Acknowledged before: nothing to record. */
  if (signet_db_changes (self->db) == 0)
    return _signet_write_scope_commit (&scope, error);

  fields = new_field_list ();
  append_field (fields, SIGNET_FIELD_KEY_DATE_KIND, g_strdup (signet_key_date_kind_to_token (kind)));
  append_field (fields, SIGNET_FIELD_KEY_DATE_DATE, g_strdup (event_date));
  append_field (fields, SIGNET_FIELD_REMINDER_LEAD_DAYS, g_strdup_printf ("%u", lead_days));
  if (!_signet_write_scope_audit (&scope, SIGNET_AUDIT_ACTION_ACKNOWLEDGE_REMINDER, SIGNET_RECORD_CONTRACT,
                                  contract_id, number, NULL, fields, error) ||
      !_signet_write_scope_commit (&scope, error))
    return FALSE;

  return TRUE;
}

GPtrArray *
signet_store_list_reminder_acks (SignetStore  *self,
                                 gint64        contract_id,
                                 GError      **error)
{
  g_autoptr(GPtrArray) acks = NULL;
  SignetDbStmt *stmt;
  int rc;

  g_return_val_if_fail (SIGNET_IS_STORE (self), NULL);

  acks = g_ptr_array_new_with_free_func ((GDestroyNotify) signet_reminder_ack_free);

  stmt = _signet_store_statement (self,
                                  "SELECT kind, event_date, lead_days, acknowledged_at, acknowledged_by "
                                  "FROM reminder_acks WHERE contract_id = ? "
                                  "ORDER BY acknowledged_at DESC, event_date DESC, lead_days", error);
  if (stmt == NULL)
    return NULL;

  signet_db_bind_int64 (stmt, 1, contract_id);
  while ((rc = signet_db_step (stmt)) == SIGNET_DB_ROW)
    {
      SignetReminderAck *ack = g_new0 (SignetReminderAck, 1);

      ack->contract_id = contract_id;
      signet_key_date_kind_from_token (signet_db_column_text (stmt, 0), &ack->kind);
      ack->event_date = _signet_store_dup_text (stmt, 1);
      ack->lead_days = signet_db_column_int (stmt, 2);
      ack->acknowledged_at = _signet_store_dup_text (stmt, 3);
      ack->acknowledged_by = _signet_store_dup_text (stmt, 4);
      g_ptr_array_add (acks, ack);
    }
  signet_db_reset (stmt);

  if (rc != SIGNET_DB_DONE)
    {
      _signet_store_set_error (self, rc, error);
      return NULL;
    }

  return g_steal_pointer (&acks);
}
