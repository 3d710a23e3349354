/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "signet-event.h"
#include "signet-key-dates.h"
#include "signet-money.h"
#include "signet-reminders.h"
#include "signet-store-events.h"
#include "store-fixture.h"
#include "unit-test-utils.h"

/* What a contract commits us to in the calendar's index: a planned
 * payment, an obligation's occurrences, a loan of the original and a
 * review's follow-up are events on their dates until they are settled,
 * overdue in the agenda from the day after (by the injected clock),
 * whatever the contract's status, and payments and loans remind the
 * contract's owner. The records are written with SQL into the tables of
 * migrations 16 to 20, as another program (or an import) leaves them,
 * and the index is derived again as after such a change. */

#define PAYMENT_UUID    "6f1c2a8e-8d4b-4c1e-9a51-0d7c3b2e1001"
#define OBLIGATION_UUID "6f1c2a8e-8d4b-4c1e-9a51-0d7c3b2e1002"
#define YEARLY_UUID     "6f1c2a8e-8d4b-4c1e-9a51-0d7c3b2e1003"
#define LOAN_UUID       "6f1c2a8e-8d4b-4c1e-9a51-0d7c3b2e1004"

static SignetContract *
add_contract (StoreFixture         *f,
              const char           *number,
              SignetContractStatus  status)
{
  g_autoptr(SignetContract) contract = unit_add_contract (f->store, f->client, number, "维保服务");
  g_autoptr(GError) error = NULL;

  signet_contract_set_start_date (contract, "2026-01-01");
  signet_contract_set_end_date (contract, "2026-12-31");
  signet_contract_set_status (contract, status);
  g_assert_true (signet_store_update_contract (f->store, contract, &error));
  g_assert_no_error (error);

  return g_steal_pointer (&contract);
}

/* @sql_format run on the register, then the index derived again. */
static void G_GNUC_PRINTF (2, 3)
exec_and_rebuild (StoreFixture *f,
                  const char   *sql_format,
                  ...)
{
  g_autofree char *sql = NULL;
  g_autoptr(GError) error = NULL;
  va_list args;

  va_start (args, sql_format);
  sql = g_strdup_vprintf (sql_format, args);
  va_end (args);

  unit_exec_raw (f->path, sql);
  g_assert_true (signet_store_rebuild_events (f->store, &error));
  g_assert_no_error (error);
}

/* The events of @kind of @contract in the calendar, "date date …". */
static char *
dates_of (StoreFixture      *f,
          SignetContract    *contract,
          SignetKeyDateKind  kind)
{
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GError) error = NULL;
  GString *dates = g_string_new (NULL);

  events = signet_store_list_events (f->store, NULL, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < events->len; i++)
    {
      SignetEvent *event = g_ptr_array_index (events, i);

      if (signet_event_get_contract_id (event) == signet_contract_get_id (contract) &&
          signet_event_get_kind (event) == kind)
        g_string_append_printf (dates, "%s%s", dates->len > 0 ? " " : "", signet_event_get_date (event));
    }

  return g_string_free (dates, FALSE);
}

/* The agenda's overdue part on @today (the events dated before it), as
 * "kind date" lines. */
static char *
overdue_on (StoreFixture *f,
            const char   *today)
{
  g_autoptr(GPtrArray) agenda = NULL;
  g_autoptr(GError) error = NULL;
  GString *lines = g_string_new (NULL);

  signet_store_set_today (f->store, today);
  agenda = signet_store_list_agenda (f->store, today, 90, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < agenda->len; i++)
    {
      SignetEvent *event = g_ptr_array_index (agenda, i);

      if (g_strcmp0 (signet_event_get_date (event), today) >= 0)
        break;
      g_string_append_printf (lines, "%s %s\n", signet_key_date_kind_to_token (signet_event_get_kind (event)),
                              signet_event_get_date (event));
    }

  return g_string_free (lines, FALSE);
}

