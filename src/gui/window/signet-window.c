/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "signet-window"

#include "config.h"

#include <stdio.h>

#include <glib/gi18n.h>

#include "signet-application.h"
#include "signet-attachment-window.h"
#include "signet-breakpoint-focus.h"
#include "signet-window-private.h"

static void choose_file_clicked_cb (SignetWindow *self,
                                    GtkButton    *button);

G_DEFINE_FINAL_TYPE (SignetWindow, signet_window, ADW_TYPE_APPLICATION_WINDOW)

/* The values of the "sort-column" setting, indexed by SignetSortKey. */
static const char * const sort_column_names[] = {
  [SIGNET_SORT_NUMBER] = "number",
  [SIGNET_SORT_TITLE] = "title",
  [SIGNET_SORT_CLIENT] = "client",
  [SIGNET_SORT_STATUS] = "status",
  [SIGNET_SORT_END_DATE] = "end-date",
  [SIGNET_SORT_VALUE] = "value",
};

static SignetSortKey
sort_key_from_settings (GSettings *settings)
{
  g_autofree char *name = g_settings_get_string (settings, "sort-column");

  for (guint i = 0; i < G_N_ELEMENTS (sort_column_names); i++)
    if (g_strcmp0 (name, sort_column_names[i]) == 0)
      return i;

  return SIGNET_SORT_NUMBER;
}

static gboolean
has_search (SignetWindow *self)
{
  const char *search = self->list ? signet_contract_list_get_search (self->list) : NULL;

  /* A filter hides contracts as a search does. */
  return (search != NULL && *search != '\0') ||
         (self->list != NULL && !signet_contract_query_is_empty (signet_contract_list_get_query (self->list)));
}

/* A status page gets its icon when first shown: a hidden page's icon is
 * still looked up and drawn at 128 pixels as the window starts. "main" and
 * "no-results" are the list's, beside the contract; "empty" and "error"
 * take the whole window, as there is no contract to show beside them. */
static void
show_stack_page (SignetWindow  *self,
                 const char    *page_name,
                 AdwStatusPage *status_page,
                 const char    *icon_name)
{
  gboolean in_list = g_str_equal (page_name, "main") || g_str_equal (page_name, "no-results");

  if (status_page != NULL && adw_status_page_get_icon_name (status_page) == NULL)
    adw_status_page_set_icon_name (status_page, icon_name);

  if (in_list)
    gtk_stack_set_visible_child_name (self->stack, page_name);
  gtk_stack_set_visible_child_name (self->window_stack, in_list ? "main" : page_name);
}

static GtkWidget *
new_pill_button (const char *mnemonic_label,
                 const char *accessible_label,
                 gboolean    suggested)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (mnemonic_label);

  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible_label,
                                  -1);
  gtk_widget_add_css_class (button, "pill");
  if (suggested)
    gtk_widget_add_css_class (button, "suggested-action");

  return button;
}

/* A menu model makes its popover and every item's widgets at once: the
 * main menu gets its model the first time it opens, not with the window. */
static void
create_primary_menu_cb (GtkMenuButton *menu_button,
                        gpointer       data)
{
  SignetWindow *self = data;

  if (gtk_menu_button_get_popover (menu_button) == NULL)
    gtk_menu_button_set_menu_model (menu_button, self->primary_menu);
}

/* The main menu's button of a page's header bar. Each is a primary menu:
 * F10 opens the one on screen. */
