/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "signet-approval-text"

#include "config.h"

#include <glib/gi18n.h>

#include "signet-approval-text.h"
#include "signet-money.h"

char *
signet_approval_route_describe_steps (const SignetApprovalRoute *route)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new ();

  g_return_val_if_fail (route != NULL, NULL);

  for (guint i = 0; i < route->steps->len; i++)
    g_ptr_array_add (names, ((SignetRouteStep *) g_ptr_array_index (route->steps, i))->name);
  g_ptr_array_add (names, NULL);

  return g_strjoinv (" → ", (char **) names->pdata);
}

char *
signet_approval_rule_describe (const SignetApprovalRule *rule)
{
  g_autofree char *minimum = NULL;

  g_return_val_if_fail (rule != NULL, NULL);

  if (rule->min_currency == NULL)
    return g_strdup (rule->contract_type != NULL ? rule->contract_type : _("Any type"));

  minimum = signet_money_format (rule->min_value, rule->min_currency);
  if (rule->contract_type == NULL)
    /* Translators: the contracts an approval rule is for: of any type,
     * from a value of %s on ("¥1,000,000.00"). */
    return g_strdup_printf (_("Any type, from %s"), minimum);

  /* Translators: the contracts an approval rule is for: of the type %1$s,
   * from a value of %2$s on: "采购合同, from ¥1,000,000.00". */
  return g_strdup_printf (_("%1$s, from %2$s"), rule->contract_type, minimum);
}
