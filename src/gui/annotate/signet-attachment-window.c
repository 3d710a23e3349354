/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "signet-attachment-window"

#include "config.h"

#include <glib/gi18n.h>

#include "signet-attachment-window-private.h"
#include "signet-pdf-annot.h"
#include "signet-store-attachments.h"

G_DEFINE_FINAL_TYPE (SignetAttachmentWindow, signet_attachment_window, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_COLOR,
  PROP_SHOW_PANEL,
  PROP_EXPORTING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Loading */

static SignetAttachmentVersion *
find_version (SignetAttachmentWindow *self)
{
  g_autoptr(GPtrArray) versions = NULL;

  versions = signet_store_list_attachment_versions (self->store, signet_attachment_get_id (self->attachment), NULL);
  for (guint i = 0; versions != NULL && i < versions->len; i++)
    {
      SignetAttachmentVersion *version = g_ptr_array_index (versions, i);

      if (version->id == self->version_id)
        return signet_attachment_version_ref (version);
    }

  return NULL;
}

static void
update_title (SignetAttachmentWindow *self)
{
  g_autoptr(SignetAttachmentVersion) version = find_version (self);
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;

  g_free (self->file_name);
  self->file_name = g_strdup (version != NULL ? version->file_name : signet_attachment_get_file_name (self->attachment));

  if (version != NULL && version->id != signet_attachment_get_version_id (self->attachment))
    {
      /* Translators: the title of a window showing an earlier version of
       * an attached file, e.g. "contract.pdf (version 1)". */
      title = g_strdup_printf (_("%s (version %u)"), self->file_name, version->version);
      /* Translators: under the file name in the title bar. */
      subtitle = g_strdup_printf (_("Version %u, not the current one"), version->version);
    }
  else
    {
      g_autoptr(SignetContract) contract =
        signet_store_get_contract (self->store, signet_attachment_get_contract_id (self->attachment), NULL);

      title = g_strdup (self->file_name);
      if (contract != NULL)
        /* Translators: under the file name in the title bar of an attached
         * file's window: the contract's number and title. */
        subtitle = g_strdup_printf (C_("attachment window", "%1$s %2$s"), signet_contract_get_number (contract),
                                    signet_contract_get_title (contract));
    }

  gtk_window_set_title (GTK_WINDOW (self), title);
  adw_window_title_set_title (self->window_title, self->file_name);
  adw_window_title_set_subtitle (self->window_title, subtitle);
}

static void
file_annotations_listed_cb (GObject      *source,
                            GAsyncResult *result,
                            gpointer      user_data)
{
  g_autoptr(SignetAttachmentWindow) self = user_data;
  g_autoptr(GPtrArray) annotations = NULL;
  g_autoptr(GError) error = NULL;

  annotations = signet_pdf_document_list_annotations_finish (SIGNET_PDF_DOCUMENT (source), result, &error);

  /* The window closed meanwhile. */
  if (self->cancellable == NULL || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  signet_annotations_panel_set_file_annotations (self->panel, annotations, error);
}

/* Once laid out: the page to scroll to has its place only then. */
static gboolean
reveal_pending_cb (gpointer user_data)
{
  SignetAttachmentWindow *self = user_data;

  if (self->layer != NULL && self->pending_reveal != 0)
    signet_annotation_layer_reveal (self->layer, self->pending_reveal);
  self->pending_reveal = 0;

  return G_SOURCE_REMOVE;
}

static void
document_changed_cb (SignetAttachmentWindow *self,
                     GParamSpec             *pspec,
                     SignetPdfViewer        *viewer)
{
  SignetPdfDocument *document = signet_pdf_viewer_get_document (viewer);

  if (document != NULL && self->cancellable != NULL)
    {
      signet_annotations_panel_set_file_annotations (self->panel, NULL, NULL);
      signet_pdf_document_list_annotations_async (document, self->cancellable,
                                                  file_annotations_listed_cb, g_object_ref (self));
    }

  /* A record's clause asked for before the document was open. */
  if (document != NULL && self->pending_reveal != 0)
    g_idle_add_full (G_PRIORITY_LOW, reveal_pending_cb, g_object_ref (self), g_object_unref);

  signet_attachment_window_update_actions (self);
}

static void
has_selection_changed_cb (SignetAttachmentWindow *self,
                          GParamSpec             *pspec,
                          SignetPdfViewer        *viewer)
{
  signet_attachment_window_update_actions (self);
}

static void
set_color (SignetAttachmentWindow *self,
           const char             *color)
{
  g_autofree char *lower = NULL;

  if (!signet_annotation_color_is_valid (color))
    return;

  lower = g_ascii_strdown (color, -1);
  if (g_strcmp0 (self->color, lower) == 0)
    return;

  g_free (self->color);
  self->color = g_steal_pointer (&lower);
  if (self->layer != NULL)
    signet_annotation_layer_set_color (self->layer, self->color);
  signet_annotation_swatch_set_color (self->color_swatch, self->color);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COLOR]);
}

