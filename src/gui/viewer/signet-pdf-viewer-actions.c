/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "signet-pdf-viewer"

#include "config.h"

#include <glib/gi18n.h>

#include "signet-pdf-viewer-private.h"

/* The viewer's "pdf." actions and their shortcuts. */

/* The zoom levels the zoom menu offers besides fitting. */
static const double menu_zoom_levels[] = { 0.5, 0.75, 1.0, 1.25, 1.5, 2.0, 3.0, 4.0 };

static const char * const document_actions[] = {
  "pdf.zoom-in", "pdf.zoom-out", "pdf.zoom-fit-width", "pdf.zoom-fit-page", "pdf.zoom",
  "pdf.rotate-left", "pdf.rotate-right", "pdf.find", "pdf.find-next", "pdf.find-previous",
  "pdf.copy", "pdf.show-thumbnails",
};

char *
signet_pdf_viewer_format_zoom (double zoom)
{
  /* Translators: a zoom level in percent, as in "125%". */
  return g_strdup_printf (_("%.0f%%"), zoom * 100);
}

GMenuModel *
signet_pdf_viewer_create_zoom_menu (void)
{
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenu) fit = g_menu_new ();
  g_autoptr(GMenu) levels = g_menu_new ();

  g_menu_append (fit, _("Fit _Width"), "pdf.zoom-fit-width");
  g_menu_append (fit, _("Fit _Page"), "pdf.zoom-fit-page");

  for (guint i = 0; i < G_N_ELEMENTS (menu_zoom_levels); i++)
    {
      g_autoptr(GMenuItem) item = NULL;
      g_autofree char *label = signet_pdf_viewer_format_zoom (menu_zoom_levels[i]);

      item = g_menu_item_new (label, NULL);
      g_menu_item_set_action_and_target_value (item, "pdf.zoom", g_variant_new_double (menu_zoom_levels[i]));
      g_menu_append_item (levels, item);
    }

  g_menu_append_section (menu, NULL, G_MENU_MODEL (fit));
  g_menu_append_section (menu, NULL, G_MENU_MODEL (levels));

  return G_MENU_MODEL (g_steal_pointer (&menu));
}

void
signet_pdf_viewer_update_actions (SignetPdfViewer *self)
{
  gboolean open = self->document != NULL;
  double zoom = signet_pdf_page_view_get_zoom (self->page_view);

  for (guint i = 0; i < G_N_ELEMENTS (document_actions); i++)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), document_actions[i], open);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "pdf.zoom-in", open && zoom < SIGNET_PDF_MAX_ZOOM);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "pdf.zoom-out", open && zoom > SIGNET_PDF_MIN_ZOOM);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "pdf.copy",
                                 open && signet_pdf_page_view_get_has_selection (self->page_view));
}

static void
zoom_in_activated (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  signet_pdf_page_view_zoom_in (SIGNET_PDF_VIEWER (widget)->page_view);
}

static void
zoom_out_activated (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  signet_pdf_page_view_zoom_out (SIGNET_PDF_VIEWER (widget)->page_view);
}

static void
zoom_fit_width_activated (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  signet_pdf_page_view_set_zoom_mode (SIGNET_PDF_VIEWER (widget)->page_view, SIGNET_PDF_ZOOM_FIT_WIDTH);
}

static void
zoom_fit_page_activated (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  signet_pdf_page_view_set_zoom_mode (SIGNET_PDF_VIEWER (widget)->page_view, SIGNET_PDF_ZOOM_FIT_PAGE);
}

static void
zoom_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  signet_pdf_page_view_set_zoom_at (SIGNET_PDF_VIEWER (widget)->page_view,
                                    g_variant_get_double (parameter), -1, -1);
}

static void
rotate (SignetPdfViewer *self,
        int              degrees)
{
  int rotation = signet_pdf_page_view_get_rotation (self->page_view);

  signet_pdf_page_view_set_rotation (self->page_view, (rotation + degrees + 360) % 360);
}

static void
rotate_left_activated (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  rotate (SIGNET_PDF_VIEWER (widget), -90);
}

static void
rotate_right_activated (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  rotate (SIGNET_PDF_VIEWER (widget), 90);
}

static void
find_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  SignetPdfViewer *self = SIGNET_PDF_VIEWER (widget);

  gtk_revealer_set_reveal_child (self->find_revealer, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->find_bar));
}

static void
find_next_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  SignetPdfViewer *self = SIGNET_PDF_VIEWER (widget);

  if (gtk_revealer_get_reveal_child (self->find_revealer))
    signet_pdf_find_bar_next (self->find_bar);
}

static void
find_previous_activated (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  SignetPdfViewer *self = SIGNET_PDF_VIEWER (widget);

  if (gtk_revealer_get_reveal_child (self->find_revealer))
    signet_pdf_find_bar_previous (self->find_bar);
}

static void
copy_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  signet_pdf_page_view_copy_selection (SIGNET_PDF_VIEWER (widget)->page_view);
}

void
signet_pdf_viewer_install_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "pdf.zoom-in", NULL, zoom_in_activated);
  gtk_widget_class_install_action (widget_class, "pdf.zoom-out", NULL, zoom_out_activated);
  gtk_widget_class_install_action (widget_class, "pdf.zoom-fit-width", NULL, zoom_fit_width_activated);
  gtk_widget_class_install_action (widget_class, "pdf.zoom-fit-page", NULL, zoom_fit_page_activated);
  gtk_widget_class_install_action (widget_class, "pdf.zoom", "d", zoom_activated);
  gtk_widget_class_install_action (widget_class, "pdf.rotate-left", NULL, rotate_left_activated);
  gtk_widget_class_install_action (widget_class, "pdf.rotate-right", NULL, rotate_right_activated);
  gtk_widget_class_install_action (widget_class, "pdf.find", NULL, find_activated);
  gtk_widget_class_install_action (widget_class, "pdf.find-next", NULL, find_next_activated);
  gtk_widget_class_install_action (widget_class, "pdf.find-previous", NULL, find_previous_activated);
  gtk_widget_class_install_action (widget_class, "pdf.copy", NULL, copy_activated);
  gtk_widget_class_install_property_action (widget_class, "pdf.show-thumbnails", "show-thumbnails");

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, GDK_CONTROL_MASK, "pdf.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_equal, GDK_CONTROL_MASK, "pdf.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Add, GDK_CONTROL_MASK, "pdf.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_minus, GDK_CONTROL_MASK, "pdf.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Subtract, GDK_CONTROL_MASK, "pdf.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0, GDK_CONTROL_MASK, "pdf.zoom-fit-width", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_0, GDK_CONTROL_MASK, "pdf.zoom-fit-width", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_CONTROL_MASK, "pdf.rotate-left", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, GDK_CONTROL_MASK, "pdf.rotate-right", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "pdf.find", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_g, GDK_CONTROL_MASK, "pdf.find-next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_g, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "pdf.find-previous", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_c, GDK_CONTROL_MASK, "pdf.copy", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F9, 0, "pdf.show-thumbnails", NULL);
}
