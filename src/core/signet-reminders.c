/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "signet-reminders"

#include "config.h"

#include <stdlib.h>

#include <glib/gi18n.h>

#include "signet-date.h"
#include "signet-reminders.h"
#include "signet-store-events.h"

/* A pending approval step reminds from this many days before it is due
 * until it is decided: the Preferences have no lead times for it. */
#define APPROVAL_LEAD_DAYS 1

/* A planned payment not paid in full and a loan of the original not
 * returned remind the contract's owner from this many days before they are
 * due until they are settled: the Preferences and a contract's own
 * settings have lead times for its end, notice deadline and reviews only. */
#define COMMITMENT_LEAD_DAYS 7

static GArray *
leads_new (guint        n_leads,
           const guint *leads)
{
  GArray *array = g_array_sized_new (FALSE, FALSE, sizeof (guint), n_leads);

  g_array_append_vals (array, leads, n_leads);

  return array;
}

static GArray *
leads_copy (GArray *leads)
{
  return leads != NULL ? leads_new (leads->len, (const guint *) leads->data) : NULL;
}

static int
compare_leads_descending (gconstpointer a,
                          gconstpointer b)
{
  guint x = *(const guint *) a;
  guint y = *(const guint *) b;

  return x < y ? 1 : x > y ? -1 : 0;
}

/* Longest first, each once. */
static void
leads_normalize (GArray *leads)
{
  guint kept = 0;

  g_array_sort (leads, compare_leads_descending);

  for (guint i = 0; i < leads->len; i++)
    if (kept == 0 || g_array_index (leads, guint, i) != g_array_index (leads, guint, kept - 1))
      g_array_index (leads, guint, kept++) = g_array_index (leads, guint, i);

  g_array_set_size (leads, kept);
}

SignetReminderSettings *
signet_reminder_settings_new (void)
{
  return g_new0 (SignetReminderSettings, 1);
}

/* Reviews get one reminder two weeks ahead, to plan the review, and one on
 * the day; an end and a notice deadline need a quarter's warning to
 * negotiate, a month to decide and a week to act. */
SignetReminderSettings *
signet_reminder_settings_new_default (void)
{
  static const guint deadline_leads[] = { 90, 30, 7 };
  static const guint review_leads[] = { 14, 0 };
  SignetReminderSettings *settings = signet_reminder_settings_new ();

  settings->end_leads = leads_new (G_N_ELEMENTS (deadline_leads), deadline_leads);
  settings->notice_leads = leads_new (G_N_ELEMENTS (deadline_leads), deadline_leads);
  settings->review_leads = leads_new (G_N_ELEMENTS (review_leads), review_leads);

  return settings;
}

SignetReminderSettings *
signet_reminder_settings_copy (const SignetReminderSettings *settings)
{
  SignetReminderSettings *copy;

  g_return_val_if_fail (settings != NULL, NULL);

  copy = signet_reminder_settings_new ();
  copy->end_leads = leads_copy (settings->end_leads);
  copy->notice_leads = leads_copy (settings->notice_leads);
  copy->review_leads = leads_copy (settings->review_leads);

  return copy;
}

void
signet_reminder_settings_free (SignetReminderSettings *settings)
{
  if (settings == NULL)
    return;

  g_clear_pointer (&settings->end_leads, g_array_unref);
  g_clear_pointer (&settings->notice_leads, g_array_unref);
  g_clear_pointer (&settings->review_leads, g_array_unref);
  g_free (settings);
}

GArray *
signet_reminder_settings_get_leads (const SignetReminderSettings *settings,
                                    SignetKeyDateKind             kind)
{
  g_return_val_if_fail (settings != NULL, NULL);

  switch (kind)
    {
    case SIGNET_KEY_DATE_END:             return settings->end_leads;
    case SIGNET_KEY_DATE_NOTICE_DEADLINE: return settings->notice_leads;
    case SIGNET_KEY_DATE_REVIEW:          return settings->review_leads;
    default:
      g_return_val_if_reached (NULL);
    }
}

