/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <locale.h>
#include <string.h>

#include <glib/gi18n.h>

#include "display-test-utils.h"
#include "signet-contract-page.h"
#include "signet-date.h"
#include "signet-person.h"
#include "signet-review-action-dialog.h"
#include "signet-review-dialog.h"
#include "signet-reviews-section.h"
#include "signet-store-events.h"
#include "signet-store-people.h"
#include "signet-store-review-findings.h"
#include "signet-window.h"

/* A review recorded through Record a Review's controls: the default
 * checklist answered, an issue that waits for its finding, the finding
 * becoming the action, its owner chosen and its due date a month on; then
 * the review in the Reviews section with its answers, its action and its
 * follow-up review, an older overdue action marked, and Mark Done closing
 * the action. The older review, recorded by mistake, deleted by its
 * row's button and back with its action by the toast's Undo. In C and in
 * zh_CN. */

typedef struct
{
  SignetStore          *store;
  SignetContract       *contract;
  GtkWindow            *window;
  SignetReviewsSection *section;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(SignetClient) client = NULL;
  g_autoptr(SignetPerson) person = signet_person_new ();

  display_test_reset_settings ();
  f->store = display_test_new_store ();
  signet_store_set_today (f->store, "2026-12-07");
  client = display_test_add_client (f->store, "Contoso", "C001");
  f->contract = display_test_add_contract (f->store, client, "HT-2026-0042", "Cleaning services", 100000);
  signet_contract_set_signing_date (f->contract, "2026-03-20");
  signet_contract_set_start_date (f->contract, "2026-04-01");
  signet_contract_set_end_date (f->contract, "2027-03-31");
  signet_contract_set_status (f->contract, SIGNET_CONTRACT_STATUS_SIGNED);
  g_assert_true (signet_store_update_contract (f->store, f->contract, NULL));
  signet_person_set_name (person, "李娜");
  g_assert_true (signet_store_add_person (f->store, person, NULL));

  f->window = GTK_WINDOW (signet_window_new (NULL, f->store, NULL));
  gtk_window_set_default_size (f->window, 1200, 900);
  display_test_show (f->window);
  signet_window_open_contract (SIGNET_WINDOW (f->window), signet_contract_get_id (f->contract));
  display_test_spin (200);
  f->section = SIGNET_REVIEWS_SECTION (display_test_find_type (GTK_WIDGET (f->window), SIGNET_TYPE_REVIEWS_SECTION));
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

static char *
language (void)
{
  const char *locale = setlocale (LC_MESSAGES, NULL);

  return g_strndup (locale, strcspn (locale, "."));
}

/* Scrolls the page to the Reviews section, as a user does to see it. */
static void
show_section (Fixture *f)
{
  GtkWidget *scrolled = gtk_widget_get_ancestor (GTK_WIDGET (f->section), GTK_TYPE_SCROLLED_WINDOW);
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
  graphene_point_t top;

  display_test_spin (100);
  g_assert_true (gtk_widget_compute_point (GTK_WIDGET (f->section), gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scrolled)),
                                           &GRAPHENE_POINT_INIT (0, 0), &top));
  /* The point is in the visible part of the page: scrolled already. */
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment) + top.y - 12);
}

static void
look_at (GtkWidget  *shown,
         const char *name)
{
  g_autofree char *lang = language ();
  g_autofree char *file_name = g_strdup_printf ("%s-%s", name, lang);

  display_test_spin (400);
  g_free (display_test_save_screenshot (shown, file_name));
}

static GtkWidget *find (GtkWidget  *root,
                        const char *format,
                        ...) G_GNUC_PRINTF (2, 3);

/* The widget under @root whose accessible name is the one formatted. */
static GtkWidget *
find (GtkWidget  *root,
      const char *format,
      ...)
{
  g_autofree char *name = NULL;
  GtkWidget *widget;
  va_list args;

  va_start (args, format);
  name = g_strdup_vprintf (format, args);
  va_end (args);
  widget = display_test_find_accessible (root, name);

  g_test_message ("%s", name);
  g_assert_nonnull (widget);

  return widget;
}

