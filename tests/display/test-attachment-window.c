/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "test-attachment-window"

#include "config.h"

#include <string.h>
#include <unistd.h>

#include <glib/gstdio.h>
#include <poppler.h>
#include <sqlite3.h>

#include "display-test-utils.h"
#include "pdf-fixtures.h"
#include "pdf-test-utils.h"
#include "signet-annotations-panel.h"
#include "signet-attachment-window.h"
#include "signet-pdf-annotated-copy.h"
#include "signet-contract-page.h"
#include "signet-pdf-page-view.h"
#include "signet-store-attachments.h"
#include "signet-window.h"

/* The attachment window on a PDF written here with known words at known
 * places: marking selected text, placing a note and a rectangle, finding
 * them again after reopening the register, the side panel (comment,
 * colour, delete and Undo), the annotated copy as another viewer
 * (pdftoppm) draws it, and a damaged stored file. */

#define WORD        "Payment"
#define WORD_X      72.0
#define WORD_Y      100.0
#define NOTE_X      400.0
#define NOTE_Y      300.0
#define RECT_X1     100.0
#define RECT_Y1     420.0
#define RECT_X2     300.0
#define RECT_Y2     520.0
#define YELLOW      "#f8e45c"
#define BLUE        "#62a0ea"
#define GREEN       "#57e389"
#define RED         "#e01b24"

typedef struct
{
  SignetStore      *store;
  SignetContract   *contract;
  SignetAttachment *attachment;
} Fixture;

static char *fixture_dir;
static GBytes *contract_pdf;

static void
draw_page (cairo_t  *cr,
           guint     page,
           gpointer  user_data)
{
  /* Twice the fixture font's size: words a click can find. */
  cairo_scale (cr, 2, 2);
  if (page == 0)
    {
      pdf_fixture_draw_text (cr, WORD_X / 2, WORD_Y / 2, WORD " is due within thirty days.");
      pdf_fixture_draw_text (cr, WORD_X / 2, 180 / 2, "Termination needs written notice.");
    }
  else
    {
      pdf_fixture_draw_text (cr, WORD_X / 2, WORD_Y / 2, "The second page of the contract.");
    }
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(SignetClient) client = NULL;
  g_autoptr(GError) error = NULL;

  fixture->store = display_test_new_store ();
  client = display_test_add_client (fixture->store, "Acme Trading", "ACME");
  fixture->contract = display_test_add_contract (fixture->store, client, "HT-2026-0001", "Supply agreement", 100000);
  fixture->attachment = signet_store_add_attachment (fixture->store, signet_contract_get_id (fixture->contract),
                                                     contract_pdf, "contract.pdf", "application/pdf",
                                                     SIGNET_ATTACHMENT_ROLE_SIGNED, NULL, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  display_test_destroy_windows ();
  g_clear_object (&fixture->attachment);
  g_clear_object (&fixture->contract);
  g_clear_object (&fixture->store);
}

/* Helpers */

static gboolean
first_page_rendered (gpointer data)
{
  SignetAttachmentWindow *window = data;
  SignetPdfPageView *page_view =
    SIGNET_PDF_PAGE_VIEW (display_test_find_type (GTK_WIDGET (window), SIGNET_TYPE_PDF_PAGE_VIEW));

  return signet_pdf_viewer_get_document (signet_attachment_window_get_viewer (window)) != NULL &&
         signet_pdf_page_view_page_is_rendered (page_view, 0);
}

static SignetAttachmentWindow *
open_window (Fixture *fixture,
             gint64   version_id)
{
  SignetAttachmentWindow *window;

  window = SIGNET_ATTACHMENT_WINDOW (signet_attachment_window_new (NULL, fixture->store, fixture->attachment,
                                                                   version_id));
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 860);
  display_test_show (GTK_WINDOW (window));

  return window;
}

static void
wait_for_document (SignetAttachmentWindow *window)
{
  g_assert_true (display_test_wait_for (first_page_rendered, window));
  display_test_spin (50);
}

static GPtrArray *
list_annotations (SignetStore *store,
                  gint64       version_id)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *list = signet_store_list_annotations (store, version_id, &error);

  g_assert_no_error (error);

  return list;
}

/* Where the word is, as the document's own search finds it. */
static SignetPdfRect
find_word (SignetAttachmentWindow *window,
           const char             *word)
{
  SignetPdfDocument *document = signet_pdf_viewer_get_document (signet_attachment_window_get_viewer (window));
  g_autoptr(GPtrArray) matches = NULL;
  g_autoptr(GError) error = NULL;
  const SignetPdfMatch *match;

  matches = pdf_test_find_text (document, word, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (matches->len, ==, 1);
  match = g_ptr_array_index (matches, 0);
  g_assert_cmpuint (match->page, ==, 0);
  g_assert_cmpuint (match->n_rects, ==, 1);

  return match->rects[0];
}

static GtkGesture *
find_selection_gesture (GtkWidget *page_view)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (page_view);

  /* The page view's own drag selects text; the annotation tools' drag
   * runs in the capture phase before it. */
  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_GESTURE_DRAG (controller) &&
          gtk_event_controller_get_propagation_phase (controller) == GTK_PHASE_BUBBLE)
        return GTK_GESTURE (controller);
    }

  g_assert_not_reached ();
}

static GtkEventController *
find_focus_controller (GtkWidget *widget)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_FOCUS (controller))
        return controller;
    }

  g_assert_not_reached ();
}

typedef struct
{
  SignetPdfViewer *viewer;
  const char      *text;
} SelectionWait;

static gboolean
selection_is (gpointer data)
{
  SelectionWait *wait = data;
  g_autofree char *text = signet_pdf_viewer_get_selected_text (wait->viewer);

  return g_strcmp0 (text, wait->text) == 0;
}

/* Drags across the word along its middle, through the calls the page
 * view's gesture makes for a drag of the mouse. */
static void
select_word (SignetAttachmentWindow *window,
             const SignetPdfRect    *word,
             const char             *text)
{
  SignetPdfViewer *viewer = signet_attachment_window_get_viewer (window);
  GtkWidget *page_view = display_test_find_type (GTK_WIDGET (window), SIGNET_TYPE_PDF_PAGE_VIEW);
  GtkGesture *gesture = find_selection_gesture (page_view);
  SelectionWait wait = { viewer, text };
  graphene_point_t start, end;
  double x1, y1, x2, y2;

  g_assert_true (signet_pdf_viewer_page_to_viewer (viewer, 0, word->x + 0.5, word->y + word->height / 2, &x1, &y1));
  g_assert_true (signet_pdf_viewer_page_to_viewer (viewer, 0, word->x + word->width - 0.5,
                                                   word->y + word->height / 2, &x2, &y2));
  g_assert_true (gtk_widget_compute_point (GTK_WIDGET (viewer), page_view, &GRAPHENE_POINT_INIT (x1, y1), &start));
  g_assert_true (gtk_widget_compute_point (GTK_WIDGET (viewer), page_view, &GRAPHENE_POINT_INIT (x2, y2), &end));
  x1 = start.x;
  y1 = start.y;
  x2 = end.x;
  y2 = end.y;

  g_signal_emit_by_name (gesture, "drag-begin", x1, y1);
  display_test_spin (50);
  g_signal_emit_by_name (gesture, "drag-update", x2 - x1, y2 - y1);
  g_signal_emit_by_name (gesture, "drag-end", x2 - x1, y2 - y1);

  g_assert_true (display_test_wait_for (selection_is, &wait));
  display_test_spin (50);
}

