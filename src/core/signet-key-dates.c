/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "signet-key-dates"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "signet-date.h"
#include "signet-contract-process.h"
#include "signet-key-dates.h"

/* Far enough for any real contract; stops a malformed one from looping. */
#define MAX_RENEWALS 1000

static const char * const kind_tokens[] = {
  [SIGNET_KEY_DATE_START] = "start",
  [SIGNET_KEY_DATE_END] = "end",
  [SIGNET_KEY_DATE_NOTICE_DEADLINE] = "notice-deadline",
  [SIGNET_KEY_DATE_REVIEW] = "review",
  [SIGNET_KEY_DATE_MILESTONE] = "milestone",
  [SIGNET_KEY_DATE_PAYMENT] = "payment",
  [SIGNET_KEY_DATE_OTHER] = "other",
  [SIGNET_KEY_DATE_APPROVAL] = "approval",
  [SIGNET_KEY_DATE_OBLIGATION] = "obligation",
  [SIGNET_KEY_DATE_LOAN] = "loan",
  [SIGNET_KEY_DATE_FOLLOW_UP_REVIEW] = "follow-up-review",
};

const char *
signet_key_date_kind_to_token (SignetKeyDateKind kind)
{
  g_return_val_if_fail (kind < G_N_ELEMENTS (kind_tokens), NULL);

  return kind_tokens[kind];
}

gboolean
signet_key_date_kind_from_token (const char        *token,
                                 SignetKeyDateKind *kind)
{
  g_return_val_if_fail (kind != NULL, FALSE);

  for (guint i = 0; token != NULL && i < G_N_ELEMENTS (kind_tokens); i++)
    {
      if (g_str_equal (token, kind_tokens[i]))
        {
          *kind = i;
          return TRUE;
        }
    }

  return FALSE;
}

gboolean
signet_key_date_kind_is_user (SignetKeyDateKind kind)
{
  return kind == SIGNET_KEY_DATE_MILESTONE ||
         kind == SIGNET_KEY_DATE_PAYMENT ||
         kind == SIGNET_KEY_DATE_OTHER;
}

gboolean
signet_key_date_kind_is_commitment (SignetKeyDateKind kind)
{
  return kind == SIGNET_KEY_DATE_PAYMENT ||
         kind == SIGNET_KEY_DATE_OBLIGATION ||
         kind == SIGNET_KEY_DATE_LOAN ||
         kind == SIGNET_KEY_DATE_FOLLOW_UP_REVIEW;
}

const char *
signet_key_date_kind_to_label (SignetKeyDateKind kind)
{
  switch (kind)
    {
    case SIGNET_KEY_DATE_START:           return C_("key date", "Start");
    case SIGNET_KEY_DATE_END:             return C_("key date", "End");
    case SIGNET_KEY_DATE_NOTICE_DEADLINE: return C_("key date", "Notice Deadline");
    case SIGNET_KEY_DATE_REVIEW:          return C_("key date", "Review");
    case SIGNET_KEY_DATE_MILESTONE:       return C_("key date", "Milestone");
    case SIGNET_KEY_DATE_PAYMENT:         return C_("key date", "Payment Due");
    case SIGNET_KEY_DATE_OTHER:           return C_("key date", "Other");
    case SIGNET_KEY_DATE_APPROVAL:        return C_("key date", "Approval Due");
    case SIGNET_KEY_DATE_OBLIGATION:      return C_("key date", "Obligation Due");
    case SIGNET_KEY_DATE_LOAN:            return C_("key date", "Loan Due");
    case SIGNET_KEY_DATE_FOLLOW_UP_REVIEW: return C_("key date", "Follow-up Review");
    default:
      g_return_val_if_reached (NULL);
    }
}

void
signet_key_date_free (SignetKeyDate *key_date)
{
  if (key_date == NULL)
    return;

  g_free (key_date->date);
  g_free (key_date->explanation);
  g_free (key_date);
}

/* Takes @explanation. */
static void
add_key_date (GPtrArray         *dates,
              SignetKeyDateKind  kind,
              const GDate       *date,
              char              *explanation)
{
  SignetKeyDate *key_date = g_new0 (SignetKeyDate, 1);

  key_date->kind = kind;
  key_date->date = signet_date_to_iso (date);
  key_date->explanation = explanation;
  g_ptr_array_add (dates, key_date);
}

/* Takes @message; @omitted is nullable. */
static void
note_omitted (GPtrArray *omitted,
              char      *message)
{
  if (omitted != NULL)
    g_ptr_array_add (omitted, message);
  else
    g_free (message);
}

/* Parses the stored start or end date @text; one outside the range is
 * noted in @omitted, as nothing is derived from it. */
