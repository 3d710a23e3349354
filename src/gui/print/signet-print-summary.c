/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "signet-print-summary"

#include "config.h"

#include <glib/gi18n.h>

#include "signet-contract-process.h"
#include "signet-date.h"
#include "signet-key-dates.h"
#include "signet-money.h"
#include "signet-print-summary.h"
#include "signet-store-amendments.h"
#include "signet-store-approvals.h"
#include "signet-store-events.h"
#include "signet-store-originals.h"
#include "signet-store-payments.h"

/* A date as the locale writes it; NULL when there is none. */
static char *
format_date (const char *iso)
{
  return iso != NULL && *iso != '\0' ? signet_date_format_display (iso) : NULL;
}

static void
add_date_field (SignetPrintDocument *document,
                const char          *label,
                const char          *iso)
{
  g_autofree char *text = format_date (iso);

  signet_print_document_add_field (document, label, text);
}

/* Chinese contracts state their value in capitals beside the figures;
 * other languages have no such form. */
static gboolean
interface_is_chinese (void)
{
  return g_str_has_prefix (g_get_language_names_with_category ("LC_MESSAGES")[0], "zh_CN");
}

static const SignetKeyDate *
find_key_date (GPtrArray         *key_dates,
               SignetKeyDateKind  kind)
{
  for (guint i = 0; i < key_dates->len; i++)
    {
      const SignetKeyDate *key_date = g_ptr_array_index (key_dates, i);

      if (key_date->kind == kind)
        return key_date;
    }

  return NULL;
}

static void
add_terms (SignetPrintDocument *document,
           SignetContract      *terms,
           GPtrArray           *key_dates,
           const char          *today)
{
  gint64 value = signet_contract_get_value (terms);
  const char *currency = signet_contract_get_currency (terms);
  g_autofree char *figures = currency != NULL ? signet_money_format (value, currency) : NULL;
  g_autofree char *capitals = NULL;
  g_autofree char *notice = NULL;
  const SignetKeyDate *deadline = find_key_date (key_dates, SIGNET_KEY_DATE_NOTICE_DEADLINE);
  guint notice_days = signet_contract_get_notice_days (terms);

  signet_print_document_add_heading (document, _("Terms"));
  signet_print_document_add_field (document, _("Number"), signet_contract_get_number (terms));
  signet_print_document_add_field (document, _("Title"), signet_contract_get_title (terms));
  signet_print_document_add_field (document, _("Client"), signet_contract_get_client_name (terms));
  signet_print_document_add_field (document, _("Contract Type"), signet_contract_get_contract_type (terms));
  signet_print_document_add_field (document, _("Owner"), signet_contract_get_owner (terms));
  signet_print_document_add_field (document, _("Department"), signet_contract_get_department (terms));
  signet_print_document_add_field (document, _("Value"), figures);
  if (currency != NULL && interface_is_chinese ())
    capitals = signet_money_format_chinese_capitals (value, currency);
  if (capitals != NULL)
    signet_print_document_add_field (document, _("Amount in Capitals"), capitals);
  add_date_field (document, _("Signing Date"), signet_contract_get_signing_date (terms));
  add_date_field (document, _("Start Date"), signet_contract_get_start_date (terms));
  add_date_field (document, _("End Date"), signet_contract_get_end_date (terms));

  if (notice_days > 0 && deadline != NULL)
    {
      g_autofree char *date = format_date (deadline->date);

      /* Translators: the notice period and its deadline, "30 days, by
       * 01.03.2027". */
      notice = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u day, by %s", "%u days, by %s", notice_days),
                                notice_days, date);
    }
  else if (notice_days > 0)
    notice = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u day", "%u days", notice_days), notice_days);
  signet_print_document_add_field (document, _("Notice Period"), notice);
  signet_print_document_add_field (document, _("Auto-Renew"),
                                   signet_contract_get_auto_renew (terms) ? _("Yes") : _("No"));
  signet_print_document_add_field (document, _("Status"),
                                   signet_contract_status_to_label (signet_contract_get_shown_status (terms, today)));
  signet_print_document_add_field (document, _("Risk Level"),
                                   signet_risk_level_to_label (signet_contract_get_risk_level (terms)));
}

