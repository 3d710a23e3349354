/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "signet-amendment.h"
#include "signet-money.h"
#include "signet-payment.h"
#include "signet-store-amendments.h"
#include "signet-store-events.h"
#include "signet-store-payments.h"
#include "signet-store-private.h"
#include "signet-tombstone.h"
#include "store-fixture.h"
#include "unit-test-utils.h"

/* The payment schedule: the status of a planned payment from its rows and
 * the day, the sums against the contract value, the store's writes, Undo,
 * bad input and the migration of payment key dates. */

static SignetPayment *
make_payment (gint64      amount,
              const char *currency,
              const char *due_date)
{
  SignetPayment *payment = signet_payment_new (1);

  payment->title = g_strdup ("首期款");
  payment->amount = amount;
  payment->currency = g_strdup (currency);
  payment->due_date = g_strdup (due_date);

  return payment;
}

static void
add_invoice (SignetPayment *payment,
             gint64         amount)
{
  SignetPaymentInvoice *invoice = signet_payment_invoice_new (payment->id);

  invoice->number = g_strdup ("FP-001");
  invoice->date = g_strdup ("2026-03-01");
  invoice->amount = amount;
  g_ptr_array_add (payment->invoices, invoice);
}

static char *
money (gint64      amount,
       const char *currency)
{
  return signet_money_format (amount, currency);
}

/* Planned, invoiced, part-paid, paid follow from the rows; overdue from
 * the day: the day before the due date and the day itself are in time,
 * the day after is overdue, with what is left. */
static void
test_status (void)
{
  g_autoptr(SignetPayment) payment = make_payment (5000000, "CNY", "2026-03-10");
  g_autoptr(SignetPayment) unset = make_payment (0, NULL, "2026-03-10");
  g_autofree char *left = money (2000000, "CNY");
  g_autofree char *all = money (5000000, "CNY");
  g_autofree char *expected = NULL;
  g_autofree char *text = NULL;

  g_assert_cmpint (signet_payment_get_state (payment), ==, SIGNET_PAYMENT_PLANNED);
  g_assert_false (signet_payment_is_overdue (payment, "2026-03-09"));
  g_assert_false (signet_payment_is_overdue (payment, "2026-03-10"));
  g_assert_true (signet_payment_is_overdue (payment, "2026-03-11"));
  text = signet_payment_describe_status (payment, "2026-03-10");
  g_assert_cmpstr (text, ==, "Planned");
  g_clear_pointer (&text, g_free);
  text = signet_payment_describe_status (payment, "2026-03-11");
  expected = g_strdup_printf ("Overdue: %s", all);
  g_assert_cmpstr (text, ==, expected);
  g_clear_pointer (&text, g_free);
  g_clear_pointer (&expected, g_free);

  add_invoice (payment, 5000000);
  g_assert_cmpint (signet_payment_get_state (payment), ==, SIGNET_PAYMENT_INVOICED);
  g_assert_cmpint (signet_payment_get_invoiced (payment), ==, 5000000);
  text = signet_payment_describe_status (payment, "2026-03-09");
  g_assert_cmpstr (text, ==, "Invoiced");
  g_clear_pointer (&text, g_free);

  payment->paid = 3000000;
  g_assert_cmpint (signet_payment_get_state (payment), ==, SIGNET_PAYMENT_PART_PAID);
  g_assert_cmpint (signet_payment_get_outstanding (payment), ==, 2000000);
  text = signet_payment_describe_status (payment, "2026-03-10");
  expected = g_strdup_printf ("Part-paid, %s left", left);
  g_assert_cmpstr (text, ==, expected);
  g_clear_pointer (&text, g_free);
  g_clear_pointer (&expected, g_free);
  text = signet_payment_describe_status (payment, "2026-03-11");
  expected = g_strdup_printf ("Part-paid, %s overdue", left);
  g_assert_cmpstr (text, ==, expected);
  g_clear_pointer (&text, g_free);

  /* Paid in full, or more: never overdue. */
  payment->paid = 5000000;
  g_assert_cmpint (signet_payment_get_state (payment), ==, SIGNET_PAYMENT_PAID);
  g_assert_false (signet_payment_is_overdue (payment, "2027-01-01"));
  payment->paid = 5000001;
  g_assert_cmpint (signet_payment_get_state (payment), ==, SIGNET_PAYMENT_PAID);
  g_assert_cmpint (signet_payment_get_outstanding (payment), ==, 0);

  /* An amount not filled in counts as planned, and is overdue as well. */
  g_assert_false (signet_payment_has_amount (unset));
  g_assert_cmpint (signet_payment_get_state (unset), ==, SIGNET_PAYMENT_PLANNED);
  text = signet_payment_describe_status (unset, "2026-03-10");
  g_assert_cmpstr (text, ==, "Amount not set");
  g_clear_pointer (&text, g_free);
  text = signet_payment_describe_status (unset, "2026-03-11");
  g_assert_cmpstr (text, ==, "Amount not set, overdue");
}

