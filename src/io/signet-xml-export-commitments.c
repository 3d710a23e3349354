/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "signet-xml"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "signet-money.h"
#include "signet-store-events.h"
#include "signet-store-obligations.h"
#include "signet-store-originals.h"
#include "signet-store-payments.h"
#include "signet-store-review-findings.h"
#include "signet-store-people.h"
#include "signet-store-risks.h"
#include "signet-store-uuids.h"
#include "signet-xml-export-private.h"

/* What a contract commits us to, written after the rest of the contract
 * (issue 15's elements end with <renewal-of>): its payment schedule with
 * invoices and payments, its obligations with what was done about each
 * occurrence, its risks and a risk level kept against the suggestion, its
 * paper original and the loans of it. People are named by name, as
 * owners and approvers are; amounts are plain decimals. */

static gboolean
write_attribute (Export      *self,
                 const char  *name,
                 const char  *value,
                 const char  *record,
                 GError     **error)
{
  if (value == NULL)
    return TRUE;

  if (!_signet_xml_export_check_text (value, record, name, error))
    return FALSE;

  if (xmlTextWriterWriteAttribute (self->writer, BAD_CAST name, BAD_CAST value) < 0)
    return _signet_xml_export_writer_failed (self, error);

  return TRUE;
}

/* <name>text</name>, or nothing for an empty text. */
static gboolean
write_text (Export      *self,
            const char  *name,
            const char  *text,
            const char  *record,
            GError     **error)
{
  if (text == NULL || *text == '\0')
    return TRUE;

  if (!_signet_xml_export_check_text (text, record, name, error))
    return FALSE;

  if (xmlTextWriterWriteElement (self->writer, BAD_CAST name, BAD_CAST text) < 0)
    return _signet_xml_export_writer_failed (self, error);

  return TRUE;
}

static gboolean
write_uuid (Export      *self,
            const char  *uuid,
            GError     **error)
{
  if (signet_uuid_is_valid (uuid) &&
      xmlTextWriterWriteAttribute (self->writer, BAD_CAST "uuid", BAD_CAST uuid) < 0)
    return _signet_xml_export_writer_failed (self, error);

  return TRUE;
}

static gboolean
write_amount_attribute (Export      *self,
                        gint64       amount,
                        const char  *currency,
                        GError     **error)
{
  g_autofree char *decimal = signet_money_to_decimal (amount, currency);

  if (xmlTextWriterWriteAttribute (self->writer, BAD_CAST "amount", BAD_CAST decimal) < 0)
    return _signet_xml_export_writer_failed (self, error);

  return TRUE;
}

static gboolean
start_element (Export      *self,
               const char  *name,
               GError     **error)
{
  if (xmlTextWriterStartElement (self->writer, BAD_CAST name) < 0)
    return _signet_xml_export_writer_failed (self, error);

  return TRUE;
}

static gboolean
end_element (Export  *self,
             GError **error)
{
  if (xmlTextWriterEndElement (self->writer) < 0)
    return _signet_xml_export_writer_failed (self, error);

  return TRUE;
}

/* The name of person @id, read once per export; NULL for nobody or a
 * person deleted since, whom a file cannot name. */
static const char *
person_name (Export  *self,
             gint64   id,
             GError **error)
{
  if (id <= 0)
    return NULL;

  if (self->person_names == NULL)
    {
      g_autoptr(GListModel) people = signet_store_list_people (self->store, error);

      if (people == NULL)
        return NULL;

      self->person_names = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
      for (guint i = 0; i < g_list_model_get_n_items (people); i++)
        {
          g_autoptr(SignetPerson) person = g_list_model_get_item (people, i);
          gint64 person_id = signet_person_get_id (person);

          g_hash_table_insert (self->person_names, g_memdup2 (&person_id, sizeof person_id),
                               g_strdup (signet_person_get_name (person)));
        }
    }

  return g_hash_table_lookup (self->person_names, &id);
}

/* A person's attribute: a name, or nothing. */
static gboolean
write_person (Export      *self,
              const char  *name,
              gint64       id,
              const char  *record,
              GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  const char *person = person_name (self, id, &local_error);

  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  return write_attribute (self, name, person, record, error);
}

