/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "signet-contract-process"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "signet-contract-process.h"
#include "signet-date.h"

/* The transition table: the statuses each action is taken from. A signed
 * contract is stored as "signed" (see signet_contract_get_shown_status());
 * active and expired are in the table all the same, for a contract a
 * caller made in memory or a register an older Signet wrote. */
static const struct
{
  const char           *token;
  const char           *label;
  SignetContractStatus  target;
  guint                 from;   /* bits of SignetContractStatus */
} actions[SIGNET_N_PROCESS_ACTIONS] = {
#define FROM(status) (1u << SIGNET_CONTRACT_STATUS_##status)
  [SIGNET_PROCESS_ACTION_SUBMIT] =
    { "submit-for-review",  N_("Submit for Review"),  SIGNET_CONTRACT_STATUS_IN_REVIEW,
      FROM (DRAFT) },
  [SIGNET_PROCESS_ACTION_APPROVE] =
    { "approve",            N_("Approve"),            SIGNET_CONTRACT_STATUS_APPROVED,
      FROM (IN_REVIEW) },
  [SIGNET_PROCESS_ACTION_RETURN] =
    { "return-for-changes", N_("Return for Changes"), SIGNET_CONTRACT_STATUS_DRAFT,
      FROM (IN_REVIEW) },
  [SIGNET_PROCESS_ACTION_REJECT] =
    { "reject",             N_("Reject"),             SIGNET_CONTRACT_STATUS_DRAFT,
      FROM (IN_REVIEW) },
  [SIGNET_PROCESS_ACTION_MARK_SIGNED] =
    { "mark-signed",        N_("Mark as Signed"),     SIGNET_CONTRACT_STATUS_SIGNED,
      FROM (APPROVED) },
  [SIGNET_PROCESS_ACTION_TERMINATE] =
    { "terminate",          N_("Terminate"),          SIGNET_CONTRACT_STATUS_TERMINATED,
      FROM (SIGNED) | FROM (ACTIVE) | FROM (EXPIRED) },
  [SIGNET_PROCESS_ACTION_RENEW] =
    { "renew",              N_("Renew"),              SIGNET_CONTRACT_STATUS_RENEWED,
      FROM (SIGNED) | FROM (ACTIVE) | FROM (EXPIRED) },
  [SIGNET_PROCESS_ACTION_CANCEL_DRAFT] =
    { "cancel-draft",       N_("Cancel Draft"),       SIGNET_CONTRACT_STATUS_TERMINATED,
      FROM (DRAFT) | FROM (IN_REVIEW) | FROM (APPROVED) },
  /* From no status: the store records it, no user takes it. */
  [SIGNET_PROCESS_ACTION_RENEW_TACITLY] =
    { "renew-tacitly",      N_("Renewed Tacitly"),    SIGNET_CONTRACT_STATUS_SIGNED,
      0 },
#undef FROM
};

static const struct
{
  const char *token;
  const char *label;
} reasons[] = {
  { "expired-not-renewed", NC_("termination reason", "Not renewed") },
  { "breach",              NC_("termination reason", "Breach of contract") },
  { "mutual",              NC_("termination reason", "Mutual agreement") },
  { "client-request",      NC_("termination reason", "At the client’s request") },
  { "insolvency",          NC_("termination reason", "Insolvency") },
  { "other",               NC_("termination reason", "Other") },
  { SIGNET_TERMINATION_REASON_CANCELLED_DRAFT, NC_("termination reason", "Draft cancelled") },
};

G_DEFINE_QUARK (signet-process-error-quark, signet_process_error)

static gboolean
is_signed_status (SignetContractStatus status)
{
  return status == SIGNET_CONTRACT_STATUS_SIGNED ||
         status == SIGNET_CONTRACT_STATUS_ACTIVE ||
         status == SIGNET_CONTRACT_STATUS_EXPIRED;
}

static gboolean
is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;

  while (g_ascii_isspace (*text))
    text++;

  return *text == '\0';
}

/* The sentence saying why @action cannot be taken from @status. What ends
 * the process (terminated, renewed) is said first: it holds whatever the
 * action. */
static const char *
why_not (SignetProcessAction  action,
         SignetContractStatus status)
{
  if (status == SIGNET_CONTRACT_STATUS_TERMINATED)
    return _("The contract is terminated: its process has ended.");

  if (status == SIGNET_CONTRACT_STATUS_RENEWED)
    return _("The contract has been renewed: its successor carries on its process.");

  switch (action)
    {
    case SIGNET_PROCESS_ACTION_SUBMIT:
      return status == SIGNET_CONTRACT_STATUS_IN_REVIEW
               ? _("The contract is in review already.")
               : _("Only a draft can be submitted for review.");
    case SIGNET_PROCESS_ACTION_APPROVE:
      return _("Only a contract in review can be approved.");
    case SIGNET_PROCESS_ACTION_RETURN:
      return _("Only a contract in review can be returned for changes.");
    case SIGNET_PROCESS_ACTION_REJECT:
      return _("Only a contract in review can be rejected.");
    case SIGNET_PROCESS_ACTION_MARK_SIGNED:
      return is_signed_status (status)
               ? _("The contract is signed already.")
               : _("Only an approved contract can be marked as signed.");
    case SIGNET_PROCESS_ACTION_TERMINATE:
      return _("Only a signed contract can be terminated. Cancel a contract that is not signed yet.");
    case SIGNET_PROCESS_ACTION_RENEW:
      return _("Only a signed contract can be renewed.");
    case SIGNET_PROCESS_ACTION_CANCEL_DRAFT:
      return _("A signed contract cannot be cancelled. Terminate it instead.");
    case SIGNET_PROCESS_ACTION_RENEW_TACITLY:
      return _("A contract renews itself at the end of its term; nobody takes that step.");
    default:
      g_return_val_if_reached (NULL);
    }
}

