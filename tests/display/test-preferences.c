/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "test-preferences"

#include "config.h"

#include "display-test-utils.h"
#include "signet-application.h"
#include "signet-preferences-window.h"
#include "signet-window.h"

/* Preferences: the number pattern is checked as it is typed and only a
 * valid one is kept; the default currency reaches new contracts. */

static GtkWidget *
find_numeric_label (GtkWidget *root)
{
  if (GTK_IS_LABEL (root) && gtk_widget_has_css_class (root, "numeric"))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_numeric_label (child);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* The example of the next number: the figure at the end of its row. */
static GtkLabel *
example_label (GtkWidget *window)
{
  GtkWidget *label = find_numeric_label (display_test_find_type (window, ADW_TYPE_ACTION_ROW));

  g_assert_nonnull (label);

  return GTK_LABEL (label);
}

static void
test_number_pattern (void)
{
  g_autoptr(SignetStore) store = NULL;
  g_autoptr(SignetClient) client = NULL;
  g_autoptr(GSettings) settings = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *kept = NULL;
  GtkWidget *window;
  GtkWidget *row;

  display_test_reset_settings ();
  settings = g_settings_new (SIGNET_SETTINGS_SCHEMA);
  store = display_test_new_store ();
  client = display_test_add_client (store, "Acme", "ACME");
  g_object_unref (display_test_add_contract (store, client, "SG-0007", "Support", 100));

  window = GTK_WIDGET (signet_preferences_window_new (store));
  display_test_present_dialog (ADW_DIALOG (window), 800, 640);

  row = display_test_find_type (window, ADW_TYPE_ENTRY_ROW);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "HT-{YYYY}-{NNNN}");
  expected = signet_store_next_contract_number (store, "HT-{YYYY}-{NNNN}", NULL);
  g_assert_cmpstr (gtk_label_get_text (example_label (window)), ==, expected);

  /* No sequence: refused, and the setting keeps the last good pattern. */
  gtk_editable_set_text (GTK_EDITABLE (row), "SG-{YYYY}");
  g_assert_true (gtk_widget_has_css_class (row, "error"));
  g_assert_nonnull (strstr (gtk_label_get_text (example_label (window)), "no sequence"));
  kept = g_settings_get_string (settings, "number-pattern");
  g_assert_cmpstr (kept, ==, "HT-{YYYY}-{NNNN}");

  /* A good one is kept, with its next number as the example. */
  gtk_editable_set_text (GTK_EDITABLE (row), "SG-{NNNN}");
  g_assert_false (gtk_widget_has_css_class (row, "error"));
  g_assert_cmpstr (gtk_label_get_text (example_label (window)), ==, "SG-0008");
  g_clear_pointer (&kept, g_free);
  kept = g_settings_get_string (settings, "number-pattern");
  g_assert_cmpstr (kept, ==, "SG-{NNNN}");

  display_test_destroy_windows ();
}

static void
test_default_currency (void)
{
  g_autoptr(SignetStore) store = NULL;
  g_autoptr(SignetClient) client = NULL;
  g_autoptr(GSettings) settings = NULL;
  g_autofree char *currency = NULL;
  GtkWidget *preferences;
  SignetWindow *window;
  AdwComboRow *row;
  GListModel *codes;
  AdwComboRow *combo;

  display_test_reset_settings ();
  settings = g_settings_new (SIGNET_SETTINGS_SCHEMA);
  store = display_test_new_store ();
  client = display_test_add_client (store, "Acme", "ACME");

  preferences = GTK_WIDGET (signet_preferences_window_new (store));
  display_test_present_dialog (ADW_DIALOG (preferences), 800, 640);

  /* Out of the box the currency follows the language: the C locale's is
   * CNY, as Signet's always was. */
  row = ADW_COMBO_ROW (display_test_find_type (preferences, ADW_TYPE_COMBO_ROW));
  codes = adw_combo_row_get_model (row);
  g_assert_cmpuint (adw_combo_row_get_selected (row), ==, 0);
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (codes), 0), ==, "CNY (Automatic)");
  currency = g_settings_get_string (settings, "default-currency");
  g_assert_cmpstr (currency, ==, "");
  g_clear_pointer (&currency, g_free);

  for (guint i = 0; i < g_list_model_get_n_items (codes); i++)
    if (g_str_equal (gtk_string_list_get_string (GTK_STRING_LIST (codes), i), "EUR"))
      adw_combo_row_set_selected (row, i);

  currency = g_settings_get_string (settings, "default-currency");
  g_assert_cmpstr (currency, ==, "EUR");

  /* A dialog opened again shows the choice. */
  display_test_destroy_windows ();
  preferences = GTK_WIDGET (signet_preferences_window_new (store));
  display_test_present_dialog (ADW_DIALOG (preferences), 800, 640);
  row = ADW_COMBO_ROW (display_test_find_type (preferences, ADW_TYPE_COMBO_ROW));
  g_assert_cmpstr (gtk_string_object_get_string (adw_combo_row_get_selected_item (row)), ==, "EUR");

  /* A new contract starts in that currency. */
  window = signet_window_new (NULL, store, NULL);
  display_test_show (GTK_WINDOW (window));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.new-contract", NULL));
  combo = ADW_COMBO_ROW (display_test_find_accessible (GTK_WIDGET (window), "Currency"));
  g_assert_cmpstr (gtk_string_object_get_string (adw_combo_row_get_selected_item (combo)), ==, "EUR");

  /* With a single client there is nothing to choose: it is filled in. */
  combo = ADW_COMBO_ROW (display_test_find_accessible (GTK_WIDGET (window), "Client"));
  g_assert_nonnull (adw_combo_row_get_selected_item (combo));
  g_assert_cmpstr (signet_client_get_name (adw_combo_row_get_selected_item (combo)), ==, "Acme");

  /* Following the language again, a new contract is in its currency. */
  adw_combo_row_set_selected (row, 0);
  g_clear_pointer (&currency, g_free);
  currency = g_settings_get_string (settings, "default-currency");
  g_assert_cmpstr (currency, ==, "");
  display_test_destroy_windows ();

  window = signet_window_new (NULL, store, NULL);
  display_test_show (GTK_WINDOW (window));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.new-contract", NULL));
  combo = ADW_COMBO_ROW (display_test_find_accessible (GTK_WIDGET (window), "Currency"));
  g_assert_cmpstr (gtk_string_object_get_string (adw_combo_row_get_selected_item (combo)), ==, "CNY");

  display_test_destroy_windows ();
}

int
main (int   argc,
      char *argv[])
{
  display_test_init (&argc, &argv);

  g_test_add_func ("/preferences/number-pattern", test_number_pattern);
  g_test_add_func ("/preferences/default-currency", test_default_currency);

  return g_test_run ();
}
