/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "test-approvals"

#include "config.h"

#include <locale.h>

#include <glib/gstdio.h>

#include <glib/gi18n.h>

#include "display-test-utils.h"
#include "signet-agenda-view.h"
#include "signet-amendments-section.h"
#include "signet-amendment-dialog.h"
#include "signet-application.h"
#include "signet-date.h"
#include "signet-money.h"
#include "signet-approval-route-dialog.h"
#include "signet-approval-routes-page.h"
#include "signet-approval-rule-dialog.h"
#include "signet-decision-dialog.h"
#include "signet-event-row.h"
#include "signet-process-section.h"
#include "signet-store-amendments.h"
#include "signet-store-approvals.h"
#include "signet-store-events.h"
#include "signet-store-people.h"
#include "signet-store-process.h"
#include "signet-store-types.h"
#include "signet-window.h"

/* Approval routes as a user meets them: a route of three steps (one a
 * role) and a rule added on the Approvals page of Preferences; a draft's
 * page saying which route it will take; the approval panel of a contract
 * in review recording a decision with its approver, opinion and file on
 * the approver's behalf, the next step then pending with its due date;
 * and a return that needs a reason. Each in a window 1200 and 360 pixels
 * wide, in the C locale, and again in de_DE.UTF-8 and zh_CN.UTF-8 (child
 * processes), drawn into approvals-LANG-WIDTH-NAME.png beside the test;
 * what is shown fits its width and no label is cut short. */

typedef struct
{
  SignetStore  *store;
  SignetClient *client;
  SignetWindow *window;
  int           width;
  gint64        zhang_id;
  gint64        wang_id;
  gint64        li_id;
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
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(SignetContractType) type = signet_contract_type_new ("采购合同");
  g_autoptr(GError) error = NULL;
  WidthWait wait;
  int height;
  int frame;

  display_test_reset_settings ();
  f->width = GPOINTER_TO_INT (data);
  f->store = display_test_new_store ();
  /* A Friday: two working days later is Tuesday. */
  signet_store_set_today (f->store, "2026-12-04");
  f->client = display_test_add_client (f->store, "华东建设集团有限公司", "C001");
  f->zhang_id = add_person (f->store, "张伟", "部门负责人");
  f->li_id = add_person (f->store, "李娜", "法务");
  f->wang_id = add_person (f->store, "王强", "财务");
  g_assert_true (signet_store_add_contract_type (f->store, type, &error));
  g_assert_no_error (error);

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

/* A label shown under @root that is cut short ("…"), or NULL. */
static GtkWidget *
find_cut_label (GtkWidget *root)
{
  if (!gtk_widget_get_mapped (root))
    return NULL;

  if (GTK_IS_LABEL (root) && gtk_label_get_ellipsize (GTK_LABEL (root)) != PANGO_ELLIPSIZE_NONE &&
      pango_layout_is_ellipsized (gtk_label_get_layout (GTK_LABEL (root))))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *cut = find_cut_label (child);

      if (cut != NULL)
        return cut;
    }

  return NULL;
}

/* The window as it is, into approvals-LANG-WIDTH-NAME.png; what is shown
 * fits its width and no label in it is cut short. */
static void
look_at (Fixture    *f,
         GtkWidget  *shown,
         const char *name)
{
  g_autofree char *language = NULL;
  g_autofree char *file_name = NULL;
  GtkWidget *cut;
  int minimum;

  display_test_spin (500);
  language = g_strndup (setlocale (LC_MESSAGES, NULL), strcspn (setlocale (LC_MESSAGES, NULL), "."));
  file_name = g_strdup_printf ("approvals-%s-%d-%s", language, f->width, name);
  g_free (display_test_save_screenshot (GTK_WIDGET (f->window), file_name));

  gtk_widget_measure (shown, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
  g_assert_cmpint (minimum, <=, f->width);
  cut = find_cut_label (shown);
  if (cut != NULL)
    g_error ("“%s” is cut short in %s", gtk_label_get_text (GTK_LABEL (cut)), name);
}

static void
type_text (GtkWidget  *editable,
           const char *text)
{
  g_assert_nonnull (editable);
  gtk_editable_set_text (GTK_EDITABLE (editable), text);
}

static void
click (GtkWidget *button)
{
  g_assert_true (GTK_IS_BUTTON (button));
  g_signal_emit_by_name (button, "clicked");
  display_test_spin (100);
}

/* Selects the item of @model (of GtkStringObject) that starts with @text. */
static guint
find_string (GListModel *model,
             const char *text)
{
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GtkStringObject) item = g_list_model_get_item (model, i);

      if (g_str_has_prefix (gtk_string_object_get_string (item), text))
        return i;
    }

  g_assert_not_reached ();
}

/* The steps' list of the route dialog, and its @n-th row. */
static GtkWidget *
step_row (AdwDialog *dialog,
          guint      n)
{
  GtkWidget *list = display_test_find_accessible (GTK_WIDGET (dialog), _("Steps"));
  GtkListBoxRow *row;

  g_assert_true (GTK_IS_LIST_BOX (list));
  row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), (int) n);
  g_assert_nonnull (row);

  return GTK_WIDGET (row);
}

static void
fill_step (GtkWidget  *row,
           const char *name,
           const char *person,
           const char *role,
           guint       days)
{
  GtkWidget *approver = display_test_find_accessible (row, _("Approver"));

  type_text (display_test_find_accessible (row, _("Step Name")), name);
  g_assert_true (GTK_IS_DROP_DOWN (approver));
  gtk_drop_down_set_selected (GTK_DROP_DOWN (approver),
                              person != NULL ? find_string (gtk_drop_down_get_model (GTK_DROP_DOWN (approver)), person)
                                             : 0);
  if (role != NULL)
    type_text (display_test_find_accessible (row, C_("person", "Role")), role);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (display_test_find_accessible (row, _("Working days to decide"))), days);
}

