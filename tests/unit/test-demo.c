/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <locale.h>
#include <string.h>

#include <glib/gstdio.h>

#include "signet-contract-process.h"
#include "signet-date.h"
#include "signet-demo.h"
#include "signet-key-dates.h"
#include "signet-store-amendments.h"
#include "signet-store-approvals.h"
#include "signet-store-current-terms.h"
#include "signet-store-events.h"
#include "signet-store-obligations.h"
#include "signet-store-originals.h"
#include "signet-store-payments.h"
#include "signet-store-people.h"
#include "signet-store-process.h"
#include "signet-store-query.h"
#include "signet-store-renewals.h"
#include "signet-store-review-findings.h"
#include "signet-store-risks.h"
#include "signet-store-types.h"

typedef struct
{
  char        *dir;
  SignetStore *store;
} Fixture;

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

static SignetStore *
open_store (Fixture    *f,
            const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (f->dir, name, NULL);
  SignetStore *store = signet_store_new (path, &error);

  g_assert_no_error (error);

  return store;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("signet-demo-XXXXXX", &error);
  g_assert_no_error (error);
  f->store = open_store (f, "a.db");
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GDir) dir = g_dir_open (f->dir, 0, NULL);
  const char *name;

  g_clear_object (&f->store);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (f->dir, name, NULL);

      g_remove (path);
    }
  g_rmdir (f->dir);
  g_free (f->dir);
}

/* Every contract of @store, in number order. */
static GPtrArray *
list_contracts (SignetStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = signet_store_query_contract_ids (store, NULL, SIGNET_SORT_NUMBER, FALSE, &error);
  GPtrArray *contracts = g_ptr_array_new_with_free_func (g_object_unref);

  g_assert_no_error (error);
  for (guint i = 0; i < ids->len; i++)
    {
      SignetContract *contract = signet_store_get_contract (store, g_array_index (ids, gint64, i), &error);

      g_assert_no_error (error);
      g_ptr_array_add (contracts, contract);
    }

  return contracts;
}

static int
days_from_today (const char *iso)
{
  g_autofree char *today_iso = signet_date_today_iso ();
  GDate today, date;

  g_assert_true (signet_date_parse (today_iso, &today));
  g_assert_true (signet_date_parse (iso, &date));

  return g_date_days_between (&today, &date);
}

static gboolean
has_chinese (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (g_unichar_get_script (g_utf8_get_char (p)) == G_UNICODE_SCRIPT_HAN)
      return TRUE;

  return FALSE;
}

static void
test_fill_register (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) clients = NULL;
  g_autoptr(GPtrArray) contracts = NULL;
  g_autoptr(GRegex) number_regex = g_regex_new ("^HT-[0-9]{4}-[0-9]{4}$", 0, 0, NULL);
  g_autoptr(GHashTable) currencies = g_hash_table_new (g_str_hash, g_str_equal);
  gboolean statuses[SIGNET_N_CONTRACT_STATUSES] = { FALSE };
  gboolean risks[SIGNET_N_RISK_LEVELS] = { FALSE };
  guint n_chinese_titles = 0, n_english_titles = 0;
  guint n_ending_soon = 0, n_ended = 0, n_auto_renew = 0;

  g_assert_true (signet_demo_fill (f->store, &error));
  g_assert_no_error (error);

  clients = signet_store_list_clients (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (clients), >=, 15);
  for (guint i = 0; i < g_list_model_get_n_items (clients); i++)
    {
      g_autoptr(SignetClient) client = g_list_model_get_item (clients, i);

      g_assert_nonnull (signet_client_get_contact (client));
      g_assert_nonnull (strchr (signet_client_get_email (client), '@'));
      g_assert_cmpuint (signet_store_count_client_contracts (f->store, signet_client_get_id (client)), >, 0);
    }

  contracts = list_contracts (f->store);
  g_assert_cmpuint (contracts->len, >=, 80);
  g_assert_cmpuint (signet_store_count_contracts (f->store), ==, contracts->len);

  for (guint i = 0; i < contracts->len; i++)
    {
      SignetContract *contract = g_ptr_array_index (contracts, i);
      /* Active and expired as a user sees them: stored as signed. */
      g_autofree char *today = signet_date_today_iso ();
      SignetContractStatus status = signet_contract_get_shown_status (contract, today);
      const char *start = signet_contract_get_start_date (contract);
      const char *end = signet_contract_get_end_date (contract);
      const char *signing = signet_contract_get_signing_date (contract);

      g_assert_true (g_regex_match (number_regex, signet_contract_get_number (contract), 0, NULL));
      statuses[status] = TRUE;
      risks[signet_contract_get_risk_level (contract)] = TRUE;
      g_hash_table_add (currencies, (gpointer) signet_contract_get_currency (contract));

      if (has_chinese (signet_contract_get_title (contract)))
        n_chinese_titles++;
      else
        n_english_titles++;

      /* The dates a user would find odd for the status. */
      g_assert_nonnull (start);
      g_assert_nonnull (end);
      g_assert_cmpstr (start, <=, end);
      if (signing != NULL)
        g_assert_cmpstr (signing, <=, start);
      if (status <= SIGNET_CONTRACT_STATUS_APPROVED)
        g_assert_null (signing);
      /* A renewed contract still running is one renewed in place; one
       * with a successor (the renewal chain) ended where that began. */
      if (status == SIGNET_CONTRACT_STATUS_ACTIVE ||
          (status == SIGNET_CONTRACT_STATUS_RENEWED &&
           signet_store_get_renewal_successor (f->store, signet_contract_get_id (contract), NULL) == 0))
        {
          g_assert_cmpint (days_from_today (start), <=, 0);
          g_assert_cmpint (days_from_today (end), >=, 0);
        }
      if (status == SIGNET_CONTRACT_STATUS_EXPIRED)
        g_assert_cmpint (days_from_today (end), <, 0);

      if (days_from_today (end) >= 0 && days_from_today (end) <= 90)
        n_ending_soon++;
      if (days_from_today (end) < 0)
        n_ended++;
      if (signet_contract_get_auto_renew (contract))
        {
          n_auto_renew++;
          g_assert_cmpuint (signet_contract_get_notice_days (contract), >, 0);
        }
    }

  for (guint s = 0; s < SIGNET_N_CONTRACT_STATUSES; s++)
    g_assert_true (statuses[s]);
  for (guint r = 0; r < SIGNET_N_RISK_LEVELS; r++)
    g_assert_true (risks[r]);
  g_assert_true (g_hash_table_contains (currencies, "CNY"));
  g_assert_true (g_hash_table_contains (currencies, "USD"));
  g_assert_true (g_hash_table_contains (currencies, "EUR"));
  g_assert_cmpuint (n_chinese_titles, >=, 20);
  g_assert_cmpuint (n_english_titles, >=, 20);
  g_assert_cmpuint (n_ending_soon, >=, 5);
  g_assert_cmpuint (n_ended, >=, 5);
  g_assert_cmpuint (n_auto_renew, >=, 5);
}

