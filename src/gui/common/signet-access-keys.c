/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "signet-access-keys"

#include "config.h"

#include <string.h>

#include "signet-access-keys.h"

/* The length of the "(_S)" of a translation at @p, in half- or
 * full-width parentheses, or 0. */
static gsize
marker_length (const char *p)
{
  const char *q = p;
  gunichar open = g_utf8_get_char (q);

  if (open != '(' && open != 0xFF08)
    return 0;
  q = g_utf8_next_char (q);
  if (*q != '_' || !g_ascii_isalnum (q[1]))
    return 0;
  q += 2;
  if (g_utf8_get_char (q) != (open == '(' ? ')' : 0xFF09))
    return 0;

  return g_utf8_next_char (q) - p;
}

char *
signet_access_keys_strip (const char *label)
{
  GString *stripped;

  g_return_val_if_fail (label != NULL, NULL);

  stripped = g_string_sized_new (strlen (label));
  for (const char *p = label; *p != '\0'; )
    {
      gsize length = marker_length (p);

      if (length > 0)
        {
          /* "保存 (_S)": the space before it goes too. */
          if (stripped->len > 0 && stripped->str[stripped->len - 1] == ' ')
            g_string_truncate (stripped, stripped->len - 1);
          p += length;
        }
      else if (*p == '_')
        {
          if (p[1] == '_')
            g_string_append_c (stripped, '_');
          p += p[1] == '_' ? 2 : 1;
        }
      else
        {
          const char *next = g_utf8_next_char (p);

          g_string_append_len (stripped, p, next - p);
          p = next;
        }
    }

  return g_string_free (stripped, FALSE);
}

/* A label that gives a button, a menu item or a field its access key
 * names it too (GTK relates them, and the relation wins over a name of the
 * button's own): the label shows "保存(S)", and its name says "保存". */
static void
name_label (GtkLabel *label)
{
  g_autofree char *stripped = NULL;

  if (!gtk_label_get_use_underline (label) || gtk_label_get_use_markup (label))
    return;

  stripped = signet_access_keys_strip (gtk_label_get_label (label));
  /* Without a marker of a translation's, GTK's own name is this already. */
  if (g_strcmp0 (stripped, gtk_label_get_text (label)) == 0)
    return;

  gtk_accessible_update_property (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_PROPERTY_LABEL, stripped, -1);
  /* A menu item is read by the text of the label it is labelled by
   * instead: it is named on its own. */
  for (GtkWidget *parent = gtk_widget_get_parent (GTK_WIDGET (label)); parent != NULL;
       parent = gtk_widget_get_parent (parent))
    {
      GtkAccessibleRole role = gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (parent));

      if (role == GTK_ACCESSIBLE_ROLE_MENU_ITEM || role == GTK_ACCESSIBLE_ROLE_MENU_ITEM_CHECKBOX ||
          role == GTK_ACCESSIBLE_ROLE_MENU_ITEM_RADIO)
        {
          gtk_accessible_reset_relation (GTK_ACCESSIBLE (parent), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
          gtk_accessible_update_property (GTK_ACCESSIBLE (parent), GTK_ACCESSIBLE_PROPERTY_LABEL, stripped, -1);
          break;
        }
      if (role != GTK_ACCESSIBLE_ROLE_GENERIC && role != GTK_ACCESSIBLE_ROLE_PRESENTATION)
        break;
    }
}

static gboolean
widget_mapped_cb (GSignalInvocationHint *hint,
                  guint                  n_values,
                  const GValue          *values,
                  gpointer               user_data)
{
  GObject *widget = g_value_get_object (&values[0]);

  if (GTK_IS_LABEL (widget))
    name_label (GTK_LABEL (widget));

  return TRUE;
}

void
signet_access_keys_install (void)
{
  static gsize installed = 0;

  /* Labels are made by GTK and libadwaita as well as by Signet (menu items,
   * the responses of alerts): each is named as it is shown. */
  if (g_once_init_enter (&installed))
    {
      GTypeClass *klass = g_type_class_ref (GTK_TYPE_LABEL);

      g_signal_add_emission_hook (g_signal_lookup ("map", GTK_TYPE_WIDGET), 0, widget_mapped_cb, NULL, NULL);
      g_type_class_unref (klass);
      g_once_init_leave (&installed, 1);
    }
}