static void
test_preferences_page (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GPtrArray) routes = NULL;
  g_autoptr(GPtrArray) rules = NULL;
  g_autofree char *steps_text = NULL;
  g_autofree char *rule_title = NULL;
  g_autofree char *minimum = NULL;
  g_autofree char *delete_label = NULL;
  g_autofree char *undo = NULL;
  const SignetApprovalRoute *route;
  const SignetApprovalRule *rule;
  SignetRouteStep *step;
  AdwDialog *preferences;
  AdwDialog *dialog;
  GtkWidget *page;
  GtkWidget *row;
  GtkAdjustment *adjustment;

  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  preferences = wait_for_dialog (f, ADW_TYPE_PREFERENCES_DIALOG);
  adw_preferences_dialog_set_visible_page_name (ADW_PREFERENCES_DIALOG (preferences), "approvals");
  page = GTK_WIDGET (adw_preferences_dialog_get_visible_page (ADW_PREFERENCES_DIALOG (preferences)));
  g_assert_true (SIGNET_IS_APPROVAL_ROUTES_PAGE (page));
  /* None yet: the page says what routes are for, and that working days
   * are Monday to Friday. */
  display_test_spin (300);
  g_assert_true (display_test_shows_visible_label (page, _("No approval routes yet. A route lists who approves a "
                                                           "contract and in which order, such as the department "
                                                           "head, then Legal, then Finance; until a rule below picks "
                                                           "one, a contract is approved in one step.")));
  g_assert_true (display_test_shows_visible_label (page, _("The order in which people approve a contract before it "
                                                           "is signed. Each step has working days to decide: Monday "
                                                           "to Friday, public holidays not excepted.")));
  look_at (f, adw_dialog_get_child (preferences), "preferences-empty");

  /* Add Route…: three steps, the second anyone with the role 法务, added
   * last and moved up. */
  g_assert_true (gtk_widget_activate_action (page, "approvals.add-route", NULL));
  dialog = wait_for_dialog (f, SIGNET_TYPE_APPROVAL_ROUTE_DIALOG);
  type_text (display_test_find_row (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW, _("Name")), "标准审批");
  fill_step (step_row (dialog, 0), "部门负责人", "张伟", NULL, 2);
  click (display_test_find_accessible (GTK_WIDGET (dialog), _("Add a Step")));
  fill_step (step_row (dialog, 1), "财务", "王强", NULL, 3);
  click (display_test_find_accessible (GTK_WIDGET (dialog), _("Add a Step")));
  fill_step (step_row (dialog, 2), "法务", NULL, "法务", 2);
  /* The role's field shows for a role step only. */
  g_assert_true (gtk_widget_get_visible (display_test_find_accessible (step_row (dialog, 2), C_("person", "Role"))));
  g_assert_false (gtk_widget_get_visible (display_test_find_accessible (step_row (dialog, 1), C_("person", "Role"))));
  /* The first step cannot move up, the last not down. */
  g_assert_false (gtk_widget_get_sensitive (display_test_find_accessible (step_row (dialog, 0), _("Move the Step Up"))));
  g_assert_false (gtk_widget_get_sensitive (display_test_find_accessible (step_row (dialog, 2),
                                                                          _("Move the Step Down"))));
  /* A step without a name is refused: the store's reason under the
   * route's name, and the dialog stays. */
  type_text (display_test_find_accessible (step_row (dialog, 2), _("Step Name")), "");
  g_signal_emit_by_name (adw_dialog_get_default_widget (dialog), "clicked");
  display_test_spin (200);
  g_assert_true (display_test_shows_visible_label (GTK_WIDGET (dialog), _("Enter a name for each step.")));
  g_assert_true (shown_dialog (f) == dialog);
  routes = signet_store_list_approval_routes (f->store, NULL);
  g_assert_cmpuint (routes->len, ==, 0);
  g_clear_pointer (&routes, g_ptr_array_unref);
  type_text (display_test_find_accessible (step_row (dialog, 2), _("Step Name")), "法务");
  click (display_test_find_accessible (step_row (dialog, 2), _("Move the Step Up")));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (display_test_find_accessible (step_row (dialog, 1),
                                                                                      _("Step Name")))), ==, "法务");
  look_at (f, adw_dialog_get_child (dialog), "route-dialog");
  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (display_test_find_type (GTK_WIDGET (dialog),
                                                                                               GTK_TYPE_SCROLLED_WINDOW)));
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
  look_at (f, adw_dialog_get_child (dialog), "route-dialog-steps");
  g_signal_emit_by_name (adw_dialog_get_default_widget (dialog), "clicked");
  g_assert_true (display_test_wait_for (dialog_of_type_shown, &(DialogWait) { f, ADW_TYPE_PREFERENCES_DIALOG }));

  routes = signet_store_list_approval_routes (f->store, NULL);
  g_assert_cmpuint (routes->len, ==, 1);
  route = g_ptr_array_index (routes, 0);
  g_assert_cmpstr (route->name, ==, "标准审批");
  g_assert_cmpuint (route->steps->len, ==, 3);
  step = g_ptr_array_index (route->steps, 0);
  g_assert_cmpstr (step->name, ==, "部门负责人");
  g_assert_cmpint (step->person_id, ==, f->zhang_id);
  step = g_ptr_array_index (route->steps, 1);
  g_assert_cmpstr (step->name, ==, "法务");
  g_assert_cmpint (step->person_id, ==, 0);
  g_assert_cmpstr (step->role, ==, "法务");
  g_assert_cmpuint (step->due_days, ==, 2);
  step = g_ptr_array_index (route->steps, 2);
  g_assert_cmpstr (step->name, ==, "财务");
  g_assert_cmpint (step->person_id, ==, f->wang_id);
  g_assert_cmpuint (step->due_days, ==, 3);

  /* The page lists it with its steps in order. */
  row = display_test_find_row (page, ADW_TYPE_ACTION_ROW, "标准审批");
  g_assert_nonnull (row);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, "部门负责人 → 法务 → 财务");

  /* A click edits it: its steps as stored; a longer due period saved. */
  g_signal_emit_by_name (gtk_widget_get_parent (row), "row-activated", row);
  dialog = wait_for_dialog (f, SIGNET_TYPE_APPROVAL_ROUTE_DIALOG);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (display_test_find_accessible (step_row (dialog, 1),
                                                                                      C_("person", "Role")))), ==, "法务");
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (display_test_find_accessible (step_row (dialog, 1),
                                                                            _("Working days to decide"))), 4);
  look_at (f, adw_dialog_get_child (dialog), "route-dialog-edit");
  g_signal_emit_by_name (adw_dialog_get_default_widget (dialog), "clicked");
  g_assert_true (display_test_wait_for (dialog_of_type_shown, &(DialogWait) { f, ADW_TYPE_PREFERENCES_DIALOG }));
  g_clear_pointer (&routes, g_ptr_array_unref);
  routes = signet_store_list_approval_routes (f->store, NULL);
  g_assert_cmpuint (routes->len, ==, 1);
  route = g_ptr_array_index (routes, 0);
  g_assert_cmpuint (((SignetRouteStep *) g_ptr_array_index (route->steps, 1))->due_days, ==, 4);
  g_assert_cmpint (((SignetRouteStep *) g_ptr_array_index (route->steps, 0))->person_id, ==, f->zhang_id);

  /* Add Rule…: 采购合同 from ¥1,000,000 takes it. */
  g_assert_true (gtk_widget_activate_action (page, "approvals.add-rule", NULL));
  g_assert_true (display_test_wait_for (display_test_alert_shown, NULL));
  dialog = ADW_DIALOG (display_test_find_alert_dialog ());
  g_assert_true (SIGNET_IS_APPROVAL_RULE_DIALOG (dialog));
  row = display_test_find_row (GTK_WIDGET (dialog), ADW_TYPE_COMBO_ROW, _("Contract Type"));
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), find_string (adw_combo_row_get_model (ADW_COMBO_ROW (row)), "采购合同"));
  row = display_test_find_row (GTK_WIDGET (dialog), ADW_TYPE_COMBO_ROW, _("Currency"));
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), find_string (adw_combo_row_get_model (ADW_COMBO_ROW (row)), "CNY"));
  /* A value that is none cannot be saved. */
  type_text (display_test_find_row (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW, _("From a Value of (optional)")), "abc");
  display_test_spin (100);
  g_assert_false (adw_alert_dialog_get_response_enabled (ADW_ALERT_DIALOG (dialog), "save"));
  minimum = signet_money_format_amount (100000000, "CNY");
  type_text (display_test_find_row (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW, _("From a Value of (optional)")), minimum);
  display_test_spin (100);
  g_assert_true (adw_alert_dialog_get_response_enabled (ADW_ALERT_DIALOG (dialog), "save"));
  look_at (f, adw_dialog_get_child (dialog), "rule-dialog");
  display_test_respond ("save");

  rules = signet_store_list_approval_rules (f->store, NULL);
  g_assert_cmpuint (rules->len, ==, 1);
  rule = g_ptr_array_index (rules, 0);
  g_assert_cmpstr (rule->contract_type, ==, "采购合同");
  g_assert_cmpint (rule->min_value, ==, 100000000);
  g_assert_cmpstr (rule->min_currency, ==, "CNY");
  g_assert_cmpint (rule->route_id, ==, route->id);

  g_clear_pointer (&minimum, g_free);
  minimum = signet_money_format (100000000, "CNY");
  rule_title = g_strdup_printf (_("%1$s, from %2$s"), "采购合同", minimum);
  row = display_test_find_row (page, ADW_TYPE_ACTION_ROW, rule_title);
  g_assert_nonnull (row);
  steps_text = g_strdup_printf (_("%s: %s"), "标准审批", "部门负责人 → 法务 → 财务");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, steps_text);
  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (display_test_find_type (page,
                                                                                               GTK_TYPE_SCROLLED_WINDOW)));
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
  look_at (f, adw_dialog_get_child (preferences), "preferences-routes");

  /* A route a rule uses is not deleted: the store says why, and the route
   * stays. */
  delete_label = g_strdup_printf (_("Delete the route “%s”"), "标准审批");
  click (display_test_find_accessible (display_test_find_row (page, ADW_TYPE_ACTION_ROW, "标准审批"), delete_label));
  g_assert_true (display_test_wait_for (display_test_alert_shown, NULL));
  g_assert_true (display_test_shows_label (GTK_WIDGET (display_test_find_alert_dialog ()),
                                           _("The Approval Route Was Not Deleted")));
  display_test_respond ("close");
  g_clear_pointer (&routes, g_ptr_array_unref);
  routes = signet_store_list_approval_routes (f->store, NULL);
  g_assert_cmpuint (routes->len, ==, 1);

  /* The rule deleted from its row, and back with Undo in the toast. */
  g_clear_pointer (&delete_label, g_free);
  delete_label = g_strdup_printf (_("Delete the rule “%s”"), rule_title);
  click (display_test_find_accessible (display_test_find_row (page, ADW_TYPE_ACTION_ROW, rule_title), delete_label));
  display_test_spin (200);
  g_clear_pointer (&rules, g_ptr_array_unref);
  rules = signet_store_list_approval_rules (f->store, NULL);
  g_assert_cmpuint (rules->len, ==, 0);
  g_assert_null (display_test_find_row (page, ADW_TYPE_ACTION_ROW, rule_title));
  undo = g_strdup (_("_Undo"));
  /* The button shows its label without the access key's marker. */
  memmove (strchr (undo, '_'), strchr (undo, '_') + 1, strlen (strchr (undo, '_')));
  click (display_test_find_button (GTK_WIDGET (preferences), undo));
  display_test_spin (200);
  g_clear_pointer (&rules, g_ptr_array_unref);
  rules = signet_store_list_approval_rules (f->store, NULL);
  g_assert_cmpuint (rules->len, ==, 1);
  g_assert_nonnull (display_test_find_row (page, ADW_TYPE_ACTION_ROW, rule_title));

  adw_dialog_close (preferences);
}

