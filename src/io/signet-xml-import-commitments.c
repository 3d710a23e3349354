/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "signet-xml"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "signet-money.h"
#include "signet-store-obligations.h"
#include "signet-store-originals.h"
#include "signet-store-payments.h"
#include "signet-store-review-findings.h"
#include "signet-store-risks.h"
#include "signet-xml-import-private.h"

/* What a contract commits us to: its payments with their invoices and
 * payments made, its obligations and what was done about their
 * occurrences, its risks and a risk level kept against the suggestion,
 * its paper original and the loans of it, and a review's checklist items
 * and follow-up actions. Each record is checked as it is read, and
 * written once its own fields are (a payment before its invoices, the
 * original before its loans), so that what the store refuses is reported
 * at its line.
 *
 * A record the contract already has (the same UUID, or else the same
 * date and title, description, or day lent and borrower) with the same
 * details is left alone, so importing a file again adds nothing; with other
 * details it is a conflict of the contract, settled as the user chose:
 * skipped, written over (payments, obligations, risks and the original:
 * the records a user edits) or the import stops. Invoices, payments made,
 * occurrences and loans are only ever added: the file's that the contract
 * lacks come in. */

typedef struct _ImportCommitments
{
  guint                  line;

  /* The payment being read; stored (id set) once its first invoice or
   * payment made starts, or at its end. Its currency, from <amount>. */
  SignetPayment         *payment;
  gboolean               payment_stored;
  gboolean               payment_skipped;
  SignetPaymentSettlement *paid;
  guint                  paid_line;

  SignetObligation      *obligation;
  gboolean               obligation_stored;
  gboolean               obligation_skipped;
  SignetOccurrence      *occurrence;
  guint                  occurrence_line;

  SignetRisk            *risk;
  SignetRiskLevelChoice *choice;
  SignetOriginal        *original;
  SignetLoan            *loan;

  /* The review being read: its follow-up date, items and actions. */
  char                  *follow_up;
  guint                  review_line;
  GPtrArray             *items;      /* of SignetReviewItem */
  GPtrArray             *actions;    /* of SignetReviewAction */
  guint                  action_line;

  /* The contract's records by UUID, read once per contract, and by what
   * tells them apart when the UUID does not match (a record made apart in
   * each register, as a demo register's are): key -> the same record. */
  GHashTable            *payments;   /* uuid -> SignetPayment */
  GHashTable            *payment_keys;
  GHashTable            *obligation_keys;
  GHashTable            *risk_keys;
  GHashTable            *unset_payments;  /* "date\ntitle" of those without an amount */
  GHashTable            *obligations;
  GHashTable            *risks;
  GHashTable            *loans;
} ImportCommitments;

static const FieldInfo payment_fields[] = {
  { "title", FIELD_PAYMENT_TITLE, SIGNET_FIELD_NONE },
  { "amount", FIELD_PAYMENT_AMOUNT, SIGNET_FIELD_NONE },
  { "condition", FIELD_PAYMENT_CONDITION, SIGNET_FIELD_NONE },
  { "note", FIELD_PAYMENT_NOTE, SIGNET_FIELD_NONE },
};
static const FieldInfo paid_note_field = { "note", FIELD_PAID_NOTE, SIGNET_FIELD_NONE };
static const FieldInfo obligation_fields[] = {
  { "title", FIELD_OBLIGATION_TITLE, SIGNET_FIELD_NONE },
  { "note", FIELD_OBLIGATION_NOTE, SIGNET_FIELD_NONE },
};
static const FieldInfo occurrence_note_field = { "note", FIELD_OCCURRENCE_NOTE, SIGNET_FIELD_NONE };
static const FieldInfo risk_fields[] = {
  { "description", FIELD_RISK_DESCRIPTION, SIGNET_FIELD_NONE },
  { "mitigation", FIELD_RISK_MITIGATION, SIGNET_FIELD_NONE },
};
static const FieldInfo reason_field = { "reason", FIELD_CHOICE_REASON, SIGNET_FIELD_NONE };
static const FieldInfo original_note_field = { "note", FIELD_ORIGINAL_NOTE, SIGNET_FIELD_NONE };
static const FieldInfo loan_fields[] = {
  { "department", FIELD_LOAN_DEPARTMENT, SIGNET_FIELD_NONE },
  { "purpose", FIELD_LOAN_PURPOSE, SIGNET_FIELD_NONE },
  { "condition-note", FIELD_LOAN_CONDITION_NOTE, SIGNET_FIELD_NONE },
};
static const FieldInfo finding_field = { "finding", FIELD_REVIEW_FINDING, SIGNET_FIELD_NONE };
static const FieldInfo action_description_field = { "description", FIELD_ACTION_DESCRIPTION, SIGNET_FIELD_NONE };

static ImportCommitments *
get_state (Import *self)
{
  if (self->commitments == NULL)
    self->commitments = g_new0 (ImportCommitments, 1);

  return self->commitments;
}

static void
clear_records (ImportCommitments *state)
{
  g_clear_pointer (&state->payment, signet_payment_free);
  g_clear_pointer (&state->paid, signet_payment_settlement_free);
  g_clear_pointer (&state->obligation, signet_obligation_free);
  g_clear_pointer (&state->occurrence, signet_occurrence_free);
  g_clear_pointer (&state->risk, signet_risk_free);
  g_clear_pointer (&state->choice, signet_risk_level_choice_free);
  g_clear_pointer (&state->original, signet_original_free);
  g_clear_pointer (&state->loan, signet_loan_free);
  state->payment_stored = state->payment_skipped = FALSE;
  state->obligation_stored = state->obligation_skipped = FALSE;
}

static void
clear_review (ImportCommitments *state)
{
  g_clear_pointer (&state->follow_up, g_free);
  g_clear_pointer (&state->items, g_ptr_array_unref);
  g_clear_pointer (&state->actions, g_ptr_array_unref);
}

void
_signet_xml_import_clear_commitments (Import *self)
{
  ImportCommitments *state = self->commitments;

  if (state == NULL)
    return;

  clear_records (state);
  clear_review (state);
  g_clear_pointer (&state->payments, g_hash_table_unref);
  g_clear_pointer (&state->unset_payments, g_hash_table_unref);
  g_clear_pointer (&state->payment_keys, g_hash_table_unref);
  g_clear_pointer (&state->obligation_keys, g_hash_table_unref);
  g_clear_pointer (&state->risk_keys, g_hash_table_unref);
  g_clear_pointer (&state->obligations, g_hash_table_unref);
  g_clear_pointer (&state->risks, g_hash_table_unref);
  g_clear_pointer (&state->loans, g_hash_table_unref);
  g_clear_pointer (&self->commitments, g_free);
}

gboolean
_signet_xml_import_is_commitment_section (Section section)
{
  return section >= SECTION_PAYMENTS;
}

static gboolean
writes_extras (Import *self)
{
  return self->extras_contract_id != 0 && self->pending == NULL;
}

static const char *
contract_key (Import *self)
{
  return self->key != NULL ? self->key : "";
}

/* The value of @attribute, NULL when left out. */
static char *
attribute (Import     *self,
           const char *name)
{
  return _signet_xml_import_get_attribute (self, name);
}

static gboolean
check_optional_date (Import     *self,
                     const char *date,
                     guint       line,
                     const char *element,
                     const char *name)
{
  return date == NULL || _signet_xml_import_check_date (self, date, line, element, name);
}

static gboolean
fail_attribute (Import     *self,
                guint       line,
                const char *name,
                const char *value,
                const char *message)
{
  return _signet_xml_import_fail (self, SIGNET_XML_ERROR_INVALID, line,
                                  _signet_xml_import_locate_attribute (self, line, name, value), value,
                                  /* Translators: the first %s is a contract number, the second the reason, a sentence. */
                                  _("Contract %s: %s"), contract_key (self), message);
}

