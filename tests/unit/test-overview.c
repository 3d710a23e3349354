/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>

#include "signet-contract-process.h"
#include "signet-obligation.h"
#include "signet-original.h"
#include "signet-overview.h"
#include "signet-payment.h"
#include "signet-person.h"
#include "signet-store-events.h"
#include "signet-store-obligations.h"
#include "signet-store-originals.h"
#include "signet-store-payments.h"
#include "signet-store-process.h"
#include "signet-store-query.h"
#include "signet-store-people.h"
#include "signet-store-rates.h"
#include "store-fixture.h"
#include "unit-test-utils.h"

/* The overview's figures on a register made here, each number worked out
 * by hand below from the table of contracts (not by the overview's SQL):
 * statuses as shown on 2026-12-07, the ends within 30, 60 and 90 days,
 * this month's notice deadline, what is overdue or pending, the value
 * in force per currency and per client, the 24 months of signings and
 * ends, and the totals converted once exchange rates are set. */

#define TODAY "2026-12-07"

typedef struct
{
  const char           *number;
  int                   client;      /* 0 Acme, 1 Beta, 2 Gamma */
  SignetContractStatus  status;      /* as stored */
  const char           *signing;
  const char           *start;
  const char           *end;
  gboolean              auto_renew;
  guint                 notice_days;
  const char           *termination;
  gint64                value;       /* minor units */
  const char           *currency;
} Row;

static const Row rows[] = {
  /* 0: active, ends in 13 days */
  { "HT-01", 0, SIGNET_CONTRACT_STATUS_SIGNED, "2025-12-20", "2026-01-01", "2026-12-20", FALSE, 0, NULL, 10000000, "CNY" },
  /* 1: active, ends in 49 days */
  { "HT-02", 0, SIGNET_CONTRACT_STATUS_SIGNED, "2026-03-10", "2026-03-10", "2027-01-25", FALSE, 0, NULL, 5000000, "CNY" },
  /* 2: active, ends in 83 days */
  { "HT-03", 1, SIGNET_CONTRACT_STATUS_SIGNED, "2026-06-15", "2026-07-01", "2027-02-28", FALSE, 0, NULL, 2000000, "USD" },
  /* 3: active, signed before the 24 months; its yearly review of
   * 2026-01-01 was never recorded */
  { "HT-04", 1, SIGNET_CONTRACT_STATUS_SIGNED, "2024-11-05", "2025-01-01", "2028-01-01", FALSE, 0, NULL, 1000000, "EUR" },
  /* 4: expired at its end in October */
  { "HT-05", 2, SIGNET_CONTRACT_STATUS_SIGNED, "2025-10-01", "2025-11-01", "2026-10-31", FALSE, 0, NULL, 3000000, "CNY" },
  /* 5: terminated in May */
  { "HT-06", 2, SIGNET_CONTRACT_STATUS_TERMINATED, "2025-05-01", "2025-06-01", "2027-05-01", FALSE, 0, "2026-05-15", 4000000, "CNY" },
  /* 6: a draft ending within 30 days */
  { "HT-07", 0, SIGNET_CONTRACT_STATUS_DRAFT, NULL, NULL, "2026-12-31", FALSE, 0, NULL, 500000, "CNY" },
  /* 7: signed this month, starts next month */
  { "HT-08", 1, SIGNET_CONTRACT_STATUS_SIGNED, "2026-12-01", "2027-01-01", "2027-12-31", FALSE, 0, NULL, 500000, "USD" },
  /* 8: active, renews itself; notice by 2026-12-06 (2027-01-05 − 30 days) */
  { "HT-09", 0, SIGNET_CONTRACT_STATUS_SIGNED, "2025-12-01", "2026-01-06", "2027-01-05", TRUE, 30, NULL, 20000000, "CNY" },
  /* 9: renewed, ended in November */
  { "HT-10", 2, SIGNET_CONTRACT_STATUS_RENEWED, "2025-11-15", "2025-12-01", "2026-11-30", FALSE, 0, NULL, 6000000, "CNY" },
  /* 10: active, ends next June */
  { "HT-11", 2, SIGNET_CONTRACT_STATUS_SIGNED, "2026-01-20", "2026-02-01", "2027-06-30", FALSE, 0, NULL, 8000000, "CNY" },
};

typedef struct
{
  StoreFixture  f;
  SignetClient *clients[3];
  gint64        ids[G_N_ELEMENTS (rows)];
} Register;

