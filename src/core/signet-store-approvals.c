/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "signet-store"

#include "config.h"

#include <glib/gi18n.h>

#include "signet-date.h"
#include "signet-money.h"
#include "signet-store-amendments.h"
#include "signet-store-approvals.h"
#include "signet-store-events.h"
#include "signet-store-people.h"
#include "signet-store-private.h"
#include "signet-tombstone-private.h"

/* Approval routes in the register. A route is a row of approval_routes
 * with its steps in approval_route_steps, in order; the rules that pick a
 * route are approval_rules, in order. A contract's or an amendment's
 * approval is its rows of approval_steps: each submission copies the
 * route's steps as a new round, so that editing a route later changes no
 * contract submitted with it, and each row keeps its decision. */

/* Version 13: approval routes, rules and steps.
 *
 * A rule refers to its route (a route in use cannot go); a step of a
 * route names a person by id or a role by text, never both. Approval
 * steps have no foreign key to their contract, as amendments have none:
 * a deleted contract's approval waits under its id and comes back with
 * it. An amendment gets a state, and every amendment stored before is
 * approved: it was in effect from its effective date, and stays so. A
 * pending step's due date is an event of its contract: the index of
 * events names the step it is for. */
gboolean
_signet_store_migrate_approvals (SignetStore  *self,
                                 GError      **error)
{
  return _signet_store_exec (self,
    "CREATE TABLE approval_routes ("
    "  id INTEGER PRIMARY KEY AUTOINCREMENT,"
    "  uuid TEXT NOT NULL UNIQUE,"
    "  version INTEGER NOT NULL DEFAULT 1,"
    "  name TEXT NOT NULL UNIQUE CHECK (name <> ''));"
    "CREATE TABLE approval_route_steps ("
    "  route_id INTEGER NOT NULL REFERENCES approval_routes (id) ON DELETE CASCADE,"
    "  position INTEGER NOT NULL,"
    "  name TEXT NOT NULL CHECK (name <> ''),"
    "  person_id INTEGER,"
    "  role TEXT CHECK (role <> ''),"
    "  due_days INTEGER NOT NULL CHECK (due_days >= 1),"
    "  PRIMARY KEY (route_id, position),"
    "  CHECK ((person_id IS NULL) <> (role IS NULL)));"
    "CREATE TABLE approval_rules ("
    "  id INTEGER PRIMARY KEY AUTOINCREMENT,"
    "  uuid TEXT NOT NULL UNIQUE,"
    "  position INTEGER NOT NULL,"
    "  contract_type TEXT CHECK (contract_type <> ''),"
    "  min_value INTEGER CHECK (min_value > 0),"
    "  min_currency TEXT CHECK (length (min_currency) = 3),"
    "  route_id INTEGER NOT NULL REFERENCES approval_routes (id),"
    "  CHECK ((min_value IS NULL) = (min_currency IS NULL)));"
    "CREATE INDEX approval_rules_route ON approval_rules (route_id);"
    "CREATE TABLE approval_steps ("
    "  id INTEGER PRIMARY KEY AUTOINCREMENT,"
    "  contract_id INTEGER NOT NULL,"
    "  amendment_id INTEGER NOT NULL DEFAULT 0,"
    "  round INTEGER NOT NULL CHECK (round >= 1),"
    "  position INTEGER NOT NULL CHECK (position >= 0),"
    "  name TEXT NOT NULL,"
    "  person_id INTEGER,"
    "  person_name TEXT,"
    "  role TEXT,"
    "  due_days INTEGER NOT NULL CHECK (due_days >= 1),"
    "  due_date TEXT,"
    "  state TEXT NOT NULL CHECK (state IN ('waiting', 'pending', 'approved', 'returned', 'rejected', 'skipped')),"
    "  decided_by_id INTEGER,"
    "  decided_by TEXT,"
    "  recorded_by TEXT,"
    "  decided_at TEXT,"
    "  opinion TEXT,"
    "  attachment_id INTEGER,"
    "  UNIQUE (contract_id, amendment_id, round, position));"
    "CREATE INDEX approval_steps_pending ON approval_steps (contract_id) WHERE state = 'pending';"
    "ALTER TABLE amendments ADD COLUMN state TEXT NOT NULL DEFAULT 'approved' "
    "  CHECK (state IN ('approved', 'in-review', 'returned', 'rejected'));"
    "ALTER TABLE contract_events ADD COLUMN approval_step_id INTEGER;",
    error);
}

/* Routes */

static void
append_field (FieldList   *fields,
              SignetField  field,
              char        *text)
{
  FieldText ft = { field, text, text };

  g_array_append_val (fields, ft);
}

/* "部门负责人 (role 部门负责人, 2 d) → 法务 (王强, 3 d)": what the History
 * shows of a route's steps, in the register's words and not the user's
 * language, as every stored detail is. */
static char *
describe_steps (const SignetApprovalRoute *route)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < route->steps->len; i++)
    {
      const SignetRouteStep *step = g_ptr_array_index (route->steps, i);

      g_string_append_printf (text, "%s%s (%s%s, %u d)", i > 0 ? " → " : "", step->name,
                              step->person_id != 0 ? "" : "role ",
                              step->person_id != 0 ? (step->person_name != NULL ? step->person_name : "?")
                                                   : step->role,
                              step->due_days);
    }

  return g_string_free (text, FALSE);
}

static FieldList *
route_to_fields (const SignetApprovalRoute *route)
{
  FieldList *fields = g_array_new (FALSE, FALSE, sizeof (FieldText));

  append_field (fields, SIGNET_FIELD_ROUTE_NAME, _signet_strdup_trimmed (route->name));
  append_field (fields, SIGNET_FIELD_ROUTE_STEPS, describe_steps (route));

  return fields;
}

/* Fills in the name of each person step from the directory, and checks
 * that the person is there. */
static gboolean
resolve_step_people (SignetStore          *self,
                     SignetApprovalRoute  *route,
                     GError              **error)
{
  for (guint i = 0; i < route->steps->len; i++)
    {
      SignetRouteStep *step = g_ptr_array_index (route->steps, i);
      g_autoptr(SignetPerson) person = NULL;
      g_autoptr(GError) local_error = NULL;

      if (step->person_id == 0)
        continue;

      if (!(person = signet_store_get_person (self, step->person_id, &local_error)))
        {
          if (!g_error_matches (local_error, SIGNET_STORE_ERROR, SIGNET_STORE_ERROR_NOT_FOUND))
            {
              g_propagate_error (error, g_steal_pointer (&local_error));
              return FALSE;
            }
          return _signet_set_field_error (error, SIGNET_FIELD_ROUTE_STEPS,
                                          _("The approver of step “%s” is no longer in the people directory."),
                                          step->name);
        }

      g_free (step->person_name);
      step->person_name = g_strdup (signet_person_get_name (person));
    }

  return TRUE;
}

static gboolean
validate_route (const SignetApprovalRoute  *route,
                GError                    **error)
{
  if (_signet_is_blank (route->name))
    return _signet_set_field_error (error, SIGNET_FIELD_ROUTE_NAME, _("Enter a name for the route."));

  if (!_signet_check_length (route->name, SIGNET_STORE_MAX_KEY_CHARS, SIGNET_FIELD_ROUTE_NAME, error))
    return FALSE;

  if (route->steps->len == 0)
    return _signet_set_field_error (error, SIGNET_FIELD_ROUTE_STEPS, _("Add at least one step to the route."));

  for (guint i = 0; i < route->steps->len; i++)
    {
      const SignetRouteStep *step = g_ptr_array_index (route->steps, i);

      if (_signet_is_blank (step->name))
        return _signet_set_field_error (error, SIGNET_FIELD_ROUTE_STEPS, _("Enter a name for each step."));
      if (!_signet_check_length (step->name, SIGNET_STORE_MAX_KEY_CHARS, SIGNET_FIELD_ROUTE_STEPS, error))
        return FALSE;
      if (step->person_id == 0 && _signet_is_blank (step->role))
        return _signet_set_field_error (error, SIGNET_FIELD_ROUTE_STEPS,
                                        _("Choose who approves step “%s”: a person or a role."), step->name);
      if (step->person_id == 0 &&
          !_signet_check_length (step->role, SIGNET_STORE_MAX_KEY_CHARS, SIGNET_FIELD_ROUTE_STEPS, error))
        return FALSE;
      if (step->due_days < 1 || step->due_days > SIGNET_ROUTE_STEP_DUE_DAYS_MAX)
        return _signet_set_field_error (error, SIGNET_FIELD_ROUTE_STEPS,
                                        _("Step “%s” must be due in 1 to %d working days."),
                                        step->name, SIGNET_ROUTE_STEP_DUE_DAYS_MAX);
    }

  return TRUE;
}

#define ROUTE_COLUMNS "id, uuid, version, name"

