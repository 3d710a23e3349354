/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "signet-bench-calendar-view"

#include "config.h"

#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include <adwaita.h>

#include "signet-calendar-view.h"
#include "signet-month-grid.h"
#include "signet-store-events.h"

/* Switching months in a real SignetCalendarView, in a window of Signet's
 * default size (1200×760) on a display (run it under `xvfb-run -a`, with
 * GSK_RENDERER=cairo or gl). Each switch is the Page Down key binding of the
 * focused month grid, run as a key press runs it, on an idle window; it is
 * timed until the view's "month-loaded" (the days and their events are in
 * the grid: the 50 ms target), and on until the frame clock's next
 * "after-paint" (the frame that shows the month). "Frame work" is that
 * frame's own time, from its first phase ("before-paint": style, layout,
 * drawing follow) to "after-paint"; the rest of the wait is the frame
 * clock's scheduling. Before each round the view goes
 * back to the first month, untimed. bench/signet-bench-calendar times the
 * store's part against plain sqlite3. */

#define TARGET_MS 50.0
#define IDLE_MS 150
#define FRAME_TIMEOUT_MS 5000

static int rounds = 3;
static int months = 24;

static const GOptionEntry entries[] = {
  { "rounds", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_INT, &rounds, "Timed rounds after a warm-up round (3)", "N" },
  { "months", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_INT, &months, "Month switches per round (24)", "N" },
  { NULL }
};

typedef struct
{
  SignetCalendarView *view;
  GtkWidget          *grid;
  guint               n_loaded;
  guint               last_count;
  gint64              pressed;      /* 0: not in a switch */
  gint64              loaded;
  gint64              frame_start;
  gint64              painted;
  gint64              cpu_pressed;
  gint64              cpu_loaded;
  guint               n_paints;
} Bench;

static double
cpu_us (void)
{
  struct timespec now;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &now);

  return now.tv_sec * 1e6 + now.tv_nsec / 1e3;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return x < y ? -1 : x > y;
}

/* Nearest-rank percentile of @samples (sorted in place). */
static double
percentile (GArray *samples,
            double  fraction)
{
  guint rank;

  if (samples->len == 0)
    return 0;

  g_array_sort (samples, compare_doubles);
  rank = (guint) ceil (fraction * samples->len);

  return g_array_index (samples, double, MAX (rank, 1) - 1);
}

static const char *
load_average (void)
{
  static char text[64] = "unknown\n";
  g_autofree char *contents = NULL;

  if (g_file_get_contents ("/proc/loadavg", &contents, NULL, NULL))
    g_snprintf (text, sizeof text, "%s", contents);

  return text;
}

static void
die (const char *what,
     GError     *error)
{
  g_printerr ("%s: %s\n", what, error != NULL ? error->message : "failed");
  exit (EXIT_FAILURE);
}

static void
month_loaded_cb (SignetCalendarView *view,
                 guint               n_events,
                 Bench              *bench)
{
  bench->n_loaded++;
  bench->last_count = n_events;
  if (bench->pressed != 0 && bench->loaded == 0)
    {
      bench->loaded = g_get_monotonic_time ();
      bench->cpu_loaded = cpu_us ();
    }
}

static void
before_paint_cb (GdkFrameClock *clock,
                 Bench         *bench)
{
  if (bench->loaded != 0 && bench->frame_start == 0)
    bench->frame_start = g_get_monotonic_time ();
}

static void
after_paint_cb (GdkFrameClock *clock,
                Bench         *bench)
{
  bench->n_paints++;
  if (bench->frame_start != 0 && bench->painted == 0)
    bench->painted = g_get_monotonic_time ();
}

static gboolean
flag_cb (gpointer user_data)
{
  *(gboolean *) user_data = TRUE;

  return G_SOURCE_REMOVE;
}

