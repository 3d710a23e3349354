/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <libxml/xmlreader.h>
#include <libxml/xmlschemas.h>

#include "signet-store-amendments.h"
#include "signet-store-approvals.h"
#include "signet-store-attachments.h"
#include "signet-store-events.h"
#include "signet-store-notice.h"
#include "signet-store-people.h"
#include "signet-store-process.h"
#include "signet-store-types.h"
#include "signet-xml-private.h"

G_BEGIN_DECLS

/* Shared by the files of the importer: signet-xml-import-reader.c
 * (libxml2's reader, in a thread of its own), signet-xml-import.c (the
 * loop over the nodes it reads, records and elements), signet-xml-import-fields.c (the value of
 * each field), signet-xml-import-attachments.c (attachments, their
 * versions and annotations), signet-xml-import-dates.c (key dates,
 * reviews and reminder settings), signet-xml-import-process.c (people,
 * contract types, process steps and amendments) and
 * signet-xml-import-errors.c (messages, and where in the file they
 * point). */

typedef enum
{
  RECORD_NONE,
  RECORD_CLIENT,
  RECORD_CONTRACT,
  RECORD_PERSON,
  RECORD_CONTRACT_TYPE,
  RECORD_ROUTE,
} RecordType;

/* The part of a contract after its fields being read. */
typedef enum
{
  SECTION_NONE,
  SECTION_ATTACHMENTS,
  SECTION_KEY_DATES,
  SECTION_REVIEWS,
  SECTION_REMINDERS,
  SECTION_PROCESS,
  SECTION_AMENDMENTS,
  SECTION_RENEWAL_OF,
  SECTION_NOTICE_DECISIONS,
  SECTION_APPROVAL_STEPS,
  /* Those of signet-xml-import-commitments.c, from here on. */
  SECTION_PAYMENTS,
  SECTION_OBLIGATIONS,
  SECTION_RISKS,
  SECTION_RISK_LEVEL_CHOICE,
  SECTION_ORIGINAL,
  SECTION_LOANS,
} Section;

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
  FIELD_DESCRIPTION,
  FIELD_COMMENT,
  FIELD_KEY_DATE_TITLE,
  FIELD_KEY_DATE_NOTE,
  FIELD_REVIEW_NOTE,
  FIELD_THEIR_SIGNING_DATE,
  FIELD_TERMINATION_REASON,
  FIELD_TERMINATION_DATE,
  FIELD_CONFIDENTIAL,
  /* Those of signet-xml-import-process.c, from here on. */
  FIELD_PERSON_DEPARTMENT,
  FIELD_PERSON_ROLE,
  FIELD_PERSON_EMAIL,
  FIELD_TYPE_CURRENCY,
  FIELD_TYPE_DEPARTMENT,
  FIELD_TYPE_RISK_LEVEL,
  FIELD_TYPE_NOTICE_DAYS,
  FIELD_TYPE_AUTO_RENEW,
  FIELD_TYPE_TERM_MONTHS,
  FIELD_TYPE_REVIEW_MONTHS,
  FIELD_TYPE_CLAUSE,
  FIELD_OFFSET_TITLE,
  FIELD_STEP_COMMENT,
  FIELD_DECISION_COMMENT,
  FIELD_APPROVAL_OPINION,
  FIELD_AMENDMENT_REASON,
  FIELD_AMENDMENT_VALUE,
  FIELD_AMENDMENT_END_DATE,
  FIELD_AMENDMENT_TITLE,
  FIELD_AMENDMENT_OTHER_TERMS,
  /* Those of signet-xml-import-commitments.c, from here on. */
  FIELD_PAYMENT_TITLE,
  FIELD_PAYMENT_AMOUNT,
  FIELD_PAYMENT_CONDITION,
  FIELD_PAYMENT_NOTE,
  FIELD_PAID_NOTE,
  FIELD_OBLIGATION_TITLE,
  FIELD_OBLIGATION_NOTE,
  FIELD_OCCURRENCE_NOTE,
  FIELD_RISK_DESCRIPTION,
  FIELD_RISK_MITIGATION,
  FIELD_CHOICE_REASON,
  FIELD_ORIGINAL_NOTE,
  FIELD_LOAN_DEPARTMENT,
  FIELD_LOAN_PURPOSE,
  FIELD_LOAN_CONDITION_NOTE,
  FIELD_REVIEW_FINDING,
  FIELD_ACTION_DESCRIPTION,
  N_FIELDS
} Field;

