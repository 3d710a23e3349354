/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The connection SignetStore runs its SQL through: one interface, two
 * engines under it. signet-db-sqlite.c keeps a register in a file, for one
 * person; signet-db-pg.c talks to a PostgreSQL server through libpq, for a
 * team. The store has one copy of its logic and SQL, written in the SQL
 * both engines accept; where they differ, the store asks
 * signet_db_get_dialect() (docs/architecture.md lists the places).
 *
 * The calls are those of SQLite's C interface, which the store was written
 * against: prepare a statement once, bind its parameters (numbered from 1,
 * written ?1 or ? in the SQL, on both engines), step through its rows,
 * read their columns (numbered from 0), reset it to run it again. */

typedef struct _SignetDb      SignetDb;
typedef struct _SignetDbStmt  SignetDbStmt;
typedef struct _SignetDbValue SignetDbValue;

typedef enum
{
  SIGNET_DB_DIALECT_SQLITE,
  SIGNET_DB_DIALECT_POSTGRESQL,
} SignetDbDialect;

/* What a call returns: SQLite's result codes, whose values they keep, so
 * that the SQLite connection passes its own through. The PostgreSQL
 * connection turns its SQLSTATEs into the nearest of them, keeping the
 * server's message for signet_db_errmsg(). */
typedef enum
{
  SIGNET_DB_OK         = 0,
  SIGNET_DB_ERROR      = 1,
  SIGNET_DB_PERM       = 3,
  SIGNET_DB_BUSY       = 5,
  SIGNET_DB_LOCKED     = 6,
  SIGNET_DB_NOMEM      = 7,
  SIGNET_DB_READONLY   = 8,
  SIGNET_DB_IOERR      = 10,
  SIGNET_DB_CORRUPT    = 11,
  SIGNET_DB_FULL       = 13,
  SIGNET_DB_CANTOPEN   = 14,
  SIGNET_DB_CONSTRAINT = 19,
  SIGNET_DB_MISMATCH   = 20,
  SIGNET_DB_AUTH       = 23,
  SIGNET_DB_NOTADB     = 26,
  SIGNET_DB_ROW        = 100,
  SIGNET_DB_DONE       = 101,

  /* Extended codes: the primary code in the low byte. */
  SIGNET_DB_CONSTRAINT_CHECK      = SIGNET_DB_CONSTRAINT | (1 << 8),
  SIGNET_DB_CONSTRAINT_FOREIGNKEY = SIGNET_DB_CONSTRAINT | (3 << 8),
  SIGNET_DB_CONSTRAINT_NOTNULL    = SIGNET_DB_CONSTRAINT | (5 << 8),
  SIGNET_DB_CONSTRAINT_PRIMARYKEY = SIGNET_DB_CONSTRAINT | (6 << 8),
  SIGNET_DB_CONSTRAINT_UNIQUE     = SIGNET_DB_CONSTRAINT | (8 << 8),
  SIGNET_DB_READONLY_DIRECTORY    = SIGNET_DB_READONLY | (6 << 8),
  /* A server's refusal of an approval step's decision to whom the step is
   * not (SQLSTATE SGA01); the message names who may decide it. */
  SIGNET_DB_AUTH_APPROVER         = SIGNET_DB_AUTH | (1 << 8),
} SignetDbResult;

/* A column's type as the row has it. */
typedef enum
{
  SIGNET_DB_INTEGER = 1,
  SIGNET_DB_FLOAT   = 2,
  SIGNET_DB_TEXT    = 3,
  SIGNET_DB_BLOB    = 4,
  SIGNET_DB_NULL    = 5,
} SignetDbType;

/* The connection. */
SignetDbDialect  signet_db_get_dialect          (SignetDb      *db);
void             signet_db_close                (SignetDb      *db);
/* Runs @sql, one statement or several separated by semicolons, with no
 * parameters and no rows wanted. */
int              signet_db_exec                 (SignetDb      *db,
                                                 const char    *sql);
/* A statement of @sql in *@stmt; @persistent says it will be kept and run
 * many times. */
