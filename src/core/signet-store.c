/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "signet-store"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "signet-date.h"
#include "signet-enum-types.h"
#include "signet-money.h"
#include "signet-store.h"
#include "signet-store-private.h"

/* "SGNT": marks a SQLite file as Signet's, so a foreign database is refused
 * instead of being migrated into. */
#define SIGNET_APPLICATION_ID 0x53474e54

#define BUSY_TIMEOUT_MS 5000

struct _SignetStore
{
  GObject     parent_instance;

  char       *path;
  sqlite3    *db;
  GHashTable *statements;   /* SQL text -> sqlite3_stmt */

  guint       batch_depth;
  gboolean    batch_changed;
};

typedef struct
{
  SignetRecordKind kind;
  gint64           id;
  SignetChangeKind change;
} PendingChange;

/* A record as (field, text) pairs, in a fixed order, for the audit log. */
typedef struct
{
  SignetField field;
  char       *text;
} FieldText;

static gboolean migrate_to_1 (SignetStore *self, GError **error);
static gboolean migrate_to_2 (SignetStore *self, GError **error);

static gboolean (* const migrations[]) (SignetStore *, GError **) = {
  migrate_to_1,
  migrate_to_2,
};

G_DEFINE_FINAL_TYPE (SignetStore, signet_store, G_TYPE_OBJECT)

enum {
  CHANGED,
  RESET,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_QUARK (signet-store-error-quark, signet_store_error)

static const char contract_columns[] =
  "c.id, c.number, c.title, c.client_id, k.name, c.contract_type, c.owner, c.department, "
  "c.value, c.currency, c.signing_date, c.start_date, c.end_date, c.auto_renew, "
  "c.notice_days, c.status, c.risk_level, c.tags, c.notes";

static gboolean
set_sqlite_error (SignetStore  *self,
                  int           rc,
                  GError      **error)
{
  int code = (rc & 0xff);

  if (code == SQLITE_BUSY || code == SQLITE_LOCKED)
    g_set_error (error, SIGNET_STORE_ERROR, SIGNET_STORE_ERROR_BUSY,
                 _("The database is busy because another program is writing to it. "
                   "Nothing was changed; try again in a moment."));
  else if (code == SQLITE_NOTADB)
    g_set_error (error, SIGNET_STORE_ERROR, SIGNET_STORE_ERROR_NOT_A_DATABASE,
                 _("“%s” is not a Signet database."), self->path);
  else if (code == SQLITE_CORRUPT)
    g_set_error (error, SIGNET_STORE_ERROR, SIGNET_STORE_ERROR_NOT_A_DATABASE,
                 _("The database “%s” is damaged."), self->path);
  else if (code == SQLITE_READONLY)
    g_set_error (error, SIGNET_STORE_ERROR, SIGNET_STORE_ERROR_OPEN,
                 _("The database “%s” cannot be written to."), self->path);
  else
    g_set_error (error, SIGNET_STORE_ERROR, SIGNET_STORE_ERROR_FAILED,
                 _("The database reported an error: %s"),
                 self->db ? sqlite3_errmsg (self->db) : sqlite3_errstr (rc));

  return FALSE;
}

static gboolean
exec_sql (SignetStore  *self,
          const char   *sql,
          GError      **error)
{
  int rc = sqlite3_exec (self->db, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    return set_sqlite_error (self, rc, error);

  return TRUE;
}

/* Prepared statements are cached by their SQL text and come back reset. */
static sqlite3_stmt *
get_statement (SignetStore  *self,
               const char   *sql,
               GError      **error)
{
  sqlite3_stmt *stmt = g_hash_table_lookup (self->statements, sql);
  int rc;

  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }

  rc = sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      set_sqlite_error (self, rc, error);
      return NULL;
    }

  g_hash_table_insert (self->statements, g_strdup (sql), stmt);

  return stmt;
}

static void
bind_text_or_null (sqlite3_stmt *stmt,
                   int           index,
                   const char   *text)
{
  if (text == NULL || *text == '\0')
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
}

static char *
dup_column_text (sqlite3_stmt *stmt,
                 int           column)
{
  return g_strdup ((const char *) sqlite3_column_text (stmt, column));
}

static gboolean
step_done (SignetStore   *self,
           sqlite3_stmt  *stmt,
           GError       **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    return set_sqlite_error (self, rc, error);

  return TRUE;
}

static gint64
query_int64 (SignetStore  *self,
             const char   *sql,
             GError      **error)
{
  sqlite3_stmt *stmt = get_statement (self, sql, error);
  gint64 value = -1;

  if (stmt == NULL)
    return -1;

  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_int64 (stmt, 0);
  else
    set_sqlite_error (self, sqlite3_errcode (self->db), error);

  sqlite3_reset (stmt);

  return value;
}

/* Transactions. The outermost write takes the lock up front (IMMEDIATE), so
 * a busy database is reported before anything is done; nested writes inside a
 * batch use savepoints so that one failing record undoes only itself. */
static gboolean
begin_write (SignetStore  *self,
             GError      **error)
{
  if (self->batch_depth > 0)
    return exec_sql (self, "SAVEPOINT signet_write", error);

  return exec_sql (self, "BEGIN IMMEDIATE", error);
}

static gboolean
commit_write (SignetStore  *self,
              GError      **error)
{
  if (self->batch_depth > 0)
    return exec_sql (self, "RELEASE signet_write", error);

  if (!exec_sql (self, "COMMIT", error))
    {
      exec_sql (self, "ROLLBACK", NULL);
      return FALSE;
    }

  return TRUE;
}

static void
rollback_write (SignetStore *self)
{
  if (self->batch_depth > 0)
    exec_sql (self, "ROLLBACK TO signet_write; RELEASE signet_write", NULL);
  else if (!sqlite3_get_autocommit (self->db))
    exec_sql (self, "ROLLBACK", NULL);
}

static void
emit_changed (SignetStore      *self,
              SignetRecordKind  kind,
              gint64            id,
              SignetChangeKind  change)
{
  if (self->batch_depth > 0)
    {
      self->batch_changed = TRUE;
      return;
    }

  g_signal_emit (self, signals[CHANGED], 0, kind, id, change);
}

/* Audit */

static void
field_texts_free (GArray *array)
{
  for (guint i = 0; i < array->len; i++)
    g_free (g_array_index (array, FieldText, i).text);
  g_array_unref (array);
}

typedef GArray FieldList;
G_DEFINE_AUTOPTR_CLEANUP_FUNC (FieldList, field_texts_free)

static void
add_field (GArray      *array,
           SignetField  field,
           char        *text)
{
  FieldText ft = { field, text };

  if (ft.text != NULL && *ft.text == '\0')
    g_clear_pointer (&ft.text, g_free);

  g_array_append_val (array, ft);
}

static GArray *
contract_to_fields (SignetContract *contract)
{
  GArray *a = g_array_new (FALSE, FALSE, sizeof (FieldText));

  add_field (a, SIGNET_FIELD_CONTRACT_NUMBER, g_strdup (signet_contract_get_number (contract)));
  add_field (a, SIGNET_FIELD_CONTRACT_TITLE, g_strdup (signet_contract_get_title (contract)));
  add_field (a, SIGNET_FIELD_CONTRACT_CLIENT,
             g_strdup_printf ("%" G_GINT64_FORMAT, signet_contract_get_client_id (contract)));
  add_field (a, SIGNET_FIELD_CONTRACT_TYPE, g_strdup (signet_contract_get_contract_type (contract)));
  add_field (a, SIGNET_FIELD_CONTRACT_OWNER, g_strdup (signet_contract_get_owner (contract)));
  add_field (a, SIGNET_FIELD_CONTRACT_DEPARTMENT, g_strdup (signet_contract_get_department (contract)));
  add_field (a, SIGNET_FIELD_CONTRACT_VALUE,
             signet_money_to_decimal (signet_contract_get_value (contract),
                                      signet_contract_get_currency (contract)));
  add_field (a, SIGNET_FIELD_CONTRACT_CURRENCY, g_strdup (signet_contract_get_currency (contract)));
  add_field (a, SIGNET_FIELD_CONTRACT_SIGNING_DATE, g_strdup (signet_contract_get_signing_date (contract)));
  add_field (a, SIGNET_FIELD_CONTRACT_START_DATE, g_strdup (signet_contract_get_start_date (contract)));
  add_field (a, SIGNET_FIELD_CONTRACT_END_DATE, g_strdup (signet_contract_get_end_date (contract)));
  add_field (a, SIGNET_FIELD_CONTRACT_NOTICE_DAYS,
             signet_contract_get_auto_renew (contract)
               ? g_strdup_printf ("auto-renew, %u", signet_contract_get_notice_days (contract))
               : g_strdup_printf ("%u", signet_contract_get_notice_days (contract)));
  add_field (a, SIGNET_FIELD_CONTRACT_STATUS,
             g_strdup (signet_contract_status_to_token (signet_contract_get_status (contract))));
  add_field (a, SIGNET_FIELD_CONTRACT_RISK_LEVEL,
             g_strdup (signet_risk_level_to_token (signet_contract_get_risk_level (contract))));
  add_field (a, SIGNET_FIELD_CONTRACT_TAGS, g_strdup (signet_contract_get_tags (contract)));
  add_field (a, SIGNET_FIELD_CONTRACT_NOTES, g_strdup (signet_contract_get_notes (contract)));

  return a;
}

