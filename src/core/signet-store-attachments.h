/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "signet-annotation.h"
#include "signet-attachment.h"
#include "signet-store.h"

G_BEGIN_DECLS

/* Attachments. A file's bytes are stored once by SHA-256, however many
 * attachments name them; each attachment keeps every version it had. Only
 * attachments of existing contracts are found: those of a deleted contract
 * stay in the database untouched and come back when the contract is
 * restored. Each write is one transaction with an audit entry on the
 * contract, and emits "changed" (contract, id, updated) afterwards. */

/* Attaches a copy of @bytes to the contract as version 1. @content_type
 * (a MIME type) may be NULL to guess it from the name and the bytes. An
 * empty file or one above SIGNET_ATTACHMENT_MAX_SIZE is refused with a
 * SIGNET_ATTACHMENT_ERROR and nothing is stored. */
SignetAttachment *signet_store_add_attachment          (SignetStore           *self,
                                                        gint64                 contract_id,
                                                        GBytes                *bytes,
                                                        const char            *file_name,
                                                        const char            *content_type,
                                                        SignetAttachmentRole   role,
                                                        const char            *description,
                                                        GError               **error);
/* Adds the next version; the earlier ones are kept and still open. The
 * file of the current version again is refused
 * (SIGNET_ATTACHMENT_ERROR_UNCHANGED). */
SignetAttachment *signet_store_replace_attachment      (SignetStore           *self,
                                                        gint64                 attachment_id,
                                                        GBytes                *bytes,
                                                        const char            *file_name,
                                                        const char            *content_type,
                                                        GError               **error);
/* @description NULL or blank for none. Nothing is written when nothing
 * changes. */
SignetAttachment *signet_store_update_attachment       (SignetStore           *self,
                                                        gint64                 attachment_id,
                                                        SignetAttachmentRole   role,
                                                        const char            *description,
                                                        GError               **error);
/* Removes the attachment with all its versions and their annotations;
 * signet_store_delete() does the same and returns what brings all of them
 * back with their ids (Undo). Bytes that no attachment names any more,
 * and no such tombstone either, are dropped by a later delete. */
gboolean          signet_store_delete_attachment       (SignetStore           *self,
                                                        gint64                 attachment_id,
                                                        GError               **error);
SignetAttachment *signet_store_get_attachment          (SignetStore           *self,
                                                        gint64                 attachment_id,
                                                        GError               **error);
/* The attachments of a contract as their current versions show them,
 * ordered by role (signed contract first) and then as they were added;
 * of SignetAttachment. */
GPtrArray        *signet_store_list_attachments        (SignetStore           *self,
                                                        gint64                 contract_id,
                                                        GError               **error);
/* Every version of an attachment, newest first; of SignetAttachmentVersion. */
GPtrArray        *signet_store_list_attachment_versions (SignetStore          *self,
                                                        gint64                 attachment_id,
                                                        GError               **error);
/* The bytes of one version, with their SHA-256 checked again: a mismatch
 * is SIGNET_ATTACHMENT_ERROR_CHECKSUM_MISMATCH, naming the file and both
 * checksums. */
GBytes           *signet_store_load_version_bytes      (SignetStore           *self,
                                                        gint64                 version_id,
                                                        GError               **error);
/* The same in a thread, on a connection of its own, so that a large file
 * does not hold up the window. */
void              signet_store_load_version_bytes_async (SignetStore          *self,
                                                        gint64                 version_id,
                                                        GCancellable          *cancellable,
                                                        GAsyncReadyCallback    callback,
                                                        gpointer               user_data);
GBytes           *signet_store_load_version_bytes_finish (SignetStore         *self,
                                                        GAsyncResult          *result,
                                                        GError               **error);

/* Annotations on attachment versions, kept in the database and never in
 * the file. Each write is one transaction with an audit entry on the
 * contract, and emits "changed" (contract, id, updated) afterwards. */

/* The author is the current user; @comment may be NULL. */
SignetAnnotation *signet_store_add_annotation          (SignetStore           *self,
                                                        gint64                 version_id,
                                                        SignetAnnotationKind   kind,
                                                        guint                  page,
                                                        const SignetAnnotationRect *rects,
                                                        guint                  n_rects,
                                                        const char            *color,
                                                        const char            *comment,
                                                        GError               **error);
