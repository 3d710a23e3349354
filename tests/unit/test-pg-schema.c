/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The register's schema on PostgreSQL (signet-store-schema-pg.c) against
 * the one the SQLite migrations make: a new SQLite register and a new
 * PostgreSQL database given the schema's SQL, and the migrations after
 * its version as the store runs them, must have the same tables,
 * columns in the same order (name, kind, NOT NULL, default), the same
 * unique column groups, indexes, foreign keys and number of checks, and
 * the same version. When a migration takes the SQLite register past the
 * PostgreSQL one, this fails until PostgreSQL has it too. The same
 * statements then meet the same ids and the same refusals on both. A
 * PostgreSQL column named rowid is SQLite's implicit one, which neither
 * side lists. */

#include "config.h"

#include <locale.h>
#include <string.h>

#include <glib/gstdio.h>
#include <libpq-fe.h>
#include <sqlite3.h>

#include "pg-test-server.h"
#include "signet-store.h"
#include "signet-store-schema-pg.h"
#include "unit-test-utils.h"

typedef struct
{
  char    *dir;
  char    *path;
  sqlite3 *lite;
  PGconn  *pg;
} Registers;

static void
registers_set_up (Registers     *r,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SignetStore) store = NULL;
  g_autofree char *uri = pg_test_server_new_database ("schema");

  r->dir = g_dir_make_tmp ("signet-pg-schema-XXXXXX", &error);
  g_assert_no_error (error);
  r->path = g_build_filename (r->dir, "register.db", NULL);
  store = signet_store_new (r->path, &error);
  g_assert_no_error (error);
  g_clear_object (&store);
  g_assert_cmpint (sqlite3_open (r->path, &r->lite), ==, SQLITE_OK);
  /* As the store's own connection has them. */
  g_assert_cmpint (sqlite3_exec (r->lite, "PRAGMA foreign_keys = ON", NULL, NULL, NULL), ==, SQLITE_OK);

  /* The schema's SQL, then the migrations that run on both engines. */
  store = signet_store_new (uri, &error);
  g_assert_no_error (error);
  g_clear_object (&store);

  r->pg = PQconnectdb (uri);
  g_assert_cmpint (PQstatus (r->pg), ==, CONNECTION_OK);
}

static void
registers_tear_down (Registers     *r,
                     gconstpointer  data)
{
  sqlite3_close (r->lite);
  PQfinish (r->pg);
  unit_remove_tree (r->dir);
  g_free (r->dir);
  g_free (r->path);
}

/* The rows of @sql, each one string: its columns joined by "|", a NULL as
 * the empty string. ?1 is @param, when not NULL. */
static GPtrArray *
lite_rows (sqlite3    *db,
           const char *sql,
           const char *param)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    g_error ("%s: %s", sql, sqlite3_errmsg (db));
  if (param != NULL)
    sqlite3_bind_text (stmt, 1, param, -1, SQLITE_TRANSIENT);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      GString *row = g_string_new (NULL);

      for (int i = 0; i < sqlite3_column_count (stmt); i++)
        {
          const char *text = (const char *) sqlite3_column_text (stmt, i);

          g_string_append_printf (row, "%s%s", i > 0 ? "|" : "", text != NULL ? text : "");
        }
      g_ptr_array_add (rows, g_string_free (row, FALSE));
    }
  sqlite3_finalize (stmt);
  return rows;
}

static GPtrArray *
pg_rows (PGconn     *pg,
         const char *sql,
         const char *param)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func (g_free);
  const char *params[] = { param };
  PGresult *result = PQexecParams (pg, sql, param != NULL ? 1 : 0, NULL, params, NULL, NULL, 0);

  if (PQresultStatus (result) != PGRES_TUPLES_OK)
    g_error ("%s: %s", sql, PQerrorMessage (pg));
  for (int r = 0; r < PQntuples (result); r++)
    {
      GString *row = g_string_new (NULL);

      for (int i = 0; i < PQnfields (result); i++)
        g_string_append_printf (row, "%s%s", i > 0 ? "|" : "", PQgetvalue (result, r, i));
      g_ptr_array_add (rows, g_string_free (row, FALSE));
    }
  PQclear (result);
  return rows;
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* @rows sorted, one a line. */
static char *
sorted_lines (GPtrArray *rows)
{
  g_ptr_array_sort (rows, compare_strings);
  g_ptr_array_add (rows, NULL);
  return g_strjoinv ("\n", (char **) rows->pdata);
}

