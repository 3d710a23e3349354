/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "signet-contract-section.h"

G_BEGIN_DECLS

/* A contract's payment schedule on its page (收付款计划): per currency the
 * contract value in force today and what is scheduled, invoiced and paid,
 * receivable and payable apart, a warning when the schedule does not add
 * up to the value, and a row per planned payment with its status,
 * expanding to its invoices and payments, with Plan Payment…, Record
 * Invoice…, Record Payment…, Edit… and Delete (with Undo). */
#define SIGNET_TYPE_PAYMENTS_SECTION (signet_payments_section_get_type ())

G_DECLARE_FINAL_TYPE (SignetPaymentsSection, signet_payments_section, SIGNET, PAYMENTS_SECTION, SignetContractSection)

GtkWidget *signet_payments_section_new (void);

G_END_DECLS