/* The sums per currency, receivable and payable apart, the contract's
 * currency first; the warning when the main side does not add up. */
static void
test_summary (void)
{
  g_autoptr(GPtrArray) payments = g_ptr_array_new_with_free_func ((GDestroyNotify) signet_payment_free);
  g_autoptr(GArray) totals = NULL;
  SignetPayment *p;
  SignetPaymentTotals *cny, *usd;
  g_autofree char *gap = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *a = money (80000000, "CNY");
  g_autofree char *b = money (100000000, "CNY");
  g_autofree char *c = money (20000000, "CNY");
  guint n_unset;

  p = make_payment (50000000, "CNY", "2026-02-01");
  add_invoice (p, 50000000);
  p->paid = 50000000;
  g_ptr_array_add (payments, p);
  p = make_payment (30000000, "CNY", "2026-06-01");
  p->paid = 10000000;
  g_ptr_array_add (payments, p);
  p = make_payment (500000, "USD", "2026-06-01");
  g_ptr_array_add (payments, p);
  p = make_payment (1000000, "CNY", "2026-07-01");
  p->direction = SIGNET_PAYMENT_PAYABLE;
  g_ptr_array_add (payments, p);
  g_ptr_array_add (payments, make_payment (0, NULL, "2026-08-01"));

  totals = signet_payments_summarize (payments, 100000000, "CNY", &n_unset);
  g_assert_cmpuint (totals->len, ==, 2);
  g_assert_cmpuint (n_unset, ==, 1);
  cny = &g_array_index (totals, SignetPaymentTotals, 0);
  usd = &g_array_index (totals, SignetPaymentTotals, 1);
  g_assert_cmpstr (cny->currency, ==, "CNY");
  g_assert_true (cny->is_contract_currency);
  g_assert_cmpint (cny->value, ==, 100000000);
  g_assert_cmpint (cny->scheduled[SIGNET_PAYMENT_RECEIVABLE], ==, 80000000);
  g_assert_cmpint (cny->invoiced[SIGNET_PAYMENT_RECEIVABLE], ==, 50000000);
  g_assert_cmpint (cny->paid[SIGNET_PAYMENT_RECEIVABLE], ==, 60000000);
  g_assert_cmpint (cny->scheduled[SIGNET_PAYMENT_PAYABLE], ==, 1000000);
  g_assert_cmpstr (usd->currency, ==, "USD");
  g_assert_false (usd->is_contract_currency);
  g_assert_cmpint (usd->scheduled[SIGNET_PAYMENT_RECEIVABLE], ==, 500000);

  /* The receivables are the main side; the payable and the dollars do
   * not count against the contract's yuan. */
  g_assert_cmpint (signet_payment_totals_main_direction (cny), ==, SIGNET_PAYMENT_RECEIVABLE);
  gap = signet_payment_totals_describe_gap (cny);
  expected = g_strdup_printf ("Scheduled %s of %s: %s not scheduled", a, b, c);
  g_assert_cmpstr (gap, ==, expected);
  g_assert_null (signet_payment_totals_describe_gap (usd));

  /* Scheduled in full: no warning; above the value: how much more. */
  cny->scheduled[SIGNET_PAYMENT_RECEIVABLE] = 100000000;
  g_assert_null (signet_payment_totals_describe_gap (cny));
  cny->scheduled[SIGNET_PAYMENT_RECEIVABLE] = 120000000;
  g_clear_pointer (&gap, g_free);
  gap = signet_payment_totals_describe_gap (cny);
  g_assert_true (g_str_has_suffix (gap, "more than the contract value"));

  /* A purchase: the payables are the main side. */
  cny->scheduled[SIGNET_PAYMENT_RECEIVABLE] = 0;
  cny->scheduled[SIGNET_PAYMENT_PAYABLE] = 100000000;
  g_assert_cmpint (signet_payment_totals_main_direction (cny), ==, SIGNET_PAYMENT_PAYABLE);
  g_assert_null (signet_payment_totals_describe_gap (cny));
}

