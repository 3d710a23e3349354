/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <libpq-fe.h>

#include "signet-db-pg.h"
#include "signet-db-private.h"

G_BEGIN_DECLS

/* What the files of the PostgreSQL engine share: signet-db-pg.c (the
 * connection, its errors and the pipeline each statement runs in),
 * signet-db-pg-stmt.c (statements: parameters, steps, columns),
 * signet-db-pg-sql.c (SQLite's placeholders written as PostgreSQL's) and
 * signet-db-pg-connect.c (connecting, and telling why it failed). */

/* How many rows of a result are read at once. */
#define CHUNK_ROWS 256

/* The savepoint each statement runs under inside a transaction. */
#define STATEMENT_SAVEPOINT "signet_db_statement"

/* What a parameter is bound to; a persistent statement is prepared once
 * for each string of them, since the server fixes parameter types then. */
typedef enum
{
  KIND_NULL  = 'n',
  KIND_INT   = 'i',
  KIND_FLOAT = 'f',
  KIND_TEXT  = 't',
  KIND_BLOB  = 'b',
} ParamKind;

typedef struct
{
  ParamKind   kind;
  /* The bytes sent: text for all but blobs, which go in binary. */
  const char *data;
  int         length;
  char       *owned;
  char        number[G_ASCII_DTOSTR_BUF_SIZE];
} Param;

typedef struct
{
  SignetDb  parent;
  PGconn   *conn;
  int       errcode;
  char     *errmsg;
  /* The SQLSTATE of the last error, "" when it had none. */
  char      sqlstate[6];
  gint64    changes;
  gint64    total_changes;
  gint64    last_insert_id;
  /* An INSERT ran since lastval() was last asked. */
  gboolean  insert_pending;
  /* lastval() has answered in this session: asked after an INSERT, in its
   * round trip, it cannot fail then (before, it would, and the INSERT
   * with it). */
  gboolean  lastval_defined;
  guint     next_statement;
  /* Bumped on reconnecting: statements prepared under an older one are
   * gone from the server. */
  guint     generation;
  /* Names of finalized statements, closed on the server with the next
   * command so that finalizing costs no round trip. */
  GPtrArray *to_close;

  /* The pipeline in flight: its commands, the one being read, the main
   * one's place, whether it runs under our savepoint and whether a
   * command failed. It stays open while a statement's rows are read. */
  gboolean  in_pipeline;
  int       n_commands;
  int       index;
  int       main_index;
  gboolean  protected;
  gboolean  failed;
  gboolean  chunked;
  PGTransactionStatusType status_before;
  struct _SignetDbPgStmt *streaming;
} SignetDbPg;

typedef struct _SignetDbPgStmt
{
  SignetDbStmt  parent;
  char         *sql;
  int           n_params;
  gboolean      persistent;
  /* BEGIN, COMMIT, SAVEPOINT...: never under a savepoint of ours. */
  gboolean      transaction_control;
  /* An INSERT with no RETURNING: the id it gives is asked with it. */
  gboolean      inserts;
  /* Numbers are sent with no type, for the server to take them as the
   * SQL around them wants; text and NULL as text, where the SQL around
   * does not say (see stmt_execute). */
  gboolean      numbers_untyped;
  gboolean      texts_typed;
  /* Whether the SQL uses each parameter. */
  gboolean     *used;
  guint         id;
  Param        *params;
  /* Kinds string -> server-side name, for this generation. */
  GHashTable   *prepared;
  guint         generation;
  guint         n_prepared;
  /* The rows in hand (a chunk of them while they stream) and the
   * chunks read ahead when another command needed the connection. */
  PGresult     *result;
  GQueue        queued;
  /* The columns, asked of the server before the first step. */
  PGresult     *description;
  int           row;
  /* The last step's code when it failed, for reset. */
  int           last_rc;
  /* The current row's bytea columns, decoded when asked. */
  GBytes      **blobs;
  int           n_blobs;
} SignetDbPgStmt;

/* One command of a pipeline: a query with parameters, or a prepared
 * statement's execution (preceded by preparing it when @prepare). */
