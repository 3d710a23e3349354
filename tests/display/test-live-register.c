/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "test-live-register"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "display-test-utils.h"
#include "signet-clients-window.h"
#include "signet-conflict-panel.h"
#include "signet-contract-list.h"
#include "signet-contract-page.h"
#include "signet-contract-table.h"
#include "signet-store-attachments.h"
#include "signet-store-events.h"
#include "signet-window.h"
#include "signet-xml.h"

/* The open window shows what is in the register: what the command line
 * or a second connection writes to the file appears within two seconds,
 * the user doing nothing. The window is the real one; the other writers
 * are the real `signet --import` and a second SignetStore on the file.
 * The prompts are found by their translated texts, so that
 * -p /live-register/changed-elsewhere-prompt and -p .../deleted-elsewhere
 * under LC_ALL=zh_CN.UTF-8 or de_DE.UTF-8 give screenshots to look at. */

#define WITHIN_US (2 * G_USEC_PER_SEC)

typedef DisplayTestTwoWriters Fixture;

static SignetContractPage *
page (Fixture *f)
{
  return SIGNET_CONTRACT_PAGE (display_test_find_type (f->window, SIGNET_TYPE_CONTRACT_PAGE));
}

static SignetContractTable *
table (Fixture *f)
{
  return SIGNET_CONTRACT_TABLE (display_test_find_type (f->window, SIGNET_TYPE_CONTRACT_TABLE));
}

static void
show_window (Fixture  *f,
             gboolean  open_contract)
{
  f->window = GTK_WIDGET (signet_window_new (NULL, f->store, NULL));
  display_test_show (GTK_WINDOW (f->window));
  if (open_contract)
    display_test_select_contract (f->window, f->contract);
}

/* A label on screen (mapped) below @root that reads @text. */
static gboolean
shows_text (GtkWidget  *root,
            const char *text)
{
  if (!gtk_widget_get_mapped (root))
    return FALSE;

  if (GTK_IS_LABEL (root) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (root)), text) == 0)
    return TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    if (shows_text (child, text))
      return TRUE;

  return FALSE;
}

/* The form's scrolled window: the first on screen (the empty page's
 * status page has one too). */
