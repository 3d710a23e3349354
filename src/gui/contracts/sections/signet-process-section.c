/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "signet-process-section"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "signet-approval-decision.h"
#include "signet-approval-text.h"
#include "signet-attachment.h"
#include "signet-date.h"
#include "signet-decision-dialog.h"
#include "signet-error-dialog.h"
#include "signet-process-section.h"
#include "signet-signing-dialog.h"
#include "signet-store-approvals.h"
#include "signet-store-attachments.h"
#include "signet-store-current-terms.h"
#include "signet-store-events.h"
#include "signet-store-people.h"
#include "signet-store-process.h"
#include "signet-store-renewals.h"
#include "signet-store-team.h"
#include "signet-termination-dialog.h"

struct _SignetProcessSection
{
  SignetContractSection parent_instance;

  /* The template's one child: bound, so that disposing of the template
   * takes it away. */
  GtkWidget    *box;
  AdwActionRow *state_row;
  AdwActionRow *route_row;
  GtkWidget    *actions_box;
  GtkLabel     *why_label;
  AdwPreferencesGroup *approval_group;
  AdwPreferencesGroup *steps_group;
  /* Per action, its button. */
  GtkWidget    *buttons[SIGNET_N_PROCESS_ACTIONS];
  /* The steps' rows, as listed now. */
  GPtrArray    *step_rows;
  /* The approval's rows, and the current round's steps they show. */
  GPtrArray    *approval_rows;
  GPtrArray    *approval_steps;
  /* The contract whose steps are listed, and whether the user asked for
   * the earlier ones: kept over its reloads, not for the next contract. */
  gint64        listed_id;
  gboolean      show_earlier;
};

/* The steps so far of a long-lived contract are many: the newest few are
 * listed and a row shows the earlier ones, so that opening it costs
 * little more than opening one without. */
#define LATEST_STEPS_SHOWN 3

G_DEFINE_FINAL_TYPE (SignetProcessSection, signet_process_section, SIGNET_TYPE_CONTRACT_SECTION)

enum {
  OPEN_ATTACHMENT,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The actions a user looks for at each status, when they are not there:
 * a draft is approved or signed next, a contract in review signed. Their
 * why is said under the buttons. */
static const struct
{
  SignetContractStatus status;
  SignetProcessAction  action;
} looked_for[] = {
  { SIGNET_CONTRACT_STATUS_DRAFT,     SIGNET_PROCESS_ACTION_APPROVE },
  { SIGNET_CONTRACT_STATUS_DRAFT,     SIGNET_PROCESS_ACTION_MARK_SIGNED },
  { SIGNET_CONTRACT_STATUS_IN_REVIEW, SIGNET_PROCESS_ACTION_MARK_SIGNED },
  { SIGNET_CONTRACT_STATUS_APPROVED,  SIGNET_PROCESS_ACTION_TERMINATE },
};

static SignetStore *
get_store (SignetProcessSection *self)
{
  return signet_contract_section_get_store (SIGNET_CONTRACT_SECTION (self));
}

static gint64
contract_id (SignetProcessSection *self)
{
  return signet_contract_section_get_contract_id (SIGNET_CONTRACT_SECTION (self));
}

static SignetContract *
get_contract (SignetProcessSection *self)
{
  return signet_contract_section_get_contract (SIGNET_CONTRACT_SECTION (self));
}

/* What a step did, as its row in the steps says it. */
static char *
step_title (const SignetProcessEvent *event)
{
  if (!event->has_action)
    /* Translators: a status set in the contract's form, before statuses
     * changed only through the process; %s is the status. */
    return g_strdup_printf (_("Status set to %s"), signet_contract_status_to_label (event->to_status));

  /* Translators: what a step of the contract's process did, as its row in
   * the steps says it. */
  switch (event->action)
    {
    case SIGNET_PROCESS_ACTION_SUBMIT:       return g_strdup (C_("process step", "Submitted for review"));
    case SIGNET_PROCESS_ACTION_APPROVE:      return g_strdup (C_("process step", "Approved"));
    case SIGNET_PROCESS_ACTION_RETURN:       return g_strdup (C_("process step", "Returned for changes"));
    case SIGNET_PROCESS_ACTION_REJECT:       return g_strdup (C_("process step", "Rejected"));
    case SIGNET_PROCESS_ACTION_MARK_SIGNED:  return g_strdup (C_("process step", "Marked as signed"));
    case SIGNET_PROCESS_ACTION_TERMINATE:    return g_strdup (C_("process step", "Terminated"));
    case SIGNET_PROCESS_ACTION_RENEW:
      /* The successor's process starts with the renewal that made it. */
      return g_strdup (event->to_status == SIGNET_CONTRACT_STATUS_RENEWED ? C_("process step", "Renewed")
                                                                          : C_("process step", "Made as a renewal"));
    case SIGNET_PROCESS_ACTION_CANCEL_DRAFT: return g_strdup (C_("process step", "Draft cancelled"));
    case SIGNET_PROCESS_ACTION_RENEW_TACITLY: return g_strdup (C_("process step", "Renewed tacitly"));
    default:                                 return g_strdup (signet_contract_status_to_label (event->to_status));
    }
}

/* Who took the step: the one the user named, else who recorded it. */
static const char *
step_decider (const SignetProcessEvent *event)
{
  return event->decided_by != NULL && *event->decided_by != '\0' ? event->decided_by : event->recorded_by;
}

static char *
step_subtitle (const SignetProcessEvent *event)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *when = signet_timestamp_format_display (event->at);
  const char *decider = step_decider (event);