/* 标准审批 (部门负责人: 张伟, 法务: anyone with that role, 财务: 王强),
 * for 采购合同 from ¥1,000,000. */
static gint64
add_route_and_rule (Fixture *f)
{
  g_autoptr(SignetApprovalRoute) route = signet_approval_route_new ("标准审批");
  g_autoptr(SignetRouteStep) head = signet_route_step_new ("部门负责人", f->zhang_id, NULL, 2);
  g_autoptr(SignetRouteStep) legal = signet_route_step_new ("法务", 0, "法务", 2);
  g_autoptr(SignetRouteStep) finance = signet_route_step_new ("财务", f->wang_id, NULL, 3);
  g_autoptr(GPtrArray) rules = g_ptr_array_new_with_free_func ((GDestroyNotify) signet_approval_rule_free);
  g_autoptr(GError) error = NULL;

  signet_approval_route_add_step (route, head);
  signet_approval_route_add_step (route, legal);
  signet_approval_route_add_step (route, finance);
  g_assert_true (signet_store_add_approval_route (f->store, route, &error));
  g_assert_no_error (error);
  g_ptr_array_add (rules, signet_approval_rule_new ("采购合同", 100000000, "CNY", route->id));
  g_assert_true (signet_store_set_approval_rules (f->store, rules, &error));
  g_assert_no_error (error);

  return route->id;
}

