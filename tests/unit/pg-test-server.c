/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "pg-test-server"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <unistd.h>

#include <glib/gstdio.h>
#include <libpq-fe.h>

#include "pg-test-server.h"

/* The role that owns the databases made for the tests: it may log in and
 * create roles, as the team register's owner may, but it is no superuser,
 * so that the tests meet the refusals a real server gives. */
#define OWNER_ROLE "signet_test"
#define SUPERUSER  "postgres"
/* With no TCP the port only names the socket file, in a folder of the
 * server's own: every program can use the same one. */
#define PORT 5432
/* Named in the template's folder: a change to the initdb options or to the
 * settings below makes a new template instead of reusing an older one. */
#define TEMPLATE_LAYOUT 1

/* What a server for tests needs: nothing outlives the program, so nothing
 * is forced to disk; a few clients at once; little memory, as several test
 * programs run at the same time. */
static const char template_settings[] =
  "\n# Signet's test server: thrown away with the test program.\n"
  "fsync = off\n"
  "synchronous_commit = off\n"
  "full_page_writes = off\n"
  "wal_level = minimal\n"
  "max_wal_senders = 0\n"
  "listen_addresses = ''\n"
  "unix_socket_permissions = 0700\n"
  "max_connections = 32\n"
  "shared_buffers = 16MB\n"
  "huge_pages = off\n"
  "log_line_prefix = '%m [%p] %q%u@%d '\n";

typedef struct
{
  /* The process that started the server; any other (a forked child) has
   * only a copy of this record. */
  pid_t  owner;
  char  *bin_dir;
  char  *folder;
  char  *data_dir;
  char  *log_path;
  char  *admin_uri;
  guint  n_databases;
  /* The write end of the pipe the watcher reads: it closes when this
   * process ends, however it ends. */
  int    watcher_fd;
} Server;

static Server server = { .watcher_fd = -1 };
static gboolean exit_handler_installed;
/* A test's threads may ask for databases too. */
static GMutex lock;

static char *
read_log_tail (void)
{
  g_autofree char *contents = NULL;
  gsize len = 0;
  const gsize keep = 6000;

  if (server.log_path == NULL || !g_file_get_contents (server.log_path, &contents, &len, NULL))
    return g_strdup ("(no server log)");
  if (len > keep)
    return g_strdup_printf ("...%s", contents + len - keep);
  return g_steal_pointer (&contents);
}

G_GNUC_NORETURN G_GNUC_PRINTF (1, 2) static void
fail (const char *format,
      ...)
{
  g_autofree char *what = NULL;
  g_autofree char *log = read_log_tail ();
  va_list args;

  va_start (args, format);
  what = g_strdup_vprintf (format, args);
  va_end (args);
  g_error ("PostgreSQL test server: %s\nServer log (%s):\n%s",
           what, server.log_path ? server.log_path : "none yet", log);
}

/* Newest first: /usr/lib/postgresql/<major>/bin, as Debian installs the
 * server. */
static int
find_server (char **bin_dir)
{
  const char *root = "/usr/lib/postgresql";
  g_autoptr(GDir) dir = g_dir_open (root, 0, NULL);
  const char *name;
  guint64 best = 0;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *pg_ctl = g_build_filename (root, name, "bin", "pg_ctl", NULL);
      guint64 major;

      if (g_ascii_string_to_unsigned (name, 10, 1, G_MAXINT, &major, NULL) &&
          major > best && g_file_test (pg_ctl, G_FILE_TEST_IS_EXECUTABLE))
        best = major;
    }
  if (best < 15)
    fail ("no PostgreSQL server of version 15 or newer in %s/<version>/bin "
          "(Debian's postgresql package installs it there)", root);

  *bin_dir = g_strdup_printf ("%s/%" G_GUINT64_FORMAT "/bin", root, best);
  return (int) best;
}

/* The folder the template and the servers go in. A program that isolates
 * its folders (G_TEST_OPTION_ISOLATE_DIRS) is given a temporary folder
 * only its own user may enter, which the postgres user could not reach:
 * GLib makes that folder in the real temporary folder and names it in
 * G_TEST_TMPDIR, so its parent is the real one, shared with every other
 * program. */
