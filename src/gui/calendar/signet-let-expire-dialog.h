/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define SIGNET_TYPE_LET_EXPIRE_DIALOG (signet_let_expire_dialog_get_type ())

G_DECLARE_FINAL_TYPE (SignetLetExpireDialog, signet_let_expire_dialog, SIGNET, LET_EXPIRE_DIALOG, AdwAlertDialog)

/* Let Expire at a notice deadline: says that the contract @number does not
 * renew itself at @end (YYYY-MM-DD) and ends then, and asks for an
 * optional comment. It answers "let-expire" or "cancel"; Enter lets it
 * expire, Escape cancels. */
AdwDialog *signet_let_expire_dialog_new         (const char            *number,
                                                 const char            *end);
/* The comment typed, trimmed; NULL when none. */
char      *signet_let_expire_dialog_dup_comment (SignetLetExpireDialog *self);

G_END_DECLS
