/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "signet-store"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "signet-date.h"
#include "signet-money.h"
#include "signet-overview.h"
#include "signet-store-events.h"
#include "signet-store-private.h"

/* The figures are made in four passes over the register, whatever its
 * size: one walk of the event index's past (the contracts with a review
 * or an obligation overdue), one statement that counts the contracts
 * with a payment or a loan overdue, an approval pending or a notice
 * deadline this month (each an indexed subquery), one scan of the
 * contracts (status, ends, value, client, months, and whether the
 * contracts of the walk exist and are in force), and the exchange rates.
 * Everything that depends on a contract alone is worked out in C from the
 * scan, by the same rules as signet_contract_get_shown_status() and the
 * list's SQL, so that each count is the number of contracts its query
 * lists. A count (DISTINCT) joined with the contracts for each past event
 * took half the time of the whole (docs/benchmarks.md). */

/* A signed contract that has ended by ?1, as EXPIRED_BY() in
 * signet-store-events.c: no notice deadline of a contract no longer in
 * force is due. */
#define IN_FORCE_BY_TODAY \
  "c.status IN ('approved', 'signed', 'active') AND NOT (c.status = 'signed' AND " \
  "((c.auto_renew = 0 AND c.end_date IS NOT NULL AND c.end_date < ?1) " \
  "OR (c.termination_date IS NOT NULL AND c.termination_date < ?1)))"

/* The past of the index: each periodic review due before ?1 (the agenda
 * lists it overdue while the contract is in force) and each open
 * occurrence of an obligation (whatever the contract's status); dates
 * outside the range are never handed on (IN_RANGE()). */
#define PAST_EVENTS_SQL \
  "SELECT e.kind = 'review', e.contract_id FROM contract_events e " \
  "WHERE e.date >= '" SIGNET_DATE_MIN "' AND e.date < ?1 " \
  "AND (e.kind = 'review' OR (e.kind = 'obligation' AND e.record_id IS NOT NULL))"

#define OVERDUE_COUNTS_SQL \
  "SELECT " \
  "(SELECT count (DISTINCT p.contract_id) FROM payments p JOIN contracts c ON c.id = p.contract_id " \
  " WHERE (p.amount IS NULL OR p.paid < p.amount) AND p.due_date < ?1 " \
  " AND p.due_date >= '" SIGNET_DATE_MIN "'), " \
  "(SELECT count (DISTINCT l.contract_id) FROM loans l JOIN contracts c ON c.id = l.contract_id " \
  " WHERE l.returned_on IS NULL AND l.due_on < ?1 AND l.due_on >= '" SIGNET_DATE_MIN "'), " \
  "(SELECT count (DISTINCT a.contract_id) FROM approval_steps a JOIN contracts c ON c.id = a.contract_id " \
  " WHERE a.state = 'pending' AND (a.amendment_id = 0 OR a.amendment_id IN (SELECT id FROM amendments))), " \
  "(SELECT count (DISTINCT e.contract_id) FROM contract_events e JOIN contracts c ON c.id = e.contract_id " \
  " WHERE e.kind = 'notice-deadline' AND e.date BETWEEN ?2 AND ?3 AND " IN_FORCE_BY_TODAY ")"

#define CONTRACTS_SQL(value, currency, end, auto_renew) \
  "SELECT c.status, c.client_id, c.signing_date, c.start_date, " end ", " auto_renew ", " \
  "c.termination_date, " value ", " currency ", c.id, c.end_date, c.auto_renew FROM contracts c"

static const SignetContractFilter count_filters[SIGNET_N_OVERVIEW_COUNTS] = {
  [SIGNET_OVERVIEW_OVERDUE_REVIEWS]     = SIGNET_CONTRACT_FILTER_OVERDUE_REVIEWS,
  [SIGNET_OVERVIEW_OVERDUE_PAYMENTS]    = SIGNET_CONTRACT_FILTER_OVERDUE_PAYMENTS,
  [SIGNET_OVERVIEW_OVERDUE_OBLIGATIONS] = SIGNET_CONTRACT_FILTER_OVERDUE_OBLIGATIONS,
  [SIGNET_OVERVIEW_OVERDUE_LOANS]       = SIGNET_CONTRACT_FILTER_OVERDUE_LOANS,
  [SIGNET_OVERVIEW_PENDING_APPROVALS]   = SIGNET_CONTRACT_FILTER_PENDING_APPROVALS,
};

static const int expiring_days[] = {
  [SIGNET_OVERVIEW_EXPIRING_30] = 30,
  [SIGNET_OVERVIEW_EXPIRING_60] = 60,
  [SIGNET_OVERVIEW_EXPIRING_90] = 90,
};

/* The statuses in which a contract has notice deadlines, as shown. */
#define IN_FORCE_STATUSES \
  ((1u << SIGNET_CONTRACT_STATUS_APPROVED) | (1u << SIGNET_CONTRACT_STATUS_SIGNED) | \
   (1u << SIGNET_CONTRACT_STATUS_ACTIVE))
#define ENDED_STATUSES \
  ((1u << SIGNET_CONTRACT_STATUS_EXPIRED) | (1u << SIGNET_CONTRACT_STATUS_RENEWED) | \
   (1u << SIGNET_CONTRACT_STATUS_TERMINATED))

