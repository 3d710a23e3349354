/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "signet-amendment.h"
#include "signet-key-dates.h"
#include "signet-store-amendments.h"
#include "signet-store-events.h"
#include "signet-store-private.h"
#include "signet-tombstone.h"
#include "store-fixture.h"
#include "unit-test-utils.h"

/* Amendments: the terms of a day, numbers, the store, the key dates that
 * follow the amended terms, and the signed contract's locked fields. */

static SignetAmendment *
make_amendment (gint64      id,
                const char *effective_date)
{
  SignetAmendment *amendment = signet_amendment_new (1);

  amendment->id = id;
  amendment->effective_date = g_strdup (effective_date);

  return amendment;
}

static SignetContract *
make_contract (void)
{
  SignetContract *contract = signet_contract_new ();

  signet_contract_set_number (contract, "HT-2026-0001");
  signet_contract_set_title (contract, "Lease");
  signet_contract_set_value (contract, 100000);
  signet_contract_set_currency (contract, "CNY");
  signet_contract_set_start_date (contract, "2026-01-01");
  signet_contract_set_end_date (contract, "2026-12-31");
  signet_contract_set_notice_days (contract, 30);

  return contract;
}

/* Three amendments, added out of order: A1 raises the value from
 * 2026-03-01, A2 moves the end from 2026-06-01, A3 raises the value again
 * and renames it from 2026-09-01. Each day before, on and after each
 * effective date shows the terms that applied. */
static void
test_terms_as_of (void)
{
  g_autoptr(SignetContract) contract = make_contract ();
  g_autoptr(GPtrArray) amendments = g_ptr_array_new_with_free_func ((GDestroyNotify) signet_amendment_free);
  SignetAmendment *a1 = make_amendment (1, "2026-03-01");
  SignetAmendment *a2 = make_amendment (2, "2026-06-01");
  SignetAmendment *a3 = make_amendment (3, "2026-09-01");
  static const struct
  {
    const char *date;
    gint64      value;
    const char *end;
    const char *title;
    gint64      value_from, end_from, title_from;   /* amendment ids, 0: the original */
  } days[] = {
    { "2026-01-01", 100000, "2026-12-31", "Lease",         0, 0, 0 },
    { "2026-02-28", 100000, "2026-12-31", "Lease",         0, 0, 0 },
    { "2026-03-01", 120000, "2026-12-31", "Lease",         1, 0, 0 },
    { "2026-03-02", 120000, "2026-12-31", "Lease",         1, 0, 0 },
    { "2026-05-31", 120000, "2026-12-31", "Lease",         1, 0, 0 },
    { "2026-06-01", 120000, "2027-12-31", "Lease",         1, 2, 0 },
    { "2026-06-02", 120000, "2027-12-31", "Lease",         1, 2, 0 },
    { "2026-08-31", 120000, "2027-12-31", "Lease",         1, 2, 0 },
    { "2026-09-01", 150000, "2027-12-31", "Lease (Annex)", 3, 2, 3 },
    { "2030-01-01", 150000, "2027-12-31", "Lease (Annex)", 3, 2, 3 },
  };

  a1->changes = SIGNET_AMENDED_TERM_FLAG (SIGNET_AMENDED_VALUE);
  a1->value = 120000;
  a1->currency = g_strdup ("CNY");
  a2->changes = SIGNET_AMENDED_TERM_FLAG (SIGNET_AMENDED_END_DATE);
  a2->end_date = g_strdup ("2027-12-31");
  a3->changes = SIGNET_AMENDED_TERM_FLAG (SIGNET_AMENDED_VALUE) | SIGNET_AMENDED_TERM_FLAG (SIGNET_AMENDED_TITLE);
  a3->value = 150000;
  a3->currency = g_strdup ("CNY");
  a3->title = g_strdup ("Lease (Annex)");
  g_ptr_array_add (amendments, a3);
  g_ptr_array_add (amendments, a1);
  g_ptr_array_add (amendments, a2);

  for (guint i = 0; i < G_N_ELEMENTS (days); i++)
    {
      const SignetAmendment *sources[SIGNET_N_AMENDED_TERMS];
      g_autoptr(SignetContract) terms = signet_contract_terms_as_of (contract, amendments, days[i].date, sources);

      g_test_message ("%s", days[i].date);
      g_assert_cmpint (signet_contract_get_value (terms), ==, days[i].value);
      g_assert_cmpstr (signet_contract_get_end_date (terms), ==, days[i].end);
      g_assert_cmpstr (signet_contract_get_title (terms), ==, days[i].title);
      g_assert_cmpint (sources[SIGNET_AMENDED_VALUE] ? sources[SIGNET_AMENDED_VALUE]->id : 0, ==, days[i].value_from);
      g_assert_cmpint (sources[SIGNET_AMENDED_END_DATE] ? sources[SIGNET_AMENDED_END_DATE]->id : 0, ==, days[i].end_from);
      g_assert_cmpint (sources[SIGNET_AMENDED_TITLE] ? sources[SIGNET_AMENDED_TITLE]->id : 0, ==, days[i].title_from);
      g_assert_null (sources[SIGNET_AMENDED_NOTICE]);
      /* Never amended: as signed. */
      g_assert_cmpstr (signet_contract_get_start_date (terms), ==, "2026-01-01");
      g_assert_cmpuint (signet_contract_get_notice_days (terms), ==, 30);
    }

  /* The original is untouched. */
  g_assert_cmpint (signet_contract_get_value (contract), ==, 100000);
}

