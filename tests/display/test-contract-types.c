/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "test-contract-types"

#include "config.h"

#include <locale.h>

#include <glib/gi18n.h>

#include "display-test-utils.h"
#include "signet-application.h"
#include "signet-contract-page.h"
#include "signet-contract-type-dialog.h"
#include "signet-contract-types-page.h"
#include "signet-key-dates-section.h"
#include "signet-review-dialog.h"
#include "signet-store-events.h"
#include "signet-store-types.h"
#include "signet-window.h"

/* Contract types as a user meets them: added and edited on the Contract
 * Types page of Preferences, a new contract of a type from the New
 * Contract menu with the type's defaults in its form and its key dates
 * once saved, and the type's checklist in Record a Review. Each in a
 * window 1200 and 360 pixels wide, drawn into types-LANG-WIDTH-NAME.png
 * beside the test (LC_ALL=zh_CN.UTF-8 or de_DE.UTF-8 for the others). */

typedef struct
{
  SignetStore  *store;
  SignetClient *client;
  SignetWindow *window;
  int           width;
} Fixture;

static SignetApplication *app;

typedef struct
{
  GtkWidget *window;
  int        width;
} WidthWait;

static gboolean
window_width_is (gpointer data)
{
  WidthWait *wait = data;

  return gtk_widget_get_width (wait->window) == wait->width;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  WidthWait wait;
  int height;
  int frame;

  display_test_reset_settings ();
  f->width = GPOINTER_TO_INT (data);
  f->store = display_test_new_store ();
  f->client = display_test_add_client (f->store, "华东建设集团有限公司", "C001");

  height = f->width > 360 ? 760 : 640;
  f->window = signet_window_new (GTK_APPLICATION (app), f->store, NULL);
  gtk_window_set_default_size (GTK_WINDOW (f->window), f->width + 40, height + 40);
  display_test_show (GTK_WINDOW (f->window));
  frame = f->width + 40 - gtk_widget_get_width (GTK_WIDGET (f->window));
  wait = (WidthWait) { GTK_WIDGET (f->window), f->width };
  gtk_window_set_default_size (GTK_WINDOW (f->window), f->width + frame, height + frame);
  g_assert_true (display_test_wait_for (window_width_is, &wait));
  display_test_spin (100);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  display_test_destroy_windows ();
  g_clear_object (&f->client);
  g_clear_object (&f->store);
}

static AdwDialog *
shown_dialog (Fixture *f)
{
  return adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (f->window));
}

typedef struct
{
  Fixture *f;
  GType    type;
} DialogWait;

static gboolean
dialog_of_type_shown (gpointer data)
{
  DialogWait *wait = data;
  AdwDialog *dialog = shown_dialog (wait->f);

  return dialog != NULL && G_TYPE_CHECK_INSTANCE_TYPE (dialog, wait->type) &&
         gtk_widget_get_mapped (adw_dialog_get_child (dialog));
}

static AdwDialog *
wait_for_dialog (Fixture *f,
                 GType    type)
{
  DialogWait wait = { f, type };

  g_assert_true (display_test_wait_for (dialog_of_type_shown, &wait));
  display_test_spin (300);

  return shown_dialog (f);
}

/* The window as it is, into types-LANG-WIDTH-NAME.png; what is shown fits
 * its width. */
static void
look_at (Fixture    *f,
         GtkWidget  *shown,
         const char *name)
{
  g_autofree char *language = NULL;
  g_autofree char *file_name = NULL;
  int minimum;

  display_test_spin (500);
  gtk_widget_measure (shown, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
  g_assert_cmpint (minimum, <=, f->width);

  language = g_strndup (setlocale (LC_MESSAGES, NULL), strcspn (setlocale (LC_MESSAGES, NULL), "."));
  file_name = g_strdup_printf ("types-%s-%d-%s", language, f->width, name);
  g_free (display_test_save_screenshot (GTK_WIDGET (f->window), file_name));
}

static void
type_text (GtkWidget  *editable,
           const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (editable), text);
}

/* Presses Save, the dialog's default button. */
static void
save (AdwDialog *dialog)
{
  GtkWidget *button = adw_dialog_get_default_widget (dialog);

  g_assert_true (GTK_IS_BUTTON (button));
  g_signal_emit_by_name (button, "clicked");
}