static SignetContract *
add_purchase (Fixture    *f,
              const char *number,
              gint64      value)
{
  SignetContract *contract = display_test_add_draft_contract (f->store, f->client, number, "钢材采购", value);
  g_autoptr(GError) error = NULL;

  signet_contract_set_contract_type (contract, "采购合同");
  g_assert_true (signet_store_update_contract (f->store, contract, &error));
  g_assert_no_error (error);

  return contract;
}

static GtkWidget *
open_process (Fixture        *f,
              SignetContract *contract)
{
  GtkWidget *section;

  signet_window_open_contract (f->window, signet_contract_get_id (contract));
  display_test_spin (300);
  section = display_test_find_type (GTK_WIDGET (f->window), SIGNET_TYPE_PROCESS_SECTION);
  g_assert_nonnull (section);

  return section;
}

/* The row of the approval titled "N. NAME". */
static AdwActionRow *
approval_row (GtkWidget  *section,
              guint       position,
              const char *name)
{
  g_autofree char *title = g_strdup_printf (_("%u. %s"), position, name);
  GtkWidget *row = display_test_find_row (section, ADW_TYPE_ACTION_ROW, title);

  g_assert_nonnull (row);

  return ADW_ACTION_ROW (row);
}

static void
test_route_before_submission (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(SignetContract) big = NULL;
  g_autoptr(SignetContract) small = NULL;
  g_autofree char *title = NULL;
  g_autofree char *minimum = signet_money_format (100000000, "CNY");
  g_autofree char *which = g_strdup_printf (_("%1$s, from %2$s"), "采购合同", minimum);
  g_autofree char *subtitle = g_strdup_printf (_("%s (rule: %s)"), "标准审批", which);
  GtkWidget *section;
  GtkWidget *row;

  add_route_and_rule (f);
  big = add_purchase (f, "HT-2026-0007", 120000000);
  small = add_purchase (f, "HT-2026-0008", 5000000);

  section = open_process (f, big);
  title = g_strdup_printf (_("Will go through: %s"), "部门负责人 → 法务 → 财务");
  row = display_test_find_row (section, ADW_TYPE_ACTION_ROW, title);
  g_assert_nonnull (row);
  g_assert_true (gtk_widget_get_mapped (row));
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, subtitle);
  look_at (f, section, "route-before-submission");

  /* Under the minimum no rule applies. */
  section = open_process (f, small);
  row = display_test_find_row (section, ADW_TYPE_ACTION_ROW, _("No approval route applies: one approval"));
  g_assert_nonnull (row);
  g_assert_true (gtk_widget_get_mapped (row));
}

typedef struct
{
  GtkWidget *section;
  guint      reloads;
} ReloadWait;

static gboolean
section_reloaded (gpointer data)
{
  ReloadWait *wait = data;
  guint reloads;

  g_object_get (wait->section, "reloads", &reloads, NULL);

  return reloads > wait->reloads;
}

static guint
count_reloads (GtkWidget *section)
{
  guint reloads;

  g_object_get (section, "reloads", &reloads, NULL);

  return reloads;
}

/* A PDF with one line of text, the scanned approval form. */
static const char minimal_pdf[] =
  "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
  "2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
  "3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]/Contents 4 0 R"
  "/Resources<</Font<</F1 5 0 R>>>>>>endobj\n"
  "4 0 obj<</Length 44>>stream\nBT /F1 12 Tf 20 100 Td (Approved  ) Tj ET\nendstream endobj\n"
  "5 0 obj<</Type/Font/Subtype/Type1/BaseFont/Helvetica>>endobj\n"
  "trailer<</Root 1 0 R>>\n%%EOF\n";

static gboolean
file_exists (gpointer path)
{
  return g_file_test (path, G_FILE_TEST_EXISTS);
}

typedef struct
{
  AdwActionRow *row;
  const char   *subtitle;
} SubtitleWait;

static gboolean
row_subtitle_is (gpointer data)
{
  SubtitleWait *wait = data;

  return g_strcmp0 (adw_action_row_get_subtitle (wait->row), wait->subtitle) == 0;
}

