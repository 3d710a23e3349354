/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* signet --setup-server=URI [--add-user=LOGIN --role=ROLE --person=NAME
 * [--department=DEPARTMENT]], run by the register's owner without a
 * display: makes or upgrades the team register at @uri and its roles
 * (signet_store_setup_team()), then, with @add_user, gives that database
 * login @role and links it to the person @person. @alone is FALSE when
 * another command was given with it, and @user_options when --role,
 * --person or --department came without --add-user: usage errors.
 * Returns the exit status. */
int  signet_team_cli_setup (const char *uri,
                            const char *add_user,
                            const char *role,
                            const char *person,
                            const char *department,
                            gboolean    user_options,
                            gboolean    alone);

G_END_DECLS
