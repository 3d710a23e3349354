/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "signet-contract-type.h"

/* A contract type's defaults as they fill a new contract: the fields
 * still empty take the type's, what the user set stays, and the end date
 * follows the start by the type's term. */

/* 采购合同: CNY, high risk, 30 days' notice, auto-renew, a year, 采购部,
 * first payment 15 days and acceptance 60 days after the start, and two
 * clauses to confirm at review. */
static SignetContractType *
purchase_type (void)
{
  SignetContractType *type = signet_contract_type_new ("采购合同");
  const char * const clauses[] = { "付款条件已核对", "", "  验收标准已确认  ", NULL };
  g_autoptr(SignetKeyDateOffset) payment = signet_key_date_offset_new (SIGNET_KEY_DATE_PAYMENT, "首期付款", 15);
  g_autoptr(SignetKeyDateOffset) milestone = signet_key_date_offset_new (SIGNET_KEY_DATE_MILESTONE, "验收", 60);

  signet_contract_type_set_currency (type, "CNY");
  signet_contract_type_set_risk_level (type, SIGNET_RISK_LEVEL_HIGH);
  signet_contract_type_set_notice_days (type, 30);
  signet_contract_type_set_auto_renew (type, SIGNET_AUTO_RENEW_YES);
  signet_contract_type_set_term_months (type, 12);
  signet_contract_type_set_department (type, "采购部");
  signet_contract_type_set_review_months (type, 6);
  signet_contract_type_add_key_date_offset (type, payment);
  signet_contract_type_add_key_date_offset (type, milestone);
  signet_contract_type_set_checklist (type, clauses);

  return type;
}

static void
test_apply_defaults (void)
{
  g_autoptr(SignetContractType) type = purchase_type ();
  g_autoptr(SignetContract) blank = signet_contract_new ();
  g_autoptr(SignetContract) typed = signet_contract_new ();
  const char * const *checklist = signet_contract_type_get_checklist (type);

  /* Blank lines are no clauses; spaces around one are dropped. */
  g_assert_cmpuint (g_strv_length ((char **) checklist), ==, 2);
  g_assert_cmpstr (checklist[1], ==, "验收标准已确认");

  signet_contract_set_start_date (blank, "2026-03-01");
  signet_contract_type_apply (type, blank);
  g_assert_cmpstr (signet_contract_get_contract_type (blank), ==, "采购合同");
  g_assert_cmpstr (signet_contract_get_currency (blank), ==, "CNY");
  g_assert_cmpstr (signet_contract_get_department (blank), ==, "采购部");
  g_assert_cmpint (signet_contract_get_risk_level (blank), ==, SIGNET_RISK_LEVEL_HIGH);
  g_assert_cmpuint (signet_contract_get_notice_days (blank), ==, 30);
  g_assert_true (signet_contract_get_auto_renew (blank));
  /* A year from 1 March ends on the last day of February. */
  g_assert_cmpstr (signet_contract_get_end_date (blank), ==, "2027-02-28");

  /* What the user typed stays. */
  signet_contract_set_currency (typed, "EUR");
  signet_contract_set_department (typed, "法务部");
  signet_contract_set_notice_days (typed, 90);
  signet_contract_set_start_date (typed, "2026-01-31");
  signet_contract_set_end_date (typed, "2026-06-30");
  signet_contract_type_apply (type, typed);
  g_assert_cmpstr (signet_contract_get_currency (typed), ==, "EUR");
  g_assert_cmpstr (signet_contract_get_department (typed), ==, "法务部");
  g_assert_cmpuint (signet_contract_get_notice_days (typed), ==, 90);
  g_assert_cmpstr (signet_contract_get_end_date (typed), ==, "2026-06-30");
}

static void
test_end_date (void)
{
  g_autoptr(SignetContractType) type = signet_contract_type_new ("租赁合同");
  g_autoptr(SignetContract) contract = signet_contract_new ();
  g_autofree char *end = NULL;
  g_autofree char *leap = NULL;
  g_autofree char *late = NULL;

  /* No term: no end date. */
  g_assert_null (signet_contract_type_compute_end_date (type, "2026-01-01"));
  signet_contract_type_apply (type, contract);
  g_assert_null (signet_contract_get_end_date (contract));

  signet_contract_type_set_term_months (type, 36);
  end = signet_contract_type_compute_end_date (type, "2026-01-01");
  g_assert_cmpstr (end, ==, "2028-12-31");
  signet_contract_type_set_term_months (type, 1);
  leap = signet_contract_type_compute_end_date (type, "2028-01-31");
  g_assert_cmpstr (leap, ==, "2028-02-28");
  /* No start, or an end past the range: nothing. */
  g_assert_null (signet_contract_type_compute_end_date (type, NULL));
  signet_contract_type_set_term_months (type, 1200);
  late = signet_contract_type_compute_end_date (type, "2150-01-01");
  g_assert_null (late);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/type-defaults/apply", test_apply_defaults);
  g_test_add_func ("/type-defaults/end-date", test_end_date);

  return g_test_run ();
}
