/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "test-section-dialogs"

#include "config.h"

#include <string.h>
#include <unistd.h>

#include "display-test-utils.h"
#include "signet-attachments-section.h"
#include "signet-key-dates-section.h"
#include "signet-reminders.h"
#include "signet-store-attachments.h"
#include "signet-store-events.h"
#include "signet-window.h"

/* The contract page's dialogs (Add a Key Date, Record a Review, Reminders
 * for This Contract, an attached file's Role and Description) answered
 * from the keyboard as a user answers them: keys typed through the X
 * server (xdotool) into the field that has the focus, Enter to accept
 * and Escape to cancel. What Enter accepts is stored; what Escape
 * cancels is not. */

#define MINIMAL_PDF "%PDF-1.4\n% signed copy\n"

typedef struct
{
  SignetStore  *store;
  SignetClient *client;
  gint64        contract_id;
  gint64        attachment_id;
  SignetWindow *window;
  char         *window_id;      /* the X window, for xdotool */
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(SignetContract) contract = NULL;
  g_autoptr(SignetAttachment) attachment = NULL;
  g_autoptr(GBytes) bytes = g_bytes_new_static (MINIMAL_PDF, strlen (MINIMAL_PDF));
  g_autoptr(GError) error = NULL;
  g_autofree char *title = g_strdup_printf ("section-dialogs-test-%d", (int) getpid ());

  display_test_reset_settings ();
  fixture->store = display_test_new_store ();
  fixture->client = display_test_add_client (fixture->store, "华东建设工程有限公司", "HDJX");
  contract = display_test_add_contract (fixture->store, fixture->client, "HT-2026-0042", "物流服务合同", 125000050);
  fixture->contract_id = signet_contract_get_id (contract);
  attachment = signet_store_add_attachment (fixture->store, fixture->contract_id, bytes, "物流服务合同.pdf",
                                            "application/pdf", SIGNET_ATTACHMENT_ROLE_SIGNED, NULL, &error);
  g_assert_no_error (error);
  fixture->attachment_id = signet_attachment_get_id (attachment);

  fixture->window = signet_window_new (NULL, fixture->store, NULL);
  /* A title of its own, by which xdotool finds it. */
  gtk_window_set_title (GTK_WINDOW (fixture->window), title);
  display_test_show (GTK_WINDOW (fixture->window));
  fixture->window_id = display_test_find_x_window (title);

  signet_window_open_contract (fixture->window, fixture->contract_id);
  display_test_spin (100);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  display_test_destroy_windows ();
  g_clear_pointer (&fixture->window_id, g_free);
  g_clear_object (&fixture->client);
  g_clear_object (&fixture->store);
}

/* Opens the dialog of @action on the section of @type, waits until it is
 * shown and returns it. */
static AdwAlertDialog *
open_dialog (Fixture    *fixture,
             GType       type,
             const char *action,
             GVariant   *parameter)
{
  GtkWidget *section = display_test_find_type (GTK_WIDGET (fixture->window), type);
  AdwAlertDialog *dialog;

  g_assert_nonnull (section);
  g_assert_true (gtk_widget_activate_action_variant (section, action, parameter));
  display_test_spin (300);
  dialog = display_test_find_alert_dialog ();
  g_assert_nonnull (dialog);

  return dialog;
}

/* The field of @dialog named @name, given the focus as a click gives it. */
static GtkWidget *
focus_field (AdwAlertDialog *dialog,
             const char     *name)
{
  GtkWidget *field = display_test_find_accessible (GTK_WIDGET (dialog), name);

  g_assert_nonnull (field);
  g_assert_true (gtk_widget_grab_focus (field));
  display_test_spin (50);

  return field;
}

static gboolean
has_focus_in (GtkWidget *widget)
{
  GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (widget));

  return focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget));
}

static guint
n_key_dates (Fixture *fixture)
{
  g_autoptr(GPtrArray) key_dates = signet_store_list_key_dates (fixture->store, fixture->contract_id, NULL);

  return key_dates != NULL ? key_dates->len : 0;
}

/* Add a Key Date opens with the focus in Title: a title typed and Enter
 * add the milestone; Escape in another one adds nothing. */
static void
test_key_date (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GPtrArray) key_dates = NULL;
  SignetUserKeyDate *added;
  AdwAlertDialog *dialog;

  if (!display_test_can_type (fixture->window_id, "into the dialogs"))
    return;

  dialog = open_dialog (fixture, SIGNET_TYPE_KEY_DATES_SECTION, "key-dates.add", NULL);
  g_assert_true (has_focus_in (display_test_find_accessible (GTK_WIDGET (dialog), "Title")));
  g_assert_true (display_test_press_keys (fixture->window_id, "H a n d o v e r Return"));
  g_assert_true (display_test_wait_for (display_test_no_alert, NULL));

  key_dates = signet_store_list_key_dates (fixture->store, fixture->contract_id, NULL);
  g_assert_cmpuint (key_dates->len, ==, 1);
  added = g_ptr_array_index (key_dates, 0);
  g_assert_cmpstr (added->title, ==, "Handover");
  g_assert_cmpint (added->kind, ==, SIGNET_KEY_DATE_MILESTONE);

  open_dialog (fixture, SIGNET_TYPE_KEY_DATES_SECTION, "key-dates.add", NULL);
  g_assert_true (display_test_press_keys (fixture->window_id, "P a y Escape"));
  g_assert_true (display_test_wait_for (display_test_no_alert, NULL));
  g_assert_cmpuint (n_key_dates (fixture), ==, 1);
}