static GPtrArray *
lite_tables (Registers *r)
{
  return lite_rows (r->lite,
                    "SELECT name FROM sqlite_schema WHERE type = 'table' "
                    "AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name", NULL);
}

static const char pg_tables_sql[] =
  "SELECT table_name FROM information_schema.tables "
  "WHERE table_schema = current_schema () AND table_type = 'BASE TABLE' "
  "AND table_name <> 'signet_meta' ORDER BY table_name COLLATE \"C\"";

static void
test_tables (Registers     *r,
             gconstpointer  data)
{
  g_autoptr(GPtrArray) lite = lite_tables (r);
  g_autoptr(GPtrArray) pg = pg_rows (r->pg, pg_tables_sql, NULL);
  g_autofree char *lite_text = NULL;
  g_autofree char *pg_text = NULL;

  /* The register's tables, not an empty list matching another. */
  g_assert_cmpuint (lite->len, >=, 40);
  lite_text = sorted_lines (lite);
  pg_text = sorted_lines (pg);
  g_assert_cmpstr (pg_text, ==, lite_text);
}

static const char *
lite_kind (const char *type)
{
  if (g_ascii_strcasecmp (type, "INTEGER") == 0)
    return "integer";
  if (g_ascii_strcasecmp (type, "TEXT") == 0)
    return "text";
  if (g_ascii_strcasecmp (type, "BLOB") == 0)
    return "blob";
  if (g_ascii_strcasecmp (type, "REAL") == 0)
    return "real";
  return type;
}

static const char *
pg_kind (const char *type)
{
  if (strcmp (type, "bigint") == 0)
    return "integer";
  if (strcmp (type, "text") == 0)
    return "text";
  if (strcmp (type, "bytea") == 0)
    return "blob";
  if (strcmp (type, "double precision") == 0)
    return "real";
  /* Not what a SQLite kind becomes (an integer column is bigint). */
  return "other";
}

/* A column's name, kind, NOT NULL and default, one line for each in
 * their order. A key's columns are NOT NULL: always on PostgreSQL, and on
 * SQLite the rowid is never NULL, nor is a text key written NULL. */
static char *
lite_columns (Registers  *r,
              const char *table)
{
  g_autoptr(GPtrArray) rows = lite_rows (r->lite,
                                         "SELECT name, type, \"notnull\" OR pk > 0, coalesce (dflt_value, '') "
                                         "FROM pragma_table_info (?1) ORDER BY cid", table);
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < rows->len; i++)
    {
      g_auto(GStrv) f = g_strsplit (g_ptr_array_index (rows, i), "|", 4);

      g_string_append_printf (text, "%s %s%s%s%s\n", f[0], lite_kind (f[1]),
                              strcmp (f[2], "1") == 0 ? " not null" : "",
                              *f[3] != '\0' ? " default " : "", f[3]);
    }
  return g_string_free (text, FALSE);
}

static char *
pg_columns (Registers  *r,
            const char *table)
{
  g_autoptr(GPtrArray) rows = pg_rows (r->pg,
                                       "SELECT column_name, data_type, is_nullable = 'NO', "
                                       "coalesce (regexp_replace (column_default, '::[a-z ]+$', ''), '') "
                                       "FROM information_schema.columns "
                                       "WHERE table_schema = current_schema () AND table_name = $1 "
                                       "AND column_name <> 'rowid' "
                                       "ORDER BY ordinal_position", table);
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < rows->len; i++)
    {
      g_auto(GStrv) f = g_strsplit (g_ptr_array_index (rows, i), "|", 4);
      const char *kind = pg_kind (f[1]);

      g_string_append_printf (text, "%s %s%s%s%s%s%s\n", f[0], kind,
                              strcmp (kind, "other") == 0 ? " " : "",
                              strcmp (kind, "other") == 0 ? f[1] : "",
                              strcmp (f[2], "t") == 0 ? " not null" : "",
                              *f[3] != '\0' ? " default " : "", f[3]);
    }
  return g_string_free (text, FALSE);
}

