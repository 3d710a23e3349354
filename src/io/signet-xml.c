/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "signet-xml"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>

#include "signet-io-resources.h"
#include "signet-store-worker.h"
#include "signet-xml-private.h"

#define SCHEMA_RESOURCE RESOURCE_PREFIX "/xml/signet-1.xsd"

/* The longest line _signet_xml_find_column() looks into. */
#define MAX_SCANNED_LINE (16 * 1024 * 1024)

typedef struct
{
  guint  line;
  guint  column;
  char  *value;
} SignetXmlErrorPrivate;

typedef struct
{
  SignetStoreOpener     *opener;
  GFile                 *file;
  char                  *search;
  SignetExportFlags      flags;
  SignetImportOptions    options;
  SignetXmlProgressFunc  progress;
  gpointer               progress_data;
  GDestroyNotify         progress_data_destroy;
  GMainContext          *context;
} TaskData;

typedef struct
{
  GTask  *task;
  double  fraction;
} ProgressUpdate;

static void
signet_xml_error_private_init (SignetXmlErrorPrivate *priv)
{
  priv->line = 0;
  priv->column = 0;
  priv->value = NULL;
}

static void
signet_xml_error_private_copy (const SignetXmlErrorPrivate *src,
                               SignetXmlErrorPrivate       *dest)
{
  dest->line = src->line;
  dest->column = src->column;
  dest->value = g_strdup (src->value);
}

static void
signet_xml_error_private_clear (SignetXmlErrorPrivate *priv)
{
  g_clear_pointer (&priv->value, g_free);
}

G_DEFINE_EXTENDED_ERROR (SignetXmlError, signet_xml_error)

/* Signet never needs anything outside the file it was given: a DTD, an
 * external entity or a schema import would be a way to read other files or
 * the network, so every such request is refused. */
static xmlParserInputPtr
deny_external_entity (const char       *url,
                      const char       *id,
                      xmlParserCtxtPtr  ctxt)
{
  return NULL;
}

static gpointer
init_libxml (gpointer data)
{
  xmlInitParser ();
  xmlSetExternalEntityLoader (deny_external_entity);

  return NULL;
}

void
_signet_xml_init (void)
{
  static GOnce once = G_ONCE_INIT;

  g_once (&once, init_libxml, NULL);
}

void
_signet_xml_progress_init (SignetXmlProgress     *progress,
                           SignetXmlProgressFunc  func,
                           gpointer               data)
{
  progress->func = func;
  progress->data = data;
  progress->last = -1.0;
}

void
_signet_xml_progress_report (SignetXmlProgress *progress,
                             double             fraction)
{
  fraction = CLAMP (fraction, 0.0, 1.0);

  if (progress->func == NULL)
    return;

  if (progress->last >= 0.0 && fraction < 1.0 && fraction - progress->last < 0.005)
    return;

  if (fraction == progress->last)
    return;

  progress->last = fraction;
  progress->func (fraction, progress->data);
}

gboolean
_signet_xml_set_error (GError     **error,
                       SignetXmlError code,
                       guint        line,
                       guint        column,
                       const char  *value,
                       const char  *format,
                       ...)
{
  g_autofree char *message = NULL;
  GError *new_error;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  new_error = g_error_new_literal (SIGNET_XML_ERROR, code, message);
  _signet_xml_error_set_location (new_error, line, column, value);
  g_propagate_error (error, new_error);

  return FALSE;
}

void
_signet_xml_error_set_location (GError     *error,
                                guint       line,
                                guint       column,
                                const char *value)
{
  SignetXmlErrorPrivate *priv = signet_xml_error_get_private (error);

  g_return_if_fail (priv != NULL);

  priv->line = line;
  priv->column = column;
  if (value != NULL)
    {
      g_free (priv->value);
      priv->value = g_strdup (value);
    }
}

/* Errors of other domains (a file that cannot be opened) have no place
 * in the file. */
static SignetXmlErrorPrivate *
get_location (const GError *error)
{
  if (error == NULL || error->domain != SIGNET_XML_ERROR)
    return NULL;

  return signet_xml_error_get_private (error);
}

