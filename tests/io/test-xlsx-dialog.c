/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "test-xlsx-dialog"

#include "config.h"

#include <string.h>
#include <sys/wait.h>

#include "display-test-utils.h"
#include "io-test-utils.h"
#include "signet-contract-list.h"
#include "signet-xlsx-export-dialog.h"
#include "unit-test-utils.h"

/* Export as Excel… as a user sees it: the choice between the contracts
 * the list shows and the whole register, each with its count; the
 * workbook written, the dialog gone and a toast naming the file with a
 * button to open it; a file that cannot be written says why in the
 * dialog; the same in Chinese. */

typedef struct
{
  GtkWidget       *window;
  AdwToastOverlay *toasts;
} Parent;

static Parent
window_with_toasts (void)
{
  Parent parent;

  parent.window = adw_window_new ();
  parent.toasts = ADW_TOAST_OVERLAY (adw_toast_overlay_new ());
  adw_toast_overlay_set_child (parent.toasts, gtk_label_new (NULL));
  adw_window_set_content (ADW_WINDOW (parent.window), GTK_WIDGET (parent.toasts));
  gtk_window_set_default_size (GTK_WINDOW (parent.window), 1000, 700);
  display_test_show (GTK_WINDOW (parent.window));

  return parent;
}

static GtkLabel *
find_label_containing (GtkWidget  *root,
                       const char *text)
{
  if (GTK_IS_LABEL (root) && gtk_widget_get_mapped (root) &&
      strstr (gtk_label_get_text (GTK_LABEL (root)), text) != NULL)
    return GTK_LABEL (root);

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkLabel *label = find_label_containing (child, text);

      if (label != NULL)
        return label;
    }

  return NULL;
}

typedef struct
{
  GtkWidget  *root;
  const char *text;
} LabelWait;

static gboolean
label_shown (gpointer data)
{
  LabelWait *wait = data;

  return find_label_containing (wait->root, wait->text) != NULL;
}

/* The contract numbers of the workbook's first sheet, as python3-openpyxl
 * reads them (xlsx-reader.py), one a line; NULL, the test skipped, when
 * openpyxl is missing. */
static char *
read_numbers (const char *path)
{
  g_autofree char *script = g_build_filename (SIGNET_SOURCE_DIR, "tests", "io", "xlsx-reader.py", NULL);
  const char *argv[] = { "python3", script, path, NULL };
  g_autofree char *out = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GString) numbers = g_string_new (NULL);
  int status;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, NULL, &status, NULL));
  if (WIFEXITED (status) && WEXITSTATUS (status) == 77)
    {
      g_test_skip ("python3-openpyxl is not installed");
      return NULL;
    }
  g_assert_true (g_spawn_check_wait_status (status, NULL));

  lines = g_strsplit (out, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = g_strsplit (lines[i], "\t", -1);

      /* Column A of the first sheet below its header, whatever its name. */
      if (g_strv_length (fields) == 6 && g_str_equal (fields[0], "cell") &&
          g_str_has_prefix (fields[2], "A") && !g_str_equal (fields[2], "A1") &&
          g_str_has_prefix (fields[5], "HT-"))
        g_string_append_printf (numbers, "%s\n", fields[5]);
    }

  return g_string_free (g_steal_pointer (&numbers), FALSE);
}

static gboolean
pointer_cleared (gpointer data)
{
  return *(gpointer *) data == NULL;
}

static gboolean
is_mapped (gpointer data)
{
  return gtk_widget_get_mapped (data);
}

/* Three contracts, of which a search lists one. */
static SignetContractList *
make_view (SignetStore *store)
{
  g_autoptr(SignetClient) client = display_test_add_client (store, "上海华东建设工程有限公司", "C001");
  g_autoptr(SignetContract) lease = display_test_add_contract (store, client, "HT-2026-0001", "办公场地租赁合同", 12000000);
  g_autoptr(SignetContract) service = display_test_add_contract (store, client, "HT-2026-0002", "设备维保服务合同", 5000000);
  g_autoptr(SignetContract) licence = display_test_add_contract (store, client, "HT-2026-0003", "Software licence", 990000);
  SignetContractList *list;

  list = signet_contract_list_new (store);
  signet_contract_list_set_search (list, "licence");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1);

  return list;
}

