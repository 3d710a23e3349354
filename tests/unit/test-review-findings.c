/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "signet-contract-type.h"
#include "signet-person.h"
#include "signet-store-people.h"
#include "signet-store-private.h"
#include "signet-store-review-findings.h"
#include "signet-store-types.h"
#include "signet-tombstone.h"
#include "store-fixture.h"
#include "unit-test-utils.h"

/* Reviews with a checklist: answers and findings, the follow-up actions
 * issues become, the follow-up review they schedule, closing them, the
 * checklists a review answers, bad input and the register of version 18. */

typedef struct
{
  StoreFixture  base;
  gint64        contract_id;
  gint64        lina;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(SignetContract) contract = NULL;
  g_autoptr(SignetPerson) person = signet_person_new ();
  g_autoptr(GError) error = NULL;

  store_fixture_open (&f->base, "2026-12-07");
  contract = unit_add_contract (f->base.store, f->base.client, "HT-2026-0300", "物业服务");
  f->contract_id = signet_contract_get_id (contract);

  signet_person_set_name (person, "李娜");
  g_assert_true (signet_store_add_person (f->base.store, person, &error));
  g_assert_no_error (error);
  f->lina = signet_person_get_id (person);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  store_fixture_close (&f->base);
}

/* The default checklist answered: OK, two issues, not applicable, and one
 * left unanswered; each issue made an action, one owned by 李娜. */
static SignetReviewReport *
review_with_two_issues (Fixture    *f,
                        const char *first_due,
                        const char *second_due)
{
  SignetReviewReport *report = signet_review_report_new (f->contract_id, "2026-12-01");
  g_auto(GStrv) checklist = signet_store_dup_review_checklist (f->base.store, f->contract_id, NULL);
  static const SignetReviewAnswer answers[] = {
    SIGNET_REVIEW_ANSWER_OK, SIGNET_REVIEW_ANSWER_ISSUE, SIGNET_REVIEW_ANSWER_ISSUE,
    SIGNET_REVIEW_ANSWER_NA, SIGNET_REVIEW_ANSWER_NONE,
  };
  static const char * const findings[] = { NULL, "授权书已过期", "违约条款与范本不符", NULL, NULL };

  g_assert_cmpuint (g_strv_length (checklist), ==, G_N_ELEMENTS (answers));
  report->reviewer = g_strdup ("王芳");
  for (guint i = 0; i < G_N_ELEMENTS (answers); i++)
    g_ptr_array_add (report->items, signet_review_item_new (checklist[i], answers[i], findings[i]));
  g_ptr_array_add (report->actions, signet_review_action_new ("更新授权书", f->lina, first_due));
  g_ptr_array_add (report->actions, signet_review_action_new ("违约条款与范本不符", 0, second_due));

  return report;
}

/* The audit's changes (each a JSON array [what, before, after], c.value)
 * matching @where, counted through a connection of its own. */
static int
count_audit_changes (const char *path,
                     const char *where)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM audit a, %s WHERE %s",
                                          store_fixture_on_server ()
                                          ? "jsonb_array_elements (a.changes::jsonb) AS c (value)"
                                          : "json_each (a.changes) c",
                                          where);

  return unit_query_raw_int (path, sql);
}

