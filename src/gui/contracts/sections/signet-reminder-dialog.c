/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "signet-reminder-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "signet-error-dialog.h"
#include "signet-reminder-dialog.h"

struct _SignetReminderDialog
{
  AdwAlertDialog  parent_instance;

  GtkEditable    *end_row;
  GtkEditable    *notice_row;
  GtkEditable    *review_row;
};

G_DEFINE_FINAL_TYPE (SignetReminderDialog, signet_reminder_dialog, ADW_TYPE_ALERT_DIALOG)

static void
show_leads (GtkEditable                  *row,
            const SignetReminderSettings *settings,
            SignetKeyDateKind             kind)
{
  GArray *leads = settings != NULL ? signet_reminder_settings_get_leads (settings, kind) : NULL;
  g_autofree char *text = NULL;

  if (leads == NULL)
    return;

  text = signet_reminder_leads_to_string (leads);
  gtk_editable_set_text (row, text);
}

static gboolean
read_leads (GtkEditable  *row,
            GArray      **leads,
            GError      **error)
{
  const char *text = gtk_editable_get_text (row);
  g_autofree char *trimmed = g_strstrip (g_strdup (text != NULL ? text : ""));

  /* Left empty: as in Preferences. */
  *leads = NULL;
  if (*trimmed == '\0')
    return TRUE;

  *leads = signet_reminder_leads_parse (text, error);

  return *leads != NULL;
}

static void
signet_reminder_dialog_class_init (SignetReminderDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/signet-reminder-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, SignetReminderDialog, end_row);
  gtk_widget_class_bind_template_child (widget_class, SignetReminderDialog, notice_row);
  gtk_widget_class_bind_template_child (widget_class, SignetReminderDialog, review_row);
}

static void
signet_reminder_dialog_init (SignetReminderDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  signet_alert_dialog_wrap_heading (ADW_ALERT_DIALOG (self));
}

AdwDialog *
signet_reminder_dialog_new (const SignetReminderSettings *settings)
{
  SignetReminderDialog *self = g_object_new (SIGNET_TYPE_REMINDER_DIALOG, NULL);

  show_leads (self->end_row, settings, SIGNET_KEY_DATE_END);
  show_leads (self->notice_row, settings, SIGNET_KEY_DATE_NOTICE_DEADLINE);
  show_leads (self->review_row, settings, SIGNET_KEY_DATE_REVIEW);

  return ADW_DIALOG (self);
}

SignetReminderSettings *
signet_reminder_dialog_dup_settings (SignetReminderDialog  *self,
                                     GError               **error)
{
  g_autoptr(SignetReminderSettings) settings = NULL;

  g_return_val_if_fail (SIGNET_IS_REMINDER_DIALOG (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  settings = signet_reminder_settings_new ();
  if (!read_leads (self->end_row, &settings->end_leads, error) ||
      !read_leads (self->notice_row, &settings->notice_leads, error) ||
      !read_leads (self->review_row, &settings->review_leads, error))
    return NULL;

  return g_steal_pointer (&settings);
}
