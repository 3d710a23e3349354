/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "test-narrow-views"

#include "config.h"

#include <locale.h>
#include <string.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "display-test-utils.h"
#include "pdf-fixtures.h"
#include "signet-agenda-view.h"
#include "signet-annotations-panel.h"
#include "signet-attachment-window.h"
#include "signet-calendar-view.h"
#include "signet-date.h"
#include "signet-demo.h"
#include "signet-month-grid.h"
#include "signet-pdf-find-bar.h"
#include "signet-pdf-page-view.h"
#include "signet-pdf-thumbnails.h"
#include "signet-store-attachments.h"

/* The attachment window and the Calendar page at a phone's width (360 px)
 * and at a desktop's (1200 px), in English and in Chinese: they lay out
 * without a warning (a display test fails on any, a widget allocated less
 * than it needs among them), the side panes lie over the main one where
 * there is no room beside it, and every main control is on screen, inside
 * the window. Screenshots go next to the test binary
 * (narrow-attachment-window-en.png, narrow-calendar-zh_CN.png, ...). */

#define NARROW_WIDTH  360
#define NARROW_HEIGHT 640
#define WIDE_WIDTH    1200
#define WIDE_HEIGHT   760

/* A day with more ends than a narrow cell shows. */
#define BUSY_DAY 15
#define N_BUSY   6
static GBytes *contract_pdf;

/* Helpers */

static const char *
language (void)
{
  const char *locale = setlocale (LC_MESSAGES, NULL);

  return locale != NULL && g_str_has_prefix (locale, "zh_CN") ? "zh_CN" : "en";
}

static void
save_screenshot (GtkWidget  *window,
                 const char *what)
{
  g_autofree char *name = g_strdup_printf ("narrow-%s-%s", what, language ());

  display_test_spin (200);
  g_free (display_test_save_screenshot (window, name));
}

/* The first button under @root that shows @label or is named @label. */
static GtkWidget *
find_control (GtkWidget  *root,
              const char *label)
{
  GtkWidget *found = display_test_find_button (root, label);

  return found != NULL ? found : display_test_find_accessible (root, label);
}

typedef struct
{
  GtkWidget *window;
  GtkWidget *widget;
} Reach;

/* On screen: mapped, of some size, and wholly inside the window. */
static gboolean
is_reachable (gpointer data)
{
  Reach *reach = data;
  graphene_rect_t bounds;

  return gtk_widget_get_mapped (reach->widget) &&
         gtk_widget_compute_bounds (reach->widget, reach->window, &bounds) &&
         bounds.size.width >= 1 && bounds.size.height >= 1 &&
         bounds.origin.x >= 0 && bounds.origin.y >= 0 &&
         bounds.origin.x + bounds.size.width <= gtk_widget_get_width (reach->window) + 0.5 &&
         bounds.origin.y + bounds.size.height <= gtk_widget_get_height (reach->window) + 0.5;
}

/* Waits for a pane that slides in to be in place. */
static void
assert_reachable (GtkWidget  *window,
                  GtkWidget  *widget,
                  const char *name)
{
  Reach reach = { window, widget };
  graphene_rect_t bounds = GRAPHENE_RECT_INIT (0, 0, 0, 0);

  if (widget == NULL)
    g_error ("No control “%s”", name);
  if (display_test_wait_for (is_reachable, &reach))
    return;

  if (!gtk_widget_compute_bounds (widget, window, &bounds))
    g_error ("“%s” is not in the window", name);
  g_error ("“%s” is %s at %.0f,%.0f %.0f×%.0f, in a window of %d×%d", name,
           gtk_widget_get_mapped (widget) ? "shown" : "not shown",
           bounds.origin.x, bounds.origin.y, bounds.size.width, bounds.size.height,
           gtk_widget_get_width (window), gtk_widget_get_height (window));
}

static void
assert_control (GtkWidget  *window,
                const char *label)
{
  assert_reachable (window, find_control (window, label), label);
}

static gboolean
is_unmapped (gpointer widget)
{
  return !gtk_widget_get_mapped (widget);
}

