/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "signet-db-pg"

#include "config.h"

#include <string.h>

#include "signet-db-pg-private.h"

/* The PostgreSQL engine's statements: prepared on the server at their
 * first step, once for each set of parameter kinds they are bound with;
 * their rows read in chunks; their columns read as SQLite gives them. */

/* Type OIDs of the built-in types (pg_type.dat; they never change). */
#define BOOLOID    16
#define BYTEAOID   17
#define TEXTOID    25
#define INT8OID    20
#define INT2OID    21
#define INT4OID    23
#define OIDOID     26
#define FLOAT4OID  700
#define FLOAT8OID  701
#define NUMERICOID 1700

typedef struct
{
  SignetDbValue parent;
  SignetDbType  type;
  gint64        integer;
  double        real;
  /* The text or blob, or the number written out; NUL-terminated. */
  char         *data;
  gsize         size;
} SignetDbPgValue;

static void
param_clear (Param *param)
{
  g_clear_pointer (&param->owned, g_free);
  param->kind = KIND_NULL;
  param->data = NULL;
  param->length = 0;
}

/* Drops what is left of the rows of @stmt, as reset does. */
static void
discard_stream (SignetDbPgStmt *stmt)
{
  SignetDbPg *self = (SignetDbPg *) stmt->parent.db;

  if (self->streaming == stmt)
    {
      self->streaming = NULL;
      PQclear (_signet_db_pg_pipeline_end (self));
    }
  g_queue_clear_full (&stmt->queued, (GDestroyNotify) PQclear);
}

/* An INSERT with no RETURNING (a RETURNING anywhere in it, a string's
 * included, counts): it gives no rows, and lastval() its id. */
static gboolean
inserts_without_rows (const char *sql)
{
  g_autofree char *upper = NULL;

  while (g_ascii_isspace (*sql))
    sql++;
  if (g_ascii_strncasecmp (sql, "INSERT", 6) != 0 || g_ascii_isalnum (sql[6]) || sql[6] == '_')
    return FALSE;
  upper = g_ascii_strup (sql, -1);
  return strstr (upper, "RETURNING") == NULL;
}

int
_signet_db_pg_prepare (SignetDb      *db,
                       const char    *sql,
                       gboolean       persistent,
                       SignetDbStmt **out)
{
  SignetDbPg *self = (SignetDbPg *) db;
  g_autoptr(GArray) numbers = g_array_new (FALSE, FALSE, sizeof (int));
  SignetDbPgStmt *stmt;
  g_autofree char *rewritten = NULL;
  gboolean transaction_control;
  int n_params;

  rewritten = _signet_db_pg_rewrite_sql (sql, numbers, &n_params, &transaction_control);
  for (guint i = 0; i < numbers->len; i++)
    if (g_array_index (numbers, int, i) < 1 || g_array_index (numbers, int, i) > G_MAXUINT16)
      {
        /* SQLite's words for it. */
        _signet_db_pg_set_error (self, SIGNET_DB_ERROR,
                                 "variable number must be between ?1 and ?65535");
        return SIGNET_DB_ERROR;
      }

  stmt = g_new0 (SignetDbPgStmt, 1);
  stmt->parent.db = db;
  stmt->sql = g_steal_pointer (&rewritten);
  stmt->n_params = n_params;
  stmt->transaction_control = transaction_control;
  stmt->inserts = inserts_without_rows (stmt->sql);
  stmt->used = g_new0 (gboolean, MAX (n_params, 1));
  for (guint i = 0; i < numbers->len; i++)
    stmt->used[g_array_index (numbers, int, i) - 1] = TRUE;
  stmt->persistent = persistent;
  stmt->id = ++self->next_statement;
  stmt->params = g_new0 (Param, MAX (stmt->n_params, 1));
  for (int i = 0; i < stmt->n_params; i++)
    stmt->params[i].kind = KIND_NULL;
  stmt->prepared = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  stmt->generation = self->generation;
  stmt->row = -1;
  *out = &stmt->parent;
  _signet_db_pg_set_ok (self);
  return SIGNET_DB_OK;
}

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

/* Drops the statement's server-side forms; they are closed with the
 * connection's next command. */
