/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "signet-key-dates.h"

static SignetContract *
make_contract (const char           *start,
               const char           *end,
               gboolean              auto_renew,
               guint                 notice_days,
               SignetContractStatus  status,
               SignetRiskLevel       risk)
{
  SignetContract *contract = signet_contract_new ();

  signet_contract_set_start_date (contract, start);
  signet_contract_set_end_date (contract, end);
  signet_contract_set_auto_renew (contract, auto_renew);
  signet_contract_set_notice_days (contract, notice_days);
  signet_contract_set_status (contract, status);
  signet_contract_set_risk_level (contract, risk);

  return contract;
}

static const SignetKeyDate *
find_kind (GPtrArray         *dates,
           SignetKeyDateKind  kind)
{
  for (guint i = 0; i < dates->len; i++)
    {
      const SignetKeyDate *d = g_ptr_array_index (dates, i);

      if (d->kind == kind)
        return d;
    }

  return NULL;
}

static GPtrArray *
derive (SignetContract *contract,
        const char     *today,
        const char     *last_review)
{
  SignetReviewIntervals intervals = SIGNET_REVIEW_INTERVALS_DEFAULT;

  return signet_contract_derive_key_dates (contract, today, last_review, &intervals);
}

static void
test_notice_deadline (void)
{
  g_autoptr(SignetContract) c = make_contract ("2026-04-02", "2027-04-01", TRUE, 30,
                                               SIGNET_CONTRACT_STATUS_ACTIVE, SIGNET_RISK_LEVEL_LOW);
  g_autoptr(GPtrArray) dates = derive (c, "2026-11-27", NULL);
  const SignetKeyDate *notice = find_kind (dates, SIGNET_KEY_DATE_NOTICE_DEADLINE);

  g_assert_nonnull (notice);
  g_assert_cmpstr (notice->date, ==, "2027-03-02");
  g_assert_cmpstr (notice->explanation, ==, "notice deadline 2027-03-02 = end 2027-04-01 − 30 days");

  /* Ordered by date: start, notice deadline, end, then the first yearly
   * review (the contract renews, so it is still reviewed after its end). */
  g_assert_cmpuint (dates->len, ==, 4);
  g_assert_cmpint (((SignetKeyDate *) g_ptr_array_index (dates, 0))->kind, ==, SIGNET_KEY_DATE_START);
  g_assert_cmpint (((SignetKeyDate *) g_ptr_array_index (dates, 1))->kind, ==, SIGNET_KEY_DATE_NOTICE_DEADLINE);
  g_assert_cmpint (((SignetKeyDate *) g_ptr_array_index (dates, 2))->kind, ==, SIGNET_KEY_DATE_END);
  g_assert_cmpstr (((SignetKeyDate *) g_ptr_array_index (dates, 3))->date, ==, "2027-04-02");
}

static void
test_no_notice_without_auto_renew (void)
{
  g_autoptr(SignetContract) c = make_contract ("2026-01-01", "2026-12-31", FALSE, 30,
                                               SIGNET_CONTRACT_STATUS_ACTIVE, SIGNET_RISK_LEVEL_LOW);
  g_autoptr(GPtrArray) dates = derive (c, "2027-06-01", NULL);

  g_assert_null (find_kind (dates, SIGNET_KEY_DATE_NOTICE_DEADLINE));
  /* Without auto-renewal the end stays where it was, even once passed. */
  g_assert_cmpstr (find_kind (dates, SIGNET_KEY_DATE_END)->date, ==, "2026-12-31");
}

static void
test_tacit_renewal (void)
{
  g_autoptr(SignetContract) c = make_contract ("2023-01-01", "2023-12-31", TRUE, 90,
                                               SIGNET_CONTRACT_STATUS_ACTIVE, SIGNET_RISK_LEVEL_LOW);
  g_autoptr(GPtrArray) dates = derive (c, "2026-11-27", NULL);

  g_assert_cmpstr (find_kind (dates, SIGNET_KEY_DATE_START)->date, ==, "2026-01-01");
  g_assert_cmpstr (find_kind (dates, SIGNET_KEY_DATE_END)->date, ==, "2026-12-31");
  g_assert_cmpstr (find_kind (dates, SIGNET_KEY_DATE_NOTICE_DEADLINE)->date, ==, "2026-10-02");
  g_assert_cmpstr (find_kind (dates, SIGNET_KEY_DATE_END)->explanation, ==,
                   "end of the current term; the contract renewed itself 3 times after 2023-12-31");

  /* On the last day of a term it has not renewed yet. */
  {
    g_autoptr(GPtrArray) on_end = derive (c, "2023-12-31", NULL);

    g_assert_cmpstr (find_kind (on_end, SIGNET_KEY_DATE_END)->date, ==, "2023-12-31");
  }

  /* A terminated contract does not roll. */
  signet_contract_set_status (c, SIGNET_CONTRACT_STATUS_TERMINATED);
  {
    g_autoptr(GPtrArray) terminated = derive (c, "2026-11-27", NULL);

    g_assert_cmpstr (find_kind (terminated, SIGNET_KEY_DATE_END)->date, ==, "2023-12-31");
    g_assert_null (find_kind (terminated, SIGNET_KEY_DATE_NOTICE_DEADLINE));
    g_assert_null (find_kind (terminated, SIGNET_KEY_DATE_REVIEW));
  }
}

