/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "signet-obligation"

#include "config.h"

#include <glib/gi18n.h>

#include "signet-contract-process.h"
#include "signet-date.h"
#include "signet-obligation.h"

static const struct
{
  const char *token;
  const char *label;
} parties[SIGNET_N_OBLIGATION_PARTIES] = {
  [SIGNET_OBLIGATION_PARTY_US] = { "us", NC_("obligation party", "Us") },
  [SIGNET_OBLIGATION_PARTY_CLIENT] = { "client", NC_("obligation party", "Client") },
};

static const struct
{
  const char *token;
  const char *label;
  guint       months;
} recurrences[SIGNET_N_RECURRENCES] = {
  [SIGNET_RECURRENCE_NONE] = { "none", NC_("recurrence", "Once"), 0 },
  [SIGNET_RECURRENCE_MONTHLY] = { "monthly", NC_("recurrence", "Monthly"), 1 },
  [SIGNET_RECURRENCE_QUARTERLY] = { "quarterly", NC_("recurrence", "Quarterly"), 3 },
  [SIGNET_RECURRENCE_YEARLY] = { "yearly", NC_("recurrence", "Yearly"), 12 },
};

const char *
signet_obligation_party_to_token (SignetObligationParty party)
{
  g_return_val_if_fail (party < SIGNET_N_OBLIGATION_PARTIES, NULL);

  return parties[party].token;
}

gboolean
signet_obligation_party_from_token (const char            *token,
                                    SignetObligationParty *party)
{
  for (guint i = 0; token != NULL && i < SIGNET_N_OBLIGATION_PARTIES; i++)
    if (g_str_equal (token, parties[i].token))
      {
        *party = i;
        return TRUE;
      }

  return FALSE;
}

const char *
signet_obligation_party_to_label (SignetObligationParty party)
{
  g_return_val_if_fail (party < SIGNET_N_OBLIGATION_PARTIES, NULL);

  return g_dpgettext2 (GETTEXT_PACKAGE, "obligation party", parties[party].label);
}

const char *
signet_recurrence_to_token (SignetRecurrence recurrence)
{
  g_return_val_if_fail (recurrence < SIGNET_N_RECURRENCES, NULL);

  return recurrences[recurrence].token;
}

gboolean
signet_recurrence_from_token (const char       *token,
                              SignetRecurrence *recurrence)
{
  for (guint i = 0; token != NULL && i < SIGNET_N_RECURRENCES; i++)
    if (g_str_equal (token, recurrences[i].token))
      {
        *recurrence = i;
        return TRUE;
      }

  return FALSE;
}

const char *
signet_recurrence_to_label (SignetRecurrence recurrence)
{
  g_return_val_if_fail (recurrence < SIGNET_N_RECURRENCES, NULL);

  return g_dpgettext2 (GETTEXT_PACKAGE, "recurrence", recurrences[recurrence].label);
}

SignetOccurrence *
signet_occurrence_copy (const SignetOccurrence *occurrence)
{
  SignetOccurrence *copy;

  g_return_val_if_fail (occurrence != NULL, NULL);

  copy = g_memdup2 (occurrence, sizeof *occurrence);
  copy->due_date = g_strdup (occurrence->due_date);
  copy->done_date = g_strdup (occurrence->done_date);
  copy->note = g_strdup (occurrence->note);
  copy->recorded_at = g_strdup (occurrence->recorded_at);
  copy->recorded_by = g_strdup (occurrence->recorded_by);

  return copy;
}

void
signet_occurrence_free (SignetOccurrence *occurrence)
{
  if (occurrence == NULL)
    return;

  g_free (occurrence->due_date);
  g_free (occurrence->done_date);
  g_free (occurrence->note);
  g_free (occurrence->recorded_at);
  g_free (occurrence->recorded_by);
  g_free (occurrence);
}

gboolean
signet_occurrence_is_done_late (const SignetOccurrence *occurrence)
{
  g_return_val_if_fail (occurrence != NULL, FALSE);

  return occurrence->status == SIGNET_OCCURRENCE_DONE
         && g_strcmp0 (occurrence->done_date, occurrence->due_date) > 0;
}

SignetObligation *
signet_obligation_new (gint64 contract_id)
{
  SignetObligation *obligation = g_new0 (SignetObligation, 1);

  obligation->contract_id = contract_id;
  obligation->version = 1;
  obligation->occurrences = g_ptr_array_new_with_free_func ((GDestroyNotify) signet_occurrence_free);

  return obligation;
}

SignetObligation *
signet_obligation_copy (const SignetObligation *obligation)
{
  SignetObligation *copy;

  g_return_val_if_fail (obligation != NULL, NULL);

  copy = g_memdup2 (obligation, sizeof *obligation);
  copy->uuid = g_strdup (obligation->uuid);
  copy->title = g_strdup (obligation->title);
  copy->due_date = g_strdup (obligation->due_date);
  copy->until_date = g_strdup (obligation->until_date);
  copy->note = g_strdup (obligation->note);
  copy->occurrences = g_ptr_array_new_full (obligation->occurrences->len,
                                            (GDestroyNotify) signet_occurrence_free);
  for (guint i = 0; i < obligation->occurrences->len; i++)
    g_ptr_array_add (copy->occurrences, signet_occurrence_copy (g_ptr_array_index (obligation->occurrences, i)));

  return copy;
}

