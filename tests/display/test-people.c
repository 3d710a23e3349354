/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "test-people"

#include "config.h"

#include "display-test-utils.h"
#include "signet-contract-page.h"
#include "signet-owner-row.h"
#include "signet-people-window.h"
#include "signet-store-people.h"
#include "signet-undo.h"
#include "signet-window.h"

/* The People dialog (add, edit, delete with Undo, a refusal), and the
 * Owner of the contract form, a choice of the people that saves the
 * reference and follows a rename at once. */

typedef struct
{
  SignetStore    *store;
  SignetClient   *client;
  SignetContract *contract;
  GtkWidget      *window;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(SignetContract) other = NULL;
  g_autoptr(SignetPerson) li = signet_person_new ();

  display_test_reset_settings ();
  f->store = display_test_new_store ();
  f->client = display_test_add_client (f->store, "北京华信科技有限公司", "HX");
  f->contract = display_test_add_contract (f->store, f->client, "HT-2026-0001", "Office lease", 100);
  signet_contract_set_owner (f->contract, "张伟");
  g_assert_true (signet_store_update_contract (f->store, f->contract, NULL));
  other = display_test_add_contract (f->store, f->client, "HT-2026-0002", "Cleaning", 100);
  signet_contract_set_owner (other, " 张伟 ");
  g_assert_true (signet_store_update_contract (f->store, other, NULL));
  signet_person_set_name (li, "Li Na");
  g_assert_true (signet_store_add_person (f->store, li, NULL));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  display_test_destroy_windows ();
  g_clear_object (&f->contract);
  g_clear_object (&f->client);
  g_clear_object (&f->store);
}

static GtkListBoxRow *
find_person_row (GtkWidget  *root,
                 const char *name)
{
  GtkListBox *list_box = GTK_LIST_BOX (display_test_find_type (root, GTK_TYPE_LIST_BOX));
  GtkListBoxRow *row;

  for (int i = 0; (row = gtk_list_box_get_row_at_index (list_box, i)) != NULL; i++)
    if (g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), name) == 0)
      return row;

  return NULL;
}

static void
open_person (GtkWidget  *dialog,
             const char *name)
{
  GtkListBoxRow *row = find_person_row (dialog, name);

  g_assert_nonnull (row);
  g_signal_emit_by_name (gtk_widget_get_parent (GTK_WIDGET (row)), "row-activated", row);
  display_test_spin (20);
}

static GtkEditable *
field (GtkWidget  *dialog,
       const char *name)
{
  GtkWidget *widget = display_test_find_form_field (dialog, name);

  g_assert_nonnull (widget);

  return GTK_EDITABLE (widget);
}

static void
activate (GtkWidget  *dialog,
          const char *action)
{
  g_assert_true (gtk_widget_activate_action (dialog, action, NULL));
  display_test_spin (20);
}

static SignetPerson *
find_person (Fixture    *f,
             const char *name)
{
  g_autoptr(GError) error = NULL;
  SignetPerson *person = signet_store_find_person (f->store, name, &error);

  g_assert_no_error (error);

  return person;
}

/* Add (an email that is none refused at its field), edit, delete with
 * Undo, and a person who owns contracts kept, with the reason. */
