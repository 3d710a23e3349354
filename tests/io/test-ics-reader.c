/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The calendar file as another reader than libical sees it: Debian's
 * python3-icalendar reads the demo register's export (ics-reader.py) and
 * finds a unique UID for every event, the same UIDs in a second export and
 * after an edit no event shows, none of them in the export of a second
 * register made apart, a VALARM for each lead time of Signet's reminders,
 * and the calendar's name. */

#include "config.h"

#include <locale.h>

#include "io-test-utils.h"
#include "signet-demo.h"
#include "signet-ics.h"
#include "signet-store-events.h"
#include "signet-store-uuids.h"

static void
export_to (SignetStore                  *store,
           const char                   *path,
           const SignetReminderSettings *defaults)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  g_assert_true (signet_ics_export (store, file, NULL, NULL, defaults, NULL, &error));
  g_assert_no_error (error);
}

static gboolean
is_in_force (SignetContractStatus status)
{
  return status == SIGNET_CONTRACT_STATUS_APPROVED || status == SIGNET_CONTRACT_STATUS_SIGNED ||
         status == SIGNET_CONTRACT_STATUS_ACTIVE || status == SIGNET_CONTRACT_STATUS_RENEWED;
}

/* A line per event, tab-separated: the UUID of its record (the key date a
 * user added, else the contract), its kind and date for a derived one
 * (empty for a key date), an approval step's title (empty for any other
 * event: ics-reader.py makes its UID from it too), and the lead times of
 * its reminders, found
 * through the store's own calls: the contract's status and lead times,
 * else @defaults. */
static char *
expected_events (SignetStore                  *store,
                 const SignetReminderSettings *defaults,
                 guint                        *n_alarms)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) events = signet_store_list_events (store, NULL, NULL, &error);
  g_autoptr(GHashTable) contract_uuids = signet_store_list_contract_uuids (store, &error);
  g_autoptr(GHashTable) key_date_uuids = signet_store_list_key_date_uuids (store, &error);
  GString *lines = g_string_new (NULL);

  g_assert_no_error (error);
  *n_alarms = 0;

  for (guint i = 0; i < events->len; i++)
    {
      SignetEvent *event = g_ptr_array_index (events, i);
      gint64 contract_id = signet_event_get_contract_id (event);
      gint64 key_date_id = signet_event_get_key_date_id (event);
      SignetKeyDateKind kind = signet_event_get_kind (event);
      g_autoptr(SignetContract) contract = signet_store_get_contract (store, contract_id, &error);
      g_autoptr(SignetReminderSettings) own = signet_store_get_reminder_settings (store, contract_id, &error);
      GArray *leads = NULL;

      g_assert_no_error (error);
      if (key_date_id > 0)
        g_string_append_printf (lines, "%s\t\t\t\t", (char *) g_hash_table_lookup (key_date_uuids, &key_date_id));
      /* A commitment's event is named by its record's UUID; an obligation's
       * occurrences as derived dates are, from the obligation's. */
      else if (signet_event_get_record_id (event) > 0 && kind != SIGNET_KEY_DATE_OBLIGATION)
        g_string_append_printf (lines, "%s\t\t\t\t", signet_event_get_record_uuid (event));
      else if (signet_event_get_record_id (event) > 0)
        g_string_append_printf (lines, "%s\t%s\t%s\t\t", signet_event_get_record_uuid (event),
                                signet_key_date_kind_to_token (kind), signet_event_get_date (event));
      else
        g_string_append_printf (lines, "%s\t%s\t%s\t%s\t",
                                (char *) g_hash_table_lookup (contract_uuids, &contract_id),
                                signet_key_date_kind_to_token (kind), signet_event_get_date (event),
                                kind == SIGNET_KEY_DATE_APPROVAL ? signet_event_get_title (event) : "");

      if (is_in_force (signet_contract_get_status (contract)) &&
          (kind == SIGNET_KEY_DATE_END || kind == SIGNET_KEY_DATE_NOTICE_DEADLINE || kind == SIGNET_KEY_DATE_REVIEW))
        {
          leads = signet_reminder_settings_get_leads (own, kind);
          if (leads == NULL)
            leads = signet_reminder_settings_get_leads (defaults, kind);
        }

      for (guint j = 0; leads != NULL && j < leads->len; j++)
        g_string_append_printf (lines, "%s%u", j > 0 ? " " : "", g_array_index (leads, guint, j));
      *n_alarms += leads != NULL ? leads->len : 0;
      g_string_append_c (lines, '\n');
    }

  return g_string_free (lines, FALSE);
}

