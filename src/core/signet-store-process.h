/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "signet-contract-process.h"
#include "signet-store.h"

G_BEGIN_DECLS

/* The contract process in the register (signet-store-process.c): each
 * action taken is a process event, kept for as long as the contract. */

/* One event of a contract's process. A status changed before the process
 * existed (set in the form, read from the audit log by the migration) is
 * an event without an action: has_action is FALSE. */
typedef struct
{
  gint64               id;
  gint64               contract_id;
  gboolean             has_action;
  SignetProcessAction  action;
  SignetContractStatus from_status;
  SignetContractStatus to_status;
  char                *decided_by;         /* as named by the user; NULL: recorded_by decided */
  char                *recorded_by;        /* the OS user who recorded it */
  char                *at;                 /* ISO 8601, UTC */
  char                *comment;
  char                *our_signing_date;   /* MARK_SIGNED */
  char                *their_signing_date; /* MARK_SIGNED */
  char                *termination_reason; /* TERMINATE, CANCEL_DRAFT */
  char                *effective_date;     /* TERMINATE, CANCEL_DRAFT */
  char                *term_end;           /* RENEW_TACITLY: the end that passed */
  char                *new_term_end;       /* RENEW_TACITLY: the end of the term that followed */
} SignetProcessEvent;

void        signet_process_event_free          (SignetProcessEvent        *event);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SignetProcessEvent, signet_process_event_free)

/* Takes @step on the contract, if allowed (else SIGNET_FIELD_ERROR with the
 * field at fault, or SIGNET_STORE_ERROR_FAILED with the why sentence of
 * signet_process_action_allowed()), in one write scope: the status changes,
 * a process event row is stored, one audit entry of the action's own
 * SignetAuditAction, "changed::fields" for the contract. Checks the
 * contract's version like signet_store_save_contract() does
 * (SIGNET_STORE_ERROR_CONFLICT when it moved on since @expected_version). */
gboolean    signet_store_take_process_step     (SignetStore               *self,
                                                gint64                     contract_id,
                                                gint64                     expected_version,
                                                const SignetProcessStep   *step,
                                                GError                   **error);
/* For XML import: adds @event to the process of its contract (contract_id)
 * as an export wrote it, with its own recorded_by and time, without
 * changing the contract's status, which comes with the contract, and
 * without an audit entry: the event is history the contract brings. Its
 * tokens and dates are the importer's to check. */
gboolean    signet_store_import_process_event  (SignetStore               *self,
                                                const SignetProcessEvent  *event,
                                                GError                   **error);

/* The contract's process events, oldest first; of SignetProcessEvent. */
GPtrArray  *signet_store_list_process_events   (SignetStore               *self,
                                                gint64                     contract_id,
                                                GError                   **error);

G_END_DECLS
