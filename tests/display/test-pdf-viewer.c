/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "test-pdf-viewer"

#include "config.h"

#include <string.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "display-test-utils.h"
#include "pdf-fixtures.h"
#include "signet-pdf-find-bar.h"
#include "signet-pdf-page-view.h"
#include "signet-pdf-thumbnails.h"
#include "signet-pdf-viewer.h"

/* The PDF viewer with a 100-page document written here: each page says
 * "Signet page N" in large type, and every tenth page from the 7th on
 * has a Chinese line with 付款条款 in it. */

#define N_PAGES 100
#define HEADING_X 72.0
#define HEADING_Y 60.0
#define CHINESE_WORD "付款条款"

typedef struct
{
  GtkWidget         *window;
  SignetPdfViewer   *viewer;
  SignetPdfPageView *page_view;
  SignetPdfFindBar  *find_bar;
  GtkEntry          *page_entry;
  char              *title;
} Fixture;

typedef struct
{
  Fixture    *fixture;
  guint       page;
  const char *text;
} Wait;

static const char * const fixture_files[] = { "hundred.pdf", "plain.pdf", "locked.pdf" };
static GBytes *hundred_pages;
static char *fixture_dir;

static void
draw_page (cairo_t  *cr,
           guint     page,
           gpointer  user_data)
{
  g_autofree char *heading = g_strdup_printf ("Signet page %u", page + 1);
  g_autofree char *body = g_strdup_printf ("This is the body text of page %u of the test contract.", page + 1);

  cairo_save (cr);
  cairo_scale (cr, 2, 2);
  pdf_fixture_draw_text (cr, HEADING_X / 2, HEADING_Y / 2, heading);
  cairo_restore (cr);

  pdf_fixture_draw_text (cr, HEADING_X, 140, body);

  if (page % 10 == 6)
    {
      g_autofree char *chinese = g_strdup_printf ("第%u页：" CHINESE_WORD "按合同执行。", page + 1);

      cairo_save (cr);
      cairo_scale (cr, 2, 2);
      pdf_fixture_draw_text (cr, HEADING_X / 2, 100, chinese);
      cairo_restore (cr);
    }
}

static char *
fixture_path (const char *name)
{
  return g_build_filename (fixture_dir, name, NULL);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  static guint counter;

  fixture->title = g_strdup_printf ("Signet PDF viewer test %d-%u", (int) getpid (), ++counter);
  fixture->window = gtk_window_new ();
  gtk_window_set_title (GTK_WINDOW (fixture->window), fixture->title);
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 900, 760);

  fixture->viewer = SIGNET_PDF_VIEWER (signet_pdf_viewer_new ());
  gtk_window_set_child (GTK_WINDOW (fixture->window), GTK_WIDGET (fixture->viewer));

  fixture->page_view = SIGNET_PDF_PAGE_VIEW (display_test_find_type (fixture->window, SIGNET_TYPE_PDF_PAGE_VIEW));
  fixture->find_bar = SIGNET_PDF_FIND_BAR (display_test_find_type (fixture->window, SIGNET_TYPE_PDF_FIND_BAR));
  fixture->page_entry = GTK_ENTRY (display_test_find_accessible (fixture->window, "Page Number"));
  g_assert_nonnull (fixture->page_view);
  g_assert_nonnull (fixture->find_bar);
  g_assert_nonnull (fixture->page_entry);

  display_test_show (GTK_WINDOW (fixture->window));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  display_test_destroy_windows ();
  g_free (fixture->title);
}

static const char *
visible_page (Fixture *fixture)
{
  GtkStack *stack = GTK_STACK (display_test_find_type (GTK_WIDGET (fixture->viewer), GTK_TYPE_STACK));

  return gtk_stack_get_visible_child_name (stack);
}

static AdwStatusPage *
visible_status_page (Fixture *fixture)
{
  GtkStack *stack = GTK_STACK (display_test_find_type (GTK_WIDGET (fixture->viewer), GTK_TYPE_STACK));
  GtkWidget *child = gtk_stack_get_visible_child (stack);

  g_assert_true (ADW_IS_STATUS_PAGE (child));

  return ADW_STATUS_PAGE (child);
}

static gboolean
page_rendered (gpointer data)
{
  Wait *wait = data;

  return signet_pdf_page_view_page_is_rendered (wait->fixture->page_view, wait->page);
}

static gboolean
stack_shows (gpointer data)
{
  Wait *wait = data;

  return g_strcmp0 (visible_page (wait->fixture), wait->text) == 0;
}

