/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "signet-obligation-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "signet-clause-picker.h"
#include "signet-date-entry.h"
#include "signet-error-dialog.h"
#include "signet-obligation-dialog.h"
#include "signet-person.h"

struct _SignetObligationDialog
{
  AdwAlertDialog      parent_instance;

  GtkEditable        *title_row;
  AdwComboRow        *party_row;
  AdwComboRow        *owner_row;
  SignetDateEntry    *due_row;
  AdwComboRow        *recurrence_row;
  SignetDateEntry    *until_row;
  SignetClausePicker *clause_row;
  GtkEditable        *note_row;

  /* The people the owner row lists after "Nobody", and the obligation
   * edited (NULL: a new one), whose id and version it keeps. */
  GListModel         *people;
  SignetObligation   *obligation;
  gint64              contract_id;
};

G_DEFINE_FINAL_TYPE (SignetObligationDialog, signet_obligation_dialog, ADW_TYPE_ALERT_DIALOG)

/* The last date means nothing for an obligation due once. */
static void
recurrence_changed_cb (SignetObligationDialog *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->until_row),
                          adw_combo_row_get_selected (self->recurrence_row) != SIGNET_RECURRENCE_NONE);
}

static void
signet_obligation_dialog_dispose (GObject *object)
{
  SignetObligationDialog *self = SIGNET_OBLIGATION_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), SIGNET_TYPE_OBLIGATION_DIALOG);
  g_clear_object (&self->people);
  g_clear_pointer (&self->obligation, signet_obligation_free);

  G_OBJECT_CLASS (signet_obligation_dialog_parent_class)->dispose (object);
}

static void
signet_obligation_dialog_class_init (SignetObligationDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = signet_obligation_dialog_dispose;

  g_type_ensure (SIGNET_TYPE_DATE_ENTRY);
  g_type_ensure (SIGNET_TYPE_CLAUSE_PICKER);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/signet-obligation-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, SignetObligationDialog, title_row);
  gtk_widget_class_bind_template_child (widget_class, SignetObligationDialog, party_row);
  gtk_widget_class_bind_template_child (widget_class, SignetObligationDialog, owner_row);
  gtk_widget_class_bind_template_child (widget_class, SignetObligationDialog, due_row);
  gtk_widget_class_bind_template_child (widget_class, SignetObligationDialog, recurrence_row);
  gtk_widget_class_bind_template_child (widget_class, SignetObligationDialog, until_row);
  gtk_widget_class_bind_template_child (widget_class, SignetObligationDialog, clause_row);
  gtk_widget_class_bind_template_child (widget_class, SignetObligationDialog, note_row);
}

static void
signet_obligation_dialog_init (SignetObligationDialog *self)
{
  g_autoptr(GtkStringList) parties = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) recurrences = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));
  signet_alert_dialog_wrap_heading (ADW_ALERT_DIALOG (self));

  for (SignetObligationParty p = 0; p < SIGNET_N_OBLIGATION_PARTIES; p++)
    gtk_string_list_append (parties, signet_obligation_party_to_label (p));
  adw_combo_row_set_model (self->party_row, G_LIST_MODEL (parties));
  for (SignetRecurrence r = 0; r < SIGNET_N_RECURRENCES; r++)
    gtk_string_list_append (recurrences, signet_recurrence_to_label (r));
  adw_combo_row_set_model (self->recurrence_row, G_LIST_MODEL (recurrences));

  g_signal_connect_swapped (self->recurrence_row, "notify::selected", G_CALLBACK (recurrence_changed_cb), self);
  recurrence_changed_cb (self);
}