static GtkWidget *
new_menu_button (SignetWindow *self)
{
  GtkWidget *menu_button = gtk_menu_button_new ();

  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (menu_button), "open-menu-symbolic");
  gtk_menu_button_set_primary (GTK_MENU_BUTTON (menu_button), TRUE);
  gtk_widget_set_tooltip_text (menu_button, _("Main Menu"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (menu_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Main Menu"),
                                  -1);
  gtk_menu_button_set_create_popup_func (GTK_MENU_BUTTON (menu_button), create_primary_menu_cb, self, NULL);

  return menu_button;
}

/* @status_page under a header bar with the main menu and the banner of a
 * lost connection, as a page of the whole window named @name. */
static void
add_window_page (SignetWindow  *self,
                 AdwStatusPage *status_page,
                 const char    *name)
{
  GtkWidget *toolbar_view = adw_toolbar_view_new ();
  GtkWidget *header_bar = adw_header_bar_new ();

  adw_header_bar_pack_end (ADW_HEADER_BAR (header_bar), new_menu_button (self));

  adw_toolbar_view_add_top_bar (ADW_TOOLBAR_VIEW (toolbar_view), header_bar);
  adw_toolbar_view_add_top_bar (ADW_TOOLBAR_VIEW (toolbar_view), _signet_window_new_connection_banner (self));
  adw_toolbar_view_set_content (ADW_TOOLBAR_VIEW (toolbar_view), GTK_WIDGET (status_page));
  gtk_stack_add_named (self->window_stack, toolbar_view, name);
}

/* The "error" and "empty" pages are made the first time they are needed:
 * a window with a register shows neither, and their widgets were part of
 * every start. */
static AdwStatusPage *
ensure_error_page (SignetWindow *self)
{
  GtkWidget *button;

  if (self->error_page != NULL)
    return self->error_page;

  button = new_pill_button (_("_Choose Another File…"), _("Choose Another File…"), TRUE);
  gtk_widget_set_halign (button, GTK_ALIGN_CENTER);
  g_signal_connect_object (button, "clicked", G_CALLBACK (choose_file_clicked_cb), self, G_CONNECT_SWAPPED);

  self->error_page = ADW_STATUS_PAGE (adw_status_page_new ());
  adw_status_page_set_title (self->error_page, _("Cannot Open the Register"));
  adw_status_page_set_child (self->error_page, button);
  add_window_page (self, self->error_page, "error");

  return self->error_page;
}

static AdwStatusPage *
ensure_empty_page (SignetWindow *self)
{
  GtkWidget *box;
  GtkWidget *clients_button;
  GtkWidget *new_button;

  if (self->empty_page != NULL)
    return self->empty_page;

  clients_button = new_pill_button (_("_Clients"), _("Clients"), FALSE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (clients_button), "win.clients");
  gtk_widget_set_tooltip_text (clients_button, _("Show and edit the clients"));
  new_button = new_pill_button (_("_New Contract"), _("New Contract"), TRUE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (new_button), "win.new-contract");

  /* Each button as wide as its label: two as wide as New Contract do not
   * fit side by side at 360 px. */
  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  gtk_widget_set_halign (box, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (box), clients_button);
  gtk_box_append (GTK_BOX (box), new_button);

  self->empty_page = ADW_STATUS_PAGE (adw_status_page_new ());
  adw_status_page_set_title (self->empty_page, _("No Contracts Yet"));
  adw_status_page_set_description (self->empty_page,
                                   _("Create the first contract of your register. Every contract "
                                     "belongs to a client, so you may want to add your clients first."));
  adw_status_page_set_child (self->empty_page, box);
  add_window_page (self, self->empty_page, "empty");

  return self->empty_page;
}

/* A contract the search has filtered out of the list stays on screen
 * (the user opened it, or is editing it): the banner says so, so that
 * nobody takes it for one of the results. */
static void
update_search_banner (SignetWindow *self)
{
  SignetContract *contract = signet_contract_page_get_contract (self->page);
  gboolean hidden = self->list != NULL && has_search (self) &&
                    contract != NULL && signet_contract_get_id (contract) > 0 &&
                    signet_contract_list_find (self->list, signet_contract_get_id (contract)) == GTK_INVALID_LIST_POSITION;

  adw_banner_set_revealed (self->search_banner, hidden);
}

static void
search_banner_button_clicked_cb (SignetWindow *self,
                                 AdwBanner    *banner)
{
  gtk_search_bar_set_search_mode (self->search_bar, FALSE);
}

/* What signet_window_show_contracts() narrowed the list to, and how many
 * contracts that is, while the list is still narrowed to it. */
static void
update_query_banner (SignetWindow *self)
{
  gboolean shown = self->list != NULL && self->query_title != NULL &&
                   !signet_contract_query_is_empty (signet_contract_list_get_query (self->list));

  if (shown)
    {
      guint n = g_list_model_get_n_items (G_LIST_MODEL (self->list));
      g_autofree char *title =
        /* Translators: %s says what the list shows, "Expiring in 30 days"; %u counts them. */
        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s: %u contract", "%s: %u contracts", n),
                         self->query_title, n);

      adw_banner_set_title (self->query_banner, title);
    }
  adw_banner_set_revealed (self->query_banner, shown);
}

/* The filter menu's check items show the query's filters, whoever set them. */
static void sync_filter_actions (SignetWindow *self);

static void
clear_query (SignetWindow *self)
{
  g_clear_pointer (&self->query_title, g_free);
  self->view_id = 0;
  if (self->list != NULL)
    signet_contract_list_set_query (self->list, NULL);
  sync_filter_actions (self);
}

static void
query_banner_button_clicked_cb (SignetWindow *self,
                                AdwBanner    *banner)
{
  clear_query (self);
  _signet_window_update_view (self);
}

void
_signet_window_update_view (SignetWindow *self)
{
  guint n_items;

  g_assert (SIGNET_IS_WINDOW (self));

  if (self->store == NULL)
    {
      show_stack_page (self, "error", ensure_error_page (self), "dialog-error-symbolic");
      return;
    }

  n_items = self->list ? g_list_model_get_n_items (G_LIST_MODEL (self->list)) : 0;

  /* A contract being edited keeps the form on screen whatever the list
   * shows; otherwise an empty list says why it is empty. */
  if (n_items == 0 && has_search (self) && !signet_contract_page_get_dirty (self->page))
    {
      const char *search = signet_contract_list_get_search (self->list);
      g_autofree char *description =
        search == NULL
          ? g_strdup (_("No contract passes the filters."))
          : g_strdup_printf (_("No contract matches “%s”. Search finds numbers, titles, clients, owners, "
                               "departments, types and tags, and Chinese by its pinyin (“hd” for 华东)."),
                             search);

      adw_status_page_set_description (self->no_results_page, description);
      show_stack_page (self, "no-results", self->no_results_page, "system-search-symbolic");
    }
  else if (n_items == 0 && !has_search (self) && !gtk_search_bar_get_search_mode (self->search_bar) &&
           signet_contract_page_get_contract (self->page) == NULL)
    {
      show_stack_page (self, "empty", ensure_empty_page (self), "x-office-document-symbolic");
    }
  else
    {
      show_stack_page (self, "main", NULL, NULL);
    }

  update_search_banner (self);
  update_query_banner (self);
  sync_filter_actions (self);
  _signet_window_update_filters (self);
}

static void
list_length_changed_cb (SignetWindow       *self,
                        GParamSpec         *pspec,
                        SignetContractList *list)
{
  _signet_window_update_view (self);
}

/* The revealer stays hidden while it shows nothing: a concealed revealer is
 * still measured with its child, at every layout of the window. */
static void
indexing_child_revealed_cb (SignetWindow *self,
                            GParamSpec   *pspec,
                            GtkRevealer  *revealer)
{
  if (!gtk_revealer_get_reveal_child (revealer) && !gtk_revealer_get_child_revealed (revealer))
    gtk_widget_set_visible (GTK_WIDGET (revealer), FALSE);
}

static void
show_indexing (SignetWindow *self,
               gboolean      shown)
{
  if (shown)
    gtk_widget_set_visible (GTK_WIDGET (self->indexing_revealer), TRUE);
  gtk_revealer_set_reveal_child (self->indexing_revealer, shown);
}

