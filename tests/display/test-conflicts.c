/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "test-conflicts"

#include "config.h"

#include <string.h>

#include "display-test-utils.h"
#include "signet-clients-window.h"
#include "signet-conflict-panel.h"
#include "signet-contract-page.h"
#include "signet-window.h"

/* An edit never silently overwrites someone else's change: the window
 * edits a contract (or a client) while a second connection to the same
 * file, as another program would, changes it. The save is refused, the
 * page shows what changed, and the user reloads or keeps each field. */

typedef DisplayTestTwoWriters Fixture;

static SignetContractPage *
page (Fixture *f)
{
  return SIGNET_CONTRACT_PAGE (display_test_find_type (f->window, SIGNET_TYPE_CONTRACT_PAGE));
}

static void
show_window (Fixture *f)
{
  f->window = GTK_WIDGET (signet_window_new (NULL, f->store, NULL));
  display_test_show (GTK_WINDOW (f->window));
  display_test_select_contract (f->window, f->contract);
}

/* A field of the form (not a row of the conflict panel above it). */
static GtkWidget *
find_field (GtkWidget  *root,
            const char *name)
{
  GtkWidget *field = display_test_find_form_field (root, name);

  g_assert_nonnull (field);

  return field;
}

static void
set_field_text (GtkWidget  *root,
                const char *name,
                const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (find_field (root, name)), text);
}

static const char *
field_text (GtkWidget  *root,
            const char *name)
{
  return gtk_editable_get_text (GTK_EDITABLE (find_field (root, name)));
}

static char *
notes_text (GtkWidget *root)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (find_field (root, "Notes")));
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);

  return gtk_text_iter_get_text (&start, &end);
}

static SignetConflictPanel *
panel (GtkWidget *root)
{
  return SIGNET_CONFLICT_PANEL (display_test_find_type (root, SIGNET_TYPE_CONFLICT_PANEL));
}

static gboolean
panel_showing (GtkWidget *root)
{
  return gtk_widget_get_mapped (GTK_WIDGET (panel (root)));
}

static guint
count_rows (GtkWidget *root)
{
  guint n = ADW_IS_ACTION_ROW (root) ? 1 : 0;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    n += count_rows (child);

  return n;
}

static const char *
row_subtitle (GtkWidget  *root,
              const char *title)
{
  AdwActionRow *row = ADW_ACTION_ROW (display_test_find_row (GTK_WIDGET (panel (root)), ADW_TYPE_ACTION_ROW, title));

  g_assert_nonnull (row);

  return adw_action_row_get_subtitle (row);
}

static GtkToggleButton *
row_button (GtkWidget  *root,
            const char *title,
            const char *label)
{
  AdwActionRow *row = ADW_ACTION_ROW (display_test_find_row (GTK_WIDGET (panel (root)), ADW_TYPE_ACTION_ROW, title));
  GtkWidget *button;

  g_assert_nonnull (row);
  button = display_test_find_button (GTK_WIDGET (row), label);
  g_assert_nonnull (button);

  return GTK_TOGGLE_BUTTON (button);
}

static void
click (GtkWidget  *root,
       const char *title,
       const char *label)
{
  g_signal_emit_by_name (row_button (root, title, label), "clicked");
  display_test_spin (20);
}

static void
save (Fixture *f)
{
  g_assert_true (gtk_widget_activate_action (f->window, "contract.save", NULL));
  display_test_spin (20);
}

static SignetContract *
stored (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  SignetContract *contract = signet_store_get_contract (f->other, signet_contract_get_id (f->contract), &error);

  g_assert_no_error (error);

  return contract;
}

/* The other program changes the contract: what an import or the command
 * line does, through a connection of its own. */
static void
change_elsewhere (Fixture    *f,
                  const char *title,
                  const char *notes)
{
  g_autoptr(SignetContract) contract = stored (f);
  g_autoptr(GError) error = NULL;

  signet_contract_set_title (contract, title);
  if (notes != NULL)
    signet_contract_set_notes (contract, notes);
  g_assert_true (signet_store_update_contract (f->other, contract, &error));
  g_assert_no_error (error);
}

static guint
count_audit (Fixture *f)
{
  g_autoptr(GPtrArray) entries = signet_store_list_audit (f->other, SIGNET_RECORD_CONTRACT,
                                                          signet_contract_get_id (f->contract), NULL);

  return entries->len;
}

