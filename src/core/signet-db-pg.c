/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "signet-db-pg"

#include "config.h"

#include <errno.h>
#include <string.h>

#include <glib/gi18n.h>

#include "signet-db-pg-private.h"

/* The PostgreSQL engine of signet-db.h: the connection, the errors of its
 * commands, and the pipeline each statement runs in (see signet-db-pg.h). */

G_DEFINE_QUARK (signet-db-pg-error-quark, signet_db_pg_error)

void
_signet_db_pg_set_error (SignetDbPg *self,
                         int         code,
                         const char *message)
{
  self->errcode = code;
  self->sqlstate[0] = '\0';
  g_free (self->errmsg);
  self->errmsg = g_strdup (message != NULL ? message : signet_db_errstr (code));
}

void
_signet_db_pg_set_ok (SignetDbPg *self)
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
  if (g_str_equal (state, "SGA01"))
    return SIGNET_DB_AUTH_APPROVER;
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
int
_signet_db_pg_set_error_from_result (SignetDbPg     *self,
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
      _signet_db_pg_set_error (self, SIGNET_DB_IOERR, message);
      return SIGNET_DB_IOERR;
    }

  if (res != NULL)
    {
      const char *state = PQresultErrorField (res, PG_DIAG_SQLSTATE);

      primary = PQresultErrorField (res, PG_DIAG_MESSAGE_PRIMARY);
      detail = PQresultErrorField (res, PG_DIAG_MESSAGE_DETAIL);
      code = code_for_sqlstate (state);
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
      _signet_db_pg_set_error (self, code, message[0] != '\0' ? message : NULL);
    }
  else if (detail != NULL)
    {
      g_autofree char *message = g_strdup_printf ("%s (%s)", primary, detail);
      _signet_db_pg_set_error (self, code, message);
    }
  else
    _signet_db_pg_set_error (self, code, primary);
  if (res != NULL && PQresultErrorField (res, PG_DIAG_SQLSTATE) != NULL)
    g_strlcpy (self->sqlstate, PQresultErrorField (res, PG_DIAG_SQLSTATE), sizeof self->sqlstate);
  return code;
}

static gboolean
command_changes_rows (const char *status)
{
  return g_str_has_prefix (status, "INSERT ") || g_str_has_prefix (status, "UPDATE ")
         || g_str_has_prefix (status, "DELETE ") || g_str_has_prefix (status, "MERGE ");
}

