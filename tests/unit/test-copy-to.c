/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>

#include "pg-test-server.h"
#include "signet-demo.h"
#include "signet-store-attachments.h"
#include "signet-store-copy.h"
#include "signet-store-events.h"
#include "unit-test-utils.h"

/* signet --copy-to: a register in a file moved to a team server. */

/* Every table of the register; those with an id are also compared by the
 * sum of their ids. */
static const struct
{
  const char *name;
  gboolean    has_id;
} tables[] = {
  { "amendments", TRUE }, { "annotations", TRUE }, { "approval_route_steps", FALSE },
  { "approval_routes", TRUE }, { "approval_rules", TRUE }, { "approval_steps", TRUE },
  { "attachment_versions", TRUE }, { "attachments", TRUE }, { "audit", TRUE }, { "blob_text", FALSE },
  { "blobs", FALSE }, { "clients", TRUE }, { "contract_events", FALSE }, { "contract_type_clauses", FALSE },
  { "contract_type_key_dates", FALSE }, { "contract_types", TRUE }, { "contracts", TRUE },
  { "exchange_rates", FALSE }, { "import_mappings", FALSE }, { "key_dates", TRUE }, { "loans", TRUE },
  { "notice_decisions", TRUE }, { "obligation_occurrences", FALSE }, { "obligations", TRUE },
  { "originals", FALSE }, { "payment_invoices", TRUE }, { "payment_settlements", TRUE },
  { "payments", TRUE }, { "people", TRUE }, { "process_events", TRUE }, { "reminder_acks", FALSE },
  { "reminder_settings", FALSE }, { "renewals", FALSE }, { "review_actions", TRUE },
  { "review_clauses", FALSE }, { "reviews", TRUE }, { "risk_level_choices", FALSE }, { "risks", TRUE },
  { "saved_views", TRUE },
};

typedef struct
{
  char        *dir;
  char        *path;
  SignetStore *store;
  gint64       contract_id;
  GBytes      *pdf;
} CopyFixture;

