/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "test-csv-dialog"

#include "config.h"

#include <string.h>

#include "display-test-utils.h"
#include "io-test-utils.h"
#include "signet-csv-import-dialog.h"
#include "signet-csv-import.h"

/* Import Spreadsheet… as a user sees it: the GBK file's encoding found,
 * each column's guessed field with its first rows and the unit of its
 * amounts; a column changed; the dry run's summary with the new clients
 * to confirm; the import and its toast; a wrong row with its row, column
 * and header, and the way back to the mapping. */

typedef struct
{
  GtkWidget  *dialog;
  const char *page;
} PageWait;

static GtkStack *
find_pages (GtkWidget *root)
{
  if (GTK_IS_STACK (root) && gtk_stack_get_child_by_name (GTK_STACK (root), "mapping") != NULL)
    return GTK_STACK (root);

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkStack *stack = find_pages (child);

      if (stack != NULL)
        return stack;
    }

  return NULL;
}

static gboolean
page_shown (gpointer data)
{
  PageWait *wait = data;
  GtkStack *stack = find_pages (wait->dialog);

  return stack != NULL && g_strcmp0 (gtk_stack_get_visible_child_name (stack), wait->page) == 0 &&
         gtk_widget_get_mapped (gtk_stack_get_visible_child (stack));
}

static void
wait_for_page (GtkWidget  *dialog,
               const char *page)
{
  PageWait wait = { dialog, page };

  g_assert_true (display_test_wait_for (page_shown, &wait));
}

static gboolean
pointer_cleared (gpointer data)
{
  return *(gpointer *) data == NULL;
}

static char *
fixture (const char *name)
{
  return g_build_filename (SIGNET_SOURCE_DIR, "tests", "data", "csv", name, NULL);
}

/* A window with a toast overlay, as Signet's. */
static GtkWidget *
window_for_dialogs (AdwToastOverlay **toasts)
{
  GtkWidget *parent = adw_window_new ();

  *toasts = ADW_TOAST_OVERLAY (adw_toast_overlay_new ());
  adw_toast_overlay_set_child (*toasts, gtk_label_new ("Signet"));
  adw_window_set_content (ADW_WINDOW (parent), GTK_WIDGET (*toasts));
  gtk_window_set_default_size (GTK_WINDOW (parent), 1200, 860);
  display_test_show (GTK_WINDOW (parent));

  return parent;
}

static AdwComboRow *
combo_row (GtkWidget  *dialog,
           const char *title)
{
  GtkWidget *row = display_test_find_row (dialog, ADW_TYPE_COMBO_ROW, title);

  g_assert_nonnull (row);

  return ADW_COMBO_ROW (row);
}

static const char *
selected_text (AdwComboRow *row)
{
  GtkStringObject *item = adw_combo_row_get_selected_item (row);

  return gtk_string_object_get_string (item);
}

static GtkLabel *
find_label_containing (GtkWidget  *root,
                       const char *text)
{
  if (GTK_IS_LABEL (root) && strstr (gtk_label_get_text (GTK_LABEL (root)), text) != NULL)
    return GTK_LABEL (root);

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkLabel *label = find_label_containing (child, text);

      if (label != NULL)
        return label;
    }

  return NULL;
}