/* What the demo shows of the contract's life: the owners with their
 * departments, roles and emails; three types with defaults, key dates
 * after the start and a checklist, of which the demo's contracts are; a
 * contract in review after a return, with its steps; approved and signed
 * ones with theirs; one terminated with its reason and date; two whose
 * amendments are in force, listed with the amended terms; a renewal
 * chain of three; and two approval routes with their rules, by which a
 * contract waits for 法务 at the second step of its route, the first
 * approved on someone's behalf with an opinion, one was returned at
 * 法务 and approved at every step of its second round, and an amendment
 * waits for approval, its terms not yet in force. */
static void
test_fill_life (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) contracts = NULL;
  g_autoptr(GPtrArray) types = NULL;
  g_autoptr(SignetPerson) zhang = NULL;
  g_autofree char *today = signet_date_today_iso ();
  guint n_walked[SIGNET_N_CONTRACT_STATUSES] = { 0 };
  guint n_amended = 0;
  guint n_terminated_with_reason = 0;
  guint longest_chain = 0;
  guint n_of_a_type = 0;
  guint n_at_step_two = 0;
  guint n_approved_after_return = 0;
  guint n_amendments_in_review = 0;
  guint n_in_force;
  g_autoptr(GPtrArray) routes = NULL;
  g_autoptr(GPtrArray) rules = NULL;

  g_assert_true (signet_demo_fill (f->store, &error));
  g_assert_no_error (error);

  zhang = signet_store_find_person (f->store, "张伟", &error);
  g_assert_no_error (error);
  g_assert_nonnull (zhang);
  g_assert_cmpstr (signet_person_get_role (zhang), ==, "法务");
  g_assert_cmpstr (signet_person_get_department (zhang), ==, "法务部");
  g_assert_nonnull (strchr (signet_person_get_email (zhang), '@'));

  types = signet_store_list_contract_types (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (types->len, ==, 3);
  for (guint i = 0; i < types->len; i++)
    {
      SignetContractType *type = g_ptr_array_index (types, i);

      g_assert_cmpuint (signet_contract_type_get_term_months (type), >, 0);
      g_assert_cmpuint (signet_contract_type_get_key_date_offsets (type)->len, >=, 1);
      g_assert_nonnull (signet_contract_type_get_checklist (type)[0]);
    }

  contracts = list_contracts (f->store);
  for (guint i = 0; i < contracts->len; i++)
    {
      SignetContract *contract = g_ptr_array_index (contracts, i);
      gint64 id = signet_contract_get_id (contract);
      SignetContractStatus status = signet_contract_get_shown_status (contract, today);
      g_autoptr(GPtrArray) events = signet_store_list_process_events (f->store, id, &error);
      g_autoptr(GPtrArray) amendments = signet_store_list_amendments (f->store, id, &error);
      g_autoptr(GPtrArray) chain = signet_store_get_renewal_chain (f->store, id, &error);
      g_autoptr(SignetContract) listed = signet_contract_copy (contract);
      g_autoptr(GPtrArray) steps = NULL;
      g_autoptr(GPtrArray) all_steps = NULL;
      g_autoptr(SignetPerson) head = NULL;

      g_assert_no_error (error);
      g_autoptr(SignetContractType) type = NULL;

      for (guint e = 0; e < events->len; e++)
        if (((SignetProcessEvent *) events->pdata[e])->has_action &&
            ((SignetProcessEvent *) events->pdata[e])->action == SIGNET_PROCESS_ACTION_SUBMIT)
          {
            n_walked[status]++;
            break;
          }
      if (status == SIGNET_CONTRACT_STATUS_IN_REVIEW && events->len == 3)
        {
          SignetProcessEvent *returned = g_ptr_array_index (events, 1);

          g_assert_cmpint (returned->action, ==, SIGNET_PROCESS_ACTION_RETURN);
          g_assert_nonnull (returned->comment);
          g_assert_cmpstr (returned->decided_by, !=, NULL);
        }
      if (status == SIGNET_CONTRACT_STATUS_TERMINATED && signet_contract_get_termination_reason (contract) != NULL)
        {
          g_assert_nonnull (signet_contract_get_termination_date (contract));
          n_terminated_with_reason++;
        }
      steps = signet_store_list_approval_steps (f->store, id, 0, &error);
      all_steps = signet_store_list_all_approval_steps (f->store, id, &error);
      g_assert_no_error (error);
      if (status == SIGNET_CONTRACT_STATUS_IN_REVIEW && steps->len > 0)
        {
          const SignetApprovalStep *first = g_ptr_array_index (steps, 0);
          const SignetApprovalStep *second = g_ptr_array_index (steps, 1);

          g_assert_cmpuint (steps->len, >=, 3);
          g_assert_cmpint (first->state, ==, SIGNET_STEP_APPROVED);
          g_assert_cmpstr (first->name, ==, "部门负责人");
          g_assert_true (signet_approval_step_is_on_behalf (first));
          /* By the head of the contract's department. */
          head = signet_store_find_person (f->store, first->decided_by, &error);
          g_assert_no_error (error);
          g_assert_nonnull (head);
          g_assert_cmpstr (signet_person_get_role (head), ==, "部门负责人");
          g_assert_cmpstr (signet_person_get_department (head), ==, signet_contract_get_department (contract));
          g_assert_nonnull (first->opinion);
          g_assert_cmpint (second->state, ==, SIGNET_STEP_PENDING);
          g_assert_cmpstr (second->name, ==, "法务");
          g_assert_nonnull (second->due_date);
          g_assert_cmpstr (second->due_date, >, today);
          n_at_step_two++;
        }
      if (status == SIGNET_CONTRACT_STATUS_APPROVED && all_steps->len > 0)
        {
          guint n_returned = 0;

          for (guint a = 0; a < all_steps->len; a++)
            if (((SignetApprovalStep *) all_steps->pdata[a])->state == SIGNET_STEP_RETURNED)
              {
                g_assert_cmpuint (((SignetApprovalStep *) all_steps->pdata[a])->round, ==, 1);
                g_assert_nonnull (((SignetApprovalStep *) all_steps->pdata[a])->opinion);
                n_returned++;
              }
          g_assert_cmpuint (n_returned, ==, 1);
          for (guint a = 0; a < steps->len; a++)
            {
              g_assert_cmpuint (((SignetApprovalStep *) steps->pdata[a])->round, ==, 2);
              g_assert_cmpint (((SignetApprovalStep *) steps->pdata[a])->state, ==, SIGNET_STEP_APPROVED);
            }
          n_approved_after_return++;
        }
      n_in_force = 0;
      for (guint a = 0; a < amendments->len; a++)
        {
          SignetAmendment *amendment = g_ptr_array_index (amendments, a);
          g_autoptr(GPtrArray) amendment_steps = NULL;
          g_autoptr(SignetContract) terms = signet_contract_copy (contract);

          if (amendment->state == SIGNET_AMENDMENT_APPROVED)
            {
              n_in_force++;
              continue;
            }
          g_assert_cmpint (amendment->state, ==, SIGNET_AMENDMENT_IN_REVIEW);
          amendment_steps = signet_store_list_approval_steps (f->store, id, amendment->id, &error);
          g_assert_no_error (error);
          g_assert_cmpuint (amendment_steps->len, >=, 3);
          g_assert_cmpstr (((SignetApprovalStep *) amendment_steps->pdata[0])->name, ==, "部门负责人");
          g_assert_cmpint (((SignetApprovalStep *) amendment_steps->pdata[0])->state, ==, SIGNET_STEP_PENDING);
          g_assert_nonnull (((SignetApprovalStep *) amendment_steps->pdata[0])->due_date);
          /* Waiting for approval, it changes no term yet. */
          g_assert_true (signet_amendment_changes (amendment, SIGNET_AMENDED_VALUE));
          g_assert_cmpint (amendment->value, !=, signet_contract_get_value (contract));
          signet_store_apply_current_terms (f->store, terms);
          g_assert_cmpint (signet_contract_get_value (terms), ==, signet_contract_get_value (contract));
          n_amendments_in_review++;
        }
      if (n_in_force > 0)
        {
          signet_store_apply_current_terms (f->store, listed);
          g_assert_false (signet_contract_get_value (listed) == signet_contract_get_value (contract) &&
                          g_strcmp0 (signet_contract_get_end_date (listed), signet_contract_get_end_date (contract)) == 0);
          n_amended++;
        }
      longest_chain = MAX (longest_chain, chain->len);
      type = signet_store_find_contract_type (f->store, signet_contract_get_contract_type (contract), NULL);
      if (type != NULL)
        n_of_a_type++;
    }

  g_assert_cmpuint (n_walked[SIGNET_CONTRACT_STATUS_IN_REVIEW], >=, 1);
  g_assert_cmpuint (n_walked[SIGNET_CONTRACT_STATUS_APPROVED], >=, 1);
  g_assert_cmpuint (n_walked[SIGNET_CONTRACT_STATUS_SIGNED] + n_walked[SIGNET_CONTRACT_STATUS_ACTIVE], >=, 2);
  g_assert_cmpuint (n_terminated_with_reason, >=, 1);
  g_assert_cmpuint (n_amended, ==, 2);
  g_assert_cmpuint (longest_chain, ==, 3);
  g_assert_cmpuint (n_of_a_type, >=, 10);
  g_assert_cmpuint (n_at_step_two, ==, 1);
  g_assert_cmpuint (n_approved_after_return, ==, 1);
  g_assert_cmpuint (n_amendments_in_review, ==, 1);

  routes = signet_store_list_approval_routes (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (routes->len, ==, 2);
  rules = signet_store_list_approval_rules (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rules->len, ==, 4);
}

static void
test_fill_search (Fixture       *f,
                  gconstpointer  data)
{
  static const char * const queries[] = { "租赁", "软件许可协议", "Master Services", "contoso", "上海华东" };
  g_autoptr(GError) error = NULL;

  g_assert_true (signet_demo_fill (f->store, &error));
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    {
      g_autoptr(GArray) ids = signet_store_query_contract_ids (f->store, queries[i], SIGNET_SORT_NUMBER, FALSE, &error);

      g_assert_no_error (error);
      g_test_message ("%s: %u", queries[i], ids->len);
      g_assert_cmpuint (ids->len, >, 0);
    }
}

static void
test_fill_is_repeatable (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SignetStore) other = open_store (f, "b.db");
  g_autoptr(GPtrArray) first = NULL;
  g_autoptr(GPtrArray) second = NULL;

  g_assert_true (signet_demo_fill (f->store, &error));
  g_assert_no_error (error);
  g_assert_true (signet_demo_fill (other, &error));
  g_assert_no_error (error);

  first = list_contracts (f->store);
  second = list_contracts (other);
  g_assert_cmpuint (first->len, ==, second->len);
  for (guint i = 0; i < first->len; i++)
    g_assert_true (signet_contract_equal (g_ptr_array_index (first, i), g_ptr_array_index (second, i)));
}

