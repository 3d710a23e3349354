/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <locale.h>

#include "signet-contract-process.h"
#include "signet-money.h"
#include "signet-scorecard.h"
#include "signet-store-events.h"
#include "signet-store-obligations.h"
#include "signet-store-payments.h"
#include "signet-store-process.h"
#include "signet-store-query.h"
#include "signet-store-renewals.h"
#include "signet-store-review-findings.h"
#include "signet-store-risks.h"
#include "store-fixture.h"

/* Scorecards against a register built here, every figure worked out by
 * hand below. Today is 15 June 2026; the period is 2026 unless a test
 * says otherwise.
 *
 * Acme (the fixture's client):
 *   HT-A  Sales, signed 2026-01-10, ¥1,000,000.00, 2026-01-10..2026-12-31
 *   HT-B  Sales, signed 2026-03-01, $50,000.00, 2026-03-01..2027-02-28
 *   HT-C  Sales, signed 2025-12-31 (the day before the period), ¥200,000.00,
 *         terminated with effect from 2026-02-28
 *   HT-D  Legal, signed 2026-12-31 (the period's last day), ¥300,000.00
 *   HT-E  Sales, signed 2024-01-01, ended 2026-05-31, renewed (its
 *         successor a draft without a signing date)
 * Beta:
 *   HT-G  Legal, signed 2026-02-01, ¥500,000.00
 *   HT-H  Legal, signed 2025-04-01, auto-renewing, its term ended
 *         2026-03-31: renewed tacitly once in the period
 */

#define TODAY "2026-06-15"

typedef struct
{
  StoreFixture base;
  gint64       beta;
  gint64       a, b, c, d, e, g, h;
} Fixture;

static gint64
add_contract (Fixture    *f,
              gint64      client_id,
              const char *number,
              const char *department,
              const char *signing,
              const char *start,
              const char *end,
              gint64      value,
              const char *currency)
{
  g_autoptr(SignetContract) contract = signet_contract_new ();
  g_autoptr(GError) error = NULL;

  signet_contract_set_number (contract, number);
  signet_contract_set_title (contract, "物业服务");
  signet_contract_set_client_id (contract, client_id);
  signet_contract_set_department (contract, department);
  signet_contract_set_status (contract, SIGNET_CONTRACT_STATUS_SIGNED);
  signet_contract_set_signing_date (contract, signing);
  signet_contract_set_start_date (contract, start);
  signet_contract_set_end_date (contract, end);
  signet_contract_set_value (contract, value);
  signet_contract_set_currency (contract, currency);
  g_assert_true (signet_store_add_contract (f->base.store, contract, &error));
  g_assert_no_error (error);

  return signet_contract_get_id (contract);
}

static gint64
add_payment (Fixture                *f,
             gint64                  contract_id,
             SignetPaymentDirection  direction,
             gint64                  amount,
             const char             *currency,
             const char             *due)
{
  g_autoptr(SignetPayment) payment = signet_payment_new (contract_id);
  g_autoptr(GError) error = NULL;

  payment->direction = direction;
  payment->title = g_strdup ("分期款");
  payment->amount = amount;
  payment->currency = g_strdup (currency);
  payment->due_date = g_strdup (due);
  g_assert_true (signet_store_add_payment (f->base.store, payment, &error));
  g_assert_no_error (error);

  return payment->id;
}

static void
pay (Fixture    *f,
     gint64      payment_id,
     gint64      amount,
     const char *date)
{
  g_autoptr(SignetPaymentSettlement) settlement = signet_payment_settlement_new (payment_id);
  g_autoptr(GError) error = NULL;

  settlement->date = g_strdup (date);
  settlement->amount = amount;
  g_assert_true (signet_store_add_payment_settlement (f->base.store, settlement, &error));
  g_assert_no_error (error);
}

static gint64
add_obligation (Fixture               *f,
                gint64                 contract_id,
                SignetObligationParty  party,
                const char            *first_due,
                SignetRecurrence       recurrence,
                const char            *until)
{
  g_autoptr(SignetObligation) obligation = signet_obligation_new (contract_id);
  g_autoptr(GError) error = NULL;

  obligation->party = party;
  obligation->title = g_strdup ("提交服务报告");
  obligation->due_date = g_strdup (first_due);
  obligation->recurrence = recurrence;
  obligation->until_date = g_strdup (until);
  g_assert_true (signet_store_add_obligation (f->base.store, obligation, &error));
  g_assert_no_error (error);

  return obligation->id;
}

static void
add_risk (Fixture          *f,
          gint64            contract_id,
          SignetRiskStatus  status)
{
  g_autoptr(SignetRisk) risk = signet_risk_new (contract_id);
  g_autoptr(GError) error = NULL;

  risk->category = SIGNET_RISK_CATEGORY_FINANCIAL;
  risk->description = g_strdup ("回款风险");
  risk->likelihood = 3;
  risk->impact = 3;
  risk->status = status;
  g_assert_true (signet_store_add_risk (f->base.store, risk, &error));
  g_assert_no_error (error);
}

/* A review of @contract_id with @n_actions follow-up actions, the first
 * @n_done of them done. */
