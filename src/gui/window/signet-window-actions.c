/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "signet-window"

#include "config.h"

#include <glib/gi18n.h>

#include "signet-application.h"
#include "signet-archive-dialog.h"
#include "signet-clients-window.h"
#include "signet-csv-import-dialog.h"
#include "signet-people-window.h"
#include "signet-error-dialog.h"
#include "signet-export-dialog.h"
#include "signet-ics.h"
#include "signet-import-dialog.h"
#include "signet-money.h"
#include "signet-reminder-notifier.h"
#include "signet-shortcuts-dialog.h"
#include "signet-store-team.h"
#include "signet-store-types.h"
#include "signet-tombstone.h"
#include "signet-scorecards-dialog.h"
#include "signet-undo.h"
#include "signet-unsaved-dialog.h"
#include "signet-window-private.h"
#include "signet-xlsx-export-dialog.h"

#define RESPONSE_ADD_CLIENT "add-client"

typedef struct
{
  SignetWindow         *self;
  SignetWindowContinue  func;
  gpointer              data;
  GDestroyNotify        destroy;
} Pending;

static void
pending_free (Pending *pending)
{
  if (pending->destroy != NULL)
    pending->destroy (pending->data);
  g_object_unref (pending->self);
  g_free (pending);
}

void
_signet_window_show_error (SignetWindow *self,
                           const char   *heading,
                           const GError *error)
{
  g_assert (SIGNET_IS_WINDOW (self));

  signet_error_dialog_show (GTK_WIDGET (self), heading, error);
}

void
_signet_window_update_actions (SignetWindow *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  SignetContract *shown = signet_contract_page_get_contract (self->page);
  gboolean has_store = (self->store != NULL);
  /* A reader or an archivist of a team register, or a register opened
   * read-only: nothing that writes is offered (the server or the file
   * would refuse it anyway). */
  gboolean may_edit = has_store && signet_store_can_edit (self->store);
  gboolean dirty = signet_contract_page_get_dirty (self->page);
  gboolean is_new = (shown != NULL && signet_contract_get_id (shown) == 0);

  g_assert (SIGNET_IS_WINDOW (self));

  gtk_widget_action_set_enabled (widget, "win.new-contract", may_edit);
  gtk_widget_action_set_enabled (widget, "win.new-contract-of-type", may_edit);
  gtk_widget_action_set_enabled (widget, "win.search", has_store);
  gtk_widget_action_set_enabled (widget, "win.clients", has_store);
  gtk_widget_action_set_enabled (widget, "win.people", has_store);
  gtk_widget_action_set_enabled (widget, "win.import", may_edit);
  gtk_widget_action_set_enabled (widget, "win.import-csv", may_edit);
  gtk_widget_action_set_enabled (widget, "win.renew-contract", may_edit);
  /* The saved views are the register's too. */
  gtk_widget_action_set_enabled (widget, "win.save-view", may_edit);
  gtk_widget_action_set_enabled (widget, "win.export", has_store);
  gtk_widget_action_set_enabled (widget, "win.export-ics", has_store);
  gtk_widget_action_set_enabled (widget, "win.export-xlsx", has_store);
  gtk_widget_set_sensitive (self->search_button, has_store);
  gtk_widget_action_set_enabled (widget, "contract.save", dirty && may_edit);
  gtk_widget_action_set_enabled (widget, "contract.cancel", dirty || is_new);
  gtk_widget_action_set_enabled (widget, "contract.delete", shown != NULL && !is_new && may_edit);
  gtk_widget_action_set_enabled (widget, "win.scorecards", has_store);
  gtk_widget_action_set_enabled (widget, "contract.scorecard", has_store && shown != NULL && !is_new);
  _signet_window_update_print_actions (self);
}

