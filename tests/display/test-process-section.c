/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>

#include "display-test-utils.h"
#include "signet-contract-process.h"
#include "signet-key-dates-section.h"
#include "signet-process-section.h"
#include "signet-store-events.h"
#include "signet-store-process.h"

/* The process at the top of a contract's page, as a user takes its steps:
 * the state in words, the buttons of the actions allowed now, why one
 * looked for is missing, the dialogs that ask what a step records, and the
 * steps so far; the key dates below follow a termination. */

typedef struct
{
  SignetStore           *store;
  SignetContract        *contract;
  GtkWindow             *window;
  SignetProcessSection  *section;
  SignetKeyDatesSection *key_dates;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(SignetClient) client = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *overlay = adw_toast_overlay_new ();
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 24);
  gint64 id;

  display_test_reset_settings ();
  f->store = display_test_new_store ();
  /* Inside the term of the contract. */
  signet_store_set_today (f->store, "2026-11-27");
  client = display_test_add_client (f->store, "北京华信科技有限公司", "HX");

  f->contract = signet_contract_new ();
  signet_contract_set_number (f->contract, "HT-2026-0001");
  signet_contract_set_title (f->contract, "Office lease");
  signet_contract_set_client_id (f->contract, signet_client_get_id (client));
  signet_contract_set_currency (f->contract, "CNY");
  signet_contract_set_value (f->contract, 12000000);
  signet_contract_set_start_date (f->contract, "2026-04-02");
  signet_contract_set_end_date (f->contract, "2027-04-01");
  signet_contract_set_status (f->contract, SIGNET_CONTRACT_STATUS_DRAFT);
  signet_store_add_contract (f->store, f->contract, &error);
  g_assert_no_error (error);
  id = signet_contract_get_id (f->contract);

  f->section = SIGNET_PROCESS_SECTION (signet_process_section_new ());
  f->key_dates = SIGNET_KEY_DATES_SECTION (signet_key_dates_section_new ());
  signet_contract_section_set_contract (SIGNET_CONTRACT_SECTION (f->section), f->store, id);
  signet_contract_section_set_contract (SIGNET_CONTRACT_SECTION (f->key_dates), f->store, id);

  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 12);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (f->section));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (f->key_dates));
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), box);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);

  f->window = GTK_WINDOW (adw_window_new ());
  gtk_window_set_default_size (f->window, 720, 900);
  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (overlay), scrolled);
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

/* Whether a visible label under @root shows @text among its lines. */
static gboolean
shows_text (GtkWidget  *root,
            const char *text)
{
  if (!gtk_widget_get_visible (root))
    return FALSE;

  if (GTK_IS_LABEL (root) && strstr (gtk_label_get_text (GTK_LABEL (root)), text) != NULL)
    return TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    if (shows_text (child, text))
      return TRUE;

  return FALSE;
}

static SignetContract *
stored (Fixture *f)
{
  SignetContract *contract = signet_store_get_contract (f->store, signet_contract_get_id (f->contract), NULL);

  g_assert_nonnull (contract);

  return contract;
}

/* The status the section shows: the title of its first row. */
static const char *
shown_state (Fixture *f)
{
  GtkWidget *row = display_test_find_type (GTK_WIDGET (f->section), ADW_TYPE_ACTION_ROW);

  g_assert_nonnull (row);

  return adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row));
}

static const char *
shown_state_text (Fixture *f)
{
  GtkWidget *row = display_test_find_type (GTK_WIDGET (f->section), ADW_TYPE_ACTION_ROW);

  return adw_action_row_get_subtitle (ADW_ACTION_ROW (row));
}

/* Whether the button of @action is there for the user to press. */
static gboolean
offers (Fixture             *f,
        SignetProcessAction  action)
{
  GtkWidget *button = display_test_find_button (GTK_WIDGET (f->section), signet_process_action_to_label (action));

  return button != NULL && gtk_widget_is_visible (button) && gtk_widget_is_sensitive (button) &&
         gtk_widget_get_mapped (button);
}

/* The row of the steps so far (the group under the buttons) titled
 * @title, or NULL. */
static AdwActionRow *
step_row (Fixture    *f,
          const char *title)
{
  GtkWidget *state = display_test_find_type (GTK_WIDGET (f->section), ADW_TYPE_PREFERENCES_GROUP);
  GtkWidget *steps = gtk_widget_get_last_child (gtk_widget_get_parent (state));
  GtkWidget *row = display_test_find_row (steps, ADW_TYPE_ACTION_ROW, title);

  return row != NULL && gtk_widget_is_visible (row) ? ADW_ACTION_ROW (row) : NULL;
}

