/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>

#include <adwaita.h>

#include "display-test-utils.h"
#include "signet-history-section.h"
#include "signet-store-approvals.h"
#include "signet-store-attachments.h"
#include "signet-store-process.h"

/* The contract page's History: who changed what and when, newest first,
 * in the words and formats of the rest of the app. */

typedef struct
{
  SignetStore          *store;
  SignetClient         *client;
  SignetContract       *contract;
  SignetHistorySection *section;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  GtkWidget *window = gtk_window_new ();

  f->store = display_test_new_store ();
  f->client = display_test_add_client (f->store, "华为技术有限公司", "HW");
  f->contract = display_test_add_contract (f->store, f->client, "HT-2026-0001", "Annual maintenance", 1200000);

  f->section = SIGNET_HISTORY_SECTION (signet_history_section_new ());
  signet_contract_section_set_contract (SIGNET_CONTRACT_SECTION (f->section), f->store, signet_contract_get_id (f->contract));
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (f->section));
  display_test_show (GTK_WINDOW (window));
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

static void
collect (GtkWidget *root,
         GType      type,
         GPtrArray *found)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type))
        g_ptr_array_add (found, child);
      collect (child, type, found);
    }
}

/* The entries, newest first. */
static GPtrArray *
entries (Fixture *f)
{
  GPtrArray *found = g_ptr_array_new ();

  collect (GTK_WIDGET (f->section), ADW_TYPE_EXPANDER_ROW, found);

  return found;
}

static const char *
entry_title (Fixture *f,
             guint    i)
{
  g_autoptr(GPtrArray) rows = entries (f);

  g_assert_cmpuint (i, <, rows->len);

  return adw_preferences_row_get_title (g_ptr_array_index (rows, i));
}

/* What entry @i says of @field, or NULL, as a user reads it: with the
 * entry expanded, which makes its changes' rows. */
static const char *
change_text (Fixture    *f,
             guint       i,
             const char *field)
{
  g_autoptr(GPtrArray) rows = entries (f);
  g_autoptr(GPtrArray) changes = g_ptr_array_new ();

  g_assert_cmpuint (i, <, rows->len);
  adw_expander_row_set_expanded (g_ptr_array_index (rows, i), TRUE);
  collect (g_ptr_array_index (rows, i), ADW_TYPE_ACTION_ROW, changes);
  for (guint j = 0; j < changes->len; j++)
    if (g_strcmp0 (adw_preferences_row_get_title (g_ptr_array_index (changes, j)), field) == 0)
      return adw_action_row_get_subtitle (g_ptr_array_index (changes, j));

  return NULL;
}

static void
test_created (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GPtrArray) rows = entries (f);
  g_autofree char *who = g_strdup_printf ("%s · ", g_get_user_name ());

  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (f->section)));
  g_assert_cmpuint (rows->len, ==, 1);
  g_assert_cmpstr (entry_title (f, 0), ==, "Created");
  g_assert_true (g_str_has_prefix (adw_expander_row_get_subtitle (g_ptr_array_index (rows, 0)), who));

  /* In the app's words: the client's name, not its id; a status label. */
  g_assert_cmpstr (change_text (f, 0, "Number"), ==, "HT-2026-0001");
  g_assert_cmpstr (change_text (f, 0, "Client"), ==, "华为技术有限公司");
  /* Added as active: stored as signed, which is what was recorded. */
  g_assert_cmpstr (change_text (f, 0, "Status"), ==, "Signed");
  g_assert_cmpstr (change_text (f, 0, "Value"), ==, "¥12,000.00");
}