static void
add_review (Fixture *f,
            gint64   contract_id,
            guint    n_actions,
            guint    n_done)
{
  g_autoptr(SignetReviewReport) report = signet_review_report_new (contract_id, "2026-05-01");
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < n_actions; i++)
    g_ptr_array_add (report->actions, signet_review_action_new ("补充授权书", 0, "2026-07-01"));
  g_assert_true (signet_store_record_review_report (f->base.store, report, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < n_done; i++)
    {
      SignetReviewAction *action = g_ptr_array_index (report->actions, i);

      g_assert_true (signet_store_set_review_action_done (f->base.store, action->id, "2026-05-20", &error));
      g_assert_no_error (error);
    }
}

static void
terminate (Fixture    *f,
           gint64      contract_id,
           const char *effective)
{
  g_autoptr(SignetContract) contract = signet_store_get_contract (f->base.store, contract_id, NULL);
  SignetProcessStep step = { SIGNET_PROCESS_ACTION_TERMINATE };
  g_autoptr(GError) error = NULL;

  step.termination_reason = (char *) "mutual";
  step.comment = (char *) "双方协商提前终止";
  step.effective_date = (char *) effective;
  g_assert_true (signet_store_take_process_step (f->base.store, contract_id,
                                                 signet_contract_get_version (contract), &step, &error));
  g_assert_no_error (error);
}

static void
renew (Fixture *f,
       gint64   contract_id)
{
  g_autoptr(SignetContract) contract = signet_store_get_contract (f->base.store, contract_id, NULL);
  g_autoptr(SignetContract) successor = NULL;
  g_autoptr(GError) error = NULL;

  successor = signet_store_propose_renewal (f->base.store, contract_id, "XQ-{NNNN}", &error);
  g_assert_no_error (error);
  g_assert_true (signet_store_renew_contract (f->base.store, contract_id, signet_contract_get_version (contract),
                                              successor, NULL, NULL, &error));
  g_assert_no_error (error);
}

static void
mark_done (Fixture    *f,
           gint64      obligation_id,
           const char *due,
           const char *done)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (signet_store_mark_occurrence_done (f->base.store, obligation_id, due, done, &error));
  g_assert_no_error (error);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(SignetClient) beta = signet_client_new ();
  g_autoptr(SignetContract) h = NULL;
  g_autoptr(GError) error = NULL;
  gint64 acme, p, o;

  store_fixture_open (&f->base, TODAY);
  acme = signet_client_get_id (f->base.client);
  signet_client_set_name (beta, "Beta 贝塔");
  signet_client_set_code (beta, "BETA");
  g_assert_true (signet_store_add_client (f->base.store, beta, &error));
  g_assert_no_error (error);
  f->beta = signet_client_get_id (beta);

  f->a = add_contract (f, acme, "HT-A", "Sales", "2026-01-10", "2026-01-10", "2026-12-31", 100000000, "CNY");
  f->b = add_contract (f, acme, "HT-B", "Sales", "2026-03-01", "2026-03-01", "2027-02-28", 5000000, "USD");
  f->c = add_contract (f, acme, "HT-C", "Sales", "2025-12-31", "2026-01-01", "2026-12-31", 20000000, "CNY");
  f->d = add_contract (f, acme, "HT-D", "Legal", "2026-12-31", "2027-01-01", "2027-12-31", 30000000, "CNY");
  f->e = add_contract (f, acme, "HT-E", "Sales", "2024-01-01", "2024-06-01", "2026-05-31", 10000000, "CNY");
  f->g = add_contract (f, f->beta, "HT-G", "Legal", "2026-02-01", "2026-02-01", "2027-01-31", 50000000, "CNY");
  f->h = add_contract (f, f->beta, "HT-H", "Legal", "2025-04-01", "2025-04-01", "2026-03-31", 1000000, "CNY");

  /* HT-H renews itself at its end: the store records it as it sees the
   * day pass the end, here from 1 March to today. */
  signet_store_set_today (f->base.store, "2026-03-01");
  g_assert_true (signet_store_update_events (f->base.store, &error));
  g_assert_no_error (error);
  h = signet_store_get_contract (f->base.store, f->h, NULL);
  signet_contract_set_auto_renew (h, TRUE);
  g_assert_true (signet_store_update_contract (f->base.store, h, &error));
  g_assert_no_error (error);
  signet_store_set_today (f->base.store, TODAY);
  g_assert_true (signet_store_update_events (f->base.store, &error));
  g_assert_no_error (error);

  /* Receivables of HT-A, ¥10,000.00 each. */
  p = add_payment (f, f->a, SIGNET_PAYMENT_RECEIVABLE, 1000000, "CNY", "2026-02-01");
  pay (f, p, 1000000, "2026-01-30");                       /* on time, early */
  p = add_payment (f, f->a, SIGNET_PAYMENT_RECEIVABLE, 1000000, "CNY", "2026-03-01");
  pay (f, p, 500000, "2026-02-25");
  pay (f, p, 500000, "2026-03-01");                        /* on time: in full on the day */
  p = add_payment (f, f->a, SIGNET_PAYMENT_RECEIVABLE, 1000000, "CNY", "2026-04-01");
  pay (f, p, 1000000, "2026-04-11");                       /* 10 days late */
  p = add_payment (f, f->a, SIGNET_PAYMENT_RECEIVABLE, 1000000, "CNY", "2026-05-01");
  pay (f, p, 400000, "2026-04-20");                        /* overdue 45 days today */
  add_payment (f, f->a, SIGNET_PAYMENT_RECEIVABLE, 1000000, "CNY", TODAY);  /* not yet due */
  add_payment (f, f->a, SIGNET_PAYMENT_RECEIVABLE, 1000000, "CNY", "2025-12-31"); /* before the period */
  add_payment (f, f->a, SIGNET_PAYMENT_RECEIVABLE, 0, NULL, "2026-07-01");  /* no amount */
  /* A payable of HT-B, paid 2 days late. */
  p = add_payment (f, f->b, SIGNET_PAYMENT_PAYABLE, 100000, "USD", "2026-03-10");
  pay (f, p, 100000, "2026-03-12");

  /* Ours, monthly on HT-A from 31 January to 30 June. */
  o = add_obligation (f, f->a, SIGNET_OBLIGATION_PARTY_US, "2026-01-31", SIGNET_RECURRENCE_MONTHLY, "2026-06-30");
  mark_done (f, o, "2026-01-31", "2026-01-31");            /* on time */
  mark_done (f, o, "2026-02-28", "2026-03-02");            /* late */
  g_assert_true (signet_store_waive_occurrence (f->base.store, o, "2026-03-31", "免除", &error));
  g_assert_no_error (error);
  /* 30 April open: overdue */
  mark_done (f, o, "2026-05-31", "2026-05-30");            /* on time */
  /* 30 June open: not yet due */
  /* The client's, once, before the period: not counted. */
  add_obligation (f, f->a, SIGNET_OBLIGATION_PARTY_CLIENT, "2025-12-15", SIGNET_RECURRENCE_NONE, NULL);
  /* The client's, quarterly on HT-C from 15 January: 15 April is after
   * its termination, so only 15 January, open and overdue. */
  add_obligation (f, f->c, SIGNET_OBLIGATION_PARTY_CLIENT, "2026-01-15", SIGNET_RECURRENCE_QUARTERLY, NULL);

  add_risk (f, f->a, SIGNET_RISK_STATUS_OPEN);
  add_risk (f, f->a, SIGNET_RISK_STATUS_OPEN);
  add_risk (f, f->a, SIGNET_RISK_STATUS_CLOSED);
  add_risk (f, f->b, SIGNET_RISK_STATUS_MITIGATED);
  add_risk (f, f->g, SIGNET_RISK_STATUS_OPEN);

  add_review (f, f->a, 2, 1);
  add_review (f, f->b, 1, 0);
  add_review (f, f->g, 1, 1);

  terminate (f, f->c, "2026-02-28");
  renew (f, f->e);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  store_fixture_close (&f->base);
}

