/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "signet-error-dialog"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "signet-error-dialog.h"

#if !ADW_CHECK_VERSION (1, 8, 0)
static GtkWidget *
find_heading_label (GtkWidget *widget)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_has_css_class (widget, "title-2"))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_heading_label (child);

      if (found != NULL)
        return found;
    }

  return NULL;
}
#endif

void
signet_alert_dialog_wrap_heading (AdwAlertDialog *dialog)
{
#if !ADW_CHECK_VERSION (1, 8, 0)
  GtkWidget *label;

  g_return_if_fail (ADW_IS_ALERT_DIALOG (dialog));

  label = find_heading_label (adw_dialog_get_child (ADW_DIALOG (dialog)));

  /* libadwaita 1.7 asks the heading's one-line label how tall it is at
   * the dialog's width even when the line is wider than that (and then
   * shows its smaller, wrapping heading), which GTK warns about; 1.8 asks
   * at the line's own width. A label that may wrap answers at any width,
   * and is still shown on one line when it fits. */
  if (label != NULL)
    gtk_label_set_wrap (GTK_LABEL (label), TRUE);
#endif
}

AdwDialog *
signet_alert_dialog_new (const char *heading,
                         const char *body)
{
  AdwDialog *dialog = adw_alert_dialog_new (heading, body);

  signet_alert_dialog_wrap_heading (ADW_ALERT_DIALOG (dialog));

  return dialog;
}

void
signet_error_dialog_show (GtkWidget    *widget,
                          const char   *heading,
                          const GError *error)
{
  AdwDialog *dialog;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (heading != NULL && error != NULL);

  if (!GTK_IS_WINDOW (gtk_widget_get_root (widget)))
    {
      g_warning ("%s: %s", heading, error->message);
      return;
    }

  dialog = signet_alert_dialog_new (heading, error->message);
  adw_alert_dialog_add_response (ADW_ALERT_DIALOG (dialog), "close", _("_Close"));
  adw_dialog_present (dialog, widget);
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
