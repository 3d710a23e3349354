/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "signet-approval-routes-page"

#include "config.h"

#include <glib/gi18n.h>

#include "signet-approval-route-dialog.h"
#include "signet-approval-routes-page.h"
#include "signet-approval-rule-dialog.h"
#include "signet-approval-text.h"
#include "signet-error-dialog.h"
#include "signet-money.h"
#include "signet-store-approvals.h"
#include "signet-store-people.h"
#include "signet-store-team.h"
#include "signet-store-types.h"
#include "signet-tombstone.h"

struct _SignetApprovalRoutesPage
{
  AdwPreferencesPage  parent_instance;

  GtkListBox         *routes_list;
  GtkListBox         *rules_list;
  GtkWidget          *add_rule_button;

  SignetStore        *store;
  /* As listed now: the rows point into them. */
  GPtrArray          *routes;
  GPtrArray          *rules;
  /* The last route deleted here, or the rules before the last one was
   * deleted, which the toast's Undo brings back. */
  SignetTombstone    *tombstone;
  GPtrArray          *rules_before;
};

G_DEFINE_FINAL_TYPE (SignetApprovalRoutesPage, signet_approval_routes_page, ADW_TYPE_PREFERENCES_PAGE)

static const SignetApprovalRoute *
find_route (SignetApprovalRoutesPage *self,
            gint64                    id)
{
  for (guint i = 0; self->routes != NULL && i < self->routes->len; i++)
    if (((SignetApprovalRoute *) g_ptr_array_index (self->routes, i))->id == id)
      return g_ptr_array_index (self->routes, i);

  return NULL;
}

static GtkWidget *
new_delete_button (const char *tooltip,
                   const char *label)
{
  GtkWidget *button = gtk_button_new_from_icon_name ("user-trash-symbolic");

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);

  return button;
}

static void
show_toast (SignetApprovalRoutesPage *self,
            AdwToast                 *toast)
{
  GtkWidget *dialog = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_PREFERENCES_DIALOG);

  if (dialog != NULL)
    adw_preferences_dialog_add_toast (ADW_PREFERENCES_DIALOG (dialog), toast);
  else
    g_object_unref (g_object_ref_sink (toast));
}

/* Routes */

static void
route_dialog_saved_cb (SignetApprovalRoutesPage  *self,
                       SignetApprovalRouteDialog *dialog)
{
  g_autoptr(SignetApprovalRoute) route = signet_approval_route_dialog_dup_route (dialog);
  g_autoptr(GError) error = NULL;
  gboolean saved;

  if (self->store == NULL)
    return;

  if (route->id > 0)
    saved = signet_store_update_approval_route (self->store, route, &error);
  else
    saved = signet_store_add_approval_route (self->store, route, &error);

  if (!saved)
    {
      signet_approval_route_dialog_show_error (dialog, error);
      return;
    }

  adw_dialog_close (ADW_DIALOG (dialog));
}

static void
open_route_dialog (SignetApprovalRoutesPage  *self,
                   const SignetApprovalRoute *route)
{
  g_autoptr(GListModel) people = NULL;
  g_autoptr(GError) error = NULL;
  AdwDialog *dialog;

  if (self->store == NULL)
    return;

  people = signet_store_list_people (self->store, &error);
  if (people == NULL)
    g_warning ("Could not list the people: %s", error->message);

  dialog = signet_approval_route_dialog_new (route, people);
  g_signal_connect_object (dialog, "save", G_CALLBACK (route_dialog_saved_cb), self, G_CONNECT_SWAPPED);
  adw_dialog_present (dialog, GTK_WIDGET (self));
}

static void
route_activated_cb (SignetApprovalRoutesPage *self,
                    GtkListBoxRow            *row)
{
  open_route_dialog (self, find_route (self, GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (row), "signet-route-id"))));
}

static void
route_undo_clicked_cb (SignetApprovalRoutesPage *self,
                       AdwToast                 *toast)
{
  g_autoptr(GError) error = NULL;

  if (self->tombstone == NULL || self->store == NULL)
    return;

  if (!signet_store_restore (self->store, self->tombstone, &error))
    signet_error_dialog_show (GTK_WIDGET (self), _("The Approval Route Could Not Be Restored"), error);
  g_clear_object (&self->tombstone);
}

