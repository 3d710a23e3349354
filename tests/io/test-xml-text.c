/* SPDX-License-Identifier: GPL-3.0-or-later */

/* An import stores exactly the text the file says, however XML spells it:
 * CDATA sections, entities, character references, with comments and
 * processing instructions between its characters. */

#include "config.h"

#include <locale.h>
#include <string.h>

#include "io-test-utils.h"
#include "io-text-sweep.h"

static void
import_path (SignetStore *store,
             const char  *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(SignetImportReport) report = NULL;
  g_autoptr(GError) error = NULL;
  SignetImportOptions options = { SIGNET_CONFLICT_FAIL, FALSE };

  g_assert_true (signet_xml_import (store, file, &options, &report, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
}

static GBytes *
export_with_attachments (SignetStore *store)
{
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;

  g_assert_true (signet_xml_export_to_stream (store, out, NULL, SIGNET_EXPORT_WITH_ATTACHMENTS,
                                              NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_output_stream_close (out, NULL, NULL));

  return g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (out));
}

static GBytes *
read_bytes (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize len;

  g_assert_true (g_file_get_contents (path, &contents, &len, &error));
  g_assert_no_error (error);

  return g_bytes_new_take (contents, len);
}

/* The two examples a user found: a CDATA section inside an amount and
 * inside notes. */
static void
test_cdata_examples (IoFixture     *f,
                     gconstpointer  data)
{
  g_autofree char *path = io_fixture_path (f, "cdata.xml");
  g_autoptr(SignetClient) client = NULL;
  g_autoptr(SignetContract) contract = NULL;

  io_write_file (path,
                 "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                 "<register xmlns=\"https://signetapp.github.io/ns/register/1\" version=\"1\">\n"
                 "  <clients>\n"
                 "    <client code=\"K100\">\n"
                 "      <name>华信科技</name>\n"
                 "      <notes>before <![CDATA[X]]> after</notes>\n"
                 "    </client>\n"
                 "  </clients>\n"
                 "  <contracts>\n"
                 "    <contract number=\"IMP-0001\" client=\"K100\">\n"
                 "      <title>年度框架</title>\n"
                 "      <value currency=\"CNY\">1<![CDATA[23]]>4.56</value>\n"
                 "      <status>active</status>\n"
                 "      <notes><![CDATA[<b>bold</b> & ]]]]><![CDATA[>]]></notes>\n"
                 "    </contract>\n"
                 "  </contracts>\n"
                 "</register>\n", -1);
  import_path (f->store, path);

  client = signet_store_find_client_by_code (f->store, "K100", NULL);
  g_assert_cmpstr (signet_client_get_notes (client), ==, "before X after");
  contract = signet_store_find_contract_by_number (f->store, "IMP-0001", NULL);
  g_assert_cmpint (signet_contract_get_value (contract), ==, 123456);
  g_assert_cmpstr (signet_contract_get_notes (contract), ==, "<b>bold</b> & ]]>");
}

/* Every text of the format, spelt every way: the register stored is the
 * one the plain file describes, so it exports as that file, byte for
 * byte. The plain file is first checked to be what Signet exports. */
static void
test_every_text (IoFixture     *f,
                 gconstpointer  data)
{
  g_autoptr(SignetStore) plain_store = io_fixture_open_store (f, "plain.db");
  g_autofree char *plain_path = io_fixture_path (f, "plain.xml");
  g_autofree char *mixed_path = io_fixture_path (f, "mixed.xml");
  g_autoptr(GBytes) plain = NULL;
  g_autoptr(GBytes) from_plain = NULL;
  g_autoptr(GBytes) from_mixed = NULL;
  g_autoptr(SignetContract) contract = NULL;

  io_write_text_sweep (plain_path, FALSE);
  io_write_text_sweep (mixed_path, TRUE);
  plain = read_bytes (plain_path);

  import_path (plain_store, plain_path);
  from_plain = export_with_attachments (plain_store);
  io_assert_bytes_equal (from_plain, plain);

  import_path (f->store, mixed_path);
  from_mixed = export_with_attachments (f->store);
  io_assert_bytes_equal (from_mixed, plain);

  /* And through the store, the text no export escapes. */
  contract = signet_store_find_contract_by_number (f->store, "HT/2026 <1> & \"中\" 'x'", NULL);
  g_assert_nonnull (contract);
  g_assert_cmpint (signet_contract_get_value (contract), ==, 123456);
  g_assert_cmpstr (signet_contract_get_notes (contract), ==, "押金三个月。\n第二行 & <备注>\r\n\t\"结束\"  ");
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/xml/text/cdata-examples", IoFixture, NULL, io_fixture_set_up, test_cdata_examples,
              io_fixture_tear_down);
  g_test_add ("/xml/text/every-text", IoFixture, NULL, io_fixture_set_up, test_every_text,
              io_fixture_tear_down);

  return g_test_run ();
}