static GtkScrolledWindow *
find_mapped_scrolled_window (GtkWidget *root)
{
  if (!gtk_widget_get_mapped (root))
    return NULL;

  if (GTK_IS_SCROLLED_WINDOW (root))
    return GTK_SCROLLED_WINDOW (root);

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkScrolledWindow *found = find_mapped_scrolled_window (child);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static GtkEditable *
field (Fixture    *f,
       const char *name)
{
  GtkWidget *found = display_test_find_form_field (GTK_WIDGET (page (f)), name);

  g_assert_nonnull (found);

  return GTK_EDITABLE (found);
}

static SignetConflictPanel *
panel (Fixture *f)
{
  return SIGNET_CONFLICT_PANEL (display_test_find_type (GTK_WIDGET (page (f)), SIGNET_TYPE_CONFLICT_PANEL));
}

static SignetContract *
stored (Fixture *f,
        gint64   id)
{
  g_autoptr(GError) error = NULL;
  SignetContract *contract = signet_store_get_contract (f->other, id, &error);

  g_assert_no_error (error);

  return contract;
}

static void
change_title_elsewhere (Fixture    *f,
                        const char *title)
{
  g_autoptr(SignetContract) contract = stored (f, signet_contract_get_id (f->contract));
  g_autoptr(GError) error = NULL;

  signet_contract_set_title (contract, title);
  g_assert_true (signet_store_update_contract (f->other, contract, &error));
  g_assert_no_error (error);
}

typedef struct
{
  Fixture    *f;
  const char *text;
} Expect;

static gboolean
list_shows (gpointer data)
{
  Expect *expect = data;

  return shows_text (GTK_WIDGET (table (expect->f)), expect->text);
}

static gboolean
panel_shown (gpointer data)
{
  return gtk_widget_get_mapped (GTK_WIDGET (panel (data)));
}

static gboolean
title_shown (gpointer data)
{
  Expect *expect = data;

  return g_strcmp0 (gtk_editable_get_text (field (expect->f, "Title")), expect->text) == 0;
}

static gboolean
page_says (gpointer data)
{
  Expect *expect = data;

  return shows_text (GTK_WIDGET (page (expect->f)), expect->text);
}

/* Waits for @condition, and asserts that it came within two seconds of
 * @since (g_get_monotonic_time()). */
static void
assert_within_two_seconds (gboolean (*condition) (gpointer data),
                           gpointer   data,
                           gint64     since)
{
  g_assert_true (display_test_wait_for (condition, data));
  g_test_message ("Shown after %.2f s", (g_get_monotonic_time () - since) / (double) G_USEC_PER_SEC);
  g_assert_cmpint (g_get_monotonic_time () - since, <, WITHIN_US);
}

static void
run_signet_cli (const char * const *argv)
{
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  process = g_subprocess_newv (argv, G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE, &error);
  g_assert_no_error (error);

  /* The window's main loop keeps running while the import does. */
  g_assert_true (g_subprocess_communicate_utf8 (process, NULL, NULL, &out, &err, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (err, ==, "");
  g_assert_true (g_subprocess_get_successful (process));
}

/* `signet --import` in a terminal while the window is open: the new
 * contract is in the list within two seconds, no click, no focus. */
static void
test_cli_import (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *dir = g_path_get_dirname (signet_store_get_path (f->store));
  g_autofree char *xml_path = g_build_filename (dir, "new-contract.xml", NULL);
  g_autofree char *database = g_strconcat ("--database=", signet_store_get_path (f->store), NULL);
  g_autofree char *import = g_strconcat ("--import=", xml_path, NULL);
  const char * const argv[] = { SIGNET_BINARY, database, import, NULL };
  g_autoptr(GError) error = NULL;
  Expect expect = { f, "HT-2026-0099" };
  SignetContractList *list;
  gint64 since;

  g_assert_true (g_file_set_contents (xml_path,
                                      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                                      "<register xmlns=\"" SIGNET_XML_NAMESPACE "\" version=\"1\">\n"
                                      "  <contracts>\n"
                                      "    <contract number=\"HT-2026-0099\" client=\"HX\">\n"
                                      "      <title>Warehouse rental, Pudong</title>\n"
                                      "      <value currency=\"CNY\">86000.00</value>\n"
                                      "      <status>active</status>\n"
                                      "    </contract>\n"
                                      "  </contracts>\n"
                                      "</register>\n", -1, &error));
  g_assert_no_error (error);

  show_window (f, FALSE);
  list = signet_contract_table_get_model (table (f));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1);
  g_assert_false (list_shows (&expect));

  run_signet_cli (argv);
  since = g_get_monotonic_time ();

  assert_within_two_seconds (list_shows, &expect, since);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 2);
  expect.text = "Warehouse rental, Pudong";
  g_assert_true (list_shows (&expect));

  g_remove (xml_path);
}

static gboolean
scrolls_past_200 (gpointer data)
{
  return gtk_adjustment_get_upper (data) - gtk_adjustment_get_page_size (data) > 200;
}

/* The contract open without edits simply shows what was saved
 * elsewhere, in the form and in the list. */
static void
test_follows_without_edits (Fixture       *f,
                            gconstpointer  data)
{
  Expect expect = { f, "Office lease, floors 3-5" };
  GtkAdjustment *adjustment;
  double position;
  gint64 since;

  show_window (f, TRUE);
  g_assert_false (signet_contract_page_get_dirty (page (f)));

  /* The user reads further down the page. */
  adjustment = gtk_scrolled_window_get_vadjustment (find_mapped_scrolled_window (GTK_WIDGET (page (f))));
  g_assert_true (display_test_wait_for (scrolls_past_200, adjustment));
  gtk_adjustment_set_value (adjustment, 200);
  display_test_spin (50);
  position = gtk_adjustment_get_value (adjustment);
  g_assert_cmpfloat (position, ==, 200);

  change_title_elsewhere (f, "Office lease, floors 3-5");
  since = g_get_monotonic_time ();

  assert_within_two_seconds (title_shown, &expect, since);
  g_assert_true (display_test_wait_for (list_shows, &expect));
  g_assert_false (signet_contract_page_get_dirty (page (f)));
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (panel (f))));
  g_assert_null (display_test_find_alert_dialog ());

  /* And is still reading there. */
  display_test_spin (50);
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), ==, position);
}

