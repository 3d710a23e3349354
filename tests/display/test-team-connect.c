/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <pwd.h>
#include <string.h>
#include <unistd.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "display-test-utils.h"
#include "pg-test-server.h"
#include "signet-connect-dialog.h"
#include "signet-db-pg.h"
#include "signet-team-register.h"
#include "signet-window.h"

/* "Connect to a Team Register…" from the main menu, against the tests' own
 * PostgreSQL server: the register opens in the window, which names it;
 * a wrong database name and a server that does not answer each keep the
 * dialog open with what was typed and say what to do. The addresses the
 * dialog and --database make: TLS for a server that is not local. The
 * messages are compared with their translation, so that the cases run in
 * any language (LANG=de_DE.UTF-8, zh_CN.UTF-8) for their screenshots. */

typedef struct
{
  SignetStore       *file_store;
  SignetTeamAddress *address;   /* of a register made on the server */
  GtkWidget         *window;
  GtkWidget         *dialog;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *uri = pg_test_server_new_database ("connect");
  g_autoptr(SignetStore) made = NULL;
  g_autoptr(GError) error = NULL;

  /* What the administrator's set-up leaves: a register in the database. */
  made = signet_store_new (uri, &error);
  g_assert_no_error (error);
  g_clear_object (&made);

  f->address = signet_team_address_parse (uri, NULL, &error);
  g_assert_no_error (error);
  f->address->port = pg_test_server_port ();

  f->file_store = display_test_new_store ();
  f->window = GTK_WIDGET (signet_window_new (NULL, f->file_store, NULL));
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1000, 700);
  display_test_show (GTK_WINDOW (f->window));

  g_assert_true (gtk_widget_activate_action (f->window, "win.connect-team-register", NULL));
  f->dialog = display_test_find_type (f->window, SIGNET_TYPE_CONNECT_DIALOG);
  g_assert_nonnull (f->dialog);
  display_test_spin (100);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  display_test_destroy_windows ();
  g_clear_object (&f->file_store);
  signet_team_address_free (f->address);
}

static GtkWidget *
child (Fixture    *f,
       const char *name)
{
  return GTK_WIDGET (gtk_widget_get_template_child (f->dialog, SIGNET_TYPE_CONNECT_DIALOG, name));
}

static void
fill_in (Fixture    *f,
         const char *server,
         const char *database,
         const char *password)
{
  gtk_editable_set_text (GTK_EDITABLE (child (f, "server_row")), server);
  gtk_editable_set_text (GTK_EDITABLE (child (f, "database_row")), database);
  gtk_editable_set_text (GTK_EDITABLE (child (f, "user_row")), f->address->user);
  gtk_editable_set_text (GTK_EDITABLE (child (f, "password_row")), password);
}

static char *
server_text (Fixture *f)
{
  return g_strdup_printf ("%s:%d", f->address->server, f->address->port);
}

static void
click_connect (Fixture *f)
{
  GtkWidget *button = child (f, "connect_button");

  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
}

static gboolean
error_shown (gpointer data)
{
  Fixture *f = data;

  return gtk_widget_get_visible (child (f, "error_group")) &&
         g_str_equal (gtk_stack_get_visible_child_name (GTK_STACK (child (f, "connect_stack"))), "button");
}

static gboolean
dialog_closed (gpointer data)
{
  Fixture *f = data;

  return display_test_find_type (f->window, SIGNET_TYPE_CONNECT_DIALOG) == NULL;
}

static const char *
subtitle (Fixture *f)
{
  GtkWidget *title = display_test_find_type (f->window, ADW_TYPE_WINDOW_TITLE);

  return adw_window_title_get_subtitle (ADW_WINDOW_TITLE (title));
}

