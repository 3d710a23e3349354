/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "signet-xml"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "signet-xml-import-private.h"

/* <attachment>: the current version's file in the attachment's own
 * attributes and <data>, then the annotations of that version, then each
 * earlier version with its file and annotations. Each version's bytes are
 * checked against its size and SHA-256 and stored as soon as its data
 * ends, so at most one file is held in memory. An attachment whose current
 * file the contract had before the import is checked and skipped; so is
 * every attachment of a contract the import skips. */

static void
clear_version (ImportVersion *version)
{
  g_clear_pointer (&version->name, g_free);
  g_clear_pointer (&version->type, g_free);
  g_clear_pointer (&version->sha256, g_free);
  g_clear_pointer (&version->added_at, g_free);
  g_clear_pointer (&version->added_by, g_free);
  g_clear_pointer (&version->checksum, g_checksum_free);
  g_clear_pointer (&version->bytes, g_byte_array_unref);
  *version = (ImportVersion) { 0 };
}

static void
clear_annotation (ImportAnnotation *annotation)
{
  g_clear_pointer (&annotation->rects, g_array_unref);
  g_clear_pointer (&annotation->color, g_free);
  g_clear_pointer (&annotation->author, g_free);
  g_clear_pointer (&annotation->created_at, g_free);
  g_clear_pointer (&annotation->modified_at, g_free);
  g_clear_pointer (&annotation->comment, g_free);
  *annotation = (ImportAnnotation) { 0 };
}

void
_signet_xml_import_clear_attachment (Import *self)
{
  clear_version (&self->version);
  clear_annotation (&self->annotation);
  g_clear_pointer (&self->attachment_name, g_free);
  g_clear_pointer (&self->attachment_description, g_free);
  self->in_attachment = FALSE;
  self->in_annotation = FALSE;
  self->attachment_line = 0;
  self->attachment_role = SIGNET_ATTACHMENT_ROLE_OTHER;
  self->current_version = 0;
  self->attachment_kept = FALSE;
  self->attachment_id = 0;
  self->last_version = 0;
}

/* Who added a file the file does not say who added: as the store says it
 * for a file attached in the window. */
static const char *
user_display_name (void)
{
  const char *name = g_get_real_name ();

  if (name == NULL || *name == '\0' || g_str_equal (name, "Unknown"))
    name = g_get_user_name ();

  return name;
}

static gboolean
start_version (Import   *self,
               guint     line,
               gboolean  earlier)
{
  ImportVersion *version = &self->version;
  g_autofree char *size = NULL;
  g_autofree char *number = NULL;
  guint64 value;

  clear_version (version);
  version->line = line;
  version->earlier = earlier;
  version->open = TRUE;
  version->number = 1;
  version->name = _signet_xml_import_get_attribute (self, "name");
  version->type = _signet_xml_import_get_attribute (self, "type");
  version->sha256 = _signet_xml_import_get_attribute (self, "sha256");
  version->added_at = _signet_xml_import_get_attribute (self, "added-at");
  version->added_by = _signet_xml_import_get_attribute (self, "added-by");
  version->checksum = g_checksum_new (G_CHECKSUM_SHA256);
  size = _signet_xml_import_get_attribute (self, "size");
  number = _signet_xml_import_get_attribute (self, "version");

  if (!_signet_xml_import_check_time (self, version->added_at, line, "added-at"))
    return FALSE;

  if (number != NULL)
    {
      if (!g_ascii_string_to_unsigned (number, 10, 1, G_MAXINT32, &value, NULL))
        return _signet_xml_import_fail (self, SIGNET_XML_ERROR_INVALID, line,
                     _signet_xml_import_locate_attribute (self, line, "version", number), number,
                     _("“%s” is not a version number; versions are counted from 1."), number);
      version->number = value;
    }

  /* A missing attribute is the schema's to report. */
  if (size == NULL)
    return TRUE;

  if (!g_ascii_string_to_unsigned (size, 10, 0, G_MAXUINT64, &version->size, NULL))
    return _signet_xml_import_fail (self, SIGNET_XML_ERROR_INVALID, line, _signet_xml_import_locate_attribute (self, line, "size", size), size,
                 _("“%s” is not a size in bytes."), size);

  /* Refused before any data is read: nothing that large is held. */
  if (version->size > SIGNET_ATTACHMENT_MAX_SIZE)
    {
      g_autofree char *shown = g_format_size (version->size);
      g_autofree char *limit = g_format_size (SIGNET_ATTACHMENT_MAX_SIZE);

      return _signet_xml_import_fail (self, SIGNET_XML_ERROR_LIMIT, line, _signet_xml_import_locate_attribute (self, line, "size", size), size,
                   /* Translators: the first %s is a file name, the others are sizes such as 250.0 MB. */
                   _("The attachment “%s” is %s, more than the %s Signet keeps for one file."),
                   version->name ? version->name : "", shown, limit);
    }

  if (version->size == 0)
    return _signet_xml_import_fail (self, SIGNET_XML_ERROR_INVALID, line, _signet_xml_import_locate_attribute (self, line, "size", size), size,
                 _("The attachment “%s” is an empty file; Signet does not keep empty files."),
                 version->name ? version->name : "");

  return TRUE;
}

