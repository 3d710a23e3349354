/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "signet-scorecard"

#include "config.h"

#include <glib/gi18n.h>
#include <langinfo.h>
#include <locale.h>
#include <string.h>
#include <unicode/unum.h>

#include "signet-date.h"
#include "signet-money.h"
#include "signet-scorecard.h"
#include "signet-store-commitments.h"
#include "signet-store-events.h"
#include "signet-store-private.h"
#include "signet-store-worker.h"

/* The scorecards are worked out in one pass per kind of record over the
 * whole register (the contracts, the payments due in the period, the
 * obligations, the risks, the review actions, the tacit renewals), each
 * row added to the scorecard of its contract's subject: the ranked list
 * of every client costs the same few queries as one client's card. The
 * rows of deleted contracts (kept for Undo under their id) belong to no
 * scorecard. The clients' and the departments' cards can be worked out
 * in the same pass, each row added to both of its contract's. */

struct _SignetScorecard
{
  GObject                    parent_instance;

  SignetScorecardSubject     subject;
  gint64                     subject_id;
  char                      *name;
  char                      *from;
  char                      *to;
  char                      *today;
  guint                      rank;
  char                      *name_key;      /* g_utf8_collate_key() of name, while ranked */

  guint                      counts[SIGNET_N_SCORECARD_FIGURES];
  guint                      n_contracts[SIGNET_N_SCORECARD_FIGURES];
  GArray                    *values;        /* SignetScorecardValue */
  SignetScorecardPayments    payments[SIGNET_N_PAYMENT_DIRECTIONS];
  SignetScorecardObligations obligations[SIGNET_N_OBLIGATION_PARTIES];
  SignetScorecardObligations all_obligations;
};

G_DEFINE_FINAL_TYPE (SignetScorecard, signet_scorecard, G_TYPE_OBJECT)

/* One contract of a scorecard while it is computed: what of each figure
 * it has, so that each figure can say on how many contracts it is; its
 * department's card too when the departments' are worked out with the
 * clients' (NULL when it names no department). */
typedef struct
{
  SignetScorecard *card;
  SignetScorecard *department_card;
  guint            counts[SIGNET_N_SCORECARD_FIGURES];
} ContractEntry;

typedef struct
{
  SignetStore      *store;
  const char       *from;
  const char       *to;
  char             *today;
  gboolean          amended;        /* some contract has amended terms: read them */
  GHashTable       *contracts;      /* gint64 * id -> ContractEntry * */
  GHashTable       *cards;          /* subject key -> SignetScorecard * (owned) */
  GHashTable       *department_cards; /* with the clients': department -> SignetScorecard * */
} Computation;

static const struct
{
  const char *label;
  const char *explanation;
} figures[SIGNET_N_SCORECARD_FIGURES] = {
  [SIGNET_SCORECARD_CONTRACTS] = {
    N_("Contracts Signed"),
    N_("Contracts whose signing date falls in the period.") },
  [SIGNET_SCORECARD_VALUE] = {
    N_("Value"),
    N_("The value in force today (amendments applied) of the contracts whose signing date falls "
       "in the period, per currency: amounts in different currencies are never added.") },
  [SIGNET_SCORECARD_PAYMENTS_RECEIVED] = {
    N_("Received on Time"),
    N_("Planned payments the other party owes us, with an amount and due in the period. On time: "
       "paid in full by the due date; late: paid in full after it; overdue: not paid in full and "
       "due before today. The share is on time out of these three; payments not yet due are left "
       "out.") },
  [SIGNET_SCORECARD_DAYS_LATE_RECEIVED] = {
    N_("Days Late (Received)"),
    N_("Of the payments owed to us and due in the period, the average days late of those paid "
       "late (from the due date to the day they were paid in full) and of those still overdue "
       "(from the due date to today), together.") },
  [SIGNET_SCORECARD_PAYMENTS_MADE] = {
    N_("Paid on Time"),
    N_("Planned payments we owe the other party, with an amount and due in the period. On time: "
       "paid in full by the due date; late: paid in full after it; overdue: not paid in full and "
       "due before today. The share is on time out of these three; payments not yet due are left "
       "out.") },
  [SIGNET_SCORECARD_DAYS_LATE_MADE] = {
    N_("Days Late (Paid)"),
    N_("Of the payments we owe and due in the period, the average days late of those paid late "
       "(from the due date to the day they were paid in full) and of those still overdue (from "
       "the due date to today), together.") },
  [SIGNET_SCORECARD_OBLIGATIONS] = {
    N_("Obligations on Time"),
    N_("Occurrences of obligations, ours and the client’s, due in the period. On time: done by "
       "the due date; late: done after it; overdue: still open and due before today. The share is "
       "on time out of these three; waived occurrences and those not yet due are left out.") },
  [SIGNET_SCORECARD_OPEN_RISKS] = {
    N_("Open Risks"),
    N_("Risks whose status is Open today, whatever the period: the register keeps a risk’s "
       "status, not its history.") },
  [SIGNET_SCORECARD_OPEN_FINDINGS] = {
    N_("Open Review Findings"),
    N_("Follow-up actions of reviews not done today, whatever the period; the list shows the "
       "contracts that have one.") },
  [SIGNET_SCORECARD_RENEWALS] = {
    N_("Renewals"),
    N_("Contracts renewed by a successor contract (status Renewed) whose end date in force falls "
       "in the period.") },
  [SIGNET_SCORECARD_TACIT_RENEWALS] = {
    N_("Tacit Renewals"),
    N_("Terms of auto-renewing contracts that ended in the period and renewed by themselves.") },
  [SIGNET_SCORECARD_TERMINATIONS] = {
    N_("Terminations"),
    N_("Contracts terminated whose termination took effect in the period.") },
};

static const char * const period_labels[] = {
  [SIGNET_SCORECARD_PERIOD_THIS_YEAR] = N_("This Year"),
  [SIGNET_SCORECARD_PERIOD_LAST_YEAR] = N_("Last Year"),
  [SIGNET_SCORECARD_PERIOD_LAST_12_MONTHS] = N_("Last 12 Months"),
  [SIGNET_SCORECARD_PERIOD_CUSTOM] = N_("Custom Range"),
};

static gint64
days_between (const char *earlier,
              const char *later)
{
  GDate a, b;

  if (!signet_date_parse (earlier, &a) || !signet_date_parse (later, &b))
    return 0;

  return g_date_days_between (&a, &b);
}

