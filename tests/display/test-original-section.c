/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "display-test-utils.h"
#include "signet-contract-page.h"
#include "signet-original-section.h"
#include "signet-person.h"
#include "signet-store-events.h"
#include "signet-store-originals.h"
#include "signet-store-people.h"
#include "signet-window.h"

/* A contract's paper original on its page, through the section's
 * controls: recorded, lent to a person of People (their department
 * filled in), Lend… off while it is out, overdue in red by the store's
 * day, returned, and the lending history; the History names the
 * borrower. A loan deleted from the history, and the record of an
 * original never lent, come back by the toast's Undo. */

typedef struct
{
  SignetStore        *store;
  SignetContract     *contract;
  gint64              wang;
  GtkWindow          *window;
  SignetContractPage *page;
  GtkWidget          *section;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(SignetClient) client = NULL;
  g_autoptr(SignetPerson) person = signet_person_new ();

  display_test_reset_settings ();
  f->store = display_test_new_store ();
  signet_store_set_today (f->store, "2026-11-02");
  client = display_test_add_client (f->store, "Contoso", "C001");
  f->contract = display_test_add_contract (f->store, client, "HT-2026-0042", "Cleaning services", 100000);
  signet_person_set_name (person, "王芳");
  signet_person_set_department (person, "法务部");
  g_assert_true (signet_store_add_person (f->store, person, NULL));
  f->wang = signet_person_get_id (person);

  f->window = GTK_WINDOW (signet_window_new (NULL, f->store, NULL));
  display_test_show (f->window);
  signet_window_open_contract (SIGNET_WINDOW (f->window), signet_contract_get_id (f->contract));
  display_test_spin (200);
  f->page = SIGNET_CONTRACT_PAGE (display_test_find_type (GTK_WIDGET (f->window), SIGNET_TYPE_CONTRACT_PAGE));
  f->section = display_test_find_type (GTK_WIDGET (f->page), SIGNET_TYPE_ORIGINAL_SECTION);
  g_assert_nonnull (f->section);
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
  gtk_editable_set_text (GTK_EDITABLE (field), text);
}

/* Record Original… through its dialog, in the language of the run. */
static void
record_original (Fixture *f)
{
  AdwAlertDialog *dialog;

  g_assert_true (gtk_widget_activate_action (f->section, "original.edit", NULL));
  g_assert_true (display_test_wait_for (display_test_alert_shown, NULL));
  dialog = display_test_find_alert_dialog ();
  set_field (dialog, _("Archive Number"), "DA-2026-017");
  set_field (dialog, _("Room"), "3");
  set_field (dialog, _("Cabinet"), "B");
  set_field (dialog, _("Shelf"), "2");
  set_field (dialog, _("Box"), "14");
  display_test_respond ("save");
  display_test_spin (100);
}

/* Lend… through its dialog: 王芳 chosen, for litigation. */
static void
lend (Fixture *f)
{
  AdwAlertDialog *dialog;
  GtkWidget *borrower;

  g_assert_true (gtk_widget_activate_action (f->section, "original.lend", NULL));
  g_assert_true (display_test_wait_for (display_test_alert_shown, NULL));
  dialog = display_test_find_alert_dialog ();
  /* Nobody chosen yet: Lend is off. */
  g_assert_false (adw_alert_dialog_get_response_enabled (dialog, "lend"));
  borrower = display_test_find_row (GTK_WIDGET (dialog), ADW_TYPE_COMBO_ROW, _("Borrower"));
  adw_combo_row_set_selected (ADW_COMBO_ROW (borrower), 1);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (display_test_find_accessible (GTK_WIDGET (dialog),
                                                                                        _("Department")))),
                   ==, "法务部");
  g_assert_false (adw_alert_dialog_get_response_enabled (dialog, "lend"));
  set_field (dialog, _("Purpose"), "诉讼取证");
  g_assert_true (adw_alert_dialog_get_response_enabled (dialog, "lend"));
  display_test_respond ("lend");
  display_test_spin (100);
}

