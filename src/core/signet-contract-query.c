/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "signet-query"

#include "config.h"

#include <string.h>

#include "signet-contract-query.h"

struct _SignetContractQuery
{
  guint statuses;
  guint risk_levels;
  GStrv types;
  GStrv departments;
  GStrv currencies;
  GArray *owners;
  GArray *clients;
  char *date_from[SIGNET_N_QUERY_DATES];
  char *date_to[SIGNET_N_QUERY_DATES];
  int expiring_within;
  SignetContractFilter filters;
};

G_DEFINE_BOXED_TYPE (SignetContractQuery, signet_contract_query,
                     signet_contract_query_copy, signet_contract_query_free)

SignetContractQuery *
signet_contract_query_new (void)
{
  SignetContractQuery *self = g_new0 (SignetContractQuery, 1);

  self->owners = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->clients = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->expiring_within = -1;
  return self;
}

static GArray *
copy_ids (GArray *ids)
{
  GArray *copy = g_array_sized_new (FALSE, FALSE, sizeof (gint64), ids->len);

  g_array_append_vals (copy, ids->data, ids->len);
  return copy;
}

SignetContractQuery *
signet_contract_query_copy (const SignetContractQuery *self)
{
  SignetContractQuery *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = g_new0 (SignetContractQuery, 1);
  copy->statuses = self->statuses;
  copy->risk_levels = self->risk_levels;
  copy->types = g_strdupv (self->types);
  copy->departments = g_strdupv (self->departments);
  copy->currencies = g_strdupv (self->currencies);
  copy->owners = copy_ids (self->owners);
  copy->clients = copy_ids (self->clients);
  for (guint i = 0; i < SIGNET_N_QUERY_DATES; i++)
    {
      copy->date_from[i] = g_strdup (self->date_from[i]);
      copy->date_to[i] = g_strdup (self->date_to[i]);
    }
  copy->expiring_within = self->expiring_within;
  copy->filters = self->filters;
  return copy;
}

void
signet_contract_query_free (SignetContractQuery *self)
{
  if (self == NULL)
    return;

  g_strfreev (self->types);
  g_strfreev (self->departments);
  g_strfreev (self->currencies);
  g_array_unref (self->owners);
  g_array_unref (self->clients);
  for (guint i = 0; i < SIGNET_N_QUERY_DATES; i++)
    {
      g_free (self->date_from[i]);
      g_free (self->date_to[i]);
    }
  g_free (self);
}

static gboolean
strv_equal (GStrv a,
            GStrv b)
{
  if (a == NULL || b == NULL)
    return (a == NULL || a[0] == NULL) && (b == NULL || b[0] == NULL);
  return g_strv_equal ((const char * const *) a, (const char * const *) b);
}

static gboolean
ids_equal (GArray *a,
           GArray *b)
{
  return a->len == b->len &&
         memcmp (a->data, b->data, a->len * sizeof (gint64)) == 0;
}

gboolean
signet_contract_query_equal (const SignetContractQuery *a,
                             const SignetContractQuery *b)
{
  g_return_val_if_fail (a != NULL && b != NULL, FALSE);

  if (a->statuses != b->statuses || a->risk_levels != b->risk_levels ||
      a->expiring_within != b->expiring_within || a->filters != b->filters ||
      !strv_equal (a->types, b->types) || !strv_equal (a->departments, b->departments) ||
      !strv_equal (a->currencies, b->currencies) ||
      !ids_equal (a->owners, b->owners) || !ids_equal (a->clients, b->clients))
    return FALSE;
  for (guint i = 0; i < SIGNET_N_QUERY_DATES; i++)
    if (g_strcmp0 (a->date_from[i], b->date_from[i]) != 0 ||
        g_strcmp0 (a->date_to[i], b->date_to[i]) != 0)
      return FALSE;
  return TRUE;
}

gboolean
signet_contract_query_is_empty (const SignetContractQuery *self)
{
  g_autoptr(SignetContractQuery) empty = signet_contract_query_new ();

  g_return_val_if_fail (self != NULL, TRUE);

  return signet_contract_query_equal (self, empty);
}

guint
signet_contract_query_get_statuses (const SignetContractQuery *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->statuses;
}

void
signet_contract_query_set_statuses (SignetContractQuery *self,
                                    guint                statuses)
{
  g_return_if_fail (self != NULL);
  self->statuses = statuses & ((1u << SIGNET_N_CONTRACT_STATUSES) - 1);
}

