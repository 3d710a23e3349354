/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "signet-clients-window"

#include "config.h"

#include <glib/gi18n.h>

#include "signet-clients-window-private.h"
#include "signet-error-dialog.h"
#include "signet-field-error.h"
#include "signet-form-row.h"
#include "signet-store-team.h"
#include "signet-tombstone.h"
#include "signet-undo.h"
#include "signet-unsaved-dialog.h"

#define RESPONSE_DELETE "delete"
#define RESPONSE_CLOSE  "close"

#define RESPONSE_SHOW_CONTRACTS "show-contracts"

G_DEFINE_FINAL_TYPE (SignetClientsWindow, signet_clients_window, ADW_TYPE_DIALOG)

typedef struct
{
  SignetClientsWindow *self;
  ContinueFunc         func;
  gpointer             data;
  GDestroyNotify       destroy;
} Pending;

static void
pending_free (Pending *pending)
{
  if (pending->destroy != NULL)
    pending->destroy (pending->data);
  g_object_unref (pending->self);
  g_free (pending);
}

static const char *
nonempty (const char *text)
{
  return (text != NULL && *text != '\0') ? text : NULL;
}

static void
show_error (SignetClientsWindow *self,
            const char          *heading,
            const char          *message)
{
  AdwDialog *dialog = signet_alert_dialog_new (heading, message);

  adw_alert_dialog_add_response (ADW_ALERT_DIALOG (dialog), RESPONSE_CLOSE, _("_Close"));
  adw_dialog_present (dialog, GTK_WIDGET (self));
}

static void
clear_field_error (SignetClientsWindow *self,
                   guint                index)
{
  signet_field_error_clear (self->field_widgets[index], self->error_labels[index]);
}

static void
clear_field_errors (SignetClientsWindow *self)
{
  for (guint i = 0; i < N_FIELDS; i++)
    clear_field_error (self, i);
}

static void
show_field_error (SignetClientsWindow *self,
                  SignetField          field,
                  const char          *message)
{
  guint index = field - FIRST_FIELD;

  if (field < FIRST_FIELD || index >= N_FIELDS)
    return;

  signet_field_error_show (self->field_widgets[index], self->error_labels[index], message);
}

static char *
notes_text (SignetClientsWindow *self)
{
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (gtk_text_view_get_buffer (self->notes_view), &start, &end);
  return gtk_text_iter_get_text (&start, &end);
}

static const char *
field_text (SignetClientsWindow *self,
            SignetField          field)
{
  return nonempty (gtk_editable_get_text (self->entries[field - FIRST_FIELD]));
}

static SignetClient *
read_form (SignetClientsWindow *self)
{
  SignetClient *client = signet_client_copy (self->client);
  g_autofree char *notes = notes_text (self);

  signet_client_set_name (client, field_text (self, SIGNET_FIELD_CLIENT_NAME));
  signet_client_set_code (client, field_text (self, SIGNET_FIELD_CLIENT_CODE));
  signet_client_set_contact (client, field_text (self, SIGNET_FIELD_CLIENT_CONTACT));
  signet_client_set_phone (client, field_text (self, SIGNET_FIELD_CLIENT_PHONE));
  signet_client_set_email (client, field_text (self, SIGNET_FIELD_CLIENT_EMAIL));
  signet_client_set_address (client, field_text (self, SIGNET_FIELD_CLIENT_ADDRESS));
  signet_client_set_notes (client, nonempty (notes));

  return client;
}

static gboolean
is_dirty (SignetClientsWindow *self)
{
  g_autoptr(SignetClient) edited = NULL;

  if (self->client == NULL)
    return FALSE;

  edited = read_form (self);

  return g_strcmp0 (signet_client_get_name (edited), signet_client_get_name (self->client)) != 0 ||
         g_strcmp0 (signet_client_get_code (edited), signet_client_get_code (self->client)) != 0 ||
         g_strcmp0 (signet_client_get_contact (edited), signet_client_get_contact (self->client)) != 0 ||
         g_strcmp0 (signet_client_get_phone (edited), signet_client_get_phone (self->client)) != 0 ||
         g_strcmp0 (signet_client_get_email (edited), signet_client_get_email (self->client)) != 0 ||
         g_strcmp0 (signet_client_get_address (edited), signet_client_get_address (self->client)) != 0 ||
         g_strcmp0 (signet_client_get_notes (edited), signet_client_get_notes (self->client)) != 0;
}

