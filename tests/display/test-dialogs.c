/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "test-dialogs"

#include "config.h"

#include <locale.h>

#include <glib/gi18n.h>

#include "display-test-utils.h"
#include "signet-application.h"
#include "signet-attachments-section.h"
#include "signet-clients-window.h"
#include "signet-people-window.h"
#include "signet-store-people.h"
#include "signet-error-dialog.h"
#include "signet-export-dialog.h"
#include "signet-import-dialog.h"
#include "signet-key-dates-section.h"
#include "signet-shortcuts-dialog.h"
#include "signet-store-attachments.h"
#include "signet-window.h"
#include "signet-xml.h"

/* Every dialog of the app opens over Signet's window and closes: an
 * error, the unsaved-changes question with each answer, Import (the dry
 * run's summary and the error page, and its file chooser), Export (its
 * choices, its file chooser and the result), Clients with its
 * confirmations, Add a Client First, the contract page's questions (a key
 * date, a review, reminders, an attachment's role), Preferences, About
 * and Keyboard Shortcuts. Deleting a contract asks nothing: it is undone
 * from its toast (test-window). Each is
 * looked at in a window 1200 pixels wide and in one 360 pixels wide, where
 * a dialog is a sheet at the bottom: its content must fit the width, and
 * GTK must not warn that a label got less room than it needs (display
 * tests make warnings fatal). Each is drawn into dialog-LANG-WIDTH-NAME.png
 * beside the test, to be looked at; LC_ALL=zh_CN.UTF-8 draws them in
 * Chinese. */

typedef struct
{
  SignetStore  *store;
  SignetWindow *window;
  int           width;
} Fixture;

static SignetApplication *app;

typedef struct
{
  GtkWidget *window;
  int        width;
} WidthWait;

static gboolean
window_width_is (gpointer data)
{
  WidthWait *wait = data;

  return gtk_widget_get_width (wait->window) == wait->width;
}

/* A new window on the register, @f->width pixels wide inside its frame:
 * what a phone's screen gives it at 360. */
static void
show_window (Fixture *f)
{
  WidthWait wait;
  int height = f->width > 360 ? 760 : 640;
  int frame;

  /* Shown a little wider first, to learn what the frame takes. */
  f->window = signet_window_new (GTK_APPLICATION (app), f->store, NULL);
  gtk_window_set_default_size (GTK_WINDOW (f->window), f->width + 40, height + 40);
  display_test_show (GTK_WINDOW (f->window));

  frame = f->width + 40 - gtk_widget_get_width (GTK_WIDGET (f->window));
  wait = (WidthWait) { GTK_WIDGET (f->window), f->width };
  gtk_window_set_default_size (GTK_WINDOW (f->window), f->width + frame, height + frame);
  g_assert_true (display_test_wait_for (window_width_is, &wait));
  display_test_spin (100);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(SignetClient) acme = NULL;
  g_autoptr(SignetClient) huadong = NULL;

  display_test_reset_settings ();

  f->width = GPOINTER_TO_INT (data);
  f->store = display_test_new_store ();
  huadong = display_test_add_client (f->store, "华东建设集团有限公司", "C001");
  acme = display_test_add_client (f->store, "Acme Corporation", "ACME");
  g_object_unref (display_test_add_client (f->store, "Globex Trading", "GLX"));
  g_object_unref (display_test_add_draft_contract (f->store, huadong, "HT-2026-0001", "办公楼租赁合同", 50000000));
  g_object_unref (display_test_add_contract (f->store, acme, "HT-2026-0002", "Annual maintenance", 1200000));

  show_window (f);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  display_test_destroy_windows ();
  g_clear_object (&f->store);
}

static AdwDialog *
shown_dialog (Fixture *f)
{
  return adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (f->window));
}

typedef struct
{
  Fixture *f;
  GType    type;
} DialogWait;

static gboolean
dialog_of_type_shown (gpointer data)
{
  DialogWait *wait = data;
  AdwDialog *dialog = shown_dialog (wait->f);

  return dialog != NULL && G_TYPE_CHECK_INSTANCE_TYPE (dialog, wait->type) &&
         gtk_widget_get_mapped (adw_dialog_get_child (dialog));
}