void
_signet_window_reveal_page (SignetWindow *self)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));

  g_assert (SIGNET_IS_WINDOW (self));

  if (adw_navigation_split_view_get_show_content (self->split_view))
    return;

  /* Pushed over the list, the page would get the focus the list had, and
   * the split view would give it to the form's first field, its text
   * selected. The focus goes to the page's back button once the page is in
   * instead, and back to the list's selected row when the user returns
   * (contract_page_shown_cb(), list_page_shown_cb()). */
  self->pushed_from_list = adw_navigation_split_view_get_collapsed (self->split_view) &&
                           focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self->list_page));
  if (self->pushed_from_list)
    gtk_root_set_focus (GTK_ROOT (self), NULL);

  adw_navigation_split_view_set_show_content (self->split_view, TRUE);
}

void
_signet_window_show_contract (SignetWindow *self,
                              gint64        id)
{
  g_autoptr(SignetContract) contract = NULL;
  g_autoptr(GError) error = NULL;

  g_assert (SIGNET_IS_WINDOW (self));

  if (id != 0 && self->store != NULL)
    {
      contract = signet_store_get_contract (self->store, id, &error);
      if (contract == NULL)
        _signet_window_show_error (self, _("Cannot Show the Contract"), error);
    }

  signet_contract_page_set_contract (self->page, contract);
  signet_contract_table_select_id (self->table, contract ? id : 0);
}

/* Saves the page; says why when it could not. A mistake in a field, and
 * a change made elsewhere meanwhile, are shown on the page itself. */
static gboolean
save_contract (SignetWindow *self)
{
  g_autoptr(GError) error = NULL;
  SignetContract *saved;

  if (!signet_contract_page_save (self->page, &error))
    {
      if (error->domain != SIGNET_FIELD_ERROR &&
          !g_error_matches (error, SIGNET_STORE_ERROR, SIGNET_STORE_ERROR_CONFLICT))
        _signet_window_show_error (self, _("Could Not Save the Contract"), error);
      return FALSE;
    }

  saved = signet_contract_page_get_contract (self->page);
  signet_contract_table_select_id (self->table, signet_contract_get_id (saved));
  _signet_window_update_view (self);

  return TRUE;
}

/* Drops the edits; a new contract that was never saved goes away. */
static void
discard_changes (SignetWindow *self)
{
  SignetContract *shown = signet_contract_page_get_contract (self->page);

  if (shown != NULL && signet_contract_get_id (shown) == 0)
    signet_contract_page_set_contract (self->page, NULL);
  else
    signet_contract_page_revert (self->page);
}

static void
unsaved_dialog_responded_cb (AdwAlertDialog *dialog,
                             const char     *response,
                             Pending        *pending)
{
  SignetWindow *self = pending->self;

  if (g_str_equal (response, SIGNET_RESPONSE_SAVE))
    {
      if (save_contract (self))
        pending->func (self, pending->data);
    }
  else if (g_str_equal (response, SIGNET_RESPONSE_DISCARD))
    {
      discard_changes (self);
      pending->func (self, pending->data);
    }

  pending_free (pending);
}

void
_signet_window_after_unsaved (SignetWindow         *self,
                              SignetWindowContinue  func,
                              gpointer              data,
                              GDestroyNotify        destroy)
{
  SignetContract *shown = signet_contract_page_get_contract (self->page);
  const char *name = NULL;
  Pending *pending;
  AdwDialog *dialog;

  g_assert (SIGNET_IS_WINDOW (self));

  if (!signet_contract_page_get_dirty (self->page))
    {
      func (self, data);
      if (destroy != NULL)
        destroy (data);
      return;
    }

  if (shown != NULL && signet_contract_get_id (shown) != 0)
    name = signet_contract_get_number (shown);

  pending = g_new0 (Pending, 1);
  pending->self = g_object_ref (self);
  pending->func = func;
  pending->data = data;
  pending->destroy = destroy;

  dialog = signet_unsaved_dialog_new (name);
  g_signal_connect (dialog, "response", G_CALLBACK (unsaved_dialog_responded_cb), pending);
  adw_dialog_present (dialog, GTK_WIDGET (self));
}