static void
update_actions (SignetClientsWindow *self)
{
  gboolean dirty = is_dirty (self);
  gboolean is_new = (self->client != NULL && signet_client_get_id (self->client) == 0);
  /* As the window's: a reader sees the clients and changes none. */
  gboolean may_edit = self->store != NULL && signet_store_can_edit (self->store);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "client.add", may_edit);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "client.save", dirty && may_edit);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "client.cancel", dirty || is_new);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "client.delete", self->client != NULL && !is_new && may_edit);
  /* Closing with edits asks first ("close-attempt"). */
  adw_dialog_set_can_close (ADW_DIALOG (self), !dirty);
}

static void
field_edited (SignetClientsWindow *self,
              gpointer             widget)
{
  if (self->loading > 0)
    return;

  clear_field_error (self, signet_form_get_field (widget) - FIRST_FIELD);
  update_actions (self);
}

static void
entry_changed_cb (SignetClientsWindow *self,
                  GtkEditable         *editable)
{
  field_edited (self, editable);
}

static void
notes_changed_cb (SignetClientsWindow *self,
                  GtkTextBuffer       *buffer)
{
  field_edited (self, self->notes_view);
}

/* A row for each field but the notes, each with the (hidden) row of its
 * error under it, and the notes as a text area of their own below. */
static void
build_form (SignetClientsWindow *self)
{
  guint notes = SIGNET_FIELD_CLIENT_NOTES - FIRST_FIELD;

  for (SignetField field = FIRST_FIELD; field < SIGNET_FIELD_CLIENT_NOTES; field++)
    {
      GtkWidget *row = adw_entry_row_new ();

      signet_form_row_add (self->fields_group, field, row, &self->error_labels[field - FIRST_FIELD]);
      self->field_widgets[field - FIRST_FIELD] = row;
      self->entries[field - FIRST_FIELD] = GTK_EDITABLE (row);
      g_signal_connect_object (row, "changed", G_CALLBACK (entry_changed_cb), self, G_CONNECT_SWAPPED);
    }

  adw_entry_row_set_input_purpose (ADW_ENTRY_ROW (self->entries[SIGNET_FIELD_CLIENT_PHONE - FIRST_FIELD]),
                                   GTK_INPUT_PURPOSE_PHONE);
  adw_entry_row_set_input_purpose (ADW_ENTRY_ROW (self->entries[SIGNET_FIELD_CLIENT_EMAIL - FIRST_FIELD]),
                                   GTK_INPUT_PURPOSE_EMAIL);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->entries[SIGNET_FIELD_CLIENT_CODE - FIRST_FIELD]),
                               _("A short unique code, such as the client’s abbreviation"));

  self->notes_view = signet_form_notes_add (self->notes_group, SIGNET_FIELD_CLIENT_NOTES, 96,
                                            &self->error_labels[notes]);
  self->field_widgets[notes] = GTK_WIDGET (self->notes_view);
  g_signal_connect_object (gtk_text_view_get_buffer (self->notes_view), "changed",
                           G_CALLBACK (notes_changed_cb), self, G_CONNECT_SWAPPED);
}

static void
set_entry (SignetClientsWindow *self,
           SignetField          field,
           const char          *text)
{
  gtk_editable_set_text (self->entries[field - FIRST_FIELD], text ? text : "");
}

/* Sets the widget of @field to @client's value, as no edit of the user's. */
static void
fill_field (SignetClientsWindow *self,
            SignetClient        *client,
            SignetField          field)
{
  const char *text = signet_client_get_field (client, field);

  self->loading++;
  if (field == SIGNET_FIELD_CLIENT_NOTES)
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->notes_view), text ?: "", -1);
  else
    set_entry (self, field, text);
  self->loading--;

  clear_field_error (self, field - FIRST_FIELD);
}

/* The form's title: the client's name, as stored. */
static void
set_form_title (SignetClientsWindow *self,
                SignetClient        *client)
{
  if (signet_client_get_id (client) == 0)
    adw_navigation_page_set_title (self->form_page, _("New Client"));
  else
    adw_navigation_page_set_title (self->form_page, signet_client_get_name (client));
}

static void
drop_conflicts (SignetClientsWindow *self)
{
  g_clear_object (&self->mine);
  signet_conflict_panel_clear (self->conflict_panel);
}

