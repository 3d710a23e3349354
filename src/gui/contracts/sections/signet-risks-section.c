/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "signet-risks-section"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "signet-clause-picker.h"
#include "signet-date.h"
#include "signet-error-dialog.h"
#include "signet-risk-dialog.h"
#include "signet-risk-level-dialog.h"
#include "signet-risks-section.h"
#include "signet-store-people.h"
#include "signet-store-risks.h"
#include "signet-tombstone.h"
#include "signet-undo.h"

struct _SignetRisksSection
{
  SignetContractSection parent_instance;

  AdwPreferencesGroup *group;
  GtkWidget           *notice_row;
  GtkLabel            *notice_label;
  GtkWidget           *keep_button;
  GtkWidget           *empty_row;
  /* The risks' rows, as listed now. */
  GPtrArray           *rows;
  /* The risks as listed, for Edit…. */
  GPtrArray           *risks;
};

G_DEFINE_FINAL_TYPE (SignetRisksSection, signet_risks_section, SIGNET_TYPE_CONTRACT_SECTION)

static SignetStore *
get_store (SignetRisksSection *self)
{
  return signet_contract_section_get_store (SIGNET_CONTRACT_SECTION (self));
}

static gint64
contract_id (SignetRisksSection *self)
{
  return signet_contract_section_get_contract_id (SIGNET_CONTRACT_SECTION (self));
}

/* The class that colours a score by the level it suggests (style.css). */
static const char *
score_css_class (guint score)
{
  switch (signet_risk_level_for_score (score))
    {
    case SIGNET_RISK_LEVEL_HIGH:   return "risk-high";
    case SIGNET_RISK_LEVEL_MEDIUM: return "risk-medium";
    case SIGNET_RISK_LEVEL_LOW:
    default:                       return "risk-low";
    }
}

/* "Legal · 李娜 · Open · Next review 01.03.2026", then the mitigation and
 * the clause (@clause, nullable: none, or its annotation deleted) on lines
 * of their own. */
static char *
risk_subtitle (const SignetRisk   *risk,
               const SignetClause *clause)
{
  g_autoptr(GString) text = g_string_new (signet_risk_category_to_label (risk->category));

  if (risk->owner_name != NULL)
    g_string_append_printf (text, " · %s", risk->owner_name);
  g_string_append_printf (text, " · %s", signet_risk_status_to_label (risk->status));
  if (risk->next_review != NULL)
    {
      g_autofree char *date = signet_date_format_display (risk->next_review);

      g_string_append (text, " · ");
      /* Translators: when a risk is to be looked at again; %s is a date. */
      g_string_append_printf (text, _("Next review %s"), date);
    }
  if (risk->mitigation != NULL && *risk->mitigation != '\0')
    {
      g_string_append_c (text, '\n');
      /* Translators: what is done about a risk; %s is the user's text. */
      g_string_append_printf (text, _("Mitigation: %s"), risk->mitigation);
    }
  if (clause != NULL)
    {
      g_autofree char *described = signet_clause_describe (clause, NULL);

      g_string_append_c (text, '\n');
      /* Translators: the clause a risk comes from, "Clause: p. 3 · 违约金比例". */
      g_string_append_printf (text, _("Clause: %s"), described);
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static GtkWidget *
row_button (const char *icon,
            const char *tooltip,
            const char *accessible_label,
            const char *action,
            gint64      id)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible_label, -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), g_variant_new_int64 (id));

  return button;
}

static GtkWidget *
make_row (const SignetRisk   *risk,
          const SignetClause *clause)
{
  GtkWidget *row = adw_action_row_new ();
  guint score = signet_risk_get_score (risk);
  g_autofree char *score_text = g_strdup_printf ("%u", score);
  /* Translators: what a screen reader says of a risk's score badge. */
  g_autofree char *score_label = g_strdup_printf (_("Score %u (%u × %u)"), score, risk->likelihood, risk->impact);
  g_autofree char *subtitle = risk_subtitle (risk, clause);
  /* Translators: %s is a risk's description. */
  g_autofree char *edit_label = g_strdup_printf (_("Edit %s"), risk->description);
  g_autofree char *delete_label = g_strdup_printf (_("Delete %s"), risk->description);
  GtkWidget *badge = gtk_label_new (score_text);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), risk->description);
  /* The row itself opens it, as its Edit button does. */
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "risks.edit");
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (row), g_variant_new_int64 (risk->id));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 4);

  gtk_widget_set_valign (badge, GTK_ALIGN_CENTER);
  gtk_widget_set_size_request (badge, 36, -1);
  gtk_widget_add_css_class (badge, "status-pill");
  gtk_widget_add_css_class (badge, "numeric");
  gtk_widget_add_css_class (badge, score_css_class (score));
  gtk_widget_set_tooltip_text (badge, score_label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (badge), GTK_ACCESSIBLE_PROPERTY_LABEL, score_label, -1);
  /* A closed or mitigated risk counts for nothing: its score is dimmed. */
  if (risk->status != SIGNET_RISK_STATUS_OPEN)
    gtk_widget_add_css_class (badge, "dim-label");
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), badge);

  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             row_button ("document-edit-symbolic", _("Edit this risk"), edit_label,
                                         "risks.edit", risk->id));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             row_button ("user-trash-symbolic", _("Delete this risk"), delete_label,
                                         "risks.delete", risk->id));

  return row;
}