static void
set_show_panel (SignetAttachmentWindow *self,
                gboolean                show)
{
  if (self->show_panel == show)
    return;

  self->show_panel = show;
  adw_overlay_split_view_set_show_sidebar (self->split_view, show);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_PANEL]);
}

/* Closed by the split view itself: a click beside the panel or Escape
 * while it lies over the pages. */
static void
show_sidebar_changed_cb (SignetAttachmentWindow *self,
                         GParamSpec             *pspec,
                         AdwOverlaySplitView    *split_view)
{
  set_show_panel (self, adw_overlay_split_view_get_show_sidebar (split_view));
}

/* Over the pages, the panel would hide what it annotates: it opens only
 * when asked for while the window is narrow. */
static void
collapsed_changed_cb (SignetAttachmentWindow *self,
                      GParamSpec             *pspec,
                      AdwOverlaySplitView    *split_view)
{
  if (adw_overlay_split_view_get_collapsed (split_view))
    {
      self->wide_show_panel = self->show_panel;
      set_show_panel (self, FALSE);
    }
  else
    {
      set_show_panel (self, self->wide_show_panel);
    }
}

/* Tools */

static void
tool_changed_cb (SignetAttachmentWindow *self,
                 GParamSpec             *pspec,
                 SignetAnnotationLayer  *layer)
{
  SignetAnnotationTool tool = signet_annotation_layer_get_tool (layer);

  gtk_toggle_button_set_active (self->note_button, tool == SIGNET_ANNOTATION_TOOL_NOTE);
  gtk_toggle_button_set_active (self->rectangle_button, tool == SIGNET_ANNOTATION_TOOL_RECTANGLE);
  signet_attachment_window_update_actions (self);
}

static void
selected_changed_cb (SignetAttachmentWindow *self,
                     GParamSpec             *pspec,
                     SignetAnnotationLayer  *layer)
{
  signet_attachment_window_update_actions (self);
}

static void
tool_button_toggled_cb (SignetAttachmentWindow *self,
                        GtkToggleButton        *button)
{
  SignetAnnotationTool tool = button == self->note_button ? SIGNET_ANNOTATION_TOOL_NOTE
                                                          : SIGNET_ANNOTATION_TOOL_RECTANGLE;

  if (self->layer == NULL)
    return;

  if (gtk_toggle_button_get_active (button))
    signet_annotation_layer_set_tool (self->layer, tool);
  else if (signet_annotation_layer_get_tool (self->layer) == tool)
    signet_annotation_layer_set_tool (self->layer, SIGNET_ANNOTATION_TOOL_NONE);
}

/* A note without words says little: its comment is where the user types
 * next. */
