/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "signet-pdf-document"

#include "config.h"

#include <math.h>

#include "signet-pdf-document-private.h"

/* Progress is posted at most this often (µs), plus once at the end. */
#define PROGRESS_INTERVAL (50 * G_TIME_SPAN_MILLISECOND)

typedef struct
{
  guint                  next_page;
  guint                  n_pages;

  SignetPdfProgressFunc  progress;
  gpointer               progress_data;
  GDestroyNotify         progress_data_destroy;
  gint64                 last_progress;

  GPtrArray             *texts;    /* extraction: char * per page */
  char                  *needle;   /* search */
  GPtrArray             *matches;  /* search: SignetPdfMatch */
} PagesJob;

typedef struct
{
  GTask *task;
  guint  pages_done;
} ProgressReport;

static void
pages_job_free (PagesJob *job)
{
  if (job->progress_data_destroy != NULL)
    job->progress_data_destroy (job->progress_data);
  g_clear_pointer (&job->texts, g_ptr_array_unref);
  g_clear_pointer (&job->needle, g_free);
  g_clear_pointer (&job->matches, g_ptr_array_unref);
  g_free (job);
}

static GTask *
create_pages_task (SignetPdfDocument     *self,
                   gpointer               source_tag,
                   int                    io_priority,
                   SignetPdfProgressFunc  progress,
                   gpointer               progress_data,
                   GDestroyNotify         progress_data_destroy,
                   GCancellable          *cancellable,
                   GAsyncReadyCallback    callback,
                   gpointer               user_data,
                   PagesJob             **out_job)
{
  GTask *task;
  PagesJob *job;

  job = g_new0 (PagesJob, 1);
  job->n_pages = self->n_pages;
  job->progress = progress;
  job->progress_data = progress_data;
  job->progress_data_destroy = progress_data_destroy;

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, source_tag);
  g_task_set_priority (task, io_priority);
  g_task_set_task_data (task, job, (GDestroyNotify) pages_job_free);

  *out_job = job;

  return task;
}

static void
progress_report_free (ProgressReport *report)
{
  g_object_unref (report->task);
  g_free (report);
}

static gboolean
progress_due_cb (gpointer data)
{
  ProgressReport *report = data;
  PagesJob *job = g_task_get_task_data (report->task);

  if (!g_cancellable_is_cancelled (g_task_get_cancellable (report->task)))
    job->progress (report->pages_done, job->n_pages, job->progress_data);

  return G_SOURCE_REMOVE;
}

/* Runs on the worker thread after each page. The report goes to the task's
 * context at the task's priority and is posted before the task returns, so
 * the caller sees the last report before the result. */
static void
report_progress (GTask    *task,
                 PagesJob *job)
{
  g_autoptr(GSource) source = NULL;
  ProgressReport *report;
  gint64 now;

  if (job->progress == NULL)
    return;

  now = g_get_monotonic_time ();
  if (job->next_page < job->n_pages && now - job->last_progress < PROGRESS_INTERVAL)
    return;
  job->last_progress = now;

  report = g_new0 (ProgressReport, 1);
  report->task = g_object_ref (task);
  report->pages_done = job->next_page;

  source = g_idle_source_new ();
  g_source_set_priority (source, g_task_get_priority (task));
  g_source_set_callback (source, progress_due_cb, report, (GDestroyNotify) progress_report_free);
  g_source_set_static_name (source, "[signet-pdf] progress");
  g_source_attach (source, g_task_get_context (task));
}

/* On the text thread: the text of @page as search and selection see it,
 * GBK text that poppler gave as Latin-1 letters recovered (see
 * signet-pdf-text-recovery.c). @sources as signet_pdf_text_assess() sets
 * it, NULL for a page whose text is as poppler gave it. */
static char *
read_page_text (SignetPdfDocument    *self,
                PopplerPage          *page,
                guint                 index,
                guint               **sources,
                SignetPdfTextQuality *quality)
{
  char *text = poppler_page_get_text (page);
  SignetPdfTextQuality assessed;

  if (text == NULL)
    text = g_strdup ("");

  assessed = signet_pdf_text_assess (&text, sources);

  if (self->text_qualities == NULL)
    self->text_qualities = g_new0 (guint8, self->n_pages);
  self->text_qualities[index] = (guint8) (assessed + 1);

  if (quality != NULL)
    *quality = assessed;

  return text;
}