/* The id of the person named @name, of the file's <people> or the
 * register, in *@id (0 for no name); fails naming the attribute when
 * there is none. */
static gboolean
find_person (Import     *self,
             const char *name,
             guint       line,
             const char *attribute_name,
             gint64     *id)
{
  g_autoptr(SignetPerson) person = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  *id = 0;
  if (name == NULL || self->pending != NULL)
    return TRUE;

  person = signet_store_find_person (self->store, name, &error);
  if (error != NULL)
    return _signet_xml_import_fail_in_register (self, error);

  if (person == NULL)
    {
      message = g_strdup_printf (_("%s is neither among the file's people nor in the register."), name);
      return fail_attribute (self, line, attribute_name, name, message);
    }

  *id = signet_person_get_id (person);

  return TRUE;
}

/* @text as minor units of @currency into *@amount: a plain decimal above
 * zero with no more decimals than the currency has. */
static gboolean
parse_amount (Import     *self,
              const char *text,
              const char *currency,
              guint       line,
              const char *element,
              const char *attribute_name,
              gint64     *amount)
{
  g_autoptr(GError) money_error = NULL;
  guint column = attribute_name != NULL ? _signet_xml_import_locate_attribute (self, line, attribute_name, text)
                                        : _signet_xml_import_locate_text (self, line, text, element);

  if (!signet_money_parse_decimal (text, currency, amount, &money_error))
    return _signet_xml_import_fail (self, SIGNET_XML_ERROR_INVALID, line, column, text, _("Contract %s: %s"),
                                    contract_key (self), money_error->message);

  if (*amount <= 0)
    /* Translators: %s is an element's name, <amount> or <invoice>. */
    return _signet_xml_import_fail (self, SIGNET_XML_ERROR_INVALID, line, column, text,
                                    _("Contract %s: the amount of <%s> is %s; an amount there must be above zero."),
                                    contract_key (self), element, text);

  return TRUE;
}

static gboolean
check_currency (Import     *self,
                const char *currency,
                guint       line)
{
  if (currency == NULL || signet_currency_is_valid (currency))
    return TRUE;

  return _signet_xml_import_fail (self, SIGNET_XML_ERROR_INVALID, line,
                                  _signet_xml_import_locate_attribute (self, line, "currency", currency), currency,
                                  _("“%s” is not an ISO 4217 currency code, such as CNY, USD or EUR."), currency);
}

/* A store's refusal of a record at @line. */
static gboolean
fail_store (Import       *self,
            const GError *error,
            guint         line)
{
  return _signet_xml_import_fail_in_contract (self, error, line, 0, NULL);
}

/* What to do with a record the contract has under the same UUID with
 * other details: TRUE in *@write to write the file's over it. */
static gboolean
settle_conflict (Import     *self,
                 guint       line,
                 const char *what,
                 gboolean   *write)
{
  *write = FALSE;
  _signet_xml_import_add_conflict (self, SIGNET_RECORD_CONTRACT);

  switch (self->options->on_conflict)
    {
    case SIGNET_CONFLICT_SKIP:
      return TRUE;
    case SIGNET_CONFLICT_UPDATE:
      *write = TRUE;
      return TRUE;
    case SIGNET_CONFLICT_FAIL:
    default:
      return self->options->dry_run ||
             _signet_xml_import_fail (self, SIGNET_XML_ERROR_CONFLICT, line, 0, NULL,
                                      /* Translators: the first %s is a contract number, the second a record ("a planned payment"). */
                                      _("The contract %s has %s with this UUID and other details. Nothing was imported; "
                                        "choose to skip or to update existing records to import this file."),
                                      contract_key (self), what);
    }
}

/* Payments. */

static char *
payment_key (const SignetPayment *payment)
{
  return g_strdup_printf ("%d\n%s\n%s", payment->direction, payment->due_date, payment->title);
}

static char *
obligation_key (const SignetObligation *obligation)
{
  return g_strdup_printf ("%d\n%s\n%s", obligation->party, obligation->due_date, obligation->title);
}

static char *
risk_key (const SignetRisk *risk)
{
  return g_strdup_printf ("%d\n%s", risk->category, risk->description);
}

/* The record the contract has under @uuid, else under @key (freed). */
static gpointer
find_known (GHashTable *by_uuid,
            GHashTable *by_key,
            const char *uuid,
            char       *key)
{
  g_autofree char *owned_key = key;
  gpointer known = uuid != NULL ? g_hash_table_lookup (by_uuid, uuid) : NULL;

  return known != NULL ? known : g_hash_table_lookup (by_key, owned_key);
}

static gboolean
read_payments (Import  *self,
               GError **error)
{
  ImportCommitments *state = get_state (self);
  g_autoptr(GPtrArray) payments = NULL;
  g_autoptr(GPtrArray) key_dates = NULL;

  if (state->payments != NULL)
    return TRUE;

  payments = signet_store_list_payments (self->store, self->extras_contract_id, error);
  if (payments == NULL || !(key_dates = signet_store_list_key_dates (self->store, self->extras_contract_id, error)))
    return FALSE;

  state->payments = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) signet_payment_free);
  state->unset_payments = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  state->payment_keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; i < payments->len; i++)
    {
      SignetPayment *payment = g_ptr_array_index (payments, i);

      if (!signet_payment_has_amount (payment))
        g_hash_table_add (state->unset_payments, g_strconcat (payment->due_date, "\n", payment->title, NULL));
      g_hash_table_insert (state->payment_keys, payment_key (payment), payment);

      /* Every stored row has a UUID (signet-store-uuids.h). */
      g_hash_table_insert (state->payments, payment->uuid, g_steal_pointer (&g_ptr_array_index (payments, i)));
    }

  /* A key date of kind payment the register still holds (one a type's
   * key date offsets made) is the planned payment an export writes of it. */
  for (guint i = 0; i < key_dates->len; i++)
    {
      SignetUserKeyDate *key_date = g_ptr_array_index (key_dates, i);

      if (key_date->kind == SIGNET_KEY_DATE_PAYMENT)
        g_hash_table_add (state->unset_payments, g_strconcat (key_date->date, "\n", key_date->title, NULL));
    }

  return TRUE;
}

static gboolean
payments_equal (const SignetPayment *a,
                const SignetPayment *b)
{
  return a->direction == b->direction && g_strcmp0 (a->title, b->title) == 0 &&
         a->amount == b->amount && g_strcmp0 (a->currency, b->currency) == 0 &&
         g_strcmp0 (a->due_date, b->due_date) == 0 && g_strcmp0 (a->condition, b->condition) == 0 &&
         g_strcmp0 (a->note, b->note) == 0;
}

static gboolean
start_payment (Import *self,
               guint   line)
{
  ImportCommitments *state = get_state (self);
  g_autofree char *direction = attribute (self, "direction");
  SignetPayment *payment;

  clear_records (state);
  state->line = line;
  payment = state->payment = signet_payment_new (self->extras_contract_id);
  payment->uuid = attribute (self, "uuid");
  payment->due_date = attribute (self, "due");

  if (direction != NULL && !signet_payment_direction_from_token (direction, &payment->direction))
    return _signet_xml_import_fail (self, SIGNET_XML_ERROR_INVALID, line,
                                    _signet_xml_import_locate_attribute (self, line, "direction", direction), direction,
                                    _("“%s” is not a direction of payment. Use one of: receivable, payable."), direction);

  return check_optional_date (self, payment->due_date, line, "payment", "due");
}

