/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "display-test-utils.h"
#include "signet-attachments-section.h"
#include "signet-store-attachments.h"
#include "signet-undo.h"

/* The attachments of a contract on its page, as a user handles them. */

typedef struct
{
  SignetStore              *store;
  SignetContract           *contract;
  GtkWindow                *window;
  SignetAttachmentsSection *section;
  char                     *dir;
  gint64                    opened_version;
} Fixture;

static void
pdf_opened_cb (SignetAttachmentsSection *section,
               SignetAttachment         *attachment,
               gint64                    version_id,
               Fixture                  *f)
{
  f->opened_version = version_id;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(SignetClient) client = NULL;
  GtkWidget *overlay = adw_toast_overlay_new ();

  f->store = display_test_new_store ();
  client = display_test_add_client (f->store, "华东建设", "C001");
  f->contract = display_test_add_contract (f->store, client, "HT-2026-0001", "施工合同", 100);
  f->dir = g_dir_make_tmp ("signet-attach-XXXXXX", NULL);

  f->section = SIGNET_ATTACHMENTS_SECTION (signet_attachments_section_new ());
  signet_contract_section_set_contract (SIGNET_CONTRACT_SECTION (f->section), f->store, signet_contract_get_id (f->contract));
  g_signal_connect (f->section, "open-pdf", G_CALLBACK (pdf_opened_cb), f);

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
  g_free (f->dir);
}

static GFile *
write_file (Fixture    *f,
            const char *name,
            const char *contents,
            gsize       length)
{
  g_autofree char *path = g_build_filename (f->dir, name, NULL);

  g_assert_true (g_file_set_contents (path, contents, length, NULL));

  return g_file_new_for_path (path);
}

typedef struct
{
  Fixture *f;
  guint    n;
} CountWait;

static gboolean
has_n_attachments (gpointer data)
{
  CountWait *wait = data;

  return signet_attachments_section_get_n_attachments (wait->f->section) == wait->n;
}

static void
add_and_wait (Fixture *f,
              GFile   *file,
              guint    expected)
{
  GSList files = { file, NULL };
  CountWait wait = { f, expected };

  signet_attachments_section_add_files (f->section, &files);
  g_assert_true (display_test_wait_for (has_n_attachments, &wait));
}

static const char minimal_pdf[] =
  "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
  "2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
  "3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\n"
  "trailer<</Root 1 0 R>>\n%%EOF\n";

/* A PDF dropped on the page becomes the signed contract, listed with its
 * name; a second file is kept too; opening the PDF asks for the viewer. */
static void
test_add_and_open (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GFile) pdf = write_file (f, "正本.pdf", minimal_pdf, sizeof minimal_pdf - 1);
  g_autoptr(GFile) text = write_file (f, "notes.txt", "call back on Monday\n", 20);
  g_autoptr(GPtrArray) attachments = NULL;
  SignetAttachment *signed_pdf;

  add_and_wait (f, pdf, 1);
  add_and_wait (f, text, 2);

  attachments = signet_store_list_attachments (f->store, signet_contract_get_id (f->contract), NULL);
  g_assert_cmpuint (attachments->len, ==, 2);
  signed_pdf = g_ptr_array_index (attachments, 0);
  g_assert_cmpstr (signet_attachment_get_file_name (signed_pdf), ==, "正本.pdf");
  g_assert_cmpint (signet_attachment_get_role (signed_pdf), ==, SIGNET_ATTACHMENT_ROLE_SIGNED);
  g_assert_cmpint (signet_attachment_get_role (g_ptr_array_index (attachments, 1)), ==, SIGNET_ATTACHMENT_ROLE_OTHER);

  g_assert_nonnull (display_test_find_accessible (GTK_WIDGET (f->section), "Open 正本.pdf"));
  g_assert_nonnull (display_test_find_accessible (GTK_WIDGET (f->section), "More for notes.txt"));

  gtk_widget_activate_action (GTK_WIDGET (f->section), "attachment.open", "x",
                              signet_attachment_get_id (signed_pdf));
  g_assert_cmpint (f->opened_version, ==, signet_attachment_get_version_id (signed_pdf));
}

typedef struct
{
  SignetStore *store;
  gint64       contract_id;
} StoredWait;