static gboolean
search_done (gpointer data)
{
  Wait *wait = data;
  SignetPdfFindBar *find_bar = wait->fixture->find_bar;

  return !signet_pdf_find_bar_get_searching (find_bar) &&
         signet_pdf_find_bar_get_matches (find_bar) != NULL &&
         g_strcmp0 (signet_pdf_find_bar_get_text (find_bar), wait->text) == 0;
}

static void
wait_for_page (Fixture *fixture,
               guint    page)
{
  Wait wait = { fixture, page, NULL };

  g_assert_true (display_test_wait_for (page_rendered, &wait));
}

static gboolean
entry_shows (gpointer data)
{
  Wait *wait = data;

  return g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (wait->fixture->page_entry)), wait->text) == 0;
}

/* The toolbar follows the view within a frame. */
static void
assert_page_entry (Fixture    *fixture,
                   const char *text)
{
  Wait wait = { fixture, 0, text };

  display_test_wait_for (entry_shows, &wait);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (fixture->page_entry)), ==, text);
}

static void
wait_for_stack (Fixture    *fixture,
                const char *name)
{
  Wait wait = { fixture, 0, name };

  g_assert_true (display_test_wait_for (stack_shows, &wait));
}

static void
load (Fixture    *fixture,
      GBytes     *bytes,
      const char *name)
{
  signet_pdf_viewer_load_bytes (fixture->viewer, bytes, name);
}

static guint
find (Fixture    *fixture,
      const char *text)
{
  Wait wait = { fixture, 0, text };

  signet_pdf_find_bar_set_text (fixture->find_bar, text);
  g_assert_true (display_test_wait_for (search_done, &wait));
  display_test_spin (50);

  return signet_pdf_find_bar_get_matches (fixture->find_bar)->len;
}

static const char *
find_status (Fixture *fixture)
{
  GtkWidget *box = gtk_widget_get_first_child (GTK_WIDGET (fixture->find_bar));

  /* The label next to the entry, not the entry's placeholder. */
  for (GtkWidget *child = gtk_widget_get_first_child (box); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LABEL (child))
      return gtk_label_get_text (GTK_LABEL (child));

  g_assert_not_reached ();
}

static void
activate (Fixture    *fixture,
          const char *action)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->viewer), action, NULL));
  display_test_spin (30);
}

static GdkTexture *
take_screenshot (GtkWidget *widget)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);

  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_to_node (snapshot);
  g_assert_nonnull (node);

  return gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (widget)),
                                      node, &GRAPHENE_RECT_INIT (0, 0, width, height));
}

/* Saves what the window shows next to the test program, for a person to
 * look at, and returns it. */
static GdkTexture *
save_screenshot (Fixture    *fixture,
                 const char *name)
{
  g_autofree char *dir = g_canonicalize_filename (g_test_get_dir (G_TEST_BUILT), NULL);
  g_autofree char *file = g_strdup_printf ("test-pdf-viewer-%s.png", name);
  g_autofree char *path = g_build_filename (dir, file, NULL);
  GdkTexture *screenshot;

  display_test_spin (300);
  screenshot = take_screenshot (fixture->window);
  g_assert_true (gdk_texture_save_to_png (screenshot, path));
  g_test_message ("Screenshot: %s", path);

  return screenshot;
}

/* The whole scenario of the issue on one document: page 1 shows, the
 * last page shows, zoom, find (English and Chinese), thumbnails, a
 * screenshot. */
