/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "signet-calendar-view"

#include "config.h"

#include <glib/gi18n.h>

#include "signet-agenda-view.h"
#include "signet-calendar-view.h"
#include "signet-date.h"
#include "signet-event-row.h"
#include "signet-month-grid.h"
#include "signet-store-events.h"
#include "signet-utils.h"

struct _SignetCalendarView
{
  AdwBreakpointBin     parent_instance;

  AdwOverlaySplitView *split_view;
  GtkLabel            *month_label;
  GtkLabel            *range_label;
  SignetMonthGrid     *grid;
  GtkFlowBox          *legend;
  SignetAgendaView    *agenda;

  SignetStore         *store;
  /* Set by tests; NULL follows the clock. */
  char                *fixed_today;
  gboolean             stale;
  guint                reload_idle;
};

G_DEFINE_FINAL_TYPE (SignetCalendarView, signet_calendar_view, ADW_TYPE_BREAKPOINT_BIN)

enum {
  OPEN_CONTRACT,
  MONTH_LOADED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static char *
get_today (SignetCalendarView *self)
{
  if (self->fixed_today != NULL)
    return g_strdup (self->fixed_today);

  /* The store's today is the day its events are derived for. */
  return self->store ? signet_store_dup_today (self->store) : signet_date_today_iso ();
}

/* Asks for what the grid shows of each day, the first events and the
 * count: a busy month of a large register holds thousands of events,
 * and making every one of them took longer than a key press may. */
static void
load_month (SignetCalendarView *self)
{
  g_autoptr(GPtrArray) days = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;

  g_clear_handle_id (&self->reload_idle, g_source_remove);
  self->stale = FALSE;

  if (self->store != NULL)
    {
      signet_month_grid_get_range (self->grid, &first, &last);
      days = signet_store_list_event_days (self->store, first, last, SIGNET_MONTH_GRID_MAX_CHIPS, &error);
      if (days == NULL)
        g_warning ("Cannot list the dates from %s to %s: %s", first, last, error->message);
    }

  signet_month_grid_set_days (self->grid, days);
  g_signal_emit (self, signals[MONTH_LOADED], 0, signet_month_grid_get_n_events (self->grid));
}

static gboolean
reload_idle_cb (gpointer user_data)
{
  SignetCalendarView *self = user_data;

  self->reload_idle = 0;
  load_month (self);

  return G_SOURCE_REMOVE;
}

/* Loads now when shown, else the next time it is shown; a burst of
 * changes reloads once. */
static void
queue_reload (SignetCalendarView *self)
{
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->stale = TRUE;
      return;
    }

  if (self->reload_idle == 0)
    self->reload_idle = g_idle_add (reload_idle_cb, self);
}

static void
update_title (SignetCalendarView *self)
{
  g_autoptr(GDateTime) month = g_date_time_new_utc (signet_month_grid_get_year (self->grid),
                                                    signet_month_grid_get_month (self->grid),
                                                    1, 0, 0, 0);
  g_autofree char *title = NULL;

  if (adw_overlay_split_view_get_collapsed (self->split_view))
    /* xgettext:no-c-format */
    /* Translators: the month above the calendar where the window is as
     * narrow as a phone, so the month's name is short; see strftime(3).
     * "%Y年%-m月" in Chinese. */
    title = g_date_time_format (month, C_("calendar title, narrow", "%b %Y"));
  else
    /* xgettext:no-c-format */
    /* Translators: the month above the calendar; see strftime(3). "%Y年%-m月" in Chinese. */
    title = g_date_time_format (month, _("%B %Y"));

  gtk_label_set_text (self->month_label, title);
}

/* At the first and the last month of the range of dates the button
 * beyond is off, and the page says why. */
static void
update_range_ends (SignetCalendarView *self)
{
  guint year = signet_month_grid_get_year (self->grid);
  guint month = signet_month_grid_get_month (self->grid);
  gboolean first = year == SIGNET_DATE_MIN_YEAR && month == 1;
  gboolean last = year == SIGNET_DATE_MAX_YEAR && month == 12;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "calendar.previous-month", !first);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "calendar.next-month", !last);

  if (first || last)
    {
      /* Translators: under the month at either end of the calendar; the
       * %s are 1900-01-01 and 2199-12-31. */
      g_autofree char *text = g_strdup_printf (_("Signet works with dates from %s to %s."),
                                               SIGNET_DATE_MIN, SIGNET_DATE_MAX);

      gtk_label_set_text (self->range_label, text);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->range_label), first || last);
}