static void
test_decision (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(SignetContract) contract = NULL;
  g_autoptr(SignetContract) stored = NULL;
  g_autoptr(GPtrArray) steps = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *recent = NULL;
  g_autofree char *recent_dir = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *due = NULL;
  g_autofree char *pending = NULL;
  g_autofree char *open_label = NULL;
  g_autofree char *form = NULL;
  g_autofree char *round = NULL;
  g_autofree char *title = g_strdup_printf (_("Will go through: %s"), "部门负责人 → 法务 → 财务");
  const SignetApprovalStep *step;
  GtkWidget *expander;
  AdwAlertDialog *dialog;
  GtkWidget *section;
  GtkWidget *approver;
  GtkWidget *chooser;
  AdwActionRow *row;
  ReloadWait wait;

  add_route_and_rule (f);
  contract = add_purchase (f, "HT-2026-0007", 120000000);
  section = open_process (f, contract);

  /* Submitted on Friday: 部门负责人 is pending, due on Tuesday. */
  wait = (ReloadWait) { section, count_reloads (section) };
  g_assert_true (gtk_widget_activate_action (section, "process.submit", NULL));
  g_assert_true (display_test_wait_for (section_reloaded, &wait));
  row = approval_row (section, 1, "部门负责人");
  due = signet_date_format_display ("2026-12-08");
  pending = g_strdup_printf (_("%s · due on %s"), "张伟", due);
  g_assert_cmpstr (adw_action_row_get_subtitle (row), ==, pending);
  g_assert_true (display_test_shows_visible_label (GTK_WIDGET (row), signet_step_state_to_label (SIGNET_STEP_PENDING)));
  look_at (f, section, "in-review");

  /* Approve: the step's person chosen first, an opinion, the signed form. */
  g_assert_true (gtk_widget_activate_action (section, "process.approve", NULL));
  g_assert_true (display_test_wait_for (display_test_alert_shown, NULL));
  dialog = display_test_find_alert_dialog ();
  g_assert_true (SIGNET_IS_DECISION_DIALOG (dialog));
  approver = display_test_find_row (GTK_WIDGET (dialog), ADW_TYPE_COMBO_ROW, _("Approver"));
  g_assert_nonnull (approver);
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (approver)), ==, 0);
  g_assert_true (g_str_has_prefix (gtk_string_object_get_string (adw_combo_row_get_selected_item (ADW_COMBO_ROW (approver))),
                                   "张伟"));
  type_text (display_test_find_accessible (GTK_WIDGET (dialog), _("Opinion (optional)")), "同意，价格合理");

  /* GTK's chooser notes the file it opens in the recent files of its one
   * manager, made in the first test that chose a file and written a
   * moment later: into a folder that is there then. */
  g_object_get (gtk_recent_manager_get_default (), "filename", &recent, NULL);
  recent_dir = g_path_get_dirname (recent);
  g_assert_cmpint (g_mkdir_with_parents (recent_dir, 0700), ==, 0);
  g_unlink (recent);
  dir = g_dir_make_tmp ("signet-approvals-XXXXXX", NULL);
  path = g_build_filename (dir, "审批单.pdf", NULL);
  g_assert_true (g_file_set_contents (path, minimal_pdf, -1, NULL));
  file = g_file_new_for_path (path);
  click (display_test_find_accessible (GTK_WIDGET (dialog), _("Attach the Approval Form")));
  g_assert_true (display_test_wait_for (display_test_file_chooser_shown, NULL));
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  chooser = display_test_find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG);
  G_GNUC_END_IGNORE_DEPRECATIONS
  display_test_spin (500);
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  g_assert_true (gtk_file_chooser_set_file (GTK_FILE_CHOOSER (chooser), file, NULL));
  display_test_spin (300);
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_ACCEPT);
  G_GNUC_END_IGNORE_DEPRECATIONS
  row = ADW_ACTION_ROW (display_test_find_row (GTK_WIDGET (dialog), ADW_TYPE_ACTION_ROW, _("Approval Form (optional)")));
  g_assert_true (display_test_wait_for (row_subtitle_is, &(SubtitleWait) { row, "审批单.pdf" }));
  look_at (f, adw_dialog_get_child (ADW_DIALOG (dialog)), "decision-dialog");

  wait = (ReloadWait) { section, count_reloads (section) };
  display_test_respond ("decide");
  g_assert_true (display_test_wait_for (section_reloaded, &wait));
  display_test_spin (200);

  steps = signet_store_list_approval_steps (f->store, signet_contract_get_id (contract), 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (steps->len, ==, 3);
  step = g_ptr_array_index (steps, 0);
  g_assert_cmpint (step->state, ==, SIGNET_STEP_APPROVED);
  g_assert_cmpint (step->decided_by_id, ==, f->zhang_id);
  g_assert_cmpstr (step->decided_by, ==, "张伟");
  g_assert_cmpstr (step->opinion, ==, "同意，价格合理");
  g_assert_cmpint (step->attachment_id, >, 0);
  step = g_ptr_array_index (steps, 1);
  g_assert_cmpint (step->state, ==, SIGNET_STEP_PENDING);
  g_assert_cmpstr (step->due_date, ==, "2026-12-08");

  /* The step's row: who, on whose behalf, when, the opinion and the form,
   * which opens from its button. */
  row = approval_row (section, 1, "部门负责人");
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (row), "张伟"));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (row), g_get_user_name ()));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (row), "同意，价格合理"));
  form = g_strdup_printf (_("Form: %s"), "审批单.pdf");
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (row), form));
  open_label = g_strdup_printf (_("Open “%s”"), "审批单.pdf");
  g_assert_true (GTK_IS_BUTTON (display_test_find_accessible (GTK_WIDGET (row), open_label)));
  g_assert_true (display_test_shows_visible_label (GTK_WIDGET (row), signet_step_state_to_label (SIGNET_STEP_APPROVED)));
  /* 法务 is pending now, due two working days after the approval. */
  row = approval_row (section, 2, "法务");
  g_assert_true (display_test_shows_visible_label (GTK_WIDGET (row), signet_step_state_to_label (SIGNET_STEP_PENDING)));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (row), due));
  /* The state under the status says the route goes on, not that the
   * contract is approved: who approved the step, then what follows the
   * format's last %s. */
  {
    GtkWidget *state_row = display_test_find_type (section, ADW_TYPE_ACTION_ROW);
    const char *format = _("A step was approved by %s on %s; the next one is pending.");
    const char *state = adw_action_row_get_subtitle (ADW_ACTION_ROW (state_row));

    g_assert_nonnull (strstr (state, "张伟"));
    g_assert_nonnull (strstr (state, strrchr (format, 's') + 1));
  }
  look_at (f, section, "step-approved");

  /* A return needs a reason: without one it cannot be given, and Enter
   * says so. For the role step, the people with the role come first. */
  g_assert_true (gtk_widget_activate_action (section, "process.return", NULL));
  g_assert_true (display_test_wait_for (display_test_alert_shown, NULL));
  dialog = display_test_find_alert_dialog ();
  approver = display_test_find_row (GTK_WIDGET (dialog), ADW_TYPE_COMBO_ROW, _("Approver"));
  g_assert_true (g_str_has_prefix (gtk_string_object_get_string (adw_combo_row_get_selected_item (ADW_COMBO_ROW (approver))),
                                   "李娜"));
  g_assert_false (adw_alert_dialog_get_response_enabled (dialog, "decide"));
  g_signal_emit_by_name (gtk_editable_get_delegate (GTK_EDITABLE (display_test_find_accessible (GTK_WIDGET (dialog),
                                                                                                _("What Is to Change")))),
                         "activate");
  display_test_spin (100);
  g_assert_true (display_test_shows_visible_label (GTK_WIDGET (dialog),
                                                   _("Say what is to change: a contract is returned with a reason.")));
  g_assert_nonnull (display_test_find_alert_dialog ());
  look_at (f, adw_dialog_get_child (ADW_DIALOG (dialog)), "return-dialog");
  type_text (display_test_find_accessible (GTK_WIDGET (dialog), _("What Is to Change")), "违约金条款需修改");
  g_assert_true (adw_alert_dialog_get_response_enabled (dialog, "decide"));
  wait = (ReloadWait) { section, count_reloads (section) };
  display_test_respond ("decide");
  g_assert_true (display_test_wait_for (section_reloaded, &wait));
  display_test_spin (200);

  stored = signet_store_get_contract (f->store, signet_contract_get_id (contract), &error);
  g_assert_no_error (error);
  g_assert_cmpint (signet_contract_get_status (stored), ==, SIGNET_CONTRACT_STATUS_DRAFT);
  /* A draft again: the route it will take, and the round as it ended,
   * 法务 returned with its reason and 财务 never asked. */
  g_assert_true (gtk_widget_get_mapped (display_test_find_row (section, ADW_TYPE_ACTION_ROW, title)));
  row = approval_row (section, 2, "法务");
  g_assert_true (display_test_shows_visible_label (GTK_WIDGET (row), signet_step_state_to_label (SIGNET_STEP_RETURNED)));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (row), "违约金条款需修改"));
  row = approval_row (section, 3, "财务");
  g_assert_true (display_test_shows_visible_label (GTK_WIDGET (row), signet_step_state_to_label (SIGNET_STEP_SKIPPED)));
  look_at (f, section, "returned");

  /* Submitted again: round 2 from the first step, round 1 collapsed below. */
  wait = (ReloadWait) { section, count_reloads (section) };
  g_assert_true (gtk_widget_activate_action (section, "process.submit", NULL));
  g_assert_true (display_test_wait_for (section_reloaded, &wait));
  row = approval_row (section, 1, "部门负责人");
  g_assert_true (display_test_shows_visible_label (GTK_WIDGET (row), signet_step_state_to_label (SIGNET_STEP_PENDING)));
  round = g_strdup_printf (_("Round %u · returned for changes at %s"), 1, "法务");
  expander = display_test_find_row (section, ADW_TYPE_EXPANDER_ROW, round);
  g_assert_nonnull (expander);
  g_assert_false (adw_expander_row_get_expanded (ADW_EXPANDER_ROW (expander)));
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (expander), TRUE);
  look_at (f, section, "round-2");

  g_assert_true (display_test_wait_for (file_exists, recent));
  g_unlink (path);
  g_rmdir (dir);
}

