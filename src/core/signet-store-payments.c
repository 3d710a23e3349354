/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "signet-store"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "signet-date.h"
#include "signet-money.h"
#include "signet-store-payments.h"
#include "signet-store-private.h"
#include "signet-tombstone-private.h"

/* The payment schedule of a contract (计划收付款): planned payments, each
 * receivable or payable, with the invoices issued against it and the
 * payments received or made on it, partial ones included. A planned
 * payment's status (planned, invoiced, part-paid, paid, overdue) is never
 * stored: it follows from its invoices, its payments and the day. The
 * column paid is the sum of its payments, kept by the store in the same
 * write as they are, so that the agenda finds what is still owed through
 * one partial index however large the register is. No foreign keys, as
 * key dates have none: the rows of a deleted contract wait under its id
 * for Undo. */

/* Version 16. Every key date of kind "payment" becomes a planned payment
 * receivable on its date, with its title, note and UUID; its amount is
 * left to be filled in (NULL, shown as such), as a key date had none.
 * The calendar's index gains a column naming the record behind an event
 * (a payment, an obligation, a loan, a review) and is derived again. */
gboolean
_signet_store_migrate_payments (SignetStore  *self,
                                GError      **error)
{
  return _signet_store_exec (self,
    "CREATE TABLE payments ("
    "  id INTEGER PRIMARY KEY AUTOINCREMENT,"
    "  uuid TEXT NOT NULL UNIQUE,"
    "  contract_id INTEGER NOT NULL,"
    "  direction TEXT NOT NULL CHECK (direction IN ('receivable', 'payable')),"
    "  title TEXT NOT NULL CHECK (title <> ''),"
    "  amount INTEGER CHECK (amount > 0),"
    "  currency TEXT CHECK (length (currency) = 3),"
    "  due_date TEXT NOT NULL,"
    "  condition TEXT,"
    "  note TEXT,"
    "  paid INTEGER NOT NULL DEFAULT 0 CHECK (paid >= 0),"
    "  version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),"
    "  CHECK ((amount IS NULL) = (currency IS NULL)));"
    "CREATE INDEX payments_contract ON payments (contract_id, due_date);"
    "CREATE INDEX payments_unpaid ON payments (due_date) "
    "  WHERE amount IS NULL OR paid < amount;"
    "CREATE TABLE payment_invoices ("
    "  id INTEGER PRIMARY KEY AUTOINCREMENT,"
    "  uuid TEXT NOT NULL UNIQUE,"
    "  payment_id INTEGER NOT NULL,"
    "  number TEXT NOT NULL CHECK (number <> ''),"
    "  date TEXT NOT NULL,"
    "  amount INTEGER NOT NULL CHECK (amount > 0));"
    "CREATE INDEX payment_invoices_payment ON payment_invoices (payment_id);"
    /* A payment received (receivable) or made (payable). */
    "CREATE TABLE payment_settlements ("
    "  id INTEGER PRIMARY KEY AUTOINCREMENT,"
    "  uuid TEXT NOT NULL UNIQUE,"
    "  payment_id INTEGER NOT NULL,"
    "  date TEXT NOT NULL,"
    "  amount INTEGER NOT NULL CHECK (amount > 0),"
    "  note TEXT,"
    "  recorded_at TEXT NOT NULL, recorded_by TEXT NOT NULL);"
    "CREATE INDEX payment_settlements_payment ON payment_settlements (payment_id);"
    "INSERT INTO payments (uuid, contract_id, direction, title, due_date, note) "
    "  SELECT uuid, contract_id, 'receivable', title, date, note FROM key_dates "
    "  WHERE kind = 'payment' ORDER BY id;"
    "DELETE FROM key_dates WHERE kind = 'payment';"
    "ALTER TABLE contract_events ADD COLUMN record_id INTEGER;"
    "DELETE FROM contract_events WHERE contract_id = 0;",
    error);
}

#define PAYMENT_COLUMNS \
  "id, contract_id, uuid, direction, title, amount, currency, due_date, condition, note, paid, version"
#define INVOICE_COLUMNS "id, payment_id, uuid, number, date, amount"
#define SETTLEMENT_COLUMNS "id, payment_id, uuid, date, amount, note, recorded_at, recorded_by"

static gpointer
payment_from_row (SignetDbStmt *stmt)
{
  SignetPayment *payment = signet_payment_new (signet_db_column_int64 (stmt, 1));

  payment->id = signet_db_column_int64 (stmt, 0);
  payment->uuid = _signet_store_dup_text (stmt, 2);
  if (!signet_payment_direction_from_token (signet_db_column_text (stmt, 3), &payment->direction))
    payment->direction = SIGNET_PAYMENT_RECEIVABLE;
  payment->title = _signet_store_dup_text (stmt, 4);
  if (signet_db_column_type (stmt, 5) != SIGNET_DB_NULL)
    {
      payment->amount = signet_db_column_int64 (stmt, 5);
      payment->currency = _signet_store_dup_text (stmt, 6);
    }
  payment->due_date = _signet_store_dup_text (stmt, 7);
  payment->condition = _signet_store_dup_text (stmt, 8);
  payment->note = _signet_store_dup_text (stmt, 9);
  payment->paid = signet_db_column_int64 (stmt, 10);
  payment->version = signet_db_column_int64 (stmt, 11);

  return payment;
}

