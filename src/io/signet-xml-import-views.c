/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "signet-xml"

#include "config.h"

#include "signet-contract-query.h"
#include "signet-store-people.h"
#include "signet-store-views.h"
#include "signet-xml-import-private.h"

/* <saved-views>, all of them at once at its end, when the people and the
 * clients their filters name are in the register. A view whose UUID the
 * register has is the same view: left as it is, or changed to the file's
 * when existing records are to be updated. A new view whose name another
 * view has comes in as "name (2)". A dry run writes nothing. */

typedef struct
{
  SignetSavedView *view;
  char            *owners;   /* names, percent-encoded, joined by "," */
  char            *clients;  /* codes, the same */
  guint            line;
} ImportView;

void
_signet_xml_import_free_view (gpointer data)
{
  ImportView *view = data;

  signet_saved_view_free (view->view);
  g_free (view->owners);
  g_free (view->clients);
  g_free (view);
}

gboolean
_signet_xml_import_read_saved_view (Import *self,
                                    guint   line)
{
  g_autofree char *sort = _signet_xml_import_get_attribute (self, "sort");
  g_autofree char *descending = _signet_xml_import_get_attribute (self, "descending");
  g_autofree char *query = _signet_xml_import_get_attribute (self, "query");
  g_autoptr(SignetContractQuery) parsed = NULL;
  g_autoptr(GError) error = NULL;
  ImportView *view;

  /* The schema's pattern lets every known key through; the values are
   * Signet's to check. */
  if (!(parsed = signet_contract_query_new_from_string (query != NULL ? query : "", &error)))
    return _signet_xml_import_fail (self, SIGNET_XML_ERROR_INVALID, line,
                                    _signet_xml_import_locate_attribute (self, line, "query", query), query,
                                    "%s", error->message);

  view = g_new0 (ImportView, 1);
  view->view = signet_saved_view_new ();
  view->view->name = _signet_xml_import_get_attribute (self, "name");
  view->view->uuid = _signet_xml_import_get_attribute (self, "uuid");
  g_free (view->view->query);
  view->view->query = signet_contract_query_to_string (parsed);
  view->view->search = _signet_xml_import_get_attribute (self, "search");
  if (!signet_sort_key_from_token (sort, &view->view->sort_key))
    view->view->sort_key = SIGNET_SORT_NUMBER;
  view->view->descending = g_strcmp0 (descending, "true") == 0 || g_strcmp0 (descending, "1") == 0;
  view->owners = _signet_xml_import_get_attribute (self, "owners");
  view->clients = _signet_xml_import_get_attribute (self, "clients");
  view->line = line;
  g_ptr_array_add (self->saved_views, view);

  return TRUE;
}

/* The register's ids of the people or clients @names names; one it does
 * not have no longer narrows the view. */
static GArray *
find_ids (Import     *self,
          const char *names,
          gboolean    people)
{
  g_auto(GStrv) parts = g_strsplit (names != NULL ? names : "", ",", -1);
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_autofree char *name = g_uri_unescape_string (parts[i], NULL);
      gint64 id = 0;

      if (name == NULL || *name == '\0')
        continue;

      if (people)
        {
          g_autoptr(SignetPerson) person = signet_store_find_person (self->store, name, NULL);

          id = person != NULL ? signet_person_get_id (person) : 0;
        }
      else
        {
          g_autoptr(SignetClient) client = signet_store_find_client_by_code (self->store, name, NULL);

          id = client != NULL ? signet_client_get_id (client) : 0;
        }

      if (id > 0)
        g_array_append_val (ids, id);
    }

  return ids;
}

/* @view's query with the owners and clients of the file found in the
 * register. */
static void
resolve_names (Import     *self,
               ImportView *view)
{
  g_autoptr(SignetContractQuery) query = signet_contract_query_new_from_string (view->view->query, NULL);
  g_autoptr(GArray) owners = find_ids (self, view->owners, TRUE);
  g_autoptr(GArray) clients = find_ids (self, view->clients, FALSE);

  signet_contract_query_set_owners (query, (const gint64 *) owners->data, owners->len);
  signet_contract_query_set_clients (query, (const gint64 *) clients->data, clients->len);
  g_free (view->view->query);
  view->view->query = signet_contract_query_to_string (query);
}

/* @name, or "name (2)", "name (3)"… when another view has it. */
static char *
free_name (GPtrArray  *existing,
           const char *name)
{
  for (guint n = 1; ; n++)
    {
      g_autofree char *candidate = n == 1 ? g_strdup (name) : g_strdup_printf ("%s (%u)", name, n);
      gboolean taken = FALSE;

      for (guint i = 0; i < existing->len && !taken; i++)
        taken = g_str_equal (((SignetSavedView *) g_ptr_array_index (existing, i))->name, candidate);

      if (!taken)
        return g_steal_pointer (&candidate);
    }
}

gboolean
_signet_xml_import_finish_saved_views (Import *self)
{
  g_autoptr(GPtrArray) existing = NULL;
  g_autoptr(GError) error = NULL;

  if (self->pending != NULL || self->saved_views->len == 0 || self->options->dry_run)
    return TRUE;

  if (!(existing = signet_store_list_saved_views (self->store, &error)))
    return _signet_xml_import_fail_in_register (self, error);

  for (guint i = 0; i < self->saved_views->len; i++)
    {
      ImportView *view = g_ptr_array_index (self->saved_views, i);
      SignetSavedView *same = NULL;
      g_autofree char *name = NULL;

      resolve_names (self, view);
      for (guint j = 0; j < existing->len && same == NULL; j++)
        if (g_strcmp0 (((SignetSavedView *) g_ptr_array_index (existing, j))->uuid, view->view->uuid) == 0)
          same = g_ptr_array_index (existing, j);

      if (same != NULL)
        {
          if (self->options->on_conflict != SIGNET_CONFLICT_UPDATE)
            continue;
          view->view->id = same->id;
          if (!signet_store_update_saved_view (self->store, view->view, &error))
            return _signet_xml_import_fail_with_store_error (self, error);
          continue;
        }

      name = free_name (existing, view->view->name);
      g_free (view->view->name);
      view->view->name = g_steal_pointer (&name);
      if ((view->view->id = signet_store_add_saved_view (self->store, view->view, &error)) == 0)
        return _signet_xml_import_fail_with_store_error (self, error);
      g_ptr_array_add (existing, signet_saved_view_copy (view->view));
    }

  return TRUE;
}
