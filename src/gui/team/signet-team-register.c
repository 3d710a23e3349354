/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "signet-team-register"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <libpq-fe.h>
#include <libsecret/secret.h>

#include "signet-db-pg.h"
#include "signet-team-register.h"

/* The keyring entry of a team register's password. Inside the Flatpak
 * libsecret notices the sandbox by itself and goes through the Secret
 * portal, which keeps the secret in the app's own encrypted file: the
 * calls below are the same in and out of it. */
static const SecretSchema team_register_schema = {
  "io.github.signetapp.Signet.TeamRegister", SECRET_SCHEMA_NONE,
  {
    { "server", SECRET_SCHEMA_ATTRIBUTE_STRING },
    { "port", SECRET_SCHEMA_ATTRIBUTE_INTEGER },
    { "database", SECRET_SCHEMA_ATTRIBUTE_STRING },
    { "user", SECRET_SCHEMA_ATTRIBUTE_STRING },
    { NULL, 0 },
  },
  0, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
};

#define DEFAULT_PORT 5432

void
signet_team_address_free (SignetTeamAddress *address)
{
  if (address == NULL)
    return;

  g_free (address->server);
  g_free (address->database);
  g_free (address->user);
  g_free (address->sslmode);
  g_free (address->parameters);
  g_free (address);
}

static gboolean
parse_port (const char  *text,
            int         *port,
            GError     **error)
{
  guint64 value;

  if (!g_ascii_string_to_unsigned (text, 10, 1, 65535, &value, NULL))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("The port “%s” is not a number from 1 to 65535."), text);
      return FALSE;
    }
  *port = (int) value;
  return TRUE;
}

SignetTeamAddress *
signet_team_address_new (const char  *server,
                         const char  *database,
                         const char  *user,
                         GError     **error)
{
  g_autoptr(SignetTeamAddress) address = g_new0 (SignetTeamAddress, 1);
  g_autofree char *host = g_strstrip (g_strdup (server != NULL ? server : ""));
  char *colon = NULL;

  if (host[0] == '\0' || database == NULL || *database == '\0' || user == NULL || *user == '\0')
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                           _("Fill in the server, the database and the user name."));
      return NULL;
    }

  /* "[::1]:5433", "db.example.com:5433", "/run/postgresql:5433"; a bare
   * IPv6 address has colons and no port. */
  if (host[0] == '[')
    {
      char *end = strchr (host, ']');

      if (end == NULL || (end[1] != '\0' && end[1] != ':'))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                       _("The server “%s” is not a name, an address or a folder."), host);
          return NULL;
        }
      if (end[1] == ':' && !parse_port (end + 2, &address->port, error))
        return NULL;
      *end = '\0';
      memmove (host, host + 1, strlen (host + 1) + 1);
    }
  else if ((colon = strchr (host, ':')) != NULL && colon == strrchr (host, ':'))
    {
      if (!parse_port (colon + 1, &address->port, error))
        return NULL;
      *colon = '\0';
    }

  address->server = g_steal_pointer (&host);
  address->database = g_strdup (database);
  address->user = g_strdup (user);

  return g_steal_pointer (&address);
}

SignetTeamAddress *
signet_team_address_parse (const char  *uri,
                           char       **password,
                           GError     **error)
{
  g_autoptr(SignetTeamAddress) address = g_new0 (SignetTeamAddress, 1);
  g_autoptr(GString) parameters = g_string_new (NULL);
  PQconninfoOption *options;
  char *message = NULL;

  options = PQconninfoParse (uri, &message);
  if (options == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("“%s” is not an address of a team register: %s"), uri,
                   message != NULL ? g_strstrip (message) : "");
      PQfreemem (message);
      return NULL;
    }

  for (PQconninfoOption *option = options; option->keyword != NULL; option++)
    {
      const char *value = option->val;

      if (value == NULL || *value == '\0')
        continue;
      if (g_str_equal (option->keyword, "host"))
        address->server = g_strdup (value);
      else if (g_str_equal (option->keyword, "port"))
        {
          if (!parse_port (value, &address->port, error))
            {
              PQconninfoFree (options);
              return NULL;
            }
        }
      else if (g_str_equal (option->keyword, "dbname"))
        address->database = g_strdup (value);
      else if (g_str_equal (option->keyword, "user"))
        address->user = g_strdup (value);
      else if (g_str_equal (option->keyword, "sslmode"))
        address->sslmode = g_strdup (value);
      else if (g_str_equal (option->keyword, "password"))
        {
          if (password != NULL)
            *password = g_strdup (value);
        }
      else
        {
          g_autofree char *escaped = g_uri_escape_string (value, NULL, FALSE);

          g_string_append_printf (parameters, "%s%s=%s", parameters->len > 0 ? "&" : "",
                                  option->keyword, escaped);
        }
    }
  PQconninfoFree (options);
  if (parameters->len > 0)
    address->parameters = g_strdup (parameters->str);

  /* libpq's own defaults, so that the keyring entry is the one the
   * dialog would make for the same register. */
  if (address->server == NULL)
    address->server = g_strdup ("localhost");
  if (address->user == NULL)
    address->user = g_strdup (g_get_user_name ());
  if (address->database == NULL)
    address->database = g_strdup (address->user);

  return g_steal_pointer (&address);
}

