/* SPDX-License-Identifier: GPL-3.0-or-later */

/* What a month of the calendar asks the store for: each day's number of
 * events and its first few, which must be the first ones of
 * signet_store_list_events() for that day, in the same order, whatever
 * the register holds (events of one kind on one day that only the
 * contract number orders, several key dates of one contract on one day,
 * deleted contracts, a generated register). */

#include "config.h"

#include <locale.h>

#include "signet-demo.h"
#include "signet-store-events.h"
#include "signet-tombstone.h"
#include "store-fixture.h"

typedef StoreFixture Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  store_fixture_open (f, "2026-06-15");
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
     SignetContractStatus  status)
{
  g_autoptr(SignetContract) contract = signet_contract_new ();
  g_autoptr(GError) error = NULL;

  signet_contract_set_number (contract, number);
  signet_contract_set_title (contract, number);
  signet_contract_set_client_id (contract, signet_client_get_id (f->client));
  signet_contract_set_currency (contract, "CNY");
  signet_contract_set_start_date (contract, start);
  signet_contract_set_end_date (contract, end);
  signet_contract_set_status (contract, status);
  g_assert_true (signet_store_add_contract (f->store, contract, &error));
  g_assert_no_error (error);

  return signet_contract_get_id (contract);
}

static void
add_key_date (Fixture           *f,
              gint64             contract_id,
              SignetKeyDateKind  kind,
              const char        *date,
              const char        *title)
{
  g_autoptr(SignetUserKeyDate) key_date = signet_user_key_date_new (contract_id, kind, date, title, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (signet_store_add_key_date (f->store, key_date, &error));
  g_assert_no_error (error);
}

static gboolean
same_event (SignetEvent *a,
            SignetEvent *b)
{
  return signet_event_get_contract_id (a) == signet_event_get_contract_id (b) &&
         signet_event_get_kind (a) == signet_event_get_kind (b) &&
         signet_event_get_key_date_id (a) == signet_event_get_key_date_id (b) &&
         g_strcmp0 (signet_event_get_date (a), signet_event_get_date (b)) == 0 &&
         g_strcmp0 (signet_event_get_contract_number (a), signet_event_get_contract_number (b)) == 0 &&
         g_strcmp0 (signet_event_get_title (a), signet_event_get_title (b)) == 0 &&
         g_strcmp0 (signet_event_get_client_name (a), signet_event_get_client_name (b)) == 0 &&
         g_strcmp0 (signet_event_get_explanation (a), signet_event_get_explanation (b)) == 0;
}

/* The days of @from..@to hold what list_events() has: every day with
 * events, each with its count and its first @max_per_day events, equal
 * and in the same order. Returns the number of days. */
static guint
assert_days_match (SignetStore *store,
                   const char  *from,
                   const char  *to,
                   guint        max_per_day)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) events = signet_store_list_events (store, from, to, &error);
  g_autoptr(GPtrArray) days = NULL;
  guint e = 0;

  g_assert_no_error (error);
  days = signet_store_list_event_days (store, from, to, max_per_day, &error);
  g_assert_no_error (error);

  for (guint d = 0; d < days->len; d++)
    {
      SignetEventDay *day = g_ptr_array_index (days, d);
      guint n = 0;

      while (e + n < events->len &&
             g_str_equal (signet_event_get_date (g_ptr_array_index (events, e + n)), day->date))
        n++;

      g_assert_cmpuint (n, >, 0);
      g_assert_cmpuint (day->n_events, ==, n);
      g_assert_cmpuint (day->events->len, ==, MIN (n, max_per_day));
      for (guint i = 0; i < day->events->len; i++)
        if (!same_event (g_ptr_array_index (day->events, i), g_ptr_array_index (events, e + i)))
          g_error ("%s: event %u is %s %s, list_events has %s %s", day->date, i,
                   signet_key_date_kind_to_token (signet_event_get_kind (g_ptr_array_index (day->events, i))),
                   signet_event_get_contract_number (g_ptr_array_index (day->events, i)),
                   signet_key_date_kind_to_token (signet_event_get_kind (g_ptr_array_index (events, e + i))),
                   signet_event_get_contract_number (g_ptr_array_index (events, e + i)));
      e += n;
    }
  g_assert_cmpuint (e, ==, events->len);

  return days->len;
}

/* Ten contracts ending on one day, added out of number order, with the
 * reviews, starts and key dates of other contracts on the same day: the
 * day lists its events by kind, then number. */
