/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "signet-import-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "signet-import-dialog.h"
#include "signet-undo.h"
#include "signet-xml.h"

/* Import from XML in two passes: a dry run that says what would happen
 * (and asks what to do with records that differ), then, once confirmed,
 * the import. Both run in a thread with a progress bar; Cancel, or closing
 * the dialog, writes nothing. */

struct _SignetImportDialog
{
  AdwDialog             parent_instance;

  GtkWidget            *cancel_button;
  GtkWidget            *import_button;
  GtkStack             *stack;
  GtkLabel             *progress_label;
  GtkProgressBar       *progress_bar;
  GtkLabel             *summary_label;
  GtkWidget            *conflict_group;
  GtkCheckButton       *update_check;
  AdwStatusPage        *error_page;
  GtkWidget            *location_group;
  AdwActionRow         *line_row;
  AdwActionRow         *column_row;
  AdwActionRow         *value_row;
  AdwStatusPage        *done_page;

  /* The window the dialog and its file chooser show over. */
  GtkWindow            *parent;
  SignetStore          *store;
  GFile                *file;
  GCancellable         *cancellable;
};

G_DEFINE_FINAL_TYPE (SignetImportDialog, signet_import_dialog, ADW_TYPE_DIALOG)

static void start_import (SignetImportDialog *self,
                          gboolean            dry_run);

static void
show_progress (SignetImportDialog *self,
               const char         *message)
{
  gtk_label_set_text (self->progress_label, message);
  gtk_progress_bar_set_fraction (self->progress_bar, 0.0);
  gtk_widget_set_visible (self->import_button, FALSE);
  gtk_button_set_label (GTK_BUTTON (self->cancel_button), _("_Cancel"));
  gtk_stack_set_visible_child_name (self->stack, "progress");
}

static void
show_finished_page (SignetImportDialog *self,
                    const char         *page)
{
  gtk_widget_set_visible (self->import_button, FALSE);
  gtk_button_set_label (GTK_BUTTON (self->cancel_button), _("_Close"));
  gtk_stack_set_visible_child_name (self->stack, page);
}

static void
set_row_text (AdwActionRow *row,
              const char   *text)
{
  gtk_widget_set_visible (GTK_WIDGET (row), text != NULL);
  if (text != NULL)
    adw_action_row_set_subtitle (row, text);
}

static void
show_error (SignetImportDialog *self,
            const GError       *error)
{
  g_autofree char *description = g_markup_escape_text (error->message, -1);
  g_autofree char *line = NULL;
  g_autofree char *column = NULL;
  const char *value = NULL;

  if (error->domain == SIGNET_XML_ERROR)
    {
      if (signet_xml_error_get_line (error) > 0)
        line = g_strdup_printf ("%u", signet_xml_error_get_line (error));
      if (signet_xml_error_get_column (error) > 0)
        column = g_strdup_printf ("%u", signet_xml_error_get_column (error));
      value = signet_xml_error_get_value (error);
      if (value != NULL && *value == '\0')
        value = NULL;
    }

  adw_status_page_set_description (self->error_page, description);
  set_row_text (self->line_row, line);
  set_row_text (self->column_row, column);
  set_row_text (self->value_row, value);
  gtk_widget_set_visible (self->location_group, line != NULL || value != NULL);
  show_finished_page (self, "error");
}

/* The dry run's numbers, in sentences; what happens to the records that
 * differ is the user's choice below them. */
