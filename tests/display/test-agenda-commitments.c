/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "test-agenda-commitments"

#include "config.h"

#include <locale.h>

#include <glib/gi18n.h>

#include "display-test-utils.h"
#include "signet-agenda-view.h"
#include "signet-calendar-view.h"
#include "signet-date.h"
#include "signet-key-dates.h"
#include "signet-money.h"
#include "signet-original.h"
#include "signet-payment.h"
#include "signet-person.h"
#include "signet-store-events.h"
#include "signet-store-originals.h"
#include "signet-store-payments.h"
#include "signet-store-people.h"

/* The agenda and the month grid with what contracts commit us to, as a
 * user meets them on 20.11.2026: a receivable of ¥300,000.00 due on
 * 10.11.2026 of which ¥100,000.00 was paid, and the original lent to 王芳
 * due back on 15.11.2026, are overdue, under the Overdue heading with
 * what is owed and to whom; a payable due on 05.12.2026 comes in the
 * next days. Receiving the rest of the payment takes it out of the
 * agenda; returning the original takes the loan out. The month grid of
 * November has their chips in their colours ("维保服务 · 首付款"), and its
 * legend names every kind. Written through the store API of the records,
 * as the sections write them; in a window 1000 pixels wide, in English
 * and Chinese; drawn into agenda-commitments-LANG.png and
 * calendar-commitments-LANG.png beside the test. */

#define TODAY "2026-11-20"

typedef struct
{
  SignetStore      *store;
  gint64            contract_id;
  gint64            payment_id;
  gint64            loan_id;
  GtkWidget        *window;
  SignetAgendaView *agenda;
} Fixture;

static gboolean
agenda_loaded (gpointer data)
{
  return g_list_model_get_n_items (signet_agenda_view_get_model (data)) > 0;
}

static gint64
add_payment (Fixture                *f,
             SignetPaymentDirection  direction,
             const char             *title,
             gint64                  amount,
             const char             *due_date)
{
  g_autoptr(SignetPayment) payment = signet_payment_new (f->contract_id);
  g_autoptr(GError) error = NULL;

  payment->direction = direction;
  payment->title = g_strdup (title);
  payment->amount = amount;
  payment->currency = g_strdup ("CNY");
  payment->due_date = g_strdup (due_date);
  g_assert_true (signet_store_add_payment (f->store, payment, &error));
  g_assert_no_error (error);

  return payment->id;
}

static void
pay (Fixture    *f,
     const char *date,
     gint64      amount)
{
  g_autoptr(SignetPaymentSettlement) settlement = signet_payment_settlement_new (f->payment_id);
  g_autoptr(GError) error = NULL;

  settlement->date = g_strdup (date);
  settlement->amount = amount;
  g_assert_true (signet_store_add_payment_settlement (f->store, settlement, &error));
  g_assert_no_error (error);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(SignetClient) client = NULL;
  g_autoptr(SignetContract) contract = signet_contract_new ();
  g_autoptr(SignetPerson) borrower = signet_person_new ();
  g_autoptr(SignetOriginal) original = NULL;
  g_autoptr(SignetLoan) loan = NULL;
  g_autoptr(GError) error = NULL;

  f->store = display_test_new_store ();
  signet_store_set_today (f->store, TODAY);
  client = display_test_add_client (f->store, "北京华信科技有限公司", "HX");

  signet_contract_set_number (contract, "HT-2026-0001");
  signet_contract_set_title (contract, "维保服务");
  signet_contract_set_client_id (contract, signet_client_get_id (client));
  signet_contract_set_status (contract, SIGNET_CONTRACT_STATUS_SIGNED);
  signet_contract_set_start_date (contract, "2026-01-01");
  signet_contract_set_end_date (contract, "2027-12-31");
  g_assert_true (signet_store_add_contract (f->store, contract, &error));
  g_assert_no_error (error);
  f->contract_id = signet_contract_get_id (contract);

  f->payment_id = add_payment (f, SIGNET_PAYMENT_RECEIVABLE, "首付款", 30000000, "2026-11-10");
  pay (f, "2026-11-08", 10000000);
  add_payment (f, SIGNET_PAYMENT_PAYABLE, "服务费", 5000000, "2026-12-05");

  signet_person_set_name (borrower, "王芳");
  g_assert_true (signet_store_add_person (f->store, borrower, &error));
  g_assert_no_error (error);
  original = signet_original_new (f->contract_id);
  original->archive_number = g_strdup ("DA-2026-001");
  g_assert_true (signet_store_save_original (f->store, original, &error));
  g_assert_no_error (error);
  loan = signet_loan_new (f->contract_id);
  loan->borrower_id = signet_person_get_id (borrower);
  loan->purpose = g_strdup ("年度审计");
  loan->lent_on = g_strdup ("2026-11-01");
  loan->due_on = g_strdup ("2026-11-15");
  g_assert_true (signet_store_add_loan (f->store, loan, &error));
  g_assert_no_error (error);
  f->loan_id = loan->id;

  f->agenda = SIGNET_AGENDA_VIEW (signet_agenda_view_new ());
  signet_agenda_view_set_today (f->agenda, TODAY);
  signet_agenda_view_set_store (f->agenda, f->store);

  f->window = adw_window_new ();
  adw_window_set_content (ADW_WINDOW (f->window), GTK_WIDGET (f->agenda));
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1000, 640);
  display_test_show (GTK_WINDOW (f->window));
  g_assert_true (display_test_wait_for (agenda_loaded, f->agenda));
  display_test_spin (200);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  display_test_destroy_windows ();
  g_clear_object (&f->store);
}

