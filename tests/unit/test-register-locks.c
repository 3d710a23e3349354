/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <fcntl.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "signet-store.h"
#include "unit-test-utils.h"

/* Signet keeps its locks on the register whatever else in its process
 * opens and closes the register's files (a file chooser sniffing their
 * type did, and the next program deleted the WAL under the window), with
 * one connection or several in threads, closed in any order. Other
 * programs are real processes: this binary run again with
 * --other-program, using SQLite directly with its usual POSIX locks, as
 * the sqlite3 shell does. */

#define OTHER_PROGRAM "--other-program"

/* The other program: opens @path, runs each statement, prints the rows
 * (columns joined by "|") and closes. */
static int
run_other_program (int    argc,
                   char **argv)
{
  sqlite3 *db = NULL;

  if (argc < 3 || sqlite3_open_v2 (argv[2], &db, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK)
    {
      fprintf (stderr, "cannot open %s\n", argc < 3 ? "(nothing)" : argv[2]);
      return 1;
    }
  sqlite3_busy_timeout (db, 5000);

  for (int i = 3; i < argc; i++)
    {
      sqlite3_stmt *stmt = NULL;
      int rc;

      if (sqlite3_prepare_v2 (db, argv[i], -1, &stmt, NULL) != SQLITE_OK)
        {
          fprintf (stderr, "%s: %s\n", argv[i], sqlite3_errmsg (db));
          return 1;
        }

      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          for (int column = 0; column < sqlite3_column_count (stmt); column++)
            printf ("%s%s", column > 0 ? "|" : "", (const char *) sqlite3_column_text (stmt, column));
          printf ("\n");
        }

      if (rc != SQLITE_DONE)
        {
          fprintf (stderr, "%s: %s\n", argv[i], sqlite3_errmsg (db));
          return 1;
        }
      sqlite3_finalize (stmt);
    }

  return sqlite3_close (db) == SQLITE_OK ? 0 : 1;
}

/* Runs the other program on @path and returns what it printed. */
static char *
other_program (const char *path,
               ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  char *out = NULL;
  const char *sql;
  int status;
  va_list args;

  g_ptr_array_add (argv, (char *) "/proc/self/exe");
  g_ptr_array_add (argv, (char *) OTHER_PROGRAM);
  g_ptr_array_add (argv, (char *) path);
  va_start (args, path);
  while ((sql = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (argv, (char *) sql);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("the other program failed on %s: %s", path, err);

  return out;
}

/* The lines of /proc/locks on @path's inode: every process's locks, and
 * the tests' other programs have ended when it is read. */
static guint
count_locks (const char *path)
{
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  GStatBuf st;
  guint n = 0;

  if (g_stat (path, &st) != 0)
    return 0;

  g_assert_true (g_file_get_contents ("/proc/locks", &text, NULL, NULL));
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = g_strsplit_set (lines[i], " ", -1);

      for (guint j = 0; fields[j] != NULL; j++)
        {
          unsigned int major_number;
          unsigned int minor_number;
          guint64 inode;

          if (sscanf (fields[j], "%x:%x:%" G_GUINT64_FORMAT, &major_number, &minor_number, &inode) == 3 &&
              major_number == major (st.st_dev) && minor_number == minor (st.st_dev) && inode == st.st_ino)
            {
              n++;
              break;
            }
        }
    }

  return n;
}

/* What GIO does to tell a file's type when its name is not enough, as a
 * file chooser listing the folder asks it to: open, read the start,
 * close. Done both through GIO and by hand, so that it happens whatever
 * the MIME database says of the names. */
static void
sniff (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInfo) info = NULL;
  char buffer[4096];
  int fd;

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_CONTENT_TYPE, G_FILE_QUERY_INFO_NONE, NULL, NULL);
  fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (read (fd, buffer, sizeof buffer), >=, 0);
  close (fd);
}

static void
sniff_register (const char *path)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);

  sniff (path);
  if (g_file_test (wal, G_FILE_TEST_EXISTS))
    sniff (wal);
  if (g_file_test (shm, G_FILE_TEST_EXISTS))
    sniff (shm);
}

static void
add_client (SignetStore *store,
            const char  *name,
            const char  *code)
{
  g_autoptr(SignetClient) client = signet_client_new ();
  g_autoptr(GError) error = NULL;

  signet_client_set_name (client, name);
  signet_client_set_code (client, code);
  signet_store_add_client (store, client, &error);
  g_assert_no_error (error);
}

typedef struct
{
  char *dir;
  char *path;
  char *wal;
  char *shm;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("signet-locks-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "signet.db", NULL);
  f->wal = g_strconcat (f->path, "-wal", NULL);
  f->shm = g_strconcat (f->path, "-shm", NULL);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  unit_remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->path);
  g_free (f->wal);
  g_free (f->shm);
}

static SignetStore *
open_store (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  SignetStore *store = signet_store_new (f->path, &error);

  g_assert_no_error (error);

  return store;
}

/* The register's files opened and closed in the process, as a file
 * chooser's sniffing does; then another program writes and closes; the
 * window's next save is in the file for a third program, which finds the
 * register sound. Before, the close dropped the window's locks, the other
 * program deleted the WAL the window was writing to, and the save was
 * lost. */
