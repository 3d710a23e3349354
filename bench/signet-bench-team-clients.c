/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "signet-bench-team-clients"

#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <glib/gstdio.h>
#include <libpq-fe.h>
#include <sqlite3.h>

#include "signet-contract-process.h"
#include "signet-demo.h"
#include "signet-store.h"

/* Many people editing one team register at once: N client threads, each
 * with a SignetStore of its own on the same register, for a fixed time.
 * Each loop loads a random contract, adds 1 to its value and saves it as
 * the contract page does (signet_store_save_contract(), which refuses a
 * stale version with SIGNET_STORE_ERROR_CONFLICT); on a conflict it
 * reloads and saves again, as a user would after Reload.
 *
 * Counted afterwards, with the clients stopped: the values' sum must have
 * grown by the number of successful saves, and the audit must hold as many
 * "update" entries of contracts written during the run. Otherwise an
 * update was lost, and the program says so and fails.
 *
 * The same run also drives the same clients on a register in a SQLite
 * file (one writer at a time; a busy save is retried), and the floor: the
 * same threads with bare libpq, one connection each, doing the same
 * optimistic check with no store, no checks and no audit:
 *   SELECT version, value FROM contracts WHERE id = $1
 *   UPDATE contracts SET value = value + 1, version = version + 1
 *    WHERE id = $1 AND version = $2
 *
 * Usage: signet-bench-team-clients --server-admin=CONNINFO
 *          [--clients=20] [--seconds=60] [--contracts=1000] [--dir=DIR] */

static char *server_admin;
static int n_clients = 20;
static int n_seconds = 60;
static int n_contracts = 1000;
static char *work_dir;

static const GOptionEntry entries[] = {
  { "server-admin", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, &server_admin,
    "A PostgreSQL superuser's conninfo on its database postgres (required)", "CONNINFO" },
  { "clients", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_INT, &n_clients, "Client threads (20)", "N" },
  { "seconds", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_INT, &n_seconds, "Seconds each run lasts (60)", "S" },
  { "contracts", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_INT, &n_contracts, "Contracts in the register (1000)", "N" },
  { "dir", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_FILENAME, &work_dir,
    "Folder for the SQLite register (a new temporary one)", "DIR" },
  { NULL }
};

#define DATABASE_NAME "signet_bench_team_clients"
#define SEED 18

typedef enum
{
  ENGINE_STORE,   /* SignetStore on the register's URI or path */
  ENGINE_LIBPQ,   /* one PGconn, the floor */
} Engine;

typedef struct Run Run;

typedef struct
{
  Run     *run;
  guint    index;
  GArray  *latencies_ms;  /* double, one per successful save */
  guint    saves;
  guint    conflicts;
  guint    busy;
  guint    errors;
  char    *first_error;
} Client;

struct Run
{
  const char *label;
  Engine      engine;
  const char *target;   /* a store's URI or path, or a libpq conninfo */
  GArray     *ids;      /* gint64: the contracts edited */

  GMutex      lock;
  GCond       cond;
  guint       ready;
  guint       failed_to_open;
  gboolean    go;
  gint64      deadline;

  Client     *clients;
  double      elapsed_s;
};

typedef struct
{
  guint  saves;
  guint  conflicts;
  guint  busy;
  guint  errors;
  double throughput;   /* saves per second */
  double p50, p95, p99;
} Summary;

static void
fail (const char *format,
      ...) G_GNUC_PRINTF (1, 2) G_GNUC_NORETURN;

static void
fail (const char *format,
      ...)
{
  va_list args;

  va_start (args, format);
  vfprintf (stderr, format, args);
  va_end (args);
  fputc ('\n', stderr);
  exit (EXIT_FAILURE);
}

/* Marks the client ready (@opened: its connection is open) and waits for
 * the start. */
static void
wait_for_start (Run      *run,
                gboolean  opened)
{
  g_mutex_lock (&run->lock);
  run->ready++;
  if (!opened)
    run->failed_to_open++;
  g_cond_broadcast (&run->cond);
  while (!run->go)
    g_cond_wait (&run->cond, &run->lock);
  g_mutex_unlock (&run->lock);
}

static gint64
pick_id (Client *client,
         GRand  *rand)
{
  GArray *ids = client->run->ids;

  return g_array_index (ids, gint64, g_rand_int_range (rand, 0, ids->len));
}

static void
note_error (Client     *client,
            const char *message)
{
  client->errors++;
  if (client->first_error == NULL)
    client->first_error = g_strdup (message);
}

static double
ms_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1000.0;
}

