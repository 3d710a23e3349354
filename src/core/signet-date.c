/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "signet-date"

#include "config.h"

#include <glib/gi18n.h>

#include "signet-date.h"

gboolean
signet_date_parse (const char *text,
                   GDate      *date)
{
  guint year, month, day;

  g_return_val_if_fail (date != NULL, FALSE);

  if (text == NULL || strlen (text) != 10 || text[4] != '-' || text[7] != '-')
    return FALSE;

  for (guint i = 0; i < 10; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (text[i]))
      return FALSE;

  year = (text[0] - '0') * 1000 + (text[1] - '0') * 100 + (text[2] - '0') * 10 + (text[3] - '0');
  month = (text[5] - '0') * 10 + (text[6] - '0');
  day = (text[8] - '0') * 10 + (text[9] - '0');

  if (year < 1 || !g_date_valid_dmy (day, month, year))
    return FALSE;

  g_date_clear (date, 1);
  g_date_set_dmy (date, day, month, year);

  return TRUE;
}

gboolean
signet_date_is_valid (const char *text)
{
  GDate date;

  return signet_date_parse (text, &date);
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

  return g_date_time_format (now, "%Y-%m-%d");
}

void
signet_date_add_months (GDate *date,
                        int    months)
{
  g_return_if_fail (date != NULL && g_date_valid (date));

  /* GDate already clamps to the last day of the target month. */
  if (months >= 0)
    g_date_add_months (date, months);
  else
    g_date_subtract_months (date, -months);
}

char *
signet_date_format_display (const char *iso)
{
  GDate date;
  g_autoptr(GDateTime) dt = NULL;

  if (!signet_date_parse (iso, &date))
    return g_strdup ("");

  dt = g_date_time_new_utc (g_date_get_year (&date), g_date_get_month (&date),
                            g_date_get_day (&date), 0, 0, 0);

  /* Translators: a date in the contract list; see strftime(3). "%Y年%-m月%-d日" in Chinese. */
  return g_date_time_format (dt, _("%-d %b %Y"));
}
