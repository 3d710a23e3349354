/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "signet-original"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "signet-date.h"
#include "signet-original.h"

SignetOriginal *
signet_original_new (gint64 contract_id)
{
  SignetOriginal *original = g_new0 (SignetOriginal, 1);

  original->contract_id = contract_id;
  original->originals = 1;

  return original;
}

SignetOriginal *
signet_original_copy (const SignetOriginal *original)
{
  SignetOriginal *copy;

  g_return_val_if_fail (original != NULL, NULL);

  copy = g_memdup2 (original, sizeof *original);
  copy->archive_number = g_strdup (original->archive_number);
  copy->room = g_strdup (original->room);
  copy->cabinet = g_strdup (original->cabinet);
  copy->shelf = g_strdup (original->shelf);
  copy->box = g_strdup (original->box);
  copy->archived_by = g_strdup (original->archived_by);
  copy->archived_on = g_strdup (original->archived_on);
  copy->note = g_strdup (original->note);

  return copy;
}

void
signet_original_free (SignetOriginal *original)
{
  if (original == NULL)
    return;

  g_free (original->archive_number);
  g_free (original->room);
  g_free (original->cabinet);
  g_free (original->shelf);
  g_free (original->box);
  g_free (original->archived_by);
  g_free (original->archived_on);
  g_free (original->note);
  g_free (original);
}

static gboolean
is_set (const char *text)
{
  return text != NULL && *text != '\0';
}

char *
signet_original_dup_location (const SignetOriginal *original)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);

  g_return_val_if_fail (original != NULL, NULL);

  /* Translators: the parts of where a paper original is kept, joined by
   * " · ": "Room 3 · Cabinet B · Shelf 2 · Box 14" (3室 · B柜 …). */
  if (is_set (original->room))
    g_ptr_array_add (parts, g_strdup_printf (_("Room %s"), original->room));
  if (is_set (original->cabinet))
    g_ptr_array_add (parts, g_strdup_printf (_("Cabinet %s"), original->cabinet));
  if (is_set (original->shelf))
    g_ptr_array_add (parts, g_strdup_printf (_("Shelf %s"), original->shelf));
  if (is_set (original->box))
    g_ptr_array_add (parts, g_strdup_printf (_("Box %s"), original->box));

  if (parts->len == 0)
    return NULL;

  g_ptr_array_add (parts, NULL);

  return g_strjoinv (" · ", (char **) parts->pdata);
}

SignetLoan *
signet_loan_new (gint64 contract_id)
{
  SignetLoan *loan = g_new0 (SignetLoan, 1);

  loan->contract_id = contract_id;

  return loan;
}

SignetLoan *
signet_loan_copy (const SignetLoan *loan)
{
  SignetLoan *copy;

  g_return_val_if_fail (loan != NULL, NULL);

  copy = g_memdup2 (loan, sizeof *loan);
  copy->uuid = g_strdup (loan->uuid);
  copy->borrower = g_strdup (loan->borrower);
  copy->department = g_strdup (loan->department);
  copy->purpose = g_strdup (loan->purpose);
  copy->lent_on = g_strdup (loan->lent_on);
  copy->due_on = g_strdup (loan->due_on);
  copy->returned_on = g_strdup (loan->returned_on);
  copy->condition_note = g_strdup (loan->condition_note);
  copy->lent_by = g_strdup (loan->lent_by);
  copy->returned_by = g_strdup (loan->returned_by);
  copy->contract_number = g_strdup (loan->contract_number);
  copy->contract_title = g_strdup (loan->contract_title);

  return copy;
}

void
signet_loan_free (SignetLoan *loan)
{
  if (loan == NULL)
    return;

  g_free (loan->uuid);
  g_free (loan->borrower);
  g_free (loan->department);
  g_free (loan->purpose);
  g_free (loan->lent_on);
  g_free (loan->due_on);
  g_free (loan->returned_on);
  g_free (loan->condition_note);
  g_free (loan->lent_by);
  g_free (loan->returned_by);
  g_free (loan->contract_number);
  g_free (loan->contract_title);
  g_free (loan);
}