static void
show_month (SignetCalendarView *self,
            guint               year,
            guint               month)
{
  signet_month_grid_set_month (self->grid, year, month);
  update_title (self);
  update_range_ends (self);
  load_month (self);
}

static void
store_changed_cb (SignetCalendarView *self,
                  int                 kind,
                  gint64              id,
                  int                 change,
                  SignetStore        *store)
{
  queue_reload (self);
}

static void
store_reset_cb (SignetCalendarView *self,
                SignetStore        *store)
{
  queue_reload (self);
}

static void
event_activated_cb (SignetCalendarView *self,
                    SignetEvent        *event,
                    GtkWidget          *source)
{
  g_signal_emit (self, signals[OPEN_CONTRACT], 0, signet_event_get_contract_id (event));
}

/* Beside the month the agenda is always there; over it, only when the
 * user asks for it. */
static void
collapsed_changed_cb (SignetCalendarView  *self,
                      GParamSpec          *pspec,
                      AdwOverlaySplitView *split_view)
{
  adw_overlay_split_view_set_show_sidebar (split_view, !adw_overlay_split_view_get_collapsed (split_view));
  update_title (self);
}

static void
focus_date_changed_cb (SignetCalendarView *self,
                       GParamSpec         *pspec,
                       SignetMonthGrid    *grid)
{
  GDate focus;

  /* The keyboard moved past the month: show the month it went to. */
  if (signet_date_parse (signet_month_grid_get_focus_date (grid), &focus) &&
      (g_date_get_year (&focus) != signet_month_grid_get_year (grid) ||
       g_date_get_month (&focus) != signet_month_grid_get_month (grid)))
    show_month (self, g_date_get_year (&focus), g_date_get_month (&focus));
}

static void
move_month (SignetCalendarView *self,
            int                 months)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 1, signet_month_grid_get_month (self->grid), signet_month_grid_get_year (self->grid));
  if (signet_date_add_months (&date, months) && signet_date_in_range (&date))
    show_month (self, g_date_get_year (&date), g_date_get_month (&date));
}

static void
previous_month_activated (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  move_month (SIGNET_CALENDAR_VIEW (widget), -1);
}

static void
next_month_activated (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  move_month (SIGNET_CALENDAR_VIEW (widget), 1);
}

static void
today_activated (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  SignetCalendarView *self = SIGNET_CALENDAR_VIEW (widget);
  g_autofree char *today = get_today (self);
  GDate date;

  if (!signet_date_parse (today, &date))
    return;

  show_month (self, g_date_get_year (&date), g_date_get_month (&date));
  signet_month_grid_set_focus_date (self->grid, today);
}

static void
add_legend_entry (SignetCalendarView *self,
                  SignetKeyDateKind   kind)
{
  GtkWidget *entry = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *dot = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *label = gtk_label_new (signet_key_date_kind_to_label (kind));

  gtk_widget_set_css_classes (dot, (const char *[]) { "event-dot", signet_event_kind_css_class (kind), NULL });
  gtk_widget_set_valign (dot, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (label, "caption");
  gtk_box_append (GTK_BOX (entry), dot);
  gtk_box_append (GTK_BOX (entry), label);
  gtk_flow_box_append (self->legend, entry);
  gtk_widget_set_focusable (gtk_widget_get_parent (entry), FALSE);
}

static void
signet_calendar_view_map (GtkWidget *widget)
{
  SignetCalendarView *self = SIGNET_CALENDAR_VIEW (widget);
  g_autofree char *today = get_today (self);

  GTK_WIDGET_CLASS (signet_calendar_view_parent_class)->map (widget);

  /* The day may have changed while the page was hidden. */
  signet_month_grid_set_today (self->grid, today);

  if (self->stale)
    load_month (self);
}

static void
signet_calendar_view_dispose (GObject *object)
{
  SignetCalendarView *self = SIGNET_CALENDAR_VIEW (object);

  g_clear_handle_id (&self->reload_idle, g_source_remove);
  /* The split view is the bin's child and a template child: the bin lets
   * go of it first, else disposing the template would unparent it
   * behind the bin's back. */
  adw_breakpoint_bin_set_child (ADW_BREAKPOINT_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), SIGNET_TYPE_CALENDAR_VIEW);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (signet_calendar_view_parent_class)->dispose (object);
}

static void
signet_calendar_view_finalize (GObject *object)
{
  SignetCalendarView *self = SIGNET_CALENDAR_VIEW (object);

  g_free (self->fixed_today);

  G_OBJECT_CLASS (signet_calendar_view_parent_class)->finalize (object);
}

