/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "signet-overview"

#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n.h>

#include "signet-date.h"
#include "signet-exchange-rates-dialog.h"
#include "signet-field-error.h"
#include "signet-money.h"
#include "signet-store-rates.h"
#include "signet-store-team.h"

struct _SignetExchangeRatesDialog
{
  AdwDialog    parent_instance;

  GtkListBox  *rates_list;
  GtkListBox  *fields;
  AdwComboRow *currency_row;
  AdwComboRow *base_row;
  AdwEntryRow *rate_row;
  GtkLabel    *error_label;

  SignetStore *store;
};

G_DEFINE_FINAL_TYPE (SignetExchangeRatesDialog, signet_exchange_rates_dialog, ADW_TYPE_DIALOG)

/* "7.1" as the locale writes it, "7,1" in German. */
static char *
format_rate (gint64 rate_millionths)
{
  g_autofree char *text = g_strdup_printf ("%.6f", (double) rate_millionths / 1e6);
  char *end = text + strlen (text) - 1;

  for (int kept = 6; kept > 2 && *end == '0'; kept--)
    *end-- = '\0';

  return g_steal_pointer (&text);
}

/* A rate typed the locale's way or the plain way ("7.10", "7,10"), in
 * millionths; FALSE for anything else. */
static gboolean
parse_rate (const char *text,
            gint64     *rate_millionths)
{
  g_autofree char *plain = g_strstrip (g_strdup (text));
  char *end = NULL;
  double value;

  g_strdelimit (plain, ",", '.');
  if (*plain == '\0' || strchr (plain, '.') != strrchr (plain, '.'))
    return FALSE;

  value = g_ascii_strtod (plain, &end);
  if (end == plain || *end != '\0' || !isfinite (value) || value <= 0 || value > 1e9)
    return FALSE;

  *rate_millionths = (gint64) llround (value * 1e6);
  return *rate_millionths > 0;
}

static void
remove_clicked_cb (SignetExchangeRatesDialog *self,
                   GtkButton                 *button)
{
  const char *currency = g_object_get_data (G_OBJECT (button), "currency");
  const char *base = g_object_get_data (G_OBJECT (button), "base");
  g_autoptr(GError) error = NULL;

  if (!signet_store_remove_exchange_rate (self->store, currency, base, &error))
    signet_field_error_show (GTK_WIDGET (self->rate_row), self->error_label, error->message);
}

static void
reload (SignetExchangeRatesDialog *self)
{
  g_autoptr(GPtrArray) rates = NULL;
  g_autoptr(GError) error = NULL;
  GtkListBoxRow *old_row;

  /* Row by row: the placeholder stays. */
  while ((old_row = gtk_list_box_get_row_at_index (self->rates_list, 0)) != NULL)
    gtk_list_box_remove (self->rates_list, GTK_WIDGET (old_row));

  rates = signet_store_list_exchange_rates (self->store, &error);
  if (rates == NULL)
    {
      signet_field_error_show (GTK_WIDGET (self->rate_row), self->error_label, error->message);
      return;
    }

  for (guint i = 0; i < rates->len; i++)
    {
      const SignetExchangeRate *rate = g_ptr_array_index (rates, i);
      g_autofree char *number = format_rate (rate->rate_millionths);
      /* Translators: an exchange rate: "1 USD = 7.10 CNY". */
      g_autofree char *title = g_strdup_printf (_("1 %s = %s %s"), rate->currency, number, rate->base);
      g_autofree char *day = signet_date_format_display (rate->set_at);
      /* Translators: when an exchange rate was entered and by whom, "Set 07.12.2026 by li". */
      g_autofree char *subtitle = g_strdup_printf (_("Set %s by %s"), day, rate->set_by);
      /* Translators: the button that removes an exchange rate, to a screen reader: "Remove 1 USD = 7.10 CNY". */
      g_autofree char *remove_label = g_strdup_printf (_("Remove %s"), title);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (remove, "flat");
      gtk_widget_set_tooltip_text (remove, _("Remove the Rate"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL, remove_label, -1);
      g_object_set_data_full (G_OBJECT (remove), "currency", g_strdup (rate->currency), g_free);
      g_object_set_data_full (G_OBJECT (remove), "base", g_strdup (rate->base), g_free);
      g_signal_connect_object (remove, "clicked", G_CALLBACK (remove_clicked_cb), self, G_CONNECT_SWAPPED);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
      gtk_list_box_append (self->rates_list, row);
    }
}

static void
store_changed_cb (SignetExchangeRatesDialog *self,
                  int                        kind,
                  gint64                     id,
                  int                        change,
                  SignetStore               *store)
{
  reload (self);
}

static const char *
selected_code (AdwComboRow *row)
{
  GtkStringObject *item = adw_combo_row_get_selected_item (row);

  return item != NULL ? gtk_string_object_get_string (item) : NULL;
}

static void
set_rate (SignetExchangeRatesDialog *self)
{
  g_autoptr(GError) error = NULL;
  gint64 rate;

  signet_field_error_clear (GTK_WIDGET (self->rate_row), self->error_label);

  if (!parse_rate (gtk_editable_get_text (GTK_EDITABLE (self->rate_row)), &rate))
    {
      signet_field_error_show (GTK_WIDGET (self->rate_row), self->error_label,
                               _("Enter the rate as a number above zero, such as 7.10."));
      return;
    }

  if (!signet_store_set_exchange_rate (self->store, selected_code (self->currency_row),
                                       selected_code (self->base_row), rate, &error))
    {
      signet_field_error_show (GTK_WIDGET (self->rate_row), self->error_label, error->message);
      return;
    }

  gtk_editable_set_text (GTK_EDITABLE (self->rate_row), "");
}

static void
set_activated (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  set_rate (SIGNET_EXCHANGE_RATES_DIALOG (widget));
}

static void
rate_activated_cb (SignetExchangeRatesDialog *self,
                   AdwEntryRow               *row)
{
  set_rate (self);
}

static void
select_code (AdwComboRow *row,
             const char  *code)
{
  GListModel *model = adw_combo_row_get_model (row);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GtkStringObject) item = g_list_model_get_item (model, i);

      if (g_str_equal (gtk_string_object_get_string (item), code))
        {
          adw_combo_row_set_selected (row, i);
          return;
        }
    }
}

