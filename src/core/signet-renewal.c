/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "signet-renewal"

#include "config.h"

#include "signet-date.h"
#include "signet-key-dates.h"
#include "signet-renewal.h"

gboolean
signet_renewal_adjust_value (gint64  value,
                             gint    percent_hundredths,
                             gint64 *adjusted)
{
  gint64 factor = 10000 + (gint64) percent_hundredths;
  gint64 quotient, remainder;

  g_return_val_if_fail (adjusted != NULL, FALSE);

  if (value < 0 || factor < 0)
    return FALSE;

  /* value × factor / 10000 in integers: an amount never passes through a
   * floating-point type (signet-money.h). Split so that the product of a
   * large amount does not overflow. */
  quotient = value / 10000;
  remainder = value % 10000;
  if (factor != 0 && quotient > G_MAXINT64 / factor)
    return FALSE;

  {
    gint64 whole = quotient * factor;
    gint64 part = remainder * factor;   /* < 10000 × factor: fits */
    gint64 rounded = part / 10000 + (part % 10000 >= 5000 ? 1 : 0);

    if (whole > G_MAXINT64 - rounded)
      return FALSE;

    *adjusted = whole + rounded;
  }

  return TRUE;
}

gboolean
signet_renewal_successor_dates (const char  *start,
                                const char  *end,
                                char       **new_start,
                                char       **new_end)
{
  GDate first, last, next_start, next_end;
  guint months;
  gboolean computed;

  g_return_val_if_fail (new_start != NULL && new_end != NULL, FALSE);

  if (!signet_date_parse (start, &first) || !signet_date_parse (end, &last) ||
      g_date_compare (&first, &last) > 0)
    return FALSE;

  next_start = last;
  computed = signet_date_add_days (&next_start, 1);

  months = signet_date_term_in_months (&first, &last);
  if (months > 0)
    {
      next_end = first;
      computed = computed && signet_date_add_months (&next_end, 2 * (gint64) months) &&
                 signet_date_add_days (&next_end, -1);
    }
  else
    {
      next_end = next_start;
      computed = computed &&
                 signet_date_add_days (&next_end, (gint64) g_date_get_julian (&last) - g_date_get_julian (&first));
    }

  if (!computed || !signet_date_in_range (&next_start) || !signet_date_in_range (&next_end))
    return FALSE;

  *new_start = signet_date_to_iso (&next_start);
  *new_end = signet_date_to_iso (&next_end);

  return TRUE;
}

char *
signet_renewal_end_for_start (const char *start,
                              const char *end,
                              const char *new_start)
{
  GDate first, last, moved, moved_end;
  guint months;
  gboolean computed;

  if (!signet_date_parse (start, &first) || !signet_date_parse (end, &last) ||
      !signet_date_parse (new_start, &moved) || g_date_compare (&first, &last) > 0)
    return NULL;

  moved_end = moved;
  months = signet_date_term_in_months (&first, &last);
  if (months > 0)
    computed = signet_date_add_months (&moved_end, months) && signet_date_add_days (&moved_end, -1);
  else
    computed = signet_date_add_days (&moved_end, (gint64) g_date_get_julian (&last) - g_date_get_julian (&first));

  if (!computed || !signet_date_in_range (&moved_end))
    return NULL;

  return signet_date_to_iso (&moved_end);
}
