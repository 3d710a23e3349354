/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "signet-money"
/* The LC_MONETARY items of nl_langinfo(). */
#define _GNU_SOURCE

#include "config.h"

#include <langinfo.h>
#include <limits.h>
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

/* How the locale writes money, from LC_MONETARY of the calling thread. */
typedef struct
{
  char     decimal_point[8];
  char     group_separator[8];
  /* As nl_langinfo (MON_GROUPING) gives it: the width of each group from
   * the decimal point on, the last repeating; CHAR_MAX ends grouping. */
  char     grouping[8];
  gboolean symbol_first;
  gboolean symbol_spaced;
  /* The locale's currency and its own symbol for it ("￥" in zh_CN). */
  char     currency[4];
  char     symbol[16];
} MoneyFormat;

typedef enum
{
  COMPOSE_OK,
  COMPOSE_PRECISION,
  COMPOSE_OVERFLOW,
} ComposeResult;

/* 10^17 minor units (10^15 yuan or dollars): far beyond any contract,
 * and the sum of ninety of them still fits in a gint64. */
#define MAX_MINOR_UNITS G_GINT64_CONSTANT (100000000000000000)

static gint64
power_of_ten (guint exponent)
{
  gint64 result = 1;

  while (exponent-- > 0)
    result *= 10;

  return result;
}

static void
copy_item (char       *dest,
           gsize       size,
           nl_item     item)
{
  const char *value = nl_langinfo (item);

  if (value == NULL || strlen (value) >= size)
    value = "";
  g_strlcpy (dest, value, size);
}

static void
load_money_format (MoneyFormat *format)
{
  const char *precedes;
  const char *spaced;
  const char *code;

  copy_item (format->decimal_point, sizeof format->decimal_point, MON_DECIMAL_POINT);
  copy_item (format->group_separator, sizeof format->group_separator, MON_THOUSANDS_SEP);
  copy_item (format->grouping, sizeof format->grouping, MON_GROUPING);
  copy_item (format->symbol, sizeof format->symbol, CURRENCY_SYMBOL);
  precedes = nl_langinfo (P_CS_PRECEDES);
  spaced = nl_langinfo (P_SEP_BY_SPACE);
  code = nl_langinfo (INT_CURR_SYMBOL);

  format->currency[0] = '\0';
  if (code != NULL && strlen (code) >= 3)
    g_strlcpy (format->currency, code, sizeof format->currency);

  /* The C locale has no money format: amounts look as they always did,
   * grouped in threes with a decimal point and the symbol in front. */
  if (format->decimal_point[0] == '\0')
    {
      g_strlcpy (format->decimal_point, ".", sizeof format->decimal_point);
      g_strlcpy (format->group_separator, ",", sizeof format->group_separator);
      g_strlcpy (format->grouping, "\3", sizeof format->grouping);
      format->symbol_first = TRUE;
      format->symbol_spaced = FALSE;
      return;
    }

  format->symbol_first = precedes == NULL || *precedes != 0;
  format->symbol_spaced = spaced != NULL && *spaced == 1;
}

/* The width of the @index-th group left of the decimal point; G_MAXINT
 * when the digits there are no longer grouped. */
static int
group_width (const MoneyFormat *format,
             guint              index)
{
  gsize length = strlen (format->grouping);
  char width;

  if (length == 0 || format->group_separator[0] == '\0')
    return G_MAXINT;

  width = format->grouping[MIN (index, length - 1)];
  if (width <= 0 || width == CHAR_MAX)
    return G_MAXINT;

  return width;
}

static const char *
table_symbol (const char *currency)
{
  for (guint i = 0; i < G_N_ELEMENTS (currency_symbols); i++)
    if (strcmp (currency, currency_symbols[i].code) == 0)
      return currency_symbols[i].symbol;

  return NULL;
}

