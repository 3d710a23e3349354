/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "signet-io-cli"

#include "config.h"

#include <stdlib.h>

#include <gio/gunixoutputstream.h>
#include <glib/gi18n.h>

#include "signet-ics.h"
#include "signet-io-cli.h"
#include "signet-store-copy.h"
#include "signet-store-events.h"
#include "signet-xlsx-export.h"
#include "signet-xml.h"

static int
usage_error (const char *message)
{
  g_printerr ("signet: %s\n", message);
  g_printerr ("%s\n", _("Run “signet --help” to see the options."));

  return SIGNET_IO_CLI_EXIT_USAGE;
}

/* What went wrong with @file_name, a file the command reads or writes. The
 * register's own trouble (busy, a full disk) is not that file's: it is
 * said as the store says it, without the file's name or a place in it. */
static void
print_error (const char   *file_name,
             const GError *error)
{
  g_autofree char *message = NULL;

  if (error->domain == SIGNET_STORE_ERROR)
    message = g_strdup (error->message);
  else
    message = signet_xml_error_format (error, file_name);

  g_printerr ("%s\n", message);
}

static int
run_export (SignetStore       *store,
            const char        *export_path,
            SignetExportFlags  flags)
{
  g_autoptr(GError) error = NULL;

  if (g_str_equal (export_path, "-"))
    {
      g_autoptr(GOutputStream) out = g_unix_output_stream_new (STDOUT_FILENO, FALSE);

      if (!signet_xml_export_to_stream (store, out, NULL, flags, NULL, NULL, NULL, &error))
        {
          print_error ("-", error);
          return SIGNET_IO_CLI_EXIT_INVALID;
        }
    }
  else
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (export_path);

      if (!signet_xml_export (store, file, NULL, flags, NULL, NULL, NULL, &error))
        {
          print_error (export_path, error);
          return SIGNET_IO_CLI_EXIT_INVALID;
        }
    }

  return EXIT_SUCCESS;
}

/* The key dates as iCalendar, for a scheduled job that keeps a subscribed
 * calendar file current. Its alarms follow the contracts' own lead times,
 * else the built-in ones: the Preferences are the desktop session's, which
 * a job runs outside of (without a writable home or a session bus). */
static int
run_export_ics (SignetStore *store,
                const char  *ics_path)
{
  g_autoptr(GPtrArray) left_out = NULL;
  g_autoptr(GError) error = NULL;

  if (g_str_equal (ics_path, "-"))
    {
      g_autoptr(GOutputStream) out = g_unix_output_stream_new (STDOUT_FILENO, FALSE);

      if (!signet_ics_export_to_stream (store, out, NULL, NULL, NULL, NULL, &error))
        {
          g_printerr ("-: %s\n", error->message);
          return SIGNET_IO_CLI_EXIT_INVALID;
        }
    }
  else
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (ics_path);

      if (!signet_ics_export (store, file, NULL, NULL, NULL, NULL, &error))
        {
          g_printerr ("%s: %s\n", ics_path, error->message);
          return SIGNET_IO_CLI_EXIT_INVALID;
        }
    }

  /* A register from before the range of dates may hold dates outside it,
   * which the file leaves out: the job's log says which. */
  left_out = signet_store_list_dates_out_of_range (store, &error);
  if (left_out == NULL)
    {
      g_printerr ("%s: %s\n", ics_path, error->message);
      return SIGNET_IO_CLI_EXIT_INVALID;
    }
  for (guint i = 0; i < left_out->len; i++)
    g_printerr ("%s: %s\n", ics_path, (const char *) g_ptr_array_index (left_out, i));

  return EXIT_SUCCESS;
}

static int
run_import (SignetStore          *store,
            const char           *import_path,
            SignetConflictPolicy  policy,
            gboolean              dry_run)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (import_path);
  g_autoptr(SignetImportReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *summary = NULL;
  SignetImportOptions options = { policy, dry_run };

  if (!signet_xml_import (store, file, &options, &report, NULL, NULL, NULL, &error))
    {
      print_error (import_path, error);
      return SIGNET_IO_CLI_EXIT_INVALID;
    }

  summary = signet_import_report_describe (report);
  g_print ("%s\n", summary);

  return EXIT_SUCCESS;
}

