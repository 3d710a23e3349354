/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "display-test-utils.h"
#include "signet-contract-page.h"
#include "signet-key-dates-section.h"
#include "signet-money.h"
#include "signet-payments-section.h"
#include "signet-store-events.h"
#include "signet-store-payments.h"
#include "signet-window.h"

/* A signed contract's payment schedule on its page: planned, changed and
 * deleted (with Undo) through the section's buttons and dialog, a
 * partial payment making it part-paid, and the warning when the schedule
 * does not add up to the contract value. */

typedef struct
{
  SignetStore        *store;
  SignetContract     *contract;
  GtkWindow          *window;
  SignetContractPage *page;
  GtkWidget          *section;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(SignetClient) client = NULL;

  display_test_reset_settings ();
  f->store = display_test_new_store ();
  signet_store_set_today (f->store, "2026-11-27");
  client = display_test_add_client (f->store, "华东建设", "HDJS");
  /* ¥1,000,000.00 */
  f->contract = display_test_add_contract (f->store, client, "HT-2026-0042", "设备采购合同", 100000000);
  signet_contract_set_signing_date (f->contract, "2026-03-20");
  signet_contract_set_start_date (f->contract, "2026-04-01");
  signet_contract_set_end_date (f->contract, "2027-03-31");
  signet_contract_set_status (f->contract, SIGNET_CONTRACT_STATUS_SIGNED);
  g_assert_true (signet_store_update_contract (f->store, f->contract, NULL));

  f->window = GTK_WINDOW (signet_window_new (NULL, f->store, NULL));
  display_test_show (f->window);
  signet_window_open_contract (SIGNET_WINDOW (f->window), signet_contract_get_id (f->contract));
  display_test_spin (200);
  f->page = SIGNET_CONTRACT_PAGE (display_test_find_type (GTK_WIDGET (f->window), SIGNET_TYPE_CONTRACT_PAGE));
  f->section = display_test_find_type (GTK_WIDGET (f->page), SIGNET_TYPE_PAYMENTS_SECTION);
  g_assert_nonnull (f->section);
  g_assert_true (gtk_widget_get_visible (f->section));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  display_test_destroy_windows ();
  g_clear_object (&f->contract);
  g_clear_object (&f->store);
}

static void
set_field (AdwAlertDialog *dialog,
           const char     *name,
           const char     *text)
{
  GtkWidget *field = display_test_find_accessible (GTK_WIDGET (dialog), name);

  g_test_message ("%s", name);
  g_assert_nonnull (field);
  g_assert_true (gtk_widget_get_visible (field));
  gtk_editable_set_text (GTK_EDITABLE (field), text);
}

/* @label as the button shows it, its access key marker taken out. */
static void
click (GtkWidget  *root,
       const char *label)
{
  g_autoptr(GString) shown = g_string_new (label);
  GtkWidget *button;

  g_string_replace (shown, "_", "", 0);
  button = display_test_find_button (root, shown->str);

  g_test_message ("%s", label);
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
  g_assert_true (display_test_wait_for (display_test_alert_shown, NULL));
}

/* Plan Payment… as a user fills it in; the amount as the locale writes it. */
static void
plan_payment (Fixture    *f,
              const char *title,
              gint64      amount,
              const char *due_date)
{
  g_autofree char *typed = signet_money_format_amount (amount, "CNY");
  AdwAlertDialog *dialog;

  click (f->section, _("_Plan Payment…"));
  dialog = display_test_find_alert_dialog ();
  g_assert_cmpstr (adw_alert_dialog_get_heading (dialog), ==, _("Plan a Payment"));
  set_field (dialog, _("Title"), title);
  set_field (dialog, _("Amount"), typed);
  set_field (dialog, _("Due Date"), due_date);
  set_field (dialog, _("Payment Condition"), "验收合格后");
  display_test_respond ("save");
  display_test_spin (100);
}

static GtkWidget *
find_payment_row (Fixture    *f,
                  const char *title)
{
  return display_test_find_row (f->section, ADW_TYPE_EXPANDER_ROW, title);
}

