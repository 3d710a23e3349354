/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "signet-store"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "signet-amendment.h"
#include "signet-contract-process.h"
#include "signet-date.h"
#include "signet-money.h"
#include "signet-search-text.h"
#include "signet-store-events.h"
#include "signet-store-private.h"
#include "signet-tombstone-private.h"

/* Every stored column of a contract and its client's name, in the order
 * read_contract_row() reads them. The name is NULL when the client row is
 * missing: a register changed outside Signet, with foreign keys off. */
#define SELECT_CONTRACT \
  "SELECT c.id, c.number, c.title, c.client_id, k.name, c.contract_type, c.owner, c.department, " \
  "c.value, c.currency, c.signing_date, c.start_date, c.end_date, c.auto_renew, " \
  "c.notice_days, c.status, c.risk_level, c.tags, c.notes, c.version, c.uuid, " \
  "c.their_signing_date, c.termination_reason, c.termination_date, c.confidential " \
  "FROM contracts c LEFT JOIN clients k ON k.id = c.client_id "

/* The fields a save merges one by one, in the form's order (the currency
 * goes with the value). */
static const SignetField contract_fields[] = {
  SIGNET_FIELD_CONTRACT_NUMBER,
  SIGNET_FIELD_CONTRACT_TITLE,
  SIGNET_FIELD_CONTRACT_CLIENT,
  SIGNET_FIELD_CONTRACT_TYPE,
  SIGNET_FIELD_CONTRACT_OWNER,
  SIGNET_FIELD_CONTRACT_DEPARTMENT,
  SIGNET_FIELD_CONTRACT_VALUE,
  SIGNET_FIELD_CONTRACT_SIGNING_DATE,
  SIGNET_FIELD_CONTRACT_START_DATE,
  SIGNET_FIELD_CONTRACT_END_DATE,
  SIGNET_FIELD_CONTRACT_NOTICE_DAYS,
  SIGNET_FIELD_CONTRACT_STATUS,
  SIGNET_FIELD_CONTRACT_RISK_LEVEL,
  SIGNET_FIELD_CONTRACT_TAGS,
  SIGNET_FIELD_CONTRACT_NOTES,
  SIGNET_FIELD_CONTRACT_CONFIDENTIAL,
};

static gboolean
validate_date (const char   *text,
               SignetField   field,
               GError      **error)
{
  SignetDateCheck check;

  if (text == NULL || *text == '\0')
    return TRUE;

  check = signet_date_check (text);
  if (check == SIGNET_DATE_OK)
    return TRUE;

  if (check == SIGNET_DATE_OUT_OF_RANGE)
    {
      g_autofree char *message = signet_date_out_of_range_message (text);

      /* Translators: a field name such as "End Date", and what is wrong with it. */
      return _signet_set_field_error (error, field, _("%s: %s"), signet_field_to_label (field), message);
    }

  /* Translators: the first %s is a field name such as "End Date". */
  return _signet_set_field_error (error, field, _("%s: “%s” is not a date. Use the form YYYY-MM-DD, for example 2027-03-31."),
                                  signet_field_to_label (field), text);
}

/* Whether the contract's client exists; fills in its name when it does. */
static gboolean
client_exists (SignetStore    *self,
               SignetContract *contract)
{
  SignetDbStmt *stmt = _signet_store_statement (self, "SELECT name FROM clients WHERE id = ?", NULL);
  gboolean found;

  if (stmt == NULL)
    return FALSE;

  signet_db_bind_int64 (stmt, 1, signet_contract_get_client_id (contract));
  found = signet_db_step (stmt) == SIGNET_DB_ROW;
  if (found)
    signet_contract_set_client_name (contract, signet_db_column_text (stmt, 0));
  signet_db_reset (stmt);

  return found;
}

/* A signed contract is stored as signed: active and expired are what it
 * shows by the day (signet_contract_get_shown_status()), which an import
 * or a contract made in memory may still say. The caller's object then
 * says what a read would. */
static void
store_as_signed (SignetContract *contract)
{
  SignetContractStatus status = signet_contract_get_status (contract);

  if (status == SIGNET_CONTRACT_STATUS_ACTIVE || status == SIGNET_CONTRACT_STATUS_EXPIRED)
    signet_contract_set_status (contract, SIGNET_CONTRACT_STATUS_SIGNED);
}

/* The checks that need nothing but the contract itself; a signed status
 * made the one stored. */
