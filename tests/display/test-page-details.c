/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "display-test-utils.h"
#include "signet-attachments-section.h"
#include "signet-clients-window.h"
#include "signet-contract-page.h"
#include "signet-export-dialog.h"
#include "signet-key-dates-section.h"
#include "signet-store-events.h"
#include "signet-window.h"

/* Details of the contract page and the export dialog a user noticed: what
 * stays in view, what a number is counted in, what a file filter is called. */

typedef struct
{
  SignetStore        *store;
  SignetContract     *contract;
  GtkWindow          *window;
  SignetContractPage *page;
  char               *dir;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(SignetClient) client = NULL;

  display_test_reset_settings ();
  f->store = display_test_new_store ();
  client = display_test_add_client (f->store, "Contoso", "C001");
  f->contract = display_test_add_contract (f->store, client, "HT-2026-0042", "Cleaning services", 100);
  signet_contract_set_start_date (f->contract, "2026-04-02");
  signet_contract_set_end_date (f->contract, "2027-04-01");
  signet_contract_set_auto_renew (f->contract, TRUE);
  signet_contract_set_notice_days (f->contract, 60);
  g_assert_true (signet_store_update_contract (f->store, f->contract, NULL));
  f->dir = g_dir_make_tmp ("signet-page-XXXXXX", NULL);

  /* The page in the window, as the user has it: the window follows the
   * store's changes as well as the page. */
  f->window = GTK_WINDOW (signet_window_new (NULL, f->store, NULL));
  display_test_show (f->window);
  signet_window_open_contract (SIGNET_WINDOW (f->window), signet_contract_get_id (f->contract));
  display_test_spin (200);
  f->page = SIGNET_CONTRACT_PAGE (display_test_find_type (GTK_WIDGET (f->window), SIGNET_TYPE_CONTRACT_PAGE));
  g_assert_nonnull (signet_contract_page_get_contract (f->page));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GDir) dir = g_dir_open (f->dir, 0, NULL);
  const char *name;

  display_test_destroy_windows ();
  g_clear_object (&f->contract);
  g_clear_object (&f->store);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (f->dir, name, NULL);

      g_remove (path);
    }
  g_rmdir (f->dir);
  g_free (f->dir);
}

/* The row of @section titled @title, or NULL. */
static GtkWidget *
find_titled_row (GtkWidget  *root,
                 const char *title)
{
  if (ADW_IS_PREFERENCES_ROW (root) &&
      g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (root)), title) == 0)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *row = find_titled_row (child, title);

      if (row != NULL)
        return row;
    }

  return NULL;
}

static GtkWidget *
find_file_chooser (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);

      if (GTK_IS_FILE_CHOOSER_DIALOG (window) && gtk_widget_get_visible (window))
        return window;
    }

  return NULL;
}

static gboolean
file_chooser_shown (gpointer data)
{
  return find_file_chooser () != NULL;
}

/* A PDF with one line of text, which the text indexer reads after it is
 * attached. */
static const char minimal_pdf[] =
  "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
  "2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
  "3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]/Contents 4 0 R"
  "/Resources<</Font<</F1 5 0 R>>>>>>endobj\n"
  "4 0 obj<</Length 44>>stream\nBT /F1 12 Tf 20 100 Td (Signed copy) Tj ET\nendstream endobj\n"
  "5 0 obj<</Type/Font/Subtype/Type1/BaseFont/Helvetica>>endobj\n"
  "trailer<</Root 1 0 R>>\n%%EOF\n";

/* Scrolled down to the attachments, a file added there through Add File…
 * and the file chooser stays in view: the page does not jump back to its
 * top. */
typedef struct
{
  GtkWidget *section;
  guint      n;
} CountWait;

static gboolean
has_n_attachments (gpointer data)
{
  CountWait *wait = data;

  return signet_attachments_section_get_n_attachments (SIGNET_ATTACHMENTS_SECTION (wait->section)) == wait->n;
}

/* Scrolls the page down to the attachments, adds the file @name through
 * Add File… and GTK's own chooser (no portal here), and checks that the
 * page stayed there, the new row in view. */
