/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "signet-store"

#include "config.h"

#include <glib/gi18n.h>

#include "signet-store-approvals.h"
#include "signet-store-private.h"

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
