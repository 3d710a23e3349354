/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "signet-store"

#include "config.h"

#include <glib/gi18n.h>

#include "signet-contract-query.h"
#include "signet-store-views.h"
#include "signet-tombstone-private.h"

/* Saved views (保存的视图): a named set of the list's filters, its search
 * and its order, shown in the window's sidebar and kept in the register so
 * that it travels with the XML. The filters are a SignetContractQuery in
 * its text form (signet_contract_query_to_string()); position orders the
 * sidebar. */

/* Version 21. */
gboolean
_signet_store_migrate_saved_views (SignetStore  *self,
                                   GError      **error)
{
  return _signet_store_exec (self,
    "CREATE TABLE saved_views ("
    "  id INTEGER PRIMARY KEY AUTOINCREMENT,"
    "  uuid TEXT NOT NULL UNIQUE,"
    "  name TEXT NOT NULL UNIQUE CHECK (name <> ''),"
    "  position INTEGER NOT NULL DEFAULT 0,"
    "  query TEXT NOT NULL DEFAULT '',"
    "  search TEXT NOT NULL DEFAULT '',"
    "  sort_key TEXT,"
    "  descending INTEGER NOT NULL DEFAULT 0,"
    "  version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1));",
    error);
}

G_DEFINE_BOXED_TYPE (SignetSavedView, signet_saved_view, signet_saved_view_copy, signet_saved_view_free)

SignetSavedView *
signet_saved_view_new (void)
{
  SignetSavedView *view = g_new0 (SignetSavedView, 1);

  view->query = g_strdup ("");
  view->sort_key = SIGNET_SORT_NUMBER;
  return view;
}

SignetSavedView *
signet_saved_view_copy (const SignetSavedView *view)
{
  SignetSavedView *copy;

  g_return_val_if_fail (view != NULL, NULL);

  copy = g_memdup2 (view, sizeof *view);
  copy->uuid = g_strdup (view->uuid);
  copy->name = g_strdup (view->name);
  copy->query = g_strdup (view->query);
  copy->search = g_strdup (view->search);
  return copy;
}

void
signet_saved_view_free (SignetSavedView *view)
{
  if (view == NULL)
    return;

  g_free (view->uuid);
  g_free (view->name);
  g_free (view->query);
  g_free (view->search);
  g_free (view);
}

/* The same names as the "sort-column" setting's. */
static const char * const sort_key_tokens[] = {
  [SIGNET_SORT_NUMBER] = "number",
  [SIGNET_SORT_TITLE] = "title",
  [SIGNET_SORT_CLIENT] = "client",
  [SIGNET_SORT_STATUS] = "status",
  [SIGNET_SORT_END_DATE] = "end-date",
  [SIGNET_SORT_VALUE] = "value",
};

const char *
signet_sort_key_to_token (SignetSortKey key)
{
  g_return_val_if_fail (key < G_N_ELEMENTS (sort_key_tokens), NULL);

  return sort_key_tokens[key];
}

gboolean
signet_sort_key_from_token (const char    *token,
                            SignetSortKey *key)
{
  for (guint i = 0; token != NULL && i < G_N_ELEMENTS (sort_key_tokens); i++)
    if (g_str_equal (token, sort_key_tokens[i]))
      {
        *key = i;
        return TRUE;
      }

  return FALSE;
}

#define VIEW_COLUMNS "id, uuid, name, position, query, search, sort_key, descending, version"

static gpointer
view_from_row (SignetDbStmt *stmt)
{
  SignetSavedView *view = g_new0 (SignetSavedView, 1);
  const char *search = signet_db_column_text (stmt, 5);

  view->id = signet_db_column_int64 (stmt, 0);
  view->uuid = g_strdup (signet_db_column_text (stmt, 1));
  view->name = g_strdup (signet_db_column_text (stmt, 2));
  view->position = (guint) signet_db_column_int64 (stmt, 3);
  view->query = g_strdup (signet_db_column_text (stmt, 4));
  view->search = (search != NULL && *search != '\0') ? g_strdup (search) : NULL;
  /* An order a newer Signet wrote shows by number. */
  if (!signet_sort_key_from_token (signet_db_column_text (stmt, 6), &view->sort_key))
    view->sort_key = SIGNET_SORT_NUMBER;
  view->descending = signet_db_column_int (stmt, 7) != 0;
  view->version = signet_db_column_int64 (stmt, 8);

  return view;
}

