/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "display-test"

#include "config.h"

#include <locale.h>
#include <string.h>

#include <unistd.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "display-test-utils.h"
#include "signet-application.h"
#include "signet-conflict-panel.h"
#include "signet-contract-list.h"
#include "signet-contract-page.h"
#include "signet-contract-table.h"
#include "unit-test-utils.h"

static GStrv system_data_dirs;
/* XDG_DATA_DIRS before the isolation of the test's directories. */
static char *system_data_dirs_variable;

/* The file a child of display_test_run_in_locale() writes why it skips
 * to. */
#define SKIP_REASON_VARIABLE "SIGNET_TEST_SKIP_REASON_FILE"

static GStrv
system_subdirs (const char *name)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; system_data_dirs[i] != NULL; i++)
    {
      g_autofree char *path = g_build_filename (system_data_dirs[i], name, NULL);

      g_strv_builder_add (builder, path);
    }

  return g_strv_builder_end (builder);
}

/* What gtk_test_init() does, except that it drops the options it is
 * given: G_TEST_OPTION_ISOLATE_DIRS is what keeps each test's register in
 * a directory of its own. The isolation hides the system's data
 * directories too, so the MIME database (which GTK needs to load its
 * icons) and the icon themes are pointed back at them. The locale comes
 * from the environment (LC_ALL, LANGUAGE), as it does for the app. */
void
display_test_init (int    *argc,
                   char ***argv)
{
  g_auto(GStrv) mime_dirs = NULL;

  system_data_dirs_variable = g_strdup (g_getenv ("XDG_DATA_DIRS"));
  system_data_dirs = g_strdupv ((GStrv) g_get_system_data_dirs ());
  mime_dirs = system_subdirs ("mime");
  g_content_type_set_mime_dirs ((const char * const *) mime_dirs);

  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  g_test_init (argc, argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  setlocale (LC_ALL, "");
  gtk_disable_setlocale ();
  gtk_init ();
  adw_init ();
}

const char *
display_test_system_data_dirs (void)
{
  return system_data_dirs_variable;
}

void
display_test_run_in_locale (const char *locale)
{
  g_auto(GStrv) envp = g_get_environ ();
  g_autofree char *reason_path = NULL;
  g_autofree char *reason = NULL;
  int fd;

  fd = g_file_open_tmp ("signet-skip-XXXXXX", &reason_path, NULL);
  g_assert_cmpint (fd, >=, 0);
  close (fd);

  /* The child isolates its directories again, from the system's. */
  if (system_data_dirs_variable != NULL)
    envp = g_environ_setenv (envp, "XDG_DATA_DIRS", system_data_dirs_variable, TRUE);
  else
    envp = g_environ_unsetenv (envp, "XDG_DATA_DIRS");
  envp = g_environ_setenv (envp, "LC_ALL", locale, TRUE);
  envp = g_environ_setenv (envp, "LANG", locale, TRUE);
  envp = g_environ_unsetenv (envp, "LANGUAGE");
  envp = g_environ_setenv (envp, SKIP_REASON_VARIABLE, reason_path, TRUE);

  g_test_trap_subprocess_with_envp (NULL, (const char * const *) envp, 0,
                                    G_TEST_SUBPROCESS_INHERIT_STDOUT | G_TEST_SUBPROCESS_INHERIT_STDERR);

  if (!g_test_trap_has_passed () && g_file_get_contents (reason_path, &reason, NULL, NULL) && *reason != '\0')
    g_test_skip (reason);
  else
    g_test_trap_assert_passed ();
  g_unlink (reason_path);
}

void
display_test_child_skip (const char *reason)
{
  g_assert_true (g_file_set_contents (g_getenv (SKIP_REASON_VARIABLE), reason, -1, NULL));
  g_test_skip (reason);
}

gboolean
display_test_child_in_locale (const char *locale,
                              int         category)
{
  const char *current = setlocale (category, NULL);
  g_autofree char *reason = NULL;

  if (current != NULL && g_str_equal (current, locale))
    return TRUE;

  reason = g_strdup_printf ("The %s locale is not installed.", locale);
  display_test_child_skip (reason);

  return FALSE;
}

gboolean
display_test_child_speaks_chinese (void)
{
  const char *locale = setlocale (LC_MESSAGES, NULL);

  if (locale == NULL || !g_str_has_prefix (locale, "zh_CN"))
    {
      display_test_child_skip ("The zh_CN.UTF-8 locale is not installed.");
      return FALSE;
    }
  if (g_strcmp0 (_("Calendar"), "Calendar") == 0)
    {
      display_test_child_skip ("The Chinese catalog is not built.");
      return FALSE;
    }

  return TRUE;
}

static void
use_system_icon_themes (void)
{
  GtkIconTheme *theme = gtk_icon_theme_get_for_display (gdk_display_get_default ());
  g_auto(GStrv) icon_dirs = system_subdirs ("icons");

  gtk_icon_theme_set_search_path (theme, (const char * const *) icon_dirs);
}

void
display_test_reset_settings (void)
{
  g_autoptr(GSettings) settings = g_settings_new (SIGNET_SETTINGS_SCHEMA);

  unit_reset_settings (settings);
}

SignetStore *
display_test_new_store (void)
{
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  SignetStore *store;

  g_mkdir_with_parents (g_get_user_data_dir (), 0700);
  path = g_build_filename (g_get_user_data_dir (), "register.db", NULL);
  g_unlink (path);

  store = signet_store_new (path, &error);
  g_assert_no_error (error);

  return store;
}

SignetClient *
display_test_add_client (SignetStore *store,
                         const char  *name,
                         const char  *code)
{
  SignetClient *client = signet_client_new ();
  g_autoptr(GError) error = NULL;

  signet_client_set_name (client, name);
  signet_client_set_code (client, code);
  signet_store_add_client (store, client, &error);
  g_assert_no_error (error);

  return client;
}

static SignetContract *
add_contract_as (SignetStore          *store,
                 SignetClient         *client,
                 const char           *number,
                 const char           *title,
                 gint64                value,
                 SignetContractStatus  status)
{
  SignetContract *contract = signet_contract_new ();
  g_autoptr(GError) error = NULL;

  signet_contract_set_number (contract, number);
  signet_contract_set_title (contract, title);
  signet_contract_set_client_id (contract, signet_client_get_id (client));
  signet_contract_set_currency (contract, "CNY");
  signet_contract_set_value (contract, value);
  signet_contract_set_status (contract, status);
  signet_store_add_contract (store, contract, &error);
  g_assert_no_error (error);

  return contract;
}

SignetContract *
display_test_add_contract (SignetStore  *store,
                           SignetClient *client,
                           const char   *number,
                           const char   *title,
                           gint64        value)
{
  return add_contract_as (store, client, number, title, value, SIGNET_CONTRACT_STATUS_ACTIVE);
}

SignetContract *
display_test_add_draft_contract (SignetStore  *store,
                                 SignetClient *client,
                                 const char   *number,
                                 const char   *title,
                                 gint64        value)
{
  return add_contract_as (store, client, number, title, value, SIGNET_CONTRACT_STATUS_DRAFT);
}

gboolean
display_test_wait_for (gboolean (*condition) (gpointer data),
                       gpointer   data)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (!condition (data) && g_get_monotonic_time () < deadline)
    {
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (1000);
    }

  return condition (data);
}

