/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "display-test-utils.h"
#include "signet-contract-table.h"
#include "signet-filter-popover.h"
#include "signet-store-events.h"
#include "signet-store-views.h"
#include "signet-views-sidebar.h"
#include "signet-window.h"

/* The list's filters through their controls: a risk level and a condition
 * picked in the Filter popover narrow the list to exactly those contracts,
 * with the search too; the chips say what is in force and remove it; the
 * count follows; Save View… keeps the filters in the sidebar, where the
 * view shows them again after they were cleared; and
 * signet_window_show_contracts() shows a query under a banner naming it. */

typedef struct
{
  SignetStore *store;
  gint64       ids[4];
  GtkWindow   *window;
} Fixture;

/* 0001 Office lease (high), 0002 Cleaning services (high), 0003 Printer
 * leasing (low), 0004 Cleaning materials (medium); 0002 has a payment
 * overdue. */
static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  static const struct { const char *number; const char *title; SignetRiskLevel risk; } plan[] = {
    { "HT-2026-0001", "Office lease", SIGNET_RISK_LEVEL_HIGH },
    { "HT-2026-0002", "Cleaning services", SIGNET_RISK_LEVEL_HIGH },
    { "HT-2026-0003", "Printer leasing", SIGNET_RISK_LEVEL_LOW },
    { "HT-2026-0004", "Cleaning materials", SIGNET_RISK_LEVEL_MEDIUM },
  };
  g_autoptr(SignetClient) client = NULL;
  g_autoptr(GError) error = NULL;

  display_test_reset_settings ();
  f->store = display_test_new_store ();
  signet_store_set_today (f->store, "2026-11-02");
  client = display_test_add_client (f->store, "Contoso", "C001");

  for (guint i = 0; i < G_N_ELEMENTS (plan); i++)
    {
      g_autoptr(SignetContract) contract = display_test_add_contract (f->store, client, plan[i].number,
                                                                      plan[i].title, 100000);

      signet_contract_set_risk_level (contract, plan[i].risk);
      g_assert_true (signet_store_update_contract (f->store, contract, &error));
      g_assert_no_error (error);
      f->ids[i] = signet_contract_get_id (contract);
    }

  f->window = GTK_WINDOW (signet_window_new (NULL, f->store, NULL));
  display_test_show (f->window);
  display_test_resize (f->window, 1300, 800);
  display_test_spin (200);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  display_test_destroy_windows ();
  g_clear_object (&f->store);
}

static SignetContractList *
contract_list (Fixture *f)
{
  GtkWidget *table = display_test_find_type (GTK_WIDGET (f->window), SIGNET_TYPE_CONTRACT_TABLE);

  return signet_contract_table_get_model (SIGNET_CONTRACT_TABLE (table));
}

/* The numbers' last digits of the rows the list shows, "1 2". */
static char *
shown (Fixture *f)
{
  SignetContractList *list = contract_list (f);
  GString *digits = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (list)); i++)
    {
      g_autoptr(SignetContract) contract = g_list_model_get_item (G_LIST_MODEL (list), i);
      const char *number = signet_contract_get_number (contract);

      g_string_append_printf (digits, "%s%c", digits->len > 0 ? " " : "", number[strlen (number) - 1]);
    }

  return g_string_free (digits, FALSE);
}

static void
assert_shown (Fixture    *f,
              const char *expected)
{
  g_autofree char *digits = NULL;

  /* An activated button clicks once its press has been shown. */
  display_test_spin (400);
  digits = shown (f);
  g_assert_cmpstr (digits, ==, expected);
}

static gboolean
widget_mapped (gpointer data)
{
  return gtk_widget_get_mapped (data);
}

static GtkWidget *
open_filters (Fixture *f)
{
  GtkWidget *popover;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.filters", NULL));
  popover = display_test_find_type (GTK_WIDGET (f->window), SIGNET_TYPE_FILTER_POPOVER);
  g_assert_nonnull (popover);
  g_assert_true (display_test_wait_for (widget_mapped, popover));
  display_test_spin (100);

  return popover;
}