/* A label under @root whose text starts with @prefix, or NULL. */
static GtkWidget *
find_label_starting (GtkWidget  *root,
                     const char *prefix)
{
  if (GTK_IS_LABEL (root) && g_str_has_prefix (gtk_label_get_text (GTK_LABEL (root)), prefix))
    return root;

  for (GtkWidget *widget = gtk_widget_get_first_child (root); widget != NULL;
       widget = gtk_widget_get_next_sibling (widget))
    {
      GtkWidget *found = find_label_starting (widget, prefix);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static void
save_screenshot (Fixture    *f,
                 const char *what)
{
  const char *lang = g_getenv ("LANG");
  g_autofree char *name = g_strdup_printf ("team-connect-%s-%s", what,
                                           lang != NULL && *lang != '\0' ? lang : "C");

  /* The entry rows' titles move up over their text in an animation. */
  display_test_spin (400);
  g_free (display_test_save_screenshot (f->window, name));
}

static void
test_opens_register (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *server = server_text (f);
  g_autofree char *expected = g_strdup_printf (C_("team register", "%s on %s"),
                                               f->address->database, f->address->server);
  g_autofree char *toast = g_strdup (_("The password could not be kept in the keyring: %s"));
  g_autofree char *kept = NULL;
  g_autoptr(GError) keyring_error = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SignetTeamAddress) address = NULL;
  g_autofree char *password_file = NULL;
  g_autofree char *contents = NULL;
  GStatBuf info;
  SignetStore *store;

  fill_in (f, server, f->address->database, "secret");
  save_screenshot (f, "filled");
  click_connect (f);
  g_assert_true (display_test_wait_for (dialog_closed, f));

  /* The window shows the team register and names it: its database and
   * server, never its address (which holds the password). */
  store = signet_window_get_store (SIGNET_WINDOW (f->window));
  g_assert_true (store != f->file_store);
  g_assert_true (g_str_has_prefix (signet_store_get_path (store), "postgresql://"));
  g_assert_cmpstr (subtitle (f), ==, expected);

  /* The password is not in the address, which messages and printed pages
   * may show, but in a file that only the user may read. */
  g_assert_null (strstr (signet_store_get_path (store), "secret"));
  address = signet_team_address_parse (signet_store_get_path (store), NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (address->parameters);
  g_assert_true (g_str_has_prefix (address->parameters, "passfile="));
  password_file = g_uri_unescape_string (address->parameters + strlen ("passfile="), NULL);
  g_assert_true (g_file_get_contents (password_file, &contents, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (contents, ==, "*:*:*:*:secret\n");
  g_assert_cmpint (g_stat (password_file, &info), ==, 0);
  g_assert_cmpint (info.st_mode & 0777, ==, 0600);
  g_assert_cmpint (signet_store_count_contracts (store), ==, 0);

  /* "Remember Password" was on: the password is in the keyring, or,
   * where there is none (as under meson test), a toast says it could not
   * be kept and the register is open all the same. */
  kept = signet_team_password_lookup (f->address, &keyring_error);
  *strchr (toast, '%') = '\0';
  if (g_strcmp0 (kept, "secret") != 0)
    g_assert_nonnull (find_label_starting (f->window, toast));

}

/* The server's source file and line, which the verbose form of its
 * message carries under a heading in libpq's language, are no business
 * of the user's. */
static void
assert_no_source_location (Fixture *f)
{
  const char *detail = gtk_label_get_text (GTK_LABEL (child (f, "error_detail")));

  g_assert_false (g_regex_match_simple ("[a-z_]+\\.c:[0-9]+", detail, 0, 0));
}

/* The page's explanation is said once: the small print below it is what
 * the server said, not the explanation again. */
static void
assert_detail_is_the_servers (Fixture *f)
{
  const char *detail = gtk_label_get_text (GTK_LABEL (child (f, "error_detail")));

  g_assert_true (gtk_widget_get_visible (child (f, "error_detail")));
  g_assert_cmpstr (detail, !=, "");
  g_assert_null (strstr (detail, "Check the database name"));
  g_assert_null (strstr (detail, "The server said:"));
  g_assert_nonnull (strstr (detail, "no_such_register"));
}

static void
test_no_database (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *server = server_text (f);

  fill_in (f, server, "no_such_register", "secret");
  click_connect (f);
  g_assert_true (display_test_wait_for (error_shown, f));

  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (child (f, "error_title"))), ==, _("No Such Database"));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (child (f, "error_advice"))), "“no_such_register”"));
  assert_no_source_location (f);
  assert_detail_is_the_servers (f);
  /* Still on the dialog, with what was typed, and the window unchanged. */
  g_assert_true (display_test_find_type (f->window, SIGNET_TYPE_CONNECT_DIALOG) == f->dialog);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (child (f, "database_row"))), ==, "no_such_register");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (child (f, "server_row"))), ==, server);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (child (f, "password_row"))), ==, "secret");
  g_assert_true (signet_window_get_store (SIGNET_WINDOW (f->window)) == f->file_store);
  save_screenshot (f, "no-database");

  /* Corrected, it connects. */
  gtk_editable_set_text (GTK_EDITABLE (child (f, "database_row")), f->address->database);
  click_connect (f);
  g_assert_true (display_test_wait_for (dialog_closed, f));
  g_assert_true (g_str_has_prefix (signet_store_get_path (signet_window_get_store (SIGNET_WINDOW (f->window))),
                                   "postgresql://"));
}

