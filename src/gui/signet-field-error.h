/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* A form field's error: the field gets the error style and tells assistive
 * technology it is invalid and why, the label under it shows the message,
 * and the focus moves to the field. */
void signet_field_error_show  (GtkWidget  *field,
                               GtkLabel   *label,
                               const char *message);
/* The same without moving the focus: for a field found wrong as it is
 * typed in, where taking the focus again would select its text. */
void signet_field_error_mark  (GtkWidget  *field,
                               GtkLabel   *label,
                               const char *message);
void signet_field_error_clear (GtkWidget  *field,
                               GtkLabel   *label);

G_END_DECLS