static void
assert_overdue (StoreFixture *f,
                const char   *today,
                const char   *expected)
{
  g_autofree char *overdue = overdue_on (f, today);

  g_assert_cmpstr (overdue, ==, expected);
}

static SignetEvent *
find_event (StoreFixture      *f,
            SignetKeyDateKind  kind,
            const char        *date)
{
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GError) error = NULL;

  events = signet_store_list_events (f->store, date, date, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < events->len; i++)
    if (signet_event_get_kind (g_ptr_array_index (events, i)) == kind)
      return g_object_ref (g_ptr_array_index (events, i));

  return NULL;
}

static void
test_payment (void)
{
  StoreFixture f;
  g_autoptr(SignetContract) draft = NULL;
  g_autoptr(SignetEvent) event = NULL;
  g_autofree char *amount = NULL;
  g_autofree char *paid = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *dates = NULL;

  store_fixture_open (&f, "2026-03-10");
  /* A draft: a payment owed is overdue whatever the contract's status. */
  draft = add_contract (&f, "HT-2026-0001", SIGNET_CONTRACT_STATUS_DRAFT);
  exec_and_rebuild (&f, "INSERT INTO payments (uuid, contract_id, direction, title, amount, currency, due_date, paid) "
                    "VALUES ('" PAYMENT_UUID "', %" G_GINT64_FORMAT ", 'receivable', '首付款', 30000000, 'CNY', "
                    "'2026-03-10', 10000000)",
                    signet_contract_get_id (draft));

  event = find_event (&f, SIGNET_KEY_DATE_PAYMENT, "2026-03-10");
  g_assert_nonnull (event);
  g_assert_cmpstr (signet_event_get_title (event), ==, "首付款");
  g_assert_cmpstr (signet_event_get_record_uuid (event), ==, PAYMENT_UUID);
  g_assert_cmpint (signet_event_get_record_id (event), >, 0);
  g_assert_cmpint (signet_event_get_key_date_id (event), ==, 0);
  amount = signet_money_format (30000000, "CNY");
  paid = signet_money_format (10000000, "CNY");
  expected = g_strdup_printf ("Receivable %s, %s paid", amount, paid);
  g_assert_cmpstr (signet_event_get_explanation (event), ==, expected);

  /* Due today: not overdue yet; the day after, overdue. */
  assert_overdue (&f, "2026-03-10", "");
  assert_overdue (&f, "2026-03-11", "payment 2026-03-10\n");
  /* Still overdue months later, as the contract's end passes. */
  assert_overdue (&f, "2027-02-01", "payment 2026-03-10\n");

  /* Paid in full: settled, gone from the calendar and the agenda. */
  exec_and_rebuild (&f, "UPDATE payments SET paid = amount WHERE contract_id = %" G_GINT64_FORMAT,
                    signet_contract_get_id (draft));
  dates = dates_of (&f, draft, SIGNET_KEY_DATE_PAYMENT);
  g_assert_cmpstr (dates, ==, "");
  assert_overdue (&f, "2027-02-01", "");

  /* A payable one whose amount is not filled in yet (as migrated from a
   * payment key date) is owed too. */
  g_clear_object (&event);
  exec_and_rebuild (&f, "INSERT INTO payments (uuid, contract_id, direction, title, due_date) VALUES "
                    "('6f1c2a8e-8d4b-4c1e-9a51-0d7c3b2e1005', %" G_GINT64_FORMAT ", 'payable', '尾款', '2026-11-30')",
                    signet_contract_get_id (draft));
  event = find_event (&f, SIGNET_KEY_DATE_PAYMENT, "2026-11-30");
  g_assert_nonnull (event);
  g_assert_cmpstr (signet_event_get_explanation (event), ==, "Payable, amount not entered yet");

  store_fixture_close (&f);
}

