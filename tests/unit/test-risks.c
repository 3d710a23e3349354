/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "signet-amendment.h"
#include "signet-person.h"
#include "signet-risk.h"
#include "signet-store-people.h"
#include "signet-store-risks.h"
#include "signet-tombstone.h"
#include "store-fixture.h"
#include "unit-test-utils.h"

/* The risk register: scores, the suggested level and its rule, the level
 * kept with a reason and when that choice stops holding, the store's
 * writes with their History and Undo, and what it refuses. */

static SignetRisk *
make_risk (gint64           contract_id,
           const char      *description,
           guint            likelihood,
           guint            impact,
           SignetRiskStatus status)
{
  SignetRisk *risk = signet_risk_new (contract_id);

  risk->description = g_strdup (description);
  risk->likelihood = likelihood;
  risk->impact = impact;
  risk->status = status;

  return risk;
}

/* Every likelihood and impact: the score is their product, and the level
 * it suggests changes at 8 and at 15. */
static void
test_scores (void)
{
  for (guint l = 1; l <= 5; l++)
    for (guint i = 1; i <= 5; i++)
      {
        g_autoptr(SignetRisk) risk = make_risk (1, "x", l, i, SIGNET_RISK_STATUS_OPEN);
        guint score = signet_risk_get_score (risk);
        SignetRiskLevel level = signet_risk_level_for_score (score);

        g_assert_cmpuint (score, ==, l * i);
        if (score >= 15)
          g_assert_cmpint (level, ==, SIGNET_RISK_LEVEL_HIGH);
        else if (score >= 8)
          g_assert_cmpint (level, ==, SIGNET_RISK_LEVEL_MEDIUM);
        else
          g_assert_cmpint (level, ==, SIGNET_RISK_LEVEL_LOW);
      }

  g_assert_cmpint (signet_risk_level_for_score (7), ==, SIGNET_RISK_LEVEL_LOW);
  g_assert_cmpint (signet_risk_level_for_score (8), ==, SIGNET_RISK_LEVEL_MEDIUM);
  g_assert_cmpint (signet_risk_level_for_score (14), ==, SIGNET_RISK_LEVEL_MEDIUM);
  g_assert_cmpint (signet_risk_level_for_score (15), ==, SIGNET_RISK_LEVEL_HIGH);
  g_assert_cmpint (signet_risk_level_for_score (25), ==, SIGNET_RISK_LEVEL_HIGH);
}

/* The suggestion follows the highest open score; mitigated and closed
 * risks do not count, and with none open there is none. Its words give
 * the score, how it was made and the rule of its band. */
static void
test_suggestion (void)
{
  g_autoptr(GPtrArray) risks = g_ptr_array_new_with_free_func ((GDestroyNotify) signet_risk_free);
  const SignetRisk *highest = NULL;
  SignetRiskLevel level;
  g_autofree char *high = NULL;
  g_autofree char *medium = NULL;
  g_autofree char *low = NULL;

  g_assert_false (signet_risks_suggest_level (risks, &level, &highest));
  g_assert_null (highest);

  g_ptr_array_add (risks, make_risk (1, "closed", 5, 5, SIGNET_RISK_STATUS_CLOSED));
  g_ptr_array_add (risks, make_risk (1, "mitigated", 5, 4, SIGNET_RISK_STATUS_MITIGATED));
  g_assert_false (signet_risks_suggest_level (risks, &level, &highest));

  g_ptr_array_add (risks, make_risk (1, "low", 3, 2, SIGNET_RISK_STATUS_OPEN));
  g_assert_true (signet_risks_suggest_level (risks, &level, &highest));
  g_assert_cmpint (level, ==, SIGNET_RISK_LEVEL_LOW);
  g_assert_cmpstr (highest->description, ==, "low");
  low = signet_risk_describe_suggestion (level, highest);
  g_assert_cmpstr (low, ==, "Suggested: Low — highest open score 6 (3 × 2); 7 or less is low");

  g_ptr_array_add (risks, make_risk (1, "medium", 2, 4, SIGNET_RISK_STATUS_OPEN));
  g_assert_true (signet_risks_suggest_level (risks, &level, &highest));
  g_assert_cmpint (level, ==, SIGNET_RISK_LEVEL_MEDIUM);
  medium = signet_risk_describe_suggestion (level, highest);
  g_assert_cmpstr (medium, ==, "Suggested: Medium — highest open score 8 (2 × 4); 8 to 14 is medium");

  g_ptr_array_add (risks, make_risk (1, "high", 4, 4, SIGNET_RISK_STATUS_OPEN));
  g_assert_true (signet_risks_suggest_level (risks, &level, &highest));
  g_assert_cmpint (level, ==, SIGNET_RISK_LEVEL_HIGH);
  g_assert_cmpstr (highest->description, ==, "high");
  high = signet_risk_describe_suggestion (level, highest);
  g_assert_cmpstr (high, ==, "Suggested: High — highest open score 16 (4 × 4); 15 or more is high");

  /* Mitigated, the 16 no longer counts: back to medium. */
  ((SignetRisk *) highest)->status = SIGNET_RISK_STATUS_MITIGATED;
  g_assert_true (signet_risks_suggest_level (risks, &level, &highest));
  g_assert_cmpint (level, ==, SIGNET_RISK_LEVEL_MEDIUM);
  g_assert_cmpstr (highest->description, ==, "medium");
}