static void
forget_prepared (SignetDbPgStmt *stmt)
{
  SignetDbPg *self = (SignetDbPg *) stmt->parent.db;

  if (stmt->generation == self->generation)
    {
      GHashTableIter iter;
      gpointer name;

      g_hash_table_iter_init (&iter, stmt->prepared);
      while (g_hash_table_iter_next (&iter, NULL, &name))
        g_ptr_array_add (self->to_close, g_strdup (name));
    }
  g_hash_table_remove_all (stmt->prepared);
}

void
_signet_db_pg_finalize (SignetDbStmt *base)
{
  SignetDbPgStmt *stmt = (SignetDbPgStmt *) base;

  stmt_drop_result (stmt);
  forget_prepared (stmt);
  g_hash_table_unref (stmt->prepared);
  for (int i = 0; i < stmt->n_params; i++)
    param_clear (&stmt->params[i]);
  g_free (stmt->params);
  g_free (stmt->used);
  g_clear_pointer (&stmt->description, PQclear);
  g_free (stmt->sql);
  g_free (stmt);
}

static gboolean
has_numbers (SignetDbPgStmt *stmt)
{
  for (int i = 0; i < stmt->n_params; i++)
    if (stmt->params[i].kind == KIND_INT || stmt->params[i].kind == KIND_FLOAT)
      return TRUE;
  return FALSE;
}

/* No function or operator for these types, or a type that does not fit. */
static gboolean
is_type_error (const char *state)
{
  return g_str_equal (state, "42883") || g_str_equal (state, "42804")
         || g_str_equal (state, "42725");
}

/* Runs @stmt with its bindings; or with @describe, only prepares it and
 * learns its columns, as SQLite knows them before the first step. */
static int
stmt_execute (SignetDbPgStmt *stmt,
              gboolean        describe)
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
        case KIND_INT: types[i] = stmt->numbers_untyped ? 0 : INT8OID; break;
        case KIND_FLOAT: types[i] = stmt->numbers_untyped ? 0 : FLOAT8OID; break;
        case KIND_BLOB: types[i] = BYTEAOID; formats[i] = 1; break;
        case KIND_TEXT:
        case KIND_NULL:
        default: types[i] = stmt->texts_typed ? TEXTOID : 0; break;
        }
      /* The server cannot tell the type of a parameter it never sees. */
      if (!stmt->used[i])
        {
          types[i] = TEXTOID;
          values[i] = NULL;
          formats[i] = 0;
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
  else if (describe)
    {
      /* The unnamed statement: the step that follows parses it again. */
      command.name = "";
      command.prepare = TRUE;
    }
  command.describe = describe;
  command.inserts = stmt->inserts;

  rc = _signet_db_pg_run (self, &command, !stmt->transaction_control, !describe, &res,
                          command.prepare ? &prepared : NULL);
  if (prepared && new_name != NULL)
    g_hash_table_insert (stmt->prepared, g_steal_pointer (&kinds), g_steal_pointer (&new_name));

  /* SQLite takes a number wherever the SQL has a ?, the server only where
   * its type fits: substr (text, integer) has no bigint form, and no text
   * column equals a bigint. Once the typed numbers fail so, they go with
   * no type, as a quoted literal would, which the server then reads as
   * what the SQL around wants. A failed statement changed nothing, so
   * running it again is safe. */
  if (rc != SIGNET_DB_OK && !stmt->numbers_untyped && has_numbers (stmt)
      && is_type_error (self->sqlstate))
    {
      stmt->numbers_untyped = TRUE;
      forget_prepared (stmt);
      return stmt_execute (stmt, describe);
    }
  /* Where nothing around a text or a NULL says its type ("? IS NULL"),
   * it is text, as SQLite would keep it. */
  if (rc != SIGNET_DB_OK && !stmt->texts_typed && g_str_equal (self->sqlstate, "42P18"))
    {
      stmt->texts_typed = TRUE;
      forget_prepared (stmt);
      return stmt_execute (stmt, describe);
    }
  if (rc != SIGNET_DB_OK)
    return rc;

  if (describe)
    {
      g_clear_pointer (&stmt->description, PQclear);
      stmt->description = res;
      return SIGNET_DB_OK;
    }

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
      res = _signet_db_pg_pipeline_next (self);
      if (res != NULL && self->index != self->main_index)
        g_clear_pointer (&res, PQclear);
      if (res == NULL || PQresultStatus (res) != PGRES_TUPLES_CHUNK)
        {
          PGresult *error_result;

          /* The rows are all read: what is left is the savepoint's
           * release and the sync, unless the connection went. */
          self->streaming = NULL;
          error_result = _signet_db_pg_pipeline_end (self);
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
        _signet_db_pg_note_command (self, res);
      stmt->result = res;
      return SIGNET_DB_OK;
    case PGRES_FATAL_ERROR:
    default:
      rc = _signet_db_pg_set_error_from_result (self, res);
      PQclear (res);
      discard_stream (stmt);
      g_clear_pointer (&stmt->blobs, g_free);
      stmt->n_blobs = 0;
      stmt->row = -1;
      return rc;
    }
}

