/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "signet-amendment.h"
#include "signet-reminders.h"
#include "signet-store-amendments.h"
#include "signet-store-approvals.h"
#include "signet-store-attachments.h"
#include "signet-store-events.h"
#include "signet-store-people.h"
#include "signet-store-private.h"
#include "signet-store-process.h"
#include "signet-tombstone.h"
#include "store-fixture.h"
#include "unit-test-utils.h"

/* Approval routes: which route a contract takes, working-day due dates,
 * a contract's and an amendment's rounds of approval, the pending steps
 * in the calendar, and migration 13. */

#define CNY(yuan) ((gint64) (yuan) * 100)

/* The example rules of the design: a purchase contract takes the
 * standard route, from ¥1,000,000 the major one (with the general
 * manager added); any type from ¥1,000,000 too, and a second purchase
 * rule at the same minimum, later, for the ties. */
static GPtrArray *
example_rules (void)
{
  GPtrArray *rules = g_ptr_array_new_with_free_func ((GDestroyNotify) signet_approval_rule_free);

  g_ptr_array_add (rules, signet_approval_rule_new ("采购合同", 0, NULL, 1));
  g_ptr_array_add (rules, signet_approval_rule_new ("采购合同", CNY (1000000), "CNY", 2));
  g_ptr_array_add (rules, signet_approval_rule_new (NULL, CNY (1000000), "CNY", 3));
  g_ptr_array_add (rules, signet_approval_rule_new ("采购合同", CNY (1000000), "CNY", 4));

  return rules;
}

static gint64
selected_route (GPtrArray  *rules,
                const char *type,
                gint64      value,
                const char *currency)
{
  const SignetApprovalRule *rule = signet_approval_rules_select (rules, type, value, currency);

  return rule != NULL ? rule->route_id : 0;
}

/* Route selection by type and value: the highest minimum reached in the
 * contract's currency, a type's own rule before one of any type, the
 * earlier of two equal ones; another currency or no value only matches
 * rules without a minimum; no rule, no route. */
static void
test_select (void)
{
  g_autoptr(GPtrArray) rules = example_rules ();
  g_autoptr(GPtrArray) none = g_ptr_array_new ();

  g_assert_cmpint (selected_route (rules, "采购合同", CNY (500000), "CNY"), ==, 1);
  g_assert_cmpint (selected_route (rules, "采购合同", CNY (999999) + 99, "CNY"), ==, 1);
  /* At the minimum: the major route, the type's own rule before the
   * any-type one of the same minimum, and the first of the two. */
  g_assert_cmpint (selected_route (rules, "采购合同", CNY (1000000), "CNY"), ==, 2);
  g_assert_cmpint (selected_route (rules, "采购合同", CNY (5000000), "cny"), ==, 2);
  g_assert_cmpint (selected_route (rules, " 采购合同 ", CNY (5000000), "CNY"), ==, 2);
  /* Two million dollars are not measured against yuan. */
  g_assert_cmpint (selected_route (rules, "采购合同", 200000000, "USD"), ==, 1);
  /* No value. */
  g_assert_cmpint (selected_route (rules, "采购合同", 0, "CNY"), ==, 1);
  g_assert_cmpint (selected_route (rules, "采购合同", CNY (2000000), NULL), ==, 1);
  /* Another type: only the any-type rule, from its minimum. */
  g_assert_cmpint (selected_route (rules, "租赁合同", CNY (2000000), "CNY"), ==, 3);
  g_assert_cmpint (selected_route (rules, "租赁合同", CNY (500000), "CNY"), ==, 0);
  g_assert_cmpint (selected_route (rules, NULL, CNY (2000000), "CNY"), ==, 3);
  g_assert_cmpint (selected_route (rules, "", 0, NULL), ==, 0);
  g_assert_cmpint (selected_route (none, "采购合同", CNY (2000000), "CNY"), ==, 0);
}

/* Working days are Monday to Friday, counted from the day after. */
static void
test_working_days (void)
{
  static const struct
  {
    const char *from;
    guint       days;
    const char *due;
  } cases[] = {
    { "2026-12-04", 2, "2026-12-08" },   /* Friday + 2: Tuesday */
    { "2026-12-04", 1, "2026-12-07" },   /* Friday + 1: Monday */
    { "2026-12-05", 1, "2026-12-07" },   /* Saturday + 1: Monday */
    { "2026-12-06", 1, "2026-12-07" },   /* Sunday + 1: Monday */
    { "2026-12-06", 5, "2026-12-11" },   /* Sunday + 5: Friday */
    { "2026-12-07", 5, "2026-12-14" },   /* Monday + 5: the next Monday */
    { "2026-12-09", 0, "2026-12-09" },
    { "2027-03-31", 2, "2027-04-02" },   /* across a month's end */
    { "2027-04-29", 2, "2027-05-03" },   /* Thursday + 2 across it and a weekend */
    { "2026-12-31", 1, "2027-01-01" },   /* across the year's end: holidays are not known */
    { "2026-12-30", 3, "2027-01-04" },
    { "2024-02-28", 1, "2024-02-29" },
    { "2199-12-30", 1, "2199-12-31" },   /* the last day of the range, a Tuesday */
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *due = signet_add_working_days (cases[i].from, cases[i].days);

      g_assert_cmpstr (due, ==, cases[i].due);
    }

  /* Past the range's end, and no date. */
  g_assert_null (signet_add_working_days ("2199-12-31", 1));
  g_assert_null (signet_add_working_days ("2199-12-28", 10));
  g_assert_null (signet_add_working_days ("2026-02-30", 1));
  g_assert_null (signet_add_working_days (NULL, 1));
}

typedef struct
{
  StoreFixture f;
  gint64       head_id;     /* 陈刚, 部门负责人 */
  gint64       legal_id;    /* 王强, 法务 */
  gint64       finance_id;  /* 李娜, 财务 */
  gint64       route_id;    /* 标准审批: 部门负责人 (role, 2 days) → 法务 (王强, 3 days) */
} Register;

static gint64
add_person (SignetStore *store,
            const char  *name,
            const char  *role)
{
  g_autoptr(SignetPerson) person = signet_person_new ();
  g_autoptr(GError) error = NULL;

  signet_person_set_name (person, name);
  signet_person_set_role (person, role);
  g_assert_true (signet_store_add_person (store, person, &error));
  g_assert_no_error (error);

  return signet_person_get_id (person);
}

static void
set_rules (SignetStore *store,
           gint64       route_id)
{
  g_autoptr(GPtrArray) rules = g_ptr_array_new_with_free_func ((GDestroyNotify) signet_approval_rule_free);
  g_autoptr(GError) error = NULL;

  g_ptr_array_add (rules, signet_approval_rule_new ("采购合同", 0, NULL, route_id));
  g_assert_true (signet_store_set_approval_rules (store, rules, &error));
  g_assert_no_error (error);
}

/* A register on Friday 2026-12-04 with three people, the standard route
 * and a rule giving it to purchase contracts. */
