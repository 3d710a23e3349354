/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The commands that only read a register (--export, --export-ics,
 * --export-xlsx, an
 * import's --dry-run and the import dialog's check) as a user runs them:
 * the built binary, on a healthy, a damaged, an empty, a missing, a
 * read-only register and one in a read-only folder. Each leaves every
 * byte of the register as it was and takes no write lock; each failure
 * says its true cause (a full disk, a folder, a missing client). */

#include "config.h"

#include <locale.h>
#include <pwd.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "io-test-utils.h"
#include "register-snapshot.h"

typedef enum
{
  REGISTER_HEALTHY,
  REGISTER_DAMAGED,
  REGISTER_EMPTY,
  REGISTER_MISSING,
  REGISTER_READ_ONLY_FILE,
  REGISTER_READ_ONLY_FOLDER,
} RegisterKind;

static const char * const kind_names[] = {
  "healthy", "damaged", "empty", "missing", "read-only file", "read-only folder",
};

/* Permissions only stop a user who is not root: run as root (as CI does),
 * the binary runs as nobody for the cases that depend on them. */
typedef struct
{
  char  *setpriv;     /* NULL when the binary runs as this user */
  uid_t  uid;
  gid_t  gid;
} Runner;

static gboolean
runner_init (Runner  *runner,
             char   **why_not)
{
  struct passwd *nobody;

  runner->setpriv = NULL;
  runner->uid = getuid ();
  runner->gid = getgid ();

  if (geteuid () != 0)
    return TRUE;

  nobody = getpwnam ("nobody");
  runner->setpriv = g_find_program_in_path ("setpriv");
  if (nobody == NULL || runner->setpriv == NULL)
    {
      *why_not = g_strdup ("running as root without setpriv or a user nobody: "
                           "permissions would not stop the binary");
      return FALSE;
    }

  runner->uid = nobody->pw_uid;
  runner->gid = nobody->pw_gid;

  return TRUE;
}

static void
runner_clear (Runner *runner)
{
  g_clear_pointer (&runner->setpriv, g_free);
}

/* Runs the binary with one register option and one command. */
static void
run_as (Runner     *runner,
        IoRun      *run,
        const char *database,
        const char *command,
        const char *extra)
{
  g_autofree char *db_option = g_strdup_printf ("--database=%s", database);

  if (runner->setpriv != NULL)
    {
      g_autofree char *reuid = g_strdup_printf ("--reuid=%u", (guint) runner->uid);
      g_autofree char *regid = g_strdup_printf ("--regid=%u", (guint) runner->gid);

      io_run_signet (run, runner->setpriv, reuid, regid, "--clear-groups", SIGNET_BINARY,
                     db_option, command, extra, NULL);
    }
  else
    io_run_signet (run, SIGNET_BINARY, db_option, command, extra, NULL);
}

/* Every file and folder below @path made the runner's, so that its
 * permissions, not root's, decide. */
static void
give_to_runner (Runner     *runner,
                const char *path)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  if (runner->setpriv == NULL)
    return;

  g_assert_cmpint (lchown (path, runner->uid, runner->gid), ==, 0);

  dir = g_dir_open (path, 0, NULL);
  if (dir == NULL)
    return;

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      give_to_runner (runner, child);
    }
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir == NULL)
    {
      g_remove (path);
      return;
    }

  g_chmod (path, 0700);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      remove_tree (child);
    }

  g_rmdir (path);
}

static void
exec_raw (const char *path,
          const char *sql)
{
  sqlite3 *db = NULL;
  char *message = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
  sqlite3_close (db);
}

/* The sample register, closed, with its index of dates unmade, as a
 * register imported in a batch has it: the first reader of dates makes it. */
static void
make_register (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SignetStore) store = signet_store_new (path, &error);

  g_assert_no_error (error);
  io_fill_sample_register (store);
  g_clear_object (&store);

  exec_raw (path, "DELETE FROM contract_events");
}

/* Garbage over every page after the first: the schema reads, every
 * table fails. */
static void
damage_register (const char *path)
{
  g_autofree char *contents = NULL;
  gsize len;

  g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
  g_assert_cmpuint (len, >, 8192);
  for (gsize i = 4096; i < len; i++)
    contents[i] = (char) (0xa5 ^ (i * 7));
  g_assert_true (g_file_set_contents (path, contents, len, NULL));
}

