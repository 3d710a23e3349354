/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "signet-store"

#include "config.h"

#include "signet-store-events.h"
#include "signet-store-worker.h"

struct _SignetStoreOpener
{
  char                 *path;
  SignetStoreOpenFlags  flags;
  char                 *today;
};

SignetStoreOpener *
signet_store_opener_new (SignetStore          *self,
                         SignetStoreOpenFlags  flags)
{
  SignetStoreOpener *opener;

  g_return_val_if_fail (SIGNET_IS_STORE (self), NULL);
  g_return_val_if_fail ((flags & SIGNET_STORE_OPEN_CREATE) == 0, NULL);

  opener = g_new0 (SignetStoreOpener, 1);
  opener->path = g_strdup (signet_store_get_path (self));
  opener->flags = flags;
  if (signet_store_is_read_only (self))
    opener->flags |= SIGNET_STORE_OPEN_READ_ONLY;
  opener->today = signet_store_dup_today (self);

  return opener;
}

void
signet_store_opener_free (SignetStoreOpener *opener)
{
  if (opener == NULL)
    return;

  g_free (opener->path);
  g_free (opener->today);
  g_free (opener);
}

SignetStore *
signet_store_open_worker (const SignetStoreOpener  *opener,
                          GError                  **error)
{
  SignetStore *store;

  g_return_val_if_fail (opener != NULL, NULL);

  store = signet_store_open (opener->path, opener->flags, error);
  if (store != NULL)
    signet_store_set_today (store, opener->today);

  return store;
}