/* The user is typing a Department when the title is changed elsewhere: the
 * page shows the changed-elsewhere prompt at once, before any save, with
 * Reload and Keep Mine; the Department stays as typed. */
static void
test_changed_elsewhere_prompt (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(SignetContract) saved = NULL;
  g_autofree char *screenshot = NULL;
  AdwActionRow *row;
  gint64 since;

  g_autofree char *subtitle = NULL;
  const char *department = signet_field_to_label (SIGNET_FIELD_CONTRACT_DEPARTMENT);
  const char *title = signet_field_to_label (SIGNET_FIELD_CONTRACT_TITLE);

  show_window (f, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (field (f, department)));
  gtk_editable_set_text (field (f, department), "法务部");
  g_assert_true (signet_contract_page_get_dirty (page (f)));
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (panel (f))));

  change_title_elsewhere (f, "Office lease, floors 3-5");
  since = g_get_monotonic_time ();

  assert_within_two_seconds (panel_shown, f, since);
  row = ADW_ACTION_ROW (display_test_find_row (GTK_WIDGET (panel (f)), ADW_TYPE_ACTION_ROW, title));
  g_assert_nonnull (row);
  subtitle = g_strdup_printf (_("Now: %s\nWhen you opened it: %s"), "Office lease, floors 3-5", "Office lease");
  g_assert_cmpstr (adw_action_row_get_subtitle (row), ==, subtitle);
  g_assert_nonnull (display_test_find_button (GTK_WIDGET (row), _("Reload")));
  g_assert_nonnull (display_test_find_button (GTK_WIDGET (row), _("Keep Mine")));
  g_assert_null (display_test_find_row (GTK_WIDGET (panel (f)), ADW_TYPE_ACTION_ROW, department));
  g_assert_cmpstr (gtk_editable_get_text (field (f, title)), ==, "Office lease, floors 3-5");
  g_assert_cmpstr (gtk_editable_get_text (field (f, department)), ==, "法务部");
  g_assert_true (signet_contract_page_get_dirty (page (f)));
  g_assert_null (display_test_find_alert_dialog ());
  display_test_spin (200);
  screenshot = display_test_save_screenshot (f->window, "live-changed-elsewhere");

  /* Nothing of the user's was written, nothing of theirs lost. */
  saved = stored (f, signet_contract_get_id (f->contract));
  g_assert_null (signet_contract_get_department (saved));
  g_clear_object (&saved);

  /* Saving now keeps both. */
  g_assert_true (gtk_widget_activate_action (f->window, "contract.save", NULL));
  display_test_spin (20);
  g_assert_null (display_test_find_alert_dialog ());
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (panel (f))));
  saved = stored (f, signet_contract_get_id (f->contract));
  g_assert_cmpstr (signet_contract_get_title (saved), ==, "Office lease, floors 3-5");
  g_assert_cmpstr (signet_contract_get_department (saved), ==, "法务部");
}

/* Deleted elsewhere while the user edits it: the page says so and keeps
 * what was typed; no question pops up; saving adds it again. */
