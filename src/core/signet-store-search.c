/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "signet-store"

#include "config.h"

#include <string.h>

#include "signet-store-attachments.h"
#include "signet-store-private.h"

/* Search as you type must answer within a frame or two for 100,000
 * contracts, and for Chinese a query is often one or two characters, which
 * no SQLite index can find inside words (the trigram tokenizer needs three).
 * So the store keeps every contract's search text (number, title, client,
 * tags), folded once, in memory: a scan with strstr() over about 8 MB takes
 * a few milliseconds. The order comes from SQL and is kept until the next
 * write; a search filters it. Both are loaded when first needed, so opening
 * the register costs nothing. */

static const char *
sort_clause (SignetSortKey sort_key,
             gboolean      descending)
{
  static const char * const ascending_clauses[] = {
    [SIGNET_SORT_NUMBER] = "c.number",
    [SIGNET_SORT_TITLE] = "c.title, c.number",
    [SIGNET_SORT_CLIENT] = "k.name, c.number",
    [SIGNET_SORT_STATUS] = "s.rank, c.number",
    [SIGNET_SORT_END_DATE] = "c.end_date IS NULL, c.end_date, c.number",
    [SIGNET_SORT_VALUE] = "c.value, c.currency, c.number",
  };
  static const char * const descending_clauses[] = {
    [SIGNET_SORT_NUMBER] = "c.number DESC",
    [SIGNET_SORT_TITLE] = "c.title DESC, c.number DESC",
    [SIGNET_SORT_CLIENT] = "k.name DESC, c.number DESC",
    [SIGNET_SORT_STATUS] = "s.rank DESC, c.number DESC",
    [SIGNET_SORT_END_DATE] = "c.end_date IS NULL, c.end_date DESC, c.number DESC",
    [SIGNET_SORT_VALUE] = "c.value DESC, c.currency DESC, c.number DESC",
  };

  g_assert (sort_key < G_N_ELEMENTS (ascending_clauses));

  return descending ? descending_clauses[sort_key] : ascending_clauses[sort_key];
}

static void
clear_ordered (SignetStore *self)
{
  g_clear_pointer (&self->ordered_ids, g_array_unref);
}

void
_signet_store_search_forget (SignetStore *self)
{
  clear_ordered (self);
  g_clear_pointer (&self->search_texts, g_hash_table_unref);
}

static char *
fold (const char *text)
{
  return g_utf8_strdown (text != NULL ? text : "", -1);
}

static gboolean
load_search_texts (SignetStore  *self,
                   GError      **error)
{
  g_autoptr(GHashTable) texts = NULL;
  sqlite3_stmt *stmt;
  int rc;

  if (self->search_texts != NULL)
    return TRUE;

  stmt = _signet_store_statement (self, "SELECT id, search_text FROM contracts", error);
  if (stmt == NULL)
    return FALSE;

  texts = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_hash_table_insert (texts,
                         g_memdup2 (&(gint64) { sqlite3_column_int64 (stmt, 0) }, sizeof (gint64)),
                         fold ((const char *) sqlite3_column_text (stmt, 1)));
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    return _signet_store_set_error (self, rc, error);

  self->search_texts = g_steal_pointer (&texts);

  return TRUE;
}

void
_signet_store_search_note_change (SignetStore      *self,
                                  SignetRecordKind  kind,
                                  gint64            id,
                                  SignetChangeKind  change)
{
  sqlite3_stmt *stmt;

  clear_ordered (self);

  if (self->search_texts == NULL)
    return;

  /* A client's name is in the text of each of its contracts. */
  if (kind == SIGNET_RECORD_CLIENT)
    {
      if (change == SIGNET_CHANGE_UPDATED)
        g_clear_pointer (&self->search_texts, g_hash_table_unref);
      return;
    }

  if (change == SIGNET_CHANGE_REMOVED)
    {
      g_hash_table_remove (self->search_texts, &id);
      return;
    }

  stmt = _signet_store_statement (self, "SELECT search_text FROM contracts WHERE id = ?", NULL);
  if (stmt == NULL)
    {
      g_clear_pointer (&self->search_texts, g_hash_table_unref);
      return;
    }

  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    g_hash_table_insert (self->search_texts,
                         g_memdup2 (&id, sizeof id),
                         fold ((const char *) sqlite3_column_text (stmt, 0)));
  else
    g_hash_table_remove (self->search_texts, &id);
  sqlite3_reset (stmt);
}

