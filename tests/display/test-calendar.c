/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "test-calendar"

#include "config.h"

#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include <glib/gi18n.h>

#include "display-test-utils.h"
#include "signet-agenda-view.h"
#include "signet-calendar-view.h"
#include "signet-contract-page.h"
#include "signet-contract-table.h"
#include "signet-date.h"
#include "signet-demo.h"
#include "signet-event-row.h"
#include "signet-month-grid.h"
#include "signet-store-events.h"
#include "signet-window.h"

/* The Calendar page as a user sees it: the demo register's month with
 * each event as a chip on its day, the overflow of a busy day in a
 * popover, the keyboard moving between months, and a click opening the
 * contract. Screenshots in English and Chinese go next to the test
 * binary (calendar-en.png, calendar-zh_CN.png). */

/* More contracts ending on one day than a day cell has room for, and
 * than the grid holds of a day (SIGNET_MONTH_GRID_MAX_CHIPS). */
#define BUSY_DAY 15
#define N_BUSY 14

typedef struct
{
  SignetStore        *store;
  char               *today;
  guint               year;
  guint               month;
  GtkWindow          *window;
  SignetCalendarView *view;
  SignetMonthGrid    *grid;
  guint               n_loaded;
  guint               loaded_before;
  /* The day whose chips a test waits for. */
  const char         *waiting_day;
  guint               last_count;
  gint64              opened;
} Fixture;

static void
month_loaded_cb (SignetCalendarView *view,
                 guint               n_events,
                 Fixture            *fixture)
{
  fixture->n_loaded++;
  fixture->last_count = n_events;
}

static void
open_contract_cb (SignetCalendarView *view,
                  gint64              contract_id,
                  Fixture            *fixture)
{
  fixture->opened = contract_id;
}

static SignetContract *
add_contract (SignetStore  *store,
              SignetClient *client,
              const char   *number,
              const char   *title,
              const char   *start,
              const char   *end)
{
  SignetContract *contract = signet_contract_new ();
  g_autoptr(GError) error = NULL;

  signet_contract_set_number (contract, number);
  signet_contract_set_title (contract, title);
  signet_contract_set_client_id (contract, signet_client_get_id (client));
  signet_contract_set_currency (contract, "CNY");
  signet_contract_set_value (contract, 1000000);
  signet_contract_set_status (contract, SIGNET_CONTRACT_STATUS_ACTIVE);
  signet_contract_set_start_date (contract, start);
  signet_contract_set_end_date (contract, end);
  signet_store_add_contract (store, contract, &error);
  g_assert_no_error (error);

  return contract;
}

static char *
busy_day (Fixture *fixture)
{
  return g_strdup_printf ("%04u-%02u-%02u", fixture->year, fixture->month, BUSY_DAY);
}

/* The demo register, plus a busy day in the month shown. */
static void
fill_store (Fixture *fixture)
{
  g_autoptr(SignetClient) client = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *end = busy_day (fixture);
  g_autofree char *start = g_strdup_printf ("%04u-01-01", fixture->year - 1);

  g_assert_true (signet_demo_fill (fixture->store, &error));
  g_assert_no_error (error);

  client = display_test_add_client (fixture->store, "Busy Day Ltd", "BUSY");
  for (guint i = 0; i < N_BUSY; i++)
    {
      g_autofree char *number = g_strdup_printf ("BUSY-%02u", i + 1);
      g_autofree char *title = g_strdup_printf ("Busy contract %u", i + 1);
      g_autoptr(SignetContract) contract = add_contract (fixture->store, client, number, title, start, end);
    }
}

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

static void
open_view (Fixture *fixture)
{
  fixture->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (fixture->window, 1160, 760);
  fixture->view = SIGNET_CALENDAR_VIEW (signet_calendar_view_new ());
  fixture->grid = SIGNET_MONTH_GRID (display_test_find_type (GTK_WIDGET (fixture->view), SIGNET_TYPE_MONTH_GRID));
  g_signal_connect (fixture->view, "month-loaded", G_CALLBACK (month_loaded_cb), fixture);
  g_signal_connect (fixture->view, "open-contract", G_CALLBACK (open_contract_cb), fixture);
  gtk_window_set_child (fixture->window, GTK_WIDGET (fixture->view));

  signet_calendar_view_set_today (fixture->view, fixture->today);
  signet_calendar_view_set_store (fixture->view, fixture->store);
  signet_calendar_view_set_month (fixture->view, fixture->year, fixture->month);
  display_test_show (fixture->window);
  g_assert_true (display_test_wait_for (grid_has_chips, fixture->grid));
  display_test_spin (100);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  GDate today;

  display_test_reset_settings ();
  fixture->store = display_test_new_store ();
  /* The demo dates its contracts from the real today: the calendar's
   * today is fixed to the same day. */
  fixture->today = signet_date_today_iso ();
  g_assert_true (signet_date_parse (fixture->today, &today));
  fixture->year = g_date_get_year (&today);
  fixture->month = g_date_get_month (&today);
  fill_store (fixture);
  open_view (fixture);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  display_test_destroy_windows ();
  g_clear_object (&fixture->store);
  g_free (fixture->today);
}

