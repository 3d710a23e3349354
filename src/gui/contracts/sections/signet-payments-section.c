/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "signet-payments-section"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "signet-date.h"
#include "signet-error-dialog.h"
#include "signet-money.h"
#include "signet-payment-dialog.h"
#include "signet-payments-section.h"
#include "signet-store-amendments.h"
#include "signet-store-events.h"
#include "signet-store-payments.h"
#include "signet-tombstone.h"
#include "signet-undo.h"

struct _SignetPaymentsSection
{
  SignetContractSection parent_instance;

  GtkWidget           *box;
  AdwPreferencesGroup *summary_group;
  AdwPreferencesGroup *payments_group;
  /* The rows each reload made, taken out by the next. */
  GPtrArray           *summary_rows;
  GPtrArray           *payment_rows;
  /* The planned payments the user opened, kept open over reloads (a
   * payment recorded reloads the section) but not for another contract. */
  GHashTable          *expanded;
  gint64               listed_id;
};

G_DEFINE_FINAL_TYPE (SignetPaymentsSection, signet_payments_section, SIGNET_TYPE_CONTRACT_SECTION)

static SignetStore *
get_store (SignetPaymentsSection *self)
{
  return signet_contract_section_get_store (SIGNET_CONTRACT_SECTION (self));
}

static gint64
contract_id (SignetPaymentsSection *self)
{
  return signet_contract_section_get_contract_id (SIGNET_CONTRACT_SECTION (self));
}

static void
add_summary_row (SignetPaymentsSection *self,
                 GtkWidget             *row)
{
  adw_preferences_group_add (self->summary_group, row);
  g_ptr_array_add (self->summary_rows, row);
}

static GtkWidget *
property_row (const char *title,
              const char *text)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), text);
  adw_action_row_set_subtitle_selectable (ADW_ACTION_ROW (row), TRUE);
  gtk_widget_add_css_class (row, "property");

  return row;
}

static GtkWidget *
warning_row (const char *text)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), text);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
  gtk_widget_add_css_class (icon, "warning");
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Warning"), -1);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
  gtk_widget_add_css_class (row, "payment-warning");

  return row;
}

/* "Scheduled ¥800,000.00 · Invoiced ¥500,000.00 · Received ¥300,000.00" */
static char *
describe_side (const SignetPaymentTotals *totals,
               SignetPaymentDirection     direction)
{
  g_autofree char *scheduled = signet_money_format (totals->scheduled[direction], totals->currency);
  g_autofree char *invoiced = signet_money_format (totals->invoiced[direction], totals->currency);
  g_autofree char *paid = signet_money_format (totals->paid[direction], totals->currency);

  if (direction == SIGNET_PAYMENT_PAYABLE)
    /* Translators: the sums of the payables in one currency. */
    return g_strdup_printf (_("Scheduled %s · Invoiced %s · Paid %s"), scheduled, invoiced, paid);

  /* Translators: the sums of the receivables in one currency. */
  return g_strdup_printf (_("Scheduled %s · Invoiced %s · Received %s"), scheduled, invoiced, paid);
}

static char *
side_title (const SignetPaymentTotals *totals,
            SignetPaymentDirection     direction)
{
  if (totals->is_contract_currency)
    return g_strdup (signet_payment_direction_to_label (direction));

  /* Translators: "Receivable in USD": a side of the schedule in another
   * currency than the contract's. */
  return g_strdup_printf (_("%s in %s"), signet_payment_direction_to_label (direction), totals->currency);
}

