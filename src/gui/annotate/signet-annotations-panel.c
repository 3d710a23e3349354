/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "signet-annotations-panel"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "signet-annotations-panel.h"
#include "signet-error-dialog.h"
#include "signet-pdf-annot.h"
#include "signet-store-attachments.h"
#include "signet-store-obligations.h"
#include "signet-store-team.h"

/* What a row's widgets remember of the annotation they show: the row may
 * be gone from the list (rebuilt after a change) when its comment entry
 * loses the focus. */
#define ANNOTATION_KEY "signet-annotation"
#define ENTRY_KEY      "signet-comment-entry"
#define PAGE_KEY       "signet-page"
#define QUOTE_KEY      "signet-quote"

struct _SignetAnnotationsPanel
{
  GtkWidget              parent_instance;

  GtkWidget             *scrolled_window;
  GtkWidget             *empty_label;
  GtkListBox            *list_box;
  GtkLabel              *file_status_label;
  GtkListBox            *file_list_box;

  SignetAnnotationLayer *layer;

  /* The text of the pages that marks are on, to quote what each covers:
   * read from the document the viewer shows, once per page. */
  SignetPdfDocument     *document;
  GHashTable            *page_texts;     /* page → SignetPdfPageText */
  GHashTable            *text_requests;  /* pages being read */
  GCancellable          *text_cancellable;
};

typedef struct
{
  SignetAnnotationsPanel *self;
  guint                   page;
} TextRequest;

G_DEFINE_FINAL_TYPE (SignetAnnotationsPanel, signet_annotations_panel, GTK_TYPE_WIDGET)

static SignetAnnotation *
annotation_at (SignetAnnotationsPanel *self,
               int                     index)
{
  g_autoptr(SignetAnnotation) annotation = NULL;

  if (self->layer == NULL || index < 0)
    return NULL;

  annotation = g_list_model_get_item (signet_annotation_layer_get_annotations (self->layer), index);

  return g_steal_pointer (&annotation);
}

static GtkListBoxRow *
find_row (SignetAnnotationsPanel *self,
          gint64                  annotation_id)
{
  GListModel *model;

  if (self->layer == NULL || annotation_id == 0)
    return NULL;

  model = signet_annotation_layer_get_annotations (self->layer);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(SignetAnnotation) annotation = g_list_model_get_item (model, i);

      if (signet_annotation_get_id (annotation) == annotation_id)
        return gtk_list_box_get_row_at_index (self->list_box, (int) i);
    }

  return NULL;
}

static char *
format_time (const char *iso8601)
{
  g_autoptr(GDateTime) utc = iso8601 != NULL ? g_date_time_new_from_iso8601 (iso8601, NULL) : NULL;
  g_autoptr(GDateTime) local = utc != NULL ? g_date_time_to_local (utc) : NULL;

  /* Shown as stored when it is no time, or one the local time zone cannot
   * hold (9999-12-31T23:59:59Z east of UTC), as a register imported before
   * times were checked may keep. */
  if (local == NULL)
    return g_strdup (iso8601 != NULL ? iso8601 : "");

  return g_date_time_format (local, "%Y-%m-%d %H:%M");
}

static void
save_comment (SignetAnnotationsPanel *self,
              GtkEditable            *entry)
{
  SignetAnnotation *shown = g_object_get_data (G_OBJECT (entry), ANNOTATION_KEY);
  SignetAnnotation *current;
  g_autoptr(SignetAnnotation) updated = NULL;
  g_autoptr(GError) error = NULL;
  const char *text = gtk_editable_get_text (entry);

  if (self->layer == NULL || shown == NULL)
    return;

  /* Gone (deleted) or already saved: nothing to write. */
  current = signet_annotation_layer_lookup (self->layer, signet_annotation_get_id (shown));
  if (current == NULL || g_strcmp0 (signet_annotation_get_comment (current), text) == 0)
    return;

  updated = signet_store_update_annotation (signet_annotation_layer_get_store (self->layer),
                                            signet_annotation_get_id (shown), NULL, text, &error);
  if (updated == NULL)
    signet_error_dialog_show (GTK_WIDGET (self), _("The Comment Was Not Saved"), error);
}