typedef struct
{
  char     *currency;
  char     *base;
  double    rate;            /* units of base for one unit of currency */
  char     *set_at;
} Rate;

struct _SignetOverview
{
  GObject              parent_instance;

  char                *today;
  char                 month_first[11];   /* today's month */
  char                 month_last[11];
  guint                n_contracts;
  guint                status_counts[SIGNET_N_CONTRACT_STATUSES];
  guint                counts[SIGNET_N_OVERVIEW_COUNTS];
  GPtrArray           *values;            /* of SignetOverviewValue, the highest first */
  GPtrArray           *top_clients;       /* of SignetOverviewValue */
  SignetOverviewConverted *converted;
  GPtrArray           *converted_clients; /* of SignetOverviewConverted */
  GPtrArray           *rates_used;        /* of Rate */
  SignetOverviewMonth  months[SIGNET_OVERVIEW_N_MONTHS];
  char                 month_ends[SIGNET_OVERVIEW_N_MONTHS][11];
};

G_DEFINE_FINAL_TYPE (SignetOverview, signet_overview, G_TYPE_OBJECT)

static void
value_free (SignetOverviewValue *value)
{
  if (value == NULL)
    return;
  g_free (value->currency);
  g_free (value->client_name);
  g_free (value);
}

static void
converted_free (SignetOverviewConverted *converted)
{
  if (converted == NULL)
    return;
  g_free (converted->base);
  g_free (converted->client_name);
  g_free (converted);
}

static void
rate_free (Rate *rate)
{
  g_free (rate->currency);
  g_free (rate->base);
  g_free (rate->set_at);
  g_free (rate);
}

static void
signet_overview_finalize (GObject *object)
{
  SignetOverview *self = SIGNET_OVERVIEW (object);

  g_free (self->today);
  g_clear_pointer (&self->values, g_ptr_array_unref);
  g_clear_pointer (&self->top_clients, g_ptr_array_unref);
  g_clear_pointer (&self->converted, converted_free);
  g_clear_pointer (&self->converted_clients, g_ptr_array_unref);
  g_clear_pointer (&self->rates_used, g_ptr_array_unref);

  G_OBJECT_CLASS (signet_overview_parent_class)->finalize (object);
}

static void
signet_overview_class_init (SignetOverviewClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = signet_overview_finalize;
}

static void
signet_overview_init (SignetOverview *self)
{
  self->values = g_ptr_array_new_with_free_func ((GDestroyNotify) value_free);
  self->top_clients = g_ptr_array_new_with_free_func ((GDestroyNotify) value_free);
  self->converted_clients = g_ptr_array_new_with_free_func ((GDestroyNotify) converted_free);
  self->rates_used = g_ptr_array_new_with_free_func ((GDestroyNotify) rate_free);
}

static gboolean
is_blank (const char *text)
{
  return text == NULL || *text == '\0';
}

/* signet_contract_get_shown_status() of a row; FALSE for a status of a
 * newer Signet, which no status count holds. */
static gboolean
shown_status (const char           *stored,
              const char           *start,
              const char           *end,
              gboolean              auto_renew,
              const char           *termination,
              const char           *today,
              SignetContractStatus *status)
{
  if (stored == NULL || !signet_contract_status_from_token (stored, status))
    return FALSE;

  if (*status != SIGNET_CONTRACT_STATUS_SIGNED && *status != SIGNET_CONTRACT_STATUS_ACTIVE &&
      *status != SIGNET_CONTRACT_STATUS_EXPIRED)
    return TRUE;

  if (!is_blank (end) && strcmp (end, today) < 0 && !auto_renew)
    *status = SIGNET_CONTRACT_STATUS_EXPIRED;
  else if (!is_blank (termination) && strcmp (termination, today) < 0)
    *status = SIGNET_CONTRACT_STATUS_EXPIRED;
  else if (!is_blank (start) && strcmp (today, start) < 0)
    *status = SIGNET_CONTRACT_STATUS_SIGNED;
  else if (is_blank (start) && is_blank (end))
    *status = SIGNET_CONTRACT_STATUS_SIGNED;
  else
    *status = SIGNET_CONTRACT_STATUS_ACTIVE;

  return TRUE;
}

/* The month of @date (YYYY-MM-DD) among the overview's, or -1. */
static int
month_index (SignetOverview *self,
             const char     *date)
{
  if (is_blank (date) || strlen (date) < 10 || strncmp (date, self->months[0].month, 7) < 0 ||
      strncmp (date, self->months[SIGNET_OVERVIEW_N_MONTHS - 1].month, 7) > 0)
    return -1;

  for (int i = SIGNET_OVERVIEW_N_MONTHS - 1; i >= 0; i--)
    if (strncmp (date, self->months[i].month, 7) == 0)
      return i;

  return -1;
}