static void
test_unreachable (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *folder = g_dir_make_tmp ("no-server-XXXXXX", NULL);

  /* A socket folder where no server listens. */
  fill_in (f, folder, f->address->database, "");
  click_connect (f);
  g_assert_true (display_test_wait_for (error_shown, f));

  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (child (f, "error_title"))), ==,
                   _("The Server Could Not Be Reached"));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (child (f, "error_advice"))), folder));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (child (f, "server_row"))), ==, folder);
  g_assert_true (signet_window_get_store (SIGNET_WINDOW (f->window)) == f->file_store);
  save_screenshot (f, "unreachable");

  /* Nothing typed: said before trying. */
  fill_in (f, "", "", "");
  click_connect (f);
  g_assert_true (error_shown (f));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (child (f, "error_title"))), ==, _("Check What You Typed"));

  g_rmdir (folder);
}

static void
admin_exec (const char *sql)
{
  g_autoptr(GError) error = NULL;
  SignetDb *admin = signet_db_pg_open (pg_test_server_admin_uri (), &error);

  g_assert_no_error (error);
  g_assert_cmpint (signet_db_exec (admin, sql), ==, SIGNET_DB_OK);
  signet_db_close (admin);
}

/* The register's owner must give a password (SCRAM, through a pg_hba.conf
 * of the test's own, read at a restart): a wrong one is explained in the
 * dialog; the right one opens the register, read by libpq from the
 * password file that the store's address names. */
static void
test_password (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *server = server_text (f);
  g_autofree char *hba = g_build_filename (pg_test_server_socket_dir (), "team-connect-hba.conf", NULL);
  g_autofree char *rules = g_strdup_printf ("local all \"%s\" scram-sha-256\nlocal all all trust\n",
                                            f->address->user);
  g_autofree char *set_password = g_strdup_printf ("ALTER ROLE \"%s\" PASSWORD 'right:pass\\word'",
                                                   f->address->user);
  g_autofree char *set_hba = g_strdup_printf ("ALTER SYSTEM SET hba_file = '%s'", hba);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (hba, rules, -1, &error);
  g_assert_no_error (error);
  admin_exec (set_password);
  admin_exec (set_hba);
  pg_test_server_restart ();

  fill_in (f, server, f->address->database, "wrong");
  click_connect (f);
  g_assert_true (display_test_wait_for (error_shown, f));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (child (f, "error_title"))), ==,
                   _("Wrong User Name or Password"));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (child (f, "error_advice"))), f->address->user));
  assert_no_source_location (f);
  /* libpq read the password from the app's file, which says nothing to
   * the user: its note is left out. */
  g_assert_null (strstr (gtk_label_get_text (GTK_LABEL (child (f, "error_detail"))), "pgpass"));
  g_assert_true (signet_window_get_store (SIGNET_WINDOW (f->window)) == f->file_store);
  save_screenshot (f, "wrong-password");

  /* A colon and a backslash, which a password file escapes. */
  gtk_editable_set_text (GTK_EDITABLE (child (f, "password_row")), "right:pass\\word");
  click_connect (f);
  g_assert_true (display_test_wait_for (dialog_closed, f));
  g_assert_true (g_str_has_prefix (signet_store_get_path (signet_window_get_store (SIGNET_WINDOW (f->window))),
                                   "postgresql://"));

  /* The server as the other cases expect it. */
  admin_exec ("ALTER SYSTEM RESET hba_file");
  pg_test_server_restart ();
  g_unlink (hba);
}

/* Whether @widget is a banner on screen that says the connection is lost. */
static gboolean
is_shown_connection_banner (GtkWidget *widget)
{
  return ADW_IS_BANNER (widget) && gtk_widget_get_mapped (widget) && adw_banner_get_revealed (ADW_BANNER (widget)) &&
         g_str_equal (adw_banner_get_title (ADW_BANNER (widget)),
                      _("Connection to the team register lost. Reconnecting…"));
}

