/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Reminders with an injected clock: 200 days walked one by one, everything
 * acknowledged each day; which reminders fire on which day, and none twice. */

#include "config.h"

#include <locale.h>

#include "signet-date.h"
#include "signet-reminders.h"
#include "signet-store-events.h"
#include "store-fixture.h"

typedef StoreFixture Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  store_fixture_open (f, "2026-01-01");
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  store_fixture_close (f);
}

static gint64
add (Fixture              *f,
     const char           *number,
     const char           *start,
     const char           *end,
     gboolean              auto_renew,
     guint                 notice_days,
     SignetContractStatus  status,
     SignetRiskLevel       risk)
{
  g_autoptr(SignetContract) contract = signet_contract_new ();
  g_autoptr(GError) error = NULL;

  signet_contract_set_number (contract, number);
  signet_contract_set_title (contract, "Services");
  signet_contract_set_client_id (contract, signet_client_get_id (f->client));
  signet_contract_set_currency (contract, "CNY");
  signet_contract_set_start_date (contract, start);
  signet_contract_set_end_date (contract, end);
  signet_contract_set_auto_renew (contract, auto_renew);
  signet_contract_set_notice_days (contract, notice_days);
  signet_contract_set_status (contract, status);
  signet_contract_set_risk_level (contract, risk);
  g_assert_true (signet_store_add_contract (f->store, contract, &error));
  g_assert_no_error (error);

  return signet_contract_get_id (contract);
}

static char *
describe_reminder (const char           *day,
                   const SignetReminder *reminder)
{
  return g_strdup_printf ("%s %s %s %s %u", day,
                          signet_event_get_contract_number (reminder->event),
                          signet_key_date_kind_to_token (signet_event_get_kind (reminder->event)),
                          signet_event_get_date (reminder->event),
                          reminder->lead_days);
}

static GPtrArray *
due (Fixture    *f,
     const char *day)
{
  g_autoptr(SignetReminderSettings) defaults = signet_reminder_settings_new_default ();
  g_autoptr(GError) error = NULL;
  GPtrArray *reminders;

  signet_store_set_today (f->store, day);
  reminders = signet_reminders_due (f->store, day, defaults, &error);
  g_assert_no_error (error);
  g_assert_nonnull (reminders);

  return reminders;
}