static double
top_of (GtkWidget *widget,
        GtkWidget *window)
{
  graphene_rect_t bounds;

  g_assert_true (gtk_widget_compute_bounds (widget, window, &bounds));

  return bounds.origin.y;
}

typedef struct
{
  GtkWidget *window;
  int        width;
  int        height;
} SizeWait;

static gboolean
has_size (gpointer data)
{
  SizeWait *wait = data;

  return gtk_widget_get_width (wait->window) == wait->width &&
         gtk_widget_get_height (wait->window) == wait->height;
}

/* Shows @window @width × @height px large inside the frame GTK draws
 * around some windows under X11 without a compositor (an AdwWindow's),
 * which its default size takes in: a phone's window has none. */
static void
show_window (GtkWindow *window,
             int        width,
             int        height)
{
  GtkWindow *probe = g_object_new (G_OBJECT_TYPE (window), NULL);
  SizeWait wait = { GTK_WIDGET (window), width, height };
  int frame_width, frame_height;

  gtk_window_set_default_size (probe, 500, 500);
  /* Shown, it is laid out at the size of its surface. */
  display_test_show (probe);
  frame_width = 500 - gtk_widget_get_width (GTK_WIDGET (probe));
  frame_height = 500 - gtk_widget_get_height (GTK_WIDGET (probe));
  gtk_window_destroy (probe);

  gtk_window_set_default_size (window, width + frame_width, height + frame_height);
  display_test_show (window);
  g_assert_true (display_test_wait_for (has_size, &wait));
}

/* The attachment window */

static void
draw_page (cairo_t  *cr,
           guint     page,
           gpointer  user_data)
{
  pdf_fixture_draw_text (cr, 72, 100, "Payment is due within thirty days.");
  pdf_fixture_draw_text (cr, 72, 140, "第一条：付款条款按合同执行。");
}

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
open_attachment_window (SignetStore *store,
                        int          width,
                        int          height)
{
  g_autoptr(SignetClient) client = display_test_add_client (store, "华信科技", "K100");
  g_autoptr(SignetContract) contract = display_test_add_contract (store, client, "HT-2026-0001", "Supply agreement",
                                                                  100000);
  g_autoptr(SignetAttachment) attachment = NULL;
  g_autoptr(GError) error = NULL;
  SignetAttachmentWindow *window;

  attachment = signet_store_add_attachment (store, signet_contract_get_id (contract), contract_pdf,
                                            "供货合同（签署版）.pdf", "application/pdf",
                                            SIGNET_ATTACHMENT_ROLE_SIGNED, NULL, &error);
  g_assert_no_error (error);
  window = SIGNET_ATTACHMENT_WINDOW (signet_attachment_window_new (NULL, store, attachment,
                                                                   signet_attachment_get_version_id (attachment)));
  show_window (GTK_WINDOW (window), width, height);
  g_assert_true (display_test_wait_for (first_page_rendered, window));
  display_test_spin (100);

  return window;
}

/* What a user needs of the window, whatever its width. */
static void
assert_attachment_controls (GtkWidget *window)
{
  const char * const controls[] = {
    _("Page Thumbnails"), _("Find in Document"), _("Annotations Panel"), _("Main Menu"),
    g_dpgettext2 (NULL, "annotation tool", "Highlight"), g_dpgettext2 (NULL, "annotation tool", "Underline"),
    g_dpgettext2 (NULL, "annotation tool", "Strike Out"), g_dpgettext2 (NULL, "annotation tool", "Note"),
    g_dpgettext2 (NULL, "annotation tool", "Rectangle"), _("Color"),
    _("Zoom Out"), _("Zoom Level"), _("Zoom In"),
  };

  for (guint i = 0; i < G_N_ELEMENTS (controls); i++)
    assert_control (window, controls[i]);
}

