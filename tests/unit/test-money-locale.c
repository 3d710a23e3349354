/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "test-money-locale"

#include "config.h"

#include <locale.h>
#include <string.h>

#include <glib.h>

#include "signet-money.h"
#include "unit-test-utils.h"

/* Money as the user types and reads it, in the locales Signet is tried
 * in: what is read, what is refused and in which words, how amounts are
 * shown, the register's currency per locale, and amounts in Chinese
 * capitals. Each test switches this thread's money format with
 * uselocale(), as the app's process has it from setlocale(); the messages
 * stay in English (LC_MESSAGES stays C). */

/* What each test switches to the locale it tries. */
#define MONEY_FORMATS (LC_MONETARY_MASK | LC_NUMERIC_MASK)

static const char * const all_locales[] = {
  "de_DE.UTF-8", "fr_FR.UTF-8", "en_US.UTF-8", "zh_CN.UTF-8", "hi_IN.UTF-8", "C.UTF-8",
};

typedef struct
{
  const char *locale;
  const char *text;
  const char *currency;
  gint64      minor_units;
} Accepted;

static const Accepted accepted[] = {
  /* The case: what de_DE users type and what the list shows. */
  { "de_DE.UTF-8", "1.250.000,50", "CNY", 125000050 },
  { "de_DE.UTF-8", "1250000,50", "CNY", 125000050 },
  { "de_DE.UTF-8", "1250000.50", "CNY", 125000050 },
  { "de_DE.UTF-8", "1.250", "CNY", 125000 },
  { "de_DE.UTF-8", "1.250.000", "CNY", 125000000 },
  { "de_DE.UTF-8", "1.250,5", "CNY", 125050 },
  { "de_DE.UTF-8", ",50", "EUR", 50 },
  { "de_DE.UTF-8", "1.782.000,00\u00a0$", "USD", 178200000 },
  { "de_DE.UTF-8", "1.782.000,00 USD", "USD", 178200000 },
  { "de_DE.UTF-8", "12 €", "EUR", 1200 },
  { "de_DE.UTF-8", "  7  ", "EUR", 700 },
  { "de_DE.UTF-8", "1.250", "KWD", 1250000 },
  { "de_DE.UTF-8", "1.500", "JPY", 1500 },
  /* fr_FR groups with a narrow no-break space; whatever space is typed. */
  { "fr_FR.UTF-8", "1\u202f250\u202f000,50", "EUR", 125000050 },
  { "fr_FR.UTF-8", "1\u00a0250\u00a0000,50", "EUR", 125000050 },
  { "fr_FR.UTF-8", "1 250 000,50", "EUR", 125000050 },
  { "fr_FR.UTF-8", "1250000,50", "EUR", 125000050 },
  { "fr_FR.UTF-8", "1250000.50", "EUR", 125000050 },
  { "fr_FR.UTF-8", "1 250 000,50 €", "EUR", 125000050 },
  { "en_US.UTF-8", "1,250,000.50", "USD", 125000050 },
  { "en_US.UTF-8", "1250000.50", "USD", 125000050 },
  { "en_US.UTF-8", "$1,250,000.50", "USD", 125000050 },
  { "en_US.UTF-8", "1,250", "USD", 125000 },
  { "en_US.UTF-8", ".5", "USD", 50 },
  { "en_US.UTF-8", "1.234", "KWD", 1234 },
  { "en_US.UTF-8", "90,071,992,547,409.93", "USD", G_GINT64_CONSTANT (9007199254740993) },
  { "zh_CN.UTF-8", "1,250,000.50", "CNY", 125000050 },
  { "zh_CN.UTF-8", "1250000.50", "CNY", 125000050 },
  { "zh_CN.UTF-8", "¥1,250,000.50", "CNY", 125000050 },
  /* A Chinese input method's full-width yuan sign, digits and comma. */
  { "zh_CN.UTF-8", "￥1,250,000.50", "CNY", 125000050 },
  { "zh_CN.UTF-8", "１，２５０，０００．５０", "CNY", 125000050 },
  { "zh_CN.UTF-8", "CNY 1,250,000.50", "CNY", 125000050 },
  /* hi_IN groups lakhs and crores. */
  { "hi_IN.UTF-8", "12,50,000.50", "INR", 125000050 },
  { "hi_IN.UTF-8", "1,00,00,000", "INR", 1000000000 },
  { "hi_IN.UTF-8", "₹12,50,000.50", "INR", 125000050 },
  { "hi_IN.UTF-8", "1250000.50", "INR", 125000050 },
  { "hi_IN.UTF-8", "1,250", "INR", 125000 },
  /* The C locale is read as English. */
  { "C.UTF-8", "1,234.50", "USD", 123450 },
  { "C.UTF-8", "1234.5", "CNY", 123450 },
};

