/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "signet-column-sorter"

#include "config.h"

#include "signet-column-sorter.h"

/* The contract table's rows come sorted from SQL; a column's sorter only
 * tells the column view that the column can be sorted, and which key it
 * stands for. It never orders two items. */

struct _SignetColumnSorter
{
  GtkSorter      parent_instance;

  SignetSortKey  key;
};

G_DEFINE_FINAL_TYPE (SignetColumnSorter, signet_column_sorter, GTK_TYPE_SORTER)

static GtkOrdering
signet_column_sorter_compare (GtkSorter *sorter,
                              gpointer   item1,
                              gpointer   item2)
{
  return GTK_ORDERING_EQUAL;
}

static GtkSorterOrder
signet_column_sorter_get_order (GtkSorter *sorter)
{
  return GTK_SORTER_ORDER_NONE;
}

static void
signet_column_sorter_class_init (SignetColumnSorterClass *klass)
{
  GtkSorterClass *sorter_class = GTK_SORTER_CLASS (klass);

  sorter_class->compare = signet_column_sorter_compare;
  sorter_class->get_order = signet_column_sorter_get_order;
}

static void
signet_column_sorter_init (SignetColumnSorter *self)
{
}

SignetColumnSorter *
signet_column_sorter_new (SignetSortKey key)
{
  SignetColumnSorter *self = g_object_new (SIGNET_TYPE_COLUMN_SORTER, NULL);

  self->key = key;

  return self;
}

gboolean
signet_column_sorter_probe (GtkSorter     *view_sorter,
                            SignetSortKey *key,
                            gboolean      *descending)
{
  GtkColumnViewColumn *column;
  GtkSorter *column_sorter;

  g_return_val_if_fail (GTK_IS_SORTER (view_sorter), FALSE);
  g_return_val_if_fail (key != NULL, FALSE);
  g_return_val_if_fail (descending != NULL, FALSE);

  if (!GTK_IS_COLUMN_VIEW_SORTER (view_sorter))
    return FALSE;

  column = gtk_column_view_sorter_get_primary_sort_column (GTK_COLUMN_VIEW_SORTER (view_sorter));
  if (column == NULL)
    return FALSE;

  column_sorter = gtk_column_view_column_get_sorter (column);
  if (!SIGNET_IS_COLUMN_SORTER (column_sorter))
    return FALSE;

  *key = SIGNET_COLUMN_SORTER (column_sorter)->key;
  *descending = gtk_column_view_sorter_get_primary_sort_order (GTK_COLUMN_VIEW_SORTER (view_sorter)) == GTK_SORT_DESCENDING;

  return TRUE;
}