/* The dialog of @type, once it is on screen over the window. */
static AdwDialog *
wait_for_dialog (Fixture *f,
                 GType    type)
{
  DialogWait wait = { f, type };

  g_assert_true (display_test_wait_for (dialog_of_type_shown, &wait));
  display_test_spin (300);

  return shown_dialog (f);
}

static gboolean
no_dialog_shown (gpointer data)
{
  return shown_dialog (data) == NULL;
}

static void
wait_until_closed (Fixture *f)
{
  g_assert_true (display_test_wait_for (no_dialog_shown, f));
}

/* What a user sees of @dialog fits the window, and its content needs no
 * more than the window's width; drawn into a PNG named after @name. */
static void
look_at (Fixture    *f,
         AdwDialog  *dialog,
         const char *name)
{
  GtkWidget *content = adw_dialog_get_child (dialog);
  g_autofree char *language = NULL;
  g_autofree char *file_name = NULL;
  int minimum;

  /* Drawn as it is after the last change, its animations over. */
  display_test_spin (500);
  gtk_widget_measure (content, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
  g_assert_cmpint (minimum, <=, f->width);
  g_assert_cmpint (gtk_widget_get_width (content), <=, gtk_widget_get_width (GTK_WIDGET (f->window)));
  g_assert_cmpint (gtk_widget_get_height (content), <=, gtk_widget_get_height (GTK_WIDGET (f->window)));

  language = g_strndup (setlocale (LC_MESSAGES, NULL), strcspn (setlocale (LC_MESSAGES, NULL), "."));
  file_name = g_strdup_printf ("dialog-%s-%d-%s", language, f->width, name);
  g_free (display_test_save_screenshot (GTK_WIDGET (f->window), file_name));
}

/* Clicks the button labelled @label, a translated label with its
 * mnemonic. */
static void
click (AdwDialog  *dialog,
       const char *label)
{
  g_autoptr(GString) shown = g_string_new (label);
  GtkWidget *button;

  g_string_replace (shown, "_", "", 0);
  button = display_test_find_button (GTK_WIDGET (dialog), shown->str);

  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  display_test_spin (50);
}

/* GTK's own file chooser, which GtkFileDialog shows without a portal. */
typedef struct
{
  GtkWindow  *parent;
  const char *title;
} ChooserWait;

static GtkWindow *
find_chooser (ChooserWait *wait)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (window != wait->parent && gtk_widget_get_visible (GTK_WIDGET (window)) &&
          g_strcmp0 (gtk_window_get_title (window), wait->title) == 0)
        return window;
    }

  return NULL;
}

static gboolean
chooser_shown (gpointer data)
{
  return find_chooser (data) != NULL;
}

static gboolean
chooser_gone (gpointer data)
{
  return find_chooser (data) == NULL;
}

/* The file chooser titled @title opens over the window; the user closes it. */
static void
dismiss_chooser (Fixture    *f,
                 const char *title)
{
  ChooserWait wait = { GTK_WINDOW (f->window), title };
  GtkWindow *chooser;

  g_assert_true (display_test_wait_for (chooser_shown, &wait));
  chooser = find_chooser (&wait);
  g_assert_true (gtk_window_get_modal (chooser));
  g_assert_true (gtk_window_get_transient_for (chooser) == GTK_WINDOW (f->window));
  display_test_spin (200);
  gtk_window_close (chooser);
  g_assert_true (display_test_wait_for (chooser_gone, &wait));
  display_test_spin (100);
}

static GFile *
write_file (const char *name,
            const char *contents)
{
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), name, NULL);

  g_assert_true (g_file_set_contents (path, contents, -1, NULL));

  return g_file_new_for_path (path);
}

static void
test_error (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_NO_SPACE,
                                                 "The disk is full: “/home/wang/registers/contracts-2026.xml” "
                                                 "could not be written. Free some space and try again.");
  AdwDialog *dialog;

  signet_error_dialog_show (GTK_WIDGET (f->window), "“contracts-2026-annual-review.xml” Was Not Saved", error);
  dialog = wait_for_dialog (f, ADW_TYPE_ALERT_DIALOG);
  g_assert_cmpstr (adw_alert_dialog_get_body (ADW_ALERT_DIALOG (dialog)), ==, error->message);
  look_at (f, dialog, "error");

  display_test_respond ("close");
  wait_until_closed (f);
}

