/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "signet-team-cli"

#include "config.h"

#include <stdlib.h>

#include <glib/gi18n.h>

#include "signet-io-cli.h"
#include "signet-store-team.h"
#include "signet-team-cli.h"

static int
usage_error (const char *message)
{
  g_printerr ("signet: %s\n", message);
  g_printerr ("%s\n", _("Run “signet --help” to see the options."));

  return SIGNET_IO_CLI_EXIT_USAGE;
}

int
signet_team_cli_setup (const char *uri,
                       const char *add_user,
                       const char *role,
                       const char *person,
                       const char *department,
                       gboolean    user_options,
                       gboolean    alone)
{
  g_autoptr(SignetStore) store = NULL;
  g_autoptr(GError) error = NULL;
  SignetStoreRole store_role;

  if (!alone)
    return usage_error (_("--setup-server goes alone, without the commands that read or write a register."));
  if (uri == NULL)
    return usage_error (_("--add-user, --role, --person and --department go with --setup-server."));
  if (add_user == NULL && user_options)
    return usage_error (_("--role, --person and --department go with --add-user."));
  if (add_user != NULL && (role == NULL || !signet_store_role_from_token (role, &store_role)))
    return usage_error (_("--add-user needs --role=reader, editor, approver, archivist or administrator."));
  if (add_user != NULL && (person == NULL || *person == '\0'))
    return usage_error (_("--add-user needs --person, the name of the person the user is in People."));

  if (!signet_store_setup_team (uri, &error))
    {
      g_printerr ("%s\n", error->message);
      return SIGNET_IO_CLI_EXIT_INVALID;
    }

  if (add_user == NULL)
    {
      g_print ("%s\n", _("The team register is set up."));
      return EXIT_SUCCESS;
    }

  store = signet_store_open (uri, SIGNET_STORE_OPEN_DEFAULT, &error);
  if (store == NULL ||
      !signet_store_add_team_user (store, add_user, store_role, person, department, &error))
    {
      g_printerr ("%s\n", error->message);
      return SIGNET_IO_CLI_EXIT_INVALID;
    }

  /* Translators: the first and last %s are a database login, the second
   * a person's name, the third a role as typed (reader, editor, ...). */
  g_print (_("The database user %s acts as %s, with the role %s. Give the user a password on "
             "the server (in psql: \\password %s) unless they sign in otherwise.\n"),
           add_user, person, role, add_user);

  return EXIT_SUCCESS;
}