static gboolean
validate_contract_fields (SignetContract  *contract,
                          GError         **error)
{
  const char *start = signet_contract_get_start_date (contract);
  const char *end = signet_contract_get_end_date (contract);
  const char *currency = signet_contract_get_currency (contract);

  if (_signet_is_blank (signet_contract_get_number (contract)))
    return _signet_set_field_error (error, SIGNET_FIELD_CONTRACT_NUMBER, _("Enter a contract number."));

  if (!_signet_check_length (signet_contract_get_number (contract), SIGNET_STORE_MAX_KEY_CHARS,
                             SIGNET_FIELD_CONTRACT_NUMBER, error))
    return FALSE;

  if (_signet_is_blank (signet_contract_get_title (contract)))
    return _signet_set_field_error (error, SIGNET_FIELD_CONTRACT_TITLE, _("Enter a title for the contract."));

  if (!_signet_check_length (signet_contract_get_title (contract), SIGNET_STORE_MAX_TITLE_CHARS,
                             SIGNET_FIELD_CONTRACT_TITLE, error))
    return FALSE;

  if (signet_contract_get_client_id (contract) <= 0)
    return _signet_set_field_error (error, SIGNET_FIELD_CONTRACT_CLIENT, _("Choose the client this contract is with."));

  if (!signet_currency_is_valid (currency))
    return _signet_set_field_error (error, SIGNET_FIELD_CONTRACT_CURRENCY,
                                    _("“%s” is not an ISO 4217 currency code."), currency ? currency : "");

  if (signet_contract_get_value (contract) < 0)
    return _signet_set_field_error (error, SIGNET_FIELD_CONTRACT_VALUE, _("The value cannot be negative."));

  if (!validate_date (signet_contract_get_signing_date (contract), SIGNET_FIELD_CONTRACT_SIGNING_DATE, error) ||
      !validate_date (start, SIGNET_FIELD_CONTRACT_START_DATE, error) ||
      !validate_date (end, SIGNET_FIELD_CONTRACT_END_DATE, error))
    return FALSE;

  if (start != NULL && *start != '\0' && end != NULL && *end != '\0' && strcmp (end, start) < 0)
    return _signet_set_field_error (error, SIGNET_FIELD_CONTRACT_END_DATE,
                                    _("The end date %s is before the start date %s."), end, start);

  if (signet_contract_get_notice_days (contract) > 3650)
    return _signet_set_field_error (error, SIGNET_FIELD_CONTRACT_NOTICE_DAYS,
                                    _("A notice period can be at most 3650 days."));

  if (signet_contract_get_status (contract) >= SIGNET_N_CONTRACT_STATUSES)
    return _signet_set_field_error (error, SIGNET_FIELD_CONTRACT_STATUS, _("Choose a status."));

  store_as_signed (contract);

  if (signet_contract_get_risk_level (contract) >= SIGNET_N_RISK_LEVELS)
    return _signet_set_field_error (error, SIGNET_FIELD_CONTRACT_RISK_LEVEL, _("Choose a risk level."));

  return TRUE;
}

static gboolean
refuse_missing_client (GError **error)
{
  return _signet_set_field_error (error, SIGNET_FIELD_CONTRACT_CLIENT,
                                  _("The chosen client no longer exists. Choose another client."));
}

/* Fails if another contract than @contract has its number. */
static gboolean
check_number_unused (SignetStore     *self,
                     SignetContract  *contract,
                     GError         **error)
{
  SignetDbStmt *stmt = _signet_store_statement (self, "SELECT title FROM contracts WHERE number = ? AND id <> ?", error);
  /* As it is stored: spaces around a number are not part of it. */
  g_autofree char *number = _signet_strdup_trimmed (signet_contract_get_number (contract));

  if (stmt == NULL)
    return FALSE;

  signet_db_bind_text (stmt, 1, number);
  signet_db_bind_int64 (stmt, 2, signet_contract_get_id (contract));
  if (signet_db_step (stmt) == SIGNET_DB_ROW)
    {
      g_autofree char *other_title = _signet_store_dup_text (stmt, 0);

      signet_db_reset (stmt);
      return _signet_set_field_error (error, SIGNET_FIELD_CONTRACT_NUMBER,
                                      _("The number %s is already used by the contract “%s”."),
                                      number, other_title);
    }
  signet_db_reset (stmt);

  return TRUE;
}

static gboolean
check_contract_keys (SignetStore    *self,
                     gconstpointer   contract,
                     GError        **error)
{
  return check_number_unused (self, (SignetContract *) contract, error);
}

static gboolean
validate_contract (SignetStore     *self,
                   SignetContract  *contract,
                   GError         **error)
{
  if (!validate_contract_fields (contract, error))
    return FALSE;

  if (!client_exists (self, contract))
    return refuse_missing_client (error);

  return check_number_unused (self, contract, error);
}

