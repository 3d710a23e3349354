/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "signet-approval"

#include "config.h"

#include <glib/gi18n.h>

#include "signet-approval.h"
#include "signet-date.h"

SignetRouteStep *
signet_route_step_new (const char *name,
                       gint64      person_id,
                       const char *role,
                       guint       due_days)
{
  SignetRouteStep *step = g_new0 (SignetRouteStep, 1);

  step->name = g_strdup (name);
  step->person_id = person_id;
  step->role = person_id != 0 ? NULL : g_strdup (role);
  step->due_days = due_days;

  return step;
}

SignetRouteStep *
signet_route_step_copy (const SignetRouteStep *step)
{
  SignetRouteStep *copy;

  g_return_val_if_fail (step != NULL, NULL);

  copy = signet_route_step_new (step->name, step->person_id, step->role, step->due_days);
  copy->person_name = g_strdup (step->person_name);

  return copy;
}

void
signet_route_step_free (SignetRouteStep *step)
{
  if (step == NULL)
    return;

  g_free (step->person_name);
  g_free (step->role);
  g_free (step->name);
  g_free (step);
}

SignetApprovalRoute *
signet_approval_route_new (const char *name)
{
  SignetApprovalRoute *route = g_new0 (SignetApprovalRoute, 1);

  route->name = g_strdup (name);
  route->steps = g_ptr_array_new_with_free_func ((GDestroyNotify) signet_route_step_free);

  return route;
}

SignetApprovalRoute *
signet_approval_route_copy (const SignetApprovalRoute *route)
{
  SignetApprovalRoute *copy;

  g_return_val_if_fail (route != NULL, NULL);

  copy = signet_approval_route_new (route->name);
  copy->id = route->id;
  copy->uuid = g_strdup (route->uuid);
  copy->version = route->version;
  for (guint i = 0; i < route->steps->len; i++)
    signet_approval_route_add_step (copy, g_ptr_array_index (route->steps, i));

  return copy;
}

void
signet_approval_route_free (SignetApprovalRoute *route)
{
  if (route == NULL)
    return;

  g_free (route->uuid);
  g_free (route->name);
  g_ptr_array_unref (route->steps);
  g_free (route);
}

void
signet_approval_route_add_step (SignetApprovalRoute   *route,
                                const SignetRouteStep *step)
{
  g_return_if_fail (route != NULL);
  g_return_if_fail (step != NULL);

  g_ptr_array_add (route->steps, signet_route_step_copy (step));
}

SignetApprovalRule *
signet_approval_rule_new (const char *contract_type,
                          gint64      min_value,
                          const char *min_currency,
                          gint64      route_id)
{
  SignetApprovalRule *rule = g_new0 (SignetApprovalRule, 1);

  rule->contract_type = g_strdup (contract_type);
  rule->min_currency = g_strdup (min_currency);
  rule->min_value = min_currency != NULL ? min_value : 0;
  rule->route_id = route_id;

  return rule;
}

SignetApprovalRule *
signet_approval_rule_copy (const SignetApprovalRule *rule)
{
  SignetApprovalRule *copy;

  g_return_val_if_fail (rule != NULL, NULL);

  copy = signet_approval_rule_new (rule->contract_type, rule->min_value, rule->min_currency, rule->route_id);
  copy->id = rule->id;
  copy->uuid = g_strdup (rule->uuid);
  copy->position = rule->position;

  return copy;
}

void
signet_approval_rule_free (SignetApprovalRule *rule)
{
  if (rule == NULL)
    return;

  g_free (rule->uuid);
  g_free (rule->contract_type);
  g_free (rule->min_currency);
  g_free (rule);
}

static const struct
{
  const char *token;
  const char *label;
} step_states[SIGNET_N_STEP_STATES] = {
  /* Translators: an approval step that waits for the steps before it. */
  [SIGNET_STEP_WAITING] = { "waiting", NC_("approval step", "Waiting") },
  /* Translators: an approval step waiting for its approver's decision. */
  [SIGNET_STEP_PENDING] = { "pending", NC_("approval step", "Pending") },
  [SIGNET_STEP_APPROVED] = { "approved", NC_("approval step", "Approved") },
  [SIGNET_STEP_RETURNED] = { "returned", NC_("approval step", "Returned") },
  [SIGNET_STEP_REJECTED] = { "rejected", NC_("approval step", "Rejected") },
  /* Translators: an approval step never asked, its round having ended before it. */
  [SIGNET_STEP_SKIPPED] = { "skipped", NC_("approval step", "Not Asked") },
};