static void
viewer_point (SignetAttachmentWindow *window,
              guint                   page,
              double                  page_x,
              double                  page_y,
              double                 *x,
              double                 *y)
{
  g_assert_true (signet_pdf_viewer_page_to_viewer (signet_attachment_window_get_viewer (window),
                                                   page, page_x, page_y, x, y));
}

static void
activate (GtkWidget  *widget,
          const char *action,
          GVariant   *parameter)
{
  g_assert_true (gtk_widget_activate_action_variant (widget, action, parameter));
  display_test_spin (30);
}

static void
assert_rect (const SignetAnnotationRect *rect,
             double                      x1,
             double                      y1,
             double                      x2,
             double                      y2,
             double                      tolerance)
{
  g_assert_cmpfloat_with_epsilon (rect->x1, x1, tolerance);
  g_assert_cmpfloat_with_epsilon (rect->y1, y1, tolerance);
  g_assert_cmpfloat_with_epsilon (rect->x2, x2, tolerance);
  g_assert_cmpfloat_with_epsilon (rect->y2, y2, tolerance);
}

static const SignetAnnotationRect *
first_rect (SignetAnnotation *annotation)
{
  return &g_array_index (signet_annotation_get_rects (annotation), SignetAnnotationRect, 0);
}

static gboolean
not_exporting (gpointer data)
{
  return !signet_attachment_window_get_exporting (data);
}

static gboolean
shows_text (GtkWidget  *root,
            const char *text)
{
  return display_test_find_label (root, text) != NULL;
}

/* The text of the label next to the one showing @text. */
static const char *
find_text_after (GtkWidget  *root,
                 const char *text)
{
  if (GTK_IS_LABEL (root) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (root)), text) == 0)
    {
      GtkWidget *next = gtk_widget_get_next_sibling (root);

      return GTK_IS_LABEL (next) ? gtk_label_get_text (GTK_LABEL (next)) : "";
    }

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      const char *found = find_text_after (child, text);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* The shown widget under @root that activates @action_name. */
static GtkWidget *
find_actionable (GtkWidget  *root,
                 const char *action_name)
{
  if (GTK_IS_ACTIONABLE (root) && gtk_widget_get_mapped (root) &&
      g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (root)), action_name) == 0)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_actionable (child, action_name);

      if (found != NULL)
        return found;
    }

  return NULL;
}

typedef struct
{
  GtkWidget  *root;
  const char *text;
} TextWait;

static gboolean
label_shown (gpointer data)
{
  TextWait *wait = data;
  GtkWidget *label = display_test_find_label (wait->root, wait->text);

  return label != NULL && gtk_widget_get_mapped (label);
}

static gboolean
open_copy_offered (gpointer data)
{
  return find_actionable (GTK_WIDGET (data), "attachment.open-copy") != NULL;
}

static AdwStatusPage *
find_shown_status_page (GtkWidget *root)
{
  if (ADW_IS_STATUS_PAGE (root) && gtk_widget_get_mapped (root))
    return ADW_STATUS_PAGE (root);

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      AdwStatusPage *found = find_shown_status_page (child);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static guint
count_rows (GtkWidget *list_box)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (list_box); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_BOX_ROW (child))
      n++;

  return n;
}

/* Pixels of the annotated copy as pdftoppm draws them */

static void
rgb_at (PdfFixtureImage *image,
        int              x,
        int              y,
        guint           *r,
        guint           *g,
        guint           *b)
{
  const guchar *p = image->pixels + ((gsize) y * image->width + x) * 4;

  /* GDK_MEMORY_DEFAULT: B, G, R, A in memory on little endian. */
  if (G_BYTE_ORDER == G_LITTLE_ENDIAN)
    {
      *r = p[2];
      *g = p[1];
      *b = p[0];
    }
  else
    {
      *r = p[1];
      *g = p[2];
      *b = p[3];
    }
}

/* The share of the pixels in the rectangle that show the highlight's
 * yellow (the glyphs themselves stay black). */
static double
yellow_fraction (PdfFixtureImage     *image,
                 const SignetPdfRect *rect)
{
  guint yellow = 0, total = 0;

  for (int y = (int) rect->y + 1; y < (int) (rect->y + rect->height) - 1; y++)
    for (int x = (int) rect->x + 1; x < (int) (rect->x + rect->width) - 1; x++)
      {
        guint r, g, b;

        rgb_at (image, x, y, &r, &g, &b);
        total++;
        if (r > 200 && g > 180 && b < 140)
          yellow++;
      }

  return total > 0 ? (double) yellow / total : 0;
}

static PdfFixtureImage *
render_with_pdftoppm (const char *pdftoppm,
                      const char *pdf_path)
{
  g_autofree char *prefix = g_strconcat (pdf_path, "-page", NULL);
  g_autofree char *png_path = g_strconcat (prefix, ".png", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  const char *argv[] = { pdftoppm, "-r", "72", "-png", "-singlefile", "-f", "1", "-l", "1",
                         pdf_path, prefix, NULL };
  int status;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                               NULL, NULL, NULL, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));

  texture = gdk_texture_new_from_filename (png_path, &error);
  g_assert_no_error (error);
  g_unlink (png_path);

  return pdf_fixture_image_new (texture);
}

/* Tests */

/* The whole scenario of the issue in one window: marks, a note, a
 * rectangle, the register reopened, the panel, the annotated copy. */