static void
copy_fixture_set_up (CopyFixture   *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SignetAttachment) attachment = NULL;

  f->dir = g_dir_make_tmp ("signet-copy-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "signet.db", NULL);
  f->store = signet_store_new (f->path, &error);
  g_assert_no_error (error);
  signet_store_set_today (f->store, "2026-11-20");
  signet_demo_fill (f->store, &error);
  g_assert_no_error (error);

  /* A file of every byte value, zeros included, 300 KiB: it must arrive
   * byte for byte. */
  {
    GByteArray *file = g_byte_array_new ();

    g_byte_array_append (file, (const guint8 *) "%PDF-1.4\n", 9);
    for (guint i = 0; i < 300 * 1024; i++)
      {
        guint8 byte = (guint8) ((i * 7) ^ (i >> 8));

        g_byte_array_append (file, &byte, 1);
      }
    g_byte_array_append (file, (const guint8 *) "\n%%EOF\n", 7);
    f->pdf = g_byte_array_free_to_bytes (file);
  }

  f->contract_id = unit_query_raw_int (f->path, "SELECT min(id) FROM contracts");
  attachment = signet_store_add_attachment (f->store, f->contract_id, f->pdf, "signed.pdf",
                                            "application/pdf", SIGNET_ATTACHMENT_ROLE_SIGNED, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (attachment);
}

static void
copy_fixture_tear_down (CopyFixture   *f,
                        gconstpointer  data)
{
  g_clear_object (&f->store);
  g_clear_pointer (&f->pdf, g_bytes_unref);
  unit_remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

static void
table_counted_cb (const char *table,
                  gint64      n_rows,
                  gpointer    user_data)
{
  g_hash_table_insert (user_data, g_strdup (table), GINT_TO_POINTER ((int) n_rows + 1));
}

/* Every row arrives, ids, audit and the file's bytes included, and the
 * server's register then works as a register: a new contract gets an id
 * no contract of the file ever had. */
static void
test_copy_whole (CopyFixture   *f,
                 gconstpointer  data)
{
  g_autofree char *uri = pg_test_server_new_database ("copy");
  g_autoptr(GHashTable) counted = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(SignetStore) server = NULL;
  g_autoptr(GPtrArray) attachments = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(SignetContract) added = NULL;
  g_autoptr(GListModel) clients = NULL;
  g_autoptr(SignetClient) client = NULL;
  g_autoptr(SignetContract) confidential = NULL;
  g_autoptr(SignetContract) copied = NULL;
  SignetAttachment *attachment;
  int highest_file_id;

  /* A confidential contract stays so on the server. */
  confidential = signet_store_get_contract (f->store, f->contract_id, &error);
  g_assert_no_error (error);
  signet_contract_set_confidential (confidential, TRUE);
  g_assert_true (signet_store_update_contract (f->store, confidential, &error));
  g_assert_no_error (error);

  g_assert_true (signet_store_copy_to (f->store, uri, table_counted_cb, counted, &error));
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      g_autofree char *count = g_strdup_printf ("SELECT count(*) FROM %s", tables[i].name);
      g_autofree char *sum = g_strdup_printf ("SELECT coalesce (sum (id), 0) FROM %s", tables[i].name);
      int in_file = unit_query_raw_int (f->path, count);

      g_test_message ("%s: %d rows", tables[i].name, in_file);
      g_assert_cmpint (unit_query_raw_int (uri, count), ==, in_file);
      g_assert_cmpint (GPOINTER_TO_INT (g_hash_table_lookup (counted, tables[i].name)), ==, in_file + 1);
      if (tables[i].has_id)
        g_assert_cmpint (unit_query_raw_int (uri, sum), ==, unit_query_raw_int (f->path, sum));
    }
  g_assert_cmpint (unit_query_raw_int (f->path, "SELECT count(*) FROM contracts"), >, 10);
  g_assert_cmpint (unit_query_raw_int (uri, "SELECT count(*) FROM audit WHERE \"user\" IS NULL"), ==, 0);

  server = signet_store_open (uri, 0, &error);
  g_assert_no_error (error);
  copied = signet_store_get_contract (server, f->contract_id, &error);
  g_assert_no_error (error);
  g_assert_true (signet_contract_get_confidential (copied));
  g_assert_cmpint (unit_query_raw_int (uri, "SELECT count(*) FROM contracts WHERE confidential = 1"), ==, 1);
  attachments = signet_store_list_attachments (server, f->contract_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (attachments->len, ==, 1);
  attachment = g_ptr_array_index (attachments, 0);
  bytes = signet_store_load_version_bytes (server, signet_attachment_get_version_id (attachment), &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (bytes, f->pdf));

  /* Ids are never given twice, deleted rows' included. */
  highest_file_id = unit_query_raw_int (f->path, "SELECT seq FROM sqlite_sequence WHERE name = 'contracts'");
  clients = signet_store_list_clients (server, &error);
  g_assert_no_error (error);
  client = g_list_model_get_item (clients, 0);
  added = unit_add_contract (server, client, "HT-COPY-0001", "After the move");
  g_assert_cmpint (signet_contract_get_id (added), >, highest_file_id);
}

/* A register on the server already holding records is refused, and a
 * copy that fails half-way leaves the server as it was. */
static void
test_copy_refused (CopyFixture   *f,
                   gconstpointer  data)
{
  g_autofree char *uri = pg_test_server_new_database ("copy-twice");
  g_autofree char *broken = pg_test_server_new_database ("copy-broken");
  g_autoptr(GError) error = NULL;
  g_autoptr(SignetStore) empty = NULL;
  int n_contracts;

  g_assert_true (signet_store_copy_to (f->store, uri, NULL, NULL, &error));
  g_assert_no_error (error);
  n_contracts = unit_query_raw_int (uri, "SELECT count(*) FROM contracts");

  g_assert_false (signet_store_copy_to (f->store, uri, NULL, NULL, &error));
  g_assert_error (error, SIGNET_STORE_ERROR, SIGNET_STORE_ERROR_IN_USE);
  g_test_message ("%s", error->message);
  g_clear_error (&error);
  g_assert_cmpint (unit_query_raw_int (uri, "SELECT count(*) FROM contracts"), ==, n_contracts);

  /* A register whose loans refuse every row: contracts and clients come
   * before them, and must not stay. */
  empty = signet_store_new (broken, &error);
  g_assert_no_error (error);
  g_clear_object (&empty);
  unit_exec_raw (broken, "ALTER TABLE loans ADD CONSTRAINT no_loans CHECK (false) NOT VALID");
  g_assert_cmpint (unit_query_raw_int (f->path, "SELECT count(*) FROM loans"), >, 0);
  g_assert_false (signet_store_copy_to (f->store, broken, NULL, NULL, &error));
  g_assert_nonnull (error);
  g_test_message ("%s", error->message);
  g_assert_cmpint (unit_query_raw_int (broken, "SELECT count(*) FROM contracts"), ==, 0);
  g_assert_cmpint (unit_query_raw_int (broken, "SELECT count(*) FROM clients"), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/copy-to/whole", CopyFixture, NULL, copy_fixture_set_up, test_copy_whole,
              copy_fixture_tear_down);
  g_test_add ("/copy-to/refused", CopyFixture, NULL, copy_fixture_set_up, test_copy_refused,
              copy_fixture_tear_down);

  return g_test_run ();
}