static SignetPayment *
only_payment (Fixture *f)
{
  g_autoptr(GPtrArray) payments = signet_store_list_payments (f->store, signet_contract_get_id (f->contract), NULL);

  g_assert_cmpuint (payments->len, ==, 1);

  return signet_payment_copy (g_ptr_array_index (payments, 0));
}

static gboolean
shows_warning (Fixture    *f,
               const char *text)
{
  return display_test_shows_visible_label (f->section, text);
}

/* No payment yet: one line says what the section is for, under its
 * Plan Payment… button. */
static void
test_empty (Fixture       *f,
            gconstpointer  data)
{
  g_assert_true (display_test_shows_visible_label (f->section, "No payments planned. Plan what is to be received "
                                                               "or paid, and when, to follow its invoices and payments."));
  g_assert_nonnull (display_test_find_button (f->section, "Plan Payment…"));
  g_assert_false (display_test_shows_visible_label (f->section, "Contract Value"));
}

/* Planned, changed and deleted through the section, the warning
 * following the schedule: ¥600,000.00 of ¥1,000,000.00 warns by how
 * much, the whole value does not; Undo brings the deleted one back. */
static void
test_plan_edit_delete (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(SignetPayment) payment = NULL;
  g_autoptr(SignetPayment) restored = NULL;
  g_autoptr(GPtrArray) after = NULL;
  g_autofree char *scheduled = signet_money_format (60000000, "CNY");
  g_autofree char *value = signet_money_format (100000000, "CNY");
  g_autofree char *gap = signet_money_format (40000000, "CNY");
  g_autofree char *warning = g_strdup_printf ("Scheduled %s of %s: %s not scheduled", scheduled, value, gap);
  g_autofree char *full = signet_money_format_amount (100000000, "CNY");
  GtkWidget *row;
  AdwAlertDialog *dialog;

  plan_payment (f, "首期款", 60000000, "2026-12-15");
  payment = only_payment (f);
  g_assert_cmpint (payment->amount, ==, 60000000);
  g_assert_cmpstr (payment->currency, ==, "CNY");
  g_assert_cmpstr (payment->due_date, ==, "2026-12-15");
  g_assert_cmpstr (payment->condition, ==, "验收合格后");
  g_assert_cmpint (payment->direction, ==, SIGNET_PAYMENT_RECEIVABLE);

  row = find_payment_row (f, "首期款");
  g_assert_nonnull (row);
  g_assert_true (display_test_shows_label (row, "Planned"));
  g_assert_true (shows_warning (f, warning));
  g_assert_true (display_test_shows_visible_label (f->section, "Contract Value"));

  /* Edit… in its row: the whole value, the warning goes. */
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
  display_test_spin (100);
  click (row, "Edit…");
  dialog = display_test_find_alert_dialog ();
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (display_test_find_accessible (GTK_WIDGET (dialog), "Title"))),
                   ==, "首期款");
  set_field (dialog, "Title", "合同全款");
  set_field (dialog, "Amount", full);
  display_test_respond ("save");
  display_test_spin (100);
  g_clear_pointer (&payment, signet_payment_free);
  payment = only_payment (f);
  g_assert_cmpstr (payment->title, ==, "合同全款");
  g_assert_cmpint (payment->amount, ==, 100000000);
  g_assert_cmpint (payment->version, ==, 2);
  g_assert_false (shows_warning (f, warning));
  g_assert_null (find_payment_row (f, "首期款"));
  row = find_payment_row (f, "合同全款");
  g_assert_nonnull (row);
  /* Opened by the user, it stays open over the reload. */
  g_assert_true (adw_expander_row_get_expanded (ADW_EXPANDER_ROW (row)));

  /* Delete, then Undo. */
  g_signal_emit_by_name (display_test_find_button (row, "Delete"), "clicked");
  display_test_spin (100);
  after = signet_store_list_payments (f->store, signet_contract_get_id (f->contract), NULL);
  g_assert_cmpuint (after->len, ==, 0);
  g_assert_null (find_payment_row (f, "合同全款"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL));
  display_test_spin (100);
  restored = only_payment (f);
  g_assert_cmpstr (restored->uuid, ==, payment->uuid);
  g_assert_nonnull (find_payment_row (f, "合同全款"));
}

