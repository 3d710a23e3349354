/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "signet-store.h"

G_BEGIN_DECLS

/* Exchange rates (汇率) a user entered, so that the overview may add up
 * values in several currencies into one (signet-overview.h): one unit of
 * @currency is worth rate_millionths / 1,000,000 units of @base. Each
 * write is one entry of the audit log and emits "changed::exchange-rates"
 * (SIGNET_RECORD_EXCHANGE_RATE, id 0). */
typedef struct
{
  char   *currency;         /* ISO 4217 */
  char   *base;             /* ISO 4217, not @currency */
  gint64  rate_millionths;  /* > 0 */
  char   *set_at;           /* YYYY-MM-DD, the store's day it was set */
  char   *set_by;           /* who set it */
} SignetExchangeRate;

void        signet_exchange_rate_free         (SignetExchangeRate  *rate);

/* Sets the rate of @currency in @base, replacing the one there was; a
 * bad code or a rate not above 0 is refused (SIGNET_FIELD_ERROR). */
gboolean    signet_store_set_exchange_rate    (SignetStore         *self,
                                               const char          *currency,
                                               const char          *base,
                                               gint64               rate_millionths,
                                               GError             **error);
/* SIGNET_STORE_ERROR_NOT_FOUND when there is no such rate. */
gboolean    signet_store_remove_exchange_rate (SignetStore         *self,
                                               const char          *currency,
                                               const char          *base,
                                               GError             **error);
/* Every rate, by base then currency; of SignetExchangeRate. */
GPtrArray  *signet_store_list_exchange_rates  (SignetStore         *self,
                                               GError             **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SignetExchangeRate, signet_exchange_rate_free)

G_END_DECLS
