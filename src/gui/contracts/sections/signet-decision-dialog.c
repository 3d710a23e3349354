/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "signet-decision-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "signet-decision-dialog.h"
#include "signet-error-dialog.h"
#include "signet-field-error.h"
#include "signet-person.h"

struct _SignetDecisionDialog
{
  AdwAlertDialog       parent_instance;

  GtkListBox          *fields;
  AdwComboRow         *approver_row;
  GtkEditable         *decider_row;
  GtkEditable         *opinion_row;
  AdwActionRow        *file_row;
  GtkWidget           *attach_button;
  GtkWidget           *remove_file_button;
  GtkLabel            *decider_error;
  GtkLabel            *opinion_error;

  SignetProcessAction  action;
  /* A step of a route: the approvers offered, in the order of the
   * approver row, and the file chosen. */
  gboolean             for_step;
  GArray              *approver_ids;
  GFile               *file;
  GtkFileDialog       *file_dialog;
  GCancellable        *cancellable;
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
/* The approver row's last item: an approver not in People, named in the
 * field under it. */
static gboolean
approver_is_named (SignetDecisionDialog *self)
{
  return !self->for_step || adw_combo_row_get_selected (self->approver_row) >= self->approver_ids->len;
}

static gboolean
check_fields (SignetDecisionDialog *self,
              gboolean              show)
{
  gboolean decider_missing = approver_is_named (self) && is_blank (gtk_editable_get_text (self->decider_row));
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
approver_selected_cb (SignetDecisionDialog *self,
                      GParamSpec           *pspec,
                      AdwComboRow          *row)
{
  if (!self->for_step)
    return;

  gtk_widget_set_visible (GTK_WIDGET (self->decider_row), approver_is_named (self));
  check_fields (self, FALSE);
}

static void
show_file (SignetDecisionDialog *self)
{
  g_autofree char *name = self->file != NULL ? g_file_get_basename (self->file) : NULL;

  if (name != NULL)
    adw_action_row_set_subtitle (self->file_row, name);
  else
    adw_action_row_set_subtitle (self->file_row, _("The signed paper form, or a picture of the approval in another system"));
  gtk_widget_set_visible (self->remove_file_button, name != NULL);
}

static void
file_chosen_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(SignetDecisionDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = gtk_file_dialog_open_finish (GTK_FILE_DIALOG (source), result, &error);

  /* Dismissed, or the dialog went: the file stays as it was. */
  if (file == NULL || g_cancellable_is_cancelled (self->cancellable))
    return;

  g_set_object (&self->file, file);
  show_file (self);
}

static void
attach_clicked_cb (SignetDecisionDialog *self,
                   GtkButton            *button)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (self->file_dialog == NULL)
    {
      self->file_dialog = gtk_file_dialog_new ();
      gtk_file_dialog_set_title (self->file_dialog, _("Attach the Approval Form"));
      gtk_file_dialog_set_accept_label (self->file_dialog, _("_Attach"));
    }
  gtk_file_dialog_open (self->file_dialog, GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, self->cancellable,
                        file_chosen_cb, g_object_ref (self));
}

static void
remove_file_clicked_cb (SignetDecisionDialog *self,
                        GtkButton            *button)
{
  g_clear_object (&self->file);
  show_file (self);
  gtk_widget_grab_focus (self->attach_button);
}

static void
signet_decision_dialog_dispose (GObject *object)
{
  SignetDecisionDialog *self = SIGNET_DECISION_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->file_dialog);

  G_OBJECT_CLASS (signet_decision_dialog_parent_class)->dispose (object);
}

static void
signet_decision_dialog_finalize (GObject *object)
{
  SignetDecisionDialog *self = SIGNET_DECISION_DIALOG (object);

  g_clear_object (&self->file);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->approver_ids, g_array_unref);

  G_OBJECT_CLASS (signet_decision_dialog_parent_class)->finalize (object);
}