/* @missing: the sentence asking for the date when it is left empty. */
static gboolean
check_date (const char   *date,
            int           code,
            const char   *missing,
            GError      **error)
{
  SignetDateCheck check;

  if (is_blank (date))
    {
      g_set_error_literal (error, SIGNET_PROCESS_ERROR, code, missing);
      return FALSE;
    }

  check = signet_date_check (date);
  if (check == SIGNET_DATE_OK)
    return TRUE;

  if (check == SIGNET_DATE_OUT_OF_RANGE)
    {
      g_autofree char *message = signet_date_out_of_range_message (date);

      g_set_error_literal (error, SIGNET_PROCESS_ERROR, code, message);
      return FALSE;
    }

  g_set_error (error, SIGNET_PROCESS_ERROR, code,
               /* Translators: %s is what the user typed. */
               _("“%s” is not a date. Use the form YYYY-MM-DD, for example 2027-03-31."), date);
  return FALSE;
}

gboolean
signet_contract_is_signed (SignetContract *contract)
{
  SignetContractStatus status;

  g_return_val_if_fail (SIGNET_IS_CONTRACT (contract), FALSE);

  status = signet_contract_get_status (contract);
  if (is_signed_status (status) || status == SIGNET_CONTRACT_STATUS_RENEWED)
    return TRUE;

  /* A contract terminated before this version has no reason stored: it
   * was terminated, so it had been signed. */
  return status == SIGNET_CONTRACT_STATUS_TERMINATED &&
         g_strcmp0 (signet_contract_get_termination_reason (contract),
                    SIGNET_TERMINATION_REASON_CANCELLED_DRAFT) != 0;
}

const char *
signet_contract_get_let_expire_end (SignetContract *contract)
{
  const char *date;

  g_return_val_if_fail (SIGNET_IS_CONTRACT (contract), NULL);

  date = signet_contract_get_termination_date (contract);
  if (!is_signed_status (signet_contract_get_status (contract)) || is_blank (date))
    return NULL;

  return date;
}

/* Derived, never stored: a stored "active" would have to be rewritten on
 * the day the contract ends, in every register, by whichever program
 * happens to open it that day (a write that moves the version, conflicts
 * with an open form and cannot happen in a register opened read-only); a
 * test or an export with its own clock would then disagree with the file.
 * The list sorts and filters by the same rule in SQL
 * (SIGNET_SHOWN_STATUS_RANK_SQL in signet-store-private.h). An auto-renewing
 * contract renews itself at its end, so it stays active. */
SignetContractStatus
signet_contract_get_shown_status (SignetContract *contract,
                                  const char     *today)
{
  SignetContractStatus status;
  const char *start, *end, *last_end;

  g_return_val_if_fail (SIGNET_IS_CONTRACT (contract), SIGNET_CONTRACT_STATUS_DRAFT);
  g_return_val_if_fail (today != NULL, SIGNET_CONTRACT_STATUS_DRAFT);

  status = signet_contract_get_status (contract);
  if (!is_signed_status (status))
    return status;

  start = signet_contract_get_start_date (contract);
  end = signet_contract_get_end_date (contract);
  last_end = signet_contract_get_let_expire_end (contract);

  if (!is_blank (end) && strcmp (end, today) < 0 && !signet_contract_get_auto_renew (contract))
    return SIGNET_CONTRACT_STATUS_EXPIRED;

  if (last_end != NULL && strcmp (last_end, today) < 0)
    return SIGNET_CONTRACT_STATUS_EXPIRED;

  if (!is_blank (start) && strcmp (today, start) < 0)
    return SIGNET_CONTRACT_STATUS_SIGNED;

  if (is_blank (start) && is_blank (end))
    return SIGNET_CONTRACT_STATUS_SIGNED;

  return SIGNET_CONTRACT_STATUS_ACTIVE;
}

gboolean
signet_process_action_allowed (SignetProcessAction   action,
                               SignetContract       *contract,
                               const char          **why)
{
  SignetContractStatus status;

  g_return_val_if_fail (action < SIGNET_N_PROCESS_ACTIONS, FALSE);
  g_return_val_if_fail (SIGNET_IS_CONTRACT (contract), FALSE);

  status = signet_contract_get_status (contract);
  if (actions[action].from & (1u << status))
    {
      if (why != NULL)
        *why = NULL;
      return TRUE;
    }

  if (why != NULL)
    *why = why_not (action, status);

  return FALSE;
}

