/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "signet-date"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "signet-date.h"

/* The value of the @n digits at @text, or -1 when one is not a digit. */
static int
read_digits (const char *text,
             guint       n)
{
  int value = 0;

  for (guint i = 0; i < n; i++)
    {
      if (!g_ascii_isdigit (text[i]))
        return -1;
      value = value * 10 + (text[i] - '0');
    }

  return value;
}

/* Any day of years 1 to 9999 written YYYY-MM-DD at the start of @text:
 * what a register from before the range may hold. */
static gboolean
parse_any (const char *text,
           GDate      *date)
{
  int year, month, day;

  if (text[0] == '\0' || text[1] == '\0' || text[2] == '\0' || text[3] == '\0' || text[4] != '-' ||
      text[5] == '\0' || text[6] == '\0' || text[7] != '-')
    return FALSE;

  year = read_digits (text, 4);
  month = read_digits (text + 5, 2);
  day = read_digits (text + 8, 2);

  if (year < 1 || month < 1 || day < 1 || !g_date_valid_dmy (day, month, year))
    return FALSE;

  g_date_clear (date, 1);
  g_date_set_dmy (date, day, month, year);

  return TRUE;
}

/* The last year date arithmetic may reach: GDateTime's, well inside
 * GDate's 65535. */
#define MAX_COMPUTED_YEAR 9999

static gboolean
year_in_range (guint year)
{
  return year >= SIGNET_DATE_MIN_YEAR && year <= SIGNET_DATE_MAX_YEAR;
}

SignetDateCheck
signet_date_check (const char *text)
{
  GDate date;

  if (text == NULL || strlen (text) != 10 || !parse_any (text, &date))
    return SIGNET_DATE_MALFORMED;

  return year_in_range (g_date_get_year (&date)) ? SIGNET_DATE_OK : SIGNET_DATE_OUT_OF_RANGE;
}

gboolean
signet_date_parse (const char *text,
                   GDate      *date)
{
  GDate parsed;

  g_return_val_if_fail (date != NULL, FALSE);

  if (signet_date_check (text) != SIGNET_DATE_OK)
    return FALSE;

  parse_any (text, &parsed);
  *date = parsed;

  return TRUE;
}

gboolean
signet_date_is_valid (const char *text)
{
  return signet_date_check (text) == SIGNET_DATE_OK;
}

char *
signet_date_out_of_range_message (const char *text)
{
  /* Translators: the first %s is a date or time as written, the others
   * are the first and last dates of the range, 1900-01-01 and 2199-12-31. */
  return g_strdup_printf (_("“%s” is outside the dates Signet works with, %s to %s."),
                          text != NULL ? text : "", SIGNET_DATE_MIN, SIGNET_DATE_MAX);
}

char *
signet_date_to_iso (const GDate *date)
{
  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);

  return g_strdup_printf ("%04u-%02u-%02u",
                          g_date_get_year (date),
                          g_date_get_month (date),
                          g_date_get_day (date));
}

char *
signet_date_today_iso (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  int year = g_date_time_get_year (now);

  /* Everything derived as of today must be computable; a clock that far
   * off is wrong anyway. */
  if (year < SIGNET_DATE_MIN_YEAR)
    return g_strdup (SIGNET_DATE_MIN);
  if (year > SIGNET_DATE_MAX_YEAR)
    return g_strdup (SIGNET_DATE_MAX);

  return g_date_time_format (now, "%Y-%m-%d");
}

gboolean
signet_date_in_range (const GDate *date)
{
  g_return_val_if_fail (date != NULL && g_date_valid (date), FALSE);

  return year_in_range (g_date_get_year (date));
}

gboolean
signet_date_add_months (GDate  *date,
                        gint64  months)
{
  const gint64 last = (gint64) MAX_COMPUTED_YEAR * 12 + 11;
  gint64 index;
  guint year, month;

  g_return_val_if_fail (date != NULL && g_date_valid (date), FALSE);

  /* Counted in whole months here, never by GDate, which aborts past the
   * year 65535; the bound keeps the sum itself from overflowing. */
  if (months > last || months < -last)
    return FALSE;

  index = (gint64) g_date_get_year (date) * 12 + (g_date_get_month (date) - 1) + months;
  if (index < 12 || index > last)
    return FALSE;

  year = index / 12;
  month = index % 12 + 1;
  /* The day clamps to the end of the target month. */
  g_date_set_dmy (date, MIN (g_date_get_day (date), g_date_get_days_in_month (month, year)), month, year);

  return TRUE;
}