static void
test_month_end_terms (void)
{
  /* 31 January + 1 month is the end of February; terms are counted from
   * the first start, so clamping in one term does not shift the next. */
  g_autoptr(SignetContract) c = make_contract ("2026-01-31", "2026-02-27", TRUE, 0,
                                               SIGNET_CONTRACT_STATUS_ACTIVE, SIGNET_RISK_LEVEL_LOW);
  g_autoptr(GPtrArray) dates = derive (c, "2026-04-15", NULL);

  g_assert_cmpstr (find_kind (dates, SIGNET_KEY_DATE_START)->date, ==, "2026-03-31");
  g_assert_cmpstr (find_kind (dates, SIGNET_KEY_DATE_END)->date, ==, "2026-04-29");
}

static void
test_leap_year (void)
{
  /* A yearly term ending on 29 February 2028 renews to 28 February 2029. */
  g_autoptr(SignetContract) c = make_contract ("2027-03-01", "2028-02-29", TRUE, 30,
                                               SIGNET_CONTRACT_STATUS_ACTIVE, SIGNET_RISK_LEVEL_LOW);
  g_autoptr(GPtrArray) dates = derive (c, "2028-06-01", NULL);

  g_assert_cmpstr (find_kind (dates, SIGNET_KEY_DATE_START)->date, ==, "2028-03-01");
  g_assert_cmpstr (find_kind (dates, SIGNET_KEY_DATE_END)->date, ==, "2029-02-28");
  g_assert_cmpstr (find_kind (dates, SIGNET_KEY_DATE_NOTICE_DEADLINE)->date, ==, "2029-01-29");

  /* Reviews: 30 November + 3 months lands on 29 February in a leap year. */
  {
    g_autoptr(SignetContract) high = make_contract ("2027-11-30", "2029-11-29", FALSE, 0,
                                                    SIGNET_CONTRACT_STATUS_ACTIVE, SIGNET_RISK_LEVEL_HIGH);
    g_autoptr(GPtrArray) reviews = derive (high, "2027-12-01", NULL);

    g_assert_cmpstr (find_kind (reviews, SIGNET_KEY_DATE_REVIEW)->date, ==, "2028-02-29");
  }
}

static void
test_notice_longer_than_term (void)
{
  /* A one-month term with 60 days' notice: the deadline lies before the
   * term begins, and is shown as it is rather than hidden. */
  g_autoptr(SignetContract) c = make_contract ("2026-01-01", "2026-01-31", TRUE, 60,
                                               SIGNET_CONTRACT_STATUS_SIGNED, SIGNET_RISK_LEVEL_LOW);
  g_autoptr(GPtrArray) dates = derive (c, "2025-12-01", NULL);
  const SignetKeyDate *notice = find_kind (dates, SIGNET_KEY_DATE_NOTICE_DEADLINE);

  g_assert_cmpstr (notice->date, ==, "2025-12-02");
  g_assert_cmpstr (((SignetKeyDate *) g_ptr_array_index (dates, 0))->date, ==, "2025-12-02");
}

