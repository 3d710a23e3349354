/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "signet-payment.h"

G_BEGIN_DECLS

#define SIGNET_TYPE_PAYMENT_DIALOG (signet_payment_dialog_get_type ())

G_DECLARE_FINAL_TYPE (SignetPaymentDialog, signet_payment_dialog, SIGNET, PAYMENT_DIALOG, AdwAlertDialog)

/* The payments section's one dialog, in three modes: Plan a Payment (or
 * change one: receivable or payable, title, amount and currency, due
 * date, condition, note), Record an Invoice (number, date, amount) and
 * Record a Payment (date, amount, note) on a planned payment, in its
 * currency. Amounts are typed as the locale writes them. It answers
 * "save" or "cancel"; Enter in a field saves, Escape cancels. */

/* A new planned payment due on @today, in @currency (the contract's). */
AdwDialog               *signet_payment_dialog_new_plan       (const char                  *today,
                                                               const char                  *currency);
/* @payment as stored, to change. */
AdwDialog               *signet_payment_dialog_new_edit       (const SignetPayment         *payment);
/* An invoice or a payment on @payment, dated @today, its amount what is
 * left to invoice or to pay. */
AdwDialog               *signet_payment_dialog_new_invoice    (const SignetPayment         *payment,
                                                               const char                  *today);
AdwDialog               *signet_payment_dialog_new_settlement (const SignetPayment         *payment,
                                                               const char                  *today);

/* What the fields say, or NULL with @error (how to type a date or an
 * amount) when a field holds what Signet cannot read; the store checks
 * the rest. An empty amount of a planned payment is "not set". */
SignetPayment           *signet_payment_dialog_dup_payment    (SignetPaymentDialog         *self,
                                                               gint64                       contract_id,
                                                               GError                     **error);
SignetPaymentInvoice    *signet_payment_dialog_dup_invoice    (SignetPaymentDialog         *self,
                                                               GError                     **error);
SignetPaymentSettlement *signet_payment_dialog_dup_settlement (SignetPaymentDialog         *self,
                                                               GError                     **error);

G_END_DECLS
