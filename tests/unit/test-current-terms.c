/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "signet-amendment.h"
#include "signet-contract-list.h"
#include "signet-contract-process.h"
#include "signet-store-amendments.h"
#include "signet-store-current-terms.h"
#include "signet-store-events.h"
#include "signet-tombstone.h"
#include "store-fixture.h"
#include "unit-test-utils.h"

/* The contract list shows, sorts and finds a signed contract by the terms
 * in force on the store's day: its amendments' value, end date and title
 * from their effective dates, and the status those make it. */

/* A signed contract of the fixture's client from 2026-01-01 to @end. */
static SignetContract *
add_signed (StoreFixture *f,
            const char   *number,
            const char   *title,
            gint64        value,
            const char   *end,
            gboolean      auto_renew)
{
  g_autoptr(SignetContract) contract = unit_add_contract (f->store, f->client, number, title);
  g_autoptr(GError) error = NULL;

  signet_contract_set_value (contract, value);
  signet_contract_set_signing_date (contract, "2025-12-20");
  signet_contract_set_start_date (contract, "2026-01-01");
  signet_contract_set_end_date (contract, end);
  signet_contract_set_auto_renew (contract, auto_renew);
  signet_contract_set_status (contract, SIGNET_CONTRACT_STATUS_SIGNED);
  g_assert_true (signet_store_update_contract (f->store, contract, &error));
  g_assert_no_error (error);

  return g_steal_pointer (&contract);
}

/* Adds an amendment of @contract effective on @effective_date changing
 * the value (@value > 0), the end date and the title (when given). */
static gint64
amend (StoreFixture   *f,
       SignetContract *contract,
       const char     *effective_date,
       gint64          value,
       const char     *end,
       const char     *title)
{
  g_autoptr(SignetAmendment) amendment = signet_amendment_new (signet_contract_get_id (contract));
  g_autoptr(GError) error = NULL;

  amendment->number = signet_store_next_amendment_number (f->store, signet_contract_get_id (contract),
                                                          SIGNET_AMENDMENT_NUMBER_PATTERN_DEFAULT, &error);
  g_assert_no_error (error);
  amendment->effective_date = g_strdup (effective_date);
  amendment->signing_date = g_strdup (effective_date);
  amendment->reason = g_strdup ("Scope change");
  if (value > 0)
    {
      amendment->changes |= SIGNET_AMENDED_TERM_FLAG (SIGNET_AMENDED_VALUE);
      amendment->value = value;
      amendment->currency = g_strdup ("CNY");
    }
  if (end != NULL)
    {
      amendment->changes |= SIGNET_AMENDED_TERM_FLAG (SIGNET_AMENDED_END_DATE);
      amendment->end_date = g_strdup (end);
    }
  if (title != NULL)
    {
      amendment->changes |= SIGNET_AMENDED_TERM_FLAG (SIGNET_AMENDED_TITLE);
      amendment->title = g_strdup (title);
    }
  g_assert_true (signet_store_add_amendment (f->store, amendment, &error));
  g_assert_no_error (error);

  return amendment->id;
}

/* The list's numbers, in its order, joined by spaces. */
static char *
listed_numbers (SignetContractList *list)
{
  g_autoptr(GString) numbers = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (list)); i++)
    {
      g_autoptr(SignetContract) contract = g_list_model_get_item (G_LIST_MODEL (list), i);

      if (numbers->len > 0)
        g_string_append_c (numbers, ' ');
      g_string_append (numbers, signet_contract_get_number (contract));
    }

  return g_strdup (numbers->str);
}

static char *
sorted (SignetContractList *list,
        SignetSortKey       key,
        gboolean            descending)
{
  signet_contract_list_set_sort (list, key, descending);

  return listed_numbers (list);
}

static SignetContract *
listed (SignetContractList *list,
        const char         *number)
{
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (list)); i++)
    {
      g_autoptr(SignetContract) contract = g_list_model_get_item (G_LIST_MODEL (list), i);

      if (g_strcmp0 (signet_contract_get_number (contract), number) == 0)
        return g_steal_pointer (&contract);
    }

  g_assert_not_reached ();
}

#define assert_sorted(list, key, descending, expected) \
  G_STMT_START { \
    g_autofree char *numbers_ = sorted ((list), (key), (descending)); \
    g_assert_cmpstr (numbers_, ==, (expected)); \
  } G_STMT_END

static char *
found (SignetContractList *list,
       const char         *search)
{
  g_autofree char *numbers = NULL;

  signet_contract_list_set_search (list, search);
  numbers = listed_numbers (list);
  signet_contract_list_set_search (list, NULL);

  return g_steal_pointer (&numbers);
}

#define assert_found(list, search, expected) \
  G_STMT_START { \
    g_autofree char *numbers_ = found ((list), (search)); \
    g_assert_cmpstr (numbers_, ==, (expected)); \
  } G_STMT_END

