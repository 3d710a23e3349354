/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "signet-xml.h"

G_BEGIN_DECLS

/* Shared by signet-xml.c (errors, progress, threads), signet-xml-export.c
 * and signet-xml-import.c. */

/* Hard limits of the importer: the format nests nine levels deep, and no
 * field of a record needs more than a mebibyte of text. */
#define SIGNET_XML_MAX_DEPTH      16
#define SIGNET_XML_MAX_TEXT_BYTES (1024 * 1024)
/* Attributes: a key or a name (contract number, client code, file name,
 * media type, person: the schema's Key, MediaType and Person types) has
 * at most this many characters, any other attribute this many bytes, far
 * more than the longest list of rectangles needs. */
#define SIGNET_XML_MAX_KEY_CHARS        SIGNET_STORE_MAX_KEY_CHARS
#define SIGNET_XML_MAX_ATTRIBUTE_BYTES  (64 * 1024)

/* Calls the caller's progress function when the fraction moved by at
 * least half a percent, so a run reports a few hundred times at most. */
typedef struct
{
  SignetXmlProgressFunc func;
  gpointer              data;
  double                last;
} SignetXmlProgress;

void      _signet_xml_init             (void);
void      _signet_xml_progress_init    (SignetXmlProgress      *progress,
                                        SignetXmlProgressFunc   func,
                                        gpointer                data);
void      _signet_xml_progress_report  (SignetXmlProgress      *progress,
                                        double                  fraction);

gboolean  _signet_xml_set_error        (GError                **error,
                                        SignetXmlError          code,
                                        guint                   line,
                                        guint                   column,
                                        const char             *value,
                                        const char             *format,
                                        ...) G_GNUC_PRINTF (6, 7);
/* Fills in the location of an error that was made without one. */
void      _signet_xml_error_set_location (GError               *error,
                                          guint                 line,
                                          guint                 column,
                                          const char           *value);

/* The column (counted in characters, from 1) at which @needle starts on
 * line @line of @file, plus @skip bytes; 0 when it is not there. Reads the
 * file again: only for the one error an import ends with. */
guint     _signet_xml_find_column      (GFile                  *file,
                                        guint                   line,
                                        const char             *needle,
                                        gsize                   skip);

/* TRUE when @text is UTF-8 made only of characters an XML 1.0 document
 * can hold; otherwise sets @bad_char to the first one that is not. */
gboolean  _signet_xml_text_is_writable (const char             *text,
                                        gunichar               *bad_char);

G_END_DECLS