/* The first such banner under @root, or NULL. */
static GtkWidget *
shown_connection_banner (GtkWidget *root)
{
  if (is_shown_connection_banner (root))
    return root;

  for (GtkWidget *widget = gtk_widget_get_first_child (root); widget != NULL;
       widget = gtk_widget_get_next_sibling (widget))
    {
      GtkWidget *found = shown_connection_banner (widget);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static guint
count_shown_connection_banners (GtkWidget *root)
{
  guint count = is_shown_connection_banner (root) ? 1 : 0;

  for (GtkWidget *widget = gtk_widget_get_first_child (root); widget != NULL;
       widget = gtk_widget_get_next_sibling (widget))
    count += count_shown_connection_banners (widget);

  return count;
}

static gboolean
banner_revealed (gpointer data)
{
  Fixture *f = data;

  return shown_connection_banner (f->window) != NULL;
}

static gboolean
banner_hidden (gpointer data)
{
  return !banner_revealed (data);
}

/* The banner is under the header bar of the page it is on, as a GNOME
 * window's banners are, not above it, and said once. */
static void
assert_banner_under_header_bar (Fixture *f)
{
  GtkWidget *banner = shown_connection_banner (f->window);
  GtkWidget *toolbar_view = gtk_widget_get_ancestor (banner, ADW_TYPE_TOOLBAR_VIEW);
  GtkWidget *header_bar = toolbar_view != NULL ? display_test_find_type (toolbar_view, ADW_TYPE_HEADER_BAR) : NULL;
  graphene_rect_t banner_bounds;
  graphene_rect_t header_bounds;

  g_assert_cmpuint (count_shown_connection_banners (f->window), ==, 1);
  g_assert_nonnull (toolbar_view);
  g_assert_nonnull (header_bar);
  g_assert_true (gtk_widget_compute_bounds (banner, f->window, &banner_bounds));
  g_assert_true (gtk_widget_compute_bounds (header_bar, f->window, &header_bounds));
  g_assert_cmpfloat (banner_bounds.origin.y, >=, header_bounds.origin.y + header_bounds.size.height - 0.5);
}

static gboolean
overview_computed (gpointer data)
{
  Fixture *f = data;
  GtkWidget *label = display_test_find_label (f->window, _("The Overview Could Not Be Computed"));

  return label == NULL || !gtk_widget_get_mapped (label);
}

/* A signed contract of @client, in force from @start to @end, on the
 * register of @store. */
static SignetContract *
add_dated_contract (SignetStore  *store,
                    SignetClient *client,
                    const char   *number,
                    const char   *title,
                    gint64        value,
                    const char   *start,
                    const char   *end)
{
  SignetContract *contract = signet_contract_new ();
  g_autoptr(GError) error = NULL;

  signet_contract_set_number (contract, number);
  signet_contract_set_title (contract, title);
  signet_contract_set_client_id (contract, signet_client_get_id (client));
  signet_contract_set_currency (contract, "CNY");
  signet_contract_set_value (contract, value);
  signet_contract_set_start_date (contract, start);
  signet_contract_set_end_date (contract, end);
  signet_contract_set_status (contract, SIGNET_CONTRACT_STATUS_ACTIVE);
  signet_store_add_contract (store, contract, &error);
  g_assert_no_error (error);

  return contract;
}

/* The server stops under the window: the banner shows, under the header
 * bar, until the server is back and the store has connected again; a
 * file register never shows it. Beside the list and over the contract
 * alone when they are one page at a time. */
static void
test_banner (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *server = server_text (f);
  g_autofree char *uri = signet_team_address_to_uri (f->address);
  g_autoptr(SignetStore) writer = NULL;
  g_autoptr(SignetClient) client = NULL;
  g_autoptr(SignetContract) contract = NULL;
  g_autoptr(GError) error = NULL;
  SignetStore *store;

  writer = signet_store_new (uri, &error);
  g_assert_no_error (error);
  client = display_test_add_client (writer, "华东建设集团", "HD");
  contract = add_dated_contract (writer, client, "HT-2026-0001", "施工合同", 178200000,
                                 "2026-03-01", "2027-02-28");
  g_object_unref (add_dated_contract (writer, client, "HT-2026-0002", "Office lease", 24000000,
                                      "2026-01-01", "2028-12-31"));
  g_clear_object (&writer);
  /* Wide enough for the list's value column beside the contract. */
  display_test_resize (GTK_WINDOW (f->window), 1200, 700);

  g_assert_false (banner_revealed (f));
  fill_in (f, server, f->address->database, "");
  click_connect (f);
  g_assert_true (display_test_wait_for (dialog_closed, f));
  store = signet_window_get_store (SIGNET_WINDOW (f->window));
  g_assert_false (banner_revealed (f));
  display_test_select_contract (f->window, contract);

  pg_test_server_stop ();
  g_assert_true (display_test_wait_for (banner_revealed, f));
  save_screenshot (f, "banner");
  assert_banner_under_header_bar (f);

  /* One pane at a time: the contract's page has the banner too. */
  display_test_resize (GTK_WINDOW (f->window), 600, 700);
  display_test_spin (300);
  g_assert_true (display_test_wait_for (banner_revealed, f));
  save_screenshot (f, "banner-narrow");
  assert_banner_under_header_bar (f);

  /* Phone-sized, back on the list, which names the register. */
  display_test_resize (GTK_WINDOW (f->window), 360, 700);
  adw_navigation_split_view_set_show_content (ADW_NAVIGATION_SPLIT_VIEW (display_test_find_type (f->window,
                                                                                                 ADW_TYPE_NAVIGATION_SPLIT_VIEW)),
                                              FALSE);
  display_test_spin (300);
  g_assert_true (display_test_wait_for (banner_revealed, f));
  save_screenshot (f, "banner-phone");
  assert_banner_under_header_bar (f);

  /* The Overview, a page of its own with its own header bar. */
  display_test_resize (GTK_WINDOW (f->window), 1200, 700);
  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (display_test_find_type (f->window, ADW_TYPE_VIEW_STACK)),
                                         "overview");
  display_test_spin (300);
  g_assert_true (display_test_wait_for (banner_revealed, f));
  save_screenshot (f, "banner-overview");
  assert_banner_under_header_bar (f);
  g_assert_false (overview_computed (f));

  pg_test_server_resume ();
  g_assert_true (display_test_wait_for (banner_hidden, f));
  /* What could not be computed while the server was away is, once it is
   * back. */
  g_assert_true (display_test_wait_for (overview_computed, f));
  g_assert_true (signet_window_get_store (SIGNET_WINDOW (f->window)) == store);
  g_assert_cmpint (signet_store_count_contracts (store), ==, 2);
}

/* A register with no contracts yet shows a page of its own over the whole
 * window: the banner is under its header bar. */
static void
test_banner_empty (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *server = server_text (f);

  fill_in (f, server, f->address->database, "");
  click_connect (f);
  g_assert_true (display_test_wait_for (dialog_closed, f));
  g_assert_true (display_test_shows_visible_label (f->window, _("No Contracts Yet")));

  pg_test_server_stop ();
  g_assert_true (display_test_wait_for (banner_revealed, f));
  save_screenshot (f, "banner-empty");
  assert_banner_under_header_bar (f);

  pg_test_server_resume ();
  g_assert_true (display_test_wait_for (banner_hidden, f));
}

/* A certificate made by openssl in @folder for @subject (and an IP
 * address as its other name), self-signed: its own authority. The key is
 * the server's user's, readable by it alone, as the server demands. */
static void
make_certificate (const char *folder,
                  const char *name,
                  const char *subject,
                  const char *ip_address)
{
  g_autofree char *key = g_strdup_printf ("%s/%s.key", folder, name);
  g_autofree char *cert = g_strdup_printf ("%s/%s.crt", folder, name);
  g_autofree char *san = g_strdup_printf ("subjectAltName=IP:%s", ip_address);
  g_autoptr(GSubprocess) openssl = NULL;
  g_autoptr(GError) error = NULL;

  openssl = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE | G_SUBPROCESS_FLAGS_STDERR_SILENCE,
                              &error, "openssl", "req", "-x509", "-newkey", "ec",
                              "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
                              "-keyout", key, "-out", cert, "-days", "2", "-subj", subject,
                              "-addext", san, NULL);
  g_assert_no_error (error);
  g_subprocess_wait_check (openssl, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_chmod (key, 0600), ==, 0);
  if (geteuid () == 0)
    {
      struct passwd *pw = getpwnam ("postgres");

      g_assert_nonnull (pw);
      g_assert_cmpint (chown (key, pw->pw_uid, pw->pw_gid), ==, 0);
    }
}

