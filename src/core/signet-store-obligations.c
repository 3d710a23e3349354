/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "signet-store"

#include "config.h"

#include <glib/gi18n.h>

#include "signet-date.h"
#include "signet-store-events.h"
#include "signet-store-obligations.h"
#include "signet-store-private.h"
#include "signet-tombstone-private.h"

/* Obligations and deliverables (履约义务): what we or the client must do
 * under a contract, once or on a recurrence, each with an owner from
 * People and optionally the clause it comes from (a PDF annotation). An
 * obligation's occurrences are derived from its first due date and its
 * recurrence, up to its own last date or else the contract's end (or its
 * termination); only what was done about one is stored, keyed by the
 * date it was due, so an occurrence without a row is open, and one done
 * after it was due was done late. */

/* Version 17. */
gboolean
_signet_store_migrate_obligations (SignetStore  *self,
                                   GError      **error)
{
  return _signet_store_exec (self,
    "CREATE TABLE obligations ("
    "  id INTEGER PRIMARY KEY AUTOINCREMENT,"
    "  uuid TEXT NOT NULL UNIQUE,"
    "  contract_id INTEGER NOT NULL,"
    "  party TEXT NOT NULL CHECK (party IN ('us', 'client')),"
    "  title TEXT NOT NULL CHECK (title <> ''),"
    "  owner_id INTEGER,"
    "  due_date TEXT NOT NULL,"
    "  recurrence TEXT NOT NULL DEFAULT 'none'"
    "    CHECK (recurrence IN ('none', 'monthly', 'quarterly', 'yearly')),"
    "  until_date TEXT,"
    "  annotation_id INTEGER,"
    "  note TEXT,"
    "  version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),"
    "  CHECK (until_date IS NULL OR until_date >= due_date));"
    "CREATE INDEX obligations_contract ON obligations (contract_id);"
    "CREATE INDEX obligations_annotation ON obligations (annotation_id) "
    "  WHERE annotation_id IS NOT NULL;"
    "CREATE TABLE obligation_occurrences ("
    "  obligation_id INTEGER NOT NULL,"
    "  due_date TEXT NOT NULL,"
    "  status TEXT NOT NULL CHECK (status IN ('done', 'waived')),"
    "  done_date TEXT,"
    "  note TEXT,"
    "  recorded_at TEXT NOT NULL, recorded_by TEXT NOT NULL,"
    "  PRIMARY KEY (obligation_id, due_date),"
    "  CHECK ((status = 'done') = (done_date IS NOT NULL)));",
    error);
}

#define OBLIGATION_COLUMNS \
  "id, contract_id, uuid, party, title, owner_id, due_date, recurrence, until_date, " \
  "annotation_id, note, version"

static SignetObligation *
obligation_from_row (SignetDbStmt *stmt)
{
  SignetObligation *obligation = signet_obligation_new (signet_db_column_int64 (stmt, 1));

  obligation->id = signet_db_column_int64 (stmt, 0);
  obligation->uuid = _signet_store_dup_text (stmt, 2);
  signet_obligation_party_from_token (signet_db_column_text (stmt, 3), &obligation->party);
  obligation->title = _signet_store_dup_text (stmt, 4);
  obligation->owner_id = signet_db_column_int64 (stmt, 5);
  obligation->due_date = _signet_store_dup_text (stmt, 6);
  signet_recurrence_from_token (signet_db_column_text (stmt, 7), &obligation->recurrence);
  obligation->until_date = _signet_store_dup_text (stmt, 8);
  obligation->annotation_id = signet_db_column_int64 (stmt, 9);
  obligation->note = _signet_store_dup_text (stmt, 10);
  obligation->version = signet_db_column_int64 (stmt, 11);

  return obligation;
}

static SignetOccurrence *
occurrence_from_row (SignetDbStmt *stmt)
{
  SignetOccurrence *occurrence = g_new0 (SignetOccurrence, 1);

  occurrence->due_date = _signet_store_dup_text (stmt, 1);
  occurrence->status = g_strcmp0 (signet_db_column_text (stmt, 2), "done") == 0
                       ? SIGNET_OCCURRENCE_DONE : SIGNET_OCCURRENCE_WAIVED;
  occurrence->done_date = _signet_store_dup_text (stmt, 3);
  occurrence->note = _signet_store_dup_text (stmt, 4);
  occurrence->recorded_at = _signet_store_dup_text (stmt, 5);
  occurrence->recorded_by = _signet_store_dup_text (stmt, 6);

  return occurrence;
}

