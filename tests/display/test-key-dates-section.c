/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>

#include "display-test-utils.h"
#include "signet-application.h"
#include "signet-key-dates-section.h"
#include "signet-store-events.h"

/* The key dates of a contract on its page, as a user reads and adds them. */

typedef struct
{
  SignetStore           *store;
  SignetContract        *contract;
  GtkWindow             *window;
  SignetKeyDatesSection *section;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(SignetClient) client = NULL;
  GtkWidget *overlay = adw_toast_overlay_new ();

  display_test_reset_settings ();
  f->store = display_test_new_store ();
  signet_store_set_today (f->store, "2026-11-27");
  client = display_test_add_client (f->store, "Contoso", "C001");
  f->contract = display_test_add_contract (f->store, client, "HT-2026-0001", "Cleaning services", 100);
  signet_contract_set_start_date (f->contract, "2026-04-02");
  signet_contract_set_end_date (f->contract, "2027-04-01");
  signet_contract_set_notice_days (f->contract, 30);
  signet_contract_set_auto_renew (f->contract, TRUE);
  signet_contract_set_risk_level (f->contract, SIGNET_RISK_LEVEL_HIGH);
  g_assert_true (signet_store_update_contract (f->store, f->contract, NULL));

  f->section = SIGNET_KEY_DATES_SECTION (signet_key_dates_section_new ());
  signet_contract_section_set_contract (SIGNET_CONTRACT_SECTION (f->section), f->store, signet_contract_get_id (f->contract));

  f->window = GTK_WINDOW (adw_window_new ());
  gtk_window_set_default_size (f->window, 640, 700);
  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (overlay), GTK_WIDGET (f->section));
  adw_window_set_content (ADW_WINDOW (f->window), overlay);
  display_test_show (f->window);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  display_test_destroy_windows ();
  g_clear_object (&f->contract);
  g_clear_object (&f->store);
}

static gboolean
has_label_containing (GtkWidget  *root,
                      const char *text)
{
  if (GTK_IS_LABEL (root) && gtk_widget_get_visible (root) &&
      strstr (gtk_label_get_text (GTK_LABEL (root)), text) != NULL)
    return TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    if (has_label_containing (child, text))
      return TRUE;

  return FALSE;
}

/* Each derived date is listed with how it came about. */
static void
test_derived_dates_explained (Fixture       *f,
                              gconstpointer  data)
{
  AdwActionRow *notice = ADW_ACTION_ROW (display_test_find_row (GTK_WIDGET (f->section), ADW_TYPE_ACTION_ROW,
                                                                "Notice Deadline: 2027-03-02"));
  GtkWidget *end = display_test_find_row (GTK_WIDGET (f->section), ADW_TYPE_ACTION_ROW, "End: 2027-04-01");

  g_assert_nonnull (end);
  g_assert_nonnull (notice);
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (notice), "2027-04-01"));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (notice), "30"));
  g_assert_true (has_label_containing (GTK_WIDGET (f->section), "No review recorded yet."));
}

static GtkEditable *
dialog_entry (AdwAlertDialog *dialog,
              const char     *name)
{
  GtkWidget *widget = display_test_find_accessible (GTK_WIDGET (dialog), name);

  g_assert_nonnull (widget);

  return GTK_EDITABLE (widget);
}

/* A milestone added through its dialog is listed with its title. */
static void
test_add_key_date (Fixture       *f,
                   gconstpointer  data)
{
  AdwAlertDialog *dialog;
  g_autoptr(GPtrArray) key_dates = NULL;

  gtk_widget_activate_action (GTK_WIDGET (f->section), "key-dates.add", NULL);
  dialog = display_test_find_alert_dialog ();
  g_assert_nonnull (dialog);

  gtk_editable_set_text (dialog_entry (dialog, "Date"), "2027-01-15");
  gtk_editable_set_text (dialog_entry (dialog, "Title"), "交接验收");
  display_test_respond ("add");

  key_dates = signet_store_list_key_dates (f->store, signet_contract_get_id (f->contract), NULL);
  g_assert_cmpuint (key_dates->len, ==, 1);
  g_assert_nonnull (display_test_find_row (GTK_WIDGET (f->section), ADW_TYPE_ACTION_ROW, "Milestone: 2027-01-15 · 交接验收"));
}

/* A key date without a title is refused with a message; nothing is added. */
static void
test_add_key_date_refused (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GPtrArray) key_dates = NULL;

  gtk_widget_activate_action (GTK_WIDGET (f->section), "key-dates.add", NULL);
  gtk_editable_set_text (dialog_entry (display_test_find_alert_dialog (), "Date"), "2027-02-30");
  display_test_respond ("add");

  g_assert_nonnull (display_test_find_alert_dialog ());
  display_test_respond ("close");
  key_dates = signet_store_list_key_dates (f->store, signet_contract_get_id (f->contract), NULL);
  g_assert_cmpuint (key_dates->len, ==, 0);
}

