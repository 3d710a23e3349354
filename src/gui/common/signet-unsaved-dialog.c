/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "signet-unsaved-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "signet-error-dialog.h"
#include "signet-unsaved-dialog.h"

AdwDialog *
signet_unsaved_dialog_new (const char *name)
{
  AdwDialog *dialog;

  dialog = signet_alert_dialog_new (_("Save Changes?"), NULL);
  if (name != NULL && *name != '\0')
    adw_alert_dialog_format_body (ADW_ALERT_DIALOG (dialog),
                                  _("“%s” has changes that are not saved. "
                                    "If you discard them, they are lost."),
                                  name);
  else
    adw_alert_dialog_set_body (ADW_ALERT_DIALOG (dialog),
                               _("There are changes that are not saved. "
                                 "If you discard them, they are lost."));

  adw_alert_dialog_add_responses (ADW_ALERT_DIALOG (dialog),
                                  SIGNET_RESPONSE_CANCEL, _("_Cancel"),
                                  SIGNET_RESPONSE_DISCARD, _("_Discard"),
                                  SIGNET_RESPONSE_SAVE, _("_Save"),
                                  NULL);
  adw_alert_dialog_set_response_appearance (ADW_ALERT_DIALOG (dialog),
                                            SIGNET_RESPONSE_DISCARD,
                                            ADW_RESPONSE_DESTRUCTIVE);
  adw_alert_dialog_set_response_appearance (ADW_ALERT_DIALOG (dialog),
                                            SIGNET_RESPONSE_SAVE,
                                            ADW_RESPONSE_SUGGESTED);
  adw_alert_dialog_set_default_response (ADW_ALERT_DIALOG (dialog), SIGNET_RESPONSE_SAVE);
  adw_alert_dialog_set_close_response (ADW_ALERT_DIALOG (dialog), SIGNET_RESPONSE_CANCEL);

  return dialog;
}