static void
read_contract_row (SignetDbStmt   *stmt,
                   SignetContract *contract)
{
  SignetContractStatus status = SIGNET_CONTRACT_STATUS_DRAFT;
  SignetRiskLevel risk = SIGNET_RISK_LEVEL_LOW;

  signet_contract_set_id (contract, signet_db_column_int64 (stmt, 0));
  signet_contract_set_number (contract, signet_db_column_text (stmt, 1));
  signet_contract_set_title (contract, signet_db_column_text (stmt, 2));
  signet_contract_set_client_id (contract, signet_db_column_int64 (stmt, 3));
  signet_contract_set_client_name (contract, signet_db_column_text (stmt, 4));
  signet_contract_set_contract_type (contract, signet_db_column_text (stmt, 5));
  signet_contract_set_owner (contract, signet_db_column_text (stmt, 6));
  signet_contract_set_department (contract, signet_db_column_text (stmt, 7));
  signet_contract_set_value (contract, signet_db_column_int64 (stmt, 8));
  signet_contract_set_currency (contract, signet_db_column_text (stmt, 9));
  signet_contract_set_signing_date (contract, signet_db_column_text (stmt, 10));
  signet_contract_set_start_date (contract, signet_db_column_text (stmt, 11));
  signet_contract_set_end_date (contract, signet_db_column_text (stmt, 12));
  signet_contract_set_auto_renew (contract, signet_db_column_int (stmt, 13));
  signet_contract_set_notice_days (contract, signet_db_column_int (stmt, 14));
  signet_contract_status_from_token (signet_db_column_text (stmt, 15), &status);
  signet_contract_set_status (contract, status);
  signet_risk_level_from_token (signet_db_column_text (stmt, 16), &risk);
  signet_contract_set_risk_level (contract, risk);
  signet_contract_set_tags (contract, signet_db_column_text (stmt, 17));
  signet_contract_set_notes (contract, signet_db_column_text (stmt, 18));
  signet_contract_set_version (contract, signet_db_column_int64 (stmt, 19));
  signet_contract_set_uuid (contract, signet_db_column_text (stmt, 20));
  signet_contract_set_their_signing_date (contract, signet_db_column_text (stmt, 21));
  signet_contract_set_termination_reason (contract, signet_db_column_text (stmt, 22));
  signet_contract_set_termination_date (contract, signet_db_column_text (stmt, 23));
  signet_contract_set_confidential (contract, signet_db_column_int (stmt, 24));
}

/* Binds @text without white space at either end, and without copying it
 * (the contract keeps its strings unchanged until the statement has run). */
static void
bind_trimmed (SignetDbStmt *stmt,
              int           index,
              const char   *text)
{
  const char *end;

  if (text == NULL)
    {
      signet_db_bind_null (stmt, index);
      return;
    }

  while (g_ascii_isspace (*text))
    text++;
  end = text + strlen (text);
  while (end > text && g_ascii_isspace (end[-1]))
    end--;

  if (end == text)
    signet_db_bind_null (stmt, index);
  else
    signet_db_bind_text_len (stmt, index, text, (int) (end - text));
}

/* Binds every stored contract column, starting at parameter 1, in the order
 * of the INSERT/UPDATE statements below. The search text and sort key are
 * made from them: by the INSERT itself, which spares the trigger of
 * migration 8 a second write of the row (an import adds 100,000), and by
 * that trigger on UPDATE. */
#define SEARCH_COLUMNS_OF_BOUND_CONTRACT \
  "signet_search_text (?1, ?2), signet_search_text (?4, ?5, ?6, ?16), signet_sort_key (?2)"

static void
bind_contract (SignetDbStmt   *stmt,
               SignetContract *contract)
{
  bind_trimmed (stmt, 1, signet_contract_get_number (contract));
  bind_trimmed (stmt, 2, signet_contract_get_title (contract));
  signet_db_bind_int64 (stmt, 3, signet_contract_get_client_id (contract));
  _signet_store_bind_static_text (stmt, 4, signet_contract_get_contract_type (contract));
  _signet_store_bind_static_text (stmt, 5, signet_contract_get_owner (contract));
  _signet_store_bind_static_text (stmt, 6, signet_contract_get_department (contract));
  signet_db_bind_int64 (stmt, 7, signet_contract_get_value (contract));
  _signet_store_bind_static_text (stmt, 8, signet_contract_get_currency (contract));
  _signet_store_bind_static_text (stmt, 9, signet_contract_get_signing_date (contract));
  _signet_store_bind_static_text (stmt, 10, signet_contract_get_start_date (contract));
  _signet_store_bind_static_text (stmt, 11, signet_contract_get_end_date (contract));
  signet_db_bind_int (stmt, 12, signet_contract_get_auto_renew (contract));
  signet_db_bind_int (stmt, 13, signet_contract_get_notice_days (contract));
  signet_db_bind_static_text (stmt, 14, signet_contract_status_to_token (signet_contract_get_status (contract)));
  signet_db_bind_static_text (stmt, 15, signet_risk_level_to_token (signet_contract_get_risk_level (contract)));
  _signet_store_bind_static_text (stmt, 16, signet_contract_get_tags (contract));
  _signet_store_bind_static_text (stmt, 17, signet_contract_get_notes (contract));
  signet_db_bind_int (stmt, 24, signet_contract_get_confidential (contract));
}

/* @text as bind_trimmed() binds it, for the search text. */
static void
append_trimmed_field (GString    *out,
                      const char *text)
{
  g_autofree char *trimmed = g_strdup (text != NULL ? text : "");

  signet_search_append_field (out, g_strstrip (trimmed));
}

/* On a server: the search text, facets and sort key that the app's SQL
 * functions make in a file (pinyin, ICU keys), as parameters 25 to 27.
 * The insert trigger (migration 27) keeps a key the app made, so the row
 * is written once; made by the server's functions, it would be written a
 * second time with the app's, with its four GIN indexes: after a million
 * contracts were generated that second write took 429 s. */
