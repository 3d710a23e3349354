/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>

#include "display-test-utils.h"
#include "signet-contract-list.h"
#include "signet-contract-table.h"
#include "signet-contract-query.h"
#include "signet-payment.h"
#include "signet-scorecard.h"
#include "signet-scorecards-dialog.h"
#include "signet-store-events.h"
#include "signet-store-payments.h"
#include "signet-window.h"

/* The Scorecards: a client's figures for the period picked, another
 * period's when the user picks another, a number that lists its
 * contracts, the departments, and one contract's scorecard.
 *
 * Today is 15 June 2026. 华信科技 has HT-1 (Sales), signed 10 January
 * 2026, ¥1,000,000.00, with two receivables of 2026: one paid on time,
 * one paid 10 days late; and HT-2 (Legal), signed 1 March 2025, $5,000.00,
 * with one receivable of 2025 paid 4 days late. */

#define CLIENT "华信科技"

typedef struct
{
  SignetStore *store;
  gint64       hx1;
  GtkWidget   *dialog;
  SignetContractQuery *shown_query;
  char        *shown_title;
  gint64       opened;
} Fixture;

static void
add_paid_receivable (Fixture    *f,
                     gint64      contract_id,
                     gint64      amount,
                     const char *currency,
                     const char *due,
                     const char *paid_on)
{
  g_autoptr(SignetPayment) payment = signet_payment_new (contract_id);
  g_autoptr(SignetPaymentSettlement) settlement = NULL;
  g_autoptr(GError) error = NULL;

  payment->title = g_strdup ("进度款");
  payment->amount = amount;
  payment->currency = g_strdup (currency);
  payment->due_date = g_strdup (due);
  g_assert_true (signet_store_add_payment (f->store, payment, &error));
  g_assert_no_error (error);

  settlement = signet_payment_settlement_new (payment->id);
  settlement->date = g_strdup (paid_on);
  settlement->amount = amount;
  g_assert_true (signet_store_add_payment_settlement (f->store, settlement, &error));
  g_assert_no_error (error);
}

static gint64
add_contract (Fixture      *f,
              SignetClient *client,
              const char   *number,
              const char   *department,
              const char   *signing,
              gint64        value,
              const char   *currency)
{
  g_autoptr(SignetContract) contract = display_test_add_contract (f->store, client, number, "物业服务", value);
  g_autoptr(GError) error = NULL;

  signet_contract_set_department (contract, department);
  signet_contract_set_signing_date (contract, signing);
  signet_contract_set_currency (contract, currency);
  g_assert_true (signet_store_update_contract (f->store, contract, &error));
  g_assert_no_error (error);

  return signet_contract_get_id (contract);
}

static void
shown_contracts_cb (GtkWidget           *dialog,
                    SignetContractQuery *query,
                    const char          *title,
                    Fixture             *f)
{
  g_clear_pointer (&f->shown_query, signet_contract_query_free);
  f->shown_query = signet_contract_query_copy (query);
  g_set_str (&f->shown_title, title);
}

static void
opened_contract_cb (GtkWidget *dialog,
                    gint64     id,
                    Fixture   *f)
{
  f->opened = id;
}

static gboolean
figures_shown (gpointer data)
{
  Fixture *f = data;
  GtkWidget *spinner = display_test_find_type (f->dialog, ADW_TYPE_SPINNER);

  return spinner != NULL && !gtk_widget_get_visible (spinner);
}

/* The figures are worked out in a thread: waits until they are shown. */
static void
wait_for_figures (Fixture *f)
{
  display_test_spin (100);
  g_assert_true (display_test_wait_for (figures_shown, f));
  display_test_spin (100);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(SignetClient) client = NULL;
  gint64 hx2;

  display_test_reset_settings ();
  f->store = display_test_new_store ();
  signet_store_set_today (f->store, "2026-06-15");
  client = display_test_add_client (f->store, CLIENT, "HX");

  f->hx1 = add_contract (f, client, "HT-1", "Sales", "2026-01-10", 100000000, "CNY");
  hx2 = add_contract (f, client, "HT-2", "Legal", "2025-03-01", 500000, "USD");
  add_paid_receivable (f, f->hx1, 1000000, "CNY", "2026-02-01", "2026-01-30");
  add_paid_receivable (f, f->hx1, 1000000, "CNY", "2026-03-01", "2026-03-11");
  add_paid_receivable (f, hx2, 100000, "USD", "2025-05-01", "2025-05-05");

  f->dialog = GTK_WIDGET (signet_scorecards_dialog_new (f->store));
  g_signal_connect (f->dialog, "show-contracts", G_CALLBACK (shown_contracts_cb), f);
  g_signal_connect (f->dialog, "open-contract", G_CALLBACK (opened_contract_cb), f);
  display_test_present_dialog (ADW_DIALOG (f->dialog), 1400, 900);
  wait_for_figures (f);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  display_test_destroy_windows ();
  g_clear_pointer (&f->shown_query, signet_contract_query_free);
  g_clear_pointer (&f->shown_title, g_free);
  g_clear_object (&f->store);
}