static SignetScorecard *
client_card (Fixture    *f,
             gint64      client_id,
             const char *from,
             const char *to)
{
  g_autoptr(GError) error = NULL;
  SignetScorecard *card = signet_store_compute_client_scorecard (f->base.store, client_id, from, to, &error);

  g_assert_no_error (error);
  g_assert_nonnull (card);

  return card;
}

static void
assert_payments (const SignetScorecardPayments *p,
                 guint                          on_time,
                 guint                          late,
                 guint                          overdue,
                 guint                          not_yet_due,
                 guint                          no_amount,
                 gint64                         days_late_paid,
                 gint64                         days_overdue)
{
  g_assert_cmpuint (p->n_on_time, ==, on_time);
  g_assert_cmpuint (p->n_late, ==, late);
  g_assert_cmpuint (p->n_overdue, ==, overdue);
  g_assert_cmpuint (p->n_not_yet_due, ==, not_yet_due);
  g_assert_cmpuint (p->n_no_amount, ==, no_amount);
  g_assert_cmpint (p->days_late_paid, ==, days_late_paid);
  g_assert_cmpint (p->days_overdue, ==, days_overdue);
}

static void
assert_obligations (const SignetScorecardObligations *o,
                    guint                             on_time,
                    guint                             late,
                    guint                             overdue,
                    guint                             not_yet_due,
                    guint                             waived)
{
  g_assert_cmpuint (o->n_on_time, ==, on_time);
  g_assert_cmpuint (o->n_late, ==, late);
  g_assert_cmpuint (o->n_overdue, ==, overdue);
  g_assert_cmpuint (o->n_not_yet_due, ==, not_yet_due);
  g_assert_cmpuint (o->n_waived, ==, waived);
}