static void
test_dialog (Fixture       *f,
             gconstpointer  data)
{
  GtkWidget *dialog = GTK_WIDGET (signet_people_window_new (f->store));
  g_autoptr(SignetPerson) wang = NULL;
  g_autoptr(SignetPerson) zhang = NULL;
  g_autoptr(SignetPerson) li = NULL;
  g_autoptr(SignetContract) stored = NULL;
  GtkWidget *email;
  AdwAlertDialog *alert;

  display_test_present_dialog (ADW_DIALOG (dialog), 1200, 760);

  /* The migrated owner is there once, beside the person added. */
  g_assert_nonnull (find_person_row (dialog, "张伟"));
  g_assert_nonnull (find_person_row (dialog, "Li Na"));
  g_assert_true (display_test_shows_visible_label (dialog, "No Person Selected"));

  activate (dialog, "person.add");
  gtk_editable_set_text (field (dialog, "Name"), "王芳");
  gtk_editable_set_text (field (dialog, "Department"), "法务部");
  gtk_editable_set_text (field (dialog, "Email"), "wang fang");
  activate (dialog, "person.save");
  email = GTK_WIDGET (field (dialog, "Email"));
  g_assert_true (gtk_widget_has_css_class (email, "error"));
  g_assert_true (display_test_shows_visible_label (dialog, "“wang fang” is not an email address."));
  g_assert_null (find_person (f, "王芳"));

  gtk_editable_set_text (field (dialog, "Email"), "wang.fang@example.com");
  g_assert_false (gtk_widget_has_css_class (email, "error"));
  activate (dialog, "person.save");
  wang = find_person (f, "王芳");
  g_assert_nonnull (wang);
  g_assert_cmpstr (signet_person_get_department (wang), ==, "法务部");
  g_assert_nonnull (find_person_row (dialog, "王芳"));

  /* A rename shows in the list, the contracts and what search finds. */
  open_person (dialog, "张伟");
  g_assert_true (display_test_shows_visible_label (dialog, "Owns 2 contracts."));
  gtk_editable_set_text (field (dialog, "Name"), "张伟民");
  gtk_editable_set_text (field (dialog, "Role"), "法务顾问");
  activate (dialog, "person.save");
  g_assert_nonnull (find_person_row (dialog, "张伟民"));
  g_assert_null (find_person_row (dialog, "张伟"));
  stored = signet_store_get_contract (f->store, signet_contract_get_id (f->contract), NULL);
  g_assert_cmpstr (signet_contract_get_owner (stored), ==, "张伟民");

  /* Owning contracts, the person stays; the alert says why. */
  activate (dialog, "person.delete");
  g_assert_true (display_test_wait_for (display_test_alert_shown, NULL));
  alert = display_test_find_alert_dialog ();
  g_assert_cmpstr (adw_alert_dialog_get_heading (alert), ==, "Cannot Delete the Person");
  g_assert_cmpstr (adw_alert_dialog_get_body (alert), ==,
                   "“张伟民” owns 2 contracts. Give them another owner before deleting this person.");
  display_test_respond ("close");
  zhang = find_person (f, "张伟民");
  g_assert_nonnull (zhang);

  /* Owning none, the person goes, and Undo brings them back. */
  open_person (dialog, "Li Na");
  activate (dialog, "person.delete");
  g_assert_null (find_person_row (dialog, "Li Na"));
  li = find_person (f, "Li Na");
  g_assert_null (li);
  g_assert_true (signet_undo_get_can_undo (signet_undo_get (dialog)));
  signet_undo_undo (signet_undo_get (dialog), dialog);
  display_test_spin (20);
  li = find_person (f, "Li Na");
  g_assert_nonnull (li);
  g_assert_nonnull (find_person_row (dialog, "Li Na"));

  /* Edits are not lost by opening another person or closing: Discard
   * drops them, Cancel stays. */
  open_person (dialog, "王芳");
  gtk_editable_set_text (field (dialog, "Role"), "法务总监");
  open_person (dialog, "Li Na");
  g_assert_true (display_test_wait_for (display_test_alert_shown, NULL));
  display_test_respond ("cancel");
  g_assert_cmpstr (gtk_editable_get_text (field (dialog, "Role")), ==, "法务总监");
  g_assert_false (adw_dialog_close (ADW_DIALOG (dialog)));
  g_assert_true (display_test_wait_for (display_test_alert_shown, NULL));
  display_test_respond ("discard");
  g_clear_object (&wang);
  wang = find_person (f, "王芳");
  g_assert_null (signet_person_get_role (wang));
  dialog = GTK_WIDGET (signet_people_window_new (f->store));
  display_test_present_dialog (ADW_DIALOG (dialog), 1200, 760);

  /* Search, by pinyin too. */
  gtk_editable_set_text (GTK_EDITABLE (display_test_find_type (dialog, GTK_TYPE_SEARCH_ENTRY)), "wangfang");
  display_test_spin (300);
  g_assert_nonnull (find_person_row (dialog, "王芳"));
  g_assert_null (find_person_row (dialog, "Li Na"));
}

