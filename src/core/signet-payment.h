/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The payment schedule of a contract (收付款计划): planned payments, the
 * invoices issued against each and the payments received or made on it.
 * Plain values the store fills in and takes back (signet-store-payments.h);
 * the status of a planned payment is never stored but follows from its
 * rows and the day, here, with no register. */

typedef enum
{
  SIGNET_PAYMENT_RECEIVABLE,     /* 应收: the other party pays us */
  SIGNET_PAYMENT_PAYABLE,        /* 应付: we pay the other party */
} SignetPaymentDirection;

#define SIGNET_N_PAYMENT_DIRECTIONS (SIGNET_PAYMENT_PAYABLE + 1)

/* "receivable", "payable": stored and written to XML, never translated. */
const char *signet_payment_direction_to_token   (SignetPaymentDirection  direction);
gboolean    signet_payment_direction_from_token (const char             *token,
                                                 SignetPaymentDirection *direction);
/* Translated: "Receivable", "Payable". */
const char *signet_payment_direction_to_label   (SignetPaymentDirection  direction);

/* Where a planned payment stands, from its rows alone; overdue is told
 * apart, by the day (signet_payment_is_overdue()). */
typedef enum
{
  SIGNET_PAYMENT_PLANNED,        /* nothing invoiced or paid, or no amount set */
  SIGNET_PAYMENT_INVOICED,       /* an invoice, nothing paid */
  SIGNET_PAYMENT_PART_PAID,      /* 0 < paid < amount */
  SIGNET_PAYMENT_PAID,           /* paid >= amount */
} SignetPaymentState;

#define SIGNET_N_PAYMENT_STATES (SIGNET_PAYMENT_PAID + 1)

/* "planned", "invoiced", "part-paid", "paid" */
const char *signet_payment_state_to_token       (SignetPaymentState      state);
/* Translated: "Planned", "Invoiced", "Part-Paid", "Paid". */
const char *signet_payment_state_to_label       (SignetPaymentState      state);

/* An invoice issued against a planned payment (number, date, amount in the
 * planned payment's currency). */
typedef struct
{
  gint64  id;                    /* 0: not stored yet */
  gint64  payment_id;
  char   *uuid;                  /* nullable: the store gives one */
  char   *number;
  char   *date;                  /* YYYY-MM-DD */
  gint64  amount;                /* minor units, > 0 */
} SignetPaymentInvoice;

/* A payment received (receivable) or made (payable) on a planned payment,
 * partial ones included, in the planned payment's currency. */
typedef struct
{
  gint64  id;                    /* 0: not stored yet */
  gint64  payment_id;
  char   *uuid;                  /* nullable: the store gives one */
  char   *date;                  /* YYYY-MM-DD */
  gint64  amount;                /* minor units, > 0 */
  char   *currency;              /* nullable on add: the planned payment's; another one is refused */
  char   *note;
  char   *recorded_at;           /* nullable on add: now */
  char   *recorded_by;           /* nullable on add: the user */
} SignetPaymentSettlement;

/* One planned payment. An amount not filled in (a key date of kind
 * payment before migration 16) is @amount 0 with @currency NULL: it counts
 * as planned and takes no invoice or payment until one is set. */
typedef struct
{
  gint64                  id;            /* 0: not stored yet */
  gint64                  contract_id;
  char                   *uuid;          /* nullable: the store gives one */
  SignetPaymentDirection  direction;
  char                   *title;
  gint64                  amount;        /* minor units of @currency; 0: not set */
  char                   *currency;      /* ISO 4217; NULL when no amount is set */
  char                   *due_date;      /* YYYY-MM-DD */
  char                   *condition;     /* "after acceptance"; nullable */
  char                   *note;
  gint64                  paid;          /* the sum of @settlements, kept by the store */
  gint64                  version;       /* for update's conflict check */
  GPtrArray              *invoices;      /* SignetPaymentInvoice *, by date then id */
  GPtrArray              *settlements;   /* SignetPaymentSettlement *, by date then id */
} SignetPayment;

