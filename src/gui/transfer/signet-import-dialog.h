/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "signet-store.h"

G_BEGIN_DECLS

#define SIGNET_TYPE_IMPORT_DIALOG (signet_import_dialog_get_type ())

G_DECLARE_FINAL_TYPE (SignetImportDialog, signet_import_dialog, SIGNET, IMPORT_DIALOG, AdwDialog)

/* Imports an XML file into @store: a dry run first, whose summary the
 * user confirms, then the import, in a dialog over @parent that goes
 * when closed. */
SignetImportDialog *signet_import_dialog_new         (GtkWindow          *parent,
                                                      SignetStore        *store);
/* Asks for the file through the file chooser (the portal in a sandbox);
 * the dialog shows once a file is chosen, and is dropped if none is. */
void                signet_import_dialog_choose_file (SignetImportDialog *self);
/* Starts with @file, without asking (tests, drag and drop). */
void                signet_import_dialog_import_file (SignetImportDialog *self,
                                                      GFile              *file);

G_END_DECLS