static void
register_open (Register *r)
{
  g_autoptr(SignetApprovalRoute) route = signet_approval_route_new ("标准审批");
  g_autoptr(SignetRouteStep) head = signet_route_step_new ("部门负责人", 0, "部门负责人", 2);
  g_autoptr(SignetRouteStep) legal = NULL;
  g_autoptr(GError) error = NULL;

  store_fixture_open (&r->f, "2026-12-04");
  r->head_id = add_person (r->f.store, "陈刚", "部门负责人");
  r->legal_id = add_person (r->f.store, "王强", "法务");
  r->finance_id = add_person (r->f.store, "李娜", "财务");

  legal = signet_route_step_new ("法务", r->legal_id, NULL, 3);
  signet_approval_route_add_step (route, head);
  signet_approval_route_add_step (route, legal);
  g_assert_true (signet_store_add_approval_route (r->f.store, route, &error));
  g_assert_no_error (error);
  r->route_id = route->id;
  set_rules (r->f.store, r->route_id);
}

static SignetContract *
add_purchase (Register   *r,
              const char *number)
{
  SignetContract *contract = unit_add_contract (r->f.store, r->f.client, number, "办公设备采购");
  g_autoptr(GError) error = NULL;

  signet_contract_set_contract_type (contract, "采购合同");
  signet_contract_set_value (contract, CNY (500000));
  signet_contract_set_currency (contract, "CNY");
  signet_contract_set_start_date (contract, "2027-01-01");
  signet_contract_set_end_date (contract, "2027-12-31");
  g_assert_true (signet_store_update_contract (r->f.store, contract, &error));
  g_assert_no_error (error);

  return contract;
}

/* The stored contract, as a window reads it before an action. */
static SignetContract *
reread (Register       *r,
        SignetContract *contract)
{
  g_autoptr(GError) error = NULL;
  SignetContract *stored = signet_store_get_contract (r->f.store, signet_contract_get_id (contract), &error);

  g_assert_no_error (error);

  return stored;
}

static void
take (Register            *r,
      SignetContract      *contract,
      SignetProcessAction  action,
      const char          *decided_by,
      const char          *comment)
{
  g_autoptr(SignetContract) stored = reread (r, contract);
  SignetProcessStep step = { .action = action, .decided_by = (char *) decided_by, .comment = (char *) comment };
  g_autoptr(GError) error = NULL;

  g_assert_true (signet_store_take_process_step (r->f.store, signet_contract_get_id (stored),
                                                 signet_contract_get_version (stored), &step, &error));
  g_assert_no_error (error);
}

static GPtrArray *
round_of (Register *r,
          gint64    contract_id,
          gint64    amendment_id)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *steps = signet_store_list_approval_steps (r->f.store, contract_id, amendment_id, &error);

  g_assert_no_error (error);

  return steps;
}

static SignetApprovalStep *
step_at (GPtrArray *steps,
         guint      i)
{
  g_assert_cmpuint (i, <, steps->len);

  return g_ptr_array_index (steps, i);
}

static SignetContractStatus
status_of (Register       *r,
           SignetContract *contract)
{
  g_autoptr(SignetContract) stored = reread (r, contract);

  return signet_contract_get_status (stored);
}

/* The approval events of December 2026 and January 2027, as
 * "date title" lines. */