static void
indexer_progress_cb (SignetWindow      *self,
                     GParamSpec        *pspec,
                     SignetTextIndexer *indexer)
{
  guint n_total = signet_text_indexer_get_n_total (indexer);
  g_autofree char *text = NULL;

  show_indexing (self, signet_text_indexer_get_busy (indexer));
  if (!signet_text_indexer_get_busy (indexer))
    return;

  /* Translators: shown under the contract list while Signet reads the text
   * of attached PDFs so that search finds words inside them. */
  text = g_strdup_printf (ngettext ("Reading attached files for search: %u of %u",
                                    "Reading attached files for search: %u of %u", n_total),
                          MIN (signet_text_indexer_get_n_done (indexer) + 1, n_total), n_total);
  gtk_label_set_text (self->indexing_label, text);
  gtk_progress_bar_set_fraction (self->indexing_progress, signet_text_indexer_get_fraction (indexer));
}

static void
stop_indexer (SignetWindow *self)
{
  if (self->text_indexer == NULL)
    return;

  g_signal_handlers_disconnect_by_data (self->text_indexer, self);
  signet_text_indexer_stop (self->text_indexer);
  g_clear_object (&self->text_indexer);
  show_indexing (self, FALSE);
}

static void
calendar_open_contract_cb (SignetWindow       *self,
                           gint64              contract_id,
                           SignetCalendarView *view)
{
  signet_window_open_contract (self, contract_id);
}

/* A header bar button with an icon and a label, as the list's New
 * Contract and Clients buttons. */
static GtkWidget *
new_header_button (const char *action_name,
                   const char *icon_name,
                   const char *mnemonic_label,
                   const char *accessible_label,
                   const char *tooltip)
{
  GtkWidget *button = gtk_button_new ();
  GtkWidget *content = adw_button_content_new ();

  adw_button_content_set_icon_name (ADW_BUTTON_CONTENT (content), icon_name);
  adw_button_content_set_label (ADW_BUTTON_CONTENT (content), mnemonic_label);
  adw_button_content_set_use_underline (ADW_BUTTON_CONTENT (content), TRUE);
  gtk_button_set_child (GTK_BUTTON (button), content);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action_name);
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible_label,
                                  -1);

  return button;
}

/* Phone-sized, the view switcher leaves the header bar for the bar at the
 * bottom, and the header bar shows the window's title. */
static gboolean
view_title_widget_cb (GBinding     *binding,
                      const GValue *reveal,
                      GValue       *title_widget,
                      gpointer      switcher)
{
  g_value_set_object (title_widget, g_value_get_boolean (reveal) ? NULL : switcher);

  return TRUE;
}

/* A page of the view stack beside the list: @content under a header bar
 * like the list's and the banner of a lost connection, and the switcher
 * bar. Phone-sized, the 640sp
 * breakpoint changes the list's header bar (signet-window.ui); this one,
 * made later, follows it. */
static GtkWidget *
new_view_page (SignetWindow *self,
               GtkWidget    *content)
{
  GtkWidget *toolbar_view;
  GtkWidget *header_bar;
  GtkWidget *new_button;
  GtkWidget *clients_button;
  GtkWidget *switcher;
  GtkWidget *switcher_bar;

  new_button = new_header_button ("win.new-contract", "list-add-symbolic", _("_New Contract"),
                                  _("New Contract"), _("Create a contract"));
  g_object_bind_property (self->new_button_content, "label",
                          gtk_button_get_child (GTK_BUTTON (new_button)), "label",
                          G_BINDING_SYNC_CREATE);
  clients_button = new_header_button ("win.clients", "system-users-symbolic", _("_Clients"),
                                      _("Clients"), _("Show and edit the clients"));
  g_object_bind_property (self->clients_button, "visible", clients_button, "visible", G_BINDING_SYNC_CREATE);

  switcher = adw_view_switcher_new ();
  adw_view_switcher_set_policy (ADW_VIEW_SWITCHER (switcher), ADW_VIEW_SWITCHER_POLICY_NARROW);
  adw_view_switcher_set_stack (ADW_VIEW_SWITCHER (switcher), self->view_stack);

  header_bar = adw_header_bar_new ();
  adw_header_bar_pack_start (ADW_HEADER_BAR (header_bar), new_button);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header_bar), new_menu_button (self));
  adw_header_bar_pack_end (ADW_HEADER_BAR (header_bar), clients_button);
  /* The binding keeps the switcher while it is out of the header bar. */
  g_object_bind_property_full (self->list_switcher_bar, "reveal", header_bar, "title-widget",
                               G_BINDING_SYNC_CREATE, view_title_widget_cb, NULL,
                               g_object_ref_sink (switcher), g_object_unref);

  switcher_bar = adw_view_switcher_bar_new ();
  g_object_bind_property (self->list_switcher_bar, "stack", switcher_bar, "stack", G_BINDING_SYNC_CREATE);
  g_object_bind_property (self->list_switcher_bar, "reveal", switcher_bar, "reveal", G_BINDING_SYNC_CREATE);

  toolbar_view = adw_toolbar_view_new ();
  adw_toolbar_view_add_top_bar (ADW_TOOLBAR_VIEW (toolbar_view), header_bar);
  adw_toolbar_view_add_top_bar (ADW_TOOLBAR_VIEW (toolbar_view), _signet_window_new_connection_banner (self));
  adw_toolbar_view_set_content (ADW_TOOLBAR_VIEW (toolbar_view), content);
  adw_toolbar_view_add_bottom_bar (ADW_TOOLBAR_VIEW (toolbar_view), switcher_bar);

  return toolbar_view;
}

/* The Calendar page (its header bar, the calendar with a month of day
 * cells, the agenda and a popover, and the switcher bar) is not in the
 * first frame: the view stack holds an empty AdwBin for it until the
 * first frame is painted or the page is asked for, whichever comes first. */
static void
ensure_calendar_page (SignetWindow *self)
{
  if (self->calendar_view != NULL)
    return;

  self->calendar_view = SIGNET_CALENDAR_VIEW (signet_calendar_view_new ());
  g_signal_connect_object (self->calendar_view, "open-contract",
                           G_CALLBACK (calendar_open_contract_cb), self, G_CONNECT_SWAPPED);
  if (self->store != NULL)
    signet_calendar_view_set_store (self->calendar_view, self->store);

  adw_bin_set_child (self->calendar_page, new_view_page (self, GTK_WIDGET (self->calendar_view)));
}