static void
test_busy_day (Fixture       *f,
               gconstpointer  data)
{
  const guint order[] = { 7, 2, 9, 4, 0, 5, 8, 1, 6, 3 };
  g_autoptr(GPtrArray) days = NULL;
  g_autoptr(GError) error = NULL;
  SignetEventDay *day;
  gint64 id = 0;

  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    {
      g_autofree char *number = g_strdup_printf ("HT-2026-%04u", order[i]);

      id = add (f, number, "2026-01-01", "2026-09-30", SIGNET_CONTRACT_STATUS_ACTIVE);
    }
  add (f, "ZZ-0001", "2026-09-30", "2027-09-30", SIGNET_CONTRACT_STATUS_DRAFT);
  add_key_date (f, id, SIGNET_KEY_DATE_PAYMENT, "2026-09-30", "Final payment");
  add_key_date (f, id, SIGNET_KEY_DATE_MILESTONE, "2026-09-30", "Handover");
  add_key_date (f, id, SIGNET_KEY_DATE_MILESTONE, "2026-09-30", "Acceptance");

  days = signet_store_list_event_days (f->store, "2026-09-28", "2026-10-04", 4, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (days->len, ==, 1);
  day = g_ptr_array_index (days, 0);
  g_assert_cmpstr (day->date, ==, "2026-09-30");
  g_assert_cmpuint (day->n_events, ==, 14);
  g_assert_cmpuint (day->events->len, ==, 4);
  /* The start of ZZ-0001 first (starts come before ends), then ends by
   * number. */
  g_assert_cmpint (signet_event_get_kind (g_ptr_array_index (day->events, 0)), ==, SIGNET_KEY_DATE_START);
  g_assert_cmpstr (signet_event_get_contract_number (g_ptr_array_index (day->events, 1)), ==, "HT-2026-0000");
  g_assert_cmpstr (signet_event_get_contract_number (g_ptr_array_index (day->events, 2)), ==, "HT-2026-0001");
  g_assert_cmpstr (signet_event_get_contract_number (g_ptr_array_index (day->events, 3)), ==, "HT-2026-0002");

  for (guint max = 0; max <= 15; max++)
    assert_days_match (f->store, "2026-01-01", "2026-12-31", max);
}

/* A deleted contract's events are neither shown nor counted; restored,
 * they are both again. */
static void
test_deleted_contract (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GPtrArray) days = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SignetTombstone) deleted = NULL;
  gint64 id;

  add (f, "HT-2026-0001", "2026-03-01", "2026-03-31", SIGNET_CONTRACT_STATUS_ACTIVE);
  id = add (f, "HT-2026-0002", "2026-03-01", "2026-03-31", SIGNET_CONTRACT_STATUS_ACTIVE);
  deleted = signet_store_delete (f->store, SIGNET_TOMBSTONE_CONTRACT, id, &error);
  g_assert_no_error (error);
  g_assert_nonnull (deleted);

  days = signet_store_list_event_days (f->store, "2026-03-01", "2026-03-31", 12, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (days->len, ==, 2);
  g_assert_cmpuint (((SignetEventDay *) g_ptr_array_index (days, 0))->n_events, ==, 1);
  g_assert_cmpuint (((SignetEventDay *) g_ptr_array_index (days, 1))->n_events, ==, 1);
  assert_days_match (f->store, "2026-03-01", "2026-03-31", 12);

  g_assert_true (signet_store_restore (f->store, deleted, &error));
  g_assert_no_error (error);
  g_clear_pointer (&days, g_ptr_array_unref);
  days = signet_store_list_event_days (f->store, "2026-03-01", "2026-03-31", 12, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (((SignetEventDay *) g_ptr_array_index (days, 0))->n_events, ==, 2);
  assert_days_match (f->store, "2026-03-01", "2026-03-31", 12);
}

/* No events in the range, or a range that ends before it starts: no days. */
static void
test_empty (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GPtrArray) days = NULL;
  g_autoptr(GPtrArray) backwards = NULL;
  g_autoptr(GError) error = NULL;

  add (f, "HT-2026-0001", "2026-03-01", "2026-03-31", SIGNET_CONTRACT_STATUS_ACTIVE);
  /* The day the events are derived for is kept in the index as a row of
   * its own; it is no event. */
  days = signet_store_list_event_days (f->store, "2026-06-01", "2026-06-30", 12, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (days->len, ==, 0);
  backwards = signet_store_list_event_days (f->store, "2026-03-31", "2026-03-01", 12, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (backwards->len, ==, 0);
}

/* A generated register of every status, auto-renewal and review: every
 * month grid of two years matches list_events(). */
static void
test_generated (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  guint n_days = 0;
  GDate first;

  g_assert_true (signet_demo_generate (f->store, 20, 2000, 7, &error));
  g_assert_no_error (error);

  g_date_clear (&first, 1);
  g_date_set_dmy (&first, 1, 1, 2026);
  for (guint m = 0; m < 24; m++)
    {
      GDate from = first, to;
      char from_iso[11], to_iso[11];

      g_date_add_months (&from, m);
      to = from;
      g_date_add_days (&to, 41);
      g_date_strftime (from_iso, sizeof from_iso, "%Y-%m-%d", &from);
      g_date_strftime (to_iso, sizeof to_iso, "%Y-%m-%d", &to);
      n_days += assert_days_match (f->store, from_iso, to_iso, m % 2 == 0 ? 3 : 12);
    }

  g_assert_cmpuint (n_days, >, 24 * 30);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/event-days/busy-day", test_busy_day);
  ADD ("/event-days/deleted-contract", test_deleted_contract);
  ADD ("/event-days/empty", test_empty);
  ADD ("/event-days/generated", test_generated);
#undef ADD

  return g_test_run ();
}
