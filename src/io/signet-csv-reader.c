/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "signet-csv"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "signet-csv-private.h"

#define CHUNK_SIZE (64 * 1024)

struct _SignetCsvReader
{
  GFileInputStream  *file_stream;
  GDataInputStream  *lines;
  GCancellable      *cancellable;
  SignetCsvEncoding  encoding;
  char               separator;
  goffset            size;
  guint              row;
  char             **headers;
  GPtrArray         *cells;
  GString           *cell;
};

static const char * const encoding_tokens[] = {
  [SIGNET_CSV_ENCODING_AUTO] = "auto",
  [SIGNET_CSV_ENCODING_UTF8] = "utf-8",
  [SIGNET_CSV_ENCODING_UTF8_BOM] = "utf-8-bom",
  [SIGNET_CSV_ENCODING_GB18030] = "gb18030",
};

static const guchar utf8_bom[] = { 0xEF, 0xBB, 0xBF };

/* The characters of @file above ASCII that are UTF-8 and the bytes that
 * are not, read in chunks: a character cut by the end of a chunk is
 * carried into the next. */
static gboolean
count_utf8 (GFile         *file,
            gboolean      *has_bom,
            guint64       *multibyte,
            guint64       *invalid,
            GCancellable  *cancellable,
            GError       **error)
{
  g_autoptr(GFileInputStream) stream = NULL;
  g_autofree guchar *buffer = g_malloc (CHUNK_SIZE + 4);
  gsize carried = 0;
  gboolean first = TRUE;

  *has_bom = FALSE;
  *multibyte = *invalid = 0;
  stream = g_file_read (file, cancellable, error);
  if (stream == NULL)
    return FALSE;

  for (;;)
    {
      gssize n = g_input_stream_read (G_INPUT_STREAM (stream), buffer + carried, CHUNK_SIZE,
                                      cancellable, error);
      const guchar *p = buffer;
      const guchar *end;

      if (n < 0)
        return FALSE;

      end = buffer + carried + n;
      if (first && end - buffer >= (gssize) sizeof utf8_bom && memcmp (buffer, utf8_bom, sizeof utf8_bom) == 0)
        *has_bom = TRUE;
      first = FALSE;

      while (p < end)
        {
          gunichar c;

          if (*p < 0x80)
            {
              p++;
              continue;
            }

          c = g_utf8_get_char_validated ((const char *) p, end - p);
          /* Cut short by the end of the chunk: finished by the next one. */
          if (c == (gunichar) -2 && n > 0)
            break;
          if (c == (gunichar) -1 || c == (gunichar) -2)
            {
              (*invalid)++;
              p++;
              continue;
            }
          (*multibyte)++;
          p = (const guchar *) g_utf8_next_char (p);
        }

      carried = end - p;
      memmove (buffer, p, carried);

      if (n == 0)
        return TRUE;
    }
}

/* UTF-8 when the file is, or nearly: a few stray bytes in a file of
 * Chinese UTF-8 are a damaged cell, which reading it as UTF-8 reports
 * with its row and column, where GB18030 would read the whole file as
 * other characters without a word. GBK text is almost never UTF-8: each
 * of its Chinese characters is an invalid byte or two. */
static gboolean
file_is_utf8 (GFile         *file,
              gboolean      *has_bom,
              GCancellable  *cancellable,
              GError       **error)
{
  guint64 multibyte, invalid;

  if (!count_utf8 (file, has_bom, &multibyte, &invalid, cancellable, error))
    return FALSE;

  return invalid == 0 || *has_bom || multibyte >= 10 * invalid;
}

static void
set_read_error (GError   **error,
                GError    *cause)
{
  if (cause->domain == G_IO_ERROR && cause->code == G_IO_ERROR_INVALID_DATA)
    _signet_csv_set_error (error, SIGNET_CSV_ERROR_MALFORMED, 0, 0, NULL,
                           _("The file is not GBK text: some of its bytes are no characters in GBK "
                             "(GB18030). Choose the encoding it was saved in."));
  else if (cause->domain == G_IO_ERROR && cause->code == G_IO_ERROR_CANCELLED)
    g_propagate_error (error, g_error_copy (cause));
  else
    _signet_csv_set_error (error, SIGNET_CSV_ERROR_FAILED, 0, 0, NULL, "%s", cause->message);
}

