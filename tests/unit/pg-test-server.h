/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A PostgreSQL server of the test program's own, for the tests of the
 * team register: real, private and thrown away with the program.
 *
 * The cluster is made with initdb once per PostgreSQL version and user,
 * as a template folder under g_get_tmp_dir() (made under a lock, so that
 * test programs started together make it once); each program copies it
 * and starts its server from the copy, which takes a fraction of initdb's
 * time. The server listens only on a Unix socket in its own folder (0700,
 * no TCP), trusts whoever reaches that socket, and keeps nothing on disk
 * beyond the process's life: no fsync, no synchronous commit. Any thread
 * may call these.
 *
 * Most of a start is copying the template's thousand files: where making
 * files under the temporary folder is slow, TMPDIR=/dev/shm in a test's
 * environment puts the server there (a start then takes about 70 ms). */

/* Starts, on first call in this process, a private PostgreSQL server in a
 * new folder under g_get_tmp_dir(), listening only on a Unix socket in
 * that folder (no TCP), and stops it and removes the folder when the
 * process exits (atexit), even when a test fails (a watcher process does
 * it then). Returns a libpq URI (postgresql:///NAME?host=SOCKETDIR&user=...)
 * for a NEW, EMPTY database made for the caller, owned by a login role that
 * may create roles, with the extensions pg_trgm and pgcrypto available
 * (CREATE EXTENSION). Each call makes another database, named after
 * @name_hint. Any failure ends the test program with g_error() saying what
 * failed and the server's log. */
char       *pg_test_server_new_database (const char *name_hint);
/* The URI of the server's superuser on database "postgres" (to create
 * roles, drop databases). */
const char *pg_test_server_admin_uri    (void);
/* The socket folder and port, for tests that build their own URIs (other
 * users). */
const char *pg_test_server_socket_dir   (void);
int         pg_test_server_port         (void);
/* Stops the server immediately (pg_ctl stop -m immediate) and starts it
 * again on the same folder, for tests of reconnecting after a server
 * restart. What was committed before the call is kept. */
void        pg_test_server_restart      (void);
/* The two halves of a restart, for a test that looks at what a client
 * shows while the server is away: pg_test_server_stop() stops it until
 * pg_test_server_resume(), and nothing else may be asked of it between. */
void        pg_test_server_stop         (void);
void        pg_test_server_resume       (void);

G_END_DECLS
