/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "signet-pdf-annot"

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "signet-pdf-annot.h"
#include "signet-pdf-document-private.h"

typedef struct
{
  guint      next_page;
  guint      n_pages;
  GPtrArray *annots;
} ListJob;

/* What poppler-glib knows about one page, in the two spaces it uses: it
 * hands out annotation rectangles and quadrilaterals as the file has them
 * (unrotated, relative to the crop box), and mapping areas with the page's
 * rotation applied. */
typedef struct
{
  double crop_width;   /* unrotated */
  double crop_height;
  double width;        /* rotated, as poppler_page_get_size */
  double height;
  int    rotation;
} PageGeometry;

G_DEFINE_BOXED_TYPE (SignetPdfAnnot, signet_pdf_annot, signet_pdf_annot_copy, signet_pdf_annot_free)

static const int rotations[] = { 0, 90, 180, 270 };

static void
list_job_free (ListJob *job)
{
  g_clear_pointer (&job->annots, g_ptr_array_unref);
  g_free (job);
}

/* Returns FALSE for what is not listed. */
static gboolean
kind_from_type (PopplerAnnotType    type,
                SignetPdfAnnotKind *kind)
{
  switch (type)
    {
    case POPPLER_ANNOT_HIGHLIGHT:
      *kind = SIGNET_PDF_ANNOT_HIGHLIGHT;
      return TRUE;
    case POPPLER_ANNOT_UNDERLINE:
      *kind = SIGNET_PDF_ANNOT_UNDERLINE;
      return TRUE;
    case POPPLER_ANNOT_STRIKE_OUT:
      *kind = SIGNET_PDF_ANNOT_STRIKE_OUT;
      return TRUE;
    case POPPLER_ANNOT_SQUIGGLY:
      *kind = SIGNET_PDF_ANNOT_SQUIGGLY;
      return TRUE;
    case POPPLER_ANNOT_TEXT:
      *kind = SIGNET_PDF_ANNOT_NOTE;
      return TRUE;
    case POPPLER_ANNOT_SQUARE:
      *kind = SIGNET_PDF_ANNOT_SQUARE;
      return TRUE;
    case POPPLER_ANNOT_CIRCLE:
      *kind = SIGNET_PDF_ANNOT_CIRCLE;
      return TRUE;
    case POPPLER_ANNOT_FREE_TEXT:
      *kind = SIGNET_PDF_ANNOT_FREE_TEXT;
      return TRUE;
    case POPPLER_ANNOT_INK:
      *kind = SIGNET_PDF_ANNOT_INK;
      return TRUE;
    case POPPLER_ANNOT_LINK:
    case POPPLER_ANNOT_POPUP:
    case POPPLER_ANNOT_WIDGET:
      return FALSE;
    default:
      *kind = SIGNET_PDF_ANNOT_OTHER;
      return TRUE;
    }
}

static gboolean
kind_is_text_markup (SignetPdfAnnotKind kind)
{
  return kind == SIGNET_PDF_ANNOT_HIGHLIGHT || kind == SIGNET_PDF_ANNOT_UNDERLINE ||
         kind == SIGNET_PDF_ANNOT_STRIKE_OUT || kind == SIGNET_PDF_ANNOT_SQUIGGLY;
}

static char *
format_color (const PopplerColor *color)
{
  if (color == NULL)
    return NULL;

  /* Poppler scales 0..1 to 0..65535; 257 maps that back onto 0..255. */
  return g_strdup_printf ("#%02x%02x%02x",
                          (guint) ((color->red + 128) / 257),
                          (guint) ((color->green + 128) / 257),
                          (guint) ((color->blue + 128) / 257));
}

static char *
nonempty_or_null (char *text)
{
  if (text != NULL && *text == '\0')
    g_clear_pointer (&text, g_free);

  return text;
}

/* From the file's space (unrotated, origin at the bottom left of the crop
 * box) to the page's own orientation, origin still at the bottom left: the
 * turn of every page, between two flips of the vertical axis. */
static void
rotate_point (const PageGeometry *geometry,
              int                 rotation,
              double              x,
              double              y,
              double             *rx,
              double             *ry)
{
  gboolean sideways = rotation == 90 || rotation == 270;
  double from_top;

  signet_pdf_point_rotate (x, geometry->crop_height - y, geometry->crop_width, geometry->crop_height,
                           rotation, rx, &from_top);
  *ry = (sideways ? geometry->crop_width : geometry->crop_height) - from_top;
}

/* Page coordinates of a rectangle given by two opposite corners in the
 * page's orientation with the origin at the bottom left. */
static void
rect_from_rotated (const PageGeometry *geometry,
                   double              x1,
                   double              y1,
                   double              x2,
                   double              y2,
                   SignetPdfRect      *rect)
{
  rect->x = MIN (x1, x2);
  rect->y = geometry->height - MAX (y1, y2);
  rect->width = fabs (x2 - x1);
  rect->height = fabs (y2 - y1);
}