static void
answer (GtkWidget          *dialog,
        SignetReviewAnswer  answer,
        const char          *item)
{
  GtkWidget *button = find (dialog, _("%s: %s"), signet_review_answer_to_label (answer), item);

  g_assert_true (GTK_IS_TOGGLE_BUTTON (button));
  g_signal_emit_by_name (button, "clicked");
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (button)));
}

/* An action recorded earlier, due before today. */
static void
add_overdue_review (Fixture *f)
{
  g_autoptr(SignetReviewReport) report = signet_review_report_new (signet_contract_get_id (f->contract), "2026-09-01");
  g_autoptr(GError) error = NULL;

  report->reviewer = g_strdup ("王芳");
  g_ptr_array_add (report->items, signet_review_item_new (_("Payments on track"), SIGNET_REVIEW_ANSWER_ISSUE,
                                                          "第二期款未到账"));
  g_ptr_array_add (report->actions, signet_review_action_new ("催收第二期款", 0, "2026-11-30"));
  g_assert_true (signet_store_record_review_report (f->store, report, &error));
  g_assert_no_error (error);
}

static void
test_record (Fixture       *f,
             gconstpointer  data)
{
  const char *signatures = _("Signatures and seals complete");
  const char *authority = _("Signatory authority valid");
  const char *terms = _("Terms compliant");
  g_autofree char *due_shown = signet_date_format_display ("2027-01-06");
  g_autofree char *review_date = signet_date_format_display ("2026-12-07");
  g_autofree char *review_title = NULL;
  g_autofree char *mark_done = NULL;
  AdwAlertDialog *alert;
  GtkWidget *dialog;
  GtkWidget *row;
  GtkWidget *finding;
  GtkWidget *description;
  GtkWidget *owner;
  GtkWidget *due;

  add_overdue_review (f);
  display_test_spin (100);
  {
    g_autofree char *open = g_strdup_printf (g_dngettext (NULL, "%u follow-up action is open.",
                                                          "%u follow-up actions are open.", 1), 1);

    g_assert_true (display_test_shows_label (GTK_WIDGET (f->section), open));
  }

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->section), "reviews.record", NULL));
  g_assert_true (display_test_wait_for (display_test_alert_shown, NULL));
  alert = display_test_find_alert_dialog ();
  g_assert_true (SIGNET_IS_REVIEW_DIALOG (alert));
  dialog = GTK_WIDGET (alert);

  /* The contract has no type: the default checklist. */
  g_assert_true (display_test_shows_visible_label (dialog, signatures));
  g_assert_true (display_test_shows_visible_label (dialog, _("Payments on track")));

  answer (dialog, SIGNET_REVIEW_ANSWER_OK, signatures);
  answer (dialog, SIGNET_REVIEW_ANSWER_NA, terms);
  answer (dialog, SIGNET_REVIEW_ANSWER_ISSUE, authority);
  /* An issue without its finding cannot be recorded. */
  g_assert_false (adw_alert_dialog_get_response_enabled (alert, "record"));

  finding = find (dialog, _("Finding for “%s”"), authority);
  description = find (dialog, _("Follow-up action for “%s”"), authority);
  owner = find (dialog, _("Owner of the action for “%s”"), authority);
  due = find (dialog, _("Due date of the action for “%s”"), authority);
  g_assert_true (gtk_widget_is_visible (description));
  gtk_editable_set_text (GTK_EDITABLE (finding), "授权书已过期");
  g_assert_true (adw_alert_dialog_get_response_enabled (alert, "record"));
  /* The finding is the action's description until one is written. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (description)), ==, "授权书已过期");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (due)), ==, due_shown);
  g_assert_cmpuint (g_list_model_get_n_items (adw_combo_row_get_model (ADW_COMBO_ROW (owner))), ==, 2);
  adw_combo_row_set_selected (ADW_COMBO_ROW (owner), 1);
  /* The follow-up review: the action's due date. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find (dialog, "%s", _("Follow-up review")))), ==, due_shown);

  /* Its finding and action in view, as where the user typed. */
  gtk_widget_grab_focus (finding);
  look_at (GTK_WIDGET (f->window), "review-dialog");
  display_test_respond ("record");
  display_test_spin (200);

  g_assert_cmpuint (signet_store_count_open_review_actions (f->store, signet_contract_get_id (f->contract), NULL),
                    ==, 2);

  review_title = g_strdup_printf (_("%s · %s"), review_date, g_get_user_name ());
  row = display_test_find_row (GTK_WIDGET (f->section), ADW_TYPE_EXPANDER_ROW, review_title);
  g_assert_nonnull (row);
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
  display_test_spin (100);
  g_assert_nonnull (display_test_find_row (row, ADW_TYPE_ACTION_ROW, "授权书已过期"));
  g_assert_true (display_test_shows_label (row, signet_review_answer_to_label (SIGNET_REVIEW_ANSWER_ISSUE)));
  g_assert_true (display_test_shows_label (row, _("Open Findings")));
  g_assert_nonnull (display_test_find_row (row, ADW_TYPE_ACTION_ROW, _("Follow-up review")));
  g_assert_true (display_test_shows_label (row, due_shown));

  /* The older review's action is overdue by a week. */
  {
    g_autofree char *older_date = signet_date_format_display ("2026-09-01");
    g_autofree char *older_title = g_strdup_printf (_("%s · %s"), older_date, "王芳");
    g_autofree char *overdue = g_strdup_printf (g_dngettext (NULL, "Overdue by %u day", "Overdue by %u days", 7), 7);
    GtkWidget *older = display_test_find_row (GTK_WIDGET (f->section), ADW_TYPE_EXPANDER_ROW, older_title);

    g_assert_nonnull (older);
    adw_expander_row_set_expanded (ADW_EXPANDER_ROW (older), TRUE);
    display_test_spin (100);
    g_assert_true (display_test_shows_label (older, overdue));
    g_assert_true (display_test_shows_label (older, _("Overdue: actions are still open")));
  }

  show_section (f);
  look_at (GTK_WIDGET (f->window), "reviews-section");

  /* Mark Done closes the action, dated today; its review's follow-up is
   * no longer needed, and the row stays open. */
  mark_done = g_strdup_printf (_("Mark “%s” done"), "授权书已过期");
  g_signal_emit_by_name (find (GTK_WIDGET (f->section), "%s", mark_done), "clicked");
  display_test_spin (200);
  g_assert_cmpuint (signet_store_count_open_review_actions (f->store, signet_contract_get_id (f->contract), NULL),
                    ==, 1);
  row = display_test_find_row (GTK_WIDGET (f->section), ADW_TYPE_EXPANDER_ROW, review_title);
  g_assert_true (adw_expander_row_get_expanded (ADW_EXPANDER_ROW (row)));
  g_assert_nonnull (display_test_find_row (row, ADW_TYPE_ACTION_ROW, "授权书已过期"));
  g_assert_true (display_test_shows_label (row, _("No longer needed: every action is done")));
  g_assert_nonnull (find (row, _("Reopen “%s”"), "授权书已过期"));
  g_assert_null (display_test_find_label (row, _("Open Findings")));
  show_section (f);
  look_at (GTK_WIDGET (f->window), "reviews-section-done");

  /* An action added to the recorded review opens its follow-up again. */
  gtk_widget_activate (display_test_find_row (row, ADW_TYPE_BUTTON_ROW, _("Add Follow-up Action…")));
  g_assert_true (display_test_wait_for (display_test_alert_shown, NULL));
  alert = display_test_find_alert_dialog ();
  g_assert_true (SIGNET_IS_REVIEW_ACTION_DIALOG (alert));
  g_assert_false (adw_alert_dialog_get_response_enabled (alert, "save"));
  gtk_editable_set_text (GTK_EDITABLE (find (GTK_WIDGET (alert), "%s", _("Follow-up action"))), "核对保证金");
  look_at (GTK_WIDGET (f->window), "review-action-dialog");
  display_test_respond ("save");
  display_test_spin (200);
  g_assert_cmpuint (signet_store_count_open_review_actions (f->store, signet_contract_get_id (f->contract), NULL),
                    ==, 2);
  row = display_test_find_row (GTK_WIDGET (f->section), ADW_TYPE_EXPANDER_ROW, review_title);
  g_assert_nonnull (display_test_find_row (row, ADW_TYPE_ACTION_ROW, "核对保证金"));
  g_assert_true (display_test_shows_label (row, _("Open Findings")));

  /* The older action, activated, changes owner. */
  {
    g_autofree char *older_date = signet_date_format_display ("2026-09-01");
    g_autofree char *older_title = g_strdup_printf (_("%s · %s"), older_date, "王芳");
    GtkWidget *older = display_test_find_row (GTK_WIDGET (f->section), ADW_TYPE_EXPANDER_ROW, older_title);
    g_autofree char *owner_text = g_strdup_printf (_("Owner: %s"), "李娜");

    gtk_widget_activate (display_test_find_row (older, ADW_TYPE_ACTION_ROW, "催收第二期款"));
    g_assert_true (display_test_wait_for (display_test_alert_shown, NULL));
    alert = display_test_find_alert_dialog ();
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find (GTK_WIDGET (alert), "%s", _("Follow-up action")))),
                     ==, "催收第二期款");
    adw_combo_row_set_selected (ADW_COMBO_ROW (find (GTK_WIDGET (alert), "%s", _("Owner"))), 1);
    display_test_respond ("save");
    display_test_spin (200);
    older = display_test_find_row (GTK_WIDGET (f->section), ADW_TYPE_EXPANDER_ROW, older_title);
    row = display_test_find_row (older, ADW_TYPE_ACTION_ROW, "催收第二期款");
    g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), owner_text));
  }

  /* The older review deleted by its row's button goes with its action;
   * the toast names it, and its Undo brings both back. */
  {
    g_autofree char *older_date = signet_date_format_display ("2026-09-01");
    g_autofree char *older_title = g_strdup_printf (_("%s · %s"), older_date, "王芳");
    g_autofree char *toast_title = g_strdup_printf (_("Review of %s deleted"), older_date);
    g_autofree char *undo = g_strdup (_("_Undo"));
    GtkWidget *older = display_test_find_row (GTK_WIDGET (f->section), ADW_TYPE_EXPANDER_ROW, older_title);
    GtkWidget *undo_button;

    g_signal_emit_by_name (find (older, _("Delete the review of %s"), older_date), "clicked");
    display_test_spin (200);
    g_assert_null (display_test_find_row (GTK_WIDGET (f->section), ADW_TYPE_EXPANDER_ROW, older_title));
    g_assert_cmpuint (signet_store_count_open_review_actions (f->store, signet_contract_get_id (f->contract), NULL),
                      ==, 1);
    g_assert_true (display_test_shows_label (GTK_WIDGET (f->window), toast_title));
    show_section (f);
    look_at (GTK_WIDGET (f->window), "review-deleted");

    /* The button shows its label without the access key's marker. */
    memmove (strchr (undo, '_'), strchr (undo, '_') + 1, strlen (strchr (undo, '_')));
    undo_button = display_test_find_button (GTK_WIDGET (f->window), undo);
    g_assert_nonnull (undo_button);
    g_signal_emit_by_name (undo_button, "clicked");
    display_test_spin (200);
    older = display_test_find_row (GTK_WIDGET (f->section), ADW_TYPE_EXPANDER_ROW, older_title);
    g_assert_nonnull (older);
    g_assert_nonnull (display_test_find_row (older, ADW_TYPE_ACTION_ROW, "催收第二期款"));
    g_assert_cmpuint (signet_store_count_open_review_actions (f->store, signet_contract_get_id (f->contract), NULL),
                      ==, 2);
  }
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
  g_assert_true (display_test_shows_label (GTK_WIDGET (f.section), "审查"));
  test_record (&f, NULL);
  fixture_tear_down (&f, NULL);
}

int
main (int   argc,
      char *argv[])
{
  display_test_init (&argc, &argv);
  display_test_bind_build_catalog ();

  g_test_add ("/review-checklist/record", Fixture, NULL, fixture_set_up, test_record, fixture_tear_down);
  g_test_add_data_func ("/review-checklist/zh_CN", NULL, test_in_chinese);

  return g_test_run ();
}
