/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "signet-store"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <unistd.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "signet-enum-types.h"
#include "signet-store.h"
#include "signet-store-private.h"

/* "SGNT": marks a SQLite file as Signet's, so a foreign database is refused
 * instead of being migrated into. */
#define SIGNET_APPLICATION_ID 0x53474e54

#define BUSY_TIMEOUT_MS 5000

static gboolean migrate_to_1 (SignetStore *self, GError **error);
static gboolean migrate_to_2 (SignetStore *self, GError **error);
static gboolean migrate_to_3 (SignetStore *self, GError **error);
static gboolean migrate_to_4 (SignetStore *self, GError **error);
static gboolean migrate_to_5 (SignetStore *self, GError **error);
static gboolean migrate_to_6 (SignetStore *self, GError **error);

static gboolean (* const migrations[]) (SignetStore *, GError **) = {
  migrate_to_1,
  migrate_to_2,
  migrate_to_3,
  migrate_to_4,
  migrate_to_5,
  migrate_to_6,
  _signet_store_migrate_uuids,
  _signet_store_migrate_search,
  _signet_store_migrate_process,
  _signet_store_migrate_people,
  _signet_store_migrate_types,
  _signet_store_migrate_amendments,
  _signet_store_migrate_approvals,
  _signet_store_migrate_renewals,
  _signet_store_migrate_notice_decisions,
  _signet_store_migrate_payments,
  _signet_store_migrate_obligations,
  _signet_store_migrate_risks,
  _signet_store_migrate_review_findings,
  _signet_store_migrate_originals,
  _signet_store_migrate_saved_views,
  _signet_store_migrate_exchange_rates,
  _signet_store_migrate_import_mappings,
  _signet_store_migrate_team,
  _signet_store_migrate_search_triggers,
  _signet_store_migrate_grams_cost,
  _signet_store_migrate_insert_texts,
};

G_DEFINE_FINAL_TYPE (SignetStore, signet_store, G_TYPE_OBJECT)

