/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "display-test-utils.h"
#include "signet-contract-page.h"
#include "signet-contract-process.h"
#include "signet-date.h"
#include "signet-history-section.h"
#include "signet-money.h"
#include "signet-process-section.h"
#include "signet-renewals-section.h"
#include "signet-store-events.h"
#include "signet-store-renewals.h"
#include "signet-window.h"

/* Renew… on a signed contract's page: the dialog with the successor's
 * number, dates and a value raised by 3 %, Renew opening the successor's
 * page; the chain of three terms walked back and forth from the pages'
 * Renewals rows; nothing cut short at 360 px or in Chinese. */

#define PATTERN "HT-{YYYY}-{NNNN}"

typedef struct
{
  SignetStore        *store;
  SignetClient       *client;
  SignetContract     *contract;
  GtkWindow          *window;
  SignetContractPage *page;
  int                 width;
} Fixture;

static SignetContract *
add_signed (Fixture    *f,
            const char *number,
            const char *start,
            const char *end)
{
  SignetContract *contract = display_test_add_contract (f->store, f->client, number, "Office lease", 100000);

  signet_contract_set_signing_date (contract, "2025-12-20");
  signet_contract_set_start_date (contract, start);
  signet_contract_set_end_date (contract, end);
  signet_contract_set_notice_days (contract, 30);
  signet_contract_set_auto_renew (contract, TRUE);
  signet_contract_set_status (contract, SIGNET_CONTRACT_STATUS_SIGNED);
  g_assert_true (signet_store_update_contract (f->store, contract, NULL));

  return contract;
}

static void
open_contract (Fixture *f,
               gint64   id)
{
  signet_window_open_contract (SIGNET_WINDOW (f->window), id);
  display_test_spin (200);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  display_test_reset_settings ();
  f->width = GPOINTER_TO_INT (data);
  f->store = display_test_new_store ();
  signet_store_set_today (f->store, "2026-11-27");
  f->client = display_test_add_client (f->store, "Contoso", "C001");
  f->contract = add_signed (f, "HT-2026-0001", "2026-01-01", "2026-12-31");

  f->window = GTK_WINDOW (signet_window_new (NULL, f->store, NULL));
  gtk_window_set_default_size (f->window, f->width, 900);
  display_test_show (f->window);
  open_contract (f, signet_contract_get_id (f->contract));
  f->page = SIGNET_CONTRACT_PAGE (display_test_find_type (GTK_WIDGET (f->window), SIGNET_TYPE_CONTRACT_PAGE));
  g_assert_nonnull (signet_contract_page_get_contract (f->page));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  display_test_destroy_windows ();
  g_clear_object (&f->contract);
  g_clear_object (&f->client);
  g_clear_object (&f->store);
}

static const char *
shown_number (Fixture *f)
{
  SignetContract *contract = signet_contract_page_get_contract (f->page);

  return contract != NULL ? signet_contract_get_number (contract) : NULL;
}

/* No label under @root that is drawn is cut short with "…". */
static void
assert_nothing_truncated (GtkWidget *root)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      if (!gtk_widget_get_mapped (child))
        continue;
      if (GTK_IS_LABEL (child) && *gtk_label_get_text (GTK_LABEL (child)) != '\0')
        {
          g_test_message ("label “%s”", gtk_label_get_text (GTK_LABEL (child)));
          g_assert_false (pango_layout_is_ellipsized (gtk_label_get_layout (GTK_LABEL (child))));
        }
      assert_nothing_truncated (child);
    }
}

/* Whether a visible label under @root says @text, among other lines. */
static gboolean
says (GtkWidget  *root,
      const char *text)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      if (!gtk_widget_get_visible (child))
        continue;
      if (GTK_IS_LABEL (child) && strstr (gtk_label_get_text (GTK_LABEL (child)), text) != NULL)
        return TRUE;
      if (says (child, text))
        return TRUE;
    }

  return FALSE;
}

static void
look_at (Fixture    *f,
         const char *what)
{
  const char *lc_all = g_getenv ("LC_ALL");
  g_autofree char *language = g_strndup (lc_all != NULL ? lc_all : "C", strcspn (lc_all != NULL ? lc_all : "C", "."));
  g_autofree char *name = g_strdup_printf ("renewal-%s-%s-%d", what, language, f->width);

  /* Past the page's sliding in at narrow widths. */
  display_test_spin (500);
  g_free (display_test_save_screenshot (GTK_WIDGET (f->window), name));
}

static GtkWidget *
field (AdwAlertDialog *dialog,
       const char     *name)
{
  GtkWidget *widget = display_test_find_accessible (GTK_WIDGET (dialog), name);

  g_assert_nonnull (widget);

  return widget;
}

/* Renew on the page opens the dialog: the next number, 2027-01-01 to
 * 2027-12-31, the value now; +3 % makes it 1,030.00, and Renew makes the
 * successor, a draft, whose page opens with the chain; the predecessor is
 * Renewed and says so. */