static void
test_columns (Registers     *r,
              gconstpointer  data)
{
  g_autoptr(GPtrArray) tables = lite_tables (r);
  g_autoptr(GPtrArray) loose = NULL;

  for (guint i = 0; i < tables->len; i++)
    {
      const char *table = g_ptr_array_index (tables, i);
      g_autofree char *lite = lite_columns (r, table);
      g_autofree char *pg = pg_columns (r, table);
      g_autofree char *lite_named = g_strdup_printf ("%s:\n%s", table, lite);
      g_autofree char *pg_named = g_strdup_printf ("%s:\n%s", table, pg);

      g_assert_cmpstr (pg_named, ==, lite_named);
    }

  /* Text compares by its bytes, as SQLite's BINARY does, whatever the
   * database's collation: a text column added without COLLATE "C" would
   * sort otherwise. */
  loose = pg_rows (r->pg,
                   "SELECT table_name || '.' || column_name FROM information_schema.columns "
                   "WHERE table_schema = current_schema () AND data_type = 'text' "
                   "AND table_name <> 'signet_meta' AND coalesce (collation_name, '') <> 'C'", NULL);
  g_assert_cmpuint (loose->len, ==, 0);
}

/* Each unique column group: "table(columns)", " partial" when the index
 * has a WHERE. On SQLite the rowid, an INTEGER PRIMARY KEY, has no index
 * of its own. */
static char *
lite_unique_groups (Registers *r)
{
  g_autoptr(GPtrArray) tables = lite_tables (r);
  g_autoptr(GPtrArray) groups = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < tables->len; i++)
    {
      const char *table = g_ptr_array_index (tables, i);
      g_autoptr(GPtrArray) rowid = lite_rows (r->lite,
                                              "SELECT name FROM pragma_table_info (?1) WHERE pk = 1 "
                                              "AND upper (type) = 'INTEGER' "
                                              "AND (SELECT count(*) FROM pragma_table_info (?1) WHERE pk > 0) = 1",
                                              table);
      g_autoptr(GPtrArray) indexes = lite_rows (r->lite,
                                                "SELECT (SELECT group_concat (name, ',') FROM "
                                                "  (SELECT name FROM pragma_index_info (il.name) ORDER BY seqno)), "
                                                "  il.partial "
                                                "FROM pragma_index_list (?1) il WHERE il.\"unique\"", table);

      if (rowid->len == 1)
        g_ptr_array_add (groups, g_strdup_printf ("%s(%s)", table, (char *) g_ptr_array_index (rowid, 0)));
      for (guint j = 0; j < indexes->len; j++)
        {
          g_auto(GStrv) f = g_strsplit (g_ptr_array_index (indexes, j), "|", 2);

          g_ptr_array_add (groups, g_strdup_printf ("%s(%s)%s", table, f[0],
                                                    strcmp (f[1], "1") == 0 ? " partial" : ""));
        }
    }
  return sorted_lines (groups);
}

/* Every index of the schema's tables: the table, the index's name, its
 * columns in order, whether it is unique or partial, and whether a
 * PRIMARY KEY or UNIQUE constraint made it. */
static const char pg_indexes_sql[] =
  "SELECT t.relname, ic.relname,"
  "  (SELECT string_agg (a.attname, ',' ORDER BY k.n)"
  "     FROM unnest (i.indkey::int2[]) WITH ORDINALITY k (attnum, n)"
  "     JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum),"
  "  i.indisunique, i.indpred IS NOT NULL,"
  "  EXISTS (SELECT 1 FROM pg_constraint c"
  "          WHERE c.conindid = i.indexrelid AND c.contype IN ('p', 'u'))"
  " FROM pg_index i"
  " JOIN pg_class t ON t.oid = i.indrelid"
  " JOIN pg_class ic ON ic.oid = i.indexrelid"
  " WHERE t.relnamespace = current_schema ()::regnamespace AND t.relname <> 'signet_meta'";

static char *
pg_unique_groups (Registers *r)
{
  g_autoptr(GPtrArray) rows = pg_rows (r->pg, pg_indexes_sql, NULL);
  g_autoptr(GPtrArray) groups = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < rows->len; i++)
    {
      g_auto(GStrv) f = g_strsplit (g_ptr_array_index (rows, i), "|", 6);

      if (strcmp (f[3], "t") == 0 && strcmp (f[2], "rowid") != 0)
        g_ptr_array_add (groups, g_strdup_printf ("%s(%s)%s", f[0], f[2],
                                                  strcmp (f[4], "t") == 0 ? " partial" : ""));
    }
  return sorted_lines (groups);
}

static void
test_unique_groups (Registers     *r,
                    gconstpointer  data)
{
  g_autofree char *lite = lite_unique_groups (r);
  g_autofree char *pg = pg_unique_groups (r);

  g_assert_nonnull (strstr (lite, "loans(contract_id) partial"));
  g_assert_cmpstr (pg, ==, lite);
}

