/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "signet-xml"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>
#include <libxml/parserInternals.h>

#include "signet-xml-import-private.h"

/* Locations. Errors come from one place in the file; the column is found
 * by looking for the offending text on its line. */

guint
_signet_xml_import_locate_text (Import     *self,
                                guint       line,
                                const char *value,
                                const char *element)
{
  g_autofree char *after_tag = NULL;
  g_autofree char *tag = NULL;
  guint column = 0;

  if (value != NULL && *value != '\0')
    {
      after_tag = g_strconcat (">", value, NULL);
      column = _signet_xml_find_column (self->file, line, after_tag, 1);
      if (column == 0)
        column = _signet_xml_find_column (self->file, line, value, 0);
    }

  if (column == 0 && element != NULL)
    {
      tag = g_strconcat ("<", element, NULL);
      column = _signet_xml_find_column (self->file, line, tag, 0);
    }

  return column;
}

guint
_signet_xml_import_locate_attribute (Import     *self,
                                     guint       line,
                                     const char *attribute,
                                     const char *value)
{
  g_autofree char *double_quoted = g_strdup_printf ("%s=\"%s\"", attribute, value ? value : "");
  g_autofree char *single_quoted = g_strdup_printf ("%s='%s'", attribute, value ? value : "");
  gsize skip = strlen (attribute) + 2;
  guint column;

  column = _signet_xml_find_column (self->file, line, double_quoted, skip);
  if (column == 0)
    column = _signet_xml_find_column (self->file, line, single_quoted, skip);

  /* A value written with references or spaces the import removed, or one
   * too long to look for: where the attribute's value starts. */
  if (column == 0)
    {
      g_autofree char *start = g_strdup_printf (" %s=", attribute);

      column = _signet_xml_find_column (self->file, line, start, strlen (start) + 1);
    }

  return column;
}

gboolean
_signet_xml_import_fail (Import         *self,
                         SignetXmlError  code,
                         guint           line,
                         guint           column,
                         const char     *value,
                         const char     *format,
                         ...)
{
  g_autofree char *message = NULL;
  va_list args;

  if (self->io_error != NULL)
    return FALSE;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_clear_error (&self->pending);
  _signet_xml_set_error (&self->pending, code, line, column, value, "%s", message);
  self->pending_line = 0;

  return FALSE;
}

gboolean
_signet_xml_import_fail_in_register (Import       *self,
                                     const GError *error)
{
  if (self->io_error != NULL)
    return FALSE;

  g_clear_error (&self->pending);
  self->pending = g_error_copy (error);
  self->pending_line = 0;

  return FALSE;
}

/* libxml2's errors, in Signet's words where they are common, otherwise its
 * own text without the namespace in braces. */

