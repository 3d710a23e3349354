/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "signet-let-expire-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "signet-date.h"
#include "signet-error-dialog.h"
#include "signet-let-expire-dialog.h"

struct _SignetLetExpireDialog
{
  AdwAlertDialog  parent_instance;

  AdwEntryRow    *comment_row;
};

G_DEFINE_FINAL_TYPE (SignetLetExpireDialog, signet_let_expire_dialog, ADW_TYPE_ALERT_DIALOG)

static void
signet_let_expire_dialog_class_init (SignetLetExpireDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/signet-let-expire-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, SignetLetExpireDialog, comment_row);
}

static void
signet_let_expire_dialog_init (SignetLetExpireDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

AdwDialog *
signet_let_expire_dialog_new (const char *number,
                              const char *end)
{
  SignetLetExpireDialog *self = g_object_new (SIGNET_TYPE_LET_EXPIRE_DIALOG, NULL);
  g_autofree char *end_shown = signet_date_format_display (end);
  /* Translators: %s is a contract's number. */
  g_autofree char *heading = g_strdup_printf (_("Let %s Expire?"), number);
  g_autofree char *body = g_strdup_printf (
    /* Translators: %s is the end of the contract's current term. */
    _("The contract does not renew itself on %s: it ends that day, and its dates and reminders stop. "
      "It can still be renewed as a new contract before then."), end_shown);

  adw_alert_dialog_set_heading (ADW_ALERT_DIALOG (self), heading);
  adw_alert_dialog_set_body (ADW_ALERT_DIALOG (self), body);
  signet_alert_dialog_wrap_heading (ADW_ALERT_DIALOG (self));

  return ADW_DIALOG (self);
}

char *
signet_let_expire_dialog_dup_comment (SignetLetExpireDialog *self)
{
  g_autofree char *text = NULL;

  g_return_val_if_fail (SIGNET_IS_LET_EXPIRE_DIALOG (self), NULL);

  text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->comment_row))));

  return *text != '\0' ? g_steal_pointer (&text) : NULL;
}