static void
test_review_schedule (void)
{
  struct { SignetRiskLevel risk; const char *last; const char *expected; } cases[] = {
    { SIGNET_RISK_LEVEL_HIGH, NULL, "2026-04-15" },
    { SIGNET_RISK_LEVEL_MEDIUM, NULL, "2026-07-15" },
    { SIGNET_RISK_LEVEL_LOW, NULL, "2027-01-15" },
    { SIGNET_RISK_LEVEL_HIGH, "2026-10-31", "2027-01-31" },
    { SIGNET_RISK_LEVEL_MEDIUM, "2026-08-31", "2027-02-28" },
    { SIGNET_RISK_LEVEL_LOW, "2026-11-01", "2027-11-01" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(SignetContract) c = make_contract ("2026-01-15", "2028-01-14", FALSE, 0,
                                                   SIGNET_CONTRACT_STATUS_ACTIVE, cases[i].risk);
      g_autoptr(GPtrArray) dates = derive (c, "2026-11-27", cases[i].last);

      g_assert_cmpstr (find_kind (dates, SIGNET_KEY_DATE_REVIEW)->date, ==, cases[i].expected);
    }

  /* An unrecorded high-risk review is overdue, not quietly moved on. */
  {
    g_autoptr(SignetContract) c = make_contract ("2025-01-15", "2028-01-14", FALSE, 0,
                                                 SIGNET_CONTRACT_STATUS_ACTIVE, SIGNET_RISK_LEVEL_HIGH);
    g_autoptr(GPtrArray) dates = derive (c, "2026-11-27", NULL);
    const SignetKeyDate *review = find_kind (dates, SIGNET_KEY_DATE_REVIEW);

    g_assert_cmpstr (review->date, ==, "2025-04-15");
    g_assert_cmpstr (review->explanation, ==, "next review 2025-04-15 = start 2025-01-15 + 3 months (High risk)");
  }

  /* Adjusted intervals from Preferences. */
  {
    SignetReviewIntervals monthly = { 1, 2, 4 };
    g_autoptr(SignetContract) c = make_contract ("2026-01-31", NULL, FALSE, 0,
                                                 SIGNET_CONTRACT_STATUS_ACTIVE, SIGNET_RISK_LEVEL_HIGH);
    g_autoptr(GPtrArray) dates = signet_contract_derive_key_dates (c, "2026-02-01", NULL, &monthly);

    g_assert_cmpstr (find_kind (dates, SIGNET_KEY_DATE_REVIEW)->date, ==, "2026-02-28");
  }

  /* Drafts are not reviewed. */
  {
    g_autoptr(SignetContract) c = make_contract ("2026-01-15", "2028-01-14", FALSE, 0,
                                                 SIGNET_CONTRACT_STATUS_DRAFT, SIGNET_RISK_LEVEL_HIGH);
    g_autoptr(GPtrArray) dates = derive (c, "2026-11-27", NULL);

    g_assert_null (find_kind (dates, SIGNET_KEY_DATE_REVIEW));
  }
}

static char *
describe (GPtrArray *dates)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < dates->len; i++)
    {
      const SignetKeyDate *d = g_ptr_array_index (dates, i);

      g_string_append_printf (s, "%s %s|", signet_key_date_kind_to_token (d->kind), d->date);
    }

  return g_string_free (s, FALSE);
}

static void
test_time_zone_independent (void)
{
  const char *zones[] = { "UTC", "Pacific/Kiritimati", "Pacific/Pago_Pago", "Asia/Shanghai" };
  g_autoptr(SignetContract) c = make_contract ("2023-03-31", "2024-03-30", TRUE, 45,
                                               SIGNET_CONTRACT_STATUS_ACTIVE, SIGNET_RISK_LEVEL_MEDIUM);
  g_autofree char *reference = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (zones); i++)
    {
      g_autoptr(GPtrArray) dates = NULL;
      g_autofree char *text = NULL;

      g_setenv ("TZ", zones[i], TRUE);
      tzset ();
      dates = derive (c, "2026-11-27", "2026-06-30");
      text = describe (dates);

      if (reference == NULL)
        reference = g_steal_pointer (&text);
      else
        g_assert_cmpstr (text, ==, reference);
    }

  g_assert_cmpstr (reference, ==,
                   "start 2026-03-31|review 2026-12-30|notice-deadline 2027-02-13|end 2027-03-30|");
}

/* A term that starts on 29 February comes back to 29 February in leap
 * years: every term is counted from the first start, so clamping to the
 * 28th in between does not stick. */
static void
test_leap_day_start (void)
{
  g_autoptr(SignetContract) c = make_contract ("2024-02-29", "2025-02-27", TRUE, 30,
                                               SIGNET_CONTRACT_STATUS_ACTIVE, SIGNET_RISK_LEVEL_LOW);
  struct { const char *today; const char *start; const char *end; const char *notice; } cases[] = {
    { "2025-01-01", "2024-02-29", "2025-02-27", "2025-01-28" },
    { "2026-03-15", "2026-02-28", "2027-02-27", "2027-01-28" },
    { "2028-03-15", "2028-02-29", "2029-02-27", "2029-01-28" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GPtrArray) dates = derive (c, cases[i].today, NULL);

      g_assert_cmpstr (find_kind (dates, SIGNET_KEY_DATE_START)->date, ==, cases[i].start);
      g_assert_cmpstr (find_kind (dates, SIGNET_KEY_DATE_END)->date, ==, cases[i].end);
      g_assert_cmpstr (find_kind (dates, SIGNET_KEY_DATE_NOTICE_DEADLINE)->date, ==, cases[i].notice);
    }
}

