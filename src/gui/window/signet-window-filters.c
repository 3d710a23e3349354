/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "signet-window"

#include "config.h"

#include <glib/gi18n.h>

#include "signet-date.h"
#include "signet-error-dialog.h"
#include "signet-filter-popover.h"
#include "signet-store-people.h"
#include "signet-views-sidebar.h"
#include "signet-window-private.h"

/* The list's filters in the window: the Filter popover beside the search,
 * the chips under it that remove one filter each, the count of contracts
 * shown, Save View… and the sidebar of saved views. */

typedef enum
{
  CHIP_CONDITION,
  CHIP_STATUS,
  CHIP_RISK,
  CHIP_TYPE,
  CHIP_DEPARTMENT,
  CHIP_CURRENCY,
  CHIP_OWNER,
  CHIP_CLIENT,
  CHIP_DATE,
  CHIP_EXPIRING,
} ChipKind;

/* The query with the chip's filter taken out. */
static SignetContractQuery *
query_without (const SignetContractQuery *query,
               ChipKind                   kind,
               guint                      arg)
{
  SignetContractQuery *rest = signet_contract_query_copy (query);

  switch (kind)
    {
    case CHIP_CONDITION:
      signet_contract_query_set_filters (rest, signet_contract_query_get_filters (rest) & ~arg);
      break;
    case CHIP_STATUS:
      signet_contract_query_set_statuses (rest, 0);
      break;
    case CHIP_RISK:
      signet_contract_query_set_risk_levels (rest, 0);
      break;
    case CHIP_TYPE:
      signet_contract_query_set_types (rest, NULL);
      break;
    case CHIP_DEPARTMENT:
      signet_contract_query_set_departments (rest, NULL);
      break;
    case CHIP_CURRENCY:
      signet_contract_query_set_currencies (rest, NULL);
      break;
    case CHIP_OWNER:
      signet_contract_query_set_owners (rest, NULL, 0);
      break;
    case CHIP_CLIENT:
      signet_contract_query_set_clients (rest, NULL, 0);
      break;
    case CHIP_DATE:
      signet_contract_query_set_date_range (rest, arg, NULL, NULL);
      break;
    case CHIP_EXPIRING:
    default:
      signet_contract_query_set_expiring_within (rest, -1);
      break;
    }

  return rest;
}

/* The user changed the filters: the list shows what they say, and no
 * longer what a number or a saved view named. */
static void
apply_query (SignetWindow              *self,
             const SignetContractQuery *query)
{
  if (self->list == NULL)
    return;

  g_clear_pointer (&self->query_title, g_free);
  self->view_id = 0;
  signet_contract_list_set_query (self->list, query);
  _signet_window_update_view (self);
}

static void
chip_clicked_cb (GtkButton    *button,
                 SignetWindow *self)
{
  ChipKind kind = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "chip-kind"));
  guint arg = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "chip-arg"));
  g_autoptr(SignetContractQuery) rest = NULL;

  rest = query_without (signet_contract_list_get_query (self->list), kind, arg);
  apply_query (self, rest);
}

static void
add_chip (SignetWindow *self,
          ChipKind      kind,
          guint         arg,
          const char   *text)
{
  GtkWidget *button = gtk_button_new ();
  GtkWidget *content = adw_button_content_new ();
  g_autofree char *accessible = g_strdup_printf (_("Remove the filter “%s”"), text);

  adw_button_content_set_label (ADW_BUTTON_CONTENT (content), text);
  adw_button_content_set_icon_name (ADW_BUTTON_CONTENT (content), "window-close-symbolic");
  gtk_button_set_child (GTK_BUTTON (button), content);
  gtk_widget_add_css_class (button, "filter-chip");
  gtk_widget_set_tooltip_text (button, accessible);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
  g_object_set_data (G_OBJECT (button), "chip-kind", GUINT_TO_POINTER (kind));
  g_object_set_data (G_OBJECT (button), "chip-arg", GUINT_TO_POINTER (arg));
  g_signal_connect_object (button, "clicked", G_CALLBACK (chip_clicked_cb), self, 0);
  gtk_flow_box_append (self->chips_box, button);
}

/* "Risk: High, Medium": the field's @name and the values it may have. */
static void
add_join_chip (SignetWindow       *self,
               ChipKind            kind,
               const char         *name,
               const char * const *values)
{
  g_autofree char *joined = NULL;
  g_autofree char *text = NULL;

  if (values == NULL || values[0] == NULL)
    return;

  joined = g_strjoinv (_(", "), (GStrv) values);
  /* Translators: a filter of the list, its field and its values, "Risk: High". */
  text = g_strdup_printf (C_("filter chip", "%s: %s"), name, joined);
  add_chip (self, kind, 0, text);
}

