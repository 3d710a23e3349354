/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "signet-contract-query.h"
#include "signet-enums.h"
#include "signet-store.h"

G_BEGIN_DECLS

/* The overview of the register (概览): the figures of one day, the
 * store's today, each with the SignetContractQuery that selects exactly
 * the contracts it counts, so that every number opens the list filtered
 * to them. Computed once by signet_store_compute_overview() and then a
 * plain value: the overview view, printing and the Excel export read the
 * same figures. */

/* The counts of contracts beside the ones by status. */
typedef enum
{
  /* Not ended, the end date in force from today to 30 / 60 / 90 days on. */
  SIGNET_OVERVIEW_EXPIRING_30,
  SIGNET_OVERVIEW_EXPIRING_60,
  SIGNET_OVERVIEW_EXPIRING_90,
  /* In force (approved, signed, active), the last day to give notice in
   * today's calendar month. */
  SIGNET_OVERVIEW_NOTICE_THIS_MONTH,
  /* SIGNET_CONTRACT_FILTER_OVERDUE_REVIEWS and so on: contracts with at
   * least one such record. */
  SIGNET_OVERVIEW_OVERDUE_REVIEWS,
  SIGNET_OVERVIEW_OVERDUE_PAYMENTS,
  SIGNET_OVERVIEW_OVERDUE_OBLIGATIONS,
  SIGNET_OVERVIEW_OVERDUE_LOANS,
  SIGNET_OVERVIEW_PENDING_APPROVALS,
} SignetOverviewCount;

#define SIGNET_N_OVERVIEW_COUNTS (SIGNET_OVERVIEW_PENDING_APPROVALS + 1)

/* How many months signet_overview_get_month() goes back, this one
 * included. */
#define SIGNET_OVERVIEW_N_MONTHS 24

/* The value in force today of the active contracts of one currency, or of
 * one client in one currency. */
typedef struct
{
  char   *currency;           /* ISO 4217 */
  gint64  amount;             /* minor units of currency */
  guint   n_contracts;
  gint64  client_id;          /* 0 for a currency's total */
  char   *client_name;        /* NULL for a currency's total */
} SignetOverviewValue;

/* A total of values in several currencies in one, by the exchange rates a
 * user entered. */
typedef struct
{
  char   *base;               /* the currency of amount */
  gint64  amount;             /* minor units of base, rounded */
  guint   n_contracts;
  gint64  client_id;          /* 0 for the register's total */
  char   *client_name;
} SignetOverviewConverted;

/* One month of signet_overview_get_month(). */
typedef struct
{
  char  month[8];             /* YYYY-MM */
  guint n_signed;             /* contracts whose signing date is in it */
  guint n_ended;              /* contracts that ended in it (SIGNET_QUERY_DATE_ENDED) */
} SignetOverviewMonth;

#define SIGNET_TYPE_OVERVIEW (signet_overview_get_type ())
G_DECLARE_FINAL_TYPE (SignetOverview, signet_overview, SIGNET, OVERVIEW, GObject)

/* The figures as of signet_store_dup_today(), in few SQL passes (the
 * benchmark bench/signet-bench-overview). The top clients are the
 * @n_top_clients with the highest value, per currency and, when rates are
 * set, converted. */
SignetOverview      *signet_store_compute_overview          (SignetStore         *store,
                                                             guint                n_top_clients,
                                                             GError             **error);

/* The day the figures are of, YYYY-MM-DD. */
const char          *signet_overview_get_today              (SignetOverview      *self);
/* Every contract of the register. */
guint                signet_overview_get_n_contracts        (SignetOverview      *self);

/* Contracts by the status a user sees (signet_contract_get_shown_status()). */
guint                signet_overview_get_status_count       (SignetOverview      *self,
                                                             SignetContractStatus status);
SignetContractQuery *signet_overview_dup_status_query       (SignetOverview      *self,
                                                             SignetContractStatus status);

guint                signet_overview_get_count              (SignetOverview      *self,
                                                             SignetOverviewCount  count);
SignetContractQuery *signet_overview_dup_count_query        (SignetOverview      *self,
                                                             SignetOverviewCount  count);
/* What a count counts, translated: "Expiring in 30 days", "Overdue
 * payments"; the headings of printing and the workbook. */
const char          *signet_overview_count_get_label        (SignetOverviewCount  count);

/* The value in force of the active contracts per currency, the highest
 * first; never added across currencies. */
guint                signet_overview_get_n_values           (SignetOverview      *self);
const SignetOverviewValue *signet_overview_get_value        (SignetOverview      *self,
                                                             guint                i);
SignetContractQuery *signet_overview_dup_value_query        (SignetOverview      *self,
                                                             guint                i);

/* The clients with the highest value in force of active contracts, per
 * currency: the highest first, at most n_top_clients for each currency. */
guint                signet_overview_get_n_top_clients      (SignetOverview      *self);
const SignetOverviewValue *signet_overview_get_top_client   (SignetOverview      *self,
                                                             guint                i);
SignetContractQuery *signet_overview_dup_top_client_query   (SignetOverview      *self,
                                                             guint                i);

/* The total in one currency, when the exchange rates set convert every
 * currency of the active contracts into one (the base the most rates
 * have); else NULL. The rates it used are signet_overview_describe_rates(). */
const SignetOverviewConverted *signet_overview_get_converted_total (SignetOverview *self);
/* The top clients in that currency, when there is a converted total. */
guint                signet_overview_get_n_converted_clients (SignetOverview     *self);
const SignetOverviewConverted *signet_overview_get_converted_client (SignetOverview *self,
                                                                     guint           i);
SignetContractQuery *signet_overview_dup_converted_client_query (SignetOverview  *self,
                                                                 guint            i);
/* "1 USD = 7.10 CNY, 1 EUR = 7.80 CNY, set 2026-12-01": the rates the
 * converted figures used and the day the latest was set, or NULL. */
char                *signet_overview_describe_rates         (SignetOverview      *self);

/* The months from SIGNET_OVERVIEW_N_MONTHS - 1 months before today's to
 * today's (@i = SIGNET_OVERVIEW_N_MONTHS - 1), oldest first. */
const SignetOverviewMonth *signet_overview_get_month        (SignetOverview      *self,
                                                             guint                i);
SignetContractQuery *signet_overview_dup_signed_query       (SignetOverview      *self,
                                                             guint                i);
SignetContractQuery *signet_overview_dup_ended_query        (SignetOverview      *self,
                                                             guint                i);

G_END_DECLS
