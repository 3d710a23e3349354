/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>

#include <gio/gio.h>

#include "signet-contract-list.h"
#include "signet-contract-query.h"
#include "signet-store-events.h"
#include "signet-store-query.h"
#include "store-fixture.h"
#include "unit-test-utils.h"

/* Which contracts a SignetContractQuery lets through, on a register of
 * five contracts made here, on 15 June 2026, where each filter's contracts
 * are known by hand:
 *
 *   number  client  title  type  department  currency  risk    status      start       end
 *   0001    Acme    甲     服务  销售部      CNY       low     active      2026-01-01  2026-07-01
 *   0002    Beta    乙     采购  采购部      USD       high    expired     2025-01-01  2026-03-31
 *   0003    Acme    丙     服务  采购部      CNY       medium  draft       -           -
 *   0004    Beta    丁     租赁  销售部      EUR→USD   high    active      2026-02-01  2027-01-31, renews, 60 days' notice
 *   0005    Acme    戊     租赁  -           CNY       low     terminated  2025-06-01  2026-12-31, ended 2026-05-01
 *
 * 0004's amendment in force since 1 May makes it 9,000.00 USD. Signed on
 * 2025-12-20 (0001) and 2026-01-15 (0004). Owners: 张伟 for 0001 and 0002,
 * 王芳 for 0004. Other records:
 *   - originals out: 0001 (due back 1 July), 0002 (due back 1 June: overdue);
 *     0004's came back;
 *   - review follow-up actions: 0003's open, 0001's done;
 *   - payments: 0001 due 1 June, part paid (overdue); 0003 due 14 June,
 *     amount not entered (overdue); 0004 due 1 June, paid in full;
 *     0005 due 1 July (not yet due);
 *   - obligations: 0004 due 10 June, open (overdue); 0001 due 10 June, done;
 *   - periodic reviews: 0004 (high risk, every 3 months from its start,
 *     none recorded) was due 1 May; 0001 was reviewed on 1 March and is
 *     next due in a year;
 *   - approvals: 0003 has a step pending, 0001 one waiting. */

#define TODAY "2026-06-15"

typedef struct
{
  StoreFixture f;
  gint64       ids[6];     /* by the number's last digit */
  gint64       zhang;
  gint64       wang;
  gint64       beta;
} Fixture;

static gint64
add (Fixture    *fx,
     SignetClient *client,
     const char *number,
     const char *title,
     const char *type,
     const char *department,
     const char *owner,
     SignetRiskLevel risk,
     SignetContractStatus status,
     const char *start,
     const char *end)
{
  g_autoptr(SignetContract) contract = unit_add_contract (fx->f.store, client, number, title);
  g_autoptr(GError) error = NULL;

  signet_contract_set_contract_type (contract, type);
  signet_contract_set_department (contract, department);
  signet_contract_set_owner (contract, owner);
  signet_contract_set_risk_level (contract, risk);
  signet_contract_set_start_date (contract, start);
  signet_contract_set_end_date (contract, end);
  signet_contract_set_status (contract, status);
  g_assert_true (signet_store_update_contract (fx->f.store, contract, &error));
  g_assert_no_error (error);

  return signet_contract_get_id (contract);
}