/* A contract opened from the Clients window: the window closes, and the
 * contract shows here (after the page's own edits are dealt with). */
static void
clients_window_opened_contract_cb (SignetWindow *self,
                                   gint64        contract_id,
                                   AdwDialog    *clients_window)
{
  adw_dialog_force_close (clients_window);
  signet_window_open_contract (self, contract_id);
}

static void
present_clients_window (SignetWindow *self,
                        gboolean      add_client)
{
  if (self->clients_window == NULL)
    {
      self->clients_window = signet_clients_window_new (self->store);
      g_object_add_weak_pointer (G_OBJECT (self->clients_window), (gpointer *) &self->clients_window);
      g_signal_connect_object (self->clients_window, "open-contract",
                               G_CALLBACK (clients_window_opened_contract_cb), self, G_CONNECT_SWAPPED);
    }

  adw_dialog_present (self->clients_window, GTK_WIDGET (self));

  if (add_client)
    signet_clients_window_add_client (SIGNET_CLIENTS_WINDOW (self->clients_window));
}

static void
no_clients_dialog_responded_cb (SignetWindow   *self,
                                const char     *response,
                                AdwAlertDialog *dialog)
{
  if (g_str_equal (response, RESPONSE_ADD_CLIENT))
    present_clients_window (self, TRUE);
}

static void
explain_no_clients (SignetWindow *self)
{
  AdwDialog *dialog;

  dialog = signet_alert_dialog_new (_("Add a Client First"),
                                    _("Every contract is with a client, and there are no clients yet. "
                                      "Add the client, then create the contract."));
  adw_alert_dialog_add_responses (ADW_ALERT_DIALOG (dialog),
                                  SIGNET_RESPONSE_CANCEL, _("_Cancel"),
                                  RESPONSE_ADD_CLIENT, _("_Add Client"),
                                  NULL);
  adw_alert_dialog_set_response_appearance (ADW_ALERT_DIALOG (dialog), RESPONSE_ADD_CLIENT,
                                            ADW_RESPONSE_SUGGESTED);
  adw_alert_dialog_set_default_response (ADW_ALERT_DIALOG (dialog), RESPONSE_ADD_CLIENT);
  adw_alert_dialog_set_close_response (ADW_ALERT_DIALOG (dialog), SIGNET_RESPONSE_CANCEL);
  g_signal_connect_object (dialog, "response", G_CALLBACK (no_clients_dialog_responded_cb),
                           self, G_CONNECT_SWAPPED);
  adw_dialog_present (dialog, GTK_WIDGET (self));
}

void
_signet_window_update_contract_types (SignetWindow *self)
{
  g_autoptr(GPtrArray) types = NULL;
  g_autoptr(GError) error = NULL;

  g_menu_remove_all (self->contract_types_section);
  if (self->store == NULL)
    return;

  types = signet_store_list_contract_types (self->store, &error);
  if (types == NULL)
    {
      g_warning ("Could not list the contract types: %s", error->message);
      return;
    }

  for (guint i = 0; i < types->len; i++)
    {
      SignetContractType *type = g_ptr_array_index (types, i);
      g_autoptr(GMenuItem) item = g_menu_item_new (NULL, NULL);

      /* A type's name is the user's text: no access key is read from it. */
      g_menu_item_set_attribute (item, G_MENU_ATTRIBUTE_LABEL, "s", signet_contract_type_get_name (type));
      g_menu_item_set_attribute (item, "use-markup", "b", FALSE);
      g_menu_item_set_action_and_target_value (item, "win.new-contract-of-type",
                                               g_variant_new_int64 (signet_contract_type_get_id (type)));
      g_menu_append_item (self->contract_types_section, item);
    }
}

/* @data: the SignetContractType of the new contract, or NULL for a
 * blank one. */
