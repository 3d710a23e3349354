/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "signet-store.h"

G_BEGIN_DECLS

#define SIGNET_TYPE_COLUMN_SORTER (signet_column_sorter_get_type ())

G_DECLARE_FINAL_TYPE (SignetColumnSorter, signet_column_sorter, SIGNET, COLUMN_SORTER, GtkSorter)

/* The sorter of one column of the contract table. It never sorts rows (SQL
 * does); it only names the key its column sorts by, see
 * signet_column_sorter_probe(). */
SignetColumnSorter *signet_column_sorter_new      (SignetSortKey  key);
/* Asks @view_sorter (a column view's sorter whose columns use
 * SignetColumnSorter) for its primary column. FALSE when it sorts by none. */
gboolean            signet_column_sorter_probe    (GtkSorter     *view_sorter,
                                                   SignetSortKey *key,
                                                   gboolean      *descending);

G_END_DECLS