static void
add_file_in_view (Fixture    *f,
                  const char *name,
                  guint       n_after,
                  const char *screenshot)
{
  GtkWidget *section = display_test_find_type (GTK_WIDGET (f->page), SIGNET_TYPE_ATTACHMENTS_SECTION);
  GtkScrolledWindow *scrolled = GTK_SCROLLED_WINDOW (gtk_widget_get_ancestor (section, GTK_TYPE_SCROLLED_WINDOW));
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (scrolled);
  GtkWidget *viewport = gtk_scrolled_window_get_child (scrolled);
  GtkWidget *add_button = display_test_find_button (section, "Add File…");
  g_autofree char *path = g_build_filename (f->dir, name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  CountWait wait = { section, n_after };
  graphene_point_t top, row_top;
  GtkWidget *chooser;
  double before;
  GtkWidget *row;

  g_assert_nonnull (add_button);
  g_assert_true (g_file_set_contents (path, minimal_pdf, sizeof minimal_pdf - 1, NULL));

  /* Down to the attachments' heading, as a user scrolls to them. */
  g_assert_true (gtk_widget_compute_point (section, viewport, &GRAPHENE_POINT_INIT (0, 0), &top));
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment) + top.y - 12);
  display_test_spin (100);
  before = gtk_adjustment_get_value (adjustment);
  g_assert_cmpfloat (before, >, 200);

  gtk_widget_grab_focus (add_button);
  g_signal_emit_by_name (add_button, "clicked");
  g_assert_true (display_test_wait_for (file_chooser_shown, NULL));
  chooser = find_file_chooser ();
  display_test_spin (500);
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  g_assert_true (gtk_file_chooser_set_file (GTK_FILE_CHOOSER (chooser), file, NULL));
  display_test_spin (300);
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_ACCEPT);
  G_GNUC_END_IGNORE_DEPRECATIONS
  g_assert_true (display_test_wait_for (has_n_attachments, &wait));
  /* Its text is read and indexed meanwhile. */
  display_test_spin (1500);

  g_assert_cmpfloat_with_epsilon (gtk_adjustment_get_value (adjustment), before, 1.0);
  row = find_titled_row (section, name);
  g_assert_nonnull (row);
  g_assert_true (gtk_widget_compute_point (row, viewport, &GRAPHENE_POINT_INIT (0, 0), &row_top));
  g_assert_cmpfloat (row_top.y, >=, 0);
  g_assert_cmpfloat (row_top.y + gtk_widget_get_height (row), <=, gtk_widget_get_height (viewport));
  g_free (display_test_save_screenshot (GTK_WIDGET (f->window), screenshot));
}

static gboolean
recent_files_written (gpointer data)
{
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "recently-used.xbel", NULL);

  return g_file_test (path, G_FILE_TEST_EXISTS);
}

/* Scrolled down to the attachments, a file added there through Add File…
 * stays in view: the page does not jump back to its top, wide or
 * phone-sized. */
static void
test_attachment_stays_in_view (Fixture       *f,
                               gconstpointer  data)
{
  /* GTK's chooser notes the files it opens in the recent files, written a
   * moment later: into this test's folders, before they go. */
  g_assert_cmpint (g_mkdir_with_parents (g_get_user_data_dir (), 0700), ==, 0);

  add_file_in_view (f, "signed.pdf", 1, "attachment-added");

  /* Phone-sized, the page is opened again to come over the list. */
  display_test_resize (f->window, 360, 700);
  signet_contract_page_set_contract (f->page, NULL);
  signet_window_open_contract (SIGNET_WINDOW (f->window), signet_contract_get_id (f->contract));
  display_test_spin (300);
  add_file_in_view (f, "appendix.pdf", 2, "attachment-added-360");

  g_assert_true (display_test_wait_for (recent_files_written, NULL));
}

/* The notice period shows what it counts, "60 days", "1 day", and reads
 * back a number typed with or without it. */
static void
test_notice_unit (Fixture       *f,
                  gconstpointer  data)
{
  GtkWidget *row = display_test_find_type (GTK_WIDGET (f->page), ADW_TYPE_SPIN_ROW);

  g_assert_nonnull (row);
  g_assert_cmpfloat (adw_spin_row_get_value (ADW_SPIN_ROW (row)), ==, 60);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "60 days");
  gtk_widget_grab_focus (row);
  display_test_spin (200);
  g_free (display_test_save_screenshot (GTK_WIDGET (f->window), "notice-unit"));

  adw_spin_row_set_value (ADW_SPIN_ROW (row), 1);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "1 day");

  gtk_editable_set_text (GTK_EDITABLE (row), "45");
  adw_spin_row_update (ADW_SPIN_ROW (row));
  g_assert_cmpfloat (adw_spin_row_get_value (ADW_SPIN_ROW (row)), ==, 45);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "45 days");

  gtk_editable_set_text (GTK_EDITABLE (row), "90 days");
  adw_spin_row_update (ADW_SPIN_ROW (row));
  g_assert_cmpfloat (adw_spin_row_get_value (ADW_SPIN_ROW (row)), ==, 90);
}

