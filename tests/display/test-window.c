/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "test-window"

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "display-test-utils.h"
#include "signet-calendar-view.h"
#include "signet-column-sorter.h"
#include "signet-contract-list.h"
#include "signet-contract-page.h"
#include "signet-contract-table.h"
#include "signet-shortcuts-dialog.h"
#include "signet-window.h"

/* The main window as a user drives it: its actions, its list and the
 * form beside it, against a register in the test's own directory. */

typedef struct
{
  SignetStore    *store;
  SignetClient   *acme;
  SignetClient   *huawei;
  SignetWindow   *window;
} Fixture;

static GtkWidget *
find_field (Fixture    *fixture,
            const char *name)
{
  GtkWidget *page = display_test_find_type (GTK_WIDGET (fixture->window), SIGNET_TYPE_CONTRACT_PAGE);
  GtkWidget *field = display_test_find_accessible (page, name);

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

static void
choose_client (Fixture    *fixture,
               const char *name)
{
  AdwComboRow *row = ADW_COMBO_ROW (find_field (fixture, "Client"));
  GListModel *clients = adw_combo_row_get_model (row);

  for (guint i = 0; i < g_list_model_get_n_items (clients); i++)
    {
      g_autoptr(SignetClient) client = g_list_model_get_item (clients, i);

      if (g_str_equal (signet_client_get_name (client), name))
        {
          adw_combo_row_set_selected (row, i);
          return;
        }
    }

  g_assert_not_reached ();
}

static GtkColumnView *
column_view (Fixture *fixture)
{
  return GTK_COLUMN_VIEW (display_test_find_type (GTK_WIDGET (fixture->window), GTK_TYPE_COLUMN_VIEW));
}

static GtkSelectionModel *
selection (Fixture *fixture)
{
  return gtk_column_view_get_model (column_view (fixture));
}

static SignetContractList *
contract_list (Fixture *fixture)
{
  GtkWidget *table = display_test_find_type (GTK_WIDGET (fixture->window), SIGNET_TYPE_CONTRACT_TABLE);

  return signet_contract_table_get_model (SIGNET_CONTRACT_TABLE (table));
}

static SignetContractPage *
page (Fixture *fixture)
{
  return SIGNET_CONTRACT_PAGE (display_test_find_type (GTK_WIDGET (fixture->window), SIGNET_TYPE_CONTRACT_PAGE));
}

/* The first stack under @root with a page called @page_name. */
static GtkStack *
find_stack_with (GtkWidget  *root,
                 const char *page_name)
{
  if (GTK_IS_STACK (root) && gtk_stack_get_child_by_name (GTK_STACK (root), page_name) != NULL)
    return GTK_STACK (root);

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkStack *found = find_stack_with (child, page_name);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* Which of error, empty, no-results and main the window shows: "error"
 * and "empty" take the whole window, "no-results" the list's place. */
static const char *
window_page (GtkWidget *window)
{
  const char *page = gtk_stack_get_visible_child_name (find_stack_with (window, "main"));

  if (g_strcmp0 (page, "main") != 0)
    return page;

  return gtk_stack_get_visible_child_name (find_stack_with (window, "no-results"));
}

static const char *
visible_page (Fixture *fixture)
{
  return window_page (GTK_WIDGET (fixture->window));
}

/* Clicks the row that shows @number, as a user picks a contract. */
static void
click_contract (Fixture    *fixture,
                const char *number)
{
  g_autoptr(SignetContract) contract = signet_store_find_contract_by_number (fixture->store, number, NULL);
  guint position;

  g_assert_nonnull (contract);
  position = signet_contract_list_find (contract_list (fixture), signet_contract_get_id (contract));
  g_assert_cmpuint (position, !=, GTK_INVALID_LIST_POSITION);
  gtk_selection_model_select_item (selection (fixture), position, TRUE);
  display_test_spin (20);
}

static guint
selected_position (Fixture *fixture)
{
  return gtk_single_selection_get_selected (GTK_SINGLE_SELECTION (selection (fixture)));
}

static gboolean
action_enabled (Fixture    *fixture,
                const char *name)
{
  gboolean enabled = FALSE;
  GtkWidget *button = display_test_find_button (GTK_WIDGET (fixture->window), name);

  g_assert_nonnull (button);
  enabled = gtk_widget_get_sensitive (button);

  return enabled;
}

static gboolean
label_showing (GtkWidget  *root,
               const char *text)
{
  if (GTK_IS_LABEL (root) && gtk_widget_get_mapped (root) &&
      g_strcmp0 (gtk_label_get_text (GTK_LABEL (root)), text) == 0)
    return TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (label_showing (child, text))
      return TRUE;

  return FALSE;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  display_test_reset_settings ();

  fixture->store = display_test_new_store ();
  fixture->acme = display_test_add_client (fixture->store, "Acme Corporation", "ACME");
  fixture->huawei = display_test_add_client (fixture->store, "华为技术有限公司", "HW");

  g_object_unref (display_test_add_draft_contract (fixture->store, fixture->acme, "HT-2025-0001",
                                                   "Annual maintenance", 1200000));
  g_object_unref (display_test_add_draft_contract (fixture->store, fixture->huawei, "HT-2025-0002",
                                                   "办公楼租赁合同", 50000000));
  g_object_unref (display_test_add_draft_contract (fixture->store, fixture->acme, "HT-2025-0003",
                                                   "Cloud hosting", 990000));
  g_object_unref (display_test_add_draft_contract (fixture->store, fixture->huawei, "HT-2025-0004",
                                                   "Maintenance of the lifts", 300000));

  fixture->window = signet_window_new (NULL, fixture->store, NULL);
  display_test_show (GTK_WINDOW (fixture->window));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  display_test_destroy_windows ();
  g_clear_object (&fixture->acme);
  g_clear_object (&fixture->huawei);
  g_clear_object (&fixture->store);
}

static void
test_create_contract (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(SignetContract) stored = NULL;
  g_autoptr(GtkColumnViewColumn) title_column = NULL;
  g_autofree char *expected_number = NULL;
  guint position;

  g_assert_cmpstr (visible_page (fixture), ==, "main");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (contract_list (fixture))), ==, 4);

  /* Sorted by title, the way a user clicks the Title header. */
  title_column = g_list_model_get_item (gtk_column_view_get_columns (column_view (fixture)), 1);
  gtk_column_view_sort_by_column (column_view (fixture), title_column, GTK_SORT_ASCENDING);
  g_assert_cmpint (signet_contract_list_get_sort_key (contract_list (fixture)), ==, SIGNET_SORT_TITLE);

  expected_number = signet_store_next_contract_number (fixture->store, "HT-{YYYY}-{NNNN}", NULL);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.new-contract", NULL));
  g_assert_nonnull (signet_contract_page_get_contract (page (fixture)));
  g_assert_cmpstr (field_text (fixture, "Number"), ==, expected_number);
  g_assert_cmpstr (signet_contract_page_get_title (page (fixture)), ==, "New Contract");
  g_assert_false (action_enabled (fixture, "Save"));

  set_field_text (fixture, "Title", "Backup services");
  choose_client (fixture, "Acme Corporation");
  set_field_text (fixture, "Value", "12,345.60");
  set_field_text (fixture, "End Date", "2027-03-31");
  g_assert_true (action_enabled (fixture, "Save"));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "contract.save", NULL));
  display_test_spin (20);

  stored = signet_store_find_contract_by_number (fixture->store, expected_number, NULL);
  g_assert_nonnull (stored);
  g_assert_cmpstr (signet_contract_get_title (stored), ==, "Backup services");
  g_assert_cmpint (signet_contract_get_client_id (stored), ==, signet_client_get_id (fixture->acme));
  g_assert_cmpint (signet_contract_get_value (stored), ==, 1234560);
  g_assert_cmpstr (signet_contract_get_currency (stored), ==, "CNY");
  g_assert_cmpstr (signet_contract_get_end_date (stored), ==, "2027-03-31");
  g_assert_cmpint (signet_contract_get_status (stored), ==, SIGNET_CONTRACT_STATUS_DRAFT);
  g_assert_cmpuint (signet_store_count_contracts (fixture->store), ==, 5);

  /* "Annual…", "Backup…", "Cloud…": second by title, and selected there. */
  position = signet_contract_list_find (contract_list (fixture), signet_contract_get_id (stored));
  g_assert_cmpuint (position, ==, 1);
  g_assert_cmpuint (selected_position (fixture), ==, 1);
  g_assert_true (label_showing (GTK_WIDGET (column_view (fixture)), "Backup services"));
  g_assert_cmpstr (signet_contract_page_get_title (page (fixture)), ==, "Backup services");
  g_assert_false (signet_contract_page_get_dirty (page (fixture)));
  g_assert_false (action_enabled (fixture, "Save"));
}

