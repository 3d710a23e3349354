/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "bench-floor"

#include "config.h"

#include <adwaita.h>

#include "bench-first-frame.h"

/* The floor of the start-up benchmark: the least a libadwaita app does to
 * show a window of Signet's default size. It quits after its first frame,
 * as `signet` does with SIGNET_EXIT_AFTER_FIRST_FRAME. */

static void
activated_cb (GtkApplication *app)
{
  GtkWidget *window = adw_application_window_new (app);

  /* Signet's default window size (the window-width/-height settings). */
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 760);
  bench_present_until_first_frame (GTK_WINDOW (window), app, "first-frame");
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
