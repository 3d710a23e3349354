/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>

#include "signet-obligation.h"
#include "signet-store-attachments.h"
#include "signet-store-obligations.h"
#include "signet-store-people.h"
#include "signet-tombstone.h"
#include "store-fixture.h"
#include "unit-test-utils.h"

/* Obligations: their recurrence across month ends and leap years, where
 * it stops, and the occurrences left open; the store's obligations, what
 * was done about their occurrences, Undo of a delete, and the clause
 * links of obligations and risks to PDF annotations. */

#define PDF "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n"

static SignetObligation *
make_obligation (const char       *due_date,
                 SignetRecurrence  recurrence,
                 const char       *until_date)
{
  SignetObligation *obligation = signet_obligation_new (1);

  obligation->title = g_strdup ("Monthly report");
  obligation->due_date = g_strdup (due_date);
  obligation->recurrence = recurrence;
  obligation->until_date = g_strdup (until_date);

  return obligation;
}

static void
assert_dates (GPtrArray          *dates,
              const char * const *expected)
{
  g_autofree char *got = NULL;
  g_autofree char *want = NULL;

  g_ptr_array_add (dates, NULL);
  got = g_strjoinv (" ", (char **) dates->pdata);
  g_ptr_array_remove_index (dates, dates->len - 1);
  want = g_strjoinv (" ", (char **) expected);
  g_assert_cmpstr (got, ==, want);
}

/* Monthly from 31 January: the end of each shorter month, and back to
 * the 31st where the month has one; 29 February in a leap year. */
static void
test_monthly_month_ends (void)
{
  g_autoptr(SignetObligation) obligation = make_obligation ("2027-01-31", SIGNET_RECURRENCE_MONTHLY, NULL);
  g_autoptr(GPtrArray) dates = signet_obligation_list_occurrences (obligation, "2027-08-31", NULL, NULL);
  g_autoptr(GPtrArray) leap = NULL;
  const char * const expected[] = {
    "2027-01-31", "2027-02-28", "2027-03-31", "2027-04-30", "2027-05-31",
    "2027-06-30", "2027-07-31", "2027-08-31", NULL
  };
  const char * const expected_leap[] = { "2028-02-29", "2028-03-31", NULL };

  assert_dates (dates, expected);

  g_free (obligation->due_date);
  obligation->due_date = g_strdup ("2028-01-31");
  leap = signet_obligation_list_occurrences (obligation, NULL, "2028-02-01", "2028-04-29");
  assert_dates (leap, expected_leap);
}

/* Yearly from 29 February: 28 February in common years, 29 again in the
 * next leap year. */
static void
test_yearly_leap_day (void)
{
  g_autoptr(SignetObligation) obligation = make_obligation ("2028-02-29", SIGNET_RECURRENCE_YEARLY, "2032-12-31");
  g_autoptr(GPtrArray) dates = signet_obligation_list_occurrences (obligation, obligation->until_date, NULL, NULL);
  const char * const expected[] = {
    "2028-02-29", "2029-02-28", "2030-02-28", "2031-02-28", "2032-02-29", NULL
  };

  assert_dates (dates, expected);
}

/* Quarterly from 30 November: the end of February, then the 30th. */
static void
test_quarterly_from_november (void)
{
  g_autoptr(SignetObligation) obligation = make_obligation ("2026-11-30", SIGNET_RECURRENCE_QUARTERLY, NULL);
  g_autoptr(GPtrArray) dates = signet_obligation_list_occurrences (obligation, "2028-03-01", NULL, NULL);
  const char * const expected[] = {
    "2026-11-30", "2027-02-28", "2027-05-30", "2027-08-30", "2027-11-30",
    "2028-02-29", NULL
  };

  assert_dates (dates, expected);
}

/* A range in the middle of a long recurrence lists only what falls in
 * it, both ends included; an open-ended one stops at the range's end. */
