/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>

#include "display-test-utils.h"
#include "signet-attachments-section.h"
#include "signet-history-section.h"
#include "signet-key-dates-section.h"
#include "signet-store-attachments.h"
#include "signet-store-events.h"

/* The three sections of a contract's page, key dates, attachments and
 * history, as the page stacks them, each following its contract in the
 * store by itself (SignetContractSection): an import reloads each, a
 * change reloads only the sections that show it, a change to another
 * contract none, and a section that is hidden catches up once, when it is
 * shown again. What a user would lose to a needless reload shows it: an
 * open menu closes, a focused row loses the focus, an expanded entry of
 * the history folds. */

typedef struct
{
  SignetStore           *store;
  SignetContract        *contract;
  /* Another contract of the same register. */
  SignetContract        *other;
  GtkWindow             *window;
  /* Holds the sections, as the page's form does. */
  GtkWidget             *box;
  SignetContractSection *key_dates;
  SignetContractSection *attachments;
  SignetContractSection *history;
} Fixture;

static SignetContractSection *
add_section (Fixture   *f,
             GtkWidget *section)
{
  gtk_box_append (GTK_BOX (f->box), section);
  signet_contract_section_set_contract (SIGNET_CONTRACT_SECTION (section), f->store,
                                        signet_contract_get_id (f->contract));

  return SIGNET_CONTRACT_SECTION (section);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(SignetClient) client = NULL;
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *overlay = adw_toast_overlay_new ();

  display_test_reset_settings ();
  f->store = display_test_new_store ();
  signet_store_set_today (f->store, "2026-11-27");
  client = display_test_add_client (f->store, "Contoso", "C001");
  f->contract = display_test_add_contract (f->store, client, "HT-2026-0001", "Cleaning services", 100);
  signet_contract_set_start_date (f->contract, "2026-04-02");
  signet_contract_set_end_date (f->contract, "2027-04-01");
  g_assert_true (signet_store_update_contract (f->store, f->contract, NULL));
  f->other = display_test_add_contract (f->store, client, "HT-2026-0002", "Window cleaning", 100);

  f->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 24);
  f->key_dates = add_section (f, signet_key_dates_section_new ());
  f->attachments = add_section (f, signet_attachments_section_new ());
  f->history = add_section (f, signet_history_section_new ());

  f->window = GTK_WINDOW (adw_window_new ());
  gtk_window_set_default_size (f->window, 640, 900);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), f->box);
  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (overlay), scrolled);
  adw_window_set_content (ADW_WINDOW (f->window), overlay);
  display_test_show (f->window);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  display_test_destroy_windows ();
  g_clear_object (&f->other);
  g_clear_object (&f->contract);
  g_clear_object (&f->store);
}

/* The row titled @title if it is visible, or NULL: the sections remove
 * the rows they no longer show, so that no hidden row shares its title. */
static GtkWidget *
find_row (GtkWidget  *root,
          const char *title)
{
  GtkWidget *row = display_test_find_row (root, ADW_TYPE_PREFERENCES_ROW, title);

  return row != NULL && gtk_widget_is_visible (row) ? row : NULL;
}

/* The entries the history lists. */
static guint
count_entries (GtkWidget *root)
{
  guint n = ADW_IS_EXPANDER_ROW (root) && gtk_widget_get_visible (root) ? 1 : 0;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    n += count_entries (child);

  return n;
}

static GtkWidget *
find_entry (GtkWidget *root)
{
  if (ADW_IS_EXPANDER_ROW (root) && gtk_widget_get_visible (root) && gtk_widget_get_sensitive (root))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *entry = find_entry (child);

      if (entry != NULL)
        return entry;
    }

  return NULL;
}

static guint
count_reloads (SignetContractSection *section)
{
  guint reloads = 0;

  g_object_get (section, "reloads", &reloads, NULL);

  return reloads;
}

static void
attach (Fixture    *f,
        gint64      contract_id,
        const char *name)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static ("Site survey, 3 pages.\n", 22);
  g_autoptr(SignetAttachment) attachment = NULL;
  g_autoptr(GError) error = NULL;

  attachment = signet_store_add_attachment (f->store, contract_id, bytes, name, "text/plain",
                                            SIGNET_ATTACHMENT_ROLE_OTHER, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (attachment);
}

