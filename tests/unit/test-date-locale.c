/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "test-date-locale"

#include "config.h"

#include <locale.h>
#include <string.h>

#include <glib.h>

#include "signet-date.h"
#include "unit-test-utils.h"

/* Dates in the user's locale: the day the week starts on, the names of
 * the days, the short date the list and the fields show, and what a date
 * field reads, in the locales Signet is tried in. Each test switches this
 * thread to a locale with uselocale(), as the app's process has it from
 * setlocale(); the messages stay in English (no catalog is bound). */

static const char * const all_locales[] = {
  "zh_CN.UTF-8", "de_DE.UTF-8", "en_US.UTF-8", "fr_FR.UTF-8", "hi_IN.UTF-8", "C.UTF-8",
};

typedef struct
{
  const char   *locale;
  GDateWeekday  first_weekday;
  const char   *monday;         /* abbreviated */
  const char   *monday_in_full;
  const char   *shown;          /* 2026-12-07 */
  const char   *early;          /* 1900-01-05 */
  const char   *hint;
} LocaleCase;

static const LocaleCase locale_cases[] = {
  { "zh_CN.UTF-8", G_DATE_MONDAY, "一", "星期一", "2026年12月07日", "1900年01月05日", "YYYY年MM月DD日" },
  { "de_DE.UTF-8", G_DATE_MONDAY, "Mo", "Montag", "07.12.2026", "05.01.1900", "DD.MM.YYYY" },
  { "en_US.UTF-8", G_DATE_SUNDAY, "Mon", "Monday", "12/07/2026", "01/05/1900", "MM/DD/YYYY" },
  { "fr_FR.UTF-8", G_DATE_MONDAY, "lun.", "lundi", "07/12/2026", "05/01/1900", "DD/MM/YYYY" },
  /* hi_IN's D_FMT, %-d/%-m/%y, shown with the year in full. */
  { "hi_IN.UTF-8", G_DATE_SUNDAY, "सोम", "सोमवार", "7/12/2026", "5/1/1900", "DD/MM/YYYY" },
  /* The C locale's D_FMT is %m/%d/%y; no one's culture, it shows ISO. */
  { "C.UTF-8", G_DATE_SUNDAY, "Mon", "Monday", "2026-12-07", "1900-01-05", "YYYY-MM-DD" },
};

static void
test_locale (gconstpointer data)
{
  const LocaleCase *c = data;
  locale_t locale = unit_enter_locale (c->locale, LC_ALL_MASK);
  g_autofree char *monday = NULL;
  g_autofree char *monday_in_full = NULL;
  g_autofree char *shown = NULL;
  g_autofree char *early = NULL;
  g_autofree char *far = NULL;
  g_autofree char *hint = NULL;

  if (locale == (locale_t) 0)
    return;

  g_assert_cmpint (signet_date_first_weekday (), ==, c->first_weekday);

  monday = signet_date_weekday_name (G_DATE_MONDAY, TRUE);
  monday_in_full = signet_date_weekday_name (G_DATE_MONDAY, FALSE);
  g_assert_cmpstr (monday, ==, c->monday);
  g_assert_cmpstr (monday_in_full, ==, c->monday_in_full);

  shown = signet_date_format_display ("2026-12-07");
  early = signet_date_format_display ("1900-01-05");
  hint = signet_date_input_format ();
  g_assert_cmpstr (shown, ==, c->shown);
  g_assert_cmpstr (early, ==, c->early);
  g_assert_cmpstr (hint, ==, c->hint);

  /* A date a register from before the range holds still shows; no date
   * shows as nothing. */
  far = signet_date_format_display ("9999-12-31");
  g_assert_cmpuint (strlen (far), >, 0);
  g_assert_nonnull (strstr (far, "9999"));
  g_free (far);
  far = signet_date_format_display ("2026-02-30");
  g_assert_cmpstr (far, ==, "");

  unit_leave_locale (locale);
}

/* Every locale's weeks: a week of names from its first day on, each name
 * a different one. */
