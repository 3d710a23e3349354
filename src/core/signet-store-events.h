/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "signet-event.h"
#include "signet-key-dates.h"
#include "signet-reminders.h"
#include "signet-store.h"

G_BEGIN_DECLS

/* Key dates, reviews and reminders of contracts, and the calendar events
 * made from them (signet-store-events.c, signet-store-key-dates.c).
 *
 * The store keeps every event of every contract in an index (the table
 * contract_events), so that a month of the calendar is one range query.
 * The derived dates depend on the day (an auto-renewing contract rolls on
 * to its next term once its end has passed) and on the review intervals,
 * so the index is kept "as of" a day and the intervals it was made with;
 * every query below first brings it up to date, which costs one indexed
 * lookup when nothing changed and otherwise touches only the contracts
 * that rolled on. Rows of these tables keep their contract id when the
 * contract is deleted (Undo brings them back); queries only return rows
 * of contracts that exist. */

/* The day the events are derived for: @today (YYYY-MM-DD), or NULL to
 * follow the system clock (the default). For tests and benchmarks with an
 * injected clock; the next query brings the events up to date. */
void        signet_store_set_today                (SignetStore                 *self,
                                                   const char                  *today);
/* The day set above, or the system clock's today. */
char       *signet_store_dup_today                (SignetStore                 *self);
/* Months between reviews by risk level (Preferences). The events are made
 * with them from now on, in this and every other process that opens the
 * register (they are kept with the index). Emits no signal: views showing
 * events reload after calling it. */
gboolean    signet_store_set_review_intervals     (SignetStore                 *self,
                                                   const SignetReviewIntervals *intervals,
                                                   GError                     **error);
/* The review intervals the events are made with. */
void        signet_store_get_review_intervals     (SignetStore                 *self,
                                                   SignetReviewIntervals       *intervals);
/* Those of @contract: its type's review interval when the type has one
 * (signet_review_intervals_apply_type()), else the risk levels'. */
void        signet_store_get_contract_review_intervals (SignetStore           *self,
                                                        SignetContract        *contract,
                                                        SignetReviewIntervals *intervals);
/* Brings the events up to date as of signet_store_dup_today(). Every query
 * does it; the app calls it when the day changes so that the work is done
 * then. Emits no signal. */
gboolean    signet_store_update_events            (SignetStore                 *self,
                                                   GError                     **error);
/* Derives every contract's events again, in one transaction. */
gboolean    signet_store_rebuild_events           (SignetStore                 *self,
                                                   GError                     **error);

/* Events of existing contracts dated @from to @to (YYYY-MM-DD, both
 * inclusive; NULL for no bound), ordered by date, kind and contract
 * number; of SignetEvent. */
GPtrArray  *signet_store_list_events              (SignetStore                 *self,
                                                   const char                  *from,
                                                   const char                  *to,
                                                   GError                     **error);
/* One day of signet_store_list_event_days(). */
typedef struct
{
  char       date[11];              /* YYYY-MM-DD */
  guint      n_events;              /* every event of the day */
  GPtrArray *events;                /* the first of them; of SignetEvent */
} SignetEventDay;

void        signet_event_day_free                 (SignetEventDay              *day);
/* What a month of the calendar shows: the days from @from to @to
 * (YYYY-MM-DD, both inclusive) that have events, by date, each with the
 * number of its events and the first @max_per_day of them in the order of
 * signet_store_list_events(). Only those are made: six weeks of a register
 * of 100,000 contracts hold about 9,000 events, of which a month grid shows
 * a few per day and counts the rest. Of SignetEventDay. */
GPtrArray  *signet_store_list_event_days          (SignetStore                 *self,
                                                   const char                  *from,
                                                   const char                  *to,
                                                   guint                        max_per_day,
                                                   GError                     **error);
/* What needs attention as of @today: first what is overdue (a review due
 * and not recorded; a notice deadline or an end passed while the contract
 * is still in force, that is approved, signed, active or renewed), oldest
 * first; then every event from @today to @today + @days (inclusive), by
 * date. Of SignetEvent. */
GPtrArray  *signet_store_list_agenda              (SignetStore                 *self,
                                                   const char                  *today,
                                                   guint                        days,
                                                   GError                     **error);
/* Where the next page of an agenda starts (signet_store_list_agenda_page()):
 * zero-initialised, the start of the overdue part. Read only
 * signet_agenda_cursor_is_done(); the rest is the key of the last event
 * handed on. */
typedef struct
{
  guint   part;                     /* 0 overdue, 1 the coming days, 2 no more */
  char    date[11];
  int     rank;
  char   *number;
  gint64  row;
} SignetAgendaCursor;