/* A review recorded moves the next review on and is named. */
static void
test_record_review (Fixture       *f,
                    gconstpointer  data)
{
  gtk_widget_activate_action (GTK_WIDGET (f->section), "key-dates.record-review", NULL);
  gtk_editable_set_text (dialog_entry (display_test_find_alert_dialog (), "Date of the review"), "2026-11-20");
  display_test_respond ("record");

  g_assert_true (has_label_containing (GTK_WIDGET (f->section), "1 review recorded; the last on 2026-11-20"));
  g_assert_nonnull (display_test_find_row (GTK_WIDGET (f->section), ADW_TYPE_ACTION_ROW, "Review: 2027-02-20"));
  /* The rows were rebuilt: a frame lays them out before they are drawn. */
  display_test_spin (100);
  g_free (display_test_save_screenshot (GTK_WIDGET (f->window), "key-dates-section"));
}

/* The contract's own lead times replace the defaults; bad ones are refused. */
static void
test_reminders (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(SignetReminderSettings) settings = NULL;

  g_autoptr(GSettings) preferences = g_settings_new (SIGNET_SETTINGS_SCHEMA);

  g_assert_true (has_label_containing (GTK_WIDGET (f->section), "Reminders as in Preferences"));
  g_assert_true (has_label_containing (GTK_WIDGET (f->section), "End: 90, 30, 7 days before"));

  /* What Preferences say is what the page says. */
  g_settings_set_string (preferences, "reminder-end-leads", "45 10");
  g_assert_true (has_label_containing (GTK_WIDGET (f->section), "End: 45, 10 days before"));
  g_settings_reset (preferences, "reminder-end-leads");

  gtk_widget_activate_action (GTK_WIDGET (f->section), "key-dates.reminders", NULL);
  gtk_editable_set_text (dialog_entry (display_test_find_alert_dialog (), "Days before the end date"), "sixty");
  display_test_respond ("save");
  g_assert_nonnull (display_test_find_alert_dialog ());
  display_test_respond ("close");
  g_assert_true (has_label_containing (GTK_WIDGET (f->section), "Reminders as in Preferences"));

  gtk_widget_activate_action (GTK_WIDGET (f->section), "key-dates.reminders", NULL);
  gtk_editable_set_text (dialog_entry (display_test_find_alert_dialog (), "Days before the end date"), "60 14");
  display_test_respond ("save");

  g_assert_true (has_label_containing (GTK_WIDGET (f->section), "Reminders of this contract"));
  settings = signet_store_get_reminder_settings (f->store, signet_contract_get_id (f->contract), NULL);
  g_assert_nonnull (signet_reminder_settings_get_leads (settings, SIGNET_KEY_DATE_END));
  g_assert_cmpuint (signet_reminder_settings_get_leads (settings, SIGNET_KEY_DATE_END)->len, ==, 2);
  g_assert_null (signet_reminder_settings_get_leads (settings, SIGNET_KEY_DATE_NOTICE_DEADLINE));
}

/* The row whose title starts with @prefix (a kind of date, whatever form
 * the date is shown in), or NULL. */
static GtkWidget *
find_row_of (GtkWidget  *root,
             const char *prefix)
{
  if (ADW_IS_ACTION_ROW (root) && gtk_widget_get_visible (root) &&
      g_str_has_prefix (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (root)), prefix))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *row = find_row_of (child, prefix);

      if (row != NULL)
        return row;
    }

  return NULL;
}

/* The label under @root that says how long a date is overdue, or NULL. */
static const char *
overdue_text (GtkWidget *root)
{
  g_assert_nonnull (root);

  if (GTK_IS_LABEL (root) && gtk_widget_has_css_class (root, "overdue") && gtk_widget_get_visible (root))
    return gtk_label_get_text (GTK_LABEL (root));

  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      const char *text = overdue_text (child);

      if (text != NULL)
        return text;
    }

  return NULL;
}

/* Shows the contract afresh, as when the user opens it again: a new day
 * is no change to the store, which a section follows by itself. */
static void
show_contract (Fixture *f)
{
  signet_contract_section_set_contract (SIGNET_CONTRACT_SECTION (f->section), f->store, 0);
  signet_contract_section_set_contract (SIGNET_CONTRACT_SECTION (f->section), f->store, signet_contract_get_id (f->contract));
}

/* A draft with auto-renew and 60 days of notice lists no notice deadline
 * and no review, and says why: they start once it is approved or signed.
 * Approved, it has both and the sentence is gone. */
