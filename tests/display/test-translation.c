/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "test-translation"

#include "config.h"

#include <locale.h>

#include <glib/gi18n.h>

#include "display-test-utils.h"
#include "signet-clients-window.h"
#include "signet-money.h"
#include "signet-preferences-window.h"
#include "signet-shortcuts-dialog.h"
#include "signet-window.h"

/* The Chinese interface has no English left in it. Every label, title,
 * tooltip and button a user can see in the main window, the detail page,
 * the dialogs, the clients and preferences windows and the shortcuts
 * dialog is read in the zh_CN.UTF-8 locale, and no English word may remain
 * except data (contract numbers, client codes, currency codes) and the
 * name Signet. A failure lists every string still in English. */

#define CATALOG SIGNET_TEST_LOCALE_DIR "/zh_CN/LC_MESSAGES/" GETTEXT_PACKAGE ".mo"

static GHashTable *allowed_words;
static GPtrArray *untranslated;

static gboolean
catalog_missing (void)
{
  const char *locale = setlocale (LC_MESSAGES, NULL);

  if (locale == NULL || !g_str_has_prefix (locale, "zh_CN"))
    {
      g_test_skip ("The zh_CN.UTF-8 locale is not installed.");
      return TRUE;
    }

  if (!g_file_test (CATALOG, G_FILE_TEST_EXISTS))
    {
      g_test_skip ("The Chinese catalog " CATALOG " is not built.");
      return TRUE;
    }

  return FALSE;
}

/* Words of two or more Latin letters, leaving out pattern tokens in
 * braces such as {YYYY} and file paths (data, like the register's). */
static void
check_text (const char *where,
            const char *text)
{
  g_auto(GStrv) tokens = NULL;
  int depth = 0;

  if (text == NULL)
    return;

  tokens = g_strsplit_set (text, " \t\n", -1);
  for (guint i = 0; tokens[i] != NULL; i++)
    {
      if (strchr (tokens[i], '/') != NULL)
        continue;

      for (const char *p = tokens[i]; *p != '\0'; p++)
        {
          const char *start = p;
          g_autofree char *word = NULL;

          if (*p == '{')
            depth++;
          else if (*p == '}' && depth > 0)
            depth--;

          if (depth > 0 || !g_ascii_isalpha (*p))
            continue;

          while (g_ascii_isalpha (p[1]))
            p++;

          word = g_strndup (start, p - start + 1);
          if (strlen (word) >= 2 && !g_hash_table_contains (allowed_words, word))
            {
              g_ptr_array_add (untranslated, g_strdup_printf ("%s: “%s”", where, text));
              return;
            }
        }
    }
}

static void
check_widget (GtkWidget *widget)
{
  const char *type = G_OBJECT_TYPE_NAME (widget);

  /* Key names come from GTK ("Ctrl", "Shift" in Chinese too), not from our
   * strings: in the shortcuts dialog, and beside a menu item ("Ctrl+Z"). */
  if (!gtk_widget_get_mapped (widget) || gtk_widget_has_css_class (widget, "keys") ||
      g_strcmp0 (gtk_widget_get_css_name (widget), "accelerator") == 0)
    return;

  if (GTK_IS_LABEL (widget))
    check_text (type, gtk_label_get_text (GTK_LABEL (widget)));
  if (GTK_IS_WINDOW (widget))
    check_text (type, gtk_window_get_title (GTK_WINDOW (widget)));
  if (GTK_IS_EDITABLE (widget) && GTK_IS_ENTRY (widget))
    check_text ("GtkEntry placeholder", gtk_entry_get_placeholder_text (GTK_ENTRY (widget)));
  if (gtk_widget_get_has_tooltip (widget))
    check_text ("tooltip", gtk_widget_get_tooltip_text (widget));

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    check_widget (child);
}

/* Everything that is on screen right now. */
static void
check_screen (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  display_test_spin (50);
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);

      check_widget (window);
    }
}

/* The keyboard shortcuts dialog, its every row mapped in its page. */
static void
check_shortcuts_dialog (void)
{
  display_test_present_dialog (signet_shortcuts_dialog_new (), 800, 640);
  check_screen ();
  display_test_destroy_windows ();
}

