/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "signet-demo"

#include "config.h"

#include <string.h>

#include "signet-demo-commitments-private.h"
#include "signet-store-payments.h"

/* The payment schedules of the demo register's contracts: each kind of
 * contract paid as such contracts are, invoiced and paid as the payments
 * fell due, but for a few late ones (see signet-demo-commitments.c). */

typedef enum
{
  SCHEDULE_PROJECT,       /* 30 % on signing, 60 % on interim acceptance, 10 % after final acceptance */
  SCHEDULE_HALVES,        /* half at the start, half at the end */
  SCHEDULE_MAINTENANCE,   /* half after the first inspection, half after the one at mid-year */
  SCHEDULE_YEARLY_FEE,    /* a fee at the start of each year */
  SCHEDULE_RENT,          /* rent before each lease year */
  SCHEDULE_INSTALMENTS,   /* equal instalments at the end of each quarter or half-year */
} ScheduleKind;

/* How each kind of contract of the demo is paid, and who pays: a contract
 * we are paid for schedules receivables, one we buy under payables. */
static const struct
{
  const char             *contract_type;
  SignetPaymentDirection  direction;
  ScheduleKind            kind;
} demo_payment_terms[] = {
  { "技术开发", SIGNET_PAYMENT_RECEIVABLE, SCHEDULE_PROJECT },
  { "工程", SIGNET_PAYMENT_PAYABLE, SCHEDULE_PROJECT },
  { "采购", SIGNET_PAYMENT_PAYABLE, SCHEDULE_PROJECT },
  { "软件许可", SIGNET_PAYMENT_PAYABLE, SCHEDULE_YEARLY_FEE },
  { "订阅服务", SIGNET_PAYMENT_PAYABLE, SCHEDULE_YEARLY_FEE },
  { "维保服务", SIGNET_PAYMENT_PAYABLE, SCHEDULE_MAINTENANCE },
  { "租赁", SIGNET_PAYMENT_PAYABLE, SCHEDULE_RENT },
  { "物流服务", SIGNET_PAYMENT_RECEIVABLE, SCHEDULE_INSTALMENTS },
  { "代理", SIGNET_PAYMENT_RECEIVABLE, SCHEDULE_INSTALMENTS },
  { "市场服务", SIGNET_PAYMENT_PAYABLE, SCHEDULE_HALVES },
  { "咨询", SIGNET_PAYMENT_RECEIVABLE, SCHEDULE_HALVES },
  { "Services", SIGNET_PAYMENT_RECEIVABLE, SCHEDULE_INSTALMENTS },
  { "License", SIGNET_PAYMENT_PAYABLE, SCHEDULE_YEARLY_FEE },
  { "Distribution", SIGNET_PAYMENT_RECEIVABLE, SCHEDULE_INSTALMENTS },
  { "Supply", SIGNET_PAYMENT_RECEIVABLE, SCHEDULE_PROJECT },
  { "Subscription", SIGNET_PAYMENT_PAYABLE, SCHEDULE_YEARLY_FEE },
  { "Consulting", SIGNET_PAYMENT_RECEIVABLE, SCHEDULE_HALVES },
  { "Lease", SIGNET_PAYMENT_PAYABLE, SCHEDULE_RENT },
};

/* One planned payment before it is written. */
typedef struct
{
  char    *title;
  char    *condition;
  gint64   amount;
  guint32  due;
} Instalment;

static void
instalment_clear (Instalment *instalment)
{
  g_clear_pointer (&instalment->title, g_free);
  g_clear_pointer (&instalment->condition, g_free);
}

static void
add_instalment (GArray     *schedule,
                guint32     due,
                gint64      amount,
                char       *title,
                const char *condition)
{
  Instalment instalment = { title, g_strdup (condition), amount, due };

  g_array_append_val (schedule, instalment);
}

/* Shares of @value in hundredths, the last taking what rounding left. */
static gint64
share (gint64 value,
       guint  percent)
{
  return value / 100 * percent;
}