static void
bind_search_columns (SignetDbStmt   *stmt,
                     SignetContract *contract)
{
  const char *facets[] = {
    signet_contract_get_contract_type (contract), signet_contract_get_owner (contract),
    signet_contract_get_department (contract), signet_contract_get_tags (contract),
  };
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GString) facet_text = g_string_new (NULL);
  g_autofree char *title = g_strdup (signet_contract_get_title (contract) != NULL ?
                                     signet_contract_get_title (contract) : "");
  g_autoptr(GBytes) key = NULL;
  gsize size;
  gconstpointer data;

  append_trimmed_field (text, signet_contract_get_number (contract));
  g_string_append_c (text, SIGNET_SEARCH_FIELD_SEPARATOR);
  append_trimmed_field (text, title);
  for (guint i = 0; i < G_N_ELEMENTS (facets); i++)
    {
      if (i > 0)
        g_string_append_c (facet_text, SIGNET_SEARCH_FIELD_SEPARATOR);
      signet_search_append_field (facet_text, facets[i]);
    }
  key = signet_search_sort_key (g_strstrip (title));
  data = g_bytes_get_data (key, &size);

  signet_db_bind_text (stmt, 25, text->str);
  signet_db_bind_text (stmt, 26, facet_text->str);
  signet_db_bind_blob (stmt, 27, data, size, TRUE);
}

/* The person the contract's owner names (migration 10), found or added
 * (in the contract's department); the contract then names its owner as
 * the directory does ("张伟" for " 张 伟"), which @name keeps alive until
 * the statement has run. */
static gboolean
link_owner (SignetWriteScope  *scope,
            SignetContract    *contract,
            gint64            *owner_id,
            char             **name,
            GError           **error)
{
  if (!_signet_store_resolve_owner (scope, signet_contract_get_owner (contract),
                                    signet_contract_get_department (contract), owner_id, name, error))
    return FALSE;

  signet_contract_set_owner (contract, *name);

  return TRUE;
}

static void
bind_owner_id (SignetDbStmt *stmt,
               gint64        owner_id)
{
  if (owner_id > 0)
    signet_db_bind_int64 (stmt, 20, owner_id);
  else
    signet_db_bind_null (stmt, 20);
}

/* Runs the INSERT of @stmt. The client and the number are checked by the
 * database as it writes (a foreign key, a unique index) rather than by a
 * query before every insert: an import adds 100,000 contracts this way. */
static gboolean
step_insert (SignetStore     *self,
             SignetDbStmt    *stmt,
             SignetContract  *contract,
             GError         **error)
{
  int rc = signet_db_step (stmt);

  if (rc != SIGNET_DB_DONE)
    rc = signet_db_errcode (self->db);
  signet_db_reset (stmt);

  if (rc == SIGNET_DB_DONE)
    return TRUE;

  if (rc == SIGNET_DB_CONSTRAINT_FOREIGNKEY)
    return refuse_missing_client (error);

  if (rc == SIGNET_DB_CONSTRAINT_UNIQUE && !check_number_unused (self, contract, error))
    return FALSE;

  return _signet_store_set_error (self, rc, error);
}

/* The INSERT of @contract and its audit entry inside @scope, which the
 * caller begins and commits: a contract added alone, or with the key
 * dates of its type (signet-store-types.c). Gives the new row's id and
 * UUID; the caller sets them on @contract once committed. */
gboolean
_signet_store_insert_contract (SignetWriteScope  *scope,
                               SignetContract    *contract,
                               gint64            *id,
                               char             **uuid,
                               GError           **error)
{
  SignetStore *self = scope->store;
  g_autoptr(FieldList) after = NULL;
  g_autofree char *claimed = NULL;
  g_autofree char *owner = NULL;
  gint64 owner_id;
  SignetDbStmt *stmt;

  if (!validate_contract_fields (contract, error) ||
      !link_owner (scope, contract, &owner_id, &owner, error))
    return FALSE;

  /* An imported contract keeps the UUID it had, if it can. */
  if (!(claimed = _signet_store_claim_uuid (self, "contracts", signet_contract_get_uuid (contract), error)))
    return FALSE;

#define INSERT_CONTRACT(search_columns) \
  "INSERT INTO contracts (number, title, client_id, contract_type, owner, " \
  "department, value, currency, signing_date, start_date, end_date, " \
  "auto_renew, notice_days, status, risk_level, tags, notes, id, uuid, " \
  "search_text, search_facets, title_key, owner_id, " \
  "their_signing_date, termination_reason, termination_date, confidential) " \
  "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?19, " \
  search_columns ", ?20, ?21, ?22, ?23, ?24)"
  stmt = _signet_store_statement (self,
                                  _signet_store_sql (self,
                                                     INSERT_CONTRACT (SEARCH_COLUMNS_OF_BOUND_CONTRACT),
                                                     INSERT_CONTRACT ("?25, ?26, ?27")),
                                  error);
#undef INSERT_CONTRACT
  if (stmt == NULL)
    return FALSE;

  bind_contract (stmt, contract);
  if (self->sqlite == NULL)
    bind_search_columns (stmt, contract);
  /* SQLite gives it a new id, one never given before (AUTOINCREMENT). */
  signet_db_bind_null (stmt, 18);
  signet_db_bind_static_text (stmt, 19, claimed);
  bind_owner_id (stmt, owner_id);
  /* What the process recorded: an import's or a restored contract's. */
  _signet_store_bind_static_text (stmt, 21, signet_contract_get_their_signing_date (contract));
  _signet_store_bind_static_text (stmt, 22, signet_contract_get_termination_reason (contract));
  _signet_store_bind_static_text (stmt, 23, signet_contract_get_termination_date (contract));

  if (!step_insert (self, stmt, contract, error))
    return FALSE;

  /* Its client's name, as a read gives it. */
  client_exists (self, contract);

  *id = signet_db_last_insert_id (self->db);

  _signet_store_note_batch_insert (self);
  after = _signet_contract_to_fields (contract);
  if (!_signet_store_events_refresh_contract (self, *id, error) ||
      !_signet_write_scope_audit (scope, SIGNET_AUDIT_ACTION_CREATE, SIGNET_RECORD_CONTRACT, *id,
                                  signet_contract_get_number (contract), NULL, after, error))
    return FALSE;

  *uuid = g_steal_pointer (&claimed);

  return TRUE;
}

