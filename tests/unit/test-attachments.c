/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>

#include "signet-store.h"
#include "signet-store-attachments.h"
#include "signet-store-private.h"
#include "signet-tombstone.h"
#include "store-fixture.h"
#include "unit-test-utils.h"

#define SIGNED_PDF "%PDF-1.4\n% signed original\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n"
#define DRAFT_PDF "%PDF-1.4\n% a draft\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n"

typedef struct
{
  StoreFixture    base;         /* its client is 上海华东建设工程有限公司 */
  SignetContract *contract;
  gint64          contract_id;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  store_fixture_open_empty (&f->base, "signet.db");

  f->base.client = signet_client_new ();
  signet_client_set_name (f->base.client, "上海华东建设工程有限公司");
  signet_client_set_code (f->base.client, "C001");
  g_assert_true (signet_store_add_client (f->base.store, f->base.client, &error));
  g_assert_no_error (error);

  f->contract = unit_add_contract (f->base.store, f->base.client, "HT-2026-0001", "办公场地租赁合同");
  f->contract_id = signet_contract_get_id (f->contract);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->contract);
  store_fixture_close (&f->base);
}

static GBytes *
bytes_of (const char *text)
{
  return g_bytes_new (text, strlen (text));
}

static SignetAttachment *
attach (Fixture              *f,
        gint64                contract_id,
        const char           *text,
        const char           *file_name,
        SignetAttachmentRole  role)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = bytes_of (text);
  SignetAttachment *attachment;

  attachment = signet_store_add_attachment (f->base.store, contract_id, bytes, file_name,
                                            "application/pdf", role, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (attachment);

  return attachment;
}

/* Counted through a connection of its own, as another program would. */
static gint64
count_rows (Fixture    *f,
            const char *table)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s", table);

  return unit_query_raw_int (f->base.path, sql);
}

/* Another program changes the stored bytes behind Signet's back: a
 * connection of its own writes @damaged over the bytes under @sha256. */
static void
damage_blob (Fixture    *f,
             const char *sha256,
             const char *damaged)
{
  g_autoptr(GString) hex = g_string_new (NULL);
  g_autofree char *sql = NULL;
  g_autofree char *count = g_strdup_printf ("SELECT count(*) FROM blobs WHERE sha256 = '%s'", sha256);

  for (const char *p = damaged; *p != '\0'; p++)
    g_string_append_printf (hex, "%02x", (guchar) *p);
  sql = g_strdup_printf (store_fixture_on_server ()
                         ? "UPDATE blobs SET data = decode ('%s', 'hex') WHERE sha256 = '%s'"
                         : "UPDATE blobs SET data = X'%s' WHERE sha256 = '%s'",
                         hex->str, sha256);
  unit_exec_raw (f->base.path, sql);
  g_assert_cmpint (unit_query_raw_int (f->base.path, count), ==, 1);
}

static guint
count_audit (Fixture *f)
{
  g_autoptr(GPtrArray) entries = signet_store_list_audit (f->base.store, SIGNET_RECORD_CONTRACT, 0, NULL);

  return entries->len;
}

static void
assert_bytes_equal (GBytes     *bytes,
                    const char *text)
{
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);

  g_assert_cmpmem (data, size, text, strlen (text));
}