static void
test_preferences_page (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GPtrArray) types = NULL;
  g_autoptr(SignetContractType) stored = NULL;
  SignetKeyDateOffset *offset;
  AdwDialog *preferences;
  AdwDialog *dialog;
  GtkWidget *page;
  GtkWidget *row;
  GtkWidget *offset_row;
  GtkWidget *add;
  GtkAdjustment *adjustment;
  GtkWidget *delete_button;
  g_autofree char *delete_label = NULL;
  g_autofree char *message = NULL;
  GtkTextBuffer *buffer;
  GtkWidget *error_label;

  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  preferences = wait_for_dialog (f, ADW_TYPE_PREFERENCES_DIALOG);
  adw_preferences_dialog_set_visible_page_name (ADW_PREFERENCES_DIALOG (preferences), "contract-types");
  page = GTK_WIDGET (adw_preferences_dialog_get_visible_page (ADW_PREFERENCES_DIALOG (preferences)));
  g_assert_true (SIGNET_IS_CONTRACT_TYPES_PAGE (page));
  /* None yet: the list says what a type is for. */
  display_test_spin (300);
  g_assert_true (gtk_widget_get_mapped (display_test_find_label (page, _("No contract types yet. A type added here is "
                                                                         "offered under New Contract."))));
  look_at (f, adw_dialog_get_child (preferences), "preferences-empty");

  /* Add Type…: a name, defaults, a payment 15 days after the start and
   * two clauses. */
  g_assert_true (gtk_widget_activate_action (page, "types.add", NULL));
  dialog = wait_for_dialog (f, SIGNET_TYPE_CONTRACT_TYPE_DIALOG);
  type_text (display_test_find_row (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW, _("Name")), "采购合同");
  type_text (display_test_find_row (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW, _("Department")), "采购部");
  type_text (display_test_find_row (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW, _("Currency (ISO 4217, such as CNY)")),
             "cny");
  adw_spin_row_set_value (ADW_SPIN_ROW (display_test_find_row (GTK_WIDGET (dialog), ADW_TYPE_SPIN_ROW,
                                                               _("Term in Months"))), 12);
  adw_spin_row_set_value (ADW_SPIN_ROW (display_test_find_row (GTK_WIDGET (dialog), ADW_TYPE_SPIN_ROW,
                                                               _("Notice Period in Days"))), 30);
  add = display_test_find_accessible (GTK_WIDGET (dialog), _("Add a Key Date"));
  g_assert_true (GTK_IS_BUTTON (add));
  g_signal_emit_by_name (add, "clicked");
  display_test_spin (200);
  offset_row = gtk_widget_get_ancestor (display_test_find_accessible (GTK_WIDGET (dialog), _("Title")),
                                        GTK_TYPE_LIST_BOX_ROW);
  type_text (display_test_find_accessible (offset_row, _("Title")), "首期付款");
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (display_test_find_accessible (offset_row, _("Days after the start"))), 15);
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (display_test_find_type (GTK_WIDGET (dialog), GTK_TYPE_TEXT_VIEW)));
  gtk_text_buffer_set_text (buffer, "付款条件已核对\n\n验收标准已确认\n", -1);
  look_at (f, adw_dialog_get_child (dialog), "type-dialog");
  /* The key dates and the checklist, further down. */
  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (display_test_find_type (GTK_WIDGET (dialog),
                                                                                               GTK_TYPE_SCROLLED_WINDOW)));
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
  look_at (f, adw_dialog_get_child (dialog), "type-dialog-dates");
  save (dialog);
  g_assert_true (display_test_wait_for (dialog_of_type_shown, &(DialogWait) { f, ADW_TYPE_PREFERENCES_DIALOG }));

  types = signet_store_list_contract_types (f->store, NULL);
  g_assert_cmpuint (types->len, ==, 1);
  stored = g_object_ref (g_ptr_array_index (types, 0));
  g_assert_cmpstr (signet_contract_type_get_name (stored), ==, "采购合同");
  g_assert_cmpstr (signet_contract_type_get_currency (stored), ==, "CNY");
  g_assert_cmpuint (signet_contract_type_get_term_months (stored), ==, 12);
  g_assert_cmpint (signet_contract_type_get_notice_days (stored), ==, 30);
  offset = g_ptr_array_index (signet_contract_type_get_key_date_offsets (stored), 0);
  g_assert_cmpint (offset->kind, ==, SIGNET_KEY_DATE_PAYMENT);
  g_assert_cmpstr (offset->title, ==, "首期付款");
  g_assert_cmpuint (offset->days, ==, 15);
  g_assert_cmpuint (g_strv_length ((char **) signet_contract_type_get_checklist (stored)), ==, 2);

  /* The list shows it; a click edits it. */
  row = display_test_find_row (page, ADW_TYPE_ACTION_ROW, "采购合同");
  g_assert_nonnull (row);
  look_at (f, adw_dialog_get_child (preferences), "preferences-types");
  g_signal_emit_by_name (gtk_widget_get_parent (row), "row-activated", row);
  dialog = wait_for_dialog (f, SIGNET_TYPE_CONTRACT_TYPE_DIALOG);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (display_test_find_row (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW,
                                                                               _("Name")))), ==, "采购合同");
  look_at (f, adw_dialog_get_child (dialog), "type-dialog-edit");

  /* A bad currency is refused in the dialog, which stays. */
  type_text (display_test_find_row (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW, _("Currency (ISO 4217, such as CNY)")),
             "RMB1");
  save (dialog);
  display_test_spin (200);
  message = g_strdup_printf (_("“%s” is not an ISO 4217 currency code."), "RMB1");
  error_label = display_test_find_label (GTK_WIDGET (dialog), message);
  g_assert_nonnull (error_label);
  g_assert_true (gtk_widget_get_visible (error_label));
  g_assert_true (shown_dialog (f) == dialog);
  look_at (f, adw_dialog_get_child (dialog), "type-dialog-error");

  type_text (display_test_find_row (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW, _("Currency (ISO 4217, such as CNY)")),
             "EUR");
  type_text (display_test_find_row (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW, _("Name")), "设备采购合同");
  save (dialog);
  g_assert_true (display_test_wait_for (dialog_of_type_shown, &(DialogWait) { f, ADW_TYPE_PREFERENCES_DIALOG }));
  g_clear_object (&stored);
  stored = signet_store_find_contract_type (f->store, "设备采购合同", NULL);
  g_assert_nonnull (stored);
  g_assert_cmpstr (signet_contract_type_get_currency (stored), ==, "EUR");
  g_assert_cmpuint (signet_contract_type_get_key_date_offsets (stored)->len, ==, 1);
  row = display_test_find_row (page, ADW_TYPE_ACTION_ROW, "设备采购合同");
  g_assert_nonnull (row);

  /* Deleted from its row: gone from the register and the list. */
  delete_label = g_strdup_printf (_("Delete the type “%s”"), "设备采购合同");
  delete_button = display_test_find_accessible (row, delete_label);
  g_assert_true (GTK_IS_BUTTON (delete_button));
  g_signal_emit_by_name (delete_button, "clicked");
  display_test_spin (200);
  g_clear_pointer (&types, g_ptr_array_unref);
  types = signet_store_list_contract_types (f->store, NULL);
  g_assert_cmpuint (types->len, ==, 0);
  g_assert_null (display_test_find_row (page, ADW_TYPE_ACTION_ROW, "设备采购合同"));

  adw_dialog_close (preferences);
}

