/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "signet-month-grid"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "signet-date.h"
#include "signet-event-row.h"
#include "signet-month-grid-private.h"

G_DEFINE_FINAL_TYPE (SignetMonthGrid, signet_month_grid, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_FOCUS_DATE,
  N_PROPS
};

enum {
  EVENT_ACTIVATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];
static GQuark event_quark;

/* What a chip says: the title of a key date a user added, else the
 * contract's title (the colour tells the kind). An approval step's name
 * ("法务") is the same on every contract's route, a planned payment's
 * ("首付款"), an obligation's or a borrower's on many contracts: their chips
 * name the contract too. */
static char *
dup_event_chip_text (SignetEvent *event)
{
  const char *title = signet_event_get_title (event);

  if (title == NULL || *title == '\0')
    return g_strdup (signet_event_get_contract_title (event));
  if (signet_event_get_kind (event) == SIGNET_KEY_DATE_APPROVAL || signet_event_get_record_id (event) > 0)
    /* Translators: an approval step, a planned payment, an obligation or
     * a loan due in the month grid: the contract's title and the step, the
     * payment, the obligation or the borrower, "钢材采购 · 法务". */
    return g_strdup_printf (C_("calendar event", "%1$s · %2$s"), signet_event_get_contract_title (event), title);

  return g_strdup (title);
}

/* The name a screen reader gives a chip: what it shows first, then the
 * contract's number, the kind of date and the day it is on. */
static char *
name_chip (SignetEvent *event)
{
  g_autofree char *day = signet_date_format_display (signet_event_get_date (event));
  g_autofree char *text = dup_event_chip_text (event);

  /* Translators: the name of an event in the month grid for screen
   * readers: what it shows (a title), the contract's number, the kind of
   * date and the day, e.g. "Cleaning services, HT-2026-0042 End, 2026-12-07". */
  return g_strdup_printf (C_("calendar event", "%1$s, %2$s %3$s, %4$s"),
                          text, signet_event_get_contract_number (event),
                          signet_key_date_kind_to_label (signet_event_get_kind (event)), day);
}

static char *
describe_event (SignetEvent *event)
{
  const char *kind = signet_key_date_kind_to_label (signet_event_get_kind (event));
  const char *title = signet_event_get_title (event);
  const char *explanation = signet_event_get_explanation (event);
  g_autofree char *what = NULL;
  g_autofree char *contract = NULL;

  if (title != NULL && *title != '\0')
    /* Translators: a key date a user added: its kind and its title. */
    what = g_strdup_printf (C_("calendar event", "%1$s: %2$s"), kind, title);
  else
    what = g_strdup (kind);

  /* Translators: the contract of a calendar event: number, title and client. */
  contract = g_strdup_printf (C_("calendar event", "%1$s %2$s, %3$s"),
                              signet_event_get_contract_number (event),
                              signet_event_get_contract_title (event),
                              signet_event_get_client_name (event));

  if (explanation != NULL && *explanation != '\0')
    return g_strjoin ("\n", what, contract, explanation, NULL);

  return g_strjoin ("\n", what, contract, NULL);
}

static int
cell_index_of (SignetMonthGrid *self,
               const GDate     *date)
{
  gint64 offset = (gint64) g_date_get_julian (date) - g_date_get_julian (&self->cells[0].date);

  return offset >= 0 && offset < N_CELLS ? (int) offset : -1;
}

static void
update_accessible_label (SignetMonthGrid *self)
{
  int index = cell_index_of (self, &self->focus);
  guint n_events = index >= 0 ? self->cells[index].n_events : 0;
  g_autofree char *day = signet_date_format_display (self->focus_iso);
  g_autofree char *label =
    g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s, %u event", "%s, %u events", n_events),
                     day, n_events);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
}

