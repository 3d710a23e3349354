/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "signet-amendment.h"
#include "signet-contract-process.h"
#include "signet-event.h"
#include "signet-store-amendments.h"
#include "signet-store-events.h"
#include "signet-store-private.h"
#include "signet-store-process.h"
#include "signet-store-renewals.h"
#include "signet-store-types.h"
#include "signet-tombstone.h"
#include "store-fixture.h"
#include "unit-test-utils.h"

/* Renewals (续约): the successor's value and term, Renew… in the store,
 * what it refuses, the chain, and what a renewed contract no longer has. */

#define TODAY "2026-06-15"
#define PATTERN "XQ-{NNNN}"

/* +3 % and others, rounded half away from zero to the minor unit: the fen
 * of CNY, the yen of JPY (which has no smaller one). */
static void
test_adjust_value (void)
{
  static const struct
  {
    gint64 value;
    gint   percent;
    gint64 adjusted;
  } cases[] = {
    { 100000000, 300, 103000000 },   /* ¥1,000,000.00 CNY + 3 % */
    { 123457,    300, 127161 },      /* ¥1,234.57 + 3 % = 1,271.6071 → 1,271.61 */
    { 123450,    300, 127154 },      /* 1,271.535 → 1,271.54 (half away) */
    { 1234567,   300, 1271604 },     /* JPY 1,234,567 + 3 % = 1,271,604.01 */
    { 50,        300, 52 },          /* JPY 50 + 3 % = 51.5 → 52 */
    { 49,        300, 50 },          /* JPY 50.47 → 50 */
    { 100000,   -250, 97500 },
    { 100000,      0, 100000 },
    { 0,         300, 0 },
    { 100000, -10000, 0 },
  };
  gint64 adjusted = -1;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("%" G_GINT64_FORMAT " %+d", cases[i].value, cases[i].percent);
      g_assert_true (signet_renewal_adjust_value (cases[i].value, cases[i].percent, &adjusted));
      g_assert_cmpint (adjusted, ==, cases[i].adjusted);
    }

  adjusted = 7;
  g_assert_false (signet_renewal_adjust_value (100000, -10001, &adjusted));
  g_assert_false (signet_renewal_adjust_value (G_MAXINT64 / 2, 20000, &adjusted));
  g_assert_false (signet_renewal_adjust_value (-1, 300, &adjusted));
  g_assert_cmpint (adjusted, ==, 7);
}

