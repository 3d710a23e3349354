/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "signet-contract-query.h"
#include "signet-obligation.h"
#include "signet-payment.h"
#include "signet-store.h"

G_BEGIN_DECLS

/* Performance scorecards (绩效评价, article section 九): how a client, a
 * department or one contract did over a period, from the records of the
 * register. Computed once by signet_store_compute_*scorecard*() and then
 * a plain value, so that the Scorecards page, printing and the Excel
 * export read the same figures. Each figure has a sentence saying how it
 * is computed (signet_scorecard_figure_get_explanation()), and where it
 * counts contracts, the SignetContractQuery that selects exactly them. */

/* What a scorecard is of. */
typedef enum
{
  SIGNET_SCORECARD_CLIENT,
  SIGNET_SCORECARD_DEPARTMENT,
  SIGNET_SCORECARD_CONTRACT,
} SignetScorecardSubject;

/* The figures, in the order a scorecard shows them. */
typedef enum
{
  /* Contracts whose signing date falls in the period, with their value
   * in force today per currency (never added across currencies). */
  SIGNET_SCORECARD_CONTRACTS,
  SIGNET_SCORECARD_VALUE,
  /* Planned payments receivable (the other party pays us) with an amount
   * and due in the period: SignetScorecardPayments, its rate on time and
   * its average days late. */
  SIGNET_SCORECARD_PAYMENTS_RECEIVED,
  SIGNET_SCORECARD_DAYS_LATE_RECEIVED,
  /* The same for payables (we pay). */
  SIGNET_SCORECARD_PAYMENTS_MADE,
  SIGNET_SCORECARD_DAYS_LATE_MADE,
  /* Occurrences of obligations (both parties') due in the period:
   * SignetScorecardObligations. */
  SIGNET_SCORECARD_OBLIGATIONS,
  /* Risks open today, whatever the period (the register keeps a risk's
   * status, not its history). */
  SIGNET_SCORECARD_OPEN_RISKS,
  /* Follow-up actions of reviews not done today, whatever the period. */
  SIGNET_SCORECARD_OPEN_FINDINGS,
  /* Contracts renewed (a successor added, status Renewed) whose end date
   * in force falls in the period. */
  SIGNET_SCORECARD_RENEWALS,
  /* Tacit renewals of auto-renewing contracts: terms whose end passed in
   * the period and that renewed by themselves. */
  SIGNET_SCORECARD_TACIT_RENEWALS,
  /* Contracts terminated whose termination took effect in the period. */
  SIGNET_SCORECARD_TERMINATIONS,
} SignetScorecardFigure;

#define SIGNET_N_SCORECARD_FIGURES (SIGNET_SCORECARD_TERMINATIONS + 1)

/* The periods the page offers; CUSTOM is any from/to. */
typedef enum
{
  SIGNET_SCORECARD_PERIOD_THIS_YEAR,       /* 1 January of today's year to 31 December */
  SIGNET_SCORECARD_PERIOD_LAST_YEAR,       /* the calendar year before */
  SIGNET_SCORECARD_PERIOD_LAST_12_MONTHS,  /* today less 12 months plus one day, to today */
  SIGNET_SCORECARD_PERIOD_CUSTOM,
} SignetScorecardPeriod;

/* The value in force today of the contracts a scorecard counts, in one
 * currency. */
typedef struct
{
  char    currency[4];        /* ISO 4217 */
  gint64  amount;             /* minor units of currency */
  guint   n_contracts;
} SignetScorecardValue;

/* Planned payments of one direction due in the period (from and to
 * included) that have an amount. Each is exactly one of:
 * - on time: paid in full by its due date (the day of the payment that
 *   brought the sum paid to the amount is on or before it);
 * - late: paid in full after its due date;
 * - overdue: not paid in full and due before today;
 * - not yet due: not paid in full and due today or later (left out of
 *   the rate: it can still be paid on time).
 * Planned payments without an amount are counted in n_no_amount only. */
