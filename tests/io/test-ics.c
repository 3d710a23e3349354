/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The iCalendar export: the file parsed back with libical matches the
 * store's events one for one; the same register gives the same bytes;
 * signet --export-ics as a scheduled job runs it; and a register with dates
 * outside the range Signet works with exports the rest. */

#include "config.h"

#include <fcntl.h>
#include <locale.h>
#include <string.h>
#include <sys/file.h>
#include <sys/wait.h>
#include <utime.h>

#include <glib/gstdio.h>

#include <libical/ical.h>
#include <sqlite3.h>

#include "io-test-utils.h"
#include "signet-date.h"
#include "signet-demo.h"
#include "signet-ics.h"
#include "signet-store-amendments.h"
#include "signet-store-approvals.h"
#include "signet-store-events.h"
#include "signet-store-notice.h"
#include "signet-store-obligations.h"
#include "signet-store-originals.h"
#include "signet-store-payments.h"
#include "signet-store-people.h"
#include "signet-store-process.h"
#include "signet-store-uuids.h"
#include "unit-test-utils.h"

G_DEFINE_AUTOPTR_CLEANUP_FUNC (icalcomponent, icalcomponent_free)

static GBytes *
export_bytes (SignetStore *store,
              const char  *path,
              const char  *from,
              const char  *to)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize len;

  g_assert_true (signet_ics_export (store, file, from, to, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, &len, &error));

  return g_bytes_new_take (g_steal_pointer (&contents), len);
}

static char *
expected_summary (SignetEvent *event)
{
  const char *number = signet_event_get_contract_number (event);
  const char *title = signet_event_get_contract_title (event);
  const char *own = signet_event_get_title (event);

  switch (signet_event_get_kind (event))
    {
    case SIGNET_KEY_DATE_START:           return g_strdup_printf ("Start: %s %s", number, title);
    case SIGNET_KEY_DATE_END:             return g_strdup_printf ("End: %s %s", number, title);
    case SIGNET_KEY_DATE_NOTICE_DEADLINE: return g_strdup_printf ("Notice deadline: %s %s", number, title);
    case SIGNET_KEY_DATE_REVIEW:          return g_strdup_printf ("Review due: %s %s", number, title);
    case SIGNET_KEY_DATE_MILESTONE:       return g_strdup_printf ("Milestone: %s (%s %s)", own, number, title);
    case SIGNET_KEY_DATE_PAYMENT:         return g_strdup_printf ("Payment due: %s (%s %s)", own, number, title);
    case SIGNET_KEY_DATE_APPROVAL:        return g_strdup_printf ("Approval due: %s (%s %s)", own, number, title);
    case SIGNET_KEY_DATE_OBLIGATION:      return g_strdup_printf ("Obligation due: %s (%s %s)", own, number, title);
    case SIGNET_KEY_DATE_LOAN:            return g_strdup_printf ("Original due back from %s (%s %s)", own, number, title);
    case SIGNET_KEY_DATE_FOLLOW_UP_REVIEW: return g_strdup_printf ("Follow-up review: %s %s", number, title);
    case SIGNET_KEY_DATE_OTHER:
    default:                              return g_strdup_printf ("Key date: %s (%s %s)", own, number, title);
    }
}

/* The contract's newest audit entry, in iCalendar's UTC form. */
static char *
expected_stamp (SignetStore *store,
                gint64       contract_id)
{
  g_autoptr(GPtrArray) entries = signet_store_list_audit (store, SIGNET_RECORD_CONTRACT, contract_id, NULL);
  GString *stamp = g_string_new (NULL);

  for (guint i = 0; i < entries->len; i++)
    {
      SignetAuditEntry *entry = g_ptr_array_index (entries, i);

      if (entry->action == SIGNET_AUDIT_ACTION_ACKNOWLEDGE_REMINDER ||
          entry->action == SIGNET_AUDIT_ACTION_SET_REMINDERS)
        continue;

      /* "2026-11-27T10:11:12.345Z" -> "20261127T101112Z" */
      for (const char *p = entry->timestamp; *p != '\0' && *p != '.'; p++)
        if (*p != '-' && *p != ':')
          g_string_append_c (stamp, *p);
      g_string_append_c (stamp, 'Z');
      break;
    }

  return g_string_free (stamp, FALSE);
}

/* The demo register, with key dates users added (Chinese, and the
 * characters iCalendar escapes): every VEVENT is one of the store's
 * events, in the same order, with the same date, words and a stable UID. */
