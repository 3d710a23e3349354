/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "signet-xml"

#include "config.h"

#include <glib/gi18n.h>

#include "signet-store-attachments.h"
#include "signet-xml-export-private.h"

/* A contract's attachments, in the order the store lists them (by role,
 * then as they were added): the current version's file in the
 * attachment's attributes and <data>, its annotations, then every earlier
 * version in ascending order with its own file and annotations. One file
 * is in memory at a time. */

/* Bytes per <data> chunk: 1 MiB of base64 text (the schema's limit). */
#define CHUNK_SIZE 786432

static gboolean
write_version_attributes (Export                   *self,
                          SignetAttachmentVersion  *version,
                          const char               *role,
                          const char               *number,
                          GError                  **error)
{
  g_autofree char *size = g_strdup_printf ("%" G_GUINT64_FORMAT, version->size);
  g_autofree char *version_number = g_strdup_printf ("%u", version->version);

  if (!_signet_xml_export_check_text (version->file_name, number, _("File Name"), error) ||
      !_signet_xml_export_check_text (version->added_by, number, _("Added By"), error))
    return FALSE;

  if (xmlTextWriterWriteAttribute (self->writer, BAD_CAST "name", BAD_CAST version->file_name) < 0 ||
      xmlTextWriterWriteAttribute (self->writer, BAD_CAST "type", BAD_CAST version->content_type) < 0 ||
      xmlTextWriterWriteAttribute (self->writer, BAD_CAST "size", BAD_CAST size) < 0 ||
      xmlTextWriterWriteAttribute (self->writer, BAD_CAST "sha256", BAD_CAST version->sha256) < 0 ||
      (role != NULL && xmlTextWriterWriteAttribute (self->writer, BAD_CAST "role", BAD_CAST role) < 0) ||
      xmlTextWriterWriteAttribute (self->writer, BAD_CAST "version", BAD_CAST version_number) < 0 ||
      xmlTextWriterWriteAttribute (self->writer, BAD_CAST "added-at", BAD_CAST version->added_at) < 0 ||
      xmlTextWriterWriteAttribute (self->writer, BAD_CAST "added-by", BAD_CAST version->added_by) < 0)
    return _signet_xml_export_writer_failed (self, error);

  return TRUE;
}

static gboolean
write_data (Export                   *self,
            SignetAttachmentVersion  *version,
            GError                  **error)
{
  g_autoptr(GBytes) bytes = NULL;
  const guchar *data;
  gsize size;

  /* Checks the SHA-256 again: a damaged file is not exported as if whole. */
  bytes = signet_store_load_version_bytes (self->store, version->id, error);
  if (bytes == NULL)
    return FALSE;

  data = g_bytes_get_data (bytes, &size);

  for (gsize offset = 0; offset < size; offset += CHUNK_SIZE)
    {
      g_autofree char *chunk = g_base64_encode (data + offset, MIN (CHUNK_SIZE, size - offset));

      if (g_cancellable_set_error_if_cancelled (self->cancellable, error))
        return FALSE;

      if (xmlTextWriterWriteElement (self->writer, BAD_CAST "data", BAD_CAST chunk) < 0)
        return _signet_xml_export_writer_failed (self, error);
    }

  return TRUE;
}

static gboolean
write_annotation (Export            *self,
                  SignetAnnotation  *annotation,
                  const char        *number,
                  GError           **error)
{
  GArray *rects = signet_annotation_get_rects (annotation);
  g_autofree char *rects_text = signet_annotation_rects_to_string ((const SignetAnnotationRect *) (gpointer) rects->data,
                                                                   rects->len);
  g_autofree char *page = g_strdup_printf ("%u", signet_annotation_get_page (annotation) + 1);
  const char *author = signet_annotation_get_author (annotation);
  const char *comment = signet_annotation_get_comment (annotation);

  if (!_signet_xml_export_check_text (author, number, _("Author"), error) ||
      !_signet_xml_export_check_text (comment, number, _("Comment"), error))
    return FALSE;

  if (xmlTextWriterStartElement (self->writer, BAD_CAST "annotation") < 0 ||
      xmlTextWriterWriteAttribute (self->writer, BAD_CAST "kind",
                                   BAD_CAST signet_annotation_kind_to_token (signet_annotation_get_kind (annotation))) < 0 ||
      xmlTextWriterWriteAttribute (self->writer, BAD_CAST "page", BAD_CAST page) < 0 ||
      xmlTextWriterWriteAttribute (self->writer, BAD_CAST "rects", BAD_CAST rects_text) < 0 ||
      xmlTextWriterWriteAttribute (self->writer, BAD_CAST "color", BAD_CAST signet_annotation_get_color (annotation)) < 0 ||
      xmlTextWriterWriteAttribute (self->writer, BAD_CAST "author", BAD_CAST author) < 0 ||
      xmlTextWriterWriteAttribute (self->writer, BAD_CAST "created-at",
                                   BAD_CAST signet_annotation_get_created_at (annotation)) < 0 ||
      xmlTextWriterWriteAttribute (self->writer, BAD_CAST "modified-at",
                                   BAD_CAST signet_annotation_get_modified_at (annotation)) < 0 ||
      (*comment != '\0' && xmlTextWriterWriteElement (self->writer, BAD_CAST "comment", BAD_CAST comment) < 0) ||
      xmlTextWriterEndElement (self->writer) < 0)
    return _signet_xml_export_writer_failed (self, error);

  return TRUE;
}