#define OCCURRENCE_COLUMNS \
  "obligation_id, due_date, status, done_date, note, recorded_at, recorded_by"

static gboolean
load_occurrences (SignetStore       *self,
                  SignetObligation  *obligation,
                  GError           **error)
{
  SignetDbStmt *stmt;
  int rc;

  stmt = _signet_store_statement (self,
                                  "SELECT " OCCURRENCE_COLUMNS " FROM obligation_occurrences "
                                  "WHERE obligation_id = ? ORDER BY due_date", error);
  if (stmt == NULL)
    return FALSE;

  signet_db_bind_int64 (stmt, 1, obligation->id);
  while ((rc = signet_db_step (stmt)) == SIGNET_DB_ROW)
    g_ptr_array_add (obligation->occurrences, occurrence_from_row (stmt));
  signet_db_reset (stmt);

  if (rc != SIGNET_DB_DONE)
    return _signet_store_set_error (self, rc, error);

  return TRUE;
}

static SignetObligation *
lookup_obligation (SignetStore  *self,
                   gint64        id,
                   GError      **error)
{
  g_autoptr(SignetObligation) obligation = NULL;
  g_autoptr(GError) local_error = NULL;
  SignetDbStmt *stmt;

  stmt = _signet_store_statement (self, "SELECT " OBLIGATION_COLUMNS " FROM obligations WHERE id = ?", error);
  if (stmt == NULL)
    return NULL;

  signet_db_bind_int64 (stmt, 1, id);
  obligation = _signet_store_step_one_row (self, stmt, (SignetStoreRowFunc) obligation_from_row, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  if (obligation == NULL)
    {
      g_set_error (error, SIGNET_STORE_ERROR, SIGNET_STORE_ERROR_NOT_FOUND,
                   _("The obligation no longer exists; it may have been deleted."));
      return NULL;
    }

  if (!load_occurrences (self, obligation, error))
    return NULL;

  return g_steal_pointer (&obligation);
}

SignetObligation *
signet_store_get_obligation (SignetStore  *self,
                             gint64        id,
                             GError      **error)
{
  g_return_val_if_fail (SIGNET_IS_STORE (self), NULL);

  return lookup_obligation (self, id, error);
}

GPtrArray *
signet_store_list_obligations (SignetStore  *self,
                               gint64        contract_id,
                               GError      **error)
{
  g_autoptr(GPtrArray) obligations = g_ptr_array_new_with_free_func ((GDestroyNotify) signet_obligation_free);
  SignetDbStmt *stmt;
  int rc;

  g_return_val_if_fail (SIGNET_IS_STORE (self), NULL);

  stmt = _signet_store_statement (self,
                                  "SELECT " OBLIGATION_COLUMNS " FROM obligations WHERE contract_id = ? "
                                  "ORDER BY due_date, id", error);
  if (stmt == NULL)
    return NULL;

  signet_db_bind_int64 (stmt, 1, contract_id);
  while ((rc = signet_db_step (stmt)) == SIGNET_DB_ROW)
    g_ptr_array_add (obligations, obligation_from_row (stmt));
  signet_db_reset (stmt);

  if (rc != SIGNET_DB_DONE)
    {
      _signet_store_set_error (self, rc, error);
      return NULL;
    }

  /* A statement of its own per obligation: a contract has a handful. */
  for (guint i = 0; i < obligations->len; i++)
    if (!load_occurrences (self, g_ptr_array_index (obligations, i), error))
      return NULL;

  return g_steal_pointer (&obligations);
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

static gboolean
validate_obligation (const SignetObligation  *obligation,
                     GError                 **error)
{
  if (_signet_is_blank (obligation->title))
    return _signet_set_field_error (error, SIGNET_FIELD_OBLIGATION_TITLE, _("Say what must be done."));
  if (!_signet_check_length (obligation->title, SIGNET_STORE_MAX_TITLE_CHARS, SIGNET_FIELD_OBLIGATION_TITLE, error) ||
      !validate_date (obligation->due_date, TRUE, SIGNET_FIELD_OBLIGATION_DUE_DATE, error) ||
      !validate_date (obligation->until_date, FALSE, SIGNET_FIELD_OBLIGATION_UNTIL, error))
    return FALSE;
  if (obligation->party >= SIGNET_N_OBLIGATION_PARTIES || obligation->recurrence >= SIGNET_N_RECURRENCES)
    return _signet_set_field_error (error, SIGNET_FIELD_OBLIGATION_RECURRENCE, _("Choose how often it is due."));
  if (!_signet_is_blank (obligation->until_date) && g_strcmp0 (obligation->until_date, obligation->due_date) < 0)
    return _signet_set_field_error (error, SIGNET_FIELD_OBLIGATION_UNTIL,
                                    _("The last date %s is before the first due date %s."),
                                    obligation->until_date, obligation->due_date);

  return TRUE;
}

static void
append_field (FieldList   *fields,
              SignetField  field,
              char        *text)
{
  FieldText ft = { field, text, text };

  /* Empty texts are no values: the History shows them as not set. */
  if (text != NULL && *text == '\0')
    {
      g_free (text);
      ft.text = ft.owned = NULL;
    }
  g_array_append_val (fields, ft);
}

static char *
dup_person_name (SignetStore *self,
                 gint64       person_id)
{
  g_autoptr(SignetPerson) person = NULL;

  if (person_id <= 0)
    return NULL;

  person = signet_store_get_person (self, person_id, NULL);

  return person != NULL ? g_strdup (signet_person_get_name (person)) : g_strdup_printf ("#%" G_GINT64_FORMAT, person_id);
}

static FieldList *
obligation_to_fields (SignetStore            *self,
                      const SignetObligation *obligation)
{
  FieldList *fields = g_array_new (FALSE, FALSE, sizeof (FieldText));

  append_field (fields, SIGNET_FIELD_OBLIGATION_TITLE, _signet_strdup_trimmed (obligation->title));
  append_field (fields, SIGNET_FIELD_OBLIGATION_PARTY, g_strdup (signet_obligation_party_to_token (obligation->party)));
  append_field (fields, SIGNET_FIELD_OBLIGATION_OWNER, dup_person_name (self, obligation->owner_id));
  append_field (fields, SIGNET_FIELD_OBLIGATION_DUE_DATE, g_strdup (obligation->due_date));
  append_field (fields, SIGNET_FIELD_OBLIGATION_RECURRENCE, g_strdup (signet_recurrence_to_token (obligation->recurrence)));
  append_field (fields, SIGNET_FIELD_OBLIGATION_UNTIL, g_strdup (obligation->until_date));
  append_field (fields, SIGNET_FIELD_OBLIGATION_CLAUSE,
                obligation->annotation_id > 0 ? g_strdup_printf ("%" G_GINT64_FORMAT, obligation->annotation_id) : NULL);
  append_field (fields, SIGNET_FIELD_OBLIGATION_NOTE, g_strdup (obligation->note));

  return fields;
}

/* The owner is a person of People, and the clause an annotation of the
 * contract's own files. */
static gboolean
check_references (SignetStore             *self,
                  const SignetObligation  *obligation,
                  GError                 **error)
{
  SignetDbStmt *stmt;
  int rc;

  if (obligation->owner_id > 0)
    {
      g_autoptr(SignetPerson) person = signet_store_get_person (self, obligation->owner_id, error);

      if (person == NULL)
        return FALSE;
    }

  if (obligation->annotation_id <= 0)
    return TRUE;

  stmt = _signet_store_statement (self,
                                  "SELECT 1 FROM annotations a "
                                  "JOIN attachment_versions v ON v.id = a.version_id "
                                  "JOIN attachments t ON t.id = v.attachment_id "
                                  "WHERE a.id = ? AND t.contract_id = ?", error);
  if (stmt == NULL)
    return FALSE;
  signet_db_bind_int64 (stmt, 1, obligation->annotation_id);
  signet_db_bind_int64 (stmt, 2, obligation->contract_id);
  rc = signet_db_step (stmt);
  signet_db_reset (stmt);
  if (rc == SIGNET_DB_DONE)
    {
      g_set_error (error, SIGNET_STORE_ERROR, SIGNET_STORE_ERROR_NOT_FOUND,
                   _("The clause is not an annotation of the contract’s files; it may have been deleted."));
      return FALSE;
    }
  if (rc != SIGNET_DB_ROW)
    return _signet_store_set_error (self, rc, error);

  return TRUE;
}

static void
bind_obligation (SignetDbStmt           *stmt,
                 const SignetObligation *obligation)
{
  g_autofree char *title = _signet_strdup_trimmed (obligation->title);

  signet_db_bind_static_text (stmt, 1, signet_obligation_party_to_token (obligation->party));
  signet_db_bind_text (stmt, 2, title);
  if (obligation->owner_id > 0)
    signet_db_bind_int64 (stmt, 3, obligation->owner_id);
  signet_db_bind_text (stmt, 4, obligation->due_date);
  signet_db_bind_static_text (stmt, 5, signet_recurrence_to_token (obligation->recurrence));
  _signet_store_bind_text (stmt, 6, obligation->until_date);
  if (obligation->annotation_id > 0)
    signet_db_bind_int64 (stmt, 7, obligation->annotation_id);
  _signet_store_bind_text (stmt, 8, obligation->note);
}

/* Writes @after over @before (either NULL for an addition or a removal)
 * with its audit entry and the contract's events, in one transaction; a
 * removal keeps the row and its occurrences in @tombstone. */
static gboolean
write_obligation (SignetStore             *self,
                  const SignetObligation  *before,
                  SignetObligation        *after,
                  SignetAuditAction        action,
                  SignetTombstone         *tombstone,
                  GError                 **error)
{
  g_auto(SignetWriteScope) scope = { 0 };
  g_autoptr(SignetContract) contract = NULL;
  g_autoptr(FieldList) before_fields = NULL;
  g_autoptr(FieldList) after_fields = NULL;
  gint64 contract_id = before != NULL ? before->contract_id : after->contract_id;
  g_autofree char *uuid = NULL;
  gint64 new_id = 0;
  SignetDbStmt *stmt;

  if (after != NULL && !validate_obligation (after, error))
    return FALSE;

  if (!_signet_write_scope_begin (&scope, self, error))
    return FALSE;

  if (!(contract = signet_store_get_contract (self, contract_id, error)) ||
      (after != NULL && !check_references (self, after, error)))
    return FALSE;

  if (before != NULL && after != NULL)
    {
      g_autoptr(SignetObligation) current = NULL;

      if (!_signet_store_lock_row (self, "SELECT id FROM obligations WHERE id = ?1 FOR UPDATE", before->id, error) ||
          !(current = lookup_obligation (self, before->id, error)))
        return FALSE;
      if (current->version != after->version)
        {
          g_set_error (error, SIGNET_STORE_ERROR, SIGNET_STORE_ERROR_CONFLICT,
                       _("The obligation “%s” was changed elsewhere since it was opened. Open it again to see the change."),
                       current->title);
          return FALSE;
        }
    }

  if (tombstone != NULL &&
      (!_signet_store_keep_rows (self, tombstone, "obligations", "id = ?1", before->id, error) ||
       !_signet_store_keep_rows (self, tombstone, "obligation_occurrences", "obligation_id = ?1", before->id, error)))
    return FALSE;

  if (after == NULL)
    {
      if (!(stmt = _signet_store_statement (self, "DELETE FROM obligation_occurrences WHERE obligation_id = ?", error)))
        return FALSE;
      signet_db_bind_int64 (stmt, 1, before->id);
      if (!_signet_store_step_done (self, stmt, error))
        return FALSE;
      stmt = _signet_store_statement (self, "DELETE FROM obligations WHERE id = ?9", error);
    }
  else if (before == NULL)
    stmt = _signet_store_statement (self,
                                    "INSERT INTO obligations (party, title, owner_id, due_date, recurrence, "
                                    "until_date, annotation_id, note, contract_id, uuid) "
                                    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?10, ?11)", error);
  else
    stmt = _signet_store_statement (self,
                                    "UPDATE obligations SET party = ?1, title = ?2, owner_id = ?3, due_date = ?4, "
                                    "recurrence = ?5, until_date = ?6, annotation_id = ?7, note = ?8, "
                                    "version = version + 1 WHERE id = ?9", error);
  if (stmt == NULL)
    return FALSE;

  if (after != NULL)
    bind_obligation (stmt, after);
  if (before != NULL)
    signet_db_bind_int64 (stmt, 9, before->id);
  else
    {
      if (!(uuid = _signet_store_claim_uuid (self, "obligations", after->uuid, error)))
        return FALSE;
      signet_db_bind_int64 (stmt, 10, contract_id);
      signet_db_bind_static_text (stmt, 11, uuid);
    }
  if (!_signet_store_step_done (self, stmt, error))
    return FALSE;
  if (before == NULL)
    new_id = signet_db_last_insert_id (self->db);

  before_fields = before != NULL ? obligation_to_fields (self, before) : NULL;
  after_fields = after != NULL ? obligation_to_fields (self, after) : NULL;
  if (!_signet_write_scope_audit (&scope, action, SIGNET_RECORD_CONTRACT, contract_id,
                                  signet_contract_get_number (contract), before_fields, after_fields, error) ||
      !_signet_store_events_refresh_contract (self, contract_id, error) ||
      !_signet_write_scope_commit (&scope, error))
    return FALSE;

  if (before == NULL)
    {
      after->id = new_id;
      after->version = 1;
      g_free (after->uuid);
      after->uuid = g_steal_pointer (&uuid);
    }
  else if (after != NULL)
    after->version++;

  return TRUE;
}

gboolean
signet_store_add_obligation (SignetStore       *self,
                             SignetObligation  *obligation,
                             GError           **error)
{
  g_return_val_if_fail (SIGNET_IS_STORE (self), FALSE);
  g_return_val_if_fail (obligation != NULL, FALSE);

  return write_obligation (self, NULL, obligation, SIGNET_AUDIT_ACTION_ADD_OBLIGATION, NULL, error);
}

gboolean
signet_store_update_obligation (SignetStore       *self,
                                SignetObligation  *obligation,
                                GError           **error)
{
  g_autoptr(SignetObligation) before = NULL;

  g_return_val_if_fail (SIGNET_IS_STORE (self), FALSE);
  g_return_val_if_fail (obligation != NULL, FALSE);

  if (!(before = lookup_obligation (self, obligation->id, error)))
    return FALSE;

  /* It stays with its contract. */
  obligation->contract_id = before->contract_id;

  return write_obligation (self, before, obligation, SIGNET_AUDIT_ACTION_UPDATE_OBLIGATION, NULL, error);
}

SignetTombstone *
_signet_store_delete_obligation (SignetStore  *self,
                                 gint64        id,
                                 GError      **error)
{
  g_autoptr(SignetObligation) before = NULL;
  g_autoptr(SignetTombstone) tombstone = NULL;

  if (!(before = lookup_obligation (self, id, error)))
    return NULL;

  tombstone = _signet_tombstone_new (SIGNET_TOMBSTONE_OBLIGATION, id, before->contract_id, before->title);
  if (!write_obligation (self, before, NULL, SIGNET_AUDIT_ACTION_DELETE_OBLIGATION, tombstone, error))
    return NULL;

  return g_steal_pointer (&tombstone);
}

gboolean
signet_store_delete_obligation (SignetStore  *self,
                                gint64        id,
                                GError      **error)
{
  g_autoptr(SignetTombstone) tombstone = NULL;

  g_return_val_if_fail (SIGNET_IS_STORE (self), FALSE);

  tombstone = _signet_store_delete_obligation (self, id, error);

  return tombstone != NULL;
}

gboolean
_signet_store_restore_obligation (SignetWriteScope  *scope,
                                  SignetTombstone   *tombstone,
                                  GError           **error)
{
  SignetStore *self = scope->store;
  gint64 id = signet_tombstone_get_id (tombstone);
  gint64 contract_id = signet_tombstone_get_contract_id (tombstone);
  const char *title = signet_tombstone_get_label (tombstone);
  g_autoptr(SignetContract) contract = NULL;
  g_autoptr(SignetObligation) restored = NULL;
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
                   _("The obligation “%s” cannot be restored: its contract has been deleted."), title);
      return FALSE;
    }

  if ((restored = lookup_obligation (self, id, NULL)) != NULL)
    {
      g_set_error (error, SIGNET_STORE_ERROR, SIGNET_STORE_ERROR_CONFLICT,
                   _("The obligation “%s” is in the register already."), title);
      return FALSE;
    }

  if (!_signet_store_keep_uuid (self, tombstone, "obligations", error) ||
      !_signet_store_insert_kept_rows (self, tombstone, error) ||
      !(restored = lookup_obligation (self, id, error)))
    return FALSE;

  after = obligation_to_fields (self, restored);

  return _signet_write_scope_audit (scope, SIGNET_AUDIT_ACTION_RESTORE_OBLIGATION, SIGNET_RECORD_CONTRACT,
                                    contract_id, signet_contract_get_number (contract), NULL, after, error) &&
         _signet_store_events_refresh_contract (self, contract_id, error);
}