enum {
  CHANGED,
  RESET,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_QUARK (signet-store-error-quark, signet_store_error)

/* Where SQLite keeps its files beside the register while it is open. */
static gboolean
set_folder_error (SignetStore  *self,
                  GError      **error)
{
  g_autofree char *folder = g_path_get_dirname (self->path);
  g_autofree char *name = g_path_get_basename (self->path);

  /* Translators: the first %s is a folder, the other two the register's file name. */
  g_set_error (error, SIGNET_STORE_ERROR, SIGNET_STORE_ERROR_READ_ONLY,
               _("Cannot write in the folder “%s”: while a register is open, two files are kept "
                 "beside it there (“%s-wal” and “%s-shm”). Nothing was changed."),
               folder, name, name);

  return FALSE;
}

/* Says the true cause: a full disk or a folder that cannot be written in
 * are not a damaged register. */
gboolean
_signet_store_set_error (SignetStore  *self,
                         int           rc,
                         GError      **error)
{
  int code = (rc & 0xff);
  int system_errno = 0;

  g_debug ("Database error %d: %s", rc, self->db != NULL ? signet_db_errmsg (self->db) : signet_db_errstr (rc));

  /* A server out of reach is no fault of the register's. */
  if (_signet_store_connection_check_lost (self, error))
    return FALSE;

  /* The caller may pass the primary code only; the connection knows more. */
  if (self->db != NULL && (signet_db_errcode (self->db) & 0xff) == code)
    rc = signet_db_errcode (self->db);

  /* Only these codes set it: an older value would be another error's. */
  if (self->sqlite != NULL && (code == SQLITE_IOERR || code == SQLITE_CANTOPEN))
    system_errno = sqlite3_system_errno (self->sqlite);

  if (code == SQLITE_BUSY || code == SQLITE_LOCKED)
    g_set_error (error, SIGNET_STORE_ERROR, SIGNET_STORE_ERROR_BUSY,
                 _("The database is busy because another program is writing to it. "
                   "Nothing was changed; try again in a moment."));
  else if (code == SQLITE_FULL || system_errno == ENOSPC || system_errno == EDQUOT)
    g_set_error (error, SIGNET_STORE_ERROR, SIGNET_STORE_ERROR_DISK_FULL,
                 _("The disk holding “%s” is full. Nothing was changed; "
                   "free some space and try again."), self->path);
  else if (rc == SQLITE_READONLY_DIRECTORY ||
           (code == SQLITE_CANTOPEN && (system_errno == EACCES || system_errno == EPERM ||
                                        system_errno == EROFS)))
    set_folder_error (self, error);
  else if (self->read_only && (code == SQLITE_READONLY || code == SQLITE_AUTH))
    g_set_error (error, SIGNET_STORE_ERROR, SIGNET_STORE_ERROR_READ_ONLY,
                 _("“%s” was opened for reading only. Nothing was changed."), self->path);
  else if (code == SQLITE_AUTH && self->sqlite == NULL)
    _signet_store_team_set_refused (self, error);
  else if (code == SQLITE_NOTADB)
    g_set_error (error, SIGNET_STORE_ERROR, SIGNET_STORE_ERROR_NOT_A_DATABASE,
                 _("“%s” is not a Signet database."), self->path);
  else if (code == SQLITE_CORRUPT)
    g_set_error (error, SIGNET_STORE_ERROR, SIGNET_STORE_ERROR_NOT_A_DATABASE,
                 _("The database “%s” is damaged."), self->path);
  else if (code == SQLITE_READONLY)
    g_set_error (error, SIGNET_STORE_ERROR, SIGNET_STORE_ERROR_READ_ONLY,
                 _("The database “%s” cannot be written to."), self->path);
  else if (system_errno != 0)
    /* Translators: the second %s says why, e.g. "Input/output error". */
    g_set_error (error, SIGNET_STORE_ERROR, SIGNET_STORE_ERROR_FAILED,
                 _("Could not read or write “%s”: %s"), self->path, g_strerror (system_errno));
  else
    g_set_error (error, SIGNET_STORE_ERROR, SIGNET_STORE_ERROR_FAILED,
                 _("The database reported an error: %s"),
                 self->db ? signet_db_errmsg (self->db) : signet_db_errstr (rc));

  return FALSE;
}

gboolean
_signet_store_exec (SignetStore  *self,
                    const char   *sql,
                    GError      **error)
{
  int rc = signet_db_exec (self->db, sql);

  if (rc != SQLITE_OK)
    return _signet_store_set_error (self, rc, error);

  return TRUE;
}

/* Prepared statements are cached by their SQL text and come back reset. */
SignetDbStmt *
_signet_store_statement (SignetStore  *self,
                         const char   *sql,
                         GError      **error)
{
  SignetDbStmt *stmt = g_hash_table_lookup (self->statements, sql);
  int rc;

  if (stmt != NULL)
    {
      signet_db_reset (stmt);
      signet_db_clear_bindings (stmt);
      return stmt;
    }

  rc = signet_db_prepare (self->db, sql, TRUE, &stmt);
  if (rc != SQLITE_OK)
    {
      _signet_store_set_error (self, rc, error);
      return NULL;
    }

  g_hash_table_insert (self->statements, g_strdup (sql), stmt);

  return stmt;
}

static void
bind_text_as (SignetDbStmt          *stmt,
              int                    index,
              const char            *text,
              sqlite3_destructor_type how)
{
  if (text == NULL || *text == '\0')
    signet_db_bind_null (stmt, index);
  else
    signet_db_bind_text (stmt, index, text);
}

void
_signet_store_bind_text (SignetDbStmt *stmt,
                         int           index,
                         const char   *text)
{
  bind_text_as (stmt, index, text, SQLITE_TRANSIENT);
}

void
_signet_store_bind_static_text (SignetDbStmt *stmt,
                                int           index,
                                const char   *text)
{
  bind_text_as (stmt, index, text, SQLITE_STATIC);
}

char *
_signet_store_dup_text (SignetDbStmt *stmt,
                        int           column)
{
  return g_strdup (signet_db_column_text (stmt, column));
}

gboolean
_signet_store_step_done (SignetStore   *self,
                         SignetDbStmt  *stmt,
                         GError       **error)
{
  int rc = signet_db_step (stmt);

  signet_db_reset (stmt);

  if (rc != SIGNET_DB_DONE && rc != SIGNET_DB_ROW)
    return _signet_store_set_error (self, rc, error);

  return TRUE;
}

/* On a server the check before a write reads what was committed: another
 * client's row with the same key, written but not committed yet, is not
 * seen. The write then waits for that client and fails on the unique
 * index once it commits; the check, run again, finds its row and says
 * whose the key is, rather than the server's message about an index. */
gboolean
_signet_store_step_keyed (SignetStore          *self,
                          SignetDbStmt         *stmt,
                          SignetStoreKeyCheck   check,
                          gconstpointer         data,
                          GError              **error)
{
  int rc = signet_db_step (stmt);

  if (rc != SIGNET_DB_DONE && rc != SIGNET_DB_ROW)
    rc = signet_db_errcode (self->db);
  signet_db_reset (stmt);

  if (rc == SIGNET_DB_DONE || rc == SIGNET_DB_ROW)
    return TRUE;

  if (rc == SIGNET_DB_CONSTRAINT_UNIQUE && !check (self, data, error))
    return FALSE;

  return _signet_store_set_error (self, rc, error);
}

gpointer
_signet_store_step_one_row (SignetStore         *self,
                            SignetDbStmt        *stmt,
                            SignetStoreRowFunc   from_row,
                            GError             **error)
{
  gpointer record = NULL;
  int rc = signet_db_step (stmt);

  if (rc == SIGNET_DB_ROW)
    record = from_row (stmt);
  signet_db_reset (stmt);

  if (rc != SIGNET_DB_ROW && rc != SIGNET_DB_DONE)
    _signet_store_set_error (self, rc, error);

  return record;
}

GListModel *
_signet_store_list_objects (SignetStore          *self,
                            const char           *sql,
                            GType                 type,
                            SignetStoreFillFunc   fill,
                            GError              **error)
{
  g_autoptr(GListStore) list = NULL;
  SignetDbStmt *stmt = _signet_store_statement (self, sql, error);
  int rc;

  if (stmt == NULL)
    return NULL;

  list = g_list_store_new (type);
  while ((rc = signet_db_step (stmt)) == SIGNET_DB_ROW)
    {
      g_autoptr(GObject) object = g_object_new (type, NULL);

      fill (stmt, object);
      g_list_store_append (list, object);
    }
  signet_db_reset (stmt);

  if (rc != SIGNET_DB_DONE)
    {
      _signet_store_set_error (self, rc, error);
      return NULL;
    }

  return G_LIST_MODEL (g_steal_pointer (&list));
}

gint64
_signet_store_query_int64 (SignetStore  *self,
                           const char   *sql,
                           GError      **error)
{
  SignetDbStmt *stmt = _signet_store_statement (self, sql, error);
  gint64 value = -1;

  if (stmt == NULL)
    return -1;

  if (signet_db_step (stmt) == SIGNET_DB_ROW)
    value = signet_db_column_int64 (stmt, 0);
  else
    _signet_store_set_error (self, signet_db_errcode (self->db), error);

  signet_db_reset (stmt);

  return value;
}

/* A store that only reads writes, at most, temporary tables of its own
 * (the events' index): its transactions take no write lock on the
 * register, and a writer is not held up by them. */
static const char *
write_begin (SignetStore *self)
{
  /* A server takes its locks row by row, as the writes reach them. */
  if (self->read_only || self->sqlite == NULL)
    return "BEGIN";

  return "BEGIN IMMEDIATE";
}

/* Transactions. The outermost write takes the lock up front (IMMEDIATE), so
 * a busy database is reported before anything is done.
 *
 * Inside a batch a write opens no savepoint of its own: a savepoint makes
 * SQLite copy every page the write touches into a statement journal first,
 * which for an import of 100,000 contracts was a large share of its time.
 * A write that fails before changing anything (validation, a duplicate
 * number) leaves the batch as it was; one that fails halfway marks the
 * batch failed, and committing it then rolls everything back. */
gboolean
_signet_store_begin_write (SignetStore  *self,
                           GError      **error)
{
  if (self->batch_depth > 0)
    {
      self->write_start_changes = signet_db_total_changes (self->db);
      return TRUE;
    }

  self->edit_pending = FALSE;
  return _signet_store_exec (self, write_begin (self), error);
}

/* On a server a transaction reads what was committed when each statement
 * began (READ COMMITTED), and takes a row's lock only when it writes it:
 * two saves that both read version 5 before either wrote would both pass
 * their version check, and the second would write over the first, each
 * audited as if the other had not been. Locking the row first (@lock_sql,
 * "SELECT id FROM t WHERE id = ?1 FOR UPDATE") makes the second wait for
 * the first to commit; its read then finds version 6, a conflict. A row
 * the user may not change is not locked and not refused here: the write
 * is refused as before. In a file the writer holds the whole register from
 * its BEGIN IMMEDIATE, so there is nothing to do. */
gboolean
_signet_store_lock_row (SignetStore  *self,
                        const char   *lock_sql,
                        gint64        id,
                        GError      **error)
{
  SignetDbStmt *stmt;
  int rc;

  if (self->sqlite != NULL)
    return TRUE;

  if (!(stmt = _signet_store_statement (self, lock_sql, error)))
    return FALSE;
  signet_db_bind_int64 (stmt, 1, id);
  while ((rc = signet_db_step (stmt)) == SIGNET_DB_ROW)
    ;
  signet_db_reset (stmt);
  if (rc != SIGNET_DB_DONE)
    return _signet_store_set_error (self, rc, error);

  return TRUE;
}

gboolean
_signet_store_commit_write (SignetStore  *self,
                            GError      **error)
{
  if (self->batch_depth > 0)
    return TRUE;

  if (!_signet_store_exec (self, "COMMIT", error))
    {
      _signet_store_exec (self, "ROLLBACK", NULL);
      _signet_store_own_writes_ended (self, FALSE);
      return FALSE;
    }

  _signet_store_own_writes_ended (self, TRUE);

  return TRUE;
}

void
_signet_store_rollback_write (SignetStore *self)
{
  if (self->batch_depth > 0)
    {
      if (signet_db_total_changes (self->db) != self->write_start_changes)
        self->batch_failed = TRUE;
    }
  else
    {
      if (signet_db_in_transaction (self->db))
        _signet_store_exec (self, "ROLLBACK", NULL);
      _signet_store_own_writes_ended (self, FALSE);
    }
}

void
_signet_store_emit_changed (SignetStore      *self,
                            SignetRecordKind  kind,
                            gint64            id,
                            SignetChangeKind  change,
                            const char       *detail)
{
  if (self->batch_depth > 0)
    {
      self->batch_changed = TRUE;
      return;
    }

  _signet_store_count_edit (self);
  _signet_store_search_note_change (self, kind, id, change);
  g_signal_emit (self, signals[CHANGED], g_quark_from_static_string (detail), kind, id, change);
}

void
_signet_store_emit_reset (SignetStore *self)
{
  _signet_store_search_forget (self);
  g_signal_emit (self, signals[RESET], 0);
}

gboolean
_signet_set_field_error (GError      **error,
                         SignetField   field,
                         const char   *format,
                         ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_set_error_literal (error, SIGNET_FIELD_ERROR, field, message);

  return FALSE;
}

gboolean
_signet_is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;