/* One line of the file without its line break; NULL at the end. */
static char *
read_line (SignetCsvReader  *self,
           GError          **error)
{
  g_autoptr(GError) local_error = NULL;
  gsize length = 0;
  char *line;

  line = g_data_input_stream_read_line (self->lines, &length, self->cancellable, &local_error);
  if (local_error != NULL)
    {
      set_read_error (error, local_error);
      return NULL;
    }

  if (line != NULL && length > 0 && line[length - 1] == '\r')
    line[length - 1] = '\0';

  return line;
}

/* The separator of a file is the one its first line that holds any
 * holds most of, outside quotes (a title row above the headers may hold
 * none); a comma when no line of @text does. */
static char
find_separator (const char *text,
                gsize       length)
{
  const char *end = text + length;

  for (const char *line = text; line < end;)
    {
      guint commas = 0, semicolons = 0, tabs = 0;
      gboolean quoted = FALSE;
      const char *p;

      for (p = line; p < end && (quoted || *p != '\n'); p++)
        {
          if (*p == '"')
            quoted = !quoted;
          else if (!quoted && *p == ',')
            commas++;
          else if (!quoted && *p == ';')
            semicolons++;
          else if (!quoted && *p == '\t')
            tabs++;
        }

      if (tabs > commas && tabs > semicolons)
        return '\t';
      if (semicolons > commas)
        return ';';
      if (commas > 0)
        return ',';

      line = p + 1;
    }

  return ',';
}

/* How many cells of @cells hold something. */
static guint
count_filled (char **cells)
{
  guint filled = 0;

  for (guint i = 0; cells[i] != NULL; i++)
    {
      const char *p = cells[i];

      while (g_ascii_isspace (*p))
        p++;
      if (*p != '\0')
        filled++;
    }

  return filled;
}

static void
end_cell (SignetCsvReader *self)
{
  g_ptr_array_add (self->cells, g_strndup (self->cell->str, self->cell->len));
  g_string_truncate (self->cell, 0);
}

/* The cells of the next record: a quoted cell may hold the separator,
 * doubled quotes and line breaks, and so go on over several lines. */
static char **
read_record (SignetCsvReader  *self,
             GError          **error)
{
  g_autofree char *line = NULL;
  gboolean quoted = FALSE;
  gboolean at_start = TRUE;
  guint first_row = self->row + 1;

  line = read_line (self, error);
  if (line == NULL)
    return NULL;
  self->row++;

  g_ptr_array_set_size (self->cells, 0);
  g_string_truncate (self->cell, 0);

  for (;;)
    {
      for (const char *p = line; *p != '\0'; p++)
        {
          if (quoted)
            {
              if (*p == '"' && p[1] == '"')
                {
                  g_string_append_c (self->cell, '"');
                  p++;
                }
              else if (*p == '"')
                quoted = FALSE;
              else
                g_string_append_c (self->cell, *p);
            }
          else if (*p == self->separator)
            {
              end_cell (self);
              at_start = TRUE;
              continue;
            }
          else if (*p == '"' && at_start)
            quoted = TRUE;
          else
            g_string_append_c (self->cell, *p);

          at_start = FALSE;
        }

      if (!quoted)
        break;

      /* A line break inside quotes belongs to the cell. */
      g_free (line);
      line = read_line (self, error);
      if (line == NULL)
        {
          if (error == NULL || *error == NULL)
            _signet_csv_set_error (error, SIGNET_CSV_ERROR_MALFORMED, first_row, self->cells->len + 1, NULL,
                                   _("A quote opened in this cell is never closed: the rest of the "
                                     "file would be one cell."));
          return NULL;
        }
      g_string_append_c (self->cell, '\n');
    }

  end_cell (self);
  g_ptr_array_add (self->cells, NULL);

  return (char **) self->cells->pdata;
}

static gboolean
check_utf8 (SignetCsvReader  *self,
            char            **cells,
            GError          **error)
{
  for (guint i = 0; cells[i] != NULL; i++)
    if (!g_utf8_validate (cells[i], -1, NULL))
      {
        _signet_csv_set_error (error, SIGNET_CSV_ERROR_MALFORMED, self->row, i + 1, NULL,
                               _("This cell is not UTF-8 text. Choose the encoding the file was saved "
                                 "in, such as GBK."));
        return FALSE;
      }

  return TRUE;
}

