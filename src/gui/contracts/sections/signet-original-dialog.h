/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "signet-original.h"

G_BEGIN_DECLS

#define SIGNET_TYPE_ORIGINAL_DIALOG (signet_original_dialog_get_type ())

G_DECLARE_FINAL_TYPE (SignetOriginalDialog, signet_original_dialog, SIGNET, ORIGINAL_DIALOG, AdwAlertDialog)

/* Records a contract's paper original, or edits @original (nullable:
 * none yet, then archived today by nobody named). The archivist is one of
 * @people (SignetPerson) or nobody. Answers "save" or "cancel". */
AdwDialog      *signet_original_dialog_new          (const SignetOriginal *original,
                                                     GListModel           *people,
                                                     const char           *today);
/* What the fields say, over @original (nullable: a new one of
 * @contract_id); NULL with @error when a date does not read. */
SignetOriginal *signet_original_dialog_dup_original (SignetOriginalDialog *self,
                                                     gint64                contract_id,
                                                     const SignetOriginal *original,
                                                     GError              **error);

G_END_DECLS