static void
fixture_set_up (Fixture       *fx,
                gconstpointer  data)
{
  g_autoptr(SignetClient) beta = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = NULL;

  store_fixture_open (&fx->f, TODAY);
  beta = unit_add_client (fx->f.store, "Beta", "BETA");
  fx->beta = signet_client_get_id (beta);

  fx->ids[1] = add (fx, fx->f.client, "HT-2026-0001", "甲", "服务", "销售部", "张伟",
                    SIGNET_RISK_LEVEL_LOW, SIGNET_CONTRACT_STATUS_SIGNED, "2026-01-01", "2026-07-01");
  fx->ids[2] = add (fx, beta, "HT-2026-0002", "乙", "采购", "采购部", "张伟",
                    SIGNET_RISK_LEVEL_HIGH, SIGNET_CONTRACT_STATUS_SIGNED, "2025-01-01", "2026-03-31");
  fx->ids[3] = add (fx, fx->f.client, "HT-2026-0003", "丙", "服务", "采购部", NULL,
                    SIGNET_RISK_LEVEL_MEDIUM, SIGNET_CONTRACT_STATUS_DRAFT, NULL, NULL);
  fx->ids[4] = add (fx, beta, "HT-2026-0004", "丁", "租赁", "销售部", "王芳",
                    SIGNET_RISK_LEVEL_HIGH, SIGNET_CONTRACT_STATUS_SIGNED, "2026-02-01", "2027-01-31");
  fx->ids[5] = add (fx, fx->f.client, "HT-2026-0005", "戊", "租赁", NULL, NULL,
                    SIGNET_RISK_LEVEL_LOW, SIGNET_CONTRACT_STATUS_TERMINATED, "2025-06-01", "2026-12-31");

  fx->zhang = unit_query_raw_int (fx->f.path, "SELECT owner_id FROM contracts WHERE number = 'HT-2026-0001'");
  fx->wang = unit_query_raw_int (fx->f.path, "SELECT owner_id FROM contracts WHERE number = 'HT-2026-0004'");
  g_assert_cmpint (fx->zhang, >, 0);
  g_assert_cmpint (fx->wang, >, 0);

  /* The other records, as another program (or an import) leaves them. */
#define ID(n) fx->ids[n]
  sql = g_strdup_printf (
    "UPDATE contracts SET signing_date = '2025-12-20' WHERE id = %1$" G_GINT64_FORMAT ";"
    "UPDATE contracts SET currency = 'USD' WHERE id = %2$" G_GINT64_FORMAT ";"
    "UPDATE contracts SET signing_date = '2026-01-15', auto_renew = 1, notice_days = 60, currency = 'EUR' "
    "  WHERE id = %4$" G_GINT64_FORMAT ";"
    "UPDATE contracts SET termination_date = '2026-05-01' WHERE id = %5$" G_GINT64_FORMAT ";"
    "INSERT INTO amendments (id, contract_id, uuid, number, effective_date, value, currency) "
    "  VALUES (1, %4$" G_GINT64_FORMAT ", '0b8f3c5e-7a52-4f0e-9d3c-2f1a6b7c8d01', 'HT-2026-0004-A1', "
    "  '2026-05-01', 900000, 'USD');"
    "INSERT INTO people (id, name, match_key) VALUES (90, '陈静', 'chen jing');"
    "INSERT INTO loans (uuid, contract_id, borrower_id, purpose, lent_on, due_on, lent_by, returned_on, returned_by) VALUES "
    "  ('0b8f3c5e-7a52-4f0e-9d3c-2f1a6b7c8d11', %1$" G_GINT64_FORMAT ", 90, '审计', '2026-06-01', '2026-07-01', 't', NULL, NULL),"
    "  ('0b8f3c5e-7a52-4f0e-9d3c-2f1a6b7c8d12', %2$" G_GINT64_FORMAT ", 90, '诉讼', '2026-05-01', '2026-06-01', 't', NULL, NULL),"
    "  ('0b8f3c5e-7a52-4f0e-9d3c-2f1a6b7c8d13', %4$" G_GINT64_FORMAT ", 90, '复印', '2026-05-01', '2026-05-10', 't', '2026-05-09', 't');"
    "INSERT INTO reviews (id, uuid, contract_id, date, reviewer, follow_up_date) VALUES "
    "  (31, '0b8f3c5e-7a52-4f0e-9d3c-2f1a6b7c8d21', %3$" G_GINT64_FORMAT ", '2026-06-01', '陈静', '2026-07-01'),"
    "  (32, '0b8f3c5e-7a52-4f0e-9d3c-2f1a6b7c8d22', %1$" G_GINT64_FORMAT ", '2026-03-01', '陈静', NULL);"
    "INSERT INTO review_actions (uuid, review_id, description, due_date, done_date) VALUES "
    "  ('0b8f3c5e-7a52-4f0e-9d3c-2f1a6b7c8d31', 31, '补签授权书', '2026-06-30', NULL),"
    "  ('0b8f3c5e-7a52-4f0e-9d3c-2f1a6b7c8d32', 32, '更新付款条款', '2026-03-15', '2026-03-10');"
    "INSERT INTO payments (uuid, contract_id, direction, title, amount, currency, due_date, paid) VALUES "
    "  ('0b8f3c5e-7a52-4f0e-9d3c-2f1a6b7c8d41', %1$" G_GINT64_FORMAT ", 'receivable', '首付款', 100000, 'CNY', '2026-06-01', 40000),"
    "  ('0b8f3c5e-7a52-4f0e-9d3c-2f1a6b7c8d43', %4$" G_GINT64_FORMAT ", 'receivable', '租金', 200000, 'USD', '2026-06-01', 200000),"
    "  ('0b8f3c5e-7a52-4f0e-9d3c-2f1a6b7c8d44', %5$" G_GINT64_FORMAT ", 'payable', '尾款', 50000, 'CNY', '2026-07-01', 0);"
    "INSERT INTO payments (uuid, contract_id, direction, title, due_date) VALUES "
    "  ('0b8f3c5e-7a52-4f0e-9d3c-2f1a6b7c8d42', %3$" G_GINT64_FORMAT ", 'payable', '订金', '2026-06-14');"
    "INSERT INTO obligations (id, uuid, contract_id, party, title, due_date) VALUES "
    "  (51, '0b8f3c5e-7a52-4f0e-9d3c-2f1a6b7c8d51', %4$" G_GINT64_FORMAT ", 'us', '交付钥匙', '2026-06-10'),"
    "  (52, '0b8f3c5e-7a52-4f0e-9d3c-2f1a6b7c8d52', %1$" G_GINT64_FORMAT ", 'client', '提交报告', '2026-06-10');"
    "INSERT INTO obligation_occurrences (obligation_id, due_date, status, done_date, recorded_at, recorded_by) "
    "  VALUES (52, '2026-06-10', 'done', '2026-06-09', '2026-06-09T09:00:00Z', 't');"
    "INSERT INTO approval_steps (contract_id, round, position, name, due_days, due_date, state) VALUES "
    "  (%3$" G_GINT64_FORMAT ", 1, 0, '法务', 3, '2026-06-18', 'pending'),"
    "  (%1$" G_GINT64_FORMAT ", 1, 1, '总经理', 3, NULL, 'waiting');",
    ID (1), ID (2), ID (3), ID (4), ID (5));
#undef ID
  unit_exec_raw (fx->f.path, sql);

  /* Opened again, as after another program's write. */
  g_clear_object (&fx->f.store);
  fx->f.store = signet_store_open (fx->f.path, 0, &error);
  g_assert_no_error (error);
  signet_store_set_today (fx->f.store, TODAY);
  g_assert_true (signet_store_rebuild_events (fx->f.store, &error));
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fx,
                   gconstpointer  data)
{
  store_fixture_close (&fx->f);
}