static void
clear_rows (SignetRisksSection *self)
{
  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_remove (self->group, g_ptr_array_index (self->rows, i));
  g_ptr_array_set_size (self->rows, 0);
}

/* The suggestion with its rule under the title, and the notice when the
 * contract's level differs from it and no kept choice covers it. */
static void
show_suggestion (SignetRisksSection *self,
                 SignetContract     *contract,
                 GPtrArray          *risks)
{
  g_autoptr(SignetRiskLevelChoice) choice = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *description = NULL;
  const SignetRisk *highest = NULL;
  SignetRiskLevel suggested = SIGNET_RISK_LEVEL_LOW;
  SignetRiskLevel level = contract != NULL ? signet_contract_get_risk_level (contract) : SIGNET_RISK_LEVEL_LOW;
  gboolean has_suggestion = signet_risks_suggest_level (risks, &suggested, &highest);
  gboolean notice;

  choice = signet_store_get_risk_level_choice (get_store (self), contract_id (self), &error);
  if (error != NULL)
    g_warning ("Could not read the kept risk level of contract %" G_GINT64_FORMAT ": %s",
               contract_id (self), error->message);

  if (has_suggestion)
    {
      g_autofree char *rule = signet_risk_describe_suggestion (suggested, highest);

      if (suggested != level && choice != NULL && !signet_risk_level_needs_notice (level, TRUE, suggested, choice))
        /* Translators: the suggestion, then the level kept and why:
         * "Suggested: High — …\nKept at Low: a client of twenty years". */
        description = g_strdup_printf (_("%s\nKept at %s: %s"), rule, signet_risk_level_to_label (level),
                                       choice->reason);
      else
        description = g_steal_pointer (&rule);
    }
  else if (risks->len > 0)
    description = g_strdup (_("No open risks: no level is suggested."));
  adw_preferences_group_set_description (self->group, description);

  notice = contract != NULL && signet_risk_level_needs_notice (level, has_suggestion, suggested, choice);
  gtk_widget_set_visible (self->notice_row, notice);
  if (notice)
    {
      /* Translators: the contract's risk level (%s) and the suggested one. */
      g_autofree char *text = g_strdup_printf (_("The contract’s risk level is %s, not the suggested %s."),
                                               signet_risk_level_to_label (level),
                                               signet_risk_level_to_label (suggested));
      /* Translators: a button that keeps the contract's risk level, "Keep Low…". */
      g_autofree char *keep = g_strdup_printf (_("_Keep %s…"), signet_risk_level_to_label (level));

      gtk_label_set_text (self->notice_label, text);
      gtk_button_set_label (GTK_BUTTON (self->keep_button), keep);
    }
}

static void
signet_risks_section_reload (SignetContractSection *section)
{
  SignetRisksSection *self = SIGNET_RISKS_SECTION (section);
  SignetStore *store = signet_contract_section_get_store (section);
  gint64 id = signet_contract_section_get_contract_id (section);
  g_autoptr(GPtrArray) risks = NULL;
  g_autoptr(GError) error = NULL;

  clear_rows (self);
  g_clear_pointer (&self->risks, g_ptr_array_unref);

  if (store != NULL && id > 0 && !(risks = signet_store_list_risks (store, id, &error)))
    g_warning ("Could not read the risks of contract %" G_GINT64_FORMAT ": %s", id, error->message);
  if (risks == NULL)
    risks = g_ptr_array_new_with_free_func ((GDestroyNotify) signet_risk_free);

  for (guint i = 0; i < risks->len; i++)
    {
      const SignetRisk *risk = g_ptr_array_index (risks, i);
      g_autoptr(SignetClause) clause = NULL;
      g_autoptr(GError) clause_error = NULL;
      GtkWidget *row;

      if (risk->annotation_id > 0 &&
          !(clause = signet_store_get_clause (store, risk->annotation_id, &clause_error)) && clause_error != NULL)
        g_warning ("Could not read the clause of a risk: %s", clause_error->message);
      row = make_row (risk, clause);

      adw_preferences_group_add (self->group, row);
      g_ptr_array_add (self->rows, row);
    }
  gtk_widget_set_visible (self->empty_row, risks->len == 0);

  if (store != NULL && id > 0)
    show_suggestion (self, signet_contract_section_get_contract (section), risks);
  else
    gtk_widget_set_visible (self->notice_row, FALSE);

  self->risks = g_steal_pointer (&risks);
}

