/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "signet-demo"

#include "config.h"

#include "signet-contract-process.h"
#include "signet-date.h"
#include "signet-demo-private.h"
#include "signet-store-current-terms.h"
#include "signet-store-events.h"
#include "signet-store-obligations.h"
#include "signet-store-originals.h"
#include "signet-store-payments.h"
#include "signet-store-people.h"
#include "signet-store-review-findings.h"
#include "signet-store-risks.h"

/* What the demo's contracts commit their parties to, as an office that
 * keeps its register well has it: payment schedules mostly paid on time,
 * a few payments late, obligations done, one late and one overdue, risks
 * that explain each contract's risk level, reviews that found a few
 * issues, and the signed originals in the archive, two of them out on
 * loan. Like the rest of the demo these are data in the contract's
 * language, not translated. Dates are counted from the store's day, so
 * that what is overdue stays within the last weeks whatever the day; the
 * numbers come from a generator of their own, so that the contracts stay
 * those of earlier versions of the demo. */

#define DEMO_COMMITMENTS_SEED 20240603u

/* ------------------------------------------------------------------ */
/* Days                                                                */

static guint32
julian_from_iso (const char *iso)
{
  GDate date;

  if (iso == NULL || !signet_date_parse (iso, &date))
    return 0;

  return g_date_get_julian (&date);
}

static char *
julian_to_iso (guint32 julian)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, julian);

  return signet_date_to_iso (&date);
}

static guint32
add_months (guint32 julian,
            int     months)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, julian);
  signet_date_add_months (&date, months);

  return g_date_get_julian (&date);
}

static guint
months_between (guint32 from,
                guint32 to)
{
  guint months = 0;

  while (add_months (from, months + 1) <= to + 1)
    months++;

  return months;
}

static guint
pick_between (GRand *rand,
              guint  low,
              guint  high)
{
  return g_rand_int_range (rand, low, high + 1);
}

/* ------------------------------------------------------------------ */
/* The contracts                                                       */

/* One contract as the commitments see it: the stored row, its terms in
 * force today and the days that matter. */
typedef struct
{
  SignetContract       *contract;     /* as signed */
  SignetContract       *terms;        /* in force today */
  gint64                id;
  gboolean              chinese;
  SignetContractStatus  shown;
  guint32               signing;      /* 0: not signed */
  guint32               start;
  guint32               end;
  gint64                owner_id;
} DemoContract;

static void
demo_contract_clear (DemoContract *demo)
{
  g_clear_object (&demo->contract);
  g_clear_object (&demo->terms);
}

typedef struct
{
  SignetStore       *store;
  GRand             *rand;
  guint32            today;
  char              *today_iso;
  GHashTable        *people;          /* name → gint64 * id */
  GArray            *contracts;       /* DemoContract */
  SignetDemoReviews *reviews;
  guint              invoice_number;
  gint64             late_receivable_id;  /* the contract with a receivable overdue */
} Commitments;

