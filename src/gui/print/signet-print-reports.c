/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "signet-print-reports"

#include "config.h"

#include <glib/gi18n.h>

#include "signet-date.h"
#include "signet-money.h"
#include "signet-overview.h"
#include "signet-print-reports.h"

/* How many clients the overview lists per currency. */
#define N_TOP_CLIENTS 10

static char *
format_count (guint n)
{
  return g_strdup_printf ("%u", n);
}

static void
add_count_row (SignetPrintDocument *document,
               const char          *label,
               guint                n)
{
  g_autofree char *text = format_count (n);
  const char *cells[] = { label, text };

  signet_print_document_add_row (document, cells);
}

static void
add_values (SignetPrintDocument *document,
            SignetOverview      *overview)
{
  const SignetOverviewConverted *converted = signet_overview_get_converted_total (overview);
  guint n_values = signet_overview_get_n_values (overview);

  signet_print_document_add_heading (document, _("Value in Force"));
  if (n_values == 0)
    {
      signet_print_document_add_paragraph (document, _("No active contract has a value."));
      return;
    }

  signet_print_document_begin_table (document);
  signet_print_document_add_column (document, _("Currency"), 1, FALSE);
  signet_print_document_add_column (document, _("Value"), 2, TRUE);
  signet_print_document_add_column (document, _("Contracts"), 1, TRUE);
  for (guint i = 0; i < n_values; i++)
    {
      const SignetOverviewValue *value = signet_overview_get_value (overview, i);
      g_autofree char *amount = signet_money_format (value->amount, value->currency);
      g_autofree char *n = format_count (value->n_contracts);
      const char *cells[] = { value->currency, amount, n };

      signet_print_document_add_row (document, cells);
    }

  if (converted != NULL)
    {
      g_autofree char *amount = signet_money_format (converted->amount, converted->base);
      g_autofree char *rates = signet_overview_describe_rates (overview);
      /* Translators: the total of every currency in one, "Total in CNY:
       * ¥12,345,678.00, by the rates 1 USD = 7.10 CNY, set 2026-12-01". */
      g_autofree char *text = g_strdup_printf (_("Total in %s: %s, by the rates %s"), converted->base, amount,
                                               rates != NULL ? rates : "");

      signet_print_document_add_paragraph (document, text);
    }
  else if (n_values > 1)
    signet_print_document_add_paragraph (document,
                                         _("Currencies are not added up: no exchange rates convert them all."));
}

static void
add_top_clients (SignetPrintDocument *document,
                 SignetOverview      *overview)
{
  guint n_converted = signet_overview_get_n_converted_clients (overview);
  guint n_clients = signet_overview_get_n_top_clients (overview);

  signet_print_document_add_heading (document, _("Top Clients by Value"));
  if (n_clients == 0)
    {
      signet_print_document_add_paragraph (document, _("No active contract has a value."));
      return;
    }

  signet_print_document_begin_table (document);
  signet_print_document_add_column (document, _("Client"), 3, FALSE);
  signet_print_document_add_column (document, _("Value"), 2, TRUE);
  signet_print_document_add_column (document, _("Contracts"), 1, TRUE);
  /* Converted, one ranking; otherwise one per currency. */
  if (n_converted > 0)
    for (guint i = 0; i < n_converted; i++)
      {
        const SignetOverviewConverted *client = signet_overview_get_converted_client (overview, i);
        g_autofree char *amount = signet_money_format (client->amount, client->base);
        g_autofree char *n = format_count (client->n_contracts);
        const char *cells[] = { client->client_name, amount, n };

        signet_print_document_add_row (document, cells);
      }
  else
    for (guint i = 0; i < n_clients; i++)
      {
        const SignetOverviewValue *client = signet_overview_get_top_client (overview, i);
        g_autofree char *amount = signet_money_format (client->amount, client->currency);
        g_autofree char *n = format_count (client->n_contracts);
        const char *cells[] = { client->client_name, amount, n };

        signet_print_document_add_row (document, cells);
      }
}

static void
add_months (SignetPrintDocument *document,
            SignetOverview      *overview)
{
  signet_print_document_add_heading (document, _("Signed and Ended per Month"));
  signet_print_document_begin_table (document);
  signet_print_document_add_column (document, _("Month"), 2, FALSE);
  signet_print_document_add_column (document, C_("contracts per month", "Signed"), 1, TRUE);
  signet_print_document_add_column (document, C_("contracts per month", "Ended"), 1, TRUE);
  for (guint i = 0; i < SIGNET_OVERVIEW_N_MONTHS; i++)
    {
      const SignetOverviewMonth *month = signet_overview_get_month (overview, i);
      g_autofree char *n_signed = format_count (month->n_signed);
      g_autofree char *n_ended = format_count (month->n_ended);
      const char *cells[] = { month->month, n_signed, n_ended };

      signet_print_document_add_row (document, cells);
    }
}

