/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "signet-store.h"

G_BEGIN_DECLS

/* The register exchange format (data/xml/signet-1.xsd, docs/xml-format.md). */
#define SIGNET_XML_NAMESPACE "https://signetapp.github.io/ns/register/1"
#define SIGNET_XML_VERSION   1

#define SIGNET_XML_ERROR (signet_xml_error_quark ())

typedef enum
{
  SIGNET_XML_ERROR_FAILED,      /* the file could not be read or written */
  SIGNET_XML_ERROR_MALFORMED,   /* not XML, cut off, or not valid UTF-8 */
  SIGNET_XML_ERROR_FORBIDDEN,   /* a DTD or entity declaration */
  SIGNET_XML_ERROR_LIMIT,       /* nested too deeply or a text too long */
  SIGNET_XML_ERROR_VERSION,     /* not a Signet register, or a version this build does not read */
  SIGNET_XML_ERROR_INVALID,     /* does not follow the format, or a value is wrong */
  SIGNET_XML_ERROR_CONFLICT,    /* a record exists and differs, and the policy is to stop */
  SIGNET_XML_ERROR_UNWRITABLE,  /* a stored text holds a character XML cannot carry */
} SignetXmlError;

/* What to do with a record of the file whose contract number or client
 * code is already in the register with other details. */
typedef enum
{
  SIGNET_CONFLICT_SKIP,         /* keep the register's version */
  SIGNET_CONFLICT_UPDATE,       /* take the file's version */
  SIGNET_CONFLICT_FAIL,         /* stop; nothing is imported */
} SignetConflictPolicy;

typedef struct
{
  SignetConflictPolicy on_conflict;
  /* Runs the whole import in a transaction that is rolled back: the report
   * says what an import would do, and nothing is written. */
  gboolean             dry_run;
} SignetImportOptions;

typedef struct
{
  SignetRecordKind kind;
  char            *key;         /* the contract number or client code */
  guint            line;
} SignetImportConflict;

/* The number of conflicts a report names; it counts all of them. */
#define SIGNET_IMPORT_MAX_NAMED_CONFLICTS 10

typedef struct
{
  gboolean             dry_run;
  SignetConflictPolicy on_conflict;
  guint                clients_added;
  guint                clients_updated;
  guint                clients_unchanged;
  guint                clients_skipped;
  guint                contracts_added;
  guint                contracts_updated;
  guint                contracts_unchanged;
  guint                contracts_skipped;
  /* Records that exist with other details, whatever the policy did with
   * them; the first ones are named in @conflicts. */
  guint                n_conflicts;
  GPtrArray           *conflicts;   /* of SignetImportConflict */
  /* Attachments (each with all its versions) written, and those only
   * checked: the contract already has the file (its current version), or
   * the contract itself was skipped. */
  guint                attachments_added;
  guint                attachments_skipped;
  guint                annotations_added;
  /* Key dates and reviews the contracts did not have yet, and contracts
   * whose reminder settings changed. */
  guint                key_dates_added;
  guint                reviews_added;
  guint                reminders_changed;

  /* People and contract types (matched on their names), and the process
   * steps and amendments added to contracts. */
  guint                people_added;
  guint                people_updated;
  guint                people_unchanged;
  guint                people_skipped;
  guint                types_added;
  guint                types_updated;
  guint                types_unchanged;
  guint                types_skipped;
  guint                steps_added;
  guint                amendments_added;
  guint                decisions_added;  /* at notice deadlines */
  guint                routes_added;
  guint                routes_updated;
  guint                routes_unchanged;
  guint                routes_skipped;
  gboolean             rules_set;        /* the file's approval rules replaced the register's */
  gboolean             rules_unchanged;
  guint                approval_steps_added;
} SignetImportReport;

typedef enum
{
  SIGNET_EXPORT_FLAGS_NONE       = 0,
  /* Embeds every attached file, with its earlier versions and the
   * annotations of each version. */
  SIGNET_EXPORT_WITH_ATTACHMENTS = 1 << 0,
} SignetExportFlags;

/* Called with the share of the work done, from 0 to 1, at most a few
 * hundred times per run. The synchronous functions call it in the calling
 * thread, the asynchronous ones in the caller's thread-default main context. */
typedef void (*SignetXmlProgressFunc) (double   fraction,
                                       gpointer user_data);