typedef struct
{
  const char  *element;
  Field        field;
  SignetField  signet_field;
} FieldInfo;

/* One version of an attachment as the file gives it: the attachment's
 * current one (its own attributes), then each <earlier-version>. */
typedef struct
{
  guint                      line;
  gboolean                   earlier;
  /* Its <data> may still come: the version is checked and stored once
   * something else starts, or it ends. */
  gboolean                   open;
  char                      *name;
  char                      *type;
  char                      *sha256;
  char                      *added_at;
  char                      *added_by;
  guint                      number;
  guint64                    size;
  GChecksum                 *checksum;
  guint64                    n_decoded;
  GByteArray                *bytes;       /* NULL when it is not written */
  gint64                     id;          /* once stored, for its annotations */
} ImportVersion;

typedef struct
{
  guint                      line;
  SignetAnnotationKind       kind;
  guint                      page;        /* from 0, as stored */
  GArray                    *rects;
  char                      *color;
  char                      *author;
  char                      *created_at;
  char                      *modified_at;
  char                      *comment;
} ImportAnnotation;

/* signet-xml-import-reader.c: the file's nodes as libxml2's reader,
 * validating against the schema, reports them (in another thread). */
typedef struct _ImportReader ImportReader;
typedef struct _ImportChunk ImportChunk;

typedef struct
{
  const char                *name;
  const char                *value;
  gsize                      name_at;
  gsize                      value_at;
} ImportAttribute;

typedef struct
{
  int                        type;        /* XML_READER_TYPE_... */
  int                        depth;
  guint                      line;        /* 0 for a node without a line */
  gboolean                   empty;       /* an element written <like-this/> */
  const char                *name;        /* the local name of an element */
  const char                *ns;
  const char                *value;       /* the text of a text node */
  const ImportAttribute     *attributes;
  guint                      n_attributes;

  /* libxml2's first error, if it came while reading up to this node. */
  GError                    *error;
  guint                      error_line;

  /* Where the strings are in their chunk while it is filled. */
  gsize                      name_at;
  gsize                      ns_at;
  gsize                      value_at;
  guint                      first_attribute;
} ImportNode;

