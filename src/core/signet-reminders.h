/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "signet-event.h"
#include "signet-store.h"

G_BEGIN_DECLS

/* The most lead times one kind of event can have, and the longest one. */
#define SIGNET_REMINDER_MAX_LEADS     8
#define SIGNET_REMINDER_MAX_LEAD_DAYS 3650

/* Lead times in days before an event, longest first (90, 30, 7). NULL for
 * a kind means "the defaults" (the Preferences); an empty array means no
 * reminders for that kind. */
typedef struct
{
  GArray *end_leads;      /* of guint */
  GArray *notice_leads;   /* of guint */
  GArray *review_leads;   /* of guint */
} SignetReminderSettings;

/* The built-in defaults: 90, 30 and 7 days before an end or a notice
 * deadline; 14 days before a review and on its day. */
SignetReminderSettings *signet_reminder_settings_new_default (void);
/* All NULL: every kind follows the defaults. */
SignetReminderSettings *signet_reminder_settings_new         (void);
SignetReminderSettings *signet_reminder_settings_copy        (const SignetReminderSettings *settings);
void                    signet_reminder_settings_free        (SignetReminderSettings       *settings);
/* The lead times of @kind (END, NOTICE_DEADLINE or REVIEW); NULL when
 * @settings leaves it to the defaults. */
GArray                 *signet_reminder_settings_get_leads   (const SignetReminderSettings *settings,
                                                              SignetKeyDateKind             kind);

/* "90 30 7" <-> lead times. Parsing accepts spaces and commas, drops
 * duplicates and sorts longest first; "" is no reminders. */
GArray                 *signet_reminder_leads_parse          (const char                   *text,
                                                              GError                      **error);
char                   *signet_reminder_leads_to_string      (GArray                       *leads);

/* A reminder that is due: @lead_days before the event, or later. */
typedef struct
{
  SignetEvent *event;
  guint        lead_days;
  int          days_left;   /* from today to the event; negative once it passed */
  char        *owner;       /* the contract's owner, named in a payment's or a loan's title; nullable */
} SignetReminder;

void                    signet_reminder_free                 (SignetReminder               *reminder);
/* One line for a notification, e.g. "Notice deadline in 7 days: HT-2026-0001
 * Cleaning services" or "Review overdue by 3 days: …"; a payment's or a
 * loan's names the contract's owner: "Payment “首付款” overdue by 3 days:
 * … (owner: 张伟)". Translated. */
char                   *signet_reminder_dup_title            (const SignetReminder         *reminder);

/* The reminders due on @today (YYYY-MM-DD) and not acknowledged, for the
 * end, notice deadline and review events of contracts in force, the
 * pending approval steps, and the planned payments not paid in full and
 * the loans of the original not returned (from 7 days before they are due,
 * whatever the contract's status). With lead
 * times L1 > L2 > … for an event on day D, the reminder for Lk is due from
 * D − Lk on; only the most urgent lead time reached (the smallest) is
 * returned, so an event gives at most one reminder. It stays due, once
 * the event has passed too (then overdue), until it is acknowledged.
 * Acknowledging a lead time also settles the longer ones: a reminder
 * acknowledged once never comes again. @defaults are the lead times of the
 * contracts without their own (NULL kinds in @defaults: none). Ordered by
 * event date. Depends on nothing but its arguments and the register: no
 * clock is read. */
GPtrArray              *signet_reminders_due                 (SignetStore                  *store,
                                                              const char                   *today,
                                                              const SignetReminderSettings *defaults,
                                                              GError                      **error);
/* Records that @reminder was seen, with the time and the OS user. */
gboolean                signet_reminder_acknowledge          (SignetStore                  *store,
                                                              const SignetReminder         *reminder,
                                                              GError                      **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SignetReminderSettings, signet_reminder_settings_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SignetReminder, signet_reminder_free)

G_END_DECLS