static void
test_edit_and_save (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(SignetContract) stored = NULL;

  click_contract (fixture, "HT-2025-0003");
  g_assert_cmpstr (field_text (fixture, "Title"), ==, "Cloud hosting");
  g_assert_false (action_enabled (fixture, "Save"));

  set_field_text (fixture, "Title", "Cloud hosting and backup");
  g_assert_true (signet_contract_page_get_dirty (page (fixture)));
  g_assert_true (action_enabled (fixture, "Save"));

  /* Typing the old text back is not a change. */
  set_field_text (fixture, "Title", "Cloud hosting");
  g_assert_false (action_enabled (fixture, "Save"));
  set_field_text (fixture, "Title", "Cloud hosting and backup");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "contract.save", NULL));
  display_test_spin (20);

  stored = signet_store_find_contract_by_number (fixture->store, "HT-2025-0003", NULL);
  g_assert_cmpstr (signet_contract_get_title (stored), ==, "Cloud hosting and backup");
  g_assert_false (action_enabled (fixture, "Save"));
  g_assert_true (label_showing (GTK_WIDGET (column_view (fixture)), "Cloud hosting and backup"));
  g_assert_cmpuint (selected_position (fixture), ==,
                    signet_contract_list_find (contract_list (fixture), signet_contract_get_id (stored)));

  /* Cancel (Escape) puts an edit back. */
  set_field_text (fixture, "Department", "Legal");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "contract.cancel", NULL));
  g_assert_cmpstr (field_text (fixture, "Department"), ==, "");
  g_assert_false (signet_contract_page_get_dirty (page (fixture)));
}

static void
test_resort_keeps_selection (Fixture       *fixture,
                             gconstpointer  data)
{
  GListModel *columns = gtk_column_view_get_columns (column_view (fixture));
  g_autoptr(GtkColumnViewColumn) value_column = g_list_model_get_item (columns, 5);
  g_autoptr(GSettings) settings = g_settings_new ("io.github.signetapp.Signet");
  g_autoptr(SignetContract) selected = NULL;

  click_contract (fixture, "HT-2025-0002");

  gtk_column_view_sort_by_column (column_view (fixture), value_column, GTK_SORT_DESCENDING);
  g_assert_cmpint (signet_contract_list_get_sort_key (contract_list (fixture)), ==, SIGNET_SORT_VALUE);
  g_assert_true (signet_contract_list_get_descending (contract_list (fixture)));

  /* The largest value first, and still the selected contract. */
  g_assert_cmpuint (selected_position (fixture), ==, 0);
  selected = g_list_model_get_item (G_LIST_MODEL (contract_list (fixture)), 0);
  g_assert_cmpstr (signet_contract_get_number (selected), ==, "HT-2025-0002");

  g_assert_cmpstr (g_settings_get_string (settings, "sort-column"), ==, "value");
  g_assert_true (g_settings_get_boolean (settings, "sort-descending"));

  /* A new window sorts the way the last one did. */
  display_test_destroy_windows ();
  fixture->window = signet_window_new (NULL, fixture->store, NULL);
  display_test_show (GTK_WINDOW (fixture->window));
  g_assert_cmpint (signet_contract_list_get_sort_key (contract_list (fixture)), ==, SIGNET_SORT_VALUE);
  g_assert_true (signet_contract_list_get_descending (contract_list (fixture)));
  {
    SignetSortKey key;
    gboolean descending;

    g_assert_true (signet_column_sorter_probe (gtk_column_view_get_sorter (column_view (fixture)),
                                               &key, &descending));
    g_assert_cmpint (key, ==, SIGNET_SORT_VALUE);
    g_assert_true (descending);
  }
}

static GtkWidget *
find_undo_button (Fixture *fixture)
{
  GtkWidget *overlay = display_test_find_type (GTK_WIDGET (fixture->window), ADW_TYPE_TOAST_OVERLAY);

  return display_test_find_button (overlay, "Undo");
}

static gboolean
undo_showing (gpointer data)
{
  return find_undo_button (data) != NULL;
}

static gboolean
toast_showing (Fixture    *fixture,
               const char *text)
{
  GtkWidget *overlay = display_test_find_type (GTK_WIDGET (fixture->window), ADW_TYPE_TOAST_OVERLAY);

  return label_showing (overlay, text);
}

static void
test_delete_and_undo (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(SignetContract) before = signet_store_find_contract_by_number (fixture->store, "HT-2025-0002", NULL);
  g_autoptr(SignetContract) after = NULL;
  g_autoptr(SignetContract) restored = NULL;

  click_contract (fixture, "HT-2025-0002");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "contract.delete", NULL));

  after = signet_store_find_contract_by_number (fixture->store, "HT-2025-0002", NULL);
  g_assert_null (after);
  g_assert_cmpuint (signet_store_count_contracts (fixture->store), ==, 3);
  g_assert_null (signet_contract_page_get_contract (page (fixture)));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (contract_list (fixture))), ==, 3);

  g_assert_true (display_test_wait_for (undo_showing, fixture));
  g_assert_true (toast_showing (fixture, "Contract HT-2025-0002 deleted"));
  g_signal_emit_by_name (find_undo_button (fixture), "clicked");
  display_test_spin (20);

  restored = signet_store_find_contract_by_number (fixture->store, "HT-2025-0002", NULL);
  g_assert_nonnull (restored);
  g_assert_true (signet_contract_equal (restored, before));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (contract_list (fixture))), ==, 4);
  g_assert_cmpstr (field_text (fixture, "Number"), ==, "HT-2025-0002");
}

