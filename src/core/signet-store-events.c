/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "signet-store"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>

#include "signet-amendment.h"
#include "signet-date.h"
#include "signet-event-private.h"
#include "signet-money.h"
#include "signet-obligation.h"
#include "signet-store-events.h"
#include "signet-store-types.h"
#include "signet-store-private.h"
#include "signet-utils.h"

/* The index of events, contract_events, is kept "as of" a day and with the
 * review intervals it was made with. Both are kept in the index itself, in
 * one row under contract id 0 (no contract has it: ids start at 1, and
 * every query joins contracts): kind "as-of H M L" (months between reviews
 * for high, medium and low risk), date the day. Kept in the database rather
 * than in memory, a register opened again the same day needs no rebuild,
 * and `signet --export-ics` run by a scheduled job makes the same events
 * with the same intervals as the app. */
#define AS_OF_ID 0

/* A batch (an import, the demo) refreshes this many contracts as it writes
 * them; past that it marks the index stale instead, and the next query
 * derives every contract at once: about half the cost per contract, and
 * the import does not wait for it. */
#define MAX_BATCH_REFRESHES 1000

/* Dates are compared as text, YYYY-MM-DD sorting like the days. An index
 * made before the range existed may hold dates outside it (a review of
 * "10000-01-01" sorts before every other date): no query hands them on. */
#define IN_RANGE(column) column " BETWEEN '" SIGNET_DATE_MIN "' AND '" SIGNET_DATE_MAX "'"

/* The day the index is as of, in SQL: what the queries below compare the
 * ends of signed contracts with once prepare_query() has brought it to
 * the day asked for. */
#define AS_OF_DATE "(SELECT date FROM contract_events WHERE contract_id = " G_STRINGIFY (AS_OF_ID) ")"

/* The review interval of the type of the contract @row (0: by its risk
 * level), which its reviews follow (signet_review_intervals_apply_type()). */
#define TYPE_REVIEW_MONTHS(row) \
  "(SELECT t.review_months FROM contract_types t WHERE t.name = " row ".contract_type)"

/* The kinds of the commitments' events (signet_key_date_kind_is_commitment()),
 * in SQL; a payment key date a user added has no record. */
#define IS_COMMITMENT(e) \
  "(" e ".record_id IS NOT NULL AND " e ".kind IN ('payment', 'obligation', 'loan', 'follow-up-review'))"

/* What event_from_row() reads, in this order. From column 18 on, what a
 * commitment's event tells of its record (event_explain_record()): its
 * id and UUID, then for a planned payment its direction, amount, currency
 * and what was paid; for an obligation its party and recurrence; for a
 * loan the purpose and the day it was lent (the borrower is its title);
 * for a follow-up review its open actions and the review's date. */
#define EVENT_COLUMNS \
  "e.contract_id, e.kind, e.date, e.key_date_id, c.number, c.title, k.name, " \
  "c.start_date, c.end_date, c.auto_renew, c.notice_days, c.status, c.risk_level, " \
  "CASE WHEN e.kind = 'review' THEN " \
  "(SELECT max(r.date) FROM reviews r WHERE r.contract_id = e.contract_id) END, " \
  "coalesce (d.title, pm.title, ob.title, lp.name, CASE WHEN ap.amendment_id <> 0 THEN " \
  "(SELECT a.number FROM amendments a WHERE a.id = ap.amendment_id) || ' · ' || ap.name " \
  "ELSE ap.name END), d.note, ap.due_days, " TYPE_REVIEW_MONTHS ("c") ", " \
  "e.record_id, coalesce (pm.uuid, ob.uuid, ln.uuid, rv.uuid), " \
  "coalesce (pm.direction, ob.party, ln.purpose, " \
  "(SELECT count(*) FROM review_actions ra WHERE ra.review_id = rv.id AND ra.done_date IS NULL)), " \
  "coalesce (pm.amount, ob.recurrence, ln.lent_on, rv.date), pm.currency, pm.paid"
#define N_EVENT_COLUMNS 24

/* LEFT JOIN clients: a contract whose client row is missing (a register
 * changed outside Signet) keeps its deadlines in the calendar. A
 * commitment's record is joined only for its own kind. */
#define EVENT_JOINS \
  " FROM contract_events e JOIN contracts c ON c.id = e.contract_id " \
  "LEFT JOIN clients k ON k.id = c.client_id LEFT JOIN key_dates d ON d.id = e.key_date_id " \
  "LEFT JOIN approval_steps ap ON ap.id = e.approval_step_id " \
  "LEFT JOIN payments pm ON e.kind = 'payment' AND pm.id = e.record_id " \
  "LEFT JOIN obligations ob ON e.kind = 'obligation' AND ob.id = e.record_id " \
  "LEFT JOIN loans ln ON e.kind = 'loan' AND ln.id = e.record_id " \
  "LEFT JOIN people lp ON lp.id = ln.borrower_id " \
  "LEFT JOIN reviews rv ON e.kind = 'follow-up-review' AND rv.id = e.record_id "

/* The occurrences of a recurring obligation are indexed from the first
 * day of the month a year before the day the index is as of to the last
 * day of the month two years after it: what the agenda, the reminders
 * and the months a user browses ask for, without deriving a monthly
 * obligation of a contract that runs for decades thousands of times over
 * a large register (100,000 contracts with three obligations each are a
 * few million rows at most). The window moves with the month, not the
 * day: the index is derived again for obligations once a month
 * (move_as_of()). An open occurrence older than the window is no longer
 * listed as overdue; the obligation's own section still shows it. */
#define OBLIGATION_MONTHS_BACK  12
#define OBLIGATION_MONTHS_AHEAD 24

/* The columns derivation reads, in fill_contract_dates()'s order. */
#define CONTRACT_DATES_COLUMNS \
  "start_date, end_date, auto_renew, notice_days, status, risk_level, termination_date, " TYPE_REVIEW_MONTHS ("contracts")
#define N_CONTRACT_DATES_COLUMNS 8

typedef struct
{
  char                  *date;
  SignetReviewIntervals  intervals;
} AsOf;