gboolean
_signet_xml_import_start_attachment (Import *self,
                                     guint   line)
{
  g_autofree char *role = NULL;

  _signet_xml_import_clear_attachment (self);
  self->in_attachment = TRUE;
  self->attachment_line = line;
  self->attachment_name = _signet_xml_import_get_attribute (self, "name");
  role = _signet_xml_import_get_attribute (self, "role");

  if (role != NULL && !signet_attachment_role_from_token (role, &self->attachment_role))
    return _signet_xml_import_fail (self, SIGNET_XML_ERROR_INVALID, line, _signet_xml_import_locate_attribute (self, line, "role", role), role,
                 _("“%s” is not a role of an attachment. Use one of: signed, draft, amendment, appendix, other."),
                 role);

  if (!start_version (self, line, FALSE))
    return FALSE;

  self->current_version = self->version.number;

  /* A file the contract had before (an import of the same register, or
   * of an export made from it) adds nothing. */
  if (self->extras_contract_id != 0 && self->pending == NULL && self->version.sha256 != NULL &&
      (g_hash_table_contains (self->stored_files, self->version.sha256) ||
       !signet_store_contract_has_file (self->store, self->extras_contract_id, self->version.sha256)))
    self->attachment_kept = TRUE;
  else
    self->report->attachments_skipped++;

  return TRUE;
}

gboolean
_signet_xml_import_start_earlier_version (Import *self,
                                          guint   line)
{
  g_autofree char *number = _signet_xml_import_get_attribute (self, "version");
  ImportVersion *version = &self->version;

  if (!start_version (self, line, TRUE))
    return FALSE;

  /* Without a number the schema has something to say. */
  if (number == NULL)
    return TRUE;

  if (version->number >= self->current_version || version->number <= self->last_version)
    return _signet_xml_import_fail (self, SIGNET_XML_ERROR_INVALID, line,
                 _signet_xml_import_locate_attribute (self, line, "version", number), number,
                 /* Translators: %s is a version number as written in the file, %u the current version's. */
                 _("Version %s of the attachment “%s” is out of order: earlier versions come in "
                   "ascending order, each below the current version, %u."),
                 number, self->attachment_name ? self->attachment_name : "", self->current_version);

  self->last_version = version->number;

  return TRUE;
}

static gboolean
fail_base64 (Import     *self,
             guint       line,
             const char *near)
{
  const char *name = self->attachment_name ? self->attachment_name : "";

  if (near == NULL && self->version.earlier)
    return _signet_xml_import_fail (self, SIGNET_XML_ERROR_INVALID, line, 0, name,
                 _("The data of version %u of the attachment “%s” is not valid base64: its length "
                   "is not a multiple of four characters."), self->version.number, name);

  if (near == NULL)
    return _signet_xml_import_fail (self, SIGNET_XML_ERROR_INVALID, line, 0, name,
                 _("The data of the attachment “%s” is not valid base64: its length is not a "
                   "multiple of four characters."), name);

  if (self->version.earlier)
    return _signet_xml_import_fail (self, SIGNET_XML_ERROR_INVALID, line, 0, near,
                 _("The data of version %u of the attachment “%s” is not valid base64 near “%s”."),
                 self->version.number, name, near);

  return _signet_xml_import_fail (self, SIGNET_XML_ERROR_INVALID, line, 0, near,
               _("The data of the attachment “%s” is not valid base64 near “%s”."), name, near);
}

