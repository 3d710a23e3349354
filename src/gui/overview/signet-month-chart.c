/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "signet-overview"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "signet-month-chart.h"

#define CHART_HEIGHT 160
#define LABEL_GAP    6

struct _SignetMonthChart
{
  GtkWidget            parent_instance;

  SignetOverviewMonth *months;
  guint                n_months;
  guint                max_count;
  /* The bar the keyboard is on: month * 2 + (ended ? 1 : 0). */
  guint                focused;
};

G_DEFINE_FINAL_TYPE (SignetMonthChart, signet_month_chart, GTK_TYPE_WIDGET)

enum {
  BAR_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static GDateTime *
month_date (const SignetOverviewMonth *month)
{
  int year = 0;
  int number = 0;

  if (sscanf (month->month, "%d-%d", &year, &number) != 2)
    return NULL;

  return g_date_time_new_local (year, number, 1, 0, 0, 0);
}

char *
signet_month_chart_describe_month (const SignetOverviewMonth *month)
{
  g_autoptr(GDateTime) date = month_date (month);
  /* xgettext:no-c-format */
  /* Translators: a month and its year, as the overview's chart names it
   * to a screen reader and in its tooltip; see strftime(3). "%Y年%-m月"
   * in Chinese. */
  g_autofree char *name = date != NULL ? g_date_time_format (date, C_("overview month", "%B %Y"))
                                       : g_strdup (month->month);

  /* Translators: a month, how many contracts were signed in it and how
   * many ended: "March 2026: 1 signed, 0 ended". */
  return g_strdup_printf (_("%s: %u signed, %u ended"), name, month->n_signed, month->n_ended);
}

static void
update_description (SignetMonthChart *self)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < self->n_months; i++)
    {
      g_autofree char *month = signet_month_chart_describe_month (&self->months[i]);

      if (i > 0)
        g_string_append (text, "; ");
      g_string_append (text, month);
    }

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text->str,
                                  -1);
}

/* The highest count, written left of the bars at their top, as the
 * locale groups digits. */
static PangoLayout *
scale_layout (SignetMonthChart *self)
{
  g_autofree char *text = g_strdup_printf ("%'u", self->max_count);

  return gtk_widget_create_pango_layout (GTK_WIDGET (self), text);
}

/* The room left of the bars for the scale. */
static float
gutter_width (SignetMonthChart *self)
{
  PangoLayout *layout = scale_layout (self);
  int width;

  pango_layout_get_pixel_size (layout, &width, NULL);
  g_object_unref (layout);

  return width + 8.0f;
}

static void
signet_month_chart_measure (GtkWidget      *widget,
                            GtkOrientation  orientation,
                            int             for_size,
                            int            *minimum,
                            int            *natural,
                            int            *minimum_baseline,
                            int            *natural_baseline)
{
  SignetMonthChart *self = SIGNET_MONTH_CHART (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      /* Four pixels a bar at the least, so that a phone still shows the two years. */
      *minimum = (int) (self->n_months * 10 + gutter_width (self));
      *natural = (int) (self->n_months * 36 + gutter_width (self));
    }
  else
    {
      PangoLayout *layout = gtk_widget_create_pango_layout (widget, "2026");
      int text_height;

      pango_layout_get_pixel_size (layout, NULL, &text_height);
      g_object_unref (layout);
      *minimum = *natural = CHART_HEIGHT + 2 * (LABEL_GAP + text_height);
    }
}

/* Every how many months a name is written under the bars, so that the
 * names do not run into each other. */
static guint
label_step (SignetMonthChart *self,
            float             slot,
            int               label_width)
{
  static const guint steps[] = { 1, 2, 3, 6, 12 };

  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    if (slot * steps[i] >= label_width + 6)
      return steps[i];

  return 12;
}

static void
append_text (GtkWidget     *widget,
             GtkSnapshot   *snapshot,
             const char    *text,
             float          center_x,
             float          y,
             const GdkRGBA *color)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (widget, text);
  int width;

  pango_layout_get_pixel_size (layout, &width, NULL);
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (center_x - width / 2.0f, y));
  gtk_snapshot_append_layout (snapshot, layout, color);
  gtk_snapshot_restore (snapshot);
  g_object_unref (layout);
}