static const char *
title_shown (Fixture *f)
{
  GtkWidget *title = display_test_find_accessible (GTK_WIDGET (f->window),
                                                   signet_field_to_label (SIGNET_FIELD_CONTRACT_TITLE));

  g_assert_nonnull (title);

  return gtk_editable_get_text (GTK_EDITABLE (title));
}

/* Edits the first contract's title, then asks for a new contract. */
static AdwDialog *
edit_and_leave (Fixture    *f,
                const char *title)
{
  g_autoptr(SignetContract) contract = signet_store_find_contract_by_number (f->store, "HT-2026-0001", NULL);

  signet_window_open_contract (f->window, signet_contract_get_id (contract));
  display_test_spin (50);
  gtk_editable_set_text (GTK_EDITABLE (display_test_find_accessible (GTK_WIDGET (f->window),
                                                                    signet_field_to_label (SIGNET_FIELD_CONTRACT_TITLE))),
                         title);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.new-contract", NULL));

  return wait_for_dialog (f, ADW_TYPE_ALERT_DIALOG);
}

static char *
stored_title (Fixture *f)
{
  g_autoptr(SignetContract) contract = signet_store_find_contract_by_number (f->store, "HT-2026-0001", NULL);

  return g_strdup (signet_contract_get_title (contract));
}

static void
test_unsaved (Fixture       *f,
              gconstpointer  data)
{
  g_autofree char *after_discard = NULL;
  g_autofree char *after_save = NULL;
  AdwDialog *dialog;

  /* Cancel: the edit stays on the page. */
  dialog = edit_and_leave (f, "办公楼租赁合同（续）");
  g_assert_cmpstr (adw_alert_dialog_get_heading (ADW_ALERT_DIALOG (dialog)), ==, _("Save Changes?"));
  look_at (f, dialog, "unsaved");
  display_test_respond ("cancel");
  wait_until_closed (f);
  g_assert_cmpstr (title_shown (f), ==, "办公楼租赁合同（续）");

  /* Discard: the edit is dropped, the new contract comes. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.new-contract", NULL));
  wait_for_dialog (f, ADW_TYPE_ALERT_DIALOG);
  display_test_respond ("discard");
  wait_until_closed (f);
  after_discard = stored_title (f);
  g_assert_cmpstr (after_discard, ==, "办公楼租赁合同");
  g_assert_cmpstr (title_shown (f), ==, "");

  /* Save: the edit is stored, then the new contract comes. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "contract.cancel", NULL));
  edit_and_leave (f, "办公楼租赁合同，二期");
  display_test_respond ("save");
  wait_until_closed (f);
  after_save = stored_title (f);
  g_assert_cmpstr (after_save, ==, "办公楼租赁合同，二期");
  g_assert_cmpstr (title_shown (f), ==, "");
}

static const char import_file[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
  "<register xmlns=\"" SIGNET_XML_NAMESPACE "\" version=\"1\">\n"
  "  <contracts>\n"
  "    <contract number=\"HT-2026-0001\" client=\"C001\">\n"
  "      <title>办公楼租赁合同（三至五层）</title>\n"
  "      <value currency=\"CNY\">500000.00</value>\n"
  "      <status>active</status>\n"
  "    </contract>\n"
  "    <contract number=\"HT-2026-0107\" client=\"ACME\">\n"
  "      <title>Cloud hosting</title>\n"
  "      <value currency=\"CNY\">30000.00</value>\n"
  "      <status>draft</status>\n"
  "    </contract>\n"
  "  </contracts>\n"
  "</register>\n";

static const char bad_import_file[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
  "<register xmlns=\"" SIGNET_XML_NAMESPACE "\" version=\"1\">\n"
  "  <contracts>\n"
  "    <contract number=\"HT-2026-0107\" client=\"ACME\">\n"
  "      <title>Cloud hosting</title>\n"
  "      <value currency=\"CNY\">30000.00</value>\n"
  "      <end-date>2026-02-30</end-date>\n"
  "      <status>draft</status>\n"
  "    </contract>\n"
  "  </contracts>\n"
  "</register>\n";

typedef struct
{
  AdwDialog  *dialog;
  const char *page;
} PageWait;

static GtkStack *
find_pages (GtkWidget *root)
{
  if (GTK_IS_STACK (root) && gtk_stack_get_child_by_name (GTK_STACK (root), "progress") != NULL)
    return GTK_STACK (root);

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkStack *stack = find_pages (child);

      if (stack != NULL)
        return stack;
    }

  return NULL;
}

static gboolean
page_shown (gpointer data)
{
  PageWait *wait = data;
  GtkStack *stack = find_pages (adw_dialog_get_child (wait->dialog));

  return stack != NULL && g_strcmp0 (gtk_stack_get_visible_child_name (stack), wait->page) == 0 &&
         gtk_widget_get_mapped (gtk_stack_get_visible_child (stack));
}

static void
wait_for_page (AdwDialog  *dialog,
               const char *page)
{
  PageWait wait = { dialog, page };

  g_assert_true (display_test_wait_for (page_shown, &wait));
  display_test_spin (300);
}

static void
test_import (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GFile) good = write_file ("新合同.xml", import_file);
  g_autoptr(GFile) bad = write_file ("contracts with a date that does not exist.xml", bad_import_file);
  AdwDialog *dialog;

  /* Import… asks for the file first; closing the chooser imports nothing. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.import", NULL));
  dismiss_chooser (f, _("Import Register"));
  g_assert_null (shown_dialog (f));

  /* The dry run's summary, with the choice for the record that differs. */
  signet_import_dialog_import_file (signet_import_dialog_new (GTK_WINDOW (f->window), f->store), good);
  dialog = wait_for_dialog (f, SIGNET_TYPE_IMPORT_DIALOG);
  wait_for_page (dialog, "summary");
  g_assert_true (display_test_shows_label (GTK_WIDGET (dialog), _("Take the File’s Details")));
  look_at (f, dialog, "import-summary");
  click (dialog, _("_Cancel"));
  wait_until_closed (f);
  g_assert_cmpuint (signet_store_count_contracts (f->store), ==, 2);

  /* A mistake in the file: where it is. */
  signet_import_dialog_import_file (signet_import_dialog_new (GTK_WINDOW (f->window), f->store), bad);
  dialog = wait_for_dialog (f, SIGNET_TYPE_IMPORT_DIALOG);
  wait_for_page (dialog, "error");
  look_at (f, dialog, "import-error");
  click (dialog, _("_Close"));
  wait_until_closed (f);
}