typedef struct
{
  guint   n_on_time;
  guint   n_late;
  guint   n_overdue;
  guint   n_not_yet_due;
  guint   n_no_amount;
  /* Days from the due date to the day paid in full, summed over the
   * late ones, and to today, summed over the overdue ones. */
  gint64  days_late_paid;
  gint64  days_overdue;
} SignetScorecardPayments;

/* Obligation occurrences due in the period (from and to included), up to
 * the obligation's last day (its until date, else its contract's end in
 * force, cut short by a termination). Each is exactly one of: done on
 * time (done on or before its due date), done late, open and overdue
 * (due before today), open and not yet due, waived; the last two are
 * left out of the rate. */
typedef struct
{
  guint   n_on_time;
  guint   n_late;
  guint   n_overdue;
  guint   n_not_yet_due;
  guint   n_waived;
} SignetScorecardObligations;

/* The share on time of the payments that were due: n_on_time / (n_on_time
 * + n_late + n_overdue), from 0 to 1; -1 when none was due. */
double   signet_scorecard_payments_get_rate          (const SignetScorecardPayments    *payments);
/* The average days late of the late and the overdue ones together
 * ((days_late_paid + days_overdue) / (n_late + n_overdue)); -1 when
 * none was late. */
double   signet_scorecard_payments_get_average_days_late (const SignetScorecardPayments *payments);
/* n_on_time / (n_on_time + n_late + n_overdue); -1 when none was due. */
double   signet_scorecard_obligations_get_rate       (const SignetScorecardObligations *obligations);

#define SIGNET_TYPE_SCORECARD (signet_scorecard_get_type ())
G_DECLARE_FINAL_TYPE (SignetScorecard, signet_scorecard, SIGNET, SCORECARD, GObject)

/* The scorecard of the client @client_id, of the department @department
 * (contracts.department as typed) or of the contract @contract_id over
 * @from to @to (YYYY-MM-DD, both included), as of the store's day
 * (signet_store_dup_today()). An unknown client or contract is
 * SIGNET_STORE_ERROR_NOT_FOUND. */
SignetScorecard     *signet_store_compute_client_scorecard     (SignetStore            *store,
                                                                gint64                  client_id,
                                                                const char             *from,
                                                                const char             *to,
                                                                GError                **error);
SignetScorecard     *signet_store_compute_department_scorecard (SignetStore            *store,
                                                                const char             *department,
                                                                const char             *from,
                                                                const char             *to,
                                                                GError                **error);
SignetScorecard     *signet_store_compute_contract_scorecard   (SignetStore            *store,
                                                                gint64                  contract_id,
                                                                const char             *from,
                                                                const char             *to,
                                                                GError                **error);
/* The scorecards of every client that has a contract, or of every
 * department named by a contract (@subject CLIENT or DEPARTMENT), in a
 * few passes over the register, ranked: the highest share of payments on
 * time first (both directions together), then the highest share of
 * obligations on time, then the most contracts, then by name; those with
 * nothing due after those with something. Of SignetScorecard *, their
 * rank set from 1. */
GPtrArray           *signet_store_compute_scorecards           (SignetStore            *store,
                                                                SignetScorecardSubject  subject,
                                                                const char             *from,
                                                                const char             *to,
                                                                GError                **error);
/* The same in a thread, on a read-only connection of its own to the
 * register and the store's day: @subject CLIENT or DEPARTMENT gives the
 * ranked scorecards of every one, CONTRACT the one of @contract_id. The
 * result is a GPtrArray of SignetScorecard * (one for a contract), as
 * signet_store_compute_scorecards() gives. */
void                 signet_store_compute_scorecards_async     (SignetStore            *store,
                                                                SignetScorecardSubject  subject,
                                                                gint64                  contract_id,
                                                                const char             *from,
                                                                const char             *to,
                                                                GCancellable           *cancellable,
                                                                GAsyncReadyCallback     callback,
                                                                gpointer                user_data);
GPtrArray           *signet_store_compute_scorecards_finish    (SignetStore            *store,
                                                                GAsyncResult           *result,
                                                                GError                **error);

