/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Attachments, annotations, key dates, reviews and reminder settings in
 * the XML format: the demo register with files of every kind exported,
 * imported into an empty register and exported again gives the same
 * bytes, with and without the files, and everything imported equals the
 * original; an import of the same file again adds nothing; skipped
 * contracts and dry runs write no files. */

#include "config.h"

#include <locale.h>
#include <string.h>

#include "io-test-utils.h"
#include "signet-demo.h"
#include "signet-store-attachments.h"
#include "signet-store-events.h"
#include "signet-store-payments.h"

#define CORPUS_DIR SIGNET_SOURCE_DIR "/../shared/corpus/pdf"

/* What fill_register() adds. */
#define N_ATTACHMENTS 5
#define N_VERSIONS    8
#define N_ANNOTATIONS 8
#define N_KEY_DATES   3
#define N_REVIEWS     2
#define N_REMINDERS   2

static GBytes *
read_corpus_file (const char *name)
{
  g_autofree char *path = g_build_filename (CORPUS_DIR, name, NULL);
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize len;

  g_file_get_contents (path, &contents, &len, &error);
  g_assert_no_error (error);

  return g_bytes_new_take (contents, len);
}

static GBytes *
export_bytes (SignetStore       *store,
              SignetExportFlags  flags)
{
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;

  g_assert_true (signet_xml_export_to_stream (store, out, NULL, flags, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_output_stream_close (out, NULL, NULL));

  return g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (out));
}

static void
write_bytes (const char *path,
             GBytes     *bytes)
{
  io_write_file (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

static SignetImportReport *
import_path (SignetStore          *store,
             const char           *path,
             SignetConflictPolicy  policy,
             gboolean              dry_run)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  SignetImportOptions options = { policy, dry_run };
  SignetImportReport *report = NULL;

  g_assert_true (signet_xml_import (store, file, &options, &report, NULL, NULL, NULL, &error));
  g_assert_no_error (error);

  return report;
}

/* The reviews recorded in @store: the demo register's own and the test's. */
static guint
count_reviews (SignetStore *store)
{
  g_autoptr(GArray) ids = signet_store_query_contract_ids (store, NULL, SIGNET_SORT_NUMBER, FALSE, NULL);
  guint n = 0;

  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(GPtrArray) reviews = signet_store_list_reviews (store, g_array_index (ids, gint64, i), NULL);

      n += reviews->len;
    }

  return n;
}

/* Takes the key dates of kind payment out of @dates, each a planned
 * payment receivable of the contract @copy_id of @copy, amount not set,
 * with its date, title, note and UUID. */
static void
take_payment_key_dates (GPtrArray   *dates,
                        SignetStore *copy,
                        gint64       copy_id)
{
  g_autoptr(GPtrArray) payments = signet_store_list_payments (copy, copy_id, NULL);

  for (guint i = dates->len; i > 0; i--)
    {
      SignetUserKeyDate *key_date = g_ptr_array_index (dates, i - 1);
      gboolean found = FALSE;

      if (key_date->kind != SIGNET_KEY_DATE_PAYMENT)
        continue;

      for (guint j = 0; j < payments->len; j++)
        {
          SignetPayment *payment = g_ptr_array_index (payments, j);

          if (g_strcmp0 (payment->uuid, key_date->uuid) != 0)
            continue;
          found = TRUE;
          g_assert_cmpint (payment->direction, ==, SIGNET_PAYMENT_RECEIVABLE);
          g_assert_false (signet_payment_has_amount (payment));
          g_assert_cmpstr (payment->due_date, ==, key_date->date);
          g_assert_cmpstr (payment->title, ==, key_date->title);
          g_assert_cmpstr (payment->note, ==, key_date->note);
        }
      g_assert_true (found);
      g_ptr_array_remove_index (dates, i - 1);
    }
}

/* The key dates users added in @store: the test's, and those the demo
 * register's contracts of a type got from it. */
static guint
count_key_dates (SignetStore *store)
{
  g_autoptr(GArray) ids = signet_store_query_contract_ids (store, NULL, SIGNET_SORT_NUMBER, FALSE, NULL);
  guint n = 0;

  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(GPtrArray) key_dates = signet_store_list_key_dates (store, g_array_index (ids, gint64, i), NULL);

      /* One of kind payment travels as the planned payment it stands for. */
      for (guint j = 0; j < key_dates->len; j++)
        n += ((SignetUserKeyDate *) g_ptr_array_index (key_dates, j))->kind != SIGNET_KEY_DATE_PAYMENT;
    }

  return n;
}

static gint64
contract_id_at (SignetStore *store,
                guint        index)
{
  g_autoptr(GArray) ids = signet_store_query_contract_ids (store, NULL, SIGNET_SORT_NUMBER, FALSE, NULL);

  g_assert_cmpuint (ids->len, >, index);

  return g_array_index (ids, gint64, index);
}

