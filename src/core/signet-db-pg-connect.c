/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "signet-db-pg"

#include "config.h"

#include <errno.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>

#include <glib/gi18n.h>

#include "signet-db-pg-private.h"

/* Connecting to the server, and telling why it failed in words an
 * office user can act on. */

/* How far a connection attempt got, to tell why it failed: libpq's words
 * are in the user's language and the server's in the server's. */
typedef enum
{
  STAGE_CONNECTING,
  STAGE_TLS,
  STAGE_AUTHENTICATING,
  STAGE_AUTHENTICATED,
} Stage;

static Stage
stage_of (PGconn *conn)
{
  switch (PQstatus (conn))
    {
    case CONNECTION_SSL_STARTUP:
    case CONNECTION_GSS_STARTUP:
      return STAGE_TLS;
    case CONNECTION_AWAITING_RESPONSE:
      return STAGE_AUTHENTICATING;
    case CONNECTION_AUTH_OK:
    case CONNECTION_SETENV:
    case CONNECTION_CHECK_WRITABLE:
    case CONNECTION_CHECK_TARGET:
    case CONNECTION_CHECK_STANDBY:
    case CONNECTION_CONSUME:
    case CONNECTION_OK:
      return STAGE_AUTHENTICATED;
    case CONNECTION_STARTED:
    case CONNECTION_MADE:
    case CONNECTION_NEEDED:
    case CONNECTION_BAD:
    default:
      return STAGE_CONNECTING;
    }
}

/* The SQLSTATE in a verbose connection error ("FATAL:  28P01: ..."),
 * whatever language the severity is in. */
static gboolean
find_sqlstate (const char *message,
               char        state[6])
{
  for (const char *p = strstr (message, ":  "); p != NULL; p = strstr (p + 1, ":  "))
    {
      const char *s = p + 3;
      gboolean valid = TRUE;

      for (int i = 0; i < 5 && valid; i++)
        valid = g_ascii_isdigit (s[i]) || g_ascii_isupper (s[i]);
      if (valid && s[5] == ':')
        {
          memcpy (state, s, 5);
          state[5] = '\0';
          return TRUE;
        }
    }
  return FALSE;
}

/* Whether @line is the verbose form's source location of the server's
 * message ("LOCATION:  auth_failed, auth.c:329"): its heading is in
 * libpq's language ("位置:  ", "ORT:  "), the function and file are not. */
static gboolean
is_location (const char *line)
{
  const char *heading_end = strstr (line, ":  ");
  const char *file = g_strrstr (line, ", ");
  const char *colon = file != NULL ? strrchr (file, ':') : NULL;

  if (heading_end == NULL || file == NULL || colon == NULL || file < heading_end ||
      colon[1] == '\0' || colon - file < 5 || strncmp (colon - 2, ".c", 2) != 0)
    return FALSE;
  for (const char *c = colon + 1; *c != '\0'; c++)
    if (!g_ascii_isdigit (*c))
      return FALSE;
  for (const char *c = file + 2; c < colon; c++)
    if (!g_ascii_isalnum (*c) && *c != '_' && *c != '.' && *c != '-' && *c != '/')
      return FALSE;
  return TRUE;
}

/* The server's or libpq's words without the code and source location
 * that the verbose form adds, nor libpq's note of the password file it
 * read (@password_file, or NULL): the app's own, a name in the runtime
 * folder that says nothing to the user. */
static char *
plain_message (const char *message,
               const char *password_file)
{
  g_auto(GStrv) lines = g_strsplit (message, "\n", -1);
  GString *out = g_string_new (NULL);
  char state[6];

  for (guint i = 0; lines[i] != NULL; i++)
    {
      char *line = g_strstrip (lines[i]);

      if (line[0] == '\0' || is_location (line) ||
          (password_file != NULL && *password_file != '\0' && strstr (line, password_file) != NULL))
        continue;
      if (find_sqlstate (line, state))
        {
          char *code = strstr (line, state);

          memmove (code, code + 7, strlen (code + 7) + 1);
        }
      if (out->len > 0)
        g_string_append_c (out, ' ');
      g_string_append (out, line);
    }
  return g_string_free (out, FALSE);
}

/* Each connection error's explanation, around what the server or libpq
 * said (the one %s). */
static const char * const explanations[] = {
  [SIGNET_DB_PG_ERROR_FAILED] =
    N_("Could not connect to the team register. The error was: %s"),
  [SIGNET_DB_PG_ERROR_AUTHENTICATION] =
    N_("The server did not accept this user name and password. The server said: %s"),
  [SIGNET_DB_PG_ERROR_UNREACHABLE] =
    N_("The server could not be reached. Check the server's name and port, and that it is running. The error was: %s"),
  [SIGNET_DB_PG_ERROR_CERTIFICATE] =
    N_("The server's identity could not be verified, so Signet did not connect: its certificate is not for this server name or is not signed by a trusted authority. The error was: %s"),
  [SIGNET_DB_PG_ERROR_NO_DATABASE] =
    N_("The server has no register of this name. Check the database name. The server said: %s"),
};

static const char *
explanation_of (int code)
{
  if (code < 0 || code >= (int) G_N_ELEMENTS (explanations) || explanations[code] == NULL)
    code = SIGNET_DB_PG_ERROR_FAILED;

  return _(explanations[code]);
}

static void
set_explained_error (GError     **error,
                     int          code,
                     const char  *cause)
{
  g_auto(GStrv) parts = g_strsplit (explanation_of (code), "%s", 2);

  g_set_error (error, SIGNET_DB_PG_ERROR, code, "%s%s%s",
               parts[0], cause, parts[1] != NULL ? parts[1] : "");
}