static void
plan_project (GArray             *schedule,
              const DemoContract *demo,
              gint64              value,
              gboolean            goods)
{
  gint64 first = share (value, 30);
  gint64 second = share (value, 60);

  if (demo->chinese)
    {
      add_instalment (schedule, demo->start + 10, first, g_strdup ("首付款（30%）"), "合同签订后 10 个工作日内");
      add_instalment (schedule, demo->start + (demo->end - demo->start) / 2, second, g_strdup ("进度款（60%）"),
                      goods ? "到货验收合格后 15 日内" : "中期验收合格后 15 日内");
      add_instalment (schedule, demo->end, value - first - second, g_strdup ("尾款（10%）"), "验收合格后 30 日内");
    }
  else
    {
      add_instalment (schedule, demo->start + 10, first, g_strdup ("Advance payment (30%)"),
                      "Within 10 business days of signing");
      add_instalment (schedule, demo->start + (demo->end - demo->start) / 2, second, g_strdup ("Progress payment (60%)"),
                      goods ? "Within 15 days of accepting the delivery" : "Within 15 days of interim acceptance");
      add_instalment (schedule, demo->end, value - first - second, g_strdup ("Final payment (10%)"),
                      "Within 30 days of final acceptance");
    }
}

static void
plan_halves (GArray             *schedule,
             const DemoContract *demo,
             gint64              value,
             gboolean            maintenance)
{
  gint64 half = share (value, 50);
  guint32 second = maintenance ? add_months (demo->start, 6) + 15 : demo->end;

  if (demo->chinese && maintenance)
    {
      add_instalment (schedule, demo->start + 30, half, g_strdup ("上半年维保费（50%）"), "首次巡检完成后 15 日内");
      add_instalment (schedule, second, value - half, g_strdup ("下半年维保费（50%）"), "年中巡检合格后 15 日内");
    }
  else if (demo->chinese)
    {
      add_instalment (schedule, demo->start + 15, half, g_strdup ("首期款（50%）"), "合同签订后 15 日内");
      add_instalment (schedule, second, value - half, g_strdup ("尾款（50%）"), "服务完成并验收合格后 30 日内");
    }
  else
    {
      add_instalment (schedule, demo->start + 15, half, g_strdup ("First half of the fee (50%)"),
                      "Within 15 days of signing");
      add_instalment (schedule, second, value - half, g_strdup ("Second half of the fee (50%)"),
                      "Net 30 after the final report is accepted");
    }
}

/* The title of the @i-th (from 0) of @n periodic payments. */
static char *
period_title (ScheduleKind kind,
              gboolean     chinese,
              guint        i,
              guint        n)
{
  switch (kind)
    {
    case SCHEDULE_YEARLY_FEE:
      if (n == 1)
        return g_strdup (chinese ? "年费" : "Annual fee");
      return chinese ? g_strdup_printf ("第 %u 年年费", i + 1) : g_strdup_printf ("Annual fee, year %u of %u", i + 1, n);
    case SCHEDULE_RENT:
      if (n == 1)
        return g_strdup (chinese ? "租金" : "Rent");
      return chinese ? g_strdup_printf ("第 %u 年度租金", i + 1) : g_strdup_printf ("Rent, year %u of %u", i + 1, n);
    case SCHEDULE_INSTALMENTS:
      if (n == 1)
        return g_strdup (chinese ? "服务费" : "Service fee");
      return chinese ? g_strdup_printf ("第 %u 期服务费（共 %u 期）", i + 1, n)
                     : g_strdup_printf ("Service fee, instalment %u of %u", i + 1, n);
    case SCHEDULE_PROJECT:
    case SCHEDULE_HALVES:
    case SCHEDULE_MAINTENANCE:
    default:
      g_assert_not_reached ();
    }
}

/* Equal parts of @value, one for every @step months of the term: due
 * @offset days after the period starts (with @at_start; a negative
 * @offset: before it), or else on its last day; none before the signing. */
static void
plan_periods (GArray             *schedule,
              const DemoContract *demo,
              gint64              value,
              ScheduleKind        kind,
              guint               step,
              gboolean            at_start,
              int                 offset,
              const char         *condition)
{
  guint n = MAX (1, (months_between (demo->start, demo->end) + step - 1) / step);
  gint64 part = value / n;

  for (guint i = 0; i < n; i++)
    {
      guint32 due = at_start ? add_months (demo->start, (int) (i * step)) + offset
                             : add_months (demo->start, (int) ((i + 1) * step)) - 1;

      due = CLAMP (due, demo->signing, demo->end);
      add_instalment (schedule, due, i + 1 == n ? value - part * (n - 1) : part,
                      period_title (kind, demo->chinese, i, n), condition);
    }
}

/* The planned payments of @demo in the order they fall due, adding up to
 * @value; an empty array for a contract the demo does not schedule. */
