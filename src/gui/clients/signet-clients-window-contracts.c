/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "signet-clients-window"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "signet-clients-window-private.h"
#include "signet-contract-process.h"
#include "signet-date.h"
#include "signet-store-current-terms.h"
#include "signet-store-events.h"

/* A client of a whole register's worth of contracts lists its newest:
 * the form stays quick, and the main list finds the rest. */
#define MAX_LISTED_CONTRACTS 100

/* Searching the list */

static gboolean
field_matches (const char *text,
               const char *query)
{
  g_autofree char *folded = NULL;

  if (text == NULL || *text == '\0')
    return FALSE;

  folded = g_utf8_casefold (text, -1);

  return strstr (folded, query) != NULL;
}

static gboolean
client_matches_cb (gpointer item,
                   gpointer user_data)
{
  SignetClientsWindow *self = user_data;
  SignetClient *client = item;

  if (self->query == NULL)
    return TRUE;

  return field_matches (signet_client_get_name (client), self->query) ||
         field_matches (signet_client_get_code (client), self->query) ||
         field_matches (signet_client_get_contact (client), self->query) ||
         field_matches (signet_client_get_phone (client), self->query) ||
         field_matches (signet_client_get_email (client), self->query);
}

static void
search_changed_cb (SignetClientsWindow *self,
                   GtkSearchEntry      *entry)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));

  g_clear_pointer (&self->query, g_free);
  if (*trimmed != '\0')
    self->query = g_utf8_casefold (trimmed, -1);

  if (self->query != NULL)
    {
      /* Translators: in the Clients window, when the search finds no client. */
      g_autofree char *text = g_strdup_printf (_("No client matches “%s”."), trimmed);

      gtk_label_set_text (self->no_match_label, text);
    }
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
}

/* Escape in the search empties it before it closes the window. */
static void
search_stopped_cb (SignetClientsWindow *self,
                   GtkSearchEntry      *entry)
{
  if (*gtk_editable_get_text (GTK_EDITABLE (entry)) != '\0')
    gtk_editable_set_text (GTK_EDITABLE (entry), "");
  else
    adw_dialog_close (ADW_DIALOG (self));
}

/* The contracts of the client */

static int
compare_numbers (gconstpointer a,
                 gconstpointer b)
{
  SignetContract *x = *(SignetContract * const *) a;
  SignetContract *y = *(SignetContract * const *) b;

  return g_strcmp0 (signet_contract_get_number (x), signet_contract_get_number (y));
}

static int
compare_ids_newest_first (gconstpointer a,
                          gconstpointer b)
{
  gint64 x = *(const gint64 *) a;
  gint64 y = *(const gint64 *) b;

  return x < y ? 1 : x > y ? -1 : 0;
}

/* @today: what the status is shown for (a signed contract's is derived). */
static GtkWidget *
new_contract_row (SignetContract *contract,
                  const char     *today)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *arrow = gtk_image_new_from_icon_name ("go-next-symbolic");
  const char *end = signet_contract_get_end_date (contract);
  const char *status = signet_contract_status_to_label (signet_contract_get_shown_status (contract, today));
  g_autofree char *subtitle = NULL;

  if (end != NULL && *end != '\0')
    {
      g_autofree char *shown = signet_date_format_display (end);

      /* Translators: under a contract in the Clients window: its number,
       * its status and its end date. */
      subtitle = g_strdup_printf (_("%1$s · %2$s · ends %3$s"), signet_contract_get_number (contract), status, shown);
    }
  else
    {
      /* Translators: under a contract in the Clients window: its number and its status. */
      subtitle = g_strdup_printf (_("%1$s · %2$s"), signet_contract_get_number (contract), status);
    }

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), signet_contract_get_title (contract));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), arrow);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_widget_set_tooltip_text (row, _("Open this contract in the main window"));
  g_object_set_data_full (G_OBJECT (row), "signet-contract-id",
                          g_memdup2 (&(gint64) { signet_contract_get_id (contract) }, sizeof (gint64)), g_free);

  return row;
}

static void
open_contract (SignetClientsWindow *self,
               gpointer             data)
{
  g_signal_emit_by_name (self, "open-contract", *(gint64 *) data);
}

/* The client's edits are saved or dropped first: the window closes. */
static void
contract_row_activated_cb (SignetClientsWindow *self,
                           GtkListBoxRow       *row,
                           GtkListBox          *list)
{
  gint64 *id = g_object_get_data (G_OBJECT (row), "signet-contract-id");

  if (id != NULL)
    _signet_clients_window_after_unsaved (self, open_contract, g_memdup2 (id, sizeof (gint64)), g_free);
}