static void
annotation_added_cb (SignetAttachmentWindow *self,
                     SignetAnnotation       *annotation,
                     SignetAnnotationLayer  *layer)
{
  if (signet_annotation_get_kind (annotation) != SIGNET_ANNOTATION_KIND_NOTE)
    return;

  set_show_panel (self, TRUE);
  signet_annotations_panel_edit_comment (self->panel, signet_annotation_get_id (annotation));
}

/* Private API */

void
signet_attachment_window_exporting_changed (SignetAttachmentWindow *self)
{
  signet_attachment_window_update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EXPORTING]);
}

/* GObject */

static void
signet_attachment_window_dispose (GObject *object)
{
  SignetAttachmentWindow *self = (SignetAttachmentWindow *) object;

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->export_cancellable != NULL)
    g_cancellable_cancel (self->export_cancellable);
  g_clear_object (&self->export_cancellable);

  if (self->chooser_cancellable != NULL)
    g_cancellable_cancel (self->chooser_cancellable);
  g_clear_object (&self->chooser_cancellable);

  /* The layer draws on the viewer: it goes first, while the viewer is
   * whole. */
  if (self->panel != NULL)
    signet_annotations_panel_set_layer (self->panel, NULL);
  if (self->layer != NULL)
    g_signal_handlers_disconnect_by_data (self->layer, self);
  g_clear_object (&self->layer);

  gtk_widget_dispose_template (GTK_WIDGET (self), SIGNET_TYPE_ATTACHMENT_WINDOW);

  g_clear_object (&self->store);
  g_clear_object (&self->attachment);
  g_clear_pointer (&self->bytes, g_bytes_unref);

  G_OBJECT_CLASS (signet_attachment_window_parent_class)->dispose (object);
}

static void
signet_attachment_window_finalize (GObject *object)
{
  SignetAttachmentWindow *self = (SignetAttachmentWindow *) object;

  g_clear_pointer (&self->file_name, g_free);
  g_clear_pointer (&self->color, g_free);

  G_OBJECT_CLASS (signet_attachment_window_parent_class)->finalize (object);
}