static void
check_dialog (const char *in_view,
              const char *whole,
              const char *toast,
              const char *screenshot)
{
  g_autoptr(SignetStore) store = display_test_new_store ();
  g_autoptr(SignetContractList) view = make_view (store);
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "view.xlsx", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *shot = NULL;
  g_autofree char *numbers = NULL;
  Parent parent = window_with_toasts ();
  SignetXlsxExportDialog *dialog;
  LabelWait wait;
  gpointer weak;

  dialog = signet_xlsx_export_dialog_new (GTK_WINDOW (parent.window), store, view, parent.toasts);
  weak = dialog;
  g_object_add_weak_pointer (G_OBJECT (dialog), &weak);
  signet_xlsx_export_dialog_choose_file (dialog);
  g_assert_true (display_test_wait_for (is_mapped, dialog));
  /* Past the dialog's fade-in, for the screenshot. */
  display_test_spin (500);

  g_assert_nonnull (display_test_find_row (GTK_WIDGET (dialog), ADW_TYPE_ACTION_ROW, in_view));
  g_assert_nonnull (display_test_find_row (GTK_WIDGET (dialog), ADW_TYPE_ACTION_ROW, whole));
  shot = display_test_save_screenshot (parent.window, screenshot);
  g_test_message ("screenshot: %s", shot);

  /* The view only: the dialog goes once the file is written, and the
   * toast says how many contracts went where. */
  signet_xlsx_export_dialog_export_file (dialog, file, TRUE);
  g_assert_true (display_test_wait_for (pointer_cleared, &weak));
  wait.root = GTK_WIDGET (parent.toasts);
  wait.text = toast;
  g_assert_true (display_test_wait_for (label_shown, &wait));
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));

  /* The workbook holds what the list showed, and only that. */
  numbers = read_numbers (path);
  if (numbers != NULL)
    g_assert_cmpstr (numbers, ==, "HT-2026-0003\n");

  display_test_destroy_windows ();
}

static void
test_export_view (void)
{
  check_dialog ("The 1 contract in the current view", "The whole register, 3 contracts",
                "1 contract exported to “view.xlsx”", "xlsx-dialog-C");
}

static void
test_export_view_chinese (void)
{
  if (!g_test_subprocess ())
    {
      display_test_run_in_locale ("zh_CN.UTF-8");
      return;
    }

  if (!display_test_child_speaks_chinese ())
    return;

  check_dialog ("当前视图中的 1 份合同", "整个台账，共 3 份合同",
                "已将 1 份合同导出到“view.xlsx”", "xlsx-dialog-zh_CN");
}

/* A folder that is not there: the dialog stays and says so. */
static void
test_export_error (void)
{
  g_autoptr(SignetStore) store = display_test_new_store ();
  g_autoptr(SignetContractList) view = make_view (store);
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "no-such-folder", "out.xlsx", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  Parent parent = window_with_toasts ();
  SignetXlsxExportDialog *dialog;
  LabelWait wait;

  dialog = signet_xlsx_export_dialog_new (GTK_WINDOW (parent.window), store, view, parent.toasts);
  signet_xlsx_export_dialog_export_file (dialog, file, FALSE);
  wait.root = GTK_WIDGET (dialog);
  wait.text = "The Workbook Was Not Written";
  g_assert_true (display_test_wait_for (label_shown, &wait));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_null (find_label_containing (GTK_WIDGET (parent.toasts), "exported"));
  g_assert_nonnull (display_test_find_button (GTK_WIDGET (dialog), "Close"));

  display_test_destroy_windows ();
}

int
main (int   argc,
      char *argv[])
{
  display_test_init (&argc, &argv);
  display_test_bind_build_catalog ();

  g_test_add_func ("/xlsx-dialog/export-view", test_export_view);
  g_test_add_func ("/xlsx-dialog/export-view-zh_CN", test_export_view_chinese);
  g_test_add_func ("/xlsx-dialog/export-error", test_export_error);

  return g_test_run ();
}