typedef struct
{
  Fixture    *fixture;
  const char *search;
} SearchWait;

static gboolean
search_applied (gpointer data)
{
  SearchWait *wait = data;

  return g_strcmp0 (signet_contract_list_get_search (contract_list (wait->fixture)), wait->search) == 0;
}

static void
search_for (Fixture    *fixture,
            const char *text)
{
  GtkWidget *entry = display_test_find_type (GTK_WIDGET (fixture->window), GTK_TYPE_SEARCH_ENTRY);
  SearchWait wait = { fixture, text };

  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  g_assert_true (display_test_wait_for (search_applied, &wait));
  display_test_spin (20);
}

static void
assert_list_numbers (Fixture    *fixture,
                     const char *first,
                     ...)
{
  GListModel *list = G_LIST_MODEL (contract_list (fixture));
  va_list args;
  guint i = 0;

  va_start (args, first);
  for (const char *number = first; number != NULL; number = va_arg (args, const char *), i++)
    {
      g_autoptr(SignetContract) contract = g_list_model_get_item (list, i);

      g_assert_nonnull (contract);
      g_assert_cmpstr (signet_contract_get_number (contract), ==, number);
    }
  va_end (args);

  g_assert_cmpuint (g_list_model_get_n_items (list), ==, i);
}

static void
test_search (Fixture       *fixture,
             gconstpointer  data)
{
  GtkSearchBar *search_bar = GTK_SEARCH_BAR (display_test_find_type (GTK_WIDGET (fixture->window), GTK_TYPE_SEARCH_BAR));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.search", NULL));
  g_assert_true (gtk_search_bar_get_search_mode (search_bar));

  search_for (fixture, "maintenance");
  assert_list_numbers (fixture, "HT-2025-0001", "HT-2025-0004", NULL);
  g_assert_cmpstr (visible_page (fixture), ==, "main");

  /* Chinese: a title word, then a client name, two characters each. */
  search_for (fixture, "租赁");
  assert_list_numbers (fixture, "HT-2025-0002", NULL);
  search_for (fixture, "华为");
  assert_list_numbers (fixture, "HT-2025-0002", "HT-2025-0004", NULL);

  search_for (fixture, "nothing like this");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (contract_list (fixture))), ==, 0);
  g_assert_cmpstr (visible_page (fixture), ==, "no-results");

  /* Closing the search bar shows every contract again. */
  gtk_search_bar_set_search_mode (search_bar, FALSE);
  {
    SearchWait wait = { fixture, NULL };

    g_assert_true (display_test_wait_for (search_applied, &wait));
  }
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (contract_list (fixture))), ==, 4);
  g_assert_cmpstr (visible_page (fixture), ==, "main");
}

/* What a screen reader reads of @field: the text of an entry row, or the
 * field itself. */
static GtkAccessible *
field_accessible (GtkWidget *field)
{
  if (GTK_IS_EDITABLE (field) && gtk_editable_get_delegate (GTK_EDITABLE (field)) != NULL)
    return GTK_ACCESSIBLE (gtk_editable_get_delegate (GTK_EDITABLE (field)));

  return GTK_ACCESSIBLE (field);
}

/* The field tells assistive technology it is invalid, and why. */
static void
assert_field_invalid (GtkWidget  *field,
                      const char *message)
{
  g_autofree char *state = gtk_test_accessible_check_state (field_accessible (field), GTK_ACCESSIBLE_STATE_INVALID,
                                                            GTK_ACCESSIBLE_INVALID_TRUE);
  g_autofree char *description = NULL;

  g_assert_null (state);
  if (message != NULL)
    {
      description = gtk_test_accessible_check_property (field_accessible (field),
                                                        GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message);
      g_assert_null (description);
    }
}

static void
assert_field_error (Fixture    *fixture,
                    const char *field_name,
                    const char *message)
{
  GtkWidget *field = find_field (fixture, field_name);
  GtkWidget *root = gtk_widget_get_parent (field);

  g_assert_true (gtk_widget_has_css_class (field, "error"));
  g_assert_true (gtk_widget_is_focus (field) || gtk_widget_has_focus (field) ||
                 gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (fixture->window)), field));
  /* The message shows under the field. */
  while (root != NULL && !ADW_IS_PREFERENCES_GROUP (root))
    root = gtk_widget_get_parent (root);
  g_assert_nonnull (root);
  g_assert_true (label_showing (root, message));
  assert_field_invalid (field, message);
}

static void
test_validation_error (Fixture       *fixture,
                       gconstpointer  data)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.new-contract", NULL));
  set_field_text (fixture, "Title", "Without a client");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "contract.save", NULL));
  display_test_spin (20);

  assert_field_error (fixture, "Client", "Choose the client this contract is with.");
  g_assert_cmpuint (signet_store_count_contracts (fixture->store), ==, 4);
  g_assert_true (signet_contract_page_get_dirty (page (fixture)));

  /* Choosing a client clears that message; a date that does not exist
   * is reported at its own field. */
  choose_client (fixture, "Acme Corporation");
  g_assert_false (gtk_widget_has_css_class (find_field (fixture, "Client"), "error"));
  set_field_text (fixture, "End Date", "2027-02-30");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "contract.save", NULL));
  display_test_spin (20);
  g_assert_true (gtk_widget_has_css_class (find_field (fixture, "End Date"), "error"));
  g_assert_cmpuint (signet_store_count_contracts (fixture->store), ==, 4);

  /* An amount that is not one. */
  set_field_text (fixture, "End Date", "2027-02-28");
  set_field_text (fixture, "Value", "12.345");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "contract.save", NULL));
  display_test_spin (20);
  g_assert_true (gtk_widget_has_css_class (find_field (fixture, "Value"), "error"));
  assert_field_invalid (find_field (fixture, "Value"), NULL);
  g_assert_cmpuint (signet_store_count_contracts (fixture->store), ==, 4);

  /* A number that is taken. */
  set_field_text (fixture, "Value", "12.34");
  set_field_text (fixture, "Number", "HT-2025-0001");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "contract.save", NULL));
  display_test_spin (20);
  g_assert_true (gtk_widget_has_css_class (find_field (fixture, "Number"), "error"));
  g_assert_cmpuint (signet_store_count_contracts (fixture->store), ==, 4);

  set_field_text (fixture, "Number", "HT-2025-0099");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "contract.save", NULL));
  display_test_spin (20);
  g_assert_cmpuint (signet_store_count_contracts (fixture->store), ==, 5);
}

