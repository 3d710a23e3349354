/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>

#include "signet-original.h"
#include "signet-person.h"
#include "signet-store-events.h"
#include "signet-store-originals.h"
#include "signet-store-people.h"
#include "signet-store-query.h"
#include "signet-tombstone.h"
#include "store-fixture.h"
#include "unit-test-utils.h"

/* The paper original of a contract and its loans: the loan's state by the
 * injected clock, the original's record (archive numbers unique, the
 * version check), lending, lending twice refused, returning, and what the
 * contract list and the archive view are told. */

/* The ids of @ids, in their order, that pass @filters: what the list keeps. */
static GArray *
filter_ids (SignetStore          *store,
            GArray               *ids,
            SignetContractFilter  filters,
            GError              **error)
{
  g_autoptr(SignetContractQuery) query = signet_contract_query_new ();

  signet_contract_query_set_filters (query, filters);
  return signet_store_keep_contract_ids (store, ids, query, error);
}

static SignetLoan *
make_loan (const char *lent_on,
           const char *due_on,
           const char *returned_on)
{
  SignetLoan *loan = signet_loan_new (1);

  loan->lent_on = g_strdup (lent_on);
  loan->due_on = g_strdup (due_on);
  loan->returned_on = g_strdup (returned_on);

  return loan;
}

/* Out until its due date (on loan), the day after it overdue by the days
 * since; back by the due date on time, after it late by the days it was
 * late, whatever the day. */
static void
test_loan_state (void)
{
  g_autoptr(SignetLoan) out = make_loan ("2026-11-02", "2026-11-16", NULL);
  g_autoptr(SignetLoan) back = make_loan ("2026-11-02", "2026-11-16", "2026-11-16");
  g_autoptr(SignetLoan) late = make_loan ("2026-11-02", "2026-11-16", "2026-11-20");
  g_autoptr(SignetLoan) copy = NULL;
  SignetLoanCondition condition;
  g_autofree char *note = NULL;
  g_autofree char *text = NULL;
  g_autofree char *due = NULL;

  g_assert_cmpint (signet_loan_get_state (out, "2026-11-02"), ==, SIGNET_LOAN_ON_LOAN);
  g_assert_cmpint (signet_loan_get_state (out, "2026-11-16"), ==, SIGNET_LOAN_ON_LOAN);
  g_assert_cmpuint (signet_loan_days_late (out, "2026-11-16"), ==, 0);
  g_assert_cmpint (signet_loan_get_state (out, "2026-11-17"), ==, SIGNET_LOAN_OVERDUE);
  g_assert_cmpuint (signet_loan_days_late (out, "2026-11-17"), ==, 1);
  /* Across a month's and a year's end. */
  g_assert_cmpuint (signet_loan_days_late (out, "2027-01-01"), ==, 46);

  g_assert_cmpint (signet_loan_get_state (back, "2030-01-01"), ==, SIGNET_LOAN_RETURNED);
  g_assert_cmpuint (signet_loan_days_late (back, "2030-01-01"), ==, 0);
  g_assert_cmpint (signet_loan_get_state (late, "2030-01-01"), ==, SIGNET_LOAN_RETURNED_LATE);
  g_assert_cmpuint (signet_loan_days_late (late, "2030-01-01"), ==, 4);

  copy = signet_loan_copy (late);
  g_assert_cmpstr (copy->returned_on, ==, "2026-11-20");
  g_assert_true (copy->returned_on != late->returned_on);

  /* The stored condition and its note, and back. */
  text = signet_loan_condition_to_text (SIGNET_LOAN_CONDITION_DAMAGED, "第3页撕裂");
  g_assert_cmpstr (text, ==, "damaged\n第3页撕裂");
  signet_loan_condition_from_text (text, &condition, &note);
  g_assert_cmpint (condition, ==, SIGNET_LOAN_CONDITION_DAMAGED);
  g_assert_cmpstr (note, ==, "第3页撕裂");
  g_clear_pointer (&note, g_free);
  signet_loan_condition_from_text ("intact", &condition, &note);
  g_assert_cmpint (condition, ==, SIGNET_LOAN_CONDITION_INTACT);
  g_assert_null (note);
  /* Another program's text is kept whole as the note. */
  signet_loan_condition_from_text ("wet", &condition, &note);
  g_assert_cmpint (condition, ==, SIGNET_LOAN_CONDITION_NONE);
  g_assert_cmpstr (note, ==, "wet");

  due = signet_loan_default_due_on ("2026-12-25");
  g_assert_cmpstr (due, ==, "2027-01-08");
}