static void
bar_rect (SignetMonthChart *self,
          guint             bar,
          float             gutter,
          float             slot,
          graphene_rect_t  *rect)
{
  const SignetOverviewMonth *month = &self->months[bar / 2];
  guint count = bar % 2 == 0 ? month->n_signed : month->n_ended;
  float bar_width = MAX (slot * 0.36f, 1.0f);
  float height = self->max_count > 0 ? (float) count / self->max_count * (CHART_HEIGHT - 4) : 0;

  /* A month with a contract keeps a visible stub. */
  if (count > 0)
    height = MAX (height, 2.0f);

  graphene_rect_init (rect, gutter + slot * (bar / 2) + slot * 0.12f + (bar % 2) * bar_width,
                      CHART_HEIGHT - height, bar_width, height);
}

static void
signet_month_chart_snapshot (GtkWidget   *widget,
                             GtkSnapshot *snapshot)
{
  SignetMonthChart *self = SIGNET_MONTH_CHART (widget);
  int width = gtk_widget_get_width (widget);
  float gutter = gutter_width (self);
  float slot = self->n_months > 0 ? (width - gutter) / self->n_months : 0;
  GdkRGBA accent = *adw_style_manager_get_accent_color_rgba (adw_style_manager_get_default ());
  GdkRGBA fg;
  GdkRGBA grey;
  GdkRGBA axis;
  PangoLayout *probe;
  int label_width;
  int text_height;
  guint step;

  if (self->n_months == 0)
    return;

  gtk_widget_get_color (widget, &fg);
  grey = fg;
  grey.alpha *= 0.45f;
  axis = fg;
  axis.alpha *= 0.15f;

  gtk_snapshot_append_color (snapshot, &axis, &GRAPHENE_RECT_INIT (gutter, CHART_HEIGHT, width - gutter, 1));
  /* The scale: a faint line at the height of the highest count, and the count. */
  gtk_snapshot_append_color (snapshot, &axis, &GRAPHENE_RECT_INIT (gutter, 4, width - gutter, 1));
  {
    PangoLayout *layout = scale_layout (self);
    int scale_width;
    int scale_height;

    pango_layout_get_pixel_size (layout, &scale_width, &scale_height);
    gtk_snapshot_save (snapshot);
    gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (gutter - 6 - scale_width, MAX (0, 4 - scale_height / 2)));
    gtk_snapshot_append_layout (snapshot, layout, &grey);
    gtk_snapshot_restore (snapshot);
    g_object_unref (layout);
  }

  for (guint bar = 0; bar < self->n_months * 2; bar++)
    {
      graphene_rect_t rect;

      bar_rect (self, bar, gutter, slot, &rect);
      gtk_snapshot_append_color (snapshot, bar % 2 == 0 ? &accent : &grey, &rect);
    }

  if (gtk_widget_has_visible_focus (widget))
    {
      graphene_rect_t rect;
      GskRoundedRect outline;
      const float widths[4] = { 2, 2, 2, 2 };
      const GdkRGBA colors[4] = { accent, accent, accent, accent };

      bar_rect (self, self->focused, gutter, slot, &rect);
      graphene_rect_inset (&rect, -3, -3);
      rect.origin.y = MIN (rect.origin.y, CHART_HEIGHT - 10);
      rect.size.height = MAX (rect.size.height, 13);
      gsk_rounded_rect_init_from_rect (&outline, &rect, 3);
      gtk_snapshot_append_border (snapshot, &outline, widths, colors);
    }

  /* The months' short names, as many as fit, and the year under each
   * January and under the first month. */
  probe = gtk_widget_create_pango_layout (widget, "MMM");
  pango_layout_get_pixel_size (probe, &label_width, &text_height);
  g_object_unref (probe);
  step = label_step (self, slot, label_width);

  for (guint i = 0; i < self->n_months; i++)
    {
      g_autoptr(GDateTime) date = month_date (&self->months[i]);
      float center = gutter + slot * i + slot / 2;

      if (date == NULL)
        continue;

      if ((g_date_time_get_month (date) - 1) % step == 0)
        {
          /* xgettext:no-c-format */
          /* Translators: a month's short name under the overview's chart; see strftime(3). */
          g_autofree char *name = g_date_time_format (date, C_("overview chart", "%b"));

          append_text (widget, snapshot, name, center, CHART_HEIGHT + LABEL_GAP, &grey);
        }
      if (i == 0 || g_date_time_get_month (date) == 1)
        {
          g_autofree char *year = g_date_time_format (date, "%Y");

          append_text (widget, snapshot, year, center, CHART_HEIGHT + LABEL_GAP + text_height, &grey);
        }
    }
}