static SignetContract *
add_signed_contract (StoreFixture *f,
                     const char   *number,
                     gint64        value)
{
  g_autoptr(SignetContract) contract = unit_add_contract (f->store, f->client, number, "设备采购");
  g_autoptr(GError) error = NULL;

  signet_contract_set_value (contract, value);
  signet_contract_set_signing_date (contract, "2026-01-05");
  signet_contract_set_start_date (contract, "2026-01-10");
  signet_contract_set_end_date (contract, "2026-12-31");
  signet_contract_set_status (contract, SIGNET_CONTRACT_STATUS_SIGNED);
  g_assert_true (signet_store_update_contract (f->store, contract, &error));
  g_assert_no_error (error);

  return g_steal_pointer (&contract);
}

static SignetPayment *
plan (StoreFixture *f,
      gint64        contract_id,
      const char   *title,
      gint64        amount,
      const char   *due_date)
{
  SignetPayment *payment = signet_payment_new (contract_id);
  g_autoptr(GError) error = NULL;

  payment->title = g_strdup (title);
  payment->amount = amount;
  payment->currency = amount > 0 ? g_strdup ("CNY") : NULL;
  payment->due_date = g_strdup (due_date);
  payment->condition = g_strdup ("验收合格后");
  g_assert_true (signet_store_add_payment (f->store, payment, &error));
  g_assert_no_error (error);
  g_assert_cmpint (payment->id, >, 0);
  g_assert_nonnull (payment->uuid);
  g_assert_cmpint (payment->version, ==, 1);

  return payment;
}

static gint64
record_settlement (StoreFixture *f,
                   gint64        payment_id,
                   const char   *date,
                   gint64        amount)
{
  g_autoptr(SignetPaymentSettlement) settlement = signet_payment_settlement_new (payment_id);
  g_autoptr(GError) error = NULL;

  settlement->date = g_strdup (date);
  settlement->amount = amount;
  g_assert_true (signet_store_add_payment_settlement (f->store, settlement, &error));
  g_assert_no_error (error);
  g_assert_nonnull (settlement->recorded_by);

  return settlement->id;
}

static void
count_changed_cb (SignetStore      *store,
                  SignetRecordKind  kind,
                  gint64            id,
                  SignetChangeKind  change,
                  guint            *count)
{
  (*count)++;
}