GArray *
signet_reminder_leads_parse (const char  *text,
                             GError     **error)
{
  g_autoptr(GArray) leads = g_array_new (FALSE, FALSE, sizeof (guint));
  g_auto(GStrv) words = NULL;

  g_return_val_if_fail (text != NULL, NULL);

  words = g_strsplit_set (text, " ,\t", -1);
  for (guint i = 0; words[i] != NULL; i++)
    {
      guint64 days;

      if (*words[i] == '\0')
        continue;

      if (!g_ascii_string_to_unsigned (words[i], 10, 0, SIGNET_REMINDER_MAX_LEAD_DAYS, &days, NULL))
        {
          /* Translators: %s is what the user typed, %d the largest number allowed. */
          g_set_error (error, SIGNET_FIELD_ERROR, SIGNET_FIELD_NONE,
                       _("“%s” is not a number of days from 0 to %d."),
                       words[i], SIGNET_REMINDER_MAX_LEAD_DAYS);
          return NULL;
        }

      g_array_append_val (leads, (guint) { days });
    }

  leads_normalize (leads);

  if (leads->len > SIGNET_REMINDER_MAX_LEADS)
    {
      g_set_error (error, SIGNET_FIELD_ERROR, SIGNET_FIELD_NONE,
                   g_dngettext (GETTEXT_PACKAGE, "Give at most %d reminder.", "Give at most %d reminders.",
                                SIGNET_REMINDER_MAX_LEADS),
                   SIGNET_REMINDER_MAX_LEADS);
      return NULL;
    }

  return g_steal_pointer (&leads);
}

char *
signet_reminder_leads_to_string (GArray *leads)
{
  g_autoptr(GArray) sorted = NULL;
  GString *text = g_string_new (NULL);

  g_return_val_if_fail (leads != NULL, NULL);

  sorted = leads_copy (leads);
  leads_normalize (sorted);

  for (guint i = 0; i < sorted->len; i++)
    g_string_append_printf (text, i > 0 ? " %u" : "%u", g_array_index (sorted, guint, i));

  return g_string_free (text, FALSE);
}

void
signet_reminder_free (SignetReminder *reminder)
{
  if (reminder == NULL)
    return;

  g_clear_object (&reminder->event);
  g_free (reminder->owner);
  g_free (reminder);
}

/* The event as the titles below name it: "HT-2026-0001 Cleaning services". */
static char *
describe_contract (SignetEvent *event)
{
  /* Translators: a contract in a reminder: its number, then its title. */
  return g_strdup_printf (C_("reminder", "%s %s"),
                          signet_event_get_contract_number (event),
                          signet_event_get_contract_title (event));
}

static char *
dup_commitment_title (const SignetReminder *reminder,
                      const char           *contract)
{
  const char *title = signet_event_get_title (reminder->event);
  int days = reminder->days_left;

  if (signet_event_get_kind (reminder->event) == SIGNET_KEY_DATE_PAYMENT)
    {
      /* Translators: a notification for a planned payment: its title
       * ("首付款"), a number of days and the contract ("HT-2026-0001 Cleaning
       * services"). */
      if (days > 0)
        return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                             "Payment “%s” due in %d day: %s",
                                             "Payment “%s” due in %d days: %s", days),
                                title, days, contract);
      if (days == 0)
        return g_strdup_printf (_("Payment “%s” due today: %s"), title, contract);
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "Payment “%s” overdue by %d day: %s",
                                           "Payment “%s” overdue by %d days: %s", -days),
                              title, -days, contract);
    }

  /* Translators: a notification for a loan of the paper original: the
   * borrower ("王芳"), a number of days and the contract. */
  if (days > 0)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "Original lent to %s due back in %d day: %s",
                                         "Original lent to %s due back in %d days: %s", days),
                            title, days, contract);
  if (days == 0)
    return g_strdup_printf (_("Original lent to %s due back today: %s"), title, contract);
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "Original lent to %s overdue by %d day: %s",
                                       "Original lent to %s overdue by %d days: %s", -days),
                          title, -days, contract);
}

