/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "signet-xlsx-export-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "signet-contract-list.h"
#include "signet-error-dialog.h"
#include "signet-store-events.h"
#include "signet-xlsx-export-dialog.h"
#include "signet-xlsx-export.h"

/* The Excel export in a thread, with a progress bar and Cancel. The
 * dialog asks which contracts (the current view or the whole register),
 * then for the file; once the workbook is written it goes, and a toast on
 * the window offers to open it. The file is written through a temporary
 * one: a cancelled or failed export leaves the chosen file as it was. */

struct _SignetXlsxExportDialog
{
  AdwDialog        parent_instance;

  GtkWidget       *cancel_button;
  GtkWidget       *export_button;
  GtkStack        *stack;
  AdwActionRow    *view_row;
  AdwActionRow    *all_row;
  GtkCheckButton  *view_check;
  GtkLabel        *progress_label;
  GtkProgressBar  *progress_bar;
  AdwStatusPage   *error_page;

  /* The window the dialog and its file chooser show over. */
  GtkWindow       *parent;
  AdwToastOverlay *toasts;
  SignetStore     *store;
  SignetContractList *view;
  GFile           *file;
  guint            n_contracts;
  /* While the file chooser is open. */
  GCancellable    *choosing;
  GCancellable    *cancellable;
};

G_DEFINE_FINAL_TYPE (SignetXlsxExportDialog, signet_xlsx_export_dialog, ADW_TYPE_DIALOG)

static void
progress_cb (double   fraction,
             gpointer user_data)
{
  SignetXlsxExportDialog *self = user_data;

  gtk_progress_bar_set_fraction (self->progress_bar, fraction);
}

static void
file_launched_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GtkWidget) widget = user_data;
  g_autoptr(GError) error = NULL;

  if (!gtk_file_launcher_launch_finish (GTK_FILE_LAUNCHER (source), result, &error) &&
      !g_error_matches (error, GTK_DIALOG_ERROR, GTK_DIALOG_ERROR_DISMISSED))
    signet_error_dialog_show (widget, _("The Workbook Could Not Be Opened"), error);
}

static void
open_button_clicked_cb (AdwToast *toast,
                        GFile    *file)
{
  GtkWidget *overlay = g_object_get_data (G_OBJECT (toast), "signet-overlay");
  g_autoptr(GtkFileLauncher) launcher = gtk_file_launcher_new (file);
  GtkRoot *root = overlay != NULL ? gtk_widget_get_root (overlay) : NULL;

  gtk_file_launcher_launch (launcher, GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, NULL,
                            file_launched_cb, overlay != NULL ? g_object_ref (overlay) : NULL);
}

static void
show_done_toast (SignetXlsxExportDialog *self)
{
  g_autofree char *name = g_file_get_basename (self->file);
  g_autofree char *title = NULL;
  AdwToast *toast;

  if (self->toasts == NULL)
    return;

  /* Translators: %u is a number of contracts, %s a file name. */
  title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                        "%u contract exported to “%s”",
                                        "%u contracts exported to “%s”",
                                        self->n_contracts),
                           self->n_contracts, name);
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Open"));
  adw_toast_set_use_markup (toast, FALSE);
  adw_toast_set_timeout (toast, 10);
  g_object_set_data_full (G_OBJECT (toast), "signet-overlay", g_object_ref (self->toasts), g_object_unref);
  g_signal_connect_data (toast, "button-clicked", G_CALLBACK (open_button_clicked_cb),
                         g_object_ref (self->file), (GClosureNotify) (void (*) (void)) g_object_unref, 0);
  adw_toast_overlay_add_toast (self->toasts, toast);
}

static void
export_finished_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(SignetXlsxExportDialog) self = user_data;
  g_autoptr(GError) error = NULL;

  g_clear_object (&self->cancellable);

  if (!signet_xlsx_export_finish (SIGNET_STORE (source), result, &error))
    {
      g_autofree char *description = NULL;

      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;

      description = g_markup_escape_text (error->message, -1);
      adw_status_page_set_description (self->error_page, description);
      gtk_button_set_label (GTK_BUTTON (self->cancel_button), _("_Close"));
      gtk_stack_set_visible_child (self->stack, GTK_WIDGET (self->error_page));
      return;
    }

  show_done_toast (self);
  adw_dialog_force_close (ADW_DIALOG (self));
}