static void
start_new_contract (SignetWindow *self,
                    gpointer      data)
{
  SignetContractType *type = data;
  g_autoptr(GListModel) clients = NULL;
  g_autoptr(SignetContract) contract = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *pattern = NULL;
  g_autofree char *number = NULL;
  g_autofree char *currency = NULL;

  clients = signet_store_list_clients (self->store, &error);
  if (clients == NULL)
    {
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
      return;
    }

  if (g_list_model_get_n_items (clients) == 0)
    {
      explain_no_clients (self);
      return;
    }

  pattern = g_settings_get_string (self->settings, "number-pattern");
  number = signet_store_next_contract_number (self->store, pattern, &error);
  if (number == NULL)
    adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));

  /* An empty setting follows the language: CNY in zh_CN, EUR in de_DE. */
  currency = g_settings_get_string (self->settings, "default-currency");
  if (!signet_currency_is_valid (currency))
    {
      g_free (currency);
      currency = g_strdup (signet_currency_for_locale ());
    }

  contract = signet_contract_new ();
  /* With a single client there is nothing to choose. */
  if (g_list_model_get_n_items (clients) == 1)
    {
      g_autoptr(SignetClient) only = g_list_model_get_item (clients, 0);

      signet_contract_set_client_id (contract, signet_client_get_id (only));
      signet_contract_set_client_name (contract, signet_client_get_name (only));
    }
  signet_contract_set_number (contract, number);
  signet_contract_set_currency (contract, currency);
  signet_contract_set_status (contract, SIGNET_CONTRACT_STATUS_DRAFT);
  signet_contract_set_risk_level (contract, SIGNET_RISK_LEVEL_LOW);
  /* The type's currency rather than the one of the Preferences. */
  if (type != NULL && signet_contract_type_get_currency (type) != NULL)
    signet_contract_set_currency (contract, NULL);
  if (type != NULL)
    signet_contract_type_apply (type, contract);

  signet_contract_table_select_id (self->table, 0);
  signet_contract_page_set_contract (self->page, contract);
  signet_contract_page_set_new_contract_type (self->page, type);
  _signet_window_update_view (self);
  signet_contract_page_focus_form (self->page);
  self->pushed_from_list = FALSE;
}

static void
new_contract_activated (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  SignetWindow *self = SIGNET_WINDOW (widget);

  _signet_window_after_unsaved (self, start_new_contract, NULL, NULL);
}

static void
new_contract_of_type_activated (GtkWidget  *widget,
                                const char *action_name,
                                GVariant   *parameter)
{
  SignetWindow *self = SIGNET_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  SignetContractType *type;

  if (self->store == NULL)
    return;

  type = signet_store_get_contract_type (self->store, g_variant_get_int64 (parameter), &error);
  if (type == NULL)
    {
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
      return;
    }

  _signet_window_after_unsaved (self, start_new_contract, type, g_object_unref);
}

/* Ctrl+1, 2 and 3: the List, the Calendar and the Overview, as the
 * switcher shows them (named by the page, "list", "calendar", "overview"). */
static void
show_view_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  SignetWindow *self = SIGNET_WINDOW (widget);
  GtkWidget *page = adw_view_stack_get_child_by_name (self->view_stack, g_variant_get_string (parameter, NULL));

  if (page != NULL && adw_view_stack_page_get_visible (adw_view_stack_get_page (self->view_stack, page)))
    adw_view_stack_set_visible_child (self->view_stack, page);
}

static void
search_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  SignetWindow *self = SIGNET_WINDOW (widget);

  /* Search looks through the list, wherever the user is. */
  adw_view_stack_set_visible_child_name (self->view_stack, "list");
  adw_navigation_split_view_set_show_content (self->split_view, FALSE);
  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
clients_activated (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  present_clients_window (SIGNET_WINDOW (widget), FALSE);
}