static void
test_parse_accepted (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (accepted); i++)
    {
      g_autoptr(GError) error = NULL;
      locale_t locale = unit_enter_locale (accepted[i].locale, MONEY_FORMATS);
      gint64 minor_units = -1;
      gboolean ok;

      if (locale == (locale_t) 0)
        return;

      ok = signet_money_parse (accepted[i].text, accepted[i].currency, &minor_units, &error);
      unit_leave_locale (locale);

      if (!ok)
        g_error ("%s: “%s” refused: %s", accepted[i].locale, accepted[i].text, error->message);
      g_assert_no_error (error);
      g_assert_cmpint (minor_units, ==, accepted[i].minor_units);
    }
}

typedef struct
{
  const char       *locale;
  const char       *text;
  const char       *currency;
  SignetMoneyError  code;
  const char       *message;
} Refused;

static const Refused refused[] = {
  /* Could be a thousand or one and a quarter: both ways are offered. */
  { "en_US.UTF-8", "1.250", "USD", SIGNET_MONEY_ERROR_FORMAT,
    "“1.250” can be read two ways here: type 1,250.00 if “.” separates thousands, "
    "or 1.25 if it is the decimal point." },
  { "zh_CN.UTF-8", "1.250", "CNY", SIGNET_MONEY_ERROR_FORMAT,
    "“1.250” can be read two ways here: type 1,250.00 if “.” separates thousands, "
    "or 1.25 if it is the decimal point." },
  { "de_DE.UTF-8", "1,250", "EUR", SIGNET_MONEY_ERROR_FORMAT,
    "“1,250” can be read two ways here: type 1.250,00 if “,” separates thousands, "
    "or 1,25 if it is the decimal point." },
  { "fr_FR.UTF-8", "1.250", "EUR", SIGNET_MONEY_ERROR_FORMAT,
    "“1.250” can be read two ways here: type 1\u202f250,00 if “.” separates thousands, "
    "or 1,25 if it is the decimal point." },
  /* The corruption, seen from en_US: a comma as the decimal point. */
  { "en_US.UTF-8", "1250000,50", "USD", SIGNET_MONEY_ERROR_FORMAT,
    "“1250000,50” can be read two ways here: type 125,000,050.00 if “,” separates thousands, "
    "or 1,250,000.50 if it is the decimal point." },
  { "en_US.UTF-8", "12,50", "USD", SIGNET_MONEY_ERROR_FORMAT,
    "“12,50” can be read two ways here: type 1,250.00 if “,” separates thousands, "
    "or 12.50 if it is the decimal point." },
  /* Groups of the wrong width. */
  { "en_US.UTF-8", "1.25.000", "USD", SIGNET_MONEY_ERROR_FORMAT,
    "“1.25.000” is not an amount in this language's format (1,234,567.89): "
    "type 125,000.00 if “.” separates thousands." },
  { "de_DE.UTF-8", "1.25.000", "EUR", SIGNET_MONEY_ERROR_FORMAT,
    "“1.25.000” is not an amount in this language's format (1.234.567,89): "
    "type 125.000,00 if “.” separates thousands." },
  { "en_US.UTF-8", "1,2345", "USD", SIGNET_MONEY_ERROR_FORMAT,
    "“1,2345” is not an amount in this language's format (1,234,567.89): "
    "type 12,345.00 if “,” separates thousands." },
  { "hi_IN.UTF-8", "1,250,000.50", "INR", SIGNET_MONEY_ERROR_FORMAT,
    "“1,250,000.50” is not an amount in this language's format (12,34,567.89): type 12,50,000.50." },
  /* Another language's separators. */
  { "de_DE.UTF-8", "1,250.50", "EUR", SIGNET_MONEY_ERROR_FORMAT,
    "“1,250.50” is not an amount in this language's format (1.234.567,89): type 1.250,50." },
  { "en_US.UTF-8", "1.250.000,50", "USD", SIGNET_MONEY_ERROR_FORMAT,
    "“1.250.000,50” is not an amount in this language's format (1,234,567.89): type 1,250,000.50." },
  { "fr_FR.UTF-8", "1.250.000,50", "EUR", SIGNET_MONEY_ERROR_FORMAT,
    "“1.250.000,50” is not an amount in this language's format (1\u202f234\u202f567,89): "
    "type 1\u202f250\u202f000,50." },
  { "en_US.UTF-8", "1 250 000.50", "USD", SIGNET_MONEY_ERROR_FORMAT,
    "“1 250 000.50” is not an amount in this language's format (1,234,567.89): type 1,250,000.50." },
  /* Three decimals that cannot be a thousands group. */
  { "en_US.UTF-8", "1.255", "USD", SIGNET_MONEY_ERROR_PRECISION,
    "The amount “1.255” has more decimals than USD allows (2)." },
  { "en_US.UTF-8", "1250.000", "USD", SIGNET_MONEY_ERROR_PRECISION,
    "The amount “1250.000” has more decimals than USD allows (2)." },
  { "de_DE.UTF-8", "1,255", "EUR", SIGNET_MONEY_ERROR_PRECISION,
    "The amount “1,255” has more decimals than EUR allows (2)." },
  { "en_US.UTF-8", "1.5", "JPY", SIGNET_MONEY_ERROR_PRECISION,
    "The amount “1.5” has more decimals than JPY allows (0)." },
  { "en_US.UTF-8", "1.250", "JPY", SIGNET_MONEY_ERROR_PRECISION,
    "The amount “1.250” has more decimals than JPY allows (0)." },
  /* Not an amount at all. */
  { "de_DE.UTF-8", "12abc", "EUR", SIGNET_MONEY_ERROR_SYNTAX,
    "“12abc” is not an amount: type digits as in 1.234.567,89." },
  { "en_US.UTF-8", "1..5", "USD", SIGNET_MONEY_ERROR_SYNTAX,
    "“1..5” is not an amount: type digits as in 1,234,567.89." },
  { "en_US.UTF-8", "1250.", "USD", SIGNET_MONEY_ERROR_SYNTAX,
    "“1250.” is not an amount: type digits as in 1,234,567.89." },
  { "en_US.UTF-8", "", "USD", SIGNET_MONEY_ERROR_SYNTAX,
    "“” is not an amount: type digits as in 1,234,567.89." },
  { "en_US.UTF-8", "1e5", "USD", SIGNET_MONEY_ERROR_SYNTAX,
    "“1e5” is not an amount: type digits as in 1,234,567.89." },
  /* Another currency's symbol is not this one's. */
  { "en_US.UTF-8", "€12", "USD", SIGNET_MONEY_ERROR_SYNTAX,
    "“€12” is not an amount: type digits as in 1,234,567.89." },
  { "zh_CN.UTF-8", "-5", "CNY", SIGNET_MONEY_ERROR_NEGATIVE,
    "The amount “-5” is negative; a contract value cannot be below zero." },
  { "zh_CN.UTF-8", "99,999,999,999,999,999.00", "CNY", SIGNET_MONEY_ERROR_OVERFLOW,
    "The amount “99,999,999,999,999,999.00” is too large." },
  { "zh_CN.UTF-8", "10", "RMB", SIGNET_MONEY_ERROR_CURRENCY,
    "“RMB” is not an ISO 4217 currency code." },
};

