/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>
#include <poppler.h>

G_BEGIN_DECLS

/* A thread that owns one PopplerDocument and runs jobs on it one step at a
 * time. Poppler must never see two threads inside one document, so every
 * call that touches a document happens on the worker that owns it.
 *
 * A job is a GTask plus a step function. The worker always runs the step of
 * the queued job with the best priority (the lowest GTask priority value,
 * the oldest first among equals), so a long job that works page by page
 * lets an urgent one in between two pages. Cancelled jobs are dropped
 * before their next step and return G_IO_ERROR_CANCELLED. */

typedef struct _SignetPdfWorker SignetPdfWorker;

/* Runs on the worker thread. Returns TRUE once it has returned @task, FALSE
 * to be queued again for another step. Pages come from
 * signet_pdf_worker_get_page(). */
typedef gboolean (*SignetPdfJobStep) (SignetPdfWorker *worker,
                                      GTask           *task);

/* @document (transfer full, nullable): a document opened elsewhere that
 * nothing else will touch again; without one the worker opens @bytes with
 * @password itself, on its own thread, when the first job arrives.
 * @max_kept_pages: how many pages asked for with @keep the worker holds on
 * to between jobs. */
SignetPdfWorker *signet_pdf_worker_new      (const char       *name,
                                             GBytes           *bytes,
                                             const char       *password,
                                             PopplerDocument  *document,
                                             guint             max_kept_pages);
void             signet_pdf_worker_push     (SignetPdfWorker  *self,
                                             GTask            *task,
                                             SignetPdfJobStep  step);
/* Only from a step, on the worker's thread. Returns a new reference, or
 * NULL for a page poppler cannot load. With @keep the worker holds on to the
 * page, and to the text layout poppler builds in it, while it has room. */
PopplerPage     *signet_pdf_worker_get_page (SignetPdfWorker  *self,
                                             guint             index,
                                             gboolean          keep);
/* Drops the caller's reference. The thread, if it runs, finishes its
 * current step, returns the jobs still queued as cancelled, frees the
 * document and exits on its own: nobody waits for it, so this is safe to
 * call from any thread, the worker's own included. */
void             signet_pdf_worker_shutdown (SignetPdfWorker  *self);

G_END_DECLS
