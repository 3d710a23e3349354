/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "signet-store"

#include "config.h"

#include "signet-date.h"
#include "signet-store-events.h"
#include "signet-store-private.h"
#include "signet-store-query.h"

/* A query is one SELECT over contracts "c", each field that is set one
 * condition of its WHERE. The day is ?1; the texts a user chose (types,
 * departments, currencies, dates) are bound after it, in the order
 * add_text() numbered them. Ids and enumerations are written into the SQL,
 * which can hold nothing else. */
typedef struct
{
  GString   *sql;
  GPtrArray *texts;      /* const char *, the parameters ?2… */
  gboolean   current;    /* some contract's terms were amended */
  gboolean   events;     /* the condition reads the event index */
  gboolean   server;     /* a register on PostgreSQL */
} Builder;

/* SQLite's INDEXED BY @index, which a file register's query planner needs
 * to pick the small partial index; PostgreSQL has no hints and weighs the
 * partial index itself. */
static const char *
indexed_by (Builder    *b,
            const char *index)
{
  return b->server ? "" : index;
}

/* The terms in force today of the contract "c" (signet-store-current-terms.c):
 * the stored column unless some contract was amended. */
static const char *
end_date_sql (Builder *b)
{
  return b->current ? SIGNET_CURRENT_END_DATE_SQL : "c.end_date";
}

static void
add_text (Builder    *b,
          const char *text)
{
  g_ptr_array_add (b->texts, (gpointer) text);
  g_string_append_printf (b->sql, "?%u", b->texts->len + 1);
}

static void
add_texts_in (Builder            *b,
              const char         *column,
              const char * const *values)
{
  if (values == NULL || values[0] == NULL)
    return;

  g_string_append_printf (b->sql, " AND %s IN (", column);
  for (guint i = 0; values[i] != NULL; i++)
    {
      if (i > 0)
        g_string_append (b->sql, ", ");
      add_text (b, values[i]);
    }
  g_string_append_c (b->sql, ')');
}

static void
add_ids_in (Builder      *b,
            const char   *column,
            const gint64 *ids,
            guint         n)
{
  if (n == 0)
    return;

  g_string_append_printf (b->sql, " AND %s IN (", column);
  for (guint i = 0; i < n; i++)
    g_string_append_printf (b->sql, "%s%" G_GINT64_FORMAT, i > 0 ? ", " : "", ids[i]);
  g_string_append_c (b->sql, ')');
}

/* The status a user sees, as SignetContractStatus (the list's status
 * column and its sort). */
static void
append_status_rank (Builder *b)
{
  if (b->current)
    g_string_append (b->sql, SIGNET_SHOWN_STATUS_RANK_SQL (SIGNET_CURRENT_END_DATE_SQL,
                                                           SIGNET_CURRENT_AUTO_RENEW_SQL));
  else
    g_string_append (b->sql, SIGNET_SHOWN_STATUS_RANK_SQL ("c.end_date", "c.auto_renew"));
}

static void
add_statuses (Builder *b,
              guint    statuses)
{
  gboolean first = TRUE;

  if (statuses == 0)
    return;

  g_string_append (b->sql, " AND ");
  append_status_rank (b);
  g_string_append (b->sql, " IN (");
  for (guint status = 0; status < SIGNET_N_CONTRACT_STATUSES; status++)
    if (statuses & (1u << status))
      {
        g_string_append_printf (b->sql, "%s%u", first ? "" : ", ", status);
        first = FALSE;
      }
  g_string_append_c (b->sql, ')');
}

static void
add_risk_levels (Builder *b,
                 guint    risk_levels)
{
  gboolean first = TRUE;

  if (risk_levels == 0)
    return;

  g_string_append (b->sql, " AND c.risk_level IN (");
  for (guint level = 0; level < SIGNET_N_RISK_LEVELS; level++)
    if (risk_levels & (1u << level))
      {
        g_string_append_printf (b->sql, "%s'%s'", first ? "" : ", ",
                                signet_risk_level_to_token ((SignetRiskLevel) level));
        first = FALSE;
      }
  g_string_append_c (b->sql, ')');
}

static void
add_range (Builder    *b,
           const char *column,
           const char *from,
           const char *to)
{
  g_string_append_printf (b->sql, " AND coalesce (%s, '') <> ''", column);
  if (from != NULL)
    {
      g_string_append_printf (b->sql, " AND %s >= ", column);
      add_text (b, from);
    }
  if (to != NULL)
    {
      g_string_append_printf (b->sql, " AND %s <= ", column);
      add_text (b, to);
    }
}