static guint
bar_at (SignetMonthChart *self,
        double            x)
{
  float gutter = gutter_width (self);
  float slot = (gtk_widget_get_width (GTK_WIDGET (self)) - gutter) / self->n_months;
  guint month = (guint) CLAMP ((x - gutter) / slot, 0, self->n_months - 1);
  double within = x - gutter - slot * month;

  return month * 2 + (within >= slot / 2 ? 1 : 0);
}

static void
pressed_cb (GtkGestureClick  *gesture,
            int               n_press,
            double            x,
            double            y,
            SignetMonthChart *self)
{
  guint bar;

  if (self->n_months == 0)
    return;

  bar = bar_at (self, x);
  self->focused = bar;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_signal_emit (self, signals[BAR_ACTIVATED], 0, bar / 2, bar % 2 == 1);
}

static gboolean
query_tooltip_cb (GtkWidget        *widget,
                  int               x,
                  int               y,
                  gboolean          keyboard,
                  GtkTooltip       *tooltip,
                  SignetMonthChart *self)
{
  g_autofree char *text = NULL;
  guint bar;

  if (self->n_months == 0)
    return FALSE;

  bar = keyboard ? self->focused : bar_at (self, x);
  text = signet_month_chart_describe_month (&self->months[bar / 2]);
  gtk_tooltip_set_text (tooltip, text);

  return TRUE;
}

static gboolean
key_pressed_cb (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                SignetMonthChart      *self)
{
  guint n_bars = self->n_months * 2;

  if (n_bars == 0)
    return GDK_EVENT_PROPAGATE;

  switch (keyval)
    {
    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
      self->focused = self->focused > 0 ? self->focused - 1 : 0;
      break;
    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
      self->focused = MIN (self->focused + 1, n_bars - 1);
      break;
    case GDK_KEY_Home:
      self->focused = 0;
      break;
    case GDK_KEY_End:
      self->focused = n_bars - 1;
      break;
    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
    case GDK_KEY_space:
      g_signal_emit (self, signals[BAR_ACTIVATED], 0, self->focused / 2, self->focused % 2 == 1);
      return GDK_EVENT_STOP;
    default:
      return GDK_EVENT_PROPAGATE;
    }

  gtk_widget_queue_draw (GTK_WIDGET (self));
  gtk_widget_trigger_tooltip_query (GTK_WIDGET (self));

  return GDK_EVENT_STOP;
}

static void
signet_month_chart_finalize (GObject *object)
{
  SignetMonthChart *self = SIGNET_MONTH_CHART (object);

  g_free (self->months);

  G_OBJECT_CLASS (signet_month_chart_parent_class)->finalize (object);
}

static void
signet_month_chart_class_init (SignetMonthChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = signet_month_chart_finalize;

  widget_class->measure = signet_month_chart_measure;
  widget_class->snapshot = signet_month_chart_snapshot;

  signals[BAR_ACTIVATED] =
    g_signal_new ("bar-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_UINT, G_TYPE_BOOLEAN);

  gtk_widget_class_set_css_name (widget_class, "monthchart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
signet_month_chart_init (SignetMonthChart *self)
{
  GtkGesture *click = gtk_gesture_click_new ();
  GtkEventController *keys = gtk_event_controller_key_new ();

  g_signal_connect (click, "pressed", G_CALLBACK (pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
  g_signal_connect (keys, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);
  g_signal_connect (self, "query-tooltip", G_CALLBACK (query_tooltip_cb), self);

  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "pointer");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Contracts signed and ended per month"),
                                  -1);
}

GtkWidget *
signet_month_chart_new (void)
{
  return g_object_new (SIGNET_TYPE_MONTH_CHART, NULL);
}

void
signet_month_chart_set_months (SignetMonthChart          *self,
                               const SignetOverviewMonth *months,
                               guint                      n_months)
{
  g_return_if_fail (SIGNET_IS_MONTH_CHART (self));

  g_free (self->months);
  self->months = g_memdup2 (months, sizeof *months * n_months);
  self->n_months = n_months;
  self->max_count = 0;
  for (guint i = 0; i < n_months; i++)
    self->max_count = MAX (self->max_count, MAX (months[i].n_signed, months[i].n_ended));
  /* The keyboard starts on this month's signings. */
  self->focused = n_months > 0 ? (n_months - 1) * 2 : 0;

  update_description (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}