/* The agenda's events, "kind date" a line, overdue ones first. */
static char *
agenda_lines (Fixture *f)
{
  GListModel *model = signet_agenda_view_get_model (f->agenda);
  GString *lines = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(SignetEvent) event = g_list_model_get_item (model, i);

      if (signet_key_date_kind_is_commitment (signet_event_get_kind (event)))
        g_string_append_printf (lines, "%s %s\n", signet_key_date_kind_to_token (signet_event_get_kind (event)),
                                signet_event_get_date (event));
    }

  return g_string_free (lines, FALSE);
}

static gboolean
agenda_is (gpointer data)
{
  void **args = data;
  g_autofree char *lines = agenda_lines (args[0]);

  return g_strcmp0 (lines, args[1]) == 0;
}

static void
wait_for_agenda (Fixture    *f,
                 const char *expected)
{
  void *args[] = { f, (void *) expected };
  g_autofree char *lines = NULL;

  if (!display_test_wait_for (agenda_is, args))
    {
      lines = agenda_lines (f);
      g_assert_cmpstr (lines, ==, expected);
    }
}

/* What the row of a planned payment says under its contract. */
static char *
payment_words (const char *title,
               const char *what)
{
  /* As signet-event-row.c composes them. */
  g_autofree char *kind = g_strdup_printf (C_("calendar event", "%1$s: %2$s"),
                                           signet_key_date_kind_to_label (SIGNET_KEY_DATE_PAYMENT), title);

  return g_strdup_printf (C_("agenda", "%1$s · %2$s"), kind, what);
}

static void
save (Fixture    *f,
      GtkWidget  *widget,
      const char *name)
{
  const char *messages = setlocale (LC_MESSAGES, NULL);
  g_autofree char *file = g_strdup_printf ("%s-%s", name,
                                           g_str_has_prefix (messages, "zh_CN") ? "zh_CN" : "en");
  g_autofree char *path = display_test_save_screenshot (widget, file);

  g_test_message ("Saved %s", path);
}