static void
test_hundred_pages (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GdkTexture) screenshot = NULL;
  g_autoptr(PdfFixtureImage) image = NULL;
  GtkWidget *n_pages_label;
  graphene_rect_t bounds;
  double zoom;
  gint64 start;
  guint ink;

  start = g_get_monotonic_time ();
  load (fixture, hundred_pages, "hundred.pdf");
  wait_for_page (fixture, 0);
  g_test_message ("Page 1 rendered %.0f ms after loading.",
                  (g_get_monotonic_time () - start) / 1000.0);

  g_assert_cmpstr (visible_page (fixture), ==, "document");
  g_assert_cmpuint (signet_pdf_viewer_get_n_pages (fixture->viewer), ==, N_PAGES);
  assert_page_entry (fixture, "1");
  n_pages_label = gtk_widget_get_next_sibling (GTK_WIDGET (fixture->page_entry));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (n_pages_label)), ==, "of 100");
  /* Only the pages in view and the next one are rendered. */
  g_assert_false (signet_pdf_page_view_page_is_rendered (fixture->page_view, 10));

  /* The last page, the way a user gets there: typing its number. */
  gtk_editable_set_text (GTK_EDITABLE (fixture->page_entry), "100");
  g_signal_emit_by_name (fixture->page_entry, "activate");
  wait_for_page (fixture, 99);
  g_assert_cmpuint (signet_pdf_viewer_get_current_page (fixture->viewer), ==, 99);
  assert_page_entry (fixture, "100");
  g_assert_false (signet_pdf_page_view_page_is_rendered (fixture->page_view, 0));

  /* A page number that does not exist leaves the view where it is. */
  gtk_editable_set_text (GTK_EDITABLE (fixture->page_entry), "101");
  g_signal_emit_by_name (fixture->page_entry, "activate");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (fixture->page_entry)), ==, "100");

  zoom = signet_pdf_viewer_get_zoom (fixture->viewer);
  activate (fixture, "pdf.zoom-in");
  g_assert_cmpfloat (signet_pdf_viewer_get_zoom (fixture->viewer), >, zoom * 1.05);
  g_assert_cmpuint (signet_pdf_viewer_get_current_page (fixture->viewer), ==, 99);
  wait_for_page (fixture, 99);

  activate (fixture, "pdf.zoom-out");
  activate (fixture, "pdf.zoom-out");
  g_assert_cmpfloat (signet_pdf_viewer_get_zoom (fixture->viewer), <, zoom);
  activate (fixture, "pdf.zoom-fit-width");
  g_assert_cmpfloat_with_epsilon (signet_pdf_viewer_get_zoom (fixture->viewer), zoom, 0.001);

  activate (fixture, "pdf.find");
  g_assert_true (gtk_widget_has_focus (display_test_find_type (GTK_WIDGET (fixture->find_bar),
                                                                GTK_TYPE_TEXT)));

  /* One match, on page 57: the view goes there. */
  g_assert_cmpuint (find (fixture, "Signet page 57"), ==, 1);
  g_assert_cmpstr (find_status (fixture), ==, "1 of 1");
  g_assert_cmpuint (signet_pdf_viewer_get_current_page (fixture->viewer), ==, 56);
  assert_page_entry (fixture, "57");
  wait_for_page (fixture, 56);

  /* A word on every page: the current match is the first one from the
   * page in view on, and next and previous step through them. */
  g_assert_cmpuint (find (fixture, "signet"), ==, N_PAGES);
  g_assert_cmpstr (find_status (fixture), ==, "57 of 100");
  activate (fixture, "pdf.find-next");
  g_assert_cmpstr (find_status (fixture), ==, "58 of 100");
  g_assert_cmpuint (signet_pdf_viewer_get_current_page (fixture->viewer), ==, 57);
  activate (fixture, "pdf.find-previous");
  activate (fixture, "pdf.find-previous");
  g_assert_cmpstr (find_status (fixture), ==, "56 of 100");
  g_assert_cmpuint (signet_pdf_viewer_get_current_page (fixture->viewer), ==, 55);

  g_assert_cmpuint (find (fixture, "no such words here"), ==, 0);
  g_assert_cmpstr (find_status (fixture), ==, "No matches");

  g_assert_cmpuint (find (fixture, CHINESE_WORD), ==, N_PAGES / 10);
  g_assert_cmpstr (find_status (fixture), ==, "6 of 10");
  g_assert_cmpuint (signet_pdf_viewer_get_current_page (fixture->viewer), ==, 56);

  /* Thumbnails: only the rows on screen render, and a click on one goes
   * to its page. */
  g_object_set (fixture->viewer, "show-thumbnails", TRUE, NULL);
  {
    SignetPdfThumbnails *thumbnails =
      SIGNET_PDF_THUMBNAILS (display_test_find_type (fixture->window, SIGNET_TYPE_PDF_THUMBNAILS));
    GtkWidget *list_view = display_test_find_type (GTK_WIDGET (thumbnails), GTK_TYPE_LIST_VIEW);
    guint n_rendered;

    for (int i = 0; i < 200 && signet_pdf_thumbnails_get_n_rendered (thumbnails) < 3; i++)
      display_test_spin (25);
    n_rendered = signet_pdf_thumbnails_get_n_rendered (thumbnails);
    g_assert_cmpuint (n_rendered, >=, 3);
    g_assert_cmpuint (n_rendered, <, N_PAGES / 2);

    g_assert_true (gtk_widget_activate_action (list_view, "list.activate-item", "u", 6));
    display_test_spin (30);
    g_assert_cmpuint (signet_pdf_viewer_get_current_page (fixture->viewer), ==, 6);
    wait_for_page (fixture, 6);
  }

  /* The screenshot shows page 7 with its Chinese line marked. */
  for (int i = 0; i < 5; i++)
    activate (fixture, "pdf.find-previous");
  g_assert_cmpstr (find_status (fixture), ==, "1 of 10");
  wait_for_page (fixture, 6);
  screenshot = save_screenshot (fixture, "pages");

  g_assert_true (gtk_widget_compute_bounds (GTK_WIDGET (fixture->page_view), fixture->window, &bounds));
  image = pdf_fixture_image_new (screenshot);
  /* The upper half of the page area has the heading and the Chinese line
   * in dark ink on white paper. */
  ink = pdf_fixture_image_count_ink (image, bounds.origin.x, bounds.origin.y,
                                     bounds.size.width, bounds.size.height / 2);
  g_assert_cmpuint (ink, >, 2000);
  g_assert_true (pdf_fixture_image_is_white (image, bounds.origin.x + bounds.size.width / 2,
                                             bounds.origin.y + bounds.size.height - 20));
}

