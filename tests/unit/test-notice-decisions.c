/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <locale.h>

#include "signet-contract-process.h"
#include "signet-store-events.h"
#include "signet-store-notice.h"
#include "signet-store-private.h"
#include "signet-store-process.h"
#include "signet-store-renewals.h"
#include "store-fixture.h"
#include "unit-test-utils.h"

/* What happens at a notice deadline: a term that renews itself is
 * recorded once, as the store sees the day pass its end; Let Expire stops
 * the renewals, the dates and the reminders at that end; each decision is
 * recorded and audited. */

typedef struct
{
  StoreFixture base;
  guint        n_fields;
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
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  store_fixture_open (&f->base, "2026-11-20");
  g_signal_connect (f->base.store, "changed::" SIGNET_STORE_CHANGED_FIELDS, G_CALLBACK (fields_changed_cb), f);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  store_fixture_close (&f->base);
}

/* A signed contract of 2026, 30 days' notice: its notice deadline is
 * 2026-12-01. */
static gint64
add_signed (Fixture    *f,
            const char *number,
            gboolean    auto_renew)
{
  g_autoptr(SignetContract) contract = signet_contract_new ();
  g_autoptr(GError) error = NULL;

  signet_contract_set_number (contract, number);
  signet_contract_set_title (contract, "保洁服务");
  signet_contract_set_client_id (contract, signet_client_get_id (f->base.client));
  signet_contract_set_status (contract, SIGNET_CONTRACT_STATUS_SIGNED);
  signet_contract_set_start_date (contract, "2026-01-01");
  signet_contract_set_end_date (contract, "2026-12-31");
  signet_contract_set_auto_renew (contract, auto_renew);
  signet_contract_set_notice_days (contract, 30);
  g_assert_true (signet_store_add_contract (f->base.store, contract, &error));
  g_assert_no_error (error);

  return signet_contract_get_id (contract);
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

static gint64
version_of (Fixture *f,
            gint64   id)
{
  g_autoptr(SignetContract) contract = reread (f, id);

  return signet_contract_get_version (contract);
}

/* The day moves on and the store brings its events to it. */
static void
move_to (Fixture    *f,
         const char *day)
{
  g_autoptr(GError) error = NULL;

  signet_store_set_today (f->base.store, day);
  g_assert_true (signet_store_update_events (f->base.store, &error));
  g_assert_no_error (error);
}

/* The contract's tacit renewals, as "old→new" ends. */
static char *
tacit_renewals (Fixture *f,
                gint64   id)
{
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GError) error = NULL;

  events = signet_store_list_process_events (f->base.store, id, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < events->len; i++)
    {
      const SignetProcessEvent *event = g_ptr_array_index (events, i);

      if (!event->has_action || event->action != SIGNET_PROCESS_ACTION_RENEW_TACITLY)
        continue;

      g_assert_cmpint (event->from_status, ==, SIGNET_CONTRACT_STATUS_SIGNED);
      g_assert_cmpint (event->to_status, ==, SIGNET_CONTRACT_STATUS_SIGNED);
      g_assert_cmpstr (event->recorded_by, ==, g_get_user_name ());
      g_string_append_printf (text, "%s%s→%s", text->len > 0 ? " " : "", event->term_end, event->new_term_end);
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* The contract's audit entries of @token, as "old→new" of their end date. */
static char *
audited (Fixture    *f,
         gint64      id,
         const char *token)
{
  g_autoptr(GPtrArray) audit = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GError) error = NULL;

  audit = signet_store_list_audit (f->base.store, SIGNET_RECORD_CONTRACT, id, &error);
  g_assert_no_error (error);
  /* Newest first: read them oldest first. */
  for (guint i = audit->len; i > 0; i--)
    {
      const SignetAuditEntry *entry = g_ptr_array_index (audit, i - 1);
      const SignetAuditChange *change;

      if (g_strcmp0 (signet_audit_action_to_token (entry->action), token) != 0)
        continue;

      g_assert_cmpuint (entry->changes->len, >=, 1);
      change = g_ptr_array_index (entry->changes, 0);
      g_assert_cmpstr (change->field, ==, "end-date");
      g_string_append_printf (text, "%s%s→%s", text->len > 0 ? " " : "", change->old_value, change->new_value);
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* The kinds and dates of the contract's events in 2026-2030, "kind date". */
static char *
events_of (Fixture *f,
           gint64   id)
{
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GError) error = NULL;

  events = signet_store_list_events (f->base.store, "2026-01-01", "2030-12-31", &error);
  g_assert_no_error (error);
  for (guint i = 0; i < events->len; i++)
    {
      SignetEvent *event = g_ptr_array_index (events, i);

      if (signet_event_get_contract_id (event) != id)
        continue;
      g_string_append_printf (text, "%s%s %s", text->len > 0 ? ", " : "",
                              signet_key_date_kind_to_token (signet_event_get_kind (event)),
                              signet_event_get_date (event));
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static SignetContractStatus
shown_status (Fixture *f,
              gint64   id)
{
  g_autoptr(SignetContract) contract = reread (f, id);
  g_autofree char *today = signet_store_dup_today (f->base.store);

  return signet_contract_get_shown_status (contract, today);
}

static void
reopen (Fixture *f)
{
  g_autofree char *today = signet_store_dup_today (f->base.store);
  g_autoptr(GError) error = NULL;

  g_clear_object (&f->base.store);
  f->base.store = signet_store_open (f->base.path, 0, &error);
  g_assert_no_error (error);
  signet_store_set_today (f->base.store, today);
  g_assert_true (signet_store_update_events (f->base.store, &error));
  g_assert_no_error (error);
}

/* One term passed: one event and one audit entry, the contract still
 * signed and Active; the same day again, a store opened again or the next
 * day record nothing more. */
static void
test_tacit_one (Fixture       *f,
                gconstpointer  data)
{
  gint64 id = add_signed (f, "HT-2026-0001", TRUE);
  g_autofree char *rolls = NULL;
  g_autofree char *entries = NULL;
  g_autofree char *again = NULL;

  move_to (f, "2026-11-20");
  g_assert_cmpstr ((rolls = tacit_renewals (f, id)), ==, "");

  f->n_fields = 0;
  move_to (f, "2027-01-05");
  g_assert_cmpstr ((rolls = (g_free (rolls), tacit_renewals (f, id))), ==, "2026-12-31→2027-12-31");
  g_assert_cmpstr ((entries = audited (f, id, "renew-tacitly")), ==, "2026-12-31→2027-12-31");
  /* The page and the list hear of it. */
  g_assert_cmpuint (f->n_fields, ==, 1);
  g_assert_cmpint (shown_status (f, id), ==, SIGNET_CONTRACT_STATUS_ACTIVE);
  {
    g_autoptr(SignetContract) contract = reread (f, id);

    g_assert_cmpint (signet_contract_get_status (contract), ==, SIGNET_CONTRACT_STATUS_SIGNED);
    /* The signed terms stay as signed: the roll is derived, and recorded. */
    g_assert_cmpstr (signet_contract_get_end_date (contract), ==, "2026-12-31");
  }

  move_to (f, "2027-01-05");
  reopen (f);
  reopen (f);
  move_to (f, "2027-01-06");
  g_assert_cmpstr ((again = tacit_renewals (f, id)), ==, "2026-12-31→2027-12-31");
  g_free (entries);
  g_assert_cmpstr ((entries = audited (f, id, "renew-tacitly")), ==, "2026-12-31→2027-12-31");
}

/* A register not opened for three terms: three events in order, each with
 * its own dates, and once only. */
static void
test_tacit_three (Fixture       *f,
                  gconstpointer  data)
{
  gint64 id = add_signed (f, "HT-2026-0002", TRUE);
  const char *expected = "2026-12-31→2027-12-31 2027-12-31→2028-12-31 2028-12-31→2029-12-31";
  g_autofree char *rolls = NULL;
  g_autofree char *entries = NULL;
  g_autofree char *events = NULL;

  move_to (f, "2026-11-20");
  move_to (f, "2029-06-01");
  g_assert_cmpstr ((rolls = tacit_renewals (f, id)), ==, expected);
  g_assert_cmpstr ((entries = audited (f, id, "renew-tacitly")), ==, expected);
  /* The calendar shows the term in force (and the first review, never
   * recorded, still due). */
  g_assert_cmpstr ((events = events_of (f, id)), ==,
                   "review 2027-01-01, start 2029-01-01, notice-deadline 2029-12-01, end 2029-12-31");

  reopen (f);
  move_to (f, "2029-06-01");
  g_free (rolls);
  g_assert_cmpstr ((rolls = tacit_renewals (f, id)), ==, expected);
  g_free (entries);
  g_assert_cmpstr ((entries = audited (f, id, "renew-tacitly")), ==, expected);
}

/* No auto-renewal, a termination, a Let Expire: nothing renews. */
static void
test_tacit_none (Fixture       *f,
                 gconstpointer  data)
{
  gint64 plain = add_signed (f, "HT-2026-0003", FALSE);
  gint64 terminated = add_signed (f, "HT-2026-0004", TRUE);
  gint64 let_expire = add_signed (f, "HT-2026-0005", TRUE);
  g_auto(SignetProcessStep) step = { SIGNET_PROCESS_ACTION_TERMINATE };
  g_autoptr(GError) error = NULL;
  g_autofree char *a = NULL, *b = NULL, *c = NULL;

  move_to (f, "2026-11-20");
  step.termination_reason = g_strdup ("mutual");
  step.comment = g_strdup ("双方协商");
  step.effective_date = g_strdup ("2026-12-15");
  g_assert_true (signet_store_take_process_step (f->base.store, terminated, version_of (f, terminated),
                                                 &step, &error));
  g_assert_no_error (error);
  g_assert_true (signet_store_let_expire (f->base.store, let_expire, version_of (f, let_expire),
                                          "2026-12-01", NULL, NULL, NULL, &error));
  g_assert_no_error (error);

  move_to (f, "2028-03-01");
  g_assert_cmpstr ((a = tacit_renewals (f, plain)), ==, "");
  g_assert_cmpstr ((b = tacit_renewals (f, terminated)), ==, "");
  g_assert_cmpstr ((c = tacit_renewals (f, let_expire)), ==, "");
  g_assert_cmpint (shown_status (f, plain), ==, SIGNET_CONTRACT_STATUS_EXPIRED);
  g_assert_cmpint (shown_status (f, let_expire), ==, SIGNET_CONTRACT_STATUS_EXPIRED);
}

static guint
count_candidates (Fixture    *f,
                  gint64      id,
                  const char *today,
                  const char *after)
{
  g_autoptr(GPtrArray) candidates = NULL;
  g_autoptr(GError) error = NULL;
  guint n = 0;

  candidates = signet_store_list_reminder_candidates (f->base.store, today, "2028-12-31", &error);
  g_assert_no_error (error);
  for (guint i = 0; i < candidates->len; i++)
    {
      SignetReminderCandidate *candidate = g_ptr_array_index (candidates, i);

      if (signet_event_get_contract_id (candidate->event) == id &&
          g_strcmp0 (signet_event_get_date (candidate->event), after) > 0)
        n++;
    }

  return n;
}

/* Let Expire: recorded and audited; the contract stays Active to its end
 * and is Expired after it; no date, event or reminder after the end; no
 * second decision; Undo (withdraw) brings the renewal back. */
static void
test_let_expire (Fixture       *f,
                 gconstpointer  data)
{
  gint64 id = add_signed (f, "HT-2026-0006", TRUE);
  g_autoptr(SignetNoticeDecision) decision = NULL;
  g_autoptr(GPtrArray) audit = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *events = NULL;
  const SignetAuditEntry *entry;
  gint64 decision_id = 0;
  gint64 version;

  move_to (f, "2026-11-20");
  g_assert_cmpstr ((events = events_of (f, id)), ==,
                   "start 2026-01-01, notice-deadline 2026-12-01, end 2026-12-31, review 2027-01-01");
  g_assert_cmpuint (count_candidates (f, id, "2026-11-20", "2026-12-31"), >, 0);

  version = version_of (f, id);
  f->n_fields = 0;
  g_assert_true (signet_store_let_expire (f->base.store, id, version, "2026-12-01", "王芳", " 不再续约 ",
                                          &decision_id, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (f->n_fields, ==, 1);
  g_assert_cmpint (version_of (f, id), ==, version + 1);

  decision = signet_store_get_notice_decision (f->base.store, id, "2026-12-01", &error);
  g_assert_no_error (error);
  g_assert_nonnull (decision);
  g_assert_cmpint (decision->id, ==, decision_id);
  g_assert_cmpint (decision->choice, ==, SIGNET_NOTICE_CHOICE_LET_EXPIRE);
  g_assert_cmpstr (decision->term_end, ==, "2026-12-31");
  g_assert_cmpstr (decision->decided_by, ==, "王芳");
  g_assert_cmpstr (decision->recorded_by, ==, g_get_user_name ());
  g_assert_cmpstr (decision->comment, ==, "不再续约");
  g_assert_nonnull (decision->at);

  audit = signet_store_list_audit (f->base.store, SIGNET_RECORD_CONTRACT, id, &error);
  g_assert_no_error (error);
  entry = g_ptr_array_index (audit, 0);
  g_assert_cmpstr (signet_audit_action_to_token (entry->action), ==, "notice-let-expire");
  g_assert_cmpstr (signet_audit_action_to_label (entry->action), ==, "Decided at the notice deadline: let expire");
  /* History: "End date: 2026-12-31", "Comment: 不再续约". */
  g_assert_cmpuint (entry->changes->len, ==, 2);
  g_assert_cmpstr (((SignetAuditChange *) g_ptr_array_index (entry->changes, 0))->field, ==, "end-date");
  g_assert_null (((SignetAuditChange *) g_ptr_array_index (entry->changes, 0))->old_value);
  g_assert_cmpstr (((SignetAuditChange *) g_ptr_array_index (entry->changes, 0))->new_value, ==, "2026-12-31");
  g_assert_cmpstr (((SignetAuditChange *) g_ptr_array_index (entry->changes, 1))->field, ==, "comment");
  g_assert_cmpstr (((SignetAuditChange *) g_ptr_array_index (entry->changes, 1))->new_value, ==, "不再续约");

  /* Ending: the end stays, the review after it goes. */
  g_free (events);
  g_assert_cmpstr ((events = events_of (f, id)), ==,
                   "start 2026-01-01, notice-deadline 2026-12-01, end 2026-12-31");
  g_assert_cmpint (shown_status (f, id), ==, SIGNET_CONTRACT_STATUS_ACTIVE);
  g_assert_cmpuint (count_candidates (f, id, "2026-11-20", "2026-12-31"), ==, 0);

  /* Taken once. */
  g_assert_false (signet_store_let_expire (f->base.store, id, version_of (f, id), "2026-12-01", NULL, NULL,
                                           NULL, &error));
  g_assert_error (error, SIGNET_PROCESS_ERROR, SIGNET_PROCESS_ERROR_NOT_ALLOWED);
  g_clear_error (&error);

  /* Past the end: expired, nothing renewed, no date or reminder after it,
   * and its end is not an overdue deadline in the agenda. */
  move_to (f, "2027-02-01");
  g_assert_cmpint (shown_status (f, id), ==, SIGNET_CONTRACT_STATUS_EXPIRED);
  g_free (events);
  g_assert_cmpstr ((events = events_of (f, id)), ==, "start 2026-01-01, end 2026-12-31");
  g_assert_cmpuint (count_candidates (f, id, "2027-02-01", "2026-12-31"), ==, 0);
  {
    g_autoptr(GPtrArray) agenda = signet_store_list_agenda (f->base.store, "2027-02-01", 365, &error);

    g_assert_no_error (error);
    for (guint i = 0; i < agenda->len; i++)
      g_assert_cmpint (signet_event_get_contract_id (g_ptr_array_index (agenda, i)), !=, id);
  }
}

/* Let Expire in a term the contract renewed itself into: it expires at
 * that term's end, the end it rolled to, not the end it was signed with. */
static void
test_let_expire_rolled (Fixture       *f,
                        gconstpointer  data)
{
  gint64 id = add_signed (f, "HT-2026-0011", TRUE);
  g_autoptr(SignetNoticeDecision) decision = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *events = NULL;
  g_autofree char *rolls = NULL;

  move_to (f, "2026-11-20");
  move_to (f, "2027-11-20");
  g_assert_cmpstr ((rolls = tacit_renewals (f, id)), ==, "2026-12-31→2027-12-31");

  g_assert_true (signet_store_let_expire (f->base.store, id, version_of (f, id), "2027-12-01", NULL, NULL, NULL,
                                          &error));
  g_assert_no_error (error);
  decision = signet_store_get_notice_decision (f->base.store, id, "2027-12-01", &error);
  g_assert_nonnull (decision);
  g_assert_cmpstr (decision->term_end, ==, "2027-12-31");
  g_assert_cmpint (shown_status (f, id), ==, SIGNET_CONTRACT_STATUS_ACTIVE);
  g_assert_cmpstr ((events = events_of (f, id)), ==,
                   "start 2027-01-01, review 2027-01-01, notice-deadline 2027-12-01, end 2027-12-31");

  move_to (f, "2028-01-05");
  g_assert_cmpint (shown_status (f, id), ==, SIGNET_CONTRACT_STATUS_EXPIRED);
  g_free (rolls);
  g_assert_cmpstr ((rolls = tacit_renewals (f, id)), ==, "2026-12-31→2027-12-31");
  g_free (events);
  g_assert_cmpstr ((events = events_of (f, id)), ==, "start 2027-01-01, end 2027-12-31");
}

/* Undo of Let Expire: the decision goes, the dates come back. */
static void
test_withdraw (Fixture       *f,
               gconstpointer  data)
{
  gint64 id = add_signed (f, "HT-2026-0007", TRUE);
  g_autoptr(SignetNoticeDecision) decision = NULL;
  g_autoptr(GPtrArray) audit = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *events = NULL;
  g_autofree char *rolls = NULL;
  gint64 decision_id = 0;

  move_to (f, "2026-11-20");
  g_assert_true (signet_store_let_expire (f->base.store, id, version_of (f, id), "2026-12-01", NULL, NULL,
                                          &decision_id, &error));
  g_assert_no_error (error);

  g_assert_true (signet_store_withdraw_notice_decision (f->base.store, decision_id, &error));
  g_assert_no_error (error);
  decision = signet_store_get_notice_decision (f->base.store, id, "2026-12-01", &error);
  g_assert_no_error (error);
  g_assert_null (decision);
  audit = signet_store_list_audit (f->base.store, SIGNET_RECORD_CONTRACT, id, &error);
  g_assert_cmpstr (signet_audit_action_to_token (((SignetAuditEntry *) g_ptr_array_index (audit, 0))->action), ==,
                   "withdraw-notice-decision");
  g_assert_cmpstr ((events = events_of (f, id)), ==,
                   "start 2026-01-01, notice-deadline 2026-12-01, end 2026-12-31, review 2027-01-01");

  /* Withdrawn twice: nothing to do. */
  g_assert_false (signet_store_withdraw_notice_decision (f->base.store, decision_id, &error));
  g_assert_error (error, SIGNET_STORE_ERROR, SIGNET_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  move_to (f, "2027-01-05");
  g_assert_cmpstr ((rolls = tacit_renewals (f, id)), ==, "2026-12-31→2027-12-31");
}

/* Terminate… at the notice deadline: the step and the decision in one
 * write, both in History. */
static void
test_terminate (Fixture       *f,
                gconstpointer  data)
{
  gint64 id = add_signed (f, "HT-2026-0008", TRUE);
  g_auto(SignetProcessStep) step = { SIGNET_PROCESS_ACTION_TERMINATE };
  g_autoptr(SignetNoticeDecision) decision = NULL;
  g_autoptr(SignetContract) contract = NULL;
  g_autoptr(GPtrArray) audit = NULL;
  g_autoptr(GError) error = NULL;

  move_to (f, "2026-11-20");
  step.termination_reason = g_strdup ("expired-not-renewed");
  step.comment = g_strdup ("到期终止");
  step.effective_date = g_strdup ("2026-12-31");

  f->n_fields = 0;
  g_assert_true (signet_store_terminate_at_notice (f->base.store, id, version_of (f, id), "2026-12-01",
                                                   &step, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (f->n_fields, ==, 1);

  contract = reread (f, id);
  g_assert_cmpint (signet_contract_get_status (contract), ==, SIGNET_CONTRACT_STATUS_TERMINATED);
  decision = signet_store_get_notice_decision (f->base.store, id, "2026-12-01", &error);
  g_assert_nonnull (decision);
  g_assert_cmpint (decision->choice, ==, SIGNET_NOTICE_CHOICE_TERMINATE);
  g_assert_cmpstr (decision->comment, ==, "到期终止");

  audit = signet_store_list_audit (f->base.store, SIGNET_RECORD_CONTRACT, id, &error);
  g_assert_cmpstr (signet_audit_action_to_token (((SignetAuditEntry *) g_ptr_array_index (audit, 0))->action), ==,
                   "notice-terminate");
  g_assert_cmpstr (signet_audit_action_to_token (((SignetAuditEntry *) g_ptr_array_index (audit, 1))->action), ==,
                   "terminate");

  /* A decision cannot be withdrawn that is a step of the process. */
  g_assert_false (signet_store_withdraw_notice_decision (f->base.store, decision->id, &error));
  g_assert_error (error, SIGNET_PROCESS_ERROR, SIGNET_PROCESS_ERROR_NOT_ALLOWED);
}

/* Renew… of a contract that renews itself is the decision at its notice
 * deadline: recorded with the renewal, in History before "Renewed". */
static void
test_renew (Fixture       *f,
            gconstpointer  data)
{
  gint64 id = add_signed (f, "HT-2026-0012", TRUE);
  g_autoptr(SignetContract) successor = NULL;
  g_autoptr(SignetNoticeDecision) decision = NULL;
  g_autoptr(GPtrArray) audit = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *rolls = NULL;

  move_to (f, "2026-11-20");
  successor = signet_store_propose_renewal (f->base.store, id, "HT-{YYYY}-{NNNN}", &error);
  g_assert_no_error (error);
  g_assert_true (signet_store_renew_contract (f->base.store, id, version_of (f, id), successor, "王芳", "续约一年",
                                              &error));
  g_assert_no_error (error);

  decision = signet_store_get_notice_decision (f->base.store, id, "2026-12-01", &error);
  g_assert_no_error (error);
  g_assert_nonnull (decision);
  g_assert_cmpint (decision->choice, ==, SIGNET_NOTICE_CHOICE_RENEW);
  g_assert_cmpstr (decision->term_end, ==, "2026-12-31");
  g_assert_cmpstr (decision->decided_by, ==, "王芳");
  g_assert_cmpstr (decision->comment, ==, "续约一年");

  audit = signet_store_list_audit (f->base.store, SIGNET_RECORD_CONTRACT, id, &error);
  g_assert_cmpstr (signet_audit_action_to_token (((SignetAuditEntry *) g_ptr_array_index (audit, 0))->action), ==,
                   "renew");
  g_assert_cmpstr (signet_audit_action_to_token (((SignetAuditEntry *) g_ptr_array_index (audit, 1))->action), ==,
                   "notice-renew");

  /* Renewed, it no longer renews itself. */
  move_to (f, "2027-01-05");
  g_assert_cmpstr ((rolls = tacit_renewals (f, id)), ==, "");
}

/* Refused, with nothing written: a deadline that is not the contract's, a
 * draft, a stale version. */
static void
test_refused (Fixture       *f,
              gconstpointer  data)
{
  gint64 id = add_signed (f, "HT-2026-0009", TRUE);
  g_autoptr(SignetContract) draft = signet_contract_new ();
  g_autoptr(GPtrArray) decisions = NULL;
  g_autoptr(GError) error = NULL;
  gint64 version;

  move_to (f, "2026-11-20");
  version = version_of (f, id);
  f->n_fields = 0;

  g_assert_false (signet_store_let_expire (f->base.store, id, version, "2026-11-01", NULL, NULL, NULL, &error));
  g_assert_error (error, SIGNET_PROCESS_ERROR, SIGNET_PROCESS_ERROR_NOT_ALLOWED);
  g_clear_error (&error);

  g_assert_false (signet_store_let_expire (f->base.store, id, version - 1, "2026-12-01", NULL, NULL, NULL, &error));
  g_assert_error (error, SIGNET_STORE_ERROR, SIGNET_STORE_ERROR_CONFLICT);
  g_clear_error (&error);

  signet_contract_set_number (draft, "HT-2026-0010");
  signet_contract_set_title (draft, "草稿");
  signet_contract_set_client_id (draft, signet_client_get_id (f->base.client));
  signet_contract_set_start_date (draft, "2026-01-01");
  signet_contract_set_end_date (draft, "2026-12-31");
  signet_contract_set_auto_renew (draft, TRUE);
  signet_contract_set_notice_days (draft, 30);
  g_assert_true (signet_store_add_contract (f->base.store, draft, &error));
  g_assert_false (signet_store_let_expire (f->base.store, signet_contract_get_id (draft),
                                           signet_contract_get_version (draft), "2026-12-01",
                                           NULL, NULL, NULL, &error));
  g_assert_error (error, SIGNET_PROCESS_ERROR, SIGNET_PROCESS_ERROR_NOT_ALLOWED);
  g_clear_error (&error);

  g_assert_cmpuint (f->n_fields, ==, 1);  /* the draft added */
  g_assert_cmpint (version_of (f, id), ==, version);
  decisions = signet_store_list_notice_decisions (f->base.store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (decisions->len, ==, 0);
}

/* A register of version 14 with an auto-renewing contract whose end passed
 * opens at 15: it still shows Active in its current term, and no renewal
 * that passed before is made up. */
static void
test_migration (void)
{
  StoreFixture f;
  g_autoptr(SignetStore) store = NULL;
  g_autoptr(SignetContract) contract = NULL;
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GPtrArray) decisions = NULL;
  g_autoptr(GError) error = NULL;

  if (store_fixture_on_server ())
    {
      g_test_skip ("A register in a file only: it checks the migration from a file of version 14");
      return;
    }

  store_fixture_open_empty (&f, "signet.db");
  g_clear_object (&f.store);
  unit_remove_tree (f.dir);
  g_mkdir_with_parents (f.dir, 0700);

  store = signet_store_new_at_version (f.path, 14, &error);
  g_assert_no_error (error);
  g_clear_object (&store);
  unit_exec_raw (f.path,
                 "INSERT INTO clients (id, name, code) VALUES (1, '华东建设', 'HDJS');"
                 "INSERT INTO contracts (id, number, title, client_id, value, currency, start_date, end_date, "
                 "status, risk_level, notice_days, auto_renew) VALUES (1, 'HT-2024-0001', '办公室租赁', 1, "
                 "100000, 'CNY', '2024-01-01', '2024-12-31', 'signed', 'low', 30, 1);"
                 "INSERT INTO process_events (contract_id, action, from_status, to_status, recorded_by, at) "
                 "VALUES (1, 'mark-signed', 'approved', 'signed', 'lina', '2023-12-20T08:00:00Z');");

  store = signet_store_open (f.path, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpint (unit_query_raw_int (f.path, "PRAGMA user_version"), ==, signet_store_get_schema_version ());
  signet_store_set_today (store, "2026-06-01");

  contract = signet_store_get_contract (store, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (signet_contract_get_shown_status (contract, "2026-06-01"), ==, SIGNET_CONTRACT_STATUS_ACTIVE);
  g_assert_null (signet_contract_get_let_expire_end (contract));

  events = signet_store_list_process_events (store, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (events->len, ==, 1);
  g_assert_cmpint (((SignetProcessEvent *) g_ptr_array_index (events, 0))->action, ==,
                   SIGNET_PROCESS_ACTION_MARK_SIGNED);
  g_assert_null (((SignetProcessEvent *) g_ptr_array_index (events, 0))->term_end);
  decisions = signet_store_list_notice_decisions (store, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (decisions->len, ==, 0);

  /* The term in force is derived as before: 2026, its notice deadline in
   * December. */
  g_clear_pointer (&events, g_ptr_array_unref);
  events = signet_store_list_events (store, "2026-01-01", "2026-12-31", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (events->len, ==, 3);
  g_assert_cmpstr (signet_event_get_date (g_ptr_array_index (events, 0)), ==, "2026-01-01");
  g_assert_cmpstr (signet_event_get_date (g_ptr_array_index (events, 1)), ==, "2026-12-01");
  g_assert_cmpstr (signet_event_get_date (g_ptr_array_index (events, 2)), ==, "2026-12-31");

  /* From now on a term that ends is recorded. */
  signet_store_set_today (store, "2027-01-02");
  g_assert_true (signet_store_update_events (store, &error));
  g_clear_pointer (&events, g_ptr_array_unref);
  events = signet_store_list_process_events (store, 1, &error);
  g_assert_cmpuint (events->len, ==, 2);
  g_assert_cmpstr (((SignetProcessEvent *) g_ptr_array_index (events, 1))->term_end, ==, "2026-12-31");
  g_assert_cmpstr (((SignetProcessEvent *) g_ptr_array_index (events, 1))->new_term_end, ==, "2027-12-31");

  g_clear_object (&store);
  store_fixture_close (&f);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/notice/tacit-one", test_tacit_one);
  ADD ("/notice/tacit-three", test_tacit_three);
  ADD ("/notice/tacit-none", test_tacit_none);
  ADD ("/notice/let-expire", test_let_expire);
  ADD ("/notice/let-expire-rolled", test_let_expire_rolled);
  ADD ("/notice/withdraw", test_withdraw);
  ADD ("/notice/terminate", test_terminate);
  ADD ("/notice/renew", test_renew);
  ADD ("/notice/refused", test_refused);
#undef ADD
  g_test_add_func ("/notice/migration", test_migration);

  return g_test_run ();
}