/* A notice deadline is the calendar's: an event of the index, which only a
 * contract in force that renews itself has, one per term. */
static void
add_notice_range (Builder    *b,
                  const char *from,
                  const char *to)
{
  b->events = TRUE;
  g_string_append (b->sql,
                   " AND c.status IN " SIGNET_IN_FORCE_SQL " AND NOT " SIGNET_EXPIRED_BY_SQL ("?1")
                   " AND EXISTS (SELECT 1 FROM contract_events e WHERE e.contract_id = c.id"
                   " AND e.kind = 'notice-deadline'"
                   " AND e.date BETWEEN ");
  if (from != NULL)
    add_text (b, from);
  else
    g_string_append (b->sql, "'" SIGNET_DATE_MIN "'");
  g_string_append (b->sql, " AND ");
  if (to != NULL)
    add_text (b, to);
  else
    g_string_append (b->sql, "'" SIGNET_DATE_MAX "'");
  g_string_append_c (b->sql, ')');
}

static void
add_date_range (Builder         *b,
                SignetQueryDate  field,
                const char      *from,
                const char      *to)
{
  g_autofree char *ended = NULL;

  if (from == NULL && to == NULL)
    return;

  switch (field)
    {
    case SIGNET_QUERY_DATE_SIGNING:
      add_range (b, "c.signing_date", from, to);
      break;

    case SIGNET_QUERY_DATE_START:
      add_range (b, "c.start_date", from, to);
      break;

    case SIGNET_QUERY_DATE_END:
      add_range (b, end_date_sql (b), from, to);
      break;

    case SIGNET_QUERY_DATE_NOTICE:
      add_notice_range (b, from, to);
      break;

    case SIGNET_QUERY_DATE_ENDED:
    default:
      g_string_append (b->sql, " AND ");
      append_status_rank (b);
      g_string_append_printf (b->sql, " IN (%u, %u, %u)", SIGNET_CONTRACT_STATUS_EXPIRED,
                              SIGNET_CONTRACT_STATUS_RENEWED, SIGNET_CONTRACT_STATUS_TERMINATED);
      ended = g_strdup_printf ("coalesce (c.termination_date, %s)", end_date_sql (b));
      add_range (b, ended, from, to);
      break;
    }
}

static void
add_expiring_within (Builder    *b,
                     int         days,
                     const char *today)
{
  GDate until;

  if (days < 0)
    return;

  g_string_append (b->sql, " AND ");
  append_status_rank (b);
  g_string_append_printf (b->sql, " NOT IN (%u, %u, %u)", SIGNET_CONTRACT_STATUS_EXPIRED,
                          SIGNET_CONTRACT_STATUS_RENEWED, SIGNET_CONTRACT_STATUS_TERMINATED);
  g_string_append_printf (b->sql, " AND %s BETWEEN ?1 AND ", end_date_sql (b));

  if (signet_date_parse (today, &until) && signet_date_add_days (&until, days))
    g_string_append_printf (b->sql, "'%04d-%02d-%02d'", g_date_get_year (&until),
                            g_date_get_month (&until), g_date_get_day (&until));
  else
    g_string_append (b->sql, "'" SIGNET_DATE_MAX "'");
}

/* The conditions on other records: each the set of contracts a partial
 * index gives (the few loans out, actions open, payments unpaid, steps
 * pending), or the agenda's overdue events of the index. */