const char *
signet_step_state_to_token (SignetStepState state)
{
  g_return_val_if_fail (state < SIGNET_N_STEP_STATES, NULL);

  return step_states[state].token;
}

gboolean
signet_step_state_from_token (const char      *token,
                              SignetStepState *state)
{
  for (guint i = 0; token != NULL && i < SIGNET_N_STEP_STATES; i++)
    if (g_str_equal (token, step_states[i].token))
      {
        *state = i;
        return TRUE;
      }

  return FALSE;
}

const char *
signet_step_state_to_label (SignetStepState state)
{
  g_return_val_if_fail (state < SIGNET_N_STEP_STATES, NULL);

  return g_dpgettext2 (GETTEXT_PACKAGE, "approval step", step_states[state].label);
}

SignetApprovalStep *
signet_approval_step_copy (const SignetApprovalStep *step)
{
  SignetApprovalStep *copy;

  g_return_val_if_fail (step != NULL, NULL);

  copy = g_memdup2 (step, sizeof *step);
  copy->name = g_strdup (step->name);
  copy->person_name = g_strdup (step->person_name);
  copy->role = g_strdup (step->role);
  copy->due_date = g_strdup (step->due_date);
  copy->decided_by = g_strdup (step->decided_by);
  copy->recorded_by = g_strdup (step->recorded_by);
  copy->decided_at = g_strdup (step->decided_at);
  copy->opinion = g_strdup (step->opinion);

  return copy;
}

void
signet_approval_step_free (SignetApprovalStep *step)
{
  if (step == NULL)
    return;

  g_free (step->name);
  g_free (step->person_name);
  g_free (step->role);
  g_free (step->due_date);
  g_free (step->decided_by);
  g_free (step->recorded_by);
  g_free (step->decided_at);
  g_free (step->opinion);
  g_free (step);
}

gboolean
signet_approval_step_is_on_behalf (const SignetApprovalStep *step)
{
  g_return_val_if_fail (step != NULL, FALSE);

  /* A decision the OS user took themselves names them as the approver by
   * the same login it records them by (signet-store-approvals.c). */
  return step->decided_by != NULL && step->recorded_by != NULL &&
         g_strcmp0 (step->decided_by, step->recorded_by) != 0;
}

char *
signet_add_working_days (const char *from,
                         guint       days)
{
  GDate date;

  if (!signet_date_parse (from, &date))
    return NULL;

  /* Day by day: a due period is a few days, and the longest allowed is a
   * year, far below anything that would need arithmetic. */
  for (guint counted = 0; counted < days;)
    {
      GDateWeekday weekday;

      if (!signet_date_add_days (&date, 1) || !signet_date_in_range (&date))
        return NULL;

      weekday = g_date_get_weekday (&date);
      if (weekday != G_DATE_SATURDAY && weekday != G_DATE_SUNDAY)
        counted++;
    }

  return signet_date_to_iso (&date);
}

static gboolean
rule_matches (const SignetApprovalRule *rule,
              const char               *type_name,
              gint64                    value,
              const char               *currency)
{
  gboolean has_value = value > 0 && currency != NULL && *currency != '\0';

  if (rule->contract_type != NULL && g_strcmp0 (rule->contract_type, type_name) != 0)
    return FALSE;

  if (rule->min_currency == NULL)
    return TRUE;

  return has_value && g_ascii_strcasecmp (rule->min_currency, currency) == 0 && value >= rule->min_value;
}

/* Whether @a is more specific than @b: a higher minimum, then a type of
 * its own. Equal ones keep their order. */
static gboolean
more_specific (const SignetApprovalRule *a,
               const SignetApprovalRule *b)
{
  gint64 min_a = a->min_currency != NULL ? a->min_value : 0;
  gint64 min_b = b->min_currency != NULL ? b->min_value : 0;

  if (min_a != min_b)
    return min_a > min_b;

  return a->contract_type != NULL && b->contract_type == NULL;
}

const SignetApprovalRule *
signet_approval_rules_select (GPtrArray  *rules,
                              const char *type_name,
                              gint64      value,
                              const char *currency)
{
  const SignetApprovalRule *best = NULL;
  g_autofree char *type = NULL;

  g_return_val_if_fail (rules != NULL, NULL);

  type = type_name != NULL ? g_strstrip (g_strdup (type_name)) : NULL;
  if (type != NULL && *type == '\0')
    g_clear_pointer (&type, g_free);

  for (guint i = 0; i < rules->len; i++)
    {
      const SignetApprovalRule *rule = g_ptr_array_index (rules, i);

      if (rule_matches (rule, type, value, currency) && (best == NULL || more_specific (rule, best)))
        best = rule;
    }

  return best;
}
