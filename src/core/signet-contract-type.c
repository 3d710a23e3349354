/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "signet-contract-type"

#include "config.h"

#include "signet-contract-type.h"
#include "signet-date.h"

struct _SignetContractType
{
  GObject                 parent_instance;

  gint64                  id;
  gint64                  version;
  char                   *name;
  char                   *currency;
  char                   *department;
  int                     risk_level;
  int                     notice_days;
  SignetAutoRenewDefault  auto_renew;
  guint                   term_months;
  guint                   review_months;
  GPtrArray              *key_date_offsets;
  GStrv                   checklist;
};

G_DEFINE_FINAL_TYPE (SignetContractType, signet_contract_type, G_TYPE_OBJECT)

SignetKeyDateOffset *
signet_key_date_offset_new (SignetKeyDateKind  kind,
                            const char        *title,
                            guint              days)
{
  SignetKeyDateOffset *offset = g_new0 (SignetKeyDateOffset, 1);

  offset->kind = kind;
  offset->title = g_strdup (title);
  offset->days = days;

  return offset;
}

SignetKeyDateOffset *
signet_key_date_offset_copy (const SignetKeyDateOffset *offset)
{
  g_return_val_if_fail (offset != NULL, NULL);

  return signet_key_date_offset_new (offset->kind, offset->title, offset->days);
}

void
signet_key_date_offset_free (SignetKeyDateOffset *offset)
{
  if (offset == NULL)
    return;

  g_free (offset->title);
  g_free (offset);
}

static void
signet_contract_type_finalize (GObject *object)
{
  SignetContractType *self = (SignetContractType *) object;

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->currency, g_free);
  g_clear_pointer (&self->department, g_free);
  g_clear_pointer (&self->key_date_offsets, g_ptr_array_unref);
  g_clear_pointer (&self->checklist, g_strfreev);

  G_OBJECT_CLASS (signet_contract_type_parent_class)->finalize (object);
}

static void
signet_contract_type_class_init (SignetContractTypeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = signet_contract_type_finalize;
}

static void
signet_contract_type_init (SignetContractType *self)
{
  self->risk_level = -1;
  self->notice_days = -1;
  self->key_date_offsets = g_ptr_array_new_with_free_func ((GDestroyNotify) signet_key_date_offset_free);
  self->checklist = g_new0 (char *, 1);
}

SignetContractType *
signet_contract_type_new (const char *name)
{
  SignetContractType *self = g_object_new (SIGNET_TYPE_CONTRACT_TYPE, NULL);

  self->name = g_strdup (name);

  return self;
}

SignetContractType *
signet_contract_type_copy (SignetContractType *self)
{
  SignetContractType *copy;

  g_return_val_if_fail (SIGNET_IS_CONTRACT_TYPE (self), NULL);

  copy = signet_contract_type_new (self->name);
  copy->id = self->id;
  copy->version = self->version;
  copy->currency = g_strdup (self->currency);
  copy->department = g_strdup (self->department);
  copy->risk_level = self->risk_level;
  copy->notice_days = self->notice_days;
  copy->auto_renew = self->auto_renew;
  copy->term_months = self->term_months;
  copy->review_months = self->review_months;
  for (guint i = 0; i < self->key_date_offsets->len; i++)
    signet_contract_type_add_key_date_offset (copy, g_ptr_array_index (self->key_date_offsets, i));
  signet_contract_type_set_checklist (copy, (const char * const *) self->checklist);

  return copy;
}

gint64
signet_contract_type_get_id (SignetContractType *self)
{
  g_return_val_if_fail (SIGNET_IS_CONTRACT_TYPE (self), 0);

  return self->id;
}

void
signet_contract_type_set_id (SignetContractType *self,
                             gint64              id)
{
  g_return_if_fail (SIGNET_IS_CONTRACT_TYPE (self));

  self->id = id;
}

