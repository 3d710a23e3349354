/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "signet-bench-pg-statements"

#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include <libpq-fe.h>

#include "signet-db-pg.h"

/* What the PostgreSQL engine's statement-level atomicity costs: inside a
 * transaction each statement runs under a savepoint (SAVEPOINT, the
 * statement, RELEASE), so that a failing one undoes only itself, as in
 * SQLite. The engine sends the three in one pipeline, one round trip.
 *
 * Timed: N inserts of one row (a text and an integer into a table with an
 * identity key) in one transaction, per insert, median of the rounds:
 *   libpq alone          PQexecPrepared, no savepoint: the floor;
 *   libpq, savepoints    SAVEPOINT, INSERT, RELEASE as three PQexec calls;
 *   libpq, pipelined     the same three in one pipeline, as the engine does;
 *   engine               signet_db_step() of a persistent statement;
 *   engine, autocommit   the same outside a transaction (one commit each).
 *
 * Usage: signet-bench-pg-statements CONNINFO [ROWS [ROUNDS]]
 * (a scratch database: it makes and drops the table bench_statements). */

static PGconn *conn;

static void
exec_or_die (const char *sql)
{
  PGresult *res = PQexec (conn, sql);

  if (PQresultStatus (res) != PGRES_COMMAND_OK && PQresultStatus (res) != PGRES_TUPLES_OK)
    g_error ("%s: %s", sql, PQerrorMessage (conn));
  PQclear (res);
}

static void
check (PGresult *res)
{
  if (PQresultStatus (res) != PGRES_COMMAND_OK && PQresultStatus (res) != PGRES_TUPLES_OK
      && PQresultStatus (res) != PGRES_PIPELINE_SYNC)
    g_error ("%s", PQresultErrorMessage (res));
  PQclear (res);
}

static void
bind_row (int    i,
          char   name[32],
          char   amount[32],
          const char *values[2])
{
  g_snprintf (name, 32, "HT-%07d", i);
  g_snprintf (amount, 32, "%d", i * 10);
  values[0] = name;
  values[1] = amount;
}

static void
run_libpq (int rows)
{
  char name[32], amount[32];
  const char *values[2];

  exec_or_die ("BEGIN");
  for (int i = 0; i < rows; i++)
    {
      bind_row (i, name, amount, values);
      check (PQexecPrepared (conn, "bench_insert", 2, values, NULL, NULL, 0));
    }
  exec_or_die ("COMMIT");
}

static void
run_libpq_savepoints (int rows)
{
  char name[32], amount[32];
  const char *values[2];

  exec_or_die ("BEGIN");
  for (int i = 0; i < rows; i++)
    {
      bind_row (i, name, amount, values);
      exec_or_die ("SAVEPOINT s");
      check (PQexecPrepared (conn, "bench_insert", 2, values, NULL, NULL, 0));
      exec_or_die ("RELEASE SAVEPOINT s");
    }
  exec_or_die ("COMMIT");
}

static void
run_libpq_pipelined (int rows)
{
  char name[32], amount[32];
  const char *values[2];

  exec_or_die ("BEGIN");
  for (int i = 0; i < rows; i++)
    {
      PGresult *res;

      bind_row (i, name, amount, values);
      PQenterPipelineMode (conn);
      PQsendQueryParams (conn, "SAVEPOINT s", 0, NULL, NULL, NULL, NULL, 0);
      PQsendQueryPrepared (conn, "bench_insert", 2, values, NULL, NULL, 0);
      PQsendQueryParams (conn, "RELEASE SAVEPOINT s", 0, NULL, NULL, NULL, NULL, 0);
      PQpipelineSync (conn);
      for (int results = 0; results < 3; results++)
        {
          check (PQgetResult (conn));
          g_assert_null (PQgetResult (conn));
        }
      res = PQgetResult (conn);
      g_assert_cmpint (PQresultStatus (res), ==, PGRES_PIPELINE_SYNC);
      PQclear (res);
      PQexitPipelineMode (conn);
    }
  exec_or_die ("COMMIT");
}