static SignetStore *
chinese_register (void)
{
  SignetStore *store = display_test_new_store ();
  g_autoptr(SignetClient) client = display_test_add_client (store, "华为技术有限公司", "HW");
  g_autoptr(SignetContract) contract =
    display_test_add_contract (store, client, "HT-2025-0001", "办公楼租赁合同", 50000000);
  g_autoptr(GError) error = NULL;

  signet_contract_set_end_date (contract, "2027-04-01");
  signet_store_update_contract (store, contract, &error);
  g_assert_no_error (error);

  return store;
}

static void
select_first_contract (SignetWindow *window)
{
  GtkColumnView *view = GTK_COLUMN_VIEW (display_test_find_type (GTK_WIDGET (window), GTK_TYPE_COLUMN_VIEW));

  gtk_selection_model_select_item (gtk_column_view_get_model (view), 0, TRUE);
  display_test_spin (20);
}

static void
report (void)
{
  for (guint i = 0; i < untranslated->len; i++)
    g_test_message ("untranslated: %s", (char *) g_ptr_array_index (untranslated, i));

  /* Failing without aborting lets the other windows be checked too. */
  if (untranslated->len > 0)
    g_test_fail_printf ("%u strings on screen are still in English", untranslated->len);
  g_ptr_array_set_size (untranslated, 0);
}