static void
update_day_classes (SignetMonthGrid *self)
{
  for (guint i = 0; i < N_CELLS; i++)
    {
      Cell *cell = &self->cells[i];
      gboolean other_month = g_date_get_month (&cell->date) != self->month;
      gboolean today = g_strcmp0 (cell->iso, self->today) == 0;
      gboolean focused = g_date_valid (&self->focus) && g_date_compare (&cell->date, &self->focus) == 0;

      if (other_month)
        {
          gtk_widget_add_css_class (cell->background, "other-month");
          gtk_widget_add_css_class (cell->day_label, "other-month");
        }
      else
        {
          gtk_widget_remove_css_class (cell->background, "other-month");
          gtk_widget_remove_css_class (cell->day_label, "other-month");
        }

      if (today)
        {
          gtk_widget_add_css_class (cell->background, "today");
          gtk_widget_add_css_class (cell->day_label, "today");
        }
      else
        {
          gtk_widget_remove_css_class (cell->background, "today");
          gtk_widget_remove_css_class (cell->day_label, "today");
        }

      if (focused)
        gtk_widget_add_css_class (cell->background, "focused");
      else
        gtk_widget_remove_css_class (cell->background, "focused");
    }
}

static GtkWidget *
add_chip (SignetMonthGrid *self,
          Cell            *cell);

void
_signet_month_grid_update_chips (SignetMonthGrid *self)
{
  for (guint i = 0; i < N_CELLS; i++)
    {
      Cell *cell = &self->cells[i];
      guint n_hidden;

      if (cell->n_events <= self->n_fit)
        cell->n_shown = cell->n_events;
      else
        cell->n_shown = self->n_fit > 0 ? self->n_fit - 1 : 0;
      cell->n_shown = MIN (cell->n_shown, cell->n_loaded);

      while (cell->chips->len < cell->n_shown)
        add_chip (self, cell);

      for (guint j = 0; j < cell->n_shown; j++)
        {
          GtkWidget *chip = g_ptr_array_index (cell->chips, j);
          SignetEvent *event = g_ptr_array_index (self->events, cell->first_event + j);
          const char *classes[] = { "event-chip", signet_event_kind_css_class (signet_event_get_kind (event)), NULL };
          g_autofree char *name = NULL;
          g_autofree char *text = NULL;

          if (g_object_get_qdata (G_OBJECT (chip), event_quark) == event)
            continue;

          name = name_chip (event);
          gtk_accessible_update_property (GTK_ACCESSIBLE (chip), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
          text = dup_event_chip_text (event);
          gtk_label_set_text (GTK_LABEL (gtk_button_get_child (GTK_BUTTON (chip))), text);
          gtk_widget_set_css_classes (chip, classes);
          g_object_set_qdata_full (G_OBJECT (chip), event_quark, g_object_ref (event), g_object_unref);
        }

      /* A hidden chip keeps no event alive. */
      for (guint j = cell->n_shown; j < cell->chips->len; j++)
        g_object_set_qdata (g_ptr_array_index (cell->chips, j), event_quark, NULL);

      n_hidden = cell->n_events - cell->n_shown;
      if (n_hidden > 0)
        {
          g_autofree char *more =
            /* Translators: on a calendar day with more events than fit; opens the list of all. */
            g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "+%u more", "+%u more", n_hidden), n_hidden);
          g_autofree char *narrow = NULL;

          if (self->compact)
            /* Translators: "+N more" on a calendar day too narrow for the words, as on a phone. */
            narrow = g_strdup_printf (C_("calendar, narrow day", "+%u"), n_hidden);

          gtk_button_set_label (GTK_BUTTON (cell->more_button), narrow != NULL ? narrow : more);
          /* The label may be cut short for a frame, until the cells are
           * relabelled for a new width. */
          gtk_label_set_ellipsize (GTK_LABEL (gtk_button_get_child (GTK_BUTTON (cell->more_button))),
                                   PANGO_ELLIPSIZE_END);
          gtk_accessible_update_property (GTK_ACCESSIBLE (cell->more_button),
                                          GTK_ACCESSIBLE_PROPERTY_LABEL, more,
                                          -1);
        }
    }

  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