static void
comment_activated_cb (SignetAnnotationsPanel *self,
                      GtkEntry               *entry)
{
  save_comment (self, GTK_EDITABLE (entry));
}

static void
comment_focus_left_cb (SignetAnnotationsPanel  *self,
                       GtkEventControllerFocus *controller)
{
  save_comment (self, GTK_EDITABLE (gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller))));
}

/* Editing a comment shows which annotation it belongs to. */
static void
comment_focus_entered_cb (SignetAnnotationsPanel  *self,
                          GtkEventControllerFocus *controller)
{
  GtkWidget *entry = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));
  SignetAnnotation *annotation = g_object_get_data (G_OBJECT (entry), ANNOTATION_KEY);

  if (self->layer != NULL && annotation != NULL)
    signet_annotation_layer_set_selected (self->layer, signet_annotation_get_id (annotation));
}

/* Quotes */

static gboolean
kind_marks_text (SignetAnnotationKind kind)
{
  return kind == SIGNET_ANNOTATION_KIND_HIGHLIGHT ||
         kind == SIGNET_ANNOTATION_KIND_UNDERLINE ||
         kind == SIGNET_ANNOTATION_KIND_STRIKEOUT;
}

static void
set_quote (GtkLabel                *label,
           SignetAnnotation        *annotation,
           const SignetPdfPageText *page_text)
{
  GArray *rects = signet_annotation_get_rects (annotation);
  g_autofree SignetPdfRect *pdf_rects = g_new (SignetPdfRect, MAX (rects->len, 1));
  g_autofree char *text = NULL;
  g_autofree char *quoted = NULL;

  for (guint i = 0; i < rects->len; i++)
    {
      const SignetAnnotationRect *r = &g_array_index (rects, SignetAnnotationRect, i);

      pdf_rects[i] = (SignetPdfRect) { r->x1, r->y1, r->x2 - r->x1, r->y2 - r->y1 };
    }

  text = signet_pdf_page_text_get_text_in_rects (page_text, pdf_rects, rects->len);

  /* A mark over a picture, or over letters without text, quotes nothing. */
  if (*text == '\0')
    {
      gtk_widget_set_visible (GTK_WIDGET (label), FALSE);
      return;
    }

  /* Translators: the text a highlight (or underline, strike-out) covers,
   * quoted under it in the annotations panel. */
  quoted = g_strdup_printf (_("“%s”"), text);
  gtk_label_set_text (label, quoted);
  gtk_widget_set_visible (GTK_WIDGET (label), TRUE);
}

static void
text_request_free (TextRequest *request)
{
  g_object_unref (request->self);
  g_free (request);
}

static void
update_quotes (SignetAnnotationsPanel *self,
               guint                   page)
{
  const SignetPdfPageText *page_text = g_hash_table_lookup (self->page_texts, GUINT_TO_POINTER (page));
  GtkListBoxRow *row;

  for (int i = 0; (row = gtk_list_box_get_row_at_index (self->list_box, i)) != NULL; i++)
    {
      GtkLabel *label = g_object_get_data (G_OBJECT (row), QUOTE_KEY);
      SignetAnnotation *annotation = label != NULL ? g_object_get_data (G_OBJECT (label), ANNOTATION_KEY) : NULL;

      if (annotation != NULL && signet_annotation_get_page (annotation) == page)
        set_quote (label, annotation, page_text);
    }
}