static void
test_walk (Fixture       *f,
           gconstpointer  data)
{
  /* Day, contract, kind, event date, lead time: worked out by hand from the
   * contracts below and the default lead times (90, 30, 7 days before an
   * end or a notice deadline; 14 and 0 before a review). */
  static const char * const expected[] = {
    /* G's monthly term ends 31 January: 30 days, the 30-day reminder.
     * B's notice deadline (59 days) and A's and B's ends (89 days) are
     * within 90 days. */
    "2026-01-01 HT-G end 2026-01-31 30",
    "2026-01-01 HT-B notice-deadline 2026-03-01 90",
    "2026-01-01 HT-A end 2026-03-31 90",
    "2026-01-01 HT-B end 2026-03-31 90",
    "2026-01-24 HT-G end 2026-01-31 7",
    "2026-01-30 HT-B notice-deadline 2026-03-01 30",
    /* G renewed itself: a new end, new reminders. */
    "2026-02-01 HT-G end 2026-02-28 30",
    "2026-02-21 HT-G end 2026-02-28 7",
    "2026-02-22 HT-B notice-deadline 2026-03-01 7",
    "2026-03-01 HT-A end 2026-03-31 30",
    "2026-03-01 HT-B end 2026-03-31 30",
    "2026-03-01 HT-G end 2026-03-31 30",
    /* A's first yearly review and B's first half-yearly one, counted from
     * their first start (B has renewed twice since). */
    "2026-03-18 HT-A review 2026-04-01 14",
    "2026-03-18 HT-B review 2026-04-01 14",
    "2026-03-24 HT-A end 2026-03-31 7",
    "2026-03-24 HT-B end 2026-03-31 7",
    "2026-03-24 HT-G end 2026-03-31 7",
    /* B's third term: its end is 90 days away, its notice deadline 60; D
     * has one reminder of its own, 60 days before its end. A ended the day
     * before: it has expired, and its review is no longer due. */
    "2026-04-01 HT-B review 2026-04-01 0",
    "2026-04-01 HT-C review 2026-04-15 14",
    "2026-04-01 HT-G end 2026-04-30 30",
    "2026-04-01 HT-D end 2026-05-31 60",
    "2026-04-01 HT-B notice-deadline 2026-05-31 90",
    "2026-04-01 HT-B end 2026-06-30 90",
    "2026-04-15 HT-C review 2026-04-15 0",
    /* C's review recorded on 20 April: the next is due 20 July. */
    "2026-04-23 HT-G end 2026-04-30 7",
    "2026-05-01 HT-G end 2026-05-31 30",
    "2026-05-01 HT-B notice-deadline 2026-05-31 30",
    "2026-05-24 HT-G end 2026-05-31 7",
    "2026-05-24 HT-B notice-deadline 2026-05-31 7",
    "2026-05-31 HT-B end 2026-06-30 30",
    "2026-06-01 HT-G end 2026-06-30 30",
    "2026-06-23 HT-B end 2026-06-30 7",
    "2026-06-23 HT-G end 2026-06-30 7",
    /* B's fourth term: the notice deadline is 61 days away, the end 91,
     * so the end's reminder waits a day. */
    "2026-07-01 HT-G end 2026-07-31 30",
    "2026-07-01 HT-B notice-deadline 2026-08-31 90",
    "2026-07-02 HT-B end 2026-09-30 90",
    "2026-07-06 HT-C review 2026-07-20 14",
  };
  g_autoptr(SignetReminderSettings) own = signet_reminder_settings_new ();
  g_autoptr(GHashTable) fired = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) log = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  gint64 c, d;
  GDate day;

  add (f, "HT-A", "2025-04-01", "2026-03-31", FALSE, 0,
       SIGNET_CONTRACT_STATUS_ACTIVE, SIGNET_RISK_LEVEL_LOW);
  /* Three-month terms that renew by themselves, 30 days' notice. */
  add (f, "HT-B", "2025-10-01", "2025-12-31", TRUE, 30,
       SIGNET_CONTRACT_STATUS_ACTIVE, SIGNET_RISK_LEVEL_MEDIUM);
  c = add (f, "HT-C", "2026-01-15", "2027-01-14", FALSE, 0,
           SIGNET_CONTRACT_STATUS_SIGNED, SIGNET_RISK_LEVEL_HIGH);
  /* Its own lead times: one reminder 60 days before the end, none for
   * reviews (its review has been overdue since December). */
  d = add (f, "HT-D", "2025-06-01", "2026-05-31", FALSE, 0,
           SIGNET_CONTRACT_STATUS_ACTIVE, SIGNET_RISK_LEVEL_MEDIUM);
  own->end_leads = signet_reminder_leads_parse ("60", NULL);
  own->review_leads = signet_reminder_leads_parse ("", NULL);
  g_assert_true (signet_store_set_reminder_settings (f->store, d, own, &error));
  g_assert_no_error (error);
  /* Neither in force: nothing. */
  add (f, "HT-E", "2025-01-01", "2026-02-28", FALSE, 0,
       SIGNET_CONTRACT_STATUS_TERMINATED, SIGNET_RISK_LEVEL_HIGH);
  add (f, "HT-F", "2026-02-01", "2026-03-31", FALSE, 0,
       SIGNET_CONTRACT_STATUS_DRAFT, SIGNET_RISK_LEVEL_HIGH);
  /* Monthly terms, no notice period. */
  add (f, "HT-G", "2026-01-01", "2026-01-31", TRUE, 0,
       SIGNET_CONTRACT_STATUS_ACTIVE, SIGNET_RISK_LEVEL_LOW);

  g_assert_true (signet_date_parse ("2026-01-01", &day));
  for (guint i = 0; i < 200; i++, g_date_add_days (&day, 1))
    {
      g_autofree char *today = signet_date_to_iso (&day);
      g_autoptr(GPtrArray) reminders = NULL;

      if (g_str_equal (today, "2026-04-20"))
        {
          signet_store_set_today (f->store, today);
          g_assert_true (signet_store_record_review (f->store, c, today, NULL, NULL, NULL, &error));
          g_assert_no_error (error);
        }

      reminders = due (f, today);
      for (guint j = 0; j < reminders->len; j++)
        {
          SignetReminder *reminder = g_ptr_array_index (reminders, j);
          g_autofree char *key = g_strdup_printf ("%s %" G_GINT64_FORMAT " %s %u",
                                                  signet_event_get_date (reminder->event),
                                                  signet_event_get_contract_id (reminder->event),
                                                  signet_key_date_kind_to_token (signet_event_get_kind (reminder->event)),
                                                  reminder->lead_days);

          /* None twice. */
          g_assert_false (g_hash_table_contains (fired, key));
          g_hash_table_add (fired, g_steal_pointer (&key));
          g_ptr_array_add (log, describe_reminder (today, reminder));

          g_assert_true (signet_reminder_acknowledge (f->store, reminder, &error));
          g_assert_no_error (error);
        }

      if (g_str_equal (today, "2026-07-19"))
        g_assert_cmpuint (i, ==, 199);
    }

  for (guint i = 0; i < MIN (log->len, G_N_ELEMENTS (expected)); i++)
    g_assert_cmpstr (g_ptr_array_index (log, i), ==, expected[i]);
  g_assert_cmpuint (log->len, ==, G_N_ELEMENTS (expected));
}

/* A reminder not acknowledged stays due, even once its event has passed;
 * only the most urgent lead time is returned; acknowledging it settles the
 * longer ones. */
