/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "signet-risk-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "signet-clause-picker.h"
#include "signet-date-entry.h"
#include "signet-error-dialog.h"
#include "signet-person.h"
#include "signet-risk-dialog.h"

struct _SignetRiskDialog
{
  AdwAlertDialog   parent_instance;

  GtkEditable     *description_row;
  AdwComboRow     *category_row;
  AdwComboRow     *likelihood_row;
  AdwComboRow     *impact_row;
  AdwActionRow    *score_row;
  GtkEditable     *mitigation_row;
  AdwComboRow     *owner_row;
  AdwComboRow     *status_row;
  SignetClausePicker *clause_row;
  SignetDateEntry *review_row;

  /* The people the owner row lists after "Nobody", and the risk edited
   * (NULL: a new one), whose id and version it keeps. */
  GListModel      *people;
  SignetRisk      *risk;
};

G_DEFINE_FINAL_TYPE (SignetRiskDialog, signet_risk_dialog, ADW_TYPE_ALERT_DIALOG)

/* The words beside each rating, so that two people rating the same risk
 * mean the same by a 4. */
static const char * const likelihood_words[] = {
  NC_("likelihood", "Rare"), NC_("likelihood", "Unlikely"), NC_("likelihood", "Possible"),
  NC_("likelihood", "Likely"), NC_("likelihood", "Almost Certain"),
};
static const char * const impact_words[] = {
  NC_("impact", "Negligible"), NC_("impact", "Minor"), NC_("impact", "Moderate"),
  NC_("impact", "Major"), NC_("impact", "Severe"),
};

static GListModel *
ratings_model (const char         *context,
               const char * const *words)
{
  GtkStringList *labels = gtk_string_list_new (NULL);

  for (guint i = 0; i < SIGNET_RISK_RATING_MAX; i++)
    {
      /* Translators: a rating and its meaning: "4 · Likely". */
      g_autofree char *label = g_strdup_printf (_("%u · %s"), i + 1,
                                                g_dpgettext2 (GETTEXT_PACKAGE, context, words[i]));

      gtk_string_list_append (labels, label);
    }

  return G_LIST_MODEL (labels);
}

static guint
rating_of (AdwComboRow *row)
{
  return MIN (adw_combo_row_get_selected (row), SIGNET_RISK_RATING_MAX - 1) + 1;
}

static void
rating_changed_cb (SignetRiskDialog *self)
{
  guint likelihood = rating_of (self->likelihood_row);
  guint impact = rating_of (self->impact_row);
  guint score = likelihood * impact;
  /* Translators: a risk's score as the user rates it: "16 (4 × 4) · High". */
  g_autofree char *text = g_strdup_printf (_("%u (%u × %u) · %s"), score, likelihood, impact,
                                           signet_risk_level_to_label (signet_risk_level_for_score (score)));

  adw_action_row_set_subtitle (self->score_row, text);
}

/* A risk without words is refused by the store, and the dialog would be
 * gone with what was typed: Add stays off until it has some. */
static void
description_changed_cb (SignetRiskDialog *self)
{
  g_autofree char *description = g_strstrip (g_strdup (gtk_editable_get_text (self->description_row)));

  adw_alert_dialog_set_response_enabled (ADW_ALERT_DIALOG (self), "save", *description != '\0');
}

static void
signet_risk_dialog_dispose (GObject *object)
{
  SignetRiskDialog *self = SIGNET_RISK_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), SIGNET_TYPE_RISK_DIALOG);
  g_clear_object (&self->people);
  g_clear_pointer (&self->risk, signet_risk_free);

  G_OBJECT_CLASS (signet_risk_dialog_parent_class)->dispose (object);
}

static void
signet_risk_dialog_class_init (SignetRiskDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = signet_risk_dialog_dispose;

  g_type_ensure (SIGNET_TYPE_CLAUSE_PICKER);
  g_type_ensure (SIGNET_TYPE_DATE_ENTRY);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/signet-risk-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, SignetRiskDialog, description_row);
  gtk_widget_class_bind_template_child (widget_class, SignetRiskDialog, category_row);
  gtk_widget_class_bind_template_child (widget_class, SignetRiskDialog, likelihood_row);
  gtk_widget_class_bind_template_child (widget_class, SignetRiskDialog, impact_row);
  gtk_widget_class_bind_template_child (widget_class, SignetRiskDialog, score_row);
  gtk_widget_class_bind_template_child (widget_class, SignetRiskDialog, mitigation_row);
  gtk_widget_class_bind_template_child (widget_class, SignetRiskDialog, owner_row);
  gtk_widget_class_bind_template_child (widget_class, SignetRiskDialog, status_row);
  gtk_widget_class_bind_template_child (widget_class, SignetRiskDialog, clause_row);
  gtk_widget_class_bind_template_child (widget_class, SignetRiskDialog, review_row);
}