static GArray *
client_to_fields (SignetClient *client)
{
  GArray *a = g_array_new (FALSE, FALSE, sizeof (FieldText));

  add_field (a, SIGNET_FIELD_CLIENT_NAME, g_strdup (signet_client_get_name (client)));
  add_field (a, SIGNET_FIELD_CLIENT_CODE, g_strdup (signet_client_get_code (client)));
  add_field (a, SIGNET_FIELD_CLIENT_CONTACT, g_strdup (signet_client_get_contact (client)));
  add_field (a, SIGNET_FIELD_CLIENT_PHONE, g_strdup (signet_client_get_phone (client)));
  add_field (a, SIGNET_FIELD_CLIENT_EMAIL, g_strdup (signet_client_get_email (client)));
  add_field (a, SIGNET_FIELD_CLIENT_ADDRESS, g_strdup (signet_client_get_address (client)));
  add_field (a, SIGNET_FIELD_CLIENT_NOTES, g_strdup (signet_client_get_notes (client)));

  return a;
}

/* Writes one audit row and a row per changed field. @before or @after is
 * NULL for a creation or a deletion. Must run inside the write's transaction. */
static gboolean
write_audit (SignetStore       *self,
             const char        *action,
             SignetRecordKind   kind,
             gint64             record_id,
             const char        *label,
             GArray            *before,
             GArray            *after,
             GError           **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *timestamp = g_date_time_format (now, "%Y-%m-%dT%H:%M:%S.%fZ");
  sqlite3_stmt *stmt;
  gint64 audit_id;
  guint n_fields;

  stmt = get_statement (self,
                        "INSERT INTO audit (at, user, action, record_kind, record_id, record_label) "
                        "VALUES (?, ?, ?, ?, ?, ?)", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, timestamp, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, g_get_user_name (), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, action, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, kind == SIGNET_RECORD_CLIENT ? "client" : "contract", -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 5, record_id);
  bind_text_or_null (stmt, 6, label);
  if (!step_done (self, stmt, error))
    return FALSE;

  audit_id = sqlite3_last_insert_rowid (self->db);
  n_fields = before ? before->len : after->len;

  stmt = get_statement (self,
                        "INSERT INTO audit_changes (audit_id, field, old_value, new_value) "
                        "VALUES (?, ?, ?, ?)", error);
  if (stmt == NULL)
    return FALSE;

  for (guint i = 0; i < n_fields; i++)
    {
      const FieldText *old_ft = before ? &g_array_index (before, FieldText, i) : NULL;
      const FieldText *new_ft = after ? &g_array_index (after, FieldText, i) : NULL;
      const char *old_text = old_ft ? old_ft->text : NULL;
      const char *new_text = new_ft ? new_ft->text : NULL;
      SignetField field = old_ft ? old_ft->field : new_ft->field;

      if (g_strcmp0 (old_text, new_text) == 0)
        continue;

      sqlite3_reset (stmt);
      sqlite3_bind_int64 (stmt, 1, audit_id);
      sqlite3_bind_text (stmt, 2, signet_field_to_token (field), -1, SQLITE_STATIC);
      bind_text_or_null (stmt, 3, old_text);
      bind_text_or_null (stmt, 4, new_text);
      if (!step_done (self, stmt, error))
        return FALSE;
    }

  return TRUE;
}

/* Validation */

static gboolean
field_error (GError      **error,
             SignetField   field,
             const char   *format,
             ...) G_GNUC_PRINTF (3, 4);

static gboolean
field_error (GError      **error,
             SignetField   field,
             const char   *format,
             ...)
{
  va_list args;

  va_start (args, format);
  g_set_error_literal (error, SIGNET_FIELD_ERROR, field, "");
  if (error != NULL && *error != NULL)
    {
      g_free ((*error)->message);
      (*error)->message = g_strdup_vprintf (format, args);
    }
  va_end (args);

  return FALSE;
}

static gboolean
is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;

  for (; *text != '\0'; text = g_utf8_next_char (text))
    if (!g_unichar_isspace (g_utf8_get_char (text)))
      return FALSE;

  return TRUE;
}

static gboolean
validate_date (const char   *text,
               SignetField   field,
               GError      **error)
{
  if (text == NULL || *text == '\0' || signet_date_is_valid (text))
    return TRUE;

  /* Translators: the first %s is a field name such as "End Date". */
  return field_error (error, field, _("%s: “%s” is not a date. Use the form YYYY-MM-DD, for example 2027-03-31."),
                      signet_field_to_label (field), text);
}

static gboolean
client_exists (SignetStore *self,
               gint64       client_id)
{
  sqlite3_stmt *stmt = get_statement (self, "SELECT 1 FROM clients WHERE id = ?", NULL);
  gboolean found;

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, client_id);
  found = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_reset (stmt);

  return found;
}

static gboolean
validate_contract (SignetStore     *self,
                   SignetContract  *contract,
                   GError         **error)
{
  const char *number = signet_contract_get_number (contract);
  const char *start = signet_contract_get_start_date (contract);
  const char *end = signet_contract_get_end_date (contract);
  const char *currency = signet_contract_get_currency (contract);
  sqlite3_stmt *stmt;

  if (is_blank (number))
    return field_error (error, SIGNET_FIELD_CONTRACT_NUMBER, _("Enter a contract number."));

  if (is_blank (signet_contract_get_title (contract)))
    return field_error (error, SIGNET_FIELD_CONTRACT_TITLE, _("Enter a title for the contract."));

  if (signet_contract_get_client_id (contract) <= 0)
    return field_error (error, SIGNET_FIELD_CONTRACT_CLIENT, _("Choose the client this contract is with."));

  if (!client_exists (self, signet_contract_get_client_id (contract)))
    return field_error (error, SIGNET_FIELD_CONTRACT_CLIENT,
                        _("The chosen client no longer exists. Choose another client."));

  if (!signet_currency_is_valid (currency))
    return field_error (error, SIGNET_FIELD_CONTRACT_CURRENCY,
                        _("“%s” is not an ISO 4217 currency code."), currency ? currency : "");

  if (signet_contract_get_value (contract) < 0)
    return field_error (error, SIGNET_FIELD_CONTRACT_VALUE, _("The value cannot be negative."));

  if (!validate_date (signet_contract_get_signing_date (contract), SIGNET_FIELD_CONTRACT_SIGNING_DATE, error) ||
      !validate_date (start, SIGNET_FIELD_CONTRACT_START_DATE, error) ||
      !validate_date (end, SIGNET_FIELD_CONTRACT_END_DATE, error))
    return FALSE;

  if (start != NULL && *start != '\0' && end != NULL && *end != '\0' && strcmp (end, start) < 0)
    return field_error (error, SIGNET_FIELD_CONTRACT_END_DATE,
                        _("The end date %s is before the start date %s."), end, start);

  if (signet_contract_get_notice_days (contract) > 3650)
    return field_error (error, SIGNET_FIELD_CONTRACT_NOTICE_DAYS,
                        _("A notice period can be at most 3650 days."));

  if (signet_contract_get_status (contract) >= SIGNET_N_CONTRACT_STATUSES)
    return field_error (error, SIGNET_FIELD_CONTRACT_STATUS, _("Choose a status."));

  if (signet_contract_get_risk_level (contract) >= SIGNET_N_RISK_LEVELS)
    return field_error (error, SIGNET_FIELD_CONTRACT_RISK_LEVEL, _("Choose a risk level."));

  stmt = get_statement (self, "SELECT title FROM contracts WHERE number = ? AND id <> ?", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, number, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, signet_contract_get_id (contract));
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_autofree char *other_title = dup_column_text (stmt, 0);

      sqlite3_reset (stmt);
      return field_error (error, SIGNET_FIELD_CONTRACT_NUMBER,
                          _("The number %s is already used by the contract “%s”."),
                          number, other_title);
    }
  sqlite3_reset (stmt);

  return TRUE;
}