/* Stores the payment read, once: before its first invoice or payment
 * made, or at its end. */
static gboolean
store_payment (Import *self)
{
  ImportCommitments *state = get_state (self);
  SignetPayment *payment = state->payment;
  SignetPayment *known;
  g_autoptr(GError) error = NULL;
  gboolean write = TRUE;

  if (payment == NULL || state->payment_stored)
    return TRUE;
  state->payment_stored = TRUE;

  /* What is missing is the schema's to report. */
  if (!writes_extras (self) || payment->title == NULL || payment->due_date == NULL)
    {
      state->payment_skipped = TRUE;
      return TRUE;
    }

  if (!read_payments (self, &error))
    return fail_store (self, error, state->line);

  known = find_known (state->payments, state->payment_keys, payment->uuid, payment_key (payment));
  if (known == NULL && !signet_payment_has_amount (payment))
    {
      g_autofree char *details = g_strconcat (payment->due_date, "\n", payment->title, NULL);

      if (g_hash_table_contains (state->unset_payments, details))
        {
          state->payment_skipped = TRUE;
          return TRUE;
        }
    }
  if (known != NULL)
    {
      g_free (payment->uuid);
      payment->uuid = g_strdup (known->uuid);
      payment->id = known->id;
      if (payments_equal (payment, known))
        return TRUE;
      if (!settle_conflict (self, state->line, _("a planned payment"), &write))
        return FALSE;
      if (!write)
        {
          state->payment_skipped = TRUE;
          return TRUE;
        }
      payment->version = known->version;
      if (!signet_store_update_payment (self->store, payment, &error))
        return fail_store (self, error, state->line);
      return TRUE;
    }

  if (!signet_store_add_payment (self->store, payment, &error))
    return fail_store (self, error, state->line);

  return TRUE;
}

static gboolean
finish_payment_amount (Import     *self,
                       const char *stripped,
                       guint       line)
{
  SignetPayment *payment = get_state (self)->payment;

  /* A missing currency is the schema's to report. */
  if (payment->currency == NULL)
    return TRUE;

  if (!check_currency (self, payment->currency, line))
    return FALSE;

  return parse_amount (self, stripped, payment->currency, line, "amount", NULL, &payment->amount);
}

static gboolean
has_uuid (GPtrArray  *records,
          gsize       uuid_offset,
          const char *uuid)
{
  for (guint i = 0; uuid != NULL && records != NULL && i < records->len; i++)
    if (g_strcmp0 (G_STRUCT_MEMBER (const char *, g_ptr_array_index (records, i), uuid_offset), uuid) == 0)
      return TRUE;

  return FALSE;
}

static SignetPayment *
known_payment (Import *self)
{
  ImportCommitments *state = get_state (self);

  if (state->payment->uuid == NULL || state->payments == NULL)
    return NULL;

  return g_hash_table_lookup (state->payments, state->payment->uuid);
}

/* The payment must have an amount for its invoices and payments made. */
static gboolean
check_payment_amount (Import     *self,
                      guint       line,
                      const char *element)
{
  SignetPayment *payment = get_state (self)->payment;

  if (signet_payment_has_amount (payment))
    return TRUE;

  return _signet_xml_import_fail (self, SIGNET_XML_ERROR_INVALID, line,
                                  _signet_xml_import_locate_text (self, line, NULL, element), element,
                                  /* Translators: the first %s is an element's name, the second a payment's title, the third a contract number. */
                                  _("<%s> of the planned payment “%s” of the contract %s: the planned payment has "
                                    "no amount; give it an <amount> first."),
                                  element, payment->title ? payment->title : "", contract_key (self));
}

static gboolean
read_invoice (Import *self,
              guint   line)
{
  ImportCommitments *state = get_state (self);
  g_autoptr(SignetPaymentInvoice) invoice = signet_payment_invoice_new (0);
  g_autofree char *amount = attribute (self, "amount");
  g_autoptr(GError) error = NULL;
  SignetPayment *known;

  if (state->payment == NULL)
    return TRUE;

  invoice->uuid = attribute (self, "uuid");
  invoice->number = attribute (self, "number");
  invoice->date = attribute (self, "date");

  if (!check_optional_date (self, invoice->date, line, "invoice", "date") ||
      !store_payment (self) ||
      !check_payment_amount (self, line, "invoice") ||
      (amount != NULL &&
       !parse_amount (self, amount, state->payment->currency, line, "invoice", "amount", &invoice->amount)))
    return FALSE;

  if (state->payment_skipped || invoice->number == NULL || invoice->date == NULL || amount == NULL)
    return TRUE;

  known = known_payment (self);
  if (known != NULL && (has_uuid (known->invoices, G_STRUCT_OFFSET (SignetPaymentInvoice, uuid), invoice->uuid) ||
                        has_uuid (known->invoices, G_STRUCT_OFFSET (SignetPaymentInvoice, number), invoice->number)))
    return TRUE;

  invoice->payment_id = state->payment->id;
  if (!signet_store_add_payment_invoice (self->store, invoice, &error))
    return fail_store (self, error, line);

  return TRUE;
}

static gboolean
start_paid (Import *self,
            guint   line)
{
  ImportCommitments *state = get_state (self);
  g_autofree char *amount = attribute (self, "amount");
  SignetPaymentSettlement *paid;

  if (state->payment == NULL)
    return TRUE;

  g_clear_pointer (&state->paid, signet_payment_settlement_free);
  state->paid_line = line;
  paid = state->paid = signet_payment_settlement_new (0);
  paid->uuid = attribute (self, "uuid");
  paid->date = attribute (self, "date");
  paid->recorded_at = attribute (self, "recorded-at");
  paid->recorded_by = attribute (self, "recorded-by");

  return check_optional_date (self, paid->date, line, "paid", "date") &&
         _signet_xml_import_check_time (self, paid->recorded_at, line, "recorded-at") &&
         store_payment (self) &&
         check_payment_amount (self, line, "paid") &&
         (amount == NULL ||
          parse_amount (self, amount, state->payment->currency, line, "paid", "amount", &paid->amount));
}

static gboolean
finish_paid (Import *self)
{
  ImportCommitments *state = get_state (self);
  g_autoptr(SignetPaymentSettlement) paid = g_steal_pointer (&state->paid);
  g_autoptr(GError) error = NULL;
  SignetPayment *known;

  if (paid == NULL || state->payment_skipped || paid->date == NULL || paid->amount <= 0)
    return TRUE;

  known = known_payment (self);
  if (known != NULL && has_uuid (known->settlements, G_STRUCT_OFFSET (SignetPaymentSettlement, uuid), paid->uuid))
    return TRUE;
  for (guint i = 0; known != NULL && i < known->settlements->len; i++)
    {
      const SignetPaymentSettlement *other = g_ptr_array_index (known->settlements, i);

      if (g_strcmp0 (other->date, paid->date) == 0 && other->amount == paid->amount)
        return TRUE;
    }

  paid->payment_id = state->payment->id;
  if (!signet_store_add_payment_settlement (self->store, paid, &error))
    return fail_store (self, error, state->paid_line);

  return TRUE;
}

/* Obligations. */

static gboolean
obligations_equal (const SignetObligation *a,
                   const SignetObligation *b)
{
  return a->party == b->party && g_strcmp0 (a->title, b->title) == 0 && a->owner_id == b->owner_id &&
         g_strcmp0 (a->due_date, b->due_date) == 0 && a->recurrence == b->recurrence &&
         g_strcmp0 (a->until_date, b->until_date) == 0 && g_strcmp0 (a->note, b->note) == 0;
}