static void
route_delete_clicked_cb (SignetApprovalRoutesPage *self,
                         GtkButton                *button)
{
  GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (button), ADW_TYPE_ACTION_ROW);
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (row), "signet-route-id"));
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  AdwToast *toast;

  g_clear_object (&self->tombstone);
  self->tombstone = signet_store_delete (self->store, SIGNET_TOMBSTONE_APPROVAL_ROUTE, id, &error);
  if (self->tombstone == NULL)
    {
      signet_error_dialog_show (GTK_WIDGET (self), _("The Approval Route Was Not Deleted"), error);
      return;
    }

  /* Translators: %s is the name of an approval route. */
  title = g_strdup_printf (_("Approval route “%s” deleted"), signet_tombstone_get_label (self->tombstone));
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_timeout (toast, 10);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (route_undo_clicked_cb), self, G_CONNECT_SWAPPED);
  show_toast (self, toast);
}

static GtkWidget *
new_route_row (SignetApprovalRoutesPage  *self,
               const SignetApprovalRoute *route)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *steps = signet_approval_route_describe_steps (route);
  g_autofree char *delete_label = NULL;
  GtkWidget *delete_button;

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), route->name);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), steps);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 3);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data (G_OBJECT (row), "signet-route-id", GSIZE_TO_POINTER (route->id));

  /* Translators: %s is the name of an approval route. */
  delete_label = g_strdup_printf (_("Delete the route “%s”"), route->name);
  delete_button = new_delete_button (_("Delete the Route"), delete_label);
  g_signal_connect_object (delete_button, "clicked", G_CALLBACK (route_delete_clicked_cb), self, G_CONNECT_SWAPPED);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), delete_button);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));

  return row;
}

/* Rules */

static GPtrArray *
copy_rules (GPtrArray *rules)
{
  GPtrArray *copy = g_ptr_array_new_with_free_func ((GDestroyNotify) signet_approval_rule_free);

  for (guint i = 0; rules != NULL && i < rules->len; i++)
    g_ptr_array_add (copy, signet_approval_rule_copy (g_ptr_array_index (rules, i)));

  return copy;
}

static gboolean
write_rules (SignetApprovalRoutesPage *self,
             GPtrArray                *rules)
{
  g_autoptr(GError) error = NULL;

  if (signet_store_set_approval_rules (self->store, rules, &error))
    return TRUE;

  signet_error_dialog_show (GTK_WIDGET (self), _("The Rules Were Not Saved"), error);
  return FALSE;
}

static void
rule_dialog_responded_cb (SignetApprovalRoutesPage *self,
                          const char               *response,
                          SignetApprovalRuleDialog *dialog)
{
  g_autoptr(SignetApprovalRule) rule = NULL;
  g_autoptr(GPtrArray) rules = NULL;
  gboolean replaced = FALSE;

  if (g_strcmp0 (response, "save") != 0 || self->store == NULL)
    return;

  rule = signet_approval_rule_dialog_dup_rule (dialog);
  rules = copy_rules (self->rules);
  for (guint i = 0; rule->id > 0 && i < rules->len; i++)
    if (((SignetApprovalRule *) g_ptr_array_index (rules, i))->id == rule->id)
      {
        signet_approval_rule_free (g_ptr_array_index (rules, i));
        g_ptr_array_index (rules, i) = g_steal_pointer (&rule);
        replaced = TRUE;
        break;
      }
  if (!replaced)
    g_ptr_array_add (rules, g_steal_pointer (&rule));

  write_rules (self, rules);
}

