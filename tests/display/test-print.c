/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Printing to PDF: a contract's summary sheet, exported from the window
 * as a user does it, and the list over three pages, read back with
 * pdftotext (poppler-utils, a reader of its own): every term, the value
 * in Chinese capitals in the Chinese interface in a CJK font, and each
 * page's "Page N of M". */

#include "config.h"

#include <locale.h>
#include <string.h>

#include <glib/gstdio.h>

#include "display-test-utils.h"
#include "signet-amendment.h"
#include "signet-contract-list.h"
#include "signet-contract-table.h"
#include "signet-overview.h"
#include "signet-person.h"
#include "signet-print-document.h"
#include "signet-print-list.h"
#include "signet-print-reports.h"
#include "signet-print-summary.h"
#include "signet-store-amendments.h"
#include "signet-store-approvals.h"
#include "signet-store-events.h"
#include "signet-store-originals.h"
#include "signet-store-payments.h"
#include "signet-store-people.h"
#include "signet-store-process.h"
#include "signet-window.h"

/* Contracts the list test prints: enough for three pages of A4. */
#define N_LISTED 100

static gboolean
have_poppler_utils (void)
{
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  g_autofree char *pdffonts = g_find_program_in_path ("pdffonts");

  return pdftotext != NULL && pdffonts != NULL;
}

static gboolean
skip_without_poppler_utils (void)
{
  if (have_poppler_utils ())
    return FALSE;

  g_test_skip ("pdftotext and pdffonts (poppler-utils) read the PDF back; they are not installed");
  return TRUE;
}

/* What @tool (pdftotext or pdffonts) prints for the PDF at @path;
 * "pdftotext -layout" keeps a table's row on one line. */
static char *
run_tool (const char *tool,
          const char *path)
{
  g_auto(GStrv) words = g_strsplit (tool, " ", -1);
  gboolean to_stdout = g_str_equal (words[0], "pdftotext");
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  for (guint i = 0; words[i] != NULL; i++)
    g_ptr_array_add (argv, words[i]);
  g_ptr_array_add (argv, (char *) path);
  if (to_stdout)
    g_ptr_array_add (argv, (char *) "-");
  g_ptr_array_add (argv, NULL);

  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                               &out, &err, &status, &error));
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("%s failed on %s: %s", tool, path, err);

  return g_steal_pointer (&out);
}

/* The text of each page, as pdftotext reads it (pages end in a form feed). */
static GStrv
pdf_pages (const char *path)
{
  g_autofree char *text = run_tool ("pdftotext", path);
  GStrv pages = g_strsplit (text, "\f", -1);
  guint n = g_strv_length (pages);

  /* After the last form feed comes nothing. */
  g_assert_cmpuint (n, >=, 2);
  g_assert_cmpstr (pages[n - 1], ==, "");
  g_free (pages[n - 1]);
  pages[n - 1] = NULL;

  return pages;
}

static char *
join_pages (GStrv pages)
{
  return g_strjoinv ("\n", pages);
}

static void
assert_shows (const char *text,
              const char *expected)
{
  if (strstr (text, expected) == NULL)
    g_error ("The PDF does not show “%s”; its text is:\n%s", expected, text);
}

/* Whether a line of @text (pdftotext -layout) shows @cells, in order. */
static void
assert_shows_row (const char         *text,
                  const char * const *cells)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *at = lines[i];

      for (guint c = 0; at != NULL && cells[c] != NULL; c++)
        {
          at = strstr (at, cells[c]);
          if (at != NULL)
            at += strlen (cells[c]);
        }
      if (at != NULL)
        return;
    }

  g_error ("No line of the PDF shows “%s” … “%s”; its text is:\n%s", cells[0], cells[1], text);
}

static guint
count (const char *text,
       const char *needle)
{
  guint n = 0;

  for (const char *p = strstr (text, needle); p != NULL; p = strstr (p + 1, needle))
    n++;

  return n;
}

/* With SIGNET_TEST_PRINT_DIR set, the PDFs are kept there as @name, to be
 * looked at (pdftoppm -png). */
static void
keep_pdf (const char *path,
          const char *name)
{
  const char *dir = g_getenv ("SIGNET_TEST_PRINT_DIR");
  g_autofree char *target = NULL;
  g_autofree char *bytes = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;

  if (dir == NULL)
    return;

  target = g_build_filename (dir, name, NULL);
  g_assert_true (g_file_get_contents (path, &bytes, &length, &error));
  g_assert_true (g_file_set_contents (target, bytes, length, &error));
  g_assert_no_error (error);
}