static void
test_matches_store (IoFixture     *f,
                    gconstpointer  data)
{
  g_autofree char *path = io_fixture_path (f, "dates.ics");
  g_autoptr(SignetContract) contract = NULL;
  g_autoptr(SignetUserKeyDate) key_date = NULL;
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GHashTable) uids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) contract_uuids = NULL;
  g_autoptr(GHashTable) key_date_uuids = NULL;
  g_autoptr(icalcomponent) calendar = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  icalcomponent *vevent;
  guint i = 0;

  g_assert_true (signet_demo_fill (f->store, &error));
  g_assert_no_error (error);
  contract = signet_store_find_contract_by_number (f->store, "HT-2026-0001", &error);
  g_assert_nonnull (contract);
  key_date = signet_user_key_date_new (signet_contract_get_id (contract), SIGNET_KEY_DATE_MILESTONE,
                                       "2026-09-30", "上线验收", "第一阶段; 验收, 签字\n附件见合同");
  g_assert_true (signet_store_add_key_date (f->store, key_date, &error));
  g_assert_no_error (error);

  bytes = export_bytes (f->store, path, NULL, NULL);
  text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  g_assert_true (g_str_has_prefix (text, "BEGIN:VCALENDAR\r\n"));
  g_assert_true (g_str_has_suffix (text, "END:VEVENT\r\nEND:VCALENDAR\r\n"));
  g_assert_true (g_utf8_validate (text, -1, NULL));

  calendar = icalparser_parse_string (text);
  g_assert_nonnull (calendar);
  g_assert_cmpint (icalcomponent_isa (calendar), ==, ICAL_VCALENDAR_COMPONENT);
  g_assert_cmpstr (icalproperty_get_version (icalcomponent_get_first_property (calendar, ICAL_VERSION_PROPERTY)),
                   ==, "2.0");

  events = signet_store_list_events (f->store, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (events->len, >, 50);
  contract_uuids = signet_store_list_contract_uuids (f->store, &error);
  g_assert_no_error (error);
  key_date_uuids = signet_store_list_key_date_uuids (f->store, &error);
  g_assert_no_error (error);

  for (vevent = icalcomponent_get_first_component (calendar, ICAL_VEVENT_COMPONENT);
       vevent != NULL;
       vevent = icalcomponent_get_next_component (calendar, ICAL_VEVENT_COMPONENT), i++)
    {
      SignetEvent *event;
      struct icaltimetype start, end, stamp;
      g_autofree char *date = NULL;
      g_autofree char *summary = NULL;
      g_autofree char *description = NULL;
      g_autofree char *uid = NULL;
      g_autofree char *stamp_text = NULL;
      g_autofree char *expected_stamp_text = NULL;
      GDate day;

      g_assert_cmpuint (i, <, events->len);
      event = g_ptr_array_index (events, i);

      /* An all-day event on the day, ending the next day. */
      start = icalcomponent_get_dtstart (vevent);
      end = icalcomponent_get_dtend (vevent);
      g_assert_true (start.is_date);
      g_assert_true (end.is_date);
      date = g_strdup_printf ("%04d-%02d-%02d", start.year, start.month, start.day);
      g_assert_cmpstr (date, ==, signet_event_get_date (event));
      g_assert_true (signet_date_parse (signet_event_get_date (event), &day));
      g_date_add_days (&day, 1);
      g_assert_cmpint (end.year, ==, g_date_get_year (&day));
      g_assert_cmpint (end.month, ==, g_date_get_month (&day));
      g_assert_cmpint (end.day, ==, g_date_get_day (&day));

      summary = expected_summary (event);
      g_assert_cmpstr (icalcomponent_get_summary (vevent), ==, summary);

      description = signet_event_get_explanation (event) != NULL
                      ? g_strdup_printf ("%s\nClient: %s", signet_event_get_explanation (event),
                                         signet_event_get_client_name (event))
                      : g_strdup_printf ("Client: %s", signet_event_get_client_name (event));
      g_assert_cmpstr (icalcomponent_get_description (vevent), ==, description);

      /* Named by the key date's UUID, a planned payment's, a loan's or a
       * review's, or by a version 5 UUID made from the contract's or an
       * obligation's (ics-reader.py checks how), never by a row id. */
      uid = g_strdup (icalcomponent_get_uid (vevent));
      g_assert_true (g_str_has_suffix (uid, "@signetapp.github.io"));
      g_assert_cmpuint (strlen (uid), ==, 36 + strlen ("@signetapp.github.io"));
      if (signet_event_get_key_date_id (event) > 0)
        g_assert_true (g_str_has_prefix (uid, g_hash_table_lookup (key_date_uuids,
                                                                   &(gint64) { signet_event_get_key_date_id (event) })));
      else if (signet_event_get_record_id (event) > 0 && signet_event_get_kind (event) != SIGNET_KEY_DATE_OBLIGATION)
        g_assert_true (g_str_has_prefix (uid, signet_event_get_record_uuid (event)));
      else
        {
          g_autofree char *uuid = g_strndup (uid, 36);

          g_assert_true (signet_uuid_is_valid (uuid));
          g_assert_cmpint (uuid[14], ==, '5');
          g_assert_cmpstr (uuid, !=, g_hash_table_lookup (contract_uuids,
                                                          &(gint64) { signet_event_get_contract_id (event) }));
        }
      g_assert_false (g_hash_table_contains (uids, uid));
      g_hash_table_add (uids, g_steal_pointer (&uid));

      stamp = icalcomponent_get_dtstamp (vevent);
      g_assert_true (icaltime_is_utc (stamp));
      stamp_text = g_strdup_printf ("%04d%02d%02dT%02d%02d%02dZ", stamp.year, stamp.month, stamp.day,
                                    stamp.hour, stamp.minute, stamp.second);
      expected_stamp_text = expected_stamp (f->store, signet_event_get_contract_id (event));
      g_assert_cmpstr (stamp_text, ==, expected_stamp_text);
    }
  g_assert_cmpuint (i, ==, events->len);

  /* The key date with Chinese words, a comma, a semicolon and a line break
   * came back as it was written. */
  {
    g_autofree char *key_date_uid = g_strdup_printf ("\r\nUID:%s@signetapp.github.io\r\n", key_date->uuid);

    g_assert_nonnull (strstr (text, key_date_uid));
  }
  {
    g_autoptr(SignetEvent) milestone = NULL;

    for (guint j = 0; j < events->len; j++)
      if (signet_event_get_key_date_id (g_ptr_array_index (events, j)) == key_date->id)
        milestone = g_object_ref (g_ptr_array_index (events, j));
    g_assert_nonnull (milestone);
    g_assert_cmpstr (signet_event_get_explanation (milestone), ==, "第一阶段; 验收, 签字\n附件见合同");
  }

  /* A range: only its events. */
  {
    g_autofree char *range_path = io_fixture_path (f, "september.ics");
    g_autoptr(GBytes) range = export_bytes (f->store, range_path, "2026-09-01", "2026-09-30");
    g_autofree char *range_text = g_strndup (g_bytes_get_data (range, NULL), g_bytes_get_size (range));
    g_autoptr(icalcomponent) parsed = icalparser_parse_string (range_text);
    g_autoptr(GPtrArray) september = signet_store_list_events (f->store, "2026-09-01", "2026-09-30", NULL);

    g_assert_cmpint (icalcomponent_count_components (parsed, ICAL_VEVENT_COMPONENT), ==, september->len);
    g_assert_cmpuint (september->len, >, 0);
  }
}