static void
open_rule_dialog (SignetApprovalRoutesPage *self,
                  const SignetApprovalRule *rule)
{
  g_autoptr(GPtrArray) types = NULL;
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();
  g_auto(GStrv) type_names = NULL;
  g_autoptr(GError) error = NULL;
  AdwDialog *dialog;

  if (self->store == NULL || self->routes == NULL)
    return;

  types = signet_store_list_contract_types (self->store, &error);
  for (guint i = 0; types != NULL && i < types->len; i++)
    g_strv_builder_add (names, signet_contract_type_get_name (g_ptr_array_index (types, i)));
  type_names = g_strv_builder_end (names);

  dialog = signet_approval_rule_dialog_new (rule, (const char * const *) type_names, self->routes,
                                            signet_currency_for_locale ());
  g_signal_connect_object (dialog, "response", G_CALLBACK (rule_dialog_responded_cb), self, G_CONNECT_SWAPPED);
  adw_dialog_present (dialog, GTK_WIDGET (self));
}

static void
rule_activated_cb (SignetApprovalRoutesPage *self,
                   GtkListBoxRow            *row)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "signet-rule-index"));

  if (self->rules != NULL && index < self->rules->len)
    open_rule_dialog (self, g_ptr_array_index (self->rules, index));
}

static void
rules_undo_clicked_cb (SignetApprovalRoutesPage *self,
                       AdwToast                 *toast)
{
  g_autoptr(GPtrArray) rules = g_steal_pointer (&self->rules_before);

  if (rules != NULL && self->store != NULL)
    write_rules (self, rules);
}

static void
rule_delete_clicked_cb (SignetApprovalRoutesPage *self,
                        GtkButton                *button)
{
  GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (button), ADW_TYPE_ACTION_ROW);
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "signet-rule-index"));
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) rules = NULL;
  AdwToast *toast;

  if (self->rules == NULL || index >= self->rules->len)
    return;

  before = copy_rules (self->rules);
  rules = copy_rules (self->rules);
  g_ptr_array_remove_index (rules, index);
  if (!write_rules (self, rules))
    return;

  g_clear_pointer (&self->rules_before, g_ptr_array_unref);
  self->rules_before = g_steal_pointer (&before);
  toast = adw_toast_new (_("Rule deleted"));
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_timeout (toast, 10);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (rules_undo_clicked_cb), self, G_CONNECT_SWAPPED);
  show_toast (self, toast);
}

static GtkWidget *
new_rule_row (SignetApprovalRoutesPage *self,
              const SignetApprovalRule *rule,
              guint                     index)
{
  GtkWidget *row = adw_action_row_new ();
  const SignetApprovalRoute *route = find_route (self, rule->route_id);
  g_autofree char *title = signet_approval_rule_describe (rule);
  g_autofree char *steps = route != NULL ? signet_approval_route_describe_steps (route) : NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *delete_label = NULL;
  GtkWidget *delete_button;

  if (route != NULL)
    /* Translators: the route an approval rule picks, and its steps:
     * "重大审批: 部门负责人 → 法务 → 财务 → 总经理". */
    subtitle = g_strdup_printf (_("%s: %s"), route->name, steps);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle != NULL ? subtitle : "");
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 3);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data (G_OBJECT (row), "signet-rule-index", GUINT_TO_POINTER (index));

  /* Translators: %s says which contracts a rule is for: "采购合同, from ¥1,000,000.00". */
  delete_label = g_strdup_printf (_("Delete the rule “%s”"), title);
  delete_button = new_delete_button (_("Delete the Rule"), delete_label);
  g_signal_connect_object (delete_button, "clicked", G_CALLBACK (rule_delete_clicked_cb), self, G_CONNECT_SWAPPED);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), delete_button);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));

  return row;
}

static void
clear_list (GtkListBox *list)
{
  GtkListBoxRow *row;

  /* Row by row: the list's placeholder stays. */
  while ((row = gtk_list_box_get_row_at_index (list, 0)) != NULL)
    gtk_list_box_remove (list, GTK_WIDGET (row));
}

