/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <locale.h>

#include "signet-contract-process.h"
#include "signet-reminders.h"
#include "signet-store-events.h"
#include "signet-store-private.h"
#include "signet-store-process.h"
#include "signet-store-renewals.h"
#include "store-fixture.h"
#include "unit-test-utils.h"

/* A contract's status is its process: it moves only by the actions of
 * signet-contract-process.h, each allowed from some statuses, each
 * recorded as an event with its audit entry; a signed contract shows
 * Active or Expired by its dates. */

#define TODAY "2026-06-15"

/* The sentences a user reads when an action is not offered. */
#define ENDED       "The contract is terminated: its process has ended."
#define SUCCEEDED   "The contract has been renewed: its successor carries on its process."
#define IN_REVIEW   "The contract is in review already."
#define ONLY_DRAFT  "Only a draft can be submitted for review."
#define APPROVE     "Only a contract in review can be approved."
#define RETURN      "Only a contract in review can be returned for changes."
#define REJECT      "Only a contract in review can be rejected."
#define SIGNED_YET  "The contract is signed already."
#define SIGN        "Only an approved contract can be marked as signed."
#define TERMINATE   "Only a signed contract can be terminated. Cancel a contract that is not signed yet."
#define RENEW       "Only a signed contract can be renewed."
#define CANCEL      "A signed contract cannot be cancelled. Terminate it instead."
#define TACIT       "A contract renews itself at the end of its term; nobody takes that step."

/* [status][action]: NULL where the action is allowed, else why not. The
 * actions in the order of the enum: submit, approve, return, reject,
 * mark signed, terminate, renew, cancel draft, renewed tacitly (which the
 * store records and nobody takes). */
static const char * const table[SIGNET_N_CONTRACT_STATUSES][SIGNET_N_PROCESS_ACTIONS] = {
  [SIGNET_CONTRACT_STATUS_DRAFT] =
    { NULL,       APPROVE, RETURN, REJECT, SIGN,       TERMINATE, RENEW, NULL,   TACIT },
  [SIGNET_CONTRACT_STATUS_IN_REVIEW] =
    { IN_REVIEW,  NULL,    NULL,   NULL,   SIGN,       TERMINATE, RENEW, NULL,   TACIT },
  [SIGNET_CONTRACT_STATUS_APPROVED] =
    { ONLY_DRAFT, APPROVE, RETURN, REJECT, NULL,       TERMINATE, RENEW, NULL,   TACIT },
  [SIGNET_CONTRACT_STATUS_SIGNED] =
    { ONLY_DRAFT, APPROVE, RETURN, REJECT, SIGNED_YET, NULL,      NULL,  CANCEL, TACIT },
  [SIGNET_CONTRACT_STATUS_ACTIVE] =
    { ONLY_DRAFT, APPROVE, RETURN, REJECT, SIGNED_YET, NULL,      NULL,  CANCEL, TACIT },
  [SIGNET_CONTRACT_STATUS_EXPIRED] =
    { ONLY_DRAFT, APPROVE, RETURN, REJECT, SIGNED_YET, NULL,      NULL,  CANCEL, TACIT },
  [SIGNET_CONTRACT_STATUS_RENEWED] =
    { SUCCEEDED,  SUCCEEDED, SUCCEEDED, SUCCEEDED, SUCCEEDED, SUCCEEDED, SUCCEEDED, SUCCEEDED, SUCCEEDED },
  [SIGNET_CONTRACT_STATUS_TERMINATED] =
    { ENDED,      ENDED,   ENDED,  ENDED,  ENDED,      ENDED,     ENDED, ENDED,  ENDED },
};

static void
test_transition_table (void)
{
  g_autoptr(SignetContract) contract = signet_contract_new ();
  guint n_allowed = 0;

  for (SignetContractStatus status = 0; status < SIGNET_N_CONTRACT_STATUSES; status++)
    for (SignetProcessAction action = 0; action < SIGNET_N_PROCESS_ACTIONS; action++)
      {
        const char *why = "unset";
        gboolean allowed;

        signet_contract_set_status (contract, status);
        allowed = signet_process_action_allowed (action, contract, &why);

        g_test_message ("%s × %s", signet_contract_status_to_token (status),
                        signet_process_action_to_token (action));
        g_assert_cmpint (allowed, ==, table[status][action] == NULL);
        g_assert_cmpstr (why, ==, table[status][action]);
        n_allowed += allowed;
      }

  /* draft 2, in review 4, approved 2, signed/active/expired 2 each. */
  g_assert_cmpuint (n_allowed, ==, 14);
}

static void
test_action_names (void)
{
  static const char * const tokens[] = {
    "submit-for-review", "approve", "return-for-changes", "reject",
    "mark-signed", "terminate", "renew", "cancel-draft", "renew-tacitly",
  };
  static const char * const labels[] = {
    "Submit for Review", "Approve", "Return for Changes", "Reject",
    "Mark as Signed", "Terminate", "Renew", "Cancel Draft", "Renewed Tacitly",
  };
  static const SignetContractStatus targets[] = {
    SIGNET_CONTRACT_STATUS_IN_REVIEW, SIGNET_CONTRACT_STATUS_APPROVED,
    SIGNET_CONTRACT_STATUS_DRAFT, SIGNET_CONTRACT_STATUS_DRAFT,
    SIGNET_CONTRACT_STATUS_SIGNED, SIGNET_CONTRACT_STATUS_TERMINATED,
    SIGNET_CONTRACT_STATUS_RENEWED, SIGNET_CONTRACT_STATUS_TERMINATED,
    SIGNET_CONTRACT_STATUS_SIGNED,
  };
  const char * const *reasons = signet_termination_reasons ();
  SignetProcessAction read;

  G_STATIC_ASSERT (G_N_ELEMENTS (tokens) == SIGNET_N_PROCESS_ACTIONS);

  for (SignetProcessAction action = 0; action < SIGNET_N_PROCESS_ACTIONS; action++)
    {
      g_assert_cmpstr (signet_process_action_to_token (action), ==, tokens[action]);
      g_assert_cmpstr (signet_process_action_to_label (action), ==, labels[action]);
      g_assert_cmpint (signet_process_action_get_target (action), ==, targets[action]);
      g_assert_true (signet_process_action_from_token (tokens[action], &read));
      g_assert_cmpint (read, ==, action);
    }
  g_assert_false (signet_process_action_from_token ("sign", &read));

  g_assert_cmpuint (g_strv_length ((GStrv) reasons), ==, 6);
  for (guint i = 0; reasons[i] != NULL; i++)
    g_assert_nonnull (signet_termination_reason_to_label (reasons[i]));
  g_assert_cmpstr (signet_termination_reason_to_label ("breach"), ==, "Breach of contract");
  g_assert_cmpstr (signet_termination_reason_to_label ("client-request"), ==, "At the client’s request");
  g_assert_cmpstr (signet_termination_reason_to_label (SIGNET_TERMINATION_REASON_CANCELLED_DRAFT), ==,
                   "Draft cancelled");
  g_assert_false (g_strv_contains (reasons, SIGNET_TERMINATION_REASON_CANCELLED_DRAFT));
  g_assert_null (signet_termination_reason_to_label ("bored"));
}