/* Export… asks for the file with its filter named, as the chooser lists it. */
static void
test_export_filter_named (Fixture       *f,
                          gconstpointer  data)
{
  SignetExportDialog *export = signet_export_dialog_new (f->window, f->store, NULL, 1);
  GtkWidget *chooser;
  g_autoptr(GListModel) filters = NULL;
  g_autoptr(GtkFileFilter) filter = NULL;

  /* The dialog says what is exported; its Export… asks for the file. */
  signet_export_dialog_choose_file (export);
  display_test_spin (300);
  g_signal_emit_by_name (display_test_find_button (GTK_WIDGET (export), "Export…"), "clicked");
  g_assert_true (display_test_wait_for (file_chooser_shown, NULL));
  chooser = find_file_chooser ();

  g_object_get (chooser, "filters", &filters, "filter", &filter, NULL);
  g_assert_nonnull (filters);
  g_assert_cmpuint (g_list_model_get_n_items (filters), ==, 1);
  g_assert_nonnull (filter);
  g_assert_cmpstr (gtk_file_filter_get_name (filter), ==, "XML Files");

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_CANCEL);
  G_GNUC_END_IGNORE_DEPRECATIONS
  display_test_spin (200);
}

static GtkWidget *
find_clients_window (GtkWidget *window)
{
  GListModel *dialogs = adw_application_window_get_dialogs (ADW_APPLICATION_WINDOW (window));

  for (guint i = 0; i < g_list_model_get_n_items (dialogs); i++)
    {
      g_autoptr(GtkWidget) dialog = g_list_model_get_item (dialogs, i);

      if (SIGNET_IS_CLIENTS_WINDOW (dialog))
        return dialog;
    }

  return NULL;
}

/* A contract activated in the Clients window opens in the main window,
 * and the Clients window closes. */
static void
test_contract_from_clients (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(SignetClient) client = signet_store_get_client (f->store, signet_contract_get_client_id (f->contract), NULL);
  g_autoptr(SignetContract) other = display_test_add_contract (f->store, client, "HT-2026-0043", "Window cleaning", 100);
  GtkWidget *clients;
  GtkWidget *contracts;
  GtkListBoxRow *row = NULL;
  GtkListBoxRow *candidate;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.clients", NULL));
  display_test_spin (300);
  clients = find_clients_window (GTK_WIDGET (f->window));
  g_assert_nonnull (clients);
  gtk_list_box_select_row (GTK_LIST_BOX (display_test_find_type (clients, GTK_TYPE_LIST_BOX)),
                           gtk_list_box_get_row_at_index (GTK_LIST_BOX (display_test_find_type (clients, GTK_TYPE_LIST_BOX)), 0));
  display_test_spin (100);

  contracts = display_test_find_accessible (clients, "Contracts with this client");
  g_assert_nonnull (contracts);
  for (int i = 0; (candidate = gtk_list_box_get_row_at_index (GTK_LIST_BOX (contracts), i)) != NULL; i++)
    if (g_str_equal (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (candidate)), "Window cleaning"))
      row = candidate;
  g_assert_nonnull (row);

  g_signal_emit_by_name (row, "activate");
  display_test_spin (500);
  g_assert_null (find_clients_window (GTK_WIDGET (f->window)));
  g_assert_cmpint (signet_contract_get_id (signet_contract_page_get_contract (f->page)), ==,
                   signet_contract_get_id (other));
}