/* The action of the item labelled @label in @model or its sections and
 * submenus, or NULL. */
static char *
find_menu_action (GMenuModel *model,
                  const char *label)
{
  for (int i = 0; i < g_menu_model_get_n_items (model); i++)
    {
      g_autofree char *item_label = NULL;
      g_autoptr(GMenuLinkIter) links = NULL;
      const char *link_name;
      GMenuModel *link;

      if (g_menu_model_get_item_attribute (model, i, G_MENU_ATTRIBUTE_LABEL, "s", &item_label) &&
          g_strcmp0 (item_label, label) == 0)
        {
          char *action = NULL;

          g_menu_model_get_item_attribute (model, i, G_MENU_ATTRIBUTE_ACTION, "s", &action);
          return action;
        }

      links = g_menu_model_iterate_item_links (model, i);
      while (g_menu_link_iter_get_next (links, &link_name, &link))
        {
          g_autoptr(GMenuModel) owned = link;
          char *action = find_menu_action (owned, label);

          if (action != NULL)
            return action;
        }
    }

  return NULL;
}

/* "Manage Types…" of the New Contract of Type menu opens Preferences on
 * the Contract Types page; Preferences from the main menu still opens on
 * its first page. */
static void
test_manage_types (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *action = NULL;
  GtkWidget *menu_button;
  AdwDialog *preferences;
  GtkWidget *page;

  menu_button = display_test_find_accessible (GTK_WIDGET (f->window), _("New Contract of a Type"));
  g_assert_nonnull (menu_button);
  action = find_menu_action (gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (menu_button)), _("_Manage Types…"));
  g_assert_cmpstr (action, ==, "app.manage-types");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), action, NULL));
  preferences = wait_for_dialog (f, ADW_TYPE_PREFERENCES_DIALOG);
  page = GTK_WIDGET (adw_preferences_dialog_get_visible_page (ADW_PREFERENCES_DIALOG (preferences)));
  g_assert_true (SIGNET_IS_CONTRACT_TYPES_PAGE (page));
  g_assert_true (gtk_widget_get_mapped (display_test_find_label (page, _("No contract types yet. A type added here is "
                                                                         "offered under New Contract."))));
  look_at (f, adw_dialog_get_child (preferences), "manage-types");
  adw_dialog_force_close (preferences);
  display_test_spin (300);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "app.preferences", NULL));
  preferences = wait_for_dialog (f, ADW_TYPE_PREFERENCES_DIALOG);
  page = GTK_WIDGET (adw_preferences_dialog_get_visible_page (ADW_PREFERENCES_DIALOG (preferences)));
  g_assert_false (SIGNET_IS_CONTRACT_TYPES_PAGE (page));
  adw_dialog_force_close (preferences);
}

