/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "signet-store.h"

G_BEGIN_DECLS

/* What signet_store_delete() removed, as signet_store_restore() puts it
 * back: the rows as they were stored, every column (ids, UUIDs, versions,
 * times) included. A contract's key dates, attachments, reviews and audit
 * entries are not in it: they stay in the register while it is deleted. */
typedef enum
{
  SIGNET_TOMBSTONE_CONTRACT,
  SIGNET_TOMBSTONE_CLIENT,
  SIGNET_TOMBSTONE_ATTACHMENT,   /* with its versions and their annotations */
  SIGNET_TOMBSTONE_KEY_DATE,     /* one a user added */
  SIGNET_TOMBSTONE_ANNOTATION,
  SIGNET_TOMBSTONE_PERSON,
  SIGNET_TOMBSTONE_CONTRACT_TYPE,
  SIGNET_TOMBSTONE_AMENDMENT,    /* one of a contract's amendments */
  SIGNET_TOMBSTONE_APPROVAL_ROUTE, /* with its steps */
  SIGNET_TOMBSTONE_OBLIGATION,   /* one of a contract's obligations, with its occurrences */
  SIGNET_TOMBSTONE_PAYMENT,      /* a planned payment, with its invoices and payments */
  SIGNET_TOMBSTONE_PAYMENT_INVOICE,
  SIGNET_TOMBSTONE_PAYMENT_SETTLEMENT, /* a payment received or made */
  SIGNET_TOMBSTONE_RISK,         /* one of a contract's risks */
  SIGNET_TOMBSTONE_REVIEW,       /* one of a contract's reviews, with its answers and actions */
  SIGNET_TOMBSTONE_LOAN,         /* a loan of a contract's paper original */
  SIGNET_TOMBSTONE_ORIGINAL,     /* the record of a paper original never lent; its id the contract's */
  SIGNET_TOMBSTONE_SAVED_VIEW,   /* a saved view of the list; no contract (0) */
} SignetTombstoneKind;

#define SIGNET_TYPE_TOMBSTONE (signet_tombstone_get_type ())

G_DECLARE_FINAL_TYPE (SignetTombstone, signet_tombstone, SIGNET, TOMBSTONE, GObject)

SignetTombstoneKind signet_tombstone_get_kind        (SignetTombstone *self);
/* The id of the deleted record, which it gets back. */
gint64              signet_tombstone_get_id          (SignetTombstone *self);
/* The contract it is (a contract) or belonged to; 0 for a client. */
gint64              signet_tombstone_get_contract_id (SignetTombstone *self);
/* What names it to the user: the contract's number, the client's name,
 * the file's name, the key date's title, for a loan its borrower's name,
 * or for an annotation the name of the file it was on. */
const char         *signet_tombstone_get_label       (SignetTombstone *self);

/* Deletes the record of @kind with @id, as signet_store_delete_contract()
 * and the others do, in one transaction with its audit entry, and returns
 * what it removed; NULL and @error when nothing was deleted. */
SignetTombstone    *signet_store_delete              (SignetStore         *self,
                                                      SignetTombstoneKind  kind,
                                                      gint64               id,
                                                      GError             **error);
/* Puts back what @tombstone holds, with the same ids and every field as
 * it was, in one transaction with a "restore" audit entry, and emits
 * "changed" (the contract or client added; for the rest their contract
 * updated). A restored contract is one version on from the one it had,
 * so that a form still holding it from before does not save over it.
 * Fails, restoring nothing, with a message that says why when the rows
 * cannot go back as they were: the contract, client or file they belong
 * to is gone, their id or number is taken, or they are back already. */
gboolean            signet_store_restore             (SignetStore         *self,
                                                      SignetTombstone     *tombstone,
                                                      GError             **error);
/* How many writes that change records (each with its audit entry) were
 * committed through @self since it was opened: what tells an Undo that the
 * user changed something after the deletion it would undo. Writes of
 * other connections, and the extracted text of attachments, are not
 * counted. */
guint64             signet_store_get_edit_count      (SignetStore         *self);

G_END_DECLS
