/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "signet-store"

#include "config.h"

#include <glib/gi18n.h>

#include "signet-date.h"
#include "signet-store-private.h"
#include "signet-store-risks.h"
#include "signet-tombstone-private.h"

/* The risk register of a contract (风险登记): each risk with its category,
 * likelihood and impact (1 to 5; their product is its score), mitigation,
 * owner, status and next review, and optionally the clause it comes from.
 * The contract's risk level is suggested from its highest open score; a
 * user who keeps another level says why, in risk_level_choices: the level
 * kept, the level suggested then, the reason, who and when. A choice
 * stands while both still hold; when the suggestion moves, it is asked
 * for again. */

/* Version 18. */
gboolean
_signet_store_migrate_risks (SignetStore  *self,
                             GError      **error)
{
  return _signet_store_exec (self,
    "CREATE TABLE risks ("
    "  id INTEGER PRIMARY KEY AUTOINCREMENT,"
    "  uuid TEXT NOT NULL UNIQUE,"
    "  contract_id INTEGER NOT NULL,"
    "  category TEXT NOT NULL"
    "    CHECK (category IN ('legal', 'performance', 'financial', 'other')),"
    "  description TEXT NOT NULL CHECK (description <> ''),"
    "  likelihood INTEGER NOT NULL CHECK (likelihood BETWEEN 1 AND 5),"
    "  impact INTEGER NOT NULL CHECK (impact BETWEEN 1 AND 5),"
    "  mitigation TEXT,"
    "  owner_id INTEGER,"
    "  status TEXT NOT NULL DEFAULT 'open'"
    "    CHECK (status IN ('open', 'mitigated', 'closed')),"
    "  next_review TEXT,"
    "  annotation_id INTEGER,"
    "  version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1));"
    "CREATE INDEX risks_contract ON risks (contract_id);"
    "CREATE INDEX risks_annotation ON risks (annotation_id) "
    "  WHERE annotation_id IS NOT NULL;"
    "CREATE TABLE risk_level_choices ("
    "  contract_id INTEGER PRIMARY KEY,"
    "  level TEXT NOT NULL,"
    "  suggested TEXT NOT NULL,"
    "  reason TEXT NOT NULL CHECK (reason <> ''),"
    "  chosen_at TEXT NOT NULL, chosen_by TEXT NOT NULL);",
    error);
}

/* The owner's name comes with each risk, for its row; a person gone
 * reads as none. */
#define RISK_SELECT \
  "SELECT r.id, r.contract_id, r.uuid, r.category, r.description, r.likelihood, r.impact, " \
  "r.mitigation, r.owner_id, p.name, r.status, r.next_review, r.annotation_id, r.version " \
  "FROM risks r LEFT JOIN people p ON p.id = r.owner_id "

static gpointer
risk_from_row (SignetDbStmt *stmt)
{
  SignetRisk *risk = signet_risk_new (signet_db_column_int64 (stmt, 1));

  risk->id = signet_db_column_int64 (stmt, 0);
  risk->uuid = _signet_store_dup_text (stmt, 2);
  signet_risk_category_from_token (signet_db_column_text (stmt, 3), &risk->category);
  risk->description = _signet_store_dup_text (stmt, 4);
  risk->likelihood = signet_db_column_int (stmt, 5);
  risk->impact = signet_db_column_int (stmt, 6);
  risk->mitigation = _signet_store_dup_text (stmt, 7);
  risk->owner_id = signet_db_column_int64 (stmt, 8);
  risk->owner_name = _signet_store_dup_text (stmt, 9);
  signet_risk_status_from_token (signet_db_column_text (stmt, 10), &risk->status);
  risk->next_review = _signet_store_dup_text (stmt, 11);
  risk->annotation_id = signet_db_column_int64 (stmt, 12);
  risk->version = signet_db_column_int64 (stmt, 13);

  return risk;
}