/* No original: the section says so and offers Record Original…, no
 * Lend…. Recorded through the dialog: its number and location shown, in
 * the archive. Lent: on loan to 王芳 (法务部) due in 14 days, Lend… off
 * with a tooltip saying to whom; the store holds the loan. */
static void
test_record_and_lend (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(SignetOriginal) original = NULL;
  g_autoptr(SignetLoan) loan = NULL;
  GtkWidget *lend_button;
  GtkWidget *row;

  g_assert_true (gtk_widget_get_visible (f->section));
  g_assert_true (display_test_shows_visible_label (f->section, "No paper original recorded. Record where the signed "
                                                               "original is kept to lend it and find it again."));
  g_assert_nonnull (display_test_find_button (f->section, "Record Original…"));
  lend_button = display_test_find_button (f->section, "Lend…");
  g_assert_false (gtk_widget_get_visible (lend_button));

  record_original (f);
  original = signet_store_get_original (f->store, signet_contract_get_id (f->contract), NULL);
  g_assert_nonnull (original);
  g_assert_cmpstr (original->archive_number, ==, "DA-2026-017");
  row = display_test_find_row (f->section, ADW_TYPE_ACTION_ROW, "Archive Number");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, "DA-2026-017");
  row = display_test_find_row (f->section, ADW_TYPE_ACTION_ROW, "Location");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, "Room 3 · Cabinet B · Shelf 2 · Box 14");
  g_assert_nonnull (display_test_find_row (f->section, ADW_TYPE_ACTION_ROW, "In the Archive"));
  g_assert_true (gtk_widget_get_visible (lend_button));
  g_assert_true (gtk_widget_is_sensitive (lend_button));

  lend (f);
  loan = signet_store_get_open_loan (f->store, signet_contract_get_id (f->contract), NULL);
  g_assert_nonnull (loan);
  g_assert_cmpint (loan->borrower_id, ==, f->wang);
  g_assert_cmpstr (loan->due_on, ==, "2026-11-16");
  row = display_test_find_row (f->section, ADW_TYPE_ACTION_ROW, "On loan to 王芳 (法务部)");
  g_assert_nonnull (row);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==,
                   "诉讼取证 · Lent on 2026-11-02, due on 2026-11-16");
  g_assert_false (gtk_widget_has_css_class (row, "error"));
  g_assert_false (gtk_widget_is_sensitive (lend_button));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (lend_button), ==, "On loan to 王芳 since 2026-11-02, due 2026-11-16");
  /* The lending history lists it; the contract's History names the
   * borrower. */
  g_assert_nonnull (display_test_find_row (f->section, ADW_TYPE_ACTION_ROW, "王芳 (法务部)"));
  g_assert_nonnull (display_test_find_row (GTK_WIDGET (f->page), ADW_TYPE_EXPANDER_ROW, "Lent to 王芳"));
  g_assert_nonnull (display_test_find_row (GTK_WIDGET (f->page), ADW_TYPE_EXPANDER_ROW, "Original archived"));
}

static void
lend_in_store (Fixture    *f,
               const char *lent_on,
               const char *due_on,
               const char *returned_on)
{
  g_autoptr(SignetLoan) loan = signet_loan_new (signet_contract_get_id (f->contract));
  g_autoptr(GError) error = NULL;

  loan->borrower_id = f->wang;
  loan->department = g_strdup ("法务部");
  loan->purpose = g_strdup ("审计");
  loan->lent_on = g_strdup (lent_on);
  loan->due_on = g_strdup (due_on);
  loan->returned_on = g_strdup (returned_on);
  loan->condition = returned_on != NULL ? SIGNET_LOAN_CONDITION_INTACT : SIGNET_LOAN_CONDITION_NONE;
  g_assert_true (signet_store_add_loan (f->store, loan, &error));
  g_assert_no_error (error);
}

