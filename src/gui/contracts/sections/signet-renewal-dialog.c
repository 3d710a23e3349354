/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "signet-renewal-dialog"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "signet-date-entry.h"
#include "signet-error-dialog.h"
#include "signet-field-error.h"
#include "signet-money.h"
#include "signet-renewal-dialog.h"
#include "signet-renewal.h"

struct _SignetRenewalDialog
{
  AdwAlertDialog    parent_instance;

  GtkListBox       *term_list;
  GtkListBox       *value_list;
  AdwEntryRow      *number_row;
  SignetDateEntry  *start_row;
  SignetDateEntry  *end_row;
  AdwActionRow     *old_value_row;
  AdwSpinRow       *percent_row;
  AdwEntryRow      *value_row;
  AdwEntryRow      *comment_row;
  GtkLabel         *carried_label;
  GtkLabel         *number_error;
  GtkLabel         *start_error;
  GtkLabel         *end_error;
  GtkLabel         *value_error;

  SignetContract   *proposal;
  /* The value a percentage is counted from: the predecessor's. */
  gint64            base_value;
  /* The end follows a start moved until the user types an end. */
  gboolean          end_typed;
  gboolean          setting_end;
};

G_DEFINE_FINAL_TYPE (SignetRenewalDialog, signet_renewal_dialog, ADW_TYPE_ALERT_DIALOG)

static gboolean
read_date (SignetDateEntry  *row,
           GtkLabel         *error_label,
           gboolean          show,
           char            **iso)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *date = NULL;

  if (signet_date_entry_get_date (row, &date, &error) && date != NULL)
    {
      signet_field_error_clear (GTK_WIDGET (row), error_label);
      if (iso != NULL)
        *iso = g_steal_pointer (&date);
      return TRUE;
    }

  if (show)
    signet_field_error_mark (GTK_WIDGET (row), error_label,
                             error != NULL ? error->message : _("The new contract needs a start and an end date."));

  return FALSE;
}

static gboolean
read_value (SignetRenewalDialog  *self,
            gboolean              show,
            gint64               *value)
{
  g_autoptr(GError) error = NULL;
  gint64 parsed;

  if (signet_money_parse (gtk_editable_get_text (GTK_EDITABLE (self->value_row)),
                          signet_contract_get_currency (self->proposal), &parsed, &error))
    {
      signet_field_error_clear (GTK_WIDGET (self->value_row), self->value_error);
      if (value != NULL)
        *value = parsed;
      return TRUE;
    }

  if (show)
    signet_field_error_mark (GTK_WIDGET (self->value_row), self->value_error, error->message);

  return FALSE;
}

static gboolean
check_fields (SignetRenewalDialog *self,
              gboolean             show)
{
  g_autofree char *start = NULL;
  g_autofree char *end = NULL;
  g_autofree char *number = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->number_row))));
  gboolean has_number = *number != '\0';
  gboolean dates, ok;

  if (has_number)
    signet_field_error_clear (GTK_WIDGET (self->number_row), self->number_error);
  else if (show)
    signet_field_error_mark (GTK_WIDGET (self->number_row), self->number_error,
                             _("The new contract needs a number."));

  dates = read_date (self->start_row, self->start_error, show, &start);
  dates = read_date (self->end_row, self->end_error, show, &end) && dates;
  if (dates && strcmp (end, start) < 0)
    {
      dates = FALSE;
      if (show)
        signet_field_error_mark (GTK_WIDGET (self->end_row), self->end_error,
                                 _("The end date cannot be before the start date."));
    }

  ok = has_number & dates & read_value (self, show, NULL);
  adw_alert_dialog_set_response_enabled (ADW_ALERT_DIALOG (self), "renew", ok);

  return ok;
}

/* Something half typed is no error yet: what is wrong is said on Enter,
 * and goes as soon as the field is right. */
static void
field_changed_cb (SignetRenewalDialog *self,
                  GtkEditable         *editable)
{
  check_fields (self, FALSE);
}

