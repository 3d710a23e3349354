/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "signet-store"

#include "config.h"

#include <glib/gi18n.h>

#include "signet-contract-process.h"
#include "signet-date.h"
#include "signet-store-amendments.h"
#include "signet-store-private.h"
#include "signet-store-process.h"
#include "signet-store-renewals.h"
#include "signet-store-types.h"

/* Renewals (续约): the table renewals links a successor to the contract it
 * renews. The predecessor is the key, so a contract has at most one
 * successor; the successor is unique, so it renews one contract. No
 * foreign keys, as key dates have none: a deleted contract's link waits
 * under its id and is whole again when Undo brings the contract back. */

/* A chain longer than this is a damaged register, not a history. */
#define MAX_CHAIN 10000

/* Version 14. A renewed contract is no longer in force from this version
 * on (its successor is): the calendar's index is left to be derived
 * again, without the notice deadlines and reviews of the renewed ones. */
gboolean
_signet_store_migrate_renewals (SignetStore  *self,
                                GError      **error)
{
  return _signet_store_exec (self,
    "CREATE TABLE renewals ("
    "  predecessor_id INTEGER PRIMARY KEY,"
    "  successor_id INTEGER NOT NULL UNIQUE,"
    "  at TEXT NOT NULL,"
    "  CHECK (predecessor_id <> successor_id));"
    "DELETE FROM contract_events WHERE contract_id = 0;",
    error);
}

void
signet_renewal_link_free (SignetRenewalLink *link)
{
  if (link == NULL)
    return;

  g_free (link->number);
  g_free (link->title);
  g_free (link->start_date);
  g_free (link->end_date);
  g_free (link);
}

/* Far enough that every amendment of a contract is in force. */
static SignetContract *
current_terms (SignetStore  *self,
               gint64        contract_id,
               GError      **error)
{
  return signet_store_get_contract_terms (self, contract_id, SIGNET_DATE_MAX, NULL, NULL, error);
}

static gboolean
check_renewable (SignetContract  *contract,
                 GError         **error)
{
  const char *why = NULL;

  if (signet_process_action_allowed (SIGNET_PROCESS_ACTION_RENEW, contract, &why))
    return TRUE;

  g_set_error_literal (error, SIGNET_PROCESS_ERROR, SIGNET_PROCESS_ERROR_NOT_ALLOWED, why);

  return FALSE;
}

SignetContract *
signet_store_propose_renewal (SignetStore  *self,
                              gint64        contract_id,
                              const char   *number_pattern,
                              GError      **error)
{
  g_autoptr(SignetContract) terms = NULL;
  g_autofree char *number = NULL;
  g_autofree char *start = NULL;
  g_autofree char *end = NULL;
  SignetContract *successor;

  g_return_val_if_fail (SIGNET_IS_STORE (self), NULL);
  g_return_val_if_fail (number_pattern != NULL, NULL);

  if (!(terms = current_terms (self, contract_id, error)) ||
      !check_renewable (terms, error) ||
      !(number = signet_store_next_contract_number (self, number_pattern, error)))
    return NULL;

  successor = signet_contract_new ();
  signet_contract_set_number (successor, number);
  signet_contract_set_status (successor, SIGNET_CONTRACT_STATUS_DRAFT);
  signet_contract_set_client_id (successor, signet_contract_get_client_id (terms));
  signet_contract_set_client_name (successor, signet_contract_get_client_name (terms));
  signet_contract_set_contract_type (successor, signet_contract_get_contract_type (terms));
  signet_contract_set_title (successor, signet_contract_get_title (terms));
  signet_contract_set_owner (successor, signet_contract_get_owner (terms));
  signet_contract_set_department (successor, signet_contract_get_department (terms));
  signet_contract_set_risk_level (successor, signet_contract_get_risk_level (terms));
  signet_contract_set_currency (successor, signet_contract_get_currency (terms));
  signet_contract_set_value (successor, signet_contract_get_value (terms));
  signet_contract_set_notice_days (successor, signet_contract_get_notice_days (terms));
  signet_contract_set_auto_renew (successor, signet_contract_get_auto_renew (terms));
  signet_contract_set_tags (successor, signet_contract_get_tags (terms));
  signet_contract_set_confidential (successor, signet_contract_get_confidential (terms));

  if (signet_renewal_successor_dates (signet_contract_get_start_date (terms), signet_contract_get_end_date (terms),
                                      &start, &end))
    {
      signet_contract_set_start_date (successor, start);
      signet_contract_set_end_date (successor, end);
    }

  return successor;
}