static void
signet_decision_dialog_class_init (SignetDecisionDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = signet_decision_dialog_dispose;
  object_class->finalize = signet_decision_dialog_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/signet-decision-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, SignetDecisionDialog, fields);
  gtk_widget_class_bind_template_child (widget_class, SignetDecisionDialog, approver_row);
  gtk_widget_class_bind_template_child (widget_class, SignetDecisionDialog, decider_row);
  gtk_widget_class_bind_template_child (widget_class, SignetDecisionDialog, opinion_row);
  gtk_widget_class_bind_template_child (widget_class, SignetDecisionDialog, file_row);
  gtk_widget_class_bind_template_child (widget_class, SignetDecisionDialog, attach_button);
  gtk_widget_class_bind_template_child (widget_class, SignetDecisionDialog, remove_file_button);
  gtk_widget_class_bind_template_callback (widget_class, field_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, field_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, approver_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, attach_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, remove_file_clicked_cb);
}

static void
signet_decision_dialog_init (SignetDecisionDialog *self)
{
  self->approver_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->cancellable = g_cancellable_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  /* Each field's error goes in a row right under it: after the approver
   * and who decided, and after the opinion. */
  gtk_list_box_insert (self->fields, signet_field_error_row_new (&self->decider_error), 2);
  gtk_list_box_insert (self->fields, signet_field_error_row_new (&self->opinion_error), 4);
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

/* The people who may decide @step first: the person it names, or those
 * with its role; then everyone else, in the directory's order. */
static gboolean
decides_step (SignetPerson             *person,
              const SignetApprovalStep *step)
{
  if (step->person_id != 0)
    return signet_person_get_id (person) == step->person_id;

  return step->role != NULL && g_strcmp0 (signet_person_get_role (person), step->role) == 0;
}

static void
add_approvers (SignetDecisionDialog     *self,
               GtkStringList            *names,
               GListModel               *people,
               const SignetApprovalStep *step,
               gboolean                  deciding)
{
  guint n = people != NULL ? g_list_model_get_n_items (people) : 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SignetPerson) person = g_list_model_get_item (people, i);
      const char *role = signet_person_get_role (person);
      gint64 id = signet_person_get_id (person);
      g_autofree char *name = NULL;

      if (decides_step (person, step) != deciding)
        continue;

      if (role != NULL && *role != '\0')
        /* Translators: a person and their role, among the approvers to
         * choose from: "王强 (法务)". */
        name = g_strdup_printf (_("%s (%s)"), signet_person_get_name (person), role);
      else
        name = g_strdup (signet_person_get_name (person));
      gtk_string_list_append (names, name);
      g_array_append_val (self->approver_ids, id);
    }
}

