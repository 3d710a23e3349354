/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "signet-review-action-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "signet-date.h"
#include "signet-date-entry.h"
#include "signet-error-dialog.h"
#include "signet-person.h"
#include "signet-review-action-dialog.h"

struct _SignetReviewActionDialog
{
  AdwAlertDialog   parent_instance;

  GtkEditable     *description_row;
  AdwComboRow     *owner_row;
  SignetDateEntry *due_row;

  gint64           id;
  /* The people's ids in the order the owner row lists them; 0 first, for
   * nobody. */
  GArray          *owner_ids;
};

G_DEFINE_FINAL_TYPE (SignetReviewActionDialog, signet_review_action_dialog, ADW_TYPE_ALERT_DIALOG)

static void
description_changed_cb (SignetReviewActionDialog *self)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (self->description_row)));

  adw_alert_dialog_set_response_enabled (ADW_ALERT_DIALOG (self), "save", *text != '\0');
}

static void
signet_review_action_dialog_dispose (GObject *object)
{
  SignetReviewActionDialog *self = SIGNET_REVIEW_ACTION_DIALOG (object);

  g_clear_pointer (&self->owner_ids, g_array_unref);

  G_OBJECT_CLASS (signet_review_action_dialog_parent_class)->dispose (object);
}

static void
signet_review_action_dialog_class_init (SignetReviewActionDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = signet_review_action_dialog_dispose;

  g_type_ensure (SIGNET_TYPE_DATE_ENTRY);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/signet-review-action-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, SignetReviewActionDialog, description_row);
  gtk_widget_class_bind_template_child (widget_class, SignetReviewActionDialog, owner_row);
  gtk_widget_class_bind_template_child (widget_class, SignetReviewActionDialog, due_row);
}

static void
signet_review_action_dialog_init (SignetReviewActionDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  signet_alert_dialog_wrap_heading (ADW_ALERT_DIALOG (self));
  self->owner_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_signal_connect_object (self->description_row, "changed", G_CALLBACK (description_changed_cb), self,
                           G_CONNECT_SWAPPED);
}

AdwDialog *
signet_review_action_dialog_new (const SignetReviewAction *action,
                                 GListModel               *people,
                                 const char               *today)
{
  SignetReviewActionDialog *self = g_object_new (SIGNET_TYPE_REVIEW_ACTION_DIALOG, NULL);
  /* Translators: the owner of a follow-up action nobody was named for. */
  g_autoptr(GtkStringList) names = gtk_string_list_new ((const char * const []) { C_("owner", "Nobody"), NULL });
  guint n = people != NULL ? g_list_model_get_n_items (people) : 0;
  guint selected = 0;
  gint64 nobody = 0;

  g_array_append_val (self->owner_ids, nobody);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SignetPerson) person = g_list_model_get_item (people, i);
      gint64 id = signet_person_get_id (person);

      gtk_string_list_append (names, signet_person_get_name (person));
      g_array_append_val (self->owner_ids, id);
      if (action != NULL && id == action->owner_id)
        selected = i + 1;
    }
  adw_combo_row_set_model (self->owner_row, G_LIST_MODEL (names));
  adw_combo_row_set_selected (self->owner_row, selected);

  if (action != NULL)
    {
      self->id = action->id;
      gtk_editable_set_text (self->description_row, action->description);
      signet_date_entry_set_date (self->due_row, action->due_date);
    }
  else
    {
      GDate date;
      g_autofree char *due = NULL;

      adw_alert_dialog_set_heading (ADW_ALERT_DIALOG (self), _("Add a Follow-up Action"));
      /* A month on, as an issue's action is given when recorded. */
      if (signet_date_parse (today, &date) && signet_date_add_days (&date, 30))
        due = signet_date_to_iso (&date);
      signet_date_entry_set_date (self->due_row, due);
    }
  description_changed_cb (self);

  return ADW_DIALOG (self);
}

SignetReviewAction *
signet_review_action_dialog_dup_action (SignetReviewActionDialog  *self,
                                        GError                   **error)
{
  g_autofree char *due = NULL;
  g_autofree char *description = NULL;
  SignetReviewAction *action;
  guint selected;

  g_return_val_if_fail (SIGNET_IS_REVIEW_ACTION_DIALOG (self), NULL);

  if (!signet_date_entry_get_date (self->due_row, &due, error))
    return NULL;

  description = g_strstrip (g_strdup (gtk_editable_get_text (self->description_row)));
  selected = adw_combo_row_get_selected (self->owner_row);
  action = signet_review_action_new (description,
                                     selected < self->owner_ids->len ? g_array_index (self->owner_ids, gint64, selected)
                                                                     : 0,
                                     due);
  action->id = self->id;

  return action;
}