static void
run_store_client (Client *client)
{
  Run *run = client->run;
  g_autoptr(GError) error = NULL;
  g_autoptr(SignetStore) store = signet_store_open (run->target, SIGNET_STORE_OPEN_DEFAULT, &error);
  g_autoptr(GRand) rand = g_rand_new_with_seed (SEED * 1000 + client->index);

  if (store == NULL)
    note_error (client, error->message);
  wait_for_start (run, store != NULL);
  if (store == NULL)
    return;

  while (g_get_monotonic_time () < run->deadline)
    {
      gint64 id = pick_id (client, rand);
      g_autoptr(SignetContract) base = NULL;

      /* Until it is saved: a conflict reloads (the page's Reload), a busy
       * register (SQLite's one writer) tries the same save again. */
      for (;;)
        {
          g_autoptr(SignetContract) edited = NULL;
          g_autoptr(GError) save_error = NULL;
          gint64 start;
          gboolean saved;

          if (base == NULL)
            {
              g_autoptr(GError) load_error = NULL;

              base = signet_store_get_contract (store, id, &load_error);
              if (base == NULL)
                {
                  if (g_error_matches (load_error, SIGNET_STORE_ERROR, SIGNET_STORE_ERROR_BUSY))
                    {
                      client->busy++;
                      continue;
                    }
                  note_error (client, load_error->message);
                  break;
                }
            }

          edited = signet_contract_copy (base);
          signet_contract_set_value (edited, signet_contract_get_value (base) + 1);

          start = g_get_monotonic_time ();
          saved = signet_store_save_contract (store, base, edited, &save_error);
          if (saved)
            {
              double ms = ms_since (start);

              g_array_append_val (client->latencies_ms, ms);
              client->saves++;
              break;
            }
          if (g_error_matches (save_error, SIGNET_STORE_ERROR, SIGNET_STORE_ERROR_CONFLICT))
            {
              client->conflicts++;
              g_clear_object (&base);
              continue;
            }
          if (g_error_matches (save_error, SIGNET_STORE_ERROR, SIGNET_STORE_ERROR_BUSY))
            {
              client->busy++;
              continue;
            }
          note_error (client, save_error->message);
          break;
        }
    }
}

static PGresult *
exec_params (PGconn     *conn,
             const char *name,
             int         n_params,
             const char *const *values)
{
  return PQexecPrepared (conn, name, n_params, values, NULL, NULL, 0);
}

static void
run_libpq_client (Client *client)
{
  Run *run = client->run;
  PGconn *conn = PQconnectdb (run->target);
  g_autoptr(GRand) rand = g_rand_new_with_seed (SEED * 1000 + client->index);
  gboolean opened = PQstatus (conn) == CONNECTION_OK;

  if (opened)
    {
      PGresult *select = PQprepare (conn, "load", "SELECT version, value FROM contracts WHERE id = $1", 1, NULL);
      PGresult *update = PQprepare (conn, "save",
                                    "UPDATE contracts SET value = value + 1, version = version + 1 "
                                    "WHERE id = $1 AND version = $2", 2, NULL);

      opened = PQresultStatus (select) == PGRES_COMMAND_OK && PQresultStatus (update) == PGRES_COMMAND_OK;
      PQclear (select);
      PQclear (update);
    }
  if (!opened)
    note_error (client, PQerrorMessage (conn));
  wait_for_start (run, opened);

  while (opened && g_get_monotonic_time () < run->deadline)
    {
      char id_text[24];
      const char *load_values[1] = { id_text };

      g_snprintf (id_text, sizeof id_text, "%" G_GINT64_FORMAT, pick_id (client, rand));
      for (;;)
        {
          PGresult *loaded = exec_params (conn, "load", 1, load_values);
          PGresult *saved;
          const char *save_values[2];
          gint64 start;

          if (PQresultStatus (loaded) != PGRES_TUPLES_OK || PQntuples (loaded) != 1)
            {
              note_error (client, PQerrorMessage (conn));
              PQclear (loaded);
              break;
            }
          save_values[0] = id_text;
          save_values[1] = PQgetvalue (loaded, 0, 0);

          start = g_get_monotonic_time ();
          saved = exec_params (conn, "save", 2, save_values);
          PQclear (loaded);
          if (PQresultStatus (saved) != PGRES_COMMAND_OK)
            {
              note_error (client, PQerrorMessage (conn));
              PQclear (saved);
              break;
            }
          if (g_strcmp0 (PQcmdTuples (saved), "1") == 0)
            {
              double ms = ms_since (start);

              g_array_append_val (client->latencies_ms, ms);
              client->saves++;
              PQclear (saved);
              break;
            }
          client->conflicts++;
          PQclear (saved);
        }
    }

  PQfinish (conn);
}

