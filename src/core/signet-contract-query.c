/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "signet-query"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <gio/gio.h>
#include <glib/gi18n.h>

#include "signet-contract-query.h"
#include "signet-date.h"

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

/* The text form */

/* The keys, in the order they are written. Never translated: a saved
 * view's query and the XML keep them. */
static const char * const date_keys[SIGNET_N_QUERY_DATES] = {
  [SIGNET_QUERY_DATE_SIGNING] = "signed",
  [SIGNET_QUERY_DATE_START] = "start",
  [SIGNET_QUERY_DATE_END] = "end",
  [SIGNET_QUERY_DATE_NOTICE] = "notice",
  [SIGNET_QUERY_DATE_ENDED] = "ended",
};

static const struct
{
  SignetContractFilter  filter;
  const char           *token;
} filter_tokens[] = {
  { SIGNET_CONTRACT_FILTER_ON_LOAN, "on-loan" },
  { SIGNET_CONTRACT_FILTER_OPEN_REVIEW_FINDINGS, "open-review-findings" },
  { SIGNET_CONTRACT_FILTER_OVERDUE_PAYMENTS, "overdue-payments" },
  { SIGNET_CONTRACT_FILTER_OVERDUE_OBLIGATIONS, "overdue-obligations" },
  { SIGNET_CONTRACT_FILTER_OVERDUE_REVIEWS, "overdue-reviews" },
  { SIGNET_CONTRACT_FILTER_OVERDUE_LOANS, "overdue-loans" },
  { SIGNET_CONTRACT_FILTER_PENDING_APPROVALS, "pending-approvals" },
};

/* A value as written: the separators ";", "," and "=" and the escape "%"
 * percent-encoded, Chinese and every other letter as it is. */
static void
append_escaped (GString    *text,
                const char *value)
{
  g_autofree char *escaped = g_uri_escape_string (value, "!$&'()*+:@/ ", TRUE);

  g_string_append (text, escaped);
}

static void
append_key (GString    *text,
            const char *key)
{
  if (text->len > 0)
    g_string_append_c (text, ';');
  g_string_append_printf (text, "%s=", key);
}

static void
append_strv (GString    *text,
             const char *key,
             GStrv       values)
{
  if (values == NULL || values[0] == NULL)
    return;

  append_key (text, key);
  for (guint i = 0; values[i] != NULL; i++)
    {
      if (i > 0)
        g_string_append_c (text, ',');
      append_escaped (text, values[i]);
    }
}

static void
append_ids (GString    *text,
            const char *key,
            GArray     *ids)
{
  if (ids->len == 0)
    return;

  append_key (text, key);
  for (guint i = 0; i < ids->len; i++)
    g_string_append_printf (text, "%s%" G_GINT64_FORMAT, i > 0 ? "," : "", g_array_index (ids, gint64, i));
}

