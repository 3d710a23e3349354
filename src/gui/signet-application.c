/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "signet-application"

#include "config.h"

#include <stdlib.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "signet-application.h"
#include "signet-demo.h"
#include "signet-io-cli.h"
#include "signet-preferences-window.h"
#include "signet-window.h"

struct _SignetApplication
{
  AdwApplication  parent_instance;

  /* The register the window opens: --database, --demo or the default. */
  char           *database_path;
  gboolean        demo;
  /* Set once the command line parsed, to tell its errors from a command's. */
  gboolean        options_parsed;
};

G_DEFINE_FINAL_TYPE (SignetApplication, signet_application, ADW_TYPE_APPLICATION)

static const GOptionEntry option_entries[] = {
  { "version", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE, NULL,
    N_("Print the version and exit"), NULL },
  { "database", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_FILENAME, NULL,
    N_("Open the register in FILE instead of the usual one"), N_("FILE") },
  { "demo", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE, NULL,
    N_("Open a demo register filled with sample clients and contracts"), NULL },
  { "export", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_FILENAME, NULL,
    N_("Write the register as XML to FILE (- for standard output) and exit"), N_("FILE") },
  { "import", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_FILENAME, NULL,
    N_("Import the XML file FILE into the register and exit"), N_("FILE") },
  { "dry-run", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE, NULL,
    N_("With --import: tell what the import would do, and change nothing"), NULL },
  { "on-conflict", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, NULL,
    N_("With --import: for records already there with other details, skip, update or fail (the default)"),
    N_("POLICY") },
  { NULL }
};

static char *
get_demo_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "signet", "demo.db", NULL);
}

/* The register the options chose: --database, --demo or the usual one. */
static char *
get_database_path (SignetApplication *self)
{
  if (self->database_path != NULL)
    return g_strdup (self->database_path);
  else if (self->demo)
    return get_demo_path ();
  else
    return signet_store_get_default_path ();
}

static SignetStore *
open_store (SignetApplication  *self,
            GError            **error)
{
  g_autoptr(SignetStore) store = NULL;
  g_autofree char *path = get_database_path (self);
  g_autofree char *directory = NULL;

  /* The usual places may not exist yet on a fresh account. */
  directory = g_path_get_dirname (path);
  if (self->database_path == NULL)
    g_mkdir_with_parents (directory, 0700);

  store = signet_store_new (path, error);
  if (store == NULL)
    return NULL;

  if (self->demo && signet_store_count_contracts (store) == 0 &&
      !signet_demo_fill (store, error))
    return NULL;

  return g_steal_pointer (&store);
}

static void
quit_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  GtkApplication *app = GTK_APPLICATION (user_data);
  g_autoptr(GList) windows = g_list_copy (gtk_application_get_windows (app));

  /* Closing asks about unsaved changes; the app ends with its last window. */
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (l->data);
}

static void
about_activated (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  GtkApplication *app = GTK_APPLICATION (user_data);
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", gtk_application_get_active_window (app),
                        "application-name", _("Signet"),
                        "application-icon", APPLICATION_ID,
                        "version", PACKAGE_VERSION,
                        "developer-name", _("The Signet developers"),
                        "comments", _("Signet keeps the register of your clients’ contracts: "
                                      "numbers, parties, values, dates and status, with a record "
                                      "of every change."),
                        "license-type", GTK_LICENSE_GPL_3_0,
                        /* Translators: your names, one per line, as credit for the translation. */
                        "translator-credits", _("translator-credits"),
                        NULL);
  gtk_window_present (GTK_WINDOW (about));
}

static void
preferences_activated (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  GtkApplication *app = GTK_APPLICATION (user_data);
  GtkWindow *window = gtk_application_get_active_window (app);
  SignetStore *store = NULL;

  if (SIGNET_IS_WINDOW (window))
    store = signet_window_get_store (SIGNET_WINDOW (window));

  gtk_window_present (GTK_WINDOW (signet_preferences_window_new (window, store)));
}

static const GActionEntry app_entries[] = {
  { "quit", quit_activated },
  { "about", about_activated },
  { "preferences", preferences_activated },
};