static void
rect_from_unrotated (const PageGeometry *geometry,
                     double              x1,
                     double              y1,
                     double              x2,
                     double              y2,
                     SignetPdfRect      *rect)
{
  double rx1, ry1, rx2, ry2;

  rotate_point (geometry, geometry->rotation, x1, y1, &rx1, &ry1);
  rotate_point (geometry, geometry->rotation, x2, y2, &rx2, &ry2);
  rect_from_rotated (geometry, rx1, ry1, rx2, ry2, rect);
}

/* Poppler-glib 22.12 does not say how a page is rotated, and the
 * quadrilaterals of a text markup come unrotated. Every annotation's
 * rectangle is known both unrotated and rotated (its mapping area), so the
 * rotation is the one that turns the first into the second. Annotations
 * flagged not to rotate keep their size and say nothing. */
static int
guess_rotation (PageGeometry *geometry,
                GList        *mappings)
{
  gboolean sideways = fabs (geometry->width - geometry->crop_width) > 0.01 ||
                      fabs (geometry->height - geometry->crop_height) > 0.01;
  gboolean square = fabs (geometry->crop_width - geometry->crop_height) <= 0.01;
  double best_error = INFINITY;
  int best = 0;

  for (guint i = 0; i < G_N_ELEMENTS (rotations); i++)
    {
      int rotation = rotations[i];
      double error = 0;

      if (!square && sideways != (rotation == 90 || rotation == 270))
        continue;

      for (GList *l = mappings; l != NULL; l = l->next)
        {
          PopplerAnnotMapping *mapping = l->data;
          PopplerRectangle rect;
          double x1, y1, x2, y2;

          if (poppler_annot_get_flags (mapping->annot) & POPPLER_ANNOT_FLAG_NO_ROTATE)
            continue;

          poppler_annot_get_rectangle (mapping->annot, &rect);
          rotate_point (geometry, rotation, rect.x1, rect.y1, &x1, &y1);
          rotate_point (geometry, rotation, rect.x2, rect.y2, &x2, &y2);

          error += fabs (MIN (x1, x2) - MIN (mapping->area.x1, mapping->area.x2)) +
                   fabs (MIN (y1, y2) - MIN (mapping->area.y1, mapping->area.y2)) +
                   fabs (MAX (x1, x2) - MAX (mapping->area.x1, mapping->area.x2)) +
                   fabs (MAX (y1, y2) - MAX (mapping->area.y1, mapping->area.y2));
        }

      if (error < best_error)
        {
          best_error = error;
          best = rotation;
        }
    }

  return best;
}

static void
read_markup_rects (PopplerAnnotTextMarkup *markup,
                   const PageGeometry     *geometry,
                   SignetPdfAnnot         *annot)
{
  g_autoptr(GArray) quads = poppler_annot_text_markup_get_quadrilaterals (markup);

  if (quads == NULL || quads->len == 0)
    return;

  annot->n_rects = quads->len;
  annot->rects = g_new0 (SignetPdfRect, quads->len);

  for (guint i = 0; i < quads->len; i++)
    {
      const PopplerQuadrilateral *q = &g_array_index (quads, PopplerQuadrilateral, i);
      double x1 = MIN (MIN (q->p1.x, q->p2.x), MIN (q->p3.x, q->p4.x));
      double x2 = MAX (MAX (q->p1.x, q->p2.x), MAX (q->p3.x, q->p4.x));
      double y1 = MIN (MIN (q->p1.y, q->p2.y), MIN (q->p3.y, q->p4.y));
      double y2 = MAX (MAX (q->p1.y, q->p2.y), MAX (q->p3.y, q->p4.y));

      rect_from_unrotated (geometry, x1, y1, x2, y2, &annot->rects[i]);
    }
}

static SignetPdfAnnot *
read_annot (guint                page_index,
            SignetPdfAnnotKind   kind,
            PopplerAnnotMapping *mapping,
            const PageGeometry  *geometry)
{
  g_autoptr(SignetPdfAnnot) annot = g_new0 (SignetPdfAnnot, 1);
  g_autofree PopplerColor *color = NULL;
  time_t modified;

  annot->page = page_index;
  annot->kind = kind;
  rect_from_rotated (geometry, mapping->area.x1, mapping->area.y1,
                     mapping->area.x2, mapping->area.y2, &annot->area);

  if (kind_is_text_markup (kind) && POPPLER_IS_ANNOT_TEXT_MARKUP (mapping->annot))
    read_markup_rects (POPPLER_ANNOT_TEXT_MARKUP (mapping->annot), geometry, annot);

  if (annot->n_rects == 0)
    {
      annot->n_rects = 1;
      annot->rects = g_memdup2 (&annot->area, sizeof annot->area);
    }

  color = poppler_annot_get_color (mapping->annot);
  annot->color = format_color (color);
  annot->contents = nonempty_or_null (poppler_annot_get_contents (mapping->annot));
  if (POPPLER_IS_ANNOT_MARKUP (mapping->annot))
    annot->author = nonempty_or_null (poppler_annot_markup_get_label (POPPLER_ANNOT_MARKUP (mapping->annot)));

  annot->modified = nonempty_or_null (poppler_annot_get_modified (mapping->annot));
  if (annot->modified != NULL && poppler_date_parse (annot->modified, &modified))
    annot->modified_time = g_date_time_new_from_unix_utc ((gint64) modified);

  return g_steal_pointer (&annot);
}

