/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "display-test-utils.h"
#include "signet-clients-window.h"
#include "signet-exchange-rates-dialog.h"
#include "signet-people-window.h"
#include "signet-preferences-window.h"
#include "pg-test-server.h"
#include "signet-contract-page.h"
#include "signet-original-section.h"
#include "signet-store-originals.h"
#include "signet-store-team.h"
#include "signet-window.h"

/* A window on a team register offers only what its user may write: as a
 * reader the form's fields, its Confidential switch, Save, Delete, New
 * Contract and the sections' actions are insensitive; as an editor they
 * are not, and the Confidential switch saves the mark; an archivist edits
 * no contract but records the paper original and lends it; clients are
 * an editor's, people, types and routes an administrator's. The register
 * is on the tests' own PostgreSQL server, set up by
 * signet_store_setup_team(), each user logging in as themselves; a
 * register in a file opened read-only is offered as to a reader. */

typedef struct
{
  char           *uri;      /* the register's owner */
  SignetStore    *admin;
  SignetContract *contract;
  SignetStore    *store;    /* the window's, as the user of the case */
  GtkWidget      *window;
  GtkWidget      *page;
} Fixture;

/* @uri with the login @user instead of its own. */
static char *
uri_as (const char *uri,
        const char *user)
{
  const char *start = strstr (uri, "user=");
  const char *end;

  g_assert_nonnull (start);
  end = strchr (start, '&');

  return g_strdup_printf ("%.*suser=%s%s", (int) (start - uri), uri, user, end != NULL ? end : "");
}

static void
add_user (Fixture         *f,
          const char      *db_user,
          SignetStoreRole  role,
          const char      *person)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (signet_store_add_team_user (f->admin, db_user, role, person, "法务部", &error));
  g_assert_no_error (error);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(SignetClient) client = NULL;
  g_autoptr(GError) error = NULL;

  display_test_reset_settings ();
  f->uri = pg_test_server_new_database ("access");
  g_assert_true (signet_store_setup_team (f->uri, &error));
  g_assert_no_error (error);
  f->admin = signet_store_open (f->uri, SIGNET_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);

  add_user (f, "rita", SIGNET_STORE_ROLE_READER, "李娜");
  add_user (f, "eddie", SIGNET_STORE_ROLE_EDITOR, "张伟");
  add_user (f, "abe", SIGNET_STORE_ROLE_APPROVER, "赵敏");
  add_user (f, "archie", SIGNET_STORE_ROLE_ARCHIVIST, "王芳");

  /* Of no department: every user sees it. Owned by the editor, who still
   * sees it once it is confidential (the server refuses a change that
   * would hide a contract from the one making it). */
  client = display_test_add_client (f->admin, "Contoso", "C001");
  f->contract = display_test_add_draft_contract (f->admin, client, "HT-2026-0042", "Cleaning services", 100000);
  signet_contract_set_owner (f->contract, "张伟");
  g_assert_true (signet_store_update_contract (f->admin, f->contract, &error));
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  display_test_destroy_windows ();
  g_clear_object (&f->store);
  g_clear_object (&f->contract);
  g_clear_object (&f->admin);
  g_free (f->uri);
}


static void show_contract (Fixture *f);

/* A window on the register as @user, showing the contract. */
static void
open_as (Fixture    *f,
         const char *user)
{
  g_autofree char *uri = uri_as (f->uri, user);
  g_autoptr(GError) error = NULL;

  f->store = signet_store_open (uri, SIGNET_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  show_contract (f);
}

/* A window on f->store, showing the contract. */
static void
show_contract (Fixture *f)
{
  f->window = GTK_WIDGET (signet_window_new (NULL, f->store, NULL));
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1000, 800);
  display_test_show (GTK_WINDOW (f->window));
  signet_window_open_contract (SIGNET_WINDOW (f->window), signet_contract_get_id (f->contract));
  display_test_spin (200);
  f->page = display_test_find_type (f->window, SIGNET_TYPE_CONTRACT_PAGE);
  g_assert_nonnull (f->page);
}