static SignetRisk *
lookup_risk (SignetStore  *self,
             gint64        id,
             GError      **error)
{
  SignetDbStmt *stmt;
  GError *local_error = NULL;
  SignetRisk *risk;

  if (!(stmt = _signet_store_statement (self, RISK_SELECT "WHERE r.id = ?", error)))
    return NULL;

  signet_db_bind_int64 (stmt, 1, id);
  risk = _signet_store_step_one_row (self, stmt, risk_from_row, &local_error);
  if (local_error != NULL)
    g_propagate_error (error, local_error);
  else if (risk == NULL)
    g_set_error (error, SIGNET_STORE_ERROR, SIGNET_STORE_ERROR_NOT_FOUND,
                 _("The risk no longer exists; it may have been deleted."));

  return risk;
}

static int
compare_risks (gconstpointer a,
               gconstpointer b)
{
  const SignetRisk *x = *(const SignetRisk * const *) a;
  const SignetRisk *y = *(const SignetRisk * const *) b;
  guint sx = signet_risk_get_score (x), sy = signet_risk_get_score (y);

  if (x->status != y->status)
    return (int) x->status - (int) y->status;
  if (sx != sy)
    return sx > sy ? -1 : 1;
  return (x->id > y->id) - (x->id < y->id);
}

static GPtrArray *
list_risks (SignetStore  *self,
            gint64        contract_id,
            GError      **error)
{
  g_autoptr(GPtrArray) risks = g_ptr_array_new_with_free_func ((GDestroyNotify) signet_risk_free);
  SignetDbStmt *stmt;
  int rc;

  if (!(stmt = _signet_store_statement (self, RISK_SELECT "WHERE r.contract_id = ?", error)))
    return NULL;

  signet_db_bind_int64 (stmt, 1, contract_id);
  while ((rc = signet_db_step (stmt)) == SIGNET_DB_ROW)
    g_ptr_array_add (risks, risk_from_row (stmt));
  signet_db_reset (stmt);

  if (rc != SIGNET_DB_DONE)
    {
      _signet_store_set_error (self, rc, error);
      return NULL;
    }

  g_ptr_array_sort (risks, compare_risks);

  return g_steal_pointer (&risks);
}

GPtrArray *
signet_store_list_risks (SignetStore  *self,
                         gint64        contract_id,
                         GError      **error)
{
  g_return_val_if_fail (SIGNET_IS_STORE (self), NULL);

  return list_risks (self, contract_id, error);
}

SignetRisk *
signet_store_get_risk (SignetStore  *self,
                       gint64        id,
                       GError      **error)
{
  g_return_val_if_fail (SIGNET_IS_STORE (self), NULL);

  return lookup_risk (self, id, error);
}

static gboolean
validate_rating (guint         rating,
                 SignetField   field,
                 GError      **error)
{
  if (rating >= SIGNET_RISK_RATING_MIN && rating <= SIGNET_RISK_RATING_MAX)
    return TRUE;

  return _signet_set_field_error (error, field, _("Choose a rating from %d to %d."),
                                  SIGNET_RISK_RATING_MIN, SIGNET_RISK_RATING_MAX);
}

/* What can be told without the register. */
static gboolean
validate_risk (const SignetRisk  *risk,
               GError           **error)
{
  if (risk->category >= SIGNET_N_RISK_CATEGORIES)
    return _signet_set_field_error (error, SIGNET_FIELD_RISK_CATEGORY, _("Choose a category."));

  if (_signet_is_blank (risk->description))
    return _signet_set_field_error (error, SIGNET_FIELD_RISK_DESCRIPTION, _("Describe the risk."));

  if (!_signet_check_length (risk->description, SIGNET_STORE_MAX_TITLE_CHARS, SIGNET_FIELD_RISK_DESCRIPTION, error) ||
      !validate_rating (risk->likelihood, SIGNET_FIELD_RISK_LIKELIHOOD, error) ||
      !validate_rating (risk->impact, SIGNET_FIELD_RISK_IMPACT, error))
    return FALSE;

  if (risk->status >= SIGNET_N_RISK_STATUSES)
    return _signet_set_field_error (error, SIGNET_FIELD_RISK_STATUS, _("Choose a status."));

  if (!_signet_is_blank (risk->next_review))
    {
      SignetDateCheck check = signet_date_check (risk->next_review);

      if (check == SIGNET_DATE_OUT_OF_RANGE)
        {
          g_autofree char *message = signet_date_out_of_range_message (risk->next_review);

          return _signet_set_field_error (error, SIGNET_FIELD_RISK_NEXT_REVIEW, "%s", message);
        }
      if (check != SIGNET_DATE_OK)
        return _signet_set_field_error (error, SIGNET_FIELD_RISK_NEXT_REVIEW,
                                        _("“%s” is not a date. Use the form YYYY-MM-DD, for example 2027-03-31."),
                                        risk->next_review);
    }

  return TRUE;
}