static void
test_successor_dates (void)
{
  static const struct
  {
    const char *start, *end, *new_start, *new_end;
  } cases[] = {
    /* Whole months: the same months again. */
    { "2026-01-01", "2026-12-31", "2027-01-01", "2027-12-31" },
    { "2026-07-01", "2026-09-30", "2026-10-01", "2026-12-31" },
    { "2026-01-31", "2026-02-27", "2026-02-28", "2026-03-30" },   /* 28 days, not a month */
    /* 29 February: a leap year's term ends on it, the next on the 28th. */
    { "2023-03-01", "2024-02-29", "2024-03-01", "2025-02-28" },
    { "2027-03-01", "2028-02-29", "2028-03-01", "2029-02-28" },
    { "2024-03-01", "2025-02-28", "2025-03-01", "2026-02-28" },
    { "2027-02-01", "2028-01-31", "2028-02-01", "2029-01-31" },
    /* Any other term: as many days (100 here). */
    { "2026-01-10", "2026-04-19", "2026-04-20", "2026-07-28" },
    { "2026-03-05", "2026-03-05", "2026-03-06", "2026-03-06" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *new_start = NULL;
      g_autofree char *new_end = NULL;

      g_test_message ("%s..%s", cases[i].start, cases[i].end);
      g_assert_true (signet_renewal_successor_dates (cases[i].start, cases[i].end, &new_start, &new_end));
      g_assert_cmpstr (new_start, ==, cases[i].new_start);
      g_assert_cmpstr (new_end, ==, cases[i].new_end);
    }

  /* The start moved in the Renew dialog: the same length from there. */
  {
    g_autofree char *months = signet_renewal_end_for_start ("2027-01-01", "2027-12-31", "2027-02-01");
    g_autofree char *leap = signet_renewal_end_for_start ("2027-03-01", "2028-02-29", "2028-03-01");
    g_autofree char *days = signet_renewal_end_for_start ("2026-04-20", "2026-07-28", "2026-05-01");
    g_autofree char *none = signet_renewal_end_for_start ("2027-01-01", "2027-12-31", "");

    g_assert_cmpstr (months, ==, "2028-01-31");
    g_assert_cmpstr (leap, ==, "2029-02-28");
    g_assert_cmpstr (days, ==, "2026-08-08");
    g_assert_null (none);
  }

  {
    g_autofree char *new_start = NULL;
    g_autofree char *new_end = NULL;

    g_assert_false (signet_renewal_successor_dates (NULL, "2026-12-31", &new_start, &new_end));
    g_assert_false (signet_renewal_successor_dates ("2026-01-01", "", &new_start, &new_end));
    g_assert_false (signet_renewal_successor_dates ("2026-12-31", "2026-01-01", &new_start, &new_end));
    /* The next term would end after 2199. */
    g_assert_false (signet_renewal_successor_dates ("2190-01-01", "2199-12-31", &new_start, &new_end));
    g_assert_null (new_start);
    g_assert_null (new_end);
  }
}

/* A signed contract of the fixture's client, 2026-01-01 to 2026-12-31,
 * 1,000.00 CNY, of the type 租赁合同, renewing itself unless given notice
 * 30 days before. */
static SignetContract *
add_signed (StoreFixture *f,
            const char   *number)
{
  g_autoptr(SignetContract) contract = unit_add_contract (f->store, f->client, number, "办公室租赁");
  g_autoptr(GError) error = NULL;

  signet_contract_set_contract_type (contract, "租赁合同");
  signet_contract_set_owner (contract, "张伟");
  signet_contract_set_department (contract, "行政部");
  signet_contract_set_risk_level (contract, SIGNET_RISK_LEVEL_MEDIUM);
  signet_contract_set_tags (contract, "办公, 租赁");
  signet_contract_set_notes (contract, "已续约一期");
  signet_contract_set_signing_date (contract, "2025-12-20");
  signet_contract_set_start_date (contract, "2026-01-01");
  signet_contract_set_end_date (contract, "2026-12-31");
  signet_contract_set_notice_days (contract, 30);
  signet_contract_set_auto_renew (contract, TRUE);
  signet_contract_set_status (contract, SIGNET_CONTRACT_STATUS_SIGNED);
  g_assert_true (signet_store_update_contract (f->store, contract, &error));
  g_assert_no_error (error);

  return signet_store_get_contract (f->store, signet_contract_get_id (contract), NULL);
}

static void
add_type (StoreFixture *f)
{
  g_autoptr(SignetContractType) type = signet_contract_type_new ("租赁合同");
  g_autoptr(SignetKeyDateOffset) payment = signet_key_date_offset_new (SIGNET_KEY_DATE_PAYMENT, "首期租金", 15);
  g_autoptr(GError) error = NULL;

  signet_contract_type_add_key_date_offset (type, payment);
  g_assert_true (signet_store_add_contract_type (f->store, type, &error));
  g_assert_no_error (error);
}

static SignetContract *
renew (StoreFixture   *f,
       SignetContract *contract)
{
  g_autoptr(SignetContract) successor = NULL;
  g_autoptr(GError) error = NULL;

  successor = signet_store_propose_renewal (f->store, signet_contract_get_id (contract), PATTERN, &error);
  g_assert_no_error (error);
  g_assert_true (signet_store_renew_contract (f->store, signet_contract_get_id (contract),
                                              signet_contract_get_version (contract), successor,
                                              NULL, NULL, &error));
  g_assert_no_error (error);

  return g_steal_pointer (&successor);
}

/* "kind date" of every event of contract @id, sorted. */
static char *
list_dates (StoreFixture *f,
            gint64        id)
{
  g_autoptr(GPtrArray) events = signet_store_list_events (f->store, NULL, NULL, NULL);
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < events->len; i++)
    {
      SignetEvent *event = g_ptr_array_index (events, i);

      if (signet_event_get_contract_id (event) == id)
        g_string_append_printf (text, "%s %s|", signet_event_get_date (event),
                                signet_key_date_kind_to_token (signet_event_get_kind (event)));
    }

  return g_string_free (text, FALSE);
}

