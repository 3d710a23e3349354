/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Dates without a time of day are "YYYY-MM-DD" strings in the database and
 * in the objects; these helpers are the only place that parses them. */

gboolean     signet_date_parse               (const char  *text,
                                              GDate       *date);
gboolean     signet_date_is_valid            (const char  *text);
char        *signet_date_to_iso              (const GDate *date);
/* Today in the local time zone, as "YYYY-MM-DD". */
char        *signet_date_today_iso           (void);
/* Adds months and clamps to the end of the month (31 Jan + 1 = 28/29 Feb). */
void         signet_date_add_months          (GDate       *date,
                                              int          months);
/* Locale-aware medium format for display ("2027年4月1日", "1 Apr 2027"). */
char        *signet_date_format_display      (const char  *iso);

G_END_DECLS
