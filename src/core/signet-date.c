/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "signet-date"

#include "config.h"

#include <langinfo.h>
#include <locale.h>
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

/* The locale's dates */

G_DEFINE_QUARK (signet-date-input-error-quark, signet_date_input_error)

typedef enum
{
  PART_DAY,
  PART_MONTH,
  PART_YEAR,
} Part;

/* A short date as a locale writes it: its three parts in order, each
 * part's padding to two digits ("07"), and the text before, between and
 * after them ("", ".", ".", "" in de_DE). */
typedef struct
{
  Part      order[3];
  gboolean  padded[3];
  char     *literal[4];
} ShortFormat;

static void
short_format_clear (ShortFormat *format)
{
  for (guint i = 0; i < G_N_ELEMENTS (format->literal); i++)
    g_clear_pointer (&format->literal[i], g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (ShortFormat, short_format_clear)

static void
set_iso_format (ShortFormat *format)
{
  static const char * const literals[] = { "", "-", "-", "" };

  short_format_clear (format);
  format->order[0] = PART_YEAR;
  format->order[1] = PART_MONTH;
  format->order[2] = PART_DAY;
  for (guint i = 0; i < 3; i++)
    format->padded[i] = TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (literals); i++)
    format->literal[i] = g_strdup (literals[i]);
}

/* An item of the calling thread's locale in UTF-8. */
static char *
langinfo_utf8 (nl_item item)
{
  const char *text = nl_langinfo (item);
  char *converted;

  if (g_utf8_validate (text, -1, NULL))
    return g_strdup (text);

  converted = g_convert (text, -1, "UTF-8", nl_langinfo (CODESET), NULL, NULL, NULL);

  return converted != NULL ? converted : g_strdup ("");
}

/* The C and POSIX locales are the absence of a choice, not a culture. */
static gboolean
is_c_locale (void)
{
#ifdef _NL_LOCALE_NAME
  const char *name = nl_langinfo (_NL_LOCALE_NAME (LC_TIME));
#else
  const char *name = setlocale (LC_TIME, NULL);
#endif

  return name == NULL || *name == '\0' || g_str_equal (name, "C") || g_str_equal (name, "POSIX") ||
         g_str_has_prefix (name, "C.");
}

/* Reads a D_FMT of strftime conversions for the day, the month and the
 * year, each once, between literal text. */
static gboolean
parse_d_fmt (const char  *fmt,
             ShortFormat *format)
{
  g_autoptr(GString) literal = g_string_new (NULL);
  gboolean seen[3] = { FALSE, FALSE, FALSE };
  guint n = 0;

  for (const char *p = fmt; *p != '\0'; p++)
    {
      gboolean unpadded = FALSE;
      Part part;

      if (*p != '%')
        {
          g_string_append_c (literal, *p);
          continue;
        }

      p++;
      if (*p == '%')
        {
          g_string_append_c (literal, '%');
          continue;
        }
      /* Flags and the E and O modifiers; padding is all a date needs. */
      for (; *p == '-' || *p == '_' || *p == '0' || *p == '^' || *p == '#' || *p == 'E' || *p == 'O'; p++)
        if (*p == '-' || *p == '_')
          unpadded = TRUE;

      switch (*p)
        {
        case 'd':
          part = PART_DAY;
          break;
        case 'e':
          part = PART_DAY;
          unpadded = TRUE;
          break;
        case 'm':
          part = PART_MONTH;
          break;
        case 'Y':
        case 'y':
          part = PART_YEAR;
          break;
        default:
          return FALSE;
        }

      if (seen[part] || n == 3)
        return FALSE;
      seen[part] = TRUE;
      format->order[n] = part;
      format->padded[n] = !unpadded;
      format->literal[n] = g_strdup (literal->str);
      g_string_truncate (literal, 0);
      n++;
    }

  if (n != 3)
    return FALSE;
  format->literal[3] = g_strdup (literal->str);

  return TRUE;
}

/* The locale's short date; YYYY-MM-DD where the locale has none Signet
 * can both write and read back. */
static void
get_short_format (ShortFormat *format)
{
  g_autofree char *fmt = NULL;

  if (is_c_locale ())
    {
      set_iso_format (format);
      return;
    }

  fmt = langinfo_utf8 (D_FMT);
  if (!parse_d_fmt (fmt, format))
    set_iso_format (format);
}

static gboolean
is_iso_format (const ShortFormat *format)
{
  return format->order[0] == PART_YEAR && format->order[1] == PART_MONTH && format->order[2] == PART_DAY &&
         g_str_equal (format->literal[0], "") && g_str_equal (format->literal[1], "-") &&
         g_str_equal (format->literal[2], "-") && g_str_equal (format->literal[3], "");
}

static char *
format_short (const ShortFormat *format,
              guint              year,
              guint              month,
              guint              day)
{
  GString *text = g_string_new (format->literal[0]);

  for (guint i = 0; i < 3; i++)
    {
      switch (format->order[i])
        {
        case PART_YEAR:
          /* Always in full: a register holds a century and more. */
          g_string_append_printf (text, "%04u", year);
          break;
        case PART_MONTH:
          g_string_append_printf (text, format->padded[i] ? "%02u" : "%u", month);
          break;
        case PART_DAY:
        default:
          g_string_append_printf (text, format->padded[i] ? "%02u" : "%u", day);
          break;
        }
      g_string_append (text, format->literal[i + 1]);
    }

  return g_string_free (text, FALSE);
}

char *
signet_date_format_display (const char *iso)
{
  g_auto(ShortFormat) format = { 0, };
  GDate date;

  if (iso == NULL || strlen (iso) != 10 || !parse_any (iso, &date))
    return g_strdup ("");

  get_short_format (&format);

  return format_short (&format, g_date_get_year (&date), g_date_get_month (&date), g_date_get_day (&date));
}

char *
signet_timestamp_format_display (const char *timestamp)
{
  g_autoptr(GDateTime) utc = timestamp != NULL ? g_date_time_new_from_iso8601 (timestamp, NULL) : NULL;
  g_autoptr(GDateTime) local = utc != NULL ? g_date_time_to_local (utc) : NULL;
  g_autofree char *day = NULL;
  g_autofree char *date = NULL;
  g_autofree char *time = NULL;

  /* Shown as stored when it is no time the local time zone can hold. */
  if (local == NULL)
    return g_strdup (timestamp != NULL ? timestamp : "");

  day = g_date_time_format (local, "%Y-%m-%d");
  date = signet_date_format_display (day);
  time = g_date_time_format (local, "%H:%M");

  return g_strdup_printf ("%s %s", date, time);
}

GDateWeekday
signet_date_first_weekday (void)
{
#ifdef __GLIBC__
  /* glibc counts the first weekday (1 to 7, a byte) from the first day of
   * a reference week, given as a date: 19971130, a Sunday, in nearly
   * every locale, 19971201, a Monday, in a few. */
  guint first = (guchar) nl_langinfo (_NL_TIME_FIRST_WEEKDAY)[0];
  guint origin = GPOINTER_TO_UINT (nl_langinfo (_NL_TIME_WEEK_1STDAY));
  guint day = origin % 100, month = origin / 100 % 100, year = origin / 10000;
  GDate reference;

  if (first >= 1 && first <= 7 && g_date_valid_dmy (day, month, year))
    {
      g_date_clear (&reference, 1);
      g_date_set_dmy (&reference, day, month, year);

      return (g_date_get_weekday (&reference) - 1 + first - 1) % 7 + 1;
    }
#endif

  /* ISO 8601's. */
  return G_DATE_MONDAY;
}

char *
signet_date_weekday_name (GDateWeekday weekday,
                          gboolean     abbreviated)
{
  g_return_val_if_fail (g_date_valid_weekday (weekday), NULL);

  /* ABDAY_1 and DAY_1 are Sunday, GDate's 7. */
  return langinfo_utf8 ((abbreviated ? ABDAY_1 : DAY_1) + weekday % 7);
}

char *
signet_date_input_format (void)
{
  g_auto(ShortFormat) format = { 0, };
  GString *text;

  get_short_format (&format);
  if (is_iso_format (&format))
    /* Translators: the form of a date, YYYY-MM-DD; translate the letters only. */
    return g_strdup (C_("date format", "YYYY-MM-DD"));

  text = g_string_new (format.literal[0]);
  for (guint i = 0; i < 3; i++)
    {
      switch (format.order[i])
        {
        case PART_YEAR:
          /* Translators: the year in the form of a date, such as DD.MM.YYYY. */
          g_string_append (text, C_("date format", "YYYY"));
          break;
        case PART_MONTH:
          /* Translators: the month in the form of a date, such as DD.MM.YYYY. */
          g_string_append (text, C_("date format", "MM"));
          break;
        case PART_DAY:
        default:
          /* Translators: the day in the form of a date, such as DD.MM.YYYY. */
          g_string_append (text, C_("date format", "DD"));
          break;
        }
      g_string_append (text, format.literal[i + 1]);
    }

  return g_string_free (text, FALSE);
}

/* How to type a date, after a refusal. */
static char *
describe_how_to_type (const ShortFormat *format)
{
  g_autofree char *hint = NULL;
  g_autofree char *example = NULL;

  if (is_iso_format (format))
    /* Translators: after a date that was refused. */
    return g_strdup (_("Type the date as YYYY-MM-DD, such as 2026-12-31."));

  hint = signet_date_input_format ();
  example = format_short (format, 2026, 12, 31);

  /* Translators: after a date that was refused; the first %s is the local
   * form of a date, such as DD.MM.YYYY, the second one such as 31.12.2026. */
  return g_strdup_printf (_("Type the date as %s, such as %s, or as YYYY-MM-DD."), hint, example);
}

/* Sets @error to @problem (taken) and how to type a date; NULL. */
static char *
refuse_input (GError              **error,
              SignetDateInputError  code,
              const ShortFormat    *format,
              char                 *problem)
{
  g_autofree char *owned = problem;
  g_autofree char *how = describe_how_to_type (format);

  /* Translators: two sentences, what is wrong with a date and how to type
   * it; "%s%s" in Chinese. */
  g_set_error (error, SIGNET_DATE_INPUT_ERROR, code, C_("sentences", "%s %s"), owned, how);

  return NULL;
}

/* Whitespace takes no part in a separator: "7. 12. 2026" is "7.12.2026". */
static char *
strip_spaces (const char *text)
{
  GString *stripped = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      g_string_append_unichar (stripped, g_utf8_get_char (p));

  return g_string_free (stripped, FALSE);
}

#define MAX_NUMBERS 3

typedef struct
{
  guint n;
  guint value[MAX_NUMBERS];
  guint digits[MAX_NUMBERS];
  /* The text before, between and after the numbers, spaces left out. */
  char *separator[MAX_NUMBERS + 1];
} Reading;

static void
reading_clear (Reading *reading)
{
  for (guint i = 0; i < G_N_ELEMENTS (reading->separator); i++)
    g_clear_pointer (&reading->separator[i], g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Reading, reading_clear)

/* Splits @text into exactly three numbers of up to four digits and the
 * text around them. */
static gboolean
split_numbers (const char *text,
               Reading    *reading)
{
  const char *p = text;

  for (;;)
    {
      const char *start = p;
      g_autofree char *separator = NULL;

      while (*p != '\0' && !g_ascii_isdigit (*p))
        p++;
      separator = g_strndup (start, p - start);
      reading->separator[reading->n] = strip_spaces (separator);

      if (*p == '\0')
        break;
      if (reading->n == MAX_NUMBERS)
        return FALSE;

      reading->value[reading->n] = 0;
      reading->digits[reading->n] = 0;
      for (; g_ascii_isdigit (*p); p++)
        {
          if (++reading->digits[reading->n] > 4)
            return FALSE;
          reading->value[reading->n] = reading->value[reading->n] * 10 + (*p - '0');
        }
      reading->n++;
    }

  return reading->n == MAX_NUMBERS;
}

/* Whether the numbers stand between the literals of @format. */
static gboolean
matches_format (const Reading     *reading,
                const ShortFormat *format)
{
  for (guint i = 0; i < 4; i++)
    {
      g_autofree char *literal = strip_spaces (format->literal[i]);

      if (!g_str_equal (literal, reading->separator[i]))
        return FALSE;
    }

  return TRUE;
}

/* Year first, month, day: read so in every locale, for nobody writes the
 * day before the month after a year. */
static gboolean
is_year_first (const Reading     *reading,
               const ShortFormat *format)
{
  char * const *sep = reading->separator;

  if (reading->digits[0] != 4 || reading->digits[1] > 2 || reading->digits[2] > 2)
    return FALSE;

  if (*sep[0] == '\0' && *sep[3] == '\0' && g_str_equal (sep[1], sep[2]) &&
      (g_str_equal (sep[1], "-") || g_str_equal (sep[1], "/") || g_str_equal (sep[1], ".")))
    return TRUE;

  if (*sep[0] == '\0' && g_str_equal (sep[1], "年") && g_str_equal (sep[2], "月") &&
      (*sep[3] == '\0' || g_str_equal (sep[3], "日")))
    return TRUE;

  /* The locale's own year-first form, such as hu_HU's "2026. 12. 07.". */
  return format->order[0] == PART_YEAR && format->order[1] == PART_MONTH && matches_format (reading, format);
}

/* Two short numbers, then a year: day and month, or month and day, which
 * way round only the separators can tell. */
static gboolean
ends_with_a_year (const Reading *reading)
{
  return reading->digits[0] <= 2 && reading->digits[1] <= 2 &&
         (reading->digits[2] == 2 || reading->digits[2] == 4);
}

char *
signet_date_read_input (const char  *text,
                        GError     **error)
{
  g_auto(ShortFormat) format = { 0, };
  g_auto(Reading) reading = { 0, };
  g_autofree char *normalized = NULL;
  g_autofree char *shown = NULL;
  guint year = 0, month = 0, day = 0;
  GDate date;

  g_return_val_if_fail (text != NULL, NULL);

  get_short_format (&format);
  shown = g_strstrip (g_strdup (text));

  /* Full-width digits and separators, as Chinese input methods type them,
   * are the ASCII ones. */
  normalized = g_utf8_normalize (shown, -1, G_NORMALIZE_ALL_COMPOSE);
  if (normalized == NULL || !split_numbers (normalized, &reading))
    return refuse_input (error, SIGNET_DATE_INPUT_ERROR_MALFORMED, &format,
                         /* Translators: %s is what was typed where a date belongs. */
                         g_strdup_printf (_("“%s” is not a date."), shown));

  if (is_year_first (&reading, &format))
    {
      year = reading.value[0];
      month = reading.value[1];
      day = reading.value[2];
    }
  else if (format.order[2] == PART_YEAR && ends_with_a_year (&reading) && matches_format (&reading, &format))
    {
      if (reading.digits[2] != 4)
        return refuse_input (error, SIGNET_DATE_INPUT_ERROR_SHORT_YEAR, &format,
                             /* Translators: %s is a date as typed, such as 7.12.26. */
                             g_strdup_printf (_("“%s” has a year of two digits, which could be in any "
                                                "century."), shown));

      for (guint i = 0; i < 3; i++)
        {
          if (format.order[i] == PART_DAY)
            day = reading.value[i];
          else if (format.order[i] == PART_MONTH)
            month = reading.value[i];
          else
            year = reading.value[i];
        }
    }
  else if (ends_with_a_year (&reading) && *reading.separator[0] == '\0' && *reading.separator[3] == '\0' &&
           g_str_equal (reading.separator[1], reading.separator[2]))
    /* 05/01/2026 is 5 January in Britain, 1 May in the United States:
     * where the locale writes dates otherwise, which is meant cannot be
     * known, even when only one reading is a date. */
    return refuse_input (error, SIGNET_DATE_INPUT_ERROR_AMBIGUOUS, &format,
                         /* Translators: %s is a date as typed, such as 05/01/2026. */
                         g_strdup_printf (_("“%s” could be read with the day first or with the month "
                                            "first."), shown));
  else
    return refuse_input (error, SIGNET_DATE_INPUT_ERROR_MALFORMED, &format,
                         g_strdup_printf (_("“%s” is not a date."), shown));

  if (month < 1 || month > 12)
    return refuse_input (error, SIGNET_DATE_INPUT_ERROR_NO_SUCH_DAY, &format,
                         /* Translators: %s is a date as typed, %u the month it was read with. */
                         g_strdup_printf (_("“%s” reads as month %u, and a year has 12 months."),
                                          shown, month));

  if (year_in_range (year) && (day < 1 || day > g_date_get_days_in_month (month, year)))
    return refuse_input (error, SIGNET_DATE_INPUT_ERROR_NO_SUCH_DAY, &format,
                         /* Translators: a date as typed, and how it was read: day 30 of month 2
                          * of 2026, which has 28 days. */
                         g_strdup_printf (_("“%1$s” reads as day %2$u of month %3$u of %4$u, which has "
                                            "%5$u days."),
                                          shown, day, month, year, g_date_get_days_in_month (month, year)));

  if (!year_in_range (year))
    {
      g_autofree char *message = signet_date_out_of_range_message (shown);

      g_set_error_literal (error, SIGNET_DATE_INPUT_ERROR, SIGNET_DATE_INPUT_ERROR_OUT_OF_RANGE, message);
      return NULL;
    }

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, day, month, year);

  return signet_date_to_iso (&date);
}