/* The client in the form was deleted elsewhere: saying so, and that
 * saving adds it again; there is nothing left to delete. */
static void
set_deleted (SignetClientsWindow *self,
             gboolean             deleted)
{
  gtk_widget_set_visible (self->deleted_notice, deleted);
  gtk_widget_set_visible (self->delete_button,
                          !deleted && self->client != NULL && signet_client_get_id (self->client) != 0);
}

/* Shows a copy of @client in the form (NULL: nothing). */
static void
show_client (SignetClientsWindow *self,
             SignetClient        *client)
{
  drop_conflicts (self);
  gtk_widget_set_visible (self->deleted_notice, FALSE);
  g_clear_object (&self->client);

  if (client == NULL)
    {
      adw_navigation_page_set_title (self->form_page, _("Client"));
      gtk_stack_set_visible_child_name (self->form_stack, "none");
      gtk_action_bar_set_revealed (self->action_bar, FALSE);
      adw_navigation_split_view_set_show_content (self->split_view, FALSE);
      update_actions (self);
      _signet_clients_window_show_contracts (self);
      return;
    }

  self->client = signet_client_copy (client);

  for (SignetField field = FIRST_FIELD; field <= SIGNET_FIELD_CLIENT_NOTES; field++)
    fill_field (self, client, field);

  set_form_title (self, client);
  gtk_widget_set_visible (self->delete_button, signet_client_get_id (client) != 0);
  clear_field_errors (self);
  gtk_stack_set_visible_child_name (self->form_stack, "form");
  gtk_action_bar_set_revealed (self->action_bar, TRUE);
  update_actions (self);
  _signet_clients_window_show_contracts (self);
}

static gint64
row_client_id (GtkListBoxRow *row)
{
  return row != NULL ? signet_client_get_id (g_object_get_data (G_OBJECT (row), "signet-client")) : 0;
}

static void
select_client_row (SignetClientsWindow *self,
                   gint64               id)
{
  GtkListBoxRow *row = NULL;

  for (int i = 0; id != 0 && (row = gtk_list_box_get_row_at_index (self->list_box, i)) != NULL; i++)
    if (row_client_id (row) == id)
      break;

  self->loading++;
  if (row != NULL)
    gtk_list_box_select_row (self->list_box, row);
  else
    gtk_list_box_unselect_all (self->list_box);
  self->loading--;
}

static GtkWidget *
create_row_cb (gpointer item,
               gpointer user_data)
{
  SignetClient *client = item;
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), signet_client_get_name (client));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), signet_client_get_code (client));
  /* A click or Enter picks the client (row-activated). */
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data_full (G_OBJECT (row), "signet-client", g_object_ref (client), g_object_unref);

  return row;
}

static void
reload_clients (SignetClientsWindow *self)
{
  gint64 selected = self->client ? signet_client_get_id (self->client) : 0;
  g_autoptr(GListModel) clients = NULL;
  g_autoptr(GError) error = NULL;

  clients = signet_store_list_clients (self->store, &error);
  if (clients == NULL)
    {
      g_clear_error (&self->load_error);
      if (gtk_widget_get_root (GTK_WIDGET (self)) != NULL)
        signet_error_dialog_show (GTK_WIDGET (self), _("Could Not Read the Clients"), error);
      else
        self->load_error = g_steal_pointer (&error);
      /* The list shown stays: a client the user is working on is not lost
       * from view. */
      if (self->clients != NULL)
        return;
      clients = G_LIST_MODEL (g_list_store_new (SIGNET_TYPE_CLIENT));
    }

  g_set_object (&self->clients, clients);

  self->loading++;
  gtk_filter_list_model_set_model (self->filtered, self->clients);
  gtk_list_box_bind_model (self->list_box, G_LIST_MODEL (self->filtered), create_row_cb, NULL, NULL);
  self->loading--;
  select_client_row (self, selected);

  /* A new client being typed keeps the form up in an empty register. */
  if (g_list_model_get_n_items (self->clients) == 0 && self->client == NULL)
    gtk_stack_set_visible_child_name (self->stack, "empty");
  else
    gtk_stack_set_visible_child_name (self->stack, "main");
}