static void
add_filters (Builder              *b,
             SignetContractFilter  filters)
{
  if (filters & SIGNET_CONTRACT_FILTER_ON_LOAN)
    g_string_append_printf (b->sql,
                            " AND c.id IN (SELECT contract_id FROM loans %s"
                            " WHERE returned_on IS NULL)", indexed_by (b, "INDEXED BY loans_due"));
  if (filters & SIGNET_CONTRACT_FILTER_OPEN_REVIEW_FINDINGS)
    g_string_append_printf (b->sql,
                            " AND c.id IN (SELECT r.contract_id FROM review_actions a %s"
                            " JOIN reviews r ON r.id = a.review_id WHERE a.done_date IS NULL)",
                            indexed_by (b, "INDEXED BY review_actions_open"));
  /* signet_payment_is_overdue(): due before today, not paid in full (an
   * amount not filled in included). */
  if (filters & SIGNET_CONTRACT_FILTER_OVERDUE_PAYMENTS)
    g_string_append_printf (b->sql,
                            " AND c.id IN (SELECT contract_id FROM payments %s"
                            " WHERE (amount IS NULL OR paid < amount)"
                            " AND due_date >= '" SIGNET_DATE_MIN "' AND due_date < ?1)",
                            indexed_by (b, "INDEXED BY payments_unpaid"));
  /* signet_loan_get_state(): out, and today is past its due date. */
  if (filters & SIGNET_CONTRACT_FILTER_OVERDUE_LOANS)
    g_string_append_printf (b->sql,
                            " AND c.id IN (SELECT contract_id FROM loans %s"
                            " WHERE returned_on IS NULL AND due_on >= '" SIGNET_DATE_MIN "' AND due_on < ?1)",
                            indexed_by (b, "INDEXED BY loans_due"));
  /* The steps the approvals index lists: pending, of the contract or of
   * an amendment not deleted. */
  if (filters & SIGNET_CONTRACT_FILTER_PENDING_APPROVALS)
    g_string_append_printf (b->sql,
                            " AND c.id IN (SELECT contract_id FROM approval_steps %s"
                            " WHERE state = 'pending'"
                            " AND (amendment_id = 0 OR amendment_id IN (SELECT id FROM amendments)))",
                            indexed_by (b, "INDEXED BY approval_steps_pending"));
  /* Occurrences are never stored: the index holds each open one, as the
   * agenda lists it overdue. */
  if (filters & SIGNET_CONTRACT_FILTER_OVERDUE_OBLIGATIONS)
    {
      b->events = TRUE;
      g_string_append (b->sql,
                       " AND c.id IN (SELECT contract_id FROM contract_events"
                       " WHERE kind = 'obligation' AND record_id IS NOT NULL"
                       " AND date >= '" SIGNET_DATE_MIN "' AND date < ?1)");
    }
  /* The next periodic review, derived from the last one (or the start) and
   * the interval of the contract's risk or type, as the agenda lists it
   * overdue: only while the contract is in force. */
  if (filters & SIGNET_CONTRACT_FILTER_OVERDUE_REVIEWS)
    {
      b->events = TRUE;
      g_string_append (b->sql,
                       " AND c.status IN " SIGNET_IN_FORCE_SQL " AND NOT " SIGNET_EXPIRED_BY_SQL ("?1")
                       " AND c.id IN (SELECT contract_id FROM contract_events"
                       " WHERE kind = 'review' AND date >= '" SIGNET_DATE_MIN "' AND date < ?1)");
    }
}

static SignetDbStmt *
prepare (SignetStore                *self,
         const SignetContractQuery  *query,
         gint64                      only_id,
         GError                    **error)
{
  g_autoptr(GString) sql = g_string_new ("SELECT c.id FROM contracts c WHERE 1 = 1");
  g_autoptr(GPtrArray) texts = g_ptr_array_new ();
  g_autofree char *today = signet_store_dup_today (self);
  Builder b = { sql, texts, _signet_store_current_terms_ensure (self, NULL), FALSE, self->sqlite == NULL };
  const gint64 *ids;
  guint n;
  SignetDbStmt *stmt = NULL;
  int rc;

  if (only_id != 0)
    g_string_append_printf (sql, " AND c.id = %" G_GINT64_FORMAT, only_id);

  add_statuses (&b, signet_contract_query_get_statuses (query));
  add_risk_levels (&b, signet_contract_query_get_risk_levels (query));
  add_texts_in (&b, "c.contract_type", signet_contract_query_get_types (query));
  add_texts_in (&b, "c.department", signet_contract_query_get_departments (query));
  add_texts_in (&b, b.current ? SIGNET_CURRENT_CURRENCY_SQL : "c.currency",
                signet_contract_query_get_currencies (query));
  ids = signet_contract_query_get_owners (query, &n);
  add_ids_in (&b, "c.owner_id", ids, n);
  ids = signet_contract_query_get_clients (query, &n);
  add_ids_in (&b, "c.client_id", ids, n);
  for (guint field = 0; field < SIGNET_N_QUERY_DATES; field++)
    {
      const char *from;
      const char *to;

      signet_contract_query_get_date_range (query, field, &from, &to);
      add_date_range (&b, field, from, to);
    }
  add_expiring_within (&b, signet_contract_query_get_expiring_within (query), today);
  add_filters (&b, signet_contract_query_get_filters (query));

  if (only_id == 0)
    g_string_append (sql, " ORDER BY c.number");

  /* The index is brought to today first, as every agenda query does. */
  if (b.events && !signet_store_update_events (self, error))
    return NULL;

  rc = signet_db_prepare (self->db, sql->str, FALSE, &stmt);
  if (rc != SIGNET_DB_OK)
    {
      _signet_store_set_error (self, rc, error);
      return NULL;
    }

  signet_db_bind_text (stmt, 1, today);
  for (guint i = 0; i < texts->len; i++)
    signet_db_bind_text (stmt, (int) i + 2, g_ptr_array_index (texts, i));

  return stmt;
}

