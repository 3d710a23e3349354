/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "test-clients"

#include "config.h"

#include "display-test-utils.h"
#include "signet-clients-window.h"
#include "unit-test-utils.h"

/* The Clients window: adding, editing and deleting clients, and the
 * messages a user gets when something is wrong. */

typedef struct
{
  SignetStore  *store;
  SignetClient *acme;
  SignetClient *lonely;
  GtkWidget    *window;
} Fixture;

static GtkWidget *
find_field (Fixture    *fixture,
            const char *name)
{
  GtkWidget *field = display_test_find_accessible (fixture->window, name);

  g_assert_nonnull (field);

  return field;
}

static void
set_field_text (Fixture    *fixture,
                const char *name,
                const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (find_field (fixture, name)), text);
}

static const char *
field_text (Fixture    *fixture,
            const char *name)
{
  return gtk_editable_get_text (GTK_EDITABLE (find_field (fixture, name)));
}

static GtkListBoxRow *
find_row (Fixture    *fixture,
          const char *name)
{
  GtkListBox *list_box = GTK_LIST_BOX (display_test_find_type (fixture->window, GTK_TYPE_LIST_BOX));
  GtkListBoxRow *row;

  for (int i = 0; (row = gtk_list_box_get_row_at_index (list_box, i)) != NULL; i++)
    if (g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), name) == 0)
      return row;

  return NULL;
}

static void
click_row (Fixture    *fixture,
           const char *name)
{
  GtkListBoxRow *row = find_row (fixture, name);
  GtkListBox *list_box = GTK_LIST_BOX (display_test_find_type (fixture->window, GTK_TYPE_LIST_BOX));

  g_assert_nonnull (row);
  gtk_list_box_select_row (list_box, row);
  display_test_spin (20);
}

static void
activate (Fixture    *fixture,
          const char *action)
{
  g_assert_true (gtk_widget_activate_action (fixture->window, action, NULL));
  display_test_spin (20);
}

static guint
n_clients (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) clients = signet_store_list_clients (fixture->store, &error);

  g_assert_no_error (error);

  return g_list_model_get_n_items (clients);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  display_test_reset_settings ();

  fixture->store = display_test_new_store ();
  fixture->acme = display_test_add_client (fixture->store, "Acme Corporation", "ACME");
  fixture->lonely = display_test_add_client (fixture->store, "孤独有限公司", "GD");
  g_object_unref (display_test_add_contract (fixture->store, fixture->acme, "HT-2025-0001", "Support", 100));
  g_object_unref (display_test_add_contract (fixture->store, fixture->acme, "HT-2025-0002", "Hosting", 100));

  fixture->window = GTK_WIDGET (signet_clients_window_new (fixture->store));
  display_test_present_dialog (ADW_DIALOG (fixture->window), 1200, 760);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  display_test_destroy_windows ();
  g_clear_object (&fixture->acme);
  g_clear_object (&fixture->lonely);
  g_clear_object (&fixture->store);
}