static SignetAttachment *
attach (SignetStore          *store,
        gint64                contract_id,
        GBytes               *bytes,
        const char           *name,
        const char           *type,
        SignetAttachmentRole  role,
        const char           *description)
{
  g_autoptr(GError) error = NULL;
  SignetAttachment *attachment;

  attachment = signet_store_add_attachment (store, contract_id, bytes, name, type, role, description, &error);
  g_assert_no_error (error);

  return attachment;
}

static SignetAttachment *
replace (SignetStore      *store,
         SignetAttachment *attachment,
         GBytes           *bytes,
         const char       *name)
{
  g_autoptr(GError) error = NULL;
  SignetAttachment *replaced;

  replaced = signet_store_replace_attachment (store, signet_attachment_get_id (attachment), bytes, name,
                                              "application/pdf", &error);
  g_assert_no_error (error);

  return replaced;
}

static void
annotate (SignetStore          *store,
          gint64                version_id,
          SignetAnnotationKind  kind,
          guint                 page,
          const char           *rects_text,
          const char           *color,
          const char           *comment)
{
  g_autoptr(GArray) rects = signet_annotation_rects_parse (rects_text);
  g_autoptr(SignetAnnotation) annotation = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (rects);
  annotation = signet_store_add_annotation (store, version_id, kind, page,
                                            (const SignetAnnotationRect *) (gpointer) rects->data, rects->len,
                                            color, comment, &error);
  g_assert_no_error (error);
}

static void
add_key_date (SignetStore       *store,
              gint64             contract_id,
              SignetKeyDateKind  kind,
              const char        *date,
              const char        *title,
              const char        *note)
{
  g_autoptr(SignetUserKeyDate) key_date = signet_user_key_date_new (contract_id, kind, date, title, note);
  g_autoptr(GError) error = NULL;

  g_assert_true (signet_store_add_key_date (store, key_date, &error));
  g_assert_no_error (error);
}

static void
set_leads (SignetStore *store,
           gint64       contract_id,
           const char  *end_leads,
           const char  *notice_leads,
           const char  *review_leads)
{
  g_autoptr(SignetReminderSettings) settings = signet_reminder_settings_new ();
  g_autoptr(GError) error = NULL;

  settings->end_leads = end_leads ? signet_reminder_leads_parse (end_leads, NULL) : NULL;
  settings->notice_leads = notice_leads ? signet_reminder_leads_parse (notice_leads, NULL) : NULL;
  settings->review_leads = review_leads ? signet_reminder_leads_parse (review_leads, NULL) : NULL;
  g_assert_true (signet_store_set_reminder_settings (store, contract_id, settings, &error));
  g_assert_no_error (error);
}

/* The demo register, and on its first contracts: PDFs from the corpus
 * (one over a megabyte, so several <data> chunks) and a text file
 * attached twice, with a second and a third version, annotations of every kind on the current
 * and on earlier versions, key dates, reviews and reminder settings. */