static gboolean
write_payment (Export               *self,
               const SignetPayment  *payment,
               const char           *number,
               GError              **error)
{
  if (!start_element (self, "payment", error) ||
      !write_uuid (self, payment->uuid, error) ||
      !write_attribute (self, "direction", signet_payment_direction_to_token (payment->direction), number, error) ||
      !write_attribute (self, "due", payment->due_date, number, error) ||
      !write_text (self, "title", payment->title, number, error))
    return FALSE;

  if (signet_payment_has_amount (payment))
    {
      g_autofree char *amount = signet_money_to_decimal (payment->amount, payment->currency);

      if (xmlTextWriterStartElement (self->writer, BAD_CAST "amount") < 0 ||
          xmlTextWriterWriteAttribute (self->writer, BAD_CAST "currency", BAD_CAST payment->currency) < 0 ||
          xmlTextWriterWriteString (self->writer, BAD_CAST amount) < 0 ||
          xmlTextWriterEndElement (self->writer) < 0)
        return _signet_xml_export_writer_failed (self, error);
    }

  if (!write_text (self, "condition", payment->condition, number, error) ||
      !write_text (self, "note", payment->note, number, error))
    return FALSE;

  for (guint i = 0; payment->invoices != NULL && i < payment->invoices->len; i++)
    {
      const SignetPaymentInvoice *invoice = g_ptr_array_index (payment->invoices, i);

      if (!start_element (self, "invoice", error) ||
          !write_uuid (self, invoice->uuid, error) ||
          !write_attribute (self, "number", invoice->number, number, error) ||
          !write_attribute (self, "date", invoice->date, number, error) ||
          !write_amount_attribute (self, invoice->amount, payment->currency, error) ||
          !end_element (self, error))
        return FALSE;
    }

  for (guint i = 0; payment->settlements != NULL && i < payment->settlements->len; i++)
    {
      const SignetPaymentSettlement *paid = g_ptr_array_index (payment->settlements, i);

      if (!start_element (self, "paid", error) ||
          !write_uuid (self, paid->uuid, error) ||
          !write_attribute (self, "date", paid->date, number, error) ||
          !write_amount_attribute (self, paid->amount, payment->currency, error) ||
          !write_attribute (self, "recorded-at", paid->recorded_at, number, error) ||
          !write_attribute (self, "recorded-by", paid->recorded_by, number, error) ||
          !write_text (self, "note", paid->note, number, error) ||
          !end_element (self, error))
        return FALSE;
    }

  return end_element (self, error);
}

static int
compare_due_dates (gconstpointer a,
                   gconstpointer b)
{
  return strcmp ((*(SignetPayment **) a)->due_date, (*(SignetPayment **) b)->due_date);
}

/* The planned payments, and the key dates of kind "payment" the register
 * still holds (added by a type's key date offsets) as the planned
 * payments they stand for, as an import makes them: by due date, the
 * order the store lists planned payments in. */
static gboolean
write_payments (Export      *self,
                gint64       contract_id,
                const char  *number,
                GError     **error)
{
  g_autoptr(GPtrArray) payments = signet_store_list_payments (self->store, contract_id, error);
  g_autoptr(GPtrArray) key_dates = NULL;

  if (payments == NULL || !(key_dates = signet_store_list_key_dates (self->store, contract_id, error)))
    return FALSE;

  for (guint i = 0; i < key_dates->len; i++)
    {
      SignetUserKeyDate *key_date = g_ptr_array_index (key_dates, i);
      SignetPayment *payment;

      if (key_date->kind != SIGNET_KEY_DATE_PAYMENT)
        continue;

      payment = signet_payment_new (contract_id);
      payment->uuid = g_strdup (key_date->uuid);
      payment->direction = SIGNET_PAYMENT_RECEIVABLE;
      payment->title = g_strdup (key_date->title);
      payment->due_date = g_strdup (key_date->date);
      payment->note = g_strdup (key_date->note);
      g_ptr_array_add (payments, payment);
    }

  /* Stable: equal dates keep the store's order, then the key dates'. */
  g_ptr_array_sort (payments, compare_due_dates);

  if (payments->len == 0)
    return TRUE;

  if (!start_element (self, "payments", error))
    return FALSE;

  for (guint i = 0; i < payments->len; i++)
    if (!write_payment (self, g_ptr_array_index (payments, i), number, error))
      return FALSE;

  return end_element (self, error);
}