static gint64
add_person (SignetStore *store,
            const char  *name)
{
  g_autoptr(SignetPerson) person = signet_person_new ();
  g_autoptr(GError) error = NULL;

  signet_person_set_name (person, name);
  g_assert_true (signet_store_add_person (store, person, &error));
  g_assert_no_error (error);

  return signet_person_get_id (person);
}

static void
add_payment (Register   *r,
             guint       row,
             gint64      amount,
             const char *due)
{
  g_autoptr(SignetPayment) payment = signet_payment_new (r->ids[row]);
  g_autoptr(GError) error = NULL;

  payment->title = g_strdup ("进度款");
  payment->amount = amount;
  payment->currency = amount > 0 ? g_strdup ("CNY") : NULL;
  payment->due_date = g_strdup (due);
  g_assert_true (signet_store_add_payment (r->f.store, payment, &error));
  g_assert_no_error (error);
}

static void
add_obligation (Register   *r,
                guint       row,
                const char *due)
{
  g_autoptr(SignetObligation) obligation = signet_obligation_new (r->ids[row]);
  g_autoptr(GError) error = NULL;

  obligation->title = g_strdup ("提交季度报告");
  obligation->due_date = g_strdup (due);
  g_assert_true (signet_store_add_obligation (r->f.store, obligation, &error));
  g_assert_no_error (error);
}

static void
lend_original (Register   *r,
               guint       row,
               gint64      borrower,
               const char *lent_on,
               const char *due_on)
{
  g_autoptr(SignetOriginal) original = signet_original_new (r->ids[row]);
  g_autoptr(SignetLoan) loan = signet_loan_new (r->ids[row]);
  g_autoptr(GError) error = NULL;

  original->archive_number = g_strdup_printf ("DA-%s", rows[row].number);
  g_assert_true (signet_store_save_original (r->f.store, original, &error));
  g_assert_no_error (error);

  loan->borrower_id = borrower;
  loan->purpose = g_strdup ("诉讼取证");
  loan->lent_on = g_strdup (lent_on);
  loan->due_on = g_strdup (due_on);
  g_assert_true (signet_store_add_loan (r->f.store, loan, &error));
  g_assert_no_error (error);
}

static void
register_open (Register *r)
{
  g_autoptr(GError) error = NULL;
  gint64 borrower;

  store_fixture_open (&r->f, TODAY);
  r->clients[0] = g_object_ref (r->f.client);
  r->clients[1] = unit_add_client (r->f.store, "北京贝塔科技有限公司", "BETA");
  r->clients[2] = unit_add_client (r->f.store, "Gamma GmbH", "GAMMA");

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      const Row *row = &rows[i];
      g_autoptr(SignetContract) contract = unit_add_contract (r->f.store, r->clients[row->client],
                                                              row->number, row->number);

      /* A termination is a step of the process, from signed. */
      signet_contract_set_status (contract, row->termination != NULL ? SIGNET_CONTRACT_STATUS_SIGNED : row->status);
      signet_contract_set_signing_date (contract, row->signing);
      signet_contract_set_start_date (contract, row->start);
      signet_contract_set_end_date (contract, row->end);
      signet_contract_set_auto_renew (contract, row->auto_renew);
      signet_contract_set_notice_days (contract, row->notice_days);
      signet_contract_set_value (contract, row->value);
      signet_contract_set_currency (contract, row->currency);
      signet_contract_set_risk_level (contract, SIGNET_RISK_LEVEL_LOW);
      g_assert_true (signet_store_update_contract (r->f.store, contract, &error));
      g_assert_no_error (error);
      r->ids[i] = signet_contract_get_id (contract);

      if (row->termination != NULL)
        {
          SignetProcessStep step = {
            .action = SIGNET_PROCESS_ACTION_TERMINATE,
            .comment = (char *) "违约",
            .termination_reason = (char *) signet_termination_reasons ()[0],
            .effective_date = (char *) row->termination,
          };

          g_assert_true (signet_store_take_process_step (r->f.store, r->ids[i],
                                                         signet_contract_get_version (contract), &step, &error));
          g_assert_no_error (error);
        }
    }

  /* HT-01: an amount never filled in, due last week; HT-02: two unpaid
   * payments due before today (one contract); HT-03: due later. */
  add_payment (r, 0, 0, "2026-12-01");
  add_payment (r, 1, 1000000, "2026-11-30");
  add_payment (r, 1, 1000000, "2026-12-02");
  add_payment (r, 2, 1000000, "2026-12-20");
  /* HT-03's report was due on the first; HT-01's is due on the tenth. */
  add_obligation (r, 2, "2026-12-01");
  add_obligation (r, 0, "2026-12-10");
  /* HT-04's original is out past its due date, HT-11's not yet. */
  borrower = add_person (r->f.store, "王芳");
  lend_original (r, 3, borrower, "2026-11-01", "2026-11-15");
  lend_original (r, 10, borrower, "2026-12-01", "2026-12-15");
  /* The draft HT-07 waits for its first approver. */
  unit_exec_raw (r->f.path,
                 "INSERT INTO approval_steps (contract_id, round, position, name, due_days, due_date, state) "
                 "SELECT id, 1, 0, '法务', 3, '2026-12-10', 'pending' FROM contracts WHERE number = 'HT-07'");
}