static gpointer
invoice_from_row (SignetDbStmt *stmt)
{
  SignetPaymentInvoice *invoice = signet_payment_invoice_new (signet_db_column_int64 (stmt, 1));

  invoice->id = signet_db_column_int64 (stmt, 0);
  invoice->uuid = _signet_store_dup_text (stmt, 2);
  invoice->number = _signet_store_dup_text (stmt, 3);
  invoice->date = _signet_store_dup_text (stmt, 4);
  invoice->amount = signet_db_column_int64 (stmt, 5);

  return invoice;
}

static gpointer
settlement_from_row (SignetDbStmt *stmt)
{
  SignetPaymentSettlement *settlement = signet_payment_settlement_new (signet_db_column_int64 (stmt, 1));

  settlement->id = signet_db_column_int64 (stmt, 0);
  settlement->uuid = _signet_store_dup_text (stmt, 2);
  settlement->date = _signet_store_dup_text (stmt, 3);
  settlement->amount = signet_db_column_int64 (stmt, 4);
  settlement->note = _signet_store_dup_text (stmt, 5);
  settlement->recorded_at = _signet_store_dup_text (stmt, 6);
  settlement->recorded_by = _signet_store_dup_text (stmt, 7);

  return settlement;
}

/* Steps @stmt to its end, adding the invoice or settlement of each row to
 * its planned payment in @by_id (payment id -> SignetPayment *). */
static gboolean
attach_rows (SignetStore        *self,
             SignetDbStmt       *stmt,
             GHashTable         *by_id,
             SignetStoreRowFunc  from_row,
             gboolean            invoices,
             GError            **error)
{
  int rc;

  while ((rc = signet_db_step (stmt)) == SIGNET_DB_ROW)
    {
      SignetPayment *payment = g_hash_table_lookup (by_id, &(gint64) { signet_db_column_int64 (stmt, 1) });
      gpointer row = from_row (stmt);

      if (payment == NULL && invoices)
        signet_payment_invoice_free (row);
      else if (payment == NULL)
        signet_payment_settlement_free (row);
      if (payment == NULL)
        continue;

      if (!invoices)
        {
          SignetPaymentSettlement *settlement = row;

          settlement->currency = g_strdup (payment->currency);
        }
      g_ptr_array_add (invoices ? payment->invoices : payment->settlements, row);
    }
  signet_db_reset (stmt);

  if (rc != SIGNET_DB_DONE)
    return _signet_store_set_error (self, rc, error);

  return TRUE;
}

/* The planned payments @where selects (?1 = @id), each with its invoices
 * and payments. */
static GPtrArray *
list_payments (SignetStore  *self,
               const char   *where,
               gint64        id,
               GError      **error)
{
  g_autoptr(GPtrArray) payments = g_ptr_array_new_with_free_func ((GDestroyNotify) signet_payment_free);
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autofree char *sql = NULL;
  g_autofree char *invoices_sql = NULL;
  g_autofree char *settlements_sql = NULL;
  SignetDbStmt *stmt;
  int rc;

  sql = g_strdup_printf ("SELECT " PAYMENT_COLUMNS " FROM payments WHERE %s ORDER BY due_date, id", where);
  if (!(stmt = _signet_store_statement (self, sql, error)))
    return NULL;

  signet_db_bind_int64 (stmt, 1, id);
  while ((rc = signet_db_step (stmt)) == SIGNET_DB_ROW)
    {
      SignetPayment *payment = payment_from_row (stmt);

      g_ptr_array_add (payments, payment);
      g_hash_table_insert (by_id, &payment->id, payment);
    }
  signet_db_reset (stmt);
  if (rc != SIGNET_DB_DONE)
    {
      _signet_store_set_error (self, rc, error);
      return NULL;
    }

  if (payments->len == 0)
    return g_steal_pointer (&payments);

  invoices_sql = g_strdup_printf ("SELECT " INVOICE_COLUMNS " FROM payment_invoices WHERE payment_id IN "
                                  "(SELECT id FROM payments WHERE %s) ORDER BY date, id", where);
  if (!(stmt = _signet_store_statement (self, invoices_sql, error)))
    return NULL;
  signet_db_bind_int64 (stmt, 1, id);
  if (!attach_rows (self, stmt, by_id, invoice_from_row, TRUE, error))
    return NULL;

  settlements_sql = g_strdup_printf ("SELECT " SETTLEMENT_COLUMNS " FROM payment_settlements WHERE payment_id IN "
                                     "(SELECT id FROM payments WHERE %s) ORDER BY date, id", where);
  if (!(stmt = _signet_store_statement (self, settlements_sql, error)))
    return NULL;
  signet_db_bind_int64 (stmt, 1, id);
  if (!attach_rows (self, stmt, by_id, settlement_from_row, FALSE, error))
    return NULL;

  return g_steal_pointer (&payments);
}

