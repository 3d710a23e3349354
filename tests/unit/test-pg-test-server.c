/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <glib/gstdio.h>
#include <libpq-fe.h>

#include "pg-test-server.h"

/* The private PostgreSQL server the team register's tests run against:
 * each database it hands out is new and empty and belongs to a role that
 * is no superuser, the contrib extensions the register uses can be made
 * there, a restart keeps what was committed, and the server and its folder
 * go with the program that started them, whether it exits or aborts. */

static PGconn *
connect_to (const char *uri)
{
  PGconn *conn = PQconnectdb (uri);

  if (PQstatus (conn) != CONNECTION_OK)
    g_error ("%s: %s", uri, PQerrorMessage (conn));
  return conn;
}

static void
exec_ok (PGconn     *conn,
         const char *sql)
{
  PGresult *result = PQexec (conn, sql);

  if (PQresultStatus (result) != PGRES_COMMAND_OK && PQresultStatus (result) != PGRES_TUPLES_OK)
    g_error ("%s: %s", sql, PQerrorMessage (conn));
  PQclear (result);
}

/* The first column of the only row @sql gives. */
static char *
query_text (PGconn     *conn,
            const char *sql)
{
  PGresult *result = PQexec (conn, sql);
  char *value;

  if (PQresultStatus (result) != PGRES_TUPLES_OK)
    g_error ("%s: %s", sql, PQerrorMessage (conn));
  g_assert_cmpint (PQntuples (result), ==, 1);
  value = g_strdup (PQgetvalue (result, 0, 0));
  PQclear (result);
  return value;
}

static const char count_relations_sql[] =
  "SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
  "WHERE n.nspname NOT IN ('pg_catalog', 'information_schema') "
  "AND n.nspname NOT LIKE 'pg\\_toast%'";

static void
test_new_databases (void)
{
  g_autofree char *first_uri = pg_test_server_new_database ("first");
  g_autofree char *second_uri = pg_test_server_new_database ("first");
  PGconn *first = connect_to (first_uri);
  PGconn *second = connect_to (second_uri);
  g_autofree char *first_name = query_text (first, "SELECT current_database()");
  g_autofree char *second_name = query_text (second, "SELECT current_database()");
  g_autofree char *user = query_text (first, "SELECT current_user");
  g_autofree char *rights = query_text (first, "SELECT rolsuper::text || ' ' || rolcreaterole::text "
                                               "FROM pg_roles WHERE rolname = current_user");
  g_autofree char *owner = query_text (first, "SELECT pg_get_userbyid(datdba) FROM pg_database "
                                              "WHERE datname = current_database()");
  g_autofree char *encoding = query_text (first, "SHOW server_encoding");
  g_autofree char *collation = query_text (first, "SELECT datcollate FROM pg_database "
                                                  "WHERE datname = current_database()");
  g_autofree char *first_count = query_text (first, count_relations_sql);
  g_autofree char *second_count = NULL;

  g_assert_cmpstr (first_uri, !=, second_uri);
  g_assert_true (g_str_has_prefix (first_uri, "postgresql:///"));
  g_assert_cmpstr (first_name, !=, second_name);
  /* The owner may make roles, as a register's owner does, but is no
   * superuser: the tests meet a real server's refusals. */
  g_assert_cmpstr (rights, ==, "false true");
  g_assert_cmpstr (owner, ==, user);
  g_assert_cmpstr (encoding, ==, "UTF8");
  g_assert_cmpstr (collation, ==, "C.UTF-8");
  g_assert_cmpstr (first_count, ==, "0");

  /* What one database is given, the other does not see. */
  exec_ok (first, "CREATE TABLE contracts (id bigint PRIMARY KEY, title text NOT NULL)");
  exec_ok (first, "INSERT INTO contracts VALUES (1, '采购合同')");
  second_count = query_text (second, count_relations_sql);
  g_assert_cmpstr (second_count, ==, "0");

  PQfinish (first);
  PQfinish (second);
}