/* The first widget under @root bound to @action. */
static GtkWidget *
find_actionable (GtkWidget  *root,
                 const char *action)
{
  if (GTK_IS_ACTIONABLE (root) && g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (root)), action) == 0)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_actionable (child, action);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static gboolean
action_sensitive (Fixture    *f,
                  const char *action)
{
  GtkWidget *widget = find_actionable (f->window, action);

  g_test_message ("%s", action);
  g_assert_nonnull (widget);

  return gtk_widget_get_sensitive (widget);
}

/* Whether @action is sensitive in the dialog @dialog, shown over the
 * window, makes of the window's store. */
static gboolean
dialog_action_sensitive (Fixture   *f,
                         AdwDialog *dialog,
                         const char *action)
{
  GtkWidget *widget;
  gboolean sensitive;

  adw_dialog_present (dialog, f->window);
  display_test_spin (100);
  widget = find_actionable (GTK_WIDGET (dialog), action);
  g_test_message ("%s", action);
  g_assert_nonnull (widget);
  sensitive = gtk_widget_get_sensitive (widget);
  adw_dialog_force_close (dialog);
  display_test_spin (50);

  return sensitive;
}

/* Clients are an editor's to change; people, contract types, approval
 * routes and exchange rates an administrator's. */
static void
assert_dialogs (Fixture  *f,
                gboolean  clients,
                gboolean  settings)
{
  AdwDialog *dialog = signet_clients_window_new (f->store);
  GtkWidget *field;

  /* A client's fields are shown; only an editor may type in them. */
  adw_dialog_present (dialog, f->window);
  display_test_spin (100);
  field = display_test_find_accessible (GTK_WIDGET (dialog), _("Code"));
  g_assert_nonnull (field);
  g_assert_cmpint (gtk_widget_is_sensitive (field), ==, clients);
  adw_dialog_force_close (dialog);
  display_test_spin (50);

  g_assert_cmpint (dialog_action_sensitive (f, signet_clients_window_new (f->store), "client.add"), ==, clients);
  g_assert_cmpint (dialog_action_sensitive (f, signet_people_window_new (f->store), "person.add"), ==, settings);
  g_assert_cmpint (dialog_action_sensitive (f, signet_preferences_window_new (f->store), "types.add"), ==, settings);
  g_assert_cmpint (dialog_action_sensitive (f, signet_preferences_window_new (f->store), "approvals.add-route"), ==,
                   settings);
  g_assert_cmpint (dialog_action_sensitive (f, signet_exchange_rates_dialog_new (f->store), "rates.set"), ==, settings);
}

static GtkWidget *
confidential_row (Fixture *f)
{
  GtkWidget *row = display_test_find_row (f->page, ADW_TYPE_SWITCH_ROW, _("Confidential"));

  g_assert_nonnull (row);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==,
                   _("On a team register, only the people named on this contract can see it"));

  return row;
}

/* The writing actions a contract's editor has, and a reader has not. */
static const char * const contract_writes[] = {
  "win.new-contract", "key-dates.add", "key-dates.reminders", "process.submit", "original.edit",
};

static void
test_reader (Fixture       *f,
             gconstpointer  data)
{
  open_as (f, "rita");
  g_assert_cmpint (signet_store_get_role (f->store), ==, SIGNET_STORE_ROLE_READER);
  g_assert_false (signet_store_can_edit (f->store));

  /* The contract is shown, and nothing of it may be changed. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (display_test_find_form_field (f->page, _("Title")))), ==,
                   "Cleaning services");
  g_assert_false (gtk_widget_is_sensitive (display_test_find_form_field (f->page, _("Title"))));
  g_assert_false (gtk_widget_is_sensitive (display_test_find_form_field (f->page, _("Notes"))));
  g_assert_false (gtk_widget_is_sensitive (confidential_row (f)));
  g_assert_false (action_sensitive (f, "contract.delete"));
  g_assert_false (action_sensitive (f, "contract.save"));
  for (guint i = 0; i < G_N_ELEMENTS (contract_writes); i++)
    g_assert_false (action_sensitive (f, contract_writes[i]));
  /* Reading stays: the list of clients opens. */
  g_assert_true (action_sensitive (f, "win.clients"));
  assert_dialogs (f, FALSE, FALSE);
}

