/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "signet-event.h"

G_BEGIN_DECLS

/* For the store: what derives a derived event's date, so that its
 * explanation is made only when asked for. A month of the calendar makes
 * thousands of events and shows no explanation; deriving each one again
 * while listing them took longer than the query. */
void _signet_event_set_derivation (SignetEvent                 *self,
                                   const char                  *start_date,
                                   const char                  *end_date,
                                   gboolean                     auto_renew,
                                   guint                        notice_days,
                                   SignetContractStatus         status,
                                   SignetRiskLevel              risk_level,
                                   const char                  *last_review,
                                   const char                  *as_of,
                                   const SignetReviewIntervals *intervals);

/* For the store: the record a commitment's event is made from. */
void _signet_event_set_record     (SignetEvent                 *self,
                                   gint64                       record_id,
                                   const char                  *record_uuid);

/* By date, kind and contract number: the calendar's order. For
 * g_ptr_array_sort(). */
int  _signet_event_compare        (gconstpointer                a,
                                   gconstpointer                b);

G_END_DECLS
