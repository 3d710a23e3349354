/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "test-money-field"

#include "config.h"

#include <locale.h>
#include <string.h>

#include <glib/gi18n.h>
#include <sqlite3.h>

#include "display-test-utils.h"
#include "signet-contract-page.h"
#include "signet-enums.h"
#include "signet-window.h"

/* The contract's value as a user in de_DE or zh_CN types it: the form
 * takes the locale's own form and the bare 1250000.50 and stores the
 * amount typed (read back from the register's file, not through the
 * store); input that could mean two amounts is refused at the field with
 * the forms to type, and nothing is stored; the list and the field show
 * the amount alike, the symbol where the locale puts it; in Chinese, the
 * amount in capitals is under the value. Each locale runs in a process
 * of its own. Screenshots go next to the test binary
 * (money-field-de_DE.png, money-field-zh_CN.png). */

#define CATALOG SIGNET_TEST_LOCALE_DIR "/zh_CN/LC_MESSAGES/" GETTEXT_PACKAGE ".mo"

/* The value and currency of contract @number, as the register's file
 * holds them. */
static gint64
stored_value (SignetStore  *store,
              const char   *number,
              char        **currency)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  g_assert_cmpint (sqlite3_open_v2 (signet_store_get_path (store), &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT value, currency FROM contracts WHERE number = ?",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, number, -1, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  *currency = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  return value;
}

static GtkWidget *
field (SignetWindow *window,
       SignetField   which)
{
  GtkWidget *widget = display_test_find_accessible (GTK_WIDGET (window), signet_field_to_label (which));

  g_assert_nonnull (widget);

  return widget;
}

static void
set_field (SignetWindow *window,
           SignetField   which,
           const char   *text)
{
  gtk_editable_set_text (GTK_EDITABLE (field (window, which)), text);
  display_test_spin (20);
}

static void
choose_currency (SignetWindow *window,
                 const char   *code)
{
  AdwComboRow *row = ADW_COMBO_ROW (field (window, SIGNET_FIELD_CONTRACT_CURRENCY));
  GListModel *codes = adw_combo_row_get_model (row);

  for (guint i = 0; i < g_list_model_get_n_items (codes); i++)
    if (g_str_equal (gtk_string_list_get_string (GTK_STRING_LIST (codes), i), code))
      adw_combo_row_set_selected (row, i);
  display_test_spin (20);
}

static const char *
selected_currency (SignetWindow *window)
{
  AdwComboRow *row = ADW_COMBO_ROW (field (window, SIGNET_FIELD_CONTRACT_CURRENCY));

  return gtk_string_object_get_string (adw_combo_row_get_selected_item (row));
}

/* Starts a new contract titled @title with @value typed, and saves it;
 * its number. */
static char *
add_contract (SignetWindow *window,
              const char   *title,
              const char   *value)
{
  char *number;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.new-contract", NULL));
  display_test_spin (50);
  number = g_strdup (gtk_editable_get_text (GTK_EDITABLE (field (window, SIGNET_FIELD_CONTRACT_NUMBER))));
  set_field (window, SIGNET_FIELD_CONTRACT_TITLE, title);
  set_field (window, SIGNET_FIELD_CONTRACT_VALUE, value);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "contract.save", NULL));
  display_test_spin (50);

  return number;
}

/* Types @text into the value and saves: refused, with @message under
 * the field, and the register's file unchanged. */
static void
assert_refused (SignetWindow *window,
                SignetStore  *store,
                const char   *number,
                const char   *text,
                const char   *message)
{
  GtkWidget *value = field (window, SIGNET_FIELD_CONTRACT_VALUE);
  g_autofree char *currency = NULL;
  gint64 before = stored_value (store, number, &currency);

  set_field (window, SIGNET_FIELD_CONTRACT_VALUE, text);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "contract.save", NULL));
  display_test_spin (50);

  if (!display_test_shows_visible_label (GTK_WIDGET (window), message))
    g_error ("“%s” is not refused with “%s”", text, message);
  g_assert_true (gtk_widget_has_css_class (value, "error"));
  g_assert_cmpint (stored_value (store, number, &currency), ==, before);
}