static void
press (Fixture             *f,
       SignetProcessAction  action)
{
  GtkWidget *button = display_test_find_button (GTK_WIDGET (f->section), signet_process_action_to_label (action));

  g_assert_nonnull (button);
  g_assert_true (gtk_widget_is_visible (button) && gtk_widget_get_mapped (button));
  g_signal_emit_by_name (button, "clicked");
  display_test_spin (50);
}

static GtkEditable *
dialog_field (AdwAlertDialog *dialog,
              const char     *name)
{
  GtkWidget *widget = display_test_find_accessible (GTK_WIDGET (dialog), name);

  g_assert_nonnull (widget);

  return GTK_EDITABLE (widget);
}

/* Enter in @field, as a user presses it: the text inside it emits
 * "activate", which its key binding for Enter emits. */
static void
press_enter (GtkEditable *field)
{
  GtkEditable *text = field;

  while (gtk_editable_get_delegate (text) != NULL)
    text = gtk_editable_get_delegate (text);
  g_assert_true (GTK_IS_TEXT (text));
  g_signal_emit_by_name (text, "activate");
  display_test_spin (50);
}

/* The error shown under the field named @name of @dialog, or NULL. */
static const char *
field_error (AdwAlertDialog *dialog,
             const char     *name)
{
  GtkWidget *field = display_test_find_accessible (GTK_WIDGET (dialog), name);
  GtkWidget *row = gtk_widget_get_ancestor (field, GTK_TYPE_LIST_BOX_ROW);
  GtkWidget *under = gtk_widget_get_next_sibling (row);
  GtkWidget *label = under != NULL ? gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (under)) : NULL;

  if (label == NULL || !GTK_IS_LABEL (label) || !gtk_widget_is_visible (label))
    return NULL;

  g_assert_true (gtk_widget_has_css_class (field, "error"));

  return gtk_label_get_text (GTK_LABEL (label));
}

static void
submit (Fixture *f)
{
  press (f, SIGNET_PROCESS_ACTION_SUBMIT);
  g_assert_cmpstr (shown_state (f), ==, "In Review");
}

/* Approve, as @approver with @opinion, through its dialog. */
static void
approve (Fixture    *f,
         const char *approver,
         const char *opinion)
{
  AdwAlertDialog *dialog;

  press (f, SIGNET_PROCESS_ACTION_APPROVE);
  dialog = display_test_find_alert_dialog ();
  g_assert_nonnull (dialog);
  /* Who decides is the user at first, by their full name. */
  g_assert_cmpstr (gtk_editable_get_text (dialog_field (dialog, "Decided By")), !=, "");
  gtk_editable_set_text (dialog_field (dialog, "Decided By"), approver);
  gtk_editable_set_text (dialog_field (dialog, "Opinion (optional)"), opinion);
  display_test_respond ("decide");
  g_assert_cmpstr (shown_state (f), ==, "Approved");
}

static void
mark_signed (Fixture *f)
{
  AdwAlertDialog *dialog;

  press (f, SIGNET_PROCESS_ACTION_MARK_SIGNED);
  dialog = display_test_find_alert_dialog ();
  g_assert_nonnull (dialog);
  gtk_editable_set_text (dialog_field (dialog, "Our Signing Date"), "2026-03-30");
  gtk_editable_set_text (dialog_field (dialog, "Their Signing Date"), "2026-03-31");
  display_test_respond ("sign");
}

/* A draft offers Submit for Review and Cancel Draft, not Approve, and says
 * why it cannot be marked as signed yet. */
static void
test_draft (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(SignetContract) contract = stored (f);
  const char *why = NULL;

  g_assert_cmpstr (shown_state (f), ==, "Draft");
  g_assert_true (offers (f, SIGNET_PROCESS_ACTION_SUBMIT));
  g_assert_true (offers (f, SIGNET_PROCESS_ACTION_CANCEL_DRAFT));
  g_assert_false (offers (f, SIGNET_PROCESS_ACTION_APPROVE));
  g_assert_false (offers (f, SIGNET_PROCESS_ACTION_MARK_SIGNED));
  g_assert_false (offers (f, SIGNET_PROCESS_ACTION_TERMINATE));
  /* Only a signed contract is renewed (test-renewals). */
  g_assert_false (offers (f, SIGNET_PROCESS_ACTION_RENEW));

  g_assert_false (signet_process_action_allowed (SIGNET_PROCESS_ACTION_MARK_SIGNED, contract, &why));
  g_assert_nonnull (why);
  g_assert_true (shows_text (GTK_WIDGET (f->section), why));
}