static void
test_unsaved_changes_prompt (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(SignetContract) first = NULL;
  g_autoptr(SignetContract) second = NULL;

  click_contract (fixture, "HT-2025-0001");
  set_field_text (fixture, "Title", "Edited but not saved");

  /* Picking another contract asks first; Cancel stays on the edit. */
  click_contract (fixture, "HT-2025-0003");
  g_assert_nonnull (display_test_find_alert_dialog ());
  g_assert_cmpstr (field_text (fixture, "Number"), ==, "HT-2025-0001");
  display_test_respond ("cancel");
  g_assert_cmpstr (field_text (fixture, "Title"), ==, "Edited but not saved");
  g_assert_cmpuint (selected_position (fixture), ==, 0);

  /* Discard drops the edit and goes on to the other contract. */
  click_contract (fixture, "HT-2025-0003");
  display_test_respond ("discard");
  g_assert_cmpstr (field_text (fixture, "Number"), ==, "HT-2025-0003");
  first = signet_store_find_contract_by_number (fixture->store, "HT-2025-0001", NULL);
  g_assert_cmpstr (signet_contract_get_title (first), ==, "Annual maintenance");

  /* Save keeps it, then goes on. */
  set_field_text (fixture, "Title", "Saved on the way");
  click_contract (fixture, "HT-2025-0001");
  display_test_respond ("save");
  g_assert_cmpstr (field_text (fixture, "Number"), ==, "HT-2025-0001");
  second = signet_store_find_contract_by_number (fixture->store, "HT-2025-0003", NULL);
  g_assert_cmpstr (signet_contract_get_title (second), ==, "Saved on the way");

  /* A new contract asks too. */
  set_field_text (fixture, "Title", "Another edit");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.new-contract", NULL));
  g_assert_nonnull (display_test_find_alert_dialog ());
  display_test_respond ("cancel");
  g_assert_cmpstr (field_text (fixture, "Number"), ==, "HT-2025-0001");

  /* So does closing the window; Cancel keeps it open. */
  gtk_window_close (GTK_WINDOW (fixture->window));
  display_test_spin (20);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (fixture->window)));
  display_test_respond ("cancel");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (fixture->window)));
  g_assert_cmpstr (field_text (fixture, "Title"), ==, "Another edit");
}

static AdwNavigationSplitView *
split_view (Fixture *fixture)
{
  return ADW_NAVIGATION_SPLIT_VIEW (display_test_find_type (GTK_WIDGET (fixture->window),
                                                            ADW_TYPE_NAVIGATION_SPLIT_VIEW));
}

/* The width of the list beside the contract. */
static int
list_width (Fixture *fixture)
{
  return gtk_widget_get_width (GTK_WIDGET (adw_navigation_split_view_get_sidebar (split_view (fixture))));
}

static GtkWidget *
find_with_cursor (GtkWidget  *root,
                  const char *cursor_name)
{
  GdkCursor *cursor = gtk_widget_get_cursor (root);

  if (cursor != NULL && g_strcmp0 (gdk_cursor_get_name (cursor), cursor_name) == 0)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_with_cursor (child, cursor_name);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* Drags the edge between the list and the contract until the list is
 * @width wide, as a user moves the divider. */
static void
drag_list_edge (Fixture *fixture,
                int      width)
{
  GtkWidget *handle = find_with_cursor (GTK_WIDGET (fixture->window), "col-resize");
  g_autoptr(GListModel) controllers = NULL;
  GtkGesture *drag = NULL;

  g_assert_nonnull (handle);
  g_assert_true (gtk_widget_get_mapped (handle));
  controllers = gtk_widget_observe_controllers (handle);
  for (guint i = 0; i < g_list_model_get_n_items (controllers) && drag == NULL; i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_GESTURE_DRAG (controller))
        drag = GTK_GESTURE (controller);
    }
  g_assert_nonnull (drag);

  g_signal_emit_by_name (drag, "drag-update", (double) (width - list_width (fixture)), 0.0);
  display_test_spin (100);
}

static void
test_window_state (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new ("io.github.signetapp.Signet");
  int width, height, position;

  display_test_resize (GTK_WINDOW (fixture->window), 1000, 640);
  drag_list_edge (fixture, 500);
  position = list_width (fixture);
  g_assert_cmpint (position, !=, 680);
  gtk_window_close (GTK_WINDOW (fixture->window));
  display_test_spin (20);

  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 1000);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 640);
  g_assert_cmpint (g_settings_get_int (settings, "paned-position"), ==, position);
  g_assert_false (g_settings_get_boolean (settings, "window-maximized"));

  /* The next window opens the same way. */
  fixture->window = signet_window_new (NULL, fixture->store, NULL);
  gtk_window_get_default_size (GTK_WINDOW (fixture->window), &width, &height);
  g_assert_cmpint (width, ==, 1000);
  g_assert_cmpint (height, ==, 640);
  display_test_show (GTK_WINDOW (fixture->window));
  g_assert_cmpint (list_width (fixture), ==, position);
}

static void
test_empty_register (void)
{
  g_autoptr(SignetStore) store = NULL;
  SignetWindow *window;

  display_test_reset_settings ();
  store = display_test_new_store ();
  window = signet_window_new (NULL, store, NULL);
  display_test_show (GTK_WINDOW (window));

  g_assert_cmpstr (window_page (GTK_WIDGET (window)), ==, "empty");
  g_assert_true (label_showing (GTK_WIDGET (window), "No Contracts Yet"));

  /* Without clients a new contract explains what to do first. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.new-contract", NULL));
  display_test_spin (20);
  g_assert_nonnull (display_test_find_alert_dialog ());
  g_assert_cmpstr (adw_alert_dialog_get_heading (display_test_find_alert_dialog ()), ==,
                   "Add a Client First");
  display_test_respond ("cancel");
  g_assert_cmpstr (window_page (GTK_WIDGET (window)), ==, "empty");

  display_test_destroy_windows ();
}

/* What a bad file is made of, and the words the error page must show. */
typedef struct
{
  const char *name;
  void      (*make) (const char *path);
  const char *message_part;
} BadFile;

static void
make_letter (const char *path)
{
  g_assert_true (g_file_set_contents (path, "Dear client, this is a letter, not a register.", -1, NULL));
}

static void
make_random_bytes (const char *path)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (42);
  guchar bytes[4096];

  for (guint i = 0; i < sizeof bytes; i++)
    bytes[i] = g_rand_int_range (rand, 0, 256);
  g_assert_true (g_file_set_contents (path, (const char *) bytes, sizeof bytes, NULL));
}

