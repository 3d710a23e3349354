/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "signet-bench-pg-import-floor"

#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <glib/gstdio.h>
#include <libpq-fe.h>
#include <sqlite3.h>

#include "signet-demo.h"
#include "signet-xml.h"

/* How fast the rows of an XML import can reach a team register at best,
 * against the import into a file of the same XML: the floor under the
 * server's import, and so whether "at most twice the file's time" is
 * within reach.
 *
 * The register is generated as signet-bench-xml makes it (same --dir
 * files, seed 1) and imported into a file, in a child process, timed. The
 * rows that import wrote (people, clients, contracts and their audit
 * entries: all an import of a generated register writes) are then read
 * back and written with bare libpq into a new database on the server,
 * made with signet_store_open (URI, CREATE) so that its tables, indexes
 * (the trigram and pair GIN indexes of the search) and triggers are the
 * real ones, in one transaction, three ways:
 *   a. one INSERT per round trip (PQexecPrepared);
 *   b. the same INSERTs in libpq's pipeline mode, synced every --sync;
 *   c. COPY FROM STDIN, one per table;
 *   d. the same with the GIN indexes (the search's) dropped first and
 *      made again before the commit, as a file's import does with some
 *      of its indexes.
 * With --signet, Signet's own import of the same file into a new team
 * register runs too. Times are wall times of the writes alone (BEGIN to
 * COMMIT), the median of --runs. On two cores shared with other work the
 * wall times swing with the load, so each run's CPU time is given too:
 * the client's (getrusage) and the server's (its backends' as the
 * postmaster reaps them, so a server of the bench's own, with autovacuum
 * off, counts only the bench's work).
 *
 * Usage: signet-bench-pg-import-floor --server-admin CONNINFO
 *          [--contracts N] [--clients N] [--runs N] [--sync N] [--dir DIR] [--signet] */

static int n_contracts = 20000;
static int n_clients = 500;
static int n_runs = 1;
static int sync_every = 500;
static gboolean with_signet;
static char *work_dir;
static char *server_admin;

static const GOptionEntry entries[] = {
  { "contracts", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_INT, &n_contracts, "Number of contracts (20000)", "N" },
  { "clients", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_INT, &n_clients, "Number of clients (500)", "N" },
  { "runs", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_INT, &n_runs, "Runs of each method; the median counts (1)", "N" },
  { "sync", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_INT, &sync_every, "Pipeline: statements between syncs (500)", "N" },
  { "dir", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_FILENAME, &work_dir, "Folder for the files (a new temporary one)", "DIR" },
  { "signet", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE, &with_signet, "Also time Signet's import into a team register", NULL },
  { "server-admin", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, &server_admin,
    "A superuser's conninfo on the server's database postgres (required)", "CONNINFO" },
  { NULL }
};

/* The tables an import of a generated register writes, in an order that
 * keeps the foreign keys. */
static const char *const tables[] = { "people", "clients", "contracts", "audit" };

typedef struct
{
  const char *name;
  /* The columns both the file and the server have. */
  GPtrArray  *columns;
  /* The rows, column by column as text (NULL for SQL's NULL; a blob as
   * bytea's hex text); n_rows * columns->len of them. */
  GPtrArray  *values;
  guint       n_rows;
} Table;

typedef enum
{
  METHOD_ROUND_TRIPS,
  METHOD_PIPELINE,
  METHOD_COPY,
  METHOD_COPY_GIN_AFTER,
  N_METHODS
} Method;

static const char *const method_names[] = {
  "a. INSERT, one per round trip",
  "b. INSERT, pipelined",
  "c. COPY FROM STDIN",
  "d. COPY, GIN indexes made after",
};

/* One run: its wall time, and the CPU time of the client and the server. */
typedef struct
{
  double seconds;
  double cpu;
} Run;

/* The admin's connection, kept open to watch the server's backends. */
static PGconn *admin;
static pid_t postmaster;