/* A start moved keeps the term as long as proposed. */
static void
start_changed_cb (SignetRenewalDialog *self,
                  GtkEditable         *editable)
{
  g_autofree char *start = NULL;
  g_autofree char *end = NULL;

  if (self->proposal != NULL && !self->end_typed &&
      signet_date_entry_get_date (self->start_row, &start, NULL) && start != NULL &&
      (end = signet_renewal_end_for_start (signet_contract_get_start_date (self->proposal),
                                           signet_contract_get_end_date (self->proposal), start)) != NULL)
    {
      self->setting_end = TRUE;
      signet_date_entry_set_date (self->end_row, end);
      self->setting_end = FALSE;
    }

  check_fields (self, FALSE);
}

static void
end_changed_cb (SignetRenewalDialog *self,
                GtkEditable         *editable)
{
  if (!self->setting_end && self->proposal != NULL)
    self->end_typed = TRUE;

  check_fields (self, FALSE);
}

static void
show_value (SignetRenewalDialog *self,
            gint64               value)
{
  g_autofree char *amount = signet_money_format_amount (value, signet_contract_get_currency (self->proposal));

  gtk_editable_set_text (GTK_EDITABLE (self->value_row), amount);
}

gint
signet_renewal_dialog_get_percent (SignetRenewalDialog *self)
{
  g_return_val_if_fail (SIGNET_IS_RENEWAL_DIALOG (self), 0);

  double hundredths = adw_spin_row_get_value (self->percent_row) * 100.0;

  /* The spin row holds one decimal (+2.5 %): in hundredths, exactly. */
  return (gint) (hundredths + (hundredths < 0 ? -0.5 : 0.5));
}

/* The percentage gives the new value; typing a value afterwards keeps
 * what was typed. */
static void
percent_changed_cb (SignetRenewalDialog *self,
                    GParamSpec          *pspec,
                    AdwSpinRow          *row)
{
  gint64 adjusted;

  if (self->proposal == NULL)
    return;

  if (signet_renewal_adjust_value (self->base_value, signet_renewal_dialog_get_percent (self), &adjusted))
    show_value (self, adjusted);
}

static void
signet_renewal_dialog_dispose (GObject *object)
{
  SignetRenewalDialog *self = SIGNET_RENEWAL_DIALOG (object);

  g_clear_object (&self->proposal);

  G_OBJECT_CLASS (signet_renewal_dialog_parent_class)->dispose (object);
}

static void
signet_renewal_dialog_class_init (SignetRenewalDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = signet_renewal_dialog_dispose;

  g_type_ensure (SIGNET_TYPE_DATE_ENTRY);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/signet-renewal-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, SignetRenewalDialog, term_list);
  gtk_widget_class_bind_template_child (widget_class, SignetRenewalDialog, value_list);
  gtk_widget_class_bind_template_child (widget_class, SignetRenewalDialog, number_row);
  gtk_widget_class_bind_template_child (widget_class, SignetRenewalDialog, start_row);
  gtk_widget_class_bind_template_child (widget_class, SignetRenewalDialog, end_row);
  gtk_widget_class_bind_template_child (widget_class, SignetRenewalDialog, old_value_row);
  gtk_widget_class_bind_template_child (widget_class, SignetRenewalDialog, percent_row);
  gtk_widget_class_bind_template_child (widget_class, SignetRenewalDialog, value_row);
  gtk_widget_class_bind_template_child (widget_class, SignetRenewalDialog, comment_row);
  gtk_widget_class_bind_template_child (widget_class, SignetRenewalDialog, carried_label);
  gtk_widget_class_bind_template_callback (widget_class, field_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, percent_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, start_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, end_changed_cb);
}

static void
signet_renewal_dialog_init (SignetRenewalDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  signet_alert_dialog_wrap_heading (ADW_ALERT_DIALOG (self));

  /* Each field's error row under it. */
  gtk_list_box_insert (self->term_list, signet_field_error_row_new (&self->number_error), 1);
  gtk_list_box_insert (self->term_list, signet_field_error_row_new (&self->start_error), 3);
  gtk_list_box_insert (self->term_list, signet_field_error_row_new (&self->end_error), 5);
  gtk_list_box_insert (self->value_list, signet_field_error_row_new (&self->value_error), 3);
}