/* Whether @sql, bound to @a (and @b when it has a second parameter),
 * finds a row. */
static gboolean
row_exists (SignetStore  *self,
            const char   *sql,
            gint64        a,
            gint64        b,
            gboolean     *exists,
            GError      **error)
{
  SignetDbStmt *stmt;
  int rc;

  if (!(stmt = _signet_store_statement (self, sql, error)))
    return FALSE;

  signet_db_bind_int64 (stmt, 1, a);
  if (signet_db_bind_parameter_count (stmt) > 1)
    signet_db_bind_int64 (stmt, 2, b);
  rc = signet_db_step (stmt);
  signet_db_reset (stmt);
  if (rc != SIGNET_DB_ROW && rc != SIGNET_DB_DONE)
    return _signet_store_set_error (self, rc, error);

  *exists = rc == SIGNET_DB_ROW;

  return TRUE;
}

/* Its owner is a person of the directory and its clause an annotation on
 * one of its contract's files. */
static gboolean
check_references (SignetStore       *self,
                  const SignetRisk  *risk,
                  GError           **error)
{
  gboolean exists;

  if (risk->owner_id > 0)
    {
      if (!row_exists (self, "SELECT 1 FROM people WHERE id = ?", risk->owner_id, 0, &exists, error))
        return FALSE;
      if (!exists)
        return _signet_set_field_error (error, SIGNET_FIELD_RISK_OWNER,
                                        _("The risk’s owner is not in People any more; choose another."));
    }

  if (risk->annotation_id > 0)
    {
      if (!row_exists (self,
                       "SELECT 1 FROM annotations a JOIN attachment_versions v ON v.id = a.version_id "
                       "JOIN attachments f ON f.id = v.attachment_id WHERE a.id = ?1 AND f.contract_id = ?2",
                       risk->annotation_id, risk->contract_id, &exists, error))
        return FALSE;
      if (!exists)
        return _signet_set_field_error (error, SIGNET_FIELD_RISK_CLAUSE,
                                        _("The clause is not an annotation on this contract’s files; it may have been deleted."));
    }

  return TRUE;
}

static void
append_field (FieldList   *fields,
              SignetField  field,
              const char  *text,
              char        *owned)
{
  FieldText ft = { field, owned != NULL ? owned : text, owned };

  if (ft.text != NULL && *ft.text == '\0')
    {
      g_clear_pointer (&ft.owned, g_free);
      ft.text = NULL;
    }
  g_array_append_val (fields, ft);
}

/* The risk as the History lists it: its category and status by token (the
 * History shows their names), the owner by name. */
static FieldList *
risk_to_fields (const SignetRisk *risk)
{
  FieldList *fields = g_array_new (FALSE, FALSE, sizeof (FieldText));

  append_field (fields, SIGNET_FIELD_RISK_DESCRIPTION, NULL, _signet_strdup_trimmed (risk->description));
  append_field (fields, SIGNET_FIELD_RISK_CATEGORY, signet_risk_category_to_token (risk->category), NULL);
  append_field (fields, SIGNET_FIELD_RISK_LIKELIHOOD, NULL, g_strdup_printf ("%u", risk->likelihood));
  append_field (fields, SIGNET_FIELD_RISK_IMPACT, NULL, g_strdup_printf ("%u", risk->impact));
  append_field (fields, SIGNET_FIELD_RISK_MITIGATION, risk->mitigation, NULL);
  append_field (fields, SIGNET_FIELD_RISK_OWNER, risk->owner_name, NULL);
  append_field (fields, SIGNET_FIELD_RISK_STATUS, signet_risk_status_to_token (risk->status), NULL);
  append_field (fields, SIGNET_FIELD_RISK_NEXT_REVIEW, risk->next_review, NULL);
  append_field (fields, SIGNET_FIELD_RISK_CLAUSE, NULL,
                risk->annotation_id > 0 ? g_strdup_printf ("%" G_GINT64_FORMAT, risk->annotation_id) : NULL);

  return fields;
}