/* Keeps the caller's object equal to what a read would return. */
static gboolean
insert_contract (SignetStore     *self,
                 SignetContract  *contract,
                 GError         **error)
{
  g_auto(SignetWriteScope) scope = { 0 };
  g_autofree char *uuid = NULL;
  gint64 id;

  if (!_signet_write_scope_begin (&scope, self, error) ||
      !_signet_store_insert_contract (&scope, contract, &id, &uuid, error) ||
      !_signet_write_scope_commit (&scope, error))
    return FALSE;

  signet_contract_set_id (contract, id);
  /* The column's default. */
  signet_contract_set_version (contract, 1);
  signet_contract_set_uuid (contract, uuid);

  return TRUE;
}

gboolean
signet_store_add_contract (SignetStore     *self,
                           SignetContract  *contract,
                           GError         **error)
{
  g_return_val_if_fail (SIGNET_IS_STORE (self), FALSE);
  g_return_val_if_fail (SIGNET_IS_CONTRACT (contract), FALSE);

  signet_contract_set_id (contract, 0);

  return insert_contract (self, contract, error);
}

/* Writes @contract over @old, the row as read in this write's
 * transaction, one version on, and audits what changed; the caller has
 * begun the write and rolls it back on failure. */
static gboolean
write_update (SignetWriteScope  *scope,
              SignetContract    *old,
              SignetContract    *contract,
              GError           **error)
{
  SignetStore *self = scope->store;
  g_autoptr(FieldList) before = NULL;
  g_autoptr(FieldList) after = NULL;
  gint64 id = signet_contract_get_id (old);
  g_autofree char *owner = NULL;
  gint64 owner_id;
  SignetDbStmt *stmt;

  if (!validate_contract (self, contract, error) ||
      !link_owner (scope, contract, &owner_id, &owner, error))
    return FALSE;

  stmt = _signet_store_statement (self,
                                  "UPDATE contracts SET number = ?, title = ?, client_id = ?, "
                                  "contract_type = ?, owner = ?, department = ?, value = ?, currency = ?, "
                                  "signing_date = ?, start_date = ?, end_date = ?, auto_renew = ?, "
                                  "notice_days = ?, status = ?, risk_level = ?, tags = ?, notes = ?, owner_id = ?20, confidential = ?24, "
                                  "version = version + 1 WHERE id = ?18", error);
  if (stmt == NULL)
    return FALSE;

  bind_contract (stmt, contract);
  signet_db_bind_int64 (stmt, 18, id);
  bind_owner_id (stmt, owner_id);
  if (!_signet_store_step_keyed (self, stmt, check_contract_keys, contract, error))
    return FALSE;

  before = _signet_contract_to_fields (old);
  after = _signet_contract_to_fields (contract);

  return _signet_store_events_refresh_contract (self, id, error) &&
         _signet_write_scope_audit (scope, SIGNET_AUDIT_ACTION_UPDATE, SIGNET_RECORD_CONTRACT, id,
                                    signet_contract_get_number (contract), before, after, error);
}

gboolean
signet_store_update_contract (SignetStore     *self,
                              SignetContract  *contract,
                              GError         **error)
{
  g_auto(SignetWriteScope) scope = { 0 };
  g_autoptr(SignetContract) old = NULL;

  g_return_val_if_fail (SIGNET_IS_STORE (self), FALSE);
  g_return_val_if_fail (SIGNET_IS_CONTRACT (contract), FALSE);

  if (!_signet_write_scope_begin (&scope, self, error) ||
      !(old = signet_store_get_contract (self, signet_contract_get_id (contract), error)) ||
      !write_update (&scope, old, contract, error) ||
      !_signet_write_scope_commit (&scope, error))
    return FALSE;

  signet_contract_set_version (contract, signet_contract_get_version (old) + 1);

  return TRUE;
}