static gboolean
read_route_steps (SignetStore          *self,
                  SignetApprovalRoute  *route,
                  GError              **error)
{
  SignetDbStmt *stmt;
  int rc;

  stmt = _signet_store_statement (self,
                                  "SELECT s.name, s.person_id, s.role, s.due_days, p.name "
                                  "FROM approval_route_steps s LEFT JOIN people p ON p.id = s.person_id "
                                  "WHERE s.route_id = ? ORDER BY s.position", error);
  if (stmt == NULL)
    return FALSE;

  signet_db_bind_int64 (stmt, 1, route->id);
  while ((rc = signet_db_step (stmt)) == SIGNET_DB_ROW)
    {
      SignetRouteStep *step = signet_route_step_new (signet_db_column_text (stmt, 0),
                                                     signet_db_column_int64 (stmt, 1),
                                                     signet_db_column_text (stmt, 2),
                                                     (guint) signet_db_column_int64 (stmt, 3));

      step->person_name = _signet_store_dup_text (stmt, 4);
      g_ptr_array_add (route->steps, step);
    }
  signet_db_reset (stmt);

  if (rc != SIGNET_DB_DONE)
    return _signet_store_set_error (self, rc, error);

  return TRUE;
}

static SignetApprovalRoute *
route_from_row (SignetDbStmt *stmt)
{
  SignetApprovalRoute *route = signet_approval_route_new (signet_db_column_text (stmt, 3));

  route->id = signet_db_column_int64 (stmt, 0);
  route->uuid = _signet_store_dup_text (stmt, 1);
  route->version = signet_db_column_int64 (stmt, 2);

  return route;
}

/* The route with @id, or named @name; NULL with no error when there is
 * none. */
static SignetApprovalRoute *
lookup_route (SignetStore  *self,
              gint64        id,
              const char   *name,
              GError      **error)
{
  g_autoptr(SignetApprovalRoute) route = NULL;
  SignetDbStmt *stmt;

  stmt = _signet_store_statement (self,
                                  name != NULL
                                  ? "SELECT " ROUTE_COLUMNS " FROM approval_routes WHERE name = ?2"
                                  : "SELECT " ROUTE_COLUMNS " FROM approval_routes WHERE id = ?1", error);
  if (stmt == NULL)
    return NULL;

  signet_db_bind_int64 (stmt, 1, id);
  if (name != NULL)
    signet_db_bind_text (stmt, 2, name);
  route = _signet_store_step_one_row (self, stmt, (SignetStoreRowFunc) route_from_row, error);

  if (route != NULL && !read_route_steps (self, route, error))
    return NULL;

  return g_steal_pointer (&route);
}

GPtrArray *
signet_store_list_approval_routes (SignetStore  *self,
                                   GError      **error)
{
  g_autoptr(GPtrArray) routes = NULL;
  SignetDbStmt *stmt;
  int rc;

  g_return_val_if_fail (SIGNET_IS_STORE (self), NULL);

  routes = g_ptr_array_new_with_free_func ((GDestroyNotify) signet_approval_route_free);
  stmt = _signet_store_statement (self, "SELECT " ROUTE_COLUMNS " FROM approval_routes ORDER BY name, id", error);
  if (stmt == NULL)
    return NULL;

  while ((rc = signet_db_step (stmt)) == SIGNET_DB_ROW)
    g_ptr_array_add (routes, route_from_row (stmt));
  signet_db_reset (stmt);
  if (rc != SIGNET_DB_DONE)
    {
      _signet_store_set_error (self, rc, error);
      return NULL;
    }

  for (guint i = 0; i < routes->len; i++)
    if (!read_route_steps (self, g_ptr_array_index (routes, i), error))
      return NULL;

  return g_steal_pointer (&routes);
}

SignetApprovalRoute *
signet_store_get_approval_route (SignetStore  *self,
                                 gint64        id,
                                 GError      **error)
{
  g_autoptr(GError) local_error = NULL;
  SignetApprovalRoute *route;

  g_return_val_if_fail (SIGNET_IS_STORE (self), NULL);

  route = lookup_route (self, id, NULL, &local_error);
  if (route == NULL && local_error == NULL)
    g_set_error (&local_error, SIGNET_STORE_ERROR, SIGNET_STORE_ERROR_NOT_FOUND,
                 _("The approval route no longer exists; it may have been deleted."));
  if (local_error != NULL)
    g_propagate_error (error, g_steal_pointer (&local_error));

  return route;
}