gboolean
signet_date_add_days (GDate  *date,
                      gint64  days)
{
  static gsize last_set;
  static guint32 last;
  gint64 julian;

  g_return_val_if_fail (date != NULL && g_date_valid (date), FALSE);

  if (g_once_init_enter (&last_set))
    {
      GDate bound;

      g_date_clear (&bound, 1);
      g_date_set_dmy (&bound, 31, 12, MAX_COMPUTED_YEAR);
      last = g_date_get_julian (&bound);
      g_once_init_leave (&last_set, 1);
    }

  /* Julian day 1 is 1 January of the year 1. */
  if (days > (gint64) last || days < -(gint64) last)
    return FALSE;

  julian = (gint64) g_date_get_julian (date) + days;
  if (julian < 1 || julian > last)
    return FALSE;

  g_date_set_julian (date, julian);

  return TRUE;
}

char *
signet_date_format_display (const char *iso)
{
  GDate date;
  g_autoptr(GDateTime) dt = NULL;

  if (iso == NULL || strlen (iso) != 10 || !parse_any (iso, &date))
    return g_strdup ("");

  dt = g_date_time_new_utc (g_date_get_year (&date), g_date_get_month (&date),
                            g_date_get_day (&date), 0, 0, 0);

  /* Translators: a date in the contract list; see strftime(3). "%Y年%-m月%-d日" in Chinese. */
  return g_date_time_format (dt, _("%-d %b %Y"));
}

/* hh:mm:ss at @text, or FALSE; 24:00:00 and leap seconds are no time the
 * store keeps. */
static gboolean
parse_time_of_day (const char *text)
{
  int hour, minute, second;

  if (text[0] == '\0' || text[1] == '\0' || text[2] != ':' ||
      text[3] == '\0' || text[4] == '\0' || text[5] != ':')
    return FALSE;

  hour = read_digits (text, 2);
  minute = read_digits (text + 3, 2);
  second = read_digits (text + 6, 2);

  return hour >= 0 && hour <= 23 && minute >= 0 && minute <= 59 && second >= 0 && second <= 59;
}

SignetDateCheck
signet_timestamp_check (const char  *text,
                        char       **normalized)
{
  GDate date;
  const char *rest;
  char millis[4] = "000";
  guint decimals = 0;

  if (normalized != NULL)
    *normalized = NULL;

  /* "YYYY-MM-DDThh:mm:ss" is 19 characters. */
  if (text == NULL || strnlen (text, 20) < 20 || !parse_any (text, &date) || text[10] != 'T' ||
      !parse_time_of_day (text + 11))
    return SIGNET_DATE_MALFORMED;

  rest = text + 19;
  if (*rest == '.')
    {
      for (rest++; g_ascii_isdigit (*rest); rest++)
        {
          if (decimals == 3)
            return SIGNET_DATE_MALFORMED;
          millis[decimals++] = *rest;
        }
      if (decimals == 0)
        return SIGNET_DATE_MALFORMED;
    }

  if ((rest[0] == '+' || rest[0] == '-') && strlen (rest) == 6 && rest[3] == ':' &&
      read_digits (rest + 1, 2) >= 0 && read_digits (rest + 4, 2) >= 0)
    return SIGNET_DATE_NOT_UTC;

  if (!g_str_equal (rest, "Z"))
    return SIGNET_DATE_MALFORMED;

  if (!year_in_range (g_date_get_year (&date)))
    return SIGNET_DATE_OUT_OF_RANGE;

  if (normalized != NULL)
    *normalized = g_strdup_printf ("%.19s.%sZ", text, millis);

  return SIGNET_DATE_OK;
}

char *
signet_timestamp_describe_problem (const char      *text,
                                   SignetDateCheck  check)
{
  g_return_val_if_fail (check != SIGNET_DATE_OK, NULL);

  if (text == NULL)
    text = "";

  switch (check)
    {
    case SIGNET_DATE_OUT_OF_RANGE:
      return signet_date_out_of_range_message (text);

    case SIGNET_DATE_NOT_UTC:
      /* Translators: %s is a time as written, such as 2026-01-31T17:15:02+08:00. */
      return g_strdup_printf (_("“%s” is not in UTC: write times in UTC, ending in Z, "
                                "such as 2026-01-31T09:15:02.123Z."), text);

    case SIGNET_DATE_MALFORMED:
    case SIGNET_DATE_OK:
    default:
      /* Translators: %s is what was written where a time belongs, such as 2026-01-31T24:00:00Z. */
      return g_strdup_printf (_("“%s” is not a time: write times in UTC as YYYY-MM-DDThh:mm:ss.sssZ, "
                                "such as 2026-01-31T09:15:02.123Z."), text);
    }
}
