/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "signet-db-pg"

#include "config.h"

#include <errno.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>

#include <glib/gi18n.h>
#include <libpq-fe.h>

#include "signet-db-pg.h"
#include "signet-db-private.h"

/* Type OIDs of the built-in types (pg_type.dat; they never change). */
#define BOOLOID    16
#define BYTEAOID   17
#define INT8OID    20
#define INT2OID    21
#define INT4OID    23
#define OIDOID     26
#define FLOAT4OID  700
#define FLOAT8OID  701
#define NUMERICOID 1700

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
  gint64    changes;
  gint64    total_changes;
  gint64    last_insert_id;
  /* An INSERT ran since lastval() was last asked. */
  gboolean  insert_pending;
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
  int           row;
  /* The last step's code when it failed, for reset. */
  int           last_rc;
  /* The current row's bytea columns, decoded when asked. */
  GBytes      **blobs;
  int           n_blobs;
} SignetDbPgStmt;

typedef struct
{
  SignetDbValue parent;
  SignetDbType  type;
  gint64        integer;
  double        real;
  char         *data;
  gsize         size;
} SignetDbPgValue;

static const SignetDbEngine pg_engine;

G_DEFINE_QUARK (signet-db-pg-error-quark, signet_db_pg_error)

static void
set_error (SignetDbPg *self,
           int         code,
           const char *message)
{
  self->errcode = code;
  g_free (self->errmsg);
  self->errmsg = g_strdup (message != NULL ? message : signet_db_errstr (code));
}

static void
set_ok (SignetDbPg *self)
{
  self->errcode = SIGNET_DB_OK;
  g_clear_pointer (&self->errmsg, g_free);
}

static int
code_for_sqlstate (const char *state)
{
  if (state == NULL)
    return SIGNET_DB_ERROR;
  if (g_str_equal (state, "23505"))
    return SIGNET_DB_CONSTRAINT_UNIQUE;
  if (g_str_equal (state, "23503"))
    return SIGNET_DB_CONSTRAINT_FOREIGNKEY;
  if (g_str_equal (state, "23502"))
    return SIGNET_DB_CONSTRAINT_NOTNULL;
  if (g_str_equal (state, "23514"))
    return SIGNET_DB_CONSTRAINT_CHECK;
  if (g_str_has_prefix (state, "23"))
    return SIGNET_DB_CONSTRAINT;
  if (g_str_equal (state, "40001") || g_str_equal (state, "40P01")
      || g_str_equal (state, "55P03"))
    return SIGNET_DB_BUSY;
  if (g_str_equal (state, "42501"))
    return SIGNET_DB_AUTH;
  if (g_str_equal (state, "25006"))
    return SIGNET_DB_READONLY;
  if (g_str_equal (state, "53100"))
    return SIGNET_DB_FULL;
  if (g_str_equal (state, "53200"))
    return SIGNET_DB_NOMEM;
  if (g_str_has_prefix (state, "08") || g_str_has_prefix (state, "57P"))
    return SIGNET_DB_IOERR;
  return SIGNET_DB_ERROR;
}

/* Takes the error of @res (or of the connection when it has none). */
static int
set_error_from_result (SignetDbPg     *self,
                       const PGresult *res)
{
  const char *primary = NULL;
  const char *detail = NULL;
  int code;

  /* An error libpq made itself (no SQLSTATE) after a failed write may
   * come before libpq has read the end of the connection: read it now. */
  if ((res == NULL || PQresultErrorField (res, PG_DIAG_SQLSTATE) == NULL)
      && PQstatus (self->conn) != CONNECTION_BAD)
    PQconsumeInput (self->conn);

  if (PQstatus (self->conn) == CONNECTION_BAD)
    {
      g_autofree char *message = g_strstrip (g_strdup (PQerrorMessage (self->conn)));
      set_error (self, SIGNET_DB_IOERR, message);
      return SIGNET_DB_IOERR;
    }

  if (res != NULL)
    {
      primary = PQresultErrorField (res, PG_DIAG_MESSAGE_PRIMARY);
      detail = PQresultErrorField (res, PG_DIAG_MESSAGE_DETAIL);
      code = code_for_sqlstate (PQresultErrorField (res, PG_DIAG_SQLSTATE));
      /* SQLite tells a primary key's conflict from a unique column's; the
       * server names a primary key's index TABLE_pkey unless told not to. */
      if (code == SIGNET_DB_CONSTRAINT_UNIQUE
          && g_str_has_suffix (PQresultErrorField (res, PG_DIAG_CONSTRAINT_NAME) ?: "", "_pkey"))
        code = SIGNET_DB_CONSTRAINT_PRIMARYKEY;
    }
  else
    code = SIGNET_DB_ERROR;

  if (primary == NULL)
    {
      g_autofree char *message = g_strstrip (g_strdup (res != NULL
                                                       ? PQresultErrorMessage (res)
                                                       : PQerrorMessage (self->conn)));
      set_error (self, code, message[0] != '\0' ? message : NULL);
    }
  else if (detail != NULL)
    {
      g_autofree char *message = g_strdup_printf ("%s (%s)", primary, detail);
      set_error (self, code, message);
    }
  else
    set_error (self, code, primary);
  return code;
}

static gboolean
is_ident_char (char c)
{
  return g_ascii_isalnum (c) || c == '_' || c == '$' || (guchar) c >= 0x80;
}

static gboolean
is_transaction_word (const char *word,
                     gsize       length)
{
  static const char *const words[] = {
    "BEGIN", "START", "COMMIT", "END", "ROLLBACK", "ABORT", "SAVEPOINT",
    "RELEASE", "PREPARE",
  };

  for (gsize i = 0; i < G_N_ELEMENTS (words); i++)
    if (strlen (words[i]) == length && g_ascii_strncasecmp (word, words[i], length) == 0)
      return TRUE;
  return FALSE;
}

/* Copies the literal, quoted identifier, comment or dollar-quoted string
 * that starts at @p into @out, returning where it ends; or NULL when
 * nothing of the kind starts there. */
static const char *
skip_quoted (const char *p,
             const char *start,
             GString    *out)
{
  const char *q;

  if (p[0] == '\'' || p[0] == '"')
    {
      gboolean escapes = p[0] == '\'' && p > start && (p[-1] == 'E' || p[-1] == 'e')
                         && (p - 1 == start || !is_ident_char (p[-2]));
      char quote = p[0];

      for (q = p + 1; *q != '\0'; q++)
        {
          if (escapes && *q == '\\' && q[1] != '\0')
            q++;
          else if (*q == quote)
            break;
        }
      if (*q != '\0')
        q++;
    }
  else if (p[0] == '-' && p[1] == '-')
    {
      q = p + strcspn (p, "\n");
    }
  else if (p[0] == '/' && p[1] == '*')
    {
      int depth = 1;

      for (q = p + 2; *q != '\0' && depth > 0; q++)
        {
          if (q[0] == '/' && q[1] == '*')
            depth++, q++;
          else if (q[0] == '*' && q[1] == '/')
            depth--, q++;
        }
    }
  else if (p[0] == '$' && (p == start || !is_ident_char (p[-1])) && !g_ascii_isdigit (p[1]))
    {
      g_autofree char *tag = NULL;
      const char *end;

      for (q = p + 1; *q != '\0' && *q != '$'; q++)
        if (!(g_ascii_isalnum (*q) || *q == '_' || (guchar) *q >= 0x80))
          return NULL;
      if (*q != '$')
        return NULL;
      tag = g_strndup (p, q - p + 1);
      end = strstr (q + 1, tag);
      q = end != NULL ? end + strlen (tag) : q + strlen (q);
    }
  else
    return NULL;

  g_string_append_len (out, p, q - p);
  return q;
}