static gboolean
start_obligation (Import *self,
                  guint   line)
{
  ImportCommitments *state = get_state (self);
  g_autofree char *party = attribute (self, "party");
  g_autofree char *owner = attribute (self, "owner");
  g_autofree char *recurrence = attribute (self, "recurrence");
  SignetObligation *obligation;

  clear_records (state);
  state->line = line;
  obligation = state->obligation = signet_obligation_new (self->extras_contract_id);
  obligation->uuid = attribute (self, "uuid");
  obligation->due_date = attribute (self, "due");
  obligation->until_date = attribute (self, "until");

  if (party != NULL && !signet_obligation_party_from_token (party, &obligation->party))
    return _signet_xml_import_fail (self, SIGNET_XML_ERROR_INVALID, line,
                                    _signet_xml_import_locate_attribute (self, line, "party", party), party,
                                    _("“%s” is not a party to an obligation. Use one of: us, client."), party);

  if (recurrence != NULL && !signet_recurrence_from_token (recurrence, &obligation->recurrence))
    return _signet_xml_import_fail (self, SIGNET_XML_ERROR_INVALID, line,
                                    _signet_xml_import_locate_attribute (self, line, "recurrence", recurrence), recurrence,
                                    _("“%s” is not a recurrence. Use one of: none, monthly, quarterly, yearly."),
                                    recurrence);

  if (!check_optional_date (self, obligation->due_date, line, "obligation", "due") ||
      !check_optional_date (self, obligation->until_date, line, "obligation", "until"))
    return FALSE;

  if (obligation->due_date != NULL && obligation->until_date != NULL &&
      strcmp (obligation->until_date, obligation->due_date) < 0)
    return _signet_xml_import_fail (self, SIGNET_XML_ERROR_INVALID, line,
                                    _signet_xml_import_locate_attribute (self, line, "until", obligation->until_date),
                                    obligation->until_date,
                                    _("The end date %s is before the start date %s."),
                                    obligation->until_date, obligation->due_date);

  return find_person (self, owner, line, "owner", &obligation->owner_id);
}

static gboolean
store_obligation (Import *self)
{
  ImportCommitments *state = get_state (self);
  SignetObligation *obligation = state->obligation;
  SignetObligation *known = NULL;
  g_autoptr(GError) error = NULL;
  gboolean write = TRUE;

  if (obligation == NULL || state->obligation_stored)
    return TRUE;
  state->obligation_stored = TRUE;

  if (!writes_extras (self) || obligation->title == NULL || obligation->due_date == NULL)
    {
      state->obligation_skipped = TRUE;
      return TRUE;
    }

  if (state->obligations == NULL)
    {
      g_autoptr(GPtrArray) obligations = signet_store_list_obligations (self->store, self->extras_contract_id, &error);

      if (obligations == NULL)
        return fail_store (self, error, state->line);

      state->obligations = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) signet_obligation_free);
      state->obligation_keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      for (guint i = 0; i < obligations->len; i++)
        {
          SignetObligation *other = g_ptr_array_index (obligations, i);

          g_hash_table_insert (state->obligation_keys, obligation_key (other), other);
          g_hash_table_insert (state->obligations, other->uuid, g_steal_pointer (&g_ptr_array_index (obligations, i)));
        }
    }

  known = find_known (state->obligations, state->obligation_keys, obligation->uuid, obligation_key (obligation));
  if (known != NULL)
    {
      g_free (obligation->uuid);
      obligation->uuid = g_strdup (known->uuid);
      obligation->id = known->id;
      if (obligations_equal (obligation, known))
        return TRUE;
      if (!settle_conflict (self, state->line, _("an obligation"), &write))
        return FALSE;
      if (!write)
        {
          state->obligation_skipped = TRUE;
          return TRUE;
        }
      obligation->version = known->version;
      if (!signet_store_update_obligation (self->store, obligation, &error))
        return fail_store (self, error, state->line);
      return TRUE;
    }

  if (!signet_store_add_obligation (self->store, obligation, &error))
    return fail_store (self, error, state->line);

  return TRUE;
}

static gboolean
start_occurrence (Import *self,
                  guint   line)
{
  ImportCommitments *state = get_state (self);
  g_autofree char *status = attribute (self, "status");
  SignetOccurrence *occurrence;

  if (state->obligation == NULL)
    return TRUE;

  g_clear_pointer (&state->occurrence, signet_occurrence_free);
  state->occurrence_line = line;
  occurrence = state->occurrence = g_new0 (SignetOccurrence, 1);
  occurrence->due_date = attribute (self, "due");
  occurrence->done_date = attribute (self, "done");

  if (g_strcmp0 (status, "done") == 0)
    occurrence->status = SIGNET_OCCURRENCE_DONE;
  else if (g_strcmp0 (status, "waived") == 0)
    occurrence->status = SIGNET_OCCURRENCE_WAIVED;
  else if (status != NULL)
    return _signet_xml_import_fail (self, SIGNET_XML_ERROR_INVALID, line,
                                    _signet_xml_import_locate_attribute (self, line, "status", status), status,
                                    _("“%s” is not what was done about an occurrence. Use one of: done, waived."),
                                    status);

  if (!check_optional_date (self, occurrence->due_date, line, "occurrence", "due") ||
      !check_optional_date (self, occurrence->done_date, line, "occurrence", "done"))
    return FALSE;

  if (occurrence->status == SIGNET_OCCURRENCE_DONE && occurrence->done_date == NULL)
    return fail_attribute (self, line, "status", status, _("An occurrence that was done needs the day it was done (done)."));

  return store_obligation (self);
}

static gboolean
finish_occurrence (Import *self)
{
  ImportCommitments *state = get_state (self);
  g_autoptr(SignetOccurrence) occurrence = g_steal_pointer (&state->occurrence);
  g_autoptr(GError) error = NULL;
  SignetObligation *known = NULL;
  gboolean stored;

  if (occurrence == NULL || state->obligation_skipped || occurrence->due_date == NULL ||
      occurrence->status == SIGNET_OCCURRENCE_OPEN)
    return TRUE;

  if (state->obligation->uuid != NULL && state->obligations != NULL)
    known = g_hash_table_lookup (state->obligations, state->obligation->uuid);
  if (known != NULL && signet_obligation_find_occurrence (known, occurrence->due_date) != NULL)
    return TRUE;

  if (occurrence->status == SIGNET_OCCURRENCE_DONE)
    stored = signet_store_mark_occurrence_done (self->store, state->obligation->id, occurrence->due_date,
                                                occurrence->done_date, &error);
  else
    stored = signet_store_waive_occurrence (self->store, state->obligation->id, occurrence->due_date,
                                            occurrence->note, &error);
  if (!stored)
    return fail_store (self, error, state->occurrence_line);

  return TRUE;
}

/* Risks. */

static gboolean
risks_equal (const SignetRisk *a,
             const SignetRisk *b)
{
  return a->category == b->category && g_strcmp0 (a->description, b->description) == 0 &&
         a->likelihood == b->likelihood && a->impact == b->impact &&
         g_strcmp0 (a->mitigation, b->mitigation) == 0 && a->owner_id == b->owner_id &&
         a->status == b->status && g_strcmp0 (a->next_review, b->next_review) == 0;
}

static gboolean
read_rating (Import     *self,
             guint       line,
             const char *name,
             guint      *rating)
{
  g_autofree char *text = attribute (self, name);
  guint64 value = 0;
  g_autofree char *message = NULL;

  /* A missing attribute is the schema's to report. */
  if (text == NULL)
    return TRUE;

  if (!g_ascii_string_to_unsigned (text, 10, SIGNET_RISK_RATING_MIN, SIGNET_RISK_RATING_MAX, &value, NULL))
    {
      /* Translators: the first %s is "likelihood" or "impact", the second the value in the file. */
      message = g_strdup_printf (_("The %s of a risk is %s; write a number from 1 to 5."), name, text);
      return fail_attribute (self, line, name, text, message);
    }

  *rating = value;

  return TRUE;
}

