/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "signet-store"

#include "config.h"

#include "signet-store-private.h"

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
