/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <stdio.h>

#include "bench-first-frame.h"

static void
frame_painted_cb (GdkFrameClock  *frame_clock,
                  GtkApplication *app)
{
  const char *line = g_object_get_data (G_OBJECT (app), "bench-first-frame-line");

  g_signal_handlers_disconnect_by_func (frame_clock, frame_painted_cb, app);

  printf ("%s\n", line);
  fflush (stdout);

  g_application_quit (G_APPLICATION (app));
}

static void
window_mapped_cb (GtkWidget      *window,
                  GtkApplication *app)
{
  g_signal_connect_object (gtk_widget_get_frame_clock (window), "after-paint",
                           G_CALLBACK (frame_painted_cb), app, G_CONNECT_DEFAULT);
}

void
bench_present_until_first_frame (GtkWindow      *window,
                                 GtkApplication *app,
                                 const char     *line)
{
  g_object_set_data_full (G_OBJECT (app), "bench-first-frame-line", g_strdup (line), g_free);
  g_signal_connect (window, "map", G_CALLBACK (window_mapped_cb), app);
  gtk_window_present (window);
}
