/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "signet-store"

#include "config.h"

#include <glib/gi18n.h>

#include "signet-date.h"
#include "signet-money.h"
#include "signet-store-events.h"
#include "signet-store-private.h"
#include "signet-store-types.h"
#include "signet-tombstone-private.h"

/* Contract types: a row of contract_types with its key-date offsets and
 * review clauses in two tables of their own, in order. A contract names
 * its type by the text of its contract_type field, so that a register
 * whose types are deleted, or a file from before them, still shows every
 * contract's type as it was typed. */

#define MAX_NOTICE_DAYS    3650
#define MAX_TERM_MONTHS    1200
#define MAX_REVIEW_MONTHS  120
#define MAX_OFFSET_DAYS    36500

static void
append_field (FieldList   *fields,
              SignetField  field,
              char        *text)
{
  FieldText ft = { field, text, text };

  g_array_append_val (fields, ft);
}

static char *
describe_offsets (SignetContractType *type)
{
  GPtrArray *offsets = signet_contract_type_get_key_date_offsets (type);
  g_autoptr(GString) text = NULL;

  if (offsets->len == 0)
    return NULL;

  text = g_string_new (NULL);
  for (guint i = 0; i < offsets->len; i++)
    {
      const SignetKeyDateOffset *offset = g_ptr_array_index (offsets, i);

      g_string_append_printf (text, "%s%s: %s +%u", i > 0 ? "; " : "",
                              signet_key_date_kind_to_token (offset->kind), offset->title, offset->days);
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static FieldList *
type_to_fields (SignetContractType *type)
{
  FieldList *fields = g_array_new (FALSE, FALSE, sizeof (FieldText));
  const char * const *checklist = signet_contract_type_get_checklist (type);
  int risk = signet_contract_type_get_risk_level (type);
  int notice = signet_contract_type_get_notice_days (type);
  guint term = signet_contract_type_get_term_months (type);
  guint review = signet_contract_type_get_review_months (type);
  SignetAutoRenewDefault renew = signet_contract_type_get_auto_renew (type);

  append_field (fields, SIGNET_FIELD_TYPE_NAME, _signet_strdup_trimmed (signet_contract_type_get_name (type)));
  append_field (fields, SIGNET_FIELD_CONTRACT_CURRENCY, g_strdup (signet_contract_type_get_currency (type)));
  append_field (fields, SIGNET_FIELD_CONTRACT_RISK_LEVEL,
                risk >= 0 ? g_strdup (signet_risk_level_to_token (risk)) : NULL);
  append_field (fields, SIGNET_FIELD_CONTRACT_NOTICE_DAYS, notice >= 0 ? g_strdup_printf ("%d", notice) : NULL);
  append_field (fields, SIGNET_FIELD_TYPE_AUTO_RENEW,
                renew == SIGNET_AUTO_RENEW_UNSET ? NULL : g_strdup (renew == SIGNET_AUTO_RENEW_YES ? "yes" : "no"));
  append_field (fields, SIGNET_FIELD_TYPE_TERM_MONTHS, term > 0 ? g_strdup_printf ("%u", term) : NULL);
  append_field (fields, SIGNET_FIELD_CONTRACT_DEPARTMENT, g_strdup (signet_contract_type_get_department (type)));
  append_field (fields, SIGNET_FIELD_TYPE_REVIEW_MONTHS, review > 0 ? g_strdup_printf ("%u", review) : NULL);
  append_field (fields, SIGNET_FIELD_TYPE_KEY_DATES, describe_offsets (type));
  append_field (fields, SIGNET_FIELD_TYPE_CHECKLIST,
                checklist[0] != NULL ? g_strjoinv ("\n", (char **) checklist) : NULL);

  return fields;
}

static gboolean
validate_type (SignetContractType  *type,
               GError             **error)
{
  const char *name = signet_contract_type_get_name (type);
  const char *currency = signet_contract_type_get_currency (type);
  const char *department = signet_contract_type_get_department (type);
  GPtrArray *offsets = signet_contract_type_get_key_date_offsets (type);
  const char * const *checklist = signet_contract_type_get_checklist (type);

  if (_signet_is_blank (name))
    return _signet_set_field_error (error, SIGNET_FIELD_TYPE_NAME, _("Enter a name for the type."));

  if (!_signet_check_length (name, SIGNET_STORE_MAX_KEY_CHARS, SIGNET_FIELD_TYPE_NAME, error))
    return FALSE;

  if (currency != NULL && !signet_currency_is_valid (currency))
    return _signet_set_field_error (error, SIGNET_FIELD_CONTRACT_CURRENCY,
                                    _("“%s” is not an ISO 4217 currency code."), currency);

  if (department != NULL &&
      !_signet_check_length (department, SIGNET_STORE_MAX_KEY_CHARS, SIGNET_FIELD_CONTRACT_DEPARTMENT, error))
    return FALSE;

  if (signet_contract_type_get_notice_days (type) > MAX_NOTICE_DAYS)
    return _signet_set_field_error (error, SIGNET_FIELD_CONTRACT_NOTICE_DAYS,
                                    _("The notice period can be at most %d days."), MAX_NOTICE_DAYS);

  if (signet_contract_type_get_term_months (type) > MAX_TERM_MONTHS)
    return _signet_set_field_error (error, SIGNET_FIELD_TYPE_TERM_MONTHS,
                                    _("The term can be at most %d months."), MAX_TERM_MONTHS);

  if (signet_contract_type_get_review_months (type) > MAX_REVIEW_MONTHS)
    return _signet_set_field_error (error, SIGNET_FIELD_TYPE_REVIEW_MONTHS,
                                    _("Reviews can be at most %d months apart."), MAX_REVIEW_MONTHS);

  for (guint i = 0; i < offsets->len; i++)
    {
      const SignetKeyDateOffset *offset = g_ptr_array_index (offsets, i);

      if (!signet_key_date_kind_is_user (offset->kind))
        return _signet_set_field_error (error, SIGNET_FIELD_TYPE_KEY_DATES,
                                        _("Choose whether each date is a milestone, a payment or another date."));
      if (_signet_is_blank (offset->title))
        return _signet_set_field_error (error, SIGNET_FIELD_TYPE_KEY_DATES, _("Enter a title for each date."));
      if (!_signet_check_length (offset->title, SIGNET_STORE_MAX_KEY_CHARS, SIGNET_FIELD_TYPE_KEY_DATES, error))
        return FALSE;
      if (offset->days > MAX_OFFSET_DAYS)
        return _signet_set_field_error (error, SIGNET_FIELD_TYPE_KEY_DATES,
                                        _("A date can be at most %d days after the start."), MAX_OFFSET_DAYS);
    }

  for (guint i = 0; checklist[i] != NULL; i++)
    if (!_signet_check_length (checklist[i], SIGNET_STORE_MAX_TITLE_CHARS, SIGNET_FIELD_TYPE_CHECKLIST, error))
      return FALSE;

  return TRUE;
}

/* Reading */

static gboolean
read_children (SignetStore         *self,
               SignetContractType  *type,
               GError             **error)
{
  g_autoptr(GPtrArray) clauses = g_ptr_array_new ();
  SignetDbStmt *stmt;
  int rc;

  stmt = _signet_store_statement (self,
                                  "SELECT kind, title, days FROM contract_type_key_dates "
                                  "WHERE type_id = ? ORDER BY position", error);
  if (stmt == NULL)
    return FALSE;

  signet_db_bind_int64 (stmt, 1, signet_contract_type_get_id (type));
  while ((rc = signet_db_step (stmt)) == SIGNET_DB_ROW)
    {
      SignetKeyDateKind kind = SIGNET_KEY_DATE_OTHER;
      g_autoptr(SignetKeyDateOffset) offset = NULL;

      signet_key_date_kind_from_token (signet_db_column_text (stmt, 0), &kind);
      offset = signet_key_date_offset_new (kind, signet_db_column_text (stmt, 1),
                                           (guint) signet_db_column_int64 (stmt, 2));
      signet_contract_type_add_key_date_offset (type, offset);
    }
  signet_db_reset (stmt);
  if (rc != SIGNET_DB_DONE)
    return _signet_store_set_error (self, rc, error);

  stmt = _signet_store_statement (self,
                                  "SELECT clause FROM contract_type_clauses WHERE type_id = ? ORDER BY position",
                                  error);
  if (stmt == NULL)
    return FALSE;

  signet_db_bind_int64 (stmt, 1, signet_contract_type_get_id (type));
  g_ptr_array_set_free_func (clauses, g_free);
  while ((rc = signet_db_step (stmt)) == SIGNET_DB_ROW)
    g_ptr_array_add (clauses, _signet_store_dup_text (stmt, 0));
  signet_db_reset (stmt);
  if (rc != SIGNET_DB_DONE)
    return _signet_store_set_error (self, rc, error);

  g_ptr_array_add (clauses, NULL);
  signet_contract_type_set_checklist (type, (const char * const *) clauses->pdata);

  return TRUE;
}

#define TYPE_COLUMNS \
  "id, version, name, currency, department, risk_level, notice_days, auto_renew, term_months, review_months"

static SignetContractType *
type_from_row (SignetDbStmt *stmt)
{
  SignetContractType *type = signet_contract_type_new (signet_db_column_text (stmt, 2));
  SignetRiskLevel risk;

  signet_contract_type_set_id (type, signet_db_column_int64 (stmt, 0));
  signet_contract_type_set_version (type, signet_db_column_int64 (stmt, 1));
  signet_contract_type_set_currency (type, signet_db_column_text (stmt, 3));
  signet_contract_type_set_department (type, signet_db_column_text (stmt, 4));
  if (signet_risk_level_from_token (signet_db_column_text (stmt, 5), &risk))
    signet_contract_type_set_risk_level (type, risk);
  if (signet_db_column_type (stmt, 6) != SIGNET_DB_NULL)
    signet_contract_type_set_notice_days (type, signet_db_column_int (stmt, 6));
  if (signet_db_column_type (stmt, 7) != SIGNET_DB_NULL)
    signet_contract_type_set_auto_renew (type, signet_db_column_int (stmt, 7)
                                               ? SIGNET_AUTO_RENEW_YES : SIGNET_AUTO_RENEW_NO);
  signet_contract_type_set_term_months (type, (guint) signet_db_column_int64 (stmt, 8));
  signet_contract_type_set_review_months (type, (guint) signet_db_column_int64 (stmt, 9));

  return type;
}

/* The type whose @column is @id or @name; NULL with no error when there
 * is none. */
static SignetContractType *
lookup_type (SignetStore  *self,
             gint64        id,
             const char   *name,
             GError      **error)
{
  g_autoptr(SignetContractType) type = NULL;
  SignetDbStmt *stmt;

  stmt = _signet_store_statement (self,
                                  name != NULL
                                  ? "SELECT " TYPE_COLUMNS " FROM contract_types WHERE name = ?2"
                                  : "SELECT " TYPE_COLUMNS " FROM contract_types WHERE id = ?1", error);
  if (stmt == NULL)
    return NULL;

  signet_db_bind_int64 (stmt, 1, id);
  if (name != NULL)
    signet_db_bind_text (stmt, 2, name);
  type = _signet_store_step_one_row (self, stmt, (SignetStoreRowFunc) type_from_row, error);

  if (type != NULL && !read_children (self, type, error))
    return NULL;

  return g_steal_pointer (&type);
}

GPtrArray *
signet_store_list_contract_types (SignetStore  *self,
                                  GError      **error)
{
  g_autoptr(GPtrArray) types = NULL;
  SignetDbStmt *stmt;
  int rc;

  g_return_val_if_fail (SIGNET_IS_STORE (self), NULL);

  types = g_ptr_array_new_with_free_func (g_object_unref);
  stmt = _signet_store_statement (self, "SELECT " TYPE_COLUMNS " FROM contract_types ORDER BY name, id", error);
  if (stmt == NULL)
    return NULL;

  while ((rc = signet_db_step (stmt)) == SIGNET_DB_ROW)
    g_ptr_array_add (types, type_from_row (stmt));
  signet_db_reset (stmt);
  if (rc != SIGNET_DB_DONE)
    {
      _signet_store_set_error (self, rc, error);
      return NULL;
    }

  for (guint i = 0; i < types->len; i++)
    if (!read_children (self, g_ptr_array_index (types, i), error))
      return NULL;

  return g_steal_pointer (&types);
}

SignetContractType *
signet_store_get_contract_type (SignetStore  *self,
                                gint64        id,
                                GError      **error)
{
  g_autoptr(GError) local_error = NULL;
  SignetContractType *type;

  g_return_val_if_fail (SIGNET_IS_STORE (self), NULL);

  type = lookup_type (self, id, NULL, &local_error);
  if (type == NULL && local_error == NULL)
    g_set_error (&local_error, SIGNET_STORE_ERROR, SIGNET_STORE_ERROR_NOT_FOUND,
                 _("The contract type no longer exists; it may have been deleted."));
  if (local_error != NULL)
    g_propagate_error (error, g_steal_pointer (&local_error));

  return type;
}

SignetContractType *
signet_store_find_contract_type (SignetStore  *self,
                                 const char   *name,
                                 GError      **error)
{
  g_autofree char *trimmed = NULL;

  g_return_val_if_fail (SIGNET_IS_STORE (self), NULL);

  if (_signet_is_blank (name))
    return NULL;

  trimmed = _signet_strdup_trimmed (name);

  return lookup_type (self, 0, trimmed, error);
}

/* Writing */

static gboolean
write_children (SignetStore         *self,
                SignetContractType  *type,
                GError             **error)
{
  gint64 id = signet_contract_type_get_id (type);
  GPtrArray *offsets = signet_contract_type_get_key_date_offsets (type);
  const char * const *checklist = signet_contract_type_get_checklist (type);
  SignetDbStmt *stmt;

  if (!(stmt = _signet_store_statement (self, "DELETE FROM contract_type_key_dates WHERE type_id = ?", error)))
    return FALSE;
  signet_db_bind_int64 (stmt, 1, id);
  if (!_signet_store_step_done (self, stmt, error))
    return FALSE;

  if (!(stmt = _signet_store_statement (self, "DELETE FROM contract_type_clauses WHERE type_id = ?", error)))
    return FALSE;
  signet_db_bind_int64 (stmt, 1, id);
  if (!_signet_store_step_done (self, stmt, error))
    return FALSE;

  for (guint i = 0; i < offsets->len; i++)
    {
      const SignetKeyDateOffset *offset = g_ptr_array_index (offsets, i);
      g_autofree char *title = _signet_strdup_trimmed (offset->title);

      stmt = _signet_store_statement (self,
                                      "INSERT INTO contract_type_key_dates (type_id, position, kind, title, days) "
                                      "VALUES (?, ?, ?, ?, ?)", error);
      if (stmt == NULL)
        return FALSE;
      signet_db_bind_int64 (stmt, 1, id);
      signet_db_bind_int (stmt, 2, (int) i);
      signet_db_bind_static_text (stmt, 3, signet_key_date_kind_to_token (offset->kind));
      signet_db_bind_static_text (stmt, 4, title);
      signet_db_bind_int64 (stmt, 5, offset->days);
      if (!_signet_store_step_done (self, stmt, error))
        return FALSE;
    }

  for (guint i = 0; checklist[i] != NULL; i++)
    {
      stmt = _signet_store_statement (self,
                                      "INSERT INTO contract_type_clauses (type_id, position, clause) VALUES (?, ?, ?)",
                                      error);
      if (stmt == NULL)
        return FALSE;
      signet_db_bind_int64 (stmt, 1, id);
      signet_db_bind_int (stmt, 2, (int) i);
      signet_db_bind_static_text (stmt, 3, checklist[i]);
      if (!_signet_store_step_done (self, stmt, error))
        return FALSE;
    }

  return TRUE;
}

static void
bind_type (SignetDbStmt       *stmt,
           SignetContractType *type,
           const char         *name)
{
  int risk = signet_contract_type_get_risk_level (type);
  int notice = signet_contract_type_get_notice_days (type);
  SignetAutoRenewDefault renew = signet_contract_type_get_auto_renew (type);

  signet_db_bind_static_text (stmt, 1, name);
  _signet_store_bind_text (stmt, 2, signet_contract_type_get_currency (type));
  _signet_store_bind_text (stmt, 3, signet_contract_type_get_department (type));
  if (risk >= 0)
    signet_db_bind_static_text (stmt, 4, signet_risk_level_to_token (risk));
  if (notice >= 0)
    signet_db_bind_int (stmt, 5, notice);
  if (renew != SIGNET_AUTO_RENEW_UNSET)
    signet_db_bind_int (stmt, 6, renew == SIGNET_AUTO_RENEW_YES);
  if (signet_contract_type_get_term_months (type) > 0)
    signet_db_bind_int64 (stmt, 7, signet_contract_type_get_term_months (type));
  if (signet_contract_type_get_review_months (type) > 0)
    signet_db_bind_int64 (stmt, 8, signet_contract_type_get_review_months (type));
}

static gboolean
step_type (SignetStore  *self,
           SignetDbStmt *stmt,
           const char   *name,
           GError      **error)
{
  int rc = signet_db_step (stmt);

  if (rc != SIGNET_DB_DONE)
    rc = signet_db_errcode (self->db);
  signet_db_reset (stmt);

  if (rc == SIGNET_DB_DONE)
    return TRUE;

  if (rc == SIGNET_DB_CONSTRAINT_UNIQUE)
    return _signet_set_field_error (error, SIGNET_FIELD_TYPE_NAME,
                                    _("There is a type named “%s” already. Choose another name."), name);

  return _signet_store_set_error (self, rc, error);
}

gboolean
signet_store_add_contract_type (SignetStore         *self,
                                SignetContractType  *type,
                                GError             **error)
{
  g_auto(SignetWriteScope) scope = { 0 };
  g_autoptr(FieldList) after = NULL;
  g_autofree char *name = NULL;
  SignetDbStmt *stmt;
  gint64 id;

  g_return_val_if_fail (SIGNET_IS_STORE (self), FALSE);
  g_return_val_if_fail (SIGNET_IS_CONTRACT_TYPE (type), FALSE);

  if (!validate_type (type, error) || !_signet_write_scope_begin (&scope, self, error))
    return FALSE;

  name = _signet_strdup_trimmed (signet_contract_type_get_name (type));
  stmt = _signet_store_statement (self,
                                  "INSERT INTO contract_types (name, currency, department, risk_level, notice_days, "
                                  "auto_renew, term_months, review_months) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", error);
  if (stmt == NULL)
    return FALSE;

  bind_type (stmt, type, name);
  if (!step_type (self, stmt, name, error))
    return FALSE;

  id = signet_db_last_insert_id (self->db);
  signet_contract_type_set_id (type, id);
  after = type_to_fields (type);
  if (!write_children (self, type, error) ||
      !_signet_write_scope_audit (&scope, SIGNET_AUDIT_ACTION_ADD_CONTRACT_TYPE, SIGNET_RECORD_CONTRACT_TYPE,
                                  id, name, NULL, after, error) ||
      !_signet_write_scope_commit (&scope, error))
    {
      signet_contract_type_set_id (type, 0);
      return FALSE;
    }

  signet_contract_type_set_name (type, name);
  signet_contract_type_set_version (type, 1);

  return TRUE;
}

/* Derives the events of the contracts of the type @name again, inside the
 * caller's write. */
static gboolean
refresh_type_contracts (SignetStore  *self,
                        const char   *name,
                        GError      **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  SignetDbStmt *stmt = _signet_store_statement (self, "SELECT id FROM contracts WHERE contract_type = ?", error);
  int rc;

  if (stmt == NULL)
    return FALSE;

  signet_db_bind_text (stmt, 1, name);
  while ((rc = signet_db_step (stmt)) == SIGNET_DB_ROW)
    g_array_append_val (ids, (gint64) { signet_db_column_int64 (stmt, 0) });
  signet_db_reset (stmt);
  if (rc != SIGNET_DB_DONE)
    return _signet_store_set_error (self, rc, error);

  for (guint i = 0; i < ids->len; i++)
    if (!_signet_store_events_refresh_contract (self, g_array_index (ids, gint64, i), error))
      return FALSE;

  return TRUE;
}

gboolean
signet_store_update_contract_type (SignetStore         *self,
                                   SignetContractType  *type,
                                   GError             **error)
{
  g_auto(SignetWriteScope) scope = { 0 };
  g_autoptr(SignetContractType) before = NULL;
  g_autoptr(FieldList) before_fields = NULL;
  g_autoptr(FieldList) after_fields = NULL;
  g_autofree char *name = NULL;
  SignetDbStmt *stmt;
  gint64 id;

  g_return_val_if_fail (SIGNET_IS_STORE (self), FALSE);
  g_return_val_if_fail (SIGNET_IS_CONTRACT_TYPE (type), FALSE);

  id = signet_contract_type_get_id (type);
  if (!validate_type (type, error) || !_signet_write_scope_begin (&scope, self, error))
    return FALSE;

  if (!(before = signet_store_get_contract_type (self, id, error)))
    return FALSE;

  name = _signet_strdup_trimmed (signet_contract_type_get_name (type));
  stmt = _signet_store_statement (self,
                                  "UPDATE contract_types SET name = ?1, currency = ?2, department = ?3, "
                                  "risk_level = ?4, notice_days = ?5, auto_renew = ?6, term_months = ?7, "
                                  "review_months = ?8, version = version + 1 WHERE id = ?9", error);
  if (stmt == NULL)
    return FALSE;

  bind_type (stmt, type, name);
  signet_db_bind_int64 (stmt, 9, id);
  if (!step_type (self, stmt, name, error) || !write_children (self, type, error))
    return FALSE;

  /* Its contracts' reviews follow its review interval. */
  if (signet_contract_type_get_review_months (before) != signet_contract_type_get_review_months (type) &&
      !refresh_type_contracts (self, signet_contract_type_get_name (before), error))
    return FALSE;

  before_fields = type_to_fields (before);
  after_fields = type_to_fields (type);
  if (!_signet_write_scope_audit (&scope, SIGNET_AUDIT_ACTION_UPDATE_CONTRACT_TYPE, SIGNET_RECORD_CONTRACT_TYPE,
                                  id, name, before_fields, after_fields, error) ||
      !_signet_write_scope_commit (&scope, error))
    return FALSE;

  signet_contract_type_set_name (type, name);
  signet_contract_type_set_version (type, signet_contract_type_get_version (before) + 1);

  return TRUE;
}

SignetTombstone *
_signet_store_delete_contract_type (SignetStore  *self,
                                    gint64        id,
                                    GError      **error)
{
  g_auto(SignetWriteScope) scope = { 0 };
  g_autoptr(SignetContractType) before = NULL;
  g_autoptr(SignetTombstone) tombstone = NULL;
  g_autoptr(FieldList) before_fields = NULL;
  SignetDbStmt *stmt;

  if (!_signet_write_scope_begin (&scope, self, error) ||
      !(before = signet_store_get_contract_type (self, id, error)))
    return NULL;

  tombstone = _signet_tombstone_new (SIGNET_TOMBSTONE_CONTRACT_TYPE, id, 0, signet_contract_type_get_name (before));
  if (!_signet_store_keep_rows (self, tombstone, "contract_types", "id = ?1", id, error) ||
      !_signet_store_keep_rows (self, tombstone, "contract_type_key_dates", "type_id = ?1", id, error) ||
      !_signet_store_keep_rows (self, tombstone, "contract_type_clauses", "type_id = ?1", id, error))
    return NULL;

  /* The key dates and clauses go with it (ON DELETE CASCADE). */
  if (!(stmt = _signet_store_statement (self, "DELETE FROM contract_types WHERE id = ?", error)))
    return NULL;
  signet_db_bind_int64 (stmt, 1, id);
  if (!_signet_store_step_done (self, stmt, error))
    return NULL;

  before_fields = type_to_fields (before);
  if (!_signet_write_scope_audit (&scope, SIGNET_AUDIT_ACTION_DELETE_CONTRACT_TYPE, SIGNET_RECORD_CONTRACT_TYPE,
                                  id, signet_contract_type_get_name (before), before_fields, NULL, error) ||
      !_signet_write_scope_commit (&scope, error))
    return NULL;

  return g_steal_pointer (&tombstone);
}

gboolean
signet_store_delete_contract_type (SignetStore  *self,
                                   gint64        id,
                                   GError      **error)
{
  g_autoptr(SignetTombstone) tombstone = NULL;

  g_return_val_if_fail (SIGNET_IS_STORE (self), FALSE);

  tombstone = _signet_store_delete_contract_type (self, id, error);

  return tombstone != NULL;
}

gboolean
_signet_store_restore_contract_type (SignetWriteScope  *scope,
                                     SignetTombstone   *tombstone,
                                     GError           **error)
{
  SignetStore *self = scope->store;
  gint64 id = signet_tombstone_get_id (tombstone);
  const char *name = signet_tombstone_get_label (tombstone);
  g_autoptr(SignetContractType) other = NULL;
  g_autoptr(SignetContractType) restored = NULL;
  g_autoptr(FieldList) after = NULL;
  g_autoptr(GError) local_error = NULL;

  if ((other = lookup_type (self, id, NULL, &local_error)) != NULL)
    {
      g_set_error (error, SIGNET_STORE_ERROR, SIGNET_STORE_ERROR_CONFLICT,
                   _("The contract type “%s” is in the register already."), name);
      return FALSE;
    }
  if ((other = lookup_type (self, 0, name, &local_error)) != NULL)
    {
      g_set_error (error, SIGNET_STORE_ERROR, SIGNET_STORE_ERROR_CONFLICT,
                   _("The contract type “%s” cannot be restored: another type has been given its name."), name);
      return FALSE;
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  if (!_signet_store_insert_kept_rows (self, tombstone, error) ||
      !(restored = signet_store_get_contract_type (self, id, error)))
    return FALSE;

  after = type_to_fields (restored);

  return _signet_write_scope_audit (scope, SIGNET_AUDIT_ACTION_RESTORE_CONTRACT_TYPE, SIGNET_RECORD_CONTRACT_TYPE,
                                    id, name, NULL, after, error);
}

/* New contracts of a type */

static gboolean
insert_offset_key_date (SignetWriteScope           *scope,
                        SignetContract             *contract,
                        gint64                      contract_id,
                        const SignetKeyDateOffset  *offset,
                        GError                    **error)
{
  SignetStore *self = scope->store;
  g_autoptr(FieldList) fields = NULL;
  g_autofree char *uuid = NULL;
  g_autofree char *iso = NULL;
  SignetDbStmt *stmt;
  gint64 key_date_id;
  GDate date;

  /* The start was checked with the contract; a missing one gives no date. */
  if (!signet_date_parse (signet_contract_get_start_date (contract), &date))
    return TRUE;

  if (!signet_date_add_days (&date, offset->days) || !signet_date_in_range (&date))
    return _signet_set_field_error (error, SIGNET_FIELD_CONTRACT_START_DATE,
                                    _("“%s”, %u days after the start, would fall after 2199-12-31."),
                                    offset->title, offset->days);

  iso = signet_date_to_iso (&date);
  if (!(uuid = _signet_store_claim_uuid (self, "key_dates", NULL, error)))
    return FALSE;

  stmt = _signet_store_statement (self,
                                  "INSERT INTO key_dates (contract_id, kind, date, title, note, uuid) "
                                  "VALUES (?6, ?1, ?2, ?3, ?4, ?7)", error);
  if (stmt == NULL)
    return FALSE;

  signet_db_bind_static_text (stmt, 1, signet_key_date_kind_to_token (offset->kind));
  signet_db_bind_static_text (stmt, 2, iso);
  signet_db_bind_static_text (stmt, 3, offset->title);
  signet_db_bind_null (stmt, 4);
  signet_db_bind_int64 (stmt, 6, contract_id);
  signet_db_bind_static_text (stmt, 7, uuid);
  if (!_signet_store_step_done (self, stmt, error))
    return FALSE;
  /* Before the audit entry's row is the last one inserted. */
  key_date_id = signet_db_last_insert_id (self->db);

  fields = g_array_new (FALSE, FALSE, sizeof (FieldText));
  append_field (fields, SIGNET_FIELD_KEY_DATE_KIND, g_strdup (signet_key_date_kind_to_token (offset->kind)));
  append_field (fields, SIGNET_FIELD_KEY_DATE_DATE, g_strdup (iso));
  append_field (fields, SIGNET_FIELD_KEY_DATE_TITLE, g_strdup (offset->title));
  append_field (fields, SIGNET_FIELD_KEY_DATE_NOTE, NULL);

  return _signet_write_scope_audit (scope, SIGNET_AUDIT_ACTION_ADD_KEY_DATE, SIGNET_RECORD_CONTRACT, contract_id,
                                    signet_contract_get_number (contract), NULL, fields, error) &&
         _signet_store_events_add_key_date (self, contract_id, key_date_id, error);
}

gboolean
_signet_store_insert_type_key_dates (SignetWriteScope    *scope,
                                     SignetContract      *contract,
                                     gint64               contract_id,
                                     SignetContractType  *type,
                                     GError             **error)
{
  GPtrArray *offsets = signet_contract_type_get_key_date_offsets (type);

  for (guint i = 0; i < offsets->len; i++)
    if (!insert_offset_key_date (scope, contract, contract_id, g_ptr_array_index (offsets, i), error))
      return FALSE;

  return TRUE;
}

gboolean
signet_store_add_contract_of_type (SignetStore         *self,
                                   SignetContract      *contract,
                                   SignetContractType  *type,
                                   GError             **error)
{
  g_auto(SignetWriteScope) scope = { 0 };
  g_autofree char *uuid = NULL;
  gint64 id;

  g_return_val_if_fail (SIGNET_IS_STORE (self), FALSE);
  g_return_val_if_fail (SIGNET_IS_CONTRACT (contract), FALSE);
  g_return_val_if_fail (SIGNET_IS_CONTRACT_TYPE (type), FALSE);

  signet_contract_set_id (contract, 0);

  if (!_signet_write_scope_begin (&scope, self, error) ||
      !_signet_store_insert_contract (&scope, contract, &id, &uuid, error))
    return FALSE;

  if (!_signet_store_insert_type_key_dates (&scope, contract, id, type, error) ||
      !_signet_write_scope_commit (&scope, error))
    return FALSE;

  signet_contract_set_id (contract, id);
  signet_contract_set_version (contract, 1);
  signet_contract_set_uuid (contract, uuid);

  return TRUE;
}

/* Migration 11 */

gboolean
_signet_store_migrate_types (SignetStore  *self,
                             GError      **error)
{
  /* Every type a contract names today becomes a type with no defaults,
   * by the name it has, so that nothing a user sees changes. */
  return _signet_store_exec (self,
    "CREATE TABLE contract_types ("
    "  id INTEGER PRIMARY KEY AUTOINCREMENT,"
    "  version INTEGER NOT NULL DEFAULT 1,"
    "  name TEXT NOT NULL UNIQUE,"
    "  currency TEXT,"
    "  department TEXT,"
    "  risk_level TEXT,"
    "  notice_days INTEGER,"
    "  auto_renew INTEGER,"
    "  term_months INTEGER,"
    "  review_months INTEGER);"
    "CREATE TABLE contract_type_key_dates ("
    "  type_id INTEGER NOT NULL REFERENCES contract_types (id) ON DELETE CASCADE,"
    "  position INTEGER NOT NULL,"
    "  kind TEXT NOT NULL,"
    "  title TEXT NOT NULL,"
    "  days INTEGER NOT NULL,"
    "  PRIMARY KEY (type_id, position));"
    "CREATE TABLE contract_type_clauses ("
    "  type_id INTEGER NOT NULL REFERENCES contract_types (id) ON DELETE CASCADE,"
    "  position INTEGER NOT NULL,"
    "  clause TEXT NOT NULL,"
    "  PRIMARY KEY (type_id, position));"
    /* The clauses of its contract's type a review confirmed, or left
     * unconfirmed, as they read when it was recorded. */
    "CREATE TABLE review_clauses ("
    "  review_id INTEGER NOT NULL,"
    "  position INTEGER NOT NULL,"
    "  clause TEXT NOT NULL,"
    "  confirmed INTEGER NOT NULL,"
    "  PRIMARY KEY (review_id, position));"
    "INSERT INTO contract_types (name) "
    "  SELECT DISTINCT contract_type FROM contracts "
    "  WHERE contract_type IS NOT NULL AND contract_type <> '' ORDER BY contract_type;",
    error);
}