static void
test_obligation (void)
{
  StoreFixture f;
  g_autoptr(SignetContract) contract = NULL;
  g_autoptr(SignetContract) long_lease = NULL;
  g_autoptr(SignetEvent) event = NULL;
  g_autofree char *dates = NULL;

  store_fixture_open (&f, "2026-04-01");
  contract = add_contract (&f, "HT-2026-0002", SIGNET_CONTRACT_STATUS_SIGNED);
  /* Monthly from 31 January to the contract's end: the short months
   * clamp; the February one was done, late. */
  exec_and_rebuild (&f, "INSERT INTO obligations (id, uuid, contract_id, party, title, due_date, recurrence) VALUES "
                    "(7, '" OBLIGATION_UUID "', %" G_GINT64_FORMAT ", 'us', '月度维保报告', '2026-01-31', 'monthly');"
                    "INSERT INTO obligation_occurrences (obligation_id, due_date, status, done_date, recorded_at, "
                    "recorded_by) VALUES (7, '2026-02-28', 'done', '2026-03-02', '2026-03-02T09:00:00Z', 'test')",
                    signet_contract_get_id (contract));

  dates = dates_of (&f, contract, SIGNET_KEY_DATE_OBLIGATION);
  g_assert_cmpstr (dates, ==,
                   "2026-01-31 2026-03-31 2026-04-30 2026-05-31 2026-06-30 2026-07-31 2026-08-31 "
                   "2026-09-30 2026-10-31 2026-11-30 2026-12-31");
  event = find_event (&f, SIGNET_KEY_DATE_OBLIGATION, "2026-03-31");
  g_assert_nonnull (event);
  g_assert_cmpstr (signet_event_get_title (event), ==, "月度维保报告");
  g_assert_cmpstr (signet_event_get_explanation (event), ==, "To be done by us, every month");
  g_assert_cmpstr (signet_event_get_record_uuid (event), ==, OBLIGATION_UUID);

  /* The open ones before today are overdue, the done one is not. */
  assert_overdue (&f, "2026-04-01", "obligation 2026-01-31\nobligation 2026-03-31\n");

  /* Waived: not overdue either. */
  exec_and_rebuild (&f, "INSERT INTO obligation_occurrences (obligation_id, due_date, status, note, recorded_at, "
                    "recorded_by) VALUES (7, '2026-01-31', 'waived', '开业前', '2026-04-01T09:00:00Z', 'test')");
  assert_overdue (&f, "2026-04-01", "obligation 2026-03-31\n");

  /* Terminated on 15 May: no occurrence after it. */
  g_free (dates);
  exec_and_rebuild (&f, "UPDATE contracts SET termination_date = '2026-05-15' WHERE id = %" G_GINT64_FORMAT,
                    signet_contract_get_id (contract));
  dates = dates_of (&f, contract, SIGNET_KEY_DATE_OBLIGATION);
  g_assert_cmpstr (dates, ==, "2026-03-31 2026-04-30");

  /* A yearly one of a lease to 2040 is indexed from the month a year
   * back to two years ahead, and the window moves with the month. */
  long_lease = add_contract (&f, "HT-2026-0003", SIGNET_CONTRACT_STATUS_SIGNED);
  signet_contract_set_end_date (long_lease, "2040-12-31");
  {
    g_autoptr(GError) error = NULL;

    g_assert_true (signet_store_update_contract (f.store, long_lease, &error));
    g_assert_no_error (error);
  }
  exec_and_rebuild (&f, "INSERT INTO obligations (uuid, contract_id, party, title, due_date, recurrence) VALUES "
                    "('" YEARLY_UUID "', %" G_GINT64_FORMAT ", 'client', '年度审计报告', '2020-06-15', 'yearly')",
                    signet_contract_get_id (long_lease));
  g_free (dates);
  dates = dates_of (&f, long_lease, SIGNET_KEY_DATE_OBLIGATION);
  g_assert_cmpstr (dates, ==, "2025-06-15 2026-06-15 2027-06-15");
  /* The day moves on to June 2027. */
  g_free (overdue_on (&f, "2027-06-01"));
  g_free (dates);
  dates = dates_of (&f, long_lease, SIGNET_KEY_DATE_OBLIGATION);
  g_assert_cmpstr (dates, ==, "2026-06-15 2027-06-15 2028-06-15 2029-06-15");

  store_fixture_close (&f);
}

