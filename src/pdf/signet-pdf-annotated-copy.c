/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "signet-pdf-annotated-copy"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "signet-pdf-annotated-copy.h"
#include "signet-pdf-document-private.h"

#define DEFAULT_COLOR "#ffff00"
/* A complete PDF ends with its end-of-file marker, give or take a line
 * break; poppler writes the update's marker last. */
#define EOF_MARKER "%%EOF"
#define TAIL_SIZE 32

typedef struct
{
  GBytes    *original;
  char      *password;
  GPtrArray *annotations;
  GFile     *destination;
} WriteRequest;

static void
write_request_free (WriteRequest *request)
{
  g_bytes_unref (request->original);
  if (request->password != NULL)
    {
      memset (request->password, 0, strlen (request->password));
      g_free (request->password);
    }
  g_ptr_array_unref (request->annotations);
  g_object_unref (request->destination);
  g_free (request);
}

static gboolean
parse_color (const char   *text,
             PopplerColor *color)
{
  guint16 channels[3];

  if (text == NULL || strlen (text) != 7 || text[0] != '#')
    return FALSE;

  for (guint i = 0; i < 3; i++)
    {
      int high = g_ascii_xdigit_value (text[1 + 2 * i]);
      int low = g_ascii_xdigit_value (text[2 + 2 * i]);

      if (high < 0 || low < 0)
        return FALSE;

      /* 0..255 onto poppler's 0..65535. */
      channels[i] = (guint16) ((high * 16 + low) * 257);
    }

  color->red = channels[0];
  color->green = channels[1];
  color->blue = channels[2];

  return TRUE;
}

/* Poppler-glib takes positions in the page's own orientation (its /Rotate
 * applied) with the origin at the bottom left of the crop box, and turns
 * them into the file's unrotated space itself when the annotation is added
 * to its page. */
static PopplerRectangle
to_poppler_rect (const SignetPdfRect *rect,
                 double               page_height)
{
  PopplerRectangle out;

  out.x1 = rect->x;
  out.x2 = rect->x + rect->width;
  out.y1 = page_height - (rect->y + rect->height);
  out.y2 = page_height - rect->y;

  return out;
}

/* One quadrilateral per rectangle, its corners in the page's orientation;
 * orient_quadrilaterals puts them in order once poppler has unrotated them. */
static GArray *
create_quadrilaterals (const SignetPdfExportAnnot *annot,
                       double                      page_height,
                       PopplerRectangle           *bounds)
{
  GArray *quads = g_array_sized_new (FALSE, FALSE, sizeof (PopplerQuadrilateral), annot->n_rects);

  for (guint i = 0; i < annot->n_rects; i++)
    {
      PopplerRectangle r = to_poppler_rect (&annot->rects[i], page_height);
      PopplerQuadrilateral quad;

      quad.p1.x = r.x1;
      quad.p1.y = r.y2;
      quad.p2.x = r.x2;
      quad.p2.y = r.y2;
      quad.p3.x = r.x1;
      quad.p3.y = r.y1;
      quad.p4.x = r.x2;
      quad.p4.y = r.y1;
      g_array_append_val (quads, quad);

      if (i == 0)
        {
          *bounds = r;
        }
      else
        {
          bounds->x1 = MIN (bounds->x1, r.x1);
          bounds->y1 = MIN (bounds->y1, r.y1);
          bounds->x2 = MAX (bounds->x2, r.x2);
          bounds->y2 = MAX (bounds->y2, r.y2);
        }
    }

  return quads;
}

/* Viewers draw an underline from the third corner to the fourth, and a
 * strike-out between the midpoints of the first and third and of the second
 * and fourth: corners go upper left, upper right, lower left, lower right
 * along the text (the order Acrobat writes, although the specification
 * says counter-clockwise). The text of a rotated page runs along the
 * file's unrotated axes, so the order has to hold there. Poppler-glib does
 * not say how a page is rotated, but it unrotates corner by corner, so
 * sorting the corners it stored tells which given corner is which. */