static gboolean
validate_client (SignetStore   *self,
                 SignetClient  *client,
                 GError       **error)
{
  const char *code = signet_client_get_code (client);
  const char *email = signet_client_get_email (client);
  sqlite3_stmt *stmt;

  if (is_blank (signet_client_get_name (client)))
    return field_error (error, SIGNET_FIELD_CLIENT_NAME, _("Enter the client’s name."));

  if (is_blank (code))
    return field_error (error, SIGNET_FIELD_CLIENT_CODE,
                        _("Enter a short code for the client, such as C001."));

  if (!is_blank (email))
    {
      const char *at = strchr (email, '@');

      if (at == NULL || at == email || at[1] == '\0' || strchr (at + 1, '@') != NULL ||
          strpbrk (email, " \t\r\n") != NULL)
        return field_error (error, SIGNET_FIELD_CLIENT_EMAIL,
                            _("“%s” is not an email address."), email);
    }

  stmt = get_statement (self, "SELECT name FROM clients WHERE code = ? AND id <> ?", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, code, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, signet_client_get_id (client));
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_autofree char *other_name = dup_column_text (stmt, 0);

      sqlite3_reset (stmt);
      return field_error (error, SIGNET_FIELD_CLIENT_CODE,
                          _("The code %s is already used by the client “%s”."), code, other_name);
    }
  sqlite3_reset (stmt);

  return TRUE;
}

/* Search text: what a search looks in, lower-cased once on write so that
 * short queries can use instr() without folding every row on every key. */
static gboolean
refresh_search_text (SignetStore  *self,
                     const char   *where_column,
                     gint64        id,
                     GError      **error)
{
  g_autofree char *sql =
    g_strdup_printf ("UPDATE contracts SET search_text = lower(number || ' ' || title || ' ' || "
                     "(SELECT name FROM clients WHERE clients.id = contracts.client_id) || ' ' || "
                     "coalesce(tags, '')) WHERE %s = ?", where_column);
  sqlite3_stmt *stmt = get_statement (self, sql, error);

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, id);

  return step_done (self, stmt, error);
}

static void
read_contract_row (sqlite3_stmt   *stmt,
                   SignetContract *contract)
{
  SignetContractStatus status = SIGNET_CONTRACT_STATUS_DRAFT;
  SignetRiskLevel risk = SIGNET_RISK_LEVEL_LOW;

  signet_contract_set_id (contract, sqlite3_column_int64 (stmt, 0));
  signet_contract_set_number (contract, (const char *) sqlite3_column_text (stmt, 1));
  signet_contract_set_title (contract, (const char *) sqlite3_column_text (stmt, 2));
  signet_contract_set_client_id (contract, sqlite3_column_int64 (stmt, 3));
  signet_contract_set_client_name (contract, (const char *) sqlite3_column_text (stmt, 4));
  signet_contract_set_contract_type (contract, (const char *) sqlite3_column_text (stmt, 5));
  signet_contract_set_owner (contract, (const char *) sqlite3_column_text (stmt, 6));
  signet_contract_set_department (contract, (const char *) sqlite3_column_text (stmt, 7));
  signet_contract_set_value (contract, sqlite3_column_int64 (stmt, 8));
  signet_contract_set_currency (contract, (const char *) sqlite3_column_text (stmt, 9));
  signet_contract_set_signing_date (contract, (const char *) sqlite3_column_text (stmt, 10));
  signet_contract_set_start_date (contract, (const char *) sqlite3_column_text (stmt, 11));
  signet_contract_set_end_date (contract, (const char *) sqlite3_column_text (stmt, 12));
  signet_contract_set_auto_renew (contract, sqlite3_column_int (stmt, 13));
  signet_contract_set_notice_days (contract, sqlite3_column_int (stmt, 14));
  signet_contract_status_from_token ((const char *) sqlite3_column_text (stmt, 15), &status);
  signet_contract_set_status (contract, status);
  signet_risk_level_from_token ((const char *) sqlite3_column_text (stmt, 16), &risk);
  signet_contract_set_risk_level (contract, risk);
  signet_contract_set_tags (contract, (const char *) sqlite3_column_text (stmt, 17));
  signet_contract_set_notes (contract, (const char *) sqlite3_column_text (stmt, 18));
}

static void
read_client_row (sqlite3_stmt *stmt,
                 SignetClient *client)
{
  signet_client_set_id (client, sqlite3_column_int64 (stmt, 0));
  signet_client_set_name (client, (const char *) sqlite3_column_text (stmt, 1));
  signet_client_set_code (client, (const char *) sqlite3_column_text (stmt, 2));
  signet_client_set_contact (client, (const char *) sqlite3_column_text (stmt, 3));
  signet_client_set_phone (client, (const char *) sqlite3_column_text (stmt, 4));
  signet_client_set_email (client, (const char *) sqlite3_column_text (stmt, 5));
  signet_client_set_address (client, (const char *) sqlite3_column_text (stmt, 6));
  signet_client_set_notes (client, (const char *) sqlite3_column_text (stmt, 7));
}

static char *
trimmed (const char *text)
{
  return text ? g_strstrip (g_strdup (text)) : NULL;
}

/* Binds every stored contract column, starting at parameter 1, in the order
 * of the INSERT/UPDATE statements below. */
static void
bind_contract (sqlite3_stmt   *stmt,
               SignetContract *contract)
{
  g_autofree char *number = trimmed (signet_contract_get_number (contract));
  g_autofree char *title = trimmed (signet_contract_get_title (contract));

  bind_text_or_null (stmt, 1, number);
  bind_text_or_null (stmt, 2, title);
  sqlite3_bind_int64 (stmt, 3, signet_contract_get_client_id (contract));
  bind_text_or_null (stmt, 4, signet_contract_get_contract_type (contract));
  bind_text_or_null (stmt, 5, signet_contract_get_owner (contract));
  bind_text_or_null (stmt, 6, signet_contract_get_department (contract));
  sqlite3_bind_int64 (stmt, 7, signet_contract_get_value (contract));
  bind_text_or_null (stmt, 8, signet_contract_get_currency (contract));
  bind_text_or_null (stmt, 9, signet_contract_get_signing_date (contract));
  bind_text_or_null (stmt, 10, signet_contract_get_start_date (contract));
  bind_text_or_null (stmt, 11, signet_contract_get_end_date (contract));
  sqlite3_bind_int (stmt, 12, signet_contract_get_auto_renew (contract));
  sqlite3_bind_int (stmt, 13, signet_contract_get_notice_days (contract));
  sqlite3_bind_text (stmt, 14, signet_contract_status_to_token (signet_contract_get_status (contract)), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 15, signet_risk_level_to_token (signet_contract_get_risk_level (contract)), -1, SQLITE_STATIC);
  bind_text_or_null (stmt, 16, signet_contract_get_tags (contract));
  bind_text_or_null (stmt, 17, signet_contract_get_notes (contract));
}