/* Shows the stored contract again on the page, scrolled to its key dates. */
static void
show_key_dates (Fixture *f)
{
  g_autoptr(SignetContract) stored = signet_store_get_contract (f->store, signet_contract_get_id (f->contract), NULL);
  GtkWidget *section;
  GtkScrolledWindow *scrolled;
  GtkAdjustment *adjustment;
  graphene_point_t top;

  /* Opened again, as from the list: at phone sizes the page comes over it. */
  signet_contract_page_set_contract (f->page, NULL);
  signet_window_open_contract (SIGNET_WINDOW (f->window), signet_contract_get_id (stored));
  display_test_spin (300);
  section = display_test_find_type (GTK_WIDGET (f->page), SIGNET_TYPE_KEY_DATES_SECTION);
  scrolled = GTK_SCROLLED_WINDOW (gtk_widget_get_ancestor (section, GTK_TYPE_SCROLLED_WINDOW));
  adjustment = gtk_scrolled_window_get_vadjustment (scrolled);
  g_assert_true (gtk_widget_compute_point (section, gtk_scrolled_window_get_child (scrolled),
                                           &GRAPHENE_POINT_INIT (0, 0), &top));
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment) + top.y - 12);
  display_test_spin (200);
}

/* The key dates of a draft and of a contract with an overdue review, wide
 * and phone-sized, drawn beside the test to be looked at (LC_ALL=zh_CN.UTF-8
 * draws them in Chinese). */
static void
test_looks (Fixture       *f,
            gconstpointer  data)
{
  static const int widths[] = { 1200, 360 };
  const char *language = g_getenv ("LC_ALL") != NULL && g_str_has_prefix (g_getenv ("LC_ALL"), "zh") ? "zh_CN" : "C";

  for (guint i = 0; i < G_N_ELEMENTS (widths); i++)
    {
      g_autofree char *draft = g_strdup_printf ("page-%s-%d-draft", language, widths[i]);
      g_autofree char *overdue = g_strdup_printf ("page-%s-%d-overdue", language, widths[i]);

      display_test_resize (f->window, widths[i], 760);

      signet_contract_set_status (f->contract, SIGNET_CONTRACT_STATUS_DRAFT);
      signet_contract_set_risk_level (f->contract, SIGNET_RISK_LEVEL_LOW);
      g_assert_true (signet_store_update_contract (f->store, f->contract, NULL));
      show_key_dates (f);
      g_free (display_test_save_screenshot (GTK_WIDGET (f->window), draft));

      /* High risk, quarterly: the first review was due on 2026-07-02. */
      signet_store_set_today (f->store, "2026-07-14");
      signet_contract_set_status (f->contract, SIGNET_CONTRACT_STATUS_ACTIVE);
      signet_contract_set_risk_level (f->contract, SIGNET_RISK_LEVEL_HIGH);
      g_assert_true (signet_store_update_contract (f->store, f->contract, NULL));
      show_key_dates (f);
      g_free (display_test_save_screenshot (GTK_WIDGET (f->window), overdue));
      signet_store_set_today (f->store, NULL);
    }
}

/* Export Key Dates as iCalendar… asks for the file with its filter named too. */
static void
test_ics_filter_named (Fixture       *f,
                       gconstpointer  data)
{
  GtkWidget *chooser;
  g_autoptr(GListModel) filters = NULL;
  g_autoptr(GtkFileFilter) filter = NULL;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.export-ics", NULL));
  g_assert_true (display_test_wait_for (file_chooser_shown, NULL));
  chooser = find_file_chooser ();

  g_object_get (chooser, "filters", &filters, "filter", &filter, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (filters), ==, 1);
  g_assert_nonnull (filter);
  g_assert_cmpstr (gtk_file_filter_get_name (filter), ==, "iCalendar Files");

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_CANCEL);
  G_GNUC_END_IGNORE_DEPRECATIONS
  display_test_spin (200);
}

int
main (int   argc,
      char *argv[])
{
  display_test_init (&argc, &argv);
  /* The build's catalog, for the screenshots under LC_ALL=zh_CN.UTF-8. */
  display_test_bind_build_catalog ();

  g_test_add ("/page-details/attachment-stays-in-view", Fixture, NULL, fixture_set_up,
              test_attachment_stays_in_view, fixture_tear_down);
  g_test_add ("/page-details/notice-unit", Fixture, NULL, fixture_set_up, test_notice_unit, fixture_tear_down);
  g_test_add ("/page-details/contract-from-clients", Fixture, NULL, fixture_set_up,
              test_contract_from_clients, fixture_tear_down);
  g_test_add ("/page-details/looks", Fixture, NULL, fixture_set_up, test_looks, fixture_tear_down);
  g_test_add ("/page-details/ics-filter-named", Fixture, NULL, fixture_set_up,
              test_ics_filter_named, fixture_tear_down);
  g_test_add ("/page-details/export-filter-named", Fixture, NULL, fixture_set_up,
              test_export_filter_named, fixture_tear_down);

  return g_test_run ();
}