typedef struct
{
  SignetStore               *store;
  GFile                     *file;
  const SignetImportOptions *options;
  SignetImportReport        *report;
  GCancellable              *cancellable;
  SignetXmlProgress          progress;

  /* The file's nodes, read in a thread of their own, and the one being
   * looked at. */
  ImportReader              *source;
  const ImportNode          *node;
  goffset                    size;
  GError                    *io_error;

  /* The first error libxml2 reported, kept until the reader has passed its
   * line: the parser and the schema run up to a block ahead of the nodes
   * this file looks at, and a check of ours on an earlier node says more. */
  GError                    *pending;
  guint                      pending_line;

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
  GString                   *text;        /* one buffer for the whole import */
  guint                      text_line;

  /* A contract's fields are complete once the elements that follow them
   * start (<attachments>, <key-dates>, ...): it is written then, so that
   * those can be written as they stream. @extras_contract_id is the
   * contract's id when they are to be written, 0 when they are only
   * checked (the contract was skipped). */
  gboolean                   record_written;
  gint64                     extras_contract_id;
  gboolean                   contract_added;
  gboolean                   contract_updated;
  Section                    section;

  /* SHA-256s of the files this import stored for the contract: a file
   * the contract had before is skipped, one it has only because the file
   * holds it twice is not. */
  GHashTable                *stored_files;

  /* The attachment being read. */
  gboolean                   in_attachment;
  guint                      attachment_line;
  char                      *attachment_name;
  SignetAttachmentRole       attachment_role;
  guint                      current_version;
  char                      *attachment_description;
  gboolean                   attachment_kept;
  gint64                     attachment_id;
  guint                      last_version;
  ImportVersion              version;
  gboolean                   in_annotation;
  ImportAnnotation           annotation;

  /* The key date or review being read. */
  guint                      dated_line;
  SignetUserKeyDate         *key_date;
  SignetReview              *review;

  /* The details of the contract's key dates and reviews, those it had and
   * those the import added, read from the register once per contract. */
  GHashTable                *known_key_dates;
  GHashTable                *known_reviews;

  /* The person or contract type being read (the record's key is the
   * name), a key date offset of the type, its clauses. */
  SignetPerson              *person;
  SignetContractType        *contract_type;
  SignetKeyDateOffset       *offset;
  guint                      offset_line;
  GPtrArray                 *clauses;

  /* The process step or amendment being read, and the details of the
   * contract's steps and the numbers of its amendments, read once per
   * contract as its key dates are. */
  guint                      life_line;
  SignetProcessEvent        *step;
  SignetNoticeDecision      *decision;
  SignetAmendment           *amendment;
  char                      *amendment_file;
  char                      *amendment_currency;
  SignetAmendmentState       amendment_state;
  GHashTable                *known_steps;
  GHashTable                *known_deadlines;
  GHashTable                *known_amendments;

  /* The contract's uuid as the file gives it; the file's uuids that name
   * another contract in the register than the one the import wrote under
   * them (kept or found with another uuid), with that one's id; the
   * renewal links read, linked once every contract is (a predecessor may
   * come after its successor). */
  char                      *file_uuid;
  GHashTable                *contract_ids;    /* file uuid -> gint64 id */
  GPtrArray                 *renewals;        /* of ImportRenewal */

  /* The approval route being read; the file's routes by uuid (-> gint64
   * id in the register), its rules, a contract's approval steps with the
   * uuid of their amendment and the SHA-256 of their file. */
  SignetApprovalRoute       *route;
  GHashTable                *route_ids;
  GPtrArray                 *rules;           /* of ImportRule */
  GPtrArray                 *saved_views;     /* of ImportView (signet-xml-import-views.c) */
  GPtrArray                 *approval_steps;  /* of ImportApprovalStep */

  GHashTable                *seen_people;     /* names of the file's people, spaces aside */
  GHashTable                *seen_types;      /* names of the file's contract types */

  GHashTable                *seen_codes;      /* client codes of the file */
  GHashTable                *seen_numbers;    /* contract numbers of the file */
  /* The register had no contracts when the import began: as the file
   * numbers each contract once, none of its contracts is there already. */
  gboolean                   no_contracts_before;
  GHashTable                *client_ids;      /* code -> gint64 id, the file's and the register's */

  /* The payment, obligation, risk, original, loan or review item being
   * read (signet-xml-import-commitments.c). */
  struct _ImportCommitments *commitments;
} Import;

/* The text elements inside a contract's attachments, key dates and
 * reviews. */
extern const FieldInfo _signet_xml_import_data_field;
extern const FieldInfo _signet_xml_import_description_field;
extern const FieldInfo _signet_xml_import_comment_field;
extern const FieldInfo _signet_xml_import_key_date_title_field;
extern const FieldInfo _signet_xml_import_key_date_note_field;
extern const FieldInfo _signet_xml_import_review_note_field;

/* Counts a record of the file that the register has with other details,
 * naming the first ones (self->key, at self->record_line). */
void             _signet_xml_import_add_conflict          (Import         *self,
                                                           SignetRecordKind kind);
/* The field of a client or contract named @name, or NULL. */
const FieldInfo *_signet_xml_import_lookup_field          (RecordType      record,
                                                           const char     *name);
/* Called at the end of each field element with its whole text. */
gboolean         _signet_xml_import_finish_field          (Import         *self);
/* An attribute's value, or NULL. */
char            *_signet_xml_import_get_attribute         (Import         *self,
                                                           const char     *name);
/* Fails unless @text is a date that exists, in the range of dates;
 * @attribute names where it is (NULL: the text of <@element>). */
gboolean         _signet_xml_import_check_date            (Import         *self,
                                                           const char     *text,
                                                           guint           line,
                                                           const char     *element,
                                                           const char     *attribute);