static void
test_editor (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(SignetContract) stored = NULL;
  GtkWidget *row;

  open_as (f, "eddie");
  g_assert_true (signet_store_can_edit (f->store));

  g_assert_true (gtk_widget_is_sensitive (display_test_find_form_field (f->page, _("Title"))));
  g_assert_true (action_sensitive (f, "contract.delete"));
  for (guint i = 0; i < G_N_ELEMENTS (contract_writes); i++)
    g_assert_true (action_sensitive (f, contract_writes[i]));
  assert_dialogs (f, TRUE, FALSE);

  /* The switch marks the contract confidential, and Save stores it. */
  row = confidential_row (f);
  g_assert_true (gtk_widget_is_sensitive (row));
  g_assert_false (adw_switch_row_get_active (ADW_SWITCH_ROW (row)));
  g_assert_false (action_sensitive (f, "contract.save"));
  adw_switch_row_set_active (ADW_SWITCH_ROW (row), TRUE);
  g_assert_true (signet_contract_page_get_dirty (SIGNET_CONTRACT_PAGE (f->page)));
  g_assert_true (action_sensitive (f, "contract.save"));
  g_assert_true (gtk_widget_activate_action (f->window, "contract.save", NULL));
  display_test_spin (200);
  g_assert_false (signet_contract_page_get_dirty (SIGNET_CONTRACT_PAGE (f->page)));

  stored = signet_store_get_contract (f->admin, signet_contract_get_id (f->contract), NULL);
  g_assert_nonnull (stored);
  g_assert_true (signet_contract_get_confidential (stored));
  g_assert_true (adw_switch_row_get_active (ADW_SWITCH_ROW (confidential_row (f))));
}

/* An approver edits contracts too: they hold an editor's rights, and
 * decide the steps named for them. */
static void
test_approver (Fixture       *f,
               gconstpointer  data)
{
  open_as (f, "abe");
  g_assert_cmpint (signet_store_get_role (f->store), ==, SIGNET_STORE_ROLE_APPROVER);
  g_assert_true (signet_store_can_edit (f->store));
  g_assert_true (gtk_widget_is_sensitive (display_test_find_form_field (f->page, _("Title"))));
  for (guint i = 0; i < G_N_ELEMENTS (contract_writes); i++)
    g_assert_true (action_sensitive (f, contract_writes[i]));
}

static void
set_field (AdwAlertDialog *dialog,
           const char     *name,
           const char     *text)
{
  GtkWidget *field = display_test_find_accessible (GTK_WIDGET (dialog), name);

  g_test_message ("%s", name);
  g_assert_nonnull (field);
  gtk_editable_set_text (GTK_EDITABLE (field), text);
}

/* The archivist changes no contract, but records its paper original and
 * lends it, through the section's dialogs; the server takes both. */
