/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "signet-contract-list.h"

G_BEGIN_DECLS

#define SIGNET_TYPE_CONTRACT_TABLE (signet_contract_table_get_type ())
#define SIGNET_TYPE_CONTRACT_TABLE_COLUMNS (signet_contract_table_columns_get_type ())

/* The columns the table shows, fewer as the window narrows. */
typedef enum
{
  SIGNET_CONTRACT_TABLE_COLUMNS_ALL,
  /* All but the value. */
  SIGNET_CONTRACT_TABLE_COLUMNS_NO_VALUE,
  /* The number, the title and the end date. */
  SIGNET_CONTRACT_TABLE_COLUMNS_ESSENTIAL,
} SignetContractTableColumns;

GType signet_contract_table_columns_get_type (void);

G_DECLARE_FINAL_TYPE (SignetContractTable, signet_contract_table, SIGNET, CONTRACT_TABLE, GtkWidget)

/* The contract register as a sortable table over a SignetContractList.
 * Sorting by a column header re-queries the list (SQL sorts, not a
 * GtkSortListModel), and the selected contract stays selected across
 * re-sorts and updates. "selection-changed" is emitted only when the user
 * picks another row, not when the table restores its selection;
 * "row-activated" whenever the user clicks a row (after it is selected) or
 * presses Enter on it, the selected row too. */
GtkWidget          *signet_contract_table_new              (void);
SignetContractList *signet_contract_table_get_model        (SignetContractTable *self);
void                signet_contract_table_set_model        (SignetContractTable *self,
                                                            SignetContractList  *model);
/* The id of the selected contract, 0 when none. */
gint64              signet_contract_table_get_selected_id  (SignetContractTable *self);
/* Selects the contract with @id (0: none) without emitting "selection-changed". */
void                signet_contract_table_select_id        (SignetContractTable *self,
                                                            gint64               id);
/* Shows @key/@descending in the column headers and sorts the list by them. */
void                signet_contract_table_set_sort         (SignetContractTable *self,
                                                            SignetSortKey        key,
                                                            gboolean             descending);
GtkWidget          *signet_contract_table_get_column_view  (SignetContractTable *self);
/* Moves the keyboard focus to the selected row, or to the table. */
void                signet_contract_table_focus_selection  (SignetContractTable *self);
SignetContractTableColumns
                    signet_contract_table_get_columns      (SignetContractTable *self);
void                signet_contract_table_set_columns      (SignetContractTable *self,
                                                            SignetContractTableColumns columns);
/* How many rows the table makes before its first frame (the ones that fit
 * in the window), G_MAXUINT once it is on screen. */
guint               signet_contract_table_get_first_frame_rows (SignetContractTable *self);

G_END_DECLS
