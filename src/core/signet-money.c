/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "signet-money"

#include "config.h"

#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include <glib/gi18n.h>

#include "signet-money.h"

/* ISO 4217 active codes. Only the exceptions to two minor digits carry an
 * exponent; the rest are listed in currency_codes. */
static const char * const currency_codes[] = {
  "AED", "AFN", "ALL", "AMD", "ANG", "AOA", "ARS", "AUD", "AWG", "AZN",
  "BAM", "BBD", "BDT", "BGN", "BHD", "BIF", "BMD", "BND", "BOB", "BRL",
  "BSD", "BTN", "BWP", "BYN", "BZD", "CAD", "CDF", "CHF", "CLF", "CLP",
  "CNY", "COP", "CRC", "CUP", "CVE", "CZK", "DJF", "DKK", "DOP", "DZD",
  "EGP", "ERN", "ETB", "EUR", "FJD", "FKP", "GBP", "GEL", "GHS", "GIP",
  "GMD", "GNF", "GTQ", "GYD", "HKD", "HNL", "HTG", "HUF", "IDR", "ILS",
  "INR", "IQD", "IRR", "ISK", "JMD", "JOD", "JPY", "KES", "KGS", "KHR",
  "KMF", "KPW", "KRW", "KWD", "KYD", "KZT", "LAK", "LBP", "LKR", "LRD",
  "LSL", "LYD", "MAD", "MDL", "MGA", "MKD", "MMK", "MNT", "MOP", "MRU",
  "MUR", "MVR", "MWK", "MXN", "MYR", "MZN", "NAD", "NGN", "NIO", "NOK",
  "NPR", "NZD", "OMR", "PAB", "PEN", "PGK", "PHP", "PKR", "PLN", "PYG",
  "QAR", "RON", "RSD", "RUB", "RWF", "SAR", "SBD", "SCR", "SDG", "SEK",
  "SGD", "SHP", "SLE", "SOS", "SRD", "SSP", "STN", "SVC", "SYP", "SZL",
  "THB", "TJS", "TMT", "TND", "TOP", "TRY", "TTD", "TWD", "TZS", "UAH",
  "UGX", "USD", "UYU", "UZS", "VES", "VND", "VUV", "WST", "XAF", "XCD",
  "XOF", "XPF", "YER", "ZAR", "ZMW", "ZWL",
  NULL
};

static const struct {
  const char *code;
  guint       exponent;
} currency_exponents[] = {
  { "BHD", 3 }, { "BIF", 0 }, { "CLF", 4 }, { "CLP", 0 }, { "DJF", 0 },
  { "GNF", 0 }, { "IQD", 3 }, { "ISK", 0 }, { "JOD", 3 }, { "JPY", 0 },
  { "KMF", 0 }, { "KRW", 0 }, { "KWD", 3 }, { "LYD", 3 }, { "OMR", 3 },
  { "PYG", 0 }, { "RWF", 0 }, { "TND", 3 }, { "UGX", 0 }, { "VND", 0 },
  { "VUV", 0 }, { "XAF", 0 }, { "XOF", 0 }, { "XPF", 0 },
};

static const struct {
  const char *code;
  const char *symbol;
} currency_symbols[] = {
  { "CNY", "¥" }, { "USD", "$" }, { "EUR", "€" }, { "GBP", "£" },
  { "JPY", "JP¥" }, { "HKD", "HK$" }, { "KRW", "₩" }, { "INR", "₹" },
};

G_DEFINE_QUARK (signet-money-error-quark, signet_money_error)

static int
compare_codes (const void *key,
               const void *member)
{
  return strcmp (key, *(const char * const *) member);
}

gboolean
signet_currency_is_valid (const char *code)
{
  if (code == NULL || strlen (code) != 3)
    return FALSE;

  /* The list is in alphabetical order; an import checks every contract. */
  return bsearch (code, currency_codes, G_N_ELEMENTS (currency_codes) - 1,
                  sizeof currency_codes[0], compare_codes) != NULL;
}

guint
signet_currency_get_exponent (const char *code)
{
  g_return_val_if_fail (code != NULL, 2);

  for (guint i = 0; i < G_N_ELEMENTS (currency_exponents); i++)
    if (strcmp (code, currency_exponents[i].code) == 0)
      return currency_exponents[i].exponent;

  return 2;
}

const char * const *
signet_currency_list (void)
{
  return currency_codes;
}

static gint64
power_of_ten (guint exponent)
{
  gint64 result = 1;

  while (exponent-- > 0)
    result *= 10;

  return result;
}

