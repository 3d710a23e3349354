/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "display-test-utils.h"
#include "signet-amendments-section.h"
#include "signet-contract-page.h"
#include "signet-date.h"
#include "signet-history-section.h"
#include "signet-money.h"
#include "signet-store-amendments.h"
#include "signet-store-events.h"
#include "signet-window.h"

/* A signed contract on its page: its terms locked, Amend… opening the
 * amendment dialog, an amendment raising the value shown as the value in
 * force, marked, with the original in its tooltip, and listed. */

typedef struct
{
  SignetStore        *store;
  SignetContract     *contract;
  GtkWindow          *window;
  SignetContractPage *page;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(SignetClient) client = NULL;

  display_test_reset_settings ();
  f->store = display_test_new_store ();
  signet_store_set_today (f->store, "2026-11-27");
  client = display_test_add_client (f->store, "Contoso", "C001");
  f->contract = display_test_add_contract (f->store, client, "HT-2026-0042", "Cleaning services", 100000);
  signet_contract_set_signing_date (f->contract, "2026-03-20");
  signet_contract_set_start_date (f->contract, "2026-04-02");
  signet_contract_set_end_date (f->contract, "2027-04-01");
  signet_contract_set_auto_renew (f->contract, TRUE);
  signet_contract_set_notice_days (f->contract, 60);
  signet_contract_set_status (f->contract, GPOINTER_TO_INT (data) ? SIGNET_CONTRACT_STATUS_SIGNED
                                                                : SIGNET_CONTRACT_STATUS_DRAFT);
  g_assert_true (signet_store_update_contract (f->store, f->contract, NULL));

  f->window = GTK_WINDOW (signet_window_new (NULL, f->store, NULL));
  display_test_show (f->window);
  signet_window_open_contract (SIGNET_WINDOW (f->window), signet_contract_get_id (f->contract));
  display_test_spin (200);
  f->page = SIGNET_CONTRACT_PAGE (display_test_find_type (GTK_WIDGET (f->window), SIGNET_TYPE_CONTRACT_PAGE));
  g_assert_nonnull (signet_contract_page_get_contract (f->page));
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
assert_field_sensitive (Fixture    *f,
                        const char *name,
                        gboolean    sensitive)
{
  GtkWidget *field = display_test_find_form_field (GTK_WIDGET (f->page), name);

  g_test_message ("%s", name);
  g_assert_nonnull (field);
  g_assert_cmpint (gtk_widget_is_sensitive (field), ==, sensitive);
}

/* The row over the form that says why the terms are locked. */
static GtkWidget *
find_lock_row (Fixture *f)
{
  return display_test_find_row (GTK_WIDGET (f->page), ADW_TYPE_ACTION_ROW, "Signed contracts change by amendment.");
}

/* A signed contract's number, client, title, value, currency, dates and
 * notice period are insensitive; its notes, tags, owner, department and
 * risk are not. A row over them says why, and its Amend… opens the
 * dialog. */
static void
test_locked (Fixture       *f,
             gconstpointer  data)
{
  static const char * const locked[] = {
    "Number", "Title", "Client", "Value", "Currency", "Signing Date", "Start Date", "End Date", "Notice Period",
  };
  static const char * const open[] = { "Tags", "Department", "Risk Level", "Notes" };
  GtkWidget *lock_row = find_lock_row (f);
  AdwAlertDialog *dialog;

  for (guint i = 0; i < G_N_ELEMENTS (locked); i++)
    assert_field_sensitive (f, locked[i], FALSE);
  for (guint i = 0; i < G_N_ELEMENTS (open); i++)
    assert_field_sensitive (f, open[i], TRUE);

  g_assert_nonnull (lock_row);
  g_assert_true (gtk_widget_is_visible (lock_row));

  g_signal_emit_by_name (display_test_find_button (lock_row, "Amend…"), "clicked");
  g_assert_true (display_test_wait_for (display_test_alert_shown, NULL));
  dialog = display_test_find_alert_dialog ();
  g_assert_cmpstr (adw_alert_dialog_get_heading (dialog), ==, "Amend the Contract");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (display_test_find_accessible (GTK_WIDGET (dialog), "Amendment Number"))),
                   ==, "HT-2026-0042-A1");
  display_test_respond ("cancel");
}