gboolean
signet_store_save_contract (SignetStore     *self,
                            SignetContract  *base,
                            SignetContract  *edited,
                            GError         **error)
{
  g_auto(SignetWriteScope) scope = { 0 };
  g_autoptr(SignetContract) current = NULL;
  g_autoptr(SignetContract) merged = NULL;
  gint64 id;

  g_return_val_if_fail (SIGNET_IS_STORE (self), FALSE);
  g_return_val_if_fail (SIGNET_IS_CONTRACT (base), FALSE);
  g_return_val_if_fail (SIGNET_IS_CONTRACT (edited), FALSE);
  g_return_val_if_fail (signet_contract_get_id (base) == signet_contract_get_id (edited), FALSE);

  id = signet_contract_get_id (base);

  /* The status moves by the process's actions, each recorded with who,
   * when and why (signet_store_take_process_step()), never by a form. */
  if (!signet_contract_field_equal (edited, base, SIGNET_FIELD_CONTRACT_STATUS))
    return _signet_set_field_error (error, SIGNET_FIELD_CONTRACT_STATUS, "%s",
                                    _("The status changes through the contract’s process: use its actions, "
                                      "such as Submit for Review or Mark as Signed."));

  if (!_signet_write_scope_begin (&scope, self, error) ||
      !_signet_store_lock_row (self, "SELECT id FROM contracts WHERE id = ?1 FOR UPDATE", id, error) ||
      !(current = signet_store_get_contract (self, id, error)))
    return FALSE;

  if (signet_contract_get_version (current) != signet_contract_get_version (base))
    {
      g_set_error (error, SIGNET_STORE_ERROR, SIGNET_STORE_ERROR_CONFLICT,
                   _("The contract %s was changed elsewhere after you opened it. Nothing was saved; "
                     "review the changes and save again."),
                   signet_contract_get_number (current));
      return FALSE;
    }

  /* A signed contract's terms change by amendment: the form shows them
   * read-only, and a save that edits one anyway (another program, a form
   * opened before the contract was signed) is refused. An import, which
   * stores what its file says, writes through signet_store_update_contract(). */
  if (signet_contract_is_signed (current))
    for (guint i = 0; i < G_N_ELEMENTS (contract_fields); i++)
      if (signet_contract_field_is_locked_when_signed (contract_fields[i]) &&
          !signet_contract_field_equal (edited, base, contract_fields[i]))
        return _signet_set_field_error (error, contract_fields[i], "%s",
                                        _("Signed contracts change by amendment."));

  merged = signet_contract_copy (current);
  for (guint i = 0; i < G_N_ELEMENTS (contract_fields); i++)
    if (!signet_contract_field_equal (edited, base, contract_fields[i]))
      signet_contract_copy_field (merged, edited, contract_fields[i]);

  /* The user's edits are what is stored already: nothing to write (the
   * scope rolls back). */
  if (signet_contract_equal (merged, current))
    return TRUE;

  return write_update (&scope, current, merged, error) &&
         _signet_write_scope_commit (&scope, error);
}

GArray *
signet_store_list_contract_conflicts (SignetStore     *self,
                                      SignetContract  *base,
                                      SignetContract  *edited,
                                      SignetContract **current,
                                      GError         **error)
{
  g_autoptr(SignetContract) stored = NULL;
  GArray *conflicts;

  g_return_val_if_fail (SIGNET_IS_STORE (self), NULL);
  g_return_val_if_fail (SIGNET_IS_CONTRACT (base), NULL);
  g_return_val_if_fail (SIGNET_IS_CONTRACT (edited), NULL);
  g_return_val_if_fail (current != NULL, NULL);

  stored = signet_store_get_contract (self, signet_contract_get_id (base), error);
  if (stored == NULL)
    return NULL;

  conflicts = g_array_new (FALSE, FALSE, sizeof (SignetFieldConflict));
  for (guint i = 0; i < G_N_ELEMENTS (contract_fields); i++)
    {
      SignetFieldConflict conflict = { contract_fields[i], FALSE };

      if (signet_contract_field_equal (base, stored, conflict.field))
        continue;

      conflict.edited = !signet_contract_field_equal (edited, base, conflict.field);
      g_array_append_val (conflicts, conflict);
    }

  *current = g_steal_pointer (&stored);

  return conflicts;
}

/* Only the contract's row goes: its key dates, attachments, reviews and
 * reminder settings stay under its id (which AUTOINCREMENT never gives
 * out again) and are seen again once it is back. */