static gint64
add_person (SignetStore *store,
            const char  *name,
            const char  *role)
{
  g_autoptr(SignetPerson) person = signet_person_new ();
  g_autoptr(GError) error = NULL;

  signet_person_set_name (person, name);
  signet_person_set_role (person, role);
  g_assert_true (signet_store_add_person (store, person, &error));
  g_assert_no_error (error);

  return signet_person_get_id (person);
}

static void
take_step (SignetStore         *store,
           gint64               id,
           SignetProcessAction  action)
{
  g_autoptr(SignetContract) stored = signet_store_get_contract (store, id, NULL);
  SignetProcessStep step = {
    .action = action,
    .our_signing_date = (char *) "2025-12-20",
    .their_signing_date = (char *) "2025-12-22",
  };
  g_autoptr(GError) error = NULL;

  g_assert_true (signet_store_take_process_step (store, id, signet_contract_get_version (stored), &step, &error));
  g_assert_no_error (error);
}

/* A purchase contract of ¥1,000,000.00 approved by 法务 (王强) through the
 * 标准审批 route, signed, amended to ¥1,234,567.89 from 2026-06-01, with a
 * milestone, two planned payments (one paid), the original in the archive
 * and lent to 赵敏, due a week before the register's day. */
static SignetContract *
add_purchase (SignetStore *store)
{
  g_autoptr(SignetClient) client = display_test_add_client (store, "北京华信科技有限公司", "HX");
  g_autoptr(SignetApprovalRoute) route = signet_approval_route_new ("标准审批");
  g_autoptr(SignetRouteStep) legal_step = NULL;
  g_autoptr(GPtrArray) rules = g_ptr_array_new_with_free_func ((GDestroyNotify) signet_approval_rule_free);
  g_autoptr(GPtrArray) no_rules = g_ptr_array_new ();
  g_autoptr(SignetAmendment) amendment = NULL;
  g_autoptr(SignetPayment) deposit = NULL;
  g_autoptr(SignetPayment) balance = NULL;
  g_autoptr(SignetPaymentSettlement) settlement = NULL;
  g_autoptr(SignetOriginal) original = NULL;
  g_autoptr(SignetLoan) loan = NULL;
  g_autoptr(SignetUserKeyDate) milestone = NULL;
  g_autoptr(GError) error = NULL;
  SignetApprovalDecision decision = { .action = SIGNET_PROCESS_ACTION_APPROVE, .opinion = (char *) "同意" };
  SignetContract *contract;
  gint64 legal_id;
  gint64 id;

  signet_client_set_contact (client, "张伟");
  signet_client_set_phone (client, "010-88886666");
  g_assert_true (signet_store_update_client (store, client, &error));
  g_assert_no_error (error);

  legal_id = add_person (store, "王强", "法务");
  legal_step = signet_route_step_new ("法务", legal_id, NULL, 3);
  signet_approval_route_add_step (route, legal_step);
  g_assert_true (signet_store_add_approval_route (store, route, &error));
  g_assert_no_error (error);
  g_ptr_array_add (rules, signet_approval_rule_new ("采购合同", 0, NULL, route->id));
  g_assert_true (signet_store_set_approval_rules (store, rules, &error));
  g_assert_no_error (error);

  contract = display_test_add_draft_contract (store, client, "HT-2026-0042", "办公设备采购合同", 100000000);
  id = signet_contract_get_id (contract);
  signet_contract_set_contract_type (contract, "采购合同");
  signet_contract_set_owner (contract, "李娜");
  signet_contract_set_department (contract, "行政部");
  signet_contract_set_currency (contract, "CNY");
  signet_contract_set_signing_date (contract, "2025-12-20");
  signet_contract_set_start_date (contract, "2026-01-01");
  signet_contract_set_end_date (contract, "2027-12-31");
  signet_contract_set_notice_days (contract, 30);
  signet_contract_set_auto_renew (contract, TRUE);
  signet_contract_set_risk_level (contract, SIGNET_RISK_LEVEL_MEDIUM);
  g_assert_true (signet_store_update_contract (store, contract, &error));
  g_assert_no_error (error);

  take_step (store, id, SIGNET_PROCESS_ACTION_SUBMIT);
  decision.approver_id = legal_id;
  {
    g_autoptr(SignetContract) stored = signet_store_get_contract (store, id, NULL);

    g_assert_true (signet_store_decide_approval_step (store, id, 0, signet_contract_get_version (stored),
                                                      &decision, &error));
    g_assert_no_error (error);
  }
  take_step (store, id, SIGNET_PROCESS_ACTION_MARK_SIGNED);

  /* Without a rule the amendment is in effect at once. */
  g_assert_true (signet_store_set_approval_rules (store, no_rules, &error));
  g_assert_no_error (error);
  amendment = signet_amendment_new (id);
  amendment->number = g_strdup ("HT-2026-0042-A1");
  amendment->signing_date = g_strdup ("2026-05-28");
  amendment->effective_date = g_strdup ("2026-06-01");
  amendment->reason = g_strdup ("增加采购数量");
  amendment->changes = SIGNET_AMENDED_TERM_FLAG (SIGNET_AMENDED_VALUE);
  amendment->value = 123456789;
  amendment->currency = g_strdup ("CNY");
  g_assert_true (signet_store_add_amendment (store, amendment, &error));
  g_assert_no_error (error);

  milestone = signet_user_key_date_new (id, SIGNET_KEY_DATE_MILESTONE, "2026-03-15", "到货验收", NULL);
  g_assert_true (signet_store_add_key_date (store, milestone, &error));
  g_assert_no_error (error);

  deposit = signet_payment_new (id);
  deposit->title = g_strdup ("首付款");
  deposit->amount = 50000000;
  deposit->currency = g_strdup ("CNY");
  deposit->due_date = g_strdup ("2026-02-01");
  g_assert_true (signet_store_add_payment (store, deposit, &error));
  g_assert_no_error (error);
  settlement = signet_payment_settlement_new (deposit->id);
  settlement->date = g_strdup ("2026-01-28");
  settlement->amount = 50000000;
  g_assert_true (signet_store_add_payment_settlement (store, settlement, &error));
  g_assert_no_error (error);
  balance = signet_payment_new (id);
  balance->title = g_strdup ("尾款");
  balance->amount = 73456789;
  balance->currency = g_strdup ("CNY");
  balance->due_date = g_strdup ("2027-01-31");
  g_assert_true (signet_store_add_payment (store, balance, &error));
  g_assert_no_error (error);

  original = signet_original_new (id);
  original->archive_number = g_strdup ("DA-2026-017");
  original->room = g_strdup ("3号档案室");
  g_assert_true (signet_store_save_original (store, original, &error));
  g_assert_no_error (error);
  loan = signet_loan_new (id);
  loan->borrower_id = add_person (store, "赵敏", "审计");
  loan->purpose = g_strdup ("审计查阅");
  loan->lent_on = g_strdup ("2026-11-20");
  loan->due_on = g_strdup ("2026-11-30");
  g_assert_true (signet_store_add_loan (store, loan, &error));
  g_assert_no_error (error);

  return contract;
}

