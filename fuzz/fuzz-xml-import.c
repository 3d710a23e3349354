/* SPDX-License-Identifier: GPL-3.0-or-later */

/* libFuzzer target for the XML importer: every input is imported as a dry
 * run into a small register, under one of the three conflict policies, so
 * the whole path runs (parser, schema, Signet's checks, the store inside a
 * transaction) and the register stays the same from one input to the next.
 * Build and run: fuzz/run-fuzz.sh (docs/xml-format.md, "Fuzzing"). */

#include "config.h"

#include <stdint.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "signet-xml.h"

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static SignetStore *store;
static char *input_path;

static void
add_sample_records (void)
{
  g_autoptr(SignetClient) client = signet_client_new ();
  g_autoptr(SignetContract) contract = signet_contract_new ();

  /* Codes and numbers the seed files use, so conflicts happen too. */
  signet_client_set_code (client, "K100");
  signet_client_set_name (client, "华信科技");
  g_assert_true (signet_store_add_client (store, client, NULL));

  signet_contract_set_number (contract, "IMP-0001");
  signet_contract_set_title (contract, "年度框架");
  signet_contract_set_client_id (contract, signet_client_get_id (client));
  signet_contract_set_currency (contract, "CNY");
  g_assert_true (signet_store_add_contract (store, contract, NULL));
}

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("signet-fuzz-XXXXXX", &error);
  g_autofree char *db_path = NULL;

  g_assert_no_error (error);
  db_path = g_build_filename (dir, "fuzz.db", NULL);
  input_path = g_build_filename (dir, "input.xml", NULL);

  store = signet_store_new (db_path, &error);
  g_assert_no_error (error);
  add_sample_records ();

  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GFile) file = g_file_new_for_path (input_path);
  g_autoptr(SignetImportReport) report = NULL;
  g_autoptr(GError) error = NULL;
  SignetImportOptions options = { size % 3, TRUE };
  gboolean success;

  g_assert_true (g_file_set_contents (input_path, (const char *) data, size, NULL));

  success = signet_xml_import (store, file, &options, &report, NULL, NULL, NULL, &error);

  /* Either a report or an error, never both, never neither. */
  g_assert_true (success == (report != NULL));
  g_assert_true (success == (error == NULL));
  if (error != NULL)
    {
      g_autofree char *message = signet_xml_error_format (error, "input.xml");

      g_assert_true (g_utf8_validate (message, -1, NULL));
    }
  else
    {
      g_autofree char *summary = signet_import_report_describe (report);

      g_assert_true (g_utf8_validate (summary, -1, NULL));
    }

  return 0;
}