void
display_test_spin (guint msec)
{
  gint64 deadline = g_get_monotonic_time () + msec * 1000;

  while (g_get_monotonic_time () < deadline)
    {
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (1000);
    }
}

static gboolean
is_mapped (gpointer widget)
{
  return gtk_widget_get_mapped (widget);
}

/* Whether @window is laid out at the size of its surface, inside the
 * shadow GTK draws around a window with client-side decorations: GTK maps
 * a window before its first frame lays it out, and a new size comes with
 * the X server's configure event, frames later under load. A window that
 * crosses a breakpoint has its content hidden for a frame more, while
 * libadwaita lays it out anew. */
static gboolean
is_laid_out (GtkWindow *window)
{
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (window));
  GtkWidget *bin = display_test_find_type (GTK_WIDGET (window), ADW_TYPE_BREAKPOINT_BIN);
  GtkWidget *content = bin != NULL ? gtk_widget_get_first_child (bin) : NULL;
  double shadow_x, shadow_y;

  if (!gtk_widget_get_mapped (GTK_WIDGET (window)) || surface == NULL)
    return FALSE;
  if (content != NULL && !gtk_widget_get_child_visible (content))
    return FALSE;

  gtk_native_get_surface_transform (GTK_NATIVE (window), &shadow_x, &shadow_y);

  return gtk_widget_get_width (GTK_WIDGET (window)) > 0 &&
         gtk_widget_get_width (GTK_WIDGET (window)) == gdk_surface_get_width (surface) - 2 * (int) shadow_x &&
         gtk_widget_get_height (GTK_WIDGET (window)) == gdk_surface_get_height (surface) - 2 * (int) shadow_y;
}

static gboolean
window_laid_out (gpointer window)
{
  return is_laid_out (window);
}