GPtrArray *
signet_store_list_saved_views (SignetStore  *self,
                               GError      **error)
{
  g_autoptr(GPtrArray) views = g_ptr_array_new_with_free_func ((GDestroyNotify) signet_saved_view_free);
  SignetDbStmt *stmt;
  int rc;

  g_return_val_if_fail (SIGNET_IS_STORE (self), NULL);

  if (!(stmt = _signet_store_statement (self, "SELECT " VIEW_COLUMNS " FROM saved_views ORDER BY position, id",
                                        error)))
    return NULL;

  while ((rc = signet_db_step (stmt)) == SIGNET_DB_ROW)
    g_ptr_array_add (views, view_from_row (stmt));
  signet_db_reset (stmt);

  if (rc != SIGNET_DB_DONE)
    {
      _signet_store_set_error (self, rc, error);
      return NULL;
    }

  return g_steal_pointer (&views);
}

SignetSavedView *
signet_store_get_saved_view (SignetStore  *self,
                             gint64        id,
                             GError      **error)
{
  SignetDbStmt *stmt;

  g_return_val_if_fail (SIGNET_IS_STORE (self), NULL);

  if (!(stmt = _signet_store_statement (self, "SELECT " VIEW_COLUMNS " FROM saved_views WHERE id = ?", error)))
    return NULL;

  signet_db_bind_int64 (stmt, 1, id);
  return _signet_store_step_one_row (self, stmt, view_from_row, error);
}

/* The view @id, or NULL with NOT_FOUND when it is gone. */
static SignetSavedView *
lookup_view (SignetStore  *self,
             gint64        id,
             GError      **error)
{
  g_autoptr(GError) local_error = NULL;
  SignetSavedView *view = signet_store_get_saved_view (self, id, &local_error);

  if (view == NULL)
    {
      if (local_error != NULL)
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        g_set_error (error, SIGNET_STORE_ERROR, SIGNET_STORE_ERROR_NOT_FOUND,
                     _("The view is no longer in the register."));
    }

  return view;
}

/* @name trimmed, or NULL with a field error when it is empty or another
 * view's than @id's. */
static char *
check_name (SignetStore  *self,
            gint64        id,
            const char   *name,
            GError      **error)
{
  g_autofree char *trimmed = _signet_strdup_trimmed (name);
  SignetDbStmt *stmt;
  int rc;

  if (trimmed == NULL || *trimmed == '\0')
    {
      _signet_set_field_error (error, SIGNET_FIELD_VIEW_NAME, _("Enter a name for the view."));
      return NULL;
    }

  if (!(stmt = _signet_store_statement (self, "SELECT 1 FROM saved_views WHERE name = ?1 AND id <> ?2", error)))
    return NULL;
  signet_db_bind_static_text (stmt, 1, trimmed);
  signet_db_bind_int64 (stmt, 2, id);
  rc = signet_db_step (stmt);
  signet_db_reset (stmt);

  if (rc == SIGNET_DB_ROW)
    {
      _signet_set_field_error (error, SIGNET_FIELD_VIEW_NAME,
                               /* Translators: %s is a saved view's name. */
                               _("A view named “%s” exists already: choose another name."), trimmed);
      return NULL;
    }
  if (rc != SIGNET_DB_DONE)
    {
      _signet_store_set_error (self, rc, error);
      return NULL;
    }

  return g_steal_pointer (&trimmed);
}

typedef struct
{
  gint64      id;
  const char *name;
} ViewKey;

static gboolean
check_view_key (SignetStore    *self,
                gconstpointer   data,
                GError        **error)
{
  const ViewKey *key = data;
  g_autofree char *name = check_name (self, key->id, key->name, error);

  return name != NULL;
}

/* A query that would not read back is refused before it is stored. */
static gboolean
check_query (const char  *query,
             GError     **error)
{
  g_autoptr(SignetContractQuery) parsed = NULL;
  g_autoptr(GError) local_error = NULL;

  if (!(parsed = signet_contract_query_new_from_string (query != NULL ? query : "", &local_error)))
    return _signet_set_field_error (error, SIGNET_FIELD_VIEW_FILTERS, "%s", local_error->message);

  return TRUE;
}