static void
start_export (SignetXlsxExportDialog *self,
              gboolean                view_only)
{
  g_autofree char *name = g_file_get_basename (self->file);
  g_autofree char *message = NULL;
  /* What the list shows, described rather than listed: the thread selects
   * the same ids on its own connection, and the window never waits for
   * 100,000 of them. */
  SignetXlsxView view = {
    signet_contract_list_get_search (self->view),
    signet_contract_list_get_query (self->view),
    signet_contract_list_get_sort_key (self->view),
    signet_contract_list_get_descending (self->view),
  };

  self->n_contracts = view_only ? g_list_model_get_n_items (G_LIST_MODEL (self->view))
                                : signet_store_count_contracts (self->store);

  /* Translators: %s is a file name. */
  message = g_strdup_printf (_("Exporting to “%s”…"), name);
  gtk_label_set_text (self->progress_label, message);
  gtk_progress_bar_set_fraction (self->progress_bar, 0.0);
  gtk_widget_set_visible (self->export_button, FALSE);
  gtk_stack_set_visible_child_name (self->stack, "progress");

  self->cancellable = g_cancellable_new ();
  signet_xlsx_export_async (self->store, self->file, view_only ? &view : NULL, self->cancellable,
                            progress_cb, g_object_ref (self), g_object_unref,
                            export_finished_cb, g_object_ref (self));
}

static void
file_chosen_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(SignetXlsxExportDialog) self = user_data;
  g_autoptr(GFile) file = gtk_file_dialog_save_finish (GTK_FILE_DIALOG (source), result, NULL);

  g_clear_object (&self->choosing);

  /* Dismissed: the choice stays, to export elsewhere or cancel. */
  if (file == NULL)
    return;

  self->file = g_steal_pointer (&file);
  start_export (self, gtk_check_button_get_active (self->view_check));
}

static void
export_button_clicked_cb (SignetXlsxExportDialog *self)
{
  g_autoptr(GtkFileDialog) dialog = gtk_file_dialog_new ();
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autoptr(GListStore) filters = g_list_store_new (GTK_TYPE_FILE_FILTER);
  g_autofree char *today = signet_store_dup_today (self->store);
  g_autofree char *name = NULL;

  if (self->choosing != NULL)
    return;

  gtk_file_filter_set_name (filter, _("Excel Workbooks"));
  gtk_file_filter_add_mime_type (filter, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  gtk_file_filter_add_suffix (filter, "xlsx");
  g_list_store_append (filters, filter);
  gtk_file_dialog_set_filters (dialog, G_LIST_MODEL (filters));
  gtk_file_dialog_set_default_filter (dialog, filter);

  gtk_file_dialog_set_title (dialog, _("Export as Excel"));
  gtk_file_dialog_set_accept_label (dialog, _("_Export"));
  /* Translators: the suggested name of an Excel export; %s is today's date
   * (YYYY-MM-DD). Keep the .xlsx. */
  name = g_strdup_printf (_("Contracts %s.xlsx"), today);
  gtk_file_dialog_set_initial_name (dialog, name);
  self->choosing = g_cancellable_new ();
  gtk_file_dialog_save (dialog, GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), self->choosing,
                        file_chosen_cb, g_object_ref (self));
}

static void
cancel_button_clicked_cb (SignetXlsxExportDialog *self)
{
  adw_dialog_close (ADW_DIALOG (self));
}

static void
signet_xlsx_export_dialog_closed (AdwDialog *dialog)
{
  SignetXlsxExportDialog *self = SIGNET_XLSX_EXPORT_DIALOG (dialog);

  g_cancellable_cancel (self->choosing);
  g_cancellable_cancel (self->cancellable);

  ADW_DIALOG_CLASS (signet_xlsx_export_dialog_parent_class)->closed (dialog);
}

