/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "signet-store"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "signet-contract-process.h"
#include "signet-date.h"
#include "signet-money.h"
#include "signet-store-amendments.h"
#include "signet-store-private.h"
#include "signet-tombstone-private.h"

/* Amendments (变更 / 补充协议): a signed contract's terms change by
 * amendment, never in place. The contract's row keeps the terms as signed;
 * each amendment row holds only the terms it changes (NULL columns for the
 * others) and the day they apply from, so that the terms of any day can be
 * told (signet_contract_terms_as_of()). An amendment's signed file is one
 * of the contract's attachments, which the amendment points at: the file
 * keeps its versions, annotations and search text like every other, and
 * the attachments table stays as it is. */

#define AMENDMENT_COLUMNS \
  "id, contract_id, uuid, number, signing_date, effective_date, reason, value, currency, " \
  "end_date, notice_days, auto_renew, title, other_terms, attachment_id, state"

gboolean
_signet_store_migrate_amendments (SignetStore  *self,
                                  GError      **error)
{
  /* No foreign key to contracts, as key dates have none: a deleted
   * contract's amendments stay under its id and come back with it. */
  return _signet_store_exec (self,
    "CREATE TABLE amendments ("
    "  id INTEGER PRIMARY KEY AUTOINCREMENT,"
    "  contract_id INTEGER NOT NULL,"
    "  uuid TEXT NOT NULL UNIQUE,"
    "  number TEXT NOT NULL UNIQUE CHECK (number <> ''),"
    "  signing_date TEXT,"
    "  effective_date TEXT NOT NULL,"
    "  reason TEXT,"
    "  value INTEGER CHECK (value >= 0),"
    "  currency TEXT CHECK (length (currency) = 3),"
    "  end_date TEXT,"
    "  notice_days INTEGER CHECK (notice_days >= 0),"
    "  auto_renew INTEGER,"
    "  title TEXT CHECK (title <> ''),"
    "  other_terms TEXT CHECK (other_terms <> ''),"
    "  attachment_id INTEGER,"
    "  CHECK ((value IS NULL) = (currency IS NULL)),"
    "  CHECK ((notice_days IS NULL) = (auto_renew IS NULL)));"
    "CREATE INDEX amendments_contract ON amendments (contract_id, effective_date);",
    error);
}

static SignetAmendment *
amendment_from_row (SignetDbStmt *stmt)
{
  SignetAmendment *amendment = signet_amendment_new (signet_db_column_int64 (stmt, 1));

  amendment->id = signet_db_column_int64 (stmt, 0);
  amendment->uuid = _signet_store_dup_text (stmt, 2);
  amendment->number = _signet_store_dup_text (stmt, 3);
  amendment->signing_date = _signet_store_dup_text (stmt, 4);
  amendment->effective_date = _signet_store_dup_text (stmt, 5);
  amendment->reason = _signet_store_dup_text (stmt, 6);
  if (signet_db_column_type (stmt, 7) != SIGNET_DB_NULL)
    {
      amendment->changes |= SIGNET_AMENDED_TERM_FLAG (SIGNET_AMENDED_VALUE);
      amendment->value = signet_db_column_int64 (stmt, 7);
      amendment->currency = _signet_store_dup_text (stmt, 8);
    }
  if (signet_db_column_type (stmt, 9) != SIGNET_DB_NULL)
    {
      amendment->changes |= SIGNET_AMENDED_TERM_FLAG (SIGNET_AMENDED_END_DATE);
      amendment->end_date = _signet_store_dup_text (stmt, 9);
    }
  if (signet_db_column_type (stmt, 10) != SIGNET_DB_NULL)
    {
      amendment->changes |= SIGNET_AMENDED_TERM_FLAG (SIGNET_AMENDED_NOTICE);
      amendment->notice_days = signet_db_column_int (stmt, 10);
      amendment->auto_renew = signet_db_column_int (stmt, 11) != 0;
    }
  if (signet_db_column_type (stmt, 12) != SIGNET_DB_NULL)
    {
      amendment->changes |= SIGNET_AMENDED_TERM_FLAG (SIGNET_AMENDED_TITLE);
      amendment->title = _signet_store_dup_text (stmt, 12);
    }
  if (signet_db_column_type (stmt, 13) != SIGNET_DB_NULL)
    {
      amendment->changes |= SIGNET_AMENDED_TERM_FLAG (SIGNET_AMENDED_OTHER);
      amendment->other_terms = _signet_store_dup_text (stmt, 13);
    }
  amendment->attachment_id = signet_db_column_int64 (stmt, 14);
  signet_amendment_state_from_token (signet_db_column_text (stmt, 15), &amendment->state);

  return amendment;
}