static gboolean
is_chinese (const char *text)
{
  for (const char *p = text; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    if (g_unichar_get_script (g_utf8_get_char (p)) == G_UNICODE_SCRIPT_HAN)
      return TRUE;

  return FALSE;
}

/* The id of the person @name of People; 0 for nobody known. */
static gint64
person_id (Commitments  *self,
           const char   *name,
           GError      **error)
{
  g_autoptr(SignetPerson) person = NULL;
  gint64 *id;

  if (name == NULL)
    return 0;
  if ((id = g_hash_table_lookup (self->people, name)) != NULL)
    return *id;

  person = signet_store_find_person (self->store, name, error);
  if (person == NULL)
    return 0;

  id = g_new (gint64, 1);
  *id = signet_person_get_id (person);
  g_hash_table_insert (self->people, g_strdup (name), id);

  return *id;
}

static gboolean
load_contracts (Commitments  *self,
                GError      **error)
{
  g_autoptr(GArray) ids = signet_store_query_contract_ids (self->store, NULL, SIGNET_SORT_NUMBER, FALSE, error);

  if (ids == NULL)
    return FALSE;

  for (guint i = 0; i < ids->len; i++)
    {
      DemoContract demo = { 0 };
      GError *person_error = NULL;

      demo.id = g_array_index (ids, gint64, i);
      demo.contract = signet_store_get_contract (self->store, demo.id, error);
      if (demo.contract == NULL)
        return FALSE;
      demo.terms = signet_contract_copy (demo.contract);
      signet_store_apply_current_terms (self->store, demo.terms);
      demo.chinese = is_chinese (signet_contract_get_title (demo.contract));
      demo.shown = signet_contract_get_shown_status (demo.terms, self->today_iso);
      demo.signing = julian_from_iso (signet_contract_get_signing_date (demo.contract));
      demo.start = julian_from_iso (signet_contract_get_start_date (demo.terms));
      demo.end = julian_from_iso (signet_contract_get_end_date (demo.terms));
      demo.owner_id = person_id (self, signet_contract_get_owner (demo.contract), &person_error);
      if (person_error != NULL)
        {
          g_propagate_error (error, person_error);
          demo_contract_clear (&demo);
          return FALSE;
        }
      g_array_append_val (self->contracts, demo);
    }

  return TRUE;
}

static gboolean
is_signed (const DemoContract *demo)
{
  return demo->signing > 0 && demo->start > 0 && demo->end > 0;
}

/* ------------------------------------------------------------------ */
/* Payment schedules                                                   */

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
      /* In yuan, as the agenda's first overdue row reads best. */
      if (!demo->chinese || g_strcmp0 (signet_contract_get_currency (demo->contract), "CNY") != 0)
        return -1;
      late->next_receivable = SETTLE_PART_OVERDUE;
      self->late_receivable_id = demo->id;
      *settle = SETTLE_OVERDUE;
      return force_due (schedule, self->today - 18);
    case SETTLE_PART_OVERDUE:
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
static gboolean
add_payments (Commitments  *self,
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

/* ------------------------------------------------------------------ */
/* Obligations                                                         */

/* What each kind of contract commits us or the other party to: the first
 * due date @offset days after the start (a negative one: before the
 * end). */
static const struct
{
  const char            *contract_type;
  SignetObligationParty  party;
  SignetRecurrence       recurrence;
  int                    offset;
  const char            *title;
} demo_obligations[] = {
  { "维保服务", SIGNET_OBLIGATION_PARTY_US, SIGNET_RECURRENCE_NONE, 7, "提供机房出入权限及配合人员名单" },
  { "维保服务", SIGNET_OBLIGATION_PARTY_CLIENT, SIGNET_RECURRENCE_MONTHLY, 30, "提交月度维保报告" },
  { "维保服务", SIGNET_OBLIGATION_PARTY_CLIENT, SIGNET_RECURRENCE_QUARTERLY, 90, "季度设备巡检（巡检记录双方签字）" },
  { "技术开发", SIGNET_OBLIGATION_PARTY_CLIENT, SIGNET_RECURRENCE_NONE, 14, "提供测试环境及测试数据" },
  { "技术开发", SIGNET_OBLIGATION_PARTY_US, SIGNET_RECURRENCE_NONE, 30, "提交需求规格说明书" },
  { "技术开发", SIGNET_OBLIGATION_PARTY_US, SIGNET_RECURRENCE_MONTHLY, 30, "提交月度项目进度报告" },
  { "技术开发", SIGNET_OBLIGATION_PARTY_US, SIGNET_RECURRENCE_NONE, -30, "交付系统及源代码，组织终验" },
  { "物流服务", SIGNET_OBLIGATION_PARTY_US, SIGNET_RECURRENCE_MONTHLY, 30, "提交月度运输质量报告（准时率、货损率）" },
  { "物流服务", SIGNET_OBLIGATION_PARTY_CLIENT, SIGNET_RECURRENCE_QUARTERLY, 15, "提供下季度货量预测" },
  { "租赁", SIGNET_OBLIGATION_PARTY_CLIENT, SIGNET_RECURRENCE_YEARLY, 180, "年度消防设施检测并提供检测报告" },
  { "租赁", SIGNET_OBLIGATION_PARTY_US, SIGNET_RECURRENCE_NONE, -30, "退租前恢复原状并办理交接" },
  { "订阅服务", SIGNET_OBLIGATION_PARTY_CLIENT, SIGNET_RECURRENCE_MONTHLY, 30, "提供月度服务可用性报告（SLA 99.9%）" },
  { "采购", SIGNET_OBLIGATION_PARTY_CLIENT, SIGNET_RECURRENCE_NONE, 30, "首批货物交付" },
  { "采购", SIGNET_OBLIGATION_PARTY_CLIENT, SIGNET_RECURRENCE_NONE, 40, "提供产品质量检验报告" },
  { "采购", SIGNET_OBLIGATION_PARTY_US, SIGNET_RECURRENCE_NONE, 45, "到货后 7 日内组织验收" },
  { "工程", SIGNET_OBLIGATION_PARTY_CLIENT, SIGNET_RECURRENCE_MONTHLY, 30, "提交月度施工进度及安全报告" },
  { "工程", SIGNET_OBLIGATION_PARTY_CLIENT, SIGNET_RECURRENCE_NONE, -15, "提交竣工验收资料" },
  { "软件许可", SIGNET_OBLIGATION_PARTY_CLIENT, SIGNET_RECURRENCE_QUARTERLY, 90, "提供季度版本更新及安全补丁" },
  { "代理", SIGNET_OBLIGATION_PARTY_CLIENT, SIGNET_RECURRENCE_QUARTERLY, 90, "提交季度销售报表及库存情况" },
  { "Services", SIGNET_OBLIGATION_PARTY_CLIENT, SIGNET_RECURRENCE_NONE, 14, "Give our team access to the client's systems" },
  { "Services", SIGNET_OBLIGATION_PARTY_US, SIGNET_RECURRENCE_MONTHLY, 30, "Monthly service report" },
  { "Services", SIGNET_OBLIGATION_PARTY_US, SIGNET_RECURRENCE_QUARTERLY, 90, "Quarterly business review" },
  { "Data protection", SIGNET_OBLIGATION_PARTY_US, SIGNET_RECURRENCE_YEARLY, 365, "Annual data protection audit report" },
  { "Supply", SIGNET_OBLIGATION_PARTY_US, SIGNET_RECURRENCE_QUARTERLY, 90, "Quarterly certificate of conformity" },
  { "Supply", SIGNET_OBLIGATION_PARTY_CLIENT, SIGNET_RECURRENCE_NONE, 20, "Confirm the delivery schedule" },
  { "Subscription", SIGNET_OBLIGATION_PARTY_CLIENT, SIGNET_RECURRENCE_MONTHLY, 30, "Monthly uptime report (99.9 % SLA)" },
  { "Lease", SIGNET_OBLIGATION_PARTY_CLIENT, SIGNET_RECURRENCE_YEARLY, 365, "Annual safety inspection of the equipment" },
  { "Distribution", SIGNET_OBLIGATION_PARTY_CLIENT, SIGNET_RECURRENCE_QUARTERLY, 90, "Quarterly sales and stock report" },
};

/* The contracts of the demo with obligations; a monthly one on a contract
 * that began long ago would have years of reports to tick off. */
#define DEMO_N_OBLIGATION_CONTRACTS 14
#define DEMO_MAX_PAST_OCCURRENCES 24

/* What became of an occurrence that fell due. */
typedef enum
{
  OCCURRENCE_DONE,
  OCCURRENCE_LATE,
  OCCURRENCE_WAIVED,
  OCCURRENCE_OPEN,
} OccurrenceFate;

typedef struct
{
  guint n_monthly;
  guint n_quarterly;
} ObligationCounts;

/* Every occurrence that fell due was done on time, a day or three early,
 * except the last of the first monthly obligation (still open: overdue),
 * the one before the last of the second (waived), and the last of the
 * first quarterly one (done nine days late). */
static gboolean
record_occurrences (Commitments             *self,
                    const DemoContract      *demo,
                    const SignetObligation  *obligation,
                    ObligationCounts        *counts,
                    GError                 **error)
{
  g_autofree char *last_date = signet_obligation_dup_last_date (obligation, demo->terms);
  g_autofree char *yesterday = julian_to_iso (self->today - 1);
  g_autoptr(GPtrArray) past = signet_obligation_list_occurrences (obligation, last_date, NULL, yesterday);
  guint which = 0;

  /* Counted among the ones that have fallen due. */
  if (obligation->recurrence == SIGNET_RECURRENCE_MONTHLY && past->len > 0)
    which = ++counts->n_monthly;
  else if (obligation->recurrence == SIGNET_RECURRENCE_QUARTERLY && past->len > 0)
    which = ++counts->n_quarterly;

  for (guint i = 0; i < past->len; i++)
    {
      const char *due = g_ptr_array_index (past, i);
      guint32 due_day = julian_from_iso (due);
      OccurrenceFate fate = OCCURRENCE_DONE;
      g_autofree char *done = NULL;

      if (obligation->recurrence == SIGNET_RECURRENCE_MONTHLY && which == 1 && i + 1 == past->len)
        fate = OCCURRENCE_OPEN;
      else if (obligation->recurrence == SIGNET_RECURRENCE_MONTHLY && which == 2 && i + 2 == past->len)
        fate = OCCURRENCE_WAIVED;
      else if (obligation->recurrence == SIGNET_RECURRENCE_QUARTERLY && which == 1 && i + 1 == past->len)
        fate = OCCURRENCE_LATE;

      switch (fate)
        {
        case OCCURRENCE_OPEN:
          continue;
        case OCCURRENCE_WAIVED:
          if (!signet_store_waive_occurrence (self->store, obligation->id, due,
                                              demo->chinese ? "春节假期，双方同意本月报告与下月合并提交。"
                                                            : "Agreed to combine this report with the next one.",
                                              error))
            return FALSE;
          continue;
        case OCCURRENCE_LATE:
          done = julian_to_iso (MIN (due_day + 9, self->today));
          break;
        case OCCURRENCE_DONE:
        default:
          done = julian_to_iso (MAX (due_day - pick_between (self->rand, 0, 3), demo->start));
          break;
        }
      if (!signet_store_mark_occurrence_done (self->store, obligation->id, due, done, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
add_obligations (Commitments  *self,
                 GError      **error)
{
  ObligationCounts counts = { 0, 0 };
  guint n_contracts = 0;

  for (guint i = 0; i < self->contracts->len && n_contracts < DEMO_N_OBLIGATION_CONTRACTS; i++)
    {
      const DemoContract *demo = &g_array_index (self->contracts, DemoContract, i);
      const char *type = signet_contract_get_contract_type (demo->contract);
      gboolean any = FALSE;

      if (demo->shown != SIGNET_CONTRACT_STATUS_ACTIVE || demo->start + 31 > self->today)
        continue;

      for (guint o = 0; o < G_N_ELEMENTS (demo_obligations); o++)
        {
          g_autoptr(SignetObligation) obligation = NULL;
          guint32 due = demo_obligations[o].offset >= 0 ? demo->start + demo_obligations[o].offset
                                                        : demo->end + demo_obligations[o].offset;
          g_autofree char *yesterday = julian_to_iso (self->today - 1);
          g_autoptr(GPtrArray) past = NULL;

          if (g_strcmp0 (demo_obligations[o].contract_type, type) != 0 || due >= demo->end)
            continue;

          obligation = signet_obligation_new (demo->id);
          obligation->party = demo_obligations[o].party;
          obligation->title = g_strdup (demo_obligations[o].title);
          obligation->owner_id = demo->owner_id;
          obligation->due_date = julian_to_iso (due);
          obligation->recurrence = demo_obligations[o].recurrence;
          past = signet_obligation_list_occurrences (obligation, NULL, NULL, yesterday);
          if (past->len > DEMO_MAX_PAST_OCCURRENCES)
            continue;

          if (!signet_store_add_obligation (self->store, obligation, error) ||
              !record_occurrences (self, demo, obligation, &counts, error))
            return FALSE;
          any = TRUE;
        }
      n_contracts += any;
    }

  return TRUE;
}

/* ------------------------------------------------------------------ */
/* Risks                                                               */

typedef struct
{
  SignetRiskCategory  category;
  guint               likelihood;
  guint               impact;
  gboolean            foreign;      /* only for a contract not in yuan */
  const char         *description;
  const char         *mitigation;
} DemoRisk;

/* By the level their score suggests: high (15 and more), medium, low. */
static const DemoRisk chinese_risks[SIGNET_N_RISK_LEVELS][4] = {
  [SIGNET_RISK_LEVEL_HIGH] = {
    { SIGNET_RISK_CATEGORY_FINANCIAL, 4, 4, FALSE, "对方资金紧张，上一期款项已逾期未付",
      "暂停后续交付，财务部每周催收，法务部评估发送律师函" },
    { SIGNET_RISK_CATEGORY_PERFORMANCE, 4, 4, FALSE, "对方产能紧张，近两个季度各有一批次延期交付",
      "要求对方提交产能保障计划，同时引入备选供应商" },
    { SIGNET_RISK_CATEGORY_LEGAL, 3, 5, FALSE, "涉及个人信息跨境传输，尚未完成数据出境安全评估",
      "已委托律师事务所开展安全评估，评估完成前暂停跨境传输" },
    { SIGNET_RISK_CATEGORY_OTHER, 3, 5, FALSE, "项目所在园区计划整体搬迁，可能影响合同履行地点",
      "与园区管委会确认搬迁时间表，约定搬迁费用分担" },
  },
  [SIGNET_RISK_LEVEL_MEDIUM] = {
    { SIGNET_RISK_CATEGORY_LEGAL, 3, 4, FALSE, "违约金上限仅为合同金额的 5%，不足以覆盖可能的损失",
      "续约谈判时要求将违约金上限提高至 20%" },
    { SIGNET_RISK_CATEGORY_PERFORMANCE, 3, 3, FALSE, "对方关键技术人员流动，可能影响交付进度",
      "要求对方书面确认项目经理及核心成员，变更须提前 30 日通知" },
    { SIGNET_RISK_CATEGORY_FINANCIAL, 3, 3, TRUE, "以外币结算，汇率波动影响实际成本",
      "财务部按季度办理远期结售汇，锁定汇率" },
    { SIGNET_RISK_CATEGORY_OTHER, 2, 4, FALSE, "台风季节港口停运可能导致交付延误",
      "提前两周备货，合同已约定不可抗力通知期限" },
  },
  [SIGNET_RISK_LEVEL_LOW] = {
    { SIGNET_RISK_CATEGORY_LEGAL, 2, 2, FALSE, "合同中英文版本个别条款表述不一致",
      "补充约定两种文本不一致时以中文文本为准" },
    { SIGNET_RISK_CATEGORY_PERFORMANCE, 2, 3, FALSE, "设备备件需从海外订购，到货周期较长",
      "常用备件在本地保留安全库存" },
    { SIGNET_RISK_CATEGORY_FINANCIAL, 2, 3, FALSE, "押金退还条件约定不够明确",
      "在补充协议中明确押金退还期限及扣减情形" },
    { SIGNET_RISK_CATEGORY_OTHER, 1, 4, FALSE, "对方办公地址变更，书面通知可能送达延误",
      "已更新客户信息，约定电子邮件送达同样有效" },
  },
};

static const DemoRisk english_risks[SIGNET_N_RISK_LEVELS][4] = {
  [SIGNET_RISK_LEVEL_HIGH] = {
    { SIGNET_RISK_CATEGORY_FINANCIAL, 4, 4, FALSE, "The client's last instalment is overdue and its cash is tight",
      "Deliveries on hold; finance chases weekly; legal to send a formal notice" },
    { SIGNET_RISK_CATEGORY_PERFORMANCE, 4, 4, FALSE, "Two late deliveries in the last two quarters",
      "Capacity plan requested from the supplier; a second source qualified" },
    { SIGNET_RISK_CATEGORY_LEGAL, 3, 5, FALSE, "Personal data leaves the EU without standard contractual clauses",
      "SCCs drafted by counsel; transfers paused until they are signed" },
    { SIGNET_RISK_CATEGORY_OTHER, 3, 5, FALSE, "The client announced a sale of the business unit",
      "Change-of-control clause checked; contact at the buyer identified" },
  },
  [SIGNET_RISK_LEVEL_MEDIUM] = {
    { SIGNET_RISK_CATEGORY_LEGAL, 3, 4, FALSE, "Liability cap of 12 months' fees may not cover a data breach",
      "Ask for a separate cap for data protection at renewal" },
    { SIGNET_RISK_CATEGORY_PERFORMANCE, 3, 3, FALSE, "The client's project lead is leaving",
      "Handover meeting held; new lead named in writing" },
    { SIGNET_RISK_CATEGORY_FINANCIAL, 3, 3, TRUE, "Fees in a foreign currency: exchange rate exposure",
      "Finance hedges the quarterly amounts with forwards" },
    { SIGNET_RISK_CATEGORY_OTHER, 2, 4, FALSE, "Shipping disruption in the Red Sea may delay deliveries",
      "Two weeks of safety stock; force majeure notice period agreed" },
  },
  [SIGNET_RISK_LEVEL_LOW] = {
    { SIGNET_RISK_CATEGORY_LEGAL, 2, 2, FALSE, "Governing law clause differs from our template",
      "Accepted: courts of the client's seat, English law" },
    { SIGNET_RISK_CATEGORY_PERFORMANCE, 2, 3, FALSE, "Spare parts come from overseas with long lead times",
      "Common spare parts kept in stock locally" },
    { SIGNET_RISK_CATEGORY_FINANCIAL, 2, 3, FALSE, "Payment terms of 60 days strain cash flow",
      "Early payment discount offered at renewal" },
    { SIGNET_RISK_CATEGORY_OTHER, 1, 4, FALSE, "The client moved offices; notices may go astray",
      "Notice address updated; notices by email agreed" },
  },
};

/* Who follows a risk up: legal and financial risks their departments,
 * the others the contract's owner. */
static gint64
risk_owner (Commitments         *self,
            const DemoContract  *demo,
            SignetRiskCategory   category,
            GError             **error)
{
  if (category == SIGNET_RISK_CATEGORY_LEGAL)
    return person_id (self, demo->chinese ? "张伟" : "Emma Schmidt", error);
  if (category == SIGNET_RISK_CATEGORY_FINANCIAL)
    return person_id (self, demo->chinese ? "王芳" : "Sarah Johnson", error);

  return demo->owner_id;
}

static gboolean
add_risk (Commitments         *self,
          const DemoContract  *demo,
          SignetRiskLevel      band,
          guint                choice,
          SignetRiskStatus     status,
          GError             **error)
{
  const DemoRisk *risks = demo->chinese ? chinese_risks[band] : english_risks[band];
  gboolean foreign = g_strcmp0 (signet_contract_get_currency (demo->contract), "CNY") != 0;
  const DemoRisk *demo_risk = &risks[choice % 4];
  g_autoptr(SignetRisk) risk = signet_risk_new (demo->id);
  GError *owner_error = NULL;

  /* A risk of exchange rates only where there is one. */
  if (demo_risk->foreign && !foreign)
    demo_risk = &risks[(choice + 1) % 4];

  risk->category = demo_risk->category;
  risk->description = g_strdup (demo_risk->description);
  risk->likelihood = demo_risk->likelihood;
  risk->impact = demo_risk->impact;
  risk->mitigation = g_strdup (demo_risk->mitigation);
  risk->owner_id = risk_owner (self, demo, demo_risk->category, &owner_error);
  if (owner_error != NULL)
    {
      g_propagate_error (error, owner_error);
      return FALSE;
    }
  risk->status = status;
  if (status != SIGNET_RISK_STATUS_CLOSED)
    risk->next_review = julian_to_iso (self->today + pick_between (self->rand, 7, status == SIGNET_RISK_STATUS_OPEN ? 75 : 150));

  return signet_store_add_risk (self->store, risk, error);
}

/* The contract whose level is below what its risks suggest: the one
 * with a receivable overdue (a risk of its money found since), unless it
 * is high already; else the first running Chinese one at low. */
static gint64
choose_unnoticed (Commitments *self)
{
  for (guint i = 0; i < self->contracts->len; i++)
    {
      const DemoContract *demo = &g_array_index (self->contracts, DemoContract, i);

      if (demo->id == self->late_receivable_id &&
          signet_contract_get_risk_level (demo->contract) != SIGNET_RISK_LEVEL_HIGH)
        return demo->id;
    }

  for (guint i = 0; i < self->contracts->len; i++)
    {
      const DemoContract *demo = &g_array_index (self->contracts, DemoContract, i);

      if (signet_contract_get_risk_level (demo->contract) == SIGNET_RISK_LEVEL_LOW && demo->chinese &&
          demo->shown == SIGNET_CONTRACT_STATUS_ACTIVE)
        return demo->id;
    }

  return 0;
}

/* The contracts in force and those on their way to it have a risk
 * register whose highest open score suggests the level the contract
 * has, with a lower risk beside it, and now and then a risk mitigated or
 * closed that would have suggested more. Two do not agree: a contract
 * whose owner keeps it at high against a medium suggestion, saying why,
 * and one still below the high risk found since, which its Risks section
 * points out. */
static gboolean
add_risks (Commitments  *self,
           GError      **error)
{
  gint64 unnoticed = choose_unnoticed (self);
  gboolean kept = FALSE;
  guint n = 0;

  for (guint i = 0; i < self->contracts->len; i++)
    {
      const DemoContract *demo = &g_array_index (self->contracts, DemoContract, i);
      SignetRiskLevel level = signet_contract_get_risk_level (demo->contract);
      SignetRiskLevel band = level;
      gboolean keep = FALSE;
      guint choice;

      if (demo->shown != SIGNET_CONTRACT_STATUS_ACTIVE && demo->shown != SIGNET_CONTRACT_STATUS_SIGNED &&
          demo->shown != SIGNET_CONTRACT_STATUS_APPROVED && demo->shown != SIGNET_CONTRACT_STATUS_IN_REVIEW)
        continue;

      n++;
      choice = n;
      if (demo->id == unnoticed)
        {
          band = SIGNET_RISK_LEVEL_HIGH;
          /* Its money: the first high risk is the client's overdue payment. */
          if (demo->id == self->late_receivable_id)
            choice = 0;
        }
      else if (!kept && level == SIGNET_RISK_LEVEL_HIGH && demo->chinese &&
               demo->shown == SIGNET_CONTRACT_STATUS_ACTIVE)
        {
          band = SIGNET_RISK_LEVEL_MEDIUM;
          kept = keep = TRUE;
        }

      if (!add_risk (self, demo, band, choice, SIGNET_RISK_STATUS_OPEN, error))
        return FALSE;
      if (band != SIGNET_RISK_LEVEL_LOW &&
          !add_risk (self, demo, SIGNET_RISK_LEVEL_LOW, n + 1, SIGNET_RISK_STATUS_OPEN, error))
        return FALSE;
      if (n % 3 == 0 && band != SIGNET_RISK_LEVEL_HIGH &&
          !add_risk (self, demo, band + 1, n + 2, n % 2 == 0 ? SIGNET_RISK_STATUS_MITIGATED : SIGNET_RISK_STATUS_CLOSED,
                     error))
        return FALSE;
      if (keep &&
          !signet_store_keep_risk_level (self->store, demo->id,
                                         "对方为首次合作，合同金额较大且近期涉及诉讼，维持高风险等级，履约满一年后再评估。",
                                         error))
        return FALSE;
    }

  return TRUE;
}

/* ------------------------------------------------------------------ */
/* Reviews                                                             */

static const char * const chinese_checklist[] = { "签章完整", "授权有效", "条款合规", "履约正常", "付款正常", NULL };
static const char * const english_checklist[] = {
  "Signatures and seals complete", "Signatory authority valid", "Terms compliant", "Performance on track",
  "Payments on track", NULL,
};

/* What a review found wrong with an item, and what was to be done. */
static const struct
{
  const char *item;
  const char *finding;
  const char *action;
} demo_findings[] = {
  { "签章完整", "附件三缺少骑缝章。", "联系对方补盖附件三骑缝章。" },
  { "授权有效", "对方签字人的授权委托书已过期。", "要求对方提供有效的授权委托书。" },
  { "条款合规", "数据处理条款未体现《个人信息保护法》的要求。", "起草数据处理补充协议并发对方确认。" },
  { "履约正常", "上月有两次服务响应超时。", "约谈对方项目经理，要求提交整改报告。" },
  { "付款正常", "第二期款项晚付 15 天。", "与对方财务确认后续付款计划。" },
  { "付款条件已核对", "发票开具时间与付款条件约定不一致。", "与对方确认以验收单日期为开票依据。" },
  { "验收标准明确", "验收标准未量化，难以判断是否合格。", "补充验收标准附件，明确各项指标。" },
  { "违约责任与违约金比例", "违约金比例低于公司标准（合同金额的 10%）。", "与对方协商签订补充协议，将违约金比例提高至 10%。" },
  { "租金调整条款", "租金调整以物价指数为准，但未约定指数来源。", "与出租方书面约定采用国家统计局公布的指数。" },
  { "续租优先权", "续租优先权的行使期限未写明。", "在补充协议中约定到期前 90 日书面提出续租。" },
  { "押金退还条件", "押金退还期限未约定。", "与出租方约定退租交接后 30 日内退还押金。" },
  { "服务范围清单", "新增的两台空调机组未列入服务范围清单。", "更新服务范围清单并由双方签字确认。" },
  { "响应时间承诺", "夜间报修的响应时间未约定。", "补充约定夜间报修 4 小时内到场。" },
  { "Signatures and seals complete", "Annex 3 is not initialled.", "Ask the client to initial Annex 3." },
  { "Signatory authority valid", "The signatory's power of attorney has expired.", "Ask for a current power of attorney." },
  { "Terms compliant", "No data processing terms for the new service.", "Draft a data processing addendum." },
  { "Performance on track", "Two missed response times last month.", "Ask the client's project lead for a remediation plan." },
  { "Payments on track", "The second instalment was paid 15 days late.", "Agree a payment plan with the client's finance team." },
};

/* A review of the last weeks whose action is still open: the first two. */
#define DEMO_RECENT_REVIEW_DAYS 45
#define DEMO_MAX_OPEN_FINDINGS 2

gboolean
_signet_demo_record_review (SignetStore         *store,
                            gint64               contract_id,
                            const char          *date,
                            const char          *reviewer,
                            const char          *note,
                            const char * const  *checklist,
                            gboolean             chinese,
                            SignetDemoReviews   *reviews,
                            GError             **error)
{
  g_autoptr(SignetReviewReport) report = signet_review_report_new (contract_id, date);
  g_autoptr(SignetContract) contract = signet_store_get_contract (store, contract_id, error);
  g_autofree char *today_iso = signet_store_dup_today (store);
  guint32 today = julian_from_iso (today_iso);
  guint32 day = julian_from_iso (date);
  gboolean default_list = checklist == NULL;
  /* A review of the last weeks whose action is still open, due in the
   * weeks to come; an older one's was done. */
  gboolean open = day + DEMO_RECENT_REVIEW_DAYS >= today && reviews->n_open_findings < DEMO_MAX_OPEN_FINDINGS;
  guint32 action_due = day + (open ? DEMO_RECENT_REVIEW_DAYS : 30);
  guint n_items;
  guint issue = G_MAXUINT;

  if (contract == NULL)
    return FALSE;

  if (default_list)
    checklist = chinese ? chinese_checklist : english_checklist;
  n_items = g_strv_length ((char **) checklist);

  /* Every fifth review found an issue, and the first recent ones. */
  if (n_items > 0 && (open || (reviews->n_reviews % 5 == 2 && day + DEMO_RECENT_REVIEW_DAYS < today)))
    issue = (reviews->n_reviews / 5) % n_items;
  reviews->n_reviews++;

  report->reviewer = g_strdup (reviewer);
  report->note = g_strdup (note);
  for (guint i = 0; i < n_items; i++)
    {
      const char *finding = NULL;
      const char *action = NULL;
      SignetReviewAnswer answer = SIGNET_REVIEW_ANSWER_OK;

      for (guint f = 0; f < G_N_ELEMENTS (demo_findings) && i == issue; f++)
        if (g_str_equal (demo_findings[f].item, checklist[i]))
          {
            finding = demo_findings[f].finding;
            action = demo_findings[f].action;
          }

      /* Nothing to pay, nothing to check about payments (the last item). */
      if (default_list && signet_contract_get_value (contract) == 0 && i + 1 == n_items)
        answer = SIGNET_REVIEW_ANSWER_NA;
      else if (finding != NULL)
        {
          g_autoptr(SignetPerson) owner = signet_store_find_person (store, reviewer, error);
          g_autofree char *due = julian_to_iso (action_due);

          if (owner == NULL && error != NULL && *error != NULL)
            return FALSE;
          answer = SIGNET_REVIEW_ANSWER_ISSUE;
          g_ptr_array_add (report->actions,
                           signet_review_action_new (action, owner != NULL ? signet_person_get_id (owner) : 0, due));
        }
      g_ptr_array_add (report->items, signet_review_item_new (checklist[i], answer, finding));
    }

  if (!signet_store_record_review_report (store, report, error))
    return FALSE;

  for (guint a = 0; a < report->actions->len; a++)
    {
      const SignetReviewAction *action = g_ptr_array_index (report->actions, a);
      g_autofree char *done = NULL;

      if (open)
        {
          reviews->n_open_findings++;
          continue;
        }
      done = julian_to_iso (MIN (day + 10 + reviews->n_reviews % 18, today));
      if (!signet_store_set_review_action_done (store, action->id, done, error))
        return FALSE;
    }

  return TRUE;
}

/* If no review of the last weeks found anything, the latest review of a
 * contract in force asks for a follow-up after all, so that the list's
 * "Open Review Findings" has something to show. */
static gboolean
ensure_open_finding (Commitments  *self,
                     GError      **error)
{
  g_autoptr(SignetReviewAction) action = NULL;
  const DemoContract *latest_demo = NULL;
  g_autofree char *latest = NULL;
  gint64 review_id = 0;
  g_autofree char *due = julian_to_iso (self->today + 14);

  if (self->reviews->n_open_findings > 0)
    return TRUE;

  for (guint i = 0; i < self->contracts->len; i++)
    {
      const DemoContract *demo = &g_array_index (self->contracts, DemoContract, i);
      g_autoptr(GPtrArray) reports = NULL;
      SignetReviewReport *newest;

      if (demo->shown != SIGNET_CONTRACT_STATUS_ACTIVE)
        continue;
      if ((reports = signet_store_list_review_reports (self->store, demo->id, error)) == NULL)
        return FALSE;
      if (reports->len == 0)
        continue;
      newest = g_ptr_array_index (reports, 0);
      if (latest == NULL || g_strcmp0 (newest->date, latest) > 0)
        {
          g_free (latest);
          latest = g_strdup (newest->date);
          review_id = newest->id;
          latest_demo = demo;
        }
    }

  if (latest_demo == NULL)
    return TRUE;

  action = signet_review_action_new (latest_demo->chinese ? "与对方确认联系人变更后的对接安排。"
                                                          : "Confirm the new contact person's responsibilities.",
                                     latest_demo->owner_id, due);
  action->review_id = review_id;
  self->reviews->n_open_findings++;

  return signet_store_add_review_action (self->store, action, error);
}

/* ------------------------------------------------------------------ */
/* Paper originals and loans                                           */

/* Who borrows an original of the archive and why. */
static const struct
{
  const char *borrower;
  const char *purpose;
} chinese_loans[] = {
  { "王芳", "核对付款条款，办理付款审批" },
  { "张伟", "合同纠纷应诉准备，核对原件签章" },
  { "李娜", "供应商年度考核，查阅原件条款" },
  { "赵磊", "总经理办公会审阅" },
  { "杨帆", "系统验收资料核对" },
}, english_loans[] = {
  { "Sarah Johnson", "The external auditors check the signed original" },
  { "Emma Schmidt", "Due diligence for the client's acquisition" },
  { "James Miller", "Renewal negotiation: the original terms" },
};

#define DEMO_LOAN_HISTORIES 8

static gboolean
lend (Commitments         *self,
      const DemoContract  *demo,
      guint                which,
      guint32              lent,
      guint32              due,
      guint32              returned,
      SignetLoanCondition  condition,
      const char          *condition_note,
      GError             **error)
{
  const char *borrower = demo->chinese ? chinese_loans[which % G_N_ELEMENTS (chinese_loans)].borrower
                                       : english_loans[which % G_N_ELEMENTS (english_loans)].borrower;
  const char *purpose = demo->chinese ? chinese_loans[which % G_N_ELEMENTS (chinese_loans)].purpose
                                      : english_loans[which % G_N_ELEMENTS (english_loans)].purpose;
  g_autoptr(SignetPerson) person = signet_store_find_person (self->store, borrower, error);
  g_autoptr(SignetLoan) loan = signet_loan_new (demo->id);
  const char *archivist = demo->chinese ? "陈静" : "Olivia Brown";
  g_autofree char *returned_on = NULL;

  /* A borrower the user removed from People borrows nothing. */
  if (person == NULL)
    return error == NULL || *error == NULL;

  loan->borrower_id = signet_person_get_id (person);
  loan->department = g_strdup (signet_person_get_department (person));
  loan->purpose = g_strdup (purpose);
  loan->lent_on = julian_to_iso (lent);
  loan->due_on = julian_to_iso (due);
  loan->lent_by = g_strdup (archivist);
  returned_on = returned > 0 ? julian_to_iso (returned) : NULL;

  /* Lent out and brought back: the return is its own step, as at the
   * archive's desk. */
  return signet_store_add_loan (self->store, loan, error) &&
         (returned_on == NULL ||
          signet_store_return_loan (self->store, loan->id, returned_on, condition, condition_note, error));
}

/* A few originals went out and came back, one late, one with a crease;
 * two are out now: one due back next week, one overdue. */
static gboolean
add_loans (Commitments         *self,
           const DemoContract  *demo,
           guint32              archived,
           guint                n,
           gboolean            *on_loan,
           gboolean            *overdue,
           GError             **error)
{
  guint32 day = archived + 20;
  guint n_loans = 1 + n % 3;

  for (guint i = 0; i < n_loans && day + 30 < self->today - 10; i++)
    {
      guint32 lent = day + pick_between (self->rand, 0, 20);
      guint32 due = lent + SIGNET_LOAN_DEFAULT_DAYS;
      gboolean late = n == 2 && i == 0;
      gboolean damaged = n == 4 && i == 0;
      guint32 returned = late ? due + 6 : lent + pick_between (self->rand, 2, SIGNET_LOAN_DEFAULT_DAYS);

      if (returned >= self->today)
        break;
      if (!lend (self, demo, n + i, lent, due, returned, damaged ? SIGNET_LOAN_CONDITION_DAMAGED : SIGNET_LOAN_CONDITION_INTACT,
                 damaged ? (demo->chinese ? "第 3 页右上角有折痕。" : "Page 3 is creased at the corner.") : NULL,
                 error))
        return FALSE;
      day = returned + pick_between (self->rand, 30, 120);
    }

  if (!*overdue && demo->chinese && archived + 60 <= self->today && day < self->today - 30)
    {
      *overdue = TRUE;
      /* Legal kept it for a dispute longer than the archive lends. */
      return lend (self, demo, 1, self->today - 30, self->today - 30 + SIGNET_LOAN_DEFAULT_DAYS, 0,
                   SIGNET_LOAN_CONDITION_NONE, NULL, error);
    }
  if (!*on_loan && archived + 30 <= self->today && day < self->today - 5)
    {
      *on_loan = TRUE;
      return lend (self, demo, 2, self->today - 5, self->today - 5 + SIGNET_LOAN_DEFAULT_DAYS, 0,
                   SIGNET_LOAN_CONDITION_NONE, NULL, error);
    }

  return TRUE;
}

/* Most signed contracts have their original in the archive, filed by the
 * contract manager a few days after signing, in archive room A (the
 * English ones in B), by cabinet, shelf and box. The archive number is the year and the contract's place in the
 * register, unique as a register filled again needs it to be. */
static gboolean
add_originals (Commitments  *self,
               GError      **error)
{
  gboolean on_loan = FALSE;
  gboolean overdue = FALSE;
  guint n_with_loans = 0;
  guint n = 0;

  for (guint i = 0; i < self->contracts->len; i++)
    {
      const DemoContract *demo = &g_array_index (self->contracts, DemoContract, i);
      g_autoptr(SignetOriginal) original = NULL;
      guint32 archived;
      GDate signed_on;
      GError *person_error = NULL;

      if (!is_signed (demo) || demo->signing + 3 > self->today)
        continue;
      /* One in eight is still with the other party for countersigning. */
      if (n++ % 8 == 7)
        continue;

      archived = MIN (demo->signing + pick_between (self->rand, 2, 10), self->today);
      g_date_clear (&signed_on, 1);
      g_date_set_julian (&signed_on, demo->signing);
      original = signet_original_new (demo->id);
      original->archive_number = g_strdup_printf ("GD-%u-%04" G_GINT64_FORMAT, g_date_get_year (&signed_on), demo->id);
      /* The location reads "A室 · 3柜 · 2层 · 15盒", "Room A · Cabinet 3 · …". */
      original->room = g_strdup (demo->chinese ? "A" : "B");
      original->cabinet = g_strdup_printf ("%u", 1 + (guint) (demo->id / 24) % 6);
      original->shelf = g_strdup_printf ("%u", 1 + (guint) (demo->id / 6) % 4);
      original->box = g_strdup_printf ("%u", 1 + (guint) demo->id / 3);
      /* Two originals where each party signed two (一式四份). */
      original->originals = n % 5 == 0 ? 2 : 1;
      original->copies = n % 3;
      original->archived_by_id = person_id (self, demo->chinese ? "陈静" : "Olivia Brown", &person_error);
      if (person_error != NULL)
        {
          g_propagate_error (error, person_error);
          return FALSE;
        }
      original->archived_on = julian_to_iso (archived);
      if (!signet_store_save_original (self->store, original, error))
        return FALSE;

      if (n % 4 == 1 && n_with_loans < DEMO_LOAN_HISTORIES)
        {
          if (!add_loans (self, demo, archived, n_with_loans++, &on_loan, &overdue, error))
            return FALSE;
        }
    }

  return TRUE;
}

/* ------------------------------------------------------------------ */

gboolean
_signet_demo_add_commitments (SignetStore        *store,
                              SignetDemoReviews  *reviews,
                              GError            **error)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (DEMO_COMMITMENTS_SEED);
  g_autoptr(GHashTable) people = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GArray) contracts = g_array_new (FALSE, TRUE, sizeof (DemoContract));
  g_autofree char *today_iso = signet_store_dup_today (store);
  Commitments self = {
    .store = store,
    .rand = rand,
    .today = julian_from_iso (today_iso),
    .today_iso = today_iso,
    .people = people,
    .contracts = contracts,
    .reviews = reviews,
    .invoice_number = 3100420,
  };

  g_array_set_clear_func (contracts, (GDestroyNotify) demo_contract_clear);

  return load_contracts (&self, error) &&
         add_payments (&self, error) &&
         add_obligations (&self, error) &&
         add_risks (&self, error) &&
         ensure_open_finding (&self, error) &&
         add_originals (&self, error);
}