static SignetPayment *
lookup_payment (SignetStore  *self,
                gint64        id,
                GError      **error)
{
  g_autoptr(GPtrArray) found = list_payments (self, "id = ?1", id, error);

  if (found == NULL)
    return NULL;

  if (found->len == 0)
    {
      g_set_error (error, SIGNET_STORE_ERROR, SIGNET_STORE_ERROR_NOT_FOUND,
                   _("The planned payment no longer exists; it may have been deleted."));
      return NULL;
    }

  return g_ptr_array_steal_index (found, 0);
}

static gboolean
validate_date (const char   *date,
               SignetField   field,
               GError      **error)
{
  SignetDateCheck check;

  if (_signet_is_blank (date))
    return _signet_set_field_error (error, field, _("Enter a date."));

  check = signet_date_check (date);
  if (check == SIGNET_DATE_OK)
    return TRUE;

  if (check == SIGNET_DATE_OUT_OF_RANGE)
    {
      g_autofree char *message = signet_date_out_of_range_message (date);

      return _signet_set_field_error (error, field, "%s", message);
    }

  return _signet_set_field_error (error, field,
                                  _("“%s” is not a date. Use the form YYYY-MM-DD, for example 2027-03-31."),
                                  date);
}

static gboolean
validate_amount (gint64        amount,
                 SignetField   field,
                 GError      **error)
{
  if (amount <= 0)
    return _signet_set_field_error (error, field, _("Enter an amount above zero."));

  return TRUE;
}

static gboolean
validate_payment (const SignetPayment  *payment,
                  GError              **error)
{
  if (payment->direction >= SIGNET_N_PAYMENT_DIRECTIONS)
    return _signet_set_field_error (error, SIGNET_FIELD_PAYMENT_DIRECTION,
                                    _("Choose whether the payment is receivable or payable."));

  if (_signet_is_blank (payment->title))
    return _signet_set_field_error (error, SIGNET_FIELD_PAYMENT_TITLE, _("Enter what the payment is for."));

  if (!_signet_check_length (payment->title, SIGNET_STORE_MAX_TITLE_CHARS, SIGNET_FIELD_PAYMENT_TITLE, error))
    return FALSE;

  /* No amount at all is allowed: a planned payment whose amount is not
   * known yet, as those the payment key dates became. */
  if (payment->currency != NULL || payment->amount != 0)
    {
      if (!validate_amount (payment->amount, SIGNET_FIELD_PAYMENT_AMOUNT, error))
        return FALSE;
      if (payment->currency == NULL || !signet_currency_is_valid (payment->currency))
        return _signet_set_field_error (error, SIGNET_FIELD_PAYMENT_CURRENCY, _("Choose a currency."));
    }

  return validate_date (payment->due_date, SIGNET_FIELD_PAYMENT_DUE_DATE, error);
}

static void
append_field (FieldList   *fields,
              SignetField  field,
              char        *text)
{
  FieldText ft = { field, text, text };

  /* Empty texts are no values: the History shows them as not set. */
  if (text != NULL && *text == '\0')
    {
      g_free (text);
      ft.text = ft.owned = NULL;
    }

  g_array_append_val (fields, ft);
}

static FieldList *
payment_to_fields (const SignetPayment *payment)
{
  FieldList *fields = g_array_new (FALSE, FALSE, sizeof (FieldText));

  /* The title first: it names the planned payment in the History. */
  append_field (fields, SIGNET_FIELD_PAYMENT_TITLE, _signet_strdup_trimmed (payment->title));
  append_field (fields, SIGNET_FIELD_PAYMENT_DIRECTION, g_strdup (signet_payment_direction_to_token (payment->direction)));
  append_field (fields, SIGNET_FIELD_PAYMENT_AMOUNT,
                signet_payment_has_amount (payment) ? signet_money_to_decimal (payment->amount, payment->currency) : NULL);
  append_field (fields, SIGNET_FIELD_PAYMENT_CURRENCY, g_strdup (payment->currency));
  append_field (fields, SIGNET_FIELD_PAYMENT_DUE_DATE, g_strdup (payment->due_date));
  append_field (fields, SIGNET_FIELD_PAYMENT_CONDITION, _signet_strdup_trimmed (payment->condition));
  append_field (fields, SIGNET_FIELD_PAYMENT_NOTE, g_strdup (payment->note));

  return fields;
}

static FieldList *
invoice_to_fields (const SignetPayment        *payment,
                   const SignetPaymentInvoice *invoice)
{
  FieldList *fields = g_array_new (FALSE, FALSE, sizeof (FieldText));

  append_field (fields, SIGNET_FIELD_PAYMENT_TITLE, g_strdup (payment->title));
  append_field (fields, SIGNET_FIELD_INVOICE_NUMBER, _signet_strdup_trimmed (invoice->number));
  append_field (fields, SIGNET_FIELD_INVOICE_DATE, g_strdup (invoice->date));
  append_field (fields, SIGNET_FIELD_INVOICE_AMOUNT, signet_money_to_decimal (invoice->amount, payment->currency));

  return fields;
}