/* @limit: G_MAXUINT for all */
static GArray *
query_ordered_ids (SignetStore    *self,
                   SignetSortKey   sort_key,
                   gboolean        descending,
                   guint           limit,
                   GError        **error)
{
  g_autoptr(GString) sql = g_string_new ("SELECT c.id FROM contracts c");
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;
  int rc;

  if (sort_key == SIGNET_SORT_CLIENT)
    /* LEFT: a contract whose client is missing is listed all the same. */
    g_string_append (sql, " LEFT JOIN clients k ON k.id = c.client_id");
  else if (sort_key == SIGNET_SORT_STATUS)
    g_string_append (sql,
                     " JOIN (SELECT 'draft' AS token, 0 AS rank UNION ALL SELECT 'in-review', 1"
                     " UNION ALL SELECT 'approved', 2 UNION ALL SELECT 'signed', 3"
                     " UNION ALL SELECT 'active', 4 UNION ALL SELECT 'expired', 5"
                     " UNION ALL SELECT 'renewed', 6 UNION ALL SELECT 'terminated', 7) s"
                     " ON s.token = c.status");

  g_string_append_printf (sql, " ORDER BY %s", sort_clause (sort_key, descending));
  if (limit != G_MAXUINT)
    g_string_append_printf (sql, " LIMIT %u", limit);

  stmt = _signet_store_statement (self, sql->str, error);
  if (stmt == NULL)
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      _signet_store_set_error (self, rc, error);
      return NULL;
    }

  return g_steal_pointer (&ids);
}

/* The folded, whitespace-separated terms of a query. Splitting walks whole
 * characters: a byte-wise split on the ideographic space would cut Chinese
 * characters that share its bytes. */
static GPtrArray *
split_terms (const char *search)
{
  g_autofree char *folded = fold (search);
  GPtrArray *terms = g_ptr_array_new_with_free_func (g_free);
  const char *start = NULL;

  for (const char *p = folded; ; p = g_utf8_next_char (p))
    {
      gboolean end = *p == '\0' || g_unichar_isspace (g_utf8_get_char (p));

      if (end && start != NULL)
        {
          g_ptr_array_add (terms, g_strndup (start, p - start));
          start = NULL;
        }
      else if (!end && start == NULL)
        start = p;

      if (*p == '\0')
        break;
    }

  return terms;
}

GArray *
signet_store_query_contract_ids (SignetStore    *self,
                                 const char     *search,
                                 SignetSortKey   sort_key,
                                 gboolean        descending,
                                 GError        **error)
{
  g_autoptr(GPtrArray) terms = NULL;
  g_autoptr(GPtrArray) in_files = NULL;
  GArray *result;

  g_return_val_if_fail (SIGNET_IS_STORE (self), NULL);

  if (self->ordered_ids == NULL || self->ordered_key != sort_key ||
      self->ordered_descending != !!descending)
    {
      clear_ordered (self);
      if (!(self->ordered_ids = query_ordered_ids (self, sort_key, descending, G_MAXUINT, error)))
        return NULL;
      self->ordered_key = sort_key;
      self->ordered_descending = !!descending;
    }

  terms = split_terms (search != NULL ? search : "");
  if (terms->len == 0)
    {
      result = g_array_sized_new (FALSE, FALSE, sizeof (gint64), self->ordered_ids->len);
      g_array_append_vals (result, self->ordered_ids->data, self->ordered_ids->len);
      return result;
    }

  if (!load_search_texts (self, error))
    return NULL;

  /* A term may also be found in the text of a contract's PDFs. */
  in_files = g_ptr_array_new_with_free_func ((GDestroyNotify) g_hash_table_unref);
  for (guint t = 0; t < terms->len; t++)
    g_ptr_array_add (in_files, _signet_store_attachment_text_matches (self, g_ptr_array_index (terms, t)));

  result = g_array_new (FALSE, FALSE, sizeof (gint64));
  for (guint i = 0; i < self->ordered_ids->len; i++)
    {
      gint64 id = g_array_index (self->ordered_ids, gint64, i);
      const char *text = g_hash_table_lookup (self->search_texts, &id);
      gboolean all = text != NULL;

      for (guint t = 0; all && t < terms->len; t++)
        all = strstr (text, g_ptr_array_index (terms, t)) != NULL ||
              g_hash_table_contains (g_ptr_array_index (in_files, t), &id);

      if (all)
        g_array_append_val (result, id);
    }

  return result;
}

GArray *
signet_store_query_first_contract_ids (SignetStore    *self,
                                       SignetSortKey   sort_key,
                                       gboolean        descending,
                                       guint           limit,
                                       GError        **error)
{
  GArray *result;

  g_return_val_if_fail (SIGNET_IS_STORE (self), NULL);

  if (self->ordered_ids == NULL || self->ordered_key != sort_key ||
      self->ordered_descending != !!descending)
    return query_ordered_ids (self, sort_key, descending, limit, error);

  result = g_array_sized_new (FALSE, FALSE, sizeof (gint64), MIN (limit, self->ordered_ids->len));
  g_array_append_vals (result, self->ordered_ids->data, MIN (limit, self->ordered_ids->len));

  return result;
}