int
_signet_db_pg_step (SignetDbStmt *base)
{
  SignetDbPgStmt *stmt = (SignetDbPgStmt *) base;

  stmt->last_rc = SIGNET_DB_OK;
  if (stmt->result == NULL)
    {
      int rc = stmt_execute (stmt, FALSE);

      /* As sqlite3_step(): the primary code; errcode has the rest. */
      if (rc != SIGNET_DB_OK)
        return stmt->last_rc = rc & 0xff;
    }
  else if (stmt->row >= PQntuples (stmt->result) && !stmt_has_more (stmt))
    {
      /* Stepping past the end runs it again, as SQLite does. */
      stmt_drop_result (stmt);
      return _signet_db_pg_step (base);
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

int
_signet_db_pg_reset (SignetDbStmt *base)
{
  SignetDbPgStmt *stmt = (SignetDbPgStmt *) base;
  int rc = stmt->last_rc;

  /* As sqlite3_reset(): the failed step's code, if the last one failed. */
  stmt_drop_result (stmt);
  stmt->last_rc = SIGNET_DB_OK;
  return rc;
}

void
_signet_db_pg_clear_bindings (SignetDbStmt *base)
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
      _signet_db_pg_set_error (self, SIGNET_DB_ERROR, "column index out of range");
      return NULL;
    }
  param_clear (&stmt->params[index - 1]);
  return &stmt->params[index - 1];
}