static gint64
add_person (StoreFixture *f,
            const char   *name,
            const char   *department)
{
  g_autoptr(SignetPerson) person = signet_person_new ();
  g_autoptr(GError) error = NULL;

  signet_person_set_name (person, name);
  signet_person_set_department (person, department);
  g_assert_true (signet_store_add_person (f->store, person, &error));
  g_assert_no_error (error);

  return signet_person_get_id (person);
}

static void
record_original (StoreFixture *f,
                 gint64        contract_id,
                 const char   *archive_number)
{
  g_autoptr(SignetOriginal) original = signet_original_new (contract_id);
  g_autoptr(GError) error = NULL;

  original->archive_number = g_strdup (archive_number);
  g_assert_true (signet_store_save_original (f->store, original, &error));
  g_assert_no_error (error);
}

static SignetLoan *
new_loan (gint64      contract_id,
          gint64      borrower_id,
          const char *lent_on,
          const char *due_on)
{
  SignetLoan *loan = signet_loan_new (contract_id);

  loan->borrower_id = borrower_id;
  loan->purpose = g_strdup ("诉讼取证");
  loan->lent_on = g_strdup (lent_on);
  loan->due_on = g_strdup (due_on);

  return loan;
}

static SignetAuditAction
newest_action (StoreFixture *f,
               gint64        contract_id)
{
  g_autoptr(GPtrArray) entries = signet_store_list_audit (f->store, SIGNET_RECORD_CONTRACT, contract_id, NULL);
  const SignetAuditEntry *entry;

  g_assert_nonnull (entries);
  g_assert_cmpuint (entries->len, >, 0);
  entry = g_ptr_array_index (entries, 0);

  return entry->action;
}

static void
count_changed_cb (SignetStore      *store,
                  SignetRecordKind  kind,
                  gint64            id,
                  SignetChangeKind  change,
                  gpointer          user_data)
{
  (*(guint *) user_data)++;
}

/* The original's record: every field back as written, its version raised
 * by each save; a save over an older version is a conflict and writes
 * nothing; an archive number of another contract's original is refused
 * naming that contract; each write is audited and announced as
 * "changed::originals". */