gboolean
_signet_xml_import_decode_chunk (Import *self,
                                 char   *text,
                                 guint   line)
{
  ImportVersion *version = &self->version;
  gsize n_significant = 0;
  gsize n_padding = 0;
  gsize out = 0;
  gsize decoded_len = 0;

  /* g_base64_decode() skips what it does not know; the format does not. */
  for (gsize i = 0; text[i] != '\0'; i++)
    {
      char c = text[i];

      if (g_ascii_isspace (c))
        continue;

      if (c == '=')
        n_padding++;
      else if (n_padding > 0 || !(g_ascii_isalnum (c) || c == '+' || c == '/'))
        {
          g_autofree char *shown = g_utf8_make_valid (text + i, MIN (16, strlen (text + i)));

          return fail_base64 (self, line, shown);
        }

      text[out++] = c;
      n_significant++;
    }
  text[out] = '\0';

  if (n_significant % 4 != 0 || n_padding > 2)
    return fail_base64 (self, line, NULL);

  if (out == 0)
    return TRUE;

  g_base64_decode_inplace (text, &decoded_len);
  g_checksum_update (version->checksum, (const guchar *) text, decoded_len);

  /* Bytes past the declared size are counted (the size check names the
   * real length) but never kept. */
  if (self->attachment_kept && version->n_decoded + decoded_len <= version->size)
    {
      if (version->bytes == NULL)
        version->bytes = g_byte_array_sized_new (version->size);
      g_byte_array_append (version->bytes, (const guint8 *) text, decoded_len);
    }

  version->n_decoded += decoded_len;

  return TRUE;
}

static gboolean
fail_size (Import *self)
{
  ImportVersion *version = &self->version;
  const char *name = self->attachment_name ? self->attachment_name : "";
  g_autofree char *size = g_strdup_printf ("%" G_GUINT64_FORMAT, version->size);
  g_autofree char *decoded = g_strdup_printf ("%" G_GUINT64_FORMAT, version->n_decoded);
  guint column = _signet_xml_import_locate_attribute (self, version->line, "size", size);

  if (version->earlier)
    return _signet_xml_import_fail (self, SIGNET_XML_ERROR_INVALID, version->line, column, size,
                 _("Version %u of the attachment “%s” should have %s bytes but its data has %s."),
                 version->number, name, size, decoded);

  return _signet_xml_import_fail (self, SIGNET_XML_ERROR_INVALID, version->line, column, size,
               _("The attachment “%s” should have %s bytes but its data has %s."), name, size, decoded);
}

static gboolean
fail_checksum (Import *self)
{
  ImportVersion *version = &self->version;
  const char *name = self->attachment_name ? self->attachment_name : "";
  const char *actual = g_checksum_get_string (version->checksum);
  guint column = _signet_xml_import_locate_attribute (self, version->line, "sha256", version->sha256);

  if (version->earlier)
    return _signet_xml_import_fail (self, SIGNET_XML_ERROR_INVALID, version->line, column, version->sha256,
                 _("Version %u of the attachment “%s” is damaged: its SHA-256 checksum is %s, not %s "
                   "as the file says."), version->number, name, actual, version->sha256);

  return _signet_xml_import_fail (self, SIGNET_XML_ERROR_INVALID, version->line, column, version->sha256,
               _("The attachment “%s” is damaged: its SHA-256 checksum is %s, not %s as the file says."),
               name, actual, version->sha256);
}

gboolean
_signet_xml_import_finish_version (Import *self)
{
  ImportVersion *version = &self->version;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;

  if (!version->open)
    return TRUE;

  version->open = FALSE;

  /* A missing attribute is the schema's to report. */
  if (version->name == NULL || version->type == NULL || version->sha256 == NULL || version->size == 0)
    return TRUE;

  if (version->n_decoded != version->size)
    return fail_size (self);

  if (g_ascii_strcasecmp (g_checksum_get_string (version->checksum), version->sha256) != 0)
    return fail_checksum (self);

  if (!self->attachment_kept || self->pending != NULL)
    {
      g_clear_pointer (&version->bytes, g_byte_array_unref);
      return TRUE;
    }

  bytes = g_byte_array_free_to_bytes (g_steal_pointer (&version->bytes));
  version->id = signet_store_import_attachment_version (self->store, self->extras_contract_id, &self->attachment_id,
                                                        self->attachment_role, self->attachment_description,
                                                        version->number, bytes, version->name, version->type,
                                                        version->added_at,
                                                        version->added_by ? version->added_by : user_display_name (),
                                                        &error);
  if (version->id == 0)
    return _signet_xml_import_fail_in_contract (self, error, version->line,
                                                _signet_xml_import_locate_attribute (self, version->line, "name", version->name),
                                                version->name);

  g_hash_table_add (self->stored_files, g_strdup (version->sha256));
  if (!version->earlier)
    self->report->attachments_added++;

  return TRUE;
}