static void
bind_client (sqlite3_stmt *stmt,
             SignetClient *client)
{
  g_autofree char *name = trimmed (signet_client_get_name (client));
  g_autofree char *code = trimmed (signet_client_get_code (client));

  bind_text_or_null (stmt, 1, name);
  bind_text_or_null (stmt, 2, code);
  bind_text_or_null (stmt, 3, signet_client_get_contact (client));
  bind_text_or_null (stmt, 4, signet_client_get_phone (client));
  bind_text_or_null (stmt, 5, signet_client_get_email (client));
  bind_text_or_null (stmt, 6, signet_client_get_address (client));
  bind_text_or_null (stmt, 7, signet_client_get_notes (client));
}

/* Migrations: each brings the schema from the version before it. Never
 * edit one that has shipped; add the next. */

static gboolean
migrate_to_1 (SignetStore  *self,
              GError      **error)
{
  return exec_sql (self,
    "CREATE TABLE clients ("
    "  id INTEGER PRIMARY KEY,"
    "  name TEXT NOT NULL CHECK (name <> ''),"
    "  code TEXT NOT NULL UNIQUE CHECK (code <> ''),"
    "  contact TEXT, phone TEXT, email TEXT, address TEXT, notes TEXT);"
    "CREATE INDEX clients_name ON clients (name);"
    "CREATE TABLE contracts ("
    "  id INTEGER PRIMARY KEY,"
    "  number TEXT NOT NULL UNIQUE CHECK (number <> ''),"
    "  title TEXT NOT NULL CHECK (title <> ''),"
    "  client_id INTEGER NOT NULL REFERENCES clients (id) ON DELETE RESTRICT,"
    "  contract_type TEXT, owner TEXT, department TEXT,"
    "  value INTEGER NOT NULL DEFAULT 0 CHECK (value >= 0),"
    "  currency TEXT NOT NULL CHECK (length (currency) = 3),"
    "  signing_date TEXT, start_date TEXT, end_date TEXT,"
    "  auto_renew INTEGER NOT NULL DEFAULT 0,"
    "  notice_days INTEGER NOT NULL DEFAULT 0 CHECK (notice_days >= 0),"
    "  status TEXT NOT NULL,"
    "  risk_level TEXT NOT NULL,"
    "  tags TEXT, notes TEXT,"
    "  CHECK (start_date IS NULL OR end_date IS NULL OR end_date >= start_date));"
    "CREATE INDEX contracts_client ON contracts (client_id);"
    "CREATE INDEX contracts_title ON contracts (title);"
    "CREATE INDEX contracts_end_date ON contracts (end_date);"
    "CREATE TABLE audit ("
    "  id INTEGER PRIMARY KEY,"
    "  at TEXT NOT NULL, user TEXT NOT NULL, action TEXT NOT NULL,"
    "  record_kind TEXT NOT NULL, record_id INTEGER NOT NULL, record_label TEXT);"
    "CREATE INDEX audit_record ON audit (record_kind, record_id);"
    "CREATE TABLE audit_changes ("
    "  audit_id INTEGER NOT NULL REFERENCES audit (id),"
    "  field TEXT NOT NULL, old_value TEXT, new_value TEXT);"
    "CREATE INDEX audit_changes_audit ON audit_changes (audit_id);",
    error);
}

/* Version 2: full-text search. The trigram tokenizer finds Chinese words
 * inside Chinese text (unicode61 cannot); queries shorter than three
 * characters fall back to instr() on the same column. */
static gboolean
migrate_to_2 (SignetStore  *self,
              GError      **error)
{
  /* The index is built from the filled column before the triggers exist:
   * an external-content FTS table must never be told to delete a row it
   * has not indexed. */
  return exec_sql (self,
    "ALTER TABLE contracts ADD COLUMN search_text TEXT NOT NULL DEFAULT '';"
    "UPDATE contracts SET search_text = lower(number || ' ' || title || ' ' ||"
    "  (SELECT name FROM clients WHERE clients.id = contracts.client_id) || ' ' ||"
    "  coalesce(tags, ''));"
    "CREATE VIRTUAL TABLE contract_search USING fts5 ("
    "  search_text, content = 'contracts', content_rowid = 'id', tokenize = 'trigram');"
    "INSERT INTO contract_search (contract_search) VALUES ('rebuild');"
    "CREATE TRIGGER contracts_search_insert AFTER INSERT ON contracts BEGIN"
    "  INSERT INTO contract_search (rowid, search_text) VALUES (new.id, new.search_text);"
    "END;"
    "CREATE TRIGGER contracts_search_delete AFTER DELETE ON contracts BEGIN"
    "  INSERT INTO contract_search (contract_search, rowid, search_text)"
    "    VALUES ('delete', old.id, old.search_text);"
    "END;"
    "CREATE TRIGGER contracts_search_update AFTER UPDATE OF search_text ON contracts BEGIN"
    "  INSERT INTO contract_search (contract_search, rowid, search_text)"
    "    VALUES ('delete', old.id, old.search_text);"
    "  INSERT INTO contract_search (rowid, search_text) VALUES (new.id, new.search_text);"
    "END;",
    error);
}

static gboolean
run_migrations (SignetStore  *self,
                int           from_version,
                int           to_version,
                GError      **error)
{
  for (int version = from_version; version < to_version; version++)
    {
      g_autofree char *set_version = g_strdup_printf ("PRAGMA user_version = %d", version + 1);

      if (!exec_sql (self, "BEGIN IMMEDIATE", error))
        return FALSE;

      if (!migrations[version] (self, error) ||
          !exec_sql (self, set_version, error) ||
          !exec_sql (self, "PRAGMA application_id = " G_STRINGIFY (SIGNET_APPLICATION_ID), error) ||
          !exec_sql (self, "COMMIT", error))
        {
          exec_sql (self, "ROLLBACK", NULL);
          g_prefix_error (error, _("Could not update the database to version %d: "), version + 1);
          return FALSE;
        }
    }

  return TRUE;
}

/* Creates the file and its folder with owner-only permissions, since the
 * register holds confidential business data. */
static gboolean
ensure_file (const char  *path,
             GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  int fd;

  if (g_file_test (path, G_FILE_TEST_EXISTS))
    return TRUE;

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, SIGNET_STORE_ERROR, SIGNET_STORE_ERROR_OPEN,
                   _("Could not create the folder “%s”: %s"), dir, g_strerror (saved_errno));
      return FALSE;
    }

  fd = g_open (path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      int saved_errno = errno;

      g_set_error (error, SIGNET_STORE_ERROR, SIGNET_STORE_ERROR_OPEN,
                   _("Could not create the database “%s”: %s"), path, g_strerror (saved_errno));
      return FALSE;
    }
  close (fd);

  return TRUE;
}

static gboolean
open_database (SignetStore  *self,
               int           target_version,
               GError      **error)
{
  gint64 version;
  gint64 app_id;
  gint64 n_tables;
  int rc;

  if (g_file_test (self->path, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, SIGNET_STORE_ERROR, SIGNET_STORE_ERROR_OPEN,
                   _("“%s” is a folder, not a database file."), self->path);
      return FALSE;
    }

  if (g_file_test (self->path, G_FILE_TEST_EXISTS) && g_access (self->path, R_OK | W_OK) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, SIGNET_STORE_ERROR, SIGNET_STORE_ERROR_OPEN,
                   _("Could not open “%s”: %s"), self->path, g_strerror (saved_errno));
      return FALSE;
    }

  if (!ensure_file (self->path, error))
    return FALSE;

  rc = sqlite3_open_v2 (self->path, &self->db,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOFOLLOW, NULL);
  if (rc != SQLITE_OK)
    {
      g_set_error (error, SIGNET_STORE_ERROR, SIGNET_STORE_ERROR_OPEN,
                   _("Could not open “%s”: %s"), self->path, sqlite3_errstr (rc));
      return FALSE;
    }

  sqlite3_busy_timeout (self->db, BUSY_TIMEOUT_MS);

  /* Only reads until the file is known to be ours and not from the future:
   * a refused file must stay byte for byte as it was. */
  version = query_int64 (self, "PRAGMA user_version", error);
  if (version < 0)
    {
      g_clear_error (error);
      g_set_error (error, SIGNET_STORE_ERROR, SIGNET_STORE_ERROR_NOT_A_DATABASE,
                   _("“%s” is not a Signet database, or it is damaged."), self->path);
      return FALSE;
    }

  app_id = query_int64 (self, "PRAGMA application_id", error);
  n_tables = query_int64 (self, "SELECT count(*) FROM sqlite_schema", error);
  if (app_id < 0 || n_tables < 0)
    return FALSE;

  if (app_id != SIGNET_APPLICATION_ID && (version != 0 || n_tables != 0))
    {
      g_set_error (error, SIGNET_STORE_ERROR, SIGNET_STORE_ERROR_NOT_SIGNET,
                   _("“%s” is a database of another program, not a Signet database."), self->path);
      return FALSE;
    }

  if (version > (gint64) G_N_ELEMENTS (migrations))
    {
      g_set_error (error, SIGNET_STORE_ERROR, SIGNET_STORE_ERROR_NEWER_VERSION,
                   _("“%s” was written by a newer version of Signet (database version %d; "
                     "this version reads up to %d). Update Signet to open it. "
                     "The file was not changed."),
                   self->path, (int) version, (int) G_N_ELEMENTS (migrations));
      return FALSE;
    }

  if (!exec_sql (self,
                 "PRAGMA journal_mode = WAL;"
                 "PRAGMA synchronous = NORMAL;"
                 "PRAGMA foreign_keys = ON;",
                 error))
    return FALSE;

  return run_migrations (self, (int) version, target_version, error);
}