static void
discard_changes (SignetClientsWindow *self)
{
  drop_conflicts (self);
  if (self->client != NULL && signet_client_get_id (self->client) == 0)
    {
      show_client (self, NULL);
      reload_clients (self);
    }
  else if (self->client != NULL)
    {
      g_autoptr(SignetClient) stored = g_object_ref (self->client);

      show_client (self, stored);
    }
}

/* After a save refused because someone else saved the client meanwhile:
 * the stored client becomes the form's base and the panel shows what
 * changed, the form keeping the user's values. FALSE when the user has a
 * choice to make (or the client is gone, with @error set); TRUE when
 * nothing the user sees changed and the save can simply run again. */
static gboolean
take_conflicts (SignetClientsWindow  *self,
                SignetClient         *edited,
                GError              **error)
{
  g_autoptr(SignetClient) current = NULL;
  g_autoptr(GArray) conflicts = NULL;

  conflicts = signet_store_list_client_conflicts (self->store, self->client, edited, &current, error);
  if (conflicts == NULL)
    return FALSE;

  g_set_object (&self->client, current);
  set_form_title (self, current);
  reload_clients (self);

  if (conflicts->len == 0)
    return TRUE;

  g_clear_object (&self->mine);
  self->mine = signet_client_copy (edited);

  signet_conflict_panel_clear (self->conflict_panel);
  for (guint i = 0; i < conflicts->len; i++)
    {
      const SignetFieldConflict *conflict = &g_array_index (conflicts, SignetFieldConflict, i);

      signet_conflict_panel_add_field (self->conflict_panel, conflict->field,
                                       signet_client_get_field (current, conflict->field),
                                       signet_client_get_field (edited, conflict->field),
                                       conflict->edited);
      if (!conflict->edited)
        fill_field (self, current, conflict->field);
    }
  update_actions (self);

  return FALSE;
}

/* Reload puts the stored value in the form, Keep Mine the user's back;
 * what the user typed since the conflict is kept for Keep Mine. */
static void
choice_changed_cb (SignetClientsWindow *self,
                   SignetField          field,
                   gboolean             keep_mine,
                   SignetConflictPanel *panel)
{
  if (self->mine == NULL)
    return;

  if (keep_mine)
    {
      fill_field (self, self->mine, field);
    }
  else
    {
      g_autoptr(SignetClient) form = read_form (self);

      signet_client_set_field (self->mine, field, signet_client_get_field (form, field));
      fill_field (self, self->client, field);
    }

  update_actions (self);
}

static gboolean
save_client (SignetClientsWindow *self)
{
  g_autoptr(SignetClient) edited = NULL;
  g_autoptr(SignetClient) stored = NULL;
  g_autoptr(GError) error = NULL;
  gboolean saved;

  if (self->mine != NULL && !signet_conflict_panel_get_resolved (self->conflict_panel))
    {
      signet_conflict_panel_ask (self->conflict_panel);
      return FALSE;
    }

  clear_field_errors (self);

  edited = read_form (self);
  /* Deleted elsewhere: what the form holds comes back as a new client. */
  if (gtk_widget_get_visible (self->deleted_notice))
    {
      signet_client_set_id (edited, 0);
      signet_client_set_version (edited, 0);
    }
  if (signet_client_get_id (edited) == 0)
    saved = signet_store_add_client (self->store, edited, &error);
  else
    saved = signet_store_save_client (self->store, self->client, edited, &error);

  /* A write that lands again between the conflict and the retry is seen again. */
  for (guint attempt = 0;
       !saved && attempt < 3 && g_error_matches (error, SIGNET_STORE_ERROR, SIGNET_STORE_ERROR_CONFLICT);
       attempt++)
    {
      g_clear_error (&error);
      if (!take_conflicts (self, edited, &error))
        break;
      saved = signet_store_save_client (self->store, self->client, edited, &error);
    }

  if (!saved)
    {
      if (error == NULL)
        return FALSE;
      if (error->domain == SIGNET_FIELD_ERROR)
        show_field_error (self, error->code, error->message);
      else
        show_error (self, _("Could Not Save the Client"), error->message);
      return FALSE;
    }

  stored = signet_store_get_client (self->store, signet_client_get_id (edited), NULL);
  show_client (self, stored ? stored : edited);
  reload_clients (self);

  return TRUE;
}