static const SignetRisk *
find_risk (SignetRisksSection *self,
           gint64              id)
{
  for (guint i = 0; self->risks != NULL && i < self->risks->len; i++)
    if (((SignetRisk *) g_ptr_array_index (self->risks, i))->id == id)
      return g_ptr_array_index (self->risks, i);

  return NULL;
}

/* Adding and editing a risk */

static void
risk_responded_cb (SignetRisksSection *self,
                   const char         *response,
                   SignetRiskDialog   *dialog)
{
  g_autoptr(SignetRisk) risk = NULL;
  g_autoptr(GError) error = NULL;
  const char *heading;
  gboolean written;

  if (g_strcmp0 (response, "save") != 0 || get_store (self) == NULL || contract_id (self) <= 0)
    return;

  risk = signet_risk_dialog_dup_risk (dialog, contract_id (self), &error);
  heading = risk != NULL && risk->id > 0 ? _("The Risk Was Not Changed") : _("The Risk Was Not Added");
  if (risk == NULL)
    {
      signet_error_dialog_show (GTK_WIDGET (self), heading, error);
      return;
    }

  written = risk->id > 0
    ? signet_store_update_risk (get_store (self), risk, &error)
    : signet_store_add_risk (get_store (self), risk, &error);
  if (!written)
    signet_error_dialog_show (GTK_WIDGET (self), heading, error);
}

static void
open_risk_dialog (SignetRisksSection *self,
                  const SignetRisk   *risk)
{
  g_autoptr(GListModel) people = NULL;
  g_autoptr(GError) error = NULL;
  AdwDialog *dialog;

  if (!(people = signet_store_list_people (get_store (self), &error)))
    g_warning ("Could not read the people: %s", error->message);

  dialog = signet_risk_dialog_new (people, get_store (self), contract_id (self), risk);
  g_signal_connect_object (dialog, "response", G_CALLBACK (risk_responded_cb), self, G_CONNECT_SWAPPED);
  adw_dialog_present (dialog, GTK_WIDGET (self));
}

static void
add_activated (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  SignetRisksSection *self = SIGNET_RISKS_SECTION (widget);

  if (get_store (self) != NULL && contract_id (self) > 0)
    open_risk_dialog (self, NULL);
}

static void
edit_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  SignetRisksSection *self = SIGNET_RISKS_SECTION (widget);
  const SignetRisk *risk = find_risk (self, g_variant_get_int64 (parameter));

  if (get_store (self) != NULL && risk != NULL)
    open_risk_dialog (self, risk);
}

/* Deleting one, with Undo (see SignetUndo) */

static void
delete_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  SignetRisksSection *self = SIGNET_RISKS_SECTION (widget);
  g_autoptr(SignetTombstone) tombstone = NULL;
  g_autoptr(GError) error = NULL;

  if (get_store (self) == NULL)
    return;

  tombstone = signet_store_delete (get_store (self), SIGNET_TOMBSTONE_RISK, g_variant_get_int64 (parameter), &error);
  if (tombstone == NULL)
    {
      signet_error_dialog_show (GTK_WIDGET (self), _("The Risk Was Not Deleted"), error);
      return;
    }

  signet_undo_offer (widget, get_store (self), tombstone);
}

/* The contract's level: the suggested one, or the one it has with why */