static void
test_overdue (Fixture       *f,
              gconstpointer  data)
{
  g_autofree char *amount = signet_money_format (30000000, "CNY");
  g_autofree char *paid = signet_money_format (10000000, "CNY");
  /* Translators' words as the store makes them for the row. */
  g_autofree char *owed = g_strdup_printf (_("Receivable %s, %s paid"), amount, paid);
  g_autofree char *payment_row = payment_words ("首付款", owed);
  g_autoptr(GError) error = NULL;

  wait_for_agenda (f, "payment 2026-11-10\nloan 2026-11-15\npayment 2026-12-05\n");
  g_assert_true (display_test_shows_visible_label (f->window, _("Overdue")));
  g_assert_true (display_test_shows_label (f->window, "HT-2026-0001 维保服务"));
  {
    g_autofree char *display = signet_date_format_display ("2026-11-10");
    g_autofree char *details = g_strdup_printf (C_("agenda", "%1$s · %2$s · %3$s"), payment_row, display,
                                                "北京华信科技有限公司");

    g_assert_true (display_test_shows_visible_label (f->window, details));
  }
  save (f, f->window, "agenda-commitments");

  /* The rest received: the payment is settled, the loan still overdue. */
  pay (f, "2026-11-20", 20000000);
  wait_for_agenda (f, "loan 2026-11-15\npayment 2026-12-05\n");

  /* The original back: nothing overdue. */
  g_assert_true (signet_store_return_loan (f->store, f->loan_id, "2026-11-20", SIGNET_LOAN_CONDITION_INTACT, NULL,
                                           &error));
  g_assert_no_error (error);
  wait_for_agenda (f, "payment 2026-12-05\n");
  g_assert_false (display_test_shows_visible_label (f->window, _("Overdue")));
}

static gboolean
grid_has_chip (gpointer data)
{
  void **args = data;

  return display_test_shows_visible_label (args[0], args[1]);
}

static void
test_month_grid (Fixture       *f,
                 gconstpointer  data)
{
  GtkWidget *calendar = signet_calendar_view_new ();
  GtkWidget *window = adw_window_new ();
  g_autofree char *chip = g_strdup_printf (C_("calendar event", "%1$s · %2$s"), "维保服务", "首付款");
  void *args[] = { window, chip };

  signet_calendar_view_set_today (SIGNET_CALENDAR_VIEW (calendar), TODAY);
  signet_calendar_view_set_store (SIGNET_CALENDAR_VIEW (calendar), f->store);
  signet_calendar_view_set_month (SIGNET_CALENDAR_VIEW (calendar), 2026, 11);
  adw_window_set_content (ADW_WINDOW (window), calendar);
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 860);
  display_test_show (GTK_WINDOW (window));
  display_test_spin (300);
  save (f, window, "calendar-commitments");

  g_assert_true (display_test_wait_for (grid_has_chip, args));
  /* The loan's chip names the borrower. */
  g_free (chip);
  chip = g_strdup_printf (C_("calendar event", "%1$s · %2$s"), "维保服务", "王芳");
  args[1] = chip;
  g_assert_true (display_test_wait_for (grid_has_chip, args));

  /* The legend names every kind. */
  for (SignetKeyDateKind kind = SIGNET_KEY_DATE_START; kind <= SIGNET_KEY_DATE_LAST; kind++)
    g_assert_true (display_test_shows_visible_label (window, signet_key_date_kind_to_label (kind)));

}

static void
test_in_locale (gconstpointer data)
{
  if (!g_test_subprocess ())
    {
      display_test_run_in_locale (data);
      return;
    }

  if (!display_test_child_speaks_chinese ())
    return;

  {
    Fixture f = { 0 };

    fixture_set_up (&f, NULL);
    test_overdue (&f, NULL);
    fixture_tear_down (&f, NULL);
  }
  {
    Fixture f = { 0 };

    fixture_set_up (&f, NULL);
    test_month_grid (&f, NULL);
    fixture_tear_down (&f, NULL);
  }
}

/* The app's style, as AdwApplication loads it, for the colours of the
 * kinds. */
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
  display_test_bind_build_catalog ();
  load_style ();

  g_test_add ("/agenda-commitments/overdue", Fixture, NULL, fixture_set_up, test_overdue, fixture_tear_down);
  g_test_add ("/agenda-commitments/month-grid", Fixture, NULL, fixture_set_up, test_month_grid, fixture_tear_down);
  g_test_add_data_func ("/agenda-commitments/zh_CN", "zh_CN.UTF-8", test_in_locale);

  return g_test_run ();
}