static void
make_newer_database (const char *path)
{
  g_autoptr(SignetStore) store = signet_store_new (path, NULL);
  sqlite3 *db = NULL;

  g_assert_nonnull (store);
  g_clear_object (&store);
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA journal_mode = DELETE; PRAGMA user_version = 42;",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

static void
make_unreadable (const char *path)
{
  g_assert_true (g_file_set_contents (path, "", 0, NULL));
  g_assert_cmpint (g_chmod (path, 0000), ==, 0);
}

static void
test_open_error (gconstpointer data)
{
  const BadFile *bad = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(SignetStore) store = NULL;
  g_autofree char *path = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gsize before_len = 0, after_len = 0;
  SignetWindow *window;

  display_test_reset_settings ();
  g_mkdir_with_parents (g_get_user_data_dir (), 0700);
  path = g_build_filename (g_get_user_data_dir (), bad->name, NULL);
  bad->make (path);

  if (bad->make == make_unreadable && g_access (path, R_OK) == 0)
    {
      g_test_skip ("running as root, so no file is unreadable: the permissions do not stop reading");
      g_chmod (path, 0600);
      return;
    }

  g_chmod (path, 0600);
  g_assert_true (g_file_get_contents (path, &before, &before_len, NULL));
  if (bad->make == make_unreadable)
    g_chmod (path, 0000);

  store = signet_store_new (path, &error);
  g_assert_null (store);
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, bad->message_part));

  window = signet_window_new (NULL, NULL, error);
  display_test_show (GTK_WINDOW (window));

  g_assert_cmpstr (window_page (GTK_WIDGET (window)), ==, "error");
  g_assert_true (label_showing (GTK_WIDGET (window), error->message));
  g_assert_nonnull (display_test_find_button (GTK_WIDGET (window), "Choose Another File…"));
  g_assert_false (gtk_widget_get_sensitive (display_test_find_button (GTK_WIDGET (window), "New Contract")));

  g_chmod (path, 0600);
  g_assert_true (g_file_get_contents (path, &after, &after_len, NULL));
  g_assert_cmpmem (after, after_len, before, before_len);

  display_test_destroy_windows ();
}

static const BadFile bad_files[] = {
  { "letter.db", make_letter, "is not a Signet database" },
  { "random.db", make_random_bytes, "is not a Signet database" },
  { "newer.db", make_newer_database, "written by a newer version of Signet" },
  { "unreadable.db", make_unreadable, "Permission denied" },
};

static GtkEventController *
capture_scroll_controller (GtkWidget *widget)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_SCROLL (controller) &&
          gtk_event_controller_get_propagation_phase (controller) == GTK_PHASE_CAPTURE)
        return controller;
    }

  return NULL;
}

/* Turning the wheel over the notice period scrolls the form and leaves the
 * number alone, unless the field has the keyboard focus. */
static void
test_wheel_over_number (Fixture       *fixture,
                        gconstpointer  data)
{
  GtkWidget *spin;
  GtkEventController *wheel;
  GtkAdjustment *adjustment;
  gboolean handled = FALSE;
  double before;

  /* The resize lands first: crossing a breakpoint, libadwaita lays the
   * window out anew a frame later, and the focus taken meanwhile would
   * be the one it restores then. */
  display_test_resize (GTK_WINDOW (fixture->window), 1000, 480);
  click_contract (fixture, "HT-2025-0003");
  display_test_spin (100);
  spin = find_field (fixture, "Notice Period");
  adw_spin_row_set_value (ADW_SPIN_ROW (spin), 30);
  wheel = capture_scroll_controller (spin);
  g_assert_nonnull (wheel);
  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (
    gtk_widget_get_ancestor (spin, GTK_TYPE_SCROLLED_WINDOW)));
  g_assert_cmpfloat (gtk_adjustment_get_upper (adjustment), >, gtk_adjustment_get_page_size (adjustment));
  gtk_adjustment_set_value (adjustment, 0);
  gtk_widget_grab_focus (find_field (fixture, "Title"));

  g_signal_emit_by_name (wheel, "scroll", 0.0, 1.0, &handled);
  g_assert_true (handled);
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), >, 0);
  g_assert_cmpfloat (adw_spin_row_get_value (ADW_SPIN_ROW (spin)), ==, 30);

  /* In the field, the wheel is the field's. (Taking the focus scrolls the
   * row into view first.) */
  gtk_widget_grab_focus (spin);
  display_test_spin (50);
  before = gtk_adjustment_get_value (adjustment);
  handled = FALSE;
  g_signal_emit_by_name (wheel, "scroll", 0.0, 1.0, &handled);
  g_assert_false (handled);
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), ==, before);
}

/* Making the window narrower or wider past a breakpoint, as tiling or
 * maximizing it does, leaves the keyboard focus in the field being typed
 * in: libadwaita hides the window's content for the frame in which it lays
 * it out anew, and would hand the focus on to the header bar. */
static void
test_resize_keeps_focus (Fixture       *fixture,
                         gconstpointer  data)
{
  AdwApplicationWindow *window = ADW_APPLICATION_WINDOW (fixture->window);
  GtkWidget *spin;

  click_contract (fixture, "HT-2025-0003");
  spin = find_field (fixture, "Notice Period");
  gtk_widget_grab_focus (spin);
  g_assert_null (adw_application_window_get_current_breakpoint (window));

  /* The list's value column goes, and comes back. */
  display_test_resize (GTK_WINDOW (fixture->window), 1000, 760);
  g_assert_nonnull (adw_application_window_get_current_breakpoint (window));
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (fixture->window)), spin));

  display_test_resize (GTK_WINDOW (fixture->window), 1200, 760);
  g_assert_null (adw_application_window_get_current_breakpoint (window));
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (fixture->window)), spin));
}

static gboolean
page_mapped (gpointer data)
{
  return gtk_widget_get_mapped (GTK_WIDGET (page (data)));
}

static gboolean
page_unmapped (gpointer data)
{
  return !gtk_widget_get_mapped (GTK_WIDGET (page (data)));
}

static gboolean
list_unmapped (gpointer data)
{
  return !gtk_widget_get_mapped (GTK_WIDGET (column_view (data)));
}

