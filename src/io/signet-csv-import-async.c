/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "signet-csv"

#include "config.h"

#include "signet-csv-private.h"
#include "signet-store-worker.h"

/* signet_csv_import() in a thread, on a connection of its own: what the
 * dialog runs, its progress delivered in the caller's main context. */

typedef struct
{
  SignetStoreOpener      *opener;
  GFile                  *file;
  SignetCsvMapping       *mapping;
  SignetCsvImportOptions  options;
  SignetCsvProgressFunc   progress;
  gpointer                progress_data;
  GDestroyNotify          progress_data_destroy;
  GMainContext           *context;
} TaskData;

typedef struct
{
  GTask  *task;
  double  fraction;
} ProgressUpdate;

static void
task_data_free (TaskData *data)
{
  signet_store_opener_free (data->opener);
  g_clear_object (&data->file);
  g_clear_pointer (&data->mapping, signet_csv_mapping_free);
  if (data->progress_data_destroy != NULL)
    data->progress_data_destroy (data->progress_data);
  g_clear_pointer (&data->context, g_main_context_unref);
  g_free (data);
}

static gboolean
deliver_progress (gpointer user_data)
{
  ProgressUpdate *update = user_data;
  TaskData *data = g_task_get_task_data (update->task);

  if (!g_cancellable_is_cancelled (g_task_get_cancellable (update->task)))
    data->progress (update->fraction, data->progress_data);

  return G_SOURCE_REMOVE;
}

static void
progress_update_free (gpointer user_data)
{
  ProgressUpdate *update = user_data;

  g_object_unref (update->task);
  g_free (update);
}

/* Runs in the worker; the update holds the task so that the caller's data
 * lives until it is delivered. */
static void
forward_progress (double   fraction,
                  gpointer user_data)
{
  GTask *task = user_data;
  TaskData *data = g_task_get_task_data (task);
  ProgressUpdate *update = g_new0 (ProgressUpdate, 1);

  update->task = g_object_ref (task);
  update->fraction = fraction;
  g_main_context_invoke_full (data->context, G_PRIORITY_DEFAULT, deliver_progress, update, progress_update_free);
}

static void
import_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  TaskData *data = task_data;
  g_autoptr(SignetStore) store = NULL;
  g_autoptr(SignetCsvImportReport) report = NULL;
  g_autoptr(GError) error = NULL;

  store = signet_store_open_worker (data->opener, &error);
  if (store == NULL ||
      !signet_csv_import (store, data->file, data->mapping, &data->options, &report, cancellable,
                          data->progress ? forward_progress : NULL, task, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, g_steal_pointer (&report), (GDestroyNotify) signet_csv_import_report_free);
}

void
signet_csv_import_async (SignetStore                  *store,
                         GFile                        *file,
                         const SignetCsvMapping       *mapping,
                         const SignetCsvImportOptions *options,
                         GCancellable                 *cancellable,
                         SignetCsvProgressFunc         progress,
                         gpointer                      progress_data,
                         GDestroyNotify                progress_data_destroy,
                         GAsyncReadyCallback           callback,
                         gpointer                      user_data)
{
  g_autoptr(GTask) task = NULL;
  TaskData *data;

  g_return_if_fail (SIGNET_IS_STORE (store));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (options != NULL);

  data = g_new0 (TaskData, 1);
  /* A dry run only reads the register. */
  data->opener = signet_store_opener_new (store, options->dry_run ? SIGNET_STORE_OPEN_READ_ONLY
                                                                  : SIGNET_STORE_OPEN_DEFAULT);
  data->file = g_object_ref (file);
  data->mapping = mapping ? signet_csv_mapping_copy (mapping) : NULL;
  data->options = *options;
  data->progress = progress;
  data->progress_data = progress_data;
  data->progress_data_destroy = progress_data_destroy;
  data->context = g_main_context_ref_thread_default ();

  task = g_task_new (store, cancellable, callback, user_data);
  g_task_set_source_tag (task, signet_csv_import_async);
  g_task_set_task_data (task, data, (GDestroyNotify) task_data_free);
  g_task_run_in_thread (task, import_thread);
}

SignetCsvImportReport *
signet_csv_import_finish (SignetStore   *store,
                          GAsyncResult  *result,
                          GError       **error)
{
  SignetCsvImportReport *report;

  g_return_val_if_fail (SIGNET_IS_STORE (store), NULL);
  g_return_val_if_fail (g_task_is_valid (result, store), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == signet_csv_import_async, NULL);

  report = g_task_propagate_pointer (G_TASK (result), error);

  /* The import wrote through another connection; the views on @store
   * learn of it now, in their thread. */
  if (report != NULL && !report->dry_run)
    signet_store_check_external_changes (store, NULL);

  return report;
}
