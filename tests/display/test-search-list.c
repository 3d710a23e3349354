/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "test-search-list"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "display-test-utils.h"
#include "signet-contract-list.h"
#include "signet-contract-page.h"
#include "signet-contract-table.h"
#include "signet-window.h"

/* The list under a search, as a user sees it: a row found through a field
 * that is not a column says where ("Owner: 李娜"), and the contract on the
 * page says when the search has filtered it out of the list. The strings
 * expected are the translated ones: run under LC_ALL=zh_CN.UTF-8 or
 * de_DE.UTF-8, the test passes as well and its screenshots
 * (search-owner.png, search-hidden-contract.png beside the binary) show
 * that language. */

typedef struct
{
  SignetStore  *store;
  SignetWindow *window;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(SignetClient) huadong = NULL;
  g_autoptr(SignetClient) contoso = NULL;
  g_autoptr(SignetContract) lease = NULL;
  g_autoptr(SignetContract) supply = NULL;
  g_autoptr(SignetContract) hosting = NULL;
  g_autoptr(GError) error = NULL;

  display_test_reset_settings ();

  fixture->store = display_test_new_store ();
  huadong = display_test_add_client (fixture->store, "上海华东建设工程有限公司", "HDJX");
  contoso = display_test_add_client (fixture->store, "Contoso GmbH", "C002");
  lease = display_test_add_contract (fixture->store, huadong, "HT-2026-0001", "办公场地租赁合同", 50000000);
  supply = display_test_add_contract (fixture->store, huadong, "HT-2026-0002", "原材料采购框架协议", 8000000);
  hosting = display_test_add_contract (fixture->store, contoso, "HT-2026-0003", "Cloud hosting", 990000);

  signet_contract_set_owner (lease, "李娜");
  signet_contract_set_department (supply, "采购部");
  g_assert_true (signet_store_update_contract (fixture->store, lease, &error));
  g_assert_true (signet_store_update_contract (fixture->store, supply, &error));
  g_assert_no_error (error);

  fixture->window = signet_window_new (NULL, fixture->store, NULL);
  display_test_show (GTK_WINDOW (fixture->window));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  display_test_destroy_windows ();
  g_clear_object (&fixture->store);
}

static SignetContractList *
contract_list (Fixture *fixture)
{
  GtkWidget *table = display_test_find_type (GTK_WIDGET (fixture->window), SIGNET_TYPE_CONTRACT_TABLE);

  return signet_contract_table_get_model (SIGNET_CONTRACT_TABLE (table));
}

typedef struct
{
  Fixture    *fixture;
  const char *search;
  guint       n_items;
} SearchWait;

static gboolean
search_applied (gpointer data)
{
  SearchWait *wait = data;
  SignetContractList *list = contract_list (wait->fixture);

  return g_strcmp0 (signet_contract_list_get_search (list), wait->search) == 0 &&
         g_list_model_get_n_items (G_LIST_MODEL (list)) == wait->n_items;
}

static void
search_for (Fixture    *fixture,
            const char *text,
            guint       n_items)
{
  GtkWidget *entry = display_test_find_type (GTK_WIDGET (fixture->window), GTK_TYPE_SEARCH_ENTRY);
  SearchWait wait = { fixture, *text != '\0' ? text : NULL, n_items };

  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  g_assert_true (display_test_wait_for (search_applied, &wait));
  display_test_spin (50);
}

/* Whether a label on screen under @root shows @text. */
static gboolean
label_showing (GtkWidget  *root,
               const char *text)
{
  if (GTK_IS_LABEL (root) && gtk_widget_get_mapped (root) && gtk_widget_get_child_visible (root) &&
      g_strcmp0 (gtk_label_get_text (GTK_LABEL (root)), text) == 0)
    return TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (label_showing (child, text))
      return TRUE;

  return FALSE;
}

/* Labels on screen in the list's rows whose text starts with @prefix. */
static guint
count_labels_starting (GtkWidget  *root,
                       const char *prefix)
{
  guint n = 0;

  if (GTK_IS_LABEL (root) && gtk_widget_get_mapped (root) &&
      g_str_has_prefix (gtk_label_get_text (GTK_LABEL (root)), prefix))
    n++;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += count_labels_starting (child, prefix);

  return n;
}

/* "Owner: 李娜" as the list says it in the language of the test. */
static char *
location (SignetField  field,
          const char  *value)
{
  return g_strdup_printf (g_dpgettext2 (GETTEXT_PACKAGE, "search match", "%s: %s"),
                          signet_field_to_label (field), value);
}

static GtkWidget *
table (Fixture *fixture)
{
  return display_test_find_type (GTK_WIDGET (fixture->window), SIGNET_TYPE_CONTRACT_TABLE);
}