  for (; *text != '\0'; text = g_utf8_next_char (text))
    if (!g_unichar_isspace (g_utf8_get_char (text)))
      return FALSE;

  return TRUE;
}

gboolean
_signet_check_length (const char   *text,
                      guint         max_chars,
                      SignetField   field,
                      GError      **error)
{
  g_autofree char *trimmed = _signet_strdup_trimmed (text);
  glong n_chars = trimmed != NULL ? g_utf8_strlen (trimmed, -1) : 0;

  if (n_chars <= (glong) max_chars)
    return TRUE;

  /* Translators: the first %s is a field name such as "Number". */
  return _signet_set_field_error (error, field,
                                  _("%s: %ld characters is too long; at most %d are allowed."),
                                  signet_field_to_label (field), n_chars, (int) max_chars);
}

char *
_signet_strdup_trimmed (const char *text)
{
  return text ? g_strstrip (g_strdup (text)) : NULL;
}

static gboolean
migrate_to_1 (SignetStore  *self,
              GError      **error)
{
  return _signet_store_exec (self,
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
  return _signet_store_exec (self,
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

/* Version 3: contract search moved into memory (signet-store-search.c),
 * because no SQLite index finds the one- and two-character words Chinese
 * queries are made of; the trigram index only slowed every write. The
 * search_text column stays: it is what the search reads. */
static gboolean
migrate_to_3 (SignetStore  *self,
              GError      **error)
{
  return _signet_store_exec (self,
    "DROP TRIGGER contracts_search_insert;"
    "DROP TRIGGER contracts_search_delete;"
    "DROP TRIGGER contracts_search_update;"
    "DROP TABLE contract_search;",
    error);
}

/* Version 4: attachments and annotations, user key dates, reviews and
 * reminders; the audit changes of an entry in one JSON column.
 *
 * contracts is rebuilt with AUTOINCREMENT so that a contract id is never
 * given out twice: the rows that belong to a contract (attachments, key
 * dates, reviews) carry its id without a foreign key, stay when the contract
 * is deleted and come back with it on Undo, and can never be mistaken for
 * a later contract's.
 *
 * An audit entry's changes were a row each in audit_changes; an import of
 * 100,000 contracts wrote 1.3 million of them. They are now one JSON array
 * of [field, old, new] triples in audit.changes. */
static gboolean
migrate_to_4 (SignetStore  *self,
              GError      **error)
{
  return _signet_store_exec (self,
    "CREATE TABLE contracts_v4 ("
    "  id INTEGER PRIMARY KEY AUTOINCREMENT,"
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
    "  search_text TEXT NOT NULL DEFAULT '',"
    "  CHECK (start_date IS NULL OR end_date IS NULL OR end_date >= start_date));"
    "INSERT INTO contracts_v4 (id, number, title, client_id, contract_type, owner, department,"
    "  value, currency, signing_date, start_date, end_date, auto_renew, notice_days, status,"
    "  risk_level, tags, notes, search_text)"
    "  SELECT id, number, title, client_id, contract_type, owner, department,"
    "  value, currency, signing_date, start_date, end_date, auto_renew, notice_days, status,"
    "  risk_level, tags, notes, search_text FROM contracts;"
    "DROP TABLE contracts;"
    "ALTER TABLE contracts_v4 RENAME TO contracts;"
    "CREATE INDEX contracts_client ON contracts (client_id);"
    "CREATE INDEX contracts_title ON contracts (title);"
    "CREATE INDEX contracts_start_date ON contracts (start_date);"
    "CREATE INDEX contracts_end_date ON contracts (end_date);"

    "ALTER TABLE audit ADD COLUMN changes TEXT NOT NULL DEFAULT '[]';"
    "UPDATE audit SET changes = (SELECT json_group_array (json_array (field, old_value, new_value))"
    "  FROM (SELECT * FROM audit_changes WHERE audit_id = audit.id ORDER BY rowid))"
    "  WHERE id IN (SELECT audit_id FROM audit_changes);"
    "DROP TABLE audit_changes;"

    /* A file's bytes are stored once, however many attachments name them. */
    "CREATE TABLE blobs ("
    "  sha256 TEXT PRIMARY KEY CHECK (length (sha256) = 64),"
    "  size INTEGER NOT NULL,"
    "  data BLOB NOT NULL);"
    "CREATE TABLE attachments ("
    "  id INTEGER PRIMARY KEY AUTOINCREMENT,"
    "  contract_id INTEGER NOT NULL,"
    "  role TEXT NOT NULL,"
    "  description TEXT,"
    "  added_at TEXT NOT NULL, added_by TEXT NOT NULL);"
    "CREATE INDEX attachments_contract ON attachments (contract_id);"
    "CREATE TABLE attachment_versions ("
    "  id INTEGER PRIMARY KEY AUTOINCREMENT,"
    "  attachment_id INTEGER NOT NULL REFERENCES attachments (id) ON DELETE CASCADE,"
    "  version INTEGER NOT NULL CHECK (version >= 1),"
    "  sha256 TEXT NOT NULL REFERENCES blobs (sha256),"
    "  file_name TEXT NOT NULL CHECK (file_name <> ''),"
    "  content_type TEXT NOT NULL,"
    "  size INTEGER NOT NULL,"
    "  added_at TEXT NOT NULL, added_by TEXT NOT NULL,"
    "  UNIQUE (attachment_id, version));"
    "CREATE INDEX attachment_versions_sha256 ON attachment_versions (sha256);"
    /* The text of a PDF, extracted in the background, for search. */
    "CREATE TABLE blob_text ("
    "  sha256 TEXT PRIMARY KEY REFERENCES blobs (sha256),"
    "  state TEXT NOT NULL,"
    "  text TEXT NOT NULL DEFAULT '');"
    "CREATE TABLE annotations ("
    "  id INTEGER PRIMARY KEY AUTOINCREMENT,"
    "  version_id INTEGER NOT NULL REFERENCES attachment_versions (id) ON DELETE CASCADE,"
    "  kind TEXT NOT NULL,"
    "  page INTEGER NOT NULL CHECK (page >= 0),"
    "  rects TEXT NOT NULL,"
    "  color TEXT NOT NULL,"
    "  author TEXT NOT NULL,"
    "  created_at TEXT NOT NULL, modified_at TEXT NOT NULL,"
    "  comment TEXT NOT NULL DEFAULT '');"
    "CREATE INDEX annotations_version ON annotations (version_id, page);"

    "CREATE TABLE key_dates ("
    "  id INTEGER PRIMARY KEY AUTOINCREMENT,"
    "  contract_id INTEGER NOT NULL,"
    "  kind TEXT NOT NULL,"
    "  date TEXT NOT NULL,"
    "  title TEXT NOT NULL CHECK (title <> ''),"
    "  note TEXT);"
    "CREATE INDEX key_dates_contract ON key_dates (contract_id);"
    "CREATE TABLE reviews ("
    "  id INTEGER PRIMARY KEY AUTOINCREMENT,"
    "  contract_id INTEGER NOT NULL,"
    "  date TEXT NOT NULL,"
    "  reviewer TEXT NOT NULL,"
    "  note TEXT);"
    "CREATE INDEX reviews_contract ON reviews (contract_id, date);"
    /* Lead times in days, space separated ("90 30 7"); NULL keeps the Preferences. */
    "CREATE TABLE reminder_settings ("
    "  contract_id INTEGER PRIMARY KEY,"
    "  end_leads TEXT, notice_leads TEXT, review_leads TEXT);"
    "CREATE TABLE reminder_acks ("
    "  contract_id INTEGER NOT NULL,"
    "  kind TEXT NOT NULL,"
    "  event_date TEXT NOT NULL,"
    "  lead_days INTEGER NOT NULL,"
    "  acknowledged_at TEXT NOT NULL, acknowledged_by TEXT NOT NULL,"
    "  PRIMARY KEY (contract_id, kind, event_date, lead_days));"
    /* Every dated event of every contract, kept by the store so that a
     * month of the calendar is one range query on an index. */
    "CREATE TABLE contract_events ("
    "  contract_id INTEGER NOT NULL,"
    "  kind TEXT NOT NULL,"
    "  date TEXT NOT NULL,"
    "  key_date_id INTEGER);"
    "CREATE INDEX contract_events_date ON contract_events (date);"
    "CREATE INDEX contract_events_contract ON contract_events (contract_id);",
    error);
}

/* Version 5: the calendar's month from indexes alone. A month of a
 * 100,000-contract register holds about 9,000 events; reading their kind
 * and contract from the table, and each contract's number (which orders a
 * day) from its row, took 50-200 ms. The events' index now holds every
 * column a month grid sorts and counts by (its date prefix serves every
 * query the old one did), and (id, number) gives a contract's number from
 * a few hundred pages. */
static gboolean
migrate_to_5 (SignetStore  *self,
              GError      **error)
{
  return _signet_store_exec (self,
    "DROP INDEX contract_events_date;"
    "CREATE INDEX contract_events_day ON contract_events (date, kind, contract_id, key_date_id);"
    "CREATE INDEX contracts_number_by_id ON contracts (id, number);",
    error);
}

/* Version 6: every contract and client carries a version, 1 when added and
 * one more with every write of the row, so that a save can tell whether
 * the record is still the one its form loaded (see
 * signet_store_save_contract()). The rows already there start at 1. */
static gboolean
migrate_to_6 (SignetStore  *self,
              GError      **error)
{
  return _signet_store_exec (self,
    "ALTER TABLE contracts ADD COLUMN version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1);"
    "ALTER TABLE clients ADD COLUMN version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1);",
    error);
}

/* Where the version is kept: a file's header, a server's signet_meta. */
static char *
set_version_sql (SignetStore *self,
                 int          version)
{
  if (self->sqlite == NULL)
    return g_strdup_printf ("UPDATE signet_meta SET value = '%d' WHERE key = 'schema_version'", version);

  return g_strdup_printf ("PRAGMA user_version = %d;"
                          "PRAGMA application_id = " G_STRINGIFY (SIGNET_APPLICATION_ID),
                          version);
}

gboolean
_signet_store_run_migrations (SignetStore  *self,
                              int           from_version,
                              int           to_version,
                              GError      **error)
{
  for (int version = from_version; version < to_version; version++)
    {
      g_autofree char *set_version = set_version_sql (self, version + 1);

      if (!_signet_store_exec (self, write_begin (self), error))
        return FALSE;

      if (!migrations[version] (self, error) ||
          !_signet_store_exec (self, set_version, error) ||
          !_signet_store_exec (self, "COMMIT", error))
        {
          _signet_store_exec (self, "ROLLBACK", NULL);
          g_prefix_error (error, _("Could not update the database to version %d: "), version + 1);
          return FALSE;
        }
    }

  return TRUE;
}

/* The folder of a new register is made owner-only, as the register holds
 * confidential business data; SQLite makes the file itself. */
static gboolean
ensure_folder (const char  *path,
               GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, SIGNET_STORE_ERROR, SIGNET_STORE_ERROR_OPEN,
                   _("Could not create the folder “%s”: %s"), dir, g_strerror (saved_errno));
      return FALSE;
    }

  return TRUE;
}

/* SQLite opens with SQLITE_OPEN_NOFOLLOW and refuses a symbolic link
 * anywhere in the path with a bare "unable to open database file". This
 * says which one it is, and the real path to open instead. */
static gboolean
check_no_symlink (SignetStore  *self,
                  GError      **error)
{
  g_autofree char *absolute = g_canonicalize_filename (self->path, NULL);
  g_autofree char *part = g_strdup (absolute);

  while (strcmp (part, "/") != 0 && strcmp (part, ".") != 0)
    {
      g_autofree char *parent = NULL;
      GStatBuf st;

      if (g_lstat (part, &st) == 0 && S_ISLNK (st.st_mode))
        {
          g_autofree char *real = realpath (absolute, NULL);

          if (real == NULL)
            real = g_file_read_link (absolute, NULL);

          if (strcmp (part, absolute) == 0)
            g_set_error (error, SIGNET_STORE_ERROR, SIGNET_STORE_ERROR_OPEN,
                         _("“%s” is a symbolic link. A register is opened only by its real name, "
                           "so that every program finds the same lock files beside it: "
                           "open “%s” instead."),
                         self->path, real ? real : part);
          else
            /* Translators: the first %s is a folder, the second the register. */
            g_set_error (error, SIGNET_STORE_ERROR, SIGNET_STORE_ERROR_OPEN,
                         _("The folder “%s” on the way to “%s” is a symbolic link. A register is "
                           "opened only by its real name, so that every program finds the same "
                           "lock files beside it: open “%s” instead."),
                         part, self->path, real ? real : absolute);
          return FALSE;
        }

      parent = g_path_get_dirname (part);
      g_free (part);
      part = g_steal_pointer (&parent);
    }

  return TRUE;
}

/* What the path holds, known from its name alone (the file is opened only
 * by SQLite): a register to open, or nothing or an empty file that
 * becomes one (*@is_new) when the caller creates. */
static gboolean
check_file (SignetStore           *self,
            SignetStoreOpenFlags   flags,
            gboolean              *is_new,
            GError               **error)
{
  GStatBuf st;

  *is_new = FALSE;

  if (!check_no_symlink (self, error))
    return FALSE;

  if (g_lstat (self->path, &st) != 0)
    {
      int saved_errno = errno;

      if (saved_errno == ENOENT && (flags & SIGNET_STORE_OPEN_CREATE) != 0)
        {
          *is_new = TRUE;
          return ensure_folder (self->path, error);
        }

      if (saved_errno == ENOENT)
        g_set_error (error, SIGNET_STORE_ERROR, SIGNET_STORE_ERROR_OPEN,
                     _("There is no register “%s”: the file does not exist."), self->path);
      else
        g_set_error (error, SIGNET_STORE_ERROR, SIGNET_STORE_ERROR_OPEN,
                     _("Could not open “%s”: %s"), self->path, g_strerror (saved_errno));
      return FALSE;
    }

  if (S_ISDIR (st.st_mode))
    {
      g_set_error (error, SIGNET_STORE_ERROR, SIGNET_STORE_ERROR_OPEN,
                   _("“%s” is a folder, not a database file."), self->path);
      return FALSE;
    }

  if (!S_ISREG (st.st_mode))
    {
      g_set_error (error, SIGNET_STORE_ERROR, SIGNET_STORE_ERROR_OPEN,
                   _("“%s” is not a regular file, so it cannot hold a register."), self->path);
      return FALSE;
    }

  if (g_access (self->path, (flags & SIGNET_STORE_OPEN_READ_ONLY) != 0 ? R_OK : R_OK | W_OK) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, SIGNET_STORE_ERROR, SIGNET_STORE_ERROR_OPEN,
                   _("Could not open “%s”: %s"), self->path, g_strerror (saved_errno));
      return FALSE;
    }

  if (st.st_size == 0)
    {
      if ((flags & SIGNET_STORE_OPEN_CREATE) == 0)
        {
          g_set_error (error, SIGNET_STORE_ERROR, SIGNET_STORE_ERROR_NOT_A_DATABASE,
                       _("“%s” is an empty file, not a Signet register. Nothing was changed."),
                       self->path);
          return FALSE;
        }

      *is_new = TRUE;
    }

  return TRUE;
}