static void
test_mapping_then_import (void)
{
  g_autoptr(SignetStore) store = display_test_new_store ();
  g_autoptr(SignetClient) existing = display_test_add_client (store, "华东建设集团", "C001");
  g_autofree char *path = fixture ("register-gbk.csv");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(SignetContract) lease = NULL;
  g_autofree char *shot = NULL;
  AdwToastOverlay *toasts;
  GtkWidget *parent = window_for_dialogs (&toasts);
  SignetCsvImportDialog *dialog;
  AdwComboRow *number_row, *value_row, *department_row, *notes_row;
  GtkWidget *import_button;
  GtkWidget *create_row;
  GtkLabel *summary;
  gpointer weak;

  dialog = signet_csv_import_dialog_new (GTK_WINDOW (parent), store, toasts);
  weak = dialog;
  g_object_add_weak_pointer (G_OBJECT (dialog), &weak);
  signet_csv_import_dialog_open_file (dialog, file);
  wait_for_page (GTK_WIDGET (dialog), "mapping");

  /* What was found and guessed, each column with its first rows. */
  g_assert_cmpstr (selected_text (combo_row (GTK_WIDGET (dialog), "Encoding")), ==, "GBK (GB18030)");
  g_assert_cmpstr (selected_text (combo_row (GTK_WIDGET (dialog), "Amounts In")), ==, "Ten Thousands (万元)");
  number_row = combo_row (GTK_WIDGET (dialog), "合同编号");
  g_assert_cmpstr (selected_text (number_row), ==, "Number");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (number_row)), ==,
                   "HT-2026-0001 · HT-2026-0002 · HT-2026-0003");
  value_row = combo_row (GTK_WIDGET (dialog), "金额（万元）");
  g_assert_cmpint (adw_combo_row_get_selected (value_row), ==, SIGNET_CSV_FIELD_VALUE);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (value_row)), ==, "120.5 · 1,200 · 8.25");
  notes_row = combo_row (GTK_WIDGET (dialog), "备注");
  g_assert_cmpint (adw_combo_row_get_selected (notes_row), ==, SIGNET_CSV_FIELD_NOTES);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (notes_row)), ==, "含物业费,按季支付 · — · 第一行 第二行");

  display_test_spin (500);
  shot = display_test_save_screenshot (GTK_WIDGET (dialog), "csv-dialog-mapping");
  g_test_message ("The mapping page: %s", shot);

  /* The user's changes: the department goes to the tags, the notes nowhere. */
  department_row = combo_row (GTK_WIDGET (dialog), "部门");
  adw_combo_row_set_selected (department_row, SIGNET_CSV_FIELD_TAGS);
  adw_combo_row_set_selected (notes_row, SIGNET_CSV_FIELD_IGNORE);
  /* Two columns for one field cannot be checked, and say why. */
  adw_combo_row_set_selected (department_row, SIGNET_CSV_FIELD_NUMBER);
  g_assert_false (gtk_widget_get_sensitive (display_test_find_button (GTK_WIDGET (dialog), "Check")));
  g_assert_nonnull (find_label_containing (GTK_WIDGET (dialog), "Columns 1 and 6 both go to “Number”"));
  adw_combo_row_set_selected (department_row, SIGNET_CSV_FIELD_TAGS);
  g_assert_true (gtk_widget_get_sensitive (display_test_find_button (GTK_WIDGET (dialog), "Check")));

  gtk_widget_activate (display_test_find_button (GTK_WIDGET (dialog), "Check"));
  wait_for_page (GTK_WIDGET (dialog), "summary");

  /* The dry run wrote nothing and names the clients it would create. */
  g_assert_cmpuint (signet_store_count_contracts (store), ==, 0);
  summary = find_label_containing (GTK_WIDGET (dialog), "Dry run");
  g_assert_nonnull (summary);
  g_assert_nonnull (strstr (gtk_label_get_text (summary), "Dry run: 3 contracts would be added."));
  g_assert_nonnull (display_test_find_row (GTK_WIDGET (dialog), ADW_TYPE_ACTION_ROW, "上海云帆科技有限公司"));
  g_assert_nonnull (display_test_find_row (GTK_WIDGET (dialog), ADW_TYPE_ACTION_ROW, "北京恒信设备有限公司"));

  g_clear_pointer (&shot, g_free);
  display_test_spin (500);
  shot = display_test_save_screenshot (GTK_WIDGET (dialog), "csv-dialog-summary");
  g_test_message ("The summary: %s", shot);

  /* Importing waits for the new clients to be confirmed. */
  import_button = display_test_find_button (GTK_WIDGET (dialog), "Import");
  g_assert_false (gtk_widget_get_sensitive (import_button));
  create_row = display_test_find_row (GTK_WIDGET (dialog), ADW_TYPE_SWITCH_ROW, "Create the New Clients");
  adw_switch_row_set_active (ADW_SWITCH_ROW (create_row), TRUE);
  g_assert_true (gtk_widget_get_sensitive (import_button));

  gtk_widget_activate (import_button);
  g_assert_true (display_test_wait_for (pointer_cleared, &weak));

  g_assert_cmpuint (signet_store_count_contracts (store), ==, 3);
  lease = signet_store_find_contract_by_number (store, "HT-2026-0001", NULL);
  g_assert_cmpint (signet_contract_get_value (lease), ==, 120500000);
  g_assert_cmpstr (signet_contract_get_tags (lease), ==, "行政部");
  g_assert_null (signet_contract_get_notes (lease));
  g_assert_null (signet_contract_get_department (lease));
  g_assert_true (display_test_shows_label (GTK_WIDGET (toasts), "3 contracts imported from “register-gbk.csv”"));

  /* The next file with these headers is mapped as the user left it. */
  dialog = signet_csv_import_dialog_new (GTK_WINDOW (parent), store, toasts);
  signet_csv_import_dialog_open_file (dialog, file);
  wait_for_page (GTK_WIDGET (dialog), "mapping");
  g_assert_cmpint (adw_combo_row_get_selected (combo_row (GTK_WIDGET (dialog), "部门")), ==, SIGNET_CSV_FIELD_TAGS);
  g_assert_cmpint (adw_combo_row_get_selected (combo_row (GTK_WIDGET (dialog), "备注")), ==, SIGNET_CSV_FIELD_IGNORE);
  g_assert_cmpint (adw_combo_row_get_selected (combo_row (GTK_WIDGET (dialog), "合同编号")), ==, SIGNET_CSV_FIELD_NUMBER);

  display_test_destroy_windows ();
}

