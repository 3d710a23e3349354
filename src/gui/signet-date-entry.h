/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define SIGNET_TYPE_DATE_ENTRY (signet_date_entry_get_type ())

G_DECLARE_FINAL_TYPE (SignetDateEntry, signet_date_entry, SIGNET, DATE_ENTRY, AdwEntryRow)

/* An entry row for a date typed as YYYY-MM-DD (the format shows while it
 * is empty), with a button that opens a calendar. The text is whatever
 * was typed: the store validates it, so a mistyped date is reported at
 * this field instead of being lost. */
GtkWidget   *signet_date_entry_new       (const char      *title);
const char  *signet_date_entry_get_text  (SignetDateEntry *self);
void         signet_date_entry_set_text  (SignetDateEntry *self,
                                          const char      *text);

G_END_DECLS