static SignetPayment *
get_payment (StoreFixture *f,
             gint64        id)
{
  g_autoptr(GError) error = NULL;
  SignetPayment *payment = signet_store_get_payment (f->store, id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (payment);

  return payment;
}

/* Through the store: an invoice, then two partial payments make it
 * invoiced, part-paid, then paid, the paid sum kept; each write one
 * "changed::payments" and one History entry with its label; the status
 * by the store's day. */
static void
test_store (void)
{
  StoreFixture f;
  g_autoptr(SignetContract) contract = NULL;
  g_autoptr(SignetPayment) first = NULL;
  g_autoptr(SignetPayment) second = NULL;
  g_autoptr(SignetPayment) read = NULL;
  g_autoptr(SignetPaymentInvoice) invoice = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GPtrArray) audit = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *today = NULL;
  g_autofree char *status = NULL;
  guint payments_changed = 0;
  gint64 id;

  store_fixture_open (&f, "2026-03-11");
  contract = add_signed_contract (&f, "HT-2026-0001", 10000000);
  id = signet_contract_get_id (contract);
  g_signal_connect (f.store, "changed::" SIGNET_STORE_CHANGED_PAYMENTS, G_CALLBACK (count_changed_cb),
                    &payments_changed);

  second = plan (&f, id, "尾款", 5000000, "2026-06-30");
  first = plan (&f, id, "首期款", 5000000, "2026-03-10");
  g_assert_cmpuint (payments_changed, ==, 2);

  list = signet_store_list_payments (f.store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 2);
  g_assert_cmpstr (((SignetPayment *) g_ptr_array_index (list, 0))->title, ==, "首期款");
  g_assert_cmpstr (((SignetPayment *) g_ptr_array_index (list, 0))->condition, ==, "验收合格后");
  g_assert_cmpstr (((SignetPayment *) g_ptr_array_index (list, 1))->title, ==, "尾款");

  invoice = signet_payment_invoice_new (first->id);
  invoice->number = g_strdup ("  FP-2026-0001 ");
  invoice->date = g_strdup ("2026-03-01");
  invoice->amount = 5000000;
  g_assert_true (signet_store_add_payment_invoice (f.store, invoice, &error));
  g_assert_no_error (error);
  read = get_payment (&f, first->id);
  g_assert_cmpuint (read->invoices->len, ==, 1);
  g_assert_cmpstr (((SignetPaymentInvoice *) g_ptr_array_index (read->invoices, 0))->number, ==, "FP-2026-0001");
  g_assert_cmpint (signet_payment_get_state (read), ==, SIGNET_PAYMENT_INVOICED);

  /* The day after its due date, as the store sees the day. */
  today = signet_store_dup_today (f.store);
  g_assert_true (signet_payment_is_overdue (read, today));
  g_clear_pointer (&read, signet_payment_free);

  record_settlement (&f, first->id, "2026-03-12", 3000000);
  read = get_payment (&f, first->id);
  g_assert_cmpint (read->paid, ==, 3000000);
  g_assert_cmpint (signet_payment_get_state (read), ==, SIGNET_PAYMENT_PART_PAID);
  g_assert_cmpstr (((SignetPaymentSettlement *) g_ptr_array_index (read->settlements, 0))->currency, ==, "CNY");
  status = signet_payment_describe_status (read, today);
  g_assert_true (g_str_has_prefix (status, "Part-paid, "));
  g_assert_true (g_str_has_suffix (status, " overdue"));
  g_clear_pointer (&read, signet_payment_free);

  record_settlement (&f, first->id, "2026-03-20", 2000000);
  read = get_payment (&f, first->id);
  g_assert_cmpint (read->paid, ==, 5000000);
  g_assert_cmpuint (read->settlements->len, ==, 2);
  g_assert_cmpint (signet_payment_get_state (read), ==, SIGNET_PAYMENT_PAID);
  g_assert_false (signet_payment_is_overdue (read, today));
  g_assert_cmpuint (payments_changed, ==, 5);

  /* An edit over the version read; the same version again is a conflict. */
  g_free (read->title);
  read->title = g_strdup ("首期款（30%）");
  g_assert_true (signet_store_update_payment (f.store, read, &error));
  g_assert_no_error (error);
  g_assert_cmpint (read->version, ==, 2);
  read->version = 1;
  g_assert_false (signet_store_update_payment (f.store, read, &error));
  g_assert_error (error, SIGNET_STORE_ERROR, SIGNET_STORE_ERROR_CONFLICT);
  g_clear_error (&error);
  g_assert_cmpuint (payments_changed, ==, 6);

  audit = signet_store_list_audit (f.store, SIGNET_RECORD_CONTRACT, id, &error);
  g_assert_no_error (error);
  {
    guint planned = 0, invoiced = 0, paid = 0, changed = 0;

    for (guint i = 0; i < audit->len; i++)
      {
        SignetAuditEntry *entry = g_ptr_array_index (audit, i);

        planned += entry->action == SIGNET_AUDIT_ACTION_ADD_PAYMENT;
        invoiced += entry->action == SIGNET_AUDIT_ACTION_ADD_INVOICE;
        paid += entry->action == SIGNET_AUDIT_ACTION_ADD_SETTLEMENT;
        changed += entry->action == SIGNET_AUDIT_ACTION_UPDATE_PAYMENT;
      }
    g_assert_cmpuint (planned, ==, 2);
    g_assert_cmpuint (invoiced, ==, 1);
    g_assert_cmpuint (paid, ==, 2);
    g_assert_cmpuint (changed, ==, 1);
  }
  g_assert_cmpstr (signet_audit_action_to_label (SIGNET_AUDIT_ACTION_ADD_PAYMENT), ==, "Payment planned");
  g_assert_cmpstr (signet_audit_action_to_label (SIGNET_AUDIT_ACTION_ADD_INVOICE), ==, "Invoice recorded");
  g_assert_cmpstr (signet_audit_action_to_label (SIGNET_AUDIT_ACTION_ADD_SETTLEMENT), ==, "Payment recorded");

  store_fixture_close (&f);
}