static const char *
shared_tmp_dir (void)
{
  static char *dir;

  if (dir == NULL)
    {
      const char *isolated = g_getenv ("G_TEST_TMPDIR");

      dir = isolated != NULL ? g_path_get_dirname (isolated) : g_strdup (g_get_tmp_dir ());
    }

  return dir;
}

/* initdb and pg_ctl refuse to run as root: then they run as the postgres
 * user, who owns the server's folders. */
static gboolean
as_postgres (void)
{
  return geteuid () == 0;
}

static void
give_to_postgres (const char *path)
{
  struct passwd *pw;

  if (!as_postgres ())
    return;
  pw = getpwnam ("postgres");
  if (pw == NULL)
    fail ("running as root, the server must run as the user postgres, and there is none");
  if (chown (path, pw->pw_uid, pw->pw_gid) != 0)
    fail ("could not give %s to the user postgres: %s", path, g_strerror (errno));
}

/* A new argument vector for one of the server's programs, run as the
 * postgres user when this process is root. */
static GPtrArray *
server_tool (const char *tool)
{
  GPtrArray *argv = g_ptr_array_new_with_free_func (g_free);

  if (as_postgres ())
    {
      char *runuser = g_find_program_in_path ("runuser");

      g_ptr_array_add (argv, runuser != NULL ? runuser : g_strdup ("/usr/sbin/runuser"));
      g_ptr_array_add (argv, g_strdup ("-u"));
      g_ptr_array_add (argv, g_strdup ("postgres"));
      g_ptr_array_add (argv, g_strdup ("--"));
    }
  g_ptr_array_add (argv, g_build_filename (server.bin_dir, tool, NULL));
  return argv;
}

static void
add_args (GPtrArray  *argv,
          const char *first,
          ...)
{
  va_list args;

  va_start (args, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, g_strdup (arg));
  va_end (args);
}

/* The environment of the programs run here: none of the caller's PG*
 * variables, which would point them elsewhere, and messages in English. */
static char **
tool_environment (void)
{
  g_auto(GStrv) env = g_get_environ ();
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (char **e = env; *e != NULL; e++)
    if (!g_str_has_prefix (*e, "PG") && !g_str_has_prefix (*e, "LC_ALL="))
      g_strv_builder_add (builder, *e);
  g_strv_builder_add (builder, "LC_ALL=C.UTF-8");
  return g_strv_builder_end (builder);
}

/* Runs @argv to its end; FALSE, with what it printed in @output, when it
 * could not run or failed. */
static gboolean
run (GPtrArray  *argv,
     char      **output)
{
  g_auto(GStrv) env = tool_environment ();
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;

  if (argv->len == 0 || g_ptr_array_index (argv, argv->len - 1) != NULL)
    g_ptr_array_add (argv, NULL);
  /* "/" as the working folder: the postgres user may not reach the
   * test's. */
  if (!g_spawn_sync ("/", (char **) argv->pdata, env, G_SPAWN_DEFAULT, NULL, NULL,
                     &out, &err, &status, &error) ||
      !g_spawn_check_wait_status (status, &error))
    {
      if (output != NULL)
        *output = g_strdup_printf ("%s\n%s%s", error->message, out ? out : "", err ? err : "");
      return FALSE;
    }
  return TRUE;
}

static void
run_or_fail (GPtrArray  *argv,
             const char *what)
{
  g_autofree char *output = NULL;
  g_autofree char *command = NULL;

  if (run (argv, &output))
    return;
  command = g_strjoinv (" ", (char **) argv->pdata);
  fail ("%s failed (%s): %s", what, command, output);
}

static void
remove_tree (const char *path)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new_with_free_func (g_free);

  add_args (argv, "rm", "-rf", "--", path, NULL);
  g_ptr_array_add (argv, NULL);
  g_spawn_sync ("/", (char **) argv->pdata, NULL, G_SPAWN_SEARCH_PATH |
                G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                NULL, NULL, NULL, NULL, NULL, NULL);
}

static void
append_to_file (const char *path,
                const char *text)
{
  /* Appended, not replaced: the file stays the postgres user's. */
  FILE *file = fopen (path, "a");

  if (file == NULL)
    fail ("could not open %s: %s", path, g_strerror (errno));
  if (fputs (text, file) < 0 || fclose (file) != 0)
    fail ("could not write %s: %s", path, g_strerror (errno));
}

/* The cluster every program of this user starts from, made by initdb once
 * per PostgreSQL version: under an exclusive lock, in a folder of another
 * name renamed into place when whole, so that programs started together
 * neither race nor find half a template. */
