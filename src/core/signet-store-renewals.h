/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "signet-renewal.h"
#include "signet-store.h"

G_BEGIN_DECLS

/* Renewals in the register (migration 14, signet-store-renewals.c): a
 * successor knows its predecessor, and a contract has at most one
 * successor. Renew… makes the successor and the predecessor Renewed in one
 * write. */

/* One contract of a renewal chain. */
typedef struct
{
  gint64  id;
  char   *number;
  char   *title;
  char   *start_date;
  char   *end_date;
} SignetRenewalLink;

void            signet_renewal_link_free             (SignetRenewalLink  *link);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SignetRenewalLink, signet_renewal_link_free)

/* The successor as Renew… proposes it: a new contract, not stored (id 0, a
 * draft), numbered by @number_pattern (signet_store_next_contract_number()),
 * with the client, type, title, owner, department, risk level, currency,
 * value, notice period, auto-renew and tags of @contract_id's current
 * terms (every amendment applied), and the term after its current one
 * (signet_renewal_successor_dates(); none when it cannot be computed).
 * Notes, signing dates, files, key dates and reviews are its own.
 * SIGNET_PROCESS_ERROR_NOT_ALLOWED with the why sentence of
 * signet_process_action_allowed() when the contract cannot be renewed (a
 * draft, a terminated or a renewed one). */
SignetContract *signet_store_propose_renewal         (SignetStore        *self,
                                                      gint64              contract_id,
                                                      const char         *number_pattern,
                                                      GError            **error);
/* Renews @contract_id in one write: @successor is added as a draft (with
 * the key dates of its contract type after its start, as
 * signet_store_add_contract_of_type() adds them), the predecessor becomes
 * Renewed, each gets a process event (SIGNET_PROCESS_ACTION_RENEW, with
 * @decided_by and @comment, both nullable), the link is stored, and both
 * get audit entries: the predecessor's "Renewed" names the successor's
 * number, the successor's "Renewal of" the predecessor's ("changed::fields"
 * for both, "changed::renewals" for the successor). Sets @successor's id,
 * version and UUID. Refusals write nothing: not allowed now
 * (SIGNET_PROCESS_ERROR_NOT_ALLOWED), the predecessor changed since
 * @expected_version (SIGNET_STORE_ERROR_CONFLICT), or a field of
 * @successor (SIGNET_FIELD_ERROR, as signet_store_add_contract()). */
gboolean        signet_store_renew_contract          (SignetStore        *self,
                                                      gint64              contract_id,
                                                      gint64              expected_version,
                                                      SignetContract     *successor,
                                                      const char         *decided_by,
                                                      const char         *comment,
                                                      GError            **error);
/* The renewal chain @contract_id is part of, oldest first, itself
 * included (alone when it has no renewal); of SignetRenewalLink. A
 * deleted contract ends the chain where it stood; a deleted @contract_id
 * has none (an empty array). */
GPtrArray      *signet_store_get_renewal_chain       (SignetStore        *self,
                                                      gint64              contract_id,
                                                      GError            **error);
/* The contract @contract_id renews, or the one that renews it; 0 for none
 * (or a deleted one). */
gint64          signet_store_get_renewal_predecessor (SignetStore        *self,
                                                      gint64              contract_id,
                                                      GError            **error);
gint64          signet_store_get_renewal_successor   (SignetStore        *self,
                                                      gint64              contract_id,
                                                      GError            **error);

/* One renewal link as the XML format carries it: the successor, its
 * predecessor and that one's UUID, and when the renewal was recorded
 * (UTC). */
typedef struct
{
  gint64  successor_id;
  gint64  predecessor_id;
  char   *predecessor_uuid;
  char   *at;
} SignetRenewalRecord;

void            signet_renewal_record_free           (SignetRenewalRecord *record);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SignetRenewalRecord, signet_renewal_record_free)

/* For XML export: every link between two contracts that are there, of
 * SignetRenewalRecord, by successor. */
GPtrArray      *signet_store_list_renewal_records    (SignetStore        *self,
                                                      GError            **error);
/* For XML import: stores the link of @record (its successor_id,
 * predecessor_id and at) as an export wrote it, without a status change,
 * process event or audit entry: those come with the contracts. TRUE
 * without a write when the link is there already; refused
 * (SIGNET_FIELD_ERROR, SIGNET_FIELD_CONTRACT_NUMBER) when either contract
 * has another link, or they are one contract. */
gboolean        signet_store_import_renewal_record   (SignetStore               *self,
                                                      const SignetRenewalRecord *record,
                                                      GError                   **error);

G_END_DECLS