static void
signet_xlsx_export_dialog_dispose (GObject *object)
{
  SignetXlsxExportDialog *self = SIGNET_XLSX_EXPORT_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_weak_pointer (&self->parent);
  g_clear_weak_pointer (&self->toasts);
  g_clear_object (&self->choosing);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->file);
  g_clear_object (&self->view);
  g_clear_object (&self->store);

  gtk_widget_dispose_template (GTK_WIDGET (self), SIGNET_TYPE_XLSX_EXPORT_DIALOG);

  G_OBJECT_CLASS (signet_xlsx_export_dialog_parent_class)->dispose (object);
}

static void
signet_xlsx_export_dialog_class_init (SignetXlsxExportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  AdwDialogClass *dialog_class = ADW_DIALOG_CLASS (klass);

  object_class->dispose = signet_xlsx_export_dialog_dispose;
  dialog_class->closed = signet_xlsx_export_dialog_closed;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/signet-xlsx-export-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, SignetXlsxExportDialog, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, SignetXlsxExportDialog, export_button);
  gtk_widget_class_bind_template_child (widget_class, SignetXlsxExportDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, SignetXlsxExportDialog, view_row);
  gtk_widget_class_bind_template_child (widget_class, SignetXlsxExportDialog, all_row);
  gtk_widget_class_bind_template_child (widget_class, SignetXlsxExportDialog, view_check);
  gtk_widget_class_bind_template_child (widget_class, SignetXlsxExportDialog, progress_label);
  gtk_widget_class_bind_template_child (widget_class, SignetXlsxExportDialog, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, SignetXlsxExportDialog, error_page);
  gtk_widget_class_bind_template_callback (widget_class, cancel_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, export_button_clicked_cb);
}

static void
signet_xlsx_export_dialog_init (SignetXlsxExportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

SignetXlsxExportDialog *
signet_xlsx_export_dialog_new (GtkWindow          *parent,
                               SignetStore        *store,
                               SignetContractList *view,
                               AdwToastOverlay    *toasts)
{
  SignetXlsxExportDialog *self;
  g_autofree char *in_view = NULL;
  g_autofree char *all = NULL;
  guint n_view;
  guint n_all;

  g_return_val_if_fail (GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (SIGNET_IS_STORE (store), NULL);
  g_return_val_if_fail (SIGNET_IS_CONTRACT_LIST (view), NULL);
  g_return_val_if_fail (toasts == NULL || ADW_IS_TOAST_OVERLAY (toasts), NULL);

  self = g_object_new (SIGNET_TYPE_XLSX_EXPORT_DIALOG, NULL);
  g_set_weak_pointer (&self->parent, parent);
  g_set_weak_pointer (&self->toasts, toasts);
  self->store = g_object_ref (store);
  self->view = g_object_ref (view);

  n_view = g_list_model_get_n_items (G_LIST_MODEL (view));
  n_all = signet_store_count_contracts (store);
  in_view = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "The %u contract in the current view",
                                          "The %u contracts in the current view",
                                          n_view),
                             n_view);
  all = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                      "The whole register, %u contract",
                                      "The whole register, %u contracts",
                                      n_all),
                         n_all);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->view_row), in_view);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->all_row), all);

  return self;
}

void
signet_xlsx_export_dialog_choose_file (SignetXlsxExportDialog *self)
{
  g_return_if_fail (SIGNET_IS_XLSX_EXPORT_DIALOG (self));
  g_return_if_fail (self->file == NULL);

  adw_dialog_set_default_widget (ADW_DIALOG (self), self->export_button);
  adw_dialog_present (ADW_DIALOG (self), GTK_WIDGET (self->parent));
}

void
signet_xlsx_export_dialog_export_file (SignetXlsxExportDialog *self,
                                       GFile                  *file,
                                       gboolean                view_only)
{
  g_return_if_fail (SIGNET_IS_XLSX_EXPORT_DIALOG (self));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (self->file == NULL);

  self->file = g_object_ref (file);
  adw_dialog_present (ADW_DIALOG (self), GTK_WIDGET (self->parent));
  start_export (self, view_only);
}