static void
test_attachment_window_narrow (void)
{
  g_autoptr(SignetStore) store = display_test_new_store ();
  SignetAttachmentWindow *window = open_attachment_window (store, NARROW_WIDTH, NARROW_HEIGHT);
  GtkWidget *root = GTK_WIDGET (window);
  SignetPdfViewer *viewer = signet_attachment_window_get_viewer (window);
  GtkWidget *panel = display_test_find_type (root, SIGNET_TYPE_ANNOTATIONS_PANEL);
  GtkWidget *thumbnails = display_test_find_type (root, SIGNET_TYPE_PDF_THUMBNAILS);
  GtkWidget *find_bar = display_test_find_type (root, SIGNET_TYPE_PDF_FIND_BAR);
  GtkWidget *highlight = find_control (root, g_dpgettext2 (NULL, "annotation tool", "Highlight"));
  GtkWidget *note = find_control (root, g_dpgettext2 (NULL, "annotation tool", "Note"));
  gboolean shown = TRUE;

  /* The pages take the width: the panels wait to be asked for. */
  g_object_get (window, "show-panel", &shown, NULL);
  g_assert_false (shown);
  g_assert_false (gtk_widget_get_mapped (panel));
  g_assert_false (gtk_widget_get_mapped (thumbnails));
  assert_reachable (root, display_test_find_type (root, SIGNET_TYPE_PDF_PAGE_VIEW), "pages");
  assert_attachment_controls (root);
  /* The tools take two lines rather than more than the width. */
  g_assert_cmpfloat (top_of (note, root), >, top_of (highlight, root));
  save_screenshot (root, "attachment-window");

  /* The annotations come over the pages, and go with Escape's action. */
  g_assert_true (gtk_widget_activate_action (root, "annot.show-panel", NULL));
  display_test_spin (300);
  assert_reachable (root, panel, "annotations panel");
  save_screenshot (root, "attachment-window-panel");
  g_object_set (window, "show-panel", FALSE, NULL);
  g_assert_true (display_test_wait_for (is_unmapped, panel));

  /* So do the thumbnails; choosing a page puts them away. */
  g_object_set (viewer, "show-thumbnails", TRUE, NULL);
  display_test_spin (300);
  assert_reachable (root, thumbnails, "thumbnails");
  g_assert_true (gtk_widget_activate_action (display_test_find_type (thumbnails, GTK_TYPE_LIST_VIEW),
                                             "list.activate-item", "u", 1));
  g_assert_true (display_test_wait_for (is_unmapped, thumbnails));
  g_assert_cmpuint (signet_pdf_viewer_get_current_page (viewer), ==, 1);

  /* Find fits the width, its buttons too. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (viewer), "pdf.find", NULL));
  display_test_spin (300);
  assert_reachable (root, display_test_find_type (find_bar, GTK_TYPE_SEARCH_ENTRY), "find entry");
  assert_reachable (root, find_control (find_bar, _("Next Match")), "next match");
  assert_reachable (root, find_control (find_bar, _("Close Find Bar")), "close find bar");
  save_screenshot (root, "attachment-window-find");

  display_test_destroy_windows ();
}

static void
test_attachment_window_wide (void)
{
  g_autoptr(SignetStore) store = display_test_new_store ();
  SignetAttachmentWindow *window = open_attachment_window (store, WIDE_WIDTH, WIDE_HEIGHT);
  GtkWidget *root = GTK_WIDGET (window);
  GtkWidget *highlight = find_control (root, g_dpgettext2 (NULL, "annotation tool", "Highlight"));
  GtkWidget *note = find_control (root, g_dpgettext2 (NULL, "annotation tool", "Note"));

  /* The panel is beside the pages, the page number in the header bar,
   * the tools on one line. */
  assert_reachable (root, display_test_find_type (root, SIGNET_TYPE_ANNOTATIONS_PANEL), "annotations panel");
  assert_control (root, _("Page Number"));
  assert_attachment_controls (root);
  g_assert_cmpfloat (top_of (note, root), ==, top_of (highlight, root));
  save_screenshot (root, "attachment-window-wide");

  display_test_destroy_windows ();
}

/* The Calendar page */