  if (event->recorded_by != NULL && g_strcmp0 (decider, event->recorded_by) != 0)
    /* Translators: a step of the contract's process taken by an approver
     * and entered by the user for them: "zhangwei, for 王芳 · 07.12.2026
     * 14:05" reads "recorded by zhangwei on behalf of 王芳". */
    g_string_append_printf (text, _("Recorded by %s on behalf of %s · %s"), event->recorded_by, decider, when);
  else
    /* Translators: who made a change, and when: "zhangwei · 27 Nov 2026 14:05". */
    g_string_append_printf (text, _("%s · %s"), decider != NULL ? decider : "", when);

  if (event->has_action && event->action == SIGNET_PROCESS_ACTION_MARK_SIGNED &&
      event->our_signing_date != NULL && event->their_signing_date != NULL)
    {
      g_autofree char *ours = signet_date_format_display (event->our_signing_date);
      g_autofree char *theirs = signet_date_format_display (event->their_signing_date);

      g_string_append_c (text, '\n');
      g_string_append_printf (text, _("Signed by us on %s and by the other party on %s"), ours, theirs);
    }

  if (event->has_action && event->action == SIGNET_PROCESS_ACTION_RENEW_TACITLY &&
      event->term_end != NULL && event->new_term_end != NULL)
    {
      g_autofree char *old_end = signet_date_format_display (event->term_end);
      g_autofree char *new_end = signet_date_format_display (event->new_term_end);

      g_string_append_c (text, '\n');
      /* Translators: a tacit renewal: the end that passed and the end of
       * the term that followed, "End 31.12.2026 → 31.12.2027". */
      g_string_append_printf (text, _("End %s → %s"), old_end, new_end);
    }

  if (event->has_action && event->action == SIGNET_PROCESS_ACTION_TERMINATE && event->effective_date != NULL)
    {
      const char *reason = signet_termination_reason_to_label (event->termination_reason);
      g_autofree char *date = signet_date_format_display (event->effective_date);

      g_string_append_c (text, '\n');
      if (reason != NULL)
        /* Translators: a termination's reason and the day it took effect. */
        g_string_append_printf (text, _("%s, effective from %s"), reason, date);
      else
        g_string_append_printf (text, _("Effective from %s"), date);
    }