static gboolean
in_period (const Computation *c,
           const char        *date)
{
  return date != NULL && strcmp (date, c->from) >= 0 && strcmp (date, c->to) <= 0;
}

static SignetScorecard *
scorecard_new (const Computation      *c,
               SignetScorecardSubject  subject,
               gint64                  subject_id,
               const char             *name)
{
  SignetScorecard *self = g_object_new (SIGNET_TYPE_SCORECARD, NULL);

  self->subject = subject;
  self->subject_id = subject_id;
  self->name = g_strdup (name != NULL ? name : "");
  self->from = g_strdup (c->from);
  self->to = g_strdup (c->to);
  self->today = g_strdup (c->today);

  return self;
}

static void
add_value (SignetScorecard *self,
           const char      *currency,
           gint64           amount)
{
  SignetScorecardValue value = { { 0 }, 0, 0 };

  if (currency == NULL || strlen (currency) != 3)
    return;

  for (guint i = 0; i < self->values->len; i++)
    {
      SignetScorecardValue *known = &g_array_index (self->values, SignetScorecardValue, i);

      if (strcmp (known->currency, currency) == 0)
        {
          known->amount += amount;
          known->n_contracts++;
          return;
        }
    }

  memcpy (value.currency, currency, 3);
  value.amount = amount;
  value.n_contracts = 1;
  g_array_append_val (self->values, value);
}

static int
compare_values (gconstpointer a,
                gconstpointer b)
{
  const SignetScorecardValue *va = a;
  const SignetScorecardValue *vb = b;

  if (va->n_contracts != vb->n_contracts)
    return va->n_contracts > vb->n_contracts ? -1 : 1;

  return strcmp (va->currency, vb->currency);
}

static ContractEntry *
lookup_contract (const Computation *c,
                 gint64             id)
{
  return g_hash_table_lookup (c->contracts, &id);
}

/* The card of @subject in @cards that the contract's row belongs to, made
 * when it is its first; NULL for a department's when it names none. */
static SignetScorecard *
find_card (const Computation      *c,
           GHashTable             *cards,
           SignetScorecardSubject  subject,
           gint64                  contract_id,
           gint64                  client_id,
           const char             *client_name,
           const char             *dept,
           const char             *number)
{
  g_autofree char *key = NULL;
  SignetScorecard *card;

  switch (subject)
    {
    case SIGNET_SCORECARD_CLIENT:
      key = g_strdup_printf ("%" G_GINT64_FORMAT, client_id);
      break;
    case SIGNET_SCORECARD_DEPARTMENT:
      if (_signet_is_blank (dept))
        return NULL;
      key = g_strdup (dept);
      break;
    case SIGNET_SCORECARD_CONTRACT:
    default:
      key = g_strdup_printf ("%" G_GINT64_FORMAT, contract_id);
      break;
    }

  card = g_hash_table_lookup (cards, key);
  if (card == NULL)
    {
      switch (subject)
        {
        case SIGNET_SCORECARD_CLIENT:
          card = scorecard_new (c, subject, client_id, client_name);
          break;
        case SIGNET_SCORECARD_DEPARTMENT:
          card = scorecard_new (c, subject, 0, dept);
          break;
        case SIGNET_SCORECARD_CONTRACT:
        default:
          card = scorecard_new (c, subject, contract_id, number);
          break;
        }
      g_hash_table_insert (cards, g_steal_pointer (&key), card);
    }

  return card;
}

/* The contracts of the subject(s), each with its scorecard, and the
 * figures that come from the contract's own row. */
static gboolean
load_contracts (Computation            *c,
                SignetScorecardSubject  subject,
                const char             *where,
                gint64                  id,
                const char             *department,
                GError                **error)
{
  g_autofree char *sql = NULL;
  SignetDbStmt *stmt;
  int rc;

  sql = g_strdup_printf ("SELECT c.id, c.client_id, cl.name, c.department, c.number, c.status, "
                         "%s, %s, c.signing_date, %s, c.termination_date "
                         "FROM contracts c JOIN clients cl ON cl.id = c.client_id %s",
                         c->amended ? SIGNET_CURRENT_VALUE_SQL : "c.value",
                         c->amended ? SIGNET_CURRENT_CURRENCY_SQL : "c.currency",
                         c->amended ? SIGNET_CURRENT_END_DATE_SQL : "c.end_date",
                         where);
  stmt = _signet_store_statement (c->store, sql, error);
  if (stmt == NULL)
    return FALSE;
  if (department != NULL)
    _signet_store_bind_text (stmt, 1, department);
  else if (id != 0)
    signet_db_bind_int64 (stmt, 1, id);

  while ((rc = signet_db_step (stmt)) == SIGNET_DB_ROW)
    {
      gint64 contract_id = signet_db_column_int64 (stmt, 0);
      gint64 client_id = signet_db_column_int64 (stmt, 1);
      const char *client_name = signet_db_column_text (stmt, 2);
      const char *dept = signet_db_column_text (stmt, 3);
      const char *number = signet_db_column_text (stmt, 4);
      const char *status = signet_db_column_text (stmt, 5);
      gint64 value = signet_db_column_int64 (stmt, 6);
      const char *currency = signet_db_column_text (stmt, 7);
      const char *signing = signet_db_column_text (stmt, 8);
      const char *end = signet_db_column_text (stmt, 9);
      const char *termination = signet_db_column_text (stmt, 10);
      const char *ended;
      SignetScorecard *card;
      SignetScorecard *department_card = NULL;
      ContractEntry *entry;
      gint64 *id_key;

      card = find_card (c, c->cards, subject, contract_id, client_id, client_name, dept, number);
      if (card == NULL)
        continue;
      if (c->department_cards != NULL)
        department_card = find_card (c, c->department_cards, SIGNET_SCORECARD_DEPARTMENT, contract_id,
                                     client_id, client_name, dept, number);

      entry = g_new0 (ContractEntry, 1);
      entry->card = card;
      entry->department_card = department_card;
      id_key = g_new (gint64, 1);
      *id_key = contract_id;
      g_hash_table_insert (c->contracts, id_key, entry);

      if (in_period (c, signing))
        {
          entry->counts[SIGNET_SCORECARD_CONTRACTS] = 1;
          entry->counts[SIGNET_SCORECARD_VALUE] = 1;
          add_value (card, currency, value);
          if (department_card != NULL)
            add_value (department_card, currency, value);
        }
      /* The day a contract ended, as SIGNET_QUERY_DATE_ENDED has it. */
      ended = termination != NULL ? termination : end;
      if (g_strcmp0 (status, "renewed") == 0 && in_period (c, ended))
        entry->counts[SIGNET_SCORECARD_RENEWALS] = 1;
      if (g_strcmp0 (status, "terminated") == 0 && in_period (c, ended))
        entry->counts[SIGNET_SCORECARD_TERMINATIONS] = 1;
    }

  return rc == SIGNET_DB_DONE || _signet_store_set_error (c->store, rc, error);
}