static SignetContractType *
add_purchase_type (SignetStore *store)
{
  SignetContractType *type = signet_contract_type_new ("采购合同");
  const char * const clauses[] = { "付款条件已核对", "验收标准已确认", NULL };
  g_autoptr(SignetKeyDateOffset) payment = signet_key_date_offset_new (SIGNET_KEY_DATE_PAYMENT, "首期付款", 15);
  g_autoptr(GError) error = NULL;

  signet_contract_type_set_currency (type, "EUR");
  signet_contract_type_set_department (type, "采购部");
  signet_contract_type_set_term_months (type, 12);
  signet_contract_type_set_notice_days (type, 30);
  signet_contract_type_set_auto_renew (type, SIGNET_AUTO_RENEW_YES);
  signet_contract_type_add_key_date_offset (type, payment);
  signet_contract_type_set_checklist (type, clauses);
  g_assert_true (signet_store_add_contract_type (store, type, &error));
  g_assert_no_error (error);

  return type;
}

static void
test_new_contract_of_type (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(SignetContractType) type = add_purchase_type (f->store);
  g_autoptr(SignetContract) first = display_test_add_contract (f->store, f->client, "HT-2026-0001", "钢材采购", 100);
  g_autoptr(SignetContract) stored = NULL;
  g_autoptr(GPtrArray) key_dates = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *page;
  GtkWidget *start;
  GtkWidget *title;
  GtkWidget *menu_button;
  GtkWidget *popover;
  GtkWidget *stack;

  /* The menu beside New Contract lists the type. */
  menu_button = display_test_find_accessible (GTK_WIDGET (f->window), _("New Contract of a Type"));
  g_assert_nonnull (menu_button);
  gtk_menu_button_popup (GTK_MENU_BUTTON (menu_button));
  display_test_spin (300);
  popover = GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (menu_button)));
  g_assert_true (gtk_widget_get_mapped (popover));
  g_free (display_test_save_screenshot (popover, "types-new-contract-menu"));
  /* The submenu: the popover's stack shows its page of types. */
  stack = display_test_find_type (popover, GTK_TYPE_STACK);
  for (GtkWidget *child = gtk_widget_get_first_child (stack); child != NULL; child = gtk_widget_get_next_sibling (child))
    if (child != gtk_stack_get_visible_child (GTK_STACK (stack)))
      gtk_stack_set_visible_child (GTK_STACK (stack), child);
  display_test_spin (500);
  g_assert_nonnull (display_test_find_label (popover, "采购合同"));
  g_free (display_test_save_screenshot (popover, "types-new-contract-submenu"));
  gtk_menu_button_popdown (GTK_MENU_BUTTON (menu_button));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.new-contract-of-type", "x",
                                             signet_contract_type_get_id (type)));
  display_test_spin (300);
  page = display_test_find_type (GTK_WIDGET (f->window), SIGNET_TYPE_CONTRACT_PAGE);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (display_test_find_form_field (page, _("Department")))), ==,
                   "采购部");

  /* A start date gives the end date a year on; the notice period and
   * auto-renew are the type's. */
  title = display_test_find_form_field (page, _("Title"));
  gtk_editable_set_text (GTK_EDITABLE (title), "办公设备采购");
  start = display_test_find_form_field (page, _("Start Date"));
  look_at (f, GTK_WIDGET (f->window), "new-contract-of-type");

  g_assert_nonnull (start);
  gtk_editable_set_text (GTK_EDITABLE (start), "2026-03-01");
  display_test_spin (100);
  g_assert_true (gtk_widget_activate_action (page, "contract.save", NULL));
  display_test_spin (300);

  g_assert_cmpuint (signet_store_count_contracts (f->store), ==, 2);
  stored = signet_store_find_contract_by_number (f->store, "HT-2026-0002", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (signet_contract_get_contract_type (stored), ==, "采购合同");
  g_assert_cmpstr (signet_contract_get_currency (stored), ==, "EUR");
  g_assert_cmpstr (signet_contract_get_end_date (stored), ==, "2027-02-28");
  g_assert_cmpuint (signet_contract_get_notice_days (stored), ==, 30);
  g_assert_true (signet_contract_get_auto_renew (stored));
  key_dates = signet_store_list_key_dates (f->store, signet_contract_get_id (stored), &error);
  g_assert_cmpuint (key_dates->len, ==, 1);
  g_assert_cmpstr (((SignetUserKeyDate *) key_dates->pdata[0])->date, ==, "2026-03-16");
  look_at (f, GTK_WIDGET (f->window), "new-contract-of-type-saved");
}

