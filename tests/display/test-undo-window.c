/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "test-undo-window"

#include "config.h"

#include <string.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "display-test-utils.h"
#include "pdf-fixtures.h"
#include "signet-annotation-layer.h"
#include "signet-attachment-window.h"
#include "signet-contract-list.h"
#include "signet-contract-page.h"
#include "signet-contract-table.h"
#include "signet-import-dialog.h"
#include "signet-key-dates-section.h"
#include "signet-shortcuts-dialog.h"
#include "signet-store-attachments.h"
#include "signet-store-events.h"
#include "signet-window.h"
#include "signet-xml.h"

/* Undo as a user finds it in the main window: Ctrl+Z typed through the X
 * server (xdotool) long after the toast has gone, and the main menu's
 * item that names what it brings back. */

#define MINIMAL_PDF "%PDF-1.4\n% signed copy\n"

typedef struct
{
  SignetStore    *store;
  SignetClient   *client;
  gint64          contract_id;
  gint64          other_id;
  gint64          key_date_id;
  gint64          attachment_id;
  SignetWindow   *window;
  char           *window_id;      /* the X window, for xdotool */
} Fixture;

/* @keys: key names separated by spaces, typed into the fixture's window. */
static gboolean
press_keys (Fixture    *fixture,
            const char *keys)
{
  return display_test_press_keys (fixture->window_id, keys);
}

static SignetContractList *
contract_list (Fixture *fixture)
{
  GtkWidget *table = display_test_find_type (GTK_WIDGET (fixture->window), SIGNET_TYPE_CONTRACT_TABLE);

  return signet_contract_table_get_model (SIGNET_CONTRACT_TABLE (table));
}

static SignetContractPage *
page (Fixture *fixture)
{
  return SIGNET_CONTRACT_PAGE (display_test_find_type (GTK_WIDGET (fixture->window), SIGNET_TYPE_CONTRACT_PAGE));
}

static gboolean
listed (Fixture *fixture,
        gint64   id)
{
  return signet_contract_list_find (contract_list (fixture), id) != GTK_INVALID_LIST_POSITION;
}

/* The Undo item of the main menu that @menu_button opens, as the user
 * sees it with the menu open: its label (access key markers left out) and
 * whether it can be chosen. */
static char *
menu_undo_item (GtkWidget *menu_button,
                gboolean  *enabled)
{
  GMenuModel *menu;
  char *label = NULL;

  gtk_menu_button_popup (GTK_MENU_BUTTON (menu_button));
  display_test_spin (100);
  menu = gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (menu_button));
  g_assert_nonnull (menu);

  for (int s = 0; s < g_menu_model_get_n_items (menu) && label == NULL; s++)
    {
      g_autoptr(GMenuModel) section = g_menu_model_get_item_link (menu, s, G_MENU_LINK_SECTION);

      for (int i = 0; section != NULL && i < g_menu_model_get_n_items (section); i++)
        {
          g_autofree char *action = NULL;
          g_autofree char *text = NULL;

          if (g_menu_model_get_item_attribute (section, i, G_MENU_ATTRIBUTE_ACTION, "s", &action) &&
              g_str_equal (action, "win.undo") &&
              g_menu_model_get_item_attribute (section, i, G_MENU_ATTRIBUTE_LABEL, "s", &text))
            {
              g_auto(GStrv) parts = g_strsplit (text, "_", -1);

              label = g_strjoinv ("", parts);
            }
        }
    }
  g_assert_nonnull (label);

  /* The item in the open menu: greyed out when the action is off. */
  {
    GtkWidget *popover = GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (menu_button)));
    GtkWidget *item = display_test_find_label (popover, label);

    g_assert_nonnull (item);
    *enabled = gtk_widget_is_sensitive (item);
  }

  gtk_menu_button_popdown (GTK_MENU_BUTTON (menu_button));
  display_test_spin (50);

  return label;
}

