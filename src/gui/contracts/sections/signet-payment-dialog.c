/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "signet-payment-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "signet-date-entry.h"
#include "signet-error-dialog.h"
#include "signet-money.h"
#include "signet-payment-dialog.h"

typedef enum
{
  MODE_PLAN,
  MODE_INVOICE,
  MODE_SETTLEMENT,
} Mode;

struct _SignetPaymentDialog
{
  AdwAlertDialog   parent_instance;

  AdwComboRow     *direction_row;
  GtkEditable     *title_row;
  GtkEditable     *number_row;
  SignetDateEntry *date_row;
  GtkEditable     *amount_row;
  GtkLabel        *currency_label;
  AdwComboRow     *currency_row;
  GtkEditable     *condition_row;
  GtkEditable     *note_row;

  Mode             mode;
  /* The planned payment edited or recorded on: its id, version and, for
   * an invoice or a payment, its currency. */
  gint64           payment_id;
  gint64           version;
  char            *currency;
};

G_DEFINE_FINAL_TYPE (SignetPaymentDialog, signet_payment_dialog, ADW_TYPE_ALERT_DIALOG)

static void
select_currency (SignetPaymentDialog *self,
                 const char          *currency)
{
  const char * const *codes = signet_currency_list ();

  for (guint i = 0; codes[i] != NULL; i++)
    if (g_strcmp0 (codes[i], currency) == 0)
      adw_combo_row_set_selected (self->currency_row, i);
}

static const char *
selected_currency (SignetPaymentDialog *self)
{
  GtkStringObject *item = adw_combo_row_get_selected_item (self->currency_row);

  return item != NULL ? gtk_string_object_get_string (item) : NULL;
}

static void
set_date_title (SignetPaymentDialog *self,
                const char          *title)
{
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->date_row), title);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->date_row), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
}

static void
set_amount (SignetPaymentDialog *self,
            gint64               amount,
            const char          *currency)
{
  g_autofree char *text = NULL;

  if (amount <= 0 || currency == NULL)
    return;

  text = signet_money_format_amount (amount, currency);
  gtk_editable_set_text (self->amount_row, text);
}

/* Shows the rows of @mode only; the amount of an invoice or a payment is
 * in the planned payment's currency, named beside it. */
static void
set_mode (SignetPaymentDialog *self,
          Mode                 mode)
{
  gboolean plan = mode == MODE_PLAN;

  self->mode = mode;
  gtk_widget_set_visible (GTK_WIDGET (self->direction_row), plan);
  gtk_widget_set_visible (GTK_WIDGET (self->title_row), plan);
  gtk_widget_set_visible (GTK_WIDGET (self->currency_row), plan);
  gtk_widget_set_visible (GTK_WIDGET (self->condition_row), plan);
  gtk_widget_set_visible (GTK_WIDGET (self->number_row), mode == MODE_INVOICE);
  gtk_widget_set_visible (GTK_WIDGET (self->note_row), mode != MODE_INVOICE);
  gtk_widget_set_visible (GTK_WIDGET (self->currency_label), !plan);
  if (!plan)
    gtk_label_set_label (self->currency_label, signet_money_get_symbol (self->currency));

  switch (mode)
    {
    case MODE_PLAN:
      set_date_title (self, _("Due Date"));
      adw_dialog_set_focus (ADW_DIALOG (self), GTK_WIDGET (self->title_row));
      break;
    case MODE_INVOICE:
      set_date_title (self, _("Invoice Date"));
      adw_dialog_set_focus (ADW_DIALOG (self), GTK_WIDGET (self->number_row));
      break;
    case MODE_SETTLEMENT:
    default:
      set_date_title (self, _("Date Paid"));
      adw_dialog_set_focus (ADW_DIALOG (self), GTK_WIDGET (self->amount_row));
      break;
    }
}

static void
signet_payment_dialog_finalize (GObject *object)
{
  SignetPaymentDialog *self = (SignetPaymentDialog *) object;

  g_free (self->currency);

  G_OBJECT_CLASS (signet_payment_dialog_parent_class)->finalize (object);
}