char *
signet_contract_query_to_string (const SignetContractQuery *self)
{
  GString *text;
  gboolean first;

  g_return_val_if_fail (self != NULL, NULL);

  text = g_string_new (NULL);

  if (self->statuses != 0)
    {
      append_key (text, "status");
      first = TRUE;
      for (guint status = 0; status < SIGNET_N_CONTRACT_STATUSES; status++)
        if (self->statuses & (1u << status))
          {
            g_string_append_printf (text, "%s%s", first ? "" : ",",
                                    signet_contract_status_to_token ((SignetContractStatus) status));
            first = FALSE;
          }
    }
  if (self->risk_levels != 0)
    {
      append_key (text, "risk");
      first = TRUE;
      for (guint level = 0; level < SIGNET_N_RISK_LEVELS; level++)
        if (self->risk_levels & (1u << level))
          {
            g_string_append_printf (text, "%s%s", first ? "" : ",",
                                    signet_risk_level_to_token ((SignetRiskLevel) level));
            first = FALSE;
          }
    }
  append_strv (text, "type", self->types);
  append_strv (text, "department", self->departments);
  append_strv (text, "currency", self->currencies);
  append_ids (text, "owner", self->owners);
  append_ids (text, "client", self->clients);
  for (guint i = 0; i < SIGNET_N_QUERY_DATES; i++)
    if (self->date_from[i] != NULL || self->date_to[i] != NULL)
      {
        append_key (text, date_keys[i]);
        g_string_append_printf (text, "%s..%s", self->date_from[i] ? self->date_from[i] : "",
                                self->date_to[i] ? self->date_to[i] : "");
      }
  if (self->expiring_within >= 0)
    {
      append_key (text, "expiring");
      g_string_append_printf (text, "%d", self->expiring_within);
    }
  if (self->filters != SIGNET_CONTRACT_FILTER_NONE)
    {
      append_key (text, "only");
      first = TRUE;
      for (guint i = 0; i < G_N_ELEMENTS (filter_tokens); i++)
        if (self->filters & filter_tokens[i].filter)
          {
            g_string_append_printf (text, "%s%s", first ? "" : ",", filter_tokens[i].token);
            first = FALSE;
          }
    }

  return g_string_free (text, FALSE);
}

static gboolean
bad_value (const char  *key,
           const char  *value,
           GError     **error)
{
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
               /* Translators: a saved view's filters could not be read; the first %s is
                * what was written, the second the filter's key ("status", "end"). */
               _("“%s” is not a valid value of the filter “%s”"), value, key);
  return FALSE;
}

/* @value split at ",", each part unescaped; NULL when one is empty or
 * not valid UTF-8. */
static GStrv
split_values (const char *value)
{
  g_auto(GStrv) parts = g_strsplit (value, ",", -1);
  g_autoptr(GStrvBuilder) values = g_strv_builder_new ();

  if (parts[0] == NULL)
    return NULL;

  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_autofree char *unescaped = g_uri_unescape_string (parts[i], NULL);

      if (unescaped == NULL || *unescaped == '\0' || !g_utf8_validate (unescaped, -1, NULL))
        return NULL;
      g_strv_builder_add (values, unescaped);
    }

  return g_strv_builder_end (values);
}

static gboolean
parse_ids (const char  *key,
           const char  *value,
           GArray      *ids,
           GError     **error)
{
  g_auto(GStrv) parts = g_strsplit (value, ",", -1);

  if (parts[0] == NULL)
    return bad_value (key, value, error);

  for (guint i = 0; parts[i] != NULL; i++)
    {
      guint64 parsed;
      gint64 id;

      if (!g_ascii_string_to_unsigned (parts[i], 10, 1, G_MAXINT64, &parsed, NULL))
        return bad_value (key, value, error);
      id = (gint64) parsed;
      g_array_append_val (ids, id);
    }

  return TRUE;
}

static gboolean
parse_range (SignetContractQuery  *self,
             SignetQueryDate       field,
             const char           *value,
             GError              **error)
{
  const char *dots = strstr (value, "..");
  g_autofree char *from = NULL;
  const char *to;

  if (dots == NULL)
    return bad_value (date_keys[field], value, error);

  from = g_strndup (value, dots - value);
  to = dots + 2;
  if ((*from != '\0' && !signet_date_is_valid (from)) ||
      (*to != '\0' && !signet_date_is_valid (to)) ||
      (*from == '\0' && *to == '\0'))
    return bad_value (date_keys[field], value, error);

  signet_contract_query_set_date_range (self, field, from, to);
  return TRUE;
}

