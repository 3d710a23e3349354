/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "display-test-utils.h"
#include "signet-archive-dialog.h"
#include "signet-contract-page.h"
#include "signet-contract-table.h"
#include "signet-person.h"
#include "signet-store-events.h"
#include "signet-store-originals.h"
#include "signet-store-people.h"
#include "signet-window.h"

/* Where the paper originals are: the archive view lists every original on
 * loan by due date, the overdue ones first and marked, and opens a
 * contract from its row; the list marks the rows whose original is out
 * and its filter On Loan narrows it, with a search too. */

typedef struct
{
  SignetStore *store;
  gint64       ids[5];
  GtkWindow   *window;
} Fixture;

/* Five contracts: 0001 due 2026-11-20, 0002 overdue since 2026-10-15,
 * 0003 returned, 0004 due 2026-12-01, 0005 never lent; the day is
 * 2026-11-02. */
static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  static const struct { const char *number; const char *title; const char *due; gboolean returned; } plan[] = {
    { "HT-2026-0001", "Office lease", "2026-11-20", FALSE },
    { "HT-2026-0002", "Cleaning services", "2026-10-15", FALSE },
    { "HT-2026-0003", "Printer leasing", "2026-10-10", TRUE },
    { "HT-2026-0004", "Cleaning materials", "2026-12-01", FALSE },
    { "HT-2026-0005", "Catering", NULL, FALSE },
  };
  g_autoptr(SignetClient) client = NULL;
  g_autoptr(SignetPerson) person = signet_person_new ();

  display_test_reset_settings ();
  f->store = display_test_new_store ();
  signet_store_set_today (f->store, "2026-11-02");
  client = display_test_add_client (f->store, "Contoso", "C001");
  signet_person_set_name (person, "王芳");
  signet_person_set_department (person, "法务部");
  g_assert_true (signet_store_add_person (f->store, person, NULL));

  for (guint i = 0; i < G_N_ELEMENTS (plan); i++)
    {
      g_autoptr(SignetContract) contract = display_test_add_contract (f->store, client, plan[i].number,
                                                                      plan[i].title, 100000);
      g_autoptr(SignetOriginal) original = signet_original_new (signet_contract_get_id (contract));
      g_autoptr(GError) error = NULL;

      f->ids[i] = signet_contract_get_id (contract);
      original->archive_number = g_strdup_printf ("DA-%u", i);
      g_assert_true (signet_store_save_original (f->store, original, &error));
      if (plan[i].due != NULL)
        {
          g_autoptr(SignetLoan) loan = signet_loan_new (f->ids[i]);

          loan->borrower_id = signet_person_get_id (person);
          loan->department = g_strdup ("法务部");
          loan->purpose = g_strdup ("审计");
          loan->lent_on = g_strdup ("2026-10-01");
          loan->due_on = g_strdup (plan[i].due);
          g_assert_true (signet_store_add_loan (f->store, loan, &error));
          g_assert_no_error (error);
          if (plan[i].returned)
            g_assert_true (signet_store_return_loan (f->store, loan->id, "2026-10-09",
                                                     SIGNET_LOAN_CONDITION_INTACT, NULL, &error));
        }
    }

  f->window = GTK_WINDOW (signet_window_new (NULL, f->store, NULL));
  display_test_show (f->window);
  display_test_spin (200);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  display_test_destroy_windows ();
  g_clear_object (&f->store);
}

static SignetContractList *
contract_list (Fixture *f)
{
  GtkWidget *table = display_test_find_type (GTK_WIDGET (f->window), SIGNET_TYPE_CONTRACT_TABLE);

  return signet_contract_table_get_model (SIGNET_CONTRACT_TABLE (table));
}

static GtkWidget *
open_archive (Fixture *f)
{
  GtkWidget *dialog;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.archive", NULL));
  display_test_spin (500);
  dialog = display_test_find_type (GTK_WIDGET (f->window), SIGNET_TYPE_ARCHIVE_DIALOG);
  g_assert_nonnull (dialog);

  return dialog;
}

