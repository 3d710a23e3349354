/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "signet-store"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "signet-search-text.h"
#include "signet-store-attachments.h"
#include "signet-store-events.h"
#include "signet-store-private.h"

/* Search as you type must answer within a frame or two for a million
 * contracts, and for Chinese a query is often one or two characters, which
 * no SQLite index can find inside words (the trigram tokenizer needs three).
 * So the store keeps every contract's search text in memory and scans it.
 *
 * What is searched is written into the register by SQL functions of this
 * file, through triggers, whoever writes the row (migration 8):
 * - contracts.search_text: number and title;
 * - contracts.search_facets: type, owner, department and tags;
 * - clients.search_text: name, code and contact person;
 * each field lower-cased and, when it holds Chinese, followed by its pinyin
 * and initials (signet-search-text.c). Facets repeat across contracts (a
 * few owners and departments) and a client's text belongs to all its
 * contracts: in memory each is kept once and a contract points at it, so
 * editing a client changes what finds its contracts without touching them.
 *
 * In memory, the contracts' texts are one buffer of NUL-terminated
 * strings: a term is found by memmem() over the whole buffer, each hit
 * skipping to the next contract, the buffer split between the cores. A
 * query that extends the one before (another letter typed) only checks the
 * contracts the one before found.
 *
 * The order comes from SQL and is kept until the next write; a search
 * filters it. Both are loaded when first needed, so opening the register
 * costs nothing. Sorting by title or client uses ICU zh sort keys stored
 * beside the text (title_key, name_key), so Chinese sorts in pinyin order. */

#define DEAD G_MAXUINT32
/* Below this many contracts a second thread costs more than it saves. */
#define MIN_PARALLEL 20000
/* A scan counts the terms a contract has in a byte; words past these
 * are not looked for. */
#define MAX_TERMS 64

typedef struct
{
  gint64  id;
  guint32 offset;   /* of its text in the buffer; DEAD once deleted */
  guint32 client;   /* index into shared */
  guint32 facets;   /* index into shared */
} Record;

/* A stretch of the buffer: the text of @record, or of none (DEAD) when
 * the contract's text was replaced or deleted since. Slots are in buffer
 * order. */
typedef struct
{
  guint32 offset;
  guint32 record;
} Slot;

typedef struct _SignetSearchIndex SignetSearchIndex;

struct _SignetSearchIndex
{
  GArray     *records;        /* Record, by id */
  GArray     *slots;          /* Slot */
  GByteArray *text;
  gsize       wasted;         /* bytes of replaced texts */

  GPtrArray  *shared;         /* char *: clients' texts and facets */
  GHashTable *shared_facets;  /* facet text -> index + 1 */
  GHashTable *shared_clients; /* gint64 * client id -> index + 1 */
};

static void
search_index_free (SignetSearchIndex *index)
{
  g_clear_pointer (&index->records, g_array_unref);
  g_clear_pointer (&index->slots, g_array_unref);
  g_clear_pointer (&index->text, g_byte_array_unref);
  g_clear_pointer (&index->shared, g_ptr_array_unref);
  g_clear_pointer (&index->shared_facets, g_hash_table_unref);
  g_clear_pointer (&index->shared_clients, g_hash_table_unref);
  g_free (index);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SignetSearchIndex, search_index_free)

/* @current: sort by the terms in force today (signet-store-current-terms.c),
 * which some contract's amendments changed; without, the stored columns
 * and their indexes do. NULLs come first as SQLite has them, which
 * PostgreSQL must be told (SQLite takes its own order for no hint). */
static const char *
sort_clause (SignetSortKey sort_key,
             gboolean      descending,
             gboolean      current)
{
  static const char * const ascending_clauses[] = {
    [SIGNET_SORT_NUMBER] = "c.number",
    [SIGNET_SORT_TITLE] = "c.title_key NULLS FIRST, c.number",
    [SIGNET_SORT_CLIENT] = "k.name_key NULLS FIRST, c.number",
    [SIGNET_SORT_STATUS] = SIGNET_SHOWN_STATUS_RANK_SQL ("c.end_date", "c.auto_renew") ", c.number",
    [SIGNET_SORT_END_DATE] = "c.end_date IS NULL, c.end_date, c.number",
    [SIGNET_SORT_VALUE] = "c.value NULLS FIRST, c.currency NULLS FIRST, c.number",
  };
  static const char * const descending_clauses[] = {
    [SIGNET_SORT_NUMBER] = "c.number DESC",
    [SIGNET_SORT_TITLE] = "c.title_key DESC NULLS LAST, c.number DESC",
    [SIGNET_SORT_CLIENT] = "k.name_key DESC NULLS LAST, c.number DESC",
    [SIGNET_SORT_STATUS] = SIGNET_SHOWN_STATUS_RANK_SQL ("c.end_date", "c.auto_renew") " DESC, c.number DESC",
    [SIGNET_SORT_END_DATE] = "c.end_date IS NULL, c.end_date DESC, c.number DESC",
    [SIGNET_SORT_VALUE] = "c.value DESC NULLS LAST, c.currency DESC NULLS LAST, c.number DESC",
  };
  static const char * const current_ascending_clauses[] = {
    [SIGNET_SORT_NUMBER] = "c.number",
    [SIGNET_SORT_TITLE] = SIGNET_CURRENT_TITLE_KEY_SQL " NULLS FIRST, c.number",
    [SIGNET_SORT_CLIENT] = "k.name_key NULLS FIRST, c.number",
    [SIGNET_SORT_STATUS] = SIGNET_SHOWN_STATUS_RANK_SQL (SIGNET_CURRENT_END_DATE_SQL, SIGNET_CURRENT_AUTO_RENEW_SQL)
                           ", c.number",
    [SIGNET_SORT_END_DATE] = SIGNET_CURRENT_END_DATE_SQL " IS NULL, " SIGNET_CURRENT_END_DATE_SQL ", c.number",
    [SIGNET_SORT_VALUE] = SIGNET_CURRENT_VALUE_SQL " NULLS FIRST, " SIGNET_CURRENT_CURRENCY_SQL " NULLS FIRST, c.number",
  };
  static const char * const current_descending_clauses[] = {
    [SIGNET_SORT_NUMBER] = "c.number DESC",
    [SIGNET_SORT_TITLE] = SIGNET_CURRENT_TITLE_KEY_SQL " DESC NULLS LAST, c.number DESC",
    [SIGNET_SORT_CLIENT] = "k.name_key DESC NULLS LAST, c.number DESC",
    [SIGNET_SORT_STATUS] = SIGNET_SHOWN_STATUS_RANK_SQL (SIGNET_CURRENT_END_DATE_SQL, SIGNET_CURRENT_AUTO_RENEW_SQL)
                           " DESC, c.number DESC",
    [SIGNET_SORT_END_DATE] = SIGNET_CURRENT_END_DATE_SQL " IS NULL, " SIGNET_CURRENT_END_DATE_SQL " DESC, c.number DESC",
    [SIGNET_SORT_VALUE] = SIGNET_CURRENT_VALUE_SQL " DESC NULLS LAST, " SIGNET_CURRENT_CURRENCY_SQL " DESC NULLS LAST, c.number DESC",
  };

  g_assert (sort_key < G_N_ELEMENTS (ascending_clauses));

  if (current)
    return descending ? current_descending_clauses[sort_key] : current_ascending_clauses[sort_key];

  return descending ? descending_clauses[sort_key] : ascending_clauses[sort_key];
}

/* SQL functions */

/* signet_search_text(field, ...): the fields as a search finds them, in
 * their order, each (empty ones too) after a separator but the first. */
