/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "signet-amendment-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "signet-amendment-dialog.h"
#include "signet-attachment.h"
#include "signet-date-entry.h"
#include "signet-error-dialog.h"
#include "signet-money.h"

struct _SignetAmendmentDialog
{
  AdwAlertDialog   parent_instance;

  GtkEditable     *number_row;
  SignetDateEntry *effective_row;
  SignetDateEntry *signing_row;
  GtkEditable     *reason_row;
  AdwComboRow     *file_row;
  /* The files the file row lists after "None", in its order. */
  GArray          *file_ids;
  AdwExpanderRow  *value_expander;
  GtkEditable     *value_row;
  AdwComboRow     *currency_row;
  AdwExpanderRow  *end_expander;
  SignetDateEntry *end_row;
  AdwExpanderRow  *notice_expander;
  AdwSpinRow      *notice_row;
  AdwSwitchRow    *auto_renew_row;
  AdwExpanderRow  *title_expander;
  GtkEditable     *title_row;
  AdwExpanderRow  *other_expander;
  GtkEditable     *other_row;
};

G_DEFINE_FINAL_TYPE (SignetAmendmentDialog, signet_amendment_dialog, ADW_TYPE_ALERT_DIALOG)

static const char *
selected_currency (SignetAmendmentDialog *self)
{
  GtkStringObject *item = adw_combo_row_get_selected_item (self->currency_row);

  return item != NULL ? gtk_string_object_get_string (item) : NULL;
}

static void
signet_amendment_dialog_finalize (GObject *object)
{
  SignetAmendmentDialog *self = (SignetAmendmentDialog *) object;

  g_clear_pointer (&self->file_ids, g_array_unref);

  G_OBJECT_CLASS (signet_amendment_dialog_parent_class)->finalize (object);
}

static void
signet_amendment_dialog_class_init (SignetAmendmentDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = signet_amendment_dialog_finalize;

  g_type_ensure (SIGNET_TYPE_DATE_ENTRY);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/signet-amendment-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, SignetAmendmentDialog, number_row);
  gtk_widget_class_bind_template_child (widget_class, SignetAmendmentDialog, effective_row);
  gtk_widget_class_bind_template_child (widget_class, SignetAmendmentDialog, signing_row);
  gtk_widget_class_bind_template_child (widget_class, SignetAmendmentDialog, reason_row);
  gtk_widget_class_bind_template_child (widget_class, SignetAmendmentDialog, file_row);
  gtk_widget_class_bind_template_child (widget_class, SignetAmendmentDialog, value_expander);
  gtk_widget_class_bind_template_child (widget_class, SignetAmendmentDialog, value_row);
  gtk_widget_class_bind_template_child (widget_class, SignetAmendmentDialog, currency_row);
  gtk_widget_class_bind_template_child (widget_class, SignetAmendmentDialog, end_expander);
  gtk_widget_class_bind_template_child (widget_class, SignetAmendmentDialog, end_row);
  gtk_widget_class_bind_template_child (widget_class, SignetAmendmentDialog, notice_expander);
  gtk_widget_class_bind_template_child (widget_class, SignetAmendmentDialog, notice_row);
  gtk_widget_class_bind_template_child (widget_class, SignetAmendmentDialog, auto_renew_row);
  gtk_widget_class_bind_template_child (widget_class, SignetAmendmentDialog, title_expander);
  gtk_widget_class_bind_template_child (widget_class, SignetAmendmentDialog, title_row);
  gtk_widget_class_bind_template_child (widget_class, SignetAmendmentDialog, other_expander);
  gtk_widget_class_bind_template_child (widget_class, SignetAmendmentDialog, other_row);
}