static void
unsaved_dialog_responded_cb (AdwAlertDialog *dialog,
                             const char     *response,
                             Pending        *pending)
{
  SignetClientsWindow *self = pending->self;

  self->asking = FALSE;

  if (g_str_equal (response, SIGNET_RESPONSE_SAVE))
    {
      if (save_client (self))
        pending->func (self, pending->data);
    }
  else if (g_str_equal (response, SIGNET_RESPONSE_DISCARD))
    {
      discard_changes (self);
      pending->func (self, pending->data);
    }

  pending_free (pending);
}

/* Runs @func now, or after the user saved or discarded the edits. While
 * the question is open, nothing else is asked (a click on a row both
 * selects and activates it). */
static void
after_unsaved (SignetClientsWindow *self,
               ContinueFunc         func,
               gpointer             data,
               GDestroyNotify       destroy)
{
  Pending *pending;
  AdwDialog *dialog;

  if (self->asking)
    {
      if (destroy != NULL)
        destroy (data);
      return;
    }

  if (!is_dirty (self))
    {
      func (self, data);
      if (destroy != NULL)
        destroy (data);
      return;
    }

  pending = g_new0 (Pending, 1);
  pending->self = g_object_ref (self);
  pending->func = func;
  pending->data = data;
  pending->destroy = destroy;

  dialog = signet_unsaved_dialog_new (signet_client_get_id (self->client) != 0
                                        ? signet_client_get_name (self->client) : NULL);
  g_signal_connect (dialog, "response", G_CALLBACK (unsaved_dialog_responded_cb), pending);
  adw_dialog_present (dialog, GTK_WIDGET (self));
  self->asking = TRUE;
}

void
_signet_clients_window_after_unsaved (SignetClientsWindow *self,
                                      ContinueFunc         func,
                                      gpointer             data,
                                      GDestroyNotify       destroy)
{
  after_unsaved (self, func, data, destroy);
}

static void
show_client_with_id (SignetClientsWindow *self,
                     gpointer             data)
{
  gint64 id = *(gint64 *) data;
  g_autoptr(SignetClient) client = signet_store_get_client (self->store, id, NULL);

  show_client (self, client);
  select_client_row (self, client ? id : 0);
  if (client != NULL)
    adw_navigation_split_view_set_show_content (self->split_view, TRUE);
}

static void
start_new_client (SignetClientsWindow *self,
                  gpointer             data)
{
  g_autoptr(SignetClient) client = signet_client_new ();

  select_client_row (self, 0);
  show_client (self, client);
  gtk_stack_set_visible_child_name (self->stack, "main");
  adw_navigation_split_view_set_show_content (self->split_view, TRUE);
  gtk_widget_grab_focus (self->field_widgets[0]);
}

static void
close_confirmed (SignetClientsWindow *self,
                 gpointer             data)
{
  adw_dialog_force_close (ADW_DIALOG (self));
}

static void
close_attempted_cb (SignetClientsWindow *self)
{
  after_unsaved (self, close_confirmed, NULL, NULL);
}

/* Shows the client of @row in the form, after asking about unsaved edits,
 * and goes to the form where it is a page of its own. */
static void
pick_client (SignetClientsWindow *self,
             GtkListBoxRow       *row)
{
  gint64 *pending;

  if (self->client != NULL && signet_client_get_id (self->client) == row_client_id (row))
    {
      adw_navigation_split_view_set_show_content (self->split_view, TRUE);
      return;
    }

  pending = g_new (gint64, 1);
  *pending = row_client_id (row);

  /* Keep the edited client selected while the user decides. */
  select_client_row (self, self->client ? signet_client_get_id (self->client) : 0);
  after_unsaved (self, show_client_with_id, pending, g_free);
}

/* Side by side, the form follows the selection, as the keys move it too.
 * Narrow, the list is a page of its own and moving in it picks nothing:
 * the list takes the focus as the dialog opens, which selects a row. */
static void
row_selected_cb (SignetClientsWindow *self,
                 GtkListBoxRow       *row,
                 GtkListBox          *list_box)
{
  if (self->loading > 0 || row == NULL || adw_navigation_split_view_get_collapsed (self->split_view))
    return;

  pick_client (self, row);
}

/* A click, a tap or Enter. */
static void
row_activated_cb (SignetClientsWindow *self,
                  GtkListBoxRow       *row,
                  GtkListBox          *list_box)
{
  pick_client (self, row);
}