SignetPayment           *signet_payment_new              (gint64                          contract_id);
SignetPayment           *signet_payment_copy             (const SignetPayment            *payment);
void                     signet_payment_free             (SignetPayment                  *payment);
gboolean                 signet_payment_has_amount       (const SignetPayment            *payment);

SignetPaymentInvoice    *signet_payment_invoice_new      (gint64                          payment_id);
SignetPaymentInvoice    *signet_payment_invoice_copy     (const SignetPaymentInvoice     *invoice);
void                     signet_payment_invoice_free     (SignetPaymentInvoice           *invoice);

SignetPaymentSettlement *signet_payment_settlement_new   (gint64                          payment_id);
SignetPaymentSettlement *signet_payment_settlement_copy  (const SignetPaymentSettlement  *settlement);
void                     signet_payment_settlement_free  (SignetPaymentSettlement        *settlement);

/* The sum of the invoices' amounts. */
gint64                   signet_payment_get_invoiced     (const SignetPayment            *payment);
SignetPaymentState       signet_payment_get_state        (const SignetPayment            *payment);
/* What is still owed: the amount less what was paid, 0 when paid or no
 * amount is set. */
gint64                   signet_payment_get_outstanding  (const SignetPayment            *payment);
/* Due before @today (YYYY-MM-DD) and not paid: on the due date itself it
 * is still in time. */
gboolean                 signet_payment_is_overdue       (const SignetPayment            *payment,
                                                          const char                     *today);
/* The status a user reads, translated: "Paid", "Invoiced", "Planned",
 * "Amount not set", "Part-paid, ¥20,000.00 left", and overdue "Overdue:
 * ¥50,000.00", "Part-paid, ¥20,000.00 overdue", "Amount not set, overdue". */
char                    *signet_payment_describe_status  (const SignetPayment            *payment,
                                                          const char                     *today);

/* The schedule's sums in one currency, receivable and payable apart: an
 * office books what it is owed and what it owes in different ledgers,
 * and a net figure would hide an unpaid receivable behind a payable. */
typedef struct
{
  char    currency[4];
  gint64  scheduled[SIGNET_N_PAYMENT_DIRECTIONS];
  gint64  invoiced[SIGNET_N_PAYMENT_DIRECTIONS];
  gint64  paid[SIGNET_N_PAYMENT_DIRECTIONS];
  guint   n_payments[SIGNET_N_PAYMENT_DIRECTIONS];
  gint64  value;                 /* the contract's value when it is in this currency, else 0 */
  gboolean is_contract_currency;
} SignetPaymentTotals;

/* The totals of @payments (SignetPayment *) per currency, the contract's
 * currency first (even with no payment in it, when @value > 0), then the
 * others by code. Planned payments with no amount are counted in
 * @n_unset. */
GArray                  *signet_payments_summarize       (GPtrArray                      *payments,
                                                          gint64                          value,
                                                          const char                     *currency,
                                                          guint                          *n_unset);

/* Which side of the schedule must add up to the contract value: the one
 * with the larger sum in the contract's currency (receivable when equal),
 * as a contract we are paid for schedules receivables and one we buy
 * under schedules payables. */
SignetPaymentDirection   signet_payment_totals_main_direction (const SignetPaymentTotals *totals);
/* When the main side's schedule in the contract's currency differs from
 * the contract value, the warning a user reads, translated ("Scheduled
 * ¥800,000.00 of ¥1,000,000.00: ¥200,000.00 not scheduled"); else NULL.
 * No warning for a contract without a value or without planned payments. */
char                    *signet_payment_totals_describe_gap (const SignetPaymentTotals *totals);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SignetPayment, signet_payment_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SignetPaymentInvoice, signet_payment_invoice_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SignetPaymentSettlement, signet_payment_settlement_free)

G_END_DECLS