static void
test_annotate (Fixture       *fixture,
               gconstpointer  data)
{
  gint64 version_id = signet_attachment_get_version_id (fixture->attachment);
  g_autofree char *sha256 = g_strdup (signet_attachment_get_sha256 (fixture->attachment));
  SignetAttachmentWindow *window = open_window (fixture, version_id);
  SignetAnnotationLayer *layer = signet_attachment_window_get_layer (window);
  SignetAnnotationsPanel *panel =
    SIGNET_ANNOTATIONS_PANEL (display_test_find_type (GTK_WIDGET (window), SIGNET_TYPE_ANNOTATIONS_PANEL));
  GtkWidget *note_button = display_test_find_button (GTK_WIDGET (window), "Note");
  GtkWidget *highlight_button = display_test_find_button (GTK_WIDGET (window), "Highlight");
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(SignetAnnotation) note = NULL;
  g_autoptr(SignetAnnotation) rectangle = NULL;
  g_autoptr(SignetStore) reopened = NULL;
  g_autoptr(GError) error = NULL;
  SignetAnnotation *highlight;
  SignetPdfRect word;
  gint64 highlight_id;
  double x, y;

  g_assert_nonnull (layer);
  g_assert_nonnull (panel);
  g_assert_nonnull (note_button);
  g_assert_nonnull (highlight_button);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "contract.pdf");
  wait_for_document (window);
  word = find_word (window, WORD);

  /* Nothing is selected: the text tools are off. */
  g_assert_false (gtk_widget_get_sensitive (highlight_button));

  /* Highlight: select the word, then H (the shortcut's action). */
  select_word (window, &word, WORD);
  g_assert_true (gtk_widget_get_sensitive (highlight_button));
  activate (GTK_WIDGET (window), "annot.highlight", NULL);
  list = list_annotations (fixture->store, version_id);
  g_assert_cmpuint (list->len, ==, 1);
  highlight = g_ptr_array_index (list, 0);
  highlight_id = signet_annotation_get_id (highlight);
  g_assert_cmpint (signet_annotation_get_kind (highlight), ==, SIGNET_ANNOTATION_KIND_HIGHLIGHT);
  g_assert_cmpuint (signet_annotation_get_page (highlight), ==, 0);
  g_assert_cmpstr (signet_annotation_get_color (highlight), ==, YELLOW);
  g_assert_cmpuint (signet_annotation_get_rects (highlight)->len, ==, 1);
  assert_rect (first_rect (highlight), word.x, word.y, word.x + word.width, word.y + word.height, 1.5);
  g_assert_cmpint (signet_annotation_layer_get_selected (layer), ==, highlight_id);
  /* The text selection made way for the mark. */
  g_assert_false (signet_pdf_viewer_get_has_selection (signet_attachment_window_get_viewer (window)));
  g_clear_pointer (&list, g_ptr_array_unref);
  /* The panel quotes what the highlight covers. */
  {
    TextWait quote = { GTK_WIDGET (panel), "“" WORD "”" };

    g_assert_true (display_test_wait_for (label_shown, &quote));
  }

  /* Note: N, then a click on the page, through the calls the tools'
   * gesture makes. */
  activate (GTK_WIDGET (window), "annot.tool", g_variant_new_string ("note"));
  g_assert_cmpint (signet_annotation_layer_get_tool (layer), ==, SIGNET_ANNOTATION_TOOL_NOTE);
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (note_button)));
  viewer_point (window, 0, NOTE_X, NOTE_Y, &x, &y);
  g_assert_true (signet_annotation_layer_begin_tool (layer, x, y));
  note = signet_annotation_layer_end_tool (layer, x, y);
  g_assert_nonnull (note);
  g_assert_cmpint (signet_annotation_get_kind (note), ==, SIGNET_ANNOTATION_KIND_NOTE);
  assert_rect (first_rect (note), NOTE_X, NOTE_Y,
               NOTE_X + SIGNET_ANNOTATION_NOTE_SIZE, NOTE_Y + SIGNET_ANNOTATION_NOTE_SIZE, 0.01);
  /* One note per use of the tool. */
  g_assert_cmpint (signet_annotation_layer_get_tool (layer), ==, SIGNET_ANNOTATION_TOOL_NONE);
  g_assert_false (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (note_button)));

  /* Rectangle in green: R, a colour, a drag; a click alone makes none. */
  activate (GTK_WIDGET (window), "annot.color", g_variant_new_string (GREEN));
  activate (GTK_WIDGET (window), "annot.tool", g_variant_new_string ("rectangle"));
  viewer_point (window, 0, RECT_X2, RECT_Y2, &x, &y);
  g_assert_true (signet_annotation_layer_begin_tool (layer, x, y));
  g_assert_null (signet_annotation_layer_end_tool (layer, x + 1, y + 1));
  g_assert_cmpint (signet_annotation_layer_get_tool (layer), ==, SIGNET_ANNOTATION_TOOL_RECTANGLE);
  /* Dragged up and to the left, as people do too. */
  g_assert_true (signet_annotation_layer_begin_tool (layer, x, y));
  viewer_point (window, 0, (RECT_X1 + RECT_X2) / 2, (RECT_Y1 + RECT_Y2) / 2, &x, &y);
  signet_annotation_layer_update_tool (layer, x, y);
  viewer_point (window, 0, RECT_X1, RECT_Y1, &x, &y);
  rectangle = signet_annotation_layer_end_tool (layer, x, y);
  g_assert_nonnull (rectangle);
  g_assert_cmpint (signet_annotation_get_kind (rectangle), ==, SIGNET_ANNOTATION_KIND_RECTANGLE);
  g_assert_cmpstr (signet_annotation_get_color (rectangle), ==, GREEN);
  assert_rect (first_rect (rectangle), RECT_X1, RECT_Y1, RECT_X2, RECT_Y2, 0.01);

  /* Escape leaves a tool before it is used. */
  activate (GTK_WIDGET (window), "annot.tool", g_variant_new_string ("rectangle"));
  activate (GTK_WIDGET (window), "annot.leave-tool", NULL);
  g_assert_cmpint (signet_annotation_layer_get_tool (layer), ==, SIGNET_ANNOTATION_TOOL_NONE);

  /* A click on the page picks the annotation under it. */
  viewer_point (window, 0, NOTE_X + 5, NOTE_Y + 5, &x, &y);
  g_assert_true (signet_annotation_layer_get_annotation_at (layer, x, y) ==
                 signet_annotation_layer_lookup (layer, signet_annotation_get_id (note)));

  /* Another program (or the next start) reads the same places back. */
  reopened = signet_store_new (signet_store_get_path (fixture->store), &error);
  g_assert_no_error (error);
  list = list_annotations (reopened, version_id);
  g_assert_cmpuint (list->len, ==, 3);
  g_assert_cmpint (signet_annotation_get_kind (g_ptr_array_index (list, 0)), ==, SIGNET_ANNOTATION_KIND_HIGHLIGHT);
  g_assert_cmpint (signet_annotation_get_kind (g_ptr_array_index (list, 1)), ==, SIGNET_ANNOTATION_KIND_NOTE);
  g_assert_cmpint (signet_annotation_get_kind (g_ptr_array_index (list, 2)), ==, SIGNET_ANNOTATION_KIND_RECTANGLE);
  {
    SignetAnnotation *again = g_ptr_array_index (list, 0);
    SignetAnnotation *first = signet_annotation_layer_lookup (layer, highlight_id);

    g_assert_nonnull (first);
    g_assert_cmpuint (signet_annotation_get_page (again), ==, 0);
    assert_rect (first_rect (again), first_rect (first)->x1, first_rect (first)->y1,
                 first_rect (first)->x2, first_rect (first)->y2, 1e-9);
  }
  g_assert_cmpuint (signet_annotation_get_page (g_ptr_array_index (list, 1)), ==, 0);
  assert_rect (first_rect (g_ptr_array_index (list, 1)), NOTE_X, NOTE_Y,
               NOTE_X + SIGNET_ANNOTATION_NOTE_SIZE, NOTE_Y + SIGNET_ANNOTATION_NOTE_SIZE, 0.01);
  assert_rect (first_rect (g_ptr_array_index (list, 2)), RECT_X1, RECT_Y1, RECT_X2, RECT_Y2, 0.01);
  g_clear_pointer (&list, g_ptr_array_unref);
  g_clear_object (&reopened);

  /* The panel lists the three; a comment typed into the first is saved
   * with Enter, one in the second when the focus moves on. */
  {
    GtkWidget *list_box = display_test_find_accessible (GTK_WIDGET (panel), "Annotations");
    GtkListBoxRow *row;
    GtkWidget *entry;
    g_autoptr(SignetAnnotation) stored = NULL;

    g_assert_nonnull (list_box);
    g_assert_cmpuint (count_rows (list_box), ==, 3);

    row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (list_box), 0);
    entry = display_test_find_accessible (GTK_WIDGET (row), "Comment");
    g_assert_nonnull (entry);
    gtk_editable_set_text (GTK_EDITABLE (entry), "Check the due date with legal.");
    g_signal_emit_by_name (entry, "activate");
    stored = signet_store_get_annotation (fixture->store, highlight_id, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (signet_annotation_get_comment (stored), ==, "Check the due date with legal.");
    g_clear_object (&stored);

    /* Without a window manager the window never becomes active, so
     * GTK sends no focus changes: the entry's focus controller is told
     * directly that the focus left. */
    row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (list_box), 1);
    entry = display_test_find_accessible (GTK_WIDGET (row), "Comment");
    gtk_editable_set_text (GTK_EDITABLE (entry), "Ask the client about the deposit.");
    g_signal_emit_by_name (find_focus_controller (entry), "leave");
    display_test_spin (30);
    stored = signet_store_get_annotation (fixture->store, signet_annotation_get_id (note), &error);
    g_assert_no_error (error);
    g_assert_cmpstr (signet_annotation_get_comment (stored), ==, "Ask the client about the deposit.");
    g_clear_object (&stored);

    /* A click on a row goes to the annotation and selects it. */
    signet_pdf_viewer_go_to_page (signet_attachment_window_get_viewer (window), 1);
    display_test_spin (50);
    row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (list_box), 2);
    g_signal_emit_by_name (list_box, "row-activated", row);
    display_test_spin (50);
    g_assert_cmpint (signet_annotation_layer_get_selected (layer), ==, signet_annotation_get_id (rectangle));
    g_assert_cmpuint (signet_pdf_viewer_get_current_page (signet_attachment_window_get_viewer (window)), ==, 0);
    g_assert_true (gtk_list_box_get_selected_row (GTK_LIST_BOX (list_box)) == row);
  }

  /* Underline and strike-out, in the colours chosen for them. */
  {
    SignetPdfRect thirty = find_word (window, "thirty");
    SignetPdfRect termination = find_word (window, "Termination");
    g_autoptr(SignetAnnotation) underline = NULL;
    g_autoptr(SignetAnnotation) strike_out = NULL;

    activate (GTK_WIDGET (window), "annot.color", g_variant_new_string (BLUE));
    select_word (window, &thirty, "thirty");
    activate (GTK_WIDGET (window), "annot.underline", NULL);
    activate (GTK_WIDGET (window), "annot.color", g_variant_new_string (RED));
    select_word (window, &termination, "Termination");
    activate (GTK_WIDGET (window), "annot.strike-out", NULL);

    list = list_annotations (fixture->store, version_id);
    g_assert_cmpuint (list->len, ==, 5);
    underline = g_object_ref (g_ptr_array_index (list, 3));
    strike_out = g_object_ref (g_ptr_array_index (list, 4));
    g_clear_pointer (&list, g_ptr_array_unref);
    g_assert_cmpint (signet_annotation_get_kind (underline), ==, SIGNET_ANNOTATION_KIND_UNDERLINE);
    g_assert_cmpstr (signet_annotation_get_color (underline), ==, BLUE);
    assert_rect (first_rect (underline), thirty.x, thirty.y, thirty.x + thirty.width, thirty.y + thirty.height, 1.5);
    g_assert_cmpint (signet_annotation_get_kind (strike_out), ==, SIGNET_ANNOTATION_KIND_STRIKEOUT);
    g_assert_cmpstr (signet_annotation_get_color (strike_out), ==, RED);
    assert_rect (first_rect (strike_out), termination.x, termination.y,
                 termination.x + termination.width, termination.y + termination.height, 1.5);
  }

  display_test_spin (200);
  g_free (display_test_save_screenshot (GTK_WIDGET (window), "test-attachment-window-annotations"));

  /* Delete from the panel, then Undo in the toast. */
  {
    GtkListBox *list_box = GTK_LIST_BOX (display_test_find_accessible (GTK_WIDGET (panel), "Annotations"));
    GtkWidget *delete_button =
      display_test_find_accessible (GTK_WIDGET (gtk_list_box_get_row_at_index (list_box, 0)), "Delete Annotation");
    GtkWidget *undo;
    g_autoptr(SignetAnnotation) restored = NULL;

    g_assert_nonnull (delete_button);
    g_signal_emit_by_name (delete_button, "clicked");
    display_test_spin (50);
    list = list_annotations (fixture->store, version_id);
    g_assert_cmpuint (list->len, ==, 4);
    g_assert_cmpint (signet_annotation_get_kind (g_ptr_array_index (list, 0)), ==, SIGNET_ANNOTATION_KIND_NOTE);
    g_clear_pointer (&list, g_ptr_array_unref);
    g_assert_cmpuint (count_rows (GTK_WIDGET (list_box)), ==, 4);

    undo = display_test_find_button (GTK_WIDGET (window), "Undo");
    g_assert_nonnull (undo);
    g_signal_emit_by_name (undo, "clicked");
    display_test_spin (50);
    restored = signet_store_get_annotation (fixture->store, highlight_id, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (signet_annotation_get_comment (restored), ==, "Check the due date with legal.");
    g_assert_cmpuint (count_rows (GTK_WIDGET (list_box)), ==, 5);
    /* Its quote is back with it. */
    {
      TextWait quote = { GTK_WIDGET (list_box), "“" WORD "”" };

      g_assert_true (display_test_wait_for (label_shown, &quote));
    }
  }

  /* The colour of one annotation changes from its row. */
  {
    g_autoptr(SignetAnnotation) recoloured = NULL;

    activate (GTK_WIDGET (panel), "annotation.set-color",
              g_variant_new ("(xs)", signet_annotation_get_id (note), BLUE));
    recoloured = signet_store_get_annotation (fixture->store, signet_annotation_get_id (note), &error);
    g_assert_no_error (error);
    g_assert_cmpstr (signet_annotation_get_color (recoloured), ==, BLUE);
  }

  /* The annotated copy: the highlight's yellow is on the word where
   * another viewer draws the page; the stored original is untouched. */
  {
    g_autofree char *pdftoppm = g_find_program_in_path ("pdftoppm");
    g_autofree char *path = g_build_filename (fixture_dir, "contract (annotated).pdf", NULL);
    g_autoptr(GFile) file = g_file_new_for_path (path);
    g_autoptr(PdfFixtureImage) image = NULL;
    g_autoptr(SignetAttachment) stored = NULL;
    g_autoptr(GBytes) original = NULL;
    g_autoptr(GBytes) copy = NULL;

    signet_attachment_window_export_annotated_copy (window, file);
    g_assert_true (signet_attachment_window_get_exporting (window));
    g_assert_true (display_test_wait_for (not_exporting, window));
    g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
    copy = pdf_fixture_load (path);
    g_assert_false (g_bytes_equal (copy, contract_pdf));

    if (pdftoppm == NULL)
      {
        g_test_message ("pdftoppm is not installed (Debian package poppler-utils): "
                        "the annotated copy is not checked the way other viewers draw it.");
      }
    else
      {
        SignetPdfRect elsewhere = { word.x, 260, word.width, word.height };

        image = render_with_pdftoppm (pdftoppm, path);
        g_assert_cmpfloat (yellow_fraction (image, &word), >, 0.4);
        g_assert_cmpfloat (yellow_fraction (image, &elsewhere), <, 0.01);
      }
    g_unlink (path);

    stored = signet_store_get_attachment (fixture->store, signet_attachment_get_id (fixture->attachment), &error);
    g_assert_no_error (error);
    g_assert_cmpstr (signet_attachment_get_sha256 (stored), ==, sha256);
    original = signet_store_load_version_bytes (fixture->store, version_id, &error);
    g_assert_no_error (error);
    g_assert_true (g_bytes_equal (original, contract_pdf));
  }
}

