/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "signet-store.h"

G_BEGIN_DECLS

#define SIGNET_TYPE_OWNER_ROW (signet_owner_row_get_type ())

G_DECLARE_FINAL_TYPE (SignetOwnerRow, signet_owner_row, SIGNET, OWNER_ROW, AdwComboRow)

/* The Owner of the contract form: a choice from the people of the
 * register (or none), searchable, with "New Person…" beside it, which adds
 * a person in the People dialog and chooses them. The page reloads it
 * when the people change, so that it knows the change is no edit. */
GtkWidget  *signet_owner_row_new       (void);
void        signet_owner_row_set_store (SignetOwnerRow *self,
                                        SignetStore    *store);
/* The chosen person's name; NULL for none. */
const char *signet_owner_row_get_owner (SignetOwnerRow *self);
/* The people again, the same person chosen under their name as stored. */
void        signet_owner_row_reload    (SignetOwnerRow *self);
/* Chooses the person named @owner (spaces aside); none for NULL or a name
 * not in the directory. */
void        signet_owner_row_set_owner (SignetOwnerRow *self,
                                        const char     *owner);

G_END_DECLS