/* The notice: none without a suggestion or when the level is the
 * suggested one; a choice quiets it only for the level and suggestion it
 * was made for. */
static void
test_notice (void)
{
  g_autoptr(SignetRiskLevelChoice) choice = signet_risk_level_choice_new (1);

  g_assert_false (signet_risk_level_needs_notice (SIGNET_RISK_LEVEL_LOW, FALSE, SIGNET_RISK_LEVEL_HIGH, NULL));
  g_assert_false (signet_risk_level_needs_notice (SIGNET_RISK_LEVEL_HIGH, TRUE, SIGNET_RISK_LEVEL_HIGH, NULL));
  g_assert_true (signet_risk_level_needs_notice (SIGNET_RISK_LEVEL_LOW, TRUE, SIGNET_RISK_LEVEL_HIGH, NULL));

  choice->level = SIGNET_RISK_LEVEL_LOW;
  choice->suggested = SIGNET_RISK_LEVEL_HIGH;
  g_assert_false (signet_risk_level_needs_notice (SIGNET_RISK_LEVEL_LOW, TRUE, SIGNET_RISK_LEVEL_HIGH, choice));
  g_assert_true (signet_risk_level_needs_notice (SIGNET_RISK_LEVEL_LOW, TRUE, SIGNET_RISK_LEVEL_MEDIUM, choice));
  g_assert_true (signet_risk_level_needs_notice (SIGNET_RISK_LEVEL_MEDIUM, TRUE, SIGNET_RISK_LEVEL_HIGH, choice));
}

static SignetPerson *
add_person (StoreFixture *f,
            const char   *name)
{
  g_autoptr(GError) error = NULL;
  SignetPerson *person = signet_person_new ();

  signet_person_set_name (person, name);
  g_assert_true (signet_store_add_person (f->store, person, &error));
  g_assert_no_error (error);

  return person;
}

static void
count_changed_cb (SignetStore      *store,
                  SignetRecordKind  kind,
                  gint64            id,
                  SignetChangeKind  change,
                  guint            *count)
{
  if (kind == SIGNET_RECORD_CONTRACT)
    (*count)++;
}

/* Added, listed open first by score, updated over its version (an older
 * version refused as a conflict), deleted and put back by Undo, each with
 * its History entry and one "changed::risks" for the contract. */