static void
orient_quadrilaterals (PopplerAnnotTextMarkup *markup,
                       GArray                 *quads)
{
  g_autoptr(GArray) stored = poppler_annot_text_markup_get_quadrilaterals (markup);
  gboolean changed = FALSE;

  g_assert (stored->len == quads->len);

  for (guint i = 0; i < quads->len; i++)
    {
      PopplerQuadrilateral *quad = &g_array_index (quads, PopplerQuadrilateral, i);
      const PopplerQuadrilateral *unrotated = &g_array_index (stored, PopplerQuadrilateral, i);
      const PopplerPoint given[4] = { quad->p1, quad->p2, quad->p3, quad->p4 };
      const PopplerPoint placed[4] = { unrotated->p1, unrotated->p2, unrotated->p3, unrotated->p4 };
      double centre_x = (placed[0].x + placed[1].x + placed[2].x + placed[3].x) / 4;
      double centre_y = (placed[0].y + placed[1].y + placed[2].y + placed[3].y) / 4;
      PopplerPoint sorted[4];
      guint filled = 0;

      for (guint j = 0; j < 4; j++)
        {
          /* 0 upper left, 1 upper right, 2 lower left, 3 lower right;
           * PDF's y grows upwards. */
          guint corner = (placed[j].y > centre_y ? 0 : 2) + (placed[j].x < centre_x ? 0 : 1);

          sorted[corner] = given[j];
          filled |= 1u << corner;
        }

      /* A rectangle without width or height has no corners to tell apart. */
      if (filled != 0xf)
        continue;

      quad->p1 = sorted[0];
      quad->p2 = sorted[1];
      quad->p3 = sorted[2];
      quad->p4 = sorted[3];
      changed = TRUE;
    }

  if (changed)
    poppler_annot_text_markup_set_quadrilaterals (markup, quads);
}

/* Sets @quads for the kinds that have them. */
static PopplerAnnot *
create_annot (PopplerDocument            *document,
              const SignetPdfExportAnnot *annot,
              double                      page_height,
              GArray                    **quads)
{
  PopplerRectangle rect;

  switch (annot->kind)
    {
    case SIGNET_PDF_EXPORT_ANNOT_HIGHLIGHT:
      *quads = create_quadrilaterals (annot, page_height, &rect);
      return poppler_annot_text_markup_new_highlight (document, &rect, *quads);

    case SIGNET_PDF_EXPORT_ANNOT_UNDERLINE:
      *quads = create_quadrilaterals (annot, page_height, &rect);
      return poppler_annot_text_markup_new_underline (document, &rect, *quads);

    case SIGNET_PDF_EXPORT_ANNOT_STRIKE_OUT:
      *quads = create_quadrilaterals (annot, page_height, &rect);
      return poppler_annot_text_markup_new_strikeout (document, &rect, *quads);

    case SIGNET_PDF_EXPORT_ANNOT_NOTE:
      rect = to_poppler_rect (&annot->rects[0], page_height);
      return poppler_annot_text_new (document, &rect);

    case SIGNET_PDF_EXPORT_ANNOT_RECTANGLE:
      rect = to_poppler_rect (&annot->rects[0], page_height);
      return poppler_annot_square_new (document, &rect);

    default:
      g_assert_not_reached ();
    }
}

