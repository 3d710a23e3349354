/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "signet-signing-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "signet-date-entry.h"
#include "signet-error-dialog.h"
#include "signet-field-error.h"
#include "signet-signing-dialog.h"

struct _SignetSigningDialog
{
  AdwAlertDialog   parent_instance;

  GtkListBox      *fields;
  SignetDateEntry *ours_row;
  SignetDateEntry *theirs_row;
  GtkLabel        *ours_error;
  GtkLabel        *theirs_error;
};

G_DEFINE_FINAL_TYPE (SignetSigningDialog, signet_signing_dialog, ADW_TYPE_ALERT_DIALOG)

/* The date of @row in @iso; FALSE when there is none, said under the
 * field with @show. */
static gboolean
read_date (SignetDateEntry  *row,
           GtkLabel         *error_label,
           gboolean          show,
           char            **iso)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *date = NULL;

  if (signet_date_entry_get_date (row, &date, &error) && date != NULL)
    {
      signet_field_error_clear (GTK_WIDGET (row), error_label);
      if (iso != NULL)
        *iso = g_steal_pointer (&date);
      return TRUE;
    }

  if (show)
    signet_field_error_mark (GTK_WIDGET (row), error_label,
                             error != NULL ? error->message : _("Both signing dates are required."));

  return FALSE;
}

static gboolean
check_fields (SignetSigningDialog *self,
              gboolean             show)
{
  gboolean ours = read_date (self->ours_row, self->ours_error, show, NULL);
  gboolean theirs = read_date (self->theirs_row, self->theirs_error, show, NULL);

  adw_alert_dialog_set_response_enabled (ADW_ALERT_DIALOG (self), "sign", ours && theirs);

  return ours && theirs;
}

/* A date half typed is no error yet: what is wrong is said on Enter, and
 * goes as soon as the field holds a date. */
static void
field_changed_cb (SignetSigningDialog *self,
                  GtkEditable         *editable)
{
  check_fields (self, FALSE);
}

static void
field_activated_cb (SignetSigningDialog *self,
                    AdwEntryRow         *row)
{
  check_fields (self, TRUE);
}

static void
signet_signing_dialog_class_init (SignetSigningDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  g_type_ensure (SIGNET_TYPE_DATE_ENTRY);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/signet-signing-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, SignetSigningDialog, fields);
  gtk_widget_class_bind_template_child (widget_class, SignetSigningDialog, ours_row);
  gtk_widget_class_bind_template_child (widget_class, SignetSigningDialog, theirs_row);
  gtk_widget_class_bind_template_callback (widget_class, field_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, field_activated_cb);
}

static void
signet_signing_dialog_init (SignetSigningDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  signet_alert_dialog_wrap_heading (ADW_ALERT_DIALOG (self));

  gtk_list_box_insert (self->fields, signet_field_error_row_new (&self->ours_error), 1);
  gtk_list_box_insert (self->fields, signet_field_error_row_new (&self->theirs_error), 3);
}

AdwDialog *
signet_signing_dialog_new (const char *today)
{
  SignetSigningDialog *self = g_object_new (SIGNET_TYPE_SIGNING_DIALOG, NULL);

  signet_date_entry_set_date (self->ours_row, today);
  signet_date_entry_set_date (self->theirs_row, today);
  check_fields (self, FALSE);

  return ADW_DIALOG (self);
}

gboolean
signet_signing_dialog_fill_step (SignetSigningDialog *self,
                                 SignetProcessStep   *step)
{
  g_autofree char *ours = NULL;
  g_autofree char *theirs = NULL;

  g_return_val_if_fail (SIGNET_IS_SIGNING_DIALOG (self), FALSE);
  g_return_val_if_fail (step != NULL, FALSE);

  if (!check_fields (self, TRUE) ||
      !read_date (self->ours_row, self->ours_error, TRUE, &ours) ||
      !read_date (self->theirs_row, self->theirs_error, TRUE, &theirs))
    return FALSE;

  step->action = SIGNET_PROCESS_ACTION_MARK_SIGNED;
  g_free (step->our_signing_date);
  step->our_signing_date = g_steal_pointer (&ours);
  g_free (step->their_signing_date);
  step->their_signing_date = g_steal_pointer (&theirs);

  return TRUE;
}