static void
as_of_clear (AsOf *as_of)
{
  g_clear_pointer (&as_of->date, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (AsOf, as_of_clear)

/* Kept with the store object: SignetStore's own struct is the lead
 * file's, and this is all the memory the events need. */
typedef struct
{
  char     *today;              /* set by signet_store_set_today(), or NULL */
  guint     batch_refreshes;    /* contracts refreshed in the current batch */
  gboolean  private_index;      /* a reading store's own, see copy_index() */
} EventsState;

static void
events_state_free (EventsState *state)
{
  g_free (state->today);
  g_free (state);
}

static EventsState *
get_state (SignetStore *self)
{
  static GQuark quark;
  EventsState *state;

  if (quark == 0)
    quark = g_quark_from_static_string ("signet-store-events");

  state = g_object_get_qdata (G_OBJECT (self), quark);
  if (state == NULL)
    {
      state = g_new0 (EventsState, 1);
      g_object_set_qdata_full (G_OBJECT (self), quark, state, (GDestroyNotify) events_state_free);
    }

  return state;
}

static gboolean
intervals_equal (const SignetReviewIntervals *a,
                 const SignetReviewIntervals *b)
{
  return a->high_months == b->high_months &&
         a->medium_months == b->medium_months &&
         a->low_months == b->low_months;
}

/* FALSE without an error when the index has never been made. */
static gboolean
read_as_of (SignetStore  *self,
            AsOf         *as_of,
            GError      **error)
{
  SignetDbStmt *stmt;
  gboolean found = FALSE;
  int rc;

  stmt = _signet_store_statement (self,
                                  "SELECT kind, date FROM contract_events WHERE contract_id = "
                                  G_STRINGIFY (AS_OF_ID), error);
  if (stmt == NULL)
    return FALSE;

  rc = signet_db_step (stmt);
  if (rc == SIGNET_DB_ROW)
    {
      const char *kind = signet_db_column_text (stmt, 0);
      SignetReviewIntervals intervals;

      if (kind != NULL &&
          sscanf (kind, "as-of %u %u %u", &intervals.high_months,
                  &intervals.medium_months, &intervals.low_months) == 3 &&
          signet_date_is_valid (signet_db_column_text (stmt, 1)))
        {
          g_clear_pointer (&as_of->date, g_free);
          as_of->date = _signet_store_dup_text (stmt, 1);
          as_of->intervals = intervals;
          found = TRUE;
        }
    }
  else if (rc != SIGNET_DB_DONE)
    _signet_store_set_error (self, rc, error);

  signet_db_reset (stmt);

  return found;
}

static gboolean
write_as_of (SignetStore                 *self,
             const char                  *date,
             const SignetReviewIntervals *intervals,
             GError                     **error)
{
  g_autofree char *kind = g_strdup_printf ("as-of %u %u %u", intervals->high_months,
                                           intervals->medium_months, intervals->low_months);
  SignetDbStmt *stmt;

  if (!_signet_store_exec (self, "DELETE FROM contract_events WHERE contract_id = " G_STRINGIFY (AS_OF_ID), error))
    return FALSE;

  stmt = _signet_store_statement (self,
                                  "INSERT INTO contract_events (contract_id, kind, date) VALUES ("
                                  G_STRINGIFY (AS_OF_ID) ", ?, ?)", error);
  if (stmt == NULL)
    return FALSE;

  signet_db_bind_text (stmt, 1, kind);
  signet_db_bind_text (stmt, 2, date);

  return _signet_store_step_done (self, stmt, error);
}

/* What the index is, or will be, as of: its row, or else today with the
 * default intervals. */
static void
current_as_of (SignetStore *self,
               AsOf        *as_of)
{
  if (!read_as_of (self, as_of, NULL))
    {
      g_clear_pointer (&as_of->date, g_free);
      as_of->date = signet_store_dup_today (self);
      as_of->intervals = SIGNET_REVIEW_INTERVALS_DEFAULT;
    }
}

/* Sets the dates, status and risk of @contract from @first_column on, in
 * the order of CONTRACT_DATES_COLUMNS; the review interval of its type is
 * read by contract_as_of(). */
static void
fill_contract_dates (SignetContract *contract,
                     SignetDbStmt   *stmt,
                     int             first_column)
{
  SignetContractStatus status = SIGNET_CONTRACT_STATUS_DRAFT;
  SignetRiskLevel risk = SIGNET_RISK_LEVEL_LOW;

  signet_contract_set_start_date (contract, signet_db_column_text (stmt, first_column));
  signet_contract_set_end_date (contract, signet_db_column_text (stmt, first_column + 1));
  signet_contract_set_auto_renew (contract, signet_db_column_int (stmt, first_column + 2));
  signet_contract_set_notice_days (contract, signet_db_column_int (stmt, first_column + 3));
  signet_contract_status_from_token (signet_db_column_text (stmt, first_column + 4), &status);
  signet_contract_set_status (contract, status);
  signet_risk_level_from_token (signet_db_column_text (stmt, first_column + 5), &risk);
  signet_contract_set_risk_level (contract, risk);
  /* A contract let expire renews up to that end only. */
  signet_contract_set_termination_date (contract, signet_db_column_text (stmt, first_column + 6));
}

/* @as_of with the review intervals of the contract read at @first_column
 * (CONTRACT_DATES_COLUMNS): its type's when it has one. */
static AsOf
contract_as_of (const AsOf   *as_of,
                SignetDbStmt *stmt,
                int           first_column)
{
  AsOf own = *as_of;

  signet_review_intervals_apply_type (&own.intervals,
                                      (guint) signet_db_column_int64 (stmt, first_column + N_CONTRACT_DATES_COLUMNS - 1));

  return own;
}

static gboolean
insert_derived_events (SignetStore                 *self,
                       gint64                       contract_id,
                       SignetContract              *contract,
                       const char                  *last_review,
                       const AsOf                  *as_of,
                       GError                     **error)
{
  g_autoptr(GPtrArray) dates = NULL;
  SignetDbStmt *stmt;

  dates = signet_contract_derive_key_dates (contract, as_of->date, last_review, &as_of->intervals);
  if (dates->len == 0)
    return TRUE;

  stmt = _signet_store_statement (self,
                                  "INSERT INTO contract_events (contract_id, kind, date) VALUES (?, ?, ?)",
                                  error);
  if (stmt == NULL)
    return FALSE;

  for (guint i = 0; i < dates->len; i++)
    {
      const SignetKeyDate *key_date = g_ptr_array_index (dates, i);

      signet_db_reset (stmt);
      signet_db_bind_int64 (stmt, 1, contract_id);
      signet_db_bind_static_text (stmt, 2, signet_key_date_kind_to_token (key_date->kind));
      signet_db_bind_text (stmt, 3, key_date->date);
      if (!_signet_store_step_done (self, stmt, error))
        return FALSE;
    }

  return TRUE;
}

/* The events a termination ends, as SQL on contract_events: all but money
 * still owed on a planned payment, a loaned original still to come back
 * and a follow-up review still open. An obligation's occurrences stop. */
#define CUT_BY_TERMINATION \
  "NOT (record_id IS NOT NULL AND kind IN ('payment', 'loan', 'follow-up-review'))"

/* A terminated contract's dates stop on its termination's effective day:
 * none after it is kept (but those CUT_BY_TERMINATION spares), derived or added by a user (@contract_id, or every
 * contract for 0), so neither the calendar, the reminders nor an ICS export
 * has them. */
static gboolean
cut_after_termination (SignetStore  *self,
                       gint64        contract_id,
                       GError      **error)
{
  SignetDbStmt *stmt;

  if (contract_id == 0)
    return _signet_store_exec (self,
                               "DELETE FROM contract_events WHERE contract_id IN "
                               "(SELECT id FROM contracts WHERE termination_date IS NOT NULL) "
                               "AND " CUT_BY_TERMINATION " "
                               "AND date > (SELECT c.termination_date FROM contracts c "
                               "WHERE c.id = contract_events.contract_id)",
                               error);

  stmt = _signet_store_statement (self,
                                  "DELETE FROM contract_events WHERE contract_id = ?1 "
                                  "AND " CUT_BY_TERMINATION " "
                                  "AND date > (SELECT termination_date FROM contracts WHERE id = ?1)",
                                  error);
  if (stmt == NULL)
    return FALSE;

  signet_db_bind_int64 (stmt, 1, contract_id);

  return _signet_store_step_done (self, stmt, error);
}

/* The derived events of @contract, which amendments may have changed:
 * each span of days between two effective dates takes the events derived
 * from the terms in force in it, and only those that fall in it. An end
 * date an amendment moves is then the end (and its notice deadline) from
 * the amendment's effective date on, and the original one before it; a
 * date the original terms put after the effective date is gone. The index
 * is as of a day anyway (auto-renewal rolls the term): each event answers
 * what applies on its own date, which is what the calendar shows. */
static gboolean
insert_amended_events (SignetStore                 *self,
                       gint64                       contract_id,
                       SignetContract              *contract,
                       const char                  *last_review,
                       const AsOf                  *as_of,
                       GError                     **error)
{
  g_autoptr(GPtrArray) amendments = NULL;
  g_autoptr(GPtrArray) sorted = NULL;
  SignetDbStmt *stmt;
  guint i = 0;

  if (!(amendments = _signet_store_list_amendments (self, contract_id, error)))
    return FALSE;

  if (amendments->len == 0)
    return insert_derived_events (self, contract_id, contract, last_review, as_of, error);

  stmt = _signet_store_statement (self,
                                  "INSERT INTO contract_events (contract_id, kind, date) VALUES (?, ?, ?)",
                                  error);
  if (stmt == NULL)
    return FALSE;

  sorted = signet_amendments_sort_by_effect (amendments);
  /* Span 0 is before the first effective date ("" sorts before every day). */
  for (const char *from = ""; from != NULL;)
    {
      const char *until = NULL;
      g_autoptr(SignetContract) terms = NULL;
      g_autoptr(GPtrArray) dates = NULL;

      while (i < sorted->len &&
             g_strcmp0 (((SignetAmendment *) g_ptr_array_index (sorted, i))->effective_date, from) <= 0)
        i++;
      if (i < sorted->len)
        until = ((SignetAmendment *) g_ptr_array_index (sorted, i))->effective_date;

      terms = signet_contract_terms_as_of (contract, amendments, from, NULL);
      dates = signet_contract_derive_key_dates (terms, as_of->date, last_review, &as_of->intervals);
      for (guint d = 0; d < dates->len; d++)
        {
          const SignetKeyDate *key_date = g_ptr_array_index (dates, d);

          if (strcmp (key_date->date, from) < 0 || (until != NULL && strcmp (key_date->date, until) >= 0))
            continue;

          signet_db_reset (stmt);
          signet_db_bind_int64 (stmt, 1, contract_id);
          signet_db_bind_static_text (stmt, 2, signet_key_date_kind_to_token (key_date->kind));
          signet_db_bind_text (stmt, 3, key_date->date);
          if (!_signet_store_step_done (self, stmt, error))
            return FALSE;
        }

      from = until;
    }

  return TRUE;
}

/* The due dates of the pending approval steps of @contract_id (0: every
 * contract), of the contract itself and of its amendments: a step waits
 * for a decision until that day. A deleted amendment's steps wait with it
 * for an Undo and have none. */
static gboolean
insert_approval_events (SignetStore  *self,
                        gint64        contract_id,
                        GError      **error)
{
  SignetDbStmt *stmt;

  stmt = _signet_store_statement (self,
                                  "INSERT INTO contract_events (contract_id, kind, date, approval_step_id) "
                                  "SELECT s.contract_id, 'approval', s.due_date, s.id FROM approval_steps s "
                                  "JOIN contracts c ON c.id = s.contract_id "
                                  "WHERE s.state = 'pending' AND (?1 = 0 OR s.contract_id = ?1) "
                                  "AND " IN_RANGE ("s.due_date") " "
                                  "AND (s.amendment_id = 0 OR s.amendment_id IN (SELECT id FROM amendments))",
                                  error);
  if (stmt == NULL)
    return FALSE;

  signet_db_bind_int64 (stmt, 1, contract_id);

  return _signet_store_step_done (self, stmt, error);
}

/* The window of obligation occurrences for the index as of @as_of
 * (OBLIGATION_MONTHS_BACK), "YYYY-MM-DD" both. */
static void
obligation_window (const char *as_of,
                   char        from[11],
                   char        to[11])
{
  GDate date;

  if (!signet_date_parse (as_of, &date))
    {
      g_strlcpy (from, SIGNET_DATE_MIN, 11);
      g_strlcpy (to, SIGNET_DATE_MAX, 11);
      return;
    }

  g_date_set_day (&date, 1);
  {
    GDate first = date;
    GDate last = date;

    g_date_subtract_months (&first, OBLIGATION_MONTHS_BACK);
    g_date_add_months (&last, OBLIGATION_MONTHS_AHEAD + 1);
    g_date_subtract_days (&last, 1);
    g_snprintf (from, 11, "%04u-%02u-%02u", g_date_get_year (&first), g_date_get_month (&first),
                g_date_get_day (&first));
    g_snprintf (to, 11, "%04u-%02u-%02u", g_date_get_year (&last), g_date_get_month (&last),
                g_date_get_day (&last));
  }
}

/* An open occurrence of an obligation, as insert_obligation_events()
 * collects them before writing them. */
typedef struct
{
  char   date[11];
  gint64 contract_id;
  gint64 obligation_id;
} OpenOccurrence;

static int
compare_occurrence_dates (gconstpointer a,
                          gconstpointer b)
{
  return strcmp (((const OpenOccurrence *) a)->date, ((const OpenOccurrence *) b)->date);
}

/* The open occurrences from @from to @to (both included) of the
 * obligations of @contract_id (0: every contract), as
 * signet_obligation_list_occurrences() counts them, up to the obligation's
 * until date, else the contract's end, as signet_obligation_dup_last_date()
 * has it (the signed end: an amendment moving the end is not read here);
 * cut_after_termination() ends them at a termination. An occurrence done
 * or waived has a row in obligation_occurrences and no event. Each
 * obligation's done and waived dates come with it in one lookup, and the
 * events are written in date order: for every contract at once, about a
 * million rows for 100,000 contracts, written in the order of the index
 * on dates rather than all over it. */
static gboolean
insert_obligation_events (SignetStore  *self,
                          gint64        contract_id,
                          const char   *from,
                          const char   *to,
                          GError      **error)
{
  g_autoptr(GArray) open = g_array_new (FALSE, FALSE, sizeof (OpenOccurrence));
  SignetDbStmt *stmt;
  int rc;

  /* One contract's through its index, or every contract's. */
#define OBLIGATIONS_SQL(where) \
  "SELECT o.id, o.contract_id, o.due_date, o.recurrence, " LAST_DATE ", " \
  "(SELECT string_agg (s.due_date, ',') FROM obligation_occurrences s " \
  "WHERE s.obligation_id = o.id AND s.due_date BETWEEN ?2 AND ?3) " \
  "FROM obligations o JOIN contracts c ON c.id = o.contract_id " \
  "WHERE " where " AND " IN_RANGE ("o.due_date") " AND o.due_date <= ?3 " \
  "AND coalesce (" LAST_DATE ", ?2) >= ?2"
#define LAST_DATE "coalesce (o.until_date, c.end_date)"
  stmt = _signet_store_statement (self,
                                  contract_id != 0 ? OBLIGATIONS_SQL ("o.contract_id = ?1")
                                                   : OBLIGATIONS_SQL ("?1 = 0"),
                                  error);
#undef LAST_DATE
#undef OBLIGATIONS_SQL
  if (stmt == NULL)
    return FALSE;

  signet_db_bind_int64 (stmt, 1, contract_id);
  signet_db_bind_text (stmt, 2, from);
  signet_db_bind_text (stmt, 3, to);
  while ((rc = signet_db_step (stmt)) == SIGNET_DB_ROW)
    {
      const char *settled = signet_db_column_text (stmt, 5);
      SignetObligation obligation = {
        .due_date = (char *) signet_db_column_text (stmt, 2),
        .recurrence = SIGNET_RECURRENCE_NONE,
      };
      g_autoptr(GPtrArray) dates = NULL;

      signet_recurrence_from_token (signet_db_column_text (stmt, 3), &obligation.recurrence);
      dates = signet_obligation_list_occurrences (&obligation, signet_db_column_text (stmt, 4),
                                                  from, to);
      for (guint d = 0; d < dates->len; d++)
        {
          OpenOccurrence occurrence = { .contract_id = signet_db_column_int64 (stmt, 1),
                                        .obligation_id = signet_db_column_int64 (stmt, 0) };

          if (settled != NULL && strstr (settled, g_ptr_array_index (dates, d)) != NULL)
            continue;
          g_strlcpy (occurrence.date, g_ptr_array_index (dates, d), sizeof occurrence.date);
          g_array_append_val (open, occurrence);
        }
    }
  signet_db_reset (stmt);

  if (rc != SIGNET_DB_DONE)
    return _signet_store_set_error (self, rc, error);

  g_array_sort (open, compare_occurrence_dates);

  stmt = _signet_store_statement (self,
                                  "INSERT INTO contract_events (contract_id, kind, date, record_id) "
                                  "VALUES (?, 'obligation', ?, ?)",
                                  error);
  if (stmt == NULL)
    return FALSE;

  for (guint i = 0; i < open->len; i++)
    {
      const OpenOccurrence *occurrence = &g_array_index (open, OpenOccurrence, i);

      signet_db_reset (stmt);
      signet_db_bind_int64 (stmt, 1, occurrence->contract_id);
      signet_db_bind_static_text (stmt, 2, occurrence->date);
      signet_db_bind_int64 (stmt, 3, occurrence->obligation_id);
      if (!_signet_store_step_done (self, stmt, error))
        return FALSE;
    }

  return TRUE;
}

/* The events of what @contract_id (0: every contract) commits us to, but
 * its obligations: each planned payment not paid in full (one whose
 * amount is not filled in included), each loan of its original not
 * returned, each review with open follow-up actions on its follow-up
 * date. Settled, a record has no event: whatever is in the index and
 * past is overdue. */
static gboolean
insert_commitment_events (SignetStore  *self,
                          gint64        contract_id,
                          const char   *as_of,
                          GError      **error)
{
  /* Two forms of each: one contract's through its index, every contract
   * in one pass (in date order, as insert_obligation_events() writes). */
  static const char * const all[] = {
    "INSERT INTO contract_events (contract_id, kind, date, record_id) "
    "SELECT p.contract_id, 'payment', p.due_date, p.id FROM payments p "
    "JOIN contracts c ON c.id = p.contract_id "
    "WHERE (p.amount IS NULL OR p.paid < p.amount) AND " IN_RANGE ("p.due_date") " ORDER BY p.due_date",
    "INSERT INTO contract_events (contract_id, kind, date, record_id) "
    "SELECT l.contract_id, 'loan', l.due_on, l.id FROM loans l JOIN contracts c ON c.id = l.contract_id "
    "WHERE l.returned_on IS NULL AND " IN_RANGE ("l.due_on"),
    "INSERT INTO contract_events (contract_id, kind, date, record_id) "
    "SELECT r.contract_id, 'follow-up-review', r.follow_up_date, r.id FROM reviews r "
    "JOIN contracts c ON c.id = r.contract_id WHERE " IN_RANGE ("r.follow_up_date") " "
    "AND EXISTS (SELECT 1 FROM review_actions a WHERE a.review_id = r.id AND a.done_date IS NULL)",
  };
  static const char * const one[] = {
    "INSERT INTO contract_events (contract_id, kind, date, record_id) "
    "SELECT p.contract_id, 'payment', p.due_date, p.id FROM payments p "
    "WHERE p.contract_id = ?1 AND (p.amount IS NULL OR p.paid < p.amount) AND " IN_RANGE ("p.due_date"),
    "INSERT INTO contract_events (contract_id, kind, date, record_id) "
    "SELECT l.contract_id, 'loan', l.due_on, l.id FROM loans l "
    "WHERE l.contract_id = ?1 AND l.returned_on IS NULL AND " IN_RANGE ("l.due_on"),
    "INSERT INTO contract_events (contract_id, kind, date, record_id) "
    "SELECT r.contract_id, 'follow-up-review', r.follow_up_date, r.id FROM reviews r "
    "WHERE r.contract_id = ?1 AND " IN_RANGE ("r.follow_up_date") " "
    "AND EXISTS (SELECT 1 FROM review_actions a WHERE a.review_id = r.id AND a.done_date IS NULL)",
  };
  char from[11], to[11];

  for (guint i = 0; i < G_N_ELEMENTS (all); i++)
    {
      SignetDbStmt *stmt = _signet_store_statement (self, contract_id == 0 ? all[i] : one[i], error);

      if (stmt == NULL)
        return FALSE;
      if (contract_id != 0)
        signet_db_bind_int64 (stmt, 1, contract_id);
      if (!_signet_store_step_done (self, stmt, error))
        return FALSE;
    }

  obligation_window (as_of, from, to);

  return insert_obligation_events (self, contract_id, from, to, error);
}

/* Inside a write: every contract's events again. */
static gboolean
rebuild_all (SignetStore  *self,
             const AsOf   *as_of,
             GError      **error)
{
  g_autoptr(SignetContract) contract = signet_contract_new ();
  SignetDbStmt *stmt;
  int rc;

  if (!_signet_store_exec (self, "DELETE FROM contract_events", error))
    return FALSE;

  stmt = _signet_store_statement (self,
                                  "SELECT id, " CONTRACT_DATES_COLUMNS ", "
                                  "(SELECT max(r.date) FROM reviews r WHERE r.contract_id = contracts.id) "
                                  "FROM contracts ORDER BY id", error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = signet_db_step (stmt)) == SIGNET_DB_ROW)
    {
      gint64 id = signet_db_column_int64 (stmt, 0);
      const char *last_review = signet_db_column_text (stmt, 1 + N_CONTRACT_DATES_COLUMNS);
      AsOf own = contract_as_of (as_of, stmt, 1);

      fill_contract_dates (contract, stmt, 1);
      if (!insert_amended_events (self, id, contract, last_review, &own, error))
        {
          signet_db_reset (stmt);
          return FALSE;
        }
    }
  signet_db_reset (stmt);

  if (rc != SIGNET_DB_DONE)
    return _signet_store_set_error (self, rc, error);

  return _signet_store_exec (self,
                             "INSERT INTO contract_events (contract_id, kind, date, key_date_id) "
                             "SELECT d.contract_id, d.kind, d.date, d.id FROM key_dates d "
                             "JOIN contracts c ON c.id = d.contract_id WHERE " IN_RANGE ("d.date"),
                             error) &&
         insert_approval_events (self, 0, error) &&
         insert_commitment_events (self, 0, as_of->date, error) &&
         cut_after_termination (self, 0, error) &&
         write_as_of (self, as_of->date, &as_of->intervals, error);
}

gboolean
_signet_store_events_refresh_contract (SignetStore  *self,
                                       gint64        contract_id,
                                       GError      **error)
{
  EventsState *state = get_state (self);
  g_auto(AsOf) as_of = { NULL };
  g_autoptr(SignetContract) contract = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *last_review = NULL;
  guint type_months = 0;
  AsOf own;
  SignetDbStmt *stmt;
  gboolean exists;
  int rc;

  g_return_val_if_fail (SIGNET_IS_STORE (self), FALSE);
  g_return_val_if_fail (contract_id > 0, FALSE);

  if (!read_as_of (self, &as_of, &local_error))
    {
      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }

      /* Stale or never made (a new register, one from before version 4):
       * a batch leaves it to the next query; a single write makes it for
       * every contract, this one included, from here on. */
      if (self->batch_depth > 0)
        return TRUE;

      as_of.date = signet_store_dup_today (self);
      as_of.intervals = SIGNET_REVIEW_INTERVALS_DEFAULT;

      return rebuild_all (self, &as_of, error);
    }

  /* Rolled back with its batch, the row comes back with the index as it
   * was; committed, its absence makes the next query derive everything. */
  if (self->batch_depth > 0 && state->batch_refreshes >= MAX_BATCH_REFRESHES)
    return _signet_store_exec (self, "DELETE FROM contract_events WHERE contract_id = "
                               G_STRINGIFY (AS_OF_ID), error);

  if (self->batch_depth > 0)
    state->batch_refreshes++;
  else
    state->batch_refreshes = 0;

  stmt = _signet_store_statement (self, "DELETE FROM contract_events WHERE contract_id = ?", error);
  if (stmt == NULL)
    return FALSE;

  signet_db_bind_int64 (stmt, 1, contract_id);
  if (!_signet_store_step_done (self, stmt, error))
    return FALSE;

  stmt = _signet_store_statement (self,
                                  "SELECT " CONTRACT_DATES_COLUMNS ", "
                                  "(SELECT max(date) FROM reviews WHERE contract_id = ?1) "
                                  "FROM contracts WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;

  signet_db_bind_int64 (stmt, 1, contract_id);
  rc = signet_db_step (stmt);
  exists = rc == SIGNET_DB_ROW;
  if (exists)
    {
      contract = signet_contract_new ();
      fill_contract_dates (contract, stmt, 0);
      last_review = _signet_store_dup_text (stmt, N_CONTRACT_DATES_COLUMNS);
      type_months = (guint) signet_db_column_int64 (stmt, N_CONTRACT_DATES_COLUMNS - 1);
    }
  signet_db_reset (stmt);

  if (rc != SIGNET_DB_ROW && rc != SIGNET_DB_DONE)
    return _signet_store_set_error (self, rc, error);

  /* A deleted contract keeps its key dates and reviews, but no events:
   * restoring it refreshes it again. */
  if (!exists)
    return TRUE;

  own = as_of;
  signet_review_intervals_apply_type (&own.intervals, type_months);
  if (!insert_amended_events (self, contract_id, contract, last_review, &own, error))
    return FALSE;

  stmt = _signet_store_statement (self,
                                  "INSERT INTO contract_events (contract_id, kind, date, key_date_id) "
                                  "SELECT contract_id, kind, date, id FROM key_dates WHERE contract_id = ? "
                                  "AND " IN_RANGE ("date"),
                                  error);
  if (stmt == NULL)
    return FALSE;

  signet_db_bind_int64 (stmt, 1, contract_id);

  return _signet_store_step_done (self, stmt, error) &&
         insert_approval_events (self, contract_id, error) &&
         insert_commitment_events (self, contract_id, as_of.date, error) &&
         cut_after_termination (self, contract_id, error);
}

gboolean
_signet_store_events_add_key_date (SignetStore  *self,
                                   gint64        contract_id,
                                   gint64        key_date_id,
                                   GError      **error)
{
  g_auto(AsOf) as_of = { NULL };
  g_autoptr(GError) local_error = NULL;
  SignetDbStmt *stmt;

  g_return_val_if_fail (SIGNET_IS_STORE (self), FALSE);
  g_return_val_if_fail (contract_id > 0, FALSE);

  /* An index never made or left stale is made as for any other write. */
  if (!read_as_of (self, &as_of, &local_error))
    {
      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }

      return _signet_store_events_refresh_contract (self, contract_id, error);
    }

  stmt = _signet_store_statement (self,
                                  "INSERT INTO contract_events (contract_id, kind, date, key_date_id) "
                                  "SELECT contract_id, kind, date, id FROM key_dates WHERE id = ? "
                                  "AND " IN_RANGE ("date") " AND NOT EXISTS (SELECT 1 FROM contracts c "
                                  "WHERE c.id = key_dates.contract_id AND key_dates.date > c.termination_date)",
                                  error);
  if (stmt == NULL)
    return FALSE;

  signet_db_bind_int64 (stmt, 1, key_date_id);

  return _signet_store_step_done (self, stmt, error);
}