void
display_test_show (GtkWindow *window)
{
  use_system_icon_themes ();
  gtk_window_present (window);
  g_assert_true (display_test_wait_for (window_laid_out, window));
  display_test_spin (50);
}

typedef struct
{
  GtkWindow *window;
  int        width;
  int        height;
} Resize;

static gboolean
resized (gpointer data)
{
  Resize *resize = data;
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (resize->window));

  return gdk_surface_get_width (surface) == resize->width &&
         gdk_surface_get_height (surface) == resize->height &&
         is_laid_out (resize->window);
}

void
display_test_resize (GtkWindow *window,
                     int        width,
                     int        height)
{
  Resize resize = { window, width, height };

  gtk_window_set_default_size (window, width, height);
  g_assert_true (display_test_wait_for (resized, &resize));
}

GtkWidget *
display_test_find_type (GtkWidget *root,
                        GType      type)
{
  if (g_type_is_a (G_OBJECT_TYPE (root), type))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = display_test_find_type (child, type);

      if (found != NULL)
        return found;
    }

  return NULL;
}

GtkWidget *
display_test_find_accessible (GtkWidget  *root,
                              const char *name)
{
  g_autofree char *mismatch = NULL;

  /* A label names itself; a field is named after its label. */
  if (!GTK_IS_LABEL (root) &&
      gtk_test_accessible_has_property (GTK_ACCESSIBLE (root), GTK_ACCESSIBLE_PROPERTY_LABEL))
    {
      mismatch = gtk_test_accessible_check_property (GTK_ACCESSIBLE (root),
                                                     GTK_ACCESSIBLE_PROPERTY_LABEL, name);
      if (mismatch == NULL)
        return root;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = display_test_find_accessible (child, name);

      if (found != NULL)
        return found;
    }

  return NULL;
}

gboolean
display_test_shows_label (GtkWidget  *widget,
                          const char *label)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_LABEL (child) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (child)), label) == 0)
        return TRUE;
      if (display_test_shows_label (child, label))
        return TRUE;
    }

  return FALSE;
}

GtkWidget *
display_test_find_button (GtkWidget  *root,
                          const char *label)
{
  if (GTK_IS_BUTTON (root) && display_test_shows_label (root, label))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = display_test_find_button (child, label);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* The dialog @window shows on top: the last one presented over an
 * AdwWindow, or a dialog presented as a window of its own. */
static AdwDialog *
window_visible_dialog (GtkWindow *window)
{
  GtkWidget *child;

  if (!gtk_widget_get_visible (GTK_WIDGET (window)))
    return NULL;
  if (ADW_IS_WINDOW (window))
    return adw_window_get_visible_dialog (ADW_WINDOW (window));
  if (ADW_IS_APPLICATION_WINDOW (window))
    return adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (window));

  child = gtk_window_get_child (window);

  return ADW_IS_DIALOG (child) ? ADW_DIALOG (child) : NULL;
}

static gboolean
dialog_shown (gpointer dialog)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (window_visible_dialog (window) == dialog)
        return TRUE;
    }

  return FALSE;
}

static gboolean
dialog_gone (gpointer dialog)
{
  return !dialog_shown (dialog);
}

AdwAlertDialog *
display_test_find_alert_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);
      AdwDialog *dialog = window_visible_dialog (window);

      if (ADW_IS_ALERT_DIALOG (dialog))
        return ADW_ALERT_DIALOG (dialog);
    }

  return NULL;
}

gboolean
display_test_alert_shown (gpointer data)
{
  return display_test_find_alert_dialog () != NULL;
}

gboolean
display_test_no_alert (gpointer data)
{
  return display_test_find_alert_dialog () == NULL;
}

void
display_test_respond (const char *response)
{
  g_autoptr(AdwAlertDialog) dialog = display_test_find_alert_dialog ();
  g_autoptr(GString) label = NULL;
  GtkWidget *button;

  g_assert_nonnull (dialog);
  /* Kept until it is gone, to tell when it is. */
  g_object_ref (dialog);
  g_assert_true (adw_alert_dialog_has_response (dialog, response));

  label = g_string_new (adw_alert_dialog_get_response_label (dialog, response));
  g_string_replace (label, "_", "", 0);
  button = display_test_find_button (GTK_WIDGET (dialog), label->str);
  g_assert_nonnull (button);

  g_signal_emit_by_name (button, "clicked");
  g_assert_true (display_test_wait_for (dialog_gone, dialog));
}

GtkWidget *
display_test_present_dialog (AdwDialog *dialog,
                             int        width,
                             int        height)
{
  GtkWidget *window = adw_window_new ();

  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  display_test_show (GTK_WINDOW (window));
  adw_dialog_present (dialog, window);
  g_assert_true (display_test_wait_for (is_mapped, dialog));
  display_test_spin (50);

  return window;
}