static gboolean
import_under_way (gpointer data)
{
  GtkWidget *bar = display_test_find_type (GTK_WIDGET (data), GTK_TYPE_PROGRESS_BAR);

  return bar != NULL && gtk_widget_get_mapped (bar) && gtk_progress_bar_get_fraction (GTK_PROGRESS_BAR (bar)) > 0.0;
}

/* Cancel while the import runs: the dialog goes and nothing is written.
 * The file is large enough (20,000 contracts) that the import is still
 * running when its first progress shows. */
static void
test_cancel (void)
{
  g_autoptr(SignetStore) store = display_test_new_store ();
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "large.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GString) text = g_string_new ("合同编号,合同名称,客户名称,金额(元)\n");
  AdwToastOverlay *toasts;
  GtkWidget *parent = window_for_dialogs (&toasts);
  SignetCsvImportDialog *dialog;
  GtkWidget *create_row;
  gpointer weak;

  for (guint i = 0; i < 20000; i++)
    g_string_append_printf (text, "L-%05u,租赁合同 %u,客户 %u,%u\n", i, i, i % 50, i * 100);
  io_write_file (path, text->str, text->len);

  dialog = signet_csv_import_dialog_new (GTK_WINDOW (parent), store, toasts);
  weak = dialog;
  g_object_add_weak_pointer (G_OBJECT (dialog), &weak);
  signet_csv_import_dialog_open_file (dialog, file);
  wait_for_page (GTK_WIDGET (dialog), "mapping");
  gtk_widget_activate (display_test_find_button (GTK_WIDGET (dialog), "Check"));
  wait_for_page (GTK_WIDGET (dialog), "summary");
  g_assert_nonnull (find_label_containing (GTK_WIDGET (dialog), "Dry run: 20000 contracts would be added."));
  create_row = display_test_find_row (GTK_WIDGET (dialog), ADW_TYPE_SWITCH_ROW, "Create the New Clients");
  adw_switch_row_set_active (ADW_SWITCH_ROW (create_row), TRUE);

  gtk_widget_activate (display_test_find_button (GTK_WIDGET (dialog), "Import"));
  g_assert_true (display_test_wait_for (import_under_way, dialog));
  gtk_widget_activate (display_test_find_button (GTK_WIDGET (dialog), "Cancel"));
  g_assert_true (display_test_wait_for (pointer_cleared, &weak));

  /* The import's thread has rolled back by the time it lets the dialog go. */
  g_assert_cmpuint (signet_store_count_contracts (store), ==, 0);
  g_assert_null (find_label_containing (GTK_WIDGET (toasts), "imported"));

  display_test_destroy_windows ();
}