static void
add_summary (SignetPaymentsSection *self,
             GPtrArray             *payments,
             SignetContract        *terms)
{
  g_autoptr(GArray) totals = NULL;
  guint n_unset = 0;

  totals = signet_payments_summarize (payments,
                                      terms != NULL ? signet_contract_get_value (terms) : 0,
                                      terms != NULL ? signet_contract_get_currency (terms) : NULL,
                                      &n_unset);

  for (guint i = 0; i < totals->len; i++)
    {
      const SignetPaymentTotals *t = &g_array_index (totals, SignetPaymentTotals, i);
      g_autofree char *gap = signet_payment_totals_describe_gap (t);

      if (t->is_contract_currency)
        {
          g_autofree char *value = signet_money_format (t->value, t->currency);

          add_summary_row (self, property_row (_("Contract Value"), value));
        }

      for (SignetPaymentDirection d = 0; d < SIGNET_N_PAYMENT_DIRECTIONS; d++)
        {
          g_autofree char *title = NULL;
          g_autofree char *text = NULL;

          if (t->n_payments[d] == 0)
            continue;

          title = side_title (t, d);
          text = describe_side (t, d);
          add_summary_row (self, property_row (title, text));
        }

      if (gap != NULL)
        add_summary_row (self, warning_row (gap));
    }

  if (n_unset > 0)
    {
      g_autofree char *text = g_strdup_printf (ngettext ("%u planned payment has no amount yet",
                                                         "%u planned payments have no amount yet", n_unset),
                                               n_unset);

      add_summary_row (self, warning_row (text));
    }
}

static GtkWidget *
action_button (const char *label,
               const char *action,
               gint64      id)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), g_variant_new_int64 (id));
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);

  return button;
}

static GtkWidget *
delete_button (const char *action,
               gint64      id,
               const char *accessible_label)
{
  GtkWidget *button = gtk_button_new_from_icon_name ("user-trash-symbolic");

  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), g_variant_new_int64 (id));
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, accessible_label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible_label, -1);
  gtk_widget_add_css_class (button, "flat");

  return button;
}

static GtkWidget *
status_chip (const SignetPayment *payment,
             const char          *today)
{
  g_autofree char *text = signet_payment_describe_status (payment, today);
  GtkWidget *label = gtk_label_new (text);
  SignetPaymentState state = signet_payment_get_state (payment);

  /* On one line: a wrapped Chinese status breaks between any two
   * characters, down to one a line. */
  gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
  gtk_label_set_xalign (GTK_LABEL (label), 1.0);
  gtk_widget_add_css_class (label, "payment-status");
  gtk_widget_add_css_class (label, "caption-heading");
  if (signet_payment_is_overdue (payment, today))
    gtk_widget_add_css_class (label, "error");
  else if (state == SIGNET_PAYMENT_PAID)
    gtk_widget_add_css_class (label, "success");
  else if (state == SIGNET_PAYMENT_PART_PAID || state == SIGNET_PAYMENT_INVOICED)
    gtk_widget_add_css_class (label, "accent");
  else
    gtk_widget_add_css_class (label, "dim-label");

  return label;
}

/* "Receivable · ¥300,000.00 · due 10 Mar 2026 · after acceptance" */
static char *
describe_payment (const SignetPayment *payment)
{
  g_autofree char *amount = signet_payment_has_amount (payment)
    ? signet_money_format (payment->amount, payment->currency) : g_strdup (_("Amount not set"));
  g_autofree char *due = signet_date_format_display (payment->due_date);
  g_autofree char *due_text = g_strdup_printf (_("due %s"), due);
  GString *text = g_string_new (signet_payment_direction_to_label (payment->direction));

  g_string_append (text, " · ");
  g_string_append (text, amount);
  g_string_append (text, " · ");
  g_string_append (text, due_text);
  if (payment->condition != NULL && *payment->condition != '\0')
    {
      g_string_append (text, " · ");
      g_string_append (text, payment->condition);
    }

  return g_string_free (text, FALSE);
}

static void
add_invoice_row (AdwExpanderRow             *expander,
                 const SignetPayment        *payment,
                 const SignetPaymentInvoice *invoice)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *title = g_strdup_printf (_("Invoice %s"), invoice->number);
  g_autofree char *date = signet_date_format_display (invoice->date);
  g_autofree char *amount = signet_money_format (invoice->amount, payment->currency);
  /* Translators: an invoice's date and amount. */
  g_autofree char *subtitle = g_strdup_printf (_("%s · %s"), date, amount);
  g_autofree char *label = g_strdup_printf (_("Delete Invoice %s"), invoice->number);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("mail-attachment-symbolic"));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), delete_button ("payments.delete-invoice", invoice->id, label));
  adw_expander_row_add_row (expander, row);
}