static char *
ensure_template (int     major,
                 gint64 *initdb_us)
{
  g_autofree char *name = g_strdup_printf ("signet-pg-template-%d-u%u-%d",
                                           major, (guint) getuid (), TEMPLATE_LAYOUT);
  g_autofree char *path = g_build_filename (shared_tmp_dir (), name, NULL);
  g_autofree char *lock_path = g_strconcat (path, ".lock", NULL);
  g_autofree char *new_path = g_strconcat (path, ".new", NULL);
  g_autofree char *version_file = g_build_filename (path, "PG_VERSION", NULL);
  int lock_fd;

  *initdb_us = 0;
  lock_fd = open (lock_path, O_RDWR | O_CREAT | O_CLOEXEC, 0600);
  if (lock_fd < 0)
    fail ("could not open the template's lock %s: %s", lock_path, g_strerror (errno));
  while (flock (lock_fd, LOCK_EX) != 0)
    if (errno != EINTR)
      fail ("could not lock %s: %s", lock_path, g_strerror (errno));

  if (!g_file_test (version_file, G_FILE_TEST_EXISTS))
    {
      g_autoptr(GPtrArray) argv = server_tool ("initdb");
      g_autofree char *conf = g_build_filename (new_path, "postgresql.conf", NULL);
      gint64 start = g_get_monotonic_time ();

      /* What a program killed while making it left behind. */
      remove_tree (path);
      remove_tree (new_path);
      if (g_mkdir (new_path, 0700) != 0)
        fail ("could not make %s: %s", new_path, g_strerror (errno));
      give_to_postgres (new_path);
      /* One-megabyte WAL segments: a copy of the template is then a tenth
       * of the size. */
      add_args (argv, "-D", new_path, "-U", SUPERUSER, "--auth=trust",
                "-E", "UTF8", "--locale=C.UTF-8", "--wal-segsize=1",
                "--no-sync", "--no-instructions", NULL);
      run_or_fail (argv, "initdb");
      append_to_file (conf, template_settings);
      if (g_rename (new_path, path) != 0)
        fail ("could not rename %s to %s: %s", new_path, path, g_strerror (errno));
      *initdb_us = g_get_monotonic_time () - start;
    }

  close (lock_fd);
  return g_steal_pointer (&path);
}

/* A process of its own session, which outlives this one and, once this
 * process has ended in any way (an assertion's abort, a signal, a
 * timeout's SIGKILL), stops the server and removes its folder: it waits for
 * the end of a pipe whose only writer is this process. Its own session
 * keeps it out of the signal a test runner sends to the test's group. */
static void
watcher_setup (gpointer data)
{
  setsid ();
}

static void
start_watcher (void)
{
  static const char script[] =
    "cat >/dev/null\n"
    "folder=$1\n"
    "shift\n"
    "if [ -f \"$folder/data/postmaster.pid\" ]; then \"$@\"; fi\n"
    "rm -rf \"$folder\"\n";
  g_autoptr(GPtrArray) argv = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) stop = server_tool ("pg_ctl");
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) env = tool_environment ();

  add_args (argv, "/bin/sh", "-c", script, "sh", server.folder, NULL);
  add_args (stop, "stop", "-m", "immediate", "-w", "-s", "-D", server.data_dir, NULL);
  for (guint i = 0; i < stop->len; i++)
    g_ptr_array_add (argv, g_strdup (g_ptr_array_index (stop, i)));
  g_ptr_array_add (argv, NULL);

  if (!g_spawn_async_with_pipes ("/", (char **) argv->pdata, env,
                                 G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                                 watcher_setup, NULL, NULL,
                                 &server.watcher_fd, NULL, NULL, &error))
    fail ("could not start the process that removes the server: %s", error->message);
  /* Only this process writes; a program it runs must not keep the pipe
   * open after it. */
  fcntl (server.watcher_fd, F_SETFD, FD_CLOEXEC);
}

static void
pg_ctl (const char *what,
        const char *first,
        ...)
{
  g_autoptr(GPtrArray) argv = server_tool ("pg_ctl");
  va_list args;

  va_start (args, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, g_strdup (arg));
  va_end (args);
  run_or_fail (argv, what);
}