/* Deleting a planned payment takes its invoices and payments with it;
 * Undo puts them all back, the paid sum too. Deleting one payment lowers
 * the paid sum, and its Undo raises it again. */
static void
test_undo (void)
{
  StoreFixture f;
  g_autoptr(SignetContract) contract = NULL;
  g_autoptr(SignetPayment) payment = NULL;
  g_autoptr(SignetPayment) read = NULL;
  g_autoptr(SignetPaymentInvoice) invoice = NULL;
  g_autoptr(SignetTombstone) tombstone = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id, settlement_id;

  store_fixture_open (&f, "2026-03-01");
  contract = add_signed_contract (&f, "HT-2026-0002", 10000000);
  id = signet_contract_get_id (contract);
  payment = plan (&f, id, "进度款", 6000000, "2026-05-01");
  invoice = signet_payment_invoice_new (payment->id);
  invoice->number = g_strdup ("FP-7");
  invoice->date = g_strdup ("2026-04-20");
  invoice->amount = 6000000;
  g_assert_true (signet_store_add_payment_invoice (f.store, invoice, &error));
  g_assert_no_error (error);
  record_settlement (&f, payment->id, "2026-04-25", 1000000);
  settlement_id = record_settlement (&f, payment->id, "2026-04-28", 2000000);

  tombstone = signet_store_delete (f.store, SIGNET_TOMBSTONE_PAYMENT, payment->id, &error);
  g_assert_no_error (error);
  g_assert_nonnull (tombstone);
  g_assert_cmpstr (signet_tombstone_get_label (tombstone), ==, "进度款");
  list = signet_store_list_payments (f.store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 0);
  g_assert_cmpint (unit_query_raw_int (f.path, "SELECT count(*) FROM payment_settlements"), ==, 0);
  g_assert_cmpint (unit_query_raw_int (f.path, "SELECT count(*) FROM payment_invoices"), ==, 0);

  g_assert_true (signet_store_restore (f.store, tombstone, &error));
  g_assert_no_error (error);
  read = get_payment (&f, payment->id);
  g_assert_cmpstr (read->uuid, ==, payment->uuid);
  g_assert_cmpuint (read->invoices->len, ==, 1);
  g_assert_cmpuint (read->settlements->len, ==, 2);
  g_assert_cmpint (read->paid, ==, 3000000);
  g_assert_cmpint (signet_payment_get_state (read), ==, SIGNET_PAYMENT_PART_PAID);
  g_clear_pointer (&read, signet_payment_free);
  g_clear_object (&tombstone);

  /* Restoring twice is refused. */
  tombstone = signet_store_delete (f.store, SIGNET_TOMBSTONE_PAYMENT_SETTLEMENT, settlement_id, &error);
  g_assert_no_error (error);
  read = get_payment (&f, payment->id);
  g_assert_cmpint (read->paid, ==, 1000000);
  g_clear_pointer (&read, signet_payment_free);
  g_assert_true (signet_store_restore (f.store, tombstone, &error));
  g_assert_no_error (error);
  read = get_payment (&f, payment->id);
  g_assert_cmpint (read->paid, ==, 3000000);
  g_assert_false (signet_store_restore (f.store, tombstone, &error));
  g_assert_error (error, SIGNET_STORE_ERROR, SIGNET_STORE_ERROR_CONFLICT);
  g_clear_error (&error);

  store_fixture_close (&f);
}

static void
assert_field_error (GError      **error,
                    SignetField   field)
{
  g_assert_error (*error, SIGNET_FIELD_ERROR, (int) field);
  g_assert_cmpstr ((*error)->message, !=, "");
  g_clear_error (error);
}

/* Bad input is refused with an error naming the field, nothing written;
 * a payment dated before the contract was signed is accepted (an
 * advance), and invoices above the amount are allowed. */
