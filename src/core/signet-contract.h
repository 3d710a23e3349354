/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "signet-enums.h"

G_BEGIN_DECLS

#define SIGNET_TYPE_CONTRACT (signet_contract_get_type ())

G_DECLARE_FINAL_TYPE (SignetContract, signet_contract, SIGNET, CONTRACT, GObject)

/* A contract as a value: the store fills it in and takes it back. Dates are
 * "YYYY-MM-DD" strings or NULL; value is minor units of currency. An id of 0
 * means "not stored yet". client-name is read-only data joined in by the
 * store for display. */
SignetContract       *signet_contract_new                 (void);
SignetContract       *signet_contract_copy                (SignetContract       *self);
/* TRUE when every stored field is equal (the id and client-name included,
 * the version not: two reads of a record can hold the same data; nor the
 * uuid, which never changes while the id stays). */
gboolean              signet_contract_equal               (SignetContract       *self,
                                                           SignetContract       *other);
/* One field, as a save compares and merges them (see
 * signet_store_save_contract()). The value and its currency are one field,
 * SIGNET_FIELD_CONTRACT_VALUE (CURRENCY means the same), since an amount
 * means nothing in another currency; the notice period and auto-renew are
 * one, SIGNET_FIELD_CONTRACT_NOTICE_DAYS, as the audit log keeps them. The
 * client is compared by id; copying it copies its name too. */
gboolean              signet_contract_field_equal         (SignetContract       *self,
                                                           SignetContract       *other,
                                                           SignetField           field);
void                  signet_contract_copy_field          (SignetContract       *self,
                                                           SignetContract       *source,
                                                           SignetField           field);

gint64                signet_contract_get_id              (SignetContract       *self);
void                  signet_contract_set_id              (SignetContract       *self,
                                                           gint64                id);
/* How many times the stored record has been written: 1 when added, one
 * more with every write; 0 for a contract not stored yet. */
gint64                signet_contract_get_version         (SignetContract       *self);
void                  signet_contract_set_version         (SignetContract       *self,
                                                           gint64                version);
/* A random UUID the store gives the contract when it adds it, for as long
 * as the contract exists, in every register it is copied to; what calendar
 * files name its events by. NULL for a contract not stored yet: a contract
 * added with one (a restore, an import) keeps it. */
const char           *signet_contract_get_uuid            (SignetContract       *self);
void                  signet_contract_set_uuid            (SignetContract       *self,
                                                           const char           *uuid);
const char           *signet_contract_get_number          (SignetContract       *self);
void                  signet_contract_set_number          (SignetContract       *self,
                                                           const char           *number);
const char           *signet_contract_get_title           (SignetContract       *self);
void                  signet_contract_set_title           (SignetContract       *self,
                                                           const char           *title);
gint64                signet_contract_get_client_id       (SignetContract       *self);
void                  signet_contract_set_client_id       (SignetContract       *self,
                                                           gint64                client_id);
const char           *signet_contract_get_client_name     (SignetContract       *self);
void                  signet_contract_set_client_name     (SignetContract       *self,
                                                           const char           *client_name);
const char           *signet_contract_get_contract_type   (SignetContract       *self);
void                  signet_contract_set_contract_type   (SignetContract       *self,
                                                           const char           *contract_type);
const char           *signet_contract_get_owner           (SignetContract       *self);
void                  signet_contract_set_owner           (SignetContract       *self,
                                                           const char           *owner);
const char           *signet_contract_get_department      (SignetContract       *self);
void                  signet_contract_set_department      (SignetContract       *self,
                                                           const char           *department);
gint64                signet_contract_get_value           (SignetContract       *self);
void                  signet_contract_set_value           (SignetContract       *self,
                                                           gint64                minor_units);
const char           *signet_contract_get_currency        (SignetContract       *self);
void                  signet_contract_set_currency        (SignetContract       *self,
                                                           const char           *currency);
const char           *signet_contract_get_signing_date    (SignetContract       *self);
void                  signet_contract_set_signing_date    (SignetContract       *self,
                                                           const char           *date);
const char           *signet_contract_get_start_date      (SignetContract       *self);
void                  signet_contract_set_start_date      (SignetContract       *self,
                                                           const char           *date);
const char           *signet_contract_get_end_date        (SignetContract       *self);
void                  signet_contract_set_end_date        (SignetContract       *self,
                                                           const char           *date);
gboolean              signet_contract_get_auto_renew      (SignetContract       *self);
void                  signet_contract_set_auto_renew      (SignetContract       *self,
                                                           gboolean              auto_renew);
/* On a team register, a confidential contract is seen only by the people
 * named on it (its owner, approvers and those its records name); in a
 * file it is only recorded. */
gboolean              signet_contract_get_confidential    (SignetContract       *self);
void                  signet_contract_set_confidential    (SignetContract       *self,
                                                           gboolean              confidential);
guint                 signet_contract_get_notice_days     (SignetContract       *self);
void                  signet_contract_set_notice_days     (SignetContract       *self,
                                                           guint                 days);
SignetContractStatus  signet_contract_get_status          (SignetContract       *self);
void                  signet_contract_set_status          (SignetContract       *self,
                                                           SignetContractStatus  status);
SignetRiskLevel       signet_contract_get_risk_level      (SignetContract       *self);
void                  signet_contract_set_risk_level      (SignetContract       *self,
                                                           SignetRiskLevel       level);
/* Comma-separated, as typed ("IT, 年度框架"). */
const char           *signet_contract_get_tags            (SignetContract       *self);
void                  signet_contract_set_tags            (SignetContract       *self,
                                                           const char           *tags);
const char           *signet_contract_get_notes           (SignetContract       *self);
void                  signet_contract_set_notes           (SignetContract       *self,
                                                           const char           *notes);
/* What the contract process recorded (signet-contract-process.h): the
 * other party's signing date (ours is the signing date), and for a
 * terminated contract the reason's token and the day it takes effect. Only
 * signet_store_take_process_step() and an import write them; a form save
 * leaves them as stored. */
const char           *signet_contract_get_their_signing_date (SignetContract    *self);
void                  signet_contract_set_their_signing_date (SignetContract    *self,
                                                              const char        *date);
const char           *signet_contract_get_termination_reason (SignetContract    *self);
void                  signet_contract_set_termination_reason (SignetContract    *self,
                                                              const char        *token);
const char           *signet_contract_get_termination_date   (SignetContract    *self);
void                  signet_contract_set_termination_date   (SignetContract    *self,
                                                              const char        *date);

G_END_DECLS