static void
finalize_statement (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

static void
signet_store_finalize (GObject *object)
{
  SignetStore *self = (SignetStore *)object;

  g_clear_pointer (&self->statements, g_hash_table_unref);
  if (self->db != NULL)
    sqlite3_close_v2 (self->db);
  g_clear_pointer (&self->path, g_free);

  G_OBJECT_CLASS (signet_store_parent_class)->finalize (object);
}

static void
signet_store_class_init (SignetStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = signet_store_finalize;

  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 3,
                  SIGNET_TYPE_RECORD_KIND, G_TYPE_INT64, SIGNET_TYPE_CHANGE_KIND);

  signals[RESET] =
    g_signal_new ("reset",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
signet_store_init (SignetStore *self)
{
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                            finalize_statement);
}

char *
signet_store_get_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "signet", "signet.db", NULL);
}

SignetStore *
signet_store_new_at_version (const char  *path,
                             int          target_version,
                             GError     **error)
{
  g_autoptr(SignetStore) self = NULL;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (target_version >= 0 && target_version <= (int) G_N_ELEMENTS (migrations), NULL);

  self = g_object_new (SIGNET_TYPE_STORE, NULL);
  self->path = g_strdup (path);

  if (!open_database (self, target_version, error))
    return NULL;

  return g_steal_pointer (&self);
}

SignetStore *
signet_store_new (const char  *path,
                  GError     **error)
{
  return signet_store_new_at_version (path, G_N_ELEMENTS (migrations), error);
}

const char *
signet_store_get_path (SignetStore *self)
{
  g_return_val_if_fail (SIGNET_IS_STORE (self), NULL);

  return self->path;
}

int
signet_store_get_schema_version (void)
{
  return G_N_ELEMENTS (migrations);
}

/* Clients */

gboolean
signet_store_add_client (SignetStore   *self,
                         SignetClient  *client,
                         GError       **error)
{
  g_autoptr(FieldList) after = NULL;
  sqlite3_stmt *stmt;
  gint64 id;

  g_return_val_if_fail (SIGNET_IS_STORE (self), FALSE);
  g_return_val_if_fail (SIGNET_IS_CLIENT (client), FALSE);

  if (!begin_write (self, error))
    return FALSE;

  signet_client_set_id (client, 0);
  if (!validate_client (self, client, error))
    goto failed;

  stmt = get_statement (self,
                        "INSERT INTO clients (name, code, contact, phone, email, address, notes) "
                        "VALUES (?, ?, ?, ?, ?, ?, ?)", error);
  if (stmt == NULL)
    goto failed;

  bind_client (stmt, client);
  if (!step_done (self, stmt, error))
    goto failed;

  id = sqlite3_last_insert_rowid (self->db);
  after = client_to_fields (client);
  if (!write_audit (self, "create", SIGNET_RECORD_CLIENT, id,
                    signet_client_get_name (client), NULL, after, error) ||
      !commit_write (self, error))
    goto failed;

  signet_client_set_id (client, id);
  emit_changed (self, SIGNET_RECORD_CLIENT, id, SIGNET_CHANGE_ADDED);

  return TRUE;

failed:
  rollback_write (self);
  return FALSE;
}

gboolean
signet_store_update_client (SignetStore   *self,
                            SignetClient  *client,
                            GError       **error)
{
  g_autoptr(SignetClient) old = NULL;
  g_autoptr(FieldList) before = NULL;
  g_autoptr(FieldList) after = NULL;
  gint64 id;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (SIGNET_IS_STORE (self), FALSE);
  g_return_val_if_fail (SIGNET_IS_CLIENT (client), FALSE);

  id = signet_client_get_id (client);

  if (!begin_write (self, error))
    return FALSE;

  if (!(old = signet_store_get_client (self, id, error)) ||
      !validate_client (self, client, error))
    goto failed;

  stmt = get_statement (self,
                        "UPDATE clients SET name = ?, code = ?, contact = ?, phone = ?, email = ?, "
                        "address = ?, notes = ? WHERE id = ?", error);
  if (stmt == NULL)
    goto failed;

  bind_client (stmt, client);
  sqlite3_bind_int64 (stmt, 8, id);
  if (!step_done (self, stmt, error))
    goto failed;

  before = client_to_fields (old);
  after = client_to_fields (client);
  if (!refresh_search_text (self, "client_id", id, error) ||
      !write_audit (self, "update", SIGNET_RECORD_CLIENT, id,
                    signet_client_get_name (client), before, after, error) ||
      !commit_write (self, error))
    goto failed;

  emit_changed (self, SIGNET_RECORD_CLIENT, id, SIGNET_CHANGE_UPDATED);

  return TRUE;

failed:
  rollback_write (self);
  return FALSE;
}