static void
test_deleted_elsewhere (Fixture       *f,
                        gconstpointer  data)
{
  Expect expect = { f, _("This Contract Was Deleted Elsewhere") };
  const char *department = signet_field_to_label (SIGNET_FIELD_CONTRACT_DEPARTMENT);
  const char *title = signet_field_to_label (SIGNET_FIELD_CONTRACT_TITLE);
  /* As the button shows it: without the access key's underscore. */
  g_auto(GStrv) delete_parts = g_strsplit (_("_Delete"), "_", -1);
  g_autofree char *delete_label = g_strjoinv ("", delete_parts);
  GtkWidget *delete_button;
  g_autoptr(SignetContract) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *screenshot = NULL;
  gint64 since;

  show_window (f, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (field (f, department)));
  gtk_editable_set_text (field (f, department), "法务部");

  g_assert_true (signet_store_delete_contract (f->other, signet_contract_get_id (f->contract), &error));
  g_assert_no_error (error);
  since = g_get_monotonic_time ();

  assert_within_two_seconds (page_says, &expect, since);
  g_assert_null (display_test_find_alert_dialog ());
  g_assert_nonnull (signet_contract_page_get_contract (page (f)));
  g_assert_cmpstr (gtk_editable_get_text (field (f, department)), ==, "法务部");
  g_assert_cmpstr (gtk_editable_get_text (field (f, title)), ==, "Office lease");
  /* Nothing is left to delete. */
  delete_button = display_test_find_button (GTK_WIDGET (page (f)), delete_label);
  g_assert_nonnull (delete_button);
  g_assert_false (gtk_widget_is_visible (delete_button));
  display_test_spin (200);
  screenshot = display_test_save_screenshot (f->window, "live-deleted-elsewhere");

  g_assert_true (gtk_widget_activate_action (f->window, "contract.save", NULL));
  display_test_spin (20);
  g_assert_null (display_test_find_alert_dialog ());
  g_assert_false (page_says (&expect));
  again = signet_store_find_contract_by_number (f->other, "HT-2026-0001", &error);
  g_assert_no_error (error);
  g_assert_nonnull (again);
  g_assert_cmpint (signet_contract_get_id (again), !=, signet_contract_get_id (f->contract));
  g_assert_cmpstr (signet_contract_get_department (again), ==, "法务部");
}

/* Deleted elsewhere while only read: the page says so rather than let
 * the contract vanish under the reader's eyes, and no other contract
 * takes its place unasked. */
static void
test_deleted_elsewhere_without_edits (Fixture       *f,
                                      gconstpointer  data)
{
  g_autoptr(SignetContract) second = display_test_add_contract (f->store, f->client, "HT-2026-0002",
                                                                "Cleaning", 50000);
  Expect expect = { f, _("This Contract Was Deleted Elsewhere") };
  g_autoptr(GError) error = NULL;
  gint64 since;

  show_window (f, TRUE);

  g_assert_true (signet_store_delete_contract (f->other, signet_contract_get_id (f->contract), &error));
  g_assert_no_error (error);
  since = g_get_monotonic_time ();

  assert_within_two_seconds (page_says, &expect, since);
  g_assert_null (display_test_find_alert_dialog ());
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (signet_contract_table_get_model (table (f)))), ==, 1);
  g_assert_cmpint (signet_contract_get_id (signet_contract_page_get_contract (page (f))), ==,
                   signet_contract_get_id (f->contract));
  g_test_message ("selected in the list: %" G_GINT64_FORMAT " (the second contract: %" G_GINT64_FORMAT ")",
                  signet_contract_table_get_selected_id (table (f)), signet_contract_get_id (second));
  g_assert_false (signet_contract_page_get_dirty (page (f)));
}

typedef struct
{
  Fixture *f;
  guint    n_items;
} ListLength;

static gboolean
list_has (gpointer data)
{
  ListLength *length = data;

  return g_list_model_get_n_items (G_LIST_MODEL (signet_contract_table_get_model (table (length->f)))) ==
         length->n_items;
}

/* Many contracts written elsewhere at once (one reset for the window):
 * the list has them, and the contract the user is reading stays open
 * and selected. */
