/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "signet-approval.h"
#include "signet-store.h"

G_BEGIN_DECLS

/* A team register's people and what each may do (docs/team-register.md).
 *
 * The server enforces it: signet_store_setup_team() makes the group roles
 * signet_reader, signet_editor, signet_approver, signet_archivist and
 * signet_administrator, grants each what it may read and write, turns on
 * row-level security (a contract is seen by its department, a confidential
 * one only by the people named on it) and lets only a step's approver
 * decide it. A database user acts as the person whose "database user"
 * (people.db_user, migration 24) is that user: the audit, approvals, loans
 * and payments record that person's name.
 *
 * A register in a file has one user, who may do everything. */

/* The roles, each with what the one before it may do, except that an
 * archivist edits no contract: a reader reads; an editor writes contracts,
 * clients and their records; an approver also decides the approval steps
 * named for them; an archivist reads and records paper originals and
 * loans; an administrator does all of it, and edits people and settings. */
typedef enum
{
  SIGNET_STORE_ROLE_READER,
  SIGNET_STORE_ROLE_EDITOR,
  SIGNET_STORE_ROLE_APPROVER,
  SIGNET_STORE_ROLE_ARCHIVIST,
  SIGNET_STORE_ROLE_ADMINISTRATOR,
} SignetStoreRole;

/* The role's token on the command line ("reader", ...) and back; FALSE
 * for a word that names none. */
const char     *signet_store_role_to_token   (SignetStoreRole   role);
gboolean        signet_store_role_from_token (const char       *token,
                                              SignetStoreRole  *role);

/* The connected user's role: on a server the highest the database user
 * holds (the register's owner is an administrator), in a file always
 * SIGNET_STORE_ROLE_ADMINISTRATOR. Read once when the store opens. */
SignetStoreRole signet_store_get_role        (SignetStore      *self);
/* Whether the user may change contracts, clients and their records: the
 * window shows its Edit buttons only then. FALSE for a reader, an
 * archivist and a store opened for reading only. */
gboolean        signet_store_can_edit        (SignetStore      *self);
/* Whether the user may change the register's settings: its people,
 * contract types, approval routes and exchange rates. An administrator's
 * (always so in a file) unless the store was opened for reading only. */
gboolean        signet_store_can_edit_settings (SignetStore    *self);
/* Whether the user may decide @step, a pending approval step, as the
 * server lets them (docs/team-register.md, Approvals): an administrator
 * (always so in a file) records anyone's decision; an approver decides
 * the step that names them, or for a role step one of their role in
 * People. The window offers the decisions only then. */
gboolean        signet_store_may_decide_step (SignetStore      *self,
                                              const SignetApprovalStep *step);
/* The name the audit records as the one who acts: on a server, the
 * person linked to the database user; in a file, or for a login linked
 * to no one (the register's owner), the account's login name. */
const char     *signet_store_get_acting_name (SignetStore      *self);

/* `signet --setup-server=URI`, by the register's owner: makes the
 * register at @uri if the database holds none, brings it to this
 * version's schema, and makes or refreshes the roles, their grants, the
 * row-level security and the approvers' check. Run again after an
 * upgrade of Signet. */
gboolean        signet_store_setup_team      (const char       *uri,
                                              GError          **error);
/* On a register set up so: the database login @db_user (made, without a
 * password, if it does not exist) gets @role only, and becomes the person
 * named @person_name (added to People, in @department when given, if no
 * one has that name; else given that department when one is given).
 * Another person linked to @db_user is unlinked. */
gboolean        signet_store_add_team_user   (SignetStore      *self,
                                              const char       *db_user,
                                              SignetStoreRole   role,
                                              const char       *person_name,
                                              const char       *department,
                                              GError          **error);

G_END_DECLS