/* `signet --demo` fills its register again when every contract was
 * deleted: the people, types, approval routes and rules it kept stay as
 * they are, and the contracts go through their process again, by the
 * routes the rules give them; with @data, by routes the user cut down to
 * their first step. */
static void
test_fill_again (Fixture       *f,
                 gconstpointer  data)
{
  gboolean one_step = GPOINTER_TO_INT (data);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) contracts = NULL;
  g_autoptr(GPtrArray) routes = NULL;
  g_autoptr(GPtrArray) rules = NULL;
  g_autoptr(GPtrArray) types = NULL;
  guint n_contracts;
  guint n_in_review_with_steps = 0;

  g_assert_true (signet_demo_fill (f->store, &error));
  g_assert_no_error (error);
  contracts = list_contracts (f->store);
  n_contracts = contracts->len;
  for (guint i = 0; i < contracts->len; i++)
    {
      g_assert_true (signet_store_delete_contract (f->store, signet_contract_get_id (g_ptr_array_index (contracts, i)),
                                                   &error));
      g_assert_no_error (error);
    }
  g_assert_cmpuint (signet_store_count_contracts (f->store), ==, 0);
  g_clear_pointer (&contracts, g_ptr_array_unref);
  if (one_step)
    {
      routes = signet_store_list_approval_routes (f->store, &error);
      g_assert_no_error (error);
      for (guint i = 0; i < routes->len; i++)
        {
          SignetApprovalRoute *route = g_ptr_array_index (routes, i);

          g_ptr_array_set_size (route->steps, 1);
          g_assert_true (signet_store_update_approval_route (f->store, route, &error));
          g_assert_no_error (error);
        }
      g_clear_pointer (&routes, g_ptr_array_unref);
    }

  g_assert_true (signet_demo_fill (f->store, &error));
  g_assert_no_error (error);

  contracts = list_contracts (f->store);
  g_assert_cmpuint (contracts->len, ==, n_contracts);
  routes = signet_store_list_approval_routes (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (routes->len, ==, 2);
  rules = signet_store_list_approval_rules (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rules->len, ==, 4);
  types = signet_store_list_contract_types (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (types->len, ==, 3);
  for (guint i = 0; i < contracts->len; i++)
    {
      SignetContract *contract = g_ptr_array_index (contracts, i);
      g_autoptr(GPtrArray) steps = NULL;

      if (signet_contract_get_status (contract) != SIGNET_CONTRACT_STATUS_IN_REVIEW)
        continue;
      steps = signet_store_list_approval_steps (f->store, signet_contract_get_id (contract), 0, &error);
      g_assert_no_error (error);
      if (steps->len > 0)
        n_in_review_with_steps++;
    }
  /* A route of one step approves at its first. */
  g_assert_cmpuint (n_in_review_with_steps, ==, one_step ? 0 : 1);
}

/* A demo register that cannot be written whole is not written at all. */
static void
test_fill_all_or_nothing (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SignetStore) other = open_store (f, "b.db");
  g_autoptr(GPtrArray) demo = NULL;
  g_autoptr(SignetClient) client = signet_client_new ();
  g_autoptr(SignetContract) contract = signet_contract_new ();
  g_autoptr(GListModel) clients = NULL;

  g_assert_true (signet_demo_fill (f->store, &error));
  g_assert_no_error (error);
  demo = list_contracts (f->store);

  /* The other register already uses a number the demo would write (the
   * first: the last ones, renewals, take the next free number). */
  signet_client_set_name (client, "Existing client");
  signet_client_set_code (client, "X1");
  g_assert_true (signet_store_add_client (other, client, &error));
  g_assert_no_error (error);
  signet_contract_set_number (contract, signet_contract_get_number (g_ptr_array_index (demo, 0)));
  signet_contract_set_title (contract, "Existing contract");
  signet_contract_set_client_id (contract, signet_client_get_id (client));
  g_assert_true (signet_store_add_contract (other, contract, &error));
  g_assert_no_error (error);

  g_assert_false (signet_demo_fill (other, &error));
  g_assert_error (error, SIGNET_FIELD_ERROR, SIGNET_FIELD_CONTRACT_NUMBER);
  g_clear_error (&error);

  clients = signet_store_list_clients (other, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (clients), ==, 1);
  g_assert_cmpuint (signet_store_count_contracts (other), ==, 1);
}

