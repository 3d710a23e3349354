/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "test-date-range"

#include "config.h"

#include <locale.h>
#include <string.h>

#include <glib/gi18n.h>
#include <sqlite3.h>

#include "display-test-utils.h"
#include "pdf-fixtures.h"
#include "signet-attachment-window.h"
#include "signet-calendar-view.h"
#include "signet-contract-page.h"
#include "signet-date.h"
#include "signet-key-dates-section.h"
#include "signet-month-grid.h"
#include "signet-store-attachments.h"
#include "signet-store-events.h"
#include "signet-window.h"

/* The window on a register written before the range of dates Signet works
 * with (1900-01-01 to 2199-12-31), which let in contracts dated up to
 * 9999-12-31 and derived a review of 10000-01-01 for one of them: the
 * calendar opens and a click on its event opens the contract, whose page
 * says what is left out; a date typed outside the range is refused at once;
 * the calendar stops at either end of the range and says so; an annotation
 * made, says the register, at 9999-12-31T23:59:59Z lists east of UTC,
 * where that time is in the year 10000. Screenshots
 * of the contract page in English and Chinese go next to the test binary
 * (date-range-en.png, date-range-zh_CN.png). */

#define TODAY "2026-12-07"

typedef struct
{
  SignetStore        *store;
  SignetWindow       *window;
  AdwViewStack       *stack;
  SignetCalendarView *view;
  SignetMonthGrid    *grid;
  gint64              far_id;
} Fixture;

static SignetContract *
add_contract (SignetStore  *store,
              SignetClient *client,
              const char   *number,
              const char   *title,
              const char   *start,
              const char   *end)
{
  SignetContract *contract = display_test_add_contract (store, client, number, title, 100000);
  g_autoptr(GError) error = NULL;

  signet_contract_set_status (contract, SIGNET_CONTRACT_STATUS_ACTIVE);
  signet_contract_set_start_date (contract, start);
  signet_contract_set_end_date (contract, end);
  signet_contract_set_auto_renew (contract, TRUE);
  signet_contract_set_notice_days (contract, 30);
  g_assert_true (signet_store_update_contract (store, contract, &error));
  g_assert_no_error (error);

  return contract;
}

static void
exec_sql (const char *path,
          const char *sql)
{
  sqlite3 *db = NULL;
  char *message = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
  sqlite3_close (db);
}

static gboolean
grid_has_chips (gpointer grid)
{
  for (GtkWidget *child = gtk_widget_get_first_child (grid); child != NULL; child = gtk_widget_get_next_sibling (child))
    if (gtk_widget_has_css_class (child, "event-chip") && gtk_widget_get_child_visible (child))
      return TRUE;

  return FALSE;
}

/* The register as the version before the range left it, then opened in
 * the window on its Calendar page. */