static gboolean
start_risk (Import *self,
            guint   line)
{
  ImportCommitments *state = get_state (self);
  g_autofree char *category = attribute (self, "category");
  g_autofree char *status = attribute (self, "status");
  g_autofree char *owner = attribute (self, "owner");
  SignetRisk *risk;

  clear_records (state);
  state->line = line;
  risk = state->risk = signet_risk_new (self->extras_contract_id);
  risk->uuid = attribute (self, "uuid");
  risk->next_review = attribute (self, "next-review");

  if (category != NULL && !signet_risk_category_from_token (category, &risk->category))
    return _signet_xml_import_fail (self, SIGNET_XML_ERROR_INVALID, line,
                                    _signet_xml_import_locate_attribute (self, line, "category", category), category,
                                    _("“%s” is not a category of risk. Use one of: legal, performance, financial, other."),
                                    category);

  if (status != NULL && !signet_risk_status_from_token (status, &risk->status))
    return _signet_xml_import_fail (self, SIGNET_XML_ERROR_INVALID, line,
                                    _signet_xml_import_locate_attribute (self, line, "status", status), status,
                                    _("“%s” is not a status of a risk. Use one of: open, mitigated, closed."), status);

  return read_rating (self, line, "likelihood", &risk->likelihood) &&
         read_rating (self, line, "impact", &risk->impact) &&
         check_optional_date (self, risk->next_review, line, "risk", "next-review") &&
         find_person (self, owner, line, "owner", &risk->owner_id);
}

static gboolean
finish_risk (Import *self)
{
  ImportCommitments *state = get_state (self);
  g_autoptr(SignetRisk) risk = g_steal_pointer (&state->risk);
  g_autoptr(GError) error = NULL;
  SignetRisk *known = NULL;
  gboolean write = TRUE;

  if (risk == NULL || !writes_extras (self) || risk->description == NULL || risk->likelihood == 0 || risk->impact == 0)
    return TRUE;

  if (state->risks == NULL)
    {
      g_autoptr(GPtrArray) risks = signet_store_list_risks (self->store, self->extras_contract_id, &error);

      if (risks == NULL)
        return fail_store (self, error, state->line);

      state->risks = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) signet_risk_free);
      state->risk_keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      for (guint i = 0; i < risks->len; i++)
        {
          SignetRisk *other = g_ptr_array_index (risks, i);

          g_hash_table_insert (state->risk_keys, risk_key (other), other);
          g_hash_table_insert (state->risks, other->uuid, g_steal_pointer (&g_ptr_array_index (risks, i)));
        }
    }

  known = find_known (state->risks, state->risk_keys, risk->uuid, risk_key (risk));
  if (known != NULL)
    {
      g_free (risk->uuid);
      risk->uuid = g_strdup (known->uuid);
      if (risks_equal (risk, known))
        return TRUE;
      if (!settle_conflict (self, state->line, _("a risk"), &write))
        return FALSE;
      if (!write)
        return TRUE;
      risk->id = known->id;
      risk->version = known->version;
      if (!signet_store_update_risk (self->store, risk, &error))
        return fail_store (self, error, state->line);
      return TRUE;
    }

  if (!signet_store_add_risk (self->store, risk, &error))
    return fail_store (self, error, state->line);

  return TRUE;
}

static gboolean
read_level (Import          *self,
            guint            line,
            const char      *name,
            SignetRiskLevel *level)
{
  g_autofree char *text = attribute (self, name);

  if (text == NULL || signet_risk_level_from_token (text, level))
    return TRUE;

  return _signet_xml_import_fail (self, SIGNET_XML_ERROR_INVALID, line,
                                  _signet_xml_import_locate_attribute (self, line, name, text), text,
                                  _("“%s” is not a risk level. Use one of: low, medium, high."), text);
}

static gboolean
start_choice (Import *self,
              guint   line)
{
  ImportCommitments *state = get_state (self);
  SignetRiskLevelChoice *choice;

  clear_records (state);
  state->line = line;
  choice = state->choice = signet_risk_level_choice_new (self->extras_contract_id);
  choice->chosen_at = attribute (self, "chosen-at");
  choice->chosen_by = attribute (self, "chosen-by");

  return read_level (self, line, "level", &choice->level) &&
         read_level (self, line, "suggested", &choice->suggested) &&
         _signet_xml_import_check_time (self, choice->chosen_at, line, "chosen-at");
}

static gboolean
finish_choice (Import *self)
{
  ImportCommitments *state = get_state (self);
  g_autoptr(SignetRiskLevelChoice) choice = g_steal_pointer (&state->choice);
  g_autoptr(SignetRiskLevelChoice) known = NULL;
  g_autoptr(GError) error = NULL;
  gboolean write = TRUE;

  if (choice == NULL || !writes_extras (self) || choice->reason == NULL)
    return TRUE;

  known = signet_store_get_risk_level_choice (self->store, self->extras_contract_id, &error);
  if (error != NULL)
    return fail_store (self, error, state->line);

  if (known != NULL)
    {
      if (known->level == choice->level && known->suggested == choice->suggested &&
          g_strcmp0 (known->reason, choice->reason) == 0)
        return TRUE;
      if (!settle_conflict (self, state->line, _("a kept risk level"), &write))
        return FALSE;
      if (!write)
        return TRUE;
    }

  if (!signet_store_put_risk_level_choice (self->store, choice, &error))
    return fail_store (self, error, state->line);

  return TRUE;
}

/* The original and its loans. */

static gboolean
read_count (Import     *self,
            guint       line,
            const char *name,
            guint      *count)
{
  g_autofree char *text = attribute (self, name);
  guint64 value = 0;

  if (text == NULL)
    return TRUE;

  if (!g_ascii_string_to_unsigned (text, 10, 0, 9999, &value, NULL))
    return _signet_xml_import_fail (self, SIGNET_XML_ERROR_INVALID, line,
                                    _signet_xml_import_locate_attribute (self, line, name, text), text,
                                    /* Translators: %s is the value in the file. */
                                    _("“%s” is not a number of originals or copies; write one from 0 to 9999."), text);

  *count = value;

  return TRUE;
}

static gboolean
start_original (Import *self,
                guint   line)
{
  ImportCommitments *state = get_state (self);
  g_autofree char *archived_by = attribute (self, "archived-by");
  SignetOriginal *original;

  clear_records (state);
  state->line = line;
  original = state->original = signet_original_new (self->extras_contract_id);
  original->archive_number = attribute (self, "archive-number");
  original->room = attribute (self, "room");
  original->cabinet = attribute (self, "cabinet");
  original->shelf = attribute (self, "shelf");
  original->box = attribute (self, "box");
  original->archived_on = attribute (self, "archived-on");

  return read_count (self, line, "originals", &original->originals) &&
         read_count (self, line, "copies", &original->copies) &&
         check_optional_date (self, original->archived_on, line, "original", "archived-on") &&
         find_person (self, archived_by, line, "archived-by", &original->archived_by_id);
}

static gboolean
originals_equal (const SignetOriginal *a,
                 const SignetOriginal *b)
{
  return g_strcmp0 (a->archive_number, b->archive_number) == 0 && g_strcmp0 (a->room, b->room) == 0 &&
         g_strcmp0 (a->cabinet, b->cabinet) == 0 && g_strcmp0 (a->shelf, b->shelf) == 0 &&
         g_strcmp0 (a->box, b->box) == 0 && a->originals == b->originals && a->copies == b->copies &&
         a->archived_by_id == b->archived_by_id && g_strcmp0 (a->archived_on, b->archived_on) == 0 &&
         g_strcmp0 (a->note, b->note) == 0;
}