static void
test_export (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GFile) file = g_file_new_build_filename (g_get_user_data_dir (), "合同台账.xml", NULL);
  g_autofree char *listed = g_strdup_printf (ngettext ("The %u contract listed", "The %u contracts listed", 1), 1);
  SignetExportDialog *export;
  AdwDialog *dialog;

  /* Export… asks what to export, then for the file; closing the chooser
   * comes back to the choices. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.export", NULL));
  dialog = wait_for_dialog (f, SIGNET_TYPE_EXPORT_DIALOG);
  look_at (f, dialog, "export");
  click (dialog, _("_Export…"));
  dismiss_chooser (f, _("Export Register"));
  g_assert_true (shown_dialog (f) == dialog);
  click (dialog, _("_Cancel"));
  wait_until_closed (f);

  /* With a search, which contracts. */
  export = signet_export_dialog_new (GTK_WINDOW (f->window), f->store, "租赁", 1);
  signet_export_dialog_choose_file (export);
  dialog = wait_for_dialog (f, SIGNET_TYPE_EXPORT_DIALOG);
  g_assert_true (display_test_shows_label (GTK_WIDGET (dialog), listed));
  look_at (f, dialog, "export-search");
  click (dialog, _("_Cancel"));
  wait_until_closed (f);

  /* The result. */
  export = signet_export_dialog_new (GTK_WINDOW (f->window), f->store, NULL, 2);
  signet_export_dialog_export_file (export, file, FALSE);
  dialog = wait_for_dialog (f, SIGNET_TYPE_EXPORT_DIALOG);
  wait_for_page (dialog, "done");
  look_at (f, dialog, "export-done");
  click (dialog, _("_Close"));
  wait_until_closed (f);
  g_assert_true (g_file_query_exists (file, NULL));
}

