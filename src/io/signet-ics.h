/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "signet-reminders.h"
#include "signet-store.h"

G_BEGIN_DECLS

/* Every UID ends in it: "0f8e7c1a-3b2d-4c5e-9f60-718293a4b5c6@signetapp.github.io". */
#define SIGNET_ICS_UID_DOMAIN "signetapp.github.io"

/* Writes the events dated @from to @to (YYYY-MM-DD, inclusive; NULL for no
 * bound) as an iCalendar file (RFC 5545) named "Contract Dates" (NAME and
 * X-WR-CALNAME, translated): one all-day VEVENT per event, ordered like the
 * calendar, with a UID that stays the same from one export to the next and
 * is no other register's (made from the UUIDs of signet-store-uuids.h:
 * derived dates by a version 5 UUID of their contract's, kind and date; key
 * dates users added by their own, so that moving one updates it in a
 * subscribed calendar), a
 * DTSTAMP from the contract's last recorded change, and a VALARM for each
 * lead time of the reminders Signet gives for it (the contract's own, or
 * @reminder_defaults, the Preferences; NULL for the built-in ones).
 * Nothing depends on when it runs: the same register gives the same bytes.
 * @dest is written through a temporary file in its folder and renamed, so
 * a subscribed calendar never reads half a file. */
gboolean signet_ics_export           (SignetStore                  *store,
                                      GFile                        *dest,
                                      const char                   *from,
                                      const char                   *to,
                                      const SignetReminderSettings *reminder_defaults,
                                      GCancellable                 *cancellable,
                                      GError                      **error);
/* The same onto a stream, which is neither truncated nor closed. */
gboolean signet_ics_export_to_stream (SignetStore                  *store,
                                      GOutputStream                *stream,
                                      const char                   *from,
                                      const char                   *to,
                                      const SignetReminderSettings *reminder_defaults,
                                      GCancellable                 *cancellable,
                                      GError                      **error);
/* Runs signet_ics_export() in a thread, on its own connection to the
 * database of @store (as of the same day). */
void     signet_ics_export_async     (SignetStore                  *store,
                                      GFile                        *dest,
                                      const char                   *from,
                                      const char                   *to,
                                      const SignetReminderSettings *reminder_defaults,
                                      GCancellable                 *cancellable,
                                      GAsyncReadyCallback           callback,
                                      gpointer                      user_data);
gboolean signet_ics_export_finish    (SignetStore          *store,
                                      GAsyncResult         *result,
                                      GError              **error);

G_END_DECLS
