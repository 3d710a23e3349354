/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Presents @window; after its first frame is painted, prints @line (and a
 * newline) on standard output and quits @app, as `signet` does with
 * SIGNET_EXIT_AFTER_FIRST_FRAME. */
void bench_present_until_first_frame (GtkWindow      *window,
                                      GtkApplication *app,
                                      const char     *line);

G_END_DECLS