static void
test_loan (void)
{
  StoreFixture f;
  g_autoptr(SignetContract) contract = NULL;
  g_autoptr(SignetEvent) event = NULL;
  g_autofree char *dates = NULL;

  store_fixture_open (&f, "2026-05-01");
  contract = add_contract (&f, "HT-2026-0004", SIGNET_CONTRACT_STATUS_SIGNED);
  exec_and_rebuild (&f, "INSERT INTO people (id, name, match_key) VALUES (31, '王芳', 'wang fang');"
                    "INSERT INTO loans (id, uuid, contract_id, borrower_id, purpose, lent_on, due_on, lent_by) "
                    "VALUES (5, '" LOAN_UUID "', %" G_GINT64_FORMAT ", 31, '年度审计', '2026-04-20', '2026-05-10', 'test')",
                    signet_contract_get_id (contract));

  event = find_event (&f, SIGNET_KEY_DATE_LOAN, "2026-05-10");
  g_assert_nonnull (event);
  g_assert_cmpstr (signet_event_get_title (event), ==, "王芳");
  g_assert_cmpstr (signet_event_get_explanation (event), ==, "Lent on 2026-04-20 for: 年度审计");

  assert_overdue (&f, "2026-05-10", "");
  assert_overdue (&f, "2026-05-11", "loan 2026-05-10\n");

  /* Returned: no longer due. */
  exec_and_rebuild (&f, "UPDATE loans SET returned_on = '2026-05-12', returned_by = 'test' "
                    "WHERE contract_id = %" G_GINT64_FORMAT, signet_contract_get_id (contract));
  dates = dates_of (&f, contract, SIGNET_KEY_DATE_LOAN);
  g_assert_cmpstr (dates, ==, "");
  assert_overdue (&f, "2026-05-13", "");

  store_fixture_close (&f);
}

static void
test_follow_up_review (void)
{
  StoreFixture f;
  g_autoptr(SignetContract) contract = NULL;
  g_autoptr(SignetEvent) event = NULL;
  g_autofree char *dates = NULL;

  store_fixture_open (&f, "2026-06-01");
  contract = add_contract (&f, "HT-2026-0005", SIGNET_CONTRACT_STATUS_SIGNED);
  exec_and_rebuild (&f, "INSERT INTO reviews (id, uuid, contract_id, date, reviewer, follow_up_date) VALUES "
                    "(9, '6f1c2a8e-8d4b-4c1e-9a51-0d7c3b2e1009', %" G_GINT64_FORMAT ", '2026-05-20', '陈静', '2026-06-20');"
                    "INSERT INTO review_actions (uuid, review_id, description, due_date) VALUES "
                    "('6f1c2a8e-8d4b-4c1e-9a51-0d7c3b2e1010', 9, '补签授权书', '2026-06-10'),"
                    "('6f1c2a8e-8d4b-4c1e-9a51-0d7c3b2e1011', 9, '更新付款条款', '2026-06-15')",
                    signet_contract_get_id (contract));

  event = find_event (&f, SIGNET_KEY_DATE_FOLLOW_UP_REVIEW, "2026-06-20");
  g_assert_nonnull (event);
  g_assert_cmpstr (signet_event_get_explanation (event), ==, "2 actions of the review of 2026-05-20 still open");

  assert_overdue (&f, "2026-06-21", "follow-up-review 2026-06-20\n");

  /* One action done: still due; both done: no follow-up. */
  exec_and_rebuild (&f, "UPDATE review_actions SET done_date = '2026-06-09' WHERE description = '补签授权书'");
  dates = dates_of (&f, contract, SIGNET_KEY_DATE_FOLLOW_UP_REVIEW);
  g_assert_cmpstr (dates, ==, "2026-06-20");
  g_free (dates);
  exec_and_rebuild (&f, "UPDATE review_actions SET done_date = '2026-06-22' WHERE done_date IS NULL");
  dates = dates_of (&f, contract, SIGNET_KEY_DATE_FOLLOW_UP_REVIEW);
  g_assert_cmpstr (dates, ==, "");
  assert_overdue (&f, "2026-06-23", "");

  store_fixture_close (&f);
}

