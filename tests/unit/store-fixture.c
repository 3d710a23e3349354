/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "pg-test-server.h"
#include "signet-store-events.h"
#include "store-fixture.h"
#include "unit-test-utils.h"

gboolean
store_fixture_on_server (void)
{
  return g_strcmp0 (g_getenv ("SIGNET_TEST_BACKEND"), "postgresql") == 0;
}

void
store_fixture_open_empty (StoreFixture *f,
                          const char   *name)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("signet-test-XXXXXX", &error);
  g_assert_no_error (error);
  if (store_fixture_on_server ())
    f->path = pg_test_server_new_database ("fixture");
  else
    f->path = g_build_filename (f->dir, name, NULL);
  f->store = signet_store_new (f->path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (f->store);
  f->client = NULL;
}

void
store_fixture_open (StoreFixture *f,
                    const char   *today)
{
  g_autoptr(GError) error = NULL;

  store_fixture_open_empty (f, "signet.db");
  signet_store_set_today (f->store, today);

  f->client = signet_client_new ();
  signet_client_set_name (f->client, "Acme");
  signet_client_set_code (f->client, "ACME");
  signet_store_add_client (f->store, f->client, &error);
  g_assert_no_error (error);
}

void
store_fixture_close (StoreFixture *f)
{
  g_clear_object (&f->client);
  g_clear_object (&f->store);
  unit_remove_tree (f->dir);
  g_clear_pointer (&f->dir, g_free);
  g_clear_pointer (&f->path, g_free);
}