/* Submit for Review takes the draft into review at once, and the step is
 * listed with who took it. */
static void
test_submit (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(SignetContract) contract = NULL;
  AdwActionRow *row;

  submit (f);

  contract = stored (f);
  g_assert_cmpint (signet_contract_get_status (contract), ==, SIGNET_CONTRACT_STATUS_IN_REVIEW);
  g_assert_true (offers (f, SIGNET_PROCESS_ACTION_APPROVE));
  g_assert_true (offers (f, SIGNET_PROCESS_ACTION_RETURN));
  g_assert_true (offers (f, SIGNET_PROCESS_ACTION_REJECT));
  g_assert_false (offers (f, SIGNET_PROCESS_ACTION_SUBMIT));

  row = step_row (f, "Submitted for review");
  g_assert_nonnull (row);
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (row), g_get_user_name ()));
  g_assert_nonnull (strstr (shown_state_text (f), "Submitted for review by"));
}

/* Return for Changes cannot be given without a reason: Enter says so
 * under the field and nothing happens; with one, the contract is a draft
 * again and the reason is in its steps. */
static void
test_return_requires_reason (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(SignetContract) contract = NULL;
  AdwAlertDialog *dialog;
  AdwActionRow *row;

  submit (f);
  press (f, SIGNET_PROCESS_ACTION_RETURN);
  dialog = display_test_find_alert_dialog ();
  g_assert_nonnull (dialog);
  g_assert_false (adw_alert_dialog_get_response_enabled (dialog, "decide"));
  g_assert_null (field_error (dialog, "What Is to Change"));

  /* Enter in the empty field. */
  press_enter (dialog_field (dialog, "What Is to Change"));
  g_assert_nonnull (display_test_find_alert_dialog ());
  g_assert_cmpstr (field_error (dialog, "What Is to Change"), ==,
                   "Say what is to change: a contract is returned with a reason.");
  contract = stored (f);
  g_assert_cmpint (signet_contract_get_status (contract), ==, SIGNET_CONTRACT_STATUS_IN_REVIEW);

  gtk_editable_set_text (dialog_field (dialog, "What Is to Change"), "付款条款需法务确认");
  g_assert_null (field_error (dialog, "What Is to Change"));
  g_assert_true (adw_alert_dialog_get_response_enabled (dialog, "decide"));
  display_test_respond ("decide");

  g_clear_object (&contract);
  contract = stored (f);
  g_assert_cmpint (signet_contract_get_status (contract), ==, SIGNET_CONTRACT_STATUS_DRAFT);
  g_assert_cmpstr (shown_state (f), ==, "Draft");
  row = step_row (f, "Returned for changes");
  g_assert_nonnull (row);
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (row), "付款条款需法务确认"));
  g_assert_true (offers (f, SIGNET_PROCESS_ACTION_SUBMIT));
}

/* An approval recorded for someone else names them, says who recorded
 * it, and keeps their opinion. */
static void
test_approve (Fixture       *f,
              gconstpointer  data)
{
  g_autofree char *on_behalf = NULL;
  AdwActionRow *row;

  submit (f);
  approve (f, "王芳", "同意签署");

  row = step_row (f, "Approved");
  g_assert_nonnull (row);
  on_behalf = g_strdup_printf ("Recorded by %s on behalf of 王芳", g_get_user_name ());
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (row), on_behalf));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (row), "同意签署"));
  g_assert_nonnull (strstr (shown_state_text (f), "Approved by 王芳 on"));
  g_assert_true (offers (f, SIGNET_PROCESS_ACTION_MARK_SIGNED));
}

/* Mark as Signed needs both dates; with them, a contract whose term
 * holds today shows as Active. */
