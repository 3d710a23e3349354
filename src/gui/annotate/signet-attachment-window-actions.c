/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "signet-attachment-window"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "signet-attachment-window-private.h"
#include "signet-error-dialog.h"
#include "signet-store-team.h"
#include "signet-undo.h"
#include "signet-pdf-annotated-copy.h"

/* The attachment window's "annot." and "attachment." actions and their
 * shortcuts: the annotation tools, Export Annotated Copy and Save
 * Original As. */

static const char * const markup_actions[] = { "annot.highlight", "annot.underline", "annot.strike-out" };

static void
mark_selection (SignetAttachmentWindow *self,
                SignetAnnotationKind    kind)
{
  g_autoptr(GPtrArray) made = NULL;

  if (signet_attachment_window_has_document (self))
    made = signet_annotation_layer_mark_selection (self->layer, kind);
}

static void
highlight_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  mark_selection (SIGNET_ATTACHMENT_WINDOW (widget), SIGNET_ANNOTATION_KIND_HIGHLIGHT);
}

static void
underline_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  mark_selection (SIGNET_ATTACHMENT_WINDOW (widget), SIGNET_ANNOTATION_KIND_UNDERLINE);
}

static void
strike_out_activated (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  mark_selection (SIGNET_ATTACHMENT_WINDOW (widget), SIGNET_ANNOTATION_KIND_STRIKEOUT);
}

/* "note" or "rectangle": takes up the tool, or puts it down when it is
 * the one in hand. */
static void
tool_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  SignetAttachmentWindow *self = SIGNET_ATTACHMENT_WINDOW (widget);
  const char *name = g_variant_get_string (parameter, NULL);
  SignetAnnotationTool tool;

  if (g_str_equal (name, "note"))
    tool = SIGNET_ANNOTATION_TOOL_NOTE;
  else if (g_str_equal (name, "rectangle"))
    tool = SIGNET_ANNOTATION_TOOL_RECTANGLE;
  else
    return;

  if (signet_annotation_layer_get_tool (self->layer) == tool)
    tool = SIGNET_ANNOTATION_TOOL_NONE;
  signet_annotation_layer_set_tool (self->layer, tool);
}

static void
leave_tool_activated (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  SignetAttachmentWindow *self = SIGNET_ATTACHMENT_WINDOW (widget);

  signet_annotation_layer_set_tool (self->layer, SIGNET_ANNOTATION_TOOL_NONE);
}

static void
delete_selected_activated (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  SignetAttachmentWindow *self = SIGNET_ATTACHMENT_WINDOW (widget);
  gint64 selected = signet_annotation_layer_get_selected (self->layer);

  if (selected != 0)
    signet_annotation_layer_delete (self->layer, selected);
}

/* Export Annotated Copy */

static SignetPdfExportAnnotKind
export_kind (SignetAnnotationKind kind)
{
  switch (kind)
    {
    case SIGNET_ANNOTATION_KIND_HIGHLIGHT: return SIGNET_PDF_EXPORT_ANNOT_HIGHLIGHT;
    case SIGNET_ANNOTATION_KIND_UNDERLINE: return SIGNET_PDF_EXPORT_ANNOT_UNDERLINE;
    case SIGNET_ANNOTATION_KIND_STRIKEOUT: return SIGNET_PDF_EXPORT_ANNOT_STRIKE_OUT;
    case SIGNET_ANNOTATION_KIND_NOTE:      return SIGNET_PDF_EXPORT_ANNOT_NOTE;
    case SIGNET_ANNOTATION_KIND_RECTANGLE: return SIGNET_PDF_EXPORT_ANNOT_RECTANGLE;
    default:
      g_assert_not_reached ();
    }
}