static SignetContractStatus
shown (SignetContractStatus  status,
       const char           *start,
       const char           *end,
       gboolean              auto_renew,
       const char           *today)
{
  g_autoptr(SignetContract) contract = signet_contract_new ();

  signet_contract_set_status (contract, status);
  signet_contract_set_start_date (contract, start);
  signet_contract_set_end_date (contract, end);
  signet_contract_set_auto_renew (contract, auto_renew);

  return signet_contract_get_shown_status (contract, today);
}

static void
test_shown_status (void)
{
  const SignetContractStatus SIGNED = SIGNET_CONTRACT_STATUS_SIGNED;
  const SignetContractStatus ACTIVE = SIGNET_CONTRACT_STATUS_ACTIVE;
  const SignetContractStatus EXPIRED = SIGNET_CONTRACT_STATUS_EXPIRED;

  /* Before the start, on it, during, on the end, the day after. */
  g_assert_cmpint (shown (SIGNED, "2026-01-01", "2026-12-31", FALSE, "2025-12-31"), ==, SIGNED);
  g_assert_cmpint (shown (SIGNED, "2026-01-01", "2026-12-31", FALSE, "2026-01-01"), ==, ACTIVE);
  g_assert_cmpint (shown (SIGNED, "2026-01-01", "2026-12-31", FALSE, "2026-06-15"), ==, ACTIVE);
  g_assert_cmpint (shown (SIGNED, "2026-01-01", "2026-12-31", FALSE, "2026-12-31"), ==, ACTIVE);
  g_assert_cmpint (shown (SIGNED, "2026-01-01", "2026-12-31", FALSE, "2027-01-01"), ==, EXPIRED);
  /* A tacit renewal keeps it in force past its first end. */
  g_assert_cmpint (shown (SIGNED, "2026-01-01", "2026-12-31", TRUE, "2027-01-01"), ==, ACTIVE);
  /* Open-ended, or without dates at all. */
  g_assert_cmpint (shown (SIGNED, "2026-01-01", NULL, FALSE, "2030-01-01"), ==, ACTIVE);
  g_assert_cmpint (shown (SIGNED, NULL, "2026-12-31", FALSE, "2027-01-01"), ==, EXPIRED);
  g_assert_cmpint (shown (SIGNED, NULL, NULL, FALSE, "2027-01-01"), ==, SIGNED);
  /* A stored active or expired follows the dates just the same. */
  g_assert_cmpint (shown (ACTIVE, "2026-01-01", "2026-12-31", FALSE, "2027-01-01"), ==, EXPIRED);
  g_assert_cmpint (shown (EXPIRED, "2026-01-01", "2026-12-31", FALSE, "2026-03-01"), ==, ACTIVE);
  /* Other statuses as they are, whatever the dates. */
  for (SignetContractStatus status = 0; status < SIGNET_N_CONTRACT_STATUSES; status++)
    if (status != SIGNED && status != ACTIVE && status != EXPIRED)
      {
        g_assert_cmpint (shown (status, "2026-01-01", "2026-12-31", FALSE, "2027-01-01"), ==, status);
        g_assert_cmpint (shown (status, "2026-01-01", "2026-12-31", FALSE, "2026-06-01"), ==, status);
      }
}

static void
test_is_signed (void)
{
  g_autoptr(SignetContract) contract = signet_contract_new ();

  for (SignetContractStatus status = 0; status < SIGNET_N_CONTRACT_STATUSES; status++)
    {
      signet_contract_set_status (contract, status);
      g_assert_cmpint (signet_contract_is_signed (contract), ==,
                       status >= SIGNET_CONTRACT_STATUS_SIGNED);
    }

  signet_contract_set_termination_reason (contract, SIGNET_TERMINATION_REASON_CANCELLED_DRAFT);
  g_assert_false (signet_contract_is_signed (contract));
  signet_contract_set_termination_reason (contract, "breach");
  g_assert_true (signet_contract_is_signed (contract));
}

/* The store: steps, events, audit entries, signals. */

typedef struct
{
  StoreFixture base;
  guint        n_fields;     /* "changed::fields" */
  guint        n_changed;    /* any "changed" */
} Fixture;

static void
fields_changed_cb (SignetStore      *store,
                   SignetRecordKind  kind,
                   gint64            id,
                   SignetChangeKind  change,
                   Fixture          *f)
{
  f->n_fields++;
}

static void
changed_cb (SignetStore      *store,
            SignetRecordKind  kind,
            gint64            id,
            SignetChangeKind  change,
            Fixture          *f)
{
  f->n_changed++;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  store_fixture_open (&f->base, TODAY);
  g_signal_connect (f->base.store, "changed::" SIGNET_STORE_CHANGED_FIELDS, G_CALLBACK (fields_changed_cb), f);
  g_signal_connect (f->base.store, "changed", G_CALLBACK (changed_cb), f);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  store_fixture_close (&f->base);
}