static void
test_mark_signed (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(SignetContract) contract = NULL;
  AdwAlertDialog *dialog;

  submit (f);
  approve (f, "王芳", "");

  press (f, SIGNET_PROCESS_ACTION_MARK_SIGNED);
  dialog = display_test_find_alert_dialog ();
  g_assert_true (adw_alert_dialog_get_response_enabled (dialog, "sign"));
  gtk_editable_set_text (dialog_field (dialog, "Their Signing Date"), "");
  g_assert_false (adw_alert_dialog_get_response_enabled (dialog, "sign"));
  press_enter (dialog_field (dialog, "Their Signing Date"));
  g_assert_cmpstr (field_error (dialog, "Their Signing Date"), ==, "Both signing dates are required.");
  display_test_respond ("cancel");
  g_assert_cmpstr (shown_state (f), ==, "Approved");

  mark_signed (f);

  contract = stored (f);
  g_assert_cmpint (signet_contract_get_status (contract), ==, SIGNET_CONTRACT_STATUS_SIGNED);
  g_assert_cmpstr (signet_contract_get_signing_date (contract), ==, "2026-03-30");
  g_assert_cmpstr (signet_contract_get_their_signing_date (contract), ==, "2026-03-31");
  g_assert_cmpstr (shown_state (f), ==, "Active");
  g_assert_nonnull (step_row (f, "Marked as signed"));
  g_assert_true (offers (f, SIGNET_PROCESS_ACTION_TERMINATE));
  g_assert_false (offers (f, SIGNET_PROCESS_ACTION_CANCEL_DRAFT));
}

static gboolean
has_future_date (Fixture    *f,
                 GtkWidget  *root,
                 const char *today)
{
  if (ADW_IS_ACTION_ROW (root) && gtk_widget_is_visible (root))
    {
      const char *title = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (root));
      const char *colon = strstr (title, ": ");

      /* "End: 2027-04-01" in the C locale. */
      if (colon != NULL && strlen (colon + 2) >= 10 && strncmp (colon + 2, today, 10) > 0)
        return TRUE;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    if (has_future_date (f, child, today))
      return TRUE;

  return FALSE;
}

/* Terminated: the state says when, why and that no reminders follow, and
 * the key dates list nothing after it. */
static void
test_terminate (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(SignetUserKeyDate) milestone = NULL;
  g_autoptr(SignetContract) contract = NULL;
  AdwAlertDialog *dialog;

  milestone = signet_user_key_date_new (signet_contract_get_id (f->contract), SIGNET_KEY_DATE_MILESTONE,
                                        "2027-01-15", "Handover", NULL);
  g_assert_true (signet_store_add_key_date (f->store, milestone, NULL));
  submit (f);
  approve (f, "王芳", "");
  mark_signed (f);
  g_assert_true (has_future_date (f, GTK_WIDGET (f->key_dates), "2026-11-27"));

  press (f, SIGNET_PROCESS_ACTION_TERMINATE);
  dialog = display_test_find_alert_dialog ();
  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (adw_alert_dialog_get_body (dialog), "future key dates and reminders stop"));
  /* The comment is required. */
  g_assert_false (adw_alert_dialog_get_response_enabled (dialog, "terminate"));
  adw_combo_row_set_selected (ADW_COMBO_ROW (display_test_find_accessible (GTK_WIDGET (dialog), "Reason")), 1);
  gtk_editable_set_text (dialog_field (dialog, "Comment"), "对方未按期付款");
  display_test_respond ("terminate");

  contract = stored (f);
  g_assert_cmpint (signet_contract_get_status (contract), ==, SIGNET_CONTRACT_STATUS_TERMINATED);
  g_assert_cmpstr (signet_contract_get_termination_reason (contract), ==, signet_termination_reasons ()[1]);
  g_assert_cmpstr (shown_state (f), ==, "Terminated");
  g_assert_nonnull (strstr (shown_state_text (f), "Terminated on 2026-11-27 (Breach of contract): no further reminders."));
  g_assert_false (offers (f, SIGNET_PROCESS_ACTION_TERMINATE));

  g_assert_false (has_future_date (f, GTK_WIDGET (f->key_dates), "2026-11-27"));
  g_assert_true (display_test_shows_visible_label (GTK_WIDGET (f->key_dates),
                                                   "This contract was terminated: it has no more reviews or notice deadlines.\n"
                                                   "Its termination took effect on 2026-11-27: "
                                                   "2 later dates are not shown and have no reminders."));
}

