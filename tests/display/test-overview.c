/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "test-overview"

#include "config.h"

#include <glib/gi18n.h>

#include "display-test-utils.h"
#include "signet-contract-list.h"
#include "signet-contract-table.h"
#include "signet-exchange-rates-dialog.h"
#include "signet-month-chart.h"
#include "signet-overview-view.h"
#include "signet-store-events.h"
#include "signet-store-rates.h"
#include "signet-window.h"

/* The Overview page of the window on a register of five contracts, on
 * 2026-12-07: Ctrl+3 shows it; "Expiring in 30 days" opens the List with
 * exactly the two contracts ending by 2027-01-06; the bars and the month
 * chart say their numbers to a screen reader; rates give a total in one
 * currency saying which; an empty register shows why it is empty. */

#define TODAY "2026-12-07"

typedef struct
{
  SignetStore  *store;
  SignetWindow *window;
} Fixture;

static void
add (SignetStore          *store,
     SignetClient         *client,
     const char           *number,
     SignetContractStatus  status,
     const char           *signing,
     const char           *start,
     const char           *end,
     gint64                value,
     const char           *currency)
{
  g_autoptr(SignetContract) contract = display_test_add_contract (store, client, number, number, value);
  g_autoptr(GError) error = NULL;

  signet_contract_set_status (contract, status);
  signet_contract_set_signing_date (contract, signing);
  signet_contract_set_start_date (contract, start);
  signet_contract_set_end_date (contract, end);
  signet_contract_set_currency (contract, currency);
  g_assert_true (signet_store_update_contract (store, contract, &error));
  g_assert_no_error (error);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(SignetClient) huadong = NULL;
  g_autoptr(SignetClient) contoso = NULL;

  display_test_reset_settings ();
  f->store = display_test_new_store ();
  signet_store_set_today (f->store, TODAY);

  if (data == NULL)
    {
      huadong = display_test_add_client (f->store, "上海华东建设工程有限公司", "HDJX");
      contoso = display_test_add_client (f->store, "Contoso GmbH", "C002");
      /* Ends in 13 days. */
      add (f->store, huadong, "HT-2026-0001", SIGNET_CONTRACT_STATUS_SIGNED, "2025-12-20", "2026-01-01", "2026-12-20",
           10000000, "CNY");
      /* A draft ending this month. */
      add (f->store, huadong, "HT-2026-0002", SIGNET_CONTRACT_STATUS_DRAFT, NULL, NULL, "2026-12-31", 500000, "CNY");
      /* Ends in 49 days. */
      add (f->store, contoso, "HT-2026-0003", SIGNET_CONTRACT_STATUS_SIGNED, "2026-03-10", "2026-03-10", "2027-01-25",
           2000000, "USD");
      /* Ended in October. */
      add (f->store, contoso, "HT-2026-0004", SIGNET_CONTRACT_STATUS_SIGNED, "2025-10-01", "2025-11-01", "2026-10-31",
           3000000, "CNY");
      /* Signed this month, starts next year. */
      add (f->store, huadong, "HT-2026-0005", SIGNET_CONTRACT_STATUS_SIGNED, "2026-12-01", "2027-01-01", "2027-12-31",
           4000000, "CNY");
    }

  /* A window on an empty register says so over all its views: the
   * overview's own empty state is tested on the page alone. */
  if (data != NULL)
    return;

  f->window = signet_window_new (NULL, f->store, NULL);
  display_test_show (GTK_WINDOW (f->window));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  display_test_destroy_windows ();
  g_clear_object (&f->store);
}

static gboolean
overview_computed (gpointer data)
{
  Fixture *f = data;
  GtkWidget *view = display_test_find_type (GTK_WIDGET (f->window), SIGNET_TYPE_OVERVIEW_VIEW);

  return view != NULL && gtk_widget_get_mapped (view) &&
         signet_overview_view_get_overview (SIGNET_OVERVIEW_VIEW (view)) != NULL;
}

/* Ctrl+3, as the window binds it. */
static void
show_overview (Fixture *f)
{
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-view", "s", "overview");
  g_assert_true (display_test_wait_for (overview_computed, f));
  display_test_spin (200);
}

