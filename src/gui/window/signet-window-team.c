/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "signet-window"

#include "config.h"

#include <glib/gi18n.h>

#include "signet-connect-dialog.h"
#include "signet-team-register.h"
#include "signet-window-private.h"

/* The window and team registers: win.connect-team-register opens one in
 * this window, and a banner under the header bar of the page on screen
 * says when the connection to it is lost (the store's "connected" is
 * FALSE while it reconnects). */

static void
switch_store (SignetWindow *self,
              gpointer      data)
{
  _signet_window_set_store (self, data);
}

static void
connected_cb (SignetWindow *self,
              SignetStore  *store,
              const char   *notice)
{
  /* Edits on the page are saved or dropped first, as the user says. */
  _signet_window_after_unsaved (self, switch_store, g_object_ref (store), g_object_unref);
  if (notice != NULL)
    adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (notice));
}

static void
connect_team_register_activated (GtkWidget  *widget,
                                 const char *action_name,
                                 GVariant   *parameter)
{
  AdwDialog *dialog = signet_connect_dialog_new ();

  g_signal_connect_object (dialog, "connected", G_CALLBACK (connected_cb), widget, G_CONNECT_SWAPPED);
  adw_dialog_present (dialog, widget);
}

/* The contract's page has the banner under its header bar when the list,
 * whose banner it would repeat, is not beside it. */
static gboolean
contract_connection_banner_revealed_cb (gpointer this_object,
                                        gboolean connection_lost,
                                        gboolean collapsed)
{
  return connection_lost && collapsed;
}

void
_signet_window_class_init_team (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.connect-team-register", NULL,
                                   connect_team_register_activated);
  gtk_widget_class_bind_template_callback (widget_class, contract_connection_banner_revealed_cb);
}

GtkWidget *
_signet_window_new_connection_banner (SignetWindow *self)
{
  GtkWidget *banner = adw_banner_new (adw_banner_get_title (self->connection_banner));

  g_object_bind_property (self->connection_banner, "revealed", banner, "revealed", G_BINDING_SYNC_CREATE);

  return banner;
}

static gboolean
banner_revealed_from_connected (GBinding     *binding,
                                const GValue *from,
                                GValue       *to,
                                gpointer      user_data)
{
  g_value_set_boolean (to, !g_value_get_boolean (from));
  return TRUE;
}

void
_signet_window_set_team_store (SignetWindow *self,
                               SignetStore  *store)
{
  g_autoptr(SignetTeamAddress) address = NULL;
  const char *path = store != NULL ? signet_store_get_path (store) : NULL;

  if (self->connection_binding != NULL)
    g_binding_unbind (self->connection_binding);
  g_clear_object (&self->connection_binding);
  adw_banner_set_revealed (self->connection_banner, FALSE);

  if (path == NULL || !(g_str_has_prefix (path, "postgresql://") || g_str_has_prefix (path, "postgres://")))
    return;

  /* The subtitle names the database and its server; never the address,
   * which holds the password. */
  address = signet_team_address_parse (path, NULL, NULL);
  if (address != NULL)
    {
      g_autofree char *description = signet_team_address_describe (address);

      adw_window_title_set_subtitle (self->list_window_title, description);
    }

  self->connection_binding = g_object_ref (g_object_bind_property_full (store, "connected",
                                                                        self->connection_banner, "revealed",
                                                                        G_BINDING_SYNC_CREATE,
                                                                        banner_revealed_from_connected,
                                                                        NULL, NULL, NULL));
}
