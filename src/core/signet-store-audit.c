/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "signet-store"

#include "config.h"

#include <time.h>

#include <glib/gi18n.h>

#include "signet-date.h"
#include "signet-money.h"
#include "signet-store-attachments.h"
#include "signet-store-private.h"

void
_signet_field_list_free (GArray *array)
{
  for (guint i = 0; i < array->len; i++)
    g_free (g_array_index (array, FieldText, i).owned);
  g_array_unref (array);
}

const char *
_signet_record_kind_to_token (SignetRecordKind kind)
{
  switch (kind)
    {
    case SIGNET_RECORD_CLIENT: return "client";
    case SIGNET_RECORD_PERSON: return "person";
    case SIGNET_RECORD_CONTRACT_TYPE: return "contract-type";
    case SIGNET_RECORD_APPROVAL_ROUTE: return "approval-route";
    case SIGNET_RECORD_EXCHANGE_RATE: return "exchange-rate";
    case SIGNET_RECORD_SAVED_VIEW: return "saved-view";
    case SIGNET_RECORD_CONTRACT:
    default:                   return "contract";
    }
}

SignetRecordKind
_signet_record_kind_from_token (const char *token)
{
  if (g_strcmp0 (token, "client") == 0)
    return SIGNET_RECORD_CLIENT;
  if (g_strcmp0 (token, "person") == 0)
    return SIGNET_RECORD_PERSON;

  if (g_strcmp0 (token, "contract-type") == 0)
    return SIGNET_RECORD_CONTRACT_TYPE;
  if (g_strcmp0 (token, "approval-route") == 0)
    return SIGNET_RECORD_APPROVAL_ROUTE;
  if (g_strcmp0 (token, "exchange-rate") == 0)
    return SIGNET_RECORD_EXCHANGE_RATE;
  if (g_strcmp0 (token, "saved-view") == 0)
    return SIGNET_RECORD_SAVED_VIEW;
  return SIGNET_RECORD_CONTRACT;
}

/* @text belongs to the record, which outlives the list. */
static void
add_field (GArray      *array,
           SignetField  field,
           const char  *text)
{
  FieldText ft = { field, text != NULL && *text != '\0' ? text : NULL, NULL };

  g_array_append_val (array, ft);
}

static void
add_owned_field (GArray      *array,
                 SignetField  field,
                 char        *text)
{
  FieldText ft = { field, text, text };

  if (ft.text != NULL && *ft.text == '\0')
    {
      g_clear_pointer (&ft.owned, g_free);
      ft.text = NULL;
    }

  g_array_append_val (array, ft);
}

GArray *
_signet_contract_to_fields (SignetContract *contract)
{
  GArray *a = g_array_sized_new (FALSE, FALSE, sizeof (FieldText), 16);

  add_field (a, SIGNET_FIELD_CONTRACT_NUMBER, signet_contract_get_number (contract));
  add_field (a, SIGNET_FIELD_CONTRACT_TITLE, signet_contract_get_title (contract));
  add_owned_field (a, SIGNET_FIELD_CONTRACT_CLIENT,
                   g_strdup_printf ("%" G_GINT64_FORMAT, signet_contract_get_client_id (contract)));
  add_field (a, SIGNET_FIELD_CONTRACT_TYPE, signet_contract_get_contract_type (contract));
  add_field (a, SIGNET_FIELD_CONTRACT_OWNER, signet_contract_get_owner (contract));
  add_field (a, SIGNET_FIELD_CONTRACT_DEPARTMENT, signet_contract_get_department (contract));
  add_owned_field (a, SIGNET_FIELD_CONTRACT_VALUE,
                   signet_money_to_decimal (signet_contract_get_value (contract),
                                            signet_contract_get_currency (contract)));
  add_field (a, SIGNET_FIELD_CONTRACT_CURRENCY, signet_contract_get_currency (contract));
  add_field (a, SIGNET_FIELD_CONTRACT_SIGNING_DATE, signet_contract_get_signing_date (contract));
  add_field (a, SIGNET_FIELD_CONTRACT_START_DATE, signet_contract_get_start_date (contract));
  add_field (a, SIGNET_FIELD_CONTRACT_END_DATE, signet_contract_get_end_date (contract));
  add_owned_field (a, SIGNET_FIELD_CONTRACT_NOTICE_DAYS,
                   signet_contract_get_auto_renew (contract)
                     ? g_strdup_printf ("auto-renew, %u", signet_contract_get_notice_days (contract))
                     : g_strdup_printf ("%u", signet_contract_get_notice_days (contract)));
  add_field (a, SIGNET_FIELD_CONTRACT_STATUS,
             signet_contract_status_to_token (signet_contract_get_status (contract)));
  add_field (a, SIGNET_FIELD_CONTRACT_RISK_LEVEL,
             signet_risk_level_to_token (signet_contract_get_risk_level (contract)));
  add_field (a, SIGNET_FIELD_CONTRACT_TAGS, signet_contract_get_tags (contract));
  add_field (a, SIGNET_FIELD_CONTRACT_NOTES, signet_contract_get_notes (contract));
  add_field (a, SIGNET_FIELD_CONTRACT_CONFIDENTIAL, signet_contract_get_confidential (contract) ? "yes" : NULL);

  return a;
}