gint64
signet_store_add_saved_view (SignetStore            *self,
                             const SignetSavedView  *view,
                             GError                **error)
{
  g_auto(SignetWriteScope) scope = { 0 };
  g_autofree char *name = NULL;
  g_autofree char *uuid = NULL;
  SignetDbStmt *stmt;
  gint64 id;

  g_return_val_if_fail (SIGNET_IS_STORE (self), 0);
  g_return_val_if_fail (view != NULL, 0);

  if (!check_query (view->query, error) ||
      !_signet_write_scope_begin (&scope, self, error) ||
      !(name = check_name (self, 0, view->name, error)) ||
      !(uuid = _signet_store_claim_uuid (self, "saved_views", view->uuid, error)))
    return 0;

  if (!(stmt = _signet_store_statement (self,
                                        "INSERT INTO saved_views (uuid, name, position, query, search, sort_key, descending) "
                                        "VALUES (?1, ?2, (SELECT coalesce (max (position) + 1, 0) FROM saved_views), "
                                        "?3, ?4, ?5, ?6)", error)))
    return 0;

  signet_db_bind_static_text (stmt, 1, uuid);
  signet_db_bind_static_text (stmt, 2, name);
  signet_db_bind_static_text (stmt, 3, view->query != NULL ? view->query : "");
  signet_db_bind_static_text (stmt, 4, view->search != NULL ? view->search : "");
  signet_db_bind_static_text (stmt, 5, signet_sort_key_to_token (view->sort_key));
  signet_db_bind_int (stmt, 6, view->descending ? 1 : 0);
  if (!_signet_store_step_keyed (self, stmt, check_view_key, &(ViewKey) { 0, name }, error))
    return 0;

  id = signet_db_last_insert_id (self->db);

  if (!_signet_write_scope_audit (&scope, SIGNET_AUDIT_ACTION_ADD_SAVED_VIEW, SIGNET_RECORD_SAVED_VIEW,
                                  id, name, NULL, NULL, error) ||
      !_signet_write_scope_commit (&scope, error))
    return 0;

  return id;
}

static FieldList *
name_fields (const char *name)
{
  FieldList *fields = g_array_new (FALSE, FALSE, sizeof (FieldText));
  FieldText field = { SIGNET_FIELD_VIEW_NAME, name, NULL };

  g_array_append_val (fields, field);

  return fields;
}

static FieldList *
filters_fields (const SignetSavedView *view)
{
  FieldList *fields = g_array_new (FALSE, FALSE, sizeof (FieldText));
  FieldText field = { SIGNET_FIELD_VIEW_FILTERS, NULL, NULL };

  field.owned = g_strdup_printf ("%s | %s | %s%s", view->query != NULL ? view->query : "",
                                 view->search != NULL ? view->search : "",
                                 signet_sort_key_to_token (view->sort_key), view->descending ? " desc" : "");
  field.text = field.owned;
  g_array_append_val (fields, field);

  return fields;
}

gboolean
signet_store_rename_saved_view (SignetStore  *self,
                                gint64        id,
                                const char   *name,
                                GError      **error)
{
  g_auto(SignetWriteScope) scope = { 0 };
  g_autoptr(SignetSavedView) view = NULL;
  g_autoptr(FieldList) before = NULL;
  g_autoptr(FieldList) after = NULL;
  g_autofree char *trimmed = NULL;
  SignetDbStmt *stmt;

  g_return_val_if_fail (SIGNET_IS_STORE (self), FALSE);

  if (!_signet_write_scope_begin (&scope, self, error) ||
      !(view = lookup_view (self, id, error)) ||
      !(trimmed = check_name (self, id, name, error)))
    return FALSE;

  /* The same name again changes nothing and tells nobody. */
  if (g_str_equal (trimmed, view->name))
    return TRUE;

  if (!(stmt = _signet_store_statement (self, "UPDATE saved_views SET name = ?1, version = version + 1 WHERE id = ?2",
                                        error)))
    return FALSE;
  signet_db_bind_static_text (stmt, 1, trimmed);
  signet_db_bind_int64 (stmt, 2, id);
  if (!_signet_store_step_keyed (self, stmt, check_view_key, &(ViewKey) { id, trimmed }, error))
    return FALSE;

  before = name_fields (view->name);
  after = name_fields (trimmed);

  return _signet_write_scope_audit (&scope, SIGNET_AUDIT_ACTION_RENAME_SAVED_VIEW, SIGNET_RECORD_SAVED_VIEW,
                                    id, trimmed, before, after, error) &&
         _signet_write_scope_commit (&scope, error);
}