guint
signet_xml_error_get_line (const GError *error)
{
  SignetXmlErrorPrivate *priv = get_location (error);

  return priv ? priv->line : 0;
}

guint
signet_xml_error_get_column (const GError *error)
{
  SignetXmlErrorPrivate *priv = get_location (error);

  return priv ? priv->column : 0;
}

const char *
signet_xml_error_get_value (const GError *error)
{
  SignetXmlErrorPrivate *priv = get_location (error);

  return priv ? priv->value : NULL;
}

char *
signet_xml_error_format (const GError *error,
                         const char   *file_name)
{
  guint line;
  guint column;

  g_return_val_if_fail (error != NULL, NULL);
  g_return_val_if_fail (file_name != NULL, NULL);

  line = signet_xml_error_get_line (error);
  column = signet_xml_error_get_column (error);

  if (line > 0 && column > 0)
    return g_strdup_printf ("%s:%u:%u: %s", file_name, line, column, error->message);
  else if (line > 0)
    return g_strdup_printf ("%s:%u: %s", file_name, line, error->message);
  else
    return g_strdup_printf ("%s: %s", file_name, error->message);
}

static const char * const policy_tokens[] = {
  [SIGNET_CONFLICT_SKIP] = "skip",
  [SIGNET_CONFLICT_UPDATE] = "update",
  [SIGNET_CONFLICT_FAIL] = "fail",
};

gboolean
signet_conflict_policy_from_token (const char           *token,
                                   SignetConflictPolicy *policy)
{
  g_return_val_if_fail (policy != NULL, FALSE);

  for (guint i = 0; token != NULL && i < G_N_ELEMENTS (policy_tokens); i++)
    {
      if (g_str_equal (token, policy_tokens[i]))
        {
          *policy = i;
          return TRUE;
        }
    }

  return FALSE;
}