/* The annotated copy attached as the next version: the annotations it
 * carries are listed read-only under "In the File", and the first version
 * still opens, titled as an earlier one, with its own annotations. */
static void
test_file_annotations (Fixture       *fixture,
                       gconstpointer  data)
{
  gint64 first_version = signet_attachment_get_version_id (fixture->attachment);
  g_autofree char *path = g_build_filename (fixture_dir, "copy.pdf", NULL);
  g_autoptr(GPtrArray) exported = g_ptr_array_new_with_free_func ((GDestroyNotify) signet_pdf_export_annot_free);
  g_autoptr(SignetAttachment) replaced = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GBytes) copy = NULL;
  g_autoptr(GError) error = NULL;
  SignetPdfRect note_rect = { 200, 600, 24, 24 };
  SignetAttachmentWindow *window;
  SignetAnnotationsPanel *panel;
  GtkWidget *file_list;
  GtkListBoxRow *row;

  g_ptr_array_add (exported, signet_pdf_export_annot_new (SIGNET_PDF_EXPORT_ANNOT_NOTE, 1, &note_rect, 1,
                                                          BLUE, "Wang Fang", "Seen by the auditor."));
  g_assert_true (signet_pdf_write_annotated_copy (contract_pdf, NULL, exported, file, NULL, &error));
  g_assert_no_error (error);
  copy = pdf_fixture_load (path);
  g_unlink (path);
  replaced = signet_store_replace_attachment (fixture->store, signet_attachment_get_id (fixture->attachment),
                                              copy, "contract.pdf", "application/pdf", &error);
  g_assert_no_error (error);
  g_set_object (&fixture->attachment, replaced);

  window = open_window (fixture, signet_attachment_get_version_id (replaced));
  wait_for_document (window);
  panel = SIGNET_ANNOTATIONS_PANEL (display_test_find_type (GTK_WIDGET (window), SIGNET_TYPE_ANNOTATIONS_PANEL));
  file_list = display_test_find_accessible (GTK_WIDGET (panel), "Annotations in the File");
  g_assert_nonnull (file_list);
  for (int i = 0; i < 500 && count_rows (file_list) == 0; i++)
    display_test_spin (10);
  g_assert_cmpuint (count_rows (file_list), ==, 1);
  g_assert_true (shows_text (file_list, "Note · page 2"));
  g_assert_true (shows_text (file_list, "Seen by the auditor."));
  g_assert_true (g_str_has_prefix (find_text_after (file_list, "Note · page 2"), "Wang Fang · "));

  row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (file_list), 0);
  g_signal_emit_by_name (file_list, "row-activated", row);
  display_test_spin (50);
  g_assert_cmpuint (signet_pdf_viewer_get_current_page (signet_attachment_window_get_viewer (window)), ==, 1);
  g_free (display_test_save_screenshot (GTK_WIDGET (window), "test-attachment-window-in-the-file"));

  /* Version 1 opens too, and annotations there are its own. */
  {
    SignetAttachmentWindow *earlier = open_window (fixture, first_version);
    g_autoptr(SignetAnnotation) note = NULL;
    g_autoptr(GPtrArray) list = NULL;
    double x, y;

    wait_for_document (earlier);
    g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (earlier)), ==, "contract.pdf (version 1)");
    activate (GTK_WIDGET (earlier), "annot.tool", g_variant_new_string ("note"));
    viewer_point (earlier, 0, NOTE_X, NOTE_Y, &x, &y);
    g_assert_true (signet_annotation_layer_begin_tool (signet_attachment_window_get_layer (earlier), x, y));
    note = signet_annotation_layer_end_tool (signet_attachment_window_get_layer (earlier), x, y);
    g_assert_nonnull (note);
    g_assert_cmpint (signet_annotation_get_version_id (note), ==, first_version);

    list = list_annotations (fixture->store, signet_attachment_get_version_id (replaced));
    g_assert_cmpuint (list->len, ==, 0);
    g_assert_cmpuint (g_list_model_get_n_items (signet_annotation_layer_get_annotations (
                        signet_attachment_window_get_layer (window))), ==, 0);
  }
}

