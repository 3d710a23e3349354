/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "signet-attachment"

#include "config.h"

#include <glib/gi18n.h>

#include "signet-attachment.h"
#include "signet-enum-types.h"

struct _SignetAttachment
{
  GObject                  parent_instance;

  gint64                   id;
  gint64                   contract_id;
  SignetAttachmentRole     role;
  char                    *description;
  SignetAttachmentVersion *current;
};

G_DEFINE_FINAL_TYPE (SignetAttachment, signet_attachment, G_TYPE_OBJECT)

G_DEFINE_BOXED_TYPE (SignetAttachmentVersion, signet_attachment_version,
                     signet_attachment_version_ref, signet_attachment_version_unref)

G_DEFINE_QUARK (signet-attachment-error-quark, signet_attachment_error)

enum {
  PROP_0,
  PROP_ID,
  PROP_CONTRACT_ID,
  PROP_ROLE,
  PROP_DESCRIPTION,
  PROP_CURRENT,
  PROP_VERSION_ID,
  PROP_VERSION,
  PROP_FILE_NAME,
  PROP_CONTENT_TYPE,
  PROP_SIZE,
  PROP_SHA256,
  PROP_ADDED_AT,
  PROP_ADDED_BY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char * const role_tokens[SIGNET_N_ATTACHMENT_ROLES] = {
  "signed", "draft", "amendment", "appendix", "other",
};

static void
version_clear (SignetAttachmentVersion *version)
{
  g_free (version->file_name);
  g_free (version->content_type);
  g_free (version->sha256);
  g_free (version->added_at);
  g_free (version->added_by);
}

static void
signet_attachment_finalize (GObject *object)
{
  SignetAttachment *self = (SignetAttachment *)object;

  g_clear_pointer (&self->description, g_free);
  g_clear_pointer (&self->current, signet_attachment_version_unref);

  G_OBJECT_CLASS (signet_attachment_parent_class)->finalize (object);
}

static void
signet_attachment_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  SignetAttachment *self = SIGNET_ATTACHMENT (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_CONTRACT_ID:
      g_value_set_int64 (value, self->contract_id);
      break;
    case PROP_ROLE:
      g_value_set_enum (value, self->role);
      break;
    case PROP_DESCRIPTION:
      g_value_set_string (value, self->description);
      break;
    case PROP_CURRENT:
      g_value_set_boxed (value, self->current);
      break;
    case PROP_VERSION_ID:
      g_value_set_int64 (value, self->current->id);
      break;
    case PROP_VERSION:
      g_value_set_uint (value, self->current->version);
      break;
    case PROP_FILE_NAME:
      g_value_set_string (value, self->current->file_name);
      break;
    case PROP_CONTENT_TYPE:
      g_value_set_string (value, self->current->content_type);
      break;
    case PROP_SIZE:
      g_value_set_uint64 (value, self->current->size);
      break;
    case PROP_SHA256:
      g_value_set_string (value, self->current->sha256);
      break;
    case PROP_ADDED_AT:
      g_value_set_string (value, self->current->added_at);
      break;
    case PROP_ADDED_BY:
      g_value_set_string (value, self->current->added_by);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
signet_attachment_class_init (SignetAttachmentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = signet_attachment_finalize;
  object_class->get_property = signet_attachment_get_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                        (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_CONTRACT_ID] =
    g_param_spec_int64 ("contract-id", NULL, NULL, 0, G_MAXINT64, 0,
                        (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_ROLE] =
    g_param_spec_enum ("role", NULL, NULL,
                       SIGNET_TYPE_ATTACHMENT_ROLE, SIGNET_ATTACHMENT_ROLE_OTHER,
                       (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_DESCRIPTION] =
    g_param_spec_string ("description", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_CURRENT] =
    g_param_spec_boxed ("current", NULL, NULL, SIGNET_TYPE_ATTACHMENT_VERSION,
                        (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_VERSION_ID] =
    g_param_spec_int64 ("version-id", NULL, NULL, 0, G_MAXINT64, 0,
                        (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_VERSION] =
    g_param_spec_uint ("version", NULL, NULL, 0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_FILE_NAME] =
    g_param_spec_string ("file-name", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_CONTENT_TYPE] =
    g_param_spec_string ("content-type", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_SIZE] =
    g_param_spec_uint64 ("size", NULL, NULL, 0, G_MAXUINT64, 0,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_SHA256] =
    g_param_spec_string ("sha256", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_ADDED_AT] =
    g_param_spec_string ("added-at", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_ADDED_BY] =
    g_param_spec_string ("added-by", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
signet_attachment_init (SignetAttachment *self)
{
}

SignetAttachmentVersion *
signet_attachment_version_new (gint64      id,
                               gint64      attachment_id,
                               guint       version,
                               const char *file_name,
                               const char *content_type,
                               guint64     size,
                               const char *sha256,
                               const char *added_at,
                               const char *added_by)
{
  SignetAttachmentVersion *self = g_atomic_rc_box_new0 (SignetAttachmentVersion);

  self->id = id;
  self->attachment_id = attachment_id;
  self->version = version;
  self->file_name = g_strdup (file_name);
  self->content_type = g_strdup (content_type);
  self->size = size;
  self->sha256 = g_strdup (sha256);
  self->added_at = g_strdup (added_at);
  self->added_by = g_strdup (added_by);

  return self;
}

SignetAttachmentVersion *
signet_attachment_version_ref (SignetAttachmentVersion *version)
{
  g_return_val_if_fail (version != NULL, NULL);

  return g_atomic_rc_box_acquire (version);
}

void
signet_attachment_version_unref (SignetAttachmentVersion *version)
{
  g_return_if_fail (version != NULL);

  g_atomic_rc_box_release_full (version, (GDestroyNotify) version_clear);
}

gboolean
signet_attachment_version_is_pdf (const SignetAttachmentVersion *version)
{
  g_return_val_if_fail (version != NULL, FALSE);

  return g_strcmp0 (version->content_type, "application/pdf") == 0;
}

const char *
signet_attachment_role_to_token (SignetAttachmentRole role)
{
  g_return_val_if_fail (role < SIGNET_N_ATTACHMENT_ROLES, NULL);

  return role_tokens[role];
}

gboolean
signet_attachment_role_from_token (const char           *token,
                                   SignetAttachmentRole *role)
{
  g_return_val_if_fail (role != NULL, FALSE);

  for (guint i = 0; token != NULL && i < G_N_ELEMENTS (role_tokens); i++)
    {
      if (g_str_equal (token, role_tokens[i]))
        {
          *role = i;
          return TRUE;
        }
    }

  return FALSE;
}

const char *
signet_attachment_role_to_label (SignetAttachmentRole role)
{
  switch (role)
    {
    case SIGNET_ATTACHMENT_ROLE_SIGNED:    return C_("attachment role", "Signed Contract");
    case SIGNET_ATTACHMENT_ROLE_DRAFT:     return C_("attachment role", "Draft");
    case SIGNET_ATTACHMENT_ROLE_AMENDMENT: return C_("attachment role", "Amendment");
    case SIGNET_ATTACHMENT_ROLE_APPENDIX:  return C_("attachment role", "Appendix");
    case SIGNET_ATTACHMENT_ROLE_OTHER:     return C_("attachment role", "Other");
    default:
      g_return_val_if_reached (NULL);
    }
}

SignetAttachment *
signet_attachment_new (gint64                   id,
                       gint64                   contract_id,
                       SignetAttachmentRole     role,
                       const char              *description,
                       SignetAttachmentVersion *current)
{
  SignetAttachment *self;

  g_return_val_if_fail (role < SIGNET_N_ATTACHMENT_ROLES, NULL);
  g_return_val_if_fail (current != NULL, NULL);

  self = g_object_new (SIGNET_TYPE_ATTACHMENT, NULL);
  self->id = id;
  self->contract_id = contract_id;
  self->role = role;
  self->description = g_strdup (description);
  self->current = signet_attachment_version_ref (current);

  return self;
}

gint64
signet_attachment_get_id (SignetAttachment *self)
{
  g_return_val_if_fail (SIGNET_IS_ATTACHMENT (self), 0);

  return self->id;
}

gint64
signet_attachment_get_contract_id (SignetAttachment *self)
{
  g_return_val_if_fail (SIGNET_IS_ATTACHMENT (self), 0);

  return self->contract_id;
}

SignetAttachmentRole
signet_attachment_get_role (SignetAttachment *self)
{
  g_return_val_if_fail (SIGNET_IS_ATTACHMENT (self), SIGNET_ATTACHMENT_ROLE_OTHER);

  return self->role;
}

const char *
signet_attachment_get_description (SignetAttachment *self)
{
  g_return_val_if_fail (SIGNET_IS_ATTACHMENT (self), NULL);

  return self->description;
}

SignetAttachmentVersion *
signet_attachment_get_current (SignetAttachment *self)
{
  g_return_val_if_fail (SIGNET_IS_ATTACHMENT (self), NULL);

  return self->current;
}

gint64
signet_attachment_get_version_id (SignetAttachment *self)
{
  g_return_val_if_fail (SIGNET_IS_ATTACHMENT (self), 0);

  return self->current->id;
}

guint
signet_attachment_get_version (SignetAttachment *self)
{
  g_return_val_if_fail (SIGNET_IS_ATTACHMENT (self), 0);

  return self->current->version;
}

const char *
signet_attachment_get_file_name (SignetAttachment *self)
{
  g_return_val_if_fail (SIGNET_IS_ATTACHMENT (self), NULL);

  return self->current->file_name;
}

const char *
signet_attachment_get_content_type (SignetAttachment *self)
{
  g_return_val_if_fail (SIGNET_IS_ATTACHMENT (self), NULL);

  return self->current->content_type;
}

guint64
signet_attachment_get_size (SignetAttachment *self)
{
  g_return_val_if_fail (SIGNET_IS_ATTACHMENT (self), 0);

  return self->current->size;
}

const char *
signet_attachment_get_sha256 (SignetAttachment *self)
{
  g_return_val_if_fail (SIGNET_IS_ATTACHMENT (self), NULL);

  return self->current->sha256;
}

const char *
signet_attachment_get_added_at (SignetAttachment *self)
{
  g_return_val_if_fail (SIGNET_IS_ATTACHMENT (self), NULL);

  return self->current->added_at;
}

const char *
signet_attachment_get_added_by (SignetAttachment *self)
{
  g_return_val_if_fail (SIGNET_IS_ATTACHMENT (self), NULL);

  return self->current->added_by;
}

gboolean
signet_attachment_is_pdf (SignetAttachment *self)
{
  g_return_val_if_fail (SIGNET_IS_ATTACHMENT (self), FALSE);

  return signet_attachment_version_is_pdf (self->current);
}
