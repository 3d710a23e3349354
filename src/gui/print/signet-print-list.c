/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "signet-print-list"

#include "config.h"

#include <glib/gi18n.h>

#include "signet-contract-process.h"
#include "signet-date.h"
#include "signet-money.h"
#include "signet-print-list.h"
#include "signet-store-events.h"

static char *
describe_list (SignetContractList *list,
               const char         *narrowed_to,
               guint               n_contracts)
{
  const char *search = signet_contract_list_get_search (list);
  char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u contract", "%u contracts", n_contracts),
                                n_contracts);

  if (narrowed_to == NULL && !signet_contract_query_is_empty (signet_contract_list_get_query (list)))
    narrowed_to = _("Filtered");
  if (narrowed_to != NULL)
    {
      g_autofree char *count = text;

      /* Translators: under the title of a printed list, "12 contracts ·
       * Expiring in 30 days". */
      text = g_strdup_printf (_("%s · %s"), count, narrowed_to);
    }
  if (search != NULL && *search != '\0')
    {
      g_autofree char *before = text;

      /* Translators: under the title of a printed list, "12 contracts ·
       * Search: “华信”". */
      text = g_strdup_printf (_("%s · Search: “%s”"), before, search);
    }

  return text;
}

SignetPrintDocument *
signet_print_list_new (SignetContractList *list,
                       const char         *narrowed_to)
{
  SignetStore *store;
  g_autoptr(SignetPrintDocument) document = NULL;
  g_autofree char *today = NULL;
  g_autofree char *description = NULL;
  guint n_contracts;

  g_return_val_if_fail (SIGNET_IS_CONTRACT_LIST (list), NULL);

  store = signet_contract_list_get_store (list);
  today = signet_store_dup_today (store);
  n_contracts = g_list_model_get_n_items (G_LIST_MODEL (list));
  description = describe_list (list, narrowed_to, n_contracts);

  document = signet_print_document_new_for_store (store, _("Contracts"));
  signet_print_document_set_subtitle (document, description);

  signet_print_document_begin_table (document);
  signet_print_document_add_column (document, _("Number"), 1.5, FALSE);
  signet_print_document_add_column (document, _("Title"), 3, FALSE);
  signet_print_document_add_column (document, _("Client"), 2.2, FALSE);
  signet_print_document_add_column (document, _("Status"), 1, FALSE);
  signet_print_document_add_column (document, _("End Date"), 1.3, FALSE);
  signet_print_document_add_column (document, _("Value"), 1.8, TRUE);

  for (guint i = 0; i < n_contracts; i++)
    {
      g_autoptr(SignetContract) contract = g_list_model_get_item (G_LIST_MODEL (list), i);
      g_autofree char *end_date = NULL;
      g_autofree char *value = NULL;
      const char *status;

      if (contract == NULL)
        continue;

      end_date = signet_date_format_display (signet_contract_get_end_date (contract));
      value = signet_money_format (signet_contract_get_value (contract), signet_contract_get_currency (contract));
      status = signet_contract_status_to_label (signet_contract_get_shown_status (contract, today));
      {
        const char *cells[] = { signet_contract_get_number (contract), signet_contract_get_title (contract),
                                signet_contract_get_client_name (contract), status, end_date, value };

        signet_print_document_add_row (document, cells);
      }
    }

  return g_steal_pointer (&document);
}