static gint64
linked (SignetStore  *self,
        const char   *sql,
        gint64        contract_id,
        GError      **error)
{
  SignetDbStmt *stmt = _signet_store_statement (self, sql, error);
  gint64 id = 0;
  int rc;

  if (stmt == NULL)
    return -1;

  signet_db_bind_int64 (stmt, 1, contract_id);
  rc = signet_db_step (stmt);
  if (rc == SIGNET_DB_ROW)
    id = signet_db_column_int64 (stmt, 0);
  signet_db_reset (stmt);

  if (rc != SIGNET_DB_ROW && rc != SIGNET_DB_DONE)
    {
      _signet_store_set_error (self, rc, error);
      return -1;
    }

  return id;
}

/* Only contracts that are there: a deleted one has no link a user sees. */
#define PREDECESSOR_SQL \
  "SELECT r.predecessor_id FROM renewals r JOIN contracts c ON c.id = r.predecessor_id WHERE r.successor_id = ?"
#define SUCCESSOR_SQL \
  "SELECT r.successor_id FROM renewals r JOIN contracts c ON c.id = r.successor_id WHERE r.predecessor_id = ?"

gint64
signet_store_get_renewal_predecessor (SignetStore  *self,
                                      gint64        contract_id,
                                      GError      **error)
{
  g_return_val_if_fail (SIGNET_IS_STORE (self), 0);

  return MAX (linked (self, PREDECESSOR_SQL, contract_id, error), 0);
}

gint64
signet_store_get_renewal_successor (SignetStore  *self,
                                    gint64        contract_id,
                                    GError      **error)
{
  g_return_val_if_fail (SIGNET_IS_STORE (self), 0);

  return MAX (linked (self, SUCCESSOR_SQL, contract_id, error), 0);
}

static gboolean
process_event (SignetStore          *self,
               gint64                contract_id,
               SignetContractStatus  from,
               SignetContractStatus  to,
               const char           *decided_by,
               const char           *comment,
               GError              **error)
{
  SignetProcessStep step = {
    .action = SIGNET_PROCESS_ACTION_RENEW,
    .decided_by = (char *) decided_by,
    .comment = (char *) comment,
  };

  return _signet_store_insert_process_event (self, contract_id, &step, from, to, NULL, error);
}

/* The successor with its type's key dates, when its type is one of the
 * register's. */