/* The CPU seconds of the server's backends that have ended. */
static double
server_cpu (void)
{
  g_autofree char *path = g_strdup_printf ("/proc/%d/stat", (int) postmaster);
  g_autofree char *text = NULL;
  g_auto(GStrv) fields = NULL;
  const char *after_name;

  if (!g_file_get_contents (path, &text, NULL, NULL) || (after_name = strrchr (text, ')')) == NULL)
    g_error ("Cannot read %s: the bench needs the server on this machine", path);
  /* After the name: state is field 3; cutime and cstime are 16 and 17. */
  fields = g_strsplit (after_name + 2, " ", -1);
  if (g_strv_length (fields) < 15)
    g_error ("%s is not as expected", path);
  return (g_ascii_strtod (fields[13], NULL) + g_ascii_strtod (fields[14], NULL))
         / sysconf (_SC_CLK_TCK);
}

/* Waits until no backend but the admin's is left, and the postmaster has
 * reaped the ended ones, so that their CPU time is counted. */
static void
wait_for_backends (void)
{
  for (int i = 0; i < 200; i++)
    {
      PGresult *res = PQexec (admin, "SELECT count(*) FROM pg_stat_activity"
                                     " WHERE backend_type = 'client backend'"
                                     " AND pid <> pg_backend_pid ()");
      gboolean idle = PQresultStatus (res) == PGRES_TUPLES_OK
                      && g_str_equal (PQgetvalue (res, 0, 0), "0");

      PQclear (res);
      if (idle)
        break;
      g_usleep (50 * 1000);
    }
  g_usleep (100 * 1000);
}

static double
rusage_seconds (const struct rusage *usage)
{
  return usage->ru_utime.tv_sec + usage->ru_stime.tv_sec
         + (usage->ru_utime.tv_usec + usage->ru_stime.tv_usec) / 1e6;
}

static double
seconds_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
median (double *values,
        int     n)
{
  qsort (values, n, sizeof (double), compare_doubles);
  return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

/* The median wall time and the median CPU time of @n runs. */
static Run
median_run (const Run *runs,
            int        n)
{
  g_autofree double *seconds = g_new (double, n);
  g_autofree double *cpu = g_new (double, n);

  for (int i = 0; i < n; i++)
    {
      seconds[i] = runs[i].seconds;
      cpu[i] = runs[i].cpu;
    }
  return (Run) { median (seconds, n), median (cpu, n) };
}

static void
print_run (const char *name,
           Run         run,
           Run         file)
{
  printf ("%-34s %9.2f %9.2f %9.2f %9.2f\n", name, run.seconds, run.seconds / file.seconds,
          run.cpu, run.cpu / file.cpu);
  fflush (stdout);
}

static void
check_result (PGconn   *conn,
              PGresult *res,
              const char *what)
{
  ExecStatusType status = PQresultStatus (res);

  if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK && status != PGRES_PIPELINE_SYNC
      && status != PGRES_COPY_IN)
    g_error ("%s: %s", what, res != NULL ? PQresultErrorMessage (res) : PQerrorMessage (conn));
  PQclear (res);
}

static void
exec_or_die (PGconn     *conn,
             const char *sql)
{
  check_result (conn, PQexec (conn, sql), sql);
}

static void
notice_received_cb (void       *data,
                    const char *message)
{
}

/* Child modes: one import, nothing else in the process. */

static int
child_import (const char *target,
              const char *xml_path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SignetStore) store = signet_store_new (target, &error);
  g_autoptr(GFile) file = g_file_new_for_path (xml_path);
  g_autoptr(SignetImportReport) report = NULL;
  SignetImportOptions options = { SIGNET_CONFLICT_FAIL, FALSE };

  if (store == NULL || !signet_xml_import (store, file, &options, &report, NULL, NULL, NULL, &error))
    {
      g_printerr ("%s\n", error != NULL ? error->message : "import failed");
      return EXIT_FAILURE;
    }
  return report->contracts_added == (guint) n_contracts ? EXIT_SUCCESS : EXIT_FAILURE;
}