static GPtrArray *
expected_events (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;
  GPtrArray *events;

  signet_month_grid_get_range (fixture->grid, &first, &last);
  events = signet_store_list_events (fixture->store, first, last, &error);
  g_assert_no_error (error);

  return events;
}

static gboolean
shown (GtkWidget *widget)
{
  return gtk_widget_get_child_visible (widget) && gtk_widget_get_mapped (widget);
}

/* The chips shown in the cell of @date, top to bottom. */
static GPtrArray *
chips_on (Fixture    *fixture,
          const char *date)
{
  GPtrArray *chips = g_ptr_array_new ();
  graphene_rect_t area;

  g_assert_true (signet_month_grid_get_day_area (fixture->grid, date, &area));

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (fixture->grid));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      graphene_rect_t bounds;
      graphene_point_t center;

      if (!gtk_widget_has_css_class (child, "event-chip") || !shown (child))
        continue;

      g_assert_true (gtk_widget_compute_bounds (child, GTK_WIDGET (fixture->grid), &bounds));
      graphene_rect_get_center (&bounds, &center);
      if (graphene_rect_contains_point (&area, &center))
        {
          /* A chip lies wholly inside its day. */
          g_assert_true (graphene_rect_contains_rect (&area, &bounds));
          g_ptr_array_add (chips, child);
        }
    }

  return chips;
}

/* The "+N more" button of @date's cell, or NULL. */
static GtkWidget *
more_button_on (Fixture    *fixture,
                const char *date)
{
  graphene_rect_t area;

  g_assert_true (signet_month_grid_get_day_area (fixture->grid, date, &area));

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (fixture->grid));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      graphene_rect_t bounds;
      graphene_point_t center;

      if (!gtk_widget_has_css_class (child, "more-events") || !shown (child))
        continue;

      g_assert_true (gtk_widget_compute_bounds (child, GTK_WIDGET (fixture->grid), &bounds));
      graphene_rect_get_center (&bounds, &center);
      if (graphene_rect_contains_point (&area, &center))
        return child;
    }

  return NULL;
}

/* The N of "+N more", in any language. */
static guint
more_count (GtkWidget *button)
{
  const char *label = gtk_button_get_label (GTK_BUTTON (button));

  while (*label != '\0' && !g_ascii_isdigit (*label))
    label++;

  return (guint) strtoul (label, NULL, 10);
}

/* The chip shows the title in the colour of the kind, and a click on it
 * opens the event's contract. */
static gboolean
chip_shows (Fixture     *fixture,
            GtkWidget   *chip,
            SignetEvent *event)
{
  GtkWidget *label = gtk_button_get_child (GTK_BUTTON (chip));
  const char *title = signet_event_get_title (event);
  g_autofree char *kind_class =
    g_strconcat ("kind-", signet_key_date_kind_to_token (signet_event_get_kind (event)), NULL);
  g_autofree char *step = NULL;

  if (title == NULL || *title == '\0')
    title = signet_event_get_contract_title (event);
  /* An approval step's name is on every contract's route, and a payment's,
   * an obligation's or a borrower's says little alone: the chip names the
   * contract too. */
  else if (signet_event_get_kind (event) == SIGNET_KEY_DATE_APPROVAL || signet_event_get_record_id (event) > 0)
    title = step = g_strdup_printf ("%s · %s", signet_event_get_contract_title (event), title);

  if (!gtk_widget_has_css_class (chip, kind_class) ||
      g_strcmp0 (gtk_label_get_text (GTK_LABEL (label)), title) != 0)
    return FALSE;

  fixture->opened = 0;
  g_signal_emit_by_name (chip, "clicked");

  return fixture->opened == signet_event_get_contract_id (event);
}

/* Every day of the six weeks shows its own events, in order, as chips,
 * and counts the rest in "+N more"; every end date of the month is
 * either a chip on its day or among that day's rest. The grid holds the
 * first events of each day as signet_store_list_events() orders them,
 * and counts all. */