static void
bind_risk (SignetDbStmt     *stmt,
           const SignetRisk *risk)
{
  g_autofree char *description = _signet_strdup_trimmed (risk->description);

  signet_db_bind_static_text (stmt, 1, signet_risk_category_to_token (risk->category));
  signet_db_bind_text (stmt, 2, description);
  signet_db_bind_int (stmt, 3, risk->likelihood);
  signet_db_bind_int (stmt, 4, risk->impact);
  _signet_store_bind_text (stmt, 5, risk->mitigation);
  if (risk->owner_id > 0)
    signet_db_bind_int64 (stmt, 6, risk->owner_id);
  signet_db_bind_static_text (stmt, 7, signet_risk_status_to_token (risk->status));
  _signet_store_bind_text (stmt, 8, risk->next_review);
  if (risk->annotation_id > 0)
    signet_db_bind_int64 (stmt, 9, risk->annotation_id);
}

/* Writes @after over @before (either NULL for an addition or a removal)
 * with its audit entry and the contract's events, in one transaction; a
 * removal keeps the row in @tombstone. An update writes only over
 * @after's version. */
static gboolean
write_risk (SignetStore       *self,
            const SignetRisk  *before,
            SignetRisk        *after,
            SignetAuditAction  action,
            SignetTombstone   *tombstone,
            GError           **error)
{
  g_auto(SignetWriteScope) scope = { 0 };
  g_autoptr(SignetContract) contract = NULL;
  g_autoptr(SignetRisk) written = NULL;
  g_autoptr(FieldList) before_fields = NULL;
  g_autoptr(FieldList) after_fields = NULL;
  gint64 contract_id = before != NULL ? before->contract_id : after->contract_id;
  g_autofree char *uuid = NULL;
  gint64 id = before != NULL ? before->id : 0;
  SignetDbStmt *stmt;

  if (after != NULL && !validate_risk (after, error))
    return FALSE;

  if (!_signet_write_scope_begin (&scope, self, error) ||
      !(contract = signet_store_get_contract (self, contract_id, error)) ||
      (after != NULL && !check_references (self, after, error)))
    return FALSE;

  if (tombstone != NULL && !_signet_store_keep_rows (self, tombstone, "risks", "id = ?1", id, error))
    return FALSE;

  if (after == NULL)
    stmt = _signet_store_statement (self, "DELETE FROM risks WHERE id = ?10", error);
  else if (before == NULL)
    stmt = _signet_store_statement (self,
                                    "INSERT INTO risks (category, description, likelihood, impact, mitigation, "
                                    "owner_id, status, next_review, annotation_id, contract_id, uuid) "
                                    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?11, ?12)", error);
  else
    stmt = _signet_store_statement (self,
                                    "UPDATE risks SET category = ?1, description = ?2, likelihood = ?3, "
                                    "impact = ?4, mitigation = ?5, owner_id = ?6, status = ?7, "
                                    "next_review = ?8, annotation_id = ?9, version = version + 1 "
                                    "WHERE id = ?10 AND version = ?13", error);
  if (stmt == NULL)
    return FALSE;

  if (after != NULL)
    bind_risk (stmt, after);
  if (before != NULL)
    signet_db_bind_int64 (stmt, 10, id);
  if (before != NULL && after != NULL)
    signet_db_bind_int64 (stmt, 13, after->version);
  if (before == NULL)
    {
      if (!(uuid = _signet_store_claim_uuid (self, "risks", after->uuid, error)))
        return FALSE;
      signet_db_bind_int64 (stmt, 11, contract_id);
      signet_db_bind_static_text (stmt, 12, uuid);
    }

  if (!_signet_store_step_done (self, stmt, error))
    return FALSE;

  if (before != NULL && after != NULL && signet_db_changes (self->db) == 0)
    {
      g_set_error (error, SIGNET_STORE_ERROR, SIGNET_STORE_ERROR_CONFLICT,
                   _("The risk was changed elsewhere since it was opened; open it again to see what is stored."));
      return FALSE;
    }

  if (before == NULL)
    id = signet_db_last_insert_id (self->db);

  /* Read back as stored: the owner's name for the History. */
  if (after != NULL && !(written = lookup_risk (self, id, error)))
    return FALSE;

  before_fields = before != NULL ? risk_to_fields (before) : NULL;
  after_fields = written != NULL ? risk_to_fields (written) : NULL;
  if (!_signet_write_scope_audit (&scope, action, SIGNET_RECORD_CONTRACT, contract_id,
                                  signet_contract_get_number (contract), before_fields, after_fields, error) ||
      !_signet_store_events_refresh_contract (self, contract_id, error) ||
      !_signet_write_scope_commit (&scope, error))
    return FALSE;

  if (after != NULL)
    {
      after->id = written->id;
      after->version = written->version;
      g_free (after->uuid);
      after->uuid = g_strdup (written->uuid);
      g_free (after->owner_name);
      after->owner_name = g_strdup (written->owner_name);
    }

  return TRUE;
}