/* By page, then as they were made: the store's order, which an import
 * keeps. */
static gboolean
write_annotations (Export      *self,
                   gint64       version_id,
                   const char  *number,
                   GError     **error)
{
  g_autoptr(GPtrArray) annotations = signet_store_list_annotations (self->store, version_id, error);

  if (annotations == NULL)
    return FALSE;

  if (annotations->len == 0)
    return TRUE;

  if (xmlTextWriterStartElement (self->writer, BAD_CAST "annotations") < 0)
    return _signet_xml_export_writer_failed (self, error);

  for (guint i = 0; i < annotations->len; i++)
    if (!write_annotation (self, g_ptr_array_index (annotations, i), number, error))
      return FALSE;

  if (xmlTextWriterEndElement (self->writer) < 0)
    return _signet_xml_export_writer_failed (self, error);

  return TRUE;
}

static gboolean
write_attachment (Export            *self,
                  SignetAttachment  *attachment,
                  const char        *number,
                  GError           **error)
{
  SignetAttachmentVersion *current = signet_attachment_get_current (attachment);
  const char *description = signet_attachment_get_description (attachment);
  g_autoptr(GPtrArray) versions = NULL;

  versions = signet_store_list_attachment_versions (self->store, signet_attachment_get_id (attachment), error);
  if (versions == NULL)
    return FALSE;

  if (!_signet_xml_export_check_text (description, number, _("Description"), error))
    return FALSE;

  if (xmlTextWriterStartElement (self->writer, BAD_CAST "attachment") < 0)
    return _signet_xml_export_writer_failed (self, error);

  if (!write_version_attributes (self, current, signet_attachment_role_to_token (signet_attachment_get_role (attachment)),
                                 number, error))
    return FALSE;

  if (description != NULL && *description != '\0' &&
      xmlTextWriterWriteElement (self->writer, BAD_CAST "description", BAD_CAST description) < 0)
    return _signet_xml_export_writer_failed (self, error);

  if (!write_data (self, current, error) ||
      !write_annotations (self, current->id, number, error))
    return FALSE;

  /* The store lists versions newest first. */
  for (guint i = versions->len; i > 0; i--)
    {
      SignetAttachmentVersion *version = g_ptr_array_index (versions, i - 1);

      if (version->id == current->id)
        continue;

      if (xmlTextWriterStartElement (self->writer, BAD_CAST "earlier-version") < 0)
        return _signet_xml_export_writer_failed (self, error);

      if (!write_version_attributes (self, version, NULL, number, error) ||
          !write_data (self, version, error) ||
          !write_annotations (self, version->id, number, error))
        return FALSE;

      if (xmlTextWriterEndElement (self->writer) < 0)
        return _signet_xml_export_writer_failed (self, error);
    }

  if (xmlTextWriterEndElement (self->writer) < 0)
    return _signet_xml_export_writer_failed (self, error);

  return TRUE;
}

gboolean
_signet_xml_export_write_attachments (Export      *self,
                                      gint64       contract_id,
                                      const char  *number,
                                      GError     **error)
{
  g_autoptr(GPtrArray) attachments = signet_store_list_attachments (self->store, contract_id, error);

  if (attachments == NULL)
    return FALSE;

  if (attachments->len == 0)
    return TRUE;

  if (xmlTextWriterStartElement (self->writer, BAD_CAST "attachments") < 0)
    return _signet_xml_export_writer_failed (self, error);

  for (guint i = 0; i < attachments->len; i++)
    if (!write_attachment (self, g_ptr_array_index (attachments, i), number, error))
      return FALSE;

  if (xmlTextWriterEndElement (self->writer) < 0)
    return _signet_xml_export_writer_failed (self, error);

  return TRUE;
}
