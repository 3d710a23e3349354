/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "signet-store"

#include "config.h"

#include "signet-store-private.h"

/* Writes made through other connections: the app's own import thread, a
 * `signet --import`, a second window or process on the same file. SQLite
 * tells a connection that someone else committed through PRAGMA
 * data_version, which reads the WAL index in shared memory: when nothing
 * changed, a check makes four system calls (a lock taken and released,
 * two fstat) and reads no byte of a file (bench/signet-bench-watch.c).
 * Only then is the audit log read: every
 * write leaves one entry per record in it, in the write's transaction, so
 * the entries after the last one seen say precisely what changed. The
 * store's own entries among them are skipped, since their signals went
 * out when they were written; they are known by their ids, which within
 * one transaction are consecutive (the write lock is held throughout and
 * audit rows are only ever added). A commit that wrote no audit entry (the
 * events index moved to a new day, a file's extracted text) changed no
 * record a view shows, and nothing is emitted for it. */

/* More entries than this at once (an import) become one "reset": every
 * precise change makes the window's list query its order again, which at
 * 100,000 contracts takes about as long as the reload after a reset
 * (15-20 ms; bench/signet-bench-watch.c). A save in another window is
 * one entry, a contract imported with its new client two. */
#define MAX_PRECISE_CHANGES 4

#define WATCH_INTERVAL_S 1

typedef struct
{
  gint64 first;
  gint64 last;
} AuditRange;

static gboolean
read_data_version (SignetStore  *self,
                   gint64       *version,
                   GError      **error)
{
  *version = _signet_store_query_int64 (self, "PRAGMA data_version", error);

  return *version >= 0;
}

static gboolean
is_own_entry (SignetStore *self,
              gint64       id)
{
  for (guint i = 0; self->own_audit_ranges != NULL && i < self->own_audit_ranges->len; i++)
    {
      const AuditRange *range = &g_array_index (self->own_audit_ranges, AuditRange, i);

      if (id >= range->first && id <= range->last)
        return TRUE;
    }

  return FALSE;
}

/* Ranges wholly at or before the last entry seen will not be met again. */
static void
drop_seen_ranges (SignetStore *self)
{
  guint kept = 0;

  if (self->own_audit_ranges == NULL)
    return;

  for (guint i = 0; i < self->own_audit_ranges->len; i++)
    {
      AuditRange range = g_array_index (self->own_audit_ranges, AuditRange, i);

      if (range.last > self->seen_audit_id)
        g_array_index (self->own_audit_ranges, AuditRange, kept++) = range;
    }
  g_array_set_size (self->own_audit_ranges, kept);
}

/* The entries after the last one seen, others' only, in the order they
 * were written, into @changes; *@too_many when there are more than
 * MAX_PRECISE_CHANGES of them; *@newest the newest entry either way. */
static gboolean
read_new_entries (SignetStore  *self,
                  GArray       *changes,
                  gboolean     *too_many,
                  gint64       *newest,
                  GError      **error)
{
  SignetDbStmt *stmt;
  int rc;

  *too_many = FALSE;
  *newest = self->seen_audit_id;

  stmt = _signet_store_statement (self,
                                  "SELECT id, action, record_kind, record_id FROM audit "
                                  "WHERE id > ? ORDER BY id", error);
  if (stmt == NULL)
    return FALSE;

  signet_db_bind_int64 (stmt, 1, self->seen_audit_id);
  while ((rc = signet_db_step (stmt)) == SIGNET_DB_ROW)
    {
      gint64 id = signet_db_column_int64 (stmt, 0);
      SignetAuditAction action;
      SignetWriteChange change;

      *newest = id;
      if (is_own_entry (self, id))
        continue;

      change.kind = _signet_record_kind_from_token (signet_db_column_text (stmt, 2));
      change.id = signet_db_column_int64 (stmt, 3);
      /* Key dates, reviews, attachments and annotations are written as
       * changes of their contract; an action of a newer Signet, as a
       * change of the record's fields. */
      action = signet_audit_action_from_token (signet_db_column_text (stmt, 1));
      change.change = _signet_audit_action_get_change (action);
      change.detail = _signet_audit_action_get_detail (action);

      /* A record written several times over is one change to show. */
      if (changes->len > 0)
        {
          const SignetWriteChange *last = &g_array_index (changes, SignetWriteChange, changes->len - 1);

          if (last->kind == change.kind && last->id == change.id && last->change == change.change &&
              last->detail == change.detail)
            continue;
        }

      if (changes->len == MAX_PRECISE_CHANGES)
        {
          *too_many = TRUE;
          break;
        }
      g_array_append_val (changes, change);
    }
  signet_db_reset (stmt);

  if (rc != SIGNET_DB_DONE && rc != SIGNET_DB_ROW)
    return _signet_store_set_error (self, rc, error);

  /* The rest of an import's hundred thousand entries need not be read:
   * the "reset" covers them, and whatever lands after them too. */
  if (*too_many)
    {
      *newest = _signet_store_query_int64 (self, "SELECT coalesce(max(id), 0) FROM audit", error);
      if (*newest < 0)
        return FALSE;
    }

  return TRUE;
}