guint
signet_store_count_client_contracts (SignetStore *self,
                                     gint64       client_id)
{
  sqlite3_stmt *stmt;
  guint count = 0;

  g_return_val_if_fail (SIGNET_IS_STORE (self), 0);

  stmt = get_statement (self, "SELECT count(*) FROM contracts WHERE client_id = ?", NULL);
  if (stmt == NULL)
    return 0;

  sqlite3_bind_int64 (stmt, 1, client_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    count = sqlite3_column_int (stmt, 0);
  sqlite3_reset (stmt);

  return count;
}

gboolean
signet_store_delete_client (SignetStore  *self,
                            gint64        id,
                            GError      **error)
{
  g_autoptr(SignetClient) old = NULL;
  g_autoptr(FieldList) before = NULL;
  sqlite3_stmt *stmt;
  guint n_contracts;

  g_return_val_if_fail (SIGNET_IS_STORE (self), FALSE);

  if (!begin_write (self, error))
    return FALSE;

  if (!(old = signet_store_get_client (self, id, error)))
    goto failed;

  n_contracts = signet_store_count_client_contracts (self, id);
  if (n_contracts > 0)
    {
      g_set_error (error, SIGNET_STORE_ERROR, SIGNET_STORE_ERROR_IN_USE,
                   g_dngettext (GETTEXT_PACKAGE,
                                "“%s” still has %u contract. Delete that contract or give it "
                                "another client before deleting this client.",
                                "“%s” still has %u contracts. Delete those contracts or give them "
                                "another client before deleting this client.",
                                n_contracts),
                   signet_client_get_name (old), n_contracts);
      goto failed;
    }

  stmt = get_statement (self, "DELETE FROM clients WHERE id = ?", error);
  if (stmt == NULL)
    goto failed;

  sqlite3_bind_int64 (stmt, 1, id);
  before = client_to_fields (old);
  if (!step_done (self, stmt, error) ||
      !write_audit (self, "delete", SIGNET_RECORD_CLIENT, id,
                    signet_client_get_name (old), before, NULL, error) ||
      !commit_write (self, error))
    goto failed;

  emit_changed (self, SIGNET_RECORD_CLIENT, id, SIGNET_CHANGE_REMOVED);

  return TRUE;

failed:
  rollback_write (self);
  return FALSE;
}

static SignetClient *
lookup_client (SignetStore  *self,
               const char   *where,
               gint64        id,
               const char   *text,
               GError      **error)
{
  g_autofree char *sql =
    g_strdup_printf ("SELECT id, name, code, contact, phone, email, address, notes "
                     "FROM clients WHERE %s = ?", where);
  sqlite3_stmt *stmt = get_statement (self, sql, error);
  SignetClient *client = NULL;
  int rc;

  if (stmt == NULL)
    return NULL;

  if (text != NULL)
    sqlite3_bind_text (stmt, 1, text, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_int64 (stmt, 1, id);

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      client = signet_client_new ();
      read_client_row (stmt, client);
    }
  else if (rc != SQLITE_DONE)
    set_sqlite_error (self, rc, error);

  sqlite3_reset (stmt);

  return client;
}

SignetClient *
signet_store_get_client (SignetStore  *self,
                         gint64        id,
                         GError      **error)
{
  g_autoptr(GError) local_error = NULL;
  SignetClient *client;

  g_return_val_if_fail (SIGNET_IS_STORE (self), NULL);

  client = lookup_client (self, "id", id, NULL, &local_error);
  if (client == NULL && local_error == NULL)
    g_set_error (&local_error, SIGNET_STORE_ERROR, SIGNET_STORE_ERROR_NOT_FOUND,
                 _("The client no longer exists; it may have been deleted."));

  if (local_error != NULL)
    g_propagate_error (error, g_steal_pointer (&local_error));

  return client;
}

SignetClient *
signet_store_find_client_by_code (SignetStore  *self,
                                  const char   *code,
                                  GError      **error)
{
  g_return_val_if_fail (SIGNET_IS_STORE (self), NULL);
  g_return_val_if_fail (code != NULL, NULL);

  return lookup_client (self, "code", 0, code, error);
}

GListModel *
signet_store_list_clients (SignetStore *self)
{
  GListStore *list;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (SIGNET_IS_STORE (self), NULL);

  list = g_list_store_new (SIGNET_TYPE_CLIENT);
  stmt = get_statement (self,
                        "SELECT id, name, code, contact, phone, email, address, notes "
                        "FROM clients ORDER BY name, code", NULL);
  if (stmt == NULL)
    return G_LIST_MODEL (list);

  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_autoptr(SignetClient) client = signet_client_new ();

      read_client_row (stmt, client);
      g_list_store_append (list, client);
    }
  sqlite3_reset (stmt);

  return G_LIST_MODEL (list);
}

/* Contracts */

/* Keeps the caller's object equal to what a read would return. */
static void
fill_client_name (SignetStore    *self,
                  SignetContract *contract)
{
  g_autoptr(SignetClient) client =
    lookup_client (self, "id", signet_contract_get_client_id (contract), NULL, NULL);

  if (client != NULL)
    signet_contract_set_client_name (contract, signet_client_get_name (client));
}

static gboolean
insert_contract (SignetStore     *self,
                 SignetContract  *contract,
                 gint64           id,
                 const char      *action,
                 GError         **error)
{
  g_autoptr(FieldList) after = NULL;
  sqlite3_stmt *stmt;

  if (!begin_write (self, error))
    return FALSE;

  if (!validate_contract (self, contract, error))
    goto failed;

  stmt = get_statement (self,
                        "INSERT INTO contracts (number, title, client_id, contract_type, owner, "
                        "department, value, currency, signing_date, start_date, end_date, "
                        "auto_renew, notice_days, status, risk_level, tags, notes, id) "
                        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", error);
  if (stmt == NULL)
    goto failed;

  bind_contract (stmt, contract);
  if (id > 0)
    sqlite3_bind_int64 (stmt, 18, id);
  else
    sqlite3_bind_null (stmt, 18);

  if (!step_done (self, stmt, error))
    goto failed;

  id = sqlite3_last_insert_rowid (self->db);
  after = contract_to_fields (contract);
  if (!refresh_search_text (self, "id", id, error) ||
      !write_audit (self, action, SIGNET_RECORD_CONTRACT, id,
                    signet_contract_get_number (contract), NULL, after, error) ||
      !commit_write (self, error))
    goto failed;

  signet_contract_set_id (contract, id);
  fill_client_name (self, contract);
  emit_changed (self, SIGNET_RECORD_CONTRACT, id, SIGNET_CHANGE_ADDED);

  return TRUE;

failed:
  rollback_write (self);
  return FALSE;
}

gboolean
signet_store_add_contract (SignetStore     *self,
                           SignetContract  *contract,
                           GError         **error)
{
  g_return_val_if_fail (SIGNET_IS_STORE (self), FALSE);
  g_return_val_if_fail (SIGNET_IS_CONTRACT (contract), FALSE);

  signet_contract_set_id (contract, 0);

  return insert_contract (self, contract, 0, "create", error);
}

gboolean
signet_store_restore_contract (SignetStore     *self,
                               SignetContract  *contract,
                               GError         **error)
{
  g_return_val_if_fail (SIGNET_IS_STORE (self), FALSE);
  g_return_val_if_fail (SIGNET_IS_CONTRACT (contract), FALSE);
  g_return_val_if_fail (signet_contract_get_id (contract) > 0, FALSE);

  return insert_contract (self, contract, signet_contract_get_id (contract), "restore", error);
}

gboolean
signet_store_update_contract (SignetStore     *self,
                              SignetContract  *contract,
                              GError         **error)
{
  g_autoptr(SignetContract) old = NULL;
  g_autoptr(FieldList) before = NULL;
  g_autoptr(FieldList) after = NULL;
  sqlite3_stmt *stmt;
  gint64 id;

  g_return_val_if_fail (SIGNET_IS_STORE (self), FALSE);
  g_return_val_if_fail (SIGNET_IS_CONTRACT (contract), FALSE);

  id = signet_contract_get_id (contract);

  if (!begin_write (self, error))
    return FALSE;

  if (!(old = signet_store_get_contract (self, id, error)) ||
      !validate_contract (self, contract, error))
    goto failed;

  stmt = get_statement (self,
                        "UPDATE contracts SET number = ?, title = ?, client_id = ?, "
                        "contract_type = ?, owner = ?, department = ?, value = ?, currency = ?, "
                        "signing_date = ?, start_date = ?, end_date = ?, auto_renew = ?, "
                        "notice_days = ?, status = ?, risk_level = ?, tags = ?, notes = ? "
                        "WHERE id = ?", error);
  if (stmt == NULL)
    goto failed;

  bind_contract (stmt, contract);
  sqlite3_bind_int64 (stmt, 18, id);
  if (!step_done (self, stmt, error))
    goto failed;

  before = contract_to_fields (old);
  after = contract_to_fields (contract);
  if (!refresh_search_text (self, "id", id, error) ||
      !write_audit (self, "update", SIGNET_RECORD_CONTRACT, id,
                    signet_contract_get_number (contract), before, after, error) ||
      !commit_write (self, error))
    goto failed;

  fill_client_name (self, contract);
  emit_changed (self, SIGNET_RECORD_CONTRACT, id, SIGNET_CHANGE_UPDATED);

  return TRUE;

failed:
  rollback_write (self);
  return FALSE;
}

gboolean
signet_store_delete_contract (SignetStore  *self,
                              gint64        id,
                              GError      **error)
{
  g_autoptr(SignetContract) old = NULL;
  g_autoptr(FieldList) before = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (SIGNET_IS_STORE (self), FALSE);

  if (!begin_write (self, error))
    return FALSE;

  if (!(old = signet_store_get_contract (self, id, error)))
    goto failed;

  stmt = get_statement (self, "DELETE FROM contracts WHERE id = ?", error);
  if (stmt == NULL)
    goto failed;

  sqlite3_bind_int64 (stmt, 1, id);
  before = contract_to_fields (old);
  if (!step_done (self, stmt, error) ||
      !write_audit (self, "delete", SIGNET_RECORD_CONTRACT, id,
                    signet_contract_get_number (old), before, NULL, error) ||
      !commit_write (self, error))
    goto failed;

  emit_changed (self, SIGNET_RECORD_CONTRACT, id, SIGNET_CHANGE_REMOVED);

  return TRUE;

failed:
  rollback_write (self);
  return FALSE;
}

static SignetContract *
lookup_contract (SignetStore  *self,
                 const char   *where,
                 gint64        id,
                 const char   *text,
                 GError      **error)
{
  g_autofree char *sql =
    g_strdup_printf ("SELECT %s FROM contracts c JOIN clients k ON k.id = c.client_id "
                     "WHERE %s = ?", contract_columns, where);
  sqlite3_stmt *stmt = get_statement (self, sql, error);
  SignetContract *contract = NULL;
  int rc;

  if (stmt == NULL)
    return NULL;

  if (text != NULL)
    sqlite3_bind_text (stmt, 1, text, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_int64 (stmt, 1, id);

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      contract = signet_contract_new ();
      read_contract_row (stmt, contract);
    }
  else if (rc != SQLITE_DONE)
    set_sqlite_error (self, rc, error);

  sqlite3_reset (stmt);

  return contract;
}

SignetContract *
signet_store_get_contract (SignetStore  *self,
                           gint64        id,
                           GError      **error)
{
  g_autoptr(GError) local_error = NULL;
  SignetContract *contract;

  g_return_val_if_fail (SIGNET_IS_STORE (self), NULL);

  contract = lookup_contract (self, "c.id", id, NULL, &local_error);
  if (contract == NULL && local_error == NULL)
    g_set_error (&local_error, SIGNET_STORE_ERROR, SIGNET_STORE_ERROR_NOT_FOUND,
                 _("The contract no longer exists; it may have been deleted."));

  if (local_error != NULL)
    g_propagate_error (error, g_steal_pointer (&local_error));

  return contract;
}

SignetContract *
signet_store_find_contract_by_number (SignetStore  *self,
                                      const char   *number,
                                      GError      **error)
{
  g_return_val_if_fail (SIGNET_IS_STORE (self), NULL);
  g_return_val_if_fail (number != NULL, NULL);

  return lookup_contract (self, "c.number", 0, number, error);
}

guint
signet_store_count_contracts (SignetStore *self)
{
  gint64 count;

  g_return_val_if_fail (SIGNET_IS_STORE (self), 0);

  count = query_int64 (self, "SELECT count(*) FROM contracts", NULL);

  return count > 0 ? (guint) count : 0;
}

GArray *
signet_store_list_client_contract_ids (SignetStore  *self,
                                       gint64        client_id,
                                       GError      **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SIGNET_IS_STORE (self), NULL);

  stmt = get_statement (self, "SELECT id FROM contracts WHERE client_id = ?", error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, client_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      set_sqlite_error (self, rc, error);
      return NULL;
    }

  return g_steal_pointer (&ids);
}

