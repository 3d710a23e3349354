/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "signet-obligation.h"

/* Obligations: their recurrence across month ends and leap years, where
 * it stops, and the occurrences left open. */

static SignetObligation *
make_obligation (const char       *due_date,
                 SignetRecurrence  recurrence,
                 const char       *until_date)
{
  SignetObligation *obligation = signet_obligation_new (1);

  obligation->title = g_strdup ("Monthly report");
  obligation->due_date = g_strdup (due_date);
  obligation->recurrence = recurrence;
  obligation->until_date = g_strdup (until_date);

  return obligation;
}

static void
assert_dates (GPtrArray          *dates,
              const char * const *expected)
{
  g_autofree char *got = NULL;
  g_autofree char *want = NULL;

  g_ptr_array_add (dates, NULL);
  got = g_strjoinv (" ", (char **) dates->pdata);
  g_ptr_array_remove_index (dates, dates->len - 1);
  want = g_strjoinv (" ", (char **) expected);
  g_assert_cmpstr (got, ==, want);
}

/* Monthly from 31 January: the end of each shorter month, and back to
 * the 31st where the month has one; 29 February in a leap year. */
static void
test_monthly_month_ends (void)
{
  g_autoptr(SignetObligation) obligation = make_obligation ("2027-01-31", SIGNET_RECURRENCE_MONTHLY, NULL);
  g_autoptr(GPtrArray) dates = signet_obligation_list_occurrences (obligation, "2027-08-31", NULL, NULL);
  g_autoptr(GPtrArray) leap = NULL;
  const char * const expected[] = {
    "2027-01-31", "2027-02-28", "2027-03-31", "2027-04-30", "2027-05-31",
    "2027-06-30", "2027-07-31", "2027-08-31", NULL
  };
  const char * const expected_leap[] = { "2028-02-29", "2028-03-31", NULL };

  assert_dates (dates, expected);

  g_free (obligation->due_date);
  obligation->due_date = g_strdup ("2028-01-31");
  leap = signet_obligation_list_occurrences (obligation, NULL, "2028-02-01", "2028-04-29");
  assert_dates (leap, expected_leap);
}

/* Yearly from 29 February: 28 February in common years, 29 again in the
 * next leap year. */
static void
test_yearly_leap_day (void)
{
  g_autoptr(SignetObligation) obligation = make_obligation ("2028-02-29", SIGNET_RECURRENCE_YEARLY, "2032-12-31");
  g_autoptr(GPtrArray) dates = signet_obligation_list_occurrences (obligation, obligation->until_date, NULL, NULL);
  const char * const expected[] = {
    "2028-02-29", "2029-02-28", "2030-02-28", "2031-02-28", "2032-02-29", NULL
  };

  assert_dates (dates, expected);
}

/* Quarterly from 30 November: the end of February, then the 30th. */
static void
test_quarterly_from_november (void)
{
  g_autoptr(SignetObligation) obligation = make_obligation ("2026-11-30", SIGNET_RECURRENCE_QUARTERLY, NULL);
  g_autoptr(GPtrArray) dates = signet_obligation_list_occurrences (obligation, "2028-03-01", NULL, NULL);
  const char * const expected[] = {
    "2026-11-30", "2027-02-28", "2027-05-30", "2027-08-30", "2027-11-30",
    "2028-02-29", NULL
  };

  assert_dates (dates, expected);
}

/* A range in the middle of a long recurrence lists only what falls in
 * it, both ends included; an open-ended one stops at the range's end. */
static void
test_range (void)
{
  g_autoptr(SignetObligation) obligation = make_obligation ("2020-01-15", SIGNET_RECURRENCE_MONTHLY, NULL);
  g_autoptr(GPtrArray) dates = signet_obligation_list_occurrences (obligation, NULL, "2026-03-15", "2026-05-15");
  g_autoptr(GPtrArray) once = NULL;
  const char * const expected[] = { "2026-03-15", "2026-04-15", "2026-05-15", NULL };
  const char * const expected_once[] = { "2020-01-15", NULL };
  const char * const none[] = { NULL };

  assert_dates (dates, expected);

  obligation->recurrence = SIGNET_RECURRENCE_NONE;
  once = signet_obligation_list_occurrences (obligation, NULL, NULL, "2030-01-01");
  assert_dates (once, expected_once);
  g_clear_pointer (&once, g_ptr_array_unref);
  once = signet_obligation_list_occurrences (obligation, NULL, "2020-01-16", NULL);
  assert_dates (once, none);
}

