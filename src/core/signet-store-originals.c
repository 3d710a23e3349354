/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "signet-store"

#include "config.h"

#include <glib/gi18n.h>

#include "signet-date.h"
#include "signet-store-originals.h"
#include "signet-store-private.h"
#include "signet-tombstone-private.h"

/* The paper original (纸质原件) of a contract and its loans (借阅): where the
 * signed original is archived, how many originals and copies there are,
 * who archived it and when; and every loan of it, to a borrower from
 * People. The partial unique index is the rule that an original on loan
 * cannot be lent again: at most one loan of a contract is unreturned. */

/* Version 20. */
gboolean
_signet_store_migrate_originals (SignetStore  *self,
                                 GError      **error)
{
  return _signet_store_exec (self,
    "CREATE TABLE originals ("
    "  contract_id INTEGER PRIMARY KEY,"
    "  archive_number TEXT UNIQUE CHECK (archive_number <> ''),"
    "  room TEXT, cabinet TEXT, shelf TEXT, box TEXT,"
    "  originals INTEGER NOT NULL DEFAULT 1 CHECK (originals >= 0),"
    "  copies INTEGER NOT NULL DEFAULT 0 CHECK (copies >= 0),"
    "  archived_by_id INTEGER,"
    "  archived_on TEXT,"
    "  note TEXT,"
    "  version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1));"
    "CREATE TABLE loans ("
    "  id INTEGER PRIMARY KEY AUTOINCREMENT,"
    "  uuid TEXT NOT NULL UNIQUE,"
    "  contract_id INTEGER NOT NULL,"
    "  borrower_id INTEGER NOT NULL,"
    "  department TEXT,"
    "  purpose TEXT NOT NULL CHECK (purpose <> ''),"
    "  lent_on TEXT NOT NULL,"
    "  due_on TEXT NOT NULL,"
    "  returned_on TEXT,"
    "  return_condition TEXT,"
    "  lent_by TEXT NOT NULL,"
    "  returned_by TEXT,"
    "  CHECK (due_on >= lent_on),"
    "  CHECK (returned_on IS NULL OR returned_on >= lent_on));"
    "CREATE INDEX loans_contract ON loans (contract_id, lent_on);"
    "CREATE UNIQUE INDEX loans_open ON loans (contract_id) WHERE returned_on IS NULL;"
    "CREATE INDEX loans_due ON loans (due_on) WHERE returned_on IS NULL;",
    error);
}

#define ORIGINAL_COLUMNS \
  "o.contract_id, o.archive_number, o.room, o.cabinet, o.shelf, o.box, o.originals, o.copies, " \
  "o.archived_by_id, p.name, o.archived_on, o.note, o.version"
#define ORIGINAL_FROM "originals o LEFT JOIN people p ON p.id = o.archived_by_id"

#define LOAN_COLUMNS \
  "l.id, l.contract_id, l.uuid, l.borrower_id, p.name, l.department, l.purpose, l.lent_on, l.due_on, " \
  "l.returned_on, l.return_condition, l.lent_by, l.returned_by, c.number, c.title"
#define LOAN_FROM \
  "loans l LEFT JOIN people p ON p.id = l.borrower_id LEFT JOIN contracts c ON c.id = l.contract_id"

static gpointer
original_from_row (SignetDbStmt *stmt)
{
  SignetOriginal *original = signet_original_new (signet_db_column_int64 (stmt, 0));

  original->archive_number = _signet_store_dup_text (stmt, 1);
  original->room = _signet_store_dup_text (stmt, 2);
  original->cabinet = _signet_store_dup_text (stmt, 3);
  original->shelf = _signet_store_dup_text (stmt, 4);
  original->box = _signet_store_dup_text (stmt, 5);
  original->originals = signet_db_column_int (stmt, 6);
  original->copies = signet_db_column_int (stmt, 7);
  original->archived_by_id = signet_db_column_int64 (stmt, 8);
  original->archived_by = _signet_store_dup_text (stmt, 9);
  original->archived_on = _signet_store_dup_text (stmt, 10);
  original->note = _signet_store_dup_text (stmt, 11);
  original->version = signet_db_column_int64 (stmt, 12);

  return original;
}

static gpointer
loan_from_row (SignetDbStmt *stmt)
{
  SignetLoan *loan = signet_loan_new (signet_db_column_int64 (stmt, 1));

  loan->id = signet_db_column_int64 (stmt, 0);
  loan->uuid = _signet_store_dup_text (stmt, 2);
  loan->borrower_id = signet_db_column_int64 (stmt, 3);
  loan->borrower = _signet_store_dup_text (stmt, 4);
  loan->department = _signet_store_dup_text (stmt, 5);
  loan->purpose = _signet_store_dup_text (stmt, 6);
  loan->lent_on = _signet_store_dup_text (stmt, 7);
  loan->due_on = _signet_store_dup_text (stmt, 8);
  loan->returned_on = _signet_store_dup_text (stmt, 9);
  signet_loan_condition_from_text (signet_db_column_text (stmt, 10),
                                   &loan->condition, &loan->condition_note);
  loan->lent_by = _signet_store_dup_text (stmt, 11);
  loan->returned_by = _signet_store_dup_text (stmt, 12);
  loan->contract_number = _signet_store_dup_text (stmt, 13);
  loan->contract_title = _signet_store_dup_text (stmt, 14);

  return loan;
}