SignetCsvReader *
_signet_csv_reader_open (GFile              *file,
                         SignetCsvEncoding   encoding,
                         GCancellable       *cancellable,
                         GError            **error)
{
  g_autoptr(SignetCsvReader) self = g_new0 (SignetCsvReader, 1);
  g_autoptr(GInputStream) text = NULL;
  g_autoptr(GFileInfo) info = NULL;
  gboolean has_bom = FALSE;
  char **cells;

  if (encoding == SIGNET_CSV_ENCODING_AUTO)
    {
      g_autoptr(GError) local_error = NULL;

      if (file_is_utf8 (file, &has_bom, cancellable, &local_error))
        encoding = has_bom ? SIGNET_CSV_ENCODING_UTF8_BOM : SIGNET_CSV_ENCODING_UTF8;
      else if (local_error != NULL)
        {
          set_read_error (error, local_error);
          return NULL;
        }
      else
        encoding = SIGNET_CSV_ENCODING_GB18030;
    }

  self->encoding = encoding;
  self->cancellable = cancellable ? g_object_ref (cancellable) : NULL;
  self->cells = g_ptr_array_new_with_free_func (g_free);
  self->cell = g_string_sized_new (64);

  {
    g_autoptr(GError) local_error = NULL;

    self->file_stream = g_file_read (file, cancellable, &local_error);
    if (self->file_stream == NULL)
      {
        set_read_error (error, local_error);
        return NULL;
      }
  }

  info = g_file_input_stream_query_info (self->file_stream, G_FILE_ATTRIBUTE_STANDARD_SIZE, cancellable, NULL);
  self->size = info ? g_file_info_get_size (info) : 0;

  if (encoding == SIGNET_CSV_ENCODING_GB18030)
    {
      g_autoptr(GCharsetConverter) converter = g_charset_converter_new ("UTF-8", "GB18030", error);

      if (converter == NULL)
        return NULL;
      text = g_converter_input_stream_new (G_INPUT_STREAM (self->file_stream), G_CONVERTER (converter));
    }
  else
    text = g_object_ref (G_INPUT_STREAM (self->file_stream));

  self->lines = g_data_input_stream_new (text);
  g_buffered_input_stream_set_buffer_size (G_BUFFERED_INPUT_STREAM (self->lines), CHUNK_SIZE);
  g_data_input_stream_set_newline_type (self->lines, G_DATA_STREAM_NEWLINE_TYPE_LF);

  /* The header row finds the separator before its cells are split. */
  {
    g_autoptr(GError) local_error = NULL;
    gsize length = 0;
    const char *peeked;

    if (g_buffered_input_stream_fill (G_BUFFERED_INPUT_STREAM (self->lines), -1, cancellable, &local_error) < 0)
      {
        set_read_error (error, local_error);
        return NULL;
      }
    peeked = g_buffered_input_stream_peek_buffer (G_BUFFERED_INPUT_STREAM (self->lines), &length);
    if (encoding != SIGNET_CSV_ENCODING_GB18030 && length >= sizeof utf8_bom &&
        memcmp (peeked, utf8_bom, sizeof utf8_bom) == 0)
      {
        g_input_stream_skip (G_INPUT_STREAM (self->lines), sizeof utf8_bom, NULL, NULL);
        peeked = g_buffered_input_stream_peek_buffer (G_BUFFERED_INPUT_STREAM (self->lines), &length);
      }

    self->separator = find_separator (peeked, length);
  }

  /* Registers kept in Chinese spreadsheets often have a title above the
   * headers ("2026年合同台账", merged across the columns): rows with less
   * than two cells filled come before the header row, which has at least
   * the number, the title and the client. */
  do
    cells = read_record (self, error);
  while (cells != NULL && count_filled (cells) < 2);

  if (cells == NULL)
    {
      if (error == NULL || *error == NULL)
        _signet_csv_set_error (error, SIGNET_CSV_ERROR_MALFORMED, 0, 0, NULL,
                               _("The file is empty: a spreadsheet to import starts with a row of "
                                 "headers, then one row per contract."));
      return NULL;
    }

  if (encoding != SIGNET_CSV_ENCODING_GB18030 && !check_utf8 (self, cells, error))
    return NULL;

  self->headers = g_new0 (char *, self->cells->len);
  for (guint i = 0; cells[i] != NULL; i++)
    self->headers[i] = g_strstrip (g_strdup (cells[i]));

  return g_steal_pointer (&self);
}