static void
register_close (Register *r)
{
  for (guint i = 0; i < G_N_ELEMENTS (r->clients); i++)
    g_clear_object (&r->clients[i]);
  store_fixture_close (&r->f);
}

static SignetOverview *
compute (Register *r)
{
  g_autoptr(GError) error = NULL;
  SignetOverview *overview = signet_store_compute_overview (r->f.store, 5, &error);

  g_assert_no_error (error);
  g_assert_nonnull (overview);

  return overview;
}

static void
test_counts (void)
{
  Register r = { 0 };
  g_autoptr(SignetOverview) overview = NULL;
  /* By hand from the rows, as shown on 2026-12-07. */
  static const guint statuses[SIGNET_N_CONTRACT_STATUSES] = {
    [SIGNET_CONTRACT_STATUS_DRAFT] = 1,       /* HT-07 */
    [SIGNET_CONTRACT_STATUS_SIGNED] = 1,      /* HT-08 */
    [SIGNET_CONTRACT_STATUS_ACTIVE] = 6,      /* HT-01 02 03 04 09 11 */
    [SIGNET_CONTRACT_STATUS_EXPIRED] = 1,     /* HT-05 */
    [SIGNET_CONTRACT_STATUS_RENEWED] = 1,     /* HT-10 */
    [SIGNET_CONTRACT_STATUS_TERMINATED] = 1,  /* HT-06 */
  };
  static const guint counts[SIGNET_N_OVERVIEW_COUNTS] = {
    [SIGNET_OVERVIEW_EXPIRING_30] = 3,          /* HT-01 (12-20), HT-07 (12-31), HT-09 (01-05) */
    [SIGNET_OVERVIEW_EXPIRING_60] = 4,          /* and HT-02 (01-25) */
    [SIGNET_OVERVIEW_EXPIRING_90] = 5,          /* and HT-03 (02-28) */
    [SIGNET_OVERVIEW_NOTICE_THIS_MONTH] = 1,    /* HT-09, 12-06 */
    [SIGNET_OVERVIEW_OVERDUE_REVIEWS] = 1,      /* HT-04, 2026-01-01 */
    [SIGNET_OVERVIEW_OVERDUE_PAYMENTS] = 2,     /* HT-01, HT-02 (twice) */
    [SIGNET_OVERVIEW_OVERDUE_OBLIGATIONS] = 1,  /* HT-03 */
    [SIGNET_OVERVIEW_OVERDUE_LOANS] = 1,        /* HT-04 */
    [SIGNET_OVERVIEW_PENDING_APPROVALS] = 1,    /* HT-07 */
  };

  register_open (&r);
  overview = compute (&r);

  g_assert_cmpstr (signet_overview_get_today (overview), ==, TODAY);
  g_assert_cmpuint (signet_overview_get_n_contracts (overview), ==, G_N_ELEMENTS (rows));
  for (SignetContractStatus status = 0; status < SIGNET_N_CONTRACT_STATUSES; status++)
    {
      g_test_message ("status %s", signet_contract_status_to_token (status));
      g_assert_cmpuint (signet_overview_get_status_count (overview, status), ==, statuses[status]);
    }
  for (SignetOverviewCount count = 0; count < SIGNET_N_OVERVIEW_COUNTS; count++)
    {
      g_test_message ("%s", signet_overview_count_get_label (count));
      g_assert_cmpuint (signet_overview_get_count (overview, count), ==, counts[count]);
    }

  register_close (&r);
}