int              signet_db_prepare              (SignetDb      *db,
                                                 const char    *sql,
                                                 gboolean       persistent,
                                                 SignetDbStmt **stmt);
/* The last failed call's code (extended) and the engine's own words. */
int              signet_db_errcode              (SignetDb      *db);
const char      *signet_db_errmsg               (SignetDb      *db);
/* The rows the last INSERT, UPDATE or DELETE changed, and all it has
 * changed since it opened. */
gint64           signet_db_changes              (SignetDb      *db);
gint64           signet_db_total_changes        (SignetDb      *db);
/* The id given to the row the last INSERT added (a table's "id"). */
gint64           signet_db_last_insert_id       (SignetDb      *db);
/* Whether a transaction is open. */
gboolean         signet_db_in_transaction       (SignetDb      *db);
/* The words of result code @rc, without a connection. */
const char      *signet_db_errstr               (int            rc);

/* Statements. */
void             signet_db_finalize             (SignetDbStmt  *stmt);
int              signet_db_step                 (SignetDbStmt  *stmt);
int              signet_db_reset                (SignetDbStmt  *stmt);
void             signet_db_clear_bindings       (SignetDbStmt  *stmt);
SignetDb        *signet_db_stmt_get_db          (SignetDbStmt  *stmt);

int              signet_db_bind_int64           (SignetDbStmt  *stmt,
                                                 int            index,
                                                 gint64         value);
int              signet_db_bind_int             (SignetDbStmt  *stmt,
                                                 int            index,
                                                 int            value);
int              signet_db_bind_double          (SignetDbStmt  *stmt,
                                                 int            index,
                                                 double         value);
int              signet_db_bind_null            (SignetDbStmt  *stmt,
                                                 int            index);
/* @text is copied; NULL binds NULL. The static variant does not copy it:
 * it must stay unchanged until the statement is reset. */
int              signet_db_bind_text            (SignetDbStmt  *stmt,
                                                 int            index,
                                                 const char    *text);
int              signet_db_bind_static_text     (SignetDbStmt  *stmt,
                                                 int            index,
                                                 const char    *text);
/* The first @length bytes of @text (-1: up to its end), copied. */
int              signet_db_bind_text_len        (SignetDbStmt  *stmt,
                                                 int            index,
                                                 const char    *text,
                                                 gssize         length);
/* @data is copied, unless @copy is FALSE: then it must stay until the
 * statement is reset. */
int              signet_db_bind_blob            (SignetDbStmt  *stmt,
                                                 int            index,
                                                 gconstpointer  data,
                                                 gsize          size,
                                                 gboolean       copy);
int              signet_db_bind_value           (SignetDbStmt  *stmt,
                                                 int            index,
                                                 const SignetDbValue *value);
int              signet_db_bind_parameter_count (SignetDbStmt  *stmt);

int              signet_db_column_count         (SignetDbStmt  *stmt);
const char      *signet_db_column_name          (SignetDbStmt  *stmt,
                                                 int            column);
SignetDbType     signet_db_column_type          (SignetDbStmt  *stmt,
                                                 int            column);
gint64           signet_db_column_int64         (SignetDbStmt  *stmt,
                                                 int            column);
int              signet_db_column_int           (SignetDbStmt  *stmt,
                                                 int            column);
double           signet_db_column_double        (SignetDbStmt  *stmt,
                                                 int            column);
/* NULL for NULL; valid until the next step or reset. */
const char      *signet_db_column_text          (SignetDbStmt  *stmt,
                                                 int            column);
gconstpointer    signet_db_column_blob          (SignetDbStmt  *stmt,
                                                 int            column);
int              signet_db_column_bytes         (SignetDbStmt  *stmt,
                                                 int            column);
/* A copy of a column's value, to bind again later (Undo keeps deleted
 * rows so). */
SignetDbValue   *signet_db_column_value_dup     (SignetDbStmt  *stmt,
                                                 int            column);
/* The value as text, NULL for NULL; as an integer, 0 for NULL. */
const char      *signet_db_value_text           (const SignetDbValue *value);
gint64           signet_db_value_int64          (const SignetDbValue *value);
void             signet_db_value_free           (SignetDbValue *value);

G_END_DECLS
