/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "display-test-utils.h"
#include "signet-attachments-section.h"
#include "signet-history-section.h"
#include "signet-key-dates-section.h"
#include "signet-store-attachments.h"
#include "signet-store-events.h"
#include "signet-undo.h"

/* The three sections of a contract's page, key dates, attachments and
 * history, as the page stacks them, each following its contract in the
 * store by itself (SignetContractSection): an import reloads each, a
 * change reloads only the sections that show it, once, the user's own
 * included, a change to another contract none, and a section that is
 * hidden catches up once, when it is shown again. What a user would lose to a needless reload shows it: an
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

/* What one action of the user costs a section: the reloads its class made
 * (the base class's "reloads") and the rows it built meanwhile. The rows
 * count any rebuild, also one a section would make of its own accord
 * after its own write, which "reloads" does not see. */
typedef struct
{
  SignetContractSection *section;
  guint                  reloads;
  /* The rows of the section's (first) list as they come and go. */
  GListModel            *rows;
  guint                  rows_built;
} Cost;

static void
rows_changed_cb (GListModel *rows,
                 guint       position,
                 guint       removed,
                 guint       added,
                 Cost       *cost)
{
  cost->rows_built += added;
}

static void
costs_start (Fixture *f,
             Cost     costs[3])
{
  SignetContractSection *sections[] = { f->key_dates, f->attachments, f->history };

  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    {
      GtkWidget *list = display_test_find_type (GTK_WIDGET (sections[i]), GTK_TYPE_LIST_BOX);

      g_assert_nonnull (list);
      costs[i] = (Cost) { sections[i], count_reloads (sections[i]), gtk_widget_observe_children (list), 0 };
      g_signal_connect (costs[i].rows, "items-changed", G_CALLBACK (rows_changed_cb), &costs[i]);
    }
}

/* The action reloaded the key dates, the attachments and the history as
 * many times as said (0 or 1): a reload builds every row it lists. */
static void
costs_end (Cost  costs[3],
           guint key_dates,
           guint attachments,
           guint history)
{
  const guint expected[] = { key_dates, attachments, history };

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      guint n_rows = g_list_model_get_n_items (costs[i].rows);

      g_assert_cmpuint (n_rows, >, 0);
      g_assert_cmpuint (count_reloads (costs[i].section) - costs[i].reloads, ==, expected[i]);
      g_assert_cmpuint (costs[i].rows_built, ==, expected[i] * n_rows);
      g_signal_handlers_disconnect_by_data (costs[i].rows, &costs[i]);
      g_clear_object (&costs[i].rows);
    }
}

static void
set_field (AdwAlertDialog *dialog,
           const char     *name,
           const char     *text)
{
  GtkWidget *field = display_test_find_accessible (GTK_WIDGET (dialog), name);

  g_assert_true (GTK_IS_EDITABLE (field));
  gtk_editable_set_text (GTK_EDITABLE (field), text);
}

/* Opens the dialog of @action of @section, types @text into its field
 * @name and answers @response. */
static void
answer_dialog (SignetContractSection *section,
               const char            *action,
               GVariant              *target,
               const char            *name,
               const char            *text,
               const char            *response)
{
  AdwAlertDialog *dialog;

  g_assert_true (gtk_widget_activate_action_variant (GTK_WIDGET (section), action, target));
  dialog = display_test_find_alert_dialog ();
  g_assert_nonnull (dialog);
  if (name != NULL)
    set_field (dialog, name, text);
  display_test_respond (response);
}

/* Whether a visible label under @root shows @text among other words. */
static gboolean
shows_text (GtkWidget  *root,
            const char *text)
{
  if (GTK_IS_LABEL (root) && gtk_widget_is_visible (root) && strstr (gtk_label_get_text (GTK_LABEL (root)), text))
    return TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    if (shows_text (child, text))
      return TRUE;

  return FALSE;
}

static gboolean
has_two_files (gpointer data)
{
  return signet_attachments_section_get_n_attachments (data) == 2;
}

/* What a user does on the sections (adds, deletes and undoes, records,
 * describes, attaches) reloads each section that shows it exactly once,
 * the one the user works in included: the store tells it of its own
 * writes as of anyone's. A second reload would show the same rows, so no
 * user would see it, but it costs the section a second read of the
 * register and a second build of its rows on every action: counting is
 * the only way to tell. A write refused, or one that changes nothing,
 * reloads nothing and the sections still show what is stored. The focus
 * goes back where it was when a dialog closes, or stays in the list when
 * its row is deleted, and a file attached leaves the page scrolled where
 * it was. */
