/* SPDX-License-Identifier: GPL-3.0-or-later */

/* signet --export / --import as a user runs them: the built binary,
 * without a display, its exit status, its standard output and error, and
 * the register before and after. */

#include "config.h"

#include <locale.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "io-test-utils.h"
#include "signet-demo.h"

static char *
option (const char *name,
        const char *value)
{
  return g_strdup_printf ("--%s=%s", name, value);
}

static GBytes *
read_bytes (const char *path)
{
  g_autofree char *contents = NULL;
  gsize len;

  g_assert_true (g_file_get_contents (path, &contents, &len, NULL));

  return g_bytes_new_take (g_steal_pointer (&contents), len);
}

/* The demo register: export, import into a new register (--create: the
 * command line makes none unasked), export again, through the command
 * line; the same bytes. */
static void
test_demo_round_trip (IoFixture     *f,
                      gconstpointer  data)
{
  g_autofree char *db = option ("database", f->path);
  g_autofree char *copy_path = io_fixture_path (f, "copy.db");
  g_autofree char *copy_db = option ("database", copy_path);
  g_autofree char *first_path = io_fixture_path (f, "first.xml");
  g_autofree char *second_path = io_fixture_path (f, "second.xml");
  g_autofree char *export_first = option ("export", first_path);
  g_autofree char *export_second = option ("export", second_path);
  g_autofree char *import_first = option ("import", first_path);
  g_autoptr(GBytes) first = NULL;
  g_autoptr(GBytes) second = NULL;
  g_autoptr(GBytes) piped = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(IoRun) run = { 0 };

  g_assert_true (signet_demo_fill (f->store, &error));
  g_assert_no_error (error);
  g_clear_object (&f->store);

  io_run_signet (&run, SIGNET_BINARY, db, export_first, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");

  io_run_signet (&run, SIGNET_BINARY, copy_db, import_first, "--create", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_str_has_prefix (run.out, "Clients: "));

  io_run_signet (&run, SIGNET_BINARY, copy_db, export_second, NULL);
  g_assert_cmpint (run.status, ==, 0);

  first = read_bytes (first_path);
  second = read_bytes (second_path);
  io_assert_bytes_equal (first, second);

  /* "-" is standard output, the same bytes. */
  io_run_signet (&run, SIGNET_BINARY, copy_db, "--export=-", NULL);
  g_assert_cmpint (run.status, ==, 0);
  piped = g_bytes_new (run.out, strlen (run.out));
  io_assert_bytes_equal (first, piped);

  /* A second import finds everything unchanged. */
  io_run_signet (&run, SIGNET_BINARY, copy_db, import_first, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "0 new, 0 updated"));
}

static void
test_bad_input (IoFixture     *f,
                gconstpointer  data)
{
  g_autofree char *db = option ("database", f->path);
  g_autofree char *bad_path = io_fixture_path (f, "bad.xml");
  g_autofree char *import_bad = option ("import", bad_path);
  g_autofree char *expected = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_auto(IoRun) run = { 0 };

  io_fill_sample_register (f->store);
  before = io_export_bytes (f->store, NULL);
  io_write_file (bad_path,
                 "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                 "<register xmlns=\"" SIGNET_XML_NAMESPACE "\" version=\"1\">\n"
                 "  <contracts>\n"
                 "    <contract number=\"N-1\" client=\"C001\">\n"
                 "      <title>Lease</title>\n"
                 "      <value currency=\"CNY\">-5</value>\n"
                 "      <status>active</status>\n"
                 "    </contract>\n"
                 "  </contracts>\n"
                 "</register>\n", -1);

  io_run_signet (&run, SIGNET_BINARY, db, import_bad, NULL);
  g_assert_cmpint (run.status, ==, 1);
  expected = g_strdup_printf ("%s:6:29: The amount “-5” is negative; a contract value cannot be below zero.\n",
                              bad_path);
  g_assert_cmpstr (run.err, ==, expected);
  g_assert_cmpstr (run.out, ==, "");

  io_run_signet (&run, SIGNET_BINARY, db, import_bad, "--dry-run", NULL);
  g_assert_cmpint (run.status, ==, 1);

  after = io_export_bytes (f->store, NULL);
  io_assert_bytes_equal (before, after);
}

/* A record already there with other details: the default stops, skip
 * and update go on; a dry run reports and writes nothing. */