static gboolean
insert_successor (SignetWriteScope  *scope,
                  SignetContract    *successor,
                  gint64            *id,
                  char             **uuid,
                  GError           **error)
{
  g_autoptr(SignetContractType) type = NULL;
  g_autoptr(GError) local_error = NULL;
  const char *type_name = signet_contract_get_contract_type (successor);

  if (type_name != NULL && *type_name != '\0')
    type = signet_store_find_contract_type (scope->store, type_name, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  return _signet_store_insert_contract (scope, successor, id, uuid, error) &&
         (type == NULL || _signet_store_insert_type_key_dates (scope, successor, *id, type, error));
}

gboolean
signet_store_renew_contract (SignetStore     *self,
                             gint64           contract_id,
                             gint64           expected_version,
                             SignetContract  *successor,
                             const char      *decided_by,
                             const char      *comment,
                             GError         **error)
{
  g_auto(SignetWriteScope) scope = { 0 };
  g_autoptr(SignetContract) current = NULL;
  g_autofree char *uuid = NULL;
  g_autofree char *now = NULL;
  SignetContractStatus from;
  SignetAttachmentChange renewed[2];
  SignetAttachmentChange renewal_of;
  SignetDbStmt *stmt;
  gint64 id;

  g_return_val_if_fail (SIGNET_IS_STORE (self), FALSE);
  g_return_val_if_fail (SIGNET_IS_CONTRACT (successor), FALSE);

  if (!_signet_write_scope_begin (&scope, self, error) ||
      !_signet_store_lock_row (self, "SELECT id FROM contracts WHERE id = ?1 FOR UPDATE", contract_id, error) ||
      !(current = signet_store_get_contract (self, contract_id, error)))
    return FALSE;

  if (signet_contract_get_version (current) != expected_version)
    {
      g_set_error (error, SIGNET_STORE_ERROR, SIGNET_STORE_ERROR_CONFLICT,
                   _("The contract %s was changed elsewhere after you opened it. Nothing was recorded; "
                     "look at it again and repeat the action."),
                   signet_contract_get_number (current));
      return FALSE;
    }

  if (!check_renewable (current, error))
    return FALSE;

  /* A successor is a new contract with a process of its own. */
  signet_contract_set_id (successor, 0);
  signet_contract_set_status (successor, SIGNET_CONTRACT_STATUS_DRAFT);
  signet_contract_set_signing_date (successor, NULL);
  signet_contract_set_their_signing_date (successor, NULL);
  signet_contract_set_termination_reason (successor, NULL);
  signet_contract_set_termination_date (successor, NULL);
  signet_contract_set_uuid (successor, NULL);

  from = signet_contract_get_status (current);
  if (!insert_successor (&scope, successor, &id, &uuid, error))
    return FALSE;

  /* The renewal is the decision at the predecessor's notice deadline
   * (signet-store-notice.c): noted while it still has one, before it is
   * Renewed and no longer in force. */
  if (!_signet_store_note_renewal_at_notice (&scope, contract_id, decided_by, comment, error))
    return FALSE;

  stmt = _signet_store_statement (self,
                                  "UPDATE contracts SET status = 'renewed', version = version + 1 WHERE id = ?",
                                  error);
  if (stmt == NULL)
    return FALSE;
  signet_db_bind_int64 (stmt, 1, contract_id);
  if (!_signet_store_step_done (self, stmt, error))
    return FALSE;

  now = _signet_store_timestamp_now ();
  stmt = _signet_store_statement (self, "INSERT INTO renewals (predecessor_id, successor_id, at) VALUES (?, ?, ?)",
                                  error);
  if (stmt == NULL)
    return FALSE;
  signet_db_bind_int64 (stmt, 1, contract_id);
  signet_db_bind_int64 (stmt, 2, id);
  signet_db_bind_static_text (stmt, 3, now);
  if (!_signet_store_step_done (self, stmt, error))
    return FALSE;

  renewed[0] = (SignetAttachmentChange) { "status", signet_contract_status_to_token (from), "renewed" };
  renewed[1] = (SignetAttachmentChange) { "renewed-as", NULL, signet_contract_get_number (successor) };
  renewal_of = (SignetAttachmentChange) { "renewal-of", NULL, signet_contract_get_number (current) };

  if (!process_event (self, contract_id, from, SIGNET_CONTRACT_STATUS_RENEWED, decided_by, comment, error) ||
      !process_event (self, id, SIGNET_CONTRACT_STATUS_DRAFT, SIGNET_CONTRACT_STATUS_DRAFT,
                      decided_by, comment, error) ||
      !_signet_store_events_refresh_contract (self, contract_id, error) ||
      !_signet_write_scope_audit_files (&scope, SIGNET_AUDIT_ACTION_RENEW, contract_id, renewed,
                                        G_N_ELEMENTS (renewed), error) ||
      !_signet_write_scope_audit_files (&scope, SIGNET_AUDIT_ACTION_RENEWAL_OF, id, &renewal_of, 1, error) ||
      !_signet_write_scope_commit (&scope, error))
    return FALSE;

  signet_contract_set_id (successor, id);
  signet_contract_set_version (successor, 1);
  signet_contract_set_uuid (successor, uuid);

  return TRUE;
}

static SignetRenewalLink *
read_link (SignetStore  *self,
           gint64        contract_id,
           GError      **error)
{
  g_autoptr(SignetContract) contract = signet_store_get_contract (self, contract_id, error);
  SignetRenewalLink *link;

  if (contract == NULL)
    return NULL;

  link = g_new0 (SignetRenewalLink, 1);
  link->id = contract_id;
  link->number = g_strdup (signet_contract_get_number (contract));
  link->title = g_strdup (signet_contract_get_title (contract));
  link->start_date = g_strdup (signet_contract_get_start_date (contract));
  link->end_date = g_strdup (signet_contract_get_end_date (contract));

  return link;
}

GPtrArray *
signet_store_get_renewal_chain (SignetStore  *self,
                                gint64        contract_id,
                                GError      **error)
{
  g_autoptr(GPtrArray) chain = g_ptr_array_new_with_free_func ((GDestroyNotify) signet_renewal_link_free);
  gint64 first = contract_id;
  gint64 next;
  guint steps = 0;

  g_return_val_if_fail (SIGNET_IS_STORE (self), NULL);

  /* A deleted contract has no chain, though its link waits for Undo. */
  if ((next = linked (self, "SELECT id FROM contracts WHERE id = ?", contract_id, error)) <= 0)
    return next < 0 ? NULL : g_steal_pointer (&chain);

  /* Back to the oldest, then forward to the newest. */
  while ((next = linked (self, PREDECESSOR_SQL, first, error)) > 0 && steps++ < MAX_CHAIN)
    first = next;
  if (next < 0)
    return NULL;

  for (gint64 id = first; id > 0 && chain->len < MAX_CHAIN; id = next)
    {
      SignetRenewalLink *link = read_link (self, id, error);

      if (link == NULL || (next = linked (self, SUCCESSOR_SQL, id, error)) < 0)
        {
          signet_renewal_link_free (link);
          return NULL;
        }
      g_ptr_array_add (chain, link);
    }

  return g_steal_pointer (&chain);
}

void
signet_renewal_record_free (SignetRenewalRecord *record)
{
  if (record == NULL)
    return;

  g_free (record->predecessor_uuid);
  g_free (record->at);
  g_free (record);
}

GPtrArray *
signet_store_list_renewal_records (SignetStore  *self,
                                   GError      **error)
{
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func ((GDestroyNotify) signet_renewal_record_free);
  SignetDbStmt *stmt;
  int rc;

  g_return_val_if_fail (SIGNET_IS_STORE (self), NULL);

  stmt = _signet_store_statement (self,
                                  "SELECT r.successor_id, r.predecessor_id, p.uuid, r.at FROM renewals r "
                                  "JOIN contracts p ON p.id = r.predecessor_id "
                                  "JOIN contracts s ON s.id = r.successor_id ORDER BY r.successor_id", error);
  if (stmt == NULL)
    return NULL;

  while ((rc = signet_db_step (stmt)) == SIGNET_DB_ROW)
    {
      SignetRenewalRecord *record = g_new0 (SignetRenewalRecord, 1);

      record->successor_id = signet_db_column_int64 (stmt, 0);
      record->predecessor_id = signet_db_column_int64 (stmt, 1);
      record->predecessor_uuid = _signet_store_dup_text (stmt, 2);
      record->at = _signet_store_dup_text (stmt, 3);
      g_ptr_array_add (records, record);
    }
  signet_db_reset (stmt);

  if (rc != SIGNET_DB_DONE)
    {
      _signet_store_set_error (self, rc, error);
      return NULL;
    }

  return g_steal_pointer (&records);
}

gboolean
signet_store_import_renewal_record (SignetStore               *self,
                                    const SignetRenewalRecord *record,
                                    GError                   **error)
{
  g_auto(SignetWriteScope) scope = { 0 };
  g_autofree char *at = NULL;
  gint64 predecessor, successor;
  SignetDbStmt *stmt;

  g_return_val_if_fail (SIGNET_IS_STORE (self), FALSE);
  g_return_val_if_fail (record != NULL && record->at != NULL, FALSE);

  if (!(at = _signet_store_clean_timestamp (record->at, error)) ||
      !_signet_write_scope_begin (&scope, self, error))
    return FALSE;

  /* Links of deleted contracts count too: they come back with Undo. */
  predecessor = linked (self, "SELECT predecessor_id FROM renewals WHERE successor_id = ?", record->successor_id, error);
  successor = linked (self, "SELECT successor_id FROM renewals WHERE predecessor_id = ?", record->predecessor_id, error);
  if (predecessor < 0 || successor < 0)
    return FALSE;

  if (predecessor == record->predecessor_id && successor == record->successor_id)
    return TRUE;

  if (predecessor != 0 || successor != 0 || record->predecessor_id == record->successor_id)
    return _signet_set_field_error (error, SIGNET_FIELD_CONTRACT_NUMBER, "%s",
                                    predecessor != 0
                                    ? _("The contract already renews another contract.")
                                    : successor != 0
                                    ? _("The contract it renews already has another successor.")
                                    : _("A contract cannot renew itself."));

  stmt = _signet_store_statement (self, "INSERT INTO renewals (predecessor_id, successor_id, at) VALUES (?, ?, ?)",
                                  error);
  if (stmt == NULL)
    return FALSE;
  signet_db_bind_int64 (stmt, 1, record->predecessor_id);
  signet_db_bind_int64 (stmt, 2, record->successor_id);
  signet_db_bind_static_text (stmt, 3, at);
  if (!_signet_store_step_done (self, stmt, error))
    return FALSE;

  _signet_write_scope_add_change (&scope, SIGNET_RECORD_CONTRACT, record->successor_id,
                                  SIGNET_CHANGE_UPDATED, SIGNET_STORE_CHANGED_RENEWALS);

  return _signet_write_scope_commit (&scope, error);
}
