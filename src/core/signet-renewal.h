/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Renewal (续约): the rules that give a successor its terms from its
 * predecessor's, apart from the register (signet-renewal.c). The store
 * side is signet-store-renewals.h. */

/* @value (minor units of its currency: fen, cents; JPY has none, its
 * minor unit is the yen) changed by @percent_hundredths hundredths of a
 * percent (+3 % is 300, −2.5 % is −250), rounded half away from zero to
 * the minor unit. FALSE, *@adjusted untouched, on overflow or a result
 * below zero. */
gboolean signet_renewal_adjust_value    (gint64       value,
                                         gint         percent_hundredths,
                                         gint64      *adjusted);
/* The successor's term ("YYYY-MM-DD") after the term @start..@end: it
 * starts the day after @end and lasts as long. A term of whole months
 * (@start + n months − 1 day is @end, as the derived key dates count
 * terms) ends 2n months after @start, less a day, so that month ends do
 * not drift (2027-03-01..2028-02-29 gives 2028-03-01..2029-02-28); any
 * other lasts the same number of days. FALSE when a date is missing or
 * not valid, or the successor's would leave 1900-01-01..2199-12-31. */
gboolean signet_renewal_successor_dates (const char  *start,
                                         const char  *end,
                                         char       **new_start,
                                         char       **new_end);

/* The end of a term as long as @start..@end (in whole months, or else in
 * days, as above) that starts on @new_start instead: what the successor's
 * end becomes when the user moves its start. NULL when a date is missing
 * or not valid, or the end would leave the range. */
char    *signet_renewal_end_for_start   (const char  *start,
                                         const char  *end,
                                         const char  *new_start);

G_END_DECLS