static void
test_rotation (Fixture       *fixture,
               gconstpointer  data)
{
  double width, height;

  load (fixture, hundred_pages, "hundred.pdf");
  wait_for_page (fixture, 0);
  signet_pdf_viewer_go_to_page (fixture->viewer, 4);
  wait_for_page (fixture, 4);

  activate (fixture, "pdf.rotate-right");
  g_assert_cmpint (signet_pdf_page_view_get_rotation (fixture->page_view), ==, 90);
  g_assert_cmpuint (signet_pdf_viewer_get_current_page (fixture->viewer), ==, 4);
  wait_for_page (fixture, 4);

  /* Fit width on a sideways A4 page: the page is now wider than tall. */
  signet_pdf_document_get_page_size (signet_pdf_viewer_get_document (fixture->viewer), 4, 90,
                                     &width, &height);
  g_assert_cmpfloat (width, >, height);

  activate (fixture, "pdf.rotate-left");
  activate (fixture, "pdf.rotate-left");
  g_assert_cmpint (signet_pdf_page_view_get_rotation (fixture->page_view), ==, 270);
  wait_for_page (fixture, 4);
}

static void
subprocess_waited_cb (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  gboolean *done = user_data;

  g_subprocess_wait_finish (G_SUBPROCESS (source), result, NULL);
  *done = TRUE;
}

/* Runs xdotool while the main loop runs, so that the app sees the pointer
 * move and the button go down and up in real time, as a user makes them. */
static gboolean
run_xdotool (const char * const *args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  gboolean done = FALSE;

  g_ptr_array_add (argv, (gpointer) "xdotool");
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);

  process = g_subprocess_newv ((const char * const *) argv->pdata, G_SUBPROCESS_FLAGS_STDOUT_SILENCE, &error);
  g_assert_no_error (error);
  g_subprocess_wait_async (process, NULL, subprocess_waited_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);

  if (!g_subprocess_get_if_exited (process) || g_subprocess_get_exit_status (process) != 0)
    {
      g_test_message ("xdotool failed");
      return FALSE;
    }

  return TRUE;
}

static char *
find_window_id (Fixture *fixture)
{
  const char *argv[] = { "xdotool", "search", "--sync", "--name", fixture->title, NULL };
  g_autofree char *out = NULL;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH,
                               NULL, NULL, &out, NULL, NULL, NULL));
  g_strstrip (out);
  g_assert_cmpstr (out, !=, "");

  return g_steal_pointer (&out);
}

static void
to_window (Fixture *fixture,
           double   x,
           double   y,
           char   **window_x,
           char   **window_y)
{
  graphene_point_t point;

  g_assert_true (gtk_widget_compute_point (GTK_WIDGET (fixture->viewer), fixture->window,
                                           &GRAPHENE_POINT_INIT (x, y), &point));
  *window_x = g_strdup_printf ("%d", (int) point.x);
  *window_y = g_strdup_printf ("%d", (int) point.y);
}

static gboolean
has_selection (gpointer data)
{
  Wait *wait = data;
  g_autofree char *text = signet_pdf_viewer_get_selected_text (wait->fixture->viewer);

  return g_strcmp0 (text, wait->text) == 0;
}

