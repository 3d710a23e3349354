/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "signet-risk.h"
#include "signet-store.h"

G_BEGIN_DECLS

/* A contract's risk register (migration 18). Each write is one
 * transaction with an audit entry on the contract, announced as
 * "changed::risks" (SIGNET_STORE_CHANGED_RISKS) for it; a risk's next
 * review is one of the dates the contract's events come from. */

/* The contract's risks: the open ones first, then mitigated, then
 * closed; in each, the highest score first, then as added. */
GPtrArray             *signet_store_list_risks            (SignetStore                  *self,
                                                           gint64                        contract_id,
                                                           GError                      **error);
SignetRisk            *signet_store_get_risk              (SignetStore                  *self,
                                                           gint64                        id,
                                                           GError                      **error);
/* Adds @risk to its contract and sets its id, UUID (its own kept unless
 * another risk has it) and version. A field error names what is wrong: the
 * description (SIGNET_FIELD_RISK_DESCRIPTION), a likelihood or impact
 * outside 1 to 5, a next review that is no date, an owner or a clause
 * that is not in the register. */
gboolean               signet_store_add_risk              (SignetStore                  *self,
                                                           SignetRisk                   *risk,
                                                           GError                      **error);
/* Writes @risk over the stored one if that is still at @risk's version
 * (else SIGNET_STORE_ERROR_CONFLICT, nothing written); @risk gets the new
 * version. */
gboolean               signet_store_update_risk           (SignetStore                  *self,
                                                           SignetRisk                   *risk,
                                                           GError                      **error);
/* As signet_store_delete (self, SIGNET_TOMBSTONE_RISK, id, error), which
 * returns what Undo puts back. */
gboolean               signet_store_delete_risk           (SignetStore                  *self,
                                                           gint64                        id,
                                                           GError                      **error);

/* The contract's suggested level now (signet_risks_suggest_level() over
 * its risks): FALSE in *@has_suggestion when none is open. */
gboolean               signet_store_get_suggested_risk_level (SignetStore               *self,
                                                           gint64                        contract_id,
                                                           gboolean                     *has_suggestion,
                                                           SignetRiskLevel              *level,
                                                           GError                      **error);
/* Keeps the contract's risk level as it is against the suggestion, with
 * @reason (required: SIGNET_FIELD_RISK_LEVEL_REASON): the level and the
 * suggestion as they are at the write, the user and the time, replacing
 * any earlier choice; audited. Refused when there is no suggestion or it
 * is the contract's level already: there is nothing to keep then. */
gboolean               signet_store_keep_risk_level       (SignetStore                  *self,
                                                           gint64                        contract_id,
                                                           const char                   *reason,
                                                           GError                      **error);
/* The choice kept for the contract, whether it still holds or not (see
 * signet_risk_level_needs_notice()); NULL without an error when none was
 * kept. */
SignetRiskLevelChoice *signet_store_get_risk_level_choice (SignetStore                  *self,
                                                           gint64                        contract_id,
                                                           GError                      **error);
/* Stores @choice as it was recorded (an import: its time and who chose),
 * replacing the contract's; audited as keeping the level. */
gboolean               signet_store_put_risk_level_choice (SignetStore                  *self,
                                                           const SignetRiskLevelChoice  *choice,
                                                           GError                      **error);

G_END_DECLS