static gboolean
parse_stored_date (const char        *text,
                   SignetKeyDateKind  kind,
                   GDate             *date,
                   GPtrArray         *omitted)
{
  if (signet_date_check (text) == SIGNET_DATE_OUT_OF_RANGE)
    {
      note_omitted (omitted,
                    kind == SIGNET_KEY_DATE_START
                      /* Translators: the first %s is the stored date, the others the first
                       * and last dates of the range, 1900-01-01 and 2199-12-31. */
                      ? g_strdup_printf (_("The start date %s is outside the dates Signet works with, %s to %s: "
                                           "nothing is derived from it, and it is not in the calendar."),
                                         text, SIGNET_DATE_MIN, SIGNET_DATE_MAX)
                      /* Translators: the first %s is the stored date, the others the first
                       * and last dates of the range, 1900-01-01 and 2199-12-31. */
                      : g_strdup_printf (_("The end date %s is outside the dates Signet works with, %s to %s: "
                                           "nothing is derived from it, and it is not in the calendar."),
                                         text, SIGNET_DATE_MIN, SIGNET_DATE_MAX));
      return FALSE;
    }

  return signet_date_parse (text, date);
}

/* @date as the user's locale shows dates, for an explanation. */
static char *
format_date (const GDate *date)
{
  g_autofree char *iso = signet_date_to_iso (date);

  return signet_date_format_display (iso);
}

static int
compare_key_dates (gconstpointer a,
                   gconstpointer b)
{
  const SignetKeyDate *x = *(SignetKeyDate * const *) a;
  const SignetKeyDate *y = *(SignetKeyDate * const *) b;
  int cmp = g_strcmp0 (x->date, y->date);

  return cmp != 0 ? cmp : (int) x->kind - (int) y->kind;
}

guint
signet_date_term_in_months (const GDate *start,
                            const GDate *end)
{
  for (guint months = 1; months <= 1200; months++)
    {
      GDate candidate = *start;

      if (!signet_date_add_months (&candidate, months) || !signet_date_add_days (&candidate, -1))
        break;

      if (g_date_compare (&candidate, end) == 0)
        return months;
      if (g_date_compare (&candidate, end) > 0)
        break;
    }

  return 0;
}

static void
iso_into (const GDate *date,
          char         buffer[11])
{
  g_snprintf (buffer, 11, "%04u-%02u-%02u", g_date_get_year (date), g_date_get_month (date),
              g_date_get_day (date));
}

/* Moves [start, end] to the term that contains @today (or the last one
 * before it, when renewal stopped), counting every term from the first start
 * so that month-end clamping does not drift. Returns how many times it
 * renewed. The dates are those of a term in the range: a term ending after
 * it stops the renewals, with @end_beyond set and @end left on the end of
 * the term before. A term ending on or after @stop (nullable: the end a
 * user let the contract expire at) is the last. @rolls (nullable) gets a
 * SignetTacitRenewal for each renewal, in order. */
static guint
roll_forward (GDate       *start,
              GDate       *end,
              const GDate *today,
              const GDate *stop,
              GArray      *rolls,
              gboolean    *end_beyond)
{
  GDate first_start = *start;
  guint months = signet_date_term_in_months (start, end);
  gint64 days = (gint64) g_date_get_julian (end) - g_date_get_julian (start) + 1;
  guint renewals = 0;

  *end_beyond = FALSE;

  while (g_date_compare (end, today) < 0 && renewals < MAX_RENEWALS &&
         (stop == NULL || g_date_compare (end, stop) < 0))
    {
      GDate next_start, next_end;
      gboolean computed;

      if (months > 0)
        {
          next_start = first_start;
          next_end = first_start;
          computed = signet_date_add_months (&next_start, (gint64) months * (renewals + 1)) &&
                     signet_date_add_months (&next_end, (gint64) months * (renewals + 2)) &&
                     signet_date_add_days (&next_end, -1);
        }
      else
        {
          next_start = *end;
          computed = signet_date_add_days (&next_start, 1);
          next_end = next_start;
          computed = computed && signet_date_add_days (&next_end, days - 1);
        }

      /* The start of the next term is the day after an end before today,
       * so in the range; its end may not be. */
      if (!computed || !signet_date_in_range (&next_end))
        {
          *start = next_start;
          *end_beyond = TRUE;
          return renewals + 1;
        }

      if (rolls != NULL)
        {
          SignetTacitRenewal roll;

          iso_into (end, roll.old_end);
          iso_into (&next_end, roll.new_end);
          g_array_append_val (rolls, roll);
        }

      renewals++;
      *start = next_start;
      *end = next_end;
    }

  return renewals;
}