guint
signet_contract_query_get_risk_levels (const SignetContractQuery *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->risk_levels;
}

void
signet_contract_query_set_risk_levels (SignetContractQuery *self,
                                       guint                risk_levels)
{
  g_return_if_fail (self != NULL);
  self->risk_levels = risk_levels & ((1u << SIGNET_N_RISK_LEVELS) - 1);
}

/* An empty set is kept as NULL, so that equal queries compare equal. */
static void
set_strv (GStrv              *field,
          const char * const *values)
{
  g_strfreev (*field);
  *field = (values != NULL && values[0] != NULL) ? g_strdupv ((GStrv) values) : NULL;
}

const char * const *
signet_contract_query_get_types (const SignetContractQuery *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return (const char * const *) self->types;
}

void
signet_contract_query_set_types (SignetContractQuery *self,
                                 const char * const  *types)
{
  g_return_if_fail (self != NULL);
  set_strv (&self->types, types);
}

const char * const *
signet_contract_query_get_departments (const SignetContractQuery *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return (const char * const *) self->departments;
}

void
signet_contract_query_set_departments (SignetContractQuery *self,
                                       const char * const  *departments)
{
  g_return_if_fail (self != NULL);
  set_strv (&self->departments, departments);
}

const char * const *
signet_contract_query_get_currencies (const SignetContractQuery *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return (const char * const *) self->currencies;
}

void
signet_contract_query_set_currencies (SignetContractQuery *self,
                                      const char * const  *currencies)
{
  g_return_if_fail (self != NULL);
  set_strv (&self->currencies, currencies);
}

const gint64 *
signet_contract_query_get_owners (const SignetContractQuery *self,
                                  guint                     *n)
{
  g_return_val_if_fail (self != NULL && n != NULL, NULL);
  *n = self->owners->len;
  return (const gint64 *) self->owners->data;
}

void
signet_contract_query_set_owners (SignetContractQuery *self,
                                  const gint64        *owners,
                                  guint                n)
{
  g_return_if_fail (self != NULL);
  g_array_set_size (self->owners, 0);
  g_array_append_vals (self->owners, owners, n);
}

const gint64 *
signet_contract_query_get_clients (const SignetContractQuery *self,
                                   guint                     *n)
{
  g_return_val_if_fail (self != NULL && n != NULL, NULL);
  *n = self->clients->len;
  return (const gint64 *) self->clients->data;
}

void
signet_contract_query_set_clients (SignetContractQuery *self,
                                   const gint64        *clients,
                                   guint                n)
{
  g_return_if_fail (self != NULL);
  g_array_set_size (self->clients, 0);
  g_array_append_vals (self->clients, clients, n);
}

void
signet_contract_query_get_date_range (const SignetContractQuery  *self,
                                      SignetQueryDate             field,
                                      const char                **from,
                                      const char                **to)
{
  g_return_if_fail (self != NULL && field < SIGNET_N_QUERY_DATES);
  if (from != NULL)
    *from = self->date_from[field];
  if (to != NULL)
    *to = self->date_to[field];
}

void
signet_contract_query_set_date_range (SignetContractQuery *self,
                                      SignetQueryDate      field,
                                      const char          *from,
                                      const char          *to)
{
  g_return_if_fail (self != NULL && field < SIGNET_N_QUERY_DATES);
  g_free (self->date_from[field]);
  g_free (self->date_to[field]);
  self->date_from[field] = (from != NULL && *from != '\0') ? g_strdup (from) : NULL;
  self->date_to[field] = (to != NULL && *to != '\0') ? g_strdup (to) : NULL;
}

int
signet_contract_query_get_expiring_within (const SignetContractQuery *self)
{
  g_return_val_if_fail (self != NULL, -1);
  return self->expiring_within;
}

void
signet_contract_query_set_expiring_within (SignetContractQuery *self,
                                           int                  days)
{
  g_return_if_fail (self != NULL);
  self->expiring_within = MAX (days, -1);
}

SignetContractFilter
signet_contract_query_get_filters (const SignetContractQuery *self)
{
  g_return_val_if_fail (self != NULL, SIGNET_CONTRACT_FILTER_NONE);
  return self->filters;
}

void
signet_contract_query_set_filters (SignetContractQuery  *self,
                                   SignetContractFilter  filters)
{
  g_return_if_fail (self != NULL);
  self->filters = filters;
}