AdwDialog *
signet_decision_dialog_new_for_step (SignetProcessAction       action,
                                     const SignetApprovalStep *step,
                                     const char               *next_step,
                                     const char               *subject,
                                     GListModel               *people)
{
  SignetDecisionDialog *self;
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr(GString) body = g_string_new (NULL);
  g_autofree char *heading = NULL;
  guint n_deciding;

  g_return_val_if_fail (step != NULL, NULL);
  g_return_val_if_fail (people == NULL || G_IS_LIST_MODEL (people), NULL);

  self = SIGNET_DECISION_DIALOG (signet_decision_dialog_new (action));
  self->for_step = TRUE;

  add_approvers (self, names, people, step, TRUE);
  n_deciding = self->approver_ids->len;
  add_approvers (self, names, people, step, FALSE);
  /* Translators: the last choice of approver: someone not in People,
   * whose name is typed in the field under it. */
  gtk_string_list_append (names, _("Someone Else"));
  adw_combo_row_set_model (self->approver_row, G_LIST_MODEL (names));
  /* Nobody in People decides the step (its role is nobody's): no one is
   * chosen for the user, who names the approver. */
  adw_combo_row_set_selected (self->approver_row, n_deciding > 0 ? 0 : self->approver_ids->len);
  gtk_widget_set_visible (GTK_WIDGET (self->approver_row), TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->file_row), TRUE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->decider_row), _("Approver's Name"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->decider_row), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Approver's Name"), -1);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->decider_row), NULL);
  gtk_editable_set_text (self->decider_row, "");
  /* Emptied here, not by the user: nothing is missing yet. */
  signet_field_error_clear (GTK_WIDGET (self->decider_row), self->decider_error);

  switch (action)
    {
    case SIGNET_PROCESS_ACTION_APPROVE:
      /* Translators: %s is the name of a step of an approval route, "法务". */
      heading = g_strdup_printf (_("Approve the Step “%s”"), step->name);
      if (next_step != NULL)
        /* Translators: %s is the name of the next step of an approval route. */
        g_string_append_printf (body, _("The approval goes on to the next step, “%s”."), next_step);
      else if (subject != NULL)
        g_string_append (body, _("This is the last step: the amendment takes effect."));
      else
        g_string_append (body, _("This is the last step: the contract is approved, to be signed."));
      break;

    case SIGNET_PROCESS_ACTION_RETURN:
      /* Translators: %s is the name of a step of an approval route, "法务". */
      heading = g_strdup_printf (_("Return for Changes at “%s”"), step->name);
      g_string_append (body, subject != NULL
                       ? _("The amendment is returned, to be changed and submitted again; the later steps are not asked.")
                       : _("The contract goes back to its draft, to be changed and submitted again; the later steps are not asked."));
      break;

    case SIGNET_PROCESS_ACTION_REJECT:
      /* Translators: %s is the name of a step of an approval route, "法务". */
      heading = g_strdup_printf (_("Reject at “%s”"), step->name);
      g_string_append (body, subject != NULL
                       ? _("The amendment is rejected and never takes effect.")
                       : _("The contract goes back to its draft, marked rejected; the later steps are not asked."));
      break;

    default:
      g_assert_not_reached ();
    }

  g_string_append (body, "\n\n");
  /* Translators: %s is the user's login name: on a single desktop the
   * contract manager records each approver's decision for them. */
  g_string_append_printf (body, _("You record this decision as %s, on the approver's behalf; the step says so."),
                          g_get_user_name ());
  if (subject != NULL)
    {
      g_autofree char *titled = NULL;

      /* Translators: the heading of a decision on an amendment: "Approve the
       * Step “法务” · HT-2026-0042-A1". */
      titled = g_strdup_printf (_("%s · %s"), heading, subject);
      g_free (heading);
      heading = g_steal_pointer (&titled);
    }
  adw_alert_dialog_set_heading (ADW_ALERT_DIALOG (self), heading);
  adw_alert_dialog_set_body (ADW_ALERT_DIALOG (self), body->str);

  approver_selected_cb (self, NULL, self->approver_row);
  show_file (self);

  return ADW_DIALOG (self);
}

void
signet_decision_dialog_fill_decision (SignetDecisionDialog   *self,
                                      SignetApprovalDecision *decision)
{
  guint selected;

  g_return_if_fail (SIGNET_IS_DECISION_DIALOG (self));
  g_return_if_fail (decision != NULL);

  selected = adw_combo_row_get_selected (self->approver_row);
  decision->action = self->action;
  decision->approver_id = 0;
  g_clear_pointer (&decision->approver_name, g_free);
  if (self->for_step && selected < self->approver_ids->len)
    decision->approver_id = g_array_index (self->approver_ids, gint64, selected);
  else
    decision->approver_name = g_strstrip (g_strdup (gtk_editable_get_text (self->decider_row)));

  g_free (decision->opinion);
  decision->opinion = g_strstrip (g_strdup (gtk_editable_get_text (self->opinion_row)));
  if (*decision->opinion == '\0')
    g_clear_pointer (&decision->opinion, g_free);
}

GFile *
signet_decision_dialog_get_file (SignetDecisionDialog *self)
{
  g_return_val_if_fail (SIGNET_IS_DECISION_DIALOG (self), NULL);

  return self->file;
}