/* The numbers' last digits of the contracts @query lets through, "1 4". */
static char *
select_digits (Fixture                   *fx,
               const SignetContractQuery *query)
{
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GError) error = NULL;
  GString *digits = g_string_new (NULL);

  ids = signet_store_select_contract_ids (fx->f.store, query, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < ids->len; i++)
    for (guint n = 1; n <= 5; n++)
      if (fx->ids[n] == g_array_index (ids, gint64, i))
        g_string_append_printf (digits, "%s%u", digits->len > 0 ? " " : "", n);

  return g_string_free (digits, FALSE);
}

/* What a contract list with @query and the search @search shows, the same way. */
static char *
list_digits (Fixture                   *fx,
             const SignetContractQuery *query,
             const char                *search)
{
  g_autoptr(SignetContractList) list = signet_contract_list_new (fx->f.store);
  GString *digits = g_string_new (NULL);
  guint n_items;

  signet_contract_list_set_query (list, query);
  signet_contract_list_set_search (list, search);
  n_items = g_list_model_get_n_items (G_LIST_MODEL (list));
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(SignetContract) contract = g_list_model_get_item (G_LIST_MODEL (list), i);
      const char *number = signet_contract_get_number (contract);

      g_string_append_printf (digits, "%s%c", digits->len > 0 ? " " : "", number[strlen (number) - 1]);
    }

  return g_string_free (digits, FALSE);
}