/* Signet's import into @target in a child process; with the server's
 * CPU time when @target is on it. */
static Run
run_child_import (const char *self_path,
                  const char *target,
                  const char *xml_path)
{
  g_autofree char *count = g_strdup_printf ("%d", n_contracts);
  char *argv[] = { (char *) self_path, (char *) "--child-import", (char *) target,
                   (char *) xml_path, count, NULL };
  gboolean on_server = g_str_has_prefix (target, "postgresql:");
  struct rusage usage;
  double server_before = 0;
  gint64 start;
  Run run;
  int status;
  pid_t pid;

  if (on_server)
    {
      wait_for_backends ();
      server_before = server_cpu ();
    }
  start = g_get_monotonic_time ();
  pid = fork ();
  if (pid == 0)
    {
      execv (self_path, argv);
      _exit (127);
    }
  if (wait4 (pid, &status, 0, &usage) != pid || !WIFEXITED (status) || WEXITSTATUS (status) != 0)
    g_error ("the import into %s failed", target);
  run.seconds = seconds_since (start);
  run.cpu = rusage_seconds (&usage);
  if (on_server)
    {
      wait_for_backends ();
      run.cpu += server_cpu () - server_before;
    }
  return run;
}

/* The register and its XML, as signet-bench-xml makes them. */
static void
make_register (const char *source_db,
               const char *xml_path)
{
  g_autoptr(GError) error = NULL;

  if (!g_file_test (source_db, G_FILE_TEST_EXISTS))
    {
      g_autoptr(SignetStore) store = signet_store_new (source_db, &error);

      if (store == NULL || !signet_demo_generate (store, n_clients, n_contracts, 1, &error))
        g_error ("%s", error->message);
    }
  if (!g_file_test (xml_path, G_FILE_TEST_EXISTS))
    {
      g_autoptr(SignetStore) store = signet_store_new (source_db, &error);
      g_autoptr(GFile) file = g_file_new_for_path (xml_path);

      if (store == NULL
          || !signet_xml_export (store, file, NULL, SIGNET_EXPORT_FLAGS_NONE, NULL, NULL, NULL, &error))
        g_error ("%s", error->message);
    }
}

/* A new, empty database @name on the server: its conninfo for libpq,
 * and in *@uri the same as a URI for a store. */
static char *
new_database (const char  *name,
              char       **uri)
{
  PGconn *conn = PQconnectdb (server_admin);
  g_autofree char *drop = g_strdup_printf ("DROP DATABASE IF EXISTS %s", name);
  g_autofree char *create = g_strdup_printf ("CREATE DATABASE %s", name);
  char *conninfo;

  if (PQstatus (conn) != CONNECTION_OK)
    g_error ("%s", PQerrorMessage (conn));
  PQsetNoticeProcessor (conn, notice_received_cb, NULL);
  exec_or_die (conn, drop);
  exec_or_die (conn, create);
  *uri = g_strdup_printf ("postgresql:///%s?host=%s&port=%s&user=%s", name, PQhost (conn),
                          PQport (conn), PQuser (conn));
  conninfo = g_strdup_printf ("dbname=%s host=%s port=%s user=%s", name, PQhost (conn),
                              PQport (conn), PQuser (conn));
  PQfinish (conn);
  return conninfo;
}

/* A new database @name with the team register's schema; its conninfo. */
static char *
make_register_database (const char *name)
{
  g_autofree char *uri = NULL;
  char *conninfo = new_database (name, &uri);
  g_autoptr(GError) error = NULL;
  g_autoptr(SignetStore) store = signet_store_open (uri, SIGNET_STORE_OPEN_CREATE, &error);

  if (store == NULL)
    g_error ("%s", error->message);
  return conninfo;
}

static void
drop_database (const char *name)
{
  PGconn *conn = PQconnectdb (server_admin);
  g_autofree char *drop = g_strdup_printf ("DROP DATABASE IF EXISTS %s", name);

  PQsetNoticeProcessor (conn, notice_received_cb, NULL);
  exec_or_die (conn, drop);
  PQfinish (conn);
}

