/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "signet-payment"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "signet-money.h"
#include "signet-payment.h"

static const struct
{
  const char *token;
  const char *label;
} directions[SIGNET_N_PAYMENT_DIRECTIONS] = {
  [SIGNET_PAYMENT_RECEIVABLE] = { "receivable", N_("Receivable") },
  [SIGNET_PAYMENT_PAYABLE] = { "payable", N_("Payable") },
};

static const struct
{
  const char *token;
  const char *label;
} states[SIGNET_N_PAYMENT_STATES] = {
  [SIGNET_PAYMENT_PLANNED] = { "planned", NC_("payment", "Planned") },
  [SIGNET_PAYMENT_INVOICED] = { "invoiced", NC_("payment", "Invoiced") },
  [SIGNET_PAYMENT_PART_PAID] = { "part-paid", NC_("payment", "Part-Paid") },
  [SIGNET_PAYMENT_PAID] = { "paid", NC_("payment", "Paid") },
};

const char *
signet_payment_direction_to_token (SignetPaymentDirection direction)
{
  g_return_val_if_fail (direction < SIGNET_N_PAYMENT_DIRECTIONS, NULL);

  return directions[direction].token;
}

gboolean
signet_payment_direction_from_token (const char             *token,
                                     SignetPaymentDirection *direction)
{
  g_return_val_if_fail (direction != NULL, FALSE);

  for (guint i = 0; i < SIGNET_N_PAYMENT_DIRECTIONS; i++)
    if (g_strcmp0 (token, directions[i].token) == 0)
      {
        *direction = i;
        return TRUE;
      }

  return FALSE;
}

const char *
signet_payment_direction_to_label (SignetPaymentDirection direction)
{
  g_return_val_if_fail (direction < SIGNET_N_PAYMENT_DIRECTIONS, NULL);

  return _(directions[direction].label);
}

const char *
signet_payment_state_to_token (SignetPaymentState state)
{
  g_return_val_if_fail (state < SIGNET_N_PAYMENT_STATES, NULL);

  return states[state].token;
}

const char *
signet_payment_state_to_label (SignetPaymentState state)
{
  g_return_val_if_fail (state < SIGNET_N_PAYMENT_STATES, NULL);

  return g_dpgettext2 (NULL, "payment", states[state].label);
}

SignetPaymentInvoice *
signet_payment_invoice_new (gint64 payment_id)
{
  SignetPaymentInvoice *invoice = g_new0 (SignetPaymentInvoice, 1);

  invoice->payment_id = payment_id;

  return invoice;
}

SignetPaymentInvoice *
signet_payment_invoice_copy (const SignetPaymentInvoice *invoice)
{
  SignetPaymentInvoice *copy;

  g_return_val_if_fail (invoice != NULL, NULL);

  copy = g_memdup2 (invoice, sizeof *invoice);
  copy->uuid = g_strdup (invoice->uuid);
  copy->number = g_strdup (invoice->number);
  copy->date = g_strdup (invoice->date);

  return copy;
}

void
signet_payment_invoice_free (SignetPaymentInvoice *invoice)
{
  if (invoice == NULL)
    return;

  g_free (invoice->uuid);
  g_free (invoice->number);
  g_free (invoice->date);
  g_free (invoice);
}

SignetPaymentSettlement *
signet_payment_settlement_new (gint64 payment_id)
{
  SignetPaymentSettlement *settlement = g_new0 (SignetPaymentSettlement, 1);

  settlement->payment_id = payment_id;

  return settlement;
}

SignetPaymentSettlement *
signet_payment_settlement_copy (const SignetPaymentSettlement *settlement)
{
  SignetPaymentSettlement *copy;

  g_return_val_if_fail (settlement != NULL, NULL);

  copy = g_memdup2 (settlement, sizeof *settlement);
  copy->uuid = g_strdup (settlement->uuid);
  copy->date = g_strdup (settlement->date);
  copy->currency = g_strdup (settlement->currency);
  copy->note = g_strdup (settlement->note);
  copy->recorded_at = g_strdup (settlement->recorded_at);
  copy->recorded_by = g_strdup (settlement->recorded_by);

  return copy;
}

void
signet_payment_settlement_free (SignetPaymentSettlement *settlement)
{
  if (settlement == NULL)
    return;

  g_free (settlement->uuid);
  g_free (settlement->date);
  g_free (settlement->currency);
  g_free (settlement->note);
  g_free (settlement->recorded_at);
  g_free (settlement->recorded_by);
  g_free (settlement);
}

