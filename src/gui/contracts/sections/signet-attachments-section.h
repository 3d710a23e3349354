/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "signet-attachment.h"
#include "signet-contract-section.h"

G_BEGIN_DECLS

/* The files attached to one contract, on its page: add (file chooser or
 * drop), open, save out, replace with a new version, open an earlier
 * version, change role and description, delete with Undo.
 *
 * Emits "open-pdf" (SignetAttachment *attachment, gint64 version_id) for a
 * PDF to be shown in Signet's viewer; other files open in the default
 * application (through the portal inside the Flatpak). */
#define SIGNET_TYPE_ATTACHMENTS_SECTION (signet_attachments_section_get_type ())

G_DECLARE_FINAL_TYPE (SignetAttachmentsSection, signet_attachments_section, SIGNET, ATTACHMENTS_SECTION, SignetContractSection)

GtkWidget *signet_attachments_section_new             (void);
/* Reads and attaches @files (of GFile), one after another. */
void       signet_attachments_section_add_files       (SignetAttachmentsSection *self,
                                                       GSList                   *files);
/* How many attachments the shown contract has (for tests). */
guint      signet_attachments_section_get_n_attachments (SignetAttachmentsSection *self);

G_END_DECLS
