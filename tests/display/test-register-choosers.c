/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "display-test-utils.h"
#include "signet-attachments-section.h"
#include "signet-export-dialog.h"
#include "signet-import-dialog.h"
#include "signet-store-attachments.h"

/* The register's own files chosen where a user chooses a file: attached to
 * a contract (dropped on its page or picked with Add File…), a copy of an
 * attachment saved over them, or picked in the Import… and Export…
 * dialogs. Each is refused with a message that says why, before a byte of
 * it is read or written, and the register is unchanged. */

typedef struct
{
  SignetStore              *store;
  SignetContract           *contract;
  GtkWindow                *window;
  SignetAttachmentsSection *section;
  char                     *path;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(SignetClient) client = NULL;
  GtkWidget *overlay = adw_toast_overlay_new ();

  f->store = display_test_new_store ();
  f->path = g_strdup (signet_store_get_path (f->store));
  client = display_test_add_client (f->store, "华东建设", "C001");
  f->contract = display_test_add_contract (f->store, client, "HT-2026-0001", "施工合同", 100);

  f->section = SIGNET_ATTACHMENTS_SECTION (signet_attachments_section_new ());
  signet_contract_section_set_contract (SIGNET_CONTRACT_SECTION (f->section), f->store, signet_contract_get_id (f->contract));

  f->window = GTK_WINDOW (adw_window_new ());
  gtk_window_set_default_size (f->window, 600, 500);
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
  g_free (f->path);
}

static char *
checksum_file (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length;

  if (!g_file_get_contents (path, &contents, &length, NULL))
    return g_strdup ("(none)");

  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, length);
}

/* The register's bytes and its WAL's (where the latest writes are). */
static char *
describe_register (Fixture *f)
{
  g_autofree char *wal_path = g_strconcat (f->path, "-wal", NULL);
  g_autofree char *database = checksum_file (f->path);
  g_autofree char *wal = checksum_file (wal_path);

  return g_strdup_printf ("database %s, WAL %s, %u contract(s)", database, wal,
                          signet_store_count_contracts (f->store));
}

static char *
expected_message (Fixture    *f,
                  const char *suffix)
{
  g_autofree char *path = g_strconcat (f->path, suffix, NULL);

  if (*suffix == '\0')
    return g_strdup_printf ("“%s” is Signet's own register file. Choose another file; "
                            "nothing was read or written.", path);

  return g_strdup_printf ("“%s” is part of Signet's own register file “%s”. Choose another file; "
                          "nothing was read or written.", path, f->path);
}

static const char * const suffixes[] = { "", "-wal", "-shm" };

/* Dropping a file on the contract's page and Add File… both hand the
 * files to the section. */
static void
test_attach (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *before = describe_register (f);

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *path = g_strconcat (f->path, suffixes[i], NULL);
      g_autofree char *name = g_path_get_basename (path);
      g_autofree char *heading = g_strdup_printf ("“%s” Was Not Attached", name);
      g_autofree char *expected = expected_message (f, suffixes[i]);
      g_autofree char *after = NULL;
      g_autoptr(GFile) file = g_file_new_for_path (path);
      GSList files = { file, NULL };
      AdwAlertDialog *dialog;

      signet_attachments_section_add_files (f->section, &files);
      g_assert_true (display_test_wait_for (display_test_alert_shown, NULL));
      dialog = display_test_find_alert_dialog ();
      g_assert_cmpstr (adw_alert_dialog_get_heading (dialog), ==, heading);
      g_assert_cmpstr (adw_alert_dialog_get_body (dialog), ==, expected);
      display_test_respond ("close");

      display_test_spin (100);
      g_assert_cmpuint (signet_attachments_section_get_n_attachments (f->section), ==, 0);
      after = describe_register (f);
      g_assert_cmpstr (after, ==, before);
    }
}

static gboolean
replace_question_shown (gpointer data)
{
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  return display_test_find_toplevel (GTK_TYPE_MESSAGE_DIALOG) != NULL;
  G_GNUC_END_IGNORE_DEPRECATIONS
}

static const char minimal_pdf[] =
  "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
  "2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
  "3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\n"
  "trailer<</Root 1 0 R>>\n%%EOF\n";

/* Save As… on an attachment, the register picked in GTK's own file
 * chooser (GtkFileDialog's, without a portal) and "Replace" confirmed: the
 * copy is not written over it. */
