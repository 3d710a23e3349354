/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "signet-bench-csv-import"

#include "config.h"

#include <fcntl.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "signet-csv-import.h"
#include "signet-demo.h"
#include "signet-money.h"
#include "signet-xml.h"

/* The CSV import of a generated register against its floor, the XML
 * import of the same register in the same run: both files are written
 * from one register, each import runs in a child process of its own into
 * an empty register, runs alternate so that the machine's load falls on
 * both alike. */

static int n_contracts = 100000;
static int n_clients = 2000;
static int n_runs = 3;
static char *work_dir;

static const GOptionEntry entries[] = {
  { "contracts", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_INT, &n_contracts, "Number of contracts (100000)", "N" },
  { "clients", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_INT, &n_clients, "Number of clients (2000)", "N" },
  { "runs", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_INT, &n_runs, "Runs of each import; the median counts (3)", "N" },
  { "dir", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_FILENAME, &work_dir, "Folder for the files (a new temporary one)", "DIR" },
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

static Measure
run_child (char **argv)
{
  struct rusage usage;
  gint64 started = g_get_monotonic_time ();
  Measure measure;
  int status;
  pid_t pid;

  pid = fork ();
  if (pid == 0)
    {
      execv (argv[0], argv);
      _exit (127);
    }

  if (wait4 (pid, &status, 0, &usage) != pid || !WIFEXITED (status) || WEXITSTATUS (status) != 0)
    {
      g_printerr ("%s %s failed\n", argv[0], argv[1]);
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

static void
append_cell (GString    *line,
             const char *text)
{
  g_string_append_c (line, '"');
  for (const char *p = text ? text : ""; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (line, '"');
      g_string_append_c (line, *p);
    }
  g_string_append_c (line, '"');
}

/* Every contract of @store as a row of a spreadsheet, with the fields a
 * register kept in one has: number to notes, its client by name and code. */
static gboolean
write_csv (SignetStore  *store,
           const char   *path,
           GError      **error)
{
  static const char *headers[] = {
    "Contract No.", "Title", "Client", "Client Code", "Type", "Owner", "Department", "Amount",
    "Currency", "Signing Date", "Start Date", "End Date", "Notice Days", "Auto-Renew", "Status",
    "Risk", "Tags", "Notes",
  };
  g_autoptr(GArray) ids = signet_store_query_contract_ids (store, NULL, SIGNET_SORT_NUMBER, FALSE, error);
  g_autoptr(GHashTable) codes = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  g_autoptr(GListModel) clients = signet_store_list_clients (store, error);
  g_autoptr(GString) text = g_string_sized_new (32 * 1024 * 1024);

  if (ids == NULL || clients == NULL)
    return FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (clients); i++)
    {
      g_autoptr(SignetClient) client = g_list_model_get_item (clients, i);
      gint64 id = signet_client_get_id (client);

      g_hash_table_insert (codes, g_memdup2 (&id, sizeof id), g_strdup (signet_client_get_code (client)));
    }

  for (guint h = 0; h < G_N_ELEMENTS (headers); h++)
    {
      if (h > 0)
        g_string_append_c (text, ',');
      append_cell (text, headers[h]);
    }
  g_string_append (text, "\r\n");

  for (guint i = 0; i < ids->len; i++)
    {
      gint64 id = g_array_index (ids, gint64, i);
      g_autoptr(SignetContract) contract = signet_store_get_contract (store, id, error);
      g_autofree char *value = NULL;
      g_autofree char *days = NULL;
      gint64 client_id;

      if (contract == NULL)
        return FALSE;

      client_id = signet_contract_get_client_id (contract);
      value = signet_money_to_decimal (signet_contract_get_value (contract), signet_contract_get_currency (contract));
      days = g_strdup_printf ("%u", signet_contract_get_notice_days (contract));

      append_cell (text, signet_contract_get_number (contract));
      g_string_append_c (text, ',');
      append_cell (text, signet_contract_get_title (contract));
      g_string_append_c (text, ',');
      append_cell (text, signet_contract_get_client_name (contract));
      g_string_append_c (text, ',');
      append_cell (text, g_hash_table_lookup (codes, &client_id));
      g_string_append_c (text, ',');
      append_cell (text, signet_contract_get_contract_type (contract));
      g_string_append_c (text, ',');
      append_cell (text, signet_contract_get_owner (contract));
      g_string_append_c (text, ',');
      append_cell (text, signet_contract_get_department (contract));
      g_string_append_c (text, ',');
      append_cell (text, value);
      g_string_append_c (text, ',');
      append_cell (text, signet_contract_get_currency (contract));
      g_string_append_c (text, ',');
      append_cell (text, signet_contract_get_signing_date (contract));
      g_string_append_c (text, ',');
      append_cell (text, signet_contract_get_start_date (contract));
      g_string_append_c (text, ',');
      append_cell (text, signet_contract_get_end_date (contract));
      g_string_append_c (text, ',');
      append_cell (text, days);
      g_string_append_c (text, ',');
      append_cell (text, signet_contract_get_auto_renew (contract) ? "yes" : "no");
      g_string_append_c (text, ',');
      append_cell (text, signet_contract_status_to_token (signet_contract_get_status (contract)));
      g_string_append_c (text, ',');
      append_cell (text, signet_risk_level_to_token (signet_contract_get_risk_level (contract)));
      g_string_append_c (text, ',');
      append_cell (text, signet_contract_get_tags (contract));
      g_string_append_c (text, ',');
      append_cell (text, signet_contract_get_notes (contract));
      g_string_append (text, "\r\n");
    }

  return g_file_set_contents (path, text->str, text->len, error);
}

/* Child modes: one import into an empty register, nothing else in the
 * process. */

static int
child_import_xml (const char *db_path,
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

  return report->contracts_added == (guint) n_contracts ? EXIT_SUCCESS : EXIT_FAILURE;
}

static int
child_import_csv (const char *db_path,
                  const char *csv_path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SignetStore) store = signet_store_new (db_path, &error);
  g_autoptr(GFile) file = g_file_new_for_path (csv_path);
  g_autoptr(SignetCsvImportReport) report = NULL;
  SignetCsvImportOptions options = { FALSE, TRUE, SIGNET_CSV_ENCODING_AUTO };

  if (store == NULL || !signet_csv_import (store, file, NULL, &options, &report, NULL, NULL, NULL, &error))
    {
      g_autofree char *message = error ? signet_csv_error_format (error, csv_path) : NULL;

      g_printerr ("%s\n", message ? message : "import failed");
      return EXIT_FAILURE;
    }

  return report->contracts_added == (guint) n_contracts ? EXIT_SUCCESS : EXIT_FAILURE;
}

static Measure
run_import (const char *self_path,
            const char *mode,
            const char *db,
            const char *file)
{
  g_autofree char *wal = g_strconcat (db, "-wal", NULL);
  g_autofree char *shm = g_strconcat (db, "-shm", NULL);
  g_autofree char *count = g_strdup_printf ("%d", n_contracts);
  char *argv[] = { (char *) self_path, (char *) mode, (char *) db, (char *) file, count, NULL };
  Measure measure;

  g_remove (db);
  measure = run_child (argv);
  g_remove (db);
  g_remove (wal);
  g_remove (shm);

  return measure;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(SignetStore) store = NULL;
  g_autoptr(GFile) xml_file = NULL;
  g_autofree char *self_path = NULL;
  g_autofree char *source_db = NULL;
  g_autofree char *xml_path = NULL;
  g_autofree char *csv_path = NULL;
  g_autofree char *import_db = NULL;
  g_autofree Measure *csv_runs = NULL;
  g_autofree Measure *xml_runs = NULL;
  g_autofree char *csv_size = NULL;
  g_autofree char *xml_size = NULL;
  Measure csv_m, xml_m;
  GStatBuf csv_st, xml_st;
  gint64 started;
  double generate_s;

  setlocale (LC_ALL, "");

  if (argc == 5 && g_str_equal (argv[1], "--child-xml"))
    {
      n_contracts = atoi (argv[4]);
      return child_import_xml (argv[2], argv[3]);
    }
  if (argc == 5 && g_str_equal (argv[1], "--child-csv"))
    {
      n_contracts = atoi (argv[4]);
      return child_import_csv (argv[2], argv[3]);
    }

  g_option_context_set_summary (context, "Times the CSV import of a generated register against its XML import.");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || n_runs < 1 || n_contracts < 1 || n_clients < 1)
    {
      g_printerr ("%s\n", error ? error->message : "Give positive numbers.");
      return EXIT_FAILURE;
    }

  if (work_dir == NULL)
    work_dir = g_dir_make_tmp ("signet-bench-csv-XXXXXX", NULL);
  g_mkdir_with_parents (work_dir, 0700);

  self_path = g_file_read_link ("/proc/self/exe", NULL);
  source_db = g_build_filename (work_dir, "source.db", NULL);
  xml_path = g_build_filename (work_dir, "register.xml", NULL);
  csv_path = g_build_filename (work_dir, "register.csv", NULL);
  import_db = g_build_filename (work_dir, "import.db", NULL);

  /* One register, both files written from it. */
  started = g_get_monotonic_time ();
  g_remove (source_db);
  store = signet_store_new (source_db, &error);
  xml_file = g_file_new_for_path (xml_path);
  if (store == NULL || !signet_demo_generate (store, n_clients, n_contracts, 1, &error) ||
      !signet_xml_export (store, xml_file, NULL, SIGNET_EXPORT_FLAGS_NONE, NULL, NULL, NULL, &error) ||
      !write_csv (store, csv_path, &error))
    {
      g_printerr ("%s\n", error->message);
      return EXIT_FAILURE;
    }
  g_clear_object (&store);
  generate_s = seconds_since (started);

  csv_runs = g_new0 (Measure, n_runs);
  xml_runs = g_new0 (Measure, n_runs);
  for (int i = 0; i < n_runs; i++)
    {
      xml_runs[i] = run_import (self_path, "--child-xml", import_db, xml_path);
      csv_runs[i] = run_import (self_path, "--child-csv", import_db, csv_path);
    }

  csv_m = summarize (csv_runs, n_runs);
  xml_m = summarize (xml_runs, n_runs);
  g_stat (csv_path, &csv_st);
  g_stat (xml_path, &xml_st);
  csv_size = g_format_size (csv_st.st_size);
  xml_size = g_format_size (xml_st.st_size);

  printf ("method: a register of %d contracts and %d clients from signet_demo_generate() (made and "
          "written out in %.1f s, in %s), written once as XML (signet_xml_export(), %s) and as a "
          "UTF-8 CSV of 18 columns, number to notes with the client's name and code (%s); each "
          "import runs %d times in a child process into an empty register, XML and CSV in turn, "
          "the time is the median wall time, the RSS the largest peak. csv = signet_csv_import() "
          "with the mapping guessed from the headers, creating the clients; floor = "
          "signet_xml_import() of the same records (schema validation, checks, one transaction). "
          "Target: csv <= 1.5 x floor.\n",
          n_contracts, n_clients, generate_s, work_dir, xml_size, csv_size, n_runs);
  printf ("%-18s %9s %9s %9s %7s %7s\n", "step", "median_s", "peak_MB", "floor_s", "ratio", "target");
  printf ("%-18s %9.2f %9.1f %9s %7s %7s\n", "xml import (floor)", xml_m.seconds, xml_m.rss_mb, "-", "-", "-");
  printf ("%-18s %9.2f %9.1f %9.2f %7.2f %7s\n", "csv import", csv_m.seconds, csv_m.rss_mb, xml_m.seconds,
          csv_m.seconds / xml_m.seconds, "<=1.5");

  return csv_m.seconds <= 1.5 * xml_m.seconds ? EXIT_SUCCESS : EXIT_FAILURE;
}