/* Acme over 2026, every figure. */
static void
test_client (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(SignetScorecard) card = client_card (f, signet_client_get_id (f->base.client),
                                                 "2026-01-01", "2026-12-31");
  const SignetScorecardValue *value;

  g_assert_cmpstr (signet_scorecard_get_name (card), ==, "Acme");
  g_assert_cmpint (signet_scorecard_get_subject (card), ==, SIGNET_SCORECARD_CLIENT);
  g_assert_cmpstr (signet_scorecard_get_today (card), ==, TODAY);
  g_assert_cmpuint (signet_scorecard_get_rank (card), ==, 0);

  /* HT-A, HT-B and HT-D (signed on the period's last day); not HT-C
   * (the day before it), HT-E (2024) nor HT-E's successor (no signing
   * date yet). */
  g_assert_cmpuint (signet_scorecard_get_count (card, SIGNET_SCORECARD_CONTRACTS), ==, 3);
  g_assert_cmpuint (signet_scorecard_get_n_contracts (card, SIGNET_SCORECARD_VALUE), ==, 3);
  g_assert_cmpuint (signet_scorecard_get_n_values (card), ==, 2);
  value = signet_scorecard_get_value (card, 0);
  g_assert_cmpstr (value->currency, ==, "CNY");
  g_assert_cmpint (value->amount, ==, 130000000);
  g_assert_cmpuint (value->n_contracts, ==, 2);
  value = signet_scorecard_get_value (card, 1);
  g_assert_cmpstr (value->currency, ==, "USD");
  g_assert_cmpint (value->amount, ==, 5000000);
  g_assert_cmpuint (value->n_contracts, ==, 1);

  /* Receivables: 2 on time, 1 late by 10 days, 1 overdue by 45 days
   * (1 May to 15 June), 1 due today, 1 without an amount; the one of
   * 31 December 2025 is outside. 2 of 4: 50 %, (10 + 45) / 2 days. */
  assert_payments (signet_scorecard_get_payments (card, SIGNET_PAYMENT_RECEIVABLE), 2, 1, 1, 1, 1, 10, 45);
  g_assert_cmpfloat (signet_scorecard_payments_get_rate (signet_scorecard_get_payments (card, SIGNET_PAYMENT_RECEIVABLE)), ==, 0.5);
  g_assert_cmpfloat (signet_scorecard_payments_get_average_days_late (signet_scorecard_get_payments (card, SIGNET_PAYMENT_RECEIVABLE)), ==, 27.5);
  g_assert_cmpuint (signet_scorecard_get_count (card, SIGNET_SCORECARD_PAYMENTS_RECEIVED), ==, 4);
  g_assert_cmpuint (signet_scorecard_get_count (card, SIGNET_SCORECARD_DAYS_LATE_RECEIVED), ==, 2);
  g_assert_cmpuint (signet_scorecard_get_n_contracts (card, SIGNET_SCORECARD_PAYMENTS_RECEIVED), ==, 1);
  /* The payable: paid 2 days late, 0 %. */
  assert_payments (signet_scorecard_get_payments (card, SIGNET_PAYMENT_PAYABLE), 0, 1, 0, 0, 0, 2, 0);
  g_assert_cmpfloat (signet_scorecard_payments_get_rate (signet_scorecard_get_payments (card, SIGNET_PAYMENT_PAYABLE)), ==, 0);
  g_assert_cmpfloat (signet_scorecard_payments_get_average_days_late (signet_scorecard_get_payments (card, SIGNET_PAYMENT_PAYABLE)), ==, 2);

  /* Ours: 31 Jan and 31 May on time, 28 Feb late, 31 Mar waived, 30 Apr
   * overdue, 30 Jun not yet due. The client's: 15 January overdue (15
   * April falls after HT-C's termination). 2 of 5: 40 %. */
  assert_obligations (signet_scorecard_get_party_obligations (card, SIGNET_OBLIGATION_PARTY_US), 2, 1, 1, 1, 1);
  assert_obligations (signet_scorecard_get_party_obligations (card, SIGNET_OBLIGATION_PARTY_CLIENT), 0, 0, 1, 0, 0);
  assert_obligations (signet_scorecard_get_obligations (card), 2, 1, 2, 1, 1);
  g_assert_cmpfloat (signet_scorecard_obligations_get_rate (signet_scorecard_get_obligations (card)), ==, 0.4);
  g_assert_cmpuint (signet_scorecard_get_count (card, SIGNET_SCORECARD_OBLIGATIONS), ==, 5);
  g_assert_cmpuint (signet_scorecard_get_n_contracts (card, SIGNET_SCORECARD_OBLIGATIONS), ==, 2);

  /* Two open risks on HT-A (one closed, HT-B's mitigated); open
   * follow-up actions: one of HT-A's two, HT-B's one. */
  g_assert_cmpuint (signet_scorecard_get_count (card, SIGNET_SCORECARD_OPEN_RISKS), ==, 2);
  g_assert_cmpuint (signet_scorecard_get_n_contracts (card, SIGNET_SCORECARD_OPEN_RISKS), ==, 1);
  g_assert_cmpuint (signet_scorecard_get_count (card, SIGNET_SCORECARD_OPEN_FINDINGS), ==, 2);
  g_assert_cmpuint (signet_scorecard_get_n_contracts (card, SIGNET_SCORECARD_OPEN_FINDINGS), ==, 2);

  g_assert_cmpuint (signet_scorecard_get_count (card, SIGNET_SCORECARD_RENEWALS), ==, 1);
  g_assert_cmpuint (signet_scorecard_get_count (card, SIGNET_SCORECARD_TACIT_RENEWALS), ==, 0);
  g_assert_cmpuint (signet_scorecard_get_count (card, SIGNET_SCORECARD_TERMINATIONS), ==, 1);
}