int
signet_io_cli_run (const char *database_path,
                   const char *export_path,
                   const char *ics_path,
                   const char *import_path,
                   gboolean    with_attachments,
                   gboolean    dry_run,
                   const char *on_conflict,
                   gboolean    create)
{
  g_autoptr(SignetStore) store = NULL;
  g_autoptr(GError) error = NULL;
  SignetConflictPolicy policy = SIGNET_CONFLICT_FAIL;

  g_return_val_if_fail (database_path != NULL, SIGNET_IO_CLI_EXIT_USAGE);

  if (export_path != NULL && import_path != NULL)
    return usage_error (_("Choose either --export or --import, not both."));

  if (ics_path != NULL && (export_path != NULL || import_path != NULL))
    return usage_error (_("--export-ics goes alone, without --export or --import."));

  if (import_path == NULL && (dry_run || on_conflict != NULL))
    return usage_error (_("--dry-run and --on-conflict go with --import."));

  if (export_path == NULL && with_attachments)
    return usage_error (_("--with-attachments goes with --export."));

  if (create && (import_path == NULL || dry_run))
    return usage_error (_("--create goes with --import, without --dry-run."));

  if (export_path == NULL && ics_path == NULL && import_path == NULL)
    return usage_error (_("Give --export=FILE, --export-ics=FILE or --import=FILE."));

  if (export_path != NULL && *export_path == '\0')
    return usage_error (_("--export needs a file name, or - for standard output."));

  if (ics_path != NULL && *ics_path == '\0')
    return usage_error (_("--export-ics needs a file name, or - for standard output."));

  if (import_path != NULL && (*import_path == '\0' || g_str_equal (import_path, "-")))
    return usage_error (_("--import needs the name of a file."));

  if (on_conflict != NULL && !signet_conflict_policy_from_token (on_conflict, &policy))
    {
      /* Translators: %s is what the user gave; skip, update and fail are literal values. */
      g_autofree char *message = g_strdup_printf (_("“%s” is not a choice for --on-conflict: use skip, update or fail."),
                                                  on_conflict);

      return usage_error (message);
    }

  /* A register is made only when asked (--create): a mistyped name is
   * refused, not created. Exports and dry runs only read, so that they
   * change no byte of the register and take no write lock, and work on a
   * register they may not write. The store's messages name the file. */
  store = signet_store_open (database_path,
                             export_path != NULL || ics_path != NULL || dry_run ? SIGNET_STORE_OPEN_READ_ONLY
                             : create ? SIGNET_STORE_OPEN_CREATE : SIGNET_STORE_OPEN_DEFAULT,
                             &error);
  if (store == NULL)
    {
      g_printerr ("%s\n", error->message);
      return SIGNET_IO_CLI_EXIT_INVALID;
    }

  if (export_path != NULL)
    return run_export (store, export_path,
                       with_attachments ? SIGNET_EXPORT_WITH_ATTACHMENTS : SIGNET_EXPORT_FLAGS_NONE);

  if (ics_path != NULL)
    return run_export_ics (store, ics_path);

  return run_import (store, import_path, policy, dry_run);
}

int
signet_io_cli_export_xlsx (const char *database_path,
                           const char *xlsx_path,
                           gboolean    alone)
{
  g_autoptr(SignetStore) store = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (database_path != NULL, SIGNET_IO_CLI_EXIT_USAGE);

  if (!alone)
    return usage_error (_("--export-xlsx goes alone, without --export, --export-ics or --import."));

  /* A workbook is a zip file: standard output would only garble a terminal. */
  if (xlsx_path == NULL || *xlsx_path == '\0' || g_str_equal (xlsx_path, "-"))
    return usage_error (_("--export-xlsx needs the name of a file."));

  /* Read-only, as the other exports: no byte of the register changes. */
  store = signet_store_open (database_path, SIGNET_STORE_OPEN_READ_ONLY, &error);
  if (store == NULL)
    {
      g_printerr ("%s\n", error->message);
      return SIGNET_IO_CLI_EXIT_INVALID;
    }

  file = g_file_new_for_commandline_arg (xlsx_path);
  if (!signet_xlsx_export (store, file, NULL, NULL, NULL, NULL, &error))
    {
      g_printerr ("%s: %s\n", xlsx_path, error->message);
      return SIGNET_IO_CLI_EXIT_INVALID;
    }

  return EXIT_SUCCESS;
}

static void
table_copied_cb (const char *table,
                 gint64      n_rows,
                 gpointer    user_data)
{
  /* Translators: a table of the register and how many rows of it were copied. */
  gulong n = (gulong) MAX (n_rows, 0);

  g_print (g_dngettext (GETTEXT_PACKAGE, "%s: %lu row\n", "%s: %lu rows\n", n), table, n);
}

int
signet_io_cli_copy_to (const char *database_path,
                       const char *location,
                       gboolean    alone)
{
  g_autoptr(SignetStore) store = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (database_path != NULL, SIGNET_IO_CLI_EXIT_USAGE);

  if (!alone)
    return usage_error (_("--copy-to goes alone, without --export, --import or the other commands."));

  /* Read-only: the file stays as it was, whatever the server does. */
  store = signet_store_open (database_path, SIGNET_STORE_OPEN_READ_ONLY, &error);
  if (store == NULL)
    {
      g_printerr ("%s\n", error->message);
      return SIGNET_IO_CLI_EXIT_INVALID;
    }

  if (!signet_store_copy_to (store, location, table_copied_cb, NULL, &error))
    {
      g_printerr ("%s\n", error->message);
      return SIGNET_IO_CLI_EXIT_INVALID;
    }

  /* Translators: %s is the server's address (a postgresql:// URI). */
  g_print (_("The register was copied to %s.\n"), location);

  return EXIT_SUCCESS;
}