/* A loopback address of the 127.0.0.0/8 block other than 127.0.0.1, free
 * on the server's port: the dialog takes it for another computer (TLS,
 * verified), and another test program listening at once is unlikely to
 * have picked it. */
static char *
free_loopback_address (int port)
{
  for (int tries = 0; tries < 20; tries++)
    {
      g_autofree char *text = g_strdup_printf ("127.%d.%d.%d", g_random_int_range (1, 255),
                                               g_random_int_range (0, 256), g_random_int_range (1, 255));
      g_autoptr(GInetAddress) inet = g_inet_address_new_from_string (text);
      g_autoptr(GSocketAddress) address = g_inet_socket_address_new (inet, port);
      g_autoptr(GSocket) socket = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM,
                                                G_SOCKET_PROTOCOL_TCP, NULL);

      if (socket != NULL && g_socket_bind (socket, address, FALSE, NULL))
        return g_steal_pointer (&text);
    }
  g_assert_not_reached ();
}

static gint64
tls_connections_to (const char *database)
{
  g_autoptr(GError) error = NULL;
  SignetDb *admin = signet_db_pg_open (pg_test_server_admin_uri (), &error);
  SignetDbStmt *stmt = NULL;
  gint64 count;

  g_assert_no_error (error);
  g_assert_cmpint (signet_db_prepare (admin,
                                      "SELECT count(*) FROM pg_stat_ssl JOIN pg_stat_activity USING (pid)"
                                      " WHERE ssl AND datname = $1",
                                      FALSE, &stmt), ==, SIGNET_DB_OK);
  g_assert_cmpint (signet_db_bind_text (stmt, 1, database), ==, SIGNET_DB_OK);
  g_assert_cmpint (signet_db_step (stmt), ==, SIGNET_DB_ROW);
  count = signet_db_column_int64 (stmt, 0);
  signet_db_finalize (stmt);
  signet_db_close (admin);
  return count;
}