/* The visible widget below @root a screen reader names @name: a button,
 * or a label named for its row and column rather than by its text. */
static GtkWidget *
find_named (GtkWidget  *root,
            const char *name)
{
  if (!gtk_widget_get_visible (root))
    return NULL;

  if (gtk_test_accessible_has_property (GTK_ACCESSIBLE (root), GTK_ACCESSIBLE_PROPERTY_LABEL))
    {
      g_autofree char *mismatch = gtk_test_accessible_check_property (GTK_ACCESSIBLE (root),
                                                                      GTK_ACCESSIBLE_PROPERTY_LABEL, name);

      if (mismatch == NULL)
        return root;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_named (child, name);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* The number a screen reader reads as "@name, @figure: @value". */
static GtkWidget *
find_figure (Fixture    *f,
             const char *name,
             const char *figure,
             const char *value)
{
  g_autofree char *accessible = g_strdup_printf ("%s, %s: %s", name, figure, value);

  return find_named (f->dialog, accessible);
}

static void
pick_period (Fixture *f,
             guint    position)
{
  GtkWidget *dropdown = display_test_find_accessible (f->dialog, _("Period"));

  g_assert_true (GTK_IS_DROP_DOWN (dropdown));
  gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), position);
  wait_for_figures (f);
}

static gboolean
contracts_shown (gpointer data)
{
  return ((Fixture *) data)->shown_query != NULL;
}

static gboolean
contract_opened (gpointer data)
{
  return ((Fixture *) data)->opened != 0;
}

static gboolean
scorecards_closed (gpointer window)
{
  return display_test_find_type (window, SIGNET_TYPE_SCORECARDS_DIALOG) == NULL;
}

static gboolean
range_refused (gpointer data)
{
  return display_test_shows_visible_label (((Fixture *) data)->dialog, "Enter a first day on or before the last day.");
}

/* This year: HT-1, ¥1,000,000.00, one receivable on time of two, 10 days
 * late on average; last year: HT-2, $5,000.00, none on time, 4 days. */
static void
test_client_and_period (Fixture       *f,
                        gconstpointer  data)
{
  GtkWidget *button;

  g_assert_true (display_test_shows_visible_label (f->dialog, CLIENT));
  g_assert_true (display_test_shows_visible_label (f->dialog, "Received on Time"));
  g_assert_true (display_test_shows_visible_label (f->dialog, "2026-01-01 to 2026-12-31"));
  g_assert_nonnull (find_figure (f, CLIENT, "Contracts Signed", "1"));
  g_assert_nonnull (find_figure (f, CLIENT, "Value", "¥1,000,000.00"));
  g_assert_nonnull (find_figure (f, CLIENT, "Received on Time", "50%"));
  g_assert_true (display_test_shows_visible_label (f->dialog, "avg. 10.0 days late"));
  g_assert_nonnull (find_figure (f, CLIENT, "Paid on Time", "—"));

  pick_period (f, 1);
  g_assert_true (display_test_shows_visible_label (f->dialog, "2025-01-01 to 2025-12-31"));
  g_assert_nonnull (find_figure (f, CLIENT, "Contracts Signed", "1"));
  g_assert_nonnull (find_figure (f, CLIENT, "Value", "$5,000.00"));
  g_assert_nonnull (find_figure (f, CLIENT, "Received on Time", "0%"));
  g_assert_true (display_test_shows_visible_label (f->dialog, "avg. 4.0 days late"));
  g_assert_false (display_test_shows_visible_label (f->dialog, "avg. 10.0 days late"));
  g_assert_null (find_figure (f, CLIENT, "Value", "¥1,000,000.00"));

  /* The count lists its contracts: the client's signed in 2025. */
  button = find_figure (f, CLIENT, "Contracts Signed", "1");
  g_assert_true (GTK_IS_BUTTON (button));
  gtk_widget_activate (button);
  g_assert_true (display_test_wait_for (contracts_shown, f));
  g_assert_cmpstr (f->shown_title, ==, CLIENT ": Contracts Signed, 2025-01-01 to 2025-12-31");
  {
    const char *from, *to;
    guint n;

    signet_contract_query_get_date_range (f->shown_query, SIGNET_QUERY_DATE_SIGNING, &from, &to);
    g_assert_cmpstr (from, ==, "2025-01-01");
    g_assert_cmpstr (to, ==, "2025-12-31");
    signet_contract_query_get_clients (f->shown_query, &n);
    g_assert_cmpuint (n, ==, 1);
  }

  /* A rate is no button: no query says which payments. */
  g_assert_false (GTK_IS_BUTTON (find_figure (f, CLIENT, "Received on Time", "0%")));
}