gboolean
signet_money_parse (const char  *text,
                    const char  *currency,
                    gint64      *minor_units,
                    GError     **error)
{
  guint exponent;
  guint64 whole = 0;
  guint64 fraction = 0;
  guint n_fraction_digits = 0;
  guint n_whole_digits = 0;
  gboolean seen_point = FALSE;
  const char *p;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (minor_units != NULL, FALSE);

  if (!signet_currency_is_valid (currency))
    {
      g_set_error (error, SIGNET_MONEY_ERROR, SIGNET_MONEY_ERROR_CURRENCY,
                   _("“%s” is not an ISO 4217 currency code."), currency ? currency : "");
      return FALSE;
    }

  exponent = signet_currency_get_exponent (currency);

  while (g_ascii_isspace (*text))
    text++;

  if (*text == '-')
    {
      g_set_error (error, SIGNET_MONEY_ERROR, SIGNET_MONEY_ERROR_NEGATIVE,
                   _("The amount “%s” is negative; a contract value cannot be below zero."), text);
      return FALSE;
    }

  for (p = text; *p != '\0'; p++)
    {
      if (g_ascii_isdigit (*p))
        {
          guint digit = *p - '0';

          if (seen_point)
            {
              if (++n_fraction_digits > exponent)
                {
                  g_set_error (error, SIGNET_MONEY_ERROR, SIGNET_MONEY_ERROR_PRECISION,
                               g_dngettext (GETTEXT_PACKAGE,
                                            "The amount “%s” has more decimals than %s allows (%u).",
                                            "The amount “%s” has more decimals than %s allows (%u).",
                                            exponent),
                               text, currency, exponent);
                  return FALSE;
                }
              fraction = fraction * 10 + digit;
            }
          else
            {
              /* 10^15 minor units leaves room for every real contract
               * and keeps the sum of many of them inside gint64. */
              if (whole > G_GUINT64_CONSTANT (100000000000000))
                {
                  g_set_error (error, SIGNET_MONEY_ERROR, SIGNET_MONEY_ERROR_OVERFLOW,
                               _("The amount “%s” is too large."), text);
                  return FALSE;
                }
              whole = whole * 10 + digit;
              n_whole_digits++;
            }
        }
      else if (*p == '.' && !seen_point)
        seen_point = TRUE;
      else if (*p == ',' && !seen_point && n_whole_digits > 0)
        continue;
      else if (g_ascii_isspace (*p) && p[strspn (p, " \t\r\n")] == '\0')
        break;
      else
        {
          g_set_error (error, SIGNET_MONEY_ERROR, SIGNET_MONEY_ERROR_SYNTAX,
                       _("“%s” is not an amount; write digits with an optional decimal point, like 1234.50."),
                       text);
          return FALSE;
        }
    }

  if (n_whole_digits == 0 && n_fraction_digits == 0)
    {
      g_set_error (error, SIGNET_MONEY_ERROR, SIGNET_MONEY_ERROR_SYNTAX,
                   _("“%s” is not an amount; write digits with an optional decimal point, like 1234.50."),
                   text);
      return FALSE;
    }

  while (n_fraction_digits < exponent)
    {
      fraction *= 10;
      n_fraction_digits++;
    }

  *minor_units = (gint64) whole * power_of_ten (exponent) + (gint64) fraction;

  return TRUE;
}

static char *
format_digits (gint64       minor_units,
               const char  *currency,
               const char  *decimal_point,
               const char  *thousands_sep)
{
  guint exponent = signet_currency_get_exponent (currency);
  guint64 magnitude = minor_units < 0 ? -(guint64) minor_units : (guint64) minor_units;
  char digits[32];   /* least significant first */
  guint n_digits = 0;
  GString *out;

  do
    {
      digits[n_digits++] = (char) ('0' + magnitude % 10);
      magnitude /= 10;
    }
  while (magnitude > 0);

  /* A whole digit and every decimal: 5 cents are 0.05. */
  while (n_digits < exponent + 1)
    digits[n_digits++] = '0';

  out = g_string_sized_new (n_digits + 16);
  if (minor_units < 0)
    g_string_append_c (out, '-');

  /* The whole part, with a separator before each group of three. */
  for (guint i = n_digits; i > exponent; i--)
    {
      guint left = i - exponent;

      g_string_append_c (out, digits[i - 1]);
      if (left > 1 && (left - 1) % 3 == 0)
        g_string_append (out, thousands_sep);
    }

  if (exponent > 0)
    {
      g_string_append (out, decimal_point);
      for (guint i = exponent; i > 0; i--)
        g_string_append_c (out, digits[i - 1]);
    }

  return g_string_free (out, FALSE);
}

char *
signet_money_to_decimal (gint64      minor_units,
                         const char *currency)
{
  g_return_val_if_fail (currency != NULL, NULL);

  return format_digits (minor_units, currency, ".", "");
}

char *
signet_money_format (gint64      minor_units,
                     const char *currency)
{
  const struct lconv *lc = localeconv ();
  const char *decimal_point = lc->decimal_point && *lc->decimal_point ? lc->decimal_point : ".";
  const char *thousands_sep = lc->thousands_sep && *lc->thousands_sep ? lc->thousands_sep : ",";
  g_autofree char *digits = NULL;

  g_return_val_if_fail (currency != NULL, NULL);

  digits = format_digits (minor_units, currency, decimal_point, thousands_sep);

  for (guint i = 0; i < G_N_ELEMENTS (currency_symbols); i++)
    if (strcmp (currency, currency_symbols[i].code) == 0)
      return g_strconcat (currency_symbols[i].symbol, digits, NULL);

  return g_strconcat (currency, " ", digits, NULL);
}