const char *
signet_process_action_to_label (SignetProcessAction action)
{
  g_return_val_if_fail (action < SIGNET_N_PROCESS_ACTIONS, NULL);

  return _(actions[action].label);
}

const char *
signet_process_action_to_token (SignetProcessAction action)
{
  g_return_val_if_fail (action < SIGNET_N_PROCESS_ACTIONS, NULL);

  return actions[action].token;
}

gboolean
signet_process_action_from_token (const char          *token,
                                  SignetProcessAction *action)
{
  g_return_val_if_fail (action != NULL, FALSE);

  for (guint i = 0; token != NULL && i < G_N_ELEMENTS (actions); i++)
    if (g_str_equal (token, actions[i].token))
      {
        *action = i;
        return TRUE;
      }

  return FALSE;
}

SignetContractStatus
signet_process_action_get_target (SignetProcessAction action)
{
  g_return_val_if_fail (action < SIGNET_N_PROCESS_ACTIONS, SIGNET_CONTRACT_STATUS_DRAFT);

  return actions[action].target;
}

const char * const *
signet_termination_reasons (void)
{
  static const char * const tokens[] = {
    "expired-not-renewed", "breach", "mutual", "client-request", "insolvency", "other", NULL
  };

  return tokens;
}

const char *
signet_termination_reason_to_label (const char *token)
{
  for (guint i = 0; token != NULL && i < G_N_ELEMENTS (reasons); i++)
    if (g_str_equal (token, reasons[i].token))
      return g_dpgettext2 (GETTEXT_PACKAGE, "termination reason", reasons[i].label);

  return NULL;
}

static gboolean
is_chosen_reason (const char *token)
{
  return token != NULL && g_strv_contains (signet_termination_reasons (), token);
}

gboolean
signet_process_step_validate (const SignetProcessStep  *step,
                              GError                  **error)
{
  g_return_val_if_fail (step != NULL, FALSE);
  g_return_val_if_fail (step->action < SIGNET_N_PROCESS_ACTIONS, FALSE);

  switch (step->action)
    {
    case SIGNET_PROCESS_ACTION_RETURN:
      if (is_blank (step->comment))
        {
          g_set_error_literal (error, SIGNET_PROCESS_ERROR, SIGNET_PROCESS_ERROR_COMMENT,
                               _("Say what has to change before the contract comes back."));
          return FALSE;
        }
      break;

    case SIGNET_PROCESS_ACTION_REJECT:
      if (is_blank (step->comment))
        {
          g_set_error_literal (error, SIGNET_PROCESS_ERROR, SIGNET_PROCESS_ERROR_COMMENT,
                               _("Say why the contract is rejected."));
          return FALSE;
        }
      break;

    case SIGNET_PROCESS_ACTION_MARK_SIGNED:
      if (!check_date (step->our_signing_date, SIGNET_PROCESS_ERROR_OUR_SIGNING_DATE,
                       _("Enter the date we signed."), error) ||
          !check_date (step->their_signing_date, SIGNET_PROCESS_ERROR_THEIR_SIGNING_DATE,
                       _("Enter the date the other party signed."), error))
        return FALSE;
      break;

    case SIGNET_PROCESS_ACTION_TERMINATE:
      if (!is_chosen_reason (step->termination_reason))
        {
          g_set_error_literal (error, SIGNET_PROCESS_ERROR, SIGNET_PROCESS_ERROR_TERMINATION_REASON,
                               _("Choose why the contract is terminated."));
          return FALSE;
        }
      if (is_blank (step->comment))
        {
          g_set_error_literal (error, SIGNET_PROCESS_ERROR, SIGNET_PROCESS_ERROR_COMMENT,
                               g_str_equal (step->termination_reason, "other")
                                 ? _("Say why the contract is terminated.")
                                 : _("Add a comment on the termination."));
          return FALSE;
        }
      if (!check_date (step->effective_date, SIGNET_PROCESS_ERROR_EFFECTIVE_DATE,
                       _("Enter the date the termination takes effect."), error))
        return FALSE;
      break;

    case SIGNET_PROCESS_ACTION_SUBMIT:
    case SIGNET_PROCESS_ACTION_APPROVE:
    case SIGNET_PROCESS_ACTION_RENEW:
    case SIGNET_PROCESS_ACTION_CANCEL_DRAFT:
    default:
      break;
    }

  if (step->decided_by != NULL && g_utf8_strlen (step->decided_by, -1) > 200)
    {
      g_set_error_literal (error, SIGNET_PROCESS_ERROR, SIGNET_PROCESS_ERROR_DECIDED_BY,
                           _("A name can be at most 200 characters long."));
      return FALSE;
    }

  return TRUE;
}

void
signet_process_step_clear (SignetProcessStep *step)
{
  g_clear_pointer (&step->decided_by, g_free);
  g_clear_pointer (&step->comment, g_free);
  g_clear_pointer (&step->our_signing_date, g_free);
  g_clear_pointer (&step->their_signing_date, g_free);
  g_clear_pointer (&step->termination_reason, g_free);
  g_clear_pointer (&step->effective_date, g_free);
}