static void
test_changes_newest_first (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(SignetContract) changed = signet_contract_copy (f->contract);
  g_autoptr(SignetAttachment) attachment = NULL;
  g_autoptr(GBytes) bytes = g_bytes_new_static ("minutes of the meeting\n", 23);
  g_autoptr(GError) error = NULL;

  signet_contract_set_status (changed, SIGNET_CONTRACT_STATUS_TERMINATED);
  signet_contract_set_end_date (changed, "2027-03-31");
  g_assert_true (signet_store_update_contract (f->store, changed, &error));
  g_assert_no_error (error);

  /* The store says the contract changed; the section reads it again. */
  g_assert_cmpstr (entry_title (f, 0), ==, "Changed");
  g_assert_cmpstr (change_text (f, 0, "Status"), ==, "Signed → Terminated");
  g_assert_cmpstr (change_text (f, 0, "End Date"), ==, "(empty) → 2027-03-31");
  g_assert_null (change_text (f, 0, "Title"));
  g_assert_cmpstr (entry_title (f, 1), ==, "Created");

  attachment = signet_store_add_attachment (f->store, signet_contract_get_id (f->contract), bytes, "会议纪要.txt",
                                            "text/plain", SIGNET_ATTACHMENT_ROLE_OTHER, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (entry_title (f, 0), ==, "File attached");
  g_assert_cmpstr (change_text (f, 0, "File"), ==, "会议纪要.txt");
  /* The checksum is for the store, not for the reader. */
  g_assert_null (change_text (f, 0, "sha256"));
}

/* An approval step decided for someone else: the entry says the step and
 * the opinion as they are, and who recorded it on whose behalf. */
static void
test_approval_on_behalf (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(SignetContract) draft = signet_contract_copy (f->contract);
  g_autoptr(SignetContract) stored = NULL;
  g_autoptr(SignetApprovalRoute) route = signet_approval_route_new ("法务审批");
  g_autoptr(SignetRouteStep) legal = signet_route_step_new ("法务", 0, "法务", 2);
  g_autoptr(GPtrArray) rules = g_ptr_array_new_with_free_func ((GDestroyNotify) signet_approval_rule_free);
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *who = g_strdup_printf ("%s on behalf of 王强 · ", g_get_user_name ());
  SignetProcessStep submit = { .action = SIGNET_PROCESS_ACTION_SUBMIT };
  SignetProcessStep approve = { .action = SIGNET_PROCESS_ACTION_APPROVE, .decided_by = (char *) "王强",
                                .comment = (char *) "同意，按合同条款执行" };

  signet_approval_route_add_step (route, legal);
  g_assert_true (signet_store_add_approval_route (f->store, route, &error));
  g_assert_no_error (error);
  g_ptr_array_add (rules, signet_approval_rule_new (NULL, 0, NULL, route->id));
  g_assert_true (signet_store_set_approval_rules (f->store, rules, &error));
  g_assert_no_error (error);

  signet_contract_set_status (draft, SIGNET_CONTRACT_STATUS_DRAFT);
  g_assert_true (signet_store_update_contract (f->store, draft, &error));
  g_assert_no_error (error);
  g_assert_true (signet_store_take_process_step (f->store, signet_contract_get_id (draft),
                                                 signet_contract_get_version (draft), &submit, &error));
  g_assert_no_error (error);
  stored = signet_store_get_contract (f->store, signet_contract_get_id (draft), &error);
  g_assert_no_error (error);
  g_assert_true (signet_store_take_process_step (f->store, signet_contract_get_id (stored),
                                                 signet_contract_get_version (stored), &approve, &error));
  g_assert_no_error (error);

  rows = entries (f);
  g_assert_cmpstr (entry_title (f, 0), ==, "Approved");
  g_assert_true (g_str_has_prefix (adw_expander_row_get_subtitle (g_ptr_array_index (rows, 0)), who));
  g_assert_cmpstr (change_text (f, 0, "Status"), ==, "In Review → Approved");
  g_assert_cmpstr (change_text (f, 0, "Approval Step"), ==, "法务");
  g_assert_cmpstr (change_text (f, 0, "Approval Opinion"), ==, "同意，按合同条款执行");
  g_assert_null (change_text (f, 0, "Approved By"));
  g_assert_cmpstr (entry_title (f, 1), ==, "Submitted for review");
  g_assert_false (g_str_has_prefix (adw_expander_row_get_subtitle (g_ptr_array_index (rows, 1)), who));
}

/* Notes of a mebibyte (what an import may bring) are shown by their start:
 * laid out whole for the row, they held the window up for minutes. */
static void
test_long_value (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(SignetContract) changed = signet_contract_copy (f->contract);
  g_autoptr(GString) notes = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *start = NULL;
  g_autofree char *expected = NULL;
  const char *text;
  int minimum;

  while (notes->len < 1024 * 1024 - 16)
    g_string_append (notes, "付款条件与验收标准。");
  signet_contract_set_notes (changed, notes->str);
  g_assert_true (signet_store_update_contract (f->store, changed, &error));
  g_assert_no_error (error);

  text = change_text (f, 0, "Notes");
  g_assert_nonnull (text);
  start = g_utf8_substring (notes->str, 0, 300);
  expected = g_strconcat ("(empty) → ", start, "…", NULL);
  /* Compared as a truth: a failure would print a mebibyte twice. */
  g_assert_cmpuint (strlen (text), <, 2000);
  g_assert_true (g_str_equal (text, expected));
  /* Laid out as the window would, folded entry included. */
  gtk_widget_measure (GTK_WIDGET (f->section), GTK_ORIENTATION_VERTICAL, 600, &minimum, NULL, NULL, NULL);
  g_assert_cmpint (minimum, >, 0);
}

/* A contract not saved yet has nothing to show, and no empty box. */
static void
test_unsaved_contract (Fixture       *f,
                       gconstpointer  data)
{
  signet_contract_section_set_contract (SIGNET_CONTRACT_SECTION (f->section), f->store, 0);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (f->section)));
}

int
main (int   argc,
      char *argv[])
{
  display_test_init (&argc, &argv);

  g_test_add ("/history-section/created", Fixture, NULL, fixture_set_up, test_created, fixture_tear_down);
  g_test_add ("/history-section/changes-newest-first", Fixture, NULL, fixture_set_up, test_changes_newest_first,
              fixture_tear_down);
  g_test_add ("/history-section/long-value", Fixture, NULL, fixture_set_up, test_long_value, fixture_tear_down);
  g_test_add ("/history-section/approval-on-behalf", Fixture, NULL, fixture_set_up, test_approval_on_behalf,
              fixture_tear_down);
  g_test_add ("/history-section/unsaved-contract", Fixture, NULL, fixture_set_up, test_unsaved_contract,
              fixture_tear_down);

  return g_test_run ();
}
