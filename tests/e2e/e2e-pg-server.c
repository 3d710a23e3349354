/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <stdio.h>

#include "pg-test-server.h"

/* The tests' private PostgreSQL server (tests/unit/pg-test-server.c) for
 * an end-to-end test in Python, which has no libpq of its own: prints
 * "database URI", a new empty database owned by a login that may create
 * roles, then keeps the server until its standard input ends. The test
 * closes that pipe when it is done, and the pipe closes too when the test
 * ends any other way; the server is then stopped and its folder removed.
 * Anything else it prints (a "# " line of the server's start) is for the
 * log. */
int
main (void)
{
  g_autofree char *uri = pg_test_server_new_database ("e2e");

  printf ("database %s\n", uri);
  fflush (stdout);
  while (getchar () != EOF)
    ;

  return 0;
}