gboolean
signet_store_add_risk (SignetStore  *self,
                       SignetRisk   *risk,
                       GError      **error)
{
  g_return_val_if_fail (SIGNET_IS_STORE (self), FALSE);
  g_return_val_if_fail (risk != NULL, FALSE);

  return write_risk (self, NULL, risk, SIGNET_AUDIT_ACTION_ADD_RISK, NULL, error);
}

gboolean
signet_store_update_risk (SignetStore  *self,
                          SignetRisk   *risk,
                          GError      **error)
{
  g_autoptr(SignetRisk) before = NULL;

  g_return_val_if_fail (SIGNET_IS_STORE (self), FALSE);
  g_return_val_if_fail (risk != NULL, FALSE);

  if (!(before = lookup_risk (self, risk->id, error)))
    return FALSE;

  /* A risk stays with its contract. */
  risk->contract_id = before->contract_id;

  return write_risk (self, before, risk, SIGNET_AUDIT_ACTION_UPDATE_RISK, NULL, error);
}

SignetTombstone *
_signet_store_delete_risk (SignetStore  *self,
                           gint64        id,
                           GError      **error)
{
  g_autoptr(SignetRisk) before = NULL;
  g_autoptr(SignetTombstone) tombstone = NULL;

  if (!(before = lookup_risk (self, id, error)))
    return NULL;

  tombstone = _signet_tombstone_new (SIGNET_TOMBSTONE_RISK, id, before->contract_id, before->description);
  if (!write_risk (self, before, NULL, SIGNET_AUDIT_ACTION_DELETE_RISK, tombstone, error))
    return NULL;

  return g_steal_pointer (&tombstone);
}

gboolean
signet_store_delete_risk (SignetStore  *self,
                          gint64        id,
                          GError      **error)
{
  g_autoptr(SignetTombstone) tombstone = NULL;

  g_return_val_if_fail (SIGNET_IS_STORE (self), FALSE);

  tombstone = _signet_store_delete_risk (self, id, error);

  return tombstone != NULL;
}

gboolean
_signet_store_restore_risk (SignetWriteScope  *scope,
                            SignetTombstone   *tombstone,
                            GError           **error)
{
  SignetStore *self = scope->store;
  gint64 id = signet_tombstone_get_id (tombstone);
  gint64 contract_id = signet_tombstone_get_contract_id (tombstone);
  const char *description = signet_tombstone_get_label (tombstone);
  g_autoptr(SignetContract) contract = NULL;
  g_autoptr(SignetRisk) restored = NULL;
  g_autoptr(FieldList) after = NULL;
  g_autoptr(GError) local_error = NULL;

  if (!(contract = signet_store_get_contract (self, contract_id, &local_error)))
    {
      if (!g_error_matches (local_error, SIGNET_STORE_ERROR, SIGNET_STORE_ERROR_NOT_FOUND))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }

      g_set_error (error, SIGNET_STORE_ERROR, SIGNET_STORE_ERROR_NOT_FOUND,
                   _("The risk “%s” cannot be restored: its contract has been deleted."), description);
      return FALSE;
    }

  if ((restored = lookup_risk (self, id, NULL)) != NULL)
    {
      g_set_error (error, SIGNET_STORE_ERROR, SIGNET_STORE_ERROR_CONFLICT,
                   _("The risk “%s” is in the register already."), description);
      return FALSE;
    }

  if (!_signet_store_keep_uuid (self, tombstone, "risks", error) ||
      !_signet_store_insert_kept_rows (self, tombstone, error) ||
      !(restored = lookup_risk (self, id, error)))
    return FALSE;

  after = risk_to_fields (restored);

  return _signet_write_scope_audit (scope, SIGNET_AUDIT_ACTION_RESTORE_RISK, SIGNET_RECORD_CONTRACT,
                                    contract_id, signet_contract_get_number (contract), NULL, after, error) &&
         _signet_store_events_refresh_contract (self, contract_id, error);
}