static void
add_parties (SignetPrintDocument *document,
             SignetStore         *store,
             SignetContract      *terms)
{
  g_autoptr(SignetClient) client = signet_store_get_client (store, signet_contract_get_client_id (terms), NULL);
  g_autofree char *ours = NULL;
  g_autofree char *theirs = NULL;

  signet_print_document_add_heading (document, _("Parties"));
  signet_print_document_add_field (document, _("Client"), signet_contract_get_client_name (terms));
  if (client != NULL)
    {
      signet_print_document_add_field (document, _("Client Code"), signet_client_get_code (client));
      signet_print_document_add_field (document, _("Contact"), signet_client_get_contact (client));
      signet_print_document_add_field (document, _("Phone"), signet_client_get_phone (client));
      signet_print_document_add_field (document, _("Email"), signet_client_get_email (client));
      signet_print_document_add_field (document, _("Address"), signet_client_get_address (client));
    }
  theirs = format_date (signet_contract_get_their_signing_date (terms));
  if (theirs != NULL)
    signet_print_document_add_field (document, _("Client Signed On"), theirs);

  /* Translators: our side of the contract: the department and the person
   * responsible, "采购部 · 王芳". */
  ours = g_strdup_printf (_("%s · %s"),
                          signet_contract_get_department (terms) != NULL ? signet_contract_get_department (terms) : "—",
                          signet_contract_get_owner (terms) != NULL ? signet_contract_get_owner (terms) : "—");
  signet_print_document_add_field (document, _("Our Side"), ours);
}

static int
compare_key_dates (gconstpointer a,
                   gconstpointer b)
{
  const char * const *da = *(const char * const * const *) a;
  const char * const *db = *(const char * const * const *) b;

  return g_strcmp0 (da[0], db[0]);
}

/* The derived dates and the user's, by date: a row is { ISO date, what,
 * how it came about }. */
static void
add_key_dates (SignetPrintDocument *document,
               SignetStore         *store,
               gint64               contract_id,
               GPtrArray           *derived)
{
  g_autoptr(GPtrArray) user_dates = signet_store_list_key_dates (store, contract_id, NULL);
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);

  for (guint i = 0; i < derived->len; i++)
    {
      const SignetKeyDate *key_date = g_ptr_array_index (derived, i);
      char **row = g_new0 (char *, 4);

      row[0] = g_strdup (key_date->date);
      row[1] = g_strdup (signet_key_date_kind_to_label (key_date->kind));
      row[2] = g_strdup (key_date->explanation);
      g_ptr_array_add (rows, row);
    }
  for (guint i = 0; user_dates != NULL && i < user_dates->len; i++)
    {
      const SignetUserKeyDate *key_date = g_ptr_array_index (user_dates, i);
      char **row = g_new0 (char *, 4);

      row[0] = g_strdup (key_date->date);
      /* Translators: a key date the user added, "Milestone: 交付验收". */
      row[1] = g_strdup_printf (_("%s: %s"), signet_key_date_kind_to_label (key_date->kind), key_date->title);
      row[2] = g_strdup (key_date->note);
      g_ptr_array_add (rows, row);
    }
  g_ptr_array_sort (rows, compare_key_dates);

  signet_print_document_add_heading (document, _("Key Dates"));
  if (rows->len == 0)
    {
      signet_print_document_add_paragraph (document, _("No key dates."));
      return;
    }

  signet_print_document_begin_table (document);
  signet_print_document_add_column (document, _("Date"), 1.2, FALSE);
  signet_print_document_add_column (document, _("What"), 2, FALSE);
  signet_print_document_add_column (document, _("How It Came About"), 3, FALSE);
  for (guint i = 0; i < rows->len; i++)
    {
      char **row = g_ptr_array_index (rows, i);
      g_autofree char *date = format_date (row[0]);
      const char *cells[] = { date, row[1], row[2] };

      signet_print_document_add_row (document, cells);
    }
}

