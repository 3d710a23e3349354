/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "signet-review-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "signet-date-entry.h"
#include "signet-error-dialog.h"
#include "signet-review-dialog.h"
#include "signet-store-events.h"

struct _SignetReviewDialog
{
  AdwAlertDialog   parent_instance;

  SignetDateEntry *date_row;
  GtkEditable     *note_row;
  GtkWidget       *checklist_label;
  GtkListBox      *checklist_list;
  /* Of GtkCheckButton, one for each clause of the checklist. */
  GPtrArray       *checks;
};

G_DEFINE_FINAL_TYPE (SignetReviewDialog, signet_review_dialog, ADW_TYPE_ALERT_DIALOG)

static void
signet_review_dialog_dispose (GObject *object)
{
  SignetReviewDialog *self = SIGNET_REVIEW_DIALOG (object);

  g_clear_pointer (&self->checks, g_ptr_array_unref);

  G_OBJECT_CLASS (signet_review_dialog_parent_class)->dispose (object);
}

static void
signet_review_dialog_class_init (SignetReviewDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = signet_review_dialog_dispose;

  g_type_ensure (SIGNET_TYPE_DATE_ENTRY);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/signet-review-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, SignetReviewDialog, date_row);
  gtk_widget_class_bind_template_child (widget_class, SignetReviewDialog, note_row);
  gtk_widget_class_bind_template_child (widget_class, SignetReviewDialog, checklist_label);
  gtk_widget_class_bind_template_child (widget_class, SignetReviewDialog, checklist_list);
}

static void
signet_review_dialog_init (SignetReviewDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  signet_alert_dialog_wrap_heading (ADW_ALERT_DIALOG (self));
  self->checks = g_ptr_array_new_with_free_func (g_object_unref);
}

AdwDialog *
signet_review_dialog_new (const char *today)
{
  SignetReviewDialog *self = g_object_new (SIGNET_TYPE_REVIEW_DIALOG, NULL);

  signet_date_entry_set_date (self->date_row, today);

  return ADW_DIALOG (self);
}

gboolean
signet_review_dialog_get_date (SignetReviewDialog  *self,
                               char               **iso,
                               GError             **error)
{
  g_return_val_if_fail (SIGNET_IS_REVIEW_DIALOG (self), FALSE);
  g_return_val_if_fail (iso != NULL, FALSE);

  return signet_date_entry_get_date (self->date_row, iso, error);
}

const char *
signet_review_dialog_get_note (SignetReviewDialog *self)
{
  g_return_val_if_fail (SIGNET_IS_REVIEW_DIALOG (self), NULL);

  return gtk_editable_get_text (self->note_row);
}

void
signet_review_dialog_set_checklist (SignetReviewDialog  *self,
                                    const char * const  *clauses)
{
  g_return_if_fail (SIGNET_IS_REVIEW_DIALOG (self));

  gtk_list_box_remove_all (self->checklist_list);
  g_ptr_array_set_size (self->checks, 0);

  for (guint i = 0; clauses != NULL && clauses[i] != NULL; i++)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();

      /* The clause is the user's text, never markup. */
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), clauses[i]);
      adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL, clauses[i], -1);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      gtk_list_box_append (self->checklist_list, row);
      g_ptr_array_add (self->checks, g_object_ref (check));
    }

  gtk_widget_set_visible (self->checklist_label, self->checks->len > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->checklist_list), self->checks->len > 0);
}

GPtrArray *
signet_review_dialog_dup_clauses (SignetReviewDialog *self)
{
  GPtrArray *clauses;

  g_return_val_if_fail (SIGNET_IS_REVIEW_DIALOG (self), NULL);

  clauses = g_ptr_array_new_with_free_func ((GDestroyNotify) signet_review_clause_free);
  for (guint i = 0; i < self->checks->len; i++)
    {
      GtkWidget *check = g_ptr_array_index (self->checks, i);
      GtkWidget *row = gtk_widget_get_ancestor (check, ADW_TYPE_ACTION_ROW);

      g_ptr_array_add (clauses,
                       signet_review_clause_new (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)),
                                                 gtk_check_button_get_active (GTK_CHECK_BUTTON (check))));
    }

  return clauses;
}