static void
test_many_elsewhere_keep_page (Fixture       *f,
                               gconstpointer  data)
{
  ListLength length = { f, 9 };
  g_autoptr(GError) error = NULL;
  gint64 since;

  show_window (f, TRUE);

  g_assert_true (signet_store_begin_batch (f->other, &error));
  for (guint i = 0; i < 8; i++)
    {
      g_autofree char *number = g_strdup_printf ("HT-2026-%04u", i + 2);
      g_autoptr(SignetContract) contract = display_test_add_contract (f->other, f->client, number, "Freight", 1000);
    }
  g_assert_true (signet_store_commit_batch (f->other, &error));
  g_assert_no_error (error);
  since = g_get_monotonic_time ();

  assert_within_two_seconds (list_has, &length, since);
  display_test_spin (100);
  g_assert_nonnull (signet_contract_page_get_contract (page (f)));
  g_assert_cmpint (signet_contract_get_id (signet_contract_page_get_contract (page (f))), ==,
                   signet_contract_get_id (f->contract));
  g_assert_cmpint (signet_contract_table_get_selected_id (table (f)), ==, signet_contract_get_id (f->contract));
  g_assert_null (display_test_find_alert_dialog ());
}

/* A label on screen below @root with @text in it. */
static gboolean
shows_text_within (GtkWidget  *root,
                   const char *text)
{
  if (!gtk_widget_get_mapped (root))
    return FALSE;

  if (GTK_IS_LABEL (root) && strstr (gtk_label_get_text (GTK_LABEL (root)), text) != NULL)
    return TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    if (shows_text_within (child, text))
      return TRUE;

  return FALSE;
}

static gboolean
page_lists (gpointer data)
{
  Expect *expect = data;

  return shows_text_within (GTK_WIDGET (page (expect->f)), expect->text);
}

/* Four other contracts in the batch under way on @store: with them, what
 * the batch does to the open contract reaches the window as one reset,
 * not as precise changes (a record written several times is one). */
static void
add_four_others (Fixture *f)
{
  for (guint i = 0; i < 4; i++)
    {
      g_autofree char *number = g_strdup_printf ("HT-2026-%04u", 100 + i);
      g_autoptr(SignetContract) contract = display_test_add_contract (f->other, f->client, number, "Freight", 1000);
    }
}

/* Adds the record @i (from 0) of five to the open contract through the
 * second connection. */
typedef void (*AddElsewhere) (Fixture *f,
                              guint    i);

/* Five records added to the open contract elsewhere by @add, in one
 * transaction with four other contracts (one reset): the page lists
 * @expected within 2 s, the form untouched. */
static void
assert_added_with_others (Fixture      *f,
                          AddElsewhere  add,
                          const char   *expected)
{
  Expect expect = { f, expected };
  g_autoptr(GError) error = NULL;
  gint64 since;

  show_window (f, TRUE);
  g_assert_false (page_lists (&expect));

  g_assert_true (signet_store_begin_batch (f->other, &error));
  add_four_others (f);
  for (guint i = 0; i < 5; i++)
    add (f, i);
  g_assert_true (signet_store_commit_batch (f->other, &error));
  g_assert_no_error (error);
  since = g_get_monotonic_time ();

  assert_within_two_seconds (page_lists, &expect, since);
  g_assert_false (signet_contract_page_get_dirty (page (f)));
}

static void
add_key_date (Fixture *f,
              guint    i)
{
  g_autofree char *date = g_strdup_printf ("2026-0%u-15", i + 3);
  g_autofree char *title = g_strdup_printf ("Milestone %u", i + 1);
  g_autoptr(GError) error = NULL;
  SignetUserKeyDate *key_date = signet_user_key_date_new (signet_contract_get_id (f->contract),
                                                          SIGNET_KEY_DATE_MILESTONE, date, title, NULL);

  g_assert_true (signet_store_add_key_date (f->other, key_date, &error));
  g_assert_no_error (error);
  signet_user_key_date_free (key_date);
}