static void
test_match_location (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *shot = NULL;
  g_autofree char *owner = location (SIGNET_FIELD_CONTRACT_OWNER, "李娜");
  g_autofree char *department = location (SIGNET_FIELD_CONTRACT_DEPARTMENT, "采购部");
  g_autofree char *code = location (SIGNET_FIELD_CLIENT_CODE, "HDJX");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.search", NULL));

  search_for (fixture, "李娜", 1);
  shot = display_test_save_screenshot (GTK_WIDGET (fixture->window), "search-owner");
  g_test_message ("screenshot: %s", shot);
  g_assert_true (label_showing (table (fixture), "办公场地租赁合同"));
  g_assert_true (label_showing (table (fixture), owner));

  /* Typing on keeps the row where it was: it is not bound again, and
   * still says where it was found. */
  search_for (fixture, "lina", 1);
  g_assert_true (label_showing (table (fixture), owner));

  search_for (fixture, "cgb", 1);
  g_assert_true (label_showing (table (fixture), department));
  g_assert_false (label_showing (table (fixture), owner));

  search_for (fixture, "hdjx", 2);
  g_assert_cmpuint (count_labels_starting (table (fixture), code), ==, 2);

  /* What the row shows needs no word of explanation. */
  search_for (fixture, "huadong", 2);
  g_assert_cmpuint (count_labels_starting (table (fixture), code), ==, 0);
  search_for (fixture, "zulin", 1);
  g_assert_false (label_showing (table (fixture), owner));

  search_for (fixture, "", 3);
  g_assert_cmpuint (count_labels_starting (table (fixture), owner), ==, 0);
}

/* The banner under @root with a button, or NULL. */
static AdwBanner *
find_banner_with_button (GtkWidget *root)
{
  if (ADW_IS_BANNER (root) && adw_banner_get_button_label (ADW_BANNER (root)) != NULL)
    return ADW_BANNER (root);

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      AdwBanner *found = find_banner_with_button (child);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static AdwBanner *
search_banner (Fixture *fixture)
{
  GtkWidget *page = display_test_find_type (GTK_WIDGET (fixture->window), SIGNET_TYPE_CONTRACT_PAGE);

  /* The one over the contract with Show All, not the list's banner of a
   * query shown nor the banner of a team register's lost connection. */
  return find_banner_with_button (gtk_widget_get_ancestor (page, ADW_TYPE_TOOLBAR_VIEW));
}

static void
open_contract (Fixture    *fixture,
               const char *number)
{
  g_autoptr(SignetContract) contract = signet_store_find_contract_by_number (fixture->store, number, NULL);

  signet_window_open_contract (fixture->window, signet_contract_get_id (contract));
  display_test_spin (50);
}

static void
test_hidden_contract_banner (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autofree char *shot = NULL;
  SignetContract *shown;

  open_contract (fixture, "HT-2026-0001");
  g_assert_false (adw_banner_get_revealed (search_banner (fixture)));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.search", NULL));
  search_for (fixture, "租赁", 1);
  g_assert_false (adw_banner_get_revealed (search_banner (fixture)));

  /* The search no longer finds the contract on the page. */
  search_for (fixture, "cloud", 1);
  shown = signet_contract_page_get_contract (SIGNET_CONTRACT_PAGE (
    display_test_find_type (GTK_WIDGET (fixture->window), SIGNET_TYPE_CONTRACT_PAGE)));
  g_assert_nonnull (shown);
  g_assert_cmpstr (signet_contract_get_number (shown), ==, "HT-2026-0001");
  g_assert_true (adw_banner_get_revealed (search_banner (fixture)));
  g_assert_cmpstr (adw_banner_get_title (search_banner (fixture)), ==, _("Not in the current search"));
  /* The banner slides in. */
  display_test_spin (500);
  shot = display_test_save_screenshot (GTK_WIDGET (fixture->window), "search-hidden-contract");
  g_test_message ("screenshot: %s", shot);

  /* Found again, then the banner's button shows every contract. */
  search_for (fixture, "hd", 2);
  g_assert_false (adw_banner_get_revealed (search_banner (fixture)));
  search_for (fixture, "cloud", 1);
  g_assert_true (adw_banner_get_revealed (search_banner (fixture)));
  g_signal_emit_by_name (search_banner (fixture), "button-clicked");
  {
    SearchWait wait = { fixture, NULL, 3 };

    g_assert_true (display_test_wait_for (search_applied, &wait));
  }
  g_assert_false (adw_banner_get_revealed (search_banner (fixture)));
}

int
main (int   argc,
      char *argv[])
{
  display_test_init (&argc, &argv);
  display_test_bind_build_catalog ();

#define ADD(path, func) \
  g_test_add ("/search-list/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("match-location", test_match_location);
  ADD ("hidden-contract-banner", test_hidden_contract_banner);

#undef ADD

  return g_test_run ();
}