static void
fill_register (SignetStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) three_pages = read_corpus_file ("doc_1_3_pages.pdf");
  g_autoptr(GBytes) rotated = read_corpus_file ("rotated.pdf");
  g_autoptr(GBytes) tracemonkey = read_corpus_file ("tracemonkey.pdf");
  g_autoptr(GBytes) highlighted = read_corpus_file ("annotation-highlight.pdf");
  g_autoptr(GBytes) hello = read_corpus_file ("hello_world_rotated.pdf");
  g_autoptr(GBytes) text = g_bytes_new_static ("第一行\r\n第二行 & <备注>\n", strlen ("第一行\r\n第二行 & <备注>\n"));
  g_autoptr(SignetAttachment) signed_v1 = NULL;
  g_autoptr(SignetAttachment) signed_v2 = NULL;
  g_autoptr(SignetAttachment) notes = NULL;
  g_autoptr(SignetAttachment) notes_again = NULL;
  g_autoptr(SignetAttachment) draft = NULL;
  g_autoptr(SignetAttachment) appendix_v1 = NULL;
  g_autoptr(SignetAttachment) appendix_v2 = NULL;
  g_autoptr(SignetAttachment) appendix_v3 = NULL;
  gint64 first, second, third;

  g_assert_true (signet_demo_fill (store, &error));
  g_assert_no_error (error);
  first = contract_id_at (store, 0);
  second = contract_id_at (store, 1);
  third = contract_id_at (store, 2);

  signed_v1 = attach (store, first, three_pages, "合同（签署版）.pdf", "application/pdf",
                      SIGNET_ATTACHMENT_ROLE_SIGNED, "双方盖章 & <原件> 在档案室");
  annotate (store, signet_attachment_get_version_id (signed_v1), SIGNET_ANNOTATION_KIND_HIGHLIGHT, 0,
            "72.1 100.33333333333333 300.5 112 72 114 250.25 126", "#ffd400", "请法务确认第 3 条");
  annotate (store, signet_attachment_get_version_id (signed_v1), SIGNET_ANNOTATION_KIND_UNDERLINE, 2,
            "1e-07 0 595.2755905511812 841.8897637795276", "#3584e4", NULL);
  signed_v2 = replace (store, signed_v1, rotated, "合同（签署版，更正）.pdf");
  annotate (store, signet_attachment_get_version_id (signed_v2), SIGNET_ANNOTATION_KIND_STRIKEOUT, 0,
            "10 20 30 40", "#e01b24", "删除此句");
  annotate (store, signet_attachment_get_version_id (signed_v2), SIGNET_ANNOTATION_KIND_NOTE, 0,
            "500 700 520 720", "#f6d32d", "第一行\n第二行\r\n  缩进 \"引号\" 'single' & <tag>");
  annotate (store, signet_attachment_get_version_id (signed_v2), SIGNET_ANNOTATION_KIND_RECTANGLE, 1,
            "50 60 250 160", "#33d17a", NULL);
  notes = attach (store, first, text, "备注.txt", "text/plain", SIGNET_ATTACHMENT_ROLE_OTHER, NULL);
  /* The same file twice on one contract: both come back. */
  notes_again = attach (store, first, text, "备注（补充协议）.txt", "text/plain", SIGNET_ATTACHMENT_ROLE_AMENDMENT,
                        "Also the amendment");

  draft = attach (store, second, tracemonkey, "tracemonkey.pdf", "application/pdf",
                  SIGNET_ATTACHMENT_ROLE_DRAFT, "Draft for legal");
  annotate (store, signet_attachment_get_version_id (draft), SIGNET_ANNOTATION_KIND_RECTANGLE, 13,
            "0 0 612 792", "#9141ac", "Whole page");
  appendix_v1 = attach (store, second, highlighted, "appendix.pdf", "application/pdf",
                        SIGNET_ATTACHMENT_ROLE_APPENDIX, NULL);
  annotate (store, signet_attachment_get_version_id (appendix_v1), SIGNET_ANNOTATION_KIND_NOTE, 0,
            "100 100 120 120", "#ffffff", "Version 1 note");
  appendix_v2 = replace (store, appendix_v1, hello, "appendix-2.pdf");
  /* The same bytes as another contract's file: stored once. */
  appendix_v3 = replace (store, appendix_v2, three_pages, "appendix-3.pdf");
  annotate (store, signet_attachment_get_version_id (appendix_v3), SIGNET_ANNOTATION_KIND_HIGHLIGHT, 1,
            "1 2 3 4", "#000000", "");

  add_key_date (store, first, SIGNET_KEY_DATE_MILESTONE, "2026-06-30", "验收", "第一阶段\n含文档");
  add_key_date (store, first, SIGNET_KEY_DATE_PAYMENT, "2026-07-15", "尾款 & 保证金", NULL);
  add_key_date (store, second, SIGNET_KEY_DATE_OTHER, "2027-01-05", "Board meeting", NULL);

  g_assert_true (signet_store_record_review (store, first, "2025-03-01", "王芳", "无异议", NULL, &error));
  g_assert_no_error (error);
  g_assert_true (signet_store_record_review (store, first, "2025-09-01", "Li Na", NULL, NULL, &error));
  g_assert_no_error (error);

  set_leads (store, first, "60 14", "", NULL);
  set_leads (store, third, NULL, NULL, "30");
}

static void
assert_versions_equal (SignetAttachmentVersion *a,
                       SignetAttachmentVersion *b)
{
  g_assert_cmpuint (a->version, ==, b->version);
  g_assert_cmpstr (a->file_name, ==, b->file_name);
  g_assert_cmpstr (a->content_type, ==, b->content_type);
  g_assert_cmpuint (a->size, ==, b->size);
  g_assert_cmpstr (a->sha256, ==, b->sha256);
  g_assert_cmpstr (a->added_at, ==, b->added_at);
  g_assert_cmpstr (a->added_by, ==, b->added_by);
}

static void
assert_annotations_equal (SignetStore *store_a,
                          gint64       version_a,
                          SignetStore *store_b,
                          gint64       version_b,
                          guint       *n_annotations)
{
  g_autoptr(GPtrArray) list_a = signet_store_list_annotations (store_a, version_a, NULL);
  g_autoptr(GPtrArray) list_b = signet_store_list_annotations (store_b, version_b, NULL);

  g_assert_cmpuint (list_a->len, ==, list_b->len);
  for (guint i = 0; i < list_a->len; i++)
    {
      SignetAnnotation *a = g_ptr_array_index (list_a, i);
      SignetAnnotation *b = g_ptr_array_index (list_b, i);
      GArray *rects_a = signet_annotation_get_rects (a);
      GArray *rects_b = signet_annotation_get_rects (b);

      g_assert_cmpint (signet_annotation_get_kind (a), ==, signet_annotation_get_kind (b));
      g_assert_cmpuint (signet_annotation_get_page (a), ==, signet_annotation_get_page (b));
      g_assert_cmpstr (signet_annotation_get_color (a), ==, signet_annotation_get_color (b));
      g_assert_cmpstr (signet_annotation_get_author (a), ==, signet_annotation_get_author (b));
      g_assert_cmpstr (signet_annotation_get_created_at (a), ==, signet_annotation_get_created_at (b));
      g_assert_cmpstr (signet_annotation_get_modified_at (a), ==, signet_annotation_get_modified_at (b));
      g_assert_cmpstr (signet_annotation_get_comment (a), ==, signet_annotation_get_comment (b));

      /* The same doubles, not only the same text. */
      g_assert_cmpuint (rects_a->len, ==, rects_b->len);
      g_assert_cmpmem (rects_a->data, rects_a->len * sizeof (SignetAnnotationRect),
                       rects_b->data, rects_b->len * sizeof (SignetAnnotationRect));
      (*n_annotations)++;
    }
}