static void
overview_show_contracts_cb (SignetWindow              *self,
                            const SignetContractQuery *query,
                            const char                *title,
                            SignetOverviewView        *view)
{
  signet_window_show_contracts (self, query, title);
}

/* The Overview page is made the first time it is asked for: it computes
 * its figures only while it is shown. */
static void
ensure_overview_page (SignetWindow *self)
{
  if (self->overview_view != NULL)
    return;

  self->overview_view = SIGNET_OVERVIEW_VIEW (signet_overview_view_new ());
  g_signal_connect_object (self->overview_view, "show-contracts",
                           G_CALLBACK (overview_show_contracts_cb), self, G_CONNECT_SWAPPED);
  if (self->store != NULL)
    signet_overview_view_set_store (self->overview_view, self->store);

  adw_bin_set_child (self->overview_page, new_view_page (self, GTK_WIDGET (self->overview_view)));
}

static void
view_stack_child_changed_cb (SignetWindow *self,
                             GParamSpec   *pspec,
                             AdwViewStack *view_stack)
{
  if (adw_view_stack_get_visible_child (view_stack) == GTK_WIDGET (self->calendar_page))
    ensure_calendar_page (self);
  else if (adw_view_stack_get_visible_child (view_stack) == GTK_WIDGET (self->overview_page))
    ensure_overview_page (self);
}

/* Phone-sized, the view switcher moves to the bar at the bottom, which
 * gets the view stack, and with it its switcher's buttons, when the window
 * first gets that narrow: concealed, they would still be styled and
 * measured at every layout of the window, from its first frame on. */
static void
narrow_breakpoint_applied_cb (SignetWindow  *self,
                              AdwBreakpoint *breakpoint)
{
  adw_view_switcher_bar_set_stack (self->list_switcher_bar, self->view_stack);
}

/* Coming back to the window, the user sees the register as it is now,
 * not as it was at the last tick of the store's watch. */
static void
active_changed_cb (SignetWindow *self,
                   GParamSpec   *pspec,
                   gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (self->store == NULL || !gtk_window_is_active (GTK_WINDOW (self)))
    return;

  if (!signet_store_check_external_changes (self->store, &error))
    g_debug ("Could not look for changes made elsewhere: %s", error->message);
}