static void
test_reminders (void)
{
  StoreFixture f;
  g_autoptr(SignetContract) contract = NULL;
  g_autoptr(SignetReminderSettings) defaults = signet_reminder_settings_new_default ();
  g_autoptr(GPtrArray) due = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *payment = NULL;
  g_autofree char *loan = NULL;

  store_fixture_open (&f, "2026-05-01");
  contract = add_contract (&f, "HT-2026-0006", SIGNET_CONTRACT_STATUS_SIGNED);
  exec_and_rebuild (&f,
                    "INSERT INTO people (id, name, match_key) VALUES (40, '张伟', 'zhang wei'), (41, '王芳', 'wang fang');"
                    "UPDATE contracts SET owner_id = 40 WHERE id = %1$" G_GINT64_FORMAT ";"
                    "INSERT INTO payments (uuid, contract_id, direction, title, amount, currency, due_date) "
                    "VALUES ('" PAYMENT_UUID "', %1$" G_GINT64_FORMAT ", 'receivable', '首付款', 30000000, 'CNY', "
                    "'2026-05-08');"
                    "INSERT INTO loans (uuid, contract_id, borrower_id, purpose, lent_on, due_on, lent_by) "
                    "VALUES ('" LOAN_UUID "', %1$" G_GINT64_FORMAT ", 41, '年度审计', '2026-04-20', '2026-05-10', 'test')",
                    signet_contract_get_id (contract));

  /* A week ahead, nothing yet for either; on the payment's lead day its
   * reminder. */
  due = signet_reminders_due (f.store, "2026-04-30", defaults, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (due->len, ==, 0);
  g_clear_pointer (&due, g_ptr_array_unref);

  /* Both overdue: each names the contract's owner. */
  due = signet_reminders_due (f.store, "2026-05-12", defaults, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (due->len, ==, 2);
  payment = signet_reminder_dup_title (g_ptr_array_index (due, 0));
  loan = signet_reminder_dup_title (g_ptr_array_index (due, 1));
  g_assert_cmpstr (payment, ==, "Payment “首付款” overdue by 4 days: HT-2026-0006 维保服务 (owner: 张伟)");
  g_assert_cmpstr (loan, ==, "Original lent to 王芳 overdue by 2 days: HT-2026-0006 维保服务 (owner: 张伟)");

  /* Acknowledged, the payment's does not come back; the loan's stays. */
  g_assert_true (signet_reminder_acknowledge (f.store, g_ptr_array_index (due, 0), &error));
  g_assert_no_error (error);
  g_clear_pointer (&due, g_ptr_array_unref);
  due = signet_reminders_due (f.store, "2026-05-13", defaults, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (due->len, ==, 1);
  g_assert_cmpint (signet_event_get_kind (((SignetReminder *) g_ptr_array_index (due, 0))->event), ==,
                   SIGNET_KEY_DATE_LOAN);

  /* Returned: no reminder at all. */
  g_clear_pointer (&due, g_ptr_array_unref);
  exec_and_rebuild (&f, "UPDATE loans SET returned_on = '2026-05-13', returned_by = 'test' "
                    "WHERE contract_id = %" G_GINT64_FORMAT, signet_contract_get_id (contract));
  due = signet_reminders_due (f.store, "2026-05-14", defaults, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (due->len, ==, 0);

  store_fixture_close (&f);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/commitment-events/payment", test_payment);
  g_test_add_func ("/commitment-events/obligation", test_obligation);
  g_test_add_func ("/commitment-events/loan", test_loan);
  g_test_add_func ("/commitment-events/follow-up-review", test_follow_up_review);
  g_test_add_func ("/commitment-events/reminders", test_reminders);

  return g_test_run ();
}