static gboolean
stores_two_files (gpointer data)
{
  StoredWait *wait = data;
  g_autoptr(GPtrArray) attachments = signet_store_list_attachments (wait->store, wait->contract_id, NULL);

  return attachments != NULL && attachments->len == 2;
}

/* Two PDFs dropped together are read one by one: one becomes the signed
 * contract and the other an appendix, also when the page was left before
 * they were read, while the section, hidden, does not show them yet. */
static void
test_two_pdfs_while_hidden (Fixture       *f,
                            gconstpointer  data)
{
  g_autofree char *appendix = g_strconcat (minimal_pdf, "% Appendix 1\n", NULL);
  g_autoptr(GFile) first = write_file (f, "正本.pdf", minimal_pdf, sizeof minimal_pdf - 1);
  g_autoptr(GFile) second = write_file (f, "附件一.pdf", appendix, strlen (appendix));
  GSList rest = { second, NULL };
  GSList files = { first, &rest };
  StoredWait wait = { f->store, signet_contract_get_id (f->contract) };
  GtkWidget *page = gtk_widget_get_parent (GTK_WIDGET (f->section));
  g_autoptr(GPtrArray) attachments = NULL;
  guint n_signed = 0;
  guint n_appendices = 0;

  signet_attachments_section_add_files (f->section, &files);
  gtk_widget_set_visible (page, FALSE);
  g_assert_true (display_test_wait_for (stores_two_files, &wait));
  g_assert_cmpuint (signet_attachments_section_get_n_attachments (f->section), ==, 0);

  attachments = signet_store_list_attachments (f->store, signet_contract_get_id (f->contract), NULL);
  for (guint i = 0; i < attachments->len; i++)
    {
      SignetAttachmentRole role = signet_attachment_get_role (g_ptr_array_index (attachments, i));

      n_signed += role == SIGNET_ATTACHMENT_ROLE_SIGNED;
      n_appendices += role == SIGNET_ATTACHMENT_ROLE_APPENDIX;
    }
  g_assert_cmpuint (n_signed, ==, 1);
  g_assert_cmpuint (n_appendices, ==, 1);

  gtk_widget_set_visible (page, TRUE);
  display_test_spin (50);
  g_assert_cmpuint (signet_attachments_section_get_n_attachments (f->section), ==, 2);
}

typedef struct
{
  const char *path;
  const char *contents;
} FileWait;

static gboolean
file_has_contents (gpointer data)
{
  FileWait *wait = data;
  g_autofree char *contents = NULL;

  return g_file_get_contents (wait->path, &contents, NULL, NULL) && g_str_equal (contents, wait->contents);
}

/* A file that is not a PDF goes to the default application as a copy in
 * the cache folder, written in the background, readable by this user
 * only; the stored file stays as it was. */