/* Occurrences */

static FieldList *
occurrence_to_fields (const SignetObligation *obligation,
                      const char             *due_date,
                      const SignetOccurrence *occurrence,
                      gboolean                named)
{
  FieldList *fields = g_array_new (FALSE, FALSE, sizeof (FieldText));

  /* The entry names the obligation and the occurrence it is about: they
   * are new on the side that @named. */
  append_field (fields, SIGNET_FIELD_OBLIGATION_TITLE, named ? g_strdup (obligation->title) : NULL);
  append_field (fields, SIGNET_FIELD_OCCURRENCE_DUE, named ? g_strdup (due_date) : NULL);
  append_field (fields, SIGNET_FIELD_OCCURRENCE_DONE,
                occurrence != NULL ? g_strdup (occurrence->done_date) : NULL);
  append_field (fields, SIGNET_FIELD_OCCURRENCE_NOTE,
                occurrence != NULL ? g_strdup (occurrence->note) : NULL);

  return fields;
}

/* Sets what was done about the occurrence of @obligation_id due on
 * @due_date: @after, or open again when NULL. */
static gboolean
write_occurrence (SignetStore             *self,
                  gint64                   obligation_id,
                  const char              *due_date,
                  const SignetOccurrence  *after,
                  SignetAuditAction        action,
                  GError                 **error)
{
  g_auto(SignetWriteScope) scope = { 0 };
  g_autoptr(SignetObligation) obligation = NULL;
  g_autoptr(SignetContract) contract = NULL;
  g_autoptr(FieldList) before_fields = NULL;
  g_autoptr(FieldList) after_fields = NULL;
  g_autoptr(GPtrArray) dates = NULL;
  g_autofree char *recorded_at = NULL;
  const SignetOccurrence *before;
  SignetDbStmt *stmt;

  if (!validate_date (due_date, TRUE, SIGNET_FIELD_OCCURRENCE_DUE, error) ||
      (after != NULL && !validate_date (after->done_date, FALSE, SIGNET_FIELD_OCCURRENCE_DONE, error)))
    return FALSE;

  if (!_signet_write_scope_begin (&scope, self, error))
    return FALSE;

  if (!(obligation = lookup_obligation (self, obligation_id, error)) ||
      !(contract = signet_store_get_contract (self, obligation->contract_id, error)))
    return FALSE;

  /* Only a day the obligation falls due on has an occurrence; the
   * contract's end is not asked here, so that one recorded before the
   * end moved stays recordable. */
  dates = signet_obligation_list_occurrences (obligation, NULL, due_date, due_date);
  if (dates->len == 0)
    return _signet_set_field_error (error, SIGNET_FIELD_OCCURRENCE_DUE,
                                    _("“%s” is not due on %s."), obligation->title, due_date);

  before = signet_obligation_find_occurrence (obligation, due_date);
  if (before == NULL && after == NULL)
    return _signet_write_scope_commit (&scope, error);

  if (after == NULL)
    {
      if (!(stmt = _signet_store_statement (self,
                                            "DELETE FROM obligation_occurrences "
                                            "WHERE obligation_id = ? AND due_date = ?", error)))
        return FALSE;
      signet_db_bind_int64 (stmt, 1, obligation_id);
      signet_db_bind_static_text (stmt, 2, due_date);
    }
  else
    {
      if (!(stmt = _signet_store_statement (self,
                                            "INSERT INTO obligation_occurrences (" OCCURRENCE_COLUMNS ") "
                                            "VALUES (?, ?, ?, ?, ?, ?, ?) "
                                            "ON CONFLICT (obligation_id, due_date) DO UPDATE SET "
                                            "status = excluded.status, done_date = excluded.done_date, "
                                            "note = excluded.note, recorded_at = excluded.recorded_at, "
                                            "recorded_by = excluded.recorded_by", error)))
        return FALSE;
      recorded_at = _signet_store_timestamp_now ();
      signet_db_bind_int64 (stmt, 1, obligation_id);
      signet_db_bind_static_text (stmt, 2, due_date);
      signet_db_bind_static_text (stmt, 3, after->status == SIGNET_OCCURRENCE_DONE ? "done" : "waived");
      if (after->status == SIGNET_OCCURRENCE_DONE)
        signet_db_bind_static_text (stmt, 4, after->done_date);
      _signet_store_bind_text (stmt, 5, after->note);
      signet_db_bind_static_text (stmt, 6, recorded_at);
      signet_db_bind_static_text (stmt, 7, _signet_store_person_name (self));
    }
  if (!_signet_store_step_done (self, stmt, error))
    return FALSE;

  before_fields = occurrence_to_fields (obligation, due_date, before, FALSE);
  after_fields = occurrence_to_fields (obligation, due_date, after, TRUE);

  return _signet_write_scope_audit (&scope, action, SIGNET_RECORD_CONTRACT, obligation->contract_id,
                                    signet_contract_get_number (contract), before_fields, after_fields, error) &&
         _signet_store_events_refresh_contract (self, obligation->contract_id, error) &&
         _signet_write_scope_commit (&scope, error);
}

