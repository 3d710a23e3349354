/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "signet-payment.h"
#include "signet-store.h"

G_BEGIN_DECLS

/* The payment schedule of contracts (migration 16, signet-payment.h). Each
 * write is one transaction with an audit entry on the contract, announced
 * as "changed::payments" for it (SIGNET_STORE_CHANGED_PAYMENTS), and
 * derives the contract's events again (a payment's due date is one). */

/* The contract's planned payments by due date (then as added), each with
 * its invoices and payments. */
GPtrArray     *signet_store_list_payments            (SignetStore                    *self,
                                                      gint64                          contract_id,
                                                      GError                        **error);
SignetPayment *signet_store_get_payment              (SignetStore                    *self,
                                                      gint64                          id,
                                                      GError                        **error);
/* Adds @payment (its invoices and settlements are not read) to its
 * contract and sets its id, UUID and version 1. A field error names what
 * is wrong: the title, the amount (not positive), the currency, the due
 * date. */
gboolean       signet_store_add_payment              (SignetStore                    *self,
                                                      SignetPayment                  *payment,
                                                      GError                        **error);
/* Writes @payment's own fields over the stored ones if the stored version
 * is still @payment->version (else SIGNET_STORE_ERROR_CONFLICT, nothing
 * written), and raises the version, set on @payment. Its currency cannot
 * change once invoices or payments are recorded in it. */
gboolean       signet_store_update_payment           (SignetStore                    *self,
                                                      SignetPayment                  *payment,
                                                      GError                        **error);
/* As signet_store_delete (self, SIGNET_TOMBSTONE_PAYMENT, id, error),
 * which returns what Undo puts back: the planned payment with its
 * invoices and payments. */
gboolean       signet_store_delete_payment           (SignetStore                    *self,
                                                      gint64                          id,
                                                      GError                        **error);

/* Adds @invoice to its planned payment, which must have an amount (the
 * invoice is in its currency); sets its id and UUID. The number is
 * required; a total of invoices above the amount is allowed (the section
 * warns). */
gboolean       signet_store_add_payment_invoice      (SignetStore                    *self,
                                                      SignetPaymentInvoice           *invoice,
                                                      GError                        **error);
/* As signet_store_delete (self, SIGNET_TOMBSTONE_PAYMENT_INVOICE, id, error). */
gboolean       signet_store_delete_payment_invoice   (SignetStore                    *self,
                                                      gint64                          id,
                                                      GError                        **error);
/* Adds @settlement (a payment received or made) to its planned payment,
 * which must have an amount in the settlement's currency, and adds its
 * amount to the planned payment's paid sum in the same write; sets its
 * id, UUID, and when and by whom it was recorded when not given. A date
 * before the contract was signed is accepted (an advance). */
gboolean       signet_store_add_payment_settlement   (SignetStore                    *self,
                                                      SignetPaymentSettlement        *settlement,
                                                      GError                        **error);
/* As signet_store_delete (self, SIGNET_TOMBSTONE_PAYMENT_SETTLEMENT, id,
 * error); the paid sum goes down in the same write. */
gboolean       signet_store_delete_payment_settlement (SignetStore                   *self,
                                                       gint64                         id,
                                                       GError                       **error);

G_END_DECLS
