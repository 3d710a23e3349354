/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "test-current-terms"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "display-test-utils.h"
#include "signet-amendment.h"
#include "signet-contract-list.h"
#include "signet-contract-process.h"
#include "signet-contract-table.h"
#include "signet-date.h"
#include "signet-money.h"
#include "signet-process-section.h"
#include "signet-store-amendments.h"
#include "signet-store-events.h"
#include "signet-window.h"

/* The contract list shows a signed contract with the terms in force: the
 * value, end date and title of its amendment, and the status that end
 * gives it, as a user sees the row; a new amendment reaches the row while
 * the window is open. The strings are the translated ones: under
 * LC_ALL=zh_CN.UTF-8 or de_DE.UTF-8 the test passes as well, and its
 * screenshot (current-terms-row.png beside the binary) is in that
 * language. */

typedef struct
{
  SignetStore    *store;
  SignetContract *contract;
  SignetWindow   *window;
} Fixture;

static void
amend (Fixture    *f,
       const char *effective_date,
       gint64      value,
       const char *end,
       const char *title)
{
  g_autoptr(SignetAmendment) amendment = signet_amendment_new (signet_contract_get_id (f->contract));
  g_autoptr(GError) error = NULL;

  amendment->number = signet_store_next_amendment_number (f->store, signet_contract_get_id (f->contract),
                                                          SIGNET_AMENDMENT_NUMBER_PATTERN_DEFAULT, &error);
  g_assert_no_error (error);
  amendment->effective_date = g_strdup (effective_date);
  amendment->reason = g_strdup ("扩租");
  amendment->changes = SIGNET_AMENDED_TERM_FLAG (SIGNET_AMENDED_VALUE);
  amendment->value = value;
  amendment->currency = g_strdup ("CNY");
  if (end != NULL)
    {
      amendment->changes |= SIGNET_AMENDED_TERM_FLAG (SIGNET_AMENDED_END_DATE);
      amendment->end_date = g_strdup (end);
    }
  if (title != NULL)
    {
      amendment->changes |= SIGNET_AMENDED_TERM_FLAG (SIGNET_AMENDED_TITLE);
      amendment->title = g_strdup (title);
    }
  g_assert_true (signet_store_add_amendment (f->store, amendment, &error));
  g_assert_no_error (error);
}

/* On 2026-06-01: 仓库租赁合同, 100,000.00 CNY, signed to run until
 * 2026-04-30, was amended from 2026-03-01 to 仓库租赁合同（扩租）,
 * 150,000.00 CNY, until 2026-12-31. */
static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(SignetClient) client = NULL;
  g_autoptr(GError) error = NULL;

  display_test_reset_settings ();
  f->store = display_test_new_store ();
  signet_store_set_today (f->store, "2026-06-01");
  client = display_test_add_client (f->store, "上海华东建设工程有限公司", "HDJX");
  f->contract = display_test_add_contract (f->store, client, "HT-2026-0001", "仓库租赁合同", 10000000);
  signet_contract_set_signing_date (f->contract, "2025-12-20");
  signet_contract_set_start_date (f->contract, "2026-01-01");
  signet_contract_set_end_date (f->contract, "2026-04-30");
  signet_contract_set_auto_renew (f->contract, FALSE);
  g_assert_true (signet_store_update_contract (f->store, f->contract, &error));
  g_assert_no_error (error);
  amend (f, "2026-03-01", 15000000, "2026-12-31", "仓库租赁合同（扩租）");

  f->window = signet_window_new (NULL, f->store, NULL);
  display_test_show (GTK_WINDOW (f->window));
  display_test_spin (300);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  display_test_destroy_windows ();
  g_clear_object (&f->contract);
  g_clear_object (&f->store);
}

static GtkWidget *
table (Fixture *f)
{
  return display_test_find_type (GTK_WIDGET (f->window), SIGNET_TYPE_CONTRACT_TABLE);
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

/* Whether a label on screen under @root has @text in it. */
static gboolean
label_containing (GtkWidget  *root,
                  const char *text)
{
  if (GTK_IS_LABEL (root) && gtk_widget_get_mapped (root) &&
      strstr (gtk_label_get_text (GTK_LABEL (root)), text) != NULL)
    return TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (label_containing (child, text))
      return TRUE;

  return FALSE;
}

typedef struct
{
  Fixture    *f;
  const char *text;
} LabelWait;

static gboolean
label_shown (gpointer data)
{
  LabelWait *wait = data;

  return label_showing (table (wait->f), wait->text);
}

static void
test_row (Fixture       *f,
          gconstpointer  data)
{
  g_autofree char *amended_value = signet_money_format (15000000, "CNY");
  g_autofree char *signed_value = signet_money_format (10000000, "CNY");
  g_autofree char *later_value = signet_money_format (20000000, "CNY");
  g_autofree char *amended_end = signet_date_format_display ("2026-12-31");
  g_autofree char *signed_end = signet_date_format_display ("2026-04-30");
  g_autofree char *shot = NULL;
  g_autofree char *in_force = NULL;
  SignetContractList *list;
  GtkWidget *process;
  LabelWait wait = { f, NULL };

  g_assert_true (label_showing (table (f), "仓库租赁合同（扩租）"));
  g_assert_false (label_showing (table (f), "仓库租赁合同"));
  g_assert_true (label_showing (table (f), amended_value));
  g_assert_false (label_showing (table (f), signed_value));
  g_assert_true (label_showing (table (f), amended_end));
  g_assert_false (label_showing (table (f), signed_end));
  /* Active to the amended end, not Expired after the signed one. */
  g_assert_true (label_showing (table (f), signet_contract_status_to_label (SIGNET_CONTRACT_STATUS_ACTIVE)));
  g_assert_false (label_showing (table (f), signet_contract_status_to_label (SIGNET_CONTRACT_STATUS_EXPIRED)));
  shot = display_test_save_screenshot (GTK_WIDGET (f->window), "current-terms-row");
  g_test_message ("screenshot: %s", shot);

  /* Found by the amended title. */
  list = signet_contract_table_get_model (SIGNET_CONTRACT_TABLE (table (f)));
  signet_contract_list_set_search (list, "扩租");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1);
  signet_contract_list_set_search (list, NULL);

  /* The contract's page says the same in its Process section. */
  signet_window_open_contract (f->window, signet_contract_get_id (f->contract));
  display_test_spin (300);
  process = display_test_find_type (GTK_WIDGET (f->window), SIGNET_TYPE_PROCESS_SECTION);
  g_assert_nonnull (process);
  in_force = g_strdup_printf (_("Signed and in force until %s."), amended_end);
  g_assert_true (label_showing (process, signet_contract_status_to_label (SIGNET_CONTRACT_STATUS_ACTIVE)));
  g_assert_true (label_containing (process, in_force));
  g_assert_false (label_containing (process, signed_end));

  /* Another amendment in force reaches the open window's row. */
  amend (f, "2026-05-01", 20000000, NULL, NULL);
  wait.text = later_value;
  g_assert_true (display_test_wait_for (label_shown, &wait));
  g_assert_false (label_showing (table (f), amended_value));
}

int
main (int   argc,
      char *argv[])
{
  display_test_init (&argc, &argv);
  display_test_bind_build_catalog ();

  g_test_add ("/current-terms/row", Fixture, NULL, fixture_set_up, test_row, fixture_tear_down);

  return g_test_run ();
}
