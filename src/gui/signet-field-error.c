/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "signet-field-error"

#include "config.h"

#include "signet-field-error.h"

void
signet_field_error_show (GtkWidget  *field,
                         GtkLabel   *label,
                         const char *message)
{
  signet_field_error_mark (field, label, message);
  gtk_widget_grab_focus (field);
}

void
signet_field_error_mark (GtkWidget  *field,
                         GtkLabel   *label,
                         const char *message)
{
  g_return_if_fail (GTK_IS_WIDGET (field));
  g_return_if_fail (GTK_IS_LABEL (label));

  gtk_widget_add_css_class (field, "error");
  gtk_label_set_text (label, message);
  gtk_widget_set_visible (GTK_WIDGET (label), TRUE);
  gtk_accessible_update_state (GTK_ACCESSIBLE (field),
                               GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_TRUE,
                               -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (field),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message,
                                  -1);
}

void
signet_field_error_clear (GtkWidget *field,
                          GtkLabel  *label)
{
  g_return_if_fail (GTK_IS_WIDGET (field));
  g_return_if_fail (GTK_IS_LABEL (label));

  gtk_widget_remove_css_class (field, "error");
  gtk_widget_set_visible (GTK_WIDGET (label), FALSE);
  gtk_accessible_reset_state (GTK_ACCESSIBLE (field), GTK_ACCESSIBLE_STATE_INVALID);
  gtk_accessible_reset_property (GTK_ACCESSIBLE (field), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
}
