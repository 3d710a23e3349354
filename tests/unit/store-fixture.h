/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "signet-store.h"

G_BEGIN_DECLS

/* A register in a folder of its own, what the store's tests start from:
 * store_fixture_open() adds one client (Acme, code ACME) and fixes the
 * day for "today", as the date tests need; store_fixture_open_empty()
 * leaves the register empty and the clock on the real day.
 * store_fixture_close() removes the folder with all in it. */
typedef struct
{
  char         *dir;
  char         *path;
  SignetStore  *store;
  SignetClient *client;
} StoreFixture;

/* Whether the registers are made on a PostgreSQL server of the test's own
 * (SIGNET_TEST_BACKEND=postgresql: the suite "postgresql" runs every store
 * test so, with the same assertions) rather than in a file. */
gboolean store_fixture_on_server (void);
void store_fixture_open       (StoreFixture *f,
                               const char   *today);
/* @name is the register's path in the folder: "sub/signet.db" makes the
 * store create the folder "sub" too. */
void store_fixture_open_empty (StoreFixture *f,
                               const char   *name);
void store_fixture_close      (StoreFixture *f);

G_END_DECLS