static void
people_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  SignetWindow *self = SIGNET_WINDOW (widget);

  if (self->people_window == NULL)
    {
      self->people_window = signet_people_window_new (self->store);
      g_object_add_weak_pointer (G_OBJECT (self->people_window), (gpointer *) &self->people_window);
    }

  adw_dialog_present (self->people_window, widget);
}

static void
archive_opened_contract_cb (SignetWindow *self,
                            gint64        contract_id,
                            AdwDialog    *dialog)
{
  adw_dialog_force_close (dialog);
  signet_window_open_contract (self, contract_id);
}

static void
archive_activated (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  SignetWindow *self = SIGNET_WINDOW (widget);

  if (self->store == NULL)
    return;

  if (self->archive_dialog == NULL)
    {
      self->archive_dialog = signet_archive_dialog_new (self->store);
      g_object_add_weak_pointer (G_OBJECT (self->archive_dialog), (gpointer *) &self->archive_dialog);
      g_signal_connect_object (self->archive_dialog, "open-contract",
                               G_CALLBACK (archive_opened_contract_cb), self, G_CONNECT_SWAPPED);
    }

  adw_dialog_present (self->archive_dialog, widget);
}

/* A number of a scorecard lists its contracts in the window, which the
 * dialog would hide. */
static void
scorecards_showed_contracts_cb (SignetWindow              *self,
                                const SignetContractQuery *query,
                                const char                *title,
                                AdwDialog                 *dialog)
{
  adw_dialog_force_close (dialog);
  signet_window_show_contracts (self, query, title);
}

static AdwDialog *
present_scorecards (SignetWindow *self)
{
  AdwDialog *dialog = signet_scorecards_dialog_new (self->store);

  g_signal_connect_object (dialog, "show-contracts", G_CALLBACK (scorecards_showed_contracts_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (dialog, "open-contract", G_CALLBACK (archive_opened_contract_cb),
                           self, G_CONNECT_SWAPPED);
  adw_dialog_present (dialog, GTK_WIDGET (self));

  return dialog;
}

static void
scorecards_activated (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  SignetWindow *self = SIGNET_WINDOW (widget);

  if (self->store != NULL)
    present_scorecards (self);
}

/* The scorecard of the contract on the page, from its menu. */
static void
contract_scorecard_activated (GtkWidget  *widget,
                              const char *action_name,
                              GVariant   *parameter)
{
  SignetWindow *self = SIGNET_WINDOW (widget);
  SignetContract *shown = signet_contract_page_get_contract (self->page);
  AdwDialog *dialog;

  if (self->store == NULL || shown == NULL || signet_contract_get_id (shown) == 0)
    return;

  dialog = present_scorecards (self);
  signet_scorecards_dialog_show_contract (SIGNET_SCORECARDS_DIALOG (dialog), signet_contract_get_id (shown),
                                          signet_contract_get_number (shown));
}

/* An import may change the contract on the page: its edits are saved or
 * discarded first. */
static void
start_import (SignetWindow *self,
              gpointer      data)
{
  signet_import_dialog_choose_file (signet_import_dialog_new (GTK_WINDOW (self), self->store));
}

static void
import_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  _signet_window_after_unsaved (SIGNET_WINDOW (widget), start_import, NULL, NULL);
}

/* A register kept as a spreadsheet; as for an XML import, the page's
 * edits are saved or discarded first. */
static void
start_csv_import (SignetWindow *self,
                  gpointer      data)
{
  signet_csv_import_dialog_choose_file (signet_csv_import_dialog_new (GTK_WINDOW (self), self->store,
                                                                      self->toast_overlay));
}

static void
import_csv_activated (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  _signet_window_after_unsaved (SIGNET_WINDOW (widget), start_csv_import, NULL, NULL);
}

static void
ics_exported_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(SignetWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!signet_ics_export_finish (SIGNET_STORE (source), result, &error))
    {
      signet_error_dialog_show (GTK_WIDGET (self), _("The Calendar File Was Not Written"), error);
      return;
    }

  adw_toast_overlay_add_toast (self->toast_overlay,
                               adw_toast_new (_("Key dates written; calendar applications can import or subscribe to the file")));
}

