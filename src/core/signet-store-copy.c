/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "signet-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "signet-store-copy.h"
#include "signet-store-private.h"

/* A one-person register moved to a team server: every row of every table,
 * attachments' bytes included, in one transaction on the server, so that
 * a failure half-way leaves the server as it was. The two schemas match
 * table by table and column by column (test-pg-schema keeps them so): rows
 * are copied as they are, their ids too, so that every reference between
 * them holds. Parents come before their children, in the order of the
 * foreign keys, since the server checks each row as it comes. */

typedef struct
{
  char      *name;
  GPtrArray *columns;    /* column names, in the table's order */
  GPtrArray *parents;    /* names of the tables its foreign keys name */
  gboolean   placed;
} Table;

static void
table_free (Table *table)
{
  g_free (table->name);
  g_ptr_array_unref (table->columns);
  g_ptr_array_unref (table->parents);
  g_free (table);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Table, table_free)

static gboolean
db_error (SignetDb    *db,
          const char  *what,
          GError     **error)
{
  /* Translators: the first %s is a table's name, the second the database's reason. */
  g_set_error (error, SIGNET_STORE_ERROR, SIGNET_STORE_ERROR_FAILED,
               _("Could not copy the table “%s”: %s"), what, signet_db_errmsg (db));
  return FALSE;
}

/* The names @sql lists in its column @column. */
static GPtrArray *
read_names (SignetDb    *db,
            const char  *sql,
            int          column,
            GError     **error)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  SignetDbStmt *stmt = NULL;
  int rc;

  if (signet_db_prepare (db, sql, FALSE, &stmt) != SIGNET_DB_OK)
    {
      db_error (db, sql, error);
      return NULL;
    }

  while ((rc = signet_db_step (stmt)) == SIGNET_DB_ROW)
    {
      const char *name = signet_db_column_text (stmt, column);

      if (name != NULL && !g_ptr_array_find_with_equal_func (names, name, g_str_equal, NULL))
        g_ptr_array_add (names, g_strdup (name));
    }
  signet_db_finalize (stmt);

  if (rc != SIGNET_DB_DONE)
    {
      db_error (db, sql, error);
      return NULL;
    }

  return g_steal_pointer (&names);
}

/* The file's tables, parents first. The table of the search's ICU version
 * is the file's alone: a server keeps no ICU keys. */
/* Whether every table @table's foreign keys name is placed already (or
 * is @table itself). */
static gboolean
parents_placed (const Table *table,
                GPtrArray   *tables)
{
  for (guint p = 0; p < table->parents->len; p++)
    {
      const char *parent = g_ptr_array_index (table->parents, p);

      for (guint j = 0; j < tables->len; j++)
        {
          const Table *other = g_ptr_array_index (tables, j);

          if (other != table && g_str_equal (other->name, parent) && !other->placed)
            return FALSE;
        }
    }

  return TRUE;
}

/* The file's tables, @order holding them parents first. The table of the
 * search's ICU version is the file's alone: a server keeps no ICU keys. */
static GPtrArray *
list_tables (SignetDb   *db,
             GPtrArray **order,
             GError    **error)
{
  g_autoptr(GPtrArray) names = NULL;
  g_autoptr(GPtrArray) tables = g_ptr_array_new_with_free_func ((GDestroyNotify) table_free);
  g_autoptr(GPtrArray) ordered = g_ptr_array_new ();
  gboolean progress = TRUE;

  names = read_names (db,
                      "SELECT name FROM sqlite_schema WHERE type = 'table' "
                      "AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' AND name <> 'search_icu' ORDER BY name",
                      0, error);
  if (names == NULL)
    return NULL;

  for (guint i = 0; i < names->len; i++)
    {
      g_autoptr(Table) table = g_new0 (Table, 1);
      g_autofree char *columns_sql = NULL;
      g_autofree char *parents_sql = NULL;

      table->name = g_strdup (g_ptr_array_index (names, i));
      columns_sql = g_strdup_printf ("SELECT name FROM pragma_table_info ('%s') ORDER BY cid", table->name);
      parents_sql = g_strdup_printf ("SELECT \"table\" FROM pragma_foreign_key_list ('%s')", table->name);
      if (!(table->columns = read_names (db, columns_sql, 0, error)) ||
          !(table->parents = read_names (db, parents_sql, 0, error)))
        return NULL;
      g_ptr_array_add (tables, g_steal_pointer (&table));
    }

  while (ordered->len < tables->len && progress)
    {
      progress = FALSE;
      for (guint i = 0; i < tables->len; i++)
        {
          Table *table = g_ptr_array_index (tables, i);

          if (!table->placed && parents_placed (table, tables))
            {
              table->placed = TRUE;
              progress = TRUE;
              g_ptr_array_add (ordered, table);
            }
        }
    }

  /* Foreign keys that go round (none today) keep the file's order: the
   * server refuses what it cannot check, and nothing is written. */
  for (guint i = 0; i < tables->len; i++)
    if (!((Table *) g_ptr_array_index (tables, i))->placed)
      g_ptr_array_add (ordered, g_ptr_array_index (tables, i));

  *order = g_steal_pointer (&ordered);

  return g_steal_pointer (&tables);
}