/* Inside a write: the window of obligation occurrences moves from the
 * month of @old_date to that of @new_date. Forward by less than the
 * window, the occurrences that left it are deleted and those that entered
 * it added; otherwise every obligation's are derived again. */
static gboolean
move_obligation_window (SignetStore  *self,
                        const char   *old_date,
                        const char   *new_date,
                        GError      **error)
{
  char old_from[11], old_to[11], new_from[11], new_to[11];
  SignetDbStmt *stmt;
  GDate entered;
  g_autofree char *first_new = NULL;

  obligation_window (old_date, old_from, old_to);
  obligation_window (new_date, new_from, new_to);

  if (strcmp (new_date, old_date) < 0 || strcmp (new_from, old_to) > 0)
    return _signet_store_exec (self, "DELETE FROM contract_events WHERE kind = 'obligation'", error) &&
           insert_obligation_events (self, 0, new_from, new_to, error) &&
           cut_after_termination (self, 0, error);

  stmt = _signet_store_statement (self, "DELETE FROM contract_events WHERE kind = 'obligation' AND date < ?",
                                  error);
  if (stmt == NULL)
    return FALSE;
  signet_db_bind_text (stmt, 1, new_from);
  if (!_signet_store_step_done (self, stmt, error))
    return FALSE;

  signet_date_parse (old_to, &entered);
  g_date_add_days (&entered, 1);
  first_new = signet_date_to_iso (&entered);

  return insert_obligation_events (self, 0, first_new, new_to, error) &&
         cut_after_termination (self, 0, error);
}