static void
test_range (void)
{
  g_autoptr(SignetObligation) obligation = make_obligation ("2020-01-15", SIGNET_RECURRENCE_MONTHLY, NULL);
  g_autoptr(GPtrArray) dates = signet_obligation_list_occurrences (obligation, NULL, "2026-03-15", "2026-05-15");
  g_autoptr(GPtrArray) once = NULL;
  const char * const expected[] = { "2026-03-15", "2026-04-15", "2026-05-15", NULL };
  const char * const expected_once[] = { "2020-01-15", NULL };
  const char * const none[] = { NULL };

  assert_dates (dates, expected);

  obligation->recurrence = SIGNET_RECURRENCE_NONE;
  once = signet_obligation_list_occurrences (obligation, NULL, NULL, "2030-01-01");
  assert_dates (once, expected_once);
  g_clear_pointer (&once, g_ptr_array_unref);
  once = signet_obligation_list_occurrences (obligation, NULL, "2020-01-16", NULL);
  assert_dates (once, none);
}

/* The last date: the until date, else the end in force; a termination
 * cuts either short; no end and no until date is open-ended. */
static void
test_last_date (void)
{
  g_autoptr(SignetObligation) obligation = make_obligation ("2026-01-31", SIGNET_RECURRENCE_MONTHLY, NULL);
  g_autoptr(SignetContract) contract = signet_contract_new ();
  g_autoptr(GPtrArray) dates = NULL;
  g_autofree char *last = NULL;
  const char * const until_end[] = { "2026-01-31", "2026-02-28", "2026-03-31", "2026-04-30", NULL };
  const char * const until_terminated[] = { "2026-01-31", "2026-02-28", NULL };

  last = signet_obligation_dup_last_date (obligation, contract);
  g_assert_null (last);

  signet_contract_set_end_date (contract, "2026-05-15");
  last = signet_obligation_dup_last_date (obligation, contract);
  g_assert_cmpstr (last, ==, "2026-05-15");
  dates = signet_obligation_list_occurrences (obligation, last, NULL, NULL);
  g_assert_cmpuint (dates->len, ==, 4);
  assert_dates (dates, until_end);
  g_clear_pointer (&dates, g_ptr_array_unref);
  g_clear_pointer (&last, g_free);

  obligation->until_date = g_strdup ("2026-03-31");
  last = signet_obligation_dup_last_date (obligation, contract);
  g_assert_cmpstr (last, ==, "2026-03-31");
  g_clear_pointer (&last, g_free);

  signet_contract_set_status (contract, SIGNET_CONTRACT_STATUS_TERMINATED);
  signet_contract_set_termination_date (contract, "2026-03-10");
  last = signet_obligation_dup_last_date (obligation, contract);
  g_assert_cmpstr (last, ==, "2026-03-10");
  dates = signet_obligation_list_occurrences (obligation, last, NULL, NULL);
  assert_dates (dates, until_terminated);
}

/* Done after the day it was due is done late; the next open occurrence
 * skips the done and waived ones, and there is none when all are. */
static void
test_next_open_and_late (void)
{
  g_autoptr(SignetObligation) obligation = make_obligation ("2026-01-31", SIGNET_RECURRENCE_MONTHLY, "2026-03-31");
  SignetOccurrence *done = g_new0 (SignetOccurrence, 1);
  SignetOccurrence *waived = g_new0 (SignetOccurrence, 1);
  SignetOccurrence *last = g_new0 (SignetOccurrence, 1);
  g_autofree char *next = NULL;

  done->due_date = g_strdup ("2026-01-31");
  done->status = SIGNET_OCCURRENCE_DONE;
  done->done_date = g_strdup ("2026-02-02");
  waived->due_date = g_strdup ("2026-02-28");
  waived->status = SIGNET_OCCURRENCE_WAIVED;
  waived->note = g_strdup ("Office closed");
  last->due_date = g_strdup ("2026-03-31");
  last->status = SIGNET_OCCURRENCE_DONE;
  last->done_date = g_strdup ("2026-03-31");
  g_ptr_array_add (obligation->occurrences, done);
  g_ptr_array_add (obligation->occurrences, waived);

  g_assert_true (signet_occurrence_is_done_late (done));
  g_assert_false (signet_occurrence_is_done_late (waived));
  g_assert_false (signet_occurrence_is_done_late (last));
  g_assert_cmpint (signet_obligation_occurrence_status (obligation, "2026-02-28"), ==, SIGNET_OCCURRENCE_WAIVED);
  g_assert_cmpint (signet_obligation_occurrence_status (obligation, "2026-03-31"), ==, SIGNET_OCCURRENCE_OPEN);

  next = signet_obligation_dup_next_open (obligation, obligation->until_date);
  g_assert_cmpstr (next, ==, "2026-03-31");
  g_clear_pointer (&next, g_free);

  g_ptr_array_add (obligation->occurrences, last);
  next = signet_obligation_dup_next_open (obligation, obligation->until_date);
  g_assert_null (next);
}

