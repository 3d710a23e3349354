/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "signet-reminders.h"
#include "signet-store.h"

G_BEGIN_DECLS

/* Sends the reminders that are due as desktop notifications: when asked
 * (at start-up), and again each day while Signet runs. Each notification
 * opens its contract ("app.open-contract") and can be acknowledged
 * ("app.acknowledge-reminder"), after which it never comes again. A day's
 * reminders already sent are not sent twice. */
#define SIGNET_TYPE_REMINDER_NOTIFIER (signet_reminder_notifier_get_type ())

G_DECLARE_FINAL_TYPE (SignetReminderNotifier, signet_reminder_notifier, SIGNET, REMINDER_NOTIFIER, GObject)

/* Where notifications go: g_application_send_notification() unless a test
 * collects them. A NULL @notification withdraws the one with @id. */
typedef void (*SignetNotifyFunc) (const char    *id,
                                  GNotification *notification,
                                  gpointer       user_data);

/* At most this many reminders get a notification of their own; the rest
 * are counted in one more that opens the calendar's agenda. */
#define SIGNET_REMINDER_MAX_NOTIFICATIONS 5

SignetReminderNotifier *signet_reminder_notifier_new         (GApplication           *app,
                                                              SignetStore            *store,
                                                              GSettings              *settings);
void                    signet_reminder_notifier_set_func    (SignetReminderNotifier *self,
                                                              SignetNotifyFunc        func,
                                                              gpointer                user_data);
/* Sends what is due today (the store's today) and not sent yet; returns
 * how many notifications were sent. A check that fails says so once, in a
 * notification ("reminders-failed") withdrawn when a check succeeds
 * again; on a busy register or a full disk it is tried again after a
 * minute, five, then every fifteen minutes. */
guint                   signet_reminder_notifier_check       (SignetReminderNotifier *self);
/* Checks now and then every day shortly after midnight, in a thread on a
 * connection of its own; the notifications go out from the main thread. */
void                    signet_reminder_notifier_start       (SignetReminderNotifier *self);
/* "app.acknowledge-reminder" with (contract id, kind token, event date,
 * lead days). On a busy register or a full disk it is kept and stored at
 * the next retry (TRUE); FALSE for what retrying cannot cure. */
gboolean                signet_reminder_notifier_acknowledge (SignetReminderNotifier *self,
                                                              GVariant               *parameter,
                                                              GError                **error);
/* For tests: the delays of the retries, the last one repeating. */
void                    signet_reminder_notifier_set_retry_delays (SignetReminderNotifier *self,
                                                                   const guint            *delays_ms,
                                                                   guint                   n_delays);
/* The lead times set in Preferences (the app's settings), for contracts
 * without their own. */
SignetReminderSettings *signet_reminder_settings_new_from_gsettings (GSettings *settings);
/* The notification id for a reminder, stable for the same event. */
char                   *signet_reminder_notification_id      (const SignetReminder   *reminder);

G_END_DECLS