static gboolean
write_obligation (Export                  *self,
                  const SignetObligation  *obligation,
                  const char              *number,
                  GError                 **error)
{
  if (!start_element (self, "obligation", error) ||
      !write_uuid (self, obligation->uuid, error) ||
      !write_attribute (self, "party", signet_obligation_party_to_token (obligation->party), number, error) ||
      !write_person (self, "owner", obligation->owner_id, number, error) ||
      !write_attribute (self, "due", obligation->due_date, number, error))
    return FALSE;

  if (obligation->recurrence != SIGNET_RECURRENCE_NONE &&
      !write_attribute (self, "recurrence", signet_recurrence_to_token (obligation->recurrence), number, error))
    return FALSE;

  if (!write_attribute (self, "until", obligation->until_date, number, error) ||
      !write_text (self, "title", obligation->title, number, error) ||
      !write_text (self, "note", obligation->note, number, error))
    return FALSE;

  for (guint i = 0; obligation->occurrences != NULL && i < obligation->occurrences->len; i++)
    {
      const SignetOccurrence *occurrence = g_ptr_array_index (obligation->occurrences, i);
      const char *status = occurrence->status == SIGNET_OCCURRENCE_DONE ? "done" : "waived";

      if (!start_element (self, "occurrence", error) ||
          !write_attribute (self, "due", occurrence->due_date, number, error) ||
          !write_attribute (self, "status", status, number, error) ||
          !write_attribute (self, "done", occurrence->done_date, number, error) ||
          !write_text (self, "note", occurrence->note, number, error) ||
          !end_element (self, error))
        return FALSE;
    }

  return end_element (self, error);
}

static gboolean
write_obligations (Export      *self,
                   gint64       contract_id,
                   const char  *number,
                   GError     **error)
{
  g_autoptr(GPtrArray) obligations = signet_store_list_obligations (self->store, contract_id, error);

  if (obligations == NULL)
    return FALSE;

  if (obligations->len == 0)
    return TRUE;

  if (!start_element (self, "obligations", error))
    return FALSE;

  for (guint i = 0; i < obligations->len; i++)
    if (!write_obligation (self, g_ptr_array_index (obligations, i), number, error))
      return FALSE;

  return end_element (self, error);
}