/* A draft: every field editable, no lock row, no amendments section. */
static void
test_draft_open (Fixture       *f,
                 gconstpointer  data)
{
  GtkWidget *lock_row = find_lock_row (f);
  GtkWidget *section = display_test_find_type (GTK_WIDGET (f->page), SIGNET_TYPE_AMENDMENTS_SECTION);

  assert_field_sensitive (f, "Value", TRUE);
  assert_field_sensitive (f, "End Date", TRUE);
  g_assert_false (lock_row != NULL && gtk_widget_is_visible (lock_row));
  g_assert_false (gtk_widget_get_visible (section));
}

/* Through the dialog, as a user does; its rows are found by their names
 * in the language of the run (the screenshots are taken in three). */
static void
raise_value (Fixture    *f,
             const char *value)
{
  GtkWidget *section = display_test_find_type (GTK_WIDGET (f->page), SIGNET_TYPE_AMENDMENTS_SECTION);
  AdwAlertDialog *dialog;

  g_assert_true (gtk_widget_activate_action (section, "amendments.add", NULL));
  g_assert_true (display_test_wait_for (display_test_alert_shown, NULL));
  dialog = display_test_find_alert_dialog ();
  adw_expander_row_set_enable_expansion (ADW_EXPANDER_ROW (display_test_find_row (GTK_WIDGET (dialog),
                                                                                  ADW_TYPE_EXPANDER_ROW,
                                                                                  _("New Value"))), TRUE);
  gtk_editable_set_text (GTK_EDITABLE (display_test_find_accessible (GTK_WIDGET (dialog), _("New Value"))), value);
  gtk_editable_set_text (GTK_EDITABLE (display_test_find_accessible (GTK_WIDGET (dialog), _("Reason"))),
                         "价格上调 3%");
  display_test_respond ("add");
  display_test_spin (100);
}

static GtkWidget *
find_tag (GtkWidget *row)
{
  return display_test_find_label (row, "amended");
}

/* The amendment raising the value: the value in force is the new one,
 * marked, with the original and the amendment in its tooltip; the
 * amendments list it; the form keeps the value as signed. */
static void
test_raise_value (Fixture       *f,
                  gconstpointer  data)
{
  GtkWidget *section = display_test_find_type (GTK_WIDGET (f->page), SIGNET_TYPE_AMENDMENTS_SECTION);
  g_autoptr(GPtrArray) amendments = NULL;
  GtkWidget *value_row;
  GtkWidget *title_row;
  GtkWidget *tag;
  GtkWidget *listed;
  g_autofree char *original = signet_money_format (100000, "CNY");
  g_autofree char *raised = signet_money_format (103000, "CNY");

  raise_value (f, "1030.00");

  amendments = signet_store_list_amendments (f->store, signet_contract_get_id (f->contract), NULL);
  g_assert_cmpuint (amendments->len, ==, 1);

  value_row = display_test_find_row (section, ADW_TYPE_ACTION_ROW, "Value");
  g_assert_nonnull (value_row);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (value_row)), ==, raised);
  tag = find_tag (value_row);
  g_assert_nonnull (tag);
  g_assert_true (gtk_widget_get_visible (tag));
  g_assert_nonnull (strstr (gtk_widget_get_tooltip_text (tag), original));
  g_assert_nonnull (strstr (gtk_widget_get_tooltip_text (tag), "HT-2026-0042-A1"));

  /* The title was not amended: not marked. */
  title_row = display_test_find_row (section, ADW_TYPE_ACTION_ROW, "Title");
  g_assert_false (gtk_widget_get_visible (find_tag (title_row)));

  listed = display_test_find_row (section, ADW_TYPE_ACTION_ROW, "HT-2026-0042-A1 · in effect since 2026-11-27");
  g_assert_nonnull (listed);
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (listed)), raised));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (listed)), "价格上调 3%"));

  /* As signed, in the locked form. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (display_test_find_form_field (GTK_WIDGET (f->page), "Value"))),
                   ==, "1,000.00");
}

/* Deleted from its row, with Undo bringing it back. */
static void
test_delete (Fixture       *f,
             gconstpointer  data)
{
  GtkWidget *section = display_test_find_type (GTK_WIDGET (f->page), SIGNET_TYPE_AMENDMENTS_SECTION);
  g_autoptr(GPtrArray) amendments = NULL;
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(GPtrArray) restored = NULL;

  raise_value (f, "1030.00");
  amendments = signet_store_list_amendments (f->store, signet_contract_get_id (f->contract), NULL);
  g_assert_cmpuint (amendments->len, ==, 1);

  g_assert_true (gtk_widget_activate_action (section, "amendments.delete", "x",
                                             ((SignetAmendment *) amendments->pdata[0])->id));
  display_test_spin (100);
  after = signet_store_list_amendments (f->store, signet_contract_get_id (f->contract), NULL);
  g_assert_cmpuint (after->len, ==, 0);
  g_assert_null (display_test_find_row (section, ADW_TYPE_ACTION_ROW, "HT-2026-0042-A1 · in effect since 2026-11-27"));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL));
  display_test_spin (100);
  restored = signet_store_list_amendments (f->store, signet_contract_get_id (f->contract), NULL);
  g_assert_cmpuint (restored->len, ==, 1);
  g_assert_nonnull (display_test_find_row (section, ADW_TYPE_ACTION_ROW, "HT-2026-0042-A1 · in effect since 2026-11-27"));
}

