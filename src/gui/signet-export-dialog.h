/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "signet-store.h"

G_BEGIN_DECLS

#define SIGNET_TYPE_EXPORT_DIALOG (signet_export_dialog_get_type ())

G_DECLARE_FINAL_TYPE (SignetExportDialog, signet_export_dialog, SIGNET, EXPORT_DIALOG, AdwWindow)

/* Exports @store as XML: the whole register, or with a @search (what the
 * search bar holds) the @n_listed contracts it lists, as the user chooses.
 * The dialog destroys itself when closed. */
SignetExportDialog *signet_export_dialog_new         (GtkWindow          *parent,
                                                      SignetStore        *store,
                                                      const char         *search,
                                                      guint               n_listed);
/* Asks for the file (and, with a search, which contracts) through the file
 * chooser; the dialog shows once a file is chosen. */
void                signet_export_dialog_choose_file (SignetExportDialog *self);
/* Starts with @file, without asking (tests); @listed_only uses the search. */
void                signet_export_dialog_export_file (SignetExportDialog *self,
                                                      GFile              *file,
                                                      gboolean            listed_only);

G_END_DECLS
