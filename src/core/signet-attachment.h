/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* What a file is to its contract. Tokens are stable and never translated
 * (they are stored in the database and written to XML); the order is the
 * order attachments are listed in. */
typedef enum
{
  SIGNET_ATTACHMENT_ROLE_SIGNED,
  SIGNET_ATTACHMENT_ROLE_DRAFT,
  SIGNET_ATTACHMENT_ROLE_AMENDMENT,
  SIGNET_ATTACHMENT_ROLE_APPENDIX,
  SIGNET_ATTACHMENT_ROLE_OTHER,
} SignetAttachmentRole;

#define SIGNET_N_ATTACHMENT_ROLES (SIGNET_ATTACHMENT_ROLE_OTHER + 1)

#define SIGNET_ATTACHMENT_ERROR (signet_attachment_error_quark ())

typedef enum
{
  SIGNET_ATTACHMENT_ERROR_EMPTY,             /* a 0-byte file */
  SIGNET_ATTACHMENT_ERROR_TOO_LARGE,         /* above SIGNET_ATTACHMENT_MAX_SIZE */
  SIGNET_ATTACHMENT_ERROR_CHECKSUM_MISMATCH, /* the stored bytes changed since they were added */
  SIGNET_ATTACHMENT_ERROR_UNCHANGED,         /* a replacement identical to the current version */
} SignetAttachmentError;

/* 200 MB, in the decimal units g_format_size() shows to the user. */
#define SIGNET_ATTACHMENT_MAX_SIZE (G_GUINT64_CONSTANT (200) * 1000 * 1000)

/* One stored version of an attachment's file. Immutable: the store makes
 * them. Times are ISO 8601 in UTC, as in the audit log. */
typedef struct
{
  gint64   id;
  gint64   attachment_id;
  guint    version;          /* 1 for the file first attached */
  char    *file_name;
  char    *content_type;     /* a MIME type, e.g. "application/pdf" */
  guint64  size;
  char    *sha256;           /* lower-case hex */
  char    *added_at;
  char    *added_by;
} SignetAttachmentVersion;

#define SIGNET_TYPE_ATTACHMENT_VERSION (signet_attachment_version_get_type ())

GType                    signet_attachment_version_get_type (void) G_GNUC_CONST;
SignetAttachmentVersion *signet_attachment_version_new      (gint64                   id,
                                                             gint64                   attachment_id,
                                                             guint                    version,
                                                             const char              *file_name,
                                                             const char              *content_type,
                                                             guint64                  size,
                                                             const char              *sha256,
                                                             const char              *added_at,
                                                             const char              *added_by);
SignetAttachmentVersion *signet_attachment_version_ref      (SignetAttachmentVersion *version);
void                     signet_attachment_version_unref    (SignetAttachmentVersion *version);
gboolean                 signet_attachment_version_is_pdf   (const SignetAttachmentVersion *version);

#define SIGNET_TYPE_ATTACHMENT (signet_attachment_get_type ())

G_DECLARE_FINAL_TYPE (SignetAttachment, signet_attachment, SIGNET, ATTACHMENT, GObject)

GQuark                   signet_attachment_error_quark      (void);

const char              *signet_attachment_role_to_token    (SignetAttachmentRole     role);
gboolean                 signet_attachment_role_from_token  (const char              *token,
                                                             SignetAttachmentRole    *role);
const char              *signet_attachment_role_to_label    (SignetAttachmentRole     role);

/* A file attached to a contract, as its current version shows it.
 * Immutable: the store makes them, and a change comes back as a new one. */
SignetAttachment        *signet_attachment_new              (gint64                   id,
                                                             gint64                   contract_id,
                                                             SignetAttachmentRole     role,
                                                             const char              *description,
                                                             SignetAttachmentVersion *current);

gint64                   signet_attachment_get_id           (SignetAttachment        *self);
gint64                   signet_attachment_get_contract_id  (SignetAttachment        *self);
SignetAttachmentRole     signet_attachment_get_role         (SignetAttachment        *self);
/* NULL when there is none. */
const char              *signet_attachment_get_description  (SignetAttachment        *self);
SignetAttachmentVersion *signet_attachment_get_current      (SignetAttachment        *self);

/* The fields of the current version. */
gint64                   signet_attachment_get_version_id   (SignetAttachment        *self);
guint                    signet_attachment_get_version      (SignetAttachment        *self);
const char              *signet_attachment_get_file_name    (SignetAttachment        *self);
const char              *signet_attachment_get_content_type (SignetAttachment        *self);
guint64                  signet_attachment_get_size         (SignetAttachment        *self);
const char              *signet_attachment_get_sha256       (SignetAttachment        *self);
const char              *signet_attachment_get_added_at     (SignetAttachment        *self);
const char              *signet_attachment_get_added_by     (SignetAttachment        *self);
gboolean                 signet_attachment_is_pdf           (SignetAttachment        *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SignetAttachmentVersion, signet_attachment_version_unref)

G_END_DECLS