/* The same register gives the same bytes, whenever it runs; a change to a
 * contract changes its events' DTSTAMP; acknowledging a reminder changes
 * nothing. */
static void
test_identical_bytes (IoFixture     *f,
                      gconstpointer  data)
{
  g_autofree char *path = io_fixture_path (f, "dates.ics");
  g_autoptr(GBytes) first = NULL;
  g_autoptr(GBytes) second = NULL;
  g_autoptr(GBytes) acknowledged = NULL;
  g_autoptr(GBytes) changed = NULL;
  g_autoptr(GOutputStream) memory = NULL;
  g_autoptr(GBytes) streamed = NULL;
  g_autoptr(SignetContract) contract = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (signet_demo_fill (f->store, &error));
  g_assert_no_error (error);

  first = export_bytes (f->store, path, NULL, NULL);
  /* The audit's timestamps have milliseconds; DTSTAMP has seconds. Wait
   * for the next second so that a stamp taken from the clock would show. */
  g_usleep (1100 * 1000);
  second = export_bytes (f->store, path, NULL, NULL);
  io_assert_bytes_equal (first, second);

  memory = g_memory_output_stream_new_resizable ();
  g_assert_true (signet_ics_export_to_stream (f->store, memory, NULL, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_output_stream_close (memory, NULL, NULL));
  streamed = g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (memory));
  io_assert_bytes_equal (first, streamed);

  contract = signet_store_find_contract_by_number (f->store, "HT-2026-0001", &error);
  g_assert_true (signet_store_acknowledge_reminder (f->store, signet_contract_get_id (contract),
                                                    SIGNET_KEY_DATE_END, "2026-12-31", 90, &error));
  g_assert_no_error (error);
  acknowledged = export_bytes (f->store, path, NULL, NULL);
  io_assert_bytes_equal (first, acknowledged);

  signet_contract_set_title (contract, "Renamed contract");
  g_assert_true (signet_store_update_contract (f->store, contract, &error));
  g_assert_no_error (error);
  changed = export_bytes (f->store, path, NULL, NULL);
  g_assert_false (g_bytes_equal (first, changed));
  g_assert_nonnull (strstr (g_bytes_get_data (changed, NULL), "HT-2026-0001 Renamed contract"));
}