/* An existing register, and its -wal and -shm, are made readable by their
 * owner only: one made by an older Signet or copied in may be readable by
 * everyone. A group that may write keeps its access: that register is
 * shared on purpose. SQLite gives a new -wal or -shm the register's mode,
 * so they follow it. Only files the user owns, and by path: a descriptor
 * of the register opened and closed here would drop SQLite's locks. */
static void
tighten_permissions (const char *path)
{
  const char * const suffixes[] = { "", "-wal", "-shm" };
  GStatBuf st;
  mode_t mode;

  if (g_lstat (path, &st) != 0 || !S_ISREG (st.st_mode) || st.st_uid != geteuid ())
    return;

  mode = st.st_mode & (S_IRWXU | S_IRWXG);
  if ((mode & S_IWGRP) == 0)
    mode &= ~S_IRWXG;

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);

      /* A file system without Unix permissions (FAT) refuses: the register
       * opens all the same. */
      if (g_lstat (file, &st) == 0 && S_ISREG (st.st_mode) && st.st_uid == geteuid () &&
          (st.st_mode & 0777) != mode && g_chmod (file, mode) != 0)
        g_debug ("Could not make %s private: %s", file, g_strerror (errno));
    }
}

/* Whether a register SQLite cannot make its -shm and -wal beside may be
 * read without them, as an immutable file: without locks, ignoring any
 * -wal. That is safe only while nothing can change the file:
 * - no -wal or -journal beside it: every committed write is in the file
 *   itself, and no writer is at work (a writer keeps its -wal until the
 *   last connection closes);
 * - no writer can start: writing needs a -wal (or a journal) created in
 *   that folder, and the folder is on a read-only file system, or nobody
 *   has write permission on it (only the administrator, who bypasses
 *   permissions, or its owner after changing them could).
 * A folder this user cannot write in but someone else can is refused. */
