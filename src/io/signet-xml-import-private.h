/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <libxml/xmlreader.h>

#include "signet-xml-private.h"

G_BEGIN_DECLS

/* Shared by the three files of the importer: signet-xml-import.c (the
 * reader loop, records and elements), signet-xml-import-fields.c (the value
 * of each field) and signet-xml-import-errors.c (messages, and where in the
 * file they point). */

typedef enum
{
  RECORD_NONE,
  RECORD_CLIENT,
  RECORD_CONTRACT,
} RecordType;

typedef enum
{
  FIELD_NONE,
  FIELD_CLIENT_NAME,
  FIELD_CLIENT_CONTACT,
  FIELD_CLIENT_PHONE,
  FIELD_CLIENT_EMAIL,
  FIELD_CLIENT_ADDRESS,
  FIELD_CLIENT_NOTES,
  FIELD_TITLE,
  FIELD_TYPE,
  FIELD_OWNER,
  FIELD_DEPARTMENT,
  FIELD_VALUE,
  FIELD_SIGNING_DATE,
  FIELD_START_DATE,
  FIELD_END_DATE,
  FIELD_AUTO_RENEW,
  FIELD_NOTICE_DAYS,
  FIELD_STATUS,
  FIELD_RISK_LEVEL,
  FIELD_TAGS,
  FIELD_NOTES,
  FIELD_DATA,
  N_FIELDS
} Field;

typedef struct
{
  const char  *element;
  Field        field;
  SignetField  signet_field;
} FieldInfo;

typedef struct
{
  SignetStore               *store;
  GFile                     *file;
  const SignetImportOptions *options;
  SignetImportReport        *report;
  GCancellable              *cancellable;
  SignetXmlProgress          progress;

  GInputStream              *stream;
  goffset                    size;
  goffset                    n_read;
  gboolean                   at_end;
  GError                    *io_error;
  xmlTextReaderPtr           reader;

  /* The first error libxml2 reported, kept until the reader has passed its
   * line: the parser and the schema run up to a block ahead of the nodes
   * this file looks at, and a check of ours on an earlier node says more. */
  GError                    *pending;
  guint                      pending_line;

  /* The line of the last text node: an element on a line past 65535 has
   * no line of its own in libxml2, and starts where that text ended. */
  guint                      last_text_line;

  /* The record being read. */
  RecordType                 record;
  char                      *key;
  guint                      record_line;
  SignetClient              *client;
  SignetContract            *contract;
  char                      *client_code;
  char                      *currency;
  guint                      field_lines[N_FIELDS];
  char                      *field_values[N_FIELDS];

  /* The field being read. */
  const FieldInfo           *field;
  int                        field_depth;
  GString                   *text;
  guint                      text_line;

  /* The attachment being read. */
  gboolean                   in_attachment;
  char                      *attachment_name;
  guint                      attachment_line;
  guint64                    attachment_size;
  char                      *attachment_sha256;
  GChecksum                 *checksum;
  guint64                    n_decoded;

  GHashTable                *seen_codes;      /* client codes of the file */
  GHashTable                *seen_numbers;    /* contract numbers of the file */
  GHashTable                *client_ids;      /* code -> gint64 id, the file's and the register's */
} Import;

extern const FieldInfo _signet_xml_import_data_field;

/* The field of a client or contract named @name, or NULL. */
const FieldInfo *_signet_xml_import_lookup_field          (RecordType      record,
                                                           const char     *name);
/* Called at the end of each field element with its whole text. */
gboolean         _signet_xml_import_finish_field          (Import         *self);

/* The line of the reader's node, 0 for one without a line. */
guint            _signet_xml_import_current_line          (Import         *self);
/* Columns of a text or an attribute's value on @line, 0 when not found. */
guint            _signet_xml_import_locate_text           (Import         *self,
                                                           guint           line,
                                                           const char     *value,
                                                           const char     *element);
guint            _signet_xml_import_locate_attribute      (Import         *self,
                                                           guint           line,
                                                           const char     *attribute,
                                                           const char     *value);
/* Sets the error the import ends with; FALSE. */
gboolean         _signet_xml_import_fail                  (Import         *self,
                                                           SignetXmlError  code,
                                                           guint           line,
                                                           guint           column,
                                                           const char     *value,
                                                           const char     *format,
                                                           ...) G_GNUC_PRINTF (6, 7);
/* A store's refusal, placed at the field it names. */
gboolean         _signet_xml_import_fail_with_store_error (Import         *self,
                                                           const GError   *error);
gboolean         _signet_xml_import_refuse_doctype        (Import         *self);
void             _signet_xml_import_error_cb              (void           *user_data,
                                                           xmlErrorPtr     error);
void             _signet_xml_import_generic_error_cb      (void           *user_data,
                                                           const char     *format,
                                                           ...);

G_END_DECLS