static void
add_payments (SignetScorecardPayments       *sum,
              const SignetScorecardPayments *payments)
{
  sum->n_on_time += payments->n_on_time;
  sum->n_late += payments->n_late;
  sum->n_overdue += payments->n_overdue;
  sum->n_not_yet_due += payments->n_not_yet_due;
  sum->n_no_amount += payments->n_no_amount;
  sum->days_late_paid += payments->days_late_paid;
  sum->days_overdue += payments->days_overdue;
}

static void
add_obligations (SignetScorecardObligations       *sum,
                 const SignetScorecardObligations *obligations)
{
  sum->n_on_time += obligations->n_on_time;
  sum->n_late += obligations->n_late;
  sum->n_overdue += obligations->n_overdue;
  sum->n_not_yet_due += obligations->n_not_yet_due;
  sum->n_waived += obligations->n_waived;
}

/* The planned payments due in the period, each with the day it was paid
 * in full: the day of the payment that brought the running sum (by date,
 * then as recorded) to its amount. */
static gboolean
load_payments (Computation  *c,
               GError      **error)
{
  SignetDbStmt *stmt;
  int rc;

  stmt = _signet_store_statement (c->store,
    "SELECT p.contract_id, p.direction, p.amount, p.due_date, "
    "  CASE WHEN p.amount IS NOT NULL AND p.paid >= p.amount THEN "
    "    (SELECT min (day) FROM (SELECT s.date AS day, "
    "       sum (s.amount) OVER (ORDER BY s.date, s.id) AS running "
    "       FROM payment_settlements s WHERE s.payment_id = p.id) "
    "     WHERE running >= p.amount) END "
    "FROM payments p WHERE p.due_date BETWEEN ?1 AND ?2", error);
  if (stmt == NULL)
    return FALSE;
  _signet_store_bind_static_text (stmt, 1, c->from);
  _signet_store_bind_static_text (stmt, 2, c->to);

  while ((rc = signet_db_step (stmt)) == SIGNET_DB_ROW)
    {
      ContractEntry *entry = lookup_contract (c, signet_db_column_int64 (stmt, 0));
      SignetPaymentDirection direction;
      SignetScorecardPayments counted = { 0 };
      SignetScorecardPayments *payments = &counted;
      SignetScorecardFigure rate_figure, days_figure;
      const char *due = signet_db_column_text (stmt, 3);
      const char *paid_on = signet_db_column_text (stmt, 4);

      if (entry == NULL ||
          !signet_payment_direction_from_token (signet_db_column_text (stmt, 1), &direction))
        continue;

      rate_figure = direction == SIGNET_PAYMENT_RECEIVABLE ? SIGNET_SCORECARD_PAYMENTS_RECEIVED
                                                           : SIGNET_SCORECARD_PAYMENTS_MADE;
      days_figure = direction == SIGNET_PAYMENT_RECEIVABLE ? SIGNET_SCORECARD_DAYS_LATE_RECEIVED
                                                           : SIGNET_SCORECARD_DAYS_LATE_MADE;

      if (signet_db_column_type (stmt, 2) == SIGNET_DB_NULL)
        payments->n_no_amount++;
      else if (paid_on != NULL && strcmp (paid_on, due) <= 0)
        payments->n_on_time++;
      else if (paid_on != NULL)
        {
          payments->n_late++;
          payments->days_late_paid += days_between (due, paid_on);
          entry->counts[days_figure]++;
        }
      else if (strcmp (due, c->today) < 0)
        {
          payments->n_overdue++;
          payments->days_overdue += days_between (due, c->today);
          entry->counts[days_figure]++;
        }
      else
        payments->n_not_yet_due++;

      if (payments->n_on_time + payments->n_late + payments->n_overdue > 0)
        entry->counts[rate_figure]++;

      add_payments (&entry->card->payments[direction], payments);
      if (entry->department_card != NULL)
        add_payments (&entry->department_card->payments[direction], payments);
    }

  return rc == SIGNET_DB_DONE || _signet_store_set_error (c->store, rc, error);
}

static void
count_occurrences (Computation      *c,
                   ContractEntry    *entry,
                   SignetObligation *obligation,
                   const char       *end,
                   const char       *termination)
{
  g_autoptr(SignetContract) terms = signet_contract_new ();
  g_autofree char *last = NULL;
  g_autoptr(GPtrArray) dates = NULL;
  SignetScorecardObligations counted = { 0 };
  SignetScorecardObligations *counts = &counted;

  signet_contract_set_end_date (terms, end);
  signet_contract_set_termination_date (terms, termination);
  last = signet_obligation_dup_last_date (obligation, terms);
  dates = signet_obligation_list_occurrences (obligation, last, c->from, c->to);

  for (guint i = 0; i < dates->len; i++)
    {
      const char *due = g_ptr_array_index (dates, i);
      const SignetOccurrence *occurrence = signet_obligation_find_occurrence (obligation, due);

      if (occurrence != NULL && occurrence->status == SIGNET_OCCURRENCE_WAIVED)
        {
          counts->n_waived++;
          continue;
        }

      if (occurrence != NULL)
        {
          if (signet_occurrence_is_done_late (occurrence))
            counts->n_late++;
          else
            counts->n_on_time++;
        }
      else if (strcmp (due, c->today) < 0)
        counts->n_overdue++;
      else
        {
          counts->n_not_yet_due++;
          continue;
        }

      entry->counts[SIGNET_SCORECARD_OBLIGATIONS]++;
    }

  add_obligations (&entry->card->obligations[obligation->party], counts);
  if (entry->department_card != NULL)
    add_obligations (&entry->department_card->obligations[obligation->party], counts);
}

/* The obligations whose first occurrence is due by the period's end, with
 * what was recorded of their occurrences in the period; the occurrences
 * themselves are counted from the first due date as everywhere else. */