GBytes *
signet_xml_get_schema (void)
{
  g_autoptr(GError) error = NULL;
  GBytes *bytes;

  bytes = g_resource_lookup_data (signet_io_get_resource (), SCHEMA_RESOURCE,
                                  G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  if (bytes == NULL)
    g_error ("The XML schema is missing from the build: %s", error->message);

  return bytes;
}

/* Characters an XML 1.0 document can hold (the Char production). */
static gboolean
is_xml_char (gunichar c)
{
  return c == 0x9 || c == 0xA || c == 0xD ||
         (c >= 0x20 && c <= 0xD7FF) ||
         (c >= 0xE000 && c <= 0xFFFD) ||
         (c >= 0x10000 && c <= 0x10FFFF);
}

gboolean
_signet_xml_text_is_writable (const char *text,
                              gunichar   *bad_char)
{
  const char *p = text;

  /* One pass: checks the UTF-8 and the characters together. */
  while (*p != '\0')
    {
      gunichar c;

      /* Plain ASCII above the control range is the common case. */
      if ((guchar) *p >= 0x20 && (guchar) *p < 0x80)
        {
          p++;
          continue;
        }

      c = g_utf8_get_char_validated (p, -1);
      if (c == (gunichar) -1 || c == (gunichar) -2)
        {
          *bad_char = (guchar) *p;
          return FALSE;
        }

      if (!is_xml_char (c))
        {
          *bad_char = c;
          return FALSE;
        }

      p = g_utf8_next_char (p);
    }

  return TRUE;
}

/* Reads line @line (from 1) of @file into memory, or NULL. */
static GByteArray *
read_line (GFile *file,
           guint  line)
{
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(GByteArray) result = g_byte_array_new ();
  guchar buffer[65536];
  guint current = 1;
  gssize n_read;

  stream = G_INPUT_STREAM (g_file_read (file, NULL, NULL));
  if (stream == NULL)
    return NULL;

  while ((n_read = g_input_stream_read (stream, buffer, sizeof buffer, NULL, NULL)) > 0)
    {
      gsize start = 0;

      for (gsize i = 0; i < (gsize) n_read; i++)
        {
          if (buffer[i] != '\n')
            continue;

          if (current == line)
            {
              g_byte_array_append (result, buffer + start, i - start);
              return g_steal_pointer (&result);
            }

          current++;
          start = i + 1;
        }

      if (current == line)
        {
          g_byte_array_append (result, buffer + start, n_read - start);
          if (result->len > MAX_SCANNED_LINE)
            return NULL;
        }
    }

  return current == line ? g_steal_pointer (&result) : NULL;
}

guint
_signet_xml_find_column (GFile      *file,
                         guint       line,
                         const char *needle,
                         gsize       skip)
{
  g_autoptr(GByteArray) bytes = NULL;
  const char *text;
  const char *found;
  g_autofree char *prefix = NULL;

  if (file == NULL || line == 0 || needle == NULL || *needle == '\0')
    return 0;

  bytes = read_line (file, line);
  if (bytes == NULL)
    return 0;

  g_byte_array_append (bytes, (const guint8 *) "", 1);
  text = (const char *) bytes->data;
  found = strstr (text, needle);
  if (found == NULL)
    return 0;

  prefix = g_utf8_make_valid (text, found - text + skip);

  return g_utf8_strlen (prefix, -1) + 1;
}

/* Reports and threads. */

void
signet_import_report_free (SignetImportReport *report)
{
  if (report == NULL)
    return;

  g_clear_pointer (&report->conflicts, g_ptr_array_unref);
  g_free (report);
}

char *
signet_import_report_list_conflicts (const SignetImportReport *report)
{
  g_autoptr(GString) names = g_string_new (NULL);
  guint n_named;

  g_return_val_if_fail (report != NULL, NULL);

  n_named = report->conflicts != NULL ? report->conflicts->len : 0;
  for (guint i = 0; i < n_named; i++)
    {
      SignetImportConflict *conflict = g_ptr_array_index (report->conflicts, i);

      if (i > 0)
        /* Translators: separates the names in a list of contract numbers and client codes. */
        g_string_append (names, _(", "));
      g_string_append (names, conflict->key);
    }
  if (report->n_conflicts > n_named)
    g_string_append (names, "…");

  return g_string_free (g_steal_pointer (&names), FALSE);
}

char *
signet_import_report_describe (const SignetImportReport *report)
{
  g_autoptr(GString) text = g_string_new (NULL);

  g_return_val_if_fail (report != NULL, NULL);

  if (report->dry_run)
    g_string_append_printf (text, "%s\n", _("Nothing was written. This is what the import would do:"));

  /* Translators: the numbers of clients in the file by what the import does with them. */
  g_string_append_printf (text, _("Clients: %u new, %u updated, %u unchanged, %u skipped."),
                          report->clients_added, report->clients_updated,
                          report->clients_unchanged, report->clients_skipped);
  g_string_append_c (text, '\n');
  /* Translators: the numbers of contracts in the file by what the import does with them. */
  g_string_append_printf (text, _("Contracts: %u new, %u updated, %u unchanged, %u skipped."),
                          report->contracts_added, report->contracts_updated,
                          report->contracts_unchanged, report->contracts_skipped);

  if (report->n_conflicts > 0)
    {
      g_autofree char *names = signet_import_report_list_conflicts (report);

      g_string_append_c (text, '\n');
      g_string_append_printf (text,
                              g_dngettext (GETTEXT_PACKAGE,
                                           "%u record of the file is already in the register with other details: %s.",
                                           "%u records of the file are already in the register with other details: %s.",
                                           report->n_conflicts),
                              report->n_conflicts, names);
      g_string_append_c (text, ' ');

      switch (report->on_conflict)
        {
        case SIGNET_CONFLICT_SKIP:
          g_string_append (text, _("They keep the register’s details."));
          break;
        case SIGNET_CONFLICT_UPDATE:
          g_string_append (text, _("They take the details from the file."));
          break;
        case SIGNET_CONFLICT_FAIL:
        default:
          g_string_append (text, _("An import that stops on conflicts would write nothing."));
          break;
        }
    }

  if (report->attachments_added + report->attachments_skipped + report->annotations_added > 0)
    {
      g_string_append_c (text, '\n');
      /* Translators: the numbers of attachments in the file by what the import does with them,
       * and of the annotations on them it adds. */
      g_string_append_printf (text, _("Attachments: %u new, %u skipped; annotations: %u new."),
                              report->attachments_added, report->attachments_skipped,
                              report->annotations_added);
    }

  if (report->key_dates_added + report->reviews_added + report->reminders_changed > 0)
    {
      g_string_append_c (text, '\n');
      /* Translators: the numbers of key dates and reviews the import adds to contracts, and of
       * contracts whose reminder settings it changes. */
      g_string_append_printf (text, _("Key dates: %u new; reviews: %u new; reminder settings: %u changed."),
                              report->key_dates_added, report->reviews_added, report->reminders_changed);
    }

  if (report->people_added + report->people_updated + report->people_unchanged + report->people_skipped > 0)
    {
      g_string_append_c (text, '\n');
      /* Translators: the numbers of people in the file by what the import does with them. */
      g_string_append_printf (text, _("People: %u new, %u updated, %u unchanged, %u skipped."),
                              report->people_added, report->people_updated,
                              report->people_unchanged, report->people_skipped);
    }

  if (report->types_added + report->types_updated + report->types_unchanged + report->types_skipped > 0)
    {
      g_string_append_c (text, '\n');
      /* Translators: the numbers of contract types in the file by what the import does with them. */
      g_string_append_printf (text, _("Contract types: %u new, %u updated, %u unchanged, %u skipped."),
                              report->types_added, report->types_updated,
                              report->types_unchanged, report->types_skipped);
    }

  if (report->routes_added + report->routes_updated + report->routes_unchanged + report->routes_skipped > 0)
    {
      g_string_append_c (text, '\n');
      /* Translators: the numbers of approval routes in the file by what the import does with them. */
      g_string_append_printf (text, _("Approval routes: %u new, %u updated, %u unchanged, %u skipped."),
                              report->routes_added, report->routes_updated,
                              report->routes_unchanged, report->routes_skipped);
    }

  if (report->rules_set)
    {
      g_string_append_c (text, '\n');
      g_string_append (text, _("The file’s approval rules replace the register’s."));
    }

  if (report->approval_steps_added > 0)
    {
      g_string_append_c (text, '\n');
      /* Translators: the number of approval steps (of all rounds) the import writes. */
      g_string_append_printf (text, _("Approval steps: %u new."), report->approval_steps_added);
    }

  if (report->steps_added + report->amendments_added + report->decisions_added > 0)
    {
      g_string_append_c (text, '\n');
      /* Translators: the numbers of process steps, amendments and decisions at notice deadlines the
       * import adds to contracts. */
      g_string_append_printf (text, _("Process steps: %u new; amendments: %u new; decisions at notice deadlines: %u new."),
                              report->steps_added, report->amendments_added, report->decisions_added);
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
task_data_free (TaskData *data)
{
  signet_store_opener_free (data->opener);
  g_clear_object (&data->file);
  g_free (data->search);
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
  g_main_context_invoke_full (data->context, G_PRIORITY_DEFAULT,
                              deliver_progress, update, progress_update_free);
}

static TaskData *
task_data_new (SignetStore           *store,
               SignetStoreOpenFlags   open_flags,
               GFile                 *file,
               SignetXmlProgressFunc  progress,
               gpointer               progress_data,
               GDestroyNotify         progress_data_destroy)
{
  TaskData *data = g_new0 (TaskData, 1);

  data->opener = signet_store_opener_new (store, open_flags);
  data->file = g_object_ref (file);
  data->progress = progress;
  data->progress_data = progress_data;
  data->progress_data_destroy = progress_data_destroy;
  data->context = g_main_context_ref_thread_default ();

  return data;
}

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  TaskData *data = task_data;
  g_autoptr(SignetStore) store = NULL;
  g_autoptr(GError) error = NULL;

  /* A connection of its own: the caller's store stays usable in its
   * thread. It only reads, and takes no write lock. */
  store = signet_store_open_worker (data->opener, &error);
  if (store == NULL ||
      !signet_xml_export (store, data->file, data->search, data->flags, cancellable,
                          data->progress ? forward_progress : NULL, task, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

void
signet_xml_export_async (SignetStore           *store,
                         GFile                 *dest,
                         const char            *search,
                         SignetExportFlags      flags,
                         GCancellable          *cancellable,
                         SignetXmlProgressFunc  progress,
                         gpointer               progress_data,
                         GDestroyNotify         progress_data_destroy,
                         GAsyncReadyCallback    callback,
                         gpointer               user_data)
{
  g_autoptr(GTask) task = NULL;
  TaskData *data;

  g_return_if_fail (SIGNET_IS_STORE (store));
  g_return_if_fail (G_IS_FILE (dest));

  data = task_data_new (store, SIGNET_STORE_OPEN_READ_ONLY, dest, progress, progress_data, progress_data_destroy);
  data->search = g_strdup (search);
  data->flags = flags;

  task = g_task_new (store, cancellable, callback, user_data);
  g_task_set_source_tag (task, signet_xml_export_async);
  g_task_set_task_data (task, data, (GDestroyNotify) task_data_free);
  g_task_run_in_thread (task, export_thread);
}

gboolean
signet_xml_export_finish (SignetStore   *store,
                          GAsyncResult  *result,
                          GError       **error)
{
  g_return_val_if_fail (SIGNET_IS_STORE (store), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, store), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == signet_xml_export_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
import_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  TaskData *data = task_data;
  g_autoptr(SignetStore) store = NULL;
  g_autoptr(SignetImportReport) report = NULL;
  g_autoptr(GError) error = NULL;

  store = signet_store_open_worker (data->opener, &error);
  if (store == NULL ||
      !signet_xml_import (store, data->file, &data->options, &report, cancellable,
                          data->progress ? forward_progress : NULL, task, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, g_steal_pointer (&report),
                           (GDestroyNotify) signet_import_report_free);
}

void
signet_xml_import_async (SignetStore               *store,
                         GFile                     *src,
                         const SignetImportOptions *options,
                         GCancellable              *cancellable,
                         SignetXmlProgressFunc      progress,
                         gpointer                   progress_data,
                         GDestroyNotify             progress_data_destroy,
                         GAsyncReadyCallback        callback,
                         gpointer                   user_data)
{
  g_autoptr(GTask) task = NULL;
  TaskData *data;

  g_return_if_fail (SIGNET_IS_STORE (store));
  g_return_if_fail (G_IS_FILE (src));
  g_return_if_fail (options != NULL);

  /* A dry run only reads the register (see signet_xml_import()). */
  data = task_data_new (store,
                        options->dry_run ? SIGNET_STORE_OPEN_READ_ONLY : SIGNET_STORE_OPEN_DEFAULT,
                        src, progress, progress_data, progress_data_destroy);
  data->options = *options;

  task = g_task_new (store, cancellable, callback, user_data);
  g_task_set_source_tag (task, signet_xml_import_async);
  g_task_set_task_data (task, data, (GDestroyNotify) task_data_free);
  g_task_run_in_thread (task, import_thread);
}

SignetImportReport *
signet_xml_import_finish (SignetStore   *store,
                          GAsyncResult  *result,
                          GError       **error)
{
  SignetImportReport *report;

  g_return_val_if_fail (SIGNET_IS_STORE (store), NULL);
  g_return_val_if_fail (g_task_is_valid (result, store), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == signet_xml_import_async, NULL);

  report = g_task_propagate_pointer (G_TASK (result), error);

  /* The import wrote through another connection; the store would notice
   * on its own, and the views on it learn of it now, in their thread. */
  if (report != NULL && !report->dry_run)
    signet_store_check_external_changes (store, NULL);

  return report;
}