/* The first primary menu button under @root: the main menu's. */
static GtkWidget *
find_primary_menu_button (GtkWidget *root)
{
  if (GTK_IS_MENU_BUTTON (root) && gtk_menu_button_get_primary (GTK_MENU_BUTTON (root)))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_primary_menu_button (child);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static char *
undo_menu_item (Fixture  *fixture,
                gboolean *enabled)
{
  GtkWidget *header = display_test_find_type (GTK_WIDGET (fixture->window), SIGNET_TYPE_CONTRACT_TABLE);
  GtkWidget *menu_button = NULL;

  /* The list page's own main menu: the first one found by its name
   * going up from the list (New Contract's menu of types is beside it). */
  for (GtkWidget *w = header; w != NULL && menu_button == NULL; w = gtk_widget_get_parent (w))
    {
      GtkWidget *found = display_test_find_accessible (w, "Main Menu");

      if (found != NULL && gtk_menu_button_get_primary (GTK_MENU_BUTTON (found)))
        menu_button = found;
    }
  g_assert_nonnull (menu_button);

  return menu_undo_item (menu_button, enabled);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(SignetContract) contract = NULL;
  g_autoptr(SignetContract) other = NULL;
  g_autoptr(SignetUserKeyDate) key_date = NULL;
  g_autoptr(SignetAttachment) attachment = NULL;
  g_autoptr(GBytes) bytes = g_bytes_new_static (MINIMAL_PDF, strlen (MINIMAL_PDF));
  g_autoptr(GError) error = NULL;
  g_autofree char *title = g_strdup_printf ("undo-test-%d", (int) getpid ());

  display_test_reset_settings ();
  fixture->store = display_test_new_store ();
  fixture->client = display_test_add_client (fixture->store, "华东建设工程有限公司", "HDJX");
  other = display_test_add_contract (fixture->store, fixture->client, "HT-2026-0041", "仓库租赁合同", 300000);
  /* A draft: the Ctrl+Z test types into its title, which a signed
   * contract's form does not edit. */
  contract = display_test_add_draft_contract (fixture->store, fixture->client, "HT-2026-0042", "物流服务合同",
                                              125000050);
  fixture->contract_id = signet_contract_get_id (contract);
  fixture->other_id = signet_contract_get_id (other);

  key_date = signet_user_key_date_new (fixture->contract_id, SIGNET_KEY_DATE_PAYMENT, "2026-08-31",
                                       "第二期付款", NULL);
  g_assert_true (signet_store_add_key_date (fixture->store, key_date, &error));
  g_assert_no_error (error);
  fixture->key_date_id = key_date->id;
  attachment = signet_store_add_attachment (fixture->store, fixture->contract_id, bytes, "物流服务合同.pdf",
                                            "application/pdf", SIGNET_ATTACHMENT_ROLE_SIGNED, NULL, &error);
  g_assert_no_error (error);
  fixture->attachment_id = signet_attachment_get_id (attachment);

  fixture->window = signet_window_new (NULL, fixture->store, NULL);
  /* A title of its own, by which xdotool finds it. */
  gtk_window_set_title (GTK_WINDOW (fixture->window), title);
  display_test_show (GTK_WINDOW (fixture->window));
  fixture->window_id = display_test_find_x_window (title);
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

/* Delete a contract, wait 10 s, press Ctrl+Z: the contract is back in the list and on the page, under its id,
 * with its key date and its file; the menu named it until then. */
static void
test_contract_ctrl_z (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(SignetContract) restored = NULL;
  g_autoptr(GPtrArray) key_dates = NULL;
  g_autoptr(GPtrArray) attachments = NULL;
  g_autofree char *label = NULL;
  SignetContract *shown;
  gboolean enabled = TRUE;

  if (!display_test_can_type (fixture->window_id, "Ctrl+Z"))
    return;

  label = undo_menu_item (fixture, &enabled);
  g_assert_cmpstr (label, ==, "Undo");
  g_assert_false (enabled);

  signet_window_open_contract (fixture->window, fixture->contract_id);
  display_test_spin (50);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "contract.delete", NULL));
  display_test_spin (50);
  g_assert_false (listed (fixture, fixture->contract_id));
  g_assert_null (signet_store_get_contract (fixture->store, fixture->contract_id, NULL));

  g_clear_pointer (&label, g_free);
  label = undo_menu_item (fixture, &enabled);
  g_assert_cmpstr (label, ==, "Undo Delete Contract HT-2026-0042");
  g_assert_true (enabled);

  /* Really 10 s: twice libadwaita's default toast, whether or not this
   * one still shows (its time runs only while the window is active). */
  display_test_spin (10 * 1000);

  g_assert_true (press_keys (fixture, "ctrl+z"));
  display_test_spin (100);

  restored = signet_store_get_contract (fixture->store, fixture->contract_id, NULL);
  g_assert_nonnull (restored);
  g_assert_cmpstr (signet_contract_get_number (restored), ==, "HT-2026-0042");
  g_assert_true (listed (fixture, fixture->contract_id));
  shown = signet_contract_page_get_contract (page (fixture));
  g_assert_nonnull (shown);
  g_assert_cmpint (signet_contract_get_id (shown), ==, fixture->contract_id);

  key_dates = signet_store_list_key_dates (fixture->store, fixture->contract_id, NULL);
  g_assert_cmpuint (key_dates->len, ==, 1);
  g_assert_cmpint (((SignetUserKeyDate *) g_ptr_array_index (key_dates, 0))->id, ==, fixture->key_date_id);
  attachments = signet_store_list_attachments (fixture->store, fixture->contract_id, NULL);
  g_assert_cmpuint (attachments->len, ==, 1);
  g_assert_cmpint (signet_attachment_get_id (g_ptr_array_index (attachments, 0)), ==, fixture->attachment_id);
  g_assert_nonnull (display_test_find_accessible (GTK_WIDGET (page (fixture)), "Delete 第二期付款"));
  g_assert_true (display_test_shows_label (GTK_WIDGET (page (fixture)), "物流服务合同.pdf"));

  /* Undone once: the menu has nothing left to undo. */
  g_clear_pointer (&label, g_free);
  label = undo_menu_item (fixture, &enabled);
  g_assert_cmpstr (label, ==, "Undo");
  g_assert_false (enabled);
}

