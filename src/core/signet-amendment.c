/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "signet-amendment"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "signet-amendment.h"

SignetAmendment *
signet_amendment_new (gint64 contract_id)
{
  SignetAmendment *amendment = g_new0 (SignetAmendment, 1);

  amendment->contract_id = contract_id;

  return amendment;
}

SignetAmendment *
signet_amendment_copy (const SignetAmendment *amendment)
{
  SignetAmendment *copy;

  g_return_val_if_fail (amendment != NULL, NULL);

  copy = g_memdup2 (amendment, sizeof *amendment);
  copy->uuid = g_strdup (amendment->uuid);
  copy->number = g_strdup (amendment->number);
  copy->signing_date = g_strdup (amendment->signing_date);
  copy->effective_date = g_strdup (amendment->effective_date);
  copy->reason = g_strdup (amendment->reason);
  copy->currency = g_strdup (amendment->currency);
  copy->end_date = g_strdup (amendment->end_date);
  copy->title = g_strdup (amendment->title);
  copy->other_terms = g_strdup (amendment->other_terms);

  return copy;
}

void
signet_amendment_free (SignetAmendment *amendment)
{
  if (amendment == NULL)
    return;

  g_free (amendment->uuid);
  g_free (amendment->number);
  g_free (amendment->signing_date);
  g_free (amendment->effective_date);
  g_free (amendment->reason);
  g_free (amendment->currency);
  g_free (amendment->end_date);
  g_free (amendment->title);
  g_free (amendment->other_terms);
  g_free (amendment);
}

static const struct
{
  const char *token;
  const char *label;
} amendment_states[SIGNET_N_AMENDMENT_STATES] = {
  [SIGNET_AMENDMENT_APPROVED] = { "approved", NC_("amendment", "Approved") },
  [SIGNET_AMENDMENT_IN_REVIEW] = { "in-review", NC_("amendment", "In Review") },
  [SIGNET_AMENDMENT_RETURNED] = { "returned", NC_("amendment", "Returned") },
  [SIGNET_AMENDMENT_REJECTED] = { "rejected", NC_("amendment", "Rejected") },
};

const char *
signet_amendment_state_to_token (SignetAmendmentState state)
{
  g_return_val_if_fail (state < SIGNET_N_AMENDMENT_STATES, NULL);

  return amendment_states[state].token;
}

gboolean
signet_amendment_state_from_token (const char           *token,
                                   SignetAmendmentState *state)
{
  for (guint i = 0; token != NULL && i < SIGNET_N_AMENDMENT_STATES; i++)
    if (g_str_equal (token, amendment_states[i].token))
      {
        *state = i;
        return TRUE;
      }

  return FALSE;
}

const char *
signet_amendment_state_to_label (SignetAmendmentState state)
{
  g_return_val_if_fail (state < SIGNET_N_AMENDMENT_STATES, NULL);

  return g_dpgettext2 (GETTEXT_PACKAGE, "amendment", amendment_states[state].label);
}

gboolean
signet_amendment_changes (const SignetAmendment *amendment,
                          SignetAmendedTerm      term)
{
  g_return_val_if_fail (amendment != NULL, FALSE);
  g_return_val_if_fail (term < SIGNET_N_AMENDED_TERMS, FALSE);

  return (amendment->changes & SIGNET_AMENDED_TERM_FLAG (term)) != 0;
}

static int
compare_by_effect (gconstpointer a,
                   gconstpointer b)
{
  const SignetAmendment *x = *(const SignetAmendment * const *) a;
  const SignetAmendment *y = *(const SignetAmendment * const *) b;
  int order = g_strcmp0 (x->effective_date, y->effective_date);

  if (order != 0)
    return order;

  return (x->id > y->id) - (x->id < y->id);
}

GPtrArray *
signet_amendments_sort_by_effect (GPtrArray *amendments)
{
  GPtrArray *sorted;

  g_return_val_if_fail (amendments != NULL, NULL);

  sorted = g_ptr_array_sized_new (amendments->len);
  for (guint i = 0; i < amendments->len; i++)
    g_ptr_array_add (sorted, g_ptr_array_index (amendments, i));
  g_ptr_array_sort (sorted, compare_by_effect);

  return sorted;
}