/* Days from @from to @to, both YYYY-MM-DD; 0 when either does not parse. */
static gint64
days_between (const char *from,
              const char *to)
{
  GDate a, b;

  if (!signet_date_parse (from, &a) || !signet_date_parse (to, &b))
    return 0;

  return g_date_days_between (&a, &b);
}

SignetLoanState
signet_loan_get_state (const SignetLoan *loan,
                       const char       *today)
{
  g_return_val_if_fail (loan != NULL, SIGNET_LOAN_ON_LOAN);

  /* Dates are YYYY-MM-DD, whose order is their text's. */
  if (loan->returned_on != NULL)
    return g_strcmp0 (loan->returned_on, loan->due_on) > 0 ? SIGNET_LOAN_RETURNED_LATE : SIGNET_LOAN_RETURNED;

  return g_strcmp0 (today, loan->due_on) > 0 ? SIGNET_LOAN_OVERDUE : SIGNET_LOAN_ON_LOAN;
}

guint
signet_loan_days_late (const SignetLoan *loan,
                       const char       *today)
{
  gint64 days;

  g_return_val_if_fail (loan != NULL, 0);

  days = days_between (loan->due_on, loan->returned_on != NULL ? loan->returned_on : today);

  return days > 0 ? (guint) days : 0;
}

static const char * const condition_tokens[] = {
  [SIGNET_LOAN_CONDITION_NONE] = NULL,
  [SIGNET_LOAN_CONDITION_INTACT] = "intact",
  [SIGNET_LOAN_CONDITION_DAMAGED] = "damaged",
};

const char *
signet_loan_condition_to_token (SignetLoanCondition condition)
{
  g_return_val_if_fail (condition < G_N_ELEMENTS (condition_tokens), NULL);

  return condition_tokens[condition];
}

gboolean
signet_loan_condition_from_token (const char          *token,
                                  SignetLoanCondition *condition)
{
  for (guint i = SIGNET_LOAN_CONDITION_INTACT; i < G_N_ELEMENTS (condition_tokens); i++)
    if (g_strcmp0 (token, condition_tokens[i]) == 0)
      {
        *condition = i;
        return TRUE;
      }

  return FALSE;
}

const char *
signet_loan_condition_to_label (SignetLoanCondition condition)
{
  switch (condition)
    {
    /* Translators: how a lent paper original came back (完好). */
    case SIGNET_LOAN_CONDITION_INTACT:  return _("Intact");
    /* Translators: how a lent paper original came back (损坏). */
    case SIGNET_LOAN_CONDITION_DAMAGED: return _("Damaged");
    case SIGNET_LOAN_CONDITION_NONE:
    default:
      return NULL;
    }
}

char *
signet_loan_condition_to_text (SignetLoanCondition  condition,
                               const char          *note)
{
  const char *token = signet_loan_condition_to_token (condition);

  if (token == NULL)
    return NULL;

  if (!is_set (note))
    return g_strdup (token);

  return g_strconcat (token, "\n", note, NULL);
}

void
signet_loan_condition_from_text (const char          *text,
                                 SignetLoanCondition *condition,
                                 char               **note)
{
  const char *newline;
  g_autofree char *token = NULL;

  *condition = SIGNET_LOAN_CONDITION_NONE;
  *note = NULL;
  if (text == NULL)
    return;

  newline = strchr (text, '\n');
  token = newline != NULL ? g_strndup (text, newline - text) : g_strdup (text);

  /* A condition this version does not know (or a text another program
   * wrote) is kept as the note, so that nothing of it is lost. */
  if (!signet_loan_condition_from_token (token, condition))
    {
      *note = g_strdup (text);
      return;
    }

  if (newline != NULL && newline[1] != '\0')
    *note = g_strdup (newline + 1);
}

char *
signet_loan_default_due_on (const char *lent_on)
{
  GDate date;

  if (!signet_date_parse (lent_on, &date) ||
      !signet_date_add_days (&date, SIGNET_LOAN_DEFAULT_DAYS) ||
      !signet_date_in_range (&date))
    return NULL;

  return signet_date_to_iso (&date);
}
