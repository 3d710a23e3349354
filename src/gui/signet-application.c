/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "signet-application"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <libportal/portal.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "signet-access-keys.h"
#include "signet-application.h"
#include "signet-contract-types-page.h"
#include "signet-csv-cli.h"
#include "signet-date.h"
#include "signet-demo.h"
#include "signet-io-cli.h"
#include "signet-preferences-window.h"
#include "signet-reminder-notifier.h"
#include "signet-store-events.h"
#include "signet-team-cli.h"
#include "signet-team-register.h"
#include "signet-window.h"

struct _SignetApplication
{
  AdwApplication  parent_instance;

  /* The register the window opens: --database, --demo or the default. */
  char           *database_path;
  gboolean        demo;
  /* Set once the command line parsed, to tell its errors from a command's. */
  gboolean        options_parsed;
  /* Started with --background: reminders only, until a window is asked for. */
  gboolean        start_hidden;
  /* Held while "run in background" is on: the app outlives its windows. */
  gboolean        held;

  GSettings      *settings;
  /* The register, opened once for the window and the reminders. */
  SignetStore    *store;
  GError         *store_error;
  SignetReminderNotifier *notifier;
  XdpPortal      *portal;
};

G_DEFINE_FINAL_TYPE (SignetApplication, signet_application, ADW_TYPE_APPLICATION)