/* The lost update of the fault tests. The user changes Department; meanwhile
 * the title is changed elsewhere. Save shows the new title, writes
 * nothing, and keeps Department in the form; saving again keeps both. */
static void
test_reload_title (Fixture       *f,
                   gconstpointer  data)
{
  GtkWidget *form;
  g_autoptr(SignetContract) after_refusal = NULL;
  g_autoptr(SignetContract) saved = NULL;
  g_autoptr(GPtrArray) audit = NULL;
  SignetAuditEntry *entry;
  guint n_audit;

  show_window (f);
  form = GTK_WIDGET (page (f));
  g_assert_false (panel_showing (form));
  set_field_text (form, "Department", "法务部");
  change_elsewhere (f, "Office lease, floors 3-5", NULL);
  n_audit = count_audit (f);

  save (f);

  /* Shown on the page, not in a dialog; nothing written. */
  g_assert_null (display_test_find_alert_dialog ());
  g_assert_true (panel_showing (form));
  g_assert_cmpuint (count_rows (GTK_WIDGET (panel (form))), ==, 1);
  g_assert_cmpstr (row_subtitle (form, "Title"), ==, "Now: Office lease, floors 3-5\nWhen you opened it: Office lease");
  after_refusal = stored (f);
  g_assert_cmpstr (signet_contract_get_title (after_refusal), ==, "Office lease, floors 3-5");
  g_assert_null (signet_contract_get_department (after_refusal));
  g_assert_cmpuint (count_audit (f), ==, n_audit);

  /* The title the user did not touch is reloaded; Department is as typed. */
  g_assert_true (gtk_toggle_button_get_active (row_button (form, "Title", "Reload")));
  g_assert_cmpstr (field_text (form, "Title"), ==, "Office lease, floors 3-5");
  g_assert_cmpstr (field_text (form, "Department"), ==, "法务部");
  g_assert_true (signet_contract_page_get_dirty (page (f)));

  save (f);

  g_assert_null (display_test_find_alert_dialog ());
  g_assert_false (panel_showing (form));
  g_assert_false (signet_contract_page_get_dirty (page (f)));
  saved = stored (f);
  g_assert_cmpstr (signet_contract_get_title (saved), ==, "Office lease, floors 3-5");
  g_assert_cmpstr (signet_contract_get_department (saved), ==, "法务部");
  g_assert_cmpint (signet_contract_get_version (saved), ==, 3);

  /* The user is recorded for the Department alone. */
  audit = signet_store_list_audit (f->other, SIGNET_RECORD_CONTRACT, signet_contract_get_id (f->contract), NULL);
  entry = g_ptr_array_index (audit, 0);
  g_assert_cmpstr (signet_audit_action_to_token (entry->action), ==, "update");
  g_assert_cmpuint (entry->changes->len, ==, 1);
  g_assert_cmpstr (((SignetAuditChange *) g_ptr_array_index (entry->changes, 0))->field, ==, "department");
}

/* A field both changed asks; the save waits for the answer. Keep Mine
 * keeps the user's title, Reload takes the notes changed elsewhere, and
 * switching a field back and forth loses nothing the user typed. */