void
display_test_destroy_windows (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  while (g_list_model_get_n_items (toplevels) > 0)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, 0);

      gtk_window_destroy (window);
    }

  display_test_spin (20);
}

/* What @widget draws now, or NULL while it draws nothing. */
static GskRenderNode *
draw_widget (GtkWidget *widget)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();

  gdk_paintable_snapshot (paintable, snapshot, gtk_widget_get_width (widget), gtk_widget_get_height (widget));

  return gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
}

char *
display_test_save_screenshot (GtkWidget  *widget,
                              const char *name)
{
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *file_name = g_strconcat (name, ".png", NULL);
  char *path = g_test_build_filename (G_TEST_BUILT, file_name, NULL);
  GskRenderer *renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;
  int width;
  int height;

  /* A window whose content is being laid out anew (a dialog presented
   * into it on a loaded machine) can draw nothing for a frame or two. */
  while ((node = draw_widget (widget)) == NULL && g_get_monotonic_time () < deadline)
    display_test_spin (50);
  width = gtk_widget_get_width (widget);
  height = gtk_widget_get_height (widget);
  if (node == NULL)
    g_error ("%s drew nothing for 5 s (%s, %s, %d × %d)", G_OBJECT_TYPE_NAME (widget),
             gtk_widget_get_visible (widget) ? "visible" : "hidden",
             gtk_widget_get_mapped (widget) ? "mapped" : "not mapped", width, height);
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("Screenshot: %s", path);

  return path;
}

void
display_test_two_writers_set_up (DisplayTestTwoWriters *f,
                                 gconstpointer          data)
{
  g_autoptr(GError) error = NULL;

  display_test_reset_settings ();

  f->store = display_test_new_store ();
  f->client = display_test_add_client (f->store, "北京华信科技有限公司", "HX");
  f->contract = display_test_add_draft_contract (f->store, f->client, "HT-2026-0001", "Office lease", 1200000);
  f->other = signet_store_new (signet_store_get_path (f->store), &error);
  g_assert_no_error (error);
}

void
display_test_two_writers_tear_down (DisplayTestTwoWriters *f,
                                    gconstpointer          data)
{
  display_test_destroy_windows ();
  g_clear_object (&f->contract);
  g_clear_object (&f->client);
  g_clear_object (&f->other);
  g_clear_object (&f->store);
}

void
display_test_select_contract (GtkWidget      *window,
                              SignetContract *contract)
{
  GtkWidget *table = display_test_find_type (window, SIGNET_TYPE_CONTRACT_TABLE);
  GtkWidget *view = display_test_find_type (table, GTK_TYPE_COLUMN_VIEW);
  SignetContractList *list = signet_contract_table_get_model (SIGNET_CONTRACT_TABLE (table));
  guint position = signet_contract_list_find (list, signet_contract_get_id (contract));
  GtkWidget *page;

  g_assert_cmpuint (position, !=, GTK_INVALID_LIST_POSITION);
  gtk_selection_model_select_item (gtk_column_view_get_model (GTK_COLUMN_VIEW (view)), position, TRUE);
  display_test_spin (20);
  page = display_test_find_type (window, SIGNET_TYPE_CONTRACT_PAGE);
  g_assert_nonnull (signet_contract_page_get_contract (SIGNET_CONTRACT_PAGE (page)));
}

GtkWidget *
display_test_find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) && gtk_widget_get_visible (window))
        return window;
    }

  return NULL;
}

gboolean
display_test_file_chooser_shown (gpointer data)
{
  return display_test_find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG) != NULL;
}

/* GTK's own chooser, which GtkFileDialog shows without a portal, is
 * driven through the GtkFileChooser calls GTK 4.10 deprecated for apps. */
gboolean
display_test_chooser_has_folder (gpointer chooser)
{
  g_autoptr(GFile) folder = NULL;

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  folder = gtk_file_chooser_get_current_folder (chooser);
  G_GNUC_END_IGNORE_DEPRECATIONS

  return folder != NULL;
}

static void
subprocess_waited_cb (GObject      *source,
                      GAsyncResult *result,
                      gpointer      data)
{
  gboolean *done = data;

  g_subprocess_wait_finish (G_SUBPROCESS (source), result, NULL);
  *done = TRUE;
}