static void
check_month (Fixture *fixture,
             guint   *n_ends_out,
             guint   *n_end_chips_out)
{
  g_autoptr(GPtrArray) events = expected_events (fixture);
  GPtrArray *held = signet_month_grid_get_events (fixture->grid);
  guint i = 0, h = 0, n_end_chips = 0, n_ends = 0;

  g_assert_cmpuint (signet_month_grid_get_n_events (fixture->grid), ==, events->len);

  while (i < events->len)
    {
      const char *date = signet_event_get_date (g_ptr_array_index (events, i));
      g_autoptr(GPtrArray) chips = chips_on (fixture, date);
      GtkWidget *more = more_button_on (fixture, date);
      guint n_day = 0;

      while (i + n_day < events->len &&
             g_str_equal (signet_event_get_date (g_ptr_array_index (events, i + n_day)), date))
        n_day++;

      g_assert_cmpuint (chips->len + (more ? more_count (more) : 0), ==, n_day);
      g_assert_cmpuint (chips->len, >, 0);

      for (guint j = 0; j < MIN (n_day, SIGNET_MONTH_GRID_MAX_CHIPS); j++, h++)
        {
          SignetEvent *expected = g_ptr_array_index (events, i + j);
          SignetEvent *event;

          g_assert_cmpuint (h, <, held->len);
          event = g_ptr_array_index (held, h);
          g_assert_cmpstr (signet_event_get_date (event), ==, date);
          g_assert_cmpint (signet_event_get_kind (event), ==, signet_event_get_kind (expected));
          g_assert_cmpint (signet_event_get_contract_id (event), ==, signet_event_get_contract_id (expected));
          g_assert_cmpint (signet_event_get_key_date_id (event), ==, signet_event_get_key_date_id (expected));
        }

      for (guint j = 0; j < n_day; j++)
        {
          SignetEvent *event = g_ptr_array_index (events, i + j);

          if (signet_event_get_kind (event) == SIGNET_KEY_DATE_END)
            {
              n_ends++;
              if (j < chips->len)
                n_end_chips++;
            }

          if (j < chips->len && !chip_shows (fixture, g_ptr_array_index (chips, j), event))
            g_error ("The chip %u of %s does not show %s of %s", j, date,
                     signet_key_date_kind_to_label (signet_event_get_kind (event)),
                     signet_event_get_contract_number (event));
        }

      i += n_day;
    }

  g_assert_cmpuint (h, ==, held->len);

  if (n_ends_out != NULL)
    *n_ends_out = n_ends;
  if (n_end_chips_out != NULL)
    *n_end_chips_out = n_end_chips;
}

static void
test_month (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(GPtrArray) events = expected_events (fixture);
  guint n_ends, n_end_chips;

  g_assert_cmpuint (fixture->last_count, ==, events->len);
  g_assert_cmpuint (signet_calendar_view_get_year (fixture->view), ==, fixture->year);
  g_assert_cmpuint (signet_calendar_view_get_month (fixture->view), ==, fixture->month);
  check_month (fixture, &n_ends, &n_end_chips);

  /* The busy day alone ends N_BUSY contracts, and ends show as chips. */
  g_assert_cmpuint (n_ends, >=, N_BUSY);
  g_assert_cmpuint (n_end_chips, >, 0);
}

static void
test_overflow (Fixture       *fixture,
               gconstpointer  data)
{
  g_autofree char *date = busy_day (fixture);
  g_autoptr(GPtrArray) events = expected_events (fixture);
  g_autoptr(GPtrArray) chips = chips_on (fixture, date);
  g_autoptr(GPtrArray) day = g_ptr_array_new ();
  GtkWidget *more = more_button_on (fixture, date);
  GtkWidget *popover, *list_view;
  GListModel *listed;

  for (guint i = 0; i < events->len; i++)
    if (g_str_equal (signet_event_get_date (g_ptr_array_index (events, i)), date))
      g_ptr_array_add (day, g_ptr_array_index (events, i));

  g_assert_cmpuint (day->len, >=, N_BUSY);
  g_assert_nonnull (more);
  g_assert_cmpuint (more_count (more), ==, day->len - chips->len);

  popover = display_test_find_type (GTK_WIDGET (fixture->grid), GTK_TYPE_POPOVER);
  g_assert_false (gtk_widget_get_visible (popover));
  g_signal_emit_by_name (more, "clicked");
  display_test_spin (100);
  g_assert_true (gtk_widget_get_mapped (popover));

  /* The popover lists the whole day, the events without a chip too. */
  list_view = display_test_find_type (popover, GTK_TYPE_LIST_VIEW);
  listed = G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (list_view)));
  g_assert_cmpuint (g_list_model_get_n_items (listed), ==, day->len);
  for (guint i = 0; i < day->len; i++)
    {
      g_autoptr(SignetEvent) event = g_list_model_get_item (listed, i);

      g_assert_cmpint (signet_event_get_contract_id (event), ==,
                       signet_event_get_contract_id (g_ptr_array_index (day, i)));
    }

  /* Choosing the last one, which has no chip, opens its contract. */
  g_signal_emit_by_name (list_view, "activate", day->len - 1);
  display_test_spin (50);
  g_assert_cmpint (fixture->opened, ==, signet_event_get_contract_id (g_ptr_array_index (day, day->len - 1)));
  g_assert_false (gtk_widget_get_visible (popover));
}

static void
test_chip_opens_contract (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GPtrArray) events = expected_events (fixture);

  for (guint i = 0; i < events->len; i++)
    {
      SignetEvent *event = g_ptr_array_index (events, i);
      g_autoptr(GPtrArray) chips = NULL;

      if (signet_event_get_kind (event) != SIGNET_KEY_DATE_END)
        continue;

      chips = chips_on (fixture, signet_event_get_date (event));
      for (guint j = 0; j < chips->len; j++)
        if (chip_shows (fixture, g_ptr_array_index (chips, j), event))
          return;
    }

  g_assert_not_reached ();
}

/* Every event chip of the month has a name for screen readers: what it
 * shows, the contract's number, the kind of date and the day. */
