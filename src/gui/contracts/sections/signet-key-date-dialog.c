/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "signet-key-date-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "signet-date-entry.h"
#include "signet-error-dialog.h"
#include "signet-key-date-dialog.h"
#include "signet-key-dates.h"

struct _SignetKeyDateDialog
{
  AdwAlertDialog   parent_instance;

  AdwComboRow     *kind_row;
  SignetDateEntry *date_row;
  GtkEditable     *title_row;
  GtkEditable     *note_row;
};

G_DEFINE_FINAL_TYPE (SignetKeyDateDialog, signet_key_date_dialog, ADW_TYPE_ALERT_DIALOG)

/* The kinds a user adds, in the order the Kind row lists them; the others
 * are derived from the contract, and a payment is planned in the
 * payments section, with its amount. */
static const SignetKeyDateKind kinds[] = {
  SIGNET_KEY_DATE_MILESTONE, SIGNET_KEY_DATE_OTHER,
};

static void
signet_key_date_dialog_class_init (SignetKeyDateDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  g_type_ensure (SIGNET_TYPE_DATE_ENTRY);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/signet-key-date-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, SignetKeyDateDialog, kind_row);
  gtk_widget_class_bind_template_child (widget_class, SignetKeyDateDialog, date_row);
  gtk_widget_class_bind_template_child (widget_class, SignetKeyDateDialog, title_row);
  gtk_widget_class_bind_template_child (widget_class, SignetKeyDateDialog, note_row);
}

static void
signet_key_date_dialog_init (SignetKeyDateDialog *self)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));
  signet_alert_dialog_wrap_heading (ADW_ALERT_DIALOG (self));

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    gtk_string_list_append (labels, signet_key_date_kind_to_label (kinds[i]));
  adw_combo_row_set_model (self->kind_row, G_LIST_MODEL (labels));
}

AdwDialog *
signet_key_date_dialog_new (const char *today)
{
  SignetKeyDateDialog *self = g_object_new (SIGNET_TYPE_KEY_DATE_DIALOG, NULL);

  signet_date_entry_set_date (self->date_row, today);

  return ADW_DIALOG (self);
}

SignetUserKeyDate *
signet_key_date_dialog_dup_key_date (SignetKeyDateDialog  *self,
                                     gint64                contract_id,
                                     GError              **error)
{
  g_autofree char *iso = NULL;
  guint kind;

  g_return_val_if_fail (SIGNET_IS_KEY_DATE_DIALOG (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!signet_date_entry_get_date (self->date_row, &iso, error))
    return NULL;

  kind = MIN (adw_combo_row_get_selected (self->kind_row), G_N_ELEMENTS (kinds) - 1);

  return signet_user_key_date_new (contract_id, kinds[kind], iso != NULL ? iso : "",
                                   gtk_editable_get_text (self->title_row),
                                   gtk_editable_get_text (self->note_row));
}