static void
test_add_client (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(SignetClient) added = NULL;
  GtkWidget *code;

  g_assert_nonnull (find_row (fixture, "Acme Corporation"));
  g_assert_nonnull (find_row (fixture, "孤独有限公司"));
  g_assert_nonnull (display_test_find_accessible (fixture->window, "Add Client"));

  activate (fixture, "client.add");
  g_assert_cmpstr (field_text (fixture, "Name"), ==, "");
  set_field_text (fixture, "Name", "Globex 环球");
  set_field_text (fixture, "Email", "not an address");

  /* The code is required: said at the field, nothing stored. */
  activate (fixture, "client.save");
  code = find_field (fixture, "Code");
  g_assert_true (gtk_widget_has_css_class (code, "error"));
  g_assert_true (gtk_widget_has_focus (code) ||
                 gtk_widget_is_ancestor (gtk_root_get_focus (gtk_widget_get_root (fixture->window)), code));
  g_assert_cmpuint (n_clients (fixture), ==, 2);

  set_field_text (fixture, "Code", "GLX");
  g_assert_false (gtk_widget_has_css_class (code, "error"));
  activate (fixture, "client.save");
  g_assert_true (gtk_widget_has_css_class (find_field (fixture, "Email"), "error"));
  g_assert_cmpuint (n_clients (fixture), ==, 2);

  set_field_text (fixture, "Email", "office@globex.example");
  activate (fixture, "client.save");
  g_assert_cmpuint (n_clients (fixture), ==, 3);
  added = signet_store_find_client_by_code (fixture->store, "GLX", NULL);
  g_assert_nonnull (added);
  g_assert_cmpstr (signet_client_get_name (added), ==, "Globex 环球");
  g_assert_cmpstr (signet_client_get_email (added), ==, "office@globex.example");
  g_assert_nonnull (find_row (fixture, "Globex 环球"));

  /* A code that is taken is refused at the field. */
  activate (fixture, "client.add");
  set_field_text (fixture, "Name", "Another Acme");
  set_field_text (fixture, "Code", "ACME");
  activate (fixture, "client.save");
  g_assert_true (gtk_widget_has_css_class (find_field (fixture, "Code"), "error"));
  g_assert_cmpuint (n_clients (fixture), ==, 3);
}

static void
test_edit_client (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(SignetClient) stored = NULL;

  click_row (fixture, "Acme Corporation");
  g_assert_cmpstr (field_text (fixture, "Code"), ==, "ACME");
  set_field_text (fixture, "Phone", "+86 10 1234 5678");
  activate (fixture, "client.save");

  stored = signet_store_get_client (fixture->store, signet_client_get_id (fixture->acme), NULL);
  g_assert_cmpstr (signet_client_get_phone (stored), ==, "+86 10 1234 5678");

  /* Switching with unsaved edits asks; Discard drops them. */
  set_field_text (fixture, "Phone", "999");
  click_row (fixture, "孤独有限公司");
  g_assert_nonnull (display_test_find_alert_dialog ());
  display_test_respond ("discard");
  g_assert_cmpstr (field_text (fixture, "Code"), ==, "GD");
  g_clear_object (&stored);
  stored = signet_store_get_client (fixture->store, signet_client_get_id (fixture->acme), NULL);
  g_assert_cmpstr (signet_client_get_phone (stored), ==, "+86 10 1234 5678");
}

static void
test_delete_refused (Fixture       *fixture,
                     gconstpointer  data)
{
  AdwAlertDialog *dialog;

  click_row (fixture, "Acme Corporation");
  activate (fixture, "client.delete");

  dialog = display_test_find_alert_dialog ();
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_alert_dialog_get_heading (dialog), ==, "Cannot Delete the Client");
  g_assert_nonnull (strstr (adw_alert_dialog_get_body (dialog), "still has 2 contracts"));
  display_test_respond ("close");

  g_assert_cmpuint (n_clients (fixture), ==, 2);
  g_assert_nonnull (find_row (fixture, "Acme Corporation"));
}

static void
test_delete_client (Fixture       *fixture,
                    gconstpointer  data)
{
  click_row (fixture, "孤独有限公司");
  activate (fixture, "client.delete");

  /* Not undoable, so it asks; Cancel keeps the client. */
  display_test_respond ("cancel");
  g_assert_cmpuint (n_clients (fixture), ==, 2);

  activate (fixture, "client.delete");
  display_test_respond ("delete");
  g_assert_cmpuint (n_clients (fixture), ==, 1);
  g_assert_null (find_row (fixture, "孤独有限公司"));
}