static char *
clean_libxml_message (const char *message)
{
  g_autoptr(GString) text = g_string_new (message);

  g_string_replace (text, "{" SIGNET_XML_NAMESPACE "}", "", 0);
  while (text->len > 0 && g_ascii_isspace (text->str[text->len - 1]))
    g_string_truncate (text, text->len - 1);

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* "Element 'end-date': ..." -> "end-date" */
static char *
element_of_message (const char *message)
{
  const char *start = strstr (message, "Element '");
  const char *end;

  if (start == NULL)
    return NULL;

  start += strlen ("Element '");
  end = strchr (start, '\'');

  return end ? g_strndup (start, end - start) : NULL;
}

static gboolean
is_entity_error (int code)
{
  switch (code)
    {
    case XML_ERR_ENTITYREF_AT_EOF:
    case XML_ERR_ENTITYREF_IN_PROLOG:
    case XML_ERR_ENTITYREF_IN_EPILOG:
    case XML_ERR_ENTITYREF_IN_DTD:
    case XML_ERR_PEREF_AT_EOF:
    case XML_ERR_PEREF_IN_PROLOG:
    case XML_ERR_PEREF_IN_EPILOG:
    case XML_ERR_PEREF_IN_INT_SUBSET:
    case XML_ERR_UNDECLARED_ENTITY:
    case XML_WAR_UNDECLARED_ENTITY:
    case XML_ERR_UNPARSED_ENTITY:
    case XML_ERR_ENTITY_IS_EXTERNAL:
    case XML_ERR_ENTITY_IS_PARAMETER:
    case XML_ERR_ENTITY_NOT_STARTED:
    case XML_ERR_ENTITY_NOT_FINISHED:
    case XML_ERR_EXT_ENTITY_STANDALONE:
    case XML_ERR_ENTITY_CHAR_ERROR:
    case XML_ERR_ENTITY_PE_INTERNAL:
    case XML_ERR_ENTITY_LOOP:
    case XML_ERR_ENTITY_BOUNDARY:
    case XML_ERR_ENTITY_PROCESSING:
    case XML_IO_LOAD_ERROR:
      return TRUE;
    default:
      return FALSE;
    }
}

/* The declaration comes before the root element, within the first lines. */
static gboolean
find_doctype (Import *self,
              guint  *line,
              guint  *column)
{
  for (*line = 1; *line <= 64; (*line)++)
    {
      *column = _signet_xml_find_column (self->file, *line, "<!DOCTYPE", 0);
      if (*column > 0)
        return TRUE;
    }

  *line = 0;
  *column = 0;

  return FALSE;
}

static void
set_doctype_error (GError **error,
                   guint    line,
                   guint    column)
{
  _signet_xml_set_error (error, SIGNET_XML_ERROR_FORBIDDEN, line, column, "<!DOCTYPE",
                         _("The file has a document type declaration (<!DOCTYPE …>). Signet registers "
                           "have none, and Signet does not read them: they can load other files or "
                           "expand to an enormous size."));
}

GError *
_signet_xml_import_translate_error (Import         *self,
                                    const xmlError *e,
                                    gboolean        at_end,
                                    goffset         n_read)
{
  g_autofree char *message = clean_libxml_message (e->message ? e->message : "");
  g_autofree char *value = NULL;
  GError *error = NULL;
  guint line = e->line > 0 ? e->line : 0;
  guint column = e->int2 > 0 ? e->int2 : 0;
  guint doctype_line;
  guint doctype_column;

  if (e->domain == XML_FROM_SCHEMASV)
    {
      value = element_of_message (message);
      if (column == 0 && value != NULL)
        column = _signet_xml_import_locate_text (self, line, NULL, value);
      _signet_xml_set_error (&error, SIGNET_XML_ERROR_INVALID, line, column, value,
                             _("The file does not follow the Signet format: %s"), message);
    }
  else if (is_entity_error (e->code) && find_doctype (self, &doctype_line, &doctype_column))
    {
      /* The entities come from the declaration, which is what to point at:
       * libxml2's line may be one inside an entity's text. */
      set_doctype_error (&error, doctype_line, doctype_column);
    }
  else if (is_entity_error (e->code))
    {
      _signet_xml_set_error (&error, SIGNET_XML_ERROR_FORBIDDEN, line, column, e->str1,
                             _("The file uses entities, which Signet does not read: they can "
                               "load other files or grow to an enormous size."));
    }
  else if (e->code == XML_ERR_INTERNAL_ERROR && strstr (message, "Excessive depth") != NULL)
    {
      _signet_xml_set_error (&error, SIGNET_XML_ERROR_LIMIT, line, column, NULL,
                             _("Elements are nested more than %d levels deep; a Signet "
                               "register nests nine."), SIGNET_XML_MAX_DEPTH);
    }
  else if (e->code == XML_ERR_INTERNAL_ERROR && strstr (message, "Huge input lookup") != NULL)
    {
      /* A tag past libxml2's limit, with attributes of megabytes. */
      _signet_xml_set_error (&error, SIGNET_XML_ERROR_LIMIT, line, column, NULL,
                             _("A tag in the file is longer than %d bytes with its attributes; Signet "
                               "reads at most %d bytes in one attribute."),
                             XML_MAX_LOOKUP_LIMIT, SIGNET_XML_MAX_ATTRIBUTE_BYTES);
    }
  else if (e->code == XML_ERR_NO_MEMORY && strstr (message, "huge text node") != NULL)
    {
      _signet_xml_set_error (&error, SIGNET_XML_ERROR_LIMIT, line, column, NULL,
                             _("A text in the file is longer than %d bytes, the most Signet reads "
                               "in one field."), SIGNET_XML_MAX_TEXT_BYTES);
    }
  else if (e->code == XML_ERR_INVALID_CHAR || e->code == XML_ERR_INVALID_ENCODING ||
           e->code == XML_ERR_UNKNOWN_ENCODING || e->code == XML_ERR_UNSUPPORTED_ENCODING)
    {
      const char *bytes = strstr (message, "Bytes: ");

      value = bytes ? g_strdup (bytes + strlen ("Bytes: ")) : NULL;
      _signet_xml_set_error (&error, SIGNET_XML_ERROR_MALFORMED, line, column, value,
                             _("The file is not valid UTF-8 text: %s"), message);
    }
  else if (at_end && n_read == 0)
    {
      _signet_xml_set_error (&error, SIGNET_XML_ERROR_MALFORMED, 0, 0, NULL,
                             _("The file is empty."));
    }
  else if (e->code == XML_ERR_DOCUMENT_EMPTY || e->code == XML_ERR_DOCUMENT_START)
    {
      _signet_xml_set_error (&error, SIGNET_XML_ERROR_MALFORMED, line, column, NULL,
                             _("The file is not an XML document."));
    }
  else if (at_end)
    {
      _signet_xml_set_error (&error, SIGNET_XML_ERROR_MALFORMED, line, column, NULL,
                             _("The file ends before the register does: it is incomplete, "
                               "perhaps cut off."));
    }
  else
    {
      _signet_xml_set_error (&error, SIGNET_XML_ERROR_MALFORMED, line, column, e->str1,
                             _("The file is not well-formed XML: %s"), message);
    }

  return error;
}

gboolean
_signet_xml_import_refuse_doctype (Import *self)
{
  guint line;
  guint column;

  find_doctype (self, &line, &column);
  g_clear_error (&self->pending);
  set_doctype_error (&self->pending, line, column);
  self->pending_line = 0;

  return FALSE;
}
