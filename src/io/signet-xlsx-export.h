/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "signet-contract-query.h"
#include "signet-store.h"

G_BEGIN_DECLS

/* Called with the share of the work done, from 0 to 1, at most a few
 * hundred times per run: in the calling thread by signet_xlsx_export(), in
 * the caller's thread-default main context by signet_xlsx_export_async(). */
typedef void (*SignetXlsxProgressFunc) (double   fraction,
                                        gpointer user_data);

/* Writes an Excel workbook (XLSX) of the contracts @ids (gint64, in the
 * order given: the current view as the list shows it), or with @ids NULL
 * of the whole register by number. Its sheets, each with a frozen header
 * row and an autofilter, in the user's language: the contracts with the
 * terms in force today, their planned payments, the occurrences of their
 * obligations, their risks and the loans of their originals, and for the
 * whole register the clients' and departments' scorecards of the last 12
 * months (signet-scorecard.h). Amounts are
 * numbers in their currency's number format, dates are dates. @dest is
 * written through a temporary file in its folder and renamed: an export
 * that fails or is cancelled leaves @dest as it was. */
gboolean signet_xlsx_export        (SignetStore            *store,
                                    GFile                  *dest,
                                    GArray                 *ids,
                                    GCancellable           *cancellable,
                                    SignetXlsxProgressFunc  progress,
                                    gpointer                progress_data,
                                    GError                **error);
/* The contracts a list shows: those @search finds (NULL or "" for all)
 * that pass @query (NULL for all), in the order of @sort_key. */
typedef struct
{
  const char                *search;
  const SignetContractQuery *query;
  SignetSortKey              sort_key;
  gboolean                   descending;
} SignetXlsxView;

/* The ids of the contracts of @view, in its order, as the list has them. */
GArray  *signet_xlsx_select_view   (SignetStore            *store,
                                    const SignetXlsxView   *view,
                                    GError                **error);

/* Runs signet_xlsx_export() in a thread, on its own connection to the
 * database of @store: of the contracts of @view (copied; they are
 * selected in the thread, as the list selects them), or of the whole
 * register with @view NULL. */
void     signet_xlsx_export_async  (SignetStore            *store,
                                    GFile                  *dest,
                                    const SignetXlsxView   *view,
                                    GCancellable           *cancellable,
                                    SignetXlsxProgressFunc  progress,
                                    gpointer                progress_data,
                                    GDestroyNotify          progress_data_destroy,
                                    GAsyncReadyCallback     callback,
                                    gpointer                user_data);
gboolean signet_xlsx_export_finish (SignetStore            *store,
                                    GAsyncResult           *result,
                                    GError                **error);

G_END_DECLS
