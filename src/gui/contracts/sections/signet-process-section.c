/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "signet-process-section"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "signet-date.h"
#include "signet-decision-dialog.h"
#include "signet-error-dialog.h"
#include "signet-process-section.h"
#include "signet-signing-dialog.h"
#include "signet-store-events.h"
#include "signet-store-process.h"
#include "signet-store-renewals.h"
#include "signet-termination-dialog.h"

struct _SignetProcessSection
{
  SignetContractSection parent_instance;

  /* The template's one child: bound, so that disposing of the template
   * takes it away. */
  GtkWidget    *box;
  AdwActionRow *state_row;
  GtkWidget    *actions_box;
  GtkLabel     *why_label;
  AdwPreferencesGroup *steps_group;
  /* Per action, its button. */
  GtkWidget    *buttons[SIGNET_N_PROCESS_ACTIONS];
  /* The steps' rows, as listed now. */
  GPtrArray    *step_rows;
};

G_DEFINE_FINAL_TYPE (SignetProcessSection, signet_process_section, SIGNET_TYPE_CONTRACT_SECTION)

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
      /* Translators: the last step of the contract's process, who took it
       * and when: "Submitted for review by 张伟 on 07.12.2026 10:05". */
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

static void
show_steps (SignetProcessSection *self,
            GPtrArray            *events)
{
  for (guint i = 0; events != NULL && i < events->len; i++)
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

/* The one step most contracts take next is the suggested one. */
static gboolean
is_next_step (SignetProcessAction  action,
              SignetContractStatus status)
{
  return (action == SIGNET_PROCESS_ACTION_SUBMIT && status == SIGNET_CONTRACT_STATUS_DRAFT) ||
         (action == SIGNET_PROCESS_ACTION_APPROVE && status == SIGNET_CONTRACT_STATUS_IN_REVIEW) ||
         (action == SIGNET_PROCESS_ACTION_MARK_SIGNED && status == SIGNET_CONTRACT_STATUS_APPROVED);
}

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

      allowed = contract != NULL && signet_process_action_allowed (i, contract, NULL);
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
  SignetContractStatus shown;

  clear_steps (self);

  /* Not saved yet: every contract starts as a draft. */
  if (contract == NULL)
    {
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->state_row),
                                     signet_contract_status_to_label (SIGNET_CONTRACT_STATUS_DRAFT));
      adw_action_row_set_subtitle (self->state_row,
                                   _("A new contract starts as a draft: save it, then submit it for review."));
      show_actions (self, NULL, SIGNET_CONTRACT_STATUS_DRAFT);
      show_steps (self, NULL);
      return;
    }

  today = signet_store_dup_today (get_store (self));
  shown = signet_contract_get_shown_status (contract, today);

  events = signet_store_list_process_events (get_store (self), contract_id (self), &error);
  if (events == NULL)
    g_warning ("Could not read the steps of contract %" G_GINT64_FORMAT ": %s", contract_id (self), error->message);

  state = describe_state (contract, shown,
                          events != NULL && events->len > 0 ? g_ptr_array_index (events, events->len - 1) : NULL);
  state = prepend_renewal (self, contract, state);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->state_row), signet_contract_status_to_label (shown));
  adw_action_row_set_subtitle (self->state_row, state);

  show_actions (self, contract, shown);
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
  AdwDialog *dialog = signet_decision_dialog_new (action);

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

  gtk_widget_class_install_action (widget_class, "process.submit", NULL, submit_activated);
  gtk_widget_class_install_action (widget_class, "process.approve", NULL, approve_activated);
  gtk_widget_class_install_action (widget_class, "process.return", NULL, return_activated);
  gtk_widget_class_install_action (widget_class, "process.reject", NULL, reject_activated);
  gtk_widget_class_install_action (widget_class, "process.mark-signed", NULL, mark_signed_activated);
  gtk_widget_class_install_action (widget_class, "process.terminate", NULL, terminate_activated);
  gtk_widget_class_install_action (widget_class, "process.cancel-draft", NULL, cancel_draft_activated);
  gtk_widget_class_install_action (widget_class, "process.renew", NULL, renew_activated);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/signet-process-section.ui");
  gtk_widget_class_bind_template_child (widget_class, SignetProcessSection, box);
  gtk_widget_class_bind_template_child (widget_class, SignetProcessSection, state_row);
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