static void
test_archivist (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(SignetOriginal) original = NULL;
  g_autoptr(SignetLoan) loan = NULL;
  AdwAlertDialog *dialog;
  GtkWidget *section;
  GtkWidget *borrower;

  open_as (f, "archie");
  g_assert_cmpint (signet_store_get_role (f->store), ==, SIGNET_STORE_ROLE_ARCHIVIST);
  g_assert_false (signet_store_can_edit (f->store));

  g_assert_false (gtk_widget_is_sensitive (display_test_find_form_field (f->page, _("Title"))));
  g_assert_false (gtk_widget_is_sensitive (confidential_row (f)));
  g_assert_false (action_sensitive (f, "contract.delete"));
  g_assert_false (action_sensitive (f, "win.new-contract"));
  g_assert_false (action_sensitive (f, "key-dates.add"));
  g_assert_false (action_sensitive (f, "process.submit"));
  g_assert_true (action_sensitive (f, "original.edit"));
  assert_dialogs (f, FALSE, FALSE);

  section = display_test_find_type (f->page, SIGNET_TYPE_ORIGINAL_SECTION);
  g_assert_nonnull (section);
  g_assert_true (gtk_widget_activate_action (section, "original.edit", NULL));
  g_assert_true (display_test_wait_for (display_test_alert_shown, NULL));
  dialog = display_test_find_alert_dialog ();
  set_field (dialog, _("Archive Number"), "DA-2026-017");
  set_field (dialog, _("Room"), "3");
  display_test_respond ("save");
  display_test_spin (200);
  original = signet_store_get_original (f->admin, signet_contract_get_id (f->contract), NULL);
  g_assert_nonnull (original);
  g_assert_cmpstr (original->archive_number, ==, "DA-2026-017");

  g_assert_true (action_sensitive (f, "original.lend"));
  g_assert_true (gtk_widget_activate_action (section, "original.lend", NULL));
  g_assert_true (display_test_wait_for (display_test_alert_shown, NULL));
  dialog = display_test_find_alert_dialog ();
  borrower = display_test_find_row (GTK_WIDGET (dialog), ADW_TYPE_COMBO_ROW, _("Borrower"));
  g_assert_nonnull (borrower);
  adw_combo_row_set_selected (ADW_COMBO_ROW (borrower), 1);
  set_field (dialog, _("Purpose"), "诉讼取证");
  g_assert_true (adw_alert_dialog_get_response_enabled (dialog, "lend"));
  display_test_respond ("lend");
  display_test_spin (200);

  loan = signet_store_get_open_loan (f->admin, signet_contract_get_id (f->contract), NULL);
  g_assert_nonnull (loan);
  g_assert_cmpstr (loan->purpose, ==, "诉讼取证");
  g_assert_true (action_sensitive (f, "original.return"));
}

/* The register's owner, an administrator, changes its settings too. */
static void
test_administrator (Fixture       *f,
                    gconstpointer  data)
{
  f->store = g_object_ref (f->admin);
  f->window = GTK_WIDGET (signet_window_new (NULL, f->store, NULL));
  display_test_show (GTK_WINDOW (f->window));
  display_test_spin (100);
  g_assert_true (signet_store_can_edit_settings (f->store));
  assert_dialogs (f, TRUE, TRUE);
}

/* A register in a file is its one user's to change, unless opened
 * read-only: then its window offers no more than a reader's. */
static void
test_read_only_file (void)
{
  g_autoptr(SignetStore) file = display_test_new_store ();
  g_autoptr(SignetClient) client = display_test_add_client (file, "Contoso", "C001");
  g_autoptr(GError) error = NULL;
  Fixture f = { 0, };

  f.contract = display_test_add_draft_contract (file, client, "HT-2026-0042", "Cleaning services", 100000);
  g_assert_true (signet_store_can_edit (file));
  g_assert_true (signet_store_can_edit_settings (file));

  f.store = signet_store_open (signet_store_get_path (file), SIGNET_STORE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_false (signet_store_can_edit (f.store));
  g_assert_false (signet_store_can_edit_settings (f.store));
  show_contract (&f);

  g_assert_false (gtk_widget_is_sensitive (display_test_find_form_field (f.page, _("Title"))));
  g_assert_false (gtk_widget_is_sensitive (confidential_row (&f)));
  g_assert_false (action_sensitive (&f, "contract.delete"));
  for (guint i = 0; i < G_N_ELEMENTS (contract_writes); i++)
    g_assert_false (action_sensitive (&f, contract_writes[i]));
  assert_dialogs (&f, FALSE, FALSE);

  display_test_destroy_windows ();
  g_clear_object (&f.store);
  g_clear_object (&f.contract);
}

int
main (int    argc,
      char **argv)
{
  display_test_init (&argc, &argv);
  display_test_bind_build_catalog ();

  g_test_add ("/team-access/reader", Fixture, NULL, fixture_set_up, test_reader, fixture_tear_down);
  g_test_add ("/team-access/editor", Fixture, NULL, fixture_set_up, test_editor, fixture_tear_down);
  g_test_add ("/team-access/approver", Fixture, NULL, fixture_set_up, test_approver, fixture_tear_down);
  g_test_add ("/team-access/archivist", Fixture, NULL, fixture_set_up, test_archivist, fixture_tear_down);
  g_test_add_func ("/team-access/read-only-file", test_read_only_file);
  g_test_add ("/team-access/administrator", Fixture, NULL, fixture_set_up, test_administrator, fixture_tear_down);

  return g_test_run ();
}