gboolean
signet_contract_status_is_in_force (SignetContractStatus status)
{
  /* A renewed contract has a successor, which carries its process on: it
   * gives no more notice and is reviewed no more. */
  return status == SIGNET_CONTRACT_STATUS_APPROVED ||
         status == SIGNET_CONTRACT_STATUS_SIGNED ||
         status == SIGNET_CONTRACT_STATUS_ACTIVE;
}

void
signet_review_intervals_apply_type (SignetReviewIntervals *intervals,
                                    guint                  type_months)
{
  g_return_if_fail (intervals != NULL);

  if (type_months == 0)
    return;

  intervals->high_months = type_months;
  intervals->medium_months = type_months;
  intervals->low_months = type_months;
}

static guint
review_months (const SignetReviewIntervals *intervals,
               SignetRiskLevel              level)
{
  switch (level)
    {
    case SIGNET_RISK_LEVEL_HIGH:   return intervals->high_months;
    case SIGNET_RISK_LEVEL_MEDIUM: return intervals->medium_months;
    case SIGNET_RISK_LEVEL_LOW:
    default:                       return intervals->low_months;
    }
}

GPtrArray *
signet_contract_derive_key_dates_full (SignetContract              *contract,
                                       const char                  *today,
                                       const char                  *last_review,
                                       const SignetReviewIntervals *intervals,
                                       GPtrArray                  **omitted)
{
  GPtrArray *dates = g_ptr_array_new_with_free_func ((GDestroyNotify) signet_key_date_free);
  GPtrArray *notes = NULL;
  SignetContractStatus status;
  GDate today_date, start, end, review_base, stop;
  gboolean has_start, has_end, has_stop;
  gboolean end_beyond = FALSE;
  guint renewals = 0;
  guint notice_days;

  if (omitted != NULL)
    notes = *omitted = g_ptr_array_new_with_free_func (g_free);

  g_return_val_if_fail (SIGNET_IS_CONTRACT (contract), dates);
  g_return_val_if_fail (intervals != NULL, dates);

  if (!signet_date_parse (today, &today_date))
    g_return_val_if_reached (dates);

  /* As a user sees it today: a signed contract past its end has expired
   * and gets no more notice deadlines or reviews. */
  status = signet_contract_get_shown_status (contract, today);
  notice_days = signet_contract_get_notice_days (contract);
  has_start = parse_stored_date (signet_contract_get_start_date (contract), SIGNET_KEY_DATE_START, &start, notes);
  has_end = parse_stored_date (signet_contract_get_end_date (contract), SIGNET_KEY_DATE_END, &end, notes);

  /* A contract let expire at a term's end renews up to that term and is
   * expired after it: its last term is still the one derived. */
  has_stop = signet_date_parse (signet_contract_get_let_expire_end (contract), &stop);
  if (has_start && has_end && signet_contract_get_auto_renew (contract) &&
      (signet_contract_status_is_in_force (status) || (has_stop && status == SIGNET_CONTRACT_STATUS_EXPIRED)))
    renewals = roll_forward (&start, &end, &today_date, has_stop ? &stop : NULL, NULL, &end_beyond);

  if (end_beyond)
    {
      has_end = FALSE;
      note_omitted (notes,
                    /* Translators: %s is the last date of the range, 2199-12-31. */
                    g_strdup_printf (_("The current term would end after %s: its end and notice deadline "
                                       "are not shown."), SIGNET_DATE_MAX));
    }

  if (has_start)
    {
      g_autofree char *first_start = signet_date_format_display (signet_contract_get_start_date (contract));

      add_key_date (dates, SIGNET_KEY_DATE_START, &start,
                    renewals > 0
                      /* Translators: %s is the first start date of the contract */
                      ? g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                      "start of the current term; renewed automatically %u time since %s",
                                                      "start of the current term; renewed automatically %u times since %s",
                                                      renewals),
                                         renewals, first_start)
                      : g_strdup (""));
    }

  if (has_end)
    {
      g_autofree char *end_shown = format_date (&end);
      g_autofree char *first_end = signet_date_format_display (signet_contract_get_end_date (contract));

      add_key_date (dates, SIGNET_KEY_DATE_END, &end,
                    renewals > 0
                      ? g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                      "end of the current term; the contract renewed itself %u time after %s",
                                                      "end of the current term; the contract renewed itself %u times after %s",
                                                      renewals),
                                         renewals, first_end)
                      : g_strdup (""));

      if (signet_contract_get_auto_renew (contract) && notice_days > 0 && signet_contract_status_is_in_force (status))
        {
          GDate deadline = end;
          g_autofree char *deadline_shown = NULL;

          if (!signet_date_add_days (&deadline, -(gint64) notice_days) || !signet_date_in_range (&deadline))
            note_omitted (notes,
                          /* Translators: %s is the first date of the range, 1900-01-01. */
                          g_strdup_printf (_("The notice deadline would fall before %s and is not shown."),
                                           SIGNET_DATE_MIN));
          else
            {
              deadline_shown = format_date (&deadline);
              add_key_date (dates, SIGNET_KEY_DATE_NOTICE_DEADLINE, &deadline,
                            /* Translators: "notice deadline 2027-03-02 = end 2027-04-01 − 30 days" */
                            g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                          "notice deadline %s = end %s − %u day",
                                                          "notice deadline %s = end %s − %u days",
                                                          notice_days),
                                             deadline_shown, end_shown, notice_days));
            }
        }
    }

  if (signet_contract_status_is_in_force (status) &&
      (signet_date_parse (last_review, &review_base) || has_start))
    {
      guint months = review_months (intervals, signet_contract_get_risk_level (contract));
      gboolean from_review = last_review != NULL && signet_date_is_valid (last_review);
      GDate next;
      g_autofree char *next_shown = NULL;
      g_autofree char *base_shown = NULL;

      /* Counted from the first start, not the current term's: a tacit
       * renewal is no review, and a contract renewing more often than it
       * is reviewed would otherwise never come due. */
      if (!from_review)
        signet_date_parse (signet_contract_get_start_date (contract), &review_base);

      /* A review never recorded is due one interval after the start, even
       * when that has passed: an overdue review is what must show. */
      next = review_base;
      if (!signet_date_add_months (&next, months) || !signet_date_in_range (&next))
        {
          note_omitted (notes,
                        /* Translators: %s is the last date of the range, 2199-12-31. */
                        g_strdup_printf (_("The next review would fall after %s and is not shown."),
                                         SIGNET_DATE_MAX));
        }
      else
        {
          next_shown = format_date (&next);
          base_shown = format_date (&review_base);
          add_key_date (dates, SIGNET_KEY_DATE_REVIEW, &next,
                        from_review
                          ? g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                          "next review %s = last review %s + %u month (%s risk)",
                                                          "next review %s = last review %s + %u months (%s risk)",
                                                          months),
                                             next_shown, base_shown, months,
                                             signet_risk_level_to_label (signet_contract_get_risk_level (contract)))
                          : g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                          "next review %s = start %s + %u month (%s risk)",
                                                          "next review %s = start %s + %u months (%s risk)",
                                                          months),
                                             next_shown, base_shown, months,
                                             signet_risk_level_to_label (signet_contract_get_risk_level (contract))));
        }
    }

  g_ptr_array_sort (dates, compare_key_dates);

  return dates;
}