static gpointer
client_thread (gpointer data)
{
  Client *client = data;

  if (client->run->engine == ENGINE_LIBPQ)
    run_libpq_client (client);
  else
    run_store_client (client);

  return NULL;
}

static void
run_clients (Run *run)
{
  g_autofree GThread **threads = g_new0 (GThread *, n_clients);
  gint64 start;

  g_mutex_init (&run->lock);
  g_cond_init (&run->cond);
  run->clients = g_new0 (Client, n_clients);
  for (int i = 0; i < n_clients; i++)
    {
      run->clients[i].run = run;
      run->clients[i].index = i;
      run->clients[i].latencies_ms = g_array_new (FALSE, FALSE, sizeof (double));
      threads[i] = g_thread_new ("client", client_thread, &run->clients[i]);
    }

  /* Every client has its connection before the clock starts. */
  g_mutex_lock (&run->lock);
  while (run->ready < (guint) n_clients)
    g_cond_wait (&run->cond, &run->lock);
  start = g_get_monotonic_time ();
  run->deadline = start + (gint64) n_seconds * G_USEC_PER_SEC;
  run->go = TRUE;
  g_cond_broadcast (&run->cond);
  g_mutex_unlock (&run->lock);

  for (int i = 0; i < n_clients; i++)
    g_thread_join (threads[i]);
  run->elapsed_s = (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;

  if (run->failed_to_open > 0)
    fail ("%s: %u clients could not connect: %s", run->label, run->failed_to_open,
          run->clients[0].first_error != NULL ? run->clients[0].first_error : "");
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
percentile (GArray *sorted,
            double  fraction)
{
  guint i;

  if (sorted->len == 0)
    return 0;
  i = (guint) (fraction * (sorted->len - 1) + 0.5);
  return g_array_index (sorted, double, i);
}

static Summary
summarize (Run *run)
{
  g_autoptr(GArray) all = g_array_new (FALSE, FALSE, sizeof (double));
  Summary summary = { 0 };

  for (int i = 0; i < n_clients; i++)
    {
      Client *client = &run->clients[i];

      summary.saves += client->saves;
      summary.conflicts += client->conflicts;
      summary.busy += client->busy;
      summary.errors += client->errors;
      g_array_append_vals (all, client->latencies_ms->data, client->latencies_ms->len);
      if (client->first_error != NULL)
        g_printerr ("%s, client %d: %u errors, the first: %s\n", run->label, i, client->errors,
                    client->first_error);
    }
  g_array_sort (all, compare_doubles);
  summary.throughput = summary.saves / run->elapsed_s;
  summary.p50 = percentile (all, 0.50);
  summary.p95 = percentile (all, 0.95);
  summary.p99 = percentile (all, 0.99);

  return summary;
}

/* Reading the register's counts directly, as an administrator would:
 * through libpq for the server, sqlite3 for the file. */

static gint64
pg_query_int (const char *conninfo,
              const char *sql)
{
  PGconn *conn = PQconnectdb (conninfo);
  PGresult *result;
  gint64 value;

  if (PQstatus (conn) != CONNECTION_OK)
    fail ("%s", PQerrorMessage (conn));
  result = PQexec (conn, sql);
  if (PQresultStatus (result) != PGRES_TUPLES_OK || PQntuples (result) != 1)
    fail ("%s: %s", sql, PQerrorMessage (conn));
  value = g_ascii_strtoll (PQgetvalue (result, 0, 0), NULL, 10);
  PQclear (result);
  PQfinish (conn);

  return value;
}

static gint64
sqlite_query_int (const char *path,
                  const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  if (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK ||
      sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK ||
      sqlite3_step (stmt) != SQLITE_ROW)
    fail ("%s: %s", sql, sqlite3_errmsg (db));
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  return value;
}

static gint64
query_int (Engine      engine,
           const char *target,
           const char *sql)
{
  return engine == ENGINE_LIBPQ ? pg_query_int (target, sql) : sqlite_query_int (target, sql);
}

#define SUM_SQL "SELECT CAST(coalesce(sum(value), 0) AS bigint) FROM contracts"
#define LAST_AUDIT_SQL "SELECT coalesce(max(id), 0) FROM audit"

/* Runs @run and checks it: the values' sum on @count_target (read with
 * @count_engine) grew by the number of saves, and, when @audited, as many
 * contract updates were audited after the run began. */
static Summary
run_and_count (Run        *run,
               Engine      count_engine,
               const char *count_target,
               gboolean    audited,
               gboolean   *lost)
{
  gint64 sum_before = query_int (count_engine, count_target, SUM_SQL);
  gint64 audit_before = audited ? query_int (count_engine, count_target, LAST_AUDIT_SQL) : 0;
  gint64 increase, audit_entries = 0;
  Summary summary;

  run_clients (run);
  summary = summarize (run);

  increase = query_int (count_engine, count_target, SUM_SQL) - sum_before;
  if (audited)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM audit WHERE id > %" G_GINT64_FORMAT
                                              " AND action = 'update' AND record_kind = 'contract'",
                                              audit_before);

      audit_entries = query_int (count_engine, count_target, sql);
    }

  printf ("%s: %u saves; the values' sum grew by %" G_GINT64_FORMAT, run->label, summary.saves, increase);
  if (audited)
    printf ("; %" G_GINT64_FORMAT " contract updates audited", audit_entries);
  printf ("\n");

  if (increase != summary.saves || (audited && audit_entries != summary.saves))
    {
      printf ("%s: LOST UPDATES: %" G_GINT64_FORMAT " by the values' sum", run->label,
              (gint64) summary.saves - increase);
      if (audited)
        printf (", %" G_GINT64_FORMAT " by the audit", (gint64) summary.saves - audit_entries);
      printf ("\n");
      *lost = TRUE;
    }

  return summary;
}