static void
update_days (SignetMonthGrid *self)
{
  GDate first;
  guint lead;

  g_date_clear (&first, 1);
  g_date_set_dmy (&first, 1, self->month, self->year);
  lead = (g_date_get_weekday (&first) % 7 + 7 - self->first_weekday) % 7;
  g_date_subtract_days (&first, lead);

  for (guint i = 0; i < N_CELLS; i++)
    {
      Cell *cell = &self->cells[i];
      char number[4];

      cell->date = first;
      g_date_add_days (&cell->date, i);
      g_snprintf (cell->iso, sizeof cell->iso, "%04u-%02u-%02u",
                  g_date_get_year (&cell->date), g_date_get_month (&cell->date),
                  g_date_get_day (&cell->date));
      g_snprintf (number, sizeof number, "%u", g_date_get_day (&cell->date));
      gtk_label_set_text (GTK_LABEL (cell->day_label), number);
    }

  update_day_classes (self);
}

/* A day outside the range of dates (the last days of 1899 in the grid of
 * January 1900) takes no focus: no month of it can be shown. */
static void
set_focus (SignetMonthGrid *self,
           const GDate     *date)
{
  if ((g_date_valid (&self->focus) && g_date_compare (&self->focus, date) == 0) ||
      !signet_date_in_range (date))
    return;

  self->focus = *date;
  g_snprintf (self->focus_iso, sizeof self->focus_iso, "%04u-%02u-%02u",
              g_date_get_year (date), g_date_get_month (date), g_date_get_day (date));
  update_day_classes (self);
  update_accessible_label (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FOCUS_DATE]);
}

static void
open_day (SignetMonthGrid *self,
          guint            index)
{
  Cell *cell = &self->cells[index];
  graphene_rect_t area;
  GdkRectangle rect;

  signet_day_popover_show_day (self->popover, cell->iso);

  if (!gtk_widget_compute_bounds (cell->background, GTK_WIDGET (self), &area))
    graphene_rect_init (&area, 0, 0, 1, 1);
  rect = (GdkRectangle) { area.origin.x, area.origin.y, area.size.width, area.size.height };
  gtk_popover_set_pointing_to (GTK_POPOVER (self->popover), &rect);
  gtk_popover_popup (GTK_POPOVER (self->popover));
}

/* Tooltips are made when asked for: setting a tooltip text costs a few
 * hundred microseconds per widget, too much for every chip of a month. */
static gboolean
chip_query_tooltip_cb (GtkWidget  *chip,
                       int         x,
                       int         y,
                       gboolean    keyboard_mode,
                       GtkTooltip *tooltip,
                       gpointer    user_data)
{
  SignetEvent *event = g_object_get_qdata (G_OBJECT (chip), event_quark);
  g_autofree char *text = NULL;

  if (event == NULL)
    return FALSE;

  text = describe_event (event);
  gtk_tooltip_set_text (tooltip, text);

  return TRUE;
}

static void
chip_clicked_cb (SignetMonthGrid *self,
                 GtkButton       *chip)
{
  SignetEvent *event = g_object_get_qdata (G_OBJECT (chip), event_quark);

  if (event != NULL)
    g_signal_emit (self, signals[EVENT_ACTIVATED], 0, event);
}

static void
more_clicked_cb (SignetMonthGrid *self,
                 GtkButton       *button)
{
  for (guint i = 0; i < N_CELLS; i++)
    if (self->cells[i].more_button == GTK_WIDGET (button))
      {
        open_day (self, i);
        return;
      }
}