static void
set_store (SignetWindow *self,
           SignetStore  *store,
           const GError *error)
{
  signet_contract_table_set_model (self->table, NULL);
  g_clear_object (&self->list);
  g_clear_pointer (&self->query_title, g_free);
  /* What other programs and windows write shows within a second or two. */
  if (store != NULL)
    signet_store_watch_external_changes (store, TRUE);
  if (self->store != NULL)
    signet_store_watch_external_changes (self->store, FALSE);
  g_set_object (&self->store, store);
  signet_undo_forget (self->undo);

  stop_indexer (self);
  if (store != NULL)
    {
      guint n_first = signet_contract_table_get_first_frame_rows (self->table);

      /* Before the first frame, the ids of the rows it shows; the table
       * has the list load the rest once the frame is painted. */
      if (n_first == G_MAXUINT)
        self->list = signet_contract_list_new (store);
      else
        self->list = signet_contract_list_new_head (store,
                                                    sort_key_from_settings (self->settings),
                                                    g_settings_get_boolean (self->settings, "sort-descending"),
                                                    n_first);
      self->text_indexer = signet_text_indexer_new (store);
      g_signal_connect_object (self->text_indexer, "notify::busy",
                               G_CALLBACK (indexer_progress_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->text_indexer, "notify::fraction",
                               G_CALLBACK (indexer_progress_cb), self, G_CONNECT_SWAPPED);
    }
  signet_contract_page_set_store (self->page, store);
  _signet_window_set_filters_store (self, store);
  if (store != NULL)
    {
      g_signal_connect_object (store, "changed::" SIGNET_STORE_CHANGED_CONTRACT_TYPES,
                               G_CALLBACK (_signet_window_update_contract_types), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (store, "reset", G_CALLBACK (_signet_window_update_contract_types), self,
                               G_CONNECT_SWAPPED);
    }
  _signet_window_update_contract_types (self);
  if (self->calendar_view != NULL)
    signet_calendar_view_set_store (self->calendar_view, store);
  adw_view_stack_page_set_visible (adw_view_stack_get_page (self->view_stack, GTK_WIDGET (self->calendar_page)),
                                   store != NULL);
  if (self->overview_view != NULL)
    signet_overview_view_set_store (self->overview_view, store);
  adw_view_stack_page_set_visible (adw_view_stack_get_page (self->view_stack, GTK_WIDGET (self->overview_page)),
                                   store != NULL);

  if (store != NULL)
    {
      g_autofree char *basename = g_path_get_basename (signet_store_get_path (store));
      g_autofree char *default_path = signet_store_get_default_path ();

      signet_contract_list_set_search (self->list, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
      g_signal_connect_object (self->list, "notify::n-items",
                               G_CALLBACK (list_length_changed_cb), self, G_CONNECT_SWAPPED);
      signet_contract_table_set_model (self->table, self->list);
      signet_contract_table_set_sort (self->table,
                                      sort_key_from_settings (self->settings),
                                      g_settings_get_boolean (self->settings, "sort-descending"));

      /* Name the file only when it is not the usual register. */
      adw_window_title_set_subtitle (self->list_window_title,
                                     g_strcmp0 (signet_store_get_path (store), default_path) != 0 ? basename : NULL);
    }
  else
    {
      adw_status_page_set_description (ensure_error_page (self), error ? error->message : NULL);
      adw_window_title_set_subtitle (self->list_window_title, NULL);
    }
  _signet_window_set_team_store (self, store);

  _signet_window_update_actions (self);
  _signet_window_update_view (self);
}

void
_signet_window_set_store (SignetWindow *self,
                          SignetStore  *store)
{
  set_store (self, store, NULL);
}

static void
register_chosen_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(SignetWindow) self = user_data;
  g_autoptr(GFile) file = NULL;
  g_autoptr(SignetStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  file = gtk_file_dialog_open_finish (GTK_FILE_DIALOG (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  g_clear_object (&self->open_cancellable);

  if (file == NULL || (path = g_file_get_path (file)) == NULL)
    return;

  /* Opening takes a register that is there: an empty file is not made one. */
  store = signet_store_open (path, SIGNET_STORE_OPEN_DEFAULT, &error);
  set_store (self, store, error);
}

static void
choose_file_clicked_cb (SignetWindow *self,
                        GtkButton    *button)
{
  g_autoptr(GtkFileDialog) dialog = NULL;
  g_autoptr(GtkFileFilter) databases = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all_files = gtk_file_filter_new ();
  g_autoptr(GListStore) filters = g_list_store_new (GTK_TYPE_FILE_FILTER);

  if (self->open_cancellable != NULL)
    return;

  gtk_file_filter_set_name (databases, _("Signet Registers"));
  gtk_file_filter_add_pattern (databases, "*.db");
  gtk_file_filter_add_mime_type (databases, "application/vnd.sqlite3");
  gtk_file_filter_set_name (all_files, _("All Files"));
  gtk_file_filter_add_pattern (all_files, "*");
  g_list_store_append (filters, databases);
  g_list_store_append (filters, all_files);

  dialog = gtk_file_dialog_new ();
  gtk_file_dialog_set_title (dialog, _("Open a Register"));
  gtk_file_dialog_set_accept_label (dialog, _("_Open"));
  gtk_file_dialog_set_filters (dialog, G_LIST_MODEL (filters));
  gtk_file_dialog_set_default_filter (dialog, databases);

  self->open_cancellable = g_cancellable_new ();
  gtk_file_dialog_open (dialog, GTK_WINDOW (self), self->open_cancellable,
                        register_chosen_cb, g_object_ref (self));
}

static void
search_changed_cb (SignetWindow   *self,
                   GtkSearchEntry *entry)
{
  if (self->list == NULL)
    return;

  signet_contract_list_set_search (self->list, gtk_editable_get_text (GTK_EDITABLE (entry)));
  _signet_window_update_view (self);
}

/* The filter menu's items (filter.NAME, checkable) and the filter each
 * sets on the list. */
static const struct
{
  const char           *name;
  SignetContractFilter  filter;
} filter_actions[] = {
  { "on-loan", SIGNET_CONTRACT_FILTER_ON_LOAN },
  { "open-review-findings", SIGNET_CONTRACT_FILTER_OPEN_REVIEW_FINDINGS },
  { "overdue-payments", SIGNET_CONTRACT_FILTER_OVERDUE_PAYMENTS },
  { "overdue-obligations", SIGNET_CONTRACT_FILTER_OVERDUE_OBLIGATIONS },
  { "overdue-reviews", SIGNET_CONTRACT_FILTER_OVERDUE_REVIEWS },
  { "overdue-loans", SIGNET_CONTRACT_FILTER_OVERDUE_LOANS },
  { "pending-approvals", SIGNET_CONTRACT_FILTER_PENDING_APPROVALS },
};

static void
filter_changed_cb (GSimpleAction *action,
                   GVariant      *state,
                   SignetWindow  *self)
{
  SignetContractFilter filters = SIGNET_CONTRACT_FILTER_NONE;

  g_simple_action_set_state (action, state);

  for (guint i = 0; i < G_N_ELEMENTS (filter_actions); i++)
    {
      g_autoptr(GVariant) on = g_action_group_get_action_state (G_ACTION_GROUP (self->filters), filter_actions[i].name);

      if (g_variant_get_boolean (on))
        filters |= filter_actions[i].filter;
    }

  if (self->list == NULL || filters == signet_contract_list_get_filters (self->list))
    return;

  /* The list no longer shows what the banner or a saved view named. */
  g_clear_pointer (&self->query_title, g_free);
  self->view_id = 0;
  signet_contract_list_set_filters (self->list, filters);
  _signet_window_update_view (self);
}

static void
sync_filter_actions (SignetWindow *self)
{
  SignetContractFilter filters = self->list != NULL ? signet_contract_list_get_filters (self->list)
                                                    : SIGNET_CONTRACT_FILTER_NONE;

  for (guint i = 0; i < G_N_ELEMENTS (filter_actions); i++)
    {
      GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self->filters), filter_actions[i].name);

      g_simple_action_set_state (G_SIMPLE_ACTION (action),
                                 g_variant_new_boolean ((filters & filter_actions[i].filter) != 0));
    }
}

/* Stateful actions: the menu shows each as a check item. */
static void
init_filters (SignetWindow *self)
{
  self->filters = g_simple_action_group_new ();
  for (guint i = 0; i < G_N_ELEMENTS (filter_actions); i++)
    {
      g_autoptr(GSimpleAction) action = g_simple_action_new_stateful (filter_actions[i].name, NULL,
                                                                      g_variant_new_boolean (FALSE));

      g_signal_connect (action, "change-state", G_CALLBACK (filter_changed_cb), self);
      g_action_map_add_action (G_ACTION_MAP (self->filters), G_ACTION (action));
    }
  gtk_widget_insert_action_group (GTK_WIDGET (self), "filter", G_ACTION_GROUP (self->filters));
}

static void
search_mode_changed_cb (SignetWindow *self,
                        GParamSpec   *pspec,
                        GtkSearchBar *search_bar)
{
  /* A closed search bar hides no contracts: its filters go with it. */
  if (!gtk_search_bar_get_search_mode (search_bar))
    {
      gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
      clear_query (self);
    }

  /* An empty register shows the list while the user searches it. */
  _signet_window_update_view (self);
}

static void
show_selected_contract (SignetWindow *self,
                        gpointer      data)
{
  _signet_window_show_contract (self, *(gint64 *) data);
  if (signet_contract_page_get_contract (self->page) != NULL)
    _signet_window_reveal_page (self);
}

static void
table_selection_changed_cb (SignetWindow        *self,
                            SignetContractTable *table)
{
  SignetContract *shown = signet_contract_page_get_contract (self->page);
  gint64 selected_id = signet_contract_table_get_selected_id (table);
  gint64 *pending;

  if (shown != NULL && signet_contract_get_id (shown) == selected_id)
    return;

  if (!signet_contract_page_get_dirty (self->page))
    {
      show_selected_contract (self, &selected_id);
      return;
    }

  /* Keep the edited contract selected while the user decides. */
  signet_contract_table_select_id (table, shown ? signet_contract_get_id (shown) : 0);

  pending = g_new (gint64, 1);
  *pending = selected_id;
  _signet_window_after_unsaved (self, show_selected_contract, pending, g_free);
}

/* The row shown on the page clicked again: with one pane at a time, the
 * page comes back over the list. */
static void
table_row_activated_cb (SignetWindow        *self,
                        SignetContractTable *table)
{
  SignetContract *shown = signet_contract_page_get_contract (self->page);

  if (shown != NULL && signet_contract_get_id (shown) == signet_contract_table_get_selected_id (table))
    _signet_window_reveal_page (self);
}

static void
contract_page_shown_cb (SignetWindow      *self,
                        AdwNavigationPage *contract_page)
{
  if (self->pushed_from_list)
    gtk_widget_child_focus (self->contract_header, GTK_DIR_TAB_FORWARD);
}

static void
list_page_shown_cb (SignetWindow      *self,
                    AdwNavigationPage *list_page)
{
  if (self->pushed_from_list)
    signet_contract_table_focus_selection (self->table);
  self->pushed_from_list = FALSE;
}

/* Each attachment version opens in a window of its own, once. */
static void
page_open_pdf_cb (SignetWindow       *self,
                  SignetAttachment   *attachment,
                  gint64              version_id,
                  SignetContractPage *page)
{
  if (self->store != NULL)
    signet_attachment_window_open (GTK_WINDOW (self), self->store, attachment, version_id);
}

void
signet_window_open_contract (SignetWindow *self,
                             gint64        contract_id)
{
  gint64 *pending;

  g_return_if_fail (SIGNET_IS_WINDOW (self));

  if (self->store == NULL)
    return;

  pending = g_new (gint64, 1);

  /* The contract opens in the list, even when a search was hiding it. */
  adw_view_stack_set_visible_child_name (self->view_stack, "list");
  if (has_search (self))
    {
      gtk_search_bar_set_search_mode (self->search_bar, FALSE);
      signet_contract_list_set_search (self->list, "");
      clear_query (self);
    }

  *pending = contract_id;
  _signet_window_after_unsaved (self, show_selected_contract, pending, g_free);
}

static void
table_sort_changed_cb (SignetWindow        *self,
                       SignetContractTable *table)
{
  SignetSortKey key = signet_contract_list_get_sort_key (self->list);

  g_settings_set_string (self->settings, "sort-column", sort_column_names[key]);
  g_settings_set_boolean (self->settings, "sort-descending",
                          signet_contract_list_get_descending (self->list));
}

static void
page_contract_changed_cb (SignetWindow       *self,
                          GParamSpec         *pspec,
                          SignetContractPage *page)
{
  SignetContract *contract = signet_contract_page_get_contract (page);

  /* New Contract from the calendar: the form is on the List page. */
  if (contract != NULL && signet_contract_get_id (contract) == 0)
    {
      adw_view_stack_set_visible_child_name (self->view_stack, "list");
      _signet_window_reveal_page (self);
    }
  /* Nothing left to show: back to the list. */
  else if (contract == NULL)
    adw_navigation_split_view_set_show_content (self->split_view, FALSE);

  _signet_window_update_actions (self);
  _signet_window_update_view (self);
}

static void
page_dirty_changed_cb (SignetWindow       *self,
                       GParamSpec         *pspec,
                       SignetContractPage *page)
{
  _signet_window_update_actions (self);
  _signet_window_update_view (self);
}

/* The contract page's header: the page's title (the contract's, or its
 * number), over the number when the title is not the number already. */
static char *
contract_title_cb (gpointer    this_object,
                   const char *title)
{
  return g_strdup (title != NULL ? title : _("Contract"));
}

static char *
contract_subtitle_cb (gpointer        this_object,
                      SignetContract *contract)
{
  const char *title = contract ? signet_contract_get_title (contract) : NULL;

  if (contract == NULL || (signet_contract_get_id (contract) != 0 && (title == NULL || *title == '\0')))
    return NULL;

  return g_strdup (signet_contract_get_number (contract));
}

/* The list's width follows the pointer on its edge. The handle moves with
 * that edge, and the gesture's offset is measured from where the handle is
 * now: the width the list has now plus the offset is where the pointer is
 * (mirrored right to left). The split view keeps the contract page its
 * minimum width. */
static void
sidebar_handle_drag_updated_cb (SignetWindow   *self,
                                double          offset_x,
                                double          offset_y,
                                GtkGestureDrag *gesture)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self->list_page));

  if (gtk_widget_get_direction (GTK_WIDGET (self)) == GTK_TEXT_DIR_RTL)
    width -= (int) offset_x;
  else
    width += (int) offset_x;

  adw_navigation_split_view_set_max_sidebar_width (self->split_view, MAX (width, 0));
}

