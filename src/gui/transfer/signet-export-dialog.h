/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "signet-store.h"

G_BEGIN_DECLS

#define SIGNET_TYPE_EXPORT_DIALOG (signet_export_dialog_get_type ())

G_DECLARE_FINAL_TYPE (SignetExportDialog, signet_export_dialog, SIGNET, EXPORT_DIALOG, AdwDialog)

/* Exports @store as XML: the whole register, or with a @search (what the
 * search bar holds) the @n_listed contracts it lists, as the user chooses,
 * in a dialog over @parent that goes when closed. */
SignetExportDialog *signet_export_dialog_new         (GtkWindow          *parent,
                                                      SignetStore        *store,
                                                      const char         *search,
                                                      guint               n_listed);
/* Shows the dialog, which asks which contracts (with a search) and whether
 * with their attached files, then for the file, through the file chooser
 * (the portal in a sandbox). */
void                signet_export_dialog_choose_file (SignetExportDialog *self);
/* Starts with @file, without asking (tests); @listed_only uses the search. */
void                signet_export_dialog_export_file (SignetExportDialog *self,
                                                      GFile              *file,
                                                      gboolean            listed_only);

G_END_DECLS