GArray *
_signet_client_to_fields (SignetClient *client)
{
  GArray *a = g_array_sized_new (FALSE, FALSE, sizeof (FieldText), 8);

  add_field (a, SIGNET_FIELD_CLIENT_NAME, signet_client_get_name (client));
  add_field (a, SIGNET_FIELD_CLIENT_CODE, signet_client_get_code (client));
  add_field (a, SIGNET_FIELD_CLIENT_CONTACT, signet_client_get_contact (client));
  add_field (a, SIGNET_FIELD_CLIENT_PHONE, signet_client_get_phone (client));
  add_field (a, SIGNET_FIELD_CLIENT_EMAIL, signet_client_get_email (client));
  add_field (a, SIGNET_FIELD_CLIENT_ADDRESS, signet_client_get_address (client));
  add_field (a, SIGNET_FIELD_CLIENT_NOTES, signet_client_get_notes (client));

  return a;
}

GArray *
_signet_person_to_fields (SignetPerson *person)
{
  GArray *a = g_array_sized_new (FALSE, FALSE, sizeof (FieldText), 4);

  add_field (a, SIGNET_FIELD_PERSON_NAME, signet_person_get_name (person));
  add_field (a, SIGNET_FIELD_PERSON_DEPARTMENT, signet_person_get_department (person));
  add_field (a, SIGNET_FIELD_PERSON_ROLE, signet_person_get_role (person));
  add_field (a, SIGNET_FIELD_PERSON_EMAIL, signet_person_get_email (person));

  return a;
}

/* Appends @text to @json as a JSON string, or null. */
static void
append_json_string (GString    *json,
                    const char *text)
{
  if (text == NULL)
    {
      g_string_append (json, "null");
      return;
    }

  g_string_append_c (json, '"');
  for (const char *p = text; *p != '\0';)
    {
      const char *run = p;
      guchar c;

      /* The characters that need no escape, appended at once. */
      while ((c = (guchar) *p) >= 0x20 && c != '"' && c != '\\')
        p++;
      g_string_append_len (json, run, p - run);

      if (c == '\0')
        break;

      if (c == '"' || c == '\\')
        {
          g_string_append_c (json, '\\');
          g_string_append_c (json, (char) c);
        }
      else
        g_string_append_printf (json, "\\u%04x", c);
      p++;
    }
  g_string_append_c (json, '"');
}

static void
append_change (GString    *json,
               const char *field,
               const char *old_text,
               const char *new_text)
{
  if (json->len > 1)
    g_string_append_c (json, ',');
  g_string_append_c (json, '[');
  append_json_string (json, field);
  g_string_append_c (json, ',');
  append_json_string (json, old_text);
  g_string_append_c (json, ',');
  append_json_string (json, new_text);
  g_string_append_c (json, ']');
}

/* @unix_ms in UTC to the millisecond, as 2026-11-27T05:54:59.278Z, the
 * form every time the store writes takes. */
static void
format_time (gint64  unix_ms,
             char   *buffer,
             gsize   size)
{
  time_t seconds = (time_t) (unix_ms / 1000);
  struct tm utc;

  gmtime_r (&seconds, &utc);
  strftime (buffer, size, "%Y-%m-%dT%H:%M:%S", &utc);
  g_snprintf (buffer + 19, size - 19, ".%03dZ", (int) (unix_ms % 1000));
}

char *
_signet_store_timestamp_now (void)
{
  char text[32];

  format_time (g_get_real_time () / 1000, text, sizeof text);

  return g_strdup (text);
}

