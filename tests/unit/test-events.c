/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The calendar's events as the store keeps them: date-range queries, key
 * dates users add, reviews, the day the events are derived for, Undo of a
 * deleted contract, the agenda, reminder settings and acknowledgements. */

#include "config.h"

#include <locale.h>
#include <string.h>

#include <glib/gstdio.h>

#include "signet-date.h"
#include "signet-demo.h"
#include "signet-store-events.h"
#include "signet-tombstone.h"
#include "store-fixture.h"

typedef struct
{
  char         *dir;
  char         *path;
  SignetStore  *store;
  SignetClient *client;
  guint         n_changed;
  gint64        changed_id;
} Fixture;

static void
store_changed_cb (SignetStore      *store,
                  SignetRecordKind  kind,
                  gint64            id,
                  SignetChangeKind  change,
                  Fixture          *f)
{
  g_assert_cmpint (kind, ==, SIGNET_RECORD_CONTRACT);
  g_assert_cmpint (change, ==, SIGNET_CHANGE_UPDATED);
  f->n_changed++;
  f->changed_id = id;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  StoreFixture opened;

  store_fixture_open (&opened, "2026-06-15");
  f->dir = opened.dir;
  f->path = opened.path;
  f->store = opened.store;
  f->client = opened.client;
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  StoreFixture opened = { f->dir, f->path, f->store, f->client };

  store_fixture_close (&opened);
}

static void
watch_changes (Fixture *f)
{
  g_signal_connect (f->store, "changed", G_CALLBACK (store_changed_cb), f);
}

static gint64
add (Fixture              *f,
     const char           *number,
     const char           *title,
     const char           *start,
     const char           *end,
     gboolean              auto_renew,
     guint                 notice_days,
     SignetContractStatus  status,
     SignetRiskLevel       risk)
{
  g_autoptr(SignetContract) contract = signet_contract_new ();
  g_autoptr(GError) error = NULL;

  signet_contract_set_number (contract, number);
  signet_contract_set_title (contract, title);
  signet_contract_set_client_id (contract, signet_client_get_id (f->client));
  signet_contract_set_currency (contract, "CNY");
  signet_contract_set_start_date (contract, start);
  signet_contract_set_end_date (contract, end);
  signet_contract_set_auto_renew (contract, auto_renew);
  signet_contract_set_notice_days (contract, notice_days);
  signet_contract_set_status (contract, status);
  signet_contract_set_risk_level (contract, risk);
  g_assert_true (signet_store_add_contract (f->store, contract, &error));
  g_assert_no_error (error);

  return signet_contract_get_id (contract);
}

/* "date kind number[ title]|" for each event. */
static char *
describe (GPtrArray *events)
{
  GString *s = g_string_new (NULL);

  g_assert_nonnull (events);
  for (guint i = 0; i < events->len; i++)
    {
      SignetEvent *event = g_ptr_array_index (events, i);

      g_string_append_printf (s, "%s %s %s", signet_event_get_date (event),
                              signet_key_date_kind_to_token (signet_event_get_kind (event)),
                              signet_event_get_contract_number (event));
      if (signet_event_get_title (event) != NULL)
        g_string_append_printf (s, " %s", signet_event_get_title (event));
      g_string_append_c (s, '|');
    }

  return g_string_free (s, FALSE);
}

static char *
list (Fixture    *f,
      const char *from,
      const char *to)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) events = signet_store_list_events (f->store, from, to, &error);

  g_assert_no_error (error);

  return describe (events);
}

static SignetEvent *
only_event (Fixture    *f,
            const char *date)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) events = signet_store_list_events (f->store, date, date, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (events->len, ==, 1);

  return g_object_ref (g_ptr_array_index (events, 0));
}

static guint
count_audit (Fixture *f,
             gint64   contract_id)
{
  g_autoptr(GPtrArray) entries = signet_store_list_audit (f->store, SIGNET_RECORD_CONTRACT, contract_id, NULL);

  return entries->len;
}

static SignetAuditEntry *
newest_audit (Fixture *f,
              gint64   contract_id,
              char   **changes)
{
  g_autoptr(GPtrArray) entries = signet_store_list_audit (f->store, SIGNET_RECORD_CONTRACT, contract_id, NULL);
  SignetAuditEntry *entry = g_ptr_array_steal_index (entries, 0);
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < entry->changes->len; i++)
    {
      SignetAuditChange *change = g_ptr_array_index (entry->changes, i);

      g_string_append_printf (s, "%s:%s>%s|", change->field,
                              change->old_value ? change->old_value : "-",
                              change->new_value ? change->new_value : "-");
    }
  *changes = g_string_free (s, FALSE);

  return entry;
}