static SignetOwnerRow *
owner_row (Fixture *f)
{
  GtkWidget *row = display_test_find_type (f->window, SIGNET_TYPE_OWNER_ROW);

  g_assert_nonnull (row);

  return SIGNET_OWNER_ROW (row);
}

/* The Owner is chosen from the people: it saves the reference, shows the
 * name, and a rename elsewhere shows at once without making the form
 * edited. */
static void
test_owner_picker (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(SignetPerson) li = find_person (f, "Li Na");
  g_autoptr(SignetPerson) zhang = find_person (f, "张伟");
  g_autoptr(SignetContract) stored = NULL;
  SignetContractPage *page;
  GListModel *choices;
  guint position = GTK_INVALID_LIST_POSITION;

  f->window = GTK_WIDGET (signet_window_new (NULL, f->store, NULL));
  display_test_show (GTK_WINDOW (f->window));
  display_test_select_contract (f->window, f->contract);
  page = SIGNET_CONTRACT_PAGE (display_test_find_type (f->window, SIGNET_TYPE_CONTRACT_PAGE));

  g_assert_cmpstr (signet_owner_row_get_owner (owner_row (f)), ==, "张伟");
  g_assert_nonnull (display_test_find_accessible (f->window, "New Person…"));

  /* "None", then the people in their order. */
  choices = adw_combo_row_get_model (ADW_COMBO_ROW (owner_row (f)));
  g_assert_cmpuint (g_list_model_get_n_items (choices), ==, 3);
  for (guint i = 0; i < g_list_model_get_n_items (choices); i++)
    {
      g_autoptr(SignetPerson) person = g_list_model_get_item (choices, i);

      if (signet_person_get_id (person) == signet_person_get_id (li))
        position = i;
    }
  g_assert_cmpuint (position, !=, GTK_INVALID_LIST_POSITION);

  adw_combo_row_set_selected (ADW_COMBO_ROW (owner_row (f)), position);
  display_test_spin (20);
  g_assert_true (signet_contract_page_get_dirty (page));
  g_assert_true (gtk_widget_activate_action (f->window, "contract.save", NULL));
  display_test_spin (50);
  g_assert_false (signet_contract_page_get_dirty (page));
  stored = signet_store_get_contract (f->store, signet_contract_get_id (f->contract), NULL);
  g_assert_cmpstr (signet_contract_get_owner (stored), ==, "Li Na");
  g_assert_cmpuint (signet_store_count_person_contracts (f->store, signet_person_get_id (li)), ==, 1);
  g_assert_cmpuint (signet_store_count_person_contracts (f->store, signet_person_get_id (zhang)), ==, 1);

  /* Renamed (as in the People dialog): the page shows the new name and
   * is not edited. */
  signet_person_set_name (li, "李娜");
  g_assert_true (signet_store_update_person (f->store, li, NULL));
  display_test_spin (50);
  g_assert_cmpstr (signet_owner_row_get_owner (owner_row (f)), ==, "李娜");
  g_assert_true (display_test_shows_visible_label (GTK_WIDGET (owner_row (f)), "李娜"));
  g_free (display_test_save_screenshot (gtk_widget_get_parent (GTK_WIDGET (owner_row (f))), "people-owner-row"));
  g_assert_false (signet_contract_page_get_dirty (page));

  /* No owner. */
  adw_combo_row_set_selected (ADW_COMBO_ROW (owner_row (f)), 0);
  display_test_spin (20);
  g_assert_true (gtk_widget_activate_action (f->window, "contract.save", NULL));
  display_test_spin (50);
  g_clear_object (&stored);
  stored = signet_store_get_contract (f->store, signet_contract_get_id (f->contract), NULL);
  g_assert_null (signet_contract_get_owner (stored));
  g_assert_cmpuint (signet_store_count_person_contracts (f->store, signet_person_get_id (li)), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  display_test_init (&argc, &argv);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/people/dialog", test_dialog);
  ADD ("/people/owner-picker", test_owner_picker);
#undef ADD

  return g_test_run ();
}