static void
page_text_read_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  TextRequest *request = user_data;
  SignetAnnotationsPanel *self = request->self;
  g_autoptr(SignetPdfPageText) page_text = NULL;
  g_autoptr(GError) error = NULL;

  page_text = signet_pdf_document_get_page_text_finish (SIGNET_PDF_DOCUMENT (source), result, &error);

  if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) && SIGNET_PDF_DOCUMENT (source) == self->document)
    {
      g_hash_table_remove (self->text_requests, GUINT_TO_POINTER (request->page));

      /* A damaged page quotes nothing; its marks are still listed. */
      if (page_text != NULL)
        {
          g_hash_table_insert (self->page_texts, GUINT_TO_POINTER (request->page), g_steal_pointer (&page_text));
          update_quotes (self, request->page);
        }
      else
        {
          g_debug ("No text for page %u: %s", request->page + 1, error->message);
        }
    }

  text_request_free (request);
}

/* Shows what @annotation covers, once the text of its page is read. */
static void
show_quote (SignetAnnotationsPanel *self,
            GtkLabel               *label,
            SignetAnnotation       *annotation)
{
  guint page = signet_annotation_get_page (annotation);
  const SignetPdfPageText *page_text = g_hash_table_lookup (self->page_texts, GUINT_TO_POINTER (page));
  TextRequest *request;

  if (page_text != NULL)
    {
      set_quote (label, annotation, page_text);
      return;
    }

  gtk_widget_set_visible (GTK_WIDGET (label), FALSE);

  if (self->document == NULL || page >= signet_pdf_document_get_n_pages (self->document) ||
      g_hash_table_contains (self->text_requests, GUINT_TO_POINTER (page)))
    return;

  g_hash_table_add (self->text_requests, GUINT_TO_POINTER (page));
  request = g_new0 (TextRequest, 1);
  request->self = g_object_ref (self);
  request->page = page;
  signet_pdf_document_get_page_text_async (self->document, page, G_PRIORITY_DEFAULT_IDLE,
                                           self->text_cancellable, page_text_read_cb, request);
}

static void
set_document (SignetAnnotationsPanel *self,
              SignetPdfDocument      *document)
{
  GtkListBoxRow *row;

  if (self->document == document)
    return;

  g_cancellable_cancel (self->text_cancellable);
  g_clear_object (&self->text_cancellable);
  self->text_cancellable = g_cancellable_new ();
  g_hash_table_remove_all (self->page_texts);
  g_hash_table_remove_all (self->text_requests);
  g_set_object (&self->document, document);

  for (int i = 0; (row = gtk_list_box_get_row_at_index (self->list_box, i)) != NULL; i++)
    {
      GtkLabel *label = g_object_get_data (G_OBJECT (row), QUOTE_KEY);

      if (label != NULL)
        show_quote (self, label, g_object_get_data (G_OBJECT (label), ANNOTATION_KEY));
    }
}

static void
document_changed_cb (SignetAnnotationsPanel *self,
                     GParamSpec             *pspec,
                     SignetPdfViewer        *viewer)
{
  set_document (self, signet_pdf_viewer_get_document (viewer));
}

static GtkWidget *
create_color_popover (gint64 annotation_id)
{
  GtkWidget *popover = gtk_popover_new ();

  gtk_popover_set_child (GTK_POPOVER (popover),
                         signet_annotation_color_buttons_new ("annotation.set-color", annotation_id));

  return popover;
}

/* The other end of the clause links: each obligation and risk of the
 * contract that points at the annotation, under it from row @top on. */