static void
test_keep_mine (Fixture       *f,
                gconstpointer  data)
{
  GtkWidget *form;
  g_autoptr(SignetContract) after_refusal = NULL;
  g_autoptr(SignetContract) saved = NULL;
  g_autofree char *notes = NULL;

  show_window (f);
  form = GTK_WIDGET (page (f));
  set_field_text (form, "Title", "Office lease, main building");
  set_field_text (form, "Department", "法务部");
  change_elsewhere (f, "Office lease, floors 3-5", "Signed copy in cabinet 2.\nKeys at reception.");

  save (f);

  g_assert_null (display_test_find_alert_dialog ());
  g_assert_true (panel_showing (form));
  g_assert_cmpuint (count_rows (GTK_WIDGET (panel (form))), ==, 2);
  g_assert_cmpstr (row_subtitle (form, "Title"), ==,
                   "Now: Office lease, floors 3-5\nYours: Office lease, main building");
  g_assert_cmpstr (row_subtitle (form, "Notes"), ==,
                   "Now: Signed copy in cabinet 2. Keys at reception.\nWhen you opened it: (empty)");
  g_assert_false (gtk_toggle_button_get_active (row_button (form, "Title", "Reload")));
  g_assert_false (gtk_toggle_button_get_active (row_button (form, "Title", "Keep Mine")));
  g_assert_true (gtk_toggle_button_get_active (row_button (form, "Notes", "Reload")));
  g_assert_cmpstr (field_text (form, "Title"), ==, "Office lease, main building");
  notes = notes_text (form);
  g_assert_cmpstr (notes, ==, "Signed copy in cabinet 2.\nKeys at reception.");

  /* Undecided: Save writes nothing and says what is missing. */
  save (f);
  g_assert_null (display_test_find_alert_dialog ());
  g_assert_true (display_test_shows_label (GTK_WIDGET (panel (form)),
                                           "Fields you changed as well need your choice: Reload or Keep Mine."));
  after_refusal = stored (f);
  g_assert_cmpstr (signet_contract_get_title (after_refusal), ==, "Office lease, floors 3-5");
  g_assert_null (signet_contract_get_department (after_refusal));

  /* Reload, more typing, Keep Mine, Reload, Keep Mine: the user's text each time. */
  click (form, "Title", "Reload");
  g_assert_cmpstr (field_text (form, "Title"), ==, "Office lease, floors 3-5");
  click (form, "Title", "Keep Mine");
  g_assert_cmpstr (field_text (form, "Title"), ==, "Office lease, main building");
  set_field_text (form, "Title", "Office lease, main building (east wing)");
  click (form, "Title", "Reload");
  g_assert_cmpstr (field_text (form, "Title"), ==, "Office lease, floors 3-5");
  click (form, "Title", "Keep Mine");
  g_assert_cmpstr (field_text (form, "Title"), ==, "Office lease, main building (east wing)");
  g_assert_cmpstr (field_text (form, "Department"), ==, "法务部");

  save (f);

  g_assert_null (display_test_find_alert_dialog ());
  g_assert_false (panel_showing (form));
  saved = stored (f);
  g_assert_cmpstr (signet_contract_get_title (saved), ==, "Office lease, main building (east wing)");
  g_assert_cmpstr (signet_contract_get_department (saved), ==, "法务部");
  g_assert_cmpstr (signet_contract_get_notes (saved), ==, "Signed copy in cabinet 2.\nKeys at reception.");
}

/* A change the window itself makes while the form is clean is taken in,
 * with its version: the next save is no conflict. */
static void
test_clean_form_follows (Fixture       *f,
                         gconstpointer  data)
{
  GtkWidget *form;
  g_autoptr(SignetContract) changed = NULL;
  g_autoptr(SignetContract) saved = NULL;
  g_autoptr(GError) error = NULL;

  show_window (f);
  form = GTK_WIDGET (page (f));
  changed = signet_store_get_contract (f->store, signet_contract_get_id (f->contract), &error);
  signet_contract_set_title (changed, "Office lease, renewed");
  g_assert_true (signet_store_update_contract (f->store, changed, &error));
  g_assert_no_error (error);
  display_test_spin (20);
  g_assert_cmpstr (field_text (form, "Title"), ==, "Office lease, renewed");

  set_field_text (form, "Department", "采购部");
  save (f);

  g_assert_false (panel_showing (form));
  g_assert_null (display_test_find_alert_dialog ());
  saved = stored (f);
  g_assert_cmpstr (signet_contract_get_title (saved), ==, "Office lease, renewed");
  g_assert_cmpstr (signet_contract_get_department (saved), ==, "采购部");
}

/* The same after an import through the window's register, which resets
 * the views instead of naming each record. */