static void
test_until_acknowledged (Fixture       *f,
                         gconstpointer  data)
{
  struct { const char *day; const char *expected; } days[] = {
    { "2026-01-01", "2026-01-01 HT-H end 2026-03-31 90" },
    { "2026-01-02", "2026-01-02 HT-H end 2026-03-31 90" },
    { "2026-02-28", "2026-02-28 HT-H end 2026-03-31 90" },
    /* The 30-day one replaces it rather than joining it. */
    { "2026-03-01", "2026-03-01 HT-H end 2026-03-31 30" },
  };
  g_autoptr(GError) error = NULL;

  /* Approved, never signed: in force past its end (a signed one would
   * have expired, and its reminders stopped). */
  add (f, "HT-H", "2025-04-01", "2026-03-31", FALSE, 0,
       SIGNET_CONTRACT_STATUS_APPROVED, SIGNET_RISK_LEVEL_LOW);

  for (guint i = 0; i < G_N_ELEMENTS (days); i++)
    {
      g_autoptr(GPtrArray) reminders = due (f, days[i].day);
      g_autofree char *text = NULL;

      g_assert_cmpuint (reminders->len, ==, 1);
      text = describe_reminder (days[i].day, g_ptr_array_index (reminders, 0));
      g_assert_cmpstr (text, ==, days[i].expected);
    }

  /* Acknowledged at 30 days: the 90-day one does not come back. */
  {
    g_autoptr(GPtrArray) reminders = due (f, "2026-03-01");

    g_assert_true (signet_reminder_acknowledge (f->store, g_ptr_array_index (reminders, 0), &error));
    g_assert_no_error (error);
  }
  {
    g_autoptr(GPtrArray) reminders = due (f, "2026-03-02");

    g_assert_cmpuint (reminders->len, ==, 0);
  }

  /* The 7-day one, never acknowledged: still due after the end, overdue. */
  {
    g_autoptr(GPtrArray) reminders = due (f, "2026-04-05");
    SignetReminder *reminder;
    g_autofree char *text = NULL;
    g_autofree char *title = NULL;

    /* The review of 1 April is due too. */
    g_assert_cmpuint (reminders->len, ==, 2);
    reminder = g_ptr_array_index (reminders, 0);
    text = describe_reminder ("2026-04-05", reminder);
    g_assert_cmpstr (text, ==, "2026-04-05 HT-H end 2026-03-31 7");
    g_assert_cmpint (reminder->days_left, ==, -5);
    title = signet_reminder_dup_title (reminder);
    g_assert_cmpstr (title, ==, "Ended 5 days ago and is still in force: HT-H Services");

    g_clear_pointer (&title, g_free);
    reminder = g_ptr_array_index (reminders, 1);
    title = signet_reminder_dup_title (reminder);
    g_assert_cmpstr (title, ==, "Review overdue by 4 days: HT-H Services");

    for (guint i = 0; i < reminders->len; i++)
      g_assert_true (signet_reminder_acknowledge (f->store, g_ptr_array_index (reminders, i), &error));
  }
  {
    g_autoptr(GPtrArray) reminders = due (f, "2026-04-06");

    g_assert_cmpuint (reminders->len, ==, 0);
  }
}

static void
test_titles (Fixture       *f,
             gconstpointer  data)
{
  struct { const char *day; const char *expected; } days[] = {
    { "2026-01-01", "Notice deadline in 59 days: HT-B Services" },
    { "2026-02-22", "Notice deadline in 7 days: HT-B Services" },
    { "2026-03-01", "Notice deadline today: HT-B Services" },
  };
  gint64 id;

  id = add (f, "HT-B", "2025-10-01", "2025-12-31", TRUE, 30,
            SIGNET_CONTRACT_STATUS_ACTIVE, SIGNET_RISK_LEVEL_MEDIUM);

  for (guint i = 0; i < G_N_ELEMENTS (days); i++)
    {
      g_autoptr(GPtrArray) reminders = due (f, days[i].day);
      gboolean found = FALSE;

      for (guint j = 0; j < reminders->len; j++)
        {
          SignetReminder *reminder = g_ptr_array_index (reminders, j);
          g_autofree char *title = NULL;

          if (signet_event_get_kind (reminder->event) != SIGNET_KEY_DATE_NOTICE_DEADLINE)
            continue;

          title = signet_reminder_dup_title (reminder);
          g_assert_cmpstr (title, ==, days[i].expected);
          g_assert_cmpint (signet_event_get_contract_id (reminder->event), ==, id);
          found = TRUE;
        }
      g_assert_true (found);
    }

  /* A deleted contract reminds of nothing. */
  g_assert_true (signet_store_delete_contract (f->store, id, NULL));
  {
    g_autoptr(GPtrArray) reminders = due (f, "2026-03-01");

    g_assert_cmpuint (reminders->len, ==, 0);
  }
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/reminders/walk", Fixture, NULL, fixture_set_up, test_walk, fixture_tear_down);
  g_test_add ("/reminders/until-acknowledged", Fixture, NULL, fixture_set_up, test_until_acknowledged,
              fixture_tear_down);
  g_test_add ("/reminders/titles", Fixture, NULL, fixture_set_up, test_titles, fixture_tear_down);

  return g_test_run ();
}