AdwDialog *
signet_renewal_dialog_new (SignetContract *predecessor,
                           SignetContract *proposal)
{
  SignetRenewalDialog *self;
  const char *number = signet_contract_get_number (predecessor);
  const char *currency = signet_contract_get_currency (proposal);
  g_autofree char *body = NULL;
  g_autofree char *carried = NULL;
  g_autofree char *value_now = NULL;
  g_autofree char *value_title = NULL;

  g_return_val_if_fail (SIGNET_IS_CONTRACT (predecessor), NULL);
  g_return_val_if_fail (SIGNET_IS_CONTRACT (proposal), NULL);

  self = g_object_new (SIGNET_TYPE_RENEWAL_DIALOG, NULL);
  self->proposal = signet_contract_copy (proposal);
  self->base_value = signet_contract_get_value (proposal);

  /* Translators: %1$s is the contract's title, %2$s its number. */
  body = g_strdup_printf (_("“%1$s” continues as a new contract: a draft that goes through its own review "
                            "and signing. %2$s becomes Renewed."),
                          signet_contract_get_title (predecessor), number);
  adw_alert_dialog_set_body (ADW_ALERT_DIALOG (self), body);

  /* Translators: %s is the number of the contract renewed. */
  carried = g_strdup_printf (_("Carried over from %s unchanged: the client, type, title, owner, department, "
                               "risk level, currency, notice period, auto-renew and tags. Notes, files and "
                               "key dates are the new contract’s own."),
                             number);
  gtk_label_set_text (self->carried_label, carried);

  gtk_editable_set_text (GTK_EDITABLE (self->number_row), signet_contract_get_number (proposal));
  signet_date_entry_set_date (self->start_row, signet_contract_get_start_date (proposal));
  signet_date_entry_set_date (self->end_row, signet_contract_get_end_date (proposal));
  /* Filled in, not typed. */
  self->end_typed = FALSE;

  value_now = signet_money_format (self->base_value, currency);
  adw_action_row_set_subtitle (self->old_value_row, value_now);
  /* Translators: the title of the new contract's value field; %s is its
   * currency code, CNY. */
  value_title = g_strdup_printf (_("New Value (%s)"), currency);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->value_row), value_title);
  show_value (self, self->base_value);

  check_fields (self, FALSE);

  return ADW_DIALOG (self);
}

SignetContract *
signet_renewal_dialog_dup_successor (SignetRenewalDialog  *self,
                                     GError              **error)
{
  g_autoptr(SignetContract) successor = NULL;
  g_autofree char *number = NULL;
  g_autofree char *start = NULL;
  g_autofree char *end = NULL;
  gint64 value;

  g_return_val_if_fail (SIGNET_IS_RENEWAL_DIALOG (self), NULL);

  if (!check_fields (self, TRUE) ||
      !read_date (self->start_row, self->start_error, TRUE, &start) ||
      !read_date (self->end_row, self->end_error, TRUE, &end) ||
      !read_value (self, TRUE, &value))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           _("A field of the new contract is missing or wrong: it is marked."));
      return NULL;
    }

  number = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->number_row))));
  successor = signet_contract_copy (self->proposal);
  signet_contract_set_number (successor, number);
  signet_contract_set_start_date (successor, start);
  signet_contract_set_end_date (successor, end);
  signet_contract_set_value (successor, value);

  return g_steal_pointer (&successor);
}

char *
signet_renewal_dialog_dup_comment (SignetRenewalDialog *self)
{
  g_autofree char *comment = NULL;

  g_return_val_if_fail (SIGNET_IS_RENEWAL_DIALOG (self), NULL);

  comment = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->comment_row))));

  return *comment != '\0' ? g_steal_pointer (&comment) : NULL;
}