/* The rows of the client list a user sees, by title, with the search. */
static char *
shown_clients (Fixture *fixture)
{
  GtkListBox *list_box = GTK_LIST_BOX (display_test_find_type (fixture->window, GTK_TYPE_LIST_BOX));
  g_autoptr(GString) shown = g_string_new (NULL);
  GtkListBoxRow *row;

  for (int i = 0; (row = gtk_list_box_get_row_at_index (list_box, i)) != NULL; i++)
    if (gtk_widget_get_child_visible (GTK_WIDGET (row)))
      g_string_append_printf (shown, "%s%s", shown->len > 0 ? ", " : "",
                              adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)));

  return g_string_free (g_steal_pointer (&shown), FALSE);
}

static void
search_for (Fixture    *fixture,
            const char *text)
{
  GtkWidget *entry = display_test_find_type (fixture->window, GTK_TYPE_SEARCH_ENTRY);

  g_assert_nonnull (entry);
  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  /* The search waits a moment for more typing. */
  display_test_spin (400);
}

/* The search narrows the list by name, code, contact, phone or email,
 * in any case, and says when it finds nothing. */
static void
test_search (Fixture       *fixture,
             gconstpointer  data)
{
  g_autofree char *all = NULL;
  g_autofree char *acme = NULL;
  g_autofree char *by_code = NULL;
  g_autofree char *none = NULL;
  g_autofree char *again = NULL;

  all = shown_clients (fixture);
  g_assert_cmpstr (all, ==, "Acme Corporation, 孤独有限公司");
  g_assert_nonnull (display_test_find_accessible (fixture->window, "Search clients"));

  search_for (fixture, "acme corp");
  acme = shown_clients (fixture);
  g_assert_cmpstr (acme, ==, "Acme Corporation");

  search_for (fixture, "gd");
  by_code = shown_clients (fixture);
  g_assert_cmpstr (by_code, ==, "孤独有限公司");

  search_for (fixture, "孤独");
  g_clear_pointer (&by_code, g_free);
  by_code = shown_clients (fixture);
  g_assert_cmpstr (by_code, ==, "孤独有限公司");

  search_for (fixture, "nobody");
  none = shown_clients (fixture);
  g_assert_cmpstr (none, ==, "");
  g_assert_true (display_test_shows_label (fixture->window, "No client matches “nobody”."));
  g_free (display_test_save_screenshot (fixture->window, "clients-no-match"));

  search_for (fixture, "");
  again = shown_clients (fixture);
  g_assert_cmpstr (again, ==, "Acme Corporation, 孤独有限公司");
}

static void
contract_opened_cb (GtkWidget *window,
                    gint64     contract_id,
                    gint64    *opened)
{
  *opened = contract_id;
}

/* The contract rows of the form, by title, top to bottom. */
static GPtrArray *
contract_rows (Fixture *fixture)
{
  GtkWidget *list = display_test_find_accessible (fixture->window, "Contracts with this client");
  GPtrArray *rows = g_ptr_array_new ();
  GtkListBoxRow *row;

  g_assert_nonnull (list);
  for (int i = 0; (row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), i)) != NULL; i++)
    g_ptr_array_add (rows, row);

  return rows;
}

/* The form lists the client's contracts; activating one asks the main
 * window to open it. A client without contracts says so. */