static gboolean
nobody_can_write (const char *path)
{
  const char * const suffixes[] = { "-wal", "-journal" };
  g_autofree char *folder = g_path_get_dirname (path);
  struct statvfs fs;
  GStatBuf st;

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);

      if (g_lstat (file, &st) == 0 || errno != ENOENT)
        return FALSE;
    }

  if (statvfs (folder, &fs) == 0 && (fs.f_flag & ST_RDONLY) != 0)
    return TRUE;

  return g_stat (folder, &st) == 0 && (st.st_mode & (S_IWUSR | S_IWGRP | S_IWOTH)) == 0;
}

/* Drops the connection's cached statements before it goes: they belong
 * to it. */
static void
close_connection (SignetStore *self)
{
  g_hash_table_remove_all (self->statements);
  g_clear_pointer (&self->db, signet_db_close);
  self->sqlite = NULL;
}

/* The store's connection is now @handle's, even a failed one: its error is
 * what the caller reports. */
static void
use_sqlite (SignetStore *self,
            sqlite3     *handle)
{
  self->sqlite = handle;
  self->db = handle != NULL ? signet_db_sqlite_wrap (handle) : NULL;
}

static gboolean
reopen_immutable (SignetStore  *self,
                  GError      **error)
{
  g_autofree char *escaped = g_uri_escape_string (self->path, "/", FALSE);
  g_autofree char *uri = g_strconcat ("file:", escaped, "?immutable=1", NULL);
  sqlite3 *handle = NULL;
  int rc;

  close_connection (self);

  rc = sqlite3_open_v2 (uri, &handle,
                        SQLITE_OPEN_READONLY | SQLITE_OPEN_URI | SQLITE_OPEN_NOFOLLOW |
                        SQLITE_OPEN_NOMUTEX, NULL);
  use_sqlite (self, handle);
  if (rc != SQLITE_OK)
    return _signet_store_set_error (self, rc, error);
  _signet_store_search_add_functions (self->sqlite);

  return TRUE;
}