/* A new register where the app keeps its usual one, which the pages'
 * header calls the Contract Register rather than by its file's name. */
static SignetStore *
new_usual_store (void)
{
  g_autofree char *path = signet_store_get_default_path ();
  g_autofree char *dir = g_path_get_dirname (path);
  g_autoptr(GError) error = NULL;
  SignetStore *store;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_unlink (path);
  store = signet_store_new (path, &error);
  g_assert_no_error (error);

  return store;
}

static gboolean
file_written (gpointer data)
{
  return g_file_test (data, G_FILE_TEST_EXISTS);
}

/* Answers the file chooser Export as PDF… shows, which offers @name, as
 * a user saving under that name in @dir. */
static void
save_in_chooser (const char *dir,
                 const char *name)
{
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  GtkWidget *chooser;

  g_assert_true (display_test_wait_for (display_test_file_chooser_shown, NULL));
  chooser = display_test_find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG);

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  g_assert_true (display_test_wait_for (display_test_chooser_has_folder, chooser));
  display_test_spin (500);
  g_assert_cmpstr (gtk_file_chooser_get_current_name (GTK_FILE_CHOOSER (chooser)), ==, name);
  g_assert_true (gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, NULL));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  display_test_spin (300);
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_ACCEPT);
  G_GNUC_END_IGNORE_DEPRECATIONS
}

/* Export as PDF… from the contract's menu: the file the user names holds
 * the summary sheet, with every term of the contract as in force today. */