static char *
describe_dry_run (const SignetImportReport *report)
{
  g_autoptr(GString) text = g_string_new (NULL);
  guint unchanged = report->clients_unchanged + report->contracts_unchanged;

  g_string_append_printf (text,
                          g_dngettext (GETTEXT_PACKAGE, "%u new contract", "%u new contracts",
                                       report->contracts_added),
                          report->contracts_added);
  g_string_append (text, _(", "));
  g_string_append_printf (text,
                          g_dngettext (GETTEXT_PACKAGE, "%u new client.", "%u new clients.",
                                       report->clients_added),
                          report->clients_added);

  if (unchanged > 0)
    {
      g_string_append_c (text, '\n');
      g_string_append_printf (text,
                              g_dngettext (GETTEXT_PACKAGE,
                                           "%u record is already in the register as it is in the file.",
                                           "%u records are already in the register as they are in the file.",
                                           unchanged),
                              unchanged);
    }

  if (report->n_conflicts > 0)
    {
      g_autofree char *names = signet_import_report_list_conflicts (report);

      g_string_append_c (text, '\n');
      g_string_append_printf (text,
                              g_dngettext (GETTEXT_PACKAGE,
                                           "%u record is in the register with other details: %s.",
                                           "%u records are in the register with other details: %s.",
                                           report->n_conflicts),
                              report->n_conflicts, names);
    }

  if (report->attachments_added > 0)
    {
      g_string_append_c (text, '\n');
      g_string_append_printf (text,
                              g_dngettext (GETTEXT_PACKAGE,
                                           "%u attached file will be added.",
                                           "%u attached files will be added.",
                                           report->attachments_added),
                              report->attachments_added);
    }

  if (report->attachments_skipped > 0)
    {
      g_string_append_c (text, '\n');
      g_string_append_printf (text,
                              g_dngettext (GETTEXT_PACKAGE,
                                           "%u attached file is left out: its contract already has it or is skipped.",
                                           "%u attached files are left out: their contracts already have them or are skipped.",
                                           report->attachments_skipped),
                              report->attachments_skipped);
    }

  if (report->annotations_added > 0)
    {
      g_string_append_c (text, '\n');
      g_string_append_printf (text,
                              g_dngettext (GETTEXT_PACKAGE,
                                           "%u annotation will be added.",
                                           "%u annotations will be added.",
                                           report->annotations_added),
                              report->annotations_added);
    }

  if (report->key_dates_added + report->reviews_added > 0)
    {
      g_string_append_c (text, '\n');
      g_string_append_printf (text,
                              g_dngettext (GETTEXT_PACKAGE,
                                           "%u key date or review will be added.",
                                           "%u key dates and reviews will be added.",
                                           report->key_dates_added + report->reviews_added),
                              report->key_dates_added + report->reviews_added);
    }

  if (report->reminders_changed > 0)
    {
      g_string_append_c (text, '\n');
      g_string_append_printf (text,
                              g_dngettext (GETTEXT_PACKAGE,
                                           "The reminder settings of %u contract will change.",
                                           "The reminder settings of %u contracts will change.",
                                           report->reminders_changed),
                              report->reminders_changed);
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
show_summary (SignetImportDialog       *self,
              const SignetImportReport *report)
{
  g_autofree char *summary = describe_dry_run (report);
  guint n_new = report->clients_added + report->contracts_added + report->attachments_added +
                report->annotations_added + report->key_dates_added + report->reviews_added +
                report->reminders_changed;

  gtk_label_set_text (self->summary_label, summary);
  gtk_widget_set_visible (self->conflict_group, report->n_conflicts > 0);
  gtk_widget_set_visible (self->import_button, TRUE);
  /* Nothing to write, unless the user may choose to take the file's details. */
  gtk_widget_set_sensitive (self->import_button, n_new > 0 || report->n_conflicts > 0);
  gtk_stack_set_visible_child_name (self->stack, "summary");
  adw_dialog_set_default_widget (ADW_DIALOG (self), self->import_button);
}

static void
show_done (SignetImportDialog       *self,
           const SignetImportReport *report)
{
  g_autofree char *text = signet_import_report_describe (report);
  g_autofree char *description = g_markup_escape_text (text, -1);

  adw_status_page_set_description (self->done_page, description);
  show_finished_page (self, "done");
}

static void
progress_cb (double   fraction,
             gpointer user_data)
{
  SignetImportDialog *self = user_data;

  gtk_progress_bar_set_fraction (self->progress_bar, fraction);
}

static void
import_finished_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(SignetImportDialog) self = user_data;
  g_autoptr(SignetImportReport) report = NULL;
  g_autoptr(GError) error = NULL;

  report = signet_xml_import_finish (SIGNET_STORE (source), result, &error);
  g_clear_object (&self->cancellable);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (report == NULL)
    show_error (self, error);
  else if (report->dry_run)
    show_summary (self, report);
  else
    {
      /* The import writes through a connection of its own, which the
       * window's Undo does not count: it is the user's next change all
       * the same, after which a deletion before it is not undone. */
      signet_undo_forget (signet_undo_get (GTK_WIDGET (self)));
      show_done (self, report);
    }
}

static void
start_import (SignetImportDialog *self,
              gboolean            dry_run)
{
  g_autofree char *name = g_file_get_basename (self->file);
  g_autofree char *message = NULL;
  SignetImportOptions options = { SIGNET_CONFLICT_SKIP, dry_run };

  if (gtk_check_button_get_active (self->update_check))
    options.on_conflict = SIGNET_CONFLICT_UPDATE;

  /* Translators: %s is a file name. */
  message = g_strdup_printf (dry_run ? _("Checking “%s”…") : _("Importing “%s”…"), name);
  show_progress (self, message);

  self->cancellable = g_cancellable_new ();
  signet_xml_import_async (self->store, self->file, &options, self->cancellable,
                           progress_cb, g_object_ref (self), g_object_unref,
                           import_finished_cb, g_object_ref (self));
}

/* The dialog shows once a file is chosen; without one it goes unseen. */
static void
file_chosen_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(SignetImportDialog) self = user_data;

  self->file = gtk_file_dialog_open_finish (GTK_FILE_DIALOG (source), result, NULL);
  if (self->file == NULL)
    return;

  adw_dialog_present (ADW_DIALOG (self), GTK_WIDGET (self->parent));
  start_import (self, TRUE);
}