static gboolean
same_fields (SignetClient *a,
             SignetClient *b)
{
  for (SignetField field = FIRST_FIELD; field <= SIGNET_FIELD_CLIENT_NOTES; field++)
    if (g_strcmp0 (signet_client_get_field (a, field), signet_client_get_field (b, field)) != 0)
      return FALSE;

  return TRUE;
}

/* Someone else's change to the client shown (another window, an import)
 * is taken in, with its version, unless it would overwrite the user's
 * edits; those meet it at once, field by field, as a refused save would
 * show it. */
static void
take_in_stored_client (SignetClientsWindow *self)
{
  g_autoptr(SignetClient) stored = NULL;
  g_autoptr(SignetClient) edited = NULL;

  if (self->client == NULL || signet_client_get_id (self->client) == 0)
    return;

  stored = signet_store_get_client (self->store, signet_client_get_id (self->client), NULL);
  if (stored == NULL || signet_client_get_version (stored) == signet_client_get_version (self->client))
    return;

  if (self->mine == NULL && !is_dirty (self))
    {
      show_client (self, stored);
      return;
    }

  /* What the form holds was saved: by this window, as the store announces
   * its own save before the form takes the result in. */
  edited = read_form (self);
  if (!same_fields (stored, edited))
    take_conflicts (self, edited, NULL);
}

static void
store_changed_cb (SignetClientsWindow *self,
                  SignetRecordKind     kind,
                  gint64               id,
                  SignetChangeKind     change,
                  SignetStore         *store)
{
  /* A contract of the client shown may have come, gone or changed. */
  if (kind == SIGNET_RECORD_CONTRACT)
    _signet_clients_window_queue_contracts (self);
  if (kind != SIGNET_RECORD_CLIENT)
    return;

  if (self->client != NULL && id == signet_client_get_id (self->client))
    {
      /* Deleted elsewhere: nothing of the user's is at stake in a clean
       * form, which closes; one with edits keeps them and says why. An
       * undo puts the client back. */
      if (change == SIGNET_CHANGE_REMOVED && self->mine == NULL && !is_dirty (self))
        show_client (self, NULL);
      else if (change == SIGNET_CHANGE_REMOVED)
        {
          drop_conflicts (self);
          set_deleted (self, TRUE);
        }
      else if (change == SIGNET_CHANGE_ADDED)
        set_deleted (self, FALSE);
      else
        take_in_stored_client (self);
    }
  reload_clients (self);
}

static void
store_reset_cb (SignetClientsWindow *self,
                SignetStore         *store)
{
  take_in_stored_client (self);
  reload_clients (self);
}

static void
delete_dialog_responded_cb (SignetClientsWindow *self,
                            const char          *response,
                            AdwAlertDialog      *dialog)
{
  g_autoptr(SignetTombstone) tombstone = NULL;
  g_autoptr(GError) error = NULL;

  if (!g_str_equal (response, RESPONSE_DELETE) || self->client == NULL)
    return;

  tombstone = signet_store_delete (self->store, SIGNET_TOMBSTONE_CLIENT, signet_client_get_id (self->client), &error);
  if (tombstone == NULL)
    {
      show_error (self, _("Cannot Delete the Client"), error->message);
      return;
    }

  show_client (self, NULL);
  reload_clients (self);
  signet_undo_offer (GTK_WIDGET (self), self->store, tombstone);
}

static void
refusal_responded_cb (SignetClientsWindow *self,
                      const char          *response,
                      AdwAlertDialog      *dialog)
{
  if (g_str_equal (response, RESPONSE_SHOW_CONTRACTS))
    _signet_clients_window_focus_contracts (self);
}

static void
search_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  SignetClientsWindow *self = SIGNET_CLIENTS_WINDOW (widget);

  adw_navigation_split_view_set_show_content (self->split_view, FALSE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
add_activated (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  signet_clients_window_add_client (SIGNET_CLIENTS_WINDOW (widget));
}

static void
save_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  save_client (SIGNET_CLIENTS_WINDOW (widget));
}

static void
cancel_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  discard_changes (SIGNET_CLIENTS_WINDOW (widget));
}

static void
close_activated (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  adw_dialog_close (ADW_DIALOG (widget));
}