static const char *
sort_clause (SignetSortKey sort_key,
             gboolean      descending)
{
  static const char * const ascending_clauses[] = {
    [SIGNET_SORT_NUMBER] = "c.number",
    [SIGNET_SORT_TITLE] = "c.title, c.number",
    [SIGNET_SORT_CLIENT] = "k.name, c.number",
    [SIGNET_SORT_STATUS] = "s.rank, c.number",
    [SIGNET_SORT_END_DATE] = "c.end_date IS NULL, c.end_date, c.number",
    [SIGNET_SORT_VALUE] = "c.value, c.currency, c.number",
  };
  static const char * const descending_clauses[] = {
    [SIGNET_SORT_NUMBER] = "c.number DESC",
    [SIGNET_SORT_TITLE] = "c.title DESC, c.number DESC",
    [SIGNET_SORT_CLIENT] = "k.name DESC, c.number DESC",
    [SIGNET_SORT_STATUS] = "s.rank DESC, c.number DESC",
    [SIGNET_SORT_END_DATE] = "c.end_date IS NULL, c.end_date DESC, c.number DESC",
    [SIGNET_SORT_VALUE] = "c.value DESC, c.currency DESC, c.number DESC",
  };

  g_assert (sort_key < G_N_ELEMENTS (ascending_clauses));

  return descending ? descending_clauses[sort_key] : ascending_clauses[sort_key];
}

/* Turns what the user typed into an FTS5 query for the terms of three or
 * more characters (each quoted as a phrase, so no user text is syntax) and a
 * list of shorter terms for instr(). */
static void
split_search (const char  *search,
              GString     *match,
              GPtrArray   *short_terms)
{
  g_autofree char *folded = g_utf8_strdown (search, -1);
  g_auto(GStrv) terms = g_strsplit_set (g_strstrip (folded), " \t\r\n\u3000", -1);

  for (guint i = 0; terms[i] != NULL; i++)
    {
      const char *term = terms[i];

      if (*term == '\0')
        continue;

      if (g_utf8_strlen (term, -1) >= 3)
        {
          if (match->len > 0)
            g_string_append (match, " AND ");
          g_string_append_c (match, '"');
          for (const char *p = term; *p != '\0'; p++)
            {
              if (*p == '"')
                g_string_append_c (match, '"');
              g_string_append_c (match, *p);
            }
          g_string_append_c (match, '"');
        }
      else
        g_ptr_array_add (short_terms, g_strdup (term));
    }
}

GArray *
signet_store_query_contract_ids (SignetStore    *self,
                                 const char     *search,
                                 SignetSortKey   sort_key,
                                 gboolean        descending,
                                 GError        **error)
{
  g_autoptr(GString) match = g_string_new (NULL);
  g_autoptr(GPtrArray) short_terms = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) sql = g_string_new ("SELECT c.id FROM contracts c");
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  const char *joiner = " WHERE ";
  sqlite3_stmt *stmt;
  int param = 1;
  int rc;

  g_return_val_if_fail (SIGNET_IS_STORE (self), NULL);

  if (search != NULL)
    split_search (search, match, short_terms);

  if (sort_key == SIGNET_SORT_CLIENT)
    g_string_append (sql, " JOIN clients k ON k.id = c.client_id");
  else if (sort_key == SIGNET_SORT_STATUS)
    g_string_append (sql,
                     " JOIN (SELECT 'draft' AS token, 0 AS rank UNION ALL SELECT 'in-review', 1"
                     " UNION ALL SELECT 'approved', 2 UNION ALL SELECT 'signed', 3"
                     " UNION ALL SELECT 'active', 4 UNION ALL SELECT 'expired', 5"
                     " UNION ALL SELECT 'renewed', 6 UNION ALL SELECT 'terminated', 7) s"
                     " ON s.token = c.status");

  if (match->len > 0)
    {
      g_string_append_printf (sql, "%sc.id IN (SELECT rowid FROM contract_search WHERE contract_search MATCH ?)",
                              joiner);
      joiner = " AND ";
    }

  for (guint i = 0; i < short_terms->len; i++)
    {
      g_string_append_printf (sql, "%sinstr(c.search_text, ?) > 0", joiner);
      joiner = " AND ";
    }

  g_string_append_printf (sql, " ORDER BY %s", sort_clause (sort_key, descending));

  stmt = get_statement (self, sql->str, error);
  if (stmt == NULL)
    return NULL;

  if (match->len > 0)
    sqlite3_bind_text (stmt, param++, match->str, -1, SQLITE_TRANSIENT);
  for (guint i = 0; i < short_terms->len; i++)
    sqlite3_bind_text (stmt, param++, g_ptr_array_index (short_terms, i), -1, SQLITE_TRANSIENT);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      set_sqlite_error (self, rc, error);
      return NULL;
    }

  return g_steal_pointer (&ids);
}

/* Contract numbers */

typedef struct
{
  char *prefix;
  char *suffix;
  guint width;
} NumberPattern;

static void
number_pattern_clear (NumberPattern *pattern)
{
  g_clear_pointer (&pattern->prefix, g_free);
  g_clear_pointer (&pattern->suffix, g_free);
}