/* @sql with SQLite's ?NNN and ? written as PostgreSQL's $NNN (a bare ?
 * takes one more than the largest number so far, as in SQLite), leaving
 * literals, quoted names and comments alone. Also says how many
 * parameters it has and whether a statement in it begins, ends or marks a
 * transaction. */
static char *
rewrite_sql (const char *sql,
             int        *n_params,
             gboolean   *transaction_control)
{
  GString *out = g_string_sized_new (strlen (sql) + 16);
  gboolean at_statement_start = TRUE;
  int largest = 0;
  const char *p = sql;

  *transaction_control = FALSE;
  while (*p != '\0')
    {
      const char *next = skip_quoted (p, sql, out);

      if (next != NULL)
        {
          if (p[0] != '-' && p[0] != '/')
            at_statement_start = FALSE;
          p = next;
        }
      else if (*p == '?')
        {
          int number;

          if (g_ascii_isdigit (p[1]))
            {
              char *end;

              number = (int) strtol (p + 1, &end, 10);
              p = end;
            }
          else
            {
              number = largest + 1;
              p++;
            }
          largest = MAX (largest, number);
          g_string_append_printf (out, "$%d", number);
          at_statement_start = FALSE;
        }
      else if (*p == ';')
        {
          at_statement_start = TRUE;
          g_string_append_c (out, *p++);
        }
      else if (at_statement_start && is_ident_char (*p))
        {
          const char *word = p;

          while (is_ident_char (*p))
            p++;
          if (is_transaction_word (word, p - word))
            *transaction_control = TRUE;
          g_string_append_len (out, word, p - word);
          at_statement_start = FALSE;
        }
      else
        g_string_append_c (out, *p++);
    }

  *n_params = largest;
  return g_string_free (out, FALSE);
}

static void
param_clear (Param *param)
{
  g_clear_pointer (&param->owned, g_free);
  param->kind = KIND_NULL;
  param->data = NULL;
  param->length = 0;
}

static gboolean
command_changes_rows (const char *status)
{
  return g_str_has_prefix (status, "INSERT ") || g_str_has_prefix (status, "UPDATE ")
         || g_str_has_prefix (status, "DELETE ") || g_str_has_prefix (status, "MERGE ");
}

/* Counts the rows a successful command changed, as SQLite's changes(). */
static void
note_command (SignetDbPg     *self,
              const PGresult *res)
{
  const char *status = PQcmdStatus ((PGresult *) res);

  if (!command_changes_rows (status))
    return;
  self->changes = g_ascii_strtoll (PQcmdTuples ((PGresult *) res), NULL, 10);
  self->total_changes += self->changes;
  if (g_str_has_prefix (status, "INSERT ") && self->changes > 0)
    self->insert_pending = TRUE;
}

static gboolean
connection_lost (SignetDbPg *self)
{
  if (PQstatus (self->conn) != CONNECTION_BAD)
    return FALSE;
  set_error_from_result (self, NULL);
  return TRUE;
}

/* One command of a pipeline: a query with parameters, or a prepared
 * statement's execution (preceded by preparing it when @prepare). */
typedef struct
{
  const char        *sql;
  const char        *name;
  gboolean           prepare;
  int                n_params;
  const Oid         *types;
  const char *const *values;
  const int         *lengths;
  const int         *formats;
} Command;

static void
rollback_statement (SignetDbPg *self)
{
  PGresult *res = PQexec (self->conn,
                          "ROLLBACK TO SAVEPOINT " STATEMENT_SAVEPOINT ";"
                          "RELEASE SAVEPOINT " STATEMENT_SAVEPOINT);

  if (PQresultStatus (res) != PGRES_COMMAND_OK)
    g_warning ("Could not undo a failed statement: %s", PQresultErrorMessage (res));
  PQclear (res);
}

/* Reads the next result of the pipeline in flight, noting which command
 * it belongs to (self->index); NULL once the sync's result has come. The
 * main command's rows are asked for in chunks, so that a big result is
 * never held whole. */
static PGresult *
pipeline_next (SignetDbPg *self)
{
  PGconn *conn = self->conn;

  while (self->in_pipeline)
    {
      PGresult *res;

      if (self->index == self->main_index && !self->chunked)
        {
          self->chunked = TRUE;
          if (!PQsetChunkedRowsMode (conn, CHUNK_ROWS))
            g_debug ("The rows of a statement come whole: chunked mode was refused");
        }

      res = PQgetResult (conn);
      if (res == NULL)
        {
          /* Each command's results end with a NULL. */
          if (PQstatus (conn) == CONNECTION_BAD || ++self->index > self->n_commands)
            self->in_pipeline = FALSE;
          continue;
        }
      if (PQresultStatus (res) == PGRES_PIPELINE_SYNC)
        {
          PQclear (res);
          self->in_pipeline = FALSE;
          continue;
        }
      if (PQresultStatus (res) == PGRES_FATAL_ERROR)
        self->failed = TRUE;
      return res;
    }
  return NULL;
}

/* Reads what is left of the pipeline and leaves pipeline mode; when a
 * command under our savepoint failed, rolls back to it. Returns the
 * first error among the results it read. */
static PGresult *
pipeline_end (SignetDbPg *self)
{
  PGresult *error_result = NULL;
  PGresult *res;

  while ((res = pipeline_next (self)) != NULL)
    {
      if (PQresultStatus (res) == PGRES_FATAL_ERROR && error_result == NULL)
        error_result = res;
      else
        PQclear (res);
    }
  self->in_pipeline = FALSE;
  if (PQstatus (self->conn) == CONNECTION_BAD)
    return error_result;
  PQexitPipelineMode (self->conn);
  if (self->protected && self->failed)
    rollback_statement (self);
  return error_result;
}

/* Reads the rest of the rows of the statement being streamed into its
 * queue, so that the connection is free for another command. */
static void
spill_stream (SignetDbPg *self)
{
  SignetDbPgStmt *stmt = self->streaming;
  gboolean ended = FALSE;
  PGresult *res;

  if (stmt == NULL)
    return;
  self->streaming = NULL;

  while ((res = pipeline_next (self)) != NULL)
    {
      if (self->index == self->main_index && !ended)
        {
          ended = PQresultStatus (res) != PGRES_TUPLES_CHUNK;
          g_queue_push_tail (&stmt->queued, res);
        }
      else
        PQclear (res);
    }
  if (!ended)
    g_queue_push_tail (&stmt->queued, PQmakeEmptyPGresult (self->conn, PGRES_FATAL_ERROR));
  PQclear (pipeline_end (self));
}

