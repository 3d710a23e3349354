/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define SIGNET_TYPE_SHORTCUTS_DIALOG (signet_shortcuts_dialog_get_type ())

G_DECLARE_FINAL_TYPE (SignetShortcutsDialog, signet_shortcuts_dialog, SIGNET, SHORTCUTS_DIALOG, AdwDialog)

/* Keyboard Shortcuts: every shortcut of the main window, the Clients
 * window and the attachment window, grouped, each with its keys. */
AdwDialog *signet_shortcuts_dialog_new (void);

G_END_DECLS
