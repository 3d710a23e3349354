/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "signet-column-sorter"

#include "config.h"

#include <glib/gi18n.h>

#include "signet-column-sorter.h"

/* GTK 4.8 has no accessor for the primary column of a column view's sorter
 * (gtk_column_view_sorter_get_primary_sort_column() is 4.10). But that
 * sorter compares two items by asking its columns' sorters in order, the
 * primary first, stopping at the first that returns non-zero, and swaps the
 * items for a column sorted descending. So we compare two probe objects whose
 * order is known: the column sorter that gets asked records itself, and
 * because it always answers "probe 1 before probe 2", the sign of the
 * overall result tells ascending from descending. */

struct _SignetColumnSorter
{
  GtkSorter      parent_instance;

  SignetSortKey  key;
};

G_DEFINE_FINAL_TYPE (SignetColumnSorter, signet_column_sorter, GTK_TYPE_SORTER)

#define PROBE_RANK "signet-probe-rank"

/* The sorter that answered the running probe; the main thread is the only
 * one that touches widgets and sorters. */
static SignetColumnSorter *asked_sorter;

static GtkOrdering
signet_column_sorter_compare (GtkSorter *sorter,
                              gpointer   item1,
                              gpointer   item2)
{
  int rank1 = GPOINTER_TO_INT (g_object_get_data (item1, PROBE_RANK));
  int rank2 = GPOINTER_TO_INT (g_object_get_data (item2, PROBE_RANK));

  if (asked_sorter == NULL)
    asked_sorter = SIGNET_COLUMN_SORTER (sorter);

  return gtk_ordering_from_cmpfunc (rank1 - rank2);
}

static GtkSorterOrder
signet_column_sorter_get_order (GtkSorter *sorter)
{
  return GTK_SORTER_ORDER_PARTIAL;
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

SignetSortKey
signet_column_sorter_get_key (SignetColumnSorter *self)
{
  g_return_val_if_fail (SIGNET_IS_COLUMN_SORTER (self), SIGNET_SORT_NUMBER);

  return self->key;
}

gboolean
signet_column_sorter_probe (GtkSorter     *view_sorter,
                            SignetSortKey *key,
                            gboolean      *descending)
{
  g_autoptr(GObject) probe1 = NULL;
  g_autoptr(GObject) probe2 = NULL;
  GtkOrdering result;

  g_return_val_if_fail (GTK_IS_SORTER (view_sorter), FALSE);
  g_return_val_if_fail (key != NULL, FALSE);
  g_return_val_if_fail (descending != NULL, FALSE);

  probe1 = g_object_new (G_TYPE_OBJECT, NULL);
  probe2 = g_object_new (G_TYPE_OBJECT, NULL);
  g_object_set_data (probe1, PROBE_RANK, GINT_TO_POINTER (1));
  g_object_set_data (probe2, PROBE_RANK, GINT_TO_POINTER (2));

  asked_sorter = NULL;
  result = gtk_sorter_compare (view_sorter, probe1, probe2);

  if (asked_sorter == NULL || result == GTK_ORDERING_EQUAL)
    {
      asked_sorter = NULL;
      return FALSE;
    }

  *key = asked_sorter->key;
  *descending = (result == GTK_ORDERING_LARGER);
  asked_sorter = NULL;

  return TRUE;
}