static void
test_open_externally (Fixture       *f,
                      gconstpointer  data)
{
  static const char notes[] = "call back on Monday\n";
  g_autoptr(GFile) text = write_file (f, "notes.txt", notes, sizeof notes - 1);
  g_autoptr(GPtrArray) attachments = NULL;
  g_autoptr(GBytes) stored = NULL;
  SignetAttachment *attachment;
  g_autofree char *copy = NULL;
  FileWait wait;
  GStatBuf st;

  add_and_wait (f, text, 1);
  attachments = signet_store_list_attachments (f->store, signet_contract_get_id (f->contract), NULL);
  attachment = g_ptr_array_index (attachments, 0);
  copy = g_build_filename (g_get_user_cache_dir (), "signet", "open",
                           signet_attachment_get_sha256 (attachment), "notes.txt", NULL);

  gtk_widget_activate_action (GTK_WIDGET (f->section), "attachment.open", "x", signet_attachment_get_id (attachment));
  /* The file is read in a thread: nothing is written before the call returns. */
  g_assert_false (g_file_test (copy, G_FILE_TEST_EXISTS));
  g_assert_cmpint (f->opened_version, ==, 0);

  wait = (FileWait) { copy, notes };
  g_assert_true (display_test_wait_for (file_has_contents, &wait));
  g_assert_cmpint (g_stat (copy, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  /* If no application here takes text files, a dialog says so. */
  display_test_spin (300);
  if (display_test_find_alert_dialog () != NULL)
    display_test_respond ("close");

  stored = signet_store_load_version_bytes (f->store, signet_attachment_get_version_id (attachment), NULL);
  g_assert_cmpmem (g_bytes_get_data (stored, NULL), g_bytes_get_size (stored), notes, sizeof notes - 1);
}

/* An empty file is refused with a message that names it, and the
 * contract's other attachments are untouched. */
static void
test_empty_file_refused (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GFile) pdf = write_file (f, "signed.pdf", minimal_pdf, sizeof minimal_pdf - 1);
  g_autoptr(GFile) empty = write_file (f, "empty.pdf", "", 0);
  GSList files = { empty, NULL };
  AdwAlertDialog *dialog;

  add_and_wait (f, pdf, 1);
  signet_attachments_section_add_files (f->section, &files);
  g_assert_true (display_test_wait_for (display_test_alert_shown, NULL));

  dialog = display_test_find_alert_dialog ();
  g_assert_nonnull (strstr (adw_alert_dialog_get_heading (dialog), "empty.pdf"));
  g_assert_nonnull (strstr (adw_alert_dialog_get_body (dialog), "empty"));
  display_test_respond ("close");

  g_assert_cmpuint (signet_attachments_section_get_n_attachments (f->section), ==, 1);
}

/* Delete takes the file off the list; its window's Undo brings it back
 * with its id. */
static void
test_delete (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GFile) pdf = write_file (f, "signed.pdf", minimal_pdf, sizeof minimal_pdf - 1);
  g_autoptr(GPtrArray) attachments = NULL;
  gint64 id;

  add_and_wait (f, pdf, 1);
  attachments = signet_store_list_attachments (f->store, signet_contract_get_id (f->contract), NULL);
  id = signet_attachment_get_id (g_ptr_array_index (attachments, 0));

  gtk_widget_activate_action (GTK_WIDGET (f->section), "attachment.delete", "x", id);
  g_assert_cmpuint (signet_attachments_section_get_n_attachments (f->section), ==, 0);

  g_clear_pointer (&attachments, g_ptr_array_unref);
  signet_undo_undo (signet_undo_get (GTK_WIDGET (f->section)), NULL);
  g_assert_cmpuint (signet_attachments_section_get_n_attachments (f->section), ==, 1);
  attachments = signet_store_list_attachments (f->store, signet_contract_get_id (f->contract), NULL);
  g_assert_cmpint (signet_attachment_get_id (g_ptr_array_index (attachments, 0)), ==, id);
}

static gboolean
has_label (GtkWidget  *root,
           const char *text)
{
  if (GTK_IS_LABEL (root) && gtk_widget_get_visible (root) &&
      g_strcmp0 (gtk_label_get_text (GTK_LABEL (root)), text) == 0)
    return TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    if (has_label (child, text))
      return TRUE;

  return FALSE;
}

/* A contract not saved yet cannot take files, and says so. */
static void
test_unsaved_contract (Fixture       *f,
                       gconstpointer  data)
{
  GtkWidget *add;

  signet_contract_section_set_contract (SIGNET_CONTRACT_SECTION (f->section), f->store, 0);
  add = display_test_find_button (GTK_WIDGET (f->section), "Add File…");
  g_assert_nonnull (add);
  g_assert_false (gtk_widget_get_sensitive (add));
  g_assert_true (has_label (GTK_WIDGET (f->section), "Save the contract to attach files to it."));
}

int
main (int   argc,
      char *argv[])
{
  display_test_init (&argc, &argv);

  g_test_add ("/attachments-section/add-and-open", Fixture, NULL, fixture_set_up, test_add_and_open, fixture_tear_down);
  g_test_add ("/attachments-section/open-externally", Fixture, NULL, fixture_set_up, test_open_externally, fixture_tear_down);
  g_test_add ("/attachments-section/empty-file-refused", Fixture, NULL, fixture_set_up, test_empty_file_refused, fixture_tear_down);
  g_test_add ("/attachments-section/two-pdfs-while-hidden", Fixture, NULL, fixture_set_up, test_two_pdfs_while_hidden,
              fixture_tear_down);
  g_test_add ("/attachments-section/delete", Fixture, NULL, fixture_set_up, test_delete, fixture_tear_down);
  g_test_add ("/attachments-section/unsaved-contract", Fixture, NULL, fixture_set_up, test_unsaved_contract, fixture_tear_down);

  return g_test_run ();
}