static GPtrArray *
collect_export_annotations (SignetAttachmentWindow *self)
{
  GListModel *model = signet_annotation_layer_get_annotations (self->layer);
  GPtrArray *annotations = g_ptr_array_new_with_free_func ((GDestroyNotify) signet_pdf_export_annot_free);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(SignetAnnotation) annotation = g_list_model_get_item (model, i);
      GArray *rects = signet_annotation_get_rects (annotation);
      g_autofree SignetPdfRect *pdf_rects = g_new (SignetPdfRect, rects->len);
      const char *comment = signet_annotation_get_comment (annotation);

      for (guint j = 0; j < rects->len; j++)
        {
          const SignetAnnotationRect *r = &g_array_index (rects, SignetAnnotationRect, j);

          pdf_rects[j] = (SignetPdfRect) { r->x1, r->y1, r->x2 - r->x1, r->y2 - r->y1 };
        }

      g_ptr_array_add (annotations,
                       signet_pdf_export_annot_new (export_kind (signet_annotation_get_kind (annotation)),
                                                    signet_annotation_get_page (annotation),
                                                    pdf_rects, rects->len,
                                                    signet_annotation_get_color (annotation),
                                                    signet_annotation_get_author (annotation),
                                                    *comment != '\0' ? comment : NULL));
    }

  return annotations;
}

void
signet_attachment_window_show_progress (SignetAttachmentWindow *self,
                                        const char             *text)
{
  if (text != NULL)
    gtk_label_set_text (self->progress_label, text);
  gtk_revealer_set_reveal_child (self->progress_revealer, text != NULL);
}

typedef struct
{
  SignetAttachmentWindow *self;
  GFile                  *destination;
} Export;

static void
export_free (Export *export)
{
  g_object_unref (export->self);
  g_object_unref (export->destination);
  g_free (export);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Export, export_free)

static void
exported_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(Export) export = user_data;
  SignetAttachmentWindow *self = export->self;
  g_autoptr(GError) error = NULL;
  gboolean saved;

  saved = signet_pdf_write_annotated_copy_finish (result, &error);

  if (self->cancellable == NULL)
    return;

  g_clear_object (&self->export_cancellable);
  signet_attachment_window_show_progress (self, NULL);
  signet_attachment_window_exporting_changed (self);

  if (saved)
    {
      g_autofree char *uri = g_file_get_uri (export->destination);
      AdwToast *toast = adw_toast_new (_("Annotated copy saved"));

      /* The next thing one does with a copy is look at it, or send it. */
      adw_toast_set_button_label (toast, _("_Open"));
      adw_toast_set_action_name (toast, "attachment.open-copy");
      adw_toast_set_action_target_value (toast, g_variant_new_string (uri));
      signet_toast_show (GTK_WIDGET (self->toast_overlay), toast);
    }
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    signet_error_dialog_show (GTK_WIDGET (self), _("The Annotated Copy Was Not Saved"), error);
}

static char *
default_export_name (const char *file_name)
{
  g_autofree char *stem = g_strdup (file_name);
  gsize length = strlen (stem);

  if (length > 4 && g_ascii_strcasecmp (stem + length - 4, ".pdf") == 0)
    stem[length - 4] = '\0';

  /* Translators: the file name "Export Annotated Copy…" suggests, from
   * the attachment's name without ".pdf", e.g. "contract (annotated).pdf". */
  return g_strdup_printf (_("%s (annotated).pdf"), stem);
}

/* A dialog that failed says so; one the user dismissed says nothing. */
static GFile *
finish_save_dialog (SignetAttachmentWindow *self,
                    GtkFileDialog          *dialog,
                    GAsyncResult           *result,
                    const char             *failure)
{
  g_autoptr(GError) error = NULL;
  GFile *file = gtk_file_dialog_save_finish (dialog, result, &error);

  g_clear_object (&self->chooser_cancellable);

  if (file == NULL && self->cancellable != NULL &&
      !g_error_matches (error, GTK_DIALOG_ERROR, GTK_DIALOG_ERROR_DISMISSED) &&
      !g_error_matches (error, GTK_DIALOG_ERROR, GTK_DIALOG_ERROR_CANCELLED))
    signet_error_dialog_show (GTK_WIDGET (self), failure, error);

  return file;
}