static gboolean
copy_table (SignetDb     *from,
            SignetDb     *to,
            const Table  *table,
            gint64       *n_rows,
            GError      **error)
{
  g_autoptr(GString) select = g_string_new ("SELECT ");
  g_autoptr(GString) insert = g_string_new ("INSERT INTO ");
  SignetDbStmt *reader = NULL;
  SignetDbStmt *writer = NULL;
  guint n = table->columns->len;
  gboolean ok = FALSE;
  int rc;

  g_string_append_printf (insert, "\"%s\" (", table->name);
  for (guint c = 0; c < n; c++)
    {
      const char *column = g_ptr_array_index (table->columns, c);

      g_string_append_printf (select, "%s\"%s\"", c > 0 ? ", " : "", column);
      g_string_append_printf (insert, "%s\"%s\"", c > 0 ? ", " : "", column);
    }
  g_string_append_printf (select, " FROM \"%s\" ORDER BY rowid", table->name);
  g_string_append (insert, ") VALUES (");
  for (guint c = 0; c < n; c++)
    g_string_append_printf (insert, "%s?%u", c > 0 ? ", " : "", c + 1);
  g_string_append_c (insert, ')');

  if (signet_db_prepare (from, select->str, FALSE, &reader) != SIGNET_DB_OK)
    return db_error (from, table->name, error);
  if (signet_db_prepare (to, insert->str, TRUE, &writer) != SIGNET_DB_OK)
    {
      signet_db_finalize (reader);
      return db_error (to, table->name, error);
    }

  while ((rc = signet_db_step (reader)) == SIGNET_DB_ROW)
    {
      signet_db_reset (writer);
      for (guint c = 0; c < n; c++)
        {
          int i = (int) c + 1;

          switch (signet_db_column_type (reader, (int) c))
            {
            case SIGNET_DB_INTEGER:
              signet_db_bind_int64 (writer, i, signet_db_column_int64 (reader, (int) c));
              break;
            case SIGNET_DB_FLOAT:
              signet_db_bind_double (writer, i, signet_db_column_double (reader, (int) c));
              break;
            case SIGNET_DB_BLOB:
              signet_db_bind_blob (writer, i, signet_db_column_blob (reader, (int) c),
                                   signet_db_column_bytes (reader, (int) c), FALSE);
              break;
            case SIGNET_DB_NULL:
              signet_db_bind_null (writer, i);
              break;
            case SIGNET_DB_TEXT:
            default:
              signet_db_bind_text_len (writer, i, signet_db_column_text (reader, (int) c),
                                       signet_db_column_bytes (reader, (int) c));
              break;
            }
        }
      if (signet_db_step (writer) != SIGNET_DB_DONE)
        {
          db_error (to, table->name, error);
          goto out;
        }
      (*n_rows)++;
    }

  if (rc != SIGNET_DB_DONE)
    db_error (from, table->name, error);
  else
    ok = TRUE;

out:
  signet_db_finalize (reader);
  signet_db_finalize (writer);

  return ok;
}

/* An id is never given twice (AUTOINCREMENT): the rows that belong to a
 * contract keep its id after it is deleted, for Undo. The file remembers
 * the highest id each table gave, deleted rows' too; the server's
 * counters start from there. */