/* Scrolls the form so that the value's group is in view, for the
 * screenshots, and saves one as @name. */
static void
save_screenshot (SignetWindow *window,
                 const char   *name)
{
  GtkWidget *value = field (window, SIGNET_FIELD_CONTRACT_VALUE);
  GtkWidget *scrolled = gtk_widget_get_ancestor (value, GTK_TYPE_SCROLLED_WINDOW);
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
  graphene_point_t point;

  g_assert_true (gtk_widget_compute_point (value, scrolled, &GRAPHENE_POINT_INIT (0, 0), &point));
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment) + point.y - 240);
  /* Until the rows' animations end. */
  display_test_spin (500);
  g_free (display_test_save_screenshot (GTK_WIDGET (window), name));
}

static SignetWindow *
new_window (SignetStore **store)
{
  g_autoptr(SignetClient) client = NULL;
  SignetWindow *window;

  display_test_reset_settings ();
  *store = display_test_new_store ();
  client = display_test_add_client (*store, "华信科技", "K100");

  /* 1200 × 760 on screen, as the README's other pictures, with the
   * 5-pixel border GTK draws without a window manager. */
  window = signet_window_new (NULL, *store, NULL);
  gtk_window_set_default_size (GTK_WINDOW (window), 1210, 770);
  display_test_show (GTK_WINDOW (window));
  display_test_spin (100);

  return window;
}

static void
test_de_DE (void)
{
  g_autoptr(SignetStore) store = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *currency = NULL;
  SignetWindow *window;
  GtkWidget *value;

  if (!g_test_subprocess ())
    {
      display_test_run_in_locale ("de_DE.UTF-8");
      return;
    }
  if (!display_test_child_in_locale ("de_DE.UTF-8", LC_MONETARY))
    return;

  window = new_window (&store);

  /* The form the list shows, and the bare decimal comma the old reader
   * took for a thousands separator, 100 times the amount. */
  first = add_contract (window, "Lagerhalle", "1.250.000,50");
  g_assert_cmpint (stored_value (store, first, &currency), ==, 125000050);
  /* A new register in a German session counts in euros. */
  g_assert_cmpstr (currency, ==, "EUR");
  g_clear_pointer (&currency, g_free);

  second = add_contract (window, "Fuhrpark", "1250000,50");
  g_assert_cmpint (stored_value (store, second, &currency), ==, 125000050);
  g_clear_pointer (&currency, g_free);

  /* The field shows what it stored as the list does, € after it. */
  value = field (window, SIGNET_FIELD_CONTRACT_VALUE);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (value)), ==, "1.250.000,50");
  g_assert_true (display_test_shows_visible_label (value, "€"));
  g_assert_true (display_test_shows_visible_label (GTK_WIDGET (window), "1.250.000,50\u00a0€"));
  g_assert_false (signet_contract_page_get_dirty (
    SIGNET_CONTRACT_PAGE (gtk_widget_get_ancestor (value, SIGNET_TYPE_CONTRACT_PAGE))));

  /* In dollars too: the symbol where German puts it. */
  choose_currency (window, "USD");
  set_field (window, SIGNET_FIELD_CONTRACT_VALUE, "1782000");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "contract.save", NULL));
  display_test_spin (50);
  g_assert_cmpint (stored_value (store, second, &currency), ==, 178200000);
  g_assert_cmpstr (currency, ==, "USD");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (value)), ==, "1.782.000,00");
  g_assert_true (display_test_shows_visible_label (value, "$"));
  g_assert_true (display_test_shows_visible_label (GTK_WIDGET (window), "1.782.000,00\u00a0$"));
  /* No capitals outside the Chinese interface. */
  g_assert_false (display_test_shows_visible_label (GTK_WIDGET (window), "壹佰柒拾捌万贰仟元整"));
  save_screenshot (window, "money-field-de_DE");

  /* Could be one and a quarter or a thousand and a quarter: refused, and
   * both are offered. */
  assert_refused (window, store, second, "1,250",
                  "“1,250” can be read two ways here: type 1.250,00 if “,” separates thousands, "
                  "or 1,25 if it is the decimal point.");
  save_screenshot (window, "money-field-de_DE-refused");

  /* A group of the wrong width, and English separators. */
  assert_refused (window, store, second, "1.25.000",
                  "“1.25.000” is not an amount in this language's format (1.234.567,89): "
                  "type 125.000,00 if “.” separates thousands.");
  assert_refused (window, store, second, "1,782,000.00",
                  "“1,782,000.00” is not an amount in this language's format (1.234.567,89): "
                  "type 1.782.000,00.");

  display_test_destroy_windows ();
}