static char *
hex_bytea (const guint8 *data,
           int           size)
{
  GString *text = g_string_sized_new (2 + 2 * size);

  g_string_append (text, "\\x");
  for (int i = 0; i < size; i++)
    g_string_append_printf (text, "%02x", data[i]);
  return g_string_free (text, FALSE);
}

/* Reads @table's rows from the file the import wrote, the columns the
 * server's table has too. */
static void
read_table (sqlite3    *file,
            PGconn     *conn,
            const char *name,
            Table      *table)
{
  const char *params[1] = { name };
  PGresult *res = PQexecParams (conn,
                                "SELECT column_name FROM information_schema.columns"
                                " WHERE table_schema = current_schema () AND table_name = $1"
                                " ORDER BY ordinal_position",
                                1, NULL, params, NULL, NULL, 0);
  g_autoptr(GString) sql = g_string_new ("SELECT ");
  sqlite3_stmt *stmt = NULL;
  g_autoptr(GHashTable) in_file = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *pragma = g_strdup_printf ("PRAGMA table_info (%s)", name);

  if (PQresultStatus (res) != PGRES_TUPLES_OK)
    g_error ("%s", PQresultErrorMessage (res));

  if (sqlite3_prepare_v2 (file, pragma, -1, &stmt, NULL) != SQLITE_OK)
    g_error ("%s", sqlite3_errmsg (file));
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_hash_table_add (in_file, g_strdup ((const char *) sqlite3_column_text (stmt, 1)));
  sqlite3_finalize (stmt);

  table->name = name;
  table->columns = g_ptr_array_new_with_free_func (g_free);
  table->values = g_ptr_array_new_with_free_func (g_free);
  for (int i = 0; i < PQntuples (res); i++)
    if (g_hash_table_contains (in_file, PQgetvalue (res, i, 0)))
      g_ptr_array_add (table->columns, g_strdup (PQgetvalue (res, i, 0)));
  PQclear (res);

  for (guint i = 0; i < table->columns->len; i++)
    g_string_append_printf (sql, "%s\"%s\"", i > 0 ? ", " : "",
                            (const char *) g_ptr_array_index (table->columns, i));
  g_string_append_printf (sql, " FROM %s ORDER BY id", name);

  if (sqlite3_prepare_v2 (file, sql->str, -1, &stmt, NULL) != SQLITE_OK)
    g_error ("%s: %s", sql->str, sqlite3_errmsg (file));
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      for (guint i = 0; i < table->columns->len; i++)
        switch (sqlite3_column_type (stmt, i))
          {
          case SQLITE_NULL:
            g_ptr_array_add (table->values, NULL);
            break;
          case SQLITE_BLOB:
            g_ptr_array_add (table->values, hex_bytea (sqlite3_column_blob (stmt, i),
                                                       sqlite3_column_bytes (stmt, i)));
            break;
          default:
            g_ptr_array_add (table->values, g_strdup ((const char *) sqlite3_column_text (stmt, i)));
            break;
          }
      table->n_rows++;
    }
  sqlite3_finalize (stmt);
}

static char *
insert_sql (const Table *table)
{
  GString *sql = g_string_new (NULL);

  g_string_append_printf (sql, "INSERT INTO %s (", table->name);
  for (guint i = 0; i < table->columns->len; i++)
    g_string_append_printf (sql, "%s\"%s\"", i > 0 ? ", " : "",
                            (const char *) g_ptr_array_index (table->columns, i));
  g_string_append (sql, ") VALUES (");
  for (guint i = 0; i < table->columns->len; i++)
    g_string_append_printf (sql, "%s$%u", i > 0 ? ", " : "", i + 1);
  g_string_append (sql, ")");
  return g_string_free (sql, FALSE);
}

static const char *const *
row_values (const Table *table,
            guint        row)
{
  return (const char *const *) &table->values->pdata[row * table->columns->len];
}