static void
test_week_names (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (all_locales); i++)
    {
      locale_t locale = newlocale (LC_ALL_MASK, all_locales[i], (locale_t) 0);
      g_autoptr(GHashTable) names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

      if (locale == (locale_t) 0)
        continue;
      uselocale (locale);

      for (GDateWeekday day = G_DATE_MONDAY; day <= G_DATE_SUNDAY; day++)
        {
          char *name = signet_date_weekday_name (day, TRUE);

          g_assert_cmpuint (strlen (name), >, 0);
          g_assert_true (g_utf8_validate (name, -1, NULL));
          g_assert_true (g_hash_table_add (names, name));
        }

      unit_leave_locale (locale);
    }
}

typedef struct
{
  const char *locale;
  const char *typed;
  const char *iso;
} Accepted;

static const Accepted accepted[] = {
  /* The locale's own short date, with or without leading zeros. */
  { "de_DE.UTF-8", "07.12.2026", "2026-12-07" },
  { "de_DE.UTF-8", "7.12.2026", "2026-12-07" },
  { "de_DE.UTF-8", " 7. 12. 2026 ", "2026-12-07" },
  { "en_US.UTF-8", "12/07/2026", "2026-12-07" },
  { "en_US.UTF-8", "05/01/2026", "2026-05-01" },
  { "en_US.UTF-8", "5/1/2026", "2026-05-01" },
  { "fr_FR.UTF-8", "05/01/2026", "2026-01-05" },
  { "hi_IN.UTF-8", "5/1/2026", "2026-01-05" },
  { "zh_CN.UTF-8", "2026年12月07日", "2026-12-07" },
  { "C.UTF-8", "2026-12-07", "2026-12-07" },
  /* Year first, in every locale: ISO and the common Chinese forms. */
  { "de_DE.UTF-8", "2026-12-07", "2026-12-07" },
  { "en_US.UTF-8", "2026-12-07", "2026-12-07" },
  { "zh_CN.UTF-8", "2026-12-07", "2026-12-07" },
  { "zh_CN.UTF-8", "2026/1/5", "2026-01-05" },
  { "zh_CN.UTF-8", "2026年1月5日", "2026-01-05" },
  { "zh_CN.UTF-8", "2026年1月5", "2026-01-05" },
  { "zh_CN.UTF-8", "2026-1-5", "2026-01-05" },
  { "zh_CN.UTF-8", "2026.1.5", "2026-01-05" },
  { "de_DE.UTF-8", "2026/1/5", "2026-01-05" },
  { "en_US.UTF-8", "2026年1月5日", "2026-01-05" },
  { "C.UTF-8", "2026/1/5", "2026-01-05" },
  /* As a Chinese input method types them, in full-width characters. */
  { "zh_CN.UTF-8", "２０２６／１／５", "2026-01-05" },
  { "zh_CN.UTF-8", "２０２６年１月５日", "2026-01-05" },
  /* The ends of the range, and a leap day. */
  { "de_DE.UTF-8", "01.01.1900", "1900-01-01" },
  { "en_US.UTF-8", "12/31/2199", "2199-12-31" },
  { "zh_CN.UTF-8", "2028年2月29日", "2028-02-29" },
};

static void
test_accepted (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (accepted); i++)
    {
      locale_t locale = newlocale (LC_ALL_MASK, accepted[i].locale, (locale_t) 0);
      g_autoptr(GError) error = NULL;
      g_autofree char *iso = NULL;

      if (locale == (locale_t) 0)
        {
          g_test_message ("%s is not installed: “%s” not tried", accepted[i].locale, accepted[i].typed);
          continue;
        }
      uselocale (locale);

      iso = signet_date_read_input (accepted[i].typed, &error);
      g_test_message ("%s: “%s”", accepted[i].locale, accepted[i].typed);
      g_assert_no_error (error);
      g_assert_cmpstr (iso, ==, accepted[i].iso);

      unit_leave_locale (locale);
    }
}

typedef struct
{
  const char           *locale;
  const char           *typed;
  SignetDateInputError  code;
  const char           *message;
} Refused;