static gboolean
grid_has_chips (gpointer grid)
{
  for (GtkWidget *child = gtk_widget_get_first_child (grid);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (gtk_widget_has_css_class (child, "event-chip") && gtk_widget_get_child_visible (child))
      return TRUE;

  return FALSE;
}

/* The demo register, and a day of the month shown busier than a cell. */
static SignetCalendarView *
open_calendar (int width,
               int height)
{
  g_autoptr(SignetStore) store = display_test_new_store ();
  g_autoptr(SignetClient) client = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *today = signet_date_today_iso ();
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  SignetCalendarView *view = SIGNET_CALENDAR_VIEW (signet_calendar_view_new ());
  GDate date;

  g_assert_true (signet_demo_fill (store, &error));
  g_assert_no_error (error);
  g_assert_true (signet_date_parse (today, &date));
  client = display_test_add_client (store, "Busy Day Ltd", "BUSY");
  for (guint i = 0; i < N_BUSY; i++)
    {
      g_autoptr(SignetContract) contract = signet_contract_new ();
      g_autofree char *number = g_strdup_printf ("BUSY-%02u", i + 1);
      g_autofree char *start = g_strdup_printf ("%04u-01-01", g_date_get_year (&date) - 1);
      g_autofree char *end = g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (&date), g_date_get_month (&date),
                                              BUSY_DAY);

      signet_contract_set_number (contract, number);
      signet_contract_set_title (contract, "Busy contract");
      signet_contract_set_client_id (contract, signet_client_get_id (client));
      signet_contract_set_currency (contract, "CNY");
      signet_contract_set_status (contract, SIGNET_CONTRACT_STATUS_ACTIVE);
      signet_contract_set_start_date (contract, start);
      signet_contract_set_end_date (contract, end);
      signet_store_add_contract (store, contract, &error);
      g_assert_no_error (error);
    }

  gtk_window_set_child (window, GTK_WIDGET (view));
  signet_calendar_view_set_today (view, today);
  signet_calendar_view_set_store (view, store);
  show_window (window, width, height);
  g_assert_true (display_test_wait_for (grid_has_chips,
                                        display_test_find_type (GTK_WIDGET (view), SIGNET_TYPE_MONTH_GRID)));
  display_test_spin (100);

  return view;
}