GArray *
signet_store_select_contract_ids (SignetStore                *self,
                                  const SignetContractQuery  *query,
                                  GError                    **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  SignetDbStmt *stmt;
  int rc;

  g_return_val_if_fail (SIGNET_IS_STORE (self), NULL);
  g_return_val_if_fail (query != NULL, NULL);

  if (!(stmt = prepare (self, query, 0, error)))
    return NULL;

  while ((rc = signet_db_step (stmt)) == SIGNET_DB_ROW)
    {
      gint64 id = signet_db_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  signet_db_finalize (stmt);

  if (rc != SIGNET_DB_DONE)
    {
      _signet_store_set_error (self, rc, error);
      return NULL;
    }

  return g_steal_pointer (&ids);
}

GArray *
signet_store_keep_contract_ids (SignetStore                *self,
                                GArray                     *ids,
                                const SignetContractQuery  *query,
                                GError                    **error)
{
  g_autoptr(GArray) passing = NULL;
  g_autoptr(GHashTable) set = NULL;
  GArray *kept;

  g_return_val_if_fail (SIGNET_IS_STORE (self), NULL);
  g_return_val_if_fail (ids != NULL, NULL);
  g_return_val_if_fail (query != NULL, NULL);

  if (signet_contract_query_is_empty (query))
    {
      kept = g_array_sized_new (FALSE, FALSE, sizeof (gint64), ids->len);
      g_array_append_vals (kept, ids->data, ids->len);
      return kept;
    }

  if (!(passing = signet_store_select_contract_ids (self, query, error)))
    return NULL;

  set = g_hash_table_new (g_int64_hash, g_int64_equal);
  for (guint i = 0; i < passing->len; i++)
    g_hash_table_add (set, &g_array_index (passing, gint64, i));

  kept = g_array_sized_new (FALSE, FALSE, sizeof (gint64), MIN (ids->len, passing->len));
  for (guint i = 0; i < ids->len; i++)
    if (g_hash_table_contains (set, &g_array_index (ids, gint64, i)))
      g_array_append_val (kept, g_array_index (ids, gint64, i));

  return kept;
}

gboolean
signet_store_contract_matches (SignetStore                *self,
                               gint64                      id,
                               const SignetContractQuery  *query,
                               GError                    **error)
{
  SignetDbStmt *stmt;
  int rc;

  g_return_val_if_fail (SIGNET_IS_STORE (self), FALSE);
  g_return_val_if_fail (query != NULL, FALSE);

  if (!(stmt = prepare (self, query, id, error)))
    return FALSE;

  rc = signet_db_step (stmt);
  signet_db_finalize (stmt);

  if (rc != SIGNET_DB_ROW && rc != SIGNET_DB_DONE)
    return _signet_store_set_error (self, rc, error);

  return rc == SIGNET_DB_ROW;
}

static GStrv
list_texts (SignetStore  *self,
            const char   *sql,
            GError      **error)
{
  g_autoptr(GStrvBuilder) texts = g_strv_builder_new ();
  SignetDbStmt *stmt;
  int rc;

  if (!(stmt = _signet_store_statement (self, sql, error)))
    return NULL;

  while ((rc = signet_db_step (stmt)) == SIGNET_DB_ROW)
    g_strv_builder_add (texts, signet_db_column_text (stmt, 0));
  signet_db_reset (stmt);

  if (rc != SIGNET_DB_DONE)
    {
      _signet_store_set_error (self, rc, error);
      return NULL;
    }

  return g_strv_builder_end (texts);
}

GStrv
signet_store_list_departments (SignetStore  *self,
                               GError      **error)
{
  g_return_val_if_fail (SIGNET_IS_STORE (self), NULL);

  return list_texts (self,
                     "SELECT department FROM contracts WHERE coalesce (department, '') <> '' "
                     "GROUP BY department ORDER BY signet_sort_key (department), department", error);
}

GStrv
signet_store_list_type_names (SignetStore  *self,
                              GError      **error)
{
  g_return_val_if_fail (SIGNET_IS_STORE (self), NULL);

  return list_texts (self,
                     "SELECT contract_type FROM contracts WHERE coalesce (contract_type, '') <> '' "
                     "GROUP BY contract_type ORDER BY signet_sort_key (contract_type), contract_type", error);
}