/* Months from 2025-01 (0) to 2026-12 (23): a signing in 2024 is before
 * them; the ends are those of contracts shown as ended. */
static void
test_months (void)
{
  Register r = { 0 };
  g_autoptr(SignetOverview) overview = NULL;
  static const struct { const char *month; guint n_signed; guint n_ended; } expected[] = {
    { "2025-05", 1, 0 },   /* HT-06 signed */
    { "2025-10", 1, 0 },   /* HT-05 */
    { "2025-11", 1, 0 },   /* HT-10 */
    { "2025-12", 2, 0 },   /* HT-01, HT-09 */
    { "2026-01", 1, 0 },   /* HT-11 */
    { "2026-03", 1, 0 },   /* HT-02 */
    { "2026-05", 0, 1 },   /* HT-06 terminated on the 15th */
    { "2026-06", 1, 0 },   /* HT-03 */
    { "2026-10", 0, 1 },   /* HT-05 expired */
    { "2026-11", 0, 1 },   /* HT-10 renewed */
    { "2026-12", 1, 0 },   /* HT-08 */
  };
  guint n_signed = 0;

  register_open (&r);
  overview = compute (&r);

  g_assert_cmpstr (signet_overview_get_month (overview, 0)->month, ==, "2025-01");
  g_assert_cmpstr (signet_overview_get_month (overview, SIGNET_OVERVIEW_N_MONTHS - 1)->month, ==, "2026-12");

  for (guint i = 0; i < SIGNET_OVERVIEW_N_MONTHS; i++)
    {
      const SignetOverviewMonth *month = signet_overview_get_month (overview, i);
      guint want_signed = 0;
      guint want_ended = 0;

      for (guint j = 0; j < G_N_ELEMENTS (expected); j++)
        if (g_str_equal (expected[j].month, month->month))
          {
            want_signed = expected[j].n_signed;
            want_ended = expected[j].n_ended;
          }
      g_test_message ("month %s", month->month);
      g_assert_cmpuint (month->n_signed, ==, want_signed);
      g_assert_cmpuint (month->n_ended, ==, want_ended);
      n_signed += month->n_signed;
    }
  /* Every contract with a signing date but HT-04 (2024). */
  g_assert_cmpuint (n_signed, ==, 9);

  register_close (&r);
}

static void
assert_value (const SignetOverviewValue *value,
              const char                *currency,
              gint64                     amount,
              guint                      n_contracts,
              const char                *client_name)
{
  g_assert_cmpstr (value->currency, ==, currency);
  g_assert_cmpint (value->amount, ==, amount);
  g_assert_cmpuint (value->n_contracts, ==, n_contracts);
  g_assert_cmpstr (value->client_name, ==, client_name);
}

static guint changed_rates;

static void
rates_changed_cb (SignetStore      *store,
                  SignetRecordKind  kind,
                  gint64            id,
                  SignetChangeKind  change,
                  gpointer          user_data)
{
  g_assert_cmpint (kind, ==, SIGNET_RECORD_EXCHANGE_RATE);
  changed_rates++;
}

/* The values in force of the active contracts, per currency and never
 * added across them; per client within each currency; in one currency
 * only when every currency has a rate to it, saying which rates. */