char *
signet_db_pg_error_dup_cause (const GError *error)
{
  g_auto(GStrv) parts = NULL;
  gsize length;

  g_return_val_if_fail (error != NULL, NULL);

  if (error->domain != SIGNET_DB_PG_ERROR)
    return g_strdup (error->message);

  parts = g_strsplit (explanation_of (error->code), "%s", 2);
  length = strlen (error->message);
  if (parts[1] == NULL || !g_str_has_prefix (error->message, parts[0]) ||
      !g_str_has_suffix (error->message, parts[1]) ||
      length < strlen (parts[0]) + strlen (parts[1]))
    return g_strdup (error->message);

  return g_strndup (error->message + strlen (parts[0]), length - strlen (parts[0]) - strlen (parts[1]));
}

static void
set_connect_error (PGconn  *conn,
                   Stage    stage,
                   GError **error)
{
  const char *raw = PQerrorMessage (conn);
  g_autofree char *message = NULL;
  PQconninfoOption *options = PQconninfo (conn);
  const char *password_file = NULL;
  char state[6] = "";
  SignetDbPgError code;

  for (PQconninfoOption *option = options; option != NULL && option->keyword != NULL; option++)
    if (g_str_equal (option->keyword, "passfile"))
      password_file = option->val;
  message = plain_message (raw, password_file);
  PQconninfoFree (options);

  find_sqlstate (raw, state);
  if (g_str_equal (state, "28P01") || g_str_equal (state, "28000")
      || PQconnectionNeedsPassword (conn))
    code = SIGNET_DB_PG_ERROR_AUTHENTICATION;
  else if (g_str_equal (state, "3D000"))
    code = SIGNET_DB_PG_ERROR_NO_DATABASE;
  else if (state[0] != '\0')
    code = SIGNET_DB_PG_ERROR_FAILED;
  else if (stage == STAGE_CONNECTING)
    code = SIGNET_DB_PG_ERROR_UNREACHABLE;
  else if (stage == STAGE_TLS)
    code = SIGNET_DB_PG_ERROR_CERTIFICATE;
  else
    code = SIGNET_DB_PG_ERROR_FAILED;

  set_explained_error (error, code, message);
}

/* Every statement is planned once for any values (a generic plan), not
 * for its first values: a custom plan of the search for a character most
 * texts hold reads every row and makes its characters and pairs
 * (signet_search_grams()) row by row, which the planner prices low; at a
 * million contracts that took minutes where the index takes a second
 * (docs/benchmarks.md). The register's statements look rows up by their
 * keys and indexed texts, which a generic plan does as well. Nor are
 * they compiled (JIT): the server compiles a statement it prices high,
 * such as a search over row-level security, and that took longer than
 * running it (4.0 s against 0.5 s; `--setup-server` also sets it for the
 * database, docs/team-register.md). */
static gboolean
set_up_session (PGconn  *conn,
                GError **error)
{
  PGresult *res = PQexec (conn, "SET plan_cache_mode = force_generic_plan; SET jit = off");
  gboolean ok = PQresultStatus (res) == PGRES_COMMAND_OK;

  if (!ok)
    set_explained_error (error, SIGNET_DB_PG_ERROR_FAILED, PQresultErrorMessage (res));
  PQclear (res);

  return ok;
}

/* Drives a connection attempt (@poll is PQconnectPoll or PQresetPoll)
 * to its end, noting how far it got. */
gboolean
_signet_db_pg_complete_connection (PGconn                      *conn,
                                   PostgresPollingStatusType  (*poll_func) (PGconn *),
                                   GError                     **error)
{
  PostgresPollingStatusType status = PGRES_POLLING_WRITING;
  PQconninfoOption *options = PQconninfo (conn);
  gint64 timeout = 10;
  gint64 deadline;
  Stage stage = STAGE_CONNECTING;

  for (PQconninfoOption *option = options; option != NULL && option->keyword != NULL; option++)
    if (g_str_equal (option->keyword, "connect_timeout") && option->val != NULL
        && atoi (option->val) > 0)
      timeout = MAX (atoi (option->val), 2);
  PQconninfoFree (options);
  deadline = g_get_monotonic_time () + timeout * G_USEC_PER_SEC;

  /* Verbose errors carry the server's SQLSTATE. */
  PQsetErrorVerbosity (conn, PQERRORS_VERBOSE);

  while (PQstatus (conn) != CONNECTION_BAD
         && status != PGRES_POLLING_OK && status != PGRES_POLLING_FAILED)
    {
      struct pollfd fd = { .fd = PQsocket (conn) };
      gint64 left = deadline - g_get_monotonic_time ();
      int ready;

      stage = MAX (stage, stage_of (conn));
      if (status == PGRES_POLLING_READING)
        fd.events = POLLIN;
      else if (status == PGRES_POLLING_WRITING)
        fd.events = POLLOUT;
      if (fd.events != 0 && fd.fd >= 0)
        {
          if (left <= 0)
            {
              set_explained_error (error, SIGNET_DB_PG_ERROR_UNREACHABLE, _("no answer in time"));
              return FALSE;
            }
          ready = poll (&fd, 1, (int) MIN (left / 1000 + 1, G_MAXINT));
          if (ready < 0 && errno == EINTR)
            continue;
        }
      status = poll_func (conn);
    }

  PQsetErrorVerbosity (conn, PQERRORS_DEFAULT);
  if (status == PGRES_POLLING_OK && PQstatus (conn) == CONNECTION_OK)
    return set_up_session (conn, error);

  set_connect_error (conn, stage, error);
  return FALSE;
}