/* The rows of the archive view's list, in order. */
static GPtrArray *
loan_rows (GtkWidget *dialog)
{
  GPtrArray *rows = g_ptr_array_new ();
  GtkWidget *first = display_test_find_type (dialog, ADW_TYPE_ACTION_ROW);

  for (GtkWidget *row = first; row != NULL; row = gtk_widget_get_next_sibling (row))
    if (ADW_IS_ACTION_ROW (row))
      g_ptr_array_add (rows, row);

  return rows;
}

/* By due date: 0002 (overdue, red, with its days), 0001, 0004; not the
 * returned 0003 nor 0005; a row opens its contract. A loan returned
 * meanwhile leaves the view. */
static void
test_order (Fixture       *f,
            gconstpointer  data)
{
  GtkWidget *dialog = open_archive (f);
  g_autoptr(GPtrArray) rows = loan_rows (dialog);
  g_autoptr(SignetLoan) loan = NULL;
  SignetContract *shown;

  g_assert_cmpuint (rows->len, ==, 3);
  g_assert_cmpstr (adw_preferences_row_get_title (g_ptr_array_index (rows, 0)), ==, "HT-2026-0002 · Cleaning services");
  g_assert_cmpstr (adw_action_row_get_subtitle (g_ptr_array_index (rows, 0)), ==,
                   "王芳 (法务部) · Lent on 2026-10-01, due on 2026-10-15: overdue by 18 days");
  g_assert_true (gtk_widget_has_css_class (g_ptr_array_index (rows, 0), "error"));
  g_assert_cmpstr (adw_preferences_row_get_title (g_ptr_array_index (rows, 1)), ==, "HT-2026-0001 · Office lease");
  g_assert_false (gtk_widget_has_css_class (g_ptr_array_index (rows, 1), "error"));
  g_assert_cmpstr (adw_action_row_get_subtitle (g_ptr_array_index (rows, 1)), ==,
                   "王芳 (法务部) · Lent on 2026-10-01, due on 2026-11-20");
  g_assert_cmpstr (adw_preferences_row_get_title (g_ptr_array_index (rows, 2)), ==, "HT-2026-0004 · Cleaning materials");

  /* Returned elsewhere: gone from the view. */
  loan = signet_store_get_open_loan (f->store, f->ids[0], NULL);
  g_assert_true (signet_store_return_loan (f->store, loan->id, "2026-11-02", SIGNET_LOAN_CONDITION_INTACT, NULL, NULL));
  display_test_spin (100);
  g_clear_pointer (&rows, g_ptr_array_unref);
  rows = loan_rows (dialog);
  g_assert_cmpuint (rows->len, ==, 2);

  g_signal_emit_by_name (g_ptr_array_index (rows, 1), "activated");
  display_test_spin (500);
  g_assert_null (display_test_find_type (GTK_WIDGET (f->window), SIGNET_TYPE_ARCHIVE_DIALOG));
  shown = signet_contract_page_get_contract (SIGNET_CONTRACT_PAGE (display_test_find_type (GTK_WIDGET (f->window),
                                                                                           SIGNET_TYPE_CONTRACT_PAGE)));
  g_assert_nonnull (shown);
  g_assert_cmpstr (signet_contract_get_number (shown), ==, "HT-2026-0004");
}

static gboolean
list_has (gpointer data)
{
  gpointer *args = data;

  return g_list_model_get_n_items (G_LIST_MODEL (contract_list (args[0]))) == GPOINTER_TO_UINT (args[1]);
}

static void
wait_for_rows (Fixture *f,
               guint    n)
{
  gpointer args[] = { f, GUINT_TO_POINTER (n) };

  g_assert_true (display_test_wait_for (list_has, args));
  display_test_spin (50);
}

/* The list's mark on the rows whose original is out, and the filter: On
 * Loan keeps 0001, 0002 and 0004; with the search "Cleaning" 0002 and
 * 0004; off again, the search's two and the others back; closing the
 * search bar ends the filter too. */