static void
add_milestone (Fixture    *f,
               gint64      contract_id,
               const char *date,
               const char *title)
{
  g_autoptr(SignetUserKeyDate) key_date = signet_user_key_date_new (contract_id, SIGNET_KEY_DATE_MILESTONE, date,
                                                                     title, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (signet_store_add_key_date (f->store, key_date, &error));
  g_assert_no_error (error);
}

/* Saves a new title and end date, as the page's Save does. */
static void
save_fields (Fixture        *f,
             SignetContract *contract,
             const char     *title,
             const char     *end_date)
{
  g_autoptr(GError) error = NULL;

  signet_contract_set_title (contract, title);
  signet_contract_set_end_date (contract, end_date);
  g_assert_true (signet_store_update_contract (f->store, contract, &error));
  g_assert_no_error (error);
}

/* Opens the menu of the attached file @name; its popover. */
static GtkWidget *
open_file_menu (Fixture    *f,
                const char *name)
{
  g_autofree char *label = g_strdup_printf ("More for %s", name);
  GtkWidget *button = display_test_find_accessible (GTK_WIDGET (f->attachments), label);
  GtkPopover *popover;

  g_assert_true (GTK_IS_MENU_BUTTON (button));
  gtk_menu_button_popup (GTK_MENU_BUTTON (button));
  display_test_spin (50);
  popover = gtk_menu_button_get_popover (GTK_MENU_BUTTON (button));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (popover)));

  return GTK_WIDGET (popover);
}

/* Whether @popover is still open on a file of the section: a reload
 * would have taken its row, and the menu with it. */
static gboolean
file_menu_open (Fixture   *f,
                GtkWidget *popover)
{
  return gtk_widget_get_mapped (popover) &&
         gtk_widget_is_ancestor (popover, GTK_WIDGET (f->attachments));
}

/* An import's records arrive as one "reset" for all of them (here from a
 * batch, which the import and the demo write in; the store's watch says
 * the same of many records written by another connection): each section
 * shows what was written to its contract. */
static void
test_import_reloads_each (Fixture       *f,
                          gconstpointer  data)
{
  gint64 id = signet_contract_get_id (f->contract);
  guint entries = count_entries (GTK_WIDGET (f->history));
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (entries, >, 0);
  g_assert_null (find_row (GTK_WIDGET (f->attachments), "survey.txt"));
  g_assert_null (find_row (GTK_WIDGET (f->key_dates), "Milestone: 2027-01-15 · 交接验收"));
  g_assert_null (find_row (GTK_WIDGET (f->key_dates), "End: 2028-04-01"));

  g_assert_true (signet_store_begin_batch (f->store, &error));
  attach (f, id, "survey.txt");
  add_milestone (f, id, "2027-01-15", "交接验收");
  save_fields (f, f->contract, "Cleaning services, renewed", "2028-04-01");
  /* Nothing is told before the batch is committed. */
  g_assert_null (find_row (GTK_WIDGET (f->attachments), "survey.txt"));
  g_assert_true (signet_store_commit_batch (f->store, &error));
  g_assert_no_error (error);

  g_assert_nonnull (find_row (GTK_WIDGET (f->attachments), "survey.txt"));
  g_assert_nonnull (find_row (GTK_WIDGET (f->key_dates), "Milestone: 2027-01-15 · 交接验收"));
  g_assert_nonnull (find_row (GTK_WIDGET (f->key_dates), "End: 2028-04-01"));
  g_assert_null (find_row (GTK_WIDGET (f->key_dates), "End: 2027-04-01"));
  g_assert_cmpuint (count_entries (GTK_WIDGET (f->history)), ==, entries + 3);
}

/* Saving the title and end date reloads the key dates (derived from the
 * end date) and the history, and leaves the attachments alone: the menu
 * the user opened on a file stays open. A file added, for contrast,
 * reloads the attachments and closes it. */
static void
test_fields_saved_keep_files (Fixture       *f,
                              gconstpointer  data)
{
  gint64 id = signet_contract_get_id (f->contract);
  g_autoptr(GtkWidget) popover = NULL;
  guint entries;

  attach (f, id, "survey.txt");
  entries = count_entries (GTK_WIDGET (f->history));
  popover = g_object_ref (open_file_menu (f, "survey.txt"));

  save_fields (f, f->contract, "Cleaning services, renewed", "2028-04-01");
  display_test_spin (50);

  g_assert_nonnull (find_row (GTK_WIDGET (f->key_dates), "End: 2028-04-01"));
  g_assert_cmpuint (count_entries (GTK_WIDGET (f->history)), ==, entries + 1);
  g_assert_true (file_menu_open (f, popover));
  g_free (display_test_save_screenshot (GTK_WIDGET (f->window), "contract-sections-menu-kept"));

  attach (f, id, "drawings.txt");
  display_test_spin (50);
  g_assert_nonnull (find_row (GTK_WIDGET (f->attachments), "drawings.txt"));
  g_assert_false (file_menu_open (f, popover));
}

/* Changes to another contract of the register reload none of the
 * sections: the key date row keeps the focus, the history's entry stays
 * expanded, the file's menu stays open. */