static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(SignetStore) store = display_test_new_store ();
  g_autoptr(SignetClient) client = display_test_add_client (store, "华信科技", "K100");
  g_autoptr(SignetContract) near = add_contract (store, client, "NEAR-1", "Near lease", "2026-01-01", "2026-12-31");
  g_autoptr(SignetContract) far = add_contract (store, client, "FAR-1", "Far lease", "2026-01-01", "2026-12-31");
  g_autoptr(SignetContract) farther = add_contract (store, client, "FAR-2", "Farther lease", "2026-01-01", "2026-12-31");
  g_autofree char *path = g_strdup (signet_store_get_path (store));
  g_autofree char *sql = NULL;
  g_autoptr(GError) error = NULL;

  display_test_reset_settings ();
  signet_store_set_today (store, TODAY);
  g_assert_true (signet_store_update_events (store, &error));
  g_assert_no_error (error);
  f->far_id = signet_contract_get_id (far);
  g_clear_object (&store);

  sql = g_strdup_printf ("UPDATE contracts SET end_date = '9999-12-31' WHERE id = %" G_GINT64_FORMAT ";"
                         "UPDATE contracts SET start_date = '9999-01-01', end_date = '9999-12-31', "
                         "auto_renew = 0 WHERE id = %" G_GINT64_FORMAT ";"
                         "INSERT INTO key_dates (contract_id, kind, date, title) VALUES (%" G_GINT64_FORMAT
                         ", 'payment', '9999-06-30', '尾款');"
                         "DELETE FROM contract_events WHERE contract_id IN (%" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ");"
                         "INSERT INTO contract_events (contract_id, kind, date) VALUES "
                         "(%" G_GINT64_FORMAT ", 'start', '2026-01-01'), (%" G_GINT64_FORMAT ", 'end', '9999-12-31'), "
                         "(%" G_GINT64_FORMAT ", 'notice-deadline', '9999-12-01'), "
                         "(%" G_GINT64_FORMAT ", 'review', '2027-01-01'), (%" G_GINT64_FORMAT ", 'start', '9999-01-01'), "
                         "(%" G_GINT64_FORMAT ", 'review', '10000-01-01'), (%" G_GINT64_FORMAT ", 'end', '9999-12-31');",
                         f->far_id, signet_contract_get_id (farther), f->far_id,
                         f->far_id, signet_contract_get_id (farther),
                         f->far_id, f->far_id, f->far_id, f->far_id,
                         signet_contract_get_id (farther), signet_contract_get_id (farther),
                         signet_contract_get_id (farther));
  exec_sql (path, sql);

  f->store = signet_store_new (path, &error);
  g_assert_no_error (error);
  signet_store_set_today (f->store, TODAY);

  f->window = signet_window_new (NULL, f->store, NULL);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1280, 900);
  display_test_show (GTK_WINDOW (f->window));
  f->stack = ADW_VIEW_STACK (display_test_find_type (GTK_WIDGET (f->window), ADW_TYPE_VIEW_STACK));
  adw_view_stack_set_visible_child_name (f->stack, "calendar");
  f->view = SIGNET_CALENDAR_VIEW (display_test_find_type (adw_view_stack_get_visible_child (f->stack),
                                                         SIGNET_TYPE_CALENDAR_VIEW));
  g_assert_true (SIGNET_IS_CALENDAR_VIEW (f->view));
  f->grid = SIGNET_MONTH_GRID (display_test_find_type (GTK_WIDGET (f->view), SIGNET_TYPE_MONTH_GRID));
  g_assert_true (display_test_wait_for (grid_has_chips, f->grid));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  display_test_destroy_windows ();
  g_clear_object (&f->store);
}

static GtkWidget *
find_chip (SignetMonthGrid *grid,
           const char      *title)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (grid));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *label;

      if (!gtk_widget_has_css_class (child, "event-chip") || !gtk_widget_get_child_visible (child))
        continue;
      label = gtk_button_get_child (GTK_BUTTON (child));
      if (GTK_IS_LABEL (label) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (label)), title) == 0)
        return child;
    }

  return NULL;
}

/* Scrolls the page down to its key dates, for the screenshot. */
static void
show_key_dates (GtkWidget *section)
{
  GtkScrolledWindow *scroller = GTK_SCROLLED_WINDOW (gtk_widget_get_ancestor (section, GTK_TYPE_SCROLLED_WINDOW));
  graphene_rect_t bounds;

  g_assert_true (gtk_widget_compute_bounds (section, gtk_scrolled_window_get_child (scroller), &bounds));
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (scroller), bounds.origin.y - 160);
  display_test_spin (200);
}

/* Opens FAR-1 from its start in January 2026, as a user clicks it. */
static SignetContractPage *
open_far_contract (Fixture *f)
{
  SignetContractPage *page;
  SignetContract *opened;
  GtkWidget *chip;

  signet_calendar_view_set_month (f->view, 2026, 1);
  display_test_spin (100);
  chip = find_chip (f->grid, "Far lease");
  g_assert_nonnull (chip);
  g_signal_emit_by_name (chip, "clicked");
  display_test_spin (200);

  g_assert_cmpstr (adw_view_stack_get_visible_child_name (f->stack), ==, "list");
  page = SIGNET_CONTRACT_PAGE (display_test_find_type (GTK_WIDGET (f->window), SIGNET_TYPE_CONTRACT_PAGE));
  opened = signet_contract_page_get_contract (page);
  g_assert_nonnull (opened);
  g_assert_cmpint (signet_contract_get_id (opened), ==, f->far_id);

  return page;
}