/* The indexes made by CREATE INDEX: "table.name(columns)", with " unique"
 * and " partial". */
static char *
lite_indexes (Registers *r)
{
  g_autoptr(GPtrArray) rows = lite_rows (r->lite,
                                         "SELECT m.tbl_name, m.name,"
                                         "  (SELECT group_concat (name, ',') FROM"
                                         "    (SELECT name FROM pragma_index_info (m.name) ORDER BY seqno)),"
                                         "  il.\"unique\", il.partial"
                                         " FROM sqlite_schema m"
                                         " JOIN pragma_index_list (m.tbl_name) il ON il.name = m.name"
                                         " WHERE m.type = 'index' AND m.sql IS NOT NULL", NULL);
  g_autoptr(GPtrArray) indexes = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < rows->len; i++)
    {
      g_auto(GStrv) f = g_strsplit (g_ptr_array_index (rows, i), "|", 5);

      g_ptr_array_add (indexes, g_strdup_printf ("%s.%s(%s)%s%s", f[0], f[1], f[2],
                                                 strcmp (f[3], "1") == 0 ? " unique" : "",
                                                 strcmp (f[4], "1") == 0 ? " partial" : ""));
    }
  return sorted_lines (indexes);
}

static char *
pg_indexes (Registers *r)
{
  g_autoptr(GPtrArray) rows = pg_rows (r->pg, pg_indexes_sql, NULL);
  g_autoptr(GPtrArray) indexes = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < rows->len; i++)
    {
      g_auto(GStrv) f = g_strsplit (g_ptr_array_index (rows, i), "|", 6);

      /* The server's own search indexes (pg_trgm's, and of the texts'
       * characters and pairs, made as the store opens a register there),
       * which a file has no counterpart of. */
      if (strcmp (f[5], "t") != 0 && !g_str_has_suffix (f[1], "_trgm") && !g_str_has_suffix (f[1], "_grams"))
        g_ptr_array_add (indexes, g_strdup_printf ("%s.%s(%s)%s%s", f[0], f[1], f[2],
                                                   strcmp (f[3], "t") == 0 ? " unique" : "",
                                                   strcmp (f[4], "t") == 0 ? " partial" : ""));
    }
  return sorted_lines (indexes);
}

static void
test_indexes (Registers     *r,
              gconstpointer  data)
{
  g_autofree char *lite = lite_indexes (r);
  g_autofree char *pg = pg_indexes (r);

  g_assert_nonnull (strstr (lite, "contract_events.contract_events_day(date,kind,contract_id,key_date_id)"));
  g_assert_cmpstr (pg, ==, lite);
}

/* "table.column -> table(column) ON DELETE action", and each table's
 * number of checks. */
static char *
lite_references (Registers *r)
{
  g_autoptr(GPtrArray) tables = lite_tables (r);
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < tables->len; i++)
    {
      const char *table = g_ptr_array_index (tables, i);
      g_autoptr(GPtrArray) keys = lite_rows (r->lite,
                                             "SELECT \"from\", \"table\", \"to\", on_delete "
                                             "FROM pragma_foreign_key_list (?1)", table);
      g_autoptr(GPtrArray) sql = lite_rows (r->lite,
                                            "SELECT upper (sql) FROM sqlite_schema WHERE name = ?1", table);
      guint checks = 0;

      for (guint j = 0; j < keys->len; j++)
        {
          g_auto(GStrv) f = g_strsplit (g_ptr_array_index (keys, j), "|", 4);

          g_ptr_array_add (lines, g_strdup_printf ("%s.%s -> %s(%s) ON DELETE %s",
                                                   table, f[0], f[1], f[2], f[3]));
        }
      /* No column or value of the register is named so. */
      for (const char *p = g_ptr_array_index (sql, 0); (p = strstr (p, "CHECK")) != NULL; p++)
        checks++;
      g_ptr_array_add (lines, g_strdup_printf ("%s: %u checks", table, checks));
    }
  return sorted_lines (lines);
}

