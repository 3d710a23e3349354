/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The range of dates Signet works with, 1900-01-01 to 2199-12-31: which
 * dates and times it takes, what it derives at the ends of the range, what
 * the register refuses, and a register written before the range, holding
 * dates outside it, read without a crash. */

#include "config.h"

#include <locale.h>
#include <string.h>

#include "signet-date.h"
#include "signet-key-dates.h"
#include "signet-store-events.h"
#include "store-fixture.h"
#include "unit-test-utils.h"

static void
test_range (void)
{
  static const struct
  {
    const char      *text;
    SignetDateCheck  check;
  } cases[] = {
    { "1899-12-31", SIGNET_DATE_OUT_OF_RANGE },
    { "1900-01-01", SIGNET_DATE_OK },
    { "2026-02-28", SIGNET_DATE_OK },
    { "2199-12-31", SIGNET_DATE_OK },
    { "2200-01-01", SIGNET_DATE_OUT_OF_RANGE },
    { "9999-12-31", SIGNET_DATE_OUT_OF_RANGE },
    { "0001-01-01", SIGNET_DATE_OUT_OF_RANGE },
    { "10000-01-01", SIGNET_DATE_MALFORMED },
    { "0000-01-01", SIGNET_DATE_MALFORMED },
    { "-2026-01-01", SIGNET_DATE_MALFORMED },
    { "-001-01-01", SIGNET_DATE_MALFORMED },
    { "2026-02-30", SIGNET_DATE_MALFORMED },
    { "2026-1-1", SIGNET_DATE_MALFORMED },
    { "", SIGNET_DATE_MALFORMED },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      gboolean ok = cases[i].check == SIGNET_DATE_OK;
      GDate date;

      g_test_message ("%s", cases[i].text);
      /* What every caller used before the range: only dates in it parse. */
      g_assert_cmpint (signet_date_is_valid (cases[i].text), ==, ok);
      g_assert_cmpint (signet_date_parse (cases[i].text, &date), ==, ok);
      g_assert_cmpint (signet_date_check (cases[i].text), ==, cases[i].check);
    }

  g_assert_false (signet_date_is_valid (NULL));
  g_assert_cmpint (signet_date_check (NULL), ==, SIGNET_DATE_MALFORMED);
}

static void
test_out_of_range_message (void)
{
  g_autofree char *message = signet_date_out_of_range_message ("2300-01-01");

  g_assert_cmpstr (message, ==, "“2300-01-01” is outside the dates Signet works with, 1900-01-01 to 2199-12-31.");
}


