/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "signet-review-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "signet-date-entry.h"
#include "signet-error-dialog.h"
#include "signet-review-dialog.h"

struct _SignetReviewDialog
{
  AdwAlertDialog   parent_instance;

  SignetDateEntry *date_row;
  GtkEditable     *note_row;
};

G_DEFINE_FINAL_TYPE (SignetReviewDialog, signet_review_dialog, ADW_TYPE_ALERT_DIALOG)

static void
signet_review_dialog_class_init (SignetReviewDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  g_type_ensure (SIGNET_TYPE_DATE_ENTRY);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/signet-review-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, SignetReviewDialog, date_row);
  gtk_widget_class_bind_template_child (widget_class, SignetReviewDialog, note_row);
}

static void
signet_review_dialog_init (SignetReviewDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  signet_alert_dialog_wrap_heading (ADW_ALERT_DIALOG (self));
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