static void
test_generate (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SignetStore) same = open_store (f, "b.db");
  g_autoptr(SignetStore) different = open_store (f, "c.db");
  g_autoptr(GListModel) clients = NULL;
  g_autoptr(GArray) found = NULL;
  g_autoptr(GPtrArray) a = NULL;
  g_autoptr(GPtrArray) b = NULL;
  g_autoptr(GPtrArray) c = NULL;
  gboolean all_equal = TRUE;

  g_assert_true (signet_demo_generate (f->store, 40, 600, 7, &error));
  g_assert_no_error (error);
  g_assert_true (signet_demo_generate (same, 40, 600, 7, &error));
  g_assert_no_error (error);
  g_assert_true (signet_demo_generate (different, 40, 600, 8, &error));
  g_assert_no_error (error);

  clients = signet_store_list_clients (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (clients), ==, 40);
  g_assert_cmpuint (signet_store_count_contracts (f->store), ==, 600);

  /* Both languages give search something to find. */
  found = signet_store_query_contract_ids (f->store, "合同", SIGNET_SORT_NUMBER, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (found->len, >, 0);
  g_assert_cmpuint (found->len, <, 600);
  g_clear_pointer (&found, g_array_unref);
  found = signet_store_query_contract_ids (f->store, "agreement", SIGNET_SORT_NUMBER, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (found->len, >, 0);
  g_assert_cmpuint (found->len, <, 600);

  a = list_contracts (f->store);
  b = list_contracts (same);
  c = list_contracts (different);
  for (guint i = 0; i < a->len; i++)
    {
      g_assert_true (signet_contract_equal (g_ptr_array_index (a, i), g_ptr_array_index (b, i)));
      all_equal &= signet_contract_equal (g_ptr_array_index (a, i), g_ptr_array_index (c, i));
    }
  g_assert_false (all_equal);
}

static int
days_between_iso (const char *from,
                  const char *to)
{
  GDate a, b;

  g_assert_true (signet_date_parse (from, &a));
  g_assert_true (signet_date_parse (to, &b));

  return g_date_days_between (&a, &b);
}

/* A well-kept office: most reviews that came due are recorded, so the
 * overdue list is a handful of recent ones, not years of them. The
 * register is made for each of several days apart. */
static void
test_fill_reviews (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *real_today = signet_date_today_iso ();
  GDate day;

  g_assert_true (signet_date_parse (real_today, &day));
  for (guint run = 0; run < 6; run++, signet_date_add_days (&day, 53))
    {
      g_autofree char *name = g_strdup_printf ("reviews-%u.db", run);
      g_autoptr(SignetStore) store = open_store (f, name);
      g_autofree char *today = signet_date_to_iso (&day);
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) agenda = NULL;
      g_autoptr(GPtrArray) contracts = NULL;
      guint n_overdue_reviews = 0, n_reviewed = 0, n_due = 0;

      signet_store_set_today (store, today);
      g_assert_true (signet_demo_fill (store, &error));
      g_assert_no_error (error);

      agenda = signet_store_list_agenda (store, today, 0, &error);
      g_assert_no_error (error);
      for (guint i = 0; i < agenda->len; i++)
        {
          SignetEvent *event = g_ptr_array_index (agenda, i);
          int days = days_between_iso (today, signet_event_get_date (event));

          if (days >= 0)
            continue;
          g_test_message ("%s: overdue %s %s %s", today, signet_event_get_date (event),
                          signet_key_date_kind_to_token (signet_event_get_kind (event)),
                          signet_event_get_contract_number (event));
          /* Nothing overdue reaches back further than the last weeks. */
          g_assert_cmpint (days, >=, -90);
          if (signet_event_get_kind (event) == SIGNET_KEY_DATE_REVIEW)
            {
              n_overdue_reviews++;
              g_assert_cmpint (days, >=, -40);
            }
        }
      g_assert_cmpuint (n_overdue_reviews, >=, 1);
      g_assert_cmpuint (n_overdue_reviews, <=, 5);

      /* Of the contracts in force that a review came due for, most have
       * one, by their owner, in the past. */
      contracts = list_contracts (store);
      for (guint i = 0; i < contracts->len; i++)
        {
          SignetContract *contract = g_ptr_array_index (contracts, i);
          g_autoptr(GPtrArray) reviews = NULL;
          g_autofree char *first_due_iso = NULL;
          GDate first_due;

          if (!signet_contract_status_is_in_force (signet_contract_get_shown_status (contract, today)))
            continue;
          /* Even a contract of low risk, reviewed yearly. */
          g_assert_true (signet_date_parse (signet_contract_get_start_date (contract), &first_due));
          signet_date_add_months (&first_due, 12);
          first_due_iso = signet_date_to_iso (&first_due);
          if (days_between_iso (today, first_due_iso) > 0)
            continue;

          n_due++;
          reviews = signet_store_list_reviews (store, signet_contract_get_id (contract), &error);
          g_assert_no_error (error);
          if (reviews->len > 0)
            {
              SignetReview *last = g_ptr_array_index (reviews, 0);

              n_reviewed++;
              g_assert_cmpint (days_between_iso (today, last->date), <=, 0);
              g_assert_cmpstr (last->reviewer, ==, signet_contract_get_owner (contract));
            }
        }
      g_test_message ("%s: %u of %u contracts a review came due for have one", today, n_reviewed, n_due);
      g_assert_cmpuint (n_due, >=, 10);
      g_assert_cmpuint (n_reviewed * 10, >=, n_due * 8);
    }
}