static void
test_parse_refused (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_autoptr(GError) error = NULL;
      locale_t locale;
      gint64 minor_units = 42;
      gboolean ok;

      locale = unit_enter_locale (refused[i].locale, MONEY_FORMATS);
      if (locale == (locale_t) 0)
        return;

      ok = signet_money_parse (refused[i].text, refused[i].currency, &minor_units, &error);
      unit_leave_locale (locale);

      if (ok)
        g_error ("%s: “%s” read as %" G_GINT64_FORMAT, refused[i].locale, refused[i].text, minor_units);
      g_assert_error (error, SIGNET_MONEY_ERROR, (int) refused[i].code);
      g_assert_cmpstr (error->message, ==, refused[i].message);
      g_assert_cmpint (minor_units, ==, 42);
    }
}

typedef struct
{
  const char *locale;
  gint64      minor_units;
  const char *currency;
  const char *shown;
  const char *amount;
} Shown;

static const Shown shown[] = {
  { "de_DE.UTF-8", 178200000, "USD", "1.782.000,00\u00a0$", "1.782.000,00" },
  { "de_DE.UTF-8", 125000050, "EUR", "1.250.000,50\u00a0€", "1.250.000,50" },
  { "de_DE.UTF-8", 5, "CNY", "0,05\u00a0¥", "0,05" },
  { "de_DE.UTF-8", 1234, "KWD", "1,234\u00a0KWD", "1,234" },
  { "fr_FR.UTF-8", 125000050, "EUR", "1\u202f250\u202f000,50\u00a0€", "1\u202f250\u202f000,50" },
  { "fr_FR.UTF-8", 99900, "EUR", "999,00\u00a0€", "999,00" },
  { "en_US.UTF-8", 125000050, "USD", "$1,250,000.50", "1,250,000.50" },
  { "en_US.UTF-8", 1500, "JPY", "JP¥1,500", "1,500" },
  { "en_US.UTF-8", 1234, "KWD", "KWD\u00a01.234", "1.234" },
  { "zh_CN.UTF-8", 125000050, "CNY", "¥1,250,000.50", "1,250,000.50" },
  { "zh_CN.UTF-8", 0, "CNY", "¥0.00", "0.00" },
  { "hi_IN.UTF-8", 125000050, "INR", "₹12,50,000.50", "12,50,000.50" },
  { "hi_IN.UTF-8", 100000000000, "INR", "₹1,00,00,00,000.00", "1,00,00,00,000.00" },
  { "hi_IN.UTF-8", 99900, "INR", "₹999.00", "999.00" },
  { "C.UTF-8", 123456789, "CNY", "¥1,234,567.89", "1,234,567.89" },
};