  if (event->comment != NULL && *event->comment != '\0')
    {
      g_string_append_c (text, '\n');
      g_string_append (text, event->comment);
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* The state in words under the status: how a terminated contract ended,
 * who took the last step and when, and until when a signed one is in
 * force. */
static char *
describe_state (SignetContract           *contract,
                SignetContractStatus      shown,
                const SignetProcessEvent *last)
{
  g_autoptr(GString) text = g_string_new (NULL);

  if (signet_contract_get_status (contract) == SIGNET_CONTRACT_STATUS_TERMINATED)
    {
      const char *token = signet_contract_get_termination_reason (contract);
      const char *reason = signet_termination_reason_to_label (token);
      g_autofree char *date = signet_date_format_display (signet_contract_get_termination_date (contract));

      if (g_strcmp0 (token, SIGNET_TERMINATION_REASON_CANCELLED_DRAFT) == 0)
        /* Translators: %s is the day a draft was cancelled. */
        g_string_append_printf (text, _("Cancelled as a draft on %s: it was never signed, and has no reminders."),
                                date);
      else if (reason != NULL)
        /* Translators: "Terminated on 31.12.2026 (Breach of contract): no further reminders." */
        g_string_append_printf (text, _("Terminated on %s (%s): no further reminders."), date, reason);
      else
        g_string_append_printf (text, _("Terminated on %s: no further reminders."), date);
    }
  else if (signet_contract_get_let_expire_end (contract) != NULL)
    {
      g_autofree char *end = signet_date_format_display (signet_contract_get_let_expire_end (contract));

      if (shown == SIGNET_CONTRACT_STATUS_EXPIRED)
        /* Translators: a contract a user let expire at its notice deadline. */
        g_string_append_printf (text, _("Signed; not renewed, as decided at its notice deadline: it ended on %s."),
                                end);
      else
        /* Translators: a contract a user let expire at its notice deadline. */
        g_string_append_printf (text, _("Signed and in force until %s; not renewed, as decided at its notice "
                                        "deadline."), end);
    }
  else if (shown == SIGNET_CONTRACT_STATUS_ACTIVE && signet_contract_get_end_date (contract) != NULL)
    {
      g_autofree char *end = signet_date_format_display (signet_contract_get_end_date (contract));

      g_string_append_printf (text, _("Signed and in force until %s."), end);
    }
  else if (shown == SIGNET_CONTRACT_STATUS_EXPIRED && signet_contract_get_end_date (contract) != NULL)
    {
      g_autofree char *end = signet_date_format_display (signet_contract_get_end_date (contract));

      g_string_append_printf (text, _("Signed; its term ended on %s."), end);
    }

  if (last != NULL)
    {
      g_autofree char *title = step_title (last);
      g_autofree char *when = signet_timestamp_format_display (last->at);

      if (text->len > 0)
        g_string_append_c (text, '\n');
      /* A step of a route approved: the contract is still in review, not
       * approved, as a bare "Approved by" would say. */
      if (shown == SIGNET_CONTRACT_STATUS_IN_REVIEW && last->has_action &&
          last->action == SIGNET_PROCESS_ACTION_APPROVE)
        /* Translators: who approved the last step of a route that goes
         * on, and when. */
        g_string_append_printf (text, _("A step was approved by %s on %s; the next one is pending."),
                                step_decider (last), when);
      else
        /* Translators: the last step of the contract's process, who took
         * it and when: "Submitted for review by 张伟 on 07.12.2026 10:05". */
        g_string_append_printf (text, _("%s by %s on %s"), title, step_decider (last), when);
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
clear_steps (SignetProcessSection *self)
{
  for (guint i = 0; i < self->step_rows->len; i++)
    adw_preferences_group_remove (self->steps_group, g_ptr_array_index (self->step_rows, i));
  g_ptr_array_set_size (self->step_rows, 0);
}

static void show_earlier_activated_cb (SignetProcessSection *self);

static void
show_steps (SignetProcessSection *self,
            GPtrArray            *events)
{
  guint first = 0;

  if (events != NULL && !self->show_earlier && events->len > LATEST_STEPS_SHOWN + 1)
    {
      GtkWidget *row = adw_button_row_new ();
      g_autofree char *title = NULL;

      first = events->len - LATEST_STEPS_SHOWN;
      /* Translators: the row in place of a contract's earlier steps; %u
       * is how many. */
      title = g_strdup_printf (ngettext ("Show %u Earlier Step", "Show %u Earlier Steps", first), first);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_button_row_set_end_icon_name (ADW_BUTTON_ROW (row), "pan-down-symbolic");
      g_signal_connect_object (row, "activated", G_CALLBACK (show_earlier_activated_cb), self, G_CONNECT_SWAPPED);
      adw_preferences_group_add (self->steps_group, row);
      g_ptr_array_add (self->step_rows, row);
    }

  for (guint i = first; events != NULL && i < events->len; i++)
    {
      const SignetProcessEvent *event = g_ptr_array_index (events, i);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *title = step_title (event);
      g_autofree char *subtitle = step_subtitle (event);

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 6);
      adw_preferences_group_add (self->steps_group, row);
      g_ptr_array_add (self->step_rows, row);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->steps_group), self->step_rows->len > 0);
}

static void
show_earlier_activated_cb (SignetProcessSection *self)
{
  g_autoptr(GPtrArray) events = NULL;

  self->show_earlier = TRUE;
  /* Only the steps: an earlier approval round the user opened stays open. */
  events = signet_store_list_process_events (get_store (self), contract_id (self), NULL);
  clear_steps (self);
  show_steps (self, events);
  /* The pressed row is gone: the keyboard goes on from the first step,
   * where the earlier ones now are. */
  if (self->step_rows->len > 0)
    gtk_widget_grab_focus (g_ptr_array_index (self->step_rows, 0));
}

/* The one step most contracts take next is the suggested one. */
static gboolean
is_next_step (SignetProcessAction  action,
              SignetContractStatus status)
{
  return (action == SIGNET_PROCESS_ACTION_SUBMIT && status == SIGNET_CONTRACT_STATUS_DRAFT) ||
         (action == SIGNET_PROCESS_ACTION_APPROVE && status == SIGNET_CONTRACT_STATUS_IN_REVIEW) ||
         (action == SIGNET_PROCESS_ACTION_MARK_SIGNED && status == SIGNET_CONTRACT_STATUS_APPROVED);
}

static gboolean may_decide (SignetProcessSection *self,
                            SignetProcessAction   action);

static void
show_actions (SignetProcessSection *self,
              SignetContract       *contract,
              SignetContractStatus  shown)
{
  g_autoptr(GString) why = g_string_new (NULL);
  gboolean any = FALSE;

  for (guint i = 0; i < SIGNET_N_PROCESS_ACTIONS; i++)
    {
      gboolean allowed;

      if (self->buttons[i] == NULL)
        continue;

      allowed = contract != NULL && signet_process_action_allowed (i, contract, NULL) && may_decide (self, i);
      /* The flow box's child, so that a hidden button leaves no gap. */
      gtk_widget_set_visible (gtk_widget_get_parent (self->buttons[i]), allowed);
      if (allowed && is_next_step (i, shown))
        gtk_widget_add_css_class (self->buttons[i], "suggested-action");
      else
        gtk_widget_remove_css_class (self->buttons[i], "suggested-action");
      any |= allowed;
    }

  gtk_widget_set_visible (self->actions_box, any);

  for (guint i = 0; contract != NULL && i < G_N_ELEMENTS (looked_for); i++)
    {
      const char *sentence = NULL;

      if (looked_for[i].status != shown ||
          signet_process_action_allowed (looked_for[i].action, contract, &sentence) || sentence == NULL)
        continue;

      if (why->len > 0)
        g_string_append_c (why, '\n');
      g_string_append (why, sentence);
    }

  gtk_label_set_text (self->why_label, why->str);
  gtk_widget_set_visible (GTK_WIDGET (self->why_label), why->len > 0);
}

/* The approval route */

/* A draft's route before it is submitted: the steps it will go through
 * and the rule that chose them, or that one approval will do. */
static void
show_route (SignetProcessSection *self,
            SignetContract       *contract)
{
  g_autoptr(SignetApprovalRoute) route = NULL;
  g_autoptr(GPtrArray) rules = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *steps = NULL;
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  const SignetApprovalRule *rule;

  if (contract == NULL || signet_contract_get_status (contract) != SIGNET_CONTRACT_STATUS_DRAFT)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->route_row), FALSE);
      return;
    }

  route = signet_store_select_route (get_store (self), contract, &error);
  if (route == NULL && error != NULL)
    g_warning ("Could not find the approval route of contract %" G_GINT64_FORMAT ": %s", contract_id (self),
               error->message);

  if (route == NULL)
    {
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->route_row),
                                     _("No approval route applies: one approval"));
      adw_action_row_set_subtitle (self->route_row,
                                   _("Rules in Preferences choose a route by the contract's type and value."));
      gtk_widget_set_visible (GTK_WIDGET (self->route_row), TRUE);
      return;
    }

  steps = signet_approval_route_describe_steps (route);
  /* Translators: the steps a draft's approval will take once it is
   * submitted: "Will go through: 部门负责人 → 法务 → 财务". */
  title = g_strdup_printf (_("Will go through: %s"), steps);

  rules = signet_store_list_approval_rules (get_store (self), NULL);
  rule = rules != NULL ? signet_approval_rules_select (rules, signet_contract_get_contract_type (contract),
                                                       signet_contract_get_value (contract),
                                                       signet_contract_get_currency (contract)) : NULL;
  if (rule != NULL)
    {
      g_autofree char *which = signet_approval_rule_describe (rule);

      /* Translators: the route a draft will take and the rule that chose
       * it: "重大审批 (rule: 采购合同, from ¥1,000,000.00)". */
      subtitle = g_strdup_printf (_("%s (rule: %s)"), route->name, which);
    }

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->route_row), title);
  adw_action_row_set_subtitle (self->route_row, subtitle != NULL ? subtitle : route->name);
  gtk_widget_set_visible (GTK_WIDGET (self->route_row), TRUE);
}

