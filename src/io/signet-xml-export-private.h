/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <libxml/xmlwriter.h>

#include "signet-xml-private.h"

G_BEGIN_DECLS

/* Shared by signet-xml-export.c (the register, clients and contracts) and
 * signet-xml-export-attachments.c (a contract's attached files). */

typedef struct
{
  SignetStore       *store;
  GOutputStream     *stream;
  GCancellable      *cancellable;
  SignetExportFlags  flags;
  /* Contracts with attachments, key dates, reviews, reminder settings,
   * process steps or amendments: the others need no queries beyond their
   * own record. */
  GHashTable        *with_records;
  /* Successor id -> SignetRenewalRecord, of the links whose predecessor
   * the file holds too. */
  GHashTable        *renewals;
  /* Person id -> name, read when a record first names someone. */
  GHashTable        *person_names;
  SignetXmlProgress  progress;
  xmlTextWriterPtr   writer;
  /* The first failure of the stream; the writer only sees -1. */
  GError            *error;
} Export;

/* Sets @error from the stream's failure, or a general one; FALSE. */
gboolean  _signet_xml_export_writer_failed    (Export       *self,
                                               GError      **error);
/* Fails with SIGNET_XML_ERROR_UNWRITABLE, naming @record and the field
 * @label (translated), when @text holds what XML cannot carry. */
gboolean  _signet_xml_export_check_text       (const char   *text,
                                               const char   *record,
                                               const char   *label,
                                               GError      **error);
/* Writes <attachments> for the contract (nothing when it has none). */
gboolean  _signet_xml_export_write_attachments (Export      *self,
                                                gint64       contract_id,
                                                const char  *number,
                                                GError     **error);

/* signet-xml-export-process.c: <people> and <contract-types> (@wanted, a
 * set of names, or NULL for all), and a contract's <process> and
 * <notice-decisions> and <amendments> (nothing when it has none). */
gboolean  _signet_xml_export_write_people      (Export      *self,
                                                GHashTable  *wanted,
                                                GError     **error);
gboolean  _signet_xml_export_write_contract_types (Export   *self,
                                                GHashTable  *wanted,
                                                GError     **error);
gboolean  _signet_xml_export_write_process     (Export      *self,
                                                gint64       contract_id,
                                                const char  *number,
                                                GError     **error);
gboolean  _signet_xml_export_write_notice_decisions (Export  *self,
                                                gint64       contract_id,
                                                const char  *number,
                                                GError     **error);
gboolean  _signet_xml_export_write_amendments  (Export      *self,
                                                gint64       contract_id,
                                                const char  *number,
                                                GError     **error);
/* <approval-routes> and <approval-rules> (all of them), and a
 * contract's <approval-steps>. */
gboolean  _signet_xml_export_write_approval_routes (Export  *self,
                                                GError     **error);
/* signet-xml-export-views.c: <saved-views> (nothing when there is none). */
gboolean  _signet_xml_export_write_saved_views (Export      *self,
                                                GError     **error);
gboolean  _signet_xml_export_write_approval_steps (Export   *self,
                                                gint64       contract_id,
                                                const char  *number,
                                                GError     **error);
/* Reads the renewal links into self->renewals: those whose predecessor
 * is among @ids (the contracts written), or all when @ids is NULL. */
gboolean  _signet_xml_export_read_renewals     (Export      *self,
                                                GArray      *ids,
                                                GError     **error);
/* <renewal-of> of a successor; nothing for another contract. */
gboolean  _signet_xml_export_write_renewal_of  (Export      *self,
                                                gint64       contract_id,
                                                GError     **error);

/* signet-xml-export-commitments.c: a contract's <payments>,
 * <obligations>, <risks>, <risk-level-choice>, <original> and <loans>
 * (nothing of what it has none of), and the names of the people they
 * name, added to @names. */
gboolean  _signet_xml_export_write_commitments (Export      *self,
                                                gint64       contract_id,
                                                const char  *number,
                                                GError     **error);
gboolean  _signet_xml_export_collect_commitment_people (Export *self,
                                                gint64       contract_id,
                                                GHashTable  *names,
                                                GError     **error);

G_END_DECLS