static gboolean
add_annotation (PopplerDocument            *document,
                const SignetPdfExportAnnot *annot,
                GError                    **error)
{
  g_autoptr(GArray) quads = NULL;
  PopplerPage *page;
  PopplerAnnot *poppler_annot;
  int n_pages = poppler_document_get_n_pages (document);
  PopplerAnnotFlag flags;
  PopplerColor color;
  double page_height;

  if (annot->page >= (guint) n_pages)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   g_dngettext (GETTEXT_PACKAGE,
                                "An annotation is on page %u, but the document has only %u page.",
                                "An annotation is on page %u, but the document has only %u pages.",
                                (gulong) n_pages),
                   annot->page + 1, (guint) n_pages);
      return FALSE;
    }

  if (annot->n_rects == 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("An annotation on page %u covers no area and cannot be written."),
                   annot->page + 1);
      return FALSE;
    }

  page = poppler_document_get_page (document, (int) annot->page);
  if (page == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("Page %u is damaged, so the annotations on it cannot be written."),
                   annot->page + 1);
      return FALSE;
    }

  poppler_page_get_size (page, NULL, &page_height);
  poppler_annot = create_annot (document, annot, page_height, &quads);

  if (!parse_color (annot->color, &color))
    parse_color (DEFAULT_COLOR, &color);
  poppler_annot_set_color (poppler_annot, &color);

  /* Without the flag a printed copy would leave the annotations out. A
   * note's icon keeps its size and stands upright whatever the zoom and
   * rotation, as Acrobat draws notes. */
  flags = POPPLER_ANNOT_FLAG_PRINT;
  if (annot->kind == SIGNET_PDF_EXPORT_ANNOT_NOTE)
    flags |= POPPLER_ANNOT_FLAG_NO_ZOOM | POPPLER_ANNOT_FLAG_NO_ROTATE;
  poppler_annot_set_flags (poppler_annot, flags);

  if (annot->comment != NULL)
    poppler_annot_set_contents (poppler_annot, annot->comment);
  if (annot->author != NULL)
    poppler_annot_markup_set_label (POPPLER_ANNOT_MARKUP (poppler_annot), annot->author);

  poppler_page_add_annot (page, poppler_annot);
  if (quads != NULL)
    orient_quadrilaterals (POPPLER_ANNOT_TEXT_MARKUP (poppler_annot), quads);

  g_object_unref (poppler_annot);
  g_object_unref (page);

  return TRUE;
}

static void
set_folder_error (GError     **error,
                  const char  *folder,
                  int          saved_errno)
{
  g_autofree char *display_name = g_filename_display_name (folder);

  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
               _("The annotated copy cannot be saved in the folder “%s”: %s"),
               display_name, g_strerror (saved_errno));
}

/* Poppler ignores failed writes (a full disk leaves a truncated file and
 * no error), so the copy is checked before it replaces anything. */
static gboolean
copy_is_complete (int    fd,
                  gsize  original_size)
{
  char tail[TAIL_SIZE + 1] = { 0 };
  struct stat info;
  gssize n_read;
  off_t offset;

  if (fstat (fd, &info) != 0 || (guint64) info.st_size < original_size)
    return FALSE;

  offset = MAX (0, info.st_size - TAIL_SIZE);
  n_read = pread (fd, tail, TAIL_SIZE, offset);
  if (n_read <= 0)
    return FALSE;

  return g_strstr_len (tail, n_read, EOF_MARKER) != NULL;
}

/* Writes @document to a new hidden file next to @path and renames it over
 * @path once it is complete and on disk. */
static gboolean
save_next_to (PopplerDocument  *document,
              const char       *path,
              gsize             original_size,
              GCancellable     *cancellable,
              GError          **error)
{
  g_autofree char *folder = g_path_get_dirname (path);
  g_autofree char *temp_path = g_build_filename (folder, ".signet-copy-XXXXXX.pdf", NULL);
  g_autofree char *temp_uri = NULL;
  g_autoptr(GError) save_error = NULL;
  int fd;

  /* 0666 before the umask, as for any other file the user saves. */
  fd = g_mkstemp_full (temp_path, O_RDWR | O_CLOEXEC, 0666);
  if (fd < 0)
    {
      set_folder_error (error, folder, errno);
      return FALSE;
    }

  temp_uri = g_filename_to_uri (temp_path, NULL, error);
  if (temp_uri == NULL)
    goto failed;

  /* Saving by name: poppler_document_save_to_fd in poppler 22.12 never
   * flushes or closes the stream it opens on the descriptor. */
  if (!poppler_document_save (document, temp_uri, &save_error))
    {
      g_debug ("Poppler cannot save %s: %s", temp_path, save_error->message);
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                           _("The annotated copy could not be written."));
      goto failed;
    }

  if (fsync (fd) != 0)
    {
      set_folder_error (error, folder, errno);
      goto failed;
    }

  if (!copy_is_complete (fd, original_size))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                           _("The annotated copy could not be written completely. Check that the disk has free space."));
      goto failed;
    }

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    goto failed;

  if (g_rename (temp_path, path) != 0)
    {
      set_folder_error (error, folder, errno);
      goto failed;
    }

  g_close (fd, NULL);

  return TRUE;