static gboolean
finish_original (Import *self)
{
  ImportCommitments *state = get_state (self);
  g_autoptr(SignetOriginal) original = g_steal_pointer (&state->original);
  g_autoptr(SignetOriginal) known = NULL;
  g_autoptr(GError) error = NULL;
  gboolean write = TRUE;

  if (original == NULL || !writes_extras (self))
    return TRUE;

  known = signet_store_get_original (self->store, self->extras_contract_id, &error);
  if (error != NULL)
    return fail_store (self, error, state->line);

  if (known != NULL)
    {
      if (originals_equal (original, known))
        return TRUE;
      if (!settle_conflict (self, state->line, _("a paper original"), &write))
        return FALSE;
      if (!write)
        return TRUE;
      original->version = known->version;
    }

  if (!signet_store_save_original (self->store, original, &error))
    return fail_store (self, error, state->line);

  return TRUE;
}

static gboolean
start_loan (Import *self,
            guint   line)
{
  ImportCommitments *state = get_state (self);
  g_autofree char *borrower = attribute (self, "borrower");
  g_autofree char *condition = attribute (self, "condition");
  SignetLoan *loan;

  clear_records (state);
  state->line = line;
  loan = state->loan = signet_loan_new (self->extras_contract_id);
  loan->uuid = attribute (self, "uuid");
  loan->lent_on = attribute (self, "lent-on");
  loan->due_on = attribute (self, "due-on");
  loan->returned_on = attribute (self, "returned-on");
  loan->lent_by = attribute (self, "lent-by");
  loan->returned_by = attribute (self, "returned-by");

  if (condition != NULL && !signet_loan_condition_from_token (condition, &loan->condition))
    return _signet_xml_import_fail (self, SIGNET_XML_ERROR_INVALID, line,
                                    _signet_xml_import_locate_attribute (self, line, "condition", condition), condition,
                                    _("“%s” is not how a loan came back. Use one of: intact, damaged."), condition);

  if (!check_optional_date (self, loan->lent_on, line, "loan", "lent-on") ||
      !check_optional_date (self, loan->due_on, line, "loan", "due-on") ||
      !check_optional_date (self, loan->returned_on, line, "loan", "returned-on"))
    return FALSE;

  if (loan->lent_on != NULL && loan->due_on != NULL && strcmp (loan->due_on, loan->lent_on) < 0)
    return _signet_xml_import_fail (self, SIGNET_XML_ERROR_INVALID, line,
                                    _signet_xml_import_locate_attribute (self, line, "due-on", loan->due_on), loan->due_on,
                                    _("The end date %s is before the start date %s."), loan->due_on, loan->lent_on);

  if (loan->lent_on != NULL && loan->returned_on != NULL && strcmp (loan->returned_on, loan->lent_on) < 0)
    return _signet_xml_import_fail (self, SIGNET_XML_ERROR_INVALID, line,
                                    _signet_xml_import_locate_attribute (self, line, "returned-on", loan->returned_on),
                                    loan->returned_on,
                                    _("The end date %s is before the start date %s."), loan->returned_on, loan->lent_on);

  return find_person (self, borrower, line, "borrower", &loan->borrower_id);
}

static gboolean
finish_loan (Import *self)
{
  ImportCommitments *state = get_state (self);
  g_autoptr(SignetLoan) loan = g_steal_pointer (&state->loan);
  g_autofree char *loan_key = NULL;
  g_autoptr(GError) error = NULL;

  if (loan == NULL || !writes_extras (self) || loan->purpose == NULL || loan->borrower_id == 0 ||
      loan->lent_on == NULL || loan->due_on == NULL)
    return TRUE;

  if (state->loans == NULL)
    {
      g_autoptr(GPtrArray) loans = signet_store_list_loans (self->store, self->extras_contract_id, &error);

      if (loans == NULL)
        return fail_store (self, error, state->line);

      /* By UUID, and by the day it was lent and to whom. */
      state->loans = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      for (guint i = 0; i < loans->len; i++)
        {
          SignetLoan *other = g_ptr_array_index (loans, i);

          g_hash_table_add (state->loans, g_strdup (other->uuid));
          g_hash_table_add (state->loans, g_strdup_printf ("%s\n%" G_GINT64_FORMAT, other->lent_on, other->borrower_id));
        }
    }

  loan_key = g_strdup_printf ("%s\n%" G_GINT64_FORMAT, loan->lent_on, loan->borrower_id);
  if ((loan->uuid != NULL && g_hash_table_contains (state->loans, loan->uuid)) ||
      g_hash_table_contains (state->loans, loan_key))
    return TRUE;

  /* The store refuses it as the register's trouble; here it is the
   * file's, at its line. */
  if (loan->returned_on == NULL)
    {
      g_autoptr(SignetLoan) open_loan = signet_store_get_open_loan (self->store, self->extras_contract_id, &error);

      if (error != NULL)
        return fail_store (self, error, state->line);
      if (open_loan != NULL)
        return _signet_xml_import_fail (self, SIGNET_XML_ERROR_INVALID, state->line,
                                        _signet_xml_import_locate_attribute (self, state->line, "lent-on", loan->lent_on),
                                        loan->lent_on,
                                        /* Translators: the first %s is a contract number, the second a person, the third a date. */
                                        _("The original of the contract %s is still on loan to %s since %s: a second "
                                          "loan can only be recorded with the day the first came back (returned-on)."),
                                        contract_key (self), open_loan->borrower ? open_loan->borrower : "",
                                        open_loan->lent_on);
    }

  if (loan->returned_on != NULL && loan->condition == SIGNET_LOAN_CONDITION_NONE)
    loan->condition = SIGNET_LOAN_CONDITION_INTACT;

  if (!signet_store_add_loan (self->store, loan, &error))
    return fail_store (self, error, state->line);

  g_hash_table_add (state->loans, g_strdup (loan->uuid));
  g_hash_table_add (state->loans, g_steal_pointer (&loan_key));

  return TRUE;
}

/* Review items and actions. */

gboolean
_signet_xml_import_start_review_report (Import *self,
                                        guint   line)
{
  ImportCommitments *state = get_state (self);

  clear_review (state);
  state->review_line = line;
  state->follow_up = attribute (self, "follow-up");

  return check_optional_date (self, state->follow_up, line, "review", "follow-up");
}

static gboolean
start_item (Import *self,
            guint   line)
{
  ImportCommitments *state = get_state (self);
  g_autofree char *clause = attribute (self, "clause");
  g_autofree char *answer_token = attribute (self, "answer");
  SignetReviewAnswer answer = SIGNET_REVIEW_ANSWER_NONE;

  if (answer_token != NULL && !signet_review_answer_from_token (answer_token, &answer))
    return _signet_xml_import_fail (self, SIGNET_XML_ERROR_INVALID, line,
                                    _signet_xml_import_locate_attribute (self, line, "answer", answer_token), answer_token,
                                    _("“%s” is not an answer to a checklist item. Use one of: ok, issue, na."),
                                    answer_token);

  if (state->items == NULL)
    state->items = g_ptr_array_new_with_free_func ((GDestroyNotify) signet_review_item_free);
  g_ptr_array_add (state->items, signet_review_item_new (clause != NULL ? clause : "", answer, NULL));

  return TRUE;
}