static void
test_bad_input (void)
{
  StoreFixture f;
  g_autoptr(SignetContract) contract = NULL;
  g_autoptr(SignetPayment) payment = NULL;
  g_autoptr(SignetPayment) unset = NULL;
  g_autoptr(SignetPayment) bad = NULL;
  g_autoptr(SignetPaymentInvoice) invoice = NULL;
  g_autoptr(SignetPaymentSettlement) settlement = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;
  int audit_before;

  store_fixture_open (&f, "2026-03-01");
  contract = add_signed_contract (&f, "HT-2026-0003", 10000000);
  id = signet_contract_get_id (contract);
  payment = plan (&f, id, "预付款", 2000000, "2026-01-01");
  unset = plan (&f, id, "首期付款", 0, "2026-02-01");
  audit_before = unit_query_raw_int (f.path, "SELECT count(*) FROM audit");

  bad = signet_payment_new (id);
  bad->title = g_strdup ("  ");
  bad->due_date = g_strdup ("2026-05-01");
  g_assert_false (signet_store_add_payment (f.store, bad, &error));
  assert_field_error (&error, SIGNET_FIELD_PAYMENT_TITLE);
  g_free (bad->title);
  bad->title = g_strdup ("尾款");
  bad->currency = g_strdup ("CNY");
  g_assert_false (signet_store_add_payment (f.store, bad, &error));
  assert_field_error (&error, SIGNET_FIELD_PAYMENT_AMOUNT);
  bad->amount = -5;
  g_assert_false (signet_store_add_payment (f.store, bad, &error));
  assert_field_error (&error, SIGNET_FIELD_PAYMENT_AMOUNT);
  bad->amount = 100;
  g_free (bad->currency);
  bad->currency = g_strdup ("XYZ");
  g_assert_false (signet_store_add_payment (f.store, bad, &error));
  assert_field_error (&error, SIGNET_FIELD_PAYMENT_CURRENCY);
  g_free (bad->currency);
  bad->currency = g_strdup ("CNY");
  g_free (bad->due_date);
  bad->due_date = g_strdup ("2026-02-30");
  g_assert_false (signet_store_add_payment (f.store, bad, &error));
  assert_field_error (&error, SIGNET_FIELD_PAYMENT_DUE_DATE);

  invoice = signet_payment_invoice_new (payment->id);
  invoice->date = g_strdup ("2026-01-02");
  invoice->amount = 100;
  g_assert_false (signet_store_add_payment_invoice (f.store, invoice, &error));
  assert_field_error (&error, SIGNET_FIELD_INVOICE_NUMBER);
  invoice->number = g_strdup ("FP-1");
  invoice->amount = 0;
  g_assert_false (signet_store_add_payment_invoice (f.store, invoice, &error));
  assert_field_error (&error, SIGNET_FIELD_INVOICE_AMOUNT);
  /* No amount planned, no currency to invoice in. */
  invoice->amount = 100;
  invoice->payment_id = unset->id;
  g_assert_false (signet_store_add_payment_invoice (f.store, invoice, &error));
  assert_field_error (&error, SIGNET_FIELD_INVOICE_AMOUNT);

  settlement = signet_payment_settlement_new (payment->id);
  settlement->date = g_strdup ("2026-01-02");
  settlement->amount = 0;
  g_assert_false (signet_store_add_payment_settlement (f.store, settlement, &error));
  assert_field_error (&error, SIGNET_FIELD_SETTLEMENT_AMOUNT);
  settlement->amount = 1000;
  settlement->currency = g_strdup ("USD");
  g_assert_false (signet_store_add_payment_settlement (f.store, settlement, &error));
  assert_field_error (&error, SIGNET_FIELD_PAYMENT_CURRENCY);
  g_free (settlement->date);
  settlement->date = g_strdup ("yesterday");
  g_clear_pointer (&settlement->currency, g_free);
  g_assert_false (signet_store_add_payment_settlement (f.store, settlement, &error));
  assert_field_error (&error, SIGNET_FIELD_SETTLEMENT_DATE);
  g_assert_cmpint (unit_query_raw_int (f.path, "SELECT count(*) FROM audit"), ==, audit_before);
  g_assert_cmpint (unit_query_raw_int (f.path, "SELECT count(*) FROM payments"), ==, 2);

  /* An advance paid before the signing (2026-01-05), in the planned
   * currency named; an invoice total above the amount. */
  g_free (settlement->date);
  settlement->date = g_strdup ("2025-12-28");
  settlement->currency = g_strdup ("CNY");
  g_assert_true (signet_store_add_payment_settlement (f.store, settlement, &error));
  g_assert_no_error (error);
  g_free (invoice->number);
  invoice->number = g_strdup ("FP-2");
  invoice->payment_id = payment->id;
  invoice->amount = 2500000;
  g_assert_true (signet_store_add_payment_invoice (f.store, invoice, &error));
  g_assert_no_error (error);

  /* The currency of what was recorded stays. */
  g_clear_pointer (&payment, signet_payment_free);
  payment = get_payment (&f, settlement->payment_id);
  g_free (payment->currency);
  payment->currency = g_strdup ("USD");
  g_assert_false (signet_store_update_payment (f.store, payment, &error));
  assert_field_error (&error, SIGNET_FIELD_PAYMENT_CURRENCY);

  store_fixture_close (&f);
}