/* Scrolls the page to @widget's top, as a user scrolls down to it. */
static void
scroll_to (GtkWidget *widget)
{
  GtkWidget *scrolled = gtk_widget_get_ancestor (widget, GTK_TYPE_SCROLLED_WINDOW);
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
  graphene_point_t top;

  g_assert_true (gtk_widget_compute_point (widget, gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scrolled)),
                                           &GRAPHENE_POINT_INIT (0, 0), &top));
  gtk_adjustment_set_value (adjustment, top.y - 12);
  display_test_spin (100);
}

/* A step of a role nobody in People has: no approver is chosen for the
 * user, who names one; the step keeps the name. */
static void
test_named_approver (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(SignetApprovalRoute) route = signet_approval_route_new ("总经理审批");
  g_autoptr(SignetRouteStep) step = signet_route_step_new ("总经理", 0, "总经理", 1);
  g_autoptr(GPtrArray) rules = g_ptr_array_new_with_free_func ((GDestroyNotify) signet_approval_rule_free);
  g_autoptr(SignetContract) contract = NULL;
  g_autoptr(GPtrArray) steps = NULL;
  g_autoptr(GError) error = NULL;
  const SignetApprovalStep *decided;
  AdwAlertDialog *dialog;
  GtkWidget *section;
  GtkWidget *approver;
  ReloadWait wait;

  signet_approval_route_add_step (route, step);
  g_assert_true (signet_store_add_approval_route (f->store, route, &error));
  g_ptr_array_add (rules, signet_approval_rule_new (NULL, 0, NULL, route->id));
  g_assert_true (signet_store_set_approval_rules (f->store, rules, &error));
  g_assert_no_error (error);
  contract = add_purchase (f, "HT-2026-0009", 100000);
  section = open_process (f, contract);
  wait = (ReloadWait) { section, count_reloads (section) };
  g_assert_true (gtk_widget_activate_action (section, "process.submit", NULL));
  g_assert_true (display_test_wait_for (section_reloaded, &wait));

  g_assert_true (gtk_widget_activate_action (section, "process.approve", NULL));
  g_assert_true (display_test_wait_for (display_test_alert_shown, NULL));
  dialog = display_test_find_alert_dialog ();
  approver = display_test_find_row (GTK_WIDGET (dialog), ADW_TYPE_COMBO_ROW, _("Approver"));
  g_assert_cmpstr (gtk_string_object_get_string (adw_combo_row_get_selected_item (ADW_COMBO_ROW (approver))), ==,
                   _("Someone Else"));
  g_assert_false (adw_alert_dialog_get_response_enabled (dialog, "decide"));
  /* Nothing typed yet is no error yet. */
  g_assert_false (display_test_shows_visible_label (GTK_WIDGET (dialog), _("Name who took this decision.")));
  type_text (display_test_find_accessible (GTK_WIDGET (dialog), _("Approver's Name")), "赵总");
  g_assert_true (adw_alert_dialog_get_response_enabled (dialog, "decide"));
  look_at (f, adw_dialog_get_child (ADW_DIALOG (dialog)), "named-approver");
  wait = (ReloadWait) { section, count_reloads (section) };
  display_test_respond ("decide");
  g_assert_true (display_test_wait_for (section_reloaded, &wait));

  steps = signet_store_list_approval_steps (f->store, signet_contract_get_id (contract), 0, &error);
  g_assert_no_error (error);
  decided = g_ptr_array_index (steps, 0);
  g_assert_cmpint (decided->state, ==, SIGNET_STEP_APPROVED);
  g_assert_cmpint (decided->decided_by_id, ==, 0);
  g_assert_cmpstr (decided->decided_by, ==, "赵总");
}