SignetPayment *
signet_payment_new (gint64 contract_id)
{
  SignetPayment *payment = g_new0 (SignetPayment, 1);

  payment->contract_id = contract_id;
  payment->invoices = g_ptr_array_new_with_free_func ((GDestroyNotify) signet_payment_invoice_free);
  payment->settlements = g_ptr_array_new_with_free_func ((GDestroyNotify) signet_payment_settlement_free);

  return payment;
}

SignetPayment *
signet_payment_copy (const SignetPayment *payment)
{
  SignetPayment *copy;

  g_return_val_if_fail (payment != NULL, NULL);

  copy = g_memdup2 (payment, sizeof *payment);
  copy->uuid = g_strdup (payment->uuid);
  copy->title = g_strdup (payment->title);
  copy->currency = g_strdup (payment->currency);
  copy->due_date = g_strdup (payment->due_date);
  copy->condition = g_strdup (payment->condition);
  copy->note = g_strdup (payment->note);
  copy->invoices = g_ptr_array_new_with_free_func ((GDestroyNotify) signet_payment_invoice_free);
  copy->settlements = g_ptr_array_new_with_free_func ((GDestroyNotify) signet_payment_settlement_free);
  for (guint i = 0; i < payment->invoices->len; i++)
    g_ptr_array_add (copy->invoices, signet_payment_invoice_copy (g_ptr_array_index (payment->invoices, i)));
  for (guint i = 0; i < payment->settlements->len; i++)
    g_ptr_array_add (copy->settlements,
                     signet_payment_settlement_copy (g_ptr_array_index (payment->settlements, i)));

  return copy;
}

void
signet_payment_free (SignetPayment *payment)
{
  if (payment == NULL)
    return;

  g_free (payment->uuid);
  g_free (payment->title);
  g_free (payment->currency);
  g_free (payment->due_date);
  g_free (payment->condition);
  g_free (payment->note);
  g_clear_pointer (&payment->invoices, g_ptr_array_unref);
  g_clear_pointer (&payment->settlements, g_ptr_array_unref);
  g_free (payment);
}

gboolean
signet_payment_has_amount (const SignetPayment *payment)
{
  g_return_val_if_fail (payment != NULL, FALSE);

  return payment->amount > 0 && payment->currency != NULL;
}

gint64
signet_payment_get_invoiced (const SignetPayment *payment)
{
  gint64 sum = 0;

  g_return_val_if_fail (payment != NULL, 0);

  for (guint i = 0; i < payment->invoices->len; i++)
    sum += ((SignetPaymentInvoice *) g_ptr_array_index (payment->invoices, i))->amount;

  return sum;
}

SignetPaymentState
signet_payment_get_state (const SignetPayment *payment)
{
  g_return_val_if_fail (payment != NULL, SIGNET_PAYMENT_PLANNED);

  if (!signet_payment_has_amount (payment))
    return SIGNET_PAYMENT_PLANNED;
  if (payment->paid >= payment->amount)
    return SIGNET_PAYMENT_PAID;
  if (payment->paid > 0)
    return SIGNET_PAYMENT_PART_PAID;
  if (payment->invoices->len > 0)
    return SIGNET_PAYMENT_INVOICED;

  return SIGNET_PAYMENT_PLANNED;
}

gint64
signet_payment_get_outstanding (const SignetPayment *payment)
{
  g_return_val_if_fail (payment != NULL, 0);

  if (!signet_payment_has_amount (payment) || payment->paid >= payment->amount)
    return 0;

  return payment->amount - payment->paid;
}

gboolean
signet_payment_is_overdue (const SignetPayment *payment,
                           const char          *today)
{
  g_return_val_if_fail (payment != NULL, FALSE);
  g_return_val_if_fail (today != NULL, FALSE);

  return signet_payment_get_state (payment) != SIGNET_PAYMENT_PAID &&
         payment->due_date != NULL && strcmp (payment->due_date, today) < 0;
}

char *
signet_payment_describe_status (const SignetPayment *payment,
                                const char          *today)
{
  SignetPaymentState state;
  g_autofree char *left = NULL;
  gboolean overdue;

  g_return_val_if_fail (payment != NULL, NULL);
  g_return_val_if_fail (today != NULL, NULL);

  state = signet_payment_get_state (payment);
  overdue = signet_payment_is_overdue (payment, today);

  if (!signet_payment_has_amount (payment))
    return g_strdup (overdue ? _("Amount not set, overdue") : _("Amount not set"));

  left = signet_money_format (signet_payment_get_outstanding (payment), payment->currency);

  switch (state)
    {
    case SIGNET_PAYMENT_PAID:
      return g_strdup (signet_payment_state_to_label (state));
    case SIGNET_PAYMENT_PART_PAID:
      /* Translators: %s is what is still owed, "¥20,000.00". */
      return overdue ? g_strdup_printf (_("Part-paid, %s overdue"), left)
                     : g_strdup_printf (_("Part-paid, %s left"), left);
    case SIGNET_PAYMENT_INVOICED:
      /* Translators: %s is what is owed, "¥50,000.00". */
      return overdue ? g_strdup_printf (_("Invoiced, %s overdue"), left)
                     : g_strdup (signet_payment_state_to_label (state));
    case SIGNET_PAYMENT_PLANNED:
    default:
      /* Translators: %s is what is owed, "¥50,000.00". */
      return overdue ? g_strdup_printf (_("Overdue: %s"), left)
                     : g_strdup (signet_payment_state_to_label (state));
    }
}