static gboolean
clipboard_is_local (gpointer data)
{
  return gdk_clipboard_is_local (gtk_widget_get_clipboard (data));
}

static void
clipboard_read_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  char **text = user_data;

  *text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (source), result, NULL);
  if (*text == NULL)
    *text = g_strdup ("");
}

/* Selecting with the mouse, through the X server as a user does it, and
 * copying with Ctrl+C. */
static void
test_select_and_copy (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *window_id = NULL;
  g_autofree char *copied = NULL;
  g_autofree char *from_x = NULL, *from_y = NULL, *to_x = NULL, *to_y = NULL;
  g_autoptr(GPtrArray) rects = NULL;
  const SignetPdfMatch *match;
  double x1, y1, x2, y2;
  Wait wait = { fixture, 0, "Signet page 1" };

  if (g_find_program_in_path ("xdotool") == NULL)
    {
      g_test_skip ("xdotool is not installed: it drives the mouse for this test.");
      return;
    }

  load (fixture, hundred_pages, "hundred.pdf");
  wait_for_page (fixture, 0);
  window_id = find_window_id (fixture);

  /* From just left of the heading to well right of it, along its middle. */
  g_assert_true (signet_pdf_viewer_page_to_viewer (fixture->viewer, 0, HEADING_X - 4, HEADING_Y + 14, &x1, &y1));
  g_assert_true (signet_pdf_viewer_page_to_viewer (fixture->viewer, 0, HEADING_X + 330, HEADING_Y + 14, &x2, &y2));
  to_window (fixture, x1, y1, &from_x, &from_y);
  to_window (fixture, x2, y2, &to_x, &to_y);

  /* A loaded machine can deliver the first drag before the window has
   * settled where xdotool thinks it is: a user would drag again, and so
   * does the test, up to three times. */
  for (guint attempt = 0; attempt < 3 && !has_selection (&wait); attempt++)
    {
      const char *drag[] = {
        "mousemove", "--window", window_id, from_x, from_y, "sleep", "0.1",
        "mousedown", "1", "sleep", "0.1",
        "mousemove", "--window", window_id, to_x, from_y, "sleep", "0.1",
        "mousemove", "--window", window_id, to_x, to_y, "sleep", "0.1",
        "mouseup", "1", NULL
      };

      if (attempt > 0)
        g_test_message ("No selection after drag %u; dragging again", attempt);

      if (!run_xdotool (drag))
        {
          g_test_skip ("xdotool cannot drive the display.");
          return;
        }

      for (guint i = 0; i < 300 && !has_selection (&wait); i++)
        display_test_spin (10);
    }

  g_assert_true (has_selection (&wait));
  g_assert_true (signet_pdf_viewer_get_has_selection (fixture->viewer));

  /* The selection's rectangles cover the heading, in page coordinates. */
  rects = signet_pdf_viewer_get_selection_rects (fixture->viewer);
  g_assert_cmpuint (rects->len, ==, 1);
  match = g_ptr_array_index (rects, 0);
  g_assert_cmpuint (match->page, ==, 0);
  g_assert_cmpuint (match->n_rects, ==, 1);
  g_assert_cmpfloat_with_epsilon (match->rects[0].x, HEADING_X, 4);
  g_assert_cmpfloat (match->rects[0].y, >=, HEADING_Y - 2);
  g_assert_cmpfloat (match->rects[0].y + match->rects[0].height, <=, HEADING_Y + 50);

  /* Without a window manager nobody gives the window the keyboard focus,
   * and an earlier test's window may have taken it along when it went. */
  {
    const char *copy[] = { "windowfocus", "--sync", window_id, "key", "ctrl+c", NULL };

    g_assert_true (run_xdotool (copy));
  }

  g_assert_true (display_test_wait_for (clipboard_is_local, fixture->window));

  gdk_clipboard_read_text_async (gtk_widget_get_clipboard (fixture->window), NULL,
                                 clipboard_read_cb, &copied);
  while (copied == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpstr (copied, ==, "Signet page 1");

  /* Dragging on past the bottom of the view scrolls the next pages in and
   * selects into them. How far the view scrolls while the button is held
   * depends on how many frames a loaded machine draws, so a drag that did
   * not reach page 2 is made again from the top, held longer. */
  {
    g_autofree char *below = g_strdup_printf ("%d", gtk_widget_get_height (fixture->window) + 100);
    static const char * const holds[] = { "1.5", "3", "6" };
    g_autofree char *text = NULL;

    for (guint attempt = 0; attempt < G_N_ELEMENTS (holds) &&
                            (text == NULL || strstr (text, "Signet page 2") == NULL); attempt++)
      {
        const char *drag[] = {
          "mousemove", "--window", window_id, from_x, from_y, "sleep", "0.1",
          "mousedown", "1", "sleep", "0.1",
          "mousemove", "--window", window_id, to_x, from_y, "sleep", "0.1",
          "mousemove", "--window", window_id, to_x, below, "sleep", holds[attempt],
          "mouseup", "1", NULL
        };

        if (attempt > 0)
          g_test_message ("Drag %u selected “%s”; dragging again, held longer", attempt, text);

        signet_pdf_viewer_go_to_page (fixture->viewer, 0);
        display_test_spin (300);
        g_assert_true (run_xdotool (drag));
        for (int i = 0; i < 200 && (text == NULL || strstr (text, "Signet page 2") == NULL); i++)
          {
            display_test_spin (10);
            g_free (text);
            text = signet_pdf_viewer_get_selected_text (fixture->viewer);
          }
      }

    g_assert_nonnull (text);
    g_test_message ("Selected by dragging past the bottom: %s", text);
    /* Where the drag starts within the heading moves by a few points with
     * the timing of a loaded machine; what counts is that the selection
     * runs from page 1 into page 2. */
    g_assert_nonnull (strstr (text, "page 1\n"));
    g_assert_nonnull (strstr (text, "Signet page 2\n"));
    g_assert_cmpuint (signet_pdf_viewer_get_current_page (fixture->viewer), >, 0);
  }
}

/* Ctrl and the wheel zoom in around the pointer: the point of the page
 * under it stays under it. */
static void
test_ctrl_scroll (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *window_id = NULL;
  g_autofree char *x = NULL, *y = NULL;
  double zoom, view_x, view_y, page_x, page_y, after_x, after_y;
  guint page, after_page;

  if (g_find_program_in_path ("xdotool") == NULL)
    {
      g_test_skip ("xdotool is not installed: it drives the mouse for this test.");
      return;
    }

  load (fixture, hundred_pages, "hundred.pdf");
  wait_for_page (fixture, 0);
  window_id = find_window_id (fixture);

  signet_pdf_viewer_go_to_page (fixture->viewer, 2);
  wait_for_page (fixture, 2);
  g_assert_true (signet_pdf_viewer_page_to_viewer (fixture->viewer, 2, 400, 300, &view_x, &view_y));
  g_assert_true (signet_pdf_viewer_get_page_at (fixture->viewer, view_x, view_y, &page, &page_x, &page_y));
  to_window (fixture, view_x, view_y, &x, &y);

  zoom = signet_pdf_viewer_get_zoom (fixture->viewer);
  {
    const char *scroll[] = {
      "mousemove", "--window", window_id, x, y, "sleep", "0.1",
      "keydown", "ctrl", "click", "4", "keyup", "ctrl", NULL
    };

    g_assert_true (run_xdotool (scroll));
  }
  for (int i = 0; i < 200 && signet_pdf_viewer_get_zoom (fixture->viewer) == zoom; i++)
    display_test_spin (10);

  g_assert_cmpfloat (signet_pdf_viewer_get_zoom (fixture->viewer), >, zoom * 1.1);
  g_assert_true (signet_pdf_viewer_get_page_at (fixture->viewer, view_x, view_y,
                                                &after_page, &after_x, &after_y));
  g_assert_cmpuint (after_page, ==, page);
  g_assert_cmpfloat_with_epsilon (after_x, page_x, 2);
  g_assert_cmpfloat_with_epsilon (after_y, page_y, 2);
  wait_for_page (fixture, 2);

  /* Without Ctrl the wheel scrolls and the zoom stays. */
  zoom = signet_pdf_viewer_get_zoom (fixture->viewer);
  {
    const char *scroll[] = { "click", "5", "click", "5", NULL };

    g_assert_true (run_xdotool (scroll));
  }
  /* The wheel scrolls smoothly, over several frames. */
  for (int i = 0; i < 200; i++)
    {
      display_test_spin (10);
      g_assert_true (signet_pdf_viewer_get_page_at (fixture->viewer, view_x, view_y,
                                                    &after_page, &after_x, &after_y));
      if (after_page != page || after_y > page_y + 10)
        break;
    }
  g_assert_cmpfloat (signet_pdf_viewer_get_zoom (fixture->viewer), ==, zoom);
  g_assert_true (after_page != page || after_y > page_y + 10);
}

static gboolean
shows_password_error (gpointer data)
{
  Wait *wait = data;
  GtkWidget *label = display_test_find_accessible (GTK_WIDGET (wait->fixture->viewer), "Password");
  GtkWidget *error;

  if (label == NULL)
    return FALSE;
  error = gtk_widget_get_next_sibling (label);

  return gtk_widget_get_visible (error) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (error)), wait->text) == 0;
}