static GtkWidget *
add_chip (SignetMonthGrid *self,
          Cell            *cell)
{
  GtkWidget *label = gtk_label_new (NULL);
  GtkWidget *chip = gtk_button_new ();

  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_single_line_mode (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_button_set_child (GTK_BUTTON (chip), label);
  /* One tab stop for the whole grid: the keyboard reaches the events
   * through the focused day. */
  gtk_widget_set_focusable (chip, FALSE);
  gtk_widget_set_child_visible (chip, FALSE);
  gtk_widget_set_has_tooltip (chip, TRUE);
  g_signal_connect (chip, "query-tooltip", G_CALLBACK (chip_query_tooltip_cb), NULL);
  gtk_widget_insert_before (chip, GTK_WIDGET (self), GTK_WIDGET (self->popover));
  g_signal_connect_object (chip, "clicked", G_CALLBACK (chip_clicked_cb), self, G_CONNECT_SWAPPED);
  g_ptr_array_add (cell->chips, chip);

  return chip;
}

static void
popover_event_activated_cb (SignetMonthGrid  *self,
                            SignetEvent      *event,
                            SignetDayPopover *popover)
{
  g_signal_emit (self, signals[EVENT_ACTIVATED], 0, event);
}

static void
pressed_cb (SignetMonthGrid *self,
            int              n_press,
            double           x,
            double           y,
            GtkGestureClick *gesture)
{
  for (guint i = 0; i < N_CELLS; i++)
    {
      graphene_rect_t area;

      if (gtk_widget_compute_bounds (self->cells[i].background, GTK_WIDGET (self), &area) &&
          graphene_rect_contains_point (&area, &GRAPHENE_POINT_INIT (x, y)))
        {
          gtk_widget_grab_focus (GTK_WIDGET (self));
          set_focus (self, &self->cells[i].date);
          if (n_press == 2 && self->cells[i].n_events > 0)
            open_day (self, i);
          return;
        }
    }
}

static gboolean
move_focus_binding (GtkWidget *widget,
                    GVariant  *args,
                    gpointer   user_data)
{
  SignetMonthGrid *self = SIGNET_MONTH_GRID (widget);
  GDate date = self->focus;
  int days, months;

  g_variant_get (args, "(ii)", &days, &months);

  /* Left and right follow the reading direction. */
  if (gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL && ABS (days) == 1)
    days = -days;

  if (signet_date_add_days (&date, days) && signet_date_add_months (&date, months))
    set_focus (self, &date);

  return TRUE;
}

static gboolean
focus_today_binding (GtkWidget *widget,
                     GVariant  *args,
                     gpointer   user_data)
{
  SignetMonthGrid *self = SIGNET_MONTH_GRID (widget);
  GDate today;

  if (!signet_date_parse (self->today, &today))
    return FALSE;

  set_focus (self, &today);

  return TRUE;
}

static gboolean
activate_day_binding (GtkWidget *widget,
                      GVariant  *args,
                      gpointer   user_data)
{
  SignetMonthGrid *self = SIGNET_MONTH_GRID (widget);
  int index = cell_index_of (self, &self->focus);
  Cell *cell;

  if (index < 0)
    return FALSE;

  cell = &self->cells[index];
  if (cell->n_events == 0)
    gtk_widget_error_bell (widget);
  else if (cell->n_events == 1 && cell->n_loaded == 1)
    g_signal_emit (self, signals[EVENT_ACTIVATED], 0, g_ptr_array_index (self->events, cell->first_event));
  else
    open_day (self, index);

  return TRUE;
}

static gboolean
signet_month_grid_focus (GtkWidget        *widget,
                         GtkDirectionType  direction)
{
  /* The grid is one tab stop; its day cells and chips are not. */
  if (gtk_widget_is_focus (widget))
    return FALSE;

  return gtk_widget_grab_focus (widget);
}

static void
signet_month_grid_dispose (GObject *object)
{
  SignetMonthGrid *self = SIGNET_MONTH_GRID (object);
  GtkWidget *child;

  if (self->relabel_tick != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->relabel_tick);
  self->relabel_tick = 0;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  for (guint i = 0; i < N_CELLS; i++)
    g_clear_pointer (&self->cells[i].chips, g_ptr_array_unref);

  g_clear_pointer (&self->events, g_ptr_array_unref);

  G_OBJECT_CLASS (signet_month_grid_parent_class)->dispose (object);
}

static void
signet_month_grid_finalize (GObject *object)
{
  SignetMonthGrid *self = SIGNET_MONTH_GRID (object);

  g_free (self->today);

  G_OBJECT_CLASS (signet_month_grid_parent_class)->finalize (object);
}

static void
signet_month_grid_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  SignetMonthGrid *self = SIGNET_MONTH_GRID (object);

  switch (prop_id)
    {
    case PROP_FOCUS_DATE:
      g_value_set_string (value, signet_month_grid_get_focus_date (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
signet_month_grid_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  SignetMonthGrid *self = SIGNET_MONTH_GRID (object);

  switch (prop_id)
    {
    case PROP_FOCUS_DATE:
      signet_month_grid_set_focus_date (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
add_move_binding (GtkWidgetClass *widget_class,
                  guint           keyval,
                  guint           keypad_keyval,
                  int             days,
                  int             months)
{
  gtk_widget_class_add_binding (widget_class, keyval, 0, move_focus_binding, "(ii)", days, months);
  gtk_widget_class_add_binding (widget_class, keypad_keyval, 0, move_focus_binding, "(ii)", days, months);
}

static void
signet_month_grid_class_init (SignetMonthGridClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = signet_month_grid_dispose;
  object_class->finalize = signet_month_grid_finalize;
  object_class->get_property = signet_month_grid_get_property;
  object_class->set_property = signet_month_grid_set_property;

  widget_class->measure = _signet_month_grid_measure;
  widget_class->size_allocate = _signet_month_grid_size_allocate;
  widget_class->focus = signet_month_grid_focus;

  properties[PROP_FOCUS_DATE] =
    g_param_spec_string ("focus-date", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[EVENT_ACTIVATED] =
    g_signal_new ("event-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, SIGNET_TYPE_EVENT);

  add_move_binding (widget_class, GDK_KEY_Left, GDK_KEY_KP_Left, -1, 0);
  add_move_binding (widget_class, GDK_KEY_Right, GDK_KEY_KP_Right, 1, 0);
  add_move_binding (widget_class, GDK_KEY_Up, GDK_KEY_KP_Up, -7, 0);
  add_move_binding (widget_class, GDK_KEY_Down, GDK_KEY_KP_Down, 7, 0);
  add_move_binding (widget_class, GDK_KEY_Page_Up, GDK_KEY_KP_Page_Up, 0, -1);
  add_move_binding (widget_class, GDK_KEY_Page_Down, GDK_KEY_KP_Page_Down, 0, 1);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Home, 0, focus_today_binding, NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_KP_Home, 0, focus_today_binding, NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Return, 0, activate_day_binding, NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_KP_Enter, 0, activate_day_binding, NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_ISO_Enter, 0, activate_day_binding, NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_space, 0, activate_day_binding, NULL);

  gtk_widget_class_set_css_name (widget_class, "monthgrid");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GRID);

  event_quark = g_quark_from_static_string ("signet-month-grid-event");
}

static void
signet_month_grid_init (SignetMonthGrid *self)
{
  GtkGesture *click = gtk_gesture_click_new ();
  GDate today;

  self->first_weekday = signet_date_first_weekday () % 7;
  self->events = g_ptr_array_new_with_free_func (g_object_unref);

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);

  for (guint i = 0; i < 7; i++)
    {
      /* The locale's names, as the month's name over them: "Mo" under
       * "Dezember 2026", whatever language the interface is in. */
      GDateWeekday weekday = (self->first_weekday + i + 6) % 7 + 1;
      g_autofree char *name = signet_date_weekday_name (weekday, TRUE);
      g_autofree char *name_in_full = signet_date_weekday_name (weekday, FALSE);

      self->weekday_labels[i] = gtk_label_new (name);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->weekday_labels[i]),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, name_in_full,
                                      -1);
      gtk_widget_add_css_class (self->weekday_labels[i], "weekday");
      gtk_widget_set_parent (self->weekday_labels[i], GTK_WIDGET (self));
    }

  /* Backgrounds first, so that they are drawn under everything else. */
  for (guint i = 0; i < N_CELLS; i++)
    {
      self->cells[i].background = g_object_new (GTK_TYPE_BOX,
                                                "accessible-role", GTK_ACCESSIBLE_ROLE_GRID_CELL,
                                                "css-classes", (const char *[]) { "day", NULL },
                                                NULL);
      gtk_widget_set_parent (self->cells[i].background, GTK_WIDGET (self));
    }

  for (guint i = 0; i < N_CELLS; i++)
    {
      Cell *cell = &self->cells[i];

      cell->day_label = gtk_label_new (NULL);
      gtk_widget_add_css_class (cell->day_label, "day-number");
      gtk_widget_set_parent (cell->day_label, GTK_WIDGET (self));

      cell->more_button = gtk_button_new ();
      gtk_widget_add_css_class (cell->more_button, "more-events");
      gtk_widget_set_focusable (cell->more_button, FALSE);
      gtk_widget_set_child_visible (cell->more_button, FALSE);
      gtk_widget_set_parent (cell->more_button, GTK_WIDGET (self));
      g_signal_connect_object (cell->more_button, "clicked", G_CALLBACK (more_clicked_cb), self, G_CONNECT_SWAPPED);

      cell->chips = g_ptr_array_new ();
    }

  /* Not translated: whatever the language, titles are in both scripts. */
  self->sizing_chip = gtk_button_new_with_label ("Ag 合同");
  gtk_widget_set_css_classes (self->sizing_chip, (const char *[]) { "event-chip", signet_event_kind_css_class (SIGNET_KEY_DATE_OTHER), NULL });
  gtk_widget_set_child_visible (self->sizing_chip, FALSE);
  gtk_accessible_update_state (GTK_ACCESSIBLE (self->sizing_chip), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
  gtk_widget_set_parent (self->sizing_chip, GTK_WIDGET (self));

  self->popover = SIGNET_DAY_POPOVER (signet_day_popover_new ());
  gtk_widget_set_parent (GTK_WIDGET (self->popover), GTK_WIDGET (self));
  g_signal_connect_object (self->popover, "event-activated",
                           G_CALLBACK (popover_event_activated_cb), self, G_CONNECT_SWAPPED);

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
  g_signal_connect_object (click, "pressed", G_CALLBACK (pressed_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));

  self->today = signet_date_today_iso ();
  signet_date_parse (self->today, &today);
  self->year = g_date_get_year (&today);
  self->month = g_date_get_month (&today);
  g_date_clear (&self->focus, 1);
  update_days (self);
  set_focus (self, &today);
}

GtkWidget *
signet_month_grid_new (void)
{
  return g_object_new (SIGNET_TYPE_MONTH_GRID, NULL);
}

void
signet_month_grid_set_month (SignetMonthGrid *self,
                             guint            year,
                             guint            month)
{
  GDate focus;

  g_return_if_fail (SIGNET_IS_MONTH_GRID (self));
  g_return_if_fail (month >= 1 && month <= 12);
  g_return_if_fail (year >= SIGNET_DATE_MIN_YEAR && year <= SIGNET_DATE_MAX_YEAR);

  if (year == self->year && month == self->month)
    return;

  self->year = year;
  self->month = month;

  /* The events of the old range do not belong to the new one. */
  g_ptr_array_set_size (self->events, 0);
  self->n_events = 0;
  for (guint i = 0; i < N_CELLS; i++)
    self->cells[i].n_loaded = self->cells[i].n_events = 0;

  update_days (self);

  /* The focus stays on the same day of the month, as far as it has one. */
  g_date_clear (&focus, 1);
  g_date_set_dmy (&focus, MIN (g_date_get_day (&self->focus), g_date_get_days_in_month (month, year)),
                  month, year);
  set_focus (self, &focus);

  _signet_month_grid_update_chips (self);
}

guint
signet_month_grid_get_year (SignetMonthGrid *self)
{
  g_return_val_if_fail (SIGNET_IS_MONTH_GRID (self), 0);

  return self->year;
}

guint
signet_month_grid_get_month (SignetMonthGrid *self)
{
  g_return_val_if_fail (SIGNET_IS_MONTH_GRID (self), 0);

  return self->month;
}

void
signet_month_grid_get_range (SignetMonthGrid  *self,
                             char            **first,
                             char            **last)
{
  g_return_if_fail (SIGNET_IS_MONTH_GRID (self));

  if (first != NULL)
    *first = g_strdup (self->cells[0].iso);
  if (last != NULL)
    *last = g_strdup (self->cells[N_CELLS - 1].iso);
}

void
signet_month_grid_set_store (SignetMonthGrid *self,
                             SignetStore     *store)
{
  g_return_if_fail (SIGNET_IS_MONTH_GRID (self));
  g_return_if_fail (store == NULL || SIGNET_IS_STORE (store));

  signet_day_popover_set_store (self->popover, store);
}

void
signet_month_grid_set_days (SignetMonthGrid *self,
                            GPtrArray       *days)
{
  guint d = 0;

  g_return_if_fail (SIGNET_IS_MONTH_GRID (self));

  g_ptr_array_set_size (self->events, 0);
  self->n_events = 0;

  /* The days come by date, as the cells are: one pass puts each day in
   * its cell; a day outside the range is skipped. */
  for (guint i = 0; i < N_CELLS; i++)
    {
      Cell *cell = &self->cells[i];
      SignetEventDay *day = NULL;

      while (days != NULL && d < days->len &&
             strcmp (((SignetEventDay *) g_ptr_array_index (days, d))->date, cell->iso) < 0)
        d++;
      if (days != NULL && d < days->len &&
          strcmp (((SignetEventDay *) g_ptr_array_index (days, d))->date, cell->iso) == 0)
        day = g_ptr_array_index (days, d++);

      cell->first_event = self->events->len;
      cell->n_loaded = day != NULL ? day->events->len : 0;
      cell->n_events = day != NULL ? day->n_events : 0;
      self->n_events += cell->n_events;
      for (guint j = 0; j < cell->n_loaded; j++)
        g_ptr_array_add (self->events, g_object_ref (g_ptr_array_index (day->events, j)));
    }

  _signet_month_grid_update_chips (self);
  update_accessible_label (self);
}

GPtrArray *
signet_month_grid_get_events (SignetMonthGrid *self)
{
  g_return_val_if_fail (SIGNET_IS_MONTH_GRID (self), NULL);

  return self->events;
}

guint
signet_month_grid_get_n_events (SignetMonthGrid *self)
{
  g_return_val_if_fail (SIGNET_IS_MONTH_GRID (self), 0);

  return self->n_events;
}

void
signet_month_grid_set_today (SignetMonthGrid *self,
                             const char      *today)
{
  GDate date;

  g_return_if_fail (SIGNET_IS_MONTH_GRID (self));
  g_return_if_fail (signet_date_parse (today, &date));

  if (g_strcmp0 (self->today, today) == 0)
    return;

  g_free (self->today);
  self->today = g_strdup (today);
  update_day_classes (self);
}

const char *
signet_month_grid_get_focus_date (SignetMonthGrid *self)
{
  g_return_val_if_fail (SIGNET_IS_MONTH_GRID (self), NULL);

  return self->focus_iso;
}

void
signet_month_grid_set_focus_date (SignetMonthGrid *self,
                                  const char      *date)
{
  GDate parsed;

  g_return_if_fail (SIGNET_IS_MONTH_GRID (self));
  g_return_if_fail (signet_date_parse (date, &parsed));

  set_focus (self, &parsed);
}

gboolean
signet_month_grid_get_day_area (SignetMonthGrid *self,
                                const char      *date,
                                graphene_rect_t *area)
{
  g_return_val_if_fail (SIGNET_IS_MONTH_GRID (self), FALSE);
  g_return_val_if_fail (area != NULL, FALSE);

  for (guint i = 0; i < N_CELLS; i++)
    if (g_strcmp0 (self->cells[i].iso, date) == 0)
      return gtk_widget_compute_bounds (self->cells[i].background, GTK_WIDGET (self), area);

  return FALSE;
}