typedef struct
{
  const char        *sql;
  const char        *name;
  gboolean           prepare;
  /* Only describe the prepared statement, running nothing. */
  gboolean           describe;
  /* An INSERT with no rows: lastval() may be asked after it. */
  gboolean           inserts;
  int                n_params;
  const Oid         *types;
  const char *const *values;
  const int         *lengths;
  const int         *formats;
} Command;

/* signet-db-pg.c */
void          _signet_db_pg_set_error             (SignetDbPg      *self,
                                                   int              code,
                                                   const char      *message);
void          _signet_db_pg_set_ok                (SignetDbPg      *self);
int           _signet_db_pg_set_error_from_result (SignetDbPg      *self,
                                                   const PGresult  *res);
void          _signet_db_pg_note_command          (SignetDbPg      *self,
                                                   const PGresult  *res);
int           _signet_db_pg_run                   (SignetDbPg      *self,
                                                   const Command   *command,
                                                   gboolean         protect,
                                                   gboolean         stream,
                                                   PGresult       **out,
                                                   gboolean        *prepared);
PGresult     *_signet_db_pg_pipeline_next         (SignetDbPg      *self);
PGresult     *_signet_db_pg_pipeline_end          (SignetDbPg      *self);

/* signet-db-pg-sql.c */
char         *_signet_db_pg_rewrite_sql           (const char      *sql,
                                                   GArray          *numbers,
                                                   int             *n_params,
                                                   gboolean        *transaction_control);

/* signet-db-pg-connect.c */
gboolean      _signet_db_pg_complete_connection   (PGconn          *conn,
                                                   PostgresPollingStatusType (*poll_func) (PGconn *),
                                                   GError         **error);

/* signet-db-pg-stmt.c: the engine's statement calls. */
int           _signet_db_pg_prepare               (SignetDb        *db,
                                                   const char      *sql,
                                                   gboolean         persistent,
                                                   SignetDbStmt   **out);
void          _signet_db_pg_finalize              (SignetDbStmt    *base);
int           _signet_db_pg_step                  (SignetDbStmt    *base);
int           _signet_db_pg_reset                 (SignetDbStmt    *base);
void          _signet_db_pg_clear_bindings        (SignetDbStmt    *base);
int           _signet_db_pg_bind_int64            (SignetDbStmt    *base,
                                                   int              index,
                                                   gint64           value);
int           _signet_db_pg_bind_double           (SignetDbStmt    *base,
                                                   int              index,
                                                   double           value);
int           _signet_db_pg_bind_null             (SignetDbStmt    *base,
                                                   int              index);
int           _signet_db_pg_bind_text             (SignetDbStmt    *base,
                                                   int              index,
                                                   const char      *text,
                                                   gssize           length,
                                                   gboolean         copy);
int           _signet_db_pg_bind_blob             (SignetDbStmt    *base,
                                                   int              index,
                                                   gconstpointer    data,
                                                   gsize            size,
                                                   gboolean         copy);
int           _signet_db_pg_bind_value            (SignetDbStmt    *base,
                                                   int              index,
                                                   const SignetDbValue *value);
int           _signet_db_pg_bind_parameter_count  (SignetDbStmt    *base);
int           _signet_db_pg_column_count          (SignetDbStmt    *base);
const char   *_signet_db_pg_column_name           (SignetDbStmt    *base,
                                                   int              column);
SignetDbType  _signet_db_pg_column_type           (SignetDbStmt    *base,
                                                   int              column);
gint64        _signet_db_pg_column_int64          (SignetDbStmt    *base,
                                                   int              column);
double        _signet_db_pg_column_double         (SignetDbStmt    *base,
                                                   int              column);
const char   *_signet_db_pg_column_text           (SignetDbStmt    *base,
                                                   int              column);
gconstpointer _signet_db_pg_column_blob           (SignetDbStmt    *base,
                                                   int              column);
int           _signet_db_pg_column_bytes          (SignetDbStmt    *base,
                                                   int              column);
SignetDbValue *_signet_db_pg_column_value_dup     (SignetDbStmt    *base,
                                                   int              column);
const char   *_signet_db_pg_value_text            (const SignetDbValue *base);
void          _signet_db_pg_value_free            (SignetDbValue   *base);

G_END_DECLS