static gboolean
write_route_steps (SignetStore                *self,
                   const SignetApprovalRoute  *route,
                   gint64                      id,
                   GError                    **error)
{
  SignetDbStmt *stmt;

  if (!(stmt = _signet_store_statement (self, "DELETE FROM approval_route_steps WHERE route_id = ?", error)))
    return FALSE;
  signet_db_bind_int64 (stmt, 1, id);
  if (!_signet_store_step_done (self, stmt, error))
    return FALSE;

  for (guint i = 0; i < route->steps->len; i++)
    {
      const SignetRouteStep *step = g_ptr_array_index (route->steps, i);
      g_autofree char *name = _signet_strdup_trimmed (step->name);
      g_autofree char *role = _signet_strdup_trimmed (step->role);

      stmt = _signet_store_statement (self,
                                      "INSERT INTO approval_route_steps (route_id, position, name, person_id, role, "
                                      "due_days) VALUES (?, ?, ?, ?, ?, ?)", error);
      if (stmt == NULL)
        return FALSE;
      signet_db_bind_int64 (stmt, 1, id);
      signet_db_bind_int (stmt, 2, (int) i);
      signet_db_bind_static_text (stmt, 3, name);
      if (step->person_id != 0)
        signet_db_bind_int64 (stmt, 4, step->person_id);
      else
        signet_db_bind_static_text (stmt, 5, role);
      signet_db_bind_int64 (stmt, 6, step->due_days);
      if (!_signet_store_step_done (self, stmt, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
step_route (SignetStore  *self,
            SignetDbStmt *stmt,
            const char   *name,
            GError      **error)
{
  int rc = signet_db_step (stmt);

  if (rc != SIGNET_DB_DONE)
    rc = signet_db_errcode (self->db);
  signet_db_reset (stmt);

  if (rc == SIGNET_DB_DONE)
    return TRUE;

  if (rc == SIGNET_DB_CONSTRAINT_UNIQUE)
    return _signet_set_field_error (error, SIGNET_FIELD_ROUTE_NAME,
                                    _("There is a route named “%s” already. Choose another name."), name);

  return _signet_store_set_error (self, rc, error);
}

gboolean
signet_store_add_approval_route (SignetStore          *self,
                                 SignetApprovalRoute  *route,
                                 GError              **error)
{
  g_auto(SignetWriteScope) scope = { 0 };
  g_autoptr(SignetApprovalRoute) stored = NULL;
  g_autoptr(FieldList) after = NULL;
  g_autofree char *name = NULL;
  g_autofree char *uuid = NULL;
  SignetDbStmt *stmt;
  gint64 id;

  g_return_val_if_fail (SIGNET_IS_STORE (self), FALSE);
  g_return_val_if_fail (route != NULL, FALSE);

  if (!validate_route (route, error) || !_signet_write_scope_begin (&scope, self, error))
    return FALSE;

  stored = signet_approval_route_copy (route);
  if (!resolve_step_people (self, stored, error) ||
      !(uuid = _signet_store_claim_uuid (self, "approval_routes", route->uuid, error)))
    return FALSE;

  name = _signet_strdup_trimmed (route->name);
  stmt = _signet_store_statement (self, "INSERT INTO approval_routes (name, uuid) VALUES (?, ?)", error);
  if (stmt == NULL)
    return FALSE;
  signet_db_bind_static_text (stmt, 1, name);
  signet_db_bind_static_text (stmt, 2, uuid);
  if (!step_route (self, stmt, name, error))
    return FALSE;

  id = signet_db_last_insert_id (self->db);
  after = route_to_fields (stored);
  if (!write_route_steps (self, route, id, error) ||
      !_signet_write_scope_audit (&scope, SIGNET_AUDIT_ACTION_ADD_APPROVAL_ROUTE, SIGNET_RECORD_APPROVAL_ROUTE,
                                  id, name, NULL, after, error) ||
      !_signet_write_scope_commit (&scope, error))
    return FALSE;

  route->id = id;
  route->version = 1;
  g_free (route->uuid);
  route->uuid = g_steal_pointer (&uuid);
  g_free (route->name);
  route->name = g_steal_pointer (&name);

  return TRUE;
}

gboolean
signet_store_update_approval_route (SignetStore          *self,
                                    SignetApprovalRoute  *route,
                                    GError              **error)
{
  g_auto(SignetWriteScope) scope = { 0 };
  g_autoptr(SignetApprovalRoute) before = NULL;
  g_autoptr(SignetApprovalRoute) stored = NULL;
  g_autoptr(FieldList) before_fields = NULL;
  g_autoptr(FieldList) after_fields = NULL;
  g_autofree char *name = NULL;
  SignetDbStmt *stmt;

  g_return_val_if_fail (SIGNET_IS_STORE (self), FALSE);
  g_return_val_if_fail (route != NULL, FALSE);

  if (!validate_route (route, error) || !_signet_write_scope_begin (&scope, self, error) ||
      !_signet_store_lock_row (self, "SELECT id FROM approval_routes WHERE id = ?1 FOR UPDATE", route->id, error) ||
      !(before = signet_store_get_approval_route (self, route->id, error)))
    return FALSE;

  if (before->version != route->version)
    {
      g_set_error (error, SIGNET_STORE_ERROR, SIGNET_STORE_ERROR_CONFLICT,
                   _("The approval route “%s” was changed elsewhere after you opened it. Nothing was saved; "
                     "open it again and repeat your changes."), before->name);
      return FALSE;
    }

  stored = signet_approval_route_copy (route);
  if (!resolve_step_people (self, stored, error))
    return FALSE;

  name = _signet_strdup_trimmed (route->name);
  stmt = _signet_store_statement (self,
                                  "UPDATE approval_routes SET name = ?, version = version + 1 WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  signet_db_bind_static_text (stmt, 1, name);
  signet_db_bind_int64 (stmt, 2, route->id);
  if (!step_route (self, stmt, name, error) || !write_route_steps (self, route, route->id, error))
    return FALSE;

  before_fields = route_to_fields (before);
  after_fields = route_to_fields (stored);
  if (!_signet_write_scope_audit (&scope, SIGNET_AUDIT_ACTION_UPDATE_APPROVAL_ROUTE, SIGNET_RECORD_APPROVAL_ROUTE,
                                  route->id, name, before_fields, after_fields, error) ||
      !_signet_write_scope_commit (&scope, error))
    return FALSE;

  route->version = before->version + 1;
  g_free (route->name);
  route->name = g_steal_pointer (&name);

  return TRUE;
}

SignetTombstone *
_signet_store_delete_approval_route (SignetStore  *self,
                                     gint64        id,
                                     GError      **error)
{
  g_auto(SignetWriteScope) scope = { 0 };
  g_autoptr(SignetApprovalRoute) before = NULL;
  g_autoptr(SignetTombstone) tombstone = NULL;
  g_autoptr(FieldList) before_fields = NULL;
  SignetDbStmt *stmt;
  gint64 rules;

  if (!_signet_write_scope_begin (&scope, self, error) ||
      !(before = signet_store_get_approval_route (self, id, error)))
    return NULL;

  if (!(stmt = _signet_store_statement (self, "SELECT count(*) FROM approval_rules WHERE route_id = ?", error)))
    return NULL;
  signet_db_bind_int64 (stmt, 1, id);
  rules = signet_db_step (stmt) == SIGNET_DB_ROW ? signet_db_column_int64 (stmt, 0) : -1;
  signet_db_reset (stmt);
  if (rules < 0)
    {
      _signet_store_set_error (self, signet_db_errcode (self->db), error);
      return NULL;
    }
  if (rules > 0)
    {
      _signet_set_field_error (error, SIGNET_FIELD_ROUTE_NAME,
                               g_dngettext (GETTEXT_PACKAGE,
                                            "The route “%s” is used by a rule. Change or remove the rule first.",
                                            "The route “%s” is used by %d rules. Change or remove them first.",
                                            rules),
                               before->name, (int) rules);
      return NULL;
    }

  tombstone = _signet_tombstone_new (SIGNET_TOMBSTONE_APPROVAL_ROUTE, id, 0, before->name);
  if (!_signet_store_keep_rows (self, tombstone, "approval_routes", "id = ?1", id, error) ||
      !_signet_store_keep_rows (self, tombstone, "approval_route_steps", "route_id = ?1", id, error))
    return NULL;

  /* Its steps go with it (ON DELETE CASCADE). */
  if (!(stmt = _signet_store_statement (self, "DELETE FROM approval_routes WHERE id = ?", error)))
    return NULL;
  signet_db_bind_int64 (stmt, 1, id);
  if (!_signet_store_step_done (self, stmt, error))
    return NULL;

  before_fields = route_to_fields (before);
  if (!_signet_write_scope_audit (&scope, SIGNET_AUDIT_ACTION_DELETE_APPROVAL_ROUTE, SIGNET_RECORD_APPROVAL_ROUTE,
                                  id, before->name, before_fields, NULL, error) ||
      !_signet_write_scope_commit (&scope, error))
    return NULL;

  return g_steal_pointer (&tombstone);
}

gboolean
signet_store_delete_approval_route (SignetStore  *self,
                                    gint64        id,
                                    GError      **error)
{
  g_autoptr(SignetTombstone) tombstone = NULL;

  g_return_val_if_fail (SIGNET_IS_STORE (self), FALSE);

  tombstone = _signet_store_delete_approval_route (self, id, error);

  return tombstone != NULL;
}

gboolean
_signet_store_restore_approval_route (SignetWriteScope  *scope,
                                      SignetTombstone   *tombstone,
                                      GError           **error)
{
  SignetStore *self = scope->store;
  gint64 id = signet_tombstone_get_id (tombstone);
  const char *name = signet_tombstone_get_label (tombstone);
  g_autoptr(SignetApprovalRoute) other = NULL;
  g_autoptr(SignetApprovalRoute) restored = NULL;
  g_autoptr(FieldList) after = NULL;
  g_autoptr(GError) local_error = NULL;

  if ((other = lookup_route (self, id, NULL, &local_error)) != NULL)
    {
      g_set_error (error, SIGNET_STORE_ERROR, SIGNET_STORE_ERROR_CONFLICT,
                   _("The approval route “%s” is in the register already."), name);
      return FALSE;
    }
  if ((other = lookup_route (self, 0, name, &local_error)) != NULL)
    {
      g_set_error (error, SIGNET_STORE_ERROR, SIGNET_STORE_ERROR_CONFLICT,
                   _("The approval route “%s” cannot be restored: another route has been given its name."), name);
      return FALSE;
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  if (!_signet_store_keep_uuid (self, tombstone, "approval_routes", error) ||
      !_signet_store_insert_kept_rows (self, tombstone, error) ||
      !(restored = signet_store_get_approval_route (self, id, error)))
    return FALSE;

  after = route_to_fields (restored);

  return _signet_write_scope_audit (scope, SIGNET_AUDIT_ACTION_RESTORE_APPROVAL_ROUTE, SIGNET_RECORD_APPROVAL_ROUTE,
                                    id, name, NULL, after, error);
}

/* Rules */

#define RULE_COLUMNS "r.id, r.uuid, r.position, r.contract_type, r.min_value, r.min_currency, r.route_id"

static SignetApprovalRule *
rule_from_row (SignetDbStmt *stmt)
{
  SignetApprovalRule *rule = signet_approval_rule_new (signet_db_column_text (stmt, 3),
                                                       signet_db_column_int64 (stmt, 4),
                                                       signet_db_column_text (stmt, 5),
                                                       signet_db_column_int64 (stmt, 6));

  rule->id = signet_db_column_int64 (stmt, 0);
  rule->uuid = _signet_store_dup_text (stmt, 1);
  rule->position = (guint) signet_db_column_int64 (stmt, 2);

  return rule;
}

GPtrArray *
signet_store_list_approval_rules (SignetStore  *self,
                                  GError      **error)
{
  g_autoptr(GPtrArray) rules = NULL;
  SignetDbStmt *stmt;
  int rc;

  g_return_val_if_fail (SIGNET_IS_STORE (self), NULL);

  rules = g_ptr_array_new_with_free_func ((GDestroyNotify) signet_approval_rule_free);
  stmt = _signet_store_statement (self, "SELECT " RULE_COLUMNS " FROM approval_rules r ORDER BY r.position, r.id",
                                  error);
  if (stmt == NULL)
    return NULL;

  while ((rc = signet_db_step (stmt)) == SIGNET_DB_ROW)
    g_ptr_array_add (rules, rule_from_row (stmt));
  signet_db_reset (stmt);
  if (rc != SIGNET_DB_DONE)
    {
      _signet_store_set_error (self, rc, error);
      return NULL;
    }

  return g_steal_pointer (&rules);
}

/* "采购合同, from 1000000.00 CNY → 重大审批; any type → 标准审批", one rule a
 * line: what the History shows of the rules. */
static char *
describe_rules (SignetStore  *self,
                GPtrArray    *rules)
{
  GString *text;

  if (rules->len == 0)
    return NULL;

  text = g_string_new (NULL);
  for (guint i = 0; i < rules->len; i++)
    {
      const SignetApprovalRule *rule = g_ptr_array_index (rules, i);
      g_autoptr(SignetApprovalRoute) route = lookup_route (self, rule->route_id, NULL, NULL);

      g_string_append_printf (text, "%s%s", i > 0 ? "\n" : "",
                              rule->contract_type != NULL ? rule->contract_type : "*");
      if (rule->min_currency != NULL)
        {
          g_autofree char *min = signet_money_to_decimal (rule->min_value, rule->min_currency);

          g_string_append_printf (text, " ≥ %s %s", min, rule->min_currency);
        }
      g_string_append_printf (text, " → %s", route != NULL ? route->name : "?");
    }

  return g_string_free (text, FALSE);
}

static gboolean
validate_rules (SignetStore  *self,
                GPtrArray    *rules,
                GError      **error)
{
  for (guint i = 0; i < rules->len; i++)
    {
      const SignetApprovalRule *rule = g_ptr_array_index (rules, i);
      g_autoptr(SignetApprovalRoute) route = NULL;
      g_autoptr(GError) local_error = NULL;

      if (rule->contract_type != NULL &&
          !_signet_check_length (rule->contract_type, SIGNET_STORE_MAX_KEY_CHARS, SIGNET_FIELD_APPROVAL_RULES, error))
        return FALSE;

      if (rule->min_currency != NULL && !signet_currency_is_valid (rule->min_currency))
        return _signet_set_field_error (error, SIGNET_FIELD_APPROVAL_RULES,
                                        _("Rule %u: “%s” is not an ISO 4217 currency code."),
                                        i + 1, rule->min_currency);

      if (rule->min_currency != NULL && rule->min_value <= 0)
        return _signet_set_field_error (error, SIGNET_FIELD_APPROVAL_RULES,
                                        _("Rule %u: a minimum value must be more than zero."), i + 1);

      if (!(route = lookup_route (self, rule->route_id, NULL, &local_error)))
        {
          if (local_error != NULL)
            {
              g_propagate_error (error, g_steal_pointer (&local_error));
              return FALSE;
            }
          return _signet_set_field_error (error, SIGNET_FIELD_APPROVAL_RULES,
                                          _("Rule %u: its route no longer exists; choose another."), i + 1);
        }
    }

  return TRUE;
}

gboolean
signet_store_set_approval_rules (SignetStore  *self,
                                 GPtrArray    *rules,
                                 GError      **error)
{
  g_auto(SignetWriteScope) scope = { 0 };
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) uuids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();
  g_autoptr(FieldList) before_fields = NULL;
  g_autoptr(FieldList) after_fields = NULL;
  SignetDbStmt *stmt;

  g_return_val_if_fail (SIGNET_IS_STORE (self), FALSE);
  g_return_val_if_fail (rules != NULL, FALSE);

  if (!_signet_write_scope_begin (&scope, self, error) ||
      !validate_rules (self, rules, error) ||
      !(before = signet_store_list_approval_rules (self, error)) ||
      !_signet_store_exec (self, "DELETE FROM approval_rules", error))
    return FALSE;

  for (guint i = 0; i < rules->len; i++)
    {
      const SignetApprovalRule *rule = g_ptr_array_index (rules, i);
      g_autofree char *type = _signet_strdup_trimmed (rule->contract_type);
      g_autofree char *currency = rule->min_currency != NULL ? g_ascii_strup (rule->min_currency, -1) : NULL;
      char *uuid;

      if (!(uuid = _signet_store_claim_uuid (self, "approval_rules", rule->uuid, error)))
        return FALSE;
      g_ptr_array_add (uuids, uuid);

      stmt = _signet_store_statement (self,
                                      "INSERT INTO approval_rules (uuid, position, contract_type, min_value, "
                                      "min_currency, route_id) VALUES (?, ?, ?, ?, ?, ?)", error);
      if (stmt == NULL)
        return FALSE;
      signet_db_bind_static_text (stmt, 1, uuid);
      signet_db_bind_int (stmt, 2, (int) i);
      _signet_store_bind_static_text (stmt, 3, type);
      if (currency != NULL)
        {
          signet_db_bind_int64 (stmt, 4, rule->min_value);
          signet_db_bind_static_text (stmt, 5, currency);
        }
      signet_db_bind_int64 (stmt, 6, rule->route_id);
      if (!_signet_store_step_done (self, stmt, error))
        return FALSE;
      g_ptr_array_add (ids, GSIZE_TO_POINTER ((gsize) signet_db_last_insert_id (self->db)));
    }

  before_fields = g_array_new (FALSE, FALSE, sizeof (FieldText));
  append_field (before_fields, SIGNET_FIELD_APPROVAL_RULES, describe_rules (self, before));
  after_fields = g_array_new (FALSE, FALSE, sizeof (FieldText));
  append_field (after_fields, SIGNET_FIELD_APPROVAL_RULES, describe_rules (self, rules));

  if (!_signet_write_scope_audit (&scope, SIGNET_AUDIT_ACTION_SET_APPROVAL_RULES, SIGNET_RECORD_APPROVAL_ROUTE,
                                  0, _("Approval Rules"), before_fields, after_fields, error) ||
      !_signet_write_scope_commit (&scope, error))
    return FALSE;

  for (guint i = 0; i < rules->len; i++)
    {
      SignetApprovalRule *rule = g_ptr_array_index (rules, i);

      rule->id = (gint64) GPOINTER_TO_SIZE (g_ptr_array_index (ids, i));
      rule->position = i;
      g_free (rule->uuid);
      rule->uuid = g_strdup (g_ptr_array_index (uuids, i));
    }

  return TRUE;
}

/* Which route */

static SignetApprovalRoute *
select_route (SignetStore  *self,
              const char   *type_name,
              gint64        value,
              const char   *currency,
              GError      **error)
{
  g_autoptr(GPtrArray) rules = NULL;
  const SignetApprovalRule *rule;

  if (!(rules = signet_store_list_approval_rules (self, error)))
    return NULL;

  rule = signet_approval_rules_select (rules, type_name, value, currency);
  if (rule == NULL)
    return NULL;

  return signet_store_get_approval_route (self, rule->route_id, error);
}

SignetApprovalRoute *
signet_store_select_route (SignetStore     *self,
                           SignetContract  *contract,
                           GError         **error)
{
  g_return_val_if_fail (SIGNET_IS_STORE (self), NULL);
  g_return_val_if_fail (SIGNET_IS_CONTRACT (contract), NULL);

  return select_route (self, signet_contract_get_contract_type (contract), signet_contract_get_value (contract),
                       signet_contract_get_currency (contract), error);
}

SignetApprovalRoute *
signet_store_select_amendment_route (SignetStore            *self,
                                     const SignetAmendment  *amendment,
                                     GError                **error)
{
  g_autoptr(SignetContract) contract = NULL;
  g_autofree char *day = NULL;
  gboolean changes_value;

  g_return_val_if_fail (SIGNET_IS_STORE (self), NULL);
  g_return_val_if_fail (amendment != NULL, NULL);

  /* The value an amendment leaves as it is, is the one in force when it
   * takes effect: earlier amendments may have changed it. */
  day = signet_date_is_valid (amendment->effective_date) ? g_strdup (amendment->effective_date)
                                                          : signet_store_dup_today (self);
  if (!(contract = signet_store_get_contract_terms (self, amendment->contract_id, day, NULL, NULL, error)))
    return NULL;

  changes_value = signet_amendment_changes (amendment, SIGNET_AMENDED_VALUE);

  return select_route (self, signet_contract_get_contract_type (contract),
                       changes_value ? amendment->value : signet_contract_get_value (contract),
                       changes_value ? amendment->currency : signet_contract_get_currency (contract),
                       error);
}

/* Steps */

#define STEP_COLUMNS \
  "id, contract_id, amendment_id, round, position, name, person_id, person_name, role, due_days, due_date, " \
  "state, decided_by_id, decided_by, recorded_by, decided_at, opinion, attachment_id"

static SignetApprovalStep *
step_from_row (SignetDbStmt *stmt)
{
  SignetApprovalStep *step = g_new0 (SignetApprovalStep, 1);

  step->id = signet_db_column_int64 (stmt, 0);
  step->contract_id = signet_db_column_int64 (stmt, 1);
  step->amendment_id = signet_db_column_int64 (stmt, 2);
  step->round = (guint) signet_db_column_int64 (stmt, 3);
  step->position = (guint) signet_db_column_int64 (stmt, 4);
  step->name = _signet_store_dup_text (stmt, 5);
  step->person_id = signet_db_column_int64 (stmt, 6);
  step->person_name = _signet_store_dup_text (stmt, 7);
  step->role = _signet_store_dup_text (stmt, 8);
  step->due_days = (guint) signet_db_column_int64 (stmt, 9);
  step->due_date = _signet_store_dup_text (stmt, 10);
  if (!signet_step_state_from_token (signet_db_column_text (stmt, 11), &step->state))
    step->state = SIGNET_STEP_SKIPPED;
  step->decided_by_id = signet_db_column_int64 (stmt, 12);
  step->decided_by = _signet_store_dup_text (stmt, 13);
  step->recorded_by = _signet_store_dup_text (stmt, 14);
  step->decided_at = _signet_store_dup_text (stmt, 15);
  step->opinion = _signet_store_dup_text (stmt, 16);
  step->attachment_id = signet_db_column_int64 (stmt, 17);

  return step;
}

static GPtrArray *
query_steps (SignetStore  *self,
             const char   *sql,
             gint64        contract_id,
             gint64        amendment_id,
             GError      **error)
{
  g_autoptr(GPtrArray) steps = g_ptr_array_new_with_free_func ((GDestroyNotify) signet_approval_step_free);
  SignetDbStmt *stmt;
  int rc;

  if (!(stmt = _signet_store_statement (self, sql, error)))
    return NULL;

  signet_db_bind_int64 (stmt, 1, contract_id);
  signet_db_bind_int64 (stmt, 2, amendment_id);
  while ((rc = signet_db_step (stmt)) == SIGNET_DB_ROW)
    g_ptr_array_add (steps, step_from_row (stmt));
  signet_db_reset (stmt);

  if (rc != SIGNET_DB_DONE)
    {
      _signet_store_set_error (self, rc, error);
      return NULL;
    }

  return g_steal_pointer (&steps);
}

static GPtrArray *
list_round (SignetStore  *self,
            gint64        contract_id,
            gint64        amendment_id,
            GError      **error)
{
  return query_steps (self,
                      "SELECT " STEP_COLUMNS " FROM approval_steps WHERE contract_id = ?1 AND amendment_id = ?2 "
                      "AND round = (SELECT max(round) FROM approval_steps WHERE contract_id = ?1 AND amendment_id = ?2) "
                      "ORDER BY position",
                      contract_id, amendment_id, error);
}

GPtrArray *
signet_store_list_approval_steps (SignetStore  *self,
                                  gint64        contract_id,
                                  gint64        amendment_id,
                                  GError      **error)
{
  g_return_val_if_fail (SIGNET_IS_STORE (self), NULL);

  return list_round (self, contract_id, amendment_id, error);
}

GPtrArray *
signet_store_list_all_approval_steps (SignetStore  *self,
                                      gint64        contract_id,
                                      GError      **error)
{
  g_return_val_if_fail (SIGNET_IS_STORE (self), NULL);

  /* A deleted amendment's steps wait with it for an Undo, as it does. */
  return query_steps (self,
                      "SELECT " STEP_COLUMNS " FROM approval_steps WHERE contract_id = ?1 "
                      "AND (amendment_id = ?2 OR amendment_id IN (SELECT id FROM amendments WHERE contract_id = ?1)) "
                      "ORDER BY amendment_id, round, position",
                      contract_id, 0, error);
}

/* Copies @route's steps as a new round of the contract's (@amendment_id
 * 0) or amendment's approval, the first pending from today. */
static gboolean
start_round (SignetStore                *self,
             gint64                      contract_id,
             gint64                      amendment_id,
             const SignetApprovalRoute  *route,
             GError                    **error)
{
  g_autofree char *today = signet_store_dup_today (self);
  SignetDbStmt *stmt;
  gint64 round;

  stmt = _signet_store_statement (self,
                                  "SELECT coalesce (max (round), 0) + 1 FROM approval_steps "
                                  "WHERE contract_id = ? AND amendment_id = ?", error);
  if (stmt == NULL)
    return FALSE;
  signet_db_bind_int64 (stmt, 1, contract_id);
  signet_db_bind_int64 (stmt, 2, amendment_id);
  round = signet_db_step (stmt) == SIGNET_DB_ROW ? signet_db_column_int64 (stmt, 0) : 0;
  signet_db_reset (stmt);
  if (round == 0)
    return _signet_store_set_error (self, signet_db_errcode (self->db), error);

  for (guint i = 0; i < route->steps->len; i++)
    {
      const SignetRouteStep *step = g_ptr_array_index (route->steps, i);
      g_autofree char *due = i == 0 ? signet_add_working_days (today, step->due_days) : NULL;

      stmt = _signet_store_statement (self,
                                      "INSERT INTO approval_steps (contract_id, amendment_id, round, position, name, "
                                      "person_id, person_name, role, due_days, due_date, state) "
                                      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", error);
      if (stmt == NULL)
        return FALSE;
      signet_db_bind_int64 (stmt, 1, contract_id);
      signet_db_bind_int64 (stmt, 2, amendment_id);
      signet_db_bind_int64 (stmt, 3, round);
      signet_db_bind_int (stmt, 4, (int) i);
      signet_db_bind_static_text (stmt, 5, step->name);
      if (step->person_id != 0)
        signet_db_bind_int64 (stmt, 6, step->person_id);
      _signet_store_bind_static_text (stmt, 7, step->person_name);
      _signet_store_bind_static_text (stmt, 8, step->role);
      signet_db_bind_int64 (stmt, 9, step->due_days);
      _signet_store_bind_static_text (stmt, 10, due);
      signet_db_bind_static_text (stmt, 11, signet_step_state_to_token (i == 0 ? SIGNET_STEP_PENDING : SIGNET_STEP_WAITING));
      if (!_signet_store_step_done (self, stmt, error))
        return FALSE;
    }

  return TRUE;
}

/* The open steps of the current round (pending or waiting) are never
 * asked: a return, a rejection or a cancelled draft ended it. */
static gboolean
skip_open_steps (SignetStore  *self,
                 gint64        contract_id,
                 gint64        amendment_id,
                 GError      **error)
{
  SignetDbStmt *stmt;

  stmt = _signet_store_statement (self,
                                  "UPDATE approval_steps SET state = 'skipped' "
                                  "WHERE contract_id = ? AND amendment_id = ? AND state IN ('pending', 'waiting')",
                                  error);
  if (stmt == NULL)
    return FALSE;
  signet_db_bind_int64 (stmt, 1, contract_id);
  signet_db_bind_int64 (stmt, 2, amendment_id);

  return _signet_store_step_done (self, stmt, error);
}

/* Decisions */

static gboolean
same_role (const char *a,
           const char *b)
{
  g_autofree char *x = a != NULL ? g_utf8_casefold (a, -1) : NULL;
  g_autofree char *y = b != NULL ? g_utf8_casefold (b, -1) : NULL;

  if (x != NULL)
    g_strstrip (x);
  if (y != NULL)
    g_strstrip (y);

  return x != NULL && y != NULL && g_strcmp0 (x, y) == 0;
}

/* Who decided @step by @decision: its approver's id (0 when not in the
 * directory) and name. No approver given: the step's person, or for a
 * role step the OS user, named by the login they are recorded by. */
static gboolean
resolve_approver (SignetStore                   *self,
                  const SignetApprovalStep      *step,
                  const SignetApprovalDecision  *decision,
                  gint64                        *approver_id,
                  char                         **approver,
                  GError                       **error)
{
  g_autoptr(SignetPerson) person = NULL;
  g_autoptr(GError) local_error = NULL;

  if (decision->approver_id > 0)
    {
      if (!(person = signet_store_get_person (self, decision->approver_id, &local_error)))
        {
          if (!g_error_matches (local_error, SIGNET_STORE_ERROR, SIGNET_STORE_ERROR_NOT_FOUND))
            {
              g_propagate_error (error, g_steal_pointer (&local_error));
              return FALSE;
            }
          g_set_error_literal (error, SIGNET_PROCESS_ERROR, SIGNET_PROCESS_ERROR_DECIDED_BY,
                               _("The approver is no longer in the people directory; choose another."));
          return FALSE;
        }
    }
  else if (!_signet_is_blank (decision->approver_name))
    {
      g_autofree char *name = _signet_strdup_trimmed (decision->approver_name);

      if (!_signet_check_length (name, SIGNET_STORE_MAX_KEY_CHARS, SIGNET_FIELD_APPROVER, &local_error))
        {
          g_set_error_literal (error, SIGNET_PROCESS_ERROR, SIGNET_PROCESS_ERROR_DECIDED_BY, local_error->message);
          return FALSE;
        }
      if (!(person = signet_store_find_person (self, name, &local_error)) && local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      if (person == NULL)
        {
          *approver_id = 0;
          *approver = g_steal_pointer (&name);
          return TRUE;
        }
    }
  else if (step->person_id != 0)
    {
      *approver_id = step->person_id;
      *approver = g_strdup (step->person_name);
      return TRUE;
    }
  else
    {
      *approver_id = 0;
      *approver = g_strdup (_signet_store_user_name (self));
      return TRUE;
    }

  /* A role step is decided by someone with the role. */
  if (step->person_id == 0 && !same_role (signet_person_get_role (person), step->role))
    {
      g_set_error (error, SIGNET_PROCESS_ERROR, SIGNET_PROCESS_ERROR_DECIDED_BY,
                   _("%s does not have the role “%s” that decides the step “%s”."),
                   signet_person_get_name (person), step->role, step->name);
      return FALSE;
    }

  *approver_id = signet_person_get_id (person);
  *approver = g_strdup (signet_person_get_name (person));

  return TRUE;
}

static gboolean
check_attachment (SignetStore  *self,
                  gint64        contract_id,
                  gint64        attachment_id,
                  GError      **error)
{
  SignetDbStmt *stmt;
  int rc;

  if (attachment_id <= 0)
    return TRUE;

  stmt = _signet_store_statement (self, "SELECT 1 FROM attachments WHERE id = ? AND contract_id = ?", error);
  if (stmt == NULL)
    return FALSE;

  signet_db_bind_int64 (stmt, 1, attachment_id);
  signet_db_bind_int64 (stmt, 2, contract_id);
  rc = signet_db_step (stmt);
  signet_db_reset (stmt);
  if (rc == SIGNET_DB_DONE)
    {
      g_set_error (error, SIGNET_STORE_ERROR, SIGNET_STORE_ERROR_NOT_FOUND,
                   _("The approval’s file is not one of the contract’s files; it may have been deleted."));
      return FALSE;
    }
  if (rc != SIGNET_DB_ROW)
    return _signet_store_set_error (self, rc, error);

  return TRUE;
}

/* Decides the pending step of the current round of the contract's
 * (@amendment_id 0) or the amendment's approval, inside the caller's
 * write: the step records the decision, and an approval makes the next
 * step pending, a return or a rejection ends the round. *@decided gets
 * the step as decided, *@round_approved whether it was the last step,
 * approved. FALSE with SIGNET_PROCESS_ERROR_NOT_ALLOWED when no step is
 * pending. */
static gboolean
decide_pending (SignetStore                   *self,
                gint64                         contract_id,
                gint64                         amendment_id,
                const SignetApprovalDecision  *decision,
                SignetApprovalStep           **decided,
                gboolean                      *round_approved,
                GError                       **error)
{
  g_autoptr(GPtrArray) round = NULL;
  g_autoptr(SignetApprovalStep) step = NULL;
  g_autofree char *now = _signet_store_timestamp_now ();
  SignetProcessStep check = { .action = decision->action, .comment = decision->opinion };
  SignetStepState state;
  SignetDbStmt *stmt;
  guint pending = G_MAXUINT;

  if (!(round = list_round (self, contract_id, amendment_id, error)))
    return FALSE;

  for (guint i = 0; i < round->len && pending == G_MAXUINT; i++)
    if (((SignetApprovalStep *) g_ptr_array_index (round, i))->state == SIGNET_STEP_PENDING)
      pending = i;

  if (pending == G_MAXUINT)
    {
      g_set_error_literal (error, SIGNET_PROCESS_ERROR, SIGNET_PROCESS_ERROR_NOT_ALLOWED,
                           _("No approval step is waiting for a decision."));
      return FALSE;
    }

  /* Taken on a step someone else decided meanwhile, it would decide the
   * next one, which its approver has not seen. */
  step = signet_approval_step_copy (g_ptr_array_index (round, pending));
  if (decision->step_id != 0 && decision->step_id != step->id)
    {
      g_set_error (error, SIGNET_STORE_ERROR, SIGNET_STORE_ERROR_CONFLICT,
                   /* Translators: %s is the name of the approval step now waiting for a
                    * decision (法务). */
                   _("The approval was decided elsewhere meanwhile; the step waiting now is “%s”. "
                     "Nothing was recorded; look at it again."), step->name);
      return FALSE;
    }

  if (!signet_process_step_validate (&check, error) ||
      !resolve_approver (self, step, decision, &step->decided_by_id, &step->decided_by, error) ||
      !check_attachment (self, contract_id, decision->attachment_id, error))
    return FALSE;

  switch (decision->action)
    {
    case SIGNET_PROCESS_ACTION_APPROVE: state = SIGNET_STEP_APPROVED; break;
    case SIGNET_PROCESS_ACTION_RETURN:  state = SIGNET_STEP_RETURNED; break;
    case SIGNET_PROCESS_ACTION_REJECT:  state = SIGNET_STEP_REJECTED; break;
    default:
      g_set_error_literal (error, SIGNET_PROCESS_ERROR, SIGNET_PROCESS_ERROR_NOT_ALLOWED,
                           _("An approval step is approved, returned or rejected."));
      return FALSE;
    }

  step->state = state;
  step->recorded_by = g_strdup (_signet_store_user_name (self));
  step->decided_at = g_strdup (now);
  step->opinion = _signet_strdup_trimmed (decision->opinion);
  step->attachment_id = MAX (decision->attachment_id, 0);

  stmt = _signet_store_statement (self,
                                  "UPDATE approval_steps SET state = ?, decided_by_id = ?, decided_by = ?, "
                                  "recorded_by = ?, decided_at = ?, opinion = ?, attachment_id = ? WHERE id = ?",
                                  error);
  if (stmt == NULL)
    return FALSE;
  signet_db_bind_static_text (stmt, 1, signet_step_state_to_token (state));
  if (step->decided_by_id > 0)
    signet_db_bind_int64 (stmt, 2, step->decided_by_id);
  signet_db_bind_static_text (stmt, 3, step->decided_by);
  signet_db_bind_static_text (stmt, 4, step->recorded_by);
  signet_db_bind_static_text (stmt, 5, step->decided_at);
  _signet_store_bind_static_text (stmt, 6, step->opinion);
  if (step->attachment_id > 0)
    signet_db_bind_int64 (stmt, 7, step->attachment_id);
  signet_db_bind_int64 (stmt, 8, step->id);
  if (!_signet_store_step_done (self, stmt, error))
    return FALSE;

  *round_approved = FALSE;
  if (state == SIGNET_STEP_APPROVED && pending + 1 < round->len)
    {
      const SignetApprovalStep *next = g_ptr_array_index (round, pending + 1);
      g_autofree char *today = signet_store_dup_today (self);
      g_autofree char *due = signet_add_working_days (today, next->due_days);

      stmt = _signet_store_statement (self, "UPDATE approval_steps SET state = 'pending', due_date = ? WHERE id = ?",
                                      error);
      if (stmt == NULL)
        return FALSE;
      _signet_store_bind_static_text (stmt, 1, due);
      signet_db_bind_int64 (stmt, 2, next->id);
      if (!_signet_store_step_done (self, stmt, error))
        return FALSE;
    }
  else if (state == SIGNET_STEP_APPROVED)
    *round_approved = TRUE;
  else if (!skip_open_steps (self, contract_id, amendment_id, error))
    return FALSE;

  *decided = g_steal_pointer (&step);

  return TRUE;
}

/* What a decision's audit entry says besides the record's own fields:
 * the step, the approver when it is not the user who recorded it, and
 * the opinion. */
static void
append_decision_fields (FieldList                *before,
                        FieldList                *after,
                        const SignetApprovalStep *step)
{
  append_field (before, SIGNET_FIELD_APPROVAL_STEP, NULL);
  append_field (after, SIGNET_FIELD_APPROVAL_STEP, g_strdup (step->name));
  append_field (before, SIGNET_FIELD_APPROVER, NULL);
  append_field (after, SIGNET_FIELD_APPROVER,
                signet_approval_step_is_on_behalf (step) ? g_strdup (step->decided_by) : NULL);
  append_field (before, SIGNET_FIELD_APPROVAL_OPINION, NULL);
  append_field (after, SIGNET_FIELD_APPROVAL_OPINION, g_strdup (step->opinion));
}

static SignetAuditAction
contract_audit_action (SignetProcessAction action)
{
  switch (action)
    {
    case SIGNET_PROCESS_ACTION_APPROVE: return SIGNET_AUDIT_ACTION_APPROVE;
    case SIGNET_PROCESS_ACTION_RETURN:  return SIGNET_AUDIT_ACTION_RETURN_FOR_CHANGES;
    case SIGNET_PROCESS_ACTION_REJECT:  return SIGNET_AUDIT_ACTION_REJECT;
    default:                            g_return_val_if_reached (SIGNET_AUDIT_ACTION_UPDATE);
    }
}

/* The decision on @contract's pending step, inside @scope's write, its
 * version and the action's being allowed checked: the step decided, the
 * contract approved by its last step or back to draft by a return or a
 * rejection (still in review otherwise, one version on), the process
 * event and the audit entry of the action. */
static gboolean
decide_contract (SignetWriteScope              *scope,
                 SignetContract                *current,
                 const SignetApprovalDecision  *decision,
                 GError                       **error)
{
  SignetStore *self = scope->store;
  gint64 contract_id = signet_contract_get_id (current);
  g_autoptr(SignetApprovalStep) decided = NULL;
  g_autoptr(FieldList) before = NULL;
  g_autoptr(FieldList) after = NULL;
  SignetProcessStep event = { .action = decision->action };
  SignetContractStatus from, to;
  gboolean round_approved;
  SignetDbStmt *stmt;

  if (!decide_pending (self, contract_id, 0, decision, &decided, &round_approved, error))
    return FALSE;

  from = signet_contract_get_status (current);
  to = decision->action == SIGNET_PROCESS_ACTION_APPROVE && !round_approved
         ? from : signet_process_action_get_target (decision->action);
  before = _signet_contract_to_fields (current);
  signet_contract_set_status (current, to);
  after = _signet_contract_to_fields (current);
  append_decision_fields (before, after, decided);

  stmt = _signet_store_statement (self, "UPDATE contracts SET status = ?, version = version + 1 WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  signet_db_bind_static_text (stmt, 1, signet_contract_status_to_token (to));
  signet_db_bind_int64 (stmt, 2, contract_id);

  /* The process lists the decision as it lists every step, with the step
   * it was on. */
  event.decided_by = decided->decided_by;
  event.comment = decided->opinion != NULL
                    ? g_strdup_printf ("%s: %s", decided->name, decided->opinion)
                    : g_strdup (decided->name);

  if (!_signet_store_step_done (self, stmt, error) ||
      !_signet_store_insert_process_event (self, contract_id, &event, from, to, NULL, error))
    {
      g_free (event.comment);
      return FALSE;
    }
  g_free (event.comment);

  return _signet_store_events_refresh_contract (self, contract_id, error) &&
         _signet_write_scope_audit (scope, contract_audit_action (decision->action), SIGNET_RECORD_CONTRACT,
                                    contract_id, signet_contract_get_number (current), before, after, error);
}

gboolean
_signet_store_approvals_take_process_step (SignetWriteScope         *scope,
                                           SignetContract           *current,
                                           const SignetProcessStep  *step,
                                           gboolean                 *taken,
                                           GError                  **error)
{
  SignetStore *self = scope->store;
  SignetApprovalDecision decision = { .action = step->action };
  SignetDbStmt *stmt;
  gboolean pending;
  int rc;

  *taken = FALSE;
  if (step->action != SIGNET_PROCESS_ACTION_APPROVE && step->action != SIGNET_PROCESS_ACTION_RETURN &&
      step->action != SIGNET_PROCESS_ACTION_REJECT)
    return TRUE;

  stmt = _signet_store_statement (self,
                                  "SELECT 1 FROM approval_steps WHERE contract_id = ? AND amendment_id = 0 "
                                  "AND state = 'pending'", error);
  if (stmt == NULL)
    return FALSE;
  signet_db_bind_int64 (stmt, 1, signet_contract_get_id (current));
  rc = signet_db_step (stmt);
  pending = rc == SIGNET_DB_ROW;
  signet_db_reset (stmt);
  if (rc != SIGNET_DB_ROW && rc != SIGNET_DB_DONE)
    return _signet_store_set_error (self, rc, error);

  /* A contract submitted without a route is approved in one step. */
  if (!pending)
    return TRUE;

  decision.approver_name = step->decided_by;
  decision.opinion = step->comment;
  *taken = TRUE;

  return decide_contract (scope, current, &decision, error);
}

gboolean
_signet_store_approvals_process_step_taken (SignetStore          *self,
                                            SignetContract       *contract,
                                            SignetProcessAction   action,
                                            GError              **error)
{
  g_autoptr(SignetApprovalRoute) route = NULL;
  g_autoptr(GError) local_error = NULL;
  gint64 contract_id = signet_contract_get_id (contract);

  if (action == SIGNET_PROCESS_ACTION_CANCEL_DRAFT)
    return skip_open_steps (self, contract_id, 0, error);

  if (action != SIGNET_PROCESS_ACTION_SUBMIT)
    return TRUE;

  if (!(route = signet_store_select_route (self, contract, &local_error)))
    {
      if (local_error == NULL)
        return TRUE;
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  return start_round (self, contract_id, 0, route, error);
}

static SignetAuditAction
amendment_audit_action (SignetProcessAction action)
{
  switch (action)
    {
    case SIGNET_PROCESS_ACTION_APPROVE: return SIGNET_AUDIT_ACTION_APPROVE_AMENDMENT;
    case SIGNET_PROCESS_ACTION_RETURN:  return SIGNET_AUDIT_ACTION_RETURN_AMENDMENT;
    case SIGNET_PROCESS_ACTION_REJECT:  return SIGNET_AUDIT_ACTION_REJECT_AMENDMENT;
    default:                            g_return_val_if_reached (SIGNET_AUDIT_ACTION_UPDATE_AMENDMENT);
    }
}

static gboolean
set_amendment_state (SignetStore           *self,
                     gint64                 amendment_id,
                     SignetAmendmentState   state,
                     GError               **error)
{
  SignetDbStmt *stmt = _signet_store_statement (self, "UPDATE amendments SET state = ? WHERE id = ?", error);

  if (stmt == NULL)
    return FALSE;
  signet_db_bind_static_text (stmt, 1, signet_amendment_state_to_token (state));
  signet_db_bind_int64 (stmt, 2, amendment_id);

  return _signet_store_step_done (self, stmt, error);
}

static gboolean
decide_amendment (SignetWriteScope              *scope,
                  SignetContract                *contract,
                  const SignetAmendment         *amendment,
                  const SignetApprovalDecision  *decision,
                  GError                       **error)
{
  SignetStore *self = scope->store;
  g_autoptr(SignetApprovalStep) decided = NULL;
  g_autoptr(FieldList) before = g_array_new (FALSE, FALSE, sizeof (FieldText));
  g_autoptr(FieldList) after = g_array_new (FALSE, FALSE, sizeof (FieldText));
  SignetAmendmentState state = amendment->state;
  gboolean round_approved;

  if (amendment->state != SIGNET_AMENDMENT_IN_REVIEW)
    {
      g_set_error (error, SIGNET_PROCESS_ERROR, SIGNET_PROCESS_ERROR_NOT_ALLOWED,
                   _("The amendment %s is not in review."), amendment->number);
      return FALSE;
    }

  if (!decide_pending (self, amendment->contract_id, amendment->id, decision, &decided, &round_approved, error))
    return FALSE;

  if (decision->action == SIGNET_PROCESS_ACTION_RETURN)
    state = SIGNET_AMENDMENT_RETURNED;
  else if (decision->action == SIGNET_PROCESS_ACTION_REJECT)
    state = SIGNET_AMENDMENT_REJECTED;
  else if (round_approved)
    state = SIGNET_AMENDMENT_APPROVED;

  append_field (before, SIGNET_FIELD_AMENDMENT_NUMBER, NULL);
  append_field (after, SIGNET_FIELD_AMENDMENT_NUMBER, g_strdup (amendment->number));
  append_decision_fields (before, after, decided);

  /* Approved, its terms apply from its effective date: the key dates
   * follow them. */
  return set_amendment_state (self, amendment->id, state, error) &&
         _signet_store_events_refresh_contract (self, amendment->contract_id, error) &&
         _signet_write_scope_audit (scope, amendment_audit_action (decision->action), SIGNET_RECORD_CONTRACT,
                                    amendment->contract_id, signet_contract_get_number (contract), before, after,
                                    error);
}

gboolean
signet_store_decide_approval_step (SignetStore                   *self,
                                   gint64                         contract_id,
                                   gint64                         amendment_id,
                                   gint64                         expected_version,
                                   const SignetApprovalDecision  *decision,
                                   GError                       **error)
{
  g_auto(SignetWriteScope) scope = { 0 };
  g_autoptr(SignetContract) current = NULL;
  g_autoptr(SignetAmendment) amendment = NULL;
  const char *why = NULL;

  g_return_val_if_fail (SIGNET_IS_STORE (self), FALSE);
  g_return_val_if_fail (decision != NULL, FALSE);

  if (!_signet_write_scope_begin (&scope, self, error) ||
      !_signet_store_lock_row (self, "SELECT id FROM contracts WHERE id = ?1 FOR UPDATE", contract_id, error) ||
      !(current = signet_store_get_contract (self, contract_id, error)))
    return FALSE;

  if (amendment_id != 0)
    {
      if (!(amendment = signet_store_get_amendment (self, amendment_id, error)))
        return FALSE;
      if (amendment->contract_id != contract_id)
        {
          g_set_error (error, SIGNET_STORE_ERROR, SIGNET_STORE_ERROR_NOT_FOUND,
                       _("The amendment %s is not one of the contract’s."), amendment->number);
          return FALSE;
        }

      return decide_amendment (&scope, current, amendment, decision, error) &&
             _signet_write_scope_commit (&scope, error);
    }

  if (signet_contract_get_version (current) != expected_version)
    {
      g_set_error (error, SIGNET_STORE_ERROR, SIGNET_STORE_ERROR_CONFLICT,
                   _("The contract %s was changed elsewhere after you opened it. Nothing was recorded; "
                     "look at it again and repeat the action."),
                   signet_contract_get_number (current));
      return FALSE;
    }

  if (!signet_process_action_allowed (decision->action, current, &why))
    {
      g_set_error_literal (error, SIGNET_PROCESS_ERROR, SIGNET_PROCESS_ERROR_NOT_ALLOWED, why);
      return FALSE;
    }

  return decide_contract (&scope, current, decision, error) &&
         _signet_write_scope_commit (&scope, error);
}

/* Amendments */

gboolean
_signet_store_approvals_amendment_added (SignetStore      *self,
                                         SignetAmendment  *amendment,
                                         gint64            id,
                                         GError          **error)
{
  g_autoptr(SignetApprovalRoute) route = NULL;
  g_autoptr(GError) local_error = NULL;

  if (!(route = signet_store_select_amendment_route (self, amendment, &local_error)))
    {
      if (local_error == NULL)
        {
          amendment->state = SIGNET_AMENDMENT_APPROVED;
          return set_amendment_state (self, id, SIGNET_AMENDMENT_APPROVED, error);
        }
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  amendment->state = SIGNET_AMENDMENT_IN_REVIEW;

  return set_amendment_state (self, id, SIGNET_AMENDMENT_IN_REVIEW, error) &&
         start_round (self, amendment->contract_id, id, route, error);
}

gboolean
signet_store_submit_amendment (SignetStore  *self,
                               gint64        amendment_id,
                               GError      **error)
{
  g_auto(SignetWriteScope) scope = { 0 };
  g_autoptr(SignetAmendment) amendment = NULL;
  g_autoptr(SignetContract) contract = NULL;
  g_autoptr(SignetApprovalRoute) route = NULL;
  g_autoptr(FieldList) before = g_array_new (FALSE, FALSE, sizeof (FieldText));
  g_autoptr(FieldList) after = g_array_new (FALSE, FALSE, sizeof (FieldText));
  g_autoptr(GError) local_error = NULL;
  SignetAmendmentState state;

  g_return_val_if_fail (SIGNET_IS_STORE (self), FALSE);

  /* Its state is what is checked: locked first, as a version is. */
  if (!_signet_write_scope_begin (&scope, self, error) ||
      !_signet_store_lock_row (self, "SELECT id FROM amendments WHERE id = ?1 FOR UPDATE", amendment_id, error) ||
      !(amendment = signet_store_get_amendment (self, amendment_id, error)) ||
      !(contract = signet_store_get_contract (self, amendment->contract_id, error)))
    return FALSE;

  if (amendment->state != SIGNET_AMENDMENT_RETURNED)
    {
      g_set_error (error, SIGNET_PROCESS_ERROR, SIGNET_PROCESS_ERROR_NOT_ALLOWED,
                   _("Only a returned amendment is submitted again; %s is not."), amendment->number);
      return FALSE;
    }

  route = signet_store_select_amendment_route (self, amendment, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  /* No rule applies any more: it is in effect at once, as one added now. */
  state = route != NULL ? SIGNET_AMENDMENT_IN_REVIEW : SIGNET_AMENDMENT_APPROVED;
  append_field (before, SIGNET_FIELD_AMENDMENT_NUMBER, NULL);
  append_field (after, SIGNET_FIELD_AMENDMENT_NUMBER, g_strdup (amendment->number));

  return set_amendment_state (self, amendment_id, state, error) &&
         (route == NULL || start_round (self, amendment->contract_id, amendment_id, route, error)) &&
         _signet_store_events_refresh_contract (self, amendment->contract_id, error) &&
         _signet_write_scope_audit (&scope, SIGNET_AUDIT_ACTION_SUBMIT_AMENDMENT, SIGNET_RECORD_CONTRACT,
                                    amendment->contract_id, signet_contract_get_number (contract), before, after,
                                    error) &&
         _signet_write_scope_commit (&scope, error);
}

/* Import */

/* The state an amendment's last round of @steps (of one amendment, by
 * round and position) leaves it in. */
static SignetAmendmentState
state_after_round (GPtrArray *steps,
                   gint64     amendment_id)
{
  SignetAmendmentState state = SIGNET_AMENDMENT_APPROVED;
  guint last_round = 0;

  for (guint i = 0; i < steps->len; i++)
    {
      const SignetApprovalStep *step = g_ptr_array_index (steps, i);

      if (step->amendment_id == amendment_id)
        last_round = MAX (last_round, step->round);
    }

  for (guint i = 0; i < steps->len; i++)
    {
      const SignetApprovalStep *step = g_ptr_array_index (steps, i);

      if (step->amendment_id != amendment_id || step->round != last_round)
        continue;

      if (step->state == SIGNET_STEP_PENDING || step->state == SIGNET_STEP_WAITING)
        return SIGNET_AMENDMENT_IN_REVIEW;
      if (step->state == SIGNET_STEP_RETURNED)
        state = SIGNET_AMENDMENT_RETURNED;
      else if (step->state == SIGNET_STEP_REJECTED)
        state = SIGNET_AMENDMENT_REJECTED;
    }

  return state;
}

gboolean
signet_store_put_approval_steps (SignetStore  *self,
                                 gint64        contract_id,
                                 GPtrArray    *steps,
                                 GError      **error)
{
  g_auto(SignetWriteScope) scope = { 0 };
  g_autoptr(GHashTable) amendments = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  GHashTableIter iter;
  gpointer key;
  SignetDbStmt *stmt;

  g_return_val_if_fail (SIGNET_IS_STORE (self), FALSE);
  g_return_val_if_fail (steps != NULL, FALSE);

  if (!_signet_write_scope_begin (&scope, self, error))
    return FALSE;

  stmt = _signet_store_statement (self,
                                  "DELETE FROM approval_steps WHERE contract_id = ?1 AND (amendment_id = 0 OR "
                                  "amendment_id IN (SELECT id FROM amendments WHERE contract_id = ?1))", error);
  if (stmt == NULL)
    return FALSE;
  signet_db_bind_int64 (stmt, 1, contract_id);
  if (!_signet_store_step_done (self, stmt, error))
    return FALSE;

  for (guint i = 0; i < steps->len; i++)
    {
      const SignetApprovalStep *step = g_ptr_array_index (steps, i);

      g_return_val_if_fail (step->contract_id == contract_id, FALSE);

      stmt = _signet_store_statement (self,
                                      "INSERT INTO approval_steps (contract_id, amendment_id, round, position, name, "
                                      "person_id, person_name, role, due_days, due_date, state, decided_by_id, "
                                      "decided_by, recorded_by, decided_at, opinion, attachment_id) "
                                      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", error);
      if (stmt == NULL)
        return FALSE;
      signet_db_bind_int64 (stmt, 1, contract_id);
      signet_db_bind_int64 (stmt, 2, step->amendment_id);
      signet_db_bind_int64 (stmt, 3, MAX (step->round, 1));
      signet_db_bind_int64 (stmt, 4, step->position);
      signet_db_bind_static_text (stmt, 5, step->name != NULL ? step->name : "");
      if (step->person_id > 0)
        signet_db_bind_int64 (stmt, 6, step->person_id);
      _signet_store_bind_static_text (stmt, 7, step->person_name);
      _signet_store_bind_static_text (stmt, 8, step->role);
      signet_db_bind_int64 (stmt, 9, MAX (step->due_days, 1));
      _signet_store_bind_static_text (stmt, 10, step->due_date);
      signet_db_bind_static_text (stmt, 11, signet_step_state_to_token (step->state));
      if (step->decided_by_id > 0)
        signet_db_bind_int64 (stmt, 12, step->decided_by_id);
      _signet_store_bind_static_text (stmt, 13, step->decided_by);
      _signet_store_bind_static_text (stmt, 14, step->recorded_by);
      _signet_store_bind_static_text (stmt, 15, step->decided_at);
      _signet_store_bind_static_text (stmt, 16, step->opinion);
      if (step->attachment_id > 0)
        signet_db_bind_int64 (stmt, 17, step->attachment_id);
      if (!_signet_store_step_done (self, stmt, error))
        return FALSE;

      if (step->amendment_id != 0)
        g_hash_table_add (amendments, g_memdup2 (&step->amendment_id, sizeof (gint64)));
    }

  g_hash_table_iter_init (&iter, amendments);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (!set_amendment_state (self, *(gint64 *) key, state_after_round (steps, *(gint64 *) key), error))
      return FALSE;

  /* Like an imported process event, the steps are history the contract
   * brings: no audit entry, a change of its fields for the views. */
  _signet_write_scope_add_change (&scope, SIGNET_RECORD_CONTRACT, contract_id, SIGNET_CHANGE_UPDATED,
                                  SIGNET_STORE_CHANGED_FIELDS);

  return _signet_store_events_refresh_contract (self, contract_id, error) &&
         _signet_write_scope_commit (&scope, error);
}

gboolean
signet_store_import_amendment_state (SignetStore           *self,
                                     gint64                 amendment_id,
                                     SignetAmendmentState   state,
                                     GError               **error)
{
  g_auto(SignetWriteScope) scope = { 0 };
  g_autoptr(SignetAmendment) amendment = NULL;
  SignetDbStmt *stmt;

  g_return_val_if_fail (SIGNET_IS_STORE (self), FALSE);

  if (!_signet_write_scope_begin (&scope, self, error) ||
      !(amendment = signet_store_get_amendment (self, amendment_id, error)))
    return FALSE;

  /* The round a rule of this register gave the amendment as it was added
   * is not the file's: its own steps, if any, come after. */
  stmt = _signet_store_statement (self, "DELETE FROM approval_steps WHERE amendment_id = ?", error);
  if (stmt == NULL)
    return FALSE;
  signet_db_bind_int64 (stmt, 1, amendment_id);
  if (!_signet_store_step_done (self, stmt, error) ||
      !set_amendment_state (self, amendment_id, state, error) ||
      !_signet_store_events_refresh_contract (self, amendment->contract_id, error))
    return FALSE;

  _signet_write_scope_add_change (&scope, SIGNET_RECORD_CONTRACT, amendment->contract_id, SIGNET_CHANGE_UPDATED,
                                  SIGNET_STORE_CHANGED_AMENDMENTS);

  return _signet_write_scope_commit (&scope, error);
}
