/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Export Key Dates as iCalendar… from the window: the file's alarms are
 * the reminders the Preferences set, not the built-in ones. */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "display-test-utils.h"
#include "signet-application.h"
#include "signet-store-events.h"
#include "signet-window.h"

static gboolean
file_written (gpointer data)
{
  return g_file_test (data, G_FILE_TEST_EXISTS);
}

static guint
count (const char *text,
       const char *line)
{
  guint n = 0;

  for (const char *p = strstr (text, line); p != NULL; p = strstr (p + 1, line))
    n++;

  return n;
}

/* Reminders 45 and 10 days before an end, 20 before a notice deadline and
 * none before a review, in Preferences: the one contract in force has an
 * end, a notice deadline and a review, and the file carries three alarms,
 * those. */
static void
test_preferences_alarms (void)
{
  g_autoptr(GSettings) preferences = g_settings_new (SIGNET_SETTINGS_SCHEMA);
  g_autoptr(SignetStore) store = NULL;
  g_autoptr(SignetClient) client = NULL;
  g_autoptr(SignetContract) contract = NULL;
  g_autoptr(GFile) folder = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("signet-ics-export-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  SignetWindow *window;
  GtkWidget *chooser;

  g_assert_no_error (error);
  path = g_build_filename (dir, "dates.ics", NULL);
  display_test_reset_settings ();
  g_settings_set_string (preferences, "reminder-end-leads", "45 10");
  g_settings_set_string (preferences, "reminder-notice-leads", "20");
  g_settings_set_string (preferences, "reminder-review-leads", "");

  store = display_test_new_store ();
  signet_store_set_today (store, "2026-12-07");
  client = display_test_add_client (store, "上海浦江物业管理有限公司", "PJWY");
  contract = display_test_add_contract (store, client, "HT-2026-0001", "物业服务合同", 1200000);
  signet_contract_set_start_date (contract, "2026-01-01");
  signet_contract_set_end_date (contract, "2027-06-30");
  signet_contract_set_auto_renew (contract, TRUE);
  signet_contract_set_notice_days (contract, 60);
  g_assert_true (signet_store_update_contract (store, contract, &error));
  g_assert_no_error (error);

  window = signet_window_new (NULL, store, NULL);
  display_test_show (GTK_WINDOW (window));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.export-ics", NULL));
  g_assert_true (display_test_wait_for (display_test_file_chooser_shown, NULL));
  chooser = display_test_find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG);

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  /* As test-attachment-window: the chooser fills in its path bar after it
   * shows its folder, and the user then goes to another folder. */
  g_assert_true (display_test_wait_for (display_test_chooser_has_folder, chooser));
  display_test_spin (500);
  folder = g_file_new_for_path (dir);
  g_assert_true (gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, NULL));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), "dates.ics");
  display_test_spin (300);
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_ACCEPT);
  G_GNUC_END_IGNORE_DEPRECATIONS

  g_assert_true (display_test_wait_for (file_written, path));
  g_assert_true (g_file_get_contents (path, &text, NULL, &error));
  g_assert_no_error (error);

  g_assert_cmpuint (count (text, "BEGIN:VEVENT\r\n"), ==, 4);
  g_assert_cmpuint (count (text, "BEGIN:VALARM\r\n"), ==, 3);
  g_assert_cmpuint (count (text, "TRIGGER:-P45D\r\n"), ==, 1);
  g_assert_cmpuint (count (text, "TRIGGER:-P10D\r\n"), ==, 1);
  g_assert_cmpuint (count (text, "TRIGGER:-P20D\r\n"), ==, 1);
  g_assert_nonnull (strstr (text, "DESCRIPTION:Ends in 45 days: HT-2026-0001 物业服务合同\r\n"));

  display_test_destroy_windows ();
  g_remove (path);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  display_test_init (&argc, &argv);

  g_test_add_func ("/ics-export/preferences-alarms", test_preferences_alarms);

  return g_test_run ();
}
