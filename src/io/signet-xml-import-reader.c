/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "signet-xml"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>
#include <libxml/xmlschemas.h>

#include "signet-xml-import-private.h"

/* The reading side of an import. libxml2's reader, with the schema
 * validating as it goes, runs in a thread of its own and hands the nodes it
 * reports to the importing thread in chunks: parsing the file and writing
 * its records then take a core each, and the two never share libxml2's
 * state. Every node is handed over, in order, with the line libxml2 gives
 * it and the first error libxml2 reported while reading up to it, so the
 * importing thread sees exactly what it would see reading the file itself.
 *
 * A fixed set of chunks goes round between two queues, which bounds the
 * memory: the reader waits for an empty chunk when the importer is behind. */

#define CHUNK_NODES 2048
#define N_CHUNKS 8
/* A chunk holding this much text is handed over before it is full, and
 * one that grew past it (a long <data>) is not kept for reuse. */
#define CHUNK_TEXT_BYTES (256 * 1024)

struct _ImportChunk
{
  ImportNode  nodes[CHUNK_NODES];
  guint       n_nodes;
  GArray     *attributes;   /* ImportAttribute */

  /* Names and values, each ending in a NUL. */
  char       *text;
  gsize       text_len;
  gsize       text_size;

  /* Bytes of the file read when the chunk was handed over. */
  goffset     n_read;

  /* The last chunk of the file: how reading ended. */
  gboolean    last;
  int         status;       /* xmlTextReaderRead()'s last result */
  GError     *io_error;
  GError     *error;        /* libxml2's, reported after the last node */
  guint       error_line;
};

struct _ImportReader
{
  Import                *import;     /* only its file, for columns in messages */
  GInputStream          *stream;
  GCancellable          *cancellable;
  goffset                n_read;
  gboolean               at_end;
  GError                *io_error;
  xmlTextReaderPtr       reader;

  /* libxml2's first error, until the next node carries it. */
  GError                *error;
  guint                  error_line;
  gboolean               error_reported;

  /* An element on a line past 65535 has no line of its own in libxml2 and
   * starts where the last text node ended. */
  guint                  last_text_line;
  int                    previous_type;

  ImportChunk           *filling;
  const xmlChar         *last_ns;
  gsize                  last_ns_at;

  GAsyncQueue           *full;
  GAsyncQueue           *empty;
  gint                   stop;
  GThread               *thread;

  /* The importing thread's side. */
  ImportChunk           *reading;
  guint                  position;
  gboolean               ended;
};

/* Chunks. */

static ImportChunk *
chunk_new (void)
{
  ImportChunk *chunk = g_new0 (ImportChunk, 1);

  chunk->attributes = g_array_new (FALSE, FALSE, sizeof (ImportAttribute));
  chunk->text = g_malloc (CHUNK_TEXT_BYTES);
  chunk->text_size = CHUNK_TEXT_BYTES;

  return chunk;
}

static void
chunk_free (ImportChunk *chunk)
{
  for (guint i = 0; i < chunk->n_nodes; i++)
    g_clear_error (&chunk->nodes[i].error);
  g_array_unref (chunk->attributes);
  g_free (chunk->text);
  g_clear_error (&chunk->io_error);
  g_clear_error (&chunk->error);
  g_free (chunk);
}

/* Empties @chunk for the reader to fill again. */
static void
chunk_reset (ImportChunk *chunk)
{
  for (guint i = 0; i < chunk->n_nodes; i++)
    g_clear_error (&chunk->nodes[i].error);
  chunk->n_nodes = 0;
  g_array_set_size (chunk->attributes, 0);

  if (chunk->text_size > CHUNK_TEXT_BYTES)
    {
      chunk->text = g_realloc (chunk->text, CHUNK_TEXT_BYTES);
      chunk->text_size = CHUNK_TEXT_BYTES;
    }
  chunk->text_len = 0;
}

/* Where @text starts in the chunk's text; resolved to a pointer once the
 * chunk no longer grows (resolve_chunk()). */
static gsize
chunk_add_text (ImportChunk   *chunk,
                const xmlChar *text)
{
  gsize at = chunk->text_len;
  gsize size = strlen ((const char *) text) + 1;

  if (at + size > chunk->text_size)
    {
      chunk->text_size = MAX (2 * chunk->text_size, at + size);
      chunk->text = g_realloc (chunk->text, chunk->text_size);
    }

  memcpy (chunk->text + at, text, size);
  chunk->text_len = at + size;

  return at;
}