/* Beta: its tacit renewal; nothing due, so no rate. */
static void
test_tacit_and_empty (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(SignetScorecard) card = client_card (f, f->beta, "2026-01-01", "2026-12-31");
  g_autoptr(SignetScorecard) before = client_card (f, f->beta, "2025-01-01", "2025-12-31");
  g_autofree char *rate = NULL;

  g_assert_cmpuint (signet_scorecard_get_count (card, SIGNET_SCORECARD_CONTRACTS), ==, 1);
  g_assert_cmpuint (signet_scorecard_get_count (card, SIGNET_SCORECARD_TACIT_RENEWALS), ==, 1);
  g_assert_cmpuint (signet_scorecard_get_count (card, SIGNET_SCORECARD_RENEWALS), ==, 0);
  g_assert_cmpuint (signet_scorecard_get_count (card, SIGNET_SCORECARD_OPEN_RISKS), ==, 1);
  g_assert_cmpuint (signet_scorecard_get_count (card, SIGNET_SCORECARD_OPEN_FINDINGS), ==, 0);
  g_assert_cmpfloat (signet_scorecard_payments_get_rate (signet_scorecard_get_payments (card, SIGNET_PAYMENT_RECEIVABLE)), ==, -1);
  rate = signet_scorecard_format_figure (card, SIGNET_SCORECARD_PAYMENTS_RECEIVED);
  g_assert_cmpstr (rate, ==, "—");

  /* 2025: HT-H signed, its term's end not yet passed. */
  g_assert_cmpuint (signet_scorecard_get_count (before, SIGNET_SCORECARD_CONTRACTS), ==, 1);
  g_assert_cmpuint (signet_scorecard_get_count (before, SIGNET_SCORECARD_TACIT_RENEWALS), ==, 0);
}

/* The edges of the period: both days count, the day before and after do
 * not. */
static void
test_period_edges (Fixture       *f,
                   gconstpointer  data)
{
  gint64 acme = signet_client_get_id (f->base.client);
  g_autoptr(SignetScorecard) last_day = client_card (f, acme, "2025-12-31", "2025-12-31");
  g_autoptr(SignetScorecard) january = client_card (f, acme, "2026-01-01", "2026-01-31");
  g_autoptr(SignetScorecard) march = client_card (f, acme, "2026-03-01", "2026-03-01");
  g_autoptr(SignetScorecard) after_end = client_card (f, acme, "2026-06-01", "2026-06-14");

  /* 31 December 2025: HT-C signed; the payment due that day, overdue
   * 166 days today. */
  g_assert_cmpuint (signet_scorecard_get_count (last_day, SIGNET_SCORECARD_CONTRACTS), ==, 1);
  assert_payments (signet_scorecard_get_payments (last_day, SIGNET_PAYMENT_RECEIVABLE), 0, 0, 1, 0, 0, 0, 166);
  assert_obligations (signet_scorecard_get_obligations (last_day), 0, 0, 0, 0, 0);

  /* January: HT-A signed; 15 January (client, overdue) and 31 January
   * (ours, on time); the payment due 1 February is not in it. */
  g_assert_cmpuint (signet_scorecard_get_count (january, SIGNET_SCORECARD_CONTRACTS), ==, 1);
  assert_payments (signet_scorecard_get_payments (january, SIGNET_PAYMENT_RECEIVABLE), 0, 0, 0, 0, 0, 0, 0);
  assert_obligations (signet_scorecard_get_obligations (january), 1, 0, 1, 0, 0);
  g_assert_cmpuint (signet_scorecard_get_count (january, SIGNET_SCORECARD_TERMINATIONS), ==, 0);

  /* 1 March alone: HT-B signed, the payment paid in full that day. */
  g_assert_cmpuint (signet_scorecard_get_count (march, SIGNET_SCORECARD_CONTRACTS), ==, 1);
  assert_payments (signet_scorecard_get_payments (march, SIGNET_PAYMENT_RECEIVABLE), 1, 0, 0, 0, 0, 0, 0);

  /* 1 to 14 June: HT-E ended 31 May, so its renewal is not in it. */
  g_assert_cmpuint (signet_scorecard_get_count (after_end, SIGNET_SCORECARD_RENEWALS), ==, 0);
  g_assert_cmpuint (signet_scorecard_get_count (after_end, SIGNET_SCORECARD_CONTRACTS), ==, 0);
}

/* One contract's scorecard: its own figures, and no query (it is the
 * contract). */
