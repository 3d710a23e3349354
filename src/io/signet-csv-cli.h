/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* signet --import-csv=FILE [--mapping=FILE] [--dry-run | --create]: the contracts of
 * a spreadsheet saved as CSV into the register at @database_path, without
 * a display. Without @mapping_path the columns are mapped as the register
 * remembers for these headers, else as the headers say; clients the
 * register lacks are created and named (a dry run names them and writes
 * nothing). Only with @create is the register made when its file is
 * missing or empty. @alone is FALSE when a command of signet_io_cli_run()
 * was given with it, a usage error. Errors go to standard error as
 * FILE:ROW:COLUMN: HEADER: message. Returns the exit status. */
int  signet_io_cli_import_csv (const char *database_path,
                               const char *csv_path,
                               const char *mapping_path,
                               gboolean    dry_run,
                               gboolean    create,
                               gboolean    alone);

G_END_DECLS
