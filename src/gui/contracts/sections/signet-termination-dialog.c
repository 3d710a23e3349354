/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "signet-termination-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "signet-date-entry.h"
#include "signet-error-dialog.h"
#include "signet-field-error.h"
#include "signet-termination-dialog.h"

struct _SignetTerminationDialog
{
  AdwAlertDialog   parent_instance;

  GtkListBox      *fields;
  AdwComboRow     *reason_row;
  SignetDateEntry *date_row;
  GtkEditable     *comment_row;
  GtkLabel        *date_error;
  GtkLabel        *comment_error;
};

G_DEFINE_FINAL_TYPE (SignetTerminationDialog, signet_termination_dialog, ADW_TYPE_ALERT_DIALOG)

static gboolean
read_date (SignetTerminationDialog  *self,
           gboolean                  show,
           char                    **iso)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *date = NULL;

  if (signet_date_entry_get_date (self->date_row, &date, &error) && date != NULL)
    {
      signet_field_error_clear (GTK_WIDGET (self->date_row), self->date_error);
      if (iso != NULL)
        *iso = g_steal_pointer (&date);
      return TRUE;
    }

  if (show)
    signet_field_error_mark (GTK_WIDGET (self->date_row), self->date_error,
                             error != NULL ? error->message : _("Say from which day the termination takes effect."));

  return FALSE;
}

static gboolean
read_comment (SignetTerminationDialog  *self,
              gboolean                  show,
              char                    **comment)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (self->comment_row)));

  if (*text != '\0')
    {
      signet_field_error_clear (GTK_WIDGET (self->comment_row), self->comment_error);
      if (comment != NULL)
        *comment = g_steal_pointer (&text);
      return TRUE;
    }

  if (show)
    signet_field_error_mark (GTK_WIDGET (self->comment_row), self->comment_error,
                             _("Say what led to the termination."));

  return FALSE;
}

static gboolean
check_fields (SignetTerminationDialog *self,
              gboolean                 show)
{
  gboolean date = read_date (self, show, NULL);
  gboolean comment = read_comment (self, show, NULL);

  adw_alert_dialog_set_response_enabled (ADW_ALERT_DIALOG (self), "terminate", date && comment);

  return date && comment;
}

/* Typing takes an error away; a comment emptied says so at once. */
static void
field_changed_cb (SignetTerminationDialog *self,
                  GtkEditable             *editable)
{
  check_fields (self, FALSE);
  if (editable == self->comment_row)
    read_comment (self, TRUE, NULL);
}

static void
field_activated_cb (SignetTerminationDialog *self,
                    AdwEntryRow             *row)
{
  check_fields (self, TRUE);
}

static void
signet_termination_dialog_class_init (SignetTerminationDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  g_type_ensure (SIGNET_TYPE_DATE_ENTRY);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/signet-termination-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, SignetTerminationDialog, fields);
  gtk_widget_class_bind_template_child (widget_class, SignetTerminationDialog, reason_row);
  gtk_widget_class_bind_template_child (widget_class, SignetTerminationDialog, date_row);
  gtk_widget_class_bind_template_child (widget_class, SignetTerminationDialog, comment_row);
  gtk_widget_class_bind_template_callback (widget_class, field_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, field_activated_cb);
}

static void
signet_termination_dialog_init (SignetTerminationDialog *self)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  const char * const *reasons = signet_termination_reasons ();

  gtk_widget_init_template (GTK_WIDGET (self));
  signet_alert_dialog_wrap_heading (ADW_ALERT_DIALOG (self));

  for (guint i = 0; reasons[i] != NULL; i++)
    gtk_string_list_append (labels, signet_termination_reason_to_label (reasons[i]));
  adw_combo_row_set_model (self->reason_row, G_LIST_MODEL (labels));

  gtk_list_box_insert (self->fields, signet_field_error_row_new (&self->date_error), 2);
  gtk_list_box_insert (self->fields, signet_field_error_row_new (&self->comment_error), 4);
}

AdwDialog *
signet_termination_dialog_new (const char *today)
{
  SignetTerminationDialog *self = g_object_new (SIGNET_TYPE_TERMINATION_DIALOG, NULL);

  signet_date_entry_set_date (self->date_row, today);
  check_fields (self, FALSE);

  return ADW_DIALOG (self);
}

gboolean
signet_termination_dialog_fill_step (SignetTerminationDialog *self,
                                     SignetProcessStep       *step)
{
  const char * const *reasons = signet_termination_reasons ();
  g_autofree char *date = NULL;
  g_autofree char *comment = NULL;
  guint reason;

  g_return_val_if_fail (SIGNET_IS_TERMINATION_DIALOG (self), FALSE);
  g_return_val_if_fail (step != NULL, FALSE);

  if (!check_fields (self, TRUE) || !read_date (self, TRUE, &date) || !read_comment (self, TRUE, &comment))
    return FALSE;

  reason = MIN (adw_combo_row_get_selected (self->reason_row), g_strv_length ((char **) reasons) - 1);

  step->action = SIGNET_PROCESS_ACTION_TERMINATE;
  g_free (step->termination_reason);
  step->termination_reason = g_strdup (reasons[reason]);
  g_free (step->effective_date);
  step->effective_date = g_steal_pointer (&date);
  g_free (step->comment);
  step->comment = g_steal_pointer (&comment);

  return TRUE;
}