static void
test_record_original (void)
{
  StoreFixture f;
  g_autoptr(SignetContract) a = NULL;
  g_autoptr(SignetContract) b = NULL;
  g_autoptr(SignetOriginal) original = NULL;
  g_autoptr(SignetOriginal) read = NULL;
  g_autoptr(SignetOriginal) stale = NULL;
  g_autoptr(SignetOriginal) other = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *location = NULL;
  gint64 archivist;
  guint announced = 0;

  store_fixture_open (&f, "2026-11-02");
  a = unit_add_contract (f.store, f.client, "HT-2026-0001", "Lease");
  b = unit_add_contract (f.store, f.client, "HT-2026-0002", "Supply");
  archivist = add_person (&f, "陈静", "行政部");
  g_signal_connect (f.store, "changed::" SIGNET_STORE_CHANGED_ORIGINALS, G_CALLBACK (count_changed_cb), &announced);

  read = signet_store_get_original (f.store, signet_contract_get_id (a), &error);
  g_assert_no_error (error);
  g_assert_null (read);

  original = signet_original_new (signet_contract_get_id (a));
  original->archive_number = g_strdup (" DA-2026-017 ");
  original->room = g_strdup ("3");
  original->cabinet = g_strdup ("B");
  original->shelf = g_strdup ("2");
  original->box = g_strdup ("14");
  original->originals = 2;
  original->copies = 3;
  original->archived_by_id = archivist;
  original->archived_on = g_strdup ("2026-10-30");
  original->note = g_strdup ("Bound with its annexes");
  g_assert_true (signet_store_save_original (f.store, original, &error));
  g_assert_no_error (error);
  g_assert_cmpint (original->version, ==, 1);
  g_assert_cmpuint (announced, ==, 1);
  g_assert_cmpint (newest_action (&f, signet_contract_get_id (a)), ==, SIGNET_AUDIT_ACTION_ARCHIVE_ORIGINAL);

  read = signet_store_get_original (f.store, signet_contract_get_id (a), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (read->archive_number, ==, "DA-2026-017");
  g_assert_cmpuint (read->originals, ==, 2);
  g_assert_cmpuint (read->copies, ==, 3);
  g_assert_cmpstr (read->archived_by, ==, "陈静");
  g_assert_cmpstr (read->archived_on, ==, "2026-10-30");
  g_assert_cmpstr (read->note, ==, "Bound with its annexes");
  location = signet_original_dup_location (read);
  g_assert_cmpstr (location, ==, "Room 3 · Cabinet B · Shelf 2 · Box 14");

  /* Moved to another box; a form still at version 1 is refused. */
  stale = signet_original_copy (read);
  g_free (read->box);
  read->box = g_strdup ("15");
  g_assert_true (signet_store_save_original (f.store, read, &error));
  g_assert_no_error (error);
  g_assert_cmpint (read->version, ==, 2);
  g_assert_cmpint (newest_action (&f, signet_contract_get_id (a)), ==, SIGNET_AUDIT_ACTION_UPDATE_ORIGINAL);
  g_free (stale->note);
  stale->note = g_strdup ("Mine");
  g_assert_false (signet_store_save_original (f.store, stale, &error));
  g_assert_error (error, SIGNET_STORE_ERROR, SIGNET_STORE_ERROR_CONFLICT);
  g_clear_error (&error);
  g_clear_pointer (&read, signet_original_free);
  read = signet_store_get_original (f.store, signet_contract_get_id (a), &error);
  g_assert_cmpstr (read->box, ==, "15");
  g_assert_cmpstr (read->note, ==, "Bound with its annexes");
  g_assert_cmpuint (announced, ==, 2);

  /* The other contract cannot take the number; it can take another. */
  other = signet_original_new (signet_contract_get_id (b));
  other->archive_number = g_strdup ("DA-2026-017");
  g_assert_false (signet_store_save_original (f.store, other, &error));
  g_assert_error (error, SIGNET_FIELD_ERROR, SIGNET_FIELD_ORIGINAL_ARCHIVE_NUMBER);
  g_assert_nonnull (strstr (error->message, "HT-2026-0001"));
  g_clear_error (&error);
  g_assert_null (signet_store_get_original (f.store, signet_contract_get_id (b), &error));
  g_assert_no_error (error);
  g_free (other->archive_number);
  other->archive_number = g_strdup ("DA-2026-018");
  g_assert_true (signet_store_save_original (f.store, other, &error));
  g_assert_no_error (error);

  /* Nothing held at all is no original. */
  other->originals = 0;
  other->copies = 0;
  g_assert_false (signet_store_save_original (f.store, other, &error));
  g_assert_error (error, SIGNET_FIELD_ERROR, SIGNET_FIELD_ORIGINAL_COUNT);

  store_fixture_close (&f);
}

/* The life of a loan: no lending without the original recorded; lent
 * (the borrower's name read back); lending again refused with who has it
 * since when and until when; overdue once the store's day passes the due
 * date; a return before the day lent refused; returned late; lent again
 * afterwards; the history newest first. */
static void
test_lend_and_return (void)
{
  StoreFixture f;
  g_autoptr(SignetContract) contract = NULL;
  g_autoptr(SignetLoan) loan = NULL;
  g_autoptr(SignetLoan) twice = NULL;
  g_autoptr(SignetLoan) again = NULL;
  g_autoptr(SignetLoan) open = NULL;
  g_autoptr(GPtrArray) loans = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *today = NULL;
  SignetLoan *first;
  gint64 id;
  gint64 wang, li;
  guint announced = 0;

  store_fixture_open (&f, "2026-11-02");
  contract = unit_add_contract (f.store, f.client, "HT-2026-0001", "Lease");
  id = signet_contract_get_id (contract);
  wang = add_person (&f, "王芳", "法务部");
  li = add_person (&f, "李娜", "采购部");

  loan = new_loan (id, wang, "2026-11-02", "2026-11-16");
  g_assert_false (signet_store_add_loan (f.store, loan, &error));
  g_assert_error (error, SIGNET_STORE_ERROR, SIGNET_STORE_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "HT-2026-0001"));
  g_clear_error (&error);

  record_original (&f, id, "DA-1");
  g_signal_connect (f.store, "changed::" SIGNET_STORE_CHANGED_ORIGINALS, G_CALLBACK (count_changed_cb), &announced);

  /* Required: a purpose; a due date not before the day lent. */
  g_clear_pointer (&loan->purpose, g_free);
  g_assert_false (signet_store_add_loan (f.store, loan, &error));
  g_assert_error (error, SIGNET_FIELD_ERROR, SIGNET_FIELD_LOAN_PURPOSE);
  g_clear_error (&error);
  loan->purpose = g_strdup ("诉讼取证");
  g_free (loan->due_on);
  loan->due_on = g_strdup ("2026-11-01");
  g_assert_false (signet_store_add_loan (f.store, loan, &error));
  g_assert_error (error, SIGNET_FIELD_ERROR, SIGNET_FIELD_LOAN_DUE_ON);
  g_clear_error (&error);
  g_free (loan->due_on);
  loan->due_on = g_strdup ("2026-11-16");

  loan->department = g_strdup ("法务部");
  g_assert_true (signet_store_add_loan (f.store, loan, &error));
  g_assert_no_error (error);
  g_assert_cmpint (loan->id, >, 0);
  g_assert_nonnull (loan->uuid);
  g_assert_cmpstr (loan->borrower, ==, "王芳");
  g_assert_nonnull (loan->lent_by);
  g_assert_cmpuint (announced, ==, 1);
  g_assert_cmpint (newest_action (&f, id), ==, SIGNET_AUDIT_ACTION_LEND_ORIGINAL);

  twice = new_loan (id, li, "2026-11-05", "2026-11-19");
  g_assert_false (signet_store_add_loan (f.store, twice, &error));
  g_assert_error (error, SIGNET_STORE_ERROR, SIGNET_STORE_ERROR_IN_USE);
  g_assert_nonnull (strstr (error->message, "王芳"));
  g_assert_nonnull (strstr (error->message, "2026-11-02"));
  g_assert_nonnull (strstr (error->message, "2026-11-16"));
  g_clear_error (&error);
  g_assert_cmpuint (announced, ==, 1);

  open = signet_store_get_open_loan (f.store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (open->id, ==, loan->id);
  g_assert_cmpstr (open->department, ==, "法务部");
  today = signet_store_dup_today (f.store);
  g_assert_cmpint (signet_loan_get_state (open, today), ==, SIGNET_LOAN_ON_LOAN);
  g_clear_pointer (&today, g_free);

  /* Three weeks on, by the store's clock. */
  signet_store_set_today (f.store, "2026-11-23");
  today = signet_store_dup_today (f.store);
  g_assert_cmpint (signet_loan_get_state (open, today), ==, SIGNET_LOAN_OVERDUE);
  g_assert_cmpuint (signet_loan_days_late (open, today), ==, 7);

  g_assert_false (signet_store_return_loan (f.store, loan->id, "2026-11-01", SIGNET_LOAN_CONDITION_INTACT, NULL, &error));
  g_assert_error (error, SIGNET_FIELD_ERROR, SIGNET_FIELD_LOAN_RETURNED_ON);
  g_clear_error (&error);
  g_assert_false (signet_store_return_loan (f.store, loan->id, "2026-11-23", SIGNET_LOAN_CONDITION_DAMAGED, NULL, &error));
  g_assert_error (error, SIGNET_FIELD_ERROR, SIGNET_FIELD_LOAN_CONDITION);
  g_clear_error (&error);
  g_assert_true (signet_store_return_loan (f.store, loan->id, "2026-11-23", SIGNET_LOAN_CONDITION_DAMAGED,
                                           "Corner torn", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (announced, ==, 2);
  g_assert_cmpint (newest_action (&f, id), ==, SIGNET_AUDIT_ACTION_RETURN_ORIGINAL);
  g_assert_null (signet_store_get_open_loan (f.store, id, &error));
  g_assert_no_error (error);

  /* Back, it cannot come back twice. */
  g_assert_false (signet_store_return_loan (f.store, loan->id, "2026-11-24", SIGNET_LOAN_CONDITION_INTACT, NULL, &error));
  g_assert_error (error, SIGNET_STORE_ERROR, SIGNET_STORE_ERROR_CONFLICT);
  g_clear_error (&error);

  again = new_loan (id, li, "2026-11-24", "2026-12-08");
  g_assert_true (signet_store_add_loan (f.store, again, &error));
  g_assert_no_error (error);

  loans = signet_store_list_loans (f.store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (loans->len, ==, 2);
  g_assert_cmpstr (((SignetLoan *) g_ptr_array_index (loans, 0))->borrower, ==, "李娜");
  first = g_ptr_array_index (loans, 1);
  g_assert_cmpstr (first->borrower, ==, "王芳");
  g_assert_cmpstr (first->returned_on, ==, "2026-11-23");
  g_assert_cmpint (first->condition, ==, SIGNET_LOAN_CONDITION_DAMAGED);
  g_assert_cmpstr (first->condition_note, ==, "Corner torn");
  g_assert_nonnull (first->returned_by);
  g_assert_cmpint (signet_loan_get_state (first, today), ==, SIGNET_LOAN_RETURNED_LATE);

  store_fixture_close (&f);
}

/* A past loan, as an import brings it: added already returned, with who
 * lent it and took it back as its file says, while another loan is out. */
static void
test_past_loan (void)
{
  StoreFixture f;
  g_autoptr(SignetContract) contract = NULL;
  g_autoptr(SignetLoan) out = NULL;
  g_autoptr(SignetLoan) past = NULL;
  g_autoptr(GPtrArray) loans = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id, wang;

  store_fixture_open (&f, "2026-11-02");
  contract = unit_add_contract (f.store, f.client, "HT-2026-0001", "Lease");
  id = signet_contract_get_id (contract);
  wang = add_person (&f, "王芳", "法务部");
  record_original (&f, id, "DA-1");

  out = new_loan (id, wang, "2026-11-01", "2026-11-15");
  g_assert_true (signet_store_add_loan (f.store, out, &error));
  past = new_loan (id, wang, "2026-03-01", "2026-03-15");
  past->returned_on = g_strdup ("2026-03-10");
  past->condition = SIGNET_LOAN_CONDITION_INTACT;
  past->lent_by = g_strdup ("张伟");
  past->returned_by = g_strdup ("陈静");
  g_assert_true (signet_store_add_loan (f.store, past, &error));
  g_assert_no_error (error);

  loans = signet_store_list_loans (f.store, id, &error);
  g_assert_cmpuint (loans->len, ==, 2);
  past = g_ptr_array_steal_index (loans, 1);
  g_assert_cmpstr (past->returned_on, ==, "2026-03-10");
  g_assert_cmpstr (past->lent_by, ==, "张伟");
  g_assert_cmpstr (past->returned_by, ==, "陈静");
  g_assert_cmpint (past->condition, ==, SIGNET_LOAN_CONDITION_INTACT);

  store_fixture_close (&f);
}

/* Events of the day @date that come from the loan @loan_id. */
static guint
count_loan_events (StoreFixture *f,
                   const char   *date,
                   gint64        loan_id)
{
  g_autoptr(GPtrArray) events = signet_store_list_events (f->store, date, date, NULL);
  guint n = 0;

  g_assert_nonnull (events);
  for (guint i = 0; i < events->len; i++)
    n += signet_event_get_record_id (g_ptr_array_index (events, i)) == loan_id;

  return n;
}

/* A loan recorded by mistake is deleted (audited, announced, the original
 * back in the archive, its due date gone from the calendar) and Undo
 * brings it back whole: the same id, UUID, borrower, dates and who lent
 * it, on loan again with its due date. A loan out comes back only while
 * the original is in the archive; a returned one whenever. */
static void
test_delete_undo (void)
{
  StoreFixture f;
  g_autoptr(SignetContract) contract = NULL;
  g_autoptr(SignetLoan) loan = NULL;
  g_autoptr(SignetLoan) past = NULL;
  g_autoptr(SignetLoan) other = NULL;
  g_autoptr(SignetLoan) restored = NULL;
  g_autoptr(SignetTombstone) tombstone = NULL;
  g_autoptr(SignetTombstone) past_tombstone = NULL;
  g_autoptr(GPtrArray) loans = NULL;
  g_autoptr(GError) error = NULL;
  guint announced = 0;
  gint64 id, wang, li;

  store_fixture_open (&f, "2026-11-02");
  contract = unit_add_contract (f.store, f.client, "HT-2026-0001", "Lease");
  id = signet_contract_get_id (contract);
  wang = add_person (&f, "王芳", "法务部");
  li = add_person (&f, "李娜", NULL);
  record_original (&f, id, "DA-1");
  past = new_loan (id, li, "2026-03-01", "2026-03-15");
  past->returned_on = g_strdup ("2026-03-10");
  past->condition = SIGNET_LOAN_CONDITION_INTACT;
  g_assert_true (signet_store_add_loan (f.store, past, &error));
  loan = new_loan (id, wang, "2026-11-02", "2026-11-16");
  loan->department = g_strdup ("法务部");
  loan->lent_by = g_strdup ("张伟");
  g_assert_true (signet_store_add_loan (f.store, loan, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_loan_events (&f, "2026-11-16", loan->id), ==, 1);
  g_signal_connect (f.store, "changed::" SIGNET_STORE_CHANGED_ORIGINALS, G_CALLBACK (count_changed_cb), &announced);

  tombstone = signet_store_delete (f.store, SIGNET_TOMBSTONE_LOAN, loan->id, &error);
  g_assert_no_error (error);
  g_assert_nonnull (tombstone);
  g_assert_cmpstr (signet_tombstone_get_label (tombstone), ==, "王芳");
  g_assert_cmpint (signet_tombstone_get_contract_id (tombstone), ==, id);
  g_assert_cmpuint (announced, ==, 1);
  g_assert_cmpint (newest_action (&f, id), ==, SIGNET_AUDIT_ACTION_DELETE_LOAN);
  g_assert_null (signet_store_get_open_loan (f.store, id, &error));
  g_assert_no_error (error);
  g_assert_false (signet_store_contract_is_on_loan (f.store, id));
  loans = signet_store_list_loans (f.store, id, &error);
  g_assert_cmpuint (loans->len, ==, 1);
  g_clear_pointer (&loans, g_ptr_array_unref);
  g_assert_cmpuint (count_loan_events (&f, "2026-11-16", loan->id), ==, 0);

  /* Gone, it cannot be deleted again. */
  g_assert_null (signet_store_delete (f.store, SIGNET_TOMBSTONE_LOAN, loan->id, &error));
  g_assert_error (error, SIGNET_STORE_ERROR, SIGNET_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_true (signet_store_restore (f.store, tombstone, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (announced, ==, 2);
  g_assert_cmpint (newest_action (&f, id), ==, SIGNET_AUDIT_ACTION_RESTORE_LOAN);
  restored = signet_store_get_open_loan (f.store, id, &error);
  g_assert_no_error (error);
  g_assert_nonnull (restored);
  g_assert_cmpint (restored->id, ==, loan->id);
  g_assert_cmpstr (restored->uuid, ==, loan->uuid);
  g_assert_cmpint (restored->borrower_id, ==, wang);
  g_assert_cmpstr (restored->department, ==, "法务部");
  g_assert_cmpstr (restored->purpose, ==, "诉讼取证");
  g_assert_cmpstr (restored->lent_on, ==, "2026-11-02");
  g_assert_cmpstr (restored->due_on, ==, "2026-11-16");
  g_assert_cmpstr (restored->lent_by, ==, "张伟");
  g_assert_true (signet_store_contract_is_on_loan (f.store, id));
  g_assert_cmpuint (count_loan_events (&f, "2026-11-16", loan->id), ==, 1);
  /* Back already: a second Undo is refused. */
  g_assert_false (signet_store_restore (f.store, tombstone, &error));
  g_assert_error (error, SIGNET_STORE_ERROR, SIGNET_STORE_ERROR_CONFLICT);
  g_clear_error (&error);
  g_clear_object (&tombstone);

  /* Deleted, then the original lent to someone else: the loan out cannot
   * come back beside it, and nothing is written. A returned loan can. */
  tombstone = signet_store_delete (f.store, SIGNET_TOMBSTONE_LOAN, loan->id, &error);
  g_assert_no_error (error);
  other = new_loan (id, li, "2026-11-03", "2026-11-10");
  g_assert_true (signet_store_add_loan (f.store, other, &error));
  g_assert_no_error (error);
  announced = 0;
  g_assert_false (signet_store_restore (f.store, tombstone, &error));
  g_assert_error (error, SIGNET_STORE_ERROR, SIGNET_STORE_ERROR_IN_USE);
  g_assert_nonnull (strstr (error->message, "李娜"));
  g_clear_error (&error);
  g_assert_cmpuint (announced, ==, 0);
  loans = signet_store_list_loans (f.store, id, &error);
  g_assert_cmpuint (loans->len, ==, 2);
  g_clear_pointer (&loans, g_ptr_array_unref);

  past_tombstone = signet_store_delete (f.store, SIGNET_TOMBSTONE_LOAN, past->id, &error);
  g_assert_no_error (error);
  g_assert_true (signet_store_restore (f.store, past_tombstone, &error));
  g_assert_no_error (error);
  loans = signet_store_list_loans (f.store, id, &error);
  g_assert_cmpuint (loans->len, ==, 2);
  g_assert_cmpstr (((SignetLoan *) g_ptr_array_index (loans, 1))->returned_on, ==, "2026-03-10");

  store_fixture_close (&f);
}

/* The record of an original never lent is deleted (audited, announced)
 * and Undo brings it back as it was; not while another contract's
 * original has taken its archive number, nor once it has been lent. */
static void
test_delete_original_undo (void)
{
  StoreFixture f;
  g_autoptr(SignetContract) contract = NULL;
  g_autoptr(SignetContract) other = NULL;
  g_autoptr(SignetOriginal) original = NULL;
  g_autoptr(SignetOriginal) restored = NULL;
  g_autoptr(SignetOriginal) taker = NULL;
  g_autoptr(SignetTombstone) tombstone = NULL;
  g_autoptr(SignetLoan) loan = NULL;
  g_autoptr(GError) error = NULL;
  guint announced = 0;
  gint64 id;

  store_fixture_open (&f, "2026-11-02");
  contract = unit_add_contract (f.store, f.client, "HT-2026-0001", "Lease");
  other = unit_add_contract (f.store, f.client, "HT-2026-0002", "Cleaning");
  id = signet_contract_get_id (contract);
  original = signet_original_new (id);
  original->archive_number = g_strdup ("DA-1");
  original->room = g_strdup ("3");
  original->copies = 2;
  original->note = g_strdup ("红色封面");
  g_assert_true (signet_store_save_original (f.store, original, &error));
  g_assert_no_error (error);
  g_signal_connect (f.store, "changed::" SIGNET_STORE_CHANGED_ORIGINALS, G_CALLBACK (count_changed_cb), &announced);

  tombstone = signet_store_delete (f.store, SIGNET_TOMBSTONE_ORIGINAL, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (signet_tombstone_get_label (tombstone), ==, "HT-2026-0001");
  g_assert_cmpuint (announced, ==, 1);
  g_assert_cmpint (newest_action (&f, id), ==, SIGNET_AUDIT_ACTION_DELETE_ORIGINAL);
  g_assert_null (signet_store_get_original (f.store, id, &error));
  g_assert_no_error (error);

  /* Its archive number given to another contract's original meanwhile:
   * Undo is refused, naming it, and writes nothing. */
  taker = signet_original_new (signet_contract_get_id (other));
  taker->archive_number = g_strdup ("DA-1");
  g_assert_true (signet_store_save_original (f.store, taker, &error));
  g_assert_false (signet_store_restore (f.store, tombstone, &error));
  g_assert_error (error, SIGNET_FIELD_ERROR, SIGNET_FIELD_ORIGINAL_ARCHIVE_NUMBER);
  g_assert_nonnull (strstr (error->message, "HT-2026-0002"));
  g_clear_error (&error);
  g_assert_null (signet_store_get_original (f.store, id, NULL));
  g_free (taker->archive_number);
  taker->archive_number = g_strdup ("DA-2");
  g_assert_true (signet_store_save_original (f.store, taker, &error));

  announced = 0;
  g_assert_true (signet_store_restore (f.store, tombstone, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (announced, ==, 1);
  g_assert_cmpint (newest_action (&f, id), ==, SIGNET_AUDIT_ACTION_RESTORE_ORIGINAL);
  restored = signet_store_get_original (f.store, id, &error);
  g_assert_nonnull (restored);
  g_assert_cmpstr (restored->archive_number, ==, "DA-1");
  g_assert_cmpstr (restored->room, ==, "3");
  g_assert_cmpuint (restored->copies, ==, 2);
  g_assert_cmpstr (restored->note, ==, "红色封面");
  g_assert_cmpint (restored->version, ==, original->version);
  g_assert_false (signet_store_restore (f.store, tombstone, &error));
  g_assert_error (error, SIGNET_STORE_ERROR, SIGNET_STORE_ERROR_CONFLICT);
  g_clear_error (&error);

  /* Once lent, its record stays with the lending history. */
  loan = new_loan (id, add_person (&f, "王芳", NULL), "2026-11-02", "2026-11-16");
  g_assert_true (signet_store_add_loan (f.store, loan, &error));
  g_assert_null (signet_store_delete (f.store, SIGNET_TOMBSTONE_ORIGINAL, id, &error));
  g_assert_error (error, SIGNET_STORE_ERROR, SIGNET_STORE_ERROR_IN_USE);
  g_clear_error (&error);
  g_clear_pointer (&restored, signet_original_free);
  restored = signet_store_get_original (f.store, id, NULL);
  g_assert_nonnull (restored);

  store_fixture_close (&f);
}

/* The archive view lists every loan out by due date, the longest
 * overdue first, with its contract; not the returned ones, nor those of a
 * deleted contract until Undo brings it back. The list's filter keeps
 * the contracts whose original is out, in the order given. */
static void
test_open_loans_and_filter (void)
{
  StoreFixture f;
  g_autoptr(GPtrArray) loans = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) kept = NULL;
  g_autoptr(SignetTombstone) tombstone = NULL;
  g_autoptr(GError) error = NULL;
  static const struct { const char *number; const char *lent; const char *due; gboolean returned; } plan[] = {
    { "HT-2026-0001", "2026-10-01", "2026-11-20", FALSE },
    { "HT-2026-0002", "2026-10-01", "2026-10-15", FALSE },
    { "HT-2026-0003", "2026-10-01", "2026-10-10", TRUE },
    { "HT-2026-0004", "2026-10-20", "2026-12-01", FALSE },
    { "HT-2026-0005", NULL, NULL, FALSE },
  };
  gint64 contract_ids[G_N_ELEMENTS (plan)];
  gint64 wang;

  store_fixture_open (&f, "2026-11-02");
  wang = add_person (&f, "王芳", "法务部");
  for (guint i = 0; i < G_N_ELEMENTS (plan); i++)
    {
      g_autoptr(SignetContract) contract = unit_add_contract (f.store, f.client, plan[i].number, "Lease");
      g_autofree char *archive_number = g_strdup_printf ("DA-%u", i);

      contract_ids[i] = signet_contract_get_id (contract);
      g_array_append_val (ids, contract_ids[i]);
      record_original (&f, contract_ids[i], archive_number);
      if (plan[i].lent != NULL)
        {
          g_autoptr(SignetLoan) loan = new_loan (contract_ids[i], wang, plan[i].lent, plan[i].due);

          g_assert_true (signet_store_add_loan (f.store, loan, &error));
          g_assert_no_error (error);
          if (plan[i].returned)
            g_assert_true (signet_store_return_loan (f.store, loan->id, "2026-10-09",
                                                     SIGNET_LOAN_CONDITION_INTACT, NULL, &error));
        }
    }

  loans = signet_store_list_open_loans (f.store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (loans->len, ==, 3);
  g_assert_cmpstr (((SignetLoan *) g_ptr_array_index (loans, 0))->contract_number, ==, "HT-2026-0002");
  g_assert_cmpstr (((SignetLoan *) g_ptr_array_index (loans, 0))->contract_title, ==, "Lease");
  g_assert_cmpstr (((SignetLoan *) g_ptr_array_index (loans, 1))->contract_number, ==, "HT-2026-0001");
  g_assert_cmpstr (((SignetLoan *) g_ptr_array_index (loans, 2))->contract_number, ==, "HT-2026-0004");

  /* In the order given: 5, 4, 3, 2, 1 keeps 4, 2, 1. */
  for (guint i = 0; i < ids->len / 2; i++)
    {
      gint64 swap = g_array_index (ids, gint64, i);

      g_array_index (ids, gint64, i) = g_array_index (ids, gint64, ids->len - 1 - i);
      g_array_index (ids, gint64, ids->len - 1 - i) = swap;
    }
  kept = filter_ids (f.store, ids, SIGNET_CONTRACT_FILTER_ON_LOAN, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (kept->len, ==, 3);
  g_assert_cmpint (g_array_index (kept, gint64, 0), ==, contract_ids[3]);
  g_assert_cmpint (g_array_index (kept, gint64, 1), ==, contract_ids[1]);
  g_assert_cmpint (g_array_index (kept, gint64, 2), ==, contract_ids[0]);
  g_clear_pointer (&kept, g_array_unref);
  kept = filter_ids (f.store, ids, SIGNET_CONTRACT_FILTER_NONE, &error);
  g_assert_cmpuint (kept->len, ==, ids->len);
  g_clear_pointer (&kept, g_array_unref);
  /* No review has an action open. */
  kept = filter_ids (f.store, ids, SIGNET_CONTRACT_FILTER_OPEN_REVIEW_FINDINGS, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (kept->len, ==, 0);

  tombstone = signet_store_delete (f.store, SIGNET_TOMBSTONE_CONTRACT, contract_ids[1], &error);
  g_assert_no_error (error);
  g_clear_pointer (&loans, g_ptr_array_unref);
  loans = signet_store_list_open_loans (f.store, &error);
  g_assert_cmpuint (loans->len, ==, 2);
  g_assert_cmpstr (((SignetLoan *) g_ptr_array_index (loans, 0))->contract_number, ==, "HT-2026-0001");

  g_assert_true (signet_store_restore (f.store, tombstone, &error));
  g_assert_no_error (error);
  g_clear_pointer (&loans, g_ptr_array_unref);
  loans = signet_store_list_open_loans (f.store, &error);
  g_assert_cmpuint (loans->len, ==, 3);
  g_assert_cmpstr (((SignetLoan *) g_ptr_array_index (loans, 0))->contract_number, ==, "HT-2026-0002");
  g_assert_nonnull (signet_store_get_original (f.store, contract_ids[1], &error));

  store_fixture_close (&f);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/originals/loan-state", test_loan_state);
  g_test_add_func ("/originals/record", test_record_original);
  g_test_add_func ("/originals/lend-and-return", test_lend_and_return);
  g_test_add_func ("/originals/past-loan", test_past_loan);
  g_test_add_func ("/originals/open-loans-and-filter", test_open_loans_and_filter);
  g_test_add_func ("/originals/delete-undo", test_delete_undo);
  g_test_add_func ("/originals/delete-original-undo", test_delete_original_undo);

  return g_test_run ();
}