static SignetContractList *
contract_list (Fixture *f)
{
  GtkWidget *table = display_test_find_type (GTK_WIDGET (f->window), SIGNET_TYPE_CONTRACT_TABLE);

  return signet_contract_table_get_model (SIGNET_CONTRACT_TABLE (table));
}

static gboolean
list_shows_two (gpointer data)
{
  Fixture *f = data;
  AdwViewStack *stack = ADW_VIEW_STACK (display_test_find_type (GTK_WIDGET (f->window), ADW_TYPE_VIEW_STACK));

  return g_strcmp0 (adw_view_stack_get_visible_child_name (stack), "list") == 0 &&
         g_list_model_get_n_items (G_LIST_MODEL (contract_list (f))) == 2;
}

static void
test_expiring_opens_list (Fixture       *f,
                          gconstpointer  data)
{
  GListModel *list;
  GtkWidget *tile;
  g_autoptr(GPtrArray) numbers = g_ptr_array_new_with_free_func (g_free);

  show_overview (f);

  /* The tiles, as they read. */
  g_assert_true (display_test_shows_visible_label (GTK_WIDGET (f->window), "Expiring in 30 days"));
  g_assert_nonnull (display_test_find_accessible (GTK_WIDGET (f->window), "Expiring in 60 days, 3 contracts"));
  tile = display_test_find_accessible (GTK_WIDGET (f->window), "Expiring in 30 days, 2 contracts");
  g_assert_true (GTK_IS_BUTTON (tile));

  gtk_widget_activate (tile);
  g_assert_true (display_test_wait_for (list_shows_two, f));

  /* Exactly those: the active contract ending on the 20th and the draft
   * ending on the 31st, in the list's order; not the one ending next
   * year nor the one that ended. */
  list = G_LIST_MODEL (contract_list (f));
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(SignetContract) contract = g_list_model_get_item (list, i);

      g_ptr_array_add (numbers, g_strdup (signet_contract_get_number (contract)));
    }
  g_assert_cmpuint (numbers->len, ==, 2);
  g_assert_cmpstr (numbers->pdata[0], ==, "HT-2026-0001");
  g_assert_cmpstr (numbers->pdata[1], ==, "HT-2026-0002");
  /* The banner over the list says what it is narrowed to. */
  g_assert_true (display_test_shows_visible_label (GTK_WIDGET (f->window), "Expiring in 30 days: 2 contracts"));
}

static const char * const month_names[] = {
  "January", "February", "March", "April", "May", "June",
  "July", "August", "September", "October", "November", "December",
};

/* What a screen reader reads of the charts: each status bar is a button
 * named with its status and number; the month chart is an image named
 * "Contracts signed and ended per month" whose description gives every
 * month of the 24, from January 2025 to December 2026, worked out here. */
static void
test_accessible_charts (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GString) expected = g_string_new (NULL);
  GtkWidget *chart;
  char *failure;

  show_overview (f);

  g_assert_true (GTK_IS_BUTTON (display_test_find_accessible (GTK_WIDGET (f->window), "Active, 2 contracts")));
  g_assert_true (GTK_IS_BUTTON (display_test_find_accessible (GTK_WIDGET (f->window), "Signed, 1 contract")));
  g_assert_true (GTK_IS_BUTTON (display_test_find_accessible (GTK_WIDGET (f->window), "Expired, 1 contract")));
  g_assert_true (GTK_IS_BUTTON (display_test_find_accessible (GTK_WIDGET (f->window), "Draft, 1 contract")));
  g_assert_true (GTK_IS_BUTTON (display_test_find_accessible (GTK_WIDGET (f->window),
                                                              "上海华东建设工程有限公司: ¥100,000.00, 1 contract")));

  for (guint i = 0; i < 24; i++)
    {
      guint year = 2025 + i / 12;
      guint month = i % 12 + 1;
      /* Signed: 2025-10 (0004), 2025-12 (0001), 2026-03 (0003),
       * 2026-12 (0005); ended: 2026-10 (0004). */
      guint n_signed = (year == 2025 && (month == 10 || month == 12)) || (year == 2026 && (month == 3 || month == 12));
      guint n_ended = year == 2026 && month == 10;

      g_string_append_printf (expected, "%s%s %u: %u signed, %u ended", i > 0 ? "; " : "",
                              month_names[month - 1], year, n_signed, n_ended);
    }

  chart = display_test_find_type (GTK_WIDGET (f->window), SIGNET_TYPE_MONTH_CHART);
  g_assert_nonnull (chart);
  g_assert_cmpint (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (chart)), ==, GTK_ACCESSIBLE_ROLE_IMG);
  failure = gtk_test_accessible_check_property (GTK_ACCESSIBLE (chart), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                                "Contracts signed and ended per month");
  g_assert_null (failure);
  failure = gtk_test_accessible_check_property (GTK_ACCESSIBLE (chart), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                                expected->str);
  if (failure != NULL)
    g_error ("%s", failure);
}