static SignetAmendment *
lookup_amendment (SignetStore  *self,
                  gint64        id,
                  GError      **error)
{
  SignetDbStmt *stmt;
  SignetAmendment *amendment = NULL;
  int rc;

  stmt = _signet_store_statement (self, "SELECT " AMENDMENT_COLUMNS " FROM amendments WHERE id = ?", error);
  if (stmt == NULL)
    return NULL;

  signet_db_bind_int64 (stmt, 1, id);
  rc = signet_db_step (stmt);
  if (rc == SIGNET_DB_ROW)
    amendment = amendment_from_row (stmt);
  signet_db_reset (stmt);

  if (rc == SIGNET_DB_DONE)
    g_set_error (error, SIGNET_STORE_ERROR, SIGNET_STORE_ERROR_NOT_FOUND,
                 _("The amendment no longer exists; it may have been deleted."));
  else if (rc != SIGNET_DB_ROW)
    _signet_store_set_error (self, rc, error);

  return amendment;
}

static gboolean
validate_date (const char   *date,
               gboolean      required,
               SignetField   field,
               GError      **error)
{
  SignetDateCheck check;

  if (_signet_is_blank (date))
    return required ? _signet_set_field_error (error, field, _("Enter a date.")) : TRUE;

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

/* What can be told without the register; the contract's own checks
 * (signed, the end after its start) are made in the write. */
static gboolean
validate_amendment (const SignetAmendment  *amendment,
                    GError                **error)
{
  if (_signet_is_blank (amendment->number))
    return _signet_set_field_error (error, SIGNET_FIELD_AMENDMENT_NUMBER, _("Enter a number for the amendment."));

  if (!_signet_check_length (amendment->number, SIGNET_STORE_MAX_KEY_CHARS, SIGNET_FIELD_AMENDMENT_NUMBER, error) ||
      !validate_date (amendment->effective_date, TRUE, SIGNET_FIELD_AMENDMENT_EFFECTIVE_DATE, error) ||
      !validate_date (amendment->signing_date, FALSE, SIGNET_FIELD_AMENDMENT_SIGNING_DATE, error))
    return FALSE;

  if (amendment->changes == 0)
    return _signet_set_field_error (error, SIGNET_FIELD_AMENDMENT_OTHER_TERMS,
                                    _("Choose at least one term the amendment changes."));

  if (signet_amendment_changes (amendment, SIGNET_AMENDED_VALUE))
    {
      if (amendment->value < 0)
        return _signet_set_field_error (error, SIGNET_FIELD_CONTRACT_VALUE, _("The value cannot be negative."));
      if (amendment->currency == NULL || strlen (amendment->currency) != 3)
        return _signet_set_field_error (error, SIGNET_FIELD_CONTRACT_CURRENCY, _("Choose a currency."));
    }

  if (signet_amendment_changes (amendment, SIGNET_AMENDED_END_DATE) &&
      !validate_date (amendment->end_date, TRUE, SIGNET_FIELD_CONTRACT_END_DATE, error))
    return FALSE;

  if (signet_amendment_changes (amendment, SIGNET_AMENDED_TITLE))
    {
      if (_signet_is_blank (amendment->title))
        return _signet_set_field_error (error, SIGNET_FIELD_CONTRACT_TITLE, _("Enter the new title."));
      if (!_signet_check_length (amendment->title, SIGNET_STORE_MAX_TITLE_CHARS, SIGNET_FIELD_CONTRACT_TITLE, error))
        return FALSE;
    }

  if (signet_amendment_changes (amendment, SIGNET_AMENDED_OTHER) && _signet_is_blank (amendment->other_terms))
    return _signet_set_field_error (error, SIGNET_FIELD_AMENDMENT_OTHER_TERMS,
                                    _("Describe the other terms the amendment changes."));

  return TRUE;
}

static void
append_field (FieldList   *fields,
              SignetField  field,
              char        *text)
{
  FieldText ft = { field, text, text };

  g_array_append_val (fields, ft);
}

static FieldList *
amendment_to_fields (const SignetAmendment *amendment)
{
  FieldList *fields = g_array_new (FALSE, FALSE, sizeof (FieldText));

  append_field (fields, SIGNET_FIELD_AMENDMENT_NUMBER, _signet_strdup_trimmed (amendment->number));
  append_field (fields, SIGNET_FIELD_AMENDMENT_SIGNING_DATE, g_strdup (amendment->signing_date));
  append_field (fields, SIGNET_FIELD_AMENDMENT_EFFECTIVE_DATE, g_strdup (amendment->effective_date));
  append_field (fields, SIGNET_FIELD_AMENDMENT_REASON, g_strdup (amendment->reason));
  if (signet_amendment_changes (amendment, SIGNET_AMENDED_VALUE))
    {
      append_field (fields, SIGNET_FIELD_CONTRACT_VALUE, signet_money_to_decimal (amendment->value, amendment->currency));
      append_field (fields, SIGNET_FIELD_CONTRACT_CURRENCY, g_strdup (amendment->currency));
    }
  if (signet_amendment_changes (amendment, SIGNET_AMENDED_END_DATE))
    append_field (fields, SIGNET_FIELD_CONTRACT_END_DATE, g_strdup (amendment->end_date));
  if (signet_amendment_changes (amendment, SIGNET_AMENDED_NOTICE))
    append_field (fields, SIGNET_FIELD_CONTRACT_NOTICE_DAYS,
                  amendment->auto_renew
                    ? g_strdup_printf ("auto-renew, %u", amendment->notice_days)
                    : g_strdup_printf ("%u", amendment->notice_days));
  if (signet_amendment_changes (amendment, SIGNET_AMENDED_TITLE))
    append_field (fields, SIGNET_FIELD_CONTRACT_TITLE, _signet_strdup_trimmed (amendment->title));
  if (signet_amendment_changes (amendment, SIGNET_AMENDED_OTHER))
    append_field (fields, SIGNET_FIELD_AMENDMENT_OTHER_TERMS, g_strdup (amendment->other_terms));

  /* Empty texts are no values: the History shows them as not set. */
  for (guint i = 0; i < fields->len; i++)
    {
      FieldText *ft = &g_array_index (fields, FieldText, i);

      if (ft->text != NULL && *ft->text == '\0')
        {
          g_clear_pointer (&ft->owned, g_free);
          ft->text = NULL;
        }
    }

  return fields;
}

/* The contract, which must be signed: before that, its terms are edited
 * in place. */
static SignetContract *
lookup_signed_contract (SignetStore  *self,
                        gint64        contract_id,
                        GError      **error)
{
  g_autoptr(SignetContract) contract = signet_store_get_contract (self, contract_id, error);

  if (contract == NULL)
    return NULL;

  if (!signet_contract_is_signed (contract))
    {
      g_set_error (error, SIGNET_STORE_ERROR, SIGNET_STORE_ERROR_FAILED,
                   _("The contract %s is not signed: change its terms in the contract itself."),
                   signet_contract_get_number (contract));
      return NULL;
    }

  return g_steal_pointer (&contract);
}

static gboolean
check_against_contract (SignetStore            *self,
                        SignetContract         *contract,
                        const SignetAmendment  *amendment,
                        gint64                  own_id,
                        GError                **error)
{
  const char *start = signet_contract_get_start_date (contract);
  g_autofree char *number = _signet_strdup_trimmed (amendment->number);
  SignetDbStmt *stmt;
  gboolean taken;
  int rc;

  if (signet_amendment_changes (amendment, SIGNET_AMENDED_END_DATE) &&
      start != NULL && g_strcmp0 (amendment->end_date, start) < 0)
    return _signet_set_field_error (error, SIGNET_FIELD_CONTRACT_END_DATE,
                                    _("The new end date %s is before the contract’s start date %s."),
                                    amendment->end_date, start);

  stmt = _signet_store_statement (self, "SELECT 1 FROM amendments WHERE number = ? AND id <> ?", error);
  if (stmt == NULL)
    return FALSE;

  signet_db_bind_static_text (stmt, 1, number);
  signet_db_bind_int64 (stmt, 2, own_id);
  rc = signet_db_step (stmt);
  taken = rc == SIGNET_DB_ROW;
  signet_db_reset (stmt);
  if (rc != SIGNET_DB_ROW && rc != SIGNET_DB_DONE)
    return _signet_store_set_error (self, rc, error);

  if (taken)
    return _signet_set_field_error (error, SIGNET_FIELD_AMENDMENT_NUMBER,
                                    _("Another amendment has the number %s already."), number);

  if (amendment->attachment_id <= 0)
    return TRUE;

  /* Its file is one of its contract's. */
  stmt = _signet_store_statement (self, "SELECT 1 FROM attachments WHERE id = ? AND contract_id = ?", error);
  if (stmt == NULL)
    return FALSE;

  signet_db_bind_int64 (stmt, 1, amendment->attachment_id);
  signet_db_bind_int64 (stmt, 2, signet_contract_get_id (contract));
  rc = signet_db_step (stmt);
  signet_db_reset (stmt);
  if (rc == SIGNET_DB_DONE)
    {
      g_set_error (error, SIGNET_STORE_ERROR, SIGNET_STORE_ERROR_NOT_FOUND,
                   _("The amendment’s file is not one of the contract’s files; it may have been deleted."));
      return FALSE;
    }
  if (rc != SIGNET_DB_ROW)
    return _signet_store_set_error (self, rc, error);

  return TRUE;
}

typedef struct
{
  SignetContract         *contract;
  const SignetAmendment  *amendment;
  gint64                  own_id;
} AmendmentKey;

static gboolean
check_amendment_key (SignetStore    *self,
                     gconstpointer   data,
                     GError        **error)
{
  const AmendmentKey *key = data;

  return check_against_contract (self, key->contract, key->amendment, key->own_id, error);
}

static void
bind_amendment (SignetDbStmt          *stmt,
                const SignetAmendment *amendment)
{
  g_autofree char *number = _signet_strdup_trimmed (amendment->number);
  g_autofree char *title = _signet_strdup_trimmed (amendment->title);

  signet_db_bind_text (stmt, 1, number);
  _signet_store_bind_text (stmt, 2, amendment->signing_date);
  signet_db_bind_text (stmt, 3, amendment->effective_date);
  _signet_store_bind_text (stmt, 4, amendment->reason);
  if (signet_amendment_changes (amendment, SIGNET_AMENDED_VALUE))
    {
      signet_db_bind_int64 (stmt, 5, amendment->value);
      signet_db_bind_text (stmt, 6, amendment->currency);
    }
  if (signet_amendment_changes (amendment, SIGNET_AMENDED_END_DATE))
    signet_db_bind_text (stmt, 7, amendment->end_date);
  if (signet_amendment_changes (amendment, SIGNET_AMENDED_NOTICE))
    {
      signet_db_bind_int (stmt, 8, amendment->notice_days);
      signet_db_bind_int (stmt, 9, amendment->auto_renew ? 1 : 0);
    }
  if (signet_amendment_changes (amendment, SIGNET_AMENDED_TITLE))
    signet_db_bind_text (stmt, 10, title);
  if (signet_amendment_changes (amendment, SIGNET_AMENDED_OTHER))
    _signet_store_bind_text (stmt, 11, amendment->other_terms);
  if (amendment->attachment_id > 0)
    signet_db_bind_int64 (stmt, 12, amendment->attachment_id);
}

/* Writes @after over @before (either NULL for an addition or a removal)
 * with its audit entry and the contract's events, in one transaction; a
 * removal keeps the row in @tombstone. */
static gboolean
write_amendment (SignetStore            *self,
                 const SignetAmendment  *before,
                 SignetAmendment        *after,
                 SignetAuditAction       action,
                 SignetTombstone        *tombstone,
                 GError                **error)
{
  g_auto(SignetWriteScope) scope = { 0 };
  g_autoptr(SignetContract) contract = NULL;
  g_autoptr(FieldList) before_fields = NULL;
  g_autoptr(FieldList) after_fields = NULL;
  gint64 contract_id = before != NULL ? before->contract_id : after->contract_id;
  g_autofree char *uuid = NULL;
  gint64 new_id = 0;
  AmendmentKey key = { NULL, after, before != NULL ? before->id : 0 };
  SignetDbStmt *stmt;

  if (after != NULL && !validate_amendment (after, error))
    return FALSE;

  if (!_signet_write_scope_begin (&scope, self, error))
    return FALSE;

  /* Deleting needs no signed contract: a contract back to draft (a later
   * piece) may still hold amendments someone wants gone. */
  contract = after != NULL
    ? lookup_signed_contract (self, contract_id, error)
    : signet_store_get_contract (self, contract_id, error);
  if (contract == NULL || (after != NULL && !check_against_contract (self, contract, after, key.own_id, error)))
    return FALSE;
  key.contract = contract;

  if (tombstone != NULL && !_signet_store_keep_rows (self, tombstone, "amendments", "id = ?1", before->id, error))
    return FALSE;

  if (after == NULL)
    stmt = _signet_store_statement (self, "DELETE FROM amendments WHERE id = ?13", error);
  else if (before == NULL)
    stmt = _signet_store_statement (self,
                                    "INSERT INTO amendments (number, signing_date, effective_date, reason, value, "
                                    "currency, end_date, notice_days, auto_renew, title, other_terms, attachment_id, "
                                    "contract_id, uuid) "
                                    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?14, ?15)", error);
  else
    stmt = _signet_store_statement (self,
                                    "UPDATE amendments SET number = ?1, signing_date = ?2, effective_date = ?3, "
                                    "reason = ?4, value = ?5, currency = ?6, end_date = ?7, notice_days = ?8, "
                                    "auto_renew = ?9, title = ?10, other_terms = ?11, attachment_id = ?12 "
                                    "WHERE id = ?13", error);
  if (stmt == NULL)
    return FALSE;

  if (after != NULL)
    bind_amendment (stmt, after);
  if (before != NULL)
    signet_db_bind_int64 (stmt, 13, before->id);
  else
    {
      if (!(uuid = _signet_store_claim_uuid (self, "amendments", after->uuid, error)))
        return FALSE;
      signet_db_bind_int64 (stmt, 14, contract_id);
      signet_db_bind_static_text (stmt, 15, uuid);
    }

  if (!_signet_store_step_keyed (self, stmt, check_amendment_key, &key, error))
    return FALSE;

  /* A new one waits for its approval when the rules give it a route. */
  if (before == NULL)
    {
      new_id = signet_db_last_insert_id (self->db);
      if (!_signet_store_approvals_amendment_added (self, after, new_id, error))
        return FALSE;
    }

  before_fields = before != NULL ? amendment_to_fields (before) : NULL;
  after_fields = after != NULL ? amendment_to_fields (after) : NULL;
  if (!_signet_write_scope_audit (&scope, action, SIGNET_RECORD_CONTRACT, contract_id,
                                  signet_contract_get_number (contract), before_fields, after_fields, error) ||
      !_signet_store_events_refresh_contract (self, contract_id, error))
    return FALSE;

  if (before == NULL)
    {
      if (!_signet_write_scope_commit (&scope, error))
        return FALSE;
      after->id = new_id;
      g_free (after->uuid);
      after->uuid = g_steal_pointer (&uuid);
      return TRUE;
    }

  return _signet_write_scope_commit (&scope, error);
}

gboolean
signet_store_add_amendment (SignetStore      *self,
                            SignetAmendment  *amendment,
                            GError          **error)
{
  g_return_val_if_fail (SIGNET_IS_STORE (self), FALSE);
  g_return_val_if_fail (amendment != NULL, FALSE);

  return write_amendment (self, NULL, amendment, SIGNET_AUDIT_ACTION_ADD_AMENDMENT, NULL, error);
}

gboolean
signet_store_update_amendment (SignetStore            *self,
                               const SignetAmendment  *amendment,
                               GError                **error)
{
  g_autoptr(SignetAmendment) before = NULL;
  g_autoptr(SignetAmendment) after = NULL;

  g_return_val_if_fail (SIGNET_IS_STORE (self), FALSE);
  g_return_val_if_fail (amendment != NULL, FALSE);

  if (!(before = lookup_amendment (self, amendment->id, error)))
    return FALSE;

  after = signet_amendment_copy (amendment);
  after->contract_id = before->contract_id;

  return write_amendment (self, before, after, SIGNET_AUDIT_ACTION_UPDATE_AMENDMENT, NULL, error);
}

SignetTombstone *
_signet_store_delete_amendment (SignetStore  *self,
                                gint64        id,
                                GError      **error)
{
  g_autoptr(SignetAmendment) before = NULL;
  g_autoptr(SignetTombstone) tombstone = NULL;

  if (!(before = lookup_amendment (self, id, error)))
    return NULL;

  tombstone = _signet_tombstone_new (SIGNET_TOMBSTONE_AMENDMENT, id, before->contract_id, before->number);
  if (!write_amendment (self, before, NULL, SIGNET_AUDIT_ACTION_DELETE_AMENDMENT, tombstone, error))
    return NULL;

  return g_steal_pointer (&tombstone);
}

gboolean
signet_store_delete_amendment (SignetStore  *self,
                               gint64        id,
                               GError      **error)
{
  g_autoptr(SignetTombstone) tombstone = NULL;

  g_return_val_if_fail (SIGNET_IS_STORE (self), FALSE);

  tombstone = _signet_store_delete_amendment (self, id, error);

  return tombstone != NULL;
}

gboolean
_signet_store_restore_amendment (SignetWriteScope  *scope,
                                 SignetTombstone   *tombstone,
                                 GError           **error)
{
  SignetStore *self = scope->store;
  gint64 id = signet_tombstone_get_id (tombstone);
  gint64 contract_id = signet_tombstone_get_contract_id (tombstone);
  const char *number = signet_tombstone_get_label (tombstone);
  g_autoptr(SignetContract) contract = NULL;
  g_autoptr(SignetAmendment) restored = NULL;
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
                   _("The amendment %s cannot be restored: its contract has been deleted."), number);
      return FALSE;
    }

  if ((restored = lookup_amendment (self, id, NULL)) != NULL)
    {
      g_set_error (error, SIGNET_STORE_ERROR, SIGNET_STORE_ERROR_CONFLICT,
                   _("The amendment %s is in the register already."), number);
      return FALSE;
    }

  if (!_signet_store_keep_uuid (self, tombstone, "amendments", error) ||
      !_signet_store_insert_kept_rows (self, tombstone, error) ||
      !(restored = lookup_amendment (self, id, error)))
    return FALSE;

  after = amendment_to_fields (restored);

  return _signet_write_scope_audit (scope, SIGNET_AUDIT_ACTION_RESTORE_AMENDMENT, SIGNET_RECORD_CONTRACT,
                                    contract_id, signet_contract_get_number (contract), NULL, after, error) &&
         _signet_store_events_refresh_contract (self, contract_id, error);
}