static void
reload (SignetApprovalRoutesPage *self)
{
  g_autoptr(GError) error = NULL;

  clear_list (self->routes_list);
  clear_list (self->rules_list);
  g_clear_pointer (&self->routes, g_ptr_array_unref);
  g_clear_pointer (&self->rules, g_ptr_array_unref);
  if (self->store == NULL)
    return;

  self->routes = signet_store_list_approval_routes (self->store, &error);
  if (self->routes == NULL)
    {
      g_warning ("Could not list the approval routes: %s", error->message);
      return;
    }
  self->rules = signet_store_list_approval_rules (self->store, &error);
  if (self->rules == NULL)
    {
      g_warning ("Could not list the approval rules: %s", error->message);
      return;
    }

  for (guint i = 0; i < self->routes->len; i++)
    gtk_list_box_append (self->routes_list, new_route_row (self, g_ptr_array_index (self->routes, i)));
  for (guint i = 0; i < self->rules->len; i++)
    gtk_list_box_append (self->rules_list, new_rule_row (self, g_ptr_array_index (self->rules, i), i));

  /* A rule picks a route: none to pick before the first. */
  gtk_widget_set_sensitive (self->add_rule_button, self->routes->len > 0);
}

static void
store_changed_cb (SignetApprovalRoutesPage *self,
                  SignetRecordKind          kind,
                  gint64                    id,
                  SignetChangeKind          change,
                  SignetStore              *store)
{
  reload (self);
}

static void
store_reset_cb (SignetApprovalRoutesPage *self,
                SignetStore              *store)
{
  reload (self);
}

static void
add_route_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  open_route_dialog (SIGNET_APPROVAL_ROUTES_PAGE (widget), NULL);
}

static void
add_rule_activated (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  open_rule_dialog (SIGNET_APPROVAL_ROUTES_PAGE (widget), NULL);
}

static void
signet_approval_routes_page_dispose (GObject *object)
{
  SignetApprovalRoutesPage *self = SIGNET_APPROVAL_ROUTES_PAGE (object);

  g_clear_object (&self->store);
  g_clear_object (&self->tombstone);
  g_clear_pointer (&self->routes, g_ptr_array_unref);
  g_clear_pointer (&self->rules, g_ptr_array_unref);
  g_clear_pointer (&self->rules_before, g_ptr_array_unref);

  G_OBJECT_CLASS (signet_approval_routes_page_parent_class)->dispose (object);
}

static void
signet_approval_routes_page_class_init (SignetApprovalRoutesPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = signet_approval_routes_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/signet-approval-routes-page.ui");
  gtk_widget_class_bind_template_child (widget_class, SignetApprovalRoutesPage, routes_list);
  gtk_widget_class_bind_template_child (widget_class, SignetApprovalRoutesPage, rules_list);
  gtk_widget_class_bind_template_child (widget_class, SignetApprovalRoutesPage, add_rule_button);

  gtk_widget_class_install_action (widget_class, "approvals.add-route", NULL, add_route_activated);
  gtk_widget_class_install_action (widget_class, "approvals.add-rule", NULL, add_rule_activated);
}

static void
signet_approval_routes_page_init (SignetApprovalRoutesPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect_object (self->routes_list, "row-activated", G_CALLBACK (route_activated_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->rules_list, "row-activated", G_CALLBACK (rule_activated_cb), self,
                           G_CONNECT_SWAPPED);
}

GtkWidget *
signet_approval_routes_page_new (SignetStore *store)
{
  SignetApprovalRoutesPage *self = g_object_new (SIGNET_TYPE_APPROVAL_ROUTES_PAGE, NULL);

  g_return_val_if_fail (store == NULL || SIGNET_IS_STORE (store), NULL);

  if (store != NULL)
    {
      self->store = g_object_ref (store);
      g_signal_connect_object (store, "changed::" SIGNET_STORE_CHANGED_APPROVAL_ROUTES,
                               G_CALLBACK (store_changed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (store, "reset", G_CALLBACK (store_reset_cb), self, G_CONNECT_SWAPPED);
      /* Shown but not changed by whoever may not change the settings. */
      if (!signet_store_can_edit_settings (store))
        {
          gtk_widget_action_set_enabled (GTK_WIDGET (self), "approvals.add-route", FALSE);
          gtk_widget_action_set_enabled (GTK_WIDGET (self), "approvals.add-rule", FALSE);
          gtk_widget_set_sensitive (GTK_WIDGET (self->routes_list), FALSE);
          gtk_widget_set_sensitive (GTK_WIDGET (self->rules_list), FALSE);
        }
    }
  reload (self);

  return GTK_WIDGET (self);
}