/* Enter in Record a Review's note records the review with that note;
 * Escape records nothing. */
static void
test_review (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GPtrArray) reviews = NULL;
  g_autoptr(GPtrArray) after_escape = NULL;
  AdwAlertDialog *dialog;

  if (!display_test_can_type (fixture->window_id, "into the dialogs"))
    return;

  dialog = open_dialog (fixture, SIGNET_TYPE_KEY_DATES_SECTION, "key-dates.record-review", NULL);
  focus_field (dialog, "Note");
  g_assert_true (display_test_press_keys (fixture->window_id, "o k Return"));
  g_assert_true (display_test_wait_for (display_test_no_alert, NULL));

  reviews = signet_store_list_reviews (fixture->store, fixture->contract_id, NULL);
  g_assert_cmpuint (reviews->len, ==, 1);
  g_assert_cmpstr (((SignetReview *) g_ptr_array_index (reviews, 0))->note, ==, "ok");

  dialog = open_dialog (fixture, SIGNET_TYPE_KEY_DATES_SECTION, "key-dates.record-review", NULL);
  focus_field (dialog, "Note");
  g_assert_true (display_test_press_keys (fixture->window_id, "n o Escape"));
  g_assert_true (display_test_wait_for (display_test_no_alert, NULL));
  after_escape = signet_store_list_reviews (fixture->store, fixture->contract_id, NULL);
  g_assert_cmpuint (after_escape->len, ==, 1);
}

/* Enter in a field of Reminders for This Contract saves the days typed;
 * Escape keeps them as they were. */
static void
test_reminders (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(SignetReminderSettings) saved = NULL;
  g_autoptr(SignetReminderSettings) after_escape = NULL;
  g_autofree char *end_leads = NULL;
  AdwAlertDialog *dialog;

  if (!display_test_can_type (fixture->window_id, "into the dialogs"))
    return;

  dialog = open_dialog (fixture, SIGNET_TYPE_KEY_DATES_SECTION, "key-dates.reminders", NULL);
  focus_field (dialog, "Days before the end date");
  g_assert_true (display_test_press_keys (fixture->window_id, "6 0 space 1 4 Return"));
  g_assert_true (display_test_wait_for (display_test_no_alert, NULL));

  saved = signet_store_get_reminder_settings (fixture->store, fixture->contract_id, NULL);
  g_assert_nonnull (saved);
  end_leads = signet_reminder_leads_to_string (signet_reminder_settings_get_leads (saved, SIGNET_KEY_DATE_END));
  g_assert_cmpstr (end_leads, ==, "60 14");
  g_assert_null (signet_reminder_settings_get_leads (saved, SIGNET_KEY_DATE_NOTICE_DEADLINE));

  /* The dialog shows the contract's own days again. */
  dialog = open_dialog (fixture, SIGNET_TYPE_KEY_DATES_SECTION, "key-dates.reminders", NULL);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (focus_field (dialog, "Days before a review"))), ==, "");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (display_test_find_accessible (GTK_WIDGET (dialog),
                                                                                      "Days before the end date"))),
                   ==, "60 14");
  g_assert_true (display_test_press_keys (fixture->window_id, "3 Escape"));
  g_assert_true (display_test_wait_for (display_test_no_alert, NULL));
  after_escape = signet_store_get_reminder_settings (fixture->store, fixture->contract_id, NULL);
  g_assert_null (signet_reminder_settings_get_leads (after_escape, SIGNET_KEY_DATE_REVIEW));
}

/* An attached file's Role and Description: headed with its name, Enter
 * in the description saves it, Escape keeps what is stored. */
static void
test_attachment_details (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(SignetAttachment) saved = NULL;
  g_autoptr(SignetAttachment) after_escape = NULL;
  AdwAlertDialog *dialog;

  if (!display_test_can_type (fixture->window_id, "into the dialogs"))
    return;

  dialog = open_dialog (fixture, SIGNET_TYPE_ATTACHMENTS_SECTION, "attachment.edit",
                        g_variant_new_int64 (fixture->attachment_id));
  g_assert_cmpstr (adw_alert_dialog_get_heading (dialog), ==, "物流服务合同.pdf");
  focus_field (dialog, "Description");
  g_assert_true (display_test_press_keys (fixture->window_id, "v 2 Return"));
  g_assert_true (display_test_wait_for (display_test_no_alert, NULL));

  saved = signet_store_get_attachment (fixture->store, fixture->attachment_id, NULL);
  g_assert_cmpstr (signet_attachment_get_description (saved), ==, "v2");
  g_assert_cmpint (signet_attachment_get_role (saved), ==, SIGNET_ATTACHMENT_ROLE_SIGNED);

  dialog = open_dialog (fixture, SIGNET_TYPE_ATTACHMENTS_SECTION, "attachment.edit",
                        g_variant_new_int64 (fixture->attachment_id));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (focus_field (dialog, "Description"))), ==, "v2");
  g_assert_true (display_test_press_keys (fixture->window_id, "x Escape"));
  g_assert_true (display_test_wait_for (display_test_no_alert, NULL));
  after_escape = signet_store_get_attachment (fixture->store, fixture->attachment_id, NULL);
  g_assert_cmpstr (signet_attachment_get_description (after_escape), ==, "v2");
}

int
main (int   argc,
      char *argv[])
{
  display_test_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add ("/section-dialogs/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("key-date", test_key_date);
  ADD ("review", test_review);
  ADD ("reminders", test_reminders);
  ADD ("attachment-details", test_attachment_details);

#undef ADD

  return g_test_run ();
}