static gboolean
carry_sequences (SignetStore  *self,
                 SignetStore  *target,
                 GError      **error)
{
  SignetDbStmt *reader = NULL;
  SignetDbStmt *writer = NULL;
  gboolean ok = TRUE;
  int rc;

  if (signet_db_prepare (self->db, "SELECT name, seq FROM sqlite_sequence", FALSE, &reader) != SIGNET_DB_OK)
    return db_error (self->db, "sqlite_sequence", error);
  if (signet_db_prepare (target->db,
                         "SELECT setval (pg_get_serial_sequence (quote_ident (?1), 'id'), "
                         "greatest (?2, (SELECT last_value FROM pg_sequences "
                         "WHERE schemaname = current_schema () "
                         "AND sequencename = ?1 || '_id_seq')))",
                         FALSE, &writer) != SIGNET_DB_OK)
    {
      signet_db_finalize (reader);
      return db_error (target->db, "sqlite_sequence", error);
    }

  while (ok && (rc = signet_db_step (reader)) == SIGNET_DB_ROW)
    {
      signet_db_reset (writer);
      signet_db_bind_text (writer, 1, signet_db_column_text (reader, 0));
      signet_db_bind_int64 (writer, 2, MAX (1, signet_db_column_int64 (reader, 1)));
      if (signet_db_step (writer) != SIGNET_DB_ROW)
        ok = db_error (target->db, signet_db_column_text (reader, 0), error);
    }
  if (ok && rc != SIGNET_DB_DONE)
    ok = db_error (self->db, "sqlite_sequence", error);

  signet_db_finalize (reader);
  signet_db_finalize (writer);

  return ok;
}

/* Whether the server's register holds no record yet: copying into one
 * that does would mix two registers. */
static gboolean
check_empty (SignetStore  *target,
             GError      **error)
{
  gint64 n = _signet_store_query_int64 (target,
                                        "SELECT (SELECT count(*) FROM clients) + (SELECT count(*) FROM contracts) "
                                        "+ (SELECT count(*) FROM people) + (SELECT count(*) FROM audit)",
                                        error);

  if (n < 0)
    return FALSE;

  if (n > 0)
    {
      g_set_error (error, SIGNET_STORE_ERROR, SIGNET_STORE_ERROR_IN_USE,
                   _("The register at “%s” already holds records: copying into it would mix two "
                     "registers. Copy into a new, empty database. Nothing was changed."),
                   target->path);
      return FALSE;
    }

  return TRUE;
}

gboolean
signet_store_copy_to (SignetStore            *self,
                      const char             *location,
                      SignetStoreCopyFunc     progress,
                      gpointer                user_data,
                      GError                **error)
{
  g_autoptr(SignetStore) target = NULL;
  g_autoptr(GPtrArray) tables = NULL;
  g_autoptr(GPtrArray) order = NULL;

  g_return_val_if_fail (SIGNET_IS_STORE (self), FALSE);
  g_return_val_if_fail (location != NULL, FALSE);

  if (self->sqlite == NULL)
    {
      g_set_error (error, SIGNET_STORE_ERROR, SIGNET_STORE_ERROR_FAILED,
                   _("“%s” is already a register on a server: only a register in a file is copied "
                     "to a server."), self->path);
      return FALSE;
    }
  if (!_signet_store_is_server_location (location))
    {
      g_set_error (error, SIGNET_STORE_ERROR, SIGNET_STORE_ERROR_FAILED,
                   _("“%s” is not the address of a PostgreSQL server: such an address begins "
                     "with postgresql://."), location);
      return FALSE;
    }

  target = signet_store_open (location, SIGNET_STORE_OPEN_CREATE, error);
  if (target == NULL || !check_empty (target, error))
    return FALSE;

  if (!(tables = list_tables (self->db, &order, error)) ||
      !_signet_store_exec (target, "BEGIN", error))
    return FALSE;

  for (guint i = 0; i < order->len; i++)
    {
      const Table *table = g_ptr_array_index (order, i);
      gint64 n_rows = 0;

      if (!copy_table (self->db, target->db, table, &n_rows, error))
        {
          _signet_store_exec (target, "ROLLBACK", NULL);
          g_prefix_error (error, _("Nothing was copied: "));
          return FALSE;
        }
      if (progress != NULL)
        progress (table->name, n_rows, user_data);
    }

  if (!carry_sequences (self, target, error))
    {
      _signet_store_exec (target, "ROLLBACK", NULL);
      g_prefix_error (error, _("Nothing was copied: "));
      return FALSE;
    }

  return _signet_store_exec (target, "COMMIT", error);
}