static gboolean
shows_status_page (gpointer data)
{
  return find_shown_status_page (GTK_WIDGET (data)) != NULL;
}

static GtkRevealer *
find_revealer_of (GtkWidget *widget)
{
  while (widget != NULL && !GTK_IS_REVEALER (widget))
    widget = gtk_widget_get_parent (widget);

  return widget ? GTK_REVEALER (widget) : NULL;
}

/* The window is there before its file is read (in a thread), and says it
 * is opening it; the pages follow. */
static void
test_opens_before_reading (Fixture       *fixture,
                           gconstpointer  data)
{
  SignetAttachmentWindow *window;
  GtkWidget *label;

  window = SIGNET_ATTACHMENT_WINDOW (signet_attachment_window_new (NULL, fixture->store, fixture->attachment,
                                                                   signet_attachment_get_version_id (fixture->attachment)));
  g_assert_null (signet_attachment_window_get_layer (window));
  label = display_test_find_label (GTK_WIDGET (window), "Opening “contract.pdf”…");
  g_assert_nonnull (label);
  g_assert_true (gtk_revealer_get_reveal_child (find_revealer_of (label)));

  display_test_show (GTK_WINDOW (window));
  wait_for_document (window);
  g_assert_nonnull (signet_attachment_window_get_layer (window));
  g_assert_false (gtk_revealer_get_reveal_child (find_revealer_of (label)));
  g_assert_true (gtk_widget_get_sensitive (display_test_find_button (GTK_WIDGET (window), "Note")));
}

/* The stored bytes changed behind Signet's back: the window says so where
 * the pages would be, and nothing else is affected. */
