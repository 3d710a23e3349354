/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "signet-amendments-section.h"
#include "signet-payments-section.h"
#include "signet-risks-section.h"
#include "signet-attachments-section.h"
#include "signet-conflict-panel.h"
#include "signet-history-section.h"
#include "signet-obligations-section.h"
#include "signet-reviews-section.h"
#include "signet-original-section.h"
#include "signet-contract-page.h"
#include "signet-date-entry.h"
#include "signet-form-row.h"
#include "signet-key-dates-section.h"
#include "signet-owner-row.h"
#include "signet-process-section.h"
#include "signet-renewals-section.h"

G_BEGIN_DECLS

/* Shared by signet-contract-page.c (loading, reading and saving the form),
 * signet-contract-page-form.c (building the form) and
 * signet-contract-page-conflicts.c (a save refused over someone else's
 * change). */

/* The contract fields are the SignetField values before the client ones. */
#define N_CONTRACT_FIELDS SIGNET_FIELD_CLIENT_NAME

struct _SignetContractPage
{
  GtkWidget       parent_instance;

  GtkStack       *stack;
  GtkScrolledWindow *scrolled_window;
  GtkBox         *form_box;
  GtkWidget      *delete_button;

  GtkEditable    *number_row;
  GtkEditable    *title_row;
  AdwComboRow    *client_row;
  GtkEditable    *type_row;
  SignetOwnerRow *owner_row;
  GtkEditable    *department_row;
  GtkEditable    *value_row;
  /* The currency's symbol beside the value, on the side the locale puts
   * it, and under the value, in the Chinese interface, its capitals. */
  GtkLabel       *value_symbol;
  AdwActionRow   *capitals_row;
  AdwComboRow    *currency_row;
  SignetDateEntry *signing_date_row;
  SignetDateEntry *start_date_row;
  SignetDateEntry *end_date_row;
  AdwSwitchRow   *auto_renew_row;
  AdwSwitchRow   *confidential_row;
  AdwSpinRow     *notice_days_row;
  AdwComboRow    *risk_row;
  GtkEditable    *tags_row;
  GtkTextView    *notes_view;
  SignetProcessSection *process_section;
  SignetKeyDatesSection *key_dates_section;
  SignetAttachmentsSection *attachments_section;
  SignetHistorySection *history_section;
  SignetAmendmentsSection *amendments_section;
  SignetPaymentsSection   *payments_section;
  SignetObligationsSection *obligations_section;
  SignetRisksSection      *risks_section;
  SignetOriginalSection   *original_section;
  SignetRenewalsSection   *renewals_section;
  SignetReviewsSection    *reviews_section;
  /* Over the form of a signed contract: why its terms are locked, and
   * its Amend… button. */
  GtkWidget      *lock_notice;
  GtkWidget      *lock_button;
  SignetConflictPanel *conflict_panel;
  /* Says that the contract was deleted elsewhere (see -conflicts.c). */
  GtkWidget      *deleted_notice;

  /* Per field: the row (or the notes) that gets the error style and the
   * focus, and the label under it that says what is wrong. */
  GtkWidget      *field_widgets[N_CONTRACT_FIELDS];
  GtkLabel       *error_labels[N_CONTRACT_FIELDS];

  SignetStore    *store;
  /* "None" and the register's clients, as the client row lists them. */
  GListModel     *clients;
  GtkStringList  *currencies;
  /* As stored, at the version the form saves over. */
  SignetContract *contract;
  /* While a refused save is being resolved: the form as the user had it
   * then, which Keep Mine puts back field by field. */
  SignetContract *mine;
  /* A new contract's type, whose key dates its first save adds. */
  SignetContractType *new_type;
  /* What the page shows: the contract's title, its number, or "New
   * Contract". */
  char           *title;

  gboolean        dirty;
  /* Set while the form is being filled in, so that doesn't count as edits. */
  guint           loading;
};

/* Lays out every field of the form in its groups of rows. */
void _signet_contract_page_build_form     (SignetContractPage *self);
/* The user changed the field @widget stands for. */
void _signet_contract_page_field_edited   (SignetContractPage *self,
                                           gpointer            widget);
/* Sets the widgets of @field (see signet_contract_field_equal()) to
 * @contract's value, as no edit of the user's. */
void _signet_contract_page_fill_field     (SignetContractPage *self,
                                           SignetContract     *contract,
                                           SignetField         field);
/* The contract the form describes, on a copy of self->contract. */
SignetContract *_signet_contract_page_read_form (SignetContractPage *self,
                                                 GError            **error);
void _signet_contract_page_update_dirty   (SignetContractPage *self);
/* The title: the stored title (or number). */
void _signet_contract_page_update_title   (SignetContractPage *self);

/* See signet-contract-page-locks.c: the banner of a signed contract's
 * locked terms, a row put over the form's fields, and the rows it locks, set
 * for the contract shown. */
void _signet_contract_page_build_locks    (SignetContractPage *self);
void _signet_contract_page_update_locks   (SignetContractPage *self);
/* Puts the focus on Amend… when the contract shown is locked: its first
 * field cannot take it. FALSE, nothing done, for any other contract. */
gboolean _signet_contract_page_focus_locks (SignetContractPage *self);

/* After a save refused with SIGNET_STORE_ERROR_CONFLICT: makes the stored
 * contract the form's new base and shows what changed, keeping @edited,
 * the form's values, in the form. FALSE with @error set when it shows a
 * choice to make (or the contract is gone); TRUE when nothing the user
 * sees changed elsewhere and the save can simply run again. */
gboolean _signet_contract_page_take_conflicts (SignetContractPage *self,
                                               SignetContract     *edited,
                                               GError            **error);
/* Adds the (hidden) conflict panel above the form. */
void _signet_contract_page_build_conflicts (SignetContractPage *self);
/* Forgets a conflict being resolved and hides it. */
void _signet_contract_page_drop_conflicts (SignetContractPage *self);
/* Someone else's write to the contract shown, seen as it lands: the page
 * with the user's edits shows at once what changed (as a refused save
 * would), and says so when the contract was deleted. */
void _signet_contract_page_meet_change    (SignetContractPage *self);
/* Says that the contract shown was deleted elsewhere, the form unchanged;
 * saving then adds it as a new contract. Set to FALSE when another
 * contract is shown. */
void _signet_contract_page_set_deleted    (SignetContractPage *self,
                                           gboolean            deleted);
gboolean _signet_contract_page_get_deleted (SignetContractPage *self);

G_END_DECLS