static const char *
find_file_name (GPtrArray *attachments,
                gint64     attachment_id)
{
  for (guint i = 0; attachments != NULL && attachment_id > 0 && i < attachments->len; i++)
    if (signet_attachment_get_id (g_ptr_array_index (attachments, i)) == attachment_id)
      return signet_attachment_get_file_name (g_ptr_array_index (attachments, i));

  return NULL;
}

/* Who decides a step: the person, or anyone with the role. */
static char *
describe_approver (const SignetApprovalStep *step)
{
  if (step->person_id != 0 && step->person_name != NULL)
    return g_strdup (step->person_name);

  /* Translators: who decides a step of an approval route: anyone whose
   * role in People is %s ("法务"). */
  return g_strdup_printf (_("Anyone with the role %s"), step->role != NULL ? step->role : "");
}

static char *
describe_step (const SignetApprovalStep *step,
               const char               *file_name,
               const char               *today)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *approver = describe_approver (step);

  switch (step->state)
    {
    case SIGNET_STEP_WAITING:
      /* Translators: a step of an approval route not asked yet: who
       * decides it and the working days they will have. */
      g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%s · %u working day", "%s · %u working days",
                                                 step->due_days),
                              approver, step->due_days);
      break;

    case SIGNET_STEP_PENDING:
      {
        g_autofree char *due = step->due_date != NULL ? signet_date_format_display (step->due_date) : NULL;

        if (due == NULL)
          g_string_append (text, approver);
        else if (today != NULL && strcmp (step->due_date, today) < 0)
          /* Translators: the step waiting for a decision, who decides it
           * and the day it was due, past: "王强 · overdue since 09.12.2026". */
          g_string_append_printf (text, _("%s · overdue, due on %s"), approver, due);
        else
          /* Translators: the step waiting for a decision, who decides it
           * and by when: "王强 · due on 09.12.2026". */
          g_string_append_printf (text, _("%s · due on %s"), approver, due);
      }
      break;

    case SIGNET_STEP_APPROVED:
    case SIGNET_STEP_RETURNED:
    case SIGNET_STEP_REJECTED:
      {
        g_autofree char *when = signet_timestamp_format_display (step->decided_at);

        if (signet_approval_step_is_on_behalf (step))
          g_string_append_printf (text, _("Recorded by %s on behalf of %s · %s"), step->recorded_by,
                                  step->decided_by, when);
        else
          g_string_append_printf (text, _("%s · %s"), step->decided_by != NULL ? step->decided_by : "", when);
        if (step->opinion != NULL && *step->opinion != '\0')
          {
            g_string_append_c (text, '\n');
            g_string_append (text, step->opinion);
          }
        if (file_name != NULL)
          {
            g_string_append_c (text, '\n');
            /* Translators: the file attached to a decision, the signed
             * approval form: "Form: 审批单.pdf". */
            g_string_append_printf (text, _("Form: %s"), file_name);
          }
      }
      break;

    case SIGNET_STEP_SKIPPED:
      g_string_append (text, _("Not asked: the round ended before this step."));
      break;

    default:
      g_assert_not_reached ();
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
open_file_clicked_cb (SignetProcessSection *self,
                      GtkButton            *button)
{
  gint64 attachment_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "signet-attachment-id"));

  g_signal_emit (self, signals[OPEN_ATTACHMENT], 0, attachment_id);
}

static const char *
state_css_class (const SignetApprovalStep *step,
                 const char               *today)
{
  switch (step->state)
    {
    case SIGNET_STEP_PENDING:
      return step->due_date != NULL && today != NULL && strcmp (step->due_date, today) < 0 ? "error" : "accent";
    case SIGNET_STEP_APPROVED:
      return "success";
    case SIGNET_STEP_RETURNED:
      return "warning";
    case SIGNET_STEP_REJECTED:
      return "error";
    case SIGNET_STEP_WAITING:
    case SIGNET_STEP_SKIPPED:
    default:
      return "dimmed";
    }
}