static void
export_destination_chosen_cb (GObject      *source,
                              GAsyncResult *result,
                              gpointer      user_data)
{
  g_autoptr(SignetAttachmentWindow) self = user_data;
  g_autoptr(GFile) file = finish_save_dialog (self, GTK_FILE_DIALOG (source), result,
                                              _("The Annotated Copy Was Not Saved"));

  if (file != NULL && self->cancellable != NULL)
    signet_attachment_window_export_annotated_copy (self, file);
}

/* Asks where to save a PDF, suggesting @name; @callback gets a reference
 * to the window. */
static void
choose_save_file (SignetAttachmentWindow *self,
                  const char             *title,
                  const char             *name,
                  GAsyncReadyCallback     callback)
{
  g_autoptr(GtkFileDialog) dialog = gtk_file_dialog_new ();
  g_autoptr(GtkFileFilter) pdfs = gtk_file_filter_new ();
  g_autoptr(GListStore) filters = g_list_store_new (GTK_TYPE_FILE_FILTER);

  gtk_file_filter_set_name (pdfs, _("PDF Documents"));
  gtk_file_filter_add_mime_type (pdfs, "application/pdf");
  g_list_store_append (filters, pdfs);

  gtk_file_dialog_set_title (dialog, title);
  gtk_file_dialog_set_accept_label (dialog, _("_Save"));
  gtk_file_dialog_set_filters (dialog, G_LIST_MODEL (filters));
  gtk_file_dialog_set_default_filter (dialog, pdfs);
  gtk_file_dialog_set_initial_name (dialog, name);
  gtk_file_dialog_set_modal (dialog, TRUE);

  self->chooser_cancellable = g_cancellable_new ();
  gtk_file_dialog_save (dialog, GTK_WINDOW (self), self->chooser_cancellable, callback, g_object_ref (self));
}

static void
export_annotated_activated (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  SignetAttachmentWindow *self = SIGNET_ATTACHMENT_WINDOW (widget);
  g_autofree char *name = NULL;

  if (self->chooser_cancellable != NULL || !signet_attachment_window_has_document (self))
    return;

  name = default_export_name (self->file_name);
  choose_save_file (self, _("Export Annotated Copy"), name, export_destination_chosen_cb);
}

static void
cancel_export_activated (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  SignetAttachmentWindow *self = SIGNET_ATTACHMENT_WINDOW (widget);

  if (self->export_cancellable != NULL)
    g_cancellable_cancel (self->export_cancellable);
}

static void
copy_launched_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(SignetAttachmentWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  if (gtk_file_launcher_launch_finish (GTK_FILE_LAUNCHER (source), result, &error) || self->cancellable == NULL)
    return;

  if (!g_error_matches (error, GTK_DIALOG_ERROR, GTK_DIALOG_ERROR_DISMISSED) &&
      !g_error_matches (error, GTK_DIALOG_ERROR, GTK_DIALOG_ERROR_CANCELLED) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    signet_error_dialog_show (GTK_WIDGET (self), _("The Annotated Copy Was Not Opened"), error);
}

/* The toast's Open: the copy in the application the desktop opens PDFs
 * with (through the portal in the Flatpak). */
static void
open_copy_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  SignetAttachmentWindow *self = SIGNET_ATTACHMENT_WINDOW (widget);
  g_autoptr(GFile) file = g_file_new_for_uri (g_variant_get_string (parameter, NULL));
  g_autoptr(GtkFileLauncher) launcher = gtk_file_launcher_new (file);

  if (self->cancellable == NULL)
    return;

  gtk_file_launcher_launch (launcher, GTK_WINDOW (self), self->cancellable, copy_launched_cb, g_object_ref (self));
}

/* Save Original As */

static void
original_saved_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(SignetAttachmentWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_file_get_basename (G_FILE (source));
  gboolean saved = g_file_replace_contents_finish (G_FILE (source), result, NULL, &error);

  if (self->cancellable == NULL)
    return;

  if (saved)
    signet_toast_show (GTK_WIDGET (self->toast_overlay), adw_toast_new_format (_("Saved as “%s”"), name));
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    signet_error_dialog_show (GTK_WIDGET (self), _("The File Was Not Saved"), error);
}