static void
add_settlement_row (AdwExpanderRow                *expander,
                    const SignetPayment           *payment,
                    const SignetPaymentSettlement *settlement)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *date = signet_date_format_display (settlement->date);
  g_autofree char *amount = signet_money_format (settlement->amount, payment->currency);
  g_autofree char *title = payment->direction == SIGNET_PAYMENT_PAYABLE
    /* Translators: "¥300,000.00 paid on 12 Mar 2026". */
    ? g_strdup_printf (_("%s paid on %s"), amount, date)
    /* Translators: "¥300,000.00 received on 12 Mar 2026". */
    : g_strdup_printf (_("%s received on %s"), amount, date);
  g_autofree char *label = g_strdup_printf (_("Delete the Payment of %s"), amount);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (settlement->note != NULL && *settlement->note != '\0')
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), settlement->note);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("object-select-symbolic"));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), delete_button ("payments.delete-settlement", settlement->id, label));
  adw_expander_row_add_row (expander, row);
}

static void
expanded_changed_cb (AdwExpanderRow        *row,
                     GParamSpec            *pspec,
                     SignetPaymentsSection *self)
{
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (row), "signet-payment-id"));

  if (adw_expander_row_get_expanded (row))
    g_hash_table_add (self->expanded, GSIZE_TO_POINTER (id));
  else
    g_hash_table_remove (self->expanded, GSIZE_TO_POINTER (id));
}

static void
add_payment_row (SignetPaymentsSection *self,
                 const SignetPayment   *payment,
                 const char            *today)
{
  GtkWidget *row = adw_expander_row_new ();
  AdwExpanderRow *expander = ADW_EXPANDER_ROW (row);
  g_autofree char *subtitle = describe_payment (payment);
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *buttons_row = adw_preferences_row_new ();
  gint64 invoiced = signet_payment_get_invoiced (payment);
  gboolean has_amount = signet_payment_has_amount (payment);
  GtkWidget *button;

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), payment->title);
  adw_expander_row_set_subtitle (expander, subtitle);
  adw_expander_row_add_suffix (expander, status_chip (payment, today));
  g_object_set_data (G_OBJECT (row), "signet-payment-id", GSIZE_TO_POINTER (payment->id));
  gtk_widget_add_css_class (row, "payment-row");

  if (has_amount && invoiced > payment->amount)
    {
      g_autofree char *total = signet_money_format (invoiced, payment->currency);
      g_autofree char *amount = signet_money_format (payment->amount, payment->currency);
      g_autofree char *text = g_strdup_printf (_("Invoiced %s, more than the %s planned"), total, amount);

      adw_expander_row_add_row (expander, warning_row (text));
    }

  for (guint i = 0; i < payment->invoices->len; i++)
    add_invoice_row (expander, payment, g_ptr_array_index (payment->invoices, i));
  for (guint i = 0; i < payment->settlements->len; i++)
    add_settlement_row (expander, payment, g_ptr_array_index (payment->settlements, i));

  if (payment->note != NULL && *payment->note != '\0')
    {
      GtkWidget *note = property_row (signet_field_to_label (SIGNET_FIELD_PAYMENT_NOTE), payment->note);

      adw_expander_row_add_row (expander, note);
    }

  /* Invoices and payments are in the planned amount's currency: without
   * one they cannot be recorded, and the buttons say why. */
  button = action_button (_("Record _Invoice…"), "payments.invoice", payment->id);
  gtk_widget_set_sensitive (button, has_amount);
  gtk_box_append (GTK_BOX (buttons), button);
  button = action_button (_("Record _Payment…"), "payments.record", payment->id);
  gtk_widget_set_sensitive (button, has_amount);
  gtk_box_append (GTK_BOX (buttons), button);
  gtk_box_append (GTK_BOX (buttons), action_button (_("_Edit…"), "payments.edit", payment->id));
  button = action_button (_("_Delete"), "payments.delete", payment->id);
  gtk_widget_add_css_class (button, "destructive-action");
  gtk_box_append (GTK_BOX (buttons), button);
  if (!has_amount)
    {
      GtkWidget *hint = gtk_label_new (_("Set the amount to record invoices and payments."));

      gtk_label_set_wrap (GTK_LABEL (hint), TRUE);
      gtk_label_set_xalign (GTK_LABEL (hint), 0.0);
      gtk_widget_set_hexpand (hint, TRUE);
      gtk_widget_add_css_class (hint, "dim-label");
      gtk_widget_add_css_class (hint, "caption");
      gtk_box_prepend (GTK_BOX (buttons), hint);
    }
  gtk_widget_set_halign (buttons, has_amount ? GTK_ALIGN_END : GTK_ALIGN_FILL);
  gtk_widget_set_margin_top (buttons, 6);
  gtk_widget_set_margin_bottom (buttons, 6);
  gtk_widget_set_margin_start (buttons, 12);
  gtk_widget_set_margin_end (buttons, 12);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (buttons_row), FALSE);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (buttons_row), buttons);
  adw_expander_row_add_row (expander, buttons_row);

  adw_expander_row_set_expanded (expander, g_hash_table_contains (self->expanded, GSIZE_TO_POINTER (payment->id)));
  g_signal_connect_object (row, "notify::expanded", G_CALLBACK (expanded_changed_cb), self, 0);

  adw_preferences_group_add (self->payments_group, row);
  g_ptr_array_add (self->payment_rows, row);
}