static void
test_password (Fixture       *fixture,
               gconstpointer  data)
{
  g_autofree char *plain = fixture_path ("plain.pdf");
  g_autofree char *locked = fixture_path ("locked.pdf");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *entry;
  Wait wait = { fixture, 0, "The password is not correct." };

  if (pdf_fixture_find_qpdf () == NULL)
    {
      g_test_skip ("qpdf is not installed: it encrypts the fixture for this test.");
      return;
    }

  pdf_fixture_write (plain, 3, 595, 842, NULL, draw_page, NULL);
  {
    const char *args[] = { "--encrypt", "user", "owner", "256", "--", plain, locked, NULL };

    pdf_fixture_qpdf (args, &error);
    g_assert_no_error (error);
  }
  bytes = pdf_fixture_load (locked);

  load (fixture, bytes, "locked.pdf");
  wait_for_stack (fixture, "password");
  g_assert_cmpstr (adw_status_page_get_title (visible_status_page (fixture)), ==, "Password Required");
  entry = display_test_find_accessible (GTK_WIDGET (fixture->viewer), "Password");
  g_assert_true (GTK_IS_PASSWORD_ENTRY (entry));
  g_assert_false (gtk_widget_get_visible (gtk_widget_get_next_sibling (entry)));
  g_assert_null (signet_pdf_viewer_get_document (fixture->viewer));
  /* Nothing in the header bar works on pages that are not there yet. */
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (fixture->page_entry)));
  g_assert_false (gtk_widget_get_sensitive (display_test_find_accessible (GTK_WIDGET (fixture->viewer),
                                                                          "Find in Document")));
  g_assert_false (gtk_widget_get_sensitive (display_test_find_accessible (GTK_WIDGET (fixture->viewer),
                                                                          "Page Thumbnails")));

  gtk_editable_set_text (GTK_EDITABLE (entry), "wrong");
  g_signal_emit_by_name (entry, "activate");
  g_assert_true (display_test_wait_for (shows_password_error, &wait));
  g_assert_cmpstr (visible_page (fixture), ==, "password");
  g_object_unref (save_screenshot (fixture, "password"));
  g_assert_null (signet_pdf_viewer_get_document (fixture->viewer));

  gtk_editable_set_text (GTK_EDITABLE (entry), "user");
  g_signal_emit_by_name (entry, "activate");
  wait_for_stack (fixture, "document");
  wait_for_page (fixture, 0);
  g_assert_cmpuint (signet_pdf_viewer_get_n_pages (fixture->viewer), ==, 3);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (fixture->page_entry)));
  g_assert_true (gtk_widget_get_sensitive (display_test_find_accessible (GTK_WIDGET (fixture->viewer),
                                                                         "Find in Document")));
  g_assert_true (gtk_widget_get_sensitive (display_test_find_accessible (GTK_WIDGET (fixture->viewer),
                                                                         "Page Thumbnails")));
}