static char *
pg_references (Registers *r)
{
  g_autoptr(GPtrArray) keys = pg_rows (r->pg,
                                       "SELECT t.relname || '.' || a.attname || ' -> ' || rt.relname"
                                       "  || '(' || ra.attname || ') ON DELETE ' ||"
                                       "  CASE c.confdeltype WHEN 'a' THEN 'NO ACTION' WHEN 'r' THEN 'RESTRICT'"
                                       "    WHEN 'c' THEN 'CASCADE' WHEN 'n' THEN 'SET NULL' ELSE 'SET DEFAULT' END,"
                                       "  cardinality (c.conkey)"
                                       " FROM pg_constraint c"
                                       " JOIN pg_class t ON t.oid = c.conrelid"
                                       " JOIN pg_class rt ON rt.oid = c.confrelid"
                                       " JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]"
                                       " JOIN pg_attribute ra ON ra.attrelid = c.confrelid AND ra.attnum = c.confkey[1]"
                                       " WHERE c.contype = 'f' AND t.relnamespace = current_schema ()::regnamespace",
                                       NULL);
  g_autoptr(GPtrArray) checks = pg_rows (r->pg,
                                         "SELECT t.relname || ': ' ||"
                                         "  (SELECT count(*) FROM pg_constraint c WHERE c.conrelid = t.oid AND c.contype = 'c')"
                                         "  || ' checks'"
                                         " FROM pg_class t WHERE t.relkind = 'r'"
                                         " AND t.relnamespace = current_schema ()::regnamespace"
                                         " AND t.relname <> 'signet_meta'", NULL);
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < keys->len; i++)
    {
      g_auto(GStrv) f = g_strsplit (g_ptr_array_index (keys, i), "|", 2);

      /* The register has no key of several columns. */
      g_assert_cmpstr (f[1], ==, "1");
      g_ptr_array_add (lines, g_strdup (f[0]));
    }
  for (guint i = 0; i < checks->len; i++)
    g_ptr_array_add (lines, g_strdup (g_ptr_array_index (checks, i)));
  return sorted_lines (lines);
}

static void
test_references_and_checks (Registers     *r,
                            gconstpointer  data)
{
  g_autofree char *lite = lite_references (r);
  g_autofree char *pg = pg_references (r);

  g_assert_nonnull (strstr (lite, "contracts.client_id -> clients(id) ON DELETE RESTRICT"));
  g_assert_nonnull (strstr (lite, "amendments: 9 checks"));
  g_assert_cmpstr (pg, ==, lite);
}

static void
test_version (Registers     *r,
              gconstpointer  data)
{
  g_autoptr(GPtrArray) version = pg_rows (r->pg, "SELECT value FROM signet_meta WHERE key = 'schema_version'", NULL);
  g_autoptr(GPtrArray) app_id = pg_rows (r->pg, "SELECT value FROM signet_meta WHERE key = 'application_id'", NULL);
  g_autoptr(GPtrArray) lite_app_id = lite_rows (r->lite, "PRAGMA application_id", NULL);
  g_autoptr(GPtrArray) lite_version = lite_rows (r->lite, "PRAGMA user_version", NULL);
  g_autofree char *current = g_strdup_printf ("%d", signet_store_get_schema_version ());

  g_assert_cmpuint (version->len, ==, 1);
  g_assert_cmpuint (app_id->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (lite_version, 0), ==, current);
  /* A SQLite migration that does not run on PostgreSQL fails here; those
   * after the schema's SQL run on both. */
  g_assert_cmpstr (g_ptr_array_index (version, 0), ==, current);
  g_assert_cmpint (SIGNET_STORE_PG_BASE_VERSION, <=, signet_store_get_schema_version ());
  g_assert_cmpstr (g_ptr_array_index (app_id, 0), ==, g_ptr_array_index (lite_app_id, 0));
}

/* What one statement gives: "ok", with its first row's first column if
 * it has rows, or "refused". */
static char *
lite_try (sqlite3    *db,
          const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  char *outcome;
  int rc;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    outcome = g_strdup_printf ("ok %s", sqlite3_column_text (stmt, 0));
  else if (rc == SQLITE_DONE)
    outcome = g_strdup ("ok");
  else
    outcome = g_strdup ("refused");
  sqlite3_finalize (stmt);
  return outcome;
}

static char *
pg_try (PGconn     *pg,
        const char *sql)
{
  PGresult *result = PQexec (pg, sql);
  char *outcome;

  if (PQresultStatus (result) == PGRES_TUPLES_OK)
    outcome = g_strdup_printf ("ok %s", PQgetvalue (result, 0, 0));
  else if (PQresultStatus (result) == PGRES_COMMAND_OK)
    outcome = g_strdup ("ok");
  else
    outcome = g_strdup ("refused");
  PQclear (result);
  return outcome;
}

