/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "test-startup"

#include "config.h"

#include "display-test-utils.h"

/* The signet binary itself: --version works without a display, and
 * SIGNET_EXIT_AFTER_FIRST_FRAME (which the start-up benchmark relies on)
 * reports the first frame of the register and quits. */

/* XDG_DATA_DIRS before the test's directories were isolated: the app finds
 * the MIME database (which tells GTK an SVG icon from other files) and the
 * icon themes there, as it does on a user's system. */
static char *system_data_dirs;

static char *
run_signet (const char * const  *argv,
            gboolean             with_display,
            int                 *exit_status)
{
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE);
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  char *out = NULL;

  g_subprocess_launcher_setenv (launcher, "SIGNET_EXIT_AFTER_FIRST_FRAME", "1", TRUE);
  if (system_data_dirs != NULL)
    g_subprocess_launcher_setenv (launcher, "XDG_DATA_DIRS", system_data_dirs, TRUE);
  else
    g_subprocess_launcher_unsetenv (launcher, "XDG_DATA_DIRS");
  if (!with_display)
    {
      g_subprocess_launcher_unsetenv (launcher, "DISPLAY");
      g_subprocess_launcher_unsetenv (launcher, "WAYLAND_DISPLAY");
    }

  process = g_subprocess_launcher_spawnv (launcher, argv, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, &out, NULL, &error);
  g_assert_no_error (error);
  *exit_status = g_subprocess_get_exit_status (process);

  return out;
}

static void
test_version (void)
{
  const char * const argv[] = { SIGNET_BINARY, "--version", NULL };
  g_autofree char *out = NULL;
  int status;

  out = run_signet (argv, FALSE, &status);
  g_assert_cmpint (status, ==, 0);
  g_assert_cmpstr (out, ==, "signet " PACKAGE_VERSION "\n");
}

static void
test_first_frame (void)
{
  g_autoptr(SignetStore) store = display_test_new_store ();
  g_autoptr(SignetClient) client = display_test_add_client (store, "Acme", "ACME");
  g_autofree char *option = NULL;
  g_autofree char *out = NULL;
  int status;

  g_object_unref (display_test_add_contract (store, client, "HT-2025-0001", "Support", 100));
  g_object_unref (display_test_add_contract (store, client, "HT-2025-0002", "Hosting", 100));
  g_object_unref (display_test_add_contract (store, client, "HT-2025-0003", "Backup", 100));
  option = g_strconcat ("--database=", signet_store_get_path (store), NULL);
  g_clear_object (&store);

  {
    const char * const argv[] = { SIGNET_BINARY, option, NULL };

    out = run_signet (argv, TRUE, &status);
  }
  g_assert_cmpint (status, ==, 0);
  g_assert_cmpstr (out, ==, "first-frame contracts=3\n");
}

static void
test_first_frame_empty (void)
{
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "empty.db", NULL);
  g_autofree char *option = g_strconcat ("--database=", path, NULL);
  const char * const argv[] = { SIGNET_BINARY, option, NULL };
  g_autofree char *out = NULL;
  int status;

  g_mkdir_with_parents (g_get_user_data_dir (), 0700);
  out = run_signet (argv, TRUE, &status);
  g_assert_cmpint (status, ==, 0);
  g_assert_cmpstr (out, ==, "first-frame contracts=0\n");
}

int
main (int   argc,
      char *argv[])
{
  system_data_dirs = g_strdup (g_getenv ("XDG_DATA_DIRS"));
  display_test_init (&argc, &argv);

  g_test_add_func ("/startup/version", test_version);
  g_test_add_func ("/startup/first-frame", test_first_frame);
  g_test_add_func ("/startup/first-frame-empty", test_first_frame_empty);

  return g_test_run ();
}