static GArray *
plan_schedule (const DemoContract     *demo,
               gint64                  value,
               SignetPaymentDirection *direction)
{
  GArray *schedule = g_array_new (FALSE, TRUE, sizeof (Instalment));
  const char *type = signet_contract_get_contract_type (demo->contract);
  const char *title = signet_contract_get_title (demo->contract);
  guint months = months_between (demo->start, demo->end);

  g_array_set_clear_func (schedule, (GDestroyNotify) instalment_clear);

  for (guint i = 0; i < G_N_ELEMENTS (demo_payment_terms); i++)
    {
      if (g_strcmp0 (demo_payment_terms[i].contract_type, type) != 0)
        continue;

      *direction = demo_payment_terms[i].direction;
      switch (demo_payment_terms[i].kind)
        {
        case SCHEDULE_PROJECT:
          plan_project (schedule, demo, value, strstr (title, "采购") != NULL || g_str_has_prefix (title, "Supply"));
          break;
        case SCHEDULE_HALVES:
          plan_halves (schedule, demo, value, FALSE);
          break;
        case SCHEDULE_MAINTENANCE:
          plan_halves (schedule, demo, value, months >= 12);
          break;
        case SCHEDULE_YEARLY_FEE:
          plan_periods (schedule, demo, value, SCHEDULE_YEARLY_FEE, 12, TRUE, 15,
                        demo->chinese ? "收到发票后 30 日内" : "Net 30 from the invoice");
          break;
        case SCHEDULE_RENT:
          plan_periods (schedule, demo, value, SCHEDULE_RENT, 12, TRUE, -10,
                        demo->chinese ? "每个租赁年度开始前 10 日内" : "10 days before each lease year");
          break;
        case SCHEDULE_INSTALMENTS:
          plan_periods (schedule, demo, value, SCHEDULE_INSTALMENTS, months <= 12 ? 3 : 6, FALSE, 0,
                        demo->chinese ? "每期结束后收到发票 30 日内" : "Net 30 after each period");
          break;
        default:
          g_assert_not_reached ();
        }
      break;
    }

  return schedule;
}

/* What happened to one planned payment besides its falling due. */
typedef enum
{
  SETTLE_ON_TIME,         /* invoiced before its due date and paid by it */
  SETTLE_OVERDUE,         /* invoiced, nothing paid, due some weeks ago */
  SETTLE_PART_OVERDUE,    /* invoiced, part paid, the rest overdue */
  SETTLE_PART_AHEAD,      /* invoiced, part paid before it is due */
} Settle;

static char *
next_invoice_number (Commitments            *self,
                     const DemoContract     *demo,
                     SignetPaymentDirection  direction,
                     guint32                 date)
{
  GDate day;

  g_date_clear (&day, 1);
  g_date_set_julian (&day, date);
  self->invoice_number += pick_between (self->rand, 1, 40);

  /* A fully digital VAT invoice (数电发票) has twenty digits: the year,
   * the province of the seller (上海 31 for ours, 广东 44 for theirs) and
   * a serial number. */
  if (demo->chinese)
    return g_strdup_printf ("%02u%s2%015u", g_date_get_year (&day) % 100,
                            direction == SIGNET_PAYMENT_RECEIVABLE ? "31" : "44", self->invoice_number);

  return g_strdup_printf (direction == SIGNET_PAYMENT_RECEIVABLE ? "INV-%u-%05u" : "SUP-%u-%05u",
                          g_date_get_year (&day), self->invoice_number % 100000);
}

static gboolean
add_invoice (Commitments            *self,
             const DemoContract     *demo,
             const SignetPayment    *payment,
             guint32                 date,
             GError                **error)
{
  g_autoptr(SignetPaymentInvoice) invoice = signet_payment_invoice_new (payment->id);

  invoice->number = next_invoice_number (self, demo, payment->direction, date);
  invoice->date = julian_to_iso (date);
  invoice->amount = payment->amount;

  return signet_store_add_payment_invoice (self->store, invoice, error);
}

static gboolean
add_settlement (Commitments          *self,
                const DemoContract   *demo,
                const SignetPayment  *payment,
                guint32               date,
                gint64                amount,
                const char           *note,
                GError              **error)
{
  g_autoptr(SignetPaymentSettlement) settlement = signet_payment_settlement_new (payment->id);
  g_autofree char *iso = julian_to_iso (date);

  settlement->date = g_strdup (iso);
  settlement->amount = amount;
  settlement->note = g_strdup (note);
  /* Booked by finance on the day the bank statement showed it. */
  settlement->recorded_by = g_strdup (demo->chinese ? "王芳" : "Sarah Johnson");
  settlement->recorded_at = g_strconcat (iso, "T02:30:00.000Z", NULL);

  return signet_store_add_payment_settlement (self->store, settlement, error);
}