/* The "+N more" buttons shown. */
static GPtrArray *
shown_more_buttons (GtkWidget *grid)
{
  GPtrArray *buttons = g_ptr_array_new ();

  for (GtkWidget *child = gtk_widget_get_first_child (grid);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (gtk_widget_has_css_class (child, "more-events") && gtk_widget_get_child_visible (child))
      g_ptr_array_add (buttons, child);

  return buttons;
}

static void
assert_calendar_controls (GtkWidget *window)
{
  assert_control (window, _("Previous Month"));
  assert_control (window, _("Today"));
  assert_control (window, _("Next Month"));
}

static void
test_calendar_narrow (void)
{
  SignetCalendarView *view = open_calendar (NARROW_WIDTH, NARROW_HEIGHT);
  GtkWidget *root = GTK_WIDGET (gtk_widget_get_root (GTK_WIDGET (view)));
  GtkWidget *grid = display_test_find_type (GTK_WIDGET (view), SIGNET_TYPE_MONTH_GRID);
  GtkWidget *agenda = display_test_find_type (GTK_WIDGET (view), SIGNET_TYPE_AGENDA_VIEW);
  g_autoptr(GPtrArray) more = shown_more_buttons (grid);
  GtkWidget *upcoming;
  int minimum;

  /* The month never asks for more than a phone has. */
  gtk_widget_measure (grid, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
  g_assert_cmpint (minimum, <=, NARROW_WIDTH);
  assert_reachable (root, grid, "month");
  assert_calendar_controls (root);

  /* A narrow day says "+N" for the events it has no room for. */
  g_assert_cmpuint (more->len, >, 0);
  for (guint i = 0; i < more->len; i++)
    {
      const char *label = gtk_button_get_label (g_ptr_array_index (more, i));

      g_assert_true (label[0] == '+');
      for (const char *c = label + 1; *c != '\0'; c++)
        g_assert_true (g_ascii_isdigit (*c));
    }
  save_screenshot (root, "calendar");

  /* A busy day's list fits the phone too. */
  {
    GtkWidget *popover = display_test_find_type (grid, GTK_TYPE_POPOVER);

    g_signal_emit_by_name (g_ptr_array_index (more, 0), "clicked");
    display_test_spin (300);
    g_assert_true (gtk_widget_get_mapped (popover));
    /* What it shows, without the shadow around it. */
    g_assert_cmpint (gtk_widget_get_width (gtk_popover_get_child (GTK_POPOVER (popover))), <=, NARROW_WIDTH - 24);
    save_screenshot (popover, "calendar-day");
    gtk_popover_popdown (GTK_POPOVER (popover));
    display_test_spin (100);
  }

  /* The agenda comes over the month from its button. */
  g_assert_false (gtk_widget_get_mapped (agenda));
  upcoming = find_control (root, _("Upcoming"));
  assert_reachable (root, upcoming, "Upcoming");
  g_signal_emit_by_name (upcoming, "clicked");
  display_test_spin (300);
  assert_reachable (root, agenda, "agenda");
  assert_reachable (root, display_test_find_accessible (agenda, _("Period")), "agenda period");
  save_screenshot (root, "calendar-agenda");

  display_test_destroy_windows ();
}

static void
test_calendar_wide (void)
{
  SignetCalendarView *view = open_calendar (WIDE_WIDTH, WIDE_HEIGHT);
  GtkWidget *root = GTK_WIDGET (gtk_widget_get_root (GTK_WIDGET (view)));
  GtkWidget *grid = display_test_find_type (GTK_WIDGET (view), SIGNET_TYPE_MONTH_GRID);
  g_autoptr(GPtrArray) more = shown_more_buttons (grid);

  /* Month and agenda side by side, no button between them. */
  assert_reachable (root, grid, "month");
  assert_reachable (root, display_test_find_type (GTK_WIDGET (view), SIGNET_TYPE_AGENDA_VIEW), "agenda");
  assert_calendar_controls (root);
  g_assert_false (gtk_widget_get_visible (find_control (root, _("Upcoming"))));
  for (guint i = 0; i < more->len; i++)
    g_assert_nonnull (strchr (gtk_button_get_label (g_ptr_array_index (more, i)), ' '));
  save_screenshot (root, "calendar-wide");

  display_test_destroy_windows ();
}

/* In Chinese */

static void
test_chinese (gconstpointer data)
{
  GTestFunc test = (GTestFunc) data;

  if (!g_test_subprocess ())
    {
      display_test_run_in_locale ("zh_CN.UTF-8");
      return;
    }

  if (display_test_child_speaks_chinese ())
    test ();
}

/* The app's style, as AdwApplication loads it: the calendar's chips and
 * "+N more" are small only with it. */
static void
load_style (void)
{
  g_autoptr(GtkCssProvider) provider = gtk_css_provider_new ();

  gtk_css_provider_load_from_resource (provider, RESOURCE_PREFIX "/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *path = NULL;
  g_autofree char *dir = NULL;
  int result;

  display_test_init (&argc, &argv);
  load_style ();
  display_test_bind_build_catalog ();

  dir = g_dir_make_tmp ("signet-narrow-views-XXXXXX", NULL);
  g_assert_nonnull (dir);
  path = g_build_filename (dir, "contract.pdf", NULL);
  pdf_fixture_write (path, 2, 595, 842, "Supply agreement", draw_page, NULL);
  contract_pdf = pdf_fixture_load (path);
  g_unlink (path);
  g_rmdir (dir);

  g_test_add_func ("/narrow-views/attachment-window/narrow", test_attachment_window_narrow);
  g_test_add_func ("/narrow-views/attachment-window/wide", test_attachment_window_wide);
  g_test_add_func ("/narrow-views/calendar/narrow", test_calendar_narrow);
  g_test_add_func ("/narrow-views/calendar/wide", test_calendar_wide);
  g_test_add_data_func ("/narrow-views/zh_CN/attachment-window/narrow",
                        (gconstpointer) test_attachment_window_narrow, test_chinese);
  g_test_add_data_func ("/narrow-views/zh_CN/attachment-window/wide",
                        (gconstpointer) test_attachment_window_wide, test_chinese);
  g_test_add_data_func ("/narrow-views/zh_CN/calendar/narrow", (gconstpointer) test_calendar_narrow, test_chinese);
  g_test_add_data_func ("/narrow-views/zh_CN/calendar/wide", (gconstpointer) test_calendar_wide, test_chinese);

  result = g_test_run ();
  g_bytes_unref (contract_pdf);

  return result;
}