AdwDialog *
signet_obligation_dialog_new (GListModel             *people,
                              SignetStore            *store,
                              gint64                  contract_id,
                              const SignetObligation *obligation)
{
  SignetObligationDialog *self = g_object_new (SIGNET_TYPE_OBLIGATION_DIALOG, NULL);
  g_autoptr(GtkStringList) owners = gtk_string_list_new (NULL);
  guint n_people = people != NULL ? g_list_model_get_n_items (people) : 0;
  guint owner_index = 0;

  self->people = people != NULL ? g_object_ref (people) : NULL;
  self->contract_id = contract_id;

  /* Translators: the owner of an obligation when nobody is named. */
  gtk_string_list_append (owners, C_("obligation owner", "Nobody"));
  for (guint i = 0; i < n_people; i++)
    {
      g_autoptr(SignetPerson) person = g_list_model_get_item (people, i);

      gtk_string_list_append (owners, signet_person_get_name (person));
      if (obligation != NULL && obligation->owner_id == signet_person_get_id (person))
        owner_index = i + 1;
    }
  adw_combo_row_set_model (self->owner_row, G_LIST_MODEL (owners));
  signet_clause_picker_set_contract (self->clause_row, store, contract_id);

  if (obligation == NULL)
    return ADW_DIALOG (self);

  self->obligation = signet_obligation_copy (obligation);
  adw_alert_dialog_set_heading (ADW_ALERT_DIALOG (self), _("Edit the Obligation"));
  adw_alert_dialog_set_response_label (ADW_ALERT_DIALOG (self), "save", _("_Save"));
  gtk_editable_set_text (self->title_row, obligation->title != NULL ? obligation->title : "");
  adw_combo_row_set_selected (self->party_row, obligation->party);
  adw_combo_row_set_selected (self->owner_row, owner_index);
  signet_date_entry_set_date (self->due_row, obligation->due_date);
  adw_combo_row_set_selected (self->recurrence_row, obligation->recurrence);
  signet_date_entry_set_date (self->until_row, obligation->until_date);
  signet_clause_picker_set_annotation_id (self->clause_row, obligation->annotation_id);
  gtk_editable_set_text (self->note_row, obligation->note != NULL ? obligation->note : "");

  return ADW_DIALOG (self);
}

SignetObligation *
signet_obligation_dialog_dup_obligation (SignetObligationDialog  *self,
                                         GError                 **error)
{
  g_autoptr(SignetObligation) obligation = NULL;
  g_autofree char *due = NULL;
  g_autofree char *until = NULL;
  guint owner;

  g_return_val_if_fail (SIGNET_IS_OBLIGATION_DIALOG (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!signet_date_entry_get_date (self->due_row, &due, error) ||
      !signet_date_entry_get_date (self->until_row, &until, error))
    return NULL;

  obligation = self->obligation != NULL ? signet_obligation_copy (self->obligation)
                                        : signet_obligation_new (self->contract_id);
  g_free (obligation->title);
  obligation->title = g_strdup (gtk_editable_get_text (self->title_row));
  obligation->party = MIN (adw_combo_row_get_selected (self->party_row), SIGNET_N_OBLIGATION_PARTIES - 1);
  obligation->recurrence = MIN (adw_combo_row_get_selected (self->recurrence_row), SIGNET_N_RECURRENCES - 1);
  g_free (obligation->due_date);
  obligation->due_date = g_steal_pointer (&due);
  g_free (obligation->until_date);
  /* Hidden for one due once: what it held is not kept. */
  obligation->until_date = obligation->recurrence != SIGNET_RECURRENCE_NONE ? g_steal_pointer (&until) : NULL;
  obligation->annotation_id = signet_clause_picker_get_annotation_id (self->clause_row);
  g_free (obligation->note);
  obligation->note = g_strdup (gtk_editable_get_text (self->note_row));

  owner = adw_combo_row_get_selected (self->owner_row);
  obligation->owner_id = 0;
  if (owner != GTK_INVALID_LIST_POSITION && owner > 0 && self->people != NULL)
    {
      g_autoptr(SignetPerson) person = g_list_model_get_item (self->people, owner - 1);

      if (person != NULL)
        obligation->owner_id = signet_person_get_id (person);
    }

  return g_steal_pointer (&obligation);
}