static void
test_chip_names (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GPtrArray) events = expected_events (fixture);
  guint n_named = 0;

  for (guint i = 0; i < events->len; i++)
    {
      SignetEvent *event = g_ptr_array_index (events, i);
      const char *title = signet_event_get_title (event);
      g_autofree char *day = signet_date_format_display (signet_event_get_date (event));
      g_autofree char *name = NULL;
      g_autofree char *step = NULL;
      g_autoptr(GPtrArray) chips = chips_on (fixture, signet_event_get_date (event));

      if (title == NULL || *title == '\0')
        title = signet_event_get_contract_title (event);
      else if (signet_event_get_kind (event) == SIGNET_KEY_DATE_APPROVAL || signet_event_get_record_id (event) > 0)
        title = step = g_strdup_printf ("%s · %s", signet_event_get_contract_title (event), title);
      name = g_strdup_printf ("%s, %s %s, %s", title, signet_event_get_contract_number (event),
                              signet_key_date_kind_to_label (signet_event_get_kind (event)), day);

      for (guint j = 0; j < chips->len; j++)
        {
          g_autofree char *mismatch =
            gtk_test_accessible_check_property (g_ptr_array_index (chips, j), GTK_ACCESSIBLE_PROPERTY_LABEL, name);

          if (mismatch == NULL)
            {
              n_named++;
              break;
            }
        }
    }

  /* Each chip shown is one event; a day with more than fit hides some. */
  g_assert_cmpuint (n_named, >, 0);
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (fixture->grid));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (gtk_widget_has_css_class (child, "event-chip") && shown (child))
      {
        g_assert_true (gtk_test_accessible_has_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL));
        n_named--;
      }
  g_assert_cmpuint (n_named, ==, 0);
}

/* Runs the key binding of @keyval (no modifiers) that @widget has, as a
 * key press on the focused widget does. */
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
              g_assert_true (gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut),
                                                           GTK_SHORTCUT_ACTION_EXCLUSIVE, widget,
                                                           gtk_shortcut_get_arguments (shortcut)));
              return;
            }
        }
    }

  g_error ("No key binding for %s", gdk_keyval_name (keyval));
}

static void
test_keyboard (Fixture       *fixture,
               gconstpointer  data)
{
  GtkWidget *grid = GTK_WIDGET (fixture->grid);
  guint loaded = fixture->n_loaded;
  guint next_year = fixture->month == 12 ? fixture->year + 1 : fixture->year;
  guint next_month = fixture->month % 12 + 1;
  g_autofree char *focus = NULL;
  GDate date;

  /* The grid is the window's focus; whether the window is the active one
   * is up to the X server, which other tests share. */
  gtk_widget_grab_focus (grid);
  g_assert_true (gtk_widget_is_focus (grid));
  g_assert_cmpstr (signet_month_grid_get_focus_date (fixture->grid), ==, fixture->today);

  press_key (grid, GDK_KEY_Page_Down);
  g_assert_cmpuint (fixture->n_loaded, ==, loaded + 1);
  g_assert_cmpuint (signet_calendar_view_get_year (fixture->view), ==, next_year);
  g_assert_cmpuint (signet_calendar_view_get_month (fixture->view), ==, next_month);
  display_test_spin (100);
  check_month (fixture, NULL, NULL);

  press_key (grid, GDK_KEY_Page_Up);
  g_assert_cmpuint (signet_calendar_view_get_month (fixture->view), ==, fixture->month);

  /* A week down and a day right. */
  press_key (grid, GDK_KEY_Down);
  press_key (grid, GDK_KEY_Right);
  g_assert_true (signet_date_parse (fixture->today, &date));
  g_date_add_days (&date, 8);
  focus = signet_date_to_iso (&date);
  g_assert_cmpstr (signet_month_grid_get_focus_date (fixture->grid), ==, focus);
  g_assert_cmpuint (signet_calendar_view_get_month (fixture->view), ==, g_date_get_month (&date));

  press_key (grid, GDK_KEY_Home);
  g_assert_cmpstr (signet_month_grid_get_focus_date (fixture->grid), ==, fixture->today);
  g_assert_cmpuint (signet_calendar_view_get_month (fixture->view), ==, fixture->month);

  /* Enter on the busy day lists its events. */
  g_free (focus);
  focus = busy_day (fixture);
  signet_month_grid_set_focus_date (fixture->grid, focus);
  press_key (grid, GDK_KEY_Return);
  display_test_spin (100);
  g_assert_true (gtk_widget_get_mapped (display_test_find_type (grid, GTK_TYPE_POPOVER)));
}

static void
test_buttons (Fixture       *fixture,
              gconstpointer  data)
{
  GtkWidget *view = GTK_WIDGET (fixture->view);
  guint previous_year = fixture->month == 1 ? fixture->year - 1 : fixture->year;
  guint previous_month = fixture->month == 1 ? 12 : fixture->month - 1;

  gtk_widget_activate_action (view, "calendar.previous-month", NULL);
  g_assert_cmpuint (signet_calendar_view_get_year (fixture->view), ==, previous_year);
  g_assert_cmpuint (signet_calendar_view_get_month (fixture->view), ==, previous_month);
  display_test_spin (100);
  check_month (fixture, NULL, NULL);

  gtk_widget_activate_action (view, "calendar.next-month", NULL);
  gtk_widget_activate_action (view, "calendar.next-month", NULL);
  g_assert_cmpuint (signet_calendar_view_get_month (fixture->view), ==, fixture->month % 12 + 1);

  gtk_widget_activate_action (view, "calendar.today", NULL);
  g_assert_cmpuint (signet_calendar_view_get_year (fixture->view), ==, fixture->year);
  g_assert_cmpuint (signet_calendar_view_get_month (fixture->view), ==, fixture->month);
  g_assert_cmpstr (signet_month_grid_get_focus_date (fixture->grid), ==, fixture->today);
}