static void
search_text_function (sqlite3_context  *context,
                      int               argc,
                      sqlite3_value   **argv)
{
  GString *text = g_string_sized_new (128);
  int length;

  for (int i = 0; i < argc; i++)
    {
      if (i > 0)
        g_string_append_c (text, SIGNET_SEARCH_FIELD_SEPARATOR);
      signet_search_append_field (text, (const char *) sqlite3_value_text (argv[i]));
    }

  length = (int) text->len;
  sqlite3_result_text (context, g_string_free (text, FALSE), length, g_free);
}

/* signet_sort_key(text): the zh collation's key, compared as a BLOB. */
static void
sort_key_function (sqlite3_context  *context,
                   int               argc,
                   sqlite3_value   **argv)
{
  g_autoptr(GBytes) key = NULL;
  gsize size;
  gconstpointer data;

  if (sqlite3_value_type (argv[0]) == SQLITE_NULL)
    {
      sqlite3_result_null (context);
      return;
    }

  key = signet_search_sort_key ((const char *) sqlite3_value_text (argv[0]));
  data = g_bytes_get_data (key, &size);
  sqlite3_result_blob (context, data, (int) size, SQLITE_TRANSIENT);
}

void
_signet_store_search_add_functions (sqlite3 *db)
{
  sqlite3_create_function (db, "signet_search_text", -1, SQLITE_UTF8 | SQLITE_DETERMINISTIC,
                           NULL, search_text_function, NULL, NULL);
  sqlite3_create_function (db, "signet_sort_key", 1, SQLITE_UTF8 | SQLITE_DETERMINISTIC,
                           NULL, sort_key_function, NULL, NULL);
}

/* Migration 8 and the ICU version */

#define CONTRACT_SEARCH_COLUMNS(row) \
  "search_text = signet_search_text (" row ".number, " row ".title), " \
  "search_facets = signet_search_text (" row ".contract_type, " row ".owner, " \
  row ".department, " row ".tags), title_key = signet_sort_key (" row ".title)"
#define CLIENT_SEARCH_COLUMNS(row) \
  "search_text = signet_search_text (" row ".name, " row ".code, " row ".contact), " \
  "name_key = signet_sort_key (" row ".name)"

/* Remakes every stored pinyin and sort key with this ICU, and notes its
 * version. */
static gboolean make_pending_texts (SignetStore  *self,
                                    GError      **error);

static gboolean
refresh_all (SignetStore  *self,
             GError      **error)
{
  SignetDbStmt *stmt;

  /* A server's are made here, in C: cleared keys mark them pending. */
  if (self->sqlite == NULL)
    {
      if (!_signet_store_exec (self,
                               "UPDATE clients SET name_key = NULL;"
                               "UPDATE contracts SET title_key = NULL;",
                               error) ||
          !make_pending_texts (self, error))
        return FALSE;
    }
  else if (!_signet_store_exec (self,
                                "UPDATE clients SET " CLIENT_SEARCH_COLUMNS ("clients") ";"
                                "UPDATE contracts SET " CONTRACT_SEARCH_COLUMNS ("contracts") ";",
                                error))
    return FALSE;

  stmt = _signet_store_statement (self, "UPDATE search_icu SET version = ?", error);
  if (stmt == NULL)
    return FALSE;
  signet_db_bind_static_text (stmt, 1, signet_search_icu_version ());

  return _signet_store_step_done (self, stmt, error);
}

/* Version 8: search covers type, owner, department, tags, and the client's
 * name, code and contact person, each also by pinyin; titles and client
 * names sort in pinyin order. The keys are made after the rows so the
 * indexes are built once. */
gboolean
_signet_store_migrate_search (SignetStore  *self,
                              GError      **error)
{
  return _signet_store_exec (self,
    "ALTER TABLE contracts ADD COLUMN search_facets TEXT NOT NULL DEFAULT '';"
    "ALTER TABLE contracts ADD COLUMN title_key BLOB;"
    "ALTER TABLE clients ADD COLUMN search_text TEXT NOT NULL DEFAULT '';"
    "ALTER TABLE clients ADD COLUMN name_key BLOB;"
    /* What the stored pinyin and keys were made with. */
    "CREATE TABLE search_icu (version TEXT NOT NULL);"
    "INSERT INTO search_icu (version) VALUES ('');",
    error) &&
    refresh_all (self, error) &&
    _signet_store_exec (self,
    "CREATE INDEX contracts_title_key ON contracts (title_key);"
    "CREATE INDEX clients_name_key ON clients (name_key);"
    /* Text read from files before this version has no page marks (so a
     * search cannot say on which page it found a word) and may hold
     * Chinese that poppler gave as Latin-1 letters, recovered since
     * (src/pdf/signet-pdf-text-recovery.c): every file is read again, in
     * the background as any new file, once. */
    "DELETE FROM blob_text;",
    error);
}

/* Keep the search text and sort keys of every write this connection makes
 * (its own INSERT of a contract makes them itself and skips the trigger).
 * The triggers are TEMP, this connection's alone, because they call the
 * functions above: stored in the file, they would make every write of
 * another program (the sqlite3 shell, a script) fail with "no such
 * function". Such a program's changes to these fields are found by search
 * under their old text until Signet writes the record again. */
gboolean
_signet_store_search_add_triggers (SignetStore  *self,
                                   GError      **error)
{
  return _signet_store_exec (self,
    "CREATE TEMP TRIGGER IF NOT EXISTS contracts_search_insert AFTER INSERT ON main.contracts"
    "  WHEN new.title_key IS NULL BEGIN"
    "  UPDATE contracts SET " CONTRACT_SEARCH_COLUMNS ("new") " WHERE id = new.id;"
    "END;"
    "CREATE TEMP TRIGGER IF NOT EXISTS contracts_search_update AFTER UPDATE OF number, title,"
    "  contract_type, owner, department, tags ON main.contracts BEGIN"
    "  UPDATE contracts SET " CONTRACT_SEARCH_COLUMNS ("new") " WHERE id = new.id;"
    "END;"
    "CREATE TEMP TRIGGER IF NOT EXISTS clients_search_insert AFTER INSERT ON main.clients BEGIN"
    "  UPDATE clients SET " CLIENT_SEARCH_COLUMNS ("new") " WHERE id = new.id;"
    "END;"
    "CREATE TEMP TRIGGER IF NOT EXISTS clients_search_update AFTER UPDATE OF name, code, contact"
    "  ON main.clients BEGIN"
    "  UPDATE clients SET " CLIENT_SEARCH_COLUMNS ("new") " WHERE id = new.id;"
    "END;",
    error);
}

gboolean
_signet_store_refresh_search_text (SignetStore  *self,
                                   const char   *where_column,
                                   gint64        id,
                                   GError      **error)
{
  /* A server's: a cleared key marks them for make_pending_texts(). */
  g_autofree char *sql = g_strdup_printf ("UPDATE contracts SET %s WHERE %s = ?",
                                          self->sqlite != NULL ? CONTRACT_SEARCH_COLUMNS ("contracts")
                                                               : "title_key = NULL",
                                          where_column);
  SignetDbStmt *stmt = _signet_store_statement (self, sql, error);

  if (stmt == NULL)
    return FALSE;

  signet_db_bind_int64 (stmt, 1, id);

  return _signet_store_step_done (self, stmt, error);
}

/* Collation keys and transliterations change with ICU (a new Unicode or
 * CLDR version reorders or respells some characters): keys made by two
 * versions do not compare. The version they were made with is stored, and
 * a register opened for writing by another ICU is brought up to date, in
 * one transaction, before anything else. A reading store leaves the file
 * as it is and sorts by the keys it finds. */