void        signet_agenda_cursor_clear            (SignetAgendaCursor          *cursor);
gboolean    signet_agenda_cursor_is_done          (const SignetAgendaCursor    *cursor);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (SignetAgendaCursor, signet_agenda_cursor_clear)

/* The events a window reads at a time: a few screens of rows. */
#define SIGNET_AGENDA_PAGE_EVENTS 100

/* The agenda of signet_store_list_agenda() a page at a time: the next at
 * most @max_events events after @cursor, in the same order, moving
 * @cursor past them (to "done" after the last). A register of 100,000
 * contracts has some 400,000 events in 90 days; a window shows a
 * screenful and asks for more as it is scrolled. Every page is read
 * through the index in order and stops at its end, so it costs about
 * the same wherever it starts. Of SignetEvent. */
GPtrArray  *signet_store_list_agenda_page         (SignetStore                 *self,
                                                   const char                  *today,
                                                   guint                        days,
                                                   SignetAgendaCursor          *cursor,
                                                   guint                        max_events,
                                                   GError                     **error);
/* The dates a register written before the range of dates (signet-date.h)
 * may hold outside it, which no calendar, export or reminder takes: a
 * contract's start or end, a key date. Each a translated sentence naming
 * the contract, the date and why it is left out. */
GPtrArray  *signet_store_list_dates_out_of_range  (SignetStore                 *self,
                                                   GError                     **error);
/* The first and last event dates (newly allocated), or NULLs when there
 * are no events. */
gboolean    signet_store_get_events_span          (SignetStore                 *self,
                                                   char                       **first,
                                                   char                       **last,
                                                   GError                     **error);
/* When the contract last changed (its newest audit entry, key dates and
 * reviews included), as "YYYY-MM-DDTHH:MM:SS.sssZ" in UTC, by contract id
 * (gint64 * keys); for exports that must not change when nothing did. */
GHashTable *signet_store_list_contract_change_times (SignetStore               *self,
                                                   GError                     **error);

/* Key dates users add: a milestone, a payment due or another date, with a
 * title and a note. */
typedef struct
{
  gint64             id;            /* 0 until stored */
  char              *uuid;          /* NULL until stored (see signet-store-uuids.h) */
  gint64             contract_id;
  SignetKeyDateKind  kind;          /* MILESTONE, PAYMENT or OTHER */
  char              *date;          /* YYYY-MM-DD */
  char              *title;         /* required */
  char              *note;          /* nullable */
} SignetUserKeyDate;

SignetUserKeyDate *signet_user_key_date_new       (gint64                       contract_id,
                                                   SignetKeyDateKind            kind,
                                                   const char                  *date,
                                                   const char                  *title,
                                                   const char                  *note);
SignetUserKeyDate *signet_user_key_date_copy      (const SignetUserKeyDate     *key_date);
void               signet_user_key_date_free      (SignetUserKeyDate           *key_date);

/* Validation errors are SIGNET_FIELD_ERROR with the field as the code
 * (SIGNET_FIELD_KEY_DATE_*); a missing contract or key date is
 * SIGNET_STORE_ERROR_NOT_FOUND. add sets @key_date->id, and its uuid when
 * it has none (a key date restored or imported keeps its own). Each write is one
 * transaction with its audit entry on the contract, and emits "changed"
 * (contract, id, updated). */
gboolean           signet_store_add_key_date      (SignetStore                 *self,
                                                   SignetUserKeyDate           *key_date,
                                                   GError                     **error);
/* Changes the kind, date, title and note of the key date with
 * @key_date->id; it stays with its contract. */
gboolean           signet_store_update_key_date   (SignetStore                 *self,
                                                   const SignetUserKeyDate     *key_date,
                                                   GError                     **error);
gboolean           signet_store_delete_key_date   (SignetStore                 *self,
                                                   gint64                       id,
                                                   GError                     **error);
SignetUserKeyDate *signet_store_get_key_date      (SignetStore                 *self,
                                                   gint64                       id,
                                                   GError                     **error);
/* The key dates of @contract_id by date; of SignetUserKeyDate. */
GPtrArray         *signet_store_list_key_dates    (SignetStore                 *self,
                                                   gint64                       contract_id,
                                                   GError                     **error);

/* Periodic reviews: recording one moves the next review on (counted from
 * the latest recorded review). */