static void
test_filter (Fixture       *f,
             gconstpointer  data)
{
  GtkWidget *entry = display_test_find_type (GTK_WIDGET (f->window), GTK_TYPE_SEARCH_ENTRY);
  GtkWidget *filter_button = display_test_find_button (GTK_WIDGET (f->window), "Filter");
  GtkSearchBar *bar = GTK_SEARCH_BAR (display_test_find_type (GTK_WIDGET (f->window), GTK_TYPE_SEARCH_BAR));
  SignetContractList *list = contract_list (f);
  guint marks = 0;

  wait_for_rows (f, 5);
  /* Three marks among the bound rows, each saying what it means. */
  {
    g_autoptr(GPtrArray) stack = g_ptr_array_new ();

    g_ptr_array_add (stack, display_test_find_type (GTK_WIDGET (f->window), SIGNET_TYPE_CONTRACT_TABLE));
    while (stack->len > 0)
      {
        GtkWidget *widget = g_ptr_array_steal_index (stack, stack->len - 1);

        if (GTK_IS_IMAGE (widget) && gtk_widget_get_visible (widget) &&
            g_strcmp0 (gtk_image_get_icon_name (GTK_IMAGE (widget)), "document-send-symbolic") == 0)
          {
            marks++;
            g_assert_cmpstr (gtk_widget_get_tooltip_text (widget), ==, "The paper original is on loan");
          }
        for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
             child = gtk_widget_get_next_sibling (child))
          g_ptr_array_add (stack, child);
      }
  }
  g_assert_cmpuint (marks, ==, 3);

  gtk_search_bar_set_search_mode (bar, TRUE);
  display_test_spin (100);
  g_assert_nonnull (filter_button);
  g_assert_true (gtk_widget_get_visible (filter_button));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "filter.on-loan", NULL));
  wait_for_rows (f, 3);
  g_assert_cmpint (signet_contract_list_get_filters (list), ==, SIGNET_CONTRACT_FILTER_ON_LOAN);

  gtk_editable_set_text (GTK_EDITABLE (entry), "Cleaning");
  wait_for_rows (f, 2);
  g_assert_cmpuint (signet_contract_list_find (list, f->ids[1]), !=, GTK_INVALID_LIST_POSITION);
  g_assert_cmpuint (signet_contract_list_find (list, f->ids[3]), !=, GTK_INVALID_LIST_POSITION);

  /* Off: the search's two, both on loan anyway; then all five. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "filter.on-loan", NULL));
  wait_for_rows (f, 2);
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
  wait_for_rows (f, 5);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "filter.on-loan", NULL));
  wait_for_rows (f, 3);
  gtk_search_bar_set_search_mode (bar, FALSE);
  wait_for_rows (f, 5);
  g_assert_cmpint (signet_contract_list_get_filters (list), ==, SIGNET_CONTRACT_FILTER_NONE);
}

/* The archive view in the language of LC_ALL: archive-LANG.png. */
static void
test_looks (Fixture       *f,
            gconstpointer  data)
{
  const char *lc_all = g_getenv ("LC_ALL");
  g_autofree char *language = g_strndup (lc_all != NULL ? lc_all : "C", strcspn (lc_all != NULL ? lc_all : "C", "."));
  g_autofree char *name = g_strdup_printf ("archive-%s", language);

  display_test_resize (f->window, 1200, 800);
  open_archive (f);
  display_test_spin (800);
  g_free (display_test_save_screenshot (GTK_WIDGET (f->window), name));
}

int
main (int   argc,
      char *argv[])
{
  display_test_init (&argc, &argv);
  display_test_bind_build_catalog ();

  g_test_add ("/archive-view/order", Fixture, NULL, fixture_set_up, test_order, fixture_tear_down);
  g_test_add ("/archive-view/filter", Fixture, NULL, fixture_set_up, test_filter, fixture_tear_down);
  g_test_add ("/archive-view/looks", Fixture, NULL, fixture_set_up, test_looks, fixture_tear_down);

  return g_test_run ();
}
