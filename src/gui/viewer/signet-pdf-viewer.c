/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "signet-pdf-viewer"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "signet-pdf-viewer-private.h"

static void signet_pdf_viewer_buildable_init (GtkBuildableIface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (SignetPdfViewer, signet_pdf_viewer, ADW_TYPE_BREAKPOINT_BIN,
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_BUILDABLE, signet_pdf_viewer_buildable_init))

static GtkBuildableIface *parent_buildable_iface;

enum {
  PROP_0,
  PROP_DISPLAY_NAME,
  PROP_DOCUMENT,
  PROP_CURRENT_PAGE,
  PROP_ZOOM,
  PROP_SHOW_THUMBNAILS,
  PROP_HAS_SELECTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  SIGNAL_SELECTION_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
update_page_entry (SignetPdfViewer *self)
{
  g_autofree char *text = NULL;

  if (self->document != NULL)
    text = g_strdup_printf ("%u", signet_pdf_page_view_get_current_page (self->page_view) + 1);

  gtk_editable_set_text (GTK_EDITABLE (self->page_entry), text != NULL ? text : "");
  /* No empty field in the header bar while a password is asked for, and
   * nothing to find in. */
  gtk_widget_set_visible (GTK_WIDGET (self->page_entry), self->document != NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->find_button), self->document != NULL);
}

static void
update_n_pages_label (SignetPdfViewer *self)
{
  g_autofree char *text = NULL;

  if (self->document != NULL)
    /* Translators: follows the page number entry, as in "[57] of 100". */
    text = g_strdup_printf (_("of %u"), signet_pdf_document_get_n_pages (self->document));

  gtk_label_set_text (self->n_pages_label, text != NULL ? text : "");
}

static void
update_zoom_label (SignetPdfViewer *self)
{
  g_autofree char *label = signet_pdf_viewer_format_zoom (signet_pdf_page_view_get_zoom (self->page_view));

  gtk_menu_button_set_label (self->zoom_button, label);
}

static void
show_matches (SignetPdfViewer *self)
{
  if (!gtk_revealer_get_reveal_child (self->find_revealer))
    {
      signet_pdf_page_view_set_matches (self->page_view, NULL, -1);
      return;
    }

  signet_pdf_page_view_set_matches (self->page_view,
                                    signet_pdf_find_bar_get_matches (self->find_bar),
                                    signet_pdf_find_bar_get_current (self->find_bar));
}

static void
text_checked_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  SignetPdfViewer *self;
  g_autoptr(GError) error = NULL;
  SignetPdfTextQuality quality;

  quality = signet_pdf_document_check_text_finish (SIGNET_PDF_DOCUMENT (source), result, &error);

  /* Cancelled means another document, or none, is shown: @user_data may
   * be gone. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self = user_data;
  g_clear_object (&self->text_check_cancellable);

  adw_banner_set_revealed (self->text_banner, quality != SIGNET_PDF_TEXT_READABLE);
}

static void
cancel_text_check (SignetPdfViewer *self)
{
  if (self->text_check_cancellable != NULL)
    {
      g_cancellable_cancel (self->text_check_cancellable);
      g_clear_object (&self->text_check_cancellable);
    }
}

static void
set_document (SignetPdfViewer   *self,
              SignetPdfDocument *document)
{
  if (!g_set_object (&self->document, document))
    return;

  /* Below every other text job: a search or a selection goes first, and
   * the pages are read only as far as the first one in doubt. */
  cancel_text_check (self);
  adw_banner_set_revealed (self->text_banner, FALSE);
  if (document != NULL)
    {
      self->text_check_cancellable = g_cancellable_new ();
      signet_pdf_document_check_text_async (document, G_PRIORITY_LOW, self->text_check_cancellable,
                                            text_checked_cb, self);
    }

  gtk_revealer_set_reveal_child (self->find_revealer, FALSE);
  signet_pdf_page_view_set_document (self->page_view, document);
  signet_pdf_thumbnails_set_document (self->thumbnails, document);
  signet_pdf_find_bar_set_document (self->find_bar, document);
  signet_pdf_thumbnails_set_current_page (self->thumbnails, 0);

  update_page_entry (self);
  update_n_pages_label (self);
  update_zoom_label (self);
  signet_pdf_viewer_update_actions (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
}