/* Lent on 2026-10-20, due 2026-11-01; the store's day 2026-11-08: the
 * loan out is red, overdue by 7 days. Return… records it back today; the
 * section then shows the original in the archive and the loan 7 days
 * late, and offers Lend… again. */
static void
test_overdue_and_return (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(SignetOriginal) original = signet_original_new (signet_contract_get_id (f->contract));
  GtkWidget *row;

  signet_store_set_today (f->store, "2026-11-08");
  original->archive_number = g_strdup ("DA-9");
  g_assert_true (signet_store_save_original (f->store, original, NULL));
  lend_in_store (f, "2026-10-20", "2026-11-01", NULL);
  display_test_spin (100);

  row = display_test_find_row (f->section, ADW_TYPE_ACTION_ROW, "On loan to 王芳 (法务部)");
  g_assert_nonnull (row);
  g_assert_true (gtk_widget_has_css_class (row, "error"));
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==,
                   "审计 · Lent on 2026-10-20, due on 2026-11-01: overdue by 7 days");

  g_assert_true (gtk_widget_activate_action (f->section, "original.return", NULL));
  g_assert_true (display_test_wait_for (display_test_alert_shown, NULL));
  g_assert_cmpstr (adw_alert_dialog_get_heading (display_test_find_alert_dialog ()), ==, "Return from 王芳");
  display_test_respond ("return");
  display_test_spin (100);

  g_assert_null (signet_store_get_open_loan (f->store, signet_contract_get_id (f->contract), NULL));
  g_assert_null (display_test_find_row (f->section, ADW_TYPE_ACTION_ROW, "On loan to 王芳 (法务部)"));
  g_assert_nonnull (display_test_find_row (f->section, ADW_TYPE_ACTION_ROW, "In the Archive"));
  row = display_test_find_row (f->section, ADW_TYPE_ACTION_ROW, "王芳 (法务部)");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==,
                   "审计 · Lent on 2026-10-20, returned on 2026-11-08, 7 days late");
  g_assert_true (gtk_widget_is_sensitive (display_test_find_button (f->section, "Lend…")));
  g_assert_nonnull (display_test_find_row (GTK_WIDGET (f->page), ADW_TYPE_EXPANDER_ROW, "Returned by 王芳"));
}

static guint
count_history_rows (Fixture *f)
{
  guint n = 0;

  for (GtkWidget *row = display_test_find_row (f->section, ADW_TYPE_ACTION_ROW, "王芳 (法务部)");
       row != NULL; row = gtk_widget_get_next_sibling (row))
    n += ADW_IS_ACTION_ROW (row);

  return n;
}

/* Six loans: the newest three and "Show All 6 Loans", which lists them
 * all. */
static void
test_show_all (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(SignetOriginal) original = signet_original_new (signet_contract_get_id (f->contract));
  GtkWidget *show_all;

  original->archive_number = g_strdup ("DA-9");
  g_assert_true (signet_store_save_original (f->store, original, NULL));
  for (guint i = 1; i <= 6; i++)
    {
      g_autofree char *lent = g_strdup_printf ("2026-0%u-01", i);
      g_autofree char *due = g_strdup_printf ("2026-0%u-10", i);

      lend_in_store (f, lent, due, due);
    }
  display_test_spin (100);

  g_assert_cmpuint (count_history_rows (f), ==, 3);
  show_all = display_test_find_row (f->section, ADW_TYPE_BUTTON_ROW, "Show All 6 Loans");
  g_assert_nonnull (show_all);
  g_signal_emit_by_name (show_all, "activated");
  display_test_spin (100);
  g_assert_cmpuint (count_history_rows (f), ==, 6);
  g_assert_null (display_test_find_row (f->section, ADW_TYPE_BUTTON_ROW, "Show All 6 Loans"));
}

