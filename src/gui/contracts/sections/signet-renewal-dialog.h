/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "signet-contract.h"

G_BEGIN_DECLS

#define SIGNET_TYPE_RENEWAL_DIALOG (signet_renewal_dialog_get_type ())

G_DECLARE_FINAL_TYPE (SignetRenewalDialog, signet_renewal_dialog, SIGNET, RENEWAL_DIALOG, AdwAlertDialog)

/* Renew the Contract: the successor of @predecessor (its current terms) as
 * @proposal starts it (signet_store_propose_renewal()): its new number,
 * start and end, each editable (the end follows a start moved, keeping
 * the term's length, until an end is typed); the value now, a percentage to adjust it
 * by and the new value it gives, which can also be typed; an optional
 * comment; and what is carried over unchanged. It answers "renew" or
 * "cancel"; Enter renews, Escape cancels. While a field is missing or
 * wrong, Renew is off and Enter says why under the field. */
AdwDialog      *signet_renewal_dialog_new           (SignetContract       *predecessor,
                                                     SignetContract       *proposal);
/* The successor as the fields say: a copy of the proposal with the number,
 * dates and value typed; NULL with @error when a field cannot be read (the
 * dialog says so under it). The store checks the rest. */
SignetContract *signet_renewal_dialog_dup_successor (SignetRenewalDialog  *self,
                                                     GError              **error);
/* The comment typed, trimmed; NULL for none. */
char           *signet_renewal_dialog_dup_comment   (SignetRenewalDialog  *self);
/* The adjustment typed, in hundredths of a percent (+3 % is 300). */
gint            signet_renewal_dialog_get_percent   (SignetRenewalDialog  *self);

G_END_DECLS
