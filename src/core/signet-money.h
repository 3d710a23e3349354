/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Money is an integer count of minor units (fen, cents) plus an ISO 4217
 * code. Nothing here ever passes an amount through a floating-point type. */

#define SIGNET_MONEY_ERROR (signet_money_error_quark ())

typedef enum
{
  SIGNET_MONEY_ERROR_SYNTAX,
  SIGNET_MONEY_ERROR_NEGATIVE,
  SIGNET_MONEY_ERROR_PRECISION,
  SIGNET_MONEY_ERROR_OVERFLOW,
  SIGNET_MONEY_ERROR_CURRENCY,
} SignetMoneyError;

GQuark       signet_money_error_quark        (void);

gboolean     signet_currency_is_valid        (const char  *code);
/* Number of digits after the decimal point (2 for CNY, 0 for JPY, 3 for KWD). */
guint        signet_currency_get_exponent    (const char  *code);
/* NULL-terminated array of every known code, sorted; owned by Signet. */
const char * const *signet_currency_list     (void);

/* Parses "1234.5", "1,234.50" or "1234" into minor units of @currency.
 * Accepts no sign, no exponent, no more decimals than the currency has. */
gboolean     signet_money_parse              (const char  *text,
                                              const char  *currency,
                                              gint64      *minor_units,
                                              GError     **error);
/* "1234.50": a plain decimal, as used in XML and in the edit field. */
char        *signet_money_to_decimal         (gint64       minor_units,
                                              const char  *currency);
/* "¥1,234.50" / "€1,234.50" / "CHF 1,234.50": for display, grouped. */
char        *signet_money_format             (gint64       minor_units,
                                              const char  *currency);

G_END_DECLS