static void
ics_file_chosen_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(SignetWindow) self = user_data;
  g_autoptr(GFile) file = NULL;

  file = gtk_file_dialog_save_finish (GTK_FILE_DIALOG (source), result, NULL);
  if (file != NULL && self->store != NULL)
    {
      g_autoptr(SignetReminderSettings) reminders = signet_reminder_settings_new_from_gsettings (self->settings);

      signet_ics_export_async (self->store, file, NULL, NULL, reminders, NULL, ics_exported_cb, g_object_ref (self));
    }
}

/* Every key date as an iCalendar file, for a calendar application. */
static void
export_ics_activated (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  SignetWindow *self = SIGNET_WINDOW (widget);
  g_autoptr(GtkFileDialog) dialog = gtk_file_dialog_new ();
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autoptr(GListStore) filters = g_list_store_new (GTK_TYPE_FILE_FILTER);

  gtk_file_filter_set_name (filter, _("iCalendar Files"));
  gtk_file_filter_add_mime_type (filter, "text/calendar");
  gtk_file_filter_add_pattern (filter, "*.ics");
  g_list_store_append (filters, filter);

  gtk_file_dialog_set_title (dialog, _("Export Key Dates"));
  gtk_file_dialog_set_accept_label (dialog, _("_Export"));
  gtk_file_dialog_set_filters (dialog, G_LIST_MODEL (filters));
  gtk_file_dialog_set_default_filter (dialog, filter);
  /* Translators: the suggested file name of the exported key dates. */
  gtk_file_dialog_set_initial_name (dialog, _("contract-dates.ics"));
  gtk_file_dialog_save (dialog, GTK_WINDOW (self), NULL, ics_file_chosen_cb, g_object_ref (self));
}

static void
export_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  SignetWindow *self = SIGNET_WINDOW (widget);
  SignetExportDialog *dialog;

  dialog = signet_export_dialog_new (GTK_WINDOW (self), self->store,
                                     signet_contract_list_get_search (self->list),
                                     g_list_model_get_n_items (G_LIST_MODEL (self->list)));
  signet_export_dialog_choose_file (dialog);
}

/* The contracts the list shows (searched, filtered, sorted) or the whole
 * register as an Excel workbook, for reports. */
static void
export_xlsx_activated (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  SignetWindow *self = SIGNET_WINDOW (widget);
  SignetXlsxExportDialog *dialog;

  dialog = signet_xlsx_export_dialog_new (GTK_WINDOW (self), self->store, self->list, self->toast_overlay);
  signet_xlsx_export_dialog_choose_file (dialog);
}

static void
save_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  save_contract (SIGNET_WINDOW (widget));
}

static void
cancel_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  SignetWindow *self = SIGNET_WINDOW (widget);

  discard_changes (self);
  _signet_window_update_view (self);
}

static void
delete_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  SignetWindow *self = SIGNET_WINDOW (widget);
  SignetContract *shown = signet_contract_page_get_contract (self->page);
  g_autoptr(SignetTombstone) tombstone = NULL;
  g_autoptr(GError) error = NULL;

  if (shown == NULL || signet_contract_get_id (shown) == 0)
    return;

  /* Undo brings back the contract as stored: edits not saved yet go with
   * the contract the user chose to delete. */
  tombstone = signet_store_delete (self->store, SIGNET_TOMBSTONE_CONTRACT, signet_contract_get_id (shown), &error);
  if (tombstone == NULL)
    {
      _signet_window_show_error (self, _("Could Not Delete the Contract"), error);
      return;
    }

  _signet_window_show_contract (self, 0);
  _signet_window_update_view (self);

  signet_undo_offer (widget, self->store, tombstone);
}

