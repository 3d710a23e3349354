/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "signet-store.h"

G_BEGIN_DECLS

/* A register in a folder of its own, with one client (Acme, code ACME)
 * and a fixed day for "today": what the date tests start from. */
typedef struct
{
  char         *dir;
  char         *path;
  SignetStore  *store;
  SignetClient *client;
} StoreFixture;

void store_fixture_open  (StoreFixture *f,
                          const char   *today);
void store_fixture_close (StoreFixture *f);

G_END_DECLS
