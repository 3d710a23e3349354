/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "signet-store"

#include "config.h"

#include "signet-store-private.h"

/* The write scope (see signet-store-private.h): the steps every write of
 * the store takes, written once. The transaction itself, and what a
 * batch changes about it, is _signet_store_begin_write() and the rest in
 * signet-store.c. */

gboolean
_signet_write_scope_begin (SignetWriteScope  *scope,
                           SignetStore       *store,
                           GError           **error)
{
  g_return_val_if_fail (scope != NULL && scope->store == NULL, FALSE);
  g_return_val_if_fail (SIGNET_IS_STORE (store), FALSE);

  if (!_signet_store_begin_write (store, error))
    return FALSE;

  scope->store = store;
  scope->open = TRUE;

  return TRUE;
}

static gboolean
change_equal (const SignetWriteChange *a,
              const SignetWriteChange *b)
{
  return a->kind == b->kind && a->id == b->id && a->change == b->change && a->detail == b->detail;
}

void
_signet_write_scope_add_change (SignetWriteScope *scope,
                                SignetRecordKind  kind,
                                gint64            id,
                                SignetChangeKind  change,
                                const char       *detail)
{
  SignetWriteChange queued = { kind, id, change, detail };

  g_return_if_fail (scope->open);

  /* A record written several times over in one write is one change to
   * show, as the watch of other connections makes it. */
  if (scope->n_changes > 0 && change_equal (&scope->newest, &queued))
    return;

  if (scope->n_changes > 0)
    {
      if (scope->earlier == NULL)
        scope->earlier = g_array_new (FALSE, FALSE, sizeof (SignetWriteChange));
      g_array_append_val (scope->earlier, scope->newest);
    }

  scope->newest = queued;
  scope->n_changes++;
}

static void
emit_change (SignetStore             *store,
             const SignetWriteChange *change)
{
  _signet_store_emit_changed (store, change->kind, change->id, change->change, change->detail);
}

gboolean
_signet_write_scope_commit (SignetWriteScope  *scope,
                            GError           **error)
{
  g_return_val_if_fail (scope->open, FALSE);

  /* A failed commit has rolled back already. */
  scope->open = FALSE;
  if (!_signet_store_commit_write (scope->store, error))
    return FALSE;

  for (guint i = 0; scope->earlier != NULL && i < scope->earlier->len; i++)
    emit_change (scope->store, &g_array_index (scope->earlier, SignetWriteChange, i));
  if (scope->n_changes > 0)
    emit_change (scope->store, &scope->newest);

  return TRUE;
}

void
_signet_write_scope_clear (SignetWriteScope *scope)
{
  if (scope->open)
    _signet_store_rollback_write (scope->store);

  scope->open = FALSE;
  scope->n_changes = 0;
  g_clear_pointer (&scope->earlier, g_array_unref);
}