/* Counts the rows a successful command changed, as SQLite's changes(). */
void
_signet_db_pg_note_command (SignetDbPg     *self,
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
  _signet_db_pg_set_error_from_result (self, NULL);
  return TRUE;
}

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
PGresult *
_signet_db_pg_pipeline_next (SignetDbPg *self)
{
  PGconn *conn = self->conn;

  while (self->in_pipeline)
    {
      PGresult *res;

      /* An aborted pipeline's commands bring no rows to read. */
      if (self->index == self->main_index && !self->chunked
          && PQpipelineStatus (conn) != PQ_PIPELINE_ABORTED)
        {
          self->chunked = TRUE;
          if (!PQsetChunkedRowsMode (conn, CHUNK_ROWS))
            {
              /* Refused, too, when the commands could not be sent: the
               * server went away, which libpq learns on reading. */
              PQconsumeInput (conn);
              if (PQstatus (conn) != CONNECTION_BAD)
                g_warning ("The rows of a statement come whole: chunked mode was refused");
            }
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
PGresult *
_signet_db_pg_pipeline_end (SignetDbPg *self)
{
  PGresult *error_result = NULL;
  PGresult *res;

  while ((res = _signet_db_pg_pipeline_next (self)) != NULL)
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

  while ((res = _signet_db_pg_pipeline_next (self)) != NULL)
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
  PQclear (_signet_db_pg_pipeline_end (self));
}

/* Sends @command in one round trip, under a savepoint when a transaction
 * is open and @protect (so that its failure undoes only itself, as in
 * SQLite), and returns its result in *@out. With @stream, a result with
 * rows comes as its first chunk, and the pipeline stays open for the rest
 * (the caller marks its statement as self->streaming). *@prepared says
 * whether the statement was prepared, when it was asked to be. */
int
_signet_db_pg_run (SignetDbPg    *self,
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
  int lastval_index = -1;
  gint64 lastval = 0;
  gboolean have_lastval = FALSE;
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
    return _signet_db_pg_set_error_from_result (self, NULL);

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
  if (command->describe)
    sent = sent && PQsendDescribePrepared (conn, command->name);
  else if (command->name != NULL)
    sent = sent && PQsendQueryPrepared (conn, command->name, command->n_params,
                                        command->values, command->lengths,
                                        command->formats, 0);
  else
    sent = sent && PQsendQueryParams (conn, command->sql, command->n_params,
                                      command->types, command->values,
                                      command->lengths, command->formats, 0);
  self->main_index = self->n_commands++;
  /* The id an INSERT gives, in its round trip rather than one more when
   * the caller asks for it; under its savepoint, so that the INSERT is
   * undone should lastval() fail after all. */
  if (command->inserts && !command->describe && self->lastval_defined)
    {
      sent = sent && PQsendQueryParams (conn, "SELECT lastval()", 0, NULL, NULL, NULL, NULL, 0);
      lastval_index = self->n_commands++;
    }
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

  while ((res = _signet_db_pg_pipeline_next (self)) != NULL)
    {
      ExecStatusType status = PQresultStatus (res);

      if (self->index == prepare_index && prepared != NULL)
        *prepared = status == PGRES_COMMAND_OK;
      if (status == PGRES_FATAL_ERROR && error_result == NULL)
        error_result = res;
      else if (self->index == lastval_index && status == PGRES_TUPLES_OK && PQntuples (res) == 1)
        {
          lastval = g_ascii_strtoll (PQgetvalue (res, 0, 0), NULL, 10);
          have_lastval = TRUE;
          PQclear (res);
        }
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
      _signet_db_pg_set_ok (self);
      *out = main_result;
      return SIGNET_DB_OK;
    }

  res = _signet_db_pg_pipeline_end (self);
  if (error_result == NULL)
    error_result = res;
  else
    PQclear (res);

  if (error_result != NULL || main_result == NULL)
    {
      rc = _signet_db_pg_set_error_from_result (self, error_result);
      PQclear (error_result);
      PQclear (main_result);
      return rc;
    }

  _signet_db_pg_note_command (self, main_result);
  if (have_lastval && self->insert_pending)
    {
      self->last_insert_id = lastval;
      self->insert_pending = FALSE;
    }
  _signet_db_pg_set_ok (self);
  *out = main_result;
  return SIGNET_DB_OK;
}

/* The engine's connection calls */

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
  rewritten = _signet_db_pg_rewrite_sql (sql, NULL, &n_params, &transaction_control);
  protect = !transaction_control && PQtransactionStatus (self->conn) == PQTRANS_INTRANS;
  if (protect)
    wrapped = g_strconcat ("SAVEPOINT " STATEMENT_SAVEPOINT ";", sql,
                           "\n;RELEASE SAVEPOINT " STATEMENT_SAVEPOINT, NULL);

  if (!PQsendQuery (self->conn, protect ? wrapped : sql))
    return _signet_db_pg_set_error_from_result (self, NULL);

  while ((res = PQgetResult (self->conn)) != NULL)
    {
      ExecStatusType status = PQresultStatus (res);

      if (status == PGRES_FATAL_ERROR)
        {
          if (error_result == NULL)
            error_result = g_steal_pointer (&res);
        }
      else if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK)
        _signet_db_pg_note_command (self, res);
      PQclear (res);
    }

  if (error_result != NULL || PQstatus (self->conn) == CONNECTION_BAD)
    {
      int rc = _signet_db_pg_set_error_from_result (self, error_result);

      if (protect && PQstatus (self->conn) != CONNECTION_BAD)
        rollback_statement (self);
      PQclear (error_result);
      /* As sqlite3_exec(): the primary code; errcode has the rest. */
      return rc & 0xff;
    }

  _signet_db_pg_set_ok (self);
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

  if (_signet_db_pg_run (self, &command, TRUE, FALSE, &res, NULL) == SIGNET_DB_OK
                         && PQntuples (res) == 1)
    {
      self->last_insert_id = g_ascii_strtoll (PQgetvalue (res, 0, 0), NULL, 10);
      self->insert_pending = FALSE;
      self->lastval_defined = TRUE;
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

static const SignetDbEngine pg_engine = {
  .close = pg_close,
  .exec = pg_exec,
  .prepare = _signet_db_pg_prepare,
  .errcode = pg_errcode,
  .errmsg = pg_errmsg,
  .changes = pg_changes,
  .total_changes = pg_total_changes,
  .last_insert_id = pg_last_insert_id,
  .in_transaction = pg_in_transaction,
  .finalize = _signet_db_pg_finalize,
  .step = _signet_db_pg_step,
  .reset = _signet_db_pg_reset,
  .clear_bindings = _signet_db_pg_clear_bindings,
  .bind_int64 = _signet_db_pg_bind_int64,
  .bind_double = _signet_db_pg_bind_double,
  .bind_null = _signet_db_pg_bind_null,
  .bind_text = _signet_db_pg_bind_text,
  .bind_blob = _signet_db_pg_bind_blob,
  .bind_value = _signet_db_pg_bind_value,
  .bind_parameter_count = _signet_db_pg_bind_parameter_count,
  .column_count = _signet_db_pg_column_count,
  .column_name = _signet_db_pg_column_name,
  .column_type = _signet_db_pg_column_type,
  .column_int64 = _signet_db_pg_column_int64,
  .column_double = _signet_db_pg_column_double,
  .column_text = _signet_db_pg_column_text,
  .column_blob = _signet_db_pg_column_blob,
  .column_bytes = _signet_db_pg_column_bytes,
  .column_value_dup = _signet_db_pg_column_value_dup,
  .value_text = _signet_db_pg_value_text,
  .value_free = _signet_db_pg_value_free,
};

/* Public calls */

/* The server's warnings and notices go to the debug log, not to stderr. */
static void
notice_received_cb (void       *data,
                    const char *message)
{
  g_debug ("%s", message);
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
  if (!_signet_db_pg_complete_connection (conn, PQconnectPoll, error))
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
    return _signet_db_pg_set_error_from_result (self, NULL);
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
  self->lastval_defined = FALSE;

  /* A failed start leaves the connection bad, which the next call reports. */
  PQresetStart (self->conn);
  if (!_signet_db_pg_complete_connection (self->conn, PQresetPoll, error))
    return FALSE;
  _signet_db_pg_set_ok (self);
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
