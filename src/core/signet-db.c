/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "signet-db-private.h"

/* Calls through to the engine under the connection; see signet-db.h. */

SignetDbDialect
signet_db_get_dialect (SignetDb *db)
{
  return db->dialect;
}

void
signet_db_close (SignetDb *db)
{
  if (db != NULL)
    db->engine->close (db);
}

int
signet_db_exec (SignetDb   *db,
                const char *sql)
{
  return db->engine->exec (db, sql);
}

int
signet_db_prepare (SignetDb      *db,
                   const char    *sql,
                   gboolean       persistent,
                   SignetDbStmt **stmt)
{
  *stmt = NULL;
  return db->engine->prepare (db, sql, persistent, stmt);
}

int
signet_db_errcode (SignetDb *db)
{
  return db->engine->errcode (db);
}

const char *
signet_db_errmsg (SignetDb *db)
{
  return db->engine->errmsg (db);
}

gint64
signet_db_changes (SignetDb *db)
{
  return db->engine->changes (db);
}

gint64
signet_db_total_changes (SignetDb *db)
{
  return db->engine->total_changes (db);
}

gint64
signet_db_last_insert_id (SignetDb *db)
{
  return db->engine->last_insert_id (db);
}

gboolean
signet_db_in_transaction (SignetDb *db)
{
  return db->engine->in_transaction (db);
}

const char *
signet_db_errstr (int rc)
{
  switch (rc & 0xff)
    {
    case SIGNET_DB_OK: return "not an error";
    case SIGNET_DB_PERM: return "access permission denied";
    case SIGNET_DB_BUSY: return "database is locked";
    case SIGNET_DB_LOCKED: return "database table is locked";
    case SIGNET_DB_NOMEM: return "out of memory";
    case SIGNET_DB_READONLY: return "attempt to write a readonly database";
    case SIGNET_DB_IOERR: return "disk I/O error";
    case SIGNET_DB_CORRUPT: return "database disk image is malformed";
    case SIGNET_DB_FULL: return "database or disk is full";
    case SIGNET_DB_CANTOPEN: return "unable to open database file";
    case SIGNET_DB_CONSTRAINT: return "constraint failed";
    case SIGNET_DB_MISMATCH: return "datatype mismatch";
    case SIGNET_DB_AUTH: return "authorization denied";
    case SIGNET_DB_NOTADB: return "file is not a database";
    case SIGNET_DB_ROW: return "another row available";
    case SIGNET_DB_DONE: return "no more rows available";
    default: return "SQL logic error";
    }
}

void
signet_db_finalize (SignetDbStmt *stmt)
{
  if (stmt != NULL)
    stmt->db->engine->finalize (stmt);
}

int
signet_db_step (SignetDbStmt *stmt)
{
  return stmt->db->engine->step (stmt);
}

int
signet_db_reset (SignetDbStmt *stmt)
{
  return stmt->db->engine->reset (stmt);
}

void
signet_db_clear_bindings (SignetDbStmt *stmt)
{
  stmt->db->engine->clear_bindings (stmt);
}

SignetDb *
signet_db_stmt_get_db (SignetDbStmt *stmt)
{
  return stmt->db;
}

int
signet_db_bind_int64 (SignetDbStmt *stmt,
                      int           index,
                      gint64        value)
{
  return stmt->db->engine->bind_int64 (stmt, index, value);
}

int
signet_db_bind_int (SignetDbStmt *stmt,
                    int           index,
                    int           value)
{
  return stmt->db->engine->bind_int64 (stmt, index, value);
}

int
signet_db_bind_double (SignetDbStmt *stmt,
                       int           index,
                       double        value)
{
  return stmt->db->engine->bind_double (stmt, index, value);
}

int
signet_db_bind_null (SignetDbStmt *stmt,
                     int           index)
{
  return stmt->db->engine->bind_null (stmt, index);
}

int
signet_db_bind_text (SignetDbStmt *stmt,
                     int           index,
                     const char   *text)
{
  if (text == NULL)
    return stmt->db->engine->bind_null (stmt, index);
  return stmt->db->engine->bind_text (stmt, index, text, -1, TRUE);
}

int
signet_db_bind_static_text (SignetDbStmt *stmt,
                            int           index,
                            const char   *text)
{
  if (text == NULL)
    return stmt->db->engine->bind_null (stmt, index);
  return stmt->db->engine->bind_text (stmt, index, text, -1, FALSE);
}

int
signet_db_bind_text_len (SignetDbStmt *stmt,
                         int           index,
                         const char   *text,
                         gssize        length)
{
  if (text == NULL)
    return stmt->db->engine->bind_null (stmt, index);
  return stmt->db->engine->bind_text (stmt, index, text, length, TRUE);
}

int
signet_db_bind_blob (SignetDbStmt  *stmt,
                     int            index,
                     gconstpointer  data,
                     gsize          size,
                     gboolean       copy)
{
  return stmt->db->engine->bind_blob (stmt, index, data, size, copy);
}

int
signet_db_bind_value (SignetDbStmt        *stmt,
                      int                  index,
                      const SignetDbValue *value)
{
  return stmt->db->engine->bind_value (stmt, index, value);
}

int
signet_db_bind_parameter_count (SignetDbStmt *stmt)
{
  return stmt->db->engine->bind_parameter_count (stmt);
}

int
signet_db_column_count (SignetDbStmt *stmt)
{
  return stmt->db->engine->column_count (stmt);
}

const char *
signet_db_column_name (SignetDbStmt *stmt,
                       int           column)
{
  return stmt->db->engine->column_name (stmt, column);
}

SignetDbType
signet_db_column_type (SignetDbStmt *stmt,
                       int           column)
{
  return stmt->db->engine->column_type (stmt, column);
}

gint64
signet_db_column_int64 (SignetDbStmt *stmt,
                        int           column)
{
  return stmt->db->engine->column_int64 (stmt, column);
}

int
signet_db_column_int (SignetDbStmt *stmt,
                      int           column)
{
  return (int) stmt->db->engine->column_int64 (stmt, column);
}

double
signet_db_column_double (SignetDbStmt *stmt,
                         int           column)
{
  return stmt->db->engine->column_double (stmt, column);
}

const char *
signet_db_column_text (SignetDbStmt *stmt,
                       int           column)
{
  return stmt->db->engine->column_text (stmt, column);
}

gconstpointer
signet_db_column_blob (SignetDbStmt *stmt,
                       int           column)
{
  return stmt->db->engine->column_blob (stmt, column);
}

int
signet_db_column_bytes (SignetDbStmt *stmt,
                        int           column)
{
  return stmt->db->engine->column_bytes (stmt, column);
}

SignetDbValue *
signet_db_column_value_dup (SignetDbStmt *stmt,
                            int           column)
{
  return stmt->db->engine->column_value_dup (stmt, column);
}

const char *
signet_db_value_text (const SignetDbValue *value)
{
  return value->engine->value_text (value);
}

gint64
signet_db_value_int64 (const SignetDbValue *value)
{
  const char *text = value->engine->value_text (value);

  return text != NULL ? g_ascii_strtoll (text, NULL, 10) : 0;
}

void
signet_db_value_free (SignetDbValue *value)
{
  if (value != NULL)
    value->engine->value_free (value);
}