static void
test_timestamps (void)
{
  static const struct
  {
    const char      *text;
    SignetDateCheck  check;
    const char      *stored;
  } cases[] = {
    { "2026-01-31T09:15:02.123Z", SIGNET_DATE_OK, "2026-01-31T09:15:02.123Z" },
    { "2026-01-31T09:15:02Z", SIGNET_DATE_OK, "2026-01-31T09:15:02.000Z" },
    { "2026-01-31T09:15:02.5Z", SIGNET_DATE_OK, "2026-01-31T09:15:02.500Z" },
    { "1900-01-01T00:00:00Z", SIGNET_DATE_OK, "1900-01-01T00:00:00.000Z" },
    { "2199-12-31T23:59:59.999Z", SIGNET_DATE_OK, "2199-12-31T23:59:59.999Z" },
    { "2026-01-31T24:00:00Z", SIGNET_DATE_MALFORMED, NULL },
    { "2026-01-31T24:00:00.000Z", SIGNET_DATE_MALFORMED, NULL },
    { "2026-01-31T23:60:00Z", SIGNET_DATE_MALFORMED, NULL },
    { "2026-01-31T23:59:60Z", SIGNET_DATE_MALFORMED, NULL },
    { "99999-01-31T09:15:02Z", SIGNET_DATE_MALFORMED, NULL },
    { "-2026-01-31T09:15:02Z", SIGNET_DATE_MALFORMED, NULL },
    { "2026-02-30T09:15:02Z", SIGNET_DATE_MALFORMED, NULL },
    { "2026-01-31T09:15:02.1234Z", SIGNET_DATE_MALFORMED, NULL },
    { "2026-01-31T09:15:02.Z", SIGNET_DATE_MALFORMED, NULL },
    { "2026-01-31T09:15:02", SIGNET_DATE_MALFORMED, NULL },
    { "2026-01-31 09:15:02Z", SIGNET_DATE_MALFORMED, NULL },
    { "2026-01-31T09:15:02z", SIGNET_DATE_MALFORMED, NULL },
    { "2026-01-31T09:15:02ZZ", SIGNET_DATE_MALFORMED, NULL },
    { "2026-01-31T17:15:02+08:00", SIGNET_DATE_NOT_UTC, NULL },
    { "2026-01-31T17:15:02.123+08:00", SIGNET_DATE_NOT_UTC, NULL },
    { "2026-01-31T09:15:02-00:00", SIGNET_DATE_NOT_UTC, NULL },
    { "1899-12-31T23:59:59Z", SIGNET_DATE_OUT_OF_RANGE, NULL },
    { "2200-01-01T00:00:00Z", SIGNET_DATE_OUT_OF_RANGE, NULL },
    { "9999-12-31T23:59:59Z", SIGNET_DATE_OUT_OF_RANGE, NULL },
    { "", SIGNET_DATE_MALFORMED, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *stored = NULL;

      g_test_message ("%s", cases[i].text);
      g_assert_cmpint (signet_timestamp_check (cases[i].text, &stored), ==, cases[i].check);
      g_assert_cmpstr (stored, ==, cases[i].stored);
    }

  g_assert_cmpint (signet_timestamp_check (NULL, NULL), ==, SIGNET_DATE_MALFORMED);
}

static void
test_timestamp_messages (void)
{
  g_autofree char *offset = signet_timestamp_describe_problem ("2026-01-31T17:15:02+08:00", SIGNET_DATE_NOT_UTC);
  g_autofree char *midnight = signet_timestamp_describe_problem ("2026-01-31T24:00:00Z", SIGNET_DATE_MALFORMED);
  g_autofree char *far = signet_timestamp_describe_problem ("2200-01-01T00:00:00Z", SIGNET_DATE_OUT_OF_RANGE);

  g_assert_cmpstr (offset, ==, "“2026-01-31T17:15:02+08:00” is not in UTC: write times in UTC, ending in Z, "
                               "such as 2026-01-31T09:15:02.123Z.");
  g_assert_cmpstr (midnight, ==, "“2026-01-31T24:00:00Z” is not a time: write times in UTC as "
                                 "YYYY-MM-DDThh:mm:ss.sssZ, such as 2026-01-31T09:15:02.123Z.");
  g_assert_cmpstr (far, ==, "“2200-01-01T00:00:00Z” is outside the dates Signet works with, "
                            "1900-01-01 to 2199-12-31.");
}

static GDate
dmy (guint day,
     guint month,
     guint year)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, day, month, year);

  return date;
}

static char *
iso (const GDate *date)
{
  return signet_date_to_iso (date);
}

/* Arithmetic near GDate's end neither aborts (the tests make criticals
 * fatal) nor wraps: a sum it cannot hold leaves the date as it was. */
static void
test_arithmetic (void)
{
  GDate date = dmy (31, 1, 2199);
  g_autofree char *text = NULL;

  g_assert_true (signet_date_add_months (&date, 1));
  text = iso (&date);
  g_assert_cmpstr (text, ==, "2199-02-28");
  g_assert_true (signet_date_in_range (&date));

  /* Past the range is still computed (an end of 2200-01-01 − 1 day is
   * 2199-12-31), and known to be outside it. */
  date = dmy (1, 12, 2199);
  g_assert_true (signet_date_add_months (&date, 1));
  g_assert_false (signet_date_in_range (&date));
  g_assert_true (signet_date_add_days (&date, -1));
  g_clear_pointer (&text, g_free);
  text = iso (&date);
  g_assert_cmpstr (text, ==, "2199-12-31");

  date = dmy (31, 12, 9999);
  g_assert_false (signet_date_add_days (&date, 1));
  g_assert_false (signet_date_add_months (&date, 1));
  g_assert_false (signet_date_add_months (&date, G_MAXINT64));
  g_assert_false (signet_date_add_days (&date, G_MININT64));
  g_assert_false (signet_date_add_months (&date, (gint64) G_MAXUINT32));
  g_clear_pointer (&text, g_free);
  text = iso (&date);
  g_assert_cmpstr (text, ==, "9999-12-31");

  date = dmy (1, 1, 1);
  g_assert_false (signet_date_add_days (&date, -1));
  g_assert_false (signet_date_add_months (&date, -1));

  date = dmy (1, 1, 1900);
  g_assert_false (signet_date_add_days (&date, -1) && signet_date_in_range (&date));
}

