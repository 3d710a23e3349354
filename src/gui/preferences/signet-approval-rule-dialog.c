/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "signet-approval-rule-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "signet-approval-rule-dialog.h"
#include "signet-error-dialog.h"
#include "signet-field-error.h"
#include "signet-money.h"

struct _SignetApprovalRuleDialog
{
  AdwAlertDialog  parent_instance;

  GtkListBox     *fields;
  AdwComboRow    *type_row;
  AdwEntryRow    *minimum_row;
  AdwComboRow    *currency_row;
  AdwComboRow    *route_row;
  GtkLabel       *minimum_error;

  GtkStringList  *types;
  GtkStringList  *currencies;
  GArray         *route_ids;
  gint64          id;
  char           *uuid;
  guint           position;
};

G_DEFINE_FINAL_TYPE (SignetApprovalRuleDialog, signet_approval_rule_dialog, ADW_TYPE_ALERT_DIALOG)

static const char *
selected_currency (SignetApprovalRuleDialog *self)
{
  guint position = adw_combo_row_get_selected (self->currency_row);

  return position != GTK_INVALID_LIST_POSITION ? gtk_string_list_get_string (self->currencies, position) : NULL;
}

/* The minimum in minor units, 0 with @has_minimum FALSE when the field is
 * empty; FALSE with @error when it is no amount. */
static gboolean
read_minimum (SignetApprovalRuleDialog *self,
              gint64                   *minimum,
              gboolean                 *has_minimum,
              GError                  **error)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->minimum_row))));

  *minimum = 0;
  *has_minimum = *text != '\0';
  if (!*has_minimum)
    return TRUE;

  if (!signet_money_parse (text, selected_currency (self), minimum, error))
    return FALSE;
  if (*minimum <= 0)
    {
      g_set_error_literal (error, SIGNET_MONEY_ERROR, SIGNET_MONEY_ERROR_FORMAT,
                           _("A minimum value is more than zero; leave it empty for a contract of any value."));
      return FALSE;
    }

  return TRUE;
}

static void
check_fields (SignetApprovalRuleDialog *self)
{
  g_autoptr(GError) error = NULL;
  gint64 minimum;
  gboolean has_minimum;
  gboolean value_ok = read_minimum (self, &minimum, &has_minimum, &error);
  guint route = adw_combo_row_get_selected (self->route_row);

  if (value_ok)
    signet_field_error_clear (GTK_WIDGET (self->minimum_row), self->minimum_error);
  else
    signet_field_error_mark (GTK_WIDGET (self->minimum_row), self->minimum_error, error->message);

  gtk_widget_set_sensitive (GTK_WIDGET (self->currency_row), has_minimum);
  adw_alert_dialog_set_response_enabled (ADW_ALERT_DIALOG (self), "save",
                                         value_ok && route != GTK_INVALID_LIST_POSITION &&
                                         route < self->route_ids->len);
}

static void
minimum_changed_cb (SignetApprovalRuleDialog *self,
                    GtkEditable              *editable)
{
  check_fields (self);
}

static void
currency_selected_cb (SignetApprovalRuleDialog *self,
                      GParamSpec               *pspec,
                      AdwComboRow              *row)
{
  check_fields (self);
}

static void
signet_approval_rule_dialog_finalize (GObject *object)
{
  SignetApprovalRuleDialog *self = SIGNET_APPROVAL_RULE_DIALOG (object);

  g_clear_object (&self->types);
  g_clear_object (&self->currencies);
  g_clear_pointer (&self->route_ids, g_array_unref);
  g_clear_pointer (&self->uuid, g_free);

  G_OBJECT_CLASS (signet_approval_rule_dialog_parent_class)->finalize (object);
}

static void
signet_approval_rule_dialog_class_init (SignetApprovalRuleDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = signet_approval_rule_dialog_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/signet-approval-rule-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, SignetApprovalRuleDialog, fields);
  gtk_widget_class_bind_template_child (widget_class, SignetApprovalRuleDialog, type_row);
  gtk_widget_class_bind_template_child (widget_class, SignetApprovalRuleDialog, minimum_row);
  gtk_widget_class_bind_template_child (widget_class, SignetApprovalRuleDialog, currency_row);
  gtk_widget_class_bind_template_child (widget_class, SignetApprovalRuleDialog, route_row);
  gtk_widget_class_bind_template_callback (widget_class, minimum_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, currency_selected_cb);
}