/* A folder holding the register of @kind, at *@path. */
static char *
make_case (Runner       *runner,
           const char   *dir,
           RegisterKind  kind,
           char        **path)
{
  g_autofree char *name = g_strdup_printf ("case-%d", kind);
  char *folder = g_build_filename (dir, name, NULL);

  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  *path = g_build_filename (folder, "r.db", NULL);

  switch (kind)
    {
    case REGISTER_HEALTHY:
    case REGISTER_READ_ONLY_FILE:
    case REGISTER_READ_ONLY_FOLDER:
      make_register (*path);
      break;

    case REGISTER_DAMAGED:
      make_register (*path);
      damage_register (*path);
      break;

    case REGISTER_EMPTY:
      g_assert_true (g_file_set_contents (*path, "", 0, NULL));
      break;

    case REGISTER_MISSING:
      break;

    default:
      g_assert_not_reached ();
    }

  give_to_runner (runner, folder);

  if (kind == REGISTER_READ_ONLY_FILE)
    g_assert_cmpint (g_chmod (*path, 0400), ==, 0);
  if (kind == REGISTER_READ_ONLY_FOLDER)
    g_assert_cmpint (g_chmod (folder, 0500), ==, 0);

  return folder;
}

static void
keep_result_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static void
assert_err_has (const IoRun *run,
                const char  *part)
{
  if (strstr (run->err, part) == NULL)
    g_error ("the error “%s” lacks “%s”", run->err, part);
}

/* Each read-only command on each kind of register: what it says, and that
 * the register is as it was. Before, --export-ics made the index of dates
 * in the register (in a damaged one too, before it failed), --export on an
 * empty file made it a register, a dry run wrote into the register and
 * rolled back, and a read-only register or folder could not be exported. */
static void
test_commands_change_nothing (IoFixture     *f,
                              gconstpointer  data)
{
  g_autofree char *import_path = io_fixture_path (f, "import.xml");
  g_autofree char *import_option = g_strdup_printf ("--import=%s", import_path);
  /* The workbook goes to a folder anyone may write, the runner included. */
  g_autofree char *xlsx_folder = io_fixture_path (f, "workbooks");
  g_autofree char *xlsx_path = g_build_filename (xlsx_folder, "register.xlsx", NULL);
  g_autofree char *xlsx_option = g_strdup_printf ("--export-xlsx=%s", xlsx_path);
  g_autofree char *why_not = NULL;
  Runner runner;

  if (!runner_init (&runner, &why_not))
    {
      g_test_skip (why_not);
      return;
    }

  io_write_file (import_path,
                 "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                 "<register xmlns=\"" SIGNET_XML_NAMESPACE "\" version=\"1\">\n"
                 "  <clients><client code=\"NEW-1\"><name>New client</name></client></clients>\n"
                 "</register>\n", -1);
  g_assert_cmpint (g_chmod (f->dir, 0755), ==, 0);
  g_assert_cmpint (g_chmod (import_path, 0644), ==, 0);
  g_assert_cmpint (g_mkdir (xlsx_folder, 0777), ==, 0);
  g_assert_cmpint (g_chmod (xlsx_folder, 0777), ==, 0);

  for (RegisterKind kind = REGISTER_HEALTHY; kind <= REGISTER_READ_ONLY_FOLDER; kind++)
    {
      const char *commands[][2] = {
        { "--export=-", NULL },
        { "--export-ics=-", NULL },
        { import_option, "--dry-run" },
        { xlsx_option, NULL },
      };
      g_autofree char *path = NULL;
      g_autofree char *folder = make_case (&runner, f->dir, kind, &path);
      g_autofree char *before = register_snapshot (path);
      g_autofree char *file_before = register_snapshot_file (path);

      for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
        {
          g_auto(IoRun) run = { 0 };

          g_test_message ("%s register, %s %s", kind_names[kind], commands[i][0],
                          commands[i][1] ? commands[i][1] : "");
          run_as (&runner, &run, path, commands[i][0], commands[i][1]);

          switch (kind)
            {
            case REGISTER_HEALTHY:
            case REGISTER_READ_ONLY_FILE:
            case REGISTER_READ_ONLY_FOLDER:
              if (run.status != 0)
                g_error ("failed: %s", run.err);
              if (i == 3)
                {
                  g_assert_cmpstr (run.out, ==, "");
                  g_assert_true (g_file_test (xlsx_path, G_FILE_TEST_IS_REGULAR));
                  g_assert_cmpint (g_remove (xlsx_path), ==, 0);
                  break;
                }
              g_assert_true (g_str_has_prefix (run.out, i == 0 ? "<?xml" :
                                                        i == 1 ? "BEGIN:VCALENDAR" :
                                                        "Nothing was written."));
              if (i == 1)
                g_assert_nonnull (strstr (run.out, "DTSTART;VALUE=DATE:20280229"));
              break;

            case REGISTER_DAMAGED:
              g_assert_cmpint (run.status, ==, 1);
              assert_err_has (&run, "damaged");
              break;

            case REGISTER_EMPTY:
              {
                g_autofree char *expected =
                  g_strdup_printf ("“%s” is an empty file, not a Signet register. Nothing was changed.\n", path);

                g_assert_cmpint (run.status, ==, 1);
                g_assert_cmpstr (run.err, ==, expected);
              }
              break;

            case REGISTER_MISSING:
              {
                g_autofree char *expected =
                  g_strdup_printf ("There is no register “%s”: the file does not exist.\n", path);

                g_assert_cmpint (run.status, ==, 1);
                g_assert_cmpstr (run.err, ==, expected);
              }
              break;

            default:
              g_assert_not_reached ();
            }

          /* A reader of a file it may not write must make the -wal and -shm
           * beside it (SQLite's read-only mode), and cannot remove them:
           * they stay, empty. Everywhere else nothing appears. */
          if (kind == REGISTER_READ_ONLY_FILE)
            {
              g_autofree char *wal = g_strconcat (path, "-wal", NULL);
              GStatBuf st;

              register_assert_unchanged_file (path, file_before);
              g_assert_true (g_stat (wal, &st) != 0 || st.st_size == 0);
            }
          else
            register_assert_unchanged (path, before);
        }

      remove_tree (folder);
    }

  runner_clear (&runner);
}

