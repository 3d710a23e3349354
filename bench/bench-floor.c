/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "bench-floor"

#include "config.h"

#include <stdio.h>

#include <adwaita.h>

/* The floor of the start-up benchmark: the least a libadwaita app does to
 * show a window of Signet's default size. It quits after its first frame,
 * as `signet` does with SIGNET_EXIT_AFTER_FIRST_FRAME. */

static void
frame_painted_cb (GdkFrameClock  *frame_clock,
                  GtkApplication *app)
{
  g_signal_handlers_disconnect_by_func (frame_clock, frame_painted_cb, app);

  printf ("first-frame\n");
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

static void
activated_cb (GtkApplication *app)
{
  GtkWidget *window = adw_application_window_new (app);

  /* Signet's default window size (the window-width/-height settings). */
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 760);
  g_signal_connect (window, "map", G_CALLBACK (window_mapped_cb), app);
  gtk_window_present (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(AdwApplication) app = NULL;

  app = adw_application_new ("io.github.signetapp.Signet.BenchFloor", G_APPLICATION_NON_UNIQUE);
  g_signal_connect (app, "activate", G_CALLBACK (activated_cb), NULL);

  return g_application_run (G_APPLICATION (app), argc, argv);
}
