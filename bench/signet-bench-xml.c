/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "signet-bench-xml"

#include "config.h"

#include <fcntl.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <glib/gstdio.h>
#include <libpq-fe.h>

#include "signet-demo.h"
#include "signet-xml.h"

/* XML export and import of a generated register, each run in a child
 * process of its own so that its peak RSS is its own, against the parsing
 * floor: xmllint streaming the same file through the same schema. With
 * --server-admin, the import also runs into a team register on that
 * PostgreSQL server, each run into a new database, against the import into
 * a file of the same run. */

static int n_contracts = 100000;
static int n_clients = 2000;
static int n_runs = 5;
static char *work_dir;
static char *server_admin;

static const GOptionEntry entries[] = {
  { "contracts", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_INT, &n_contracts, "Number of contracts (100000)", "N" },
  { "clients", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_INT, &n_clients, "Number of clients (2000)", "N" },
  { "runs", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_INT, &n_runs, "Runs of each step; the median counts (5)", "N" },
  { "dir", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_FILENAME, &work_dir, "Folder for the files (a new temporary one)", "DIR" },
  { "server-admin", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, &server_admin,
    "Also import into PostgreSQL: a superuser's conninfo on its database postgres", "CONNINFO" },
  { NULL }
};

typedef struct
{
  double seconds;
  double rss_mb;
} Measure;

static double
seconds_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;
}

/* Runs @argv and returns its wall time and peak RSS; exits on failure.
 * A @quiet child's output goes to /dev/null (xmllint says "validates"). */
static Measure
run_child (char     **argv,
           gboolean   quiet)
{
  struct rusage usage;
  gint64 started = g_get_monotonic_time ();
  Measure measure;
  int status;
  pid_t pid;

  pid = fork ();
  if (pid == 0)
    {
      if (quiet)
        {
          int null_fd = open ("/dev/null", O_WRONLY);

          dup2 (null_fd, STDOUT_FILENO);
          dup2 (null_fd, STDERR_FILENO);
        }
      execvp (argv[0], argv);
      _exit (127);
    }

  if (wait4 (pid, &status, 0, &usage) != pid || !WIFEXITED (status) || WEXITSTATUS (status) != 0)
    {
      g_printerr ("%s failed\n", argv[0]);
      exit (EXIT_FAILURE);
    }

  measure.seconds = seconds_since (started);
  measure.rss_mb = usage.ru_maxrss / 1024.0;

  return measure;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return (x > y) - (x < y);
}

/* The median time and the largest peak RSS of @n runs. */
static Measure
summarize (Measure *runs,
           int      n)
{
  g_autofree double *times = g_new (double, n);
  Measure result = { 0, 0 };

  for (int i = 0; i < n; i++)
    {
      times[i] = runs[i].seconds;
      result.rss_mb = MAX (result.rss_mb, runs[i].rss_mb);
    }
  qsort (times, n, sizeof (double), compare_doubles);
  result.seconds = n % 2 ? times[n / 2] : (times[n / 2 - 1] + times[n / 2]) / 2;

  return result;
}

/* Child modes: one export or one import, nothing else in the process. */

static int
child_export (const char *db_path,
              const char *xml_path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SignetStore) store = signet_store_new (db_path, &error);
  g_autoptr(GFile) file = g_file_new_for_path (xml_path);

  if (store == NULL || !signet_xml_export (store, file, NULL, SIGNET_EXPORT_FLAGS_NONE, NULL, NULL, NULL, &error))
    {
      g_printerr ("%s\n", error->message);
      return EXIT_FAILURE;
    }

  return EXIT_SUCCESS;
}

static int
child_import (const char *db_path,
              const char *xml_path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SignetStore) store = signet_store_new (db_path, &error);
  g_autoptr(GFile) file = g_file_new_for_path (xml_path);
  g_autoptr(SignetImportReport) report = NULL;
  SignetImportOptions options = { SIGNET_CONFLICT_FAIL, FALSE };

  if (store == NULL || !signet_xml_import (store, file, &options, &report, NULL, NULL, NULL, &error))
    {
      g_autofree char *message = error ? signet_xml_error_format (error, xml_path) : NULL;

      g_printerr ("%s\n", message ? message : "import failed");
      return EXIT_FAILURE;
    }

  if (report->contracts_added != (guint) signet_store_count_contracts (store))
    return EXIT_FAILURE;

  return EXIT_SUCCESS;
}