int
_signet_db_pg_bind_int64 (SignetDbStmt *base,
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

int
_signet_db_pg_bind_double (SignetDbStmt *base,
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

int
_signet_db_pg_bind_null (SignetDbStmt *base,
                         int           index)
{
  return get_param ((SignetDbPgStmt *) base, index) != NULL ? SIGNET_DB_OK : SIGNET_DB_ERROR;
}

int
_signet_db_pg_bind_text (SignetDbStmt *base,
                         int           index,
                         const char   *text,
                         gssize        length,
                         gboolean      copy)
{
  Param *param = get_param ((SignetDbPgStmt *) base, index);

  if (param == NULL)
    return SIGNET_DB_ERROR;
  param->kind = KIND_TEXT;
  /* Text goes in text format, which the server reads up to a NUL: a
   * length means a copy that ends there. */
  if (length >= 0)
    copy = TRUE;
  if (copy)
    param->data = param->owned = length >= 0 ? g_strndup (text, length) : g_strdup (text);
  else
    param->data = text;
  return SIGNET_DB_OK;
}

int
_signet_db_pg_bind_blob (SignetDbStmt  *base,
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
      _signet_db_pg_set_error ((SignetDbPg *) base->db, SIGNET_DB_ERROR, "string or blob too big");
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

int
_signet_db_pg_bind_value (SignetDbStmt        *base,
                          int                  index,
                          const SignetDbValue *value)
{
  const SignetDbPgValue *self = (const SignetDbPgValue *) value;

  if (value->engine != base->db->engine)
    {
      _signet_db_pg_set_error ((SignetDbPg *) base->db, SIGNET_DB_MISMATCH,
                               "a value read from another engine's connection");
      return SIGNET_DB_MISMATCH;
    }

  switch (self->type)
    {
    case SIGNET_DB_INTEGER:
      return _signet_db_pg_bind_int64 (base, index, self->integer);
    case SIGNET_DB_FLOAT:
      return _signet_db_pg_bind_double (base, index, self->real);
    case SIGNET_DB_TEXT:
      return _signet_db_pg_bind_text (base, index, self->data, self->size, TRUE);
    case SIGNET_DB_BLOB:
      return _signet_db_pg_bind_blob (base, index, self->data, self->size, TRUE);
    case SIGNET_DB_NULL:
    default:
      return _signet_db_pg_bind_null (base, index);
    }
}

int
_signet_db_pg_bind_parameter_count (SignetDbStmt *base)
{
  return ((SignetDbPgStmt *) base)->n_params;
}

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

/* The statement's columns: from its rows once it has run, else from the
 * server's description of it (one round trip, once). */
static PGresult *
get_columns (SignetDbPgStmt *stmt)
{
  if (stmt->result != NULL)
    return stmt->result;
  if (stmt->description == NULL)
    stmt_execute (stmt, TRUE);
  return stmt->description;
}

int
_signet_db_pg_column_count (SignetDbStmt *base)
{
  PGresult *columns = get_columns ((SignetDbPgStmt *) base);

  return columns != NULL ? PQnfields (columns) : 0;
}

const char *
_signet_db_pg_column_name (SignetDbStmt *base,
                           int           column)
{
  PGresult *columns = get_columns ((SignetDbPgStmt *) base);

  if (columns == NULL || column < 0 || column >= PQnfields (columns))
    return NULL;
  return PQfname (columns, column);
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

SignetDbType
_signet_db_pg_column_type (SignetDbStmt *base,
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

gint64
_signet_db_pg_column_int64 (SignetDbStmt *base,
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

double
_signet_db_pg_column_double (SignetDbStmt *base,
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

const char *
_signet_db_pg_column_text (SignetDbStmt *base,
                           int           column)
{
  SignetDbPgStmt *stmt = (SignetDbPgStmt *) base;

  if (is_null (stmt, column))
    return NULL;
  if (PQftype (stmt->result, column) == BYTEAOID)
    return g_bytes_get_data (get_blob (stmt, column), NULL);
  return PQgetvalue (stmt->result, stmt->row, column);
}

gconstpointer
_signet_db_pg_column_blob (SignetDbStmt *base,
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

int
_signet_db_pg_column_bytes (SignetDbStmt *base,
                            int           column)
{
  SignetDbPgStmt *stmt = (SignetDbPgStmt *) base;

  if (is_null (stmt, column))
    return 0;
  if (PQftype (stmt->result, column) == BYTEAOID)
    return (int) g_bytes_get_size (get_blob (stmt, column));
  return PQgetlength (stmt->result, stmt->row, column);
}

SignetDbValue *
_signet_db_pg_column_value_dup (SignetDbStmt *base,
                                int           column)
{
  SignetDbPgValue *value = g_new0 (SignetDbPgValue, 1);
  gconstpointer data = NULL;

  value->parent.engine = base->db->engine;
  value->type = _signet_db_pg_column_type (base, column);
  switch (value->type)
    {
    case SIGNET_DB_INTEGER:
      value->integer = _signet_db_pg_column_int64 (base, column);
      value->data = g_strdup_printf ("%" G_GINT64_FORMAT, value->integer);
      value->size = strlen (value->data);
      break;
    case SIGNET_DB_FLOAT:
      value->real = _signet_db_pg_column_double (base, column);
      value->data = g_malloc (G_ASCII_DTOSTR_BUF_SIZE);
      g_ascii_dtostr (value->data, G_ASCII_DTOSTR_BUF_SIZE, value->real);
      value->size = strlen (value->data);
      break;
    case SIGNET_DB_TEXT:
    case SIGNET_DB_BLOB:
      value->size = _signet_db_pg_column_bytes (base, column);
      value->data = g_malloc (value->size + 1);
      if (value->type == SIGNET_DB_TEXT)
        data = _signet_db_pg_column_text (base, column);
      else
        data = _signet_db_pg_column_blob (base, column);
      if (value->size > 0)
        memcpy (value->data, data, value->size);
      value->data[value->size] = '\0';
      break;
    case SIGNET_DB_NULL:
    default:
      break;
    }
  return &value->parent;
}

/* As sqlite3_value_text(): numbers written out, a blob's bytes. */
const char *
_signet_db_pg_value_text (const SignetDbValue *base)
{
  return ((const SignetDbPgValue *) base)->data;
}

void
_signet_db_pg_value_free (SignetDbValue *base)
{
  SignetDbPgValue *value = (SignetDbPgValue *) base;

  g_free (value->data);
  g_free (value);
}
