/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Exit statuses of the command line. */
#define SIGNET_IO_CLI_EXIT_INVALID 1   /* bad input, or reading or writing failed */
#define SIGNET_IO_CLI_EXIT_USAGE   2   /* the options do not fit together */

/* signet --export=FILE [--with-attachments] | --export-ics=FILE |
 * --import=FILE [--dry-run | --create] [--on-conflict=skip|update|fail] on the
 * register at @database_path, without a display. @export_path and @ics_path "-" write to standard
 * output. Errors go to standard error as FILE:LINE:COLUMN: message.
 * Only an import with @create makes the register when its file is
 * missing or empty. Returns the exit status. */
int  signet_io_cli_run (const char *database_path,
                        const char *export_path,
                        const char *ics_path,
                        const char *import_path,
                        gboolean    with_attachments,
                        gboolean    dry_run,
                        const char *on_conflict,
                        gboolean    create);

/* signet --export-xlsx=FILE: the whole register at @database_path as an
 * Excel workbook, read without a display and without writing to the
 * register. @alone is FALSE when another of the commands above was given
 * with it, a usage error. Returns the exit status. */
int  signet_io_cli_export_xlsx (const char *database_path,
                                const char *xlsx_path,
                                gboolean    alone);

/* signet --copy-to=postgresql://…: the register in the file at
 * @database_path moved to a team server, in one transaction there, each
 * table's rows counted on standard output. The file is only read.
 * Returns the exit status. */
int  signet_io_cli_copy_to     (const char *database_path,
                                const char *location,
                                gboolean    alone);

G_END_DECLS