void
_signet_clients_window_show_contracts (SignetClientsWindow *self)
{
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GPtrArray) contracts = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *description = NULL;
  g_autofree char *today = NULL;
  gint64 client_id = self->client != NULL ? signet_client_get_id (self->client) : 0;

  g_clear_handle_id (&self->contracts_idle, g_source_remove);
  gtk_list_box_remove_all (self->contracts_list);
  gtk_widget_set_visible (GTK_WIDGET (self->contracts_group), client_id != 0);
  if (client_id == 0 || self->store == NULL)
    return;

  ids = signet_store_list_client_contract_ids (self->store, client_id, NULL);
  if (ids != NULL)
    g_array_sort (ids, compare_ids_newest_first);
  for (guint i = 0; ids != NULL && i < MIN (ids->len, MAX_LISTED_CONTRACTS); i++)
    {
      SignetContract *contract = signet_store_get_contract (self->store, g_array_index (ids, gint64, i), NULL);

      /* Shown as the main list shows it: with the terms in force today. */
      if (contract != NULL)
        {
          signet_store_apply_current_terms (self->store, contract);
          g_ptr_array_add (contracts, contract);
        }
    }
  g_ptr_array_sort (contracts, compare_numbers);

  today = signet_store_dup_today (self->store);
  for (guint i = 0; i < contracts->len; i++)
    gtk_list_box_append (self->contracts_list, new_contract_row (g_ptr_array_index (contracts, i), today));
  gtk_widget_set_visible (GTK_WIDGET (self->contracts_list), contracts->len > 0);

  if (ids == NULL || ids->len == 0)
    description = g_strdup (_("No contracts with this client yet."));
  else if (ids->len > contracts->len)
    /* Translators: over the list of a client's contracts, when it has more than are listed. */
    description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                "The newest %u of %u contract. Search the main list for the others.",
                                                "The newest %u of %u contracts. Search the main list for the others.",
                                                ids->len),
                                   contracts->len, ids->len);
  else
    description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                "%u contract. Open one to see it in the main window.",
                                                "%u contracts. Open one to see it in the main window.",
                                                ids->len),
                                   ids->len);
  adw_preferences_group_set_description (self->contracts_group, description);
}

static gboolean
show_contracts_idle_cb (gpointer data)
{
  SignetClientsWindow *self = data;

  self->contracts_idle = 0;
  _signet_clients_window_show_contracts (self);

  return G_SOURCE_REMOVE;
}

void
_signet_clients_window_queue_contracts (SignetClientsWindow *self)
{
  if (self->contracts_idle == 0)
    self->contracts_idle = g_idle_add (show_contracts_idle_cb, self);
}

void
_signet_clients_window_focus_contracts (SignetClientsWindow *self)
{
  GtkListBoxRow *first = gtk_list_box_get_row_at_index (self->contracts_list, 0);

  adw_navigation_split_view_set_show_content (self->split_view, TRUE);
  /* The form scrolls to what has the focus. */
  if (first != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (first));
}

void
_signet_clients_window_build_search (SignetClientsWindow *self)
{
  GtkWidget *sidebar = gtk_widget_get_ancestor (GTK_WIDGET (self->list_box), ADW_TYPE_TOOLBAR_VIEW);
  GtkWidget *entry = gtk_search_entry_new ();
  GtkWidget *bar = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *no_match = gtk_label_new (NULL);

  self->search_entry = GTK_SEARCH_ENTRY (entry);
  gtk_search_entry_set_placeholder_text (self->search_entry, _("Search clients"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Search clients"), -1);
  gtk_widget_set_tooltip_text (entry, _("Name, code, contact person, phone or email"));
  /* Typing in the list searches it. */
  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self->list_box));
  gtk_widget_set_margin_start (entry, 6);
  gtk_widget_set_margin_end (entry, 6);
  gtk_widget_set_margin_bottom (entry, 6);
  gtk_box_append (GTK_BOX (bar), entry);
  adw_toolbar_view_add_top_bar (ADW_TOOLBAR_VIEW (sidebar), bar);
  g_signal_connect_object (entry, "search-changed", G_CALLBACK (search_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (entry, "stop-search", G_CALLBACK (search_stopped_cb), self, G_CONNECT_SWAPPED);

  self->no_match_label = GTK_LABEL (no_match);
  gtk_label_set_wrap (self->no_match_label, TRUE);
  gtk_label_set_wrap_mode (self->no_match_label, PANGO_WRAP_WORD_CHAR);
  gtk_label_set_justify (self->no_match_label, GTK_JUSTIFY_CENTER);
  gtk_widget_set_margin_top (no_match, 24);
  gtk_widget_set_margin_start (no_match, 12);
  gtk_widget_set_margin_end (no_match, 12);
  gtk_widget_add_css_class (no_match, "dimmed");
  gtk_list_box_set_placeholder (self->list_box, no_match);

  /* The list shows the clients through the search; reload_clients() gives
   * it the store's. */
  self->filter = gtk_custom_filter_new (client_matches_cb, self, NULL);
  self->filtered = gtk_filter_list_model_new (NULL, g_object_ref (GTK_FILTER (self->filter)));
}

void
_signet_clients_window_build_contracts (SignetClientsWindow *self)
{
  GtkWidget *list = gtk_list_box_new ();

  self->contracts_group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (self->contracts_group, _("Contracts"));

  self->contracts_list = GTK_LIST_BOX (list);
  gtk_list_box_set_selection_mode (self->contracts_list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Contracts with this client"), -1);
  g_signal_connect_object (list, "row-activated", G_CALLBACK (contract_row_activated_cb), self, G_CONNECT_SWAPPED);
  adw_preferences_group_add (self->contracts_group, list);

  gtk_box_append (self->form_box, GTK_WIDGET (self->contracts_group));
  gtk_widget_set_visible (GTK_WIDGET (self->contracts_group), FALSE);
}
