/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "signet-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "signet-db-pg.h"
#include "signet-store-private.h"

/* A team register's connection to its server, which a network, a restart
 * of the server or an administrator can take away. When a call finds it
 * lost, the call fails with SIGNET_STORE_ERROR_DISCONNECTED: the server
 * rolled back the transaction it was in, so nothing of it was written and
 * the same save made again once connected is written once. The store
 * connects again by itself on a timer, 1 s after the loss and then twice
 * as long each time up to 30 s, so that a server down for long is not
 * knocked at every second by every window; meanwhile "connected" is
 * FALSE, for the window's banner. Once back it listens for others' writes
 * again and emits "reset": what they wrote while it was away was announced
 * to a connection that no longer exists. */

#define CHANNEL "signet_changes"
#define FIRST_RECONNECT_DELAY_S 1
#define MAX_RECONNECT_DELAY_S 30

enum {
  PROP_0,
  PROP_CONNECTED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
signet_store_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  SignetStore *self = (SignetStore *) object;

  switch (prop_id)
    {
    case PROP_CONNECTED:
      g_value_set_boolean (value, signet_store_get_connected (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

void
_signet_store_connection_class_init (GObjectClass *object_class)
{
  object_class->get_property = signet_store_get_property;

  properties[PROP_CONNECTED] =
    g_param_spec_boolean ("connected", NULL, NULL, TRUE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

gboolean
signet_store_get_connected (SignetStore *self)
{
  g_return_val_if_fail (SIGNET_IS_STORE (self), FALSE);

  return !self->disconnected;
}

/* LISTEN on @db, and which server process is its: the announcements that
 * one makes are of the store's own writes, whose signals went out as they
 * were written. @read_only: the session is made to refuse writes, as
 * signet-store-server.c makes the first one of a store opened so. Only
 * @db is used, so that a thread may start a session on a connection of
 * its own. */
static gboolean
start_session (SignetDb  *db,
               gboolean   read_only,
               gint64    *pid,
               GError   **error)
{
  SignetDbStmt *stmt = NULL;
  int rc;

  rc = read_only ? signet_db_exec (db, "SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY") : SIGNET_DB_OK;
  if (rc == SIGNET_DB_OK)
    rc = signet_db_pg_listen (db, CHANNEL);
  if (rc == SIGNET_DB_OK)
    rc = signet_db_prepare (db, "SELECT pg_backend_pid ()", FALSE, &stmt);
  if (rc == SIGNET_DB_OK && (rc = signet_db_step (stmt)) == SIGNET_DB_ROW)
    {
      *pid = signet_db_column_int64 (stmt, 0);
      rc = SIGNET_DB_OK;
    }
  g_clear_pointer (&stmt, signet_db_finalize);

  if (rc != SIGNET_DB_OK)
    {
      g_set_error (error, SIGNET_STORE_ERROR, SIGNET_STORE_ERROR_FAILED,
                   _("The database reported an error: %s"), signet_db_errmsg (db));
      return FALSE;
    }

  return TRUE;
}

gboolean
_signet_store_connection_listen (SignetStore  *self,
                                 GError      **error)
{
  return start_session (self->db, FALSE, &self->backend_pid, error);
}

static void schedule_reconnect (SignetStore *self);

/* A new connection made in a thread, with its session started. */
typedef struct
{
  SignetDb *db;
  gint64    pid;
} Session;

static void
session_free (Session *session)
{
  g_clear_pointer (&session->db, signet_db_close);
  g_free (session);
}

typedef struct
{
  char     *path;
  gboolean  read_only;
} Connecting;

static void
connecting_free (Connecting *connecting)
{
  g_free (connecting->path);
  g_free (connecting);
}

/* Connecting blocks until the server answers or connect_timeout (10 s)
 * passes, resolving the host's name first: in a thread, so that the
 * window goes on showing its banner meanwhile. */
static void
connect_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  Connecting *connecting = task_data;
  g_autofree Session *session = g_new0 (Session, 1);
  GError *error = NULL;

  session->db = signet_db_pg_open (connecting->path, &error);
  if (session->db == NULL ||
      !start_session (session->db, connecting->read_only, &session->pid, &error))
    {
      g_clear_pointer (&session->db, signet_db_close);
      g_task_return_error (task, error);
      return;
    }

  g_task_return_pointer (task, g_steal_pointer (&session), (GDestroyNotify) session_free);
}

static void
connected_cb (GObject      *source_object,
              GAsyncResult *result,
              gpointer      data)
{
  g_autoptr(GError) error = NULL;
  Session *session = g_task_propagate_pointer (G_TASK (result), &error);
  SignetStore *self;

  /* The store is gone. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self = data;
  g_clear_object (&self->reconnect_cancellable);

  if (session == NULL)
    {
      g_debug ("Could not connect to the server again: %s", error->message);
      self->reconnect_delay_s = MIN (self->reconnect_delay_s * 2, MAX_RECONNECT_DELAY_S);
      schedule_reconnect (self);
      return;
    }

  /* The statements were the old connection's; they are prepared again on
   * the new one as they are asked for. */
  g_hash_table_remove_all (self->statements);
  signet_db_close (self->db);
  self->db = g_steal_pointer (&session->db);
  self->backend_pid = session->pid;
  session_free (session);

  g_debug ("Connected to the server again");
  self->disconnected = FALSE;
  self->reconnect_delay_s = 0;
  g_array_set_size (self->announced_ids, 0);
  self->announced_many = FALSE;
  _signet_store_watch_reconnected (self);

  /* The reset first: it forgets what the old session held (the current
   * terms' TEMP table, see signet-store-current-terms.c) before anyone
   * told of the connection reads again. */
  _signet_store_emit_reset (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONNECTED]);
}

static gboolean
reconnect_cb (gpointer data)
{
  SignetStore *self = data;
  g_autoptr(GTask) task = NULL;
  Connecting *connecting;

  g_clear_pointer (&self->reconnect_source, g_source_unref);

  /* A batch's transaction is gone with the connection; connected again
   * under it, the batch's next writes would each commit alone. Its caller
   * rolls it back on the error its writes get (and none begins while the
   * connection is lost). */
  if (self->batch_depth > 0)
    {
      schedule_reconnect (self);
      return G_SOURCE_REMOVE;
    }

  /* A new connection rather than the old one made again: the old one
   * stays the store's, failing every call at once, until the new one is
   * ready to take its place. */
  connecting = g_new0 (Connecting, 1);
  connecting->path = g_strdup (self->path);
  connecting->read_only = self->read_only;
  self->reconnect_cancellable = g_cancellable_new ();
  task = g_task_new (NULL, self->reconnect_cancellable, connected_cb, self);
  g_task_set_source_tag (task, reconnect_cb);
  g_task_set_return_on_cancel (task, TRUE);
  g_task_set_task_data (task, connecting, (GDestroyNotify) connecting_free);
  g_task_run_in_thread (task, connect_thread);

  return G_SOURCE_REMOVE;
}

static void
schedule_reconnect (SignetStore *self)
{
  if (self->reconnect_source != NULL || self->reconnect_cancellable != NULL)
    return;

  if (self->reconnect_delay_s == 0)
    self->reconnect_delay_s = FIRST_RECONNECT_DELAY_S;

  self->reconnect_source = g_timeout_source_new_seconds (self->reconnect_delay_s);
  g_source_set_callback (self->reconnect_source, reconnect_cb, self, NULL);
  g_source_set_static_name (self->reconnect_source, "[signet] connecting to the server again");
  g_source_attach (self->reconnect_source, g_main_context_get_thread_default ());
}

gboolean
_signet_store_connection_check_lost (SignetStore  *self,
                                     GError      **error)
{
  if (self->db == NULL || !signet_db_is_pg (self->db) || !signet_db_pg_is_lost (self->db))
    return FALSE;

  g_set_error_literal (error, SIGNET_STORE_ERROR, SIGNET_STORE_ERROR_DISCONNECTED,
                       _("The server cannot be reached. Nothing was saved; "
                         "Signet is connecting again."));

  if (!self->disconnected)
    {
      g_debug ("The connection to the server is lost: %s", signet_db_errmsg (self->db));
      self->disconnected = TRUE;
      _signet_store_watch_disconnected (self);
      schedule_reconnect (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONNECTED]);
    }

  return TRUE;
}

void
_signet_store_connection_finalize (SignetStore *self)
{
  if (self->reconnect_source != NULL)
    {
      g_source_destroy (self->reconnect_source);
      g_clear_pointer (&self->reconnect_source, g_source_unref);
    }
  /* A connection under way is closed by its thread's task, unused. */
  g_cancellable_cancel (self->reconnect_cancellable);
  g_clear_object (&self->reconnect_cancellable);
}