gboolean
signet_store_update_saved_view (SignetStore            *self,
                                const SignetSavedView  *view,
                                GError                **error)
{
  g_auto(SignetWriteScope) scope = { 0 };
  g_autoptr(SignetSavedView) stored = NULL;
  g_autoptr(FieldList) before = NULL;
  g_autoptr(FieldList) after = NULL;
  SignetDbStmt *stmt;

  g_return_val_if_fail (SIGNET_IS_STORE (self), FALSE);
  g_return_val_if_fail (view != NULL, FALSE);

  if (!check_query (view->query, error) ||
      !_signet_write_scope_begin (&scope, self, error) ||
      !(stored = lookup_view (self, view->id, error)))
    return FALSE;

  before = filters_fields (stored);
  after = filters_fields (view);
  if (g_str_equal (g_array_index (before, FieldText, 0).text, g_array_index (after, FieldText, 0).text))
    return TRUE;

  if (!(stmt = _signet_store_statement (self,
                                        "UPDATE saved_views SET query = ?1, search = ?2, sort_key = ?3, descending = ?4, "
                                        "version = version + 1 WHERE id = ?5", error)))
    return FALSE;
  signet_db_bind_static_text (stmt, 1, view->query != NULL ? view->query : "");
  signet_db_bind_static_text (stmt, 2, view->search != NULL ? view->search : "");
  signet_db_bind_static_text (stmt, 3, signet_sort_key_to_token (view->sort_key));
  signet_db_bind_int (stmt, 4, view->descending ? 1 : 0);
  signet_db_bind_int64 (stmt, 5, view->id);
  if (!_signet_store_step_done (self, stmt, error))
    return FALSE;

  return _signet_write_scope_audit (&scope, SIGNET_AUDIT_ACTION_UPDATE_SAVED_VIEW, SIGNET_RECORD_SAVED_VIEW,
                                    view->id, stored->name, before, after, error) &&
         _signet_write_scope_commit (&scope, error);
}

/* Numbers the views 0, 1, … in the order @ids gives them. */
static gboolean
renumber (SignetStore  *self,
          GArray       *ids,
          GError      **error)
{
  for (guint i = 0; i < ids->len; i++)
    {
      SignetDbStmt *stmt = _signet_store_statement (self,
                                                    "UPDATE saved_views SET position = ?1 WHERE id = ?2 "
                                                    "AND position <> ?1", error);

      if (stmt == NULL)
        return FALSE;
      signet_db_bind_int64 (stmt, 1, i);
      signet_db_bind_int64 (stmt, 2, g_array_index (ids, gint64, i));
      if (!_signet_store_step_done (self, stmt, error))
        return FALSE;
    }

  return TRUE;
}

static GArray *
ids_in_order (SignetStore  *self,
              GError      **error)
{
  g_autoptr(GPtrArray) views = signet_store_list_saved_views (self, error);
  GArray *ids;

  if (views == NULL)
    return NULL;

  ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), views->len);
  for (guint i = 0; i < views->len; i++)
    g_array_append_val (ids, ((SignetSavedView *) g_ptr_array_index (views, i))->id);

  return ids;
}

