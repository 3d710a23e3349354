/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "signet-enums.h"

G_BEGIN_DECLS

/* The fields of a record's form (the contract page, the Clients window):
 * each field is a row of a boxed list titled with the field's name and
 * followed by the (hidden) row of its error; several lines of notes are a
 * text area of their own with the error under it. */

/* Adds @row (an entry, spin, combo or date row) to @group as the row of
 * @field: titled with the field's name as plain text, named so for
 * assistive technology, and followed by the row of its error, whose label
 * is returned in @error_label. */
void         signet_form_row_add     (AdwPreferencesGroup  *group,
                                      SignetField           field,
                                      GtkWidget            *row,
                                      GtkLabel            **error_label);
/* Adds to @group a text area of @field, at least @height pixels high, with
 * its error label (returned in @error_label) under it. */
GtkTextView *signet_form_notes_add   (AdwPreferencesGroup  *group,
                                      SignetField           field,
                                      int                   height,
                                      GtkLabel            **error_label);
/* The field whose errors an edit of @widget clears: set by the two
 * functions above, or by hand for a widget with no error of its own. */
void         signet_form_set_field   (GtkWidget            *widget,
                                      SignetField           field);
SignetField  signet_form_get_field   (GtkWidget            *widget);

G_END_DECLS
