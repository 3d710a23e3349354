/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "signet-pdf-worker"

#include "config.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "signet-pdf-document-private.h"
#include "signet-pdf-worker.h"

typedef struct
{
  GTask            *task;
  SignetPdfJobStep  step;
  int               priority;
  guint64           sequence;
} Job;

struct _SignetPdfWorker
{
  gatomicrefcount  ref_count;

  char            *name;
  GBytes          *bytes;
  char            *password;
  /* Touched only by the worker thread once that thread runs. The worker
   * owns the document and the pages it keeps, and frees the pages first.
   * Each PopplerPage holds a reference on its document, so the pages must
   * never hang on the document itself: kept there as object data, they
   * and the document held each other alive after the last close, and
   * every search leaked the whole document with its text layouts. */
  PopplerDocument *document;
  GHashTable      *kept_pages;     /* page index → PopplerPage */
  guint            max_kept_pages;

  GMutex           mutex;
  GCond            cond;
  GQueue           jobs;
  guint64          next_sequence;
  gboolean         started;
  gboolean         quit;
};

static SignetPdfWorker *
signet_pdf_worker_ref (SignetPdfWorker *self)
{
  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

static void
signet_pdf_worker_unref (SignetPdfWorker *self)
{
  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  g_assert (g_queue_is_empty (&self->jobs));

  g_clear_pointer (&self->kept_pages, g_hash_table_unref);
  g_clear_object (&self->document);
  g_clear_pointer (&self->bytes, g_bytes_unref);
  if (self->password != NULL)
    {
      /* The password is a secret the user typed; do not leave it in freed memory. */
      memset (self->password, 0, strlen (self->password));
      g_free (self->password);
    }
  g_free (self->name);
  g_mutex_clear (&self->mutex);
  g_cond_clear (&self->cond);
  g_free (self);
}

static gboolean
task_released_cb (gpointer data)
{
  return G_SOURCE_REMOVE;
}

/* The last reference on a task may be the one that finalizes its document
 * or frees the caller's progress data, which must happen on the caller's
 * thread, so the worker hands its reference back to the task's context. */
static void
job_free (Job *job)
{
  g_autoptr(GSource) source = g_idle_source_new ();

  g_source_set_priority (source, g_task_get_priority (job->task));
  g_source_set_callback (source, task_released_cb, job->task, g_object_unref);
  g_source_set_static_name (source, "[signet-pdf] release task");
  g_source_attach (source, g_task_get_context (job->task));

  g_free (job);
}

static gboolean
job_is_cancelled (Job *job)
{
  return g_cancellable_is_cancelled (g_task_get_cancellable (job->task));
}

static gboolean
job_runs_before (Job *job,
                 Job *other)
{
  if (job->priority != other->priority)
    return job->priority < other->priority;

  return job->sequence < other->sequence;
}

/* Called with the mutex held. Moves the cancelled jobs to @cancelled and
 * takes the best remaining job off the queue. */
static Job *
take_next_job (SignetPdfWorker *self,
               GQueue          *cancelled)
{
  GList *best = NULL;
  GList *link = self->jobs.head;
  Job *job;

  while (link != NULL)
    {
      GList *next = link->next;

      job = link->data;
      if (job_is_cancelled (job))
        {
          g_queue_unlink (&self->jobs, link);
          g_queue_push_tail_link (cancelled, link);
        }
      else if (best == NULL || job_runs_before (job, best->data))
        {
          best = link;
        }

      link = next;
    }

  if (best == NULL)
    return NULL;

  job = best->data;
  g_queue_delete_link (&self->jobs, best);

  return job;
}

static void
return_cancelled_jobs (GQueue *cancelled)
{
  Job *job;

  while ((job = g_queue_pop_head (cancelled)) != NULL)
    {
      if (!g_task_return_error_if_cancelled (job->task))
        g_task_return_new_error (job->task, G_IO_ERROR, G_IO_ERROR_CANCELLED,
                                 "%s", g_strerror (ECANCELED));
      job_free (job);
    }
}

/* Returns TRUE when the job is finished. */
static gboolean
run_step (SignetPdfWorker  *self,
          Job              *job,
          GError          **open_error)
{
  if (self->document == NULL && *open_error == NULL)
    self->document = signet_pdf_open_poppler (self->bytes, self->password, open_error);

  if (*open_error != NULL)
    {
      g_task_return_error (job->task, g_error_copy (*open_error));
      return TRUE;
    }

  return job->step (self, job->task);
}

/* Threads told to quit that are still freeing their document. The process
 * waits for them as it exits: poppler destroys its global state then, and
 * a document freed at the same time would crash it. */
static GMutex finishing_mutex;
static GCond  finishing_cond;
static guint  n_finishing;

static void
wait_for_finishing_workers (void)
{
  /* A render under way ends within a page; do not wait longer than that. */
  gint64 deadline = g_get_monotonic_time () + 2 * G_TIME_SPAN_SECOND;

  g_mutex_lock (&finishing_mutex);
  while (n_finishing > 0 && g_cond_wait_until (&finishing_cond, &finishing_mutex, deadline))
    ;
  g_mutex_unlock (&finishing_mutex);
}

static void
count_finishing (int delta)
{
  static gsize registered = 0;

  if (g_once_init_enter (&registered))
    {
      atexit (wait_for_finishing_workers);
      g_once_init_leave (&registered, 1);
    }

  g_mutex_lock (&finishing_mutex);
  n_finishing += delta;
  if (n_finishing == 0)
    g_cond_broadcast (&finishing_cond);
  g_mutex_unlock (&finishing_mutex);
}

static gpointer
worker_thread (gpointer data)
{
  SignetPdfWorker *self = data;
  g_autoptr(GError) open_error = NULL;
  GQueue left = G_QUEUE_INIT;

  for (;;)
    {
      GQueue cancelled = G_QUEUE_INIT;
      Job *job = NULL;
      gboolean quit;

      g_mutex_lock (&self->mutex);
      while (!self->quit &&
             (job = take_next_job (self, &cancelled)) == NULL &&
             g_queue_is_empty (&cancelled))
        g_cond_wait (&self->cond, &self->mutex);
      quit = self->quit;
      g_mutex_unlock (&self->mutex);

      return_cancelled_jobs (&cancelled);

      if (quit)
        break;

      if (job == NULL)
        continue;

      if (run_step (self, job, &open_error))
        {
          job_free (job);
        }
      else
        {
          g_mutex_lock (&self->mutex);
          g_queue_push_tail (&self->jobs, job);
          g_mutex_unlock (&self->mutex);
        }
    }

  /* Every job holds a reference on its document, so jobs are left here only
   * when someone disposed the document by force; they still get an answer. */
  g_mutex_lock (&self->mutex);
  left = self->jobs;
  g_queue_init (&self->jobs);
  g_mutex_unlock (&self->mutex);
  return_cancelled_jobs (&left);

  /* Free the pages and the document on the thread that used them last. */
  g_clear_pointer (&self->kept_pages, g_hash_table_unref);
  g_clear_object (&self->document);
  signet_pdf_worker_unref (self);
  count_finishing (-1);

  return NULL;
}

SignetPdfWorker *
signet_pdf_worker_new (const char      *name,
                       GBytes          *bytes,
                       const char      *password,
                       PopplerDocument *document,
                       guint            max_kept_pages)
{
  SignetPdfWorker *self;

  g_return_val_if_fail (name != NULL, NULL);
  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (document == NULL || POPPLER_IS_DOCUMENT (document), NULL);

  self = g_new0 (SignetPdfWorker, 1);
  g_atomic_ref_count_init (&self->ref_count);
  self->name = g_strdup (name);
  self->bytes = g_bytes_ref (bytes);
  self->password = g_strdup (password);
  self->document = document;
  self->kept_pages = g_hash_table_new_full (NULL, NULL, NULL, g_object_unref);
  self->max_kept_pages = max_kept_pages;
  g_mutex_init (&self->mutex);
  g_cond_init (&self->cond);
  g_queue_init (&self->jobs);

  return self;
}

void
signet_pdf_worker_push (SignetPdfWorker  *self,
                        GTask            *task,
                        SignetPdfJobStep  step)
{
  Job *job;

  g_return_if_fail (self != NULL);
  g_return_if_fail (G_IS_TASK (task));
  g_return_if_fail (step != NULL);

  job = g_new0 (Job, 1);
  job->task = g_object_ref (task);
  job->step = step;
  job->priority = g_task_get_priority (task);

  g_mutex_lock (&self->mutex);

  job->sequence = self->next_sequence++;
  g_queue_push_tail (&self->jobs, job);

  /* Started on the first job, so a document that is only measured, or only
   * searched, never costs a rendering thread. */
  if (!self->started)
    {
      self->started = TRUE;
      g_thread_unref (g_thread_new (self->name, worker_thread, signet_pdf_worker_ref (self)));
    }
  else
    {
      g_cond_signal (&self->cond);
    }

  g_mutex_unlock (&self->mutex);
}

void
signet_pdf_worker_shutdown (SignetPdfWorker *self)
{
  g_return_if_fail (self != NULL);

  g_mutex_lock (&self->mutex);
  /* The thread, if there is one, now winds down: counted until it is done. */
  if (self->started && !self->quit)
    count_finishing (+1);
  self->quit = TRUE;
  g_cond_signal (&self->cond);
  g_mutex_unlock (&self->mutex);

  signet_pdf_worker_unref (self);
}

PopplerPage *
signet_pdf_worker_get_page (SignetPdfWorker *self,
                            guint            index,
                            gboolean         keep)
{
  PopplerPage *page;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (self->document != NULL, NULL);

  page = g_hash_table_lookup (self->kept_pages, GUINT_TO_POINTER (index));
  if (page != NULL)
    return g_object_ref (page);

  page = poppler_document_get_page (self->document, (int) index);
  if (page != NULL && keep && g_hash_table_size (self->kept_pages) < self->max_kept_pages)
    g_hash_table_insert (self->kept_pages, GUINT_TO_POINTER (index), g_object_ref (page));

  return page;
}
