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
  /* Separators the locale does not use that way, or groups of the wrong
   * width: the message says which forms to type instead. */
  SIGNET_MONEY_ERROR_FORMAT,
} SignetMoneyError;

GQuark       signet_money_error_quark        (void);

gboolean     signet_currency_is_valid        (const char  *code);
/* Number of digits after the decimal point (2 for CNY, 0 for JPY, 3 for KWD). */
guint        signet_currency_get_exponent    (const char  *code);
/* NULL-terminated array of every known code, sorted; owned by Signet. */
const char * const *signet_currency_list     (void);

/* The plain decimal of files and of the audit log: "1234.50", digits with
 * an optional decimal point, whatever the locale. */
gboolean     signet_money_parse_decimal      (const char  *text,
                                              const char  *currency,
                                              gint64      *minor_units,
                                              GError     **error);
char        *signet_money_to_decimal         (gint64       minor_units,
                                              const char  *currency);

/* Amounts as the user reads and types them, in the money format
 * (LC_MONETARY) of the calling thread, so that a test may switch locales
 * with uselocale(). The C locale, no one's culture, is read as English.
 *
 * signet_money_parse() reads the locale's own form ("1.250.000,50" in
 * de_DE, "1 250 000,50" in fr_FR with any kind of space, "12,50,000.50"
 * in hi_IN), with or without the currency's symbol or code, and the bare
 * "1250000.50" where that cannot mean anything else. What could mean two
 * amounts, or is grouped wrongly, is refused with
 * SIGNET_MONEY_ERROR_FORMAT and a message naming the forms to type. */
gboolean     signet_money_parse              (const char  *text,
                                              const char  *currency,
                                              gint64      *minor_units,
                                              GError     **error);
/* "1.782.000,00 $" in de_DE, "¥1,250,000.50" in zh_CN: the symbol (or the
 * code) where the locale puts it. */
char        *signet_money_format             (gint64       minor_units,
                                              const char  *currency);
/* The same without the symbol: what the value field holds. */
char        *signet_money_format_amount      (gint64       minor_units,
                                              const char  *currency);
/* The symbol signet_money_format() shows ("€", "¥", or the code) and
 * whether the locale puts it before the amount. */
const char  *signet_money_get_symbol         (const char  *currency);
gboolean     signet_money_symbol_precedes    (void);

/* The currency of the locale's money format (EUR in de_DE and fr_FR, USD
 * in en_US, CNY in zh_CN) when it is one Signet knows; CNY otherwise. */
const char  *signet_currency_for_locale      (void);

/* The amount of @fen (minor units of CNY) in Chinese capitals, the way a
 * contract or a cheque states it: 125000050 gives 壹佰贰拾伍万元零伍角.
 * NULL for negative amounts and from a trillion yuan (万亿) on. */
char        *signet_money_to_chinese_capitals (gint64      fen);
/* The value as a Chinese contract states it beside the figures, with the
 * currency's name: 人民币壹佰贰拾叁万肆仟伍佰陆拾柒元捌角玖分 for 123456789
 * fen. NULL for every currency but CNY (元 is the yuan's), and where
 * signet_money_to_chinese_capitals() gives NULL. */
char        *signet_money_format_chinese_capitals (gint64      minor_units,
                                                   const char *currency);

G_END_DECLS
