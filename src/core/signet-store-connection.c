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

/* LISTEN, and which server process is this connection's: the
 * announcements it makes are of the store's own writes, whose signals went
 * out as they were written. */
gboolean
_signet_store_connection_listen (SignetStore  *self,
                                 GError      **error)
{
  int rc = signet_db_pg_listen (self->db, CHANNEL);

  if (rc != SIGNET_DB_OK)
    return _signet_store_set_error (self, rc, error);

  self->backend_pid = _signet_store_query_int64 (self, "SELECT pg_backend_pid ()", error);

  return self->backend_pid > 0;
}

static void schedule_reconnect (SignetStore *self);

static gboolean
reconnect_cb (gpointer data)
{
  SignetStore *self = data;
  g_autoptr(GError) error = NULL;

  g_clear_pointer (&self->reconnect_source, g_source_unref);

  /* A batch's transaction is gone with the connection; connected again
   * under it, the batch's next writes would each commit alone. Its caller
   * rolls it back on the error its writes get. */
  if (self->batch_depth > 0)
    {
      schedule_reconnect (self);
      return G_SOURCE_REMOVE;
    }

  /* A new session: what the old one was told is to be told again (the
   * reading-only of signet-store-server.c, LISTEN). */
  if (!signet_db_pg_reconnect (self->db, &error) ||
      (self->read_only &&
       !_signet_store_exec (self, "SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY", &error)) ||
      !_signet_store_connection_listen (self, &error))
    {
      g_debug ("Could not connect to the server again: %s", error->message);
      self->reconnect_delay_s = MIN (self->reconnect_delay_s * 2, MAX_RECONNECT_DELAY_S);
      schedule_reconnect (self);
      return G_SOURCE_REMOVE;
    }

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

  return G_SOURCE_REMOVE;
}

static void
schedule_reconnect (SignetStore *self)
{
  if (self->reconnect_source != NULL)
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
}