static void
set_months (SignetOverview *self,
            const GDate    *today)
{
  for (int i = 0; i < SIGNET_OVERVIEW_N_MONTHS; i++)
    {
      GDate first = *today;
      GDate last;
      g_autofree char *iso = NULL;

      g_date_set_day (&first, 1);
      signet_date_add_months (&first, i - (SIGNET_OVERVIEW_N_MONTHS - 1));
      last = first;
      g_date_set_day (&last, g_date_get_days_in_month (g_date_get_month (&first), g_date_get_year (&first)));

      iso = signet_date_to_iso (&first);
      g_strlcpy (self->months[i].month, iso, sizeof self->months[i].month);
      g_free (iso);
      iso = signet_date_to_iso (&last);
      g_strlcpy (self->month_ends[i], iso, sizeof self->month_ends[i]);
    }

  g_snprintf (self->month_first, sizeof self->month_first, "%s-01",
              self->months[SIGNET_OVERVIEW_N_MONTHS - 1].month);
  g_strlcpy (self->month_last, self->month_ends[SIGNET_OVERVIEW_N_MONTHS - 1], sizeof self->month_last);
}

typedef struct
{
  gint64 amount;
  guint  n_contracts;
} Sum;

static Sum *
lookup_sum (GHashTable *sums,
            const char *key)
{
  Sum *sum = g_hash_table_lookup (sums, key);

  if (sum == NULL)
    {
      sum = g_new0 (Sum, 1);
      g_hash_table_insert (sums, g_strdup (key), sum);
    }

  return sum;
}

static int
compare_values (gconstpointer a,
                gconstpointer b)
{
  const SignetOverviewValue *x = *(const SignetOverviewValue * const *) a;
  const SignetOverviewValue *y = *(const SignetOverviewValue * const *) b;
  int by_currency = strcmp (x->currency, y->currency);

  /* Clients per currency, in the currencies' order of their totals, are
   * sorted after: here the highest first within a currency. */
  if (x->client_id != 0 && by_currency != 0)
    return by_currency;
  if (x->amount != y->amount)
    return x->amount > y->amount ? -1 : 1;
  if (by_currency != 0)
    return by_currency;
  return x->client_id < y->client_id ? -1 : x->client_id > y->client_id;
}

static int
compare_converted (gconstpointer a,
                   gconstpointer b)
{
  const SignetOverviewConverted *x = *(const SignetOverviewConverted * const *) a;
  const SignetOverviewConverted *y = *(const SignetOverviewConverted * const *) b;

  if (x->amount != y->amount)
    return x->amount > y->amount ? -1 : 1;
  return x->client_id < y->client_id ? -1 : x->client_id > y->client_id;
}

/* IN_FORCE_BY_TODAY of a row, on the terms as signed. */
static gboolean
in_force_by (const char *stored,
             const char *end,
             gboolean    auto_renew,
             const char *termination,
             const char *today)
{
  if (g_strcmp0 (stored, "approved") == 0 || g_strcmp0 (stored, "active") == 0)
    return TRUE;
  if (g_strcmp0 (stored, "signed") != 0)
    return FALSE;

  return !((!auto_renew && end != NULL && strcmp (end, today) < 0) ||
           (termination != NULL && strcmp (termination, today) < 0));
}

static gboolean
scan_contracts (SignetOverview *self,
                SignetStore    *store,
                GHashTable     *reviews_due,
                GHashTable     *obligations_due,
                GHashTable     *currency_sums,
                GHashTable     *client_sums,
                GError        **error)
{
  gboolean amended = _signet_store_current_terms_ensure (store, NULL);
  const char *sql = amended
    ? CONTRACTS_SQL (SIGNET_CURRENT_VALUE_SQL, SIGNET_CURRENT_CURRENCY_SQL,
                     SIGNET_CURRENT_END_DATE_SQL, SIGNET_CURRENT_AUTO_RENEW_SQL)
    : CONTRACTS_SQL ("c.value", "c.currency", "c.end_date", "c.auto_renew");
  char until[G_N_ELEMENTS (expiring_days)][11];
  SignetDbStmt *stmt;
  GDate date;
  int rc;

  for (guint i = 0; i < G_N_ELEMENTS (expiring_days); i++)
    {
      g_autofree char *iso = NULL;

      signet_date_parse (self->today, &date);
      iso = signet_date_add_days (&date, expiring_days[i]) ? signet_date_to_iso (&date)
                                                            : g_strdup (SIGNET_DATE_MAX);
      g_strlcpy (until[i], iso, sizeof until[i]);
    }

  stmt = _signet_store_statement (store, sql, error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = signet_db_step (stmt)) == SIGNET_DB_ROW)
    {
      const char *stored = signet_db_column_text (stmt, 0);
      gint64 client_id = signet_db_column_int64 (stmt, 1);
      const char *signing = signet_db_column_text (stmt, 2);
      const char *start = signet_db_column_text (stmt, 3);
      const char *end = signet_db_column_text (stmt, 4);
      gboolean auto_renew = signet_db_column_int (stmt, 5) != 0;
      const char *termination = signet_db_column_text (stmt, 6);
      gint64 value = signet_db_column_int64 (stmt, 7);
      const char *currency = signet_db_column_text (stmt, 8);
      gint64 id = signet_db_column_int64 (stmt, 9);
      SignetContractStatus status;
      gboolean known;
      int month;

      self->n_contracts++;
      if (g_hash_table_contains (obligations_due, &id))
        self->counts[SIGNET_OVERVIEW_OVERDUE_OBLIGATIONS]++;
      if (g_hash_table_contains (reviews_due, &id) &&
          in_force_by (stored, signet_db_column_text (stmt, 10), signet_db_column_int (stmt, 11) != 0,
                       termination, self->today))
        self->counts[SIGNET_OVERVIEW_OVERDUE_REVIEWS]++;
      known = shown_status (stored, start, end, auto_renew, termination, self->today, &status);
      if (known)
        self->status_counts[status]++;

      month = month_index (self, signing);
      if (month >= 0)
        self->months[month].n_signed++;

      if (!known)
        continue;

      if (status == SIGNET_CONTRACT_STATUS_EXPIRED || status == SIGNET_CONTRACT_STATUS_RENEWED ||
          status == SIGNET_CONTRACT_STATUS_TERMINATED)
        {
          month = month_index (self, !is_blank (termination) ? termination : end);
          if (month >= 0)
            self->months[month].n_ended++;
          continue;
        }

      if (!is_blank (end) && strcmp (end, self->today) >= 0)
        for (guint i = 0; i < G_N_ELEMENTS (expiring_days); i++)
          if (strcmp (end, until[i]) <= 0)
            self->counts[i]++;

      if (status == SIGNET_CONTRACT_STATUS_ACTIVE && currency != NULL)
        {
          g_autofree char *key = g_strdup_printf ("%s %" G_GINT64_FORMAT, currency, client_id);
          Sum *sum = lookup_sum (currency_sums, currency);

          sum->amount += value;
          sum->n_contracts++;
          sum = lookup_sum (client_sums, key);
          sum->amount += value;
          sum->n_contracts++;
        }
    }
  signet_db_reset (stmt);

  if (rc != SIGNET_DB_DONE)
    return _signet_store_set_error (store, rc, error);

  return TRUE;
}