#define NO_TEXT G_MAXSIZE

static const char *
text_at (ImportChunk *chunk,
         gsize        at)
{
  return at == NO_TEXT ? NULL : chunk->text + at;
}

static void
resolve_chunk (ImportChunk *chunk)
{
  for (guint i = 0; i < chunk->attributes->len; i++)
    {
      ImportAttribute *attribute = &g_array_index (chunk->attributes, ImportAttribute, i);

      attribute->name = text_at (chunk, attribute->name_at);
      attribute->value = text_at (chunk, attribute->value_at);
    }

  for (guint i = 0; i < chunk->n_nodes; i++)
    {
      ImportNode *node = &chunk->nodes[i];

      node->name = text_at (chunk, node->name_at);
      node->ns = text_at (chunk, node->ns_at);
      node->value = text_at (chunk, node->value_at);
      node->attributes = node->n_attributes > 0
        ? &g_array_index (chunk->attributes, ImportAttribute, node->first_attribute)
        : NULL;
    }
}

/* The reading thread. */

static int
read_cb (void *context,
         char *buffer,
         int   len)
{
  ImportReader *self = context;
  gssize n_read;

  if (self->io_error != NULL)
    return -1;

  n_read = g_input_stream_read (self->stream, buffer, len, self->cancellable, &self->io_error);
  if (n_read < 0)
    return -1;

  if (n_read == 0)
    self->at_end = TRUE;

  self->n_read += n_read;

  return n_read;
}

static int
close_cb (void *context)
{
  return 0;
}

static void
error_cb (void        *user_data,
          xmlErrorPtr  e)
{
  ImportReader *self = user_data;

  if (e->level < XML_ERR_ERROR || self->error_reported)
    return;

  self->error_reported = TRUE;
  self->error = _signet_xml_import_translate_error (self->import, e, self->at_end, self->n_read);
  self->error_line = e->line > 0 ? (guint) e->line : G_MAXUINT;
}

/* A few notes of libxml2's bypass the structured handler (the schema
 * validator's "Unimplemented block" on entity references); the error that
 * goes with them reaches error_cb(). */
static void
generic_error_cb (void       *user_data,
                  const char *format,
                  ...)
{
}

static guint
current_line (ImportReader *self)
{
  xmlNodePtr node = xmlTextReaderCurrentNode (self->reader);

  /* Only these node types have a line; a DTD node has another layout. */
  if (node == NULL ||
      (node->type != XML_ELEMENT_NODE && node->type != XML_TEXT_NODE &&
       node->type != XML_CDATA_SECTION_NODE && node->type != XML_COMMENT_NODE &&
       node->type != XML_PI_NODE))
    return 0;

  /* libxml2 keeps no line for a CDATA section; xmlGetLineNo() gives that
   * of the text or element before it. */
  if (node->type == XML_CDATA_SECTION_NODE)
    {
      long line = xmlGetLineNo (node);

      return line > 0 && line < G_MAXUINT16 ? (guint) line : self->last_text_line;
    }

  if (node->line < G_MAXUINT16)
    return node->line;

  if (node->type == XML_TEXT_NODE && node->psvi != NULL)
    return (guint) GPOINTER_TO_SIZE (node->psvi);

  return self->last_text_line;
}

static void
capture_attributes (ImportReader *self,
                    ImportNode   *node)
{
  ImportChunk *chunk = self->filling;

  node->first_attribute = chunk->attributes->len;

  while (xmlTextReaderMoveToNextAttribute (self->reader) == 1)
    {
      ImportAttribute attribute = { 0 };

      attribute.name_at = chunk_add_text (chunk, xmlTextReaderConstName (self->reader));
      attribute.value_at = chunk_add_text (chunk, xmlTextReaderConstValue (self->reader));
      g_array_append_val (chunk->attributes, attribute);
      node->n_attributes++;
    }

  xmlTextReaderMoveToElement (self->reader);
}

