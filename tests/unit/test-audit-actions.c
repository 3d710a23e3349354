/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <locale.h>

#include "signet-store.h"
#include "store-fixture.h"
#include "unit-test-utils.h"

/* The audit log's actions: one enum, one table of the tokens stored in
 * the register, and a History label for each. */

/* Every token a register written by Signet before the enum can hold, as
 * the store wrote them. */
static const char * const stored_tokens[] = {
  "create", "update", "delete", "restore",
  "attach", "import attachment", "replace attachment", "update attachment", "delete attachment",
  "restore attachment",
  "annotate", "import annotation", "edit annotation", "delete annotation", "restore annotation",
  "add-key-date", "update-key-date", "delete-key-date", "restore-key-date",
  "record-review", "set-reminders", "acknowledge-reminder",
  /* The contract process (issue 15). */
  "submit-for-review", "approve", "return-for-changes", "reject", "mark-signed",
  "terminate", "renew", "cancel-draft",
  /* The people directory (issue 15). */
  "add-person", "update-person", "delete-person", "restore-person",
  /* Contract types (issue 15). */
  "add-contract-type", "update-contract-type", "delete-contract-type", "restore-contract-type",
  /* Amendments (issue 15). */
  "add-amendment", "update-amendment", "delete-amendment", "restore-amendment",
  /* Approval routes and the approval of amendments (issue 15). */
  "add-approval-route", "update-approval-route", "delete-approval-route", "restore-approval-route",
  "set-approval-rules", "submit-amendment", "approve-amendment", "return-amendment", "reject-amendment",
  /* Renewals (issue 15). */
  "renewal-of",
  /* Tacit renewals and decisions at notice deadlines (issue 15). */
  "renew-tacitly", "notice-renew", "notice-let-expire", "notice-terminate", "withdraw-notice-decision",
  /* The follow-up actions of reviews (issue 16). */
  "add-review-action", "update-review-action", "complete-review-action", "reopen-review-action",
  /* The payment schedule (issue 16). */
  "add-payment", "update-payment", "delete-payment", "restore-payment",
  "add-invoice", "delete-invoice", "restore-invoice",
  "add-settlement", "delete-settlement", "restore-settlement",
  /* Obligations and their occurrences (issue 16). */
  "add-obligation", "update-obligation", "delete-obligation", "restore-obligation",
  "complete-obligation", "waive-obligation", "reopen-obligation",
  /* The paper original and its loans (issue 16). */
  "archive-original", "update-original", "lend-original", "return-original",
  "delete-loan", "restore-loan",
  "delete-original", "restore-original",
  /* The risk register (issue 16). */
  "add-risk", "update-risk", "delete-risk", "restore-risk", "keep-risk-level",
  /* A review deleted and brought back by Undo (issue 16). */
  "delete-review", "restore-review",
  /* The exchange rates of the overview (issue 17). */
  "set-exchange-rate", "remove-exchange-rate",
  /* Saved views of the list (issue 17). */
  "add-saved-view", "rename-saved-view", "update-saved-view", "move-saved-view",
  "delete-saved-view", "restore-saved-view",
};

/* Every action but UNKNOWN has a token of its own that reads back as it;
 * no token is left over. */
static void
test_tokens (void)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  g_assert_null (signet_audit_action_to_token (SIGNET_AUDIT_ACTION_UNKNOWN));

  for (SignetAuditAction action = SIGNET_AUDIT_ACTION_UNKNOWN + 1; action < SIGNET_N_AUDIT_ACTIONS; action++)
    {
      const char *token = signet_audit_action_to_token (action);

      g_assert_nonnull (token);
      g_assert_cmpstr (token, !=, "");
      g_assert_false (g_hash_table_contains (seen, token));
      g_hash_table_add (seen, (gpointer) token);
      g_assert_cmpint (signet_audit_action_from_token (token), ==, action);
    }

  g_assert_cmpuint (g_hash_table_size (seen), ==, G_N_ELEMENTS (stored_tokens));
  for (guint i = 0; i < G_N_ELEMENTS (stored_tokens); i++)
    g_assert_true (g_hash_table_contains (seen, stored_tokens[i]));

  /* What a newer Signet may write. */
  g_assert_cmpint (signet_audit_action_from_token ("countersign"), ==, SIGNET_AUDIT_ACTION_UNKNOWN);
  g_assert_cmpint (signet_audit_action_from_token ("Update"), ==, SIGNET_AUDIT_ACTION_UNKNOWN);
  g_assert_cmpint (signet_audit_action_from_token (""), ==, SIGNET_AUDIT_ACTION_UNKNOWN);
  g_assert_cmpint (signet_audit_action_from_token (NULL), ==, SIGNET_AUDIT_ACTION_UNKNOWN);
}