static void
test_conflicts (IoFixture     *f,
                gconstpointer  data)
{
  g_autofree char *db = option ("database", f->path);
  g_autofree char *path = io_fixture_path (f, "changed.xml");
  g_autofree char *import = option ("import", path);
  g_autofree char *expected = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autoptr(SignetContract) contract = NULL;
  g_auto(IoRun) run = { 0 };

  io_fill_sample_register (f->store);
  before = io_export_bytes (f->store, NULL);
  io_write_file (path,
                 "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                 "<register xmlns=\"" SIGNET_XML_NAMESPACE "\" version=\"1\">\n"
                 "  <contracts>\n"
                 "    <contract number=\"KW-1\" client=\"ACME-01\">\n"
                 "      <title>Maintenance, renewed</title>\n"
                 "      <value currency=\"KWD\">2.500</value>\n"
                 "      <status>renewed</status>\n"
                 "    </contract>\n"
                 "  </contracts>\n"
                 "</register>\n", -1);

  io_run_signet (&run, SIGNET_BINARY, db, import, NULL);
  g_assert_cmpint (run.status, ==, 1);
  expected = g_strdup_printf ("%s:4:23: The contract KW-1 is already in the register with other details. "
                              "Nothing was imported; choose to skip or to update existing records to "
                              "import this file.\n", path);
  g_assert_cmpstr (run.err, ==, expected);

  io_run_signet (&run, SIGNET_BINARY, db, import, "--dry-run", "--on-conflict=update", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==,
                   "Nothing was written. This is what the import would do:\n"
                   "Clients: 0 new, 0 updated, 0 unchanged, 0 skipped.\n"
                   "Contracts: 0 new, 1 updated, 0 unchanged, 0 skipped.\n"
                   "1 record of the file is already in the register with other details: KW-1. "
                   "They take the details from the file.\n");
  after = io_export_bytes (f->store, NULL);
  io_assert_bytes_equal (before, after);

  io_run_signet (&run, SIGNET_BINARY, db, import, "--on-conflict=skip", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_clear_pointer (&after, g_bytes_unref);
  after = io_export_bytes (f->store, NULL);
  io_assert_bytes_equal (before, after);

  io_run_signet (&run, SIGNET_BINARY, db, import, "--on-conflict=update", NULL);
  g_assert_cmpint (run.status, ==, 0);
  contract = signet_store_find_contract_by_number (f->store, "KW-1", NULL);
  g_assert_cmpstr (signet_contract_get_title (contract), ==, "Maintenance, renewed");
}

/* The message of the register's own trouble, as `signet --import` prints
 * it: the store's words alone, on one line. Neither the XML file's name
 * nor a line and column, as if the file were at fault. */
static void
assert_register_error (const IoRun *run,
                       const char  *xml_path)
{
  g_assert_cmpint (run->status, ==, 1);
  g_assert_cmpstr (run->out, ==, "");
  g_assert_null (strstr (run->err, xml_path));
  g_assert_null (strstr (run->err, ".xml:"));
  /* One line. */
  g_assert_true (g_str_has_suffix (run->err, "\n"));
  g_assert_null (memchr (run->err, '\n', strlen (run->err) - 1));
}

/* Another program holds the register's write lock, as sqlite3 does inside
 * BEGIN IMMEDIATE: the import waits for it, then gives up with the
 * store's message, the one any write to the register gives. */
static void
test_busy (IoFixture     *f,
           gconstpointer  data)
{
  g_autofree char *db = option ("database", f->path);
  g_autofree char *path = io_fixture_path (f, "large.xml");
  g_autofree char *import = option ("import", path);
  g_autofree char *expected = NULL;
  g_autoptr(SignetStore) second = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_auto(IoRun) run = { 0 };
  sqlite3 *holder = NULL;

  io_fill_sample_register (f->store);
  io_write_large_import (path, 10);
  before = io_export_bytes (f->store, NULL);

  g_assert_cmpint (sqlite3_open_v2 (f->path, &holder, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (holder, "BEGIN IMMEDIATE", NULL, NULL, NULL), ==, SQLITE_OK);

  /* What the store says when it cannot write for the lock. */
  second = signet_store_new (f->path, &error);
  g_assert_no_error (error);
  g_assert_false (signet_store_begin_batch (second, &error));
  g_assert_error (error, SIGNET_STORE_ERROR, SIGNET_STORE_ERROR_BUSY);
  expected = g_strconcat (error->message, "\n", NULL);

  io_run_signet (&run, SIGNET_BINARY, db, import, NULL);
  g_test_message ("%s", run.err);
  assert_register_error (&run, path);
  g_assert_cmpstr (run.err, ==, expected);

  g_assert_cmpint (sqlite3_exec (holder, "ROLLBACK", NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_close (holder), ==, SQLITE_OK);
  after = io_export_bytes (f->store, NULL);
  io_assert_bytes_equal (before, after);
}

/* The disk fills up halfway through an import: the register on a tmpfs a
 * little larger than itself, in a mount namespace of the test's own
 * (unshare(1)). The import stops with the store's message about the disk;
 * an export before and after is the same. */
static void
test_disk_full (IoFixture     *f,
                gconstpointer  data)
{
  const char *script =
    "set -e\n"
    "mount -t tmpfs -o size=$3,mode=0700 tmpfs \"$2/small\"\n"
    "cp \"$2/signet.db\" \"$2/small/signet.db\"\n"
    "\"$1\" --database=\"$2/small/signet.db\" --export=\"$2/before.xml\"\n"
    "status=0\n"
    "\"$1\" --database=\"$2/small/signet.db\" --import=\"$2/large.xml\" >\"$2/out.txt\" 2>\"$2/err.txt\" || status=$?\n"
    "echo $status >\"$2/status.txt\"\n"
    "\"$1\" --database=\"$2/small/signet.db\" --export=\"$2/after.xml\"\n";
  g_autofree char *unshare = g_find_program_in_path ("unshare");
  g_autofree char *path = io_fixture_path (f, "large.xml");
  g_autofree char *small = io_fixture_path (f, "small");
  g_autofree char *size = NULL;
  g_autofree char *status_path = io_fixture_path (f, "status.txt");
  g_autofree char *out_path = io_fixture_path (f, "out.txt");
  g_autofree char *err_path = io_fixture_path (f, "err.txt");
  g_autofree char *before_path = io_fixture_path (f, "before.xml");
  g_autofree char *after_path = io_fixture_path (f, "after.xml");
  g_autofree char *status = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_auto(IoRun) run = { 0 };
  g_auto(IoRun) import = { 0 };
  struct stat st;

  if (unshare == NULL)
    {
      g_test_skip ("unshare(1) is not installed, so no tmpfs can be mounted for the test");
      return;
    }

  io_fill_sample_register (f->store);
  io_write_large_import (path, 4000);
  /* Closed, the register has its write-ahead log folded in. */
  g_clear_object (&f->store);
  g_assert_cmpint (g_mkdir (small, 0700), ==, 0);
  g_assert_cmpint (g_stat (f->path, &st), ==, 0);
  size = g_strdup_printf ("%" G_GINT64_FORMAT, (gint64) st.st_size + 256 * 1024);

  io_run_signet (&run, unshare, "--user", "--map-root-user", "--mount", "sh", "-c", script, "sh",
                 SIGNET_BINARY, f->dir, size, NULL);
  if (run.status != 0 && !g_file_test (status_path, G_FILE_TEST_EXISTS))
    {
      g_autofree char *reason = g_strdup_printf ("no tmpfs could be mounted in a namespace: %s", run.err);

      g_test_skip (reason);
      return;
    }
  g_assert_cmpint (run.status, ==, 0);

  g_assert_true (g_file_get_contents (status_path, &status, NULL, NULL));
  g_assert_true (g_file_get_contents (out_path, &import.out, NULL, NULL));
  g_assert_true (g_file_get_contents (err_path, &import.err, NULL, NULL));
  import.status = atoi (status);
  g_test_message ("%s", import.err);
  assert_register_error (&import, path);
  g_assert_nonnull (strstr (import.err, "full"));

  before = read_bytes (before_path);
  after = read_bytes (after_path);
  io_assert_bytes_equal (before, after);
}

/* The temporary files of @dir, ".register.xml.XXXXXXXX.part". */
static guint
count_temporary_files (const char *dir)
{
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  const char *name;
  guint n = 0;

  while ((name = g_dir_read_name (listing)) != NULL)
    n += g_str_has_prefix (name, ".register.xml.") && g_str_has_suffix (name, ".part");

  return n;
}

/* `kill -9` halfway through an export leaves its hidden temporary file;
 * the next export to the folder removes it, and writes the file whole. */
static void
test_export_killed (IoFixture     *f,
                    gconstpointer  data)
{
  g_autofree char *db = option ("database", f->path);
  g_autofree char *dir = io_fixture_path (f, "out");
  g_autofree char *path = g_build_filename (dir, "register.xml", NULL);
  g_autofree char *export = option ("export", path);
  g_autofree char *large = io_fixture_path (f, "large.xml");
  g_autoptr(GBytes) expected = NULL;
  g_autoptr(GBytes) written = NULL;
  g_autoptr(SignetImportReport) report = NULL;
  g_autoptr(GFile) large_file = g_file_new_for_path (large);
  g_autoptr(GError) error = NULL;
  g_auto(IoRun) run = { 0 };
  SignetImportOptions options = { SIGNET_CONFLICT_FAIL, FALSE };
  const char *argv[] = { SIGNET_BINARY, db, export, NULL };
  gint64 deadline;
  GPid pid;
  int status;

  /* A register that takes a moment to export. */
  io_fill_sample_register (f->store);
  io_write_large_import (large, 4000);
  g_assert_true (signet_xml_import (f->store, large_file, &options, &report, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  expected = io_export_bytes (f->store, NULL);
  g_assert_cmpint (g_mkdir (dir, 0700), ==, 0);

  g_assert_true (g_spawn_async (NULL, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_STDOUT_TO_DEV_NULL,
                                NULL, NULL, &pid, &error));
  g_assert_no_error (error);
  deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;
  while (count_temporary_files (dir) == 0 && g_get_monotonic_time () < deadline)
    g_usleep (500);
  g_assert_cmpint (kill (pid, SIGKILL), ==, 0);
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_spawn_close_pid (pid);
  g_assert_true (WIFSIGNALED (status));
  g_assert_cmpuint (count_temporary_files (dir), ==, 1);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  io_run_signet (&run, SIGNET_BINARY, db, export, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_cmpuint (count_temporary_files (dir), ==, 0);
  written = read_bytes (path);
  io_assert_bytes_equal (expected, written);
}

static void
test_usage_errors (IoFixture     *f,
                   gconstpointer  data)
{
  g_autofree char *db = option ("database", f->path);
  g_autofree char *missing_path = io_fixture_path (f, "missing.db");
  g_autofree char *missing_db = option ("database", missing_path);
  g_autofree char *expected = NULL;
  g_auto(IoRun) run = { 0 };

  io_run_signet (&run, SIGNET_BINARY, db, "--export=a.xml", "--import=b.xml", NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_true (g_str_has_prefix (run.err, "signet: Choose either --export or --import, not both.\n"));

  io_run_signet (&run, SIGNET_BINARY, db, "--dry-run", NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_true (g_str_has_prefix (run.err, "signet: --dry-run and --on-conflict go with --import.\n"));

  io_run_signet (&run, SIGNET_BINARY, db, "--import=x.xml", "--on-conflict=maybe", NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_true (g_str_has_prefix (run.err, "signet: “maybe” is not a choice for --on-conflict: "
                                            "use skip, update or fail.\n"));

  io_run_signet (&run, SIGNET_BINARY, db, "--import=-", NULL);
  g_assert_cmpint (run.status, ==, 2);

  /* A mistyped option is a usage error too. */
  io_run_signet (&run, SIGNET_BINARY, db, "--exprot=a.xml", NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_nonnull (strstr (run.err, "--exprot"));

  /* No command creates a register from a mistyped name. */
  expected = g_strdup_printf ("There is no register “%s”: the file does not exist.\n", missing_path);
  io_run_signet (&run, SIGNET_BINARY, missing_db, "--export=-", NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_cmpstr (run.err, ==, expected);
  io_run_signet (&run, SIGNET_BINARY, missing_db, "--import=/nonexistent/register.xml", NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_cmpstr (run.err, ==, expected);
  io_run_signet (&run, SIGNET_BINARY, missing_db, "--import=/nonexistent/register.xml", "--dry-run", "--create", NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_true (g_str_has_prefix (run.err, "signet: --create goes with --import, without --dry-run.\n"));
  g_assert_false (g_file_test (missing_path, G_FILE_TEST_EXISTS));

  /* A file that is not there is invalid input, not a usage error. */
  io_run_signet (&run, SIGNET_BINARY, db, "--import=/nonexistent/register.xml", NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_true (g_str_has_prefix (run.err, "/nonexistent/register.xml: "));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/io-cli/demo-round-trip", IoFixture, NULL, io_fixture_set_up, test_demo_round_trip, io_fixture_tear_down);
  g_test_add ("/io-cli/bad-input", IoFixture, NULL, io_fixture_set_up, test_bad_input, io_fixture_tear_down);
  g_test_add ("/io-cli/conflicts", IoFixture, NULL, io_fixture_set_up, test_conflicts, io_fixture_tear_down);
  g_test_add ("/io-cli/export-killed", IoFixture, NULL, io_fixture_set_up, test_export_killed, io_fixture_tear_down);
  g_test_add ("/io-cli/busy", IoFixture, NULL, io_fixture_set_up, test_busy, io_fixture_tear_down);
  g_test_add ("/io-cli/disk-full", IoFixture, NULL, io_fixture_set_up, test_disk_full, io_fixture_tear_down);
  g_test_add ("/io-cli/usage-errors", IoFixture, NULL, io_fixture_set_up, test_usage_errors, io_fixture_tear_down);

  return g_test_run ();
}