/* @color or @comment NULL keeps it; modified-at becomes now. Nothing is
 * written when nothing changes. */
SignetAnnotation *signet_store_update_annotation       (SignetStore           *self,
                                                        gint64                 annotation_id,
                                                        const char            *color,
                                                        const char            *comment,
                                                        GError               **error);
/* signet_store_delete() does the same and returns what brings it back
 * with its id (Undo). */
gboolean          signet_store_delete_annotation       (SignetStore           *self,
                                                        gint64                 annotation_id,
                                                        GError               **error);
SignetAnnotation *signet_store_get_annotation          (SignetStore           *self,
                                                        gint64                 annotation_id,
                                                        GError               **error);
/* Ordered by page, then as they were made; of SignetAnnotation. */
GPtrArray        *signet_store_list_annotations        (SignetStore           *self,
                                                        gint64                 version_id,
                                                        GError               **error);

/* For XML import: a version of an attachment as an export wrote it, with
 * its number and who added it when (@added_at NULL: now, for a file that
 * does not say). The first one imported for an
 * attachment makes the attachment (*@attachment_id 0 in, its id out);
 * the others are added to it. The version's id, or 0 on error. */
gint64            signet_store_import_attachment_version (SignetStore         *self,
                                                        gint64                 contract_id,
                                                        gint64                *attachment_id,
                                                        SignetAttachmentRole   role,
                                                        const char            *description,
                                                        guint                  version,
                                                        GBytes                *bytes,
                                                        const char            *file_name,
                                                        const char            *content_type,
                                                        const char            *added_at,
                                                        const char            *added_by,
                                                        GError               **error);
/* Whether any version of any attachment of the contract has @sha256. */
gboolean          signet_store_contract_has_file       (SignetStore           *self,
                                                        gint64                 contract_id,
                                                        const char            *sha256);
/* For XML export: the ids of the contracts that have attachments, key
 * dates users added, recorded reviews, reminder settings of their own,
 * process steps, amendments, notice decisions, approval steps, payments,
 * obligations, risks, a kept risk level, an original or loans,
 * as a set of gint64 * (g_int64_hash). One query, so that an export of a
 * large register asks about a contract only when it has something. */
GHashTable       *signet_store_list_contracts_with_records (SignetStore       *self,
                                                        GError               **error);
/* For XML import: an annotation with its author and times. */
gboolean          signet_store_import_annotation       (SignetStore           *self,
                                                        gint64                 version_id,
                                                        SignetAnnotationKind   kind,
                                                        guint                  page,
                                                        const SignetAnnotationRect *rects,
                                                        guint                  n_rects,
                                                        const char            *color,
                                                        const char            *author,
                                                        const char            *created_at,
                                                        const char            *modified_at,
                                                        const char            *comment,
                                                        GError               **error);

/* Text of PDF attachments, extracted in the background, for search. */
typedef enum
{
  SIGNET_BLOB_TEXT_DONE,
  SIGNET_BLOB_TEXT_FAILED,       /* the file could not be read; not tried again */
} SignetBlobTextState;

/* SHA-256s of the PDFs (current versions of attachments of existing
 * contracts) whose text has not been extracted yet, most recently added
 * first; of char *. */
GPtrArray        *signet_store_list_blobs_without_text (SignetStore           *self,
                                                        GError               **error);
/* The bytes stored under @sha256, checked like
 * signet_store_load_version_bytes(). */
GBytes           *signet_store_load_blob_bytes         (SignetStore           *self,
                                                        const char            *sha256,
                                                        GError               **error);
/* Keeps the extracted @text (ignored for FAILED), its pages ended by form
 * feeds, and emits "changed" for each contract whose attachments have it. */
gboolean          signet_store_set_blob_text           (SignetStore           *self,
                                                        const char            *sha256,
                                                        SignetBlobTextState    state,
                                                        const char            *text,
                                                        GError               **error);

G_END_DECLS