/* The contracts with a review, and those with an obligation, overdue in
 * the index, as sets of gint64 *. */
static gboolean
collect_past_events (SignetOverview  *self,
                     SignetStore     *store,
                     GHashTable      *reviews_due,
                     GHashTable      *obligations_due,
                     GError         **error)
{
  SignetDbStmt *stmt = _signet_store_statement (store, PAST_EVENTS_SQL, error);
  int rc;

  if (stmt == NULL)
    return FALSE;

  signet_db_bind_static_text (stmt, 1, self->today);
  while ((rc = signet_db_step (stmt)) == SIGNET_DB_ROW)
    {
      gint64 id = signet_db_column_int64 (stmt, 1);
      GHashTable *set = signet_db_column_int (stmt, 0) ? reviews_due : obligations_due;

      if (!g_hash_table_contains (set, &id))
        g_hash_table_add (set, g_memdup2 (&id, sizeof id));
    }
  signet_db_reset (stmt);

  if (rc != SIGNET_DB_DONE)
    return _signet_store_set_error (store, rc, error);

  return TRUE;
}

static gboolean
count_overdue (SignetOverview *self,
               SignetStore    *store,
               GHashTable     *reviews_due,
               GHashTable     *obligations_due,
               GError        **error)
{
  static const SignetOverviewCount columns[] = {
    SIGNET_OVERVIEW_OVERDUE_PAYMENTS,
    SIGNET_OVERVIEW_OVERDUE_LOANS,
    SIGNET_OVERVIEW_PENDING_APPROVALS,
    SIGNET_OVERVIEW_NOTICE_THIS_MONTH,
  };
  SignetDbStmt *stmt;
  int rc;

  /* Reviews, obligations and notice deadlines are read from the event
   * index, which derives them as the calendar and the agenda show them. */
  if (!signet_store_update_events (store, error) ||
      !collect_past_events (self, store, reviews_due, obligations_due, error))
    return FALSE;

  stmt = _signet_store_statement (store, OVERDUE_COUNTS_SQL, error);
  if (stmt == NULL)
    return FALSE;

  signet_db_bind_static_text (stmt, 1, self->today);
  signet_db_bind_static_text (stmt, 2, self->month_first);
  signet_db_bind_static_text (stmt, 3, self->month_last);

  rc = signet_db_step (stmt);
  if (rc == SIGNET_DB_ROW)
    for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
      self->counts[columns[i]] = (guint) signet_db_column_int64 (stmt, (int) i);
  signet_db_reset (stmt);

  if (rc != SIGNET_DB_ROW)
    return _signet_store_set_error (store, rc, error);

  return TRUE;
}

static char *
client_name (SignetStore *store,
             gint64       client_id)
{
  SignetDbStmt *stmt = _signet_store_statement (store, "SELECT name FROM clients WHERE id = ?1", NULL);
  char *name = NULL;

  if (stmt == NULL)
    return NULL;

  signet_db_bind_int64 (stmt, 1, client_id);
  if (signet_db_step (stmt) == SIGNET_DB_ROW)
    name = _signet_store_dup_text (stmt, 0);
  signet_db_reset (stmt);

  return name;
}