static void
signet_payment_dialog_class_init (SignetPaymentDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = signet_payment_dialog_finalize;

  g_type_ensure (SIGNET_TYPE_DATE_ENTRY);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/signet-payment-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, SignetPaymentDialog, direction_row);
  gtk_widget_class_bind_template_child (widget_class, SignetPaymentDialog, title_row);
  gtk_widget_class_bind_template_child (widget_class, SignetPaymentDialog, number_row);
  gtk_widget_class_bind_template_child (widget_class, SignetPaymentDialog, date_row);
  gtk_widget_class_bind_template_child (widget_class, SignetPaymentDialog, amount_row);
  gtk_widget_class_bind_template_child (widget_class, SignetPaymentDialog, currency_label);
  gtk_widget_class_bind_template_child (widget_class, SignetPaymentDialog, currency_row);
  gtk_widget_class_bind_template_child (widget_class, SignetPaymentDialog, condition_row);
  gtk_widget_class_bind_template_child (widget_class, SignetPaymentDialog, note_row);
}

static void
signet_payment_dialog_init (SignetPaymentDialog *self)
{
  g_autoptr(GtkStringList) directions = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) currencies = gtk_string_list_new (signet_currency_list ());

  gtk_widget_init_template (GTK_WIDGET (self));
  signet_alert_dialog_wrap_heading (ADW_ALERT_DIALOG (self));

  for (SignetPaymentDirection d = 0; d < SIGNET_N_PAYMENT_DIRECTIONS; d++)
    gtk_string_list_append (directions, signet_payment_direction_to_label (d));
  adw_combo_row_set_model (self->direction_row, G_LIST_MODEL (directions));

  adw_combo_row_set_expression (self->currency_row,
                                gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string"));
  adw_combo_row_set_model (self->currency_row, G_LIST_MODEL (currencies));
}

AdwDialog *
signet_payment_dialog_new_plan (const char *today,
                                const char *currency)
{
  SignetPaymentDialog *self = g_object_new (SIGNET_TYPE_PAYMENT_DIALOG, NULL);

  set_mode (self, MODE_PLAN);
  adw_alert_dialog_set_response_label (ADW_ALERT_DIALOG (self), "save", _("_Plan"));
  signet_date_entry_set_date (self->date_row, today);
  select_currency (self, currency != NULL ? currency : signet_currency_for_locale ());

  return ADW_DIALOG (self);
}

AdwDialog *
signet_payment_dialog_new_edit (const SignetPayment *payment)
{
  SignetPaymentDialog *self;

  g_return_val_if_fail (payment != NULL, NULL);

  self = g_object_new (SIGNET_TYPE_PAYMENT_DIALOG, NULL);
  set_mode (self, MODE_PLAN);
  adw_alert_dialog_set_heading (ADW_ALERT_DIALOG (self), _("Change the Planned Payment"));
  self->payment_id = payment->id;
  self->version = payment->version;

  adw_combo_row_set_selected (self->direction_row, payment->direction);
  gtk_editable_set_text (self->title_row, payment->title != NULL ? payment->title : "");
  set_amount (self, payment->amount, payment->currency);
  if (payment->currency != NULL)
    select_currency (self, payment->currency);
  signet_date_entry_set_date (self->date_row, payment->due_date);
  gtk_editable_set_text (self->condition_row, payment->condition != NULL ? payment->condition : "");
  gtk_editable_set_text (self->note_row, payment->note != NULL ? payment->note : "");

  return ADW_DIALOG (self);
}

static SignetPaymentDialog *
new_on_payment (const SignetPayment *payment,
                const char          *today,
                Mode                 mode)
{
  SignetPaymentDialog *self = g_object_new (SIGNET_TYPE_PAYMENT_DIALOG, NULL);
  g_autofree char *amount = signet_money_format (payment->amount, payment->currency);
  g_autofree char *body = NULL;

  self->payment_id = payment->id;
  self->currency = g_strdup (payment->currency);
  set_mode (self, mode);
  signet_date_entry_set_date (self->date_row, today);

  /* Translators: the planned payment an invoice or a payment is recorded
   * on, and its amount: "首期款, ¥300,000.00". */
  body = g_strdup_printf (_("%s, %s"), payment->title, amount);
  adw_alert_dialog_set_body (ADW_ALERT_DIALOG (self), body);
  adw_alert_dialog_set_response_label (ADW_ALERT_DIALOG (self), "save", _("_Record"));

  return self;
}

AdwDialog *
signet_payment_dialog_new_invoice (const SignetPayment *payment,
                                   const char          *today)
{
  SignetPaymentDialog *self;

  g_return_val_if_fail (payment != NULL, NULL);

  self = new_on_payment (payment, today, MODE_INVOICE);
  adw_alert_dialog_set_heading (ADW_ALERT_DIALOG (self), _("Record an Invoice"));
  set_amount (self, payment->amount - signet_payment_get_invoiced (payment), payment->currency);

  return ADW_DIALOG (self);
}