static void
save_window_state (SignetWindow *self)
{
  int width, height;

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);

  g_settings_delay (self->settings);
  if (!gtk_window_is_maximized (GTK_WINDOW (self)))
    {
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
    }
  g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (GTK_WINDOW (self)));
  /* The list's width beside the contract, not as it is alone. */
  if (gtk_widget_get_mapped (GTK_WIDGET (self->split_view)) &&
      !adw_navigation_split_view_get_collapsed (self->split_view))
    g_settings_set_int (self->settings, "paned-position", gtk_widget_get_width (GTK_WIDGET (self->list_page)));
  g_settings_apply (self->settings);
}

static void
restore_window_state (SignetWindow *self)
{
  int list_width = g_settings_get_int (self->settings, "paned-position");

  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
  if (list_width > 0)
    adw_navigation_split_view_set_max_sidebar_width (self->split_view, list_width);
}

static void
stop_waiting_for_startup_paint (SignetWindow *self)
{
  if (self->startup_frame_clock != NULL)
    g_clear_signal_handler (&self->startup_paint_handler, self->startup_frame_clock);
  g_clear_object (&self->startup_frame_clock);
}

/* What the first frame does not show: the Calendar page and the windows'
 * icon, which X11 window managers take from each window (loaded and sent
 * to the X server as it is realized). */
