/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "signet-store-notice.h"

G_BEGIN_DECLS

#define SIGNET_TYPE_NOTICE_CHOICES (signet_notice_choices_get_type ())

G_DECLARE_FINAL_TYPE (SignetNoticeChoices, signet_notice_choices, SIGNET, NOTICE_CHOICES, GtkWidget)

/* Under a notice deadline in the agenda: the three choices a user has
 * there (Renew…, Let Expire, Terminate…), each a button that activates
 * its action for the contract and the deadline ("win.renew-contract" with
 * the contract's id; "agenda.let-expire" and "agenda.terminate" with
 * (id, deadline)), wrapping onto a second line when the row is narrow;
 * or, once one was taken, which and by whom instead of the buttons. */
GtkWidget  *signet_notice_choices_new     (void);
/* @decision (nullable): the one taken at @deadline. The buttons are
 * described by the contract's @number and the deadline, for a screen
 * reader, which reads "Renew…" alone otherwise. */
void        signet_notice_choices_set     (SignetNoticeChoices        *self,
                                           gint64                      contract_id,
                                           const char                 *number,
                                           const char                 *deadline,
                                           const SignetNoticeDecision *decision);

G_END_DECLS
