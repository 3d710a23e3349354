/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "signet-bench-print"

#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>

#include <cairo-pdf.h>
#include <glib/gstdio.h>
#include <gtk/gtk.h>

#include "signet-contract-process.h"
#include "signet-date.h"
#include "signet-demo.h"
#include "signet-money.h"
#include "signet-print-list.h"
#include "signet-store-events.h"

/* The printed list of a generated register, exported as PDF, against its
 * floor: the same cells, read beforehand and kept in memory, each drawn
 * once by Pango into a cairo PDF surface of the same paper, in the same
 * font and column widths, a new page when one is full. What printing
 * adds to that is laying the table out (the columns' widths from every
 * cell, each row's height) and GtkPrintOperation. Runs alternate. */

static int n_contracts = 10000;
static int n_clients = 500;
static int n_runs = 5;

static const GOptionEntry entries[] = {
  { "contracts", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_INT, &n_contracts, "Number of contracts (10000)", "N" },
  { "clients", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_INT, &n_clients, "Number of clients (500)", "N" },
  { "runs", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_INT, &n_runs, "Runs of each step; the median counts (5)", "N" },
  { NULL }
};

#define N_COLUMNS 6
/* A4 in points, 15 mm margins; the body as the printout's, less its
 * header and footer. */
#define PAGE_WIDTH  595.28
#define PAGE_HEIGHT 841.89
#define MARGIN      42.52
#define BODY_TOP    (MARGIN + 20)
#define BODY_BOTTOM (PAGE_HEIGHT - MARGIN - 20)

static const double widths[N_COLUMNS] = { 1.5, 3, 2.2, 1, 1.3, 1.8 };

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
median (double *values,
        int     n)
{
  qsort (values, n, sizeof values[0], compare_doubles);

  return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

/* The rows as the printout shows them, read once. */
static GPtrArray *
read_rows (SignetContractList *list)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autofree char *today = signet_store_dup_today (signet_contract_list_get_store (list));
  guint n = g_list_model_get_n_items (G_LIST_MODEL (list));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SignetContract) contract = g_list_model_get_item (G_LIST_MODEL (list), i);
      char **row = g_new0 (char *, N_COLUMNS + 1);

      row[0] = g_strdup (signet_contract_get_number (contract));
      row[1] = g_strdup (signet_contract_get_title (contract));
      row[2] = g_strdup (signet_contract_get_client_name (contract));
      row[3] = g_strdup (signet_contract_status_to_label (signet_contract_get_shown_status (contract, today)));
      row[4] = signet_date_format_display (signet_contract_get_end_date (contract));
      row[5] = signet_money_format (signet_contract_get_value (contract), signet_contract_get_currency (contract));
      g_ptr_array_add (rows, row);
    }

  return rows;
}

static void
draw_floor (GPtrArray  *rows,
            const char *path)
{
  cairo_surface_t *surface = cairo_pdf_surface_create (path, PAGE_WIDTH, PAGE_HEIGHT);
  cairo_t *cr = cairo_create (surface);
  PangoFontDescription *font = pango_font_description_from_string ("Sans,Noto Sans CJK SC,Noto Sans CJK 9");
  double body = PAGE_WIDTH - 2 * MARGIN;
  double total = 0;
  double y = BODY_TOP;

  for (guint c = 0; c < N_COLUMNS; c++)
    total += widths[c];

  for (guint r = 0; r < rows->len; r++)
    {
      char **row = g_ptr_array_index (rows, r);
      double x = MARGIN;
      double height = 0;

      for (guint c = 0; c < N_COLUMNS; c++)
        {
          PangoLayout *layout = pango_cairo_create_layout (cr);
          double width = body * widths[c] / total;
          int h;

          pango_layout_set_font_description (layout, font);
          pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
          pango_layout_set_width (layout, (int) ((width - 8) * PANGO_SCALE));
          pango_layout_set_text (layout, row[c], -1);
          cairo_move_to (cr, x + 4, y + 2.5);
          pango_cairo_show_layout (cr, layout);
          pango_layout_get_size (layout, NULL, &h);
          height = MAX (height, (double) h / PANGO_SCALE + 5);
          x += width;
          g_object_unref (layout);
        }
      y += height;
      if (y + height > BODY_BOTTOM)
        {
          cairo_show_page (cr);
          y = BODY_TOP;
        }
    }

  pango_font_description_free (font);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  cairo_surface_destroy (surface);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) options = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(SignetStore) store = NULL;
  g_autoptr(SignetContractList) list = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *register_path = NULL;
  g_autofree char *print_path = NULL;
  g_autofree char *floor_path = NULL;
  g_autofree double *print_s = NULL;
  g_autofree double *floor_s = NULL;
  guint n_pages = 0;
  double print_m;
  double floor_m;

  setlocale (LC_ALL, "");
  g_option_context_add_main_entries (options, entries, NULL);
  if (!g_option_context_parse (options, &argc, &argv, &error) || n_runs < 1 || n_contracts < 1)
    {
      g_printerr ("%s\n", error != NULL ? error->message : "--runs and --contracts must be at least 1");
      return 2;
    }
  gtk_init ();

  dir = g_dir_make_tmp ("signet-bench-print-XXXXXX", &error);
  g_assert_no_error (error);
  register_path = g_build_filename (dir, "register.db", NULL);
  print_path = g_build_filename (dir, "print.pdf", NULL);
  floor_path = g_build_filename (dir, "floor.pdf", NULL);
  store = signet_store_new (register_path, &error);
  if (store == NULL || !signet_demo_generate (store, n_clients, n_contracts, 1, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  list = signet_contract_list_new (store);
  signet_contract_list_set_sort (list, SIGNET_SORT_NUMBER, FALSE);
  rows = read_rows (list);

  print_s = g_new (double, n_runs);
  floor_s = g_new (double, n_runs);
  for (int run = 0; run < n_runs; run++)
    {
      g_autoptr(SignetPrintDocument) document = NULL;
      gint64 start = g_get_monotonic_time ();

      document = signet_print_list_new (list, NULL);
      if (!signet_print_document_export_pdf (document, print_path, &error))
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }
      print_s[run] = (g_get_monotonic_time () - start) / 1e6;
      n_pages = signet_print_document_get_n_pages (document);

      start = g_get_monotonic_time ();
      draw_floor (rows, floor_path);
      floor_s[run] = (g_get_monotonic_time () - start) / 1e6;
    }

  print_m = median (print_s, n_runs);
  floor_m = median (floor_s, n_runs);
  printf ("method: a register of %d contracts and %d clients from signet_demo_generate(); print = "
          "signet_print_list_new() over the whole list by number and signet_print_document_export_pdf() "
          "(%u pages of A4); floor = the same cells, read beforehand, each drawn once with Pango into a "
          "cairo PDF surface of the same paper, font and column widths; %d runs alternating, the median of "
          "each.\n",
          n_contracts, n_clients, n_pages, n_runs);
  printf ("%-8s %9s %9s %7s\n", "step", "median_s", "floor_s", "ratio");
  printf ("%-8s %9.2f %9.2f %7.2f\n", "print", print_m, floor_m, print_m / floor_m);

  g_unlink (register_path);
  g_unlink (print_path);
  g_unlink (floor_path);
  g_rmdir (dir);

  return 0;
}