/* The list of clients: the list box in the side bar. */
static GtkListBox *
find_client_list (GtkWidget *root)
{
  if (GTK_IS_LIST_BOX (root) && gtk_widget_has_css_class (root, "navigation-sidebar"))
    return GTK_LIST_BOX (root);

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkListBox *list = find_client_list (child);

      if (list != NULL)
        return list;
    }

  return NULL;
}

static GtkListBoxRow *
client_row (AdwDialog  *dialog,
            const char *name)
{
  GtkListBox *list = find_client_list (GTK_WIDGET (dialog));
  GtkListBoxRow *row;

  for (int i = 0; (row = gtk_list_box_get_row_at_index (list, i)) != NULL; i++)
    if (g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), name) == 0)
      return row;

  return NULL;
}

static void
pick_client (AdwDialog  *dialog,
             const char *name)
{
  GtkListBoxRow *row = client_row (dialog, name);

  g_assert_nonnull (row);
  g_signal_emit_by_name (row, "activate");
  display_test_spin (400);
}

static void
test_clients (Fixture       *f,
              gconstpointer  data)
{
  AdwDialog *dialog;
  AdwDialog *alert;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.clients", NULL));
  dialog = wait_for_dialog (f, SIGNET_TYPE_CLIENTS_WINDOW);
  look_at (f, dialog, "clients");

  /* A client with contracts is not deleted: the alert says why. */
  pick_client (dialog, "华东建设集团有限公司");
  g_assert_true (gtk_widget_get_mapped (display_test_find_accessible (GTK_WIDGET (dialog), signet_field_to_label (SIGNET_FIELD_CLIENT_CODE))));
  look_at (f, dialog, "clients-form");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "client.delete", NULL));
  alert = wait_for_dialog (f, ADW_TYPE_ALERT_DIALOG);
  g_assert_cmpstr (adw_alert_dialog_get_heading (ADW_ALERT_DIALOG (alert)), ==, _("Cannot Delete the Client"));
  look_at (f, alert, "clients-cannot-delete");
  display_test_respond ("close");
  g_assert_true (wait_for_dialog (f, SIGNET_TYPE_CLIENTS_WINDOW) == dialog);

  /* One without asks first: Cancel keeps it, Delete deletes it. */
  if (f->width <= 360)
    adw_navigation_split_view_set_show_content (ADW_NAVIGATION_SPLIT_VIEW (display_test_find_type (GTK_WIDGET (dialog), ADW_TYPE_NAVIGATION_SPLIT_VIEW)), FALSE);
  pick_client (dialog, "Globex Trading");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "client.delete", NULL));
  alert = wait_for_dialog (f, ADW_TYPE_ALERT_DIALOG);
  g_assert_cmpstr (adw_alert_dialog_get_heading (ADW_ALERT_DIALOG (alert)), ==, _("Delete the Client?"));
  look_at (f, alert, "clients-delete");
  display_test_respond ("cancel");
  g_assert_nonnull (client_row (dialog, "Globex Trading"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "client.delete", NULL));
  wait_for_dialog (f, ADW_TYPE_ALERT_DIALOG);
  display_test_respond ("delete");
  g_assert_null (client_row (dialog, "Globex Trading"));

  /* Closing with edits asks; Discard closes. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "client.add", NULL));
  gtk_editable_set_text (GTK_EDITABLE (display_test_find_accessible (GTK_WIDGET (dialog),
                                                                    signet_field_to_label (SIGNET_FIELD_CLIENT_NAME))),
                         "Initech");
  look_at (f, dialog, "clients-new");
  g_assert_false (adw_dialog_close (dialog));
  alert = wait_for_dialog (f, ADW_TYPE_ALERT_DIALOG);
  display_test_respond ("discard");
  wait_until_closed (f);
}

/* The People dialog: the list of the register's owners, a person's
 * form, and a new person. */