static gboolean
load_obligations (Computation  *c,
                  GError      **error)
{
  g_autoptr(GHashTable) recorded = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                          (GDestroyNotify) g_ptr_array_unref);
  g_autofree char *sql = NULL;
  SignetDbStmt *stmt;
  int rc;

  stmt = _signet_store_statement (c->store,
    "SELECT obligation_id, due_date, status, done_date FROM obligation_occurrences "
    "WHERE due_date BETWEEN ?1 AND ?2 ORDER BY obligation_id, due_date", error);
  if (stmt == NULL)
    return FALSE;
  _signet_store_bind_static_text (stmt, 1, c->from);
  _signet_store_bind_static_text (stmt, 2, c->to);
  while ((rc = signet_db_step (stmt)) == SIGNET_DB_ROW)
    {
      gint64 obligation_id = signet_db_column_int64 (stmt, 0);
      GPtrArray *list = g_hash_table_lookup (recorded, &obligation_id);
      SignetOccurrence *occurrence = g_new0 (SignetOccurrence, 1);

      if (list == NULL)
        {
          gint64 *key = g_new (gint64, 1);

          *key = obligation_id;
          list = g_ptr_array_new_with_free_func ((GDestroyNotify) signet_occurrence_free);
          g_hash_table_insert (recorded, key, list);
        }
      occurrence->due_date = _signet_store_dup_text (stmt, 1);
      occurrence->status = g_strcmp0 (signet_db_column_text (stmt, 2), "waived") == 0
                           ? SIGNET_OCCURRENCE_WAIVED : SIGNET_OCCURRENCE_DONE;
      occurrence->done_date = _signet_store_dup_text (stmt, 3);
      g_ptr_array_add (list, occurrence);
    }
  if (rc != SIGNET_DB_DONE)
    return _signet_store_set_error (c->store, rc, error);

  sql = g_strdup_printf ("SELECT o.id, o.contract_id, o.party, o.due_date, o.recurrence, o.until_date, "
                         "%s, c.termination_date "
                         "FROM obligations o JOIN contracts c ON c.id = o.contract_id "
                         "WHERE o.due_date <= ?1",
                         c->amended ? SIGNET_CURRENT_END_DATE_SQL : "c.end_date");
  stmt = _signet_store_statement (c->store, sql, error);
  if (stmt == NULL)
    return FALSE;
  _signet_store_bind_static_text (stmt, 1, c->to);

  while ((rc = signet_db_step (stmt)) == SIGNET_DB_ROW)
    {
      ContractEntry *entry = lookup_contract (c, signet_db_column_int64 (stmt, 1));
      g_autoptr(SignetObligation) obligation = NULL;
      GPtrArray *list;
      gint64 obligation_id;

      if (entry == NULL)
        continue;

      obligation_id = signet_db_column_int64 (stmt, 0);
      obligation = signet_obligation_new (signet_db_column_int64 (stmt, 1));
      obligation->id = obligation_id;
      if (!signet_obligation_party_from_token (signet_db_column_text (stmt, 2),
                                               &obligation->party))
        obligation->party = SIGNET_OBLIGATION_PARTY_US;
      obligation->due_date = _signet_store_dup_text (stmt, 3);
      if (!signet_recurrence_from_token (signet_db_column_text (stmt, 4),
                                         &obligation->recurrence))
        obligation->recurrence = SIGNET_RECURRENCE_NONE;
      obligation->until_date = _signet_store_dup_text (stmt, 5);

      list = g_hash_table_lookup (recorded, &obligation_id);
      for (guint i = 0; list != NULL && i < list->len; i++)
        g_ptr_array_add (obligation->occurrences,
                         signet_occurrence_copy (g_ptr_array_index (list, i)));

      count_occurrences (c, entry, obligation,
                         signet_db_column_text (stmt, 6),
                         signet_db_column_text (stmt, 7));
    }

  return rc == SIGNET_DB_DONE || _signet_store_set_error (c->store, rc, error);
}

/* A count per contract from @sql (contract_id, count), bound to the
 * period when @bind_period. */
static gboolean
load_counts (Computation           *c,
             const char            *sql,
             gboolean               bind_period,
             SignetScorecardFigure  figure,
             GError               **error)
{
  SignetDbStmt *stmt = _signet_store_statement (c->store, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  if (bind_period)
    {
      _signet_store_bind_static_text (stmt, 1, c->from);
      _signet_store_bind_static_text (stmt, 2, c->to);
    }

  while ((rc = signet_db_step (stmt)) == SIGNET_DB_ROW)
    {
      ContractEntry *entry = lookup_contract (c, signet_db_column_int64 (stmt, 0));

      if (entry != NULL)
        entry->counts[figure] += (guint) signet_db_column_int64 (stmt, 1);
    }

  return rc == SIGNET_DB_DONE || _signet_store_set_error (c->store, rc, error);
}

static void
add_contract (SignetScorecard     *card,
              const ContractEntry *entry)
{
  for (guint f = 0; f < SIGNET_N_SCORECARD_FIGURES; f++)
    {
      card->counts[f] += entry->counts[f];
      if (entry->counts[f] > 0)
        card->n_contracts[f]++;
    }
}

static void
sum_cards (GHashTable *cards)
{
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, cards);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      SignetScorecard *card = value;
      SignetScorecardObligations *all = &card->all_obligations;

      for (guint p = 0; p < SIGNET_N_OBLIGATION_PARTIES; p++)
        {
          all->n_on_time += card->obligations[p].n_on_time;
          all->n_late += card->obligations[p].n_late;
          all->n_overdue += card->obligations[p].n_overdue;
          all->n_not_yet_due += card->obligations[p].n_not_yet_due;
          all->n_waived += card->obligations[p].n_waived;
        }
      g_array_sort (card->values, compare_values);
    }
}

static void
sum_contracts (Computation *c)
{
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, c->contracts);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      ContractEntry *entry = value;

      add_contract (entry->card, entry);
      if (entry->department_card != NULL)
        add_contract (entry->department_card, entry);
    }

  sum_cards (c->cards);
  if (c->department_cards != NULL)
    sum_cards (c->department_cards);
}

static gboolean
check_period (const char  *from,
              const char  *to,
              GError     **error)
{
  if (signet_date_is_valid (from) && signet_date_is_valid (to) && strcmp (from, to) <= 0)
    return TRUE;

  g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
               /* Translators: the period of a scorecard, two dates YYYY-MM-DD. */
               _("The period from %s to %s is not a range of days."),
               from != NULL ? from : "", to != NULL ? to : "");
  return FALSE;
}

