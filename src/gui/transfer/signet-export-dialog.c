/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "signet-export-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "signet-export-dialog.h"
#include "signet-xml.h"

/* Export to XML in a thread, with a progress bar and Cancel. First the
 * dialog asks which contracts (with a search: those listed or all) and
 * whether with their attached files, then for the file. The file is
 * written through a temporary one: a cancelled or failed export leaves the
 * chosen file as it was. */

struct _SignetExportDialog
{
  AdwDialog             parent_instance;

  GtkWidget            *cancel_button;
  GtkWidget            *export_button;
  GtkStack             *stack;
  GtkWidget            *scope_group;
  AdwActionRow         *listed_row;
  GtkCheckButton       *listed_check;
  AdwSwitchRow         *attachments_row;
  GtkLabel             *progress_label;
  GtkProgressBar       *progress_bar;
  AdwStatusPage        *error_page;
  AdwStatusPage        *done_page;

  /* The window the dialog and its file chooser show over. */
  GtkWindow            *parent;
  SignetStore          *store;
  char                 *search;
  guint                 n_listed;
  gboolean              listed_only;
  gboolean              with_attachments;
  GFile                *file;
  /* While the file chooser is open. */
  GCancellable         *choosing;
  GCancellable         *cancellable;
};

G_DEFINE_FINAL_TYPE (SignetExportDialog, signet_export_dialog, ADW_TYPE_DIALOG)

enum {
  PROP_0,
  PROP_WITH_ATTACHMENTS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
show_finished_page (SignetExportDialog *self,
                    AdwStatusPage      *page,
                    const char         *text)
{
  g_autofree char *description = g_markup_escape_text (text, -1);

  adw_status_page_set_description (page, description);
  gtk_button_set_label (GTK_BUTTON (self->cancel_button), _("_Close"));
  gtk_widget_set_visible (self->export_button, FALSE);
  gtk_stack_set_visible_child (self->stack, GTK_WIDGET (page));
}

static void
progress_cb (double   fraction,
             gpointer user_data)
{
  SignetExportDialog *self = user_data;

  gtk_progress_bar_set_fraction (self->progress_bar, fraction);
}

static void
export_finished_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(SignetExportDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *text = NULL;
  guint n_contracts;

  if (!signet_xml_export_finish (SIGNET_STORE (source), result, &error))
    {
      g_clear_object (&self->cancellable);
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_finished_page (self, self->error_page, error->message);
      return;
    }

  g_clear_object (&self->cancellable);
  name = g_file_get_basename (self->file);
  n_contracts = self->listed_only ? self->n_listed : signet_store_count_contracts (self->store);
  if (self->with_attachments)
    /* Translators: %u is a number of contracts, %s a file name. */
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "%u contract, its client and its attached files were written to “%s”.",
                                         "%u contracts, their clients and their attached files were written to “%s”.",
                                         n_contracts),
                            n_contracts, name);
  else
    /* Translators: %u is a number of contracts, %s a file name. */
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "%u contract and its client were written to “%s”.",
                                         "%u contracts and their clients were written to “%s”.",
                                         n_contracts),
                            n_contracts, name);
  show_finished_page (self, self->done_page, text);
}

static void
start_export (SignetExportDialog *self)
{
  g_autofree char *name = g_file_get_basename (self->file);
  g_autofree char *message = NULL;

  /* Translators: %s is a file name. */
  message = g_strdup_printf (_("Exporting to “%s”…"), name);
  gtk_label_set_text (self->progress_label, message);
  gtk_progress_bar_set_fraction (self->progress_bar, 0.0);
  gtk_widget_set_visible (self->export_button, FALSE);
  gtk_stack_set_visible_child_name (self->stack, "progress");

  self->cancellable = g_cancellable_new ();
  signet_xml_export_async (self->store, self->file, self->listed_only ? self->search : NULL,
                           self->with_attachments ? SIGNET_EXPORT_WITH_ATTACHMENTS : SIGNET_EXPORT_FLAGS_NONE,
                           self->cancellable, progress_cb, g_object_ref (self), g_object_unref,
                           export_finished_cb, g_object_ref (self));
}

static void
set_with_attachments (SignetExportDialog *self,
                      gboolean            with_attachments)
{
  with_attachments = !!with_attachments;
  if (self->with_attachments == with_attachments)
    return;

  self->with_attachments = with_attachments;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WITH_ATTACHMENTS]);
}

static void
file_chosen_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(SignetExportDialog) self = user_data;
  g_autoptr(GFile) file = gtk_file_dialog_save_finish (GTK_FILE_DIALOG (source), result, NULL);

  g_clear_object (&self->choosing);

  /* Dismissed: the choices stay, to export elsewhere or cancel. */
  if (file == NULL)
    return;

  self->file = g_steal_pointer (&file);
  self->listed_only = gtk_widget_get_visible (self->scope_group) &&
                      gtk_check_button_get_active (self->listed_check);
  start_export (self);
}

static void
export_button_clicked_cb (SignetExportDialog *self)
{
  g_autoptr(GtkFileDialog) dialog = gtk_file_dialog_new ();
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autoptr(GListStore) filters = g_list_store_new (GTK_TYPE_FILE_FILTER);

  if (self->choosing != NULL)
    return;

  /* Named, as the chooser lists it by name beside the file name. */
  gtk_file_filter_set_name (filter, _("XML Files"));
  gtk_file_filter_add_mime_type (filter, "application/xml");
  gtk_file_filter_add_mime_type (filter, "text/xml");
  gtk_file_filter_add_suffix (filter, "xml");
  g_list_store_append (filters, filter);
  gtk_file_dialog_set_filters (dialog, G_LIST_MODEL (filters));
  gtk_file_dialog_set_default_filter (dialog, filter);

  gtk_file_dialog_set_title (dialog, _("Export Register"));
  gtk_file_dialog_set_accept_label (dialog, _("_Export"));
  /* Translators: the suggested file name of an export; keep the .xml. */
  gtk_file_dialog_set_initial_name (dialog, _("contracts.xml"));
  self->choosing = g_cancellable_new ();
  gtk_file_dialog_save (dialog, GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), self->choosing,
                        file_chosen_cb, g_object_ref (self));
}