/* Options are handled here, before GTK starts, so the ones that need no
 * window work without a display: a headless command returns its exit
 * code, and -1 goes on to open the window. */
static int
signet_application_handle_local_options (GApplication *app,
                                         GVariantDict *options)
{
  SignetApplication *self = SIGNET_APPLICATION (app);
  const char *database = NULL;

  self->options_parsed = TRUE;

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("signet %s\n", PACKAGE_VERSION);
      return EXIT_SUCCESS;
    }

  /* Which register: get_database_path() tells the result. */
  if (g_variant_dict_lookup (options, "database", "^&ay", &database))
    self->database_path = g_canonicalize_filename (database, NULL);
  self->demo = g_variant_dict_contains (options, "demo");

  /* Headless commands that work on that register come here. */
  if (g_variant_dict_contains (options, "export") || g_variant_dict_contains (options, "import") ||
      g_variant_dict_contains (options, "dry-run") || g_variant_dict_contains (options, "on-conflict"))
    {
      g_autofree char *path = get_database_path (self);
      const char *export_path = NULL;
      const char *import_path = NULL;
      const char *on_conflict = NULL;

      g_variant_dict_lookup (options, "export", "^&ay", &export_path);
      g_variant_dict_lookup (options, "import", "^&ay", &import_path);
      g_variant_dict_lookup (options, "on-conflict", "&s", &on_conflict);

      return signet_io_cli_run (path, export_path, import_path,
                                g_variant_dict_contains (options, "dry-run"), on_conflict);
    }

  /* Another register is another instance: a running Signet would open
   * its own register instead. */
  if (self->database_path != NULL || self->demo)
    g_application_set_flags (app, g_application_get_flags (app) | G_APPLICATION_NON_UNIQUE);

  return -1;
}

/* GApplication answers an option it cannot parse with exit status 1, but a
 * mistyped option is a usage error, 2, like the headless commands' own. */
static gboolean
signet_application_local_command_line (GApplication   *app,
                                       char         ***arguments,
                                       int            *exit_status)
{
  SignetApplication *self = SIGNET_APPLICATION (app);
  gboolean handled;

  handled = G_APPLICATION_CLASS (signet_application_parent_class)->local_command_line (app, arguments, exit_status);

  if (handled && !self->options_parsed && *exit_status != EXIT_SUCCESS)
    *exit_status = 2;

  return handled;
}

static void
signet_application_startup (GApplication *app)
{
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *preferences_accels[] = { "<Control>comma", NULL };

  G_APPLICATION_CLASS (signet_application_parent_class)->startup (app);

  gtk_window_set_default_icon_name (APPLICATION_ID);

  g_action_map_add_action_entries (G_ACTION_MAP (app), app_entries, G_N_ELEMENTS (app_entries), app);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.preferences", preferences_accels);
}

static void
signet_application_activate (GApplication *app)
{
  SignetApplication *self = SIGNET_APPLICATION (app);
  g_autoptr(SignetStore) store = NULL;
  g_autoptr(GError) error = NULL;
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  if (window == NULL)
    {
      store = open_store (self, &error);
      window = GTK_WINDOW (signet_window_new (GTK_APPLICATION (app), store, error));
    }

  gtk_window_present (window);
}

static void
signet_application_finalize (GObject *object)
{
  SignetApplication *self = (SignetApplication *)object;

  g_clear_pointer (&self->database_path, g_free);

  G_OBJECT_CLASS (signet_application_parent_class)->finalize (object);
}

static void
signet_application_class_init (SignetApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = signet_application_finalize;

  app_class->handle_local_options = signet_application_handle_local_options;
  app_class->local_command_line = signet_application_local_command_line;
  app_class->startup = signet_application_startup;
  app_class->activate = signet_application_activate;
}

static void
signet_application_init (SignetApplication *self)
{
  g_application_add_main_option_entries (G_APPLICATION (self), option_entries);
}

SignetApplication *
signet_application_new (void)
{
  return g_object_new (SIGNET_TYPE_APPLICATION,
                       "application-id", APPLICATION_ID,
                       "flags", G_APPLICATION_DEFAULT_FLAGS,
                       "resource-base-path", RESOURCE_PREFIX,
                       NULL);
}