static void
test_contracts_listed (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) none = NULL;
  g_autoptr(GArray) ids = NULL;
  gint64 opened = 0;
  gint64 hosting = 0;

  g_signal_connect (fixture->window, "open-contract", G_CALLBACK (contract_opened_cb), &opened);
  click_row (fixture, "Acme Corporation");
  rows = contract_rows (fixture);
  g_assert_cmpuint (rows->len, ==, 2);
  g_assert_cmpstr (adw_preferences_row_get_title (g_ptr_array_index (rows, 0)), ==, "Support");
  g_assert_cmpstr (adw_preferences_row_get_title (g_ptr_array_index (rows, 1)), ==, "Hosting");
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (g_ptr_array_index (rows, 1)), "HT-2025-0002"));
  g_assert_true (display_test_shows_label (fixture->window, "2 contracts. Open one to see it in the main window."));
  g_free (display_test_save_screenshot (fixture->window, "clients-contracts"));

  ids = signet_store_list_client_contract_ids (fixture->store, signet_client_get_id (fixture->acme), NULL);
  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(SignetContract) contract = signet_store_get_contract (fixture->store, g_array_index (ids, gint64, i), NULL);

      if (g_str_equal (signet_contract_get_number (contract), "HT-2025-0002"))
        hosting = signet_contract_get_id (contract);
    }
  g_signal_emit_by_name (g_ptr_array_index (rows, 1), "activate");
  display_test_spin (50);
  g_assert_cmpint (opened, ==, hosting);

  click_row (fixture, "孤独有限公司");
  none = contract_rows (fixture);
  g_assert_cmpuint (none->len, ==, 0);
  g_assert_true (display_test_shows_label (fixture->window, "No contracts with this client yet."));
}

/* Whether the first contract of the client on show has the window's
 * focus, whether or not the X server has made the window the active one
 * (another test on the display may have taken that). */
static gboolean
first_contract_has_focus (gpointer data)
{
  g_autoptr(GPtrArray) rows = contract_rows (data);
  GtkWidget *first = rows->len > 0 ? g_ptr_array_index (rows, 0) : NULL;
  GtkRoot *root = first != NULL ? gtk_widget_get_root (first) : NULL;

  return root != NULL && gtk_root_get_focus (root) == first;
}

/* Refusing to delete a client with contracts offers to show them: the
 * first of them takes the focus. */
static void
test_delete_refused_shows_contracts (Fixture       *fixture,
                                     gconstpointer  data)
{
  AdwAlertDialog *dialog;

  click_row (fixture, "Acme Corporation");
  activate (fixture, "client.delete");

  dialog = display_test_find_alert_dialog ();
  g_assert_nonnull (dialog);
  g_assert_true (adw_alert_dialog_has_response (dialog, "show-contracts"));
  g_assert_cmpstr (adw_alert_dialog_get_response_label (dialog, "show-contracts"), ==, "_Show the Contracts");
  display_test_respond ("show-contracts");

  g_assert_true (display_test_wait_for (first_contract_has_focus, fixture));
  g_assert_cmpuint (n_clients (fixture), ==, 2);
}

/* A register whose clients cannot be read: the Clients window tells why
 * as it opens, instead of showing a register without clients. */
static void
test_unreadable (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *path = g_strdup (signet_store_get_path (fixture->store));
  g_autofree char *expected = g_strdup_printf ("The database “%s” is damaged.", path);
  g_autoptr(GError) error = NULL;
  AdwAlertDialog *dialog;

  display_test_destroy_windows ();
  g_clear_object (&fixture->store);
  unit_damage_table (path, "clients");
  fixture->store = signet_store_open (path, SIGNET_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);

  fixture->window = GTK_WIDGET (signet_clients_window_new (fixture->store));
  display_test_present_dialog (ADW_DIALOG (fixture->window), 1200, 760);
  display_test_spin (100);

  dialog = display_test_find_alert_dialog ();
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_alert_dialog_get_heading (dialog), ==, "Could Not Read the Clients");
  g_assert_cmpstr (adw_alert_dialog_get_body (dialog), ==, expected);
  display_test_respond ("close");
}

int
main (int   argc,
      char *argv[])
{
  display_test_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add ("/clients/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("add-client", test_add_client);
  ADD ("edit-client", test_edit_client);
  ADD ("delete-refused", test_delete_refused);
  ADD ("delete-client", test_delete_client);
  ADD ("search", test_search);
  ADD ("contracts-listed", test_contracts_listed);
  ADD ("delete-refused-shows-contracts", test_delete_refused_shows_contracts);
  ADD ("unreadable", test_unreadable);

#undef ADD

  return g_test_run ();
}