static gboolean
write_risks (Export      *self,
             gint64       contract_id,
             const char  *number,
             GError     **error)
{
  g_autoptr(GPtrArray) risks = signet_store_list_risks (self->store, contract_id, error);
  g_autoptr(SignetRiskLevelChoice) choice = NULL;
  g_autoptr(GError) local_error = NULL;

  if (risks == NULL)
    return FALSE;

  if (risks->len > 0 && !start_element (self, "risks", error))
    return FALSE;

  for (guint i = 0; i < risks->len; i++)
    {
      const SignetRisk *risk = g_ptr_array_index (risks, i);

      if (!start_element (self, "risk", error) ||
          !write_uuid (self, risk->uuid, error) ||
          !write_attribute (self, "category", signet_risk_category_to_token (risk->category), number, error))
        return FALSE;

      if (xmlTextWriterWriteFormatAttribute (self->writer, BAD_CAST "likelihood", "%u", risk->likelihood) < 0 ||
          xmlTextWriterWriteFormatAttribute (self->writer, BAD_CAST "impact", "%u", risk->impact) < 0)
        return _signet_xml_export_writer_failed (self, error);

      if ((risk->status != SIGNET_RISK_STATUS_OPEN &&
           !write_attribute (self, "status", signet_risk_status_to_token (risk->status), number, error)) ||
          !write_person (self, "owner", risk->owner_id, number, error) ||
          !write_attribute (self, "next-review", risk->next_review, number, error) ||
          !write_text (self, "description", risk->description, number, error) ||
          !write_text (self, "mitigation", risk->mitigation, number, error) ||
          !end_element (self, error))
        return FALSE;
    }

  if (risks->len > 0 && !end_element (self, error))
    return FALSE;

  choice = signet_store_get_risk_level_choice (self->store, contract_id, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (choice == NULL)
    return TRUE;

  return start_element (self, "risk-level-choice", error) &&
         write_attribute (self, "level", signet_risk_level_to_token (choice->level), number, error) &&
         write_attribute (self, "suggested", signet_risk_level_to_token (choice->suggested), number, error) &&
         write_attribute (self, "chosen-at", choice->chosen_at, number, error) &&
         write_attribute (self, "chosen-by", choice->chosen_by, number, error) &&
         write_text (self, "reason", choice->reason, number, error) &&
         end_element (self, error);
}

static gboolean
write_count (Export      *self,
             const char  *name,
             guint        count,
             guint        fallback,
             GError     **error)
{
  if (count != fallback &&
      xmlTextWriterWriteFormatAttribute (self->writer, BAD_CAST name, "%u", count) < 0)
    return _signet_xml_export_writer_failed (self, error);

  return TRUE;
}

/* The original, then its loans oldest first (the store lists them newest
 * first): an import lends them in that order, the one still out last. */
static gboolean
write_original (Export      *self,
                gint64       contract_id,
                const char  *number,
                GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(SignetOriginal) original = signet_store_get_original (self->store, contract_id, &local_error);
  g_autoptr(GPtrArray) loans = NULL;

  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  if (original != NULL &&
      (!start_element (self, "original", error) ||
       !write_attribute (self, "archive-number", original->archive_number, number, error) ||
       !write_attribute (self, "room", original->room, number, error) ||
       !write_attribute (self, "cabinet", original->cabinet, number, error) ||
       !write_attribute (self, "shelf", original->shelf, number, error) ||
       !write_attribute (self, "box", original->box, number, error) ||
       !write_count (self, "originals", original->originals, 1, error) ||
       !write_count (self, "copies", original->copies, 0, error) ||
       !write_person (self, "archived-by", original->archived_by_id, number, error) ||
       !write_attribute (self, "archived-on", original->archived_on, number, error) ||
       !write_text (self, "note", original->note, number, error) ||
       !end_element (self, error)))
    return FALSE;

  loans = signet_store_list_loans (self->store, contract_id, error);
  if (loans == NULL)
    return FALSE;

  if (loans->len == 0)
    return TRUE;

  if (!start_element (self, "loans", error))
    return FALSE;

  for (guint i = loans->len; i > 0; i--)
    {
      const SignetLoan *loan = g_ptr_array_index (loans, i - 1);

      if (!start_element (self, "loan", error) ||
          !write_uuid (self, loan->uuid, error) ||
          !write_person (self, "borrower", loan->borrower_id, number, error) ||
          !write_attribute (self, "lent-on", loan->lent_on, number, error) ||
          !write_attribute (self, "due-on", loan->due_on, number, error) ||
          !write_attribute (self, "returned-on", loan->returned_on, number, error) ||
          !write_attribute (self, "condition", signet_loan_condition_to_token (loan->condition), number, error) ||
          !write_attribute (self, "lent-by", loan->lent_by, number, error) ||
          !write_attribute (self, "returned-by", loan->returned_by, number, error) ||
          !write_text (self, "department", loan->department, number, error) ||
          !write_text (self, "purpose", loan->purpose, number, error) ||
          !write_text (self, "condition-note", loan->condition_note, number, error) ||
          !end_element (self, error))
        return FALSE;
    }

  return end_element (self, error);
}

gboolean
_signet_xml_export_write_commitments (Export      *self,
                                      gint64       contract_id,
                                      const char  *number,
                                      GError     **error)
{
  return write_payments (self, contract_id, number, error) &&
         write_obligations (self, contract_id, number, error) &&
         write_risks (self, contract_id, number, error) &&
         write_original (self, contract_id, number, error);
}

/* Adds to @names the people the contract's commitments and its reviews'
 * actions name, for an export of some contracts: the file's <people> must
 * hold them. */
gboolean
_signet_xml_export_collect_commitment_people (Export      *self,
                                              gint64       contract_id,
                                              GHashTable  *names,
                                              GError     **error)
{
  g_autoptr(GPtrArray) obligations = NULL;
  g_autoptr(GPtrArray) risks = NULL;
  g_autoptr(GPtrArray) loans = NULL;
  g_autoptr(SignetOriginal) original = NULL;
  g_autoptr(GPtrArray) reviews = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  if (!(obligations = signet_store_list_obligations (self->store, contract_id, error)) ||
      !(risks = signet_store_list_risks (self->store, contract_id, error)) ||
      !(loans = signet_store_list_loans (self->store, contract_id, error)))
    return FALSE;

  original = signet_store_get_original (self->store, contract_id, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  for (guint i = 0; i < obligations->len; i++)
    g_array_append_val (ids, ((SignetObligation *) g_ptr_array_index (obligations, i))->owner_id);
  for (guint i = 0; i < risks->len; i++)
    g_array_append_val (ids, ((SignetRisk *) g_ptr_array_index (risks, i))->owner_id);
  for (guint i = 0; i < loans->len; i++)
    g_array_append_val (ids, ((SignetLoan *) g_ptr_array_index (loans, i))->borrower_id);
  if (original != NULL)
    g_array_append_val (ids, original->archived_by_id);

  if (!(reviews = signet_store_list_review_reports (self->store, contract_id, error)))
    return FALSE;
  for (guint i = 0; i < reviews->len; i++)
    {
      SignetReviewReport *review = g_ptr_array_index (reviews, i);

      for (guint j = 0; j < review->actions->len; j++)
        g_array_append_val (ids, ((SignetReviewAction *) g_ptr_array_index (review->actions, j))->owner_id);
    }

  for (guint i = 0; i < ids->len; i++)
    {
      const char *name = person_name (self, g_array_index (ids, gint64, i), &local_error);

      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      if (name != NULL)
        g_hash_table_add (names, g_strdup (name));
    }

  return TRUE;
}