static void
test_zh_CN (void)
{
  g_autoptr(SignetStore) store = NULL;
  g_autofree char *number = NULL;
  g_autofree char *currency = NULL;
  SignetWindow *window;
  GtkWidget *value;

  if (!g_test_subprocess ())
    {
      display_test_run_in_locale ("zh_CN.UTF-8");
      return;
    }
  if (!display_test_child_in_locale ("zh_CN.UTF-8", LC_MONETARY))
    return;
  /* The capitals show in the Chinese interface, which takes the catalog. */
  if (!g_file_test (CATALOG, G_FILE_TEST_EXISTS))
    {
      display_test_child_skip ("The Chinese catalog " CATALOG " is not built.");
      return;
    }

  window = new_window (&store);

  /* A new register in a Chinese session counts in yuan; the capitals
   * follow the value as it is typed. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.new-contract", NULL));
  display_test_spin (50);
  g_assert_cmpstr (selected_currency (window), ==, "CNY");
  set_field (window, SIGNET_FIELD_CONTRACT_VALUE, "1250000");
  g_assert_true (display_test_shows_visible_label (GTK_WIDGET (window), "壹佰贰拾伍万元整"));
  set_field (window, SIGNET_FIELD_CONTRACT_VALUE, "");
  g_assert_false (display_test_shows_visible_label (GTK_WIDGET (window), "壹佰贰拾伍万元整"));

  number = add_contract (window, "仓库租赁合同", "1,250,000.50");
  g_assert_cmpint (stored_value (store, number, &currency), ==, 125000050);
  g_assert_cmpstr (currency, ==, "CNY");

  value = field (window, SIGNET_FIELD_CONTRACT_VALUE);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (value)), ==, "1,250,000.50");
  g_assert_true (display_test_shows_visible_label (value, "¥"));
  g_assert_true (display_test_shows_visible_label (GTK_WIDGET (window), "¥1,250,000.50"));
  g_assert_true (display_test_shows_visible_label (GTK_WIDGET (window), "壹佰贰拾伍万元零伍角"));
  save_screenshot (window, "money-field-zh_CN");

  /* 元 is the yuan's: none for dollars. */
  choose_currency (window, "USD");
  g_assert_false (display_test_shows_visible_label (GTK_WIDGET (window), "壹佰贰拾伍万元零伍角"));
  g_assert_true (display_test_shows_visible_label (value, "$"));
  choose_currency (window, "CNY");
  g_assert_true (display_test_shows_visible_label (GTK_WIDGET (window), "壹佰贰拾伍万元零伍角"));

  /* A value that is not one has no capitals, and is refused at Save. */
  set_field (window, SIGNET_FIELD_CONTRACT_VALUE, "1.250");
  g_assert_false (display_test_shows_visible_label (GTK_WIDGET (window), "壹元贰角伍分"));
  g_assert_false (display_test_shows_visible_label (GTK_WIDGET (window), "壹仟贰佰伍拾元整"));
  assert_refused (window, store, number, "1.250",
                  "“1.250”有两种读法：如果“.”用来分隔千位，请输入 1,250.00；如果它是小数点，请输入 1.25。");

  display_test_destroy_windows ();
}

int
main (int   argc,
      char *argv[])
{
  display_test_init (&argc, &argv);
  display_test_bind_build_catalog ();

  g_test_add_func ("/money-field/de_DE", test_de_DE);
  g_test_add_func ("/money-field/zh_CN", test_zh_CN);

  return g_test_run ();
}