static void
test_review_checklist (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(SignetContractType) type = add_purchase_type (f->store);
  g_autoptr(SignetContract) contract = display_test_add_contract (f->store, f->client, "HT-2026-0001", "钢材采购", 100);
  g_autoptr(GPtrArray) reviews = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *ok_label = NULL;
  SignetReview *review;
  GtkWidget *section;
  GtkWidget *check;
  AdwDialog *dialog;

  signet_contract_set_contract_type (contract, "采购合同");
  g_assert_true (signet_store_update_contract (f->store, contract, &error));
  signet_window_open_contract (f->window, signet_contract_get_id (contract));
  display_test_spin (300);

  section = display_test_find_type (GTK_WIDGET (f->window), SIGNET_TYPE_KEY_DATES_SECTION);
  g_assert_true (gtk_widget_activate_action (section, "key-dates.record-review", NULL));
  dialog = wait_for_dialog (f, SIGNET_TYPE_REVIEW_DIALOG);
  g_assert_true (display_test_shows_visible_label (GTK_WIDGET (dialog), _("Checklist")));
  g_assert_true (display_test_shows_visible_label (GTK_WIDGET (dialog), "付款条件已核对"));
  /* The first clause answered OK: confirmed, as before answers. */
  ok_label = g_strdup_printf (_("%s: %s"), C_("review answer", "OK"), "付款条件已核对");
  check = display_test_find_accessible (GTK_WIDGET (dialog), ok_label);
  g_assert_true (GTK_IS_TOGGLE_BUTTON (check));
  g_signal_emit_by_name (check, "clicked");
  look_at (f, adw_dialog_get_child (dialog), "review-checklist");
  display_test_respond ("record");

  reviews = signet_store_list_reviews (f->store, signet_contract_get_id (contract), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (reviews->len, ==, 1);
  review = g_ptr_array_index (reviews, 0);
  g_assert_cmpuint (review->clauses->len, ==, 2);
  g_assert_true (((SignetReviewClause *) review->clauses->pdata[0])->confirmed);
  g_assert_false (((SignetReviewClause *) review->clauses->pdata[1])->confirmed);
}

int
main (int   argc,
      char *argv[])
{
  static const int widths[] = { 1200, 360 };
  g_autoptr(GError) error = NULL;

  display_test_init (&argc, &argv);
  display_test_bind_build_catalog ();

  app = signet_application_new ();
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (widths); i++)
    {
      gconstpointer width = GINT_TO_POINTER (widths[i]);

#define ADD(name, func)                                                                  \
      {                                                                                  \
        g_autofree char *path = g_strdup_printf ("/contract-types/%d/%s", widths[i], name); \
        g_test_add (path, Fixture, width, fixture_set_up, func, fixture_tear_down);       \
      }

      ADD ("preferences-page", test_preferences_page);
      ADD ("manage-types", test_manage_types);
      ADD ("new-contract-of-type", test_new_contract_of_type);
      ADD ("review-checklist", test_review_checklist);

#undef ADD
    }

  return g_test_run ();
}