/* @query alone gives @expected, and with the search "Acme" (the client of
 * 0001, 0003 and 0005) the ones of them it gives. */
static void
assert_query (Fixture                   *fx,
              const SignetContractQuery *query,
              const char                *expected)
{
  g_autofree char *selected = select_digits (fx, query);
  g_autofree char *listed = list_digits (fx, query, NULL);
  g_autofree char *searched = list_digits (fx, query, "Acme");
  g_autoptr(GString) acme = g_string_new (NULL);
  g_auto(GStrv) digits = g_strsplit (expected, " ", -1);

  for (guint i = 0; digits[i] != NULL; i++)
    if (g_str_equal (digits[i], "1") || g_str_equal (digits[i], "3") || g_str_equal (digits[i], "5"))
      g_string_append_printf (acme, "%s%s", acme->len > 0 ? " " : "", digits[i]);

  g_assert_cmpstr (selected, ==, expected);
  g_assert_cmpstr (listed, ==, expected);
  g_assert_cmpstr (searched, ==, acme->str);

  for (guint n = 1; n <= 5; n++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *digit = g_strdup_printf ("%u", n);
      gboolean matches = signet_store_contract_matches (fx->f.store, fx->ids[n], query, &error);

      g_assert_no_error (error);
      g_assert_cmpint (matches, ==, g_strv_contains ((const char * const *) digits, digit));
    }
}

static void
test_empty (Fixture       *fx,
            gconstpointer  data)
{
  g_autoptr(SignetContractQuery) query = signet_contract_query_new ();

  assert_query (fx, query, "1 2 3 4 5");
}

static void
test_statuses (Fixture       *fx,
               gconstpointer  data)
{
  g_autoptr(SignetContractQuery) query = signet_contract_query_new ();

  /* The status a user sees: active and expired from the dates. */
  signet_contract_query_set_statuses (query, 1 << SIGNET_CONTRACT_STATUS_ACTIVE);
  assert_query (fx, query, "1 4");
  signet_contract_query_set_statuses (query, 1 << SIGNET_CONTRACT_STATUS_EXPIRED);
  assert_query (fx, query, "2");
  signet_contract_query_set_statuses (query, (1 << SIGNET_CONTRACT_STATUS_DRAFT) |
                                             (1 << SIGNET_CONTRACT_STATUS_TERMINATED));
  assert_query (fx, query, "3 5");
  signet_contract_query_set_statuses (query, 1 << SIGNET_CONTRACT_STATUS_SIGNED);
  assert_query (fx, query, "");
}

