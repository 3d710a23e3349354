/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "signet-amendments-section"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "signet-amendment-dialog.h"
#include "signet-amendments-section.h"
#include "signet-approval-decision.h"
#include "signet-contract-process.h"
#include "signet-date.h"
#include "signet-error-dialog.h"
#include "signet-money.h"
#include "signet-store-amendments.h"
#include "signet-store-approvals.h"
#include "signet-store-attachments.h"
#include "signet-store-events.h"
#include "signet-store-team.h"
#include "signet-tombstone.h"
#include "signet-undo.h"

/* The terms the "in force" group shows, in its order. */
static const SignetAmendedTerm shown_terms[] = {
  SIGNET_AMENDED_TITLE, SIGNET_AMENDED_VALUE, SIGNET_AMENDED_END_DATE, SIGNET_AMENDED_NOTICE,
};

/* A long-lived contract collects amendments: the list shows the newest
 * few and a row that shows the rest, so that opening it costs little
 * more than opening one without. One waiting for a decision is always
 * listed. */
#define LATEST_SHOWN 3

struct _SignetAmendmentsSection
{
  SignetContractSection parent_instance;

  GtkWidget           *box;
  AdwPreferencesGroup *terms_group;
  AdwActionRow        *term_rows[G_N_ELEMENTS (shown_terms)];
  GtkWidget           *term_tags[G_N_ELEMENTS (shown_terms)];
  AdwPreferencesGroup *amendments_group;
  GtkWidget           *amend_button;
  /* The amendments' rows, as listed now, with the row that shows all. */
  GPtrArray           *rows;
  /* The contract whose amendments are listed, and whether the user asked
   * for all of them: kept over its reloads, not for the next contract. */
  gint64               listed_id;
  gboolean             show_all;
};

G_DEFINE_FINAL_TYPE (SignetAmendmentsSection, signet_amendments_section, SIGNET_TYPE_CONTRACT_SECTION)

static SignetStore *
get_store (SignetAmendmentsSection *self)
{
  return signet_contract_section_get_store (SIGNET_CONTRACT_SECTION (self));
}

static gint64
contract_id (SignetAmendmentsSection *self)
{
  return signet_contract_section_get_contract_id (SIGNET_CONTRACT_SECTION (self));
}

static const char *
term_label (SignetAmendedTerm term)
{
  switch (term)
    {
    case SIGNET_AMENDED_VALUE:    return signet_field_to_label (SIGNET_FIELD_CONTRACT_VALUE);
    case SIGNET_AMENDED_END_DATE: return signet_field_to_label (SIGNET_FIELD_CONTRACT_END_DATE);
    case SIGNET_AMENDED_NOTICE:   return signet_field_to_label (SIGNET_FIELD_CONTRACT_NOTICE_DAYS);
    case SIGNET_AMENDED_TITLE:    return signet_field_to_label (SIGNET_FIELD_CONTRACT_TITLE);
    case SIGNET_AMENDED_OTHER:    return signet_field_to_label (SIGNET_FIELD_AMENDMENT_OTHER_TERMS);
    default:
      g_return_val_if_reached (NULL);
    }
}

static char *
notice_text (guint    days,
             gboolean auto_renew)
{
  if (auto_renew)
    /* Translators: the notice period of a contract that renews itself. */
    return g_strdup_printf (ngettext ("%u day before the end; renews automatically",
                                      "%u days before the end; renews automatically", days), days);

  return g_strdup_printf (ngettext ("%u day before the end", "%u days before the end", days), days);
}