static gboolean
reloaded (gpointer data)
{
  Fixture *fixture = data;

  return fixture->n_loaded > fixture->loaded_before;
}

/* The new contract's end is in the grid's events; check_month() makes
 * sure that each of them shows on its day. */
static gboolean
grid_has_end (Fixture    *fixture,
              const char *date,
              const char *number)
{
  GPtrArray *events = signet_month_grid_get_events (fixture->grid);

  for (guint i = 0; i < events->len; i++)
    {
      SignetEvent *event = g_ptr_array_index (events, i);

      if (signet_event_get_kind (event) == SIGNET_KEY_DATE_END &&
          g_str_equal (signet_event_get_date (event), date) &&
          g_str_equal (signet_event_get_contract_number (event), number))
        return TRUE;
    }

  return FALSE;
}

static gboolean
day_has_chips (gpointer data)
{
  Fixture *fixture = data;
  g_autoptr(GPtrArray) chips = chips_on (fixture, fixture->waiting_day);

  return chips->len > 0;
}

static void
test_live_update (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(SignetClient) client = display_test_add_client (fixture->store, "Late Ltd", "LATE");
  g_autofree char *end = g_strdup_printf ("%04u-%02u-%02u", fixture->year, fixture->month, 3);
  g_autofree char *start = g_strdup_printf ("%04u-01-01", fixture->year - 1);
  g_autoptr(SignetContract) contract = NULL;
  guint loaded = fixture->n_loaded;

  contract = add_contract (fixture->store, client, "LATE-01", "Added while shown", start, end);
  fixture->loaded_before = loaded;
  g_assert_true (display_test_wait_for (reloaded, fixture));
  /* The chips are made as the grid is laid out again, on a later frame:
   * on a busy machine, more than a moment after the reload. */
  fixture->waiting_day = end;
  g_assert_true (display_test_wait_for (day_has_chips, fixture));
  display_test_spin (100);
  check_month (fixture, NULL, NULL);
  g_assert_true (grid_has_end (fixture, end, "LATE-01"));
}

static gboolean
agenda_loaded (gpointer data)
{
  return g_list_model_get_n_items (signet_agenda_view_get_model (data)) > 0;
}

static GtkWidget *find_with_class (GtkWidget  *root,
                                   const char *css_class);

typedef struct
{
  GListModel *model;
  guint       before;
} Growing;

static gboolean
agenda_grew (gpointer data)
{
  Growing *growing = data;

  return g_list_model_get_n_items (growing->model) > growing->before;
}

/* Scrolls the agenda to the end of what it has read, again and again,
 * until it holds @n events or scrolling reads no more. */
static void
scroll_agenda_until (SignetAgendaView *agenda,
                     guint             n)
{
  /* Not the period's dropdown, which has a list of its own. */
  GtkWidget *list_view = find_with_class (GTK_WIDGET (agenda), "agenda");
  GtkScrolledWindow *scroller = GTK_SCROLLED_WINDOW (gtk_widget_get_ancestor (list_view, GTK_TYPE_SCROLLED_WINDOW));
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (scroller);
  Growing growing = { signet_agenda_view_get_model (agenda), 0 };

  while ((growing.before = g_list_model_get_n_items (growing.model)) < n)
    {
      gtk_adjustment_set_value (adjustment,
                                gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment));
      if (!display_test_wait_for (agenda_grew, &growing))
        break;
    }
}

/* The agenda shows the overdue part and the coming days in the store's
 * order; it reads a few screens at a time (this register has more than
 * a page in 60 and 90 days) and the rest as it is scrolled. */