/* Two amendments effective the same day apply in the order they were
 * added: the later one's value holds. */
static void
test_terms_same_day (void)
{
  g_autoptr(SignetContract) contract = make_contract ();
  g_autoptr(GPtrArray) amendments = g_ptr_array_new_with_free_func ((GDestroyNotify) signet_amendment_free);
  SignetAmendment *first = make_amendment (4, "2026-05-01");
  SignetAmendment *second = make_amendment (7, "2026-05-01");
  g_autoptr(SignetContract) terms = NULL;

  first->changes = second->changes = SIGNET_AMENDED_TERM_FLAG (SIGNET_AMENDED_VALUE);
  first->value = 1;
  second->value = 2;
  first->currency = g_strdup ("CNY");
  second->currency = g_strdup ("EUR");
  g_ptr_array_add (amendments, second);
  g_ptr_array_add (amendments, first);

  terms = signet_contract_terms_as_of (contract, amendments, "2026-05-01", NULL);
  g_assert_cmpint (signet_contract_get_value (terms), ==, 2);
  g_assert_cmpstr (signet_contract_get_currency (terms), ==, "EUR");
}

static void
test_number_pattern (void)
{
  g_autofree char *a1 = signet_amendment_format_number (SIGNET_AMENDMENT_NUMBER_PATTERN_DEFAULT, "HT-2026-0001", 1);
  g_autofree char *a12 = signet_amendment_format_number (SIGNET_AMENDMENT_NUMBER_PATTERN_DEFAULT, "HT-2026-0001", 12);
  g_autofree char *padded = signet_amendment_format_number ("BC-{CONTRACT}-{NNN}", "HT-7", 4);
  g_autofree char *none = signet_amendment_format_number ("{CONTRACT}-A", "HT-7", 4);
  g_autofree char *braces = signet_amendment_format_number ("{X}{N}", "HT-7", 2);

  g_assert_cmpstr (a1, ==, "HT-2026-0001-A1");
  g_assert_cmpstr (a12, ==, "HT-2026-0001-A12");
  g_assert_cmpstr (padded, ==, "BC-HT-7-004");
  g_assert_null (none);
  g_assert_cmpstr (braces, ==, "{X}2");
}

static void
test_locked_fields (void)
{
  static const SignetField locked[] = {
    SIGNET_FIELD_CONTRACT_NUMBER, SIGNET_FIELD_CONTRACT_TITLE, SIGNET_FIELD_CONTRACT_CLIENT,
    SIGNET_FIELD_CONTRACT_VALUE, SIGNET_FIELD_CONTRACT_CURRENCY, SIGNET_FIELD_CONTRACT_SIGNING_DATE,
    SIGNET_FIELD_CONTRACT_START_DATE, SIGNET_FIELD_CONTRACT_END_DATE, SIGNET_FIELD_CONTRACT_NOTICE_DAYS,
  };
  static const SignetField open[] = {
    SIGNET_FIELD_CONTRACT_NOTES, SIGNET_FIELD_CONTRACT_TAGS, SIGNET_FIELD_CONTRACT_OWNER,
    SIGNET_FIELD_CONTRACT_DEPARTMENT, SIGNET_FIELD_CONTRACT_RISK_LEVEL, SIGNET_FIELD_CONTRACT_TYPE,
  };

  for (guint i = 0; i < G_N_ELEMENTS (locked); i++)
    g_assert_true (signet_contract_field_is_locked_when_signed (locked[i]));
  for (guint i = 0; i < G_N_ELEMENTS (open); i++)
    g_assert_false (signet_contract_field_is_locked_when_signed (open[i]));
}

