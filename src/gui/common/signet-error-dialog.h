/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* adw_alert_dialog_new() for any heading: one wider than the dialog is
 * wrapped without the measuring warning libadwaita 1.7 gives for it. Every
 * alert of the app is made with this. */
AdwDialog *signet_alert_dialog_new  (const char   *heading,
                                     const char   *body);
/* The same for an alert made otherwise (a template's): called once it is
 * built. */
void       signet_alert_dialog_wrap_heading (AdwAlertDialog *dialog);

/* Tells the user that something they asked for did not happen and why: an
 * alert over the window (or dialog) of @widget, with @heading ("The File
 * Was Not Saved") and the error's message. Without a window (a widget not
 * shown yet) the message goes to the log instead. */
void       signet_error_dialog_show (GtkWidget    *widget,
                                     const char   *heading,
                                     const GError *error);

/* Shows @toast in the toast overlay @widget is in; @toast is consumed. */
void       signet_toast_show        (GtkWidget    *widget,
                                     gpointer      toast);

G_END_DECLS