/* Makes the empty database @name on the server of --server-admin and
 * returns a URI of it, for the same user and host. */
static char *
make_server_database (const char *name)
{
  PGconn *conn = PQconnectdb (server_admin);
  g_autofree char *drop = g_strdup_printf ("DROP DATABASE IF EXISTS %s", name);
  g_autofree char *create = g_strdup_printf ("CREATE DATABASE %s", name);
  GString *uri = g_string_new ("postgresql:///");
  PGresult *result;

  if (PQstatus (conn) != CONNECTION_OK)
    {
      g_printerr ("%s", PQerrorMessage (conn));
      exit (EXIT_FAILURE);
    }
  PQclear (PQexec (conn, drop));
  result = PQexec (conn, create);
  if (PQresultStatus (result) != PGRES_COMMAND_OK)
    {
      g_printerr ("%s", PQresultErrorMessage (result));
      exit (EXIT_FAILURE);
    }
  PQclear (result);

  g_string_append_printf (uri, "%s?host=%s&port=%s&user=%s", name, PQhost (conn), PQport (conn), PQuser (conn));
  PQfinish (conn);

  return g_string_free (uri, FALSE);
}

static void
print_row (const char *step,
           Measure     measure,
           const char *target,
           Measure     floor_measure)
{
  if (floor_measure.seconds > 0)
    printf ("%-22s %9.2f %9.1f %-16s %9.2f %7.2f\n", step, measure.seconds, measure.rss_mb,
            target, floor_measure.seconds, measure.seconds / floor_measure.seconds);
  else
    printf ("%-22s %9.2f %9.1f %-16s %9s %7s\n", step, measure.seconds, measure.rss_mb, target, "-", "-");
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(SignetStore) store = NULL;
  g_autofree char *self_path = NULL;
  g_autofree char *source_db = NULL;
  g_autofree char *xml_path = NULL;
  g_autofree char *xsd_path = NULL;
  g_autofree char *xmllint = NULL;
  g_autofree Measure *export_runs = NULL;
  g_autofree Measure *import_runs = NULL;
  g_autofree Measure *floor_runs = NULL;
  g_autofree Measure *server_runs = NULL;
  g_autoptr(GBytes) schema = NULL;
  g_autofree char *size_text = NULL;
  Measure export_m, import_m, floor_m = { 0, 0 }, server_m = { 0, 0 }, none = { 0, 0 };
  gint64 started;
  double generate_s;
  GStatBuf st;

  setlocale (LC_ALL, "");

  if (argc == 4 && g_str_equal (argv[1], "--child-export"))
    return child_export (argv[2], argv[3]);
  if (argc == 4 && g_str_equal (argv[1], "--child-import"))
    return child_import (argv[2], argv[3]);

  g_option_context_set_summary (context, "Times XML export and import of a generated register.");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || n_runs < 1 || n_contracts < 1 || n_clients < 1)
    {
      g_printerr ("%s\n", error ? error->message : "Give positive numbers.");
      return EXIT_FAILURE;
    }

  if (work_dir == NULL)
    work_dir = g_dir_make_tmp ("signet-bench-xml-XXXXXX", NULL);
  g_mkdir_with_parents (work_dir, 0700);

  self_path = g_file_read_link ("/proc/self/exe", NULL);
  source_db = g_build_filename (work_dir, "source.db", NULL);
  xml_path = g_build_filename (work_dir, "register.xml", NULL);
  xsd_path = g_build_filename (work_dir, "signet-1.xsd", NULL);

  /* The register, generated once and kept in --dir between runs. */
  started = g_get_monotonic_time ();
  if (!g_file_test (source_db, G_FILE_TEST_EXISTS))
    {
      store = signet_store_new (source_db, &error);
      if (store == NULL || !signet_demo_generate (store, n_clients, n_contracts, 1, &error))
        {
          g_printerr ("%s\n", error->message);
          return EXIT_FAILURE;
        }
      g_clear_object (&store);
    }
  generate_s = seconds_since (started);

  schema = signet_xml_get_schema ();
  if (!g_file_set_contents (xsd_path, g_bytes_get_data (schema, NULL), g_bytes_get_size (schema), &error))
    {
      g_printerr ("%s\n", error->message);
      return EXIT_FAILURE;
    }

  export_runs = g_new0 (Measure, n_runs);
  import_runs = g_new0 (Measure, n_runs);
  floor_runs = g_new0 (Measure, n_runs);
  server_runs = g_new0 (Measure, n_runs);
  xmllint = g_find_program_in_path ("xmllint");

  for (int i = 0; i < n_runs; i++)
    {
      char *export_argv[] = { self_path, (char *) "--child-export", source_db, xml_path, NULL };

      export_runs[i] = run_child (export_argv, FALSE);
    }

  for (int i = 0; i < n_runs; i++)
    {
      g_autofree char *name = g_strdup_printf ("import-%d.db", i);
      g_autofree char *db = g_build_filename (work_dir, name, NULL);
      g_autofree char *wal = g_strconcat (db, "-wal", NULL);
      g_autofree char *shm = g_strconcat (db, "-shm", NULL);
      char *import_argv[] = { self_path, (char *) "--child-import", db, xml_path, NULL };

      g_remove (db);
      import_runs[i] = run_child (import_argv, FALSE);
      g_remove (db);
      g_remove (wal);
      g_remove (shm);

      if (xmllint != NULL)
        {
          char *floor_argv[] = { xmllint, (char *) "--stream", (char *) "--noout", (char *) "--schema",
                                 xsd_path, xml_path, NULL };

          floor_runs[i] = run_child (floor_argv, TRUE);
        }

      if (server_admin != NULL)
        {
          g_autofree char *uri = make_server_database ("signet_bench_import");
          char *server_argv[] = { self_path, (char *) "--child-import", uri, xml_path, NULL };

          server_runs[i] = run_child (server_argv, FALSE);
        }
    }

  export_m = summarize (export_runs, n_runs);
  import_m = summarize (import_runs, n_runs);
  if (xmllint != NULL)
    floor_m = summarize (floor_runs, n_runs);
  if (server_admin != NULL)
    server_m = summarize (server_runs, n_runs);

  g_stat (xml_path, &st);
  size_text = g_format_size (st.st_size);

  printf ("method: a register of %d contracts and %d clients from signet_demo_generate() "
          "(generated in %.1f s, kept in %s); each step runs %d times in a child process, "
          "the time is the median wall time, the RSS the largest peak (ru_maxrss); the file is %s. "
          "export = signet_xml_export() to a file; import = signet_xml_import() into an empty "
          "register (schema validation, checks, one transaction); floor = xmllint --stream "
          "--noout --schema on the same file, the cost of parsing and validating alone.%s\n",
          n_contracts, n_clients, generate_s, work_dir, n_runs, size_text,
          server_admin != NULL ? " import (PostgreSQL) = the same import into a new, empty team register "
                                 "on the --server-admin server (the server's RSS is not counted), its "
                                 "floor the import into a file of the same run" : "");
  printf ("%-22s %9s %9s %-16s %9s %7s\n", "step", "median_s", "peak_MB", "target", "floor_s", "ratio");
  print_row ("export", export_m, "<=2 s, <=64 MB", none);
  print_row ("import", import_m, "<=3 s, <=64 MB", floor_m);
  if (xmllint != NULL)
    print_row ("xmllint (floor)", floor_m, "-", none);
  if (server_admin != NULL)
    print_row ("import (PostgreSQL)", server_m, "<=2x the file's", import_m);

  return EXIT_SUCCESS;
}