/* Dates are counted from the store's today, which a test may fix. */
static void
test_fill_today (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) contracts = NULL;
  guint n_running = 0;

  signet_store_set_today (f->store, "2031-03-15");
  g_assert_true (signet_demo_fill (f->store, &error));
  g_assert_no_error (error);

  contracts = list_contracts (f->store);
  for (guint i = 0; i < contracts->len; i++)
    {
      SignetContract *contract = g_ptr_array_index (contracts, i);

      if (signet_contract_get_shown_status (contract, "2031-03-15") != SIGNET_CONTRACT_STATUS_ACTIVE)
        continue;
      n_running++;
      g_assert_cmpstr (signet_contract_get_start_date (contract), <=, "2031-03-15");
      g_assert_cmpstr (signet_contract_get_end_date (contract), >=, "2031-03-15");
    }
  g_assert_cmpuint (n_running, >, 0);
}

/* What the demo's contracts commit their parties to, as the store gives
 * it back on each of several days apart, so that what an office sees in
 * the demo does not depend on the day it is opened. */
typedef struct
{
  guint n_paid, n_invoiced, n_overdue[SIGNET_N_PAYMENT_DIRECTIONS], n_part_overdue, n_part_ahead;
  guint n_scheduled, n_in_usd, n_gaps, n_gaps_amended;
  guint n_obligations, n_parties[SIGNET_N_OBLIGATION_PARTIES], n_recurrences[SIGNET_N_RECURRENCES];
  guint n_done, n_waived, n_overdue_obligations;
  guint n_risk_contracts, n_categories[SIGNET_N_RISK_CATEGORIES], n_suggested[SIGNET_N_RISK_LEVELS];
  guint n_settled_risks, n_kept, n_noticed;
  guint n_reviews, n_issues, n_na, n_open_actions, n_done_actions, n_follow_ups;
  guint n_signed, n_originals, n_loans, n_returned, n_longest_history;
} Commitments;