static GtkWidget *
new_approval_step_row (SignetProcessSection     *self,
                       const SignetApprovalStep *step,
                       GPtrArray                *attachments,
                       const char               *today)
{
  GtkWidget *row = adw_action_row_new ();
  const char *file_name = find_file_name (attachments, step->attachment_id);
  g_autofree char *subtitle = describe_step (step, file_name, today);
  g_autofree char *title = NULL;
  GtkWidget *state = gtk_label_new (signet_step_state_to_label (step->state));

  /* Translators: a step of an approval route with its place: "2. 法务". */
  title = g_strdup_printf (_("%u. %s"), step->position + 1, step->name);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 8);
  adw_action_row_set_subtitle_selectable (ADW_ACTION_ROW (row), TRUE);

  if (file_name != NULL)
    {
      GtkWidget *open = gtk_button_new_from_icon_name ("mail-attachment-symbolic");
      g_autofree char *label = NULL;

      /* Translators: %s is a file's name. */
      label = g_strdup_printf (_("Open “%s”"), file_name);
      gtk_widget_set_valign (open, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (open, "flat");
      gtk_widget_set_tooltip_text (open, label);
      gtk_accessible_update_property (GTK_ACCESSIBLE (open), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
      g_object_set_data (G_OBJECT (open), "signet-attachment-id", GSIZE_TO_POINTER (step->attachment_id));
      g_signal_connect_object (open, "clicked", G_CALLBACK (open_file_clicked_cb), self, G_CONNECT_SWAPPED);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), open);
    }

  gtk_widget_set_valign (state, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (state, "caption-heading");
  gtk_widget_add_css_class (state, state_css_class (step, today));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), state);

  return row;
}

/* How a round ended, as its collapsed row says it: "Round 1 · Returned
 * for changes at 法务". */
static char *
describe_round (GPtrArray *steps,
                guint      first,
                guint      end)
{
  const SignetApprovalStep *step = g_ptr_array_index (steps, first);
  const SignetApprovalStep *last = g_ptr_array_index (steps, end - 1);

  for (guint i = first; i < end; i++)
    {
      const SignetApprovalStep *candidate = g_ptr_array_index (steps, i);

      if (candidate->state == SIGNET_STEP_RETURNED || candidate->state == SIGNET_STEP_REJECTED)
        last = candidate;
    }

  switch (last->state)
    {
    case SIGNET_STEP_RETURNED:
      /* Translators: an earlier round of a contract's approval and how it
       * ended: "Round 1 · returned for changes at 法务". */
      return g_strdup_printf (_("Round %u · returned for changes at %s"), step->round, last->name);
    case SIGNET_STEP_REJECTED:
      return g_strdup_printf (_("Round %u · rejected at %s"), step->round, last->name);
    case SIGNET_STEP_APPROVED:
      return g_strdup_printf (_("Round %u · approved"), step->round);
    case SIGNET_STEP_WAITING:
    case SIGNET_STEP_PENDING:
    case SIGNET_STEP_SKIPPED:
    default:
      return g_strdup_printf (_("Round %u · ended"), step->round);
    }
}

static void
clear_approval (SignetProcessSection *self)
{
  for (guint i = 0; i < self->approval_rows->len; i++)
    adw_preferences_group_remove (self->approval_group, g_ptr_array_index (self->approval_rows, i));
  g_ptr_array_set_size (self->approval_rows, 0);
  g_clear_pointer (&self->approval_steps, g_ptr_array_unref);
}

static void
add_approval_row (SignetProcessSection *self,
                  GtkWidget            *row)
{
  adw_preferences_group_add (self->approval_group, row);
  g_ptr_array_add (self->approval_rows, row);
}

/* An earlier round's steps, made when a user first opens it: a contract
 * returned a few times has many, and most are never looked at again. */
static void
round_expanded_cb (SignetProcessSection *self,
                   GParamSpec           *pspec,
                   AdwExpanderRow       *expander)
{
  guint round = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (expander), "signet-round"));
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) attachments = NULL;
  g_autofree char *today = NULL;

  if (!adw_expander_row_get_expanded (expander) || g_object_get_data (G_OBJECT (expander), "signet-filled") != NULL)
    return;
  g_object_set_data (G_OBJECT (expander), "signet-filled", GINT_TO_POINTER (TRUE));

  all = signet_store_list_all_approval_steps (get_store (self), contract_id (self), NULL);
  attachments = signet_store_list_attachments (get_store (self), contract_id (self), NULL);
  today = signet_store_dup_today (get_store (self));
  for (guint i = 0; all != NULL && i < all->len; i++)
    {
      const SignetApprovalStep *step = g_ptr_array_index (all, i);

      if (step->amendment_id == 0 && step->round == round)
        adw_expander_row_add_row (expander, new_approval_step_row (self, step, attachments, today));
    }
}

/* The current round's steps, each with its state, approver, due date or
 * decision, then each earlier round, collapsed. */
static void
show_approval (SignetProcessSection *self,
               SignetContract       *contract,
               const char           *today)
{
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) attachments = NULL;
  g_autoptr(GError) error = NULL;
  guint current_round = 0;

  if (contract == NULL)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->approval_group), FALSE);
      return;
    }

  self->approval_steps = signet_store_list_approval_steps (get_store (self), contract_id (self), 0, &error);
  if (self->approval_steps == NULL)
    {
      g_warning ("Could not read the approval of contract %" G_GINT64_FORMAT ": %s", contract_id (self),
                 error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->approval_group), FALSE);
      return;
    }
  all = signet_store_list_all_approval_steps (get_store (self), contract_id (self), NULL);
  attachments = signet_store_list_attachments (get_store (self), contract_id (self), NULL);

  if (self->approval_steps->len > 0)
    {
      g_autofree char *title = NULL;

      current_round = ((SignetApprovalStep *) g_ptr_array_index (self->approval_steps, 0))->round;
      /* Translators: the title of the steps of a contract's approval, with
       * the round they are: each submission for review is one. */
      title = g_strdup_printf (_("Approval, Round %u"), current_round);
      adw_preferences_group_set_title (self->approval_group, title);
    }

  for (guint i = 0; i < self->approval_steps->len; i++)
    add_approval_row (self, new_approval_step_row (self, g_ptr_array_index (self->approval_steps, i),
                                                   attachments, today));

  /* The contract's own earlier rounds, newest first. */
  for (guint round = current_round; all != NULL && round > 1; round--)
    {
      guint first = G_MAXUINT;
      guint end = 0;
      GtkWidget *expander;
      g_autofree char *title = NULL;

      for (guint i = 0; i < all->len; i++)
        {
          const SignetApprovalStep *step = g_ptr_array_index (all, i);

          if (step->amendment_id != 0 || step->round != round - 1)
            continue;
          first = MIN (first, i);
          end = i + 1;
        }
      if (first == G_MAXUINT)
        continue;

      title = describe_round (all, first, end);
      expander = adw_expander_row_new ();
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (expander), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (expander), title);
      g_object_set_data (G_OBJECT (expander), "signet-round", GUINT_TO_POINTER (round - 1));
      g_signal_connect_object (expander, "notify::expanded", G_CALLBACK (round_expanded_cb), self,
                               G_CONNECT_SWAPPED);
      add_approval_row (self, expander);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->approval_group), self->approval_rows->len > 0);
}

