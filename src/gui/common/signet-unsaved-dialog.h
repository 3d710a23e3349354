/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* The responses of the dialog that asks what to do with unsaved changes. */
#define SIGNET_RESPONSE_CANCEL  "cancel"
#define SIGNET_RESPONSE_DISCARD "discard"
#define SIGNET_RESPONSE_SAVE    "save"

/* "Save Changes?" with Save, Discard and Cancel (the answer when the
 * dialog is closed), about the record called @name: an alert to connect
 * to ("response") and present over the form. */
AdwDialog *signet_unsaved_dialog_new (const char *name);

G_END_DECLS
