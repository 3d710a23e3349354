/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "signet-db-private.h"
#include "signet-db-sqlite.h"

/* The SQLite engine: each call is SQLite's own, whose result codes the
 * interface shares. */

G_STATIC_ASSERT (SIGNET_DB_ROW == SQLITE_ROW && SIGNET_DB_DONE == SQLITE_DONE);
G_STATIC_ASSERT (SIGNET_DB_BUSY == SQLITE_BUSY && SIGNET_DB_CONSTRAINT == SQLITE_CONSTRAINT);
G_STATIC_ASSERT (SIGNET_DB_CONSTRAINT_UNIQUE == SQLITE_CONSTRAINT_UNIQUE);
G_STATIC_ASSERT (SIGNET_DB_CONSTRAINT_FOREIGNKEY == SQLITE_CONSTRAINT_FOREIGNKEY);
G_STATIC_ASSERT (SIGNET_DB_CONSTRAINT_PRIMARYKEY == SQLITE_CONSTRAINT_PRIMARYKEY);
G_STATIC_ASSERT (SIGNET_DB_CONSTRAINT_CHECK == SQLITE_CONSTRAINT_CHECK);
G_STATIC_ASSERT (SIGNET_DB_CONSTRAINT_NOTNULL == SQLITE_CONSTRAINT_NOTNULL);
G_STATIC_ASSERT (SIGNET_DB_READONLY_DIRECTORY == SQLITE_READONLY_DIRECTORY);
G_STATIC_ASSERT (SIGNET_DB_NOTADB == SQLITE_NOTADB && SIGNET_DB_AUTH == SQLITE_AUTH);
G_STATIC_ASSERT (SIGNET_DB_NULL == SQLITE_NULL && SIGNET_DB_BLOB == SQLITE_BLOB);
G_STATIC_ASSERT (SIGNET_DB_INTEGER == SQLITE_INTEGER && SIGNET_DB_TEXT == SQLITE_TEXT);

typedef struct
{
  SignetDb  parent;
  sqlite3  *handle;
} SqliteDb;

typedef struct
{
  SignetDbStmt  parent;
  sqlite3_stmt *handle;
} SqliteStmt;

typedef struct
{
  SignetDbValue  parent;
  sqlite3_value *handle;
} SqliteValue;

#define HANDLE(db) (((SqliteDb *) (db))->handle)
#define STMT(stmt) (((SqliteStmt *) (stmt))->handle)

static const SignetDbEngine sqlite_engine;

static void
sqlite_close (SignetDb *db)
{
  sqlite3_close_v2 (HANDLE (db));
  g_free (db);
}

static int
sqlite_exec (SignetDb   *db,
             const char *sql)
{
  return sqlite3_exec (HANDLE (db), sql, NULL, NULL, NULL);
}

static int
sqlite_prepare (SignetDb      *db,
                const char    *sql,
                gboolean       persistent,
                SignetDbStmt **out)
{
  sqlite3_stmt *handle = NULL;
  SqliteStmt *stmt;
  int rc = sqlite3_prepare_v3 (HANDLE (db), sql, -1, persistent ? SQLITE_PREPARE_PERSISTENT : 0,
                               &handle, NULL);

  if (rc != SQLITE_OK)
    return rc;

  stmt = g_new0 (SqliteStmt, 1);
  stmt->parent.db = db;
  stmt->handle = handle;
  *out = &stmt->parent;

  return SQLITE_OK;
}

static int
sqlite_errcode (SignetDb *db)
{
  return sqlite3_extended_errcode (HANDLE (db));
}

static const char *
sqlite_errmsg (SignetDb *db)
{
  return sqlite3_errmsg (HANDLE (db));
}

static gint64
sqlite_changes (SignetDb *db)
{
  return sqlite3_changes64 (HANDLE (db));
}

static gint64
sqlite_total_changes (SignetDb *db)
{
  return sqlite3_total_changes64 (HANDLE (db));
}

static gint64
sqlite_last_insert_id (SignetDb *db)
{
  return sqlite3_last_insert_rowid (HANDLE (db));
}

static gboolean
sqlite_in_transaction (SignetDb *db)
{
  return !sqlite3_get_autocommit (HANDLE (db));
}

static void
sqlite_finalize (SignetDbStmt *stmt)
{
  sqlite3_finalize (STMT (stmt));
  g_free (stmt);
}

static int
sqlite_step (SignetDbStmt *stmt)
{
  return sqlite3_step (STMT (stmt));
}

static int
sqlite_reset (SignetDbStmt *stmt)
{
  return sqlite3_reset (STMT (stmt));
}

static void
sqlite_clear_bindings (SignetDbStmt *stmt)
{
  sqlite3_clear_bindings (STMT (stmt));
}

static int
sqlite_bind_int64 (SignetDbStmt *stmt,
                   int           index,
                   gint64        value)
{
  return sqlite3_bind_int64 (STMT (stmt), index, value);
}

static int
sqlite_bind_double (SignetDbStmt *stmt,
                    int           index,
                    double        value)
{
  return sqlite3_bind_double (STMT (stmt), index, value);
}