/* signet-xml-import-attachments.c: <attachment> and what it holds. */
gboolean         _signet_xml_import_start_attachment      (Import         *self,
                                                           guint           line);
gboolean         _signet_xml_import_start_earlier_version (Import         *self,
                                                           guint           line);
/* Checks the data of the version being read and stores it; once per
 * version, when what follows its data starts or the version ends. */
gboolean         _signet_xml_import_finish_version        (Import         *self);
gboolean         _signet_xml_import_finish_attachment     (Import         *self);
gboolean         _signet_xml_import_start_annotation      (Import         *self,
                                                           guint           line);
gboolean         _signet_xml_import_finish_annotation     (Import         *self);
/* Decodes one <data> chunk (@text is changed in place). */
gboolean         _signet_xml_import_decode_chunk          (Import         *self,
                                                           char           *text,
                                                           guint           line);
void             _signet_xml_import_clear_attachment      (Import         *self);

/* signet-xml-import-process.c: <person> and <contract-type> (records of
 * their own, at the depth of clients), and a contract's <step>s and
 * <amendment>s. */
gboolean         _signet_xml_import_start_person          (Import         *self,
                                                           guint           line);
gboolean         _signet_xml_import_start_contract_type   (Import         *self,
                                                           guint           line);
/* Writes the person or contract type read, at its end. */
gboolean         _signet_xml_import_finish_life_record    (Import         *self);
/* The elements inside <person>, <contract-type>, <process> and
 * <amendments>: sets *@field for a text to read. */
gboolean         _signet_xml_import_start_life_element    (Import         *self,
                                                           const char     *name,
                                                           int             depth,
                                                           guint           line,
                                                           gboolean        empty,
                                                           const FieldInfo **field);
gboolean         _signet_xml_import_end_life_element      (Import         *self,
                                                           const char     *name,
                                                           int             depth);
/* The text of one of their fields (FIELD_PERSON_DEPARTMENT and after). */
gboolean         _signet_xml_import_finish_life_field     (Import         *self,
                                                           const FieldInfo *info,
                                                           char           *raw,
                                                           const char     *stripped,
                                                           guint           line);
void             _signet_xml_import_clear_life            (Import         *self);
/* <renewal-of>, and the links it asks for once the contracts are in. */
gboolean         _signet_xml_import_read_renewal_of       (Import         *self,
                                                           guint           line);
gboolean         _signet_xml_import_link_renewals         (Import         *self);
void             _signet_xml_import_free_renewal          (gpointer        data);
/* Notes that the file's contract (self->file_uuid) is @id in the
 * register, with @uuid there. */
void             _signet_xml_import_note_contract         (Import         *self,
                                                           gint64          id,
                                                           const char     *uuid);
/* Approval routes, rules and steps. */
gboolean         _signet_xml_import_start_route           (Import         *self,
                                                           guint           line);
gboolean         _signet_xml_import_read_rule             (Import         *self,
                                                           guint           line);
gboolean         _signet_xml_import_finish_rules          (Import         *self);
/* signet-xml-import-views.c: a <saved-view> read, and the views written at
 * the end of <saved-views>. */
void             _signet_xml_import_free_view             (gpointer        data);
gboolean         _signet_xml_import_read_saved_view       (Import         *self,
                                                           guint           line);
gboolean         _signet_xml_import_finish_saved_views    (Import         *self);
gboolean         _signet_xml_import_finish_approval_steps (Import         *self);
void             _signet_xml_import_free_rule             (gpointer        data);
void             _signet_xml_import_free_approval_step    (gpointer        data);
/* Fails unless @text is a termination reason's token ("breach"). */
gboolean         _signet_xml_import_check_termination_reason (Import      *self,
                                                           const char     *text,
                                                           guint           line,
                                                           const char     *element,
                                                           const char     *attribute);

/* signet-xml-import-dates.c: <key-date>, <review> and <reminders>. */
gboolean         _signet_xml_import_start_key_date        (Import         *self,
                                                           guint           line);
