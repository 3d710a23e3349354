/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "signet-return-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "signet-date.h"
#include "signet-date-entry.h"
#include "signet-error-dialog.h"
#include "signet-return-dialog.h"

struct _SignetReturnDialog
{
  AdwAlertDialog   parent_instance;

  GtkListBox      *fields;
  SignetDateEntry *returned_row;
  AdwComboRow     *condition_row;
  AdwEntryRow     *note_row;
};

G_DEFINE_FINAL_TYPE (SignetReturnDialog, signet_return_dialog, ADW_TYPE_ALERT_DIALOG)

/* The combo row's items, in order. */
static const SignetLoanCondition conditions[] = { SIGNET_LOAN_CONDITION_INTACT, SIGNET_LOAN_CONDITION_DAMAGED };

static SignetLoanCondition
selected_condition (SignetReturnDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->condition_row);

  return selected < G_N_ELEMENTS (conditions) ? conditions[selected] : SIGNET_LOAN_CONDITION_INTACT;
}

/* The damage must be described; an intact original needs no words. */
static void
field_changed_cb (SignetReturnDialog *self)
{
  g_autofree char *date = NULL;
  g_autofree char *note = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->note_row))));
  gboolean damaged = selected_condition (self) == SIGNET_LOAN_CONDITION_DAMAGED;

  gtk_widget_set_visible (GTK_WIDGET (self->note_row), damaged);
  adw_alert_dialog_set_response_enabled (ADW_ALERT_DIALOG (self), "return",
                                         signet_date_entry_get_date (self->returned_row, &date, NULL) &&
                                         date != NULL && (!damaged || *note != '\0'));
}

static void
signet_return_dialog_class_init (SignetReturnDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  g_type_ensure (SIGNET_TYPE_DATE_ENTRY);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/signet-return-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, SignetReturnDialog, fields);
  gtk_widget_class_bind_template_child (widget_class, SignetReturnDialog, returned_row);
  gtk_widget_class_bind_template_child (widget_class, SignetReturnDialog, condition_row);
  gtk_widget_class_bind_template_child (widget_class, SignetReturnDialog, note_row);
  gtk_widget_class_bind_template_callback (widget_class, field_changed_cb);
}

static void
signet_return_dialog_init (SignetReturnDialog *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = 0; i < G_N_ELEMENTS (conditions); i++)
    gtk_string_list_append (names, signet_loan_condition_to_label (conditions[i]));
  adw_combo_row_set_model (self->condition_row, G_LIST_MODEL (names));
}

AdwDialog *
signet_return_dialog_new (const SignetLoan *loan,
                          const char       *today)
{
  SignetReturnDialog *self = g_object_new (SIGNET_TYPE_RETURN_DIALOG, NULL);
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  g_autofree char *lent = signet_date_format_display (loan->lent_on);
  g_autofree char *due = signet_date_format_display (loan->due_on);

  /* Translators: %s is the borrower: "Return from 王芳". */
  heading = g_strdup_printf (_("Return from %s"), loan->borrower != NULL ? loan->borrower : "");
  /* Translators: when the original was lent and when it was due back. */
  body = g_strdup_printf (_("Lent on %s, due on %s."), lent, due);
  adw_alert_dialog_set_heading (ADW_ALERT_DIALOG (self), heading);
  adw_alert_dialog_set_body (ADW_ALERT_DIALOG (self), body);
  signet_alert_dialog_wrap_heading (ADW_ALERT_DIALOG (self));

  signet_date_entry_set_date (self->returned_row, today);
  field_changed_cb (self);

  return ADW_DIALOG (self);
}

gboolean
signet_return_dialog_get (SignetReturnDialog   *self,
                          char                **returned_on,
                          SignetLoanCondition  *condition,
                          char                **note,
                          GError              **error)
{
  g_return_val_if_fail (SIGNET_IS_RETURN_DIALOG (self), FALSE);

  if (!signet_date_entry_get_date (self->returned_row, returned_on, error))
    return FALSE;

  *condition = selected_condition (self);
  *note = *condition == SIGNET_LOAN_CONDITION_DAMAGED
    ? g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->note_row))))
    : NULL;

  return TRUE;
}