/* Makes the empty database DATABASE_NAME on the server of --server-admin
 * and returns a URI of it, for the same user and host, in *@uri, and a
 * conninfo of it in *@conninfo. */
static void
make_server_database (char **uri,
                      char **conninfo)
{
  PGconn *conn = PQconnectdb (server_admin);
  PGresult *result;

  if (PQstatus (conn) != CONNECTION_OK)
    fail ("%s", PQerrorMessage (conn));
  PQclear (PQexec (conn, "DROP DATABASE IF EXISTS " DATABASE_NAME));
  result = PQexec (conn, "CREATE DATABASE " DATABASE_NAME);
  if (PQresultStatus (result) != PGRES_COMMAND_OK)
    fail ("%s", PQresultErrorMessage (result));
  PQclear (result);

  *uri = g_strdup_printf ("postgresql:///" DATABASE_NAME "?host=%s&port=%s&user=%s",
                          PQhost (conn), PQport (conn), PQuser (conn));
  *conninfo = g_strdup_printf ("dbname=" DATABASE_NAME " host='%s' port='%s' user='%s'",
                               PQhost (conn), PQport (conn), PQuser (conn));
  PQfinish (conn);
}

/* Fills the register at @target with the generated contracts and returns
 * the ids of those a form may change the value of (not signed: a signed
 * contract's terms change by amendment). */
static GArray *
fill_register (const char *target)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SignetStore) store = signet_store_open (target, SIGNET_STORE_OPEN_CREATE, &error);
  g_autoptr(GArray) all = NULL;
  GArray *editable = g_array_new (FALSE, FALSE, sizeof (gint64));

  if (store == NULL || !signet_demo_generate (store, MAX (1, n_contracts / 10), n_contracts, SEED, &error))
    fail ("%s: %s", target, error->message);
  all = signet_store_query_contract_ids (store, NULL, SIGNET_SORT_NUMBER, FALSE, &error);
  if (all == NULL)
    fail ("%s: %s", target, error->message);
  for (guint i = 0; i < all->len; i++)
    {
      gint64 id = g_array_index (all, gint64, i);
      g_autoptr(SignetContract) contract = signet_store_get_contract (store, id, &error);

      if (contract == NULL)
        fail ("%s: %s", target, error->message);
      if (!signet_contract_is_signed (contract))
        g_array_append_val (editable, id);
    }
  if (editable->len == 0)
    fail ("%s: no contract that is not signed", target);

  return editable;
}

static void
print_row (const char *label,
           Summary     s)
{
  printf ("| %-28s | %8u | %9.1f | %7.2f | %7.2f | %7.2f | %9u | %5u | %6u |\n",
          label, s.saves, s.throughput, s.p50, s.p95, s.p99, s.conflicts, s.busy, s.errors);
}