static gboolean
finish_startup_cb (gpointer data)
{
  SignetWindow *self = data;

  self->startup_idle = 0;
  self->startup_finished = TRUE;

  if (gtk_window_get_default_icon_name () == NULL)
    gtk_window_set_default_icon_name (APPLICATION_ID);

  ensure_calendar_page (self);

  return G_SOURCE_REMOVE;
}

static void
startup_frame_painted_cb (SignetWindow  *self,
                          GdkFrameClock *frame_clock)
{
  stop_waiting_for_startup_paint (self);

  if (self->startup_idle == 0)
    self->startup_idle = g_idle_add (finish_startup_cb, self);
}

/* SIGNET_EXIT_AFTER_FIRST_FRAME: the start-up benchmark measures the time
 * to the first frame that shows the register, then wants the app gone. */
static void
frame_painted_cb (SignetWindow  *self,
                  GdkFrameClock *frame_clock)
{
  const char *visible = gtk_stack_get_visible_child_name (self->window_stack);
  guint n_items = self->list ? g_list_model_get_n_items (G_LIST_MODEL (self->list)) : 0;
  GtkApplication *app;

  if (g_strcmp0 (visible, "main") == 0 &&
      !gtk_widget_get_mapped (signet_contract_table_get_column_view (self->table)))
    return;

  g_clear_signal_handler (&self->first_frame_handler, frame_clock);

  printf ("first-frame contracts=%u\n", n_items);
  fflush (stdout);

  app = gtk_window_get_application (GTK_WINDOW (self));
  if (app != NULL)
    g_application_quit (G_APPLICATION (app));
}

static void
signet_window_map (GtkWidget *widget)
{
  SignetWindow *self = SIGNET_WINDOW (widget);

  GTK_WIDGET_CLASS (signet_window_parent_class)->map (widget);

  if (!self->startup_finished && self->startup_paint_handler == 0 && self->startup_idle == 0)
    {
      self->startup_frame_clock = g_object_ref (gtk_widget_get_frame_clock (widget));
      self->startup_paint_handler =
        g_signal_connect_object (self->startup_frame_clock, "after-paint",
                                 G_CALLBACK (startup_frame_painted_cb), self, G_CONNECT_SWAPPED);
    }

  if (self->first_frame_handler == 0 && g_getenv ("SIGNET_EXIT_AFTER_FIRST_FRAME") != NULL)
    self->first_frame_handler =
      g_signal_connect_object (gtk_widget_get_frame_clock (widget), "after-paint",
                               G_CALLBACK (frame_painted_cb), self, G_CONNECT_SWAPPED);
}

static void
close_confirmed (SignetWindow *self,
                 gpointer      data)
{
  self->close_confirmed = TRUE;
  gtk_window_close (GTK_WINDOW (self));
}

static gboolean
signet_window_close_request (GtkWindow *window)
{
  SignetWindow *self = SIGNET_WINDOW (window);

  if (!self->close_confirmed && signet_contract_page_get_dirty (self->page))
    {
      _signet_window_after_unsaved (self, close_confirmed, NULL, NULL);
      return TRUE;
    }

  save_window_state (self);

  return GTK_WINDOW_CLASS (signet_window_parent_class)->close_request (window);
}

static void
signet_window_dispose (GObject *object)
{
  SignetWindow *self = (SignetWindow *)object;

  /* The Clients dialog goes with the window it is in. */
  g_clear_weak_pointer (&self->clients_window);
  g_clear_weak_pointer (&self->people_window);
  g_clear_weak_pointer (&self->archive_dialog);
  g_clear_object (&self->filters);

  stop_waiting_for_startup_paint (self);
  g_clear_handle_id (&self->startup_idle, g_source_remove);

  g_cancellable_cancel (self->open_cancellable);
  g_clear_object (&self->open_cancellable);

  if (self->text_indexer != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->text_indexer, self);
      signet_text_indexer_stop (self->text_indexer);
      g_clear_object (&self->text_indexer);
    }

  gtk_widget_dispose_template (GTK_WIDGET (self), SIGNET_TYPE_WINDOW);

  g_clear_object (&self->list);
  g_clear_pointer (&self->query_title, g_free);
  _signet_window_finalize_filters (self);
  if (self->store != NULL)
    signet_store_watch_external_changes (self->store, FALSE);
  if (self->connection_binding != NULL)
    g_binding_unbind (self->connection_binding);
  g_clear_object (&self->connection_binding);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (signet_window_parent_class)->dispose (object);
}

