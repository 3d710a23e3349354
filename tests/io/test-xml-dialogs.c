/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "test-xml-dialogs"

#include "config.h"

#include <string.h>

#include "display-test-utils.h"
#include "io-test-utils.h"
#include "signet-export-dialog.h"
#include "signet-import-dialog.h"
#include "unit-test-utils.h"

/* The Import… and Export… dialogs as a user sees them: the dry run's
 * summary before anything is written, errors with their line, column and
 * value, Cancel that writes nothing. */

typedef struct
{
  GtkWidget  *dialog;
  const char *page;
} PageWait;

/* The dialog's pages: the stack with the progress page. */
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
  GtkStack *stack = find_pages (wait->dialog);

  /* Mapped too: the dialog's buttons take clicks once it is on screen. */
  return stack != NULL && g_strcmp0 (gtk_stack_get_visible_child_name (stack), wait->page) == 0 &&
         gtk_widget_get_mapped (gtk_stack_get_visible_child (stack));
}

static void
wait_for_page (GtkWidget  *dialog,
               const char *page)
{
  PageWait wait = { dialog, page };

  g_assert_true (display_test_wait_for (page_shown, &wait));
}

static gboolean
pointer_cleared (gpointer data)
{
  return *(gpointer *) data == NULL;
}

static GtkWidget *
window_for_dialogs (void)
{
  GtkWidget *parent = adw_window_new ();

  gtk_window_set_default_size (GTK_WINDOW (parent), 1200, 760);
  display_test_show (GTK_WINDOW (parent));

  return parent;
}

static GtkLabel *
find_label_containing (GtkWidget  *root,
                       const char *text)
{
  if (GTK_IS_LABEL (root) && strstr (gtk_label_get_text (GTK_LABEL (root)), text) != NULL)
    return GTK_LABEL (root);

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkLabel *label = find_label_containing (child, text);

      if (label != NULL)
        return label;
    }

  return NULL;
}

static const char *
status_description (GtkWidget  *dialog,
                    const char *page)
{
  GtkStack *stack = find_pages (dialog);

  return adw_status_page_get_description (ADW_STATUS_PAGE (gtk_stack_get_child_by_name (stack, page)));
}

static const char *
row_subtitle (GtkWidget  *dialog,
              const char *title)
{
  GtkWidget *row = display_test_find_row (dialog, ADW_TYPE_PREFERENCES_ROW, title);

  g_assert_nonnull (row);

  return gtk_widget_get_visible (row) ? adw_action_row_get_subtitle (ADW_ACTION_ROW (row)) : NULL;
}

static char *
write_temporary (const char *name,
                 const char *contents)
{
  char *path = g_build_filename (g_get_user_data_dir (), name, NULL);

  io_write_file (path, contents, -1);

  return path;
}

static void
test_import_error (void)
{
  g_autoptr(SignetStore) store = display_test_new_store ();
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  GtkWidget *parent = window_for_dialogs ();
  SignetImportDialog *dialog;

  io_fill_sample_register (store);
  before = io_export_bytes (store, NULL);
  path = write_temporary ("bad.xml",
                          "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                          "<register xmlns=\"" SIGNET_XML_NAMESPACE "\" version=\"1\">\n"
                          "  <contracts>\n"
                          "    <contract number=\"N-1\" client=\"C001\">\n"
                          "      <title>Lease</title>\n"
                          "      <value currency=\"CNY\">100</value>\n"
                          "      <end-date>2026-02-30</end-date>\n"
                          "      <status>active</status>\n"
                          "    </contract>\n"
                          "  </contracts>\n"
                          "</register>\n");
  file = g_file_new_for_path (path);

  dialog = signet_import_dialog_new (GTK_WINDOW (parent), store);
  signet_import_dialog_import_file (dialog, file);
  wait_for_page (GTK_WIDGET (dialog), "error");

  g_assert_nonnull (strstr (status_description (GTK_WIDGET (dialog), "error"),
                            "“2026-02-30” is not a date that exists"));
  g_assert_cmpstr (row_subtitle (GTK_WIDGET (dialog), "Line"), ==, "7");
  g_assert_cmpstr (row_subtitle (GTK_WIDGET (dialog), "Column"), ==, "17");
  g_assert_cmpstr (row_subtitle (GTK_WIDGET (dialog), "Value"), ==, "2026-02-30");
  g_assert_false (gtk_widget_get_visible (display_test_find_button (GTK_WIDGET (dialog), "Import")));

  after = io_export_bytes (store, NULL);
  io_assert_bytes_equal (before, after);

  gtk_widget_activate (display_test_find_button (GTK_WIDGET (dialog), "Close"));
  display_test_destroy_windows ();
}