gboolean
_signet_store_search_check_icu (SignetStore  *self,
                                GError      **error)
{
  g_autofree char *stored = NULL;
  SignetDbStmt *stmt;

  stmt = _signet_store_statement (self, "SELECT version FROM search_icu", error);
  if (stmt == NULL)
    return FALSE;
  if (signet_db_step (stmt) == SIGNET_DB_ROW)
    stored = _signet_store_dup_text (stmt, 0);
  signet_db_reset (stmt);

  if (g_strcmp0 (stored, signet_search_icu_version ()) == 0)
    return TRUE;

  g_debug ("Remaking search text and sort keys: made with “%s”, now “%s”",
           stored, signet_search_icu_version ());

  if (!_signet_store_exec (self, _signet_store_sql (self, "BEGIN IMMEDIATE", "BEGIN"), error))
    return FALSE;
  if (!refresh_all (self, error) || !_signet_store_exec (self, "COMMIT", error))
    {
      _signet_store_exec (self, "ROLLBACK", NULL);
      return FALSE;
    }

  return TRUE;
}

/* A team register's search text and sort keys */

/* A server cannot call into the app, so on PostgreSQL the pinyin and the
 * ICU keys are made here, in C, the same as the SQL functions above make
 * them in a file. The server's triggers (signet-store-server.c) clear a
 * row's key whenever a write changes what its text is made of, whoever
 * writes (another Signet, a script): a row without a key is pending, and
 * the store makes the text and key of each pending row before it sorts or
 * searches. The keys' indexes find them; usually there are none. A store
 * that only reads, or that is inside a transaction of its caller, sorts
 * and searches what it finds. */
static void
append_fields (GString       *text,
               SignetDbStmt  *stmt,
               int            first,
               int            n)
{
  for (int i = first; i < first + n; i++)
    {
      if (i > first)
        g_string_append_c (text, SIGNET_SEARCH_FIELD_SEPARATOR);
      signet_search_append_field (text, signet_db_column_text (stmt, i));
    }
}

typedef struct
{
  gint64  id;
  char   *text;
  char   *facets;
  GBytes *key;
} PendingText;

static void
pending_text_clear (PendingText *pending)
{
  g_free (pending->text);
  g_free (pending->facets);
  g_clear_pointer (&pending->key, g_bytes_unref);
}

/* Rows written back per statement: after an import of 100,000 contracts,
 * one UPDATE per row took 23 s, nearly all of it round trips. The rows are
 * sent in the order of their ids, so that two clients making the same
 * ones mostly lock them in the same order (a deadlock fails only the
 * making, which the next sort does again); a client that finds them made
 * by another meanwhile writes the same text again. */
#define PENDING_CHUNK 256

/* The UPDATE of @n rows of @table from a VALUES list of (id, text[,
 * facets], key), @set naming the columns. */
static char *
pending_update_sql (const char *table,
                    const char *set,
                    gboolean    facets,
                    guint       n)
{
  GString *sql = g_string_new (NULL);
  int param = 1;

  g_string_append_printf (sql, "UPDATE %s AS t SET %s FROM (VALUES ", table, set);
  for (guint i = 0; i < n; i++, param += facets ? 4 : 3)
    {
      if (facets)
        g_string_append_printf (sql, "%s(?%d::bigint, ?%d::text, ?%d::text, ?%d::bytea)",
                                i > 0 ? ", " : "", param, param + 1, param + 2, param + 3);
      else
        g_string_append_printf (sql, "%s(?%d::bigint, ?%d::text, ?%d::bytea)",
                                i > 0 ? ", " : "", param, param + 1, param + 2);
    }
  g_string_append_printf (sql, ") AS v (id, text, %skey) WHERE t.id = v.id", facets ? "facets, " : "");

  return g_string_free (sql, FALSE);
}

/* The texts of the rows @select_sql gives (the id, then the fields of the
 * text, then those of the facets when @n_facets > 0; the key is of column
 * @key_column), written to @table's columns @set (v.text, v.facets,
 * v.key). */
