/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "signet-store.h"

G_BEGIN_DECLS

#define SIGNET_TYPE_CSV_IMPORT_DIALOG (signet_csv_import_dialog_get_type ())

G_DECLARE_FINAL_TYPE (SignetCsvImportDialog, signet_csv_import_dialog, SIGNET, CSV_IMPORT_DIALOG, AdwDialog)

/* Imports a spreadsheet saved as CSV into @store, in a dialog over
 * @parent: the encoding found and each column's field with its first
 * rows, which the user may change; then a dry run's summary, with the
 * clients to create to confirm; then the import with a progress bar.
 * Once done the dialog goes and a toast on @toasts (nullable) says what
 * was imported. */
SignetCsvImportDialog *signet_csv_import_dialog_new         (GtkWindow             *parent,
                                                             SignetStore           *store,
                                                             AdwToastOverlay       *toasts);
/* Asks for the file through the file chooser (the portal in a sandbox);
 * the dialog shows once a file is chosen, and is dropped if none is. */
void                   signet_csv_import_dialog_choose_file (SignetCsvImportDialog *self);
/* Starts with @file, without asking (tests). */
void                   signet_csv_import_dialog_open_file   (SignetCsvImportDialog *self,
                                                             GFile                 *file);

G_END_DECLS