static void
test_values_and_rates (void)
{
  Register r = { 0 };
  g_autoptr(SignetOverview) overview = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rates = NULL;
  g_autoptr(GPtrArray) audit = NULL;
  g_autofree char *described = NULL;
  const SignetOverviewConverted *total;
  const SignetOverviewConverted *client;

  register_open (&r);
  overview = compute (&r);

  /* CNY: HT-01 100,000 + HT-02 50,000 + HT-09 200,000 + HT-11 80,000. */
  g_assert_cmpuint (signet_overview_get_n_values (overview), ==, 3);
  assert_value (signet_overview_get_value (overview, 0), "CNY", 43000000, 4, NULL);
  assert_value (signet_overview_get_value (overview, 1), "USD", 2000000, 1, NULL);
  assert_value (signet_overview_get_value (overview, 2), "EUR", 1000000, 1, NULL);

  g_assert_cmpuint (signet_overview_get_n_top_clients (overview), ==, 4);
  assert_value (signet_overview_get_top_client (overview, 0), "CNY", 35000000, 3, "Acme");
  assert_value (signet_overview_get_top_client (overview, 1), "CNY", 8000000, 1, "Gamma GmbH");
  assert_value (signet_overview_get_top_client (overview, 2), "USD", 2000000, 1, "北京贝塔科技有限公司");
  assert_value (signet_overview_get_top_client (overview, 3), "EUR", 1000000, 1, "北京贝塔科技有限公司");

  g_assert_null (signet_overview_get_converted_total (overview));
  g_assert_cmpuint (signet_overview_get_n_converted_clients (overview), ==, 0);
  g_assert_null (signet_overview_describe_rates (overview));

  g_signal_connect (r.f.store, "changed::" SIGNET_STORE_CHANGED_EXCHANGE_RATES,
                    G_CALLBACK (rates_changed_cb), NULL);
  changed_rates = 0;

  /* Refused: a rate of a currency in itself, not above zero, a bad code. */
  g_assert_false (signet_store_set_exchange_rate (r.f.store, "CNY", "CNY", 1000000, &error));
  g_assert_error (error, SIGNET_FIELD_ERROR, SIGNET_FIELD_EXCHANGE_RATE);
  g_clear_error (&error);
  g_assert_false (signet_store_set_exchange_rate (r.f.store, "USD", "CNY", 0, &error));
  g_assert_error (error, SIGNET_FIELD_ERROR, SIGNET_FIELD_EXCHANGE_RATE);
  g_clear_error (&error);
  g_assert_false (signet_store_set_exchange_rate (r.f.store, "XX", "CNY", 1000000, &error));
  g_assert_error (error, SIGNET_FIELD_ERROR, SIGNET_FIELD_EXCHANGE_RATE);
  g_clear_error (&error);
  g_assert_cmpuint (changed_rates, ==, 0);

  /* One rate is not enough: EUR still has none. */
  g_assert_true (signet_store_set_exchange_rate (r.f.store, "USD", "CNY", 7000000, &error));
  g_assert_no_error (error);
  g_clear_object (&overview);
  overview = compute (&r);
  g_assert_null (signet_overview_get_converted_total (overview));

  /* Set again, the rate replaces the one before. */
  g_assert_true (signet_store_set_exchange_rate (r.f.store, "USD", "CNY", 7100000, &error));
  g_assert_true (signet_store_set_exchange_rate (r.f.store, "EUR", "CNY", 7800000, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (changed_rates, ==, 3);

  rates = signet_store_list_exchange_rates (r.f.store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rates->len, ==, 2);
  g_assert_cmpstr (((SignetExchangeRate *) rates->pdata[0])->currency, ==, "EUR");
  g_assert_cmpint (((SignetExchangeRate *) rates->pdata[1])->rate_millionths, ==, 7100000);
  g_assert_cmpstr (((SignetExchangeRate *) rates->pdata[1])->set_at, ==, TODAY);

  g_clear_object (&overview);
  overview = compute (&r);
  /* 430,000 + 20,000 × 7.10 + 10,000 × 7.80 = 650,000.00 CNY. */
  total = signet_overview_get_converted_total (overview);
  g_assert_nonnull (total);
  g_assert_cmpstr (total->base, ==, "CNY");
  g_assert_cmpint (total->amount, ==, 65000000);
  g_assert_cmpuint (total->n_contracts, ==, 6);
  /* Acme 350,000; Beta 142,000 + 78,000; Gamma 80,000. */
  g_assert_cmpuint (signet_overview_get_n_converted_clients (overview), ==, 3);
  client = signet_overview_get_converted_client (overview, 0);
  g_assert_cmpstr (client->client_name, ==, "Acme");
  g_assert_cmpint (client->amount, ==, 35000000);
  client = signet_overview_get_converted_client (overview, 1);
  g_assert_cmpstr (client->client_name, ==, "北京贝塔科技有限公司");
  g_assert_cmpint (client->amount, ==, 22000000);
  g_assert_cmpuint (client->n_contracts, ==, 2);
  client = signet_overview_get_converted_client (overview, 2);
  g_assert_cmpstr (client->client_name, ==, "Gamma GmbH");
  g_assert_cmpint (client->amount, ==, 8000000);
  /* Per currency, the values stay as they were. */
  assert_value (signet_overview_get_value (overview, 1), "USD", 2000000, 1, NULL);

  described = signet_overview_describe_rates (overview);
  /* In the order of the values they convert. */
  g_assert_cmpstr (described, ==, "1 USD = 7.10 CNY, 1 EUR = 7.80 CNY, set " TODAY);

  /* The History of the rates: set, changed, set, removed. */
  g_assert_true (signet_store_remove_exchange_rate (r.f.store, "EUR", "CNY", &error));
  g_assert_no_error (error);
  g_assert_false (signet_store_remove_exchange_rate (r.f.store, "EUR", "CNY", &error));
  g_assert_error (error, SIGNET_STORE_ERROR, SIGNET_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpuint (changed_rates, ==, 4);
  audit = signet_store_list_audit (r.f.store, SIGNET_RECORD_EXCHANGE_RATE, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (audit->len, ==, 4);
  g_assert_cmpint (((SignetAuditEntry *) audit->pdata[0])->action, ==, SIGNET_AUDIT_ACTION_REMOVE_EXCHANGE_RATE);
  g_assert_cmpstr (((SignetAuditEntry *) audit->pdata[0])->record_label, ==, "EUR/CNY");
  g_assert_cmpint (((SignetAuditEntry *) audit->pdata[2])->action, ==, SIGNET_AUDIT_ACTION_SET_EXCHANGE_RATE);
  {
    const SignetAuditEntry *changed = audit->pdata[2];
    const SignetAuditChange *change;

    g_assert_cmpuint (changed->changes->len, ==, 1);
    change = changed->changes->pdata[0];
    g_assert_cmpstr (change->old_value, ==, "1 USD = 7.0 CNY");
    g_assert_cmpstr (change->new_value, ==, "1 USD = 7.1 CNY");
  }

  g_clear_object (&overview);
  overview = compute (&r);
  g_assert_null (signet_overview_get_converted_total (overview));

  register_close (&r);
}

/* What each number opens: the query of a count is of exactly its kind. */
static void
test_queries (void)
{
  Register r = { 0 };
  g_autoptr(SignetOverview) overview = NULL;
  g_autoptr(SignetContractQuery) query = NULL;
  const char *from;
  const char *to;
  guint n;

  register_open (&r);
  overview = compute (&r);

  query = signet_overview_dup_count_query (overview, SIGNET_OVERVIEW_EXPIRING_60);
  g_assert_cmpint (signet_contract_query_get_expiring_within (query), ==, 60);
  g_clear_pointer (&query, signet_contract_query_free);

  query = signet_overview_dup_count_query (overview, SIGNET_OVERVIEW_OVERDUE_LOANS);
  g_assert_cmpint (signet_contract_query_get_filters (query), ==, SIGNET_CONTRACT_FILTER_OVERDUE_LOANS);
  g_clear_pointer (&query, signet_contract_query_free);

  query = signet_overview_dup_count_query (overview, SIGNET_OVERVIEW_NOTICE_THIS_MONTH);
  signet_contract_query_get_date_range (query, SIGNET_QUERY_DATE_NOTICE, &from, &to);
  g_assert_cmpstr (from, ==, "2026-12-01");
  g_assert_cmpstr (to, ==, "2026-12-31");
  g_clear_pointer (&query, signet_contract_query_free);

  query = signet_overview_dup_ended_query (overview, 1);
  signet_contract_query_get_date_range (query, SIGNET_QUERY_DATE_ENDED, &from, &to);
  g_assert_cmpstr (from, ==, "2025-02-01");
  g_assert_cmpstr (to, ==, "2025-02-28");
  g_clear_pointer (&query, signet_contract_query_free);

  query = signet_overview_dup_top_client_query (overview, 2);
  g_assert_cmpstr (signet_contract_query_get_currencies (query)[0], ==, "USD");
  g_assert_cmpint (signet_contract_query_get_clients (query, &n)[0], ==, signet_client_get_id (r.clients[1]));
  g_assert_cmpuint (n, ==, 1);
  g_assert_cmpuint (signet_contract_query_get_statuses (query), ==, 1u << SIGNET_CONTRACT_STATUS_ACTIVE);

  register_close (&r);
}

/* The length of the list @query gives (the list's SQL, signet-store-query.c). */
static guint
n_listed (Register                  *r,
          const SignetContractQuery *query)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = signet_store_select_contract_ids (r->f.store, query, &error);

  g_assert_no_error (error);
  g_assert_nonnull (ids);

  return ids->len;
}

/* Every number opens the list of exactly its contracts: the list its
 * query gives is as long as the number, for each figure, today and once
 * the day has moved on. */
static void
test_numbers_match_lists (void)
{
  Register r = { 0 };
  g_autoptr(SignetOverview) overview = NULL;
  static const char * const days[] = { TODAY, "2027-01-20" };

  register_open (&r);

  for (guint d = 0; d < G_N_ELEMENTS (days); d++)
    {
      signet_store_set_today (r.f.store, days[d]);
      g_clear_object (&overview);
      overview = compute (&r);

      for (SignetContractStatus status = 0; status < SIGNET_N_CONTRACT_STATUSES; status++)
        {
          g_autoptr(SignetContractQuery) query = signet_overview_dup_status_query (overview, status);

          g_test_message ("%s: status %s", days[d], signet_contract_status_to_token (status));
          g_assert_cmpuint (n_listed (&r, query), ==, signet_overview_get_status_count (overview, status));
        }
      for (SignetOverviewCount count = 0; count < SIGNET_N_OVERVIEW_COUNTS; count++)
        {
          g_autoptr(SignetContractQuery) query = signet_overview_dup_count_query (overview, count);

          g_test_message ("%s: %s", days[d], signet_overview_count_get_label (count));
          g_assert_cmpuint (n_listed (&r, query), ==, signet_overview_get_count (overview, count));
        }
      for (guint i = 0; i < signet_overview_get_n_values (overview); i++)
        {
          g_autoptr(SignetContractQuery) query = signet_overview_dup_value_query (overview, i);

          g_assert_cmpuint (n_listed (&r, query), ==, signet_overview_get_value (overview, i)->n_contracts);
        }
      for (guint i = 0; i < signet_overview_get_n_top_clients (overview); i++)
        {
          g_autoptr(SignetContractQuery) query = signet_overview_dup_top_client_query (overview, i);

          g_assert_cmpuint (n_listed (&r, query), ==, signet_overview_get_top_client (overview, i)->n_contracts);
        }
      for (guint i = 0; i < SIGNET_OVERVIEW_N_MONTHS; i++)
        {
          g_autoptr(SignetContractQuery) signed_query = signet_overview_dup_signed_query (overview, i);
          g_autoptr(SignetContractQuery) ended_query = signet_overview_dup_ended_query (overview, i);

          g_test_message ("%s: month %s", days[d], signet_overview_get_month (overview, i)->month);
          g_assert_cmpuint (n_listed (&r, signed_query), ==, signet_overview_get_month (overview, i)->n_signed);
          g_assert_cmpuint (n_listed (&r, ended_query), ==, signet_overview_get_month (overview, i)->n_ended);
        }
    }

  /* On 2027-01-20: HT-01 expired at its end, HT-09 renewed itself (its
   * next notice deadline is in December), HT-02 ends in 5 days. */
  g_assert_cmpuint (signet_overview_get_status_count (overview, SIGNET_CONTRACT_STATUS_EXPIRED), ==, 2);
  g_assert_cmpuint (signet_overview_get_count (overview, SIGNET_OVERVIEW_EXPIRING_30), ==, 1);
  g_assert_cmpuint (signet_overview_get_count (overview, SIGNET_OVERVIEW_NOTICE_THIS_MONTH), ==, 0);

  register_close (&r);
}

/* An empty register: every figure zero, no value, no months counted. */
static void
test_empty (void)
{
  StoreFixture f;
  g_autoptr(SignetOverview) overview = NULL;
  g_autoptr(GError) error = NULL;

  store_fixture_open (&f, TODAY);
  overview = signet_store_compute_overview (f.store, 5, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (signet_overview_get_n_contracts (overview), ==, 0);
  g_assert_cmpuint (signet_overview_get_n_values (overview), ==, 0);
  g_assert_cmpuint (signet_overview_get_n_top_clients (overview), ==, 0);
  for (SignetOverviewCount count = 0; count < SIGNET_N_OVERVIEW_COUNTS; count++)
    g_assert_cmpuint (signet_overview_get_count (overview, count), ==, 0);
  store_fixture_close (&f);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/overview/counts", test_counts);
  g_test_add_func ("/overview/months", test_months);
  g_test_add_func ("/overview/values-and-rates", test_values_and_rates);
  g_test_add_func ("/overview/queries", test_queries);
  g_test_add_func ("/overview/empty", test_empty);
  g_test_add_func ("/overview/numbers-match-lists", test_numbers_match_lists);

  return g_test_run ();
}