/* A term of @contract as the page shows it. */
static char *
contract_term_text (SignetContract    *contract,
                    SignetAmendedTerm  term)
{
  switch (term)
    {
    case SIGNET_AMENDED_VALUE:
      return signet_money_format (signet_contract_get_value (contract), signet_contract_get_currency (contract));
    case SIGNET_AMENDED_END_DATE:
      return signet_contract_get_end_date (contract) != NULL
             ? signet_date_format_display (signet_contract_get_end_date (contract))
             : g_strdup (_("No end date"));
    case SIGNET_AMENDED_NOTICE:
      return notice_text (signet_contract_get_notice_days (contract), signet_contract_get_auto_renew (contract));
    case SIGNET_AMENDED_TITLE:
      return g_strdup (signet_contract_get_title (contract));
    case SIGNET_AMENDED_OTHER:
    default:
      g_return_val_if_reached (NULL);
    }
}

/* What @amendment changes, one line per term. */
static char *
describe_changes (const SignetAmendment *amendment)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (SignetAmendedTerm term = 0; term < SIGNET_N_AMENDED_TERMS; term++)
    {
      g_autofree char *value = NULL;

      if (!signet_amendment_changes (amendment, term))
        continue;

      switch (term)
        {
        case SIGNET_AMENDED_VALUE:
          value = signet_money_format (amendment->value, amendment->currency);
          break;
        case SIGNET_AMENDED_END_DATE:
          value = signet_date_format_display (amendment->end_date);
          break;
        case SIGNET_AMENDED_NOTICE:
          value = notice_text (amendment->notice_days, amendment->auto_renew);
          break;
        case SIGNET_AMENDED_TITLE:
          value = g_strdup (amendment->title);
          break;
        case SIGNET_AMENDED_OTHER:
        default:
          value = g_strdup (amendment->other_terms);
          break;
        }

      if (text->len > 0)
        g_string_append_c (text, '\n');
      /* Translators: a term an amendment changes and its new value, "Value: ¥1,200,000.00". */
      g_string_append_printf (text, _("%s: %s"), term_label (term), value);
    }

  if (amendment->reason != NULL && *amendment->reason != '\0')
    {
      g_string_append_c (text, '\n');
      g_string_append_printf (text, _("%s: %s"), signet_field_to_label (SIGNET_FIELD_AMENDMENT_REASON),
                              amendment->reason);
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
show_terms (SignetAmendmentsSection *self,
            SignetContract          *contract,
            SignetContract          *terms,
            const SignetAmendment  **sources,
            const char              *today)
{
  g_autofree char *today_shown = signet_date_format_display (today);
  g_autofree char *description = NULL;

  /* Translators: %s is today's date. */
  description = g_strdup_printf (_("As of today, %s. Terms marked “amended” differ from the contract as signed."),
                                 today_shown);
  adw_preferences_group_set_description (self->terms_group, description);

  for (guint i = 0; i < G_N_ELEMENTS (shown_terms); i++)
    {
      const SignetAmendment *source = sources[shown_terms[i]];
      g_autofree char *text = contract_term_text (terms, shown_terms[i]);
      g_autofree char *tooltip = NULL;

      adw_action_row_set_subtitle (self->term_rows[i], text);
      gtk_widget_set_visible (self->term_tags[i], source != NULL);

      if (source != NULL)
        {
          g_autofree char *original = contract_term_text (contract, shown_terms[i]);
          g_autofree char *effective = signet_date_format_display (source->effective_date);

          /* Translators: the tooltip of an amended term: its value as
           * signed, the amendment's number and the day it took effect. */
          tooltip = g_strdup_printf (_("Originally %s. Changed by amendment %s from %s."),
                                     original, source->number, effective);
        }
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->term_rows[i]), tooltip);
      gtk_widget_set_tooltip_text (self->term_tags[i], tooltip);
    }
}

/* The name of the amendment's file among @attachments, or NULL. */
static const char *
find_file_name (GPtrArray *attachments,
                gint64     attachment_id)
{
  for (guint i = 0; attachments != NULL && attachment_id > 0 && i < attachments->len; i++)
    if (signet_attachment_get_id (g_ptr_array_index (attachments, i)) == attachment_id)
      return signet_attachment_get_file_name (g_ptr_array_index (attachments, i));

  return NULL;
}