/* A key date comes back under its own id, from the toast's button as
 * from Ctrl+Z. */
static void
test_key_date (Fixture       *fixture,
               gconstpointer  data)
{
  GtkWidget *section;
  GtkWidget *undo;
  g_autoptr(SignetUserKeyDate) restored = NULL;
  g_autofree char *label = NULL;
  gboolean enabled = FALSE;

  signet_window_open_contract (fixture->window, fixture->contract_id);
  display_test_spin (50);
  section = display_test_find_type (GTK_WIDGET (fixture->window), SIGNET_TYPE_KEY_DATES_SECTION);
  g_assert_nonnull (display_test_find_accessible (section, "Delete 第二期付款"));
  g_assert_true (gtk_widget_activate_action (section, "key-dates.delete", "x", fixture->key_date_id));
  display_test_spin (50);
  g_assert_null (signet_store_get_key_date (fixture->store, fixture->key_date_id, NULL));
  g_assert_null (display_test_find_accessible (section, "Delete 第二期付款"));

  label = undo_menu_item (fixture, &enabled);
  g_assert_cmpstr (label, ==, "Undo Delete Key Date “第二期付款”");
  g_assert_true (enabled);

  undo = display_test_find_button (GTK_WIDGET (fixture->window), "Undo");
  g_assert_nonnull (undo);
  g_signal_emit_by_name (undo, "clicked");
  display_test_spin (100);

  restored = signet_store_get_key_date (fixture->store, fixture->key_date_id, NULL);
  g_assert_nonnull (restored);
  g_assert_cmpint (restored->id, ==, fixture->key_date_id);
  g_assert_cmpstr (restored->title, ==, "第二期付款");
  g_assert_nonnull (display_test_find_accessible (section, "Delete 第二期付款"));
}

/* Ctrl+Z in a text field undoes the typing there, and stays there (a
 * one-line field takes it even with nothing left to undo); from the list
 * it undoes the deletion. */
static void
test_text_field_first (Fixture       *fixture,
                       gconstpointer  data)
{
  GtkWidget *section;
  GtkWidget *title;
  g_autofree char *before = NULL;

  if (!display_test_can_type (fixture->window_id, "Ctrl+Z"))
    return;

  signet_window_open_contract (fixture->window, fixture->contract_id);
  display_test_spin (50);
  section = display_test_find_type (GTK_WIDGET (fixture->window), SIGNET_TYPE_KEY_DATES_SECTION);
  g_assert_true (gtk_widget_activate_action (section, "key-dates.delete", "x", fixture->key_date_id));
  display_test_spin (50);

  title = display_test_find_accessible (GTK_WIDGET (page (fixture)), "Title");
  g_assert_nonnull (title);
  before = g_strdup (gtk_editable_get_text (GTK_EDITABLE (title)));
  gtk_widget_grab_focus (title);
  gtk_editable_set_position (GTK_EDITABLE (title), -1);
  display_test_spin (50);
  g_assert_true (press_keys (fixture, "x"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (title)), ==, "物流服务合同x");

  g_assert_true (press_keys (fixture, "ctrl+z"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (title)), ==, before);
  g_assert_null (signet_store_get_key_date (fixture->store, fixture->key_date_id, NULL));
  g_assert_true (press_keys (fixture, "ctrl+z"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (title)), ==, before);
  g_assert_null (signet_store_get_key_date (fixture->store, fixture->key_date_id, NULL));

  gtk_widget_grab_focus (display_test_find_type (GTK_WIDGET (fixture->window), GTK_TYPE_COLUMN_VIEW));
  display_test_spin (50);
  g_assert_true (press_keys (fixture, "ctrl+z"));
  display_test_spin (100);
  g_assert_nonnull (signet_store_get_key_date (fixture->store, fixture->key_date_id, NULL));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (title)), ==, before);
}