SignetContract *
signet_contract_terms_as_of (SignetContract         *contract,
                             GPtrArray              *amendments,
                             const char             *date,
                             const SignetAmendment **sources)
{
  g_autoptr(GPtrArray) sorted = NULL;
  SignetContract *terms;

  g_return_val_if_fail (SIGNET_IS_CONTRACT (contract), NULL);
  g_return_val_if_fail (date != NULL, NULL);

  terms = signet_contract_copy (contract);
  if (sources != NULL)
    memset (sources, 0, sizeof (*sources) * SIGNET_N_AMENDED_TERMS);
  if (amendments == NULL)
    return terms;

  sorted = signet_amendments_sort_by_effect (amendments);
  for (guint i = 0; i < sorted->len; i++)
    {
      const SignetAmendment *amendment = g_ptr_array_index (sorted, i);

      /* Sorted: every later one takes effect after @date too. */
      if (g_strcmp0 (amendment->effective_date, date) > 0)
        break;

      /* One in review, returned or rejected changes nothing yet. */
      if (amendment->state != SIGNET_AMENDMENT_APPROVED)
        continue;

      if (signet_amendment_changes (amendment, SIGNET_AMENDED_VALUE))
        {
          signet_contract_set_value (terms, amendment->value);
          signet_contract_set_currency (terms, amendment->currency);
        }
      if (signet_amendment_changes (amendment, SIGNET_AMENDED_END_DATE))
        signet_contract_set_end_date (terms, amendment->end_date);
      if (signet_amendment_changes (amendment, SIGNET_AMENDED_NOTICE))
        {
          signet_contract_set_notice_days (terms, amendment->notice_days);
          signet_contract_set_auto_renew (terms, amendment->auto_renew);
        }
      if (signet_amendment_changes (amendment, SIGNET_AMENDED_TITLE))
        signet_contract_set_title (terms, amendment->title);

      if (sources != NULL)
        for (SignetAmendedTerm term = 0; term < SIGNET_N_AMENDED_TERMS; term++)
          if (signet_amendment_changes (amendment, term))
            sources[term] = amendment;
    }

  return terms;
}

gboolean
signet_contract_field_is_locked_when_signed (SignetField field)
{
  switch (field)
    {
    case SIGNET_FIELD_CONTRACT_NUMBER:
    case SIGNET_FIELD_CONTRACT_TITLE:
    case SIGNET_FIELD_CONTRACT_CLIENT:
    case SIGNET_FIELD_CONTRACT_VALUE:
    case SIGNET_FIELD_CONTRACT_CURRENCY:
    case SIGNET_FIELD_CONTRACT_SIGNING_DATE:
    case SIGNET_FIELD_CONTRACT_START_DATE:
    case SIGNET_FIELD_CONTRACT_END_DATE:
    case SIGNET_FIELD_CONTRACT_NOTICE_DAYS:
      return TRUE;
    default:
      return FALSE;
    }
}

char *
signet_amendment_format_number (const char *pattern,
                                const char *contract_number,
                                guint       sequence)
{
  g_autoptr(GString) number = NULL;
  gboolean has_sequence = FALSE;
  const char *p;

  g_return_val_if_fail (pattern != NULL, NULL);

  number = g_string_new (NULL);
  for (p = pattern; *p != '\0'; p++)
    {
      gsize run = 0;

      if (g_str_has_prefix (p, "{CONTRACT}"))
        {
          g_string_append (number, contract_number != NULL ? contract_number : "");
          p += strlen ("{CONTRACT}") - 1;
          continue;
        }

      if (*p == '{')
        while (p[1 + run] == 'N')
          run++;

      if (run > 0 && p[1 + run] == '}')
        {
          g_string_append_printf (number, "%0*u", (int) run, sequence);
          has_sequence = TRUE;
          p += run + 1;
          continue;
        }

      g_string_append_c (number, *p);
    }

  if (!has_sequence)
    return NULL;

  return g_string_free (g_steal_pointer (&number), FALSE);
}