/* Inside a write: the index moves from @old_date to @as_of->date. Only
 * auto-renewing contracts in force and signed ones depend on the day, and
 * obligations on its month:
 * forward, those whose term ended before the new day roll on or expire;
 * backward (a clock set back), all of them are derived again. */
static gboolean
move_as_of (SignetWriteScope  *scope,
            const char        *old_date,
            const AsOf        *as_of,
            GError           **error)
{
  SignetStore *self = scope->store;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gboolean forward = strcmp (as_of->date, old_date) > 0;
  SignetDbStmt *stmt;
  int rc;

  if (forward)
    stmt = _signet_store_statement (self,
                                    "SELECT e.contract_id FROM contract_events e "
                                    "JOIN contracts c ON c.id = e.contract_id "
                                    "WHERE e.date >= ?1 AND e.date < ?2 AND e.kind = 'end' "
                                    "AND ((c.auto_renew AND c.status IN " SIGNET_IN_FORCE_SQL ") OR c.status = 'signed')",
                                    error);
  else
    stmt = _signet_store_statement (self,
                                    "SELECT id FROM contracts WHERE (auto_renew AND status IN " SIGNET_IN_FORCE_SQL ") "
                                    "OR status = 'signed'",
                                    error);
  if (stmt == NULL)
    return FALSE;

  if (forward)
    {
      signet_db_bind_text (stmt, 1, old_date);
      signet_db_bind_text (stmt, 2, as_of->date);
    }
  while ((rc = signet_db_step (stmt)) == SIGNET_DB_ROW)
    {
      gint64 id = signet_db_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  signet_db_reset (stmt);

  if (rc != SIGNET_DB_DONE)
    return _signet_store_set_error (self, rc, error);

  /* The new day first: the refreshes derive as of it. */
  if (!write_as_of (self, as_of->date, &as_of->intervals, error))
    return FALSE;

  for (guint i = 0; i < ids->len; i++)
    if (!_signet_store_events_refresh_contract (self, g_array_index (ids, gint64, i), error))
      return FALSE;

  if (strncmp (old_date, as_of->date, 7) != 0 && !move_obligation_window (self, old_date, as_of->date, error))
    return FALSE;

  /* The terms that ended as the day passed them and renewed themselves,
   * each recorded once; a clock set back records nothing. */
  return !forward || _signet_store_record_tacit_renewals (scope, ids, old_date, as_of->date, error);
}

/* A store that only reads cannot bring the register's index up to date.
 * It copies it into a temporary table of its own connection, which hides
 * the register's from every query (SQLite looks a name up in temp first),
 * and brings that one up to date: `signet --export-ics` then writes
 * nothing to the register, and still gives today's events. The table is
 * the one of migrate_to_4() with the indexes of migrate_to_5() and the
 * columns of the approval steps (migration 13) and of the records
 * (migration 16). */
static gboolean
copy_index (SignetStore  *self,
            GError      **error)
{
  return _signet_store_exec (self,
    "CREATE TEMP TABLE contract_events ("
    "  contract_id INTEGER NOT NULL,"
    "  kind TEXT NOT NULL,"
    "  date TEXT NOT NULL,"
    "  key_date_id INTEGER,"
    "  approval_step_id INTEGER,"
    "  record_id INTEGER);"
    "INSERT INTO temp.contract_events (contract_id, kind, date, key_date_id, approval_step_id, record_id)"
    "  SELECT contract_id, kind, date, key_date_id, approval_step_id, record_id FROM main.contract_events;"
    "CREATE INDEX temp.contract_events_day ON contract_events (date, kind, contract_id, key_date_id);"
    "CREATE INDEX temp.contract_events_contract ON contract_events (contract_id);",
    error);
}

/* Brings the index to @today with @intervals (NULL: the ones it has). */
static gboolean
ensure_events (SignetStore                 *self,
               const char                  *today,
               const SignetReviewIntervals *intervals,
               GError                     **error)
{
  g_auto(SignetWriteScope) scope = { 0 };
  g_auto(AsOf) stored = { NULL };
  g_auto(AsOf) wanted = { NULL };
  g_autoptr(GError) local_error = NULL;
  gboolean found;

  g_assert (signet_date_is_valid (today));

  if (self->batch_depth == 0)
    get_state (self)->batch_refreshes = 0;

  found = read_as_of (self, &stored, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  wanted.date = g_strdup (today);
  wanted.intervals = intervals != NULL ? *intervals
                   : found ? stored.intervals
                   : SIGNET_REVIEW_INTERVALS_DEFAULT;

  if (found && g_str_equal (stored.date, wanted.date) && intervals_equal (&stored.intervals, &wanted.intervals))
    return TRUE;

  if (!_signet_write_scope_begin (&scope, self, error))
    return FALSE;

  /* In the transaction: the copy and the contracts it is brought up to
   * date with are of one state. (On a read-only register, the begin takes
   * no write lock: it reads the register and writes the temp schema.) */
  if (signet_store_is_read_only (self) && !get_state (self)->private_index &&
      !copy_index (self, &local_error))
    goto failed;

  /* Another process may have done it while this one waited for the lock. */
  found = read_as_of (self, &stored, &local_error);
  if (local_error != NULL)
    goto failed;

  if (!found || !intervals_equal (&stored.intervals, &wanted.intervals))
    {
      g_debug ("Deriving every contract's events as of %s", wanted.date);
      if (!rebuild_all (self, &wanted, &local_error))
        goto failed;
    }
  else if (!g_str_equal (stored.date, wanted.date) &&
           !move_as_of (&scope, stored.date, &wanted, &local_error))
    goto failed;

  if (!_signet_write_scope_commit (&scope, &local_error))
    goto failed;

  if (signet_store_is_read_only (self))
    get_state (self)->private_index = TRUE;

  return TRUE;

failed:
  /* The scope rolls the write back. */
  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

void
signet_store_set_today (SignetStore *self,
                        const char  *today)
{
  EventsState *state;

  g_return_if_fail (SIGNET_IS_STORE (self));
  g_return_if_fail (today == NULL || signet_date_is_valid (today));

  state = get_state (self);
  signet_set_str (&state->today, today);
}

char *
signet_store_dup_today (SignetStore *self)
{
  EventsState *state;

  g_return_val_if_fail (SIGNET_IS_STORE (self), NULL);

  state = get_state (self);

  return state->today != NULL ? g_strdup (state->today) : signet_date_today_iso ();
}

gboolean
signet_store_set_review_intervals (SignetStore                 *self,
                                   const SignetReviewIntervals *intervals,
                                   GError                     **error)
{
  g_autofree char *today = NULL;

  g_return_val_if_fail (SIGNET_IS_STORE (self), FALSE);
  g_return_val_if_fail (intervals != NULL, FALSE);
  g_return_val_if_fail (intervals->high_months > 0 && intervals->medium_months > 0 &&
                        intervals->low_months > 0, FALSE);

  today = signet_store_dup_today (self);

  return ensure_events (self, today, intervals, error);
}

void
signet_store_get_contract_review_intervals (SignetStore           *self,
                                            SignetContract        *contract,
                                            SignetReviewIntervals *intervals)
{
  g_autoptr(SignetContractType) type = NULL;
  const char *name;

  g_return_if_fail (SIGNET_IS_STORE (self));
  g_return_if_fail (SIGNET_IS_CONTRACT (contract));
  g_return_if_fail (intervals != NULL);

  signet_store_get_review_intervals (self, intervals);
  name = signet_contract_get_contract_type (contract);
  if (name != NULL && *name != '\0' && (type = signet_store_find_contract_type (self, name, NULL)) != NULL)
    signet_review_intervals_apply_type (intervals, signet_contract_type_get_review_months (type));
}

void
signet_store_get_review_intervals (SignetStore           *self,
                                   SignetReviewIntervals *intervals)
{
  g_auto(AsOf) as_of = { NULL };

  g_return_if_fail (SIGNET_IS_STORE (self));
  g_return_if_fail (intervals != NULL);

  current_as_of (self, &as_of);
  *intervals = as_of.intervals;
}

gboolean
signet_store_update_events (SignetStore  *self,
                            GError      **error)
{
  g_autofree char *today = NULL;

  g_return_val_if_fail (SIGNET_IS_STORE (self), FALSE);

  today = signet_store_dup_today (self);

  return ensure_events (self, today, NULL, error);
}

gboolean
signet_store_rebuild_events (SignetStore  *self,
                             GError      **error)
{
  g_auto(SignetWriteScope) scope = { 0 };
  g_auto(AsOf) as_of = { NULL };

  g_return_val_if_fail (SIGNET_IS_STORE (self), FALSE);

  if (!_signet_write_scope_begin (&scope, self, error))
    return FALSE;

  current_as_of (self, &as_of);
  g_clear_pointer (&as_of.date, g_free);
  as_of.date = signet_store_dup_today (self);

  return rebuild_all (self, &as_of, error) &&
         _signet_write_scope_commit (&scope, error);
}

/* What explains a commitment's event, from its record's columns in
 * EVENT_COLUMNS (from 20 on): "Receivable ¥300,000.00, ¥100,000.00 paid". */
static char *
event_explain_record (SignetKeyDateKind  kind,
                      SignetDbStmt      *stmt)
{
  const char *first = signet_db_column_text (stmt, 20);
  const char *second = signet_db_column_text (stmt, 21);

  switch (kind)
    {
    case SIGNET_KEY_DATE_PAYMENT:
      {
        gboolean payable = g_strcmp0 (first, "payable") == 0;
        gint64 paid = signet_db_column_int64 (stmt, 23);
        g_autofree char *amount = NULL;
        g_autofree char *paid_text = NULL;

        if (signet_db_column_type (stmt, 21) == SIGNET_DB_NULL || signet_db_column_type (stmt, 22) == SIGNET_DB_NULL)
          return g_strdup (payable ? _("Payable, amount not entered yet")
                                   : _("Receivable, amount not entered yet"));

        amount = signet_money_format (signet_db_column_int64 (stmt, 21), signet_db_column_text (stmt, 22));
        if (paid == 0)
          /* Translators: a planned payment in the calendar; %s is its amount. */
          return g_strdup_printf (payable ? _("Payable %s") : _("Receivable %s"), amount);

        paid_text = signet_money_format (paid, signet_db_column_text (stmt, 22));
        /* Translators: a planned payment in the calendar: its amount, then
         * what was paid of it ("Receivable ¥300,000.00, ¥100,000.00 paid"). */
        return g_strdup_printf (payable ? _("Payable %s, %s paid") : _("Receivable %s, %s paid"), amount, paid_text);
      }

    case SIGNET_KEY_DATE_OBLIGATION:
      {
        gboolean ours = g_strcmp0 (first, "client") != 0;
        SignetRecurrence recurrence = SIGNET_RECURRENCE_NONE;

        signet_recurrence_from_token (second, &recurrence);
        switch (recurrence)
          {
          case SIGNET_RECURRENCE_MONTHLY:
            return g_strdup (ours ? _("To be done by us, every month") : _("To be done by the client, every month"));
          case SIGNET_RECURRENCE_QUARTERLY:
            return g_strdup (ours ? _("To be done by us, every quarter")
                                  : _("To be done by the client, every quarter"));
          case SIGNET_RECURRENCE_YEARLY:
            return g_strdup (ours ? _("To be done by us, every year") : _("To be done by the client, every year"));
          case SIGNET_RECURRENCE_NONE:
          default:
            return g_strdup (ours ? _("To be done by us") : _("To be done by the client"));
          }
      }

    case SIGNET_KEY_DATE_LOAN:
      {
        g_autofree char *lent_on = signet_date_format_display (second);

        /* Translators: a loan of the paper original in the calendar: the
         * day it was lent, then its purpose ("Lent on 01.10.2026 for: 审计"). */
        return g_strdup_printf (_("Lent on %s for: %s"), lent_on, first);
      }

    case SIGNET_KEY_DATE_FOLLOW_UP_REVIEW:
      {
        guint open = (guint) signet_db_column_int64 (stmt, 20);
        g_autofree char *date = signet_date_format_display (second);

        /* Translators: a follow-up review in the calendar: how many of the
         * actions a review found are still open, and that review's date. */
        return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                             "%u action of the review of %s still open",
                                             "%u actions of the review of %s still open", open),
                                open, date);
      }

    default:
      return NULL;
    }
}

/* An event from a row of EVENT_COLUMNS. */
static SignetEvent *
event_from_row (SignetDbStmt *stmt,
                const AsOf   *as_of)
{
  SignetKeyDateKind kind = SIGNET_KEY_DATE_OTHER;
  g_autofree char *explanation = NULL;
  SignetEvent *event;

  signet_key_date_kind_from_token (signet_db_column_text (stmt, 1), &kind);

  /* A pending approval step is due so many working days after it became
   * pending. */
  if (kind == SIGNET_KEY_DATE_APPROVAL)
    {
      guint days = (guint) signet_db_column_int64 (stmt, 16);

      explanation = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                  "Due %u working day after the step became pending",
                                                  "Due %u working days after the step became pending", days),
                                     days);
    }

  /* A commitment's record explains it. */
  if (signet_key_date_kind_is_commitment (kind) && signet_db_column_type (stmt, 18) != SIGNET_DB_NULL)
    explanation = event_explain_record (kind, stmt);

  /* A key date's note explains it. */
  event = signet_event_new (signet_db_column_int64 (stmt, 0),
                            signet_db_column_text (stmt, 4),
                            signet_db_column_text (stmt, 5),
                            signet_db_column_type (stmt, 6) != SIGNET_DB_NULL
                            ? signet_db_column_text (stmt, 6) : _("Missing client"),
                            signet_db_column_text (stmt, 2),
                            kind,
                            signet_db_column_text (stmt, 14),
                            signet_db_column_int64 (stmt, 3),
                            explanation != NULL ? explanation : signet_db_column_text (stmt, 15));

  if (signet_db_column_type (stmt, 18) != SIGNET_DB_NULL)
    _signet_event_set_record (event, signet_db_column_int64 (stmt, 18), signet_db_column_text (stmt, 19));
  else if (!signet_key_date_kind_is_user (kind) && kind != SIGNET_KEY_DATE_APPROVAL)
    {
      SignetContractStatus status = SIGNET_CONTRACT_STATUS_DRAFT;
      SignetRiskLevel risk = SIGNET_RISK_LEVEL_LOW;
      SignetReviewIntervals intervals = as_of->intervals;

      signet_review_intervals_apply_type (&intervals, (guint) signet_db_column_int64 (stmt, 17));

      signet_contract_status_from_token (signet_db_column_text (stmt, 11), &status);
      signet_risk_level_from_token (signet_db_column_text (stmt, 12), &risk);
      _signet_event_set_derivation (event,
                                    signet_db_column_text (stmt, 7),
                                    signet_db_column_text (stmt, 8),
                                    signet_db_column_int (stmt, 9),
                                    signet_db_column_int (stmt, 10),
                                    status, risk,
                                    signet_db_column_text (stmt, 13),
                                    as_of->date, &intervals);
    }

  return event;
}