static void
signet_payments_section_reload (SignetContractSection *section)
{
  SignetPaymentsSection *self = SIGNET_PAYMENTS_SECTION (section);
  SignetContract *contract = signet_contract_section_get_contract (section);
  g_autoptr(SignetContract) terms = NULL;
  g_autoptr(GPtrArray) payments = NULL;
  g_autofree char *today = NULL;

  if (self->listed_id != contract_id (self))
    g_hash_table_remove_all (self->expanded);
  self->listed_id = contract_id (self);

  for (guint i = 0; i < self->summary_rows->len; i++)
    adw_preferences_group_remove (self->summary_group, g_ptr_array_index (self->summary_rows, i));
  g_ptr_array_set_size (self->summary_rows, 0);
  for (guint i = 0; i < self->payment_rows->len; i++)
    adw_preferences_group_remove (self->payments_group, g_ptr_array_index (self->payment_rows, i));
  g_ptr_array_set_size (self->payment_rows, 0);

  gtk_widget_set_visible (GTK_WIDGET (self), contract != NULL);
  if (contract == NULL)
    return;

  today = signet_store_dup_today (get_store (self));
  /* The value in force today: an approved amendment may have changed it. */
  terms = signet_store_get_contract_terms (get_store (self), contract_id (self), today, NULL, NULL, NULL);
  payments = signet_store_list_payments (get_store (self), contract_id (self), NULL);
  if (payments == NULL)
    return;

  adw_preferences_group_set_description (self->summary_group,
                                         payments->len == 0
                                         ? _("No payments planned. Plan what is to be received or paid, "
                                             "and when, to follow its invoices and payments.")
                                         : NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->payments_group), payments->len > 0);
  if (payments->len > 0)
    add_summary (self, payments, terms != NULL ? terms : contract);

  for (guint i = 0; i < payments->len; i++)
    add_payment_row (self, g_ptr_array_index (payments, i), today);
}

static SignetPayment *
get_payment_or_say (SignetPaymentsSection *self,
                    gint64                 id,
                    const char            *heading)
{
  g_autoptr(GError) error = NULL;
  SignetPayment *payment = signet_store_get_payment (get_store (self), id, &error);

  if (payment == NULL)
    signet_error_dialog_show (GTK_WIDGET (self), heading, error);

  return payment;
}

static void
plan_responded_cb (SignetPaymentsSection *self,
                   const char            *response,
                   SignetPaymentDialog   *dialog)
{
  g_autoptr(SignetPayment) payment = NULL;
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "save") != 0 || get_store (self) == NULL || contract_id (self) <= 0)
    return;

  payment = signet_payment_dialog_dup_payment (dialog, contract_id (self), &error);
  if (payment == NULL ||
      !(payment->id > 0 ? signet_store_update_payment (get_store (self), payment, &error)
                        : signet_store_add_payment (get_store (self), payment, &error)))
    signet_error_dialog_show (GTK_WIDGET (self),
                              payment != NULL && payment->id > 0 ? _("The Planned Payment Was Not Changed")
                                                                 : _("The Payment Was Not Planned"),
                              error);
}