/* Every action says in the History what it did. The generic "Changed" is
 * what an unknown action shows, and an update of a record's own fields
 * (the History of a contract has said "Changed" for those since it was
 * made); every other action has a label of its own, and no two share
 * one. */
static void
test_labels (void)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  const char *generic = signet_audit_action_to_label (SIGNET_AUDIT_ACTION_UNKNOWN);

  g_assert_cmpstr (generic, ==, "Changed");
  g_assert_cmpstr (signet_audit_action_to_label (SIGNET_AUDIT_ACTION_UPDATE), ==, generic);

  for (SignetAuditAction action = SIGNET_AUDIT_ACTION_UNKNOWN + 1; action < SIGNET_N_AUDIT_ACTIONS; action++)
    {
      const char *label = signet_audit_action_to_label (action);

      g_assert_nonnull (label);
      g_assert_cmpstr (label, !=, "");
      if (action == SIGNET_AUDIT_ACTION_UPDATE)
        continue;

      g_assert_cmpstr (label, !=, generic);
      g_assert_false (g_hash_table_contains (seen, label));
      g_hash_table_add (seen, (gpointer) label);
    }

  /* It showed as "Changed" before. */
  g_assert_cmpstr (signet_audit_action_to_label (SIGNET_AUDIT_ACTION_IMPORT_ANNOTATION), ==,
                   "Annotation imported");
}

/* Only an update, an edit of a file's details or of an annotation, a
 * key date changed and reminders set change something that stays. */
static void
test_is_change (void)
{
  static const SignetAuditAction changes[] = {
    SIGNET_AUDIT_ACTION_UPDATE, SIGNET_AUDIT_ACTION_UPDATE_ATTACHMENT, SIGNET_AUDIT_ACTION_EDIT_ANNOTATION,
    SIGNET_AUDIT_ACTION_UPDATE_KEY_DATE, SIGNET_AUDIT_ACTION_SET_REMINDERS,
    SIGNET_AUDIT_ACTION_SUBMIT_FOR_REVIEW, SIGNET_AUDIT_ACTION_APPROVE, SIGNET_AUDIT_ACTION_RETURN_FOR_CHANGES,
    SIGNET_AUDIT_ACTION_REJECT, SIGNET_AUDIT_ACTION_MARK_SIGNED, SIGNET_AUDIT_ACTION_TERMINATE,
    SIGNET_AUDIT_ACTION_RENEW, SIGNET_AUDIT_ACTION_CANCEL_DRAFT,
    SIGNET_AUDIT_ACTION_UPDATE_PERSON,
    SIGNET_AUDIT_ACTION_UPDATE_CONTRACT_TYPE,
    SIGNET_AUDIT_ACTION_UPDATE_AMENDMENT,
    SIGNET_AUDIT_ACTION_UPDATE_APPROVAL_ROUTE, SIGNET_AUDIT_ACTION_SET_APPROVAL_RULES,
    SIGNET_AUDIT_ACTION_SUBMIT_AMENDMENT, SIGNET_AUDIT_ACTION_APPROVE_AMENDMENT,
    SIGNET_AUDIT_ACTION_RETURN_AMENDMENT, SIGNET_AUDIT_ACTION_REJECT_AMENDMENT,
    SIGNET_AUDIT_ACTION_RENEW_TACITLY,
    SIGNET_AUDIT_ACTION_UPDATE_PAYMENT,
    SIGNET_AUDIT_ACTION_UPDATE_REVIEW_ACTION, SIGNET_AUDIT_ACTION_COMPLETE_REVIEW_ACTION,
    SIGNET_AUDIT_ACTION_REOPEN_REVIEW_ACTION,
    SIGNET_AUDIT_ACTION_UPDATE_OBLIGATION, SIGNET_AUDIT_ACTION_COMPLETE_OBLIGATION,
    SIGNET_AUDIT_ACTION_WAIVE_OBLIGATION, SIGNET_AUDIT_ACTION_REOPEN_OBLIGATION,
    SIGNET_AUDIT_ACTION_UPDATE_ORIGINAL,
    SIGNET_AUDIT_ACTION_UPDATE_RISK, SIGNET_AUDIT_ACTION_KEEP_RISK_LEVEL,
    SIGNET_AUDIT_ACTION_SET_EXCHANGE_RATE,
    SIGNET_AUDIT_ACTION_RENAME_SAVED_VIEW, SIGNET_AUDIT_ACTION_UPDATE_SAVED_VIEW,
  };

  for (SignetAuditAction action = SIGNET_AUDIT_ACTION_UNKNOWN; action < SIGNET_N_AUDIT_ACTIONS; action++)
    {
      gboolean expected = FALSE;

      for (guint i = 0; i < G_N_ELEMENTS (changes); i++)
        expected |= changes[i] == action;
      g_assert_cmpint (signet_audit_action_is_change (action), ==, expected);
    }
}