/* Runs @sql (EVENT_COLUMNS first) with up to two text parameters and adds
 * its events to @events, or hands each row and its event (to keep) to
 * @row_func. */
typedef void (*RowFunc) (SignetDbStmt *stmt,
                         SignetEvent  *event,
                         gpointer      user_data);

static gboolean
collect_events (SignetStore  *self,
                const AsOf   *as_of,
                const char   *sql,
                const char   *param1,
                const char   *param2,
                RowFunc       row_func,
                gpointer      user_data,
                GPtrArray    *events,
                GError      **error)
{
  SignetDbStmt *stmt = _signet_store_statement (self, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;

  if (param1 != NULL)
    signet_db_bind_text (stmt, 1, param1);
  if (param2 != NULL)
    signet_db_bind_text (stmt, 2, param2);

  while ((rc = signet_db_step (stmt)) == SIGNET_DB_ROW)
    {
      SignetEvent *event = event_from_row (stmt, as_of);

      if (row_func != NULL)
        row_func (stmt, event, user_data);
      else
        g_ptr_array_add (events, event);
    }
  signet_db_reset (stmt);

  if (rc != SIGNET_DB_DONE)
    return _signet_store_set_error (self, rc, error);

  return TRUE;
}

/* Brings the index up to @today (NULL: the store's today) and tells what it
 * is as of. */
static gboolean
prepare_query (SignetStore  *self,
               const char   *today,
               AsOf         *as_of,
               GError      **error)
{
  g_autofree char *store_today = today == NULL ? signet_store_dup_today (self) : NULL;

  if (!ensure_events (self, today != NULL ? today : store_today, NULL, error))
    return FALSE;

  current_as_of (self, as_of);

  return TRUE;
}

GPtrArray *
signet_store_list_events (SignetStore  *self,
                          const char   *from,
                          const char   *to,
                          GError      **error)
{
  g_autoptr(GPtrArray) events = g_ptr_array_new_with_free_func (g_object_unref);
  g_auto(AsOf) as_of = { NULL };

  g_return_val_if_fail (SIGNET_IS_STORE (self), NULL);

  if (!prepare_query (self, NULL, &as_of, error))
    return NULL;

  /* Dates are compared as text: YYYY-MM-DD sorts like the dates. Sorted
   * by kind and number here rather than in SQL, which would copy every row
   * of a month into a sorter first; the ORDER BY is the order of the index
   * the rows are read in (it costs nothing) and fixes the order of events
   * that compare equal, as signet_store_list_event_days() has it. */
  if (!collect_events (self, &as_of,
                       "SELECT " EVENT_COLUMNS EVENT_JOINS
                       "WHERE e.date BETWEEN max(coalesce(?1, '" SIGNET_DATE_MIN "'), '" SIGNET_DATE_MIN "') "
                       "AND min(coalesce(?2, '" SIGNET_DATE_MAX "'), '" SIGNET_DATE_MAX "') "
                       "ORDER BY e.date, e.kind, e.contract_id, e.key_date_id",
                       from, to, NULL, NULL, events, error))
    return NULL;

  g_ptr_array_sort (events, _signet_event_compare);

  return g_steal_pointer (&events);
}

void
signet_event_day_free (SignetEventDay *day)
{
  if (day == NULL)
    return;

  g_clear_pointer (&day->events, g_ptr_array_unref);
  g_free (day);
}

/* An event of the day being read by list_event_days(), before it is made. */
typedef struct
{
  gint64             rowid;
  gint64             key_date_id;
  SignetKeyDateKind  kind;
  const char        *number;
} DayEntry;

/* The order of _signet_event_compare() (kind, contract number), and for
 * events equal in both the order signet_store_list_events() reads them in
 * (its ORDER BY, then the rowid as in the index). */
static int
compare_day_entries (gconstpointer a,
                     gconstpointer b)
{
  const DayEntry *x = a;
  const DayEntry *y = b;
  int cmp = (int) x->kind - (int) y->kind;

  if (cmp == 0)
    cmp = strcmp (x->number, y->number);
  if (cmp == 0)
    cmp = (x->key_date_id > y->key_date_id) - (x->key_date_id < y->key_date_id);
  if (cmp == 0)
    cmp = (x->rowid > y->rowid) - (x->rowid < y->rowid);

  return cmp;
}

/* Ends the day in @entries: makes its first @max_per_day events. */
static gboolean
finish_day (SignetStore     *self,
            const AsOf      *as_of,
            GArray          *entries,
            guint            max_per_day,
            SignetEventDay  *day,
            GError         **error)
{
  guint n_made = MIN (entries->len, max_per_day);

  day->n_events = entries->len;
  day->events = g_ptr_array_new_full (n_made, g_object_unref);

  if (n_made == 0)
    return TRUE;

  g_array_sort (entries, compare_day_entries);

  for (guint i = 0; i < n_made; i++)
    {
      SignetDbStmt *stmt;
      int rc;

      /* The statement cache hands back the same statement, reset. */
      stmt = _signet_store_statement (self, "SELECT " EVENT_COLUMNS EVENT_JOINS "WHERE e.rowid = ?1", error);
      if (stmt == NULL)
        return FALSE;

      signet_db_bind_int64 (stmt, 1, g_array_index (entries, DayEntry, i).rowid);
      rc = signet_db_step (stmt);
      if (rc == SIGNET_DB_ROW)
        g_ptr_array_add (day->events, event_from_row (stmt, as_of));
      signet_db_reset (stmt);

      /* In one snapshot, a row the index has and the table has not is a
       * damaged file. */
      if (rc != SIGNET_DB_ROW)
        return _signet_store_set_error (self, rc == SIGNET_DB_DONE ? SQLITE_CORRUPT : rc, error);
    }

  return TRUE;
}

GPtrArray *
signet_store_list_event_days (SignetStore  *self,
                              const char   *from,
                              const char   *to,
                              guint         max_per_day,
                              GError      **error)
{
  g_autoptr(GPtrArray) days = g_ptr_array_new_with_free_func ((GDestroyNotify) signet_event_day_free);
  g_autoptr(GArray) entries = g_array_new (FALSE, FALSE, sizeof (DayEntry));
  g_autoptr(GStringChunk) numbers = g_string_chunk_new (4096);
  g_auto(AsOf) as_of = { NULL };
  SignetEventDay *day = NULL;
  gboolean own_transaction;
  SignetDbStmt *stmt;
  int rc;

  g_return_val_if_fail (SIGNET_IS_STORE (self), NULL);
  g_return_val_if_fail (signet_date_check (from) != SIGNET_DATE_MALFORMED, NULL);
  g_return_val_if_fail (signet_date_check (to) != SIGNET_DATE_MALFORMED, NULL);

  if (!prepare_query (self, NULL, &as_of, error))
    return NULL;

  /* One snapshot for the days and the events made from them, unless the
   * caller's transaction already is one. */
  own_transaction = !signet_db_in_transaction (self->db);
  if (own_transaction && !_signet_store_exec (self, "BEGIN", error))
    return NULL;

  /* The range of the index (date, kind, contract_id, key_date_id) in its
   * order, and the contract number for the order within a day: read from
   * the index (id, number), a few hundred pages, rather than from the
   * contracts' rows, thousands of pages spread over the whole table. The
   * join leaves out the row that tells what the index is as of (contract
   * id 0). */
  stmt = _signet_store_statement (self,
                                  "SELECT e.rowid, e.date, e.kind, e.key_date_id, c.number "
                                  "FROM contract_events e "
                                  "JOIN contracts c INDEXED BY contracts_number_by_id ON c.id = e.contract_id "
                                  "WHERE e.date BETWEEN max(?1, '" SIGNET_DATE_MIN "') "
                                  "AND min(?2, '" SIGNET_DATE_MAX "') ORDER BY e.date", error);
  if (stmt == NULL)
    goto failed;

  signet_db_bind_text (stmt, 1, from);
  signet_db_bind_text (stmt, 2, to);

  /* The rows come by date: a day ends where the next one starts. */
  while ((rc = signet_db_step (stmt)) == SIGNET_DB_ROW)
    {
      const char *date = signet_db_column_text (stmt, 1);
      DayEntry entry;

      if (day == NULL || strcmp (day->date, date) != 0)
        {
          if (day != NULL && !finish_day (self, &as_of, entries, max_per_day, day, error))
            {
              signet_db_reset (stmt);
              goto failed;
            }
          g_array_set_size (entries, 0);
          g_string_chunk_clear (numbers);

          day = g_new0 (SignetEventDay, 1);
          g_strlcpy (day->date, date, sizeof day->date);
          g_ptr_array_add (days, day);
        }

      entry.rowid = signet_db_column_int64 (stmt, 0);
      entry.kind = SIGNET_KEY_DATE_OTHER;
      signet_key_date_kind_from_token (signet_db_column_text (stmt, 2), &entry.kind);
      entry.key_date_id = signet_db_column_int64 (stmt, 3);
      entry.number = g_string_chunk_insert (numbers, signet_db_column_text (stmt, 4));
      g_array_append_val (entries, entry);
    }
  signet_db_reset (stmt);

  if (rc != SIGNET_DB_DONE)
    {
      _signet_store_set_error (self, rc, error);
      goto failed;
    }

  if (day != NULL && !finish_day (self, &as_of, entries, max_per_day, day, error))
    goto failed;

  if (own_transaction && !_signet_store_exec (self, "COMMIT", error))
    goto failed;

  return g_steal_pointer (&days);

failed:
  if (own_transaction)
    _signet_store_exec (self, "ROLLBACK", NULL);
  return NULL;
}

/* The order of the kinds in an agenda's day (SignetKeyDateKind, as
 * _signet_event_compare() sorts them), in SQL. */
#define KIND_RANK(e) \
  "CASE " e ".kind WHEN 'start' THEN 0 WHEN 'end' THEN 1 WHEN 'notice-deadline' THEN 2 " \
  "WHEN 'review' THEN 3 WHEN 'milestone' THEN 4 WHEN 'payment' THEN 5 WHEN 'other' THEN 6 " \
  "WHEN 'approval' THEN 7 WHEN 'obligation' THEN 8 WHEN 'loan' THEN 9 " \
  "WHEN 'follow-up-review' THEN 10 ELSE 6 END"

/* What the agenda's two parts take, for ?1 today and ?2 the last day.
 * Derivation only gives notice deadlines and reviews to contracts in
 * force; the status check is for ends. A commitment stays overdue until
 * it is settled (its event then leaves the index), whatever the
 * contract's status. */
static const char * const agenda_parts[] = {
  "e.date < ?1 AND e.date >= '" SIGNET_DATE_MIN "' "
  "AND (e.kind = 'approval' OR " IS_COMMITMENT ("e") " "
  "OR (e.kind IN ('end', 'notice-deadline', 'review') "
  "AND c.status IN " SIGNET_IN_FORCE_SQL " AND NOT " SIGNET_EXPIRED_BY_SQL ("?1") "))",
  "e.date BETWEEN ?1 AND min(?2, '" SIGNET_DATE_MAX "')",
};

void
signet_agenda_cursor_clear (SignetAgendaCursor *cursor)
{
  g_clear_pointer (&cursor->number, g_free);
  memset (cursor, 0, sizeof *cursor);
}

gboolean
signet_agenda_cursor_is_done (const SignetAgendaCursor *cursor)
{
  g_return_val_if_fail (cursor != NULL, TRUE);

  return cursor->part >= G_N_ELEMENTS (agenda_parts);
}

/* Up to @max_events events of the part @cursor is in, after it. The page's
 * keys are found first, from the index and the contracts' numbers alone,
 * and only its rows are then read whole: a day of a large register holds
 * thousands of events, all of which are sorted but few made. */
static gboolean
collect_agenda_page (SignetStore        *self,
                     const AsOf         *as_of,
                     const char         *today,
                     const char         *until,
                     SignetAgendaCursor *cursor,
                     guint               max_events,
                     GPtrArray          *events,
                     GError            **error)
{
  g_autofree char *sql = g_strconcat (
    "WITH page AS (SELECT e.rowid AS row, e.date AS date, " KIND_RANK ("e") " AS rank, c.number AS number "
    "FROM contract_events e JOIN contracts c ON c.id = e.contract_id WHERE ",
    agenda_parts[cursor->part],
    " AND e.date >= ?3 AND (e.date > ?3 OR (" KIND_RANK ("e") ", c.number, e.rowid) > (?4, ?5, ?6)) "
    "ORDER BY e.date, rank, c.number, e.rowid LIMIT ?7) "
    "SELECT " EVENT_COLUMNS ", page.rank, page.row FROM page JOIN contract_events e ON e.rowid = page.row "
    "JOIN contracts c ON c.id = e.contract_id "
    "LEFT JOIN clients k ON k.id = c.client_id LEFT JOIN key_dates d ON d.id = e.key_date_id "
    "LEFT JOIN approval_steps ap ON ap.id = e.approval_step_id "
    "LEFT JOIN payments pm ON e.kind = 'payment' AND pm.id = e.record_id "
    "LEFT JOIN obligations ob ON e.kind = 'obligation' AND ob.id = e.record_id "
    "LEFT JOIN loans ln ON e.kind = 'loan' AND ln.id = e.record_id "
    "LEFT JOIN people lp ON lp.id = ln.borrower_id "
    "LEFT JOIN reviews rv ON e.kind = 'follow-up-review' AND rv.id = e.record_id "
    "ORDER BY page.date, page.rank, page.number, page.row",
    NULL);
  SignetDbStmt *stmt = _signet_store_statement (self, sql, error);
  guint n = 0;
  int rc;

  if (stmt == NULL)
    return FALSE;

  signet_db_bind_text (stmt, 1, today);
  signet_db_bind_text (stmt, 2, until);
  signet_db_bind_text (stmt, 3, cursor->date);
  signet_db_bind_int (stmt, 4, cursor->rank);
  signet_db_bind_text (stmt, 5, cursor->number != NULL ? cursor->number : "");
  signet_db_bind_int64 (stmt, 6, cursor->row);
  signet_db_bind_int64 (stmt, 7, max_events);

  while ((rc = signet_db_step (stmt)) == SIGNET_DB_ROW)
    {
      g_ptr_array_add (events, event_from_row (stmt, as_of));
      g_strlcpy (cursor->date, signet_db_column_text (stmt, 2), sizeof cursor->date);
      g_free (cursor->number);
      cursor->number = g_strdup (signet_db_column_text (stmt, 4));
      cursor->rank = signet_db_column_int (stmt, N_EVENT_COLUMNS);
      cursor->row = signet_db_column_int64 (stmt, N_EVENT_COLUMNS + 1);
      n++;
    }
  signet_db_reset (stmt);

  if (rc != SIGNET_DB_DONE)
    return _signet_store_set_error (self, rc, error);

  /* A short page ends its part: the next starts the next part. */
  if (n < max_events)
    {
      guint part = cursor->part + 1;

      signet_agenda_cursor_clear (cursor);
      cursor->part = part;
    }

  return TRUE;
}

GPtrArray *
signet_store_list_agenda_page (SignetStore        *self,
                               const char         *today,
                               guint               days,
                               SignetAgendaCursor *cursor,
                               guint               max_events,
                               GError            **error)
{
  g_autoptr(GPtrArray) events = g_ptr_array_new_with_free_func (g_object_unref);
  g_auto(AsOf) as_of = { NULL };
  g_autofree char *until = NULL;
  GDate date;

  g_return_val_if_fail (SIGNET_IS_STORE (self), NULL);
  g_return_val_if_fail (signet_date_parse (today, &date), NULL);
  g_return_val_if_fail (cursor != NULL && max_events > 0, NULL);

  /* Past the range, the query stops at its end anyway. */
  until = signet_date_add_days (&date, days) ? signet_date_to_iso (&date) : g_strdup (SIGNET_DATE_MAX);

  if (!prepare_query (self, today, &as_of, error))
    return NULL;

  while (events->len < max_events && !signet_agenda_cursor_is_done (cursor))
    if (!collect_agenda_page (self, &as_of, today, until, cursor, max_events - events->len, events, error))
      return NULL;

  return g_steal_pointer (&events);
}

GPtrArray *
signet_store_list_agenda (SignetStore  *self,
                          const char   *today,
                          guint         days,
                          GError      **error)
{
  g_auto(SignetAgendaCursor) cursor = { 0 };

  return signet_store_list_agenda_page (self, today, days, &cursor, G_MAXINT, error);
}

GPtrArray *
signet_store_list_dates_out_of_range (SignetStore  *self,
                                      GError      **error)
{
  g_autoptr(GPtrArray) sentences = g_ptr_array_new_with_free_func (g_free);
  SignetDbStmt *stmt;
  int rc;

  g_return_val_if_fail (SIGNET_IS_STORE (self), NULL);

  stmt = _signet_store_statement (self,
                                  "SELECT number, 0, start_date, NULL FROM contracts "
                                  "WHERE start_date <> '' AND NOT " IN_RANGE ("start_date") " "
                                  "UNION ALL SELECT number, 1, end_date, NULL FROM contracts "
                                  "WHERE end_date <> '' AND NOT " IN_RANGE ("end_date") " "
                                  "UNION ALL SELECT c.number, 2, d.date, d.title FROM key_dates d "
                                  "JOIN contracts c ON c.id = d.contract_id WHERE NOT " IN_RANGE ("d.date") " "
                                  "ORDER BY 1, 2, 3", error);
  if (stmt == NULL)
    return NULL;

  while ((rc = signet_db_step (stmt)) == SIGNET_DB_ROW)
    {
      const char *number = signet_db_column_text (stmt, 0);
      const char *date = signet_db_column_text (stmt, 2);
      const char *title = signet_db_column_text (stmt, 3);

      switch (signet_db_column_int (stmt, 1))
        {
        case 0:
          /* Translators: a contract number, its stored date, and the first and
           * last dates of the range, 1900-01-01 and 2199-12-31. */
          g_ptr_array_add (sentences,
                           g_strdup_printf (_("Contract %s: the start date %s is outside the dates Signet works "
                                              "with, %s to %s, and is left out."),
                                            number, date, SIGNET_DATE_MIN, SIGNET_DATE_MAX));
          break;
        case 1:
          /* Translators: a contract number, its stored date, and the first and
           * last dates of the range, 1900-01-01 and 2199-12-31. */
          g_ptr_array_add (sentences,
                           g_strdup_printf (_("Contract %s: the end date %s is outside the dates Signet works "
                                              "with, %s to %s, and is left out."),
                                            number, date, SIGNET_DATE_MIN, SIGNET_DATE_MAX));
          break;
        default:
          /* Translators: a contract number, a key date's title and date, and the
           * first and last dates of the range, 1900-01-01 and 2199-12-31. */
          g_ptr_array_add (sentences,
                           g_strdup_printf (_("Contract %s: the date of “%s”, %s, is outside the dates Signet "
                                              "works with, %s to %s, and is left out."),
                                            number, title, date, SIGNET_DATE_MIN, SIGNET_DATE_MAX));
          break;
        }
    }
  signet_db_reset (stmt);

  if (rc != SIGNET_DB_DONE)
    {
      _signet_store_set_error (self, rc, error);
      return NULL;
    }

  return g_steal_pointer (&sentences);
}

gboolean
signet_store_get_events_span (SignetStore  *self,
                              char        **first,
                              char        **last,
                              GError      **error)
{
  g_auto(AsOf) as_of = { NULL };
  const char * const queries[] = {
    "SELECT e.date FROM contract_events e JOIN contracts c ON c.id = e.contract_id "
    "WHERE " IN_RANGE ("e.date") " ORDER BY e.date LIMIT 1",
    "SELECT e.date FROM contract_events e JOIN contracts c ON c.id = e.contract_id "
    "WHERE " IN_RANGE ("e.date") " ORDER BY e.date DESC LIMIT 1",
  };
  char **results[] = { first, last };

  g_return_val_if_fail (SIGNET_IS_STORE (self), FALSE);
  g_return_val_if_fail (first != NULL && last != NULL, FALSE);

  *first = *last = NULL;

  if (!prepare_query (self, NULL, &as_of, error))
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    {
      SignetDbStmt *stmt = _signet_store_statement (self, queries[i], error);
      int rc;

      if (stmt == NULL)
        goto failed;

      rc = signet_db_step (stmt);
      if (rc == SIGNET_DB_ROW)
        *results[i] = _signet_store_dup_text (stmt, 0);
      signet_db_reset (stmt);

      if (rc != SIGNET_DB_ROW && rc != SIGNET_DB_DONE)
        {
          _signet_store_set_error (self, rc, error);
          goto failed;
        }
    }

  return TRUE;

failed:
  g_clear_pointer (first, g_free);
  g_clear_pointer (last, g_free);
  return FALSE;
}

GHashTable *
signet_store_list_contract_change_times (SignetStore  *self,
                                         GError      **error)
{
  g_autoptr(GHashTable) times = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  SignetDbStmt *stmt;
  int rc;

  g_return_val_if_fail (SIGNET_IS_STORE (self), NULL);

  /* Reminder settings and acknowledgements change no event. */
  stmt = _signet_store_statement (self,
                                  "SELECT record_id, max(at) FROM audit WHERE record_kind = 'contract' "
                                  "AND action NOT IN ('set-reminders', 'acknowledge-reminder') "
                                  "GROUP BY record_id", error);
  if (stmt == NULL)
    return NULL;

  while ((rc = signet_db_step (stmt)) == SIGNET_DB_ROW)
    g_hash_table_insert (times, g_memdup2 (&(gint64) { signet_db_column_int64 (stmt, 0) }, sizeof (gint64)),
                         _signet_store_dup_text (stmt, 1));
  signet_db_reset (stmt);

  if (rc != SIGNET_DB_DONE)
    {
      _signet_store_set_error (self, rc, error);
      return NULL;
    }

  return g_steal_pointer (&times);
}

void
signet_reminder_candidate_free (SignetReminderCandidate *candidate)
{
  if (candidate == NULL)
    return;

  g_clear_object (&candidate->event);
  g_free (candidate->leads);
  g_free (candidate->owner);
  g_free (candidate);
}

static void
add_candidate (SignetDbStmt *stmt,
               SignetEvent  *event,
               gpointer      user_data)
{
  GPtrArray *candidates = user_data;
  SignetReminderCandidate *candidate = g_new0 (SignetReminderCandidate, 1);

  candidate->event = event;
  candidate->leads = _signet_store_dup_text (stmt, N_EVENT_COLUMNS);
  candidate->acknowledged_lead = signet_db_column_type (stmt, N_EVENT_COLUMNS + 1) == SIGNET_DB_NULL
                                   ? -1 : signet_db_column_int (stmt, N_EVENT_COLUMNS + 1);
  candidate->owner = _signet_store_dup_text (stmt, N_EVENT_COLUMNS + 2);
  g_ptr_array_add (candidates, candidate);
}

/* Planned payments not paid in full and loans not returned remind the
 * contract's owner, whatever the contract's status, as the agenda lists
 * them. */
#define REMINDED_COMMITMENT "(e.record_id IS NOT NULL AND e.kind IN ('payment', 'loan'))"

#define CANDIDATE_COLUMNS \
  EVENT_COLUMNS ", " \
  "CASE e.kind WHEN 'end' THEN s.end_leads WHEN 'notice-deadline' THEN s.notice_leads " \
  "ELSE s.review_leads END, " \
  "(SELECT min(a.lead_days) FROM reminder_acks a WHERE a.contract_id = e.contract_id " \
  "AND a.kind = e.kind AND a.event_date = e.date), " \
  "coalesce ((SELECT p.name FROM people p WHERE p.id = c.owner_id), nullif (c.owner, ''))"

GPtrArray *
signet_store_list_reminder_candidates (SignetStore  *self,
                                       const char   *today,
                                       const char   *until,
                                       GError      **error)
{
  g_autoptr(GPtrArray) candidates =
    g_ptr_array_new_with_free_func ((GDestroyNotify) signet_reminder_candidate_free);
  g_auto(AsOf) as_of = { NULL };
  g_autofree char *far = NULL;
  GDate today_date, far_date;

  g_return_val_if_fail (SIGNET_IS_STORE (self), NULL);
  g_return_val_if_fail (signet_date_parse (today, &today_date), NULL);
  g_return_val_if_fail (signet_date_check (until) != SIGNET_DATE_MALFORMED, NULL);

  if (!prepare_query (self, today, &as_of, error))
    return NULL;

  far_date = today_date;
  g_date_add_days (&far_date, SIGNET_REMINDER_MAX_LEAD_DAYS);
  far = signet_date_to_iso (&far_date);

  /* Up to @until for every contract; beyond it only for the contracts
   * with lead times of their own, found through their settings (the
   * unary + keeps SQLite off the date index for that part). */
  if (!collect_events (self, &as_of,
                       "SELECT " CANDIDATE_COLUMNS EVENT_JOINS
                       "LEFT JOIN reminder_settings s ON s.contract_id = e.contract_id "
                       "WHERE e.date <= ?1 AND e.date >= '" SIGNET_DATE_MIN "' "
                       "AND (e.kind = 'approval' OR " REMINDED_COMMITMENT " "
                       "OR (e.kind IN ('end', 'notice-deadline', 'review') "
                       "AND c.status IN " SIGNET_IN_FORCE_SQL " AND NOT " SIGNET_EXPIRED_BY_SQL (AS_OF_DATE) "))",
                       until, NULL, add_candidate, candidates, NULL, error) ||
      !collect_events (self, &as_of,
                       "SELECT " CANDIDATE_COLUMNS EVENT_JOINS
                       "JOIN reminder_settings s ON s.contract_id = e.contract_id "
                       "WHERE +e.date > ?1 AND +e.date <= min(?2, '" SIGNET_DATE_MAX "') "
                       "AND (e.kind = 'approval' OR " REMINDED_COMMITMENT " "
                       "OR (e.kind IN ('end', 'notice-deadline', 'review') "
                       "AND c.status IN " SIGNET_IN_FORCE_SQL " AND NOT " SIGNET_EXPIRED_BY_SQL (AS_OF_DATE) "))",
                       until, far, add_candidate, candidates, NULL, error))
    return NULL;

  return g_steal_pointer (&candidates);
}