gint64
signet_contract_type_get_version (SignetContractType *self)
{
  g_return_val_if_fail (SIGNET_IS_CONTRACT_TYPE (self), 0);

  return self->version;
}

void
signet_contract_type_set_version (SignetContractType *self,
                                  gint64              version)
{
  g_return_if_fail (SIGNET_IS_CONTRACT_TYPE (self));

  self->version = version;
}

const char *
signet_contract_type_get_name (SignetContractType *self)
{
  g_return_val_if_fail (SIGNET_IS_CONTRACT_TYPE (self), NULL);

  return self->name;
}

void
signet_contract_type_set_name (SignetContractType *self,
                               const char         *name)
{
  g_return_if_fail (SIGNET_IS_CONTRACT_TYPE (self));

  g_set_str (&self->name, name);
}

const char *
signet_contract_type_get_currency (SignetContractType *self)
{
  g_return_val_if_fail (SIGNET_IS_CONTRACT_TYPE (self), NULL);

  return self->currency;
}

void
signet_contract_type_set_currency (SignetContractType *self,
                                   const char         *currency)
{
  g_return_if_fail (SIGNET_IS_CONTRACT_TYPE (self));

  g_set_str (&self->currency, currency != NULL && *currency != '\0' ? currency : NULL);
}

const char *
signet_contract_type_get_department (SignetContractType *self)
{
  g_return_val_if_fail (SIGNET_IS_CONTRACT_TYPE (self), NULL);

  return self->department;
}

void
signet_contract_type_set_department (SignetContractType *self,
                                     const char         *department)
{
  g_return_if_fail (SIGNET_IS_CONTRACT_TYPE (self));

  g_set_str (&self->department, department != NULL && *department != '\0' ? department : NULL);
}

int
signet_contract_type_get_risk_level (SignetContractType *self)
{
  g_return_val_if_fail (SIGNET_IS_CONTRACT_TYPE (self), -1);

  return self->risk_level;
}

void
signet_contract_type_set_risk_level (SignetContractType *self,
                                     int                 risk_level)
{
  g_return_if_fail (SIGNET_IS_CONTRACT_TYPE (self));
  g_return_if_fail (risk_level >= -1 && risk_level < SIGNET_N_RISK_LEVELS);

  self->risk_level = risk_level;
}

int
signet_contract_type_get_notice_days (SignetContractType *self)
{
  g_return_val_if_fail (SIGNET_IS_CONTRACT_TYPE (self), -1);

  return self->notice_days;
}

void
signet_contract_type_set_notice_days (SignetContractType *self,
                                      int                 notice_days)
{
  g_return_if_fail (SIGNET_IS_CONTRACT_TYPE (self));

  self->notice_days = MAX (notice_days, -1);
}

SignetAutoRenewDefault
signet_contract_type_get_auto_renew (SignetContractType *self)
{
  g_return_val_if_fail (SIGNET_IS_CONTRACT_TYPE (self), SIGNET_AUTO_RENEW_UNSET);

  return self->auto_renew;
}

void
signet_contract_type_set_auto_renew (SignetContractType     *self,
                                     SignetAutoRenewDefault  auto_renew)
{
  g_return_if_fail (SIGNET_IS_CONTRACT_TYPE (self));

  self->auto_renew = auto_renew;
}

guint
signet_contract_type_get_term_months (SignetContractType *self)
{
  g_return_val_if_fail (SIGNET_IS_CONTRACT_TYPE (self), 0);

  return self->term_months;
}

void
signet_contract_type_set_term_months (SignetContractType *self,
                                      guint               months)
{
  g_return_if_fail (SIGNET_IS_CONTRACT_TYPE (self));

  self->term_months = months;
}

guint
signet_contract_type_get_review_months (SignetContractType *self)
{
  g_return_val_if_fail (SIGNET_IS_CONTRACT_TYPE (self), 0);

  return self->review_months;
}