char *
_signet_store_clean_timestamp (const char  *text,
                               GError     **error)
{
  char *normalized = NULL;
  SignetDateCheck check = signet_timestamp_check (text, &normalized);

  if (check != SIGNET_DATE_OK)
    {
      g_autofree char *message = signet_timestamp_describe_problem (text, check);

      g_set_error_literal (error, SIGNET_STORE_ERROR, SIGNET_STORE_ERROR_FAILED, message);
      return NULL;
    }

  return normalized;
}

/* The same for audit entries: an import writes many within one
 * millisecond, formatted once. */
static const char *
audit_time_now (SignetStore *self)
{
  gint64 now_ms = g_get_real_time () / 1000;

  if (now_ms != self->audit_ms)
    {
      format_time (now_ms, self->audit_time, sizeof self->audit_time);
      self->audit_ms = now_ms;
    }

  return self->audit_time;
}

/* Writes the entry and queues the "changed" it stands for. */
static gboolean
insert_audit (SignetWriteScope  *scope,
              SignetAuditAction  action,
              SignetRecordKind   kind,
              gint64             record_id,
              const char        *label,
              GString           *changes,
              GError           **error)
{
  SignetStore *self = scope->store;
  SignetDbStmt *stmt;

  g_return_val_if_fail (scope->open, FALSE);
  g_return_val_if_fail (action != SIGNET_AUDIT_ACTION_UNKNOWN && action < SIGNET_N_AUDIT_ACTIONS, FALSE);

  self->edit_pending = TRUE;
  stmt = _signet_store_statement (self,
                                  "INSERT INTO audit (at, \"user\", action, record_kind, record_id, record_label, changes) "
                                  "VALUES (?, ?, ?, ?, ?, ?, ?)", error);
  if (stmt == NULL)
    return FALSE;

  signet_db_bind_static_text (stmt, 1, audit_time_now (self));
  signet_db_bind_static_text (stmt, 2, _signet_store_user_name (self));
  signet_db_bind_static_text (stmt, 3, signet_audit_action_to_token (action));
  signet_db_bind_static_text (stmt, 4, _signet_record_kind_to_token (kind));
  signet_db_bind_int64 (stmt, 5, record_id);
  _signet_store_bind_text (stmt, 6, label);
  signet_db_bind_text_len (stmt, 7, changes->str, (int) changes->len);

  if (!_signet_store_step_done (self, stmt, error))
    return FALSE;

  _signet_store_note_own_audit (self, signet_db_last_insert_id (self->db));
  _signet_write_scope_add_change (scope, kind, record_id, _signet_audit_action_get_change (action),
                                  _signet_audit_action_get_detail (action));

  return TRUE;
}

/* The changes column holds the changed fields as a JSON array of
 * [field, old, new]. */
gboolean
_signet_write_scope_audit (SignetWriteScope   *scope,
                           SignetAuditAction   action,
                           SignetRecordKind    kind,
                           gint64              record_id,
                           const char         *label,
                           GArray             *before,
                           GArray             *after,
                           GError            **error)
{
  g_autoptr(GString) changes = g_string_sized_new (512);
  guint n_fields;

  n_fields = before ? before->len : after ? after->len : 0;

  g_string_append_c (changes, '[');
  for (guint i = 0; i < n_fields; i++)
    {
      const FieldText *old_ft = before ? &g_array_index (before, FieldText, i) : NULL;
      const FieldText *new_ft = after ? &g_array_index (after, FieldText, i) : NULL;
      const char *old_text = old_ft ? old_ft->text : NULL;
      const char *new_text = new_ft ? new_ft->text : NULL;
      SignetField field = old_ft ? old_ft->field : new_ft->field;

      if (g_strcmp0 (old_text, new_text) != 0)
        append_change (changes, signet_field_to_token (field), old_text, new_text);
    }
  g_string_append_c (changes, ']');

  return insert_audit (scope, action, kind, record_id, label, changes, error);
}

