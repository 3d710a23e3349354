/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "signet-attachment.h"

G_BEGIN_DECLS

#define SIGNET_TYPE_ATTACHMENT_DETAILS_DIALOG (signet_attachment_details_dialog_get_type ())

G_DECLARE_FINAL_TYPE (SignetAttachmentDetailsDialog, signet_attachment_details_dialog,
                      SIGNET, ATTACHMENT_DETAILS_DIALOG, AdwAlertDialog)

/* Role and Description of an attached file: headed with its file name, its
 * role and description as stored in @attachment. It answers "save" or
 * "cancel"; Enter in the description saves, Escape cancels. */
AdwDialog            *signet_attachment_details_dialog_new             (SignetAttachment              *attachment);
SignetAttachment     *signet_attachment_details_dialog_get_attachment  (SignetAttachmentDetailsDialog *self);
/* The role and the description as chosen and written in the dialog. */
SignetAttachmentRole  signet_attachment_details_dialog_get_role        (SignetAttachmentDetailsDialog *self);
const char           *signet_attachment_details_dialog_get_description (SignetAttachmentDetailsDialog *self);

G_END_DECLS