static gboolean
range_shown (gpointer data)
{
  return display_test_shows_visible_label (((Fixture *) data)->dialog, "2025-03-01 to 2026-01-10");
}

static gboolean
popover_mapped (gpointer data)
{
  GtkWidget *popover = gtk_widget_get_ancestor (data, GTK_TYPE_POPOVER);

  return popover != NULL && gtk_widget_get_mapped (popover);
}

/* A range of days typed in: from 1 March 2025 to 10 January 2026 holds
 * both contracts. */
static void
test_custom_range (Fixture       *f,
                   gconstpointer  data)
{
  GtkWidget *from = display_test_find_row (f->dialog, ADW_TYPE_ENTRY_ROW, "First Day");
  GtkWidget *to = display_test_find_row (f->dialog, ADW_TYPE_ENTRY_ROW, "Last Day");

  g_assert_nonnull (from);
  g_assert_nonnull (to);
  pick_period (f, 3);
  /* The popover fills in the range shown as it opens: typed before, it
   * would be replaced. */
  g_assert_true (display_test_wait_for (popover_mapped, from));
  gtk_editable_set_text (GTK_EDITABLE (from), "2026-01-10");
  gtk_editable_set_text (GTK_EDITABLE (to), "2025-03-01");
  gtk_widget_activate (display_test_find_button (gtk_widget_get_ancestor (from, GTK_TYPE_POPOVER), "Show"));
  g_assert_true (display_test_wait_for (range_refused, f));

  gtk_editable_set_text (GTK_EDITABLE (from), "2025-03-01");
  gtk_editable_set_text (GTK_EDITABLE (to), "2026-01-10");
  gtk_widget_activate (display_test_find_button (gtk_widget_get_ancestor (from, GTK_TYPE_POPOVER), "Show"));
  g_assert_true (display_test_wait_for (range_shown, f));
  wait_for_figures (f);
  g_assert_nonnull (find_figure (f, CLIENT, "Contracts Signed", "2"));
}

/* The departments, each ranked on its own contracts; the store's writes
 * show at once. */
static void
test_departments (Fixture       *f,
                  gconstpointer  data)
{
  AdwToggleGroup *group = ADW_TOGGLE_GROUP (display_test_find_type (f->dialog, ADW_TYPE_TOGGLE_GROUP));
  g_autoptr(SignetContract) contract = NULL;
  g_autoptr(GError) error = NULL;

  adw_toggle_group_set_active_name (group, "departments");
  wait_for_figures (f);
  g_assert_true (display_test_shows_visible_label (f->dialog, "Department"));
  g_assert_nonnull (find_figure (f, "Sales", "Contracts Signed", "1"));
  g_assert_nonnull (find_figure (f, "Legal", "Contracts Signed", "0"));

  /* Ranked (Sales has payments due, Legal none); a column's heading sorts
   * by its figure instead. */
  {
    GtkColumnView *view = GTK_COLUMN_VIEW (display_test_find_type (f->dialog, GTK_TYPE_COLUMN_VIEW));
    GListModel *rows = G_LIST_MODEL (gtk_column_view_get_model (view));
    GListModel *columns = gtk_column_view_get_columns (view);
    g_autoptr(SignetScorecard) top = g_list_model_get_item (rows, 0);
    g_autoptr(GtkColumnViewColumn) signed_column = NULL;

    g_assert_cmpstr (signet_scorecard_get_name (top), ==, "Sales");
    for (guint i = 0; i < g_list_model_get_n_items (columns) && signed_column == NULL; i++)
      {
        g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);

        if (g_strcmp0 (gtk_column_view_column_get_title (column), "Contracts Signed") == 0)
          signed_column = g_steal_pointer (&column);
      }
    g_assert_nonnull (signed_column);
    gtk_column_view_sort_by_column (view, signed_column, GTK_SORT_ASCENDING);
    display_test_spin (100);
    g_clear_object (&top);
    top = g_list_model_get_item (rows, 0);
    g_assert_cmpstr (signet_scorecard_get_name (top), ==, "Legal");
  }

  contract = signet_store_get_contract (f->store, f->hx1, &error);
  signet_contract_set_department (contract, "Legal");
  g_assert_true (signet_store_update_contract (f->store, contract, &error));
  g_assert_no_error (error);
  display_test_spin (300);
  wait_for_figures (f);
  g_assert_nonnull (find_figure (f, "Legal", "Contracts Signed", "1"));
  g_assert_false (display_test_shows_visible_label (f->dialog, "Sales"));
}