char *
signet_reminder_dup_title (const SignetReminder *reminder)
{
  g_autofree char *contract = NULL;
  int days;

  g_return_val_if_fail (reminder != NULL, NULL);

  contract = describe_contract (reminder->event);
  days = reminder->days_left;

  switch (signet_event_get_kind (reminder->event))
    {
    case SIGNET_KEY_DATE_END:
      if (days > 0)
        /* Translators: a notification. %d is a number of days, %s the
         * contract ("HT-2026-0001 Cleaning services"); so are the ones
         * that follow. */
        return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Ends in %d day: %s", "Ends in %d days: %s", days),
                                days, contract);
      if (days == 0)
        return g_strdup_printf (_("Ends today: %s"), contract);
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "Ended %d day ago and is still in force: %s",
                                           "Ended %d days ago and is still in force: %s", -days),
                              -days, contract);

    case SIGNET_KEY_DATE_NOTICE_DEADLINE:
      if (days > 0)
        return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                             "Notice deadline in %d day: %s",
                                             "Notice deadline in %d days: %s", days),
                                days, contract);
      if (days == 0)
        return g_strdup_printf (_("Notice deadline today: %s"), contract);
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "Notice deadline passed %d day ago: %s",
                                           "Notice deadline passed %d days ago: %s", -days),
                              -days, contract);

    case SIGNET_KEY_DATE_REVIEW:
      if (days > 0)
        return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                             "Review due in %d day: %s",
                                             "Review due in %d days: %s", days),
                                days, contract);
      if (days == 0)
        return g_strdup_printf (_("Review due today: %s"), contract);
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "Review overdue by %d day: %s",
                                           "Review overdue by %d days: %s", -days),
                              -days, contract);

    case SIGNET_KEY_DATE_PAYMENT:
    case SIGNET_KEY_DATE_LOAN:
      {
        g_autofree char *title = dup_commitment_title (reminder, contract);

        if (reminder->owner == NULL)
          return g_steal_pointer (&title);

        /* Translators: a notification, then the contract's owner, whom it
         * reminds ("张伟"). */
        return g_strdup_printf (_("%s (owner: %s)"), title, reminder->owner);
      }

    case SIGNET_KEY_DATE_APPROVAL:
      /* Translators: the step of the approval is the event's title ("法务"). */
      if (days > 0)
        return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                             "Approval by %s due in %d day: %s",
                                             "Approval by %s due in %d days: %s", days),
                                signet_event_get_title (reminder->event), days, contract);
      if (days == 0)
        return g_strdup_printf (_("Approval by %s due today: %s"), signet_event_get_title (reminder->event), contract);
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "Approval by %s overdue by %d day: %s",
                                           "Approval by %s overdue by %d days: %s", -days),
                              signet_event_get_title (reminder->event), -days, contract);

    default:
      g_return_val_if_reached (NULL);
    }
}

static int
days_between (const GDate *from,
              const char  *to)
{
  GDate date;

  if (!signet_date_parse (to, &date))
    return 0;

  return (int) g_date_get_julian (&date) - (int) g_date_get_julian (from);
}

static int
compare_reminders (gconstpointer a,
                   gconstpointer b)
{
  SignetEvent *x = (*(SignetReminder * const *) a)->event;
  SignetEvent *y = (*(SignetReminder * const *) b)->event;
  int cmp = g_strcmp0 (signet_event_get_date (x), signet_event_get_date (y));

  if (cmp == 0)
    cmp = (int) signet_event_get_kind (x) - (int) signet_event_get_kind (y);
  if (cmp == 0)
    cmp = g_strcmp0 (signet_event_get_contract_number (x), signet_event_get_contract_number (y));

  return cmp;
}

static guint
max_lead (GArray *leads)
{
  /* Normalized: the first is the longest. */
  return leads != NULL && leads->len > 0 ? g_array_index (leads, guint, 0) : 0;
}