SignetTombstone *
_signet_store_delete_contract (SignetStore  *self,
                               gint64        id,
                               GError      **error)
{
  g_auto(SignetWriteScope) scope = { 0 };
  g_autoptr(SignetContract) old = NULL;
  g_autoptr(SignetClient) client = NULL;
  g_autoptr(FieldList) before = NULL;
  g_autoptr(SignetTombstone) tombstone = NULL;
  SignetDbStmt *stmt;

  if (!_signet_write_scope_begin (&scope, self, error) ||
      !(old = signet_store_get_contract (self, id, error)))
    return NULL;

  tombstone = _signet_tombstone_new (SIGNET_TOMBSTONE_CONTRACT, id, id, signet_contract_get_number (old));
  if (!_signet_store_keep_rows (self, tombstone, "contracts", "id = ?1", id, error))
    return NULL;

  /* A client's id may be given out again: the restore checks the code. */
  client = _signet_store_lookup_client (self, "id", signet_contract_get_client_id (old), NULL, NULL);
  if (client != NULL)
    _signet_tombstone_set_parent_key (tombstone, signet_client_get_code (client));

  stmt = _signet_store_statement (self, "DELETE FROM contracts WHERE id = ?", error);
  if (stmt == NULL)
    return NULL;

  signet_db_bind_int64 (stmt, 1, id);
  before = _signet_contract_to_fields (old);
  if (!_signet_store_step_done (self, stmt, error) ||
      !_signet_store_events_refresh_contract (self, id, error) ||
      !_signet_write_scope_audit (&scope, SIGNET_AUDIT_ACTION_DELETE, SIGNET_RECORD_CONTRACT, id,
                                  signet_contract_get_number (old), before, NULL, error) ||
      !_signet_write_scope_commit (&scope, error))
    return NULL;

  return g_steal_pointer (&tombstone);
}

gboolean
signet_store_delete_contract (SignetStore  *self,
                              gint64        id,
                              GError      **error)
{
  g_autoptr(SignetTombstone) tombstone = NULL;

  g_return_val_if_fail (SIGNET_IS_STORE (self), FALSE);

  tombstone = _signet_store_delete_contract (self, id, error);

  return tombstone != NULL;
}