/* The mapped back button of a header bar under @root. */
static GtkWidget *
find_back_button (GtkWidget *root)
{
  if (GTK_IS_BUTTON (root) && gtk_widget_has_css_class (root, "back") && gtk_widget_get_mapped (root))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_back_button (child);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static gboolean
column_shown (Fixture *fixture,
              guint    index)
{
  g_autoptr(GtkColumnViewColumn) column =
    g_list_model_get_item (gtk_column_view_get_columns (column_view (fixture)), index);

  return gtk_column_view_column_get_visible (column);
}

/* Whether the list is wider than it is shown, so that it scrolls sideways. */
static gboolean
list_cut (Fixture *fixture)
{
  GtkWidget *scrolled = gtk_widget_get_ancestor (GTK_WIDGET (column_view (fixture)), GTK_TYPE_SCROLLED_WINDOW);
  GtkAdjustment *adjustment = gtk_scrolled_window_get_hadjustment (GTK_SCROLLED_WINDOW (scrolled));

  return gtk_adjustment_get_upper (adjustment) > gtk_adjustment_get_page_size (adjustment);
}

/* A phone-sized window: the list alone, with the columns that fit; a
 * contract picked in it comes as a page of its own, with a back button to
 * the list, where the contract stays selected. */
static void
test_narrow (Fixture       *fixture,
             gconstpointer  data)
{
  AdwNavigationSplitView *split = split_view (fixture);
  GtkWidget *content = GTK_WIDGET (adw_navigation_split_view_get_content (split));
  GtkWidget *back;
  guint position;

  display_test_resize (GTK_WINDOW (fixture->window), 360, 640);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (fixture->window)), <=, 370);

  g_assert_true (adw_navigation_split_view_get_collapsed (split));
  g_assert_false (adw_navigation_split_view_get_show_content (split));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (column_view (fixture))));
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (page (fixture))));
  /* Number, title and end date; client, status and value stay out. */
  g_assert_true (column_shown (fixture, 0));
  g_assert_true (column_shown (fixture, 1));
  g_assert_false (column_shown (fixture, 2));
  g_assert_false (column_shown (fixture, 3));
  g_assert_true (column_shown (fixture, 4));
  g_assert_false (column_shown (fixture, 5));
  g_assert_false (list_cut (fixture));
  /* The view switcher is at the bottom. */
  g_assert_true (adw_view_switcher_bar_get_reveal (ADW_VIEW_SWITCHER_BAR (display_test_find_type (GTK_WIDGET (fixture->window),
                                                                                               ADW_TYPE_VIEW_SWITCHER_BAR))));

  gtk_widget_grab_focus (GTK_WIDGET (column_view (fixture)));
  click_contract (fixture, "HT-2025-0003");
  g_assert_true (adw_navigation_split_view_get_show_content (split));
  g_assert_true (display_test_wait_for (page_mapped, fixture));
  /* The list goes once the page has slid over it. */
  g_assert_true (display_test_wait_for (list_unmapped, fixture));
  g_assert_cmpstr (field_text (fixture, "Title"), ==, "Cloud hosting");
  g_assert_true (label_showing (content, "Cloud hosting"));
  g_assert_true (label_showing (content, "HT-2025-0003"));
  /* The keyboard is on the back button, not in a field of the form. */
  back = find_back_button (content);
  g_assert_nonnull (back);
  g_assert_true (gtk_root_get_focus (GTK_ROOT (fixture->window)) == back);

  g_signal_emit_by_name (back, "clicked");
  g_assert_false (adw_navigation_split_view_get_show_content (split));
  g_assert_true (display_test_wait_for (page_unmapped, fixture));
  display_test_spin (100);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (column_view (fixture))));
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (fixture->window)),
                                         GTK_WIDGET (column_view (fixture))));
  position = signet_contract_list_find (contract_list (fixture),
                                        signet_contract_get_id (signet_contract_page_get_contract (page (fixture))));
  g_assert_cmpuint (selected_position (fixture), ==, position);

  /* The selected contract, picked again, comes back. */
  g_signal_emit_by_name (column_view (fixture), "activate", position);
  g_assert_true (adw_navigation_split_view_get_show_content (split));
  g_assert_true (display_test_wait_for (page_mapped, fixture));

  /* A new contract opens its form over the list too. */
  g_signal_emit_by_name (find_back_button (content), "clicked");
  g_assert_true (display_test_wait_for (page_unmapped, fixture));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.new-contract", NULL));
  g_assert_true (display_test_wait_for (page_mapped, fixture));
  g_assert_true (label_showing (content, "New Contract"));
}

/* A desktop-sized window: the list and the contract side by side, every
 * column of the list showing. */
static void
test_wide (Fixture       *fixture,
           gconstpointer  data)
{
  AdwNavigationSplitView *split = split_view (fixture);
  GtkWidget *content = GTK_WIDGET (adw_navigation_split_view_get_content (split));

  display_test_resize (GTK_WINDOW (fixture->window), 1200, 760);

  g_assert_false (adw_navigation_split_view_get_collapsed (split));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (column_view (fixture))));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (page (fixture))));
  for (guint i = 0; i < 6; i++)
    g_assert_true (column_shown (fixture, i));
  g_assert_null (find_back_button (content));
  g_assert_false (adw_view_switcher_bar_get_reveal (ADW_VIEW_SWITCHER_BAR (display_test_find_type (GTK_WIDGET (fixture->window),
                                                                                                ADW_TYPE_VIEW_SWITCHER_BAR))));

  click_contract (fixture, "HT-2025-0002");
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (column_view (fixture))));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (page (fixture))));
  g_assert_cmpstr (field_text (fixture, "Number"), ==, "HT-2025-0002");
  g_assert_true (label_showing (content, "办公楼租赁合同"));
  g_assert_true (label_showing (content, "HT-2025-0002"));
  g_assert_cmpint (list_width (fixture), >=, 560);
}

/* Every width from a phone's up, with the list, a contract and the
 * calendar: nothing is given less room than it needs (GTK would warn,
 * and the warning fails the test). */
static void
test_every_width (Fixture       *fixture,
                  gconstpointer  data)
{
  AdwViewStack *stack = ADW_VIEW_STACK (display_test_find_type (GTK_WIDGET (fixture->window), ADW_TYPE_VIEW_STACK));

  click_contract (fixture, "HT-2025-0002");
  for (int width = 360; width <= 1400; width += 20)
    {
      gtk_window_set_default_size (GTK_WINDOW (fixture->window), width, 640);
      display_test_spin (30);
    }

  adw_view_stack_set_visible_child_name (stack, "calendar");
  for (int width = 1400; width >= 360; width -= 20)
    {
      gtk_window_set_default_size (GTK_WINDOW (fixture->window), width, 640);
      display_test_spin (30);
    }
}

/* An empty register, and one that cannot be opened, at every width. */
static void
test_every_width_alone (void)
{
  g_autoptr(SignetStore) store = NULL;
  g_autoptr(GError) error = g_error_new_literal (SIGNET_STORE_ERROR, SIGNET_STORE_ERROR_NOT_SIGNET,
                                                 "“letter.db” is not a Signet database.");
  SignetWindow *windows[2];

  display_test_reset_settings ();
  store = display_test_new_store ();
  windows[0] = signet_window_new (NULL, store, NULL);
  windows[1] = signet_window_new (NULL, NULL, error);

  for (guint i = 0; i < G_N_ELEMENTS (windows); i++)
    {
      display_test_show (GTK_WINDOW (windows[i]));
      g_assert_cmpstr (window_page (GTK_WIDGET (windows[i])), ==, i == 0 ? "empty" : "error");
      for (int width = 1400; width >= 360; width -= 20)
        {
          gtk_window_set_default_size (GTK_WINDOW (windows[i]), width, 640);
          display_test_spin (30);
        }
    }

  display_test_destroy_windows ();
}