static void
add_bits_chip (SignetWindow *self,
               ChipKind      kind,
               const char   *name,
               guint         bits,
               guint         n)
{
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();
  g_auto(GStrv) values = NULL;

  for (guint i = 0; i < n; i++)
    if (bits & (1u << i))
      g_strv_builder_add (names, kind == CHIP_STATUS ? signet_contract_status_to_label (i)
                                                     : signet_risk_level_to_label (i));
  values = g_strv_builder_end (names);
  add_join_chip (self, kind, name, (const char * const *) values);
}

static void
add_names_chip (SignetWindow *self,
                ChipKind      kind,
                const char   *name,
                const gint64 *ids,
                guint         n)
{
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();
  g_auto(GStrv) values = NULL;

  for (guint i = 0; i < n; i++)
    {
      if (kind == CHIP_OWNER)
        {
          g_autoptr(SignetPerson) person = signet_store_get_person (self->store, ids[i], NULL);

          g_strv_builder_add (names, person != NULL ? signet_person_get_name (person) : "?");
        }
      else
        {
          g_autoptr(SignetClient) client = signet_store_get_client (self->store, ids[i], NULL);

          g_strv_builder_add (names, client != NULL ? signet_client_get_name (client) : "?");
        }
    }
  values = g_strv_builder_end (names);
  add_join_chip (self, kind, name, (const char * const *) values);
}

static void
add_date_chips (SignetWindow              *self,
                const SignetContractQuery *query)
{
  for (guint field = 0; field < SIGNET_N_QUERY_DATES; field++)
    {
      const char *from;
      const char *to;
      g_autofree char *from_shown = NULL;
      g_autofree char *to_shown = NULL;
      g_autofree char *text = NULL;

      signet_contract_query_get_date_range (query, field, &from, &to);
      if (from == NULL && to == NULL)
        continue;

      from_shown = from != NULL ? signet_date_format_display (from) : NULL;
      to_shown = to != NULL ? signet_date_format_display (to) : NULL;
      if (from != NULL && to != NULL)
        /* Translators: a date range filter, "End: 2026/1/1 – 2026/3/31". */
        text = g_strdup_printf (_("%s: %s – %s"), signet_query_date_to_label (field), from_shown, to_shown);
      else if (from != NULL)
        /* Translators: a date range filter open at its end, "End: from 2026/1/1". */
        text = g_strdup_printf (_("%s: from %s"), signet_query_date_to_label (field), from_shown);
      else
        /* Translators: a date range filter open at its start, "End: until 2026/3/31". */
        text = g_strdup_printf (_("%s: until %s"), signet_query_date_to_label (field), to_shown);
      add_chip (self, CHIP_DATE, field, text);
    }
}

static void
rebuild_chips (SignetWindow              *self,
               const SignetContractQuery *query)
{
  SignetContractFilter filters = signet_contract_query_get_filters (query);
  int days = signet_contract_query_get_expiring_within (query);
  const gint64 *ids;
  guint n;

  gtk_flow_box_remove_all (self->chips_box);

  for (guint bit = 1; bit <= SIGNET_CONTRACT_FILTER_PENDING_APPROVALS; bit <<= 1)
    if (filters & bit)
      add_chip (self, CHIP_CONDITION, bit, signet_contract_filter_to_label (bit));
  add_bits_chip (self, CHIP_STATUS, _("Status"), signet_contract_query_get_statuses (query),
                 SIGNET_N_CONTRACT_STATUSES);
  add_bits_chip (self, CHIP_RISK, _("Risk"), signet_contract_query_get_risk_levels (query),
                 SIGNET_N_RISK_LEVELS);
  add_join_chip (self, CHIP_TYPE, _("Type"), signet_contract_query_get_types (query));
  add_join_chip (self, CHIP_DEPARTMENT, _("Department"), signet_contract_query_get_departments (query));
  add_join_chip (self, CHIP_CURRENCY, _("Currency"), signet_contract_query_get_currencies (query));
  ids = signet_contract_query_get_owners (query, &n);
  add_names_chip (self, CHIP_OWNER, _("Owner"), ids, n);
  ids = signet_contract_query_get_clients (query, &n);
  add_names_chip (self, CHIP_CLIENT, _("Client"), ids, n);
  add_date_chips (self, query);
  if (days >= 0)
    {
      g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Expiring within %d day",
                                                            "Expiring within %d days", days), days);

      add_chip (self, CHIP_EXPIRING, 0, text);
    }
}

void
_signet_window_update_filters (SignetWindow *self)
{
  const SignetContractQuery *query;
  gboolean filtered;
  guint n;

  if (self->list == NULL)
    {
      gtk_revealer_set_reveal_child (self->chips_revealer, FALSE);
      return;
    }

  query = signet_contract_list_get_query (self->list);
  filtered = !signet_contract_query_is_empty (query);
  n = g_list_model_get_n_items (G_LIST_MODEL (self->list));

  if (!signet_contract_query_equal (query, self->chips_query))
    {
      signet_contract_query_free (self->chips_query);
      self->chips_query = signet_contract_query_copy (query);
      rebuild_chips (self, query);
      signet_filter_popover_set_query (self->filter_popover, query);
    }

  {
    g_autofree char *count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u contract", "%u contracts", n), n);

    gtk_label_set_label (self->count_label, count);
  }
  gtk_revealer_set_reveal_child (self->chips_revealer, filtered || signet_contract_list_get_search (self->list) != NULL);
  signet_views_sidebar_select (self->views_sidebar, self->view_id);
}