SignetAmendment *
signet_store_get_amendment (SignetStore  *self,
                            gint64        id,
                            GError      **error)
{
  g_return_val_if_fail (SIGNET_IS_STORE (self), NULL);

  return lookup_amendment (self, id, error);
}

GPtrArray *
_signet_store_list_amendments (SignetStore  *self,
                               gint64        contract_id,
                               GError      **error)
{
  g_autoptr(GPtrArray) amendments = g_ptr_array_new_with_free_func ((GDestroyNotify) signet_amendment_free);
  SignetDbStmt *stmt;
  int rc;

  stmt = _signet_store_statement (self,
                                  "SELECT " AMENDMENT_COLUMNS " FROM amendments WHERE contract_id = ? "
                                  "ORDER BY effective_date, id", error);
  if (stmt == NULL)
    return NULL;

  signet_db_bind_int64 (stmt, 1, contract_id);
  while ((rc = signet_db_step (stmt)) == SIGNET_DB_ROW)
    g_ptr_array_add (amendments, amendment_from_row (stmt));
  signet_db_reset (stmt);

  if (rc != SIGNET_DB_DONE)
    {
      _signet_store_set_error (self, rc, error);
      return NULL;
    }

  return g_steal_pointer (&amendments);
}

GPtrArray *
signet_store_list_amendments (SignetStore  *self,
                              gint64        contract_id,
                              GError      **error)
{
  g_return_val_if_fail (SIGNET_IS_STORE (self), NULL);

  return _signet_store_list_amendments (self, contract_id, error);
}