gboolean
signet_team_address_is_local (const SignetTeamAddress *address)
{
  const char *server = address->server;

  return server[0] == '/' || server[0] == '@' ||
         g_ascii_strcasecmp (server, "localhost") == 0 ||
         g_str_equal (server, "127.0.0.1") || g_str_equal (server, "::1");
}

static void
append_parameter (GString    *uri,
                  const char *key,
                  const char *value)
{
  g_autofree char *escaped = g_uri_escape_string (value, NULL, FALSE);

  g_string_append_c (uri, strchr (uri->str, '?') == NULL ? '?' : '&');
  g_string_append_printf (uri, "%s=%s", key, escaped);
}

char *
signet_team_address_to_uri (const SignetTeamAddress *address)
{
  GString *uri = g_string_new ("postgresql://");
  g_autofree char *user = g_uri_escape_string (address->user, NULL, FALSE);
  g_autofree char *database = g_uri_escape_string (address->database, NULL, FALSE);
  const char *sslmode = address->sslmode;
  gboolean socket = address->server[0] == '/' || address->server[0] == '@';

  g_string_append_printf (uri, "%s@", user);
  /* A socket folder is a path, which the address's host part cannot hold:
   * it goes in the parameters. */
  if (!socket)
    {
      g_autofree char *host = g_uri_escape_string (address->server, ":", FALSE);

      g_string_append_printf (uri, strchr (address->server, ':') != NULL ? "[%s]" : "%s", host);
      if (address->port != 0)
        g_string_append_printf (uri, ":%d", address->port);
    }
  g_string_append_printf (uri, "/%s", database);

  if (socket)
    {
      append_parameter (uri, "host", address->server);
      if (address->port != 0)
        {
          g_autofree char *port = g_strdup_printf ("%d", address->port);

          append_parameter (uri, "port", port);
        }
    }
  if (sslmode == NULL && !signet_team_address_is_local (address))
    sslmode = "verify-full";
  if (sslmode != NULL)
    append_parameter (uri, "sslmode", sslmode);
  if (address->parameters != NULL)
    g_string_append_printf (uri, "%c%s", strchr (uri->str, '?') == NULL ? '?' : '&', address->parameters);

  return g_string_free (uri, FALSE);
}

char *
signet_team_address_describe (const SignetTeamAddress *address)
{
  /* Translators: the window's subtitle for a team register: a database
   * on a server, "contracts on db.example.com". */
  return g_strdup_printf (C_("team register", "%s on %s"), address->database, address->server);
}

char *
signet_team_password_lookup (const SignetTeamAddress *address,
                             GError                 **error)
{
  return secret_password_lookup_sync (&team_register_schema, NULL, error,
                                      "server", address->server,
                                      "port", address->port != 0 ? address->port : DEFAULT_PORT,
                                      "database", address->database,
                                      "user", address->user,
                                      NULL);
}

gboolean
signet_team_password_store (const SignetTeamAddress *address,
                            const char              *password,
                            GError                 **error)
{
  g_autofree char *label = NULL;

  /* Translators: how the keyring lists the password: "Signet: contracts
   * on db.example.com (ana)". */
  label = g_strdup_printf (_("Signet: %s on %s (%s)"), address->database, address->server, address->user);

  return secret_password_store_sync (&team_register_schema, SECRET_COLLECTION_DEFAULT, label,
                                     password, NULL, error,
                                     "server", address->server,
                                     "port", address->port != 0 ? address->port : DEFAULT_PORT,
                                     "database", address->database,
                                     "user", address->user,
                                     NULL);
}