static void
original_destination_chosen_cb (GObject      *source,
                                GAsyncResult *result,
                                gpointer      user_data)
{
  g_autoptr(SignetAttachmentWindow) self = user_data;
  g_autoptr(GFile) file = finish_save_dialog (self, GTK_FILE_DIALOG (source), result, _("The File Was Not Saved"));
  g_autoptr(GError) error = NULL;

  if (file == NULL || self->cancellable == NULL || self->bytes == NULL)
    return;

  if (self->store != NULL && !signet_store_check_not_register_file (self->store, file, &error))
    {
      signet_error_dialog_show (GTK_WIDGET (self), _("The File Was Not Saved"), error);
      return;
    }

  /* g_file_replace writes beside the file and renames it into place; the
   * bytes are the ones checked against the SHA-256 when the window opened. */
  g_file_replace_contents_bytes_async (file, self->bytes, NULL, FALSE, G_FILE_CREATE_NONE,
                                       self->cancellable, original_saved_cb, g_object_ref (self));
}

static void
save_original_activated (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  SignetAttachmentWindow *self = SIGNET_ATTACHMENT_WINDOW (widget);

  if (self->chooser_cancellable != NULL || self->bytes == NULL)
    return;

  choose_save_file (self, _("Save Original As"), self->file_name, original_destination_chosen_cb);
}

static void
undo_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  signet_undo_undo (signet_undo_get (widget), widget);
}

/* The menu names what Undo would bring back: an annotation deleted here. */
static void
undo_changed_cb (SignetAttachmentWindow *self,
                 GParamSpec             *pspec,
                 SignetUndo             *undo)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo", signet_undo_get_can_undo (undo));
  g_menu_remove_all (self->undo_section);
  g_menu_append (self->undo_section, signet_undo_get_label (undo), "win.undo");
}

static void
undo_restored_cb (SignetAttachmentWindow *self,
                  SignetTombstone        *tombstone)
{
  if (self->layer != NULL && signet_tombstone_get_kind (tombstone) == SIGNET_TOMBSTONE_ANNOTATION)
    signet_annotation_layer_set_selected (self->layer, signet_tombstone_get_id (tombstone));
}

/* Private API */

void
signet_attachment_window_init_undo (SignetAttachmentWindow *self)
{
  SignetUndo *undo = signet_undo_get (GTK_WIDGET (self));

  signet_undo_set_toast_overlay (undo, self->toast_overlay);
  g_signal_connect_object (undo, "notify::label", G_CALLBACK (undo_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (undo, "restored", G_CALLBACK (undo_restored_cb), self, G_CONNECT_SWAPPED);
  undo_changed_cb (self, NULL, undo);
}

gboolean
signet_attachment_window_has_document (SignetAttachmentWindow *self)
{
  return self->layer != NULL && signet_pdf_viewer_get_document (self->viewer) != NULL;
}

void
signet_attachment_window_update_actions (SignetAttachmentWindow *self)
{
  gboolean open = signet_attachment_window_has_document (self);
  gboolean selection = open && signet_pdf_viewer_get_has_selection (self->viewer);
  SignetAnnotationTool tool = self->layer != NULL ? signet_annotation_layer_get_tool (self->layer)
                                                  : SIGNET_ANNOTATION_TOOL_NONE;
  gint64 selected = self->layer != NULL ? signet_annotation_layer_get_selected (self->layer) : 0;
  /* Annotations are stored in the register: a reader reads the file and
   * its notes, and adds none. */
  gboolean may_annotate = self->store != NULL && signet_store_can_edit (self->store);

  for (guint i = 0; i < G_N_ELEMENTS (markup_actions); i++)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), markup_actions[i], selection && may_annotate);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "annot.tool", open && may_annotate);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "annot.leave-tool", tool != SIGNET_ANNOTATION_TOOL_NONE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "annot.delete-selected", selected != 0 && may_annotate);
  gtk_widget_action_set_enabled (GTK_WIDGET (self->panel), "annotation.set-color", may_annotate);
  gtk_widget_action_set_enabled (GTK_WIDGET (self->panel), "annotation.delete", may_annotate);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "attachment.export-annotated",
                                 open && self->export_cancellable == NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "attachment.cancel-export", self->export_cancellable != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "attachment.save-original", self->bytes != NULL);

  gtk_widget_set_sensitive (GTK_WIDGET (self->note_button), open && may_annotate);
  gtk_widget_set_sensitive (GTK_WIDGET (self->rectangle_button), open && may_annotate);
  gtk_widget_set_sensitive (GTK_WIDGET (self->color_button), self->layer != NULL && may_annotate);
}