/* Key dates added to the open contract elsewhere with other records (one
 * reset): the page's key dates show them ("Milestone: … · Milestone 5"),
 * the form untouched. */
static void
test_key_dates_elsewhere (Fixture       *f,
                          gconstpointer  data)
{
  assert_added_with_others (f, add_key_date, "Milestone 5");
}

static void
add_attachment (Fixture *f,
                guint    i)
{
  g_autofree char *name = g_strdup_printf ("annex-%u.txt", i + 1);
  g_autofree char *text = g_strdup_printf ("Annex %u to the office lease.", i + 1);
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));
  g_autoptr(SignetAttachment) attachment = NULL;
  g_autoptr(GError) error = NULL;

  attachment = signet_store_add_attachment (f->other, signet_contract_get_id (f->contract), bytes, name,
                                            "text/plain", SIGNET_ATTACHMENT_ROLE_AMENDMENT, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (attachment);
}

/* Files attached to the open contract elsewhere with other records (one
 * reset): the page's attachments show them. */
static void
test_attachments_elsewhere (Fixture       *f,
                            gconstpointer  data)
{
  assert_added_with_others (f, add_attachment, "annex-5.txt");
}

static GtkListBoxRow *
find_client_row (GtkWidget  *window,
                 const char *name)
{
  GtkListBox *list_box = GTK_LIST_BOX (display_test_find_type (window, GTK_TYPE_LIST_BOX));
  GtkListBoxRow *row;

  for (int i = 0; (row = gtk_list_box_get_row_at_index (list_box, i)) != NULL; i++)
    if (g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), name) == 0)
      return row;

  return NULL;
}

typedef struct
{
  GtkWidget *dialog;
} ClientsShown;

static gboolean
client_panel_shown (gpointer data)
{
  ClientsShown *shown = data;

  return gtk_widget_get_mapped (display_test_find_type (shown->dialog, SIGNET_TYPE_CONFLICT_PANEL));
}

/* Shows the window and the Clients dialog over it in @shown, with the
 * client @name selected, and types @phone into its Phone field, which it
 * returns. */
static GtkWidget *
type_client_phone (Fixture      *f,
                   ClientsShown *shown,
                   const char   *name,
                   const char   *phone)
{
  GtkListBoxRow *row;
  GtkWidget *field;

  show_window (f, FALSE);
  shown->dialog = GTK_WIDGET (signet_clients_window_new (f->store));
  adw_dialog_present (ADW_DIALOG (shown->dialog), f->window);
  display_test_spin (100);
  row = find_client_row (shown->dialog, name);
  g_assert_nonnull (row);
  gtk_list_box_select_row (GTK_LIST_BOX (display_test_find_type (shown->dialog, GTK_TYPE_LIST_BOX)), row);
  display_test_spin (20);

  field = display_test_find_form_field (shown->dialog, signet_field_to_label (SIGNET_FIELD_CLIENT_PHONE));
  g_assert_nonnull (field);
  gtk_editable_set_text (GTK_EDITABLE (field), phone);

  return field;
}

/* The Clients dialog over the window: a phone number being typed when the
 * name is changed elsewhere; the prompt comes without a save. */