static void
signet_calendar_view_class_init (SignetCalendarViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = signet_calendar_view_dispose;
  object_class->finalize = signet_calendar_view_finalize;

  widget_class->map = signet_calendar_view_map;

  signals[OPEN_CONTRACT] =
    g_signal_new ("open-contract",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT64);

  signals[MONTH_LOADED] =
    g_signal_new ("month-loaded",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_UINT);

  g_type_ensure (SIGNET_TYPE_MONTH_GRID);
  g_type_ensure (SIGNET_TYPE_AGENDA_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/signet-calendar-view.ui");
  gtk_widget_class_bind_template_child (widget_class, SignetCalendarView, split_view);
  gtk_widget_class_bind_template_child (widget_class, SignetCalendarView, month_label);
  gtk_widget_class_bind_template_child (widget_class, SignetCalendarView, range_label);
  gtk_widget_class_bind_template_child (widget_class, SignetCalendarView, grid);
  gtk_widget_class_bind_template_child (widget_class, SignetCalendarView, legend);
  gtk_widget_class_bind_template_child (widget_class, SignetCalendarView, agenda);
  gtk_widget_class_bind_template_callback (widget_class, collapsed_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, event_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, focus_date_changed_cb);

  gtk_widget_class_install_action (widget_class, "calendar.previous-month", NULL, previous_month_activated);
  gtk_widget_class_install_action (widget_class, "calendar.next-month", NULL, next_month_activated);
  gtk_widget_class_install_action (widget_class, "calendar.today", NULL, today_activated);
}

static void
signet_calendar_view_init (SignetCalendarView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  for (SignetKeyDateKind kind = SIGNET_KEY_DATE_START; kind <= SIGNET_KEY_DATE_LAST; kind++)
    add_legend_entry (self, kind);

  update_title (self);
  update_range_ends (self);
}

GtkWidget *
signet_calendar_view_new (void)
{
  return g_object_new (SIGNET_TYPE_CALENDAR_VIEW, NULL);
}

void
signet_calendar_view_set_store (SignetCalendarView *self,
                                SignetStore        *store)
{
  g_return_if_fail (SIGNET_IS_CALENDAR_VIEW (self));
  g_return_if_fail (store == NULL || SIGNET_IS_STORE (store));

  if (!signet_store_set_watched (&self->store, store, self,
                                 G_CALLBACK (store_changed_cb), G_CALLBACK (store_reset_cb)))
    return;

  signet_agenda_view_set_store (self->agenda, store);
  signet_month_grid_set_store (self->grid, store);

  /* A register opens on the month of its today. */
  if (store != NULL)
    {
      g_autofree char *today = get_today (self);
      GDate date;

      if (signet_date_parse (today, &date))
        {
          signet_month_grid_set_today (self->grid, today);
          signet_month_grid_set_month (self->grid, g_date_get_year (&date), g_date_get_month (&date));
          signet_month_grid_set_focus_date (self->grid, today);
          update_title (self);
          update_range_ends (self);
        }
    }

  queue_reload (self);
}

void
signet_calendar_view_set_month (SignetCalendarView *self,
                                guint               year,
                                guint               month)
{
  g_return_if_fail (SIGNET_IS_CALENDAR_VIEW (self));
  g_return_if_fail (month >= 1 && month <= 12);
  g_return_if_fail (year >= SIGNET_DATE_MIN_YEAR && year <= SIGNET_DATE_MAX_YEAR);

  show_month (self, year, month);
}

guint
signet_calendar_view_get_year (SignetCalendarView *self)
{
  g_return_val_if_fail (SIGNET_IS_CALENDAR_VIEW (self), 0);

  return signet_month_grid_get_year (self->grid);
}

guint
signet_calendar_view_get_month (SignetCalendarView *self)
{
  g_return_val_if_fail (SIGNET_IS_CALENDAR_VIEW (self), 0);

  return signet_month_grid_get_month (self->grid);
}

void
signet_calendar_view_set_today (SignetCalendarView *self,
                                const char         *today)
{
  g_autofree char *effective = NULL;

  g_return_if_fail (SIGNET_IS_CALENDAR_VIEW (self));
  g_return_if_fail (today == NULL || signet_date_is_valid (today));

  signet_set_str (&self->fixed_today, today);
  effective = get_today (self);
  signet_month_grid_set_today (self->grid, effective);
  signet_agenda_view_set_today (self->agenda, today);
}