/* pg_ctl start -w looks whether the server is up ten times a second, and
 * a test program spends most of its start waiting so: this asks every
 * 2 ms. A server that failed to start has removed its postmaster.pid, or
 * never wrote it. */
static void
start_server (void)
{
  g_autofree char *pid_file = g_build_filename (server.data_dir, "postmaster.pid", NULL);
  gint64 start = g_get_monotonic_time ();
  gboolean seen_pid_file = FALSE;

  pg_ctl ("starting the server",
          "start", "-W", "-s", "-D", server.data_dir, "-l", server.log_path, NULL);
  while (PQping (server.admin_uri) != PQPING_OK)
    {
      gint64 waited = g_get_monotonic_time () - start;

      if (g_file_test (pid_file, G_FILE_TEST_EXISTS))
        seen_pid_file = TRUE;
      else if (seen_pid_file || waited > 10 * G_USEC_PER_SEC)
        fail ("the server did not start");
      if (waited > 60 * G_USEC_PER_SEC)
        fail ("the server did not accept connections within 60 s");
      g_usleep (2000);
    }
}

static void
stop_at_exit (void)
{
  g_autoptr(GPtrArray) argv = NULL;
  g_autofree char *pid_file = NULL;

  if (server.owner != getpid ())
    return;
  /* pg_ctl's own wait looks ten times a second; the server is gone, its
   * files with it, a few milliseconds after the signal, when it has
   * removed postmaster.pid. */
  argv = server_tool ("pg_ctl");
  add_args (argv, "stop", "-m", "immediate", "-W", "-s", "-D", server.data_dir, NULL);
  pid_file = g_build_filename (server.data_dir, "postmaster.pid", NULL);
  if (run (argv, NULL))
    for (int i = 0; i < 5000 && g_file_test (pid_file, G_FILE_TEST_EXISTS); i++)
      g_usleep (2000);
  remove_tree (server.folder);
  /* Nothing is left for the watcher, which ends on reading the end. */
  close (server.watcher_fd);
  server.watcher_fd = -1;
  server.owner = 0;
}

static PGconn *
connect_or_fail (const char *uri)
{
  PGconn *conn = PQconnectdb (uri);

  if (PQstatus (conn) != CONNECTION_OK)
    fail ("could not connect to %s: %s", uri, PQerrorMessage (conn));
  return conn;
}

static void
exec_or_fail (PGconn     *conn,
              const char *sql)
{
  PGresult *result = PQexec (conn, sql);

  if (PQresultStatus (result) != PGRES_COMMAND_OK && PQresultStatus (result) != PGRES_TUPLES_OK)
    fail ("%s: %s", sql, PQerrorMessage (conn));
  PQclear (result);
}

static char *
make_uri (const char *database,
          const char *user)
{
  g_autofree char *host = g_uri_escape_string (server.folder, "/", FALSE);

  return g_strdup_printf ("postgresql:///%s?host=%s&port=%d&user=%s",
                          database, host, PORT, user);
}

static void
forget_parents_server (void)
{
  /* A forked child's copy of its parent's record: the parent's server
   * stays the parent's, and the child does not hold the parent's watcher
   * open. */
  if (server.watcher_fd >= 0)
    close (server.watcher_fd);
  g_clear_pointer (&server.bin_dir, g_free);
  g_clear_pointer (&server.folder, g_free);
  g_clear_pointer (&server.data_dir, g_free);
  g_clear_pointer (&server.log_path, g_free);
  g_clear_pointer (&server.admin_uri, g_free);
  server = (Server) { .watcher_fd = -1 };
}