/* Drops what is left of the rows of @stmt, as reset does. */
static void
discard_stream (SignetDbPgStmt *stmt)
{
  SignetDbPg *self = (SignetDbPg *) stmt->parent.db;

  if (self->streaming == stmt)
    {
      self->streaming = NULL;
      PQclear (pipeline_end (self));
    }
  g_queue_clear_full (&stmt->queued, (GDestroyNotify) PQclear);
}

/* Sends @command in one round trip, under a savepoint when a transaction
 * is open and @protect (so that its failure undoes only itself, as in
 * SQLite), and returns its result in *@out. With @stream, a result with
 * rows comes as its first chunk, and the pipeline stays open for the rest
 * (the caller marks its statement as self->streaming). *@prepared says
 * whether the statement was prepared, when it was asked to be. */
static int
run_command (SignetDbPg    *self,
             const Command *command,
             gboolean       protect,
             gboolean       stream,
             PGresult     **out,
             gboolean      *prepared)
{
  PGconn *conn = self->conn;
  PGresult *main_result = NULL;
  PGresult *error_result = NULL;
  PGresult *res;
  gboolean sent;
  int prepare_index = -1;
  int rc;

  *out = NULL;
  if (prepared != NULL)
    *prepared = FALSE;
  spill_stream (self);
  if (connection_lost (self))
    return SIGNET_DB_IOERR;

  self->status_before = PQtransactionStatus (conn);
  protect = protect && self->status_before == PQTRANS_INTRANS;

  if (!PQenterPipelineMode (conn))
    return set_error_from_result (self, NULL);

  self->in_pipeline = TRUE;
  self->protected = protect;
  self->failed = FALSE;
  /* Taken as asked for already when the rows are wanted whole. */
  self->chunked = !stream;
  self->index = 0;
  self->n_commands = 0;

  sent = TRUE;
  for (guint i = 0; i < self->to_close->len; i++)
    {
      sent = sent && PQsendClosePrepared (conn, g_ptr_array_index (self->to_close, i));
      self->n_commands++;
    }
  g_ptr_array_set_size (self->to_close, 0);
  if (protect)
    {
      sent = sent && PQsendQueryParams (conn, "SAVEPOINT " STATEMENT_SAVEPOINT,
                                        0, NULL, NULL, NULL, NULL, 0);
      self->n_commands++;
    }
  if (command->prepare)
    {
      sent = sent && PQsendPrepare (conn, command->name, command->sql,
                                    command->n_params, command->types);
      prepare_index = self->n_commands++;
    }
  if (command->name != NULL)
    sent = sent && PQsendQueryPrepared (conn, command->name, command->n_params,
                                        command->values, command->lengths,
                                        command->formats, 0);
  else
    sent = sent && PQsendQueryParams (conn, command->sql, command->n_params,
                                      command->types, command->values,
                                      command->lengths, command->formats, 0);
  self->main_index = self->n_commands++;
  if (protect)
    {
      sent = sent && PQsendQueryParams (conn, "RELEASE SAVEPOINT " STATEMENT_SAVEPOINT,
                                        0, NULL, NULL, NULL, NULL, 0);
      self->n_commands++;
    }
  sent = sent && PQpipelineSync (conn);
  if (!sent)
    {
      /* Nothing more will come: the connection failed under the sending. */
      self->n_commands = self->index;
    }

  while ((res = pipeline_next (self)) != NULL)
    {
      ExecStatusType status = PQresultStatus (res);

      if (self->index == prepare_index && prepared != NULL)
        *prepared = status == PGRES_COMMAND_OK;
      if (status == PGRES_FATAL_ERROR && error_result == NULL)
        error_result = res;
      else if (self->index == self->main_index && status != PGRES_PIPELINE_ABORTED
               && status != PGRES_FATAL_ERROR && main_result == NULL)
        {
          main_result = res;
          if (status == PGRES_TUPLES_CHUNK)
            break;
        }
      else
        PQclear (res);
    }

  if (main_result != NULL && PQresultStatus (main_result) == PGRES_TUPLES_CHUNK)
    {
      set_ok (self);
      *out = main_result;
      return SIGNET_DB_OK;
    }

  res = pipeline_end (self);
  if (error_result == NULL)
    error_result = res;
  else
    PQclear (res);

  if (error_result != NULL || main_result == NULL)
    {
      rc = set_error_from_result (self, error_result);
      PQclear (error_result);
      PQclear (main_result);
      return rc;
    }

  note_command (self, main_result);
  set_ok (self);
  *out = main_result;
  return SIGNET_DB_OK;
}

/* Connection */

static void
pg_close (SignetDb *db)
{
  SignetDbPg *self = (SignetDbPg *) db;

  PQfinish (self->conn);
  g_ptr_array_unref (self->to_close);
  g_free (self->errmsg);
  g_free (self);
}

static int
pg_exec (SignetDb   *db,
         const char *sql)
{
  SignetDbPg *self = (SignetDbPg *) db;
  PGresult *res;
  PGresult *error_result = NULL;
  g_autofree char *rewritten = NULL;
  g_autofree char *wrapped = NULL;
  gboolean transaction_control;
  gboolean protect;
  int n_params;

  if (connection_lost (self))
    return SIGNET_DB_IOERR;

  spill_stream (self);
  if (connection_lost (self))
    return SIGNET_DB_IOERR;

  /* Only for the statement words; exec takes no parameters. */
  rewritten = rewrite_sql (sql, &n_params, &transaction_control);
  protect = !transaction_control && PQtransactionStatus (self->conn) == PQTRANS_INTRANS;
  if (protect)
    wrapped = g_strconcat ("SAVEPOINT " STATEMENT_SAVEPOINT ";", sql,
                           "\n;RELEASE SAVEPOINT " STATEMENT_SAVEPOINT, NULL);

  if (!PQsendQuery (self->conn, protect ? wrapped : sql))
    return set_error_from_result (self, NULL);

  while ((res = PQgetResult (self->conn)) != NULL)
    {
      ExecStatusType status = PQresultStatus (res);

      if (status == PGRES_FATAL_ERROR)
        {
          if (error_result == NULL)
            error_result = g_steal_pointer (&res);
        }
      else if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK)
        note_command (self, res);
      PQclear (res);
    }

  if (error_result != NULL || PQstatus (self->conn) == CONNECTION_BAD)
    {
      int rc = set_error_from_result (self, error_result);

      if (protect && PQstatus (self->conn) != CONNECTION_BAD)
        rollback_statement (self);
      PQclear (error_result);
      /* As sqlite3_exec(): the primary code; errcode has the rest. */
      return rc & 0xff;
    }

  set_ok (self);
  return SIGNET_DB_OK;
}