static void
test_agenda (Fixture       *fixture,
             gconstpointer  data)
{
  SignetAgendaView *agenda =
    SIGNET_AGENDA_VIEW (display_test_find_type (GTK_WIDGET (fixture->view), SIGNET_TYPE_AGENDA_VIEW));
  g_autoptr(GPtrArray) expected = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *model = signet_agenda_view_get_model (agenda);
  gboolean paged = FALSE;

  g_assert_true (display_test_wait_for (agenda_loaded, agenda));

  for (guint days = 30; days <= 90; days += 30)
    {
      guint shown;

      signet_agenda_view_set_days (agenda, days);
      display_test_spin (50);
      g_clear_pointer (&expected, g_ptr_array_unref);
      expected = signet_store_list_agenda (fixture->store, fixture->today, days, &error);
      g_assert_no_error (error);

      shown = g_list_model_get_n_items (model);
      g_assert_cmpuint (shown, >, 0);
      g_assert_cmpuint (shown, <=, expected->len);
      if (shown < expected->len)
        {
          paged = TRUE;
          scroll_agenda_until (agenda, expected->len);
        }
      g_assert_cmpuint (g_list_model_get_n_items (model), ==, expected->len);
      for (guint i = 0; i < expected->len; i++)
        {
          g_autoptr(SignetEvent) event = g_list_model_get_item (model, i);
          SignetEvent *want = g_ptr_array_index (expected, i);

          g_assert_cmpstr (signet_event_get_date (event), ==, signet_event_get_date (want));
          g_assert_cmpstr (signet_event_get_contract_number (event), ==, signet_event_get_contract_number (want));
          g_assert_cmpint (signet_event_get_kind (event), ==, signet_event_get_kind (want));
        }
    }
  /* The register is made to need it, so that reading on is seen. */
  g_assert_true (paged);

  /* A change elsewhere reads the agenda again as far as it was read,
   * not back to its first page, so that it stays where it was. */
  {
    g_autoptr(SignetClient) client = display_test_add_client (fixture->store, "Quiet Ltd", "QUIET");
    g_autoptr(SignetContract) contract = NULL;
    g_autofree char *start = NULL;
    guint before = g_list_model_get_n_items (model);
    GDate date;

    signet_date_parse (fixture->today, &date);
    g_date_add_days (&date, 10);
    start = signet_date_to_iso (&date);
    contract = add_contract (fixture->store, client, "QUIET-01", "Starts in ten days", start, "2041-01-01");
    g_assert_true (display_test_wait_for (agenda_grew, &(Growing) { model, before }));
    g_assert_cmpuint (g_list_model_get_n_items (model), >=, before + 1);
  }
}

static GtkWidget *
find_with_class (GtkWidget  *root,
                 const char *css_class)
{
  if (gtk_widget_has_css_class (root, css_class))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_with_class (child, css_class);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static void
collect_shown_labels (GtkWidget *root,
                      GPtrArray *texts)
{
  if (!gtk_widget_get_mapped (root))
    return;
  if (GTK_IS_LABEL (root))
    g_ptr_array_add (texts, (gpointer) gtk_label_get_text (GTK_LABEL (root)));

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_shown_labels (child, texts);
}

static gboolean
has_text (GPtrArray  *texts,
          const char *text)
{
  return g_ptr_array_find_with_equal_func (texts, text, g_str_equal, NULL);
}

/* The agenda's first row says what a user reads there: its heading
 * (Overdue, Today, Tomorrow or the date), the contract's number and title,
 * what the date is with the client, and a dot of the kind's colour. */
static void
test_agenda_rows (Fixture       *fixture,
                  gconstpointer  data)
{
  SignetAgendaView *agenda =
    SIGNET_AGENDA_VIEW (display_test_find_type (GTK_WIDGET (fixture->view), SIGNET_TYPE_AGENDA_VIEW));
  GListModel *model = signet_agenda_view_get_model (agenda);
  g_autoptr(GPtrArray) texts = g_ptr_array_new ();
  g_autoptr(SignetEvent) first = NULL;
  g_autofree char *contract = NULL;
  g_autofree char *details = NULL;
  g_autofree char *heading = NULL;
  GtkWidget *row;
  GtkWidget *dot;
  gboolean overdue;

  g_assert_true (display_test_wait_for (agenda_loaded, agenda));
  display_test_spin (100);
  first = g_list_model_get_item (model, 0);
  overdue = strcmp (signet_event_get_date (first), fixture->today) < 0;
  contract = g_strdup_printf ("%s %s", signet_event_get_contract_number (first),
                              signet_event_get_contract_title (first));
  if (signet_event_get_title (first) != NULL && *signet_event_get_title (first) != '\0')
    details = g_strdup_printf ("%s: %s", signet_key_date_kind_to_label (signet_event_get_kind (first)),
                               signet_event_get_title (first));
  else
    details = g_strdup (signet_key_date_kind_to_label (signet_event_get_kind (first)));
  if (overdue)
    {
      g_autofree char *display = signet_date_format_display (signet_event_get_date (first));
      g_autofree char *what = g_steal_pointer (&details);

      details = g_strdup_printf ("%s · %s · %s", what, display, signet_event_get_client_name (first));
      heading = g_strdup ("Overdue");
    }
  else
    {
      g_autofree char *what = g_steal_pointer (&details);

      details = g_strdup_printf ("%s · %s", what, signet_event_get_client_name (first));
      heading = strcmp (signet_event_get_date (first), fixture->today) == 0
        ? g_strdup ("Today") : NULL;
    }

  collect_shown_labels (GTK_WIDGET (agenda), texts);
  g_assert_true (has_text (texts, contract));
  g_assert_true (has_text (texts, details));
  if (heading != NULL)
    g_assert_true (has_text (texts, heading));

  row = find_with_class (GTK_WIDGET (agenda), "agenda-row");
  g_assert_nonnull (row);
  g_assert_true (gtk_widget_has_css_class (row, "overdue") == overdue);
  dot = find_with_class (row, "event-dot");
  g_assert_nonnull (dot);
  g_assert_true (gtk_widget_has_css_class (dot, signet_event_kind_css_class (signet_event_get_kind (first))));
}

/* Each kind of date has one class, "kind-" and its token, and the style
 * gives it a colour as a chip and as a dot. */
static void
test_kind_classes (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = g_resources_lookup_data (RESOURCE_PREFIX "/style.css", 0, &error);
  g_autofree char *css = NULL;

  g_assert_no_error (error);
  css = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));

  for (SignetKeyDateKind kind = SIGNET_KEY_DATE_START; kind <= SIGNET_KEY_DATE_LAST; kind++)
    {
      const char *css_class = signet_event_kind_css_class (kind);
      g_autofree char *expected = g_strconcat ("kind-", signet_key_date_kind_to_token (kind), NULL);
      g_autofree char *dot_rule = g_strconcat (".event-dot.", css_class, " ", NULL);
      g_autofree char *chip_rule = g_strconcat (".event-chip.", css_class, " ", NULL);

      g_assert_cmpstr (css_class, ==, expected);
      g_assert_nonnull (strstr (css, dot_rule));
      g_assert_nonnull (strstr (css, chip_rule));
    }
}