static gboolean
watch_timeout_cb (gpointer data)
{
  SignetStore *self = data;
  g_autoptr(GError) error = NULL;

  /* A busy or locked register is looked at again on the next tick. */
  if (!signet_store_check_external_changes (self, &error))
    g_debug ("Could not look for changes made elsewhere: %s", error->message);

  return G_SOURCE_CONTINUE;
}

void
_signet_store_watch_start (SignetStore *self)
{
  g_autoptr(GError) error = NULL;

  /* What the migrations wrote is before the first entry seen. */
  self->pending_audit_first = 0;
  self->pending_audit_last = 0;

  if (self->sqlite != NULL && !read_data_version (self, &self->seen_data_version, &error))
    {
      g_debug ("Could not read the data version: %s", error->message);
      self->seen_data_version = -1;
    }

  /* An empty log reads as NULL, which is 0: no entry has id 0. */
  self->seen_audit_id = MAX (0, _signet_store_query_int64 (self, "SELECT coalesce(max(id), 0) FROM audit", NULL));
}

void
_signet_store_watch_finalize (SignetStore *self)
{
  if (self->watch_source != NULL)
    {
      g_source_destroy (self->watch_source);
      g_clear_pointer (&self->watch_source, g_source_unref);
    }
  g_clear_pointer (&self->own_audit_ranges, g_array_unref);
}

void
_signet_store_note_own_audit (SignetStore *self,
                              gint64       audit_id)
{
  if (self->pending_audit_first == 0)
    self->pending_audit_first = audit_id;
  self->pending_audit_last = audit_id;
}

void
_signet_store_own_writes_ended (SignetStore *self,
                                gboolean     committed)
{
  AuditRange range = { self->pending_audit_first, self->pending_audit_last };

  self->pending_audit_first = 0;
  self->pending_audit_last = 0;

  /* Ids of a rolled-back write are given to the next writer's entries. */
  if (!committed || range.first == 0 || range.last <= self->seen_audit_id)
    return;

  if (self->own_audit_ranges == NULL)
    self->own_audit_ranges = g_array_new (FALSE, FALSE, sizeof (AuditRange));

  /* Writes of this store one after another, as most are, are one range. */
  if (self->own_audit_ranges->len > 0)
    {
      AuditRange *last = &g_array_index (self->own_audit_ranges, AuditRange,
                                         self->own_audit_ranges->len - 1);

      if (last->last + 1 == range.first)
        {
          last->last = range.last;
          return;
        }
    }

  g_array_append_val (self->own_audit_ranges, range);
}

gboolean
signet_store_check_external_changes (SignetStore  *self,
                                     GError      **error)
{
  g_autoptr(GArray) changes = g_array_new (FALSE, FALSE, sizeof (SignetWriteChange));
  gboolean too_many;
  gint64 version;
  gint64 newest;

  g_return_val_if_fail (SIGNET_IS_STORE (self), FALSE);

  /* data_version is a file's; a server tells its listeners instead. */
  if (self->sqlite == NULL)
    return TRUE;

  /* In the middle of its own transaction, the store sees only its own
   * snapshot; the next check comes soon enough. */
  if (self->batch_depth > 0 || signet_db_in_transaction (self->db))
    return TRUE;

  if (!read_data_version (self, &version, error))
    return FALSE;

  if (version == self->seen_data_version)
    return TRUE;

  if (!read_new_entries (self, changes, &too_many, &newest, error))
    return FALSE;

  /* Taken as seen before anything is emitted: a handler that writes, or
   * checks again, must not meet these entries a second time. */
  self->seen_data_version = version;
  self->seen_audit_id = newest;
  drop_seen_ranges (self);

  if (too_many)
    {
      _signet_store_emit_reset (self);
      return TRUE;
    }

  for (guint i = 0; i < changes->len; i++)
    {
      const SignetWriteChange *change = &g_array_index (changes, SignetWriteChange, i);

      _signet_store_emit_changed (self, change->kind, change->id, change->change, change->detail);
    }

  return TRUE;
}

void
signet_store_watch_external_changes (SignetStore *self,
                                     gboolean     watch)
{
  g_return_if_fail (SIGNET_IS_STORE (self));
  g_return_if_fail (watch || self->n_watchers > 0);

  if (!watch)
    {
      if (--self->n_watchers == 0)
        {
          g_source_destroy (self->watch_source);
          g_clear_pointer (&self->watch_source, g_source_unref);
        }
      return;
    }

  if (self->n_watchers++ > 0)
    return;

  /* Whole seconds: GLib wakes every such timer of the process together.
   * Low priority: input and drawing go first. */
  self->watch_source = g_timeout_source_new_seconds (WATCH_INTERVAL_S);
  g_source_set_priority (self->watch_source, G_PRIORITY_LOW);
  g_source_set_callback (self->watch_source, watch_timeout_cb, self, NULL);
  g_source_set_static_name (self->watch_source, "[signet] changes made elsewhere");
  g_source_attach (self->watch_source, g_main_context_get_thread_default ());
}