static int
pg_prepare (SignetDb      *db,
            const char    *sql,
            gboolean       persistent,
            SignetDbStmt **out)
{
  SignetDbPg *self = (SignetDbPg *) db;
  SignetDbPgStmt *stmt = g_new0 (SignetDbPgStmt, 1);

  stmt->parent.db = db;
  stmt->sql = rewrite_sql (sql, &stmt->n_params, &stmt->transaction_control);
  stmt->persistent = persistent;
  stmt->id = ++self->next_statement;
  stmt->params = g_new0 (Param, MAX (stmt->n_params, 1));
  for (int i = 0; i < stmt->n_params; i++)
    stmt->params[i].kind = KIND_NULL;
  stmt->prepared = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  stmt->generation = self->generation;
  stmt->row = -1;
  *out = &stmt->parent;
  set_ok (self);
  return SIGNET_DB_OK;
}

static int
pg_errcode (SignetDb *db)
{
  return ((SignetDbPg *) db)->errcode;
}

static const char *
pg_errmsg (SignetDb *db)
{
  SignetDbPg *self = (SignetDbPg *) db;

  return self->errmsg != NULL ? self->errmsg : signet_db_errstr (self->errcode);
}

static gint64
pg_changes (SignetDb *db)
{
  return ((SignetDbPg *) db)->changes;
}

static gint64
pg_total_changes (SignetDb *db)
{
  return ((SignetDbPg *) db)->total_changes;
}

/* Asks the server only after an INSERT, and only when the store wants
 * the id: lastval() is the value the last identity (or serial) column in
 * this session took. */
static gint64
pg_last_insert_id (SignetDb *db)
{
  SignetDbPg *self = (SignetDbPg *) db;
  Command command = { .sql = "SELECT lastval()" };
  PGresult *res = NULL;
  int saved_code = self->errcode;
  g_autofree char *saved_message = g_strdup (self->errmsg);

  if (!self->insert_pending)
    return self->last_insert_id;

  if (run_command (self, &command, TRUE, FALSE, &res, NULL) == SIGNET_DB_OK
      && PQntuples (res) == 1)
    {
      self->last_insert_id = g_ascii_strtoll (PQgetvalue (res, 0, 0), NULL, 10);
      self->insert_pending = FALSE;
    }
  PQclear (res);
  self->errcode = saved_code;
  g_free (self->errmsg);
  self->errmsg = g_steal_pointer (&saved_message);
  return self->last_insert_id;
}

static gboolean
pg_in_transaction (SignetDb *db)
{
  SignetDbPg *self = (SignetDbPg *) db;

  /* While rows stream, the server is busy: ask as it was before. */
  if (self->in_pipeline)
    return self->status_before != PQTRANS_IDLE;
  return PQtransactionStatus (self->conn) != PQTRANS_IDLE;
}

/* Statements */

static void
stmt_drop_row (SignetDbPgStmt *stmt)
{
  for (int i = 0; i < stmt->n_blobs; i++)
    g_clear_pointer (&stmt->blobs[i], g_bytes_unref);
}

static void
stmt_drop_result (SignetDbPgStmt *stmt)
{
  discard_stream (stmt);
  stmt_drop_row (stmt);
  g_clear_pointer (&stmt->blobs, g_free);
  stmt->n_blobs = 0;
  g_clear_pointer (&stmt->result, PQclear);
  stmt->row = -1;
}

static void
pg_finalize (SignetDbStmt *base)
{
  SignetDbPgStmt *stmt = (SignetDbPgStmt *) base;
  SignetDbPg *self = (SignetDbPg *) base->db;

  stmt_drop_result (stmt);
  if (stmt->generation == self->generation)
    {
      GHashTableIter iter;
      gpointer name;

      g_hash_table_iter_init (&iter, stmt->prepared);
      while (g_hash_table_iter_next (&iter, NULL, &name))
        g_ptr_array_add (self->to_close, g_strdup (name));
    }
  g_hash_table_unref (stmt->prepared);
  for (int i = 0; i < stmt->n_params; i++)
    param_clear (&stmt->params[i]);
  g_free (stmt->params);
  g_free (stmt->sql);
  g_free (stmt);
}

static int
stmt_execute (SignetDbPgStmt *stmt)
{
  SignetDbPg *self = (SignetDbPg *) stmt->parent.db;
  int n = stmt->n_params;
  g_autofree Oid *types = g_new0 (Oid, MAX (n, 1));
  g_autofree const char **values = g_new0 (const char *, MAX (n, 1));
  g_autofree int *lengths = g_new0 (int, MAX (n, 1));
  g_autofree int *formats = g_new0 (int, MAX (n, 1));
  g_autofree char *kinds = g_new0 (char, n + 1);
  g_autofree char *new_name = NULL;
  Command command = { 0 };
  gboolean prepared = FALSE;
  PGresult *res = NULL;
  int rc;

  for (int i = 0; i < n; i++)
    {
      const Param *param = &stmt->params[i];

      kinds[i] = param->kind;
      values[i] = param->data;
      lengths[i] = param->length;
      switch (param->kind)
        {
        case KIND_INT: types[i] = INT8OID; break;
        case KIND_FLOAT: types[i] = FLOAT8OID; break;
        case KIND_BLOB: types[i] = BYTEAOID; formats[i] = 1; break;
        case KIND_TEXT:
        case KIND_NULL:
        default: types[i] = 0; break;
        }
    }

  command.sql = stmt->sql;
  command.n_params = n;
  command.types = types;
  command.values = values;
  command.lengths = lengths;
  command.formats = formats;

  if (stmt->persistent)
    {
      if (stmt->generation != self->generation)
        {
          g_hash_table_remove_all (stmt->prepared);
          stmt->generation = self->generation;
        }
      command.name = g_hash_table_lookup (stmt->prepared, kinds);
      if (command.name == NULL)
        {
          new_name = g_strdup_printf ("signet_%u_%u", stmt->id, ++stmt->n_prepared);
          command.name = new_name;
          command.prepare = TRUE;
        }
    }

  rc = run_command (self, &command, !stmt->transaction_control, TRUE, &res,
                    command.prepare ? &prepared : NULL);
  if (prepared)
    g_hash_table_insert (stmt->prepared, g_steal_pointer (&kinds), g_steal_pointer (&new_name));
  if (rc != SIGNET_DB_OK)
    return rc;

  stmt->result = res;
  stmt->n_blobs = PQnfields (res);
  stmt->blobs = g_new0 (GBytes *, MAX (stmt->n_blobs, 1));
  if (PQresultStatus (res) == PGRES_TUPLES_CHUNK)
    self->streaming = stmt;
  return SIGNET_DB_OK;
}

static gboolean
stmt_has_more (SignetDbPgStmt *stmt)
{
  return ((SignetDbPg *) stmt->parent.db)->streaming == stmt || !g_queue_is_empty (&stmt->queued);
}

/* Takes the next chunk of the rows of @stmt: from the server while they
 * stream, else from those read ahead. The last is an empty result, or
 * the error that stopped the statement. */