gboolean
_signet_xml_import_finish_attachment (Import *self)
{
  _signet_xml_import_clear_attachment (self);

  return TRUE;
}

gboolean
_signet_xml_import_start_annotation (Import *self,
                                     guint   line)
{
  ImportAnnotation *annotation = &self->annotation;
  g_autofree char *kind = _signet_xml_import_get_attribute (self, "kind");
  g_autofree char *page = _signet_xml_import_get_attribute (self, "page");
  g_autofree char *rects = _signet_xml_import_get_attribute (self, "rects");
  guint64 page_number;

  clear_annotation (annotation);
  self->in_annotation = TRUE;
  annotation->line = line;
  annotation->color = _signet_xml_import_get_attribute (self, "color");
  annotation->author = _signet_xml_import_get_attribute (self, "author");
  annotation->created_at = _signet_xml_import_get_attribute (self, "created-at");
  annotation->modified_at = _signet_xml_import_get_attribute (self, "modified-at");

  if (!_signet_xml_import_check_time (self, annotation->created_at, line, "created-at") ||
      !_signet_xml_import_check_time (self, annotation->modified_at, line, "modified-at"))
    return FALSE;

  if (kind != NULL && !signet_annotation_kind_from_token (kind, &annotation->kind))
    return _signet_xml_import_fail (self, SIGNET_XML_ERROR_INVALID, line, _signet_xml_import_locate_attribute (self, line, "kind", kind), kind,
                 _("“%s” is not a kind of annotation. Use one of: highlight, underline, strikeout, note, rectangle."),
                 kind);

  if (page != NULL)
    {
      if (!g_ascii_string_to_unsigned (page, 10, 1, G_MAXINT32, &page_number, NULL))
        return _signet_xml_import_fail (self, SIGNET_XML_ERROR_INVALID, line, _signet_xml_import_locate_attribute (self, line, "page", page), page,
                     _("“%s” is not a page number; pages are counted from 1."), page);
      annotation->page = page_number - 1;
    }

  if (rects != NULL && (annotation->rects = signet_annotation_rects_parse (rects)) == NULL)
    return _signet_xml_import_fail (self, SIGNET_XML_ERROR_INVALID, line, _signet_xml_import_locate_attribute (self, line, "rects", rects), rects,
                 _("“%s” is not a list of rectangles: write four numbers for each, x1 y1 x2 y2, "
                   "separated by spaces."), rects);

  if (annotation->color != NULL && !signet_annotation_color_is_valid (annotation->color))
    return _signet_xml_import_fail (self, SIGNET_XML_ERROR_INVALID, line,
                 _signet_xml_import_locate_attribute (self, line, "color", annotation->color), annotation->color,
                 _("“%s” is not a color; write it as #rrggbb, for example #ffd400."), annotation->color);

  return TRUE;
}

gboolean
_signet_xml_import_finish_annotation (Import *self)
{
  ImportAnnotation *annotation = &self->annotation;
  g_autoptr(GError) error = NULL;
  gboolean complete;

  self->in_annotation = FALSE;

  /* Annotations of a version that is not written are only checked; one
   * with an attribute missing is the schema's to report. */
  complete = annotation->rects != NULL && annotation->color != NULL && annotation->author != NULL &&
             annotation->created_at != NULL && annotation->modified_at != NULL;

  if (self->version.id != 0 && complete && self->pending == NULL)
    {
      if (!signet_store_import_annotation (self->store, self->version.id, annotation->kind, annotation->page,
                                           (const SignetAnnotationRect *) (gpointer) annotation->rects->data,
                                           annotation->rects->len, annotation->color, annotation->author,
                                           annotation->created_at, annotation->modified_at,
                                           annotation->comment, &error))
        return _signet_xml_import_fail_in_contract (self, error, annotation->line, 0, NULL);

      self->report->annotations_added++;
    }

  clear_annotation (annotation);

  return TRUE;
}