static void
plan_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  SignetPaymentsSection *self = SIGNET_PAYMENTS_SECTION (widget);
  SignetContract *contract = signet_contract_section_get_contract (SIGNET_CONTRACT_SECTION (self));
  g_autofree char *today = NULL;
  AdwDialog *dialog;

  if (get_store (self) == NULL || contract == NULL)
    return;

  today = signet_store_dup_today (get_store (self));
  dialog = signet_payment_dialog_new_plan (today, signet_contract_get_currency (contract));
  g_signal_connect_object (dialog, "response", G_CALLBACK (plan_responded_cb), self, G_CONNECT_SWAPPED);
  adw_dialog_present (dialog, widget);
}

static void
edit_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  SignetPaymentsSection *self = SIGNET_PAYMENTS_SECTION (widget);
  g_autoptr(SignetPayment) payment = NULL;
  AdwDialog *dialog;

  if (get_store (self) == NULL ||
      !(payment = get_payment_or_say (self, g_variant_get_int64 (parameter), _("The Planned Payment Was Not Changed"))))
    return;

  dialog = signet_payment_dialog_new_edit (payment);
  g_signal_connect_object (dialog, "response", G_CALLBACK (plan_responded_cb), self, G_CONNECT_SWAPPED);
  adw_dialog_present (dialog, widget);
}

static void
invoice_responded_cb (SignetPaymentsSection *self,
                      const char            *response,
                      SignetPaymentDialog   *dialog)
{
  g_autoptr(SignetPaymentInvoice) invoice = NULL;
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "save") != 0 || get_store (self) == NULL)
    return;

  invoice = signet_payment_dialog_dup_invoice (dialog, &error);
  if (invoice == NULL || !signet_store_add_payment_invoice (get_store (self), invoice, &error))
    signet_error_dialog_show (GTK_WIDGET (self), _("The Invoice Was Not Recorded"), error);
}

static void
invoice_activated (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  SignetPaymentsSection *self = SIGNET_PAYMENTS_SECTION (widget);
  g_autoptr(SignetPayment) payment = NULL;
  g_autofree char *today = NULL;
  AdwDialog *dialog;

  if (get_store (self) == NULL ||
      !(payment = get_payment_or_say (self, g_variant_get_int64 (parameter), _("The Invoice Was Not Recorded"))))
    return;

  today = signet_store_dup_today (get_store (self));
  dialog = signet_payment_dialog_new_invoice (payment, today);
  g_signal_connect_object (dialog, "response", G_CALLBACK (invoice_responded_cb), self, G_CONNECT_SWAPPED);
  adw_dialog_present (dialog, widget);
}

static void
record_responded_cb (SignetPaymentsSection *self,
                     const char            *response,
                     SignetPaymentDialog   *dialog)
{
  g_autoptr(SignetPaymentSettlement) settlement = NULL;
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "save") != 0 || get_store (self) == NULL)
    return;

  settlement = signet_payment_dialog_dup_settlement (dialog, &error);
  if (settlement == NULL || !signet_store_add_payment_settlement (get_store (self), settlement, &error))
    signet_error_dialog_show (GTK_WIDGET (self), _("The Payment Was Not Recorded"), error);
}

static void
record_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  SignetPaymentsSection *self = SIGNET_PAYMENTS_SECTION (widget);
  g_autoptr(SignetPayment) payment = NULL;
  g_autofree char *today = NULL;
  AdwDialog *dialog;

  if (get_store (self) == NULL ||
      !(payment = get_payment_or_say (self, g_variant_get_int64 (parameter), _("The Payment Was Not Recorded"))))
    return;

  today = signet_store_dup_today (get_store (self));
  dialog = signet_payment_dialog_new_settlement (payment, today);
  g_signal_connect_object (dialog, "response", G_CALLBACK (record_responded_cb), self, G_CONNECT_SWAPPED);
  adw_dialog_present (dialog, widget);
}

/* Deleting, with Undo (see SignetUndo) */
static void
delete_record (SignetPaymentsSection *self,
               SignetTombstoneKind    kind,
               gint64                 id,
               const char            *heading)
{
  g_autoptr(SignetTombstone) tombstone = NULL;
  g_autoptr(GError) error = NULL;

  if (get_store (self) == NULL)
    return;

  tombstone = signet_store_delete (get_store (self), kind, id, &error);
  if (tombstone == NULL)
    {
      signet_error_dialog_show (GTK_WIDGET (self), heading, error);
      return;
    }

  signet_undo_offer (GTK_WIDGET (self), get_store (self), tombstone);
}