static void
ensure_started (void)
{
  g_autoptr(GPtrArray) copy = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autofree char *template_dir = NULL;
  g_autofree char *conf = NULL;
  g_autofree char *settings = NULL;
  g_autofree char *made = NULL;
  gint64 initdb_us, start;
  PGconn *admin;
  int major;

  if (server.owner == getpid ())
    return;
  forget_parents_server ();

  major = find_server (&server.bin_dir);
  template_dir = ensure_template (major, &initdb_us);

  start = g_get_monotonic_time ();
  server.folder = g_build_filename (shared_tmp_dir (), "signet-pg-XXXXXX", NULL);
  if (g_mkdtemp (server.folder) == NULL)
    fail ("could not make the server's folder %s: %s", server.folder, g_strerror (errno));
  give_to_postgres (server.folder);
  server.data_dir = g_build_filename (server.folder, "data", NULL);
  server.log_path = g_build_filename (server.folder, "server.log", NULL);
  server.admin_uri = make_uri ("postgres", SUPERUSER);
  server.owner = getpid ();
  start_watcher ();
  if (!exit_handler_installed)
    {
      atexit (stop_at_exit);
      exit_handler_installed = TRUE;
    }

  /* As root, cp -a keeps the postgres user's ownership of the template. */
  add_args (copy, "cp", "-a", "--", template_dir, server.data_dir, NULL);
  g_ptr_array_add (copy, NULL);
  if (!g_spawn_sync ("/", (char **) copy->pdata, NULL, G_SPAWN_SEARCH_PATH,
                     NULL, NULL, NULL, NULL, NULL, &error))
    fail ("could not copy the template %s: %s", template_dir, error->message);
  conf = g_build_filename (server.data_dir, "postgresql.conf", NULL);
  if (!g_file_test (conf, G_FILE_TEST_EXISTS))
    fail ("the template %s was not copied to %s", template_dir, server.data_dir);
  settings = g_strdup_printf ("unix_socket_directories = '%s'\nport = %d\n", server.folder, PORT);
  append_to_file (conf, settings);

  start_server ();

  admin = connect_or_fail (server.admin_uri);
  exec_or_fail (admin, "CREATE ROLE " OWNER_ROLE " LOGIN CREATEROLE");
  PQfinish (admin);

  if (initdb_us > 0)
    made = g_strdup_printf ("the template made by initdb in %.0f ms, ", initdb_us / 1000.0);
  g_test_message ("PostgreSQL %d test server in %s: %s%.0f ms to copy the template and start",
                  major, server.folder, made ? made : "", (g_get_monotonic_time () - start) / 1000.0);
}

/* @hint in what an unquoted identifier may hold, with the number of the
 * database in this process, so that every call has a name of its own. */
static char *
database_name (const char *hint,
               guint       number)
{
  GString *name = g_string_new (NULL);

  for (const char *p = hint != NULL ? hint : ""; *p != '\0' && name->len < 40; p++)
    g_string_append_c (name, g_ascii_isalnum (*p) ? g_ascii_tolower (*p) : '_');
  if (name->len == 0 || g_ascii_isdigit (name->str[0]))
    g_string_prepend (name, "db_");
  g_string_append_printf (name, "_%u", number);
  return g_string_free (name, FALSE);
}

char *
pg_test_server_new_database (const char *name_hint)
{
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&lock);
  g_autofree char *name = NULL;
  g_autofree char *sql = NULL;
  PGconn *admin;

  ensure_started ();
  name = database_name (name_hint, ++server.n_databases);
  /* Copying template1's files is quicker here than writing them to the
   * WAL, the default way, and the checkpoint it takes first costs little
   * with nothing forced to disk. */
  sql = g_strdup_printf ("CREATE DATABASE %s OWNER " OWNER_ROLE " STRATEGY file_copy", name);
  admin = connect_or_fail (server.admin_uri);
  exec_or_fail (admin, sql);
  PQfinish (admin);
  return make_uri (name, OWNER_ROLE);
}

const char *
pg_test_server_admin_uri (void)
{
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&lock);
  ensure_started ();
  return server.admin_uri;
}

const char *
pg_test_server_socket_dir (void)
{
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&lock);
  ensure_started ();
  return server.folder;
}

int
pg_test_server_port (void)
{
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&lock);
  ensure_started ();
  return PORT;
}

static void
stop_server (void)
{
  PGconn *admin;

  /* With synchronous_commit off, the last commits' WAL may still be in
   * the server's memory, which an immediate stop throws away: a checkpoint
   * puts it in the files first, so a restart keeps what was committed. */
  admin = connect_or_fail (server.admin_uri);
  exec_or_fail (admin, "CHECKPOINT");
  PQfinish (admin);
  pg_ctl ("stopping the server", "stop", "-m", "immediate", "-w", "-s", "-D", server.data_dir, NULL);
}

void
pg_test_server_restart (void)
{
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&lock);

  ensure_started ();
  stop_server ();
  start_server ();
}

void
pg_test_server_stop (void)
{
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&lock);

  ensure_started ();
  stop_server ();
}

void
pg_test_server_resume (void)
{
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&lock);

  start_server ();
}