static void
add_clause_links (SignetAnnotationsPanel *self,
                  GtkGrid                *grid,
                  gint64                  annotation_id,
                  int                     top)
{
  g_autoptr(GPtrArray) links = NULL;
  g_autoptr(GError) error = NULL;

  links = signet_store_list_clause_links (signet_annotation_layer_get_store (self->layer), annotation_id, &error);
  if (links == NULL)
    {
      g_warning ("Could not read what points at an annotation: %s", error->message);
      return;
    }

  for (guint i = 0; i < links->len; i++)
    {
      const SignetClauseLink *link = g_ptr_array_index (links, i);
      g_autofree char *text = NULL;
      GtkWidget *label;

      if (link->kind == SIGNET_CLAUSE_LINK_OBLIGATION)
        /* Translators: under an annotation, an obligation that comes from
         * its clause: "Obligation: Monthly cleaning report". */
        text = g_strdup_printf (_("Obligation: %s"), link->title);
      else
        /* Translators: under an annotation, a risk that comes from its
         * clause: "Risk: Late delivery penalties". */
        text = g_strdup_printf (_("Risk: %s"), link->title);

      label = gtk_label_new (text);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 30);
      gtk_widget_add_css_class (label, "caption");
      gtk_widget_add_css_class (label, "accent");
      gtk_widget_add_css_class (label, "clause-link");
      gtk_grid_attach (grid, label, 0, top + i, 3, 1);
    }
}

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  SignetAnnotationsPanel *self = user_data;
  SignetAnnotation *annotation = item;
  gint64 id = signet_annotation_get_id (annotation);
  const char *color = signet_annotation_get_color (annotation);
  const char *color_name = signet_annotation_color_get_name (color);
  g_autofree char *time = format_time (signet_annotation_get_created_at (annotation));
  g_autofree char *details = NULL;
  g_autofree char *color_label = NULL;
  GtkEventController *focus;
  GtkWidget *row, *grid, *color_button, *kind_label, *details_label, *entry, *delete_button;

  row = gtk_list_box_row_new ();
  grid = gtk_grid_new ();
  gtk_grid_set_column_spacing (GTK_GRID (grid), 8);
  gtk_grid_set_row_spacing (GTK_GRID (grid), 4);
  gtk_widget_set_margin_top (grid, 8);
  gtk_widget_set_margin_bottom (grid, 8);
  gtk_widget_set_margin_start (grid, 8);
  gtk_widget_set_margin_end (grid, 8);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), grid);

  /* Translators: the button that changes an annotation's colour; %s is
   * the colour it has now, e.g. "Colour: Yellow". */
  color_label = g_strdup_printf (_("Color: %s"), color_name != NULL ? color_name : color);
  color_button = gtk_menu_button_new ();
  gtk_menu_button_set_child (GTK_MENU_BUTTON (color_button), signet_annotation_swatch_new (color));
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (color_button), create_color_popover (id));
  gtk_widget_set_tooltip_text (color_button, color_label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (color_button), GTK_ACCESSIBLE_PROPERTY_LABEL, color_label, -1);
  gtk_widget_set_valign (color_button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (color_button, "flat");
  gtk_grid_attach (GTK_GRID (grid), color_button, 0, 0, 1, 2);

  kind_label = gtk_label_new (signet_annotation_kind_to_label (signet_annotation_get_kind (annotation)));
  gtk_label_set_xalign (GTK_LABEL (kind_label), 0);
  gtk_widget_set_hexpand (kind_label, TRUE);
  gtk_widget_add_css_class (kind_label, "heading");
  gtk_grid_attach (GTK_GRID (grid), kind_label, 1, 0, 1, 1);

  /* Translators: who made an annotation and when, e.g.
   * "Li Lei · 2026-11-27 10:32". */
  details = g_strdup_printf (_("%s · %s"), signet_annotation_get_author (annotation), time);
  details_label = gtk_label_new (details);
  gtk_label_set_xalign (GTK_LABEL (details_label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (details_label), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (details_label, "caption");
  gtk_widget_add_css_class (details_label, "dim-label");
  gtk_grid_attach (GTK_GRID (grid), details_label, 1, 1, 1, 1);

  delete_button = gtk_button_new_from_icon_name ("user-trash-symbolic");
  gtk_widget_set_tooltip_text (delete_button, _("Delete the annotation"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (delete_button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Delete Annotation"), -1);
  gtk_widget_set_valign (delete_button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (delete_button, "flat");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (delete_button), "annotation.delete");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (delete_button), "x", id);
  gtk_grid_attach (GTK_GRID (grid), delete_button, 2, 0, 1, 2);

  if (kind_marks_text (signet_annotation_get_kind (annotation)))
    {
      GtkWidget *quote = gtk_label_new (NULL);

      gtk_label_set_xalign (GTK_LABEL (quote), 0);
      gtk_label_set_wrap (GTK_LABEL (quote), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (quote), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_lines (GTK_LABEL (quote), 2);
      gtk_label_set_max_width_chars (GTK_LABEL (quote), 30);
      gtk_label_set_ellipsize (GTK_LABEL (quote), PANGO_ELLIPSIZE_END);
      gtk_widget_add_css_class (quote, "annotation-quote");
      g_object_set_data_full (G_OBJECT (quote), ANNOTATION_KEY, g_object_ref (annotation), g_object_unref);
      g_object_set_data (G_OBJECT (row), QUOTE_KEY, quote);
      gtk_grid_attach (GTK_GRID (grid), quote, 0, 2, 3, 1);
      show_quote (self, GTK_LABEL (quote), annotation);
    }

  entry = gtk_entry_new ();
  gtk_editable_set_text (GTK_EDITABLE (entry), signet_annotation_get_comment (annotation));
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("Add a comment"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Comment"), -1);
  /* The comment is read, not changed, where the register may not be
   * written (a reader of a team register). */
  if (self->layer != NULL && signet_annotation_layer_get_store (self->layer) != NULL &&
      !signet_store_can_edit (signet_annotation_layer_get_store (self->layer)))
    gtk_editable_set_editable (GTK_EDITABLE (entry), FALSE);
  g_object_set_data_full (G_OBJECT (entry), ANNOTATION_KEY, g_object_ref (annotation), g_object_unref);
  g_signal_connect_object (entry, "activate", G_CALLBACK (comment_activated_cb), self, G_CONNECT_SWAPPED);
  focus = gtk_event_controller_focus_new ();
  g_signal_connect_object (focus, "enter", G_CALLBACK (comment_focus_entered_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (focus, "leave", G_CALLBACK (comment_focus_left_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (entry, focus);
  gtk_grid_attach (GTK_GRID (grid), entry, 0, 3, 3, 1);
  add_clause_links (self, GTK_GRID (grid), id, 4);

  g_object_set_data (G_OBJECT (row), ENTRY_KEY, entry);

  return row;
}

/* The annotations are grouped by page under a heading. */
static void
update_header (GtkListBoxRow *row,
               GtkListBoxRow *before,
               gpointer       user_data)
{
  SignetAnnotationsPanel *self = user_data;
  g_autoptr(SignetAnnotation) annotation = annotation_at (self, gtk_list_box_row_get_index (row));
  g_autoptr(SignetAnnotation) previous = before != NULL ? annotation_at (self, gtk_list_box_row_get_index (before)) : NULL;
  g_autofree char *text = NULL;
  GtkWidget *header;
  guint page;

  if (annotation == NULL)
    return;

  page = signet_annotation_get_page (annotation);
  if (previous != NULL && signet_annotation_get_page (previous) == page)
    {
      gtk_list_box_row_set_header (row, NULL);
      return;
    }

  text = g_strdup_printf (_("Page %u"), page + 1);
  header = gtk_label_new (text);
  gtk_label_set_xalign (GTK_LABEL (header), 0);
  gtk_widget_set_margin_top (header, before != NULL ? 12 : 6);
  gtk_widget_set_margin_bottom (header, 6);
  gtk_widget_set_margin_start (header, 8);
  gtk_widget_add_css_class (header, "caption-heading");
  gtk_widget_add_css_class (header, "dim-label");
  gtk_list_box_row_set_header (row, header);
}

static void
show_selected (SignetAnnotationsPanel *self)
{
  GtkListBoxRow *row = find_row (self, signet_annotation_layer_get_selected (self->layer));

  if (row != NULL)
    gtk_list_box_select_row (self->list_box, row);
  else
    gtk_list_box_unselect_all (self->list_box);
}

/* An empty list says how annotations are made. */
static void
update_empty (SignetAnnotationsPanel *self)
{
  GListModel *model = self->layer != NULL ? signet_annotation_layer_get_annotations (self->layer) : NULL;
  gboolean empty = model == NULL || g_list_model_get_n_items (model) == 0;

  gtk_widget_set_visible (self->empty_label, empty);
  gtk_widget_set_visible (GTK_WIDGET (self->list_box), !empty);
}

static void
annotations_changed_cb (SignetAnnotationsPanel *self,
                        guint                   position,
                        guint                   removed,
                        guint                   added,
                        GListModel             *model)
{
  update_empty (self);
  /* The rows were made again: the one after a change may need a heading
   * now, or none. */
  gtk_list_box_invalidate_headers (self->list_box);
  show_selected (self);
}

static void
selected_changed_cb (SignetAnnotationsPanel *self,
                     GParamSpec             *pspec,
                     SignetAnnotationLayer  *layer)
{
  show_selected (self);
}

static void
row_activated_cb (SignetAnnotationsPanel *self,
                  GtkListBoxRow          *row,
                  GtkListBox             *list_box)
{
  g_autoptr(SignetAnnotation) annotation = annotation_at (self, gtk_list_box_row_get_index (row));

  if (annotation != NULL)
    signet_annotation_layer_reveal (self->layer, signet_annotation_get_id (annotation));
}

/* The PDF's own annotations */

static const char *
pdf_annot_kind_to_label (SignetPdfAnnotKind kind)
{
  switch (kind)
    {
    case SIGNET_PDF_ANNOT_HIGHLIGHT:   return C_("annotation kind", "Highlight");
    case SIGNET_PDF_ANNOT_UNDERLINE:   return C_("annotation kind", "Underline");
    case SIGNET_PDF_ANNOT_STRIKE_OUT:  return C_("annotation kind", "Strike-Out");
    case SIGNET_PDF_ANNOT_SQUIGGLY:    return C_("annotation kind", "Squiggly Underline");
    case SIGNET_PDF_ANNOT_NOTE:        return C_("annotation kind", "Note");
    case SIGNET_PDF_ANNOT_SQUARE:      return C_("annotation kind", "Rectangle");
    case SIGNET_PDF_ANNOT_CIRCLE:      return C_("annotation kind", "Circle");
    case SIGNET_PDF_ANNOT_FREE_TEXT:   return C_("annotation kind", "Text Box");
    case SIGNET_PDF_ANNOT_INK:         return C_("annotation kind", "Drawing");
    case SIGNET_PDF_ANNOT_OTHER:
    default:                           return C_("annotation kind", "Other Mark");
    }
}

static GtkWidget *
create_file_row (const SignetPdfAnnot *annot)
{
  g_autofree char *title = NULL;
  g_autofree char *details = NULL;
  GtkWidget *row, *box, *label;

  row = gtk_list_box_row_new ();
  g_object_set_data (G_OBJECT (row), PAGE_KEY, GUINT_TO_POINTER (annot->page));
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);
  gtk_widget_set_margin_start (box, 8);
  gtk_widget_set_margin_end (box, 8);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);

  /* Translators: an annotation inside a PDF, e.g. "Note · page 3". */
  title = g_strdup_printf (_("%s · page %u"), pdf_annot_kind_to_label (annot->kind), annot->page + 1);
  label = gtk_label_new (title);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "heading");
  gtk_box_append (GTK_BOX (box), label);

  if (annot->author != NULL && annot->modified_time != NULL)
    {
      g_autoptr(GDateTime) local = g_date_time_to_local (annot->modified_time);
      g_autofree char *time = g_date_time_format (local, "%Y-%m-%d %H:%M");

      details = g_strdup_printf (_("%s · %s"), annot->author, time);
    }
  else if (annot->author != NULL)
    {
      details = g_strdup (annot->author);
    }

  if (details != NULL)
    {
      label = gtk_label_new (details);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_widget_add_css_class (label, "caption");
      gtk_widget_add_css_class (label, "dim-label");
      gtk_box_append (GTK_BOX (box), label);
    }

  if (annot->contents != NULL && *annot->contents != '\0')
    {
      label = gtk_label_new (annot->contents);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_lines (GTK_LABEL (label), 3);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 30);
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_box_append (GTK_BOX (box), label);
    }

  return row;
}

static void
file_row_activated_cb (SignetAnnotationsPanel *self,
                       GtkListBoxRow          *row,
                       GtkListBox             *list_box)
{
  if (self->layer != NULL)
    signet_pdf_viewer_go_to_page (signet_annotation_layer_get_viewer (self->layer),
                                  GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), PAGE_KEY)));
}

/* Actions */

static void
set_color_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  SignetAnnotationsPanel *self = SIGNET_ANNOTATIONS_PANEL (widget);
  g_autoptr(SignetAnnotation) updated = NULL;
  g_autoptr(GError) error = NULL;
  const char *color;
  gint64 id;

  if (self->layer == NULL)
    return;

  g_variant_get (parameter, "(x&s)", &id, &color);
  updated = signet_store_update_annotation (signet_annotation_layer_get_store (self->layer), id, color, NULL, &error);
  if (updated == NULL)
    signet_error_dialog_show (widget, _("The Color Was Not Changed"), error);
}

static void
delete_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  SignetAnnotationsPanel *self = SIGNET_ANNOTATIONS_PANEL (widget);

  if (self->layer != NULL)
    signet_annotation_layer_delete (self->layer, g_variant_get_int64 (parameter));
}

/* GObject */

static void
clause_links_changed_cb (SignetAnnotationsPanel *self)
{
  gtk_list_box_bind_model (self->list_box, signet_annotation_layer_get_annotations (self->layer),
                           create_row, self, NULL);
  show_selected (self);
}

static void
disconnect_layer (SignetAnnotationsPanel *self)
{
  if (self->layer == NULL)
    return;

  g_signal_handlers_disconnect_by_data (signet_annotation_layer_get_annotations (self->layer), self);
  g_signal_handlers_disconnect_by_data (self->layer, self);
  g_signal_handlers_disconnect_by_data (signet_annotation_layer_get_store (self->layer), self);
  if (signet_annotation_layer_get_viewer (self->layer) != NULL)
    g_signal_handlers_disconnect_by_data (signet_annotation_layer_get_viewer (self->layer), self);
  gtk_list_box_bind_model (self->list_box, NULL, NULL, NULL, NULL);
  g_clear_object (&self->layer);
  set_document (self, NULL);
}

static void
signet_annotations_panel_dispose (GObject *object)
{
  SignetAnnotationsPanel *self = (SignetAnnotationsPanel *) object;

  disconnect_layer (self);
  g_cancellable_cancel (self->text_cancellable);

  gtk_widget_dispose_template (GTK_WIDGET (object), SIGNET_TYPE_ANNOTATIONS_PANEL);

  G_OBJECT_CLASS (signet_annotations_panel_parent_class)->dispose (object);
}

static void
signet_annotations_panel_finalize (GObject *object)
{
  SignetAnnotationsPanel *self = (SignetAnnotationsPanel *) object;

  g_clear_object (&self->text_cancellable);
  g_clear_pointer (&self->page_texts, g_hash_table_unref);
  g_clear_pointer (&self->text_requests, g_hash_table_unref);

  G_OBJECT_CLASS (signet_annotations_panel_parent_class)->finalize (object);
}

static void
signet_annotations_panel_class_init (SignetAnnotationsPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = signet_annotations_panel_dispose;
  object_class->finalize = signet_annotations_panel_finalize;

  gtk_widget_class_install_action (widget_class, "annotation.set-color", "(xs)", set_color_activated);
  gtk_widget_class_install_action (widget_class, "annotation.delete", "x", delete_activated);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/signet-annotations-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, SignetAnnotationsPanel, scrolled_window);
  gtk_widget_class_bind_template_child (widget_class, SignetAnnotationsPanel, empty_label);
  gtk_widget_class_bind_template_child (widget_class, SignetAnnotationsPanel, list_box);
  gtk_widget_class_bind_template_child (widget_class, SignetAnnotationsPanel, file_status_label);
  gtk_widget_class_bind_template_child (widget_class, SignetAnnotationsPanel, file_list_box);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, file_row_activated_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "signet-annotations-panel");
}