static gboolean
make_pending (SignetStore  *self,
              const char   *select_sql,
              int           n_fields,
              int           n_facets,
              int           key_column,
              const char   *table,
              const char   *set,
              GError      **error)
{
  g_autoptr(GArray) pending = g_array_new (FALSE, TRUE, sizeof (PendingText));
  SignetDbStmt *stmt;
  int rc;

  g_array_set_clear_func (pending, (GDestroyNotify) pending_text_clear);

  stmt = _signet_store_statement (self, select_sql, error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = signet_db_step (stmt)) == SIGNET_DB_ROW)
    {
      GString *text = g_string_sized_new (128);
      PendingText row = { signet_db_column_int64 (stmt, 0), NULL, NULL, NULL };

      append_fields (text, stmt, 1, n_fields);
      row.text = g_string_free (text, FALSE);
      if (n_facets > 0)
        {
          text = g_string_sized_new (64);
          append_fields (text, stmt, 1 + n_fields, n_facets);
          row.facets = g_string_free (text, FALSE);
        }
      row.key = signet_search_sort_key (signet_db_column_text (stmt, key_column));
      g_array_append_val (pending, row);
    }
  signet_db_reset (stmt);
  if (rc != SIGNET_DB_DONE)
    return _signet_store_set_error (self, rc, error);

  for (guint first = 0; first < pending->len; first += PENDING_CHUNK)
    {
      guint n = MIN (PENDING_CHUNK, pending->len - first);
      g_autofree char *sql = pending_update_sql (table, set, n_facets > 0, n);
      int param = 1;

      stmt = _signet_store_statement (self, sql, error);
      if (stmt == NULL)
        return FALSE;
      for (guint i = first; i < first + n; i++)
        {
          const PendingText *row = &g_array_index (pending, PendingText, i);
          gsize size;
          gconstpointer data = g_bytes_get_data (row->key, &size);

          signet_db_bind_int64 (stmt, param++, row->id);
          signet_db_bind_static_text (stmt, param++, row->text);
          if (n_facets > 0)
            signet_db_bind_static_text (stmt, param++, row->facets);
          signet_db_bind_blob (stmt, param++, data, size, FALSE);
        }
      if (!_signet_store_step_done (self, stmt, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
make_pending_texts (SignetStore  *self,
                    GError      **error)
{
  return make_pending (self,
                       "SELECT id, name, code, contact FROM clients WHERE name_key IS NULL ORDER BY id", 3, 0, 1,
                       "clients", "search_text = v.text, name_key = v.key", error) &&
         make_pending (self,
                       "SELECT id, number, title, contract_type, owner, department, tags "
                       "FROM contracts WHERE title_key IS NULL ORDER BY id", 2, 4, 2,
                       "contracts", "search_text = v.text, search_facets = v.facets, title_key = v.key",
                       error);
}

/* Before a server's rows are sorted or searched. A user whose role may
 * not write them (a reader) sorts and searches what is there until a
 * writer makes them: that is no reason to show no list. */
static gboolean
make_pending_texts_now (SignetStore  *self,
                        GError      **error)
{
  g_auto(SignetWriteScope) scope = { 0 };
  g_autoptr(GError) local_error = NULL;

  if (self->sqlite != NULL || self->read_only || signet_db_in_transaction (self->db))
    return TRUE;

  if (_signet_write_scope_begin (&scope, self, &local_error) &&
      make_pending_texts (self, &local_error) &&
      _signet_write_scope_commit (&scope, &local_error))
    return TRUE;

  if (g_error_matches (local_error, SIGNET_STORE_ERROR, SIGNET_STORE_ERROR_DISCONNECTED))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  g_debug ("Search texts left as the server made them: %s", local_error->message);
  return TRUE;
}

/* The index in memory */

static void
clear_ordered (SignetStore *self)
{
  g_clear_pointer (&self->ordered_ids, g_array_unref);
  g_clear_pointer (&self->ordered_records, g_array_unref);
  g_clear_pointer (&self->last_terms, g_strfreev);
  g_clear_pointer (&self->last_positions, g_array_unref);
}

void
_signet_store_search_forget (SignetStore *self)
{
  clear_ordered (self);
  g_clear_pointer (&self->search_index, search_index_free);
  _signet_store_current_terms_forget (self);
}

/* The contract's own search text: @stored, or for a contract whose title
 * an amendment in force changed, its number's and that title's, as
 * signet_search_text (number, title) makes them. */
static char *
dup_own_text (SignetStore *self,
              gint64       id,
              const char  *stored)
{
  const char *title = _signet_store_current_title (self, id);
  const char *separator;
  GString *text;

  if (title == NULL)
    return g_strdup (stored);

  stored = stored != NULL ? stored : "";
  separator = strchr (stored, SIGNET_SEARCH_FIELD_SEPARATOR);
  text = g_string_new_len (stored, separator != NULL ? separator - stored : (gssize) strlen (stored));
  g_string_append_c (text, SIGNET_SEARCH_FIELD_SEPARATOR);
  signet_search_append_field (text, title);

  return g_string_free (text, FALSE);
}

static guint32
add_shared (SignetSearchIndex *index,
            const char        *text)
{
  g_ptr_array_add (index->shared, g_strdup (text != NULL ? text : ""));

  return index->shared->len - 1;
}

/* The index of @facets among the shared texts, added once. */
static guint32
intern_facets (SignetSearchIndex *index,
               const char        *facets)
{
  gpointer found;
  guint32 position;

  facets = facets != NULL ? facets : "";
  found = g_hash_table_lookup (index->shared_facets, facets);
  if (found != NULL)
    return GPOINTER_TO_UINT (found) - 1;

  position = add_shared (index, facets);
  g_hash_table_insert (index->shared_facets, g_ptr_array_index (index->shared, position),
                       GUINT_TO_POINTER (position + 1));

  return position;
}

static gboolean
lookup_client (SignetSearchIndex *index,
               gint64             client_id,
               guint32           *position)
{
  gpointer found = g_hash_table_lookup (index->shared_clients, &client_id);

  if (found == NULL)
    return FALSE;

  *position = GPOINTER_TO_UINT (found) - 1;

  return TRUE;
}

/* A contract whose client is missing (changed outside Signet) is found by
 * its own text. */
static guint32
client_or_empty (SignetSearchIndex *index,
                 gint64             client_id)
{
  guint32 position;

  if (lookup_client (index, client_id, &position))
    return position;

  return intern_facets (index, "");
}

static void
append_text (SignetSearchIndex *index,
             guint32            record,
             const char         *text)
{
  Slot slot = { index->text->len, record };

  g_array_index (index->records, Record, record).offset = slot.offset;
  g_array_append_val (index->slots, slot);
  g_byte_array_append (index->text, (const guint8 *) (text != NULL ? text : ""),
                       text != NULL ? strlen (text) + 1 : 1);
}

static gboolean
find_record (SignetSearchIndex *index,
             gint64             id,
             guint             *position)
{
  guint low = 0;
  guint high = index->records->len;

  while (low < high)
    {
      guint middle = low + (high - low) / 2;
      gint64 found = g_array_index (index->records, Record, middle).id;

      if (found == id)
        {
          *position = middle;
          return TRUE;
        }
      if (found < id)
        low = middle + 1;
      else
        high = middle;
    }

  return FALSE;
}

static gboolean
find_slot (SignetSearchIndex *index,
           guint32            offset,
           guint             *position)
{
  guint low = 0;
  guint high = index->slots->len;

  while (low < high)
    {
      guint middle = low + (high - low) / 2;
      guint32 found = g_array_index (index->slots, Slot, middle).offset;

      if (found == offset)
        {
          *position = middle;
          return TRUE;
        }
      if (found < offset)
        low = middle + 1;
      else
        high = middle;
    }

  return FALSE;
}

static void
forget_text (SignetSearchIndex *index,
             guint              record)
{
  Record *r = &g_array_index (index->records, Record, record);
  guint slot;

  if (r->offset == DEAD)
    return;

  if (find_slot (index, r->offset, &slot))
    g_array_index (index->slots, Slot, slot).record = DEAD;
  index->wasted += strlen ((const char *) index->text->data + r->offset) + 1;
  r->offset = DEAD;
}

static gboolean
load_search_index (SignetStore  *self,
                   GError      **error)
{
  g_autoptr(SignetSearchIndex) index = NULL;
  SignetDbStmt *stmt;
  int rc;

  if (self->search_index != NULL)
    return TRUE;

  index = g_new0 (SignetSearchIndex, 1);
  index->records = g_array_new (FALSE, FALSE, sizeof (Record));
  index->slots = g_array_new (FALSE, FALSE, sizeof (Slot));
  index->text = g_byte_array_new ();
  index->shared = g_ptr_array_new_with_free_func (g_free);
  index->shared_facets = g_hash_table_new (g_str_hash, g_str_equal);
  index->shared_clients = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

  stmt = _signet_store_statement (self, "SELECT id, search_text FROM clients", error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = signet_db_step (stmt)) == SIGNET_DB_ROW)
    g_hash_table_insert (index->shared_clients,
                         g_memdup2 (&(gint64) { signet_db_column_int64 (stmt, 0) }, sizeof (gint64)),
                         GUINT_TO_POINTER (add_shared (index, signet_db_column_text (stmt, 1)) + 1));
  signet_db_reset (stmt);
  if (rc != SIGNET_DB_DONE)
    return _signet_store_set_error (self, rc, error);

  stmt = _signet_store_statement (self,
                                  "SELECT id, client_id, search_text, search_facets FROM contracts "
                                  "ORDER BY id", error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = signet_db_step (stmt)) == SIGNET_DB_ROW)
    {
      Record record = {
        .id = signet_db_column_int64 (stmt, 0),
        .client = client_or_empty (index, signet_db_column_int64 (stmt, 1)),
        .facets = intern_facets (index, signet_db_column_text (stmt, 3)),
      };

      g_autofree char *text = dup_own_text (self, record.id, signet_db_column_text (stmt, 2));

      g_array_append_val (index->records, record);
      append_text (index, index->records->len - 1, text);
    }
  signet_db_reset (stmt);
  if (rc != SIGNET_DB_DONE)
    return _signet_store_set_error (self, rc, error);

  self->search_index = g_steal_pointer (&index);

  return TRUE;
}

static void
note_client_change (SignetStore      *self,
                    gint64            id,
                    SignetChangeKind  change)
{
  SignetSearchIndex *index = self->search_index;
  SignetDbStmt *stmt;
  guint32 position;
  gboolean known = lookup_client (index, id, &position);

  if (change == SIGNET_CHANGE_REMOVED)
    {
      /* A client with contracts cannot be deleted: nothing points here. */
      if (known)
        g_hash_table_remove (index->shared_clients, &id);
      return;
    }

  stmt = _signet_store_statement (self, "SELECT search_text FROM clients WHERE id = ?", NULL);
  if (stmt == NULL)
    {
      _signet_store_search_forget (self);
      return;
    }

  signet_db_bind_int64 (stmt, 1, id);
  if (signet_db_step (stmt) == SIGNET_DB_ROW)
    {
      const char *text = signet_db_column_text (stmt, 0);

      if (known)
        {
          g_free (g_ptr_array_index (index->shared, position));
          g_ptr_array_index (index->shared, position) = g_strdup (text != NULL ? text : "");
        }
      else
        g_hash_table_insert (index->shared_clients, g_memdup2 (&id, sizeof id),
                             GUINT_TO_POINTER (add_shared (index, text) + 1));
    }
  signet_db_reset (stmt);
}

static void
note_contract_change (SignetStore      *self,
                      gint64            id,
                      SignetChangeKind  change)
{
  SignetSearchIndex *index = self->search_index;
  SignetDbStmt *stmt;
  guint position;
  gboolean known = find_record (index, id, &position);
  int rc;

  if (known)
    forget_text (index, position);

  if (change == SIGNET_CHANGE_REMOVED)
    return;

  stmt = _signet_store_statement (self,
                                  "SELECT client_id, search_text, search_facets FROM contracts "
                                  "WHERE id = ?", NULL);
  if (stmt == NULL)
    {
      _signet_store_search_forget (self);
      return;
    }

  signet_db_bind_int64 (stmt, 1, id);
  rc = signet_db_step (stmt);
  if (rc == SIGNET_DB_ROW &&
      (known || index->records->len == 0 ||
       id > g_array_index (index->records, Record, index->records->len - 1).id))
    {
      Record record = {
        .id = id,
        .client = client_or_empty (index, signet_db_column_int64 (stmt, 0)),
        .facets = intern_facets (index, signet_db_column_text (stmt, 2)),
      };
      g_autofree char *text = dup_own_text (self, id, signet_db_column_text (stmt, 1));

      if (!known)
        {
          g_array_append_val (index->records, record);
          position = index->records->len - 1;
        }
      else
        g_array_index (index->records, Record, position) = record;
      append_text (index, position, text);
    }
  else if (rc == SIGNET_DB_ROW)
    /* A contract put back under its old id (Undo) belongs amid the
     * others: loading again is simpler than moving a million records. */
    g_clear_pointer (&self->search_index, search_index_free);
  signet_db_reset (stmt);

  /* Replaced texts are left in the buffer until they are half of it. */
  if (self->search_index != NULL && index->wasted > index->text->len / 2)
    g_clear_pointer (&self->search_index, search_index_free);
}

void
_signet_store_search_note_change (SignetStore      *self,
                                  SignetRecordKind  kind,
                                  gint64            id,
                                  SignetChangeKind  change)
{
  clear_ordered (self);
  /* First: the contract's search text follows its title in force. */
  _signet_store_current_terms_note_change (self, kind, id, change);

  /* A server's row just written has its text and key made at once, so
   * that what sorts by them elsewhere (the clients' list) finds them. */
  if (self->sqlite == NULL && (kind == SIGNET_RECORD_CLIENT || kind == SIGNET_RECORD_CONTRACT) &&
      change != SIGNET_CHANGE_REMOVED)
    make_pending_texts_now (self, NULL);

  if (self->search_index == NULL)
    return;

  if (kind == SIGNET_RECORD_CLIENT)
    note_client_change (self, id, change);
  else if (kind == SIGNET_RECORD_CONTRACT)
    note_contract_change (self, id, change);
}

/* @limit: G_MAXUINT for all */
static GArray *
query_ordered_ids (SignetStore    *self,
                   SignetSortKey   sort_key,
                   gboolean        descending,
                   guint           limit,
                   GError        **error)
{
  g_autoptr(GString) sql = g_string_new ("SELECT c.id FROM contracts c");
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  SignetDbStmt *stmt;
  int rc;

  if (!make_pending_texts_now (self, error))
    return NULL;

  if (sort_key == SIGNET_SORT_CLIENT)
    /* LEFT: a contract whose client is missing is listed all the same. */
    g_string_append (sql, " LEFT JOIN clients k ON k.id = c.client_id");

  g_string_append_printf (sql, " ORDER BY %s",
                          sort_clause (sort_key, descending, _signet_store_current_terms_ensure (self, NULL)));
  if (limit != G_MAXUINT)
    g_string_append_printf (sql, " LIMIT %u", limit);

  stmt = _signet_store_statement (self, sql->str, error);
  if (stmt == NULL)
    return NULL;

  if (sort_key == SIGNET_SORT_STATUS)
    {
      g_autofree char *today = signet_store_dup_today (self);

      signet_db_bind_text (stmt, 1, today);
    }

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

/* The order and the texts hold the terms in force on the day they were
 * made: a new day may bring an amendment into force (and moves contracts
 * from active to expired). */
static void
follow_the_day (SignetStore *self)
{
  gboolean new_day;

  _signet_store_current_terms_ensure (self, &new_day);
  if (new_day)
    {
      clear_ordered (self);
      g_clear_pointer (&self->search_index, search_index_free);
    }
}

static gboolean
ensure_ordered (SignetStore    *self,
                SignetSortKey   sort_key,
                gboolean        descending,
                GError        **error)
{
  if (self->ordered_ids != NULL && self->ordered_key == sort_key &&
      self->ordered_descending == !!descending)
    return TRUE;

  clear_ordered (self);
  if (!(self->ordered_ids = query_ordered_ids (self, sort_key, descending, G_MAXUINT, error)))
    return FALSE;
  self->ordered_id_limit = 0;
  for (guint i = 0; i < self->ordered_ids->len; i++)
    self->ordered_id_limit = MAX (self->ordered_id_limit, g_array_index (self->ordered_ids, gint64, i) + 1);
  self->ordered_key = sort_key;
  self->ordered_descending = !!descending;

  return TRUE;
}

/* The record of each contract in the order, for the scan; DEAD for one
 * without. */
static void
ensure_ordered_records (SignetStore *self)
{
  SignetSearchIndex *index = self->search_index;

  if (self->ordered_records != NULL)
    return;

  self->ordered_records = g_array_sized_new (FALSE, FALSE, sizeof (guint32), self->ordered_ids->len);
  for (guint i = 0; i < self->ordered_ids->len; i++)
    {
      guint position;
      guint32 record = DEAD;

      /* A contract another connection added since the texts were loaded
       * is not found until they are loaded again. */
      if (find_record (index, g_array_index (self->ordered_ids, gint64, i), &position))
        record = position;
      g_array_append_val (self->ordered_records, record);
    }
}

/* The folded, whitespace-separated terms of a query. Splitting walks whole
 * characters: a byte-wise split on the ideographic space would cut Chinese
 * characters that share its bytes. */
static GPtrArray *
split_terms (const char *search)
{
  g_autofree char *folded = signet_search_fold (search);
  GPtrArray *terms = g_ptr_array_new_with_free_func (g_free);
  const char *start = NULL;

  for (const char *p = folded; ; p = g_utf8_next_char (p))
    {
      gboolean end = *p == '\0' || g_unichar_isspace (g_utf8_get_char (p));

      if (end && start != NULL && terms->len < MAX_TERMS)
        {
          g_ptr_array_add (terms, g_strndup (start, p - start));
          start = NULL;
        }
      else if (end)
        start = NULL;
      else if (!end && start == NULL)
        start = p;

      if (*p == '\0')
        break;
    }

  return terms;
}

static int
compare_longest_first (gconstpointer a,
                       gconstpointer b)
{
  gsize x = strlen (*(char * const *) a);
  gsize y = strlen (*(char * const *) b);

  return x > y ? -1 : x < y;
}

/* Whether every contract @terms find was found by @previous: each
 * earlier term is part of a new one (typing on). */
static gboolean
narrows (GStrv      previous,
         GPtrArray *terms)
{
  if (previous == NULL)
    return FALSE;

  for (guint p = 0; previous[p] != NULL; p++)
    {
      gboolean contained = FALSE;

      for (guint t = 0; t < terms->len && !contained; t++)
        contained = strstr (g_ptr_array_index (terms, t), previous[p]) != NULL;

      if (!contained)
        return FALSE;
    }

  return TRUE;
}

/* One query's work, shared by the threads that scan parts of it. */
typedef struct
{
  SignetSearchIndex *index;
  GPtrArray         *terms;       /* longest first */
  guint8           **shared_hits; /* per term: per shared text */
  guint8           **file_hits;   /* per term: per record, or NULL */
  gboolean           outside_own; /* the first term is in a shared text or a file */
  guint8            *hits;        /* per record: how many terms, in order, it has */
  const guint32     *ordered_records;
  const gint64      *ordered_ids;
  const guint32     *candidates;  /* positions in the order to check, when narrowing */
} Scan;

typedef struct _ScanPart ScanPart;

struct _ScanPart
{
  Scan   *scan;
  guint   begin;
  guint   end;
  void  (*run) (ScanPart *part);
  GArray *positions;              /* what collect() found, in order */
  GArray *ids;
};

/* Where @term is in @haystack. memmem() prepares a table on every call,
 * which costs more than the search in one contract's text, or in the whole
 * buffer when a short term is in nearly every contract ("a", "合"): those
 * look for the term's last byte with memchr() and compare the rest. */
static const char *
find_term (const char *haystack,
           gsize       length,
           const char *term,
           gsize       term_length)
{
  const char *end = haystack + length;
  const char *p;

  if (term_length > 3 && length > 4096)
    return memmem (haystack, length, term, term_length);

  if (length < term_length)
    return NULL;

  for (p = haystack + term_length - 1;
       p < end && (p = memchr (p, term[term_length - 1], end - p)) != NULL;
       p++)
    if (memcmp (p - (term_length - 1), term, term_length - 1) == 0)
      return p - (term_length - 1);

  return NULL;
}

static gboolean
record_has_term (Scan    *scan,
                 guint32  record,
                 guint    term)
{
  const Record *r = &g_array_index (scan->index->records, Record, record);
  const char *text;
  const char *needle;

  if (r->offset == DEAD)
    return FALSE;

  if (scan->shared_hits[term][r->client] || scan->shared_hits[term][r->facets] ||
      (scan->file_hits[term] != NULL && scan->file_hits[term][record]))
    return TRUE;

  text = (const char *) scan->index->text->data + r->offset;
  needle = g_ptr_array_index (scan->terms, term);

  return find_term (text, strlen (text), needle, strlen (needle)) != NULL;
}

/* The first term over the slots [begin, end): a search through the buffer
 * where each hit skips to the next text. */
static void
scan_first_term (ScanPart *part)
{
  Scan *scan = part->scan;
  const char *term = g_ptr_array_index (scan->terms, 0);
  gsize length = strlen (term);
  const Slot *slots = (const Slot *) scan->index->slots->data;
  guint n_slots = scan->index->slots->len;
  const char *data = (const char *) scan->index->text->data;
  gsize position = slots[part->begin].offset;
  gsize stop = part->end < n_slots ? slots[part->end].offset : scan->index->text->len;
  guint slot = part->begin;

  while (position < stop)
    {
      const char *hit = find_term (data + position, stop - position, term, length);
      gsize at;

      if (hit == NULL)
        break;

      at = hit - data;
      while (slot + 1 < part->end && slots[slot + 1].offset <= at)
        slot++;
      if (slots[slot].record != DEAD)
        scan->hits[slots[slot].record] = 1;

      slot++;
      position = slot < n_slots ? slots[slot].offset : stop;
    }
}

/* Records [begin, end): what the first term finds outside their own text,
 * then every further term. */
static void
scan_records (ScanPart *part)
{
  Scan *scan = part->scan;

  for (guint record = part->begin; record < part->end; record++)
    {
      const Record *r = &g_array_index (scan->index->records, Record, record);

      /* The scan of the buffer has looked in the record's own text. */
      if (scan->outside_own && scan->hits[record] == 0 && r->offset != DEAD &&
          (scan->shared_hits[0][r->client] || scan->shared_hits[0][r->facets] ||
           (scan->file_hits[0] != NULL && scan->file_hits[0][record])))
        scan->hits[record] = 1;

      for (guint t = 1; t < scan->terms->len && scan->hits[record] == t; t++)
        if (record_has_term (scan, record, t))
          scan->hits[record] = t + 1;
    }
}

/* Candidates [begin, end): every term. */
static void
scan_candidates (ScanPart *part)
{
  Scan *scan = part->scan;

  for (guint i = part->begin; i < part->end; i++)
    {
      guint32 record = scan->ordered_records[scan->candidates[i]];
      guint t = 0;

      if (record == DEAD)
        continue;

      while (t < scan->terms->len && record_has_term (scan, record, t))
        t++;
      scan->hits[record] = t;
    }
}

/* Positions [begin, end) of the order, or of the candidates: the ids of the
 * contracts that have every term. */
static void
collect (ScanPart *part)
{
  Scan *scan = part->scan;
  guint n_terms = scan->terms->len;
  guint32 *positions;
  gint64 *ids;
  guint n = 0;

  /* Written in place: a search for "a" finds nearly every contract. */
  g_array_set_size (part->positions, part->end - part->begin);
  g_array_set_size (part->ids, part->end - part->begin);
  positions = (guint32 *) part->positions->data;
  ids = (gint64 *) part->ids->data;

  for (guint i = part->begin; i < part->end; i++)
    {
      guint32 position = scan->candidates != NULL ? scan->candidates[i] : i;
      guint32 record = scan->ordered_records[position];

      if (record != DEAD && scan->hits[record] == n_terms)
        {
          positions[n] = position;
          ids[n] = scan->ordered_ids[position];
          n++;
        }
    }

  g_array_set_size (part->positions, n);
  g_array_set_size (part->ids, n);
}

static gpointer
run_part (gpointer data)
{
  ScanPart *part = data;

  part->run (part);

  return NULL;
}

/* Runs @run over [0, @n) on every core; with @positions and @ids, appends
 * what each part collected to them, in order. */
static void
run_parallel (Scan    *scan,
              guint    n,
              void   (*run) (ScanPart *part),
              GArray  *positions,
              GArray  *ids)
{
  guint n_parts = n < MIN_PARALLEL ? 1 : CLAMP (g_get_num_processors (), 1, 8);
  ScanPart parts[8];
  GThread *threads[8] = { NULL, };

  if (n == 0)
    return;

  for (guint p = 0; p < n_parts; p++)
    {
      parts[p] = (ScanPart) { scan, (guint) ((guint64) n * p / n_parts),
                              (guint) ((guint64) n * (p + 1) / n_parts), run, NULL, NULL };
      if (positions != NULL)
        {
          parts[p].positions = g_array_new (FALSE, FALSE, sizeof (guint32));
          parts[p].ids = g_array_new (FALSE, FALSE, sizeof (gint64));
        }
    }

  for (guint p = 1; p < n_parts; p++)
    threads[p] = g_thread_try_new ("signet-search", run_part, &parts[p], NULL);

  run_part (&parts[0]);

  for (guint p = 1; p < n_parts; p++)
    {
      if (threads[p] != NULL)
        g_thread_join (threads[p]);
      else
        run_part (&parts[p]);
    }

  if (positions == NULL)
    return;

  for (guint p = 0; p < n_parts; p++)
    {
      g_array_append_vals (positions, parts[p].positions->data, parts[p].positions->len);
      g_array_append_vals (ids, parts[p].ids->data, parts[p].ids->len);
      g_array_unref (parts[p].positions);
      g_array_unref (parts[p].ids);
    }
}

/* Per record, whether an attached file's text has @term. */
static guint8 *
find_in_files (SignetStore *self,
               const char  *term)
{
  g_autoptr(GHashTable) matches = _signet_store_attachment_text_matches (self, term);
  GHashTableIter iter;
  gpointer key;
  guint8 *hits;

  if (g_hash_table_size (matches) == 0)
    return NULL;

  hits = g_malloc0 (MAX (self->search_index->records->len, 1));
  g_hash_table_iter_init (&iter, matches);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      guint position;

      if (find_record (self->search_index, *(gint64 *) key, &position))
        hits[position] = 1;
    }

  return hits;
}

static GArray *
search_ordered (SignetStore  *self,
                GPtrArray    *terms)
{
  SignetSearchIndex *index = self->search_index;
  guint n_records = index->records->len;
  g_autofree guint8 *hits = g_malloc0 (MAX (n_records, 1));
  g_autoptr(GArray) positions = g_array_new (FALSE, FALSE, sizeof (guint32));
  GArray *result = g_array_new (FALSE, FALSE, sizeof (gint64));
  Scan scan = { index, terms, NULL, NULL, FALSE, hits, NULL, NULL, NULL };
  gboolean narrowing = narrows (self->last_terms, terms) && self->last_positions != NULL;

  g_ptr_array_sort (terms, compare_longest_first);
  ensure_ordered_records (self);
  scan.ordered_records = (const guint32 *) self->ordered_records->data;
  scan.ordered_ids = (const gint64 *) self->ordered_ids->data;

  scan.shared_hits = g_new0 (guint8 *, terms->len);
  scan.file_hits = g_new0 (guint8 *, terms->len);
  for (guint t = 0; t < terms->len; t++)
    {
      const char *term = g_ptr_array_index (terms, t);

      scan.shared_hits[t] = g_malloc (MAX (index->shared->len, 1));
      for (guint s = 0; s < index->shared->len; s++)
        {
          scan.shared_hits[t][s] = strstr (g_ptr_array_index (index->shared, s), term) != NULL;
          scan.outside_own |= t == 0 && scan.shared_hits[t][s];
        }
      scan.file_hits[t] = find_in_files (self, term);
      scan.outside_own |= t == 0 && scan.file_hits[t] != NULL;
    }

  if (narrowing)
    {
      scan.candidates = (const guint32 *) self->last_positions->data;
      run_parallel (&scan, self->last_positions->len, scan_candidates, NULL, NULL);
      run_parallel (&scan, self->last_positions->len, collect, positions, result);
    }
  else
    {
      run_parallel (&scan, index->slots->len, scan_first_term, NULL, NULL);
      if (scan.outside_own || terms->len > 1)
        run_parallel (&scan, n_records, scan_records, NULL, NULL);
      run_parallel (&scan, self->ordered_ids->len, collect, positions, result);
    }

  for (guint t = 0; t < terms->len; t++)
    {
      g_free (scan.shared_hits[t]);
      g_free (scan.file_hits[t]);
    }
  g_free (scan.shared_hits);
  g_free (scan.file_hits);

  g_clear_pointer (&self->last_terms, g_strfreev);
  g_clear_pointer (&self->last_positions, g_array_unref);
  g_ptr_array_add (terms, NULL);
  self->last_terms = g_strdupv ((GStrv) terms->pdata);
  g_ptr_array_remove_index (terms, terms->len - 1);
  self->last_positions = g_steal_pointer (&positions);

  return result;
}

/* Whether a contract whose title an amendment in force changed has @term
 * anywhere but in the title signed, which its stored search text still
 * holds: in its number or title in force, its facets, its client's text
 * or an attached file's text (@attached, looked up once, when first
 * needed). A contract that cannot be read again stays found. */
static gboolean
found_besides_title (SignetStore  *self,
                     gint64        id,
                     const char   *term,
                     GHashTable  **attached)
{
  g_autofree char *own = NULL;
  gboolean found = TRUE;
  SignetDbStmt *stmt;

  if (*attached == NULL)
    *attached = _signet_store_attachment_text_matches (self, term);
  if (g_hash_table_contains (*attached, &id))
    return TRUE;

  stmt = _signet_store_statement (self,
                                  "SELECT c.search_text, strpos (coalesce (c.search_facets, ''), ?1) > 0 "
                                  "OR strpos (coalesce (k.search_text, ''), ?1) > 0 "
                                  "FROM contracts c LEFT JOIN clients k ON k.id = c.client_id WHERE c.id = ?2",
                                  NULL);
  if (stmt == NULL)
    return TRUE;

  signet_db_bind_static_text (stmt, 1, term);
  signet_db_bind_int64 (stmt, 2, id);
  if (signet_db_step (stmt) == SIGNET_DB_ROW)
    {
      own = dup_own_text (self, id, signet_db_column_text (stmt, 0));
      found = signet_db_column_int (stmt, 1) != 0 || strstr (own, term) != NULL;
    }
  signet_db_reset (stmt);

  return found;
}

/* The contracts a term found on a server, as one bit per id up to the
 * highest id in the order kept: at a million contracts 125 KB, and a test
 * of a bit per contract where a table of hundreds of thousands of ids
 * cost more than the server's answer (docs/benchmarks.md). An id above
 * them is a contract written since the order was made, not listed. */
typedef struct
{
  guint8 *bits;
  gint64  limit;   /* ids 0 .. limit - 1 */
} FoundIds;

static void
found_ids_clear (FoundIds *found)
{
  g_clear_pointer (&found->bits, g_free);
}

static gboolean
found_ids_has (const FoundIds *found,
               gint64          id)
{
  return id >= 0 && id < found->limit && (found->bits[id >> 3] & (1u << (id & 7))) != 0;
}

static void
found_ids_set (FoundIds *found,
               gint64    id,
               gboolean  set)
{
  if (id < 0 || id >= found->limit)
    return;
  if (set)
    found->bits[id >> 3] |= (guint8) (1u << (id & 7));
  else
    found->bits[id >> 3] &= (guint8) ~(1u << (id & 7));
}

/* A team register searches on the server (its trigram indexes, see
 * signet-store-server.c), not in memory: other clients write, and their
 * rows are found as soon as they commit. Each term is a LIKE pattern over
 * the stored texts; a contract is found when each term is in its own
 * text, its facets, its client's text, its title in force or an attached
 * file's text. The order is the one kept, as in a file. */
static gboolean
server_term_matches (SignetStore  *self,
                     const char   *term,
                     FoundIds     *found,
                     GError      **error)
{
  g_autoptr(GHashTable) attached_any = _signet_store_attachment_text_matches (self, term);
  g_autoptr(GString) pattern = g_string_new ("%");
  g_autoptr(GArray) amended = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) titles = g_ptr_array_new ();
  g_autoptr(GHashTable) attached = NULL;
  GHashTableIter iter;
  gpointer key;
  SignetDbStmt *stmt;
  int rc;

  for (const char *p = term; *p != '\0'; p++)
    {
      if (*p == '%' || *p == '_' || *p == '\\')
        g_string_append_c (pattern, '\\');
      g_string_append_c (pattern, *p);
    }
  g_string_append_c (pattern, '%');

  /* A term of one or two characters has no trigram: it is one of the
   * texts' characters or pairs, which have indexes of their own
   * (signet-store-server.c). */
  if (g_utf8_strlen (term, -1) < 3)
    stmt = _signet_store_statement (self,
                                    "SELECT id FROM contracts WHERE signet_search_grams (search_text) @> ARRAY[CAST (?1 AS text)] "
                                    "OR signet_search_grams (search_facets) @> ARRAY[CAST (?1 AS text)] "
                                    "UNION SELECT c.id FROM clients k JOIN contracts c ON c.client_id = k.id "
                                    "WHERE signet_search_grams (k.search_text) @> ARRAY[CAST (?1 AS text)]",
                                    error);
  else
    stmt = _signet_store_statement (self,
                                    "SELECT id FROM contracts WHERE search_text LIKE ?1 OR search_facets LIKE ?1 "
                                    "UNION SELECT c.id FROM clients k JOIN contracts c ON c.client_id = k.id "
                                    "WHERE k.search_text LIKE ?1",
                                    error);
  if (stmt == NULL)
    return FALSE;
  signet_db_bind_static_text (stmt, 1, g_utf8_strlen (term, -1) < 3 ? term : pattern->str);
  while ((rc = signet_db_step (stmt)) == SIGNET_DB_ROW)
    found_ids_set (found, signet_db_column_int64 (stmt, 0), TRUE);
  signet_db_reset (stmt);
  if (rc != SIGNET_DB_DONE)
    {
      _signet_store_set_error (self, rc, error);
      return FALSE;
    }

  g_hash_table_iter_init (&iter, attached_any);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    found_ids_set (found, *(gint64 *) key, TRUE);

  _signet_store_current_titles (self, amended, titles);
  for (guint i = 0; i < amended->len; i++)
    {
      gint64 id = g_array_index (amended, gint64, i);

      if (signet_search_field_matches (g_ptr_array_index (titles, i), term))
        found_ids_set (found, id, TRUE);
      else if (found_ids_has (found, id) && !found_besides_title (self, id, term, &attached))
        found_ids_set (found, id, FALSE);
    }

  return TRUE;
}