gboolean
signet_store_move_saved_view (SignetStore  *self,
                              gint64        id,
                              guint         position,
                              GError      **error)
{
  g_auto(SignetWriteScope) scope = { 0 };
  g_autoptr(SignetSavedView) view = NULL;
  g_autoptr(GArray) ids = NULL;
  guint from = G_MAXUINT;

  g_return_val_if_fail (SIGNET_IS_STORE (self), FALSE);

  if (!_signet_write_scope_begin (&scope, self, error) ||
      !(view = lookup_view (self, id, error)) ||
      !(ids = ids_in_order (self, error)))
    return FALSE;

  for (guint i = 0; i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == id)
      from = i;
  g_assert (from != G_MAXUINT);

  position = MIN (position, ids->len - 1);
  if (position == from)
    return TRUE;

  g_array_remove_index (ids, from);
  g_array_insert_val (ids, position, id);

  return renumber (self, ids, error) &&
         _signet_write_scope_audit (&scope, SIGNET_AUDIT_ACTION_MOVE_SAVED_VIEW, SIGNET_RECORD_SAVED_VIEW,
                                    id, view->name, NULL, NULL, error) &&
         _signet_write_scope_commit (&scope, error);
}

SignetTombstone *
_signet_store_delete_saved_view (SignetStore  *self,
                                 gint64        id,
                                 GError      **error)
{
  g_auto(SignetWriteScope) scope = { 0 };
  g_autoptr(SignetSavedView) view = NULL;
  g_autoptr(SignetTombstone) tombstone = NULL;
  g_autoptr(GArray) ids = NULL;
  SignetDbStmt *stmt;

  if (!_signet_write_scope_begin (&scope, self, error) ||
      !(view = lookup_view (self, id, error)))
    return NULL;

  tombstone = _signet_tombstone_new (SIGNET_TOMBSTONE_SAVED_VIEW, id, 0, view->name);
  if (!_signet_store_keep_rows (self, tombstone, "saved_views", "id = ?1", id, error) ||
      !(stmt = _signet_store_statement (self, "DELETE FROM saved_views WHERE id = ?", error)))
    return NULL;

  signet_db_bind_int64 (stmt, 1, id);
  /* The views after it move up one: the sidebar's order has no gaps. */
  if (!_signet_store_step_done (self, stmt, error) ||
      !(ids = ids_in_order (self, error)) ||
      !renumber (self, ids, error) ||
      !_signet_write_scope_audit (&scope, SIGNET_AUDIT_ACTION_DELETE_SAVED_VIEW, SIGNET_RECORD_SAVED_VIEW,
                                  id, view->name, NULL, NULL, error) ||
      !_signet_write_scope_commit (&scope, error))
    return NULL;

  return g_steal_pointer (&tombstone);
}

gboolean
_signet_store_restore_saved_view (SignetWriteScope  *scope,
                                  SignetTombstone   *tombstone,
                                  GError           **error)
{
  SignetStore *self = scope->store;
  gint64 id = signet_tombstone_get_id (tombstone);
  const char *name = signet_tombstone_get_label (tombstone);
  g_autoptr(SignetSavedView) restored = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autofree char *free_name = NULL;

  if ((restored = signet_store_get_saved_view (self, id, &local_error)) != NULL || local_error != NULL)
    {
      if (local_error != NULL)
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        g_set_error (error, SIGNET_STORE_ERROR, SIGNET_STORE_ERROR_CONFLICT,
                     _("The view “%s” is back already."), name);
      return FALSE;
    }

  /* Another view may have taken its name meanwhile. */
  if (!(free_name = check_name (self, 0, name, &local_error)))
    {
      if (!g_error_matches (local_error, SIGNET_FIELD_ERROR, SIGNET_FIELD_VIEW_NAME))
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        g_set_error (error, SIGNET_STORE_ERROR, SIGNET_STORE_ERROR_CONFLICT,
                     _("The view “%s” cannot be restored: another view has its name now."), name);
      return FALSE;
    }

  /* It goes back where it was, the views after it moving down one. */
  if (!_signet_store_keep_uuid (self, tombstone, "saved_views", error) ||
      !_signet_store_insert_kept_rows (self, tombstone, error) ||
      !(restored = lookup_view (self, id, error)) ||
      !(ids = ids_in_order (self, error)))
    return FALSE;

  for (guint i = 0; i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == id)
      {
        g_array_remove_index (ids, i);
        break;
      }
  g_array_insert_val (ids, MIN (restored->position, ids->len), id);

  return renumber (self, ids, error) &&
         _signet_write_scope_audit (scope, SIGNET_AUDIT_ACTION_RESTORE_SAVED_VIEW, SIGNET_RECORD_SAVED_VIEW,
                                    id, name, NULL, NULL, error);
}