/* The quality of a page's text, reading it if it was never read. */
static SignetPdfTextQuality
page_text_quality (SignetPdfDocument *self,
                   PopplerPage       *page,
                   guint              index)
{
  SignetPdfTextQuality quality;
  g_autofree guint *sources = NULL;

  if (self->text_qualities != NULL && self->text_qualities[index] != 0)
    return (SignetPdfTextQuality) (self->text_qualities[index] - 1);

  g_free (read_page_text (self, page, index, &sources, &quality));

  return quality;
}

/* Extraction keeps no page: it reads each page once, mostly for the search
 * index, and keeping every layout would only cost memory. */
static gboolean
extract_text_step (SignetPdfWorker *worker,
                   GTask           *task)
{
  PagesJob *job = g_task_get_task_data (task);
  PopplerPage *page;
  char *text = NULL;

  page = signet_pdf_worker_get_page (worker, job->next_page, FALSE);
  if (page != NULL)
    {
      text = read_page_text (g_task_get_source_object (task), page, job->next_page, NULL, NULL);
      g_object_unref (page);
    }

  /* A damaged page has no text to find; the rest of the document still does. */
  g_ptr_array_add (job->texts, text != NULL ? text : g_strdup (""));
  job->next_page++;

  report_progress (task, job);

  if (job->next_page < job->n_pages)
    return FALSE;

  g_ptr_array_add (job->texts, NULL);
  g_task_return_pointer (task, g_ptr_array_free (g_steal_pointer (&job->texts), FALSE),
                         (GDestroyNotify) g_strfreev);

  return TRUE;
}

/* find_text reports rectangles with the origin at the bottom left of the
 * page; everything else here puts it at the top left. */
static void
add_matches (GPtrArray *matches,
             guint      page_index,
             double     page_height,
             GList     *rectangles)
{
  g_autoptr(GArray) rects = g_array_new (FALSE, FALSE, sizeof (SignetPdfRect));

  for (GList *l = rectangles; l != NULL; l = l->next)
    {
      PopplerRectangle *r = l->data;
      SignetPdfRect rect;

      rect.x = MIN (r->x1, r->x2);
      rect.y = page_height - MAX (r->y1, r->y2);
      rect.width = ABS (r->x2 - r->x1);
      rect.height = ABS (r->y2 - r->y1);
      g_array_append_val (rects, rect);

      if (!poppler_rectangle_find_get_match_continued (r) || l->next == NULL)
        {
          g_ptr_array_add (matches, signet_pdf_match_new (page_index,
                                                          (SignetPdfRect *) (gpointer) rects->data,
                                                          rects->len));
          g_array_set_size (rects, 0);
        }
    }
}

static SignetPdfRect
box_to_rect (const PopplerRectangle *box)
{
  return (SignetPdfRect) {
    MIN (box->x1, box->x2), MIN (box->y1, box->y2),
    ABS (box->x2 - box->x1), ABS (box->y2 - box->y1),
  };
}

static void
unite_rect (SignetPdfRect       *rect,
            const SignetPdfRect *other)
{
  double x2 = MAX (rect->x + rect->width, other->x + other->width);
  double y2 = MAX (rect->y + rect->height, other->y + other->height);

  rect->x = MIN (rect->x, other->x);
  rect->y = MIN (rect->y, other->y);
  rect->width = x2 - rect->x;
  rect->height = y2 - rect->y;
}

/* The box of a recovered character: those of the letters it came from. */
static SignetPdfRect
recovered_char_rect (const PopplerRectangle *boxes,
                     const guint            *sources,
                     guint                   index)
{
  SignetPdfRect rect = box_to_rect (&boxes[sources[index]]);

  for (guint i = sources[index] + 1; i < sources[index + 1]; i++)
    {
      SignetPdfRect other = box_to_rect (&boxes[i]);

      unite_rect (&rect, &other);
    }

  return rect;
}

static gboolean
on_same_line (const SignetPdfRect *line,
              const SignetPdfRect *rect)
{
  double line_middle = line->y + line->height / 2;
  double middle = rect->y + rect->height / 2;

  return fabs (line_middle - middle) < MIN (line->height, rect->height) / 2 && rect->x >= line->x - 1;
}