/* Copies the register into a temporary database of SQLite's, deleted when
 * it is closed, in one read transaction: one consistent state, and no lock
 * that holds up a writer. */
static sqlite3 *
copy_database (SignetStore  *self,
               GError      **error)
{
  sqlite3 *copy = NULL;
  sqlite3_backup *backup;
  int rc;

  rc = sqlite3_open_v2 ("", &copy, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, NULL);
  if (rc == SQLITE_OK)
    {
      backup = sqlite3_backup_init (copy, "main", self->sqlite, "main");
      if (backup == NULL)
        rc = sqlite3_extended_errcode (copy);
      else
        {
          rc = sqlite3_backup_step (backup, -1);
          if (rc == SQLITE_DONE)
            rc = sqlite3_backup_finish (backup);
          else
            sqlite3_backup_finish (backup);
        }
    }

  if (rc == SQLITE_OK)
    {
      _signet_store_search_add_functions (copy);
      return copy;
    }

  if ((rc & 0xff) == SQLITE_BUSY || (rc & 0xff) == SQLITE_LOCKED)
    _signet_store_set_error (self, rc, error);
  else if ((rc & 0xff) == SQLITE_FULL)
    g_set_error (error, SIGNET_STORE_ERROR, SIGNET_STORE_ERROR_DISK_FULL,
                 _("The disk is full: there is no room for a temporary copy of “%s”. "
                   "Nothing was changed."), self->path);
  else
    /* Translators: the second %s is SQLite's reason. */
    g_set_error (error, SIGNET_STORE_ERROR, SIGNET_STORE_ERROR_FAILED,
                 _("Could not make a temporary copy of “%s”: %s"),
                 self->path, copy != NULL ? sqlite3_errmsg (copy) : sqlite3_errstr (rc));
  sqlite3_close_v2 (copy);

  return NULL;
}

/* A reading store's connection writes nothing but temporary tables of its
 * own (the events' index): SQLite refuses the rest before it runs. On a
 * register the user may write, it is a read-write connection held to that:
 * unlike a SQLITE_OPEN_READONLY one, it removes the -wal and -shm it had to
 * make when it closes last, and leaves the folder as it found it. On a
 * private copy, writes would be lost with it; they fail the same way. */
static int
refuse_main_writes_cb (gpointer    user_data,
                       int         action,
                       const char *arg1,
                       const char *arg2,
                       const char *database,
                       const char *trigger)
{
  if (g_strcmp0 (database, "temp") == 0)
    return SQLITE_OK;

  switch (action)
    {
    case SQLITE_INSERT:
    case SQLITE_UPDATE:
    case SQLITE_DELETE:
    case SQLITE_CREATE_TABLE:
    case SQLITE_CREATE_INDEX:
    case SQLITE_CREATE_TRIGGER:
    case SQLITE_CREATE_VIEW:
    case SQLITE_CREATE_VTABLE:
    case SQLITE_DROP_TABLE:
    case SQLITE_DROP_INDEX:
    case SQLITE_DROP_TRIGGER:
    case SQLITE_DROP_VIEW:
    case SQLITE_DROP_VTABLE:
    case SQLITE_ALTER_TABLE:
    case SQLITE_ANALYZE:
    case SQLITE_REINDEX:
      return SQLITE_DENY;

    /* Reading a pragma is a query; setting one may write the file
     * (user_version, journal_mode). */
    case SQLITE_PRAGMA:
      return arg2 == NULL ? SQLITE_OK : SQLITE_DENY;

    default:
      return SQLITE_OK;
    }
}

/* Before the first connection: SQLite's count of the memory it uses takes
 * a lock around every allocation, and Signet never asks for it. Its locks
 * on the register are kept by open file description, not by the process:
 * a POSIX lock goes when ANY descriptor of the file closes, and a file
 * chooser sniffing the register's type dropped them (signet-store-locks.c).
 * Configured first: finding the VFS initialises SQLite. */
static GOnce sqlite_configured = G_ONCE_INIT;

static gpointer
configure_sqlite (gpointer data)
{
  sqlite3_config (SQLITE_CONFIG_MEMSTATUS, 0);
  _signet_store_use_description_locks ();

  return NULL;
}

/* A register of an older version opened for reading: this version's
 * queries need its newer tables, and migrating the file would write it.
 * It is read through a private copy brought up to date. */
static gboolean
read_through_copy (SignetStore  *self,
                   int           from_version,
                   int           to_version,
                   GError      **error)
{
  sqlite3 *copy = copy_database (self, error);

  if (copy == NULL)
    return FALSE;

  close_connection (self);
  use_sqlite (self, copy);

  if (!_signet_store_exec (self, "PRAGMA synchronous = OFF; PRAGMA foreign_keys = ON;", error) ||
      !_signet_store_run_migrations (self, from_version, to_version, error))
    return FALSE;

  sqlite3_set_authorizer (self->sqlite, refuse_main_writes_cb, NULL);

  return TRUE;
}

/* The first read of a file: nothing is known of it yet, so what fails is
 * told as it is (a full disk, a folder, a lock) rather than as damage. */
static gint64
read_user_version (SignetStore  *self,
                   GError      **error)
{
  g_autoptr(GError) local_error = NULL;
  gint64 version;

  version = _signet_store_query_int64 (self, "PRAGMA user_version", &local_error);
  if (version >= 0)
    return version;

  /* A reader makes the -wal and -shm when they are missing; where it
   * cannot, a register nobody can be writing is read without them. */
  if (self->read_only &&
      g_error_matches (local_error, SIGNET_STORE_ERROR, SIGNET_STORE_ERROR_READ_ONLY) &&
      nobody_can_write (self->path))
    {
      g_clear_error (&local_error);
      if (!reopen_immutable (self, error))
        return -1;

      return read_user_version (self, error);
    }

  if (g_error_matches (local_error, SIGNET_STORE_ERROR, SIGNET_STORE_ERROR_NOT_A_DATABASE))
    {
      g_clear_error (&local_error);
      g_set_error (&local_error, SIGNET_STORE_ERROR, SIGNET_STORE_ERROR_NOT_A_DATABASE,
                   _("“%s” is not a Signet database, or it is damaged."), self->path);
    }

  g_propagate_error (error, g_steal_pointer (&local_error));

  return -1;
}

/* A reading store opens the register read-write, held to reading, when
 * the user may write it and its folder; otherwise SQLite's read-only mode
 * is all there is. */