gboolean
signet_store_mark_occurrence_done (SignetStore  *self,
                                   gint64        obligation_id,
                                   const char   *due_date,
                                   const char   *done_date,
                                   GError      **error)
{
  g_autofree char *today = NULL;
  SignetOccurrence occurrence = { 0 };

  g_return_val_if_fail (SIGNET_IS_STORE (self), FALSE);

  if (_signet_is_blank (done_date))
    done_date = today = signet_store_dup_today (self);

  occurrence.status = SIGNET_OCCURRENCE_DONE;
  occurrence.done_date = (char *) done_date;

  return write_occurrence (self, obligation_id, due_date, &occurrence,
                           SIGNET_AUDIT_ACTION_COMPLETE_OBLIGATION, error);
}

gboolean
signet_store_waive_occurrence (SignetStore  *self,
                               gint64        obligation_id,
                               const char   *due_date,
                               const char   *note,
                               GError      **error)
{
  g_autofree char *trimmed = _signet_strdup_trimmed (note);
  SignetOccurrence occurrence = { 0 };

  g_return_val_if_fail (SIGNET_IS_STORE (self), FALSE);

  occurrence.status = SIGNET_OCCURRENCE_WAIVED;
  occurrence.note = trimmed;

  return write_occurrence (self, obligation_id, due_date, &occurrence,
                           SIGNET_AUDIT_ACTION_WAIVE_OBLIGATION, error);
}

