/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "signet-store"

#include "config.h"

#include "signet-store-private.h"

/* Exchange rates (汇率) a user entered, so that the overview may add up
 * values in several currencies into one: one unit of currency is worth
 * rate_millionths / 1,000,000 units of base. Without a rate, totals stay
 * per currency; a total that used rates says which, and when they were
 * set. */

/* Version 22. */
gboolean
_signet_store_migrate_exchange_rates (SignetStore  *self,
                                      GError      **error)
{
  return _signet_store_exec (self,
    "CREATE TABLE exchange_rates ("
    "  currency TEXT NOT NULL CHECK (length (currency) = 3),"
    "  base TEXT NOT NULL CHECK (length (base) = 3 AND base <> currency),"
    "  rate_millionths INTEGER NOT NULL CHECK (rate_millionths > 0),"
    "  set_at TEXT NOT NULL,"
    "  set_by TEXT NOT NULL,"
    "  PRIMARY KEY (currency, base));",
    error);
}