static void
test_people (Fixture       *f,
             gconstpointer  data)
{
  static const char * const people[][4] = {
    { "张伟", "法务部", "法务顾问", "zhang.wei@example.com" },
    { "Emma Schmidt", "Vertrieb und Kundenbetreuung", "Leiterin Vertrieb", NULL },
  };
  AdwDialog *dialog;
  GtkListBoxRow *row;

  for (guint i = 0; i < G_N_ELEMENTS (people); i++)
    {
      g_autoptr(SignetPerson) person = signet_person_new ();

      signet_person_set_name (person, people[i][0]);
      signet_person_set_department (person, people[i][1]);
      signet_person_set_role (person, people[i][2]);
      signet_person_set_email (person, people[i][3]);
      g_assert_true (signet_store_add_person (f->store, person, NULL));
    }

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.people", NULL));
  dialog = wait_for_dialog (f, SIGNET_TYPE_PEOPLE_WINDOW);
  look_at (f, dialog, "people");

  row = gtk_list_box_get_row_at_index (find_client_list (GTK_WIDGET (dialog)), 0);
  g_assert_nonnull (row);
  g_signal_emit_by_name (row, "activate");
  display_test_spin (400);
  g_assert_true (gtk_widget_get_mapped (display_test_find_accessible (GTK_WIDGET (dialog), signet_field_to_label (SIGNET_FIELD_PERSON_ROLE))));
  look_at (f, dialog, "people-form");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "person.add", NULL));
  gtk_editable_set_text (GTK_EDITABLE (display_test_find_accessible (GTK_WIDGET (dialog),
                                                                    signet_field_to_label (SIGNET_FIELD_PERSON_NAME))),
                         "王芳");
  look_at (f, dialog, "people-new");
  adw_dialog_force_close (dialog);
  wait_until_closed (f);
}

/* A new contract in a register without clients asks for a client first,
 * and Add Client opens Clients on a new one. */
static void
test_add_client_first (Fixture       *f,
                       gconstpointer  data)
{
  AdwDialog *dialog;

  display_test_destroy_windows ();
  g_clear_object (&f->store);
  f->store = display_test_new_store ();
  show_window (f);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.new-contract", NULL));
  dialog = wait_for_dialog (f, ADW_TYPE_ALERT_DIALOG);
  look_at (f, dialog, "add-client-first");
  display_test_respond ("add-client");

  dialog = wait_for_dialog (f, SIGNET_TYPE_CLIENTS_WINDOW);
  g_assert_true (gtk_widget_get_mapped (display_test_find_accessible (GTK_WIDGET (dialog),
                                                                            signet_field_to_label (SIGNET_FIELD_CLIENT_NAME))));
  look_at (f, dialog, "clients-first");
  adw_dialog_close (dialog);
  wait_until_closed (f);
}

static const char minimal_pdf[] =
  "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
  "2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
  "3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\n"
  "trailer<</Root 1 0 R>>\n%%EOF\n";

/* The questions the contract page asks in alerts, each cancelled. */
static void
test_contract_page (Fixture       *f,
                    gconstpointer  data)
{
  static const struct
  {
    const char *action;
    const char *name;
  } questions[] = {
    { "key-dates.add", "key-date" },
    { "key-dates.record-review", "review" },
    { "key-dates.reminders", "reminders" },
  };
  g_autoptr(SignetContract) contract = signet_store_find_contract_by_number (f->store, "HT-2026-0001", NULL);
  g_autoptr(GBytes) pdf = g_bytes_new_static (minimal_pdf, sizeof minimal_pdf - 1);
  g_autoptr(SignetAttachment) attachment = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *section;
  AdwDialog *dialog;

  attachment = signet_store_add_attachment (f->store, signet_contract_get_id (contract), pdf,
                                            "施工合同（签署版）.pdf", NULL, SIGNET_ATTACHMENT_ROLE_SIGNED,
                                            NULL, &error);
  g_assert_no_error (error);
  signet_window_open_contract (f->window, signet_contract_get_id (contract));
  display_test_spin (300);

  section = display_test_find_type (GTK_WIDGET (f->window), SIGNET_TYPE_KEY_DATES_SECTION);
  for (guint i = 0; i < G_N_ELEMENTS (questions); i++)
    {
      g_autofree char *name = g_strconcat ("contract-", questions[i].name, NULL);

      g_assert_true (gtk_widget_activate_action (section, questions[i].action, NULL));
      dialog = wait_for_dialog (f, ADW_TYPE_ALERT_DIALOG);
      look_at (f, dialog, name);
      display_test_respond ("cancel");
      wait_until_closed (f);
    }

  section = display_test_find_type (GTK_WIDGET (f->window), SIGNET_TYPE_ATTACHMENTS_SECTION);
  g_assert_true (gtk_widget_activate_action (section, "attachment.edit", "x", signet_attachment_get_id (attachment)));
  dialog = wait_for_dialog (f, ADW_TYPE_ALERT_DIALOG);
  look_at (f, dialog, "contract-attachment");
  display_test_respond ("cancel");
  wait_until_closed (f);
}