static void
undo_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  SignetWindow *self = SIGNET_WINDOW (widget);

  signet_undo_undo (self->undo, widget);
}

/* The main menu names what Undo would bring back. */
static void
undo_changed_cb (SignetWindow *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo", signet_undo_get_can_undo (self->undo));
  g_menu_remove_all (self->undo_section);
  g_menu_append (self->undo_section, signet_undo_get_label (self->undo), "win.undo");
}

/* What came back is shown: the contract, or the contract the key date,
 * file or annotation is in, unless the page holds edits not saved yet. */
static void
undo_restored_cb (SignetWindow    *self,
                  SignetTombstone *tombstone)
{
  gint64 contract_id = signet_tombstone_get_contract_id (tombstone);
  SignetContract *shown = signet_contract_page_get_contract (self->page);

  if (contract_id == 0 || signet_contract_page_get_dirty (self->page) ||
      (shown != NULL && signet_contract_get_id (shown) == contract_id))
    return;

  _signet_window_show_contract (self, contract_id);
}

void
_signet_window_init_undo (SignetWindow *self)
{
  self->undo = signet_undo_get (GTK_WIDGET (self));
  signet_undo_set_toast_overlay (self->undo, self->toast_overlay);
  g_signal_connect_object (self->undo, "notify::label", G_CALLBACK (undo_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->undo, "restored", G_CALLBACK (undo_restored_cb), self, G_CONNECT_SWAPPED);
  undo_changed_cb (self);
}

static void
shortcuts_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  adw_dialog_present (signet_shortcuts_dialog_new (), widget);
}

void
_signet_window_class_init_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.new-contract", NULL, new_contract_activated);
  gtk_widget_class_install_action (widget_class, "win.new-contract-of-type", "x", new_contract_of_type_activated);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_activated);
  gtk_widget_class_install_action (widget_class, "win.show-view", "s", show_view_activated);
  gtk_widget_class_install_action (widget_class, "win.clients", NULL, clients_activated);
  gtk_widget_class_install_action (widget_class, "win.people", NULL, people_activated);
  gtk_widget_class_install_action (widget_class, "win.archive", NULL, archive_activated);
  gtk_widget_class_install_action (widget_class, "win.scorecards", NULL, scorecards_activated);
  gtk_widget_class_install_action (widget_class, "contract.scorecard", NULL, contract_scorecard_activated);
  gtk_widget_class_install_action (widget_class, "win.import", NULL, import_activated);
  gtk_widget_class_install_action (widget_class, "win.import-csv", NULL, import_csv_activated);
  gtk_widget_class_install_action (widget_class, "win.export", NULL, export_activated);
  gtk_widget_class_install_action (widget_class, "win.export-ics", NULL, export_ics_activated);
  gtk_widget_class_install_action (widget_class, "win.export-xlsx", NULL, export_xlsx_activated);
  gtk_widget_class_install_action (widget_class, "win.shortcuts", NULL, shortcuts_activated);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_activated);
  gtk_widget_class_install_action (widget_class, "contract.save", NULL, save_activated);
  gtk_widget_class_install_action (widget_class, "contract.cancel", NULL, cancel_activated);
  gtk_widget_class_install_action (widget_class, "contract.delete", NULL, delete_activated);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "win.new-contract", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1, GDK_CONTROL_MASK, "win.show-view", "s", "list");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_2, GDK_CONTROL_MASK, "win.show-view", "s", "calendar");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_3, GDK_CONTROL_MASK, "win.show-view", "s", "overview");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.people", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_l, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.archive", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.scorecards", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "contract.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "contract.cancel", NULL);
  /* Ctrl+Z bubbles up from the focus, so a text field has it first: a
   * one-line field always keeps it for its typing (GTK 4.18 leaves its
   * text.undo enabled with nothing to undo), a multi-line one lets it
   * through once it has nothing left. Everywhere else it undoes the last
   * deletion, as the main menu's item does from anywhere. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "win.undo", NULL);
}