/* The page's top and the page scrolled to the amendments, at 1200 and
 * 360 px, in the language of LC_ALL (amended-LANG-WIDTH[-top].png beside
 * the test), and Amend the Contract with a new end date switched on
 * (amend-dialog-LANG-WIDTH.png). */
static void
test_looks (Fixture       *f,
            gconstpointer  data)
{
  static const int widths[] = { 1200, 360 };
  const char *lc_all = g_getenv ("LC_ALL");
  g_autofree char *language = g_strndup (lc_all != NULL ? lc_all : "C", strcspn (lc_all != NULL ? lc_all : "C", "."));
  GtkWidget *section = display_test_find_type (GTK_WIDGET (f->page), SIGNET_TYPE_AMENDMENTS_SECTION);
  GtkScrolledWindow *scrolled = GTK_SCROLLED_WINDOW (gtk_widget_get_ancestor (section, GTK_TYPE_SCROLLED_WINDOW));
  /* In the locale's own form, as a user there types it. */
  g_autofree char *raised = signet_money_format_amount (103000, "CNY");

  raise_value (f, raised);

  for (guint i = 0; i < G_N_ELEMENTS (widths); i++)
    {
      g_autofree char *top = g_strdup_printf ("amended-%s-%d-top", language, widths[i]);
      g_autofree char *name = g_strdup_printf ("amended-%s-%d", language, widths[i]);
      g_autofree char *dialog = g_strdup_printf ("amend-dialog-%s-%d", language, widths[i]);
      graphene_point_t point;

      display_test_resize (f->window, widths[i], 900);
      gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (scrolled), 0);
      display_test_spin (200);
      g_free (display_test_save_screenshot (GTK_WIDGET (f->window), top));

      g_assert_true (gtk_widget_compute_point (section, gtk_scrolled_window_get_child (scrolled),
                                               &GRAPHENE_POINT_INIT (0, 0), &point));
      gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (scrolled), point.y - 24);
      display_test_spin (200);
      g_free (display_test_save_screenshot (GTK_WIDGET (f->window), name));

      g_assert_true (gtk_widget_activate_action (section, "amendments.add", NULL));
      g_assert_true (display_test_wait_for (display_test_alert_shown, NULL));
      adw_expander_row_set_enable_expansion (ADW_EXPANDER_ROW (display_test_find_row (
        GTK_WIDGET (display_test_find_alert_dialog ()), ADW_TYPE_EXPANDER_ROW, _("New End Date"))), TRUE);
      /* Past its opening animation. */
      display_test_spin (1000);
      g_free (display_test_save_screenshot (GTK_WIDGET (f->window), dialog));
      display_test_respond ("cancel");
      /* The dialog's closing animation runs out before the window is
       * resized: resized during it, libadwaita 1.7.6 crashed in its
       * allocation here. */
      display_test_spin (500);
    }
}

/* Amendment @n of the contract, in effect since 2026-05-0@n, raising its
 * value by ¥@n0. */