static void
test_command_line (IoFixture     *f,
                   gconstpointer  data)
{
  g_autofree char *db = g_strdup_printf ("--database=%s", f->path);
  g_autofree char *path = io_fixture_path (f, "subscribed.ics");
  g_autofree char *export_ics = g_strdup_printf ("--export-ics=%s", path);
  g_autofree char *reference_path = io_fixture_path (f, "reference.ics");
  g_autofree char *missing_path = io_fixture_path (f, "missing.db");
  g_autofree char *missing_db = g_strdup_printf ("--database=%s", missing_path);
  g_autofree char *contents = NULL;
  g_autofree char *expected = NULL;
  g_autoptr(GBytes) reference = NULL;
  g_autoptr(GBytes) written = NULL;
  g_autoptr(GBytes) piped = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(IoRun) run = { 0 };
  gsize len;

  g_assert_true (signet_demo_fill (f->store, &error));
  g_assert_no_error (error);
  reference = export_bytes (f->store, reference_path, NULL, NULL);

  io_run_signet (&run, SIGNET_BINARY, db, export_ics, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_cmpstr (run.out, ==, "");
  g_assert_true (g_file_get_contents (path, &contents, &len, &error));
  written = g_bytes_new_take (g_steal_pointer (&contents), len);
  io_assert_bytes_equal (reference, written);

  /* Again over the subscribed file: the same bytes. */
  io_run_signet (&run, SIGNET_BINARY, db, export_ics, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_clear_pointer (&written, g_bytes_unref);
  g_assert_true (g_file_get_contents (path, &contents, &len, &error));
  written = g_bytes_new_take (g_steal_pointer (&contents), len);
  io_assert_bytes_equal (reference, written);

  io_run_signet (&run, SIGNET_BINARY, db, "--export-ics=-", NULL);
  g_assert_cmpint (run.status, ==, 0);
  piped = g_bytes_new (run.out, strlen (run.out));
  io_assert_bytes_equal (reference, piped);

  /* Usage errors: 2. */
  io_run_signet (&run, SIGNET_BINARY, db, "--export-ics=a.ics", "--export=b.xml", NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_true (g_str_has_prefix (run.err, "signet: --export-ics goes alone, without --export or --import.\n"));
  io_run_signet (&run, SIGNET_BINARY, db, "--export-ics=", NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_true (g_str_has_prefix (run.err, "signet: --export-ics needs a file name, or - for standard output.\n"));

  /* Bad input: 1, and nothing created. */
  io_run_signet (&run, SIGNET_BINARY, missing_db, "--export-ics=-", NULL);
  g_assert_cmpint (run.status, ==, 1);
  expected = g_strdup_printf ("There is no register “%s”: the file does not exist.\n", missing_path);
  g_assert_cmpstr (run.err, ==, expected);
  g_assert_false (g_file_test (missing_path, G_FILE_TEST_EXISTS));

  io_run_signet (&run, SIGNET_BINARY, db, "--export-ics=/nonexistent/folder/dates.ics", NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_true (g_str_has_prefix (run.err, "/nonexistent/folder/dates.ics: "));
}

static void
exec_sql (const char *path,
          const char *sql)
{
  sqlite3 *db = NULL;
  char *message = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
  sqlite3_close (db);
}

/* A terminated contract's dates after its termination takes effect are
 * left out of the calendar file: its end, its review, a payment a user
 * added; those before it stay. */
static void
test_terminated (IoFixture     *f,
                 gconstpointer  data)
{
  g_autofree char *path = io_fixture_path (f, "terminated.ics");
  g_autoptr(SignetClient) client = io_add_client (f->store, "K100", "华信科技");
  g_autoptr(SignetContract) contract = unit_add_contract (f->store, client, "HT-2026-0009", "设备维护");
  g_autoptr(SignetUserKeyDate) early = NULL;
  g_autoptr(SignetUserKeyDate) late = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GError) error = NULL;
  SignetProcessStep terminate = { SIGNET_PROCESS_ACTION_TERMINATE, NULL, (char *) "设备停用",
                                  NULL, NULL, (char *) "client-request", (char *) "2026-09-30" };
  const char *text;

  signet_store_set_today (f->store, "2026-06-15");
  signet_contract_set_status (contract, SIGNET_CONTRACT_STATUS_SIGNED);
  signet_contract_set_start_date (contract, "2026-01-01");
  signet_contract_set_end_date (contract, "2027-12-31");
  g_assert_true (signet_store_update_contract (f->store, contract, &error));
  g_assert_no_error (error);
  early = signet_user_key_date_new (signet_contract_get_id (contract), SIGNET_KEY_DATE_PAYMENT, "2026-08-01",
                                    "首付款", NULL);
  late = signet_user_key_date_new (signet_contract_get_id (contract), SIGNET_KEY_DATE_PAYMENT, "2027-03-01",
                                   "尾款", NULL);
  g_assert_true (signet_store_add_key_date (f->store, early, &error));
  g_assert_true (signet_store_add_key_date (f->store, late, &error));
  g_assert_no_error (error);

  before = export_bytes (f->store, path, NULL, NULL);
  text = g_bytes_get_data (before, NULL);
  g_assert_nonnull (strstr (text, "DTSTART;VALUE=DATE:20260801"));
  g_assert_nonnull (strstr (text, "DTSTART;VALUE=DATE:20270101"));
  g_assert_nonnull (strstr (text, "DTSTART;VALUE=DATE:20270301"));
  g_assert_nonnull (strstr (text, "DTSTART;VALUE=DATE:20271231"));

  g_assert_true (signet_store_take_process_step (f->store, signet_contract_get_id (contract), 2, &terminate, &error));
  g_assert_no_error (error);

  after = export_bytes (f->store, path, NULL, NULL);
  text = g_bytes_get_data (after, NULL);
  g_assert_nonnull (strstr (text, "DTSTART;VALUE=DATE:20260101"));
  g_assert_nonnull (strstr (text, "DTSTART;VALUE=DATE:20260801"));
  g_assert_null (strstr (text, "DTSTART;VALUE=DATE:20270101"));
  g_assert_null (strstr (text, "DTSTART;VALUE=DATE:20270301"));
  g_assert_null (strstr (text, "DTSTART;VALUE=DATE:20271231"));
}

/* An amendment that moves the end (and the notice period) of a signed
 * contract that renews itself, from its effective date on, moves the end
 * and the notice deadline in the calendar file: the original end and deadline, which the amended terms
 * put in the past of the amendment, are gone, and the new ones are there,
 * each named by a UID of its own date. */
static void
test_amended_end (IoFixture     *f,
                  gconstpointer  data)
{
  g_autofree char *path = io_fixture_path (f, "amended.ics");
  g_autoptr(SignetClient) client = io_add_client (f->store, "K200", "华信科技");
  g_autoptr(SignetContract) contract = unit_add_contract (f->store, client, "HT-2026-0010", "办公场地租赁");
  g_autoptr(SignetAmendment) amendment = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GError) error = NULL;
  const char *text;

  signet_store_set_today (f->store, "2026-06-15");
  signet_contract_set_status (contract, SIGNET_CONTRACT_STATUS_SIGNED);
  signet_contract_set_start_date (contract, "2026-01-01");
  signet_contract_set_end_date (contract, "2026-12-31");
  signet_contract_set_notice_days (contract, 30);
  signet_contract_set_auto_renew (contract, TRUE);
  g_assert_true (signet_store_update_contract (f->store, contract, &error));
  g_assert_no_error (error);

  before = export_bytes (f->store, path, NULL, NULL);
  text = g_bytes_get_data (before, NULL);
  g_assert_nonnull (strstr (text, "DTSTART;VALUE=DATE:20261231"));
  g_assert_nonnull (strstr (text, "DTSTART;VALUE=DATE:20261201"));

  amendment = signet_amendment_new (signet_contract_get_id (contract));
  amendment->number = g_strdup ("HT-2026-0010-A1");
  amendment->effective_date = g_strdup ("2026-10-01");
  amendment->changes = SIGNET_AMENDED_TERM_FLAG (SIGNET_AMENDED_END_DATE) |
                       SIGNET_AMENDED_TERM_FLAG (SIGNET_AMENDED_NOTICE);
  amendment->end_date = g_strdup ("2027-12-31");
  amendment->notice_days = 60;
  amendment->auto_renew = TRUE;
  g_assert_true (signet_store_add_amendment (f->store, amendment, &error));
  g_assert_no_error (error);

  after = export_bytes (f->store, path, NULL, NULL);
  text = g_bytes_get_data (after, NULL);
  g_assert_nonnull (strstr (text, "DTSTART;VALUE=DATE:20260101"));
  g_assert_null (strstr (text, "DTSTART;VALUE=DATE:20261231"));
  g_assert_null (strstr (text, "DTSTART;VALUE=DATE:20261201"));
  g_assert_nonnull (strstr (text, "DTSTART;VALUE=DATE:20271231"));
  g_assert_nonnull (strstr (text, "DTSTART;VALUE=DATE:20271101"));
}

/* A pending approval step is an event of the calendar file on its due
 * date, named by the step; once it is approved, the next step's is there
 * instead. */
static void
test_approval_due (IoFixture     *f,
                   gconstpointer  data)
{
  g_autofree char *path = io_fixture_path (f, "approvals.ics");
  g_autoptr(SignetClient) client = io_add_client (f->store, "K300", "华信科技");
  g_autoptr(SignetContract) contract = unit_add_contract (f->store, client, "HT-2026-0031", "钢材采购");
  g_autoptr(SignetContract) current = NULL;
  g_autoptr(SignetApprovalRoute) route = signet_approval_route_new ("标准审批");
  g_autoptr(SignetRouteStep) legal = signet_route_step_new ("法务", 0, "法务", 2);
  g_autoptr(SignetRouteStep) finance = signet_route_step_new ("财务", 0, "财务", 3);
  g_autoptr(GPtrArray) rules = g_ptr_array_new_with_free_func ((GDestroyNotify) signet_approval_rule_free);
  g_autoptr(GBytes) submitted = NULL;
  g_autoptr(GBytes) approved = NULL;
  g_autoptr(GError) error = NULL;
  SignetProcessStep submit = { SIGNET_PROCESS_ACTION_SUBMIT };
  SignetProcessStep approve = { SIGNET_PROCESS_ACTION_APPROVE, (char *) "王芳", (char *) "同意" };
  const char *text;

  /* Friday 2026-06-12: 法务 is due Tuesday; approved on Friday, 财务 is
   * due the Wednesday after. */
  signet_store_set_today (f->store, "2026-06-12");
  signet_approval_route_add_step (route, legal);
  signet_approval_route_add_step (route, finance);
  g_assert_true (signet_store_add_approval_route (f->store, route, &error));
  g_ptr_array_add (rules, signet_approval_rule_new ("采购合同", 0, NULL, route->id));
  g_assert_true (signet_store_set_approval_rules (f->store, rules, &error));
  g_assert_no_error (error);
  signet_contract_set_contract_type (contract, "采购合同");
  signet_contract_set_status (contract, SIGNET_CONTRACT_STATUS_DRAFT);
  g_assert_true (signet_store_update_contract (f->store, contract, &error));
  g_assert_no_error (error);
  current = signet_store_get_contract (f->store, signet_contract_get_id (contract), NULL);
  g_assert_true (signet_store_take_process_step (f->store, signet_contract_get_id (contract),
                                                 signet_contract_get_version (current), &submit, &error));
  g_assert_no_error (error);

  submitted = export_bytes (f->store, path, NULL, NULL);
  text = g_bytes_get_data (submitted, NULL);
  g_assert_nonnull (strstr (text, "DTSTART;VALUE=DATE:20260616"));
  g_assert_nonnull (strstr (text, "SUMMARY:Approval due: 法务 (HT-2026-0031 钢材采购)"));
  g_assert_null (strstr (text, "财务"));

  g_clear_object (&current);
  current = signet_store_get_contract (f->store, signet_contract_get_id (contract), NULL);
  g_assert_true (signet_store_take_process_step (f->store, signet_contract_get_id (contract),
                                                 signet_contract_get_version (current), &approve, &error));
  g_assert_no_error (error);

  approved = export_bytes (f->store, path, NULL, NULL);
  text = g_bytes_get_data (approved, NULL);
  g_assert_null (strstr (text, "Approval due: 法务"));
  g_assert_nonnull (strstr (text, "SUMMARY:Approval due: 财务 (HT-2026-0031 钢材采购)"));
  g_assert_nonnull (strstr (text, "DTSTART;VALUE=DATE:20260617"));
}

/* What a contract commits us to is in the calendar file: a planned payment
 * not paid in full and a loan of the original not returned, each named by
 * its record's UUID, and each open occurrence of an obligation, named by a
 * version 5 UUID of the obligation's and its date; settled, they are gone. */
static void
test_commitments (IoFixture     *f,
                  gconstpointer  data)
{
  g_autofree char *path = io_fixture_path (f, "commitments.ics");
  g_autoptr(SignetClient) client = io_add_client (f->store, "K400", "华信科技");
  g_autoptr(SignetContract) contract = unit_add_contract (f->store, client, "HT-2026-0041", "维保服务");
  g_autoptr(SignetPayment) payment = signet_payment_new (signet_contract_get_id (contract));
  g_autoptr(SignetPaymentSettlement) settlement = NULL;
  g_autoptr(SignetObligation) obligation = signet_obligation_new (signet_contract_get_id (contract));
  g_autoptr(SignetOriginal) original = signet_original_new (signet_contract_get_id (contract));
  g_autoptr(SignetLoan) loan = signet_loan_new (signet_contract_get_id (contract));
  g_autoptr(SignetPerson) borrower = signet_person_new ();
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *payment_uid = NULL;
  g_autofree char *loan_uid = NULL;
  g_autofree char *obligation_uid = NULL;
  const char *text;

  signet_store_set_today (f->store, "2026-06-12");
  payment->title = g_strdup ("首付款");
  payment->amount = 30000000;
  payment->currency = g_strdup ("CNY");
  payment->due_date = g_strdup ("2026-06-30");
  g_assert_true (signet_store_add_payment (f->store, payment, &error));
  g_assert_no_error (error);
  obligation->title = g_strdup ("月度维保报告");
  obligation->due_date = g_strdup ("2026-06-25");
  g_assert_true (signet_store_add_obligation (f->store, obligation, &error));
  g_assert_no_error (error);
  signet_person_set_name (borrower, "王芳");
  g_assert_true (signet_store_add_person (f->store, borrower, &error));
  g_assert_no_error (error);
  g_assert_true (signet_store_save_original (f->store, original, &error));
  g_assert_no_error (error);
  loan->borrower_id = signet_person_get_id (borrower);
  loan->purpose = g_strdup ("年度审计");
  loan->lent_on = g_strdup ("2026-06-01");
  loan->due_on = g_strdup ("2026-06-15");
  g_assert_true (signet_store_add_loan (f->store, loan, &error));
  g_assert_no_error (error);

  before = export_bytes (f->store, path, NULL, NULL);
  text = g_bytes_get_data (before, NULL);
  payment_uid = g_strdup_printf ("\r\nUID:%s@signetapp.github.io\r\n", payment->uuid);
  loan_uid = g_strdup_printf ("\r\nUID:%s@signetapp.github.io\r\n", loan->uuid);
  obligation_uid = g_strdup_printf ("UID:%s@", obligation->uuid);
  g_assert_nonnull (strstr (text, payment_uid));
  g_assert_nonnull (strstr (text, "SUMMARY:Payment due: 首付款 (HT-2026-0041 维保服务)"));
  g_assert_nonnull (strstr (text, "DTSTART;VALUE=DATE:20260630"));
  g_assert_nonnull (strstr (text, loan_uid));
  g_assert_nonnull (strstr (text, "SUMMARY:Original due back from 王芳 (HT-2026-0041 维保服务)"));
  g_assert_nonnull (strstr (text, "DTSTART;VALUE=DATE:20260615"));
  g_assert_nonnull (strstr (text, "SUMMARY:Obligation due: 月度维保报告 (HT-2026-0041 维保服务)"));
  g_assert_nonnull (strstr (text, "DTSTART;VALUE=DATE:20260625"));
  g_assert_null (strstr (text, obligation_uid));

  /* Paid in full and returned: only the obligation is left. */
  settlement = signet_payment_settlement_new (payment->id);
  settlement->date = g_strdup ("2026-06-12");
  settlement->amount = 30000000;
  g_assert_true (signet_store_add_payment_settlement (f->store, settlement, &error));
  g_assert_no_error (error);
  g_assert_true (signet_store_return_loan (f->store, loan->id, "2026-06-12", SIGNET_LOAN_CONDITION_INTACT, NULL,
                                           &error));
  g_assert_no_error (error);

  after = export_bytes (f->store, path, NULL, NULL);
  text = g_bytes_get_data (after, NULL);
  g_assert_null (strstr (text, "Payment due: 首付款"));
  g_assert_null (strstr (text, "Original due back"));
  g_assert_nonnull (strstr (text, "SUMMARY:Obligation due: 月度维保报告 (HT-2026-0041 维保服务)"));
}

/* A contract let expire at its notice deadline keeps that deadline (the
 * notice not to renew is given by it) and its end in the calendar file,
 * and has nothing of the term it would have renewed into. */
static void
test_let_expire (IoFixture     *f,
                 gconstpointer  data)
{
  g_autofree char *path = io_fixture_path (f, "let-expire.ics");
  g_autoptr(SignetClient) client = io_add_client (f->store, "K400", "华信科技");
  g_autoptr(SignetContract) contract = NULL;
  g_autoptr(SignetContract) current = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GError) error = NULL;
  const char *text;

  signet_store_set_today (f->store, "2026-11-15");
  contract = unit_add_contract (f->store, client, "HT-2026-0040", "保洁服务");
  signet_contract_set_status (contract, SIGNET_CONTRACT_STATUS_SIGNED);
  signet_contract_set_start_date (contract, "2026-01-01");
  signet_contract_set_end_date (contract, "2026-12-31");
  signet_contract_set_auto_renew (contract, TRUE);
  signet_contract_set_notice_days (contract, 30);
  g_assert_true (signet_store_update_contract (f->store, contract, &error));
  g_assert_no_error (error);

  before = export_bytes (f->store, path, NULL, NULL);
  text = g_bytes_get_data (before, NULL);
  g_assert_nonnull (strstr (text, "SUMMARY:Notice deadline: HT-2026-0040 保洁服务"));
  g_assert_nonnull (strstr (text, "DTSTART;VALUE=DATE:20261201"));
  g_assert_nonnull (strstr (text, "DTSTART;VALUE=DATE:20261231"));
  /* Renewing itself, the next term's review and end come in 2027. */
  g_assert_nonnull (strstr (text, "DTSTART;VALUE=DATE:2027"));

  current = signet_store_get_contract (f->store, signet_contract_get_id (contract), NULL);
  g_assert_true (signet_store_let_expire (f->store, signet_contract_get_id (contract), signet_contract_get_version (current),
                                          "2026-12-01", NULL, NULL, NULL, &error));
  g_assert_no_error (error);

  after = export_bytes (f->store, path, NULL, NULL);
  text = g_bytes_get_data (after, NULL);
  g_assert_nonnull (strstr (text, "DTSTART;VALUE=DATE:20261201"));
  g_assert_nonnull (strstr (text, "DTSTART;VALUE=DATE:20261231"));
  g_assert_null (strstr (text, "DTSTART;VALUE=DATE:2027"));
}

/* A register written before the range of dates: a contract dated up to
 * 9999-12-31 (as that version let one in, set here by SQL on the file),
 * with a key date as far, and the event index holding the review it
 * derived then, 10000-01-01. signet --export-ics neither crashes nor drops
 * the other contract's events, and says what it leaves out. */
static void
test_old_register (IoFixture     *f,
                   gconstpointer  data)
{
  g_autofree char *db = g_strdup_printf ("--database=%s", f->path);
  g_autofree char *path = io_fixture_path (f, "dates.ics");
  g_autofree char *export_ics = g_strdup_printf ("--export-ics=%s", path);
  g_autofree char *contents = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *expected_err = NULL;
  g_autoptr(SignetClient) client = io_add_client (f->store, "K100", "华信科技");
  g_autoptr(SignetContract) near = unit_add_contract (f->store, client, "NEAR-1", "Near");
  g_autoptr(SignetContract) far = unit_add_contract (f->store, client, "FAR-1", "Far");
  g_autoptr(icalcomponent) calendar = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) found = g_string_new (NULL);
  g_auto(IoRun) run = { 0 };
  gint64 far_id = signet_contract_get_id (far);

  signet_contract_set_status (near, SIGNET_CONTRACT_STATUS_ACTIVE);
  signet_contract_set_start_date (near, "2026-01-01");
  signet_contract_set_end_date (near, "2026-12-31");
  g_assert_true (signet_store_update_contract (f->store, near, &error));
  g_assert_no_error (error);
  signet_contract_set_status (far, SIGNET_CONTRACT_STATUS_ACTIVE);
  g_assert_true (signet_store_update_contract (f->store, far, &error));
  g_assert_no_error (error);
  g_assert_true (signet_store_update_events (f->store, &error));
  g_assert_no_error (error);
  g_clear_object (&f->store);

  sql = g_strdup_printf ("UPDATE contracts SET start_date = '9999-01-01', end_date = '9999-12-31' "
                         "WHERE id = %" G_GINT64_FORMAT ";"
                         "INSERT INTO key_dates (contract_id, kind, date, title) "
                         "VALUES (%" G_GINT64_FORMAT ", 'payment', '9999-06-30', '尾款');"
                         "INSERT INTO contract_events (contract_id, kind, date) VALUES "
                         "(%" G_GINT64_FORMAT ", 'start', '9999-01-01'), "
                         "(%" G_GINT64_FORMAT ", 'review', '10000-01-01'), "
                         "(%" G_GINT64_FORMAT ", 'end', '9999-12-31');",
                         far_id, far_id, far_id, far_id, far_id);
  exec_sql (f->path, sql);

  io_run_signet (&run, SIGNET_BINARY, db, export_ics, NULL);
  g_assert_cmpint (run.status, ==, 0);
  expected_err = g_strdup_printf ("%1$s: Contract FAR-1: the start date 9999-01-01 is outside the dates Signet "
                                  "works with, 1900-01-01 to 2199-12-31, and is left out.\n"
                                  "%1$s: Contract FAR-1: the end date 9999-12-31 is outside the dates Signet "
                                  "works with, 1900-01-01 to 2199-12-31, and is left out.\n"
                                  "%1$s: Contract FAR-1: the date of “尾款”, 9999-06-30, is outside the dates "
                                  "Signet works with, 1900-01-01 to 2199-12-31, and is left out.\n", path);
  g_assert_cmpstr (run.err, ==, expected_err);

  g_assert_true (g_file_get_contents (path, &contents, NULL, &error));
  g_assert_no_error (error);
  calendar = icalparser_parse_string (contents);
  g_assert_nonnull (calendar);

  for (icalcomponent *event = icalcomponent_get_first_component (calendar, ICAL_VEVENT_COMPONENT);
       event != NULL;
       event = icalcomponent_get_next_component (calendar, ICAL_VEVENT_COMPONENT))
    {
      struct icaltimetype start = icalcomponent_get_dtstart (event);

      g_string_append_printf (found, "%04d-%02d-%02d %s|", start.year, start.month, start.day,
                              icalcomponent_get_summary (event));
    }

  g_assert_cmpstr (found->str, ==,
                   "2026-01-01 Start: NEAR-1 Near|2026-12-31 End: NEAR-1 Near|2027-01-01 Review due: NEAR-1 Near|");
}

/* A calendar export, like an XML one, removes the temporary files that
 * writers killed halfway left in its folder, leaves one that a writer still
 * holds locked, and leaves none of its own. */
static void
test_left_temporary_files (IoFixture     *f,
                           gconstpointer  data)
{
  g_autofree char *dir = io_fixture_path (f, "out");
  g_autofree char *path = g_build_filename (dir, "dates.ics", NULL);
  g_autofree char *left = g_build_filename (dir, ".dates.ics.0123abcd.part", NULL);
  g_autofree char *other_left = g_build_filename (dir, ".register.xml.deadbeef.part", NULL);
  g_autofree char *writing = g_build_filename (dir, ".dates.ics.11111111.part", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) listing = NULL;
  const char * const stale[] = { left, other_left, writing };
  struct utimbuf times;
  const char *name;
  guint n_files = 0;
  int writing_fd;

  g_assert_true (signet_demo_fill (f->store, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_mkdir (dir, 0700), ==, 0);
  times.actime = times.modtime = time (NULL) - 3600;
  for (gsize i = 0; i < G_N_ELEMENTS (stale); i++)
    {
      io_write_file (stale[i], "BEGIN:VCALENDAR\r\n", -1);
      g_assert_cmpint (g_utime (stale[i], &times), ==, 0);
    }
  writing_fd = g_open (writing, O_RDONLY | O_CLOEXEC, 0);
  g_assert_cmpint (flock (writing_fd, LOCK_EX), ==, 0);

  g_assert_true (signet_ics_export (f->store, file, NULL, NULL, NULL, NULL, &error));
  g_assert_no_error (error);

  g_assert_false (g_file_test (left, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (other_left, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (writing, G_FILE_TEST_EXISTS));
  close (writing_fd);

  listing = g_dir_open (dir, 0, NULL);
  while ((name = g_dir_read_name (listing)) != NULL)
    {
      g_assert_true (g_str_equal (name, "dates.ics") || g_str_equal (name, ".dates.ics.11111111.part"));
      n_files++;
    }
  g_assert_cmpuint (n_files, ==, 2);
}

static void
export_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  gboolean *done = user_data;
  g_autoptr(GError) error = NULL;

  g_assert_true (signet_ics_export_finish (SIGNET_STORE (source), result, &error));
  g_assert_no_error (error);
  *done = TRUE;
}

/* The export a window starts runs in a thread on a connection of its own:
 * it derives the dates for the day of the window's store, not for the
 * system's. A test clock on 2021-03-01 puts an auto-renewing contract of
 * 2020 in its 2021 term, whatever the date is when the test runs; the
 * file holds that term's end and notice deadline, each with its "days
 * before" reminders, and the review due since the term began: the same
 * dates the store lists for that day. */
static void
test_worker_clock (IoFixture     *f,
                   gconstpointer  data)
{
  g_autofree char *path = io_fixture_path (f, "dates.ics");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(SignetClient) client = io_add_client (f->store, "K200", "华东建设");
  g_autoptr(SignetContract) contract = unit_add_contract (f->store, client, "RENEW-1", "Cleaning");
  g_autoptr(SignetReminderSettings) defaults = signet_reminder_settings_new ();
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(icalcomponent) calendar = NULL;
  g_autoptr(GString) expected = g_string_new (NULL);
  g_autoptr(GString) found = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gboolean done = FALSE;

  signet_contract_set_status (contract, SIGNET_CONTRACT_STATUS_ACTIVE);
  signet_contract_set_start_date (contract, "2020-01-01");
  signet_contract_set_end_date (contract, "2020-12-31");
  signet_contract_set_auto_renew (contract, TRUE);
  signet_contract_set_notice_days (contract, 30);
  g_assert_true (signet_store_update_contract (f->store, contract, &error));
  g_assert_no_error (error);
  signet_store_set_today (f->store, "2021-03-01");

  defaults->end_leads = signet_reminder_leads_parse ("45 10", &error);
  g_assert_no_error (error);
  defaults->notice_leads = signet_reminder_leads_parse ("20", &error);
  g_assert_no_error (error);
  defaults->review_leads = signet_reminder_leads_parse ("", &error);
  g_assert_no_error (error);

  signet_ics_export_async (f->store, file, NULL, NULL, defaults, NULL, export_done_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);

  g_assert_true (g_file_get_contents (path, &contents, NULL, &error));
  g_assert_no_error (error);
  calendar = icalparser_parse_string (contents);
  g_assert_nonnull (calendar);
  for (icalcomponent *event = icalcomponent_get_first_component (calendar, ICAL_VEVENT_COMPONENT);
       event != NULL;
       event = icalcomponent_get_next_component (calendar, ICAL_VEVENT_COMPONENT))
    {
      struct icaltimetype start = icalcomponent_get_dtstart (event);

      g_string_append_printf (found, "%04d-%02d-%02d %s", start.year, start.month, start.day,
                              icalcomponent_get_summary (event));
      for (icalcomponent *alarm = icalcomponent_get_first_component (event, ICAL_VALARM_COMPONENT);
           alarm != NULL;
           alarm = icalcomponent_get_next_component (event, ICAL_VALARM_COMPONENT))
        {
          struct icaltriggertype trigger =
            icalproperty_get_trigger (icalcomponent_get_first_property (alarm, ICAL_TRIGGER_PROPERTY));

          g_string_append_printf (found, " -%ud", trigger.duration.days);
        }
      g_string_append_c (found, '|');
    }

  g_assert_cmpstr (found->str, ==,
                   "2021-01-01 Start: RENEW-1 Cleaning|"
                   "2021-01-01 Review due: RENEW-1 Cleaning|"
                   "2021-12-01 Notice deadline: RENEW-1 Cleaning -20d|"
                   "2021-12-31 End: RENEW-1 Cleaning -45d -10d|");

  events = signet_store_list_events (f->store, NULL, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < events->len; i++)
    g_string_append_printf (expected, "%s|", signet_event_get_date (g_ptr_array_index (events, i)));
  g_assert_cmpstr (expected->str, ==, "2021-01-01|2021-01-01|2021-12-01|2021-12-31|");
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/ics/matches-store", IoFixture, NULL, io_fixture_set_up, test_matches_store, io_fixture_tear_down);
  g_test_add ("/ics/identical-bytes", IoFixture, NULL, io_fixture_set_up, test_identical_bytes, io_fixture_tear_down);
  g_test_add ("/ics/command-line", IoFixture, NULL, io_fixture_set_up, test_command_line, io_fixture_tear_down);
  g_test_add ("/ics/old-register", IoFixture, NULL, io_fixture_set_up, test_old_register, io_fixture_tear_down);
  g_test_add ("/ics/terminated", IoFixture, NULL, io_fixture_set_up, test_terminated, io_fixture_tear_down);
  g_test_add ("/ics/amended-end", IoFixture, NULL, io_fixture_set_up, test_amended_end, io_fixture_tear_down);
  g_test_add ("/ics/approval-due", IoFixture, NULL, io_fixture_set_up, test_approval_due, io_fixture_tear_down);
  g_test_add ("/ics/commitments", IoFixture, NULL, io_fixture_set_up, test_commitments, io_fixture_tear_down);
  g_test_add ("/ics/let-expire", IoFixture, NULL, io_fixture_set_up, test_let_expire, io_fixture_tear_down);
  g_test_add ("/ics/left-temporary-files", IoFixture, NULL, io_fixture_set_up, test_left_temporary_files,
              io_fixture_tear_down);
  g_test_add ("/ics/worker-clock", IoFixture, NULL, io_fixture_set_up, test_worker_clock, io_fixture_tear_down);

  return g_test_run ();
}