gboolean
signet_store_reopen_occurrence (SignetStore  *self,
                                gint64        obligation_id,
                                const char   *due_date,
                                GError      **error)
{
  g_return_val_if_fail (SIGNET_IS_STORE (self), FALSE);

  return write_occurrence (self, obligation_id, due_date, NULL,
                           SIGNET_AUDIT_ACTION_REOPEN_OBLIGATION, error);
}

guint
signet_store_count_obligations_done_late (SignetStore  *self,
                                          gint64        contract_id,
                                          GError      **error)
{
  SignetDbStmt *stmt;
  guint count = 0;
  int rc;

  g_return_val_if_fail (SIGNET_IS_STORE (self), 0);

  stmt = _signet_store_statement (self,
                                  "SELECT count(*) FROM obligation_occurrences o "
                                  "JOIN obligations b ON b.id = o.obligation_id "
                                  "JOIN contracts c ON c.id = b.contract_id "
                                  "WHERE o.status = 'done' AND o.done_date > o.due_date "
                                  "AND (?1 = 0 OR b.contract_id = ?1)", error);
  if (stmt == NULL)
    return 0;

  signet_db_bind_int64 (stmt, 1, contract_id);
  rc = signet_db_step (stmt);
  if (rc == SIGNET_DB_ROW)
    count = signet_db_column_int (stmt, 0);
  signet_db_reset (stmt);
  if (rc != SIGNET_DB_ROW)
    _signet_store_set_error (self, rc, error);

  return count;
}