gboolean
display_test_run_xdotool (const char * const *args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocess) process = NULL;
  gboolean done = FALSE;

  g_ptr_array_add (argv, (gpointer) "xdotool");
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);

  process = g_subprocess_newv ((const char * const *) argv->pdata, G_SUBPROCESS_FLAGS_STDOUT_SILENCE, NULL);
  if (process == NULL)
    return FALSE;
  g_subprocess_wait_async (process, NULL, subprocess_waited_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
  display_test_spin (100);

  return g_subprocess_get_if_exited (process) && g_subprocess_get_exit_status (process) == 0;
}

GtkWidget *
display_test_find_form_field (GtkWidget  *root,
                              const char *name)
{
  if (SIGNET_IS_CONFLICT_PANEL (root))
    return NULL;

  if (gtk_test_accessible_has_property (GTK_ACCESSIBLE (root), GTK_ACCESSIBLE_PROPERTY_LABEL) &&
      !GTK_IS_LABEL (root))
    {
      g_autofree char *mismatch = gtk_test_accessible_check_property (GTK_ACCESSIBLE (root),
                                                                      GTK_ACCESSIBLE_PROPERTY_LABEL, name);

      if (mismatch == NULL)
        return root;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = display_test_find_form_field (child, name);

      if (found != NULL)
        return found;
    }

  return NULL;
}

char *
display_test_find_x_window (const char *title)
{
  g_autofree char *xdotool = g_find_program_in_path ("xdotool");
  g_autofree char *out = NULL;
  const char *search[] = { "xdotool", "search", "--name", title, NULL };
  gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  if (xdotool == NULL)
    return NULL;

  /* The main loop runs between searches, so that GDK sends the window's
   * title and its mapping to the X server. */
  while (g_get_monotonic_time () < deadline)
    {
      g_clear_pointer (&out, g_free);
      display_test_spin (50);
      if (g_spawn_sync (NULL, (char **) search, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                        &out, NULL, NULL, NULL) &&
          out != NULL && *g_strstrip (out) != '\0' && strchr (out, '\n') == NULL)
        return g_steal_pointer (&out);
    }

  return NULL;
}

gboolean
display_test_can_type (const char *window_id,
                       const char *what)
{
  if (window_id != NULL)
    return TRUE;

  g_test_skip_printf ("xdotool is not installed or cannot find the window: it types %s for this test.", what);

  return FALSE;
}

gboolean
display_test_press_keys (const char *window_id,
                         const char *keys)
{
  g_auto(GStrv) names = g_strsplit (keys, " ", -1);
  g_autoptr(GPtrArray) args = g_ptr_array_new ();

  g_ptr_array_add (args, (gpointer) "windowfocus");
  g_ptr_array_add (args, (gpointer) "--sync");
  g_ptr_array_add (args, (gpointer) window_id);
  g_ptr_array_add (args, (gpointer) "key");
  g_ptr_array_add (args, (gpointer) "--delay");
  g_ptr_array_add (args, (gpointer) "50");
  for (guint i = 0; names[i] != NULL; i++)
    g_ptr_array_add (args, names[i]);
  g_ptr_array_add (args, NULL);

  return display_test_run_xdotool ((const char * const *) args->pdata);
}

gboolean
display_test_shows_visible_label (GtkWidget  *root,
                                  const char *text)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      if (!gtk_widget_get_visible (child))
        continue;
      if (GTK_IS_LABEL (child) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (child)), text) == 0)
        return TRUE;
      if (display_test_shows_visible_label (child, text))
        return TRUE;
    }

  return FALSE;
}

void
display_test_bind_build_catalog (void)
{
  bindtextdomain (GETTEXT_PACKAGE, SIGNET_TEST_LOCALE_DIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
}

GtkWidget *
display_test_find_row (GtkWidget  *root,
                       GType       type,
                       const char *title)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type) &&
      g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (root)), title) == 0)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = display_test_find_row (child, type, title);

      if (found != NULL)
        return found;
    }

  return NULL;
}

GtkWidget *
display_test_find_label (GtkWidget  *root,
                         const char *text)
{
  if (GTK_IS_LABEL (root) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (root)), text) == 0)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = display_test_find_label (child, text);

      if (found != NULL)
        return found;
    }

  return NULL;
}

GBytes *
display_test_read_corpus_file (const char *name)
{
  const char *corpus_dir = g_getenv ("SIGNET_PDF_CORPUS_DEFAULT_DIR");
  g_autofree char *path = g_build_filename (corpus_dir != NULL ? corpus_dir : "", name, NULL);
  char *contents = NULL;
  gsize length = 0;

  if (corpus_dir == NULL || !g_file_get_contents (path, &contents, &length, NULL))
    return NULL;

  return g_bytes_new_take (contents, length);
}
