/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "signet-export-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "signet-export-dialog.h"
#include "signet-xml.h"

/* Export to XML in a thread, with a progress bar and Cancel. The file is
 * written through a temporary one: a cancelled or failed export leaves the
 * chosen file as it was. */

#define SCOPE_CHOICE "scope"
#define SCOPE_ALL    "all"
#define SCOPE_LISTED "listed"

/* A check box in the file chooser (and the portal's). */
#define ATTACHMENTS_CHOICE "attachments"

struct _SignetExportDialog
{
  AdwWindow             parent_instance;

  GtkWidget            *cancel_button;
  GtkStack             *stack;
  GtkLabel             *progress_label;
  GtkProgressBar       *progress_bar;
  AdwStatusPage        *error_page;
  AdwStatusPage        *done_page;

  SignetStore          *store;
  char                 *search;
  guint                 n_listed;
  gboolean              listed_only;
  gboolean              with_attachments;
  GFile                *file;
  GtkFileChooserNative *chooser;
  GCancellable         *cancellable;
};

G_DEFINE_FINAL_TYPE (SignetExportDialog, signet_export_dialog, ADW_TYPE_WINDOW)

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
  gtk_stack_set_visible_child_name (self->stack, "progress");
  gtk_window_present (GTK_WINDOW (self));

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
chooser_responded_cb (SignetExportDialog   *self,
                      int                   response,
                      GtkFileChooserNative *chooser)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      const char *scope = gtk_file_chooser_get_choice (GTK_FILE_CHOOSER (chooser), SCOPE_CHOICE);
      const char *attachments = gtk_file_chooser_get_choice (GTK_FILE_CHOOSER (chooser), ATTACHMENTS_CHOICE);

      self->file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      self->listed_only = g_strcmp0 (scope, SCOPE_LISTED) == 0;
      set_with_attachments (self, g_strcmp0 (attachments, "true") == 0);
    }

  gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (chooser));
  g_clear_object (&self->chooser);

  if (self->file == NULL)
    {
      gtk_window_destroy (GTK_WINDOW (self));
      return;
    }

  start_export (self);
}

static void
cancel_button_clicked_cb (SignetExportDialog *self)
{
  gtk_window_close (GTK_WINDOW (self));
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

static gboolean
signet_export_dialog_close_request (GtkWindow *window)
{
  SignetExportDialog *self = SIGNET_EXPORT_DIALOG (window);

  g_cancellable_cancel (self->cancellable);

  return GTK_WINDOW_CLASS (signet_export_dialog_parent_class)->close_request (window);
}

static void
signet_export_dialog_dispose (GObject *object)
{
  SignetExportDialog *self = SIGNET_EXPORT_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
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
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = signet_export_dialog_dispose;
  object_class->finalize = signet_export_dialog_finalize;
  object_class->get_property = signet_export_dialog_get_property;
  object_class->set_property = signet_export_dialog_set_property;
  window_class->close_request = signet_export_dialog_close_request;

  /* Whether the export embeds the attached files (with their versions and
   * annotations): the chooser's check box, or set before
   * signet_export_dialog_export_file(). */
  properties[PROP_WITH_ATTACHMENTS] =
    g_param_spec_boolean ("with-attachments", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/signet-export-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, SignetExportDialog, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, SignetExportDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, SignetExportDialog, progress_label);
  gtk_widget_class_bind_template_child (widget_class, SignetExportDialog, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, SignetExportDialog, error_page);
  gtk_widget_class_bind_template_child (widget_class, SignetExportDialog, done_page);
  gtk_widget_class_bind_template_callback (widget_class, cancel_button_clicked_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
signet_export_dialog_init (SignetExportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

static GtkFileChooserNative *
create_chooser (SignetExportDialog *self,
                GtkWindow          *parent)
{
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Export Register"), parent, GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  /* Translators: the suggested file name of an export; keep the .xml. */
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), _("contracts.xml"));

  /* With a search, which contracts: a choice the portal shows too. */
  if (self->search != NULL && *self->search != '\0')
    {
      g_autofree char *listed = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                              "The %u contract listed",
                                                              "The %u contracts listed",
                                                              self->n_listed),
                                                 self->n_listed);
      const char *options[] = { SCOPE_LISTED, SCOPE_ALL, NULL };
      const char *labels[] = { listed, _("The whole register"), NULL };

      gtk_file_chooser_add_choice (GTK_FILE_CHOOSER (chooser), SCOPE_CHOICE, _("Export"),
                                   options, labels);
      gtk_file_chooser_set_choice (GTK_FILE_CHOOSER (chooser), SCOPE_CHOICE, SCOPE_LISTED);
    }

  /* Without options: a check box. Files make an export much larger, so
   * they are left out unless asked for. */
  gtk_file_chooser_add_choice (GTK_FILE_CHOOSER (chooser), ATTACHMENTS_CHOICE, _("Include attached files"),
                               NULL, NULL);
  gtk_file_chooser_set_choice (GTK_FILE_CHOOSER (chooser), ATTACHMENTS_CHOICE,
                               self->with_attachments ? "true" : "false");

  g_signal_connect_object (chooser, "response", G_CALLBACK (chooser_responded_cb), self, G_CONNECT_SWAPPED);

  return chooser;
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

  self = g_object_new (SIGNET_TYPE_EXPORT_DIALOG,
                       "transient-for", parent,
                       NULL);
  self->store = g_object_ref (store);
  self->search = g_strdup (search);
  self->n_listed = n_listed;

  return self;
}

void
signet_export_dialog_choose_file (SignetExportDialog *self)
{
  g_return_if_fail (SIGNET_IS_EXPORT_DIALOG (self));
  g_return_if_fail (self->chooser == NULL && self->file == NULL);

  self->chooser = create_chooser (self, gtk_window_get_transient_for (GTK_WINDOW (self)));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
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
  start_export (self);
}