GPtrArray *
signet_contract_derive_key_dates (SignetContract              *contract,
                                  const char                  *today,
                                  const char                  *last_review,
                                  const SignetReviewIntervals *intervals)
{
  return signet_contract_derive_key_dates_full (contract, today, last_review, intervals, NULL);
}

GArray *
signet_contract_list_tacit_renewals (SignetContract *contract,
                                     const char     *from,
                                     const char     *until)
{
  GArray *rolls = g_array_new (FALSE, FALSE, sizeof (SignetTacitRenewal));
  g_autoptr(GArray) all = g_array_new (FALSE, FALSE, sizeof (SignetTacitRenewal));
  GDate start, end, until_date, stop;
  gboolean has_stop, end_beyond;
  SignetContractStatus status;

  g_return_val_if_fail (SIGNET_IS_CONTRACT (contract), rolls);
  g_return_val_if_fail (from != NULL, rolls);

  /* Only a signed contract renews itself: an approved one is not in force
   * yet, a renewed one has a successor, a terminated one has ended. */
  status = signet_contract_get_status (contract);
  if (!signet_contract_get_auto_renew (contract) ||
      (status != SIGNET_CONTRACT_STATUS_SIGNED && status != SIGNET_CONTRACT_STATUS_ACTIVE &&
       status != SIGNET_CONTRACT_STATUS_EXPIRED) ||
      signet_date_check (signet_contract_get_start_date (contract)) != SIGNET_DATE_OK ||
      signet_date_check (signet_contract_get_end_date (contract)) != SIGNET_DATE_OK ||
      !signet_date_parse (until, &until_date))
    return rolls;

  signet_date_parse (signet_contract_get_start_date (contract), &start);
  signet_date_parse (signet_contract_get_end_date (contract), &end);
  has_stop = signet_date_parse (signet_contract_get_let_expire_end (contract), &stop);
  roll_forward (&start, &end, &until_date, has_stop ? &stop : NULL, all, &end_beyond);

  for (guint i = 0; i < all->len; i++)
    {
      const SignetTacitRenewal *roll = &g_array_index (all, SignetTacitRenewal, i);

      if (strcmp (roll->old_end, from) >= 0)
        g_array_append_val (rolls, *roll);
    }

  return rolls;
}