static GPtrArray *
read_rates (SignetStore  *store,
            GError      **error)
{
  g_autoptr(GPtrArray) rates = g_ptr_array_new_with_free_func ((GDestroyNotify) rate_free);
  SignetDbStmt *stmt;
  int rc;

  stmt = _signet_store_statement (store,
                                  "SELECT currency, base, rate_millionths, set_at FROM exchange_rates "
                                  "ORDER BY base, currency", error);
  if (stmt == NULL)
    return NULL;

  while ((rc = signet_db_step (stmt)) == SIGNET_DB_ROW)
    {
      Rate *rate = g_new0 (Rate, 1);

      rate->currency = _signet_store_dup_text (stmt, 0);
      rate->base = _signet_store_dup_text (stmt, 1);
      rate->rate = (double) signet_db_column_int64 (stmt, 2) / 1e6;
      rate->set_at = _signet_store_dup_text (stmt, 3);
      g_ptr_array_add (rates, rate);
    }
  signet_db_reset (stmt);

  if (rc != SIGNET_DB_DONE)
    {
      _signet_store_set_error (store, rc, error);
      return NULL;
    }

  return g_steal_pointer (&rates);
}

/* The base most rates are to (the first in order of code on a tie), if
 * every currency of @currency_sums is it or has a rate to it. */
static const char *
choose_base (GPtrArray  *rates,
             GHashTable *currency_sums)
{
  const char *best = NULL;
  guint best_n = 0;
  GHashTableIter iter;
  const char *currency;

  for (guint i = 0; i < rates->len; i++)
    {
      const Rate *rate = g_ptr_array_index (rates, i);
      guint n = 0;

      for (guint j = 0; j < rates->len; j++)
        n += g_str_equal (((const Rate *) g_ptr_array_index (rates, j))->base, rate->base);
      if (n > best_n)
        {
          best = rate->base;
          best_n = n;
        }
    }

  if (best == NULL)
    return NULL;

  g_hash_table_iter_init (&iter, currency_sums);
  while (g_hash_table_iter_next (&iter, (gpointer *) &currency, NULL))
    {
      gboolean found = g_str_equal (currency, best);

      for (guint i = 0; i < rates->len && !found; i++)
        {
          const Rate *rate = g_ptr_array_index (rates, i);

          found = g_str_equal (rate->base, best) && g_str_equal (rate->currency, currency);
        }
      if (!found)
        return NULL;
    }

  return best;
}

/* @amount minor units of @currency in minor units of @base, by @rates
 * (a rate for @currency to @base is there, unless it is @base). */
static double
convert (GPtrArray  *rates,
         const char *base,
         const char *currency,
         gint64      amount)
{
  double factor = 1.0;

  if (g_str_equal (currency, base))
    return (double) amount;

  for (guint i = 0; i < rates->len; i++)
    {
      const Rate *rate = g_ptr_array_index (rates, i);

      if (g_str_equal (rate->base, base) && g_str_equal (rate->currency, currency))
        factor = rate->rate;
    }

  return (double) amount * factor *
         pow (10.0, (double) signet_currency_get_exponent (base) - (double) signet_currency_get_exponent (currency));
}