static gboolean
toast_gone (gpointer data)
{
  Fixture *fixture = data;

  return !display_test_shows_label (GTK_WIDGET (fixture->window), "Contract HT-2026-0042 deleted");
}

/* After the next change the user makes in the window, Undo no longer
 * reaches back to the deletion before it. */
static void
test_next_change (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(SignetUserKeyDate) added = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *label = NULL;
  gboolean enabled = TRUE;

  if (!display_test_can_type (fixture->window_id, "Ctrl+Z"))
    return;

  signet_window_open_contract (fixture->window, fixture->contract_id);
  display_test_spin (50);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "contract.delete", NULL));
  display_test_spin (50);

  added = signet_user_key_date_new (fixture->other_id, SIGNET_KEY_DATE_MILESTONE, "2026-10-01", "验收", NULL);
  g_assert_true (signet_store_add_key_date (fixture->store, added, &error));
  g_assert_no_error (error);
  display_test_spin (50);

  label = undo_menu_item (fixture, &enabled);
  g_assert_cmpstr (label, ==, "Undo");
  g_assert_false (enabled);
  /* Its toast goes with it (once the toast has slid away). */
  g_assert_true (display_test_wait_for (toast_gone, fixture));

  g_assert_true (press_keys (fixture, "ctrl+z"));
  g_assert_null (signet_store_get_contract (fixture->store, fixture->contract_id, NULL));
}

static const char import_file[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
  "<register xmlns=\"" SIGNET_XML_NAMESPACE "\" version=\"1\">\n"
  "  <contracts>\n"
  "    <contract number=\"HT-2026-0100\" client=\"HDJX\">\n"
  "      <title>设备维保合同</title>\n"
  "      <value currency=\"CNY\">80000.00</value>\n"
  "      <status>active</status>\n"
  "    </contract>\n"
  "  </contracts>\n"
  "</register>\n";

static gboolean
imported (gpointer data)
{
  Fixture *fixture = data;
  g_autoptr(SignetContract) contract = signet_store_find_contract_by_number (fixture->store, "HT-2026-0100", NULL);

  return contract != NULL;
}

static gboolean
summary_shown (gpointer data)
{
  return display_test_find_button (data, "Import") != NULL &&
         gtk_widget_get_mapped (display_test_find_button (data, "Import"));
}

/* An import, though it writes through a connection of its own, is the
 * user's next change: the deletion before it is no longer undone. */
static void
test_import_ends_it (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "设备维保.xml", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *label = NULL;
  SignetImportDialog *dialog;
  gboolean enabled = TRUE;

  g_assert_true (g_file_set_contents (path, import_file, -1, &error));
  g_assert_no_error (error);

  signet_window_open_contract (fixture->window, fixture->contract_id);
  display_test_spin (50);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "contract.delete", NULL));
  display_test_spin (50);
  label = undo_menu_item (fixture, &enabled);
  g_assert_cmpstr (label, ==, "Undo Delete Contract HT-2026-0042");

  dialog = signet_import_dialog_new (GTK_WINDOW (fixture->window), fixture->store);
  signet_import_dialog_import_file (dialog, file);
  g_assert_true (display_test_wait_for (summary_shown, dialog));
  g_signal_emit_by_name (display_test_find_button (GTK_WIDGET (dialog), "Import"), "clicked");
  g_assert_true (display_test_wait_for (imported, fixture));
  display_test_spin (200);

  g_clear_pointer (&label, g_free);
  label = undo_menu_item (fixture, &enabled);
  g_assert_cmpstr (label, ==, "Undo");
  g_assert_false (enabled);
  adw_dialog_force_close (ADW_DIALOG (dialog));
}

static void
draw_page (cairo_t  *cr,
           guint     page,
           gpointer  user_data)
{
  pdf_fixture_draw_text (cr, 72, 100, "The deposit is due within thirty days.");
}

static gboolean
document_shown (gpointer data)
{
  return signet_pdf_viewer_get_document (signet_attachment_window_get_viewer (data)) != NULL;
}

/* The PDF window has an Undo of its own: an annotation deleted there is
 * named by its menu and comes back with Ctrl+Z under its id. */