/* The last date: the until date, else the end in force; a termination
 * cuts either short; no end and no until date is open-ended. */
static void
test_last_date (void)
{
  g_autoptr(SignetObligation) obligation = make_obligation ("2026-01-31", SIGNET_RECURRENCE_MONTHLY, NULL);
  g_autoptr(SignetContract) contract = signet_contract_new ();
  g_autoptr(GPtrArray) dates = NULL;
  g_autofree char *last = NULL;
  const char * const until_end[] = { "2026-01-31", "2026-02-28", "2026-03-31", "2026-04-30", NULL };
  const char * const until_terminated[] = { "2026-01-31", "2026-02-28", NULL };

  last = signet_obligation_dup_last_date (obligation, contract);
  g_assert_null (last);

  signet_contract_set_end_date (contract, "2026-05-15");
  last = signet_obligation_dup_last_date (obligation, contract);
  g_assert_cmpstr (last, ==, "2026-05-15");
  dates = signet_obligation_list_occurrences (obligation, last, NULL, NULL);
  g_assert_cmpuint (dates->len, ==, 4);
  assert_dates (dates, until_end);
  g_clear_pointer (&dates, g_ptr_array_unref);
  g_clear_pointer (&last, g_free);

  obligation->until_date = g_strdup ("2026-03-31");
  last = signet_obligation_dup_last_date (obligation, contract);
  g_assert_cmpstr (last, ==, "2026-03-31");
  g_clear_pointer (&last, g_free);

  signet_contract_set_status (contract, SIGNET_CONTRACT_STATUS_TERMINATED);
  signet_contract_set_termination_date (contract, "2026-03-10");
  last = signet_obligation_dup_last_date (obligation, contract);
  g_assert_cmpstr (last, ==, "2026-03-10");
  dates = signet_obligation_list_occurrences (obligation, last, NULL, NULL);
  assert_dates (dates, until_terminated);
}

/* Done after the day it was due is done late; the next open occurrence
 * skips the done and waived ones, and there is none when all are. */
static void
test_next_open_and_late (void)
{
  g_autoptr(SignetObligation) obligation = make_obligation ("2026-01-31", SIGNET_RECURRENCE_MONTHLY, "2026-03-31");
  SignetOccurrence *done = g_new0 (SignetOccurrence, 1);
  SignetOccurrence *waived = g_new0 (SignetOccurrence, 1);
  SignetOccurrence *last = g_new0 (SignetOccurrence, 1);
  g_autofree char *next = NULL;

  done->due_date = g_strdup ("2026-01-31");
  done->status = SIGNET_OCCURRENCE_DONE;
  done->done_date = g_strdup ("2026-02-02");
  waived->due_date = g_strdup ("2026-02-28");
  waived->status = SIGNET_OCCURRENCE_WAIVED;
  waived->note = g_strdup ("Office closed");
  last->due_date = g_strdup ("2026-03-31");
  last->status = SIGNET_OCCURRENCE_DONE;
  last->done_date = g_strdup ("2026-03-31");
  g_ptr_array_add (obligation->occurrences, done);
  g_ptr_array_add (obligation->occurrences, waived);

  g_assert_true (signet_occurrence_is_done_late (done));
  g_assert_false (signet_occurrence_is_done_late (waived));
  g_assert_false (signet_occurrence_is_done_late (last));
  g_assert_cmpint (signet_obligation_occurrence_status (obligation, "2026-02-28"), ==, SIGNET_OCCURRENCE_WAIVED);
  g_assert_cmpint (signet_obligation_occurrence_status (obligation, "2026-03-31"), ==, SIGNET_OCCURRENCE_OPEN);

  next = signet_obligation_dup_next_open (obligation, obligation->until_date);
  g_assert_cmpstr (next, ==, "2026-03-31");
  g_clear_pointer (&next, g_free);

  g_ptr_array_add (obligation->occurrences, last);
  next = signet_obligation_dup_next_open (obligation, obligation->until_date);
  g_assert_null (next);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/obligations/recurrence/monthly-month-ends", test_monthly_month_ends);
  g_test_add_func ("/obligations/recurrence/yearly-leap-day", test_yearly_leap_day);
  g_test_add_func ("/obligations/recurrence/quarterly-from-november", test_quarterly_from_november);
  g_test_add_func ("/obligations/recurrence/range", test_range);
  g_test_add_func ("/obligations/recurrence/last-date", test_last_date);
  g_test_add_func ("/obligations/occurrences/next-open-and-late", test_next_open_and_late);

  return g_test_run ();
}