static void
test_fields (Fixture       *fx,
             gconstpointer  data)
{
  g_autoptr(SignetContractQuery) query = signet_contract_query_new ();
  const char * const service[] = { "服务", NULL };
  const char * const sales[] = { "销售部", NULL };
  const char * const purchasing_lease[] = { "采购部", "租赁", NULL };
  const char * const usd[] = { "USD", NULL };
  const char * const eur_cny[] = { "EUR", "CNY", NULL };
  gint64 owners[2] = { fx->zhang, fx->wang };

  signet_contract_query_set_risk_levels (query, 1 << SIGNET_RISK_LEVEL_HIGH);
  assert_query (fx, query, "2 4");
  signet_contract_query_set_risk_levels (query, (1 << SIGNET_RISK_LEVEL_LOW) | (1 << SIGNET_RISK_LEVEL_MEDIUM));
  assert_query (fx, query, "1 3 5");
  signet_contract_query_set_risk_levels (query, 0);

  signet_contract_query_set_types (query, service);
  assert_query (fx, query, "1 3");
  signet_contract_query_set_types (query, NULL);

  signet_contract_query_set_departments (query, sales);
  assert_query (fx, query, "1 4");
  /* A value of another field matches nothing here. */
  signet_contract_query_set_departments (query, purchasing_lease);
  assert_query (fx, query, "2 3");
  signet_contract_query_set_departments (query, NULL);

  /* 0004 is in US dollars since its amendment. */
  signet_contract_query_set_currencies (query, usd);
  assert_query (fx, query, "2 4");
  signet_contract_query_set_currencies (query, eur_cny);
  assert_query (fx, query, "1 3 5");
  signet_contract_query_set_currencies (query, NULL);

  signet_contract_query_set_owners (query, owners, 1);
  assert_query (fx, query, "1 2");
  signet_contract_query_set_owners (query, owners, 2);
  assert_query (fx, query, "1 2 4");
  signet_contract_query_set_owners (query, NULL, 0);

  signet_contract_query_set_clients (query, &fx->beta, 1);
  assert_query (fx, query, "2 4");

  /* Fields combine: Beta's high-risk contracts owned by 王芳. */
  signet_contract_query_set_risk_levels (query, 1 << SIGNET_RISK_LEVEL_HIGH);
  signet_contract_query_set_owners (query, &owners[1], 1);
  assert_query (fx, query, "4");
}

static void
test_dates (Fixture       *fx,
            gconstpointer  data)
{
  g_autoptr(SignetContractQuery) query = NULL;

  query = signet_contract_query_new ();
  signet_contract_query_set_date_range (query, SIGNET_QUERY_DATE_SIGNING, "2026-01-01", "2026-12-31");
  assert_query (fx, query, "4");
  /* Both ends included; a contract without the date never passes. */
  signet_contract_query_set_date_range (query, SIGNET_QUERY_DATE_SIGNING, NULL, "2026-01-15");
  assert_query (fx, query, "1 4");

  g_clear_pointer (&query, signet_contract_query_free);
  query = signet_contract_query_new ();
  signet_contract_query_set_date_range (query, SIGNET_QUERY_DATE_START, "2026-01-01", NULL);
  assert_query (fx, query, "1 4");

  g_clear_pointer (&query, signet_contract_query_free);
  query = signet_contract_query_new ();
  signet_contract_query_set_date_range (query, SIGNET_QUERY_DATE_END, NULL, "2026-07-01");
  assert_query (fx, query, "1 2");

  /* 0004's notice deadline: 31 January less 60 days. */
  g_clear_pointer (&query, signet_contract_query_free);
  query = signet_contract_query_new ();
  signet_contract_query_set_date_range (query, SIGNET_QUERY_DATE_NOTICE, "2026-12-01", "2026-12-31");
  assert_query (fx, query, "4");

  /* Ended: 0002 expired on its end, 0005 terminated on 1 May. */
  g_clear_pointer (&query, signet_contract_query_free);
  query = signet_contract_query_new ();
  signet_contract_query_set_date_range (query, SIGNET_QUERY_DATE_ENDED, "2026-01-01", "2026-06-30");
  assert_query (fx, query, "2 5");
  signet_contract_query_set_date_range (query, SIGNET_QUERY_DATE_ENDED, "2026-04-01", NULL);
  assert_query (fx, query, "5");

  /* Ends from today to 15 July, not ended: 0001 only (0005's end was
   * cut short by its termination). */
  g_clear_pointer (&query, signet_contract_query_free);
  query = signet_contract_query_new ();
  signet_contract_query_set_expiring_within (query, 30);
  assert_query (fx, query, "1");
  signet_contract_query_set_expiring_within (query, 0);
  assert_query (fx, query, "");
  signet_contract_query_set_expiring_within (query, 365);
  assert_query (fx, query, "1 4");
}

