/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "signet-contract-type.h"
#include "signet-store.h"

G_BEGIN_DECLS

#define SIGNET_TYPE_CONTRACT_PAGE (signet_contract_page_get_type ())

G_DECLARE_FINAL_TYPE (SignetContractPage, signet_contract_page, SIGNET, CONTRACT_PAGE, GtkWidget)

/* The detail page: a form with every field of one contract, in groups of
 * rows, and its key dates, attachments and history below, with Delete,
 * Cancel and Save in a bar at its foot. It edits a copy; nothing reaches
 * the store before signet_contract_page_save(). The "dirty" property tells
 * whether the form differs from the contract. The window owns the
 * contract.save/cancel/delete actions its buttons use, and shows the
 * page's title above it. */
GtkWidget      *signet_contract_page_new          (void);
SignetStore    *signet_contract_page_get_store    (SignetContractPage *self);
void            signet_contract_page_set_store    (SignetContractPage *self,
                                                   SignetStore        *store);
/* The contract as stored (id 0 for a new one), or NULL when the page
 * shows nothing. */
SignetContract *signet_contract_page_get_contract (SignetContractPage *self);
/* Shows a copy of @contract (NULL: the empty state), dropping any edits. */
void            signet_contract_page_set_contract (SignetContractPage *self,
                                                   SignetContract     *contract);
/* The type of the new contract shown (set after it, which forgets the
 * type): its first save adds the type's key dates with it. */
void            signet_contract_page_set_new_contract_type (SignetContractPage *self,
                                                            SignetContractType *type);
gboolean        signet_contract_page_get_dirty    (SignetContractPage *self);
/* What to call the page: the stored title, else the number; "New
 * Contract" for one not saved yet; NULL without a contract. The "title"
 * property follows it. */
const char     *signet_contract_page_get_title    (SignetContractPage *self);
/* Adds the contract, or saves the fields the user changed over the
 * version the form loaded. A validation error is shown at its field, which
 * gets the focus; a contract changed elsewhere meanwhile
 * (SIGNET_STORE_ERROR_CONFLICT) is shown above the form, field by field,
 * for the user to reload or keep before saving again. @error gets either. */
gboolean        signet_contract_page_save         (SignetContractPage *self,
                                                   GError            **error);
/* Puts the form back to the stored contract. */
void            signet_contract_page_revert       (SignetContractPage *self);
/* Moves the focus to the first field worth typing in. */
void            signet_contract_page_focus_form   (SignetContractPage *self);

G_END_DECLS
