/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "signet-bench-pg-statements"

#include "config.h"

#include <stdio.h>
#include <errno.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>
#include <string.h>

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
 * Then reading 1,000,000 rows of three columns: the time, and how much
 * the process's peak resident memory grows (VmHWM, reset before each),
 * through the engine and through libpq alone (PQexec: all rows held).
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

#define READ_ROWS 1000000
#define READ_SQL "SELECT g AS id, 'HT-' || g AS number, g * 100 AS amount" \
                 " FROM generate_series(1, 1000000) g"

/* Peak resident memory in kB since the last reset_peak_memory(). */
static gint64
peak_memory (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return -1;
  line = strstr (status, "VmHWM:");
  return line != NULL ? g_ascii_strtoll (line + 6, NULL, 10) : -1;
}

static void
reset_peak_memory (void)
{
  g_file_set_contents ("/proc/self/clear_refs", "5", -1, NULL);
}

static gint64
read_rows_engine (SignetDb *db)
{
  SignetDbStmt *stmt = NULL;
  gint64 sum = 0;
  int rc;

  if (signet_db_prepare (db, READ_SQL, FALSE, &stmt) != SIGNET_DB_OK)
    g_error ("%s", signet_db_errmsg (db));
  while ((rc = signet_db_step (stmt)) == SIGNET_DB_ROW)
    sum += signet_db_column_int64 (stmt, 0) + strlen (signet_db_column_text (stmt, 1))
           + signet_db_column_int64 (stmt, 2);
  if (rc != SIGNET_DB_DONE)
    g_error ("%s", signet_db_errmsg (db));
  signet_db_finalize (stmt);
  return sum;
}

static gint64
read_rows_libpq (void)
{
  PGresult *res = PQexec (conn, READ_SQL);
  gint64 sum = 0;

  if (PQresultStatus (res) != PGRES_TUPLES_OK)
    g_error ("%s", PQerrorMessage (conn));
  for (int i = 0; i < PQntuples (res); i++)
    sum += g_ascii_strtoll (PQgetvalue (res, i, 0), NULL, 10) + strlen (PQgetvalue (res, i, 1))
           + g_ascii_strtoll (PQgetvalue (res, i, 2), NULL, 10);
  PQclear (res);
  return sum;
}

/* Reads the rows in a child process of its own, so that the memory the
 * allocator keeps from an earlier round does not hide the growth. */
static void
measure_read (const char *conninfo,
              guint       method,
              double     *ms,
              double     *mb)
{
  double numbers[2] = { 0, 0 };
  int fds[2];
  pid_t child;

  if (pipe (fds) != 0)
    g_error ("pipe: %s", g_strerror (errno));
  child = fork ();
  if (child == 0)
    {
      g_autoptr(GError) error = NULL;
      SignetDb *db = NULL;
      gint64 before, start;

      close (fds[0]);
      if (method == 0)
        {
          db = signet_db_pg_open (conninfo, &error);
          g_assert_no_error (error);
        }
      else
        conn = PQconnectdb (conninfo);
      reset_peak_memory ();
      before = peak_memory ();
      start = g_get_monotonic_time ();
      if (method == 0)
        read_rows_engine (db);
      else
        read_rows_libpq ();
      numbers[0] = (g_get_monotonic_time () - start) / 1000.0;
      numbers[1] = (peak_memory () - before) / 1024.0;
      if (write (fds[1], numbers, sizeof numbers) != sizeof numbers)
        _exit (1);
      _exit (0);
    }
  close (fds[1]);
  if (read (fds[0], numbers, sizeof numbers) != sizeof numbers)
    g_error ("the reading process failed");
  close (fds[0]);
  waitpid (child, NULL, 0);
  *ms = numbers[0];
  *mb = numbers[1];
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
  g_autofree double *times = NULL;

  if (argc < 2)
    {
      fprintf (stderr, "Usage: %s CONNINFO [ROWS [ROUNDS]]\n", argv[0]);
      return 2;
    }
  rows = argc > 2 ? atoi (argv[2]) : 10000;
  rounds = argc > 3 ? atoi (argv[3]) : 5;
  times = g_new (double, G_N_ELEMENTS (names) * rounds);

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
  /* Round by round through the methods, so that a busy moment of the
   * machine falls on all of them alike. */
  for (int round = 0; round < rounds; round++)
    for (guint method = 0; method < G_N_ELEMENTS (names); method++)
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
        times[method * rounds + round] = (double) (g_get_monotonic_time () - start) / rows;
      }
  for (guint method = 0; method < G_N_ELEMENTS (names); method++)
    {
      double *mine = &times[method * rounds];
      double median;

      qsort (mine, rounds, sizeof (double), compare_doubles);
      median = mine[rounds / 2];
      if (method == 0)
        floor_us = median;
      printf ("%-22s %10.1f %8.2f\n", names[method], median, median / floor_us);
    }

  exec_or_die ("DROP TABLE bench_statements");

  printf ("\nReading %d rows of 3 columns, each in a new process, median of %d rounds\n\n",
          READ_ROWS, rounds);
  printf ("%-22s %10s %12s\n", "", "ms", "peak +MB");
  for (guint method = 0; method < 2; method++)
    {
      g_autofree double *read_times = g_new (double, rounds);
      g_autofree double *growth = g_new (double, rounds);

      for (int round = 0; round < rounds; round++)
        measure_read (argv[1], method, &read_times[round], &growth[round]);
      qsort (read_times, rounds, sizeof (double), compare_doubles);
      qsort (growth, rounds, sizeof (double), compare_doubles);
      printf ("%-22s %10.0f %12.1f\n", method == 0 ? "engine" : "libpq, PQexec",
              read_times[rounds / 2], growth[rounds / 2]);
    }

  signet_db_close (db);
  PQfinish (conn);
  return 0;
}