static char *
format_digits (const MoneyFormat *format,
               gint64             minor_units,
               const char        *currency)
{
  guint exponent = signet_currency_get_exponent (currency);
  guint64 magnitude = minor_units < 0 ? -(guint64) minor_units : (guint64) minor_units;
  char digits[32];   /* least significant first */
  guint n_digits = 0;
  guint n_whole;
  guint group = 0;
  int left_in_group = group_width (format, 0);
  GString *out;
  GString *whole;

  do
    {
      digits[n_digits++] = (char) ('0' + magnitude % 10);
      magnitude /= 10;
    }
  while (magnitude > 0);

  /* A whole digit and every decimal: 5 cents are 0.05. */
  while (n_digits < exponent + 1)
    digits[n_digits++] = '0';

  /* The whole part is built from its last digit, a separator closing each
   * group as wide as the locale's grouping says (3;2 in hi_IN). */
  n_whole = n_digits - exponent;
  whole = g_string_sized_new (n_whole * 2);
  for (guint i = 0; i < n_whole; i++)
    {
      if (left_in_group == 0)
        {
          g_string_prepend (whole, format->group_separator);
          left_in_group = group_width (format, ++group);
        }
      g_string_prepend_c (whole, digits[exponent + i]);
      if (left_in_group != G_MAXINT)
        left_in_group--;
    }

  out = g_string_sized_new (whole->len + exponent + 8);
  if (minor_units < 0)
    g_string_append_c (out, '-');
  g_string_append_len (out, whole->str, whole->len);
  g_string_free (whole, TRUE);

  if (exponent > 0)
    {
      g_string_append (out, format->decimal_point);
      for (guint i = exponent; i > 0; i--)
        g_string_append_c (out, digits[i - 1]);
    }

  return g_string_free (out, FALSE);
}

/* The whole digits, and the fraction's if any, as minor units. A fraction
 * longer than the currency's is refused, or with @allow_zeros taken when
 * what it has beyond is zeros ("1.250" as 1.25). */
static ComposeResult
compose (const char *whole,
         const char *fraction,
         guint       exponent,
         gboolean    allow_zeros,
         gint64     *minor_units)
{
  gint64 value = 0;
  gsize n_fraction = fraction != NULL ? strlen (fraction) : 0;

  for (const char *p = whole; *p != '\0'; p++)
    {
      if (value > MAX_MINOR_UNITS / 10)
        return COMPOSE_OVERFLOW;
      value = value * 10 + (*p - '0');
    }

  for (gsize i = 0; i < MAX (n_fraction, exponent); i++)
    {
      if (i >= exponent)
        {
          if (!allow_zeros || fraction[i] != '0')
            return COMPOSE_PRECISION;
          continue;
        }
      if (value > MAX_MINOR_UNITS / 10)
        return COMPOSE_OVERFLOW;
      value = value * 10 + (i < n_fraction ? fraction[i] - '0' : 0);
    }

  if (value > MAX_MINOR_UNITS)
    return COMPOSE_OVERFLOW;

  *minor_units = value;

  return COMPOSE_OK;
}

/* The one character @text stands for once normalised; 0 if it is more. */
static gunichar
single_character (const char *text)
{
  g_autofree char *normal = g_utf8_normalize (text, -1, G_NORMALIZE_NFKC);

  if (normal == NULL || *normal == '\0' || *g_utf8_next_char (normal) != '\0')
    return 0;

  return g_utf8_get_char (normal);
}

/* Takes the currency's symbol or code off either end of @text. */
static char *
strip_currency (char              *text,
                const char        *currency,
                const MoneyFormat *format)
{
  const char *tokens[3] = { currency, table_symbol (currency), NULL };

  if (g_str_equal (format->currency, currency))
    tokens[2] = format->symbol;

  for (guint i = 0; i < G_N_ELEMENTS (tokens); i++)
    {
      g_autofree char *token = NULL;
      gsize length;
      gsize text_length = strlen (text);

      if (tokens[i] == NULL || *tokens[i] == '\0')
        continue;

      token = g_utf8_normalize (tokens[i], -1, G_NORMALIZE_NFKC);
      length = strlen (token);
      if (text_length <= length)
        continue;

      if (g_ascii_strncasecmp (text, token, length) == 0)
        return g_strchug (text + length);
      if (g_ascii_strcasecmp (text + text_length - length, token) == 0)
        {
          text[text_length - length] = '\0';
          return g_strchomp (text);
        }
    }

  return text;
}