static void
add_amendment (Fixture *f,
               guint    n)
{
  g_autoptr(SignetAmendment) amendment = signet_amendment_new (signet_contract_get_id (f->contract));
  g_autoptr(GError) error = NULL;

  amendment->number = g_strdup_printf ("HT-2026-0042-A%u", n);
  amendment->effective_date = g_strdup_printf ("2026-05-%02u", n);
  amendment->signing_date = g_strdup (amendment->effective_date);
  amendment->reason = g_strdup_printf ("第 %u 次价格调整", n);
  amendment->changes = SIGNET_AMENDED_TERM_FLAG (SIGNET_AMENDED_VALUE);
  amendment->value = 100000 + n * 1000;
  amendment->currency = g_strdup ("CNY");
  g_assert_true (signet_store_add_amendment (f->store, amendment, &error));
  g_assert_no_error (error);
}

/* Its row, found by its title in the language of the run. */
static GtkWidget *
listed_amendment (GtkWidget *section,
                  guint      n)
{
  g_autofree char *number = g_strdup_printf ("HT-2026-0042-A%u", n);
  g_autofree char *date = g_strdup_printf ("2026-05-%02u", n);
  g_autofree char *effective = signet_date_format_display (date);
  g_autofree char *title = g_strdup_printf (_("%s · in effect since %s"), number, effective);

  return display_test_find_row (section, ADW_TYPE_ACTION_ROW, title);
}

/* The History's entries listed: its expander rows. */
static guint
count_entries (GtkWidget *root)
{
  guint n = ADW_IS_EXPANDER_ROW (root) && gtk_widget_get_visible (root) ? 1 : 0;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    n += count_entries (child);

  return n;
}

/* The title of the row that shows all @n amendments, in the language of
 * the run. */
static char *
show_all_title (guint n)
{
  return g_strdup_printf (ngettext ("Show All %u Amendment", "Show All %u Amendments", n), n);
}

/* A contract amended six times lists its newest three amendments under a
 * "Show All 6 Amendments" row, which lists them all where it was and
 * leaves the keyboard on the first; they stay listed when the section
 * reloads (a seventh added), not for the next contract opened. Its
 * History lists the newest five entries and a row that lists the rest.
 * In the language of LC_ALL, with screenshots of the section and the
 * History (amendments-show-all-LANG.png, history-earlier-LANG.png beside
 * the test). */