static void
show_page (SignetPdfViewer *self,
           const char      *name)
{
  gtk_stack_set_visible_child_name (self->stack, name);
  /* What the window puts above the pages works on the pages: nothing of
   * it before the password is given, or in place of a file that cannot
   * be shown. */
  gtk_widget_set_visible (GTK_WIDGET (self->top_box),
                          !g_str_equal (name, "password") && !g_str_equal (name, "error"));
}

static void
show_password_page (SignetPdfViewer *self,
                    const char      *error)
{
  g_autofree char *description = NULL;

  if (self->display_name != NULL)
    description = g_strdup_printf (_("Enter the password to open “%s”."), self->display_name);
  else
    description = g_strdup (_("Enter the password to open this document."));

  adw_status_page_set_description (self->password_page, description);
  gtk_label_set_text (self->password_error_label, error != NULL ? error : "");
  gtk_widget_set_visible (GTK_WIDGET (self->password_error_label), error != NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->unlock_button), TRUE);

  show_page (self, "password");
  gtk_widget_grab_focus (GTK_WIDGET (self->password_entry));
  if (error != NULL)
    gtk_editable_select_region (GTK_EDITABLE (self->password_entry), 0, -1);
}

static void
document_opened_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  SignetPdfViewer *self;
  g_autoptr(SignetPdfDocument) document = NULL;
  g_autoptr(GError) error = NULL;

  document = signet_pdf_document_new_from_bytes_finish (result, &error);

  /* Cancelled means another document, or none, is being shown: @user_data
   * may be gone. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self = user_data;
  g_clear_object (&self->load_cancellable);

  if (document != NULL)
    {
      set_document (self, document);
      show_page (self, "document");
      return;
    }

  if (g_error_matches (error, SIGNET_PDF_ERROR, SIGNET_PDF_ERROR_NEEDS_PASSWORD))
    {
      show_password_page (self, NULL);
    }
  else if (g_error_matches (error, SIGNET_PDF_ERROR, SIGNET_PDF_ERROR_WRONG_PASSWORD))
    {
      show_password_page (self, error->message);
    }
  else
    {
      adw_status_page_set_description (self->error_page, error->message);
      show_page (self, "error");
    }
}

static void
cancel_loading (SignetPdfViewer *self)
{
  if (self->load_cancellable != NULL)
    {
      g_cancellable_cancel (self->load_cancellable);
      g_clear_object (&self->load_cancellable);
    }
}

static void
open_document (SignetPdfViewer *self,
               const char      *password)
{
  cancel_loading (self);
  self->load_cancellable = g_cancellable_new ();
  signet_pdf_document_new_from_bytes_async (self->bytes, password, self->load_cancellable,
                                            document_opened_cb, self);
}

static void
unlock_cb (SignetPdfViewer *self,
           GtkWidget       *widget)
{
  const char *password = gtk_editable_get_text (GTK_EDITABLE (self->password_entry));

  /* One try at a time; the password page stays while it runs. Making the
   * focused entry insensitive would take the focus from under its
   * cursor, so only the button says that a try is under way. */
  if (*password == '\0' || self->bytes == NULL || self->load_cancellable != NULL)
    return;

  gtk_widget_set_sensitive (GTK_WIDGET (self->unlock_button), FALSE);
  open_document (self, password);
}

static void
page_entry_activated_cb (SignetPdfViewer *self,
                         GtkEntry        *entry)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));
  guint64 number = 0;

  if (self->document != NULL &&
      g_ascii_string_to_unsigned (text, 10, 1, signet_pdf_document_get_n_pages (self->document),
                                  &number, NULL))
    {
      signet_pdf_viewer_go_to_page (self, (guint) number - 1);
      gtk_widget_grab_focus (GTK_WIDGET (self->page_view));
      return;
    }

  gtk_widget_error_bell (GTK_WIDGET (entry));
  update_page_entry (self);
}

static void
set_show_thumbnails (SignetPdfViewer *self,
                     gboolean         show)
{
  if (self->show_thumbnails == show)
    return;

  self->show_thumbnails = show;
  adw_overlay_split_view_set_show_sidebar (self->split_view, show);
  if (show && self->document != NULL)
    signet_pdf_thumbnails_set_current_page (self->thumbnails,
                                            signet_pdf_page_view_get_current_page (self->page_view));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_THUMBNAILS]);
}