/* Where an amendment's approval stands: its pending step, who decides
 * it and by when; or why it was returned or rejected. */
static char *
describe_approval (const SignetAmendment *amendment,
                   GPtrArray             *steps,
                   const char            *today)
{
  for (guint i = 0; steps != NULL && i < steps->len; i++)
    {
      const SignetApprovalStep *step = g_ptr_array_index (steps, i);
      g_autofree char *due = step->due_date != NULL ? signet_date_format_display (step->due_date) : NULL;
      const char *who = step->person_name != NULL ? step->person_name : step->role;

      if (amendment->state == SIGNET_AMENDMENT_IN_REVIEW && step->state == SIGNET_STEP_PENDING &&
          g_strcmp0 (who, step->name) == 0)
        {
          /* A step named after the role that decides it (部门负责人) is
           * said once. */
          if (due != NULL && g_strcmp0 (step->due_date, today) < 0)
            /* Translators: the step an amendment waits for, and the day it
             * was due, past. */
            return g_strdup_printf (_("Waiting for %s, overdue since %s"), step->name, due);
          if (due != NULL)
            /* Translators: the step an amendment waits for, and by when. */
            return g_strdup_printf (_("Waiting for %s, due on %s"), step->name, due);
          return g_strdup_printf (_("Waiting for %s"), step->name);
        }
      if (amendment->state == SIGNET_AMENDMENT_IN_REVIEW && step->state == SIGNET_STEP_PENDING)
        {
          if (due != NULL && g_strcmp0 (step->due_date, today) < 0)
            /* Translators: the step an amendment waits for: its name, who
             * decides it, and the day it was due, past. */
            return g_strdup_printf (_("Waiting for %s (%s), overdue since %s"), step->name, who, due);
          if (due != NULL)
            /* Translators: the step an amendment waits for: its name, who
             * decides it, and by when. */
            return g_strdup_printf (_("Waiting for %s (%s), due on %s"), step->name, who, due);
          return g_strdup_printf (_("Waiting for %s (%s)"), step->name, who);
        }

      if ((step->state == SIGNET_STEP_RETURNED || step->state == SIGNET_STEP_REJECTED) && step->opinion != NULL)
        /* Translators: why an amendment was returned or rejected: the step,
         * who decided, and their reason. */
        return g_strdup_printf (_("%s (%s): %s"), step->name, step->decided_by != NULL ? step->decided_by : "",
                                step->opinion);
    }

  return NULL;
}

/* The actions of an amendment on its approval: its pending step's
 * decisions, or a returned one's Edit and Submit Again. */
static GtkWidget *
new_approval_menu_button (const SignetAmendment *amendment)
{
  g_autoptr(GMenu) menu = g_menu_new ();
  GtkWidget *button;
  const struct
  {
    SignetAmendmentState  state;
    const char           *label;
    const char           *action;
  } items[] = {
    { SIGNET_AMENDMENT_IN_REVIEW, N_("_Approve…"), "amendments.approve" },
    { SIGNET_AMENDMENT_IN_REVIEW, N_("_Return for Changes…"), "amendments.return" },
    { SIGNET_AMENDMENT_IN_REVIEW, N_("Re_ject…"), "amendments.reject" },
    { SIGNET_AMENDMENT_RETURNED, N_("_Edit…"), "amendments.edit" },
    { SIGNET_AMENDMENT_RETURNED, N_("_Submit Again"), "amendments.submit" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (items); i++)
    {
      g_autoptr(GMenuItem) item = NULL;

      if (items[i].state != amendment->state)
        continue;
      item = g_menu_item_new (_(items[i].label), NULL);
      g_menu_item_set_action_and_target_value (item, items[i].action, g_variant_new_int64 (amendment->id));
      g_menu_append_item (menu, item);
    }

  button = gtk_menu_button_new ();
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (button), G_MENU_MODEL (menu));
  gtk_menu_button_set_label (GTK_MENU_BUTTON (button),
                             amendment->state == SIGNET_AMENDMENT_IN_REVIEW ? _("Decide") : _("Resubmit"));
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);

  return button;
}