/* The calendar shows the events it can, never one outside the range; the
 * page of the contract dated 9999-12-31 shows the date as stored and says
 * what is left out. */
static void
test_old_contract (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GError) error = NULL;
  SignetContractPage *page;
  GtkWidget *end_entry;
  GtkWidget *section;

  events = signet_store_list_events (f->store, NULL, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < events->len; i++)
    g_assert_true (signet_date_is_valid (signet_event_get_date (g_ptr_array_index (events, i))));

  page = open_far_contract (f);
  end_entry = display_test_find_accessible (GTK_WIDGET (page), "End Date");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (end_entry)), ==, "9999-12-31");

  section = display_test_find_type (GTK_WIDGET (page), SIGNET_TYPE_KEY_DATES_SECTION);
  g_assert_true (display_test_shows_visible_label (section,
                                      "The end date 9999-12-31 is outside the dates Signet works with, 1900-01-01 "
                                      "to 2199-12-31: nothing is derived from it, and it is not in the calendar.\n"
                                      "The date of “尾款”, 9999-06-30, is outside the dates Signet works with, "
                                      "1900-01-01 to 2199-12-31: it is not in the calendar and has no reminders."));
  show_key_dates (section);
  g_free (display_test_save_screenshot (GTK_WIDGET (f->window), "date-range-en"));
}

/* 2300-01-01 typed in a date field is refused as it is typed, with the
 * range, and at Save; the register keeps its date. */
static void
test_typed_date (Fixture       *f,
                 gconstpointer  data)
{
  static const char message[] = "End Date: “2300-01-01” is outside the dates Signet works with, "
                                "1900-01-01 to 2199-12-31.";
  SignetContractPage *page = open_far_contract (f);
  GtkWidget *end_entry = display_test_find_accessible (GTK_WIDGET (page), "End Date");
  g_autoptr(SignetContract) stored = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_false (display_test_shows_visible_label (GTK_WIDGET (page), message));
  gtk_editable_set_text (GTK_EDITABLE (end_entry), "2300-01-01");
  g_assert_true (display_test_shows_visible_label (GTK_WIDGET (page), message));
  g_assert_true (gtk_widget_has_css_class (end_entry, "error"));

  g_assert_false (signet_contract_page_save (page, &error));
  g_assert_error (error, SIGNET_FIELD_ERROR, SIGNET_FIELD_CONTRACT_END_DATE);
  g_assert_cmpstr (error->message, ==, message);
  g_assert_true (display_test_shows_visible_label (GTK_WIDGET (page), message));
  g_clear_error (&error);

  stored = signet_store_get_contract (f->store, f->far_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (signet_contract_get_end_date (stored), ==, "9999-12-31");

  /* A date in the range clears it. */
  gtk_editable_set_text (GTK_EDITABLE (end_entry), "2199-12-31");
  g_assert_false (display_test_shows_visible_label (GTK_WIDGET (page), message));
}

/* Runs the key binding of @keyval (no modifiers) that @widget has. */
static void
press_key (GtkWidget *widget,
           guint      keyval)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;

      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);

          if (GTK_IS_KEYVAL_TRIGGER (trigger) &&
              gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)) == keyval &&
              gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger)) == 0)
            {
              gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), GTK_SHORTCUT_ACTION_EXCLUSIVE,
                                            widget, gtk_shortcut_get_arguments (shortcut));
              return;
            }
        }
    }

  g_error ("No key binding for %s", gdk_keyval_name (keyval));
}

/* The calendar goes as far as the range and says so there; neither the
 * buttons nor the keyboard go past it. */