gboolean
signet_team_password_forget (const SignetTeamAddress *address,
                             GError                 **error)
{
  g_autoptr(GError) local_error = NULL;

  /* FALSE without an error: there was none to forget. */
  if (!secret_password_clear_sync (&team_register_schema, NULL, &local_error,
                                   "server", address->server,
                                   "port", address->port != 0 ? address->port : DEFAULT_PORT,
                                   "database", address->database,
                                   "user", address->user,
                                   NULL) && local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  return TRUE;
}

/* The store must be able to open connections of its own to the register
 * (for work in threads) from its address, which its messages and the
 * printed page may show: so the password is never in the address. It goes
 * in a password file of libpq's, readable by the user only, in the
 * user's runtime folder (in memory, emptied at logout), named in the
 * address (passfile=) and removed with the store, or at the latest when
 * the app ends (signet_team_register_remove_password_files()). */

/* The password files this process wrote and has not removed yet. */
static GMutex password_files_lock;
static GPtrArray *password_files;

static void
remember_password_file (const char *path)
{
  g_mutex_lock (&password_files_lock);
  if (password_files == NULL)
    password_files = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (password_files, g_strdup (path));
  g_mutex_unlock (&password_files_lock);
}

static void
unlink_password_file (const char *path)
{
  g_unlink (path);
  g_mutex_lock (&password_files_lock);
  if (password_files != NULL)
    for (guint i = 0; i < password_files->len; i++)
      if (g_str_equal (g_ptr_array_index (password_files, i), path))
        {
          g_ptr_array_remove_index_fast (password_files, i);
          break;
        }
  g_mutex_unlock (&password_files_lock);
}

void
signet_team_register_remove_password_files (void)
{
  g_mutex_lock (&password_files_lock);
  if (password_files != NULL)
    for (guint i = 0; i < password_files->len; i++)
      g_unlink (g_ptr_array_index (password_files, i));
  g_clear_pointer (&password_files, g_ptr_array_unref);
  g_mutex_unlock (&password_files_lock);
}
static char *
write_password_file (const char  *password,
                     GError     **error)
{
  g_autofree char *folder = g_build_filename (g_get_user_runtime_dir (), "signet", NULL);
  g_autofree char *path = NULL;
  g_autoptr(GString) line = g_string_new ("*:*:*:*:");
  int fd;

  if (g_mkdir_with_parents (folder, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Could not make the folder “%s”: %s"), folder, g_strerror (saved_errno));
      return NULL;
    }

  /* libpq reads \ and : escaped with a backslash. */
  for (const char *c = password; *c != '\0'; c++)
    {
      if (*c == '\\' || *c == ':')
        g_string_append_c (line, '\\');
      g_string_append_c (line, *c);
    }
  g_string_append_c (line, '\n');

  path = g_build_filename (folder, "pgpass-XXXXXX", NULL);
  fd = g_mkstemp_full (path, O_WRONLY | O_CLOEXEC, 0600);
  if (fd < 0 || write (fd, line->str, line->len) != (gssize) line->len)
    {
      int saved_errno = errno;

      if (fd >= 0)
        {
          close (fd);
          g_unlink (path);
        }
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Could not write “%s”: %s"), path, g_strerror (saved_errno));
      return NULL;
    }
  close (fd);
  remember_password_file (path);

  return g_steal_pointer (&path);
}

static void
remove_password_file (gpointer  data,
                      GObject  *store)
{
  g_autofree char *path = data;

  unlink_password_file (path);
}

SignetStore *
signet_team_register_open (const SignetTeamAddress *address,
                           const char              *password,
                           GError                 **error)
{
  g_autofree char *kept = NULL;
  g_autofree char *uri = signet_team_address_to_uri (address);
  g_autofree char *password_file = NULL;
  g_autoptr(GError) keyring_error = NULL;
  SignetStore *store;

  if (password == NULL || *password == '\0')
    {
      kept = signet_team_password_lookup (address, &keyring_error);
      if (keyring_error != NULL)
        g_debug ("No password from the keyring: %s", keyring_error->message);
      password = kept;
    }

  if (password != NULL && *password != '\0')
    {
      GString *with_file;

      password_file = write_password_file (password, error);
      if (password_file == NULL)
        return NULL;
      with_file = g_string_new (uri);
      append_parameter (with_file, "passfile", password_file);
      g_free (uri);
      uri = g_string_free (with_file, FALSE);
    }

  store = signet_store_open (uri, SIGNET_STORE_OPEN_DEFAULT, error);
  if (password_file != NULL)
    {
      if (store != NULL)
        g_object_weak_ref (G_OBJECT (store), remove_password_file, g_steal_pointer (&password_file));
      else
        unlink_password_file (password_file);
    }

  return store;
}