/* A signed contract of the fixture's client: 2026-01-01 to 2026-12-31,
 * renewing itself unless given notice 30 days before, 1,000.00 CNY. */
static SignetContract *
add_signed_contract (StoreFixture *f,
                     const char   *number)
{
  g_autoptr(SignetContract) contract = unit_add_contract (f->store, f->client, number, "Lease");
  g_autoptr(GError) error = NULL;

  signet_contract_set_signing_date (contract, "2025-12-20");
  signet_contract_set_start_date (contract, "2026-01-01");
  signet_contract_set_end_date (contract, "2026-12-31");
  signet_contract_set_notice_days (contract, 30);
  signet_contract_set_auto_renew (contract, TRUE);
  signet_contract_set_status (contract, SIGNET_CONTRACT_STATUS_SIGNED);
  g_assert_true (signet_store_update_contract (f->store, contract, &error));
  g_assert_no_error (error);

  return g_steal_pointer (&contract);
}

static SignetAmendment *
new_amendment (StoreFixture   *f,
               SignetContract *contract,
               const char     *effective_date)
{
  SignetAmendment *amendment = signet_amendment_new (signet_contract_get_id (contract));
  g_autoptr(GError) error = NULL;

  amendment->number = signet_store_next_amendment_number (f->store, signet_contract_get_id (contract),
                                                          SIGNET_AMENDMENT_NUMBER_PATTERN_DEFAULT, &error);
  g_assert_no_error (error);
  amendment->effective_date = g_strdup (effective_date);
  amendment->signing_date = g_strdup (effective_date);
  amendment->reason = g_strdup ("Price review");

  return amendment;
}

/* Added, listed, numbered A1, A2, changed and deleted, each with its
 * History entry; Undo brings a deleted one back under its number. */