static void
test_annotation_in_pdf_window (Fixture       *fixture,
                               gconstpointer  data)
{
  const SignetAnnotationRect rect = { 72, 100, 300, 114 };
  g_autofree char *dir = g_dir_make_tmp ("signet-undo-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "合同.pdf", NULL);
  g_autofree char *title = g_strdup_printf ("undo-pdf-test-%d", (int) getpid ());
  g_autofree char *label = NULL;
  g_autofree char *window_id = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(SignetAttachment) attachment = NULL;
  g_autoptr(SignetAnnotation) annotation = NULL;
  g_autoptr(SignetAnnotation) back = NULL;
  g_autoptr(GError) error = NULL;
  SignetAttachmentWindow *window;
  gboolean enabled = FALSE;
  gint64 id;

  if (!display_test_can_type (fixture->window_id, "Ctrl+Z"))
    return;

  pdf_fixture_write (path, 1, 595, 842, "Undo", draw_page, NULL);
  bytes = pdf_fixture_load (path);
  g_unlink (path);
  g_rmdir (dir);
  attachment = signet_store_add_attachment (fixture->store, fixture->contract_id, bytes, "维保合同.pdf",
                                            "application/pdf", SIGNET_ATTACHMENT_ROLE_OTHER, NULL, &error);
  g_assert_no_error (error);
  annotation = signet_store_add_annotation (fixture->store, signet_attachment_get_version_id (attachment),
                                            SIGNET_ANNOTATION_KIND_HIGHLIGHT, 0, &rect, 1, "#ffd400", "违约金",
                                            &error);
  g_assert_no_error (error);
  id = signet_annotation_get_id (annotation);

  window = SIGNET_ATTACHMENT_WINDOW (signet_attachment_window_new (GTK_WINDOW (fixture->window), fixture->store,
                                                                   attachment,
                                                                   signet_attachment_get_version_id (attachment)));
  display_test_show (GTK_WINDOW (window));
  g_assert_true (display_test_wait_for (document_shown, window));
  gtk_window_set_title (GTK_WINDOW (window), title);
  window_id = display_test_find_x_window (title);
  g_assert_nonnull (window_id);

  signet_annotation_layer_delete (signet_attachment_window_get_layer (window), id);
  display_test_spin (50);
  g_assert_null (signet_store_get_annotation (fixture->store, id, NULL));

  label = menu_undo_item (find_primary_menu_button (GTK_WIDGET (window)), &enabled);
  g_assert_cmpstr (label, ==, "Undo Delete Annotation in “维保合同.pdf”");
  g_assert_true (enabled);

  g_free (fixture->window_id);
  fixture->window_id = g_steal_pointer (&window_id);
  g_assert_true (press_keys (fixture, "ctrl+z"));
  display_test_spin (100);
  back = signet_store_get_annotation (fixture->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (signet_annotation_get_comment (back), ==, "违约金");
  g_assert_cmpint (signet_annotation_layer_get_selected (signet_attachment_window_get_layer (window)), ==, id);
}

/* The Keyboard Shortcuts dialog lists Undo and the calendar's keys. */
static void
test_shortcuts_listed (Fixture       *fixture,
                       gconstpointer  data)
{
  AdwDialog *dialog = signet_shortcuts_dialog_new ();
  const char * const titles[] = {
    "Undo the last deletion", "Calendar", "Previous day", "Next day", "Same day last week",
    "Same day next week", "Same day last month", "Same day next month", "Today",
    "Open the dates of the day", "Undo deleting an annotation",
  };
  g_autofree char *ctrl_z = gtk_accelerator_get_label (GDK_KEY_z, GDK_CONTROL_MASK);
  g_autofree char *page_down = gtk_accelerator_get_label (GDK_KEY_Page_Down, 0);
  g_autofree char *home = gtk_accelerator_get_label (GDK_KEY_Home, 0);

  adw_dialog_present (dialog, GTK_WIDGET (fixture->window));
  display_test_spin (200);

  for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
    g_assert_true (display_test_shows_label (GTK_WIDGET (dialog), titles[i]));
  g_assert_true (display_test_shows_label (GTK_WIDGET (dialog), ctrl_z));
  g_assert_true (display_test_shows_label (GTK_WIDGET (dialog), page_down));
  g_assert_true (display_test_shows_label (GTK_WIDGET (dialog), home));

  g_assert_true (adw_dialog_close (dialog));
}

int
main (int   argc,
      char *argv[])
{
  display_test_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add ("/undo/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("contract-ctrl-z", test_contract_ctrl_z);
  ADD ("key-date", test_key_date);
  ADD ("text-field-first", test_text_field_first);
  ADD ("next-change", test_next_change);
  ADD ("import-ends-it", test_import_ends_it);
  ADD ("annotation-in-pdf-window", test_annotation_in_pdf_window);
  ADD ("shortcuts-listed", test_shortcuts_listed);

#undef ADD

  return g_test_run ();
}
