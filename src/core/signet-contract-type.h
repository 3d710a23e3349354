/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "signet-contract.h"
#include "signet-key-dates.h"

G_BEGIN_DECLS

/* A key date a contract of a type gets when it is first saved: "first
 * payment" (a payment) @days days after the contract's start. */
typedef struct
{
  SignetKeyDateKind  kind;     /* MILESTONE, PAYMENT or OTHER */
  char              *title;
  guint              days;     /* after the start date */
} SignetKeyDateOffset;

SignetKeyDateOffset *signet_key_date_offset_new  (SignetKeyDateKind          kind,
                                                  const char                *title,
                                                  guint                      days);
SignetKeyDateOffset *signet_key_date_offset_copy (const SignetKeyDateOffset *offset);
void                 signet_key_date_offset_free (SignetKeyDateOffset       *offset);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SignetKeyDateOffset, signet_key_date_offset_free)

/* Whether a type sets auto-renew on its contracts, and to what. */
typedef enum
{
  SIGNET_AUTO_RENEW_UNSET,
  SIGNET_AUTO_RENEW_NO,
  SIGNET_AUTO_RENEW_YES,
} SignetAutoRenewDefault;

/* A contract type (采购合同, 租赁合同, …): the standard template a new
 * contract of the type starts from. Its defaults fill a new contract's
 * empty fields, its key-date offsets become the contract's first key
 * dates, and its checklist is what a review of such a contract confirms.
 * A contract names its type by name (the contract_type field), so a
 * type with no defaults is only a name. A value object: the store fills
 * it in and takes it back. */
#define SIGNET_TYPE_CONTRACT_TYPE (signet_contract_type_get_type ())

G_DECLARE_FINAL_TYPE (SignetContractType, signet_contract_type, SIGNET, CONTRACT_TYPE, GObject)

SignetContractType    *signet_contract_type_new               (const char          *name);
SignetContractType    *signet_contract_type_copy              (SignetContractType  *self);

gint64                 signet_contract_type_get_id            (SignetContractType  *self);
void                   signet_contract_type_set_id            (SignetContractType  *self,
                                                               gint64               id);
/* 1 when added, one more with every write; 0 when not stored. */
gint64                 signet_contract_type_get_version       (SignetContractType  *self);
void                   signet_contract_type_set_version       (SignetContractType  *self,
                                                               gint64               version);
const char            *signet_contract_type_get_name          (SignetContractType  *self);
void                   signet_contract_type_set_name          (SignetContractType  *self,
                                                               const char          *name);
/* The defaults; NULL, a negative number, 0 months or UNSET when the type
 * leaves the field as it is. */
const char            *signet_contract_type_get_currency      (SignetContractType  *self);
void                   signet_contract_type_set_currency      (SignetContractType  *self,
                                                               const char          *currency);
const char            *signet_contract_type_get_department    (SignetContractType  *self);
void                   signet_contract_type_set_department    (SignetContractType  *self,
                                                               const char          *department);
/* A SignetRiskLevel, or -1. */
int                    signet_contract_type_get_risk_level    (SignetContractType  *self);
void                   signet_contract_type_set_risk_level    (SignetContractType  *self,
                                                               int                  risk_level);
/* Days, or -1. */
int                    signet_contract_type_get_notice_days   (SignetContractType  *self);
void                   signet_contract_type_set_notice_days   (SignetContractType  *self,
                                                               int                  notice_days);
SignetAutoRenewDefault signet_contract_type_get_auto_renew    (SignetContractType  *self);
void                   signet_contract_type_set_auto_renew    (SignetContractType  *self,
                                                               SignetAutoRenewDefault auto_renew);
guint                  signet_contract_type_get_term_months   (SignetContractType  *self);
void                   signet_contract_type_set_term_months   (SignetContractType  *self,
                                                               guint                months);
/* Months between the reviews of its contracts; 0 for the Preferences'
 * interval of the contract's risk level. */
guint                  signet_contract_type_get_review_months (SignetContractType  *self);
void                   signet_contract_type_set_review_months (SignetContractType  *self,
                                                               guint                months);
/* Of SignetKeyDateOffset; never NULL. */
GPtrArray             *signet_contract_type_get_key_date_offsets (SignetContractType *self);
void                   signet_contract_type_add_key_date_offset  (SignetContractType *self,
                                                                  const SignetKeyDateOffset *offset);
void                   signet_contract_type_clear_key_date_offsets (SignetContractType *self);
/* The clauses a review confirms; never NULL. */
const char * const    *signet_contract_type_get_checklist     (SignetContractType  *self);
void                   signet_contract_type_set_checklist     (SignetContractType  *self,
                                                               const char * const  *clauses);

/* Fills @contract, a new one, from the type: its type name always, and
 * each default into a field still empty (no currency, department or
 * notice period, auto-renew off, the risk level left low); the end date
 * becomes start + term − 1 day when the contract has a start and no end.
 * A field the user has set keeps its value. */
void                   signet_contract_type_apply             (SignetContractType  *self,
                                                               SignetContract      *contract);
/* The end date of a term of the type's length from @start (YYYY-MM-DD),
 * or NULL when the type has no term or the end would be out of range. */
char                  *signet_contract_type_compute_end_date  (SignetContractType  *self,
                                                               const char          *start);

G_END_DECLS