/* The sums against the terms in force: an amendment raising the value
 * changes the warning; another currency has its own sums. */
static void
test_summary_with_amendment (void)
{
  StoreFixture f;
  g_autoptr(SignetContract) contract = NULL;
  g_autoptr(SignetContract) terms = NULL;
  g_autoptr(SignetAmendment) amendment = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GArray) totals = NULL;
  g_autoptr(SignetPayment) dollars = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *gap = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *a = money (80000000, "CNY");
  g_autofree char *b = money (100000000, "CNY");
  g_autofree char *c = money (20000000, "CNY");
  g_autofree char *d = money (120000000, "CNY");
  g_autofree char *e = money (40000000, "CNY");
  gint64 id;

  store_fixture_open (&f, "2026-03-01");
  contract = add_signed_contract (&f, "HT-2026-0004", 100000000);
  id = signet_contract_get_id (contract);
  g_clear_pointer (&dollars, signet_payment_free);
  signet_payment_free (plan (&f, id, "首期款", 50000000, "2026-02-01"));
  signet_payment_free (plan (&f, id, "尾款", 30000000, "2026-09-01"));
  dollars = signet_payment_new (id);
  dollars->title = g_strdup ("Licence fee");
  dollars->amount = 1000000;
  dollars->currency = g_strdup ("USD");
  dollars->due_date = g_strdup ("2026-04-01");
  g_assert_true (signet_store_add_payment (f.store, dollars, &error));
  g_assert_no_error (error);

  list = signet_store_list_payments (f.store, id, &error);
  g_assert_no_error (error);
  totals = signet_payments_summarize (list, signet_contract_get_value (contract), "CNY", NULL);
  gap = signet_payment_totals_describe_gap (&g_array_index (totals, SignetPaymentTotals, 0));
  expected = g_strdup_printf ("Scheduled %s of %s: %s not scheduled", a, b, c);
  g_assert_cmpstr (gap, ==, expected);
  g_assert_cmpstr (g_array_index (totals, SignetPaymentTotals, 1).currency, ==, "USD");
  g_assert_null (signet_payment_totals_describe_gap (&g_array_index (totals, SignetPaymentTotals, 1)));
  g_clear_pointer (&totals, g_array_unref);
  g_clear_pointer (&gap, g_free);
  g_clear_pointer (&expected, g_free);

  amendment = signet_amendment_new (id);
  amendment->number = g_strdup ("HT-2026-0004-A1");
  amendment->effective_date = g_strdup ("2026-02-15");
  amendment->changes = SIGNET_AMENDED_TERM_FLAG (SIGNET_AMENDED_VALUE);
  amendment->value = 120000000;
  amendment->currency = g_strdup ("CNY");
  g_assert_true (signet_store_add_amendment (f.store, amendment, &error));
  g_assert_no_error (error);

  terms = signet_store_get_contract_terms (f.store, id, "2026-03-01", NULL, NULL, &error);
  g_assert_no_error (error);
  totals = signet_payments_summarize (list, signet_contract_get_value (terms), signet_contract_get_currency (terms),
                                      NULL);
  gap = signet_payment_totals_describe_gap (&g_array_index (totals, SignetPaymentTotals, 0));
  expected = g_strdup_printf ("Scheduled %s of %s: %s not scheduled", a, d, e);
  g_assert_cmpstr (gap, ==, expected);

  store_fixture_close (&f);
}

/* Migration 16: a version-15 register's payment key dates become planned
 * payments receivable with their title, note, UUID and date and no
 * amount; the milestone stays a key date. */
