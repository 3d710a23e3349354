/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "signet-reminders.h"

G_BEGIN_DECLS

#define SIGNET_TYPE_REMINDER_DIALOG (signet_reminder_dialog_get_type ())

G_DECLARE_FINAL_TYPE (SignetReminderDialog, signet_reminder_dialog, SIGNET, REMINDER_DIALOG, AdwAlertDialog)

/* Reminders for This Contract: how many days before its end date, its
 * notice deadline and a review reminders come, as in @settings (the
 * contract's own; NULL or a field left empty follows Preferences). It
 * answers "save" or "cancel"; Enter in a field saves, Escape cancels. */
AdwDialog              *signet_reminder_dialog_new          (const SignetReminderSettings  *settings);
/* The lead times as the fields say (NULL leads for a field left empty),
 * or NULL with @error saying which days could not be read. */
SignetReminderSettings *signet_reminder_dialog_dup_settings (SignetReminderDialog          *self,
                                                             GError                       **error);

G_END_DECLS