/* A register's log reads back as it was written: every token stored
 * today, and one a newer Signet wrote, which reads as UNKNOWN. */
static void
test_register_reads_back (void)
{
  StoreFixture f;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GString) sql = g_string_new ("BEGIN;");
  g_autoptr(GError) error = NULL;

  store_fixture_open_empty (&f, "signet.db");

  for (guint i = 0; i <= G_N_ELEMENTS (stored_tokens); i++)
    g_string_append_printf (sql,
                            "INSERT INTO audit (id, at, \"user\", action, record_kind, record_id, record_label, changes) "
                            "VALUES (%u, '2026-11-27T05:54:59.278Z', 'li', '%s', 'contract', 1, 'HT-1', '[]');",
                            i + 1, i < G_N_ELEMENTS (stored_tokens) ? stored_tokens[i] : "approve amendment");
  g_string_append (sql, "COMMIT;");
  unit_exec_raw (f.path, sql->str);

  entries = signet_store_list_audit (f.store, SIGNET_RECORD_CONTRACT, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (entries->len, ==, G_N_ELEMENTS (stored_tokens) + 1);

  /* Newest first: the newer Signet's entry, then the others backwards. */
  for (guint i = 0; i < entries->len; i++)
    {
      const SignetAuditEntry *entry = g_ptr_array_index (entries, entries->len - 1 - i);

      g_assert_cmpint (entry->id, ==, i + 1);
      if (i < G_N_ELEMENTS (stored_tokens))
        g_assert_cmpstr (signet_audit_action_to_token (entry->action), ==, stored_tokens[i]);
      else
        {
          g_assert_cmpint (entry->action, ==, SIGNET_AUDIT_ACTION_UNKNOWN);
          g_assert_cmpstr (signet_audit_action_to_label (entry->action), ==, "Changed");
        }
    }

  store_fixture_close (&f);
}

static void
changed_cb (SignetStore      *store,
            SignetRecordKind  kind,
            gint64            id,
            SignetChangeKind  change,
            GString          *seen)
{
  g_string_append_printf (seen, "%s %" G_GINT64_FORMAT " %d %s;",
                          kind == SIGNET_RECORD_CLIENT ? "client" : "contract", id, change,
                          g_quark_to_string (g_signal_get_invocation_hint (store)->detail));
}

/* What a newer Signet writes through another connection reaches the
 * window as a change of the record's fields, which every view of the
 * record reloads on; a known action written the same way as its own
 * detail. */
static void
test_watch (void)
{
  StoreFixture f;
  g_autoptr(GString) seen = g_string_new (NULL);
  g_autoptr(GError) error = NULL;

  store_fixture_open_empty (&f, "signet.db");
  g_signal_connect (f.store, "changed", G_CALLBACK (changed_cb), seen);

  unit_exec_raw (f.path,
                 "INSERT INTO audit (at, \"user\", action, record_kind, record_id, record_label, changes) "
                 "VALUES ('2026-11-27T05:54:59.278Z', 'li', 'approve amendment', 'contract', 7, 'HT-7', '[]');");
  g_assert_true (signet_store_check_external_changes (f.store, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (seen->str, ==, "contract 7 1 fields;");

  g_string_truncate (seen, 0);
  unit_exec_raw (f.path,
                 "INSERT INTO audit (at, \"user\", action, record_kind, record_id, record_label, changes) "
                 "VALUES ('2026-11-27T05:55:00.000Z', 'li', 'import annotation', 'contract', 7, 'HT-7', '[]');");
  g_assert_true (signet_store_check_external_changes (f.store, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (seen->str, ==, "contract 7 1 annotations;");

  store_fixture_close (&f);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/audit-actions/tokens", test_tokens);
  g_test_add_func ("/audit-actions/labels", test_labels);
  g_test_add_func ("/audit-actions/is-change", test_is_change);
  g_test_add_func ("/audit-actions/register-reads-back", test_register_reads_back);
  g_test_add_func ("/audit-actions/watch", test_watch);

  return g_test_run ();
}
