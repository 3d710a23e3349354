/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Tells the user that something they asked for did not happen and why: a
 * message dialog over the window of @widget, with @heading ("The File Was
 * Not Saved") and the error's message. Without a window (a widget not
 * shown yet) the message goes to the log instead. */
void signet_error_dialog_show (GtkWidget    *widget,
                               const char   *heading,
                               const GError *error);

/* Shows @toast in the toast overlay @widget is in; @toast is consumed. */
void signet_toast_show        (GtkWidget    *widget,
                               gpointer      toast);

G_END_DECLS
