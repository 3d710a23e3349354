/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "signet-store.h"

G_BEGIN_DECLS

/* What the demo register's contracts commit their parties to
 * (signet-demo-commitments.c), written through the store's API after the
 * contracts and their life (signet-demo.c). */

/* What the reviews of the demo found so far: the reviews are recorded one
 * by one as the demo walks its contracts, and a few find an issue. */
typedef struct
{
  guint    n_reviews;
  guint    n_open_findings;
} SignetDemoReviews;

/* Records the review of @contract_id on @date (YYYY-MM-DD) by @reviewer
 * with @note, answering each item of @checklist (NULL: the default one in
 * the contract's language, Chinese with @chinese); now and then an item
 * has an issue, whose follow-up action was done if the review is old
 * enough, or is still open, with its follow-up review. */
gboolean _signet_demo_record_review     (SignetStore                *store,
                                         gint64                      contract_id,
                                         const char                 *date,
                                         const char                 *reviewer,
                                         const char                 *note,
                                         const char * const         *checklist,
                                         gboolean                    chinese,
                                         SignetDemoReviews          *reviews,
                                         GError                    **error);

/* The payment schedules, obligations, risks, paper originals and loans of
 * every contract of @store, as of the store's day; and an open review
 * finding if the reviews (@reviews) found none still open. */
gboolean _signet_demo_add_commitments   (SignetStore                *store,
                                         SignetDemoReviews          *reviews,
                                         GError                    **error);

G_END_DECLS