static gboolean
may_write_file_and_folder (const char *path)
{
  g_autofree char *folder = g_path_get_dirname (path);

  return g_access (path, W_OK) == 0 && g_access (folder, W_OK) == 0;
}

static gboolean
exists (const char *path,
        const char *suffix)
{
  g_autofree char *file = g_strconcat (path, suffix, NULL);
  GStatBuf st;

  return g_lstat (file, &st) == 0;
}

/* Opens the file through SQLite only: Signet never opens or closes a
 * descriptor of a register itself (closing one drops SQLite's locks), so
 * what it learns beforehand comes from the path (lstat, access, chmod). */
static gboolean
open_database (SignetStore           *self,
               SignetStoreOpenFlags   flags,
               int                    target_version,
               GError               **error)
{
  gboolean is_new;
  gboolean read_only_file = FALSE;
  gint64 version;
  gint64 app_id;
  gint64 n_tables;
  sqlite3 *handle = NULL;
  int rc;

  /* Opened as a database, a WAL or -shm would be read and maybe written
   * over outside the register's own connections. */
  if (!_signet_store_check_not_companion (self->path, error))
    return FALSE;

  if (!check_file (self, flags, &is_new, error))
    return FALSE;

  g_once (&sqlite_configured, configure_sqlite, NULL);

  /* Reading changes nothing, not even the mode. */
  if (!self->read_only)
    tighten_permissions (self->path);
  else
    read_only_file = !may_write_file_and_folder (self->path);

  /* Each store is used by one thread at a time (the reminders, imports and
   * exports in threads open stores of their own), so SQLite need not lock
   * the connection around every call. */
  rc = sqlite3_open_v2 (self->path, &handle,
                        (read_only_file ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE) |
                        (is_new ? SQLITE_OPEN_CREATE : 0) |
                        SQLITE_OPEN_NOFOLLOW | SQLITE_OPEN_NOMUTEX, NULL);
  use_sqlite (self, handle);
  if (rc != SQLITE_OK)
    {
      g_set_error (error, SIGNET_STORE_ERROR, SIGNET_STORE_ERROR_OPEN,
                   _("Could not open “%s”: %s"), self->path, signet_db_errstr (rc));
      return FALSE;
    }

  /* SQLite made the file with the umask's mode; nothing is in it yet. */
  if (is_new && g_chmod (self->path, 0600) != 0)
    g_debug ("Could not make %s private: %s", self->path, g_strerror (errno));

  sqlite3_busy_timeout (self->sqlite, BUSY_TIMEOUT_MS);
  _signet_store_search_add_functions (self->sqlite);

  if (self->read_only)
    {
      /* Closing last, a connection copies what the -wal holds into the
       * file and removes the -wal and -shm. A reader does that only for
       * an empty -wal it made itself: a -wal it found stays as it was. */
      if (read_only_file || exists (self->path, "-wal"))
        sqlite3_db_config (self->sqlite, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, NULL);
      if (!read_only_file)
        sqlite3_set_authorizer (self->sqlite, refuse_main_writes_cb, NULL);
    }

  /* Only reads until the file is known to be ours and not from the future:
   * a refused file must stay byte for byte as it was. */
  version = read_user_version (self, error);
  if (version < 0)
    return FALSE;

  app_id = _signet_store_query_int64 (self, "PRAGMA application_id", error);
  n_tables = _signet_store_query_int64 (self, "SELECT count(*) FROM sqlite_schema", error);
  if (app_id < 0 || n_tables < 0)
    return FALSE;

  if (app_id != SIGNET_APPLICATION_ID && (version != 0 || n_tables != 0))
    {
      g_set_error (error, SIGNET_STORE_ERROR, SIGNET_STORE_ERROR_NOT_SIGNET,
                   _("“%s” is a database of another program, not a Signet database."), self->path);
      return FALSE;
    }

  /* An empty database is a register only once a creator makes it one. */
  if (app_id != SIGNET_APPLICATION_ID && (flags & SIGNET_STORE_OPEN_CREATE) == 0)
    {
      g_set_error (error, SIGNET_STORE_ERROR, SIGNET_STORE_ERROR_NOT_A_DATABASE,
                   _("“%s” is an empty database, not a Signet register. Nothing was changed."),
                   self->path);
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

  if (self->read_only)
    return version >= target_version ||
           read_through_copy (self, (int) version, target_version, error);

  if (!_signet_store_exec (self,
                           "PRAGMA journal_mode = WAL;"
                           "PRAGMA synchronous = NORMAL;"
                           "PRAGMA foreign_keys = ON;",
                           error))
    return FALSE;

  /* Search's stored pinyin and sort keys come with version 8. */
  return _signet_store_run_migrations (self, (int) version, target_version, error) &&
         (target_version < 8 || (_signet_store_search_add_triggers (self, error) &&
                                 _signet_store_search_check_icu (self, error)));
}

static void
finalize_statement (gpointer stmt)
{
  signet_db_finalize (stmt);
}

static void
signet_store_finalize (GObject *object)
{
  SignetStore *self = (SignetStore *)object;

  _signet_store_search_forget (self);
  _signet_store_watch_finalize (self);
  g_clear_pointer (&self->statements, g_hash_table_unref);
  g_clear_pointer (&self->kept_blobs, g_hash_table_unref);
  g_clear_pointer (&self->db, signet_db_close);
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->acting_name, g_free);

  G_OBJECT_CLASS (signet_store_parent_class)->finalize (object);
}

static void
signet_store_class_init (SignetStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = signet_store_finalize;
  _signet_store_connection_class_init (object_class);

  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST | G_SIGNAL_DETAILED,
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

/* Hashes the length and at most the first and last 32 bytes of the SQL:
 * statements are a few hundred bytes long and looked up once per step,
 * and these parts tell them apart. g_str_equal() still compares them all. */
static guint
statement_hash (gconstpointer key)
{
  const char *sql = key;
  gsize len = strlen (sql);
  guint hash = (guint) len;

  for (gsize i = 0; i < MIN (len, 32); i++)
    hash = hash * 31 + (guchar) sql[i];
  for (gsize i = len > 64 ? len - 32 : MIN (len, 32); i < len; i++)
    hash = hash * 31 + (guchar) sql[i];

  return hash;
}

static void
signet_store_init (SignetStore *self)
{
  self->statements = g_hash_table_new_full (statement_hash, g_str_equal, g_free,
                                            finalize_statement);
  /* A file's one user may do everything; a server says otherwise. */
  self->role = SIGNET_STORE_ROLE_ADMINISTRATOR;
  self->may_edit = TRUE;
}

char *
signet_store_get_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "signet", "signet.db", NULL);
}