static AdwDialog *
visible_dialog (Fixture *fixture)
{
  return adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (fixture->window));
}

static gboolean
dialog_shown (gpointer data)
{
  return visible_dialog (data) != NULL;
}

static gboolean
dialog_gone (gpointer data)
{
  return visible_dialog (data) == NULL;
}

/* Keyboard Shortcuts: a dialog listing the window's shortcuts with their
 * keys, that opens and closes. */
static void
test_shortcuts (Fixture       *fixture,
                gconstpointer  data)
{
  AdwDialog *dialog;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.shortcuts", NULL));
  g_assert_true (display_test_wait_for (dialog_shown, fixture));
  dialog = visible_dialog (fixture);
  g_assert_true (SIGNET_IS_SHORTCUTS_DIALOG (dialog));
  display_test_spin (100);

  g_assert_true (label_showing (GTK_WIDGET (dialog), "Keyboard Shortcuts"));
  g_assert_true (label_showing (GTK_WIDGET (dialog), "New contract"));
  g_assert_true (label_showing (GTK_WIDGET (dialog), "Ctrl+N"));
  g_assert_true (label_showing (GTK_WIDGET (dialog), "Search"));
  g_assert_true (label_showing (GTK_WIDGET (dialog), "Ctrl+F"));
  g_assert_true (label_showing (GTK_WIDGET (dialog), "Save the contract"));
  g_assert_true (label_showing (GTK_WIDGET (dialog), "Ctrl+S"));
  g_assert_true (label_showing (GTK_WIDGET (dialog), "Ctrl+?"));

  g_assert_true (adw_dialog_close (dialog));
  g_assert_true (display_test_wait_for (dialog_gone, fixture));
}

static GtkWindow *
find_window_titled (const char *title)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (gtk_widget_get_visible (GTK_WIDGET (window)) &&
          g_strcmp0 (gtk_window_get_title (window), title) == 0)
        return window;
    }

  return NULL;
}

/* Whether a text field under @root holds @text. */
static gboolean
shows_text (GtkWidget  *root,
            const char *text)
{
  if (GTK_IS_EDITABLE (root) && g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (root)), text) == 0)
    return TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (shows_text (child, text))
      return TRUE;

  return FALSE;
}

static gboolean
key_dates_chooser_shown (gpointer data)
{
  return find_window_titled ("Export Key Dates") != NULL;
}

static gboolean
key_dates_chooser_gone (gpointer data)
{
  return find_window_titled ("Export Key Dates") == NULL;
}

/* Export Key Dates as iCalendar… asks where through a file chooser, the
 * name suggested; cancelled, it writes nothing. */
static void
test_export_ics_chooser (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.export-ics", NULL));
  g_assert_true (display_test_wait_for (key_dates_chooser_shown, NULL));
  g_assert_true (shows_text (GTK_WIDGET (find_window_titled ("Export Key Dates")), "contract-dates.ics"));

  gtk_window_close (find_window_titled ("Export Key Dates"));
  g_assert_true (display_test_wait_for (key_dates_chooser_gone, NULL));
  display_test_spin (100);

  dir = g_dir_open (g_get_user_data_dir (), 0, NULL);
  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_assert_false (g_str_has_suffix (name, ".ics"));
}

static gboolean
register_chooser_shown (gpointer data)
{
  return find_window_titled ("Open a Register") != NULL;
}

static gboolean
register_chooser_gone (gpointer data)
{
  return find_window_titled ("Open a Register") == NULL;
}

/* Choose Another File… on a register that cannot be opened asks for the
 * file through a file chooser, one at a time; cancelled, the window still
 * says why the register did not open, and asks again when clicked again. */
static void
test_open_register_chooser (void)
{
  g_autoptr(GError) error = g_error_new_literal (SIGNET_STORE_ERROR, SIGNET_STORE_ERROR_NOT_SIGNET,
                                                 "“letter.db” is not a Signet database.");
  SignetWindow *window;
  GtkWidget *button;

  display_test_reset_settings ();
  window = signet_window_new (NULL, NULL, error);
  display_test_show (GTK_WINDOW (window));
  button = display_test_find_button (GTK_WIDGET (window), "Choose Another File…");
  g_assert_nonnull (button);

  for (guint i = 0; i < 2; i++)
    {
      g_signal_emit_by_name (button, "clicked");
      g_assert_true (display_test_wait_for (register_chooser_shown, NULL));
      /* A second click while it asks opens no second chooser. */
      g_signal_emit_by_name (button, "clicked");
      display_test_spin (100);
      gtk_window_close (find_window_titled ("Open a Register"));
      g_assert_true (display_test_wait_for (register_chooser_gone, NULL));
      display_test_spin (50);
      g_assert_cmpstr (window_page (GTK_WIDGET (window)), ==, "error");
    }

  display_test_destroy_windows ();
}

/* The main menu is made when it first opens, and then has its items. */
static void
test_main_menu (Fixture       *fixture,
                gconstpointer  data)
{
  /* By its name: New Contract's menu of types comes first in the header. */
  GtkMenuButton *button = GTK_MENU_BUTTON (display_test_find_accessible (GTK_WIDGET (fixture->window),
                                                                         "Main Menu"));

  g_assert_true (gtk_menu_button_get_primary (button));
  g_assert_null (gtk_menu_button_get_popover (button));

  gtk_menu_button_popup (button);
  display_test_spin (100);
  g_assert_nonnull (gtk_menu_button_get_popover (button));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (gtk_menu_button_get_popover (button))));
  g_assert_true (display_test_shows_label (GTK_WIDGET (gtk_menu_button_get_popover (button)), "About Signet"));
  g_assert_true (display_test_shows_label (GTK_WIDGET (gtk_menu_button_get_popover (button)), "Import…"));

  /* Opened again, it is the same menu. */
  {
    GtkPopover *first = gtk_menu_button_get_popover (button);

    gtk_menu_button_popdown (button);
    gtk_menu_button_popup (button);
    display_test_spin (50);
    g_assert_true (gtk_menu_button_get_popover (button) == first);
    gtk_menu_button_popdown (button);
  }
}

static gboolean
calendar_page_made (gpointer data)
{
  return display_test_find_type (GTK_WIDGET (data), SIGNET_TYPE_CALENDAR_VIEW) != NULL;
}

/* The Calendar page's header bar as the list's at the same width:
 * phone-sized, the window's title instead of the switcher, which moves to
 * the bar at the bottom, New Contract as an icon and no Clients button. */