static void
make_values (SignetOverview *self,
             SignetStore    *store,
             GHashTable     *currency_sums,
             GHashTable     *client_sums,
             GPtrArray      *rates,
             guint           n_top_clients)
{
  g_autoptr(GPtrArray) clients = g_ptr_array_new_with_free_func ((GDestroyNotify) value_free);
  g_autoptr(GHashTable) converted_sums = NULL;
  GHashTableIter iter;
  const char *key;
  Sum *sum;
  const char *base;

  g_hash_table_iter_init (&iter, currency_sums);
  while (g_hash_table_iter_next (&iter, (gpointer *) &key, (gpointer *) &sum))
    {
      SignetOverviewValue *value = g_new0 (SignetOverviewValue, 1);

      value->currency = g_strdup (key);
      value->amount = sum->amount;
      value->n_contracts = sum->n_contracts;
      g_ptr_array_add (self->values, value);
    }
  g_ptr_array_sort (self->values, compare_values);

  g_hash_table_iter_init (&iter, client_sums);
  while (g_hash_table_iter_next (&iter, (gpointer *) &key, (gpointer *) &sum))
    {
      SignetOverviewValue *value = g_new0 (SignetOverviewValue, 1);
      const char *space = strchr (key, ' ');

      value->currency = g_strndup (key, (gsize) (space - key));
      value->client_id = g_ascii_strtoll (space + 1, NULL, 10);
      value->amount = sum->amount;
      value->n_contracts = sum->n_contracts;
      g_ptr_array_add (clients, value);
    }
  g_ptr_array_sort (clients, compare_values);

  /* The top clients of each currency, in the order of the currencies'
   * totals. */
  for (guint i = 0; i < self->values->len; i++)
    {
      const SignetOverviewValue *total = g_ptr_array_index (self->values, i);
      guint n = 0;

      for (guint j = 0; j < clients->len && n < n_top_clients; j++)
        {
          SignetOverviewValue *client = g_ptr_array_index (clients, j);

          if (client == NULL || !g_str_equal (client->currency, total->currency))
            continue;
          client->client_name = client_name (store, client->client_id);
          g_ptr_array_add (self->top_clients, g_steal_pointer (&clients->pdata[j]));
          n++;
        }
    }

  base = choose_base (rates, currency_sums);
  if (base == NULL || self->values->len == 0)
    return;

  self->converted = g_new0 (SignetOverviewConverted, 1);
  self->converted->base = g_strdup (base);
  {
    double total = 0.0;

    for (guint i = 0; i < self->values->len; i++)
      {
        const SignetOverviewValue *value = g_ptr_array_index (self->values, i);

        total += convert (rates, base, value->currency, value->amount);
        self->converted->n_contracts += value->n_contracts;
        if (!g_str_equal (value->currency, base))
          for (guint j = 0; j < rates->len; j++)
            {
              Rate *rate = g_ptr_array_index (rates, j);

              if (g_str_equal (rate->base, base) && g_str_equal (rate->currency, value->currency))
                {
                  Rate *copy = g_new0 (Rate, 1);

                  copy->currency = g_strdup (rate->currency);
                  copy->base = g_strdup (rate->base);
                  copy->rate = rate->rate;
                  copy->set_at = g_strdup (rate->set_at);
                  g_ptr_array_add (self->rates_used, copy);
                }
            }
      }
    self->converted->amount = (gint64) llround (total);
  }

  /* Every client's values in the base, from the sums per client and
   * currency (the ones past the top of their currency included). */
  converted_sums = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  g_hash_table_iter_init (&iter, client_sums);
  while (g_hash_table_iter_next (&iter, (gpointer *) &key, (gpointer *) &sum))
    {
      const char *space = strchr (key, ' ');
      g_autofree char *currency = g_strndup (key, (gsize) (space - key));
      gint64 client_id = g_ascii_strtoll (space + 1, NULL, 10);
      SignetOverviewConverted *client = g_hash_table_lookup (converted_sums, &client_id);

      if (client == NULL)
        {
          client = g_new0 (SignetOverviewConverted, 1);
          client->client_id = client_id;
          g_hash_table_insert (converted_sums, g_memdup2 (&client_id, sizeof client_id), client);
        }
      /* Summed in minor units of the base, as a double until rounded. */
      client->amount += (gint64) llround (convert (rates, base, currency, sum->amount));
      client->n_contracts += sum->n_contracts;
    }

  {
    g_autoptr(GPtrArray) all = g_ptr_array_new ();
    GHashTableIter clients_iter;
    SignetOverviewConverted *client;

    g_hash_table_iter_init (&clients_iter, converted_sums);
    while (g_hash_table_iter_next (&clients_iter, NULL, (gpointer *) &client))
      g_ptr_array_add (all, client);
    g_ptr_array_sort (all, compare_converted);

    for (guint i = 0; i < all->len && i < n_top_clients; i++)
      {
        const SignetOverviewConverted *from = g_ptr_array_index (all, i);
        SignetOverviewConverted *copy = g_new0 (SignetOverviewConverted, 1);

        copy->base = g_strdup (base);
        copy->amount = from->amount;
        copy->n_contracts = from->n_contracts;
        copy->client_id = from->client_id;
        copy->client_name = client_name (store, from->client_id);
        g_ptr_array_add (self->converted_clients, copy);
      }
  }
}

SignetOverview *
signet_store_compute_overview (SignetStore  *store,
                               guint         n_top_clients,
                               GError      **error)
{
  g_autoptr(SignetOverview) self = NULL;
  g_autoptr(GHashTable) currency_sums = NULL;
  g_autoptr(GHashTable) client_sums = NULL;
  g_autoptr(GHashTable) reviews_due = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GHashTable) obligations_due = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GPtrArray) rates = NULL;
  GDate today;

  g_return_val_if_fail (SIGNET_IS_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (SIGNET_TYPE_OVERVIEW, NULL);
  self->today = signet_store_dup_today (store);
  /* Always a day of the range: signet_store_set_today() and the clock's
   * day are checked as they are set. */
  if (!signet_date_parse (self->today, &today))
    g_return_val_if_reached (NULL);
  set_months (self, &today);

  currency_sums = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  client_sums = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  if (!count_overdue (self, store, reviews_due, obligations_due, error) ||
      !scan_contracts (self, store, reviews_due, obligations_due, currency_sums, client_sums, error))
    return NULL;

  rates = read_rates (store, error);
  if (rates == NULL)
    return NULL;

  make_values (self, store, currency_sums, client_sums, rates, n_top_clients);

  return g_steal_pointer (&self);
}

const char *
signet_overview_get_today (SignetOverview *self)
{
  g_return_val_if_fail (SIGNET_IS_OVERVIEW (self), NULL);

  return self->today;
}

guint
signet_overview_get_n_contracts (SignetOverview *self)
{
  g_return_val_if_fail (SIGNET_IS_OVERVIEW (self), 0);

  return self->n_contracts;
}

guint
signet_overview_get_status_count (SignetOverview       *self,
                                  SignetContractStatus  status)
{
  g_return_val_if_fail (SIGNET_IS_OVERVIEW (self), 0);
  g_return_val_if_fail (status < SIGNET_N_CONTRACT_STATUSES, 0);

  return self->status_counts[status];
}

SignetContractQuery *
signet_overview_dup_status_query (SignetOverview       *self,
                                  SignetContractStatus  status)
{
  SignetContractQuery *query;

  g_return_val_if_fail (SIGNET_IS_OVERVIEW (self), NULL);
  g_return_val_if_fail (status < SIGNET_N_CONTRACT_STATUSES, NULL);

  query = signet_contract_query_new ();
  signet_contract_query_set_statuses (query, 1u << status);

  return query;
}