static char *
describe_approver (const SignetApprovalStep *step)
{
  if (step->decided_by != NULL)
    return g_strdup (step->decided_by);
  if (step->person_name != NULL && step->role != NULL)
    return g_strdup_printf (_("%s (%s)"), step->person_name, step->role);

  return g_strdup (step->person_name != NULL ? step->person_name : step->role);
}

static void
add_approvals (SignetPrintDocument *document,
               SignetStore         *store,
               gint64               contract_id)
{
  g_autoptr(GPtrArray) steps = signet_store_list_all_approval_steps (store, contract_id, NULL);
  gboolean any = FALSE;

  signet_print_document_add_heading (document, _("Approvals"));
  for (guint i = 0; steps != NULL && i < steps->len; i++)
    {
      const SignetApprovalStep *step = g_ptr_array_index (steps, i);
      g_autofree char *name = NULL;
      g_autofree char *approver = NULL;
      g_autofree char *decided = NULL;

      /* An amendment's own approval is told with the amendment. */
      if (step->amendment_id != 0)
        continue;

      if (!any)
        {
          signet_print_document_begin_table (document);
          signet_print_document_add_column (document, _("Step"), 2, FALSE);
          signet_print_document_add_column (document, _("Approver"), 1.5, FALSE);
          signet_print_document_add_column (document, _("State"), 1, FALSE);
          signet_print_document_add_column (document, _("Decided"), 1.5, FALSE);
          signet_print_document_add_column (document, _("Opinion"), 2.5, FALSE);
          any = TRUE;
        }

      /* Translators: an approval step, "Round 1 · 2. 法务审核". */
      name = g_strdup_printf (_("Round %u · %u. %s"), step->round, step->position + 1, step->name);
      approver = describe_approver (step);
      decided = step->decided_at != NULL ? signet_timestamp_format_display (step->decided_at) : NULL;
      {
        const char *cells[] = { name, approver, signet_step_state_to_label (step->state), decided, step->opinion };

        signet_print_document_add_row (document, cells);
      }
    }

  if (!any)
    signet_print_document_add_paragraph (document, _("Not submitted through an approval route."));
}

static char *
describe_changes (const SignetAmendment *amendment)
{
  g_autoptr(GString) text = g_string_new (NULL);

  if (amendment->changes & SIGNET_AMENDED_TERM_FLAG (SIGNET_AMENDED_VALUE) && amendment->currency != NULL)
    {
      g_autofree char *value = signet_money_format (amendment->value, amendment->currency);

      g_string_append_printf (text, _("Value: %s"), value);
      g_string_append_c (text, '\n');
    }
  if (amendment->changes & SIGNET_AMENDED_TERM_FLAG (SIGNET_AMENDED_END_DATE))
    {
      g_autofree char *date = format_date (amendment->end_date);

      g_string_append_printf (text, _("End date: %s"), date != NULL ? date : "—");
      g_string_append_c (text, '\n');
    }
  if (amendment->changes & SIGNET_AMENDED_TERM_FLAG (SIGNET_AMENDED_NOTICE))
    {
      g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "Notice period: %u day", "Notice period: %u days",
                                                 amendment->notice_days),
                              amendment->notice_days);
      g_string_append_c (text, '\n');
    }
  if (amendment->changes & SIGNET_AMENDED_TERM_FLAG (SIGNET_AMENDED_TITLE))
    {
      g_string_append_printf (text, _("Title: %s"), amendment->title != NULL ? amendment->title : "");
      g_string_append_c (text, '\n');
    }
  if (amendment->changes & SIGNET_AMENDED_TERM_FLAG (SIGNET_AMENDED_OTHER) && amendment->other_terms != NULL)
    {
      g_string_append (text, amendment->other_terms);
      g_string_append_c (text, '\n');
    }
  if (amendment->reason != NULL && *amendment->reason != '\0')
    g_string_append_printf (text, _("Reason: %s"), amendment->reason);

  return g_strchomp (g_string_free (g_steal_pointer (&text), FALSE));
}