static GArray *
search_on_server (SignetStore  *self,
                  GPtrArray    *terms,
                  GError      **error)
{
  g_autoptr(GArray) result = g_array_new (FALSE, FALSE, sizeof (gint64));
  FoundIds *found = g_new0 (FoundIds, terms->len);
  gboolean ok = TRUE;

  for (guint t = 0; t < terms->len && ok; t++)
    {
      found[t].limit = self->ordered_id_limit;
      found[t].bits = g_malloc0 ((gsize) (self->ordered_id_limit + 7) / 8);
      ok = server_term_matches (self, g_ptr_array_index (terms, t), &found[t], error);
    }

  for (guint i = 0; i < self->ordered_ids->len && ok; i++)
    {
      gint64 id = g_array_index (self->ordered_ids, gint64, i);
      guint t = 0;

      while (t < terms->len && found_ids_has (&found[t], id))
        t++;
      if (t == terms->len)
        g_array_append_val (result, id);
    }

  for (guint t = 0; t < terms->len; t++)
    found_ids_clear (&found[t]);
  g_free (found);

  return ok ? g_steal_pointer (&result) : NULL;
}

GArray *
signet_store_query_contract_ids (SignetStore    *self,
                                 const char     *search,
                                 SignetSortKey   sort_key,
                                 gboolean        descending,
                                 GError        **error)
{
  g_autoptr(GPtrArray) terms = NULL;
  GArray *result;

  g_return_val_if_fail (SIGNET_IS_STORE (self), NULL);

  follow_the_day (self);
  if (!ensure_ordered (self, sort_key, descending, error))
    return NULL;

  terms = split_terms (search != NULL ? search : "");
  if (terms->len == 0)
    {
      result = g_array_sized_new (FALSE, FALSE, sizeof (gint64), self->ordered_ids->len);
      g_array_append_vals (result, self->ordered_ids->data, self->ordered_ids->len);
      return result;
    }

  if (self->sqlite == NULL)
    return search_on_server (self, terms, error);

  if (!load_search_index (self, error))
    return NULL;

  return search_ordered (self, terms);
}