/* Works out the scorecards of the contracts @where selects (bound to @id
 * or @department), grouped by @subject; a table of the cards by subject.
 * With @department_cards, the departments' cards too, in the same pass. */
static GHashTable *
compute (SignetStore             *store,
         SignetScorecardSubject   subject,
         const char              *where,
         gint64                   id,
         const char              *department,
         const char              *from,
         const char              *to,
         GHashTable              *department_cards,
         GError                 **error)
{
  Computation c = { 0 };
  g_autoptr(GHashTable) contracts = NULL;
  g_autoptr(GHashTable) cards = NULL;
  g_autofree char *today = NULL;

  if (!check_period (from, to, error))
    return NULL;

  today = signet_store_dup_today (store);
  contracts = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  cards = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);

  c.store = store;
  c.from = from;
  c.to = to;
  c.today = today;
  c.amended = _signet_store_current_terms_ensure (store, NULL);
  c.contracts = contracts;
  c.cards = cards;
  c.department_cards = department_cards;

  if (!load_contracts (&c, subject, where, id, department, error) ||
      !load_payments (&c, error) ||
      !load_obligations (&c, error) ||
      !load_counts (&c, "SELECT contract_id, count (*) FROM risks WHERE status = 'open' "
                        "GROUP BY contract_id", FALSE, SIGNET_SCORECARD_OPEN_RISKS, error) ||
      !load_counts (&c, "SELECT r.contract_id, count (*) FROM review_actions a "
                        "JOIN reviews r ON r.id = a.review_id WHERE a.done_date IS NULL "
                        "GROUP BY r.contract_id", FALSE, SIGNET_SCORECARD_OPEN_FINDINGS, error) ||
      !load_counts (&c, "SELECT contract_id, count (*) FROM process_events "
                        "WHERE action = 'renew-tacitly' AND term_end BETWEEN ?1 AND ?2 "
                        "GROUP BY contract_id", TRUE, SIGNET_SCORECARD_TACIT_RENEWALS, error))
    return NULL;

  sum_contracts (&c);

  return g_steal_pointer (&cards);
}

/* The one scorecard of @cards, or an empty one named @name when the
 * subject has no contract. */
static SignetScorecard *
take_single (GHashTable             *cards,
             SignetScorecardSubject  subject,
             gint64                  subject_id,
             const char             *name,
             SignetStore            *store,
             const char             *from,
             const char             *to)
{
  GHashTableIter iter;
  gpointer value;
  Computation c = { 0 };
  g_autofree char *today = NULL;

  g_hash_table_iter_init (&iter, cards);
  if (g_hash_table_iter_next (&iter, NULL, &value))
    return g_object_ref (value);

  today = signet_store_dup_today (store);
  c.from = from;
  c.to = to;
  c.today = today;

  return scorecard_new (&c, subject, subject_id, name);
}

static double
payments_rate (const SignetScorecard *card)
{
  guint on_time = 0, due = 0;

  for (guint d = 0; d < SIGNET_N_PAYMENT_DIRECTIONS; d++)
    {
      on_time += card->payments[d].n_on_time;
      due += card->payments[d].n_on_time + card->payments[d].n_late + card->payments[d].n_overdue;
    }

  return due > 0 ? (double) on_time / due : -1;
}

static int
compare_rates (double a,
               double b)
{
  if (a == b)
    return 0;

  return a > b ? -1 : 1;
}

static int
compare_ranked (gconstpointer a,
                gconstpointer b)
{
  SignetScorecard *ca = *(SignetScorecard **) a;
  SignetScorecard *cb = *(SignetScorecard **) b;
  int order;

  order = compare_rates (payments_rate (ca), payments_rate (cb));
  if (order == 0)
    order = compare_rates (signet_scorecard_obligations_get_rate (&ca->all_obligations),
                           signet_scorecard_obligations_get_rate (&cb->all_obligations));
  if (order == 0 && ca->counts[SIGNET_SCORECARD_CONTRACTS] != cb->counts[SIGNET_SCORECARD_CONTRACTS])
    order = ca->counts[SIGNET_SCORECARD_CONTRACTS] > cb->counts[SIGNET_SCORECARD_CONTRACTS] ? -1 : 1;
  if (order == 0)
    order = strcmp (ca->name_key, cb->name_key);

  return order;
}

/* The ICU locale of the calling thread's @category: "de_DE" of
 * "de_DE.UTF-8"; the C locale is read as English. */
static char *
dup_icu_locale (int category)
{
#ifdef _NL_LOCALE_NAME
  const char *name = nl_langinfo (_NL_LOCALE_NAME (category));
#else
  const char *name = setlocale (category, NULL);
#endif

  if (name == NULL || *name == '\0' || g_str_equal (name, "C") || g_str_equal (name, "POSIX") ||
      g_str_has_prefix (name, "C."))
    return g_strdup ("en");

  return g_strndup (name, strcspn (name, ".@"));
}

static char *
format_number (UNumberFormatStyle style,
               double             number,
               int                fraction_digits)
{
  g_autofree char *locale = dup_icu_locale (LC_NUMERIC);
  UErrorCode status = U_ZERO_ERROR;
  UNumberFormat *format;
  UChar buffer[64];
  int32_t length;
  char *text;

  format = unum_open (style, NULL, 0, locale, NULL, &status);
  if (U_FAILURE (status))
    return g_strdup_printf ("%.*f", fraction_digits, style == UNUM_PERCENT ? number * 100 : number);

  unum_setAttribute (format, UNUM_MIN_FRACTION_DIGITS, fraction_digits);
  unum_setAttribute (format, UNUM_MAX_FRACTION_DIGITS, fraction_digits);
  length = unum_formatDouble (format, number, buffer, G_N_ELEMENTS (buffer), NULL, &status);
  unum_close (format);
  if (U_FAILURE (status))
    return g_strdup_printf ("%.*f", fraction_digits, style == UNUM_PERCENT ? number * 100 : number);

  text = g_utf16_to_utf8 ((const gunichar2 *) buffer, length, NULL, NULL, NULL);

  return text != NULL ? text : g_strdup ("");
}

typedef struct
{
  SignetStoreOpener      *opener;
  SignetScorecardSubject  subject;
  gint64                  contract_id;
  char                   *from;
  char                   *to;
} ComputeData;

static void
compute_data_free (ComputeData *data)
{
  g_clear_pointer (&data->opener, signet_store_opener_free);
  g_free (data->from);
  g_free (data->to);
  g_free (data);
}

