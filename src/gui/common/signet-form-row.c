/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "signet-form-row"

#include "config.h"

#include <glib/gi18n.h>

#include "signet-field-error.h"
#include "signet-form-row.h"

static GQuark
field_quark (void)
{
  return g_quark_from_static_string ("signet-form-field");
}

static void
name_field (GtkWidget   *widget,
            SignetField  field)
{
  gtk_accessible_update_property (GTK_ACCESSIBLE (widget),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, signet_field_to_label (field),
                                  -1);
  signet_form_set_field (widget, field);
}

void
signet_form_row_add (AdwPreferencesGroup  *group,
                     SignetField           field,
                     GtkWidget            *row,
                     GtkLabel            **error_label)
{
  g_return_if_fail (ADW_IS_PREFERENCES_GROUP (group));
  g_return_if_fail (ADW_IS_PREFERENCES_ROW (row));
  g_return_if_fail (error_label != NULL);

  /* A field's name is plain text: a translation may hold "&" or "<". */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), signet_field_to_label (field));
  name_field (row, field);
  adw_preferences_group_add (group, row);
  adw_preferences_group_add (group, signet_field_error_row_new (error_label));
}

GtkTextView *
signet_form_notes_add (AdwPreferencesGroup  *group,
                       SignetField           field,
                       int                   height,
                       GtkLabel            **error_label)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *view = gtk_text_view_new ();
  GtkWidget *label = gtk_label_new (NULL);

  g_return_val_if_fail (ADW_IS_PREFERENCES_GROUP (group), NULL);
  g_return_val_if_fail (error_label != NULL, NULL);

  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (view), FALSE);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 12);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (view), 12);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 12);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 12);
  gtk_widget_set_size_request (view, -1, height);
  gtk_widget_add_css_class (view, "card");
  name_field (view, field);
  gtk_box_append (GTK_BOX (box), view);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0f);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_widget_set_visible (label, FALSE);
  gtk_widget_add_css_class (label, "error");
  gtk_widget_add_css_class (label, "caption");
  gtk_box_append (GTK_BOX (box), label);
  adw_preferences_group_add (group, box);

  *error_label = GTK_LABEL (label);

  return GTK_TEXT_VIEW (view);
}

void
signet_form_set_field (GtkWidget   *widget,
                       SignetField  field)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  g_object_set_qdata (G_OBJECT (widget), field_quark (), GUINT_TO_POINTER (field));
}

SignetField
signet_form_get_field (GtkWidget *widget)
{
  g_return_val_if_fail (GTK_IS_WIDGET (widget), 0);

  return GPOINTER_TO_UINT (g_object_get_qdata (G_OBJECT (widget), field_quark ()));
}