static void
add_amendment_row (SignetAmendmentsSection *self,
                   const SignetAmendment   *amendment,
                   const char              *file_name,
                   const char              *today)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *delete_button = gtk_button_new_from_icon_name ("user-trash-symbolic");
  g_autofree char *effective = signet_date_format_display (amendment->effective_date);
  g_autofree char *title = NULL;
  g_autofree char *changes = describe_changes (amendment);
  g_autofree char *delete_label = NULL;
  g_autofree char *approval = NULL;
  gboolean may_decide = TRUE;

  if (amendment->state != SIGNET_AMENDMENT_APPROVED)
    {
      g_autoptr(GPtrArray) steps = signet_store_list_approval_steps (get_store (self), contract_id (self),
                                                                     amendment->id, NULL);

      approval = describe_approval (amendment, steps, today);
      /* On a team register only the pending step's approver is offered
       * Decide, as in the contract's process. */
      for (guint i = 0; steps != NULL && i < steps->len; i++)
        {
          const SignetApprovalStep *step = g_ptr_array_index (steps, i);

          if (step->state == SIGNET_STEP_PENDING)
            may_decide = signet_store_may_decide_step (get_store (self), step);
        }
    }

  if (amendment->state == SIGNET_AMENDMENT_IN_REVIEW)
    /* Translators: an amendment waiting for its approval: its number. */
    title = g_strdup_printf (_("%s · in review, not in effect yet"), amendment->number);
  else if (amendment->state == SIGNET_AMENDMENT_RETURNED)
    /* Translators: an amendment returned for changes: its number. */
    title = g_strdup_printf (_("%s · returned for changes"), amendment->number);
  else if (amendment->state == SIGNET_AMENDMENT_REJECTED)
    /* Translators: an amendment rejected: its number. */
    title = g_strdup_printf (_("%s · rejected, never in effect"), amendment->number);
  else if (g_strcmp0 (amendment->effective_date, today) > 0)
    /* Translators: an amendment that takes effect later: its number and the day. */
    title = g_strdup_printf (_("%s · takes effect on %s"), amendment->number, effective);
  else
    /* Translators: an amendment in force: its number and the day it took effect. */
    title = g_strdup_printf (_("%s · in effect since %s"), amendment->number, effective);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (file_name != NULL)
    {
      g_autofree char *with_file = NULL;

      /* Translators: under what an amendment changes, its signed file. */
      with_file = g_strdup_printf (_("%s\nSigned file: %s"), changes, file_name);
      g_free (changes);
      changes = g_steal_pointer (&with_file);
    }
  if (approval != NULL)
    {
      g_autofree char *with_approval = g_strdup_printf ("%s\n%s", changes, approval);

      g_free (changes);
      changes = g_steal_pointer (&with_approval);
    }
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), changes);
  gtk_widget_add_css_class (row, "property");
  if (amendment->state == SIGNET_AMENDMENT_REJECTED)
    gtk_widget_add_css_class (row, "dimmed");
  if ((amendment->state == SIGNET_AMENDMENT_IN_REVIEW && may_decide) ||
      amendment->state == SIGNET_AMENDMENT_RETURNED)
    adw_action_row_add_suffix (ADW_ACTION_ROW (row), new_approval_menu_button (amendment));

  delete_label = g_strdup_printf (_("Delete amendment %s"), amendment->number);
  gtk_widget_set_valign (delete_button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (delete_button, "flat");
  gtk_widget_set_tooltip_text (delete_button, _("Delete this amendment"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (delete_button), GTK_ACCESSIBLE_PROPERTY_LABEL, delete_label, -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (delete_button), "amendments.delete");
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (delete_button), g_variant_new_int64 (amendment->id));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), delete_button);

  adw_preferences_group_add (self->amendments_group, row);
  g_ptr_array_add (self->rows, row);
}

