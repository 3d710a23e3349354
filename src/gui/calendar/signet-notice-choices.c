/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "signet-notice-choices"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "signet-date.h"
#include "signet-notice-choices.h"

struct _SignetNoticeChoices
{
  GtkWidget  parent_instance;

  GtkWidget *buttons;
  GtkWidget *renew_button;
  GtkWidget *let_expire_button;
  GtkWidget *terminate_button;
  GtkLabel  *decision_label;
};

G_DEFINE_FINAL_TYPE (SignetNoticeChoices, signet_notice_choices, GTK_TYPE_WIDGET)

static void
signet_notice_choices_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), SIGNET_TYPE_NOTICE_CHOICES);

  G_OBJECT_CLASS (signet_notice_choices_parent_class)->dispose (object);
}

static void
signet_notice_choices_class_init (SignetNoticeChoicesClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = signet_notice_choices_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/signet-notice-choices.ui");
  gtk_widget_class_bind_template_child (widget_class, SignetNoticeChoices, buttons);
  gtk_widget_class_bind_template_child (widget_class, SignetNoticeChoices, renew_button);
  gtk_widget_class_bind_template_child (widget_class, SignetNoticeChoices, let_expire_button);
  gtk_widget_class_bind_template_child (widget_class, SignetNoticeChoices, terminate_button);
  gtk_widget_class_bind_template_child (widget_class, SignetNoticeChoices, decision_label);
}

static void
signet_notice_choices_init (SignetNoticeChoices *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
signet_notice_choices_new (void)
{
  return g_object_new (SIGNET_TYPE_NOTICE_CHOICES, NULL);
}

/* "Let expire · decided by 王芳 · 07.12.2026 14:05", and the comment under
 * it. */
static char *
describe_decision (const SignetNoticeDecision *decision)
{
  g_autofree char *when = signet_timestamp_format_display (decision->at);
  const char *who = decision->decided_by != NULL ? decision->decided_by : decision->recorded_by;
  GString *text = g_string_new (NULL);

  /* Translators: under a notice deadline in the agenda, the choice taken
   * there ("Let expire"), who took it and when. */
  g_string_append_printf (text, _("Decided: %1$s · %2$s · %3$s"),
                          signet_notice_choice_to_label (decision->choice), who != NULL ? who : "", when);
  if (decision->comment != NULL)
    g_string_append_printf (text, "\n%s", decision->comment);

  return g_string_free (text, FALSE);
}

void
signet_notice_choices_set (SignetNoticeChoices        *self,
                           gint64                      contract_id,
                           const char                 *number,
                           const char                 *deadline,
                           const SignetNoticeDecision *decision)
{
  g_autofree char *deadline_shown = NULL;
  g_autofree char *description = NULL;
  GtkWidget *buttons[3];

  g_return_if_fail (SIGNET_IS_NOTICE_CHOICES (self));
  g_return_if_fail (deadline != NULL);

  gtk_widget_set_visible (self->buttons, decision == NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->decision_label), decision != NULL);

  if (decision != NULL)
    {
      g_autofree char *text = describe_decision (decision);

      gtk_label_set_text (self->decision_label, text);
      return;
    }

  deadline_shown = signet_date_format_display (deadline);
  /* Translators: what a button under a notice deadline in the agenda is
   * for, read by a screen reader after its label: "HT-2026-0001, notice
   * deadline 01.12.2026". */
  description = g_strdup_printf (_("%s, notice deadline %s"), number != NULL ? number : "", deadline_shown);
  buttons[0] = self->renew_button;
  buttons[1] = self->let_expire_button;
  buttons[2] = self->terminate_button;
  for (guint i = 0; i < G_N_ELEMENTS (buttons); i++)
    gtk_accessible_update_property (GTK_ACCESSIBLE (buttons[i]), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                    -1);

  /* The target first: an action named without its target of the right
   * type is a warning. */
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (self->renew_button),
                                          g_variant_new_int64 (contract_id));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->renew_button), "win.renew-contract");
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (self->let_expire_button),
                                          g_variant_new ("(xs)", contract_id, deadline));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->let_expire_button), "agenda.let-expire");
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (self->terminate_button),
                                          g_variant_new ("(xs)", contract_id, deadline));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->terminate_button), "agenda.terminate");
}