static int
sqlite_bind_null (SignetDbStmt *stmt,
                  int           index)
{
  return sqlite3_bind_null (STMT (stmt), index);
}

static int
sqlite_bind_text (SignetDbStmt *stmt,
                  int           index,
                  const char   *text,
                  gssize        length,
                  gboolean      copy)
{
  return sqlite3_bind_text64 (STMT (stmt), index, text,
                              length < 0 ? strlen (text) : (sqlite3_uint64) length,
                              copy ? SQLITE_TRANSIENT : SQLITE_STATIC, SQLITE_UTF8);
}

static int
sqlite_bind_blob (SignetDbStmt  *stmt,
                  int            index,
                  gconstpointer  data,
                  gsize          size,
                  gboolean       copy)
{
  return sqlite3_bind_blob64 (STMT (stmt), index, data, size,
                              copy ? SQLITE_TRANSIENT : SQLITE_STATIC);
}

static int
sqlite_bind_value (SignetDbStmt        *stmt,
                   int                  index,
                   const SignetDbValue *value)
{
  return sqlite3_bind_value (STMT (stmt), index, ((const SqliteValue *) value)->handle);
}

static int
sqlite_bind_parameter_count (SignetDbStmt *stmt)
{
  return sqlite3_bind_parameter_count (STMT (stmt));
}

static int
sqlite_column_count (SignetDbStmt *stmt)
{
  return sqlite3_column_count (STMT (stmt));
}

static const char *
sqlite_column_name (SignetDbStmt *stmt,
                    int           column)
{
  return sqlite3_column_name (STMT (stmt), column);
}

static SignetDbType
sqlite_column_type (SignetDbStmt *stmt,
                    int           column)
{
  return (SignetDbType) sqlite3_column_type (STMT (stmt), column);
}

static gint64
sqlite_column_int64 (SignetDbStmt *stmt,
                     int           column)
{
  return sqlite3_column_int64 (STMT (stmt), column);
}

static double
sqlite_column_double (SignetDbStmt *stmt,
                      int           column)
{
  return sqlite3_column_double (STMT (stmt), column);
}

static const char *
sqlite_column_text (SignetDbStmt *stmt,
                    int           column)
{
  return (const char *) sqlite3_column_text (STMT (stmt), column);
}

static gconstpointer
sqlite_column_blob (SignetDbStmt *stmt,
                    int           column)
{
  return sqlite3_column_blob (STMT (stmt), column);
}

static int
sqlite_column_bytes (SignetDbStmt *stmt,
                     int           column)
{
  return sqlite3_column_bytes (STMT (stmt), column);
}

static SignetDbValue *
sqlite_column_value_dup (SignetDbStmt *stmt,
                         int           column)
{
  SqliteValue *value = g_new0 (SqliteValue, 1);

  value->parent.engine = &sqlite_engine;
  value->handle = sqlite3_value_dup (sqlite3_column_value (STMT (stmt), column));

  return &value->parent;
}

static const char *
sqlite_value_text (const SignetDbValue *value)
{
  return (const char *) sqlite3_value_text (((const SqliteValue *) value)->handle);
}

static void
sqlite_value_free (SignetDbValue *value)
{
  sqlite3_value_free (((SqliteValue *) value)->handle);
  g_free (value);
}

static const SignetDbEngine sqlite_engine = {
  .close = sqlite_close,
  .exec = sqlite_exec,
  .prepare = sqlite_prepare,
  .errcode = sqlite_errcode,
  .errmsg = sqlite_errmsg,
  .changes = sqlite_changes,
  .total_changes = sqlite_total_changes,
  .last_insert_id = sqlite_last_insert_id,
  .in_transaction = sqlite_in_transaction,
  .finalize = sqlite_finalize,
  .step = sqlite_step,
  .reset = sqlite_reset,
  .clear_bindings = sqlite_clear_bindings,
  .bind_int64 = sqlite_bind_int64,
  .bind_double = sqlite_bind_double,
  .bind_null = sqlite_bind_null,
  .bind_text = sqlite_bind_text,
  .bind_blob = sqlite_bind_blob,
  .bind_value = sqlite_bind_value,
  .bind_parameter_count = sqlite_bind_parameter_count,
  .column_count = sqlite_column_count,
  .column_name = sqlite_column_name,
  .column_type = sqlite_column_type,
  .column_int64 = sqlite_column_int64,
  .column_double = sqlite_column_double,
  .column_text = sqlite_column_text,
  .column_blob = sqlite_column_blob,
  .column_bytes = sqlite_column_bytes,
  .column_value_dup = sqlite_column_value_dup,
  .value_text = sqlite_value_text,
  .value_free = sqlite_value_free,
};

SignetDb *
signet_db_sqlite_wrap (sqlite3 *handle)
{
  SqliteDb *db = g_new0 (SqliteDb, 1);

  db->parent.engine = &sqlite_engine;
  db->parent.dialect = SIGNET_DB_DIALECT_SQLITE;
  db->handle = handle;

  return &db->parent;
}

sqlite3 *
signet_db_sqlite_get_handle (SignetDb *db)
{
  if (db == NULL || db->dialect != SIGNET_DB_DIALECT_SQLITE)
    return NULL;

  return HANDLE (db);
}