static GPtrArray *
list_loans_where (SignetStore  *self,
                  const char   *sql,
                  gint64        contract_id,
                  GError      **error)
{
  g_autoptr(GPtrArray) loans = g_ptr_array_new_with_free_func ((GDestroyNotify) signet_loan_free);
  SignetDbStmt *stmt;
  int rc;

  if (!(stmt = _signet_store_statement (self, sql, error)))
    return NULL;

  if (contract_id > 0)
    signet_db_bind_int64 (stmt, 1, contract_id);
  while ((rc = signet_db_step (stmt)) == SIGNET_DB_ROW)
    g_ptr_array_add (loans, loan_from_row (stmt));
  signet_db_reset (stmt);

  if (rc != SIGNET_DB_DONE)
    {
      _signet_store_set_error (self, rc, error);
      return NULL;
    }

  return g_steal_pointer (&loans);
}

SignetOriginal *
signet_store_get_original (SignetStore  *self,
                           gint64        contract_id,
                           GError      **error)
{
  SignetDbStmt *stmt;

  g_return_val_if_fail (SIGNET_IS_STORE (self), NULL);

  if (!(stmt = _signet_store_statement (self, "SELECT " ORIGINAL_COLUMNS " FROM " ORIGINAL_FROM
                                        " WHERE o.contract_id = ?", error)))
    return NULL;

  signet_db_bind_int64 (stmt, 1, contract_id);

  return _signet_store_step_one_row (self, stmt, original_from_row, error);
}

GPtrArray *
signet_store_list_loans (SignetStore  *self,
                         gint64        contract_id,
                         GError      **error)
{
  g_return_val_if_fail (SIGNET_IS_STORE (self), NULL);

  return list_loans_where (self, "SELECT " LOAN_COLUMNS " FROM " LOAN_FROM
                           " WHERE l.contract_id = ? ORDER BY l.lent_on DESC, l.id DESC", contract_id, error);
}

SignetLoan *
signet_store_get_open_loan (SignetStore  *self,
                            gint64        contract_id,
                            GError      **error)
{
  SignetDbStmt *stmt;

  g_return_val_if_fail (SIGNET_IS_STORE (self), NULL);

  if (!(stmt = _signet_store_statement (self, "SELECT " LOAN_COLUMNS " FROM " LOAN_FROM
                                        " WHERE l.contract_id = ? AND l.returned_on IS NULL", error)))
    return NULL;

  signet_db_bind_int64 (stmt, 1, contract_id);

  return _signet_store_step_one_row (self, stmt, loan_from_row, error);
}