static void
test_damaged_file (Fixture       *fixture,
                   gconstpointer  data)
{
  const char *damaged = "%PDF-1.4\n% the signed original, with one clause changed\n%%EOF\n";
  g_autoptr(GBytes) png = pdf_fixture_png_bytes ();
  g_autoptr(SignetAttachment) other = NULL;
  g_autoptr(SignetContract) contract = NULL;
  g_autoptr(GError) error = NULL;
  SignetAttachmentWindow *window;
  SignetAttachmentWindow *other_window;
  AdwStatusPage *error_page;
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  other = signet_store_add_attachment (fixture->store, signet_contract_get_id (fixture->contract),
                                       png, "stamp.png", "image/png",
                                       SIGNET_ATTACHMENT_ROLE_APPENDIX, NULL, &error);
  g_assert_no_error (error);

  g_assert_cmpint (sqlite3_open_v2 (signet_store_get_path (fixture->store), &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  sqlite3_busy_timeout (db, 5000);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "UPDATE blobs SET data = ? WHERE sha256 = ?", -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_blob (stmt, 1, damaged, strlen (damaged), SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, signet_attachment_get_sha256 (fixture->attachment), -1, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  g_assert_cmpint (sqlite3_changes (db), ==, 1);
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  window = open_window (fixture, signet_attachment_get_version_id (fixture->attachment));
  g_assert_true (display_test_wait_for (shows_status_page, window));
  error_page = find_shown_status_page (GTK_WIDGET (window));
  g_assert_nonnull (error_page);
  /* In place of the pages. */
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (signet_attachment_window_get_viewer (window))));
  g_assert_cmpstr (adw_status_page_get_title (error_page), ==, "This File Cannot Be Opened");
  g_assert_true (g_str_has_prefix (adw_status_page_get_description (error_page),
                                   "“contract.pdf” is damaged: its SHA-256 checksum is now "));
  g_assert_null (signet_attachment_window_get_layer (window));
  g_assert_false (gtk_widget_get_sensitive (display_test_find_button (GTK_WIDGET (window), "Highlight")));
  g_assert_false (gtk_widget_get_sensitive (display_test_find_button (GTK_WIDGET (window), "Note")));
  display_test_spin (100);
  g_free (display_test_save_screenshot (GTK_WIDGET (window), "test-attachment-window-damaged"));

  /* The contract and its other file are as they were. */
  contract = signet_store_get_contract (fixture->store, signet_contract_get_id (fixture->contract), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (signet_contract_get_title (contract), ==, "Supply agreement");
  {
    g_autoptr(GBytes) bytes = signet_store_load_version_bytes (fixture->store,
                                                              signet_attachment_get_version_id (other), &error);

    g_assert_no_error (error);
    g_assert_nonnull (bytes);
  }

  /* A second open of the same version presents the same window. */
  other_window = signet_attachment_window_open (NULL, fixture->store, fixture->attachment,
                                                signet_attachment_get_version_id (fixture->attachment));
  g_assert_true (other_window == window);
}

static gboolean
asks_for_password (gpointer data)
{
  GtkWidget *entry = display_test_find_accessible (GTK_WIDGET (data), "Password");

  return entry != NULL && gtk_widget_get_mapped (entry);
}

/* A file with a password: the annotated copy is written with the password
 * the file was opened with, and opens with it. */
static void
test_encrypted_copy (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *plain = g_build_filename (fixture_dir, "plain.pdf", NULL);
  g_autofree char *locked = g_build_filename (fixture_dir, "locked.pdf", NULL);
  g_autofree char *copy_path = g_build_filename (fixture_dir, "locked (annotated).pdf", NULL);
  g_autofree char *copy_uri = NULL;
  g_autoptr(GFile) copy_file = g_file_new_for_path (copy_path);
  g_autoptr(SignetAttachment) attachment = NULL;
  g_autoptr(SignetAnnotation) note = NULL;
  PopplerDocument *copy;
  PopplerPage *page;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  const SignetAnnotationRect rect = { NOTE_X, NOTE_Y, NOTE_X + 20, NOTE_Y + 20 };
  SignetAttachmentWindow *window;
  GList *mapping;
  GtkWidget *entry, *highlight_button, *note_button, *open_button;

  if (pdf_fixture_find_qpdf () == NULL)
    {
      g_test_skip ("qpdf is not installed: it encrypts the file for this test.");
      return;
    }

  pdf_fixture_write (plain, 1, 595, 842, NULL, draw_page, NULL);
  {
    const char *args[] = { "--encrypt", "user", "owner", "256", "--", plain, locked, NULL };

    pdf_fixture_qpdf (args, &error);
    g_assert_no_error (error);
  }
  bytes = pdf_fixture_load (locked);
  attachment = signet_store_add_attachment (fixture->store, signet_contract_get_id (fixture->contract),
                                            bytes, "locked.pdf", "application/pdf",
                                            SIGNET_ATTACHMENT_ROLE_SIGNED, NULL, &error);
  g_assert_no_error (error);
  note = signet_store_add_annotation (fixture->store, signet_attachment_get_version_id (attachment),
                                      SIGNET_ANNOTATION_KIND_NOTE, 0, &rect, 1, BLUE, "Ask for the key.", &error);
  g_assert_no_error (error);

  window = SIGNET_ATTACHMENT_WINDOW (signet_attachment_window_new (NULL, fixture->store, attachment,
                                                                   signet_attachment_get_version_id (attachment)));
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 860);
  display_test_show (GTK_WINDOW (window));
  g_assert_true (display_test_wait_for (asks_for_password, window));

  /* No annotation tools over the password page: there is nothing yet to
   * annotate. */
  highlight_button = display_test_find_button (GTK_WIDGET (window), "Highlight");
  note_button = display_test_find_button (GTK_WIDGET (window), "Note");
  g_assert_nonnull (highlight_button);
  g_assert_nonnull (note_button);
  g_assert_false (gtk_widget_is_visible (highlight_button));
  g_assert_false (gtk_widget_is_visible (note_button));
  g_free (display_test_save_screenshot (GTK_WIDGET (window), "test-attachment-window-password"));

  entry = display_test_find_accessible (GTK_WIDGET (window), "Password");
  g_assert_true (GTK_IS_PASSWORD_ENTRY (entry));
  gtk_editable_set_text (GTK_EDITABLE (entry), "user");
  g_signal_emit_by_name (entry, "activate");
  wait_for_document (window);
  g_assert_true (gtk_widget_is_visible (highlight_button));
  g_assert_true (gtk_widget_is_visible (note_button));

  signet_attachment_window_export_annotated_copy (window, copy_file);
  g_assert_true (display_test_wait_for (not_exporting, window));
  g_assert_true (g_file_test (copy_path, G_FILE_TEST_IS_REGULAR));

  /* The toast that says so opens the copy. */
  g_assert_true (display_test_wait_for (open_copy_offered, window));
  open_button = find_actionable (GTK_WIDGET (window), "attachment.open-copy");
  g_assert_true (display_test_shows_label (open_button, "Open"));
  copy_uri = g_file_get_uri (copy_file);
  g_assert_cmpstr (g_variant_get_string (gtk_actionable_get_action_target_value (GTK_ACTIONABLE (open_button)), NULL),
                   ==, copy_uri);
  /* A button whose action the window does not have is insensitive.
   * Launching is left alone: a desktop may have a PDF reader to start. */
  g_assert_true (gtk_widget_is_sensitive (open_button));

  /* Still locked, and the note is in it. */
  copy = poppler_document_new_from_file (copy_uri, NULL, NULL);
  g_assert_null (copy);
  copy = poppler_document_new_from_file (copy_uri, "user", &error);
  g_assert_no_error (error);
  page = poppler_document_get_page (copy, 0);
  mapping = poppler_page_get_annot_mapping (page);
  g_assert_cmpuint (g_list_length (mapping), ==, 1);
  poppler_page_free_annot_mapping (mapping);
  g_object_unref (page);
  g_object_unref (copy);

  g_unlink (copy_path);
  g_unlink (locked);
  g_unlink (plain);
}

static gboolean
replace_question_shown (gpointer data)
{
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  return display_test_find_toplevel (GTK_TYPE_MESSAGE_DIALOG) != NULL;
  G_GNUC_END_IGNORE_DEPRECATIONS
}

static char *
checksum_file (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  if (!g_file_get_contents (path, &contents, &length, NULL))
    return g_strdup ("none");

  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, length);
}