/* Values in two currencies stay apart until both have a rate into one;
 * then the total in it says which rates, and the page follows the store. */
static void
test_rates_total (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  show_overview (f);
  g_assert_true (display_test_shows_visible_label (GTK_WIDGET (f->window), "¥100,000.00"));
  g_assert_true (display_test_shows_visible_label (GTK_WIDGET (f->window), "$20,000.00"));
  g_assert_true (display_test_shows_visible_label (GTK_WIDGET (f->window),
                                                   "Values in different currencies are not added up. Enter "
                                                   "exchange rates to see a total."));

  g_assert_true (signet_store_set_exchange_rate (f->store, "USD", "CNY", 7100000, &error));
  g_assert_no_error (error);
  display_test_spin (300);

  /* 100,000 + 20,000 × 7.10. */
  g_assert_true (display_test_shows_visible_label (GTK_WIDGET (f->window), "≈ ¥242,000.00"));
  g_assert_true (display_test_shows_visible_label (GTK_WIDGET (f->window),
                                                   "Converted at 1 USD = 7.10 CNY, set " TODAY "."));
}

/* Exchange Rates… on the page: a rate typed the wrong way is refused
 * under its field; one set is listed with its day and gives the page
 * its total; removed from its row, the total goes. */
static void
test_rates_dialog (Fixture       *f,
                   gconstpointer  data)
{
  GtkWidget *view;
  GtkWidget *dialog;
  GtkWidget *rate_row;
  GtkWidget *row;

  show_overview (f);
  view = display_test_find_type (GTK_WIDGET (f->window), SIGNET_TYPE_OVERVIEW_VIEW);
  gtk_widget_activate (display_test_find_button (view, "Exchange Rates…"));
  /* Past the dialog's opening animation. */
  display_test_spin (800);
  dialog = display_test_find_type (GTK_WIDGET (f->window), SIGNET_TYPE_EXCHANGE_RATES_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_nonnull (display_test_find_label (dialog, "No rates: values in different currencies are shown apart."));

  rate_row = display_test_find_row (dialog, ADW_TYPE_ENTRY_ROW, "Rate");
  gtk_editable_set_text (GTK_EDITABLE (rate_row), "7,1x");
  gtk_widget_activate (display_test_find_button (dialog, "Set Rate"));
  display_test_spin (400);
  g_assert_true (display_test_shows_visible_label (dialog, "Enter the rate as a number above zero, such as 7.10."));

  /* One unit of USD (the first choice) in CNY (the second). */
  gtk_editable_set_text (GTK_EDITABLE (rate_row), "7.10");
  gtk_widget_activate (display_test_find_button (dialog, "Set Rate"));
  display_test_spin (400);
  row = display_test_find_row (dialog, ADW_TYPE_ACTION_ROW, "1 USD = 7.10 CNY");
  g_assert_nonnull (row);
  g_assert_true (g_str_has_prefix (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "Set " TODAY " by "));
  g_assert_true (display_test_shows_visible_label (view, "≈ ¥242,000.00"));

  gtk_widget_activate (display_test_find_accessible (dialog, "Remove 1 USD = 7.10 CNY"));
  display_test_spin (400);
  g_assert_null (display_test_find_row (dialog, ADW_TYPE_ACTION_ROW, "1 USD = 7.10 CNY"));
  g_assert_false (display_test_shows_visible_label (view, "≈ ¥242,000.00"));
}

/* Phone-sized, 360 px: the tiles two a row, the charts within the
 * window (a child wider than the window is a fatal Adwaita warning
 * here), in English and in Chinese. */
static void
test_narrow (void)
{
  Fixture f = { 0 };
  GtkWidget *view;
  GtkWidget *tiles;
  GtkWidget *first;
  GtkWidget *second;
  GtkWidget *third;
  graphene_rect_t a;
  graphene_rect_t b;
  graphene_rect_t c;

  fixture_set_up (&f, NULL);
  display_test_resize (GTK_WINDOW (f.window), 360, 720);
  show_overview (&f);

  view = display_test_find_type (GTK_WIDGET (f.window), SIGNET_TYPE_OVERVIEW_VIEW);
  g_assert_cmpint (gtk_widget_get_width (view), <=, gtk_widget_get_width (GTK_WIDGET (f.window)));
  tiles = display_test_find_type (view, GTK_TYPE_FLOW_BOX);
  first = GTK_WIDGET (gtk_flow_box_get_child_at_index (GTK_FLOW_BOX (tiles), 0));
  second = GTK_WIDGET (gtk_flow_box_get_child_at_index (GTK_FLOW_BOX (tiles), 1));
  third = GTK_WIDGET (gtk_flow_box_get_child_at_index (GTK_FLOW_BOX (tiles), 2));
  g_assert_true (gtk_widget_compute_bounds (first, view, &a));
  g_assert_true (gtk_widget_compute_bounds (second, view, &b));
  g_assert_true (gtk_widget_compute_bounds (third, view, &c));
  g_assert_cmpfloat (a.origin.y, ==, b.origin.y);
  g_assert_cmpfloat (c.origin.y, >, a.origin.y);
  g_assert_cmpfloat (b.origin.x + b.size.width, <=, gtk_widget_get_width (view));

  fixture_tear_down (&f, NULL);
}

static void
test_chinese (gconstpointer data)
{
  GTestFunc test = (GTestFunc) data;

  if (!g_test_subprocess ())
    {
      display_test_run_in_locale ("zh_CN.UTF-8");
      return;
    }

  if (display_test_child_speaks_chinese ())
    test ();
}

static gboolean
view_computed (gpointer view)
{
  return signet_overview_view_get_overview (view) != NULL;
}

static void
test_empty (Fixture       *f,
            gconstpointer  data)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *view = signet_overview_view_new ();

  gtk_window_set_child (GTK_WINDOW (window), view);
  signet_overview_view_set_store (SIGNET_OVERVIEW_VIEW (view), f->store);
  gtk_window_set_default_size (GTK_WINDOW (window), 800, 600);
  display_test_show (GTK_WINDOW (window));
  g_assert_true (display_test_wait_for (view_computed, view));
  display_test_spin (100);

  g_assert_true (display_test_shows_visible_label (window, "No Contracts Yet"));
  g_assert_false (display_test_shows_visible_label (window, "Expiring in 30 days"));
}