static void
test_draft_explained (Fixture       *f,
                      gconstpointer  data)
{
  signet_contract_set_status (f->contract, SIGNET_CONTRACT_STATUS_DRAFT);
  signet_contract_set_notice_days (f->contract, 60);
  signet_contract_set_risk_level (f->contract, SIGNET_RISK_LEVEL_LOW);
  g_assert_true (signet_store_update_contract (f->store, f->contract, NULL));
  show_contract (f);

  g_assert_nonnull (find_row_of (GTK_WIDGET (f->section), "End:"));
  g_assert_null (find_row_of (GTK_WIDGET (f->section), "Notice Deadline:"));
  g_assert_null (find_row_of (GTK_WIDGET (f->section), "Review:"));
  g_assert_true (has_label_containing (GTK_WIDGET (f->section),
                                           "This contract is a draft. Its notice deadline (60 days before the end) "
                                           "and its reviews start once it is approved or signed."));
  display_test_spin (100);
  g_free (display_test_save_screenshot (GTK_WIDGET (f->window), "key-dates-draft"));

  signet_contract_set_status (f->contract, SIGNET_CONTRACT_STATUS_IN_REVIEW);
  signet_contract_set_auto_renew (f->contract, FALSE);
  g_assert_true (signet_store_update_contract (f->store, f->contract, NULL));
  show_contract (f);
  g_assert_true (has_label_containing (GTK_WIDGET (f->section),
                                           "This contract is in review. Its reviews start once it is approved or signed."));

  signet_contract_set_status (f->contract, SIGNET_CONTRACT_STATUS_TERMINATED);
  g_assert_true (signet_store_update_contract (f->store, f->contract, NULL));
  show_contract (f);
  g_assert_true (has_label_containing (GTK_WIDGET (f->section),
                                           "This contract was terminated: it has no more reviews or notice deadlines."));

  signet_contract_set_status (f->contract, SIGNET_CONTRACT_STATUS_APPROVED);
  signet_contract_set_auto_renew (f->contract, TRUE);
  g_assert_true (signet_store_update_contract (f->store, f->contract, NULL));
  show_contract (f);
  g_assert_nonnull (find_row_of (GTK_WIDGET (f->section), "Notice Deadline:"));
  g_assert_nonnull (find_row_of (GTK_WIDGET (f->section), "Review:"));
  g_assert_false (has_label_containing (GTK_WIDGET (f->section), "start once it is approved or signed"));
  g_assert_false (has_label_containing (GTK_WIDGET (f->section), "no more reviews"));
}

/* A review past its date is marked overdue, counted in days, as the agenda
 * lists it; a date to come is not. */
static void
test_overdue_marked (Fixture       *f,
                     gconstpointer  data)
{
  /* High risk: reviewed quarterly, the first review due 2026-07-02. */
  signet_store_set_today (f->store, "2026-07-14");
  show_contract (f);
  g_assert_cmpstr (overdue_text (find_row_of (GTK_WIDGET (f->section), "Review:")), ==, "Overdue by 12 days");
  g_assert_null (overdue_text (find_row_of (GTK_WIDGET (f->section), "Notice Deadline:")));
  g_assert_null (overdue_text (find_row_of (GTK_WIDGET (f->section), "End:")));
  display_test_spin (100);
  g_free (display_test_save_screenshot (GTK_WIDGET (f->window), "key-dates-overdue"));

  signet_store_set_today (f->store, "2026-07-03");
  show_contract (f);
  g_assert_cmpstr (overdue_text (find_row_of (GTK_WIDGET (f->section), "Review:")), ==, "Overdue by 1 day");

  /* Due today is not overdue. */
  signet_store_set_today (f->store, "2026-07-02");
  show_contract (f);
  g_assert_null (overdue_text (find_row_of (GTK_WIDGET (f->section), "Review:")));

  /* Recorded, the next one is to come. */
  g_assert_true (signet_store_record_review (f->store, signet_contract_get_id (f->contract), "2026-07-01",
                                             "Li Na", NULL, NULL, NULL));
  signet_store_set_today (f->store, "2026-07-14");
  show_contract (f);
  g_assert_null (overdue_text (find_row_of (GTK_WIDGET (f->section), "Review:")));
}

int
main (int   argc,
      char *argv[])
{
  display_test_init (&argc, &argv);

  g_test_add ("/key-dates-section/derived-dates-explained", Fixture, NULL, fixture_set_up, test_derived_dates_explained, fixture_tear_down);
  g_test_add ("/key-dates-section/add-key-date", Fixture, NULL, fixture_set_up, test_add_key_date, fixture_tear_down);
  g_test_add ("/key-dates-section/add-key-date-refused", Fixture, NULL, fixture_set_up, test_add_key_date_refused, fixture_tear_down);
  g_test_add ("/key-dates-section/record-review", Fixture, NULL, fixture_set_up, test_record_review, fixture_tear_down);
  g_test_add ("/key-dates-section/reminders", Fixture, NULL, fixture_set_up, test_reminders, fixture_tear_down);
  g_test_add ("/key-dates-section/draft-explained", Fixture, NULL, fixture_set_up, test_draft_explained, fixture_tear_down);
  g_test_add ("/key-dates-section/overdue-marked", Fixture, NULL, fixture_set_up, test_overdue_marked, fixture_tear_down);

  return g_test_run ();
}