static void
save_screenshot (GtkWidget  *widget,
                 const char *name)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *path = g_test_build_filename (G_TEST_BUILT, name, NULL);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  GskRenderer *renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));

  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("Screenshot: %s", path);
}

static void
test_screenshot (Fixture       *fixture,
                 gconstpointer  data)
{
  const char *language = data;
  g_autofree char *name = g_strdup_printf ("calendar-%s.png", language);

  save_screenshot (GTK_WIDGET (fixture->window), name);
}


/* The interface in Chinese, in a process of its own: GLib decides at
 * the first translation whether to translate at all. */
static void
test_chinese (void)
{
  Fixture fixture = { 0 };
  GtkWidget *weekday;
  GtkWidget *title;

  if (!g_test_subprocess ())
    {
      display_test_run_in_locale ("zh_CN.UTF-8");
      return;
    }

  if (!display_test_child_speaks_chinese ())
    return;

  fixture_set_up (&fixture, NULL);

  /* The weekdays and the month are Chinese too. */
  weekday = display_test_find_type (GTK_WIDGET (fixture.grid), GTK_TYPE_LABEL);
  g_assert_false (g_ascii_isalpha (gtk_label_get_text (GTK_LABEL (weekday))[0]));
  title = find_with_class (GTK_WIDGET (fixture.view), "title-3");
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (title)), "月"));
  check_month (&fixture, NULL, NULL);
  save_screenshot (GTK_WIDGET (fixture.window), "calendar-zh_CN.png");

  fixture_tear_down (&fixture, NULL);
}

/* A week as the locale has it: the day it starts on, the names over the
 * columns, and the month's title over them. */
typedef struct
{
  const char   *locale;
  GDateWeekday  first;
  const char   *names[7];
  const char   *title;
} WeekCase;

static const WeekCase week_cases[] = {
  { "zh_CN.UTF-8", G_DATE_MONDAY, { "一", "二", "三", "四", "五", "六", "日" }, "2026年12月" },
  { "de_DE.UTF-8", G_DATE_MONDAY, { "Mo", "Di", "Mi", "Do", "Fr", "Sa", "So" }, "Dezember 2026" },
  { "en_US.UTF-8", G_DATE_SUNDAY, { "Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat" }, "December 2026" },
};

/* December 2026, which begins on a Tuesday, in the calendar of each
 * locale: the first column is the locale's first day of the week, named
 * in the locale's language, and so is the first cell's date. */
static void
test_week_start (gconstpointer data)
{
  const WeekCase *week = data;
  g_autoptr(SignetStore) store = NULL;
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;
  g_autofree char *shot = NULL;
  SignetCalendarView *view;
  SignetMonthGrid *grid;
  GtkWindow *window;
  GtkWidget *title;
  GDate first_day;
  guint n = 0;

  if (!g_test_subprocess ())
    {
      display_test_run_in_locale (week->locale);
      return;
    }

  if (g_str_has_prefix (week->locale, "zh_CN")
      ? !display_test_child_speaks_chinese ()
      : !display_test_child_in_locale (week->locale, LC_TIME))
    return;

  display_test_reset_settings ();
  store = display_test_new_store ();
  window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (window, 1200, 760);
  view = SIGNET_CALENDAR_VIEW (signet_calendar_view_new ());
  grid = SIGNET_MONTH_GRID (display_test_find_type (GTK_WIDGET (view), SIGNET_TYPE_MONTH_GRID));
  gtk_window_set_child (window, GTK_WIDGET (view));
  signet_calendar_view_set_today (view, "2026-12-07");
  signet_calendar_view_set_store (view, store);
  signet_calendar_view_set_month (view, 2026, 12);
  display_test_show (window);
  display_test_spin (100);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (grid));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (!gtk_widget_has_css_class (child, "weekday"))
        continue;
      g_assert_cmpuint (n, <, 7);
      g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (child)), ==, week->names[n]);
      n++;
    }
  g_assert_cmpuint (n, ==, 7);

  signet_month_grid_get_range (grid, &first, &last);
  g_assert_cmpstr (first, ==, week->first == G_DATE_MONDAY ? "2026-11-30" : "2026-11-29");
  g_assert_true (signet_date_parse (first, &first_day));
  g_assert_cmpint (g_date_get_weekday (&first_day), ==, week->first);

  title = find_with_class (GTK_WIDGET (view), "title-3");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (title)), ==, week->title);

  shot = g_strdup_printf ("calendar-week-%.5s.png", week->locale);
  save_screenshot (GTK_WIDGET (window), shot);
  display_test_destroy_windows ();
}

