/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "signet-print-commands"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "signet-error-dialog.h"
#include "signet-file-replace.h"
#include "signet-print-commands.h"

/* The printer, paper and the like the user chose last, for the next
 * dialog of this run of the app. */
static GtkPrintSettings *last_settings;

typedef struct
{
  SignetPrintDocument *document;
  SignetStore         *store;
  GtkWidget           *parent;
} ExportData;

static void
export_data_free (ExportData *data)
{
  g_clear_object (&data->document);
  g_clear_object (&data->store);
  g_clear_object (&data->parent);
  g_free (data);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ExportData, export_data_free)

static void
print_done_cb (GtkPrintOperation       *operation,
               GtkPrintOperationResult  result,
               GtkWidget               *parent)
{
  g_autoptr(GError) error = NULL;

  if (result == GTK_PRINT_OPERATION_RESULT_APPLY)
    g_set_object (&last_settings, gtk_print_operation_get_print_settings (operation));
  else if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      gtk_print_operation_get_error (operation, &error);
      signet_error_dialog_show (parent, _("The Document Was Not Printed"), error);
    }
}

/* Copies the PDF written to a private file into the stream that replaces
 * the file the user chose. */
static gboolean
copy_pdf (GOutputStream  *stream,
          gpointer        user_data,
          GCancellable   *cancellable,
          GError        **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (user_data);
  g_autoptr(GFileInputStream) input = g_file_read (file, cancellable, error);

  return input != NULL &&
         g_output_stream_splice (stream, G_INPUT_STREAM (input), G_OUTPUT_STREAM_SPLICE_CLOSE_SOURCE,
                                 cancellable, error) >= 0;
}

static gboolean
export_to_file (SignetPrintDocument  *document,
                SignetStore          *store,
                GFile                *file,
                GError              **error)
{
  g_autofree char *temporary = NULL;
  gboolean done;
  int fd;

  /* GTK writes the PDF itself, to a name; the file the user chose is
   * replaced only once it is whole. */
  fd = g_file_open_tmp ("signet-print-XXXXXX.pdf", &temporary, error);
  if (fd < 0)
    return FALSE;
  g_close (fd, NULL);

  done = signet_print_document_export_pdf (document, temporary, error) &&
         signet_file_replace (store, file, copy_pdf, temporary, NULL, error);
  g_unlink (temporary);

  return done;
}

static void
pdf_file_chosen_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(ExportData) data = user_data;
  g_autoptr(GFile) file = gtk_file_dialog_save_finish (GTK_FILE_DIALOG (source), result, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *message = NULL;

  if (file == NULL)
    return;

  if (!export_to_file (data->document, data->store, file, &error))
    {
      signet_error_dialog_show (data->parent, _("The PDF Was Not Written"), error);
      return;
    }

  name = g_file_get_basename (file);
  /* Translators: a toast once a document was exported, "Saved as HT-2026-0001.pdf". */
  message = g_strdup_printf (_("Saved as %s"), name);
  signet_toast_show (data->parent, adw_toast_new (message));
}

void
signet_print_show_dialog (SignetPrintDocument *document,
                          GtkWidget           *parent)
{
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GError) error = NULL;
  GtkRoot *root;

  g_return_if_fail (SIGNET_IS_PRINT_DOCUMENT (document));
  g_return_if_fail (GTK_IS_WIDGET (parent));

  root = gtk_widget_get_root (parent);
  operation = signet_print_document_create_operation (document);
  if (last_settings != NULL)
    gtk_print_operation_set_print_settings (operation, last_settings);
  gtk_print_operation_set_allow_async (operation, TRUE);
  /* A list of thousands of contracts takes a hundred pages. */
  gtk_print_operation_set_show_progress (operation, TRUE);
  /* The operation draws from the document until it is done. */
  g_object_set_data_full (G_OBJECT (operation), "signet-document", g_object_ref (document), g_object_unref);
  g_signal_connect_object (operation, "done", G_CALLBACK (print_done_cb), parent, 0);

  if (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                               GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, &error) ==
      GTK_PRINT_OPERATION_RESULT_ERROR)
    signet_error_dialog_show (parent, _("The Document Was Not Printed"), error);
}

void
signet_print_ask_export_pdf (SignetPrintDocument *document,
                             SignetStore         *store,
                             GtkWidget           *parent,
                             const char          *file_name)
{
  g_autoptr(GtkFileDialog) dialog = gtk_file_dialog_new ();
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autoptr(GListStore) filters = g_list_store_new (GTK_TYPE_FILE_FILTER);
  ExportData *data;
  GtkRoot *root;

  g_return_if_fail (SIGNET_IS_PRINT_DOCUMENT (document));
  g_return_if_fail (SIGNET_IS_STORE (store));
  g_return_if_fail (GTK_IS_WIDGET (parent));

  gtk_file_filter_set_name (filter, _("PDF Documents"));
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  gtk_file_filter_add_pattern (filter, "*.pdf");
  g_list_store_append (filters, filter);

  gtk_file_dialog_set_title (dialog, _("Export as PDF"));
  gtk_file_dialog_set_accept_label (dialog, _("_Export"));
  gtk_file_dialog_set_filters (dialog, G_LIST_MODEL (filters));
  gtk_file_dialog_set_default_filter (dialog, filter);
  gtk_file_dialog_set_initial_name (dialog, file_name);

  data = g_new0 (ExportData, 1);
  data->document = g_object_ref (document);
  data->store = g_object_ref (store);
  data->parent = g_object_ref (parent);
  root = gtk_widget_get_root (parent);
  gtk_file_dialog_save (dialog, GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, NULL, pdf_file_chosen_cb, data);
}
