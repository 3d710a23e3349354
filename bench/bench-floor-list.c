/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "bench-floor-list"

#include "config.h"

#include <stdio.h>

#include <adwaita.h>
#include <sqlite3.h>

#include "bench-first-frame.h"

/* A second reference for the start-up benchmark: the least a libadwaita
 * app does to show the first rows of a register in a GtkColumnView. It
 * reads the texts of the first N_ROWS contracts (by number) with sqlite3,
 * puts them in six columns of plain labels in a window of Signet's default
 * size, and quits after its first frame, as bench-floor does. It has no
 * header bar, no detail pane, no styling and no other library: what it
 * costs above bench-floor is what any window showing these rows pays.
 * With --header-bar the rows sit under a bare AdwHeaderBar (a title and the
 * window buttons, whose icons load the icon theme), as in any GNOME app.
 * With --split-view they are laid out as Signet's window lays out its list:
 * the sidebar of an AdwNavigationSplitView, in an AdwToolbarView under a
 * bare header bar, beside an empty content page with a header bar of its
 * own; a list/detail app with current libadwaita pays for these widgets. */

#define N_ROWS    22
#define N_COLUMNS 6

typedef enum
{
  LAYOUT_BARE,
  LAYOUT_HEADER_BAR,
  LAYOUT_SPLIT_VIEW,
} Layout;

static char *cells[N_ROWS][N_COLUMNS];
static guint n_rows;
static Layout layout;

static gboolean
read_rows (const char *path)
{
  static const char sql[] =
    "SELECT c.number, c.title, k.name, c.status, coalesce (c.end_date, ''), "
    "       printf ('%d.%02d %s', c.value / 100, c.value % 100, c.currency) "
    "FROM contracts c JOIN clients k ON k.id = c.client_id "
    "ORDER BY c.number LIMIT ?";
  sqlite3 *db = NULL;
  sqlite3_stmt *statement = NULL;
  gboolean ok;

  ok = sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK &&
       sqlite3_prepare_v2 (db, sql, -1, &statement, NULL) == SQLITE_OK &&
       sqlite3_bind_int (statement, 1, N_ROWS) == SQLITE_OK;

  while (ok && sqlite3_step (statement) == SQLITE_ROW)
    {
      for (guint i = 0; i < N_COLUMNS; i++)
        cells[n_rows][i] = g_strdup ((const char *) sqlite3_column_text (statement, i));
      n_rows++;
    }

  if (!ok)
    fprintf (stderr, "%s: %s\n", path, sqlite3_errmsg (db));

  sqlite3_finalize (statement);
  sqlite3_close (db);

  return ok;
}

static void
setup_cb (GtkSignalListItemFactory *factory,
          GtkListItem              *list_item,
          gpointer                  data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0f);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_list_item_set_child (list_item, label);
}

static void
bind_cb (GtkSignalListItemFactory *factory,
         GtkListItem              *list_item,
         gpointer                  data)
{
  guint column = GPOINTER_TO_UINT (data);
  guint row = gtk_list_item_get_position (list_item);

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (list_item)), cells[row][column]);
}

static void
activated_cb (GtkApplication *app)
{
  static const char * const titles[N_COLUMNS] = { "Number", "Title", "Client", "Status", "End Date", "Value" };
  GtkWidget *window = adw_application_window_new (app);
  GtkStringList *rows = gtk_string_list_new (NULL);
  GtkWidget *column_view;
  GtkWidget *scrolled;
  g_autofree char *line = NULL;

  for (guint i = 0; i < n_rows; i++)
    gtk_string_list_append (rows, cells[i][0]);

  column_view = gtk_column_view_new (GTK_SELECTION_MODEL (gtk_single_selection_new (G_LIST_MODEL (rows))));
  for (guint i = 0; i < N_COLUMNS; i++)
    {
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      g_autoptr(GtkColumnViewColumn) column = NULL;

      g_signal_connect (factory, "setup", G_CALLBACK (setup_cb), NULL);
      g_signal_connect (factory, "bind", G_CALLBACK (bind_cb), GUINT_TO_POINTER (i));
      column = gtk_column_view_column_new (titles[i], factory);
      gtk_column_view_column_set_expand (column, i == 1);
      gtk_column_view_append_column (GTK_COLUMN_VIEW (column_view), column);
    }

  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), column_view);
  gtk_widget_set_vexpand (scrolled, TRUE);

  switch (layout)
    {
    case LAYOUT_BARE:
      adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), scrolled);
      break;

    case LAYOUT_HEADER_BAR:
      {
        GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

        gtk_box_append (GTK_BOX (box), adw_header_bar_new ());
        gtk_box_append (GTK_BOX (box), scrolled);
        adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), box);
      }
      break;

    case LAYOUT_SPLIT_VIEW:
      {
        GtkWidget *split_view = adw_navigation_split_view_new ();
        GtkWidget *list_view = adw_toolbar_view_new ();
        GtkWidget *detail_view = adw_toolbar_view_new ();

        adw_toolbar_view_add_top_bar (ADW_TOOLBAR_VIEW (list_view), adw_header_bar_new ());
        adw_toolbar_view_set_content (ADW_TOOLBAR_VIEW (list_view), scrolled);
        adw_toolbar_view_add_top_bar (ADW_TOOLBAR_VIEW (detail_view), adw_header_bar_new ());
        adw_toolbar_view_set_content (ADW_TOOLBAR_VIEW (detail_view), adw_bin_new ());
        adw_navigation_split_view_set_sidebar (ADW_NAVIGATION_SPLIT_VIEW (split_view),
                                               adw_navigation_page_new (list_view, "Contracts"));
        adw_navigation_split_view_set_content (ADW_NAVIGATION_SPLIT_VIEW (split_view),
                                               adw_navigation_page_new (detail_view, "Contract"));
        adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), split_view);
      }
      break;

    default:
      g_assert_not_reached ();
    }

  /* Signet's default window size (the window-width/-height settings). */
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 760);
  line = g_strdup_printf ("first-frame rows=%u", n_rows);
  bench_present_until_first_frame (GTK_WINDOW (window), app, line);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(AdwApplication) app = NULL;

  if (argc == 3 && g_str_equal (argv[1], "--header-bar"))
    layout = LAYOUT_HEADER_BAR;
  else if (argc == 3 && g_str_equal (argv[1], "--split-view"))
    layout = LAYOUT_SPLIT_VIEW;
  else if (argc != 2)
    {
      fprintf (stderr, "Usage: %s [--header-bar | --split-view] DATABASE\n", argv[0]);
      return 1;
    }

  if (!read_rows (argv[argc - 1]))
    return 1;

  app = adw_application_new ("io.github.signetapp.Signet.BenchFloorList", G_APPLICATION_NON_UNIQUE);
  g_signal_connect (app, "activate", G_CALLBACK (activated_cb), NULL);

  /* The database is this program's argument, not GApplication's. */
  return g_application_run (G_APPLICATION (app), 1, argv);
}