static void
record_id (gint64             *out,
           gint64              contract_id,
           SignetCalendarView *view)
{
  *out = contract_id;
}

/* The window: a Calendar page beside the List, and an event clicked in
 * the calendar opens its contract on the List page. */
static void
test_window (void)
{
  g_autoptr(SignetStore) store = display_test_new_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) events = NULL;
  SignetWindow *window;
  AdwViewStack *stack;
  SignetCalendarView *view;
  SignetMonthGrid *grid;
  GtkWidget *page, *table;
  SignetContract *opened;
  gint64 opened_id = 0;
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;

  display_test_reset_settings ();
  g_assert_true (signet_demo_fill (store, &error));
  window = signet_window_new (NULL, store, NULL);
  display_test_show (GTK_WINDOW (window));

  stack = ADW_VIEW_STACK (display_test_find_type (GTK_WIDGET (window), ADW_TYPE_VIEW_STACK));
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (stack), ==, "list");
  g_assert_nonnull (display_test_find_type (GTK_WIDGET (window), ADW_TYPE_VIEW_SWITCHER));

  adw_view_stack_set_visible_child_name (stack, "calendar");
  display_test_spin (200);
  view = SIGNET_CALENDAR_VIEW (display_test_find_type (adw_view_stack_get_visible_child (stack),
                                                      SIGNET_TYPE_CALENDAR_VIEW));
  g_assert_true (SIGNET_IS_CALENDAR_VIEW (view));
  grid = SIGNET_MONTH_GRID (display_test_find_type (GTK_WIDGET (view), SIGNET_TYPE_MONTH_GRID));
  g_assert_true (display_test_wait_for (grid_has_chips, grid));

  signet_month_grid_get_range (grid, &first, &last);
  events = signet_store_list_events (store, first, last, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (events->len, >, 0);
  g_assert_cmpuint (signet_month_grid_get_n_events (grid), ==, events->len);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (grid));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (!gtk_widget_has_css_class (child, "event-chip") || !shown (child))
        continue;

      g_signal_connect_swapped (view, "open-contract", G_CALLBACK (record_id), &opened_id);
      g_signal_emit_by_name (child, "clicked");
      display_test_spin (100);

      g_assert_cmpint (opened_id, >, 0);
      g_assert_cmpstr (adw_view_stack_get_visible_child_name (stack), ==, "list");
      page = display_test_find_type (GTK_WIDGET (window), SIGNET_TYPE_CONTRACT_PAGE);
      opened = signet_contract_page_get_contract (SIGNET_CONTRACT_PAGE (page));
      g_assert_nonnull (opened);
      g_assert_cmpint (signet_contract_get_id (opened), ==, opened_id);
      table = display_test_find_type (GTK_WIDGET (window), SIGNET_TYPE_CONTRACT_TABLE);
      g_assert_cmpint (signet_contract_table_get_selected_id (SIGNET_CONTRACT_TABLE (table)), ==, opened_id);
      display_test_destroy_windows ();
      return;
    }

  g_assert_not_reached ();
}

/* The app's style, as AdwApplication loads it, for the chip colours. */
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
  display_test_init (&argc, &argv);
  load_style ();
  display_test_bind_build_catalog ();

  g_test_add ("/calendar/month", Fixture, NULL, fixture_set_up, test_month, fixture_tear_down);
  g_test_add ("/calendar/overflow", Fixture, NULL, fixture_set_up, test_overflow, fixture_tear_down);
  g_test_add ("/calendar/chip-opens-contract", Fixture, NULL,
              fixture_set_up, test_chip_opens_contract, fixture_tear_down);
  g_test_add ("/calendar/keyboard", Fixture, NULL, fixture_set_up, test_keyboard, fixture_tear_down);
  g_test_add ("/calendar/chip-names", Fixture, NULL, fixture_set_up, test_chip_names, fixture_tear_down);
  g_test_add ("/calendar/buttons", Fixture, NULL, fixture_set_up, test_buttons, fixture_tear_down);
  g_test_add ("/calendar/live-update", Fixture, NULL, fixture_set_up, test_live_update, fixture_tear_down);
  g_test_add ("/calendar/agenda", Fixture, NULL, fixture_set_up, test_agenda, fixture_tear_down);
  g_test_add ("/calendar/agenda-rows", Fixture, NULL, fixture_set_up, test_agenda_rows, fixture_tear_down);
  g_test_add_func ("/calendar/kind-classes", test_kind_classes);
  g_test_add ("/calendar/screenshot/en", Fixture, "en", fixture_set_up, test_screenshot, fixture_tear_down);
  g_test_add_func ("/calendar/window", test_window);
  g_test_add_func ("/calendar/screenshot/zh_CN", test_chinese);
  for (guint i = 0; i < G_N_ELEMENTS (week_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/calendar/week-start/%.5s", week_cases[i].locale);

      g_test_add_data_func (path, &week_cases[i], test_week_start);
    }

  return g_test_run ();
}