static void show_all_activated_cb (SignetAmendmentsSection *self);

/* The row in place of the earlier amendments, which lists them all. */
static void
add_show_all_row (SignetAmendmentsSection *self,
                  guint                    n_amendments)
{
  GtkWidget *row = adw_button_row_new ();
  g_autofree char *title = NULL;

  /* Translators: the row in place of a contract's earlier amendments;
   * %u is how many it has in all. */
  title = g_strdup_printf (ngettext ("Show All %u Amendment", "Show All %u Amendments", n_amendments),
                           n_amendments);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_button_row_set_end_icon_name (ADW_BUTTON_ROW (row), "pan-down-symbolic");
  g_signal_connect_object (row, "activated", G_CALLBACK (show_all_activated_cb), self, G_CONNECT_SWAPPED);
  adw_preferences_group_add (self->amendments_group, row);
  g_ptr_array_add (self->rows, row);
}

/* Whether @amendment, the @index-th of @n_amendments, may wait for the
 * row that shows all: an earlier one, settled. */
static gboolean
is_foldable (const SignetAmendment *amendment,
             guint                  index,
             guint                  n_amendments)
{
  return index + LATEST_SHOWN < n_amendments &&
         (amendment->state == SIGNET_AMENDMENT_APPROVED || amendment->state == SIGNET_AMENDMENT_REJECTED);
}

static void
signet_amendments_section_reload (SignetContractSection *section)
{
  SignetAmendmentsSection *self = SIGNET_AMENDMENTS_SECTION (section);
  SignetContract *contract = signet_contract_section_get_contract (section);
  g_autoptr(SignetContract) terms = NULL;
  g_autoptr(GPtrArray) amendments = NULL;
  g_autoptr(GPtrArray) attachments = NULL;
  const SignetAmendment *sources[SIGNET_N_AMENDED_TERMS] = { NULL, };
  g_autofree char *today = NULL;
  gboolean is_signed;
  guint n_foldable = 0;
  gboolean fold;

  if (self->listed_id != contract_id (self))
    self->show_all = FALSE;
  self->listed_id = contract_id (self);

  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_remove (self->amendments_group, g_ptr_array_index (self->rows, i));
  g_ptr_array_set_size (self->rows, 0);

  is_signed = contract != NULL && signet_contract_is_signed (contract);
  gtk_widget_set_visible (self->amend_button, is_signed);
  gtk_widget_set_visible (GTK_WIDGET (self->terms_group), FALSE);

  if (contract != NULL)
    {
      today = signet_store_dup_today (get_store (self));
      terms = signet_store_get_contract_terms (get_store (self), contract_id (self), today,
                                               &amendments, sources, NULL);
    }

  /* A contract before signing changes in place and has none: the section
   * says nothing. */
  gtk_widget_set_visible (GTK_WIDGET (self), is_signed || (amendments != NULL && amendments->len > 0));
  if (amendments == NULL)
    return;

  /* One row for a single amendment would save nothing. */
  for (guint i = 0; i < amendments->len; i++)
    n_foldable += is_foldable (g_ptr_array_index (amendments, i), i, amendments->len);
  fold = !self->show_all && n_foldable > 1;
  if (fold)
    add_show_all_row (self, amendments->len);

  attachments = signet_store_list_attachments (get_store (self), contract_id (self), NULL);
  for (guint i = 0; i < amendments->len; i++)
    {
      const SignetAmendment *amendment = g_ptr_array_index (amendments, i);

      if (fold && is_foldable (amendment, i, amendments->len))
        continue;
      add_amendment_row (self, amendment, find_file_name (attachments, amendment->attachment_id), today);
    }

  adw_preferences_group_set_description (self->amendments_group,
                                         amendments->len == 0
                                         ? _("No amendments. A signed contract’s terms change by amendment.")
                                         : NULL);

  if (amendments->len > 0)
    {
      show_terms (self, contract, terms, sources, today);
      gtk_widget_set_visible (GTK_WIDGET (self->terms_group), TRUE);
    }
}

