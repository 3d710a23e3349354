/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "signet-xml"

#include "config.h"

#include <glib/gi18n.h>

#include "signet-contract-query.h"
#include "signet-store-people.h"
#include "signet-store-views.h"
#include "signet-xml-export-private.h"

/* <saved-views>, after the contracts: each view's filters in their text
 * form, but the owners and clients, whose ids are the register's own: they
 * travel as people's names and clients' codes, which the importing
 * register finds its own by. */

/* @values percent-encoded as the query's text form has them, joined by
 * ",". */
static char *
join_escaped (GPtrArray *values)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < values->len; i++)
    {
      g_autofree char *escaped = g_uri_escape_string (g_ptr_array_index (values, i), "!$&'()*+:@/ ", TRUE);

      g_string_append_printf (text, "%s%s", i > 0 ? "," : "", escaped);
    }

  return g_string_free (text, FALSE);
}

static gboolean
write_view_attribute (Export      *self,
                      const char  *name,
                      const char  *value,
                      const char  *view_name,
                      GError     **error)
{
  if (value == NULL || *value == '\0')
    return TRUE;

  if (!_signet_xml_export_check_text (value, view_name, _("View"), error))
    return FALSE;

  if (xmlTextWriterWriteAttribute (self->writer, BAD_CAST name, BAD_CAST value) < 0)
    return _signet_xml_export_writer_failed (self, error);

  return TRUE;
}

static gboolean
write_view (Export                *self,
            const SignetSavedView *view,
            GError               **error)
{
  g_autoptr(SignetContractQuery) query = NULL;
  g_autoptr(GPtrArray) owners = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) clients = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *text = NULL;
  g_autofree char *owner_names = NULL;
  g_autofree char *client_codes = NULL;
  const gint64 *ids;
  guint n;

  if (!(query = signet_contract_query_new_from_string (view->query, error)))
    return FALSE;

  ids = signet_contract_query_get_owners (query, &n);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SignetPerson) person = signet_store_get_person (self->store, ids[i], NULL);

      /* A person deleted since no longer narrows the view. */
      if (person != NULL)
        g_ptr_array_add (owners, g_strdup (signet_person_get_name (person)));
    }
  ids = signet_contract_query_get_clients (query, &n);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SignetClient) client = signet_store_get_client (self->store, ids[i], NULL);

      if (client != NULL)
        g_ptr_array_add (clients, g_strdup (signet_client_get_code (client)));
    }
  signet_contract_query_set_owners (query, NULL, 0);
  signet_contract_query_set_clients (query, NULL, 0);
  text = signet_contract_query_to_string (query);
  owner_names = join_escaped (owners);
  client_codes = join_escaped (clients);

  if (xmlTextWriterStartElement (self->writer, BAD_CAST "saved-view") < 0)
    return _signet_xml_export_writer_failed (self, error);

  if (!write_view_attribute (self, "name", view->name, view->name, error) ||
      !write_view_attribute (self, "uuid", view->uuid, view->name, error) ||
      !write_view_attribute (self, "query", text, view->name, error) ||
      !write_view_attribute (self, "owners", owner_names, view->name, error) ||
      !write_view_attribute (self, "clients", client_codes, view->name, error) ||
      !write_view_attribute (self, "search", view->search, view->name, error) ||
      !write_view_attribute (self, "sort", signet_sort_key_to_token (view->sort_key), view->name, error) ||
      !write_view_attribute (self, "descending", view->descending ? "true" : NULL, view->name, error))
    return FALSE;

  if (xmlTextWriterEndElement (self->writer) < 0)
    return _signet_xml_export_writer_failed (self, error);

  return TRUE;
}

gboolean
_signet_xml_export_write_saved_views (Export  *self,
                                      GError **error)
{
  g_autoptr(GPtrArray) views = signet_store_list_saved_views (self->store, error);

  if (views == NULL)
    return FALSE;
  if (views->len == 0)
    return TRUE;

  if (xmlTextWriterStartElement (self->writer, BAD_CAST "saved-views") < 0)
    return _signet_xml_export_writer_failed (self, error);

  for (guint i = 0; i < views->len; i++)
    if (!write_view (self, g_ptr_array_index (views, i), error))
      return FALSE;

  if (xmlTextWriterEndElement (self->writer) < 0)
    return _signet_xml_export_writer_failed (self, error);

  return TRUE;
}