static void
test_own_writes_reload_once (Fixture       *f,
                             gconstpointer  data)
{
  gint64 id = signet_contract_get_id (f->contract);
  SignetUndo *undo = signet_undo_get (GTK_WIDGET (f->key_dates));
  g_autofree char *dir = g_dir_make_tmp ("signet-sections-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "drawings.txt", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  GSList files = { file, NULL };
  g_autoptr(GPtrArray) attachments = NULL;
  GtkWidget *add_button;
  GtkWidget *delete_button;
  GtkAdjustment *scrolled;
  double scroll_to;
  gint64 attachment_id;
  Cost costs[3];

  attach (f, id, "survey.txt");
  display_test_spin (50);

  add_button = display_test_find_button (GTK_WIDGET (f->key_dates), "Add Key Date…");
  g_assert_nonnull (add_button);
  g_assert_true (gtk_widget_grab_focus (add_button));
  costs_start (f, costs);
  answer_dialog (f->key_dates, "key-dates.add", NULL, "Date", "2027-01-15", "add");
  /* Refused by the store (a key date needs a title): it says why. */
  g_assert_nonnull (display_test_find_alert_dialog ());
  display_test_respond ("close");
  costs_end (costs, 0, 0, 0);
  g_assert_null (find_row (GTK_WIDGET (f->key_dates), "Milestone: 2027-01-15 · 交接验收"));

  costs_start (f, costs);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->key_dates), "key-dates.add", NULL));
  set_field (display_test_find_alert_dialog (), "Date", "2027-01-15");
  set_field (display_test_find_alert_dialog (), "Title", "交接验收");
  display_test_respond ("add");
  costs_end (costs, 1, 0, 1);
  g_assert_nonnull (find_row (GTK_WIDGET (f->key_dates), "Milestone: 2027-01-15 · 交接验收"));
  g_assert_true (gtk_root_get_focus (GTK_ROOT (f->window)) == add_button);

  costs_start (f, costs);
  answer_dialog (f->key_dates, "key-dates.record-review", NULL, "Date of the review", "2026-11-20", "record");
  costs_end (costs, 1, 0, 1);
  g_assert_true (shows_text (GTK_WIDGET (f->key_dates), "1 review recorded; the last on 2026-11-20"));

  costs_start (f, costs);
  answer_dialog (f->key_dates, "key-dates.reminders", NULL, "Days before the end date", "60 14", "save");
  costs_end (costs, 1, 0, 1);
  g_assert_true (shows_text (GTK_WIDGET (f->key_dates), "Reminders of this contract"));

  /* Its delete button, clicked, goes with its row: the focus stays in
   * the list. */
  delete_button = display_test_find_accessible (GTK_WIDGET (f->key_dates), "Delete 交接验收");
  g_assert_true (GTK_IS_BUTTON (delete_button));
  g_assert_true (gtk_widget_grab_focus (delete_button));
  costs_start (f, costs);
  g_signal_emit_by_name (delete_button, "clicked");
  costs_end (costs, 1, 0, 1);
  g_assert_null (find_row (GTK_WIDGET (f->key_dates), "Milestone: 2027-01-15 · 交接验收"));
  display_test_spin (50);
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (f->window)), GTK_WIDGET (f->key_dates)));

  costs_start (f, costs);
  signet_undo_undo (undo, NULL);
  costs_end (costs, 1, 0, 1);
  g_assert_nonnull (find_row (GTK_WIDGET (f->key_dates), "Milestone: 2027-01-15 · 交接验收"));

  /* The History lists its newest entries and a row for the rest: listed
   * all, the page is taller than the window. */
  g_signal_emit_by_name (display_test_find_type (GTK_WIDGET (f->history), ADW_TYPE_BUTTON_ROW), "activated");
  display_test_spin (50);

  /* A file dropped on the page scrolled down to the files: the page
   * stays where it is. */
  scrolled = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (display_test_find_type (GTK_WIDGET (f->window),
                                                                                               GTK_TYPE_SCROLLED_WINDOW)));
  scroll_to = (gtk_adjustment_get_upper (scrolled) - gtk_adjustment_get_page_size (scrolled)) / 2;
  g_assert_cmpfloat (scroll_to, >, 20);
  gtk_adjustment_set_value (scrolled, scroll_to);
  display_test_spin (50);
  g_assert_true (g_file_set_contents (path, "Drawings, rev. A.\n", -1, NULL));
  costs_start (f, costs);
  signet_attachments_section_add_files (SIGNET_ATTACHMENTS_SECTION (f->attachments), &files);
  g_assert_true (display_test_wait_for (has_two_files, f->attachments));
  costs_end (costs, 0, 1, 1);
  g_assert_nonnull (find_row (GTK_WIDGET (f->attachments), "drawings.txt"));
  display_test_spin (50);
  g_assert_cmpfloat (gtk_adjustment_get_value (scrolled), ==, scroll_to);

  attachments = signet_store_list_attachments (f->store, id, NULL);
  attachment_id = signet_attachment_get_id (g_ptr_array_index (attachments, 1));
  costs_start (f, costs);
  answer_dialog (f->attachments, "attachment.edit", g_variant_new_int64 (attachment_id),
                 "Description", "Site drawings", "save");
  costs_end (costs, 0, 1, 1);
  g_assert_true (shows_text (GTK_WIDGET (f->attachments), "Site drawings\n"));

  /* Saved as it was: nothing is written. */
  costs_start (f, costs);
  answer_dialog (f->attachments, "attachment.edit", g_variant_new_int64 (attachment_id), NULL, NULL, "save");
  costs_end (costs, 0, 0, 0);
  g_assert_true (shows_text (GTK_WIDGET (f->attachments), "Site drawings\n"));

  costs_start (f, costs);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->attachments), "attachment.delete", "x", attachment_id));
  costs_end (costs, 0, 1, 1);
  g_assert_null (find_row (GTK_WIDGET (f->attachments), "drawings.txt"));

  costs_start (f, costs);
  signet_undo_undo (undo, NULL);
  costs_end (costs, 0, 1, 1);
  g_assert_nonnull (find_row (GTK_WIDGET (f->attachments), "drawings.txt"));
  display_test_spin (100);
  g_free (display_test_save_screenshot (GTK_WIDGET (f->window), "contract-sections-own-writes"));

  g_assert_cmpint (g_remove (path), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
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
  g_test_add ("/contract-sections/own-writes-reload-once", Fixture, NULL, fixture_set_up,
              test_own_writes_reload_once, fixture_tear_down);

  return g_test_run ();
}