/* Everything of the original's attachments is in the copy, version by
 * version: the bytes (by SHA-256, checked again on loading), numbers,
 * names, types, who added each and when, and the annotations. */
static void
assert_attachments_equal (SignetStore *original,
                          SignetStore *copy)
{
  g_autoptr(GArray) ids = signet_store_query_contract_ids (original, NULL, SIGNET_SORT_NUMBER, FALSE, NULL);
  guint n_attachments = 0;
  guint n_versions = 0;
  guint n_annotations = 0;

  for (guint i = 0; i < ids->len; i++)
    {
      gint64 id = g_array_index (ids, gint64, i);
      g_autoptr(SignetContract) contract = signet_store_get_contract (original, id, NULL);
      g_autoptr(SignetContract) imported = signet_store_find_contract_by_number (copy, signet_contract_get_number (contract), NULL);
      g_autoptr(GPtrArray) list_a = signet_store_list_attachments (original, id, NULL);
      g_autoptr(GPtrArray) list_b = signet_store_list_attachments (copy, signet_contract_get_id (imported), NULL);

      g_assert_cmpuint (list_a->len, ==, list_b->len);
      for (guint j = 0; j < list_a->len; j++)
        {
          SignetAttachment *a = g_ptr_array_index (list_a, j);
          SignetAttachment *b = g_ptr_array_index (list_b, j);
          g_autoptr(GPtrArray) versions_a = signet_store_list_attachment_versions (original, signet_attachment_get_id (a), NULL);
          g_autoptr(GPtrArray) versions_b = signet_store_list_attachment_versions (copy, signet_attachment_get_id (b), NULL);

          g_assert_cmpint (signet_attachment_get_role (a), ==, signet_attachment_get_role (b));
          g_assert_cmpstr (signet_attachment_get_description (a), ==, signet_attachment_get_description (b));
          g_assert_cmpuint (versions_a->len, ==, versions_b->len);
          n_attachments++;

          for (guint k = 0; k < versions_a->len; k++)
            {
              SignetAttachmentVersion *version_a = g_ptr_array_index (versions_a, k);
              SignetAttachmentVersion *version_b = g_ptr_array_index (versions_b, k);
              g_autoptr(GBytes) bytes = signet_store_load_version_bytes (copy, version_b->id, NULL);

              assert_versions_equal (version_a, version_b);
              g_assert_nonnull (bytes);
              assert_annotations_equal (original, version_a->id, copy, version_b->id, &n_annotations);
              n_versions++;
            }
        }
    }

  g_assert_cmpuint (n_attachments, ==, N_ATTACHMENTS);
  g_assert_cmpuint (n_versions, ==, N_VERSIONS);
  g_assert_cmpuint (n_annotations, ==, N_ANNOTATIONS);
}

static guint
count_occurrences (GBytes     *bytes,
                   const char *needle)
{
  g_autofree char *text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  guint n = 0;

  for (const char *p = text; (p = strstr (p, needle)) != NULL; p++)
    n++;

  return n;
}

/* The whole register with its files: export, import into an empty
 * register, export again gives the same bytes, and what was imported
 * equals the original. An import of the same file again adds nothing. */