/* Over the pages, the thumbnails are a way to a page: they make way for
 * it once it is chosen. */
static void
thumbnail_activated_cb (SignetPdfViewer     *self,
                        guint                page,
                        SignetPdfThumbnails *thumbnails)
{
  signet_pdf_viewer_go_to_page (self, page);
  if (adw_overlay_split_view_get_collapsed (self->split_view))
    set_show_thumbnails (self, FALSE);
}

/* Thumbnails beside the pages would cover them once the viewer narrows. */
static void
collapsed_changed_cb (SignetPdfViewer     *self,
                      GParamSpec          *pspec,
                      AdwOverlaySplitView *split_view)
{
  if (adw_overlay_split_view_get_collapsed (split_view))
    set_show_thumbnails (self, FALSE);
}

static void
find_revealed_cb (SignetPdfViewer *self,
                  GParamSpec      *pspec,
                  GtkRevealer     *revealer)
{
  show_matches (self);
}

static void
find_matches_changed_cb (SignetPdfViewer  *self,
                         SignetPdfFindBar *find_bar)
{
  show_matches (self);
}

static void
find_current_changed_cb (SignetPdfViewer  *self,
                         SignetPdfFindBar *find_bar)
{
  show_matches (self);
  if (gtk_revealer_get_reveal_child (self->find_revealer))
    signet_pdf_page_view_scroll_to_current_match (self->page_view);
}

static void
find_closed_cb (SignetPdfViewer  *self,
                SignetPdfFindBar *find_bar)
{
  gtk_revealer_set_reveal_child (self->find_revealer, FALSE);
  gtk_widget_grab_focus (GTK_WIDGET (self->page_view));
}

static void
current_page_changed_cb (SignetPdfViewer   *self,
                         GParamSpec        *pspec,
                         SignetPdfPageView *page_view)
{
  guint page = signet_pdf_page_view_get_current_page (page_view);

  update_page_entry (self);
  signet_pdf_thumbnails_set_current_page (self->thumbnails, page);
  signet_pdf_find_bar_set_start_page (self->find_bar, page);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CURRENT_PAGE]);
}

static void
zoom_changed_cb (SignetPdfViewer   *self,
                 GParamSpec        *pspec,
                 SignetPdfPageView *page_view)
{
  update_zoom_label (self);
  signet_pdf_viewer_update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM]);
}

static void
rotation_changed_cb (SignetPdfViewer   *self,
                     GParamSpec        *pspec,
                     SignetPdfPageView *page_view)
{
  signet_pdf_thumbnails_set_rotation (self->thumbnails, signet_pdf_page_view_get_rotation (page_view));
}

static void
has_selection_changed_cb (SignetPdfViewer   *self,
                          GParamSpec        *pspec,
                          SignetPdfPageView *page_view)
{
  signet_pdf_viewer_update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HAS_SELECTION]);
}

static void
selection_changed_cb (SignetPdfViewer   *self,
                      SignetPdfPageView *page_view)
{
  g_signal_emit (self, signals[SIGNAL_SELECTION_CHANGED], 0);
}

static void
overlay_cb (GtkSnapshot                  *snapshot,
            const SignetPdfPageTransform *transform,
            gpointer                      user_data)
{
  SignetPdfViewer *self = user_data;

  if (self->overlay_func != NULL)
    self->overlay_func (self, snapshot, transform->page, transform, self->overlay_data);
}

static void
show_sidebar_changed_cb (SignetPdfViewer     *self,
                         GParamSpec          *pspec,
                         AdwOverlaySplitView *split_view)
{
  set_show_thumbnails (self, adw_overlay_split_view_get_show_sidebar (split_view));
}

/* GtkBuildable */

static void
signet_pdf_viewer_buildable_add_child (GtkBuildable *buildable,
                                       GtkBuilder   *builder,
                                       GObject      *child,
                                       const char   *type)
{
  SignetPdfViewer *self = SIGNET_PDF_VIEWER (buildable);

  if (g_strcmp0 (type, "title") == 0)
    adw_header_bar_set_title_widget (self->header_bar, GTK_WIDGET (child));
  else if (g_strcmp0 (type, "end") == 0)
    gtk_box_append (self->end_box, GTK_WIDGET (child));
  else if (g_strcmp0 (type, "top") == 0)
    gtk_box_append (self->top_box, GTK_WIDGET (child));
  else
    parent_buildable_iface->add_child (buildable, builder, child, type);
}