static void
signet_attachment_window_get_property (GObject    *object,
                                       guint       prop_id,
                                       GValue     *value,
                                       GParamSpec *pspec)
{
  SignetAttachmentWindow *self = SIGNET_ATTACHMENT_WINDOW (object);

  switch (prop_id)
    {
    case PROP_COLOR:
      g_value_set_string (value, self->color);
      break;

    case PROP_SHOW_PANEL:
      g_value_set_boolean (value, self->show_panel);
      break;

    case PROP_EXPORTING:
      g_value_set_boolean (value, self->export_cancellable != NULL);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
signet_attachment_window_set_property (GObject      *object,
                                       guint         prop_id,
                                       const GValue *value,
                                       GParamSpec   *pspec)
{
  SignetAttachmentWindow *self = SIGNET_ATTACHMENT_WINDOW (object);

  switch (prop_id)
    {
    case PROP_COLOR:
      set_color (self, g_value_get_string (value));
      break;

    case PROP_SHOW_PANEL:
      set_show_panel (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
signet_attachment_window_class_init (SignetAttachmentWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = signet_attachment_window_dispose;
  object_class->finalize = signet_attachment_window_finalize;
  object_class->get_property = signet_attachment_window_get_property;
  object_class->set_property = signet_attachment_window_set_property;

  /* "#rrggbb": the colour new annotations get. */
  properties[PROP_COLOR] =
    g_param_spec_string ("color", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_SHOW_PANEL] =
    g_param_spec_boolean ("show-panel", NULL, NULL,
                          TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_EXPORTING] =
    g_param_spec_boolean ("exporting", NULL, NULL,
                          FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  signet_attachment_window_install_actions (widget_class);

  g_type_ensure (SIGNET_TYPE_PDF_VIEWER);
  g_type_ensure (SIGNET_TYPE_ANNOTATIONS_PANEL);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/signet-attachment-window.ui");
  gtk_widget_class_bind_template_child (widget_class, SignetAttachmentWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, SignetAttachmentWindow, undo_section);
  gtk_widget_class_bind_template_child (widget_class, SignetAttachmentWindow, note_button);
  gtk_widget_class_bind_template_child (widget_class, SignetAttachmentWindow, rectangle_button);
  gtk_widget_class_bind_template_child (widget_class, SignetAttachmentWindow, color_button);
  gtk_widget_class_bind_template_child (widget_class, SignetAttachmentWindow, progress_revealer);
  gtk_widget_class_bind_template_child (widget_class, SignetAttachmentWindow, progress_label);
  gtk_widget_class_bind_template_child (widget_class, SignetAttachmentWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, SignetAttachmentWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, SignetAttachmentWindow, error_page);
  gtk_widget_class_bind_template_child (widget_class, SignetAttachmentWindow, split_view);
  gtk_widget_class_bind_template_child (widget_class, SignetAttachmentWindow, viewer);
  gtk_widget_class_bind_template_child (widget_class, SignetAttachmentWindow, panel);
  gtk_widget_class_bind_template_callback (widget_class, show_sidebar_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, collapsed_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, document_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, has_selection_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, tool_button_toggled_cb);
}

static void
signet_attachment_window_init (SignetAttachmentWindow *self)
{
  GtkWidget *popover;
  guint n_colors;

  /* Before the template: the "annot.color" action reads it. */
  self->color = g_strdup (signet_annotation_colors (&n_colors)[0].color);

  gtk_widget_init_template (GTK_WIDGET (self));

  if (g_strcmp0 (PROFILE, "development") == 0)
    gtk_widget_add_css_class (GTK_WIDGET (self), "devel");

  self->cancellable = g_cancellable_new ();

  self->color_swatch = signet_annotation_swatch_new (self->color);
  gtk_menu_button_set_child (self->color_button, self->color_swatch);
  popover = gtk_popover_new ();
  gtk_popover_set_child (GTK_POPOVER (popover), signet_annotation_color_buttons_new ("annot.color", 0));
  gtk_menu_button_set_popover (self->color_button, popover);

  set_show_panel (self, TRUE);
  self->wide_show_panel = TRUE;
  signet_attachment_window_update_actions (self);
  signet_attachment_window_init_undo (self);
}

/* Loading. A file can be up to 200 MB: it is read, and its SHA-256
 * checked, in a thread (signet_store_load_version_bytes_async()) while the
 * window is already on screen. */

static void
show_load_error (SignetAttachmentWindow *self,
                 const char             *message)
{
  /* Only this window says so; the contract and its other files are not
   * touched. */
  adw_status_page_set_description (self->error_page, message);
  gtk_stack_set_visible_child_name (self->stack, "error");
  set_show_panel (self, FALSE);
  signet_attachment_window_update_actions (self);
}

static void
bytes_loaded_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(SignetAttachmentWindow) self = user_data;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;

  bytes = signet_store_load_version_bytes_finish (SIGNET_STORE (source), result, &error);

  /* Closed meanwhile. */
  if (self->cancellable == NULL)
    return;

  signet_attachment_window_show_progress (self, NULL);

  if (bytes == NULL)
    {
      show_load_error (self, error->message);
      return;
    }

  self->bytes = g_steal_pointer (&bytes);
  self->layer = signet_annotation_layer_new (self->viewer, self->store,
                                             signet_attachment_get_contract_id (self->attachment),
                                             self->version_id);
  g_signal_connect_object (self->layer, "notify::tool", G_CALLBACK (tool_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->layer, "notify::selected", G_CALLBACK (selected_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->layer, "annotation-added", G_CALLBACK (annotation_added_cb), self,
                           G_CONNECT_SWAPPED);
  signet_annotation_layer_set_color (self->layer, self->color);
  signet_annotations_panel_set_layer (self->panel, self->layer);

  signet_pdf_viewer_load_bytes (self->viewer, self->bytes, self->file_name);
  signet_attachment_window_update_actions (self);
}

/* Public API */

GtkWidget *
signet_attachment_window_new (GtkWindow        *parent,
                              SignetStore      *store,
                              SignetAttachment *attachment,
                              gint64            version_id)
{
  SignetAttachmentWindow *self;
  g_autofree char *progress = NULL;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (SIGNET_IS_STORE (store), NULL);
  g_return_val_if_fail (SIGNET_IS_ATTACHMENT (attachment), NULL);

  self = g_object_new (SIGNET_TYPE_ATTACHMENT_WINDOW,
                       "transient-for", parent,
                       "destroy-with-parent", TRUE,
                       NULL);
  self->store = g_object_ref (store);
  self->attachment = g_object_ref (attachment);
  self->version_id = version_id;
  update_title (self);

  gtk_stack_set_visible_child_name (self->stack, "document");
  /* Translators: shown while an attached file is read, before its pages. */
  progress = g_strdup_printf (_("Opening “%s”…"), self->file_name);
  signet_attachment_window_show_progress (self, progress);
  signet_attachment_window_update_actions (self);

  signet_store_load_version_bytes_async (store, version_id, self->cancellable,
                                         bytes_loaded_cb, g_object_ref (self));

  return GTK_WIDGET (self);
}

SignetAttachmentWindow *
signet_attachment_window_open (GtkWindow        *parent,
                               SignetStore      *store,
                               SignetAttachment *attachment,
                               gint64            version_id)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  GtkWidget *window;

  g_return_val_if_fail (SIGNET_IS_STORE (store), NULL);
  g_return_val_if_fail (SIGNET_IS_ATTACHMENT (attachment), NULL);

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);
      SignetAttachmentWindow *open;

      if (!SIGNET_IS_ATTACHMENT_WINDOW (toplevel))
        continue;

      open = SIGNET_ATTACHMENT_WINDOW (toplevel);
      if (open->store == store && open->version_id == version_id)
        {
          gtk_window_present (toplevel);
          return open;
        }
    }

  window = signet_attachment_window_new (parent, store, attachment, version_id);
  gtk_window_present (GTK_WINDOW (window));

  return SIGNET_ATTACHMENT_WINDOW (window);
}

void
signet_attachment_window_reveal_annotation (SignetAttachmentWindow *self,
                                            gint64                  annotation_id)
{
  g_return_if_fail (SIGNET_IS_ATTACHMENT_WINDOW (self));

  self->pending_reveal = annotation_id;
  if (self->layer != NULL && signet_pdf_viewer_get_document (self->viewer) != NULL)
    reveal_pending_cb (self);
}

SignetStore *
signet_attachment_window_get_store (SignetAttachmentWindow *self)
{
  g_return_val_if_fail (SIGNET_IS_ATTACHMENT_WINDOW (self), NULL);

  return self->store;
}

gint64
signet_attachment_window_get_version_id (SignetAttachmentWindow *self)
{
  g_return_val_if_fail (SIGNET_IS_ATTACHMENT_WINDOW (self), 0);

  return self->version_id;
}

SignetPdfViewer *
signet_attachment_window_get_viewer (SignetAttachmentWindow *self)
{
  g_return_val_if_fail (SIGNET_IS_ATTACHMENT_WINDOW (self), NULL);

  return self->viewer;
}

/* NULL when the file could not be read. */
SignetAnnotationLayer *
signet_attachment_window_get_layer (SignetAttachmentWindow *self)
{
  g_return_val_if_fail (SIGNET_IS_ATTACHMENT_WINDOW (self), NULL);

  return self->layer;
}

gboolean
signet_attachment_window_get_exporting (SignetAttachmentWindow *self)
{
  g_return_val_if_fail (SIGNET_IS_ATTACHMENT_WINDOW (self), FALSE);

  return self->export_cancellable != NULL;
}