/* How many characters of @text from @start match @needle, ignoring case;
 * 0 for none. A space in @needle matches one or more in @text, and @text
 * may have spaces and line breaks where @needle has none: Chinese runs on
 * across lines, and across the gaps of letter-spaced headings, without
 * one. */
static guint
match_length (const gunichar *text,
              guint           n_text,
              guint           start,
              const gunichar *needle,
              guint           n_needle)
{
  guint at = start;

  for (guint k = 0; k < n_needle; k++)
    {
      if (g_unichar_isspace (needle[k]))
        {
          if (at >= n_text || !g_unichar_isspace (text[at]))
            return 0;
          while (at < n_text && g_unichar_isspace (text[at]))
            at++;
          while (k + 1 < n_needle && g_unichar_isspace (needle[k + 1]))
            k++;
          continue;
        }

      if (k > 0)
        while (at < n_text && g_unichar_isspace (text[at]))
          at++;

      if (at >= n_text || g_unichar_tolower (text[at]) != g_unichar_tolower (needle[k]))
        return 0;
      at++;
    }

  return at - start;
}

static void
add_recovered_match (GPtrArray              *matches,
                     guint                   page_index,
                     const gunichar         *chars,
                     const guint            *sources,
                     const PopplerRectangle *boxes,
                     guint                   n_boxes,
                     guint                   start,
                     guint                   end)
{
  g_autoptr(GArray) rects = g_array_new (FALSE, FALSE, sizeof (SignetPdfRect));
  SignetPdfRect line = { 0 };
  gboolean open = FALSE;

  for (guint i = start; i < end && sources[i + 1] <= n_boxes; i++)
    {
      SignetPdfRect rect;

      if (g_unichar_isspace (chars[i]))
        continue;

      rect = recovered_char_rect (boxes, sources, i);
      if (open && on_same_line (&line, &rect))
        {
          unite_rect (&line, &rect);
          continue;
        }

      if (open)
        g_array_append_val (rects, line);
      line = rect;
      open = TRUE;
    }

  if (open)
    g_array_append_val (rects, line);

  if (rects->len > 0)
    g_ptr_array_add (matches, signet_pdf_match_new (page_index, (SignetPdfRect *) (gpointer) rects->data,
                                                    rects->len));
}

/* Poppler searches the text as it gave it, so a page whose text was
 * recovered is searched here; FALSE for a page that was not. */
static gboolean
find_in_recovered_page (SignetPdfDocument *self,
                        PopplerPage       *page,
                        guint              page_index,
                        const char        *needle,
                        GPtrArray         *matches)
{
  g_autofree guint *sources = NULL;
  g_autofree char *text = NULL;
  g_autofree char *stripped = NULL;
  g_autofree gunichar *chars = NULL;
  g_autofree gunichar *needle_chars = NULL;
  PopplerRectangle *boxes = NULL;
  guint n_boxes = 0;
  glong n_chars = 0;
  glong n_needle = 0;

  text = read_page_text (self, page, page_index, &sources, NULL);
  if (sources == NULL)
    return FALSE;

  stripped = g_strstrip (g_strdup (needle));
  needle_chars = g_utf8_to_ucs4_fast (stripped, -1, &n_needle);
  if (n_needle == 0)
    return TRUE;

  chars = g_utf8_to_ucs4_fast (text, -1, &n_chars);
  if (!poppler_page_get_text_layout (page, &boxes, &n_boxes))
    n_boxes = 0;

  for (guint start = 0; start < (guint) n_chars; start++)
    {
      guint length;

      if (g_unichar_isspace (chars[start]))
        continue;

      length = match_length (chars, (guint) n_chars, start, needle_chars, (guint) n_needle);
      if (length == 0)
        continue;

      add_recovered_match (matches, page_index, chars, sources, boxes, n_boxes, start, start + length);
      start += length - 1;
    }

  g_free (boxes);

  return TRUE;
}