static char *
example_amount (const MoneyFormat *format,
                const char        *currency)
{
  guint exponent = signet_currency_get_exponent (currency);
  const char *decimals = "8912";
  gint64 fraction = 0;

  for (guint i = 0; i < exponent; i++)
    fraction = fraction * 10 + (decimals[i % 4] - '0');

  return format_digits (format, 1234567 * power_of_ten (exponent) + fraction, currency);
}

static gboolean
set_compose_error (ComposeResult   result,
                   const char     *text,
                   const char     *currency,
                   GError        **error)
{
  guint exponent = signet_currency_get_exponent (currency);

  if (result == COMPOSE_OVERFLOW)
    g_set_error (error, SIGNET_MONEY_ERROR, SIGNET_MONEY_ERROR_OVERFLOW,
                 _("The amount “%s” is too large."), text);
  else
    g_set_error (error, SIGNET_MONEY_ERROR, SIGNET_MONEY_ERROR_PRECISION,
                 g_dngettext (GETTEXT_PACKAGE,
                              "The amount “%s” has more decimals than %s allows (%u).",
                              "The amount “%s” has more decimals than %s allows (%u).",
                              exponent),
                 text, currency, exponent);

  return FALSE;
}

static gboolean
set_syntax_error (const MoneyFormat  *format,
                  const char         *text,
                  const char         *currency,
                  GError            **error)
{
  g_autofree char *example = example_amount (format, currency);

  /* Translators: the second %s is an example amount in the user's own
   * format, such as 1,234,567.89 or 1.234.567,89. */
  g_set_error (error, SIGNET_MONEY_ERROR, SIGNET_MONEY_ERROR_SYNTAX,
               _("“%s” is not an amount: type digits as in %s."), text, example);

  return FALSE;
}

/* What input that is not in the locale's form can be read as: every
 * separator a thousands separator, or the last one the decimal point, each
 * amount in the locale's form (NULL for what it cannot be). */
typedef struct
{
  char *as_thousands;
  char *as_decimal;
  char  separator[8];
} Readings;