/* The bytes of the register and its WAL, and what it holds. */
static char *
describe_register (SignetStore *store)
{
  g_autofree char *wal_path = g_strconcat (signet_store_get_path (store), "-wal", NULL);
  g_autofree char *database = checksum_file (signet_store_get_path (store));
  g_autofree char *wal = checksum_file (wal_path);

  return g_strdup_printf ("database %s, WAL %s, %u contract(s)", database, wal,
                          signet_store_count_contracts (store));
}

/* The register picked in the file dialog of @action, "Replace" confirmed:
 * the window says why it writes nothing, and writes nothing. */
static void
choose_register (SignetAttachmentWindow *window,
                 const char             *action,
                 const char             *heading)
{
  SignetStore *store = signet_attachment_window_get_store (window);
  g_autoptr(GFile) file = g_file_new_for_path (signet_store_get_path (store));
  g_autoptr(GFile) folder = g_file_get_parent (file);
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *before = describe_register (store);
  g_autofree char *after = NULL;
  g_autofree char *expected =
    g_strdup_printf ("“%s” is Signet's own register file. Choose another file; nothing was read or written.",
                     signet_store_get_path (store));
  GtkWidget *chooser;
  GtkWidget *question;
  AdwAlertDialog *alert;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), action, NULL));
  g_assert_true (display_test_wait_for (display_test_file_chooser_shown, NULL));
  chooser = display_test_find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG);

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  /* The chooser opens on the current folder once it is shown, and fills
   * in its path bar after that (GTK 4.18 warns when the folder changes
   * under a path bar still filling in); the user then goes to the
   * register's folder and types its name. */
  g_assert_true (display_test_wait_for (display_test_chooser_has_folder, chooser));
  display_test_spin (500);
  g_assert_true (gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, NULL));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  display_test_spin (300);
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_ACCEPT);
  g_assert_true (display_test_wait_for (replace_question_shown, NULL));
  /* GTK 4.18 asks with a GtkAlertDialog, whose buttons answer with their
   * place: Replace is the second. */
  while ((question = display_test_find_toplevel (GTK_TYPE_MESSAGE_DIALOG)) != NULL)
    {
      gtk_dialog_response (GTK_DIALOG (question), 1);
      display_test_spin (200);
    }
  G_GNUC_END_IGNORE_DEPRECATIONS

  g_assert_true (display_test_wait_for (display_test_alert_shown, NULL));
  alert = display_test_find_alert_dialog ();
  g_assert_cmpstr (adw_alert_dialog_get_heading (alert), ==, heading);
  g_assert_cmpstr (adw_alert_dialog_get_body (alert), ==, expected);
  display_test_respond ("close");

  display_test_spin (300);
  g_assert_false (signet_attachment_window_get_exporting (window));
  after = describe_register (store);
  g_assert_cmpstr (after, ==, before);
}

/* Save Original As… and Export Annotated Copy… refuse the register as
 * the file to write, picked in their file dialogs. */
static void
test_copies_refuse_register (Fixture       *fixture,
                             gconstpointer  data)
{
  SignetAttachmentWindow *window = open_window (fixture, signet_attachment_get_version_id (fixture->attachment));

  wait_for_document (window);
  choose_register (window, "attachment.save-original", "The File Was Not Saved");
  choose_register (window, "attachment.export-annotated", "The Annotated Copy Was Not Saved");
}

/* Opening a PDF from the contract page opens its window, once. */
static void
test_open_from_contract_page (Fixture       *fixture,
                              gconstpointer  data)
{
  SignetWindow *main_window = signet_window_new (NULL, fixture->store, NULL);
  GtkWidget *page;
  GListModel *toplevels = gtk_window_get_toplevels ();
  SignetAttachmentWindow *opened = NULL;
  guint n_windows = 0;

  display_test_show (GTK_WINDOW (main_window));
  page = display_test_find_type (GTK_WIDGET (main_window), SIGNET_TYPE_CONTRACT_PAGE);
  g_assert_nonnull (page);

  for (int i = 0; i < 2; i++)
    {
      g_signal_emit_by_name (page, "open-pdf", fixture->attachment,
                             signet_attachment_get_version_id (fixture->attachment));
      display_test_spin (50);
    }

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (SIGNET_IS_ATTACHMENT_WINDOW (window))
        {
          opened = SIGNET_ATTACHMENT_WINDOW (window);
          n_windows++;
        }
    }

  g_assert_cmpuint (n_windows, ==, 1);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (opened)) == GTK_WINDOW (main_window));
  g_assert_cmpint (signet_attachment_window_get_version_id (opened), ==,
                   signet_attachment_get_version_id (fixture->attachment));
  wait_for_document (opened);
}

/* The single-key shortcuts, typed through the X server: they reach the
 * tools from the pages, and a comment being typed keeps its letters. */