static gboolean
agenda_loaded (gpointer agenda)
{
  return g_list_model_get_n_items (signet_agenda_view_get_model (agenda)) > 0;
}

/* The pending step's due date in the agenda: "Approval Due: 部门负责人"
 * under the contract, with the dot of its kind. */
static void
test_agenda (Fixture       *f,
             gconstpointer  data)
{
  g_auto(SignetProcessStep) submit = { .action = SIGNET_PROCESS_ACTION_SUBMIT };
  g_autoptr(SignetContract) contract = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *contract_line = NULL;
  g_autofree char *what = NULL;
  g_autofree char *details = NULL;
  g_autofree char *chip = NULL;
  GtkWidget *agenda;
  GtkWidget *label;
  GtkWidget *row;

  add_route_and_rule (f);
  contract = add_purchase (f, "HT-2026-0007", 120000000);
  g_assert_true (signet_store_take_process_step (f->store, signet_contract_get_id (contract),
                                                 signet_contract_get_version (contract), &submit, &error));
  g_assert_no_error (error);

  signet_window_show_agenda (f->window);
  display_test_spin (300);
  agenda = display_test_find_type (GTK_WIDGET (f->window), SIGNET_TYPE_AGENDA_VIEW);
  g_assert_nonnull (agenda);
  g_assert_true (display_test_wait_for (agenda_loaded, agenda));
  display_test_spin (200);

  contract_line = g_strdup_printf (C_("calendar event", "%1$s %2$s"), "HT-2026-0007", "钢材采购");
  what = g_strdup_printf (C_("calendar event", "%1$s: %2$s"), signet_key_date_kind_to_label (SIGNET_KEY_DATE_APPROVAL),
                          "部门负责人");
  details = g_strdup_printf (C_("agenda", "%1$s · %2$s"), what, "华东建设集团有限公司");
  g_assert_true (display_test_shows_visible_label (agenda, contract_line));
  label = display_test_find_label (agenda, details);
  g_assert_nonnull (label);
  row = gtk_widget_get_ancestor (label, SIGNET_TYPE_EVENT_ROW);
  g_assert_nonnull (row);
  look_at (f, agenda, "agenda");

  /* The month's chip names the contract with the step. */
  chip = g_strdup_printf (C_("calendar event", "%1$s · %2$s"), "钢材采购", "部门负责人");
  g_assert_nonnull (display_test_find_label (GTK_WIDGET (f->window), chip));
}

/* The amendments section's row titled @title, which it frees. */
static GtkWidget *
amendment_row (GtkWidget *section,
               char      *title)
{
  GtkWidget *row = display_test_find_row (section, ADW_TYPE_ACTION_ROW, title);

  g_assert_nonnull (row);
  g_free (title);

  return row;
}