/* Monthly terms from 31 January over a year: each end is the last day
 * before the next month's 31st (or its end), each notice deadline 10 days
 * before; the day after an end belongs to the next term. */
static void
test_monthly_renewals (void)
{
  g_autoptr(SignetContract) c = make_contract ("2026-01-31", "2026-02-27", TRUE, 10,
                                               SIGNET_CONTRACT_STATUS_ACTIVE, SIGNET_RISK_LEVEL_LOW);
  struct { const char *today; const char *start; const char *end; const char *notice; } cases[] = {
    { "2026-02-27", "2026-01-31", "2026-02-27", "2026-02-17" },
    { "2026-02-28", "2026-02-28", "2026-03-30", "2026-03-20" },
    { "2026-03-31", "2026-03-31", "2026-04-29", "2026-04-19" },
    { "2026-05-01", "2026-04-30", "2026-05-30", "2026-05-20" },
    { "2026-12-31", "2026-12-31", "2027-01-30", "2027-01-20" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GPtrArray) dates = derive (c, cases[i].today, NULL);

      g_assert_cmpstr (find_kind (dates, SIGNET_KEY_DATE_START)->date, ==, cases[i].start);
      g_assert_cmpstr (find_kind (dates, SIGNET_KEY_DATE_END)->date, ==, cases[i].end);
      g_assert_cmpstr (find_kind (dates, SIGNET_KEY_DATE_NOTICE_DEADLINE)->date, ==, cases[i].notice);
    }

  {
    g_autoptr(GPtrArray) dates = derive (c, "2026-12-31", NULL);

    g_assert_cmpstr (find_kind (dates, SIGNET_KEY_DATE_END)->explanation, ==,
                     "end of the current term; the contract renewed itself 11 times after 2026-02-27");
  }
}

/* A notice period longer than the term of a renewing contract: each
 * term's deadline falls in the term before, and it moves with the terms. */
static void
test_notice_longer_than_renewing_term (void)
{
  g_autoptr(SignetContract) c = make_contract ("2026-01-01", "2026-01-31", TRUE, 45,
                                               SIGNET_CONTRACT_STATUS_ACTIVE, SIGNET_RISK_LEVEL_LOW);
  g_autoptr(GPtrArray) dates = derive (c, "2026-03-10", NULL);
  const SignetKeyDate *notice = find_kind (dates, SIGNET_KEY_DATE_NOTICE_DEADLINE);

  g_assert_cmpstr (find_kind (dates, SIGNET_KEY_DATE_START)->date, ==, "2026-03-01");
  g_assert_cmpstr (find_kind (dates, SIGNET_KEY_DATE_END)->date, ==, "2026-03-31");
  /* 31 March − 45 days: already passed on 10 March. */
  g_assert_cmpstr (notice->date, ==, "2026-02-14");
  g_assert_cmpstr (notice->explanation, ==, "notice deadline 2026-02-14 = end 2026-03-31 − 45 days");
}

/* A review never recorded counts from the contract's first start, not the
 * current term's: a tacit renewal is no review. */
static void
test_review_of_renewing_contract (void)
{
  g_autoptr(SignetContract) c = make_contract ("2024-01-01", "2024-12-31", TRUE, 30,
                                               SIGNET_CONTRACT_STATUS_ACTIVE, SIGNET_RISK_LEVEL_HIGH);
  g_autoptr(GPtrArray) dates = derive (c, "2026-06-15", NULL);
  const SignetKeyDate *review = find_kind (dates, SIGNET_KEY_DATE_REVIEW);

  g_assert_cmpstr (find_kind (dates, SIGNET_KEY_DATE_START)->date, ==, "2026-01-01");
  g_assert_cmpstr (review->date, ==, "2024-04-01");
  g_assert_cmpstr (review->explanation, ==, "next review 2024-04-01 = start 2024-01-01 + 3 months (High risk)");

  /* Once one is recorded, the schedule follows it whatever the terms. */
  {
    g_autoptr(GPtrArray) reviewed = derive (c, "2026-06-15", "2026-05-31");

    g_assert_cmpstr (find_kind (reviewed, SIGNET_KEY_DATE_REVIEW)->date, ==, "2026-08-31");
  }
}