static void
popover_query_changed_cb (SignetWindow              *self,
                          const SignetContractQuery *query)
{
  apply_query (self, query);
}

/* A saved view: its filters, its search and its order, and the sidebar
 * row it came from shown as chosen until the user changes them. */
static void
views_sidebar_activated_cb (SignetWindow          *self,
                            const SignetSavedView *view)
{
  g_autoptr(SignetContractQuery) query = NULL;
  g_autoptr(GError) error = NULL;

  if (self->list == NULL)
    return;

  if (!(query = signet_contract_query_new_from_string (view->query, &error)))
    {
      _signet_window_show_error (self, _("The View Could Not Be Shown"), error);
      return;
    }

  g_clear_pointer (&self->query_title, g_free);
  gtk_search_bar_set_search_mode (self->search_bar, view->search != NULL);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), view->search != NULL ? view->search : "");
  signet_contract_list_set_search (self->list, view->search);
  signet_contract_list_set_query (self->list, query);
  signet_contract_table_set_sort (self->table, view->sort_key, view->descending);
  self->view_id = view->id;
  _signet_window_update_view (self);
}

static void
save_view_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  SignetWindow *self = SIGNET_WINDOW (widget);
  g_autoptr(SignetSavedView) view = signet_saved_view_new ();
  const char *search;

  if (self->list == NULL)
    return;

  search = signet_contract_list_get_search (self->list);
  g_free (view->query);
  view->query = signet_contract_query_to_string (signet_contract_list_get_query (self->list));
  view->search = g_strdup (search);
  view->sort_key = signet_contract_list_get_sort_key (self->list);
  view->descending = signet_contract_list_get_descending (self->list);

  gtk_toggle_button_set_active (self->views_button, TRUE);
  signet_views_sidebar_save (self->views_sidebar, view);
}

/* Ctrl+Shift+F: the search bar and its Filter popover, open. */
static void
filters_activated (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  SignetWindow *self = SIGNET_WINDOW (widget);

  if (self->list == NULL)
    return;

  adw_view_stack_set_visible_child_name (self->view_stack, "list");
  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_menu_button_popup (self->filter_button);
}

static void
toggle_views_activated (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  SignetWindow *self = SIGNET_WINDOW (widget);

  gtk_toggle_button_set_active (self->views_button, !gtk_toggle_button_get_active (self->views_button));
}

void
_signet_window_class_init_filters (GtkWidgetClass *widget_class)
{
  g_type_ensure (SIGNET_TYPE_VIEWS_SIDEBAR);

  gtk_widget_class_bind_template_child (widget_class, SignetWindow, filter_button);
  gtk_widget_class_bind_template_child (widget_class, SignetWindow, views_split);
  gtk_widget_class_bind_template_child (widget_class, SignetWindow, views_sidebar);
  gtk_widget_class_bind_template_child (widget_class, SignetWindow, views_button);
  gtk_widget_class_bind_template_child (widget_class, SignetWindow, chips_revealer);
  gtk_widget_class_bind_template_child (widget_class, SignetWindow, chips_box);
  gtk_widget_class_bind_template_child (widget_class, SignetWindow, count_label);
  gtk_widget_class_bind_template_callback (widget_class, views_sidebar_activated_cb);

  gtk_widget_class_install_action (widget_class, "win.filters", NULL, filters_activated);
  gtk_widget_class_install_action (widget_class, "win.save-view", NULL, save_view_activated);
  gtk_widget_class_install_action (widget_class, "win.toggle-views", NULL, toggle_views_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.filters", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F9, 0, "win.toggle-views", NULL);
}

void
_signet_window_init_filters (SignetWindow *self)
{
  self->filter_popover = SIGNET_FILTER_POPOVER (signet_filter_popover_new ());
  self->chips_query = signet_contract_query_new ();
  gtk_menu_button_set_popover (self->filter_button, GTK_WIDGET (self->filter_popover));
  g_signal_connect_object (self->filter_popover, "query-changed", G_CALLBACK (popover_query_changed_cb), self,
                           G_CONNECT_SWAPPED);
}

void
_signet_window_set_filters_store (SignetWindow *self,
                                  SignetStore  *store)
{
  signet_filter_popover_set_store (self->filter_popover, store);
  signet_views_sidebar_set_store (self->views_sidebar, store);
  self->view_id = 0;
}

void
_signet_window_finalize_filters (SignetWindow *self)
{
  g_clear_pointer (&self->chips_query, signet_contract_query_free);
}