static void
assert_error_page (Fixture    *fixture,
                   GBytes     *bytes,
                   const char *message)
{
  AdwStatusPage *page;

  load (fixture, bytes, "bad.pdf");
  wait_for_stack (fixture, "error");
  page = visible_status_page (fixture);
  g_assert_cmpstr (adw_status_page_get_title (page), ==, "This Document Cannot Be Shown");
  g_assert_cmpstr (adw_status_page_get_description (page), ==, message);
  g_assert_null (signet_pdf_viewer_get_document (fixture->viewer));
}

static void
test_bad_input (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GBytes) empty = g_bytes_new (NULL, 0);
  g_autoptr(GBytes) png = pdf_fixture_png_bytes ();

  assert_error_page (fixture, empty, "This file is empty.");
  assert_error_page (fixture, png, "This file is not a PDF document.");
  g_object_unref (save_screenshot (fixture, "error"));

  /* A good document after a bad one opens as usual. */
  load (fixture, hundred_pages, "hundred.pdf");
  wait_for_stack (fixture, "document");
  wait_for_page (fixture, 0);
}

static gboolean
banner_shown (gpointer data)
{
  Fixture *fixture = data;
  AdwBanner *banner = ADW_BANNER (display_test_find_type (GTK_WIDGET (fixture->viewer), ADW_TYPE_BANNER));

  return adw_banner_get_revealed (banner) && gtk_widget_get_mapped (GTK_WIDGET (banner));
}

