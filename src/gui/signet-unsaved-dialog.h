/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* The responses of the dialog that asks what to do with unsaved changes. */
#define SIGNET_RESPONSE_CANCEL  "cancel"
#define SIGNET_RESPONSE_DISCARD "discard"
#define SIGNET_RESPONSE_SAVE    "save"

/* "Save Changes?" with Save, Discard and Cancel (the default when the
 * dialog is closed), about the record called @name. */
GtkWidget *signet_unsaved_dialog_new (GtkWindow  *parent,
                                      const char *name);

G_END_DECLS