static void
show_all_activated_cb (SignetAmendmentsSection *self)
{
  self->show_all = TRUE;
  signet_amendments_section_reload (SIGNET_CONTRACT_SECTION (self));
  /* The pressed row is gone: the keyboard goes on from the first
   * amendment, where the earlier ones now are. */
  if (self->rows->len > 0)
    gtk_widget_grab_focus (g_ptr_array_index (self->rows, 0));
}

/* Adding one */

static void
amend_responded_cb (SignetAmendmentsSection *self,
                    const char              *response,
                    SignetAmendmentDialog   *dialog)
{
  g_autoptr(SignetAmendment) amendment = NULL;
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "add") != 0 || get_store (self) == NULL || contract_id (self) <= 0)
    return;

  amendment = signet_amendment_dialog_dup_amendment (dialog, contract_id (self), &error);
  if (amendment == NULL || !signet_store_add_amendment (get_store (self), amendment, &error))
    signet_error_dialog_show (GTK_WIDGET (self), _("The Amendment Was Not Added"), error);
}

static void
amend_activated (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  signet_amendments_section_amend (SIGNET_AMENDMENTS_SECTION (widget));
}

/* Its approval */

static void
decide (SignetAmendmentsSection *self,
        gint64                   amendment_id,
        SignetProcessAction      action)
{
  SignetContract *contract = signet_contract_section_get_contract (SIGNET_CONTRACT_SECTION (self));
  g_autoptr(SignetAmendment) amendment = NULL;
  g_autoptr(GPtrArray) steps = NULL;
  g_autoptr(GError) error = NULL;

  if (get_store (self) == NULL || contract == NULL)
    return;

  amendment = signet_store_get_amendment (get_store (self), amendment_id, &error);
  if (amendment != NULL)
    steps = signet_store_list_approval_steps (get_store (self), contract_id (self), amendment_id, &error);
  if (steps == NULL)
    {
      signet_error_dialog_show (GTK_WIDGET (self), _("The Approval Decision Was Not Recorded"), error);
      return;
    }

  for (guint i = 0; i < steps->len; i++)
    {
      const SignetApprovalStep *step = g_ptr_array_index (steps, i);

      if (step->state != SIGNET_STEP_PENDING)
        continue;
      signet_approval_decision_ask (GTK_WIDGET (self), get_store (self), contract_id (self), amendment_id,
                                    amendment->number, signet_contract_get_version (contract), action, step,
                                    i + 1 < steps->len
                                    ? ((SignetApprovalStep *) g_ptr_array_index (steps, i + 1))->name : NULL);
      return;
    }
}

static void
approve_activated (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  decide (SIGNET_AMENDMENTS_SECTION (widget), g_variant_get_int64 (parameter), SIGNET_PROCESS_ACTION_APPROVE);
}

static void
return_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  decide (SIGNET_AMENDMENTS_SECTION (widget), g_variant_get_int64 (parameter), SIGNET_PROCESS_ACTION_RETURN);
}

static void
reject_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  decide (SIGNET_AMENDMENTS_SECTION (widget), g_variant_get_int64 (parameter), SIGNET_PROCESS_ACTION_REJECT);
}

static void
edit_responded_cb (SignetAmendmentsSection *self,
                   const char              *response,
                   SignetAmendmentDialog   *dialog)
{
  g_autoptr(SignetAmendment) amendment = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (dialog), "signet-amendment-id"));

  if (g_strcmp0 (response, "add") != 0 || get_store (self) == NULL || contract_id (self) <= 0)
    return;

  amendment = signet_amendment_dialog_dup_amendment (dialog, contract_id (self), &error);
  if (amendment != NULL)
    amendment->id = id;
  if (amendment == NULL || !signet_store_update_amendment (get_store (self), amendment, &error))
    signet_error_dialog_show (GTK_WIDGET (self), _("The Amendment Was Not Changed"), error);
}