static void
test_save_copy (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GBytes) pdf = g_bytes_new_static (minimal_pdf, sizeof minimal_pdf - 1);
  g_autoptr(SignetAttachment) attachment = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (f->path);
  g_autoptr(GFile) folder = g_file_get_parent (file);
  g_autofree char *name = g_file_get_basename (file);
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *expected = expected_message (f, "");
  g_autofree char *cwd = NULL;
  GtkWidget *chooser;
  GtkWidget *question;
  AdwAlertDialog *dialog;

  attachment = signet_store_add_attachment (f->store, signet_contract_get_id (f->contract), pdf, "signed.pdf",
                                            NULL, SIGNET_ATTACHMENT_ROLE_SIGNED, NULL, &error);
  g_assert_no_error (error);
  signet_contract_section_set_contract (SIGNET_CONTRACT_SECTION (f->section), f->store, 0);
  signet_contract_section_set_contract (SIGNET_CONTRACT_SECTION (f->section), f->store, signet_contract_get_id (f->contract));
  before = describe_register (f);

  /* GTK's chooser opens on the current folder: the register's, so that
   * the user only types its name. (Going there after it opened, while it
   * still reads the first folder, makes GTK 4.18's chooser fail a check.) */
  cwd = g_get_current_dir ();
  g_assert_cmpint (g_chdir (g_file_peek_path (folder)), ==, 0);
  gtk_widget_activate_action (GTK_WIDGET (f->section), "attachment.save", "x", signet_attachment_get_id (attachment));
  g_assert_true (display_test_wait_for (display_test_file_chooser_shown, NULL));
  chooser = display_test_find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG);
  g_assert_true (display_test_wait_for (display_test_chooser_has_folder, chooser));
  g_assert_cmpint (g_chdir (cwd), ==, 0);
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  display_test_spin (300);
  {
    g_autoptr(GFile) chosen = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

    g_assert_true (g_file_equal (chosen, file));
  }

  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_ACCEPT);
  g_assert_true (display_test_wait_for (replace_question_shown, NULL));
  /* GtkFileDialog asks through an alert whose buttons are its answers:
   * the user clicks Replace. */
  while ((question = display_test_find_toplevel (GTK_TYPE_MESSAGE_DIALOG)) != NULL)
    {
      g_signal_emit_by_name (display_test_find_button (question, "Replace"), "clicked");
      display_test_spin (200);
    }
  G_GNUC_END_IGNORE_DEPRECATIONS

  g_assert_true (display_test_wait_for (display_test_alert_shown, NULL));
  dialog = display_test_find_alert_dialog ();
  g_assert_cmpstr (adw_alert_dialog_get_heading (dialog), ==, "The File Was Not Saved");
  g_assert_cmpstr (adw_alert_dialog_get_body (dialog), ==, expected);
  display_test_respond ("close");

  display_test_spin (300);
  after = describe_register (f);
  g_assert_cmpstr (after, ==, before);
}

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

/* The error page's text, as shown (the page takes markup). */
static char *
error_description (GtkWidget *dialog)
{
  PageWait wait = { dialog, "error" };
  const char *markup;
  char *text = NULL;

  g_assert_true (display_test_wait_for (page_shown, &wait));

  markup = adw_status_page_get_description (ADW_STATUS_PAGE (gtk_stack_get_child_by_name (find_pages (dialog), "error")));

  g_assert_true (pango_parse_markup (markup, -1, 0, NULL, &text, NULL, NULL));

  return text;
}

/* Import… from the register itself, Export… to its WAL. */
static void
test_import_export_dialogs (Fixture       *f,
                            gconstpointer  data)
{
  g_autofree char *before = describe_register (f);
  g_autofree char *wal_path = g_strconcat (f->path, "-wal", NULL);
  g_autofree char *import_expected = expected_message (f, "");
  g_autofree char *export_expected = expected_message (f, "-wal");
  g_autofree char *import_shown = NULL;
  g_autofree char *export_shown = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GFile) database = g_file_new_for_path (f->path);
  g_autoptr(GFile) wal = g_file_new_for_path (wal_path);
  SignetImportDialog *import_dialog;
  SignetExportDialog *export_dialog;

  import_dialog = signet_import_dialog_new (f->window, f->store);
  signet_import_dialog_import_file (import_dialog, database);
  import_shown = error_description (GTK_WIDGET (import_dialog));
  g_assert_cmpstr (import_shown, ==, import_expected);
  adw_dialog_force_close (ADW_DIALOG (import_dialog));

  export_dialog = signet_export_dialog_new (f->window, f->store, NULL, 1);
  signet_export_dialog_export_file (export_dialog, wal, FALSE);
  export_shown = error_description (GTK_WIDGET (export_dialog));
  g_assert_cmpstr (export_shown, ==, export_expected);
  adw_dialog_force_close (ADW_DIALOG (export_dialog));

  display_test_spin (100);
  after = describe_register (f);
  g_assert_cmpstr (after, ==, before);
}

int
main (int    argc,
      char **argv)
{
  display_test_init (&argc, &argv);

  g_test_add ("/register-files/attach", Fixture, NULL, fixture_set_up, test_attach, fixture_tear_down);
  g_test_add ("/register-files/save-copy", Fixture, NULL, fixture_set_up, test_save_copy, fixture_tear_down);
  g_test_add ("/register-files/import-export-dialogs", Fixture, NULL,
              fixture_set_up, test_import_export_dialogs, fixture_tear_down);

  return g_test_run ();
}