static const GOptionEntry option_entries[] = {
  { "version", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE, NULL,
    N_("Print the version and exit"), NULL },
  { "database", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_FILENAME, NULL,
    N_("Open the register in FILE, or the team register at a postgresql:// address, instead of the usual one"),
    N_("FILE") },
  { "demo", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE, NULL,
    N_("Open a demo register filled with sample clients and contracts"), NULL },
  { "background", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE, NULL,
    N_("Start without a window and send the reminders that are due"), NULL },
  { "export", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_FILENAME, NULL,
    N_("Write the register as XML to FILE (- for standard output) and exit"), N_("FILE") },
  { "export-ics", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_FILENAME, NULL,
    N_("Write the contracts’ key dates as an iCalendar file to FILE (- for standard output) and exit"), N_("FILE") },
  { "with-attachments", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE, NULL,
    N_("With --export: include the attached files, their earlier versions and annotations"), NULL },
  { "export-xlsx", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_FILENAME, NULL,
    N_("Write the whole register as an Excel workbook to FILE and exit"), N_("FILE") },
  { "import", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_FILENAME, NULL,
    N_("Import the XML file FILE into the register and exit"), N_("FILE") },
  { "dry-run", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE, NULL,
    N_("With --import: tell what the import would do, and change nothing"), NULL },
  { "on-conflict", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, NULL,
    N_("With --import: for records already there with other details, skip, update or fail (the default)"),
    N_("POLICY") },
  { "create", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE, NULL,
    N_("With --import or --import-csv: make the register first if its file does not exist or is empty"), NULL },
  { "import-csv", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_FILENAME, NULL,
    N_("Import the contracts of the spreadsheet FILE, saved as CSV, into the register and exit"), N_("FILE") },
  { "mapping", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_FILENAME, NULL,
    N_("With --import-csv: map the spreadsheet’s columns to fields as FILE says"), N_("FILE") },
  { "copy-to", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, NULL,
    N_("Copy the register, attachments included, to the empty team register at URI on a PostgreSQL server and exit"),
    N_("URI") },
  { "setup-server", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, NULL,
    N_("Make or upgrade the team register at URI on a PostgreSQL server, with its roles, and exit"),
    N_("URI") },
  { "add-user", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, NULL,
    N_("With --setup-server: give the database user LOGIN a role in the team register"), N_("LOGIN") },
  { "role", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, NULL,
    N_("With --add-user: reader, editor, approver, archivist or administrator"), N_("ROLE") },
  { "person", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, NULL,
    N_("With --add-user: the person in People the user acts as (added if there is none)"), N_("NAME") },
  { "department", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, NULL,
    N_("With --add-user: the person’s department, whose contracts the user sees"), N_("DEPARTMENT") },
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

static gboolean
is_team_register (const char *location)
{
  return g_str_has_prefix (location, "postgresql://") || g_str_has_prefix (location, "postgres://");
}

/* A team register from --database: TLS unless the server is local, and
 * the password from the address or else from the keyring. */
static SignetStore *
open_team_register (const char  *uri,
                    GError     **error)
{
  g_autoptr(SignetTeamAddress) address = NULL;
  g_autofree char *password = NULL;

  address = signet_team_address_parse (uri, &password, error);
  if (address == NULL)
    return NULL;

  return signet_team_register_open (address, password, error);
}

static SignetStore *
open_store (SignetApplication  *self,
            GError            **error)
{
  g_autoptr(SignetStore) store = NULL;
  g_autofree char *path = get_database_path (self);
  g_autofree char *directory = NULL;
  const char *today;

  /* The usual places may not exist yet on a fresh account. */
  directory = g_path_get_dirname (path);
  if (self->database_path == NULL)
    g_mkdir_with_parents (directory, 0700);

  if (is_team_register (path))
    store = open_team_register (path, error);
  else
    store = signet_store_new (path, error);
  if (store == NULL)
    return NULL;

  /* The register as seen on another day, for end-to-end tests and
   * demonstrations of what comes due: SIGNET_TODAY=YYYY-MM-DD. */
  today = g_getenv ("SIGNET_TODAY");
  if (today != NULL)
    {
      GDate date;

      if (signet_date_parse (today, &date))
        signet_store_set_today (store, today);
      else
        g_warning ("SIGNET_TODAY is not a date written YYYY-MM-DD: %s", today);
    }

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
  AdwDialog *about;

  about = g_object_new (ADW_TYPE_ABOUT_DIALOG,
                        "application-name", _("Signet"),
                        "application-icon", APPLICATION_ID,
                        "version", PACKAGE_VERSION,
                        "developer-name", _("The Signet developers"),
                        "comments", _("Signet keeps the register of your clients’ contracts: "
                                      "numbers, parties, values, dates and status, with a record "
                                      "of every change."),
                        "website", "https://github.com/signetapp/signet",
                        "issue-url", "https://github.com/signetapp/signet/issues",
                        "license-type", GTK_LICENSE_GPL_3_0,
                        /* Translators: your names, one per line, as credit for the translation. */
                        "translator-credits", _("translator-credits"),
                        NULL);
  adw_dialog_present (about, GTK_WIDGET (gtk_application_get_active_window (app)));
}

/* The preferences over the active window, on the page named @page_name,
 * or on the first page when NULL. */
static void
present_preferences (GtkApplication *app,
                     const char     *page_name)
{
  GtkWindow *window = gtk_application_get_active_window (app);
  SignetStore *store = NULL;
  AdwDialog *preferences;

  if (SIGNET_IS_WINDOW (window))
    store = signet_window_get_store (SIGNET_WINDOW (window));

  preferences = signet_preferences_window_new (store);
  if (page_name != NULL)
    adw_preferences_dialog_set_visible_page_name (ADW_PREFERENCES_DIALOG (preferences), page_name);
  adw_dialog_present (preferences, GTK_WIDGET (window));
}

static void
preferences_activated (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  present_preferences (GTK_APPLICATION (user_data), NULL);
}

/* "Manage Types…" of the New Contract of Type menu: where the types are. */
static void
manage_types_activated (GSimpleAction *action,
                        GVariant      *parameter,
                        gpointer       user_data)
{
  present_preferences (GTK_APPLICATION (user_data), SIGNET_CONTRACT_TYPES_PAGE_NAME);
}

static SignetWindow *ensure_window       (SignetApplication *self);
static void          settings_changed_cb (SignetApplication *self,
                                          const char        *key,
                                          GSettings         *settings);

static void
open_contract_activated (GSimpleAction *action,
                         GVariant      *parameter,
                         gpointer       user_data)
{
  SignetWindow *window = ensure_window (SIGNET_APPLICATION (user_data));

  gtk_window_present (GTK_WINDOW (window));
  signet_window_open_contract (window, g_variant_get_int64 (parameter));
}

static void
show_agenda_activated (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  SignetWindow *window = ensure_window (SIGNET_APPLICATION (user_data));

  gtk_window_present (GTK_WINDOW (window));
  signet_window_show_agenda (window);
}

static void
acknowledge_reminder_activated (GSimpleAction *action,
                                GVariant      *parameter,
                                gpointer       user_data)
{
  SignetApplication *self = SIGNET_APPLICATION (user_data);
  g_autoptr(GError) error = NULL;

  if (self->notifier != NULL &&
      !signet_reminder_notifier_acknowledge (self->notifier, parameter, &error))
    g_warning ("The reminder could not be acknowledged: %s", error->message);
}

static const GActionEntry app_entries[] = {
  { "quit", quit_activated },
  { "about", about_activated },
  { "preferences", preferences_activated },
  { "manage-types", manage_types_activated },
  { "open-contract", open_contract_activated, "x" },
  { "show-agenda", show_agenda_activated },
  { "acknowledge-reminder", acknowledge_reminder_activated, "(xssu)" },
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
    self->database_path = is_team_register (database) ? g_strdup (database)
                                                      : g_canonicalize_filename (database, NULL);
  self->demo = g_variant_dict_contains (options, "demo");
  self->start_hidden = g_variant_dict_contains (options, "background");

  /* Setting up a team register is the server's owner's, apart from
   * every register the app opens. */
  if (g_variant_dict_contains (options, "setup-server") || g_variant_dict_contains (options, "add-user") ||
      g_variant_dict_contains (options, "role") || g_variant_dict_contains (options, "person") ||
      g_variant_dict_contains (options, "department"))
    {
      const char *uri = NULL, *user = NULL, *role = NULL, *person = NULL, *department = NULL;

      g_variant_dict_lookup (options, "setup-server", "&s", &uri);
      g_variant_dict_lookup (options, "add-user", "&s", &user);
      g_variant_dict_lookup (options, "role", "&s", &role);
      g_variant_dict_lookup (options, "person", "&s", &person);
      g_variant_dict_lookup (options, "department", "&s", &department);

      return signet_team_cli_setup (uri, user, role, person, department,
                                    role != NULL || person != NULL || department != NULL,
                                    database == NULL && !self->demo && !self->start_hidden &&
                                    !g_variant_dict_contains (options, "import-csv") &&
                                    !g_variant_dict_contains (options, "copy-to") &&
                                    !g_variant_dict_contains (options, "export") &&
                                    !g_variant_dict_contains (options, "export-ics") &&
                                    !g_variant_dict_contains (options, "export-xlsx") &&
                                    !g_variant_dict_contains (options, "import"));
    }

  if (g_variant_dict_contains (options, "import-csv") || g_variant_dict_contains (options, "mapping"))
    {
      g_autofree char *path = get_database_path (self);
      const char *csv_path = NULL;
      const char *mapping_path = NULL;

      g_variant_dict_lookup (options, "import-csv", "^&ay", &csv_path);
      g_variant_dict_lookup (options, "mapping", "^&ay", &mapping_path);

      return signet_io_cli_import_csv (path, csv_path, mapping_path,
                                       g_variant_dict_contains (options, "dry-run"),
                                       g_variant_dict_contains (options, "create"),
                                       !g_variant_dict_contains (options, "export") &&
                                       !g_variant_dict_contains (options, "export-ics") &&
                                       !g_variant_dict_contains (options, "export-xlsx") &&
                                       !g_variant_dict_contains (options, "import") &&
                                       !g_variant_dict_contains (options, "on-conflict") &&
                                       !g_variant_dict_contains (options, "with-attachments"));
    }

  if (g_variant_dict_contains (options, "copy-to"))
    {
      g_autofree char *path = get_database_path (self);
      const char *location = NULL;

      g_variant_dict_lookup (options, "copy-to", "&s", &location);

      return signet_io_cli_copy_to (path, location,
                                    !g_variant_dict_contains (options, "export") &&
                                    !g_variant_dict_contains (options, "export-ics") &&
                                    !g_variant_dict_contains (options, "export-xlsx") &&
                                    !g_variant_dict_contains (options, "import") &&
                                    !g_variant_dict_contains (options, "import-csv") &&
                                    !g_variant_dict_contains (options, "dry-run") &&
                                    !g_variant_dict_contains (options, "on-conflict") &&
                                    !g_variant_dict_contains (options, "with-attachments") &&
                                    !g_variant_dict_contains (options, "create"));
    }

  if (g_variant_dict_contains (options, "export-xlsx"))
    {
      g_autofree char *path = get_database_path (self);
      const char *xlsx_path = NULL;

      g_variant_dict_lookup (options, "export-xlsx", "^&ay", &xlsx_path);

      return signet_io_cli_export_xlsx (path, xlsx_path,
                                        !g_variant_dict_contains (options, "export") &&
                                        !g_variant_dict_contains (options, "export-ics") &&
                                        !g_variant_dict_contains (options, "import") &&
                                        !g_variant_dict_contains (options, "dry-run") &&
                                        !g_variant_dict_contains (options, "on-conflict") &&
                                        !g_variant_dict_contains (options, "with-attachments") &&
                                        !g_variant_dict_contains (options, "create"));
    }

  /* Headless commands that work on that register come here. */
  if (g_variant_dict_contains (options, "export") || g_variant_dict_contains (options, "export-ics") ||
      g_variant_dict_contains (options, "import") ||
      g_variant_dict_contains (options, "dry-run") || g_variant_dict_contains (options, "on-conflict") ||
      g_variant_dict_contains (options, "with-attachments") || g_variant_dict_contains (options, "create"))
    {
      g_autofree char *path = get_database_path (self);
      const char *export_path = NULL;
      const char *ics_path = NULL;
      const char *import_path = NULL;
      const char *on_conflict = NULL;

      g_variant_dict_lookup (options, "export", "^&ay", &export_path);
      g_variant_dict_lookup (options, "export-ics", "^&ay", &ics_path);
      g_variant_dict_lookup (options, "import", "^&ay", &import_path);
      g_variant_dict_lookup (options, "on-conflict", "&s", &on_conflict);

      return signet_io_cli_run (path, export_path, ics_path, import_path,
                                g_variant_dict_contains (options, "with-attachments"),
                                g_variant_dict_contains (options, "dry-run"), on_conflict,
                                g_variant_dict_contains (options, "create"));
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
  SignetApplication *self = SIGNET_APPLICATION (app);
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *preferences_accels[] = { "<Control>comma", NULL };
  /* Set here rather than in the window's class, so that the main menu
   * shows the keys beside Keyboard Shortcuts. */
  static const char *shortcuts_accels[] = { "<Control>question", NULL };

  G_APPLICATION_CLASS (signet_application_parent_class)->startup (app);

  signet_access_keys_install ();
  g_action_map_add_action_entries (G_ACTION_MAP (app), app_entries, G_N_ELEMENTS (app_entries), app);

  self->settings = g_settings_new (SIGNET_SETTINGS_SCHEMA);
  g_signal_connect_object (self->settings, "changed", G_CALLBACK (settings_changed_cb), self, G_CONNECT_SWAPPED);
  /* Run in the background: the app stays when its last window closes. */
  if (g_settings_get_boolean (self->settings, "run-in-background"))
    {
      self->held = TRUE;
      g_application_hold (app);
    }
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.preferences", preferences_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.shortcuts", shortcuts_accels);
}

static void
apply_review_intervals (SignetApplication *self)
{
  SignetReviewIntervals intervals = {
    g_settings_get_uint (self->settings, "review-months-high"),
    g_settings_get_uint (self->settings, "review-months-medium"),
    g_settings_get_uint (self->settings, "review-months-low"),
  };
  SignetReviewIntervals current;
  g_autoptr(GError) error = NULL;

  if (self->store == NULL)
    return;

  signet_store_get_review_intervals (self->store, &current);
  if (memcmp (&current, &intervals, sizeof intervals) == 0)
    return;

  if (!signet_store_set_review_intervals (self->store, &intervals, &error))
    g_warning ("The review intervals could not be kept: %s", error->message);
}

static void
background_requested_cb (GObject      *source,
                         GAsyncResult *result,
                         gpointer      user_data)
{
  g_autoptr(SignetApplication) self = user_data;
  g_autoptr(GError) error = NULL;

  /* Refused (or no portal): the switch goes back off, so it never claims
   * what is not so. */
  if (!xdp_portal_request_background_finish (XDP_PORTAL (source), result, &error))
    {
      g_message ("Running in the background was not allowed: %s", error ? error->message : "refused");
      g_settings_set_boolean (self->settings, "run-in-background", FALSE);
    }
}

/* Asks the background portal to start Signet at login (or no longer):
 * the way that works inside the Flatpak as well as outside. */
static void
request_background (SignetApplication *self)
{
  gboolean wanted = g_settings_get_boolean (self->settings, "run-in-background");
  g_autoptr(GPtrArray) command = g_ptr_array_new ();

  if (self->portal == NULL)
    self->portal = xdp_portal_new ();

  g_ptr_array_add (command, (gpointer) "signet");
  g_ptr_array_add (command, (gpointer) "--background");
  g_ptr_array_add (command, NULL);

  xdp_portal_request_background (self->portal, NULL,
                                 (char *) _("Signet reminds you of contract dates when no window is open."),
                                 (GPtrArray *) command,
                                 wanted ? XDP_BACKGROUND_FLAG_AUTOSTART : XDP_BACKGROUND_FLAG_NONE,
                                 NULL, background_requested_cb, g_object_ref (self));
}

static void
settings_changed_cb (SignetApplication *self,
                     const char        *key,
                     GSettings         *settings)
{
  if (g_str_has_prefix (key, "review-months-"))
    apply_review_intervals (self);
  else if (g_str_equal (key, "run-in-background"))
    {
      /* While it may run in the background, the app outlives its windows. */
      if (g_settings_get_boolean (settings, "run-in-background") != self->held)
        {
          self->held = !self->held;
          if (self->held)
            g_application_hold (G_APPLICATION (self));
          else
            g_application_release (G_APPLICATION (self));
        }
      request_background (self);
    }
}

/* The register and the reminders about it, once for the process. */
static void
ensure_store (SignetApplication *self)
{
  if (self->store != NULL || self->store_error != NULL)
    return;

  self->store = open_store (self, &self->store_error);
  if (self->store == NULL)
    return;

  apply_review_intervals (self);
  self->notifier = signet_reminder_notifier_new (G_APPLICATION (self), self->store, self->settings);
  signet_reminder_notifier_start (self->notifier);
}

static SignetWindow *
ensure_window (SignetApplication *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (SIGNET_IS_WINDOW (window))
    return SIGNET_WINDOW (window);

  ensure_store (self);

  return signet_window_new (GTK_APPLICATION (self), self->store, self->store_error);
}

static void
signet_application_activate (GApplication *app)
{
  SignetApplication *self = SIGNET_APPLICATION (app);

  /* Started at login: reminders now and daily, and a window only when
   * the user opens Signet (which activates this instance again). */
  if (self->start_hidden)
    {
      self->start_hidden = FALSE;
      ensure_store (self);
      if (!self->held)
        {
          self->held = TRUE;
          g_application_hold (app);
        }
      return;
    }

  gtk_window_present (GTK_WINDOW (ensure_window (self)));
}

/* A team register's password file goes with its store; one that is still
 * open as the app ends is not left behind. */
static void
signet_application_shutdown (GApplication *app)
{
  G_APPLICATION_CLASS (signet_application_parent_class)->shutdown (app);

  signet_team_register_remove_password_files ();
}

static void
signet_application_finalize (GObject *object)
{
  SignetApplication *self = (SignetApplication *)object;

  g_clear_pointer (&self->database_path, g_free);
  g_clear_object (&self->notifier);
  g_clear_object (&self->store);
  g_clear_error (&self->store_error);
  g_clear_object (&self->settings);
  g_clear_object (&self->portal);

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
  app_class->shutdown = signet_application_shutdown;
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