static void
test_contract (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SignetScorecard) card = signet_store_compute_contract_scorecard (f->base.store, f->a,
                                                                             "2026-01-01", "2026-12-31", &error);
  g_autoptr(SignetScorecard) gone = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (signet_scorecard_get_name (card), ==, "HT-A");
  g_assert_cmpint (signet_scorecard_get_subject_id (card), ==, f->a);
  g_assert_cmpuint (signet_scorecard_get_count (card, SIGNET_SCORECARD_CONTRACTS), ==, 1);
  assert_payments (signet_scorecard_get_payments (card, SIGNET_PAYMENT_RECEIVABLE), 2, 1, 1, 1, 1, 10, 45);
  assert_payments (signet_scorecard_get_payments (card, SIGNET_PAYMENT_PAYABLE), 0, 0, 0, 0, 0, 0, 0);
  assert_obligations (signet_scorecard_get_obligations (card), 2, 1, 1, 1, 1);
  g_assert_cmpuint (signet_scorecard_get_count (card, SIGNET_SCORECARD_OPEN_RISKS), ==, 2);
  g_assert_cmpuint (signet_scorecard_get_count (card, SIGNET_SCORECARD_OPEN_FINDINGS), ==, 1);
  for (guint figure = 0; figure < SIGNET_N_SCORECARD_FIGURES; figure++)
    g_assert_null (signet_scorecard_dup_query (card, figure));

  gone = signet_store_compute_contract_scorecard (f->base.store, 9999, "2026-01-01", "2026-12-31", &error);
  g_assert_null (gone);
  g_assert_error (error, SIGNET_STORE_ERROR, SIGNET_STORE_ERROR_NOT_FOUND);
}

/* Every client and every department, ranked by the share of payments on
 * time, then of obligations on time. */
static void
test_ranked (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) clients = signet_store_compute_scorecards (f->base.store, SIGNET_SCORECARD_CLIENT,
                                                                  "2026-01-01", "2026-12-31", &error);
  g_autoptr(GPtrArray) departments = NULL;
  SignetScorecard *card;

  g_assert_no_error (error);
  g_assert_cmpuint (clients->len, ==, 2);
  /* Acme has payments due (2 of 5 on time), Beta none. */
  card = g_ptr_array_index (clients, 0);
  g_assert_cmpstr (signet_scorecard_get_name (card), ==, "Acme");
  g_assert_cmpuint (signet_scorecard_get_rank (card), ==, 1);
  card = g_ptr_array_index (clients, 1);
  g_assert_cmpstr (signet_scorecard_get_name (card), ==, "Beta 贝塔");
  g_assert_cmpuint (signet_scorecard_get_rank (card), ==, 2);
  g_assert_cmpuint (signet_scorecard_get_count (card, SIGNET_SCORECARD_TACIT_RENEWALS), ==, 1);

  departments = signet_store_compute_scorecards (f->base.store, SIGNET_SCORECARD_DEPARTMENT,
                                                 "2026-01-01", "2026-12-31", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (departments->len, ==, 2);
  /* Sales: HT-A, B, C, E and E's successor (a copy of E's department);
   * Legal: HT-D, G, H. */
  card = g_ptr_array_index (departments, 0);
  g_assert_cmpstr (signet_scorecard_get_name (card), ==, "Sales");
  g_assert_cmpuint (signet_scorecard_get_count (card, SIGNET_SCORECARD_CONTRACTS), ==, 2);
  g_assert_cmpuint (signet_scorecard_get_count (card, SIGNET_SCORECARD_TERMINATIONS), ==, 1);
  g_assert_cmpuint (signet_scorecard_get_count (card, SIGNET_SCORECARD_RENEWALS), ==, 1);
  card = g_ptr_array_index (departments, 1);
  g_assert_cmpstr (signet_scorecard_get_name (card), ==, "Legal");
  g_assert_cmpuint (signet_scorecard_get_count (card, SIGNET_SCORECARD_CONTRACTS), ==, 2);
  g_assert_cmpuint (signet_scorecard_get_count (card, SIGNET_SCORECARD_OPEN_RISKS), ==, 1);
  g_assert_cmpuint (signet_scorecard_get_count (card, SIGNET_SCORECARD_TACIT_RENEWALS), ==, 1);
  {
    g_autoptr(SignetScorecard) legal = signet_store_compute_department_scorecard (f->base.store, "Legal",
                                                                                  "2026-01-01", "2026-12-31",
                                                                                  &error);

    g_assert_no_error (error);
    g_assert_cmpuint (signet_scorecard_get_count (legal, SIGNET_SCORECARD_CONTRACTS), ==, 2);
    g_assert_cmpuint (signet_scorecard_get_count (legal, SIGNET_SCORECARD_TACIT_RENEWALS), ==, 1);
  }
}