static void
cancel_button_clicked_cb (SignetExportDialog *self)
{
  adw_dialog_close (ADW_DIALOG (self));
}

static void
signet_export_dialog_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  SignetExportDialog *self = SIGNET_EXPORT_DIALOG (object);

  switch (prop_id)
    {
    case PROP_WITH_ATTACHMENTS:
      g_value_set_boolean (value, self->with_attachments);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
signet_export_dialog_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  SignetExportDialog *self = SIGNET_EXPORT_DIALOG (object);

  switch (prop_id)
    {
    case PROP_WITH_ATTACHMENTS:
      set_with_attachments (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
signet_export_dialog_closed (AdwDialog *dialog)
{
  SignetExportDialog *self = SIGNET_EXPORT_DIALOG (dialog);

  g_cancellable_cancel (self->choosing);
  g_cancellable_cancel (self->cancellable);

  ADW_DIALOG_CLASS (signet_export_dialog_parent_class)->closed (dialog);
}

static void
signet_export_dialog_dispose (GObject *object)
{
  SignetExportDialog *self = SIGNET_EXPORT_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_weak_pointer (&self->parent);
  g_clear_object (&self->choosing);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->file);
  g_clear_object (&self->store);

  gtk_widget_dispose_template (GTK_WIDGET (self), SIGNET_TYPE_EXPORT_DIALOG);

  G_OBJECT_CLASS (signet_export_dialog_parent_class)->dispose (object);
}

static void
signet_export_dialog_finalize (GObject *object)
{
  SignetExportDialog *self = SIGNET_EXPORT_DIALOG (object);

  g_clear_pointer (&self->search, g_free);

  G_OBJECT_CLASS (signet_export_dialog_parent_class)->finalize (object);
}

static void
signet_export_dialog_class_init (SignetExportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  AdwDialogClass *dialog_class = ADW_DIALOG_CLASS (klass);

  object_class->dispose = signet_export_dialog_dispose;
  object_class->finalize = signet_export_dialog_finalize;
  object_class->get_property = signet_export_dialog_get_property;
  object_class->set_property = signet_export_dialog_set_property;
  dialog_class->closed = signet_export_dialog_closed;

  /* Whether the export embeds the attached files (with their versions and
   * annotations): the dialog's switch, or set before
   * signet_export_dialog_export_file(). */
  properties[PROP_WITH_ATTACHMENTS] =
    g_param_spec_boolean ("with-attachments", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/signet-export-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, SignetExportDialog, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, SignetExportDialog, export_button);
  gtk_widget_class_bind_template_child (widget_class, SignetExportDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, SignetExportDialog, scope_group);
  gtk_widget_class_bind_template_child (widget_class, SignetExportDialog, listed_row);
  gtk_widget_class_bind_template_child (widget_class, SignetExportDialog, listed_check);
  gtk_widget_class_bind_template_child (widget_class, SignetExportDialog, attachments_row);
  gtk_widget_class_bind_template_child (widget_class, SignetExportDialog, progress_label);
  gtk_widget_class_bind_template_child (widget_class, SignetExportDialog, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, SignetExportDialog, error_page);
  gtk_widget_class_bind_template_child (widget_class, SignetExportDialog, done_page);
  gtk_widget_class_bind_template_callback (widget_class, cancel_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, export_button_clicked_cb);
}

static void
signet_export_dialog_init (SignetExportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  /* Files make an export much larger: left out unless asked for. */
  g_object_bind_property (self, "with-attachments", self->attachments_row, "active",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
}

SignetExportDialog *
signet_export_dialog_new (GtkWindow   *parent,
                          SignetStore *store,
                          const char  *search,
                          guint        n_listed)
{
  SignetExportDialog *self;

  g_return_val_if_fail (GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (SIGNET_IS_STORE (store), NULL);

  self = g_object_new (SIGNET_TYPE_EXPORT_DIALOG, NULL);
  g_set_weak_pointer (&self->parent, parent);
  self->store = g_object_ref (store);
  self->search = g_strdup (search);
  self->n_listed = n_listed;

  return self;
}

void
signet_export_dialog_choose_file (SignetExportDialog *self)
{
  g_return_if_fail (SIGNET_IS_EXPORT_DIALOG (self));
  g_return_if_fail (self->file == NULL);

  /* With a search, which contracts: those it lists, or all. */
  if (self->search != NULL && *self->search != '\0')
    {
      g_autofree char *listed = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                              "The %u contract listed",
                                                              "The %u contracts listed",
                                                              self->n_listed),
                                                 self->n_listed);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->listed_row), listed);
      gtk_widget_set_visible (self->scope_group, TRUE);
    }

  adw_dialog_set_default_widget (ADW_DIALOG (self), self->export_button);
  adw_dialog_present (ADW_DIALOG (self), GTK_WIDGET (self->parent));
}

void
signet_export_dialog_export_file (SignetExportDialog *self,
                                  GFile              *file,
                                  gboolean            listed_only)
{
  g_return_if_fail (SIGNET_IS_EXPORT_DIALOG (self));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (self->file == NULL);

  self->file = g_object_ref (file);
  self->listed_only = listed_only && self->search != NULL && *self->search != '\0';
  adw_dialog_present (ADW_DIALOG (self), GTK_WIDGET (self->parent));
  start_export (self);
}
