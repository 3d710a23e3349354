/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Dates and times an import must refuse: every date outside the range
 * Signet works with (1900-01-01 to 2199-12-31), and every time that is not
 * UTC, not a time, or on a day outside that range, wherever the format has
 * one. Each case asserts the message, the line and column it points at,
 * the value, and that the register did not change. A file at the very ends
 * of the range imports.
 *
 * Run with --write-corpus=DIR to write every case (and the valid file) to
 * DIR instead of testing, as a fuzzing corpus. */

#include "config.h"

#include <locale.h>
#include <string.h>

#include <glib/gstdio.h>

#include "io-test-utils.h"
#include "signet-attachment.h"
#include "signet-annotation.h"
#include "signet-store-attachments.h"
#include "signet-store-events.h"
#include "signet-store-payments.h"

/* "hello" */
#define HELLO_SHA256 "2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824"

/* Every kind of date and time the format has, with the lines the cases
 * refer to. */
static const char valid_register[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"                                          /* 1 */
  "<register xmlns=\"https://signetapp.github.io/ns/register/1\" version=\"1\">\n"       /* 2 */
  "  <clients>\n"                                                                       /* 3 */
  "    <client code=\"K100\">\n"                                                        /* 4 */
  "      <name>华信科技</name>\n"                                                       /* 5 */
  "    </client>\n"                                                                     /* 6 */
  "  </clients>\n"                                                                      /* 7 */
  "  <contracts>\n"                                                                     /* 8 */
  "    <contract number=\"IMP-0001\" client=\"K100\">\n"                                /* 9 */
  "      <title>年度框架</title>\n"                                                     /* 10 */
  "      <value currency=\"CNY\">1234.50</value>\n"                                     /* 11 */
  "      <signing-date>2025-12-20</signing-date>\n"                                     /* 12 */
  "      <start-date>2026-01-01</start-date>\n"                                         /* 13 */
  "      <end-date>2026-12-31</end-date>\n"                                             /* 14 */
  "      <notice-days>30</notice-days>\n"                                               /* 15 */
  "      <status>active</status>\n"                                                     /* 16 */
  "      <risk-level>low</risk-level>\n"                                                /* 17 */
  "      <attachments>\n"                                                               /* 18 */
  "        <attachment name=\"hello.txt\" type=\"text/plain\" size=\"5\" sha256=\"" HELLO_SHA256 "\" "
  "version=\"2\" added-at=\"2026-01-31T09:15:02.123Z\">\n"                              /* 19 */
  "          <data>aGVsbG8=</data>\n"                                                   /* 20 */
  "          <annotations>\n"                                                           /* 21 */
  "            <annotation kind=\"note\" page=\"1\" rects=\"1 2 3 4\" color=\"#ffd400\" author=\"李娜\" "
  "created-at=\"2026-01-31T09:15:02.123Z\" modified-at=\"2026-02-01T10:00:00Z\"/>\n"      /* 22 */
  "          </annotations>\n"                                                          /* 23 */
  "          <earlier-version name=\"hello.txt\" type=\"text/plain\" size=\"5\" sha256=\"" HELLO_SHA256 "\" "
  "version=\"1\" added-at=\"2025-12-01T06:30:00Z\">\n"                                  /* 24 */
  "            <data>aGVsbG8=</data>\n"                                                 /* 25 */
  "          </earlier-version>\n"                                                      /* 26 */
  "        </attachment>\n"                                                             /* 27 */
  "      </attachments>\n"                                                              /* 28 */
  "      <key-dates>\n"                                                                 /* 29 */
  "        <key-date kind=\"payment\" date=\"2026-06-30\">\n"                             /* 30 */
  "          <title>尾款</title>\n"                                                     /* 31 */
  "        </key-date>\n"                                                               /* 32 */
  "      </key-dates>\n"                                                                /* 33 */
  "      <reviews>\n"                                                                   /* 34 */
  "        <review date=\"2025-06-30\" reviewer=\"王芳\"/>\n"                             /* 35 */
  "      </reviews>\n"                                                                  /* 36 */
  "    </contract>\n"                                                                   /* 37 */
  "  </contracts>\n"                                                                    /* 38 */
  "</register>\n";                                                                      /* 39 */

#define RANGE "is outside the dates Signet works with, 1900-01-01 to 2199-12-31."
#define NOT_A_TIME "is not a time: write times in UTC as YYYY-MM-DDThh:mm:ss.sssZ, such as 2026-01-31T09:15:02.123Z."
#define NOT_UTC "is not in UTC: write times in UTC, ending in Z, such as 2026-01-31T09:15:02.123Z."

/* The valid register with @from replaced by @to, and what the import says. */
typedef struct
{
  const char *name;
  const char *from;
  const char *to;
  const char *message;   /* the whole message */
  guint       line;
  guint       column;
  const char *value;
} BadDate;

static const BadDate bad_dates[] = {
  /* Dates: in a field's text and in attributes. */
  { "end-date-2200", "<end-date>2026-12-31<", "<end-date>2200-01-01<",
    "“2200-01-01” " RANGE, 14, 17, "2200-01-01" },
  { "end-date-9999", "<end-date>2026-12-31<", "<end-date>9999-12-31<",
    "“9999-12-31” " RANGE, 14, 17, "9999-12-31" },
  { "start-date-1899", "<start-date>2026-01-01<", "<start-date>1899-12-31<",
    "“1899-12-31” " RANGE, 13, 19, "1899-12-31" },
  { "signing-date-0001", "<signing-date>2025-12-20<", "<signing-date>0001-01-01<",
    "“0001-01-01” " RANGE, 12, 21, "0001-01-01" },
  { "key-date-9999", "date=\"2026-06-30\"", "date=\"9999-12-31\"",
    "“9999-12-31” " RANGE, 30, 40, "9999-12-31" },
  { "review-1899", "date=\"2025-06-30\"", "date=\"1899-12-31\"",
    "“1899-12-31” " RANGE, 35, 23, "1899-12-31" },
  /* Times: on an attachment, an annotation and an earlier version. */
  { "added-at-24-00", "added-at=\"2026-01-31T09:15:02.123Z\"", "added-at=\"2026-01-31T24:00:00Z\"",
    "“2026-01-31T24:00:00Z” " NOT_A_TIME, 19, 161, "2026-01-31T24:00:00Z" },
  { "added-at-year-99999", "added-at=\"2026-01-31T09:15:02.123Z\"", "added-at=\"99999-01-31T09:15:02Z\"",
    "“99999-01-31T09:15:02Z” " NOT_A_TIME, 19, 161, "99999-01-31T09:15:02Z" },
  { "added-at-negative-year", "added-at=\"2026-01-31T09:15:02.123Z\"", "added-at=\"-2026-01-31T09:15:02Z\"",
    "“-2026-01-31T09:15:02Z” " NOT_A_TIME, 19, 161, "-2026-01-31T09:15:02Z" },
  { "added-at-offset", "added-at=\"2026-01-31T09:15:02.123Z\"", "added-at=\"2026-01-31T17:15:02.123+08:00\"",
    "“2026-01-31T17:15:02.123+08:00” " NOT_UTC, 19, 161, "2026-01-31T17:15:02.123+08:00" },
  { "added-at-2200", "added-at=\"2026-01-31T09:15:02.123Z\"", "added-at=\"2200-01-01T00:00:00Z\"",
    "“2200-01-01T00:00:00Z” " RANGE, 19, 161, "2200-01-01T00:00:00Z" },
  { "created-at-offset", "created-at=\"2026-01-31T09:15:02.123Z\"", "created-at=\"2026-01-31T17:15:02+08:00\"",
    "“2026-01-31T17:15:02+08:00” " NOT_UTC, 22, 102, "2026-01-31T17:15:02+08:00" },
  { "created-at-negative-year", "created-at=\"2026-01-31T09:15:02.123Z\"", "created-at=\"-0001-01-31T09:15:02Z\"",
    "“-0001-01-31T09:15:02Z” " NOT_A_TIME, 22, 102, "-0001-01-31T09:15:02Z" },
  { "modified-at-24-00", "modified-at=\"2026-02-01T10:00:00Z\"", "modified-at=\"2026-02-01T24:00:00.000Z\"",
    "“2026-02-01T24:00:00.000Z” " NOT_A_TIME, 22, 141, "2026-02-01T24:00:00.000Z" },
  { "modified-at-year-99999", "modified-at=\"2026-02-01T10:00:00Z\"", "modified-at=\"99999-02-01T10:00:00Z\"",
    "“99999-02-01T10:00:00Z” " NOT_A_TIME, 22, 141, "99999-02-01T10:00:00Z" },
  { "earlier-added-at-offset", "added-at=\"2025-12-01T06:30:00Z\"", "added-at=\"2025-12-01T06:30:00-05:00\"",
    "“2025-12-01T06:30:00-05:00” " NOT_UTC, 24, 168, "2025-12-01T06:30:00-05:00" },
  { "earlier-added-at-1899", "added-at=\"2025-12-01T06:30:00Z\"", "added-at=\"1899-12-31T23:59:59Z\"",
    "“1899-12-31T23:59:59Z” " RANGE, 24, 168, "1899-12-31T23:59:59Z" },
};

static char *
write_case (const char    *path,
            const BadDate *input)
{
  g_autoptr(GString) text = g_string_new (valid_register);

  if (input != NULL)
    {
      g_assert_nonnull (strstr (valid_register, input->from));
      g_string_replace (text, input->from, input->to, 1);
    }
  io_write_file (path, text->str, text->len);

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* Everything stored, files and annotations included. */
static GBytes *
export_everything (SignetStore *store)
{
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;

  g_assert_true (signet_xml_export_to_stream (store, out, NULL, SIGNET_EXPORT_WITH_ATTACHMENTS,
                                              NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_output_stream_close (out, NULL, NULL));

  return g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (out));
}

static void
test_bad_date (IoFixture     *f,
               gconstpointer  data)
{
  const BadDate *input = data;
  g_autofree char *path = io_fixture_path (f, "bad.xml");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autofree char *text = NULL;

  io_fill_sample_register (f->store);
  before = export_everything (f->store);
  text = write_case (path, input);

  /* The value is in the file where the message says it is. */
  {
    g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
    const char *line = lines[input->line - 1];
    const char *at = g_utf8_offset_to_pointer (line, input->column - 1);

    g_assert_true (g_str_has_prefix (at, input->value));
  }

  for (guint dry_run = 0; dry_run <= 1; dry_run++)
    {
      SignetImportOptions options = { SIGNET_CONFLICT_UPDATE, dry_run };
      SignetImportReport *report = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *formatted = NULL;

      g_assert_false (signet_xml_import (f->store, file, &options, &report, NULL, NULL, NULL, &error));
      g_assert_null (report);
      g_assert_nonnull (error);

      formatted = signet_xml_error_format (error, "bad.xml");
      g_test_message ("%s", formatted);

      g_assert_error (error, SIGNET_XML_ERROR, SIGNET_XML_ERROR_INVALID);
      g_assert_cmpstr (error->message, ==, input->message);
      g_assert_cmpuint (signet_xml_error_get_line (error), ==, input->line);
      g_assert_cmpuint (signet_xml_error_get_column (error), ==, input->column);
      g_assert_cmpstr (signet_xml_error_get_value (error), ==, input->value);
    }

  after = export_everything (f->store);
  io_assert_bytes_equal (before, after);
}

/* The valid file at the very ends of the range imports, with its times
 * stored to the millisecond as Signet writes them. */
static void
test_range_ends (IoFixture     *f,
                 gconstpointer  data)
{
  g_autofree char *path = io_fixture_path (f, "ends.xml");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(SignetImportReport) report = NULL;
  g_autoptr(SignetContract) contract = NULL;
  g_autoptr(GPtrArray) attachments = NULL;
  g_autoptr(GPtrArray) annotations = NULL;
  g_autoptr(GPtrArray) payments = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) text = g_string_new (valid_register);
  SignetImportOptions options = { SIGNET_CONFLICT_FAIL, FALSE };
  SignetAttachment *attachment;

  g_string_replace (text, "<signing-date>2025-12-20<", "<signing-date>1900-01-01<", 1);
  g_string_replace (text, "<start-date>2026-01-01<", "<start-date>1900-01-01<", 1);
  g_string_replace (text, "<end-date>2026-12-31<", "<end-date>2199-12-31<", 1);
  g_string_replace (text, "date=\"2026-06-30\"", "date=\"2199-12-31\"", 1);
  g_string_replace (text, "date=\"2025-06-30\"", "date=\"1900-01-01\"", 1);
  g_string_replace (text, "added-at=\"2026-01-31T09:15:02.123Z\"", "added-at=\"2199-12-31T23:59:59.999Z\"", 1);
  io_write_file (path, text->str, text->len);

  g_assert_true (signet_xml_import (f->store, file, &options, &report, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (report->contracts_added, ==, 1);
  g_assert_cmpuint (report->key_dates_added, ==, 1);
  g_assert_cmpuint (report->reviews_added, ==, 1);
  g_assert_cmpuint (report->annotations_added, ==, 1);

  contract = signet_store_find_contract_by_number (f->store, "IMP-0001", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (signet_contract_get_start_date (contract), ==, "1900-01-01");
  g_assert_cmpstr (signet_contract_get_end_date (contract), ==, "2199-12-31");

  /* The file's key date of kind payment is a planned payment. */
  payments = signet_store_list_payments (f->store, signet_contract_get_id (contract), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (payments->len, ==, 1);
  g_assert_cmpstr (((SignetPayment *) g_ptr_array_index (payments, 0))->due_date, ==, "2199-12-31");

  attachments = signet_store_list_attachments (f->store, signet_contract_get_id (contract), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (attachments->len, ==, 1);
  attachment = g_ptr_array_index (attachments, 0);
  g_assert_cmpstr (signet_attachment_get_added_at (attachment), ==, "2199-12-31T23:59:59.999Z");

  annotations = signet_store_list_annotations (f->store, signet_attachment_get_version_id (attachment), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (annotations->len, ==, 1);
  g_assert_cmpstr (signet_annotation_get_created_at (g_ptr_array_index (annotations, 0)), ==,
                   "2026-01-31T09:15:02.123Z");
  g_assert_cmpstr (signet_annotation_get_modified_at (g_ptr_array_index (annotations, 0)), ==,
                   "2026-02-01T10:00:00.000Z");
}

static void
write_corpus (const char *dir)
{
  g_autofree char *valid_path = g_build_filename (dir, "dates-valid.xml", NULL);
  g_autofree char *valid = NULL;

  g_mkdir_with_parents (dir, 0700);
  valid = write_case (valid_path, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (bad_dates); i++)
    {
      g_autofree char *name = g_strconcat ("dates-", bad_dates[i].name, ".xml", NULL);
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autofree char *text = write_case (path, &bad_dates[i]);
    }
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");

  if (argc == 2 && g_str_has_prefix (argv[1], "--write-corpus="))
    {
      write_corpus (argv[1] + strlen ("--write-corpus="));
      return 0;
    }

  g_test_init (&argc, &argv, NULL);

  g_test_add ("/xml/bad-dates/range-ends", IoFixture, NULL, io_fixture_set_up, test_range_ends,
              io_fixture_tear_down);

  for (guint i = 0; i < G_N_ELEMENTS (bad_dates); i++)
    {
      g_autofree char *test_path = g_strconcat ("/xml/bad-dates/", bad_dates[i].name, NULL);

      g_test_add (test_path, IoFixture, &bad_dates[i], io_fixture_set_up, test_bad_date, io_fixture_tear_down);
    }

  return g_test_run ();
}