static void
test_summary_from_window (void)
{
  g_autoptr(SignetStore) store = NULL;
  g_autoptr(SignetContract) contract = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("signet-print-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  g_auto(GStrv) pages = NULL;
  const char *terms[] = {
    "HT-2026-0042 Contract Summary", "办公设备采购合同", "北京华信科技有限公司", "采购合同", "李娜", "行政部",
    /* The value amended from ¥1,000,000.00. */
    "¥1,234,567.89", "2025-12-20", "2026-01-01", "2027-12-31", "30 days, by 2027-12-01", "Active", "Medium",
    "HX", "张伟", "010-88886666", "2025-12-22",
    "Milestone: 到货验收", "2026-03-15",
    "Round 1 · 1. 法务", "王强", "Approved", "同意",
    "HT-2026-0042-A1", "Value: ¥1,234,567.89", "Reason: 增加采购数量",
    "首付款 (Receivable)", "¥500,000.00", "Paid", "尾款 (Receivable)", "¥734,567.89",
    "DA-2026-017", "3号档案室", "赵敏", "审计查阅", "Overdue by 7 days",
    "Contract Register", "2026-12-07",
  };
  SignetWindow *window;
  GtkWidget *menu_button;
  guint n_pages;

  if (skip_without_poppler_utils ())
    return;

  g_assert_no_error (error);
  path = g_build_filename (dir, "HT-2026-0042.pdf", NULL);
  display_test_reset_settings ();
  store = new_usual_store ();
  signet_store_set_today (store, "2026-12-07");
  contract = add_purchase (store);

  window = signet_window_new (NULL, store, NULL);
  display_test_show (GTK_WINDOW (window));
  /* Nothing to print before a contract is on the page, and no menu. */
  menu_button = display_test_find_accessible (GTK_WIDGET (window), "Contract Menu");
  g_assert_nonnull (menu_button);
  g_assert_false (gtk_widget_get_visible (menu_button));
  gtk_widget_activate_action (GTK_WIDGET (window), "contract.export-pdf", NULL);
  display_test_spin (300);
  g_assert_false (display_test_file_chooser_shown (NULL));
  display_test_select_contract (GTK_WIDGET (window), contract);
  g_assert_true (gtk_widget_get_visible (menu_button));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "contract.export-pdf", NULL));
  save_in_chooser (dir, "HT-2026-0042.pdf");
  g_assert_true (display_test_wait_for (file_written, path));
  keep_pdf (path, "summary-en.pdf");
  pages = pdf_pages (path);
  text = join_pages (pages);
  for (guint i = 0; i < G_N_ELEMENTS (terms); i++)
    assert_shows (text, terms[i]);

  /* Figures only: capitals are for the Chinese interface. */
  g_assert_null (strstr (text, "人民币"));

  n_pages = g_strv_length (pages);
  for (guint i = 0; i < n_pages; i++)
    {
      g_autofree char *footer = g_strdup_printf ("Page %u of %u", i + 1, n_pages);

      assert_shows (pages[i], footer);
      assert_shows (pages[i], "Contract Register");
    }

  display_test_destroy_windows ();
  g_remove (path);
  g_rmdir (dir);
}

/* In the Chinese interface the sheet says the value in capitals as well,
 * and Chinese text is drawn in a CJK font, not in boxes. */