static void
test_error_then_back (void)
{
  g_autoptr(SignetStore) store = display_test_new_store ();
  g_autoptr(SignetClient) existing = display_test_add_client (store, "华东建设集团", "C001");
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "bad.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  AdwToastOverlay *toasts;
  GtkWidget *parent = window_for_dialogs (&toasts);
  g_autoptr(SignetContract) lease = NULL;
  SignetCsvImportDialog *dialog;
  AdwComboRow *currency;
  GtkWidget *row;
  gpointer weak;

  io_write_file (path,
                 "合同编号,合同名称,客户名称,签订日期,金额(元)\n"
                 "B-1,租赁合同,华东建设集团,2026/1/5,1000\n"
                 "B-2,服务合同,华东建设集团,2026/1/6,12O0\n", -1);

  dialog = signet_csv_import_dialog_new (GTK_WINDOW (parent), store, toasts);
  weak = dialog;
  g_object_add_weak_pointer (G_OBJECT (dialog), &weak);
  signet_csv_import_dialog_open_file (dialog, file);
  wait_for_page (GTK_WIDGET (dialog), "mapping");
  g_assert_cmpstr (selected_text (combo_row (GTK_WIDGET (dialog), "Encoding")), ==, "UTF-8");
  g_assert_cmpstr (selected_text (combo_row (GTK_WIDGET (dialog), "Amounts In")), ==, "Yuan (as Written)");
  g_assert_cmpstr (selected_text (combo_row (GTK_WIDGET (dialog), "Currency")), ==, "CNY");

  gtk_widget_activate (display_test_find_button (GTK_WIDGET (dialog), "Check"));
  wait_for_page (GTK_WIDGET (dialog), "error");

  row = display_test_find_row (GTK_WIDGET (dialog), ADW_TYPE_ACTION_ROW, "Row");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, "3");
  row = display_test_find_row (GTK_WIDGET (dialog), ADW_TYPE_ACTION_ROW, "Column");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, "5");
  row = display_test_find_row (GTK_WIDGET (dialog), ADW_TYPE_ACTION_ROW, "Header");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, "金额(元)");
  g_assert_cmpuint (signet_store_count_contracts (store), ==, 0);

  /* Back to the mapping: the amounts are not imported this time. */
  gtk_widget_activate (display_test_find_button (GTK_WIDGET (dialog), "Change Mapping"));
  wait_for_page (GTK_WIDGET (dialog), "mapping");
  adw_combo_row_set_selected (combo_row (GTK_WIDGET (dialog), "金额(元)"), SIGNET_CSV_FIELD_IGNORE);
  /* The contracts in dollars, the file having no currency column. */
  currency = combo_row (GTK_WIDGET (dialog), "Currency");
  for (guint i = 0; i < g_list_model_get_n_items (adw_combo_row_get_model (currency)); i++)
    {
      g_autoptr(GtkStringObject) code = g_list_model_get_item (adw_combo_row_get_model (currency), i);

      if (g_str_equal (gtk_string_object_get_string (code), "USD"))
        adw_combo_row_set_selected (currency, i);
    }
  g_assert_cmpstr (selected_text (currency), ==, "USD");
  gtk_widget_activate (display_test_find_button (GTK_WIDGET (dialog), "Check"));
  wait_for_page (GTK_WIDGET (dialog), "summary");
  g_assert_false (gtk_widget_is_visible (display_test_find_row (GTK_WIDGET (dialog), ADW_TYPE_SWITCH_ROW,
                                                                "Create the New Clients")));
  g_assert_true (gtk_widget_get_sensitive (display_test_find_button (GTK_WIDGET (dialog), "Import")));

  gtk_widget_activate (display_test_find_button (GTK_WIDGET (dialog), "Import"));
  g_assert_true (display_test_wait_for (pointer_cleared, &weak));
  lease = signet_store_find_contract_by_number (store, "B-1", NULL);
  g_assert_cmpstr (signet_contract_get_currency (lease), ==, "USD");
  g_assert_cmpint (signet_contract_get_value (lease), ==, 0);
  g_assert_cmpuint (signet_store_count_contracts (store), ==, 2);

  display_test_destroy_windows ();
}

/* In Chinese: the page's words and the summary, for the screenshot. */
static void
test_chinese (void)
{
  g_autoptr(SignetStore) store = NULL;
  g_autofree char *path = fixture ("register-gbk.csv");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *shot = NULL;
  AdwToastOverlay *toasts;
  GtkWidget *parent;
  SignetCsvImportDialog *dialog;

  if (!g_test_subprocess ())
    {
      display_test_run_in_locale ("zh_CN.UTF-8");
      return;
    }

  if (!display_test_child_speaks_chinese ())
    return;

  store = display_test_new_store ();
  parent = window_for_dialogs (&toasts);
  dialog = signet_csv_import_dialog_new (GTK_WINDOW (parent), store, toasts);
  signet_csv_import_dialog_open_file (dialog, file);
  wait_for_page (GTK_WIDGET (dialog), "mapping");

  g_assert_cmpstr (selected_text (combo_row (GTK_WIDGET (dialog), "编码")), ==, "GBK（GB18030）");
  g_assert_cmpstr (selected_text (combo_row (GTK_WIDGET (dialog), "合同编号")), ==, "合同编号");
  g_assert_cmpstr (selected_text (combo_row (GTK_WIDGET (dialog), "签订日期")), ==, "签订日期");
  display_test_spin (500);
  shot = display_test_save_screenshot (GTK_WIDGET (dialog), "csv-dialog-mapping-zh_CN");
  g_test_message ("The mapping page in Chinese: %s", shot);

  gtk_widget_activate (display_test_find_button (GTK_WIDGET (dialog), "检查(H)"));
  wait_for_page (GTK_WIDGET (dialog), "summary");
  g_assert_nonnull (find_label_containing (GTK_WIDGET (dialog), "试运行：将添加 3 份合同。"));
  g_clear_pointer (&shot, g_free);
  display_test_spin (500);
  shot = display_test_save_screenshot (GTK_WIDGET (dialog), "csv-dialog-summary-zh_CN");
  g_test_message ("The summary in Chinese: %s", shot);

  display_test_destroy_windows ();
}

int
main (int   argc,
      char *argv[])
{
  display_test_init (&argc, &argv);
  display_test_bind_build_catalog ();

  g_test_add_func ("/csv-dialog/mapping-then-import", test_mapping_then_import);
  g_test_add_func ("/csv-dialog/error-then-back", test_error_then_back);
  g_test_add_func ("/csv-dialog/cancel", test_cancel);
  g_test_add_func ("/csv-dialog/chinese", test_chinese);

  return g_test_run ();
}