static void
compute_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  ComputeData *data = task_data;
  g_autoptr(SignetStore) store = NULL;
  g_autoptr(GPtrArray) cards = NULL;
  GError *error = NULL;

  store = signet_store_open_worker (data->opener, &error);
  if (store == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  if (data->subject == SIGNET_SCORECARD_CONTRACT)
    {
      SignetScorecard *card = signet_store_compute_contract_scorecard (store, data->contract_id,
                                                                       data->from, data->to, &error);

      if (card != NULL)
        {
          cards = g_ptr_array_new_with_free_func (g_object_unref);
          g_ptr_array_add (cards, card);
        }
    }
  else
    cards = signet_store_compute_scorecards (store, data->subject, data->from, data->to, &error);

  if (cards == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, g_steal_pointer (&cards), (GDestroyNotify) g_ptr_array_unref);
}

static void
signet_scorecard_finalize (GObject *object)
{
  SignetScorecard *self = SIGNET_SCORECARD (object);

  g_free (self->name);
  g_free (self->from);
  g_free (self->to);
  g_free (self->today);
  g_free (self->name_key);
  g_clear_pointer (&self->values, g_array_unref);

  G_OBJECT_CLASS (signet_scorecard_parent_class)->finalize (object);
}

static void
signet_scorecard_class_init (SignetScorecardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = signet_scorecard_finalize;
}

static void
signet_scorecard_init (SignetScorecard *self)
{
  self->values = g_array_new (FALSE, TRUE, sizeof (SignetScorecardValue));
}

double
signet_scorecard_payments_get_rate (const SignetScorecardPayments *payments)
{
  guint due;

  g_return_val_if_fail (payments != NULL, -1);

  due = payments->n_on_time + payments->n_late + payments->n_overdue;

  return due > 0 ? (double) payments->n_on_time / due : -1;
}

double
signet_scorecard_payments_get_average_days_late (const SignetScorecardPayments *payments)
{
  guint late;

  g_return_val_if_fail (payments != NULL, -1);

  late = payments->n_late + payments->n_overdue;

  return late > 0 ? (double) (payments->days_late_paid + payments->days_overdue) / late : -1;
}

double
signet_scorecard_obligations_get_rate (const SignetScorecardObligations *obligations)
{
  guint due;

  g_return_val_if_fail (obligations != NULL, -1);

  due = obligations->n_on_time + obligations->n_late + obligations->n_overdue;

  return due > 0 ? (double) obligations->n_on_time / due : -1;
}

SignetScorecard *
signet_store_compute_client_scorecard (SignetStore  *store,
                                       gint64        client_id,
                                       const char   *from,
                                       const char   *to,
                                       GError      **error)
{
  g_autoptr(GHashTable) cards = NULL;
  g_autoptr(SignetClient) client = NULL;

  g_return_val_if_fail (SIGNET_IS_STORE (store), NULL);

  client = signet_store_get_client (store, client_id, error);
  if (client == NULL)
    return NULL;

  cards = compute (store, SIGNET_SCORECARD_CLIENT, "WHERE c.client_id = ?1", client_id, NULL,
                   from, to, NULL, error);
  if (cards == NULL)
    return NULL;

  return take_single (cards, SIGNET_SCORECARD_CLIENT, client_id, signet_client_get_name (client),
                      store, from, to);
}

SignetScorecard *
signet_store_compute_department_scorecard (SignetStore  *store,
                                           const char   *department,
                                           const char   *from,
                                           const char   *to,
                                           GError      **error)
{
  g_autoptr(GHashTable) cards = NULL;

  g_return_val_if_fail (SIGNET_IS_STORE (store), NULL);
  g_return_val_if_fail (department != NULL, NULL);

  cards = compute (store, SIGNET_SCORECARD_DEPARTMENT, "WHERE c.department = ?1", 0, department,
                   from, to, NULL, error);
  if (cards == NULL)
    return NULL;

  return take_single (cards, SIGNET_SCORECARD_DEPARTMENT, 0, department, store, from, to);
}

SignetScorecard *
signet_store_compute_contract_scorecard (SignetStore  *store,
                                         gint64        contract_id,
                                         const char   *from,
                                         const char   *to,
                                         GError      **error)
{
  g_autoptr(GHashTable) cards = NULL;
  GHashTableIter iter;
  gpointer value;

  g_return_val_if_fail (SIGNET_IS_STORE (store), NULL);

  cards = compute (store, SIGNET_SCORECARD_CONTRACT, "WHERE c.id = ?1", contract_id, NULL,
                   from, to, NULL, error);
  if (cards == NULL)
    return NULL;

  g_hash_table_iter_init (&iter, cards);
  if (!g_hash_table_iter_next (&iter, NULL, &value))
    {
      g_set_error (error, SIGNET_STORE_ERROR, SIGNET_STORE_ERROR_NOT_FOUND,
                   _("The contract was deleted."));
      return NULL;
    }

  return g_object_ref (value);
}

/* The cards of @cards, ranked, their rank set from 1. Names are compared
 * by their collation keys, made once each: g_utf8_collate() makes them
 * again for every comparison. */
static GPtrArray *
rank (GHashTable *cards)
{
  GPtrArray *ranked = g_ptr_array_new_full (g_hash_table_size (cards), g_object_unref);
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, cards);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      SignetScorecard *card = value;

      card->name_key = g_utf8_collate_key (card->name, -1);
      g_ptr_array_add (ranked, g_object_ref (card));
    }
  g_ptr_array_sort (ranked, compare_ranked);
  for (guint i = 0; i < ranked->len; i++)
    {
      SignetScorecard *card = g_ptr_array_index (ranked, i);

      card->rank = i + 1;
      g_clear_pointer (&card->name_key, g_free);
    }

  return ranked;
}

GPtrArray *
signet_store_compute_scorecards (SignetStore             *store,
                                 SignetScorecardSubject   subject,
                                 const char              *from,
                                 const char              *to,
                                 GError                 **error)
{
  g_autoptr(GHashTable) cards = NULL;

  g_return_val_if_fail (SIGNET_IS_STORE (store), NULL);
  g_return_val_if_fail (subject == SIGNET_SCORECARD_CLIENT || subject == SIGNET_SCORECARD_DEPARTMENT, NULL);

  cards = compute (store, subject, "", 0, NULL, from, to, NULL, error);
  if (cards == NULL)
    return NULL;

  return rank (cards);
}