/* The app's style, as AdwApplication loads it: the tiles' padding. */
static void
load_style (void)
{
  g_autoptr(GtkCssProvider) provider = gtk_css_provider_new ();

  gtk_css_provider_load_from_resource (provider, RESOURCE_PREFIX "/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
}

int
main (int   argc,
      char *argv[])
{
  display_test_init (&argc, &argv);
  load_style ();
  display_test_bind_build_catalog ();

  g_test_add ("/overview/expiring-opens-list", Fixture, NULL, fixture_set_up, test_expiring_opens_list,
              fixture_tear_down);
  g_test_add ("/overview/accessible-charts", Fixture, NULL, fixture_set_up, test_accessible_charts,
              fixture_tear_down);
  g_test_add ("/overview/rates-total", Fixture, NULL, fixture_set_up, test_rates_total, fixture_tear_down);
  g_test_add ("/overview/rates-dialog", Fixture, NULL, fixture_set_up, test_rates_dialog, fixture_tear_down);
  g_test_add ("/overview/empty", Fixture, "empty", fixture_set_up, test_empty, fixture_tear_down);
  g_test_add_func ("/overview/narrow", test_narrow);
  g_test_add_data_func ("/overview/zh_CN/narrow", (gconstpointer) test_narrow, test_chinese);

  return g_test_run ();
}