/* On 2026-05-01: A (Warehouse Lease, 1,000.00, to 2026-12-31) was amended
 * from 2026-03-01 to Annex Lease, 5,000.00, to 2027-06-30, and will be to
 * 9,000.00 from 2026-08-01; B (Maintenance, 2,000.00, to 2026-12-31) has
 * no amendment; C (Consulting, 3,000.00) ended on 2026-04-30 as signed
 * but an amendment from 2026-04-01 runs it to 2026-10-31. Every sort,
 * every row and the search follow the terms in force; the next day of an
 * amendment, and its deletion, change them. */
static void
test_list (void)
{
  StoreFixture f;
  g_autoptr(SignetContract) a = NULL;
  g_autoptr(SignetContract) b = NULL;
  g_autoptr(SignetContract) c = NULL;
  g_autoptr(SignetContractList) list = NULL;
  g_autoptr(SignetContract) row = NULL;
  g_autoptr(SignetTombstone) tombstone = NULL;
  g_autoptr(GError) error = NULL;
  gint64 later;

  store_fixture_open (&f, "2026-05-01");
  a = add_signed (&f, "HT-A", "Warehouse Lease", 100000, "2026-12-31", TRUE);
  b = add_signed (&f, "HT-B", "Maintenance", 200000, "2026-12-31", TRUE);
  c = add_signed (&f, "HT-C", "Consulting", 300000, "2026-04-30", FALSE);
  list = signet_contract_list_new (f.store);

  /* As signed, before any amendment. */
  assert_sorted (list, SIGNET_SORT_VALUE, FALSE, "HT-A HT-B HT-C");
  assert_sorted (list, SIGNET_SORT_TITLE, FALSE, "HT-C HT-B HT-A");
  assert_sorted (list, SIGNET_SORT_END_DATE, FALSE, "HT-C HT-A HT-B");
  assert_sorted (list, SIGNET_SORT_STATUS, FALSE, "HT-A HT-B HT-C");
  row = listed (list, "HT-C");
  g_assert_cmpint (signet_contract_get_shown_status (row, "2026-05-01"), ==, SIGNET_CONTRACT_STATUS_EXPIRED);
  g_clear_object (&row);

  amend (&f, a, "2026-03-01", 500000, "2027-06-30", "Annex Lease");
  later = amend (&f, a, "2026-08-01", 900000, NULL, NULL);
  amend (&f, c, "2026-04-01", 0, "2026-10-31", NULL);

  /* The rows show the terms in force, the stored contract keeps its own. */
  row = listed (list, "HT-A");
  g_assert_cmpstr (signet_contract_get_title (row), ==, "Annex Lease");
  g_assert_cmpint (signet_contract_get_value (row), ==, 500000);
  g_assert_cmpstr (signet_contract_get_end_date (row), ==, "2027-06-30");
  g_clear_object (&row);
  row = signet_store_get_contract (f.store, signet_contract_get_id (a), &error);
  g_assert_cmpstr (signet_contract_get_title (row), ==, "Warehouse Lease");
  g_assert_cmpint (signet_contract_get_value (row), ==, 100000);
  g_clear_object (&row);
  row = listed (list, "HT-C");
  g_assert_cmpstr (signet_contract_get_end_date (row), ==, "2026-10-31");
  g_assert_cmpint (signet_contract_get_shown_status (row, "2026-05-01"), ==, SIGNET_CONTRACT_STATUS_ACTIVE);
  g_clear_object (&row);
  row = listed (list, "HT-B");
  g_assert_cmpstr (signet_contract_get_title (row), ==, "Maintenance");
  g_assert_cmpint (signet_contract_get_value (row), ==, 200000);
  g_clear_object (&row);

  /* Every sort, both ways. */
  assert_sorted (list, SIGNET_SORT_VALUE, FALSE, "HT-B HT-C HT-A");
  assert_sorted (list, SIGNET_SORT_VALUE, TRUE, "HT-A HT-C HT-B");
  assert_sorted (list, SIGNET_SORT_TITLE, FALSE, "HT-A HT-C HT-B");
  assert_sorted (list, SIGNET_SORT_TITLE, TRUE, "HT-B HT-C HT-A");
  assert_sorted (list, SIGNET_SORT_END_DATE, FALSE, "HT-C HT-B HT-A");
  assert_sorted (list, SIGNET_SORT_END_DATE, TRUE, "HT-A HT-B HT-C");
  /* All three active now: by number. */
  assert_sorted (list, SIGNET_SORT_STATUS, FALSE, "HT-A HT-B HT-C");
  assert_sorted (list, SIGNET_SORT_NUMBER, FALSE, "HT-A HT-B HT-C");

  /* Found by the title in force, no longer by the one signed; the row
   * shows why, so the match needs no words. */
  assert_found (list, "annex", "HT-A");
  assert_found (list, "warehouse", "");
  assert_found (list, "lease", "HT-A");
  assert_found (list, "consulting", "HT-C");
  g_assert_null (signet_store_describe_match (f.store, signet_contract_get_id (a), "annex"));

  /* The day the later amendment takes effect (a list made that day). */
  signet_store_set_today (f.store, "2026-08-01");
  g_clear_object (&list);
  list = signet_contract_list_new (f.store);
  assert_sorted (list, SIGNET_SORT_VALUE, FALSE, "HT-B HT-C HT-A");
  row = listed (list, "HT-A");
  g_assert_cmpint (signet_contract_get_value (row), ==, 900000);
  g_clear_object (&row);

  /* Deleted, the amendment counts no more; Undo brings it back. */
  tombstone = signet_store_delete (f.store, SIGNET_TOMBSTONE_AMENDMENT, later, &error);
  g_assert_no_error (error);
  row = listed (list, "HT-A");
  g_assert_cmpint (signet_contract_get_value (row), ==, 500000);
  g_clear_object (&row);
  g_assert_true (signet_store_restore (f.store, tombstone, &error));
  g_assert_no_error (error);
  row = listed (list, "HT-A");
  g_assert_cmpint (signet_contract_get_value (row), ==, 900000);
  g_clear_object (&row);

  /* Back before every amendment: the terms as signed, C expired again. */
  signet_store_set_today (f.store, "2026-02-01");
  g_clear_object (&list);
  list = signet_contract_list_new (f.store);
  assert_sorted (list, SIGNET_SORT_VALUE, FALSE, "HT-A HT-B HT-C");
  assert_sorted (list, SIGNET_SORT_TITLE, FALSE, "HT-C HT-B HT-A");
  assert_found (list, "warehouse", "HT-A");
  assert_found (list, "annex", "");

  g_clear_object (&list);
  store_fixture_close (&f);
}