GPtrArray *
signet_store_list_open_loans (SignetStore  *self,
                              GError      **error)
{
  g_return_val_if_fail (SIGNET_IS_STORE (self), NULL);

  /* The loans of a deleted contract wait under its id for Undo, unseen. */
  return list_loans_where (self, "SELECT " LOAN_COLUMNS " FROM " LOAN_FROM
                           " WHERE l.returned_on IS NULL AND c.id IS NOT NULL"
                           " ORDER BY l.due_on, l.lent_on, l.id", 0, error);
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

/* The contract's number, which also says it exists. */
static char *
lookup_contract_number (SignetStore  *self,
                        gint64        contract_id,
                        GError      **error)
{
  SignetDbStmt *stmt;
  char *number = NULL;
  int rc;

  if (!(stmt = _signet_store_statement (self, "SELECT number FROM contracts WHERE id = ?", error)))
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

static FieldList *
original_to_fields (const SignetOriginal *original,
                    const char           *archived_by)
{
  FieldList *fields = g_array_new (FALSE, FALSE, sizeof (FieldText));

  append_field (fields, SIGNET_FIELD_ORIGINAL_ARCHIVE_NUMBER, _signet_strdup_trimmed (original->archive_number));
  append_field (fields, SIGNET_FIELD_ORIGINAL_ROOM, _signet_strdup_trimmed (original->room));
  append_field (fields, SIGNET_FIELD_ORIGINAL_CABINET, _signet_strdup_trimmed (original->cabinet));
  append_field (fields, SIGNET_FIELD_ORIGINAL_SHELF, _signet_strdup_trimmed (original->shelf));
  append_field (fields, SIGNET_FIELD_ORIGINAL_BOX, _signet_strdup_trimmed (original->box));
  append_field (fields, SIGNET_FIELD_ORIGINAL_COUNT, g_strdup_printf ("%u", original->originals));
  append_field (fields, SIGNET_FIELD_ORIGINAL_COPIES, g_strdup_printf ("%u", original->copies));
  append_field (fields, SIGNET_FIELD_ORIGINAL_ARCHIVED_BY, g_strdup (archived_by));
  append_field (fields, SIGNET_FIELD_ORIGINAL_ARCHIVED_ON, g_strdup (original->archived_on));
  append_field (fields, SIGNET_FIELD_ORIGINAL_NOTE, g_strdup (original->note));

  return fields;
}

/* Refuses @archive_number when another contract's original has it,
 * naming that contract. */
static gboolean
check_archive_number (SignetStore  *self,
                      gint64        contract_id,
                      const char   *archive_number,
                      GError      **error)
{
  SignetDbStmt *stmt;
  g_autofree char *other = NULL;
  gboolean taken = FALSE;
  int rc;

  if (archive_number == NULL)
    return TRUE;

  if (!(stmt = _signet_store_statement (self,
                                        "SELECT c.number FROM originals o LEFT JOIN contracts c ON c.id = o.contract_id "
                                        "WHERE o.archive_number = ? AND o.contract_id <> ?", error)))
    return FALSE;

  signet_db_bind_static_text (stmt, 1, archive_number);
  signet_db_bind_int64 (stmt, 2, contract_id);
  rc = signet_db_step (stmt);
  if (rc == SIGNET_DB_ROW)
    {
      taken = TRUE;
      other = _signet_store_dup_text (stmt, 0);
    }
  signet_db_reset (stmt);
  if (rc != SIGNET_DB_ROW && rc != SIGNET_DB_DONE)
    return _signet_store_set_error (self, rc, error);

  if (!taken)
    return TRUE;

  if (other == NULL)
    return _signet_set_field_error (error, SIGNET_FIELD_ORIGINAL_ARCHIVE_NUMBER,
                                    _("The archive number %s belongs to the original of a deleted contract."),
                                    archive_number);

  return _signet_set_field_error (error, SIGNET_FIELD_ORIGINAL_ARCHIVE_NUMBER,
                                  _("The archive number %s is already that of the original of %s."),
                                  archive_number, other);
}

typedef struct
{
  gint64      contract_id;
  const char *archive_number;
} ArchiveKey;

static gboolean
check_archive_key (SignetStore    *self,
                   gconstpointer   data,
                   GError        **error)
{
  const ArchiveKey *key = data;

  return check_archive_number (self, key->contract_id, key->archive_number, error);
}

gboolean
signet_store_save_original (SignetStore     *self,
                            SignetOriginal  *original,
                            GError         **error)
{
  g_auto(SignetWriteScope) scope = { 0 };
  g_autoptr(SignetOriginal) before = NULL;
  g_autoptr(FieldList) before_fields = NULL;
  g_autoptr(FieldList) after_fields = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *number = NULL;
  g_autofree char *archive_number = NULL;
  g_autofree char *archived_by = NULL;
  SignetDbStmt *stmt;

  g_return_val_if_fail (SIGNET_IS_STORE (self), FALSE);
  g_return_val_if_fail (original != NULL, FALSE);

  archive_number = _signet_strdup_trimmed (original->archive_number);
  if (archive_number != NULL && *archive_number == '\0')
    g_clear_pointer (&archive_number, g_free);

  if (!_signet_check_length (archive_number, SIGNET_STORE_MAX_KEY_CHARS, SIGNET_FIELD_ORIGINAL_ARCHIVE_NUMBER, error) ||
      !_signet_check_length (original->room, SIGNET_STORE_MAX_KEY_CHARS, SIGNET_FIELD_ORIGINAL_ROOM, error) ||
      !_signet_check_length (original->cabinet, SIGNET_STORE_MAX_KEY_CHARS, SIGNET_FIELD_ORIGINAL_CABINET, error) ||
      !_signet_check_length (original->shelf, SIGNET_STORE_MAX_KEY_CHARS, SIGNET_FIELD_ORIGINAL_SHELF, error) ||
      !_signet_check_length (original->box, SIGNET_STORE_MAX_KEY_CHARS, SIGNET_FIELD_ORIGINAL_BOX, error) ||
      !validate_date (original->archived_on, FALSE, SIGNET_FIELD_ORIGINAL_ARCHIVED_ON, error))
    return FALSE;

  if (original->originals == 0 && original->copies == 0)
    return _signet_set_field_error (error, SIGNET_FIELD_ORIGINAL_COUNT,
                                    _("Enter how many originals or copies the archive holds."));

  if (!_signet_write_scope_begin (&scope, self, error))
    return FALSE;

  if (!(number = lookup_contract_number (self, original->contract_id, error)) ||
      !_signet_store_lock_row (self, "SELECT contract_id FROM originals WHERE contract_id = ?1 FOR UPDATE",
                               original->contract_id, error))
    return FALSE;

  if (!(before = signet_store_get_original (self, original->contract_id, &local_error)) && local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  if ((before == NULL && original->version != 0) ||
      (before != NULL && before->version != original->version))
    {
      g_set_error (error, SIGNET_STORE_ERROR, SIGNET_STORE_ERROR_CONFLICT,
                   before == NULL
                     ? _("The original of %s is no longer recorded; it was changed elsewhere.")
                     : _("The original of %s was changed elsewhere meanwhile."),
                   number);
      return FALSE;
    }

  if (original->archived_by_id > 0 &&
      !(archived_by = _signet_store_dup_person_name (self, original->archived_by_id, SIGNET_FIELD_ORIGINAL_ARCHIVED_BY,
                                                           _("That person is no longer in People; choose another."), error)))
    return FALSE;

  if (!check_archive_number (self, original->contract_id, archive_number, error))
    return FALSE;

  /* A first original has no row to lock: on a server two forms that
   * found none both get here. The second's insert waits for the first's
   * key and then adds nothing, which is the conflict. (Locking the
   * contract's row instead would take the right to change contracts,
   * which an archivist, who records originals, does not have.) */
  if (before == NULL)
    stmt = _signet_store_statement (self,
                                    "INSERT INTO originals (archive_number, room, cabinet, shelf, box, originals, "
                                    "copies, archived_by_id, archived_on, note, contract_id, version) "
                                    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, 1) "
                                    "ON CONFLICT (contract_id) DO NOTHING", error);
  else
    stmt = _signet_store_statement (self,
                                    "UPDATE originals SET archive_number = ?1, room = ?2, cabinet = ?3, shelf = ?4, "
                                    "box = ?5, originals = ?6, copies = ?7, archived_by_id = ?8, archived_on = ?9, "
                                    "note = ?10, version = version + 1 WHERE contract_id = ?11", error);
  if (stmt == NULL)
    return FALSE;

  {
    ArchiveKey key = { original->contract_id, archive_number };
    g_autofree char *room = _signet_strdup_trimmed (original->room);
    g_autofree char *cabinet = _signet_strdup_trimmed (original->cabinet);
    g_autofree char *shelf = _signet_strdup_trimmed (original->shelf);
    g_autofree char *box = _signet_strdup_trimmed (original->box);

    _signet_store_bind_text (stmt, 1, archive_number);
    _signet_store_bind_text (stmt, 2, room);
    _signet_store_bind_text (stmt, 3, cabinet);
    _signet_store_bind_text (stmt, 4, shelf);
    _signet_store_bind_text (stmt, 5, box);
    signet_db_bind_int (stmt, 6, original->originals);
    signet_db_bind_int (stmt, 7, original->copies);
    if (original->archived_by_id > 0)
      signet_db_bind_int64 (stmt, 8, original->archived_by_id);
    _signet_store_bind_text (stmt, 9, original->archived_on);
    _signet_store_bind_text (stmt, 10, original->note);
    signet_db_bind_int64 (stmt, 11, original->contract_id);

    if (!_signet_store_step_keyed (self, stmt, check_archive_key, &key, error))
      return FALSE;
  }

  if (signet_db_changes (self->db) == 0)
    {
      g_set_error (error, SIGNET_STORE_ERROR, SIGNET_STORE_ERROR_CONFLICT,
                   _("The original of %s was changed elsewhere meanwhile."), number);
      return FALSE;
    }

  before_fields = before != NULL ? original_to_fields (before, before->archived_by) : NULL;
  after_fields = original_to_fields (original, archived_by);
  if (!_signet_write_scope_audit (&scope,
                                  before == NULL ? SIGNET_AUDIT_ACTION_ARCHIVE_ORIGINAL : SIGNET_AUDIT_ACTION_UPDATE_ORIGINAL,
                                  SIGNET_RECORD_CONTRACT, original->contract_id, number,
                                  before_fields, after_fields, error) ||
      !_signet_write_scope_commit (&scope, error))
    return FALSE;

  original->version = before != NULL ? before->version + 1 : 1;
  g_free (original->archived_by);
  original->archived_by = g_steal_pointer (&archived_by);

  return TRUE;
}

static FieldList *
loan_to_fields (const SignetLoan *loan,
                const char       *borrower,
                gboolean          with_return)
{
  FieldList *fields = g_array_new (FALSE, FALSE, sizeof (FieldText));

  append_field (fields, SIGNET_FIELD_LOAN_BORROWER, g_strdup (borrower));
  if (!with_return)
    {
      append_field (fields, SIGNET_FIELD_LOAN_DEPARTMENT, _signet_strdup_trimmed (loan->department));
      append_field (fields, SIGNET_FIELD_LOAN_PURPOSE, _signet_strdup_trimmed (loan->purpose));
      append_field (fields, SIGNET_FIELD_LOAN_LENT_ON, g_strdup (loan->lent_on));
      append_field (fields, SIGNET_FIELD_LOAN_DUE_ON, g_strdup (loan->due_on));
    }
  if (with_return || loan->returned_on != NULL)
    {
      append_field (fields, SIGNET_FIELD_LOAN_RETURNED_ON, g_strdup (loan->returned_on));
      append_field (fields, SIGNET_FIELD_LOAN_CONDITION,
                    loan->condition_note != NULL && *loan->condition_note != '\0'
                      ? g_strdup_printf ("%s: %s", signet_loan_condition_to_label (loan->condition), loan->condition_note)
                      : g_strdup (signet_loan_condition_to_label (loan->condition)));
    }

  return fields;
}

/* The refusal of a second loan: the open one's borrower and dates. */
static gboolean
check_not_on_loan (SignetStore  *self,
                   gint64        contract_id,
                   const char   *number,
                   GError      **error)
{
  g_autoptr(SignetLoan) open = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *since = NULL;
  g_autofree char *due = NULL;

  if (!(open = signet_store_get_open_loan (self, contract_id, &local_error)))
    {
      if (local_error == NULL)
        return TRUE;
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  since = signet_date_format_display (open->lent_on);
  due = signet_date_format_display (open->due_on);
  g_set_error (error, SIGNET_STORE_ERROR, SIGNET_STORE_ERROR_IN_USE,
               /* Translators: the original of HT-2026-0001 is on loan to 王芳
                * since 2026-11-02, due 2026-11-16. */
               _("The original of %s is on loan to %s since %s, due %s. Record its return first."),
               number, open->borrower != NULL ? open->borrower : _("someone no longer in People"), since, due);

  return FALSE;
}

gboolean
signet_store_add_loan (SignetStore  *self,
                       SignetLoan   *loan,
                       GError      **error)
{
  g_auto(SignetWriteScope) scope = { 0 };
  g_autoptr(SignetOriginal) original = NULL;
  g_autoptr(FieldList) fields = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *number = NULL;
  g_autofree char *borrower = NULL;
  g_autofree char *uuid = NULL;
  g_autofree char *department = NULL;
  g_autofree char *purpose = NULL;
  g_autofree char *condition = NULL;
  const char *lent_by;
  const char *returned_by = NULL;
  SignetDbStmt *stmt;
  gint64 id;

  g_return_val_if_fail (SIGNET_IS_STORE (self), FALSE);
  g_return_val_if_fail (loan != NULL, FALSE);

  purpose = _signet_strdup_trimmed (loan->purpose);
  department = _signet_strdup_trimmed (loan->department);

  if (loan->borrower_id <= 0)
    return _signet_set_field_error (error, SIGNET_FIELD_LOAN_BORROWER, _("Choose who borrows the original."));
  if (_signet_is_blank (purpose))
    return _signet_set_field_error (error, SIGNET_FIELD_LOAN_PURPOSE, _("Enter what the original is borrowed for."));
  if (!_signet_check_length (purpose, SIGNET_STORE_MAX_TITLE_CHARS, SIGNET_FIELD_LOAN_PURPOSE, error) ||
      !_signet_check_length (department, SIGNET_STORE_MAX_KEY_CHARS, SIGNET_FIELD_LOAN_DEPARTMENT, error) ||
      !validate_date (loan->lent_on, TRUE, SIGNET_FIELD_LOAN_LENT_ON, error) ||
      !validate_date (loan->due_on, TRUE, SIGNET_FIELD_LOAN_DUE_ON, error) ||
      !validate_date (loan->returned_on, FALSE, SIGNET_FIELD_LOAN_RETURNED_ON, error))
    return FALSE;

  if (g_strcmp0 (loan->due_on, loan->lent_on) < 0)
    return _signet_set_field_error (error, SIGNET_FIELD_LOAN_DUE_ON,
                                    _("The due date cannot be before the day the original is lent."));
  if (loan->returned_on != NULL && g_strcmp0 (loan->returned_on, loan->lent_on) < 0)
    return _signet_set_field_error (error, SIGNET_FIELD_LOAN_RETURNED_ON,
                                    _("The original cannot come back before the day it was lent."));

  if (!_signet_write_scope_begin (&scope, self, error))
    return FALSE;

  /* Locked, so that of two lendings at once the second finds the first's
   * loan out rather than the server refusing a second open loan. */
  if (!(number = lookup_contract_number (self, loan->contract_id, error)) ||
      !_signet_store_lock_row (self, "SELECT contract_id FROM originals WHERE contract_id = ?1 FOR UPDATE",
                               loan->contract_id, error))
    return FALSE;

  /* The archive number and location are where the original goes back
   * to, and what the archive view and a borrower are told. */
  if (!(original = signet_store_get_original (self, loan->contract_id, &local_error)))
    {
      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      g_set_error (error, SIGNET_STORE_ERROR, SIGNET_STORE_ERROR_NOT_FOUND,
                   _("No paper original of %s is recorded: record it before lending it."), number);
      return FALSE;
    }

  if (loan->returned_on == NULL && !check_not_on_loan (self, loan->contract_id, number, error))
    return FALSE;

  if (!(borrower = _signet_store_dup_person_name (self, loan->borrower_id, SIGNET_FIELD_LOAN_BORROWER,
                                                       _("That person is no longer in People; choose another."), error)) ||
      !(uuid = _signet_store_claim_uuid (self, "loans", loan->uuid, error)))
    return FALSE;

  lent_by = !_signet_is_blank (loan->lent_by) ? loan->lent_by : _signet_store_person_name (self);
  if (loan->returned_on != NULL)
    {
      returned_by = !_signet_is_blank (loan->returned_by) ? loan->returned_by : _signet_store_person_name (self);
      condition = signet_loan_condition_to_text (loan->condition != SIGNET_LOAN_CONDITION_NONE
                                                   ? loan->condition : SIGNET_LOAN_CONDITION_INTACT,
                                                 loan->condition_note);
    }

  if (!(stmt = _signet_store_statement (self,
                                        "INSERT INTO loans (uuid, contract_id, borrower_id, department, purpose, "
                                        "lent_on, due_on, returned_on, return_condition, lent_by, returned_by) "
                                        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", error)))
    return FALSE;

  signet_db_bind_static_text (stmt, 1, uuid);
  signet_db_bind_int64 (stmt, 2, loan->contract_id);
  signet_db_bind_int64 (stmt, 3, loan->borrower_id);
  _signet_store_bind_text (stmt, 4, department);
  _signet_store_bind_text (stmt, 5, purpose);
  _signet_store_bind_text (stmt, 6, loan->lent_on);
  _signet_store_bind_text (stmt, 7, loan->due_on);
  _signet_store_bind_text (stmt, 8, loan->returned_on);
  _signet_store_bind_text (stmt, 9, condition);
  _signet_store_bind_text (stmt, 10, lent_by);
  _signet_store_bind_text (stmt, 11, returned_by);
  if (!_signet_store_step_done (self, stmt, error))
    return FALSE;
  id = signet_db_last_insert_id (self->db);

  fields = loan_to_fields (loan, borrower, FALSE);
  if (!_signet_write_scope_audit (&scope, SIGNET_AUDIT_ACTION_LEND_ORIGINAL, SIGNET_RECORD_CONTRACT,
                                  loan->contract_id, number, NULL, fields, error) ||
      !_signet_store_events_refresh_contract (self, loan->contract_id, error) ||
      !_signet_write_scope_commit (&scope, error))
    return FALSE;

  loan->id = id;
  g_free (loan->uuid);
  loan->uuid = g_steal_pointer (&uuid);
  g_free (loan->borrower);
  loan->borrower = g_steal_pointer (&borrower);
  if (loan->lent_by != lent_by)
    {
      g_free (loan->lent_by);
      loan->lent_by = g_strdup (lent_by);
    }

  return TRUE;
}

gboolean
signet_store_return_loan (SignetStore          *self,
                          gint64                loan_id,
                          const char           *returned_on,
                          SignetLoanCondition   condition,
                          const char           *note,
                          GError              **error)
{
  g_auto(SignetWriteScope) scope = { 0 };
  g_autoptr(GPtrArray) loans = NULL;
  g_autoptr(FieldList) before_fields = NULL;
  g_autoptr(FieldList) after_fields = NULL;
  g_autofree char *number = NULL;
  g_autofree char *text = NULL;
  SignetLoan *loan;
  SignetDbStmt *stmt;

  g_return_val_if_fail (SIGNET_IS_STORE (self), FALSE);

  if (!validate_date (returned_on, TRUE, SIGNET_FIELD_LOAN_RETURNED_ON, error))
    return FALSE;
  if (condition == SIGNET_LOAN_CONDITION_NONE)
    return _signet_set_field_error (error, SIGNET_FIELD_LOAN_CONDITION, _("Choose the condition it came back in."));
  if (condition == SIGNET_LOAN_CONDITION_DAMAGED && _signet_is_blank (note))
    return _signet_set_field_error (error, SIGNET_FIELD_LOAN_CONDITION, _("Describe the damage."));

  if (!_signet_write_scope_begin (&scope, self, error) ||
      !_signet_store_lock_row (self, "SELECT id FROM loans WHERE id = ?1 FOR UPDATE", loan_id, error) ||
      !(loans = list_loans_where (self, "SELECT " LOAN_COLUMNS " FROM " LOAN_FROM " WHERE l.id = ?", loan_id, error)))
    return FALSE;
  if (loans->len == 0)
    {
      g_set_error (error, SIGNET_STORE_ERROR, SIGNET_STORE_ERROR_NOT_FOUND,
                   _("The loan no longer exists; it may have been deleted."));
      return FALSE;
    }
  loan = g_ptr_array_index (loans, 0);

  if (!(number = lookup_contract_number (self, loan->contract_id, error)))
    return FALSE;

  if (loan->returned_on != NULL)
    {
      g_autofree char *on = signet_date_format_display (loan->returned_on);

      g_set_error (error, SIGNET_STORE_ERROR, SIGNET_STORE_ERROR_CONFLICT,
                   _("The original of %s was already returned on %s."), number, on);
      return FALSE;
    }

  if (g_strcmp0 (returned_on, loan->lent_on) < 0)
    {
      g_autofree char *lent = signet_date_format_display (loan->lent_on);

      return _signet_set_field_error (error, SIGNET_FIELD_LOAN_RETURNED_ON,
                                      _("The original cannot come back before the day it was lent, %s."), lent);
    }

  text = signet_loan_condition_to_text (condition, note);
  if (!(stmt = _signet_store_statement (self,
                                        "UPDATE loans SET returned_on = ?, return_condition = ?, returned_by = ? "
                                        "WHERE id = ? AND returned_on IS NULL", error)))
    return FALSE;

  _signet_store_bind_text (stmt, 1, returned_on);
  _signet_store_bind_text (stmt, 2, text);
  _signet_store_bind_text (stmt, 3, _signet_store_person_name (self));
  signet_db_bind_int64 (stmt, 4, loan_id);
  if (!_signet_store_step_done (self, stmt, error))
    return FALSE;

  /* The borrower is named in the entry, as who returned it (the History
   * says "Returned by 王芳"): not a change, so not in the before. */
  before_fields = loan_to_fields (loan, NULL, TRUE);
  loan->returned_on = g_strdup (returned_on);
  loan->condition = condition;
  loan->condition_note = g_strdup (note);
  after_fields = loan_to_fields (loan, loan->borrower, TRUE);

  return _signet_write_scope_audit (&scope, SIGNET_AUDIT_ACTION_RETURN_ORIGINAL, SIGNET_RECORD_CONTRACT,
                                    loan->contract_id, number, before_fields, after_fields, error) &&
         _signet_store_events_refresh_contract (self, loan->contract_id, error) &&
         _signet_write_scope_commit (&scope, error);
}

/* The record of an original recorded on the wrong contract goes, kept
 * whole in the tombstone, while it has never been lent: a loan's history
 * needs the original it was of. */
SignetTombstone *
_signet_store_delete_original (SignetStore  *self,
                               gint64        contract_id,
                               GError      **error)
{
  g_auto(SignetWriteScope) scope = { 0 };
  g_autoptr(SignetOriginal) original = NULL;
  g_autoptr(SignetTombstone) tombstone = NULL;
  g_autoptr(GPtrArray) loans = NULL;
  g_autoptr(FieldList) fields = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *number = NULL;
  SignetDbStmt *stmt;

  /* Locked, as a lending and a save lock it: a loan being added or a save
   * is then seen, before the record goes into its tombstone. */
  if (!_signet_write_scope_begin (&scope, self, error) ||
      !(number = lookup_contract_number (self, contract_id, error)) ||
      !_signet_store_lock_row (self, "SELECT contract_id FROM originals WHERE contract_id = ?1 FOR UPDATE",
                               contract_id, error))
    return NULL;

  if (!(original = signet_store_get_original (self, contract_id, &local_error)))
    {
      if (local_error != NULL)
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        g_set_error (error, SIGNET_STORE_ERROR, SIGNET_STORE_ERROR_NOT_FOUND,
                     _("No paper original of %s is recorded."), number);
      return NULL;
    }

  if (!(loans = signet_store_list_loans (self, contract_id, error)))
    return NULL;
  if (loans->len > 0)
    {
      g_set_error (error, SIGNET_STORE_ERROR, SIGNET_STORE_ERROR_IN_USE,
                   _("The original of %s has been lent: its record stays with its lending history."), number);
      return NULL;
    }

  tombstone = _signet_tombstone_new (SIGNET_TOMBSTONE_ORIGINAL, contract_id, contract_id, number);
  if (!_signet_store_keep_rows (self, tombstone, "originals", "contract_id = ?1", contract_id, error) ||
      !(stmt = _signet_store_statement (self, "DELETE FROM originals WHERE contract_id = ?", error)))
    return NULL;

  signet_db_bind_int64 (stmt, 1, contract_id);
  if (!_signet_store_step_done (self, stmt, error))
    return NULL;

  fields = original_to_fields (original, original->archived_by);
  if (!_signet_write_scope_audit (&scope, SIGNET_AUDIT_ACTION_DELETE_ORIGINAL, SIGNET_RECORD_CONTRACT,
                                  contract_id, number, fields, NULL, error) ||
      !_signet_write_scope_commit (&scope, error))
    return NULL;

  return g_steal_pointer (&tombstone);
}

gboolean
_signet_store_restore_original (SignetWriteScope  *scope,
                                SignetTombstone   *tombstone,
                                GError           **error)
{
  SignetStore *self = scope->store;
  gint64 contract_id = signet_tombstone_get_contract_id (tombstone);
  SignetDbValue *kept = _signet_tombstone_get_value (tombstone, "originals", "archive_number");
  const char *archive_number = kept != NULL ? signet_db_value_text (kept) : NULL;
  g_autoptr(SignetOriginal) restored = NULL;
  g_autoptr(FieldList) fields = NULL;
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
                   _("The original of %s cannot be restored: its contract has been deleted."),
                   signet_tombstone_get_label (tombstone));
      return FALSE;
    }

  if ((restored = signet_store_get_original (self, contract_id, &local_error)) != NULL || local_error != NULL)
    {
      if (local_error != NULL)
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        g_set_error (error, SIGNET_STORE_ERROR, SIGNET_STORE_ERROR_CONFLICT,
                     _("An original of %s is recorded already."), number);
      return FALSE;
    }

  if (!check_archive_number (self, contract_id, archive_number, error) ||
      !_signet_store_insert_kept_rows (self, tombstone, error) ||
      !(restored = signet_store_get_original (self, contract_id, error)))
    return FALSE;

  fields = original_to_fields (restored, restored->archived_by);

  return _signet_write_scope_audit (scope, SIGNET_AUDIT_ACTION_RESTORE_ORIGINAL, SIGNET_RECORD_CONTRACT,
                                    contract_id, number, NULL, fields, error);
}

/* The loan @id with its borrower's name; NULL with NOT_FOUND when it is
 * gone. */
static SignetLoan *
lookup_loan (SignetStore  *self,
             gint64        id,
             GError      **error)
{
  g_autoptr(GPtrArray) loans = NULL;

  if (!(loans = list_loans_where (self, "SELECT " LOAN_COLUMNS " FROM " LOAN_FROM " WHERE l.id = ?", id, error)))
    return NULL;
  if (loans->len == 0)
    {
      g_set_error (error, SIGNET_STORE_ERROR, SIGNET_STORE_ERROR_NOT_FOUND,
                   _("The loan no longer exists; it may have been deleted."));
      return NULL;
    }

  return g_ptr_array_steal_index (loans, 0);
}

/* What names a loan in its toast and Undo: its borrower. */
static const char *
loan_label (const SignetLoan *loan)
{
  return loan->borrower != NULL ? loan->borrower : _("someone no longer in People");
}

/* A loan recorded by mistake goes, kept whole in the tombstone; an open
 * one puts the original back in the archive. */
SignetTombstone *
_signet_store_delete_loan (SignetStore  *self,
                           gint64        id,
                           GError      **error)
{
  g_auto(SignetWriteScope) scope = { 0 };
  g_autoptr(SignetLoan) loan = NULL;
  g_autoptr(SignetTombstone) tombstone = NULL;
  g_autoptr(FieldList) fields = NULL;
  g_autofree char *number = NULL;
  SignetDbStmt *stmt;

  if (!_signet_write_scope_begin (&scope, self, error) ||
      !(loan = lookup_loan (self, id, error)) ||
      !(number = lookup_contract_number (self, loan->contract_id, error)))
    return NULL;

  tombstone = _signet_tombstone_new (SIGNET_TOMBSTONE_LOAN, id, loan->contract_id, loan_label (loan));
  if (!_signet_store_keep_rows (self, tombstone, "loans", "id = ?1", id, error) ||
      !(stmt = _signet_store_statement (self, "DELETE FROM loans WHERE id = ?", error)))
    return NULL;

  signet_db_bind_int64 (stmt, 1, id);
  if (!_signet_store_step_done (self, stmt, error))
    return NULL;

  fields = loan_to_fields (loan, loan->borrower, FALSE);
  if (!_signet_write_scope_audit (&scope, SIGNET_AUDIT_ACTION_DELETE_LOAN, SIGNET_RECORD_CONTRACT,
                                  loan->contract_id, number, fields, NULL, error) ||
      !_signet_store_events_refresh_contract (self, loan->contract_id, error) ||
      !_signet_write_scope_commit (&scope, error))
    return NULL;

  return g_steal_pointer (&tombstone);
}

gboolean
_signet_store_restore_loan (SignetWriteScope  *scope,
                            SignetTombstone   *tombstone,
                            GError           **error)
{
  SignetStore *self = scope->store;
  gint64 id = signet_tombstone_get_id (tombstone);
  gint64 contract_id = signet_tombstone_get_contract_id (tombstone);
  SignetDbValue *returned_on = _signet_tombstone_get_value (tombstone, "loans", "returned_on");
  g_autoptr(SignetLoan) restored = NULL;
  g_autoptr(FieldList) fields = NULL;
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
                   _("The loan to %s cannot be restored: its contract has been deleted."),
                   signet_tombstone_get_label (tombstone));
      return FALSE;
    }

  if ((restored = lookup_loan (self, id, NULL)) != NULL)
    {
      g_set_error (error, SIGNET_STORE_ERROR, SIGNET_STORE_ERROR_CONFLICT,
                   _("The loan to %s is in the register already."), signet_tombstone_get_label (tombstone));
      return FALSE;
    }

  /* A loan out comes back only while the original is in the archive:
   * it cannot be out twice. */
  if ((returned_on == NULL || signet_db_value_text (returned_on) == NULL) &&
      !check_not_on_loan (self, contract_id, number, error))
    return FALSE;

  if (!_signet_store_keep_uuid (self, tombstone, "loans", error) ||
      !_signet_store_insert_kept_rows (self, tombstone, error) ||
      !(restored = lookup_loan (self, id, error)))
    return FALSE;

  fields = loan_to_fields (restored, restored->borrower, FALSE);

  return _signet_write_scope_audit (scope, SIGNET_AUDIT_ACTION_RESTORE_LOAN, SIGNET_RECORD_CONTRACT,
                                    contract_id, number, NULL, fields, error) &&
         _signet_store_events_refresh_contract (self, contract_id, error);
}

static GHashTable *
query_id_set (SignetStore  *self,
              const char   *sql,
              GError      **error)
{
  g_autoptr(GHashTable) set = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  SignetDbStmt *stmt;
  int rc;

  if (!(stmt = _signet_store_statement (self, sql, error)))
    return NULL;

  while ((rc = signet_db_step (stmt)) == SIGNET_DB_ROW)
    {
      gint64 *id = g_new (gint64, 1);

      *id = signet_db_column_int64 (stmt, 0);
      g_hash_table_add (set, id);
    }
  signet_db_reset (stmt);

  if (rc != SIGNET_DB_DONE)
    {
      _signet_store_set_error (self, rc, error);
      return NULL;
    }

  return g_steal_pointer (&set);
}

GHashTable *
signet_store_dup_on_loan_ids (SignetStore  *self,
                              GError      **error)
{
  g_return_val_if_fail (SIGNET_IS_STORE (self), NULL);

  /* The partial index loans_due holds exactly the loans out. */
  return query_id_set (self, "SELECT contract_id FROM loans INDEXED BY loans_due WHERE returned_on IS NULL", error);
}

gboolean
signet_store_contract_is_on_loan (SignetStore *self,
                                  gint64       contract_id)
{
  SignetDbStmt *stmt;
  int rc;

  g_return_val_if_fail (SIGNET_IS_STORE (self), FALSE);

  /* One probe of the partial unique index loans_open, for each row the
   * list binds. */
  if (!(stmt = _signet_store_statement (self, "SELECT 1 FROM loans WHERE contract_id = ? AND returned_on IS NULL", NULL)))
    return FALSE;

  signet_db_bind_int64 (stmt, 1, contract_id);
  rc = signet_db_step (stmt);
  signet_db_reset (stmt);

  return rc == SIGNET_DB_ROW;
}