static void
test_store (void)
{
  StoreFixture f;
  g_autoptr(SignetContract) contract = NULL;
  g_autoptr(SignetAmendment) a1 = NULL;
  g_autoptr(SignetAmendment) a2 = NULL;
  g_autoptr(SignetAmendment) read = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GPtrArray) audit = NULL;
  g_autoptr(SignetTombstone) tombstone = NULL;
  g_autoptr(GError) error = NULL;
  const SignetAuditEntry *entry;

  store_fixture_open (&f, "2026-02-01");
  contract = add_signed_contract (&f, "HT-2026-0001");

  a1 = new_amendment (&f, contract, "2026-03-01");
  g_assert_cmpstr (a1->number, ==, "HT-2026-0001-A1");
  a1->changes = SIGNET_AMENDED_TERM_FLAG (SIGNET_AMENDED_VALUE);
  a1->value = 120000;
  a1->currency = g_strdup ("CNY");
  g_assert_true (signet_store_add_amendment (f.store, a1, &error));
  g_assert_no_error (error);
  g_assert_cmpint (a1->id, >, 0);
  g_assert_nonnull (a1->uuid);

  a2 = new_amendment (&f, contract, "2026-02-15");
  g_assert_cmpstr (a2->number, ==, "HT-2026-0001-A2");
  a2->changes = SIGNET_AMENDED_TERM_FLAG (SIGNET_AMENDED_OTHER);
  a2->other_terms = g_strdup ("付款方式改为季度付款");
  g_assert_true (signet_store_add_amendment (f.store, a2, &error));
  g_assert_no_error (error);

  /* By effective date. */
  list = signet_store_list_amendments (f.store, signet_contract_get_id (contract), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 2);
  g_assert_cmpstr (((SignetAmendment *) list->pdata[0])->number, ==, "HT-2026-0001-A2");
  g_assert_cmpstr (((SignetAmendment *) list->pdata[0])->other_terms, ==, "付款方式改为季度付款");
  g_assert_cmpstr (((SignetAmendment *) list->pdata[1])->number, ==, "HT-2026-0001-A1");
  g_assert_cmpint (((SignetAmendment *) list->pdata[1])->value, ==, 120000);
  g_assert_cmpuint (((SignetAmendment *) list->pdata[1])->changes, ==, SIGNET_AMENDED_TERM_FLAG (SIGNET_AMENDED_VALUE));

  /* Changed: the effective date moves, the History says so. */
  g_free (a1->effective_date);
  a1->effective_date = g_strdup ("2026-04-01");
  g_assert_true (signet_store_update_amendment (f.store, a1, &error));
  g_assert_no_error (error);
  read = signet_store_get_amendment (f.store, a1->id, &error);
  g_assert_cmpstr (read->effective_date, ==, "2026-04-01");

  audit = signet_store_list_audit (f.store, SIGNET_RECORD_CONTRACT, signet_contract_get_id (contract), &error);
  entry = g_ptr_array_index (audit, 0);
  g_assert_cmpint (entry->action, ==, SIGNET_AUDIT_ACTION_UPDATE_AMENDMENT);
  g_assert_cmpstr (signet_audit_action_to_label (entry->action), ==, "Amendment changed");
  entry = g_ptr_array_index (audit, 1);
  g_assert_cmpint (entry->action, ==, SIGNET_AUDIT_ACTION_ADD_AMENDMENT);

  /* Deleted and brought back. */
  tombstone = signet_store_delete (f.store, SIGNET_TOMBSTONE_AMENDMENT, a2->id, &error);
  g_assert_no_error (error);
  g_assert_nonnull (tombstone);
  g_clear_pointer (&list, g_ptr_array_unref);
  list = signet_store_list_amendments (f.store, signet_contract_get_id (contract), &error);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_true (signet_store_restore (f.store, tombstone, &error));
  g_assert_no_error (error);
  g_clear_pointer (&list, g_ptr_array_unref);
  list = signet_store_list_amendments (f.store, signet_contract_get_id (contract), &error);
  g_assert_cmpuint (list->len, ==, 2);
  g_assert_cmpstr (((SignetAmendment *) list->pdata[0])->number, ==, "HT-2026-0001-A2");
  g_clear_pointer (&audit, g_ptr_array_unref);
  audit = signet_store_list_audit (f.store, SIGNET_RECORD_CONTRACT, signet_contract_get_id (contract), &error);
  g_assert_cmpint (((SignetAuditEntry *) audit->pdata[0])->action, ==, SIGNET_AUDIT_ACTION_RESTORE_AMENDMENT);
  g_assert_cmpint (((SignetAuditEntry *) audit->pdata[1])->action, ==, SIGNET_AUDIT_ACTION_DELETE_AMENDMENT);

  store_fixture_close (&f);
}

/* What the store refuses, writing nothing: an unsigned contract's
 * amendment, a number in use, no term, an end before the start, a file
 * that is not the contract's. */