static void
delete_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  delete_record (SIGNET_PAYMENTS_SECTION (widget), SIGNET_TOMBSTONE_PAYMENT, g_variant_get_int64 (parameter),
                 _("The Planned Payment Was Not Deleted"));
}

static void
delete_invoice_activated (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  delete_record (SIGNET_PAYMENTS_SECTION (widget), SIGNET_TOMBSTONE_PAYMENT_INVOICE, g_variant_get_int64 (parameter),
                 _("The Invoice Was Not Deleted"));
}

static void
delete_settlement_activated (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *parameter)
{
  delete_record (SIGNET_PAYMENTS_SECTION (widget), SIGNET_TOMBSTONE_PAYMENT_SETTLEMENT,
                 g_variant_get_int64 (parameter), _("The Payment Was Not Deleted"));
}

static void
signet_payments_section_dispose (GObject *object)
{
  SignetPaymentsSection *self = (SignetPaymentsSection *) object;

  g_clear_pointer (&self->box, gtk_widget_unparent);
  g_clear_pointer (&self->summary_rows, g_ptr_array_unref);
  g_clear_pointer (&self->payment_rows, g_ptr_array_unref);
  g_clear_pointer (&self->expanded, g_hash_table_unref);

  G_OBJECT_CLASS (signet_payments_section_parent_class)->dispose (object);
}

static void
signet_payments_section_class_init (SignetPaymentsSectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  SignetContractSectionClass *section_class = SIGNET_CONTRACT_SECTION_CLASS (klass);

  object_class->dispose = signet_payments_section_dispose;

  /* Its payments, and the contract's value and currency, as signed
   * (fields) or as amended. */
  section_class->reload = signet_payments_section_reload;
  signet_contract_section_class_watch (section_class, SIGNET_STORE_CHANGED_PAYMENTS);
  signet_contract_section_class_watch (section_class, SIGNET_STORE_CHANGED_FIELDS);
  signet_contract_section_class_watch (section_class, SIGNET_STORE_CHANGED_AMENDMENTS);

  signet_contract_section_class_install_write (section_class, "payments.plan", NULL, plan_activated);
  signet_contract_section_class_install_write (section_class, "payments.edit", "x", edit_activated);
  signet_contract_section_class_install_write (section_class, "payments.delete", "x", delete_activated);
  signet_contract_section_class_install_write (section_class, "payments.invoice", "x", invoice_activated);
  signet_contract_section_class_install_write (section_class, "payments.record", "x", record_activated);
  signet_contract_section_class_install_write (section_class, "payments.delete-invoice", "x", delete_invoice_activated);
  signet_contract_section_class_install_write (section_class, "payments.delete-settlement", "x", delete_settlement_activated);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
signet_payments_section_init (SignetPaymentsSection *self)
{
  GtkWidget *plan_button;

  self->summary_rows = g_ptr_array_new ();
  self->payment_rows = g_ptr_array_new ();
  self->expanded = g_hash_table_new (NULL, NULL);

  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));

  /* The sums under the title, then the planned payments. */
  self->summary_group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (self->summary_group, _("Payments"));
  plan_button = gtk_button_new_with_mnemonic (_("_Plan Payment…"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (plan_button), "payments.plan");
  gtk_widget_set_tooltip_text (plan_button, _("Plan a payment to be received or made under this contract"));
  gtk_widget_set_valign (plan_button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (plan_button, "flat");
  adw_preferences_group_set_header_suffix (self->summary_group, plan_button);
  gtk_box_append (GTK_BOX (self->box), GTK_WIDGET (self->summary_group));

  self->payments_group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  gtk_box_append (GTK_BOX (self->box), GTK_WIDGET (self->payments_group));

  signet_payments_section_reload (SIGNET_CONTRACT_SECTION (self));
}

GtkWidget *
signet_payments_section_new (void)
{
  return g_object_new (SIGNET_TYPE_PAYMENTS_SECTION, NULL);
}