static void
add_amendments (SignetPrintDocument *document,
                GPtrArray           *amendments)
{
  signet_print_document_add_heading (document, _("Amendments"));
  if (amendments == NULL || amendments->len == 0)
    {
      signet_print_document_add_paragraph (document, _("No amendments."));
      return;
    }

  signet_print_document_begin_table (document);
  signet_print_document_add_column (document, _("Number"), 1.6, FALSE);
  signet_print_document_add_column (document, _("Effective"), 1.2, FALSE);
  signet_print_document_add_column (document, _("Signed"), 1.2, FALSE);
  signet_print_document_add_column (document, _("What It Changes"), 3.5, FALSE);
  signet_print_document_add_column (document, _("State"), 1, FALSE);
  for (guint i = 0; i < amendments->len; i++)
    {
      const SignetAmendment *amendment = g_ptr_array_index (amendments, i);
      g_autofree char *effective = format_date (amendment->effective_date);
      g_autofree char *signed_on = format_date (amendment->signing_date);
      g_autofree char *changes = describe_changes (amendment);
      const char *cells[] = { amendment->number, effective, signed_on, changes,
                              signet_amendment_state_to_label (amendment->state) };

      signet_print_document_add_row (document, cells);
    }
}

static void
add_payments (SignetPrintDocument *document,
              SignetStore         *store,
              gint64               contract_id,
              const char          *today)
{
  g_autoptr(GPtrArray) payments = signet_store_list_payments (store, contract_id, NULL);

  signet_print_document_add_heading (document, _("Payments"));
  if (payments == NULL || payments->len == 0)
    {
      signet_print_document_add_paragraph (document, _("No payments planned."));
      return;
    }

  signet_print_document_begin_table (document);
  signet_print_document_add_column (document, _("Payment"), 2.4, FALSE);
  signet_print_document_add_column (document, _("Due"), 1.2, FALSE);
  signet_print_document_add_column (document, _("Amount"), 1.5, TRUE);
  signet_print_document_add_column (document, _("Paid"), 1.5, TRUE);
  signet_print_document_add_column (document, _("Status"), 2, FALSE);
  for (guint i = 0; i < payments->len; i++)
    {
      const SignetPayment *payment = g_ptr_array_index (payments, i);
      gboolean has_amount = signet_payment_has_amount (payment);
      /* Translators: a planned payment and its direction, "预付款 (Receivable)". */
      g_autofree char *name = g_strdup_printf (_("%s (%s)"), payment->title,
                                               signet_payment_direction_to_label (payment->direction));
      g_autofree char *due = format_date (payment->due_date);
      g_autofree char *amount = has_amount ? signet_money_format (payment->amount, payment->currency) : NULL;
      g_autofree char *paid = has_amount ? signet_money_format (payment->paid, payment->currency) : NULL;
      g_autofree char *status = signet_payment_describe_status (payment, today);
      const char *cells[] = { name, due, amount, paid, status };

      signet_print_document_add_row (document, cells);
    }
}

static char *
describe_loan_state (const SignetLoan *loan,
                     const char       *today)
{
  guint late = signet_loan_days_late (loan, today);

  switch (signet_loan_get_state (loan, today))
    {
    case SIGNET_LOAN_ON_LOAN:
      return g_strdup (_("On loan"));
    case SIGNET_LOAN_OVERDUE:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Overdue by %u day", "Overdue by %u days", late), late);
    case SIGNET_LOAN_RETURNED:
      return g_strdup (_("Returned"));
    case SIGNET_LOAN_RETURNED_LATE:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Returned %u day late", "Returned %u days late", late),
                              late);
    default:
      g_assert_not_reached ();
    }
}