SignetPrintDocument *
signet_print_overview_new (SignetStore  *store,
                           GError      **error)
{
  g_autoptr(SignetOverview) overview = NULL;
  g_autoptr(SignetPrintDocument) document = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *date = NULL;
  guint n_contracts;

  g_return_val_if_fail (SIGNET_IS_STORE (store), NULL);

  overview = signet_store_compute_overview (store, N_TOP_CLIENTS, error);
  if (overview == NULL)
    return NULL;

  n_contracts = signet_overview_get_n_contracts (overview);
  date = signet_date_format_display (signet_overview_get_today (overview));
  /* Translators: under the title of the printed overview, "42 contracts on 07.12.2026". */
  subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u contract on %s", "%u contracts on %s", n_contracts),
                              n_contracts, date);
  document = signet_print_document_new_for_store (store, _("Overview"));
  signet_print_document_set_subtitle (document, subtitle);

  signet_print_document_add_heading (document, _("Contracts by Status"));
  signet_print_document_begin_table (document);
  signet_print_document_add_column (document, _("Status"), 3, FALSE);
  signet_print_document_add_column (document, _("Contracts"), 1, TRUE);
  for (guint status = 0; status < SIGNET_N_CONTRACT_STATUSES; status++)
    add_count_row (document, signet_contract_status_to_label (status),
                   signet_overview_get_status_count (overview, status));

  signet_print_document_add_heading (document, _("Needs Attention"));
  signet_print_document_begin_table (document);
  signet_print_document_add_column (document, _("What"), 3, FALSE);
  signet_print_document_add_column (document, _("Contracts"), 1, TRUE);
  for (guint count = 0; count < SIGNET_N_OVERVIEW_COUNTS; count++)
    add_count_row (document, signet_overview_count_get_label (count), signet_overview_get_count (overview, count));

  add_values (document, overview);
  add_top_clients (document, overview);
  add_months (document, overview);

  return g_steal_pointer (&document);
}

static void
add_scorecard (SignetPrintDocument *document,
               SignetScorecard     *scorecard)
{
  g_autofree char *heading = NULL;

  /* Translators: a ranked scorecard's heading, "1. 北京华信科技有限公司". */
  heading = g_strdup_printf (_("%u. %s"), signet_scorecard_get_rank (scorecard), signet_scorecard_get_name (scorecard));
  signet_print_document_add_heading (document, heading);
  for (guint figure = 0; figure < SIGNET_N_SCORECARD_FIGURES; figure++)
    {
      g_autofree char *value = signet_scorecard_format_figure (scorecard, figure);

      signet_print_document_add_field (document, signet_scorecard_figure_get_label (figure), value);
    }
}

SignetPrintDocument *
signet_print_scorecards_new (SignetStore             *store,
                             SignetScorecardSubject   subject,
                             const char              *from,
                             const char              *to,
                             GError                 **error)
{
  g_autoptr(GPtrArray) scorecards = NULL;
  g_autoptr(SignetPrintDocument) document = NULL;
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;
  g_autofree char *subtitle = NULL;

  g_return_val_if_fail (SIGNET_IS_STORE (store), NULL);
  g_return_val_if_fail (subject == SIGNET_SCORECARD_CLIENT || subject == SIGNET_SCORECARD_DEPARTMENT, NULL);
  g_return_val_if_fail (from != NULL && to != NULL, NULL);

  scorecards = signet_store_compute_scorecards (store, subject, from, to, error);
  if (scorecards == NULL)
    return NULL;

  first = signet_date_format_display (from);
  last = signet_date_format_display (to);
  /* Translators: the period of printed scorecards, "From 01.01.2026 to
   * 31.12.2026". */
  subtitle = g_strdup_printf (_("From %s to %s"), first, last);
  document = signet_print_document_new_for_store (store, subject == SIGNET_SCORECARD_CLIENT
                                                  ? _("Scorecards of Clients")
                                                  : _("Scorecards of Departments"));
  signet_print_document_set_subtitle (document, subtitle);

  if (scorecards->len == 0)
    signet_print_document_add_paragraph (document, subject == SIGNET_SCORECARD_CLIENT
                                                   ? _("No client has a contract in the register.")
                                                   : _("No contract in the register names a department."));
  for (guint i = 0; i < scorecards->len; i++)
    add_scorecard (document, g_ptr_array_index (scorecards, i));

  signet_print_document_add_heading (document, _("How the Figures Are Computed"));
  for (guint figure = 0; figure < SIGNET_N_SCORECARD_FIGURES; figure++)
    signet_print_document_add_field (document, signet_scorecard_figure_get_label (figure),
                                     signet_scorecard_figure_get_explanation (figure));

  return g_steal_pointer (&document);
}
