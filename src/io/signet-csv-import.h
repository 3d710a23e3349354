/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "signet-store.h"

G_BEGIN_DECLS

/* A register kept as a spreadsheet, saved as CSV (RFC 4180: quotes,
 * separators and line breaks inside quotes, CRLF), comes in as contracts
 * (docs/csv-import.md). The separator is a comma, a semicolon or a tab,
 * whichever the header row holds most of; the text is UTF-8 (with or
 * without a byte order mark) or GB18030, the GBK that Chinese Excel saves.
 * Row 1 is the header row: rows are counted as a spreadsheet shows them,
 * columns from 1. */

#define SIGNET_CSV_ERROR (signet_csv_error_quark ())

typedef enum
{
  SIGNET_CSV_ERROR_FAILED,     /* the file could not be read */
  SIGNET_CSV_ERROR_MALFORMED,  /* no header row, a quote never closed, text not in the encoding */
  SIGNET_CSV_ERROR_MAPPING,    /* a required field has no column, a mapping file is wrong */
  SIGNET_CSV_ERROR_INVALID,    /* a value is wrong: the error says its row and column */
  SIGNET_CSV_ERROR_DUPLICATE,  /* a contract number twice in the file or already in the register */
  SIGNET_CSV_ERROR_NEW_CLIENT, /* a client not in the register, and creating clients was not confirmed */
} SignetCsvError;

typedef enum
{
  SIGNET_CSV_ENCODING_AUTO,    /* valid UTF-8 or a byte order mark: UTF-8; else GB18030 */
  SIGNET_CSV_ENCODING_UTF8,
  SIGNET_CSV_ENCODING_UTF8_BOM,
  SIGNET_CSV_ENCODING_GB18030,
} SignetCsvEncoding;

/* The contract's field a column goes to. The tokens are those of mapping
 * files and of the mapping the register remembers. */
typedef enum
{
  SIGNET_CSV_FIELD_IGNORE,
  SIGNET_CSV_FIELD_NUMBER,
  SIGNET_CSV_FIELD_TITLE,
  SIGNET_CSV_FIELD_CLIENT,
  SIGNET_CSV_FIELD_CLIENT_CODE,
  SIGNET_CSV_FIELD_TYPE,
  SIGNET_CSV_FIELD_OWNER,
  SIGNET_CSV_FIELD_DEPARTMENT,
  SIGNET_CSV_FIELD_VALUE,
  SIGNET_CSV_FIELD_CURRENCY,
  SIGNET_CSV_FIELD_SIGNING_DATE,
  SIGNET_CSV_FIELD_START_DATE,
  SIGNET_CSV_FIELD_END_DATE,
  SIGNET_CSV_FIELD_NOTICE_DAYS,
  SIGNET_CSV_FIELD_AUTO_RENEW,
  SIGNET_CSV_FIELD_STATUS,
  SIGNET_CSV_FIELD_RISK_LEVEL,
  SIGNET_CSV_FIELD_TAGS,
  SIGNET_CSV_FIELD_NOTES,
} SignetCsvField;

#define SIGNET_CSV_N_FIELDS (SIGNET_CSV_FIELD_NOTES + 1)

/* How the columns of one header row go to fields. */
typedef struct
{
  guint           n_columns;
  char          **headers;       /* as the file has them, n_columns of them */
  SignetCsvField *fields;        /* one per column */
  /* What one of the file's amounts counts in its currency: 1 (元),
   * 1000 (thousands) or 10000 (万元). */
  guint           value_unit;
  /* The currency of amounts without one of their own (no currency column,
   * or its cell empty). */
  char           *currency;
} SignetCsvMapping;

/* What a file holds before anything is imported: its encoding and
 * separator as found, its headers and its first rows. */
typedef struct
{
  SignetCsvEncoding encoding;    /* never AUTO */
  char              separator;
  char            **headers;     /* NULL-terminated */
  GPtrArray        *rows;        /* of NULL-terminated arrays of cells, at most the rows asked for */
} SignetCsvPreview;

typedef struct
{
  gboolean          dry_run;     /* check everything, write nothing */
  /* Clients the register does not have are created; without it such a
   * client stops the import (SIGNET_CSV_ERROR_NEW_CLIENT), which a dry
   * run lists instead so that the user can confirm them. */
  gboolean          create_clients;
  SignetCsvEncoding encoding;
} SignetCsvImportOptions;

typedef struct
{
  gboolean          dry_run;
  SignetCsvEncoding encoding;    /* the one read */
  guint             rows;
  guint             contracts_added;
  /* The clients the file names that the register lacks, in the order the
   * file first names them: created, or in a dry run to be created. */
  GPtrArray        *new_clients;
  gboolean          mapping_remembered;
} SignetCsvImportReport;

typedef void (*SignetCsvProgressFunc) (double   fraction,
                                       gpointer user_data);