/* The query of each count names the subject and what the figure counts. */
static void
test_queries (Fixture       *f,
              gconstpointer  data)
{
  gint64 acme = signet_client_get_id (f->base.client);
  g_autoptr(SignetScorecard) card = client_card (f, acme, "2026-01-01", "2026-12-31");
  g_autoptr(SignetContractQuery) contracts = signet_scorecard_dup_query (card, SIGNET_SCORECARD_CONTRACTS);
  g_autoptr(SignetContractQuery) terminations = signet_scorecard_dup_query (card, SIGNET_SCORECARD_TERMINATIONS);
  g_autoptr(SignetContractQuery) findings = signet_scorecard_dup_query (card, SIGNET_SCORECARD_OPEN_FINDINGS);
  g_autoptr(GError) error = NULL;
  g_autoptr(SignetScorecard) sales = signet_store_compute_department_scorecard (f->base.store, "Sales",
                                                                                "2026-01-01", "2026-12-31", &error);
  g_autoptr(SignetContractQuery) renewals = signet_scorecard_dup_query (sales, SIGNET_SCORECARD_RENEWALS);
  const gint64 *clients;
  const char *from, *to;
  guint n;

  clients = signet_contract_query_get_clients (contracts, &n);
  g_assert_cmpuint (n, ==, 1);
  g_assert_cmpint (clients[0], ==, acme);
  signet_contract_query_get_date_range (contracts, SIGNET_QUERY_DATE_SIGNING, &from, &to);
  g_assert_cmpstr (from, ==, "2026-01-01");
  g_assert_cmpstr (to, ==, "2026-12-31");

  g_assert_cmpuint (signet_contract_query_get_statuses (terminations), ==, 1u << SIGNET_CONTRACT_STATUS_TERMINATED);
  signet_contract_query_get_date_range (terminations, SIGNET_QUERY_DATE_ENDED, &from, &to);
  g_assert_cmpstr (from, ==, "2026-01-01");
  g_assert_cmpstr (to, ==, "2026-12-31");

  g_assert_cmpint (signet_contract_query_get_filters (findings), ==, SIGNET_CONTRACT_FILTER_OPEN_REVIEW_FINDINGS);

  g_assert_no_error (error);
  g_assert_cmpstr (signet_contract_query_get_departments (renewals)[0], ==, "Sales");
  g_assert_cmpuint (signet_contract_query_get_statuses (renewals), ==, 1u << SIGNET_CONTRACT_STATUS_RENEWED);

  g_assert_null (signet_scorecard_dup_query (card, SIGNET_SCORECARD_PAYMENTS_RECEIVED));
  g_assert_null (signet_scorecard_dup_query (card, SIGNET_SCORECARD_OPEN_RISKS));
}

/* Each count's query selects exactly the contracts it counts, as the list
 * shows them: every client's and every department's, in two periods. */
static void
test_queries_select (Fixture       *f,
                     gconstpointer  data)
{
  static const char * const periods[][2] = { { "2026-01-01", "2026-12-31" }, { "2025-12-31", "2026-02-28" } };

  for (guint p = 0; p < G_N_ELEMENTS (periods); p++)
    for (SignetScorecardSubject subject = SIGNET_SCORECARD_CLIENT; subject <= SIGNET_SCORECARD_DEPARTMENT; subject++)
      {
        g_autoptr(GError) error = NULL;
        g_autoptr(GPtrArray) cards = signet_store_compute_scorecards (f->base.store, subject, periods[p][0],
                                                                      periods[p][1], &error);

        g_assert_no_error (error);
        for (guint i = 0; i < cards->len; i++)
          for (guint figure = 0; figure < SIGNET_N_SCORECARD_FIGURES; figure++)
            {
              SignetScorecard *card = g_ptr_array_index (cards, i);
              g_autoptr(SignetContractQuery) query = signet_scorecard_dup_query (card, figure);
              g_autoptr(GArray) ids = NULL;

              if (query == NULL)
                continue;
              ids = signet_store_select_contract_ids (f->base.store, query, &error);
              g_assert_no_error (error);
              g_test_message ("%s, %s, %s..%s", signet_scorecard_get_name (card),
                              signet_scorecard_figure_get_label (figure), periods[p][0], periods[p][1]);
              g_assert_cmpuint (ids->len, ==, signet_scorecard_get_n_contracts (card, figure));
            }
      }
}

static void
computed_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      data)
{
  GAsyncResult **out = data;

  *out = g_object_ref (result);
}

/* In a thread, on a connection of its own and the store's day (not the
 * clock's): the same figures as at once. */