static gboolean
start_action (Import *self,
              guint   line)
{
  ImportCommitments *state = get_state (self);
  g_autofree char *owner = attribute (self, "owner");
  g_autoptr(SignetReviewAction) action = NULL;
  gint64 owner_id = 0;

  action = signet_review_action_new (NULL, 0, NULL);
  action->uuid = attribute (self, "uuid");
  action->due_date = attribute (self, "due");
  action->done_date = attribute (self, "done");
  state->action_line = line;

  if (!check_optional_date (self, action->due_date, line, "action", "due") ||
      !check_optional_date (self, action->done_date, line, "action", "done") ||
      !find_person (self, owner, line, "owner", &owner_id))
    return FALSE;

  action->owner_id = owner_id;
  if (state->actions == NULL)
    state->actions = g_ptr_array_new_with_free_func ((GDestroyNotify) signet_review_action_free);
  g_ptr_array_add (state->actions, g_steal_pointer (&action));

  return TRUE;
}

gboolean
_signet_xml_import_record_review_report (Import             *self,
                                         const SignetReview *review,
                                         guint               line,
                                         gboolean           *recorded)
{
  ImportCommitments *state = get_state (self);
  g_autoptr(SignetReviewReport) report = NULL;
  g_autoptr(GPtrArray) done_dates = NULL;
  g_autoptr(GError) error = NULL;

  *recorded = FALSE;
  if (state->items == NULL && state->actions == NULL && state->follow_up == NULL)
    return TRUE;

  *recorded = TRUE;
  done_dates = g_ptr_array_new_with_free_func (g_free);
  report = signet_review_report_new (self->extras_contract_id, review->date);
  report->reviewer = g_strdup (review->reviewer);
  report->note = g_strdup (review->note);
  report->follow_up_date = g_steal_pointer (&state->follow_up);
  if (state->items != NULL)
    {
      g_ptr_array_unref (report->items);
      report->items = g_steal_pointer (&state->items);
    }
  if (state->actions != NULL)
    {
      g_ptr_array_unref (report->actions);
      report->actions = g_steal_pointer (&state->actions);
    }

  /* Recorded open, so that the review keeps the follow-up date it had
   * while they were; then done on the days the file gives. */
  for (guint i = 0; i < report->actions->len; i++)
    {
      SignetReviewAction *action = g_ptr_array_index (report->actions, i);

      g_ptr_array_add (done_dates, g_steal_pointer (&action->done_date));
    }

  if (!signet_store_record_review_report (self->store, report, &error))
    return _signet_xml_import_fail_in_contract (self, error, line,
                                                _signet_xml_import_locate_attribute (self, line, "date", review->date),
                                                review->date);

  for (guint i = 0; i < report->actions->len; i++)
    {
      SignetReviewAction *action = g_ptr_array_index (report->actions, i);
      const char *done_date = g_ptr_array_index (done_dates, i);

      if (done_date != NULL &&
          !signet_store_set_review_action_done (self->store, action->id, done_date, &error))
        return _signet_xml_import_fail_in_contract (self, error, line, 0, NULL);
    }

  return TRUE;
}

/* Old files. */

gboolean
_signet_xml_import_add_payment_key_date (Import            *self,
                                         SignetUserKeyDate *key_date,
                                         guint              line)
{
  ImportCommitments *state = get_state (self);
  g_autoptr(SignetPayment) payment = signet_payment_new (self->extras_contract_id);
  g_autofree char *details = NULL;
  g_autoptr(GError) error = NULL;

  if (!read_payments (self, &error))
    return fail_store (self, error, line);

  /* Imported before, as a key date became a planned payment under its
   * UUID; or the same date and title. */
  if (key_date->uuid != NULL && g_hash_table_contains (state->payments, key_date->uuid))
    return TRUE;

  details = g_strconcat (key_date->date, "\n", key_date->title, NULL);
  if (g_hash_table_contains (state->unset_payments, details))
    return TRUE;

  payment->uuid = g_strdup (key_date->uuid);
  payment->direction = SIGNET_PAYMENT_RECEIVABLE;
  payment->title = g_strdup (key_date->title);
  payment->due_date = g_strdup (key_date->date);
  payment->note = g_strdup (key_date->note);

  if (!signet_store_add_payment (self->store, payment, &error))
    return _signet_xml_import_fail_in_contract (self, error, line,
                                                _signet_xml_import_locate_attribute (self, line, "date", key_date->date),
                                                key_date->date);

  g_hash_table_add (state->unset_payments, g_steal_pointer (&details));
  if (payment->uuid != NULL)
    {
      const char *uuid = payment->uuid;

      g_hash_table_insert (state->payments, (gpointer) uuid, g_steal_pointer (&payment));
    }

  self->report->key_dates_added++;

  return TRUE;
}

/* The elements. */

gboolean
_signet_xml_import_start_commitments (Import  *self,
                                      Section  section,
                                      guint    line)
{
  switch (section)
    {
    case SECTION_RISK_LEVEL_CHOICE:
      return start_choice (self, line);
    case SECTION_ORIGINAL:
      return start_original (self, line);
    case SECTION_NONE:
    case SECTION_ATTACHMENTS:
    case SECTION_KEY_DATES:
    case SECTION_REVIEWS:
    case SECTION_REMINDERS:
    case SECTION_PROCESS:
    case SECTION_AMENDMENTS:
    case SECTION_RENEWAL_OF:
    case SECTION_NOTICE_DECISIONS:
    case SECTION_APPROVAL_STEPS:
    case SECTION_PAYMENTS:
    case SECTION_OBLIGATIONS:
    case SECTION_RISKS:
    case SECTION_LOANS:
    default:
      return TRUE;
    }
}

gboolean
_signet_xml_import_finish_commitments (Import *self)
{
  Section section = self->section;

  if (self->commitments == NULL)
    return TRUE;

  if (section == SECTION_RISK_LEVEL_CHOICE)
    return finish_choice (self);
  if (section == SECTION_ORIGINAL)
    return finish_original (self);

  return TRUE;
}

static const FieldInfo *
lookup (const FieldInfo *fields,
        gsize            n_fields,
        const char      *name)
{
  for (gsize i = 0; i < n_fields; i++)
    if (g_str_equal (fields[i].element, name))
      return &fields[i];

  return NULL;
}

