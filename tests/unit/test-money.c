/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <locale.h>

#include "signet-date.h"
#include "signet-money.h"

static gint64
parse_ok (const char *text,
          const char *currency)
{
  g_autoptr(GError) error = NULL;
  gint64 minor = -1;

  g_assert_true (signet_money_parse_decimal (text, currency, &minor, &error));
  g_assert_no_error (error);

  return minor;
}

static void
assert_parse_fails (const char       *text,
                    const char       *currency,
                    SignetMoneyError  code)
{
  g_autoptr(GError) error = NULL;
  gint64 minor = 42;

  g_assert_false (signet_money_parse_decimal (text, currency, &minor, &error));
  g_assert_error (error, SIGNET_MONEY_ERROR, (int) code);
  g_assert_cmpint (minor, ==, 42);
}

static void
test_money_parse (void)
{
  g_assert_cmpint (parse_ok ("1234.5", "CNY"), ==, 123450);
  g_assert_cmpint (parse_ok ("0.01", "EUR"), ==, 1);
  g_assert_cmpint (parse_ok (".5", "EUR"), ==, 50);
  g_assert_cmpint (parse_ok ("7", "EUR"), ==, 700);
  g_assert_cmpint (parse_ok ("1500", "JPY"), ==, 1500);
  g_assert_cmpint (parse_ok ("1.234", "KWD"), ==, 1234);
  /* Amounts that a double cannot hold exactly come through to the unit. */
  g_assert_cmpint (parse_ok ("90071992547409.93", "CNY"), ==, G_GINT64_CONSTANT (9007199254740993));
  g_assert_cmpint (parse_ok ("0.1", "CNY") + parse_ok ("0.2", "CNY"), ==, parse_ok ("0.3", "CNY"));

  assert_parse_fails ("-5", "CNY", SIGNET_MONEY_ERROR_NEGATIVE);
  assert_parse_fails ("12abc", "CNY", SIGNET_MONEY_ERROR_SYNTAX);
  assert_parse_fails ("", "CNY", SIGNET_MONEY_ERROR_SYNTAX);
  assert_parse_fails ("1e5", "CNY", SIGNET_MONEY_ERROR_SYNTAX);
  /* Files and the audit log hold plain decimals: grouping is typed, never
   * stored (signet_money_parse() reads it). */
  assert_parse_fails ("1,234.50", "USD", SIGNET_MONEY_ERROR_SYNTAX);
  assert_parse_fails ("1.2.3", "USD", SIGNET_MONEY_ERROR_SYNTAX);
  assert_parse_fails ("12.", "USD", SIGNET_MONEY_ERROR_SYNTAX);
  assert_parse_fails ("1.005", "CNY", SIGNET_MONEY_ERROR_PRECISION);
  assert_parse_fails ("1.5", "JPY", SIGNET_MONEY_ERROR_PRECISION);
  assert_parse_fails ("99999999999999999999", "CNY", SIGNET_MONEY_ERROR_OVERFLOW);
  assert_parse_fails ("10", "XYZ", SIGNET_MONEY_ERROR_CURRENCY);
  assert_parse_fails ("10", "cny", SIGNET_MONEY_ERROR_CURRENCY);
}

static void
test_money_format (void)
{
  g_autofree char *a = signet_money_to_decimal (123450, "CNY");
  g_autofree char *b = signet_money_to_decimal (5, "USD");
  g_autofree char *c = signet_money_to_decimal (1500, "JPY");
  g_autofree char *d = signet_money_format (123456789, "CNY");
  g_autofree char *e = signet_money_format (100, "EUR");
  g_autofree char *f = signet_money_format (1234, "KWD");
  g_autofree char *g = signet_money_format (G_GINT64_CONSTANT (9007199254740993), "USD");

  g_assert_cmpstr (a, ==, "1234.50");
  g_assert_cmpstr (b, ==, "0.05");
  g_assert_cmpstr (c, ==, "1500");
  g_assert_cmpstr (d, ==, "¥1,234,567.89");
  g_assert_cmpstr (e, ==, "€1.00");
  /* A code is set apart by a space that never breaks the amount in two. */
  g_assert_cmpstr (f, ==, "KWD\u00a01.234");
  g_assert_cmpstr (g, ==, "$90,071,992,547,409.93");
}

static void
test_currency_list (void)
{
  const char * const *codes = signet_currency_list ();
  guint n = 0;

  for (; codes[n] != NULL; n++)
    {
      g_assert_true (signet_currency_is_valid (codes[n]));
      if (n > 0)
        g_assert_cmpstr (codes[n - 1], <, codes[n]);
    }

  g_assert_cmpuint (n, >, 140);
  g_assert_true (signet_currency_is_valid ("CNY"));
  g_assert_false (signet_currency_is_valid ("RMB"));
  g_assert_cmpuint (signet_currency_get_exponent ("JPY"), ==, 0);
  g_assert_cmpuint (signet_currency_get_exponent ("BHD"), ==, 3);
  g_assert_cmpuint (signet_currency_get_exponent ("USD"), ==, 2);
}

static void
test_date_parse (void)
{
  GDate date;
  g_autofree char *iso = NULL;

  g_assert_true (signet_date_parse ("2028-02-29", &date));
  iso = signet_date_to_iso (&date);
  g_assert_cmpstr (iso, ==, "2028-02-29");

  g_assert_false (signet_date_is_valid ("2026-02-29"));
  g_assert_false (signet_date_is_valid ("2026-02-30"));
  g_assert_false (signet_date_is_valid ("2026-13-01"));
  g_assert_false (signet_date_is_valid ("2026-1-01"));
  g_assert_false (signet_date_is_valid ("20260101"));
  g_assert_false (signet_date_is_valid ("2026-01-01x"));
  g_assert_false (signet_date_is_valid (NULL));
  g_assert_true (signet_date_is_valid ("2026-12-31"));
}

static void
test_date_add_months (void)
{
  struct { const char *from; int months; const char *to; } cases[] = {
    { "2026-01-31", 1, "2026-02-28" },
    { "2028-01-31", 1, "2028-02-29" },
    { "2026-03-31", -1, "2026-02-28" },
    { "2026-08-31", 3, "2026-11-30" },
    { "2026-11-15", 3, "2027-02-15" },
    { "2028-02-29", 12, "2029-02-28" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      GDate date;
      g_autofree char *iso = NULL;

      g_assert_true (signet_date_parse (cases[i].from, &date));
      signet_date_add_months (&date, cases[i].months);
      iso = signet_date_to_iso (&date);
      g_assert_cmpstr (iso, ==, cases[i].to);
    }
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/money/parse", test_money_parse);
  g_test_add_func ("/money/format", test_money_format);
  g_test_add_func ("/money/currencies", test_currency_list);
  g_test_add_func ("/date/parse", test_date_parse);
  g_test_add_func ("/date/add-months", test_date_add_months);

  return g_test_run ();
}