static void
count_payments (SignetStore    *store,
                SignetContract *contract,
                const char     *today,
                Commitments    *c)
{
  g_autoptr(GError) error = NULL;
  gint64 id = signet_contract_get_id (contract);
  g_autoptr(GPtrArray) payments = signet_store_list_payments (store, id, &error);
  g_autoptr(SignetContract) terms = signet_contract_copy (contract);
  g_autoptr(GPtrArray) amendments = NULL;
  g_autoptr(GArray) totals = NULL;
  guint n_unset = 0;

  g_assert_no_error (error);
  if (payments->len == 0)
    return;

  c->n_scheduled++;
  c->n_in_usd += g_str_equal (signet_contract_get_currency (contract), "USD");
  for (guint p = 0; p < payments->len; p++)
    {
      SignetPayment *payment = g_ptr_array_index (payments, p);
      SignetPaymentState state = signet_payment_get_state (payment);
      gboolean overdue = signet_payment_is_overdue (payment, today);

      /* The amounts of the schedule are set, in the contract's currency. */
      g_assert_true (signet_payment_has_amount (payment));
      g_assert_cmpstr (payment->currency, ==, signet_contract_get_currency (contract));
      g_assert_nonnull (payment->condition);
      for (guint i = 0; i < payment->invoices->len; i++)
        g_assert_cmpstr (((SignetPaymentInvoice *) payment->invoices->pdata[i])->number, !=, "");
      c->n_paid += state == SIGNET_PAYMENT_PAID;
      c->n_invoiced += state == SIGNET_PAYMENT_INVOICED && !overdue;
      if (overdue && state == SIGNET_PAYMENT_PART_PAID)
        c->n_part_overdue++;
      else if (overdue)
        c->n_overdue[payment->direction]++;
      else if (state == SIGNET_PAYMENT_PART_PAID)
        c->n_part_ahead++;
      if (overdue)
        {
          /* Late by weeks, not by years. */
          g_assert_cmpint (days_between_iso (today, payment->due_date), >=, -60);
          g_test_message ("%s: %s %s overdue since %s", today, signet_contract_get_number (contract),
                          signet_payment_direction_to_token (payment->direction), payment->due_date);
        }
    }

  /* The schedule adds up to the value in force, but for an amended one. */
  signet_store_apply_current_terms (store, terms);
  totals = signet_payments_summarize (payments, signet_contract_get_value (terms), signet_contract_get_currency (terms),
                                      &n_unset);
  g_assert_cmpuint (n_unset, ==, 0);
  for (guint t = 0; t < totals->len; t++)
    {
      g_autofree char *gap = signet_payment_totals_describe_gap (&g_array_index (totals, SignetPaymentTotals, t));

      if (gap == NULL)
        continue;
      g_test_message ("%s: %s %s", today, signet_contract_get_number (contract), gap);
      c->n_gaps++;
      amendments = signet_store_list_amendments (store, id, &error);
      g_assert_no_error (error);
      for (guint a = 0; a < amendments->len; a++)
        if (((SignetAmendment *) amendments->pdata[a])->state == SIGNET_AMENDMENT_APPROVED &&
            signet_amendment_changes (amendments->pdata[a], SIGNET_AMENDED_VALUE))
          {
            c->n_gaps_amended++;
            break;
          }
    }
}

static void
count_obligations (SignetStore    *store,
                   SignetContract *contract,
                   const char     *today,
                   Commitments    *c)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) obligations = signet_store_list_obligations (store, signet_contract_get_id (contract), &error);
  g_autoptr(SignetContract) terms = signet_contract_copy (contract);

  g_assert_no_error (error);
  signet_store_apply_current_terms (store, terms);
  for (guint o = 0; o < obligations->len; o++)
    {
      SignetObligation *obligation = g_ptr_array_index (obligations, o);
      g_autofree char *last = signet_obligation_dup_last_date (obligation, terms);
      g_autofree char *next = signet_obligation_dup_next_open (obligation, last);

      c->n_obligations++;
      c->n_parties[obligation->party]++;
      c->n_recurrences[obligation->recurrence]++;
      g_assert_cmpint (obligation->owner_id, >, 0);
      for (guint i = 0; i < obligation->occurrences->len; i++)
        {
          SignetOccurrence *occurrence = g_ptr_array_index (obligation->occurrences, i);

          c->n_done += occurrence->status == SIGNET_OCCURRENCE_DONE;
          c->n_waived += occurrence->status == SIGNET_OCCURRENCE_WAIVED;
        }
      if (next != NULL && g_strcmp0 (next, today) < 0)
        {
          g_assert_cmpint (days_between_iso (today, next), >=, -40);
          g_test_message ("%s: %s obligation overdue since %s: %s", today, signet_contract_get_number (contract), next,
                          obligation->title);
          c->n_overdue_obligations++;
        }
    }
}

