/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "signet-store"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "signet-money.h"
#include "signet-store-events.h"
#include "signet-store-private.h"
#include "signet-store-rates.h"

/* Exchange rates (汇率) a user entered, so that the overview may add up
 * values in several currencies into one: one unit of currency is worth
 * rate_millionths / 1,000,000 units of base. Without a rate, totals stay
 * per currency; a total that used rates says which, and when they were
 * set. */

/* Version 22. */
gboolean
_signet_store_migrate_exchange_rates (SignetStore  *self,
                                      GError      **error)
{
  return _signet_store_exec (self,
    "CREATE TABLE exchange_rates ("
    "  currency TEXT NOT NULL CHECK (length (currency) = 3),"
    "  base TEXT NOT NULL CHECK (length (base) = 3 AND base <> currency),"
    "  rate_millionths INTEGER NOT NULL CHECK (rate_millionths > 0),"
    "  set_at TEXT NOT NULL,"
    "  set_by TEXT NOT NULL,"
    "  PRIMARY KEY (currency, base));",
    error);
}

void
signet_exchange_rate_free (SignetExchangeRate *rate)
{
  if (rate == NULL)
    return;

  g_free (rate->currency);
  g_free (rate->base);
  g_free (rate->set_at);
  g_free (rate->set_by);
  g_free (rate);
}

/* "1 USD = 7.1 CNY", in the register's words (not the user's language)
 * as every detail the audit log keeps. */
static char *
describe_rate (const char *currency,
               const char *base,
               gint64      rate_millionths)
{
  g_autofree char *fraction = g_strdup_printf ("%06" G_GINT64_FORMAT, rate_millionths % 1000000);
  gsize length = strlen (fraction);

  while (length > 1 && fraction[length - 1] == '0')
    fraction[--length] = '\0';

  return g_strdup_printf ("1 %s = %" G_GINT64_FORMAT ".%s %s",
                          currency, rate_millionths / 1000000, fraction, base);
}

static FieldList *
rate_fields (char *text)
{
  FieldList *fields = g_array_new (FALSE, FALSE, sizeof (FieldText));
  FieldText field = { SIGNET_FIELD_EXCHANGE_RATE, text, text };

  g_array_append_val (fields, field);

  return fields;
}

/* The stored rate of @currency in @base, or 0. */
static gint64
stored_rate (SignetStore  *self,
             const char   *currency,
             const char   *base,
             GError      **error)
{
  SignetDbStmt *stmt;
  gint64 rate = 0;
  int rc;

  stmt = _signet_store_statement (self,
                                  "SELECT rate_millionths FROM exchange_rates WHERE currency = ?1 AND base = ?2",
                                  error);
  if (stmt == NULL)
    return -1;

  signet_db_bind_static_text (stmt, 1, currency);
  signet_db_bind_static_text (stmt, 2, base);
  rc = signet_db_step (stmt);
  if (rc == SIGNET_DB_ROW)
    rate = signet_db_column_int64 (stmt, 0);
  signet_db_reset (stmt);

  if (rc != SIGNET_DB_ROW && rc != SIGNET_DB_DONE)
    {
      _signet_store_set_error (self, rc, error);
      return -1;
    }

  return rate;
}