/* A new amendment, and a new title, reach a search already loaded at once
 * (the search index follows the announcement of the write). */
static void
test_search_follows (void)
{
  StoreFixture f;
  g_autoptr(SignetContract) a = NULL;
  g_autoptr(SignetContractList) list = NULL;

  store_fixture_open (&f, "2026-05-01");
  a = add_signed (&f, "HT-A", "Warehouse Lease", 100000, "2026-12-31", TRUE);
  list = signet_contract_list_new (f.store);

  assert_found (list, "warehouse", "HT-A");
  amend (&f, a, "2026-04-01", 0, NULL, "仓储租赁合同");
  assert_found (list, "warehouse", "");
  assert_found (list, "仓储", "HT-A");
  assert_found (list, "cczl", "HT-A");
  amend (&f, a, "2026-04-15", 0, NULL, "Storage Lease");
  assert_found (list, "仓储", "");
  assert_found (list, "storage", "HT-A");
  /* One taking effect later changes nothing yet. */
  amend (&f, a, "2026-06-01", 0, NULL, "Depot Lease");
  assert_found (list, "depot", "");
  assert_found (list, "storage", "HT-A");

  g_clear_object (&list);
  store_fixture_close (&f);
}

/* signet_store_apply_current_terms() on a contract read from the store:
 * what the Clients window and the contract page show as current. */
static void
test_apply (void)
{
  StoreFixture f;
  g_autoptr(SignetContract) a = NULL;
  g_autoptr(SignetContract) read = NULL;
  g_autoptr(GError) error = NULL;

  store_fixture_open (&f, "2026-05-01");
  a = add_signed (&f, "HT-A", "Warehouse Lease", 100000, "2026-04-30", FALSE);
  amend (&f, a, "2026-03-01", 150000, "2026-09-30", NULL);

  read = signet_store_get_contract (f.store, signet_contract_get_id (a), &error);
  g_assert_no_error (error);
  g_assert_cmpint (signet_contract_get_shown_status (read, "2026-05-01"), ==, SIGNET_CONTRACT_STATUS_EXPIRED);
  signet_store_apply_current_terms (f.store, read);
  g_assert_cmpint (signet_contract_get_value (read), ==, 150000);
  g_assert_cmpstr (signet_contract_get_currency (read), ==, "CNY");
  g_assert_cmpstr (signet_contract_get_end_date (read), ==, "2026-09-30");
  g_assert_cmpstr (signet_contract_get_title (read), ==, "Warehouse Lease");
  g_assert_cmpint (signet_contract_get_shown_status (read, "2026-05-01"), ==, SIGNET_CONTRACT_STATUS_ACTIVE);

  store_fixture_close (&f);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/current-terms/list", test_list);
  g_test_add_func ("/current-terms/search-follows", test_search_follows);
  g_test_add_func ("/current-terms/apply", test_apply);

  return g_test_run ();
}