static void
test_main_window (void)
{
  g_autoptr(SignetStore) store = NULL;
  SignetWindow *window;
  GtkWidget *entry;

  if (catalog_missing ())
    return;

  display_test_reset_settings ();
  store = chinese_register ();
  window = signet_window_new (NULL, store, NULL);
  display_test_show (GTK_WINDOW (window));

  /* The list with the detail page, and the main menu. */
  select_first_contract (window);
  check_screen ();
  gtk_menu_button_popup (GTK_MENU_BUTTON (display_test_find_accessible (GTK_WIDGET (window), _("Main Menu"))));
  check_screen ();
  gtk_menu_button_popdown (GTK_MENU_BUTTON (display_test_find_accessible (GTK_WIDGET (window), _("Main Menu"))));

  /* Unsaved changes, then a mistake in a field. */
  gtk_editable_set_text (GTK_EDITABLE (display_test_find_accessible (GTK_WIDGET (window), _("Title"))), "改过的标题");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.new-contract", NULL));
  check_screen ();
  display_test_respond ("discard");
  gtk_editable_set_text (GTK_EDITABLE (display_test_find_accessible (GTK_WIDGET (window), _("Title"))), "新合同");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "contract.save", NULL));
  check_screen ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "contract.cancel", NULL));

  /* Deleted, with Undo. */
  select_first_contract (window);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "contract.delete", NULL));
  check_screen ();

  /* A search that finds nothing. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.search", NULL));
  entry = display_test_find_type (GTK_WIDGET (window), GTK_TYPE_SEARCH_ENTRY);
  gtk_editable_set_text (GTK_EDITABLE (entry), "没有这样的合同");
  display_test_spin (400);
  check_screen ();

  display_test_destroy_windows ();
  report ();
}

static void
test_empty_and_error (void)
{
  g_autoptr(SignetStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  SignetWindow *window;

  if (catalog_missing ())
    return;

  display_test_reset_settings ();
  store = display_test_new_store ();
  window = signet_window_new (NULL, store, NULL);
  display_test_show (GTK_WINDOW (window));
  check_screen ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.new-contract", NULL));
  check_screen ();
  display_test_respond ("cancel");
  display_test_destroy_windows ();

  path = g_build_filename (g_get_user_data_dir (), "letter.db", NULL);
  g_assert_true (g_file_set_contents (path, "not a register", -1, NULL));
  g_clear_object (&store);
  store = signet_store_new (path, &error);
  g_assert_null (store);
  display_test_show (GTK_WINDOW (signet_window_new (NULL, NULL, error)));
  check_screen ();
  display_test_destroy_windows ();

  report ();
}

static void
test_other_windows (void)
{
  g_autoptr(SignetStore) store = NULL;
  GtkWidget *clients;
  GtkWidget *preferences;
  GtkListBox *list_box;

  if (catalog_missing ())
    return;

  display_test_reset_settings ();
  store = chinese_register ();

  clients = GTK_WIDGET (signet_clients_window_new (store));
  display_test_present_dialog (ADW_DIALOG (clients), 1200, 760);
  check_screen ();
  list_box = GTK_LIST_BOX (display_test_find_type (clients, GTK_TYPE_LIST_BOX));
  gtk_list_box_select_row (list_box, gtk_list_box_get_row_at_index (list_box, 0));
  check_screen ();
  g_assert_true (gtk_widget_activate_action (clients, "client.delete", NULL));
  check_screen ();
  display_test_respond ("close");
  g_assert_true (gtk_widget_activate_action (clients, "client.add", NULL));
  g_assert_true (gtk_widget_activate_action (clients, "client.save", NULL));
  check_screen ();
  display_test_destroy_windows ();

  preferences = GTK_WIDGET (signet_preferences_window_new (store));
  display_test_present_dialog (ADW_DIALOG (preferences), 800, 640);
  check_screen ();
  gtk_editable_set_text (GTK_EDITABLE (display_test_find_type (preferences, ADW_TYPE_ENTRY_ROW)), "HT-{YYYY}");
  check_screen ();
  display_test_destroy_windows ();

  check_shortcuts_dialog ();

  report ();
}

int
main (int   argc,
      char *argv[])
{
  const char * const *codes;

  /* Debian 13's gettext ignores LANGUAGE in the C.UTF-8 locale: Chinese
   * takes the Chinese locale. */
  g_setenv ("LC_ALL", "zh_CN.UTF-8", TRUE);
  g_setenv ("LANG", "zh_CN.UTF-8", TRUE);
  g_unsetenv ("LANGUAGE");
  display_test_init (&argc, &argv);
  display_test_bind_build_catalog ();

  /* Data and names that stay as they are in any language. */
  allowed_words = g_hash_table_new (g_str_hash, g_str_equal);
  g_hash_table_add (allowed_words, (gpointer) "Signet");
  /* A file format, written so in Chinese too. */
  g_hash_table_add (allowed_words, (gpointer) "PDF");
  g_hash_table_add (allowed_words, (gpointer) "iCalendar");
  g_hash_table_add (allowed_words, (gpointer) "Excel");
  g_hash_table_add (allowed_words, (gpointer) "HT");
  g_hash_table_add (allowed_words, (gpointer) "HW");
  g_hash_table_add (allowed_words, (gpointer) "db");
  /* The test register's file name, shown under the window title. */
  g_hash_table_add (allowed_words, (gpointer) "register");
  /* The format a date is typed in, kept in the translation. */
  g_hash_table_add (allowed_words, (gpointer) "YYYY");
  g_hash_table_add (allowed_words, (gpointer) "MM");
  g_hash_table_add (allowed_words, (gpointer) "DD");
  /* Pinyin initials, the example of what search finds when nothing
   * matches. */
  g_hash_table_add (allowed_words, (gpointer) "hd");
  for (codes = signet_currency_list (); *codes != NULL; codes++)
    g_hash_table_add (allowed_words, (gpointer) *codes);
  /* Who made a change, in a contract's history: the OS user's name, in
   * the words the check splits it into. */
  {
    g_auto(GStrv) parts = g_regex_split_simple ("[^A-Za-z]+", g_get_user_name (), 0, 0);

    for (guint i = 0; parts[i] != NULL; i++)
      if (parts[i][0] != '\0')
        g_hash_table_add (allowed_words, g_strdup (parts[i]));
  }
  untranslated = g_ptr_array_new_with_free_func (g_free);

  g_test_add_func ("/translation/zh_CN/main-window", test_main_window);
  g_test_add_func ("/translation/zh_CN/empty-and-error", test_empty_and_error);
  g_test_add_func ("/translation/zh_CN/other-windows", test_other_windows);

  return g_test_run ();
}