/* A loan recorded by mistake deleted from its row in the lending history:
 * the original is in the archive again, the History says so; the toast's
 * Undo brings the loan back, on loan to 王芳 as before. */
static void
test_delete_undo (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(SignetOriginal) original = signet_original_new (signet_contract_get_id (f->contract));
  g_autoptr(SignetLoan) before = NULL;
  g_autoptr(SignetLoan) restored = NULL;
  GtkWidget *delete;
  GtkWidget *undo;

  original->archive_number = g_strdup ("DA-9");
  g_assert_true (signet_store_save_original (f->store, original, NULL));
  lend_in_store (f, "2026-11-02", "2026-11-16", NULL);
  display_test_spin (100);
  before = signet_store_get_open_loan (f->store, signet_contract_get_id (f->contract), NULL);
  g_assert_nonnull (before);
  g_assert_nonnull (display_test_find_row (f->section, ADW_TYPE_ACTION_ROW, "On loan to 王芳 (法务部)"));

  delete = display_test_find_accessible (f->section, "Delete the loan to 王芳 of 2026-11-02");
  g_assert_nonnull (delete);
  g_assert_cmpstr (gtk_widget_get_tooltip_text (delete), ==, "Delete this loan");
  g_signal_emit_by_name (delete, "clicked");
  display_test_spin (100);

  g_assert_null (signet_store_get_open_loan (f->store, signet_contract_get_id (f->contract), NULL));
  g_assert_null (display_test_find_row (f->section, ADW_TYPE_ACTION_ROW, "On loan to 王芳 (法务部)"));
  g_assert_nonnull (display_test_find_row (f->section, ADW_TYPE_ACTION_ROW, "In the Archive"));
  g_assert_null (display_test_find_row (f->section, ADW_TYPE_ACTION_ROW, "王芳 (法务部)"));
  g_assert_true (gtk_widget_is_sensitive (display_test_find_button (f->section, "Lend…")));
  g_assert_nonnull (display_test_find_row (GTK_WIDGET (f->page), ADW_TYPE_EXPANDER_ROW, "Loan deleted"));
  g_assert_true (display_test_shows_visible_label (GTK_WIDGET (f->window), "Loan to 王芳 deleted"));

  undo = display_test_find_button (GTK_WIDGET (f->window), "Undo");
  g_assert_nonnull (undo);
  g_signal_emit_by_name (undo, "clicked");
  display_test_spin (100);

  restored = signet_store_get_open_loan (f->store, signet_contract_get_id (f->contract), NULL);
  g_assert_nonnull (restored);
  g_assert_cmpint (restored->id, ==, before->id);
  g_assert_cmpstr (restored->uuid, ==, before->uuid);
  g_assert_nonnull (display_test_find_row (f->section, ADW_TYPE_ACTION_ROW, "On loan to 王芳 (法务部)"));
  g_assert_nonnull (display_test_find_row (f->section, ADW_TYPE_ACTION_ROW, "王芳 (法务部)"));
  g_assert_false (gtk_widget_is_sensitive (display_test_find_button (f->section, "Lend…")));
  g_assert_nonnull (display_test_find_row (GTK_WIDGET (f->page), ADW_TYPE_EXPANDER_ROW, "Loan restored"));
}

/* An original recorded on the wrong contract: its record deleted from
 * the section's header, which then offers Record Original… again; the
 * toast's Undo brings it back. Once lent, the header has no Delete. */