void
_signet_csv_reader_free (SignetCsvReader *self)
{
  if (self == NULL)
    return;

  g_clear_object (&self->lines);
  g_clear_object (&self->file_stream);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->headers, g_strfreev);
  g_clear_pointer (&self->cells, g_ptr_array_unref);
  if (self->cell != NULL)
    g_string_free (self->cell, TRUE);
  g_free (self);
}

SignetCsvEncoding
_signet_csv_reader_get_encoding (SignetCsvReader *self)
{
  return self->encoding;
}

char
_signet_csv_reader_get_separator (SignetCsvReader *self)
{
  return self->separator;
}

const char * const *
_signet_csv_reader_get_headers (SignetCsvReader *self)
{
  return (const char * const *) self->headers;
}

char **
_signet_csv_reader_next (SignetCsvReader  *self,
                         guint            *row,
                         GError          **error)
{
  for (;;)
    {
      char **cells = read_record (self, error);

      if (cells == NULL)
        return NULL;

      if (self->encoding != SIGNET_CSV_ENCODING_GB18030 && !check_utf8 (self, cells, error))
        return NULL;

      /* A row with nothing in it, such as the empty line spreadsheets
       * leave at the end, is no contract. */
      if (count_filled (cells) > 0)
        {
          *row = self->row;
          return cells;
        }
    }
}

double
_signet_csv_reader_get_fraction (SignetCsvReader *self)
{
  if (self->size <= 0)
    return 0.0;

  return MIN (1.0, (double) g_seekable_tell (G_SEEKABLE (self->file_stream)) / (double) self->size);
}

const char *
signet_csv_encoding_to_token (SignetCsvEncoding encoding)
{
  g_return_val_if_fail (encoding < G_N_ELEMENTS (encoding_tokens), NULL);

  return encoding_tokens[encoding];
}

gboolean
signet_csv_encoding_from_token (const char        *token,
                                SignetCsvEncoding *encoding)
{
  g_return_val_if_fail (encoding != NULL, FALSE);

  for (guint i = 0; token != NULL && i < G_N_ELEMENTS (encoding_tokens); i++)
    if (g_ascii_strcasecmp (token, encoding_tokens[i]) == 0)
      {
        *encoding = i;
        return TRUE;
      }

  /* What users call it. */
  if (token != NULL && (g_ascii_strcasecmp (token, "gbk") == 0 || g_ascii_strcasecmp (token, "gb2312") == 0))
    {
      *encoding = SIGNET_CSV_ENCODING_GB18030;
      return TRUE;
    }

  return FALSE;
}

const char *
signet_csv_encoding_to_label (SignetCsvEncoding encoding)
{
  switch (encoding)
    {
    case SIGNET_CSV_ENCODING_AUTO:
      return C_("encoding", "Found from the File");
    case SIGNET_CSV_ENCODING_UTF8:
      return C_("encoding", "UTF-8");
    case SIGNET_CSV_ENCODING_UTF8_BOM:
      return C_("encoding", "UTF-8 with Byte Order Mark");
    case SIGNET_CSV_ENCODING_GB18030:
      return C_("encoding", "GBK (GB18030)");
    default:
      g_return_val_if_reached (NULL);
    }
}

SignetCsvPreview *
signet_csv_preview (GFile             *file,
                    SignetCsvEncoding  encoding,
                    guint              max_rows,
                    GCancellable      *cancellable,
                    GError           **error)
{
  g_autoptr(SignetCsvReader) reader = NULL;
  g_autoptr(SignetCsvPreview) preview = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  reader = _signet_csv_reader_open (file, encoding, cancellable, error);
  if (reader == NULL)
    return NULL;

  preview = g_new0 (SignetCsvPreview, 1);
  preview->encoding = reader->encoding;
  preview->separator = reader->separator;
  preview->headers = g_strdupv (reader->headers);
  preview->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);

  while (preview->rows->len < max_rows)
    {
      guint row;
      char **cells = _signet_csv_reader_next (reader, &row, &local_error);

      if (cells == NULL)
        break;
      g_ptr_array_add (preview->rows, g_strdupv (cells));
    }

  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  return g_steal_pointer (&preview);
}

void
signet_csv_preview_free (SignetCsvPreview *preview)
{
  if (preview == NULL)
    return;

  g_strfreev (preview->headers);
  g_clear_pointer (&preview->rows, g_ptr_array_unref);
  g_free (preview);
}