static gboolean
find_text_step (SignetPdfWorker *worker,
                GTask           *task)
{
  PagesJob *job = g_task_get_task_data (task);
  PopplerPage *page;

  page = signet_pdf_worker_get_page (worker, job->next_page, TRUE);
  if (page != NULL)
    {
      SignetPdfDocument *self = g_task_get_source_object (task);

      if (page_text_quality (self, page, job->next_page) == SIGNET_PDF_TEXT_READABLE ||
          !find_in_recovered_page (self, page, job->next_page, job->needle, job->matches))
        {
          GList *rectangles;
          double height = 0;

          poppler_page_get_size (page, NULL, &height);
          rectangles = poppler_page_find_text_with_options (page, job->needle, POPPLER_FIND_MULTILINE);
          add_matches (job->matches, job->next_page, height, rectangles);
          g_list_free_full (rectangles, (GDestroyNotify) poppler_rectangle_free);
        }
      g_object_unref (page);
    }

  job->next_page++;

  report_progress (task, job);

  if (job->next_page < job->n_pages)
    return FALSE;

  g_task_return_pointer (task, g_steal_pointer (&job->matches), (GDestroyNotify) g_ptr_array_unref);

  return TRUE;
}

static gboolean
check_text_step (SignetPdfWorker *worker,
                 GTask           *task)
{
  PagesJob *job = g_task_get_task_data (task);
  SignetPdfTextQuality quality = SIGNET_PDF_TEXT_READABLE;
  PopplerPage *page;

  page = signet_pdf_worker_get_page (worker, job->next_page, FALSE);
  if (page != NULL)
    {
      quality = page_text_quality (g_task_get_source_object (task), page, job->next_page);
      g_object_unref (page);
    }

  job->next_page++;

  /* One page is enough to warn about the file. */
  if (quality != SIGNET_PDF_TEXT_READABLE || job->next_page >= job->n_pages)
    {
      g_task_return_int (task, quality);
      return TRUE;
    }

  return FALSE;
}

static gboolean
page_text_step (SignetPdfWorker *worker,
                GTask           *task)
{
  guint page_index = GPOINTER_TO_UINT (g_task_get_task_data (task));
  g_autoptr(SignetPdfPageText) page_text = NULL;
  g_autofree guint *sources = NULL;
  PopplerRectangle *rectangles = NULL;
  guint n_rectangles = 0;
  guint n_chars;
  PopplerPage *page;
  GError *error = NULL;

  page = signet_pdf_worker_get_page (worker, page_index, TRUE);
  if (page == NULL)
    {
      signet_pdf_set_damaged_page (&error, page_index);
      g_task_return_error (task, error);
      return TRUE;
    }

  page_text = g_new0 (SignetPdfPageText, 1);
  page_text->page = page_index;
  page_text->text = read_page_text (g_task_get_source_object (task), page, page_index, &sources, NULL);

  if (!poppler_page_get_text_layout (page, &rectangles, &n_rectangles))
    n_rectangles = 0;

  /* Poppler builds both from the same words, one box per character; should
   * that ever disagree, keep only the boxes that have a character. A
   * recovered character has the box of the letters it came from. */
  n_chars = (guint) g_utf8_strlen (page_text->text, -1);
  if (sources != NULL)
    while (n_chars > 0 && sources[n_chars] > n_rectangles)
      n_chars--;
  page_text->n_chars = sources != NULL ? n_chars : MIN (n_rectangles, n_chars);
  page_text->char_rects = g_new (SignetPdfRect, page_text->n_chars);
  for (guint i = 0; i < page_text->n_chars; i++)
    {
      if (sources != NULL)
        {
          page_text->char_rects[i] = recovered_char_rect (rectangles, sources, i);
          continue;
        }

      page_text->char_rects[i].x = rectangles[i].x1;
      page_text->char_rects[i].y = rectangles[i].y1;
      page_text->char_rects[i].width = rectangles[i].x2 - rectangles[i].x1;
      page_text->char_rects[i].height = rectangles[i].y2 - rectangles[i].y1;
    }

  g_free (rectangles);
  g_object_unref (page);

  g_task_return_pointer (task, g_steal_pointer (&page_text),
                         (GDestroyNotify) signet_pdf_page_text_free);

  return TRUE;
}

