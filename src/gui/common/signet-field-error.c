/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "signet-field-error"

#include "config.h"

#include <adwaita.h>

#include "signet-field-error.h"

/* What a screen reader reads when the field has the focus: the text of an
 * entry or spin row, which is inside the row, or the field itself. */
static GtkAccessible *
accessible_part (GtkWidget *field)
{
  if (ADW_IS_PREFERENCES_ROW (field) && GTK_IS_EDITABLE (field) &&
      gtk_editable_get_delegate (GTK_EDITABLE (field)) != NULL)
    return GTK_ACCESSIBLE (gtk_editable_get_delegate (GTK_EDITABLE (field)));

  return GTK_ACCESSIBLE (field);
}

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
  gtk_accessible_update_state (accessible_part (field),
                               GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_TRUE,
                               -1);
  gtk_accessible_update_property (accessible_part (field),
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
  gtk_accessible_reset_state (accessible_part (field), GTK_ACCESSIBLE_STATE_INVALID);
  gtk_accessible_reset_property (accessible_part (field), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
}

GtkWidget *
signet_field_error_row_new (GtkLabel **label)
{
  GtkWidget *row = adw_preferences_row_new ();
  GtkWidget *message = gtk_label_new (NULL);

  g_return_val_if_fail (label != NULL, NULL);

  gtk_label_set_xalign (GTK_LABEL (message), 0.0f);
  gtk_label_set_wrap (GTK_LABEL (message), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (message), PANGO_WRAP_WORD_CHAR);
  gtk_widget_add_css_class (message, "error");
  gtk_widget_add_css_class (message, "caption");
  gtk_widget_set_visible (message, FALSE);

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), message);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_list_box_row_set_selectable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_focusable (row, FALSE);
  gtk_widget_add_css_class (row, "field-error");
  g_object_bind_property (message, "visible", row, "visible", G_BINDING_SYNC_CREATE);

  *label = GTK_LABEL (message);

  return row;
}