static int
stmt_next_chunk (SignetDbPgStmt *stmt)
{
  SignetDbPg *self = (SignetDbPg *) stmt->parent.db;
  PGresult *res = NULL;
  int rc;

  if (self->streaming == stmt)
    {
      res = pipeline_next (self);
      if (res != NULL && self->index != self->main_index)
        g_clear_pointer (&res, PQclear);
      if (res == NULL || PQresultStatus (res) != PGRES_TUPLES_CHUNK)
        {
          PGresult *error_result;

          /* The rows are all read: what is left is the savepoint's
           * release and the sync, unless the connection went. */
          self->streaming = NULL;
          error_result = pipeline_end (self);
          if (res == NULL)
            res = error_result != NULL ? error_result
                                       : PQmakeEmptyPGresult (self->conn, PGRES_FATAL_ERROR);
          else if (error_result != NULL && PQresultStatus (res) != PGRES_FATAL_ERROR)
            {
              PQclear (res);
              res = error_result;
            }
          else
            PQclear (error_result);
        }
    }
  else
    res = g_queue_pop_head (&stmt->queued);

  stmt_drop_row (stmt);
  g_clear_pointer (&stmt->result, PQclear);
  stmt->row = 0;

  switch (PQresultStatus (res))
    {
    case PGRES_TUPLES_CHUNK:
    case PGRES_TUPLES_OK:
    case PGRES_COMMAND_OK:
      if (PQresultStatus (res) != PGRES_TUPLES_CHUNK)
        note_command (self, res);
      stmt->result = res;
      return SIGNET_DB_OK;
    case PGRES_FATAL_ERROR:
    default:
      rc = set_error_from_result (self, res);
      PQclear (res);
      discard_stream (stmt);
      g_clear_pointer (&stmt->blobs, g_free);
      stmt->n_blobs = 0;
      stmt->row = -1;
      return rc;
    }
}

static int
pg_step (SignetDbStmt *base)
{
  SignetDbPgStmt *stmt = (SignetDbPgStmt *) base;

  stmt->last_rc = SIGNET_DB_OK;
  if (stmt->result == NULL)
    {
      int rc = stmt_execute (stmt);

      /* As sqlite3_step(): the primary code; errcode has the rest. */
      if (rc != SIGNET_DB_OK)
        return stmt->last_rc = rc & 0xff;
    }
  else if (stmt->row >= PQntuples (stmt->result) && !stmt_has_more (stmt))
    {
      /* Stepping past the end runs it again, as SQLite does. */
      stmt_drop_result (stmt);
      return pg_step (base);
    }

  stmt_drop_row (stmt);
  stmt->row++;
  while (stmt->row >= PQntuples (stmt->result) && stmt_has_more (stmt))
    {
      int rc = stmt_next_chunk (stmt);

      if (rc != SIGNET_DB_OK)
        return stmt->last_rc = rc & 0xff;
    }
  return stmt->row < PQntuples (stmt->result) ? SIGNET_DB_ROW : SIGNET_DB_DONE;
}

static int
pg_reset (SignetDbStmt *base)
{
  SignetDbPgStmt *stmt = (SignetDbPgStmt *) base;
  int rc = stmt->last_rc;

  /* As sqlite3_reset(): the failed step's code, if the last one failed. */
  stmt_drop_result (stmt);
  stmt->last_rc = SIGNET_DB_OK;
  return rc;
}

static void
pg_clear_bindings (SignetDbStmt *base)
{
  SignetDbPgStmt *stmt = (SignetDbPgStmt *) base;

  for (int i = 0; i < stmt->n_params; i++)
    param_clear (&stmt->params[i]);
}

static Param *
get_param (SignetDbPgStmt *stmt,
           int             index)
{
  SignetDbPg *self = (SignetDbPg *) stmt->parent.db;

  if (index < 1 || index > stmt->n_params)
    {
      set_error (self, SIGNET_DB_ERROR, "column index out of range");
      return NULL;
    }
  param_clear (&stmt->params[index - 1]);
  return &stmt->params[index - 1];
}

static int
pg_bind_int64 (SignetDbStmt *base,
               int           index,
               gint64        value)
{
  Param *param = get_param ((SignetDbPgStmt *) base, index);

  if (param == NULL)
    return SIGNET_DB_ERROR;
  param->kind = KIND_INT;
  g_snprintf (param->number, sizeof param->number, "%" G_GINT64_FORMAT, value);
  param->data = param->number;
  return SIGNET_DB_OK;
}

static int
pg_bind_double (SignetDbStmt *base,
                int           index,
                double        value)
{
  Param *param = get_param ((SignetDbPgStmt *) base, index);

  if (param == NULL)
    return SIGNET_DB_ERROR;
  param->kind = KIND_FLOAT;
  g_ascii_dtostr (param->number, sizeof param->number, value);
  param->data = param->number;
  return SIGNET_DB_OK;
}

static int
pg_bind_null (SignetDbStmt *base,
              int           index)
{
  return get_param ((SignetDbPgStmt *) base, index) != NULL ? SIGNET_DB_OK : SIGNET_DB_ERROR;
}

static int
pg_bind_text (SignetDbStmt *base,
              int           index,
              const char   *text,
              gssize        length,
              gboolean      copy)
{
  Param *param = get_param ((SignetDbPgStmt *) base, index);

  if (param == NULL)
    return SIGNET_DB_ERROR;
  param->kind = KIND_TEXT;
  /* Text goes in text format, which the server reads up to a NUL. */
  if (length >= 0 && text[length] != '\0')
    copy = TRUE;
  if (copy)
    param->data = param->owned = length >= 0 ? g_strndup (text, length) : g_strdup (text);
  else
    param->data = text;
  return SIGNET_DB_OK;
}

static int
pg_bind_blob (SignetDbStmt  *base,
              int            index,
              gconstpointer  data,
              gsize          size,
              gboolean       copy)
{
  Param *param = get_param ((SignetDbPgStmt *) base, index);

  if (param == NULL)
    return SIGNET_DB_ERROR;
  if (size > G_MAXINT)
    {
      set_error ((SignetDbPg *) base->db, SIGNET_DB_ERROR, "string or blob too big");
      return SIGNET_DB_ERROR;
    }
  param->kind = KIND_BLOB;
  param->length = (int) size;
  if (copy)
    param->data = param->owned = g_memdup2 (data != NULL ? data : "", MAX (size, 1));
  else
    param->data = data != NULL ? data : "";
  return SIGNET_DB_OK;
}

static int
pg_bind_value (SignetDbStmt        *base,
               int                  index,
               const SignetDbValue *value)
{
  const SignetDbPgValue *self = (const SignetDbPgValue *) value;

  if (value->engine != &pg_engine)
    {
      set_error ((SignetDbPg *) base->db, SIGNET_DB_MISMATCH,
                 "a value read from another engine's connection");
      return SIGNET_DB_MISMATCH;
    }

  switch (self->type)
    {
    case SIGNET_DB_INTEGER:
      return pg_bind_int64 (base, index, self->integer);
    case SIGNET_DB_FLOAT:
      return pg_bind_double (base, index, self->real);
    case SIGNET_DB_TEXT:
      return pg_bind_text (base, index, self->data, self->size, TRUE);
    case SIGNET_DB_BLOB:
      return pg_bind_blob (base, index, self->data, self->size, TRUE);
    case SIGNET_DB_NULL:
    default:
      return pg_bind_null (base, index);
    }
}

