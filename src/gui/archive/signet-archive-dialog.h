/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "signet-store.h"

G_BEGIN_DECLS

/* The archive view: every paper original on loan, by due date (the
 * longest overdue first, marked), with the contract's number and title,
 * the borrower, their department, the days lent and due. Activating a
 * row emits "open-contract" with the contract's id. It follows the
 * store while shown. */
#define SIGNET_TYPE_ARCHIVE_DIALOG (signet_archive_dialog_get_type ())

G_DECLARE_FINAL_TYPE (SignetArchiveDialog, signet_archive_dialog, SIGNET, ARCHIVE_DIALOG, AdwDialog)

AdwDialog *signet_archive_dialog_new (SignetStore *store);

G_END_DECLS