static guint
count_candidates (StoreFixture *f,
                  gint64        id)
{
  g_autoptr(GPtrArray) candidates = signet_store_list_reminder_candidates (f->store, TODAY, "2199-12-31", NULL);
  guint n = 0;

  for (guint i = 0; i < candidates->len; i++)
    {
      SignetReminderCandidate *candidate = g_ptr_array_index (candidates, i);

      n += signet_event_get_contract_id (candidate->event) == id;
    }

  return n;
}

static const char *
change_of (const SignetAuditEntry *entry,
           const char             *field)
{
  for (guint i = 0; i < entry->changes->len; i++)
    {
      const SignetAuditChange *change = g_ptr_array_index (entry->changes, i);

      if (g_str_equal (change->field, field))
        return change->new_value;
    }

  return NULL;
}

/* Renew… proposes the successor from the current terms, the user raises
 * the value by 3 %, and one write makes the successor a draft with its
 * type's key date and the predecessor Renewed: each with a process event
 * and its History, and no more notice deadline or reminder for the
 * predecessor. */
static void
test_renew (void)
{
  StoreFixture f;
  g_autoptr(SignetContract) contract = NULL;
  g_autoptr(SignetContract) proposal = NULL;
  g_autoptr(SignetContract) stored = NULL;
  g_autoptr(SignetContract) predecessor = NULL;
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GPtrArray) audit = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dates_before = NULL;
  g_autofree char *dates_after = NULL;
  g_autofree char *successor_dates = NULL;
  const SignetProcessEvent *event;
  const SignetAuditEntry *entry;
  gint64 adjusted;
  gint64 id;

  store_fixture_open (&f, TODAY);
  add_type (&f);
  contract = add_signed (&f, "XQ-0001");
  id = signet_contract_get_id (contract);

  dates_before = list_dates (&f, id);
  g_assert_cmpstr (dates_before, ==, "2026-01-01 start|2026-07-01 review|2026-12-01 notice-deadline|2026-12-31 end|");
  g_assert_cmpuint (count_candidates (&f, id), >, 0);

  proposal = signet_store_propose_renewal (f.store, id, PATTERN, &error);
  g_assert_no_error (error);
  g_assert_cmpint (signet_contract_get_id (proposal), ==, 0);
  g_assert_cmpint (signet_contract_get_status (proposal), ==, SIGNET_CONTRACT_STATUS_DRAFT);
  g_assert_cmpstr (signet_contract_get_number (proposal), ==, "XQ-0002");
  g_assert_cmpint (signet_contract_get_client_id (proposal), ==, signet_client_get_id (f.client));
  g_assert_cmpstr (signet_contract_get_contract_type (proposal), ==, "租赁合同");
  g_assert_cmpstr (signet_contract_get_title (proposal), ==, "办公室租赁");
  g_assert_cmpstr (signet_contract_get_owner (proposal), ==, "张伟");
  g_assert_cmpstr (signet_contract_get_department (proposal), ==, "行政部");
  g_assert_cmpint (signet_contract_get_risk_level (proposal), ==, SIGNET_RISK_LEVEL_MEDIUM);
  g_assert_cmpstr (signet_contract_get_currency (proposal), ==, "CNY");
  g_assert_cmpint (signet_contract_get_value (proposal), ==, 100000);
  g_assert_cmpuint (signet_contract_get_notice_days (proposal), ==, 30);
  g_assert_true (signet_contract_get_auto_renew (proposal));
  g_assert_cmpstr (signet_contract_get_tags (proposal), ==, "办公, 租赁");
  g_assert_cmpstr (signet_contract_get_start_date (proposal), ==, "2027-01-01");
  g_assert_cmpstr (signet_contract_get_end_date (proposal), ==, "2027-12-31");
  /* Its own, not carried. */
  g_assert_null (signet_contract_get_notes (proposal));
  g_assert_null (signet_contract_get_signing_date (proposal));

  g_assert_true (signet_renewal_adjust_value (signet_contract_get_value (proposal), 300, &adjusted));
  signet_contract_set_value (proposal, adjusted);
  g_assert_true (signet_store_renew_contract (f.store, id, signet_contract_get_version (contract), proposal,
                                              "王芳", "续约一期，价格上调 3%", &error));
  g_assert_no_error (error);
  g_assert_cmpint (signet_contract_get_id (proposal), >, id);

  stored = signet_store_get_contract (f.store, signet_contract_get_id (proposal), &error);
  g_assert_no_error (error);
  g_assert_cmpint (signet_contract_get_status (stored), ==, SIGNET_CONTRACT_STATUS_DRAFT);
  g_assert_cmpint (signet_contract_get_value (stored), ==, 103000);
  g_assert_cmpstr (signet_contract_get_number (stored), ==, "XQ-0002");
  g_assert_cmpstr (signet_contract_get_owner (stored), ==, "张伟");
  predecessor = signet_store_get_contract (f.store, id, &error);
  g_assert_cmpint (signet_contract_get_status (predecessor), ==, SIGNET_CONTRACT_STATUS_RENEWED);
  g_assert_cmpint (signet_contract_get_shown_status (predecessor, TODAY), ==, SIGNET_CONTRACT_STATUS_RENEWED);
  g_assert_cmpint (signet_contract_get_version (predecessor), ==, signet_contract_get_version (contract) + 1);

  /* The predecessor is no longer in force: its start and end stay, its
   * notice deadline and review are gone, and nothing is reminded of. */
  dates_after = list_dates (&f, id);
  g_assert_cmpstr (dates_after, ==, "2026-01-01 start|2026-12-31 end|");
  g_assert_cmpuint (count_candidates (&f, id), ==, 0);
  /* The successor's term, with its type's payment 15 days after its start. */
  successor_dates = list_dates (&f, signet_contract_get_id (proposal));
  g_assert_cmpstr (successor_dates, ==, "2027-01-01 start|2027-01-16 payment|2027-12-31 end|");

  /* One process event each. */
  events = signet_store_list_process_events (f.store, id, &error);
  event = g_ptr_array_index (events, events->len - 1);
  g_assert_true (event->has_action);
  g_assert_cmpint (event->action, ==, SIGNET_PROCESS_ACTION_RENEW);
  g_assert_cmpint (event->from_status, ==, SIGNET_CONTRACT_STATUS_SIGNED);
  g_assert_cmpint (event->to_status, ==, SIGNET_CONTRACT_STATUS_RENEWED);
  g_assert_cmpstr (event->decided_by, ==, "王芳");
  g_assert_cmpstr (event->comment, ==, "续约一期，价格上调 3%");
  g_clear_pointer (&events, g_ptr_array_unref);
  events = signet_store_list_process_events (f.store, signet_contract_get_id (proposal), &error);
  g_assert_cmpuint (events->len, ==, 1);
  event = g_ptr_array_index (events, 0);
  g_assert_cmpint (event->action, ==, SIGNET_PROCESS_ACTION_RENEW);
  g_assert_cmpint (event->from_status, ==, SIGNET_CONTRACT_STATUS_DRAFT);
  g_assert_cmpint (event->to_status, ==, SIGNET_CONTRACT_STATUS_DRAFT);

  /* History: "Renewed", renewed as XQ-0002, on the predecessor; on the
   * successor "Created as a renewal" of XQ-0001 after "Created" and its
   * key date. */
  audit = signet_store_list_audit (f.store, SIGNET_RECORD_CONTRACT, id, &error);
  entry = g_ptr_array_index (audit, 0);
  g_assert_cmpint (entry->action, ==, SIGNET_AUDIT_ACTION_RENEW);
  g_assert_cmpstr (signet_audit_action_to_label (entry->action), ==, "Renewed");
  g_assert_cmpstr (change_of (entry, "status"), ==, "renewed");
  g_assert_cmpstr (change_of (entry, "renewed-as"), ==, "XQ-0002");
  g_clear_pointer (&audit, g_ptr_array_unref);
  audit = signet_store_list_audit (f.store, SIGNET_RECORD_CONTRACT, signet_contract_get_id (proposal), &error);
  g_assert_cmpuint (audit->len, ==, 3);
  entry = g_ptr_array_index (audit, 0);
  g_assert_cmpint (entry->action, ==, SIGNET_AUDIT_ACTION_RENEWAL_OF);
  g_assert_cmpstr (signet_audit_action_to_label (entry->action), ==, "Created as a renewal");
  g_assert_cmpstr (change_of (entry, "renewal-of"), ==, "XQ-0001");
  g_assert_cmpint (((SignetAuditEntry *) g_ptr_array_index (audit, 1))->action, ==, SIGNET_AUDIT_ACTION_ADD_KEY_DATE);
  g_assert_cmpint (((SignetAuditEntry *) g_ptr_array_index (audit, 2))->action, ==, SIGNET_AUDIT_ACTION_CREATE);

  store_fixture_close (&f);
}

