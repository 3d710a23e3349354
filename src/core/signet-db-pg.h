/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "signet-db.h"

G_BEGIN_DECLS

/* The PostgreSQL engine of signet-db.h, over libpq, for a team register.
 *
 * It gives the store SQLite's behaviour where the two differ: ?NNN and ?
 * placeholders (numbers left unused allowed); a statement that fails inside
 * a transaction undoes only itself and the transaction goes on (each one
 * runs under a savepoint, sent in the same round trip; each that writes
 * takes a subtransaction id); persistent statements are prepared on the
 * server at their first step, once for each set of parameter kinds they
 * are run with; a bound number the SQL around does not take as a bigint or
 * a double (substr's integer, a text column) is sent untyped, as a quoted
 * literal; rows are read 256 at a time, and those of a statement left
 * halfway are read ahead when another statement runs; the columns are
 * known before the first step (asked of the server then, once).
 *
 * The calls below are those only a server connection has: live
 * notifications, a lost connection and reconnecting, who is connected. */

#define SIGNET_DB_PG_ERROR (signet_db_pg_error_quark ())

/* Why a connection could not be made, for the page that explains it. */
typedef enum
{
  SIGNET_DB_PG_ERROR_FAILED,
  /* The user name or password was refused. */
  SIGNET_DB_PG_ERROR_AUTHENTICATION,
  /* No server answered at that host and port (or socket folder). */
  SIGNET_DB_PG_ERROR_UNREACHABLE,
  /* TLS failed: the certificate's name does not match the host, its
   * authority is unknown, or the server offers no TLS where it is required. */
  SIGNET_DB_PG_ERROR_CERTIFICATE,
  /* The server has no database of that name. */
  SIGNET_DB_PG_ERROR_NO_DATABASE,
} SignetDbPgError;

GQuark       signet_db_pg_error_quark           (void);
/* What the server or libpq said in @error, without the explanation
 * Signet puts around it; for a page that explains it in its own words.
 * Any other error's message whole. */
char        *signet_db_pg_error_dup_cause       (const GError *error);

/* Connects to the server @conninfo names, a postgresql:// URI or
 * "key=value" words as libpq takes them. Blocks until it is connected or
 * has failed (connect_timeout, 10 s unless @conninfo says otherwise). */
SignetDb    *signet_db_pg_open                  (const char  *conninfo,
                                                 GError     **error);

/* Whether @db is a PostgreSQL connection. */
gboolean     signet_db_is_pg                    (SignetDb    *db);

/* LISTEN on @channel (an identifier, quoted here): its notifications are
 * then taken with signet_db_pg_next_notification(). */
int          signet_db_pg_listen                (SignetDb    *db,
                                                 const char  *channel);
/* The connection's socket, to watch for input in a GSource (G_IO_IN);
 * -1 when the connection is lost. It changes on reconnecting. */
int          signet_db_pg_get_socket            (SignetDb    *db);
/* Reads what the server has sent without waiting, then takes the oldest
 * notification not yet taken: TRUE with its channel and payload (free
 * them), FALSE when there is none (or the connection is lost). */
gboolean     signet_db_pg_next_notification    (SignetDb    *db,
                                                 char       **channel,
                                                 char       **payload);
/* Whether the connection to the server is lost: every call then fails
 * with SIGNET_DB_IOERR until signet_db_pg_reconnect() succeeds. */
gboolean     signet_db_pg_is_lost               (SignetDb    *db);
/* Connects again with the same settings, blocking. An open transaction
 * is gone (the server rolled it back), LISTENs must be made again, and
 * statements stay usable: they are prepared again at their next step. */
gboolean     signet_db_pg_reconnect             (SignetDb    *db,
                                                 GError     **error);
/* The server's version as a number, 170012 for 17.12. */
int          signet_db_pg_get_server_version    (SignetDb    *db);
/* The database user the connection logged in as. */
const char  *signet_db_pg_get_user              (SignetDb    *db);

G_END_DECLS