static void
signet_risk_dialog_init (SignetRiskDialog *self)
{
  g_autoptr(GtkStringList) categories = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) statuses = gtk_string_list_new (NULL);
  g_autoptr(GListModel) likelihoods = ratings_model ("likelihood", likelihood_words);
  g_autoptr(GListModel) impacts = ratings_model ("impact", impact_words);

  gtk_widget_init_template (GTK_WIDGET (self));
  signet_alert_dialog_wrap_heading (ADW_ALERT_DIALOG (self));

  for (SignetRiskCategory c = 0; c < SIGNET_N_RISK_CATEGORIES; c++)
    gtk_string_list_append (categories, signet_risk_category_to_label (c));
  adw_combo_row_set_model (self->category_row, G_LIST_MODEL (categories));
  for (SignetRiskStatus s = 0; s < SIGNET_N_RISK_STATUSES; s++)
    gtk_string_list_append (statuses, signet_risk_status_to_label (s));
  adw_combo_row_set_model (self->status_row, G_LIST_MODEL (statuses));
  adw_combo_row_set_model (self->likelihood_row, likelihoods);
  adw_combo_row_set_model (self->impact_row, impacts);

  g_signal_connect_swapped (self->description_row, "changed", G_CALLBACK (description_changed_cb), self);
  description_changed_cb (self);
  g_signal_connect_swapped (self->likelihood_row, "notify::selected", G_CALLBACK (rating_changed_cb), self);
  g_signal_connect_swapped (self->impact_row, "notify::selected", G_CALLBACK (rating_changed_cb), self);
  rating_changed_cb (self);
}

AdwDialog *
signet_risk_dialog_new (GListModel       *people,
                        SignetStore      *store,
                        gint64            contract_id,
                        const SignetRisk *risk)
{
  SignetRiskDialog *self = g_object_new (SIGNET_TYPE_RISK_DIALOG, NULL);
  g_autoptr(GtkStringList) owners = gtk_string_list_new (NULL);
  guint n_people = people != NULL ? g_list_model_get_n_items (people) : 0;
  guint owner_index = 0;

  self->people = people != NULL ? g_object_ref (people) : NULL;

  /* Translators: the owner of a risk when nobody is named. */
  gtk_string_list_append (owners, C_("risk owner", "Nobody"));
  for (guint i = 0; i < n_people; i++)
    {
      g_autoptr(SignetPerson) person = g_list_model_get_item (people, i);

      gtk_string_list_append (owners, signet_person_get_name (person));
      if (risk != NULL && risk->owner_id == signet_person_get_id (person))
        owner_index = i + 1;
    }
  adw_combo_row_set_model (self->owner_row, G_LIST_MODEL (owners));
  signet_clause_picker_set_contract (self->clause_row, store, contract_id);

  if (risk == NULL)
    {
      adw_combo_row_set_selected (self->category_row, SIGNET_RISK_CATEGORY_LEGAL);
      adw_combo_row_set_selected (self->likelihood_row, 2);
      adw_combo_row_set_selected (self->impact_row, 2);
      return ADW_DIALOG (self);
    }

  self->risk = signet_risk_copy (risk);
  adw_alert_dialog_set_heading (ADW_ALERT_DIALOG (self), _("Edit the Risk"));
  adw_alert_dialog_set_response_label (ADW_ALERT_DIALOG (self), "save", _("_Save"));
  gtk_editable_set_text (self->description_row, risk->description != NULL ? risk->description : "");
  adw_combo_row_set_selected (self->category_row, risk->category);
  adw_combo_row_set_selected (self->likelihood_row, CLAMP (risk->likelihood, 1, SIGNET_RISK_RATING_MAX) - 1);
  adw_combo_row_set_selected (self->impact_row, CLAMP (risk->impact, 1, SIGNET_RISK_RATING_MAX) - 1);
  gtk_editable_set_text (self->mitigation_row, risk->mitigation != NULL ? risk->mitigation : "");
  adw_combo_row_set_selected (self->owner_row, owner_index);
  adw_combo_row_set_selected (self->status_row, risk->status);
  signet_clause_picker_set_annotation_id (self->clause_row, risk->annotation_id);
  signet_date_entry_set_date (self->review_row, risk->next_review);

  return ADW_DIALOG (self);
}

SignetRisk *
signet_risk_dialog_dup_risk (SignetRiskDialog  *self,
                             gint64             contract_id,
                             GError           **error)
{
  g_autoptr(SignetRisk) risk = NULL;
  g_autofree char *iso = NULL;
  guint owner;

  g_return_val_if_fail (SIGNET_IS_RISK_DIALOG (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!signet_date_entry_get_date (self->review_row, &iso, error))
    return NULL;

  risk = self->risk != NULL ? signet_risk_copy (self->risk) : signet_risk_new (contract_id);
  risk->contract_id = contract_id;
  g_free (risk->description);
  risk->description = g_strdup (gtk_editable_get_text (self->description_row));
  risk->category = MIN (adw_combo_row_get_selected (self->category_row), SIGNET_N_RISK_CATEGORIES - 1);
  risk->likelihood = rating_of (self->likelihood_row);
  risk->impact = rating_of (self->impact_row);
  g_free (risk->mitigation);
  risk->mitigation = g_strdup (gtk_editable_get_text (self->mitigation_row));
  risk->status = MIN (adw_combo_row_get_selected (self->status_row), SIGNET_N_RISK_STATUSES - 1);
  g_free (risk->next_review);
  risk->next_review = g_steal_pointer (&iso);
  risk->annotation_id = signet_clause_picker_get_annotation_id (self->clause_row);

  owner = adw_combo_row_get_selected (self->owner_row);
  risk->owner_id = 0;
  if (owner != GTK_INVALID_LIST_POSITION && owner > 0 && self->people != NULL)
    {
      g_autoptr(SignetPerson) person = g_list_model_get_item (self->people, owner - 1);

      if (person != NULL)
        risk->owner_id = signet_person_get_id (person);
    }

  return g_steal_pointer (&risk);
}
