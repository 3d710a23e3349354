/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <fcntl.h>
#include <locale.h>
#include <string.h>
#include <sys/file.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include <utime.h>

#include <glib/gstdio.h>

#include "io-test-utils.h"
#include "pg-test-server.h"
#include "signet-db-pg.h"
#include "signet-event.h"
#include "signet-store-events.h"
#include "signet-store-people.h"
#include "unit-test-utils.h"

static SignetImportReport *
import_file (SignetStore          *store,
             const char           *path,
             SignetConflictPolicy  policy,
             gboolean              dry_run,
             GError              **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  SignetImportOptions options = { policy, dry_run };
  SignetImportReport *report = NULL;

  if (!signet_xml_import (store, file, &options, &report, NULL, NULL, NULL, error))
    return NULL;

  return report;
}

static void
export_file (SignetStore *store,
             const char  *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  g_assert_true (signet_xml_export (store, file, NULL, SIGNET_EXPORT_FLAGS_NONE, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
}

static void
assert_no_temporary_files (const char *dir)
{
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  const char *name;

  while ((name = g_dir_read_name (listing)) != NULL)
    g_assert_false (g_str_has_suffix (name, ".part"));
}

/* Export, import into an empty register, export again: the same bytes. */
static void
test_round_trip (IoFixture     *f,
                 gconstpointer  data)
{
  g_autoptr(SignetStore) copy = io_fixture_open_store (f, "copy.db");
  g_autofree char *xml_path = io_fixture_path (f, "register.xml");
  g_autoptr(SignetImportReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) first = NULL;
  g_autoptr(GBytes) second = NULL;
  g_autoptr(GBytes) on_disk = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autofree char *contents = NULL;
  gsize len;

  io_fill_sample_register (f->store);
  first = io_export_bytes (f->store, NULL);
  export_file (f->store, xml_path);

  g_assert_true (g_file_get_contents (xml_path, &contents, &len, NULL));
  on_disk = g_bytes_new_take (g_steal_pointer (&contents), len);
  io_assert_bytes_equal (first, on_disk);

  report = import_file (copy, xml_path, SIGNET_CONFLICT_FAIL, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (report->clients_added, ==, 3);
  g_assert_cmpuint (report->contracts_added, ==, 4 + SIGNET_N_CONTRACT_STATUSES);
  g_assert_cmpuint (report->n_conflicts, ==, 0);

  second = io_export_bytes (copy, NULL);
  io_assert_bytes_equal (first, second);

  /* Every field, not only what the file shows: compare the objects. */
  ids = signet_store_query_contract_ids (f->store, NULL, SIGNET_SORT_NUMBER, FALSE, NULL);
  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(SignetContract) original = signet_store_get_contract (f->store, g_array_index (ids, gint64, i), NULL);
      g_autoptr(SignetContract) imported =
        signet_store_find_contract_by_number (copy, signet_contract_get_number (original), NULL);

      g_assert_nonnull (imported);
      signet_contract_set_id (imported, signet_contract_get_id (original));
      signet_contract_set_client_id (imported, signet_contract_get_client_id (original));
      g_assert_true (signet_contract_equal (original, imported));
    }
}

/* A confidential contract is written with <confidential>true</confidential>,
 * valid against the schema, and comes back confidential; the others are
 * written without the element and come back not confidential. */
static void
test_confidential (IoFixture     *f,
                   gconstpointer  data)
{
  g_autoptr(SignetStore) copy = io_fixture_open_store (f, "copy.db");
  g_autofree char *xml_path = io_fixture_path (f, "register.xml");
  g_autoptr(SignetImportReport) report = NULL;
  g_autoptr(SignetContract) contract = NULL;
  g_autoptr(SignetContract) imported = NULL;
  g_autoptr(SignetContract) other = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *text = NULL;
  const char *first;

  io_fill_sample_register (f->store);
  contract = signet_store_find_contract_by_number (f->store, "HT-2026-0001", &error);
  g_assert_no_error (error);
  signet_contract_set_confidential (contract, TRUE);
  g_assert_true (signet_store_update_contract (f->store, contract, &error));
  g_assert_no_error (error);

  bytes = io_export_bytes (f->store, NULL);
  text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  first = strstr (text, "<confidential>true</confidential>");
  g_assert_nonnull (first);
  g_assert_null (strstr (first + 1, "<confidential>"));
  io_assert_valid_against_schema (f, bytes);

  export_file (f->store, xml_path);
  report = import_file (copy, xml_path, SIGNET_CONFLICT_FAIL, FALSE, &error);
  g_assert_no_error (error);
  imported = signet_store_find_contract_by_number (copy, "HT-2026-0001", &error);
  g_assert_no_error (error);
  g_assert_true (signet_contract_get_confidential (imported));
  other = signet_store_find_contract_by_number (copy, "A-0", &error);
  g_assert_no_error (error);
  g_assert_false (signet_contract_get_confidential (other));
}

/* The format's text: UTF-8, the namespace and version on the root, the
 * fixed order, escapes for what XML would otherwise change, no timestamp. */
static void
test_export_format (IoFixture     *f,
                    gconstpointer  data)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GBytes) again = NULL;
  g_autofree char *text = NULL;
  const char *c001, *acme, *b7, *a0, *ht;

  io_fill_sample_register (f->store);
  bytes = io_export_bytes (f->store, NULL);
  text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));

  g_assert_true (g_str_has_prefix (text, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                                         "<register xmlns=\"" SIGNET_XML_NAMESPACE "\" version=\"1\">\n"));
  g_assert_true (g_utf8_validate (text, -1, NULL));
  g_assert_nonnull (strstr (text, "<value currency=\"CNY\">1234567.89</value>"));
  g_assert_nonnull (strstr (text, "<value currency=\"JPY\">9800000</value>"));
  g_assert_nonnull (strstr (text, "<value currency=\"KWD\">1.005</value>"));
  g_assert_nonnull (strstr (text, "<end-date>2028-02-29</end-date>"));
  g_assert_nonnull (strstr (text, "<status>in-review</status>"));
  g_assert_nonnull (strstr (text, "<name>Acme &amp; Sons &lt;Ltd&gt;</name>"));
  /* A carriage return would come back as a line feed if written raw. */
  g_assert_nonnull (strstr (text, "&#13;\nCRLF line"));
  g_assert_null (strstr (text, "exported"));

  /* Clients by code, contracts by number, in byte order. */
  acme = strstr (text, "code=\"ACME-01\"");
  b7 = strstr (text, "code=\"B-7\"");
  c001 = strstr (text, "code=\"C001\"");
  a0 = strstr (text, "number=\"A-0\"");
  ht = strstr (text, "number=\"HT-2026-0001\"");
  g_assert_true (acme < b7 && b7 < c001 && c001 < a0 && a0 < ht);

  again = io_export_bytes (f->store, NULL);
  io_assert_bytes_equal (bytes, again);

  /* The file the app writes is valid against the schema it installs, for
   * another validator too. */
  io_assert_valid_against_schema (f, bytes);
}