gboolean         _signet_xml_import_finish_key_date       (Import         *self);
gboolean         _signet_xml_import_start_review          (Import         *self,
                                                           guint           line);
gboolean         _signet_xml_import_finish_review         (Import         *self);
gboolean         _signet_xml_import_read_reminders        (Import         *self,
                                                           guint           line);
void             _signet_xml_import_clear_dated           (Import         *self);
/* Fails unless the value of @attribute, @text (nullable: left out), is a
 * UTC time in the range of dates. */
gboolean         _signet_xml_import_check_time            (Import         *self,
                                                           const char     *text,
                                                           guint           line,
                                                           const char     *attribute);

/* signet-xml-import-commitments.c: what a contract commits us to. */
gboolean         _signet_xml_import_is_commitment_section (Section         section);
/* The element <@name> at depth 3 that starts one of those sections. */
gboolean         _signet_xml_import_start_commitments     (Import         *self,
                                                           Section         section,
                                                           guint           line);
gboolean         _signet_xml_import_finish_commitments    (Import         *self);
/* The elements inside them, and inside a <review> (depth 5 and deeper):
 * sets *@field for a text to read. */
gboolean         _signet_xml_import_start_commitment_element (Import      *self,
                                                           const char     *name,
                                                           int             depth,
                                                           guint           line,
                                                           gboolean        empty,
                                                           const FieldInfo **field);
gboolean         _signet_xml_import_end_commitment_element (Import        *self,
                                                           const char     *name,
                                                           int             depth);
gboolean         _signet_xml_import_finish_commitment_field (Import       *self,
                                                           const FieldInfo *info,
                                                           char           *raw,
                                                           const char     *stripped,
                                                           guint           line);
/* A <review>'s follow-up date, at its start; at its end, records it with
 * its checklist items and actions when it has any (TRUE in *@recorded),
 * else leaves it to signet_store_record_review(). */
gboolean         _signet_xml_import_start_review_report   (Import         *self,
                                                           guint           line);
gboolean         _signet_xml_import_record_review_report  (Import         *self,
                                                           const SignetReview *review,
                                                           guint           line,
                                                           gboolean       *recorded);
/* A key date of kind "payment" of a file written before planned
 * payments: a planned payment receivable, amount not set, as migration 16
 * makes of one in a register. */
gboolean         _signet_xml_import_add_payment_key_date  (Import         *self,
                                                           SignetUserKeyDate *key_date,
                                                           guint           line);
void             _signet_xml_import_clear_commitments     (Import         *self);

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
/* A store's refusal of something inside the contract (an attachment, a
 * key date ...), placed at @line and @column: "Contract N: message".
 * Both leave errors of the register itself to the next. */
gboolean         _signet_xml_import_fail_in_contract      (Import         *self,
                                                           const GError   *error,
                                                           guint           line,
                                                           guint           column,
                                                           const char     *value);
/* The register's own trouble (busy, a full disk, a damaged file), which is
 * not the file's: the store's error as it is, with no place in the file. */
gboolean         _signet_xml_import_fail_in_register      (Import         *self,
                                                           const GError   *error);
gboolean         _signet_xml_import_refuse_doctype        (Import         *self);
/* libxml2's error @e in Signet's words; @at_end and @n_read say how much
 * of the file was read when it came. Called in the reading thread: it only
 * reads the import's file. */
GError          *_signet_xml_import_translate_error       (Import         *self,
                                                           const xmlError *e,
                                                           gboolean        at_end,
                                                           goffset         n_read);
/* The compiled schema, shared by every import. */
xmlSchemaPtr     _signet_xml_import_get_schema            (void);

ImportReader     *_signet_xml_import_reader_start         (Import         *import,
                                                           GInputStream   *stream,
                                                           GCancellable   *cancellable);
const ImportNode *_signet_xml_import_reader_next          (ImportReader   *self,
                                                           goffset        *n_read);
int               _signet_xml_import_reader_get_end       (ImportReader   *self,
                                                           GError        **io_error,
                                                           GError        **error,
                                                           guint          *error_line);
void              _signet_xml_import_reader_free          (ImportReader   *self);

G_END_DECLS