static const struct
{
  SignetContractFilter  filter;
  const char           *expected;
} filter_cases[] = {
  { SIGNET_CONTRACT_FILTER_ON_LOAN, "1 2" },
  { SIGNET_CONTRACT_FILTER_OPEN_REVIEW_FINDINGS, "3" },
  { SIGNET_CONTRACT_FILTER_OVERDUE_PAYMENTS, "1 3" },
  { SIGNET_CONTRACT_FILTER_OVERDUE_OBLIGATIONS, "4" },
  { SIGNET_CONTRACT_FILTER_OVERDUE_REVIEWS, "4" },
  { SIGNET_CONTRACT_FILTER_OVERDUE_LOANS, "2" },
  { SIGNET_CONTRACT_FILTER_PENDING_APPROVALS, "3" },
  { SIGNET_CONTRACT_FILTER_ON_LOAN | SIGNET_CONTRACT_FILTER_OVERDUE_PAYMENTS, "1" },
  { SIGNET_CONTRACT_FILTER_OVERDUE_REVIEWS | SIGNET_CONTRACT_FILTER_OVERDUE_OBLIGATIONS, "4" },
  { SIGNET_CONTRACT_FILTER_ON_LOAN | SIGNET_CONTRACT_FILTER_PENDING_APPROVALS, "" },
};

static void
test_filters (Fixture       *fx,
              gconstpointer  data)
{
  for (guint i = 0; i < G_N_ELEMENTS (filter_cases); i++)
    {
      g_autoptr(SignetContractQuery) query = signet_contract_query_new ();

      signet_contract_query_set_filters (query, filter_cases[i].filter);
      assert_query (fx, query, filter_cases[i].expected);
    }
}

/* The day moves on: the same query says something else. */
static void
test_day_moves (Fixture       *fx,
                gconstpointer  data)
{
  g_autoptr(SignetContractQuery) query = signet_contract_query_new ();

  signet_contract_query_set_filters (query, SIGNET_CONTRACT_FILTER_OVERDUE_LOANS);
  signet_store_set_today (fx->f.store, "2026-07-02");
  assert_query (fx, query, "1 2");

  signet_contract_query_set_filters (query, SIGNET_CONTRACT_FILTER_OVERDUE_PAYMENTS);
  assert_query (fx, query, "1 3 5");

  signet_contract_query_set_filters (query, SIGNET_CONTRACT_FILTER_NONE);
  signet_contract_query_set_statuses (query, 1 << SIGNET_CONTRACT_STATUS_EXPIRED);
  assert_query (fx, query, "1 2");
}

/* Every field set, written and read back; the text stays as it was
 * written, Chinese readable, the separators escaped. */