static void
write_round_trips (PGconn      *conn,
                   const Table *table,
                   const char  *statement)
{
  for (guint row = 0; row < table->n_rows; row++)
    check_result (conn, PQexecPrepared (conn, statement, table->columns->len,
                                        row_values (table, row), NULL, NULL, 0),
                  table->name);
}

/* Reads the results of the commands sent since the last sync, and the
 * sync's. */
static void
read_pipeline (PGconn *conn,
               guint   n_commands)
{
  for (guint i = 0; i < n_commands; i++)
    {
      check_result (conn, PQgetResult (conn), "pipelined INSERT");
      g_assert_null (PQgetResult (conn));
    }
  check_result (conn, PQgetResult (conn), "pipeline sync");
}

static void
write_pipelined (PGconn      *conn,
                 const Table *table,
                 const char  *statement)
{
  guint pending = 0;

  if (!PQenterPipelineMode (conn))
    g_error ("%s", PQerrorMessage (conn));
  for (guint row = 0; row < table->n_rows; row++)
    {
      if (!PQsendQueryPrepared (conn, statement, table->columns->len, row_values (table, row),
                                NULL, NULL, 0))
        g_error ("%s", PQerrorMessage (conn));
      if (++pending == (guint) sync_every)
        {
          PQpipelineSync (conn);
          read_pipeline (conn, pending);
          pending = 0;
        }
    }
  PQpipelineSync (conn);
  read_pipeline (conn, pending);
  PQexitPipelineMode (conn);
}

/* COPY's text format: tab between columns, \N for NULL, and a backslash,
 * tab, newline or carriage return in a value escaped. */
static void
append_copy_value (GString    *line,
                   const char *value)
{
  if (value == NULL)
    {
      g_string_append (line, "\\N");
      return;
    }
  for (const char *p = value; *p != '\0'; p++)
    switch (*p)
      {
      case '\\': g_string_append (line, "\\\\"); break;
      case '\t': g_string_append (line, "\\t"); break;
      case '\n': g_string_append (line, "\\n"); break;
      case '\r': g_string_append (line, "\\r"); break;
      default: g_string_append_c (line, *p); break;
      }
}

static void
write_copy (PGconn      *conn,
            const Table *table)
{
  g_autoptr(GString) sql = g_string_new (NULL);
  g_autoptr(GString) buffer = g_string_sized_new (1 << 16);

  g_string_append_printf (sql, "COPY %s (", table->name);
  for (guint i = 0; i < table->columns->len; i++)
    g_string_append_printf (sql, "%s\"%s\"", i > 0 ? ", " : "",
                            (const char *) g_ptr_array_index (table->columns, i));
  g_string_append (sql, ") FROM STDIN");
  check_result (conn, PQexec (conn, sql->str), sql->str);

  for (guint row = 0; row < table->n_rows; row++)
    {
      const char *const *values = row_values (table, row);

      for (guint i = 0; i < table->columns->len; i++)
        {
          if (i > 0)
            g_string_append_c (buffer, '\t');
          append_copy_value (buffer, values[i]);
        }
      g_string_append_c (buffer, '\n');
      if (buffer->len >= (1 << 16))
        {
          if (PQputCopyData (conn, buffer->str, buffer->len) != 1)
            g_error ("%s", PQerrorMessage (conn));
          g_string_truncate (buffer, 0);
        }
    }
  if ((buffer->len > 0 && PQputCopyData (conn, buffer->str, buffer->len) != 1)
      || PQputCopyEnd (conn, NULL) != 1)
    g_error ("%s", PQerrorMessage (conn));
  check_result (conn, PQgetResult (conn), sql->str);
  g_assert_null (PQgetResult (conn));
}

/* Writes @tables into a new register the way @method says; returns the
 * seconds from BEGIN to COMMIT. */
