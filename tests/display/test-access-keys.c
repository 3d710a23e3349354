/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <locale.h>
#include <string.h>

#include <glib/gi18n.h>

#include "display-test-utils.h"
#include "signet-access-keys.h"
#include "signet-clients-window.h"
#include "signet-window.h"

/* Access keys and the names assistive technology reads, in Chinese: a
 * label shows "新建合同(N)", and the button it names is read "新建合同". */

static void
test_strip (void)
{
  static const struct { const char *label; const char *stripped; } cases[] = {
    { "_Save", "Save" },
    { "Save _As…", "Save As…" },
    { "新建合同(_N)", "新建合同" },
    { "导入(_I)…", "导入…" },
    { "将关键日期导出为 iCalendar(_D)…", "将关键日期导出为 iCalendar…" },
    { "保存 (_S)", "保存" },
    { "保存（_S）", "保存" },
    { "snake__case", "snake_case" },
    { "(_)", "()" },
    { "No key", "No key" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *stripped = signet_access_keys_strip (cases[i].label);

      g_assert_cmpstr (stripped, ==, cases[i].stripped);
    }
}

/* Every label with an access key under @root that is shown is named
 * without its marker; returns how many there were. */
static guint
check_labels (GtkWidget *root,
              GString   *wrong)
{
  guint n = 0;

  if (GTK_IS_LABEL (root) && gtk_widget_get_mapped (root) && gtk_label_get_use_underline (GTK_LABEL (root)) &&
      strstr (gtk_label_get_label (GTK_LABEL (root)), "(_") != NULL)
    {
      g_autofree char *stripped = signet_access_keys_strip (gtk_label_get_label (GTK_LABEL (root)));
      g_autofree char *mismatch =
        gtk_test_accessible_check_property (GTK_ACCESSIBLE (root), GTK_ACCESSIBLE_PROPERTY_LABEL, stripped);

      n++;
      if (mismatch != NULL)
        g_string_append_printf (wrong, "“%s”: %s\n", gtk_label_get_label (GTK_LABEL (root)), mismatch);
    }

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    n += check_labels (child, wrong);

  return n;
}

static void
assert_named (GtkWidget  *root,
              guint       at_least,
              const char *where)
{
  g_autoptr(GString) wrong = g_string_new (NULL);
  guint n = check_labels (root, wrong);

  g_test_message ("%s: %u labels with an access key", where, n);
  g_assert_cmpstr (wrong->str, ==, "");
  g_assert_cmpuint (n, >=, at_least);
}

/* The access keys of the labels shown under @root, lower case, added to
 * @keys; the labels whose key was there already go into @twice. */
static void
collect_keys (GtkWidget  *root,
              GHashTable *keys,
              GString    *twice)
{
  if (GTK_IS_LABEL (root) && gtk_widget_get_mapped (root) && gtk_label_get_use_underline (GTK_LABEL (root)))
    {
      guint key = gdk_keyval_to_lower (gtk_label_get_mnemonic_keyval (GTK_LABEL (root)));

      if (key != GDK_KEY_VoidSymbol && !g_hash_table_add (keys, GUINT_TO_POINTER (key)))
        g_string_append_printf (twice, "“%s” ", gtk_label_get_label (GTK_LABEL (root)));
    }

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    collect_keys (child, keys, twice);
}

static void
assert_keys_unique (GtkWidget *root,
                    guint      at_least)
{
  g_autoptr(GHashTable) keys = g_hash_table_new (NULL, NULL);
  g_autoptr(GString) twice = g_string_new (NULL);

  collect_keys (root, keys, twice);
  g_assert_cmpstr (twice->str, ==, "");
  g_assert_cmpuint (g_hash_table_size (keys), >=, at_least);
}

static GtkWidget *
find_primary_menu_button (GtkWidget *root)
{
  if (GTK_IS_MENU_BUTTON (root) && gtk_menu_button_get_primary (GTK_MENU_BUTTON (root)) &&
      gtk_widget_get_mapped (root))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_primary_menu_button (child);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* The main window, its main menu, the contract page, the Clients window
 * and an alert: each label with an access key shown is named without it. */
static void
test_names (void)
{
  g_autoptr(SignetStore) store = display_test_new_store ();
  g_autoptr(SignetClient) client = display_test_add_client (store, "华东建设", "C001");
  g_autoptr(SignetContract) contract = display_test_add_contract (store, client, "HT-2026-0042", "施工合同", 100);
  SignetWindow *window = signet_window_new (NULL, store, NULL);
  GtkWidget *menu_button;
  GtkWidget *clients;
  GtkWidget *button;
  GtkListBox *list;

  if (g_strcmp0 (_("_New Contract"), "_New Contract") == 0)
    {
      g_test_skip ("No Chinese translation: the zh_CN.UTF-8 locale or the build's catalog is missing");
      return;
    }

  display_test_show (GTK_WINDOW (window));
  signet_window_open_contract (window, signet_contract_get_id (contract));
  display_test_spin (300);
  /* 新建合同(_N), 客户(_C); 删除(_D), 取消(_C), 保存(_S) on the page. */
  assert_named (GTK_WIDGET (window), 5, "window");
  button = display_test_find_accessible (GTK_WIDGET (window), "新建合同");
  g_assert_nonnull (button);
  g_free (display_test_save_screenshot (GTK_WIDGET (window), "access-keys-window"));

  menu_button = find_primary_menu_button (GTK_WIDGET (window));
  g_assert_nonnull (menu_button);
  gtk_menu_button_popup (GTK_MENU_BUTTON (menu_button));
  display_test_spin (300);
  /* 客户, 导入, 导出, iCalendar, 首选项, 键盘快捷键, 关于. */
  assert_named (menu_button, 7, "main menu");
  /* As shown, with the Undo item the window adds to it: no key twice. */
  assert_keys_unique (GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (menu_button))), 8);
  g_assert_nonnull (display_test_find_accessible (menu_button, "导入…"));
  g_assert_nonnull (display_test_find_accessible (menu_button, "将关键日期导出为 iCalendar…"));
  gtk_menu_button_popdown (GTK_MENU_BUTTON (menu_button));

  clients = GTK_WIDGET (signet_clients_window_new (store));
  adw_dialog_present (ADW_DIALOG (clients), GTK_WIDGET (window));
  display_test_spin (300);
  list = GTK_LIST_BOX (display_test_find_type (clients, GTK_TYPE_LIST_BOX));
  gtk_list_box_select_row (list, gtk_list_box_get_row_at_index (list, 0));
  display_test_spin (300);
  /* 删除(_D), 取消(_C), 保存(_S) under the form. */
  assert_named (clients, 3, "clients");
  gtk_widget_activate_action (clients, "client.delete", NULL);
  display_test_spin (300);
  /* The alert's responses: 关闭(_C), 显示合同(_S). */
  assert_named (GTK_WIDGET (display_test_find_alert_dialog ()), 2, "alert");
  display_test_respond ("close");
  adw_dialog_force_close (ADW_DIALOG (clients));

  display_test_destroy_windows ();
}

int
main (int   argc,
      char *argv[])
{
  /* Debian 13's gettext ignores LANGUAGE in the C.UTF-8 locale: Chinese
   * takes the Chinese locale. */
  g_setenv ("LC_ALL", "zh_CN.UTF-8", TRUE);
  g_setenv ("LANG", "zh_CN.UTF-8", TRUE);
  g_unsetenv ("LANGUAGE");
  display_test_init (&argc, &argv);
  display_test_bind_build_catalog ();
  /* As the application does at start-up. */
  signet_access_keys_install ();

  g_test_add_func ("/access-keys/strip", test_strip);
  g_test_add_func ("/access-keys/names", test_names);

  return g_test_run ();
}
