/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "signet-store.h"

G_BEGIN_DECLS

#define SIGNET_TYPE_PEOPLE_WINDOW (signet_people_window_get_type ())

G_DECLARE_FINAL_TYPE (SignetPeopleWindow, signet_people_window, SIGNET, PEOPLE_WINDOW, AdwDialog)

/* The people directory: who owns contracts, with their department, role
 * and email. Emits "person-saved" (gint64 id) after a person was added or
 * changed from it. */
AdwDialog *signet_people_window_new        (SignetStore        *store);
/* Starts a new person in the form, its name @name (NULL for none). */
void       signet_people_window_add_person (SignetPeopleWindow *self,
                                            const char         *name);

G_END_DECLS
