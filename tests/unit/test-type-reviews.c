/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "signet-contract-type.h"
#include "signet-event.h"
#include "signet-key-dates.h"
#include "signet-store-events.h"
#include "signet-store-types.h"
#include "store-fixture.h"
#include "unit-test-utils.h"

/* A contract type's review interval is its contracts' (0: by risk
 * level): in the calendar's events, with the words that explain them, in
 * what the contract page derives, and again when the type's interval
 * changes. */

static SignetContract *
add_signed (StoreFixture *f,
            const char   *number,
            const char   *type)
{
  g_autoptr(SignetContract) contract = unit_add_contract (f->store, f->client, number, "Steel supply");
  g_autoptr(GError) error = NULL;

  signet_contract_set_contract_type (contract, type);
  signet_contract_set_risk_level (contract, SIGNET_RISK_LEVEL_LOW);
  signet_contract_set_signing_date (contract, "2025-12-20");
  signet_contract_set_start_date (contract, "2026-01-01");
  signet_contract_set_end_date (contract, "2027-12-31");
  signet_contract_set_status (contract, SIGNET_CONTRACT_STATUS_SIGNED);
  g_assert_true (signet_store_update_contract (f->store, contract, &error));
  g_assert_no_error (error);

  return g_steal_pointer (&contract);
}

/* The first review event of @contract, or NULL; its explanation in
 * @explanation. */
static char *
first_review (StoreFixture    *f,
              SignetContract  *contract,
              char           **explanation)
{
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GError) error = NULL;

  events = signet_store_list_events (f->store, "2026-01-01", "2027-12-31", &error);
  g_assert_no_error (error);
  for (guint i = 0; i < events->len; i++)
    {
      SignetEvent *event = g_ptr_array_index (events, i);

      if (signet_event_get_contract_id (event) == signet_contract_get_id (contract) &&
          signet_event_get_kind (event) == SIGNET_KEY_DATE_REVIEW)
        {
          if (explanation != NULL)
            *explanation = g_strdup (signet_event_get_explanation (event));
          return g_strdup (signet_event_get_date (event));
        }
    }

  return NULL;
}

static void
test_type_interval (void)
{
  StoreFixture f;
  g_autoptr(SignetContractType) type = signet_contract_type_new ("采购");
  g_autoptr(SignetContract) typed = NULL;
  g_autoptr(SignetContract) other = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *date = NULL;
  g_autofree char *explanation = NULL;
  SignetReviewIntervals intervals;

  store_fixture_open (&f, "2026-02-01");
  signet_contract_type_set_review_months (type, 2);
  g_assert_true (signet_store_add_contract_type (f.store, type, &error));
  g_assert_no_error (error);
  typed = add_signed (&f, "HT-2026-0001", "采购");
  other = add_signed (&f, "HT-2026-0002", "租赁");

  /* Low risk reviews yearly; the type says every two months. */
  date = first_review (&f, typed, &explanation);
  g_assert_cmpstr (date, ==, "2026-03-01");
  g_assert_nonnull (explanation);
  g_clear_pointer (&date, g_free);
  date = first_review (&f, other, NULL);
  g_assert_cmpstr (date, ==, "2027-01-01");
  g_clear_pointer (&date, g_free);

  signet_store_get_contract_review_intervals (f.store, typed, &intervals);
  g_assert_cmpuint (intervals.low_months, ==, 2);
  g_assert_cmpuint (intervals.high_months, ==, 2);
  signet_store_get_contract_review_intervals (f.store, other, &intervals);
  g_assert_cmpuint (intervals.low_months, ==, SIGNET_REVIEW_INTERVALS_DEFAULT.low_months);

  /* The type's interval changed: its contracts' reviews move with it. */
  signet_contract_type_set_review_months (type, 4);
  g_assert_true (signet_store_update_contract_type (f.store, type, &error));
  g_assert_no_error (error);
  date = first_review (&f, typed, NULL);
  g_assert_cmpstr (date, ==, "2026-05-01");
  g_clear_pointer (&date, g_free);

  /* Back to the risk level's. */
  signet_contract_type_set_review_months (type, 0);
  g_assert_true (signet_store_update_contract_type (f.store, type, &error));
  g_assert_no_error (error);
  date = first_review (&f, typed, NULL);
  g_assert_cmpstr (date, ==, "2027-01-01");

  /* The whole index made again gives the same. */
  g_clear_pointer (&date, g_free);
  signet_contract_type_set_review_months (type, 3);
  g_assert_true (signet_store_update_contract_type (f.store, type, &error));
  g_assert_true (signet_store_rebuild_events (f.store, &error));
  g_assert_no_error (error);
  date = first_review (&f, typed, NULL);
  g_assert_cmpstr (date, ==, "2026-04-01");

  store_fixture_close (&f);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/type-reviews/interval", test_type_interval);

  return g_test_run ();
}