static void
test_store_refuses (void)
{
  StoreFixture f;
  g_autoptr(SignetContract) contract = NULL;
  g_autoptr(SignetContract) draft = NULL;
  g_autoptr(SignetAmendment) amendment = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;

  store_fixture_open (&f, "2026-02-01");
  contract = add_signed_contract (&f, "HT-2026-0001");
  draft = unit_add_contract (f.store, f.client, "HT-2026-0002", "Draft");

  amendment = new_amendment (&f, draft, "2026-03-01");
  amendment->changes = SIGNET_AMENDED_TERM_FLAG (SIGNET_AMENDED_TITLE);
  amendment->title = g_strdup ("New");
  g_assert_false (signet_store_add_amendment (f.store, amendment, &error));
  g_assert_error (error, SIGNET_STORE_ERROR, SIGNET_STORE_ERROR_FAILED);
  g_assert_cmpstr (error->message, ==, "The contract HT-2026-0002 is not signed: change its terms in the contract itself.");
  g_clear_error (&error);

  amendment->contract_id = signet_contract_get_id (contract);
  amendment->changes = 0;
  g_assert_false (signet_store_add_amendment (f.store, amendment, &error));
  g_assert_error (error, SIGNET_FIELD_ERROR, SIGNET_FIELD_AMENDMENT_OTHER_TERMS);
  g_clear_error (&error);

  amendment->changes = SIGNET_AMENDED_TERM_FLAG (SIGNET_AMENDED_END_DATE);
  amendment->end_date = g_strdup ("2025-06-30");
  g_assert_false (signet_store_add_amendment (f.store, amendment, &error));
  g_assert_error (error, SIGNET_FIELD_ERROR, SIGNET_FIELD_CONTRACT_END_DATE);
  g_clear_error (&error);

  g_free (amendment->end_date);
  amendment->end_date = g_strdup ("2027-06-30");
  amendment->attachment_id = 4711;
  g_assert_false (signet_store_add_amendment (f.store, amendment, &error));
  g_assert_error (error, SIGNET_STORE_ERROR, SIGNET_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  amendment->attachment_id = 0;
  g_assert_true (signet_store_add_amendment (f.store, amendment, &error));
  g_assert_no_error (error);

  amendment->id = 0;
  g_assert_false (signet_store_add_amendment (f.store, amendment, &error));
  g_assert_error (error, SIGNET_FIELD_ERROR, SIGNET_FIELD_AMENDMENT_NUMBER);
  g_clear_error (&error);

  list = signet_store_list_amendments (f.store, signet_contract_get_id (contract), &error);
  g_assert_cmpuint (list->len, ==, 1);

  store_fixture_close (&f);
}

static char *
describe_events (StoreFixture *f,
                 gint64        contract_id)
{
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GError) error = NULL;
  GString *text = g_string_new (NULL);

  events = signet_store_list_events (f->store, "1900-01-01", "2199-12-31", &error);
  g_assert_no_error (error);
  for (guint i = 0; i < events->len; i++)
    {
      SignetEvent *event = g_ptr_array_index (events, i);
      SignetKeyDateKind kind = signet_event_get_kind (event);

      if (signet_event_get_contract_id (event) != contract_id ||
          (kind != SIGNET_KEY_DATE_END && kind != SIGNET_KEY_DATE_NOTICE_DEADLINE))
        continue;
      g_string_append_printf (text, "%s %s;", signet_key_date_kind_to_token (kind), signet_event_get_date (event));
    }

  return g_string_free (text, FALSE);
}

/* An amendment moving the end moves the end and its notice deadline from
 * its effective date on; before it the original end applies, and what
 * the original terms put after the effective date is gone. Deleting the
 * amendment brings the original dates back. */
static void
test_key_dates_follow (void)
{
  StoreFixture f;
  g_autoptr(SignetContract) contract = NULL;
  g_autoptr(SignetAmendment) amendment = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *amended = NULL;
  g_autofree char *late = NULL;
  g_autofree char *deleted = NULL;
  gint64 id;

  store_fixture_open (&f, "2026-02-01");
  contract = add_signed_contract (&f, "HT-2026-0001");
  id = signet_contract_get_id (contract);
  before = describe_events (&f, id);
  g_assert_cmpstr (before, ==, "notice-deadline 2026-12-01;end 2026-12-31;");

  amendment = new_amendment (&f, contract, "2026-06-01");
  amendment->changes = SIGNET_AMENDED_TERM_FLAG (SIGNET_AMENDED_END_DATE) | SIGNET_AMENDED_TERM_FLAG (SIGNET_AMENDED_NOTICE);
  amendment->end_date = g_strdup ("2027-06-30");
  amendment->notice_days = 60;
  amendment->auto_renew = TRUE;
  g_assert_true (signet_store_add_amendment (f.store, amendment, &error));
  g_assert_no_error (error);
  amended = describe_events (&f, id);
  g_assert_cmpstr (amended, ==, "notice-deadline 2027-05-01;end 2027-06-30;");

  /* Effective after the original end: that end still happened. */
  g_free (amendment->effective_date);
  amendment->effective_date = g_strdup ("2027-01-15");
  g_assert_true (signet_store_update_amendment (f.store, amendment, &error));
  g_assert_no_error (error);
  late = describe_events (&f, id);
  g_assert_cmpstr (late, ==, "notice-deadline 2026-12-01;end 2026-12-31;notice-deadline 2027-05-01;end 2027-06-30;");

  g_assert_true (signet_store_delete_amendment (f.store, amendment->id, &error));
  g_assert_no_error (error);
  deleted = describe_events (&f, id);
  g_assert_cmpstr (deleted, ==, before);

  store_fixture_close (&f);
}

/* The form's save refuses an edit of a locked field of a signed contract
 * with the field's error and writes nothing; notes and tags save; an
 * import (update) still writes what its file says. */