/* The same dates in the time zones furthest ahead of and behind UTC, and
 * across a daylight-saving change (America/Adak moves its clocks on 8
 * March and 1 November 2026): dates carry no time of day. */
static void
test_time_zone_extremes (void)
{
  const char *zones[] = { "Pacific/Kiritimati", "America/Adak", "UTC" };
  g_autoptr(SignetContract) c = make_contract ("2025-11-01", "2026-03-08", TRUE, 127,
                                               SIGNET_CONTRACT_STATUS_ACTIVE, SIGNET_RISK_LEVEL_HIGH);
  const char *saved = g_getenv ("TZ");
  g_autofree char *saved_tz = g_strdup (saved);
  g_autofree char *reference = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (zones); i++)
    {
      g_autoptr(GPtrArray) dates = NULL;
      g_autofree char *text = NULL;

      g_setenv ("TZ", zones[i], TRUE);
      tzset ();
      dates = derive (c, "2026-03-09", NULL);
      text = describe (dates);

      if (reference == NULL)
        reference = g_steal_pointer (&text);
      else
        g_assert_cmpstr (text, ==, reference);
    }

  /* The term from 1 November to 8 March is 128 days long, not whole
   * months: the next one starts on 9 March and lasts as many days, and
   * its notice deadline (127 days before its end) is that same day. */
  g_assert_cmpstr (reference, ==,
                   "review 2026-02-01|start 2026-03-09|notice-deadline 2026-03-09|end 2026-07-14|");

  if (saved_tz != NULL)
    g_setenv ("TZ", saved_tz, TRUE);
  else
    g_unsetenv ("TZ");
  tzset ();
}

/* The explanations show dates as the rest of the screen does, in the
 * user's locale: 02.03.2027 under de_DE, where the date itself stays ISO. */
static void
test_explanation_in_locale (void)
{
  g_autoptr(SignetContract) c = make_contract ("2026-04-02", "2027-04-01", TRUE, 30,
                                               SIGNET_CONTRACT_STATUS_ACTIVE, SIGNET_RISK_LEVEL_LOW);
  g_autoptr(GPtrArray) dates = NULL;
  const SignetKeyDate *notice;
  const SignetKeyDate *review;

  if (setlocale (LC_ALL, "de_DE.UTF-8") == NULL)
    {
      g_test_skip ("The de_DE.UTF-8 locale is not installed here");
      return;
    }

  dates = derive (c, "2026-11-27", NULL);
  notice = find_kind (dates, SIGNET_KEY_DATE_NOTICE_DEADLINE);
  review = find_kind (dates, SIGNET_KEY_DATE_REVIEW);
  setlocale (LC_ALL, "C.UTF-8");

  g_assert_cmpstr (notice->date, ==, "2027-03-02");
  g_assert_nonnull (strstr (notice->explanation, "02.03.2027"));
  g_assert_nonnull (strstr (notice->explanation, "01.04.2027"));
  g_assert_null (strstr (notice->explanation, "2027-03-02"));
  g_assert_nonnull (strstr (review->explanation, "02.04.2026"));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/key-dates/notice-deadline", test_notice_deadline);
  g_test_add_func ("/key-dates/explanation-in-locale", test_explanation_in_locale);
  g_test_add_func ("/key-dates/no-notice-without-auto-renew", test_no_notice_without_auto_renew);
  g_test_add_func ("/key-dates/tacit-renewal", test_tacit_renewal);
  g_test_add_func ("/key-dates/month-end-terms", test_month_end_terms);
  g_test_add_func ("/key-dates/leap-year", test_leap_year);
  g_test_add_func ("/key-dates/notice-longer-than-term", test_notice_longer_than_term);
  g_test_add_func ("/key-dates/review-schedule", test_review_schedule);
  g_test_add_func ("/key-dates/time-zone-independent", test_time_zone_independent);
  g_test_add_func ("/key-dates/leap-day-start", test_leap_day_start);
  g_test_add_func ("/key-dates/monthly-renewals", test_monthly_renewals);
  g_test_add_func ("/key-dates/notice-longer-than-renewing-term", test_notice_longer_than_renewing_term);
  g_test_add_func ("/key-dates/review-of-renewing-contract", test_review_of_renewing_contract);
  g_test_add_func ("/key-dates/time-zone-extremes", test_time_zone_extremes);

  return g_test_run ();
}