static void
test_preferences (Fixture       *f,
                  gconstpointer  data)
{
  AdwDialog *dialog;
  GtkWidget *reminders;

  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  dialog = wait_for_dialog (f, ADW_TYPE_PREFERENCES_DIALOG);
  look_at (f, dialog, "preferences");

  /* A pattern without a sequence says why under the pattern. */
  gtk_editable_set_text (GTK_EDITABLE (display_test_find_type (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW)), "HT-{YYYY}");
  display_test_spin (100);
  look_at (f, dialog, "preferences-invalid");

  adw_preferences_dialog_set_visible_page_name (ADW_PREFERENCES_DIALOG (dialog), "reminders");
  reminders = GTK_WIDGET (adw_preferences_dialog_get_visible_page (ADW_PREFERENCES_DIALOG (dialog)));
  g_assert_cmpstr (adw_preferences_page_get_name (ADW_PREFERENCES_PAGE (reminders)), ==, "reminders");
  display_test_spin (300);
  look_at (f, dialog, "preferences-reminders");

  g_assert_true (adw_dialog_close (dialog));
  wait_until_closed (f);
}

static void
test_about (Fixture       *f,
            gconstpointer  data)
{
  AdwDialog *dialog;

  g_action_group_activate_action (G_ACTION_GROUP (app), "about", NULL);
  dialog = wait_for_dialog (f, ADW_TYPE_ABOUT_DIALOG);
  g_assert_cmpstr (adw_about_dialog_get_application_icon (ADW_ABOUT_DIALOG (dialog)), ==, APPLICATION_ID);
  g_assert_cmpstr (adw_about_dialog_get_issue_url (ADW_ABOUT_DIALOG (dialog)), !=, NULL);
  g_assert_cmpstr (adw_about_dialog_get_website (ADW_ABOUT_DIALOG (dialog)), !=, NULL);
  look_at (f, dialog, "about");

  g_assert_true (adw_dialog_close (dialog));
  wait_until_closed (f);
}

static void
test_shortcuts (Fixture       *f,
                gconstpointer  data)
{
  AdwDialog *dialog;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.shortcuts", NULL));
  dialog = wait_for_dialog (f, SIGNET_TYPE_SHORTCUTS_DIALOG);
  look_at (f, dialog, "shortcuts");

  g_assert_true (adw_dialog_close (dialog));
  wait_until_closed (f);
}

int
main (int   argc,
      char *argv[])
{
  static const int widths[] = { 1200, 360 };
  g_autoptr(GError) error = NULL;

  display_test_init (&argc, &argv);
  /* The catalog of the build, for LC_ALL=zh_CN.UTF-8. */
  display_test_bind_build_catalog ();

  /* The app, for its actions (About, Preferences) and as the windows'. */
  app = signet_application_new ();
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (widths); i++)
    {
      gconstpointer width = GINT_TO_POINTER (widths[i]);

#define ADD(name, func)                                                            \
      {                                                                            \
        g_autofree char *path = g_strdup_printf ("/dialogs/%d/%s", widths[i], name); \
        g_test_add (path, Fixture, width, fixture_set_up, func, fixture_tear_down); \
      }

      ADD ("error", test_error);
      ADD ("unsaved", test_unsaved);
      ADD ("import", test_import);
      ADD ("export", test_export);
      ADD ("clients", test_clients);
      ADD ("people", test_people);
      ADD ("add-client-first", test_add_client_first);
      ADD ("contract-page", test_contract_page);
      ADD ("preferences", test_preferences);
      ADD ("about", test_about);
      ADD ("shortcuts", test_shortcuts);

#undef ADD
    }

  return g_test_run ();
}
