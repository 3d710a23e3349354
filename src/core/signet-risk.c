/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "signet-risk"

#include "config.h"

#include <glib/gi18n.h>

#include "signet-risk.h"

SignetRisk *
signet_risk_new (gint64 contract_id)
{
  SignetRisk *risk = g_new0 (SignetRisk, 1);

  risk->contract_id = contract_id;
  risk->category = SIGNET_RISK_CATEGORY_OTHER;
  risk->likelihood = SIGNET_RISK_RATING_MIN;
  risk->impact = SIGNET_RISK_RATING_MIN;
  risk->status = SIGNET_RISK_STATUS_OPEN;

  return risk;
}

SignetRisk *
signet_risk_copy (const SignetRisk *risk)
{
  SignetRisk *copy;

  g_return_val_if_fail (risk != NULL, NULL);

  copy = g_memdup2 (risk, sizeof *risk);
  copy->uuid = g_strdup (risk->uuid);
  copy->description = g_strdup (risk->description);
  copy->mitigation = g_strdup (risk->mitigation);
  copy->owner_name = g_strdup (risk->owner_name);
  copy->next_review = g_strdup (risk->next_review);

  return copy;
}

void
signet_risk_free (SignetRisk *risk)
{
  if (risk == NULL)
    return;

  g_free (risk->uuid);
  g_free (risk->description);
  g_free (risk->mitigation);
  g_free (risk->owner_name);
  g_free (risk->next_review);
  g_free (risk);
}

guint
signet_risk_get_score (const SignetRisk *risk)
{
  g_return_val_if_fail (risk != NULL, 0);

  return risk->likelihood * risk->impact;
}

static const struct
{
  const char *token;
  const char *label;
} categories[SIGNET_N_RISK_CATEGORIES] = {
  [SIGNET_RISK_CATEGORY_LEGAL] = { "legal", NC_("risk category", "Legal") },
  [SIGNET_RISK_CATEGORY_PERFORMANCE] = { "performance", NC_("risk category", "Performance") },
  [SIGNET_RISK_CATEGORY_FINANCIAL] = { "financial", NC_("risk category", "Financial") },
  [SIGNET_RISK_CATEGORY_OTHER] = { "other", NC_("risk category", "Other") },
};

static const struct
{
  const char *token;
  const char *label;
} statuses[SIGNET_N_RISK_STATUSES] = {
  [SIGNET_RISK_STATUS_OPEN] = { "open", NC_("risk status", "Open") },
  [SIGNET_RISK_STATUS_MITIGATED] = { "mitigated", NC_("risk status", "Mitigated") },
  [SIGNET_RISK_STATUS_CLOSED] = { "closed", NC_("risk status", "Closed") },
};

const char *
signet_risk_category_to_token (SignetRiskCategory category)
{
  g_return_val_if_fail (category < SIGNET_N_RISK_CATEGORIES, NULL);

  return categories[category].token;
}

gboolean
signet_risk_category_from_token (const char         *token,
                                 SignetRiskCategory *category)
{
  for (guint i = 0; token != NULL && i < SIGNET_N_RISK_CATEGORIES; i++)
    if (g_str_equal (token, categories[i].token))
      {
        *category = i;
        return TRUE;
      }

  return FALSE;
}

const char *
signet_risk_category_to_label (SignetRiskCategory category)
{
  g_return_val_if_fail (category < SIGNET_N_RISK_CATEGORIES, NULL);

  return g_dpgettext2 (GETTEXT_PACKAGE, "risk category", categories[category].label);
}

const char *
signet_risk_status_to_token (SignetRiskStatus status)
{
  g_return_val_if_fail (status < SIGNET_N_RISK_STATUSES, NULL);

  return statuses[status].token;
}

gboolean
signet_risk_status_from_token (const char       *token,
                               SignetRiskStatus *status)
{
  for (guint i = 0; token != NULL && i < SIGNET_N_RISK_STATUSES; i++)
    if (g_str_equal (token, statuses[i].token))
      {
        *status = i;
        return TRUE;
      }

  return FALSE;
}