static void
test_same_outcomes (Registers     *r,
                    gconstpointer  data)
{
  static const struct
  {
    const char *sql;
    const char *outcome;
  } steps[] = {
    /* A NULL id is a new one; a row put back under a higher id moves the
     * next new one past it. */
    { "INSERT INTO clients (id, name, code) VALUES (NULL, '甲方', 'A')", "ok" },
    { "SELECT id FROM clients WHERE code = 'A'", "ok 1" },
    { "INSERT INTO clients (id, name, code) VALUES (100, '乙方', 'B')", "ok" },
    { "INSERT INTO clients (name, code) VALUES ('丙方', 'C')", "ok" },
    { "SELECT id FROM clients WHERE code = 'C'", "ok 101" },
    { "INSERT INTO clients (id, name, code) VALUES (100, '丁方', 'D')", "refused" },
    { "INSERT INTO clients (name, code) VALUES ('戊方', 'A')", "refused" },
    { "INSERT INTO clients (name, code) VALUES ('', 'E')", "refused" },
    { "INSERT INTO contracts (number, title, client_id, currency, status, risk_level, start_date, end_date)"
      " VALUES ('HT-1', '服务合同', 1, 'CNY', 'draft', 'low', '2026-01-01', '2026-12-31')", "ok" },
    { "INSERT INTO contracts (number, title, client_id, currency, status, risk_level)"
      " VALUES ('HT-2', '服务合同', 999, 'CNY', 'draft', 'low')", "refused" },
    { "INSERT INTO contracts (number, title, client_id, currency, status, risk_level, start_date, end_date)"
      " VALUES ('HT-3', '服务合同', 1, 'CNY', 'draft', 'low', '2026-05-01', '2026-04-30')", "refused" },
    { "INSERT INTO contracts (number, title, client_id, currency, status, risk_level)"
      " VALUES ('HT-4', '服务合同', 1, 'RMB元', 'draft', 'low')", "refused" },
    { "DELETE FROM clients WHERE id = 1", "refused" },
    { "DELETE FROM clients WHERE id = 101", "ok" },
    /* One open loan a contract; a returned one does not count. */
    { "INSERT INTO loans (uuid, contract_id, borrower_id, purpose, lent_on, due_on, lent_by)"
      " VALUES ('l1', 1, 1, '审计', '2026-02-01', '2026-02-10', 'me')", "ok" },
    { "INSERT INTO loans (uuid, contract_id, borrower_id, purpose, lent_on, due_on, lent_by)"
      " VALUES ('l2', 1, 1, '审计', '2026-02-02', '2026-02-10', 'me')", "refused" },
    { "UPDATE loans SET returned_on = '2026-02-05' WHERE uuid = 'l1'", "ok" },
    { "INSERT INTO loans (uuid, contract_id, borrower_id, purpose, lent_on, due_on, lent_by)"
      " VALUES ('l2', 1, 1, '审计', '2026-02-06', '2026-02-10', 'me')", "ok" },
    { "INSERT INTO amendments (contract_id, uuid, number, effective_date, value)"
      " VALUES (1, 'a1', 'BC-1', '2026-03-01', 5)", "refused" },
    { "INSERT INTO approval_steps (contract_id, round, position, name, due_days, state)"
      " VALUES (1, 1, 0, '法务', 3, 'later')", "refused" },
    /* Bytes order text, as SQLite's BINARY does. */
    { "INSERT INTO clients (name, code) VALUES ('x', 'a')", "ok" },
    { "INSERT INTO clients (name, code) VALUES ('x', '_')", "ok" },
    { "SELECT code FROM clients ORDER BY code LIMIT 1 OFFSET 2", "ok _" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      g_autofree char *lite = lite_try (r->lite, steps[i].sql);
      g_autofree char *pg = pg_try (r->pg, steps[i].sql);

      g_test_message ("%s", steps[i].sql);
      g_assert_cmpstr (lite, ==, steps[i].outcome);
      g_assert_cmpstr (pg, ==, steps[i].outcome);
    }
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/pg-schema/" path, Registers, NULL, registers_set_up, func, registers_tear_down)
  ADD ("tables", test_tables);
  ADD ("columns", test_columns);
  ADD ("unique-groups", test_unique_groups);
  ADD ("indexes", test_indexes);
  ADD ("references-and-checks", test_references_and_checks);
  ADD ("version", test_version);
  ADD ("same-outcomes", test_same_outcomes);
#undef ADD

  return g_test_run ();
}