static void
capture_node (ImportReader *self)
{
  ImportChunk *chunk = self->filling;
  int type = xmlTextReaderNodeType (self->reader);
  guint line = current_line (self);
  ImportNode *node;
  const xmlChar *ns;

  /* White space between one element's end and the next tag is never a
   * field's text: only its line matters, for the elements after it. */
  if ((type == XML_READER_TYPE_WHITESPACE || type == XML_READER_TYPE_SIGNIFICANT_WHITESPACE) &&
      self->previous_type == XML_READER_TYPE_END_ELEMENT && self->error == NULL)
    {
      self->last_text_line = line;
      return;
    }
  self->previous_type = type;

  node = &chunk->nodes[chunk->n_nodes++];
  node->type = type;
  node->depth = 0;
  node->line = line;
  node->empty = FALSE;
  node->name_at = NO_TEXT;
  node->ns_at = NO_TEXT;
  node->value_at = NO_TEXT;
  node->first_attribute = 0;
  node->n_attributes = 0;
  node->error = g_steal_pointer (&self->error);
  node->error_line = self->error_line;

  switch (type)
    {
    case XML_READER_TYPE_ELEMENT:
      node->depth = xmlTextReaderDepth (self->reader);
      node->empty = xmlTextReaderIsEmptyElement (self->reader);
      node->name_at = chunk_add_text (chunk, xmlTextReaderConstLocalName (self->reader));

      /* Every element has the same namespace, interned by libxml2. */
      ns = xmlTextReaderConstNamespaceUri (self->reader);
      if (ns != NULL && ns == self->last_ns)
        node->ns_at = self->last_ns_at;
      else if (ns != NULL)
        {
          node->ns_at = chunk_add_text (chunk, ns);
          self->last_ns = ns;
          self->last_ns_at = node->ns_at;
        }

      if (xmlTextReaderHasAttributes (self->reader) == 1)
        capture_attributes (self, node);
      break;

    case XML_READER_TYPE_END_ELEMENT:
      node->depth = xmlTextReaderDepth (self->reader);
      node->name_at = chunk_add_text (chunk, xmlTextReaderConstLocalName (self->reader));
      break;

    case XML_READER_TYPE_TEXT:
    case XML_READER_TYPE_CDATA:
    case XML_READER_TYPE_WHITESPACE:
    case XML_READER_TYPE_SIGNIFICANT_WHITESPACE:
      self->last_text_line = line;
      node->value_at = chunk_add_text (chunk, xmlTextReaderConstValue (self->reader));
      break;

    default:
      break;
    }
}

static void
hand_over (ImportReader *self)
{
  ImportChunk *chunk = g_steal_pointer (&self->filling);

  chunk->n_read = self->n_read;
  resolve_chunk (chunk);
  g_async_queue_push (self->full, chunk);
}

static void
take_empty_chunk (ImportReader *self)
{
  self->filling = g_async_queue_pop (self->empty);
  self->last_ns = NULL;
}

static gpointer
read_thread (gpointer data)
{
  ImportReader *self = data;
  xmlSchemaValidCtxtPtr validator;
  int status = -1;

  /* libxml2's error handlers are per thread. Errors raised before the
   * reader has its own handler (while it reads the first bytes) go to
   * this one instead of standard error. */
  xmlSetStructuredErrorFunc (self, error_cb);
  xmlSetGenericErrorFunc (NULL, generic_error_cb);

  take_empty_chunk (self);
  validator = xmlSchemaNewValidCtxt (_signet_xml_import_get_schema ());

  /* Never XML_PARSE_NOENT, DTDLOAD, DTDVALID or HUGE (DESIGN.md §4); the
   * entity loader refuses everything besides. Nor XML_PARSE_NOCDATA: with
   * the schema validating, libxml2 2.9.14 then drops the text of every
   * CDATA section; as nodes of their own, add_text() joins them to the
   * text around them. */
  self->reader = xmlReaderForIO (read_cb, close_cb, self, NULL, NULL,
                                 XML_PARSE_NONET | XML_PARSE_BIG_LINES);
  if (self->reader != NULL)
    {
      xmlTextReaderSetStructuredErrorHandler (self->reader, error_cb, self);
      if (xmlTextReaderSchemaValidateCtxt (self->reader, validator, 0) != 0)
        g_error ("The XML schema could not be attached to the reader");

      while (!g_atomic_int_get (&self->stop) && (status = xmlTextReaderRead (self->reader)) == 1)
        {
          capture_node (self);

          if (self->filling->n_nodes == CHUNK_NODES || self->filling->text_len >= CHUNK_TEXT_BYTES)
            {
              hand_over (self);
              take_empty_chunk (self);
            }
        }

      xmlFreeTextReader (self->reader);
      self->reader = NULL;
    }
  else
    {
      g_clear_error (&self->error);
      _signet_xml_set_error (&self->error, SIGNET_XML_ERROR_MALFORMED, 0, 0, NULL,
                             _("The file is not an XML document."));
      self->error_line = 0;
    }

  xmlSchemaFreeValidCtxt (validator);
  xmlSetStructuredErrorFunc (NULL, NULL);
  xmlSetGenericErrorFunc (NULL, NULL);

  self->filling->last = TRUE;
  self->filling->status = status;
  self->filling->io_error = g_steal_pointer (&self->io_error);
  self->filling->error = g_steal_pointer (&self->error);
  self->filling->error_line = self->error_line;
  hand_over (self);

  return NULL;
}