static void
test_text_round_trip (void)
{
  g_autoptr(SignetContractQuery) query = signet_contract_query_new ();
  g_autoptr(SignetContractQuery) read = NULL;
  g_autoptr(SignetContractQuery) empty = signet_contract_query_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *again = NULL;
  const char * const types[] = { "服务", "a,b;c=d%e", NULL };
  const char * const departments[] = { "销售部", NULL };
  const char * const currencies[] = { "CNY", "USD", NULL };
  const gint64 owners[] = { 12, 7 };
  const gint64 clients[] = { 3 };

  signet_contract_query_set_statuses (query, (1 << SIGNET_CONTRACT_STATUS_ACTIVE) |
                                             (1 << SIGNET_CONTRACT_STATUS_IN_REVIEW));
  signet_contract_query_set_risk_levels (query, 1 << SIGNET_RISK_LEVEL_HIGH);
  signet_contract_query_set_types (query, types);
  signet_contract_query_set_departments (query, departments);
  signet_contract_query_set_currencies (query, currencies);
  signet_contract_query_set_owners (query, owners, 2);
  signet_contract_query_set_clients (query, clients, 1);
  signet_contract_query_set_date_range (query, SIGNET_QUERY_DATE_SIGNING, "2026-01-01", "2026-12-31");
  signet_contract_query_set_date_range (query, SIGNET_QUERY_DATE_NOTICE, NULL, "2026-07-01");
  signet_contract_query_set_date_range (query, SIGNET_QUERY_DATE_ENDED, "2025-01-01", NULL);
  signet_contract_query_set_expiring_within (query, 30);
  signet_contract_query_set_filters (query, SIGNET_CONTRACT_FILTER_ON_LOAN | SIGNET_CONTRACT_FILTER_PENDING_APPROVALS);

  text = signet_contract_query_to_string (query);
  g_assert_cmpstr (text, ==,
                   "status=in-review,active;risk=high;type=服务,a%2Cb%3Bc%3Dd%25e;department=销售部;"
                   "currency=CNY,USD;owner=12,7;client=3;signed=2026-01-01..2026-12-31;notice=..2026-07-01;"
                   "ended=2025-01-01..;expiring=30;only=on-loan,pending-approvals");
  read = signet_contract_query_new_from_string (text, &error);
  g_assert_no_error (error);
  g_assert_true (signet_contract_query_equal (read, query));
  again = signet_contract_query_to_string (read);
  g_assert_cmpstr (again, ==, text);

  /* The empty query is the empty text; spaces and empty pairs are let be. */
  g_free (text);
  text = signet_contract_query_to_string (empty);
  g_assert_cmpstr (text, ==, "");
  g_clear_pointer (&read, signet_contract_query_free);
  read = signet_contract_query_new_from_string (" ; risk = low ;", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (signet_contract_query_get_risk_levels (read), ==, 1 << SIGNET_RISK_LEVEL_LOW);
}

/* Each refusal names what it could not read. */
static void
test_text_refused (void)
{
  static const struct
  {
    const char *text;
    const char *message;
  } cases[] = {
    { "colour=red", "Unknown filter “colour”" },
    { "status=active;flavour=", "Unknown filter “flavour”" },
    { "status=active,lost", "“lost” is not a valid value of the filter “status”" },
    { "risk=", "“” is not a valid value of the filter “risk”" },
    { "risk=low;risk=high", "The filter “risk” is given twice" },
    { "only=on-loan,late", "“late” is not a valid value of the filter “only”" },
    { "owner=12,x", "“12,x” is not a valid value of the filter “owner”" },
    { "client=0", "“0” is not a valid value of the filter “client”" },
    { "currency=YUAN", "“YUAN” is not a valid value of the filter “currency”" },
    { "expiring=-3", "“-3” is not a valid value of the filter “expiring”" },
    { "end=2026-02-30..", "“2026-02-30..” is not a valid value of the filter “end”" },
    { "start=2026-01-01", "“2026-01-01” is not a valid value of the filter “start”" },
    { "notice=..", "“..” is not a valid value of the filter “notice”" },
    { "type=%FF", "“%FF” is not a valid value of the filter “type”" },
    { "status", "“status” is not a filter: a filter is written “name=value”" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(SignetContractQuery) query = signet_contract_query_new_from_string (cases[i].text, &error);

      g_assert_null (query);
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
      g_assert_cmpstr (error->message, ==, cases[i].message);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/contract-query/empty", test_empty);
  ADD ("/contract-query/statuses", test_statuses);
  ADD ("/contract-query/fields", test_fields);
  ADD ("/contract-query/dates", test_dates);
  ADD ("/contract-query/filters", test_filters);
  ADD ("/contract-query/day-moves", test_day_moves);
#undef ADD
  g_test_add_func ("/contract-query/text-round-trip", test_text_round_trip);
  g_test_add_func ("/contract-query/text-refused", test_text_refused);

  return g_test_run ();
}