/* Runs the main loop for @ms. */
static void
spin (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, flag_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

/* Runs the main loop until *@value is not 0, or fails after a while. */
static void
wait_for (gint64     *value,
          const char *what)
{
  gboolean timed_out = FALSE;
  guint timeout = g_timeout_add (FRAME_TIMEOUT_MS, flag_cb, &timed_out);

  while (*value == 0 && !timed_out)
    g_main_context_iteration (NULL, TRUE);

  if (*value == 0)
    {
      g_printerr ("No %s within %d ms\n", what, FRAME_TIMEOUT_MS);
      exit (EXIT_FAILURE);
    }
  g_source_remove (timeout);
}

static GtkWidget *
find_type (GtkWidget *root,
           GType      type)
{
  if (g_type_is_a (G_OBJECT_TYPE (root), type))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_type (child, type);

      if (found != NULL)
        return found;
    }

  return NULL;
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
              gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut),
                                            GTK_SHORTCUT_ACTION_EXCLUSIVE, widget,
                                            gtk_shortcut_get_arguments (shortcut));
              return;
            }
        }
    }

  g_printerr ("The month grid has no binding for %s\n", gdk_keyval_name (keyval));
  exit (EXIT_FAILURE);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = g_option_context_new ("DATABASE");
  g_autoptr(GError) error = NULL;
  g_autoptr(SignetStore) store = NULL;
  g_autoptr(GtkCssProvider) provider = gtk_css_provider_new ();
  g_autoptr(GArray) load_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) load_cpu_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) frame_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) work_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) total_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) counts = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) switch_cpu_times = g_array_new (FALSE, FALSE, sizeof (double));
  guint n_switches = 0, n_paints = 0;
  GdkFrameClock *clock;
  GtkWindow *window;
  Bench bench = { 0 };
  guint first_year, first_month;
  double load_median;
  const char *renderer;
  g_autofree char *load_at_start = NULL;

  setlocale (LC_ALL, "");

  g_option_context_set_summary (context, "Times month switches of a SignetCalendarView and the frame after.");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    die ("options", error);
  if (argc != 2 || rounds < 1 || months < 1)
    {
      g_printerr ("Usage: %s [--rounds=N] [--months=N] DATABASE\n"
                  "DATABASE is a register, e.g. the one signet-bench-calendar generates.\n",
                  g_get_prgname ());
      return EXIT_FAILURE;
    }

  load_at_start = g_strdup (load_average ());
  store = signet_store_new (argv[1], &error);
  if (store == NULL)
    die (argv[1], error);
  if (!signet_store_update_events (store, &error))
    die ("update", error);

  gtk_init ();
  adw_init ();
  /* The app's style, as AdwApplication loads it, for the chips. */
  gtk_css_provider_load_from_resource (provider, RESOURCE_PREFIX "/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);

  window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (window, 1200, 760);
  bench.view = SIGNET_CALENDAR_VIEW (signet_calendar_view_new ());
  g_signal_connect (bench.view, "month-loaded", G_CALLBACK (month_loaded_cb), &bench);
  gtk_window_set_child (window, GTK_WIDGET (bench.view));
  signet_calendar_view_set_store (bench.view, store);
  gtk_window_present (window);

  while (bench.n_loaded == 0 || !gtk_widget_get_mapped (GTK_WIDGET (window)))
    g_main_context_iteration (NULL, TRUE);
  spin (500);

  clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  g_signal_connect (clock, "before-paint", G_CALLBACK (before_paint_cb), &bench);
  g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), &bench);

  bench.grid = find_type (GTK_WIDGET (bench.view), SIGNET_TYPE_MONTH_GRID);
  gtk_widget_grab_focus (bench.grid);
  first_year = signet_calendar_view_get_year (bench.view);
  first_month = signet_calendar_view_get_month (bench.view);

  /* Round 0 warms up and is not counted. */
  for (int r = 0; r <= rounds; r++)
    {
      signet_calendar_view_set_month (bench.view, first_year, first_month);
      spin (IDLE_MS * 2);

      for (int m = 0; m < months; m++)
        {
          guint loads = bench.n_loaded;
          double sample;

          /* The frames since the last switch's press are that switch's. */
          spin (IDLE_MS);
          if (r > 0 && m > 0)
            {
              sample = (cpu_us () - bench.cpu_pressed) / 1000.0;
              g_array_append_val (switch_cpu_times, sample);
              n_paints += bench.n_paints;
            }
          bench.n_paints = 0;
          bench.loaded = bench.frame_start = bench.painted = 0;
          bench.cpu_pressed = cpu_us ();
          bench.pressed = g_get_monotonic_time ();
          press_key (bench.grid, GDK_KEY_Page_Down);
          if (bench.n_loaded != loads + 1)
            {
              g_printerr ("Page Down loaded %u months, not one\n", bench.n_loaded - loads);
              return EXIT_FAILURE;
            }
          wait_for (&bench.painted, "frame after the switch");

          if (r > 0)
            {
              sample = (bench.loaded - bench.pressed) / 1000.0;
              g_array_append_val (load_times, sample);
              sample = (bench.cpu_loaded - bench.cpu_pressed) / 1000.0;
              g_array_append_val (load_cpu_times, sample);
              sample = (bench.painted - bench.loaded) / 1000.0;
              g_array_append_val (frame_times, sample);
              sample = (bench.painted - bench.frame_start) / 1000.0;
              g_array_append_val (work_times, sample);
              sample = (bench.painted - bench.pressed) / 1000.0;
              g_array_append_val (total_times, sample);
              sample = bench.last_count;
              g_array_append_val (counts, sample);
              if (m > 0)
                n_switches++;
            }
          bench.pressed = 0;
        }
    }

  renderer = g_getenv ("GSK_RENDERER");
  load_median = percentile (load_times, 0.5);

  printf ("method: a SignetCalendarView in a 1200x760 window, renderer %s; %d timed rounds "
          "(after a warm-up round) of %d switches with the month grid's Page Down binding from "
          "%04u-%02u on, each after %d ms idle. 'key press to month in the model' ends at the view's "
          "month-loaded signal; 'month loaded to frame painted' at the frame clock's next "
          "after-paint; 'frame work' is that frame from before-paint to after-paint. Wall "
          "time unless marked CPU; load at the start %s",
          renderer != NULL ? renderer : "(default)", rounds, months, first_year, first_month,
          IDLE_MS, load_at_start);
  printf ("events in a month grid: median %u\n", (guint) percentile (counts, 0.5));
  printf ("%-40s %9s %9s\n", "", "median ms", "p95 ms");
  printf ("%-40s %9.2f %9.2f\n", "key press to month in the model", load_median,
          percentile (load_times, 0.95));
  printf ("%-40s %9.2f %9.2f\n", "  the same, CPU time", percentile (load_cpu_times, 0.5),
          percentile (load_cpu_times, 0.95));
  printf ("%-40s %9.2f %9.2f\n", "month loaded to frame painted", percentile (frame_times, 0.5),
          percentile (frame_times, 0.95));
  printf ("%-40s %9.2f %9.2f\n", "  frame work (before- to after-paint)", percentile (work_times, 0.5),
          percentile (work_times, 0.95));
  printf ("%-40s %9.2f %9.2f\n", "key press to frame painted", percentile (total_times, 0.5),
          percentile (total_times, 0.95));
  printf ("%-40s %9.2f %9.2f\n", "CPU time of a switch, all its frames", percentile (switch_cpu_times, 0.5),
          percentile (switch_cpu_times, 0.95));
  printf ("frames drawn per switch, until the next one: %.2f\n",
          n_switches > 0 ? (double) n_paints / n_switches : 0);
  printf ("load average at the end: %s", load_average ());
  printf ("target median <= %.0f ms from the key press to the model: %s\n", TARGET_MS,
          load_median <= TARGET_MS ? "met" : "NOT met");

  gtk_window_destroy (window);

  return load_median <= TARGET_MS ? EXIT_SUCCESS : 2;
}