static SignetContract *
make_contract (const char      *start,
               const char      *end,
               gboolean         auto_renew,
               guint            notice_days,
               SignetRiskLevel  risk)
{
  SignetContract *contract = signet_contract_new ();

  signet_contract_set_start_date (contract, start);
  signet_contract_set_end_date (contract, end);
  signet_contract_set_auto_renew (contract, auto_renew);
  signet_contract_set_notice_days (contract, notice_days);
  signet_contract_set_status (contract, SIGNET_CONTRACT_STATUS_ACTIVE);
  signet_contract_set_risk_level (contract, risk);

  return contract;
}

/* "kind date|..." of every derived date, and the notes of those left out. */
static char *
derive (SignetContract *contract,
        const char     *today,
        const char     *last_review,
        char          **notes)
{
  SignetReviewIntervals intervals = SIGNET_REVIEW_INTERVALS_DEFAULT;
  g_autoptr(GPtrArray) omitted = NULL;
  g_autoptr(GPtrArray) dates = signet_contract_derive_key_dates_full (contract, today, last_review,
                                                                     &intervals, &omitted);
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < dates->len; i++)
    {
      const SignetKeyDate *d = g_ptr_array_index (dates, i);

      /* Whatever is derived is a date the app computes with. */
      g_assert_true (signet_date_is_valid (d->date));
      g_string_append_printf (text, "%s %s|", signet_key_date_kind_to_token (d->kind), d->date);
    }

  g_ptr_array_add (omitted, NULL);
  *notes = g_strjoinv ("\n", (char **) omitted->pdata);

  return g_string_free (text, FALSE);
}

static void
test_derived_at_the_end (void)
{
  /* An end date of 2199-12-20 with a 30-day notice is fine. */
  {
    g_autoptr(SignetContract) c = make_contract ("2190-12-21", "2199-12-20", TRUE, 30, SIGNET_RISK_LEVEL_HIGH);
    g_autofree char *notes = NULL;
    g_autofree char *dates = derive (c, "2199-06-01", "2199-05-01", &notes);

    g_assert_cmpstr (dates, ==,
                     "start 2190-12-21|review 2199-08-01|notice-deadline 2199-11-20|end 2199-12-20|");
    g_assert_cmpstr (notes, ==, "");
  }

  /* A review after 2199-12-31 is not produced, and that is said. */
  {
    g_autoptr(SignetContract) c = make_contract ("2199-01-01", "2199-12-31", FALSE, 0, SIGNET_RISK_LEVEL_LOW);
    g_autofree char *notes = NULL;
    g_autofree char *dates = derive (c, "2199-06-01", NULL, &notes);

    g_assert_cmpstr (dates, ==, "start 2199-01-01|end 2199-12-31|");
    g_assert_cmpstr (notes, ==, "The next review would fall after 2199-12-31 and is not shown.");
  }

  /* The last review of the range: 2199-10-31 + 2 months = 2199-12-31. */
  {
    SignetReviewIntervals intervals = { 2, 6, 12 };
    g_autoptr(SignetContract) c = make_contract ("2199-01-01", NULL, FALSE, 0, SIGNET_RISK_LEVEL_HIGH);
    g_autoptr(GPtrArray) dates = signet_contract_derive_key_dates (c, "2199-11-01", "2199-10-31", &intervals);

    g_assert_cmpuint (dates->len, ==, 2);
    g_assert_cmpstr (((SignetKeyDate *) g_ptr_array_index (dates, 1))->date, ==, "2199-12-31");
  }

  /* A notice deadline before 1900-01-01. */
  {
    g_autoptr(SignetContract) c = make_contract ("1900-01-01", "1900-01-20", TRUE, 30, SIGNET_RISK_LEVEL_LOW);
    g_autofree char *notes = NULL;
    g_autofree char *dates = derive (c, "1900-01-05", NULL, &notes);

    g_assert_cmpstr (dates, ==, "start 1900-01-01|end 1900-01-20|review 1901-01-01|");
    g_assert_cmpstr (notes, ==, "The notice deadline would fall before 1900-01-01 and is not shown.");
  }

  /* A yearly contract renewing itself into a term that would end after
   * the range: the current term's start shows, its end does not. */
  {
    g_autoptr(SignetContract) c = make_contract ("2197-07-01", "2198-06-30", TRUE, 30, SIGNET_RISK_LEVEL_LOW);
    g_autofree char *notes = NULL;
    g_autofree char *dates = derive (c, "2199-08-01", "2199-07-15", &notes);

    g_assert_cmpstr (dates, ==, "start 2199-07-01|");
    g_assert_cmpstr (notes, ==, "The current term would end after 2199-12-31: its end and notice deadline are not "
                                "shown.\nThe next review would fall after 2199-12-31 and is not shown.");
  }
}