static const char changed_file[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
  "<register xmlns=\"" SIGNET_XML_NAMESPACE "\" version=\"1\">\n"
  "  <contracts>\n"
  "    <contract number=\"KW-1\" client=\"ACME-01\">\n"
  "      <title>Maintenance, renewed</title>\n"
  "      <value currency=\"KWD\">2.500</value>\n"
  "      <status>renewed</status>\n"
  "    </contract>\n"
  "    <contract number=\"NEW-1\" client=\"C001\">\n"
  "      <title>A new contract</title>\n"
  "      <value currency=\"CNY\">10</value>\n"
  "      <status>draft</status>\n"
  "    </contract>\n"
  "  </contracts>\n"
  "</register>\n";

static void
test_import_summary_then_update (void)
{
  g_autoptr(SignetStore) store = display_test_new_store ();
  g_autofree char *path = write_temporary ("changed.xml", changed_file);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(SignetContract) kw = NULL;
  GtkWidget *parent = window_for_dialogs ();
  SignetImportDialog *dialog;
  GtkWidget *update_row;
  GtkLabel *summary;
  guint n_contracts;

  io_fill_sample_register (store);
  n_contracts = signet_store_count_contracts (store);

  dialog = signet_import_dialog_new (GTK_WINDOW (parent), store);
  signet_import_dialog_import_file (dialog, file);
  wait_for_page (GTK_WIDGET (dialog), "summary");

  /* The dry run wrote nothing and says what would happen. */
  g_assert_cmpuint (signet_store_count_contracts (store), ==, n_contracts);
  summary = find_label_containing (GTK_WIDGET (dialog), "new contract");
  g_assert_nonnull (summary);
  g_assert_cmpstr (gtk_label_get_text (summary), ==,
                   "1 new contract, 0 new clients.\n"
                   "1 record is in the register with other details: KW-1.");

  update_row = display_test_find_row (GTK_WIDGET (dialog), ADW_TYPE_PREFERENCES_ROW, "Take the File’s Details");
  g_assert_nonnull (update_row);
  adw_action_row_activate (ADW_ACTION_ROW (update_row));
  gtk_widget_activate (display_test_find_button (GTK_WIDGET (dialog), "Import"));
  wait_for_page (GTK_WIDGET (dialog), "done");

  g_assert_cmpuint (signet_store_count_contracts (store), ==, n_contracts + 1);
  kw = signet_store_find_contract_by_number (store, "KW-1", NULL);
  g_assert_cmpstr (signet_contract_get_title (kw), ==, "Maintenance, renewed");
  g_assert_nonnull (strstr (status_description (GTK_WIDGET (dialog), "done"),
                            "Contracts: 1 new, 1 updated, 0 unchanged, 0 skipped."));

  display_test_destroy_windows ();
}

static gboolean
import_under_way (gpointer data)
{
  GtkWidget *bar = display_test_find_type (GTK_WIDGET (data), GTK_TYPE_PROGRESS_BAR);

  return bar != NULL && gtk_progress_bar_get_fraction (GTK_PROGRESS_BAR (bar)) > 0.0;
}

/* Cancel during the import itself: the dialog goes, nothing is written.
 * The file is large enough (20,000 contracts, about a second) that the
 * import is still running when its first progress is shown and the test
 * cancels. */
static void
test_import_cancel (void)
{
  g_autoptr(SignetStore) store = display_test_new_store ();
  g_autoptr(SignetStore) source = NULL;
  g_autoptr(SignetClient) client = NULL;
  g_autofree char *source_path = g_build_filename (g_get_user_data_dir (), "source.db", NULL);
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "large.xml", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  GtkWidget *parent = window_for_dialogs ();
  SignetImportDialog *dialog;
  gpointer weak;

  source = signet_store_new (source_path, NULL);
  client = io_add_client (source, "C1", "Client");
  g_assert_true (signet_store_begin_batch (source, NULL));
  for (guint i = 0; i < 20000; i++)
    {
      g_autofree char *number = g_strdup_printf ("N-%05u", i);
      g_autoptr(SignetContract) contract = unit_add_contract (source, client, number, "A contract");
    }
  g_assert_true (signet_store_commit_batch (source, NULL));
  g_assert_true (signet_xml_export (source, file, NULL, SIGNET_EXPORT_FLAGS_NONE, NULL, NULL, NULL, NULL));

  dialog = signet_import_dialog_new (GTK_WINDOW (parent), store);
  weak = dialog;
  g_object_add_weak_pointer (G_OBJECT (dialog), &weak);
  signet_import_dialog_import_file (dialog, file);
  wait_for_page (GTK_WIDGET (dialog), "summary");

  gtk_widget_activate (display_test_find_button (GTK_WIDGET (dialog), "Import"));
  g_assert_true (display_test_wait_for (import_under_way, dialog));
  gtk_widget_activate (display_test_find_button (GTK_WIDGET (dialog), "Cancel"));

  /* The dialog lives until the import has rolled back. */
  g_assert_true (display_test_wait_for (pointer_cleared, &weak));
  g_assert_cmpuint (signet_store_count_contracts (store), ==, 0);
  g_assert_null (signet_store_find_client_by_code (store, "C1", NULL));

  display_test_destroy_windows ();
}

static void
test_export (void)
{
  g_autoptr(SignetStore) store = display_test_new_store ();
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "export.xml", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GBytes) expected = NULL;
  g_autofree char *contents = NULL;
  gsize len;
  GtkWidget *parent = window_for_dialogs ();
  SignetExportDialog *dialog;

  io_fill_sample_register (store);

  /* With a search, only what it lists. */
  dialog = signet_export_dialog_new (GTK_WINDOW (parent), store, "licence", 1);
  signet_export_dialog_export_file (dialog, file, TRUE);
  wait_for_page (GTK_WIDGET (dialog), "done");
  g_assert_cmpstr (status_description (GTK_WIDGET (dialog), "done"), ==,
                   "1 contract and its client were written to “export.xml”.");
  expected = io_export_bytes (store, "licence");
  g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
  g_assert_cmpmem (contents, len, g_bytes_get_data (expected, NULL), g_bytes_get_size (expected));
  gtk_widget_activate (display_test_find_button (GTK_WIDGET (dialog), "Close"));

  display_test_destroy_windows ();
}

int
main (int   argc,
      char *argv[])
{
  display_test_init (&argc, &argv);

  g_test_add_func ("/xml-dialogs/import-error", test_import_error);
  g_test_add_func ("/xml-dialogs/import-summary-then-update", test_import_summary_then_update);
  g_test_add_func ("/xml-dialogs/import-cancel", test_import_cancel);
  g_test_add_func ("/xml-dialogs/export", test_export);

  return g_test_run ();
}