static void
test_keyboard (Fixture       *fixture,
               gconstpointer  data)
{
  g_autofree char *name = g_strdup_printf ("shortcuts-%d.pdf", (int) getpid ());
  g_autoptr(SignetAttachment) attachment = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *window_id = NULL;
  SignetAttachmentWindow *window;
  SignetAnnotationLayer *layer;
  g_autoptr(SignetAnnotation) note = NULL;
  SignetPdfRect word;
  double x, y;

  if (g_find_program_in_path ("xdotool") == NULL)
    {
      g_test_skip ("xdotool is not installed: it types the keys for this test.");
      return;
    }

  attachment = signet_store_add_attachment (fixture->store, signet_contract_get_id (fixture->contract),
                                            contract_pdf, name, "application/pdf",
                                            SIGNET_ATTACHMENT_ROLE_OTHER, NULL, &error);
  g_assert_no_error (error);
  g_set_object (&fixture->attachment, attachment);
  window = open_window (fixture, signet_attachment_get_version_id (attachment));
  layer = signet_attachment_window_get_layer (window);
  wait_for_document (window);

  window_id = display_test_find_x_window (name);
  if (window_id == NULL || !display_test_press_keys (window_id, "r"))
    {
      g_test_skip ("xdotool cannot drive the display.");
      return;
    }

  g_assert_cmpint (signet_annotation_layer_get_tool (layer), ==, SIGNET_ANNOTATION_TOOL_RECTANGLE);
  g_assert_true (display_test_press_keys (window_id, "n"));
  g_assert_cmpint (signet_annotation_layer_get_tool (layer), ==, SIGNET_ANNOTATION_TOOL_NOTE);
  g_assert_true (display_test_press_keys (window_id, "Escape"));
  g_assert_cmpint (signet_annotation_layer_get_tool (layer), ==, SIGNET_ANNOTATION_TOOL_NONE);

  word = find_word (window, WORD);
  select_word (window, &word, WORD);
  g_assert_true (display_test_press_keys (window_id, "h"));
  list = list_annotations (fixture->store, signet_attachment_get_version_id (attachment));
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_cmpint (signet_annotation_get_kind (g_ptr_array_index (list, 0)), ==, SIGNET_ANNOTATION_KIND_HIGHLIGHT);
  g_clear_pointer (&list, g_ptr_array_unref);

  /* Delete takes the selected one (the mark just made). */
  g_assert_true (display_test_press_keys (window_id, "Delete"));
  list = list_annotations (fixture->store, signet_attachment_get_version_id (attachment));
  g_assert_cmpuint (list->len, ==, 0);
  g_clear_pointer (&list, g_ptr_array_unref);

  /* A new note puts the focus in its comment: "h" and "s" are letters of
   * the comment there, and Enter saves it. */
  g_assert_true (display_test_press_keys (window_id, "n"));
  viewer_point (window, 0, NOTE_X, NOTE_Y, &x, &y);
  g_assert_true (signet_annotation_layer_begin_tool (layer, x, y));
  note = signet_annotation_layer_end_tool (layer, x, y);
  g_assert_nonnull (note);
  g_assert_true (display_test_press_keys (window_id, "h u s h Return"));
  list = list_annotations (fixture->store, signet_attachment_get_version_id (attachment));
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_cmpstr (signet_annotation_get_comment (g_ptr_array_index (list, 0)), ==, "hush");
}

static gboolean
text_banner_shown (gpointer data)
{
  AdwBanner *banner = ADW_BANNER (display_test_find_type (GTK_WIDGET (data), ADW_TYPE_BANNER));

  return adw_banner_get_revealed (banner) && gtk_widget_get_mapped (GTK_WIDGET (banner));
}

/* A Chinese file whose text poppler gives as Latin-1 letters: the window
 * says its text is not to be trusted, and the recovered text is what find
 * finds, what a selection holds and what a highlight quotes. */
static void
test_chinese_text (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(SignetAttachment) attachment = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  SignetAttachmentWindow *window;
  SignetAnnotationsPanel *panel;
  TextWait quote = { NULL, "“关于红军作战的原则”" };
  SignetPdfRect title;

  bytes = display_test_read_corpus_file ("XiaoBiaoSong.pdf");
  if (bytes == NULL)
    {
      g_test_skip ("The PDF corpus (SIGNET_PDF_CORPUS_DEFAULT_DIR) has no XiaoBiaoSong.pdf.");
      return;
    }
  attachment = signet_store_add_attachment (fixture->store, signet_contract_get_id (fixture->contract),
                                            bytes, "XiaoBiaoSong.pdf", "application/pdf",
                                            SIGNET_ATTACHMENT_ROLE_OTHER, NULL, &error);
  g_assert_no_error (error);
  g_set_object (&fixture->attachment, attachment);

  window = open_window (fixture, signet_attachment_get_version_id (attachment));
  panel = SIGNET_ANNOTATIONS_PANEL (display_test_find_type (GTK_WIDGET (window), SIGNET_TYPE_ANNOTATIONS_PANEL));
  wait_for_document (window);
  g_assert_true (display_test_wait_for (text_banner_shown, window));

  title = find_word (window, "关于红军作战的原则");
  select_word (window, &title, "关于红军作战的原则");
  activate (GTK_WIDGET (window), "annot.highlight", NULL);
  list = list_annotations (fixture->store, signet_attachment_get_version_id (attachment));
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_cmpint (signet_annotation_get_kind (g_ptr_array_index (list, 0)), ==, SIGNET_ANNOTATION_KIND_HIGHLIGHT);

  quote.root = GTK_WIDGET (panel);
  g_assert_true (display_test_wait_for (label_shown, &quote));
  display_test_spin (200);
  g_free (display_test_save_screenshot (GTK_WIDGET (window), "test-attachment-window-chinese-text"));
}

/* A register opened read-only (as a reader's team register) shows the
 * file and adds no annotation: the markup tools are off. */
static void
test_read_only (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(SignetStore) writable = g_steal_pointer (&fixture->store);
  g_autoptr(GError) error = NULL;
  SignetAttachmentWindow *window;
  GtkWidget *note;

  fixture->store = signet_store_open (signet_store_get_path (writable), SIGNET_STORE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);

  window = open_window (fixture, signet_attachment_get_version_id (fixture->attachment));
  wait_for_document (window);
  note = display_test_find_button (GTK_WIDGET (window), "Note");
  g_assert_nonnull (note);
  g_assert_false (gtk_widget_get_sensitive (note));
  g_assert_false (gtk_widget_get_sensitive (display_test_find_button (GTK_WIDGET (window),
                                                                     "Rectangle")));
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *path = NULL;
  int result;

  display_test_init (&argc, &argv);

  fixture_dir = g_dir_make_tmp ("signet-attachment-window-XXXXXX", NULL);
  g_assert_nonnull (fixture_dir);
  path = g_build_filename (fixture_dir, "contract.pdf", NULL);
  pdf_fixture_write (path, 2, 595, 842, "Supply agreement", draw_page, NULL);
  contract_pdf = pdf_fixture_load (path);
  g_unlink (path);

  g_test_add ("/attachment-window/annotate", Fixture, NULL, fixture_set_up, test_annotate, fixture_tear_down);
  g_test_add ("/attachment-window/read-only", Fixture, NULL, fixture_set_up, test_read_only, fixture_tear_down);
  g_test_add ("/attachment-window/file-annotations", Fixture, NULL,
              fixture_set_up, test_file_annotations, fixture_tear_down);
  g_test_add ("/attachment-window/damaged-file", Fixture, NULL, fixture_set_up, test_damaged_file, fixture_tear_down);
  g_test_add ("/attachment-window/chinese-text", Fixture, NULL, fixture_set_up, test_chinese_text, fixture_tear_down);
  g_test_add ("/attachment-window/open-from-contract-page", Fixture, NULL,
              fixture_set_up, test_open_from_contract_page, fixture_tear_down);
  g_test_add ("/attachment-window/keyboard", Fixture, NULL, fixture_set_up, test_keyboard, fixture_tear_down);
  g_test_add ("/attachment-window/encrypted-copy", Fixture, NULL, fixture_set_up, test_encrypted_copy,
              fixture_tear_down);
  g_test_add ("/attachment-window/opens-before-reading", Fixture, NULL, fixture_set_up,
              test_opens_before_reading, fixture_tear_down);
  g_test_add ("/attachment-window/copies-refuse-register", Fixture, NULL, fixture_set_up,
              test_copies_refuse_register, fixture_tear_down);

  result = g_test_run ();

  g_bytes_unref (contract_pdf);
  g_rmdir (fixture_dir);
  g_free (fixture_dir);

  return result;
}