static void
signet_exchange_rates_dialog_dispose (GObject *object)
{
  SignetExchangeRatesDialog *self = SIGNET_EXCHANGE_RATES_DIALOG (object);

  signet_store_set_watched (&self->store, NULL, self, G_CALLBACK (store_changed_cb), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), SIGNET_TYPE_EXCHANGE_RATES_DIALOG);

  G_OBJECT_CLASS (signet_exchange_rates_dialog_parent_class)->dispose (object);
}

static void
signet_exchange_rates_dialog_class_init (SignetExchangeRatesDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = signet_exchange_rates_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/signet-exchange-rates-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, SignetExchangeRatesDialog, rates_list);
  gtk_widget_class_bind_template_child (widget_class, SignetExchangeRatesDialog, fields);
  gtk_widget_class_bind_template_child (widget_class, SignetExchangeRatesDialog, currency_row);
  gtk_widget_class_bind_template_child (widget_class, SignetExchangeRatesDialog, base_row);
  gtk_widget_class_bind_template_child (widget_class, SignetExchangeRatesDialog, rate_row);
  gtk_widget_class_bind_template_callback (widget_class, rate_activated_cb);

  gtk_widget_class_install_action (widget_class, "rates.set", NULL, set_activated);
}

static void
signet_exchange_rates_dialog_init (SignetExchangeRatesDialog *self)
{
  g_autoptr(GtkStringList) currencies = gtk_string_list_new ((const char * const *) signet_currency_list ());
  g_autoptr(GtkStringList) bases = gtk_string_list_new ((const char * const *) signet_currency_list ());

  gtk_widget_init_template (GTK_WIDGET (self));

  adw_combo_row_set_model (self->currency_row, G_LIST_MODEL (currencies));
  adw_combo_row_set_model (self->base_row, G_LIST_MODEL (bases));
  /* Search finds a code only through an expression for it. */
  adw_combo_row_set_expression (self->currency_row,
                                gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string"));
  adw_combo_row_set_expression (self->base_row,
                                gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string"));
  select_code (self->currency_row, "USD");
  select_code (self->base_row, "CNY");
  gtk_list_box_append (self->fields, signet_field_error_row_new (&self->error_label));
}

AdwDialog *
signet_exchange_rates_dialog_new (SignetStore *store)
{
  SignetExchangeRatesDialog *self;

  g_return_val_if_fail (SIGNET_IS_STORE (store), NULL);

  self = g_object_new (SIGNET_TYPE_EXCHANGE_RATES_DIALOG, NULL);
  signet_store_set_watched (&self->store, store, self, G_CALLBACK (store_changed_cb), NULL);
  reload (self);
  /* The rates are the register's settings: shown, not changed, by
   * whoever may not change those. */
  if (!signet_store_can_edit_settings (store))
    {
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "rates.set", FALSE);
      gtk_widget_set_sensitive (GTK_WIDGET (self->rates_list), FALSE);
    }

  return ADW_DIALOG (self);
}