void
signet_contract_type_set_review_months (SignetContractType *self,
                                        guint               months)
{
  g_return_if_fail (SIGNET_IS_CONTRACT_TYPE (self));

  self->review_months = months;
}

GPtrArray *
signet_contract_type_get_key_date_offsets (SignetContractType *self)
{
  g_return_val_if_fail (SIGNET_IS_CONTRACT_TYPE (self), NULL);

  return self->key_date_offsets;
}

void
signet_contract_type_add_key_date_offset (SignetContractType        *self,
                                          const SignetKeyDateOffset *offset)
{
  g_return_if_fail (SIGNET_IS_CONTRACT_TYPE (self));
  g_return_if_fail (offset != NULL);

  g_ptr_array_add (self->key_date_offsets, signet_key_date_offset_copy (offset));
}

void
signet_contract_type_clear_key_date_offsets (SignetContractType *self)
{
  g_return_if_fail (SIGNET_IS_CONTRACT_TYPE (self));

  g_ptr_array_set_size (self->key_date_offsets, 0);
}

const char * const *
signet_contract_type_get_checklist (SignetContractType *self)
{
  g_return_val_if_fail (SIGNET_IS_CONTRACT_TYPE (self), NULL);

  return (const char * const *) self->checklist;
}

void
signet_contract_type_set_checklist (SignetContractType *self,
                                    const char * const *clauses)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_return_if_fail (SIGNET_IS_CONTRACT_TYPE (self));

  /* Blank lines of the text a user typed are no clauses. */
  for (guint i = 0; clauses != NULL && clauses[i] != NULL; i++)
    {
      g_autofree char *clause = g_strstrip (g_strdup (clauses[i]));

      if (*clause != '\0')
        g_strv_builder_add (builder, clause);
    }

  g_strfreev (self->checklist);
  self->checklist = g_strv_builder_end (builder);
}

char *
signet_contract_type_compute_end_date (SignetContractType *self,
                                       const char         *start)
{
  GDate date;

  g_return_val_if_fail (SIGNET_IS_CONTRACT_TYPE (self), NULL);

  if (self->term_months == 0 || !signet_date_parse (start, &date))
    return NULL;

  /* A term of a year from 1 March ends on the last day of February, as
   * the derived dates count terms. */
  if (!signet_date_add_months (&date, self->term_months) ||
      !signet_date_add_days (&date, -1) ||
      !signet_date_in_range (&date))
    return NULL;

  return signet_date_to_iso (&date);
}

void
signet_contract_type_apply (SignetContractType *self,
                            SignetContract     *contract)
{
  g_return_if_fail (SIGNET_IS_CONTRACT_TYPE (self));
  g_return_if_fail (SIGNET_IS_CONTRACT (contract));

  signet_contract_set_contract_type (contract, self->name);

  if (self->currency != NULL && (signet_contract_get_currency (contract) == NULL ||
                                 *signet_contract_get_currency (contract) == '\0'))
    signet_contract_set_currency (contract, self->currency);

  if (self->department != NULL && (signet_contract_get_department (contract) == NULL ||
                                   *signet_contract_get_department (contract) == '\0'))
    signet_contract_set_department (contract, self->department);

  if (self->risk_level >= 0 && signet_contract_get_risk_level (contract) == SIGNET_RISK_LEVEL_LOW)
    signet_contract_set_risk_level (contract, self->risk_level);

  if (self->notice_days >= 0 && signet_contract_get_notice_days (contract) == 0)
    signet_contract_set_notice_days (contract, self->notice_days);

  if (self->auto_renew == SIGNET_AUTO_RENEW_YES)
    signet_contract_set_auto_renew (contract, TRUE);

  if (signet_contract_get_end_date (contract) == NULL || *signet_contract_get_end_date (contract) == '\0')
    {
      g_autofree char *end = signet_contract_type_compute_end_date (self, signet_contract_get_start_date (contract));

      if (end != NULL)
        signet_contract_set_end_date (contract, end);
    }
}