failed:
  g_close (fd, NULL);
  g_unlink (temp_path);

  return FALSE;
}

static void
write_in_thread (GTask        *task,
                 gpointer      source_object,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  WriteRequest *request = task_data;
  GError *error = NULL;

  if (signet_pdf_write_annotated_copy (request->original, request->password, request->annotations,
                                       request->destination, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

SignetPdfExportAnnot *
signet_pdf_export_annot_new (SignetPdfExportAnnotKind  kind,
                             guint                     page,
                             const SignetPdfRect      *rects,
                             guint                     n_rects,
                             const char               *color,
                             const char               *author,
                             const char               *comment)
{
  SignetPdfExportAnnot *annot;

  g_return_val_if_fail (kind <= SIGNET_PDF_EXPORT_ANNOT_RECTANGLE, NULL);
  g_return_val_if_fail (rects != NULL || n_rects == 0, NULL);

  annot = g_new0 (SignetPdfExportAnnot, 1);
  annot->kind = kind;
  annot->page = page;
  annot->n_rects = n_rects;
  annot->rects = g_memdup2 (rects, sizeof (SignetPdfRect) * n_rects);
  annot->color = g_strdup (color);
  annot->author = g_strdup (author);
  annot->comment = g_strdup (comment);

  return annot;
}

void
signet_pdf_export_annot_free (SignetPdfExportAnnot *annot)
{
  if (annot == NULL)
    return;

  g_free (annot->rects);
  g_free (annot->color);
  g_free (annot->author);
  g_free (annot->comment);
  g_free (annot);
}

gboolean
signet_pdf_write_annotated_copy (GBytes        *original,
                                 const char    *password,
                                 GPtrArray     *annotations,
                                 GFile         *destination,
                                 GCancellable  *cancellable,
                                 GError       **error)
{
  PopplerDocument *document;
  g_autofree char *path = NULL;
  gboolean written = FALSE;

  g_return_val_if_fail (original != NULL, FALSE);
  g_return_val_if_fail (annotations != NULL, FALSE);
  g_return_val_if_fail (G_IS_FILE (destination), FALSE);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  path = g_file_get_path (destination);
  if (path == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                           _("The annotated copy can only be saved in a folder on this computer."));
      return FALSE;
    }

  /* A document of its own: the viewer's are owned by their threads, and
   * this one is changed. Poppler reads @original and never writes it. */
  document = signet_pdf_open_poppler (original, password, error);
  if (document == NULL)
    return FALSE;

  for (guint i = 0; i < annotations->len; i++)
    {
      if (g_cancellable_set_error_if_cancelled (cancellable, error) ||
          !add_annotation (document, g_ptr_array_index (annotations, i), error))
        goto out;
    }

  written = save_next_to (document, path, g_bytes_get_size (original), cancellable, error);

out:
  g_object_unref (document);

  return written;
}

void
signet_pdf_write_annotated_copy_async (GBytes              *original,
                                       const char          *password,
                                       GPtrArray           *annotations,
                                       GFile               *destination,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  WriteRequest *request;

  g_return_if_fail (original != NULL);
  g_return_if_fail (annotations != NULL);
  g_return_if_fail (G_IS_FILE (destination));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  request = g_new0 (WriteRequest, 1);
  request->original = g_bytes_ref (original);
  request->password = g_strdup (password);
  request->annotations = g_ptr_array_ref (annotations);
  request->destination = g_object_ref (destination);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, signet_pdf_write_annotated_copy_async);
  g_task_set_task_data (task, request, (GDestroyNotify) write_request_free);
  g_task_run_in_thread (task, write_in_thread);
}

gboolean
signet_pdf_write_annotated_copy_finish (GAsyncResult  *result,
                                        GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) ==
                        signet_pdf_write_annotated_copy_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
