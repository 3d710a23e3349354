/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "signet-store-events.h"

G_BEGIN_DECLS

#define SIGNET_TYPE_KEY_DATE_DIALOG (signet_key_date_dialog_get_type ())

G_DECLARE_FINAL_TYPE (SignetKeyDateDialog, signet_key_date_dialog, SIGNET, KEY_DATE_DIALOG, AdwAlertDialog)

/* Add a Key Date: the kind (a milestone or another date), the
 * date, starting at @today, a title and a note. It answers "add" or
 * "cancel"; Enter in a field adds, Escape cancels. */
AdwDialog         *signet_key_date_dialog_new          (const char           *today);
/* The key date of contract @contract_id as the fields say, or NULL, with
 * @error (SIGNET_DATE_INPUT_ERROR) saying how to type a date, when the
 * date field holds no date Signet reads. An empty date field gives "",
 * which the store refuses with its own message. */
SignetUserKeyDate *signet_key_date_dialog_dup_key_date (SignetKeyDateDialog  *self,
                                                        gint64                contract_id,
                                                        GError              **error);

G_END_DECLS
