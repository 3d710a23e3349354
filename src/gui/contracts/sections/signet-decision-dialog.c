/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "signet-decision-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "signet-decision-dialog.h"
#include "signet-error-dialog.h"
#include "signet-field-error.h"

struct _SignetDecisionDialog
{
  AdwAlertDialog       parent_instance;

  GtkListBox          *fields;
  GtkEditable         *decider_row;
  GtkEditable         *opinion_row;
  GtkLabel            *decider_error;
  GtkLabel            *opinion_error;

  SignetProcessAction  action;
};

G_DEFINE_FINAL_TYPE (SignetDecisionDialog, signet_decision_dialog, ADW_TYPE_ALERT_DIALOG)

/* The user's full name as the system knows it, else their login name. */
static const char *
default_decider (void)
{
  const char *name = g_get_real_name ();

  /* GLib's word for a user without a full name. */
  if (name == NULL || *name == '\0' || g_str_equal (name, "Unknown"))
    name = g_get_user_name ();

  return name;
}

static gboolean
is_blank (const char *text)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (text != NULL ? text : ""));

  return *trimmed == '\0';
}

static gboolean
opinion_required (SignetDecisionDialog *self)
{
  return self->action == SIGNET_PROCESS_ACTION_RETURN || self->action == SIGNET_PROCESS_ACTION_REJECT;
}

/* Whether the decision can be given; with @show, what is missing is said
 * under its field (only then: an empty field the user has not reached yet
 * is not an error). */
static gboolean
check_fields (SignetDecisionDialog *self,
              gboolean              show)
{
  gboolean decider_missing = is_blank (gtk_editable_get_text (self->decider_row));
  gboolean opinion_missing = opinion_required (self) && is_blank (gtk_editable_get_text (self->opinion_row));

  if (!decider_missing)
    signet_field_error_clear (GTK_WIDGET (self->decider_row), self->decider_error);
  else if (show)
    signet_field_error_mark (GTK_WIDGET (self->decider_row), self->decider_error,
                             _("Name who took this decision."));

  if (!opinion_missing)
    signet_field_error_clear (GTK_WIDGET (self->opinion_row), self->opinion_error);
  else if (show)
    signet_field_error_mark (GTK_WIDGET (self->opinion_row), self->opinion_error,
                             self->action == SIGNET_PROCESS_ACTION_RETURN
                             ? _("Say what is to change: a contract is returned with a reason.")
                             : _("Say why: a contract is rejected with a reason."));

  adw_alert_dialog_set_response_enabled (ADW_ALERT_DIALOG (self), "decide",
                                         !decider_missing && !opinion_missing);

  return !decider_missing && !opinion_missing;
}

/* A field emptied is said at once; a field typed into loses its error. */
static void
field_changed_cb (SignetDecisionDialog *self,
                  GtkEditable          *editable)
{
  check_fields (self, is_blank (gtk_editable_get_text (editable)));
}

/* Enter with something missing gives no decision: it says what is missing. */
static void
field_activated_cb (SignetDecisionDialog *self,
                    AdwEntryRow          *row)
{
  check_fields (self, TRUE);
}

static void
signet_decision_dialog_class_init (SignetDecisionDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/signet-decision-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, SignetDecisionDialog, fields);
  gtk_widget_class_bind_template_child (widget_class, SignetDecisionDialog, decider_row);
  gtk_widget_class_bind_template_child (widget_class, SignetDecisionDialog, opinion_row);
  gtk_widget_class_bind_template_callback (widget_class, field_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, field_activated_cb);
}

static void
signet_decision_dialog_init (SignetDecisionDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  /* Each field's error goes in a row right under it. */
  gtk_list_box_insert (self->fields, signet_field_error_row_new (&self->decider_error), 1);
  gtk_list_box_insert (self->fields, signet_field_error_row_new (&self->opinion_error), 3);
}

AdwDialog *
signet_decision_dialog_new (SignetProcessAction action)
{
  SignetDecisionDialog *self;

  g_return_val_if_fail (action == SIGNET_PROCESS_ACTION_APPROVE || action == SIGNET_PROCESS_ACTION_RETURN ||
                        action == SIGNET_PROCESS_ACTION_REJECT, NULL);

  self = g_object_new (SIGNET_TYPE_DECISION_DIALOG, NULL);
  self->action = action;

  switch (action)
    {
    case SIGNET_PROCESS_ACTION_APPROVE:
      adw_alert_dialog_set_heading (ADW_ALERT_DIALOG (self), _("Approve the Contract"));
      adw_alert_dialog_set_body (ADW_ALERT_DIALOG (self),
                                 _("The contract goes on to be signed. Its steps keep who approved it, "
                                   "when, and their opinion."));
      adw_alert_dialog_set_response_label (ADW_ALERT_DIALOG (self), "decide", _("_Approve"));
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->opinion_row), _("Opinion (optional)"));
      break;

    case SIGNET_PROCESS_ACTION_RETURN:
      adw_alert_dialog_set_heading (ADW_ALERT_DIALOG (self), _("Return the Contract for Changes"));
      adw_alert_dialog_set_body (ADW_ALERT_DIALOG (self),
                                 _("The contract goes back to its draft, to be changed and submitted again."));
      adw_alert_dialog_set_response_label (ADW_ALERT_DIALOG (self), "decide", _("_Return for Changes"));
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->opinion_row), _("What Is to Change"));
      break;

    case SIGNET_PROCESS_ACTION_REJECT:
      adw_alert_dialog_set_heading (ADW_ALERT_DIALOG (self), _("Reject the Contract"));
      adw_alert_dialog_set_body (ADW_ALERT_DIALOG (self),
                                 _("The contract goes back to its draft, marked rejected."));
      adw_alert_dialog_set_response_label (ADW_ALERT_DIALOG (self), "decide", _("_Reject"));
      adw_alert_dialog_set_response_appearance (ADW_ALERT_DIALOG (self), "decide", ADW_RESPONSE_DESTRUCTIVE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->opinion_row), C_("process", "Reason"));
      break;

    default:
      g_assert_not_reached ();
    }

  gtk_accessible_update_property (GTK_ACCESSIBLE (self->opinion_row), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  adw_preferences_row_get_title (ADW_PREFERENCES_ROW (self->opinion_row)), -1);
  signet_alert_dialog_wrap_heading (ADW_ALERT_DIALOG (self));

  gtk_editable_set_text (self->decider_row, default_decider ());
  check_fields (self, FALSE);

  return ADW_DIALOG (self);
}

void
signet_decision_dialog_fill_step (SignetDecisionDialog *self,
                                  SignetProcessStep    *step)
{
  g_return_if_fail (SIGNET_IS_DECISION_DIALOG (self));
  g_return_if_fail (step != NULL);

  step->action = self->action;
  g_free (step->decided_by);
  step->decided_by = g_strstrip (g_strdup (gtk_editable_get_text (self->decider_row)));
  /* Left as it came: the user decided, and the step says so by their
   * login, not as a decision recorded on someone's behalf. */
  if (g_str_equal (step->decided_by, default_decider ()))
    g_clear_pointer (&step->decided_by, g_free);
  g_free (step->comment);
  step->comment = g_strstrip (g_strdup (gtk_editable_get_text (self->opinion_row)));
  if (*step->comment == '\0')
    g_clear_pointer (&step->comment, g_free);
}