static void
test_async (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GPtrArray) cards = NULL;
  g_autoptr(GError) error = NULL;
  SignetScorecard *card;

  signet_store_compute_scorecards_async (f->base.store, SIGNET_SCORECARD_CLIENT, 0, "2026-01-01", "2026-12-31",
                                         NULL, computed_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  cards = signet_store_compute_scorecards_finish (f->base.store, result, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (cards->len, ==, 2);
  card = g_ptr_array_index (cards, 0);
  g_assert_cmpstr (signet_scorecard_get_name (card), ==, "Acme");
  g_assert_cmpstr (signet_scorecard_get_today (card), ==, TODAY);
  g_assert_cmpuint (signet_scorecard_get_count (card, SIGNET_SCORECARD_CONTRACTS), ==, 3);
  assert_payments (signet_scorecard_get_payments (card, SIGNET_PAYMENT_RECEIVABLE), 2, 1, 1, 1, 1, 10, 45);
  g_clear_object (&result);
  g_clear_pointer (&cards, g_ptr_array_unref);

  signet_store_compute_scorecards_async (f->base.store, SIGNET_SCORECARD_CONTRACT, f->c, "2026-01-01", "2026-12-31",
                                         NULL, computed_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  cards = signet_store_compute_scorecards_finish (f->base.store, result, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (cards->len, ==, 1);
  g_assert_cmpstr (signet_scorecard_get_name (g_ptr_array_index (cards, 0)), ==, "HT-C");
  g_assert_cmpuint (signet_scorecard_get_count (g_ptr_array_index (cards, 0), SIGNET_SCORECARD_TERMINATIONS), ==, 1);
}

/* A period that is no range is refused. */
static void
test_bad_period (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SignetScorecard) card = signet_store_compute_client_scorecard (f->base.store,
                                                                           signet_client_get_id (f->base.client),
                                                                           "2026-12-31", "2026-01-01", &error);

  g_assert_null (card);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_assert_cmpstr (error->message, ==, "The period from 2026-12-31 to 2026-01-01 is not a range of days.");
}

static void
test_periods (void)
{
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;

  g_assert_true (signet_scorecard_period_get_range (SIGNET_SCORECARD_PERIOD_THIS_YEAR, TODAY, &from, &to));
  g_assert_cmpstr (from, ==, "2026-01-01");
  g_assert_cmpstr (to, ==, "2026-12-31");
  g_clear_pointer (&from, g_free);
  g_clear_pointer (&to, g_free);
  g_assert_true (signet_scorecard_period_get_range (SIGNET_SCORECARD_PERIOD_LAST_YEAR, TODAY, &from, &to));
  g_assert_cmpstr (from, ==, "2025-01-01");
  g_assert_cmpstr (to, ==, "2025-12-31");
  g_clear_pointer (&from, g_free);
  g_clear_pointer (&to, g_free);
  g_assert_true (signet_scorecard_period_get_range (SIGNET_SCORECARD_PERIOD_LAST_12_MONTHS, TODAY, &from, &to));
  g_assert_cmpstr (from, ==, "2025-06-16");
  g_assert_cmpstr (to, ==, TODAY);
  g_clear_pointer (&from, g_free);
  g_clear_pointer (&to, g_free);
  /* From the end of a month: 29 February 2028 less 12 months is 28
   * February 2027, plus a day. */
  g_assert_true (signet_scorecard_period_get_range (SIGNET_SCORECARD_PERIOD_LAST_12_MONTHS, "2028-02-29", &from, &to));
  g_assert_cmpstr (from, ==, "2027-03-01");
  g_clear_pointer (&from, g_free);
  g_clear_pointer (&to, g_free);
  g_assert_false (signet_scorecard_period_get_range (SIGNET_SCORECARD_PERIOD_CUSTOM, TODAY, &from, &to));
  g_assert_null (from);
}

/* Percentages and days as the locale writes them. */
static void
test_format (void)
{
  struct { const char *locale; const char *percent; const char *days; } cases[] = {
    { "C.UTF-8", "88%", "27.5" },
    { "en_US.UTF-8", "88%", "27.5" },
    { "de_DE.UTF-8", "88\u00a0%", "27,5" },
    { "zh_CN.UTF-8", "88%", "27.5" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      locale_t loc = newlocale (LC_ALL_MASK, cases[i].locale, (locale_t) 0);
      g_autofree char *percent = NULL;
      g_autofree char *days = NULL;
      g_autofree char *none = NULL;
      locale_t old;

      if (loc == (locale_t) 0)
        {
          g_test_message ("locale %s is not installed: skipped", cases[i].locale);
          continue;
        }
      old = uselocale (loc);
      percent = signet_format_percent (0.875);
      days = signet_format_days (27.5);
      none = signet_format_percent (-1);
      uselocale (old);
      freelocale (loc);

      g_assert_cmpstr (percent, ==, cases[i].percent);
      g_assert_cmpstr (days, ==, cases[i].days);
      g_assert_cmpstr (none, ==, "—");
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/scorecards/periods", test_periods);
  g_test_add_func ("/scorecards/format", test_format);
  g_test_add ("/scorecards/client", Fixture, NULL, fixture_set_up, test_client, fixture_tear_down);
  g_test_add ("/scorecards/tacit-and-empty", Fixture, NULL, fixture_set_up, test_tacit_and_empty, fixture_tear_down);
  g_test_add ("/scorecards/period-edges", Fixture, NULL, fixture_set_up, test_period_edges, fixture_tear_down);
  g_test_add ("/scorecards/contract", Fixture, NULL, fixture_set_up, test_contract, fixture_tear_down);
  g_test_add ("/scorecards/ranked", Fixture, NULL, fixture_set_up, test_ranked, fixture_tear_down);
  g_test_add ("/scorecards/queries", Fixture, NULL, fixture_set_up, test_queries, fixture_tear_down);
  g_test_add ("/scorecards/queries-select", Fixture, NULL, fixture_set_up, test_queries_select, fixture_tear_down);
  g_test_add ("/scorecards/async", Fixture, NULL, fixture_set_up, test_async, fixture_tear_down);
  g_test_add ("/scorecards/bad-period", Fixture, NULL, fixture_set_up, test_bad_period, fixture_tear_down);

  return g_test_run ();
}