/* The current round's step waiting for a decision, or NULL. */
static const SignetApprovalStep *
pending_step (SignetProcessSection *self,
              const char          **next_step)
{
  for (guint i = 0; self->approval_steps != NULL && i < self->approval_steps->len; i++)
    {
      const SignetApprovalStep *step = g_ptr_array_index (self->approval_steps, i);

      if (step->state != SIGNET_STEP_PENDING)
        continue;
      *next_step = i + 1 < self->approval_steps->len
                   ? ((SignetApprovalStep *) g_ptr_array_index (self->approval_steps, i + 1))->name : NULL;
      return step;
    }

  return NULL;
}

/* On a team register only the pending step's approver is offered its
 * decisions (signet_store_may_decide_step()). TRUE for any other action,
 * and when no step is pending. */
static gboolean
may_decide (SignetProcessSection *self,
            SignetProcessAction   action)
{
  SignetStore *store = get_store (self);
  const char *next_step = NULL;
  const SignetApprovalStep *step;

  if ((action != SIGNET_PROCESS_ACTION_APPROVE && action != SIGNET_PROCESS_ACTION_RETURN &&
       action != SIGNET_PROCESS_ACTION_REJECT) || store == NULL)
    return TRUE;
  step = pending_step (self, &next_step);

  return step == NULL || signet_store_may_decide_step (store, step);
}

/* A renewed contract says first what renewed it, and from when, over the
 * rest of its state. */
static char *
prepend_renewal (SignetProcessSection *self,
                 SignetContract       *contract,
                 char                 *state)
{
  g_autoptr(SignetContract) successor = NULL;
  g_autofree char *start = NULL;
  g_autofree char *renewal = NULL;
  gint64 successor_id;

  if (signet_contract_get_status (contract) != SIGNET_CONTRACT_STATUS_RENEWED ||
      (successor_id = signet_store_get_renewal_successor (get_store (self), contract_id (self), NULL)) <= 0 ||
      !(successor = signet_store_get_contract (get_store (self), successor_id, NULL)))
    return state;

  start = signet_date_format_display (signet_contract_get_start_date (successor));
  if (*start != '\0')
    /* Translators: "Renewed as HT-2027-0003 from 01.01.2027: no further
     * notice deadlines or reminders." */
    renewal = g_strdup_printf (_("Renewed as %s from %s: no further notice deadlines or reminders."),
                               signet_contract_get_number (successor), start);
  else
    renewal = g_strdup_printf (_("Renewed as %s: no further notice deadlines or reminders."),
                               signet_contract_get_number (successor));

  if (state == NULL || *state == '\0')
    {
      g_free (state);
      return g_steal_pointer (&renewal);
    }

  {
    char *joined = g_strconcat (renewal, "\n", state, NULL);

    g_free (state);
    return joined;
  }
}

/* Renew… asks the window, which knows the register's number pattern and
 * opens the successor's page (win.renew-contract; the agenda asks the
 * same). */
static void
renew_activated (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  SignetProcessSection *self = SIGNET_PROCESS_SECTION (widget);

  if (get_contract (self) != NULL)
    gtk_widget_activate_action (widget, "win.renew-contract", "x", contract_id (self));
}

static void
signet_process_section_reload (SignetContractSection *section)
{
  SignetProcessSection *self = SIGNET_PROCESS_SECTION (section);
  SignetContract *contract = get_contract (self);
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *today = NULL;
  g_autofree char *state = NULL;
  g_autoptr(SignetContract) in_force = NULL;
  SignetContractStatus shown;

  if (self->listed_id != contract_id (self))
    self->show_earlier = FALSE;
  self->listed_id = contract_id (self);

  clear_steps (self);
  clear_approval (self);

  /* Not saved yet: every contract starts as a draft. */
  if (contract == NULL)
    {
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->state_row),
                                     signet_contract_status_to_label (SIGNET_CONTRACT_STATUS_DRAFT));
      adw_action_row_set_subtitle (self->state_row,
                                   _("A new contract starts as a draft: save it, then submit it for review."));
      show_actions (self, NULL, SIGNET_CONTRACT_STATUS_DRAFT);
      show_route (self, NULL);
      show_approval (self, NULL, NULL);
      show_steps (self, NULL);
      return;
    }

  today = signet_store_dup_today (get_store (self));
  /* Active or expired by the end in force, which an amendment may have
   * moved, as the list shows it. */
  in_force = signet_contract_copy (contract);
  signet_store_apply_current_terms (get_store (self), in_force);
  shown = signet_contract_get_shown_status (in_force, today);

  events = signet_store_list_process_events (get_store (self), contract_id (self), &error);
  if (events == NULL)
    g_warning ("Could not read the steps of contract %" G_GINT64_FORMAT ": %s", contract_id (self), error->message);

  state = describe_state (in_force, shown,
                          events != NULL && events->len > 0 ? g_ptr_array_index (events, events->len - 1) : NULL);
  state = prepend_renewal (self, contract, state);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->state_row), signet_contract_status_to_label (shown));
  adw_action_row_set_subtitle (self->state_row, state);

  /* The approval first: the decisions offered depend on its pending step. */
  show_approval (self, contract, today);
  show_actions (self, contract, shown);
  show_route (self, contract);
  show_steps (self, events);
}