/* A server that is not this computer is reached with TLS and its
 * certificate verified (sslmode=verify-full): without a root certificate,
 * or signed by an authority that the user's root certificate is not, it
 * stops the connection with a page of its own, which says what to ask the administrator for; given the
 * authority's certificate, the same fields connect, over TLS. The tests'
 * server listens for this on a loopback address other than 127.0.0.1,
 * with TLS on, from a certificate made here. */
static void
test_bad_certificate (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *openssl_path = g_find_program_in_path ("openssl");
  const char *folder = pg_test_server_socket_dir ();
  g_autofree char *address = NULL;
  g_autofree char *server = NULL;
  g_autofree char *subject = NULL;
  g_autofree char *hba = g_build_filename (folder, "team-connect-tls-hba.conf", NULL);
  g_autofree char *server_cert = g_build_filename (folder, "team-connect-server.crt", NULL);
  g_autofree char *server_key = g_build_filename (folder, "team-connect-server.key", NULL);
  g_autofree char *other_cert = g_build_filename (folder, "team-connect-other.crt", NULL);
  g_autofree char *other_key = g_build_filename (folder, "team-connect-other.key", NULL);
  g_autofree char *missing_cert = g_build_filename (folder, "team-connect-none.crt", NULL);
  g_autofree char *set_cert = NULL;
  g_autofree char *set_key = NULL;
  g_autofree char *set_listen = NULL;
  g_autofree char *set_hba = NULL;
  g_autoptr(GError) error = NULL;
  const char *path;

  if (openssl_path == NULL)
    {
      g_test_skip ("openssl is not installed: it makes the server's certificate");
      return;
    }

  address = free_loopback_address (pg_test_server_port ());
  server = g_strdup_printf ("%s:%d", address, pg_test_server_port ());
  subject = g_strdup_printf ("/CN=%s", address);
  make_certificate (folder, "team-connect-server", subject, address);
  make_certificate (folder, "team-connect-other", "/CN=Another Authority", address);

  /* Trust over TLS from the loopback block: the certificate is what is
   * looked at here, not the password. */
  g_file_set_contents (hba, "local all all trust\nhostssl all all 127.0.0.0/8 trust\n", -1, &error);
  g_assert_no_error (error);
  set_cert = g_strdup_printf ("ALTER SYSTEM SET ssl_cert_file = '%s'", server_cert);
  set_key = g_strdup_printf ("ALTER SYSTEM SET ssl_key_file = '%s'", server_key);
  set_listen = g_strdup_printf ("ALTER SYSTEM SET listen_addresses = '%s'", address);
  set_hba = g_strdup_printf ("ALTER SYSTEM SET hba_file = '%s'", hba);
  admin_exec (set_cert);
  admin_exec (set_key);
  admin_exec (set_listen);
  admin_exec (set_hba);
  admin_exec ("ALTER SYSTEM SET ssl = on");
  pg_test_server_restart ();

  /* No root certificate yet: the same page, which says where it goes. */
  g_setenv ("PGSSLROOTCERT", missing_cert, TRUE);
  fill_in (f, server, f->address->database, "");
  click_connect (f);
  g_assert_true (display_test_wait_for (error_shown, f));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (child (f, "error_title"))), ==,
                   _("The Server’s Identity Could Not Be Verified"));
  g_assert_true (signet_window_get_store (SIGNET_WINDOW (f->window)) == f->file_store);
  g_test_message ("no root certificate: %s", gtk_label_get_text (GTK_LABEL (child (f, "error_detail"))));

  /* The user's root certificate is another authority's. */
  g_setenv ("PGSSLROOTCERT", other_cert, TRUE);
  click_connect (f);
  g_assert_true (display_test_wait_for (error_shown, f));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (child (f, "error_title"))), ==,
                   _("The Server’s Identity Could Not Be Verified"));
  g_assert_true (display_test_shows_visible_label (f->dialog, _("The Server’s Identity Could Not Be Verified")));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (child (f, "error_advice"))), address));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (child (f, "error_advice"))), "root.crt"));
  g_assert_true (signet_window_get_store (SIGNET_WINDOW (f->window)) == f->file_store);
  g_assert_cmpint (tls_connections_to (f->address->database), ==, 0);
  g_test_message ("another authority: %s", gtk_label_get_text (GTK_LABEL (child (f, "error_detail"))));
  save_screenshot (f, "bad-certificate");

  /* The authority's certificate, as the administrator gives it. */
  g_setenv ("PGSSLROOTCERT", server_cert, TRUE);
  click_connect (f);
  g_assert_true (display_test_wait_for (dialog_closed, f));
  path = signet_store_get_path (signet_window_get_store (SIGNET_WINDOW (f->window)));
  g_assert_nonnull (strstr (path, "sslmode=verify-full"));
  g_assert_cmpint (tls_connections_to (f->address->database), >, 0);

  /* The server as the other cases expect it, with nobody connected over
   * TCP. */
  display_test_destroy_windows ();
  g_unsetenv ("PGSSLROOTCERT");
  admin_exec ("ALTER SYSTEM RESET ssl");
  admin_exec ("ALTER SYSTEM RESET ssl_cert_file");
  admin_exec ("ALTER SYSTEM RESET ssl_key_file");
  admin_exec ("ALTER SYSTEM RESET listen_addresses");
  admin_exec ("ALTER SYSTEM RESET hba_file");
  pg_test_server_restart ();
  for (const char *const *file = (const char *const[]) { hba, server_cert, server_key, other_cert, other_key, NULL };
       *file != NULL; file++)
    g_unlink (*file);
}