SignetScorecardSubject signet_scorecard_get_subject            (SignetScorecard        *self);
/* The client's or the contract's id; 0 for a department. */
gint64               signet_scorecard_get_subject_id           (SignetScorecard        *self);
/* The client's name, the department, or the contract's number. */
const char          *signet_scorecard_get_name                 (SignetScorecard        *self);
/* The period and the day the figures are of, YYYY-MM-DD. */
const char          *signet_scorecard_get_from                 (SignetScorecard        *self);
const char          *signet_scorecard_get_to                   (SignetScorecard        *self);
const char          *signet_scorecard_get_today                (SignetScorecard        *self);
/* The place in signet_store_compute_scorecards()'s ranking, from 1; 0 for
 * a scorecard computed alone. */
guint                signet_scorecard_get_rank                 (SignetScorecard        *self);

/* How many the figure counts: contracts (CONTRACTS, VALUE, RENEWALS,
 * TERMINATIONS), tacit renewals, open risks, open follow-up actions, for
 * the payments and obligations those counted in the rate (on time, late,
 * overdue), and for the days late the late and overdue payments. */
guint                signet_scorecard_get_count                (SignetScorecard        *self,
                                                                SignetScorecardFigure   figure);
/* How many contracts those are on: the same as the count for the figures
 * that count contracts; the contracts with at least one for the others. */
guint                signet_scorecard_get_n_contracts          (SignetScorecard        *self,
                                                                SignetScorecardFigure   figure);
/* The contracts the figure counts (for CONTRACTS, VALUE, RENEWALS,
 * TERMINATIONS and OPEN_FINDINGS of a client or a department), so that its number
 * opens the list filtered to exactly them; NULL when no query can say
 * which (the payments, obligations, risks and tacit renewals, and every
 * figure of one contract's scorecard, which is that contract). */
SignetContractQuery *signet_scorecard_dup_query                (SignetScorecard        *self,
                                                                SignetScorecardFigure   figure);

/* The value of the contracts counted by SIGNET_SCORECARD_VALUE, per
 * currency, the largest count first, then by code. */
guint                signet_scorecard_get_n_values             (SignetScorecard        *self);
const SignetScorecardValue *signet_scorecard_get_value         (SignetScorecard        *self,
                                                                guint                   i);

const SignetScorecardPayments    *signet_scorecard_get_payments    (SignetScorecard        *self,
                                                                    SignetPaymentDirection  direction);
/* Both parties' obligations together, or one party's. */
const SignetScorecardObligations *signet_scorecard_get_obligations (SignetScorecard        *self);
const SignetScorecardObligations *signet_scorecard_get_party_obligations (SignetScorecard       *self,
                                                                          SignetObligationParty  party);

/* The figure as a user reads it in a table cell, in the calling thread's
 * locale: "12", "87 %" with "—" when nothing was due, "¥1,200,000.00" per
 * currency one per line, "4.5" days. */
char                *signet_scorecard_format_figure            (SignetScorecard        *self,
                                                                SignetScorecardFigure   figure);

/* Translated: the figure's column heading ("On-time payments received")
 * and the sentence saying how it is computed. */
const char          *signet_scorecard_figure_get_label         (SignetScorecardFigure   figure);
const char          *signet_scorecard_figure_get_explanation   (SignetScorecardFigure   figure);

/* The first and last day of @period as of @today (YYYY-MM-DD); FALSE for
 * CUSTOM, which has none of its own. Newly allocated. */
gboolean             signet_scorecard_period_get_range         (SignetScorecardPeriod   period,
                                                                const char             *today,
                                                                char                  **from,
                                                                char                  **to);
/* Translated: "This Year", "Last Year", "Last 12 Months", "Custom Range". */
const char          *signet_scorecard_period_get_label         (SignetScorecardPeriod   period);

/* A share from 0 to 1 as the locale writes a percentage, with no decimal
 * ("87%", "87 %" in de_DE and fr_FR); "—" for a negative share. */
char                *signet_format_percent                     (double                  share);
/* Days with one decimal, in the locale's digits ("4.5", "4,5"); "—" for
 * a negative number. */
char                *signet_format_days                        (double                  days);

G_END_DECLS