static void
signet_pdf_viewer_buildable_init (GtkBuildableIface *iface)
{
  parent_buildable_iface = g_type_interface_peek_parent (iface);
  iface->add_child = signet_pdf_viewer_buildable_add_child;
}

static void
signet_pdf_viewer_dispose (GObject *object)
{
  SignetPdfViewer *self = (SignetPdfViewer *) object;

  cancel_loading (self);
  cancel_text_check (self);

  if (self->overlay_destroy != NULL)
    self->overlay_destroy (self->overlay_data);
  self->overlay_func = NULL;
  self->overlay_data = NULL;
  self->overlay_destroy = NULL;

  /* The split view is the bin's child and a template child: the bin lets
   * go of it first, else disposing the template would unparent it
   * behind the bin's back. */
  adw_breakpoint_bin_set_child (ADW_BREAKPOINT_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (object), SIGNET_TYPE_PDF_VIEWER);

  g_clear_object (&self->document);
  g_clear_pointer (&self->bytes, g_bytes_unref);

  G_OBJECT_CLASS (signet_pdf_viewer_parent_class)->dispose (object);
}

static void
signet_pdf_viewer_finalize (GObject *object)
{
  SignetPdfViewer *self = (SignetPdfViewer *) object;

  g_clear_pointer (&self->display_name, g_free);

  G_OBJECT_CLASS (signet_pdf_viewer_parent_class)->finalize (object);
}

