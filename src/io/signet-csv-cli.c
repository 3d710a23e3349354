/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "signet-io-cli"

#include "config.h"

#include <stdlib.h>

#include <glib/gi18n.h>

#include "signet-csv-cli.h"
#include "signet-csv-import.h"
#include "signet-io-cli.h"

static int
usage_error (const char *message)
{
  g_printerr ("signet: %s\n", message);
  g_printerr ("%s\n", _("Run “signet --help” to see the options."));

  return SIGNET_IO_CLI_EXIT_USAGE;
}

/* The mapping file's columns, for the headers of @csv: read once to find
 * the headers, as the import reads them again. */
static SignetCsvMapping *
read_mapping (GFile        *csv,
              const char   *csv_path,
              const char   *mapping_path,
              const char  **culprit,
              GError      **error)
{
  g_autoptr(GFile) mapping_file = g_file_new_for_commandline_arg (mapping_path);
  g_autoptr(SignetCsvPreview) preview = NULL;
  g_autofree char *data = NULL;

  *culprit = mapping_path;
  if (!g_file_load_contents (mapping_file, NULL, &data, NULL, NULL, error))
    return NULL;

  *culprit = csv_path;
  preview = signet_csv_preview (csv, SIGNET_CSV_ENCODING_AUTO, 0, NULL, error);
  if (preview == NULL)
    return NULL;

  *culprit = mapping_path;
  return signet_csv_mapping_new_from_data ((const char * const *) preview->headers, data, error);
}

static void
print_error (const char   *file_name,
             const GError *error)
{
  g_autofree char *message = NULL;

  if (error->domain == SIGNET_CSV_ERROR)
    message = signet_csv_error_format (error, file_name);
  else if (error->domain == SIGNET_STORE_ERROR)
    message = g_strdup (error->message);
  else
    message = g_strdup_printf ("%s: %s", file_name, error->message);

  g_printerr ("%s\n", message);
}

int
signet_io_cli_import_csv (const char *database_path,
                          const char *csv_path,
                          const char *mapping_path,
                          gboolean    dry_run,
                          gboolean    create,
                          gboolean    alone)
{
  g_autoptr(SignetStore) store = NULL;
  g_autoptr(SignetCsvMapping) mapping = NULL;
  g_autoptr(SignetCsvImportReport) report = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *summary = NULL;
  SignetCsvImportOptions options = { 0 };

  g_return_val_if_fail (database_path != NULL, SIGNET_IO_CLI_EXIT_USAGE);

  if (csv_path == NULL)
    return usage_error (_("--mapping goes with --import-csv."));

  if (!alone)
    return usage_error (_("--import-csv goes alone, with --mapping and --dry-run at most."));

  if (create && dry_run)
    return usage_error (_("--create goes with --import-csv, without --dry-run."));

  if (*csv_path == '\0' || g_str_equal (csv_path, "-"))
    return usage_error (_("--import-csv needs the name of a file."));

  if (mapping_path != NULL && *mapping_path == '\0')
    return usage_error (_("--mapping needs the name of a file."));

  /* A dry run only reads the register, as the XML import's does; a
   * register is made only when asked, so that a mistyped name is refused. */
  store = signet_store_open (database_path,
                             dry_run ? SIGNET_STORE_OPEN_READ_ONLY
                             : create ? SIGNET_STORE_OPEN_CREATE : SIGNET_STORE_OPEN_DEFAULT,
                             &error);
  if (store == NULL)
    {
      g_printerr ("%s\n", error->message);
      return SIGNET_IO_CLI_EXIT_INVALID;
    }

  file = g_file_new_for_commandline_arg (csv_path);
  if (mapping_path != NULL)
    {
      const char *culprit = NULL;

      mapping = read_mapping (file, csv_path, mapping_path, &culprit, &error);
      if (mapping == NULL)
        {
          print_error (culprit, error);
          return SIGNET_IO_CLI_EXIT_INVALID;
        }
    }

  /* Running the command is the confirmation: the clients it creates are
   * named in what it prints, and --dry-run names them first. */
  options.dry_run = dry_run;
  options.create_clients = TRUE;
  options.encoding = SIGNET_CSV_ENCODING_AUTO;

  if (!signet_csv_import (store, file, mapping, &options, &report, NULL, NULL, NULL, &error))
    {
      print_error (csv_path, error);
      return SIGNET_IO_CLI_EXIT_INVALID;
    }

  summary = signet_csv_import_report_describe (report);
  g_print ("%s\n", summary);

  return EXIT_SUCCESS;
}