/* The check button labelled @label under @root. */
static GtkCheckButton *
find_check (GtkWidget  *root,
            const char *label)
{
  if (GTK_IS_CHECK_BUTTON (root) && g_strcmp0 (gtk_check_button_get_label (GTK_CHECK_BUTTON (root)), label) == 0)
    return GTK_CHECK_BUTTON (root);

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkCheckButton *found = find_check (child, label);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static void
test_pick (Fixture       *f,
           gconstpointer  data)
{
  GtkWidget *popover = open_filters (f);
  GtkCheckButton *high = find_check (popover, "High");
  GtkWidget *overdue_payments = display_test_find_row (popover, ADW_TYPE_SWITCH_ROW, "Overdue payments");
  GtkWidget *chip;
  GtkWidget *entry = display_test_find_type (GTK_WIDGET (f->window), GTK_TYPE_SEARCH_ENTRY);

  assert_shown (f, "1 2 3 4");
  g_assert_nonnull (high);
  g_assert_nonnull (overdue_payments);

  /* High risk: exactly the two, the chip and the count saying so. */
  gtk_widget_activate (GTK_WIDGET (high));
  assert_shown (f, "1 2");
  g_assert_true (display_test_shows_visible_label (GTK_WIDGET (f->window), "Risk: High"));
  g_assert_true (display_test_shows_visible_label (GTK_WIDGET (f->window), "2 contracts"));

  /* With a search: both must hold. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "Cleaning");
  display_test_spin (400);
  assert_shown (f, "2");
  g_assert_true (display_test_shows_visible_label (GTK_WIDGET (f->window), "1 contract"));
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
  display_test_spin (400);
  assert_shown (f, "1 2");

  /* A condition as well: no contract has an overdue payment. */
  adw_switch_row_set_active (ADW_SWITCH_ROW (overdue_payments), TRUE);
  assert_shown (f, "");
  g_assert_true (display_test_shows_visible_label (GTK_WIDGET (f->window), "No contract passes the filters."));
  adw_switch_row_set_active (ADW_SWITCH_ROW (overdue_payments), FALSE);
  assert_shown (f, "1 2");

  /* The chip removes its filter, and the popover shows it gone. */
  gtk_popover_popdown (GTK_POPOVER (popover));
  chip = display_test_find_accessible (GTK_WIDGET (f->window), "Remove the filter “Risk: High”");
  g_assert_nonnull (chip);
  gtk_widget_activate (chip);
  assert_shown (f, "1 2 3 4");
  g_assert_false (gtk_check_button_get_active (high));
}

static void
test_save_view (Fixture       *f,
                gconstpointer  data)
{
  GtkWidget *popover = open_filters (f);
  GtkWidget *name;
  GtkWidget *sidebar;
  GtkListBoxRow *row;
  g_autoptr(GPtrArray) views = NULL;
  SignetSavedView *view;

  gtk_widget_activate (GTK_WIDGET (find_check (popover, "High")));
  gtk_widget_activate (GTK_WIDGET (find_check (popover, "Medium")));
  assert_shown (f, "1 2 4");
  gtk_popover_popdown (GTK_POPOVER (popover));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.save-view", NULL));
  display_test_wait_for (display_test_alert_shown, NULL);
  name = display_test_find_row (GTK_WIDGET (f->window), ADW_TYPE_ENTRY_ROW, "Name");
  g_assert_nonnull (name);
  gtk_editable_set_text (GTK_EDITABLE (name), "高中风险");
  display_test_respond ("save");

  views = signet_store_list_saved_views (f->store, NULL);
  g_assert_cmpuint (views->len, ==, 1);
  view = g_ptr_array_index (views, 0);
  g_assert_cmpstr (view->name, ==, "高中风险");
  g_assert_cmpstr (view->query, ==, "risk=medium,high");

  /* The sidebar shows it; cleared, the list shows all, and the view
   * brings the two levels back. */
  sidebar = display_test_find_type (GTK_WIDGET (f->window), SIGNET_TYPE_VIEWS_SIDEBAR);
  g_assert_true (display_test_wait_for (widget_mapped, sidebar));
  g_assert_true (display_test_shows_visible_label (sidebar, "高中风险"));

  popover = open_filters (f);
  gtk_widget_activate (display_test_find_button (popover, "Clear All Filters"));
  assert_shown (f, "1 2 3 4");
  gtk_popover_popdown (GTK_POPOVER (popover));

  row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (display_test_find_type (sidebar, GTK_TYPE_LIST_BOX)), 0);
  gtk_widget_activate (GTK_WIDGET (row));
  assert_shown (f, "1 2 4");
  g_assert_true (gtk_list_box_row_is_selected (row));
  g_assert_true (display_test_shows_visible_label (GTK_WIDGET (f->window), "Risk: Medium, High"));

  /* Deleted with the Delete key, and back with the toast's Undo. */
  g_assert_true (gtk_widget_activate_action (sidebar, "views.delete-selected", NULL));
  display_test_spin (300);
  g_clear_pointer (&views, g_ptr_array_unref);
  views = signet_store_list_saved_views (f->store, NULL);
  g_assert_cmpuint (views->len, ==, 0);
  g_assert_true (display_test_shows_visible_label (GTK_WIDGET (f->window), "View “高中风险” deleted"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL));
  display_test_spin (300);
  g_clear_pointer (&views, g_ptr_array_unref);
  views = signet_store_list_saved_views (f->store, NULL);
  g_assert_cmpuint (views->len, ==, 1);
  g_assert_true (display_test_shows_visible_label (sidebar, "高中风险"));
}