typedef struct
{
  StoreFixture base;
  gint64       contract_id;
  gint64       owner_id;
  gint64       version_id;
  guint        changed;
} Fixture;

static void
obligations_changed_cb (SignetStore      *store,
                        SignetRecordKind  kind,
                        gint64            id,
                        SignetChangeKind  change,
                        Fixture          *f)
{
  if (kind == SIGNET_RECORD_CONTRACT && id == f->contract_id)
    f->changed++;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SignetContract) contract = NULL;
  g_autoptr(SignetPerson) person = signet_person_new ();
  g_autoptr(SignetAttachment) attachment = NULL;
  g_autoptr(GBytes) bytes = g_bytes_new_static (PDF, strlen (PDF));

  store_fixture_open (&f->base, "2026-06-15");
  contract = unit_add_contract (f->base.store, f->base.client, "HT-2026-0001", "Cleaning services");
  f->contract_id = signet_contract_get_id (contract);

  signet_person_set_name (person, "王芳");
  g_assert_true (signet_store_add_person (f->base.store, person, &error));
  g_assert_no_error (error);
  f->owner_id = signet_person_get_id (person);

  attachment = signet_store_add_attachment (f->base.store, f->contract_id, bytes, "agreement.pdf",
                                            "application/pdf", SIGNET_ATTACHMENT_ROLE_SIGNED, NULL, &error);
  g_assert_no_error (error);
  f->version_id = signet_attachment_get_version_id (attachment);

  g_signal_connect (f->base.store, "changed::" SIGNET_STORE_CHANGED_OBLIGATIONS,
                    G_CALLBACK (obligations_changed_cb), f);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  store_fixture_close (&f->base);
}

static SignetObligation *
add_obligation (Fixture          *f,
                const char       *title,
                const char       *due_date,
                SignetRecurrence  recurrence)
{
  g_autoptr(GError) error = NULL;
  SignetObligation *obligation = make_obligation (due_date, recurrence, NULL);

  obligation->contract_id = f->contract_id;
  g_free (obligation->title);
  obligation->title = g_strdup (title);
  obligation->owner_id = f->owner_id;
  g_assert_true (signet_store_add_obligation (f->base.store, obligation, &error));
  g_assert_no_error (error);
  g_assert_cmpint (obligation->id, >, 0);
  g_assert_nonnull (obligation->uuid);

  return obligation;
}

static gint64
annotate (Fixture    *f,
          guint       page,
          const char *comment)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SignetAnnotation) annotation = NULL;
  SignetAnnotationRect rect = { 72, 100, 300, 114 };

  annotation = signet_store_add_annotation (f->base.store, f->version_id, SIGNET_ANNOTATION_KIND_HIGHLIGHT,
                                            page, &rect, 1, "#f6d32d", comment, &error);
  g_assert_no_error (error);

  return signet_annotation_get_id (annotation);
}

/* Added, listed with its owner, changed (its version moves on, and a
 * stale copy is refused), announced as "changed::obligations" each time. */