static void
count_risks (SignetStore    *store,
             SignetContract *contract,
             Commitments    *c)
{
  g_autoptr(GError) error = NULL;
  gint64 id = signet_contract_get_id (contract);
  g_autoptr(GPtrArray) risks = signet_store_list_risks (store, id, &error);
  g_autoptr(SignetRiskLevelChoice) choice = NULL;
  SignetRiskLevel level = signet_contract_get_risk_level (contract);
  SignetRiskLevel suggested;
  gboolean has_suggestion;

  g_assert_no_error (error);
  if (risks->len == 0)
    return;

  c->n_risk_contracts++;
  for (guint r = 0; r < risks->len; r++)
    {
      SignetRisk *risk = g_ptr_array_index (risks, r);

      c->n_categories[risk->category]++;
      c->n_settled_risks += risk->status != SIGNET_RISK_STATUS_OPEN;
      g_assert_nonnull (risk->mitigation);
      g_assert_cmpint (risk->owner_id, >, 0);
    }
  g_assert_true (signet_store_get_suggested_risk_level (store, id, &has_suggestion, &suggested, &error));
  g_assert_no_error (error);
  g_assert_true (has_suggestion);
  c->n_suggested[suggested]++;
  choice = signet_store_get_risk_level_choice (store, id, &error);
  g_assert_no_error (error);
  if (suggested == level)
    return;

  if (signet_risk_level_needs_notice (level, TRUE, suggested, choice))
    c->n_noticed++;
  else
    {
      g_assert_nonnull (choice);
      g_assert_cmpstr (choice->reason, !=, "");
      c->n_kept++;
    }
}

static void
count_reviews (SignetStore    *store,
               SignetContract *contract,
               Commitments    *c)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) reports = signet_store_list_review_reports (store, signet_contract_get_id (contract), &error);

  g_assert_no_error (error);
  for (guint r = 0; r < reports->len; r++)
    {
      SignetReviewReport *report = g_ptr_array_index (reports, r);

      c->n_reviews++;
      /* Nothing is paid under a contract without a value. */
      if (signet_contract_get_value (contract) == 0 && report->note != NULL)
        {
          g_assert_null (strstr (report->note, "付款"));
          g_assert_null (strstr (report->note, "Payments"));
        }
      /* Every item of the checklist answered. */
      g_assert_cmpuint (report->items->len, >, 0);
      g_assert_cmpuint (signet_review_report_count_answers (report, SIGNET_REVIEW_ANSWER_NONE), ==, 0);
      c->n_issues += signet_review_report_count_answers (report, SIGNET_REVIEW_ANSWER_ISSUE);
      c->n_na += signet_review_report_count_answers (report, SIGNET_REVIEW_ANSWER_NA);
      for (guint i = 0; i < report->items->len; i++)
        if (((SignetReviewItem *) report->items->pdata[i])->answer == SIGNET_REVIEW_ANSWER_ISSUE)
          g_assert_nonnull (((SignetReviewItem *) report->items->pdata[i])->finding);
      for (guint a = 0; a < report->actions->len; a++)
        {
          SignetReviewAction *action = g_ptr_array_index (report->actions, a);

          g_assert_cmpint (action->owner_id, >, 0);
          if (signet_review_action_is_open (action))
            c->n_open_actions++;
          else
            c->n_done_actions++;
        }
      if (signet_review_report_needs_follow_up (report))
        {
          g_assert_nonnull (report->follow_up_date);
          c->n_follow_ups++;
        }
    }
}

static void
count_originals (SignetStore    *store,
                 SignetContract *contract,
                 const char     *today,
                 Commitments    *c)
{
  g_autoptr(GError) error = NULL;
  gint64 id = signet_contract_get_id (contract);
  g_autoptr(SignetOriginal) original = signet_store_get_original (store, id, &error);
  g_autoptr(GPtrArray) loans = NULL;
  guint n_returned = 0;

  g_assert_no_error (error);
  if (signet_contract_get_signing_date (contract) != NULL && days_between_iso (today, signet_contract_get_signing_date (contract)) < -3)
    c->n_signed++;
  if (original == NULL)
    return;

  c->n_originals++;
  g_assert_nonnull (original->archive_number);
  g_assert_nonnull (original->room);
  g_assert_nonnull (original->cabinet);
  g_assert_nonnull (original->shelf);
  g_assert_nonnull (original->box);
  g_assert_cmpuint (original->originals, >=, 1);
  g_assert_nonnull (original->archived_by);
  g_assert_cmpstr (original->archived_on, >=, signet_contract_get_signing_date (contract));
  g_assert_cmpstr (original->archived_on, <=, today);

  loans = signet_store_list_loans (store, id, &error);
  g_assert_no_error (error);
  c->n_loans += loans->len;
  for (guint l = 0; l < loans->len; l++)
    {
      SignetLoan *loan = g_ptr_array_index (loans, l);

      g_assert_cmpstr (loan->lent_on, >=, original->archived_on);
      g_assert_nonnull (loan->purpose);
      g_assert_nonnull (loan->department);
      if (loan->returned_on != NULL)
        n_returned++;
    }
  c->n_returned += n_returned;
  c->n_longest_history = MAX (c->n_longest_history, n_returned);
}