static void
test_client_changed_elsewhere (Fixture       *f,
                               gconstpointer  data)
{
  gint64 id = signet_client_get_id (f->client);
  g_autoptr(SignetClient) theirs = NULL;
  g_autoptr(SignetClient) saved = NULL;
  g_autoptr(GError) error = NULL;
  ClientsShown shown;
  AdwActionRow *panel_row;
  GtkWidget *phone;
  gint64 since;

  phone = type_client_phone (f, &shown, "北京华信科技有限公司", "010-6666 0100");

  theirs = signet_store_get_client (f->other, id, &error);
  signet_client_set_name (theirs, "北京华信科技股份有限公司");
  g_assert_true (signet_store_update_client (f->other, theirs, &error));
  g_assert_no_error (error);
  since = g_get_monotonic_time ();

  assert_within_two_seconds (client_panel_shown, &shown, since);
  panel_row = ADW_ACTION_ROW (display_test_find_row (display_test_find_type (shown.dialog, SIGNET_TYPE_CONFLICT_PANEL),
                                                    ADW_TYPE_ACTION_ROW, "Name"));
  g_assert_nonnull (panel_row);
  g_assert_cmpstr (adw_action_row_get_subtitle (panel_row), ==,
                   "Now: 北京华信科技股份有限公司\nWhen you opened it: 北京华信科技有限公司");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (phone)), ==, "010-6666 0100");

  g_assert_true (gtk_widget_activate_action (shown.dialog, "client.save", NULL));
  display_test_spin (20);
  saved = signet_store_get_client (f->other, id, &error);
  g_assert_cmpstr (signet_client_get_name (saved), ==, "北京华信科技股份有限公司");
  g_assert_cmpstr (signet_client_get_phone (saved), ==, "010-6666 0100");
}

static gboolean
dialog_says (gpointer data)
{
  ClientsShown *shown = data;

  return shows_text (shown->dialog, _("This Client Was Deleted Elsewhere"));
}

/* A client without contracts deleted elsewhere while its phone number is
 * being typed in the Clients dialog: the form says so and keeps the
 * number; saving adds the client again. */
static void
test_client_deleted_elsewhere (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(SignetClient) lone = display_test_add_client (f->store, "上海港务集团", "SHGW");
  g_autoptr(SignetClient) again = NULL;
  g_autoptr(GError) error = NULL;
  ClientsShown shown;
  GtkWidget *phone;
  gint64 since;

  phone = type_client_phone (f, &shown, "上海港务集团", "021-6888 0100");

  g_assert_true (signet_store_delete_client (f->other, signet_client_get_id (lone), &error));
  g_assert_no_error (error);
  since = g_get_monotonic_time ();

  assert_within_two_seconds (dialog_says, &shown, since);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (phone)), ==, "021-6888 0100");
  g_assert_null (display_test_find_alert_dialog ());
  display_test_spin (200);
  g_free (display_test_save_screenshot (f->window, "live-client-deleted-elsewhere"));

  g_assert_true (gtk_widget_activate_action (shown.dialog, "client.save", NULL));
  display_test_spin (20);
  g_assert_null (display_test_find_alert_dialog ());
  g_assert_false (dialog_says (&shown));
  again = signet_store_find_client_by_code (f->other, "SHGW", &error);
  g_assert_no_error (error);
  g_assert_nonnull (again);
  g_assert_cmpstr (signet_client_get_name (again), ==, "上海港务集团");
  g_assert_cmpstr (signet_client_get_phone (again), ==, "021-6888 0100");
}

int
main (int   argc,
      char *argv[])
{
  display_test_init (&argc, &argv);
  display_test_bind_build_catalog ();

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, display_test_two_writers_set_up, func, display_test_two_writers_tear_down)

  ADD ("/live-register/cli-import", test_cli_import);
  ADD ("/live-register/follows-without-edits", test_follows_without_edits);
  ADD ("/live-register/changed-elsewhere-prompt", test_changed_elsewhere_prompt);
  ADD ("/live-register/deleted-elsewhere", test_deleted_elsewhere);
  ADD ("/live-register/deleted-elsewhere-without-edits", test_deleted_elsewhere_without_edits);
  ADD ("/live-register/many-elsewhere-keep-page", test_many_elsewhere_keep_page);
  ADD ("/live-register/key-dates-elsewhere", test_key_dates_elsewhere);
  ADD ("/live-register/attachments-elsewhere", test_attachments_elsewhere);
  ADD ("/live-register/client-changed-elsewhere", test_client_changed_elsewhere);
  ADD ("/live-register/client-deleted-elsewhere", test_client_deleted_elsewhere);

  return g_test_run ();
}