/* The successor starts the day after the end an amendment moved, lasts
 * as long as the amended term, and carries the amended value and title. */
static void
test_amended_end (void)
{
  StoreFixture f;
  g_autoptr(SignetContract) contract = NULL;
  g_autoptr(SignetContract) proposal = NULL;
  g_autoptr(SignetAmendment) amendment = NULL;
  g_autoptr(GError) error = NULL;

  store_fixture_open (&f, TODAY);
  contract = add_signed (&f, "XQ-0001");

  amendment = signet_amendment_new (signet_contract_get_id (contract));
  amendment->number = g_strdup ("XQ-0001-A1");
  amendment->effective_date = g_strdup ("2026-07-01");
  amendment->changes = SIGNET_AMENDED_TERM_FLAG (SIGNET_AMENDED_END_DATE) |
                       SIGNET_AMENDED_TERM_FLAG (SIGNET_AMENDED_VALUE) |
                       SIGNET_AMENDED_TERM_FLAG (SIGNET_AMENDED_TITLE);
  amendment->end_date = g_strdup ("2027-03-31");
  amendment->value = 120000;
  amendment->currency = g_strdup ("CNY");
  amendment->title = g_strdup ("办公室租赁（扩租）");
  g_assert_true (signet_store_add_amendment (f.store, amendment, &error));
  g_assert_no_error (error);

  /* Asked before the amendment takes effect, the renewal follows it: it
   * comes after the term as amended. */
  proposal = signet_store_propose_renewal (f.store, signet_contract_get_id (contract), PATTERN, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (signet_contract_get_start_date (proposal), ==, "2027-04-01");
  g_assert_cmpstr (signet_contract_get_end_date (proposal), ==, "2028-06-30");
  g_assert_cmpint (signet_contract_get_value (proposal), ==, 120000);
  g_assert_cmpstr (signet_contract_get_title (proposal), ==, "办公室租赁（扩租）");

  store_fixture_close (&f);
}

static void
assert_refused (StoreFixture   *f,
                gint64          id,
                const char     *why)
{
  g_autoptr(SignetContract) contract = signet_store_get_contract (f->store, id, NULL);
  g_autoptr(SignetContract) successor = signet_contract_new ();
  g_autoptr(SignetContract) proposal = NULL;
  g_autoptr(GPtrArray) audit_before = signet_store_list_audit (f->store, SIGNET_RECORD_CONTRACT, id, NULL);
  g_autoptr(GPtrArray) audit_after = NULL;
  g_autoptr(GError) error = NULL;
  int n_contracts = unit_query_raw_int (f->path, "SELECT count(*) FROM contracts");

  proposal = signet_store_propose_renewal (f->store, id, PATTERN, &error);
  g_assert_null (proposal);
  g_assert_error (error, SIGNET_PROCESS_ERROR, SIGNET_PROCESS_ERROR_NOT_ALLOWED);
  g_assert_cmpstr (error->message, ==, why);
  g_clear_error (&error);

  signet_contract_set_number (successor, "XQ-0099");
  signet_contract_set_title (successor, "Successor");
  signet_contract_set_client_id (successor, signet_client_get_id (f->client));
  g_assert_false (signet_store_renew_contract (f->store, id, signet_contract_get_version (contract), successor,
                                               NULL, NULL, &error));
  g_assert_error (error, SIGNET_PROCESS_ERROR, SIGNET_PROCESS_ERROR_NOT_ALLOWED);
  g_assert_cmpstr (error->message, ==, why);

  /* Nothing written. */
  g_assert_cmpint (unit_query_raw_int (f->path, "SELECT count(*) FROM contracts"), ==, n_contracts);
  audit_after = signet_store_list_audit (f->store, SIGNET_RECORD_CONTRACT, id, NULL);
  g_assert_cmpuint (audit_after->len, ==, audit_before->len);
  g_assert_cmpint (signet_contract_get_id (successor), ==, 0);
}

/* A draft, a terminated and a renewed contract are not renewed, each
 * with its why; a stale version is a conflict; a bare process step
 * cannot renew without a successor. */
static void
test_refused (void)
{
  StoreFixture f;
  g_autoptr(SignetContract) draft = NULL;
  g_autoptr(SignetContract) terminated = NULL;
  g_autoptr(SignetContract) renewed = NULL;
  g_autoptr(SignetContract) successor = NULL;
  g_autoptr(SignetContract) proposal = NULL;
  g_autoptr(GError) error = NULL;
  SignetProcessStep terminate = {
    .action = SIGNET_PROCESS_ACTION_TERMINATE, .comment = (char *) "双方协商",
    .termination_reason = (char *) "mutual", .effective_date = (char *) "2026-06-30",
  };
  SignetProcessStep bare = { .action = SIGNET_PROCESS_ACTION_RENEW };
  int n_contracts;

  store_fixture_open (&f, TODAY);
  draft = unit_add_contract (f.store, f.client, "XQ-0001", "Draft");
  signet_contract_set_status (draft, SIGNET_CONTRACT_STATUS_DRAFT);
  g_assert_true (signet_store_update_contract (f.store, draft, &error));
  assert_refused (&f, signet_contract_get_id (draft), "Only a signed contract can be renewed.");

  terminated = add_signed (&f, "XQ-0002");
  g_assert_true (signet_store_take_process_step (f.store, signet_contract_get_id (terminated),
                                                 signet_contract_get_version (terminated), &terminate, &error));
  g_assert_no_error (error);
  assert_refused (&f, signet_contract_get_id (terminated),
                  "The contract is terminated: its process has ended.");

  renewed = add_signed (&f, "XQ-0003");
  successor = renew (&f, renewed);
  assert_refused (&f, signet_contract_get_id (renewed),
                  "The contract has been renewed: its successor carries on its process.");

  /* Changed since it was read: nothing is written. */
  g_clear_object (&renewed);
  renewed = add_signed (&f, "XQ-0005");
  proposal = signet_store_propose_renewal (f.store, signet_contract_get_id (renewed), PATTERN, &error);
  g_assert_no_error (error);
  n_contracts = unit_query_raw_int (f.path, "SELECT count(*) FROM contracts");
  g_assert_false (signet_store_renew_contract (f.store, signet_contract_get_id (renewed),
                                               signet_contract_get_version (renewed) - 1, proposal, NULL, NULL, &error));
  g_assert_error (error, SIGNET_STORE_ERROR, SIGNET_STORE_ERROR_CONFLICT);
  g_clear_error (&error);
  g_assert_cmpint (unit_query_raw_int (f.path, "SELECT count(*) FROM contracts"), ==, n_contracts);

  /* A number in use: the successor's field error, nothing written. */
  signet_contract_set_number (proposal, "XQ-0001");
  g_assert_false (signet_store_renew_contract (f.store, signet_contract_get_id (renewed),
                                               signet_contract_get_version (renewed), proposal, NULL, NULL, &error));
  g_assert_error (error, SIGNET_FIELD_ERROR, SIGNET_FIELD_CONTRACT_NUMBER);
  g_clear_error (&error);
  g_assert_cmpint (unit_query_raw_int (f.path, "SELECT count(*) FROM contracts"), ==, n_contracts);
  g_assert_cmpint (unit_query_raw_int (f.path, "SELECT count(*) FROM renewals"), ==, 1);

  /* Renew is no bare step: it needs its successor. */
  g_assert_false (signet_store_take_process_step (f.store, signet_contract_get_id (renewed),
                                                  signet_contract_get_version (renewed), &bare, &error));
  g_assert_error (error, SIGNET_PROCESS_ERROR, SIGNET_PROCESS_ERROR_NOT_ALLOWED);
  g_clear_error (&error);
  g_assert_cmpint (signet_contract_get_id (proposal), ==, 0);

  store_fixture_close (&f);
}

static char *
chain_text (StoreFixture *f,
            gint64        id)
{
  g_autoptr(GPtrArray) chain = NULL;
  g_autoptr(GError) error = NULL;
  GString *text = g_string_new (NULL);

  chain = signet_store_get_renewal_chain (f->store, id, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < chain->len; i++)
    {
      SignetRenewalLink *link = g_ptr_array_index (chain, i);

      g_string_append_printf (text, "%s%s %s..%s", i > 0 ? " → " : "", link->number,
                              link->start_date, link->end_date);
    }

  return g_string_free (text, FALSE);
}

static void
sign (StoreFixture   *f,
      SignetContract *contract)
{
  g_autoptr(GError) error = NULL;

  signet_contract_set_status (contract, SIGNET_CONTRACT_STATUS_SIGNED);
  g_assert_true (signet_store_update_contract (f->store, contract, &error));
  g_assert_no_error (error);
}

/* Three terms, renewed twice: the chain reads the same, oldest first, from
 * each of them; each knows its predecessor and successor. A deleted
 * successor ends the chain, and Undo makes it whole again. */
static void
test_chain (void)
{
  StoreFixture f;
  g_autoptr(SignetContract) first = NULL;
  g_autoptr(SignetContract) second = NULL;
  g_autoptr(SignetContract) third = NULL;
  g_autoptr(SignetTombstone) tombstone = NULL;
  g_autoptr(GError) error = NULL;
  const char *expected = "XQ-0001 2026-01-01..2026-12-31 → XQ-0002 2027-01-01..2027-12-31 → "
                         "XQ-0003 2028-01-01..2028-12-31";
  gint64 ids[3];

  store_fixture_open (&f, TODAY);
  first = add_signed (&f, "XQ-0001");
  g_assert_cmpstr (chain_text (&f, signet_contract_get_id (first)), ==, "XQ-0001 2026-01-01..2026-12-31");
  second = renew (&f, first);
  sign (&f, second);
  third = renew (&f, second);
  ids[0] = signet_contract_get_id (first);
  ids[1] = signet_contract_get_id (second);
  ids[2] = signet_contract_get_id (third);

  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *text = chain_text (&f, ids[i]);

      g_assert_cmpstr (text, ==, expected);
      g_assert_cmpint (signet_store_get_renewal_predecessor (f.store, ids[i], NULL), ==, i > 0 ? ids[i - 1] : 0);
      g_assert_cmpint (signet_store_get_renewal_successor (f.store, ids[i], NULL), ==, i < 2 ? ids[i + 1] : 0);
    }

  tombstone = signet_store_delete (f.store, SIGNET_TOMBSTONE_CONTRACT, ids[2], &error);
  g_assert_no_error (error);
  g_assert_cmpstr (chain_text (&f, ids[0]), ==,
                   "XQ-0001 2026-01-01..2026-12-31 → XQ-0002 2027-01-01..2027-12-31");
  g_assert_cmpint (signet_store_get_renewal_successor (f.store, ids[1], NULL), ==, 0);
  {
    g_autoptr(GPtrArray) none = signet_store_get_renewal_chain (f.store, ids[2], &error);

    g_assert_no_error (error);
    g_assert_cmpuint (none->len, ==, 0);
  }
  g_assert_true (signet_store_restore (f.store, tombstone, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (chain_text (&f, ids[1]), ==, expected);

  store_fixture_close (&f);
}

/* A register of version 13 opens at 14: its contracts read as before, a
 * contract marked renewed before has no chain and, no longer in force, no
 * notice deadline; a signed one is renewed. */
static void
test_migration (void)
{
  StoreFixture f;
  g_autoptr(SignetStore) store = NULL;
  g_autoptr(SignetContract) renewed = NULL;
  g_autoptr(SignetContract) signed_one = NULL;
  g_autoptr(SignetContract) proposal = NULL;
  g_autoptr(GPtrArray) chain = NULL;
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GError) error = NULL;

  if (store_fixture_on_server ())
    {
      g_test_skip ("A register in a file only: it checks the migration from a file of version 13");
      return;
    }

  store_fixture_open_empty (&f, "signet.db");
  g_clear_object (&f.store);
  unit_remove_tree (f.dir);
  g_mkdir_with_parents (f.dir, 0700);

  store = signet_store_new_at_version (f.path, 13, &error);
  g_assert_no_error (error);
  g_clear_object (&store);
  unit_exec_raw (f.path,
                 "INSERT INTO clients (id, name, code) VALUES (1, '华东建设', 'HDJS');"
                 "INSERT INTO contracts (id, number, title, client_id, value, currency, start_date, end_date, "
                 "status, risk_level, notice_days, auto_renew, uuid) VALUES "
                 "(1, 'HT-2025-0001', '办公室租赁', 1, 100000, 'CNY', '2026-01-01', '2026-12-31', 'renewed', 'low', 30, 1, "
                 "'6a1c7f4e-2b1d-4a8e-9c3f-1d2e3f4a5b60'),"
                 "(2, 'HT-2025-0002', '设备维保', 1, 50000, 'CNY', '2026-01-01', '2026-12-31', 'signed', 'low', 30, 1, "
                 "'6a1c7f4e-2b1d-4a8e-9c3f-1d2e3f4a5b61');");

  store = signet_store_open (f.path, 0, &error);
  g_assert_no_error (error);
  signet_store_set_today (store, TODAY);
  g_assert_cmpint (unit_query_raw_int (f.path, "PRAGMA user_version"), ==, signet_store_get_schema_version ());
  g_assert_cmpint (unit_query_raw_int (f.path, "PRAGMA user_version"), >=, 14);

  renewed = signet_store_get_contract (store, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (signet_contract_get_title (renewed), ==, "办公室租赁");
  g_assert_cmpint (signet_contract_get_status (renewed), ==, SIGNET_CONTRACT_STATUS_RENEWED);
  chain = signet_store_get_renewal_chain (store, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (chain->len, ==, 1);
  g_assert_cmpstr (((SignetRenewalLink *) chain->pdata[0])->number, ==, "HT-2025-0001");

  events = signet_store_list_events (store, NULL, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < events->len; i++)
    {
      SignetEvent *event = g_ptr_array_index (events, i);

      if (signet_event_get_contract_id (event) == 1)
        g_assert_cmpint (signet_event_get_kind (event), !=, SIGNET_KEY_DATE_NOTICE_DEADLINE);
    }

  signed_one = signet_store_get_contract (store, 2, &error);
  proposal = signet_store_propose_renewal (store, 2, "HT-2027-{NNNN}", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (signet_contract_get_number (proposal), ==, "HT-2027-0001");
  g_assert_true (signet_store_renew_contract (store, 2, signet_contract_get_version (signed_one), proposal,
                                              NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (signet_store_get_renewal_successor (store, 2, NULL), ==, signet_contract_get_id (proposal));

  g_clear_object (&store);
  store_fixture_close (&f);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/renewals/adjust-value", test_adjust_value);
  g_test_add_func ("/renewals/successor-dates", test_successor_dates);
  g_test_add_func ("/renewals/renew", test_renew);
  g_test_add_func ("/renewals/amended-end", test_amended_end);
  g_test_add_func ("/renewals/refused", test_refused);
  g_test_add_func ("/renewals/chain", test_chain);
  g_test_add_func ("/renewals/migration", test_migration);

  return g_test_run ();
}