static void
test_fill_commitments (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *real_today = signet_date_today_iso ();
  GDate day;

  g_assert_true (signet_date_parse (real_today, &day));
  for (guint run = 0; run < 3; run++, signet_date_add_days (&day, 97))
    {
      g_autofree char *name = g_strdup_printf ("commitments-%u.db", run);
      g_autoptr(SignetStore) store = open_store (f, name);
      g_autofree char *today = signet_date_to_iso (&day);
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) contracts = NULL;
      g_autoptr(GPtrArray) open_loans = NULL;
      g_autoptr(GArray) all_ids = NULL;
      g_autoptr(GArray) on_loan = NULL;
      g_autoptr(GArray) findings = NULL;
      Commitments c = { 0 };
      guint n_overdue_loans = 0;

      signet_store_set_today (store, today);
      g_assert_true (signet_demo_fill (store, &error));
      g_assert_no_error (error);

      contracts = list_contracts (store);
      for (guint i = 0; i < contracts->len; i++)
        {
          SignetContract *contract = g_ptr_array_index (contracts, i);

          count_payments (store, contract, today, &c);
          count_obligations (store, contract, today, &c);
          count_risks (store, contract, &c);
          count_reviews (store, contract, &c);
          count_originals (store, contract, today, &c);
        }

      g_test_message ("%s: %u schedules (%u in USD): %u paid, %u invoiced, %u+%u overdue, %u part-paid overdue, "
                      "%u part-paid ahead, %u gaps", today, c.n_scheduled, c.n_in_usd, c.n_paid, c.n_invoiced,
                      c.n_overdue[SIGNET_PAYMENT_RECEIVABLE], c.n_overdue[SIGNET_PAYMENT_PAYABLE], c.n_part_overdue,
                      c.n_part_ahead, c.n_gaps);
      g_assert_cmpuint (c.n_scheduled, >=, 30);
      g_assert_cmpuint (c.n_in_usd, >=, 1);
      g_assert_cmpuint (c.n_paid, >=, 30);
      g_assert_cmpuint (c.n_invoiced, >=, 1);
      g_assert_cmpuint (c.n_overdue[SIGNET_PAYMENT_RECEIVABLE], ==, 1);
      g_assert_cmpuint (c.n_overdue[SIGNET_PAYMENT_PAYABLE], ==, 1);
      g_assert_cmpuint (c.n_part_overdue, ==, 1);
      g_assert_cmpuint (c.n_part_ahead, ==, 1);
      /* One schedule misses the contract's value, since its amendment. */
      g_assert_cmpuint (c.n_gaps, ==, 1);
      g_assert_cmpuint (c.n_gaps_amended, ==, 1);

      g_test_message ("%s: %u obligations: %u done, %u waived, %u overdue", today, c.n_obligations, c.n_done,
                      c.n_waived, c.n_overdue_obligations);
      g_assert_cmpuint (c.n_obligations, >=, 15);
      for (guint p = 0; p < SIGNET_N_OBLIGATION_PARTIES; p++)
        g_assert_cmpuint (c.n_parties[p], >=, 3);
      for (guint r = 0; r < SIGNET_N_RECURRENCES; r++)
        g_assert_cmpuint (c.n_recurrences[r], >=, 1);
      g_assert_cmpuint (c.n_done, >=, 20);
      g_assert_cmpuint (c.n_waived, ==, 1);
      g_assert_cmpuint (c.n_overdue_obligations, ==, 1);
      g_assert_cmpuint (signet_store_count_obligations_done_late (store, 0, &error), ==, 1);
      g_assert_no_error (error);

      g_test_message ("%s: risks on %u contracts, suggesting %u high, %u medium, %u low", today, c.n_risk_contracts,
                      c.n_suggested[SIGNET_RISK_LEVEL_HIGH], c.n_suggested[SIGNET_RISK_LEVEL_MEDIUM],
                      c.n_suggested[SIGNET_RISK_LEVEL_LOW]);
      g_assert_cmpuint (c.n_risk_contracts, >=, 20);
      for (guint k = 0; k < SIGNET_N_RISK_CATEGORIES; k++)
        g_assert_cmpuint (c.n_categories[k], >=, 2);
      for (guint l = 0; l < SIGNET_N_RISK_LEVELS; l++)
        g_assert_cmpuint (c.n_suggested[l], >=, 2);
      g_assert_cmpuint (c.n_settled_risks, >=, 2);
      /* Each level as suggested but two: one kept with a reason, one the
       * section points out. */
      g_assert_cmpuint (c.n_kept, ==, 1);
      g_assert_cmpuint (c.n_noticed, ==, 1);

      g_test_message ("%s: %u reviews: %u issues, %u not applicable, %u actions open, %u done", today, c.n_reviews,
                      c.n_issues, c.n_na, c.n_open_actions, c.n_done_actions);
      g_assert_cmpuint (c.n_issues, >=, 3);
      g_assert_cmpuint (c.n_na, >=, 1);
      g_assert_cmpuint (c.n_open_actions, >=, 1);
      g_assert_cmpuint (c.n_done_actions, >=, 2);
      g_assert_cmpuint (c.n_follow_ups, >=, 1);

      g_test_message ("%s: %u originals of %u signed contracts, %u loans, %u returned", today, c.n_originals,
                      c.n_signed, c.n_loans, c.n_returned);
      g_assert_cmpuint (c.n_originals * 4, >=, c.n_signed * 3);
      g_assert_cmpuint (c.n_returned, >=, 4);
      g_assert_cmpuint (c.n_longest_history, >=, 2);
      open_loans = signet_store_list_open_loans (store, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (open_loans->len, ==, 2);
      for (guint l = 0; l < open_loans->len; l++)
        n_overdue_loans += signet_loan_get_state (g_ptr_array_index (open_loans, l), today) == SIGNET_LOAN_OVERDUE;
      g_assert_cmpuint (n_overdue_loans, ==, 1);

      /* The list's filters have something to show. */
      all_ids = signet_store_query_contract_ids (store, NULL, SIGNET_SORT_NUMBER, FALSE, &error);
      g_assert_no_error (error);
      on_loan = filter_ids (store, all_ids, SIGNET_CONTRACT_FILTER_ON_LOAN, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (on_loan->len, ==, 2);
      findings = filter_ids (store, all_ids, SIGNET_CONTRACT_FILTER_OPEN_REVIEW_FINDINGS, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (findings->len, >=, 1);
    }
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/demo/fill/register", test_fill_register);
  ADD ("/demo/fill/search", test_fill_search);
  ADD ("/demo/fill/life", test_fill_life);
  ADD ("/demo/fill/repeatable", test_fill_is_repeatable);
  ADD ("/demo/fill/all-or-nothing", test_fill_all_or_nothing);
  ADD ("/demo/fill/again", test_fill_again);
  g_test_add ("/demo/fill/again-one-step", Fixture, GINT_TO_POINTER (TRUE), fixture_set_up, test_fill_again,
              fixture_tear_down);
  ADD ("/demo/generate", test_generate);
  ADD ("/demo/fill/reviews", test_fill_reviews);
  ADD ("/demo/fill/today", test_fill_today);
  ADD ("/demo/fill/commitments", test_fill_commitments);
#undef ADD

  return g_test_run ();
}