static void
signet_annotations_panel_init (SignetAnnotationsPanel *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->page_texts = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) signet_pdf_page_text_free);
  self->text_requests = g_hash_table_new (NULL, NULL);
  self->text_cancellable = g_cancellable_new ();

  gtk_list_box_set_header_func (self->list_box, update_header, self, NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->file_list_box), FALSE);
}

/* Public API */

GtkWidget *
signet_annotations_panel_new (void)
{
  return g_object_new (SIGNET_TYPE_ANNOTATIONS_PANEL, NULL);
}

void
signet_annotations_panel_set_layer (SignetAnnotationsPanel *self,
                                    SignetAnnotationLayer  *layer)
{
  g_return_if_fail (SIGNET_IS_ANNOTATIONS_PANEL (self));
  g_return_if_fail (layer == NULL || SIGNET_IS_ANNOTATION_LAYER (layer));

  if (self->layer == layer)
    return;

  disconnect_layer (self);

  if (layer != NULL)
    {
      GListModel *model = signet_annotation_layer_get_annotations (layer);

      SignetPdfViewer *viewer = signet_annotation_layer_get_viewer (layer);

      self->layer = g_object_ref (layer);
      /* Before the rows: they quote from the document. */
      set_document (self, signet_pdf_viewer_get_document (viewer));
      g_signal_connect_object (viewer, "notify::document", G_CALLBACK (document_changed_cb), self,
                               G_CONNECT_SWAPPED);
      gtk_list_box_bind_model (self->list_box, model, create_row, self, NULL);
      g_signal_connect_object (model, "items-changed", G_CALLBACK (annotations_changed_cb), self,
                               G_CONNECT_SWAPPED | G_CONNECT_AFTER);
      g_signal_connect_object (layer, "notify::selected", G_CALLBACK (selected_changed_cb), self,
                               G_CONNECT_SWAPPED);
      /* The links under the annotations follow the records that make them. */
      g_signal_connect_object (signet_annotation_layer_get_store (layer),
                               "changed::" SIGNET_STORE_CHANGED_OBLIGATIONS,
                               G_CALLBACK (clause_links_changed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (signet_annotation_layer_get_store (layer), "changed::risks",
                               G_CALLBACK (clause_links_changed_cb), self, G_CONNECT_SWAPPED);
      show_selected (self);
    }

  update_empty (self);
}

void
signet_annotations_panel_set_file_annotations (SignetAnnotationsPanel *self,
                                               GPtrArray              *annotations,
                                               const GError           *error)
{
  GtkWidget *child;
  const char *status = NULL;

  g_return_if_fail (SIGNET_IS_ANNOTATIONS_PANEL (self));

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->file_list_box))) != NULL)
    gtk_list_box_remove (self->file_list_box, child);

  if (error != NULL)
    status = error->message;
  else if (annotations == NULL)
    status = _("Reading the annotations in the file…");
  else if (annotations->len == 0)
    status = _("The file has no annotations of its own.");
  else
    status = _("These annotations are part of the file. They are shown as they are and cannot be changed here.");

  gtk_label_set_text (self->file_status_label, status);

  for (guint i = 0; annotations != NULL && i < annotations->len; i++)
    gtk_list_box_append (self->file_list_box, create_file_row (g_ptr_array_index (annotations, i)));

  gtk_widget_set_visible (GTK_WIDGET (self->file_list_box), annotations != NULL && annotations->len > 0);
}

void
signet_annotations_panel_edit_comment (SignetAnnotationsPanel *self,
                                       gint64                  annotation_id)
{
  GtkListBoxRow *row;

  g_return_if_fail (SIGNET_IS_ANNOTATIONS_PANEL (self));

  row = find_row (self, annotation_id);
  if (row != NULL)
    gtk_widget_grab_focus (g_object_get_data (G_OBJECT (row), ENTRY_KEY));
}