static void
test_delete_original_undo (Fixture       *f,
                           gconstpointer  data)
{
  GtkWidget *delete;
  GtkWidget *undo;
  GtkWidget *row;

  record_original (f);
  delete = display_test_find_accessible (f->section, "Delete the record of the paper original");
  g_assert_nonnull (delete);
  g_assert_true (gtk_widget_get_visible (delete));
  g_signal_emit_by_name (delete, "clicked");
  display_test_spin (100);

  g_assert_null (signet_store_get_original (f->store, signet_contract_get_id (f->contract), NULL));
  g_assert_true (display_test_shows_visible_label (f->section, "No paper original recorded. Record where the signed "
                                                               "original is kept to lend it and find it again."));
  g_assert_nonnull (display_test_find_button (f->section, "Record Original…"));
  g_assert_false (gtk_widget_get_visible (delete));
  g_assert_nonnull (display_test_find_row (GTK_WIDGET (f->page), ADW_TYPE_EXPANDER_ROW, "Original’s record deleted"));
  g_assert_true (display_test_shows_visible_label (GTK_WIDGET (f->window),
                                                   "Record of the original of HT-2026-0042 deleted"));

  undo = display_test_find_button (GTK_WIDGET (f->window), "Undo");
  g_assert_nonnull (undo);
  g_signal_emit_by_name (undo, "clicked");
  display_test_spin (100);

  row = display_test_find_row (f->section, ADW_TYPE_ACTION_ROW, "Archive Number");
  g_assert_nonnull (row);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, "DA-2026-017");
  g_assert_true (gtk_widget_get_visible (delete));
  g_assert_nonnull (display_test_find_row (GTK_WIDGET (f->page), ADW_TYPE_EXPANDER_ROW, "Original’s record restored"));

  lend_in_store (f, "2026-11-02", "2026-11-16", NULL);
  display_test_spin (100);
  g_assert_false (gtk_widget_get_visible (delete));
}

/* The section recorded, lent and overdue, at a desktop's and a phone's
 * width, in the language of LC_ALL: original-LANG-WIDTH.png. */
static void
test_looks (Fixture       *f,
            gconstpointer  data)
{
  static const int widths[] = { 1200, 360 };
  const char *lc_all = g_getenv ("LC_ALL");
  g_autofree char *language = g_strndup (lc_all != NULL ? lc_all : "C", strcspn (lc_all != NULL ? lc_all : "C", "."));
  GtkScrolledWindow *scrolled = GTK_SCROLLED_WINDOW (gtk_widget_get_ancestor (f->section, GTK_TYPE_SCROLLED_WINDOW));

  signet_store_set_today (f->store, "2026-11-20");
  record_original (f);
  lend_in_store (f, "2026-09-01", "2026-09-15", "2026-09-20");
  lend_in_store (f, "2026-11-02", "2026-11-16", NULL);

  for (guint i = 0; i < G_N_ELEMENTS (widths); i++)
    {
      g_autofree char *name = g_strdup_printf ("original-%s-%d", language, widths[i]);
      graphene_point_t point;

      display_test_resize (f->window, widths[i], 900);
      display_test_spin (200);
      g_assert_true (gtk_widget_compute_point (f->section, gtk_scrolled_window_get_child (scrolled),
                                               &GRAPHENE_POINT_INIT (0, 0), &point));
      gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (scrolled), point.y - 24);
      display_test_spin (200);
      g_free (display_test_save_screenshot (GTK_WIDGET (f->window), name));
    }
}

int
main (int   argc,
      char *argv[])
{
  display_test_init (&argc, &argv);
  display_test_bind_build_catalog ();

  g_test_add ("/original-section/record-and-lend", Fixture, NULL, fixture_set_up, test_record_and_lend, fixture_tear_down);
  g_test_add ("/original-section/overdue-and-return", Fixture, NULL, fixture_set_up, test_overdue_and_return,
              fixture_tear_down);
  g_test_add ("/original-section/show-all", Fixture, NULL, fixture_set_up, test_show_all, fixture_tear_down);
  g_test_add ("/original-section/delete-undo", Fixture, NULL, fixture_set_up, test_delete_undo, fixture_tear_down);
  g_test_add ("/original-section/delete-original-undo", Fixture, NULL, fixture_set_up, test_delete_original_undo,
              fixture_tear_down);
  g_test_add ("/original-section/looks", Fixture, NULL, fixture_set_up, test_looks, fixture_tear_down);

  return g_test_run ();
}
