/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <sqlite3.h>

#include "signet-date.h"
#include "signet-reminder-notifier.h"
#include "signet-store-events.h"
#include "store-fixture.h"
#include "unit-test-utils.h"

/* Which desktop notifications Signet sends on which day, with the store's
 * clock set day by day: each lead time once, never again once
 * acknowledged, and a summary instead of a flood. The notifier links no
 * GTK, and this test runs without a display. */

/* The application's settings (data/io.github.signetapp.Signet.gschema.xml),
 * from the build directory and in memory (tests/services/meson.build). */
#define SETTINGS_SCHEMA "io.github.signetapp.Signet"

typedef struct
{
  StoreFixture            base;         /* the register, with client Acme */
  SignetStore            *store;
  GSettings              *settings;
  SignetReminderNotifier *notifier;
  GPtrArray              *sent_ids;     /* of char *, this check */
  GPtrArray              *acks;         /* of GVariant (xssu), this check */
} Fixture;

static void
collect_cb (const char    *id,
            GNotification *notification,
            gpointer       user_data)
{
  Fixture *f = user_data;

  /* NULL withdraws a notification sent before. */
  if (notification == NULL)
    g_ptr_array_add (f->sent_ids, g_strconcat ("withdrawn ", id, NULL));
  else
    g_ptr_array_add (f->sent_ids, g_strdup (id));
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  store_fixture_open (&f->base, "2026-03-01");
  f->store = f->base.store;
  f->settings = g_settings_new (SETTINGS_SCHEMA);
  /* Every test starts from the schema's defaults. */
  unit_reset_settings (f->settings);
  f->notifier = signet_reminder_notifier_new (NULL, f->store, f->settings);
  f->sent_ids = g_ptr_array_new_with_free_func (g_free);
  signet_reminder_notifier_set_func (f->notifier, collect_cb, f);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->notifier);
  g_clear_object (&f->settings);
  f->store = NULL;
  store_fixture_close (&f->base);
  g_clear_pointer (&f->sent_ids, g_ptr_array_unref);
}

static gint64
add_contract (Fixture    *f,
              const char *number,
              const char *end)
{
  g_autoptr(SignetContract) contract = signet_contract_new ();
  g_autoptr(GError) error = NULL;

  signet_contract_set_number (contract, number);
  signet_contract_set_title (contract, "Cleaning services");
  signet_contract_set_client_id (contract, signet_client_get_id (f->base.client));
  signet_contract_set_currency (contract, "CNY");
  signet_contract_set_value (contract, 100);
  signet_contract_set_status (contract, SIGNET_CONTRACT_STATUS_ACTIVE);
  g_assert_true (signet_store_add_contract (f->store, contract, &error));
  g_assert_no_error (error);
  signet_contract_set_start_date (contract, "2026-01-01");
  signet_contract_set_end_date (contract, end);
  signet_contract_set_status (contract, SIGNET_CONTRACT_STATUS_ACTIVE);
  g_assert_true (signet_store_update_contract (f->store, contract, NULL));

  return signet_contract_get_id (contract);
}

static char *
day_after (const char *day)
{
  g_autoptr(GDate) date = g_date_new ();

  g_date_set_parse (date, day);
  g_assert_true (g_date_valid (date));
  g_date_add_days (date, 1);

  return g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (date), g_date_get_month (date), g_date_get_day (date));
}

/* Acknowledges what the last check sent, as a user clicking the button. */
static void
acknowledge_all (Fixture *f,
                 gint64   contract_id,
                 guint    lead_days,
                 const char *end)
{
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < f->sent_ids->len; i++)
    g_assert_true (signet_reminder_notifier_acknowledge (f->notifier,
                                                         g_variant_new ("(xssu)", contract_id, "end", end, lead_days),
                                                         &error));
  g_assert_no_error (error);
}

/* Walks from March to July, acknowledging each reminder the day it comes:
 * the end on 30 June comes 90, 30 and 7 days before, once each. */
static void
test_each_lead_once (Fixture       *f,
                     gconstpointer  data)
{
  gint64 id = add_contract (f, "HT-2026-0001", "2026-06-30");
  g_autofree char *day = g_strdup ("2026-03-01");
  g_autoptr(GPtrArray) days = g_ptr_array_new_with_free_func (g_free);
  static const guint leads[] = { 90, 30, 7 };

  while (g_strcmp0 (day, "2026-07-15") <= 0)
    {
      char *next;

      g_ptr_array_set_size (f->sent_ids, 0);
      signet_store_set_today (f->store, day);
      signet_reminder_notifier_check (f->notifier);
      /* A second check the same day sends nothing new. */
      g_assert_cmpuint (signet_reminder_notifier_check (f->notifier), ==, 0);

      if (f->sent_ids->len > 0)
        {
          g_assert_cmpuint (f->sent_ids->len, ==, 1);
          g_assert_cmpstr (g_ptr_array_index (f->sent_ids, 0), ==, "reminder-1-end-2026-06-30");
          g_assert_cmpuint (days->len, <, G_N_ELEMENTS (leads));
          acknowledge_all (f, id, leads[days->len], "2026-06-30");
          g_ptr_array_add (days, g_strdup (day));
        }

      next = day_after (day);
      g_free (day);
      day = next;
    }

  g_assert_cmpuint (days->len, ==, 3);
  g_assert_cmpstr (g_ptr_array_index (days, 0), ==, "2026-04-01");
  g_assert_cmpstr (g_ptr_array_index (days, 1), ==, "2026-05-31");
  g_assert_cmpstr (g_ptr_array_index (days, 2), ==, "2026-06-23");
}