/* Clauses */

void
signet_clause_free (SignetClause *clause)
{
  if (clause == NULL)
    return;

  g_free (clause->file_name);
  g_free (clause->comment);
  g_clear_pointer (&clause->rects, g_array_unref);
  g_free (clause);
}

void
signet_clause_link_free (SignetClauseLink *link)
{
  if (link == NULL)
    return;

  g_free (link->title);
  g_free (link);
}

#define CLAUSE_SQL \
  "SELECT a.id, v.attachment_id, v.id, v.file_name, a.page, a.kind, a.comment, a.rects " \
  "FROM annotations a " \
  "JOIN attachment_versions v ON v.id = a.version_id " \
  "JOIN attachments t ON t.id = v.attachment_id "

static SignetClause *
clause_from_row (SignetDbStmt *stmt)
{
  SignetClause *clause = g_new0 (SignetClause, 1);

  clause->annotation_id = signet_db_column_int64 (stmt, 0);
  clause->attachment_id = signet_db_column_int64 (stmt, 1);
  clause->version_id = signet_db_column_int64 (stmt, 2);
  clause->file_name = _signet_store_dup_text (stmt, 3);
  clause->page = signet_db_column_int (stmt, 4);
  signet_annotation_kind_from_token (signet_db_column_text (stmt, 5), &clause->kind);
  clause->comment = g_strdup (signet_db_column_text (stmt, 6));
  if (clause->comment == NULL)
    clause->comment = g_strdup ("");
  clause->rects = signet_annotation_rects_parse (signet_db_column_text (stmt, 7));
  if (clause->rects == NULL)
    clause->rects = g_array_new (FALSE, FALSE, sizeof (SignetAnnotationRect));

  return clause;
}