typedef struct
{
  gint64  id;
  char   *uuid;                     /* see signet-store-uuids.h */
  gint64  contract_id;
  char   *date;                     /* YYYY-MM-DD */
  char   *reviewer;
  char   *note;                     /* nullable */
  GPtrArray *clauses;               /* of SignetReviewClause: its type's checklist as confirmed; empty without one */
} SignetReview;

/* A clause of the contract type's review checklist, as a review found it. */
typedef struct
{
  char     *clause;
  gboolean  confirmed;
} SignetReviewClause;

SignetReviewClause *signet_review_clause_new      (const char                  *clause,
                                                   gboolean                     confirmed);
void               signet_review_clause_free      (SignetReviewClause          *clause);
void               signet_review_free             (SignetReview                *review);
/* @reviewer NULL or blank: the OS user. Sets *@id (nullable) to the new
 * record's id. */
gboolean           signet_store_record_review     (SignetStore                 *self,
                                                   gint64                       contract_id,
                                                   const char                  *date,
                                                   const char                  *reviewer,
                                                   const char                  *note,
                                                   gint64                      *id,
                                                   GError                     **error);
/* The same, keeping which clauses of the contract type's checklist the
 * review confirmed (@clauses of SignetReviewClause, nullable), in the
 * review's one write. */
gboolean           signet_store_record_review_with_checklist (SignetStore      *self,
                                                   gint64                       contract_id,
                                                   const char                  *date,
                                                   const char                  *reviewer,
                                                   const char                  *note,
                                                   GPtrArray                   *clauses,
                                                   gint64                      *id,
                                                   GError                     **error);
/* Newest first; of SignetReview. */
GPtrArray         *signet_store_list_reviews      (SignetStore                 *self,
                                                   gint64                       contract_id,
                                                   GError                     **error);

/* Reminder lead times of one contract; kinds left NULL follow the
 * Preferences. Never NULL on success. */
SignetReminderSettings *signet_store_get_reminder_settings (SignetStore                  *self,
                                                   gint64                       contract_id,
                                                   GError                     **error);
/* The lead times of every contract in force (by gint64 * id): its own, or
 * NULL when it follows the Preferences for every kind. The contracts that
 * are not in force are left out: no reminder is due for them. */
GHashTable             *signet_store_list_reminder_leads (SignetStore            *self,
                                                   GError                     **error);
/* @settings NULL (or all kinds NULL) goes back to the Preferences. */
gboolean           signet_store_set_reminder_settings (SignetStore             *self,
                                                   gint64                       contract_id,
                                                   const SignetReminderSettings *settings,
                                                   GError                     **error);

/* An acknowledged reminder: the event it was for and its lead time. */
typedef struct
{
  gint64             contract_id;
  SignetKeyDateKind  kind;
  char              *event_date;
  guint              lead_days;
  char              *acknowledged_at;  /* ISO 8601, UTC */
  char              *acknowledged_by;  /* the OS user */
} SignetReminderAck;

void               signet_reminder_ack_free       (SignetReminderAck           *ack);
/* Acknowledging again changes nothing and is not an error. */
gboolean           signet_store_acknowledge_reminder (SignetStore              *self,
                                                   gint64                       contract_id,
                                                   SignetKeyDateKind            kind,
                                                   const char                  *event_date,
                                                   guint                        lead_days,
                                                   GError                     **error);
/* Newest first; of SignetReminderAck. */
GPtrArray         *signet_store_list_reminder_acks (SignetStore                *self,
                                                   gint64                       contract_id,
                                                   GError                     **error);

/* For signet_reminders_due(): the end, notice deadline and review events
 * of contracts in force, the approval steps pending, the planned payments
 * not paid in full and the loans not returned, as of @today, dated up to @until (for contracts
 * with lead times of their own: up to the longest lead time allowed), each
 * with the contract's own lead times for its kind ("90 30 7"; NULL when it
 * follows the defaults) and the shortest lead time acknowledged for it (-1:
 * none). In no particular order. */
typedef struct
{
  SignetEvent *event;
  char        *leads;
  int          acknowledged_lead;
  char        *owner;               /* the contract's owner's name; NULL: none */
} SignetReminderCandidate;

void               signet_reminder_candidate_free (SignetReminderCandidate     *candidate);
GPtrArray         *signet_store_list_reminder_candidates (SignetStore          *self,
                                                   const char                  *today,
                                                   const char                  *until,
                                                   GError                     **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SignetEventDay, signet_event_day_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SignetUserKeyDate, signet_user_key_date_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SignetReview, signet_review_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SignetReminderAck, signet_reminder_ack_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SignetReminderCandidate, signet_reminder_candidate_free)

G_END_DECLS