guint
signet_overview_get_count (SignetOverview      *self,
                           SignetOverviewCount  count)
{
  g_return_val_if_fail (SIGNET_IS_OVERVIEW (self), 0);
  g_return_val_if_fail (count < SIGNET_N_OVERVIEW_COUNTS, 0);

  return self->counts[count];
}

SignetContractQuery *
signet_overview_dup_count_query (SignetOverview      *self,
                                 SignetOverviewCount  count)
{
  SignetContractQuery *query;

  g_return_val_if_fail (SIGNET_IS_OVERVIEW (self), NULL);
  g_return_val_if_fail (count < SIGNET_N_OVERVIEW_COUNTS, NULL);

  query = signet_contract_query_new ();
  switch (count)
    {
    case SIGNET_OVERVIEW_EXPIRING_30:
    case SIGNET_OVERVIEW_EXPIRING_60:
    case SIGNET_OVERVIEW_EXPIRING_90:
      signet_contract_query_set_expiring_within (query, expiring_days[count]);
      break;
    case SIGNET_OVERVIEW_NOTICE_THIS_MONTH:
      signet_contract_query_set_statuses (query, IN_FORCE_STATUSES);
      signet_contract_query_set_date_range (query, SIGNET_QUERY_DATE_NOTICE, self->month_first, self->month_last);
      break;
    case SIGNET_OVERVIEW_OVERDUE_REVIEWS:
    case SIGNET_OVERVIEW_OVERDUE_PAYMENTS:
    case SIGNET_OVERVIEW_OVERDUE_OBLIGATIONS:
    case SIGNET_OVERVIEW_OVERDUE_LOANS:
    case SIGNET_OVERVIEW_PENDING_APPROVALS:
    default:
      signet_contract_query_set_filters (query, count_filters[count]);
      break;
    }

  return query;
}

const char *
signet_overview_count_get_label (SignetOverviewCount count)
{
  static const char * const labels[SIGNET_N_OVERVIEW_COUNTS] = {
    [SIGNET_OVERVIEW_EXPIRING_30]         = N_("Expiring in 30 days"),
    [SIGNET_OVERVIEW_EXPIRING_60]         = N_("Expiring in 60 days"),
    [SIGNET_OVERVIEW_EXPIRING_90]         = N_("Expiring in 90 days"),
    [SIGNET_OVERVIEW_NOTICE_THIS_MONTH]   = N_("Notice deadlines this month"),
    [SIGNET_OVERVIEW_OVERDUE_REVIEWS]     = N_("Overdue reviews"),
    [SIGNET_OVERVIEW_OVERDUE_PAYMENTS]    = N_("Overdue payments"),
    [SIGNET_OVERVIEW_OVERDUE_OBLIGATIONS] = N_("Overdue obligations"),
    [SIGNET_OVERVIEW_OVERDUE_LOANS]       = N_("Overdue loans of originals"),
    [SIGNET_OVERVIEW_PENDING_APPROVALS]   = N_("Pending approvals"),
  };

  g_return_val_if_fail (count < SIGNET_N_OVERVIEW_COUNTS, NULL);

  return _(labels[count]);
}

guint
signet_overview_get_n_values (SignetOverview *self)
{
  g_return_val_if_fail (SIGNET_IS_OVERVIEW (self), 0);

  return self->values->len;
}

const SignetOverviewValue *
signet_overview_get_value (SignetOverview *self,
                           guint           i)
{
  g_return_val_if_fail (SIGNET_IS_OVERVIEW (self), NULL);
  g_return_val_if_fail (i < self->values->len, NULL);

  return g_ptr_array_index (self->values, i);
}

static SignetContractQuery *
active_query (const char   *currency,
              const gint64 *client_id)
{
  SignetContractQuery *query = signet_contract_query_new ();

  signet_contract_query_set_statuses (query, 1u << SIGNET_CONTRACT_STATUS_ACTIVE);
  if (currency != NULL)
    {
      const char *currencies[] = { currency, NULL };

      signet_contract_query_set_currencies (query, currencies);
    }
  if (client_id != NULL)
    signet_contract_query_set_clients (query, client_id, 1);

  return query;
}

SignetContractQuery *
signet_overview_dup_value_query (SignetOverview *self,
                                 guint           i)
{
  const SignetOverviewValue *value;

  g_return_val_if_fail (SIGNET_IS_OVERVIEW (self), NULL);
  g_return_val_if_fail (i < self->values->len, NULL);

  value = g_ptr_array_index (self->values, i);

  return active_query (value->currency, NULL);
}

guint
signet_overview_get_n_top_clients (SignetOverview *self)
{
  g_return_val_if_fail (SIGNET_IS_OVERVIEW (self), 0);

  return self->top_clients->len;
}

const SignetOverviewValue *
signet_overview_get_top_client (SignetOverview *self,
                                guint           i)
{
  g_return_val_if_fail (SIGNET_IS_OVERVIEW (self), NULL);
  g_return_val_if_fail (i < self->top_clients->len, NULL);

  return g_ptr_array_index (self->top_clients, i);
}

