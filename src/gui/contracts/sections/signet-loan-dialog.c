/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "signet-loan-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "signet-date-entry.h"
#include "signet-error-dialog.h"
#include "signet-loan-dialog.h"
#include "signet-person.h"

struct _SignetLoanDialog
{
  AdwAlertDialog   parent_instance;

  GtkListBox      *fields;
  AdwComboRow     *borrower_row;
  AdwEntryRow     *department_row;
  AdwEntryRow     *purpose_row;
  SignetDateEntry *lent_row;
  SignetDateEntry *due_row;
  /* The people of the combo row's items after its first, "Choose…". */
  GPtrArray       *people;
};

G_DEFINE_FINAL_TYPE (SignetLoanDialog, signet_loan_dialog, ADW_TYPE_ALERT_DIALOG)

static SignetPerson *
selected_person (SignetLoanDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->borrower_row);

  if (selected == 0 || selected == GTK_INVALID_LIST_POSITION || selected > self->people->len)
    return NULL;

  return g_ptr_array_index (self->people, selected - 1);
}

static gboolean
has_date (SignetDateEntry *row)
{
  g_autofree char *date = NULL;

  return signet_date_entry_get_date (row, &date, NULL) && date != NULL;
}

static void
update_response (SignetLoanDialog *self)
{
  const char *purpose = gtk_editable_get_text (GTK_EDITABLE (self->purpose_row));
  g_autofree char *stripped = g_strstrip (g_strdup (purpose));

  adw_alert_dialog_set_response_enabled (ADW_ALERT_DIALOG (self), "lend",
                                         selected_person (self) != NULL && *stripped != '\0' &&
                                         has_date (self->lent_row) && has_date (self->due_row));
}

/* The borrower's department, which the user may still change: someone
 * borrowing for another department says so there. */
static void
borrower_selected_cb (SignetLoanDialog *self)
{
  SignetPerson *person = selected_person (self);
  const char *department = person != NULL ? signet_person_get_department (person) : NULL;

  gtk_editable_set_text (GTK_EDITABLE (self->department_row), department != NULL ? department : "");
  update_response (self);
}

static void
field_changed_cb (SignetLoanDialog *self)
{
  update_response (self);
}

static void
signet_loan_dialog_finalize (GObject *object)
{
  SignetLoanDialog *self = SIGNET_LOAN_DIALOG (object);

  g_clear_pointer (&self->people, g_ptr_array_unref);

  G_OBJECT_CLASS (signet_loan_dialog_parent_class)->finalize (object);
}

static void
signet_loan_dialog_class_init (SignetLoanDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = signet_loan_dialog_finalize;

  g_type_ensure (SIGNET_TYPE_DATE_ENTRY);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/signet-loan-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, SignetLoanDialog, fields);
  gtk_widget_class_bind_template_child (widget_class, SignetLoanDialog, borrower_row);
  gtk_widget_class_bind_template_child (widget_class, SignetLoanDialog, department_row);
  gtk_widget_class_bind_template_child (widget_class, SignetLoanDialog, purpose_row);
  gtk_widget_class_bind_template_child (widget_class, SignetLoanDialog, lent_row);
  gtk_widget_class_bind_template_child (widget_class, SignetLoanDialog, due_row);
  gtk_widget_class_bind_template_callback (widget_class, borrower_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, field_changed_cb);
}

static void
signet_loan_dialog_init (SignetLoanDialog *self)
{
  self->people = g_ptr_array_new_with_free_func (g_object_unref);

  gtk_widget_init_template (GTK_WIDGET (self));
  signet_alert_dialog_wrap_heading (ADW_ALERT_DIALOG (self));
}

AdwDialog *
signet_loan_dialog_new (GListModel *people,
                        const char *today)
{
  SignetLoanDialog *self = g_object_new (SIGNET_TYPE_LOAN_DIALOG, NULL);
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autofree char *due = signet_loan_default_due_on (today);
  guint n = people != NULL ? g_list_model_get_n_items (people) : 0;

  /* Translators: the borrower's row before a person is chosen. */
  gtk_string_list_append (names, _("Choose…"));
  for (guint i = 0; i < n; i++)
    {
      SignetPerson *person = g_list_model_get_item (people, i);

      gtk_string_list_append (names, signet_person_get_name (person));
      g_ptr_array_add (self->people, person);
    }
  adw_combo_row_set_model (self->borrower_row, G_LIST_MODEL (names));
  adw_combo_row_set_selected (self->borrower_row, 0);

  signet_date_entry_set_date (self->lent_row, today);
  signet_date_entry_set_date (self->due_row, due);
  update_response (self);

  return ADW_DIALOG (self);
}

static char *
dup_text (AdwEntryRow *row)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (row));

  return *text != '\0' ? g_strdup (text) : NULL;
}

SignetLoan *
signet_loan_dialog_dup_loan (SignetLoanDialog  *self,
                             gint64             contract_id,
                             GError           **error)
{
  g_autoptr(SignetLoan) loan = signet_loan_new (contract_id);
  SignetPerson *person;

  g_return_val_if_fail (SIGNET_IS_LOAN_DIALOG (self), NULL);

  if (!signet_date_entry_get_date (self->lent_row, &loan->lent_on, error) ||
      !signet_date_entry_get_date (self->due_row, &loan->due_on, error))
    return NULL;

  person = selected_person (self);
  loan->borrower_id = person != NULL ? signet_person_get_id (person) : 0;
  loan->department = dup_text (self->department_row);
  loan->purpose = dup_text (self->purpose_row);

  return g_steal_pointer (&loan);
}
