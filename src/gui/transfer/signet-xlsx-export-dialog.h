/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "signet-contract-list.h"
#include "signet-store.h"

G_BEGIN_DECLS

#define SIGNET_TYPE_XLSX_EXPORT_DIALOG (signet_xlsx_export_dialog_get_type ())

G_DECLARE_FINAL_TYPE (SignetXlsxExportDialog, signet_xlsx_export_dialog, SIGNET, XLSX_EXPORT_DIALOG, AdwDialog)

/* Exports @store as an Excel workbook: the contracts of @view (the list
 * as it is searched, filtered and sorted) in its order, or the whole
 * register, as the user chooses, in a dialog over @parent. Once written,
 * the dialog goes and @toasts says so, with a button that opens the
 * workbook. */
SignetXlsxExportDialog *signet_xlsx_export_dialog_new         (GtkWindow              *parent,
                                                               SignetStore            *store,
                                                               SignetContractList     *view,
                                                               AdwToastOverlay        *toasts);
/* Shows the dialog, which asks which contracts, then for the file through
 * the file chooser (the portal in a sandbox). */
void                    signet_xlsx_export_dialog_choose_file (SignetXlsxExportDialog *self);
/* Starts with @file, without asking (tests). */
void                    signet_xlsx_export_dialog_export_file (SignetXlsxExportDialog *self,
                                                               GFile                  *file,
                                                               gboolean                view_only);

G_END_DECLS