GPtrArray *
signet_reminders_due (SignetStore                   *store,
                      const char                    *today,
                      const SignetReminderSettings  *defaults,
                      GError                       **error)
{
  g_autoptr(GPtrArray) reminders = NULL;
  g_autoptr(GPtrArray) candidates = NULL;
  g_autoptr(SignetReminderSettings) normalized = NULL;
  g_autofree char *until = NULL;
  guint horizon;
  GDate today_date, until_date;

  g_return_val_if_fail (SIGNET_IS_STORE (store), NULL);
  g_return_val_if_fail (signet_date_parse (today, &today_date), NULL);
  g_return_val_if_fail (defaults != NULL, NULL);

  normalized = signet_reminder_settings_copy (defaults);
  if (normalized->end_leads != NULL)
    leads_normalize (normalized->end_leads);
  if (normalized->notice_leads != NULL)
    leads_normalize (normalized->notice_leads);
  if (normalized->review_leads != NULL)
    leads_normalize (normalized->review_leads);

  /* The store reads the events up to the longest default lead time, and
   * further for the few contracts with lead times of their own. */
  horizon = MAX (max_lead (normalized->end_leads),
                 MAX (max_lead (normalized->notice_leads), max_lead (normalized->review_leads)));
  horizon = MAX (horizon, MAX (APPROVAL_LEAD_DAYS, COMMITMENT_LEAD_DAYS));

  until_date = today_date;
  g_date_add_days (&until_date, horizon);
  until = signet_date_to_iso (&until_date);

  candidates = signet_store_list_reminder_candidates (store, today, until, error);
  if (candidates == NULL)
    return NULL;

  reminders = g_ptr_array_new_with_free_func ((GDestroyNotify) signet_reminder_free);

  for (guint i = 0; i < candidates->len; i++)
    {
      SignetReminderCandidate *candidate = g_ptr_array_index (candidates, i);
      SignetKeyDateKind kind = signet_event_get_kind (candidate->event);
      g_autoptr(GArray) own_leads = NULL;
      GArray *leads;
      int days_left = days_between (&today_date, signet_event_get_date (candidate->event));
      gboolean reached = FALSE;
      guint stage = 0;

      if (kind == SIGNET_KEY_DATE_APPROVAL)
        leads = own_leads = leads_new (1, (const guint[]) { APPROVAL_LEAD_DAYS });
      else if (signet_key_date_kind_is_commitment (kind))
        leads = own_leads = leads_new (1, (const guint[]) { COMMITMENT_LEAD_DAYS });
      else if (candidate->leads != NULL)
        leads = own_leads = signet_reminder_leads_parse (candidate->leads, NULL);
      else
        leads = signet_reminder_settings_get_leads (normalized, kind);

      if (leads == NULL)
        continue;

      /* The most urgent lead time reached: the shortest one not shorter
       * than the days left. Leads are longest first. */
      for (guint j = 0; j < leads->len; j++)
        {
          guint lead = g_array_index (leads, guint, j);

          if (days_left <= (int) lead)
            {
              stage = lead;
              reached = TRUE;
            }
        }

      if (!reached)
        continue;

      /* Acknowledging a lead time settles the longer ones too. */
      if (candidate->acknowledged_lead >= 0 && (guint) candidate->acknowledged_lead <= stage)
        continue;

      {
        SignetReminder *reminder = g_new0 (SignetReminder, 1);

        reminder->event = g_object_ref (candidate->event);
        reminder->owner = g_strdup (candidate->owner);
        reminder->lead_days = stage;
        reminder->days_left = days_left;
        g_ptr_array_add (reminders, reminder);
      }
    }

  g_ptr_array_sort (reminders, compare_reminders);

  return g_steal_pointer (&reminders);
}

gboolean
signet_reminder_acknowledge (SignetStore           *store,
                             const SignetReminder  *reminder,
                             GError               **error)
{
  g_return_val_if_fail (SIGNET_IS_STORE (store), FALSE);
  g_return_val_if_fail (reminder != NULL, FALSE);

  return signet_store_acknowledge_reminder (store,
                                            signet_event_get_contract_id (reminder->event),
                                            signet_event_get_kind (reminder->event),
                                            signet_event_get_date (reminder->event),
                                            reminder->lead_days,
                                            error);
}