static void
test_store (void)
{
  guint n_changed = 0;
  StoreFixture f;
  g_autoptr(SignetContract) contract = NULL;
  g_autoptr(SignetPerson) owner = NULL;
  g_autoptr(SignetRisk) penalty = NULL;
  g_autoptr(SignetRisk) late = NULL;
  g_autoptr(SignetRisk) stale = NULL;
  g_autoptr(SignetRisk) read = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GPtrArray) audit = NULL;
  g_autoptr(SignetTombstone) tombstone = NULL;
  g_autoptr(GError) error = NULL;
  gint64 contract_id;
  gboolean has_suggestion;
  SignetRiskLevel level;

  store_fixture_open (&f, "2026-02-01");
  contract = unit_add_contract (f.store, f.client, "HT-2026-0001", "Lease");
  contract_id = signet_contract_get_id (contract);
  owner = add_person (&f, "李娜");
  g_signal_connect (f.store, "changed::" SIGNET_STORE_CHANGED_RISKS, G_CALLBACK (count_changed_cb), &n_changed);

  penalty = make_risk (contract_id, "违约金比例未写明", 4, 4, SIGNET_RISK_STATUS_OPEN);
  penalty->category = SIGNET_RISK_CATEGORY_LEGAL;
  penalty->owner_id = signet_person_get_id (owner);
  penalty->next_review = g_strdup ("2026-03-01");
  penalty->mitigation = g_strdup ("补充协议");
  g_assert_true (signet_store_add_risk (f.store, penalty, &error));
  g_assert_no_error (error);
  g_assert_cmpint (penalty->id, >, 0);
  g_assert_cmpint (penalty->version, ==, 1);
  g_assert_nonnull (penalty->uuid);

  late = make_risk (contract_id, "Late delivery", 2, 3, SIGNET_RISK_STATUS_OPEN);
  late->category = SIGNET_RISK_CATEGORY_PERFORMANCE;
  g_assert_true (signet_store_add_risk (f.store, late, &error));

  list = signet_store_list_risks (f.store, contract_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 2);
  read = signet_risk_copy (list->pdata[0]);
  g_assert_cmpstr (read->description, ==, "违约金比例未写明");
  g_assert_cmpint (read->category, ==, SIGNET_RISK_CATEGORY_LEGAL);
  g_assert_cmpstr (read->owner_name, ==, "李娜");
  g_assert_cmpstr (read->next_review, ==, "2026-03-01");
  g_assert_cmpstr (read->mitigation, ==, "补充协议");
  g_assert_true (signet_store_get_suggested_risk_level (f.store, contract_id, &has_suggestion, &level, &error));
  g_assert_true (has_suggestion);
  g_assert_cmpint (level, ==, SIGNET_RISK_LEVEL_HIGH);

  /* Mitigated: it goes after the open one, and the suggestion drops. */
  stale = signet_risk_copy (read);
  read->status = SIGNET_RISK_STATUS_MITIGATED;
  g_assert_true (signet_store_update_risk (f.store, read, &error));
  g_assert_no_error (error);
  g_assert_cmpint (read->version, ==, 2);
  g_clear_pointer (&list, g_ptr_array_unref);
  list = signet_store_list_risks (f.store, contract_id, &error);
  g_assert_cmpstr (((SignetRisk *) list->pdata[0])->description, ==, "Late delivery");
  g_assert_cmpint (((SignetRisk *) list->pdata[1])->status, ==, SIGNET_RISK_STATUS_MITIGATED);
  g_assert_true (signet_store_get_suggested_risk_level (f.store, contract_id, &has_suggestion, &level, &error));
  g_assert_cmpint (level, ==, SIGNET_RISK_LEVEL_LOW);

  /* The copy read before that update is a version behind. */
  stale->impact = 5;
  g_assert_false (signet_store_update_risk (f.store, stale, &error));
  g_assert_error (error, SIGNET_STORE_ERROR, SIGNET_STORE_ERROR_CONFLICT);
  g_clear_error (&error);

  tombstone = signet_store_delete (f.store, SIGNET_TOMBSTONE_RISK, read->id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (signet_tombstone_get_label (tombstone), ==, "违约金比例未写明");
  g_clear_pointer (&list, g_ptr_array_unref);
  list = signet_store_list_risks (f.store, contract_id, &error);
  g_assert_cmpuint (list->len, ==, 1);

  g_assert_true (signet_store_restore (f.store, tombstone, &error));
  g_assert_no_error (error);
  g_clear_pointer (&list, g_ptr_array_unref);
  list = signet_store_list_risks (f.store, contract_id, &error);
  g_assert_cmpuint (list->len, ==, 2);
  g_assert_cmpint (((SignetRisk *) list->pdata[1])->id, ==, read->id);
  g_assert_cmpstr (((SignetRisk *) list->pdata[1])->uuid, ==, penalty->uuid);
  g_assert_cmpint (((SignetRisk *) list->pdata[1])->version, ==, 2);

  audit = signet_store_list_audit (f.store, SIGNET_RECORD_CONTRACT, contract_id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (((SignetAuditEntry *) audit->pdata[0])->action, ==, SIGNET_AUDIT_ACTION_RESTORE_RISK);
  g_assert_cmpint (((SignetAuditEntry *) audit->pdata[1])->action, ==, SIGNET_AUDIT_ACTION_DELETE_RISK);
  g_assert_cmpint (((SignetAuditEntry *) audit->pdata[2])->action, ==, SIGNET_AUDIT_ACTION_UPDATE_RISK);
  g_assert_cmpint (((SignetAuditEntry *) audit->pdata[3])->action, ==, SIGNET_AUDIT_ACTION_ADD_RISK);
  g_assert_cmpint (((SignetAuditEntry *) audit->pdata[4])->action, ==, SIGNET_AUDIT_ACTION_ADD_RISK);
  /* Two added, one updated, deleted and restored; the refused update
   * told nobody. */
  g_assert_cmpuint (n_changed, ==, 5);

  store_fixture_close (&f);
}

/* Bad input is refused naming the field, and nothing is written. */
static void
test_store_refuses (void)
{
  StoreFixture f;
  g_autoptr(SignetContract) contract = NULL;
  g_autoptr(SignetRisk) risk = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  gint64 contract_id;

  store_fixture_open (&f, "2026-02-01");
  contract = unit_add_contract (f.store, f.client, "HT-2026-0001", "Lease");
  contract_id = signet_contract_get_id (contract);

  risk = make_risk (contract_id, "Penalty", 0, 3, SIGNET_RISK_STATUS_OPEN);
  g_assert_false (signet_store_add_risk (f.store, risk, &error));
  g_assert_error (error, SIGNET_FIELD_ERROR, SIGNET_FIELD_RISK_LIKELIHOOD);
  g_assert_cmpstr (error->message, ==, "Choose a rating from 1 to 5.");
  g_clear_error (&error);

  risk->likelihood = 3;
  risk->impact = 6;
  g_assert_false (signet_store_add_risk (f.store, risk, &error));
  g_assert_error (error, SIGNET_FIELD_ERROR, SIGNET_FIELD_RISK_IMPACT);
  g_clear_error (&error);

  risk->impact = 3;
  g_free (risk->description);
  risk->description = g_strdup ("  ");
  g_assert_false (signet_store_add_risk (f.store, risk, &error));
  g_assert_error (error, SIGNET_FIELD_ERROR, SIGNET_FIELD_RISK_DESCRIPTION);
  g_assert_cmpstr (error->message, ==, "Describe the risk.");
  g_clear_error (&error);

  g_free (risk->description);
  risk->description = g_strdup ("Penalty");
  risk->next_review = g_strdup ("2026-02-30");
  g_assert_false (signet_store_add_risk (f.store, risk, &error));
  g_assert_error (error, SIGNET_FIELD_ERROR, SIGNET_FIELD_RISK_NEXT_REVIEW);
  g_clear_error (&error);

  g_clear_pointer (&risk->next_review, g_free);
  risk->owner_id = 4711;
  g_assert_false (signet_store_add_risk (f.store, risk, &error));
  g_assert_error (error, SIGNET_FIELD_ERROR, SIGNET_FIELD_RISK_OWNER);
  g_clear_error (&error);

  risk->owner_id = 0;
  risk->annotation_id = 4711;
  g_assert_false (signet_store_add_risk (f.store, risk, &error));
  g_assert_error (error, SIGNET_FIELD_ERROR, SIGNET_FIELD_RISK_CLAUSE);
  g_clear_error (&error);

  risk->annotation_id = 0;
  risk->contract_id = 4711;
  g_assert_false (signet_store_add_risk (f.store, risk, &error));
  g_assert_error (error, SIGNET_STORE_ERROR, SIGNET_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  list = signet_store_list_risks (f.store, contract_id, &error);
  g_assert_cmpuint (list->len, ==, 0);
  g_assert_cmpint (unit_query_raw_int (f.path, "SELECT count(*) FROM risks"), ==, 0);

  store_fixture_close (&f);
}

/* Keeping a signed contract's low level against a high suggestion:
 * refused without a reason or when there is nothing to keep; kept, the
 * choice holds the level, the suggestion and the reason, with its History
 * entry; when a risk moves the suggestion to medium, it no longer holds.
 * Using the suggested level is an ordinary save of the contract, which
 * signing does not lock. */
static void
test_keep_level (void)
{
  StoreFixture f;
  g_autoptr(SignetContract) contract = NULL;
  g_autoptr(SignetContract) edited = NULL;
  g_autoptr(SignetRisk) risk = NULL;
  g_autoptr(SignetRiskLevelChoice) choice = NULL;
  g_autoptr(GPtrArray) audit = NULL;
  g_autoptr(GError) error = NULL;
  SignetAuditEntry *entry;
  gint64 contract_id;
  gboolean has_suggestion;
  SignetRiskLevel level;

  store_fixture_open (&f, "2026-02-01");
  contract = unit_add_contract (f.store, f.client, "HT-2026-0001", "Lease");
  contract_id = signet_contract_get_id (contract);
  g_assert_cmpint (signet_contract_get_risk_level (contract), ==, SIGNET_RISK_LEVEL_LOW);
  /* Signed: its terms are locked, its risk level is not. */
  signet_contract_set_signing_date (contract, "2026-01-20");
  signet_contract_set_start_date (contract, "2026-02-01");
  signet_contract_set_end_date (contract, "2027-01-31");
  signet_contract_set_status (contract, SIGNET_CONTRACT_STATUS_SIGNED);
  g_assert_true (signet_store_update_contract (f.store, contract, &error));
  g_assert_no_error (error);
  g_assert_false (signet_contract_field_is_locked_when_signed (SIGNET_FIELD_CONTRACT_RISK_LEVEL));

  /* No risk: no suggestion, nothing to keep. */
  g_assert_false (signet_store_keep_risk_level (f.store, contract_id, "Known client", &error));
  g_assert_error (error, SIGNET_STORE_ERROR, SIGNET_STORE_ERROR_FAILED);
  g_assert_cmpstr (error->message, ==, "The contract has no open risks any more, so no risk level is suggested.");
  g_clear_error (&error);

  risk = make_risk (contract_id, "Penalty", 4, 4, SIGNET_RISK_STATUS_OPEN);
  g_assert_true (signet_store_add_risk (f.store, risk, &error));

  g_assert_false (signet_store_keep_risk_level (f.store, contract_id, " ", &error));
  g_assert_error (error, SIGNET_FIELD_ERROR, SIGNET_FIELD_RISK_LEVEL_REASON);
  g_clear_error (&error);
  choice = signet_store_get_risk_level_choice (f.store, contract_id, &error);
  g_assert_no_error (error);
  g_assert_null (choice);

  g_assert_true (signet_store_keep_risk_level (f.store, contract_id, "A client of twenty years", &error));
  g_assert_no_error (error);
  choice = signet_store_get_risk_level_choice (f.store, contract_id, &error);
  g_assert_nonnull (choice);
  g_assert_cmpint (choice->level, ==, SIGNET_RISK_LEVEL_LOW);
  g_assert_cmpint (choice->suggested, ==, SIGNET_RISK_LEVEL_HIGH);
  g_assert_cmpstr (choice->reason, ==, "A client of twenty years");
  g_assert_nonnull (choice->chosen_at);
  g_assert_nonnull (choice->chosen_by);
  g_assert_true (signet_store_get_suggested_risk_level (f.store, contract_id, &has_suggestion, &level, &error));
  g_assert_false (signet_risk_level_needs_notice (SIGNET_RISK_LEVEL_LOW, has_suggestion, level, choice));

  audit = signet_store_list_audit (f.store, SIGNET_RECORD_CONTRACT, contract_id, &error);
  entry = audit->pdata[0];
  g_assert_cmpint (entry->action, ==, SIGNET_AUDIT_ACTION_KEEP_RISK_LEVEL);

  /* The risk lowered to 3 × 3: medium now, and the choice no longer holds. */
  risk->likelihood = 3;
  risk->impact = 3;
  g_assert_true (signet_store_update_risk (f.store, risk, &error));
  g_assert_true (signet_store_get_suggested_risk_level (f.store, contract_id, &has_suggestion, &level, &error));
  g_assert_cmpint (level, ==, SIGNET_RISK_LEVEL_MEDIUM);
  g_assert_true (signet_risk_level_needs_notice (SIGNET_RISK_LEVEL_LOW, has_suggestion, level, choice));

  /* Use Suggested Level: the contract's own save, audited as a change of
   * its risk level. */
  edited = signet_contract_copy (contract);
  signet_contract_set_risk_level (edited, level);
  g_assert_true (signet_store_save_contract (f.store, contract, edited, &error));
  g_assert_no_error (error);
  g_clear_object (&contract);
  contract = signet_store_get_contract (f.store, contract_id, &error);
  g_assert_cmpint (signet_contract_get_risk_level (contract), ==, SIGNET_RISK_LEVEL_MEDIUM);
  g_assert_false (signet_risk_level_needs_notice (signet_contract_get_risk_level (contract),
                                                  has_suggestion, level, choice));
  g_assert_false (signet_store_keep_risk_level (f.store, contract_id, "Again", &error));
  g_assert_error (error, SIGNET_STORE_ERROR, SIGNET_STORE_ERROR_FAILED);
  g_assert_cmpstr (error->message, ==, "The contract’s risk level is no longer different from the suggested one.");

  store_fixture_close (&f);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/risks/scores", test_scores);
  g_test_add_func ("/risks/suggestion", test_suggestion);
  g_test_add_func ("/risks/notice", test_notice);
  g_test_add_func ("/risks/store", test_store);
  g_test_add_func ("/risks/store-refuses", test_store_refuses);
  g_test_add_func ("/risks/keep-level", test_keep_level);

  return g_test_run ();
}