static char *
load_average (void)
{
  g_autofree char *text = NULL;

  if (!g_file_get_contents ("/proc/loadavg", &text, NULL, NULL))
    return g_strdup ("unknown");
  return g_strndup (text, strcspn (text, "\n"));
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new ("- many clients editing one team register");
  g_autoptr(GError) error = NULL;
  g_autofree char *uri = NULL;
  g_autofree char *conninfo = NULL;
  g_autofree char *sqlite_path = NULL;
  g_autofree char *load_before = NULL;
  g_autofree char *load_after = NULL;
  g_autoptr(GArray) server_ids = NULL;
  g_autoptr(GArray) file_ids = NULL;
  Run app = { .label = "Signet, PostgreSQL", .engine = ENGINE_STORE };
  Run file = { .label = "Signet, SQLite file", .engine = ENGINE_STORE };
  Run floor = { .label = "bare libpq (floor)", .engine = ENGINE_LIBPQ };
  Summary app_s, file_s, floor_s;
  gboolean lost = FALSE;

  setlocale (LC_ALL, "");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    fail ("%s", error->message);
  if (server_admin == NULL)
    fail ("--server-admin=CONNINFO is required (a superuser on the database postgres)");
  if (n_clients < 1 || n_seconds < 1 || n_contracts < 1)
    fail ("--clients, --seconds and --contracts take positive numbers");

  if (work_dir == NULL && !(work_dir = g_dir_make_tmp ("signet-bench-team-clients-XXXXXX", &error)))
    fail ("%s", error->message);
  sqlite_path = g_build_filename (work_dir, "register.db", NULL);
  g_remove (sqlite_path);

  make_server_database (&uri, &conninfo);
  server_ids = fill_register (uri);
  file_ids = fill_register (sqlite_path);

  load_before = load_average ();

  app.target = uri;
  app.ids = server_ids;
  app_s = run_and_count (&app, ENGINE_LIBPQ, conninfo, TRUE, &lost);

  file.target = sqlite_path;
  file.ids = file_ids;
  file_s = run_and_count (&file, ENGINE_STORE, sqlite_path, TRUE, &lost);

  floor.target = conninfo;
  floor.ids = server_ids;
  floor_s = run_and_count (&floor, ENGINE_LIBPQ, conninfo, FALSE, &lost);

  load_after = load_average ();

  printf ("\nmethod: %d client threads for %d s per row, each on a connection of its own, all "
          "started together once connected. A register of %d contracts from signet_demo_generate() "
          "(seed %d); the clients edit the %u that are not signed (a signed contract's value changes "
          "by amendment), picking one at random each time. Signet rows: each client has its own "
          "SignetStore; a loop loads the contract (signet_store_get_contract), adds 1 to its value and "
          "saves it with signet_store_save_contract (the contract page's save: one transaction that "
          "refuses a stale version with a conflict, writes the changed field and audits it); a conflict "
          "reloads and saves again, a busy register (SQLite) saves again. Floor: the same threads with "
          "one PGconn each, SELECT version, value then UPDATE ... SET value = value + 1, version = "
          "version + 1 WHERE id = $1 AND version = $2 (prepared, autocommit; 0 rows = a conflict, "
          "retried after loading again); no checks, no audit. save ms = the successful save call "
          "alone (the UPDATE for the floor), over all clients. Lost updates: after each run, the "
          "values' sum must have grown by the number of saves and (Signet rows) the audit must "
          "hold as many contract 'update' entries written during the run. The server: %s; the "
          "SQLite file: %s. Load average before: %s; after: %s.\n\n",
          n_clients, n_seconds, n_contracts, SEED, server_ids->len, conninfo, sqlite_path,
          load_before, load_after);

  printf ("| %-28s | %8s | %9s | %7s | %7s | %7s | %9s | %5s | %6s |\n",
          "clients", "saves", "saves/s", "p50 ms", "p95 ms", "p99 ms", "conflicts", "busy", "errors");
  printf ("|------------------------------|----------|-----------|---------|---------|---------|"
          "-----------|-------|--------|\n");
  print_row (app.label, app_s);
  print_row (file.label, file_s);
  print_row (floor.label, floor_s);
  printf ("\nratios (Signet on PostgreSQL / floor): throughput %.2f, p95 save %.2f\n",
          floor_s.throughput > 0 ? app_s.throughput / floor_s.throughput : 0,
          floor_s.p95 > 0 ? app_s.p95 / floor_s.p95 : 0);
  printf ("ratios (Signet on PostgreSQL / Signet on SQLite): throughput %.2f, p95 save %.2f\n",
          file_s.throughput > 0 ? app_s.throughput / file_s.throughput : 0,
          file_s.p95 > 0 ? app_s.p95 / file_s.p95 : 0);

  if (lost)
    printf ("lost updates: NOT zero (see LOST UPDATES above)\n");
  else
    printf ("lost updates: 0\n");
  if (app_s.errors + file_s.errors + floor_s.errors > 0)
    printf ("failed saves other than conflicts: %u (the first of each client is on standard error)\n",
            app_s.errors + file_s.errors + floor_s.errors);

  return lost || app_s.errors + file_s.errors + floor_s.errors > 0 ? EXIT_FAILURE : EXIT_SUCCESS;
}