GQuark               signet_xml_error_quark           (void);
/* Where in the file an import error is: 0 when not known. */
guint                signet_xml_error_get_line        (const GError            *error);
guint                signet_xml_error_get_column      (const GError            *error);
/* The offending value or element name, or NULL. */
const char          *signet_xml_error_get_value       (const GError            *error);
/* "FILE:LINE:COLUMN: message" (as far as the location is known). */
char                *signet_xml_error_format          (const GError            *error,
                                                       const char              *file_name);

gboolean             signet_conflict_policy_from_token (const char             *token,
                                                        SignetConflictPolicy   *policy);

/* The schema, as embedded in Signet. */
GBytes              *signet_xml_get_schema            (void);

/* Writes the register as XML: every client and contract, or with @search
 * (as typed into the search bar) the contracts that search lists and their
 * clients; with SIGNET_EXPORT_WITH_ATTACHMENTS their files too. Records
 * come in a fixed order (clients by code, contracts by number) and nothing
 * volatile is written, so the same register gives the same bytes. @dest is
 * written through a temporary file in its folder and renamed: an export
 * that fails or is cancelled leaves @dest as it was. */
gboolean             signet_xml_export                (SignetStore             *store,
                                                       GFile                   *dest,
                                                       const char              *search,
                                                       SignetExportFlags        flags,
                                                       GCancellable            *cancellable,
                                                       SignetXmlProgressFunc    progress,
                                                       gpointer                 progress_data,
                                                       GError                 **error);
/* The same onto a stream, which is neither truncated nor closed (standard output). */
gboolean             signet_xml_export_to_stream      (SignetStore             *store,
                                                       GOutputStream           *stream,
                                                       const char              *search,
                                                       SignetExportFlags        flags,
                                                       GCancellable            *cancellable,
                                                       SignetXmlProgressFunc    progress,
                                                       gpointer                 progress_data,
                                                       GError                 **error);
/* Runs signet_xml_export() in a thread, on its own connection to the
 * database of @store. */
void                 signet_xml_export_async          (SignetStore             *store,
                                                       GFile                   *dest,
                                                       const char              *search,
                                                       SignetExportFlags        flags,
                                                       GCancellable            *cancellable,
                                                       SignetXmlProgressFunc    progress,
                                                       gpointer                 progress_data,
                                                       GDestroyNotify           progress_data_destroy,
                                                       GAsyncReadyCallback      callback,
                                                       gpointer                 user_data);
gboolean             signet_xml_export_finish         (SignetStore             *store,
                                                       GAsyncResult            *result,
                                                       GError                 **error);

/* Reads @src as a stream, validating it against the schema and Signet's
 * own rules, and writes it in one transaction: all or nothing. Clients are
 * matched on their code and contracts on their number. On success the
 * report says what was (or, in a dry run, would be) done. Cancelling
 * writes nothing. Errors in the file carry its line, column and the
 * offending value (signet_xml_error_get_line() ...). */
gboolean             signet_xml_import                (SignetStore             *store,
                                                       GFile                   *src,
                                                       const SignetImportOptions *options,
                                                       SignetImportReport     **report_out,
                                                       GCancellable            *cancellable,
                                                       SignetXmlProgressFunc    progress,
                                                       gpointer                 progress_data,
                                                       GError                 **error);
/* Runs signet_xml_import() in a thread on its own connection to the
 * database of @store; once a real import is done, @store looks for what
 * it wrote (signet_store_check_external_changes()) and emits it in the
 * caller's thread. */
void                 signet_xml_import_async          (SignetStore             *store,
                                                       GFile                   *src,
                                                       const SignetImportOptions *options,
                                                       GCancellable            *cancellable,
                                                       SignetXmlProgressFunc    progress,
                                                       gpointer                 progress_data,
                                                       GDestroyNotify           progress_data_destroy,
                                                       GAsyncReadyCallback      callback,
                                                       gpointer                 user_data);
SignetImportReport  *signet_xml_import_finish         (SignetStore             *store,
                                                       GAsyncResult            *result,
                                                       GError                 **error);

/* A few translated sentences on what the import did or would do. */
char                *signet_import_report_describe    (const SignetImportReport *report);
/* The contract numbers and client codes of the conflicts @report names,
 * as a list in the user's language, with "…" when it counts more. */
char                *signet_import_report_list_conflicts (const SignetImportReport *report);
void                 signet_import_report_free        (SignetImportReport      *report);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SignetImportReport, signet_import_report_free)

G_END_DECLS
