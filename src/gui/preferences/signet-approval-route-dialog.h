/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "signet-approval.h"

G_BEGIN_DECLS

#define SIGNET_TYPE_APPROVAL_ROUTE_DIALOG (signet_approval_route_dialog_get_type ())

G_DECLARE_FINAL_TYPE (SignetApprovalRouteDialog, signet_approval_route_dialog, SIGNET, APPROVAL_ROUTE_DIALOG, AdwDialog)

/* Adds an approval route (@route NULL) or edits @route: its name and its
 * ordered steps, each a name, a person of @people (SignetPerson) or a
 * role, and the working days it has to decide. Save emits "save"; the
 * caller writes the route and closes the dialog, or shows why not with
 * signet_approval_route_dialog_show_error(). The dialog knows no store. */
AdwDialog           *signet_approval_route_dialog_new        (const SignetApprovalRoute *route,
                                                              GListModel                *people);
/* What the fields say, with the id, uuid and version of the route edited. */
SignetApprovalRoute *signet_approval_route_dialog_dup_route  (SignetApprovalRouteDialog *self);
void                 signet_approval_route_dialog_show_error (SignetApprovalRouteDialog *self,
                                                              const GError              *error);

G_END_DECLS