static void
test_range_and_order (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(SignetEvent) notice = NULL;
  g_autoptr(SignetEvent) review = NULL;
  g_autoptr(SignetEvent) start = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autofree char *december = NULL;
  g_autofree char *one_day = NULL;
  SignetKeyDateKind kind;

  add (f, "HT-2026-0002", "Cleaning", "2026-01-01", "2026-12-31", TRUE, 30,
       SIGNET_CONTRACT_STATUS_ACTIVE, SIGNET_RISK_LEVEL_LOW);
  add (f, "HT-2026-0001", "Audit", "2026-03-01", "2027-02-28", FALSE, 0,
       SIGNET_CONTRACT_STATUS_ACTIVE, SIGNET_RISK_LEVEL_HIGH);
  add (f, "HT-2026-0003", "Draft", "2026-12-01", "2027-11-30", FALSE, 0,
       SIGNET_CONTRACT_STATUS_DRAFT, SIGNET_RISK_LEVEL_LOW);
  add (f, "HT-2025-0009", "Older draft", "2026-12-01", "2027-05-31", FALSE, 0,
       SIGNET_CONTRACT_STATUS_DRAFT, SIGNET_RISK_LEVEL_LOW);

  /* Same day: by kind, then by contract number. */
  december = list (f, "2026-12-01", "2026-12-31");
  g_assert_cmpstr (december, ==,
                   "2026-12-01 start HT-2025-0009|"
                   "2026-12-01 start HT-2026-0003|"
                   "2026-12-01 notice-deadline HT-2026-0002|"
                   "2026-12-31 end HT-2026-0002|");

  /* Both bounds are inclusive. */
  one_day = list (f, "2026-12-31", "2026-12-31");
  g_assert_cmpstr (one_day, ==, "2026-12-31 end HT-2026-0002|");

  /* Everything: 4 + 3 + 2 + 2 (drafts have no review). */
  all = signet_store_list_events (f->store, NULL, NULL, NULL);
  g_assert_cmpuint (all->len, ==, 11);

  {
    g_autoptr(GPtrArray) day = signet_store_list_events (f->store, "2026-12-01", "2026-12-01", NULL);

    notice = g_object_ref (g_ptr_array_index (day, 2));
  }
  g_assert_cmpstr (signet_event_get_explanation (notice), ==,
                   "notice deadline 2026-12-01 = end 2026-12-31 − 30 days");
  g_assert_cmpstr (signet_event_get_contract_title (notice), ==, "Cleaning");
  g_assert_cmpstr (signet_event_get_client_name (notice), ==, "Acme");
  g_assert_null (signet_event_get_title (notice));
  g_assert_cmpint (signet_event_get_key_date_id (notice), ==, 0);
  g_object_get (notice, "kind", &kind, NULL);
  g_assert_cmpint (kind, ==, SIGNET_KEY_DATE_NOTICE_DEADLINE);

  review = only_event (f, "2026-06-01");
  g_assert_cmpint (signet_event_get_kind (review), ==, SIGNET_KEY_DATE_REVIEW);
  g_assert_cmpstr (signet_event_get_explanation (review), ==,
                   "next review 2026-06-01 = start 2026-03-01 + 3 months (High risk)");

  /* A start that never renewed needs no explanation. */
  start = only_event (f, "2026-03-01");
  g_assert_null (signet_event_get_explanation (start));
}