static int
pg_bind_parameter_count (SignetDbStmt *base)
{
  return ((SignetDbPgStmt *) base)->n_params;
}

/* Columns */

static gboolean
has_row (SignetDbPgStmt *stmt,
         int             column)
{
  return stmt->result != NULL && stmt->row >= 0 && stmt->row < PQntuples (stmt->result)
         && column >= 0 && column < PQnfields (stmt->result);
}

static gboolean
is_null (SignetDbPgStmt *stmt,
         int             column)
{
  return !has_row (stmt, column) || PQgetisnull (stmt->result, stmt->row, column);
}

static int
pg_column_count (SignetDbStmt *base)
{
  SignetDbPgStmt *stmt = (SignetDbPgStmt *) base;

  return stmt->result != NULL ? PQnfields (stmt->result) : 0;
}

static const char *
pg_column_name (SignetDbStmt *base,
                int           column)
{
  SignetDbPgStmt *stmt = (SignetDbPgStmt *) base;

  if (stmt->result == NULL || column < 0 || column >= PQnfields (stmt->result))
    return NULL;
  return PQfname (stmt->result, column);
}

static int
hex_value (char c)
{
  if (c >= '0' && c <= '9')
    return c - '0';
  if (c >= 'a' && c <= 'f')
    return c - 'a' + 10;
  if (c >= 'A' && c <= 'F')
    return c - 'A' + 10;
  return -1;
}

/* A bytea column's bytes, decoded from the server's text once per row,
 * with a NUL after them so that they read as text too. */
static GBytes *
get_blob (SignetDbPgStmt *stmt,
          int             column)
{
  const char *text;
  int length;

  if (stmt->blobs[column] != NULL)
    return stmt->blobs[column];

  text = PQgetvalue (stmt->result, stmt->row, column);
  length = PQgetlength (stmt->result, stmt->row, column);
  if (length >= 2 && text[0] == '\\' && text[1] == 'x')
    {
      gsize size = (length - 2) / 2;
      guint8 *data = g_malloc (size + 1);

      for (gsize i = 0; i < size; i++)
        data[i] = (hex_value (text[2 + 2 * i]) << 4) | hex_value (text[3 + 2 * i]);
      data[size] = '\0';
      stmt->blobs[column] = g_bytes_new_take (data, size);
    }
  else
    {
      size_t size = 0;
      guchar *decoded = PQunescapeBytea ((const guchar *) text, &size);
      guint8 *data = g_malloc (size + 1);

      memcpy (data, decoded, size);
      data[size] = '\0';
      PQfreemem (decoded);
      stmt->blobs[column] = g_bytes_new_take (data, size);
    }
  return stmt->blobs[column];
}

static SignetDbType
pg_column_type (SignetDbStmt *base,
                int           column)
{
  SignetDbPgStmt *stmt = (SignetDbPgStmt *) base;

  if (is_null (stmt, column))
    return SIGNET_DB_NULL;

  switch (PQftype (stmt->result, column))
    {
    case INT2OID:
    case INT4OID:
    case INT8OID:
    case OIDOID:
    case BOOLOID:
      return SIGNET_DB_INTEGER;
    case FLOAT4OID:
    case FLOAT8OID:
      return SIGNET_DB_FLOAT;
    case NUMERICOID:
      return strpbrk (PQgetvalue (stmt->result, stmt->row, column), ".eEN") == NULL
             ? SIGNET_DB_INTEGER : SIGNET_DB_FLOAT;
    case BYTEAOID:
      return SIGNET_DB_BLOB;
    default:
      return SIGNET_DB_TEXT;
    }
}

static gint64
pg_column_int64 (SignetDbStmt *base,
                 int           column)
{
  SignetDbPgStmt *stmt = (SignetDbPgStmt *) base;
  const char *text;
  char *end;
  gint64 value;

  if (is_null (stmt, column))
    return 0;

  text = PQgetvalue (stmt->result, stmt->row, column);
  if (PQftype (stmt->result, column) == BOOLOID)
    return text[0] == 't';
  if (PQftype (stmt->result, column) == BYTEAOID)
    text = g_bytes_get_data (get_blob (stmt, column), NULL);

  /* As SQLite reads a number from text: its leading number, else 0. */
  value = g_ascii_strtoll (text, &end, 10);
  if (*end == '.' || *end == 'e' || *end == 'E')
    {
      double real = g_ascii_strtod (text, NULL);

      if (real >= (double) G_MAXINT64)
        return G_MAXINT64;
      if (real <= (double) G_MININT64)
        return G_MININT64;
      return (gint64) real;
    }
  return value;
}

static double
pg_column_double (SignetDbStmt *base,
                  int           column)
{
  SignetDbPgStmt *stmt = (SignetDbPgStmt *) base;
  const char *text;

  if (is_null (stmt, column))
    return 0.0;

  text = PQgetvalue (stmt->result, stmt->row, column);
  if (PQftype (stmt->result, column) == BOOLOID)
    return text[0] == 't' ? 1.0 : 0.0;
  if (PQftype (stmt->result, column) == BYTEAOID)
    text = g_bytes_get_data (get_blob (stmt, column), NULL);
  return g_ascii_strtod (text, NULL);
}

static const char *
pg_column_text (SignetDbStmt *base,
                int           column)
{
  SignetDbPgStmt *stmt = (SignetDbPgStmt *) base;

  if (is_null (stmt, column))
    return NULL;
  if (PQftype (stmt->result, column) == BYTEAOID)
    return g_bytes_get_data (get_blob (stmt, column), NULL);
  return PQgetvalue (stmt->result, stmt->row, column);
}

static gconstpointer
pg_column_blob (SignetDbStmt *base,
                int           column)
{
  SignetDbPgStmt *stmt = (SignetDbPgStmt *) base;
  gsize size;
  gconstpointer data;

  if (is_null (stmt, column))
    return NULL;
  if (PQftype (stmt->result, column) != BYTEAOID)
    return PQgetlength (stmt->result, stmt->row, column) > 0
           ? PQgetvalue (stmt->result, stmt->row, column) : NULL;

  /* SQLite gives NULL for an empty blob too. */
  data = g_bytes_get_data (get_blob (stmt, column), &size);
  return size > 0 ? data : NULL;
}

static int
pg_column_bytes (SignetDbStmt *base,
                 int           column)
{
  SignetDbPgStmt *stmt = (SignetDbPgStmt *) base;

  if (is_null (stmt, column))
    return 0;
  if (PQftype (stmt->result, column) == BYTEAOID)
    return (int) g_bytes_get_size (get_blob (stmt, column));
  return PQgetlength (stmt->result, stmt->row, column);
}

