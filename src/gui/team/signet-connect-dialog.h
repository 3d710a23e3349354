/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "signet-store.h"

G_BEGIN_DECLS

#define SIGNET_TYPE_CONNECT_DIALOG (signet_connect_dialog_get_type ())

G_DECLARE_FINAL_TYPE (SignetConnectDialog, signet_connect_dialog, SIGNET, CONNECT_DIALOG, AdwDialog)

/* "Connect to a Team Register": asks the server, database, user and
 * password, opens the register in a thread and emits "connected"
 * (SignetStore *store, const char *notice) once it is open, then closes.
 * @notice is NULL, or what a toast should tell (the password could not be
 * kept in the keyring). Why a connection failed, and what to do about it,
 * shows in the dialog, with what was typed kept. */
AdwDialog *signet_connect_dialog_new (void);

G_END_DECLS