static void
test_round_trip_with_attachments (IoFixture     *f,
                                  gconstpointer  data)
{
  g_autoptr(SignetStore) copy = io_fixture_open_store (f, "copy.db");
  g_autofree char *path = io_fixture_path (f, "register.xml");
  g_autoptr(SignetImportReport) report = NULL;
  g_autoptr(GBytes) first = NULL;
  g_autoptr(GBytes) second = NULL;
  g_autoptr(GBytes) again = NULL;
  g_autoptr(GBytes) plain_first = NULL;
  g_autoptr(GBytes) plain_second = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *file_path = io_fixture_path (f, "exported.xml");
  g_autoptr(GFile) file = g_file_new_for_path (file_path);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize len;

  fill_register (f->store);
  first = export_bytes (f->store, SIGNET_EXPORT_WITH_ATTACHMENTS);
  io_assert_valid_against_schema (f, first);

  /* One <data> per started 786432 bytes of every version: tracemonkey.pdf
   * (1016315 bytes) takes two. */
  g_assert_cmpuint (count_occurrences (first, "<data>"), ==, N_VERSIONS + 1);
  g_assert_cmpuint (count_occurrences (first, "<earlier-version "), ==, N_VERSIONS - N_ATTACHMENTS);
  g_assert_cmpuint (count_occurrences (first, "<annotation "), ==, N_ANNOTATIONS);
  g_assert_cmpuint (count_occurrences (first, "page=\"14\""), ==, 1);
  g_assert_cmpuint (count_occurrences (first, "role=\"signed\" version=\"2\""), ==, 1);
  g_assert_cmpuint (count_occurrences (first, "<reminders end-leads=\"60 14\" notice-leads=\"\"/>"), ==, 1);
  g_assert_cmpuint (count_occurrences (first, "<reminders review-leads=\"30\"/>"), ==, 1);

  /* The file the app writes is the same as the stream. */
  g_assert_true (signet_xml_export (f->store, file, NULL, SIGNET_EXPORT_WITH_ATTACHMENTS, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (file_path, &contents, &len, NULL));
  g_assert_cmpmem (contents, len, g_bytes_get_data (first, NULL), g_bytes_get_size (first));

  write_bytes (path, first);
  report = import_path (copy, path, SIGNET_CONFLICT_FAIL, FALSE);
  g_assert_cmpuint (report->attachments_added, ==, N_ATTACHMENTS);
  g_assert_cmpuint (report->attachments_skipped, ==, 0);
  g_assert_cmpuint (report->annotations_added, ==, N_ANNOTATIONS);
  g_assert_cmpuint (report->key_dates_added, ==, count_key_dates (f->store));
  g_assert_cmpuint (report->reviews_added, ==, count_reviews (f->store));
  g_assert_cmpuint (report->reminders_changed, ==, N_REMINDERS);
  summary = signet_import_report_describe (report);
  g_assert_nonnull (strstr (summary, "Attachments: 5 new, 0 skipped; annotations: 8 new."));
  expected = g_strdup_printf ("Key dates: %u new; reviews: %u new; reminder settings: 2 changed.",
                              count_key_dates (f->store), count_reviews (f->store));
  g_assert_nonnull (strstr (summary, expected));
  g_clear_pointer (&report, signet_import_report_free);

  second = export_bytes (copy, SIGNET_EXPORT_WITH_ATTACHMENTS);
  io_assert_bytes_equal (first, second);
  assert_attachments_equal (f->store, copy);

  plain_first = export_bytes (f->store, SIGNET_EXPORT_FLAGS_NONE);
  plain_second = export_bytes (copy, SIGNET_EXPORT_FLAGS_NONE);
  io_assert_bytes_equal (plain_first, plain_second);

  /* Again: every file is there already, and so is everything else. */
  report = import_path (copy, path, SIGNET_CONFLICT_FAIL, FALSE);
  g_assert_cmpuint (report->contracts_unchanged, ==, signet_store_count_contracts (f->store));
  g_assert_cmpuint (report->attachments_added, ==, 0);
  g_assert_cmpuint (report->attachments_skipped, ==, N_ATTACHMENTS);
  g_assert_cmpuint (report->annotations_added, ==, 0);
  g_assert_cmpuint (report->key_dates_added + report->reviews_added + report->reminders_changed, ==, 0);
  again = export_bytes (copy, SIGNET_EXPORT_WITH_ATTACHMENTS);
  io_assert_bytes_equal (first, again);
}

/* Without the flag, no files and no annotations; key dates, reviews and
 * reminder settings are the register's own data and come along. The
 * round trip gives the same bytes too. */
static void
test_round_trip_without_attachments (IoFixture     *f,
                                     gconstpointer  data)
{
  g_autoptr(SignetStore) copy = io_fixture_open_store (f, "copy.db");
  g_autofree char *path = io_fixture_path (f, "register.xml");
  g_autoptr(SignetImportReport) report = NULL;
  g_autoptr(GBytes) first = NULL;
  g_autoptr(GBytes) second = NULL;
  g_autoptr(GArray) ids = NULL;

  fill_register (f->store);
  first = export_bytes (f->store, SIGNET_EXPORT_FLAGS_NONE);
  io_assert_valid_against_schema (f, first);
  g_assert_cmpuint (count_occurrences (first, "<attachment"), ==, 0);
  g_assert_cmpuint (count_occurrences (first, "<annotation"), ==, 0);
  g_assert_cmpuint (count_occurrences (first, "<key-date "), ==, count_key_dates (f->store));
  /* Less the one of kind payment, a <payment> in the file. */
  g_assert_cmpuint (count_key_dates (f->store), >=, N_KEY_DATES - 1);
  g_assert_cmpuint (count_occurrences (first, "<payment "), >=, 1);
  g_assert_cmpuint (count_occurrences (first, "<review "), ==, count_reviews (f->store));

  write_bytes (path, first);
  report = import_path (copy, path, SIGNET_CONFLICT_FAIL, FALSE);
  g_assert_cmpuint (report->attachments_added + report->attachments_skipped, ==, 0);
  g_assert_cmpuint (report->key_dates_added, ==, count_key_dates (f->store));
  g_assert_cmpuint (report->reviews_added, ==, count_reviews (f->store));
  g_assert_cmpuint (report->reminders_changed, ==, N_REMINDERS);

  second = export_bytes (copy, SIGNET_EXPORT_FLAGS_NONE);
  io_assert_bytes_equal (first, second);

  /* The imported records themselves, field by field. */
  ids = signet_store_query_contract_ids (f->store, NULL, SIGNET_SORT_NUMBER, FALSE, NULL);
  for (guint i = 0; i < ids->len; i++)
    {
      gint64 id = g_array_index (ids, gint64, i);
      g_autoptr(SignetContract) contract = signet_store_get_contract (f->store, id, NULL);
      g_autoptr(SignetContract) imported = signet_store_find_contract_by_number (copy, signet_contract_get_number (contract), NULL);
      gint64 copy_id = signet_contract_get_id (imported);
      g_autoptr(GPtrArray) dates_a = signet_store_list_key_dates (f->store, id, NULL);
      g_autoptr(GPtrArray) dates_b = signet_store_list_key_dates (copy, copy_id, NULL);
      g_autoptr(GPtrArray) reviews_a = signet_store_list_reviews (f->store, id, NULL);
      g_autoptr(GPtrArray) reviews_b = signet_store_list_reviews (copy, copy_id, NULL);
      g_autoptr(SignetReminderSettings) leads_a = signet_store_get_reminder_settings (f->store, id, NULL);
      g_autoptr(SignetReminderSettings) leads_b = signet_store_get_reminder_settings (copy, copy_id, NULL);
      GArray *kinds_a[] = { leads_a->end_leads, leads_a->notice_leads, leads_a->review_leads };
      GArray *kinds_b[] = { leads_b->end_leads, leads_b->notice_leads, leads_b->review_leads };

      take_payment_key_dates (dates_a, copy, copy_id);
      g_assert_cmpuint (dates_a->len, ==, dates_b->len);
      for (guint j = 0; j < dates_a->len; j++)
        {
          SignetUserKeyDate *a = g_ptr_array_index (dates_a, j);
          SignetUserKeyDate *b = g_ptr_array_index (dates_b, j);

          g_assert_cmpint (a->kind, ==, b->kind);
          g_assert_cmpstr (a->date, ==, b->date);
          g_assert_cmpstr (a->title, ==, b->title);
          g_assert_cmpstr (a->note, ==, b->note);
        }

      g_assert_cmpuint (reviews_a->len, ==, reviews_b->len);
      for (guint j = 0; j < reviews_a->len; j++)
        {
          SignetReview *a = g_ptr_array_index (reviews_a, j);
          SignetReview *b = g_ptr_array_index (reviews_b, j);

          g_assert_cmpstr (a->date, ==, b->date);
          g_assert_cmpstr (a->reviewer, ==, b->reviewer);
          g_assert_cmpstr (a->note, ==, b->note);
        }

      for (guint k = 0; k < G_N_ELEMENTS (kinds_a); k++)
        {
          g_autofree char *text_a = kinds_a[k] ? signet_reminder_leads_to_string (kinds_a[k]) : NULL;
          g_autofree char *text_b = kinds_b[k] ? signet_reminder_leads_to_string (kinds_b[k]) : NULL;

          g_assert_cmpstr (text_a, ==, text_b);
        }
    }
}

/* @bytes, an exported register, without the uuid attributes of its
 * contracts: a register that takes another's contracts by number keeps its
 * own UUIDs for them. */
static GBytes *
without_contract_uuids (GBytes *bytes)
{
  g_autoptr(GBytes) owned = bytes;
  g_autoptr(GRegex) uuid = g_regex_new ("(<contract [^>]*) uuid=\"[0-9a-f-]{36}\"", 0, 0, NULL);
  gsize size;
  const char *text = g_bytes_get_data (owned, &size);
  char *stripped = g_regex_replace (uuid, text, size, 0, "\\1", 0, NULL);

  g_assert_nonnull (stripped);

  return g_bytes_new_take (stripped, strlen (stripped));
}

/* @bytes without each contract's history of its own: its process steps,
 * amendments, approval steps and renewal link, and the UUIDs of its key
 * dates, payments, obligations, risks, loans and review actions (matched
 * on their details when the UUIDs differ); and without the UUIDs of the approval routes, which an import
 * matches on their names, each register keeping its own, and without
 * when a risk level was kept (the demo keeps it as it is filled). Two demo
 * registers filled at other times tell the same history with other times
 * and UUIDs; an import adds the steps a contract does not have, keeps its
 * own amendments of a number, its renewal link and a key date it has with
 * the same details (docs/xml-format.md), so an update takes a contract's
 * fields, files, dates and reminder settings, and adds to its history. */
static GBytes *
without_history (GBytes *bytes)
{
  g_autoptr(GBytes) owned = bytes;
  g_autoptr(GRegex) history =
    g_regex_new ("\n *(<(process|amendments|approval-steps)>.*?</\\2>|<renewal-of [^>]*/>)", G_REGEX_DOTALL, 0, NULL);
  g_autoptr(GRegex) key_date_uuid =
    g_regex_new ("(<(?:key-date|payment|invoice|paid|obligation|risk|loan|action) [^>]*?) ?uuid=\"[0-9a-f-]{36}\"",
                 0, 0, NULL);
  g_autoptr(GRegex) route_uuid = g_regex_new ("(<(?:route|rule)[^>]*?) (?:uuid|route)=\"[0-9a-f-]{36}\"", 0, 0, NULL);
  g_autoptr(GRegex) chosen_at = g_regex_new (" chosen-at=\"[^\"]*\"", 0, 0, NULL);
  gsize size;
  const char *text = g_bytes_get_data (owned, &size);
  g_autofree char *without_steps = g_regex_replace (history, text, size, 0, "", 0, NULL);
  g_autofree char *without_key_date_uuids = g_regex_replace (key_date_uuid, without_steps, -1, 0, "\\1", 0, NULL);
  g_autofree char *without_route_uuids = g_regex_replace (route_uuid, without_key_date_uuids, -1, 0, "\\1", 0, NULL);
  char *stripped = g_regex_replace (chosen_at, without_route_uuids, -1, 0, "", 0, NULL);

  g_assert_nonnull (stripped);

  return g_bytes_new_take (stripped, strlen (stripped));
}

/* The files of a contract the import skips are checked, not written; an
 * update takes them. A dry run counts them and writes none. */
static void
test_import_policies (IoFixture     *f,
                      gconstpointer  data)
{
  g_autoptr(SignetStore) copy = io_fixture_open_store (f, "copy.db");
  g_autofree char *path = io_fixture_path (f, "register.xml");
  g_autoptr(SignetImportReport) report = NULL;
  g_autoptr(SignetContract) first = NULL;
  g_autoptr(SignetContract) in_copy = NULL;
  g_autoptr(SignetContract) updated = NULL;
  g_autoptr(GPtrArray) attachments = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) reviews = NULL;
  guint n_reviews;

  fill_register (f->store);
  bytes = export_bytes (f->store, SIGNET_EXPORT_WITH_ATTACHMENTS);
  write_bytes (path, bytes);

  /* A dry run into an empty register: all counted, nothing written. */
  report = import_path (copy, path, SIGNET_CONFLICT_FAIL, TRUE);
  g_assert_cmpuint (report->attachments_added, ==, N_ATTACHMENTS);
  g_assert_cmpuint (report->annotations_added, ==, N_ANNOTATIONS);
  g_assert_cmpuint (report->key_dates_added, ==, count_key_dates (f->store));
  g_assert_cmpuint (signet_store_count_contracts (copy), ==, 0);
  g_clear_pointer (&report, signet_import_report_free);

  /* The copy has the first contract with another title: skipped, so are
   * its three files; the other contract's two files come in. */
  g_assert_true (signet_demo_fill (copy, &error));
  g_assert_no_error (error);
  first = signet_store_get_contract (f->store, contract_id_at (f->store, 0), NULL);
  in_copy = signet_store_find_contract_by_number (copy, signet_contract_get_number (first), NULL);
  signet_contract_set_title (in_copy, "Another title");
  g_assert_true (signet_store_update_contract (copy, in_copy, &error));
  g_assert_no_error (error);

  before = export_bytes (copy, SIGNET_EXPORT_WITH_ATTACHMENTS);
  report = import_path (copy, path, SIGNET_CONFLICT_FAIL, TRUE);
  g_assert_cmpuint (report->n_conflicts, ==, 1);
  g_assert_cmpuint (report->attachments_added, ==, 2);
  g_assert_cmpuint (report->attachments_skipped, ==, 3);
  after = export_bytes (copy, SIGNET_EXPORT_WITH_ATTACHMENTS);
  io_assert_bytes_equal (before, after);
  g_clear_pointer (&report, signet_import_report_free);

  report = import_path (copy, path, SIGNET_CONFLICT_SKIP, FALSE);
  g_assert_cmpuint (report->contracts_skipped, ==, 1);
  g_assert_cmpuint (report->attachments_added, ==, 2);
  g_assert_cmpuint (report->attachments_skipped, ==, 3);
  g_assert_cmpuint (report->reviews_added, ==, 0);
  attachments = signet_store_list_attachments (copy, signet_contract_get_id (in_copy), NULL);
  g_assert_cmpuint (attachments->len, ==, 0);
  g_clear_pointer (&attachments, g_ptr_array_unref);
  g_clear_pointer (&report, signet_import_report_free);

  /* The reviews the demo register recorded for it, which the file has too. */
  reviews = signet_store_list_reviews (copy, signet_contract_get_id (in_copy), NULL);
  n_reviews = reviews->len;
  g_clear_pointer (&reviews, g_ptr_array_unref);

  /* Update: the contract takes the file's details, files, dates and
   * reminder settings. */
  report = import_path (copy, path, SIGNET_CONFLICT_UPDATE, FALSE);
  g_assert_cmpuint (report->contracts_updated, ==, 1);
  g_assert_cmpuint (report->attachments_added, ==, 3);
  g_assert_cmpuint (report->attachments_skipped, ==, 2);
  g_assert_cmpuint (report->annotations_added, ==, 5);
  /* And its payment key date, as a planned payment. */
  g_assert_cmpuint (report->key_dates_added, ==, 1);
  g_assert_cmpuint (report->reviews_added, ==, 2);
  g_assert_cmpuint (report->reminders_changed, ==, 1);
  attachments = signet_store_list_attachments (copy, signet_contract_get_id (in_copy), NULL);
  g_assert_cmpuint (attachments->len, ==, 3);
  reviews = signet_store_list_reviews (copy, signet_contract_get_id (in_copy), NULL);
  g_assert_cmpuint (reviews->len, ==, n_reviews + 2);
  /* Every contract of the copy, found by its number, keeps the UUID the
   * copy gave it (docs/xml-format.md, "UUIDs"): apart from those, the copy
   * now says what the file says. */
  g_clear_object (&updated);
  updated = signet_store_get_contract (copy, signet_contract_get_id (in_copy), NULL);
  g_assert_cmpstr (signet_contract_get_uuid (updated), ==, signet_contract_get_uuid (in_copy));
  g_assert_cmpstr (signet_contract_get_uuid (updated), !=, signet_contract_get_uuid (first));
  g_clear_pointer (&after, g_bytes_unref);
  after = export_bytes (copy, SIGNET_EXPORT_WITH_ATTACHMENTS);
  bytes = without_history (without_contract_uuids (g_steal_pointer (&bytes)));
  after = without_history (without_contract_uuids (g_steal_pointer (&after)));
  io_assert_bytes_equal (bytes, after);
}