const char *
signet_risk_status_to_label (SignetRiskStatus status)
{
  g_return_val_if_fail (status < SIGNET_N_RISK_STATUSES, NULL);

  return g_dpgettext2 (GETTEXT_PACKAGE, "risk status", statuses[status].label);
}

SignetRiskLevel
signet_risk_level_for_score (guint score)
{
  if (score >= SIGNET_RISK_HIGH_FROM)
    return SIGNET_RISK_LEVEL_HIGH;
  if (score >= SIGNET_RISK_MEDIUM_FROM)
    return SIGNET_RISK_LEVEL_MEDIUM;
  return SIGNET_RISK_LEVEL_LOW;
}

gboolean
signet_risks_suggest_level (GPtrArray         *risks,
                            SignetRiskLevel   *level,
                            const SignetRisk **highest)
{
  const SignetRisk *top = NULL;

  g_return_val_if_fail (risks != NULL, FALSE);

  for (guint i = 0; i < risks->len; i++)
    {
      const SignetRisk *risk = g_ptr_array_index (risks, i);

      if (risk->status != SIGNET_RISK_STATUS_OPEN)
        continue;
      if (top == NULL || signet_risk_get_score (risk) > signet_risk_get_score (top))
        top = risk;
    }

  if (highest != NULL)
    *highest = top;
  if (top == NULL)
    return FALSE;

  if (level != NULL)
    *level = signet_risk_level_for_score (signet_risk_get_score (top));

  return TRUE;
}

char *
signet_risk_describe_suggestion (SignetRiskLevel   level,
                                 const SignetRisk *highest)
{
  g_autofree char *band = NULL;

  g_return_val_if_fail (highest != NULL, NULL);

  /* The rule of the band the score fell in, so that the user can tell how
   * far it is from the next. */
  if (level == SIGNET_RISK_LEVEL_HIGH)
    /* Translators: the rule behind a suggested risk level; %u is 15. */
    band = g_strdup_printf (_("%u or more is high"), SIGNET_RISK_HIGH_FROM);
  else if (level == SIGNET_RISK_LEVEL_MEDIUM)
    /* Translators: the rule behind a suggested risk level: 8 to 14. */
    band = g_strdup_printf (_("%u to %u is medium"), SIGNET_RISK_MEDIUM_FROM, SIGNET_RISK_HIGH_FROM - 1);
  else
    /* Translators: the rule behind a suggested risk level; %u is 7. */
    band = g_strdup_printf (_("%u or less is low"), SIGNET_RISK_MEDIUM_FROM - 1);

  /* Translators: "Suggested: High — highest open score 16 (4 × 4); 15 or
   * more is high": the level, the score, likelihood × impact, the rule. */
  return g_strdup_printf (_("Suggested: %s — highest open score %u (%u × %u); %s"),
                          signet_risk_level_to_label (level), signet_risk_get_score (highest),
                          highest->likelihood, highest->impact, band);
}

SignetRiskLevelChoice *
signet_risk_level_choice_new (gint64 contract_id)
{
  SignetRiskLevelChoice *choice = g_new0 (SignetRiskLevelChoice, 1);

  choice->contract_id = contract_id;

  return choice;
}

SignetRiskLevelChoice *
signet_risk_level_choice_copy (const SignetRiskLevelChoice *choice)
{
  SignetRiskLevelChoice *copy;

  g_return_val_if_fail (choice != NULL, NULL);

  copy = g_memdup2 (choice, sizeof *choice);
  copy->reason = g_strdup (choice->reason);
  copy->chosen_at = g_strdup (choice->chosen_at);
  copy->chosen_by = g_strdup (choice->chosen_by);

  return copy;
}

void
signet_risk_level_choice_free (SignetRiskLevelChoice *choice)
{
  if (choice == NULL)
    return;

  g_free (choice->reason);
  g_free (choice->chosen_at);
  g_free (choice->chosen_by);
  g_free (choice);
}

gboolean
signet_risk_level_needs_notice (SignetRiskLevel              level,
                                gboolean                     has_suggestion,
                                SignetRiskLevel              suggested,
                                const SignetRiskLevelChoice *choice)
{
  if (!has_suggestion || suggested == level)
    return FALSE;

  return choice == NULL || choice->level != level || choice->suggested != suggested;
}