static void
test_migration (void)
{
  StoreFixture f;
  g_autoptr(SignetStore) store = NULL;
  g_autoptr(GPtrArray) payments = NULL;
  g_autoptr(GPtrArray) key_dates = NULL;
  g_autoptr(GError) error = NULL;
  SignetPayment *payment;

  if (store_fixture_on_server ())
    {
      g_test_skip ("A register in a file only: it checks the migration from a file of version 15");
      return;
    }

  store_fixture_open_empty (&f, "signet.db");
  g_clear_object (&f.store);
  unit_remove_tree (f.dir);
  g_mkdir_with_parents (f.dir, 0700);

  store = signet_store_new_at_version (f.path, 15, &error);
  g_assert_no_error (error);
  g_clear_object (&store);
  unit_exec_raw (f.path,
                 "INSERT INTO clients (id, name, code) VALUES (1, '华东建设', 'HDJS');"
                 "INSERT INTO contracts (id, number, title, client_id, value, currency, start_date, end_date, "
                 "status, risk_level, notice_days, auto_renew) VALUES (1, 'HT-2025-0007', '设备采购', 1, "
                 "100000000, 'CNY', '2025-01-01', '2026-12-31', 'signed', 'low', 30, 0);"
                 "INSERT INTO key_dates (id, contract_id, kind, date, title, note, uuid) VALUES "
                 "(1, 1, 'payment', '2025-01-16', '首期付款', '30% 预付', '6f1c1a52-0b51-4b1e-9c55-1d6f0c0b7a01'),"
                 "(2, 1, 'milestone', '2025-06-30', '到货验收', NULL, '6f1c1a52-0b51-4b1e-9c55-1d6f0c0b7a02'),"
                 "(3, 1, 'payment', '2025-07-15', '验收款', NULL, '6f1c1a52-0b51-4b1e-9c55-1d6f0c0b7a03');");

  store = signet_store_open (f.path, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpint (unit_query_raw_int (f.path, "PRAGMA user_version"), ==, signet_store_get_schema_version ());
  signet_store_set_today (store, "2026-03-01");

  payments = signet_store_list_payments (store, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (payments->len, ==, 2);
  payment = g_ptr_array_index (payments, 0);
  g_assert_cmpstr (payment->title, ==, "首期付款");
  g_assert_cmpstr (payment->note, ==, "30% 预付");
  g_assert_cmpstr (payment->uuid, ==, "6f1c1a52-0b51-4b1e-9c55-1d6f0c0b7a01");
  g_assert_cmpstr (payment->due_date, ==, "2025-01-16");
  g_assert_cmpint (payment->direction, ==, SIGNET_PAYMENT_RECEIVABLE);
  g_assert_false (signet_payment_has_amount (payment));
  g_assert_cmpint (payment->version, ==, 1);
  payment = g_ptr_array_index (payments, 1);
  g_assert_cmpstr (payment->title, ==, "验收款");
  g_assert_null (payment->note);
  g_assert_cmpstr (payment->uuid, ==, "6f1c1a52-0b51-4b1e-9c55-1d6f0c0b7a03");
  g_assert_cmpstr (payment->due_date, ==, "2025-07-15");

  key_dates = signet_store_list_key_dates (store, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (key_dates->len, ==, 1);
  g_assert_cmpstr (((SignetUserKeyDate *) g_ptr_array_index (key_dates, 0))->title, ==, "到货验收");
  g_assert_cmpint (((SignetUserKeyDate *) g_ptr_array_index (key_dates, 0))->kind, ==, SIGNET_KEY_DATE_MILESTONE);

  /* Its amount can now be set, and a payment recorded. */
  payment = g_ptr_array_index (payments, 0);
  payment->amount = 30000000;
  payment->currency = g_strdup ("CNY");
  g_assert_true (signet_store_update_payment (store, payment, &error));
  g_assert_no_error (error);

  g_clear_object (&store);
  store_fixture_close (&f);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/payments/status", test_status);
  g_test_add_func ("/payments/summary", test_summary);
  g_test_add_func ("/payments/store", test_store);
  g_test_add_func ("/payments/undo", test_undo);
  g_test_add_func ("/payments/bad-input", test_bad_input);
  g_test_add_func ("/payments/summary-with-amendment", test_summary_with_amendment);
  g_test_add_func ("/payments/migration", test_migration);

  return g_test_run ();
}