static void
test_sniffing_keeps_locks (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(SignetStore) store = open_store (f);
  g_autofree char *out = NULL;
  guint db_locks;
  guint shm_locks;
  gboolean wal_kept;

  add_client (store, "Before", "C1");
  g_assert_cmpuint (count_locks (f->path), >=, 1);
  g_assert_cmpuint (count_locks (f->shm), >=, 1);

  sniff_register (f->path);
  db_locks = count_locks (f->path);
  shm_locks = count_locks (f->shm);

  g_free (other_program (f->path, "UPDATE clients SET name = 'Changed elsewhere' WHERE code = 'C1'", NULL));
  wal_kept = g_file_test (f->wal, G_FILE_TEST_EXISTS);

  add_client (store, "After", "C2");
  out = other_program (f->path, "SELECT name FROM clients ORDER BY code", "PRAGMA integrity_check", NULL);
  g_assert_cmpstr (out, ==, "Changed elsewhere\nAfter\nok\n");

  /* Why the save survived: the locks outlived the close, so the other
   * program knew the register was in use and left its WAL alone. */
  g_assert_cmpuint (db_locks, >=, 1);
  g_assert_cmpuint (shm_locks, >=, 1);
  g_assert_true (wal_kept);

  g_clear_object (&store);
  g_assert_cmpuint (count_locks (f->path), ==, 0);
}

#define N_CONNECTIONS 3
#define N_WRITES 15

typedef struct
{
  SignetStore *store;
  char         name;
} Writer;

/* Another thread's connection writing and reading, as the reminders,
 * imports and exports do on stores of their own. */