static void
test_renew (Fixture       *f,
            gconstpointer  data)
{
  GtkWidget *process = display_test_find_type (GTK_WIDGET (f->page), SIGNET_TYPE_PROCESS_SECTION);
  GtkWidget *button = display_test_find_button (process, signet_process_action_to_label (SIGNET_PROCESS_ACTION_RENEW));
  g_autofree char *number = signet_store_next_contract_number (f->store, PATTERN, NULL);
  g_autofree char *start = signet_date_format_display ("2027-01-01");
  g_autofree char *end = signet_date_format_display ("2027-12-31");
  g_autofree char *now = signet_money_format_amount (100000, "CNY");
  g_autofree char *raised = signet_money_format_amount (103000, "CNY");
  g_autofree char *renewal_of = g_strdup_printf (_("Renewal of %s"), "HT-2026-0001");
  g_autoptr(SignetContract) successor = NULL;
  g_autoptr(SignetContract) predecessor = NULL;
  GtkWidget *renewals;
  GtkWidget *history;
  GtkWidget *entry;
  GtkWidget *change;
  AdwAlertDialog *dialog;
  gint64 successor_id;

  g_assert_nonnull (button);
  g_assert_true (gtk_widget_is_visible (button));
  assert_nothing_truncated (process);
  look_at (f, "process");
  g_signal_emit_by_name (button, "clicked");
  g_assert_true (display_test_wait_for (display_test_alert_shown, NULL));
  dialog = display_test_find_alert_dialog ();
  g_assert_cmpstr (adw_alert_dialog_get_heading (dialog), ==, _("Renew the Contract"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (field (dialog, _("New Number")))), ==, number);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (field (dialog, _("Start Date")))), ==, start);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (field (dialog, _("End Date")))), ==, end);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (field (dialog, _("New Value")))), ==, now);

  /* A start moved a month on moves the end with it; typed back, back. */
  {
    g_autofree char *later_start = signet_date_format_display ("2027-02-01");
    g_autofree char *later_end = signet_date_format_display ("2028-01-31");

    gtk_editable_set_text (GTK_EDITABLE (field (dialog, _("Start Date"))), later_start);
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (field (dialog, _("End Date")))), ==, later_end);
    gtk_editable_set_text (GTK_EDITABLE (field (dialog, _("Start Date"))), start);
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (field (dialog, _("End Date")))), ==, end);
  }

  adw_spin_row_set_value (ADW_SPIN_ROW (field (dialog, _("Adjust the Value by Percent"))), 3.0);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (field (dialog, _("New Value")))), ==, raised);
  /* Past its opening animation. */
  display_test_spin (800);
  assert_nothing_truncated (GTK_WIDGET (dialog));
  look_at (f, "dialog");

  display_test_respond ("renew");
  display_test_spin (300);

  successor_id = signet_store_get_renewal_successor (f->store, signet_contract_get_id (f->contract), NULL);
  g_assert_cmpint (successor_id, >, 0);
  successor = signet_store_get_contract (f->store, successor_id, NULL);
  g_assert_cmpstr (signet_contract_get_number (successor), ==, number);
  g_assert_cmpint (signet_contract_get_status (successor), ==, SIGNET_CONTRACT_STATUS_DRAFT);
  g_assert_cmpint (signet_contract_get_value (successor), ==, 103000);
  g_assert_cmpstr (signet_contract_get_start_date (successor), ==, "2027-01-01");
  predecessor = signet_store_get_contract (f->store, signet_contract_get_id (f->contract), NULL);
  g_assert_cmpint (signet_contract_get_status (predecessor), ==, SIGNET_CONTRACT_STATUS_RENEWED);

  /* The successor's page, with the chain, and its History saying what
   * it renews. */
  g_assert_cmpstr (shown_number (f), ==, number);
  renewals = display_test_find_type (GTK_WIDGET (f->page), SIGNET_TYPE_RENEWALS_SECTION);
  g_assert_nonnull (display_test_find_row (renewals, ADW_TYPE_ACTION_ROW, renewal_of));
  assert_nothing_truncated (renewals);
  history = display_test_find_type (GTK_WIDGET (f->page), SIGNET_TYPE_HISTORY_SECTION);
  entry = display_test_find_row (history, ADW_TYPE_EXPANDER_ROW, _("Created as a renewal"));
  g_assert_nonnull (entry);
  /* Its changes are made when it is first opened. */
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (entry), TRUE);
  change = display_test_find_row (entry, ADW_TYPE_ACTION_ROW, _("Renewal of"));
  g_assert_nonnull (change);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (change)), ==, "HT-2026-0001");
}

/* Three terms: from the middle one's page, "Renewal of" the first opens
 * it, whose "Renewed as" opens the middle one again, whose "Renewed as"
 * opens the last. The renewed ones say so at the top of their process. */