GArray *
signet_store_query_first_contract_ids (SignetStore    *self,
                                       SignetSortKey   sort_key,
                                       gboolean        descending,
                                       guint           limit,
                                       GError        **error)
{
  GArray *result;

  g_return_val_if_fail (SIGNET_IS_STORE (self), NULL);

  follow_the_day (self);
  if (self->ordered_ids == NULL || self->ordered_key != sort_key ||
      self->ordered_descending != !!descending)
    return query_ordered_ids (self, sort_key, descending, limit, error);

  result = g_array_sized_new (FALSE, FALSE, sizeof (gint64), MIN (limit, self->ordered_ids->len));
  g_array_append_vals (result, self->ordered_ids->data, MIN (limit, self->ordered_ids->len));

  return result;
}

/* The location of a match */

/* Whether field @index of @stored, a search text the SQL function above
 * made, contains @term. */
static gboolean
field_has_term (const char *stored,
                guint       index,
                const char *term)
{
  const char *start = stored != NULL ? stored : "";
  const char *end;

  for (guint i = 0; i < index; i++)
    {
      start = strchr (start, SIGNET_SEARCH_FIELD_SEPARATOR);
      if (start == NULL)
        return FALSE;
      start++;
    }

  end = strchr (start, SIGNET_SEARCH_FIELD_SEPARATOR);

  return g_strstr_len (start, end != NULL ? end - start : -1, term) != NULL;
}