static void
cancel_button_clicked_cb (SignetImportDialog *self)
{
  adw_dialog_close (ADW_DIALOG (self));
}

static void
import_button_clicked_cb (SignetImportDialog *self)
{
  start_import (self, FALSE);
}

static void
signet_import_dialog_closed (AdwDialog *dialog)
{
  SignetImportDialog *self = SIGNET_IMPORT_DIALOG (dialog);

  /* A running import rolls back: closing never leaves half a file
   * imported. The import keeps the dialog until it has. */
  g_cancellable_cancel (self->cancellable);

  ADW_DIALOG_CLASS (signet_import_dialog_parent_class)->closed (dialog);
}

static void
signet_import_dialog_dispose (GObject *object)
{
  SignetImportDialog *self = SIGNET_IMPORT_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_weak_pointer (&self->parent);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->file);
  g_clear_object (&self->store);

  gtk_widget_dispose_template (GTK_WIDGET (self), SIGNET_TYPE_IMPORT_DIALOG);

  G_OBJECT_CLASS (signet_import_dialog_parent_class)->dispose (object);
}

static void
signet_import_dialog_class_init (SignetImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  AdwDialogClass *dialog_class = ADW_DIALOG_CLASS (klass);

  object_class->dispose = signet_import_dialog_dispose;
  dialog_class->closed = signet_import_dialog_closed;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/signet-import-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, SignetImportDialog, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, SignetImportDialog, import_button);
  gtk_widget_class_bind_template_child (widget_class, SignetImportDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, SignetImportDialog, progress_label);
  gtk_widget_class_bind_template_child (widget_class, SignetImportDialog, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, SignetImportDialog, summary_label);
  gtk_widget_class_bind_template_child (widget_class, SignetImportDialog, conflict_group);
  gtk_widget_class_bind_template_child (widget_class, SignetImportDialog, update_check);
  gtk_widget_class_bind_template_child (widget_class, SignetImportDialog, error_page);
  gtk_widget_class_bind_template_child (widget_class, SignetImportDialog, location_group);
  gtk_widget_class_bind_template_child (widget_class, SignetImportDialog, line_row);
  gtk_widget_class_bind_template_child (widget_class, SignetImportDialog, column_row);
  gtk_widget_class_bind_template_child (widget_class, SignetImportDialog, value_row);
  gtk_widget_class_bind_template_child (widget_class, SignetImportDialog, done_page);
  gtk_widget_class_bind_template_callback (widget_class, cancel_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, import_button_clicked_cb);
}

static void
signet_import_dialog_init (SignetImportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

SignetImportDialog *
signet_import_dialog_new (GtkWindow   *parent,
                          SignetStore *store)
{
  SignetImportDialog *self;

  g_return_val_if_fail (GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (SIGNET_IS_STORE (store), NULL);

  self = g_object_new (SIGNET_TYPE_IMPORT_DIALOG, NULL);
  g_set_weak_pointer (&self->parent, parent);
  self->store = g_object_ref (store);

  return self;
}

void
signet_import_dialog_choose_file (SignetImportDialog *self)
{
  g_autoptr(GtkFileDialog) dialog = gtk_file_dialog_new ();
  g_autoptr(GtkFileFilter) registers = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all_files = gtk_file_filter_new ();
  g_autoptr(GListStore) filters = g_list_store_new (GTK_TYPE_FILE_FILTER);

  g_return_if_fail (SIGNET_IS_IMPORT_DIALOG (self));
  g_return_if_fail (self->file == NULL);

  gtk_file_filter_set_name (registers, _("XML Files"));
  gtk_file_filter_add_mime_type (registers, "application/xml");
  gtk_file_filter_add_mime_type (registers, "text/xml");
  gtk_file_filter_add_suffix (registers, "xml");
  gtk_file_filter_set_name (all_files, _("All Files"));
  gtk_file_filter_add_pattern (all_files, "*");
  g_list_store_append (filters, registers);
  g_list_store_append (filters, all_files);

  gtk_file_dialog_set_title (dialog, _("Import Register"));
  gtk_file_dialog_set_accept_label (dialog, _("_Import"));
  gtk_file_dialog_set_filters (dialog, G_LIST_MODEL (filters));
  gtk_file_dialog_set_default_filter (dialog, registers);
  /* Held until the file is chosen: nothing else holds the dialog yet. */
  gtk_file_dialog_open (dialog, self->parent, NULL, file_chosen_cb, g_object_ref_sink (self));
}

void
signet_import_dialog_import_file (SignetImportDialog *self,
                                  GFile              *file)
{
  g_return_if_fail (SIGNET_IS_IMPORT_DIALOG (self));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (self->file == NULL);

  self->file = g_object_ref (file);
  adw_dialog_present (ADW_DIALOG (self), GTK_WIDGET (self->parent));
  start_import (self, TRUE);
}