static void
test_chain (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(SignetContract) second = NULL;
  g_autoptr(SignetContract) third = NULL;
  g_autofree char *renewal_of_first = NULL;
  g_autofree char *renewed_as_second = NULL;
  g_autofree char *renewed_as_third = NULL;
  g_autofree char *first_renewed = NULL;
  g_autofree char *start = signet_date_format_display ("2027-01-01");
  GtkWidget *renewals;
  GtkWidget *row;

  second = signet_store_propose_renewal (f->store, signet_contract_get_id (f->contract), PATTERN, NULL);
  g_assert_true (signet_store_renew_contract (f->store, signet_contract_get_id (f->contract),
                                              signet_contract_get_version (f->contract), second, NULL, NULL, NULL));
  signet_contract_set_status (second, SIGNET_CONTRACT_STATUS_SIGNED);
  g_assert_true (signet_store_update_contract (f->store, second, NULL));
  g_clear_object (&second);
  second = signet_store_get_contract (f->store,
                                      signet_store_get_renewal_successor (f->store, signet_contract_get_id (f->contract), NULL),
                                      NULL);
  third = signet_store_propose_renewal (f->store, signet_contract_get_id (second), PATTERN, NULL);
  g_assert_true (signet_store_renew_contract (f->store, signet_contract_get_id (second),
                                              signet_contract_get_version (second), third, NULL, NULL, NULL));

  renewal_of_first = g_strdup_printf (_("Renewal of %s"), "HT-2026-0001");
  renewed_as_second = g_strdup_printf (_("Renewed as %s"), signet_contract_get_number (second));
  renewed_as_third = g_strdup_printf (_("Renewed as %s"), signet_contract_get_number (third));
  first_renewed = g_strdup_printf (_("Renewed as %s from %s: no further notice deadlines or reminders."),
                                   signet_contract_get_number (second), start);

  open_contract (f, signet_contract_get_id (second));
  g_assert_cmpstr (shown_number (f), ==, signet_contract_get_number (second));
  renewals = display_test_find_type (GTK_WIDGET (f->page), SIGNET_TYPE_RENEWALS_SECTION);
  g_assert_nonnull (display_test_find_row (renewals, ADW_TYPE_ACTION_ROW, renewed_as_third));
  assert_nothing_truncated (renewals);
  look_at (f, "chain");

  /* Back to the predecessor... */
  row = display_test_find_row (renewals, ADW_TYPE_ACTION_ROW, renewal_of_first);
  g_assert_nonnull (row);
  g_signal_emit_by_name (row, "activated");
  display_test_spin (300);
  g_assert_cmpstr (shown_number (f), ==, "HT-2026-0001");
  g_assert_true (says (display_test_find_type (GTK_WIDGET (f->page), SIGNET_TYPE_PROCESS_SECTION), first_renewed));

  /* ...and forward again, twice. */
  row = display_test_find_row (renewals, ADW_TYPE_ACTION_ROW, renewed_as_second);
  g_assert_nonnull (row);
  g_signal_emit_by_name (row, "activated");
  display_test_spin (300);
  g_assert_cmpstr (shown_number (f), ==, signet_contract_get_number (second));
  row = display_test_find_row (renewals, ADW_TYPE_ACTION_ROW, renewed_as_third);
  g_assert_nonnull (row);
  g_signal_emit_by_name (row, "activated");
  display_test_spin (300);
  g_assert_cmpstr (shown_number (f), ==, signet_contract_get_number (third));
}

static void
test_in_chinese (gconstpointer data)
{
  static const int widths[] = { 1200, 360 };

  if (!g_test_subprocess ())
    {
      display_test_run_in_locale ("zh_CN.UTF-8");
      return;
    }

  if (!display_test_child_speaks_chinese ())
    return;

  for (guint i = 0; i < G_N_ELEMENTS (widths); i++)
    {
      Fixture f = { 0, };

      fixture_set_up (&f, GINT_TO_POINTER (widths[i]));
      test_renew (&f, NULL);
      fixture_tear_down (&f, NULL);
      fixture_set_up (&f, GINT_TO_POINTER (widths[i]));
      test_chain (&f, NULL);
      fixture_tear_down (&f, NULL);
    }
}

int
main (int   argc,
      char *argv[])
{
  display_test_init (&argc, &argv);
  display_test_bind_build_catalog ();

  g_test_add ("/renewals/1200/renew", Fixture, GINT_TO_POINTER (1200), fixture_set_up, test_renew, fixture_tear_down);
  g_test_add ("/renewals/360/renew", Fixture, GINT_TO_POINTER (360), fixture_set_up, test_renew, fixture_tear_down);
  g_test_add ("/renewals/1200/chain", Fixture, GINT_TO_POINTER (1200), fixture_set_up, test_chain, fixture_tear_down);
  g_test_add ("/renewals/360/chain", Fixture, GINT_TO_POINTER (360), fixture_set_up, test_chain, fixture_tear_down);
  g_test_add_data_func ("/renewals/zh_CN", NULL, test_in_chinese);

  return g_test_run ();
}