static SignetDbValue *
pg_column_value_dup (SignetDbStmt *base,
                     int           column)
{
  SignetDbPgValue *value = g_new0 (SignetDbPgValue, 1);

  value->parent.engine = &pg_engine;
  value->type = pg_column_type (base, column);
  switch (value->type)
    {
    case SIGNET_DB_INTEGER:
      value->integer = pg_column_int64 (base, column);
      break;
    case SIGNET_DB_FLOAT:
      value->real = pg_column_double (base, column);
      break;
    case SIGNET_DB_TEXT:
    case SIGNET_DB_BLOB:
      value->size = pg_column_bytes (base, column);
      value->data = g_malloc (value->size + 1);
      if (value->size > 0)
        memcpy (value->data, value->type == SIGNET_DB_TEXT ? pg_column_text (base, column)
                                                           : pg_column_blob (base, column),
                value->size);
      value->data[value->size] = '\0';
      break;
    case SIGNET_DB_NULL:
    default:
      break;
    }
  return &value->parent;
}

static void
pg_value_free (SignetDbValue *base)
{
  SignetDbPgValue *value = (SignetDbPgValue *) base;

  g_free (value->data);
  g_free (value);
}

static const SignetDbEngine pg_engine = {
  .close = pg_close,
  .exec = pg_exec,
  .prepare = pg_prepare,
  .errcode = pg_errcode,
  .errmsg = pg_errmsg,
  .changes = pg_changes,
  .total_changes = pg_total_changes,
  .last_insert_id = pg_last_insert_id,
  .in_transaction = pg_in_transaction,
  .finalize = pg_finalize,
  .step = pg_step,
  .reset = pg_reset,
  .clear_bindings = pg_clear_bindings,
  .bind_int64 = pg_bind_int64,
  .bind_double = pg_bind_double,
  .bind_null = pg_bind_null,
  .bind_text = pg_bind_text,
  .bind_blob = pg_bind_blob,
  .bind_value = pg_bind_value,
  .bind_parameter_count = pg_bind_parameter_count,
  .column_count = pg_column_count,
  .column_name = pg_column_name,
  .column_type = pg_column_type,
  .column_int64 = pg_column_int64,
  .column_double = pg_column_double,
  .column_text = pg_column_text,
  .column_blob = pg_column_blob,
  .column_bytes = pg_column_bytes,
  .column_value_dup = pg_column_value_dup,
  .value_free = pg_value_free,
};

/* Connecting */

/* The server's warnings and notices go to the debug log, not to stderr. */
static void
notice_received_cb (void       *data,
                    const char *message)
{
  g_debug ("%s", message);
}

/* How far a connection attempt got, to tell why it failed: libpq's words
 * are in the user's language and the server's in the server's. */
typedef enum
{
  STAGE_CONNECTING,
  STAGE_TLS,
  STAGE_AUTHENTICATING,
  STAGE_AUTHENTICATED,
} Stage;

static Stage
stage_of (PGconn *conn)
{
  switch (PQstatus (conn))
    {
    case CONNECTION_SSL_STARTUP:
    case CONNECTION_GSS_STARTUP:
      return STAGE_TLS;
    case CONNECTION_AWAITING_RESPONSE:
      return STAGE_AUTHENTICATING;
    case CONNECTION_AUTH_OK:
    case CONNECTION_SETENV:
    case CONNECTION_CHECK_WRITABLE:
    case CONNECTION_CHECK_TARGET:
    case CONNECTION_CHECK_STANDBY:
    case CONNECTION_CONSUME:
    case CONNECTION_OK:
      return STAGE_AUTHENTICATED;
    case CONNECTION_STARTED:
    case CONNECTION_MADE:
    case CONNECTION_NEEDED:
    case CONNECTION_BAD:
    default:
      return STAGE_CONNECTING;
    }
}

/* The SQLSTATE in a verbose connection error ("FATAL:  28P01: ..."),
 * whatever language the severity is in. */
static gboolean
find_sqlstate (const char *message,
               char        state[6])
{
  for (const char *p = strstr (message, ":  "); p != NULL; p = strstr (p + 1, ":  "))
    {
      const char *s = p + 3;
      gboolean valid = TRUE;

      for (int i = 0; i < 5 && valid; i++)
        valid = g_ascii_isdigit (s[i]) || g_ascii_isupper (s[i]);
      if (valid && s[5] == ':')
        {
          memcpy (state, s, 5);
          state[5] = '\0';
          return TRUE;
        }
    }
  return FALSE;
}

/* The server's or libpq's words without the code and source location
 * that the verbose form adds. */
static char *
plain_message (const char *message)
{
  g_auto(GStrv) lines = g_strsplit (message, "\n", -1);
  GString *out = g_string_new (NULL);
  char state[6];

  for (guint i = 0; lines[i] != NULL; i++)
    {
      char *line = g_strstrip (lines[i]);

      if (line[0] == '\0' || g_str_has_prefix (line, "LOCATION:"))
        continue;
      if (find_sqlstate (line, state))
        {
          char *code = strstr (line, state);

          memmove (code, code + 7, strlen (code + 7) + 1);
        }
      if (out->len > 0)
        g_string_append_c (out, ' ');
      g_string_append (out, line);
    }
  return g_string_free (out, FALSE);
}

static void
set_connect_error (PGconn  *conn,
                   Stage    stage,
                   GError **error)
{
  const char *raw = PQerrorMessage (conn);
  g_autofree char *message = plain_message (raw);
  char state[6] = "";
  SignetDbPgError code;

  find_sqlstate (raw, state);
  if (g_str_equal (state, "28P01") || g_str_equal (state, "28000")
      || PQconnectionNeedsPassword (conn))
    code = SIGNET_DB_PG_ERROR_AUTHENTICATION;
  else if (g_str_equal (state, "3D000"))
    code = SIGNET_DB_PG_ERROR_NO_DATABASE;
  else if (state[0] != '\0')
    code = SIGNET_DB_PG_ERROR_FAILED;
  else if (stage == STAGE_CONNECTING)
    code = SIGNET_DB_PG_ERROR_UNREACHABLE;
  else if (stage == STAGE_TLS)
    code = SIGNET_DB_PG_ERROR_CERTIFICATE;
  else
    code = SIGNET_DB_PG_ERROR_FAILED;

  switch (code)
    {
    case SIGNET_DB_PG_ERROR_AUTHENTICATION:
      g_set_error (error, SIGNET_DB_PG_ERROR, code,
                   _("The server did not accept this user name and password. The server said: %s"),
                   message);
      break;
    case SIGNET_DB_PG_ERROR_UNREACHABLE:
      g_set_error (error, SIGNET_DB_PG_ERROR, code,
                   _("The server could not be reached. Check the server's name and port, and that it is running. The error was: %s"),
                   message);
      break;
    case SIGNET_DB_PG_ERROR_CERTIFICATE:
      g_set_error (error, SIGNET_DB_PG_ERROR, code,
                   _("The server's identity could not be verified, so Signet did not connect: its certificate is not for this server name or is not signed by a trusted authority. The error was: %s"),
                   message);
      break;
    case SIGNET_DB_PG_ERROR_NO_DATABASE:
      g_set_error (error, SIGNET_DB_PG_ERROR, code,
                   _("The server has no register of this name. Check the database name. The server said: %s"),
                   message);
      break;
    case SIGNET_DB_PG_ERROR_FAILED:
    default:
      g_set_error (error, SIGNET_DB_PG_ERROR, code,
                   _("Could not connect to the team register. The error was: %s"),
                   message);
      break;
    }
}