/* A payment due a week ago: overdue with what is owed; an invoice, then
 * ¥200,000.00 received through Record Payment… make it part-paid with
 * ¥400,000.00 overdue; the rest makes it paid. */
static void
test_part_paid (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(SignetPayment) payment = NULL;
  g_autofree char *owed = signet_money_format (60000000, "CNY");
  g_autofree char *left = signet_money_format (40000000, "CNY");
  g_autofree char *overdue = g_strdup_printf ("Overdue: %s", owed);
  g_autofree char *part = g_strdup_printf ("Part-paid, %s overdue", left);
  g_autofree char *typed = signet_money_format_amount (20000000, "CNY");
  AdwAlertDialog *dialog;
  GtkWidget *row;

  plan_payment (f, "进度款", 60000000, "2026-11-20");
  row = find_payment_row (f, "进度款");
  g_assert_true (display_test_shows_label (row, overdue));

  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
  display_test_spin (100);
  click (row, "Record Invoice…");
  dialog = display_test_find_alert_dialog ();
  g_assert_cmpstr (adw_alert_dialog_get_heading (dialog), ==, "Record an Invoice");
  set_field (dialog, "Invoice Number", "FP-2026-0815");
  display_test_respond ("save");
  display_test_spin (100);
  row = find_payment_row (f, "进度款");
  g_assert_true (display_test_shows_label (row, "Invoice FP-2026-0815"));

  click (row, "Record Payment…");
  dialog = display_test_find_alert_dialog ();
  g_assert_cmpstr (adw_alert_dialog_get_heading (dialog), ==, "Record a Payment Received");
  /* It offers what is owed; the user received part of it. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (display_test_find_accessible (GTK_WIDGET (dialog), "Amount"))),
                   ==, signet_money_format_amount (60000000, "CNY"));
  set_field (dialog, "Amount", typed);
  set_field (dialog, "Date Paid", "2026-11-26");
  display_test_respond ("save");
  display_test_spin (100);

  payment = only_payment (f);
  g_assert_cmpint (payment->paid, ==, 20000000);
  g_assert_cmpint (signet_payment_get_state (payment), ==, SIGNET_PAYMENT_PART_PAID);
  row = find_payment_row (f, "进度款");
  g_assert_true (display_test_shows_label (row, part));
  g_assert_false (display_test_shows_label (row, overdue));

  click (row, "Record Payment…");
  display_test_respond ("save");
  display_test_spin (100);
  row = find_payment_row (f, "进度款");
  g_assert_true (display_test_shows_label (row, "Paid"));
}

/* The section at 1200 px in the language of LC_ALL
 * (payments-LANG-1200.png beside the test), with an overdue part-paid
 * receivable opened, a payable, one with no amount and the warning, and
 * the Record Payment dialog (payment-dialog-LANG.png). */
static void
test_looks (Fixture       *f,
            gconstpointer  data)
{
  const char *lc_all = g_getenv ("LC_ALL");
  g_autofree char *language = g_strndup (lc_all != NULL ? lc_all : "C", strcspn (lc_all != NULL ? lc_all : "C", "."));
  g_autofree char *name = g_strdup_printf ("payments-%s-1200", language);
  g_autofree char *dialog_name = g_strdup_printf ("payment-dialog-%s", language);
  GtkScrolledWindow *scrolled = GTK_SCROLLED_WINDOW (gtk_widget_get_ancestor (f->section, GTK_TYPE_SCROLLED_WINDOW));
  gint64 id = signet_contract_get_id (f->contract);
  g_autoptr(SignetPaymentSettlement) settlement = NULL;
  g_autoptr(SignetPaymentInvoice) invoice = NULL;
  g_autoptr(GPtrArray) payments = NULL;
  SignetPayment *first;
  graphene_point_t point;
  GtkWidget *row;
  static const struct
  {
    const char            *title;
    SignetPaymentDirection direction;
    gint64                 amount;
    const char            *due;
    const char            *condition;
  } planned[] = {
    { "首期款", SIGNET_PAYMENT_RECEIVABLE, 30000000, "2026-11-20", "合同签订后 15 日内" },
    { "到货款", SIGNET_PAYMENT_RECEIVABLE, 50000000, "2027-01-15", "到货验收合格后" },
    { "安装服务费", SIGNET_PAYMENT_PAYABLE, 5000000, "2027-01-31", NULL },
    { "质保金", SIGNET_PAYMENT_RECEIVABLE, 0, "2027-03-31", "质保期满后" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (planned); i++)
    {
      g_autoptr(SignetPayment) payment = signet_payment_new (id);

      payment->title = g_strdup (planned[i].title);
      payment->direction = planned[i].direction;
      payment->amount = planned[i].amount;
      payment->currency = planned[i].amount > 0 ? g_strdup ("CNY") : NULL;
      payment->due_date = g_strdup (planned[i].due);
      payment->condition = g_strdup (planned[i].condition);
      g_assert_true (signet_store_add_payment (f->store, payment, NULL));
    }
  payments = signet_store_list_payments (f->store, id, NULL);
  first = g_ptr_array_index (payments, 0);
  invoice = signet_payment_invoice_new (first->id);
  invoice->number = g_strdup ("FP-2026-0815");
  invoice->date = g_strdup ("2026-11-10");
  invoice->amount = 30000000;
  g_assert_true (signet_store_add_payment_invoice (f->store, invoice, NULL));
  settlement = signet_payment_settlement_new (first->id);
  settlement->date = g_strdup ("2026-11-25");
  settlement->amount = 10000000;
  settlement->note = g_strdup ("银行转账");
  g_assert_true (signet_store_add_payment_settlement (f->store, settlement, NULL));
  display_test_spin (100);

  row = find_payment_row (f, "首期款");
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
  display_test_resize (f->window, 1200, 900);
  display_test_spin (300);
  g_assert_true (gtk_widget_compute_point (f->section, gtk_scrolled_window_get_child (scrolled),
                                           &GRAPHENE_POINT_INIT (0, 0), &point));
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (scrolled), point.y - 24);
  display_test_spin (300);
  g_free (display_test_save_screenshot (GTK_WIDGET (f->window), name));

  click (row, _("Record _Payment…"));
  display_test_spin (1000);
  g_free (display_test_save_screenshot (GTK_WIDGET (f->window), dialog_name));
  display_test_respond ("cancel");
  display_test_spin (500);
}

/* A payment is planned here, with its amount: Add a Key Date offers a
 * milestone or another date, no longer a payment. */
static void
test_no_payment_key_date (Fixture       *f,
                          gconstpointer  data)
{
  GtkWidget *key_dates = display_test_find_type (GTK_WIDGET (f->page), SIGNET_TYPE_KEY_DATES_SECTION);
  AdwAlertDialog *dialog;
  GListModel *kinds;

  g_assert_true (gtk_widget_activate_action (key_dates, "key-dates.add", NULL));
  g_assert_true (display_test_wait_for (display_test_alert_shown, NULL));
  dialog = display_test_find_alert_dialog ();
  kinds = adw_combo_row_get_model (ADW_COMBO_ROW (display_test_find_accessible (GTK_WIDGET (dialog), "Kind")));
  g_assert_cmpuint (g_list_model_get_n_items (kinds), ==, 2);
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (kinds), 0), ==, "Milestone");
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (kinds), 1), ==, "Other");
  display_test_respond ("cancel");
}

int
main (int   argc,
      char *argv[])
{
  display_test_init (&argc, &argv);
  display_test_bind_build_catalog ();

  g_test_add ("/payments-section/empty", Fixture, NULL, fixture_set_up, test_empty, fixture_tear_down);
  g_test_add ("/payments-section/plan-edit-delete", Fixture, NULL, fixture_set_up, test_plan_edit_delete,
              fixture_tear_down);
  g_test_add ("/payments-section/part-paid", Fixture, NULL, fixture_set_up, test_part_paid, fixture_tear_down);
  g_test_add ("/payments-section/no-payment-key-date", Fixture, NULL, fixture_set_up, test_no_payment_key_date,
              fixture_tear_down);
  g_test_add ("/payments-section/looks", Fixture, NULL, fixture_set_up, test_looks, fixture_tear_down);

  return g_test_run ();
}