/* One contract's scorecard: its number opens the contract. */
static void
test_contract (Fixture       *f,
               gconstpointer  data)
{
  GtkWidget *button;

  signet_scorecards_dialog_show_contract (SIGNET_SCORECARDS_DIALOG (f->dialog), f->hx1, "HT-1");
  wait_for_figures (f);
  g_assert_true (display_test_shows_visible_label (f->dialog, "Contract"));
  g_assert_false (display_test_shows_visible_label (f->dialog, CLIENT));
  button = find_figure (f, "HT-1", "Contracts Signed", "1");
  g_assert_true (GTK_IS_BUTTON (button));
  gtk_widget_activate (button);
  g_assert_true (display_test_wait_for (contract_opened, f));
  g_assert_cmpint (f->opened, ==, f->hx1);
}

/* In Signet's window: Scorecards (Ctrl+Shift+R) over the list, and a count
 * clicked there closes it and shows the list narrowed to exactly those
 * contracts, under a banner naming them. */
static void
test_window (Fixture       *f,
             gconstpointer  data)
{
  GtkWidget *window = GTK_WIDGET (signet_window_new (NULL, f->store, NULL));
  GtkWidget *table;
  SignetContractList *list;
  g_autoptr(SignetContract) first = NULL;
  GtkWidget *button;

  display_test_show (GTK_WINDOW (window));
  display_test_spin (200);
  g_assert_true (gtk_widget_activate_action (window, "win.scorecards", NULL));
  display_test_spin (300);
  f->dialog = display_test_find_type (window, SIGNET_TYPE_SCORECARDS_DIALOG);
  g_assert_nonnull (f->dialog);
  wait_for_figures (f);

  button = find_figure (f, CLIENT, "Contracts Signed", "1");
  g_assert_true (GTK_IS_BUTTON (button));
  gtk_widget_activate (button);
  g_assert_true (display_test_wait_for (scorecards_closed, window));
  display_test_spin (200);

  table = display_test_find_type (window, SIGNET_TYPE_CONTRACT_TABLE);
  list = signet_contract_table_get_model (SIGNET_CONTRACT_TABLE (table));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1);
  first = g_list_model_get_item (G_LIST_MODEL (list), 0);
  g_assert_cmpint (signet_contract_get_id (first), ==, f->hx1);
  g_assert_true (display_test_shows_visible_label (window, CLIENT ": Contracts Signed, 2026-01-01 to 2026-12-31: 1 contract"));

  /* Scorecard in the contract's menu: that contract's. */
  display_test_select_contract (window, first);
  g_assert_true (gtk_widget_activate_action (window, "contract.scorecard", NULL));
  display_test_spin (300);
  f->dialog = display_test_find_type (window, SIGNET_TYPE_SCORECARDS_DIALOG);
  g_assert_nonnull (f->dialog);
  wait_for_figures (f);
  g_assert_true (display_test_shows_visible_label (f->dialog, "Contract"));
  g_assert_nonnull (find_figure (f, "HT-1", "Received on Time", "50%"));
}

static void
test_in_chinese (gconstpointer data)
{
  Fixture f = { 0, };

  if (!g_test_subprocess ())
    {
      display_test_run_in_locale ("zh_CN.UTF-8");
      return;
    }

  if (!display_test_child_speaks_chinese ())
    return;

  fixture_set_up (&f, NULL);
  g_assert_true (display_test_shows_visible_label (f.dialog, "签订合同数"));
  g_assert_true (display_test_shows_visible_label (f.dialog, "按时收款率"));
  g_assert_nonnull (find_named (f.dialog, CLIENT "，签订合同数：1"));
  g_assert_nonnull (find_named (f.dialog, CLIENT "，按时收款率：50%"));
  g_assert_true (display_test_shows_visible_label (f.dialog, "平均逾期 10.0 天"));
  fixture_tear_down (&f, NULL);
}

int
main (int   argc,
      char *argv[])
{
  display_test_init (&argc, &argv);
  display_test_bind_build_catalog ();

  g_test_add ("/scorecards/client-and-period", Fixture, NULL, fixture_set_up, test_client_and_period, fixture_tear_down);
  g_test_add ("/scorecards/custom-range", Fixture, NULL, fixture_set_up, test_custom_range, fixture_tear_down);
  g_test_add ("/scorecards/departments", Fixture, NULL, fixture_set_up, test_departments, fixture_tear_down);
  g_test_add ("/scorecards/contract", Fixture, NULL, fixture_set_up, test_contract, fixture_tear_down);
  g_test_add ("/scorecards/window", Fixture, NULL, fixture_set_up, test_window, fixture_tear_down);
  g_test_add_data_func ("/scorecards/zh_CN", NULL, test_in_chinese);

  return g_test_run ();
}