static gpointer
write_clients_thread (gpointer data)
{
  Writer *writer = data;

  for (guint i = 1; i <= N_WRITES; i++)
    {
      g_autofree char *code = g_strdup_printf ("%c-%02u", writer->name, i);
      g_autoptr(GListModel) clients = NULL;
      g_autoptr(GError) error = NULL;

      add_client (writer->store, code, code);
      clients = signet_store_list_clients (writer->store, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (g_list_model_get_n_items (clients), >=, i);
    }

  return NULL;
}

/* Three connections to the register in one process, writing and reading
 * in threads, closed in the order @data names (A is the first opened).
 * While any is open, the register's files are sniffed, another program
 * writes, and a connection still open saves: the locks stay and the save
 * reaches the file. When the last one closes, no lock is left behind and
 * it checkpoints the register and removes its WAL, as with one connection.
 * (Locks taken per descriptor would have stayed on the first connection's
 * descriptor: the last one could not checkpoint, and a second connection
 * could not write in rollback mode, see test_rollback_connections.) */
static void
test_connections (Fixture       *f,
                  gconstpointer  data)
{
  const char *order = data;
  SignetStore *stores[N_CONNECTIONS] = { NULL, };
  GThread *threads[N_CONNECTIONS] = { NULL, };
  Writer writers[N_CONNECTIONS];
  g_autofree char *out = NULL;
  g_autofree char *expected = NULL;
  guint n_after = 0;

  stores[0] = open_store (f);
  add_client (stores[0], "A-00", "A-00");
  for (guint i = 1; i < N_CONNECTIONS; i++)
    stores[i] = open_store (f);

  for (guint i = 0; i < N_CONNECTIONS; i++)
    {
      writers[i].store = stores[i];
      writers[i].name = 'A' + i;
    }
  for (guint i = 1; i < N_CONNECTIONS; i++)
    threads[i] = g_thread_new ("writer", write_clients_thread, &writers[i]);
  write_clients_thread (&writers[0]);
  for (guint i = 1; i < N_CONNECTIONS; i++)
    g_thread_join (threads[i]);

  for (const char *c = order; *c != '\0'; c++)
    {
      SignetStore *open = NULL;

      g_clear_object (&stores[*c - 'A']);
      sniff_register (f->path);

      for (guint i = 0; i < N_CONNECTIONS && open == NULL; i++)
        open = stores[i];
      if (open == NULL)
        break;

      g_assert_cmpuint (count_locks (f->path), >=, 1);
      g_assert_cmpuint (count_locks (f->shm), >=, 1);
      g_free (other_program (f->path, "UPDATE clients SET notes = 'seen' WHERE code = 'A-00'", NULL));
      g_assert_true (g_file_test (f->wal, G_FILE_TEST_EXISTS));

      {
        g_autofree char *code = g_strdup_printf ("after-%c", *c);

        add_client (open, code, code);
        n_after++;
      }
    }

  g_assert_cmpuint (count_locks (f->path), ==, 0);
  g_assert_cmpuint (count_locks (f->shm), ==, 0);
  g_assert_false (g_file_test (f->wal, G_FILE_TEST_EXISTS));

  out = other_program (f->path,
                       "SELECT count(*) FROM clients",
                       "SELECT count(*) FROM clients WHERE code LIKE 'after-%'",
                       "SELECT notes FROM clients WHERE code = 'A-00'",
                       "PRAGMA integrity_check", NULL);
  expected = g_strdup_printf ("%u\n%u\nseen\nok\n", 1 + N_CONNECTIONS * N_WRITES + n_after, n_after);
  g_assert_cmpstr (out, ==, expected);
}

static void
exec_plain (sqlite3    *db,
            const char *sql)
{
  char *message = NULL;

  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
}

/* The locks Signet's process takes follow SQLite's rules for several
 * connections in one process in every journal mode, not only the WAL the
 * register uses: in rollback mode (a database before it is switched to
 * WAL) each read takes and drops the lock. Two connections read at once
 * and finish; each can then write, at once, with no stale lock in the
 * way; and once both are closed no lock is left for another program. */
static void
test_rollback_connections (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(SignetStore) store = open_store (f);
  g_autofree char *path = g_build_filename (f->dir, "rollback.db", NULL);
  g_autofree char *out = NULL;
  sqlite3 *a = NULL;
  sqlite3 *b = NULL;
  sqlite3_stmt *read_a = NULL;
  sqlite3_stmt *read_b = NULL;

  g_assert_cmpint (sqlite3_open (path, &a), ==, SQLITE_OK);
  exec_plain (a, "PRAGMA journal_mode = DELETE; CREATE TABLE t (x); INSERT INTO t VALUES (1), (2);");
  g_assert_cmpint (sqlite3_open (path, &b), ==, SQLITE_OK);

  g_assert_cmpint (sqlite3_prepare_v2 (a, "SELECT x FROM t", -1, &read_a, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (b, "SELECT x FROM t", -1, &read_b, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (read_a), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_step (read_b), ==, SQLITE_ROW);
  sqlite3_finalize (read_a);
  sqlite3_finalize (read_b);
  sniff (path);

  /* No busy timeout: a lock left in the way fails at once. */
  g_assert_cmpint (sqlite3_exec (b, "INSERT INTO t VALUES (3)", NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (a, "INSERT INTO t VALUES (4)", NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_close (a), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (b, "INSERT INTO t VALUES (5)", NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_close (b), ==, SQLITE_OK);

  g_assert_cmpuint (count_locks (path), ==, 0);
  out = other_program (path, "INSERT INTO t VALUES (6)", "SELECT group_concat (x) FROM t",
                       "PRAGMA integrity_check", NULL);
  g_assert_cmpstr (out, ==, "1,2,3,4,5,6\nok\n");
}

/* Opening one of a register's companion files as a register is refused
 * and changes no byte of it: an empty WAL (as a checkpoint leaves it)
 * would have been made into a new register, and the register's next
 * write would have gone over it. */
static void
test_companion_refused (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(SignetStore) store = open_store (f);
  g_autoptr(SignetStore) opened = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *out = NULL;
  GStatBuf st;

  add_client (store, "Before", "C1");
  g_free (other_program (f->path, "PRAGMA wal_checkpoint(TRUNCATE)", NULL));
  g_assert_cmpint (g_stat (f->wal, &st), ==, 0);
  g_assert_cmpint (st.st_size, ==, 0);

  opened = signet_store_new (f->wal, &error);
  g_assert_null (opened);
  g_assert_error (error, SIGNET_STORE_ERROR, SIGNET_STORE_ERROR_OPEN);
  expected = g_strdup_printf ("“%s” belongs to the register “%s” and is not a register itself. "
                              "Open “%s” instead.", f->wal, f->path, f->path);
  g_assert_cmpstr (error->message, ==, expected);

  g_assert_cmpint (g_stat (f->wal, &st), ==, 0);
  g_assert_cmpint (st.st_size, ==, 0);
  for (guint i = 0; i < 2; i++)
    {
      g_autofree char *own = g_strconcat (f->wal, i == 0 ? "-wal" : "-shm", NULL);

      g_assert_false (g_file_test (own, G_FILE_TEST_EXISTS));
    }

  add_client (store, "After", "C2");
  out = other_program (f->path, "SELECT name FROM clients ORDER BY code", "PRAGMA integrity_check", NULL);
  g_assert_cmpstr (out, ==, "Before\nAfter\nok\n");
}

int
main (int    argc,
      char **argv)
{
  if (argc >= 2 && g_str_equal (argv[1], OTHER_PROGRAM))
    return run_other_program (argc, argv);

  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/register-locks/sniffing-keeps-locks", Fixture, NULL,
              fixture_set_up, test_sniffing_keeps_locks, fixture_tear_down);
  g_test_add ("/register-locks/connections/first-closed-first", Fixture, "ABC",
              fixture_set_up, test_connections, fixture_tear_down);
  g_test_add ("/register-locks/connections/last-closed-first", Fixture, "CBA",
              fixture_set_up, test_connections, fixture_tear_down);
  g_test_add ("/register-locks/connections/middle-closed-first", Fixture, "BAC",
              fixture_set_up, test_connections, fixture_tear_down);
  g_test_add ("/register-locks/rollback-connections", Fixture, NULL,
              fixture_set_up, test_rollback_connections, fixture_tear_down);
  g_test_add ("/register-locks/companion-refused", Fixture, NULL,
              fixture_set_up, test_companion_refused, fixture_tear_down);

  return g_test_run ();
}