static gboolean
contract_row_exists (SignetStore  *self,
                     const char   *column,
                     gint64        id,
                     const char   *number,
                     gboolean     *exists,
                     GError      **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT 1 FROM contracts WHERE %s = ?", column);
  SignetDbStmt *stmt = _signet_store_statement (self, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;

  if (number != NULL)
    signet_db_bind_text (stmt, 1, number);
  else
    signet_db_bind_int64 (stmt, 1, id);
  rc = signet_db_step (stmt);
  signet_db_reset (stmt);
  if (rc != SIGNET_DB_ROW && rc != SIGNET_DB_DONE)
    return _signet_store_set_error (self, rc, error);

  *exists = rc == SIGNET_DB_ROW;

  return TRUE;
}

gboolean
_signet_store_restore_contract (SignetWriteScope  *scope,
                                SignetTombstone   *tombstone,
                                GError           **error)
{
  SignetStore *self = scope->store;
  gint64 id = signet_tombstone_get_id (tombstone);
  const char *number = signet_tombstone_get_label (tombstone);
  SignetDbValue *client_id = _signet_tombstone_get_value (tombstone, "contracts", "client_id");
  g_autoptr(SignetClient) client = NULL;
  g_autoptr(SignetContract) restored = NULL;
  g_autoptr(FieldList) after = NULL;
  gboolean exists = FALSE;
  SignetDbStmt *stmt;

  if (!contract_row_exists (self, "id", id, NULL, &exists, error))
    return FALSE;
  if (exists)
    {
      g_set_error (error, SIGNET_STORE_ERROR, SIGNET_STORE_ERROR_CONFLICT,
                   _("Contract %s is in the register already."), number);
      return FALSE;
    }

  if (client_id != NULL)
    client = _signet_store_lookup_client (self, "id", signet_db_value_int64 (client_id), NULL, NULL);
  if (client == NULL || g_strcmp0 (signet_client_get_code (client), _signet_tombstone_get_parent_key (tombstone)) != 0)
    {
      g_set_error (error, SIGNET_STORE_ERROR, SIGNET_STORE_ERROR_NOT_FOUND,
                   _("Contract %s cannot be restored: its client has been deleted."), number);
      return FALSE;
    }

  if (!contract_row_exists (self, "number", 0, number, &exists, error))
    return FALSE;
  if (exists)
    {
      g_set_error (error, SIGNET_STORE_ERROR, SIGNET_STORE_ERROR_CONFLICT,
                   _("Contract %s cannot be restored: another contract has been given its number."), number);
      return FALSE;
    }

  if (!_signet_store_keep_uuid (self, tombstone, "contracts", error) ||
      !_signet_store_insert_kept_rows (self, tombstone, error) ||
      !_signet_store_relink_owner (scope, id, error))
    return FALSE;

  stmt = _signet_store_statement (self, "UPDATE contracts SET version = version + 1 WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  signet_db_bind_int64 (stmt, 1, id);
  if (!_signet_store_step_done (self, stmt, error) ||
      !_signet_store_refresh_search_text (self, "id", id, error) ||
      !(restored = signet_store_get_contract (self, id, error)))
    return FALSE;

  after = _signet_contract_to_fields (restored);

  return _signet_store_events_refresh_contract (self, id, error) &&
         _signet_write_scope_audit (scope, SIGNET_AUDIT_ACTION_RESTORE, SIGNET_RECORD_CONTRACT, id, number,
                                    NULL, after, error);
}

/* A contract without its client cannot be shown, saved or exported as
 * it is: the message says what is wrong instead of "no longer exists". */
static void
set_missing_client_error (SignetStore     *self,
                          SignetContract  *contract,
                          GError         **error)
{
  g_autofree char *client_id = g_strdup_printf ("%" G_GINT64_FORMAT, signet_contract_get_client_id (contract));

  /* Translators: the first %s is a contract number, the second a number, the last a file. */
  g_set_error (error, SIGNET_STORE_ERROR, SIGNET_STORE_ERROR_DAMAGED,
               _("The contract %s refers to a client that is missing from the register "
                 "(client id %s): “%s” was changed outside Signet. Restore it from a backup."),
               signet_contract_get_number (contract), client_id, self->path);
}

/* By number when @number is given, else by @id. The SQL is constant so that
 * reading many contracts (export, the list) formats nothing per row. With
 * @keep_damaged, a contract whose client is missing comes back with its
 * client named as missing; otherwise it is SIGNET_STORE_ERROR_DAMAGED. */
static SignetContract *
lookup_contract (SignetStore  *self,
                 gint64        id,
                 const char   *number,
                 gboolean      keep_damaged,
                 GError      **error)
{
  const char *sql = number != NULL ? SELECT_CONTRACT "WHERE c.number = ?"
                                   : SELECT_CONTRACT "WHERE c.id = ?";
  SignetDbStmt *stmt = _signet_store_statement (self, sql, error);
  SignetContract *contract = NULL;
  int rc;

  if (stmt == NULL)
    return NULL;

  if (number != NULL)
    signet_db_bind_text (stmt, 1, number);
  else
    signet_db_bind_int64 (stmt, 1, id);

  rc = signet_db_step (stmt);
  if (rc == SIGNET_DB_ROW)
    {
      contract = signet_contract_new ();
      read_contract_row (stmt, contract);

      if (signet_db_column_type (stmt, 4) == SIGNET_DB_NULL)
        {
          if (keep_damaged)
            signet_contract_set_client_name (contract, _("Missing client"));
          else
            {
              set_missing_client_error (self, contract, error);
              g_clear_object (&contract);
            }
        }
    }
  else if (rc != SIGNET_DB_DONE)
    _signet_store_set_error (self, rc, error);

  signet_db_reset (stmt);

  return contract;
}

/* By @id; a contract that is not there is an error. */
static SignetContract *
get_contract (SignetStore  *self,
              gint64        id,
              gboolean      listed,
              GError      **error)
{
  g_autoptr(GError) local_error = NULL;
  SignetContract *contract;

  contract = lookup_contract (self, id, NULL, listed, &local_error);
  if (contract == NULL && local_error == NULL)
    g_set_error (&local_error, SIGNET_STORE_ERROR, SIGNET_STORE_ERROR_NOT_FOUND,
                 _("The contract no longer exists; it may have been deleted."));

  if (local_error != NULL)
    g_propagate_error (error, g_steal_pointer (&local_error));

  return contract;
}

SignetContract *
signet_store_get_contract (SignetStore  *self,
                           gint64        id,
                           GError      **error)
{
  g_return_val_if_fail (SIGNET_IS_STORE (self), NULL);

  return get_contract (self, id, FALSE, error);
}

SignetContract *
signet_store_find_contract_by_number (SignetStore  *self,
                                      const char   *number,
                                      GError      **error)
{
  g_return_val_if_fail (SIGNET_IS_STORE (self), NULL);
  g_return_val_if_fail (number != NULL, NULL);

  return lookup_contract (self, 0, number, FALSE, error);
}

SignetContract *
signet_store_get_listed_contract (SignetStore  *self,
                                  gint64        id,
                                  GError      **error)
{
  g_return_val_if_fail (SIGNET_IS_STORE (self), NULL);

  return get_contract (self, id, TRUE, error);
}

guint
signet_store_count_contracts (SignetStore *self)
{
  gint64 count;

  g_return_val_if_fail (SIGNET_IS_STORE (self), 0);

  count = _signet_store_query_int64 (self, "SELECT count(*) FROM contracts", NULL);

  return count > 0 ? (guint) count : 0;
}

GArray *
signet_store_list_client_contract_ids (SignetStore  *self,
                                       gint64        client_id,
                                       GError      **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  SignetDbStmt *stmt;
  int rc;

  g_return_val_if_fail (SIGNET_IS_STORE (self), NULL);

  stmt = _signet_store_statement (self, "SELECT id FROM contracts WHERE client_id = ?", error);
  if (stmt == NULL)
    return NULL;

  signet_db_bind_int64 (stmt, 1, client_id);
  while ((rc = signet_db_step (stmt)) == SIGNET_DB_ROW)
    {
      gint64 id = signet_db_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  signet_db_reset (stmt);

  if (rc != SIGNET_DB_DONE)
    {
      _signet_store_set_error (self, rc, error);
      return NULL;
    }

  return g_steal_pointer (&ids);
}


guint
_signet_store_count_contracts (SignetStore *self,
                               const char  *count_sql,
                               gint64       id)
{
  SignetDbStmt *stmt;
  guint count = 0;

  stmt = _signet_store_statement (self, count_sql, NULL);
  if (stmt == NULL)
    return 0;

  signet_db_bind_int64 (stmt, 1, id);
  if (signet_db_step (stmt) == SIGNET_DB_ROW)
    count = signet_db_column_int (stmt, 0);
  signet_db_reset (stmt);

  return count;
}
