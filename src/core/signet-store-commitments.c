/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "signet-store"

#include "config.h"

#include "signet-store-commitments.h"
#include "signet-store-current-terms.h"
#include "signet-store-private.h"

GHashTable *
signet_store_dup_ids_with_commitments (SignetStore  *self,
                                       GError      **error)
{
  g_autoptr(GHashTable) set = NULL;
  SignetDbStmt *stmt;
  int rc;

  g_return_val_if_fail (SIGNET_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stmt = _signet_store_statement (self,
                                  "SELECT contract_id FROM payments "
                                  "UNION SELECT contract_id FROM obligations "
                                  "UNION SELECT contract_id FROM risks "
                                  "UNION SELECT contract_id FROM loans",
                                  error);
  if (stmt == NULL)
    return NULL;

  set = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  while ((rc = signet_db_step (stmt)) == SIGNET_DB_ROW)
    {
      gint64 *id = g_new (gint64, 1);

      *id = signet_db_column_int64 (stmt, 0);
      g_hash_table_add (set, id);
    }
  signet_db_reset (stmt);

  if (rc != SIGNET_DB_DONE)
    {
      _signet_store_set_error (self, rc, error);
      return NULL;
    }

  return g_steal_pointer (&set);
}

/* The columns of a contract that a report shows, in the order
 * read_listed_row() reads them: the notes, the UUID and the like are
 * left in the file. The ids come as one JSON array, which json_each()
 * walks first (CROSS JOIN keeps it the outer loop), so the rows come in
 * the array's order, each found by its primary key. */
#define LISTED_CONTRACT_COLUMNS \
  "SELECT c.id, c.number, c.title, c.client_id, k.name, c.contract_type, c.owner, c.department, " \
  "c.value, c.currency, c.signing_date, c.start_date, c.end_date, c.auto_renew, " \
  "c.notice_days, c.status, c.risk_level, c.tags, c.termination_date "
#define SELECT_LISTED_CONTRACTS \
  LISTED_CONTRACT_COLUMNS \
  "FROM json_each (?1) j CROSS JOIN contracts c ON c.id = j.value " \
  "LEFT JOIN clients k ON k.id = c.client_id"
#define SELECT_LISTED_CONTRACTS_PG \
  LISTED_CONTRACT_COLUMNS \
  "FROM jsonb_array_elements_text (?1::jsonb) WITH ORDINALITY j (value, n) " \
  "JOIN contracts c ON c.id = j.value::bigint " \
  "LEFT JOIN clients k ON k.id = c.client_id ORDER BY j.n"

static SignetContract *
read_listed_row (SignetDbStmt *stmt)
{
  SignetContract *contract = signet_contract_new ();
  SignetContractStatus status = SIGNET_CONTRACT_STATUS_DRAFT;
  SignetRiskLevel risk = SIGNET_RISK_LEVEL_LOW;

  signet_contract_set_id (contract, signet_db_column_int64 (stmt, 0));
  signet_contract_set_number (contract, signet_db_column_text (stmt, 1));
  signet_contract_set_title (contract, signet_db_column_text (stmt, 2));
  signet_contract_set_client_id (contract, signet_db_column_int64 (stmt, 3));
  signet_contract_set_client_name (contract, signet_db_column_text (stmt, 4));
  signet_contract_set_contract_type (contract, signet_db_column_text (stmt, 5));
  signet_contract_set_owner (contract, signet_db_column_text (stmt, 6));
  signet_contract_set_department (contract, signet_db_column_text (stmt, 7));
  signet_contract_set_value (contract, signet_db_column_int64 (stmt, 8));
  signet_contract_set_currency (contract, signet_db_column_text (stmt, 9));
  signet_contract_set_signing_date (contract, signet_db_column_text (stmt, 10));
  signet_contract_set_start_date (contract, signet_db_column_text (stmt, 11));
  signet_contract_set_end_date (contract, signet_db_column_text (stmt, 12));
  signet_contract_set_auto_renew (contract, signet_db_column_int (stmt, 13));
  signet_contract_set_notice_days (contract, signet_db_column_int (stmt, 14));
  signet_contract_status_from_token (signet_db_column_text (stmt, 15), &status);
  signet_contract_set_status (contract, status);
  signet_risk_level_from_token (signet_db_column_text (stmt, 16), &risk);
  signet_contract_set_risk_level (contract, risk);
  signet_contract_set_tags (contract, signet_db_column_text (stmt, 17));
  signet_contract_set_termination_date (contract, signet_db_column_text (stmt, 18));

  return contract;
}

GPtrArray *
signet_store_read_listed_contracts (SignetStore   *self,
                                    const gint64  *ids,
                                    guint          n_ids,
                                    GError       **error)
{
  g_autoptr(GPtrArray) contracts = g_ptr_array_new_full (n_ids, g_object_unref);
  g_autoptr(GString) json = g_string_sized_new (n_ids * 8 + 2);
  SignetDbStmt *stmt;
  int rc;

  g_return_val_if_fail (SIGNET_IS_STORE (self), NULL);
  g_return_val_if_fail (ids != NULL || n_ids == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  g_string_append_c (json, '[');
  for (guint i = 0; i < n_ids; i++)
    {
      char digits[24];

      if (i > 0)
        g_string_append_c (json, ',');
      g_snprintf (digits, sizeof digits, "%" G_GINT64_FORMAT, ids[i]);
      g_string_append (json, digits);
    }
  g_string_append_c (json, ']');

  stmt = _signet_store_statement (self,
                                  _signet_store_sql (self, SELECT_LISTED_CONTRACTS, SELECT_LISTED_CONTRACTS_PG),
                                  error);
  if (stmt == NULL)
    return NULL;

  /* Once for all of them: signet_store_apply_current_terms() asks the
   * clock for today for each contract. */
  _signet_store_current_terms_ensure (self, NULL);

  signet_db_bind_text_len (stmt, 1, json->str, (int) json->len);
  while ((rc = signet_db_step (stmt)) == SIGNET_DB_ROW)
    {
      SignetContract *contract;

      /* A contract that is gone, or whose client is missing, is read
       * alone, for the error or the name the list gives it. */
      if (contracts->len >= n_ids || signet_db_column_int64 (stmt, 0) != ids[contracts->len] ||
          signet_db_column_type (stmt, 4) == SIGNET_DB_NULL)
        break;

      contract = read_listed_row (stmt);
      _signet_store_apply_listed_terms (self, contract);
      g_ptr_array_add (contracts, contract);
    }
  signet_db_reset (stmt);
  signet_db_clear_bindings (stmt);

  if (rc != SIGNET_DB_DONE && rc != SIGNET_DB_ROW)
    {
      _signet_store_set_error (self, rc, error);
      return NULL;
    }

  if (contracts->len < n_ids)
    {
      g_autoptr(SignetContract) contract = signet_store_get_listed_contract (self, ids[contracts->len], error);
      g_autoptr(GPtrArray) rest = NULL;

      if (contract == NULL)
        return NULL;
      signet_store_apply_current_terms (self, contract);
      g_ptr_array_add (contracts, g_steal_pointer (&contract));

      rest = signet_store_read_listed_contracts (self, ids + contracts->len, n_ids - contracts->len, error);
      if (rest == NULL)
        return NULL;
      g_ptr_array_extend_and_steal (contracts, g_steal_pointer (&rest));
    }

  return g_steal_pointer (&contracts);
}