/* Invoices and payments of @payment as of today: paid by its due date
 * once that passed, invoiced in the weeks before it, or as @settle says. */
static gboolean
settle_payment (Commitments          *self,
                const DemoContract   *demo,
                const SignetPayment  *payment,
                guint32               due,
                Settle                settle,
                GError              **error)
{
  guint32 earliest = MAX (demo->signing, demo->start > 45 ? demo->start - 45 : 0);
  guint32 invoiced = CLAMP (due - MIN (due, pick_between (self->rand, 8, 20)), earliest, self->today);
  gint64 part = payment->amount / 100 * (settle == SETTLE_PART_OVERDUE ? 40 : 50);

  switch (settle)
    {
    case SETTLE_ON_TIME:
      if (due > self->today + 20)
        return TRUE;
      if (!add_invoice (self, demo, payment, invoiced, error))
        return FALSE;
      if (due >= self->today)
        return TRUE;
      return add_settlement (self, demo, payment, CLAMP (due - pick_between (self->rand, 0, 6), invoiced, self->today),
                             payment->amount, NULL, error);

    case SETTLE_OVERDUE:
      return add_invoice (self, demo, payment, due - 12, error);

    case SETTLE_PART_OVERDUE:
      return add_invoice (self, demo, payment, due - 15, error) &&
             add_settlement (self, demo, payment, due + 4, part,
                             demo->chinese ? "对方先付 40%，余款承诺月底前付清。"
                                           : "40 % paid; the client promised the rest by the end of the month.",
                             error);

    case SETTLE_PART_AHEAD:
      return add_invoice (self, demo, payment, self->today - 8, error) &&
             add_settlement (self, demo, payment, self->today - 2, part,
                             demo->chinese ? "按双方约定提前支付一半。" : "Half paid early, as agreed.",
                             error);

    default:
      g_assert_not_reached ();
    }
}

/* Writes @schedule, each payment paid as it fell due but the one at
 * @late_index (-1: none), settled as @settle. The payments a contract of
 * a type with a payment among its key dates was given without an amount
 * take the first amounts of the schedule; the others are added. */
static gboolean
write_schedule (Commitments            *self,
                const DemoContract     *demo,
                SignetPaymentDirection  direction,
                GArray                 *schedule,
                int                     late_index,
                Settle                  settle,
                GError                **error)
{
  g_autoptr(GPtrArray) existing = signet_store_list_payments (self->store, demo->id, error);
  guint n_reused = 0;

  if (existing == NULL)
    return FALSE;

  for (guint i = 0; i < schedule->len; i++)
    {
      const Instalment *instalment = &g_array_index (schedule, Instalment, i);
      g_autoptr(SignetPayment) payment = NULL;
      gboolean added;

      while (n_reused < existing->len &&
             signet_payment_has_amount (g_ptr_array_index (existing, n_reused)))
        n_reused++;
      payment = n_reused < existing->len ? signet_payment_copy (g_ptr_array_index (existing, n_reused++))
                                         : signet_payment_new (demo->id);

      payment->direction = direction;
      g_free (payment->title);
      payment->title = g_strdup (instalment->title);
      payment->amount = instalment->amount;
      g_free (payment->currency);
      payment->currency = g_strdup (signet_contract_get_currency (demo->contract));
      g_free (payment->due_date);
      payment->due_date = julian_to_iso (instalment->due);
      g_free (payment->condition);
      payment->condition = g_strdup (instalment->condition);
      added = payment->id == 0 ? signet_store_add_payment (self->store, payment, error)
                               : signet_store_update_payment (self->store, payment, error);
      if (!added ||
          !settle_payment (self, demo, payment, instalment->due, (int) i == late_index ? settle : SETTLE_ON_TIME, error))
        return FALSE;
    }

  return TRUE;
}

static int
compare_instalments (gconstpointer a,
                     gconstpointer b)
{
  const Instalment *ia = a;
  const Instalment *ib = b;

  return ia->due < ib->due ? -1 : ia->due > ib->due;
}

/* Moves the payment of @schedule due nearest to @due onto it: the index
 * of that payment once the schedule is in order again. */