static void
test_calendar_ends (Fixture       *f,
                    gconstpointer  data)
{
  static const char range[] = "Signet works with dates from 1900-01-01 to 2199-12-31.";

  g_assert_false (display_test_shows_visible_label (GTK_WIDGET (f->view), range));

  signet_calendar_view_set_month (f->view, 2199, 12);
  g_assert_true (display_test_shows_visible_label (GTK_WIDGET (f->view), range));
  gtk_widget_activate_action (GTK_WIDGET (f->view), "calendar.next-month", NULL);
  g_assert_cmpuint (signet_calendar_view_get_year (f->view), ==, 2199);
  g_assert_cmpuint (signet_calendar_view_get_month (f->view), ==, 12);
  g_assert_cmpuint (signet_month_grid_get_n_events (f->grid), ==, 0);

  gtk_widget_grab_focus (GTK_WIDGET (f->grid));
  signet_month_grid_set_focus_date (f->grid, "2199-12-31");
  press_key (GTK_WIDGET (f->grid), GDK_KEY_Right);
  press_key (GTK_WIDGET (f->grid), GDK_KEY_Down);
  press_key (GTK_WIDGET (f->grid), GDK_KEY_Page_Down);
  g_assert_cmpstr (signet_month_grid_get_focus_date (f->grid), ==, "2199-12-31");
  g_assert_cmpuint (signet_calendar_view_get_year (f->view), ==, 2199);

  gtk_widget_activate_action (GTK_WIDGET (f->view), "calendar.previous-month", NULL);
  g_assert_cmpuint (signet_calendar_view_get_month (f->view), ==, 11);
  g_assert_false (display_test_shows_visible_label (GTK_WIDGET (f->view), range));

  signet_calendar_view_set_month (f->view, 1900, 1);
  g_assert_true (display_test_shows_visible_label (GTK_WIDGET (f->view), range));
  gtk_widget_activate_action (GTK_WIDGET (f->view), "calendar.previous-month", NULL);
  g_assert_cmpuint (signet_calendar_view_get_year (f->view), ==, 1900);
  g_assert_cmpuint (signet_calendar_view_get_month (f->view), ==, 1);
  signet_month_grid_set_focus_date (f->grid, "1900-01-01");
  press_key (GTK_WIDGET (f->grid), GDK_KEY_Left);
  press_key (GTK_WIDGET (f->grid), GDK_KEY_Page_Up);
  g_assert_cmpstr (signet_month_grid_get_focus_date (f->grid), ==, "1900-01-01");
}

static void
draw_page (cairo_t  *cr,
           guint     page,
           gpointer  user_data)
{
  pdf_fixture_draw_text (cr, 72, 100, "Payment is due within thirty days.");
}

static gboolean
lists_annotation (gpointer window)
{
  return display_test_shows_visible_label (window, "Note");
}

