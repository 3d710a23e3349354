/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "signet-store.h"

G_BEGIN_DECLS

#define SIGNET_TYPE_EXCHANGE_RATES_DIALOG (signet_exchange_rates_dialog_get_type ())

G_DECLARE_FINAL_TYPE (SignetExchangeRatesDialog, signet_exchange_rates_dialog, SIGNET, EXCHANGE_RATES_DIALOG, AdwDialog)

/* The exchange rates of the register (signet-store-rates.h): each with
 * when and by whom it was set and a button that removes it, and a form
 * that sets one ("1 USD is worth 7.10 CNY"). Every change is written at
 * once, and the overview follows it. */
AdwDialog *signet_exchange_rates_dialog_new (SignetStore *store);

G_END_DECLS
