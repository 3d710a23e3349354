/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "signet-store.h"

G_BEGIN_DECLS

/* Where a team register is: a PostgreSQL server, a database on it and the
 * user who logs in, as the Connect dialog asks for them and as a
 * postgresql:// address names them. The password is never part of it: it
 * is typed, or kept in the keyring under these four values. */
typedef struct
{
  /* A host name, an IP address or the folder of a Unix socket. */
  char *server;
  /* 0 when not given: libpq's default, 5432. */
  int   port;
  char *database;
  char *user;
  /* NULL unless the address gave one: then verify-full for a server that
   * is not local (signet_team_address_is_local()), none for one that is. */
  char *sslmode;
  /* The address's other libpq parameters (sslrootcert=...&...), or NULL. */
  char *parameters;
} SignetTeamAddress;

void               signet_team_address_free     (SignetTeamAddress  *address);
/* From what the Connect dialog asks: @server is "host", "host:port",
 * "[IPv6]:port" or a socket folder (starting with /). Every field must be
 * given. */
SignetTeamAddress *signet_team_address_new      (const char         *server,
                                                 const char         *database,
                                                 const char         *user,
                                                 GError            **error);
/* From a postgresql:// (or postgres://) address, as --database takes it.
 * A password in it is put in *@password (when not NULL), and left out of
 * the address. */
SignetTeamAddress *signet_team_address_parse    (const char         *uri,
                                                 char              **password,
                                                 GError            **error);
/* Whether the server is this computer: a socket folder, localhost,
 * 127.0.0.1 or ::1. Any other server is reached with TLS only. */
gboolean           signet_team_address_is_local (const SignetTeamAddress *address);
/* The address for signet_store_open(), with sslmode=verify-full for a
 * server that is not local and the address gave no sslmode; never with a
 * password. */
char              *signet_team_address_to_uri   (const SignetTeamAddress *address);
/* What the window says it shows: "contracts on db.example.com". */
char              *signet_team_address_describe (const SignetTeamAddress *address);

/* The password kept for @address in the keyring, NULL when none is (or
 * there is no keyring: @error then says so). */
char              *signet_team_password_lookup  (const SignetTeamAddress *address,
                                                 GError                 **error);
/* Keeps @password for @address in the keyring. */
gboolean           signet_team_password_store   (const SignetTeamAddress *address,
                                                 const char              *password,
                                                 GError                 **error);
/* Forgets the password kept for @address, if any. */
gboolean           signet_team_password_forget  (const SignetTeamAddress *address,
                                                 GError                 **error);

/* Opens the team register at @address with @password (NULL: the one in
 * the keyring, if any), blocking; a thread may call it. The errors are
 * signet_db_pg_open()'s (SIGNET_DB_PG_ERROR) and signet_store_open()'s.
 * The password is never in the store's address (signet_store_get_path()):
 * it is in a password file of the user's alone, in the runtime folder,
 * removed with the store. */
SignetStore       *signet_team_register_open    (const SignetTeamAddress *address,
                                                 const char              *password,
                                                 GError                 **error);
/* Removes the password files of the stores opened so far that are still
 * there: the app calls it as it ends. */
void               signet_team_register_remove_password_files (void);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SignetTeamAddress, signet_team_address_free)

G_END_DECLS