/* Not acknowledged, a reminder comes back the next day. */
static void
test_unacknowledged_comes_back (Fixture       *f,
                                gconstpointer  data)
{
  add_contract (f, "HT-2026-0001", "2026-06-30");

  signet_store_set_today (f->store, "2026-04-01");
  g_assert_cmpuint (signet_reminder_notifier_check (f->notifier), ==, 1);
  signet_store_set_today (f->store, "2026-04-02");
  g_assert_cmpuint (signet_reminder_notifier_check (f->notifier), ==, 1);
  g_assert_cmpuint (signet_reminder_notifier_check (f->notifier), ==, 0);
}

/* Twelve dates due at once: five notifications and one that counts the rest. */
static void
test_summary (Fixture       *f,
              gconstpointer  data)
{
  for (guint i = 0; i < 12; i++)
    {
      g_autofree char *number = g_strdup_printf ("HT-2026-%04u", i + 1);

      add_contract (f, number, "2026-06-30");
    }

  signet_store_set_today (f->store, "2026-06-25");
  g_assert_cmpuint (signet_reminder_notifier_check (f->notifier), ==, SIGNET_REMINDER_MAX_NOTIFICATIONS + 1);
  g_assert_cmpstr (g_ptr_array_index (f->sent_ids, SIGNET_REMINDER_MAX_NOTIFICATIONS), ==, "reminders-more");
}

/* Lead times changed in Preferences apply at once. */
static void
test_settings (Fixture       *f,
               gconstpointer  data)
{
  add_contract (f, "HT-2026-0001", "2026-06-30");

  signet_store_set_today (f->store, "2026-03-20");
  g_assert_cmpuint (signet_reminder_notifier_check (f->notifier), ==, 0);

  g_settings_set_string (f->settings, "reminder-end-leads", "120");
  g_assert_cmpuint (f->sent_ids->len, ==, 1);

  g_settings_set_string (f->settings, "reminder-end-leads", "");
  signet_store_set_today (f->store, "2026-06-29");
  g_assert_cmpuint (signet_reminder_notifier_check (f->notifier), ==, 0);
}

static gboolean
has_sent (Fixture    *f,
          const char *id)
{
  for (guint i = 0; i < f->sent_ids->len; i++)
    if (g_str_equal (g_ptr_array_index (f->sent_ids, i), id))
      return TRUE;

  return FALSE;
}

/* Another program holds the register's write lock just when the index of
 * dates must move to a new day: the check fails. The user is told once,
 * however many checks fail, and the reminder comes with the retry after
 * the lock is gone, the notice withdrawn. Before, a failed check was a
 * warning on the terminal, and the reminders waited for the next day. */
static void
test_busy_register_retries (Fixture       *f,
                            gconstpointer  data)
{
  static const guint delays[] = { 100 };
  sqlite3 *writer = NULL;

  add_contract (f, "HT-2026-0001", "2026-06-30");
  signet_store_set_today (f->store, "2026-03-20");
  g_assert_cmpuint (signet_reminder_notifier_check (f->notifier), ==, 0);
  signet_reminder_notifier_set_retry_delays (f->notifier, delays, G_N_ELEMENTS (delays));

  g_assert_cmpint (sqlite3_open_v2 (signet_store_get_path (f->store), &writer, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (writer, "BEGIN IMMEDIATE", NULL, NULL, NULL), ==, SQLITE_OK);

  signet_store_set_today (f->store, "2026-06-25");
  g_assert_cmpuint (signet_reminder_notifier_check (f->notifier), ==, 0);
  g_assert_cmpuint (f->sent_ids->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (f->sent_ids, 0), ==, "reminders-failed");

  /* A second failure in the same run says nothing more. */
  g_assert_cmpuint (signet_reminder_notifier_check (f->notifier), ==, 0);
  g_assert_cmpuint (f->sent_ids->len, ==, 1);

  g_assert_cmpint (sqlite3_exec (writer, "ROLLBACK", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (writer);

  while (!has_sent (f, "reminder-1-end-2026-06-30"))
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (has_sent (f, "withdrawn reminders-failed"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add ("/reminder-notifier/each-lead-once", Fixture, NULL, fixture_set_up, test_each_lead_once, fixture_tear_down);
  g_test_add ("/reminder-notifier/unacknowledged-comes-back", Fixture, NULL, fixture_set_up, test_unacknowledged_comes_back, fixture_tear_down);
  g_test_add ("/reminder-notifier/summary", Fixture, NULL, fixture_set_up, test_summary, fixture_tear_down);
  g_test_add ("/reminder-notifier/settings", Fixture, NULL, fixture_set_up, test_settings, fixture_tear_down);
  g_test_add ("/reminder-notifier/busy-register-retries", Fixture, NULL, fixture_set_up, test_busy_register_retries, fixture_tear_down);

  return g_test_run ();
}
