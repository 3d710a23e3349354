/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "signet-attachment-details-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "signet-attachment-details-dialog.h"
#include "signet-error-dialog.h"

struct _SignetAttachmentDetailsDialog
{
  AdwAlertDialog    parent_instance;

  AdwComboRow      *role_row;
  GtkEditable      *description_row;

  SignetAttachment *attachment;
};

G_DEFINE_FINAL_TYPE (SignetAttachmentDetailsDialog, signet_attachment_details_dialog, ADW_TYPE_ALERT_DIALOG)

enum {
  PROP_0,
  PROP_ATTACHMENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Shows the stored details of @attachment, given once at construction
 * (NULL when none is given: the dialog then stays empty). */
static void
set_attachment (SignetAttachmentDetailsDialog *self,
                SignetAttachment              *attachment)
{
  const char *description;

  g_assert (self->attachment == NULL);

  if (attachment == NULL)
    return;

  self->attachment = g_object_ref (attachment);
  description = signet_attachment_get_description (attachment);
  adw_alert_dialog_set_heading (ADW_ALERT_DIALOG (self), signet_attachment_get_file_name (attachment));
  adw_combo_row_set_selected (self->role_row, signet_attachment_get_role (attachment));
  gtk_editable_set_text (self->description_row, description != NULL ? description : "");
}

static void
signet_attachment_details_dialog_get_property (GObject    *object,
                                               guint       prop_id,
                                               GValue     *value,
                                               GParamSpec *pspec)
{
  SignetAttachmentDetailsDialog *self = SIGNET_ATTACHMENT_DETAILS_DIALOG (object);

  switch (prop_id)
    {
    case PROP_ATTACHMENT:
      g_value_set_object (value, self->attachment);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
signet_attachment_details_dialog_set_property (GObject      *object,
                                               guint         prop_id,
                                               const GValue *value,
                                               GParamSpec   *pspec)
{
  SignetAttachmentDetailsDialog *self = SIGNET_ATTACHMENT_DETAILS_DIALOG (object);

  switch (prop_id)
    {
    case PROP_ATTACHMENT:
      set_attachment (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
signet_attachment_details_dialog_dispose (GObject *object)
{
  SignetAttachmentDetailsDialog *self = SIGNET_ATTACHMENT_DETAILS_DIALOG (object);

  g_clear_object (&self->attachment);

  G_OBJECT_CLASS (signet_attachment_details_dialog_parent_class)->dispose (object);
}

static void
signet_attachment_details_dialog_class_init (SignetAttachmentDetailsDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = signet_attachment_details_dialog_get_property;
  object_class->set_property = signet_attachment_details_dialog_set_property;
  object_class->dispose = signet_attachment_details_dialog_dispose;

  /* The attached file the dialog is about; its role and description as
   * stored are what the dialog starts with. */
  properties[PROP_ATTACHMENT] =
    g_param_spec_object ("attachment", NULL, NULL, SIGNET_TYPE_ATTACHMENT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/signet-attachment-details-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, SignetAttachmentDetailsDialog, role_row);
  gtk_widget_class_bind_template_child (widget_class, SignetAttachmentDetailsDialog, description_row);
}

static void
signet_attachment_details_dialog_init (SignetAttachmentDetailsDialog *self)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));
  signet_alert_dialog_wrap_heading (ADW_ALERT_DIALOG (self));

  for (guint i = 0; i < SIGNET_N_ATTACHMENT_ROLES; i++)
    gtk_string_list_append (labels, signet_attachment_role_to_label (i));
  adw_combo_row_set_model (self->role_row, G_LIST_MODEL (labels));
}

AdwDialog *
signet_attachment_details_dialog_new (SignetAttachment *attachment)
{
  g_return_val_if_fail (SIGNET_IS_ATTACHMENT (attachment), NULL);

  return g_object_new (SIGNET_TYPE_ATTACHMENT_DETAILS_DIALOG, "attachment", attachment, NULL);
}

SignetAttachment *
signet_attachment_details_dialog_get_attachment (SignetAttachmentDetailsDialog *self)
{
  g_return_val_if_fail (SIGNET_IS_ATTACHMENT_DETAILS_DIALOG (self), NULL);

  return self->attachment;
}

SignetAttachmentRole
signet_attachment_details_dialog_get_role (SignetAttachmentDetailsDialog *self)
{
  g_return_val_if_fail (SIGNET_IS_ATTACHMENT_DETAILS_DIALOG (self), SIGNET_ATTACHMENT_ROLE_OTHER);

  return MIN (adw_combo_row_get_selected (self->role_row), SIGNET_N_ATTACHMENT_ROLES - 1);
}

const char *
signet_attachment_details_dialog_get_description (SignetAttachmentDetailsDialog *self)
{
  g_return_val_if_fail (SIGNET_IS_ATTACHMENT_DETAILS_DIALOG (self), NULL);

  return gtk_editable_get_text (self->description_row);
}