/* A contract from a register written before the range. */
static void
test_derived_from_old_dates (void)
{
  /* The register's today may be any day of the range. */
  static const char * const todays[] = { "1900-01-01", "2026-12-07", "2199-12-31" };

  for (guint i = 0; i < G_N_ELEMENTS (todays); i++)
    {
      g_autoptr(SignetContract) c = make_contract ("9999-01-01", "9999-12-31", TRUE, 30, SIGNET_RISK_LEVEL_LOW);
      g_autofree char *notes = NULL;
      g_autofree char *dates = derive (c, todays[i], NULL, &notes);

      g_assert_cmpstr (dates, ==, "");
      g_assert_cmpstr (notes, ==,
                       "The start date 9999-01-01 is outside the dates Signet works with, 1900-01-01 to 2199-12-31: "
                       "nothing is derived from it, and it is not in the calendar.\n"
                       "The end date 9999-12-31 is outside the dates Signet works with, 1900-01-01 to 2199-12-31: "
                       "nothing is derived from it, and it is not in the calendar.");
    }

  /* Such a date still shows as the register holds it. */
  {
    g_autofree char *far = signet_date_format_display ("9999-12-31");
    g_autofree char *garbage = signet_date_format_display ("10000-01-01");

    g_assert_cmpstr (far, ==, "9999-12-31");
    g_assert_cmpstr (garbage, ==, "");
  }

  /* An end far out, a start in the range: the start and the reviews. */
  {
    g_autoptr(SignetContract) c = make_contract ("2026-01-01", "9999-12-31", TRUE, 30, SIGNET_RISK_LEVEL_MEDIUM);
    g_autofree char *notes = NULL;
    g_autofree char *dates = derive (c, "2026-12-07", NULL, &notes);

    g_assert_cmpstr (dates, ==, "start 2026-01-01|review 2026-07-01|");
    g_assert_cmpstr (notes, ==,
                     "The end date 9999-12-31 is outside the dates Signet works with, 1900-01-01 to 2199-12-31: "
                     "nothing is derived from it, and it is not in the calendar.");
  }
}

/* The register refuses every date outside the range, says the range, and
 * keeps what it had. */