static void
test_format (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (shown); i++)
    {
      locale_t locale = unit_enter_locale (shown[i].locale, MONEY_FORMATS);
      g_autofree char *text = NULL;
      g_autofree char *amount = NULL;
      g_autofree char *decimal = NULL;

      if (locale == (locale_t) 0)
        return;

      text = signet_money_format (shown[i].minor_units, shown[i].currency);
      amount = signet_money_format_amount (shown[i].minor_units, shown[i].currency);
      decimal = signet_money_to_decimal (shown[i].minor_units, shown[i].currency);
      unit_leave_locale (locale);

      g_assert_cmpstr (text, ==, shown[i].shown);
      g_assert_cmpstr (amount, ==, shown[i].amount);
      /* Files keep their one form whatever the locale. */
      g_assert_false (strchr (decimal, ',') != NULL);
    }
}

/* Whatever the locale shows is read back as the same amount, with and
 * without its symbol. */
static void
test_round_trip (void)
{
  static const char * const currencies[] = { "CNY", "EUR", "USD", "INR", "JPY", "KWD" };

  for (guint l = 0; l < G_N_ELEMENTS (all_locales); l++)
    {
      locale_t locale = unit_enter_locale (all_locales[l], MONEY_FORMATS);

      if (locale == (locale_t) 0)
        return;

      for (guint i = 0; i < 2000; i++)
        {
          const char *currency = currencies[i % G_N_ELEMENTS (currencies)];
          /* Up to 10^15 minor units, and many small amounts with zeros. */
          gint64 minor_units = (gint64) g_test_rand_int_range (0, 10000000) * 100000000 +
                               g_test_rand_int_range (0, 100000000);
          g_autofree char *amount = NULL;
          g_autofree char *text = NULL;
          g_autoptr(GError) error = NULL;
          gint64 read = -1;

          if (i % 3 == 0)
            for (gint32 n = g_test_rand_int_range (1, 9); n > 0; n--)
              minor_units /= 10;

          amount = signet_money_format_amount (minor_units, currency);
          text = signet_money_format (minor_units, currency);

          if (!signet_money_parse (amount, currency, &read, &error))
            g_error ("%s: “%s” (%s) refused: %s", all_locales[l], amount, currency, error->message);
          g_assert_cmpint (read, ==, minor_units);

          read = -1;
          if (!signet_money_parse (text, currency, &read, &error))
            g_error ("%s: “%s” refused: %s", all_locales[l], text, error->message);
          g_assert_cmpint (read, ==, minor_units);
        }

      unit_leave_locale (locale);
    }
}