gboolean
signet_store_set_exchange_rate (SignetStore  *self,
                                const char   *currency,
                                const char   *base,
                                gint64        rate_millionths,
                                GError      **error)
{
  g_auto(SignetWriteScope) scope = { 0 };
  g_autoptr(FieldList) before = NULL;
  g_autoptr(FieldList) after = NULL;
  g_autofree char *today = NULL;
  g_autofree char *label = NULL;
  SignetDbStmt *stmt;
  gint64 old_rate;

  g_return_val_if_fail (SIGNET_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (currency == NULL || !signet_currency_is_valid (currency))
    return _signet_set_field_error (error, SIGNET_FIELD_EXCHANGE_RATE, _("Choose the currency the rate is of."));
  if (base == NULL || !signet_currency_is_valid (base))
    return _signet_set_field_error (error, SIGNET_FIELD_EXCHANGE_RATE, _("Choose the currency the rate is in."));
  if (g_str_equal (currency, base))
    return _signet_set_field_error (error, SIGNET_FIELD_EXCHANGE_RATE,
                                    _("A rate converts one currency into another: choose two different ones."));
  if (rate_millionths <= 0)
    return _signet_set_field_error (error, SIGNET_FIELD_EXCHANGE_RATE, _("Enter a rate above zero."));

  if (!_signet_write_scope_begin (&scope, self, error))
    return FALSE;

  old_rate = stored_rate (self, currency, base, error);
  if (old_rate < 0)
    return FALSE;

  today = signet_store_dup_today (self);
  stmt = _signet_store_statement (self,
                                  "INSERT INTO exchange_rates (currency, base, rate_millionths, set_at, set_by) "
                                  "VALUES (?1, ?2, ?3, ?4, ?5) "
                                  "ON CONFLICT (currency, base) DO UPDATE SET rate_millionths = excluded.rate_millionths, "
                                  "set_at = excluded.set_at, set_by = excluded.set_by", error);
  if (stmt == NULL)
    return FALSE;
  signet_db_bind_static_text (stmt, 1, currency);
  signet_db_bind_static_text (stmt, 2, base);
  signet_db_bind_int64 (stmt, 3, rate_millionths);
  signet_db_bind_static_text (stmt, 4, today);
  signet_db_bind_text (stmt, 5, _signet_store_user_display_name ());
  if (!_signet_store_step_done (self, stmt, error))
    return FALSE;

  if (old_rate > 0)
    before = rate_fields (describe_rate (currency, base, old_rate));
  after = rate_fields (describe_rate (currency, base, rate_millionths));
  label = g_strdup_printf ("%s/%s", currency, base);

  return _signet_write_scope_audit (&scope, SIGNET_AUDIT_ACTION_SET_EXCHANGE_RATE, SIGNET_RECORD_EXCHANGE_RATE,
                                    0, label, before, after, error) &&
         _signet_write_scope_commit (&scope, error);
}

gboolean
signet_store_remove_exchange_rate (SignetStore  *self,
                                   const char   *currency,
                                   const char   *base,
                                   GError      **error)
{
  g_auto(SignetWriteScope) scope = { 0 };
  g_autoptr(FieldList) before = NULL;
  g_autofree char *label = NULL;
  SignetDbStmt *stmt;
  gint64 old_rate;

  g_return_val_if_fail (SIGNET_IS_STORE (self), FALSE);
  g_return_val_if_fail (currency != NULL && base != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!_signet_write_scope_begin (&scope, self, error))
    return FALSE;

  old_rate = stored_rate (self, currency, base, error);
  if (old_rate < 0)
    return FALSE;
  if (old_rate == 0)
    {
      /* Translators: two currency codes, "USD" and "CNY". */
      g_set_error (error, SIGNET_STORE_ERROR, SIGNET_STORE_ERROR_NOT_FOUND,
                   _("There is no rate of %s in %s to remove."), currency, base);
      return FALSE;
    }

  stmt = _signet_store_statement (self, "DELETE FROM exchange_rates WHERE currency = ?1 AND base = ?2", error);
  if (stmt == NULL)
    return FALSE;
  signet_db_bind_static_text (stmt, 1, currency);
  signet_db_bind_static_text (stmt, 2, base);
  if (!_signet_store_step_done (self, stmt, error))
    return FALSE;

  before = rate_fields (describe_rate (currency, base, old_rate));
  label = g_strdup_printf ("%s/%s", currency, base);

  return _signet_write_scope_audit (&scope, SIGNET_AUDIT_ACTION_REMOVE_EXCHANGE_RATE, SIGNET_RECORD_EXCHANGE_RATE,
                                    0, label, before, NULL, error) &&
         _signet_write_scope_commit (&scope, error);
}

GPtrArray *
signet_store_list_exchange_rates (SignetStore  *self,
                                  GError      **error)
{
  g_autoptr(GPtrArray) rates = g_ptr_array_new_with_free_func ((GDestroyNotify) signet_exchange_rate_free);
  SignetDbStmt *stmt;
  int rc;

  g_return_val_if_fail (SIGNET_IS_STORE (self), NULL);

  stmt = _signet_store_statement (self,
                                  "SELECT currency, base, rate_millionths, set_at, set_by FROM exchange_rates "
                                  "ORDER BY base, currency", error);
  if (stmt == NULL)
    return NULL;

  while ((rc = signet_db_step (stmt)) == SIGNET_DB_ROW)
    {
      SignetExchangeRate *rate = g_new0 (SignetExchangeRate, 1);

      rate->currency = _signet_store_dup_text (stmt, 0);
      rate->base = _signet_store_dup_text (stmt, 1);
      rate->rate_millionths = signet_db_column_int64 (stmt, 2);
      rate->set_at = _signet_store_dup_text (stmt, 3);
      rate->set_by = _signet_store_dup_text (stmt, 4);
      g_ptr_array_add (rates, rate);
    }
  signet_db_reset (stmt);

  if (rc != SIGNET_DB_DONE)
    {
      _signet_store_set_error (self, rc, error);
      return NULL;
    }

  return g_steal_pointer (&rates);
}