/* A dry run while another program holds the register's write lock: it
 * finishes, from the command line and from the import dialog's thread.
 * Before, it waited five seconds for the lock and failed as busy. */
static void
test_dry_run_takes_no_write_lock (IoFixture     *f,
                                  gconstpointer  data)
{
  g_autofree char *import_path = io_fixture_path (f, "import.xml");
  g_autofree char *import_option = g_strdup_printf ("--import=%s", import_path);
  g_autofree char *db_option = g_strdup_printf ("--database=%s", f->path);
  g_autofree char *before = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (import_path);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(SignetImportReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(IoRun) run = { 0 };
  SignetImportOptions options = { SIGNET_CONFLICT_FAIL, TRUE };
  sqlite3 *writer = NULL;
  gint64 start;

  io_fill_sample_register (f->store);
  io_write_file (import_path,
                 "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                 "<register xmlns=\"" SIGNET_XML_NAMESPACE "\" version=\"1\">\n"
                 "  <clients><client code=\"NEW-1\"><name>New client</name></client></clients>\n"
                 "</register>\n", -1);

  g_assert_cmpint (sqlite3_open_v2 (f->path, &writer, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (writer, "BEGIN IMMEDIATE", NULL, NULL, NULL), ==, SQLITE_OK);

  start = g_get_monotonic_time ();
  io_run_signet (&run, SIGNET_BINARY, db_option, import_option, "--dry-run", NULL);
  g_test_message ("the dry run took %.2f s", (g_get_monotonic_time () - start) / 1e6);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_str_has_prefix (run.out, "Nothing was written. This is what the import would do:\n"
                                            "Clients: 1 new, "));

  signet_xml_import_async (f->store, file, &options, NULL, NULL, NULL, NULL,
                           keep_result_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  report = signet_xml_import_finish (f->store, result, &error);
  g_assert_no_error (error);
  g_assert_true (report->dry_run);
  g_assert_cmpuint (report->clients_added, ==, 1);

  /* The writer was never held up either: it still has the lock. */
  g_assert_cmpint (sqlite3_exec (writer, "ROLLBACK", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (writer);

  g_clear_object (&f->store);
  before = register_snapshot (f->path);
  io_run_signet (&run, SIGNET_BINARY, db_option, import_option, "--dry-run", NULL);
  g_assert_cmpint (run.status, ==, 0);
  register_assert_unchanged (f->path, before);
}

/* A full disk is said to be one, not "damaged": a tmpfs of its own, filled
 * up, in a mount namespace of the test's own, in a child process, which the
 * namespace ends with. */
static void
test_disk_full (IoFixture     *f,
                gconstpointer  data)
{
  g_autofree char *disk = io_fixture_path (f, "disk");
  g_autofree char *path = g_build_filename (disk, "r.db", NULL);
  g_autofree char *filler = g_build_filename (disk, "filler", NULL);
  g_autofree char *db_option = g_strdup_printf ("--database=%s", path);
  g_autofree char *expected = g_strdup_printf ("The disk holding “%s” is full. Nothing was changed; "
                                               "free some space and try again.", path);
  g_autofree char *why_not = NULL;
  g_autofree char *before = NULL;
  g_autofree char *zeros = g_malloc0 (64 * 1024);
  g_autoptr(SignetStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(IoRun) run = { 0 };
  FILE *fill;

  if (!io_test_in_child ())
    return;

  g_assert_cmpint (g_mkdir (disk, 0700), ==, 0);
  if (!io_enter_mount_namespace (&why_not) || !io_mount_small_disk (disk, 4 * 1024 * 1024, &why_not))
    {
      io_child_skip (why_not);
      return;
    }

  make_register (path);
  fill = fopen (filler, "w");
  g_assert_nonnull (fill);
  while (fwrite (zeros, 1, 64 * 1024, fill) == 64 * 1024 && fflush (fill) == 0)
    ;
  fclose (fill);
  /* SQLite may leave a -shm it could not grow: only the file counts. */
  before = register_snapshot_file (path);

  store = signet_store_open (path, SIGNET_STORE_OPEN_DEFAULT, &error);
  g_assert_null (store);
  g_assert_error (error, SIGNET_STORE_ERROR, SIGNET_STORE_ERROR_DISK_FULL);
  g_assert_cmpstr (error->message, ==, expected);

  io_run_signet (&run, SIGNET_BINARY, db_option, "--export=-", NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, expected));

  register_assert_unchanged_file (path, before);
}

/* A register whose folder the user may not write in cannot be opened for
 * writing: SQLite keeps its -wal and -shm there. The message says so;
 * before, it said the register was damaged. */
static void
test_folder_cannot_be_written (IoFixture     *f,
                               gconstpointer  data)
{
  g_autofree char *import_path = io_fixture_path (f, "import.xml");
  g_autofree char *import_option = g_strdup_printf ("--import=%s", import_path);
  g_autofree char *why_not = NULL;
  g_autofree char *path = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *before = NULL;
  g_autofree char *expected = NULL;
  g_auto(IoRun) run = { 0 };
  Runner runner;

  if (!runner_init (&runner, &why_not))
    {
      g_test_skip (why_not);
      return;
    }

  io_write_file (import_path,
                 "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                 "<register xmlns=\"" SIGNET_XML_NAMESPACE "\" version=\"1\"/>\n", -1);
  g_assert_cmpint (g_chmod (f->dir, 0755), ==, 0);
  g_assert_cmpint (g_chmod (import_path, 0644), ==, 0);
  folder = make_case (&runner, f->dir, REGISTER_READ_ONLY_FOLDER, &path);
  before = register_snapshot (path);

  run_as (&runner, &run, path, import_option, NULL);
  g_assert_cmpint (run.status, ==, 1);
  expected = g_strdup_printf ("Cannot write in the folder “%s”: while a register is open, two files "
                              "are kept beside it there (“r.db-wal” and “r.db-shm”). Nothing was "
                              "changed.\n", folder);
  g_assert_cmpstr (run.err, ==, expected);
  register_assert_unchanged (path, before);

  runner_clear (&runner);
}

/* A contract whose client row another program deleted: the XML export
 * stops and names it; the calendar export keeps its dates. Before, the
 * export said "The contract no longer exists". */
static void
test_missing_client (IoFixture     *f,
                     gconstpointer  data)
{
  g_autofree char *db_option = g_strdup_printf ("--database=%s", f->path);
  g_autofree char *expected = NULL;
  g_autofree char *before = NULL;
  g_auto(IoRun) run = { 0 };

  io_fill_sample_register (f->store);
  g_clear_object (&f->store);
  exec_raw (f->path, "PRAGMA foreign_keys = OFF; DELETE FROM clients WHERE code = 'ACME-01';");
  before = register_snapshot (f->path);

  io_run_signet (&run, SIGNET_BINARY, db_option, "--export=-", NULL);
  g_assert_cmpint (run.status, ==, 1);
  expected = g_strdup_printf ("The contract KW-1 refers to a client that is missing from the "
                              "register (client id 2): “%s” was changed outside Signet. "
                              "Restore it from a backup.\n", f->path);
  g_assert_true (g_str_has_suffix (run.err, expected));

  io_run_signet (&run, SIGNET_BINARY, db_option, "--export-ics=-", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "Missing client"));

  register_assert_unchanged (f->path, before);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/read-only/commands-change-nothing", IoFixture, NULL, io_fixture_set_up, test_commands_change_nothing, io_fixture_tear_down);
  g_test_add ("/read-only/dry-run-takes-no-write-lock", IoFixture, NULL, io_fixture_set_up, test_dry_run_takes_no_write_lock, io_fixture_tear_down);
  g_test_add ("/read-only/disk-full", IoFixture, NULL, io_fixture_set_up, test_disk_full, io_fixture_tear_down);
  g_test_add ("/read-only/folder-cannot-be-written", IoFixture, NULL, io_fixture_set_up, test_folder_cannot_be_written, io_fixture_tear_down);
  g_test_add ("/read-only/missing-client", IoFixture, NULL, io_fixture_set_up, test_missing_client, io_fixture_tear_down);

  return g_test_run ();
}