static char *
describe_field (SignetField  field,
                const char  *value)
{
  /* Translators: where a search found a contract, shown under its title in
   * the list: a field name such as "Owner", then its value ("Owner: 李娜"). */
  return g_strdup_printf (C_("search match", "%s: %s"), signet_field_to_label (field), value);
}

/* Read from the stored search text, pinyin included: nothing is
 * transliterated to draw a row. */
char *
signet_store_describe_match (SignetStore *self,
                             gint64       id,
                             const char  *search)
{
  enum { OWN, FACETS, CLIENT };
  static const struct { SignetField field; guint text; guint index; int value_column; } fields[] = {
    { SIGNET_FIELD_CONTRACT_OWNER, FACETS, 1, 3 },
    { SIGNET_FIELD_CONTRACT_DEPARTMENT, FACETS, 2, 4 },
    { SIGNET_FIELD_CONTRACT_TYPE, FACETS, 0, 5 },
    { SIGNET_FIELD_CONTRACT_TAGS, FACETS, 3, 6 },
    { SIGNET_FIELD_CLIENT_CODE, CLIENT, 1, 7 },
    { SIGNET_FIELD_CLIENT_CONTACT, CLIENT, 2, 8 },
  };
  g_autoptr(GPtrArray) terms = NULL;
  const char *texts[3];
  const char *current_title;
  SignetDbStmt *stmt;
  char *location = NULL;

  g_return_val_if_fail (SIGNET_IS_STORE (self), NULL);

  _signet_store_current_terms_ensure (self, NULL);
  current_title = _signet_store_current_title (self, id);

  terms = split_terms (search != NULL ? search : "");
  if (terms->len == 0 || !make_pending_texts_now (self, NULL))
    return NULL;

  stmt = _signet_store_statement (self,
                                  "SELECT c.search_text, c.search_facets, k.search_text, c.owner, "
                                  "c.department, c.contract_type, c.tags, k.code, k.contact "
                                  "FROM contracts c LEFT JOIN clients k ON k.id = c.client_id "
                                  "WHERE c.id = ?", NULL);
  if (stmt == NULL)
    return NULL;

  signet_db_bind_int64 (stmt, 1, id);
  if (signet_db_step (stmt) != SIGNET_DB_ROW)
    {
      signet_db_reset (stmt);
      return NULL;
    }

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    texts[i] = signet_db_column_text (stmt, i);

  for (guint t = 0; t < terms->len && location == NULL; t++)
    {
      const char *term = g_ptr_array_index (terms, t);

      /* What the row shows (number, title, client) says why it is there:
       * the title in force, which an amendment may have changed. */
      if (field_has_term (texts[OWN], 0, term) || field_has_term (texts[CLIENT], 0, term) ||
          (current_title != NULL ? signet_search_field_matches (current_title, term)
                                 : field_has_term (texts[OWN], 1, term)))
        continue;

      for (guint f = 0; f < G_N_ELEMENTS (fields) && location == NULL; f++)
        if (field_has_term (texts[fields[f].text], fields[f].index, term))
          location = describe_field (fields[f].field,
                                     signet_db_column_text (stmt, fields[f].value_column));

      if (location == NULL)
        {
          guint page;
          g_autofree char *file_name = _signet_store_attachment_text_file (self, id, term, &page);

          if (file_name != NULL && page > 0)
            /* Translators: where a search found a contract: on a page of
             * an attached file, named by %s. */
            location = g_strdup_printf (_("in %s, page %u"), file_name, page);
          else if (file_name != NULL)
            /* Translators: where a search found a contract: in the text of
             * an attached file, named by %s. */
            location = g_strdup_printf (_("in %s"), file_name);
        }
    }
  signet_db_reset (stmt);

  return location;
}
