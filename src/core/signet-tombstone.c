/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "signet-tombstone"

#include "config.h"

#include "signet-tombstone-private.h"

typedef struct
{
  char      *name;
  GStrv      columns;
  GPtrArray *rows;
} Table;

struct _SignetTombstone
{
  GObject              parent_instance;

  SignetTombstoneKind  kind;
  gint64               id;
  gint64               contract_id;
  char                *label;
  char                *parent_key;
  GPtrArray           *tables;        /* of Table */
  GHashTable          *overrides;     /* "table.column" -> text */

  GHashTable          *pins;
  GPtrArray           *pinned;        /* of char *, the SHA-256s counted in pins */
};

G_DEFINE_FINAL_TYPE (SignetTombstone, signet_tombstone, G_TYPE_OBJECT)

static void
table_free (gpointer data)
{
  Table *table = data;

  g_free (table->name);
  g_strfreev (table->columns);
  g_ptr_array_unref (table->rows);
  g_free (table);
}

static void
unpin_blobs (SignetTombstone *self)
{
  if (self->pins == NULL)
    return;

  for (guint i = 0; i < self->pinned->len; i++)
    {
      const char *sha256 = g_ptr_array_index (self->pinned, i);
      guint count = GPOINTER_TO_UINT (g_hash_table_lookup (self->pins, sha256));

      if (count > 1)
        g_hash_table_insert (self->pins, g_strdup (sha256), GUINT_TO_POINTER (count - 1));
      else
        g_hash_table_remove (self->pins, sha256);
    }

  g_clear_pointer (&self->pins, g_hash_table_unref);
  g_clear_pointer (&self->pinned, g_ptr_array_unref);
}

static void
signet_tombstone_finalize (GObject *object)
{
  SignetTombstone *self = (SignetTombstone *)object;

  unpin_blobs (self);
  g_clear_pointer (&self->label, g_free);
  g_clear_pointer (&self->parent_key, g_free);
  g_clear_pointer (&self->tables, g_ptr_array_unref);
  g_clear_pointer (&self->overrides, g_hash_table_unref);

  G_OBJECT_CLASS (signet_tombstone_parent_class)->finalize (object);
}

static void
signet_tombstone_class_init (SignetTombstoneClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = signet_tombstone_finalize;
}

static void
signet_tombstone_init (SignetTombstone *self)
{
  self->tables = g_ptr_array_new_with_free_func (table_free);
}

SignetTombstone *
_signet_tombstone_new (SignetTombstoneKind  kind,
                       gint64               id,
                       gint64               contract_id,
                       const char          *label)
{
  SignetTombstone *self = g_object_new (SIGNET_TYPE_TOMBSTONE, NULL);

  self->kind = kind;
  self->id = id;
  self->contract_id = contract_id;
  self->label = g_strdup (label);

  return self;
}

int
_signet_tombstone_keep_rows (SignetTombstone *self,
                             const char      *table_name,
                             SignetDbStmt    *stmt)
{
  Table *table = g_new0 (Table, 1);
  int n_columns = 0;
  int rc;

  table->name = g_strdup (table_name);
  table->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);

  while ((rc = signet_db_step (stmt)) == SIGNET_DB_ROW)
    {
      GPtrArray *row;

      /* Named at the first row: a statement on a server knows its
       * columns only once it has run. */
      if (table->columns == NULL)
        {
          n_columns = signet_db_column_count (stmt);
          table->columns = g_new0 (char *, n_columns + 1);
          for (int i = 0; i < n_columns; i++)
            table->columns[i] = g_strdup (signet_db_column_name (stmt, i));
        }

      row = g_ptr_array_new_full (n_columns, (GDestroyNotify) signet_db_value_free);
      for (int i = 0; i < n_columns; i++)
        g_ptr_array_add (row, signet_db_column_value_dup (stmt, i));
      g_ptr_array_add (table->rows, row);
    }
  signet_db_reset (stmt);
  if (table->columns == NULL)
    table->columns = g_new0 (char *, 1);

  g_ptr_array_add (self->tables, table);

  return rc;
}

guint
_signet_tombstone_get_n_tables (SignetTombstone *self)
{
  return self->tables->len;
}

const char *
_signet_tombstone_get_table (SignetTombstone      *self,
                             guint                 index,
                             const char * const  **columns,
                             GPtrArray           **rows)
{
  Table *table = g_ptr_array_index (self->tables, index);

  *columns = (const char * const *) table->columns;
  *rows = table->rows;

  return table->name;
}

SignetDbValue *
_signet_tombstone_get_value (SignetTombstone *self,
                             const char      *table_name,
                             const char      *column)
{
  for (guint i = 0; i < self->tables->len; i++)
    {
      Table *table = g_ptr_array_index (self->tables, i);

      if (!g_str_equal (table->name, table_name) || table->rows->len == 0)
        continue;

      for (guint c = 0; table->columns[c] != NULL; c++)
        if (g_str_equal (table->columns[c], column))
          return g_ptr_array_index ((GPtrArray *) g_ptr_array_index (table->rows, 0), c);
    }

  return NULL;
}

void
_signet_tombstone_override_text (SignetTombstone *self,
                                 const char      *table,
                                 const char      *column,
                                 const char      *text)
{
  if (self->overrides == NULL)
    self->overrides = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  g_hash_table_insert (self->overrides, g_strconcat (table, ".", column, NULL), g_strdup (text));
}

const char *
_signet_tombstone_get_override (SignetTombstone *self,
                                const char      *table,
                                const char      *column)
{
  g_autofree char *key = NULL;

  if (self->overrides == NULL)
    return NULL;

  key = g_strconcat (table, ".", column, NULL);

  return g_hash_table_lookup (self->overrides, key);
}

void
_signet_tombstone_set_parent_key (SignetTombstone *self,
                                  const char      *key)
{
  g_set_str (&self->parent_key, key);
}

const char *
_signet_tombstone_get_parent_key (SignetTombstone *self)
{
  return self->parent_key;
}

void
_signet_tombstone_pin_blobs (SignetTombstone *self,
                             GHashTable      *pins,
                             GPtrArray       *sha256s)
{
  g_assert (self->pins == NULL);

  self->pins = g_hash_table_ref (pins);
  self->pinned = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < sha256s->len; i++)
    {
      const char *sha256 = g_ptr_array_index (sha256s, i);
      guint count = GPOINTER_TO_UINT (g_hash_table_lookup (pins, sha256));

      g_hash_table_insert (pins, g_strdup (sha256), GUINT_TO_POINTER (count + 1));
      g_ptr_array_add (self->pinned, g_strdup (sha256));
    }
}

SignetTombstoneKind
signet_tombstone_get_kind (SignetTombstone *self)
{
  g_return_val_if_fail (SIGNET_IS_TOMBSTONE (self), SIGNET_TOMBSTONE_CONTRACT);

  return self->kind;
}

gint64
signet_tombstone_get_id (SignetTombstone *self)
{
  g_return_val_if_fail (SIGNET_IS_TOMBSTONE (self), 0);

  return self->id;
}

gint64
signet_tombstone_get_contract_id (SignetTombstone *self)
{
  g_return_val_if_fail (SIGNET_IS_TOMBSTONE (self), 0);

  return self->contract_id;
}

const char *
signet_tombstone_get_label (SignetTombstone *self)
{
  g_return_val_if_fail (SIGNET_IS_TOMBSTONE (self), NULL);

  return self->label;
}