#define HOW_DE "Type the date as DD.MM.YYYY, such as 31.12.2026, or as YYYY-MM-DD."
#define HOW_US "Type the date as MM/DD/YYYY, such as 12/31/2026, or as YYYY-MM-DD."
#define HOW_ZH "Type the date as YYYY年MM月DD日, such as 2026年12月31日, or as YYYY-MM-DD."
#define HOW_C "Type the date as YYYY-MM-DD, such as 2026-12-31."

static const Refused refused[] = {
  /* Day and month the other way round from the locale's: in de_DE dates
   * are written with dots, and a slashed date is British or American. */
  { "de_DE.UTF-8", "05/01/2026", SIGNET_DATE_INPUT_ERROR_AMBIGUOUS,
    "“05/01/2026” could be read with the day first or with the month first. " HOW_DE },
  { "de_DE.UTF-8", "25/01/2026", SIGNET_DATE_INPUT_ERROR_AMBIGUOUS,
    "“25/01/2026” could be read with the day first or with the month first. " HOW_DE },
  { "en_US.UTF-8", "07.12.2026", SIGNET_DATE_INPUT_ERROR_AMBIGUOUS,
    "“07.12.2026” could be read with the day first or with the month first. " HOW_US },
  { "zh_CN.UTF-8", "05/01/2026", SIGNET_DATE_INPUT_ERROR_AMBIGUOUS,
    "“05/01/2026” could be read with the day first or with the month first. " HOW_ZH },
  { "C.UTF-8", "05/01/2026", SIGNET_DATE_INPUT_ERROR_AMBIGUOUS,
    "“05/01/2026” could be read with the day first or with the month first. " HOW_C },
  /* A two-digit year could be in either century of the range. */
  { "de_DE.UTF-8", "7.12.26", SIGNET_DATE_INPUT_ERROR_SHORT_YEAR,
    "“7.12.26” has a year of two digits, which could be in any century. " HOW_DE },
  { "en_US.UTF-8", "12/7/26", SIGNET_DATE_INPUT_ERROR_SHORT_YEAR,
    "“12/7/26” has a year of two digits, which could be in any century. " HOW_US },
  /* Read, but no such day. */
  { "de_DE.UTF-8", "30.02.2026", SIGNET_DATE_INPUT_ERROR_NO_SUCH_DAY,
    "“30.02.2026” reads as day 30 of month 2 of 2026, which has 28 days. " HOW_DE },
  { "en_US.UTF-8", "13/01/2026", SIGNET_DATE_INPUT_ERROR_NO_SUCH_DAY,
    "“13/01/2026” reads as month 13, and a year has 12 months. " HOW_US },
  { "zh_CN.UTF-8", "2026年2月29日", SIGNET_DATE_INPUT_ERROR_NO_SUCH_DAY,
    "“2026年2月29日” reads as day 29 of month 2 of 2026, which has 28 days. " HOW_ZH },
  { "C.UTF-8", "2026-02-30", SIGNET_DATE_INPUT_ERROR_NO_SUCH_DAY,
    "“2026-02-30” reads as day 30 of month 2 of 2026, which has 28 days. " HOW_C },
  /* Not a date at all. */
  { "de_DE.UTF-8", "7 Dez 2026", SIGNET_DATE_INPUT_ERROR_MALFORMED,
    "“7 Dez 2026” is not a date. " HOW_DE },
  { "zh_CN.UTF-8", "2026年12月", SIGNET_DATE_INPUT_ERROR_MALFORMED,
    "“2026年12月” is not a date. " HOW_ZH },
  { "en_US.UTF-8", "12/07/2026/1", SIGNET_DATE_INPUT_ERROR_MALFORMED,
    "“12/07/2026/1” is not a date. " HOW_US },
  { "en_US.UTF-8", "12-07-2026", SIGNET_DATE_INPUT_ERROR_AMBIGUOUS,
    "“12-07-2026” could be read with the day first or with the month first. " HOW_US },
  { "C.UTF-8", "20261207", SIGNET_DATE_INPUT_ERROR_MALFORMED,
    "“20261207” is not a date. " HOW_C },
  { "C.UTF-8", "2026-12-07T10:00", SIGNET_DATE_INPUT_ERROR_MALFORMED,
    "“2026-12-07T10:00” is not a date. " HOW_C },
  /* Outside the range. */
  { "de_DE.UTF-8", "31.12.2300", SIGNET_DATE_INPUT_ERROR_OUT_OF_RANGE,
    "“31.12.2300” is outside the dates Signet works with, 1900-01-01 to 2199-12-31." },
  { "zh_CN.UTF-8", "1899年12月31日", SIGNET_DATE_INPUT_ERROR_OUT_OF_RANGE,
    "“1899年12月31日” is outside the dates Signet works with, 1900-01-01 to 2199-12-31." },
  { "C.UTF-8", "0000-01-01", SIGNET_DATE_INPUT_ERROR_OUT_OF_RANGE,
    "“0000-01-01” is outside the dates Signet works with, 1900-01-01 to 2199-12-31." },
};