static void
test_other_contract_ignored (Fixture       *f,
                             gconstpointer  data)
{
  gint64 id = signet_contract_get_id (f->contract);
  gint64 other_id = signet_contract_get_id (f->other);
  g_autoptr(GtkWidget) popover = NULL;
  GtkWidget *key_date_row;
  GtkWidget *entry;
  guint reloads[3];

  attach (f, id, "survey.txt");
  add_milestone (f, id, "2027-01-15", "交接验收");
  display_test_spin (50);
  reloads[0] = count_reloads (f->key_dates);
  reloads[1] = count_reloads (f->attachments);
  reloads[2] = count_reloads (f->history);

  entry = find_entry (GTK_WIDGET (f->history));
  g_assert_nonnull (entry);
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (entry), TRUE);
  key_date_row = find_row (GTK_WIDGET (f->key_dates), "Milestone: 2027-01-15 · 交接验收");
  g_assert_nonnull (key_date_row);
  g_assert_true (gtk_widget_grab_focus (key_date_row));

  save_fields (f, f->other, "Window cleaning, renewed", "2028-04-01");
  add_milestone (f, other_id, "2027-02-01", "Inspection");
  attach (f, other_id, "other.txt");
  display_test_spin (50);

  g_assert_true (gtk_root_get_focus (GTK_ROOT (f->window)) == key_date_row);
  g_assert_true (gtk_widget_is_ancestor (entry, GTK_WIDGET (f->history)));
  g_assert_true (adw_expander_row_get_expanded (ADW_EXPANDER_ROW (entry)));

  popover = g_object_ref (open_file_menu (f, "survey.txt"));
  save_fields (f, f->other, "Window cleaning, ended", "2027-12-31");
  display_test_spin (50);
  g_assert_true (file_menu_open (f, popover));

  g_assert_cmpuint (count_reloads (f->key_dates), ==, reloads[0]);
  g_assert_cmpuint (count_reloads (f->attachments), ==, reloads[1]);
  g_assert_cmpuint (count_reloads (f->history), ==, reloads[2]);
}

/* While the sections are hidden (the page behind another), changes to
 * their contract cost nothing; shown again, each reloads once and shows
 * them all. No user can see a hidden section, so the sections' reload
 * count says it. */
static void
test_hidden_reloads_once_when_shown (Fixture       *f,
                                     gconstpointer  data)
{
  gint64 id = signet_contract_get_id (f->contract);
  SignetContractSection *sections[] = { f->key_dates, f->attachments, f->history };
  guint entries = count_entries (GTK_WIDGET (f->history));
  guint reloads[G_N_ELEMENTS (sections)];

  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    reloads[i] = count_reloads (sections[i]);

  gtk_widget_set_visible (f->box, FALSE);
  display_test_spin (20);
  save_fields (f, f->contract, "Cleaning services, renewed", "2028-04-01");
  add_milestone (f, id, "2027-01-15", "交接验收");
  attach (f, id, "survey.txt");
  attach (f, id, "drawings.txt");
  display_test_spin (50);

  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    g_assert_cmpuint (count_reloads (sections[i]), ==, reloads[i]);

  gtk_widget_set_visible (f->box, TRUE);
  display_test_spin (50);

  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    g_assert_cmpuint (count_reloads (sections[i]), ==, reloads[i] + 1);
  g_assert_nonnull (find_row (GTK_WIDGET (f->key_dates), "End: 2028-04-01"));
  g_assert_nonnull (find_row (GTK_WIDGET (f->key_dates), "Milestone: 2027-01-15 · 交接验收"));
  g_assert_nonnull (find_row (GTK_WIDGET (f->attachments), "survey.txt"));
  g_assert_nonnull (find_row (GTK_WIDGET (f->attachments), "drawings.txt"));
  g_assert_cmpuint (count_entries (GTK_WIDGET (f->history)), ==, entries + 4);
  g_free (display_test_save_screenshot (GTK_WIDGET (f->window), "contract-sections-shown-again"));
}

int
main (int   argc,
      char *argv[])
{
  display_test_init (&argc, &argv);

  g_test_add ("/contract-sections/import-reloads-each", Fixture, NULL, fixture_set_up,
              test_import_reloads_each, fixture_tear_down);
  g_test_add ("/contract-sections/fields-saved-keep-files", Fixture, NULL, fixture_set_up,
              test_fields_saved_keep_files, fixture_tear_down);
  g_test_add ("/contract-sections/other-contract-ignored", Fixture, NULL, fixture_set_up,
              test_other_contract_ignored, fixture_tear_down);
  g_test_add ("/contract-sections/hidden-reloads-once-when-shown", Fixture, NULL, fixture_set_up,
              test_hidden_reloads_once_when_shown, fixture_tear_down);

  return g_test_run ();
}