static void
test_summary_chinese (void)
{
  g_autoptr(SignetStore) store = NULL;
  g_autoptr(SignetContract) contract = NULL;
  g_autoptr(SignetPrintDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  g_autofree char *fonts = NULL;
  g_auto(GStrv) pages = NULL;

  if (skip_without_poppler_utils ())
    return;

  if (!g_test_subprocess ())
    {
      display_test_run_in_locale ("zh_CN.UTF-8");
      return;
    }
  if (!display_test_child_speaks_chinese ())
    return;

  dir = g_dir_make_tmp ("signet-print-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (dir, "summary.pdf", NULL);
  store = new_usual_store ();
  signet_store_set_today (store, "2026-12-07");
  contract = add_purchase (store);

  document = signet_print_summary_new (store, signet_contract_get_id (contract), &error);
  g_assert_no_error (error);
  g_assert_true (signet_print_document_export_pdf (document, path, &error));
  g_assert_no_error (error);

  keep_pdf (path, "summary-zh_CN.pdf");
  pages = pdf_pages (path);
  text = join_pages (pages);
  assert_shows (text, "HT-2026-0042 合同摘要");
  assert_shows (text, "大写金额");
  assert_shows (text, "人民币壹佰贰拾叁万肆仟伍佰陆拾柒元捌角玖分");
  assert_shows (text, "北京华信科技有限公司");
  assert_shows (text, "履行中");
  assert_shows (text, "合同台账");
  assert_shows (text, "2026年12月07日");
  assert_shows (text, "已逾期 7 天");
  assert_shows (text, "第 1 页，共");

  /* The Chinese is in a CJK face embedded in the file. */
  fonts = run_tool ("pdffonts", path);
  if (strstr (fonts, "NotoSansCJK") == NULL && strstr (fonts, "Noto Sans CJK") == NULL)
    g_error ("No CJK font in the PDF:\n%s", fonts);

  g_remove (path);
  g_rmdir (dir);
}

/* The list as searched, over three pages: each page repeats the header
 * row and says "Page N of 3"; every contract found is on one of them, in
 * the list's order, and the others on none. */
static void
test_list_pages (void)
{
  g_autoptr(SignetStore) store = NULL;
  g_autoptr(SignetClient) client = NULL;
  g_autoptr(SignetContractList) list = NULL;
  g_autoptr(SignetPrintDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("signet-print-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  g_auto(GStrv) pages = NULL;
  const char *last = NULL;

  if (skip_without_poppler_utils ())
    return;

  g_assert_no_error (error);
  path = g_build_filename (dir, "list.pdf", NULL);
  store = display_test_new_store ();
  signet_store_set_today (store, "2026-12-07");
  client = display_test_add_client (store, "上海浦江物业管理有限公司", "PJWY");
  for (guint i = 1; i <= N_LISTED + 5; i++)
    {
      g_autofree char *number = g_strdup_printf ("HT-2026-%04u", i);
      g_autofree char *title = g_strdup_printf (i <= N_LISTED ? "物业服务合同 %u" : "仓库租赁合同 %u", i);

      g_object_unref (display_test_add_contract (store, client, number, title, 100000 + i));
    }

  list = signet_contract_list_new (store);
  signet_contract_list_set_sort (list, SIGNET_SORT_NUMBER, FALSE);
  signet_contract_list_set_search (list, "服务");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, N_LISTED);

  document = signet_print_list_new (list, NULL);
  g_assert_true (signet_print_document_export_pdf (document, path, &error));
  g_assert_no_error (error);
  keep_pdf (path, "list.pdf");
  g_assert_cmpuint (signet_print_document_get_n_pages (document), ==, 3);

  pages = pdf_pages (path);
  g_assert_cmpuint (g_strv_length (pages), ==, 3);
  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *footer = g_strdup_printf ("Page %u of 3", i + 1);

      assert_shows (pages[i], footer);
      assert_shows (pages[i], "End Date");
      assert_shows (pages[i], "register.db");
      assert_shows (pages[i], "2026-12-07");
    }
  assert_shows (pages[0], "100 contracts · Search: “服务”");

  text = join_pages (pages);
  for (guint i = 1; i <= N_LISTED + 5; i++)
    {
      g_autofree char *number = g_strdup_printf ("HT-2026-%04u", i);
      const char *at = strstr (text, number);

      g_assert_cmpuint (count (text, number), ==, i <= N_LISTED ? 1 : 0);
      if (i > N_LISTED)
        continue;
      g_assert_true (last == NULL || at > last);
      last = at;
    }
  assert_shows (text, "¥1,001.00");

  /* Narrowed by a query besides the search: the line under the title
   * says so, in the words the window gives it or as "Filtered". */
  {
    g_autoptr(SignetContractQuery) query = signet_contract_query_new ();
    g_autoptr(SignetPrintDocument) filtered = NULL;
    g_autoptr(SignetPrintDocument) named = NULL;
    g_autofree char *filtered_text = NULL;
    g_autofree char *named_text = NULL;
    gint64 client_id = signet_client_get_id (client);

    signet_contract_query_set_clients (query, &client_id, 1);
    signet_contract_list_set_query (list, query);
    filtered = signet_print_list_new (list, NULL);
    g_assert_true (signet_print_document_export_pdf (filtered, path, &error));
    g_assert_no_error (error);
    filtered_text = run_tool ("pdftotext", path);
    assert_shows (filtered_text, "100 contracts · Filtered · Search: “服务”");

    named = signet_print_list_new (list, "Contracts of 上海浦江物业管理有限公司");
    g_assert_true (signet_print_document_export_pdf (named, path, &error));
    g_assert_no_error (error);
    named_text = run_tool ("pdftotext", path);
    assert_shows (named_text, "100 contracts · Contracts of 上海浦江物业管理有限公司 · Search: “服务”");
  }

  g_remove (path);
  g_rmdir (dir);
}

static gboolean
list_searched (gpointer data)
{
  SignetContractList *list = signet_contract_table_get_model (SIGNET_CONTRACT_TABLE (data));

  return g_strcmp0 (signet_contract_list_get_search (list), "服务") == 0 &&
         g_list_model_get_n_items (G_LIST_MODEL (list)) == 2;
}

/* Export List as PDF… from the main menu writes the list as the window
 * shows it, searched. */
static void
test_list_from_window (void)
{
  g_autoptr(SignetStore) store = NULL;
  g_autoptr(SignetClient) client = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  SignetWindow *window;
  GtkWidget *table;

  if (skip_without_poppler_utils ())
    return;

  /* In a process of its own: GTK keeps the recently used files where the
   * first file chooser of the process found the data folder, which was
   * the test's before this one and is gone. */
  if (!g_test_subprocess ())
    {
      display_test_run_in_locale ("C.UTF-8");
      return;
    }

  dir = g_dir_make_tmp ("signet-print-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (dir, "contracts.pdf", NULL);
  display_test_reset_settings ();
  store = display_test_new_store ();
  signet_store_set_today (store, "2026-12-07");
  client = display_test_add_client (store, "上海浦江物业管理有限公司", "PJWY");
  g_object_unref (display_test_add_contract (store, client, "HT-2026-0001", "物业服务合同", 1200000));
  g_object_unref (display_test_add_contract (store, client, "HT-2026-0002", "仓库租赁合同", 800000));
  g_object_unref (display_test_add_contract (store, client, "HT-2026-0003", "保洁服务合同", 300000));

  window = signet_window_new (NULL, store, NULL);
  display_test_show (GTK_WINDOW (window));
  table = display_test_find_type (GTK_WIDGET (window), SIGNET_TYPE_CONTRACT_TABLE);
  gtk_editable_set_text (GTK_EDITABLE (display_test_find_type (GTK_WIDGET (window), GTK_TYPE_SEARCH_ENTRY)),
                         "服务");
  g_assert_true (display_test_wait_for (list_searched, table));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.export-list-pdf", NULL));
  save_in_chooser (dir, "contracts.pdf");
  g_assert_true (display_test_wait_for (file_written, path));
  text = run_tool ("pdftotext", path);

  assert_shows (text, "2 contracts · Search: “服务”");
  assert_shows (text, "HT-2026-0001");
  assert_shows (text, "HT-2026-0003");
  g_assert_null (strstr (text, "HT-2026-0002"));
  assert_shows (text, "Page 1 of 1");

  display_test_destroy_windows ();
  g_remove (path);
  g_rmdir (dir);
}

/* The overview printed shows every figure of the overview of the same
 * day, each on the row of its label. */
static void
test_overview (void)
{
  g_autoptr(SignetStore) store = NULL;
  g_autoptr(SignetContract) contract = NULL;
  g_autoptr(SignetOverview) overview = NULL;
  g_autoptr(SignetPrintDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("signet-print-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;

  if (skip_without_poppler_utils ())
    return;

  g_assert_no_error (error);
  path = g_build_filename (dir, "overview.pdf", NULL);
  store = display_test_new_store ();
  signet_store_set_today (store, "2026-12-07");
  contract = add_purchase (store);

  document = signet_print_overview_new (store, &error);
  g_assert_no_error (error);
  g_assert_true (signet_print_document_export_pdf (document, path, &error));
  g_assert_no_error (error);
  keep_pdf (path, "overview.pdf");
  text = run_tool ("pdftotext -layout", path);

  overview = signet_store_compute_overview (store, 10, &error);
  g_assert_no_error (error);
  assert_shows (text, "Overview");
  assert_shows (text, "1 contract on 2026-12-07");
  /* The one contract is active, its original overdue. */
  g_assert_cmpuint (signet_overview_get_status_count (overview, SIGNET_CONTRACT_STATUS_ACTIVE), ==, 1);
  g_assert_cmpuint (signet_overview_get_count (overview, SIGNET_OVERVIEW_OVERDUE_LOANS), ==, 1);
  for (guint status = 0; status < SIGNET_N_CONTRACT_STATUSES; status++)
    {
      g_autofree char *n = g_strdup_printf ("%u", signet_overview_get_status_count (overview, status));
      const char *cells[] = { signet_contract_status_to_label (status), n, NULL };

      assert_shows_row (text, cells);
    }
  for (guint i = 0; i < SIGNET_N_OVERVIEW_COUNTS; i++)
    {
      g_autofree char *n = g_strdup_printf ("%u", signet_overview_get_count (overview, i));
      const char *cells[] = { signet_overview_count_get_label (i), n, NULL };

      assert_shows_row (text, cells);
    }
  {
    const char *value[] = { "CNY", "¥1,234,567.89", "1", NULL };
    const char *client[] = { "北京华信科技有限公司", "¥1,234,567.89", "1", NULL };
    const char *signed_in[] = { "2025-12", "1", "0", NULL };

    assert_shows_row (text, value);
    assert_shows_row (text, client);
    assert_shows_row (text, signed_in);
  }

  g_remove (path);
  g_rmdir (dir);
}

/* This year's scorecards of the clients: each client ranked with every
 * figure as the scorecard formats it, then how each is computed. */
static void
test_scorecards (void)
{
  g_autoptr(SignetStore) store = NULL;
  g_autoptr(SignetContract) contract = NULL;
  g_autoptr(SignetClient) other = NULL;
  g_autoptr(GPtrArray) scorecards = NULL;
  g_autoptr(SignetPrintDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("signet-print-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;

  if (skip_without_poppler_utils ())
    return;

  g_assert_no_error (error);
  path = g_build_filename (dir, "scorecards.pdf", NULL);
  store = display_test_new_store ();
  signet_store_set_today (store, "2026-12-07");
  contract = add_purchase (store);
  other = display_test_add_client (store, "上海浦江物业管理有限公司", "PJWY");
  g_object_unref (display_test_add_contract (store, other, "HT-2026-0050", "物业服务合同", 300000));

  document = signet_print_scorecards_new (store, SIGNET_SCORECARD_CLIENT, "2026-01-01", "2026-12-31", &error);
  g_assert_no_error (error);
  g_assert_true (signet_print_document_export_pdf (document, path, &error));
  g_assert_no_error (error);
  keep_pdf (path, "scorecards.pdf");
  text = run_tool ("pdftotext -layout", path);

  assert_shows (text, "Scorecards of Clients");
  assert_shows (text, "From 2026-01-01 to 2026-12-31");
  scorecards = signet_store_compute_scorecards (store, SIGNET_SCORECARD_CLIENT, "2026-01-01", "2026-12-31", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (scorecards->len, ==, 2);
  for (guint i = 0; i < scorecards->len; i++)
    {
      SignetScorecard *scorecard = g_ptr_array_index (scorecards, i);
      g_autofree char *heading = g_strdup_printf ("%u. %s", i + 1, signet_scorecard_get_name (scorecard));

      assert_shows (text, heading);
      for (guint figure = 0; figure < SIGNET_N_SCORECARD_FIGURES; figure++)
        {
          g_autofree char *value = signet_scorecard_format_figure (scorecard, figure);
          g_auto(GStrv) first_line = g_strsplit (value, "\n", 2);
          const char *cells[] = { signet_scorecard_figure_get_label (figure), first_line[0], NULL };

          assert_shows_row (text, cells);
        }
    }

  /* Each figure's label once per scorecard and once more where it is
   * explained. */
  assert_shows (text, "How the Figures Are Computed");
  for (guint figure = 0; figure < SIGNET_N_SCORECARD_FIGURES; figure++)
    g_assert_cmpuint (count (text, signet_scorecard_figure_get_label (figure)), >=, scorecards->len + 1);

  g_remove (path);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  display_test_init (&argc, &argv);
  display_test_bind_build_catalog ();

  g_test_add_func ("/print/summary/window", test_summary_from_window);
  g_test_add_func ("/print/summary/chinese", test_summary_chinese);
  g_test_add_func ("/print/list/pages", test_list_pages);
  g_test_add_func ("/print/list/window", test_list_from_window);
  g_test_add_func ("/print/overview", test_overview);
  g_test_add_func ("/print/scorecards", test_scorecards);

  return g_test_run ();
}
