/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "signet-amendment.h"
#include "signet-contract-process.h"
#include "store-fixture.h"
#include "unit-test-utils.h"

/* Amendments: the terms of a day, numbers, and the signed contract's
 * locked fields, which the store refuses to save. */

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

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/amendments/terms-as-of", test_terms_as_of);
  g_test_add_func ("/amendments/terms-same-day", test_terms_same_day);
  g_test_add_func ("/amendments/number-pattern", test_number_pattern);
  g_test_add_func ("/amendments/locked-fields", test_locked_fields);
  g_test_add_func ("/amendments/locked-save", test_locked_save);

  return g_test_run ();
}