gboolean
signet_store_compute_all_scorecards (SignetStore  *store,
                                     const char   *from,
                                     const char   *to,
                                     GPtrArray   **clients,
                                     GPtrArray   **departments,
                                     GError      **error)
{
  g_autoptr(GHashTable) client_cards = NULL;
  g_autoptr(GHashTable) department_cards = NULL;

  g_return_val_if_fail (SIGNET_IS_STORE (store), FALSE);
  g_return_val_if_fail (clients != NULL && departments != NULL, FALSE);

  department_cards = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  client_cards = compute (store, SIGNET_SCORECARD_CLIENT, "", 0, NULL, from, to, department_cards, error);
  if (client_cards == NULL)
    return FALSE;

  *clients = rank (client_cards);
  *departments = rank (department_cards);

  return TRUE;
}

void
signet_store_compute_scorecards_async (SignetStore            *store,
                                       SignetScorecardSubject  subject,
                                       gint64                  contract_id,
                                       const char             *from,
                                       const char             *to,
                                       GCancellable           *cancellable,
                                       GAsyncReadyCallback     callback,
                                       gpointer                user_data)
{
  g_autoptr(GTask) task = NULL;
  ComputeData *data;

  g_return_if_fail (SIGNET_IS_STORE (store));

  task = g_task_new (store, cancellable, callback, user_data);
  g_task_set_source_tag (task, signet_store_compute_scorecards_async);
  data = g_new0 (ComputeData, 1);
  data->opener = signet_store_opener_new (store, SIGNET_STORE_OPEN_READ_ONLY);
  data->subject = subject;
  data->contract_id = contract_id;
  data->from = g_strdup (from);
  data->to = g_strdup (to);
  g_task_set_task_data (task, data, (GDestroyNotify) compute_data_free);
  g_task_run_in_thread (task, compute_thread);
}

