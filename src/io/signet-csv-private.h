/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "signet-csv-import.h"

G_BEGIN_DECLS

/* A CSV file read record by record (signet-csv-reader.c). */
typedef struct _SignetCsvReader SignetCsvReader;

SignetCsvReader *_signet_csv_reader_open         (GFile              *file,
                                                  SignetCsvEncoding   encoding,
                                                  GCancellable       *cancellable,
                                                  GError            **error);
void             _signet_csv_reader_free         (SignetCsvReader    *reader);
SignetCsvEncoding _signet_csv_reader_get_encoding (SignetCsvReader   *reader);
char             _signet_csv_reader_get_separator (SignetCsvReader   *reader);
/* The header row, NULL-terminated, each trimmed. */
const char * const *_signet_csv_reader_get_headers (SignetCsvReader  *reader);
/* The next record's cells (NULL-terminated, the reader's until the next
 * call) and its row; NULL at the end of the file (no error) or on an error. */
char           **_signet_csv_reader_next         (SignetCsvReader    *reader,
                                                  guint              *row,
                                                  GError            **error);
/* The share of the file read, 0 to 1. */
double           _signet_csv_reader_get_fraction (SignetCsvReader    *reader);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SignetCsvReader, _signet_csv_reader_free)

/* An error at @row and @column (either 0 when not known) of the column
 * headed @header (nullable). */
void             _signet_csv_set_error           (GError            **error,
                                                  SignetCsvError      code,
                                                  guint               row,
                                                  guint               column,
                                                  const char         *header,
                                                  const char         *format,
                                                  ...) G_GNUC_PRINTF (6, 7);

/* Values of cells (signet-csv-values.c); each sets a message without a
 * place, which the importer gives. */
gboolean         _signet_csv_parse_amount        (const char         *text,
                                                  guint               unit,
                                                  const char         *currency,
                                                  char                separator,
                                                  gint64             *minor_units,
                                                  GError            **error);
gboolean         _signet_csv_parse_status        (const char         *text,
                                                  SignetContractStatus *status);
gboolean         _signet_csv_parse_risk_level    (const char         *text,
                                                  SignetRiskLevel    *level);
gboolean         _signet_csv_parse_boolean       (const char         *text,
                                                  gboolean           *value);
gboolean         _signet_csv_parse_days          (const char         *text,
                                                  guint              *days);

G_END_DECLS