/* Run in a process of its own, in Beijing's time zone. */
static void
test_annotation_time (void)
{
  g_autoptr(SignetStore) store = NULL;
  g_autoptr(SignetClient) client = NULL;
  g_autoptr(SignetContract) contract = NULL;
  g_autoptr(SignetAttachment) attachment = NULL;
  g_autoptr(SignetAnnotation) note = NULL;
  g_autoptr(GBytes) pdf = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *pdf_path = NULL;
  g_autofree char *path = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *details = NULL;
  SignetAnnotationRect rect = { 400, 300, 420, 320 };
  GtkWidget *window;

  if (!g_test_subprocess ())
    {
      /* The child isolates its directories again, from the system's. */
      if (display_test_system_data_dirs () != NULL)
        g_setenv ("XDG_DATA_DIRS", display_test_system_data_dirs (), TRUE);
      else
        g_unsetenv ("XDG_DATA_DIRS");
      g_setenv ("TZ", "Asia/Shanghai", TRUE);
      g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDOUT | G_TEST_SUBPROCESS_INHERIT_STDERR);
      g_unsetenv ("TZ");
      g_test_trap_assert_passed ();
      return;
    }

  store = display_test_new_store ();
  client = display_test_add_client (store, "华信科技", "K100");
  contract = display_test_add_contract (store, client, "HT-1", "Supply agreement", 100000);
  pdf_path = g_build_filename (g_get_user_data_dir (), "contract.pdf", NULL);
  pdf_fixture_write (pdf_path, 1, 595, 842, "Supply agreement", draw_page, NULL);
  pdf = pdf_fixture_load (pdf_path);
  attachment = signet_store_add_attachment (store, signet_contract_get_id (contract), pdf, "contract.pdf",
                                            "application/pdf", SIGNET_ATTACHMENT_ROLE_SIGNED, NULL, &error);
  g_assert_no_error (error);
  note = signet_store_add_annotation (store, signet_attachment_get_version_id (attachment),
                                      SIGNET_ANNOTATION_KIND_NOTE, 0, &rect, 1, "#62a0ea", "Ask for the key.", &error);
  g_assert_no_error (error);
  path = g_strdup (signet_store_get_path (store));
  g_clear_object (&store);

  /* As an import took it before times were checked. */
  sql = g_strdup_printf ("UPDATE annotations SET created_at = '9999-12-31T23:59:59Z', "
                         "modified_at = '9999-12-31T23:59:59Z' WHERE id = %" G_GINT64_FORMAT,
                         signet_annotation_get_id (note));
  exec_sql (path, sql);
  store = signet_store_new (path, &error);
  g_assert_no_error (error);

  window = signet_attachment_window_new (NULL, store, attachment, signet_attachment_get_version_id (attachment));
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 860);
  display_test_show (GTK_WINDOW (window));
  g_assert_true (display_test_wait_for (lists_annotation, window));
  details = g_strdup_printf ("%s · 9999-12-31T23:59:59Z", signet_annotation_get_author (note));
  g_assert_true (display_test_shows_visible_label (window, details));
  display_test_destroy_windows ();
}

/* The page in Chinese, in a process of its own: GLib decides at the first
 * translation whether to translate at all. */
static void
test_chinese (void)
{
  Fixture f = { 0 };
  SignetContractPage *page;
  GtkWidget *section;

  if (!g_test_subprocess ())
    {
      display_test_run_in_locale ("zh_CN.UTF-8");
      return;
    }

  if (!display_test_child_speaks_chinese ())
    return;

  fixture_set_up (&f, NULL);
  page = open_far_contract (&f);
  section = display_test_find_type (GTK_WIDGET (page), SIGNET_TYPE_KEY_DATES_SECTION);
  g_assert_true (display_test_shows_visible_label (section,
                                      "结束日期 9999-12-31 超出了 Signet 可处理的日期范围（1900-01-01 至 "
                                      "2199-12-31）：不会据此推算任何日期，它也不会出现在日历中。\n"
                                      "“尾款”的日期 9999-06-30 超出了 Signet 可处理的日期范围（1900-01-01 至 "
                                      "2199-12-31）：它不会出现在日历中，也不会有提醒。"));
  show_key_dates (section);
  g_free (display_test_save_screenshot (GTK_WIDGET (f.window), "date-range-zh_CN"));
  fixture_tear_down (&f, NULL);
}

int
main (int   argc,
      char *argv[])
{
  display_test_init (&argc, &argv);
  display_test_bind_build_catalog ();

  g_test_add ("/date-range/old-contract", Fixture, NULL, fixture_set_up, test_old_contract, fixture_tear_down);
  g_test_add ("/date-range/typed-date", Fixture, NULL, fixture_set_up, test_typed_date, fixture_tear_down);
  g_test_add ("/date-range/calendar-ends", Fixture, NULL, fixture_set_up, test_calendar_ends, fixture_tear_down);
  g_test_add_func ("/date-range/annotation-time", test_annotation_time);
  g_test_add_func ("/date-range/zh_CN", test_chinese);

  return g_test_run ();
}