gboolean
_signet_write_scope_audit_files (SignetWriteScope              *scope,
                                 SignetAuditAction              action,
                                 gint64                         contract_id,
                                 const SignetAttachmentChange  *changes,
                                 guint                          n_changes,
                                 GError                       **error)
{
  SignetStore *self = scope->store;
  g_autoptr(GString) json = g_string_sized_new (256);
  g_autofree char *number = NULL;
  SignetDbStmt *stmt;

  stmt = _signet_store_statement (self, "SELECT number FROM contracts WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  signet_db_bind_int64 (stmt, 1, contract_id);
  if (signet_db_step (stmt) == SIGNET_DB_ROW)
    number = _signet_store_dup_text (stmt, 0);
  signet_db_reset (stmt);

  g_string_append_c (json, '[');
  for (guint i = 0; i < n_changes; i++)
    if (changes[i].field != NULL &&
        (i == 0 || g_strcmp0 (changes[i].old_value, changes[i].new_value) != 0))
      append_change (json, changes[i].field, changes[i].old_value, changes[i].new_value);
  g_string_append_c (json, ']');

  return insert_audit (scope, action, SIGNET_RECORD_CONTRACT, contract_id, number, json, error);
}

void
signet_audit_entry_free (SignetAuditEntry *entry)
{
  if (entry == NULL)
    return;

  g_free (entry->timestamp);
  g_free (entry->user);
  g_free (entry->record_label);
  g_clear_pointer (&entry->changes, g_ptr_array_unref);
  g_free (entry);
}

static void
audit_change_free (SignetAuditChange *change)
{
  g_free (change->field);
  g_free (change->old_value);
  g_free (change->new_value);
  g_free (change);
}

GPtrArray *
signet_store_list_audit (SignetStore       *self,
                         SignetRecordKind   kind,
                         gint64             record_id,
                         GError           **error)
{
  g_autoptr(GPtrArray) entries = NULL;
  SignetDbStmt *stmt;
  int rc;

  g_return_val_if_fail (SIGNET_IS_STORE (self), NULL);

  entries = g_ptr_array_new_with_free_func ((GDestroyNotify) signet_audit_entry_free);

  stmt = _signet_store_statement (self,
                                  "SELECT id, at, \"user\", action, record_id, record_label FROM audit "
                                  "WHERE record_kind = ?1 AND (?2 = 0 OR record_id = ?2) ORDER BY id DESC",
                                  error);
  if (stmt == NULL)
    return NULL;

  signet_db_bind_static_text (stmt, 1, _signet_record_kind_to_token (kind));
  signet_db_bind_int64 (stmt, 2, record_id);

  while ((rc = signet_db_step (stmt)) == SIGNET_DB_ROW)
    {
      SignetAuditEntry *entry = g_new0 (SignetAuditEntry, 1);

      entry->id = signet_db_column_int64 (stmt, 0);
      entry->timestamp = _signet_store_dup_text (stmt, 1);
      entry->user = _signet_store_dup_text (stmt, 2);
      entry->action = signet_audit_action_from_token (signet_db_column_text (stmt, 3));
      entry->record_kind = kind;
      entry->record_id = signet_db_column_int64 (stmt, 4);
      entry->record_label = _signet_store_dup_text (stmt, 5);
      entry->changes = g_ptr_array_new_with_free_func ((GDestroyNotify) audit_change_free);
      g_ptr_array_add (entries, entry);
    }
  signet_db_reset (stmt);

  if (rc != SIGNET_DB_DONE)
    {
      _signet_store_set_error (self, rc, error);
      return NULL;
    }

  stmt = _signet_store_statement (self,
                                  _signet_store_sql (self,
                                                     "SELECT value ->> 0, value ->> 1, value ->> 2 "
                                                     "FROM audit, json_each (audit.changes) "
                                                     "WHERE audit.id = ? ORDER BY json_each.key",
                                                     "SELECT e.value ->> 0, e.value ->> 1, e.value ->> 2 "
                                                     "FROM audit, jsonb_array_elements (audit.changes::jsonb) "
                                                     "WITH ORDINALITY e (value, n) "
                                                     "WHERE audit.id = ? ORDER BY e.n"),
                                  error);
  if (stmt == NULL)
    return NULL;

  for (guint i = 0; i < entries->len; i++)
    {
      SignetAuditEntry *entry = g_ptr_array_index (entries, i);

      signet_db_reset (stmt);
      signet_db_bind_int64 (stmt, 1, entry->id);
      while (signet_db_step (stmt) == SIGNET_DB_ROW)
        {
          SignetAuditChange *change = g_new0 (SignetAuditChange, 1);

          change->field = _signet_store_dup_text (stmt, 0);
          change->old_value = _signet_store_dup_text (stmt, 1);
          change->new_value = _signet_store_dup_text (stmt, 2);
          g_ptr_array_add (entry->changes, change);
        }
    }
  signet_db_reset (stmt);

  return g_steal_pointer (&entries);
}
