/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Dates without a time of day are "YYYY-MM-DD" strings in the database and
 * in the objects; these helpers are the only place that parses them.
 *
 * Every date Signet stores, and every date it derives, lies in one range.
 * Its start is the first day spreadsheets can hold (the 1900 date system),
 * so a register's dates survive a spreadsheet export; its end leaves room
 * for 99-year leases and their renewals. Kept this far inside GDate's years
 * (1 to 65535) and GDateTime's (1 to 9999), no sum of a date in the range
 * and the longest term, notice period or review interval can leave them. */
#define SIGNET_DATE_MIN_YEAR 1900
#define SIGNET_DATE_MAX_YEAR 2199
#define SIGNET_DATE_MIN "1900-01-01"
#define SIGNET_DATE_MAX "2199-12-31"

typedef enum
{
  SIGNET_DATE_OK,
  SIGNET_DATE_MALFORMED,     /* not YYYY-MM-DD (or not a time), or no such day */
  SIGNET_DATE_OUT_OF_RANGE,  /* a real day, before SIGNET_DATE_MIN or after SIGNET_DATE_MAX */
  SIGNET_DATE_NOT_UTC,       /* a time with an offset such as +08:00 instead of Z */
} SignetDateCheck;

SignetDateCheck signet_date_check            (const char  *text);
/* Only dates in the range parse: nothing outside it is computed with. */
gboolean     signet_date_parse               (const char  *text,
                                              GDate       *date);
gboolean     signet_date_is_valid            (const char  *text);
/* "“2300-01-01” is outside the dates Signet works with, 1900-01-01 to
 * 2199-12-31.", translated. */
char        *signet_date_out_of_range_message (const char *text);
char        *signet_date_to_iso              (const GDate *date);
/* Today in the local time zone, as "YYYY-MM-DD"; a clock set outside the
 * range gives the nearest end of it. */
char        *signet_date_today_iso           (void);
gboolean     signet_date_in_range            (const GDate *date);
/* Adds months and clamps to the end of the month (31 Jan + 1 = 28/29 Feb).
 * A sum GDateTime could not hold (before the year 1 or after 9999) leaves
 * @date as it was and returns FALSE; whether the sum is in the range is the
 * caller's to check (an end of 2200-01-01 − 1 day is still 2199-12-31). */
gboolean     signet_date_add_months          (GDate       *date,
                                              gint64       months);
/* The same for days; @days may be negative. */
gboolean     signet_date_add_days            (GDate       *date,
                                              gint64       days);
/* The locale's short date with the year in full, the form the list, the
 * calendar and the date fields show and the fields read back:
 * "07.12.2026" in de_DE, "12/07/2026" in en_US, "2026年12月07日" in zh_CN
 * (glibc's D_FMT). The C locale, no one's culture, shows YYYY-MM-DD. A
 * well-formed date outside the range, kept by a register from before the
 * range, is shown too; anything else gives "". */
char        *signet_date_format_display      (const char  *iso);
/* A time the store keeps (UTC, ISO 8601) as the locale's short date and
 * the local time, "07.12.2026 14:05"; shown as stored when it is no time. */
char        *signet_timestamp_format_display (const char  *timestamp);

/* The dates of the user's locale: LC_TIME of the calling thread, so that
 * a test may switch locales with uselocale(). */

/* The day the locale's week starts on: Monday in zh_CN, de_DE and fr_FR,
 * Sunday in en_US and hi_IN. */
GDateWeekday signet_date_first_weekday       (void);
/* The locale's name of @weekday, abbreviated ("Mo", "一", "Sun") or in
 * full ("Montag", "星期一", "Sunday"). */
char        *signet_date_weekday_name        (GDateWeekday weekday,
                                              gboolean     abbreviated);
/* How a date is typed here, for a hint beside a field: "DD.MM.YYYY",
 * "MM/DD/YYYY", "YYYY年MM月DD日", "YYYY-MM-DD" (translated letters). */
char        *signet_date_input_format        (void);

#define SIGNET_DATE_INPUT_ERROR (signet_date_input_error_quark ())

typedef enum
{
  SIGNET_DATE_INPUT_ERROR_MALFORMED,    /* no form of a date Signet reads */
  SIGNET_DATE_INPUT_ERROR_AMBIGUOUS,    /* day and month could be either way round */
  SIGNET_DATE_INPUT_ERROR_SHORT_YEAR,   /* a year of two digits: which century? */
  SIGNET_DATE_INPUT_ERROR_NO_SUCH_DAY,  /* month 13, 30 February */
  SIGNET_DATE_INPUT_ERROR_OUT_OF_RANGE, /* a day before SIGNET_DATE_MIN or after SIGNET_DATE_MAX */
} SignetDateInputError;

GQuark       signet_date_input_error_quark   (void);
/* A date as a user types it, as "YYYY-MM-DD": in the locale's short form
 * (what signet_date_format_display() shows, with or without leading
 * zeros), or year first in any locale: 2026-12-07, 2026-1-5, 2026/1/5,
 * 2026.1.5, 2026年1月5日 (full-width digits too). Anything else, and any
 * day outside the range, is refused: @error says what was read and how to
 * type the date. */
char        *signet_date_read_input          (const char  *text,
                                              GError     **error);

/* Times the store keeps (when an attachment was added, an annotation made)
 * are UTC to the millisecond: "2026-01-31T09:15:02.123Z". @text may have
 * 0 to 3 decimals of seconds and must end in Z; its date must be in the
 * range. On SIGNET_DATE_OK, @normalized (nullable) gets it with three
 * decimals, the form the store writes. */
SignetDateCheck signet_timestamp_check         (const char  *text,
                                               char       **normalized);
/* What is wrong with @text, a time signet_timestamp_check() refused with
 * @check, in a translated sentence that says the form to use. */
char        *signet_timestamp_describe_problem (const char     *text,
                                                SignetDateCheck check);

G_END_DECLS