static void
signet_approval_rule_dialog_init (SignetApprovalRuleDialog *self)
{
  GtkExpression *expression = gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string");

  gtk_widget_init_template (GTK_WIDGET (self));
  /* The value's error goes in a row right under it. */
  gtk_list_box_insert (self->fields, signet_field_error_row_new (&self->minimum_error), 2);

  self->route_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->types = gtk_string_list_new (NULL);
  self->currencies = gtk_string_list_new ((const char * const *) signet_currency_list ());
  adw_combo_row_set_expression (self->currency_row, gtk_expression_ref (expression));
  adw_combo_row_set_expression (self->type_row, gtk_expression_ref (expression));
  adw_combo_row_set_expression (self->route_row, expression);
  adw_combo_row_set_model (self->currency_row, G_LIST_MODEL (self->currencies));

}

static void
select_string (AdwComboRow   *row,
               GtkStringList *list,
               const char    *string)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (list));

  for (guint i = 0; string != NULL && i < n; i++)
    if (g_str_equal (gtk_string_list_get_string (list, i), string))
      adw_combo_row_set_selected (row, i);
}

AdwDialog *
signet_approval_rule_dialog_new (const SignetApprovalRule *rule,
                                 const char * const       *type_names,
                                 GPtrArray                *routes,
                                 const char               *currency)
{
  SignetApprovalRuleDialog *self;
  g_autoptr(GtkStringList) route_names = gtk_string_list_new (NULL);

  g_return_val_if_fail (routes != NULL, NULL);

  self = g_object_new (SIGNET_TYPE_APPROVAL_RULE_DIALOG, NULL);

  gtk_string_list_append (self->types, _("Any Type"));
  for (guint i = 0; type_names != NULL && type_names[i] != NULL; i++)
    gtk_string_list_append (self->types, type_names[i]);
  /* A rule for a type deleted since still names it. */
  if (rule != NULL && rule->contract_type != NULL && !g_strv_contains (type_names, rule->contract_type))
    gtk_string_list_append (self->types, rule->contract_type);
  adw_combo_row_set_model (self->type_row, G_LIST_MODEL (self->types));

  for (guint i = 0; i < routes->len; i++)
    {
      const SignetApprovalRoute *route = g_ptr_array_index (routes, i);

      g_array_append_val (self->route_ids, route->id);
      gtk_string_list_append (route_names, route->name);
    }
  adw_combo_row_set_model (self->route_row, G_LIST_MODEL (route_names));

  select_string (self->currency_row, self->currencies, currency);
  if (rule == NULL)
    {
      adw_alert_dialog_set_heading (ADW_ALERT_DIALOG (self), _("New Rule"));
    }
  else
    {
      adw_alert_dialog_set_heading (ADW_ALERT_DIALOG (self), _("Edit the Rule"));
      self->id = rule->id;
      self->uuid = g_strdup (rule->uuid);
      self->position = rule->position;
      if (rule->contract_type != NULL)
        select_string (self->type_row, self->types, rule->contract_type);
      if (rule->min_currency != NULL)
        {
          g_autofree char *amount = signet_money_format_amount (rule->min_value, rule->min_currency);

          select_string (self->currency_row, self->currencies, rule->min_currency);
          gtk_editable_set_text (GTK_EDITABLE (self->minimum_row), amount);
        }
      for (guint i = 0; i < self->route_ids->len; i++)
        if (g_array_index (self->route_ids, gint64, i) == rule->route_id)
          adw_combo_row_set_selected (self->route_row, i);
    }

  signet_alert_dialog_wrap_heading (ADW_ALERT_DIALOG (self));
  check_fields (self);

  return ADW_DIALOG (self);
}

SignetApprovalRule *
signet_approval_rule_dialog_dup_rule (SignetApprovalRuleDialog *self)
{
  g_autoptr(SignetApprovalRule) rule = NULL;
  guint type = adw_combo_row_get_selected (self->type_row);
  guint route = adw_combo_row_get_selected (self->route_row);
  gboolean has_minimum = FALSE;
  gint64 minimum = 0;

  g_return_val_if_fail (SIGNET_IS_APPROVAL_RULE_DIALOG (self), NULL);

  if (!read_minimum (self, &minimum, &has_minimum, NULL))
    has_minimum = FALSE;
  rule = signet_approval_rule_new (type > 0 && type != GTK_INVALID_LIST_POSITION
                                   ? gtk_string_list_get_string (self->types, type) : NULL,
                                   has_minimum ? minimum : 0,
                                   has_minimum ? selected_currency (self) : NULL,
                                   route != GTK_INVALID_LIST_POSITION && route < self->route_ids->len
                                   ? g_array_index (self->route_ids, gint64, route) : 0);
  rule->id = self->id;
  rule->uuid = g_strdup (self->uuid);
  rule->position = self->position;

  return g_steal_pointer (&rule);
}