static void
signet_window_class_init (SignetWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = signet_window_dispose;

  widget_class->map = signet_window_map;

  window_class->close_request = signet_window_close_request;

  g_type_ensure (SIGNET_TYPE_CONTRACT_TABLE);
  g_type_ensure (SIGNET_TYPE_CONTRACT_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/signet-window.ui");
  gtk_widget_class_bind_template_child (widget_class, SignetWindow, list_window_title);
  gtk_widget_class_bind_template_child (widget_class, SignetWindow, list_switcher_bar);
  gtk_widget_class_bind_template_child (widget_class, SignetWindow, new_button_content);
  gtk_widget_class_bind_template_child (widget_class, SignetWindow, contract_types_section);
  gtk_widget_class_bind_template_child (widget_class, SignetWindow, clients_button);
  gtk_widget_class_bind_template_child (widget_class, SignetWindow, search_button);
  gtk_widget_class_bind_template_child (widget_class, SignetWindow, search_bar);
  gtk_widget_class_bind_template_child (widget_class, SignetWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, SignetWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, SignetWindow, window_stack);
  gtk_widget_class_bind_template_child (widget_class, SignetWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, SignetWindow, no_results_page);
  gtk_widget_class_bind_template_child (widget_class, SignetWindow, search_banner);
  gtk_widget_class_bind_template_child (widget_class, SignetWindow, connection_banner);
  gtk_widget_class_bind_template_child (widget_class, SignetWindow, query_banner);
  gtk_widget_class_bind_template_child (widget_class, SignetWindow, menu_button);
  gtk_widget_class_bind_template_child (widget_class, SignetWindow, primary_menu);
  gtk_widget_class_bind_template_child (widget_class, SignetWindow, undo_section);
  gtk_widget_class_bind_template_child (widget_class, SignetWindow, split_view);
  gtk_widget_class_bind_template_child (widget_class, SignetWindow, list_page);
  gtk_widget_class_bind_template_child (widget_class, SignetWindow, contract_page);
  gtk_widget_class_bind_template_child (widget_class, SignetWindow, contract_header);
  gtk_widget_class_bind_template_child (widget_class, SignetWindow, contract_menu_button);
  gtk_widget_class_bind_template_child (widget_class, SignetWindow, sidebar_handle);
  gtk_widget_class_bind_template_child (widget_class, SignetWindow, table);
  gtk_widget_class_bind_template_child (widget_class, SignetWindow, page);
  gtk_widget_class_bind_template_child (widget_class, SignetWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, SignetWindow, calendar_page);
  gtk_widget_class_bind_template_child (widget_class, SignetWindow, overview_page);
  gtk_widget_class_bind_template_child (widget_class, SignetWindow, indexing_revealer);
  gtk_widget_class_bind_template_child (widget_class, SignetWindow, indexing_label);
  gtk_widget_class_bind_template_child (widget_class, SignetWindow, indexing_progress);
  gtk_widget_class_bind_template_callback (widget_class, indexing_child_revealed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_mode_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_banner_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, query_banner_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, table_selection_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, table_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, contract_page_shown_cb);
  gtk_widget_class_bind_template_callback (widget_class, list_page_shown_cb);
  gtk_widget_class_bind_template_callback (widget_class, table_sort_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, page_contract_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, page_dirty_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, sidebar_handle_drag_updated_cb);
  gtk_widget_class_bind_template_callback (widget_class, contract_title_cb);
  gtk_widget_class_bind_template_callback (widget_class, contract_subtitle_cb);
  gtk_widget_class_bind_template_callback (widget_class, narrow_breakpoint_applied_cb);

  _signet_window_class_init_actions (widget_class);
  _signet_window_class_init_renewals (widget_class);
  _signet_window_class_init_print (widget_class);
  _signet_window_class_init_team (widget_class);
  _signet_window_class_init_filters (widget_class);
}

static void
signet_window_init (SignetWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_menu_button_set_create_popup_func (self->menu_button, create_primary_menu_cb, self, NULL);
  gtk_widget_set_cursor_from_name (self->sidebar_handle, "col-resize");
  signet_breakpoint_focus_keep (GTK_WIDGET (self));

  if (g_strcmp0 (PROFILE, "development") == 0)
    gtk_widget_add_css_class (GTK_WIDGET (self), "devel");

  self->settings = g_settings_new (SIGNET_SETTINGS_SCHEMA);
  restore_window_state (self);

  /* Typing in the list starts a search; typing in the form does not. */
  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));
  gtk_search_bar_set_key_capture_widget (self->search_bar, GTK_WIDGET (self->table));
  init_filters (self);
  _signet_window_init_filters (self);

  g_signal_connect_object (self->page, "open-pdf", G_CALLBACK (page_open_pdf_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->view_stack, "notify::visible-child",
                           G_CALLBACK (view_stack_child_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect (self, "notify::is-active", G_CALLBACK (active_changed_cb), NULL);
  _signet_window_init_undo (self);
}

SignetWindow *
signet_window_new (GtkApplication *app,
                   SignetStore    *store,
                   const GError   *open_error)
{
  SignetWindow *self;

  g_return_val_if_fail (app == NULL || GTK_IS_APPLICATION (app), NULL);
  g_return_val_if_fail (store == NULL || SIGNET_IS_STORE (store), NULL);
  g_return_val_if_fail (store != NULL || open_error != NULL, NULL);

  self = g_object_new (SIGNET_TYPE_WINDOW, "application", app, NULL);
  set_store (self, store, open_error);

  return self;
}

SignetStore *
signet_window_get_store (SignetWindow *self)
{
  g_return_val_if_fail (SIGNET_IS_WINDOW (self), NULL);

  return self->store;
}

void
signet_window_show_contracts (SignetWindow              *self,
                              const SignetContractQuery *query,
                              const char                *title)
{
  g_return_if_fail (SIGNET_IS_WINDOW (self));
  g_return_if_fail (query != NULL);

  if (self->list == NULL)
    return;

  adw_view_stack_set_visible_child_name (self->view_stack, "list");
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  signet_contract_list_set_search (self->list, NULL);
  signet_contract_list_set_query (self->list, query);
  sync_filter_actions (self);
  g_free (self->query_title);
  self->query_title = g_strdup (title);
  self->view_id = 0;
  _signet_window_update_view (self);
}

void
signet_window_show_agenda (SignetWindow *self)
{
  g_return_if_fail (SIGNET_IS_WINDOW (self));

  if (self->store != NULL)
    {
      ensure_calendar_page (self);
      adw_view_stack_set_visible_child_name (self->view_stack, "calendar");
    }
}
