/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "signet-pdf-document"

#include "config.h"

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
      text = poppler_page_get_text (page);
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

static gboolean
find_text_step (SignetPdfWorker *worker,
                GTask           *task)
{
  PagesJob *job = g_task_get_task_data (task);
  PopplerPage *page;

  page = signet_pdf_worker_get_page (worker, job->next_page, TRUE);
  if (page != NULL)
    {
      GList *rectangles;
      double height = 0;

      poppler_page_get_size (page, NULL, &height);
      rectangles = poppler_page_find_text_with_options (page, job->needle, POPPLER_FIND_MULTILINE);
      add_matches (job->matches, job->next_page, height, rectangles);
      g_list_free_full (rectangles, (GDestroyNotify) poppler_rectangle_free);
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
page_text_step (SignetPdfWorker *worker,
                GTask           *task)
{
  guint page_index = GPOINTER_TO_UINT (g_task_get_task_data (task));
  g_autoptr(SignetPdfPageText) page_text = NULL;
  PopplerRectangle *rectangles = NULL;
  guint n_rectangles = 0;
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
  page_text->text = poppler_page_get_text (page);
  if (page_text->text == NULL)
    page_text->text = g_strdup ("");

  if (!poppler_page_get_text_layout (page, &rectangles, &n_rectangles))
    n_rectangles = 0;

  /* Poppler builds both from the same words, one box per character; should
   * that ever disagree, keep only the boxes that have a character. */
  page_text->n_chars = (guint) MIN ((glong) n_rectangles, g_utf8_strlen (page_text->text, -1));
  page_text->char_rects = g_new (SignetPdfRect, page_text->n_chars);
  for (guint i = 0; i < page_text->n_chars; i++)
    {
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