static void
signet_amendment_dialog_init (SignetAmendmentDialog *self)
{
  g_autoptr(GtkStringList) currencies = gtk_string_list_new (signet_currency_list ());

  self->file_ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  gtk_widget_init_template (GTK_WIDGET (self));
  signet_alert_dialog_wrap_heading (ADW_ALERT_DIALOG (self));

  adw_combo_row_set_expression (self->currency_row,
                                gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string"));
  adw_combo_row_set_model (self->currency_row, G_LIST_MODEL (currencies));
}

/* "None", then each file by name; an amendment's own paper (a file of
 * the role Amendment) is chosen already, the newest when there are
 * several. */
static void
fill_files (SignetAmendmentDialog *self,
            GPtrArray             *attachments)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  guint selected = 0;

  /* Translators: no file chosen for the amendment. */
  gtk_string_list_append (names, C_("file", "None"));
  for (guint i = 0; attachments != NULL && i < attachments->len; i++)
    {
      SignetAttachment *attachment = g_ptr_array_index (attachments, i);
      gint64 id = signet_attachment_get_id (attachment);

      gtk_string_list_append (names, signet_attachment_get_file_name (attachment));
      g_array_append_val (self->file_ids, id);
      if (signet_attachment_get_role (attachment) == SIGNET_ATTACHMENT_ROLE_AMENDMENT)
        selected = self->file_ids->len;
    }

  adw_combo_row_set_model (self->file_row, G_LIST_MODEL (names));
  adw_combo_row_set_selected (self->file_row, selected);
}

AdwDialog *
signet_amendment_dialog_new (const char     *number,
                             const char     *today,
                             SignetContract *terms,
                             GPtrArray      *attachments)
{
  SignetAmendmentDialog *self;
  const char * const *codes = signet_currency_list ();
  const char *currency;
  g_autofree char *amount = NULL;

  g_return_val_if_fail (SIGNET_IS_CONTRACT (terms), NULL);

  self = g_object_new (SIGNET_TYPE_AMENDMENT_DIALOG, NULL);
  currency = signet_contract_get_currency (terms);

  gtk_editable_set_text (self->number_row, number != NULL ? number : "");
  signet_date_entry_set_date (self->effective_row, today);
  signet_date_entry_set_date (self->signing_row, today);

  amount = signet_money_format_amount (signet_contract_get_value (terms), currency);
  gtk_editable_set_text (self->value_row, amount);
  for (guint i = 0; codes[i] != NULL; i++)
    if (g_strcmp0 (codes[i], currency) == 0)
      adw_combo_row_set_selected (self->currency_row, i);
  signet_date_entry_set_date (self->end_row, signet_contract_get_end_date (terms));
  adw_spin_row_set_value (self->notice_row, signet_contract_get_notice_days (terms));
  adw_switch_row_set_active (self->auto_renew_row, signet_contract_get_auto_renew (terms));
  gtk_editable_set_text (self->title_row, signet_contract_get_title (terms));
  fill_files (self, attachments);

  return ADW_DIALOG (self);
}

void
signet_amendment_dialog_set_amendment (SignetAmendmentDialog *self,
                                       const SignetAmendment *amendment)
{
  const char * const *codes = signet_currency_list ();

  g_return_if_fail (SIGNET_IS_AMENDMENT_DIALOG (self));
  g_return_if_fail (amendment != NULL);

  adw_alert_dialog_set_heading (ADW_ALERT_DIALOG (self), _("Edit the Amendment"));
  adw_alert_dialog_set_response_label (ADW_ALERT_DIALOG (self), "add", _("_Save"));

  gtk_editable_set_text (self->number_row, amendment->number != NULL ? amendment->number : "");
  signet_date_entry_set_date (self->effective_row, amendment->effective_date);
  signet_date_entry_set_date (self->signing_row, amendment->signing_date);
  gtk_editable_set_text (self->reason_row, amendment->reason != NULL ? amendment->reason : "");
  adw_combo_row_set_selected (self->file_row, 0);
  for (guint i = 0; i < self->file_ids->len; i++)
    if (g_array_index (self->file_ids, gint64, i) == amendment->attachment_id)
      adw_combo_row_set_selected (self->file_row, i + 1);

  if (signet_amendment_changes (amendment, SIGNET_AMENDED_VALUE))
    {
      g_autofree char *amount = signet_money_format_amount (amendment->value, amendment->currency);

      gtk_editable_set_text (self->value_row, amount);
      for (guint i = 0; codes[i] != NULL; i++)
        if (g_strcmp0 (codes[i], amendment->currency) == 0)
          adw_combo_row_set_selected (self->currency_row, i);
    }
  if (signet_amendment_changes (amendment, SIGNET_AMENDED_END_DATE))
    signet_date_entry_set_date (self->end_row, amendment->end_date);
  if (signet_amendment_changes (amendment, SIGNET_AMENDED_NOTICE))
    {
      adw_spin_row_set_value (self->notice_row, amendment->notice_days);
      adw_switch_row_set_active (self->auto_renew_row, amendment->auto_renew);
    }
  if (signet_amendment_changes (amendment, SIGNET_AMENDED_TITLE))
    gtk_editable_set_text (self->title_row, amendment->title != NULL ? amendment->title : "");
  if (signet_amendment_changes (amendment, SIGNET_AMENDED_OTHER))
    gtk_editable_set_text (self->other_row, amendment->other_terms != NULL ? amendment->other_terms : "");

  adw_expander_row_set_enable_expansion (self->value_expander,
                                         signet_amendment_changes (amendment, SIGNET_AMENDED_VALUE));
  adw_expander_row_set_enable_expansion (self->end_expander,
                                         signet_amendment_changes (amendment, SIGNET_AMENDED_END_DATE));
  adw_expander_row_set_enable_expansion (self->notice_expander,
                                         signet_amendment_changes (amendment, SIGNET_AMENDED_NOTICE));
  adw_expander_row_set_enable_expansion (self->title_expander,
                                         signet_amendment_changes (amendment, SIGNET_AMENDED_TITLE));
  adw_expander_row_set_enable_expansion (self->other_expander,
                                         signet_amendment_changes (amendment, SIGNET_AMENDED_OTHER));
}