static void
test_locked_save (void)
{
  StoreFixture f;
  g_autoptr(SignetContract) contract = NULL;
  g_autoptr(SignetContract) edited = NULL;
  g_autoptr(SignetContract) stored = NULL;
  g_autoptr(GError) error = NULL;

  store_fixture_open (&f, "2026-02-01");
  contract = add_signed_contract (&f, "HT-2026-0001");

  edited = signet_contract_copy (contract);
  signet_contract_set_value (edited, 999900);
  signet_contract_set_notes (edited, "Raised");
  g_assert_false (signet_store_save_contract (f.store, contract, edited, &error));
  g_assert_error (error, SIGNET_FIELD_ERROR, SIGNET_FIELD_CONTRACT_VALUE);
  g_assert_cmpstr (error->message, ==, "Signed contracts change by amendment.");
  g_clear_error (&error);

  g_clear_object (&edited);
  edited = signet_contract_copy (contract);
  signet_contract_set_end_date (edited, "2030-01-01");
  g_assert_false (signet_store_save_contract (f.store, contract, edited, &error));
  g_assert_error (error, SIGNET_FIELD_ERROR, SIGNET_FIELD_CONTRACT_END_DATE);
  g_clear_error (&error);

  stored = signet_store_get_contract (f.store, signet_contract_get_id (contract), &error);
  g_assert_cmpint (signet_contract_get_value (stored), ==, 100000);
  g_assert_null (signet_contract_get_notes (stored));
  g_assert_cmpint (signet_contract_get_version (stored), ==, signet_contract_get_version (contract));

  g_clear_object (&edited);
  edited = signet_contract_copy (contract);
  signet_contract_set_notes (edited, "Raised");
  signet_contract_set_tags (edited, "IT");
  g_assert_true (signet_store_save_contract (f.store, contract, edited, &error));
  g_assert_no_error (error);

  g_clear_object (&stored);
  stored = signet_store_get_contract (f.store, signet_contract_get_id (contract), &error);
  signet_contract_set_value (stored, 500000);
  g_assert_true (signet_store_update_contract (f.store, stored, &error));
  g_assert_no_error (error);

  store_fixture_close (&f);
}

/* A register of version 11 with a signed contract opens at 12: the
 * contract reads as before, has no amendments, and takes one. */
static void
test_migration (void)
{
  StoreFixture f;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(SignetStore) store = NULL;
  g_autoptr(SignetContract) contract = NULL;
  g_autoptr(SignetContract) terms = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;

  if (store_fixture_on_server ())
    {
      g_test_skip ("A register in a file only: it checks the migration from a file of version 11");
      return;
    }

  store_fixture_open_empty (&f, "signet.db");
  g_clear_object (&f.store);
  unit_remove_tree (f.dir);
  g_mkdir_with_parents (f.dir, 0700);

  store = signet_store_new_at_version (f.path, 11, &error);
  g_assert_no_error (error);
  g_clear_object (&store);
  unit_exec_raw (f.path,
                 "INSERT INTO clients (id, name, code) VALUES (1, '华东建设', 'HDJS');"
                 "INSERT INTO contracts (id, number, title, client_id, value, currency, start_date, end_date, "
                 "status, risk_level, notice_days) VALUES (1, 'HT-2025-0001', '办公室租赁', 1, 100000, 'CNY', "
                 "'2025-01-01', '2025-12-31', 'signed', 'low', 30);");

  store = signet_store_open (f.path, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpint (unit_query_raw_int (f.path, "PRAGMA user_version"), ==, signet_store_get_schema_version ());
  contract = signet_store_get_contract (store, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (signet_contract_get_title (contract), ==, "办公室租赁");
  list = signet_store_list_amendments (store, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 0);
  terms = signet_store_get_contract_terms (store, 1, "2025-06-01", NULL, NULL, &error);
  g_assert_cmpint (signet_contract_get_value (terms), ==, 100000);

  g_clear_object (&store);
  store_fixture_close (&f);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/amendments/terms-as-of", test_terms_as_of);
  g_test_add_func ("/amendments/terms-same-day", test_terms_same_day);
  g_test_add_func ("/amendments/number-pattern", test_number_pattern);
  g_test_add_func ("/amendments/locked-fields", test_locked_fields);
  g_test_add_func ("/amendments/store", test_store);
  g_test_add_func ("/amendments/store-refuses", test_store_refuses);
  g_test_add_func ("/amendments/key-dates-follow", test_key_dates_follow);
  g_test_add_func ("/amendments/locked-save", test_locked_save);
  g_test_add_func ("/amendments/migration", test_migration);

  return g_test_run ();
}