static void
test_store_add_update (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SignetObligation) obligation = add_obligation (f, "Monthly cleaning report", "2026-01-31",
                                                           SIGNET_RECURRENCE_MONTHLY);
  g_autoptr(SignetObligation) stale = NULL;
  g_autoptr(GPtrArray) list = NULL;
  SignetObligation *listed;

  g_assert_cmpuint (f->changed, ==, 1);

  list = signet_store_list_obligations (f->base.store, f->contract_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 1);
  listed = g_ptr_array_index (list, 0);
  g_assert_cmpstr (listed->title, ==, "Monthly cleaning report");
  g_assert_cmpint (listed->owner_id, ==, f->owner_id);
  g_assert_cmpint (listed->recurrence, ==, SIGNET_RECURRENCE_MONTHLY);
  g_assert_cmpint (listed->party, ==, SIGNET_OBLIGATION_PARTY_US);
  g_assert_cmpint (listed->version, ==, 1);

  stale = signet_obligation_copy (obligation);
  obligation->party = SIGNET_OBLIGATION_PARTY_CLIENT;
  obligation->until_date = g_strdup ("2026-12-31");
  g_assert_true (signet_store_update_obligation (f->base.store, obligation, &error));
  g_assert_no_error (error);
  g_assert_cmpint (obligation->version, ==, 2);
  g_assert_cmpuint (f->changed, ==, 2);

  g_free (stale->title);
  stale->title = g_strdup ("Old copy");
  g_assert_false (signet_store_update_obligation (f->base.store, stale, &error));
  g_assert_error (error, SIGNET_STORE_ERROR, SIGNET_STORE_ERROR_CONFLICT);
  g_clear_error (&error);

  /* An until date before the first is refused, naming the field. */
  g_free (obligation->until_date);
  obligation->until_date = g_strdup ("2025-12-31");
  g_assert_false (signet_store_update_obligation (f->base.store, obligation, &error));
  g_assert_error (error, SIGNET_FIELD_ERROR, SIGNET_FIELD_OBLIGATION_UNTIL);
}

/* An occurrence done after its due date is done late and counted so;
 * one done on time is not; a waived one keeps its note; reopened, it is
 * open again; a day the obligation is not due on is refused. */