void
signet_attachment_window_install_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "annot.highlight", NULL, highlight_activated);
  gtk_widget_class_install_action (widget_class, "annot.underline", NULL, underline_activated);
  gtk_widget_class_install_action (widget_class, "annot.strike-out", NULL, strike_out_activated);
  gtk_widget_class_install_action (widget_class, "annot.tool", "s", tool_activated);
  gtk_widget_class_install_action (widget_class, "annot.leave-tool", NULL, leave_tool_activated);
  gtk_widget_class_install_action (widget_class, "annot.delete-selected", NULL, delete_selected_activated);
  gtk_widget_class_install_property_action (widget_class, "annot.color", "color");
  gtk_widget_class_install_property_action (widget_class, "annot.show-panel", "show-panel");
  gtk_widget_class_install_action (widget_class, "attachment.export-annotated", NULL, export_annotated_activated);
  gtk_widget_class_install_action (widget_class, "attachment.cancel-export", NULL, cancel_export_activated);
  gtk_widget_class_install_action (widget_class, "attachment.open-copy", "s", open_copy_activated);
  gtk_widget_class_install_action (widget_class, "attachment.save-original", NULL, save_original_activated);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_activated);

  /* Single keys, as in other annotation tools: a text field with the
   * focus takes them first, so typing a comment is not disturbed. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_h, 0, "annot.highlight", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_u, 0, "annot.underline", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, 0, "annot.strike-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, 0, "annot.tool", "s", "note");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, 0, "annot.tool", "s", "rectangle");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "annot.leave-tool", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "annot.delete-selected", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Delete, 0, "annot.delete-selected", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "attachment.export-annotated", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "attachment.save-original", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "window.close", NULL);
  /* A comment field keeps it for its own typing, as in the main window. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "win.undo", NULL);
}

/* Public API */

void
signet_attachment_window_export_annotated_copy (SignetAttachmentWindow *self,
                                                GFile                  *destination)
{
  g_autoptr(GPtrArray) annotations = NULL;
  g_autofree char *name = NULL;
  g_autofree char *progress = NULL;
  g_autoptr(GError) error = NULL;
  SignetPdfDocument *document;
  Export *export;

  g_return_if_fail (SIGNET_IS_ATTACHMENT_WINDOW (self));
  g_return_if_fail (G_IS_FILE (destination));

  if (!signet_attachment_window_has_document (self) || self->export_cancellable != NULL)
    return;

  /* The copy is renamed over its destination: never over the register. */
  if (self->store != NULL && !signet_store_check_not_register_file (self->store, destination, &error))
    {
      signet_error_dialog_show (GTK_WIDGET (self), _("The Annotated Copy Was Not Saved"), error);
      return;
    }

  annotations = collect_export_annotations (self);
  name = g_file_get_basename (destination);
  /* Translators: shown while "Export Annotated Copy…" writes the file. */
  progress = g_strdup_printf (_("Writing “%s”…"), name);

  self->export_cancellable = g_cancellable_new ();
  signet_attachment_window_show_progress (self, progress);
  signet_attachment_window_exporting_changed (self);

  /* An encrypted original is written with the password it was opened
   * with, and the copy keeps its encryption. */
  document = signet_pdf_viewer_get_document (self->viewer);
  export = g_new0 (Export, 1);
  export->self = g_object_ref (self);
  export->destination = g_object_ref (destination);
  signet_pdf_write_annotated_copy_async (self->bytes, signet_pdf_document_get_password (document), annotations,
                                         destination, self->export_cancellable, exported_cb, export);
}