static void
test_show_all (Fixture       *f,
               gconstpointer  data)
{
  GtkWidget *section = display_test_find_type (GTK_WIDGET (f->page), SIGNET_TYPE_AMENDMENTS_SECTION);
  GtkWidget *history = display_test_find_type (GTK_WIDGET (f->page), SIGNET_TYPE_HISTORY_SECTION);
  GtkScrolledWindow *scrolled = GTK_SCROLLED_WINDOW (gtk_widget_get_ancestor (section, GTK_TYPE_SCROLLED_WINDOW));
  g_autoptr(SignetClient) client = display_test_add_client (f->store, "Fabrikam", "C002");
  g_autoptr(SignetContract) other = display_test_add_contract (f->store, client, "HT-2026-0043", "Security", 5000);
  g_autoptr(GPtrArray) entries = NULL;
  g_autofree char *entries_title = NULL;
  g_autofree char *six = show_all_title (6);
  g_autofree char *seven = show_all_title (7);
  g_autofree char *shot = NULL;
  const char *lc_all = g_getenv ("LC_ALL");
  GtkWidget *show_all;
  GtkWidget *earlier;
  GtkWidget *first;
  GtkAdjustment *adjustment;
  graphene_point_t point;
  guint n_entries;

  for (guint n = 1; n <= 6; n++)
    add_amendment (f, n);
  display_test_spin (100);

  for (guint n = 1; n <= 3; n++)
    g_assert_null (listed_amendment (section, n));
  for (guint n = 4; n <= 6; n++)
    g_assert_nonnull (listed_amendment (section, n));
  show_all = display_test_find_row (section, ADW_TYPE_BUTTON_ROW, six);
  g_assert_nonnull (show_all);
  g_assert_true (gtk_widget_is_visible (show_all));
  /* In the earlier ones' place, above the newest. */
  g_assert_null (gtk_widget_get_prev_sibling (show_all));

  display_test_resize (f->window, 1200, 900);
  g_assert_true (gtk_widget_compute_point (section, gtk_scrolled_window_get_child (scrolled),
                                           &GRAPHENE_POINT_INIT (0, 0), &point));
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (scrolled), point.y - 24);
  display_test_spin (200);
  shot = g_strdup_printf ("amendments-show-all-%.*s", (int) strcspn (lc_all != NULL ? lc_all : "C", "."),
                          lc_all != NULL ? lc_all : "C");
  g_free (display_test_save_screenshot (GTK_WIDGET (f->window), shot));

  g_signal_emit_by_name (show_all, "activated");
  display_test_spin (100);
  g_assert_null (display_test_find_row (section, ADW_TYPE_BUTTON_ROW, six));
  for (guint n = 1; n <= 6; n++)
    g_assert_nonnull (listed_amendment (section, n));
  first = listed_amendment (section, 1);
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (f->window)), first) ||
                 gtk_root_get_focus (GTK_ROOT (f->window)) == first);

  add_amendment (f, 7);
  display_test_spin (100);
  g_assert_nonnull (listed_amendment (section, 1));
  g_assert_nonnull (listed_amendment (section, 7));

  /* The History: created, then seven amendments. */
  entries = signet_store_list_audit (f->store, SIGNET_RECORD_CONTRACT, signet_contract_get_id (f->contract), NULL);
  n_entries = entries->len;
  g_assert_cmpuint (n_entries, >, 7);
  g_assert_cmpuint (count_entries (history), ==, 5);
  entries_title = g_strdup_printf (ngettext ("Show %u Earlier Entry", "Show %u Earlier Entries", n_entries - 5),
                                   n_entries - 5);
  earlier = display_test_find_row (history, ADW_TYPE_BUTTON_ROW, entries_title);
  g_assert_nonnull (earlier);
  g_assert_true (gtk_widget_is_visible (earlier));
  /* The page's end, where the History is. */
  adjustment = gtk_scrolled_window_get_vadjustment (scrolled);
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment));
  display_test_spin (200);
  g_free (shot);
  shot = g_strdup_printf ("history-earlier-%.*s", (int) strcspn (lc_all != NULL ? lc_all : "C", "."),
                          lc_all != NULL ? lc_all : "C");
  g_free (display_test_save_screenshot (GTK_WIDGET (f->window), shot));
  g_signal_emit_by_name (earlier, "activated");
  display_test_spin (100);
  g_assert_cmpuint (count_entries (history), ==, n_entries);
  g_assert_null (display_test_find_row (history, ADW_TYPE_BUTTON_ROW, entries_title));

  /* Another contract, then this one again: the newest three. */
  signet_window_open_contract (SIGNET_WINDOW (f->window), signet_contract_get_id (other));
  display_test_spin (200);
  signet_window_open_contract (SIGNET_WINDOW (f->window), signet_contract_get_id (f->contract));
  display_test_spin (200);
  g_assert_null (listed_amendment (section, 1));
  g_assert_nonnull (listed_amendment (section, 7));
  g_assert_nonnull (display_test_find_row (section, ADW_TYPE_BUTTON_ROW, seven));
  g_assert_cmpuint (count_entries (history), ==, 5);
}

int
main (int   argc,
      char *argv[])
{
  display_test_init (&argc, &argv);
  display_test_bind_build_catalog ();

  g_test_add ("/amendments-section/locked", Fixture, GINT_TO_POINTER (TRUE), fixture_set_up, test_locked, fixture_tear_down);
  g_test_add ("/amendments-section/draft-open", Fixture, GINT_TO_POINTER (FALSE), fixture_set_up,
              test_draft_open, fixture_tear_down);
  g_test_add ("/amendments-section/raise-value", Fixture, GINT_TO_POINTER (TRUE), fixture_set_up,
              test_raise_value, fixture_tear_down);
  g_test_add ("/amendments-section/delete", Fixture, GINT_TO_POINTER (TRUE), fixture_set_up,
              test_delete, fixture_tear_down);
  g_test_add ("/amendments-section/looks", Fixture, GINT_TO_POINTER (TRUE), fixture_set_up,
              test_looks, fixture_tear_down);
  g_test_add ("/amendments-section/show-all", Fixture, GINT_TO_POINTER (TRUE), fixture_set_up,
              test_show_all, fixture_tear_down);

  return g_test_run ();
}