gboolean
signet_store_get_suggested_risk_level (SignetStore      *self,
                                       gint64            contract_id,
                                       gboolean         *has_suggestion,
                                       SignetRiskLevel  *level,
                                       GError          **error)
{
  g_autoptr(GPtrArray) risks = NULL;

  g_return_val_if_fail (SIGNET_IS_STORE (self), FALSE);
  g_return_val_if_fail (has_suggestion != NULL && level != NULL, FALSE);

  if (!(risks = list_risks (self, contract_id, error)))
    return FALSE;

  *has_suggestion = signet_risks_suggest_level (risks, level, NULL);

  return TRUE;
}

static gpointer
choice_from_row (SignetDbStmt *stmt)
{
  SignetRiskLevelChoice *choice = signet_risk_level_choice_new (signet_db_column_int64 (stmt, 0));

  signet_risk_level_from_token (signet_db_column_text (stmt, 1), &choice->level);
  signet_risk_level_from_token (signet_db_column_text (stmt, 2), &choice->suggested);
  choice->reason = _signet_store_dup_text (stmt, 3);
  choice->chosen_at = _signet_store_dup_text (stmt, 4);
  choice->chosen_by = _signet_store_dup_text (stmt, 5);

  return choice;
}

SignetRiskLevelChoice *
signet_store_get_risk_level_choice (SignetStore  *self,
                                    gint64        contract_id,
                                    GError      **error)
{
  SignetDbStmt *stmt;

  g_return_val_if_fail (SIGNET_IS_STORE (self), NULL);

  if (!(stmt = _signet_store_statement (self,
                                        "SELECT contract_id, level, suggested, reason, chosen_at, chosen_by "
                                        "FROM risk_level_choices WHERE contract_id = ?", error)))
    return NULL;

  signet_db_bind_int64 (stmt, 1, contract_id);

  return _signet_store_step_one_row (self, stmt, choice_from_row, error);
}

static FieldList *
choice_to_fields (const SignetRiskLevelChoice *choice)
{
  FieldList *fields = g_array_new (FALSE, FALSE, sizeof (FieldText));

  append_field (fields, SIGNET_FIELD_CONTRACT_RISK_LEVEL, signet_risk_level_to_token (choice->level), NULL);
  append_field (fields, SIGNET_FIELD_RISK_LEVEL_REASON, NULL, _signet_strdup_trimmed (choice->reason));

  return fields;
}

/* Stores @choice (its time and who chose it filled in) over the
 * contract's, with its audit entry, inside @scope's write. */