static void
save_looks (Fixture    *f,
            const char *state)
{
  static const int widths[] = { 1200, 360 };
  const char *locale = g_getenv ("LC_ALL") != NULL ? g_getenv ("LC_ALL") : "C";
  g_autofree char *language = g_strndup (locale, strcspn (locale, "."));

  for (guint i = 0; i < G_N_ELEMENTS (widths); i++)
    {
      g_autofree char *name = g_strdup_printf ("process-%s-%d-%s", language, widths[i], state);

      display_test_resize (f->window, widths[i], 900);
      g_free (display_test_save_screenshot (GTK_WIDGET (f->window), name));
    }
}

/* A step taken elsewhere (another window, through the store) shows at
 * once; a change to another contract does not reload the section. */
static void
test_follows_store (Fixture       *f,
                    gconstpointer  data)
{
  g_auto(SignetProcessStep) step = { .action = SIGNET_PROCESS_ACTION_SUBMIT };
  g_autoptr(SignetContract) contract = stored (f);
  g_autoptr(SignetContract) other = NULL;
  g_autoptr(SignetContract) other_stored = NULL;
  g_autoptr(GError) error = NULL;
  guint reloads, after;

  g_object_get (f->section, "reloads", &reloads, NULL);
  signet_store_take_process_step (f->store, signet_contract_get_id (contract),
                                  signet_contract_get_version (contract), &step, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (shown_state (f), ==, "In Review");
  g_assert_nonnull (step_row (f, "Submitted for review"));
  g_object_get (f->section, "reloads", &after, NULL);
  g_assert_cmpuint (after, ==, reloads + 1);

  other = signet_contract_copy (contract);
  signet_contract_set_id (other, 0);
  signet_contract_set_number (other, "HT-2026-0002");
  signet_store_add_contract (f->store, other, &error);
  g_assert_no_error (error);
  other_stored = signet_store_get_contract (f->store, signet_contract_get_id (other), NULL);
  signet_store_take_process_step (f->store, signet_contract_get_id (other_stored),
                                  signet_contract_get_version (other_stored), &step, &error);
  g_assert_no_error (error);
  g_object_get (f->section, "reloads", &reloads, NULL);
  g_assert_cmpuint (reloads, ==, after);
}

static gboolean
is_null (gpointer data)
{
  return *(gpointer *) data == NULL;
}

/* Gives @response and waits until the dialog is finalized: libadwaita 1.7.6
 * crashes when a window is resized from 360 px while a dialog shown as a
 * bottom sheet there is still closing. */
static void
respond_and_settle (const char *response)
{
  gpointer dialog = display_test_find_alert_dialog ();

  g_object_add_weak_pointer (dialog, &dialog);
  display_test_respond (response);
  g_assert_true (display_test_wait_for (is_null, &dialog));
}

/* The @n-th entry row of @dialog, in the order it shows them. */
static GtkEditable *
nth_entry (AdwAlertDialog *dialog,
           guint           n)
{
  GtkWidget *list = display_test_find_type (GTK_WIDGET (dialog), GTK_TYPE_LIST_BOX);

  for (GtkWidget *row = gtk_widget_get_first_child (list); row; row = gtk_widget_get_next_sibling (row))
    if (ADW_IS_ENTRY_ROW (row) && n-- == 0)
      return GTK_EDITABLE (row);

  g_assert_not_reached ();
}

/* The section and its dialogs at 1200 and 360 px, drawn beside the test
 * to be looked at: a draft, approved with an opinion, the signing dialog,
 * the termination dialog with its error, terminated. Run with
 * LC_ALL=zh_CN.UTF-8 or de_DE.UTF-8, it draws them in that language. */
static void
test_looks (Fixture       *f,
            gconstpointer  data)
{
  AdwAlertDialog *dialog;

  save_looks (f, "draft");
  press (f, SIGNET_PROCESS_ACTION_SUBMIT);
  press (f, SIGNET_PROCESS_ACTION_APPROVE);
  dialog = display_test_find_alert_dialog ();
  gtk_editable_set_text (nth_entry (dialog, 0), "王芳");
  gtk_editable_set_text (nth_entry (dialog, 1), "同意签署，请法务复核付款条款");
  respond_and_settle ("decide");
  save_looks (f, "approved");

  press (f, SIGNET_PROCESS_ACTION_MARK_SIGNED);
  save_looks (f, "signing-dialog");
  respond_and_settle ("sign");

  press (f, SIGNET_PROCESS_ACTION_TERMINATE);
  dialog = display_test_find_alert_dialog ();
  press_enter (nth_entry (dialog, 1));
  save_looks (f, "termination-dialog");
  gtk_editable_set_text (nth_entry (dialog, 1), "对方未按期付款");
  respond_and_settle ("terminate");
  save_looks (f, "terminated");
}

/* The steps so far listed: their action rows. */
static guint
count_steps (GtkWidget *root)
{
  guint n = ADW_IS_ACTION_ROW (root) && gtk_widget_get_visible (root) ? 1 : 0;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    n += count_steps (child);

  return n;
}

/* Submitted, returned twice and submitted again: five steps, of which
 * the newest three are listed under a "Show 2 Earlier Steps" row, which
 * lists them all where it was; they stay listed when the section reloads
 * on the next step. */
static void
test_earlier_steps (Fixture       *f,
                    gconstpointer  data)
{
  static const SignetProcessAction actions[] = {
    SIGNET_PROCESS_ACTION_SUBMIT, SIGNET_PROCESS_ACTION_RETURN, SIGNET_PROCESS_ACTION_SUBMIT,
    SIGNET_PROCESS_ACTION_RETURN, SIGNET_PROCESS_ACTION_SUBMIT,
  };
  GtkWidget *state = display_test_find_type (GTK_WIDGET (f->section), ADW_TYPE_PREFERENCES_GROUP);
  GtkWidget *steps = gtk_widget_get_last_child (gtk_widget_get_parent (state));
  g_auto(SignetProcessStep) approve = { .action = SIGNET_PROCESS_ACTION_APPROVE };
  g_autoptr(SignetContract) contract = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *earlier;

  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    {
      g_autoptr(SignetContract) now = stored (f);
      g_auto(SignetProcessStep) step = { .action = actions[i] };

      if (actions[i] == SIGNET_PROCESS_ACTION_RETURN)
        step.comment = g_strdup_printf ("第 %u 次退回", i / 2 + 1);
      signet_store_take_process_step (f->store, signet_contract_get_id (now), signet_contract_get_version (now),
                                      &step, &error);
      g_assert_no_error (error);
    }
  display_test_spin (50);

  g_assert_cmpuint (count_steps (steps), ==, 3);
  earlier = display_test_find_row (steps, ADW_TYPE_BUTTON_ROW, "Show 2 Earlier Steps");
  g_assert_nonnull (earlier);
  g_assert_true (gtk_widget_is_visible (earlier));
  g_assert_null (gtk_widget_get_prev_sibling (earlier));
  g_free (display_test_save_screenshot (GTK_WIDGET (f->window), "process-earlier-steps"));

  g_signal_emit_by_name (earlier, "activated");
  display_test_spin (50);
  g_assert_cmpuint (count_steps (steps), ==, 5);
  g_assert_null (display_test_find_row (steps, ADW_TYPE_BUTTON_ROW, "Show 2 Earlier Steps"));
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (f->window)), steps));

  contract = stored (f);
  signet_store_take_process_step (f->store, signet_contract_get_id (contract), signet_contract_get_version (contract),
                                  &approve, &error);
  g_assert_no_error (error);
  display_test_spin (50);
  g_assert_cmpuint (count_steps (steps), ==, 6);
  g_assert_nonnull (step_row (f, "Approved"));
}