/* Taking a step */

static void
take_step (SignetProcessSection    *self,
           const SignetProcessStep *step)
{
  SignetContract *contract = get_contract (self);
  g_autoptr(GError) error = NULL;

  if (get_store (self) == NULL || contract == NULL)
    return;

  /* The store tells this section of its own step, as of anyone's: it
   * reloads then. */
  if (!signet_store_take_process_step (get_store (self), contract_id (self),
                                       signet_contract_get_version (contract), step, &error))
    signet_error_dialog_show (GTK_WIDGET (self), _("The Step Was Not Taken"), error);
}

static void
submit_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  g_auto(SignetProcessStep) step = { .action = SIGNET_PROCESS_ACTION_SUBMIT };

  take_step (SIGNET_PROCESS_SECTION (widget), &step);
}

static void
decision_responded_cb (SignetProcessSection *self,
                       const char           *response,
                       SignetDecisionDialog *dialog)
{
  g_auto(SignetProcessStep) step = { 0, };

  if (g_strcmp0 (response, "decide") != 0)
    return;

  signet_decision_dialog_fill_step (dialog, &step);
  take_step (self, &step);
}

static void
decide (SignetProcessSection *self,
        SignetProcessAction   action)
{
  SignetContract *contract = get_contract (self);
  const char *next_step = NULL;
  const SignetApprovalStep *step = pending_step (self, &next_step);
  AdwDialog *dialog;

  /* A contract on a route: the decision is its pending step's. */
  if (step != NULL && contract != NULL)
    {
      signet_approval_decision_ask (GTK_WIDGET (self), get_store (self), contract_id (self), 0, NULL,
                                    signet_contract_get_version (contract), action, step, next_step);
      return;
    }

  dialog = signet_decision_dialog_new (action);

  g_signal_connect_object (dialog, "response", G_CALLBACK (decision_responded_cb), self, G_CONNECT_SWAPPED);
  adw_dialog_present (dialog, GTK_WIDGET (self));
}

static void
approve_activated (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  decide (SIGNET_PROCESS_SECTION (widget), SIGNET_PROCESS_ACTION_APPROVE);
}

static void
return_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  decide (SIGNET_PROCESS_SECTION (widget), SIGNET_PROCESS_ACTION_RETURN);
}

static void
reject_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  decide (SIGNET_PROCESS_SECTION (widget), SIGNET_PROCESS_ACTION_REJECT);
}

static void
signing_responded_cb (SignetProcessSection *self,
                      const char           *response,
                      SignetSigningDialog  *dialog)
{
  g_auto(SignetProcessStep) step = { 0, };

  if (g_strcmp0 (response, "sign") != 0 || !signet_signing_dialog_fill_step (dialog, &step))
    return;

  take_step (self, &step);
}

static void
mark_signed_activated (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  SignetProcessSection *self = SIGNET_PROCESS_SECTION (widget);
  g_autofree char *today = signet_store_dup_today (get_store (self));
  AdwDialog *dialog = signet_signing_dialog_new (today);

  g_signal_connect_object (dialog, "response", G_CALLBACK (signing_responded_cb), self, G_CONNECT_SWAPPED);
  adw_dialog_present (dialog, widget);
}

static void
termination_responded_cb (SignetProcessSection    *self,
                          const char              *response,
                          SignetTerminationDialog *dialog)
{
  g_auto(SignetProcessStep) step = { 0, };

  if (g_strcmp0 (response, "terminate") != 0 || !signet_termination_dialog_fill_step (dialog, &step))
    return;

  take_step (self, &step);
}

static void
terminate_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  SignetProcessSection *self = SIGNET_PROCESS_SECTION (widget);
  g_autofree char *today = signet_store_dup_today (get_store (self));
  AdwDialog *dialog = signet_termination_dialog_new (today);

  g_signal_connect_object (dialog, "response", G_CALLBACK (termination_responded_cb), self, G_CONNECT_SWAPPED);
  adw_dialog_present (dialog, widget);
}

static void
cancel_draft_responded_cb (SignetProcessSection *self,
                           const char           *response,
                           AdwAlertDialog       *dialog)
{
  g_auto(SignetProcessStep) step = { .action = SIGNET_PROCESS_ACTION_CANCEL_DRAFT };

  if (g_strcmp0 (response, "end") == 0)
    take_step (self, &step);
}

/* Nothing to type, but it ends the contract for good: asked first. */
static void
cancel_draft_activated (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  AdwDialog *dialog = signet_alert_dialog_new (_("Cancel This Draft?"),
                                               _("The contract ends here without being signed. "
                                                 "It stays in the register with its steps and files, "
                                                 "and has no reminders."));

  adw_alert_dialog_add_responses (ADW_ALERT_DIALOG (dialog),
                                  "keep", _("_Keep the Draft"),
                                  "end", _("Cancel _Draft"),
                                  NULL);
  adw_alert_dialog_set_response_appearance (ADW_ALERT_DIALOG (dialog), "end", ADW_RESPONSE_DESTRUCTIVE);
  adw_alert_dialog_set_default_response (ADW_ALERT_DIALOG (dialog), "keep");
  adw_alert_dialog_set_close_response (ADW_ALERT_DIALOG (dialog), "keep");
  g_signal_connect_object (dialog, "response", G_CALLBACK (cancel_draft_responded_cb), widget, G_CONNECT_SWAPPED);
  adw_dialog_present (dialog, widget);
}