static void
test_add_and_list (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = bytes_of (SIGNED_PDF);
  g_autoptr(SignetAttachment) appendix = NULL;
  g_autoptr(SignetAttachment) signed_copy = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GRegex) timestamp = g_regex_new ("^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z$", 0, 0, NULL);
  g_autofree char *sha256 = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);

  appendix = signet_store_add_attachment (f->base.store, f->contract_id, bytes, "附件一 价格表.pdf",
                                          "application/pdf", SIGNET_ATTACHMENT_ROLE_APPENDIX,
                                          "  报价明细  ", &error);
  g_assert_no_error (error);
  g_assert_cmpint (signet_attachment_get_id (appendix), >, 0);
  g_assert_cmpint (signet_attachment_get_contract_id (appendix), ==, f->contract_id);
  g_assert_cmpint (signet_attachment_get_role (appendix), ==, SIGNET_ATTACHMENT_ROLE_APPENDIX);
  g_assert_cmpstr (signet_attachment_get_description (appendix), ==, "报价明细");
  g_assert_cmpuint (signet_attachment_get_version (appendix), ==, 1);
  g_assert_cmpstr (signet_attachment_get_file_name (appendix), ==, "附件一 价格表.pdf");
  g_assert_cmpstr (signet_attachment_get_content_type (appendix), ==, "application/pdf");
  g_assert_cmpuint (signet_attachment_get_size (appendix), ==, strlen (SIGNED_PDF));
  g_assert_cmpstr (signet_attachment_get_sha256 (appendix), ==, sha256);
  g_assert_true (g_regex_match (timestamp, signet_attachment_get_added_at (appendix), 0, NULL));
  g_assert_cmpstr (signet_attachment_get_added_by (appendix), !=, "");
  g_assert_true (signet_attachment_is_pdf (appendix));

  signed_copy = attach (f, f->contract_id, DRAFT_PDF, "合同正本.pdf", SIGNET_ATTACHMENT_ROLE_SIGNED);

  /* The signed contract is listed first although it was added second. */
  list = signet_store_list_attachments (f->base.store, f->contract_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 2);
  g_assert_cmpint (signet_attachment_get_id (g_ptr_array_index (list, 0)), ==,
                   signet_attachment_get_id (signed_copy));
  g_assert_cmpint (signet_attachment_get_id (g_ptr_array_index (list, 1)), ==,
                   signet_attachment_get_id (appendix));

  /* Without a type the name and the bytes decide; PDF has one name. */
  {
    g_autoptr(GBytes) png = g_bytes_new_static ("\x89PNG\r\n\x1a\n....", 12);
    g_autoptr(GBytes) pdf = bytes_of ("%PDF-1.7\n% guessed\n");
    g_autoptr(SignetAttachment) guessed_png = NULL;
    g_autoptr(SignetAttachment) guessed_pdf = NULL;
    g_autoptr(SignetAttachment) alias_pdf = NULL;

    guessed_png = signet_store_add_attachment (f->base.store, f->contract_id, png, "stamp.png", NULL,
                                               SIGNET_ATTACHMENT_ROLE_OTHER, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (signet_attachment_get_content_type (guessed_png), ==, "image/png");
    g_assert_false (signet_attachment_is_pdf (guessed_png));

    guessed_pdf = signet_store_add_attachment (f->base.store, f->contract_id, pdf, "scan.PDF", NULL,
                                               SIGNET_ATTACHMENT_ROLE_OTHER, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (signet_attachment_get_content_type (guessed_pdf), ==, "application/pdf");

    alias_pdf = signet_store_add_attachment (f->base.store, f->contract_id, pdf, "old.pdf", " Application/X-PDF ",
                                             SIGNET_ATTACHMENT_ROLE_OTHER, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (signet_attachment_get_content_type (alias_pdf), ==, "application/pdf");
  }

  /* A path that came with a name is not kept: only the name. */
  {
    g_autoptr(SignetAttachment) odd = attach (f, f->contract_id, SIGNED_PDF "x", "../../etc/passwd.pdf",
                                              SIGNET_ATTACHMENT_ROLE_OTHER);

    g_assert_cmpstr (signet_attachment_get_file_name (odd), ==, "passwd.pdf");
  }
}

static void
test_dedupe (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(SignetContract) other = unit_add_contract (f->base.store, f->base.client, "HT-2026-0002", "Second");
  g_autoptr(SignetAttachment) a = attach (f, f->contract_id, SIGNED_PDF, "a.pdf", SIGNET_ATTACHMENT_ROLE_SIGNED);
  g_autoptr(SignetAttachment) b = attach (f, signet_contract_get_id (other), SIGNED_PDF, "copy of a.pdf",
                                          SIGNET_ATTACHMENT_ROLE_OTHER);
  g_autoptr(SignetAttachment) c = attach (f, f->contract_id, DRAFT_PDF, "draft.pdf", SIGNET_ATTACHMENT_ROLE_DRAFT);

  g_assert_cmpstr (signet_attachment_get_sha256 (a), ==, signet_attachment_get_sha256 (b));
  g_assert_cmpint (signet_attachment_get_id (a), !=, signet_attachment_get_id (b));
  g_assert_cmpint (count_rows (f, "attachments"), ==, 3);
  g_assert_cmpint (count_rows (f, "blobs"), ==, 2);
}

static void
test_versions (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SignetAttachment) first = attach (f, f->contract_id, DRAFT_PDF, "draft.pdf", SIGNET_ATTACHMENT_ROLE_DRAFT);
  g_autoptr(SignetAttachment) second = NULL;
  g_autoptr(SignetAttachment) same = NULL;
  g_autoptr(GBytes) signed_bytes = bytes_of (SIGNED_PDF);
  g_autoptr(GBytes) v1 = NULL;
  g_autoptr(GBytes) v2 = NULL;
  g_autoptr(GPtrArray) versions = NULL;
  g_autoptr(GPtrArray) list = NULL;
  SignetAttachmentVersion *newest;
  SignetAttachmentVersion *oldest;

  second = signet_store_replace_attachment (f->base.store, signet_attachment_get_id (first), signed_bytes,
                                            "signed.pdf", "application/pdf", &error);
  g_assert_no_error (error);
  g_assert_cmpint (signet_attachment_get_id (second), ==, signet_attachment_get_id (first));
  g_assert_cmpuint (signet_attachment_get_version (second), ==, 2);
  g_assert_cmpstr (signet_attachment_get_file_name (second), ==, "signed.pdf");
  g_assert_cmpint (signet_attachment_get_version_id (second), !=, signet_attachment_get_version_id (first));

  /* Still one attachment, now showing version 2. */
  list = signet_store_list_attachments (f->base.store, f->contract_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_cmpuint (signet_attachment_get_version (g_ptr_array_index (list, 0)), ==, 2);

  /* Replacing with the file that is already current adds nothing. */
  same = signet_store_replace_attachment (f->base.store, signet_attachment_get_id (first), signed_bytes,
                                          "signed again.pdf", "application/pdf", &error);
  g_assert_error (error, SIGNET_ATTACHMENT_ERROR, SIGNET_ATTACHMENT_ERROR_UNCHANGED);
  g_assert_cmpstr (error->message, ==,
                   "“signed again.pdf” is the same file as the current version of “signed.pdf”, "
                   "so no version was added.");
  g_assert_null (same);
  g_clear_error (&error);

  /* Close and reopen: both versions are there and both open, byte for byte. */
  g_clear_object (&f->base.store);
  f->base.store = signet_store_new (f->base.path, &error);
  g_assert_no_error (error);

  versions = signet_store_list_attachment_versions (f->base.store, signet_attachment_get_id (first), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (versions->len, ==, 2);
  newest = g_ptr_array_index (versions, 0);
  oldest = g_ptr_array_index (versions, 1);
  g_assert_cmpuint (newest->version, ==, 2);
  g_assert_cmpuint (oldest->version, ==, 1);
  g_assert_cmpstr (oldest->file_name, ==, "draft.pdf");
  g_assert_cmpstr (oldest->sha256, ==, signet_attachment_get_sha256 (first));
  g_assert_cmpint (oldest->id, ==, signet_attachment_get_version_id (first));

  v1 = signet_store_load_version_bytes (f->base.store, oldest->id, &error);
  g_assert_no_error (error);
  assert_bytes_equal (v1, DRAFT_PDF);
  v2 = signet_store_load_version_bytes (f->base.store, newest->id, &error);
  g_assert_no_error (error);
  assert_bytes_equal (v2, SIGNED_PDF);
}

static void
test_checksum_mismatch (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SignetAttachment) attachment = attach (f, f->contract_id, SIGNED_PDF, "合同正本.pdf",
                                                   SIGNET_ATTACHMENT_ROLE_SIGNED);
  g_autoptr(SignetContract) other = unit_add_contract (f->base.store, f->base.client, "HT-2026-0002", "Second");
  g_autoptr(SignetAttachment) again = NULL;
  g_autoptr(GBytes) loaded = NULL;
  g_autofree char *damaged_sha256 = NULL;
  g_autofree char *expected = NULL;
  const char *damaged = "%PDF-1.4\n% signed original, but one clause changed\n%%EOF\n";

  damage_blob (f, signet_attachment_get_sha256 (attachment), damaged);

  damaged_sha256 = g_compute_checksum_for_string (G_CHECKSUM_SHA256, damaged, -1);
  expected = g_strdup_printf ("“合同正本.pdf” is damaged: its SHA-256 checksum is now %s, but it was %s "
                              "when the file was attached.",
                              damaged_sha256, signet_attachment_get_sha256 (attachment));

  loaded = signet_store_load_version_bytes (f->base.store, signet_attachment_get_version_id (attachment), &error);
  g_assert_error (error, SIGNET_ATTACHMENT_ERROR, SIGNET_ATTACHMENT_ERROR_CHECKSUM_MISMATCH);
  g_assert_cmpstr (error->message, ==, expected);
  g_assert_null (loaded);
  g_clear_error (&error);

  loaded = signet_store_load_blob_bytes (f->base.store, signet_attachment_get_sha256 (attachment), &error);
  g_assert_error (error, SIGNET_ATTACHMENT_ERROR, SIGNET_ATTACHMENT_ERROR_CHECKSUM_MISMATCH);
  g_assert_null (loaded);
  g_clear_error (&error);

  /* Attaching the original again puts the good bytes back for both. */
  again = attach (f, signet_contract_get_id (other), SIGNED_PDF, "original.pdf", SIGNET_ATTACHMENT_ROLE_SIGNED);
  loaded = signet_store_load_version_bytes (f->base.store, signet_attachment_get_version_id (attachment), &error);
  g_assert_no_error (error);
  assert_bytes_equal (loaded, SIGNED_PDF);
  g_assert_cmpint (count_rows (f, "blobs"), ==, 1);
}

static void
loaded_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

/* Waits for signet_store_load_version_bytes_async() and finishes it. */
static GBytes *
load_in_thread (Fixture  *f,
                gint64    version_id,
                GError  **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  signet_store_load_version_bytes_async (f->base.store, version_id, NULL, loaded_cb, &result);
  /* The answer comes through the main loop, never before the call returns. */
  g_assert_null (result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);

  return signet_store_load_version_bytes_finish (f->base.store, result, error);
}

/* The same bytes and the same errors when the file is read in a thread, on
 * a connection of its own. */
static void
test_load_in_thread (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SignetAttachment) attachment = attach (f, f->contract_id, SIGNED_PDF, "合同正本.pdf",
                                                   SIGNET_ATTACHMENT_ROLE_SIGNED);
  g_autoptr(GBytes) loaded = NULL;
  const char *damaged = "%PDF-1.4\n% one clause changed\n%%EOF\n";

  loaded = load_in_thread (f, signet_attachment_get_version_id (attachment), &error);
  g_assert_no_error (error);
  assert_bytes_equal (loaded, SIGNED_PDF);
  g_clear_pointer (&loaded, g_bytes_unref);

  loaded = load_in_thread (f, signet_attachment_get_version_id (attachment) + 1000, &error);
  g_assert_error (error, SIGNET_STORE_ERROR, SIGNET_STORE_ERROR_NOT_FOUND);
  g_assert_null (loaded);
  g_clear_error (&error);

  damage_blob (f, signet_attachment_get_sha256 (attachment), damaged);

  loaded = load_in_thread (f, signet_attachment_get_version_id (attachment), &error);
  g_assert_error (error, SIGNET_ATTACHMENT_ERROR, SIGNET_ATTACHMENT_ERROR_CHECKSUM_MISMATCH);
  g_assert_nonnull (strstr (error->message, "“合同正本.pdf” is damaged"));
  g_assert_null (loaded);
}

static void
test_delete_restore (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SignetAttachment) first = attach (f, f->contract_id, DRAFT_PDF, "draft.pdf", SIGNET_ATTACHMENT_ROLE_DRAFT);
  g_autoptr(SignetAttachment) current = NULL;
  g_autoptr(SignetAttachment) kept = attach (f, f->contract_id, "%PDF-1.4\n% appendix\n", "appendix.pdf",
                                             SIGNET_ATTACHMENT_ROLE_APPENDIX);
  g_autoptr(SignetAnnotation) on_v1 = NULL;
  g_autoptr(SignetAnnotation) on_v2 = NULL;
  g_autoptr(SignetAnnotation) gone_alone = NULL;
  g_autoptr(GBytes) signed_bytes = bytes_of (SIGNED_PDF);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GPtrArray) versions = NULL;
  g_autoptr(GPtrArray) annotations = NULL;
  const SignetAnnotationRect rect = { 72, 100.5, 300.25, 114 };
  gint64 attachment_id = signet_attachment_get_id (first);
  gint64 v1_id = signet_attachment_get_version_id (first);
  gint64 v2_id;
  g_autoptr(SignetTombstone) tombstone = NULL;

  current = signet_store_replace_attachment (f->base.store, attachment_id, signed_bytes, "signed.pdf", NULL, &error);
  g_assert_no_error (error);
  v2_id = signet_attachment_get_version_id (current);

  on_v1 = signet_store_add_annotation (f->base.store, v1_id, SIGNET_ANNOTATION_KIND_NOTE, 0, &rect, 1,
                                       "#ffd400", "草稿的意见", &error);
  g_assert_no_error (error);
  on_v2 = signet_store_add_annotation (f->base.store, v2_id, SIGNET_ANNOTATION_KIND_HIGHLIGHT, 3, &rect, 1,
                                       "#ffd400", "check clause 5", &error);
  g_assert_no_error (error);
  gone_alone = signet_store_add_annotation (f->base.store, v2_id, SIGNET_ANNOTATION_KIND_RECTANGLE, 1, &rect, 1,
                                            "#ff0000", NULL, &error);
  g_assert_no_error (error);

  /* An annotation deleted on its own before the attachment stays deleted
   * when the attachment comes back. */
  g_assert_true (signet_store_delete_annotation (f->base.store, signet_annotation_get_id (gone_alone), &error));
  g_assert_no_error (error);

  tombstone = signet_store_delete (f->base.store, SIGNET_TOMBSTONE_ATTACHMENT, attachment_id, &error);
  g_assert_no_error (error);
  g_assert_nonnull (tombstone);

  list = signet_store_list_attachments (f->base.store, f->contract_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_cmpint (signet_attachment_get_id (g_ptr_array_index (list, 0)), ==, signet_attachment_get_id (kept));
  g_clear_pointer (&list, g_ptr_array_unref);

  g_assert_null (signet_store_get_attachment (f->base.store, attachment_id, &error));
  g_assert_error (error, SIGNET_STORE_ERROR, SIGNET_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_null (signet_store_load_version_bytes (f->base.store, v1_id, &error));
  g_assert_error (error, SIGNET_STORE_ERROR, SIGNET_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_null (signet_store_get_annotation (f->base.store, signet_annotation_get_id (on_v2), &error));
  g_assert_error (error, SIGNET_STORE_ERROR, SIGNET_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpint (count_rows (f, "attachment_versions"), ==, 1);
  g_assert_cmpint (count_rows (f, "annotations"), ==, 0);

  /* Undo: the attachment, both versions with their bytes and the
   * annotations that went with them, under the same ids. */
  g_assert_true (signet_store_restore (f->base.store, tombstone, &error));
  g_assert_no_error (error);

  list = signet_store_list_attachments (f->base.store, f->contract_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 2);
  g_assert_cmpint (signet_attachment_get_id (g_ptr_array_index (list, 0)), ==, attachment_id);
  g_assert_cmpuint (signet_attachment_get_version (g_ptr_array_index (list, 0)), ==, 2);
  g_assert_cmpint (signet_attachment_get_version_id (g_ptr_array_index (list, 0)), ==, v2_id);

  versions = signet_store_list_attachment_versions (f->base.store, attachment_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (versions->len, ==, 2);

  bytes = signet_store_load_version_bytes (f->base.store, v1_id, &error);
  g_assert_no_error (error);
  assert_bytes_equal (bytes, DRAFT_PDF);

  annotations = signet_store_list_annotations (f->base.store, v1_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (annotations->len, ==, 1);
  g_assert_cmpint (signet_annotation_get_id (g_ptr_array_index (annotations, 0)), ==, signet_annotation_get_id (on_v1));
  g_assert_cmpstr (signet_annotation_get_comment (g_ptr_array_index (annotations, 0)), ==, "草稿的意见");
  g_clear_pointer (&annotations, g_ptr_array_unref);

  annotations = signet_store_list_annotations (f->base.store, v2_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (annotations->len, ==, 1);
  g_assert_cmpint (signet_annotation_get_id (g_ptr_array_index (annotations, 0)), ==, signet_annotation_get_id (on_v2));

  /* Undo happens once. */
  g_assert_false (signet_store_restore (f->base.store, tombstone, &error));
  g_assert_error (error, SIGNET_STORE_ERROR, SIGNET_STORE_ERROR_CONFLICT);
  g_assert_cmpstr (error->message, ==, "“signed.pdf” is attached already.");
  g_clear_error (&error);
}

static void
test_deleted_blobs_purged_later (Fixture       *f,
                                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SignetAttachment) doomed = attach (f, f->contract_id, DRAFT_PDF, "draft.pdf", SIGNET_ATTACHMENT_ROLE_DRAFT);
  g_autoptr(SignetAttachment) second = attach (f, f->contract_id, SIGNED_PDF, "signed.pdf", SIGNET_ATTACHMENT_ROLE_SIGNED);
  g_autoptr(SignetAttachment) other = NULL;
  g_autoptr(SignetTombstone) tombstone = NULL;

  g_assert_true (signet_store_set_blob_text (f->base.store, signet_attachment_get_sha256 (doomed),
                                             SIGNET_BLOB_TEXT_DONE, "draft", &error));
  g_assert_no_error (error);
  tombstone = signet_store_delete (f->base.store, SIGNET_TOMBSTONE_ATTACHMENT, signet_attachment_get_id (doomed), &error);
  g_assert_no_error (error);

  /* Kept while Undo is possible, another delete notwithstanding... */
  g_assert_cmpint (count_rows (f, "blobs"), ==, 2);
  other = attach (f, f->contract_id, "%PDF-1.4 other", "other.pdf", SIGNET_ATTACHMENT_ROLE_OTHER);
  g_assert_true (signet_store_delete_attachment (f->base.store, signet_attachment_get_id (other), &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_rows (f, "blobs"), ==, 3);

  /* ...and gone once nothing can bring them back: a later session
   * deletes something. */
  g_clear_object (&tombstone);
  g_clear_object (&f->base.store);
  f->base.store = signet_store_new (f->base.path, &error);
  g_assert_no_error (error);

  g_assert_true (signet_store_delete_attachment (f->base.store, signet_attachment_get_id (second), &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_rows (f, "blobs"), ==, 1);
  g_assert_cmpint (count_rows (f, "blob_text"), ==, 0);
}

static void
test_contract_delete_restore (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SignetAttachment) attachment = attach (f, f->contract_id, SIGNED_PDF, "signed.pdf",
                                                   SIGNET_ATTACHMENT_ROLE_SIGNED);
  g_autoptr(SignetAnnotation) note = NULL;
  g_autoptr(SignetAttachment) refused = NULL;
  g_autoptr(SignetContract) later = NULL;
  g_autoptr(SignetTombstone) tombstone = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GPtrArray) pending = NULL;
  g_autoptr(GPtrArray) annotations = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GBytes) more = bytes_of (DRAFT_PDF);
  g_autoptr(GHashTable) matches = NULL;
  const SignetAnnotationRect rect = { 10, 20, 30, 40 };
  gint64 version_id = signet_attachment_get_version_id (attachment);

  note = signet_store_add_annotation (f->base.store, version_id, SIGNET_ANNOTATION_KIND_NOTE, 0, &rect, 1,
                                      "#00ff00", "ok", &error);
  g_assert_no_error (error);
  g_assert_true (signet_store_set_blob_text (f->base.store, signet_attachment_get_sha256 (attachment),
                                             SIGNET_BLOB_TEXT_DONE, "第五条 保密条款", &error));
  g_assert_no_error (error);

  tombstone = signet_store_delete (f->base.store, SIGNET_TOMBSTONE_CONTRACT, f->contract_id, &error);
  g_assert_no_error (error);

  /* Nothing of a deleted contract is found, and nothing of it is deleted. */
  list = signet_store_list_attachments (f->base.store, f->contract_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 0);
  g_clear_pointer (&list, g_ptr_array_unref);
  g_assert_null (signet_store_load_version_bytes (f->base.store, version_id, &error));
  g_assert_error (error, SIGNET_STORE_ERROR, SIGNET_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  refused = signet_store_add_attachment (f->base.store, f->contract_id, more, "late.pdf", NULL,
                                         SIGNET_ATTACHMENT_ROLE_OTHER, NULL, &error);
  g_assert_error (error, SIGNET_STORE_ERROR, SIGNET_STORE_ERROR_NOT_FOUND);
  g_assert_null (refused);
  g_clear_error (&error);
  matches = _signet_store_attachment_text_matches (f->base.store, "保密条款");
  g_assert_cmpuint (g_hash_table_size (matches), ==, 0);
  g_clear_pointer (&matches, g_hash_table_unref);
  g_assert_cmpint (count_rows (f, "attachments"), ==, 1);
  g_assert_cmpint (count_rows (f, "attachment_versions"), ==, 1);
  g_assert_cmpint (count_rows (f, "annotations"), ==, 1);
  g_assert_cmpint (count_rows (f, "blobs"), ==, 1);

  /* A contract added meanwhile gets a new id, so it never sees them. */
  later = unit_add_contract (f->base.store, f->base.client, "HT-2026-0002", "Later");
  g_assert_cmpint (signet_contract_get_id (later), >, f->contract_id);
  list = signet_store_list_attachments (f->base.store, signet_contract_get_id (later), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 0);
  g_clear_pointer (&list, g_ptr_array_unref);

  /* Undo of the contract brings everything back. */
  g_assert_true (signet_store_restore (f->base.store, tombstone, &error));
  g_assert_no_error (error);

  list = signet_store_list_attachments (f->base.store, f->contract_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_cmpint (signet_attachment_get_id (g_ptr_array_index (list, 0)), ==, signet_attachment_get_id (attachment));
  bytes = signet_store_load_version_bytes (f->base.store, version_id, &error);
  g_assert_no_error (error);
  assert_bytes_equal (bytes, SIGNED_PDF);
  annotations = signet_store_list_annotations (f->base.store, version_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (annotations->len, ==, 1);
  matches = _signet_store_attachment_text_matches (f->base.store, "保密条款");
  g_assert_true (g_hash_table_contains (matches, &f->contract_id));
  pending = signet_store_list_blobs_without_text (f->base.store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (pending->len, ==, 0);
}

/* Resident memory in kB: @field "VmRSS" now, "VmHWM" the peak since
 * reset_peak(). */
static gint64
memory_kb (const char *field)
{
  g_autofree char *status = NULL;
  const char *line;

  g_assert_true (g_file_get_contents ("/proc/self/status", &status, NULL, NULL));
  line = strstr (status, field);
  g_assert_nonnull (line);

  return g_ascii_strtoll (line + strlen (field) + 1, NULL, 10);
}

/* Starts counting the peak anew (the kernel's "5" to clear_refs), and
 * gives the memory it starts from. */
static gint64
reset_peak (void)
{
  FILE *clear_refs = fopen ("/proc/self/clear_refs", "w");

  g_assert_nonnull (clear_refs);
  g_assert_cmpint (fputs ("5", clear_refs), >=, 0);
  g_assert_cmpint (fclose (clear_refs), ==, 0);

  return memory_kb ("VmRSS:");
}

/* A 50 MB file comes back byte for byte, read in pieces into one buffer;
 * attaching it again stores nothing new. Prints the times and the peak
 * memory each step added (the numbers in docs/architecture.md). */
static void
test_large_file (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SignetContract) other = unit_add_contract (f->base.store, f->base.client, "HT-2026-0002", "Second");
  g_autoptr(SignetAttachment) attachment = NULL;
  g_autoptr(SignetAttachment) again = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GBytes) loaded = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (18);
  gsize size = 50 * 1000 * 1000 + 7;
  guint32 *words = g_malloc (size + sizeof (guint32));
  gint64 start;
  gint64 base;

  /* Incompressible, as a scanned PDF's images are. */
  for (gsize i = 0; i < size / sizeof (guint32) + 1; i++)
    words[i] = g_rand_int (rand);
  bytes = g_bytes_new_take (words, size);

  base = reset_peak ();
  start = g_get_monotonic_time ();
  attachment = signet_store_add_attachment (f->base.store, f->contract_id, bytes, "扫描件.pdf",
                                            "application/pdf", SIGNET_ATTACHMENT_ROLE_SIGNED, NULL, &error);
  g_assert_no_error (error);
  g_test_message ("write: %.0f ms, peak +%" G_GINT64_FORMAT " kB",
                  (g_get_monotonic_time () - start) / 1000.0, memory_kb ("VmHWM:") - base);

  base = reset_peak ();
  start = g_get_monotonic_time ();
  loaded = signet_store_load_version_bytes (f->base.store, signet_attachment_get_version_id (attachment), &error);
  g_assert_no_error (error);
  g_test_message ("read: %.0f ms, peak +%" G_GINT64_FORMAT " kB",
                  (g_get_monotonic_time () - start) / 1000.0, memory_kb ("VmHWM:") - base);
  g_assert_true (g_bytes_equal (loaded, bytes));

  start = g_get_monotonic_time ();
  again = signet_store_add_attachment (f->base.store, signet_contract_get_id (other), bytes, "copy.pdf",
                                       "application/pdf", SIGNET_ATTACHMENT_ROLE_SIGNED, NULL, &error);
  g_assert_no_error (error);
  g_test_message ("attach again: %.0f ms", (g_get_monotonic_time () - start) / 1000.0);
  g_assert_cmpstr (signet_attachment_get_sha256 (again), ==, signet_attachment_get_sha256 (attachment));
  g_assert_cmpint (count_rows (f, "blobs"), ==, 1);
}

static void
test_refused_files (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GBytes) empty = g_bytes_new_static ("", 0);
  g_autoptr(GBytes) huge = NULL;
  g_autoptr(SignetAttachment) existing = attach (f, f->contract_id, SIGNED_PDF, "signed.pdf",
                                                 SIGNET_ATTACHMENT_ROLE_SIGNED);
  gsize huge_size = SIGNET_ATTACHMENT_MAX_SIZE + 1;
  guint n_audit = count_audit (f);
  gpointer mapping;

  {
    g_autoptr(GError) error = NULL;
    g_autoptr(SignetAttachment) attachment =
      signet_store_add_attachment (f->base.store, f->contract_id, empty, "file.pdf", "application/pdf",
                                   SIGNET_ATTACHMENT_ROLE_SIGNED, NULL, &error);

    g_assert_error (error, SIGNET_ATTACHMENT_ERROR, SIGNET_ATTACHMENT_ERROR_EMPTY);
    g_assert_cmpstr (error->message, ==, "“file.pdf” is empty, so it was not attached.");
    g_assert_null (attachment);
  }

  {
    g_autoptr(GError) error = NULL;
    g_autoptr(SignetAttachment) attachment =
      signet_store_replace_attachment (f->base.store, signet_attachment_get_id (existing), empty,
                                       "file.pdf", "application/pdf", &error);

    g_assert_error (error, SIGNET_ATTACHMENT_ERROR, SIGNET_ATTACHMENT_ERROR_EMPTY);
    g_assert_null (attachment);
  }

  /* Untouched anonymous pages cost no memory: the size is refused before
   * a byte is read. */
  mapping = mmap (NULL, huge_size, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  g_assert_true (mapping != MAP_FAILED);
  huge = g_bytes_new_static (mapping, huge_size);

  {
    g_autoptr(GError) error = NULL;
    g_autoptr(SignetAttachment) attachment =
      signet_store_add_attachment (f->base.store, f->contract_id, huge, "scan.pdf", "application/pdf",
                                   SIGNET_ATTACHMENT_ROLE_SIGNED, NULL, &error);

    g_assert_error (error, SIGNET_ATTACHMENT_ERROR, SIGNET_ATTACHMENT_ERROR_TOO_LARGE);
    g_assert_cmpstr (error->message, ==, "“scan.pdf” is 200.0\u00a0MB; files larger than 200.0\u00a0MB cannot be attached.");
    g_assert_null (attachment);
  }
  g_clear_pointer (&huge, g_bytes_unref);
  munmap (mapping, huge_size);

  /* Nothing stored and nothing logged; the other attachment is intact. */
  g_assert_cmpint (count_rows (f, "blobs"), ==, 1);
  g_assert_cmpint (count_rows (f, "attachments"), ==, 1);
  g_assert_cmpint (count_rows (f, "attachment_versions"), ==, 1);
  g_assert_cmpuint (count_audit (f), ==, n_audit);
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(GBytes) bytes = signet_store_load_version_bytes (f->base.store, signet_attachment_get_version_id (existing), &error);

    g_assert_no_error (error);
    assert_bytes_equal (bytes, SIGNED_PDF);
  }
}

typedef struct
{
  guint  count;
  gint64 id;
} Changes;

static void
changed_cb (SignetStore      *store,
            SignetRecordKind  kind,
            gint64            id,
            SignetChangeKind  change,
            Changes          *changes)
{
  g_assert_cmpint (kind, ==, SIGNET_RECORD_CONTRACT);
  g_assert_cmpint (change, ==, SIGNET_CHANGE_UPDATED);
  changes->count++;
  changes->id = id;
}

static SignetAuditChange *
find_change (SignetAuditEntry *entry,
             const char       *field)
{
  for (guint i = 0; i < entry->changes->len; i++)
    {
      SignetAuditChange *change = g_ptr_array_index (entry->changes, i);

      if (g_str_equal (change->field, field))
        return change;
    }

  return NULL;
}

static void
test_audit_and_signals (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) signed_bytes = bytes_of (SIGNED_PDF);
  g_autoptr(SignetAttachment) attachment = NULL;
  g_autoptr(SignetAttachment) replaced = NULL;
  g_autoptr(SignetAttachment) updated = NULL;
  g_autoptr(SignetAttachment) unchanged = NULL;
  g_autoptr(SignetTombstone) tombstone = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  Changes changes = { 0 };
  const char * const actions[] = {
    "restore attachment", "delete attachment", "update attachment", "replace attachment", "attach",
  };
  SignetAuditEntry *entry;
  SignetAuditChange *change;

  g_signal_connect (f->base.store, "changed", G_CALLBACK (changed_cb), &changes);

  attachment = attach (f, f->contract_id, DRAFT_PDF, "draft.pdf", SIGNET_ATTACHMENT_ROLE_DRAFT);
  g_assert_cmpuint (changes.count, ==, 1);
  g_assert_cmpint (changes.id, ==, f->contract_id);

  replaced = signet_store_replace_attachment (f->base.store, signet_attachment_get_id (attachment), signed_bytes,
                                              "signed.pdf", "application/pdf", &error);
  g_assert_no_error (error);
  updated = signet_store_update_attachment (f->base.store, signet_attachment_get_id (attachment),
                                            SIGNET_ATTACHMENT_ROLE_SIGNED, "盖章版", &error);
  g_assert_no_error (error);
  g_assert_cmpint (signet_attachment_get_role (updated), ==, SIGNET_ATTACHMENT_ROLE_SIGNED);
  g_assert_cmpstr (signet_attachment_get_description (updated), ==, "盖章版");
  g_assert_cmpuint (changes.count, ==, 3);

  /* Saving what is already there writes nothing. */
  unchanged = signet_store_update_attachment (f->base.store, signet_attachment_get_id (attachment),
                                              SIGNET_ATTACHMENT_ROLE_SIGNED, " 盖章版 ", &error);
  g_assert_no_error (error);
  g_assert_nonnull (unchanged);
  g_assert_cmpuint (changes.count, ==, 3);

  tombstone = signet_store_delete (f->base.store, SIGNET_TOMBSTONE_ATTACHMENT, signet_attachment_get_id (attachment), &error);
  g_assert_no_error (error);
  g_assert_true (signet_store_restore (f->base.store, tombstone, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (changes.count, ==, 5);

  entries = signet_store_list_audit (f->base.store, SIGNET_RECORD_CONTRACT, f->contract_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (entries->len, ==, G_N_ELEMENTS (actions) + 1);
  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    {
      entry = g_ptr_array_index (entries, i);
      g_assert_cmpstr (signet_audit_action_to_token (entry->action), ==, actions[i]);
      g_assert_cmpstr (entry->record_label, ==, "HT-2026-0001");
      /* On a server, the person the database user acts as. */
      g_assert_cmpstr (entry->user, ==, store_fixture_on_server () ? signet_store_get_acting_name (f->base.store)
                                                                   : g_get_user_name ());
    }

  entry = g_ptr_array_index (entries, 4);
  change = find_change (entry, "file");
  g_assert_null (change->old_value);
  g_assert_cmpstr (change->new_value, ==, "draft.pdf");
  g_assert_cmpstr (find_change (entry, "role")->new_value, ==, "draft");
  g_assert_cmpstr (find_change (entry, "sha256")->new_value, ==, signet_attachment_get_sha256 (attachment));
  g_assert_null (find_change (entry, "description"));

  entry = g_ptr_array_index (entries, 3);
  g_assert_cmpstr (find_change (entry, "file")->old_value, ==, "draft.pdf");
  g_assert_cmpstr (find_change (entry, "file")->new_value, ==, "signed.pdf");
  g_assert_cmpstr (find_change (entry, "version")->old_value, ==, "1");
  g_assert_cmpstr (find_change (entry, "version")->new_value, ==, "2");

  entry = g_ptr_array_index (entries, 2);
  g_assert_cmpstr (find_change (entry, "file")->new_value, ==, "signed.pdf");
  g_assert_cmpstr (find_change (entry, "role")->old_value, ==, "draft");
  g_assert_cmpstr (find_change (entry, "role")->new_value, ==, "signed");
  g_assert_cmpstr (find_change (entry, "description")->new_value, ==, "盖章版");

  entry = g_ptr_array_index (entries, 1);
  g_assert_cmpstr (find_change (entry, "file")->old_value, ==, "signed.pdf");
  g_assert_null (find_change (entry, "file")->new_value);

  entry = g_ptr_array_index (entries, 0);
  g_assert_cmpstr (find_change (entry, "file")->new_value, ==, "signed.pdf");
  g_assert_cmpstr (find_change (entry, "version")->new_value, ==, "2");

  g_signal_handlers_disconnect_by_func (f->base.store, changed_cb, &changes);
}

static void
test_rollback_on_failure (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = bytes_of (SIGNED_PDF);
  g_autoptr(SignetAttachment) attachment = NULL;
  guint n_audit = count_audit (f);

  attachment = signet_store_add_attachment (f->base.store, 9999, bytes, "signed.pdf", NULL,
                                            SIGNET_ATTACHMENT_ROLE_SIGNED, NULL, &error);
  g_assert_error (error, SIGNET_STORE_ERROR, SIGNET_STORE_ERROR_NOT_FOUND);
  g_assert_cmpstr (error->message, ==, "The contract no longer exists; it may have been deleted.");
  g_assert_null (attachment);
  g_assert_cmpint (count_rows (f, "blobs"), ==, 0);
  g_assert_cmpint (count_rows (f, "attachments"), ==, 0);
  g_assert_cmpuint (count_audit (f), ==, n_audit);
}

static void
test_text (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SignetContract) english = unit_add_contract (f->base.store, f->base.client, "HT-2026-0002", "Supply");
  g_autoptr(SignetContract) scanned = unit_add_contract (f->base.store, f->base.client, "HT-2026-0003", "Scan");
  g_autoptr(SignetAttachment) chinese_pdf = attach (f, f->contract_id, SIGNED_PDF, "合同正本.pdf",
                                                    SIGNET_ATTACHMENT_ROLE_SIGNED);
  g_autoptr(SignetAttachment) english_pdf = attach (f, signet_contract_get_id (english), DRAFT_PDF,
                                                    "supply.pdf", SIGNET_ATTACHMENT_ROLE_SIGNED);
  g_autoptr(SignetAttachment) broken_pdf = attach (f, signet_contract_get_id (scanned), "%PDF-1.4 broken",
                                                   "scan.pdf", SIGNET_ATTACHMENT_ROLE_SIGNED);
  g_autoptr(SignetAttachment) picture = NULL;
  g_autoptr(SignetAttachment) replaced = NULL;
  g_autoptr(GBytes) png = g_bytes_new_static ("\x89PNG\r\n\x1a\n....", 12);
  g_autoptr(GBytes) v2 = bytes_of ("%PDF-1.4\n% version two\n");
  g_autoptr(GPtrArray) pending = NULL;
  g_autoptr(GHashTable) matches = NULL;
  gint64 english_id = signet_contract_get_id (english);

  picture = signet_store_add_attachment (f->base.store, f->contract_id, png, "stamp.png", "image/png",
                                         SIGNET_ATTACHMENT_ROLE_OTHER, NULL, &error);
  g_assert_no_error (error);

  /* Only the PDFs wait for extraction, newest first. */
  pending = signet_store_list_blobs_without_text (f->base.store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (pending->len, ==, 3);
  g_assert_cmpstr (g_ptr_array_index (pending, 0), ==, signet_attachment_get_sha256 (broken_pdf));
  g_assert_cmpstr (g_ptr_array_index (pending, 2), ==, signet_attachment_get_sha256 (chinese_pdf));
  g_clear_pointer (&pending, g_ptr_array_unref);

  g_assert_true (signet_store_set_blob_text (f->base.store, signet_attachment_get_sha256 (chinese_pdf),
                                             SIGNET_BLOB_TEXT_DONE,
                                             "办公场地租赁合同\n第五条 保密\n条款\n甲方应对乙方的商业信息保密。",
                                             &error));
  g_assert_no_error (error);
  g_assert_true (signet_store_set_blob_text (f->base.store, signet_attachment_get_sha256 (english_pdf),
                                             SIGNET_BLOB_TEXT_DONE,
                                             "SUPPLY AGREEMENT\n\n5.  Con\xef\xac\x81" "dentiality\tof   prices",
                                             &error));
  g_assert_no_error (error);
  g_assert_true (signet_store_set_blob_text (f->base.store, signet_attachment_get_sha256 (broken_pdf),
                                             SIGNET_BLOB_TEXT_FAILED, NULL, &error));
  g_assert_no_error (error);

  pending = signet_store_list_blobs_without_text (f->base.store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (pending->len, ==, 0);
  g_clear_pointer (&pending, g_ptr_array_unref);

  /* A line break inside a Chinese word does not hide it. */
  matches = _signet_store_attachment_text_matches (f->base.store, "保密条款");
  g_assert_cmpuint (g_hash_table_size (matches), ==, 1);
  g_assert_true (g_hash_table_contains (matches, &f->contract_id));
  g_clear_pointer (&matches, g_hash_table_unref);

  /* The contract search finds it by those words. */
  {
    g_autoptr(GArray) ids = signet_store_query_contract_ids (f->base.store, "保密条款", SIGNET_SORT_NUMBER, FALSE, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (ids->len, ==, 1);
    g_assert_cmpint (g_array_index (ids, gint64, 0), ==, f->contract_id);
  }

  matches = _signet_store_attachment_text_matches (f->base.store, "保");
  g_assert_cmpuint (g_hash_table_size (matches), ==, 1);
  g_clear_pointer (&matches, g_hash_table_unref);

  /* Case, the "fi" ligature and runs of white space are evened out. */
  matches = _signet_store_attachment_text_matches (f->base.store, "confidentiality");
  g_assert_cmpuint (g_hash_table_size (matches), ==, 1);
  g_assert_true (g_hash_table_contains (matches, &english_id));
  g_clear_pointer (&matches, g_hash_table_unref);

  matches = _signet_store_attachment_text_matches (f->base.store, "Agreement 5. CONFIDENTIALITY OF PRICES");
  g_assert_cmpuint (g_hash_table_size (matches), ==, 1);
  g_clear_pointer (&matches, g_hash_table_unref);

  matches = _signet_store_attachment_text_matches (f->base.store, "违约金");
  g_assert_cmpuint (g_hash_table_size (matches), ==, 0);
  g_clear_pointer (&matches, g_hash_table_unref);

  /* Only what the current version says counts. */
  replaced = signet_store_replace_attachment (f->base.store, signet_attachment_get_id (chinese_pdf), v2,
                                              "合同正本 v2.pdf", "application/pdf", &error);
  g_assert_no_error (error);
  matches = _signet_store_attachment_text_matches (f->base.store, "保密条款");
  g_assert_cmpuint (g_hash_table_size (matches), ==, 0);
  g_clear_pointer (&matches, g_hash_table_unref);
  pending = signet_store_list_blobs_without_text (f->base.store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (pending->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (pending, 0), ==, signet_attachment_get_sha256 (replaced));

  /* The extractor reads the bytes by checksum. */
  {
    g_autoptr(GBytes) bytes = signet_store_load_blob_bytes (f->base.store, g_ptr_array_index (pending, 0), &error);

    g_assert_no_error (error);
    assert_bytes_equal (bytes, "%PDF-1.4\n% version two\n");
  }
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/attachments/add-and-list", test_add_and_list);
  ADD ("/attachments/dedupe", test_dedupe);
  ADD ("/attachments/versions", test_versions);
  ADD ("/attachments/checksum-mismatch", test_checksum_mismatch);
  ADD ("/attachments/load-in-thread", test_load_in_thread);
  ADD ("/attachments/large-file", test_large_file);
  ADD ("/attachments/delete-restore", test_delete_restore);
  ADD ("/attachments/deleted-blobs-purged-later", test_deleted_blobs_purged_later);
  ADD ("/attachments/contract-delete-restore", test_contract_delete_restore);
  ADD ("/attachments/refused-files", test_refused_files);
  ADD ("/attachments/audit-and-signals", test_audit_and_signals);
  ADD ("/attachments/rollback-on-failure", test_rollback_on_failure);
  ADD ("/attachments/text", test_text);
#undef ADD

  return g_test_run ();
}