/* With a search, the listed contracts and their clients only. */
static void
test_export_search (IoFixture     *f,
                    gconstpointer  data)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *text = NULL;

  io_fill_sample_register (f->store);
  bytes = io_export_bytes (f->store, "licence");
  text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));

  g_assert_nonnull (strstr (text, "number=\"LIC/2026/7\""));
  g_assert_nonnull (strstr (text, "code=\"ACME-01\""));
  g_assert_null (strstr (text, "number=\"KW-1\""));
  g_assert_null (strstr (text, "code=\"C001\""));
  g_assert_null (strstr (text, "code=\"B-7\""));
}

static void
cancel_halfway_cb (double   fraction,
                   gpointer user_data)
{
  if (fraction >= 0.5)
    g_cancellable_cancel (user_data);
}

/* A failed or cancelled export leaves the chosen file as it was and no
 * temporary file behind. */
static void
test_export_atomic (IoFixture     *f,
                    gconstpointer  data)
{
  g_autofree char *path = io_fixture_path (f, "register.xml");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(SignetClient) client = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *missing_path = io_fixture_path (f, "no-such-folder/register.xml");
  g_autoptr(GFile) missing = g_file_new_for_path (missing_path);
  struct stat st;

  io_fill_sample_register (f->store);
  client = signet_store_find_client_by_code (f->store, "B-7", NULL);
  for (guint i = 0; i < 300; i++)
    {
      g_autofree char *number = g_strdup_printf ("BULK-%04u", i);
      g_autoptr(SignetContract) contract = unit_add_contract (f->store, client, number, "Bulk");
    }

  io_write_file (path, "previous export", -1);

  g_assert_false (signet_xml_export (f->store, file, NULL, SIGNET_EXPORT_FLAGS_NONE, cancellable,
                                     cancel_halfway_cb, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "previous export");
  assert_no_temporary_files (f->dir);

  g_assert_false (signet_xml_export (f->store, missing, NULL, SIGNET_EXPORT_FLAGS_NONE, NULL, NULL, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Success replaces the file; it is private like the database. */
  g_assert_true (signet_xml_export (f->store, file, NULL, SIGNET_EXPORT_FLAGS_NONE, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_clear_pointer (&contents, g_free);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "<?xml"));
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  assert_no_temporary_files (f->dir);
}

static void
make_file (const char *dir,
           const char *name,
           gint64      age_seconds)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  struct utimbuf times;

  io_write_file (path, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<register", -1);
  g_assert_cmpint (g_chmod (path, 0600), ==, 0);
  times.actime = times.modtime = time (NULL) - age_seconds;
  g_assert_cmpint (g_utime (path, &times), ==, 0);
}

static gboolean
file_exists (const char *dir,
             const char *name)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  GStatBuf st;

  return g_lstat (path, &st) == 0;
}

/* The temporary files of exports killed halfway (".NAME.XXXXXXXX.part")
 * are removed by the next export to their folder, whatever NAME; files an
 * export still writes (locked, or written since this export started),
 * other names, links and folders stay. */
static void
test_export_left_temporary_files (IoFixture     *f,
                                  gconstpointer  data)
{
  static const char * const left[] = {
    ".register.xml.0123abcd.part",
    ".another export.xml.deadbeef.part",
    ".合同.xml.00000000.part",
  };
  static const char * const others[] = {
    ".register.xml.0123ABCD.part",
    ".register.xml.0123abc.part",
    ".register.xml.0123abcde.part",
    "register.xml.0123abcd.part",
    "..0123abcd.part",
    ".register.xml.0123abcd.part.bak",
    ".register.xml.0123abcd.partial",
  };
  g_autofree char *dir = io_fixture_path (f, "out");
  g_autofree char *path = g_build_filename (dir, "register.xml", NULL);
  g_autofree char *locked_path = g_build_filename (dir, ".register.xml.11111111.part", NULL);
  g_autofree char *link_path = g_build_filename (dir, ".register.xml.33333333.part", NULL);
  g_autofree char *folder_path = g_build_filename (dir, ".register.xml.44444444.part", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) listing = NULL;
  const char *name;
  guint n_files = 0;
  int locked_fd;

  io_fill_sample_register (f->store);
  g_assert_cmpint (g_mkdir (dir, 0700), ==, 0);

  for (gsize i = 0; i < G_N_ELEMENTS (left); i++)
    make_file (dir, left[i], 3600);
  for (gsize i = 0; i < G_N_ELEMENTS (others); i++)
    make_file (dir, others[i], 3600);

  /* An export that is writing: it holds the lock, as every export does. */
  make_file (dir, ".register.xml.11111111.part", 3600);
  locked_fd = g_open (locked_path, O_RDONLY | O_CLOEXEC, 0);
  g_assert_cmpint (flock (locked_fd, LOCK_EX), ==, 0);
  /* One that started after this export and has not locked its file yet. */
  make_file (dir, ".register.xml.22222222.part", -60);
  g_assert_cmpint (symlink ("register.xml", link_path), ==, 0);
  g_assert_cmpint (g_mkdir (folder_path, 0700), ==, 0);

  g_assert_true (signet_xml_export (f->store, file, NULL, SIGNET_EXPORT_FLAGS_NONE, NULL, NULL, NULL, &error));
  g_assert_no_error (error);

  for (gsize i = 0; i < G_N_ELEMENTS (left); i++)
    g_assert_false (file_exists (dir, left[i]));
  for (gsize i = 0; i < G_N_ELEMENTS (others); i++)
    g_assert_true (file_exists (dir, others[i]));
  g_assert_true (file_exists (dir, ".register.xml.11111111.part"));
  g_assert_true (file_exists (dir, ".register.xml.22222222.part"));
  g_assert_true (file_exists (dir, ".register.xml.33333333.part"));
  g_assert_true (file_exists (dir, ".register.xml.44444444.part"));
  close (locked_fd);

  /* Nothing else: the export and what was there. */
  listing = g_dir_open (dir, 0, NULL);
  while ((name = g_dir_read_name (listing)) != NULL)
    n_files++;
  g_assert_cmpuint (n_files, ==, 1 + G_N_ELEMENTS (others) + 4);
}

/* A character XML cannot carry stops the export, naming the record. */
static void
test_export_unwritable (IoFixture     *f,
                        gconstpointer  data)
{
  g_autofree char *path = io_fixture_path (f, "register.xml");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(SignetClient) client = io_add_client (f->store, "C1", "Client");
  g_autoptr(SignetContract) contract = unit_add_contract (f->store, client, "N-1", "Title");

  signet_contract_set_notes (contract, "page\fbreak");
  g_assert_true (signet_store_update_contract (f->store, contract, &error));
  g_assert_no_error (error);

  g_assert_false (signet_xml_export (f->store, file, NULL, SIGNET_EXPORT_FLAGS_NONE, NULL, NULL, NULL, &error));
  g_assert_error (error, SIGNET_XML_ERROR, SIGNET_XML_ERROR_UNWRITABLE);
  g_assert_cmpstr (error->message, ==,
                   "N-1: the field “Notes” holds the character U+000C, which an XML file cannot "
                   "contain. Remove it and export again.");
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  assert_no_temporary_files (f->dir);
}

static const char changed_register[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
  "<register xmlns=\"" SIGNET_XML_NAMESPACE "\" version=\"1\">\n"
  "  <clients>\n"
  "    <client code=\"C001\">\n"
  "      <name>北京华信科技有限公司（新名）</name>\n"
  "    </client>\n"
  "    <client code=\"NEW\">\n"
  "      <name>New client</name>\n"
  "    </client>\n"
  "  </clients>\n"
  "  <contracts>\n"
  "    <contract number=\"KW-1\" client=\"NEW\">\n"
  "      <title>Maintenance, renewed</title>\n"
  "      <value currency=\"KWD\">2.500</value>\n"
  "      <status>renewed</status>\n"
  "    </contract>\n"
  "    <contract number=\"A-0\" client=\"B-7\">\n"
  "      <title>Zero value draft</title>\n"
  "      <value currency=\"USD\">0.00</value>\n"
  "      <auto-renew>false</auto-renew>\n"
  "      <notice-days>0</notice-days>\n"
  "      <status>draft</status>\n"
  "      <risk-level>low</risk-level>\n"
  "    </contract>\n"
  "    <contract number=\"NEW-1\" client=\"C001\">\n"
  "      <title>A new contract</title>\n"
  "      <value currency=\"CNY\">10</value>\n"
  "      <status>draft</status>\n"
  "    </contract>\n"
  "  </contracts>\n"
  "</register>\n";

/* The list of conflicts the summary and the Import dialog show: every
 * named one in the file's order, and "…" for those counted but not named. */
static void
test_import_conflict_list (void)
{
  static const char * const keys[SIGNET_IMPORT_MAX_NAMED_CONFLICTS] = {
    "C001", "KW-1", "KW-2", "KW-3", "KW-4", "KW-5", "KW-6", "KW-7", "KW-8", "KW-9",
  };
  SignetImportConflict named[SIGNET_IMPORT_MAX_NAMED_CONFLICTS];
  g_autoptr(GPtrArray) conflicts = g_ptr_array_new ();
  SignetImportReport report = { .conflicts = conflicts };
  g_autofree char *none = NULL;
  g_autofree char *two = NULL;
  g_autofree char *many = NULL;

  none = signet_import_report_list_conflicts (&report);
  g_assert_cmpstr (none, ==, "");

  for (guint i = 0; i < G_N_ELEMENTS (named); i++)
    named[i] = (SignetImportConflict) { i == 0 ? SIGNET_RECORD_CLIENT : SIGNET_RECORD_CONTRACT,
                                        (char *) keys[i], 4 + i };

  g_ptr_array_add (conflicts, &named[0]);
  g_ptr_array_add (conflicts, &named[1]);
  report.n_conflicts = 2;
  two = signet_import_report_list_conflicts (&report);
  g_assert_cmpstr (two, ==, "C001, KW-1");

  for (guint i = 2; i < G_N_ELEMENTS (named); i++)
    g_ptr_array_add (conflicts, &named[i]);
  report.n_conflicts = G_N_ELEMENTS (named) + 3;
  many = signet_import_report_list_conflicts (&report);
  g_assert_cmpstr (many, ==, "C001, KW-1, KW-2, KW-3, KW-4, KW-5, KW-6, KW-7, KW-8, KW-9…");
}

/* Records are matched by code and number; existing ones that differ are
 * skipped, updated or stop the import, as chosen. A dry run tells the same
 * story and writes nothing. */
static void
test_import_conflicts (IoFixture     *f,
                       gconstpointer  data)
{
  g_autofree char *path = io_fixture_path (f, "changed.xml");
  g_autoptr(SignetImportReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autoptr(SignetContract) kw = NULL;
  g_autoptr(SignetClient) c001 = NULL;
  g_autofree char *summary = NULL;
  SignetImportConflict *conflict;

  io_fill_sample_register (f->store);
  io_write_file (path, changed_register, -1);
  before = io_export_bytes (f->store, NULL);

  /* Dry run, stop on conflicts: all of them counted and named, nothing written. */
  report = import_file (f->store, path, SIGNET_CONFLICT_FAIL, TRUE, &error);
  g_assert_no_error (error);
  g_assert_true (report->dry_run);
  g_assert_cmpuint (report->clients_added, ==, 1);
  g_assert_cmpuint (report->clients_unchanged, ==, 0);
  g_assert_cmpuint (report->contracts_added, ==, 1);
  g_assert_cmpuint (report->contracts_unchanged, ==, 1);
  g_assert_cmpuint (report->n_conflicts, ==, 2);
  g_assert_cmpuint (report->conflicts->len, ==, 2);
  conflict = g_ptr_array_index (report->conflicts, 0);
  g_assert_cmpint (conflict->kind, ==, SIGNET_RECORD_CLIENT);
  g_assert_cmpstr (conflict->key, ==, "C001");
  g_assert_cmpuint (conflict->line, ==, 4);
  conflict = g_ptr_array_index (report->conflicts, 1);
  g_assert_cmpint (conflict->kind, ==, SIGNET_RECORD_CONTRACT);
  g_assert_cmpstr (conflict->key, ==, "KW-1");
  g_assert_cmpuint (conflict->line, ==, 12);
  summary = signet_import_report_describe (report);
  g_assert_cmpstr (summary, ==,
                   "Nothing was written. This is what the import would do:\n"
                   "Clients: 1 new, 0 updated, 0 unchanged, 0 skipped.\n"
                   "Contracts: 1 new, 0 updated, 1 unchanged, 0 skipped.\n"
                   "2 records of the file are already in the register with other details: C001, KW-1. "
                   "An import that stops on conflicts would write nothing.");
  after = io_export_bytes (f->store, NULL);
  io_assert_bytes_equal (before, after);
  g_clear_pointer (&report, signet_import_report_free);
  g_clear_pointer (&after, g_bytes_unref);

  /* The real thing, stop on conflicts: an error at the first, nothing written. */
  report = import_file (f->store, path, SIGNET_CONFLICT_FAIL, FALSE, &error);
  g_assert_null (report);
  g_assert_error (error, SIGNET_XML_ERROR, SIGNET_XML_ERROR_CONFLICT);
  g_assert_cmpuint (signet_xml_error_get_line (error), ==, 4);
  g_assert_cmpuint (signet_xml_error_get_column (error), ==, 19);
  g_assert_cmpstr (signet_xml_error_get_value (error), ==, "C001");
  g_clear_error (&error);
  after = io_export_bytes (f->store, NULL);
  io_assert_bytes_equal (before, after);
  g_clear_pointer (&after, g_bytes_unref);

  /* Skip: new records come in, existing ones stay as they are. */
  report = import_file (f->store, path, SIGNET_CONFLICT_SKIP, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (report->clients_skipped, ==, 1);
  g_assert_cmpuint (report->contracts_skipped, ==, 1);
  g_assert_cmpuint (report->contracts_added, ==, 1);
  kw = signet_store_find_contract_by_number (f->store, "KW-1", NULL);
  g_assert_cmpstr (signet_contract_get_title (kw), ==, "Maintenance");
  g_clear_object (&kw);
  kw = signet_store_find_contract_by_number (f->store, "NEW-1", NULL);
  g_assert_nonnull (kw);
  g_clear_pointer (&report, signet_import_report_free);
  g_clear_object (&kw);

  /* Update: the file's details win; a second run changes nothing. */
  report = import_file (f->store, path, SIGNET_CONFLICT_UPDATE, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (report->clients_updated, ==, 1);
  g_assert_cmpuint (report->clients_unchanged, ==, 1);
  g_assert_cmpuint (report->contracts_updated, ==, 1);
  g_assert_cmpuint (report->contracts_unchanged, ==, 2);
  kw = signet_store_find_contract_by_number (f->store, "KW-1", NULL);
  g_assert_cmpstr (signet_contract_get_title (kw), ==, "Maintenance, renewed");
  g_assert_cmpint (signet_contract_get_value (kw), ==, 2500);
  g_assert_cmpstr (signet_contract_get_client_name (kw), ==, "New client");
  c001 = signet_store_find_client_by_code (f->store, "C001", NULL);
  g_assert_cmpstr (signet_client_get_name (c001), ==, "北京华信科技有限公司（新名）");
  g_clear_pointer (&report, signet_import_report_free);

  report = import_file (f->store, path, SIGNET_CONFLICT_FAIL, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (report->n_conflicts, ==, 0);
  g_assert_cmpuint (report->clients_unchanged + report->contracts_unchanged, ==, 5);
}

/* Keys with spaces around them, which the store removes: the register's
 * C001 and KW-1. */
static const char spaced_keys_register[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
  "<register xmlns=\"" SIGNET_XML_NAMESPACE "\" version=\"1\">\n"
  "  <clients>\n"
  "    <client code=\" C001 \">\n"
  "      <name>北京华信科技有限公司（新名）</name>\n"
  "    </client>\n"
  "  </clients>\n"
  "  <contracts>\n"
  "    <contract number=\"  KW-1\t\" client=\"ACME-01 \">\n"
  "      <title>Maintenance, renewed</title>\n"
  "      <value currency=\"KWD\">2.500</value>\n"
  "      <status>renewed</status>\n"
  "    </contract>\n"
  "  </contracts>\n"
  "</register>\n";

/* A file's " C001 " is the register's C001: the import matches on the key
 * the store keeps, instead of adding a second record the database refuses
 * with a message of its own. */
static void
test_import_spaced_keys (IoFixture     *f,
                         gconstpointer  data)
{
  g_autofree char *path = io_fixture_path (f, "spaced.xml");
  g_autoptr(SignetImportReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autoptr(SignetContract) kw = NULL;
  g_autoptr(SignetClient) c001 = NULL;
  guint n_contracts;

  io_fill_sample_register (f->store);
  io_write_file (path, spaced_keys_register, -1);
  before = io_export_bytes (f->store, NULL);
  n_contracts = signet_store_count_contracts (f->store);

  report = import_file (f->store, path, SIGNET_CONFLICT_FAIL, FALSE, &error);
  g_assert_null (report);
  g_assert_error (error, SIGNET_XML_ERROR, SIGNET_XML_ERROR_CONFLICT);
  g_assert_cmpstr (error->message, ==,
                   "The client C001 is already in the register with other details. Nothing was imported; "
                   "choose to skip or to update existing records to import this file.");
  g_assert_cmpuint (signet_xml_error_get_line (error), ==, 4);
  g_assert_cmpuint (signet_xml_error_get_column (error), ==, 19);
  g_clear_error (&error);
  after = io_export_bytes (f->store, NULL);
  io_assert_bytes_equal (before, after);

  report = import_file (f->store, path, SIGNET_CONFLICT_UPDATE, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (report->clients_added, ==, 0);
  g_assert_cmpuint (report->clients_updated, ==, 1);
  g_assert_cmpuint (report->contracts_added, ==, 0);
  g_assert_cmpuint (report->contracts_updated, ==, 1);
  g_assert_cmpuint (signet_store_count_contracts (f->store), ==, n_contracts);
  kw = signet_store_find_contract_by_number (f->store, "KW-1", NULL);
  g_assert_cmpstr (signet_contract_get_title (kw), ==, "Maintenance, renewed");
  g_assert_cmpstr (signet_contract_get_client_name (kw), ==, "Acme & Sons <Ltd>");
  c001 = signet_store_find_client_by_code (f->store, "C001", NULL);
  g_assert_cmpstr (signet_client_get_name (c001), ==, "北京华信科技有限公司（新名）");
  g_clear_pointer (&report, signet_import_report_free);

  /* Once more: the same keys, the same details. */
  report = import_file (f->store, path, SIGNET_CONFLICT_FAIL, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (report->clients_unchanged, ==, 1);
  g_assert_cmpuint (report->contracts_unchanged, ==, 1);
}

static const char owners_register[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
  "<register xmlns=\"" SIGNET_XML_NAMESPACE "\" version=\"1\">\n"
  "  <clients>\n"
  "    <client code=\"HX\"><name>北京华信科技有限公司</name></client>\n"
  "  </clients>\n"
  "  <contracts>\n"
  "    <contract number=\"HT-1\" client=\"HX\">\n"
  "      <title>办公楼租赁合同</title><owner> 张 伟 </owner><department>法务部</department>\n"
  "      <value currency=\"CNY\">1.00</value><status>draft</status>\n"
  "    </contract>\n"
  "    <contract number=\"HT-2\" client=\"HX\">\n"
  "      <title>保洁服务合同</title><owner>Emma Schmidt</owner><department>Sales</department>\n"
  "      <value currency=\"CNY\">1.00</value><status>draft</status>\n"
  "    </contract>\n"
  "  </contracts>\n"
  "</register>\n";

/* An owner in a file is a person of the directory: found whatever its
 * spaces, or added in the contract's department; the export writes the
 * person's name. */
static void
test_import_owners (IoFixture     *f,
                    gconstpointer  data)
{
  g_autofree char *path = io_fixture_path (f, "owners.xml");
  g_autoptr(SignetImportReport) report = NULL;
  g_autoptr(SignetPerson) zhang = signet_person_new ();
  g_autoptr(SignetPerson) emma = NULL;
  g_autoptr(SignetContract) first = NULL;
  g_autoptr(GBytes) exported = NULL;
  g_autoptr(GError) error = NULL;

  signet_person_set_name (zhang, "张伟");
  g_assert_true (signet_store_add_person (f->store, zhang, &error));
  g_assert_no_error (error);
  io_write_file (path, owners_register, -1);

  report = import_file (f->store, path, SIGNET_CONFLICT_FAIL, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (report->contracts_added, ==, 2);

  first = signet_store_find_contract_by_number (f->store, "HT-1", NULL);
  g_assert_cmpstr (signet_contract_get_owner (first), ==, "张伟");
  g_assert_cmpuint (signet_store_count_person_contracts (f->store, signet_person_get_id (zhang)), ==, 1);
  emma = signet_store_find_person (f->store, "Emma Schmidt", &error);
  g_assert_no_error (error);
  g_assert_nonnull (emma);
  g_assert_cmpstr (signet_person_get_department (emma), ==, "Sales");
  g_assert_cmpuint (signet_store_count_person_contracts (f->store, signet_person_get_id (emma)), ==, 1);

  exported = io_export_bytes (f->store, NULL);
  g_assert_nonnull (g_strstr_len (g_bytes_get_data (exported, NULL), g_bytes_get_size (exported),
                                  "<owner>张伟</owner>"));
}

/* The disk fills up halfway through an import: a register on a tmpfs of a
 * few hundred kilobytes, mounted in a mount namespace of the test's own.
 * The error is the store's, with no place in the XML file, which is not at
 * fault; nothing is written. In a child process, which the namespace
 * leaves with. */
static void
test_import_disk_full (IoFixture     *f,
                       gconstpointer  data)
{
  g_autofree char *path = NULL;
  g_autofree char *small_dir = NULL;
  g_autofree char *small_path = NULL;
  g_autofree char *why_not = NULL;
  g_autoptr(GFile) source = NULL;
  g_autoptr(GFile) copy = NULL;
  g_autoptr(SignetStore) store = NULL;
  g_autoptr(SignetImportReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  struct stat st;

  if (!io_test_in_child ())
    return;

  if (!io_enter_mount_namespace (&why_not))
    {
      io_child_skip (why_not);
      return;
    }

  path = io_fixture_path (f, "large.xml");
  io_fill_sample_register (f->store);
  io_write_large_import (path, 4000);
  /* Closed, the register has its write-ahead log folded in. */
  g_clear_object (&f->store);

  small_dir = io_fixture_path (f, "small");
  small_path = g_build_filename (small_dir, "signet.db", NULL);
  g_assert_cmpint (g_mkdir (small_dir, 0700), ==, 0);
  g_assert_cmpint (g_stat (f->path, &st), ==, 0);
  if (!io_mount_small_disk (small_dir, st.st_size + 256 * 1024, &why_not))
    {
      io_child_skip (why_not);
      return;
    }

  source = g_file_new_for_path (f->path);
  copy = g_file_new_for_path (small_path);
  g_assert_true (g_file_copy (source, copy, G_FILE_COPY_NONE, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  store = signet_store_new (small_path, &error);
  g_assert_no_error (error);
  before = io_export_bytes (store, NULL);

  report = import_file (store, path, SIGNET_CONFLICT_FAIL, FALSE, &error);
  g_assert_null (report);
  g_assert_nonnull (error);
  g_test_message ("%s", error->message);
  g_assert_true (error->domain == SIGNET_STORE_ERROR);
  g_assert_nonnull (strstr (error->message, "full"));
  g_assert_cmpuint (signet_xml_error_get_line (error), ==, 0);
  g_assert_cmpuint (signet_xml_error_get_column (error), ==, 0);

  after = io_export_bytes (store, NULL);
  io_assert_bytes_equal (before, after);
  g_clear_object (&store);
  umount (small_dir);
}

/* A team register refuses a record in the middle of an import (here a
 * trigger refuses the audit entry of the third contract): the import
 * fails with the server's words, which name that contract; nothing is
 * written, and the same file imports whole once the refusal is gone. */
static void
test_import_server_refusal (void)
{
  g_autofree char *uri = pg_test_server_new_database ("xml_refusal");
  g_autofree char *dir = g_dir_make_tmp ("test-xml-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "refused.xml", NULL);
  g_autoptr(SignetStore) store = NULL;
  g_autoptr(SignetClient) client = NULL;
  g_autoptr(SignetImportReport) report = NULL;
  g_autoptr(GError) error = NULL;
  SignetDb *admin;

  store = signet_store_new (uri, &error);
  g_assert_no_error (error);
  client = io_add_client (store, "C001", "华东科技");
  io_write_large_import (path, 6);

  admin = signet_db_pg_open (uri, &error);
  g_assert_no_error (error);
  g_assert_cmpint (signet_db_exec (admin,
                                   "CREATE FUNCTION refuse_third () RETURNS trigger LANGUAGE plpgsql AS $$"
                                   " BEGIN RAISE EXCEPTION 'no audit of % today', NEW.record_label"
                                   " USING ERRCODE = 'check_violation'; END $$;"
                                   "CREATE TRIGGER refuse_third BEFORE INSERT ON audit FOR EACH ROW"
                                   " WHEN (NEW.record_label = 'BIG-00003') EXECUTE FUNCTION refuse_third ()"),
                   ==, SIGNET_DB_OK);

  report = import_file (store, path, SIGNET_CONFLICT_FAIL, FALSE, &error);
  g_assert_null (report);
  g_assert_nonnull (error);
  g_test_message ("%s", error->message);
  g_assert_true (error->domain == SIGNET_STORE_ERROR);
  g_assert_nonnull (strstr (error->message, "no audit of BIG-00003 today"));
  g_assert_cmpuint (signet_store_count_contracts (store), ==, 0);

  g_assert_cmpint (signet_db_exec (admin, "DROP TRIGGER refuse_third ON audit"), ==, SIGNET_DB_OK);
  signet_db_close (admin);
  g_clear_error (&error);
  report = import_file (store, path, SIGNET_CONFLICT_FAIL, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (report->contracts_added, ==, 6);
  g_assert_cmpuint (signet_store_count_contracts (store), ==, 6);

  g_clear_object (&store);
  unit_remove_tree (dir);
}

/* The best of three imports of @path, each into a new register whose
 * calendar index is made, as in one the app has shown; @n_key_dates are
 * added, and each has its event in the index. */
static double
time_key_dates_import (IoFixture  *f,
                       const char *path,
                       guint       n_key_dates)
{
  double best = G_MAXDOUBLE;

  for (guint run = 0; run < 3; run++)
    {
      g_autofree char *base = g_path_get_basename (path);
      g_autofree char *name = g_strdup_printf ("%s-%u.db", base, run);
      g_autoptr(SignetStore) store = io_fixture_open_store (f, name);
      g_autoptr(SignetImportReport) report = NULL;
      g_autoptr(GPtrArray) events = NULL;
      g_autoptr(GError) error = NULL;
      guint n_events = 0;
      gint64 started;

      g_assert_true (signet_store_update_events (store, &error));
      g_assert_no_error (error);

      started = g_get_monotonic_time ();
      report = import_file (store, path, SIGNET_CONFLICT_FAIL, FALSE, &error);
      best = MIN (best, (g_get_monotonic_time () - started) / (double) G_USEC_PER_SEC);
      g_assert_no_error (error);
      g_assert_cmpuint (report->key_dates_added, ==, n_key_dates);

      events = signet_store_list_events (store, "2026-01-01", "2034-12-31", &error);
      g_assert_no_error (error);
      for (guint i = 0; i < events->len; i++)
        n_events += signet_event_get_key_date_id (g_ptr_array_index (events, i)) != 0;
      g_assert_cmpuint (n_events, ==, n_key_dates);
    }

  return best;
}

/* An import's time grows with its key dates, not with their square (each
 * was compared with all the contract had, and the contract's events made
 * again for each: 10,000 took 44 s). Linear, 10,000 key dates in one
 * contract take about five times as long as 2,000, and as long as 20
 * contracts of 500; the margins are wide, for a shared machine. */
static void
test_import_key_dates_linear (IoFixture     *f,
                              gconstpointer  data)
{
  g_autofree char *small = io_fixture_path (f, "1-x-2000.xml");
  g_autofree char *large = io_fixture_path (f, "1-x-10000.xml");
  g_autofree char *spread = io_fixture_path (f, "20-x-500.xml");
  double t_small, t_large, t_spread;

  io_write_key_dates_import (small, 1, 2000);
  io_write_key_dates_import (large, 1, 10000);
  io_write_key_dates_import (spread, 20, 500);

  t_small = time_key_dates_import (f, small, 2000);
  t_large = time_key_dates_import (f, large, 10000);
  t_spread = time_key_dates_import (f, spread, 10000);
  g_test_message ("1 × 2,000: %.3f s; 1 × 10,000: %.3f s; 20 × 500: %.3f s", t_small, t_large, t_spread);

  g_assert_cmpfloat (t_large / t_small, <, 12.0);
  g_assert_cmpfloat (t_large / t_spread, <, 3.0);
}

/* @n contracts numbered @prefix and a counter. */
static void
write_numbered_contracts (const char *path,
                          const char *prefix,
                          guint       n)
{
  g_autoptr(GString) text = g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                                          "<register xmlns=\"" SIGNET_XML_NAMESPACE "\" version=\"1\">\n"
                                          "  <contracts>\n");

  for (guint i = 0; i < n; i++)
    g_string_append_printf (text,
                            "    <contract number=\"%s%05u\" client=\"C001\">\n"
                            "      <title>Contract</title>\n"
                            "      <value currency=\"CNY\">1.00</value>\n"
                            "      <status>active</status>\n"
                            "    </contract>\n", prefix, i);
  g_string_append (text, "  </contracts>\n</register>\n");
  io_write_file (path, text->str, text->len);
}

static double
time_import (IoFixture  *f,
             const char *path)
{
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *name = g_strconcat (base, ".db", NULL);
  g_autoptr(SignetStore) store = io_fixture_open_store (f, name);
  g_autoptr(SignetImportReport) report = NULL;
  g_autoptr(SignetClient) client = io_add_client (store, "C001", "Client");
  g_autoptr(GError) error = NULL;
  gint64 started;

  started = g_get_monotonic_time ();
  report = import_file (store, path, SIGNET_CONFLICT_FAIL, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (report->contracts_added, ==, 3000);

  return (g_get_monotonic_time () - started) / (double) G_USEC_PER_SEC;
}

/* Contract numbers of a hundred Chinese characters (300 bytes, within the
 * limit of 255 characters) import as fast as short ones: the limit's
 * check looks into the file only for a number it refuses. */
static void
test_import_long_keys (IoFixture     *f,
                       gconstpointer  data)
{
  g_autofree char *short_path = io_fixture_path (f, "short.xml");
  g_autofree char *long_path = io_fixture_path (f, "long.xml");
  g_autoptr(GString) prefix = g_string_new (NULL);
  double t_short, t_long;

  for (guint i = 0; i < 25; i++)
    g_string_append (prefix, "合同编号");
  write_numbered_contracts (short_path, "HT-", 3000);
  write_numbered_contracts (long_path, prefix->str, 3000);

  t_short = time_import (f, short_path);
  t_long = time_import (f, long_path);
  g_test_message ("3,000 contracts: %.3f s with short numbers, %.3f s with 105 characters", t_short, t_long);
  /* Read for every number, the file made it 70 times slower (8.6 s). */
  g_assert_cmpfloat (t_long, <, 10 * t_short + 0.5);
}

typedef struct
{
  GMainLoop          *loop;
  SignetImportReport *report;
  GError             *error;
  guint               n_progress;
  double              last_fraction;
  guint               n_told;   /* "changed" and "reset" of the caller's store */
} AsyncState;

static void
async_progress_cb (double   fraction,
                   gpointer user_data)
{
  AsyncState *state = user_data;

  g_assert_cmpfloat (fraction, >=, state->last_fraction);
  state->last_fraction = fraction;
  state->n_progress++;
}

static void
import_finished_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  AsyncState *state = user_data;

  state->report = signet_xml_import_finish (SIGNET_STORE (source), result, &state->error);
  g_main_loop_quit (state->loop);
}

static void
export_finished_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  AsyncState *state = user_data;

  g_assert_true (signet_xml_export_finish (SIGNET_STORE (source), result, &state->error));
  g_main_loop_quit (state->loop);
}

static void
store_reset_cb (SignetStore *store,
                gpointer     user_data)
{
  AsyncState *state = user_data;

  state->n_told++;
}

static void
store_changed_cb (SignetStore      *store,
                  SignetRecordKind  kind,
                  gint64            id,
                  SignetChangeKind  change,
                  gpointer          user_data)
{
  AsyncState *state = user_data;

  state->n_told++;
}

/* The threaded API: progress in the caller's thread, the caller's store
 * told what the import wrote after a real import (a change per record,
 * or one reset for many), not after a dry run. */
static void
test_async (IoFixture     *f,
            gconstpointer  data)
{
  g_autoptr(SignetStore) copy = io_fixture_open_store (f, "copy.db");
  g_autofree char *path = io_fixture_path (f, "register.xml");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GBytes) first = NULL;
  g_autoptr(GBytes) second = NULL;
  SignetImportOptions options = { SIGNET_CONFLICT_FAIL, TRUE };
  AsyncState state = { 0 };

  state.loop = g_main_loop_new (NULL, FALSE);
  io_fill_sample_register (f->store);
  g_signal_connect (copy, "reset", G_CALLBACK (store_reset_cb), &state);
  g_signal_connect (copy, "changed", G_CALLBACK (store_changed_cb), &state);

  signet_xml_export_async (f->store, file, NULL, SIGNET_EXPORT_FLAGS_NONE, NULL, async_progress_cb, &state, NULL,
                           export_finished_cb, &state);
  g_main_loop_run (state.loop);
  g_assert_no_error (state.error);
  g_assert_cmpuint (state.n_progress, >=, 2);
  g_assert_cmpfloat (state.last_fraction, ==, 1.0);

  state.n_progress = 0;
  state.last_fraction = 0;
  signet_xml_import_async (copy, file, &options, NULL, async_progress_cb, &state, NULL,
                           import_finished_cb, &state);
  g_main_loop_run (state.loop);
  g_assert_no_error (state.error);
  g_assert_true (state.report->dry_run);
  g_assert_cmpuint (state.report->contracts_added, ==, 4 + SIGNET_N_CONTRACT_STATUSES);
  g_assert_cmpuint (state.n_told, ==, 0);
  g_assert_cmpuint (signet_store_count_contracts (copy), ==, 0);
  g_clear_pointer (&state.report, signet_import_report_free);

  options.dry_run = FALSE;
  state.last_fraction = 0;
  signet_xml_import_async (copy, file, &options, NULL, async_progress_cb, &state, NULL,
                           import_finished_cb, &state);
  g_main_loop_run (state.loop);
  g_assert_no_error (state.error);
  g_assert_cmpuint (state.n_told, >, 0);
  g_assert_cmpuint (signet_store_count_contracts (copy), ==, 4 + SIGNET_N_CONTRACT_STATUSES);
  g_clear_pointer (&state.report, signet_import_report_free);

  first = io_export_bytes (f->store, NULL);
  second = io_export_bytes (copy, NULL);
  io_assert_bytes_equal (first, second);

  g_main_loop_unref (state.loop);
}

/* Cancel halfway through an import: an error, and nothing written. */
static void
test_import_cancel (IoFixture     *f,
                    gconstpointer  data)
{
  g_autoptr(SignetStore) copy = io_fixture_open_store (f, "copy.db");
  g_autofree char *path = io_fixture_path (f, "register.xml");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(SignetClient) client = NULL;
  g_autoptr(GError) error = NULL;
  SignetImportOptions options = { SIGNET_CONFLICT_FAIL, FALSE };
  SignetImportReport *report = NULL;

  client = io_add_client (f->store, "C1", "Client");
  for (guint i = 0; i < 3000; i++)
    {
      g_autofree char *number = g_strdup_printf ("N-%05u", i);
      g_autoptr(SignetContract) contract = unit_add_contract (f->store, client, number, "A contract with a title");
    }
  export_file (f->store, path);

  g_assert_false (signet_xml_import (copy, file, &options, &report, cancellable,
                                     cancel_halfway_cb, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (report);
  g_assert_cmpuint (signet_store_count_contracts (copy), ==, 0);
  g_assert_null (signet_store_find_client_by_code (copy, "C1", NULL));
}

/* The complete example of docs/xml-format.md imports as the page says. */
static void
test_documented_example (IoFixture     *f,
                         gconstpointer  data)
{
  g_autofree char *doc_path = g_build_filename (SIGNET_SOURCE_DIR, "docs", "xml-format.md", NULL);
  g_autofree char *xml_path = io_fixture_path (f, "example.xml");
  g_autofree char *doc = NULL;
  g_autofree char *example = NULL;
  g_autoptr(SignetImportReport) report = NULL;
  g_autoptr(GError) error = NULL;
  const char *start;
  const char *end;

  g_assert_true (g_file_get_contents (doc_path, &doc, NULL, NULL));
  start = strstr (doc, "```xml\n");
  g_assert_nonnull (start);
  start += strlen ("```xml\n");
  end = strstr (start, "```");
  g_assert_nonnull (end);
  example = g_strndup (start, end - start);
  io_write_file (xml_path, example, -1);

  report = import_file (f->store, xml_path, SIGNET_CONFLICT_FAIL, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (report->clients_added, ==, 2);
  g_assert_cmpuint (report->contracts_added, ==, 2);
  g_assert_cmpuint (report->attachments_added, ==, 1);
  g_assert_cmpuint (report->annotations_added, ==, 2);
  g_assert_cmpuint (report->key_dates_added, ==, 2);
  g_assert_cmpuint (report->reviews_added, ==, 1);
  g_assert_cmpuint (report->reminders_changed, ==, 1);
  g_assert_cmpuint (report->people_added, ==, 2);
  g_assert_cmpuint (report->types_added, ==, 1);
  g_assert_cmpuint (report->routes_added, ==, 1);
  g_assert_true (report->rules_set);
  g_assert_cmpuint (report->steps_added, ==, 3);
  g_assert_cmpuint (report->amendments_added, ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/xml/round-trip", IoFixture, NULL, io_fixture_set_up, test_round_trip, io_fixture_tear_down);
  g_test_add ("/xml/export/format", IoFixture, NULL, io_fixture_set_up, test_export_format, io_fixture_tear_down);
  g_test_add ("/xml/confidential", IoFixture, NULL, io_fixture_set_up, test_confidential, io_fixture_tear_down);
  g_test_add ("/xml/export/search", IoFixture, NULL, io_fixture_set_up, test_export_search, io_fixture_tear_down);
  g_test_add ("/xml/export/atomic", IoFixture, NULL, io_fixture_set_up, test_export_atomic, io_fixture_tear_down);
  g_test_add ("/xml/export/left-temporary-files", IoFixture, NULL, io_fixture_set_up,
              test_export_left_temporary_files, io_fixture_tear_down);
  g_test_add ("/xml/export/unwritable", IoFixture, NULL, io_fixture_set_up, test_export_unwritable, io_fixture_tear_down);
  g_test_add_func ("/xml/import/conflict-list", test_import_conflict_list);
  g_test_add ("/xml/import/conflicts", IoFixture, NULL, io_fixture_set_up, test_import_conflicts, io_fixture_tear_down);
  g_test_add ("/xml/import/spaced-keys", IoFixture, NULL, io_fixture_set_up, test_import_spaced_keys,
              io_fixture_tear_down);
  g_test_add ("/xml/import/disk-full", IoFixture, NULL, io_fixture_set_up, test_import_disk_full,
              io_fixture_tear_down);
  g_test_add ("/xml/import/key-dates-linear", IoFixture, NULL, io_fixture_set_up, test_import_key_dates_linear,
              io_fixture_tear_down);
  g_test_add ("/xml/import/long-keys", IoFixture, NULL, io_fixture_set_up, test_import_long_keys, io_fixture_tear_down);
  g_test_add ("/xml/import/cancel", IoFixture, NULL, io_fixture_set_up, test_import_cancel, io_fixture_tear_down);
  g_test_add ("/xml/import/owners", IoFixture, NULL, io_fixture_set_up, test_import_owners, io_fixture_tear_down);
  g_test_add_func ("/xml/import/server-refusal", test_import_server_refusal);
  g_test_add ("/xml/documented-example", IoFixture, NULL, io_fixture_set_up, test_documented_example, io_fixture_tear_down);
  g_test_add ("/xml/async", IoFixture, NULL, io_fixture_set_up, test_async, io_fixture_tear_down);

  return g_test_run ();
}