static void
test_currency_for_locale (void)
{
  static const struct { const char *locale; const char *currency; } cases[] = {
    { "zh_CN.UTF-8", "CNY" },
    { "de_DE.UTF-8", "EUR" },
    { "fr_FR.UTF-8", "EUR" },
    { "en_US.UTF-8", "USD" },
    { "hi_IN.UTF-8", "INR" },
    /* No one's culture: the register's currency as it always was. */
    { "C.UTF-8", "CNY" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      locale_t locale = unit_enter_locale (cases[i].locale, MONEY_FORMATS);
      const char *currency;

      if (locale == (locale_t) 0)
        return;

      currency = signet_currency_for_locale ();
      unit_leave_locale (locale);

      g_assert_cmpstr (currency, ==, cases[i].currency);
    }
}

/* Checked against the rules of the People's Bank of China for amounts on
 * cheques and vouchers, and the examples they give (1409.50, 6007.14,
 * 1680.32, 107000.53, 16409.02, 325.04). */
static const struct
{
  gint64      fen;
  const char *capitals;
} capitals[] = {
  { 0, "零元整" },
  { 5, "伍分" },
  { 50, "伍角" },
  { 55, "伍角伍分" },
  { 100, "壹元整" },
  { 105, "壹元零伍分" },
  { 150, "壹元伍角" },
  { 1000, "壹拾元整" },
  { 1005, "壹拾元零伍分" },
  { 1050, "壹拾元零伍角" },
  { 1100, "壹拾壹元整" },
  { 10000, "壹佰元整" },
  { 10100, "壹佰零壹元整" },
  { 11000, "壹佰壹拾元整" },
  { 32504, "叁佰贰拾伍元零肆分" },
  { 100000, "壹仟元整" },
  { 140950, "壹仟肆佰零玖元伍角" },
  { 168032, "壹仟陆佰捌拾元零叁角贰分" },
  { 500200, "伍仟零贰元整" },
  { 600714, "陆仟零柒元壹角肆分" },
  { 1640902, "壹万陆仟肆佰零玖元零贰分" },
  { 10000000, "壹拾万元整" },
  { 10001000, "壹拾万零壹拾元整" },
  { 10700053, "壹拾万柒仟元零伍角叁分" },
  { 125000000, "壹佰贰拾伍万元整" },
  { 125000050, "壹佰贰拾伍万元零伍角" },
  { 500302050, "伍佰万叁仟零贰拾元零伍角" },
  { 1001000000, "壹仟零壹万元整" },
  { 1200100000, "壹仟贰佰万壹仟元整" },
  { 10000000000, "壹亿元整" },
  { 10000100000, "壹亿零壹仟元整" },
  { 10000003400, "壹亿零叁拾肆元整" },
  { 10100000000, "壹亿零壹佰万元整" },
  { 11000000000, "壹亿壹仟万元整" },
  { 100000000101, "壹拾亿零壹元零壹分" },
  { 2000000000000, "贰佰亿元整" },
  { 10000000000000, "壹仟亿元整" },
  { 99999999999999, "玖仟玖佰玖拾玖亿玖仟玖佰玖拾玖万玖仟玖佰玖拾玖元玖角玖分" },
};

static void
test_chinese_capitals (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (capitals); i++)
    {
      g_autofree char *text = signet_money_to_chinese_capitals (capitals[i].fen);

      g_assert_cmpstr (text, ==, capitals[i].capitals);
    }

  /* Nothing for what the capitals cannot state: 万亿 is no unit of them. */
  g_assert_null (signet_money_to_chinese_capitals (100000000000000));
  g_assert_null (signet_money_to_chinese_capitals (-1));
}

/* The value as a contract states it beside the figures, with the
 * currency's name, for yuan only. */
static void
test_chinese_capitals_of_value (void)
{
  static const struct
  {
    gint64      fen;
    const char *text;
  } values[] = {
    { 0, "人民币零元整" },
    { 1000, "人民币壹拾元整" },
    { 10000, "人民币壹佰元整" },
    { 10001005, "人民币壹拾万零壹拾元零伍分" },
    { 123456789, "人民币壹佰贰拾叁万肆仟伍佰陆拾柒元捌角玖分" },
    { 100000000000, "人民币壹拾亿元整" },
    { 98765432109876, "人民币玖仟捌佰柒拾陆亿伍仟肆佰叁拾贰万壹仟零玖拾捌元柒角陆分" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    {
      g_autofree char *text = signet_money_format_chinese_capitals (values[i].fen, "CNY");

      g_assert_cmpstr (text, ==, values[i].text);
    }

  /* Figures only for the other currencies, and beyond what capitals state. */
  g_assert_null (signet_money_format_chinese_capitals (10000, "USD"));
  g_assert_null (signet_money_format_chinese_capitals (10000, "HKD"));
  g_assert_null (signet_money_format_chinese_capitals (100000000000000, "CNY"));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/money-locale/parse/accepted", test_parse_accepted);
  g_test_add_func ("/money-locale/parse/refused", test_parse_refused);
  g_test_add_func ("/money-locale/format", test_format);
  g_test_add_func ("/money-locale/round-trip", test_round_trip);
  g_test_add_func ("/money-locale/currency-for-locale", test_currency_for_locale);
  g_test_add_func ("/money-locale/chinese-capitals", test_chinese_capitals);
  g_test_add_func ("/money-locale/chinese-capitals-of-value", test_chinese_capitals_of_value);

  return g_test_run ();
}