static void
assert_calendar_header (GtkWidget          *calendar_page,
                        AdwViewSwitcherBar *list_bar,
                        gboolean            narrow)
{
  AdwHeaderBar *header = ADW_HEADER_BAR (display_test_find_type (calendar_page, ADW_TYPE_HEADER_BAR));
  AdwViewSwitcherBar *bar = ADW_VIEW_SWITCHER_BAR (display_test_find_type (calendar_page,
                                                                           ADW_TYPE_VIEW_SWITCHER_BAR));
  GtkWidget *new_button = display_test_find_accessible (GTK_WIDGET (header), "New Contract");
  GtkWidget *clients_button = display_test_find_accessible (GTK_WIDGET (header), "Clients");
  GtkWidget *menu_button = display_test_find_accessible (GTK_WIDGET (header), "Main Menu");
  GtkWidget *title = adw_header_bar_get_title_widget (header);

  g_assert_true (GTK_IS_MENU_BUTTON (menu_button));
  g_assert_true (gtk_menu_button_get_primary (GTK_MENU_BUTTON (menu_button)));
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (new_button)), ==, "win.new-contract");
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (clients_button)), ==, "win.clients");
  g_assert_cmpstr (gtk_widget_get_tooltip_text (new_button), ==, "Create a contract");
  g_assert_cmpstr (gtk_widget_get_tooltip_text (clients_button), ==, "Show and edit the clients");
  g_assert_cmpstr (adw_button_content_get_icon_name (ADW_BUTTON_CONTENT (gtk_button_get_child (GTK_BUTTON (new_button)))),
                   ==, "list-add-symbolic");
  g_assert_cmpstr (adw_button_content_get_label (ADW_BUTTON_CONTENT (gtk_button_get_child (GTK_BUTTON (new_button)))),
                   ==, narrow ? "" : "_New Contract");
  g_assert_true (gtk_widget_get_visible (clients_button) == !narrow);
  if (narrow)
    g_assert_null (title);
  else
    g_assert_true (ADW_IS_VIEW_SWITCHER (title));
  g_assert_true (adw_view_switcher_bar_get_reveal (bar) == narrow);
  g_assert_true (adw_view_switcher_bar_get_reveal (list_bar) == narrow);
  g_assert_true (adw_view_switcher_bar_get_stack (bar) == adw_view_switcher_bar_get_stack (list_bar));
}

/* Neither the Calendar page nor the switcher buttons of the bar a wide
 * window hides are in the first frame: the page is made after it, and
 * the bar gets its buttons when the window first gets phone-sized. The
 * page's header bar then changes with the width as the list's does. */
static void
test_calendar_page (void)
{
  g_autoptr(SignetStore) store = NULL;
  g_autoptr(SignetClient) client = NULL;
  SignetWindow *window;
  AdwViewStack *stack;
  AdwViewSwitcherBar *list_bar;
  GtkWidget *calendar_page;

  display_test_reset_settings ();
  store = display_test_new_store ();
  client = display_test_add_client (store, "Acme Corporation", "ACME");
  g_object_unref (display_test_add_contract (store, client, "HT-2025-0001", "Annual maintenance", 1200000));

  window = signet_window_new (NULL, store, NULL);
  stack = ADW_VIEW_STACK (display_test_find_type (GTK_WIDGET (window), ADW_TYPE_VIEW_STACK));
  calendar_page = adw_view_stack_get_child_by_name (stack, "calendar");
  list_bar = ADW_VIEW_SWITCHER_BAR (display_test_find_type (GTK_WIDGET (window), ADW_TYPE_VIEW_SWITCHER_BAR));
  g_assert_null (adw_bin_get_child (ADW_BIN (calendar_page)));
  g_assert_null (adw_view_switcher_bar_get_stack (list_bar));

  display_test_show (GTK_WINDOW (window));
  g_assert_true (display_test_wait_for (calendar_page_made, calendar_page));
  g_assert_null (adw_view_switcher_bar_get_stack (list_bar));
  assert_calendar_header (calendar_page, list_bar, FALSE);

  display_test_resize (GTK_WINDOW (window), 360, 640);
  g_assert_true (adw_view_switcher_bar_get_stack (list_bar) == stack);
  assert_calendar_header (calendar_page, list_bar, TRUE);

  /* The switcher under the list (and under the calendar) switches. */
  g_signal_emit_by_name (display_test_find_button (GTK_WIDGET (list_bar), "Calendar"), "clicked");
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (stack), ==, "calendar");
  g_signal_emit_by_name (display_test_find_button (display_test_find_type (calendar_page, ADW_TYPE_VIEW_SWITCHER_BAR),
                                                   "List"),
                         "clicked");
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (stack), ==, "list");

  display_test_resize (GTK_WINDOW (window), 1200, 760);
  assert_calendar_header (calendar_page, list_bar, FALSE);

  display_test_destroy_windows ();
}

/* The app icon comes with the resources, where GtkApplication points the
 * icon theme: found the same from the build directory as once installed. */
static void
test_app_icon (void)
{
  GtkIconTheme *theme = gtk_icon_theme_get_for_display (gdk_display_get_default ());

  gtk_icon_theme_add_resource_path (theme, "/io/github/signetapp/Signet/icons");

  g_assert_true (gtk_icon_theme_has_icon (theme, APPLICATION_ID));
  g_assert_true (gtk_icon_theme_has_icon (theme, "io.github.signetapp.Signet-symbolic"));
}

int
main (int   argc,
      char *argv[])
{
  display_test_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add ("/window/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("create-contract", test_create_contract);
  ADD ("edit-and-save", test_edit_and_save);
  ADD ("resort-keeps-selection", test_resort_keeps_selection);
  ADD ("delete-and-undo", test_delete_and_undo);
  ADD ("search", test_search);
  ADD ("validation-error", test_validation_error);
  ADD ("unsaved-changes-prompt", test_unsaved_changes_prompt);
  ADD ("window-state", test_window_state);
  ADD ("main-menu", test_main_menu);
  ADD ("narrow", test_narrow);
  ADD ("wide", test_wide);
  ADD ("every-width", test_every_width);
  ADD ("shortcuts", test_shortcuts);
  ADD ("export-ics-chooser", test_export_ics_chooser);
  ADD ("wheel-over-number", test_wheel_over_number);
  ADD ("resize-keeps-focus", test_resize_keeps_focus);
  g_test_add_func ("/window/empty-register", test_empty_register);
  g_test_add_func ("/window/calendar-page", test_calendar_page);
  g_test_add_func ("/window/app-icon", test_app_icon);
  g_test_add_func ("/window/open-register-chooser", test_open_register_chooser);
  g_test_add_func ("/window/every-width-alone", test_every_width_alone);
  for (guint i = 0; i < G_N_ELEMENTS (bad_files); i++)
    {
      g_autofree char *path = g_strdup_printf ("/window/open-error/%s", bad_files[i].name);

      g_test_add_data_func (path, &bad_files[i], test_open_error);
    }

#undef ADD

  return g_test_run ();
}