GPtrArray *
signet_store_compute_scorecards_finish (SignetStore   *store,
                                        GAsyncResult  *result,
                                        GError       **error)
{
  g_return_val_if_fail (SIGNET_IS_STORE (store), NULL);
  g_return_val_if_fail (g_task_is_valid (result, store), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == signet_store_compute_scorecards_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

SignetScorecardSubject
signet_scorecard_get_subject (SignetScorecard *self)
{
  g_return_val_if_fail (SIGNET_IS_SCORECARD (self), SIGNET_SCORECARD_CLIENT);

  return self->subject;
}

gint64
signet_scorecard_get_subject_id (SignetScorecard *self)
{
  g_return_val_if_fail (SIGNET_IS_SCORECARD (self), 0);

  return self->subject_id;
}

const char *
signet_scorecard_get_name (SignetScorecard *self)
{
  g_return_val_if_fail (SIGNET_IS_SCORECARD (self), NULL);

  return self->name;
}

const char *
signet_scorecard_get_from (SignetScorecard *self)
{
  g_return_val_if_fail (SIGNET_IS_SCORECARD (self), NULL);

  return self->from;
}

const char *
signet_scorecard_get_to (SignetScorecard *self)
{
  g_return_val_if_fail (SIGNET_IS_SCORECARD (self), NULL);

  return self->to;
}

const char *
signet_scorecard_get_today (SignetScorecard *self)
{
  g_return_val_if_fail (SIGNET_IS_SCORECARD (self), NULL);

  return self->today;
}

guint
signet_scorecard_get_rank (SignetScorecard *self)
{
  g_return_val_if_fail (SIGNET_IS_SCORECARD (self), 0);

  return self->rank;
}

guint
signet_scorecard_get_count (SignetScorecard       *self,
                            SignetScorecardFigure  figure)
{
  g_return_val_if_fail (SIGNET_IS_SCORECARD (self), 0);
  g_return_val_if_fail (figure < SIGNET_N_SCORECARD_FIGURES, 0);

  return self->counts[figure];
}

guint
signet_scorecard_get_n_contracts (SignetScorecard       *self,
                                  SignetScorecardFigure  figure)
{
  g_return_val_if_fail (SIGNET_IS_SCORECARD (self), 0);
  g_return_val_if_fail (figure < SIGNET_N_SCORECARD_FIGURES, 0);

  return self->n_contracts[figure];
}

SignetContractQuery *
signet_scorecard_dup_query (SignetScorecard       *self,
                            SignetScorecardFigure  figure)
{
  g_autoptr(SignetContractQuery) query = NULL;

  g_return_val_if_fail (SIGNET_IS_SCORECARD (self), NULL);
  g_return_val_if_fail (figure < SIGNET_N_SCORECARD_FIGURES, NULL);

  if (self->subject == SIGNET_SCORECARD_CONTRACT)
    return NULL;

  query = signet_contract_query_new ();
  if (self->subject == SIGNET_SCORECARD_CLIENT)
    signet_contract_query_set_clients (query, &self->subject_id, 1);
  else
    {
      const char *departments[] = { self->name, NULL };

      signet_contract_query_set_departments (query, departments);
    }

  switch (figure)
    {
    case SIGNET_SCORECARD_CONTRACTS:
    case SIGNET_SCORECARD_VALUE:
      signet_contract_query_set_date_range (query, SIGNET_QUERY_DATE_SIGNING, self->from, self->to);
      break;

    case SIGNET_SCORECARD_RENEWALS:
      signet_contract_query_set_statuses (query, 1u << SIGNET_CONTRACT_STATUS_RENEWED);
      signet_contract_query_set_date_range (query, SIGNET_QUERY_DATE_ENDED, self->from, self->to);
      break;

    case SIGNET_SCORECARD_TERMINATIONS:
      signet_contract_query_set_statuses (query, 1u << SIGNET_CONTRACT_STATUS_TERMINATED);
      signet_contract_query_set_date_range (query, SIGNET_QUERY_DATE_ENDED, self->from, self->to);
      break;

    case SIGNET_SCORECARD_OPEN_FINDINGS:
      signet_contract_query_set_filters (query, SIGNET_CONTRACT_FILTER_OPEN_REVIEW_FINDINGS);
      break;

    case SIGNET_SCORECARD_PAYMENTS_RECEIVED:
    case SIGNET_SCORECARD_DAYS_LATE_RECEIVED:
    case SIGNET_SCORECARD_PAYMENTS_MADE:
    case SIGNET_SCORECARD_DAYS_LATE_MADE:
    case SIGNET_SCORECARD_OBLIGATIONS:
    case SIGNET_SCORECARD_OPEN_RISKS:
    case SIGNET_SCORECARD_TACIT_RENEWALS:
    default:
      return NULL;
    }

  return g_steal_pointer (&query);
}

guint
signet_scorecard_get_n_values (SignetScorecard *self)
{
  g_return_val_if_fail (SIGNET_IS_SCORECARD (self), 0);

  return self->values->len;
}

const SignetScorecardValue *
signet_scorecard_get_value (SignetScorecard *self,
                            guint            i)
{
  g_return_val_if_fail (SIGNET_IS_SCORECARD (self), NULL);
  g_return_val_if_fail (i < self->values->len, NULL);

  return &g_array_index (self->values, SignetScorecardValue, i);
}

const SignetScorecardPayments *
signet_scorecard_get_payments (SignetScorecard        *self,
                               SignetPaymentDirection  direction)
{
  g_return_val_if_fail (SIGNET_IS_SCORECARD (self), NULL);
  g_return_val_if_fail (direction < SIGNET_N_PAYMENT_DIRECTIONS, NULL);

  return &self->payments[direction];
}

const SignetScorecardObligations *
signet_scorecard_get_obligations (SignetScorecard *self)
{
  g_return_val_if_fail (SIGNET_IS_SCORECARD (self), NULL);

  return &self->all_obligations;
}

const SignetScorecardObligations *
signet_scorecard_get_party_obligations (SignetScorecard       *self,
                                        SignetObligationParty  party)
{
  g_return_val_if_fail (SIGNET_IS_SCORECARD (self), NULL);
  g_return_val_if_fail (party < SIGNET_N_OBLIGATION_PARTIES, NULL);

  return &self->obligations[party];
}

char *
signet_scorecard_format_figure (SignetScorecard       *self,
                                SignetScorecardFigure  figure)
{
  g_return_val_if_fail (SIGNET_IS_SCORECARD (self), NULL);
  g_return_val_if_fail (figure < SIGNET_N_SCORECARD_FIGURES, NULL);

  switch (figure)
    {
    case SIGNET_SCORECARD_VALUE:
      {
        g_autoptr(GString) text = g_string_new (NULL);

        for (guint i = 0; i < self->values->len; i++)
          {
            const SignetScorecardValue *value = &g_array_index (self->values, SignetScorecardValue, i);
            g_autofree char *amount = signet_money_format (value->amount, value->currency);

            if (i > 0)
              g_string_append_c (text, '\n');
            g_string_append (text, amount);
          }
        if (text->len == 0)
          g_string_append (text, "—");

        return g_string_free (g_steal_pointer (&text), FALSE);
      }

    case SIGNET_SCORECARD_PAYMENTS_RECEIVED:
      return signet_format_percent (signet_scorecard_payments_get_rate (&self->payments[SIGNET_PAYMENT_RECEIVABLE]));
    case SIGNET_SCORECARD_PAYMENTS_MADE:
      return signet_format_percent (signet_scorecard_payments_get_rate (&self->payments[SIGNET_PAYMENT_PAYABLE]));
    case SIGNET_SCORECARD_DAYS_LATE_RECEIVED:
      return signet_format_days (signet_scorecard_payments_get_average_days_late (&self->payments[SIGNET_PAYMENT_RECEIVABLE]));
    case SIGNET_SCORECARD_DAYS_LATE_MADE:
      return signet_format_days (signet_scorecard_payments_get_average_days_late (&self->payments[SIGNET_PAYMENT_PAYABLE]));
    case SIGNET_SCORECARD_OBLIGATIONS:
      return signet_format_percent (signet_scorecard_obligations_get_rate (&self->all_obligations));

    case SIGNET_SCORECARD_CONTRACTS:
    case SIGNET_SCORECARD_OPEN_RISKS:
    case SIGNET_SCORECARD_OPEN_FINDINGS:
    case SIGNET_SCORECARD_RENEWALS:
    case SIGNET_SCORECARD_TACIT_RENEWALS:
    case SIGNET_SCORECARD_TERMINATIONS:
    default:
      return format_number (UNUM_DECIMAL, self->counts[figure], 0);
    }
}

const char *
signet_scorecard_figure_get_label (SignetScorecardFigure figure)
{
  g_return_val_if_fail (figure < SIGNET_N_SCORECARD_FIGURES, NULL);

  return _(figures[figure].label);
}

const char *
signet_scorecard_figure_get_explanation (SignetScorecardFigure figure)
{
  g_return_val_if_fail (figure < SIGNET_N_SCORECARD_FIGURES, NULL);

  return _(figures[figure].explanation);
}

gboolean
signet_scorecard_period_get_range (SignetScorecardPeriod   period,
                                   const char             *today,
                                   char                  **from,
                                   char                  **to)
{
  GDate day, start, end;

  g_return_val_if_fail (from != NULL && to != NULL, FALSE);

  *from = NULL;
  *to = NULL;
  if (period == SIGNET_SCORECARD_PERIOD_CUSTOM || !signet_date_parse (today, &day))
    return FALSE;

  switch (period)
    {
    case SIGNET_SCORECARD_PERIOD_THIS_YEAR:
    case SIGNET_SCORECARD_PERIOD_LAST_YEAR:
      {
        GDateYear year = g_date_get_year (&day) - (period == SIGNET_SCORECARD_PERIOD_LAST_YEAR ? 1 : 0);

        g_date_set_dmy (&start, 1, G_DATE_JANUARY, year);
        g_date_set_dmy (&end, 31, G_DATE_DECEMBER, year);
      }
      break;

    case SIGNET_SCORECARD_PERIOD_LAST_12_MONTHS:
      start = day;
      end = day;
      signet_date_add_months (&start, -12);
      signet_date_add_days (&start, 1);
      break;

    case SIGNET_SCORECARD_PERIOD_CUSTOM:
    default:
      return FALSE;
    }

  *from = signet_date_to_iso (&start);
  *to = signet_date_to_iso (&end);

  return TRUE;
}

const char *
signet_scorecard_period_get_label (SignetScorecardPeriod period)
{
  g_return_val_if_fail (period < G_N_ELEMENTS (period_labels), NULL);

  return _(period_labels[period]);
}

char *
signet_format_percent (double share)
{
  if (share < 0)
    return g_strdup ("—");

  return format_number (UNUM_PERCENT, share, 0);
}

char *
signet_format_days (double days)
{
  if (days < 0)
    return g_strdup ("—");

  return format_number (UNUM_DECIMAL, days, 1);
}