static FieldList *
settlement_to_fields (const SignetPayment           *payment,
                      const SignetPaymentSettlement *settlement)
{
  FieldList *fields = g_array_new (FALSE, FALSE, sizeof (FieldText));

  append_field (fields, SIGNET_FIELD_PAYMENT_TITLE, g_strdup (payment->title));
  append_field (fields, SIGNET_FIELD_SETTLEMENT_DATE, g_strdup (settlement->date));
  append_field (fields, SIGNET_FIELD_SETTLEMENT_AMOUNT, signet_money_to_decimal (settlement->amount, payment->currency));
  append_field (fields, SIGNET_FIELD_SETTLEMENT_NOTE, g_strdup (settlement->note));

  return fields;
}

/* The audit entry on the payment's contract, labelled with its number,
 * and the contract's events derived again: a due date is one of them. */
static gboolean
audit_payment_write (SignetWriteScope   *scope,
                     SignetAuditAction   action,
                     gint64              contract_id,
                     FieldList          *before,
                     FieldList          *after,
                     GError            **error)
{
  g_autoptr(SignetContract) contract = signet_store_get_contract (scope->store, contract_id, error);

  return contract != NULL &&
         _signet_write_scope_audit (scope, action, SIGNET_RECORD_CONTRACT, contract_id,
                                    signet_contract_get_number (contract), before, after, error) &&
         _signet_store_events_refresh_contract (scope->store, contract_id, error);
}

/* The paid sum kept with a planned payment, so that the agenda finds what
 * is owed through the partial index payments_unpaid. On a server the row
 * is locked first: an UPDATE that waits for another's lock still sums
 * what was committed when it began, without the settlement the other was
 * adding; after the lock, the UPDATE begins with it committed. */