/* signet --database=postgresql://… opens the team register: its first
 * frame shows the contract made on the server. The password given in the
 * address went to a password file, which is gone once signet ends. */
static void
test_command_line (void)
{
  g_autofree char *uri = pg_test_server_new_database ("command_line");
  g_autofree char *option = g_strconcat ("--database=", uri, "&password=secret", NULL);
  g_autofree char *runtime = g_dir_make_tmp ("runtime-XXXXXX", NULL);
  g_autofree char *folder = g_build_filename (runtime, "signet", NULL);
  g_autoptr(GDir) dir = NULL;
  const char * const argv[] = { SIGNET_BINARY, option, NULL };
  g_autoptr(SignetStore) store = NULL;
  g_autoptr(SignetClient) client = NULL;
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE);
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;

  store = signet_store_new (uri, &error);
  g_assert_no_error (error);
  client = display_test_add_client (store, "华东建设", "HD");
  g_object_unref (display_test_add_contract (store, client, "HT-2026-0001", "施工合同", 100));
  g_clear_object (&store);

  g_subprocess_launcher_setenv (launcher, "SIGNET_EXIT_AFTER_FIRST_FRAME", "1", TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_RUNTIME_DIR", runtime, TRUE);
  /* The system's icon loaders and MIME database, as the user's app has. */
  if (display_test_system_data_dirs () != NULL)
    g_subprocess_launcher_setenv (launcher, "XDG_DATA_DIRS", display_test_system_data_dirs (), TRUE);
  else
    g_subprocess_launcher_unsetenv (launcher, "XDG_DATA_DIRS");
  process = g_subprocess_launcher_spawnv (launcher, argv, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, &out, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_subprocess_get_exit_status (process), ==, 0);
  g_assert_cmpstr (out, ==, "first-frame contracts=1\n");

  dir = g_dir_open (folder, 0, &error);
  g_assert_no_error (error);
  g_assert_null (g_dir_read_name (dir));
  g_rmdir (folder);
  g_rmdir (runtime);
}