char *
signet_store_next_amendment_number (SignetStore  *self,
                                    gint64        contract_id,
                                    const char   *pattern,
                                    GError      **error)
{
  g_autoptr(SignetContract) contract = NULL;
  SignetDbStmt *stmt;
  gint64 count;

  g_return_val_if_fail (SIGNET_IS_STORE (self), NULL);
  g_return_val_if_fail (pattern != NULL, NULL);

  if (!(contract = signet_store_get_contract (self, contract_id, error)))
    return NULL;

  stmt = _signet_store_statement (self, "SELECT count(*) FROM amendments WHERE contract_id = ?", error);
  if (stmt == NULL)
    return NULL;
  signet_db_bind_int64 (stmt, 1, contract_id);
  if (signet_db_step (stmt) != SIGNET_DB_ROW)
    {
      _signet_store_set_error (self, signet_db_errcode (self->db), error);
      signet_db_reset (stmt);
      return NULL;
    }
  count = signet_db_column_int64 (stmt, 0);
  signet_db_reset (stmt);

  /* One deleted from the middle leaves its number free but the count one
   * short: go on to the first number nobody has. */
  for (guint sequence = count + 1; sequence < G_MAXUINT; sequence++)
    {
      g_autofree char *number = signet_amendment_format_number (pattern, signet_contract_get_number (contract),
                                                                sequence);
      int rc;

      if (number == NULL)
        {
          g_set_error (error, SIGNET_FIELD_ERROR, SIGNET_FIELD_AMENDMENT_NUMBER,
                       _("The pattern “%s” has no {N} for the amendment’s sequence."), pattern);
          return NULL;
        }

      if (!(stmt = _signet_store_statement (self, "SELECT 1 FROM amendments WHERE number = ?", error)))
        return NULL;
      signet_db_bind_static_text (stmt, 1, number);
      rc = signet_db_step (stmt);
      signet_db_reset (stmt);
      if (rc == SIGNET_DB_DONE)
        return g_steal_pointer (&number);
      if (rc != SIGNET_DB_ROW)
        {
          _signet_store_set_error (self, rc, error);
          return NULL;
        }
    }

  g_assert_not_reached ();
}

SignetContract *
signet_store_get_contract_terms (SignetStore            *self,
                                 gint64                  contract_id,
                                 const char             *date,
                                 GPtrArray             **amendments,
                                 const SignetAmendment **sources,
                                 GError                **error)
{
  g_autoptr(SignetContract) contract = NULL;
  g_autoptr(GPtrArray) list = NULL;
  SignetContract *terms;

  g_return_val_if_fail (SIGNET_IS_STORE (self), NULL);
  g_return_val_if_fail (date != NULL, NULL);
  g_return_val_if_fail (sources == NULL || amendments != NULL, NULL);

  if (!(contract = signet_store_get_contract (self, contract_id, error)) ||
      !(list = _signet_store_list_amendments (self, contract_id, error)))
    return NULL;

  terms = signet_contract_terms_as_of (contract, list, date, sources);
  if (amendments != NULL)
    *amendments = g_steal_pointer (&list);

  return terms;
}