static void
run_engine (SignetDb *db,
            int       rows,
            gboolean  transaction)
{
  SignetDbStmt *stmt = NULL;

  if (signet_db_prepare (db, "INSERT INTO bench_statements (name, amount) VALUES (?1, ?2)",
                         TRUE, &stmt) != SIGNET_DB_OK)
    g_error ("%s", signet_db_errmsg (db));
  if (transaction && signet_db_exec (db, "BEGIN") != SIGNET_DB_OK)
    g_error ("%s", signet_db_errmsg (db));
  for (int i = 0; i < rows; i++)
    {
      char name[32];

      g_snprintf (name, sizeof name, "HT-%07d", i);
      signet_db_bind_text (stmt, 1, name);
      signet_db_bind_int64 (stmt, 2, i * 10);
      if (signet_db_step (stmt) != SIGNET_DB_DONE)
        g_error ("%s", signet_db_errmsg (db));
      signet_db_reset (stmt);
    }
  if (transaction && signet_db_exec (db, "COMMIT") != SIGNET_DB_OK)
    g_error ("%s", signet_db_errmsg (db));
  signet_db_finalize (stmt);
}

static void
notice_received_cb (void       *data,
                    const char *message)
{
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return (x > y) - (x < y);
}

int
main (int   argc,
      char *argv[])
{
  static const char *const names[] = {
    "libpq alone (floor)", "libpq, savepoints", "libpq, pipelined",
    "engine", "engine, autocommit",
  };
  g_autoptr(GError) error = NULL;
  SignetDb *db;
  int rows;
  int rounds;
  double floor_us = 0;

  if (argc < 2)
    {
      fprintf (stderr, "Usage: %s CONNINFO [ROWS [ROUNDS]]\n", argv[0]);
      return 2;
    }
  rows = argc > 2 ? atoi (argv[2]) : 10000;
  rounds = argc > 3 ? atoi (argv[3]) : 5;

  conn = PQconnectdb (argv[1]);
  if (PQstatus (conn) != CONNECTION_OK)
    g_error ("%s", PQerrorMessage (conn));
  PQsetNoticeProcessor (conn, notice_received_cb, NULL);
  db = signet_db_pg_open (argv[1], &error);
  g_assert_no_error (error);

  exec_or_die ("DROP TABLE IF EXISTS bench_statements");
  exec_or_die ("CREATE TABLE bench_statements (id BIGINT GENERATED BY DEFAULT AS IDENTITY"
               " PRIMARY KEY, name TEXT NOT NULL UNIQUE, amount BIGINT)");
  check (PQprepare (conn, "bench_insert",
                    "INSERT INTO bench_statements (name, amount) VALUES ($1, $2::int8)",
                    2, NULL));

  printf ("%d inserts in one transaction, per insert, median of %d rounds; server %d\n\n",
          rows, rounds, PQserverVersion (conn));
  printf ("%-22s %10s %8s\n", "", "µs/insert", "ratio");
  for (guint method = 0; method < G_N_ELEMENTS (names); method++)
    {
      g_autofree double *times = g_new (double, rounds);
      double median;

      for (int round = 0; round < rounds; round++)
        {
          gint64 start;

          exec_or_die ("TRUNCATE bench_statements");
          start = g_get_monotonic_time ();
          switch (method)
            {
            case 0: run_libpq (rows); break;
            case 1: run_libpq_savepoints (rows); break;
            case 2: run_libpq_pipelined (rows); break;
            case 3: run_engine (db, rows, TRUE); break;
            case 4:
            default: run_engine (db, rows, FALSE); break;
            }
          times[round] = (double) (g_get_monotonic_time () - start) / rows;
        }
      qsort (times, rounds, sizeof (double), compare_doubles);
      median = times[rounds / 2];
      if (method == 0)
        floor_us = median;
      printf ("%-22s %10.1f %8.2f\n", names[method], median, median / floor_us);
    }

  exec_or_die ("DROP TABLE bench_statements");
  signet_db_close (db);
  PQfinish (conn);
  return 0;
}