GPtrArray *
signet_store_list_clauses (SignetStore  *self,
                           gint64        contract_id,
                           GError      **error)
{
  g_autoptr(GPtrArray) clauses = g_ptr_array_new_with_free_func ((GDestroyNotify) signet_clause_free);
  SignetDbStmt *stmt;
  int rc;

  g_return_val_if_fail (SIGNET_IS_STORE (self), NULL);

  stmt = _signet_store_statement (self,
                                  CLAUSE_SQL "WHERE t.contract_id = ? "
                                  "ORDER BY t.id, v.version DESC, a.page, a.id", error);
  if (stmt == NULL)
    return NULL;

  signet_db_bind_int64 (stmt, 1, contract_id);
  while ((rc = signet_db_step (stmt)) == SIGNET_DB_ROW)
    g_ptr_array_add (clauses, clause_from_row (stmt));
  signet_db_reset (stmt);

  if (rc != SIGNET_DB_DONE)
    {
      _signet_store_set_error (self, rc, error);
      return NULL;
    }

  return g_steal_pointer (&clauses);
}

SignetClause *
signet_store_get_clause (SignetStore  *self,
                         gint64        annotation_id,
                         GError      **error)
{
  SignetDbStmt *stmt;

  g_return_val_if_fail (SIGNET_IS_STORE (self), NULL);

  if (annotation_id <= 0)
    return NULL;

  stmt = _signet_store_statement (self, CLAUSE_SQL "WHERE a.id = ?", error);
  if (stmt == NULL)
    return NULL;

  signet_db_bind_int64 (stmt, 1, annotation_id);

  return _signet_store_step_one_row (self, stmt, (SignetStoreRowFunc) clause_from_row, error);
}

