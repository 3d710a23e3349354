/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "signet-error-dialog"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "signet-error-dialog.h"

void
signet_error_dialog_show (GtkWidget    *widget,
                          const char   *heading,
                          const GError *error)
{
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *dialog;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (heading != NULL && error != NULL);

  if (!GTK_IS_WINDOW (root))
    {
      g_warning ("%s: %s", heading, error->message);
      return;
    }

  dialog = adw_message_dialog_new (GTK_WINDOW (root), heading, error->message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

void
signet_toast_show (GtkWidget *widget,
                   gpointer   toast)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (widget, ADW_TYPE_TOAST_OVERLAY);

  g_return_if_fail (ADW_IS_TOAST (toast));

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
  else
    {
      g_message ("%s", adw_toast_get_title (toast));
      g_object_unref (g_object_ref_sink (toast));
    }
}
