/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* A form field's error: the field gets the error style and tells assistive
 * technology it is invalid and why, the label under it shows the message,
 * and the focus moves to the field. A row of a boxed list (AdwEntryRow,
 * AdwSpinRow, AdwComboRow) is styled as a whole; what it tells assistive
 * technology is told by the part that takes the focus. */
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
/* A row to add to a boxed list right after the field's row: it holds the
 * field's error label (returned in @label) and shows only while the label
 * does. */
GtkWidget *signet_field_error_row_new (GtkLabel **label);

G_END_DECLS