/* The importing thread's side. */

ImportReader *
_signet_xml_import_reader_start (Import       *import,
                                 GInputStream *stream,
                                 GCancellable *cancellable)
{
  ImportReader *self = g_new0 (ImportReader, 1);

  self->import = import;
  self->stream = g_object_ref (stream);
  self->cancellable = cancellable ? g_object_ref (cancellable) : NULL;
  self->full = g_async_queue_new ();
  self->empty = g_async_queue_new ();
  for (guint i = 0; i < N_CHUNKS; i++)
    g_async_queue_push (self->empty, chunk_new ());

  self->thread = g_thread_new ("signet-xml-reader", read_thread, self);

  return self;
}

/* The next node, or NULL once the file ended (see
 * _signet_xml_import_reader_get_end()); @n_read is set to how much of the
 * file was read when it was, as each new chunk comes. */
const ImportNode *
_signet_xml_import_reader_next (ImportReader  *self,
                                goffset       *n_read)
{
  if (self->ended)
    return NULL;

  while (self->reading == NULL || self->position >= self->reading->n_nodes)
    {
      if (self->reading != NULL && self->reading->last)
        {
          self->ended = TRUE;
          return NULL;
        }

      if (self->reading != NULL)
        {
          chunk_reset (self->reading);
          g_async_queue_push (self->empty, self->reading);
        }

      self->reading = g_async_queue_pop (self->full);
      self->position = 0;
      *n_read = self->reading->n_read;
    }

  return &self->reading->nodes[self->position++];
}

/* Stops the reading thread wherever it is: gives it room to finish the
 * chunk it fills, and waits for that last one. */
static void
stop_reading (ImportReader *self)
{
  g_atomic_int_set (&self->stop, 1);

  while (self->reading == NULL || !self->reading->last)
    {
      if (self->reading != NULL)
        {
          chunk_reset (self->reading);
          g_async_queue_push (self->empty, self->reading);
        }
      self->reading = g_async_queue_pop (self->full);
    }

  self->ended = TRUE;
}

/* How reading ended: xmlTextReaderRead()'s last result, and the errors
 * that came after the last node, which the caller takes. A reader the
 * caller left before the end is stopped first. */
int
_signet_xml_import_reader_get_end (ImportReader  *self,
                                   GError       **io_error,
                                   GError       **error,
                                   guint         *error_line)
{
  if (!self->ended)
    stop_reading (self);

  *io_error = g_steal_pointer (&self->reading->io_error);
  *error = g_steal_pointer (&self->reading->error);
  *error_line = self->reading->error_line;

  return self->reading->status;
}

void
_signet_xml_import_reader_free (ImportReader *self)
{
  ImportChunk *chunk;

  if (!self->ended)
    stop_reading (self);

  g_thread_join (self->thread);

  chunk_free (self->reading);
  while ((chunk = g_async_queue_try_pop (self->empty)) != NULL)
    chunk_free (chunk);
  g_async_queue_unref (self->full);
  g_async_queue_unref (self->empty);
  g_object_unref (self->stream);
  g_clear_object (&self->cancellable);
  g_free (self);
}