static void
clear_readings (Readings *readings)
{
  g_clear_pointer (&readings->as_thousands, g_free);
  g_clear_pointer (&readings->as_decimal, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Readings, clear_readings)

static void
find_readings (const MoneyFormat *format,
               const char        *currency,
               GPtrArray         *digits,
               GArray            *separators,
               Readings          *readings)
{
  guint exponent = signet_currency_get_exponent (currency);
  guint n = separators->len;
  gunichar last = g_array_index (separators, gunichar, n - 1);
  gunichar decimal = single_character (format->decimal_point);
  gboolean same = TRUE;
  gboolean last_once = TRUE;
  g_autoptr(GString) whole = g_string_new (NULL);
  gint64 minor_units;

  for (guint i = 0; i + 1 < n; i++)
    {
      gunichar c = g_array_index (separators, gunichar, i);

      same = same && c == last;
      last_once = last_once && c != last;
    }

  for (guint i = 0; i < n; i++)
    g_string_append (whole, g_ptr_array_index (digits, i));

  /* A decimal point comes once, and is a point or a comma. */
  if (last_once && (last == '.' || last == ',' || last == decimal) && exponent > 0 &&
      compose (whole->str, g_ptr_array_index (digits, n), exponent, TRUE, &minor_units) == COMPOSE_OK)
    readings->as_decimal = format_digits (format, minor_units, currency);

  g_string_append (whole, g_ptr_array_index (digits, n));
  if (same && compose (whole->str, NULL, exponent, FALSE, &minor_units) == COMPOSE_OK)
    readings->as_thousands = format_digits (format, minor_units, currency);

  g_unichar_to_utf8 (last, readings->separator);
}

static gboolean
refuse_with_readings (const MoneyFormat  *format,
                      const char         *text,
                      const char         *currency,
                      const Readings     *readings,
                      GError            **error)
{
  g_autofree char *example = example_amount (format, currency);

  if (readings->as_thousands != NULL && readings->as_decimal != NULL)
    /* Translators: for example “1.250” can be read two ways here: type
     * 1,250.00 if “.” separates thousands, or 1.25 if it is the decimal
     * point. */
    g_set_error (error, SIGNET_MONEY_ERROR, SIGNET_MONEY_ERROR_FORMAT,
                 _("“%s” can be read two ways here: type %s if “%s” separates thousands, "
                   "or %s if it is the decimal point."),
                 text, readings->as_thousands, readings->separator, readings->as_decimal);
  else if (readings->as_thousands != NULL)
    /* Translators: the second %s is an example amount in the user's own
     * format, such as 1,234,567.89 or 1.234.567,89. */
    g_set_error (error, SIGNET_MONEY_ERROR, SIGNET_MONEY_ERROR_FORMAT,
                 _("“%s” is not an amount in this language's format (%s): "
                   "type %s if “%s” separates thousands."),
                 text, example, readings->as_thousands, readings->separator);
  else if (readings->as_decimal != NULL)
    /* Translators: the second %s is an example amount in the user's own
     * format, such as 1,234,567.89 or 1.234.567,89. */
    g_set_error (error, SIGNET_MONEY_ERROR, SIGNET_MONEY_ERROR_FORMAT,
                 _("“%s” is not an amount in this language's format (%s): type %s."),
                 text, example, readings->as_decimal);
  else
    return set_syntax_error (format, text, currency, error);

  return FALSE;
}

/* A fraction of three digits where the currency has fewer, after one to
 * three whole digits and no other separator, may be a thousands group. */
static gboolean
may_be_thousands (GPtrArray *digits,
                  guint      exponent)
{
  gsize n_whole;

  if (digits->len != 2 || exponent >= 3 || strlen (g_ptr_array_index (digits, 1)) != 3)
    return FALSE;

  n_whole = strlen (g_ptr_array_index (digits, 0));

  return n_whole >= 1 && n_whole <= 3;
}

/* Reads @digits as separated by @separators in the locale's form: the
 * decimal point once, last, and groups as wide as its grouping. */
static gboolean
is_locale_form (const MoneyFormat *format,
                GPtrArray         *digits,
                GArray            *separators,
                gboolean          *has_decimal)
{
  gunichar decimal = single_character (format->decimal_point);
  gunichar group = single_character (format->group_separator);
  guint n = separators->len;
  guint n_groups;

  *has_decimal = n > 0 && g_array_index (separators, gunichar, n - 1) == decimal;
  n_groups = *has_decimal ? n : n + 1;

  for (guint i = 0; i + 1 < n_groups; i++)
    if (group == 0 || group == decimal || g_array_index (separators, gunichar, i) != group)
      return FALSE;

  if (n_groups == 1)
    return TRUE;

  for (guint i = 1; i < n_groups; i++)
    if (strlen (g_ptr_array_index (digits, i)) != (gsize) group_width (format, n_groups - 1 - i))
      return FALSE;

  return *(const char *) g_ptr_array_index (digits, 0) != '\0' &&
         strlen (g_ptr_array_index (digits, 0)) <= (gsize) group_width (format, n_groups - 1);
}

/* The fraction read, checked for a thousands group in disguise. */
static gboolean
finish_decimal (const MoneyFormat  *format,
                const char         *text,
                const char         *currency,
                GPtrArray          *digits,
                GArray             *separators,
                const char         *whole,
                const char         *fraction,
                gint64             *minor_units,
                GError            **error)
{
  guint exponent = signet_currency_get_exponent (currency);
  ComposeResult result = compose (whole, fraction, exponent, FALSE, minor_units);

  if (result == COMPOSE_OK)
    return TRUE;

  /* Only when both readings are amounts is it ambiguous; otherwise the
   * decimals are simply too many. */
  if (result == COMPOSE_PRECISION && may_be_thousands (digits, exponent))
    {
      g_auto(Readings) readings = { NULL, };

      find_readings (format, currency, digits, separators, &readings);
      if (readings.as_thousands != NULL && readings.as_decimal != NULL)
        return refuse_with_readings (format, text, currency, &readings, error);
    }

  return set_compose_error (result, text, currency, error);
}

gboolean
signet_money_parse (const char  *text,
                    const char  *currency,
                    gint64      *minor_units,
                    GError     **error)
{
  MoneyFormat format;
  g_autofree char *shown = NULL;
  g_autofree char *normal = NULL;
  g_autoptr(GPtrArray) digits = NULL;
  g_autoptr(GArray) separators = NULL;
  g_autoptr(GString) whole = NULL;
  g_auto(Readings) readings = { NULL, };
  gunichar decimal;
  gunichar group;
  gboolean has_decimal;
  const char *p;
  char *body;
  guint n;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (minor_units != NULL, FALSE);

  if (!signet_currency_is_valid (currency))
    {
      g_set_error (error, SIGNET_MONEY_ERROR, SIGNET_MONEY_ERROR_CURRENCY,
                   _("“%s” is not an ISO 4217 currency code."), currency ? currency : "");
      return FALSE;
    }

  load_money_format (&format);
  decimal = single_character (format.decimal_point);
  group = single_character (format.group_separator);

  /* Messages quote what was typed; the reading works on its normal form,
   * in which every kind of space is a space and full-width digits and
   * punctuation (a Chinese input method's) are ASCII. */
  shown = g_strstrip (g_strdup (text));
  normal = g_utf8_normalize (text, -1, G_NORMALIZE_NFKC);
  if (normal == NULL)
    return set_syntax_error (&format, shown, currency, error);

  body = strip_currency (g_strstrip (normal), currency, &format);

  if (*body == '-')
    {
      g_set_error (error, SIGNET_MONEY_ERROR, SIGNET_MONEY_ERROR_NEGATIVE,
                   _("The amount “%s” is negative; a contract value cannot be below zero."), shown);
      return FALSE;
    }

  /* Runs of digits between single separators: digits[0], separators[0],
   * digits[1], ... digits[n]. */
  digits = g_ptr_array_new_with_free_func (g_free);
  separators = g_array_new (FALSE, FALSE, sizeof (gunichar));
  p = body;
  for (;;)
    {
      const char *start = p;
      gunichar c;

      while (g_ascii_isdigit (*p))
        p++;
      g_ptr_array_add (digits, g_strndup (start, p - start));
      if (*p == '\0')
        break;

      c = g_utf8_get_char (p);
      if (c != '.' && c != ',' && c != ' ' && c != '\'' && c != decimal && c != group)
        return set_syntax_error (&format, shown, currency, error);
      g_array_append_val (separators, c);
      p = g_utf8_next_char (p);
    }

  n = separators->len;

  /* An empty run: nothing typed, two separators in a row, or one at the
   * end. Only a fraction may go without its whole part (",50"). */
  for (guint i = 0; i <= n; i++)
    if (*(const char *) g_ptr_array_index (digits, i) == '\0' && !(i == 0 && n == 1))
      return set_syntax_error (&format, shown, currency, error);

  if (n == 0)
    return finish_decimal (&format, shown, currency, digits, separators,
                           g_ptr_array_index (digits, 0), NULL, minor_units, error);

  if (is_locale_form (&format, digits, separators, &has_decimal))
    {
      guint n_whole = has_decimal ? n : n + 1;

      whole = g_string_new (NULL);
      for (guint i = 0; i < n_whole; i++)
        g_string_append (whole, g_ptr_array_index (digits, i));

      return finish_decimal (&format, shown, currency, digits, separators, whole->str,
                             has_decimal ? g_ptr_array_index (digits, n) : NULL, minor_units, error);
    }

  /* The bare form, where the locale's grouping could not read it. */
  if (n == 1 && g_array_index (separators, gunichar, 0) == '.')
    return finish_decimal (&format, shown, currency, digits, separators,
                           g_ptr_array_index (digits, 0), g_ptr_array_index (digits, 1),
                           minor_units, error);

  find_readings (&format, currency, digits, separators, &readings);

  return refuse_with_readings (&format, shown, currency, &readings, error);
}

gboolean
signet_money_parse_decimal (const char  *text,
                            const char  *currency,
                            gint64      *minor_units,
                            GError     **error)
{
  const char *point;
  g_autofree char *whole = NULL;
  ComposeResult result;
  gsize length;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (minor_units != NULL, FALSE);

  if (!signet_currency_is_valid (currency))
    {
      g_set_error (error, SIGNET_MONEY_ERROR, SIGNET_MONEY_ERROR_CURRENCY,
                   _("“%s” is not an ISO 4217 currency code."), currency ? currency : "");
      return FALSE;
    }

  if (*text == '-')
    {
      g_set_error (error, SIGNET_MONEY_ERROR, SIGNET_MONEY_ERROR_NEGATIVE,
                   _("The amount “%s” is negative; a contract value cannot be below zero."), text);
      return FALSE;
    }

  length = strlen (text);
  point = strchr (text, '.');
  if (length == 0 || strspn (text, "0123456789.") != length || (point != NULL && strchr (point + 1, '.') != NULL) ||
      (point != NULL && (point == text ? length == 1 : point[1] == '\0')))
    {
      g_set_error (error, SIGNET_MONEY_ERROR, SIGNET_MONEY_ERROR_SYNTAX,
                   _("“%s” is not an amount; write digits with an optional decimal point, like 1234.50."),
                   text);
      return FALSE;
    }

  whole = point != NULL ? g_strndup (text, point - text) : g_strdup (text);
  result = compose (whole, point != NULL ? point + 1 : NULL,
                    signet_currency_get_exponent (currency), FALSE, minor_units);
  if (result != COMPOSE_OK)
    return set_compose_error (result, text, currency, error);

  return TRUE;
}

char *
signet_money_to_decimal (gint64      minor_units,
                         const char *currency)
{
  const MoneyFormat plain = { .decimal_point = ".", };

  g_return_val_if_fail (currency != NULL, NULL);

  return format_digits (&plain, minor_units, currency);
}

char *
signet_money_format_amount (gint64      minor_units,
                            const char *currency)
{
  MoneyFormat format;

  g_return_val_if_fail (currency != NULL, NULL);

  load_money_format (&format);

  return format_digits (&format, minor_units, currency);
}

const char *
signet_money_get_symbol (const char *currency)
{
  const char *symbol;

  g_return_val_if_fail (currency != NULL, NULL);

  symbol = table_symbol (currency);

  return symbol != NULL ? symbol : currency;
}

gboolean
signet_money_symbol_precedes (void)
{
  MoneyFormat format;

  load_money_format (&format);

  return format.symbol_first;
}

char *
signet_money_format (gint64      minor_units,
                     const char *currency)
{
  MoneyFormat format;
  const char *symbol;
  const char *space;
  g_autofree char *digits = NULL;

  g_return_val_if_fail (currency != NULL, NULL);

  load_money_format (&format);
  digits = format_digits (&format, minor_units, currency);
  symbol = table_symbol (currency);

  /* A code is always set apart; the space never breaks the amount in two. */
  space = (symbol == NULL || format.symbol_spaced) ? "\u00a0" : "";
  if (symbol == NULL)
    symbol = currency;

  if (format.symbol_first)
    return g_strconcat (symbol, space, digits, NULL);

  return g_strconcat (digits, space, symbol, NULL);
}

const char *
signet_currency_for_locale (void)
{
  MoneyFormat format;
  const char * const *found;

  load_money_format (&format);

  found = bsearch (format.currency, currency_codes, G_N_ELEMENTS (currency_codes) - 1,
                   sizeof currency_codes[0], compare_codes);

  /* The C locale, or a currency Signet doesn't know: the register's
   * currency as it always was. */
  return found != NULL ? *found : "CNY";
}

static const char * const capital_digits[] = {
  "零", "壹", "贰", "叁", "肆", "伍", "陆", "柒", "捌", "玖",
};
static const char * const capital_places[] = { "", "拾", "佰", "仟" };
static const char * const capital_sections[] = { "", "万", "亿" };

/* The rules of the People's Bank of China for amounts on cheques and
 * vouchers: one 零 for any run of zeros inside the number, none for the
 * zeros that end a section (万, 亿) when the next one starts with its
 * 仟; 零 between 元 and 角 when the 元 digit is 0, and between 元 and
 * 分 when there are no 角; 整 only after 元. */
char *
signet_money_to_chinese_capitals (gint64 fen)
{
  gint64 yuan;
  guint jiao;
  guint cents;
  gboolean started = FALSE;
  gboolean zero_pending = FALSE;
  GString *out;

  if (fen < 0 || fen >= G_GINT64_CONSTANT (100000000000000))
    return NULL;

  yuan = fen / 100;
  jiao = (guint) (fen / 10 % 10);
  cents = (guint) (fen % 10);
  out = g_string_new (NULL);

  for (int s = 2; s >= 0; s--)
    {
      guint section = (guint) (yuan / power_of_ten (4 * s) % 10000);
      gboolean zero_inside = FALSE;
      gboolean section_started = FALSE;

      if (section == 0)
        {
          zero_pending = zero_pending || started;
          continue;
        }
      if (started && section < 1000)
        zero_pending = TRUE;

      for (int place = 3; place >= 0; place--)
        {
          guint digit = (guint) (section / power_of_ten (place) % 10);

          if (digit == 0)
            {
              zero_inside = zero_inside || section_started;
              continue;
            }
          if (zero_pending || zero_inside)
            g_string_append (out, capital_digits[0]);
          zero_pending = zero_inside = FALSE;
          g_string_append (out, capital_digits[digit]);
          g_string_append (out, capital_places[place]);
          section_started = started = TRUE;
        }
      g_string_append (out, capital_sections[s]);
    }

  if (yuan > 0)
    g_string_append (out, "元");

  if (jiao == 0 && cents == 0)
    {
      if (yuan == 0)
        g_string_append (out, "零元");
      g_string_append (out, "整");
      return g_string_free (out, FALSE);
    }

  if (yuan > 0 && (jiao == 0 || yuan % 10 == 0))
    g_string_append (out, capital_digits[0]);
  if (jiao > 0)
    {
      g_string_append (out, capital_digits[jiao]);
      g_string_append (out, "角");
    }
  if (cents > 0)
    {
      g_string_append (out, capital_digits[cents]);
      g_string_append (out, "分");
    }

  return g_string_free (out, FALSE);
}

char *
signet_money_format_chinese_capitals (gint64      minor_units,
                                      const char *currency)
{
  g_autofree char *capitals = NULL;

  g_return_val_if_fail (currency != NULL, NULL);

  if (strcmp (currency, "CNY") != 0 || (capitals = signet_money_to_chinese_capitals (minor_units)) == NULL)
    return NULL;

  return g_strconcat ("人民币", capitals, NULL);
}