static void
test_extensions (void)
{
  g_autofree char *uri = pg_test_server_new_database ("extensions");
  PGconn *conn = connect_to (uri);
  g_autofree char *similar = NULL;
  g_autofree char *digest = NULL;

  /* As the database's owner, not as a superuser: both are trusted. */
  exec_ok (conn, "CREATE EXTENSION pg_trgm");
  exec_ok (conn, "CREATE EXTENSION pgcrypto");
  similar = query_text (conn, "SELECT similarity('service contract', 'service contracts') > 0.5");
  digest = query_text (conn, "SELECT encode(digest('abc', 'sha256'), 'hex')");
  g_assert_cmpstr (similar, ==, "t");
  g_assert_cmpstr (digest, ==, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");

  PQfinish (conn);
}

static void
test_socket_only (void)
{
  const char *folder = pg_test_server_socket_dir ();
  g_autofree char *socket_path = g_strdup_printf ("%s/.s.PGSQL.%d", folder, pg_test_server_port ());
  PGconn *admin = connect_to (pg_test_server_admin_uri ());
  g_autofree char *listen = query_text (admin, "SHOW listen_addresses");
  g_autofree char *super = query_text (admin, "SELECT rolsuper FROM pg_roles WHERE rolname = current_user");
  g_autofree char *fsync = query_text (admin, "SHOW fsync");
  GStatBuf st;

  g_assert_cmpstr (listen, ==, "");
  g_assert_cmpstr (super, ==, "t");
  g_assert_cmpstr (fsync, ==, "off");
  g_assert_true (g_str_has_prefix (folder, g_get_tmp_dir ()));
  g_assert_cmpint (g_stat (folder, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0700);
  g_assert_cmpint (g_stat (socket_path, &st), ==, 0);
  g_assert_true (S_ISSOCK (st.st_mode));

  PQfinish (admin);
}

static void
test_restart (void)
{
  g_autofree char *uri = pg_test_server_new_database ("restart");
  PGconn *conn = connect_to (uri);
  g_autofree char *count = NULL;
  PGresult *result;

  exec_ok (conn, "CREATE TABLE kept (id bigint PRIMARY KEY)");
  exec_ok (conn, "INSERT INTO kept SELECT generate_series(1, 100)");

  pg_test_server_restart ();

  /* The connection made before is gone with the server that had it... */
  result = PQexec (conn, "SELECT 1");
  g_assert_cmpint (PQresultStatus (result), ==, PGRES_FATAL_ERROR);
  PQclear (result);

  /* ...and a new one finds what was committed. */
  PQreset (conn);
  g_assert_cmpint (PQstatus (conn), ==, CONNECTION_OK);
  count = query_text (conn, "SELECT count(*) FROM kept");
  g_assert_cmpstr (count, ==, "100");

  PQfinish (conn);
}

typedef enum
{
  CHILD_EXITS,
  CHILD_ABORTS,
} ChildEnd;

static gboolean
process_gone (pid_t pid)
{
  g_autofree char *stat_path = g_strdup_printf ("/proc/%d/stat", (int) pid);
  g_autofree char *stat = NULL;
  const char *state;

  if (kill (pid, 0) != 0 && errno == ESRCH)
    return TRUE;
  /* Ended but not yet reaped by whoever adopted it. */
  if (!g_file_get_contents (stat_path, &stat, NULL, NULL))
    return TRUE;
  state = strrchr (stat, ')');
  return state != NULL && state[1] == ' ' && state[2] == 'Z';
}

/* A child process starts a server of its own and ends as @end says: the
 * server and its folder go with it, and the parent's server stays. */
static void
check_child_server (ChildEnd end)
{
  g_autofree char *parent_uri = pg_test_server_new_database ("parent");
  PGconn *parent = connect_to (parent_uri);
  char buffer[4096] = { 0 };
  g_auto(GStrv) lines = NULL;
  g_autofree char *child_socket = NULL;
  g_autofree char *child_uri = NULL;
  g_autofree char *answer = NULL;
  PGconn *conn;
  int fds[2];
  gssize n, len = 0;
  pid_t child, postmaster;
  int status;

  g_assert_cmpint (pipe (fds), ==, 0);
  child = fork ();
  g_assert_cmpint (child, >=, 0);
  if (child == 0)
    {
      g_autofree char *uri = NULL;
      g_autofree char *pid_path = NULL;
      g_autofree char *pid_file = NULL;
      g_autofree char *report = NULL;

      close (fds[0]);
      uri = pg_test_server_new_database ("child");
      pid_path = g_build_filename (pg_test_server_socket_dir (), "data", "postmaster.pid", NULL);
      if (!g_file_get_contents (pid_path, &pid_file, NULL, NULL))
        _exit (2);
      /* The folder, the server's process and a database of the child's. */
      report = g_strdup_printf ("%s\n%d\n%s\n", pg_test_server_socket_dir (), atoi (pid_file), uri);
      if (write (fds[1], report, strlen (report)) != (gssize) strlen (report))
        _exit (2);
      close (fds[1]);
      if (end == CHILD_ABORTS)
        {
          /* As a failed assertion ends a test: no exit handler runs. */
          setrlimit (RLIMIT_CORE, &(struct rlimit) { 0, 0 });
          abort ();
        }
      exit (0);
    }

  close (fds[1]);
  while ((n = read (fds[0], buffer + len, sizeof buffer - 1 - len)) > 0)
    len += n;
  close (fds[0]);
  g_assert_cmpint (waitpid (child, &status, 0), ==, child);
  if (end == CHILD_EXITS)
    g_assert_true (WIFEXITED (status) && WEXITSTATUS (status) == 0);
  else
    g_assert_true (WIFSIGNALED (status) && WTERMSIG (status) == SIGABRT);

  lines = g_strsplit (buffer, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 4);
  child_socket = g_strdup (lines[0]);
  postmaster = atoi (lines[1]);
  child_uri = g_strdup (lines[2]);
  g_assert_cmpstr (child_socket, !=, pg_test_server_socket_dir ());
  g_assert_cmpint (postmaster, >, 0);

  if (end == CHILD_EXITS)
    {
      /* Stopped and removed before the child's exit() returned. */
      g_assert_false (g_file_test (child_socket, G_FILE_TEST_EXISTS));
    }
  else
    {
      /* An abort runs no exit handler: the watcher removes them, soon
       * after. */
      for (int i = 0; i < 1000 && g_file_test (child_socket, G_FILE_TEST_EXISTS); i++)
        g_usleep (10 * 1000);
      g_assert_false (g_file_test (child_socket, G_FILE_TEST_EXISTS));
    }
  for (int i = 0; i < 500 && !process_gone (postmaster); i++)
    g_usleep (10 * 1000);
  g_assert_true (process_gone (postmaster));

  conn = PQconnectdb (child_uri);
  g_assert_cmpint (PQstatus (conn), ==, CONNECTION_BAD);
  PQfinish (conn);

  /* The parent's server was left alone. */
  answer = query_text (parent, "SELECT 6 * 7");
  g_assert_cmpstr (answer, ==, "42");
  PQfinish (parent);
}

static void
test_child_exits (void)
{
  check_child_server (CHILD_EXITS);
}

static void
test_child_aborts (void)
{
  check_child_server (CHILD_ABORTS);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pg-test-server/new-databases", test_new_databases);
  g_test_add_func ("/pg-test-server/extensions", test_extensions);
  g_test_add_func ("/pg-test-server/socket-only", test_socket_only);
  g_test_add_func ("/pg-test-server/restart", test_restart);
  g_test_add_func ("/pg-test-server/child-exits", test_child_exits);
  g_test_add_func ("/pg-test-server/child-aborts", test_child_aborts);

  return g_test_run ();
}