static void
test_second_reader (IoFixture     *f,
                    gconstpointer  data)
{
  g_autofree char *script = g_build_filename (SIGNET_SOURCE_DIR, "tests", "io", "ics-reader.py", NULL);
  g_autofree char *expected_path = io_fixture_path (f, "expected.txt");
  g_autofree char *first = io_fixture_path (f, "first.ics");
  g_autofree char *second = io_fixture_path (f, "second.ics");
  g_autofree char *edited = io_fixture_path (f, "edited.ics");
  g_autofree char *other_path = io_fixture_path (f, "other.ics");
  g_autofree char *expected = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(SignetStore) other = io_fixture_open_store (f, "other.db");
  g_autoptr(SignetReminderSettings) defaults = signet_reminder_settings_new ();
  g_autoptr(SignetReminderSettings) own = signet_reminder_settings_new ();
  g_autoptr(SignetContract) contract = NULL;
  g_autoptr(SignetContract) unrelated = NULL;
  g_autoptr(GError) error = NULL;
  const char *argv[] = { "python3", script, expected_path, first, second, edited, other_path, NULL };
  guint n_alarms;
  int status;

  g_assert_true (signet_demo_fill (f->store, &error));
  g_assert_no_error (error);
  g_assert_true (signet_demo_fill (other, &error));
  g_assert_no_error (error);

  /* Preferences unlike the built-in ones, and a contract with lead times
   * of its own: ends 60 and 15 days ahead, notice deadlines as the
   * Preferences, no review reminders. */
  defaults->end_leads = signet_reminder_leads_parse ("45 10", NULL);
  defaults->notice_leads = signet_reminder_leads_parse ("20", NULL);
  defaults->review_leads = signet_reminder_leads_parse ("3 0", NULL);
  own->end_leads = signet_reminder_leads_parse ("60 15", NULL);
  own->review_leads = signet_reminder_leads_parse ("", NULL);
  contract = signet_store_find_contract_by_number (f->store, "HT-2026-0001", &error);
  g_assert_no_error (error);
  g_assert_true (signet_store_set_reminder_settings (f->store, signet_contract_get_id (contract), own, &error));
  g_assert_no_error (error);

  expected = expected_events (f->store, defaults, &n_alarms);
  g_assert_cmpuint (n_alarms, >, 10);
  io_write_file (expected_path, expected, -1);

  export_to (f->store, first, defaults);
  export_to (f->store, second, defaults);
  unrelated = signet_store_find_contract_by_number (f->store, "HT-2026-0002", &error);
  g_assert_no_error (error);
  signet_contract_set_notes (unrelated, "续约前需法务复核");
  g_assert_true (signet_store_update_contract (f->store, unrelated, &error));
  g_assert_no_error (error);
  export_to (f->store, edited, defaults);
  export_to (other, other_path, defaults);

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, &err, &status, &error))
    {
      g_test_skip_printf ("python3 cannot be run: %s", error->message);
      return;
    }

  g_test_message ("%s%s", out, err);
  if (WIFEXITED (status) && WEXITSTATUS (status) == 77)
    {
      g_test_skip_printf ("%s", g_strstrip (out));
      return;
    }

  g_assert_cmpstr (err, ==, "");
  g_assert_true (g_spawn_check_wait_status (status, &error));
  g_assert_no_error (error);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/ics/second-reader", IoFixture, NULL, io_fixture_set_up, test_second_reader, io_fixture_tear_down);

  return g_test_run ();
}
