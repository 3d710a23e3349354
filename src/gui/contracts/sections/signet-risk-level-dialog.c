/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "signet-risk-level-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "signet-error-dialog.h"
#include "signet-risk-level-dialog.h"

struct _SignetRiskLevelDialog
{
  AdwAlertDialog  parent_instance;

  GtkEditable    *reason_row;
};

G_DEFINE_FINAL_TYPE (SignetRiskLevelDialog, signet_risk_level_dialog, ADW_TYPE_ALERT_DIALOG)

/* A level kept without a word of why would tell the next reader nothing. */
static void
reason_changed_cb (SignetRiskLevelDialog *self)
{
  g_autofree char *reason = g_strstrip (g_strdup (gtk_editable_get_text (self->reason_row)));

  adw_alert_dialog_set_response_enabled (ADW_ALERT_DIALOG (self), "keep", *reason != '\0');
}

static void
signet_risk_level_dialog_class_init (SignetRiskLevelDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/signet-risk-level-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, SignetRiskLevelDialog, reason_row);
}

static void
signet_risk_level_dialog_init (SignetRiskLevelDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect_swapped (self->reason_row, "changed", G_CALLBACK (reason_changed_cb), self);
}

AdwDialog *
signet_risk_level_dialog_new (SignetRiskLevel level,
                              SignetRiskLevel suggested)
{
  SignetRiskLevelDialog *self = g_object_new (SIGNET_TYPE_RISK_LEVEL_DIALOG, NULL);
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  g_autofree char *response = NULL;

  /* Translators: a dialog's heading; %s is a risk level: "Keep Risk Level Low?". */
  heading = g_strdup_printf (_("Keep Risk Level %s?"), signet_risk_level_to_label (level));
  /* Translators: the first %s is the suggested level, the second the
   * contract's, as in "High" and "Low". */
  body = g_strdup_printf (_("Its open risks suggest %s. Say why this contract stays at %s: "
                            "the reason is kept in its History, and you are asked again when "
                            "the suggestion or the level changes."),
                          signet_risk_level_to_label (suggested), signet_risk_level_to_label (level));
  /* Translators: a dialog's button; %s is a risk level: "Keep Low". */
  response = g_strdup_printf (_("_Keep %s"), signet_risk_level_to_label (level));

  adw_alert_dialog_set_heading (ADW_ALERT_DIALOG (self), heading);
  adw_alert_dialog_set_body (ADW_ALERT_DIALOG (self), body);
  adw_alert_dialog_set_response_label (ADW_ALERT_DIALOG (self), "keep", response);
  signet_alert_dialog_wrap_heading (ADW_ALERT_DIALOG (self));

  return ADW_DIALOG (self);
}

const char *
signet_risk_level_dialog_get_reason (SignetRiskLevelDialog *self)
{
  g_return_val_if_fail (SIGNET_IS_RISK_LEVEL_DIALOG (self), NULL);

  return gtk_editable_get_text (self->reason_row);
}