static gboolean
expand_pattern (const char     *pattern,
                GDateTime      *now,
                NumberPattern  *out,
                GError        **error)
{
  g_autoptr(GString) text = g_string_new (NULL);
  gboolean seen_sequence = FALSE;
  const char *p = pattern;

  memset (out, 0, sizeof *out);

  while (*p != '\0')
    {
      const char *close;
      g_autofree char *token = NULL;

      if (*p == '}')
        goto invalid;

      if (*p != '{')
        {
          g_string_append_c (text, *p++);
          continue;
        }

      close = strchr (p, '}');
      if (close == NULL)
        goto invalid;

      token = g_strndup (p + 1, close - p - 1);
      p = close + 1;

      if (g_str_equal (token, "YYYY"))
        g_string_append_printf (text, "%04d", g_date_time_get_year (now));
      else if (g_str_equal (token, "YY"))
        g_string_append_printf (text, "%02d", g_date_time_get_year (now) % 100);
      else if (g_str_equal (token, "MM"))
        g_string_append_printf (text, "%02d", g_date_time_get_month (now));
      else if (g_str_equal (token, "DD"))
        g_string_append_printf (text, "%02d", g_date_time_get_day_of_month (now));
      else if (*token == 'N' && strspn (token, "N") == strlen (token) && strlen (token) <= 9 && !seen_sequence)
        {
          seen_sequence = TRUE;
          out->width = strlen (token);
          out->prefix = g_strdup (text->str);
          g_string_truncate (text, 0);
        }
      else
        goto invalid;
    }

  if (!seen_sequence)
    {
      g_set_error (error, SIGNET_FIELD_ERROR, SIGNET_FIELD_CONTRACT_NUMBER,
                   _("The number pattern “%s” has no sequence; add {NNNN} where the running number goes."),
                   pattern);
      return FALSE;
    }

  out->suffix = g_strdup (text->str);

  return TRUE;

invalid:
  number_pattern_clear (out);
  g_set_error (error, SIGNET_FIELD_ERROR, SIGNET_FIELD_CONTRACT_NUMBER,
               _("The number pattern “%s” is not valid. Use text with {YYYY}, {YY}, {MM}, {DD} "
                 "and one {NNNN} for the running number."),
               pattern);
  return FALSE;
}

gboolean
signet_contract_number_pattern_is_valid (const char  *pattern,
                                         GError     **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  NumberPattern parsed;

  g_return_val_if_fail (pattern != NULL, FALSE);

  if (!expand_pattern (pattern, now, &parsed, error))
    return FALSE;

  number_pattern_clear (&parsed);

  return TRUE;
}

char *
signet_store_next_contract_number (SignetStore  *self,
                                   const char   *pattern,
                                   GError      **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  NumberPattern parsed;
  sqlite3_stmt *stmt;
  gsize prefix_len, suffix_len;
  guint64 highest = 0;
  char *result;

  g_return_val_if_fail (SIGNET_IS_STORE (self), NULL);
  g_return_val_if_fail (pattern != NULL, NULL);

  if (!expand_pattern (pattern, now, &parsed, error))
    return NULL;

  prefix_len = strlen (parsed.prefix);
  suffix_len = strlen (parsed.suffix);

  /* substr() on a BLOB compares bytes, which is what the prefix is. */
  stmt = get_statement (self,
                        "SELECT number FROM contracts WHERE substr(CAST(number AS BLOB), 1, ?) = CAST(? AS BLOB)",
                        error);
  if (stmt == NULL)
    {
      number_pattern_clear (&parsed);
      return NULL;
    }

  sqlite3_bind_int64 (stmt, 1, prefix_len);
  sqlite3_bind_text (stmt, 2, parsed.prefix, -1, SQLITE_TRANSIENT);

  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *number = (const char *) sqlite3_column_text (stmt, 0);
      gsize len = strlen (number);
      const char *digits = number + prefix_len;
      gsize n_digits;

      if (len < prefix_len + suffix_len + 1 ||
          strcmp (number + len - suffix_len, parsed.suffix) != 0)
        continue;

      n_digits = len - prefix_len - suffix_len;
      if (n_digits > 18 || strspn (digits, "0123456789") < n_digits)
        continue;

      highest = MAX (highest, g_ascii_strtoull (digits, NULL, 10));
    }
  sqlite3_reset (stmt);

  result = g_strdup_printf ("%s%0*" G_GUINT64_FORMAT "%s",
                            parsed.prefix, (int) parsed.width, highest + 1, parsed.suffix);
  number_pattern_clear (&parsed);

  return result;
}

/* Batches */

gboolean
signet_store_begin_batch (SignetStore  *self,
                          GError      **error)
{
  g_return_val_if_fail (SIGNET_IS_STORE (self), FALSE);
  g_return_val_if_fail (self->batch_depth == 0, FALSE);

  if (!exec_sql (self, "BEGIN IMMEDIATE", error))
    return FALSE;

  self->batch_depth = 1;
  self->batch_changed = FALSE;

  return TRUE;
}

gboolean
signet_store_commit_batch (SignetStore  *self,
                           GError      **error)
{
  gboolean changed;

  g_return_val_if_fail (SIGNET_IS_STORE (self), FALSE);
  g_return_val_if_fail (self->batch_depth == 1, FALSE);

  self->batch_depth = 0;
  changed = self->batch_changed;
  self->batch_changed = FALSE;

  if (!exec_sql (self, "COMMIT", error))
    {
      exec_sql (self, "ROLLBACK", NULL);
      return FALSE;
    }

  if (changed)
    g_signal_emit (self, signals[RESET], 0);

  return TRUE;
}

void
signet_store_rollback_batch (SignetStore *self)
{
  g_return_if_fail (SIGNET_IS_STORE (self));
  g_return_if_fail (self->batch_depth == 1);

  self->batch_depth = 0;
  self->batch_changed = FALSE;
  exec_sql (self, "ROLLBACK", NULL);
}

/* Audit log */

void
signet_audit_entry_free (SignetAuditEntry *entry)
{
  if (entry == NULL)
    return;

  g_free (entry->timestamp);
  g_free (entry->user);
  g_free (entry->action);
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
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SIGNET_IS_STORE (self), NULL);

  entries = g_ptr_array_new_with_free_func ((GDestroyNotify) signet_audit_entry_free);

  stmt = get_statement (self,
                        "SELECT id, at, user, action, record_id, record_label FROM audit "
                        "WHERE record_kind = ?1 AND (?2 = 0 OR record_id = ?2) ORDER BY id DESC",
                        error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, kind == SIGNET_RECORD_CLIENT ? "client" : "contract", -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, record_id);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SignetAuditEntry *entry = g_new0 (SignetAuditEntry, 1);

      entry->id = sqlite3_column_int64 (stmt, 0);
      entry->timestamp = dup_column_text (stmt, 1);
      entry->user = dup_column_text (stmt, 2);
      entry->action = dup_column_text (stmt, 3);
      entry->record_kind = kind;
      entry->record_id = sqlite3_column_int64 (stmt, 4);
      entry->record_label = dup_column_text (stmt, 5);
      entry->changes = g_ptr_array_new_with_free_func ((GDestroyNotify) audit_change_free);
      g_ptr_array_add (entries, entry);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      set_sqlite_error (self, rc, error);
      return NULL;
    }

  stmt = get_statement (self,
                        "SELECT field, old_value, new_value FROM audit_changes "
                        "WHERE audit_id = ? ORDER BY rowid", error);
  if (stmt == NULL)
    return NULL;

  for (guint i = 0; i < entries->len; i++)
    {
      SignetAuditEntry *entry = g_ptr_array_index (entries, i);

      sqlite3_reset (stmt);
      sqlite3_bind_int64 (stmt, 1, entry->id);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          SignetAuditChange *change = g_new0 (SignetAuditChange, 1);

          change->field = dup_column_text (stmt, 0);
          change->old_value = dup_column_text (stmt, 1);
          change->new_value = dup_column_text (stmt, 2);
          g_ptr_array_add (entry->changes, change);
        }
    }
  sqlite3_reset (stmt);

  return g_steal_pointer (&entries);
}