static void
test_amendment (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(SignetContract) contract = NULL;
  g_autoptr(SignetAmendment) amendment = NULL;
  g_autoptr(SignetAmendment) stored = NULL;
  g_autoptr(GPtrArray) steps = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *value = NULL;
  g_autofree char *due = signet_date_format_display ("2026-12-08");
  g_autofree char *waiting = NULL;
  g_autofree char *amount = NULL;
  AdwAlertDialog *dialog;
  GtkWidget *section;
  GtkWidget *row;
  ReloadWait wait;

  /* A signed 采购合同 of ¥1,200,000; an amendment raising it to
   * ¥1,500,000 goes through the route before it takes effect. */
  add_route_and_rule (f);
  contract = display_test_add_contract (f->store, f->client, "HT-2026-0007", "钢材采购", 120000000);
  signet_contract_set_contract_type (contract, "采购合同");
  g_assert_true (signet_store_update_contract (f->store, contract, &error));
  g_assert_no_error (error);
  amendment = signet_amendment_new (signet_contract_get_id (contract));
  amendment->number = g_strdup ("HT-2026-0007-A1");
  amendment->effective_date = g_strdup ("2026-12-01");
  amendment->signing_date = g_strdup ("2026-12-01");
  amendment->reason = g_strdup ("钢材涨价");
  amendment->changes = SIGNET_AMENDED_TERM_FLAG (SIGNET_AMENDED_VALUE);
  amendment->value = 150000000;
  amendment->currency = g_strdup ("CNY");
  g_assert_true (signet_store_add_amendment (f->store, amendment, &error));
  g_assert_no_error (error);

  signet_window_open_contract (f->window, signet_contract_get_id (contract));
  display_test_spin (300);
  section = display_test_find_type (GTK_WIDGET (f->window), SIGNET_TYPE_AMENDMENTS_SECTION);
  g_assert_nonnull (section);

  /* In review: not in effect, its pending step and due date said. */
  row = amendment_row (section, g_strdup_printf (_("%s · in review, not in effect yet"), "HT-2026-0007-A1"));
  waiting = g_strdup_printf (_("Waiting for %s (%s), due on %s"), "部门负责人", "张伟", due);
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), waiting));
  value = signet_money_format (150000000, "CNY");
  g_assert_false (display_test_shows_visible_label (section, value));
  scroll_to (section);
  look_at (f, section, "amendment-in-review");

  /* Approve its first step through the same dialog. */
  g_assert_true (gtk_widget_activate_action (section, "amendments.approve", "x", amendment->id));
  g_assert_true (display_test_wait_for (display_test_alert_shown, NULL));
  dialog = display_test_find_alert_dialog ();
  g_assert_true (SIGNET_IS_DECISION_DIALOG (dialog));
  look_at (f, adw_dialog_get_child (ADW_DIALOG (dialog)), "amendment-decision");
  wait = (ReloadWait) { section, count_reloads (section) };
  display_test_respond ("decide");
  g_assert_true (display_test_wait_for (section_reloaded, &wait));
  steps = signet_store_list_approval_steps (f->store, signet_contract_get_id (contract), amendment->id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (((SignetApprovalStep *) g_ptr_array_index (steps, 0))->state, ==, SIGNET_STEP_APPROVED);
  g_assert_cmpint (((SignetApprovalStep *) g_ptr_array_index (steps, 1))->state, ==, SIGNET_STEP_PENDING);

  /* Returned with a reason: Edit and Submit Again. */
  g_assert_true (gtk_widget_activate_action (section, "amendments.return", "x", amendment->id));
  g_assert_true (display_test_wait_for (display_test_alert_shown, NULL));
  dialog = display_test_find_alert_dialog ();
  type_text (display_test_find_accessible (GTK_WIDGET (dialog), _("What Is to Change")), "涨幅需附报价单");
  wait = (ReloadWait) { section, count_reloads (section) };
  display_test_respond ("decide");
  g_assert_true (display_test_wait_for (section_reloaded, &wait));
  stored = signet_store_get_amendment (f->store, amendment->id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (stored->state, ==, SIGNET_AMENDMENT_RETURNED);
  row = amendment_row (section, g_strdup_printf (_("%s · returned for changes"), "HT-2026-0007-A1"));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "涨幅需附报价单"));
  scroll_to (section);
  look_at (f, section, "amendment-returned");

  /* Edit…: the stored amendment in the dialog, its new value kept. */
  g_assert_true (gtk_widget_activate_action (section, "amendments.edit", "x", amendment->id));
  g_assert_true (display_test_wait_for (display_test_alert_shown, NULL));
  dialog = display_test_find_alert_dialog ();
  g_assert_true (SIGNET_IS_AMENDMENT_DIALOG (dialog));
  g_assert_cmpstr (adw_alert_dialog_get_heading (dialog), ==, _("Edit the Amendment"));
  amount = signet_money_format_amount (150000000, "CNY");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (display_test_find_accessible (GTK_WIDGET (dialog),
                                                                                     _("New Value")))), ==, amount);
  g_clear_pointer (&amount, g_free);
  amount = signet_money_format_amount (140000000, "CNY");
  type_text (display_test_find_accessible (GTK_WIDGET (dialog), _("New Value")), amount);
  look_at (f, adw_dialog_get_child (ADW_DIALOG (dialog)), "amendment-edit");
  wait = (ReloadWait) { section, count_reloads (section) };
  display_test_respond ("add");
  g_assert_true (display_test_wait_for (section_reloaded, &wait));
  g_clear_pointer (&stored, signet_amendment_free);
  stored = signet_store_get_amendment (f->store, amendment->id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (stored->value, ==, 140000000);
  g_assert_cmpint (stored->state, ==, SIGNET_AMENDMENT_RETURNED);

  wait = (ReloadWait) { section, count_reloads (section) };
  g_assert_true (gtk_widget_activate_action (section, "amendments.submit", "x", amendment->id));
  g_assert_true (display_test_wait_for (section_reloaded, &wait));
  row = amendment_row (section, g_strdup_printf (_("%s · in review, not in effect yet"), "HT-2026-0007-A1"));

  /* Rejected: marked, and never in effect. */
  g_assert_true (gtk_widget_activate_action (section, "amendments.reject", "x", amendment->id));
  g_assert_true (display_test_wait_for (display_test_alert_shown, NULL));
  dialog = display_test_find_alert_dialog ();
  type_text (display_test_find_accessible (GTK_WIDGET (dialog), C_("process", "Reason")), "价格不合理");
  wait = (ReloadWait) { section, count_reloads (section) };
  display_test_respond ("decide");
  g_assert_true (display_test_wait_for (section_reloaded, &wait));
  row = amendment_row (section, g_strdup_printf (_("%s · rejected, never in effect"), "HT-2026-0007-A1"));
  g_assert_true (gtk_widget_has_css_class (row, "dimmed"));
  g_clear_pointer (&value, g_free);
  value = signet_money_format (140000000, "CNY");
  g_assert_false (display_test_shows_visible_label (section, value));
  scroll_to (section);
  look_at (f, section, "amendment-rejected");
}

typedef struct
{
  const char *locale;
  GTestFixtureFunc func;
} LocaleCase;

/* The same in another language, in a child process, at both widths. */
static void
test_in_locale (gconstpointer data)
{
  static const int widths[] = { 1200, 360 };
  const LocaleCase *c = data;

  if (!g_test_subprocess ())
    {
      display_test_run_in_locale (c->locale);
      return;
    }

  if (!display_test_child_in_locale (c->locale, LC_MESSAGES))
    return;

  for (guint i = 0; i < G_N_ELEMENTS (widths); i++)
    {
      Fixture f = { 0, };

      fixture_set_up (&f, GINT_TO_POINTER (widths[i]));
      c->func (&f, GINT_TO_POINTER (widths[i]));
      fixture_tear_down (&f, GINT_TO_POINTER (widths[i]));
    }
}

int
main (int   argc,
      char *argv[])
{
  static const int widths[] = { 1200, 360 };
  static const char * const locales[] = { "de_DE.UTF-8", "zh_CN.UTF-8" };
  static const struct
  {
    const char       *name;
    GTestFixtureFunc  func;
  } tests[] = {
    { "preferences-page", (GTestFixtureFunc) test_preferences_page },
    { "route-before-submission", (GTestFixtureFunc) test_route_before_submission },
    { "decision", (GTestFixtureFunc) test_decision },
    { "amendment", (GTestFixtureFunc) test_amendment },
    { "agenda", (GTestFixtureFunc) test_agenda },
    { "named-approver", (GTestFixtureFunc) test_named_approver },
  };
  g_autoptr(GError) error = NULL;

  display_test_init (&argc, &argv);
  display_test_bind_build_catalog ();

  app = signet_application_new ();
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);

  for (guint t = 0; t < G_N_ELEMENTS (tests); t++)
    {
      for (guint i = 0; i < G_N_ELEMENTS (widths); i++)
        {
          g_autofree char *path = g_strdup_printf ("/approvals/%d/%s", widths[i], tests[t].name);

          g_test_add (path, Fixture, GINT_TO_POINTER (widths[i]), fixture_set_up,
                      (void (*) (Fixture *, gconstpointer)) tests[t].func, fixture_tear_down);
        }

      for (guint i = 0; i < G_N_ELEMENTS (locales); i++)
        {
          g_autofree char *path = g_strdup_printf ("/approvals/%s/%s", locales[i], tests[t].name);
          LocaleCase *c = g_new0 (LocaleCase, 1);

          c->locale = locales[i];
          c->func = tests[t].func;
          g_test_add_data_func_full (path, c, test_in_locale, g_free);
        }
    }

  return g_test_run ();
}