static gboolean
update_paid (SignetStore  *self,
             gint64        payment_id,
             GError      **error)
{
  SignetDbStmt *stmt;

  if (!_signet_store_lock_row (self, "SELECT id FROM payments WHERE id = ?1 FOR UPDATE", payment_id, error))
    return FALSE;

  stmt = _signet_store_statement (self,
                                  "UPDATE payments SET paid = (SELECT coalesce (sum (amount), 0) "
                                  "FROM payment_settlements WHERE payment_id = ?1) WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;

  signet_db_bind_int64 (stmt, 1, payment_id);

  return _signet_store_step_done (self, stmt, error);
}

static void
bind_payment (SignetDbStmt        *stmt,
              const SignetPayment *payment)
{
  g_autofree char *title = _signet_strdup_trimmed (payment->title);
  g_autofree char *condition = _signet_strdup_trimmed (payment->condition);

  signet_db_bind_static_text (stmt, 1, signet_payment_direction_to_token (payment->direction));
  signet_db_bind_text (stmt, 2, title);
  if (signet_payment_has_amount (payment))
    {
      signet_db_bind_int64 (stmt, 3, payment->amount);
      signet_db_bind_text (stmt, 4, payment->currency);
    }
  signet_db_bind_text (stmt, 5, payment->due_date);
  _signet_store_bind_text (stmt, 6, condition);
  _signet_store_bind_text (stmt, 7, payment->note);
}

gboolean
signet_store_add_payment (SignetStore    *self,
                          SignetPayment  *payment,
                          GError        **error)
{
  g_auto(SignetWriteScope) scope = { 0 };
  g_autoptr(SignetContract) contract = NULL;
  g_autoptr(FieldList) after = NULL;
  g_autofree char *uuid = NULL;
  SignetDbStmt *stmt;
  gint64 id;

  g_return_val_if_fail (SIGNET_IS_STORE (self), FALSE);
  g_return_val_if_fail (payment != NULL, FALSE);

  if (!validate_payment (payment, error) ||
      !_signet_write_scope_begin (&scope, self, error) ||
      !(contract = signet_store_get_contract (self, payment->contract_id, error)) ||
      !(uuid = _signet_store_claim_uuid (self, "payments", payment->uuid, error)))
    return FALSE;

  stmt = _signet_store_statement (self,
                                  "INSERT INTO payments (direction, title, amount, currency, due_date, condition, "
                                  "note, contract_id, uuid) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)", error);
  if (stmt == NULL)
    return FALSE;

  bind_payment (stmt, payment);
  signet_db_bind_int64 (stmt, 8, payment->contract_id);
  signet_db_bind_static_text (stmt, 9, uuid);
  if (!_signet_store_step_done (self, stmt, error))
    return FALSE;
  id = signet_db_last_insert_id (self->db);

  after = payment_to_fields (payment);
  if (!audit_payment_write (&scope, SIGNET_AUDIT_ACTION_ADD_PAYMENT, payment->contract_id, NULL, after, error) ||
      !_signet_write_scope_commit (&scope, error))
    return FALSE;

  payment->id = id;
  payment->version = 1;
  payment->paid = 0;
  g_free (payment->uuid);
  payment->uuid = g_steal_pointer (&uuid);

  return TRUE;
}

gboolean
signet_store_update_payment (SignetStore    *self,
                             SignetPayment  *payment,
                             GError        **error)
{
  g_auto(SignetWriteScope) scope = { 0 };
  g_autoptr(SignetPayment) before = NULL;
  g_autoptr(FieldList) before_fields = NULL;
  g_autoptr(FieldList) after_fields = NULL;
  SignetDbStmt *stmt;

  g_return_val_if_fail (SIGNET_IS_STORE (self), FALSE);
  g_return_val_if_fail (payment != NULL, FALSE);

  if (!validate_payment (payment, error) ||
      !_signet_write_scope_begin (&scope, self, error) ||
      !_signet_store_lock_row (self, "SELECT id FROM payments WHERE id = ?1 FOR UPDATE", payment->id, error) ||
      !(before = lookup_payment (self, payment->id, error)))
    return FALSE;

  if (before->version != payment->version)
    {
      g_set_error (error, SIGNET_STORE_ERROR, SIGNET_STORE_ERROR_CONFLICT,
                   _("“%s” was changed elsewhere after you opened it. Nothing was saved; "
                     "review the changes and save again."),
                   before->title);
      return FALSE;
    }

  /* What was invoiced and paid is in the planned currency: it stays. */
  if ((before->invoices->len > 0 || before->settlements->len > 0) &&
      g_strcmp0 (before->currency, payment->currency) != 0)
    return _signet_set_field_error (error, signet_payment_has_amount (payment)
                                             ? SIGNET_FIELD_PAYMENT_CURRENCY : SIGNET_FIELD_PAYMENT_AMOUNT,
                                    _("Invoices or payments are recorded in %s: the planned payment stays in %s."),
                                    before->currency, before->currency);

  stmt = _signet_store_statement (self,
                                  "UPDATE payments SET direction = ?1, title = ?2, amount = ?3, currency = ?4, "
                                  "due_date = ?5, condition = ?6, note = ?7, version = version + 1 WHERE id = ?8",
                                  error);
  if (stmt == NULL)
    return FALSE;

  bind_payment (stmt, payment);
  signet_db_bind_int64 (stmt, 8, before->id);
  if (!_signet_store_step_done (self, stmt, error))
    return FALSE;

  before_fields = payment_to_fields (before);
  after_fields = payment_to_fields (payment);
  if (!audit_payment_write (&scope, SIGNET_AUDIT_ACTION_UPDATE_PAYMENT, before->contract_id,
                            before_fields, after_fields, error) ||
      !_signet_write_scope_commit (&scope, error))
    return FALSE;

  payment->contract_id = before->contract_id;
  payment->version = before->version + 1;

  return TRUE;
}

/* The planned payment an invoice or a settlement is added to: it must
 * have an amount, whose currency they are in. */
static SignetPayment *
lookup_payment_with_amount (SignetStore  *self,
                            gint64        payment_id,
                            SignetField   field,
                            GError      **error)
{
  g_autoptr(SignetPayment) payment = lookup_payment (self, payment_id, error);

  if (payment == NULL)
    return NULL;

  if (!signet_payment_has_amount (payment))
    {
      _signet_set_field_error (error, field,
                               _("“%s” has no amount yet: set its amount before recording invoices or payments."),
                               payment->title);
      return NULL;
    }

  return g_steal_pointer (&payment);
}

gboolean
signet_store_add_payment_invoice (SignetStore           *self,
                                  SignetPaymentInvoice  *invoice,
                                  GError               **error)
{
  g_auto(SignetWriteScope) scope = { 0 };
  g_autoptr(SignetPayment) payment = NULL;
  g_autoptr(FieldList) after = NULL;
  g_autofree char *uuid = NULL;
  g_autofree char *number = NULL;
  SignetDbStmt *stmt;
  gint64 id;

  g_return_val_if_fail (SIGNET_IS_STORE (self), FALSE);
  g_return_val_if_fail (invoice != NULL, FALSE);

  if (_signet_is_blank (invoice->number))
    return _signet_set_field_error (error, SIGNET_FIELD_INVOICE_NUMBER, _("Enter the invoice’s number."));
  if (!_signet_check_length (invoice->number, SIGNET_STORE_MAX_KEY_CHARS, SIGNET_FIELD_INVOICE_NUMBER, error) ||
      !validate_date (invoice->date, SIGNET_FIELD_INVOICE_DATE, error) ||
      !validate_amount (invoice->amount, SIGNET_FIELD_INVOICE_AMOUNT, error) ||
      !_signet_write_scope_begin (&scope, self, error) ||
      !(payment = lookup_payment_with_amount (self, invoice->payment_id, SIGNET_FIELD_INVOICE_AMOUNT, error)) ||
      !(uuid = _signet_store_claim_uuid (self, "payment_invoices", invoice->uuid, error)))
    return FALSE;

  number = _signet_strdup_trimmed (invoice->number);
  stmt = _signet_store_statement (self,
                                  "INSERT INTO payment_invoices (uuid, payment_id, number, date, amount) "
                                  "VALUES (?1, ?2, ?3, ?4, ?5)", error);
  if (stmt == NULL)
    return FALSE;

  signet_db_bind_static_text (stmt, 1, uuid);
  signet_db_bind_int64 (stmt, 2, payment->id);
  signet_db_bind_static_text (stmt, 3, number);
  signet_db_bind_text (stmt, 4, invoice->date);
  signet_db_bind_int64 (stmt, 5, invoice->amount);
  if (!_signet_store_step_done (self, stmt, error))
    return FALSE;
  id = signet_db_last_insert_id (self->db);

  after = invoice_to_fields (payment, invoice);
  if (!audit_payment_write (&scope, SIGNET_AUDIT_ACTION_ADD_INVOICE, payment->contract_id, NULL, after, error) ||
      !_signet_write_scope_commit (&scope, error))
    return FALSE;

  invoice->id = id;
  g_free (invoice->uuid);
  invoice->uuid = g_steal_pointer (&uuid);

  return TRUE;
}

gboolean
signet_store_add_payment_settlement (SignetStore              *self,
                                     SignetPaymentSettlement  *settlement,
                                     GError                  **error)
{
  g_auto(SignetWriteScope) scope = { 0 };
  g_autoptr(SignetPayment) payment = NULL;
  g_autoptr(FieldList) after = NULL;
  g_autofree char *uuid = NULL;
  g_autofree char *recorded_at = NULL;
  SignetDbStmt *stmt;
  gint64 id;

  g_return_val_if_fail (SIGNET_IS_STORE (self), FALSE);
  g_return_val_if_fail (settlement != NULL, FALSE);

  if (!validate_date (settlement->date, SIGNET_FIELD_SETTLEMENT_DATE, error) ||
      !validate_amount (settlement->amount, SIGNET_FIELD_SETTLEMENT_AMOUNT, error) ||
      !_signet_write_scope_begin (&scope, self, error) ||
      !(payment = lookup_payment_with_amount (self, settlement->payment_id, SIGNET_FIELD_SETTLEMENT_AMOUNT, error)))
    return FALSE;

  if (settlement->currency != NULL && g_strcmp0 (settlement->currency, payment->currency) != 0)
    return _signet_set_field_error (error, SIGNET_FIELD_PAYMENT_CURRENCY,
                                    _("“%s” is planned in %s: record a payment in %s, not in %s."),
                                    payment->title, payment->currency, payment->currency, settlement->currency);

  if (settlement->recorded_at != NULL)
    {
      if (!(recorded_at = _signet_store_clean_timestamp (settlement->recorded_at, error)))
        return FALSE;
    }
  else
    recorded_at = _signet_store_timestamp_now ();

  if (!(uuid = _signet_store_claim_uuid (self, "payment_settlements", settlement->uuid, error)))
    return FALSE;

  stmt = _signet_store_statement (self,
                                  "INSERT INTO payment_settlements (uuid, payment_id, date, amount, note, "
                                  "recorded_at, recorded_by) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)", error);
  if (stmt == NULL)
    return FALSE;

  signet_db_bind_static_text (stmt, 1, uuid);
  signet_db_bind_int64 (stmt, 2, payment->id);
  signet_db_bind_text (stmt, 3, settlement->date);
  signet_db_bind_int64 (stmt, 4, settlement->amount);
  _signet_store_bind_text (stmt, 5, settlement->note);
  signet_db_bind_static_text (stmt, 6, recorded_at);
  signet_db_bind_text (stmt, 7, _signet_is_blank (settlement->recorded_by)
                                ? _signet_store_person_name (self) : settlement->recorded_by);
  if (!_signet_store_step_done (self, stmt, error))
    return FALSE;
  id = signet_db_last_insert_id (self->db);

  after = settlement_to_fields (payment, settlement);
  if (!update_paid (self, payment->id, error) ||
      !audit_payment_write (&scope, SIGNET_AUDIT_ACTION_ADD_SETTLEMENT, payment->contract_id, NULL, after, error) ||
      !_signet_write_scope_commit (&scope, error))
    return FALSE;

  settlement->id = id;
  g_free (settlement->uuid);
  settlement->uuid = g_steal_pointer (&uuid);
  g_free (settlement->currency);
  settlement->currency = g_strdup (payment->currency);
  if (settlement->recorded_at == NULL)
    settlement->recorded_at = g_steal_pointer (&recorded_at);
  if (_signet_is_blank (settlement->recorded_by))
    {
      g_free (settlement->recorded_by);
      settlement->recorded_by = g_strdup (_signet_store_person_name (self));
    }

  return TRUE;
}

static const SignetPaymentInvoice *
find_invoice (const SignetPayment *payment,
              gint64               id)
{
  for (guint i = 0; i < payment->invoices->len; i++)
    {
      const SignetPaymentInvoice *invoice = g_ptr_array_index (payment->invoices, i);

      if (invoice->id == id)
        return invoice;
    }

  return NULL;
}

static const SignetPaymentSettlement *
find_settlement (const SignetPayment *payment,
                 gint64               id)
{
  for (guint i = 0; i < payment->settlements->len; i++)
    {
      const SignetPaymentSettlement *settlement = g_ptr_array_index (payment->settlements, i);

      if (settlement->id == id)
        return settlement;
    }

  return NULL;
}

static gboolean
delete_rows (SignetStore  *self,
             const char   *sql,
             gint64        id,
             GError      **error)
{
  SignetDbStmt *stmt = _signet_store_statement (self, sql, error);

  if (stmt == NULL)
    return FALSE;

  signet_db_bind_int64 (stmt, 1, id);

  return _signet_store_step_done (self, stmt, error);
}

/* The planned payment that @kind's record @id is or belongs to. */
static SignetPayment *
lookup_owner (SignetStore          *self,
              SignetTombstoneKind   kind,
              gint64               id,
              GError              **error)
{
  const char *sql = kind == SIGNET_TOMBSTONE_PAYMENT_INVOICE
    ? "SELECT payment_id FROM payment_invoices WHERE id = ?"
    : "SELECT payment_id FROM payment_settlements WHERE id = ?";
  SignetDbStmt *stmt;
  gint64 payment_id = 0;
  int rc;

  if (kind == SIGNET_TOMBSTONE_PAYMENT)
    return lookup_payment (self, id, error);

  if (!(stmt = _signet_store_statement (self, sql, error)))
    return NULL;
  signet_db_bind_int64 (stmt, 1, id);
  rc = signet_db_step (stmt);
  if (rc == SIGNET_DB_ROW)
    payment_id = signet_db_column_int64 (stmt, 0);
  signet_db_reset (stmt);

  if (rc == SIGNET_DB_DONE)
    {
      g_set_error (error, SIGNET_STORE_ERROR, SIGNET_STORE_ERROR_NOT_FOUND,
                   kind == SIGNET_TOMBSTONE_PAYMENT_INVOICE
                     ? _("The invoice no longer exists; it may have been deleted.")
                     : _("The payment no longer exists; it may have been deleted."));
      return NULL;
    }
  if (rc != SIGNET_DB_ROW)
    {
      _signet_store_set_error (self, rc, error);
      return NULL;
    }

  return lookup_payment (self, payment_id, error);
}

SignetTombstone *
_signet_store_delete_payment_record (SignetStore          *self,
                                     SignetTombstoneKind   kind,
                                     gint64                id,
                                     GError              **error)
{
  g_auto(SignetWriteScope) scope = { 0 };
  g_autoptr(SignetPayment) payment = NULL;
  g_autoptr(SignetTombstone) tombstone = NULL;
  g_autoptr(FieldList) before = NULL;
  SignetAuditAction action;
  const char *label;

  if (!_signet_write_scope_begin (&scope, self, error) ||
      !(payment = lookup_owner (self, kind, id, error)))
    return NULL;

  switch (kind)
    {
    case SIGNET_TOMBSTONE_PAYMENT:
      label = payment->title;
      action = SIGNET_AUDIT_ACTION_DELETE_PAYMENT;
      before = payment_to_fields (payment);
      break;
    case SIGNET_TOMBSTONE_PAYMENT_INVOICE:
      label = find_invoice (payment, id)->number;
      action = SIGNET_AUDIT_ACTION_DELETE_INVOICE;
      before = invoice_to_fields (payment, find_invoice (payment, id));
      break;
    case SIGNET_TOMBSTONE_PAYMENT_SETTLEMENT:
    default:
      label = payment->title;
      action = SIGNET_AUDIT_ACTION_DELETE_SETTLEMENT;
      before = settlement_to_fields (payment, find_settlement (payment, id));
      break;
    }

  tombstone = _signet_tombstone_new (kind, id, payment->contract_id, label);
  if (kind == SIGNET_TOMBSTONE_PAYMENT)
    {
      /* The parent first: the rows are put back in this order. */
      if (!_signet_store_keep_rows (self, tombstone, "payments", "id = ?1", id, error) ||
          !_signet_store_keep_rows (self, tombstone, "payment_invoices", "payment_id = ?1", id, error) ||
          !_signet_store_keep_rows (self, tombstone, "payment_settlements", "payment_id = ?1", id, error) ||
          !delete_rows (self, "DELETE FROM payment_invoices WHERE payment_id = ?1", id, error) ||
          !delete_rows (self, "DELETE FROM payment_settlements WHERE payment_id = ?1", id, error) ||
          !delete_rows (self, "DELETE FROM payments WHERE id = ?1", id, error))
        return NULL;
    }
  else
    {
      const char *table = kind == SIGNET_TOMBSTONE_PAYMENT_INVOICE ? "payment_invoices" : "payment_settlements";
      g_autofree char *delete_sql = g_strdup_printf ("DELETE FROM %s WHERE id = ?1", table);

      if (!_signet_store_keep_rows (self, tombstone, table, "id = ?1", id, error) ||
          !delete_rows (self, delete_sql, id, error) ||
          !update_paid (self, payment->id, error))
        return NULL;
    }

  if (!audit_payment_write (&scope, action, payment->contract_id, before, NULL, error) ||
      !_signet_write_scope_commit (&scope, error))
    return NULL;

  return g_steal_pointer (&tombstone);
}

gboolean
_signet_store_restore_payment_record (SignetWriteScope  *scope,
                                      SignetTombstone   *tombstone,
                                      GError           **error)
{
  SignetStore *self = scope->store;
  SignetTombstoneKind kind = signet_tombstone_get_kind (tombstone);
  gint64 id = signet_tombstone_get_id (tombstone);
  gint64 contract_id = signet_tombstone_get_contract_id (tombstone);
  const char *label = signet_tombstone_get_label (tombstone);
  g_autoptr(SignetContract) contract = NULL;
  g_autoptr(SignetPayment) payment = NULL;
  g_autoptr(FieldList) after = NULL;
  g_autoptr(GError) local_error = NULL;
  SignetAuditAction action;
  SignetDbValue *payment_id;

  if (!(contract = signet_store_get_contract (self, contract_id, &local_error)))
    {
      if (!g_error_matches (local_error, SIGNET_STORE_ERROR, SIGNET_STORE_ERROR_NOT_FOUND))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }

      g_set_error (error, SIGNET_STORE_ERROR, SIGNET_STORE_ERROR_NOT_FOUND,
                   _("“%s” cannot be restored: its contract has been deleted."), label);
      return FALSE;
    }

  if (kind == SIGNET_TOMBSTONE_PAYMENT)
    {
      if ((payment = lookup_payment (self, id, NULL)) != NULL)
        {
          g_set_error (error, SIGNET_STORE_ERROR, SIGNET_STORE_ERROR_CONFLICT,
                       _("The planned payment “%s” is in the register already."), label);
          return FALSE;
        }

      if (!_signet_store_keep_uuid (self, tombstone, "payments", error) ||
          !_signet_store_insert_kept_rows (self, tombstone, error) ||
          !update_paid (self, id, error) ||
          !(payment = lookup_payment (self, id, error)))
        return FALSE;

      action = SIGNET_AUDIT_ACTION_RESTORE_PAYMENT;
      after = payment_to_fields (payment);
    }
  else
    {
      const char *table = kind == SIGNET_TOMBSTONE_PAYMENT_INVOICE ? "payment_invoices" : "payment_settlements";

      payment_id = _signet_tombstone_get_value (tombstone, table, "payment_id");
      if (!(payment = lookup_payment (self, payment_id != NULL ? signet_db_value_int64 (payment_id) : 0, NULL)))
        {
          g_set_error (error, SIGNET_STORE_ERROR, SIGNET_STORE_ERROR_NOT_FOUND,
                       _("“%s” cannot be restored: its planned payment has been deleted."), label);
          return FALSE;
        }

      if (!_signet_store_keep_uuid (self, tombstone, table, error) ||
          !_signet_store_insert_kept_rows (self, tombstone, error) ||
          !update_paid (self, payment->id, error))
        return FALSE;

      g_clear_pointer (&payment, signet_payment_free);
      if (!(payment = lookup_owner (self, kind, id, error)))
        return FALSE;

      if (kind == SIGNET_TOMBSTONE_PAYMENT_INVOICE)
        {
          action = SIGNET_AUDIT_ACTION_RESTORE_INVOICE;
          after = invoice_to_fields (payment, find_invoice (payment, id));
        }
      else
        {
          action = SIGNET_AUDIT_ACTION_RESTORE_SETTLEMENT;
          after = settlement_to_fields (payment, find_settlement (payment, id));
        }
    }

  return audit_payment_write (scope, action, contract_id, NULL, after, error);
}

