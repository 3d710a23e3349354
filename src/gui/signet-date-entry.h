/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define SIGNET_TYPE_DATE_ENTRY (signet_date_entry_get_type ())

G_DECLARE_FINAL_TYPE (SignetDateEntry, signet_date_entry, SIGNET, DATE_ENTRY, GtkWidget)

/* An entry for a date typed as YYYY-MM-DD, with a button that opens a
 * calendar. The text is whatever was typed: the store validates it, so a
 * mistyped date is reported at this field instead of being lost. */
GtkWidget   *signet_date_entry_new       (void);
const char  *signet_date_entry_get_text  (SignetDateEntry *self);
void         signet_date_entry_set_text  (SignetDateEntry *self,
                                          const char      *text);
GtkWidget   *signet_date_entry_get_entry (SignetDateEntry *self);

G_END_DECLS