static SignetContract *
add_contract (Fixture              *f,
              const char           *number,
              SignetContractStatus  status,
              const char           *start,
              const char           *end)
{
  g_autoptr(GError) error = NULL;
  SignetContract *contract = signet_contract_new ();

  signet_contract_set_number (contract, number);
  signet_contract_set_title (contract, "Cleaning services");
  signet_contract_set_client_id (contract, signet_client_get_id (f->base.client));
  signet_contract_set_status (contract, status);
  signet_contract_set_start_date (contract, start);
  signet_contract_set_end_date (contract, end);
  signet_store_add_contract (f->base.store, contract, &error);
  g_assert_no_error (error);

  return contract;
}

static SignetContract *
reread (Fixture *f,
        gint64   id)
{
  g_autoptr(GError) error = NULL;
  SignetContract *contract = signet_store_get_contract (f->base.store, id, &error);

  g_assert_no_error (error);

  return contract;
}

/* Takes @step on @id at its stored version; checks that one "changed" came,
 * for its fields, and that the newest audit entry is @audit. */
static void
take (Fixture                 *f,
      gint64                   id,
      const SignetProcessStep *step,
      const char              *audit_token)
{
  g_autoptr(SignetContract) before = reread (f, id);
  g_autoptr(SignetContract) after = NULL;
  g_autoptr(GPtrArray) audit = NULL;
  g_autoptr(GError) error = NULL;
  SignetAuditEntry *entry;

  f->n_fields = f->n_changed = 0;
  g_assert_true (signet_store_take_process_step (f->base.store, id, signet_contract_get_version (before),
                                                 step, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (f->n_fields, ==, 1);
  g_assert_cmpuint (f->n_changed, ==, 1);

  after = reread (f, id);
  g_assert_cmpint (signet_contract_get_version (after), ==, signet_contract_get_version (before) + 1);
  g_assert_cmpint (signet_contract_get_status (after), ==, signet_process_action_get_target (step->action));

  audit = signet_store_list_audit (f->base.store, SIGNET_RECORD_CONTRACT, id, &error);
  g_assert_no_error (error);
  entry = g_ptr_array_index (audit, 0);
  g_assert_cmpstr (signet_audit_action_to_token (entry->action), ==, audit_token);
  g_assert_cmpstr (entry->user, ==, g_get_user_name ());
}

/* Refused: the error, and nothing written (version, events, audit, signal). */
static void
assert_refused (Fixture                 *f,
                gint64                   id,
                const SignetProcessStep *step,
                GQuark                   domain,
                int                      code,
                const char              *message)
{
  g_autoptr(SignetContract) before = reread (f, id);
  g_autoptr(SignetContract) after = NULL;
  g_autoptr(GPtrArray) events_before = signet_store_list_process_events (f->base.store, id, NULL);
  g_autoptr(GPtrArray) events_after = NULL;
  g_autoptr(GPtrArray) audit_before = signet_store_list_audit (f->base.store, SIGNET_RECORD_CONTRACT, id, NULL);
  g_autoptr(GPtrArray) audit_after = NULL;
  g_autoptr(GError) error = NULL;

  f->n_changed = 0;
  g_assert_false (signet_store_take_process_step (f->base.store, id, signet_contract_get_version (before),
                                                  step, &error));
  g_assert_error (error, domain, code);
  if (message != NULL)
    g_assert_cmpstr (error->message, ==, message);
  g_assert_cmpuint (f->n_changed, ==, 0);

  after = reread (f, id);
  g_assert_true (signet_contract_equal (after, before));
  g_assert_cmpint (signet_contract_get_version (after), ==, signet_contract_get_version (before));
  events_after = signet_store_list_process_events (f->base.store, id, NULL);
  g_assert_cmpuint (events_after->len, ==, events_before->len);
  audit_after = signet_store_list_audit (f->base.store, SIGNET_RECORD_CONTRACT, id, NULL);
  g_assert_cmpuint (audit_after->len, ==, audit_before->len);
}

static void
test_whole_process (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(SignetContract) contract = add_contract (f, "HT-1", SIGNET_CONTRACT_STATUS_DRAFT,
                                                     "2026-07-01", "2027-06-30");
  g_autoptr(SignetContract) signed_contract = NULL;
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id = signet_contract_get_id (contract);
  SignetProcessStep submit = { SIGNET_PROCESS_ACTION_SUBMIT };
  SignetProcessStep give_back = { SIGNET_PROCESS_ACTION_RETURN, NULL, (char *) "  " };
  SignetProcessStep approve = { SIGNET_PROCESS_ACTION_APPROVE, (char *) " 王总 ", (char *) "同意" };
  SignetProcessStep sign = { SIGNET_PROCESS_ACTION_MARK_SIGNED };
  SignetProcessStep terminate = { SIGNET_PROCESS_ACTION_TERMINATE };
  SignetProcessEvent *event;

  take (f, id, &submit, "submit-for-review");

  assert_refused (f, id, &give_back, SIGNET_PROCESS_ERROR, SIGNET_PROCESS_ERROR_COMMENT,
                  "Say what has to change before the contract comes back.");
  give_back.comment = (char *) "付款条款需修改";
  take (f, id, &give_back, "return-for-changes");
  take (f, id, &submit, "submit-for-review");
  take (f, id, &approve, "approve");

  assert_refused (f, id, &sign, SIGNET_PROCESS_ERROR, SIGNET_PROCESS_ERROR_OUR_SIGNING_DATE,
                  "Enter the date we signed.");
  sign.our_signing_date = (char *) "2026-06-10";
  sign.their_signing_date = (char *) "2026-13-01";
  assert_refused (f, id, &sign, SIGNET_PROCESS_ERROR, SIGNET_PROCESS_ERROR_THEIR_SIGNING_DATE,
                  "“2026-13-01” is not a date. Use the form YYYY-MM-DD, for example 2027-03-31.");
  sign.their_signing_date = (char *) "2026-06-12";
  take (f, id, &sign, "mark-signed");

  signed_contract = reread (f, id);
  g_assert_cmpstr (signet_contract_get_signing_date (signed_contract), ==, "2026-06-10");
  g_assert_cmpstr (signet_contract_get_their_signing_date (signed_contract), ==, "2026-06-12");
  g_assert_true (signet_contract_is_signed (signed_contract));
  /* Signed, before its start on 1 July. */
  g_assert_cmpint (signet_contract_get_shown_status (signed_contract, TODAY), ==, SIGNET_CONTRACT_STATUS_SIGNED);
  g_assert_cmpint (signet_contract_get_shown_status (signed_contract, "2026-07-01"), ==,
                   SIGNET_CONTRACT_STATUS_ACTIVE);

  /* A step already taken is not allowed twice. */
  assert_refused (f, id, &approve, SIGNET_PROCESS_ERROR, SIGNET_PROCESS_ERROR_NOT_ALLOWED, APPROVE);

  terminate.termination_reason = (char *) "bored";
  assert_refused (f, id, &terminate, SIGNET_PROCESS_ERROR, SIGNET_PROCESS_ERROR_TERMINATION_REASON,
                  "Choose why the contract is terminated.");
  terminate.termination_reason = (char *) "breach";
  terminate.comment = (char *) "连续三个月未付款";
  assert_refused (f, id, &terminate, SIGNET_PROCESS_ERROR, SIGNET_PROCESS_ERROR_EFFECTIVE_DATE,
                  "Enter the date the termination takes effect.");
  terminate.effective_date = (char *) "2026-09-30";
  take (f, id, &terminate, "terminate");

  g_clear_object (&signed_contract);
  signed_contract = reread (f, id);
  g_assert_cmpstr (signet_contract_get_termination_reason (signed_contract), ==, "breach");
  g_assert_cmpstr (signet_contract_get_termination_date (signed_contract), ==, "2026-09-30");
  g_assert_true (signet_contract_is_signed (signed_contract));
  assert_refused (f, id, &submit, SIGNET_PROCESS_ERROR, SIGNET_PROCESS_ERROR_NOT_ALLOWED, ENDED);

  events = signet_store_list_process_events (f->base.store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (events->len, ==, 6);

  event = g_ptr_array_index (events, 0);
  g_assert_true (event->has_action);
  g_assert_cmpint (event->action, ==, SIGNET_PROCESS_ACTION_SUBMIT);
  g_assert_cmpint (event->from_status, ==, SIGNET_CONTRACT_STATUS_DRAFT);
  g_assert_cmpint (event->to_status, ==, SIGNET_CONTRACT_STATUS_IN_REVIEW);
  g_assert_cmpstr (event->recorded_by, ==, g_get_user_name ());
  g_assert_null (event->decided_by);
  g_assert_nonnull (event->at);

  event = g_ptr_array_index (events, 1);
  g_assert_cmpint (event->action, ==, SIGNET_PROCESS_ACTION_RETURN);
  g_assert_cmpint (event->to_status, ==, SIGNET_CONTRACT_STATUS_DRAFT);
  g_assert_cmpstr (event->comment, ==, "付款条款需修改");

  event = g_ptr_array_index (events, 3);
  g_assert_cmpint (event->action, ==, SIGNET_PROCESS_ACTION_APPROVE);
  g_assert_cmpstr (event->decided_by, ==, "王总");
  g_assert_cmpstr (event->comment, ==, "同意");

  event = g_ptr_array_index (events, 4);
  g_assert_cmpint (event->action, ==, SIGNET_PROCESS_ACTION_MARK_SIGNED);
  g_assert_cmpstr (event->our_signing_date, ==, "2026-06-10");
  g_assert_cmpstr (event->their_signing_date, ==, "2026-06-12");

  event = g_ptr_array_index (events, 5);
  g_assert_cmpint (event->action, ==, SIGNET_PROCESS_ACTION_TERMINATE);
  g_assert_cmpint (event->from_status, ==, SIGNET_CONTRACT_STATUS_SIGNED);
  g_assert_cmpint (event->to_status, ==, SIGNET_CONTRACT_STATUS_TERMINATED);
  g_assert_cmpstr (event->termination_reason, ==, "breach");
  g_assert_cmpstr (event->effective_date, ==, "2026-09-30");
}

static void
test_reject_renew_cancel (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(SignetContract) in_review = add_contract (f, "HT-2", SIGNET_CONTRACT_STATUS_IN_REVIEW, NULL, NULL);
  g_autoptr(SignetContract) active = add_contract (f, "HT-3", SIGNET_CONTRACT_STATUS_ACTIVE,
                                                   "2026-01-01", "2026-12-31");
  g_autoptr(SignetContract) approved = add_contract (f, "HT-4", SIGNET_CONTRACT_STATUS_APPROVED, NULL, NULL);
  g_autoptr(SignetContract) cancelled = NULL;
  g_autoptr(SignetContract) successor = NULL;
  g_autoptr(GPtrArray) events = NULL;
  SignetProcessStep reject = { SIGNET_PROCESS_ACTION_REJECT };
  SignetProcessStep renew = { SIGNET_PROCESS_ACTION_RENEW };
  SignetProcessStep cancel = { SIGNET_PROCESS_ACTION_CANCEL_DRAFT };
  SignetProcessEvent *event;

  assert_refused (f, signet_contract_get_id (in_review), &reject, SIGNET_PROCESS_ERROR,
                  SIGNET_PROCESS_ERROR_COMMENT, "Say why the contract is rejected.");
  reject.comment = (char *) "价格过高";
  take (f, signet_contract_get_id (in_review), &reject, "reject");
  events = signet_store_list_process_events (f->base.store, signet_contract_get_id (in_review), NULL);
  event = g_ptr_array_index (events, events->len - 1);
  g_assert_cmpint (event->action, ==, SIGNET_PROCESS_ACTION_REJECT);
  g_assert_cmpint (event->to_status, ==, SIGNET_CONTRACT_STATUS_DRAFT);

  /* Renew is no bare step: it makes the successor too (test-renewals).
   * Stored as signed, the contract is renewed as one. */
  assert_refused (f, signet_contract_get_id (active), &renew, SIGNET_PROCESS_ERROR,
                  SIGNET_PROCESS_ERROR_NOT_ALLOWED,
                  "A renewal makes the successor contract: use Renew… and give its terms.");
  successor = signet_store_propose_renewal (f->base.store, signet_contract_get_id (active), "XQ-{NNNN}", NULL);
  g_assert_true (signet_store_renew_contract (f->base.store, signet_contract_get_id (active),
                                              signet_contract_get_version (active), successor, NULL, NULL, NULL));
  assert_refused (f, signet_contract_get_id (active), &renew, SIGNET_PROCESS_ERROR,
                  SIGNET_PROCESS_ERROR_NOT_ALLOWED, SUCCEEDED);

  take (f, signet_contract_get_id (approved), &cancel, "cancel-draft");
  cancelled = reread (f, signet_contract_get_id (approved));
  g_assert_cmpstr (signet_contract_get_termination_reason (cancelled), ==, SIGNET_TERMINATION_REASON_CANCELLED_DRAFT);
  g_assert_cmpstr (signet_contract_get_termination_date (cancelled), ==, TODAY);
  g_assert_false (signet_contract_is_signed (cancelled));
}

static void
test_version_conflict (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(SignetContract) contract = add_contract (f, "HT-5", SIGNET_CONTRACT_STATUS_DRAFT, NULL, NULL);
  g_autoptr(SignetContract) edited = signet_contract_copy (contract);
  g_autoptr(SignetContract) stored = NULL;
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GError) error = NULL;
  SignetProcessStep submit = { SIGNET_PROCESS_ACTION_SUBMIT };

  /* Someone saves the contract after this page loaded it. */
  signet_contract_set_title (edited, "Cleaning services, all floors");
  g_assert_true (signet_store_save_contract (f->base.store, contract, edited, &error));
  g_assert_no_error (error);

  f->n_changed = 0;
  g_assert_false (signet_store_take_process_step (f->base.store, signet_contract_get_id (contract),
                                                  signet_contract_get_version (contract), &submit, &error));
  g_assert_error (error, SIGNET_STORE_ERROR, SIGNET_STORE_ERROR_CONFLICT);
  g_assert_cmpuint (f->n_changed, ==, 0);

  stored = reread (f, signet_contract_get_id (contract));
  g_assert_cmpint (signet_contract_get_status (stored), ==, SIGNET_CONTRACT_STATUS_DRAFT);
  events = signet_store_list_process_events (f->base.store, signet_contract_get_id (contract), NULL);
  g_assert_cmpuint (events->len, ==, 0);
}

static void
test_save_refuses_status (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(SignetContract) contract = add_contract (f, "HT-6", SIGNET_CONTRACT_STATUS_RENEWED, NULL, NULL);
  g_autoptr(SignetContract) edited = signet_contract_copy (contract);
  g_autoptr(SignetContract) stored = NULL;
  g_autoptr(GError) error = NULL;

  /* Renewed back to draft, the example. */
  signet_contract_set_status (edited, SIGNET_CONTRACT_STATUS_DRAFT);
  signet_contract_set_notes (edited, "back to the start");
  f->n_changed = 0;
  g_assert_false (signet_store_save_contract (f->base.store, contract, edited, &error));
  g_assert_error (error, SIGNET_FIELD_ERROR, SIGNET_FIELD_CONTRACT_STATUS);
  g_assert_cmpstr (error->message, ==, "The status changes through the contract’s process: use its actions, "
                                       "such as Submit for Review or Mark as Signed.");
  g_assert_cmpuint (f->n_changed, ==, 0);

  stored = reread (f, signet_contract_get_id (contract));
  g_assert_true (signet_contract_equal (stored, contract));

  /* The other fields still save; an import still sets a status. */
  g_clear_error (&error);
  signet_contract_set_status (edited, SIGNET_CONTRACT_STATUS_RENEWED);
  g_assert_true (signet_store_save_contract (f->base.store, contract, edited, &error));
  g_assert_no_error (error);
  g_clear_object (&stored);
  stored = reread (f, signet_contract_get_id (contract));
  g_assert_cmpstr (signet_contract_get_notes (stored), ==, "back to the start");
  signet_contract_set_status (stored, SIGNET_CONTRACT_STATUS_DRAFT);
  g_assert_true (signet_store_update_contract (f->base.store, stored, &error));
  g_assert_no_error (error);
  g_clear_object (&stored);
  stored = reread (f, signet_contract_get_id (contract));
  g_assert_cmpint (signet_contract_get_status (stored), ==, SIGNET_CONTRACT_STATUS_DRAFT);
}

static char *
list_dates (Fixture *f)
{
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GError) error = NULL;
  GString *text = g_string_new (NULL);

  events = signet_store_list_events (f->base.store, "2026-01-01", "2029-12-31", &error);
  g_assert_no_error (error);
  for (guint i = 0; i < events->len; i++)
    g_string_append_printf (text, "%s %s|", signet_event_get_date (g_ptr_array_index (events, i)),
                            signet_key_date_kind_to_token (signet_event_get_kind (g_ptr_array_index (events, i))));

  return g_string_free (text, FALSE);
}

static void
add_key_date (Fixture           *f,
              gint64             id,
              SignetKeyDateKind  kind,
              const char        *date)
{
  g_autoptr(SignetUserKeyDate) key_date = signet_user_key_date_new (id, kind, date, "Invoice", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (signet_store_add_key_date (f->base.store, key_date, &error));
  g_assert_no_error (error);
}

/* The reminders the notifier would show on @day. */
static guint
count_reminders (Fixture    *f,
                 const char *day)
{
  g_autoptr(SignetReminderSettings) defaults = signet_reminder_settings_new_default ();
  g_autoptr(GPtrArray) reminders = NULL;
  g_autoptr(GError) error = NULL;

  reminders = signet_reminders_due (f->base.store, day, defaults, &error);
  g_assert_no_error (error);

  return reminders->len;
}

/* After its termination takes effect, a contract has no more dates: not
 * its end, its renewals' notice deadlines and reviews, nor the dates a user
 * added, then or later; nothing to remind of. Before it, they stay. */
static void
test_termination_stops_dates (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(SignetContract) contract = add_contract (f, "HT-7", SIGNET_CONTRACT_STATUS_SIGNED,
                                                     "2026-01-01", "2027-12-31");
  g_autoptr(SignetContract) stored = NULL;
  g_autoptr(GPtrArray) candidates = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *later = NULL;
  gint64 id = signet_contract_get_id (contract);
  SignetProcessStep terminate = { SIGNET_PROCESS_ACTION_TERMINATE };

  signet_contract_set_auto_renew (contract, TRUE);
  signet_contract_set_notice_days (contract, 60);
  g_assert_true (signet_store_update_contract (f->base.store, contract, &error));
  g_assert_no_error (error);
  add_key_date (f, id, SIGNET_KEY_DATE_PAYMENT, "2026-08-01");
  add_key_date (f, id, SIGNET_KEY_DATE_PAYMENT, "2027-03-01");

  before = list_dates (f);
  g_assert_cmpstr (before, ==,
                   "2026-01-01 start|2026-08-01 payment|2027-01-01 review|2027-03-01 payment|"
                   "2027-11-01 notice-deadline|2027-12-31 end|");
  candidates = signet_store_list_reminder_candidates (f->base.store, TODAY, "2199-12-31", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (candidates->len, ==, 3);
  g_clear_pointer (&candidates, g_ptr_array_unref);
  /* The review of 1 January, 14 days before; in August the notice
   * deadline of 1 November, 90 days before, and the review, overdue. */
  g_assert_cmpuint (count_reminders (f, "2026-12-20"), ==, 1);
  g_assert_cmpuint (count_reminders (f, "2027-08-10"), ==, 2);

  terminate.termination_reason = (char *) "mutual";
  terminate.comment = (char *) "双方协商提前终止";
  terminate.effective_date = (char *) "2026-09-30";
  take (f, id, &terminate, "terminate");

  after = list_dates (f);
  g_assert_cmpstr (after, ==, "2026-01-01 start|2026-08-01 payment|");

  /* A date added after the termination takes effect is kept, not shown. */
  add_key_date (f, id, SIGNET_KEY_DATE_PAYMENT, "2026-12-01");
  add_key_date (f, id, SIGNET_KEY_DATE_PAYMENT, "2026-09-30");
  later = list_dates (f);
  g_assert_cmpstr (later, ==, "2026-01-01 start|2026-08-01 payment|2026-09-30 payment|");

  /* Derived again from scratch, the same. */
  g_assert_true (signet_store_rebuild_events (f->base.store, &error));
  g_assert_no_error (error);
  g_free (later);
  later = list_dates (f);
  g_assert_cmpstr (later, ==, "2026-01-01 start|2026-08-01 payment|2026-09-30 payment|");

  candidates = signet_store_list_reminder_candidates (f->base.store, TODAY, "2199-12-31", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (candidates->len, ==, 0);
  g_assert_cmpuint (count_reminders (f, "2026-12-20"), ==, 0);
  g_assert_cmpuint (count_reminders (f, "2027-08-10"), ==, 0);

  stored = reread (f, id);
  g_assert_cmpint (signet_contract_get_shown_status (stored, TODAY), ==, SIGNET_CONTRACT_STATUS_TERMINATED);
}

/* A signed contract past its end has expired: as the day passes its end,
 * its review is no longer due and its end no longer overdue. */
static void
test_expiry_by_the_day (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(SignetContract) contract = add_contract (f, "HT-8", SIGNET_CONTRACT_STATUS_SIGNED,
                                                     "2025-07-01", "2026-06-30");
  g_autoptr(GPtrArray) agenda = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *running = NULL;
  g_autofree char *ended = NULL;

  running = list_dates (f);
  g_assert_cmpstr (running, ==, "2026-06-30 end|2026-07-01 review|");
  agenda = signet_store_list_agenda (f->base.store, TODAY, 30, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (agenda->len, ==, 2);
  g_clear_pointer (&agenda, g_ptr_array_unref);

  signet_store_set_today (f->base.store, "2026-07-01");
  ended = list_dates (f);
  g_assert_cmpstr (ended, ==, "2026-06-30 end|");
  agenda = signet_store_list_agenda (f->base.store, "2026-07-01", 30, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (agenda->len, ==, 0);

  /* The clock set back: running again. */
  signet_store_set_today (f->base.store, TODAY);
  g_free (ended);
  ended = list_dates (f);
  g_assert_cmpstr (ended, ==, running);
}

/* The list sorts by the status it shows: a signed contract by its dates
 * (Signed before its start, Active, Expired after its end unless it
 * renews itself), in the order of the process; ties by number. */
static void
test_list_sort (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(SignetContract) renewing = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GArray) first = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) order = g_string_new (NULL);
  /* Draft, in review, signed, active (two, by number), expired, terminated. */
  const char *expected = "S-7 S-4 S-2 S-1 S-6 S-3 S-5 ";

  /* The status each is added with is not the one it shows. */
  g_object_unref (add_contract (f, "S-1", SIGNET_CONTRACT_STATUS_EXPIRED, "2026-01-01", "2026-12-31"));
  g_object_unref (add_contract (f, "S-2", SIGNET_CONTRACT_STATUS_ACTIVE, "2026-09-01", "2027-08-31"));
  g_object_unref (add_contract (f, "S-3", SIGNET_CONTRACT_STATUS_SIGNED, "2025-01-01", "2025-12-31"));
  g_object_unref (add_contract (f, "S-4", SIGNET_CONTRACT_STATUS_IN_REVIEW, NULL, NULL));
  g_object_unref (add_contract (f, "S-5", SIGNET_CONTRACT_STATUS_TERMINATED, "2025-01-01", "2027-12-31"));
  renewing = add_contract (f, "S-6", SIGNET_CONTRACT_STATUS_SIGNED, "2025-01-01", "2025-12-31");
  signet_contract_set_auto_renew (renewing, TRUE);
  g_assert_true (signet_store_update_contract (f->base.store, renewing, &error));
  g_assert_no_error (error);
  g_object_unref (add_contract (f, "S-7", SIGNET_CONTRACT_STATUS_DRAFT, NULL, NULL));

  ids = signet_store_query_contract_ids (f->base.store, NULL, SIGNET_SORT_STATUS, FALSE, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(SignetContract) contract = reread (f, g_array_index (ids, gint64, i));

      g_string_append_printf (order, "%s ", signet_contract_get_number (contract));
    }
  g_assert_cmpstr (order->str, ==, expected);

  first = signet_store_query_first_contract_ids (f->base.store, SIGNET_SORT_STATUS, TRUE, 2, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (first->len, ==, 2);
  {
    g_autoptr(SignetContract) last = reread (f, g_array_index (first, gint64, 0));
    g_autoptr(SignetContract) expired = reread (f, g_array_index (first, gint64, 1));

    g_assert_cmpstr (signet_contract_get_number (last), ==, "S-5");
    g_assert_cmpstr (signet_contract_get_number (expired), ==, "S-3");
  }
}

/* A step taken in another window (its own connection) reaches this one
 * as the same "changed::fields" for the contract, read from the audit log. */
static void
test_step_elsewhere (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(SignetContract) contract = add_contract (f, "HT-9", SIGNET_CONTRACT_STATUS_DRAFT, NULL, NULL);
  g_autoptr(SignetStore) other = NULL;
  g_autoptr(SignetContract) seen = NULL;
  g_autoptr(GError) error = NULL;
  SignetProcessStep submit = { SIGNET_PROCESS_ACTION_SUBMIT };

  other = signet_store_new (f->base.path, &error);
  g_assert_no_error (error);
  g_assert_true (signet_store_check_external_changes (f->base.store, &error));
  g_assert_no_error (error);

  g_assert_true (signet_store_take_process_step (other, signet_contract_get_id (contract),
                                                 signet_contract_get_version (contract), &submit, &error));
  g_assert_no_error (error);

  f->n_fields = f->n_changed = 0;
  g_assert_true (signet_store_check_external_changes (f->base.store, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (f->n_fields, ==, 1);
  g_assert_cmpuint (f->n_changed, ==, 1);

  seen = reread (f, signet_contract_get_id (contract));
  g_assert_cmpint (signet_contract_get_status (seen), ==, SIGNET_CONTRACT_STATUS_IN_REVIEW);
}

/* A register of version 8, made with SQL: statuses set by hand, and their
 * changes in the audit log. */
static void
test_migration_9 (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("signet-test-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "v8.db", NULL);
  g_autoptr(SignetStore) v8 = NULL;
  g_autoptr(SignetStore) now = NULL;
  g_autoptr(GPtrArray) events = NULL;
  static const struct
  {
    const char           *number;
    SignetContractStatus  stored;
    SignetContractStatus  shown;
    gboolean              auto_renew;
  } expected[] = {
    { "HT-2025-0001", SIGNET_CONTRACT_STATUS_SIGNED,     SIGNET_CONTRACT_STATUS_ACTIVE,     FALSE },
    { "HT-2025-0002", SIGNET_CONTRACT_STATUS_SIGNED,     SIGNET_CONTRACT_STATUS_EXPIRED,    FALSE },
    { "HT-2025-0003", SIGNET_CONTRACT_STATUS_SIGNED,     SIGNET_CONTRACT_STATUS_EXPIRED,    FALSE },
    { "HT-2025-0004", SIGNET_CONTRACT_STATUS_DRAFT,      SIGNET_CONTRACT_STATUS_DRAFT,      FALSE },
    { "HT-2025-0005", SIGNET_CONTRACT_STATUS_IN_REVIEW,  SIGNET_CONTRACT_STATUS_IN_REVIEW,  FALSE },
    { "HT-2025-0006", SIGNET_CONTRACT_STATUS_APPROVED,   SIGNET_CONTRACT_STATUS_APPROVED,   FALSE },
    { "HT-2025-0007", SIGNET_CONTRACT_STATUS_RENEWED,    SIGNET_CONTRACT_STATUS_RENEWED,    FALSE },
    { "HT-2025-0008", SIGNET_CONTRACT_STATUS_TERMINATED, SIGNET_CONTRACT_STATUS_TERMINATED, FALSE },
    { "HT-2025-0009", SIGNET_CONTRACT_STATUS_SIGNED,     SIGNET_CONTRACT_STATUS_ACTIVE,     TRUE },
  };
  SignetProcessEvent *event;

  g_assert_no_error (error);
  v8 = signet_store_new_at_version (path, 8, &error);
  g_assert_no_error (error);
  g_clear_object (&v8);

  /* 0001 active and 0002 expired as set by hand; 0003 was left active
   * past its end; 0009 renews itself; a second "expired" (0010, below)
   * that renewed itself stops renewing. */
  unit_exec_raw (path,
                 "INSERT INTO clients (id, name, code) VALUES (1, '上海华东建设工程有限公司', 'HDJS');"
                 "INSERT INTO contracts (id, number, title, client_id, value, currency, start_date, end_date,"
                 "  auto_renew, status, risk_level, uuid) VALUES"
                 "  (1, 'HT-2025-0001', '办公场地租赁', 1, 100, 'CNY', '2026-01-01', '2026-12-31', 0, 'active', 'low', '00000000-0000-4000-8000-000000000001'),"
                 "  (2, 'HT-2025-0002', '保洁服务', 1, 100, 'CNY', '2025-01-01', '2025-12-31', 0, 'expired', 'low', '00000000-0000-4000-8000-000000000002'),"
                 "  (3, 'HT-2025-0003', '安保服务', 1, 100, 'CNY', '2025-01-01', '2025-12-31', 0, 'active', 'low', '00000000-0000-4000-8000-000000000003'),"
                 "  (4, 'HT-2025-0004', '设备采购', 1, 100, 'CNY', NULL, NULL, 0, 'draft', 'low', '00000000-0000-4000-8000-000000000004'),"
                 "  (5, 'HT-2025-0005', '软件许可', 1, 100, 'CNY', NULL, NULL, 0, 'in-review', 'low', '00000000-0000-4000-8000-000000000005'),"
                 "  (6, 'HT-2025-0006', '咨询服务', 1, 100, 'CNY', NULL, NULL, 0, 'approved', 'low', '00000000-0000-4000-8000-000000000006'),"
                 "  (7, 'HT-2025-0007', '物业管理', 1, 100, 'CNY', '2024-01-01', '2024-12-31', 0, 'renewed', 'low', '00000000-0000-4000-8000-000000000007'),"
                 "  (8, 'HT-2025-0008', '车辆租赁', 1, 100, 'CNY', '2024-01-01', '2026-12-31', 0, 'terminated', 'low', '00000000-0000-4000-8000-000000000008'),"
                 "  (9, 'HT-2025-0009', '云服务订阅', 1, 100, 'CNY', '2024-01-01', '2024-12-31', 1, 'active', 'low', '00000000-0000-4000-8000-000000000009'),"
                 "  (10, 'HT-2025-0010', '绿化养护', 1, 100, 'CNY', '2024-01-01', '2024-12-31', 1, 'expired', 'low', '00000000-0000-4000-8000-000000000010');"
                 "INSERT INTO audit (at, user, action, record_kind, record_id, record_label, changes) VALUES"
                 "  ('2025-01-02T08:00:00.000Z', 'lina', 'create', 'contract', 1, 'HT-2025-0001',"
                 "   '[[\"number\",null,\"HT-2025-0001\"],[\"status\",null,\"draft\"]]'),"
                 "  ('2025-01-05T09:30:00.000Z', 'lina', 'update', 'contract', 1, 'HT-2025-0001',"
                 "   '[[\"status\",\"draft\",\"in-review\"]]'),"
                 "  ('2025-01-06T10:00:00.000Z', 'wangfang', 'update', 'contract', 1, 'HT-2025-0001',"
                 "   '[[\"notes\",null,\"ok\"]]'),"
                 "  ('2025-01-07T11:00:00.000Z', 'wangfang', 'update', 'contract', 1, 'HT-2025-0001',"
                 "   '[[\"status\",\"in-review\",\"active\"],[\"signing-date\",null,\"2025-01-07\"]]'),"
                 "  ('2025-01-08T11:00:00.000Z', 'lina', 'update', 'client', 1, '上海华东建设工程有限公司',"
                 "   '[[\"status\",\"a\",\"b\"]]'),"
                 "  ('2026-01-03T08:00:00.000Z', 'lina', 'update', 'contract', 2, 'HT-2025-0002',"
                 "   '[[\"status\",\"active\",\"expired\"]]');");

  now = signet_store_new (path, &error);
  g_assert_no_error (error);
  signet_store_set_today (now, TODAY);
  g_assert_cmpint (unit_query_raw_int (path, "PRAGMA user_version"), >=, 9);

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autoptr(SignetContract) contract = signet_store_find_contract_by_number (now, expected[i].number, &error);

      g_assert_no_error (error);
      g_test_message ("%s", expected[i].number);
      g_assert_cmpint (signet_contract_get_status (contract), ==, expected[i].stored);
      g_assert_cmpint (signet_contract_get_shown_status (contract, TODAY), ==, expected[i].shown);
      g_assert_cmpint (signet_contract_get_auto_renew (contract), ==, expected[i].auto_renew);
    }

  {
    g_autoptr(SignetContract) stopped = signet_store_find_contract_by_number (now, "HT-2025-0010", &error);

    g_assert_cmpint (signet_contract_get_shown_status (stopped, TODAY), ==, SIGNET_CONTRACT_STATUS_EXPIRED);
    g_assert_false (signet_contract_get_auto_renew (stopped));
  }

  events = signet_store_list_process_events (now, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (events->len, ==, 2);
  event = g_ptr_array_index (events, 0);
  g_assert_false (event->has_action);
  g_assert_cmpint (event->from_status, ==, SIGNET_CONTRACT_STATUS_DRAFT);
  g_assert_cmpint (event->to_status, ==, SIGNET_CONTRACT_STATUS_IN_REVIEW);
  g_assert_cmpstr (event->recorded_by, ==, "lina");
  g_assert_cmpstr (event->at, ==, "2025-01-05T09:30:00.000Z");
  event = g_ptr_array_index (events, 1);
  g_assert_cmpint (event->from_status, ==, SIGNET_CONTRACT_STATUS_IN_REVIEW);
  g_assert_cmpint (event->to_status, ==, SIGNET_CONTRACT_STATUS_ACTIVE);
  g_assert_cmpstr (event->recorded_by, ==, "wangfang");
  g_clear_pointer (&events, g_ptr_array_unref);

  events = signet_store_list_process_events (now, 2, &error);
  g_assert_cmpuint (events->len, ==, 1);
  g_clear_pointer (&events, g_ptr_array_unref);
  events = signet_store_list_process_events (now, 4, &error);
  g_assert_cmpuint (events->len, ==, 0);

  g_clear_object (&now);
  unit_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/process/transition-table", test_transition_table);
  g_test_add_func ("/process/action-names", test_action_names);
  g_test_add_func ("/process/shown-status", test_shown_status);
  g_test_add_func ("/process/is-signed", test_is_signed);
#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/process/whole-process", test_whole_process);
  ADD ("/process/reject-renew-cancel", test_reject_renew_cancel);
  ADD ("/process/version-conflict", test_version_conflict);
  ADD ("/process/save-refuses-status", test_save_refuses_status);
  ADD ("/process/termination-stops-dates", test_termination_stops_dates);
  ADD ("/process/expiry-by-the-day", test_expiry_by_the_day);
  ADD ("/process/list-sort", test_list_sort);
  ADD ("/process/step-elsewhere", test_step_elsewhere);
#undef ADD
  g_test_add_func ("/process/migration-9", test_migration_9);

  return g_test_run ();
}
