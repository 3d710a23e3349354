/* SPDX-License-Identifier: GPL-3.0-or-later */

/* How a register is opened: what makes one (only a creator), what reading
 * leaves as it was (every byte, the mode, the folder), what a symbolic link
 * or a contract without its client is told as, the permissions an opened
 * register gets, and what a worker thread's connection keeps of the store
 * it was started from. */

#include "config.h"

#include <locale.h>
#include <string.h>
#include <sys/stat.h>

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "register-snapshot.h"
#include "signet-contract-list.h"
#include "signet-date.h"
#include "signet-store.h"
#include "signet-store-events.h"
#include "signet-store-private.h"
#include "signet-store-worker.h"
#include "unit-test-utils.h"

#define TODAY "2026-05-04"

typedef struct
{
  char *dir;
  char *path;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("signet-open-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "r.db", NULL);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_chmod (f->dir, 0700);
  unit_remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->path);
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

/* A register with a client and a contract in force that ends on
 * 2026-12-31, closed again. The index of dates is left unmade, as a
 * register from before it, or one imported in a batch, has it: whoever
 * asks for dates first makes it. */
static void
make_register (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SignetStore) store = signet_store_new (path, &error);
  g_autoptr(SignetClient) client = signet_client_new ();
  g_autoptr(SignetContract) contract = signet_contract_new ();

  g_assert_no_error (error);
  signet_client_set_name (client, "Acme");
  signet_client_set_code (client, "ACME");
  g_assert_true (signet_store_add_client (store, client, &error));
  g_assert_no_error (error);

  signet_contract_set_number (contract, "HT-2026-0001");
  signet_contract_set_title (contract, "Cleaning services");
  signet_contract_set_client_id (contract, signet_client_get_id (client));
  signet_contract_set_currency (contract, "CNY");
  signet_contract_set_start_date (contract, "2026-01-01");
  signet_contract_set_end_date (contract, "2026-12-31");
  signet_contract_set_status (contract, SIGNET_CONTRACT_STATUS_ACTIVE);
  g_assert_true (signet_store_add_contract (store, contract, &error));
  g_assert_no_error (error);
  g_clear_object (&store);

  exec_raw (path, "DELETE FROM contract_events");
}

static guint
mode_of (const char *path)
{
  GStatBuf st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);

  return st.st_mode & 0777;
}

static void
assert_message_has (const GError *error,
                    const char   *part)
{
  g_assert_nonnull (error);
  if (strstr (error->message, part) == NULL)
    g_error ("message “%s” lacks “%s”", error->message, part);
}

/* Reading gives today's dates from a register whose index is not made,
 * and leaves the file, its -wal and its folder exactly as they were: the
 * index is made in the connection's own temporary table. Before, asking
 * for dates made the index in the register, even from `signet
 * --export-ics`. */
static void
test_reading_writes_nothing (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SignetStore) store = NULL;
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(SignetClient) client = signet_client_new ();
  g_autofree char *before = NULL;
  gboolean has_end = FALSE;

  make_register (f->path);
  before = register_snapshot (f->path);

  store = signet_store_open (f->path, SIGNET_STORE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_true (signet_store_is_read_only (store));
  signet_store_set_today (store, TODAY);

  events = signet_store_list_events (store, "2026-01-01", "2027-12-31", &error);
  g_assert_no_error (error);
  for (guint i = 0; i < events->len; i++)
    if (g_str_equal (signet_event_get_date (g_ptr_array_index (events, i)), "2026-12-31"))
      has_end = TRUE;
  g_assert_true (has_end);

  /* A write is refused, and says why. */
  signet_client_set_name (client, "Contoso");
  signet_client_set_code (client, "C2");
  g_assert_false (signet_store_add_client (store, client, &error));
  g_assert_error (error, SIGNET_STORE_ERROR, SIGNET_STORE_ERROR_READ_ONLY);
  assert_message_has (error, "was opened for reading only");
  g_clear_error (&error);
  g_assert_cmpuint (signet_store_count_contracts (store), ==, 1);

  g_clear_object (&store);
  register_assert_unchanged (f->path, before);
}

/* A register of the version before this one is read through an updated
 * private copy: on disk it stays as it was, byte for byte. */