static void
read_page_annots (PopplerPage *page,
                  guint        page_index,
                  GPtrArray   *annots)
{
  GList *mappings = poppler_page_get_annot_mapping (page);
  PopplerRectangle crop_box;
  PageGeometry geometry;

  if (mappings == NULL)
    return;

  poppler_page_get_crop_box (page, &crop_box);
  geometry.crop_width = fabs (crop_box.x2 - crop_box.x1);
  geometry.crop_height = fabs (crop_box.y2 - crop_box.y1);
  poppler_page_get_size (page, &geometry.width, &geometry.height);
  geometry.rotation = guess_rotation (&geometry, mappings);

  for (GList *l = mappings; l != NULL; l = l->next)
    {
      PopplerAnnotMapping *mapping = l->data;
      PopplerAnnotFlag flags = poppler_annot_get_flags (mapping->annot);
      SignetPdfAnnotKind kind;

      if (flags & (POPPLER_ANNOT_FLAG_HIDDEN | POPPLER_ANNOT_FLAG_NO_VIEW))
        continue;

      if (!kind_from_type (poppler_annot_get_annot_type (mapping->annot), &kind))
        continue;

      g_ptr_array_add (annots, read_annot (page_index, kind, mapping, &geometry));
    }

  poppler_page_free_annot_mapping (mappings);
}

static gboolean
list_annotations_step (SignetPdfWorker *worker,
                       GTask           *task)
{
  ListJob *job = g_task_get_task_data (task);
  PopplerPage *page;

  page = signet_pdf_worker_get_page (worker, job->next_page, FALSE);
  if (page != NULL)
    {
      read_page_annots (page, job->next_page, job->annots);
      g_object_unref (page);
    }

  job->next_page++;

  if (job->next_page < job->n_pages)
    return FALSE;

  g_task_return_pointer (task, g_steal_pointer (&job->annots), (GDestroyNotify) g_ptr_array_unref);

  return TRUE;
}

SignetPdfAnnot *
signet_pdf_annot_copy (const SignetPdfAnnot *annot)
{
  SignetPdfAnnot *copy;

  g_return_val_if_fail (annot != NULL, NULL);

  copy = g_memdup2 (annot, sizeof *annot);
  copy->rects = g_memdup2 (annot->rects, sizeof (SignetPdfRect) * annot->n_rects);
  copy->color = g_strdup (annot->color);
  copy->author = g_strdup (annot->author);
  copy->contents = g_strdup (annot->contents);
  copy->modified = g_strdup (annot->modified);
  if (annot->modified_time != NULL)
    copy->modified_time = g_date_time_ref (annot->modified_time);

  return copy;
}

void
signet_pdf_annot_free (SignetPdfAnnot *annot)
{
  if (annot == NULL)
    return;

  g_free (annot->rects);
  g_free (annot->color);
  g_free (annot->author);
  g_free (annot->contents);
  g_free (annot->modified);
  g_clear_pointer (&annot->modified_time, g_date_time_unref);
  g_free (annot);
}

void
signet_pdf_document_list_annotations_async (SignetPdfDocument   *self,
                                            GCancellable        *cancellable,
                                            GAsyncReadyCallback  callback,
                                            gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  ListJob *job;

  g_return_if_fail (SIGNET_IS_PDF_DOCUMENT (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  job = g_new0 (ListJob, 1);
  job->n_pages = self->n_pages;
  job->annots = g_ptr_array_new_with_free_func ((GDestroyNotify) signet_pdf_annot_free);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, signet_pdf_document_list_annotations_async);
  g_task_set_task_data (task, job, (GDestroyNotify) list_job_free);

  /* The text thread, not the rendering one: reading the annotations of a
   * long document must not hold up the first page. */
  signet_pdf_worker_push (self->text_worker, task, list_annotations_step);
}

GPtrArray *
signet_pdf_document_list_annotations_finish (SignetPdfDocument  *self,
                                             GAsyncResult       *result,
                                             GError            **error)
{
  g_return_val_if_fail (SIGNET_IS_PDF_DOCUMENT (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) ==
                        signet_pdf_document_list_annotations_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