static void
delete_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  SignetClientsWindow *self = SIGNET_CLIENTS_WINDOW (widget);
  const char *name;
  guint n_contracts;
  AdwDialog *dialog;

  if (self->client == NULL || signet_client_get_id (self->client) == 0)
    return;

  name = signet_client_get_name (self->client);
  n_contracts = signet_store_count_client_contracts (self->store, signet_client_get_id (self->client));

  /* Contracts would lose their client: say so instead of asking, and
   * offer to show them. */
  if (n_contracts > 0)
    {
      g_autofree char *message =
        g_strdup_printf (ngettext ("“%s” still has %u contract. Delete it or move it to another "
                                   "client first.",
                                   "“%s” still has %u contracts. Delete them or move them to another "
                                   "client first.",
                                   n_contracts),
                         name, n_contracts);

      dialog = signet_alert_dialog_new (_("Cannot Delete the Client"), message);
      adw_alert_dialog_add_responses (ADW_ALERT_DIALOG (dialog),
                                      RESPONSE_CLOSE, _("_Close"),
                                      RESPONSE_SHOW_CONTRACTS,
                                      ngettext ("_Show the Contract", "_Show the Contracts", n_contracts),
                                      NULL);
      adw_alert_dialog_set_response_appearance (ADW_ALERT_DIALOG (dialog), RESPONSE_SHOW_CONTRACTS,
                                                ADW_RESPONSE_SUGGESTED);
      adw_alert_dialog_set_default_response (ADW_ALERT_DIALOG (dialog), RESPONSE_SHOW_CONTRACTS);
      adw_alert_dialog_set_close_response (ADW_ALERT_DIALOG (dialog), RESPONSE_CLOSE);
      g_signal_connect_object (dialog, "response", G_CALLBACK (refusal_responded_cb), self, G_CONNECT_SWAPPED);
      adw_dialog_present (dialog, GTK_WIDGET (self));
      return;
    }

  dialog = signet_alert_dialog_new (_("Delete the Client?"), NULL);
  adw_alert_dialog_format_body (ADW_ALERT_DIALOG (dialog),
                                _("“%s” will be deleted. Undo in the main menu (Ctrl+Z) brings it back "
                                  "until you make another change."), name);
  adw_alert_dialog_add_responses (ADW_ALERT_DIALOG (dialog),
                                  SIGNET_RESPONSE_CANCEL, _("_Cancel"),
                                  RESPONSE_DELETE, _("_Delete"),
                                  NULL);
  adw_alert_dialog_set_response_appearance (ADW_ALERT_DIALOG (dialog), RESPONSE_DELETE,
                                            ADW_RESPONSE_DESTRUCTIVE);
  adw_alert_dialog_set_default_response (ADW_ALERT_DIALOG (dialog), SIGNET_RESPONSE_CANCEL);
  adw_alert_dialog_set_close_response (ADW_ALERT_DIALOG (dialog), SIGNET_RESPONSE_CANCEL);
  g_signal_connect_object (dialog, "response", G_CALLBACK (delete_dialog_responded_cb),
                           self, G_CONNECT_SWAPPED);
  adw_dialog_present (dialog, GTK_WIDGET (self));
}

static void
signet_clients_window_dispose (GObject *object)
{
  SignetClientsWindow *self = (SignetClientsWindow *)object;

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);

  g_clear_handle_id (&self->contracts_idle, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), SIGNET_TYPE_CLIENTS_WINDOW);
  g_clear_pointer (&self->query, g_free);
  g_clear_object (&self->filtered);
  g_clear_object (&self->filter);

  g_clear_object (&self->store);
  g_clear_object (&self->clients);
  g_clear_error (&self->load_error);
  g_clear_object (&self->client);
  g_clear_object (&self->mine);

  G_OBJECT_CLASS (signet_clients_window_parent_class)->dispose (object);
}

static gboolean
load_error_idle_cb (gpointer user_data)
{
  SignetClientsWindow *self = user_data;
  g_autoptr(GError) error = g_steal_pointer (&self->load_error);

  if (error != NULL && gtk_widget_get_mapped (GTK_WIDGET (self)))
    signet_error_dialog_show (GTK_WIDGET (self), _("Could Not Read the Clients"), error);

  return G_SOURCE_REMOVE;
}

