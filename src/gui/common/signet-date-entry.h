/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define SIGNET_TYPE_DATE_ENTRY (signet_date_entry_get_type ())

G_DECLARE_FINAL_TYPE (SignetDateEntry, signet_date_entry, SIGNET, DATE_ENTRY, AdwEntryRow)

/* An entry row for a date, shown in the locale's short form (the form
 * shows beside it while it is empty), with a button that opens a
 * calendar. It reads what signet_date_read_input() reads: the locale's
 * form, ISO and the common Chinese forms. */
GtkWidget   *signet_date_entry_new       (const char       *title);
/* Shows @iso (YYYY-MM-DD; NULL or "" for none) in the locale's form. */
void         signet_date_entry_set_date  (SignetDateEntry  *self,
                                          const char       *iso);
/* The date in the field as YYYY-MM-DD in @iso, NULL when the field is
 * empty; the date last set, as it came, while its text is unchanged.
 * FALSE, with @error (SIGNET_DATE_INPUT_ERROR) saying what was read and
 * how to type a date, when the text is not a date Signet reads. */
gboolean     signet_date_entry_get_date  (SignetDateEntry  *self,
                                          char            **iso,
                                          GError          **error);

G_END_DECLS