AdwDialog *
signet_payment_dialog_new_settlement (const SignetPayment *payment,
                                      const char          *today)
{
  SignetPaymentDialog *self;

  g_return_val_if_fail (payment != NULL, NULL);

  self = new_on_payment (payment, today, MODE_SETTLEMENT);
  adw_alert_dialog_set_heading (ADW_ALERT_DIALOG (self),
                                payment->direction == SIGNET_PAYMENT_PAYABLE ? _("Record a Payment Made")
                                                                             : _("Record a Payment Received"));
  set_amount (self, signet_payment_get_outstanding (payment), payment->currency);

  return ADW_DIALOG (self);
}

static gboolean
dup_amount (SignetPaymentDialog  *self,
            const char           *currency,
            gint64               *amount,
            GError              **error)
{
  const char *text = gtk_editable_get_text (self->amount_row);
  g_autofree char *trimmed = g_strstrip (g_strdup (text));

  *amount = 0;
  if (*trimmed == '\0')
    return TRUE;

  return signet_money_parse (trimmed, currency, amount, error);
}

SignetPayment *
signet_payment_dialog_dup_payment (SignetPaymentDialog  *self,
                                   gint64                contract_id,
                                   GError              **error)
{
  g_autoptr(SignetPayment) payment = NULL;
  const char *currency;

  g_return_val_if_fail (SIGNET_IS_PAYMENT_DIALOG (self), NULL);
  g_return_val_if_fail (self->mode == MODE_PLAN, NULL);

  payment = signet_payment_new (contract_id);
  payment->id = self->payment_id;
  payment->version = self->version;
  payment->direction = MIN (adw_combo_row_get_selected (self->direction_row), SIGNET_N_PAYMENT_DIRECTIONS - 1);
  payment->title = g_strdup (gtk_editable_get_text (self->title_row));
  payment->condition = g_strdup (gtk_editable_get_text (self->condition_row));
  payment->note = g_strdup (gtk_editable_get_text (self->note_row));

  currency = selected_currency (self);
  if (!dup_amount (self, currency, &payment->amount, error) ||
      !signet_date_entry_get_date (self->date_row, &payment->due_date, error))
    return NULL;

  /* No amount typed: not set yet, in no currency. */
  if (payment->amount > 0)
    payment->currency = g_strdup (currency);
  if (payment->due_date == NULL)
    payment->due_date = g_strdup ("");

  return g_steal_pointer (&payment);
}

SignetPaymentInvoice *
signet_payment_dialog_dup_invoice (SignetPaymentDialog  *self,
                                   GError              **error)
{
  g_autoptr(SignetPaymentInvoice) invoice = NULL;

  g_return_val_if_fail (SIGNET_IS_PAYMENT_DIALOG (self), NULL);
  g_return_val_if_fail (self->mode == MODE_INVOICE, NULL);

  invoice = signet_payment_invoice_new (self->payment_id);
  invoice->number = g_strdup (gtk_editable_get_text (self->number_row));
  if (!dup_amount (self, self->currency, &invoice->amount, error) ||
      !signet_date_entry_get_date (self->date_row, &invoice->date, error))
    return NULL;
  if (invoice->date == NULL)
    invoice->date = g_strdup ("");

  return g_steal_pointer (&invoice);
}

SignetPaymentSettlement *
signet_payment_dialog_dup_settlement (SignetPaymentDialog  *self,
                                      GError              **error)
{
  g_autoptr(SignetPaymentSettlement) settlement = NULL;

  g_return_val_if_fail (SIGNET_IS_PAYMENT_DIALOG (self), NULL);
  g_return_val_if_fail (self->mode == MODE_SETTLEMENT, NULL);

  settlement = signet_payment_settlement_new (self->payment_id);
  settlement->currency = g_strdup (self->currency);
  settlement->note = g_strdup (gtk_editable_get_text (self->note_row));
  if (!dup_amount (self, self->currency, &settlement->amount, error) ||
      !signet_date_entry_get_date (self->date_row, &settlement->date, error))
    return NULL;
  if (settlement->date == NULL)
    settlement->date = g_strdup ("");

  return g_steal_pointer (&settlement);
}