gboolean
_signet_xml_import_start_commitment_element (Import           *self,
                                             const char       *name,
                                             int               depth,
                                             guint             line,
                                             gboolean          empty,
                                             const FieldInfo **field)
{
  ImportCommitments *state = get_state (self);
  gboolean success = TRUE;

  *field = NULL;

  /* Inside a <review>. */
  if (self->review != NULL)
    {
      if (depth == 5 && g_str_equal (name, "item"))
        return start_item (self, line);
      if (depth == 5 && g_str_equal (name, "action"))
        return start_action (self, line);
      if (depth == 6 && g_str_equal (name, "finding") && state->items != NULL)
        *field = &finding_field;
      else if (depth == 6 && g_str_equal (name, "description") && state->actions != NULL)
        *field = &action_description_field;
      return TRUE;
    }

  switch (self->section)
    {
    case SECTION_PAYMENTS:
      if (depth == 4 && g_str_equal (name, "payment"))
        success = start_payment (self, line) && (!empty || _signet_xml_import_end_commitment_element (self, name, depth));
      else if (depth == 5 && state->payment != NULL && g_str_equal (name, "invoice"))
        success = read_invoice (self, line);
      else if (depth == 5 && state->payment != NULL && g_str_equal (name, "paid"))
        success = start_paid (self, line) && (!empty || finish_paid (self));
      else if (depth == 5 && state->payment != NULL)
        {
          *field = lookup (payment_fields, G_N_ELEMENTS (payment_fields), name);
          if (*field != NULL && (*field)->field == FIELD_PAYMENT_AMOUNT)
            {
              g_free (state->payment->currency);
              state->payment->currency = attribute (self, "currency");
            }
        }
      else if (depth == 6 && state->paid != NULL && g_str_equal (name, "note"))
        *field = &paid_note_field;
      break;
    case SECTION_OBLIGATIONS:
      if (depth == 4 && g_str_equal (name, "obligation"))
        success = start_obligation (self, line) && (!empty || _signet_xml_import_end_commitment_element (self, name, depth));
      else if (depth == 5 && state->obligation != NULL && g_str_equal (name, "occurrence"))
        success = start_occurrence (self, line) && (!empty || finish_occurrence (self));
      else if (depth == 5 && state->obligation != NULL)
        *field = lookup (obligation_fields, G_N_ELEMENTS (obligation_fields), name);
      else if (depth == 6 && state->occurrence != NULL && g_str_equal (name, "note"))
        *field = &occurrence_note_field;
      break;
    case SECTION_RISKS:
      if (depth == 4 && g_str_equal (name, "risk"))
        success = start_risk (self, line) && (!empty || finish_risk (self));
      else if (depth == 5 && state->risk != NULL)
        *field = lookup (risk_fields, G_N_ELEMENTS (risk_fields), name);
      break;
    case SECTION_RISK_LEVEL_CHOICE:
      if (depth == 4 && state->choice != NULL && g_str_equal (name, "reason"))
        *field = &reason_field;
      break;
    case SECTION_ORIGINAL:
      if (depth == 4 && state->original != NULL && g_str_equal (name, "note"))
        *field = &original_note_field;
      break;
    case SECTION_LOANS:
      if (depth == 4 && g_str_equal (name, "loan"))
        success = start_loan (self, line) && (!empty || finish_loan (self));
      else if (depth == 5 && state->loan != NULL)
        *field = lookup (loan_fields, G_N_ELEMENTS (loan_fields), name);
      break;
    case SECTION_NONE:
    case SECTION_ATTACHMENTS:
    case SECTION_KEY_DATES:
    case SECTION_REVIEWS:
    case SECTION_REMINDERS:
    case SECTION_PROCESS:
    case SECTION_AMENDMENTS:
    case SECTION_RENEWAL_OF:
    case SECTION_NOTICE_DECISIONS:
    case SECTION_APPROVAL_STEPS:
    default:
      break;
    }

  return success;
}

gboolean
_signet_xml_import_end_commitment_element (Import     *self,
                                           const char *name,
                                           int         depth)
{
  ImportCommitments *state = self->commitments;

  if (state == NULL)
    return TRUE;

  if (depth == 4 && state->payment != NULL && g_str_equal (name, "payment"))
    {
      gboolean success = store_payment (self);

      g_clear_pointer (&state->payment, signet_payment_free);
      return success;
    }
  if (depth == 5 && state->paid != NULL && g_str_equal (name, "paid"))
    return finish_paid (self);
  if (depth == 4 && state->obligation != NULL && g_str_equal (name, "obligation"))
    {
      gboolean success = store_obligation (self);

      g_clear_pointer (&state->obligation, signet_obligation_free);
      return success;
    }
  if (depth == 5 && state->occurrence != NULL && g_str_equal (name, "occurrence"))
    return finish_occurrence (self);
  if (depth == 4 && state->risk != NULL && g_str_equal (name, "risk"))
    return finish_risk (self);
  if (depth == 4 && state->loan != NULL && g_str_equal (name, "loan"))
    return finish_loan (self);

  return TRUE;
}

static char *
nonempty (const char *text)
{
  return text != NULL && *text != '\0' ? g_strdup (text) : NULL;
}

/* A text a record needs, not blank. */
static gboolean
check_required (Import     *self,
                const char *stripped,
                const char *raw,
                guint       line,
                const char *element)
{
  if (*stripped != '\0')
    return TRUE;

  return _signet_xml_import_fail (self, SIGNET_XML_ERROR_INVALID, line,
                                  _signet_xml_import_locate_text (self, line, NULL, element), raw,
                                  /* Translators: the first %s is an element's name, the second a contract number. */
                                  _("<%s> of a record of the contract %s is empty."), element, contract_key (self));
}

gboolean
_signet_xml_import_finish_commitment_field (Import          *self,
                                            const FieldInfo *info,
                                            char            *raw,
                                            const char      *stripped,
                                            guint            line)
{
  ImportCommitments *state = get_state (self);

  switch (info->field)
    {
    case FIELD_PAYMENT_TITLE:
      if (!check_required (self, stripped, raw, line, info->element))
        return FALSE;
      g_free (state->payment->title);
      state->payment->title = g_strdup (stripped);
      break;
    case FIELD_PAYMENT_AMOUNT:
      return finish_payment_amount (self, stripped, line);
    case FIELD_PAYMENT_CONDITION:
      g_free (state->payment->condition);
      state->payment->condition = nonempty (raw);
      break;
    case FIELD_PAYMENT_NOTE:
      g_free (state->payment->note);
      state->payment->note = nonempty (raw);
      break;
    case FIELD_PAID_NOTE:
      g_free (state->paid->note);
      state->paid->note = nonempty (raw);
      break;
    case FIELD_OBLIGATION_TITLE:
      if (!check_required (self, stripped, raw, line, info->element))
        return FALSE;
      g_free (state->obligation->title);
      state->obligation->title = g_strdup (stripped);
      break;
    case FIELD_OBLIGATION_NOTE:
      g_free (state->obligation->note);
      state->obligation->note = nonempty (raw);
      break;
    case FIELD_OCCURRENCE_NOTE:
      g_free (state->occurrence->note);
      state->occurrence->note = nonempty (raw);
      break;
    case FIELD_RISK_DESCRIPTION:
      if (!check_required (self, stripped, raw, line, info->element))
        return FALSE;
      g_free (state->risk->description);
      state->risk->description = g_strdup (stripped);
      break;
    case FIELD_RISK_MITIGATION:
      g_free (state->risk->mitigation);
      state->risk->mitigation = nonempty (raw);
      break;
    case FIELD_CHOICE_REASON:
      if (!check_required (self, stripped, raw, line, info->element))
        return FALSE;
      g_free (state->choice->reason);
      state->choice->reason = g_strdup (stripped);
      break;
    case FIELD_ORIGINAL_NOTE:
      g_free (state->original->note);
      state->original->note = nonempty (raw);
      break;
    case FIELD_LOAN_DEPARTMENT:
      g_free (state->loan->department);
      state->loan->department = nonempty (raw);
      break;
    case FIELD_LOAN_PURPOSE:
      if (!check_required (self, stripped, raw, line, info->element))
        return FALSE;
      g_free (state->loan->purpose);
      state->loan->purpose = g_strdup (stripped);
      break;
    case FIELD_LOAN_CONDITION_NOTE:
      g_free (state->loan->condition_note);
      state->loan->condition_note = nonempty (raw);
      break;
    case FIELD_REVIEW_FINDING:
      {
        SignetReviewItem *item = g_ptr_array_index (state->items, state->items->len - 1);

        g_free (item->finding);
        item->finding = nonempty (raw);
      }
      break;
    case FIELD_ACTION_DESCRIPTION:
      {
        SignetReviewAction *action = g_ptr_array_index (state->actions, state->actions->len - 1);

        if (!check_required (self, stripped, raw, line, info->element))
          return FALSE;
        g_free (action->description);
        action->description = g_strdup (stripped);
      }
      break;
    default:
      g_assert_not_reached ();
    }

  return TRUE;
}