static void
test_user_key_dates (Fixture       *f,
                     gconstpointer  data)
{
  gint64 id = add (f, "HT-2026-0001", "Audit", "2026-03-01", "2027-02-28", FALSE, 0,
                   SIGNET_CONTRACT_STATUS_ACTIVE, SIGNET_RISK_LEVEL_HIGH);
  g_autoptr(SignetUserKeyDate) key_date =
    signet_user_key_date_new (id, SIGNET_KEY_DATE_MILESTONE, "2026-09-30", "Go-live", "Phase 1 acceptance");
  g_autoptr(SignetEvent) event = NULL;
  g_autoptr(SignetAuditEntry) entry = NULL;
  g_autoptr(GPtrArray) stored = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *changes = NULL;
  g_autofree char *moved = NULL;
  guint n_audit;

  watch_changes (f);

  g_assert_true (signet_store_add_key_date (f->store, key_date, &error));
  g_assert_no_error (error);
  g_assert_cmpint (key_date->id, >, 0);
  g_assert_cmpuint (f->n_changed, ==, 1);
  g_assert_cmpint (f->changed_id, ==, id);

  event = only_event (f, "2026-09-30");
  g_assert_cmpint (signet_event_get_kind (event), ==, SIGNET_KEY_DATE_MILESTONE);
  g_assert_cmpstr (signet_event_get_title (event), ==, "Go-live");
  g_assert_cmpint (signet_event_get_key_date_id (event), ==, key_date->id);
  g_assert_cmpstr (signet_event_get_explanation (event), ==, "Phase 1 acceptance");
  g_assert_cmpint (signet_event_get_contract_id (event), ==, id);

  entry = newest_audit (f, id, &changes);
  g_assert_cmpstr (signet_audit_action_to_token (entry->action), ==, "add-key-date");
  g_assert_cmpstr (entry->record_label, ==, "HT-2026-0001");
  g_assert_cmpstr (changes, ==,
                   "key-date-kind:->milestone|key-date:->2026-09-30|key-date-title:->Go-live|"
                   "key-date-note:->Phase 1 acceptance|");
  g_clear_pointer (&entry, signet_audit_entry_free);
  g_clear_pointer (&changes, g_free);

  /* Moving it moves the event; the title is stored trimmed. */
  g_free (key_date->date);
  key_date->date = g_strdup ("2026-10-15");
  key_date->kind = SIGNET_KEY_DATE_PAYMENT;
  g_free (key_date->title);
  key_date->title = g_strdup ("  First payment  ");
  g_assert_true (signet_store_update_key_date (f->store, key_date, &error));
  g_assert_no_error (error);
  moved = list (f, "2026-09-01", "2026-10-31");
  g_assert_cmpstr (moved, ==, "2026-10-15 payment HT-2026-0001 First payment|");
  entry = newest_audit (f, id, &changes);
  g_assert_cmpstr (signet_audit_action_to_token (entry->action), ==, "update-key-date");
  g_assert_cmpstr (changes, ==,
                   "key-date-kind:milestone>payment|key-date:2026-09-30>2026-10-15|"
                   "key-date-title:Go-live>First payment|");
  g_assert_cmpuint (f->n_changed, ==, 2);

  /* Refused writes change nothing and announce nothing. */
  n_audit = count_audit (f, id);
  {
    g_autoptr(SignetUserKeyDate) bad = signet_user_key_date_new (id, SIGNET_KEY_DATE_OTHER, "2026-10-01", "  ", NULL);

    g_assert_false (signet_store_add_key_date (f->store, bad, &error));
    g_assert_error (error, SIGNET_FIELD_ERROR, SIGNET_FIELD_KEY_DATE_TITLE);
    g_assert_cmpstr (error->message, ==, "Enter a title for the date.");
    g_clear_error (&error);
    g_assert_cmpint (bad->id, ==, 0);

    g_free (bad->title);
    bad->title = g_strnfill (1001, 'K');
    g_assert_false (signet_store_add_key_date (f->store, bad, &error));
    g_assert_error (error, SIGNET_FIELD_ERROR, SIGNET_FIELD_KEY_DATE_TITLE);
    g_assert_cmpstr (error->message, ==, "Title: 1001 characters is too long; at most 1000 are allowed.");
    g_clear_error (&error);

    g_free (bad->title);
    bad->title = g_strdup ("Kick-off");
    g_free (bad->date);
    bad->date = g_strdup ("2026-02-30");
    g_assert_false (signet_store_add_key_date (f->store, bad, &error));
    g_assert_error (error, SIGNET_FIELD_ERROR, SIGNET_FIELD_KEY_DATE_DATE);
    g_assert_cmpstr (error->message, ==,
                     "“2026-02-30” is not a date. Use the form YYYY-MM-DD, for example 2027-03-31.");
    g_clear_error (&error);

    g_free (bad->date);
    bad->date = g_strdup ("2026-10-01");
    bad->kind = SIGNET_KEY_DATE_END;
    g_assert_false (signet_store_add_key_date (f->store, bad, &error));
    g_assert_error (error, SIGNET_FIELD_ERROR, SIGNET_FIELD_KEY_DATE_KIND);
    g_clear_error (&error);

    bad->kind = SIGNET_KEY_DATE_OTHER;
    bad->contract_id = 9999;
    g_assert_false (signet_store_add_key_date (f->store, bad, &error));
    g_assert_error (error, SIGNET_STORE_ERROR, SIGNET_STORE_ERROR_NOT_FOUND);
    g_clear_error (&error);
  }
  stored = signet_store_list_key_dates (f->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (stored->len, ==, 1);
  g_assert_cmpstr (((SignetUserKeyDate *) g_ptr_array_index (stored, 0))->title, ==, "First payment");
  g_assert_cmpuint (count_audit (f, id), ==, n_audit);
  g_assert_cmpuint (f->n_changed, ==, 2);

  g_assert_true (signet_store_delete_key_date (f->store, key_date->id, &error));
  g_assert_no_error (error);
  g_clear_pointer (&moved, g_free);
  moved = list (f, "2026-09-01", "2026-10-31");
  g_assert_cmpstr (moved, ==, "");
  g_clear_pointer (&entry, signet_audit_entry_free);
  g_clear_pointer (&changes, g_free);
  entry = newest_audit (f, id, &changes);
  g_assert_cmpstr (signet_audit_action_to_token (entry->action), ==, "delete-key-date");
  g_assert_cmpstr (changes, ==,
                   "key-date-kind:payment>-|key-date:2026-10-15>-|key-date-title:First payment>-|"
                   "key-date-note:Phase 1 acceptance>-|");

  g_assert_false (signet_store_delete_key_date (f->store, key_date->id, &error));
  g_assert_error (error, SIGNET_STORE_ERROR, SIGNET_STORE_ERROR_NOT_FOUND);
}

static void
test_reviews (Fixture       *f,
              gconstpointer  data)
{
  gint64 id = add (f, "HT-2026-0001", "Audit", "2026-03-01", "2027-02-28", FALSE, 0,
                   SIGNET_CONTRACT_STATUS_ACTIVE, SIGNET_RISK_LEVEL_HIGH);
  g_autoptr(SignetEvent) review = NULL;
  g_autoptr(GPtrArray) reviews = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *june = NULL;
  gint64 review_id = 0;

  watch_changes (f);

  june = list (f, "2026-06-01", "2026-06-30");
  g_assert_cmpstr (june, ==, "2026-06-01 review HT-2026-0001|");

  g_assert_true (signet_store_record_review (f->store, id, "2026-06-10", NULL, "Quarterly check",
                                             &review_id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (review_id, >, 0);
  g_assert_cmpuint (f->n_changed, ==, 1);

  /* The next review counts from the one recorded. */
  g_clear_pointer (&june, g_free);
  june = list (f, "2026-06-01", "2026-06-30");
  g_assert_cmpstr (june, ==, "");
  review = only_event (f, "2026-09-10");
  g_assert_cmpstr (signet_event_get_explanation (review), ==,
                   "next review 2026-09-10 = last review 2026-06-10 + 3 months (High risk)");

  /* An older review recorded late does not move it back. */
  g_assert_true (signet_store_record_review (f->store, id, "2026-05-01", "Li Wei", NULL, NULL, &error));
  g_assert_no_error (error);
  g_clear_object (&review);
  review = only_event (f, "2026-09-10");

  /* Not in the future. */
  g_assert_false (signet_store_record_review (f->store, id, "2026-06-16", NULL, NULL, NULL, &error));
  g_assert_error (error, SIGNET_FIELD_ERROR, SIGNET_FIELD_REVIEW_DATE);
  g_clear_error (&error);
  g_assert_false (signet_store_record_review (f->store, 9999, "2026-06-01", NULL, NULL, NULL, &error));
  g_assert_error (error, SIGNET_STORE_ERROR, SIGNET_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  reviews = signet_store_list_reviews (f->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (reviews->len, ==, 2);
  g_assert_cmpstr (((SignetReview *) g_ptr_array_index (reviews, 0))->date, ==, "2026-06-10");
  g_assert_cmpstr (((SignetReview *) g_ptr_array_index (reviews, 0))->reviewer, ==, g_get_user_name ());
  g_assert_cmpstr (((SignetReview *) g_ptr_array_index (reviews, 0))->note, ==, "Quarterly check");
  g_assert_cmpstr (((SignetReview *) g_ptr_array_index (reviews, 1))->reviewer, ==, "Li Wei");
  g_assert_null (((SignetReview *) g_ptr_array_index (reviews, 1))->note);
  g_assert_cmpuint (f->n_changed, ==, 2);
}

/* Deleting a contract hides its events; Undo brings back its key dates and
 * reviews with it, since they keep its id. */
static void
test_deleted_contract (Fixture       *f,
                       gconstpointer  data)
{
  gint64 id = add (f, "HT-2026-0001", "Audit", "2026-03-01", "2027-02-28", FALSE, 0,
                   SIGNET_CONTRACT_STATUS_ACTIVE, SIGNET_RISK_LEVEL_HIGH);
  g_autoptr(SignetUserKeyDate) key_date =
    signet_user_key_date_new (id, SIGNET_KEY_DATE_PAYMENT, "2026-08-31", "Second instalment", NULL);
  g_autoptr(SignetTombstone) tombstone = NULL;
  g_autoptr(GPtrArray) kept = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *deleted = NULL;
  g_autofree char *restored = NULL;
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;

  add (f, "HT-2026-0002", "Other", "2026-05-01", "2026-05-31", FALSE, 0,
       SIGNET_CONTRACT_STATUS_DRAFT, SIGNET_RISK_LEVEL_LOW);
  g_assert_true (signet_store_add_key_date (f->store, key_date, &error));
  g_assert_true (signet_store_record_review (f->store, id, "2026-06-10", NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  before = list (f, NULL, NULL);
  g_assert_cmpstr (before, ==,
                   "2026-03-01 start HT-2026-0001|2026-05-01 start HT-2026-0002|2026-05-31 end HT-2026-0002|"
                   "2026-08-31 payment HT-2026-0001 Second instalment|2026-09-10 review HT-2026-0001|"
                   "2027-02-28 end HT-2026-0001|");

  tombstone = signet_store_delete (f->store, SIGNET_TOMBSTONE_CONTRACT, id, &error);
  g_assert_no_error (error);
  g_assert_nonnull (tombstone);

  deleted = list (f, NULL, NULL);
  g_assert_cmpstr (deleted, ==, "2026-05-01 start HT-2026-0002|2026-05-31 end HT-2026-0002|");
  g_assert_true (signet_store_get_events_span (f->store, &first, &last, &error));
  g_assert_cmpstr (first, ==, "2026-05-01");
  g_assert_cmpstr (last, ==, "2026-05-31");

  /* The rows stay, but a deleted contract takes no new ones. */
  kept = signet_store_list_key_dates (f->store, id, &error);
  g_assert_cmpuint (kept->len, ==, 1);
  g_clear_pointer (&key_date, signet_user_key_date_free);
  key_date = signet_user_key_date_new (id, SIGNET_KEY_DATE_OTHER, "2026-07-01", "Too late", NULL);
  g_assert_false (signet_store_add_key_date (f->store, key_date, &error));
  g_assert_error (error, SIGNET_STORE_ERROR, SIGNET_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* A rebuild does not bring them back either. */
  g_assert_true (signet_store_rebuild_events (f->store, &error));
  g_clear_pointer (&deleted, g_free);
  deleted = list (f, NULL, NULL);
  g_assert_cmpstr (deleted, ==, "2026-05-01 start HT-2026-0002|2026-05-31 end HT-2026-0002|");

  g_assert_true (signet_store_restore (f->store, tombstone, &error));
  g_assert_no_error (error);
  restored = list (f, NULL, NULL);
  g_assert_cmpstr (restored, ==, before);
}

/* An auto-renewing contract rolls on to its next term as the days pass;
 * the events follow the store's day, forward and back. */
static void
test_rolling_renewal (Fixture       *f,
                      gconstpointer  data)
{
  gint64 id = add (f, "HT-2026-0010", "Quarterly", "2026-01-01", "2026-03-31", TRUE, 15,
                   SIGNET_CONTRACT_STATUS_ACTIVE, SIGNET_RISK_LEVEL_MEDIUM);
  g_autoptr(SignetContract) contract = NULL;
  g_autoptr(SignetEvent) end = NULL;
  g_autoptr(GError) error = NULL;
  struct { const char *today; const char *expected; } days[] = {
    { "2026-06-15", "2026-04-01 start HT-2026-0010|2026-06-15 notice-deadline HT-2026-0010|"
                    "2026-06-30 end HT-2026-0010|2026-07-01 review HT-2026-0010|" },
    { "2026-07-01", "2026-07-01 start HT-2026-0010|2026-07-01 review HT-2026-0010|"
                    "2026-09-15 notice-deadline HT-2026-0010|2026-09-30 end HT-2026-0010|" },
    { "2026-05-01", "2026-04-01 start HT-2026-0010|2026-06-15 notice-deadline HT-2026-0010|"
                    "2026-06-30 end HT-2026-0010|2026-07-01 review HT-2026-0010|" },
    { "2027-01-01", "2026-07-01 review HT-2026-0010|2027-01-01 start HT-2026-0010|"
                    "2027-03-16 notice-deadline HT-2026-0010|2027-03-31 end HT-2026-0010|" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (days); i++)
    {
      g_autofree char *events = NULL;

      signet_store_set_today (f->store, days[i].today);
      events = list (f, NULL, NULL);
      g_assert_cmpstr (events, ==, days[i].expected);
    }

  end = only_event (f, "2027-03-31");
  g_assert_cmpstr (signet_event_get_explanation (end), ==,
                   "end of the current term; the contract renewed itself 4 times after 2026-03-31");

  /* Terminated, it stays where it ended. */
  contract = signet_store_get_contract (f->store, id, &error);
  signet_contract_set_status (contract, SIGNET_CONTRACT_STATUS_TERMINATED);
  g_assert_true (signet_store_update_contract (f->store, contract, &error));
  g_assert_no_error (error);
  {
    g_autofree char *events = list (f, NULL, NULL);

    g_assert_cmpstr (events, ==, "2026-01-01 start HT-2026-0010|2026-03-31 end HT-2026-0010|");
  }
}

/* The review intervals of Preferences apply to every process that opens
 * the register. */
static void
test_review_intervals (Fixture       *f,
                       gconstpointer  data)
{
  SignetReviewIntervals monthly = { 1, 2, 4 };
  SignetReviewIntervals defaults = SIGNET_REVIEW_INTERVALS_DEFAULT;
  SignetReviewIntervals seen;
  g_autoptr(SignetStore) other = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *elsewhere = NULL;
  g_autofree char *back = NULL;

  add (f, "HT-2026-0001", "Audit", "2026-03-01", "2027-02-28", FALSE, 0,
       SIGNET_CONTRACT_STATUS_ACTIVE, SIGNET_RISK_LEVEL_HIGH);
  add (f, "HT-2026-0002", "Supply", "2026-03-31", "2027-03-30", FALSE, 0,
       SIGNET_CONTRACT_STATUS_SIGNED, SIGNET_RISK_LEVEL_MEDIUM);

  before = list (f, "2026-04-01", "2026-09-30");
  g_assert_cmpstr (before, ==, "2026-06-01 review HT-2026-0001|2026-09-30 review HT-2026-0002|");

  g_assert_true (signet_store_set_review_intervals (f->store, &monthly, &error));
  g_assert_no_error (error);
  after = list (f, "2026-04-01", "2026-09-30");
  /* 31 March + 2 months clamps to 31 May. */
  g_assert_cmpstr (after, ==, "2026-04-01 review HT-2026-0001|2026-05-31 review HT-2026-0002|");

  other = signet_store_new (f->path, &error);
  g_assert_no_error (error);
  signet_store_set_today (other, "2026-06-15");
  signet_store_get_review_intervals (other, &seen);
  g_assert_cmpuint (seen.high_months, ==, 1);
  g_assert_cmpuint (seen.medium_months, ==, 2);
  g_assert_cmpuint (seen.low_months, ==, 4);
  {
    g_autoptr(GPtrArray) events = signet_store_list_events (other, "2026-04-01", "2026-09-30", &error);

    g_assert_no_error (error);
    elsewhere = describe (events);
  }
  g_assert_cmpstr (elsewhere, ==, after);

  g_assert_true (signet_store_set_review_intervals (f->store, &defaults, &error));
  back = list (f, "2026-04-01", "2026-09-30");
  g_assert_cmpstr (back, ==, before);
}

static void
test_agenda (Fixture       *f,
             gconstpointer  data)
{
  gint64 high = add (f, "HT-2026-0020", "High risk", "2026-01-10", "2027-01-09", FALSE, 0,
                     SIGNET_CONTRACT_STATUS_ACTIVE, SIGNET_RISK_LEVEL_HIGH);
  gint64 expired;
  g_autoptr(SignetUserKeyDate) payment = NULL;
  g_autoptr(SignetUserKeyDate) milestone = NULL;
  g_autoptr(GPtrArray) agenda = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  /* Approved and never signed: its end passes while it is in force. A
   * signed one (0022, marked expired by hand before version 9) has
   * expired by its dates. */
  add (f, "HT-2026-0021", "Approved, never signed", "2025-06-01", "2026-05-31", FALSE, 0,
       SIGNET_CONTRACT_STATUS_APPROVED, SIGNET_RISK_LEVEL_LOW);
  expired = add (f, "HT-2026-0022", "Expired", "2025-06-01", "2026-05-31", FALSE, 0,
                 SIGNET_CONTRACT_STATUS_EXPIRED, SIGNET_RISK_LEVEL_LOW);
  add (f, "HT-2026-0023", "Renewing", "2025-07-01", "2026-06-30", TRUE, 30,
       SIGNET_CONTRACT_STATUS_SIGNED, SIGNET_RISK_LEVEL_MEDIUM);
  add (f, "HT-2026-0024", "Draft", "2026-07-10", "2027-07-09", FALSE, 0,
       SIGNET_CONTRACT_STATUS_DRAFT, SIGNET_RISK_LEVEL_LOW);
  payment = signet_user_key_date_new (expired, SIGNET_KEY_DATE_PAYMENT, "2026-07-01", "Final invoice", NULL);
  milestone = signet_user_key_date_new (high, SIGNET_KEY_DATE_MILESTONE, "2026-06-01", "Handover", NULL);
  g_assert_true (signet_store_add_key_date (f->store, payment, &error));
  g_assert_true (signet_store_add_key_date (f->store, milestone, &error));
  g_assert_no_error (error);

  agenda = signet_store_list_agenda (f->store, "2026-06-15", 30, &error);
  g_assert_no_error (error);
  text = describe (agenda);
  g_assert_cmpstr (text, ==,
                   /* Overdue: reviews never recorded, an end passed while
                    * approved, a notice deadline passed while signed. */
                   "2026-01-01 review HT-2026-0023|"
                   "2026-04-10 review HT-2026-0020|"
                   "2026-05-31 end HT-2026-0021|"
                   "2026-05-31 notice-deadline HT-2026-0023|"
                   "2026-06-01 review HT-2026-0021|"
                   /* The next 30 days. */
                   "2026-06-30 end HT-2026-0023|"
                   "2026-07-01 payment HT-2026-0022 Final invoice|"
                   "2026-07-10 start HT-2026-0024|");

  /* Recording the review takes it off. */
  g_assert_true (signet_store_record_review (f->store, high, "2026-06-15", NULL, NULL, NULL, &error));
  g_clear_pointer (&agenda, g_ptr_array_unref);
  g_clear_pointer (&text, g_free);
  agenda = signet_store_list_agenda (f->store, "2026-06-15", 30, &error);
  text = describe (agenda);
  g_assert_null (strstr (text, "HT-2026-0020"));
}

/* The agenda read a page at a time, as the window reads it while it is
 * scrolled, is the whole agenda: nothing missed or repeated where a page
 * ends, within a day of several events of one kind, or where the overdue
 * part gives way to the coming days. */
static void
test_agenda_pages (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GPtrArray) whole = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = NULL;

  /* Added out of the order of their numbers, which orders a day's ends. */
  add (f, "HT-2026-0033", "Third", "2025-07-01", "2026-06-30", FALSE, 0,
       SIGNET_CONTRACT_STATUS_ACTIVE, SIGNET_RISK_LEVEL_LOW);
  add (f, "HT-2026-0031", "First", "2025-07-01", "2026-06-30", FALSE, 0,
       SIGNET_CONTRACT_STATUS_ACTIVE, SIGNET_RISK_LEVEL_LOW);
  add (f, "HT-2026-0032", "Second", "2025-07-01", "2026-06-30", FALSE, 30,
       SIGNET_CONTRACT_STATUS_ACTIVE, SIGNET_RISK_LEVEL_HIGH);
  add (f, "HT-2026-0034", "Approved, never signed", "2025-06-01", "2026-05-31", FALSE, 0,
       SIGNET_CONTRACT_STATUS_APPROVED, SIGNET_RISK_LEVEL_LOW);

  whole = signet_store_list_agenda (f->store, "2026-06-15", 30, &error);
  g_assert_no_error (error);
  expected = describe (whole);
  g_assert_cmpstr (expected, ==,
                   /* Overdue: a quarterly review never recorded; an end
                    * passed while approved, and its yearly review. */
                   "2025-10-01 review HT-2026-0032|"
                   "2026-05-31 end HT-2026-0034|"
                   "2026-06-01 review HT-2026-0034|"
                   /* The next 30 days: three ends on one day, two
                    * yearly reviews on the next. */
                   "2026-06-30 end HT-2026-0031|"
                   "2026-06-30 end HT-2026-0032|"
                   "2026-06-30 end HT-2026-0033|"
                   "2026-07-01 review HT-2026-0031|"
                   "2026-07-01 review HT-2026-0033|");

  for (guint size = 1; size <= whole->len + 1; size++)
    {
      g_auto(SignetAgendaCursor) cursor = { 0 };
      g_autoptr(GPtrArray) joined = g_ptr_array_new_with_free_func (g_object_unref);
      g_autofree char *text = NULL;

      while (!signet_agenda_cursor_is_done (&cursor))
        {
          g_autoptr(GPtrArray) page = signet_store_list_agenda_page (f->store, "2026-06-15", 30, &cursor,
                                                                     size, &error);

          g_assert_no_error (error);
          g_assert_cmpuint (page->len, <=, size);
          g_ptr_array_extend_and_steal (joined, g_steal_pointer (&page));
        }
      text = describe (joined);
      g_assert_cmpstr (text, ==, expected);
    }
}

static char *
describe_with_explanations (GPtrArray *events)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < events->len; i++)
    {
      SignetEvent *event = g_ptr_array_index (events, i);

      g_string_append_printf (s, "%" G_GINT64_FORMAT " %s %s %s %s\n", signet_event_get_contract_id (event),
                              signet_event_get_date (event),
                              signet_key_date_kind_to_token (signet_event_get_kind (event)),
                              signet_event_get_explanation (event) ? signet_event_get_explanation (event) : "",
                              signet_event_get_title (event) ? signet_event_get_title (event) : "");
    }

  return g_string_free (s, FALSE);
}

/* Moving the day forward (only the contracts that rolled on are derived
 * again) gives the same events as deriving everything. */
static void
test_incremental_equals_rebuild (Fixture       *f,
                                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *real_today = signet_date_today_iso ();
  GDate day;

  g_assert_true (signet_demo_generate (f->store, 20, 400, 7, &error));
  g_assert_no_error (error);
  g_assert_true (signet_date_parse (real_today, &day));

  for (guint step = 0; step < 14; step++)
    {
      g_autofree char *today = signet_date_to_iso (&day);
      g_autoptr(GPtrArray) moved = NULL;
      g_autoptr(GPtrArray) rebuilt = NULL;
      g_autofree char *moved_text = NULL;
      g_autofree char *rebuilt_text = NULL;

      signet_store_set_today (f->store, today);
      moved = signet_store_list_events (f->store, NULL, NULL, &error);
      g_assert_no_error (error);
      g_assert_true (signet_store_rebuild_events (f->store, &error));
      rebuilt = signet_store_list_events (f->store, NULL, NULL, &error);
      g_assert_no_error (error);

      moved_text = describe_with_explanations (moved);
      rebuilt_text = describe_with_explanations (rebuilt);
      g_assert_cmpstr (moved_text, ==, rebuilt_text);
      g_assert_cmpuint (moved->len, >, 400);

      /* Mostly forward, once back. */
      if (step == 9)
        g_date_subtract_days (&day, 200);
      else
        g_date_add_days (&day, 37);
    }
}

static char *
leads_text (GArray *leads)
{
  return leads != NULL ? signet_reminder_leads_to_string (leads) : g_strdup ("default");
}

static char *
describe_settings (SignetReminderSettings *settings)
{
  g_autofree char *end = leads_text (settings->end_leads);
  g_autofree char *notice = leads_text (settings->notice_leads);
  g_autofree char *review = leads_text (settings->review_leads);

  return g_strdup_printf ("end=%s notice=%s review=%s", end, notice, review);
}

static void
test_reminder_settings (Fixture       *f,
                        gconstpointer  data)
{
  gint64 id = add (f, "HT-2026-0001", "Audit", "2026-03-01", "2027-02-28", FALSE, 0,
                   SIGNET_CONTRACT_STATUS_ACTIVE, SIGNET_RISK_LEVEL_HIGH);
  g_autoptr(SignetReminderSettings) settings = signet_reminder_settings_new ();
  g_autoptr(SignetReminderSettings) read = NULL;
  g_autoptr(SignetAuditEntry) entry = NULL;
  g_autoptr(GArray) parsed = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *changes = NULL;
  guint n_audit;

  read = signet_store_get_reminder_settings (f->store, id, &error);
  g_assert_no_error (error);
  text = describe_settings (read);
  g_assert_cmpstr (text, ==, "end=default notice=default review=default");

  /* Duplicates go; longest first. */
  settings->end_leads = signet_reminder_leads_parse ("7, 30 30", &error);
  g_assert_no_error (error);
  g_assert_true (signet_store_set_reminder_settings (f->store, id, settings, &error));
  g_assert_no_error (error);
  g_clear_pointer (&read, signet_reminder_settings_free);
  g_clear_pointer (&text, g_free);
  read = signet_store_get_reminder_settings (f->store, id, &error);
  text = describe_settings (read);
  g_assert_cmpstr (text, ==, "end=30 7 notice=default review=default");
  entry = newest_audit (f, id, &changes);
  g_assert_cmpstr (signet_audit_action_to_token (entry->action), ==, "set-reminders");
  g_assert_cmpstr (changes, ==, "end-reminders:->30 7|");

  /* No reminders at all is not the defaults. */
  settings->review_leads = g_array_new (FALSE, FALSE, sizeof (guint));
  g_assert_true (signet_store_set_reminder_settings (f->store, id, settings, &error));
  g_clear_pointer (&read, signet_reminder_settings_free);
  g_clear_pointer (&text, g_free);
  read = signet_store_get_reminder_settings (f->store, id, &error);
  text = describe_settings (read);
  g_assert_cmpstr (text, ==, "end=30 7 notice=default review=");

  g_assert_true (signet_store_set_reminder_settings (f->store, id, NULL, &error));
  g_clear_pointer (&read, signet_reminder_settings_free);
  g_clear_pointer (&text, g_free);
  read = signet_store_get_reminder_settings (f->store, id, &error);
  text = describe_settings (read);
  g_assert_cmpstr (text, ==, "end=default notice=default review=default");

  /* Out of range: refused, nothing changes. */
  n_audit = count_audit (f, id);
  g_array_append_val (settings->end_leads, (guint) { 4000 });
  g_assert_false (signet_store_set_reminder_settings (f->store, id, settings, &error));
  g_assert_error (error, SIGNET_FIELD_ERROR, SIGNET_FIELD_REMINDER_END_LEADS);
  g_clear_error (&error);
  g_assert_cmpuint (count_audit (f, id), ==, n_audit);

  parsed = signet_reminder_leads_parse ("x", &error);
  g_assert_null (parsed);
  g_assert_error (error, SIGNET_FIELD_ERROR, SIGNET_FIELD_NONE);
  g_assert_cmpstr (error->message, ==, "“x” is not a number of days from 0 to 3650.");
  g_clear_error (&error);
  parsed = signet_reminder_leads_parse ("1 2 3 4 5 6 7 8 9", &error);
  g_assert_null (parsed);
  g_assert_error (error, SIGNET_FIELD_ERROR, SIGNET_FIELD_NONE);
  g_clear_error (&error);
  parsed = signet_reminder_leads_parse ("", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (parsed->len, ==, 0);
}

static void
test_acknowledgements (Fixture       *f,
                       gconstpointer  data)
{
  gint64 id = add (f, "HT-2026-0001", "Audit", "2026-03-01", "2027-02-28", FALSE, 0,
                   SIGNET_CONTRACT_STATUS_ACTIVE, SIGNET_RISK_LEVEL_HIGH);
  g_autoptr(SignetAuditEntry) entry = NULL;
  g_autoptr(GPtrArray) acks = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *changes = NULL;
  SignetReminderAck *ack;
  guint n_audit;

  watch_changes (f);

  g_assert_true (signet_store_acknowledge_reminder (f->store, id, SIGNET_KEY_DATE_REVIEW, "2026-06-01", 14, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (f->n_changed, ==, 1);
  entry = newest_audit (f, id, &changes);
  g_assert_cmpstr (signet_audit_action_to_token (entry->action), ==, "acknowledge-reminder");
  g_assert_cmpstr (changes, ==, "key-date-kind:->review|key-date:->2026-06-01|reminder-lead-days:->14|");

  /* Again: nothing new. */
  n_audit = count_audit (f, id);
  g_assert_true (signet_store_acknowledge_reminder (f->store, id, SIGNET_KEY_DATE_REVIEW, "2026-06-01", 14, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_audit (f, id), ==, n_audit);
  g_assert_cmpuint (f->n_changed, ==, 1);

  acks = signet_store_list_reminder_acks (f->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (acks->len, ==, 1);
  ack = g_ptr_array_index (acks, 0);
  g_assert_cmpint (ack->kind, ==, SIGNET_KEY_DATE_REVIEW);
  g_assert_cmpstr (ack->event_date, ==, "2026-06-01");
  g_assert_cmpuint (ack->lead_days, ==, 14);
  g_assert_cmpstr (ack->acknowledged_by, ==, g_get_user_name ());
  g_assert_true (g_str_has_suffix (ack->acknowledged_at, "Z"));

  g_assert_false (signet_store_acknowledge_reminder (f->store, 9999, SIGNET_KEY_DATE_END, "2026-06-01", 7, &error));
  g_assert_error (error, SIGNET_STORE_ERROR, SIGNET_STORE_ERROR_NOT_FOUND);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/events/range-and-order", test_range_and_order);
  ADD ("/events/user-key-dates", test_user_key_dates);
  ADD ("/events/reviews", test_reviews);
  ADD ("/events/deleted-contract", test_deleted_contract);
  ADD ("/events/rolling-renewal", test_rolling_renewal);
  ADD ("/events/review-intervals", test_review_intervals);
  ADD ("/events/agenda", test_agenda);
  ADD ("/events/agenda-pages", test_agenda_pages);
  ADD ("/events/incremental-equals-rebuild", test_incremental_equals_rebuild);
  ADD ("/events/reminder-settings", test_reminder_settings);
  ADD ("/events/acknowledgements", test_acknowledgements);
#undef ADD

  return g_test_run ();
}