static void
test_refused (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      locale_t locale = newlocale (LC_ALL_MASK, refused[i].locale, (locale_t) 0);
      g_autoptr(GError) error = NULL;
      g_autofree char *iso = NULL;

      if (locale == (locale_t) 0)
        {
          g_test_message ("%s is not installed: “%s” not tried", refused[i].locale, refused[i].typed);
          continue;
        }
      uselocale (locale);

      iso = signet_date_read_input (refused[i].typed, &error);
      g_test_message ("%s: “%s”", refused[i].locale, refused[i].typed);
      g_assert_null (iso);
      g_assert_error (error, SIGNET_DATE_INPUT_ERROR, (int) refused[i].code);
      g_assert_cmpstr (error->message, ==, refused[i].message);

      unit_leave_locale (locale);
    }
}

/* What a field shows, the field reads back as the same day, over random
 * days of the whole range, in every locale. */
static void
test_round_trip (void)
{
  GDate first, day;
  guint32 span;

  g_date_clear (&first, 1);
  g_date_set_dmy (&first, 1, 1, SIGNET_DATE_MIN_YEAR);
  g_date_clear (&day, 1);
  g_date_set_dmy (&day, 31, 12, SIGNET_DATE_MAX_YEAR);
  span = g_date_get_julian (&day) - g_date_get_julian (&first);

  for (guint i = 0; i < G_N_ELEMENTS (all_locales); i++)
    {
      locale_t locale = newlocale (LC_ALL_MASK, all_locales[i], (locale_t) 0);

      if (locale == (locale_t) 0)
        continue;
      uselocale (locale);

      for (guint n = 0; n < 2000; n++)
        {
          g_autofree char *iso = NULL;
          g_autofree char *shown = NULL;
          g_autofree char *read = NULL;
          g_autoptr(GError) error = NULL;

          /* Both ends, then anywhere. */
          g_date_set_julian (&day, g_date_get_julian (&first) +
                                     (n == 0 ? 0 : n == 1 ? span : (guint32) g_test_rand_int_range (0, span + 1)));
          iso = signet_date_to_iso (&day);
          shown = signet_date_format_display (iso);
          read = signet_date_read_input (shown, &error);
          g_assert_no_error (error);
          g_assert_cmpstr (read, ==, iso);
        }

      unit_leave_locale (locale);
    }
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (locale_cases); i++)
    {
      const char *name = locale_cases[i].locale;
      g_autofree char *path = g_strdup_printf ("/date-locale/locale/%.*s", (int) strcspn (name, "."), name);

      g_test_add_data_func (path, &locale_cases[i], test_locale);
    }
  g_test_add_func ("/date-locale/week-names", test_week_names);
  g_test_add_func ("/date-locale/accepted", test_accepted);
  g_test_add_func ("/date-locale/refused", test_refused);
  g_test_add_func ("/date-locale/round-trip", test_round_trip);

  return g_test_run ();
}
