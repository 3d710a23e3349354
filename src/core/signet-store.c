/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "signet-store"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>

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
};

G_DEFINE_FINAL_TYPE (SignetStore, signet_store, G_TYPE_OBJECT)

enum {
  CHANGED,
  RESET,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_QUARK (signet-store-error-quark, signet_store_error)

gboolean
_signet_store_set_error (SignetStore  *self,
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

gboolean
_signet_store_exec (SignetStore  *self,
                    const char   *sql,
                    GError      **error)
{
  int rc = sqlite3_exec (self->db, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    return _signet_store_set_error (self, rc, error);

  return TRUE;
}

/* Prepared statements are cached by their SQL text and come back reset. */
sqlite3_stmt *
_signet_store_statement (SignetStore  *self,
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
      _signet_store_set_error (self, rc, error);
      return NULL;
    }

  g_hash_table_insert (self->statements, g_strdup (sql), stmt);

  return stmt;
}

static void
bind_text_as (sqlite3_stmt          *stmt,
              int                    index,
              const char            *text,
              sqlite3_destructor_type how)
{
  if (text == NULL || *text == '\0')
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_text (stmt, index, text, -1, how);
}

void
_signet_store_bind_text (sqlite3_stmt *stmt,
                         int           index,
                         const char   *text)
{
  bind_text_as (stmt, index, text, SQLITE_TRANSIENT);
}

void
_signet_store_bind_static_text (sqlite3_stmt *stmt,
                                int           index,
                                const char   *text)
{
  bind_text_as (stmt, index, text, SQLITE_STATIC);
}

char *
_signet_store_dup_text (sqlite3_stmt *stmt,
                        int           column)
{
  return g_strdup ((const char *) sqlite3_column_text (stmt, column));
}

gboolean
_signet_store_step_done (SignetStore   *self,
                         sqlite3_stmt  *stmt,
                         GError       **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    return _signet_store_set_error (self, rc, error);

  return TRUE;
}

gint64
_signet_store_query_int64 (SignetStore  *self,
                           const char   *sql,
                           GError      **error)
{
  sqlite3_stmt *stmt = _signet_store_statement (self, sql, error);
  gint64 value = -1;

  if (stmt == NULL)
    return -1;

  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_int64 (stmt, 0);
  else
    _signet_store_set_error (self, sqlite3_errcode (self->db), error);

  sqlite3_reset (stmt);

  return value;
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
      self->write_start_changes = sqlite3_total_changes64 (self->db);
      return TRUE;
    }

  return _signet_store_exec (self, "BEGIN IMMEDIATE", error);
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
      return FALSE;
    }

  return TRUE;
}

void
_signet_store_rollback_write (SignetStore *self)
{
  if (self->batch_depth > 0)
    {
      if (sqlite3_total_changes64 (self->db) != self->write_start_changes)
        self->batch_failed = TRUE;
    }
  else if (!sqlite3_get_autocommit (self->db))
    _signet_store_exec (self, "ROLLBACK", NULL);
}

void
_signet_store_emit_changed (SignetStore      *self,
                            SignetRecordKind  kind,
                            gint64            id,
                            SignetChangeKind  change)
{
  if (self->batch_depth > 0)
    {
      self->batch_changed = TRUE;
      return;
    }

  _signet_store_search_note_change (self, kind, id, change);
  g_signal_emit (self, signals[CHANGED], 0, kind, id, change);
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

static gboolean
run_migrations (SignetStore  *self,
                int           from_version,
                int           to_version,
                GError      **error)
{
  for (int version = from_version; version < to_version; version++)
    {
      g_autofree char *set_version = g_strdup_printf ("PRAGMA user_version = %d", version + 1);

      if (!_signet_store_exec (self, "BEGIN IMMEDIATE", error))
        return FALSE;

      if (!migrations[version] (self, error) ||
          !_signet_store_exec (self, set_version, error) ||
          !_signet_store_exec (self, "PRAGMA application_id = " G_STRINGIFY (SIGNET_APPLICATION_ID), error) ||
          !_signet_store_exec (self, "COMMIT", error))
        {
          _signet_store_exec (self, "ROLLBACK", NULL);
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

static gboolean
open_database (SignetStore  *self,
               int           target_version,
               GError      **error)
{
  gint64 version;
  gint64 app_id;
  gint64 n_tables;
  int rc;

  /* Opened as a database, a WAL or -shm would be read and maybe written
   * over outside the register's own connections. */
  if (!_signet_store_check_not_companion (self->path, error))
    return FALSE;

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

  g_once (&sqlite_configured, configure_sqlite, NULL);

  /* Each store is used by one thread at a time (the reminders, imports and
   * exports in threads open stores of their own), so SQLite need not lock
   * the connection around every call. */
  rc = sqlite3_open_v2 (self->path, &self->db,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOFOLLOW | SQLITE_OPEN_NOMUTEX, NULL);
  if (rc != SQLITE_OK)
    {
      g_set_error (error, SIGNET_STORE_ERROR, SIGNET_STORE_ERROR_OPEN,
                   _("Could not open “%s”: %s"), self->path, sqlite3_errstr (rc));
      return FALSE;
    }

  sqlite3_busy_timeout (self->db, BUSY_TIMEOUT_MS);

  /* Only reads until the file is known to be ours and not from the future:
   * a refused file must stay byte for byte as it was. */
  version = _signet_store_query_int64 (self, "PRAGMA user_version", error);
  if (version < 0)
    {
      g_clear_error (error);
      g_set_error (error, SIGNET_STORE_ERROR, SIGNET_STORE_ERROR_NOT_A_DATABASE,
                   _("“%s” is not a Signet database, or it is damaged."), self->path);
      return FALSE;
    }

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

  if (version > (gint64) G_N_ELEMENTS (migrations))
    {
      g_set_error (error, SIGNET_STORE_ERROR, SIGNET_STORE_ERROR_NEWER_VERSION,
                   _("“%s” was written by a newer version of Signet (database version %d; "
                     "this version reads up to %d). Update Signet to open it. "
                     "The file was not changed."),
                   self->path, (int) version, (int) G_N_ELEMENTS (migrations));
      return FALSE;
    }

  if (!_signet_store_exec (self,
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

  _signet_store_search_forget (self);
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
  "DROP INDEX contracts_end_date;"
#define BULK_INDEXES_CREATE \
  "CREATE INDEX contracts_client ON contracts (client_id);" \
  "CREATE INDEX contracts_title ON contracts (title);" \
  "CREATE INDEX contracts_start_date ON contracts (start_date);" \
  "CREATE INDEX contracts_end_date ON contracts (end_date);"
#define BULK_THRESHOLD 5000

void
_signet_store_note_batch_insert (SignetStore *self)
{
  if (self->batch_depth == 0 || self->batch_bulk)
    return;

  if (++self->batch_inserts < BULK_THRESHOLD)
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

  if (!_signet_store_exec (self, "BEGIN IMMEDIATE", error))
    return FALSE;

  self->batch_depth = 1;
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
      g_set_error_literal (error, SIGNET_STORE_ERROR, SIGNET_STORE_ERROR_FAILED,
                           _("A record could not be written completely, so nothing was saved."));
      return FALSE;
    }

  if ((self->batch_bulk && !_signet_store_exec (self, BULK_INDEXES_CREATE, error)) ||
      !_signet_store_exec (self, "COMMIT", error))
    {
      _signet_store_exec (self, "ROLLBACK", NULL);
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
  self->batch_failed = FALSE;
  _signet_store_search_forget (self);
  _signet_store_exec (self, "ROLLBACK", NULL);
}
