/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gstdio.h>

#include "signet-store-events.h"
#include "store-fixture.h"

void
store_fixture_open (StoreFixture *f,
                    const char   *today)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("signet-test-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "signet.db", NULL);
  f->store = signet_store_new (f->path, &error);
  g_assert_no_error (error);
  signet_store_set_today (f->store, today);

  f->client = signet_client_new ();
  signet_client_set_name (f->client, "Acme");
  signet_client_set_code (f->client, "ACME");
  g_assert_true (signet_store_add_client (f->store, f->client, &error));
  g_assert_no_error (error);
}

void
store_fixture_close (StoreFixture *f)
{
  g_autofree char *wal = g_strconcat (f->path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (f->path, "-shm", NULL);

  g_clear_object (&f->client);
  g_clear_object (&f->store);
  g_remove (f->path);
  g_remove (wal);
  g_remove (shm);
  g_rmdir (f->dir);
  g_free (f->dir);
  g_free (f->path);
}