SignetAmendment *
signet_amendment_dialog_dup_amendment (SignetAmendmentDialog  *self,
                                       gint64                  contract_id,
                                       GError                **error)
{
  g_autoptr(SignetAmendment) amendment = NULL;
  g_autofree char *effective = NULL;
  g_autofree char *signing = NULL;

  g_return_val_if_fail (SIGNET_IS_AMENDMENT_DIALOG (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  amendment = signet_amendment_new (contract_id);
  amendment->number = g_strdup (gtk_editable_get_text (self->number_row));
  amendment->reason = g_strdup (gtk_editable_get_text (self->reason_row));
  if (adw_combo_row_get_selected (self->file_row) > 0 &&
      adw_combo_row_get_selected (self->file_row) <= self->file_ids->len)
    amendment->attachment_id = g_array_index (self->file_ids, gint64, adw_combo_row_get_selected (self->file_row) - 1);

  if (!signet_date_entry_get_date (self->effective_row, &effective, error) ||
      !signet_date_entry_get_date (self->signing_row, &signing, error))
    return NULL;
  /* An empty effective date is the store's to refuse, in its words. */
  amendment->effective_date = effective != NULL ? g_steal_pointer (&effective) : g_strdup ("");
  amendment->signing_date = g_steal_pointer (&signing);

  if (adw_expander_row_get_enable_expansion (self->value_expander))
    {
      amendment->changes |= SIGNET_AMENDED_TERM_FLAG (SIGNET_AMENDED_VALUE);
      amendment->currency = g_strdup (selected_currency (self));
      if (!signet_money_parse (gtk_editable_get_text (self->value_row), amendment->currency,
                               &amendment->value, error))
        return NULL;
    }

  if (adw_expander_row_get_enable_expansion (self->end_expander))
    {
      amendment->changes |= SIGNET_AMENDED_TERM_FLAG (SIGNET_AMENDED_END_DATE);
      if (!signet_date_entry_get_date (self->end_row, &amendment->end_date, error))
        return NULL;
    }

  if (adw_expander_row_get_enable_expansion (self->notice_expander))
    {
      amendment->changes |= SIGNET_AMENDED_TERM_FLAG (SIGNET_AMENDED_NOTICE);
      amendment->notice_days = (guint) adw_spin_row_get_value (self->notice_row);
      amendment->auto_renew = adw_switch_row_get_active (self->auto_renew_row);
    }

  if (adw_expander_row_get_enable_expansion (self->title_expander))
    {
      amendment->changes |= SIGNET_AMENDED_TERM_FLAG (SIGNET_AMENDED_TITLE);
      amendment->title = g_strdup (gtk_editable_get_text (self->title_row));
    }

  if (adw_expander_row_get_enable_expansion (self->other_expander))
    {
      amendment->changes |= SIGNET_AMENDED_TERM_FLAG (SIGNET_AMENDED_OTHER);
      amendment->other_terms = g_strdup (gtk_editable_get_text (self->other_row));
    }

  return g_steal_pointer (&amendment);
}