static gboolean
put_choice (SignetWriteScope             *scope,
            SignetContract               *contract,
            const SignetRiskLevelChoice  *choice,
            GError                      **error)
{
  SignetStore *self = scope->store;
  g_autoptr(SignetRiskLevelChoice) before = NULL;
  g_autoptr(FieldList) before_fields = NULL;
  g_autoptr(FieldList) after_fields = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *reason = _signet_strdup_trimmed (choice->reason);
  SignetDbStmt *stmt;

  if (_signet_is_blank (reason))
    return _signet_set_field_error (error, SIGNET_FIELD_RISK_LEVEL_REASON,
                                    _("Say why the contract keeps this risk level."));
  if (!_signet_check_length (reason, SIGNET_STORE_MAX_TITLE_CHARS, SIGNET_FIELD_RISK_LEVEL_REASON, error))
    return FALSE;

  before = signet_store_get_risk_level_choice (self, choice->contract_id, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  if (!(stmt = _signet_store_statement (self,
                                        "INSERT INTO risk_level_choices "
                                        "(contract_id, level, suggested, reason, chosen_at, chosen_by) "
                                        "VALUES (?, ?, ?, ?, ?, ?) "
                                        "ON CONFLICT (contract_id) DO UPDATE SET level = excluded.level, "
                                        "suggested = excluded.suggested, reason = excluded.reason, "
                                        "chosen_at = excluded.chosen_at, chosen_by = excluded.chosen_by", error)))
    return FALSE;

  signet_db_bind_int64 (stmt, 1, choice->contract_id);
  signet_db_bind_static_text (stmt, 2, signet_risk_level_to_token (choice->level));
  signet_db_bind_static_text (stmt, 3, signet_risk_level_to_token (choice->suggested));
  signet_db_bind_static_text (stmt, 4, reason);
  signet_db_bind_static_text (stmt, 5, choice->chosen_at);
  signet_db_bind_static_text (stmt, 6, choice->chosen_by);
  if (!_signet_store_step_done (self, stmt, error))
    return FALSE;

  before_fields = before != NULL ? choice_to_fields (before) : NULL;
  after_fields = choice_to_fields (choice);

  return _signet_write_scope_audit (scope, SIGNET_AUDIT_ACTION_KEEP_RISK_LEVEL, SIGNET_RECORD_CONTRACT,
                                    choice->contract_id, signet_contract_get_number (contract),
                                    before_fields, after_fields, error);
}

gboolean
signet_store_keep_risk_level (SignetStore  *self,
                              gint64        contract_id,
                              const char   *reason,
                              GError      **error)
{
  g_auto(SignetWriteScope) scope = { 0 };
  g_autoptr(SignetContract) contract = NULL;
  g_autoptr(SignetRiskLevelChoice) choice = NULL;
  g_autoptr(GPtrArray) risks = NULL;
  gboolean has_suggestion;

  g_return_val_if_fail (SIGNET_IS_STORE (self), FALSE);

  choice = signet_risk_level_choice_new (contract_id);
  choice->reason = g_strdup (reason);
  choice->chosen_at = _signet_store_timestamp_now ();
  choice->chosen_by = g_strdup (_signet_store_user_display_name ());

  /* The level and the suggestion as they are now, in the write, not as a
   * window last showed them. */
  if (!_signet_write_scope_begin (&scope, self, error) ||
      !(contract = signet_store_get_contract (self, contract_id, error)) ||
      !(risks = list_risks (self, contract_id, error)))
    return FALSE;

  choice->level = signet_contract_get_risk_level (contract);
  has_suggestion = signet_risks_suggest_level (risks, &choice->suggested, NULL);
  if (!has_suggestion)
    {
      g_set_error (error, SIGNET_STORE_ERROR, SIGNET_STORE_ERROR_FAILED,
                   _("The contract has no open risks any more, so no risk level is suggested."));
      return FALSE;
    }
  if (choice->suggested == choice->level)
    {
      g_set_error (error, SIGNET_STORE_ERROR, SIGNET_STORE_ERROR_FAILED,
                   _("The contract’s risk level is no longer different from the suggested one."));
      return FALSE;
    }

  return put_choice (&scope, contract, choice, error) &&
         _signet_write_scope_commit (&scope, error);
}

gboolean
signet_store_put_risk_level_choice (SignetStore                  *self,
                                    const SignetRiskLevelChoice  *choice,
                                    GError                      **error)
{
  g_auto(SignetWriteScope) scope = { 0 };
  g_autoptr(SignetContract) contract = NULL;
  g_autoptr(SignetRiskLevelChoice) copy = NULL;

  g_return_val_if_fail (SIGNET_IS_STORE (self), FALSE);
  g_return_val_if_fail (choice != NULL, FALSE);

  copy = signet_risk_level_choice_copy (choice);
  if (copy->chosen_at == NULL)
    copy->chosen_at = _signet_store_timestamp_now ();
  if (_signet_is_blank (copy->chosen_by))
    {
      g_free (copy->chosen_by);
      copy->chosen_by = g_strdup (_signet_store_user_display_name ());
    }

  if (!_signet_write_scope_begin (&scope, self, error) ||
      !(contract = signet_store_get_contract (self, choice->contract_id, error)))
    return FALSE;

  return put_choice (&scope, contract, copy, error) &&
         _signet_write_scope_commit (&scope, error);
}