static void
test_store_refuses (void)
{
  StoreFixture f = { 0 };
  g_autoptr(SignetContract) contract = signet_contract_new ();
  g_autoptr(SignetContract) stored = NULL;
  g_autoptr(SignetUserKeyDate) key_date = NULL;
  g_autoptr(GPtrArray) key_dates = NULL;
  g_autoptr(GPtrArray) reviews = NULL;
  g_autoptr(GError) error = NULL;
  static const struct
  {
    SignetField  field;
    const char  *date;
  } contract_cases[] = {
    { SIGNET_FIELD_CONTRACT_SIGNING_DATE, "1899-12-31" },
    { SIGNET_FIELD_CONTRACT_START_DATE, "0001-01-01" },
    { SIGNET_FIELD_CONTRACT_END_DATE, "2200-01-01" },
    { SIGNET_FIELD_CONTRACT_END_DATE, "9999-12-31" },
  };

  store_fixture_open (&f, "2026-12-07");

  signet_contract_set_number (contract, "HT-1");
  signet_contract_set_title (contract, "Lease");
  signet_contract_set_client_id (contract, signet_client_get_id (f.client));
  signet_contract_set_currency (contract, "CNY");
  signet_contract_set_start_date (contract, "1900-01-01");
  signet_contract_set_end_date (contract, "2199-12-31");
  g_assert_true (signet_store_add_contract (f.store, contract, &error));
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (contract_cases); i++)
    {
      g_autoptr(SignetContract) edited = signet_contract_copy (contract);
      g_autofree char *expected = g_strdup_printf ("%s: “%s” is outside the dates Signet works with, "
                                                   "1900-01-01 to 2199-12-31.",
                                                   signet_field_to_label (contract_cases[i].field),
                                                   contract_cases[i].date);

      if (contract_cases[i].field == SIGNET_FIELD_CONTRACT_SIGNING_DATE)
        signet_contract_set_signing_date (edited, contract_cases[i].date);
      else if (contract_cases[i].field == SIGNET_FIELD_CONTRACT_START_DATE)
        signet_contract_set_start_date (edited, contract_cases[i].date);
      else
        signet_contract_set_end_date (edited, contract_cases[i].date);

      g_assert_false (signet_store_update_contract (f.store, edited, &error));
      g_assert_error (error, SIGNET_FIELD_ERROR, (int) contract_cases[i].field);
      g_assert_cmpstr (error->message, ==, expected);
      g_clear_error (&error);
    }

  stored = signet_store_get_contract (f.store, signet_contract_get_id (contract), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (signet_contract_get_start_date (stored), ==, "1900-01-01");
  g_assert_cmpstr (signet_contract_get_end_date (stored), ==, "2199-12-31");
  g_assert_null (signet_contract_get_signing_date (stored));

  key_date = signet_user_key_date_new (signet_contract_get_id (contract), SIGNET_KEY_DATE_PAYMENT,
                                       "9999-12-31", "Last payment", NULL);
  g_assert_false (signet_store_add_key_date (f.store, key_date, &error));
  g_assert_error (error, SIGNET_FIELD_ERROR, SIGNET_FIELD_KEY_DATE_DATE);
  g_assert_cmpstr (error->message, ==, "“9999-12-31” is outside the dates Signet works with, 1900-01-01 to 2199-12-31.");
  g_clear_error (&error);

  g_assert_false (signet_store_record_review (f.store, signet_contract_get_id (contract), "1899-12-31",
                                              "王芳", NULL, NULL, &error));
  g_assert_error (error, SIGNET_FIELD_ERROR, SIGNET_FIELD_REVIEW_DATE);
  g_assert_cmpstr (error->message, ==, "“1899-12-31” is outside the dates Signet works with, 1900-01-01 to 2199-12-31.");
  g_clear_error (&error);

  key_dates = signet_store_list_key_dates (f.store, signet_contract_get_id (contract), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (key_dates->len, ==, 0);
  reviews = signet_store_list_reviews (f.store, signet_contract_get_id (contract), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (reviews->len, ==, 0);

  store_fixture_close (&f);
}

static gboolean
has_event (GPtrArray  *events,
           const char *number,
           const char *date)
{
  for (guint i = 0; i < events->len; i++)
    {
      SignetEvent *event = g_ptr_array_index (events, i);

      if (g_strcmp0 (signet_event_get_contract_number (event), number) == 0 &&
          g_strcmp0 (signet_event_get_date (event), date) == 0)
        return TRUE;
    }

  return FALSE;
}

/* A register written before the range, its dates set the way that code
 * let them in (raw SQL on the file), and its event index holding the
 * review it derived then, 10000-01-01: every query of the calendar, the
 * agenda, the export and the reminders reads it, gives the other
 * contracts' events and no date outside the range. */
static void
test_old_register (void)
{
  StoreFixture f = { 0 };
  g_autoptr(SignetContract) far = signet_contract_new ();
  g_autoptr(SignetContract) near = signet_contract_new ();
  g_autoptr(SignetStore) reopened = NULL;
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GPtrArray) days = NULL;
  g_autoptr(GPtrArray) agenda = NULL;
  g_autoptr(GPtrArray) candidates = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;
  g_autofree char *sql = NULL;

  store_fixture_open (&f, "2026-12-07");

  signet_contract_set_number (near, "NEAR-1");
  signet_contract_set_title (near, "Near");
  signet_contract_set_client_id (near, signet_client_get_id (f.client));
  signet_contract_set_currency (near, "CNY");
  signet_contract_set_status (near, SIGNET_CONTRACT_STATUS_ACTIVE);
  signet_contract_set_start_date (near, "2026-01-01");
  signet_contract_set_end_date (near, "2026-12-31");
  g_assert_true (signet_store_add_contract (f.store, near, &error));
  g_assert_no_error (error);

  signet_contract_set_number (far, "FAR-1");
  signet_contract_set_title (far, "Far");
  signet_contract_set_client_id (far, signet_client_get_id (f.client));
  signet_contract_set_currency (far, "CNY");
  signet_contract_set_status (far, SIGNET_CONTRACT_STATUS_ACTIVE);
  g_assert_true (signet_store_add_contract (f.store, far, &error));
  g_assert_no_error (error);
  g_clear_object (&f.store);

  sql = g_strdup_printf ("UPDATE contracts SET start_date = '9999-01-01', end_date = '9999-12-31' WHERE id = %"
                         G_GINT64_FORMAT ";"
                         "INSERT INTO key_dates (contract_id, kind, date, title) VALUES (%" G_GINT64_FORMAT
                         ", 'payment', '9999-06-30', 'Last payment');"
                         "INSERT INTO contract_events (contract_id, kind, date) VALUES (%" G_GINT64_FORMAT
                         ", 'start', '9999-01-01'), (%" G_GINT64_FORMAT ", 'review', '10000-01-01'), (%"
                         G_GINT64_FORMAT ", 'end', '9999-12-31');",
                         signet_contract_get_id (far), signet_contract_get_id (far),
                         signet_contract_get_id (far), signet_contract_get_id (far),
                         signet_contract_get_id (far));
  unit_exec_raw (f.path, sql);

  reopened = signet_store_new (f.path, &error);
  g_assert_no_error (error);
  signet_store_set_today (reopened, "2026-12-07");

  g_assert_true (signet_store_get_events_span (reopened, &first, &last, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (first, ==, "2026-01-01");
  g_assert_cmpstr (last, ==, "2027-01-01");

  events = signet_store_list_events (reopened, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (has_event (events, "NEAR-1", "2026-12-31"));
  for (guint i = 0; i < events->len; i++)
    {
      SignetEvent *event = g_ptr_array_index (events, i);

      g_assert_true (signet_date_is_valid (signet_event_get_date (event)));
      g_assert_cmpstr (signet_event_get_contract_number (event), ==, "NEAR-1");
    }

  days = signet_store_list_event_days (reopened, "1899-12-25", "1900-02-04", 3, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (days->len, ==, 0);
  g_clear_pointer (&days, g_ptr_array_unref);
  days = signet_store_list_event_days (reopened, "2199-11-25", "2200-01-05", 3, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (days->len, ==, 0);

  agenda = signet_store_list_agenda (reopened, "2026-12-07", 30, &error);
  g_assert_no_error (error);
  g_assert_true (has_event (agenda, "NEAR-1", "2026-12-31"));
  g_assert_false (has_event (agenda, "FAR-1", "10000-01-01"));

  candidates = signet_store_list_reminder_candidates (reopened, "2026-12-07", "2027-03-07", &error);
  g_assert_no_error (error);
  for (guint i = 0; i < candidates->len; i++)
    {
      SignetReminderCandidate *candidate = g_ptr_array_index (candidates, i);

      g_assert_cmpstr (signet_event_get_contract_number (candidate->event), ==, "NEAR-1");
    }

  g_clear_object (&reopened);
  store_fixture_close (&f);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/dates/range", test_range);
  g_test_add_func ("/dates/out-of-range-message", test_out_of_range_message);
  g_test_add_func ("/dates/timestamps", test_timestamps);
  g_test_add_func ("/dates/timestamp-messages", test_timestamp_messages);
  g_test_add_func ("/dates/arithmetic", test_arithmetic);
  g_test_add_func ("/dates/derived-at-the-end", test_derived_at_the_end);
  g_test_add_func ("/dates/derived-from-old-dates", test_derived_from_old_dates);
  g_test_add_func ("/dates/store-refuses", test_store_refuses);
  g_test_add_func ("/dates/old-register", test_old_register);

  return g_test_run ();
}