/* The addresses made from what the dialog asks and from --database. */
static void
test_addresses (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SignetTeamAddress) remote = NULL;
  g_autoptr(SignetTeamAddress) local = NULL;
  g_autoptr(SignetTeamAddress) socket = NULL;
  g_autoptr(SignetTeamAddress) ipv6 = NULL;
  g_autoptr(SignetTeamAddress) parsed = NULL;
  g_autoptr(SignetTeamAddress) again = NULL;
  g_autofree char *password = NULL;
  g_autofree char *uri = NULL;
  g_autofree char *with_password = NULL;

  remote = signet_team_address_new ("db.example.com:5433", "contracts", "ana", &error);
  g_assert_no_error (error);
  g_assert_false (signet_team_address_is_local (remote));
  uri = signet_team_address_to_uri (remote);
  g_assert_cmpstr (uri, ==, "postgresql://ana@db.example.com:5433/contracts?sslmode=verify-full");

  /* Read back from --database: the same register, the password apart. */
  with_password = g_strconcat (uri, "&password=p%26ss%20w%C3%B6rd", NULL);
  parsed = signet_team_address_parse (with_password, &password, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (password, ==, "p&ss wörd");
  g_assert_cmpstr (parsed->server, ==, "db.example.com");
  g_assert_cmpint (parsed->port, ==, 5433);
  g_assert_cmpstr (parsed->database, ==, "contracts");
  g_assert_cmpstr (parsed->user, ==, "ana");
  g_clear_pointer (&uri, g_free);
  uri = signet_team_address_to_uri (parsed);
  g_assert_cmpstr (uri, ==, "postgresql://ana@db.example.com:5433/contracts?sslmode=verify-full");

  /* An sslmode given is kept, and other parameters too. */
  again = signet_team_address_parse ("postgresql://ana@db.example.com/contracts?sslmode=require&connect_timeout=5",
                                     NULL, &error);
  g_assert_no_error (error);
  g_clear_pointer (&uri, g_free);
  uri = signet_team_address_to_uri (again);
  g_assert_cmpstr (uri, ==, "postgresql://ana@db.example.com/contracts?sslmode=require&connect_timeout=5");

  /* This computer: no TLS asked for. */
  local = signet_team_address_new ("localhost", "contracts", "ana", &error);
  g_assert_no_error (error);
  g_assert_true (signet_team_address_is_local (local));
  g_clear_pointer (&uri, g_free);
  uri = signet_team_address_to_uri (local);
  g_assert_cmpstr (uri, ==, "postgresql://ana@localhost/contracts");

  socket = signet_team_address_new ("/run/postgresql:5434", "合同", "ana", &error);
  g_assert_no_error (error);
  g_assert_true (signet_team_address_is_local (socket));
  g_clear_pointer (&uri, g_free);
  uri = signet_team_address_to_uri (socket);
  g_assert_cmpstr (uri, ==, "postgresql://ana@/%E5%90%88%E5%90%8C?host=%2Frun%2Fpostgresql&port=5434");

  ipv6 = signet_team_address_new ("[::1]:5435", "contracts", "ana", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ipv6->server, ==, "::1");
  g_assert_cmpint (ipv6->port, ==, 5435);
  g_assert_true (signet_team_address_is_local (ipv6));

  g_assert_null (signet_team_address_new ("db.example.com:http", "contracts", "ana", &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);
  g_assert_null (signet_team_address_new ("db.example.com", "", "ana", &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
}

typedef struct
{
  const char *name;
  const char *locale;
  void      (*func) (Fixture *f, gconstpointer data);
} LocaleCase;

/* The server's refusals, whose words libpq gives in the user's language. */
static const LocaleCase locale_cases[] = {
  { "no-database", "zh_CN.UTF-8", test_no_database },
  { "password", "zh_CN.UTF-8", test_password },
  { "password", "de_DE.UTF-8", test_password },
};

/* The same in another language, in a child process: libpq's words are in
 * it too. */
static void
test_in_locale (gconstpointer data)
{
  const LocaleCase *c = data;
  Fixture f = { 0, };

  if (!g_test_subprocess ())
    {
      display_test_run_in_locale (c->locale);
      return;
    }

  if (g_str_has_prefix (c->locale, "zh_CN") ? !display_test_child_speaks_chinese ()
                                            : !display_test_child_in_locale (c->locale, LC_MESSAGES))
    return;

  fixture_set_up (&f, NULL);
  c->func (&f, NULL);
  fixture_tear_down (&f, NULL);
}

/* The app's style, as AdwApplication loads it, for the screenshots. */
static void
load_style (void)
{
  g_autoptr(GtkCssProvider) provider = gtk_css_provider_new ();

  gtk_css_provider_load_from_resource (provider, RESOURCE_PREFIX "/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
}

int
main (int    argc,
      char **argv)
{
  display_test_init (&argc, &argv);
  display_test_bind_build_catalog ();
  load_style ();

  g_test_add_func ("/team-connect/addresses", test_addresses);
  g_test_add ("/team-connect/opens-register", Fixture, NULL, fixture_set_up, test_opens_register, fixture_tear_down);
  g_test_add ("/team-connect/no-database", Fixture, NULL, fixture_set_up, test_no_database, fixture_tear_down);
  g_test_add ("/team-connect/unreachable", Fixture, NULL, fixture_set_up, test_unreachable, fixture_tear_down);
  g_test_add ("/team-connect/banner", Fixture, NULL, fixture_set_up, test_banner, fixture_tear_down);
  g_test_add ("/team-connect/banner-empty", Fixture, NULL, fixture_set_up, test_banner_empty, fixture_tear_down);
  g_test_add ("/team-connect/password", Fixture, NULL, fixture_set_up, test_password, fixture_tear_down);
  g_test_add ("/team-connect/bad-certificate", Fixture, NULL, fixture_set_up, test_bad_certificate,
              fixture_tear_down);
  g_test_add_func ("/team-connect/command-line", test_command_line);

  for (guint i = 0; i < G_N_ELEMENTS (locale_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/team-connect/%s/%s", locale_cases[i].name,
                                               locale_cases[i].locale);

      g_test_add_data_func (path, &locale_cases[i], test_in_locale);
    }

  return g_test_run ();
}