static SignetStore *
open_store (const char            *path,
            SignetStoreOpenFlags   flags,
            int                    target_version,
            GError               **error)
{
  g_autoptr(SignetStore) self = g_object_new (SIGNET_TYPE_STORE, NULL);

  self->path = g_strdup (path);
  self->read_only = (flags & SIGNET_STORE_OPEN_READ_ONLY) != 0;

  if (_signet_store_is_server_location (path))
    {
      if (!_signet_store_open_server (self, flags, target_version, G_N_ELEMENTS (migrations), error))
        return NULL;
    }
  else if (!open_database (self, flags, target_version, error))
    return NULL;

  _signet_store_watch_start (self);

  return g_steal_pointer (&self);
}

SignetStore *
signet_store_new_at_version (const char  *path,
                             int          target_version,
                             GError     **error)
{
  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (target_version >= 0 && target_version <= (int) G_N_ELEMENTS (migrations), NULL);

  return open_store (path, SIGNET_STORE_OPEN_CREATE, target_version, error);
}

SignetStore *
signet_store_open (const char            *path,
                   SignetStoreOpenFlags   flags,
                   GError               **error)
{
  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail ((flags & SIGNET_STORE_OPEN_CREATE) == 0 ||
                        (flags & SIGNET_STORE_OPEN_READ_ONLY) == 0, NULL);

  return open_store (path, flags, G_N_ELEMENTS (migrations), error);
}

SignetStore *
signet_store_new (const char  *path,
                  GError     **error)
{
  return signet_store_open (path, SIGNET_STORE_OPEN_CREATE, error);
}

gboolean
signet_store_is_read_only (SignetStore *self)
{
  g_return_val_if_fail (SIGNET_IS_STORE (self), FALSE);

  return self->read_only;
}

SignetStore *
signet_store_new_scratch_copy (SignetStore  *self,
                               GError      **error)
{
  g_autoptr(SignetStore) scratch = NULL;
  gint64 version;

  g_return_val_if_fail (SIGNET_IS_STORE (self), NULL);
  g_return_val_if_fail (self->batch_depth == 0, NULL);

  scratch = g_object_new (SIGNET_TYPE_STORE, NULL);
  scratch->path = g_strdup (self->path);
  use_sqlite (scratch, copy_database (self, error));
  if (scratch->db == NULL)
    return NULL;

  /* Nothing in it outlives the store: it need not reach the disk safely. */
  version = _signet_store_query_int64 (scratch, "PRAGMA user_version", error);
  if (version < 0 ||
      !_signet_store_exec (scratch, "PRAGMA synchronous = OFF; PRAGMA foreign_keys = ON;", error) ||
      !_signet_store_run_migrations (scratch, (int) version, G_N_ELEMENTS (migrations), error))
    return NULL;

  return g_steal_pointer (&scratch);
}

const char *
signet_store_get_path (SignetStore *self)
{
  g_return_val_if_fail (SIGNET_IS_STORE (self), NULL);

  return self->path;
}

gboolean
signet_store_set_watched (SignetStore **slot,
                          SignetStore  *store,
                          gpointer      instance,
                          GCallback     changed_cb,
                          GCallback     reset_cb)
{
  g_return_val_if_fail (slot != NULL, FALSE);
  g_return_val_if_fail (store == NULL || SIGNET_IS_STORE (store), FALSE);

  if (*slot == store)
    return FALSE;

  if (*slot != NULL)
    g_signal_handlers_disconnect_by_data (*slot, instance);
  g_set_object (slot, store);

  if (store != NULL)
    {
      g_signal_connect_object (store, "changed", changed_cb, instance, G_CONNECT_SWAPPED);
      if (reset_cb != NULL)
        g_signal_connect_object (store, "reset", reset_cb, instance, G_CONNECT_SWAPPED);
    }

  return TRUE;
}

int
signet_store_get_schema_version (void)
{
  return G_N_ELEMENTS (migrations);
}

/* The indexes a batch of many new contracts drops and builds again at
 * commit: adding 100,000 rows to them one by one, in random order, took
 * longer than sorting them once. The unique index on the number stays; a
 * batch looks numbers up as it goes. So does the audit's index by record:
 * new records come in the order of their ids, and their entries are added
 * at its end. */
#define BULK_INDEXES_DROP \
  "DROP INDEX contracts_client; DROP INDEX contracts_title; DROP INDEX contracts_start_date;" \
  "DROP INDEX contracts_end_date; DROP INDEX contracts_title_key;"
#define BULK_INDEXES_CREATE \
  "CREATE INDEX contracts_client ON contracts (client_id);" \
  "CREATE INDEX contracts_title ON contracts (title);" \
  "CREATE INDEX contracts_start_date ON contracts (start_date);" \
  "CREATE INDEX contracts_end_date ON contracts (end_date);" \
  "CREATE INDEX contracts_title_key ON contracts (title_key);"
#define BULK_THRESHOLD 5000

void
_signet_store_note_batch_insert (SignetStore *self)
{
  if (self->batch_depth == 0 || self->batch_bulk)
    return;

  if (++self->batch_inserts < BULK_THRESHOLD)
    return;

  /* Not on a server: dropping an index locks its table until the batch
   * commits, and every other window's read of the contracts would wait
   * for the whole import. */
  if (self->sqlite == NULL)
    return;

  /* Inside the batch's transaction: a rollback brings the indexes back. */
  if (_signet_store_exec (self, BULK_INDEXES_DROP, NULL))
    self->batch_bulk = TRUE;
}

gboolean
signet_store_begin_batch (SignetStore  *self,
                          GError      **error)
{
  g_return_val_if_fail (SIGNET_IS_STORE (self), FALSE);
  g_return_val_if_fail (self->batch_depth == 0, FALSE);

  if (!_signet_store_exec (self, write_begin (self), error))
    return FALSE;

  self->batch_depth = 1;
  self->edit_pending = FALSE;
  self->batch_changed = FALSE;
  self->batch_failed = FALSE;
  self->batch_bulk = FALSE;
  self->batch_inserts = 0;

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
  _signet_store_search_forget (self);

  if (self->batch_failed)
    {
      self->batch_failed = FALSE;
      _signet_store_exec (self, "ROLLBACK", NULL);
      _signet_store_own_writes_ended (self, FALSE);
      g_set_error_literal (error, SIGNET_STORE_ERROR, SIGNET_STORE_ERROR_FAILED,
                           _("A record could not be written completely, so nothing was saved."));
      return FALSE;
    }

  if ((self->batch_bulk && !_signet_store_exec (self, BULK_INDEXES_CREATE, error)) ||
      !_signet_store_exec (self, "COMMIT", error))
    {
      _signet_store_exec (self, "ROLLBACK", NULL);
      _signet_store_own_writes_ended (self, FALSE);
      return FALSE;
    }

  _signet_store_own_writes_ended (self, TRUE);
  _signet_store_count_edit (self);
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
  self->batch_failed = FALSE;
  _signet_store_search_forget (self);
  _signet_store_exec (self, "ROLLBACK", NULL);
  _signet_store_own_writes_ended (self, FALSE);
}