/* Drives a connection attempt (@poll is PQconnectPoll or PQresetPoll)
 * to its end, noting how far it got. */
static gboolean
complete_connection (PGconn                      *conn,
                     PostgresPollingStatusType  (*poll_func) (PGconn *),
                     GError                     **error)
{
  PostgresPollingStatusType status = PGRES_POLLING_WRITING;
  PQconninfoOption *options = PQconninfo (conn);
  gint64 timeout = 10;
  gint64 deadline;
  Stage stage = STAGE_CONNECTING;

  for (PQconninfoOption *option = options; option != NULL && option->keyword != NULL; option++)
    if (g_str_equal (option->keyword, "connect_timeout") && option->val != NULL
        && atoi (option->val) > 0)
      timeout = MAX (atoi (option->val), 2);
  PQconninfoFree (options);
  deadline = g_get_monotonic_time () + timeout * G_USEC_PER_SEC;

  /* Verbose errors carry the server's SQLSTATE. */
  PQsetErrorVerbosity (conn, PQERRORS_VERBOSE);

  while (PQstatus (conn) != CONNECTION_BAD
         && status != PGRES_POLLING_OK && status != PGRES_POLLING_FAILED)
    {
      struct pollfd fd = { .fd = PQsocket (conn) };
      gint64 left = deadline - g_get_monotonic_time ();
      int ready;

      stage = MAX (stage, stage_of (conn));
      if (status == PGRES_POLLING_READING)
        fd.events = POLLIN;
      else if (status == PGRES_POLLING_WRITING)
        fd.events = POLLOUT;
      if (fd.events != 0 && fd.fd >= 0)
        {
          if (left <= 0)
            {
              g_set_error (error, SIGNET_DB_PG_ERROR, SIGNET_DB_PG_ERROR_UNREACHABLE,
                           _("The server could not be reached. Check the server's name and port, and that it is running. The error was: %s"),
                           _("no answer in time"));
              return FALSE;
            }
          ready = poll (&fd, 1, (int) MIN (left / 1000 + 1, G_MAXINT));
          if (ready < 0 && errno == EINTR)
            continue;
        }
      status = poll_func (conn);
    }

  PQsetErrorVerbosity (conn, PQERRORS_DEFAULT);
  if (status == PGRES_POLLING_OK && PQstatus (conn) == CONNECTION_OK)
    return TRUE;

  set_connect_error (conn, stage, error);
  return FALSE;
}

SignetDb *
signet_db_pg_open (const char  *conninfo,
                   GError     **error)
{
  SignetDbPg *self;
  PGconn *conn;

  g_return_val_if_fail (conninfo != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  conn = PQconnectStart (conninfo);
  if (conn == NULL)
    {
      g_set_error (error, SIGNET_DB_PG_ERROR, SIGNET_DB_PG_ERROR_FAILED,
                   _("Could not connect to the team register. The error was: %s"),
                   g_strerror (ENOMEM));
      return NULL;
    }
  if (!complete_connection (conn, PQconnectPoll, error))
    {
      PQfinish (conn);
      return NULL;
    }

  self = g_new0 (SignetDbPg, 1);
  self->parent.engine = &pg_engine;
  self->parent.dialect = SIGNET_DB_DIALECT_POSTGRESQL;
  self->conn = conn;
  PQsetNoticeProcessor (conn, notice_received_cb, NULL);
  self->to_close = g_ptr_array_new_with_free_func (g_free);
  return &self->parent;
}

gboolean
signet_db_is_pg (SignetDb *db)
{
  g_return_val_if_fail (db != NULL, FALSE);

  return db->engine == &pg_engine;
}

int
signet_db_pg_listen (SignetDb   *db,
                     const char *channel)
{
  SignetDbPg *self = (SignetDbPg *) db;
  g_autofree char *sql = NULL;
  char *quoted;

  g_return_val_if_fail (signet_db_is_pg (db), SIGNET_DB_ERROR);
  g_return_val_if_fail (channel != NULL, SIGNET_DB_ERROR);

  quoted = PQescapeIdentifier (self->conn, channel, strlen (channel));
  if (quoted == NULL)
    return set_error_from_result (self, NULL);
  sql = g_strconcat ("LISTEN ", quoted, NULL);
  PQfreemem (quoted);
  return pg_exec (db, sql);
}

int
signet_db_pg_get_socket (SignetDb *db)
{
  g_return_val_if_fail (signet_db_is_pg (db), -1);

  return PQsocket (((SignetDbPg *) db)->conn);
}

gboolean
signet_db_pg_next_notification (SignetDb  *db,
                                char     **channel,
                                char     **payload)
{
  SignetDbPg *self = (SignetDbPg *) db;
  PGnotify *notify;

  g_return_val_if_fail (signet_db_is_pg (db), FALSE);

  if (PQstatus (self->conn) == CONNECTION_BAD || !PQconsumeInput (self->conn))
    return FALSE;
  notify = PQnotifies (self->conn);
  if (notify == NULL)
    return FALSE;
  if (channel != NULL)
    *channel = g_strdup (notify->relname);
  if (payload != NULL)
    *payload = g_strdup (notify->extra);
  PQfreemem (notify);
  return TRUE;
}

gboolean
signet_db_pg_is_lost (SignetDb *db)
{
  g_return_val_if_fail (signet_db_is_pg (db), TRUE);

  return PQstatus (((SignetDbPg *) db)->conn) == CONNECTION_BAD;
}

gboolean
signet_db_pg_reconnect (SignetDb  *db,
                        GError   **error)
{
  SignetDbPg *self = (SignetDbPg *) db;

  g_return_val_if_fail (signet_db_is_pg (db), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* Rows still streaming end with the connection's error. */
  spill_stream (self);
  self->in_pipeline = FALSE;

  /* Whatever happens, the statements prepared so far are gone. */
  self->generation++;
  g_ptr_array_set_size (self->to_close, 0);
  self->insert_pending = FALSE;

  if (!PQresetStart (self->conn))
    {
      set_connect_error (self->conn, STAGE_CONNECTING, error);
      return FALSE;
    }
  if (!complete_connection (self->conn, PQresetPoll, error))
    return FALSE;
  set_ok (self);
  return TRUE;
}

int
signet_db_pg_get_server_version (SignetDb *db)
{
  g_return_val_if_fail (signet_db_is_pg (db), 0);

  return PQserverVersion (((SignetDbPg *) db)->conn);
}

const char *
signet_db_pg_get_user (SignetDb *db)
{
  g_return_val_if_fail (signet_db_is_pg (db), NULL);

  return PQuser (((SignetDbPg *) db)->conn);
}
