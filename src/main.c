/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "signet"

#include "config.h"

#include <locale.h>
#include <stdlib.h>

#include <glib/gi18n.h>

#include "signet-application.h"

/* Started from the build directory (build-aux/run-demo.sh, the end-to-end
 * tests) nothing is installed yet: the app then uses the settings schema and
 * the translations the build made, so it runs as it will once installed. */
static gboolean
running_uninstalled (void)
{
  g_autofree char *executable = g_file_read_link ("/proc/self/exe", NULL);
  g_autofree char *build_directory = realpath (SIGNET_BUILD_BINARY_DIR, NULL);
  g_autofree char *directory = NULL;

  if (executable == NULL || build_directory == NULL)
    return FALSE;

  directory = g_path_get_dirname (executable);

  return g_str_equal (directory, build_directory);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(SignetApplication) app = NULL;
  const char *localedir = LOCALEDIR;

  /* The app icon comes with the resources (see signet.gresource.xml): a
   * source directory added to XDG_DATA_DIRS would have no icon cache, and
   * GTK would list every directory of its hicolor theme at start-up. */
  if (running_uninstalled ())
    {
      g_setenv ("GSETTINGS_SCHEMA_DIR", SIGNET_BUILD_SCHEMA_DIR, FALSE);
      localedir = SIGNET_BUILD_LOCALE_DIR;
    }

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = signet_application_new ();

  return g_application_run (G_APPLICATION (app), argc, argv);
}
