/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "signet-contract-process.h"
#include "signet-date.h"
#include "signet-demo-private.h"
#include "signet-store-events.h"

G_BEGIN_DECLS

/* What signet-demo-commitments.c, signet-demo-payments.c and
 * signet-demo-archive.c share: the contracts as the commitments see them
 * and the days they are counted in (Julian day numbers). */

static inline guint32
julian_from_iso (const char *iso)
{
  GDate date;

  if (iso == NULL || !signet_date_parse (iso, &date))
    return 0;

  return g_date_get_julian (&date);
}

static inline char *
julian_to_iso (guint32 julian)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, julian);

  return signet_date_to_iso (&date);
}

static inline guint32
add_months (guint32 julian,
            int     months)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, julian);
  signet_date_add_months (&date, months);

  return g_date_get_julian (&date);
}

static inline guint
months_between (guint32 from,
                guint32 to)
{
  guint months = 0;

  while (add_months (from, months + 1) <= to + 1)
    months++;

  return months;
}

static inline guint
pick_between (GRand *rand,
              guint  low,
              guint  high)
{
  return g_rand_int_range (rand, low, high + 1);
}

/* One contract as the commitments see it: the stored row, its terms in
 * force today and the days that matter. */
typedef struct
{
  SignetContract       *contract;     /* as signed */
  SignetContract       *terms;        /* in force today */
  gint64                id;
  gboolean              chinese;
  SignetContractStatus  shown;
  guint32               signing;      /* 0: not signed */
  guint32               start;
  guint32               end;
  gint64                owner_id;
} DemoContract;

/* The demo's register as the commitments are written into it. */
typedef struct
{
  SignetStore       *store;
  GRand             *rand;
  guint32            today;
  char              *today_iso;
  GHashTable        *people;          /* name → gint64 * id */
  GArray            *contracts;       /* DemoContract */
  SignetDemoReviews *reviews;
  guint              invoice_number;
  gint64             late_receivable_id;  /* the contract with a receivable overdue */
} Commitments;

/* The id of the person @name of People; 0 for nobody known. */
gint64   _signet_demo_person_id    (Commitments  *self,
                                    const char   *name,
                                    GError      **error);
/* The payment schedules (signet-demo-payments.c). */
gboolean _signet_demo_add_payments  (Commitments  *self,
                                    GError      **error);
/* The paper originals and their loans (signet-demo-archive.c). */
gboolean _signet_demo_add_originals (Commitments  *self,
                                    GError      **error);

static inline gboolean
is_signed (const DemoContract *demo)
{
  return demo->signing > 0 && demo->start > 0 && demo->end > 0;
}

G_END_DECLS