static char *
approval_events (Register *r)
{
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GError) error = NULL;

  events = signet_store_list_events (r->f.store, "2026-12-01", "2027-01-31", &error);
  g_assert_no_error (error);
  for (guint i = 0; i < events->len; i++)
    {
      SignetEvent *event = g_ptr_array_index (events, i);

      if (signet_event_get_kind (event) != SIGNET_KEY_DATE_APPROVAL)
        continue;
      g_assert_cmpint (signet_event_get_key_date_id (event), ==, 0);
      g_assert_nonnull (signet_event_get_explanation (event));
      g_string_append_printf (text, "%s%s %s", text->len > 0 ? "; " : "", signet_event_get_date (event),
                              signet_event_get_title (event));
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static SignetAuditEntry *
last_audit (Register       *r,
            SignetContract *contract)
{
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;

  entries = signet_store_list_audit (r->f.store, SIGNET_RECORD_CONTRACT, signet_contract_get_id (contract), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (entries->len, >, 0);

  /* Newest first. */
  return g_ptr_array_steal_index (entries, 0);
}

static const char *
audit_change (SignetAuditEntry *entry,
              const char       *field)
{
  for (guint i = 0; i < entry->changes->len; i++)
    {
      SignetAuditChange *change = g_ptr_array_index (entry->changes, i);

      if (g_str_equal (change->field, field))
        return change->new_value;
    }

  return NULL;
}

/* A contract's round: submitted, its first step pending with its due
 * date in the calendar; approved by someone not in the directory,
 * recorded on their behalf, the second step pending and the contract
 * still in review; returned with a reason, a draft again. The route is
 * edited meanwhile; submitted again, the new round is the route as it is
 * then, the first round kept as it was; a role step refuses a person
 * without the role; each step approved, the last with the signed form
 * attached, and the contract is Approved with nothing pending. */
static void
test_round (void)
{
  Register r;
  g_autoptr(SignetContract) contract = NULL;
  g_autoptr(SignetApprovalRoute) selected = NULL;
  g_autoptr(SignetApprovalRoute) route = NULL;
  g_autoptr(SignetRouteStep) finance = NULL;
  g_autoptr(SignetContract) stored = NULL;
  g_autoptr(SignetAttachment) form = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GPtrArray) steps = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *events = NULL;
  g_autoptr(SignetReminderSettings) defaults = NULL;
  g_autoptr(GPtrArray) reminders = NULL;
  g_autoptr(GPtrArray) agenda = NULL;
  g_autofree char *title = NULL;
  SignetApprovalDecision decision = { 0 };
  SignetAuditEntry *entry;
  const SignetApprovalStep *step;

  register_open (&r);
  contract = add_purchase (&r, "HT-2026-0101");

  /* The route it will take, before it is submitted. */
  selected = signet_store_select_route (r.f.store, contract, &error);
  g_assert_no_error (error);
  g_assert_nonnull (selected);
  g_assert_cmpstr (selected->name, ==, "标准审批");
  g_assert_cmpuint (selected->steps->len, ==, 2);
  g_assert_cmpstr (((SignetRouteStep *) g_ptr_array_index (selected->steps, 1))->person_name, ==, "王强");
  steps = round_of (&r, signet_contract_get_id (contract), 0);
  g_assert_cmpuint (steps->len, ==, 0);
  g_clear_pointer (&steps, g_ptr_array_unref);

  /* Submitted on Friday: 部门负责人 is due on Tuesday. */
  take (&r, contract, SIGNET_PROCESS_ACTION_SUBMIT, NULL, NULL);
  g_assert_cmpint (status_of (&r, contract), ==, SIGNET_CONTRACT_STATUS_IN_REVIEW);
  steps = round_of (&r, signet_contract_get_id (contract), 0);
  g_assert_cmpuint (steps->len, ==, 2);
  step = step_at (steps, 0);
  g_assert_cmpuint (step->round, ==, 1);
  g_assert_cmpstr (step->name, ==, "部门负责人");
  g_assert_cmpstr (step->role, ==, "部门负责人");
  g_assert_cmpint (step->state, ==, SIGNET_STEP_PENDING);
  g_assert_cmpstr (step->due_date, ==, "2026-12-08");
  step = step_at (steps, 1);
  g_assert_cmpint (step->state, ==, SIGNET_STEP_WAITING);
  g_assert_cmpint (step->person_id, ==, r.legal_id);
  g_assert_cmpstr (step->person_name, ==, "王强");
  g_assert_null (step->due_date);
  g_clear_pointer (&steps, g_ptr_array_unref);
  events = approval_events (&r);
  g_assert_cmpstr (events, ==, "2026-12-08 部门负责人");
  g_clear_pointer (&events, g_free);

  /* A reminder from the day before, and overdue in the agenda once the
   * day has passed. */
  defaults = signet_reminder_settings_new ();
  reminders = signet_reminders_due (r.f.store, "2026-12-04", defaults, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (reminders->len, ==, 0);
  g_clear_pointer (&reminders, g_ptr_array_unref);
  reminders = signet_reminders_due (r.f.store, "2026-12-07", defaults, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (reminders->len, ==, 1);
  title = signet_reminder_dup_title (g_ptr_array_index (reminders, 0));
  g_assert_cmpstr (title, ==, "Approval by 部门负责人 due in 1 day: HT-2026-0101 办公设备采购");
  g_clear_pointer (&title, g_free);
  g_clear_pointer (&reminders, g_ptr_array_unref);
  agenda = signet_store_list_agenda (r.f.store, "2026-12-09", 7, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (agenda->len, >, 0);
  g_assert_cmpint (signet_event_get_kind (g_ptr_array_index (agenda, 0)), ==, SIGNET_KEY_DATE_APPROVAL);
  g_assert_cmpstr (signet_event_get_date (g_ptr_array_index (agenda, 0)), ==, "2026-12-08");
  g_clear_pointer (&agenda, g_ptr_array_unref);

  /* Approved on Monday through the process, by a department head not in
   * the directory, recorded by the OS user on his behalf. */
  signet_store_set_today (r.f.store, "2026-12-07");
  take (&r, contract, SIGNET_PROCESS_ACTION_APPROVE, "赵敏", "同意");
  g_assert_cmpint (status_of (&r, contract), ==, SIGNET_CONTRACT_STATUS_IN_REVIEW);
  steps = round_of (&r, signet_contract_get_id (contract), 0);
  step = step_at (steps, 0);
  g_assert_cmpint (step->state, ==, SIGNET_STEP_APPROVED);
  g_assert_cmpstr (step->decided_by, ==, "赵敏");
  g_assert_cmpint (step->decided_by_id, ==, 0);
  g_assert_cmpstr (step->recorded_by, ==, g_get_user_name ());
  g_assert_nonnull (step->decided_at);
  g_assert_cmpstr (step->opinion, ==, "同意");
  g_assert_true (signet_approval_step_is_on_behalf (step));
  step = step_at (steps, 1);
  g_assert_cmpint (step->state, ==, SIGNET_STEP_PENDING);
  g_assert_cmpstr (step->due_date, ==, "2026-12-10");
  g_clear_pointer (&steps, g_ptr_array_unref);
  events = approval_events (&r);
  g_assert_cmpstr (events, ==, "2026-12-10 法务");
  g_clear_pointer (&events, g_free);

  entry = last_audit (&r, contract);
  g_assert_cmpint (entry->action, ==, SIGNET_AUDIT_ACTION_APPROVE);
  g_assert_cmpstr (entry->user, ==, g_get_user_name ());
  g_assert_cmpstr (audit_change (entry, "approval-step"), ==, "部门负责人");
  g_assert_cmpstr (audit_change (entry, "approver"), ==, "赵敏");
  g_assert_cmpstr (audit_change (entry, "opinion"), ==, "同意");
  g_assert_null (audit_change (entry, "status"));
  signet_audit_entry_free (entry);

  /* A return needs its reason; with one, the contract is a draft again
   * and nothing is pending. */
  stored = reread (&r, contract);
  decision.action = SIGNET_PROCESS_ACTION_RETURN;
  g_assert_false (signet_store_decide_approval_step (r.f.store, signet_contract_get_id (contract), 0,
                                                     signet_contract_get_version (stored), &decision, &error));
  g_assert_error (error, SIGNET_PROCESS_ERROR, SIGNET_PROCESS_ERROR_COMMENT);
  g_clear_error (&error);
  decision.opinion = (char *) "付款条款需修改";
  g_assert_true (signet_store_decide_approval_step (r.f.store, signet_contract_get_id (contract), 0,
                                                    signet_contract_get_version (stored), &decision, &error));
  g_assert_no_error (error);
  g_clear_object (&stored);
  g_assert_cmpint (status_of (&r, contract), ==, SIGNET_CONTRACT_STATUS_DRAFT);
  steps = round_of (&r, signet_contract_get_id (contract), 0);
  g_assert_cmpint (step_at (steps, 1)->state, ==, SIGNET_STEP_RETURNED);
  g_assert_cmpstr (step_at (steps, 1)->decided_by, ==, "王强");
  g_assert_cmpint (step_at (steps, 1)->decided_by_id, ==, r.legal_id);
  g_assert_cmpstr (step_at (steps, 1)->opinion, ==, "付款条款需修改");
  g_clear_pointer (&steps, g_ptr_array_unref);
  events = approval_events (&r);
  g_assert_cmpstr (events, ==, "");
  g_clear_pointer (&events, g_free);
  entry = last_audit (&r, contract);
  g_assert_cmpint (entry->action, ==, SIGNET_AUDIT_ACTION_RETURN_FOR_CHANGES);
  g_assert_cmpstr (audit_change (entry, "status"), ==, "draft");
  g_assert_cmpstr (audit_change (entry, "approval-step"), ==, "法务");
  signet_audit_entry_free (entry);

  /* The route gains 财务 meanwhile; the second round has it, the first
   * is kept as it was. */
  route = signet_store_get_approval_route (r.f.store, r.route_id, &error);
  g_assert_no_error (error);
  finance = signet_route_step_new ("财务", 0, "财务", 1);
  signet_approval_route_add_step (route, finance);
  g_assert_true (signet_store_update_approval_route (r.f.store, route, &error));
  g_assert_no_error (error);
  g_assert_cmpint (route->version, ==, 2);

  take (&r, contract, SIGNET_PROCESS_ACTION_SUBMIT, NULL, NULL);
  steps = round_of (&r, signet_contract_get_id (contract), 0);
  g_assert_cmpuint (steps->len, ==, 3);
  g_assert_cmpuint (step_at (steps, 0)->round, ==, 2);
  g_assert_cmpstr (step_at (steps, 0)->due_date, ==, "2026-12-09");
  g_assert_cmpstr (step_at (steps, 2)->name, ==, "财务");
  g_clear_pointer (&steps, g_ptr_array_unref);
  all = signet_store_list_all_approval_steps (r.f.store, signet_contract_get_id (contract), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (all->len, ==, 5);
  g_assert_cmpint (step_at (all, 0)->state, ==, SIGNET_STEP_APPROVED);
  g_assert_cmpint (step_at (all, 1)->state, ==, SIGNET_STEP_RETURNED);
  g_assert_cmpuint (step_at (all, 2)->round, ==, 2);

  /* 李娜 is no department head. */
  stored = reread (&r, contract);
  decision = (SignetApprovalDecision) { .action = SIGNET_PROCESS_ACTION_APPROVE, .approver_id = r.finance_id };
  g_assert_false (signet_store_decide_approval_step (r.f.store, signet_contract_get_id (contract), 0,
                                                     signet_contract_get_version (stored), &decision, &error));
  g_assert_error (error, SIGNET_PROCESS_ERROR, SIGNET_PROCESS_ERROR_DECIDED_BY);
  g_clear_error (&error);
  /* 陈刚 is; he decides himself, in the directory. */
  decision.approver_id = r.head_id;
  g_assert_true (signet_store_decide_approval_step (r.f.store, signet_contract_get_id (contract), 0,
                                                    signet_contract_get_version (stored), &decision, &error));
  g_assert_no_error (error);
  /* The version moved on: a window still holding the old one is told. */
  g_assert_false (signet_store_decide_approval_step (r.f.store, signet_contract_get_id (contract), 0,
                                                     signet_contract_get_version (stored), &decision, &error));
  g_assert_error (error, SIGNET_STORE_ERROR, SIGNET_STORE_ERROR_CONFLICT);
  g_clear_error (&error);
  g_clear_object (&stored);
  take (&r, contract, SIGNET_PROCESS_ACTION_APPROVE, NULL, NULL);
  g_assert_cmpint (status_of (&r, contract), ==, SIGNET_CONTRACT_STATUS_IN_REVIEW);

  /* The last step, 财务, with the signed approval form as the file. */
  bytes = g_bytes_new_static ("%PDF-1.4 approval form", 22);
  form = signet_store_add_attachment (r.f.store, signet_contract_get_id (contract), bytes, "审批单.pdf",
                                      "application/pdf", SIGNET_ATTACHMENT_ROLE_OTHER, NULL, &error);
  g_assert_no_error (error);
  stored = reread (&r, contract);
  decision = (SignetApprovalDecision) { .action = SIGNET_PROCESS_ACTION_APPROVE, .approver_id = r.finance_id,
                                        .opinion = (char *) "预算内", .attachment_id = 4711 };
  g_assert_false (signet_store_decide_approval_step (r.f.store, signet_contract_get_id (contract), 0,
                                                     signet_contract_get_version (stored), &decision, &error));
  g_assert_error (error, SIGNET_STORE_ERROR, SIGNET_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  decision.attachment_id = signet_attachment_get_id (form);
  g_assert_true (signet_store_decide_approval_step (r.f.store, signet_contract_get_id (contract), 0,
                                                    signet_contract_get_version (stored), &decision, &error));
  g_assert_no_error (error);
  g_clear_object (&stored);
  g_assert_cmpint (status_of (&r, contract), ==, SIGNET_CONTRACT_STATUS_APPROVED);
  steps = round_of (&r, signet_contract_get_id (contract), 0);
  for (guint i = 0; i < steps->len; i++)
    g_assert_cmpint (step_at (steps, i)->state, ==, SIGNET_STEP_APPROVED);
  g_assert_cmpint (step_at (steps, 1)->decided_by_id, ==, r.legal_id);
  g_assert_cmpint (step_at (steps, 2)->attachment_id, ==, signet_attachment_get_id (form));
  g_assert_cmpstr (step_at (steps, 2)->decided_by, ==, "李娜");
  g_clear_pointer (&steps, g_ptr_array_unref);
  events = approval_events (&r);
  g_assert_cmpstr (events, ==, "");
  reminders = signet_reminders_due (r.f.store, "2026-12-31", defaults, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (reminders->len, ==, 0);
  entry = last_audit (&r, contract);
  g_assert_cmpint (entry->action, ==, SIGNET_AUDIT_ACTION_APPROVE);
  g_assert_cmpstr (audit_change (entry, "status"), ==, "approved");
  g_assert_cmpstr (audit_change (entry, "approval-step"), ==, "财务");
  signet_audit_entry_free (entry);

  /* Nothing is pending any more. */
  stored = reread (&r, contract);
  g_assert_false (signet_store_decide_approval_step (r.f.store, signet_contract_get_id (contract), 0,
                                                     signet_contract_get_version (stored), &decision, &error));
  g_assert_error (error, SIGNET_PROCESS_ERROR, SIGNET_PROCESS_ERROR_NOT_ALLOWED);

  store_fixture_close (&r.f);
}

/* A rejection ends the round as a return does, the contract a draft
 * marked rejected by its process; a cancelled draft asks nobody more.
 * A contract no rule gives a route is approved in one step, as before. */
static void
test_reject_and_unrouted (void)
{
  Register r;
  g_autoptr(SignetContract) rejected = NULL;
  g_autoptr(SignetContract) cancelled = NULL;
  g_autoptr(SignetContract) lease = NULL;
  g_autoptr(GPtrArray) steps = NULL;
  g_autoptr(GPtrArray) process = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *events = NULL;
  SignetProcessEvent *last;

  register_open (&r);
  rejected = add_purchase (&r, "HT-2026-0102");
  take (&r, rejected, SIGNET_PROCESS_ACTION_SUBMIT, NULL, NULL);
  take (&r, rejected, SIGNET_PROCESS_ACTION_REJECT, "陈刚", "预算不足");
  g_assert_cmpint (status_of (&r, rejected), ==, SIGNET_CONTRACT_STATUS_DRAFT);
  steps = round_of (&r, signet_contract_get_id (rejected), 0);
  g_assert_cmpint (step_at (steps, 0)->state, ==, SIGNET_STEP_REJECTED);
  g_assert_cmpint (step_at (steps, 0)->decided_by_id, ==, r.head_id);
  g_assert_true (signet_approval_step_is_on_behalf (step_at (steps, 0)));
  g_assert_cmpint (step_at (steps, 1)->state, ==, SIGNET_STEP_SKIPPED);
  g_clear_pointer (&steps, g_ptr_array_unref);
  process = signet_store_list_process_events (r.f.store, signet_contract_get_id (rejected), &error);
  g_assert_no_error (error);
  last = g_ptr_array_index (process, process->len - 1);
  g_assert_true (last->has_action);
  g_assert_cmpint (last->action, ==, SIGNET_PROCESS_ACTION_REJECT);
  g_assert_cmpstr (last->decided_by, ==, "陈刚");
  g_assert_cmpstr (last->comment, ==, "部门负责人: 预算不足");

  cancelled = add_purchase (&r, "HT-2026-0103");
  take (&r, cancelled, SIGNET_PROCESS_ACTION_SUBMIT, NULL, NULL);
  events = approval_events (&r);
  g_assert_cmpstr (events, ==, "2026-12-08 部门负责人");
  g_clear_pointer (&events, g_free);
  take (&r, cancelled, SIGNET_PROCESS_ACTION_CANCEL_DRAFT, NULL, NULL);
  steps = round_of (&r, signet_contract_get_id (cancelled), 0);
  g_assert_cmpint (step_at (steps, 0)->state, ==, SIGNET_STEP_SKIPPED);
  g_assert_cmpint (step_at (steps, 1)->state, ==, SIGNET_STEP_SKIPPED);
  g_clear_pointer (&steps, g_ptr_array_unref);
  events = approval_events (&r);
  g_assert_cmpstr (events, ==, "");

  lease = add_purchase (&r, "HT-2026-0104");
  signet_contract_set_contract_type (lease, "租赁合同");
  g_assert_true (signet_store_update_contract (r.f.store, lease, &error));
  g_assert_no_error (error);
  take (&r, lease, SIGNET_PROCESS_ACTION_SUBMIT, NULL, NULL);
  steps = round_of (&r, signet_contract_get_id (lease), 0);
  g_assert_cmpuint (steps->len, ==, 0);
  take (&r, lease, SIGNET_PROCESS_ACTION_APPROVE, NULL, NULL);
  g_assert_cmpint (status_of (&r, lease), ==, SIGNET_CONTRACT_STATUS_APPROVED);

  store_fixture_close (&r.f);
}

/* Routes in Preferences: what is refused with its field, a name in use,
 * a route a rule uses kept from deletion, and a deletion undone with its
 * steps, each write in the route's History. */
static void
test_routes (void)
{
  Register r;
  g_autoptr(SignetApprovalRoute) route = signet_approval_route_new ("  ");
  g_autoptr(SignetApprovalRoute) back = NULL;
  g_autoptr(SignetRouteStep) step = NULL;
  g_autoptr(SignetTombstone) tombstone = NULL;
  g_autoptr(GPtrArray) routes = NULL;
  g_autoptr(GPtrArray) rules = g_ptr_array_new_with_free_func ((GDestroyNotify) signet_approval_rule_free);
  g_autoptr(GPtrArray) audit = NULL;
  g_autoptr(GError) error = NULL;

  register_open (&r);

  g_assert_false (signet_store_add_approval_route (r.f.store, route, &error));
  g_assert_error (error, SIGNET_FIELD_ERROR, SIGNET_FIELD_ROUTE_NAME);
  g_clear_error (&error);
  g_free (route->name);
  route->name = g_strdup ("标准审批");
  g_assert_false (signet_store_add_approval_route (r.f.store, route, &error));
  g_assert_error (error, SIGNET_FIELD_ERROR, SIGNET_FIELD_ROUTE_STEPS);
  g_clear_error (&error);
  step = signet_route_step_new ("法务", 0, " ", 2);
  signet_approval_route_add_step (route, step);
  g_assert_false (signet_store_add_approval_route (r.f.store, route, &error));
  g_assert_error (error, SIGNET_FIELD_ERROR, SIGNET_FIELD_ROUTE_STEPS);
  g_clear_error (&error);
  g_ptr_array_set_size (route->steps, 0);
  g_clear_pointer (&step, signet_route_step_free);
  step = signet_route_step_new ("法务", r.legal_id, NULL, 0);
  signet_approval_route_add_step (route, step);
  g_assert_false (signet_store_add_approval_route (r.f.store, route, &error));
  g_assert_error (error, SIGNET_FIELD_ERROR, SIGNET_FIELD_ROUTE_STEPS);
  g_clear_error (&error);
  ((SignetRouteStep *) g_ptr_array_index (route->steps, 0))->due_days = 2;
  g_assert_false (signet_store_add_approval_route (r.f.store, route, &error));
  g_assert_error (error, SIGNET_FIELD_ERROR, SIGNET_FIELD_ROUTE_NAME);
  g_assert_cmpstr (error->message, ==, "There is a route named “标准审批” already. Choose another name.");
  g_clear_error (&error);
  g_free (route->name);
  route->name = g_strdup ("重大审批");
  g_assert_true (signet_store_add_approval_route (r.f.store, route, &error));
  g_assert_no_error (error);
  g_assert_nonnull (route->uuid);

  routes = signet_store_list_approval_routes (r.f.store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (routes->len, ==, 2);

  /* The standard route is in use. */
  g_assert_false (signet_store_delete_approval_route (r.f.store, r.route_id, &error));
  g_assert_error (error, SIGNET_FIELD_ERROR, SIGNET_FIELD_ROUTE_NAME);
  g_assert_cmpstr (error->message, ==, "The route “标准审批” is used by a rule. Change or remove the rule first.");
  g_clear_error (&error);

  /* Rules naming no route, or a minimum that is none, are refused. */
  g_ptr_array_add (rules, signet_approval_rule_new ("采购合同", CNY (1000000), "CNY", route->id));
  g_ptr_array_add (rules, signet_approval_rule_new (NULL, 0, NULL, 4711));
  g_assert_false (signet_store_set_approval_rules (r.f.store, rules, &error));
  g_assert_error (error, SIGNET_FIELD_ERROR, SIGNET_FIELD_APPROVAL_RULES);
  g_clear_error (&error);
  g_ptr_array_remove_index (rules, 1);
  g_ptr_array_add (rules, signet_approval_rule_new (NULL, 0, "XXX", r.route_id));
  g_assert_false (signet_store_set_approval_rules (r.f.store, rules, &error));
  g_assert_error (error, SIGNET_FIELD_ERROR, SIGNET_FIELD_APPROVAL_RULES);
  g_clear_error (&error);
  g_ptr_array_remove_index (rules, 1);
  g_assert_true (signet_store_set_approval_rules (r.f.store, rules, &error));
  g_assert_no_error (error);
  g_assert_cmpint (((SignetApprovalRule *) g_ptr_array_index (rules, 0))->id, >, 0);
  g_clear_pointer (&routes, g_ptr_array_unref);
  routes = signet_store_list_approval_rules (r.f.store, &error);
  g_assert_cmpuint (routes->len, ==, 1);

  /* No rule uses the standard route now: it goes, and Undo brings it back
   * with its two steps. */
  tombstone = signet_store_delete (r.f.store, SIGNET_TOMBSTONE_APPROVAL_ROUTE, r.route_id, &error);
  g_assert_no_error (error);
  g_assert_nonnull (tombstone);
  g_assert_null (signet_store_get_approval_route (r.f.store, r.route_id, &error));
  g_assert_error (error, SIGNET_STORE_ERROR, SIGNET_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_true (signet_store_restore (r.f.store, tombstone, &error));
  g_assert_no_error (error);
  back = signet_store_get_approval_route (r.f.store, r.route_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (back->name, ==, "标准审批");
  g_assert_cmpuint (back->steps->len, ==, 2);
  g_assert_cmpstr (((SignetRouteStep *) g_ptr_array_index (back->steps, 1))->person_name, ==, "王强");
  g_assert_false (signet_store_restore (r.f.store, tombstone, &error));
  g_assert_error (error, SIGNET_STORE_ERROR, SIGNET_STORE_ERROR_CONFLICT);
  g_clear_error (&error);

  audit = signet_store_list_audit (r.f.store, SIGNET_RECORD_APPROVAL_ROUTE, r.route_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (audit->len, ==, 3);
  g_assert_cmpint (((SignetAuditEntry *) g_ptr_array_index (audit, 0))->action, ==,
                   SIGNET_AUDIT_ACTION_RESTORE_APPROVAL_ROUTE);
  g_assert_cmpint (((SignetAuditEntry *) g_ptr_array_index (audit, 1))->action, ==,
                   SIGNET_AUDIT_ACTION_DELETE_APPROVAL_ROUTE);
  g_assert_cmpint (((SignetAuditEntry *) g_ptr_array_index (audit, 2))->action, ==,
                   SIGNET_AUDIT_ACTION_ADD_APPROVAL_ROUTE);
  g_clear_pointer (&audit, g_ptr_array_unref);
  audit = signet_store_list_audit (r.f.store, SIGNET_RECORD_APPROVAL_ROUTE, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (audit->len, ==, 6);

  store_fixture_close (&r.f);
}

/* A signed purchase contract of 2027, worth ¥500,000. */
static SignetContract *
add_signed_purchase (Register   *r,
                     const char *number)
{
  g_autoptr(SignetContract) contract = add_purchase (r, number);
  g_autoptr(GError) error = NULL;

  signet_contract_set_signing_date (contract, "2026-12-01");
  signet_contract_set_status (contract, SIGNET_CONTRACT_STATUS_SIGNED);
  g_assert_true (signet_store_update_contract (r->f.store, contract, &error));
  g_assert_no_error (error);

  return g_steal_pointer (&contract);
}

static SignetAmendment *
add_raise (Register       *r,
           SignetContract *contract,
           const char     *number,
           gint64          value)
{
  SignetAmendment *amendment = signet_amendment_new (signet_contract_get_id (contract));
  g_autoptr(GError) error = NULL;

  amendment->number = g_strdup (number);
  amendment->effective_date = g_strdup ("2027-03-01");
  amendment->changes = SIGNET_AMENDED_TERM_FLAG (SIGNET_AMENDED_VALUE);
  amendment->value = value;
  amendment->currency = g_strdup ("CNY");
  g_assert_true (signet_store_add_amendment (r->f.store, amendment, &error));
  g_assert_no_error (error);

  return amendment;
}

static gint64
value_on (Register       *r,
          SignetContract *contract,
          const char     *date)
{
  g_autoptr(SignetContract) terms = NULL;
  g_autoptr(GError) error = NULL;

  terms = signet_store_get_contract_terms (r->f.store, signet_contract_get_id (contract), date, NULL, NULL, &error);
  g_assert_no_error (error);

  return signet_contract_get_value (terms);
}

static SignetAmendmentState
state_of (Register        *r,
          SignetAmendment *amendment)
{
  g_autoptr(SignetAmendment) stored = NULL;
  g_autoptr(GError) error = NULL;

  stored = signet_store_get_amendment (r->f.store, amendment->id, &error);
  g_assert_no_error (error);

  return stored->state;
}

static void
decide_amendment (Register            *r,
                  SignetAmendment     *amendment,
                  SignetProcessAction  action,
                  const char          *opinion)
{
  SignetApprovalDecision decision = { .action = action, .opinion = (char *) opinion };
  g_autoptr(GError) error = NULL;

  g_assert_true (signet_store_decide_approval_step (r->f.store, amendment->contract_id, amendment->id, 0,
                                                    &decision, &error));
  g_assert_no_error (error);
}

/* An amendment of a routed contract is in review with its own steps and
 * changes no term, as of its effective date or after, until its last step
 * approves it; one returned is edited and submitted again, a new round;
 * one rejected never takes effect. The amendments section lists all of
 * them; their pending steps are events of the contract. */
static void
test_amendments (void)
{
  Register r;
  g_autoptr(SignetContract) contract = NULL;
  g_autoptr(SignetAmendment) raise = NULL;
  g_autoptr(SignetAmendment) again = NULL;
  g_autoptr(SignetAmendment) refused = NULL;
  g_autoptr(SignetAmendment) longer = NULL;
  g_autoptr(SignetApprovalRoute) major = NULL;
  g_autoptr(SignetApprovalRoute) chosen = NULL;
  g_autoptr(SignetRouteStep) gm = NULL;
  g_autoptr(GPtrArray) rules = NULL;
  g_autoptr(GPtrArray) steps = NULL;
  g_autoptr(GPtrArray) listed = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *events = NULL;
  SignetApprovalDecision decision = { .action = SIGNET_PROCESS_ACTION_APPROVE };
  SignetAuditEntry *entry;

  register_open (&r);
  contract = add_signed_purchase (&r, "HT-2026-0201");

  raise = add_raise (&r, contract, "HT-2026-0201-A1", CNY (600000));
  g_assert_cmpint (raise->state, ==, SIGNET_AMENDMENT_IN_REVIEW);
  g_assert_cmpint (state_of (&r, raise), ==, SIGNET_AMENDMENT_IN_REVIEW);
  steps = round_of (&r, signet_contract_get_id (contract), raise->id);
  g_assert_cmpuint (steps->len, ==, 2);
  g_assert_cmpint (step_at (steps, 0)->state, ==, SIGNET_STEP_PENDING);
  g_assert_cmpstr (step_at (steps, 0)->due_date, ==, "2026-12-08");
  g_clear_pointer (&steps, g_ptr_array_unref);
  events = approval_events (&r);
  g_assert_cmpstr (events, ==, "2026-12-08 HT-2026-0201-A1 · 部门负责人");
  g_clear_pointer (&events, g_free);
  /* Not in effect, before, on or after its day. */
  g_assert_cmpint (value_on (&r, contract, "2027-02-28"), ==, CNY (500000));
  g_assert_cmpint (value_on (&r, contract, "2027-03-01"), ==, CNY (500000));
  g_assert_cmpint (value_on (&r, contract, "2027-06-01"), ==, CNY (500000));

  /* The contract's own process has nothing pending. */
  g_assert_false (signet_store_decide_approval_step (r.f.store, signet_contract_get_id (contract), 0,
                                                     signet_contract_get_version (contract), &decision, &error));
  g_assert_error (error, SIGNET_PROCESS_ERROR, SIGNET_PROCESS_ERROR_NOT_ALLOWED);
  g_clear_error (&error);

  decide_amendment (&r, raise, SIGNET_PROCESS_ACTION_APPROVE, NULL);
  g_assert_cmpint (state_of (&r, raise), ==, SIGNET_AMENDMENT_IN_REVIEW);
  g_assert_cmpint (value_on (&r, contract, "2027-03-01"), ==, CNY (500000));
  decide_amendment (&r, raise, SIGNET_PROCESS_ACTION_APPROVE, "同意");
  g_assert_cmpint (state_of (&r, raise), ==, SIGNET_AMENDMENT_APPROVED);
  g_assert_cmpint (value_on (&r, contract, "2027-02-28"), ==, CNY (500000));
  g_assert_cmpint (value_on (&r, contract, "2027-03-01"), ==, CNY (600000));
  g_assert_cmpint (value_on (&r, contract, "2027-06-01"), ==, CNY (600000));
  events = approval_events (&r);
  g_assert_cmpstr (events, ==, "");
  g_clear_pointer (&events, g_free);
  entry = last_audit (&r, contract);
  g_assert_cmpint (entry->action, ==, SIGNET_AUDIT_ACTION_APPROVE_AMENDMENT);
  g_assert_cmpstr (audit_change (entry, "amendment-number"), ==, "HT-2026-0201-A1");
  g_assert_cmpstr (audit_change (entry, "approval-step"), ==, "法务");
  signet_audit_entry_free (entry);

  /* Returned: still not in effect; changed and submitted again, a new
   * round; approved, in effect. */
  again = add_raise (&r, contract, "HT-2026-0201-A2", CNY (700000));
  decide_amendment (&r, again, SIGNET_PROCESS_ACTION_RETURN, "金额有误");
  g_assert_cmpint (state_of (&r, again), ==, SIGNET_AMENDMENT_RETURNED);
  g_assert_cmpint (value_on (&r, contract, "2027-06-01"), ==, CNY (600000));
  g_assert_false (signet_store_decide_approval_step (r.f.store, signet_contract_get_id (contract), again->id, 0,
                                                     &decision, &error));
  g_assert_error (error, SIGNET_PROCESS_ERROR, SIGNET_PROCESS_ERROR_NOT_ALLOWED);
  g_clear_error (&error);
  again->value = CNY (650000);
  g_assert_true (signet_store_update_amendment (r.f.store, again, &error));
  g_assert_no_error (error);
  g_assert_cmpint (state_of (&r, again), ==, SIGNET_AMENDMENT_RETURNED);
  g_assert_true (signet_store_submit_amendment (r.f.store, again->id, &error));
  g_assert_no_error (error);
  g_assert_false (signet_store_submit_amendment (r.f.store, again->id, &error));
  g_assert_error (error, SIGNET_PROCESS_ERROR, SIGNET_PROCESS_ERROR_NOT_ALLOWED);
  g_clear_error (&error);
  steps = round_of (&r, signet_contract_get_id (contract), again->id);
  g_assert_cmpuint (step_at (steps, 0)->round, ==, 2);
  g_clear_pointer (&steps, g_ptr_array_unref);
  decide_amendment (&r, again, SIGNET_PROCESS_ACTION_APPROVE, NULL);
  decide_amendment (&r, again, SIGNET_PROCESS_ACTION_APPROVE, NULL);
  g_assert_cmpint (state_of (&r, again), ==, SIGNET_AMENDMENT_APPROVED);
  g_assert_cmpint (value_on (&r, contract, "2027-06-01"), ==, CNY (650000));

  /* Rejected: never. */
  refused = add_raise (&r, contract, "HT-2026-0201-A3", CNY (900000));
  decide_amendment (&r, refused, SIGNET_PROCESS_ACTION_APPROVE, NULL);
  decide_amendment (&r, refused, SIGNET_PROCESS_ACTION_REJECT, "不同意");
  g_assert_cmpint (state_of (&r, refused), ==, SIGNET_AMENDMENT_REJECTED);
  g_assert_cmpint (value_on (&r, contract, "2027-06-01"), ==, CNY (650000));
  g_assert_false (signet_store_submit_amendment (r.f.store, refused->id, &error));
  g_assert_error (error, SIGNET_PROCESS_ERROR, SIGNET_PROCESS_ERROR_NOT_ALLOWED);
  g_clear_error (&error);

  listed = signet_store_list_amendments (r.f.store, signet_contract_get_id (contract), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (listed->len, ==, 3);
  g_clear_pointer (&steps, g_ptr_array_unref);
  steps = signet_store_list_all_approval_steps (r.f.store, signet_contract_get_id (contract), &error);
  g_assert_cmpuint (steps->len, ==, 8);

  /* From ¥600,000 the major route: an amendment that leaves the value
   * as it is takes the route of the value in force on its day (¥650,000
   * by A2), one that lowers it the route of its new value. */
  major = signet_approval_route_new ("重大审批");
  gm = signet_route_step_new ("总经理", 0, "总经理", 1);
  signet_approval_route_add_step (major, gm);
  g_assert_true (signet_store_add_approval_route (r.f.store, major, &error));
  g_assert_no_error (error);
  rules = g_ptr_array_new_with_free_func ((GDestroyNotify) signet_approval_rule_free);
  g_ptr_array_add (rules, signet_approval_rule_new ("采购合同", 0, NULL, r.route_id));
  g_ptr_array_add (rules, signet_approval_rule_new ("采购合同", CNY (600000), "CNY", major->id));
  g_assert_true (signet_store_set_approval_rules (r.f.store, rules, &error));
  g_assert_no_error (error);
  longer = signet_amendment_new (signet_contract_get_id (contract));
  longer->number = g_strdup ("HT-2026-0201-A5");
  longer->effective_date = g_strdup ("2027-06-01");
  longer->changes = SIGNET_AMENDED_TERM_FLAG (SIGNET_AMENDED_END_DATE);
  longer->end_date = g_strdup ("2028-06-30");
  chosen = signet_store_select_amendment_route (r.f.store, longer, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (chosen->name, ==, "重大审批");
  g_clear_pointer (&chosen, signet_approval_route_free);
  g_free (longer->effective_date);
  longer->effective_date = g_strdup ("2027-02-01");
  chosen = signet_store_select_amendment_route (r.f.store, longer, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (chosen->name, ==, "标准审批");
  g_clear_pointer (&chosen, signet_approval_route_free);
  g_free (longer->effective_date);
  longer->effective_date = g_strdup ("2027-06-01");
  g_assert_true (signet_store_add_amendment (r.f.store, longer, &error));
  g_assert_no_error (error);
  g_clear_pointer (&steps, g_ptr_array_unref);
  steps = round_of (&r, signet_contract_get_id (contract), longer->id);
  g_assert_cmpuint (steps->len, ==, 1);
  g_assert_cmpstr (step_at (steps, 0)->name, ==, "总经理");

  /* Without a rule, an amendment is in effect at once, as before. */
  g_clear_pointer (&listed, g_ptr_array_unref);
  listed = g_ptr_array_new ();
  g_assert_true (signet_store_set_approval_rules (r.f.store, listed, &error));
  g_assert_no_error (error);
  g_clear_pointer (&refused, signet_amendment_free);
  refused = add_raise (&r, contract, "HT-2026-0201-A4", CNY (800000));
  g_assert_cmpint (refused->state, ==, SIGNET_AMENDMENT_APPROVED);
  g_assert_cmpint (value_on (&r, contract, "2027-06-01"), ==, CNY (800000));

  store_fixture_close (&r.f);
}

static SignetApprovalStep *
imported_step (gint64           contract_id,
               gint64           amendment_id,
               guint            round,
               guint            position,
               const char      *name,
               SignetStepState  state,
               const char      *due_date)
{
  SignetApprovalStep *step = g_new0 (SignetApprovalStep, 1);

  step->contract_id = contract_id;
  step->amendment_id = amendment_id;
  step->round = round;
  step->position = position;
  step->name = g_strdup (name);
  step->role = g_strdup (name);
  step->due_days = 2;
  step->due_date = g_strdup (due_date);
  step->state = state;
  if (state != SIGNET_STEP_WAITING && state != SIGNET_STEP_PENDING && state != SIGNET_STEP_SKIPPED)
    {
      step->decided_by = g_strdup ("王强");
      step->recorded_by = g_strdup ("lina");
      step->decided_at = g_strdup ("2026-11-30T08:00:00.000Z");
    }

  return step;
}

/* An import's steps replace the contract's and its amendments' as they
 * were recorded: each amendment's state follows its last round, and a
 * pending step is in the calendar. A deleted amendment's pending step
 * leaves the calendar with it and comes back with its Undo. */
static void
test_import_steps (void)
{
  Register r;
  g_autoptr(SignetContract) contract = NULL;
  g_autoptr(SignetAmendment) returned = NULL;
  g_autoptr(SignetAmendment) waiting = NULL;
  g_autoptr(SignetTombstone) tombstone = NULL;
  g_autoptr(GPtrArray) steps = g_ptr_array_new_with_free_func ((GDestroyNotify) signet_approval_step_free);
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *events = NULL;
  gint64 id;

  register_open (&r);
  contract = add_signed_purchase (&r, "HT-2026-0301");
  id = signet_contract_get_id (contract);
  returned = add_raise (&r, contract, "HT-2026-0301-A1", CNY (600000));
  waiting = add_raise (&r, contract, "HT-2026-0301-A2", CNY (700000));

  g_ptr_array_add (steps, imported_step (id, 0, 1, 0, "部门负责人", SIGNET_STEP_APPROVED, "2026-11-20"));
  g_ptr_array_add (steps, imported_step (id, returned->id, 1, 0, "部门负责人", SIGNET_STEP_APPROVED, "2026-11-20"));
  g_ptr_array_add (steps, imported_step (id, returned->id, 1, 1, "法务", SIGNET_STEP_RETURNED, "2026-11-25"));
  g_ptr_array_add (steps, imported_step (id, waiting->id, 1, 0, "法务", SIGNET_STEP_REJECTED, "2026-11-25"));
  g_ptr_array_add (steps, imported_step (id, waiting->id, 2, 0, "法务", SIGNET_STEP_PENDING, "2026-12-09"));
  g_assert_true (signet_store_put_approval_steps (r.f.store, id, steps, &error));
  g_assert_no_error (error);

  g_assert_cmpint (state_of (&r, returned), ==, SIGNET_AMENDMENT_RETURNED);
  g_assert_cmpint (state_of (&r, waiting), ==, SIGNET_AMENDMENT_IN_REVIEW);
  all = signet_store_list_all_approval_steps (r.f.store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (all->len, ==, 5);
  g_assert_cmpstr (step_at (all, 0)->decided_by, ==, "王强");
  g_assert_cmpstr (step_at (all, 0)->recorded_by, ==, "lina");
  g_assert_true (signet_approval_step_is_on_behalf (step_at (all, 0)));
  events = approval_events (&r);
  g_assert_cmpstr (events, ==, "2026-12-09 HT-2026-0301-A2 · 法务");
  g_clear_pointer (&events, g_free);

  tombstone = signet_store_delete (r.f.store, SIGNET_TOMBSTONE_AMENDMENT, waiting->id, &error);
  g_assert_no_error (error);
  events = approval_events (&r);
  g_assert_cmpstr (events, ==, "");
  g_clear_pointer (&events, g_free);
  g_assert_true (signet_store_restore (r.f.store, tombstone, &error));
  g_assert_no_error (error);
  events = approval_events (&r);
  g_assert_cmpstr (events, ==, "2026-12-09 HT-2026-0301-A2 · 法务");

  store_fixture_close (&r.f);
}

/* A register of version 12 with a signed contract and an amendment that
 * raised its value from 2025-07-01 opens at 13: the amendment is still
 * in effect from its day, the contract reads as before, and there are no
 * routes, rules or steps. */
static void
test_migration (void)
{
  StoreFixture f;
  g_autoptr(SignetStore) store = NULL;
  g_autoptr(SignetContract) before = NULL;
  g_autoptr(SignetContract) after = NULL;
  g_autoptr(GPtrArray) amendments = NULL;
  g_autoptr(GError) error = NULL;

  if (store_fixture_on_server ())
    {
      g_test_skip ("A register in a file only: it checks the migration from a file of version 12");
      return;
    }

  store_fixture_open_empty (&f, "signet.db");
  g_clear_object (&f.store);
  unit_remove_tree (f.dir);
  g_mkdir_with_parents (f.dir, 0700);

  store = signet_store_new_at_version (f.path, 12, &error);
  g_assert_no_error (error);
  g_clear_object (&store);
  unit_exec_raw (f.path,
                 "INSERT INTO clients (id, name, code) VALUES (1, '华东建设', 'HDJS');"
                 "INSERT INTO contracts (id, number, title, client_id, value, currency, start_date, end_date, "
                 "status, risk_level, notice_days, contract_type) VALUES (1, 'HT-2025-0001', '办公室租赁', 1, "
                 "100000, 'CNY', '2025-01-01', '2025-12-31', 'signed', 'low', 30, '租赁合同');"
                 "INSERT INTO amendments (id, contract_id, uuid, number, effective_date, value, currency) "
                 "VALUES (1, 1, '0b8f3c5e-7a52-4f0e-9d3c-2f1a6b7c8d9e', 'HT-2025-0001-A1', '2025-07-01', "
                 "150000, 'CNY');");

  store = signet_store_open (f.path, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpint (unit_query_raw_int (f.path, "PRAGMA user_version"), ==, signet_store_get_schema_version ());
  g_assert_cmpint (signet_store_get_schema_version (), >=, 13);

  amendments = signet_store_list_amendments (store, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (amendments->len, ==, 1);
  g_assert_cmpstr (((SignetAmendment *) g_ptr_array_index (amendments, 0))->number, ==, "HT-2025-0001-A1");
  g_assert_cmpint (((SignetAmendment *) g_ptr_array_index (amendments, 0))->state, ==, SIGNET_AMENDMENT_APPROVED);

  before = signet_store_get_contract_terms (store, 1, "2025-06-30", NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (signet_contract_get_value (before), ==, 100000);
  after = signet_store_get_contract_terms (store, 1, "2025-07-01", NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (signet_contract_get_value (after), ==, 150000);
  g_assert_cmpstr (signet_contract_get_title (after), ==, "办公室租赁");

  g_assert_cmpint (unit_query_raw_int (f.path, "SELECT count(*) FROM amendments WHERE state = 'approved'"), ==, 1);
  g_assert_cmpint (unit_query_raw_int (f.path, "SELECT count(*) FROM approval_routes"), ==, 0);
  g_assert_cmpint (unit_query_raw_int (f.path, "SELECT count(*) FROM approval_rules"), ==, 0);
  g_assert_cmpint (unit_query_raw_int (f.path, "SELECT count(*) FROM approval_steps"), ==, 0);

  g_clear_object (&store);
  store_fixture_close (&f);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/approvals/select", test_select);
  g_test_add_func ("/approvals/working-days", test_working_days);
  g_test_add_func ("/approvals/round", test_round);
  g_test_add_func ("/approvals/reject-and-unrouted", test_reject_and_unrouted);
  g_test_add_func ("/approvals/routes", test_routes);
  g_test_add_func ("/approvals/amendments", test_amendments);
  g_test_add_func ("/approvals/import-steps", test_import_steps);
  g_test_add_func ("/approvals/migration", test_migration);

  return g_test_run ();
}