static void
signet_pdf_viewer_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  SignetPdfViewer *self = SIGNET_PDF_VIEWER (object);

  switch (prop_id)
    {
    case PROP_DISPLAY_NAME:
      g_value_set_string (value, self->display_name);
      break;

    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;

    case PROP_CURRENT_PAGE:
      g_value_set_uint (value, signet_pdf_viewer_get_current_page (self));
      break;

    case PROP_ZOOM:
      g_value_set_double (value, signet_pdf_viewer_get_zoom (self));
      break;

    case PROP_SHOW_THUMBNAILS:
      g_value_set_boolean (value, self->show_thumbnails);
      break;

    case PROP_HAS_SELECTION:
      g_value_set_boolean (value, signet_pdf_viewer_get_has_selection (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
signet_pdf_viewer_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  SignetPdfViewer *self = SIGNET_PDF_VIEWER (object);

  switch (prop_id)
    {
    case PROP_SHOW_THUMBNAILS:
      set_show_thumbnails (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
signet_pdf_viewer_class_init (SignetPdfViewerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = signet_pdf_viewer_dispose;
  object_class->finalize = signet_pdf_viewer_finalize;
  object_class->get_property = signet_pdf_viewer_get_property;
  object_class->set_property = signet_pdf_viewer_set_property;

  properties[PROP_DISPLAY_NAME] =
    g_param_spec_string ("display-name", NULL, NULL,
                         NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL,
                         SIGNET_TYPE_PDF_DOCUMENT,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_CURRENT_PAGE] =
    g_param_spec_uint ("current-page", NULL, NULL,
                       0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_ZOOM] =
    g_param_spec_double ("zoom", NULL, NULL,
                         SIGNET_PDF_MIN_ZOOM, SIGNET_PDF_MAX_ZOOM, 1.0,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_SHOW_THUMBNAILS] =
    g_param_spec_boolean ("show-thumbnails", NULL, NULL,
                          FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_HAS_SELECTION] =
    g_param_spec_boolean ("has-selection", NULL, NULL,
                          FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[SIGNAL_SELECTION_CHANGED] =
    g_signal_new ("selection-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  signet_pdf_viewer_install_actions (widget_class);

  g_type_ensure (SIGNET_TYPE_PDF_FIND_BAR);
  g_type_ensure (SIGNET_TYPE_PDF_PAGE_VIEW);
  g_type_ensure (SIGNET_TYPE_PDF_THUMBNAILS);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/signet-pdf-viewer.ui");
  gtk_widget_class_bind_template_child (widget_class, SignetPdfViewer, split_view);
  gtk_widget_class_bind_template_child (widget_class, SignetPdfViewer, header_bar);
  gtk_widget_class_bind_template_child (widget_class, SignetPdfViewer, end_box);
  gtk_widget_class_bind_template_child (widget_class, SignetPdfViewer, top_box);
  gtk_widget_class_bind_template_child (widget_class, SignetPdfViewer, stack);
  gtk_widget_class_bind_template_child (widget_class, SignetPdfViewer, page_entry);
  gtk_widget_class_bind_template_child (widget_class, SignetPdfViewer, n_pages_label);
  gtk_widget_class_bind_template_child (widget_class, SignetPdfViewer, zoom_button);
  gtk_widget_class_bind_template_child (widget_class, SignetPdfViewer, find_button);
  gtk_widget_class_bind_template_child (widget_class, SignetPdfViewer, thumbnails);
  gtk_widget_class_bind_template_child (widget_class, SignetPdfViewer, find_revealer);
  gtk_widget_class_bind_template_child (widget_class, SignetPdfViewer, text_banner);
  gtk_widget_class_bind_template_child (widget_class, SignetPdfViewer, find_bar);
  gtk_widget_class_bind_template_child (widget_class, SignetPdfViewer, page_view);
  gtk_widget_class_bind_template_child (widget_class, SignetPdfViewer, password_page);
  gtk_widget_class_bind_template_child (widget_class, SignetPdfViewer, password_entry);
  gtk_widget_class_bind_template_child (widget_class, SignetPdfViewer, password_error_label);
  gtk_widget_class_bind_template_child (widget_class, SignetPdfViewer, unlock_button);
  gtk_widget_class_bind_template_child (widget_class, SignetPdfViewer, error_page);
  gtk_widget_class_bind_template_callback (widget_class, unlock_cb);
  gtk_widget_class_bind_template_callback (widget_class, page_entry_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, thumbnail_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, collapsed_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, show_sidebar_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, find_revealed_cb);
  gtk_widget_class_bind_template_callback (widget_class, find_matches_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, find_current_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, find_closed_cb);
  gtk_widget_class_bind_template_callback (widget_class, current_page_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, zoom_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, rotation_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, has_selection_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, selection_changed_cb);

  gtk_widget_class_set_css_name (widget_class, "signet-pdf-viewer");
}

static void
signet_pdf_viewer_init (SignetPdfViewer *self)
{
  g_autoptr(GMenuModel) zoom_menu = signet_pdf_viewer_create_zoom_menu ();

  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_menu_button_set_menu_model (self->zoom_button, zoom_menu);
  g_object_bind_property (self->find_button, "active", self->find_revealer, "reveal-child",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  signet_pdf_page_view_set_overlay_func (self->page_view, overlay_cb, self, NULL);

  update_page_entry (self);
  update_zoom_label (self);
  signet_pdf_viewer_update_actions (self);
}

GtkWidget *
signet_pdf_viewer_new (void)
{
  return g_object_new (SIGNET_TYPE_PDF_VIEWER, NULL);
}

void
signet_pdf_viewer_load_bytes (SignetPdfViewer *self,
                              GBytes          *bytes,
                              const char      *display_name)
{
  g_return_if_fail (SIGNET_IS_PDF_VIEWER (self));
  g_return_if_fail (bytes != NULL);

  cancel_loading (self);
  set_document (self, NULL);

  g_bytes_ref (bytes);
  g_clear_pointer (&self->bytes, g_bytes_unref);
  self->bytes = bytes;

  if (g_strcmp0 (self->display_name, display_name) != 0)
    {
      g_free (self->display_name);
      self->display_name = g_strdup (display_name);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DISPLAY_NAME]);
    }

  gtk_editable_set_text (GTK_EDITABLE (self->password_entry), "");
  show_page (self, "loading");
  open_document (self, NULL);
}

const char *
signet_pdf_viewer_get_display_name (SignetPdfViewer *self)
{
  g_return_val_if_fail (SIGNET_IS_PDF_VIEWER (self), NULL);

  return self->display_name;
}

SignetPdfDocument *
signet_pdf_viewer_get_document (SignetPdfViewer *self)
{
  g_return_val_if_fail (SIGNET_IS_PDF_VIEWER (self), NULL);

  return self->document;
}

guint
signet_pdf_viewer_get_n_pages (SignetPdfViewer *self)
{
  g_return_val_if_fail (SIGNET_IS_PDF_VIEWER (self), 0);

  return self->document != NULL ? signet_pdf_document_get_n_pages (self->document) : 0;
}

guint
signet_pdf_viewer_get_current_page (SignetPdfViewer *self)
{
  g_return_val_if_fail (SIGNET_IS_PDF_VIEWER (self), 0);

  return signet_pdf_page_view_get_current_page (self->page_view);
}

void
signet_pdf_viewer_go_to_page (SignetPdfViewer *self,
                              guint            page)
{
  g_return_if_fail (SIGNET_IS_PDF_VIEWER (self));

  signet_pdf_page_view_go_to_page (self->page_view, page);
}

double
signet_pdf_viewer_get_zoom (SignetPdfViewer *self)
{
  g_return_val_if_fail (SIGNET_IS_PDF_VIEWER (self), 1.0);

  return signet_pdf_page_view_get_zoom (self->page_view);
}

gboolean
signet_pdf_viewer_get_has_selection (SignetPdfViewer *self)
{
  g_return_val_if_fail (SIGNET_IS_PDF_VIEWER (self), FALSE);

  return signet_pdf_page_view_get_has_selection (self->page_view);
}

GPtrArray *
signet_pdf_viewer_get_selection_rects (SignetPdfViewer *self)
{
  g_return_val_if_fail (SIGNET_IS_PDF_VIEWER (self), NULL);

  return signet_pdf_page_view_get_selection_rects (self->page_view);
}

char *
signet_pdf_viewer_get_selected_text (SignetPdfViewer *self)
{
  g_return_val_if_fail (SIGNET_IS_PDF_VIEWER (self), NULL);

  return signet_pdf_page_view_get_selected_text (self->page_view);
}

gboolean
signet_pdf_viewer_get_page_at (SignetPdfViewer *self,
                               double           x,
                               double           y,
                               guint           *page,
                               double          *page_x,
                               double          *page_y)
{
  graphene_point_t point;

  g_return_val_if_fail (SIGNET_IS_PDF_VIEWER (self), FALSE);

  if (!gtk_widget_compute_point (GTK_WIDGET (self), GTK_WIDGET (self->page_view),
                                 &GRAPHENE_POINT_INIT (x, y), &point))
    return FALSE;

  return signet_pdf_page_view_get_page_at (self->page_view, point.x, point.y, page, page_x, page_y);
}

gboolean
signet_pdf_viewer_page_to_viewer (SignetPdfViewer *self,
                                  guint            page,
                                  double           page_x,
                                  double           page_y,
                                  double          *x,
                                  double          *y)
{
  double view_x, view_y;
  graphene_point_t point;

  g_return_val_if_fail (SIGNET_IS_PDF_VIEWER (self), FALSE);
  g_return_val_if_fail (x != NULL && y != NULL, FALSE);

  if (!signet_pdf_page_view_page_to_widget (self->page_view, page, page_x, page_y, &view_x, &view_y) ||
      !gtk_widget_compute_point (GTK_WIDGET (self->page_view), GTK_WIDGET (self),
                                 &GRAPHENE_POINT_INIT (view_x, view_y), &point))
    return FALSE;

  *x = point.x;
  *y = point.y;

  return TRUE;
}

void
signet_pdf_viewer_set_overlay_func (SignetPdfViewer            *self,
                                    SignetPdfViewerOverlayFunc  func,
                                    gpointer                    user_data,
                                    GDestroyNotify              destroy)
{
  g_return_if_fail (SIGNET_IS_PDF_VIEWER (self));

  if (self->overlay_destroy != NULL)
    self->overlay_destroy (self->overlay_data);

  self->overlay_func = func;
  self->overlay_data = user_data;
  self->overlay_destroy = destroy;

  signet_pdf_viewer_queue_overlay_redraw (self);
}

void
signet_pdf_viewer_queue_overlay_redraw (SignetPdfViewer *self)
{
  g_return_if_fail (SIGNET_IS_PDF_VIEWER (self));

  gtk_widget_queue_draw (GTK_WIDGET (self->page_view));
}