SignetContractQuery *
signet_overview_dup_top_client_query (SignetOverview *self,
                                      guint           i)
{
  const SignetOverviewValue *value;

  g_return_val_if_fail (SIGNET_IS_OVERVIEW (self), NULL);
  g_return_val_if_fail (i < self->top_clients->len, NULL);

  value = g_ptr_array_index (self->top_clients, i);

  return active_query (value->currency, &value->client_id);
}

const SignetOverviewConverted *
signet_overview_get_converted_total (SignetOverview *self)
{
  g_return_val_if_fail (SIGNET_IS_OVERVIEW (self), NULL);

  return self->converted;
}

guint
signet_overview_get_n_converted_clients (SignetOverview *self)
{
  g_return_val_if_fail (SIGNET_IS_OVERVIEW (self), 0);

  return self->converted_clients->len;
}

const SignetOverviewConverted *
signet_overview_get_converted_client (SignetOverview *self,
                                      guint           i)
{
  g_return_val_if_fail (SIGNET_IS_OVERVIEW (self), NULL);
  g_return_val_if_fail (i < self->converted_clients->len, NULL);

  return g_ptr_array_index (self->converted_clients, i);
}

SignetContractQuery *
signet_overview_dup_converted_client_query (SignetOverview *self,
                                            guint           i)
{
  const SignetOverviewConverted *client;

  g_return_val_if_fail (SIGNET_IS_OVERVIEW (self), NULL);
  g_return_val_if_fail (i < self->converted_clients->len, NULL);

  client = g_ptr_array_index (self->converted_clients, i);

  return active_query (NULL, &client->client_id);
}

/* A rate as the locale writes numbers, with two decimals at least and
 * the six the register keeps at most: "7.10", "0.1387". */
static char *
format_rate (double rate)
{
  g_autofree char *text = g_strdup_printf ("%.6f", rate);
  char *end = text + strlen (text) - 1;

  /* The last characters are digits whatever the locale's separator. */
  for (int kept = 6; kept > 2 && *end == '0'; kept--)
    *end-- = '\0';

  return g_steal_pointer (&text);
}

char *
signet_overview_describe_rates (SignetOverview *self)
{
  g_autoptr(GString) text = NULL;
  const char *latest = NULL;

  g_return_val_if_fail (SIGNET_IS_OVERVIEW (self), NULL);

  if (self->converted == NULL || self->rates_used->len == 0)
    return NULL;

  text = g_string_new (NULL);
  for (guint i = 0; i < self->rates_used->len; i++)
    {
      const Rate *rate = g_ptr_array_index (self->rates_used, i);
      g_autofree char *number = format_rate (rate->rate);

      if (i > 0)
        /* Translators: between two exchange rates, "1 USD = 7.10 CNY, 1 EUR = 7.80 CNY". */
        g_string_append (text, C_("exchange rates", ", "));
      /* Translators: an exchange rate: "1 USD = 7.10 CNY". */
      g_string_append_printf (text, _("1 %s = %s %s"), rate->currency, number, rate->base);
      if (latest == NULL || g_strcmp0 (rate->set_at, latest) > 0)
        latest = rate->set_at;
    }

  {
    g_autofree char *rates = g_string_free (g_steal_pointer (&text), FALSE);
    g_autofree char *day = signet_date_format_display (latest);

    /* Translators: the exchange rates a total used, and the day the latest
     * of them was entered: "1 USD = 7.10 CNY, 1 EUR = 7.80 CNY, set 01.12.2026". */
    return g_strdup_printf (_("%s, set %s"), rates, day);
  }
}

const SignetOverviewMonth *
signet_overview_get_month (SignetOverview *self,
                           guint           i)
{
  g_return_val_if_fail (SIGNET_IS_OVERVIEW (self), NULL);
  g_return_val_if_fail (i < SIGNET_OVERVIEW_N_MONTHS, NULL);

  return &self->months[i];
}

static SignetContractQuery *
month_query (SignetOverview  *self,
             guint            i,
             SignetQueryDate  field)
{
  SignetContractQuery *query = signet_contract_query_new ();
  g_autofree char *first = g_strdup_printf ("%s-01", self->months[i].month);

  signet_contract_query_set_date_range (query, field, first, self->month_ends[i]);

  return query;
}

SignetContractQuery *
signet_overview_dup_signed_query (SignetOverview *self,
                                  guint           i)
{
  g_return_val_if_fail (SIGNET_IS_OVERVIEW (self), NULL);
  g_return_val_if_fail (i < SIGNET_OVERVIEW_N_MONTHS, NULL);

  return month_query (self, i, SIGNET_QUERY_DATE_SIGNING);
}

SignetContractQuery *
signet_overview_dup_ended_query (SignetOverview *self,
                                 guint           i)
{
  SignetContractQuery *query;

  g_return_val_if_fail (SIGNET_IS_OVERVIEW (self), NULL);
  g_return_val_if_fail (i < SIGNET_OVERVIEW_N_MONTHS, NULL);

  query = month_query (self, i, SIGNET_QUERY_DATE_ENDED);
  /* An auto-renewing contract past the end it was signed with has not
   * ended: only contracts shown as ended count. */
  signet_contract_query_set_statuses (query, ENDED_STATUSES);

  return query;
}