static int
force_due (GArray  *schedule,
           guint32  due)
{
  guint nearest = 0;

  for (guint i = 1; i < schedule->len; i++)
    if (ABS ((gint64) g_array_index (schedule, Instalment, i).due - due) <
        ABS ((gint64) g_array_index (schedule, Instalment, nearest).due - due))
      nearest = i;

  g_array_index (schedule, Instalment, nearest).due = due;
  g_array_sort (schedule, compare_instalments);

  for (guint i = 0; i < schedule->len; i++)
    if (g_array_index (schedule, Instalment, i).due == due)
      return (int) i;

  g_assert_not_reached ();
}

/* A contract running for some weeks yet, that began long enough ago for
 * a payment to be late. */
static gboolean
is_midway (const Commitments  *self,
           const DemoContract *demo)
{
  return demo->shown == SIGNET_CONTRACT_STATUS_ACTIVE && demo->start + 60 <= self->today &&
         demo->end >= self->today + 30;
}

/* The payments of the register that are not paid on time, each on the
 * first contract running midway that can have it. */
typedef struct
{
  Settle   next_receivable;   /* SETTLE_OVERDUE, then PART_OVERDUE, then PART_AHEAD */
  gboolean payable_overdue;
} LatePayments;

/* Which payment of @schedule (a contract's, paid by @direction) is not
 * paid on time and how (@settle), moved to a date that makes it so: its
 * index, or -1 when all are paid as they fall due. */
static int
choose_late_payment (Commitments            *self,
                     LatePayments           *late,
                     const DemoContract     *demo,
                     SignetPaymentDirection  direction,
                     GArray                 *schedule,
                     Settle                 *settle)
{
  /* Not the contract whose schedule misses its amended value: one thing
   * to see on each. */
  if (schedule->len < 2 || !is_midway (self, demo) ||
      signet_contract_get_value (demo->terms) != signet_contract_get_value (demo->contract))
    return -1;

  if (direction == SIGNET_PAYMENT_PAYABLE)
    {
      if (late->payable_overdue)
        return -1;
      late->payable_overdue = TRUE;
      *settle = SETTLE_OVERDUE;
      return force_due (schedule, self->today - 9);
    }

  switch (late->next_receivable)
    {
    case SETTLE_OVERDUE:
      /* Chinese and in yuan, as most of the office's work: what the
       * agenda and the section show first reads as it does. */
      if (!demo->chinese || g_strcmp0 (signet_contract_get_currency (demo->contract), "CNY") != 0)
        return -1;
      late->next_receivable = SETTLE_PART_OVERDUE;
      self->late_receivable_id = demo->id;
      *settle = SETTLE_OVERDUE;
      return force_due (schedule, self->today - 18);
    case SETTLE_PART_OVERDUE:
      if (!demo->chinese)
        return -1;
      late->next_receivable = SETTLE_PART_AHEAD;
      *settle = SETTLE_PART_OVERDUE;
      return force_due (schedule, self->today - 33);
    case SETTLE_PART_AHEAD:
      late->next_receivable = SETTLE_ON_TIME;
      *settle = SETTLE_PART_AHEAD;
      return force_due (schedule, self->today + 21);
    case SETTLE_ON_TIME:
    default:
      return -1;
    }
}

/* Every contract that was approved or signed has its schedule, except a
 * terminated one (settled when it ended, as its note says). Besides the
 * payments made on time: a receivable overdue, one part paid with the
 * rest overdue, a payable overdue and a payment part paid ahead of its
 * date. One amended contract's schedule was not brought up to its new
 * value, so its section warns. */
gboolean
_signet_demo_add_payments (Commitments  *self,
                           GError      **error)
{
  LatePayments late = { SETTLE_OVERDUE, FALSE };

  for (guint i = 0; i < self->contracts->len; i++)
    {
      const DemoContract *demo = &g_array_index (self->contracts, DemoContract, i);
      gint64 value = signet_contract_get_value (demo->contract);
      SignetPaymentDirection direction = SIGNET_PAYMENT_RECEIVABLE;
      g_autoptr(GArray) schedule = NULL;
      Settle settle = SETTLE_ON_TIME;
      int late_index;

      if (value <= 0 || demo->start == 0 || demo->end <= demo->start ||
          (!is_signed (demo) && demo->shown != SIGNET_CONTRACT_STATUS_APPROVED) ||
          demo->shown == SIGNET_CONTRACT_STATUS_TERMINATED)
        continue;

      schedule = plan_schedule (demo, value, &direction);
      late_index = choose_late_payment (self, &late, demo, direction, schedule, &settle);
      if (!write_schedule (self, demo, direction, schedule, late_index, settle, error))
        return FALSE;
    }

  return TRUE;
}