static Run
write_floor (Method       method,
             const Table *all,
             guint        n_tables)
{
  g_autofree char *conninfo = make_register_database ("signet_bench_import_floor");
  PGconn *conn = PQconnectdb (conninfo);
  g_autoptr(GPtrArray) drops = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) creates = g_ptr_array_new_with_free_func (g_free);
  struct rusage before, after;
  double server_before;
  gint64 start;
  Run run;

  if (PQstatus (conn) != CONNECTION_OK)
    g_error ("%s", PQerrorMessage (conn));
  PQsetNoticeProcessor (conn, notice_received_cb, NULL);

  /* Preparing is not the rows' cost: done before the clock starts. */
  for (guint t = 0; t < n_tables && method < METHOD_COPY; t++)
    {
      g_autofree char *sql = insert_sql (&all[t]);

      check_result (conn, PQprepare (conn, all[t].name, sql, 0, NULL), sql);
    }

  if (method == METHOD_COPY_GIN_AFTER)
    {
      PGresult *res = PQexec (conn, "SELECT indexname, indexdef FROM pg_indexes"
                                    " WHERE schemaname = current_schema ()"
                                    " AND indexdef LIKE '% USING gin %'");

      if (PQresultStatus (res) != PGRES_TUPLES_OK)
        g_error ("%s", PQerrorMessage (conn));
      for (int i = 0; i < PQntuples (res); i++)
        {
          g_ptr_array_add (drops, g_strdup_printf ("DROP INDEX %s", PQgetvalue (res, i, 0)));
          g_ptr_array_add (creates, g_strdup (PQgetvalue (res, i, 1)));
        }
      PQclear (res);
    }

  wait_for_backends ();
  server_before = server_cpu ();
  getrusage (RUSAGE_SELF, &before);
  start = g_get_monotonic_time ();
  exec_or_die (conn, "BEGIN");
  for (guint i = 0; i < drops->len; i++)
    exec_or_die (conn, g_ptr_array_index (drops, i));
  for (guint t = 0; t < n_tables; t++)
    switch (method)
      {
      case METHOD_ROUND_TRIPS: write_round_trips (conn, &all[t], all[t].name); break;
      case METHOD_PIPELINE: write_pipelined (conn, &all[t], all[t].name); break;
      case METHOD_COPY:
      case METHOD_COPY_GIN_AFTER:
      default: write_copy (conn, &all[t]); break;
      }
  for (guint i = 0; i < creates->len; i++)
    exec_or_die (conn, g_ptr_array_index (creates, i));
  exec_or_die (conn, "COMMIT");
  run.seconds = seconds_since (start);
  getrusage (RUSAGE_SELF, &after);

  PQfinish (conn);
  wait_for_backends ();
  run.cpu = rusage_seconds (&after) - rusage_seconds (&before) + server_cpu () - server_before;
  drop_database ("signet_bench_import_floor");
  return run;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *self_path = NULL;
  g_autofree char *source_db = NULL;
  g_autofree char *xml_path = NULL;
  g_autofree char *import_db = NULL;
  g_autofree Run *runs = NULL;
  g_autofree char *conninfo = NULL;
  g_autofree char *pid_path = NULL;
  g_autofree char *pid_text = NULL;
  Table all[G_N_ELEMENTS (tables)] = { 0 };
  guint64 n_rows = 0;
  Run file_run;
  PGresult *res;
  sqlite3 *file = NULL;
  PGconn *conn;

  setlocale (LC_ALL, "");

  if (argc == 5 && g_str_equal (argv[1], "--child-import"))
    {
      n_contracts = atoi (argv[4]);
      return child_import (argv[2], argv[3]);
    }

  g_option_context_set_summary (context, "Times the fastest writes of an XML import's rows into a team register.");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || server_admin == NULL
      || n_runs < 1 || n_contracts < 1 || n_clients < 1 || sync_every < 1)
    {
      g_printerr ("%s\n", error != NULL ? error->message : "Give --server-admin and positive numbers.");
      return EXIT_FAILURE;
    }

  if (work_dir == NULL)
    work_dir = g_dir_make_tmp ("signet-bench-pg-import-floor-XXXXXX", NULL);
  g_mkdir_with_parents (work_dir, 0700);
  self_path = g_file_read_link ("/proc/self/exe", NULL);
  source_db = g_build_filename (work_dir, "source.db", NULL);
  xml_path = g_build_filename (work_dir, "register.xml", NULL);
  import_db = g_build_filename (work_dir, "import-floor.db", NULL);
  make_register (source_db, xml_path);

  admin = PQconnectdb (server_admin);
  if (PQstatus (admin) != CONNECTION_OK)
    g_error ("%s", PQerrorMessage (admin));
  res = PQexec (admin, "SHOW data_directory");
  if (PQresultStatus (res) != PGRES_TUPLES_OK)
    g_error ("%s", PQerrorMessage (admin));
  pid_path = g_build_filename (PQgetvalue (res, 0, 0), "postmaster.pid", NULL);
  PQclear (res);
  if (!g_file_get_contents (pid_path, &pid_text, NULL, &error))
    g_error ("%s: the bench needs the server on this machine", error->message);
  postmaster = (pid_t) g_ascii_strtoll (pid_text, NULL, 10);

  /* The file's import, the base of the ratios; its rows are the floor's. */
  runs = g_new (Run, n_runs);
  for (int i = 0; i < n_runs; i++)
    {
      g_autofree char *wal = g_strconcat (import_db, "-wal", NULL);
      g_autofree char *shm = g_strconcat (import_db, "-shm", NULL);

      g_remove (import_db);
      g_remove (wal);
      g_remove (shm);
      runs[i] = run_child_import (self_path, import_db, xml_path);
    }
  file_run = median_run (runs, n_runs);

  conninfo = make_register_database ("signet_bench_import_floor");
  conn = PQconnectdb (conninfo);
  if (PQstatus (conn) != CONNECTION_OK)
    g_error ("%s", PQerrorMessage (conn));
  if (sqlite3_open_v2 (import_db, &file, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
    g_error ("%s", sqlite3_errmsg (file));
  for (guint t = 0; t < G_N_ELEMENTS (tables); t++)
    {
      read_table (file, conn, tables[t], &all[t]);
      n_rows += all[t].n_rows;
    }
  sqlite3_close (file);
  PQfinish (conn);
  drop_database ("signet_bench_import_floor");

  printf ("%d contracts, %d clients; %s (%s); server %s; median of %d run(s)\n",
          n_contracts, n_clients, xml_path, work_dir, server_admin, n_runs);
  printf ("rows written:");
  for (guint t = 0; t < G_N_ELEMENTS (tables); t++)
    printf (" %s %u (%u columns)%s", all[t].name, all[t].n_rows, all[t].columns->len,
            t + 1 < G_N_ELEMENTS (tables) ? "," : "\n");
  printf ("\n%-34s %9s %9s %9s %9s\n", "method", "seconds", "÷ file", "CPU s", "÷ file");
  print_run ("Signet import into a file", file_run, file_run);

  for (Method method = 0; method < N_METHODS; method++)
    {
      for (int i = 0; i < n_runs; i++)
        runs[i] = write_floor (method, all, G_N_ELEMENTS (tables));
      print_run (method_names[method], median_run (runs, n_runs), file_run);
    }

  if (with_signet)
    {
      for (int i = 0; i < n_runs; i++)
        {
          g_autofree char *uri = NULL;

          /* A new, empty database: the import makes its schema. */
          g_free (new_database ("signet_bench_import_floor", &uri));
          runs[i] = run_child_import (self_path, uri, xml_path);
        }
      drop_database ("signet_bench_import_floor");
      print_run ("Signet import into a team register", median_run (runs, n_runs), file_run);
    }
  PQfinish (admin);

  for (guint t = 0; t < G_N_ELEMENTS (tables); t++)
    {
      g_ptr_array_unref (all[t].columns);
      g_ptr_array_unref (all[t].values);
    }
  return EXIT_SUCCESS;
}