/* The banner titled @title under @root, or NULL. */
static AdwBanner *
find_banner (GtkWidget  *root,
             const char *title)
{
  if (ADW_IS_BANNER (root) && g_strcmp0 (adw_banner_get_title (ADW_BANNER (root)), title) == 0)
    return ADW_BANNER (root);

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      AdwBanner *found = find_banner (child, title);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static void
test_show_contracts (Fixture       *f,
                     gconstpointer  data)
{
  AdwBanner *banner;

  g_autoptr(SignetContractQuery) query = signet_contract_query_new ();

  signet_contract_query_set_risk_levels (query, 1 << SIGNET_RISK_LEVEL_LOW);
  signet_window_show_contracts (SIGNET_WINDOW (f->window), query, "Low risk");
  assert_shown (f, "3");
  banner = find_banner (GTK_WIDGET (f->window), "Low risk: 1 contract");
  g_assert_nonnull (banner);
  g_assert_true (adw_banner_get_revealed (banner));
  g_assert_true (display_test_shows_visible_label (GTK_WIDGET (f->window), "Risk: Low"));

  gtk_widget_activate (display_test_find_button (GTK_WIDGET (banner), "Show All"));
  assert_shown (f, "1 2 3 4");
  g_assert_false (adw_banner_get_revealed (banner));
}

/* The popover and the sidebar in the language of LC_ALL:
 * list-filters-LANG.png and list-filters-popover-LANG.png. */
static void
test_looks (Fixture       *f,
            gconstpointer  data)
{
  const char *lc_all = g_getenv ("LC_ALL");
  g_autofree char *language = g_strndup (lc_all != NULL ? lc_all : "C", strcspn (lc_all != NULL ? lc_all : "C", "."));
  g_autofree char *name = g_strdup_printf ("list-filters-%s", language);
  g_autofree char *popover_name = g_strdup_printf ("list-filters-popover-%s", language);
  g_autoptr(SignetSavedView) view = signet_saved_view_new ();
  GtkWidget *popover;

  view->name = g_strdup ("High risk");
  g_free (view->query);
  view->query = g_strdup ("risk=high;only=on-loan");
  g_assert_cmpint (signet_store_add_saved_view (f->store, view, NULL), >, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.toggle-views", NULL));

  popover = open_filters (f);
  gtk_widget_activate (GTK_WIDGET (find_check (popover, signet_risk_level_to_label (SIGNET_RISK_LEVEL_HIGH))));
  display_test_spin (600);
  g_free (display_test_save_screenshot (popover, popover_name));
  gtk_popover_popdown (GTK_POPOVER (popover));
  display_test_spin (400);
  g_free (display_test_save_screenshot (GTK_WIDGET (f->window), name));
}

int
main (int   argc,
      char *argv[])
{
  display_test_init (&argc, &argv);
  display_test_bind_build_catalog ();

  g_test_add ("/list-filters/pick", Fixture, NULL, fixture_set_up, test_pick, fixture_tear_down);
  g_test_add ("/list-filters/save-view", Fixture, NULL, fixture_set_up, test_save_view, fixture_tear_down);
  g_test_add ("/list-filters/show-contracts", Fixture, NULL, fixture_set_up, test_show_contracts, fixture_tear_down);
  g_test_add ("/list-filters/looks", Fixture, NULL, fixture_set_up, test_looks, fixture_tear_down);

  return g_test_run ();
}