static gboolean
parse_pair (SignetContractQuery  *self,
            const char           *key,
            const char           *value,
            GError              **error)
{
  g_auto(GStrv) values = NULL;

  if (g_str_equal (key, "status") || g_str_equal (key, "risk") || g_str_equal (key, "only"))
    {
      guint bits = 0;

      if (!(values = split_values (value)))
        return bad_value (key, value, error);
      for (guint i = 0; values[i] != NULL; i++)
        {
          SignetContractStatus status;
          SignetRiskLevel level;
          guint found = 0;

          if (g_str_equal (key, "status") && signet_contract_status_from_token (values[i], &status))
            found = 1u << status;
          else if (g_str_equal (key, "risk") && signet_risk_level_from_token (values[i], &level))
            found = 1u << level;
          else if (g_str_equal (key, "only"))
            for (guint f = 0; f < G_N_ELEMENTS (filter_tokens); f++)
              if (g_str_equal (values[i], filter_tokens[f].token))
                found = filter_tokens[f].filter;
          if (found == 0)
            return bad_value (key, values[i], error);
          bits |= found;
        }
      if (g_str_equal (key, "status"))
        self->statuses = bits;
      else if (g_str_equal (key, "risk"))
        self->risk_levels = bits;
      else
        self->filters = bits;
      return TRUE;
    }

  if (g_str_equal (key, "type") || g_str_equal (key, "department") || g_str_equal (key, "currency"))
    {
      if (!(values = split_values (value)))
        return bad_value (key, value, error);
      if (g_str_equal (key, "type"))
        signet_contract_query_set_types (self, (const char * const *) values);
      else if (g_str_equal (key, "department"))
        signet_contract_query_set_departments (self, (const char * const *) values);
      else
        {
          for (guint i = 0; values[i] != NULL; i++)
            if (strlen (values[i]) != 3)
              return bad_value (key, values[i], error);
          signet_contract_query_set_currencies (self, (const char * const *) values);
        }
      return TRUE;
    }

  if (g_str_equal (key, "owner"))
    return parse_ids (key, value, self->owners, error);
  if (g_str_equal (key, "client"))
    return parse_ids (key, value, self->clients, error);

  if (g_str_equal (key, "expiring"))
    {
      guint64 days;

      if (!g_ascii_string_to_unsigned (value, 10, 0, G_MAXINT, &days, NULL))
        return bad_value (key, value, error);
      self->expiring_within = (int) days;
      return TRUE;
    }

  for (guint i = 0; i < SIGNET_N_QUERY_DATES; i++)
    if (g_str_equal (key, date_keys[i]))
      return parse_range (self, i, value, error);

  g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
               /* Translators: a saved view's filters could not be read; %s is a name
                * in them that this version of Signet does not know. */
               _("Unknown filter “%s”"), key);
  return FALSE;
}

SignetContractQuery *
signet_contract_query_new_from_string (const char  *text,
                                       GError     **error)
{
  g_autoptr(SignetContractQuery) self = signet_contract_query_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_auto(GStrv) pairs = NULL;

  g_return_val_if_fail (text != NULL, NULL);

  pairs = g_strsplit (text, ";", -1);
  for (guint i = 0; pairs[i] != NULL; i++)
    {
      g_autofree char *key = NULL;
      g_autofree char *value = NULL;
      const char *equals;

      /* Spaces and an empty pair, as a hand-written file may hold. */
      g_strstrip (pairs[i]);
      if (*pairs[i] == '\0')
        continue;

      equals = strchr (pairs[i], '=');
      if (equals == NULL)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       /* Translators: a saved view's filters could not be read; %s is
                        * a part of them that is not "name=value". */
                       _("“%s” is not a filter: a filter is written “name=value”"), pairs[i]);
          return NULL;
        }

      key = g_strstrip (g_strndup (pairs[i], equals - pairs[i]));
      if (g_hash_table_contains (seen, key))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       /* Translators: a saved view's filters could not be read; %s is the
                        * filter's name ("status", "end"). */
                       _("The filter “%s” is given twice"), key);
          return NULL;
        }

      value = g_strstrip (g_strdup (equals + 1));
      if (!parse_pair (self, key, value, error))
        return NULL;
      g_hash_table_add (seen, g_steal_pointer (&key));
    }

  return g_steal_pointer (&self);
}