int
main (int    argc,
      char **argv)
{
  display_test_init (&argc, &argv);
  display_test_bind_build_catalog ();

  g_test_add ("/process-section/draft", Fixture, NULL, fixture_set_up, test_draft, fixture_tear_down);
  g_test_add ("/process-section/submit", Fixture, NULL, fixture_set_up, test_submit, fixture_tear_down);
  g_test_add ("/process-section/return-requires-reason", Fixture, NULL,
              fixture_set_up, test_return_requires_reason, fixture_tear_down);
  g_test_add ("/process-section/approve", Fixture, NULL, fixture_set_up, test_approve, fixture_tear_down);
  g_test_add ("/process-section/mark-signed", Fixture, NULL, fixture_set_up, test_mark_signed, fixture_tear_down);
  g_test_add ("/process-section/terminate", Fixture, NULL, fixture_set_up, test_terminate, fixture_tear_down);
  g_test_add ("/process-section/follows-store", Fixture, NULL, fixture_set_up, test_follows_store, fixture_tear_down);
  g_test_add ("/process-section/looks", Fixture, NULL, fixture_set_up, test_looks, fixture_tear_down);
  g_test_add ("/process-section/earlier-steps", Fixture, NULL, fixture_set_up, test_earlier_steps,
              fixture_tear_down);

  return g_test_run ();
}