static void
edit_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  SignetAmendmentsSection *self = SIGNET_AMENDMENTS_SECTION (widget);
  SignetContract *contract = signet_contract_section_get_contract (SIGNET_CONTRACT_SECTION (self));
  g_autoptr(SignetAmendment) amendment = NULL;
  g_autoptr(GPtrArray) attachments = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *today = NULL;
  AdwDialog *dialog;

  if (get_store (self) == NULL || contract == NULL)
    return;

  amendment = signet_store_get_amendment (get_store (self), g_variant_get_int64 (parameter), &error);
  if (amendment == NULL)
    {
      signet_error_dialog_show (widget, _("The Amendment Was Not Changed"), error);
      return;
    }

  today = signet_store_dup_today (get_store (self));
  attachments = signet_store_list_attachments (get_store (self), contract_id (self), NULL);
  dialog = signet_amendment_dialog_new (amendment->number, today, contract, attachments);
  signet_amendment_dialog_set_amendment (SIGNET_AMENDMENT_DIALOG (dialog), amendment);
  g_object_set_data (G_OBJECT (dialog), "signet-amendment-id", GSIZE_TO_POINTER (amendment->id));
  g_signal_connect_object (dialog, "response", G_CALLBACK (edit_responded_cb), self, G_CONNECT_SWAPPED);
  adw_dialog_present (dialog, widget);
}

static void
submit_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  SignetAmendmentsSection *self = SIGNET_AMENDMENTS_SECTION (widget);
  g_autoptr(GError) error = NULL;

  if (get_store (self) != NULL &&
      !signet_store_submit_amendment (get_store (self), g_variant_get_int64 (parameter), &error))
    signet_error_dialog_show (widget, _("The Amendment Was Not Submitted"), error);
}

/* Deleting one, with Undo (see SignetUndo) */
static void
delete_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  SignetAmendmentsSection *self = SIGNET_AMENDMENTS_SECTION (widget);
  g_autoptr(SignetTombstone) tombstone = NULL;
  g_autoptr(GError) error = NULL;

  if (get_store (self) == NULL)
    return;

  tombstone = signet_store_delete (get_store (self), SIGNET_TOMBSTONE_AMENDMENT, g_variant_get_int64 (parameter), &error);
  if (tombstone == NULL)
    {
      signet_error_dialog_show (GTK_WIDGET (self), _("The Amendment Was Not Deleted"), error);
      return;
    }

  signet_undo_offer (widget, get_store (self), tombstone);
}

static void
signet_amendments_section_dispose (GObject *object)
{
  SignetAmendmentsSection *self = (SignetAmendmentsSection *) object;

  g_clear_pointer (&self->box, gtk_widget_unparent);
  g_clear_pointer (&self->rows, g_ptr_array_unref);

  G_OBJECT_CLASS (signet_amendments_section_parent_class)->dispose (object);
}