static void
signet_process_section_dispose (GObject *object)
{
  SignetProcessSection *self = SIGNET_PROCESS_SECTION (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), SIGNET_TYPE_PROCESS_SECTION);
  g_clear_pointer (&self->step_rows, g_ptr_array_unref);
  g_clear_pointer (&self->approval_rows, g_ptr_array_unref);
  g_clear_pointer (&self->approval_steps, g_ptr_array_unref);

  G_OBJECT_CLASS (signet_process_section_parent_class)->dispose (object);
}

static void
signet_process_section_class_init (SignetProcessSectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  SignetContractSectionClass *section_class = SIGNET_CONTRACT_SECTION_CLASS (klass);

  object_class->dispose = signet_process_section_dispose;

  /* A step changes the contract's status, one of its fields; its own
   * steps come back to it that way too. */
  section_class->reload = signet_process_section_reload;
  signet_contract_section_class_watch (section_class, SIGNET_STORE_CHANGED_FIELDS);
  /* A draft shows the route the rules give it now. */
  signet_contract_section_class_watch_any (section_class, SIGNET_STORE_CHANGED_APPROVAL_ROUTES);

  /* A decision's file (its approval form) to open: one of the contract's
   * attachments, by its id. */
  signals[OPEN_ATTACHMENT] =
    g_signal_new ("open-attachment", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT64);

  signet_contract_section_class_install_write (section_class, "process.submit", NULL, submit_activated);
  signet_contract_section_class_install_write (section_class, "process.approve", NULL, approve_activated);
  signet_contract_section_class_install_write (section_class, "process.return", NULL, return_activated);
  signet_contract_section_class_install_write (section_class, "process.reject", NULL, reject_activated);
  signet_contract_section_class_install_write (section_class, "process.mark-signed", NULL, mark_signed_activated);
  signet_contract_section_class_install_write (section_class, "process.terminate", NULL, terminate_activated);
  signet_contract_section_class_install_write (section_class, "process.cancel-draft", NULL, cancel_draft_activated);
  signet_contract_section_class_install_write (section_class, "process.renew", NULL, renew_activated);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/signet-process-section.ui");
  gtk_widget_class_bind_template_child (widget_class, SignetProcessSection, box);
  gtk_widget_class_bind_template_child (widget_class, SignetProcessSection, state_row);
  gtk_widget_class_bind_template_child (widget_class, SignetProcessSection, route_row);
  gtk_widget_class_bind_template_child (widget_class, SignetProcessSection, approval_group);
  gtk_widget_class_bind_template_child (widget_class, SignetProcessSection, actions_box);
  gtk_widget_class_bind_template_child (widget_class, SignetProcessSection, why_label);
  gtk_widget_class_bind_template_child (widget_class, SignetProcessSection, steps_group);
  gtk_widget_class_bind_template_child_full (widget_class, "submit_button", FALSE,
                                             G_STRUCT_OFFSET (SignetProcessSection, buttons[SIGNET_PROCESS_ACTION_SUBMIT]));
  gtk_widget_class_bind_template_child_full (widget_class, "approve_button", FALSE,
                                             G_STRUCT_OFFSET (SignetProcessSection, buttons[SIGNET_PROCESS_ACTION_APPROVE]));
  gtk_widget_class_bind_template_child_full (widget_class, "return_button", FALSE,
                                             G_STRUCT_OFFSET (SignetProcessSection, buttons[SIGNET_PROCESS_ACTION_RETURN]));
  gtk_widget_class_bind_template_child_full (widget_class, "reject_button", FALSE,
                                             G_STRUCT_OFFSET (SignetProcessSection, buttons[SIGNET_PROCESS_ACTION_REJECT]));
  gtk_widget_class_bind_template_child_full (widget_class, "sign_button", FALSE,
                                             G_STRUCT_OFFSET (SignetProcessSection, buttons[SIGNET_PROCESS_ACTION_MARK_SIGNED]));
  gtk_widget_class_bind_template_child_full (widget_class, "terminate_button", FALSE,
                                             G_STRUCT_OFFSET (SignetProcessSection, buttons[SIGNET_PROCESS_ACTION_TERMINATE]));
  gtk_widget_class_bind_template_child_full (widget_class, "cancel_draft_button", FALSE,
                                             G_STRUCT_OFFSET (SignetProcessSection, buttons[SIGNET_PROCESS_ACTION_CANCEL_DRAFT]));
  gtk_widget_class_bind_template_child_full (widget_class, "renew_button", FALSE,
                                             G_STRUCT_OFFSET (SignetProcessSection, buttons[SIGNET_PROCESS_ACTION_RENEW]));

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
signet_process_section_init (SignetProcessSection *self)
{
  self->step_rows = g_ptr_array_new ();
  self->approval_rows = g_ptr_array_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  /* The buttons say what the process calls its actions, in every
   * language; Terminate asks more, in its dialog. */
  for (guint i = 0; i < SIGNET_N_PROCESS_ACTIONS; i++)
    if (self->buttons[i] != NULL)
      {
        gtk_button_set_label (GTK_BUTTON (self->buttons[i]), signet_process_action_to_label (i));
        /* The Tab key goes to the button, not to the box around it. */
        gtk_widget_set_focusable (gtk_widget_get_parent (self->buttons[i]), FALSE);
      }

  signet_process_section_reload (SIGNET_CONTRACT_SECTION (self));
}

GtkWidget *
signet_process_section_new (void)
{
  return g_object_new (SIGNET_TYPE_PROCESS_SECTION, NULL);
}