static void
use_suggested_activated (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  SignetRisksSection *self = SIGNET_RISKS_SECTION (widget);
  g_autoptr(SignetContract) base = NULL;
  g_autoptr(SignetContract) edited = NULL;
  g_autoptr(GError) error = NULL;
  gboolean has_suggestion = FALSE;
  SignetRiskLevel suggested;

  if (get_store (self) == NULL || contract_id (self) <= 0)
    return;

  /* The contract's own save, over the version just read: its History
   * tells the change of level, and the reviews follow the new level. */
  if (!signet_store_get_suggested_risk_level (get_store (self), contract_id (self), &has_suggestion, &suggested,
                                              &error) ||
      !(base = signet_store_get_contract (get_store (self), contract_id (self), &error)))
    {
      signet_error_dialog_show (GTK_WIDGET (self), _("The Risk Level Was Not Changed"), error);
      return;
    }
  if (!has_suggestion)
    return;

  edited = signet_contract_copy (base);
  signet_contract_set_risk_level (edited, suggested);
  if (!signet_store_save_contract (get_store (self), base, edited, &error))
    signet_error_dialog_show (GTK_WIDGET (self), _("The Risk Level Was Not Changed"), error);
}

static void
keep_responded_cb (SignetRisksSection    *self,
                   const char            *response,
                   SignetRiskLevelDialog *dialog)
{
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "keep") != 0 || get_store (self) == NULL || contract_id (self) <= 0)
    return;

  if (!signet_store_keep_risk_level (get_store (self), contract_id (self),
                                     signet_risk_level_dialog_get_reason (dialog), &error))
    signet_error_dialog_show (GTK_WIDGET (self), _("The Risk Level Was Not Kept"), error);
}

static void
keep_level_activated (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  SignetRisksSection *self = SIGNET_RISKS_SECTION (widget);
  SignetContract *contract;
  gboolean has_suggestion = FALSE;
  SignetRiskLevel suggested;
  AdwDialog *dialog;

  if (get_store (self) == NULL || contract_id (self) <= 0 ||
      !(contract = signet_contract_section_get_contract (SIGNET_CONTRACT_SECTION (self))) ||
      !signet_store_get_suggested_risk_level (get_store (self), contract_id (self), &has_suggestion, &suggested,
                                              NULL) ||
      !has_suggestion)
    return;

  dialog = signet_risk_level_dialog_new (signet_contract_get_risk_level (contract), suggested);
  g_signal_connect_object (dialog, "response", G_CALLBACK (keep_responded_cb), self, G_CONNECT_SWAPPED);
  adw_dialog_present (dialog, widget);
}

static void
signet_risks_section_dispose (GObject *object)
{
  SignetRisksSection *self = SIGNET_RISKS_SECTION (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), SIGNET_TYPE_RISKS_SECTION);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->risks, g_ptr_array_unref);

  G_OBJECT_CLASS (signet_risks_section_parent_class)->dispose (object);
}

static void
signet_risks_section_class_init (SignetRisksSectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  SignetContractSectionClass *section_class = SIGNET_CONTRACT_SECTION_CLASS (klass);

  object_class->dispose = signet_risks_section_dispose;

  /* Its risks and kept level; the contract's level is one of its fields;
   * a clause's text is an annotation's; an owner renamed in People is a
   * change of a person, not of this contract. */
  section_class->reload = signet_risks_section_reload;
  signet_contract_section_class_watch (section_class, SIGNET_STORE_CHANGED_RISKS);
  signet_contract_section_class_watch (section_class, SIGNET_STORE_CHANGED_FIELDS);
  signet_contract_section_class_watch (section_class, SIGNET_STORE_CHANGED_ANNOTATIONS);
  signet_contract_section_class_watch_any (section_class, SIGNET_STORE_CHANGED_PEOPLE);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/signet-risks-section.ui");
  gtk_widget_class_bind_template_child (widget_class, SignetRisksSection, group);
  gtk_widget_class_bind_template_child (widget_class, SignetRisksSection, notice_row);
  gtk_widget_class_bind_template_child (widget_class, SignetRisksSection, notice_label);
  gtk_widget_class_bind_template_child (widget_class, SignetRisksSection, keep_button);
  gtk_widget_class_bind_template_child (widget_class, SignetRisksSection, empty_row);

  signet_contract_section_class_install_write (section_class, "risks.add", NULL, add_activated);
  signet_contract_section_class_install_write (section_class, "risks.edit", "x", edit_activated);
  signet_contract_section_class_install_write (section_class, "risks.delete", "x", delete_activated);
  signet_contract_section_class_install_write (section_class, "risks.use-suggested", NULL, use_suggested_activated);
  signet_contract_section_class_install_write (section_class, "risks.keep-level", NULL, keep_level_activated);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
signet_risks_section_init (SignetRisksSection *self)
{
  self->rows = g_ptr_array_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
signet_risks_section_new (void)
{
  return g_object_new (SIGNET_TYPE_RISKS_SECTION, NULL);
}