GQuark            signet_csv_error_quark            (void);
/* Where a value is wrong: 0 when not known. */
guint             signet_csv_error_get_row          (const GError *error);
guint             signet_csv_error_get_column       (const GError *error);
/* The header of that column, or NULL. */
const char       *signet_csv_error_get_header       (const GError *error);
/* "FILE:ROW:COLUMN: HEADER: message", as far as the place is known. */
char             *signet_csv_error_format           (const GError *error,
                                                     const char   *file_name);

const char       *signet_csv_encoding_to_token      (SignetCsvEncoding encoding);
gboolean          signet_csv_encoding_from_token    (const char        *token,
                                                     SignetCsvEncoding *encoding);
/* "UTF-8", "UTF-8 with byte order mark", "GBK (GB18030)", translated. */
const char       *signet_csv_encoding_to_label      (SignetCsvEncoding encoding);

const char       *signet_csv_field_to_token         (SignetCsvField  field);
gboolean          signet_csv_field_from_token       (const char     *token,
                                                     SignetCsvField *field);
/* The field's name as the contract's form shows it, translated. */
const char       *signet_csv_field_to_label         (SignetCsvField  field);

/* The field a header names (合同编号, Contract No., 金额（万元）...), or
 * IGNORE; *@value_unit (nullable) gets the unit an amount's header says. */
SignetCsvField    signet_csv_guess_field            (const char     *header,
                                                     guint          *value_unit);

/* Reads the header row and up to @max_rows rows of @file. */
SignetCsvPreview *signet_csv_preview                (GFile            *file,
                                                     SignetCsvEncoding encoding,
                                                     guint             max_rows,
                                                     GCancellable     *cancellable,
                                                     GError          **error);
void              signet_csv_preview_free           (SignetCsvPreview *preview);

/* The mapping of @headers guessed from their names; each field goes to
 * the first column that names it. */
SignetCsvMapping *signet_csv_mapping_guess          (const char * const *headers);
/* @headers mapped as the text of a mapping file says (a GKeyFile, see
 * docs/csv-import.md): columns it does not name are left out. */
SignetCsvMapping *signet_csv_mapping_new_from_data  (const char * const *headers,
                                                     const char         *data,
                                                     GError            **error);
/* The same text, which new_from_data() reads back. */
char             *signet_csv_mapping_to_data        (const SignetCsvMapping *mapping);
/* The mapping the register remembers for @headers, else the guessed one. */
SignetCsvMapping *signet_csv_mapping_for_register   (SignetStore        *store,
                                                     const char * const *headers);
SignetCsvMapping *signet_csv_mapping_copy           (const SignetCsvMapping *mapping);
void              signet_csv_mapping_free           (SignetCsvMapping *mapping);
/* The key the register remembers a mapping of @headers by. */
char             *signet_csv_headers_key            (const char * const *headers);
/* FALSE, saying which, when a field a contract needs (number, title,
 * client) has no column or a field has two. */
gboolean          signet_csv_mapping_check          (const SignetCsvMapping *mapping,
                                                     GError                **error);

/* Reads @file row by row and adds its contracts in one store batch: all
 * or nothing. @mapping NULL: the one signet_csv_mapping_for_register()
 * gives. The first wrong value stops the import, with its row and column,
 * and nothing is written. A real import remembers the mapping in the
 * register for the next file with the same headers. */
gboolean          signet_csv_import                 (SignetStore                  *store,
                                                     GFile                        *file,
                                                     const SignetCsvMapping       *mapping,
                                                     const SignetCsvImportOptions *options,
                                                     SignetCsvImportReport       **report_out,
                                                     GCancellable                 *cancellable,
                                                     SignetCsvProgressFunc         progress,
                                                     gpointer                      progress_data,
                                                     GError                      **error);
/* The same in a thread on its own connection to @store's register; once
 * a real import is done @store emits what it wrote, in the caller's thread. */
void              signet_csv_import_async           (SignetStore                  *store,
                                                     GFile                        *file,
                                                     const SignetCsvMapping       *mapping,
                                                     const SignetCsvImportOptions *options,
                                                     GCancellable                 *cancellable,
                                                     SignetCsvProgressFunc         progress,
                                                     gpointer                      progress_data,
                                                     GDestroyNotify                progress_data_destroy,
                                                     GAsyncReadyCallback           callback,
                                                     gpointer                      user_data);
SignetCsvImportReport *signet_csv_import_finish     (SignetStore                  *store,
                                                     GAsyncResult                 *result,
                                                     GError                      **error);

/* A few translated sentences on what the import did or would do. */
char             *signet_csv_import_report_describe (const SignetCsvImportReport *report);
void              signet_csv_import_report_free     (SignetCsvImportReport *report);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SignetCsvMapping, signet_csv_mapping_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SignetCsvPreview, signet_csv_preview_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SignetCsvImportReport, signet_csv_import_report_free)

G_END_DECLS