void
signet_obligation_free (SignetObligation *obligation)
{
  if (obligation == NULL)
    return;

  g_free (obligation->uuid);
  g_free (obligation->title);
  g_free (obligation->due_date);
  g_free (obligation->until_date);
  g_free (obligation->note);
  g_clear_pointer (&obligation->occurrences, g_ptr_array_unref);
  g_free (obligation);
}

static const char *
earlier (const char *a,
         const char *b)
{
  if (a == NULL)
    return b;
  if (b == NULL)
    return a;

  return g_strcmp0 (a, b) <= 0 ? a : b;
}

char *
signet_obligation_dup_last_date (const SignetObligation *obligation,
                                 SignetContract         *terms)
{
  const char *last;

  g_return_val_if_fail (obligation != NULL, NULL);
  g_return_val_if_fail (SIGNET_IS_CONTRACT (terms), NULL);

  last = obligation->until_date;
  if (last == NULL)
    last = signet_contract_get_end_date (terms);

  /* Terminated, let expire or cancelled as a draft: nothing is owed past
   * the day it ends, whatever the obligation's own last date says. */
  last = earlier (last, signet_contract_get_termination_date (terms));

  return g_strdup (last);
}

static guint
recurrence_months (const SignetObligation *obligation)
{
  if (obligation->recurrence >= SIGNET_N_RECURRENCES)
    return 0;

  return recurrences[obligation->recurrence].months;
}

/* The due date of occurrence @n (0: the first) of an obligation due first
 * on @first, or NULL past the dates Signet works with or, once, past the
 * first. Counted from the first date every time, so that 31 January, 28
 * February does not go on as the 28th of every later month. */
static char *
nth_occurrence (const GDate *first,
                guint        step,
                gint64       n)
{
  GDate date = *first;

  if (n > 0 && (step == 0 || !signet_date_add_months (&date, n * (gint64) step)))
    return NULL;
  if (!signet_date_in_range (&date))
    return NULL;

  return signet_date_to_iso (&date);
}

GPtrArray *
signet_obligation_list_occurrences (const SignetObligation *obligation,
                                    const char             *last_date,
                                    const char             *from,
                                    const char             *to)
{
  g_autoptr(GPtrArray) dates = g_ptr_array_new_with_free_func (g_free);
  const char *stop;
  GDate first;
  guint step;
  gint64 n = 0;

  g_return_val_if_fail (obligation != NULL, NULL);

  stop = earlier (last_date, to);
  if (stop == NULL)
    stop = SIGNET_DATE_MAX;

  if (!signet_date_parse (obligation->due_date, &first))
    return g_steal_pointer (&dates);

  step = recurrence_months (obligation);

  /* Start a period before @from rather than at the first date: a monthly
   * obligation of a long lease asked for one month's agenda steps a
   * handful of times, not hundreds. */
  if (step > 0 && from != NULL)
    {
      GDate start;

      if (signet_date_parse (from, &start))
        {
          gint64 months = ((gint64) g_date_get_year (&start) - g_date_get_year (&first)) * 12
                          + ((gint64) g_date_get_month (&start) - g_date_get_month (&first));

          n = MAX (0, months / step - 1);
        }
    }

  for (;; n++)
    {
      g_autofree char *iso = nth_occurrence (&first, step, n);

      if (iso == NULL || g_strcmp0 (iso, stop) > 0)
        break;
      if (from == NULL || g_strcmp0 (iso, from) >= 0)
        g_ptr_array_add (dates, g_steal_pointer (&iso));
    }

  return g_steal_pointer (&dates);
}

const SignetOccurrence *
signet_obligation_find_occurrence (const SignetObligation *obligation,
                                   const char             *due_date)
{
  g_return_val_if_fail (obligation != NULL, NULL);

  for (guint i = 0; obligation->occurrences != NULL && i < obligation->occurrences->len; i++)
    {
      const SignetOccurrence *occurrence = g_ptr_array_index (obligation->occurrences, i);

      if (g_strcmp0 (occurrence->due_date, due_date) == 0)
        return occurrence;
    }

  return NULL;
}

SignetOccurrenceStatus
signet_obligation_occurrence_status (const SignetObligation *obligation,
                                     const char             *due_date)
{
  const SignetOccurrence *occurrence = signet_obligation_find_occurrence (obligation, due_date);

  return occurrence != NULL ? occurrence->status : SIGNET_OCCURRENCE_OPEN;
}

char *
signet_obligation_dup_next_open (const SignetObligation *obligation,
                                 const char             *last_date)
{
  GDate first;
  guint step;

  g_return_val_if_fail (obligation != NULL, NULL);

  if (!signet_date_parse (obligation->due_date, &first))
    return NULL;

  step = recurrence_months (obligation);

  /* Only recorded occurrences are skipped, so this steps at most once
   * more than there are records. */
  for (gint64 n = 0;; n++)
    {
      g_autofree char *iso = nth_occurrence (&first, step, n);

      if (iso == NULL || (last_date != NULL && g_strcmp0 (iso, last_date) > 0))
        return NULL;
      if (signet_obligation_find_occurrence (obligation, iso) == NULL)
        return g_steal_pointer (&iso);
    }
}