static void
signet_clients_window_map (GtkWidget *widget)
{
  SignetClientsWindow *self = SIGNET_CLIENTS_WINDOW (widget);

  GTK_WIDGET_CLASS (signet_clients_window_parent_class)->map (widget);

  /* Once presenting it is over: an alert presented while the window is
   * being presented would be put under it. */
  if (self->load_error != NULL)
    g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, load_error_idle_cb, g_object_ref (self), g_object_unref);
}

static void
signet_clients_window_class_init (SignetClientsWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = signet_clients_window_dispose;

  widget_class->map = signet_clients_window_map;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/signet-clients-window.ui");
  gtk_widget_class_bind_template_child (widget_class, SignetClientsWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, SignetClientsWindow, split_view);
  gtk_widget_class_bind_template_child (widget_class, SignetClientsWindow, form_page);
  gtk_widget_class_bind_template_child (widget_class, SignetClientsWindow, form_stack);
  gtk_widget_class_bind_template_child (widget_class, SignetClientsWindow, form_box);
  gtk_widget_class_bind_template_child (widget_class, SignetClientsWindow, fields_group);
  gtk_widget_class_bind_template_child (widget_class, SignetClientsWindow, notes_group);
  gtk_widget_class_bind_template_child (widget_class, SignetClientsWindow, action_bar);
  gtk_widget_class_bind_template_child (widget_class, SignetClientsWindow, list_box);
  gtk_widget_class_bind_template_child (widget_class, SignetClientsWindow, delete_button);
  gtk_widget_class_bind_template_callback (widget_class, row_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, close_attempted_cb);

  gtk_widget_class_install_action (widget_class, "client.add", NULL, add_activated);
  gtk_widget_class_install_action (widget_class, "client.save", NULL, save_activated);
  gtk_widget_class_install_action (widget_class, "client.cancel", NULL, cancel_activated);
  gtk_widget_class_install_action (widget_class, "client.delete", NULL, delete_activated);
  gtk_widget_class_install_action (widget_class, "client.close", NULL, close_activated);
  gtk_widget_class_install_action (widget_class, "client.search", NULL, search_activated);

  /* A contract of the client's was activated: the main window shows it. */
  g_signal_new ("open-contract", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "client.add", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "client.save", NULL);
  /* Escape drops unsaved edits first; with none it closes the dialog (a
   * disabled action lets the dialog's own Escape run). */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "client.cancel", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "client.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "client.search", NULL);
}

static void
signet_clients_window_init (SignetClientsWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  build_form (self);
  _signet_clients_window_build_search (self);
  _signet_clients_window_build_contracts (self);
  self->conflict_panel = SIGNET_CONFLICT_PANEL (signet_conflict_panel_new (_("This Client Was Changed Elsewhere")));
  gtk_box_prepend (self->form_box, GTK_WIDGET (self->conflict_panel));
  self->deleted_notice =
    signet_deleted_notice_new (_("This Client Was Deleted Elsewhere"),
                               _("Someone else deleted this client while you were editing it. "
                                 "What the form shows is kept: save to add it again as a new "
                                 "client, or copy what you need."));
  gtk_box_prepend (self->form_box, self->deleted_notice);
  g_signal_connect_object (self->conflict_panel, "choice-changed", G_CALLBACK (choice_changed_cb),
                           self, G_CONNECT_SWAPPED);
  show_client (self, NULL);
}

AdwDialog *
signet_clients_window_new (SignetStore *store)
{
  SignetClientsWindow *self;

  g_return_val_if_fail (SIGNET_IS_STORE (store), NULL);

  self = g_object_new (SIGNET_TYPE_CLIENTS_WINDOW, NULL);
  self->store = g_object_ref (store);
  g_signal_connect_object (store, "changed", G_CALLBACK (store_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (store, "reset", G_CALLBACK (store_reset_cb), self, G_CONNECT_SWAPPED);
  reload_clients (self);
  update_actions (self);
  /* Shown, not changed, by whoever may not write the register. */
  if (!signet_store_can_edit (store))
    for (guint i = 0; i < N_FIELDS; i++)
      if (self->field_widgets[i] != NULL)
        gtk_widget_set_sensitive (self->field_widgets[i], FALSE);

  return ADW_DIALOG (self);
}

void
signet_clients_window_add_client (SignetClientsWindow *self)
{
  g_return_if_fail (SIGNET_IS_CLIENTS_WINDOW (self));

  after_unsaved (self, start_new_client, NULL, NULL);
}