static void
add_original (SignetPrintDocument *document,
              SignetStore         *store,
              gint64               contract_id,
              const char          *today)
{
  g_autoptr(SignetOriginal) original = signet_store_get_original (store, contract_id, NULL);
  g_autoptr(GPtrArray) loans = signet_store_list_loans (store, contract_id, NULL);
  g_autofree char *location = NULL;

  signet_print_document_add_heading (document, _("Paper Original and Loans"));
  if (original == NULL)
    {
      signet_print_document_add_paragraph (document, _("No paper original recorded."));
      return;
    }

  location = signet_original_dup_location (original);
  signet_print_document_add_field (document, _("Archive Number"), original->archive_number);
  signet_print_document_add_field (document, _("Location"), location);
  if (loans == NULL || loans->len == 0)
    {
      signet_print_document_add_paragraph (document, _("Never lent out."));
      return;
    }

  signet_print_document_begin_table (document);
  signet_print_document_add_column (document, _("Borrower"), 1.5, FALSE);
  signet_print_document_add_column (document, _("Purpose"), 2, FALSE);
  signet_print_document_add_column (document, _("Lent"), 1.2, FALSE);
  signet_print_document_add_column (document, _("Due"), 1.2, FALSE);
  signet_print_document_add_column (document, _("Returned"), 1.2, FALSE);
  signet_print_document_add_column (document, _("State"), 1.5, FALSE);
  for (guint i = 0; i < loans->len; i++)
    {
      const SignetLoan *loan = g_ptr_array_index (loans, i);
      g_autofree char *lent = format_date (loan->lent_on);
      g_autofree char *due = format_date (loan->due_on);
      g_autofree char *returned = format_date (loan->returned_on);
      g_autofree char *state = describe_loan_state (loan, today);
      const char *cells[] = { loan->borrower, loan->purpose, lent, due, returned, state };

      signet_print_document_add_row (document, cells);
    }
}

SignetPrintDocument *
signet_print_summary_new (SignetStore  *store,
                          gint64        contract_id,
                          GError      **error)
{
  g_autoptr(SignetPrintDocument) document = NULL;
  g_autoptr(SignetContract) terms = NULL;
  g_autoptr(GPtrArray) amendments = NULL;
  g_autoptr(GPtrArray) reviews = NULL;
  g_autoptr(GPtrArray) key_dates = NULL;
  g_autofree char *today = NULL;
  g_autofree char *title = NULL;
  SignetReviewIntervals intervals;
  const char *last_review = NULL;

  g_return_val_if_fail (SIGNET_IS_STORE (store), NULL);
  g_return_val_if_fail (contract_id > 0, NULL);

  today = signet_store_dup_today (store);
  terms = signet_store_get_contract_terms (store, contract_id, today, &amendments, NULL, error);
  if (terms == NULL)
    return NULL;

  signet_store_get_contract_review_intervals (store, terms, &intervals);
  reviews = signet_store_list_reviews (store, contract_id, NULL);
  if (reviews != NULL && reviews->len > 0)
    last_review = ((SignetReview *) g_ptr_array_index (reviews, 0))->date;
  key_dates = signet_contract_derive_key_dates_full (terms, today, last_review, &intervals, NULL);

  /* Translators: the title of a contract's printed summary, "HT-2026-0001
   * Contract Summary". */
  title = g_strdup_printf (_("%s Contract Summary"), signet_contract_get_number (terms));
  document = signet_print_document_new_for_store (store, title);
  signet_print_document_set_subtitle (document, signet_contract_get_title (terms));

  add_terms (document, terms, key_dates, today);
  add_parties (document, store, terms);
  add_key_dates (document, store, contract_id, key_dates);
  add_approvals (document, store, contract_id);
  add_amendments (document, amendments);
  add_payments (document, store, contract_id, today);
  add_original (document, store, contract_id, today);

  return g_steal_pointer (&document);
}