static void
test_clean_form_follows_import (Fixture       *f,
                                gconstpointer  data)
{
  g_autoptr(SignetContract) changed = NULL;
  g_autoptr(SignetContract) saved = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *form;

  show_window (f);
  form = GTK_WIDGET (page (f));
  changed = signet_store_get_contract (f->store, signet_contract_get_id (f->contract), &error);
  signet_contract_set_title (changed, "Office lease, imported");
  g_assert_true (signet_store_begin_batch (f->store, &error));
  g_assert_true (signet_store_update_contract (f->store, changed, &error));
  g_assert_true (signet_store_commit_batch (f->store, &error));
  g_assert_no_error (error);
  display_test_spin (20);
  g_assert_cmpstr (field_text (form, "Title"), ==, "Office lease, imported");

  set_field_text (form, "Department", "采购部");
  save (f);

  g_assert_false (panel_showing (form));
  saved = stored (f);
  g_assert_cmpstr (signet_contract_get_title (saved), ==, "Office lease, imported");
  g_assert_cmpstr (signet_contract_get_department (saved), ==, "采购部");
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

/* The Clients window: the phone typed in it and the name changed
 * elsewhere both survive. */
static void
test_client (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(SignetClient) theirs = NULL;
  g_autoptr(SignetClient) after_refusal = NULL;
  g_autoptr(SignetClient) saved = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id = signet_client_get_id (f->client);
  GtkListBoxRow *row;

  f->window = GTK_WIDGET (signet_clients_window_new (f->store));
  display_test_present_dialog (ADW_DIALOG (f->window), 1200, 760);
  row = find_client_row (f->window, "北京华信科技有限公司");
  g_assert_nonnull (row);
  gtk_list_box_select_row (GTK_LIST_BOX (display_test_find_type (f->window, GTK_TYPE_LIST_BOX)), row);
  display_test_spin (20);

  set_field_text (f->window, "Phone", "010-6666 0100");
  theirs = signet_store_get_client (f->other, id, &error);
  signet_client_set_name (theirs, "北京华信科技股份有限公司");
  g_assert_true (signet_store_update_client (f->other, theirs, &error));
  g_assert_no_error (error);

  g_assert_true (gtk_widget_activate_action (f->window, "client.save", NULL));
  display_test_spin (20);

  g_assert_null (display_test_find_alert_dialog ());
  g_assert_true (panel_showing (f->window));
  g_assert_cmpstr (row_subtitle (f->window, "Name"), ==,
                   "Now: 北京华信科技股份有限公司\nWhen you opened it: 北京华信科技有限公司");
  after_refusal = signet_store_get_client (f->other, id, &error);
  g_assert_null (signet_client_get_phone (after_refusal));
  g_assert_cmpstr (field_text (f->window, "Name"), ==, "北京华信科技股份有限公司");
  g_assert_cmpstr (field_text (f->window, "Phone"), ==, "010-6666 0100");

  g_assert_true (gtk_widget_activate_action (f->window, "client.save", NULL));
  display_test_spin (20);

  g_assert_false (panel_showing (f->window));
  saved = signet_store_get_client (f->other, id, &error);
  g_assert_cmpstr (signet_client_get_name (saved), ==, "北京华信科技股份有限公司");
  g_assert_cmpstr (signet_client_get_phone (saved), ==, "010-6666 0100");
}

/* A change the window's own store makes to the client shown, while its
 * form is clean, is taken in with its version: the next save is no
 * conflict. */
static void
test_client_clean_form_follows (Fixture       *f,
                                gconstpointer  data)
{
  g_autoptr(SignetClient) changed = NULL;
  g_autoptr(SignetClient) saved = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id = signet_client_get_id (f->client);
  GtkListBoxRow *row;

  f->window = GTK_WIDGET (signet_clients_window_new (f->store));
  display_test_present_dialog (ADW_DIALOG (f->window), 1200, 760);
  row = find_client_row (f->window, "北京华信科技有限公司");
  gtk_list_box_select_row (GTK_LIST_BOX (display_test_find_type (f->window, GTK_TYPE_LIST_BOX)), row);
  display_test_spin (20);

  changed = signet_store_get_client (f->store, id, &error);
  signet_client_set_name (changed, "北京华信科技股份有限公司");
  g_assert_true (signet_store_update_client (f->store, changed, &error));
  g_assert_no_error (error);
  display_test_spin (20);
  g_assert_cmpstr (field_text (f->window, "Name"), ==, "北京华信科技股份有限公司");

  set_field_text (f->window, "Phone", "010-6666 0100");
  g_assert_true (gtk_widget_activate_action (f->window, "client.save", NULL));
  display_test_spin (20);

  g_assert_false (panel_showing (f->window));
  g_assert_null (display_test_find_alert_dialog ());
  saved = signet_store_get_client (f->other, id, &error);
  g_assert_cmpstr (signet_client_get_name (saved), ==, "北京华信科技股份有限公司");
  g_assert_cmpstr (signet_client_get_phone (saved), ==, "010-6666 0100");
}

int
main (int   argc,
      char *argv[])
{
  display_test_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add ("/conflicts/" path, Fixture, NULL, display_test_two_writers_set_up, func, display_test_two_writers_tear_down)

  ADD ("reload-title", test_reload_title);
  ADD ("keep-mine", test_keep_mine);
  ADD ("clean-form-follows", test_clean_form_follows);
  ADD ("clean-form-follows-import", test_clean_form_follows_import);
  ADD ("client", test_client);
  ADD ("client-clean-form-follows", test_client_clean_form_follows);

#undef ADD

  return g_test_run ();
}