static void
test_store_occurrences (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SignetObligation) obligation = add_obligation (f, "Monthly cleaning report", "2026-01-31",
                                                           SIGNET_RECURRENCE_MONTHLY);
  g_autoptr(SignetObligation) stored = NULL;
  g_autofree char *next = NULL;

  g_assert_true (signet_store_mark_occurrence_done (f->base.store, obligation->id, "2026-01-31", "2026-02-03", &error));
  g_assert_no_error (error);
  g_assert_true (signet_store_mark_occurrence_done (f->base.store, obligation->id, "2026-02-28", "2026-02-27", &error));
  g_assert_no_error (error);
  g_assert_true (signet_store_waive_occurrence (f->base.store, obligation->id, "2026-03-31", " Site closed ", &error));
  g_assert_no_error (error);
  /* No date: done today, the store's day. */
  g_assert_true (signet_store_mark_occurrence_done (f->base.store, obligation->id, "2026-04-30", NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (f->changed, ==, 5);

  stored = signet_store_get_obligation (f->base.store, obligation->id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (stored->occurrences->len, ==, 4);
  g_assert_true (signet_occurrence_is_done_late (signet_obligation_find_occurrence (stored, "2026-01-31")));
  g_assert_false (signet_occurrence_is_done_late (signet_obligation_find_occurrence (stored, "2026-02-28")));
  g_assert_cmpstr (signet_obligation_find_occurrence (stored, "2026-03-31")->note, ==, "Site closed");
  g_assert_cmpstr (signet_obligation_find_occurrence (stored, "2026-04-30")->done_date, ==, "2026-06-15");
  g_assert_cmpuint (signet_store_count_obligations_done_late (f->base.store, f->contract_id, &error), ==, 2);
  g_assert_cmpuint (signet_store_count_obligations_done_late (f->base.store, 0, &error), ==, 2);
  g_assert_no_error (error);
  next = signet_obligation_dup_next_open (stored, "2026-12-31");
  g_assert_cmpstr (next, ==, "2026-05-31");

  g_assert_true (signet_store_reopen_occurrence (f->base.store, obligation->id, "2026-03-31", &error));
  g_assert_no_error (error);
  g_clear_pointer (&stored, signet_obligation_free);
  stored = signet_store_get_obligation (f->base.store, obligation->id, &error);
  g_assert_cmpint (signet_obligation_occurrence_status (stored, "2026-03-31"), ==, SIGNET_OCCURRENCE_OPEN);

  g_assert_false (signet_store_mark_occurrence_done (f->base.store, obligation->id, "2026-03-30", NULL, &error));
  g_assert_error (error, SIGNET_FIELD_ERROR, SIGNET_FIELD_OCCURRENCE_DUE);
}

/* Deleted, it is gone with what was recorded about it; Undo puts both
 * back as they were. */
static void
test_store_delete_undo (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SignetObligation) obligation = add_obligation (f, "Quarterly audit", "2026-03-31",
                                                           SIGNET_RECURRENCE_QUARTERLY);
  g_autoptr(SignetTombstone) tombstone = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(SignetObligation) back = NULL;

  g_assert_true (signet_store_mark_occurrence_done (f->base.store, obligation->id, "2026-03-31", "2026-04-02", &error));
  g_assert_no_error (error);

  tombstone = signet_store_delete (f->base.store, SIGNET_TOMBSTONE_OBLIGATION, obligation->id, &error);
  g_assert_no_error (error);
  list = signet_store_list_obligations (f->base.store, f->contract_id, &error);
  g_assert_cmpuint (list->len, ==, 0);
  g_assert_cmpuint (signet_store_count_obligations_done_late (f->base.store, f->contract_id, &error), ==, 0);

  g_assert_true (signet_store_restore (f->base.store, tombstone, &error));
  g_assert_no_error (error);
  back = signet_store_get_obligation (f->base.store, obligation->id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (back->title, ==, "Quarterly audit");
  g_assert_cmpstr (back->uuid, ==, obligation->uuid);
  g_assert_cmpuint (back->occurrences->len, ==, 1);
  g_assert_true (signet_occurrence_is_done_late (g_ptr_array_index (back->occurrences, 0)));
}

/* An obligation and a risk point at one annotation: the annotation lists
 * both; the obligation finds its clause (page, comment). Deleted, the
 * annotation is no clause any more, the obligation stays and keeps
 * pointing at it, and Undo of the deletion brings the link back. */
static void
test_clause_links (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 annotation_id = annotate (f, 2, "Clause 7.2: monthly report");
  gint64 other_id = annotate (f, 0, NULL);
  g_autoptr(SignetObligation) obligation = make_obligation ("2026-01-31", SIGNET_RECURRENCE_MONTHLY, NULL);
  g_autoptr(GPtrArray) clauses = NULL;
  g_autoptr(GPtrArray) links = NULL;
  g_autoptr(SignetClause) clause = NULL;
  g_autoptr(SignetTombstone) tombstone = NULL;
  g_autoptr(SignetObligation) kept = NULL;
  SignetClauseLink *link;
  SignetClause *first;
  g_autofree char *sql = NULL;

  obligation->contract_id = f->contract_id;
  obligation->annotation_id = annotation_id;
  g_assert_true (signet_store_add_obligation (f->base.store, obligation, &error));
  g_assert_no_error (error);

  /* The risks' own store writes the column the same way. */
  sql = g_strdup_printf ("INSERT INTO risks (uuid, contract_id, category, description, likelihood, impact, "
                         "annotation_id) VALUES ('9a0e7c39-1c55-4a8e-9f43-4b3f0d1e8c11', %" G_GINT64_FORMAT
                         ", 'performance', 'Late reports', 3, 4, %" G_GINT64_FORMAT ")",
                         f->contract_id, annotation_id);
  unit_exec_raw (f->base.path, sql);

  clauses = signet_store_list_clauses (f->base.store, f->contract_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (clauses->len, ==, 2);
  first = g_ptr_array_index (clauses, 0);
  g_assert_cmpint (first->annotation_id, ==, other_id);
  g_assert_cmpuint (first->page, ==, 0);
  g_assert_cmpstr (first->comment, ==, "");
  g_assert_cmpstr (first->file_name, ==, "agreement.pdf");

  clause = signet_store_get_clause (f->base.store, annotation_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (clause->page, ==, 2);
  g_assert_cmpstr (clause->comment, ==, "Clause 7.2: monthly report");
  g_assert_cmpint (clause->kind, ==, SIGNET_ANNOTATION_KIND_HIGHLIGHT);

  links = signet_store_list_clause_links (f->base.store, annotation_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (links->len, ==, 2);
  link = g_ptr_array_index (links, 0);
  g_assert_cmpint (link->kind, ==, SIGNET_CLAUSE_LINK_OBLIGATION);
  g_assert_cmpint (link->id, ==, obligation->id);
  g_assert_cmpstr (link->title, ==, "Monthly report");
  link = g_ptr_array_index (links, 1);
  g_assert_cmpint (link->kind, ==, SIGNET_CLAUSE_LINK_RISK);
  g_assert_cmpstr (link->title, ==, "Late reports");
  g_clear_pointer (&links, g_ptr_array_unref);
  links = signet_store_list_clause_links (f->base.store, other_id, &error);
  g_assert_cmpuint (links->len, ==, 0);
  g_clear_pointer (&links, g_ptr_array_unref);

  tombstone = signet_store_delete (f->base.store, SIGNET_TOMBSTONE_ANNOTATION, annotation_id, &error);
  g_assert_no_error (error);
  g_clear_pointer (&clause, signet_clause_free);
  clause = signet_store_get_clause (f->base.store, annotation_id, &error);
  g_assert_no_error (error);
  g_assert_null (clause);
  kept = signet_store_get_obligation (f->base.store, obligation->id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (kept->annotation_id, ==, annotation_id);

  g_assert_true (signet_store_restore (f->base.store, tombstone, &error));
  g_assert_no_error (error);
  links = signet_store_list_clause_links (f->base.store, annotation_id, &error);
  g_assert_cmpuint (links->len, ==, 2);
}

/* A clause must be an annotation of the contract's own files. */
static void
test_clause_of_another_contract (Fixture       *f,
                                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SignetContract) other = unit_add_contract (f->base.store, f->base.client, "HT-2026-0002", "Lease");
  g_autoptr(SignetObligation) obligation = make_obligation ("2026-01-31", SIGNET_RECURRENCE_NONE, NULL);

  obligation->contract_id = signet_contract_get_id (other);
  obligation->annotation_id = annotate (f, 0, "Not this contract's");
  g_assert_false (signet_store_add_obligation (f->base.store, obligation, &error));
  g_assert_error (error, SIGNET_STORE_ERROR, SIGNET_STORE_ERROR_NOT_FOUND);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/obligations/recurrence/monthly-month-ends", test_monthly_month_ends);
  g_test_add_func ("/obligations/recurrence/yearly-leap-day", test_yearly_leap_day);
  g_test_add_func ("/obligations/recurrence/quarterly-from-november", test_quarterly_from_november);
  g_test_add_func ("/obligations/recurrence/range", test_range);
  g_test_add_func ("/obligations/recurrence/last-date", test_last_date);
  g_test_add_func ("/obligations/occurrences/next-open-and-late", test_next_open_and_late);
  g_test_add ("/obligations/store/add-update", Fixture, NULL, fixture_set_up, test_store_add_update, fixture_tear_down);
  g_test_add ("/obligations/store/occurrences", Fixture, NULL, fixture_set_up, test_store_occurrences, fixture_tear_down);
  g_test_add ("/obligations/store/delete-undo", Fixture, NULL, fixture_set_up, test_store_delete_undo, fixture_tear_down);
  g_test_add ("/obligations/clauses/links", Fixture, NULL, fixture_set_up, test_clause_links, fixture_tear_down);
  g_test_add ("/obligations/clauses/other-contract", Fixture, NULL, fixture_set_up, test_clause_of_another_contract, fixture_tear_down);

  return g_test_run ();
}