/* A file from before attachments had roles and versions imports with the
 * defaults: role "other", version 1, added now by the importing user. */
static void
test_old_attachment (IoFixture     *f,
                     gconstpointer  data)
{
  static const char old_file[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<register xmlns=\"" SIGNET_XML_NAMESPACE "\" version=\"1\">\n"
    "  <clients>\n"
    "    <client code=\"K1\">\n"
    "      <name>Client</name>\n"
    "    </client>\n"
    "  </clients>\n"
    "  <contracts>\n"
    "    <contract number=\"N-1\" client=\"K1\">\n"
    "      <title>Title</title>\n"
    "      <value currency=\"CNY\">1</value>\n"
    "      <status>draft</status>\n"
    "      <attachments>\n"
    "        <attachment name=\"hello.txt\" type=\"text/plain\" size=\"5\" "
    "sha256=\"2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824\">\n"
    "          <data>aGVs\n          bG8=</data>\n"
    "        </attachment>\n"
    "      </attachments>\n"
    "    </contract>\n"
    "  </contracts>\n"
    "</register>\n";
  g_autofree char *path = io_fixture_path (f, "old.xml");
  g_autoptr(SignetImportReport) report = NULL;
  g_autoptr(SignetContract) contract = NULL;
  g_autoptr(GPtrArray) attachments = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GDateTime) start = NULL;
  g_autoptr(GDateTime) end = NULL;
  g_autofree char *earliest = NULL;
  g_autofree char *latest = NULL;
  const char *user = g_get_real_name ();
  SignetAttachment *attachment;

  if (*user == '\0' || g_str_equal (user, "Unknown"))
    user = g_get_user_name ();

  io_write_file (path, old_file, -1);
  start = g_date_time_new_now_utc ();
  report = import_path (f->store, path, SIGNET_CONFLICT_FAIL, FALSE);
  end = g_date_time_new_now_utc ();
  g_assert_cmpuint (report->attachments_added, ==, 1);
  earliest = g_date_time_format (start, "%Y-%m-%dT%H:%M:%S");
  latest = g_date_time_format (end, "%Y-%m-%dT%H:%M:%S.999Z");

  contract = signet_store_find_contract_by_number (f->store, "N-1", NULL);
  attachments = signet_store_list_attachments (f->store, signet_contract_get_id (contract), NULL);
  g_assert_cmpuint (attachments->len, ==, 1);
  attachment = g_ptr_array_index (attachments, 0);
  g_assert_cmpint (signet_attachment_get_role (attachment), ==, SIGNET_ATTACHMENT_ROLE_OTHER);
  g_assert_cmpuint (signet_attachment_get_version (attachment), ==, 1);
  g_assert_cmpstr (signet_attachment_get_file_name (attachment), ==, "hello.txt");
  g_assert_cmpstr (signet_attachment_get_content_type (attachment), ==, "text/plain");
  g_assert_cmpstr (signet_attachment_get_added_by (attachment), ==, user);
  g_assert_cmpstr (signet_attachment_get_added_at (attachment), >=, earliest);
  g_assert_cmpstr (signet_attachment_get_added_at (attachment), <=, latest);
  bytes = signet_store_load_version_bytes (f->store, signet_attachment_get_version_id (attachment), NULL);
  g_assert_cmpmem (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), "hello", 5);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/xml/attachments/round-trip", IoFixture, NULL, io_fixture_set_up,
              test_round_trip_with_attachments, io_fixture_tear_down);
  g_test_add ("/xml/attachments/round-trip-without", IoFixture, NULL, io_fixture_set_up,
              test_round_trip_without_attachments, io_fixture_tear_down);
  g_test_add ("/xml/attachments/policies", IoFixture, NULL, io_fixture_set_up,
              test_import_policies, io_fixture_tear_down);
  g_test_add ("/xml/attachments/old-file", IoFixture, NULL, io_fixture_set_up,
              test_old_attachment, io_fixture_tear_down);

  return g_test_run ();
}