gboolean
signet_store_delete_payment (SignetStore  *self,
                             gint64        id,
                             GError      **error)
{
  g_autoptr(SignetTombstone) tombstone = NULL;

  g_return_val_if_fail (SIGNET_IS_STORE (self), FALSE);

  tombstone = _signet_store_delete_payment_record (self, SIGNET_TOMBSTONE_PAYMENT, id, error);

  return tombstone != NULL;
}

gboolean
signet_store_delete_payment_invoice (SignetStore  *self,
                                     gint64        id,
                                     GError      **error)
{
  g_autoptr(SignetTombstone) tombstone = NULL;

  g_return_val_if_fail (SIGNET_IS_STORE (self), FALSE);

  tombstone = _signet_store_delete_payment_record (self, SIGNET_TOMBSTONE_PAYMENT_INVOICE, id, error);

  return tombstone != NULL;
}

gboolean
signet_store_delete_payment_settlement (SignetStore  *self,
                                        gint64        id,
                                        GError      **error)
{
  g_autoptr(SignetTombstone) tombstone = NULL;

  g_return_val_if_fail (SIGNET_IS_STORE (self), FALSE);

  tombstone = _signet_store_delete_payment_record (self, SIGNET_TOMBSTONE_PAYMENT_SETTLEMENT, id, error);

  return tombstone != NULL;
}

GPtrArray *
signet_store_list_payments (SignetStore  *self,
                            gint64        contract_id,
                            GError      **error)
{
  g_return_val_if_fail (SIGNET_IS_STORE (self), NULL);

  return list_payments (self, "contract_id = ?1", contract_id, error);
}

SignetPayment *
signet_store_get_payment (SignetStore  *self,
                          gint64        id,
                          GError      **error)
{
  g_return_val_if_fail (SIGNET_IS_STORE (self), NULL);

  return lookup_payment (self, id, error);
}