static void
test_issues_schedule_follow_up (Fixture       *f,
                                gconstpointer  data)
{
  g_autoptr(SignetReviewReport) report = review_with_two_issues (f, "2027-01-06", "2027-01-20");
  g_autoptr(SignetReviewReport) undated = review_with_two_issues (f, NULL, NULL);
  g_autoptr(GPtrArray) reports = NULL;
  g_autoptr(GError) error = NULL;
  SignetReviewReport *read;
  SignetReviewAction *action;

  g_assert_true (signet_store_record_review_report (f->base.store, report, &error));
  g_assert_no_error (error);
  g_assert_cmpint (report->id, >, 0);
  g_assert_nonnull (report->uuid);
  /* The latest due date of its open actions. */
  g_assert_cmpstr (report->follow_up_date, ==, "2027-01-20");

  reports = signet_store_list_review_reports (f->base.store, f->contract_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (reports->len, ==, 1);
  read = g_ptr_array_index (reports, 0);
  g_assert_cmpstr (read->reviewer, ==, "王芳");
  g_assert_cmpstr (read->follow_up_date, ==, "2027-01-20");
  g_assert_cmpuint (read->items->len, ==, 5);
  g_assert_cmpstr (((SignetReviewItem *) read->items->pdata[0])->item, ==, "Signatures and seals complete");
  g_assert_cmpint (((SignetReviewItem *) read->items->pdata[0])->answer, ==, SIGNET_REVIEW_ANSWER_OK);
  g_assert_cmpint (((SignetReviewItem *) read->items->pdata[1])->answer, ==, SIGNET_REVIEW_ANSWER_ISSUE);
  g_assert_cmpstr (((SignetReviewItem *) read->items->pdata[1])->finding, ==, "授权书已过期");
  g_assert_cmpint (((SignetReviewItem *) read->items->pdata[3])->answer, ==, SIGNET_REVIEW_ANSWER_NA);
  g_assert_cmpint (((SignetReviewItem *) read->items->pdata[4])->answer, ==, SIGNET_REVIEW_ANSWER_NONE);
  g_assert_cmpuint (signet_review_report_count_answers (read, SIGNET_REVIEW_ANSWER_ISSUE), ==, 2);

  g_assert_cmpuint (read->actions->len, ==, 2);
  action = g_ptr_array_index (read->actions, 0);
  g_assert_cmpstr (action->description, ==, "更新授权书");
  g_assert_cmpint (action->owner_id, ==, f->lina);
  g_assert_cmpstr (action->owner_name, ==, "李娜");
  g_assert_cmpstr (action->due_date, ==, "2027-01-06");
  g_assert_null (action->done_date);
  g_assert_cmpint (action->contract_id, ==, f->contract_id);
  action = g_ptr_array_index (read->actions, 1);
  g_assert_null (action->owner_name);
  g_assert_cmpuint (signet_store_count_open_review_actions (f->base.store, f->contract_id, &error), ==, 2);
  g_assert_no_error (error);
  g_assert_true (signet_review_report_needs_follow_up (read));

  /* The History says what was found. */
  g_assert_cmpint (count_audit_changes (f->base.path,
                                        "a.action = 'record-review' "
                                        "AND c.value ->> 0 = 'review-checklist' "
                                        "AND c.value ->> 2 LIKE '%Issue: Signatory authority valid — 授权书已过期%'"),
                   ==, 1);

  /* Actions with no due date: 30 days after the review. */
  g_assert_true (signet_store_record_review_report (f->base.store, undated, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (undated->follow_up_date, ==, "2026-12-31");
  g_assert_cmpuint (signet_store_count_open_review_actions (f->base.store, f->contract_id, NULL), ==, 4);
}

/* A follow-up date given is kept, also for a review whose actions are all
 * done (as an import brings it); a review without open actions and no
 * date schedules none. */
static void
test_follow_up_given_or_none (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(SignetReviewReport) given = review_with_two_issues (f, "2027-01-06", NULL);
  g_autoptr(SignetReviewReport) clean = signet_review_report_new (f->contract_id, "2026-12-02");
  g_autoptr(SignetReviewReport) done = NULL;
  g_autoptr(GError) error = NULL;

  given->follow_up_date = g_strdup ("2027-02-01");
  g_assert_true (signet_store_record_review_report (f->base.store, given, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (given->follow_up_date, ==, "2027-02-01");

  g_ptr_array_add (clean->items, signet_review_item_new ("Terms compliant", SIGNET_REVIEW_ANSWER_OK, NULL));
  g_assert_true (signet_store_record_review_report (f->base.store, clean, &error));
  g_assert_no_error (error);
  g_assert_null (clean->follow_up_date);
  g_assert_cmpint (unit_query_raw_int (f->base.path, "SELECT count(*) FROM reviews WHERE follow_up_date IS NULL"),
                   ==, 1);

  done = review_with_two_issues (f, "2026-12-03", NULL);
  for (guint i = 0; i < done->actions->len; i++)
    ((SignetReviewAction *) done->actions->pdata[i])->done_date = g_strdup ("2026-12-05");
  done->follow_up_date = g_strdup ("2026-12-31");
  g_assert_true (signet_store_record_review_report (f->base.store, done, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (done->follow_up_date, ==, "2026-12-31");
  g_assert_false (signet_review_report_needs_follow_up (done));
  g_assert_cmpuint (signet_store_count_open_review_actions (f->base.store, f->contract_id, NULL), ==, 2);
}

static guint n_changed;

static void
changed_cb (SignetStore      *store,
            SignetRecordKind  kind,
            gint64            id,
            SignetChangeKind  change,
            gpointer          data)
{
  n_changed++;
}

/* Marking every action done clears the need for the follow-up review; its
 * date stays as history. Reopening one needs it again. */
static void
test_close_actions (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(SignetReviewReport) report = review_with_two_issues (f, "2027-01-06", "2027-01-20");
  g_autoptr(GPtrArray) reports = NULL;
  g_autoptr(GError) error = NULL;
  SignetReviewAction *first, *second;
  SignetReviewReport *read;
  gulong handler;

  g_assert_true (signet_store_record_review_report (f->base.store, report, &error));
  first = g_ptr_array_index (report->actions, 0);
  second = g_ptr_array_index (report->actions, 1);
  g_assert_cmpint (first->id, >, 0);
  g_assert_cmpint (second->id, >, first->id);

  n_changed = 0;
  handler = g_signal_connect (f->base.store, "changed::" SIGNET_STORE_CHANGED_KEY_DATES,
                              G_CALLBACK (changed_cb), NULL);
  g_assert_true (signet_store_set_review_action_done (f->base.store, first->id, "2026-12-05", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_changed, ==, 1);
  g_assert_cmpuint (signet_store_count_open_review_actions (f->base.store, f->contract_id, NULL), ==, 1);
  g_assert_true (signet_store_set_review_action_done (f->base.store, second->id, "2026-12-06", &error));
  g_assert_no_error (error);
  g_signal_handler_disconnect (f->base.store, handler);
  g_assert_cmpuint (signet_store_count_open_review_actions (f->base.store, f->contract_id, NULL), ==, 0);

  reports = signet_store_list_review_reports (f->base.store, f->contract_id, &error);
  g_assert_no_error (error);
  read = g_ptr_array_index (reports, 0);
  g_assert_false (signet_review_report_needs_follow_up (read));
  g_assert_cmpstr (read->follow_up_date, ==, "2027-01-20");
  g_assert_cmpstr (((SignetReviewAction *) read->actions->pdata[0])->done_date, ==, "2026-12-05");
  g_assert_cmpint (unit_query_raw_int (f->base.path,
                                       "SELECT count(*) FROM audit WHERE action = 'complete-review-action'"), ==, 2);

  g_assert_true (signet_store_set_review_action_done (f->base.store, second->id, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (signet_store_count_open_review_actions (f->base.store, f->contract_id, NULL), ==, 1);
  g_assert_cmpint (unit_query_raw_int (f->base.path,
                                       "SELECT count(*) FROM audit WHERE action = 'reopen-review-action'"), ==, 1);
}

/* An action edited keeps its review and state; one added later to a
 * recorded review, without an item, opens it again. */
static void
test_edit_and_add_action (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(SignetReviewReport) clean = signet_review_report_new (f->contract_id, "2026-12-02");
  g_autoptr(SignetReviewAction) added = NULL;
  g_autoptr(SignetReviewAction) edited = NULL;
  g_autoptr(GPtrArray) reports = NULL;
  g_autoptr(GError) error = NULL;
  SignetReviewAction *read;

  g_assert_true (signet_store_record_review_report (f->base.store, clean, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (signet_store_count_open_review_actions (f->base.store, f->contract_id, NULL), ==, 0);

  added = signet_review_action_new ("核对保证金", 0, "2027-03-01");
  added->review_id = clean->id;
  g_assert_true (signet_store_add_review_action (f->base.store, added, &error));
  g_assert_no_error (error);
  g_assert_cmpint (added->id, >, 0);
  g_assert_cmpuint (signet_store_count_open_review_actions (f->base.store, f->contract_id, NULL), ==, 1);

  edited = signet_review_action_new ("核对保证金与发票", f->lina, "2027-03-15");
  edited->id = added->id;
  g_assert_true (signet_store_update_review_action (f->base.store, edited, &error));
  g_assert_no_error (error);

  reports = signet_store_list_review_reports (f->base.store, f->contract_id, &error);
  g_assert_no_error (error);
  read = g_ptr_array_index (((SignetReviewReport *) reports->pdata[0])->actions, 0);
  g_assert_cmpstr (read->description, ==, "核对保证金与发票");
  g_assert_cmpstr (read->owner_name, ==, "李娜");
  g_assert_cmpstr (read->due_date, ==, "2027-03-15");
  g_assert_cmpint (read->review_id, ==, clean->id);
  g_assert_cmpint (count_audit_changes (f->base.path,
                                        "a.action = 'update-review-action' AND c.value ->> 0 = 'review-action-owner' "
                                        "AND c.value ->> 1 IS NULL AND c.value ->> 2 = '李娜'"), ==, 1);
}

/* A contract of a type with a checklist answers the type's clauses; one
 * without a type, or of a type without clauses, the default five. */
static void
test_checklists (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(SignetContractType) type = signet_contract_type_new ("采购合同");
  g_autoptr(SignetContractType) bare = signet_contract_type_new ("其他合同");
  g_autoptr(SignetContract) typed = signet_contract_new ();
  g_autoptr(SignetContract) untyped_clauses = signet_contract_new ();
  static const char * const clauses[] = { "付款条件已核对", "验收标准已确认", NULL };
  g_auto(GStrv) checklist = NULL;
  g_auto(GStrv) fallback = NULL;
  g_auto(GStrv) defaults = signet_review_default_checklist ();
  g_autoptr(GError) error = NULL;

  signet_contract_type_set_checklist (type, clauses);
  g_assert_true (signet_store_add_contract_type (f->base.store, type, &error));
  g_assert_true (signet_store_add_contract_type (f->base.store, bare, &error));
  g_assert_no_error (error);

  signet_contract_set_number (typed, "HT-2026-0301");
  signet_contract_set_title (typed, "办公设备采购");
  signet_contract_set_client_id (typed, signet_client_get_id (f->base.client));
  signet_contract_set_start_date (typed, "2026-03-01");
  signet_contract_type_apply (type, typed);
  g_assert_true (signet_store_add_contract_of_type (f->base.store, typed, type, &error));
  g_assert_no_error (error);
  checklist = signet_store_dup_review_checklist (f->base.store, signet_contract_get_id (typed), &error);
  g_assert_no_error (error);
  g_assert_cmpstrv (checklist, clauses);

  signet_contract_set_number (untyped_clauses, "HT-2026-0302");
  signet_contract_set_title (untyped_clauses, "杂项");
  signet_contract_set_client_id (untyped_clauses, signet_client_get_id (f->base.client));
  signet_contract_set_start_date (untyped_clauses, "2026-03-01");
  signet_contract_type_apply (bare, untyped_clauses);
  g_assert_true (signet_store_add_contract_of_type (f->base.store, untyped_clauses, bare, &error));
  g_assert_no_error (error);
  fallback = signet_store_dup_review_checklist (f->base.store, signet_contract_get_id (untyped_clauses), &error);
  g_assert_no_error (error);
  g_assert_cmpstrv (fallback, defaults);

  g_assert_cmpuint (g_strv_length (defaults), ==, 5);
  g_assert_cmpstr (defaults[0], ==, "Signatures and seals complete");
  g_assert_cmpstr (defaults[1], ==, "Signatory authority valid");
  g_assert_cmpstr (defaults[2], ==, "Terms compliant");
  g_assert_cmpstr (defaults[3], ==, "Performance on track");
  g_assert_cmpstr (defaults[4], ==, "Payments on track");

  g_assert_null (signet_store_dup_review_checklist (f->base.store, 9999, &error));
  g_assert_error (error, SIGNET_STORE_ERROR, SIGNET_STORE_ERROR_NOT_FOUND);
}

/* An issue nobody described is refused naming the item, an action with
 * no description or a due date that is no date too; nothing is written. */
static void
test_bad_input (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(SignetReviewReport) report = review_with_two_issues (f, "2027-01-06", NULL);
  g_autoptr(GError) error = NULL;
  SignetReviewItem *issue = g_ptr_array_index (report->items, 2);
  SignetReviewAction *action = g_ptr_array_index (report->actions, 0);

  g_clear_pointer (&issue->finding, g_free);
  issue->finding = g_strdup ("  ");
  g_assert_false (signet_store_record_review_report (f->base.store, report, &error));
  g_assert_error (error, SIGNET_FIELD_ERROR, SIGNET_FIELD_REVIEW_CHECKLIST);
  g_assert_nonnull (strstr (error->message, "Terms compliant"));
  g_clear_error (&error);
  issue->finding = g_strdup ("违约条款与范本不符");

  g_free (action->description);
  action->description = g_strdup ("");
  g_assert_false (signet_store_record_review_report (f->base.store, report, &error));
  g_assert_error (error, SIGNET_FIELD_ERROR, SIGNET_FIELD_REVIEW_ACTION);
  g_clear_error (&error);
  action->description = g_strdup ("更新授权书");

  g_free (action->due_date);
  action->due_date = g_strdup ("2027-02-30");
  g_assert_false (signet_store_record_review_report (f->base.store, report, &error));
  g_assert_error (error, SIGNET_FIELD_ERROR, SIGNET_FIELD_REVIEW_ACTION_DUE);
  g_clear_error (&error);

  g_assert_cmpint (unit_query_raw_int (f->base.path, "SELECT count(*) FROM reviews"), ==, 0);
  g_assert_cmpint (unit_query_raw_int (f->base.path, "SELECT count(*) FROM review_actions"), ==, 0);

  g_assert_false (signet_store_set_review_action_done (f->base.store, 4242, "2026-12-01", &error));
  g_assert_error (error, SIGNET_STORE_ERROR, SIGNET_STORE_ERROR_NOT_FOUND);
}

/* A register of version 18 with a review whose clauses were confirmed or
 * not reads them as OK and not answered, with no actions or follow-up. */
static void
test_migration (void)
{
  StoreFixture f;
  g_autoptr(SignetStore) store = NULL;
  g_autoptr(GPtrArray) reports = NULL;
  g_autoptr(GError) error = NULL;
  SignetReviewReport *read;

  if (store_fixture_on_server ())
    {
      g_test_skip ("A register in a file only: it checks the migration from a file of version 18");
      return;
    }

  store_fixture_open_empty (&f, "signet.db");
  g_clear_object (&f.store);
  unit_remove_tree (f.dir);
  g_mkdir_with_parents (f.dir, 0700);

  store = signet_store_new_at_version (f.path, 18, &error);
  g_assert_no_error (error);
  g_clear_object (&store);
  unit_exec_raw (f.path,
                 "INSERT INTO clients (id, name, code) VALUES (1, '华东建设', 'HDJS');"
                 "INSERT INTO contracts (id, number, title, client_id, value, currency, start_date, end_date, "
                 "status, risk_level, notice_days, auto_renew) VALUES (1, 'HT-2025-0001', '办公室租赁', 1, "
                 "100000, 'CNY', '2025-01-01', '2027-12-31', 'signed', 'low', 30, 0);"
                 "INSERT INTO reviews (id, contract_id, date, reviewer, note, uuid) VALUES "
                 "(1, 1, '2026-06-01', '王芳', '无异议', '0b0c1a52-5c1c-4d3e-9a0f-6d1e2f3a4b5c');"
                 "INSERT INTO review_clauses (review_id, position, clause, confirmed) VALUES "
                 "(1, 0, '付款条件已核对', 1), (1, 1, '验收标准已确认', 0);");

  store = signet_store_open (f.path, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpint (unit_query_raw_int (f.path, "PRAGMA user_version"), ==, signet_store_get_schema_version ());

  reports = signet_store_list_review_reports (store, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (reports->len, ==, 1);
  read = g_ptr_array_index (reports, 0);
  g_assert_cmpstr (read->note, ==, "无异议");
  g_assert_cmpuint (read->items->len, ==, 2);
  g_assert_cmpint (((SignetReviewItem *) read->items->pdata[0])->answer, ==, SIGNET_REVIEW_ANSWER_OK);
  g_assert_cmpint (((SignetReviewItem *) read->items->pdata[1])->answer, ==, SIGNET_REVIEW_ANSWER_NONE);
  g_assert_null (((SignetReviewItem *) read->items->pdata[1])->finding);
  g_assert_cmpuint (read->actions->len, ==, 0);
  g_assert_null (read->follow_up_date);
  g_assert_cmpuint (signet_store_count_open_review_actions (store, 1, &error), ==, 0);
  g_assert_no_error (error);

  g_clear_object (&store);
  store_fixture_close (&f);
}

static void
test_answer_tokens (void)
{
  SignetReviewAnswer answer = SIGNET_REVIEW_ANSWER_OK;

  for (SignetReviewAnswer a = SIGNET_REVIEW_ANSWER_NONE; a <= SIGNET_REVIEW_ANSWER_NA; a++)
    {
      g_assert_true (signet_review_answer_from_token (signet_review_answer_to_token (a), &answer));
      g_assert_cmpint (answer, ==, a);
      g_assert_cmpstr (signet_review_answer_to_label (a), !=, "");
    }
  g_assert_false (signet_review_answer_from_token ("maybe", &answer));
}

/* A review recorded by mistake goes with its answers and actions, and
 * its follow-up review leaves the calendar; Undo brings it all back as it
 * was, under its id and UUIDs, and both are in the History. */
static void
test_delete_and_undo (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(SignetReviewReport) report = review_with_two_issues (f, "2027-01-06", "2027-01-20");
  g_autoptr(SignetReviewReport) kept = review_with_two_issues (f, NULL, NULL);
  g_autoptr(SignetTombstone) tombstone = NULL;
  g_autoptr(GPtrArray) reports = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *follow_ups = NULL;
  SignetReviewReport *read;
  SignetReviewAction *action;

  g_assert_true (signet_store_record_review_report (f->base.store, report, &error));
  g_assert_no_error (error);
  g_free (kept->date);
  kept->date = g_strdup ("2026-11-02");
  g_assert_true (signet_store_record_review_report (f->base.store, kept, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (signet_store_count_open_review_actions (f->base.store, f->contract_id, NULL), ==, 4);

  follow_ups = g_strdup_printf ("SELECT count(*) FROM contract_events WHERE kind = 'follow-up-review' "
                                "AND record_id = %" G_GINT64_FORMAT " AND date = '2027-01-20'", report->id);
  g_assert_cmpint (unit_query_raw_int (f->base.path, follow_ups), ==, 1);

  tombstone = signet_store_delete (f->base.store, SIGNET_TOMBSTONE_REVIEW, report->id, &error);
  g_assert_no_error (error);
  g_assert_nonnull (tombstone);

  reports = signet_store_list_review_reports (f->base.store, f->contract_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (reports->len, ==, 1);
  g_assert_cmpint (((SignetReviewReport *) reports->pdata[0])->id, ==, kept->id);
  g_clear_pointer (&reports, g_ptr_array_unref);
  g_assert_cmpuint (signet_store_count_open_review_actions (f->base.store, f->contract_id, NULL), ==, 2);
  g_assert_cmpint (unit_query_raw_int (f->base.path, follow_ups), ==, 0);
  g_assert_cmpint (unit_query_raw_int (f->base.path, "SELECT count(*) FROM review_clauses WHERE review_id NOT IN "
                                                     "(SELECT id FROM reviews)"), ==, 0);
  g_assert_cmpint (unit_query_raw_int (f->base.path, "SELECT count(*) FROM review_actions WHERE review_id NOT IN "
                                                     "(SELECT id FROM reviews)"), ==, 0);

  /* Adding an action to it now finds no review. */
  {
    g_autoptr(SignetReviewAction) late = signet_review_action_new ("补签", 0, NULL);

    late->review_id = report->id;
    g_assert_false (signet_store_add_review_action (f->base.store, late, &error));
    g_assert_error (error, SIGNET_STORE_ERROR, SIGNET_STORE_ERROR_NOT_FOUND);
    g_clear_error (&error);
  }

  g_assert_true (signet_store_restore (f->base.store, tombstone, &error));
  g_assert_no_error (error);

  reports = signet_store_list_review_reports (f->base.store, f->contract_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (reports->len, ==, 2);
  read = g_ptr_array_index (reports, 0);
  g_assert_cmpint (read->id, ==, report->id);
  g_assert_cmpstr (read->uuid, ==, report->uuid);
  g_assert_cmpstr (read->reviewer, ==, "王芳");
  g_assert_cmpstr (read->follow_up_date, ==, "2027-01-20");
  g_assert_cmpuint (read->items->len, ==, 5);
  g_assert_cmpint (((SignetReviewItem *) read->items->pdata[1])->answer, ==, SIGNET_REVIEW_ANSWER_ISSUE);
  g_assert_cmpstr (((SignetReviewItem *) read->items->pdata[1])->finding, ==, "授权书已过期");
  g_assert_cmpuint (read->actions->len, ==, 2);
  action = g_ptr_array_index (read->actions, 0);
  g_assert_cmpint (action->id, ==, ((SignetReviewAction *) report->actions->pdata[0])->id);
  g_assert_cmpstr (action->uuid, ==, ((SignetReviewAction *) report->actions->pdata[0])->uuid);
  g_assert_cmpstr (action->owner_name, ==, "李娜");
  g_assert_cmpuint (signet_store_count_open_review_actions (f->base.store, f->contract_id, NULL), ==, 4);
  g_assert_cmpint (unit_query_raw_int (f->base.path, follow_ups), ==, 1);

  /* Twice is refused: it is there already. */
  g_assert_false (signet_store_restore (f->base.store, tombstone, &error));
  g_assert_error (error, SIGNET_STORE_ERROR, SIGNET_STORE_ERROR_CONFLICT);
  g_clear_error (&error);

  g_assert_cmpint (count_audit_changes (f->base.path,
                                        "a.action = 'delete-review' "
                                        "AND c.value ->> 0 = 'review-checklist' "
                                        "AND c.value ->> 1 LIKE '%Issue: Signatory authority valid — 授权书已过期%'"),
                   ==, 1);
  g_assert_cmpint (count_audit_changes (f->base.path,
                                        "a.action = 'restore-review' "
                                        "AND c.value ->> 0 = 'review-actions' "
                                        "AND c.value ->> 2 LIKE '更新授权书 · 李娜 · due on 2027-01-06%'"),
                   ==, 1);

  /* A review no longer there cannot be deleted. */
  g_assert_true (signet_store_delete_review (f->base.store, kept->id, &error));
  g_assert_no_error (error);
  g_assert_false (signet_store_delete_review (f->base.store, kept->id, &error));
  g_assert_error (error, SIGNET_STORE_ERROR, SIGNET_STORE_ERROR_NOT_FOUND);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/review-findings/issues-schedule-follow-up", test_issues_schedule_follow_up);
  ADD ("/review-findings/follow-up-given-or-none", test_follow_up_given_or_none);
  ADD ("/review-findings/close-actions", test_close_actions);
  ADD ("/review-findings/edit-and-add-action", test_edit_and_add_action);
  ADD ("/review-findings/checklists", test_checklists);
  ADD ("/review-findings/bad-input", test_bad_input);
  ADD ("/review-findings/delete-and-undo", test_delete_and_undo);
#undef ADD
  g_test_add_func ("/review-findings/migration", test_migration);
  g_test_add_func ("/review-findings/answer-tokens", test_answer_tokens);

  return g_test_run ();
}