static void
text_checked_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

/* Waits until the text thread has read every page the viewer's own check
 * reads: a check queued after it at the same priority ends after it. */
static void
wait_for_text_check (Fixture *fixture)
{
  g_autoptr(GAsyncResult) result = NULL;
  SignetPdfDocument *document = signet_pdf_viewer_get_document (fixture->viewer);

  signet_pdf_document_check_text_async (document, G_PRIORITY_LOW, NULL, text_checked_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  signet_pdf_document_check_text_finish (document, result, NULL);
  display_test_spin (50);
}

/* A file whose text had to be recovered (GBK letters without a Unicode
 * map) says so above its pages, and a clean file after it does not. */
static void
test_unreliable_text (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GBytes) bytes = NULL;
  AdwBanner *banner;

  bytes = display_test_read_corpus_file ("XiaoBiaoSong.pdf");
  if (bytes == NULL)
    {
      g_test_skip ("The PDF corpus (SIGNET_PDF_CORPUS_DEFAULT_DIR) has no XiaoBiaoSong.pdf.");
      return;
    }

  banner = ADW_BANNER (display_test_find_type (GTK_WIDGET (fixture->viewer), ADW_TYPE_BANNER));
  g_assert_nonnull (banner);

  load (fixture, bytes, "XiaoBiaoSong.pdf");
  wait_for_stack (fixture, "document");
  wait_for_page (fixture, 0);
  g_assert_true (display_test_wait_for (banner_shown, fixture));
  g_assert_cmpstr (adw_banner_get_title (banner), ==,
                   "The text of this file could not be read reliably; search may miss words in it.");
  g_object_unref (save_screenshot (fixture, "unreliable-text"));

  /* Find works on the recovered text. */
  activate (fixture, "pdf.find");
  g_assert_cmpuint (find (fixture, "红军"), ==, 1);
  g_assert_cmpstr (find_status (fixture), ==, "1 of 1");

  load (fixture, hundred_pages, "hundred.pdf");
  wait_for_stack (fixture, "document");
  wait_for_page (fixture, 0);
  wait_for_text_check (fixture);
  g_assert_false (adw_banner_get_revealed (banner));
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *path = NULL;
  int result;

  display_test_init (&argc, &argv);

  fixture_dir = g_dir_make_tmp ("signet-pdf-viewer-XXXXXX", NULL);
  g_assert_nonnull (fixture_dir);
  path = fixture_path ("hundred.pdf");
  pdf_fixture_write (path, N_PAGES, 595, 842, "Hundred pages", draw_page, NULL);
  hundred_pages = pdf_fixture_load (path);

  g_test_add ("/pdf-viewer/hundred-pages", Fixture, NULL, fixture_set_up, test_hundred_pages, fixture_tear_down);
  g_test_add ("/pdf-viewer/rotation", Fixture, NULL, fixture_set_up, test_rotation, fixture_tear_down);
  g_test_add ("/pdf-viewer/select-and-copy", Fixture, NULL, fixture_set_up, test_select_and_copy, fixture_tear_down);
  g_test_add ("/pdf-viewer/ctrl-scroll", Fixture, NULL, fixture_set_up, test_ctrl_scroll, fixture_tear_down);
  g_test_add ("/pdf-viewer/password", Fixture, NULL, fixture_set_up, test_password, fixture_tear_down);
  g_test_add ("/pdf-viewer/bad-input", Fixture, NULL, fixture_set_up, test_bad_input, fixture_tear_down);
  g_test_add ("/pdf-viewer/unreliable-text", Fixture, NULL, fixture_set_up, test_unreliable_text,
              fixture_tear_down);

  result = g_test_run ();

  g_bytes_unref (hundred_pages);
  for (guint i = 0; i < G_N_ELEMENTS (fixture_files); i++)
    {
      g_autofree char *file = fixture_path (fixture_files[i]);

      g_unlink (file);
    }
  g_rmdir (fixture_dir);
  g_free (fixture_dir);

  return result;
}