static SignetPaymentTotals *
find_totals (GArray     *totals,
             const char *currency)
{
  SignetPaymentTotals fresh = { 0 };

  for (guint i = 0; i < totals->len; i++)
    {
      SignetPaymentTotals *t = &g_array_index (totals, SignetPaymentTotals, i);

      if (g_strcmp0 (t->currency, currency) == 0)
        return t;
    }

  g_strlcpy (fresh.currency, currency, sizeof fresh.currency);
  g_array_append_val (totals, fresh);

  return &g_array_index (totals, SignetPaymentTotals, totals->len - 1);
}

static int
compare_totals (gconstpointer a,
                gconstpointer b)
{
  const SignetPaymentTotals *ta = a;
  const SignetPaymentTotals *tb = b;

  if (ta->is_contract_currency != tb->is_contract_currency)
    return ta->is_contract_currency ? -1 : 1;

  return strcmp (ta->currency, tb->currency);
}

GArray *
signet_payments_summarize (GPtrArray  *payments,
                           gint64      value,
                           const char *currency,
                           guint      *n_unset)
{
  g_autoptr(GArray) totals = g_array_new (FALSE, TRUE, sizeof (SignetPaymentTotals));
  guint unset = 0;

  g_return_val_if_fail (payments != NULL, NULL);

  if (value > 0 && currency != NULL && strlen (currency) == 3)
    {
      SignetPaymentTotals *t = find_totals (totals, currency);

      t->value = value;
      t->is_contract_currency = TRUE;
    }

  for (guint i = 0; i < payments->len; i++)
    {
      const SignetPayment *payment = g_ptr_array_index (payments, i);
      SignetPaymentTotals *t;

      if (!signet_payment_has_amount (payment))
        {
          unset++;
          continue;
        }

      t = find_totals (totals, payment->currency);
      t->scheduled[payment->direction] += payment->amount;
      t->invoiced[payment->direction] += signet_payment_get_invoiced (payment);
      t->paid[payment->direction] += payment->paid;
      t->n_payments[payment->direction]++;
    }

  g_array_sort (totals, compare_totals);
  if (n_unset != NULL)
    *n_unset = unset;

  return g_steal_pointer (&totals);
}

SignetPaymentDirection
signet_payment_totals_main_direction (const SignetPaymentTotals *totals)
{
  g_return_val_if_fail (totals != NULL, SIGNET_PAYMENT_RECEIVABLE);

  return totals->scheduled[SIGNET_PAYMENT_PAYABLE] > totals->scheduled[SIGNET_PAYMENT_RECEIVABLE]
    ? SIGNET_PAYMENT_PAYABLE : SIGNET_PAYMENT_RECEIVABLE;
}

char *
signet_payment_totals_describe_gap (const SignetPaymentTotals *totals)
{
  SignetPaymentDirection main;
  g_autofree char *scheduled = NULL;
  g_autofree char *value = NULL;
  g_autofree char *gap = NULL;
  gint64 sum;

  g_return_val_if_fail (totals != NULL, NULL);

  if (!totals->is_contract_currency || totals->value <= 0 ||
      totals->n_payments[SIGNET_PAYMENT_RECEIVABLE] + totals->n_payments[SIGNET_PAYMENT_PAYABLE] == 0)
    return NULL;

  main = signet_payment_totals_main_direction (totals);
  sum = totals->scheduled[main];
  if (sum == totals->value)
    return NULL;

  scheduled = signet_money_format (sum, totals->currency);
  value = signet_money_format (totals->value, totals->currency);
  gap = signet_money_format (ABS (totals->value - sum), totals->currency);

  if (sum < totals->value)
    /* Translators: "Scheduled ¥800,000.00 of ¥1,000,000.00: ¥200,000.00 not scheduled". */
    return g_strdup_printf (_("Scheduled %s of %s: %s not scheduled"), scheduled, value, gap);

  /* Translators: "Scheduled ¥1,200,000.00 of ¥1,000,000.00: ¥200,000.00 more than the contract value". */
  return g_strdup_printf (_("Scheduled %s of %s: %s more than the contract value"), scheduled, value, gap);
}