GPtrArray *
signet_store_list_clause_links (SignetStore  *self,
                                gint64        annotation_id,
                                GError      **error)
{
  g_autoptr(GPtrArray) links = g_ptr_array_new_with_free_func ((GDestroyNotify) signet_clause_link_free);
  SignetDbStmt *stmt;
  int rc;

  g_return_val_if_fail (SIGNET_IS_STORE (self), NULL);

  /* Those of a deleted contract wait for its Undo, unseen. */
  stmt = _signet_store_statement (self,
                                  "SELECT 0, id, contract_id, title FROM obligations "
                                  "WHERE annotation_id = ?1 AND contract_id IN (SELECT id FROM contracts) "
                                  "UNION ALL "
                                  "SELECT 1, id, contract_id, description FROM risks "
                                  "WHERE annotation_id = ?1 AND contract_id IN (SELECT id FROM contracts) "
                                  "ORDER BY 1, 2", error);
  if (stmt == NULL)
    return NULL;

  signet_db_bind_int64 (stmt, 1, annotation_id);
  while ((rc = signet_db_step (stmt)) == SIGNET_DB_ROW)
    {
      SignetClauseLink *link = g_new0 (SignetClauseLink, 1);

      link->kind = signet_db_column_int (stmt, 0) == 0 ? SIGNET_CLAUSE_LINK_OBLIGATION : SIGNET_CLAUSE_LINK_RISK;
      link->id = signet_db_column_int64 (stmt, 1);
      link->contract_id = signet_db_column_int64 (stmt, 2);
      link->title = _signet_store_dup_text (stmt, 3);
      g_ptr_array_add (links, link);
    }
  signet_db_reset (stmt);

  if (rc != SIGNET_DB_DONE)
    {
      _signet_store_set_error (self, rc, error);
      return NULL;
    }

  return g_steal_pointer (&links);
}