void
signet_pdf_document_extract_text_async (SignetPdfDocument     *self,
                                        int                    io_priority,
                                        SignetPdfProgressFunc  progress,
                                        gpointer               progress_data,
                                        GDestroyNotify         progress_data_destroy,
                                        GCancellable          *cancellable,
                                        GAsyncReadyCallback    callback,
                                        gpointer               user_data)
{
  g_autoptr(GTask) task = NULL;
  PagesJob *job;

  g_return_if_fail (SIGNET_IS_PDF_DOCUMENT (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = create_pages_task (self, signet_pdf_document_extract_text_async, io_priority,
                            progress, progress_data, progress_data_destroy,
                            cancellable, callback, user_data, &job);
  job->texts = g_ptr_array_new_full (self->n_pages + 1, g_free);

  signet_pdf_worker_push (self->text_worker, task, extract_text_step);
}

GStrv
signet_pdf_document_extract_text_finish (SignetPdfDocument  *self,
                                         GAsyncResult       *result,
                                         GError            **error)
{
  g_return_val_if_fail (SIGNET_IS_PDF_DOCUMENT (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) ==
                        signet_pdf_document_extract_text_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

void
signet_pdf_document_find_text_async (SignetPdfDocument     *self,
                                     const char            *text,
                                     int                    io_priority,
                                     SignetPdfProgressFunc  progress,
                                     gpointer               progress_data,
                                     GDestroyNotify         progress_data_destroy,
                                     GCancellable          *cancellable,
                                     GAsyncReadyCallback    callback,
                                     gpointer               user_data)
{
  g_autoptr(GTask) task = NULL;
  PagesJob *job;

  g_return_if_fail (SIGNET_IS_PDF_DOCUMENT (self));
  g_return_if_fail (text != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = create_pages_task (self, signet_pdf_document_find_text_async, io_priority,
                            progress, progress_data, progress_data_destroy,
                            cancellable, callback, user_data, &job);
  job->needle = g_strdup (text);
  job->matches = g_ptr_array_new_with_free_func ((GDestroyNotify) signet_pdf_match_free);

  /* Poppler would find nothing either, but only after reading every page. */
  if (*text == '\0')
    {
      g_task_return_pointer (task, g_steal_pointer (&job->matches),
                             (GDestroyNotify) g_ptr_array_unref);
      return;
    }

  signet_pdf_worker_push (self->text_worker, task, find_text_step);
}

GPtrArray *
signet_pdf_document_find_text_finish (SignetPdfDocument  *self,
                                      GAsyncResult       *result,
                                      GError            **error)
{
  g_return_val_if_fail (SIGNET_IS_PDF_DOCUMENT (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) ==
                        signet_pdf_document_find_text_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

void
signet_pdf_document_check_text_async (SignetPdfDocument   *self,
                                      int                  io_priority,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  PagesJob *job;

  g_return_if_fail (SIGNET_IS_PDF_DOCUMENT (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = create_pages_task (self, signet_pdf_document_check_text_async, io_priority,
                            NULL, NULL, NULL, cancellable, callback, user_data, &job);

  if (self->n_pages == 0)
    {
      g_task_return_int (task, SIGNET_PDF_TEXT_READABLE);
      return;
    }

  signet_pdf_worker_push (self->text_worker, task, check_text_step);
}

SignetPdfTextQuality
signet_pdf_document_check_text_finish (SignetPdfDocument  *self,
                                       GAsyncResult       *result,
                                       GError            **error)
{
  g_return_val_if_fail (SIGNET_IS_PDF_DOCUMENT (self), SIGNET_PDF_TEXT_READABLE);
  g_return_val_if_fail (g_task_is_valid (result, self), SIGNET_PDF_TEXT_READABLE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) ==
                        signet_pdf_document_check_text_async, SIGNET_PDF_TEXT_READABLE);

  return (SignetPdfTextQuality) g_task_propagate_int (G_TASK (result), error);
}

void
signet_pdf_document_get_page_text_async (SignetPdfDocument   *self,
                                         guint                page,
                                         int                  io_priority,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (SIGNET_IS_PDF_DOCUMENT (self));
  g_return_if_fail (page < self->n_pages);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, signet_pdf_document_get_page_text_async);
  g_task_set_priority (task, io_priority);
  g_task_set_task_data (task, GUINT_TO_POINTER (page), NULL);

  signet_pdf_worker_push (self->text_worker, task, page_text_step);
}

SignetPdfPageText *
signet_pdf_document_get_page_text_finish (SignetPdfDocument  *self,
                                          GAsyncResult       *result,
                                          GError            **error)
{
  g_return_val_if_fail (SIGNET_IS_PDF_DOCUMENT (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) ==
                        signet_pdf_document_get_page_text_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