static void
signet_amendments_section_class_init (SignetAmendmentsSectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  SignetContractSectionClass *section_class = SIGNET_CONTRACT_SECTION_CLASS (klass);

  object_class->dispose = signet_amendments_section_dispose;

  /* Its amendments, the contract's fields (its status, signed or not,
   * and the original terms the amended ones are compared with) and its
   * files, which an amendment names. */
  section_class->reload = signet_amendments_section_reload;
  signet_contract_section_class_watch (section_class, SIGNET_STORE_CHANGED_AMENDMENTS);
  signet_contract_section_class_watch (section_class, SIGNET_STORE_CHANGED_FIELDS);
  signet_contract_section_class_watch (section_class, SIGNET_STORE_CHANGED_ATTACHMENTS);

  signet_contract_section_class_install_write (section_class, "amendments.add", NULL, amend_activated);
  signet_contract_section_class_install_write (section_class, "amendments.delete", "x", delete_activated);
  signet_contract_section_class_install_write (section_class, "amendments.approve", "x", approve_activated);
  signet_contract_section_class_install_write (section_class, "amendments.return", "x", return_activated);
  signet_contract_section_class_install_write (section_class, "amendments.reject", "x", reject_activated);
  signet_contract_section_class_install_write (section_class, "amendments.edit", "x", edit_activated);
  signet_contract_section_class_install_write (section_class, "amendments.submit", "x", submit_activated);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
signet_amendments_section_init (SignetAmendmentsSection *self)
{
  self->rows = g_ptr_array_new ();

  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));

  self->terms_group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (self->terms_group, _("Terms in Force"));
  for (guint i = 0; i < G_N_ELEMENTS (shown_terms); i++)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *tag = gtk_label_new (_("amended"));

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), term_label (shown_terms[i]));
      adw_action_row_set_subtitle_selectable (ADW_ACTION_ROW (row), TRUE);
      gtk_widget_add_css_class (row, "property");
      gtk_widget_set_valign (tag, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (tag, "amended-tag");
      gtk_widget_add_css_class (tag, "caption");
      gtk_widget_add_css_class (tag, "accent");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), tag);
      adw_preferences_group_add (self->terms_group, row);
      self->term_rows[i] = ADW_ACTION_ROW (row);
      self->term_tags[i] = tag;
    }
  gtk_box_append (GTK_BOX (self->box), GTK_WIDGET (self->terms_group));

  self->amendments_group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (self->amendments_group, _("Amendments"));
  self->amend_button = gtk_button_new_with_mnemonic (_("_Amend…"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->amend_button), "amendments.add");
  gtk_widget_set_tooltip_text (self->amend_button, _("Record an amendment that changes this contract’s terms"));
  gtk_widget_set_valign (self->amend_button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (self->amend_button, "flat");
  adw_preferences_group_set_header_suffix (self->amendments_group, self->amend_button);
  gtk_box_append (GTK_BOX (self->box), GTK_WIDGET (self->amendments_group));

  signet_amendments_section_reload (SIGNET_CONTRACT_SECTION (self));
}

GtkWidget *
signet_amendments_section_new (void)
{
  return g_object_new (SIGNET_TYPE_AMENDMENTS_SECTION, NULL);
}

void
signet_amendments_section_amend (SignetAmendmentsSection *self)
{
  g_autoptr(SignetContract) terms = NULL;
  g_autofree char *today = NULL;
  g_autofree char *number = NULL;
  g_autoptr(GPtrArray) attachments = NULL;
  SignetContract *contract;
  AdwDialog *dialog;

  g_return_if_fail (SIGNET_IS_AMENDMENTS_SECTION (self));

  contract = signet_contract_section_get_contract (SIGNET_CONTRACT_SECTION (self));
  if (get_store (self) == NULL || contract == NULL || !signet_contract_is_signed (contract))
    return;

  today = signet_store_dup_today (get_store (self));
  terms = signet_store_get_contract_terms (get_store (self), contract_id (self), today, NULL, NULL, NULL);
  number = signet_store_next_amendment_number (get_store (self), contract_id (self),
                                               SIGNET_AMENDMENT_NUMBER_PATTERN_DEFAULT, NULL);

  attachments = signet_store_list_attachments (get_store (self), contract_id (self), NULL);

  dialog = signet_amendment_dialog_new (number, today, terms != NULL ? terms : contract, attachments);
  g_signal_connect_object (dialog, "response", G_CALLBACK (amend_responded_cb), self, G_CONNECT_SWAPPED);
  adw_dialog_present (dialog, GTK_WIDGET (self));
}