static void
test_reading_older_version (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  int older = signet_store_get_schema_version () - 1;
  g_autoptr(SignetStore) store = signet_store_new_at_version (f->path, older, &error);
  g_autoptr(GListModel) clients = NULL;
  g_autofree char *before = NULL;

  g_assert_no_error (error);
  g_clear_object (&store);
  exec_raw (f->path,
            "INSERT INTO clients (id, name, code) VALUES (1, 'Acme', 'ACME');"
            "INSERT INTO contracts (number, title, client_id, value, currency, status, risk_level)"
            "  VALUES ('HT-1', 'Lease', 1, 100, 'CNY', 'active', 'low');");
  before = register_snapshot (f->path);

  store = signet_store_open (f->path, SIGNET_STORE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (signet_store_count_contracts (store), ==, 1);
  clients = signet_store_list_clients (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (clients), ==, 1);
  g_clear_object (&store);

  register_assert_unchanged (f->path, before);
}

/* Only a creator makes a register. A missing file stays missing and an
 * empty one empty, with a message that says which; before, any open made
 * them registers (`signet --export` on an empty file initialised it). */
static void
test_missing_and_empty (Fixture       *f,
                        gconstpointer  data)
{
  const SignetStoreOpenFlags flags[] = { SIGNET_STORE_OPEN_DEFAULT, SIGNET_STORE_OPEN_READ_ONLY };
  g_autofree char *empty = g_build_filename (f->dir, "empty.db", NULL);
  g_autofree char *new_folder = g_build_filename (f->dir, "new", NULL);
  g_autofree char *created = g_build_filename (new_folder, "made.db", NULL);
  g_autoptr(SignetStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *empty_before = NULL;

  g_assert_true (g_file_set_contents (empty, "", 0, NULL));
  empty_before = register_snapshot (empty);

  for (guint i = 0; i < G_N_ELEMENTS (flags); i++)
    {
      g_autofree char *expected = g_strdup_printf ("There is no register “%s”: the file does not exist.", f->path);

      store = signet_store_open (f->path, flags[i], &error);
      g_assert_null (store);
      g_assert_error (error, SIGNET_STORE_ERROR, SIGNET_STORE_ERROR_OPEN);
      g_assert_cmpstr (error->message, ==, expected);
      g_clear_error (&error);
      g_assert_false (g_file_test (f->path, G_FILE_TEST_EXISTS));

      g_clear_pointer (&expected, g_free);
      expected = g_strdup_printf ("“%s” is an empty file, not a Signet register. Nothing was changed.", empty);
      store = signet_store_open (empty, flags[i], &error);
      g_assert_null (store);
      g_assert_error (error, SIGNET_STORE_ERROR, SIGNET_STORE_ERROR_NOT_A_DATABASE);
      g_assert_cmpstr (error->message, ==, expected);
      g_clear_error (&error);
      register_assert_unchanged (empty, empty_before);
    }

  /* A creator makes the file owner-only, in an owner-only folder. */
  store = signet_store_open (created, SIGNET_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (mode_of (created), ==, 0600);
  g_assert_cmpuint (mode_of (new_folder), ==, 0700);
  g_clear_object (&store);

  /* And an empty file becomes a register only for it. */
  store = signet_store_open (empty, SIGNET_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (signet_store_count_contracts (store), ==, 0);
}

/* An existing register readable by others is made owner-only when it is
 * opened to be written, with its -wal and -shm; a group that may write
 * keeps its access, and a reader changes no mode. Before, a 0644 register
 * stayed 0644. */
static void
test_tightens_permissions (Fixture       *f,
                           gconstpointer  data)
{
  const char * const suffixes[] = { "", "-wal", "-shm" };
  g_autoptr(GError) error = NULL;
  g_autoptr(SignetStore) store = NULL;
  sqlite3 *other = NULL;

  make_register (f->path);

  /* Another program keeps the -wal and -shm there while the mode changes. */
  g_assert_cmpint (sqlite3_open_v2 (f->path, &other, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (other, "SELECT count(*) FROM contracts", NULL, NULL, NULL), ==, SQLITE_OK);
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (f->path, suffixes[i], NULL);

      g_assert_cmpint (g_chmod (file, 0644), ==, 0);
    }

  store = signet_store_open (f->path, SIGNET_STORE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  g_clear_object (&store);
  g_assert_cmpuint (mode_of (f->path), ==, 0644);

  store = signet_store_open (f->path, SIGNET_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (f->path, suffixes[i], NULL);

      g_assert_cmpuint (mode_of (file), ==, 0600);
    }
  g_clear_object (&store);

  g_assert_cmpint (g_chmod (f->path, 0664), ==, 0);
  store = signet_store_open (f->path, SIGNET_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (mode_of (f->path), ==, 0660);

  sqlite3_close (other);
}

/* SQLite refuses a symbolic link anywhere in the path with "unable to
 * open database file"; the message names the link and the real path. */
static void
test_symlinks (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *link = g_build_filename (f->dir, "link.db", NULL);
  g_autofree char *folder_link = g_build_filename (f->dir, "folder", NULL);
  g_autofree char *through_folder = g_build_filename (folder_link, "r.db", NULL);
  g_autofree char *real = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *before = NULL;
  g_autoptr(SignetStore) store = NULL;
  g_autoptr(GError) error = NULL;

  make_register (f->path);
  real = realpath (f->path, NULL);
  before = register_snapshot (f->path);
  g_assert_cmpint (symlink (f->path, link), ==, 0);
  g_assert_cmpint (symlink (f->dir, folder_link), ==, 0);

  store = signet_store_open (link, SIGNET_STORE_OPEN_DEFAULT, &error);
  g_assert_null (store);
  expected = g_strdup_printf ("“%s” is a symbolic link. A register is opened only by its real name, "
                              "so that every program finds the same lock files beside it: "
                              "open “%s” instead.", link, real);
  g_assert_cmpstr (error->message, ==, expected);
  g_clear_error (&error);

  store = signet_store_open (through_folder, SIGNET_STORE_OPEN_READ_ONLY, &error);
  g_assert_null (store);
  g_clear_pointer (&expected, g_free);
  expected = g_strdup_printf ("The folder “%s” on the way to “%s” is a symbolic link. A register is "
                              "opened only by its real name, so that every program finds the same "
                              "lock files beside it: open “%s” instead.", folder_link, through_folder, real);
  g_assert_cmpstr (error->message, ==, expected);

  register_assert_unchanged (f->path, before);
}

/* A contract whose client row is gone (deleted by another program with
 * foreign keys off) is told as such where it is opened; the list still
 * shows it, and its deadline stays in the calendar. Before, opening it
 * said "The contract no longer exists" and the list's item was NULL. */
static void
test_missing_client (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(SignetStore) store = NULL;
  g_autoptr(SignetContract) contract = NULL;
  g_autoptr(SignetContract) listed = NULL;
  g_autoptr(SignetContractList) list = NULL;
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = NULL;
  gboolean has_end = FALSE;

  make_register (f->path);
  exec_raw (f->path, "PRAGMA foreign_keys = OFF; DELETE FROM clients;");

  store = signet_store_open (f->path, SIGNET_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  signet_store_set_today (store, TODAY);

  contract = signet_store_get_contract (store, 1, &error);
  g_assert_null (contract);
  g_assert_error (error, SIGNET_STORE_ERROR, SIGNET_STORE_ERROR_DAMAGED);
  expected = g_strdup_printf ("The contract HT-2026-0001 refers to a client that is missing from the "
                              "register (client id 1): “%s” was changed outside Signet. "
                              "Restore it from a backup.", f->path);
  g_assert_cmpstr (error->message, ==, expected);
  g_clear_error (&error);

  g_assert_null (signet_store_find_contract_by_number (store, "HT-2026-0001", &error));
  g_assert_error (error, SIGNET_STORE_ERROR, SIGNET_STORE_ERROR_DAMAGED);
  g_clear_error (&error);

  list = signet_contract_list_new (store);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1);
  listed = g_list_model_get_item (G_LIST_MODEL (list), 0);
  g_assert_nonnull (listed);
  g_assert_cmpstr (signet_contract_get_number (listed), ==, "HT-2026-0001");
  g_assert_cmpstr (signet_contract_get_client_name (listed), ==, "Missing client");

  events = signet_store_list_events (store, "2026-01-01", "2027-12-31", &error);
  g_assert_no_error (error);
  for (guint i = 0; i < events->len; i++)
    if (g_str_equal (signet_event_get_date (g_ptr_array_index (events, i)), "2026-12-31"))
      {
        g_assert_cmpstr (signet_event_get_client_name (g_ptr_array_index (events, i)), ==, "Missing client");
        has_end = TRUE;
      }
  g_assert_true (has_end);
}

typedef struct
{
  SignetStoreOpener *opener;
  char              *today;
  gboolean           read_only;
  char              *dates;
  GError            *error;
} WorkerRun;

/* What a worker thread does: opens its own connection and brings the
 * events up to date for its day, which writes the index when it may. */
static gpointer
worker_thread (gpointer data)
{
  WorkerRun *run = data;
  g_autoptr(SignetStore) store = signet_store_open_worker (run->opener, &run->error);
  g_autoptr(GPtrArray) events = NULL;

  if (store == NULL)
    return NULL;

  run->today = signet_store_dup_today (store);
  run->read_only = signet_store_is_read_only (store);
  events = signet_store_list_events (store, NULL, NULL, &run->error);
  if (events != NULL)
    {
      GString *dates = g_string_new (NULL);

      for (guint i = 0; i < events->len; i++)
        g_string_append_printf (dates, "%s ", signet_event_get_date (g_ptr_array_index (events, i)));
      run->dates = g_string_free (dates, FALSE);
    }

  return NULL;
}

static void
run_worker (SignetStore          *store,
            SignetStoreOpenFlags  flags,
            WorkerRun            *run)
{
  memset (run, 0, sizeof *run);
  run->opener = signet_store_opener_new (store, flags);
  g_thread_join (g_thread_new ("worker", worker_thread, run));
  signet_store_opener_free (run->opener);
}

static void
worker_run_clear (WorkerRun *run)
{
  g_free (run->today);
  g_free (run->dates);
  g_clear_error (&run->error);
}

/* A worker thread's connection (an export, an import, reminders) works for
 * the day of the store it was started from and never writes a register
 * that store may not write: started from a store opened for reading, work
 * that would write reads, and the register keeps every byte. A register
 * deleted before the worker opens it is an error, not made again. */
static void
test_worker (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(SignetStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  WorkerRun run;

  store = signet_store_open (f->path, SIGNET_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  g_clear_object (&store);
  exec_raw (f->path,
            "INSERT INTO clients (id, name, code) VALUES (1, 'Acme', 'ACME');"
            "INSERT INTO contracts (number, title, client_id, value, currency, status, risk_level,"
            "                       start_date, end_date, auto_renew, notice_days)"
            "  VALUES ('HT-1', 'Lease', 1, 100, 'CNY', 'active', 'low', '2020-01-01', '2020-12-31', 1, 30);");
  before = register_snapshot (f->path);

  store = signet_store_open (f->path, SIGNET_STORE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  signet_store_set_today (store, "2021-03-01");
  run_worker (store, SIGNET_STORE_OPEN_DEFAULT, &run);
  g_assert_no_error (run.error);
  g_assert_cmpstr (run.today, ==, "2021-03-01");
  g_assert_true (run.read_only);
  /* The contract of 2020 renewed itself into 2021: start and review due,
   * notice deadline and end of that term, whatever day the test runs. */
  g_assert_cmpstr (run.dates, ==, "2021-01-01 2021-01-01 2021-12-01 2021-12-31 ");
  worker_run_clear (&run);
  g_clear_object (&store);
  register_assert_unchanged (f->path, before);

  store = signet_store_open (f->path, SIGNET_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  run_worker (store, SIGNET_STORE_OPEN_DEFAULT, &run);
  g_assert_no_error (run.error);
  g_assert_false (run.read_only);
  g_assert_true (signet_date_is_valid (run.today));
  worker_run_clear (&run);
  run_worker (store, SIGNET_STORE_OPEN_READ_ONLY, &run);
  g_assert_no_error (run.error);
  g_assert_true (run.read_only);
  worker_run_clear (&run);

  g_assert_cmpint (g_unlink (f->path), ==, 0);
  run_worker (store, SIGNET_STORE_OPEN_DEFAULT, &run);
  g_assert_error (run.error, SIGNET_STORE_ERROR, SIGNET_STORE_ERROR_OPEN);
  g_assert_false (g_file_test (f->path, G_FILE_TEST_EXISTS));
  worker_run_clear (&run);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/store-open/reading-writes-nothing", Fixture, NULL, fixture_set_up, test_reading_writes_nothing, fixture_tear_down);
  g_test_add ("/store-open/reading-older-version", Fixture, NULL, fixture_set_up, test_reading_older_version, fixture_tear_down);
  g_test_add ("/store-open/missing-and-empty", Fixture, NULL, fixture_set_up, test_missing_and_empty, fixture_tear_down);
  g_test_add ("/store-open/tightens-permissions", Fixture, NULL, fixture_set_up, test_tightens_permissions, fixture_tear_down);
  g_test_add ("/store-open/symlinks", Fixture, NULL, fixture_set_up, test_symlinks, fixture_tear_down);
  g_test_add ("/store-open/missing-client", Fixture, NULL, fixture_set_up, test_missing_client, fixture_tear_down);
  g_test_add ("/store-open/worker", Fixture, NULL, fixture_set_up, test_worker, fixture_tear_down);

  return g_test_run ();
}
