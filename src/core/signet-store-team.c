/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "signet-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "signet-store-people.h"
#include "signet-store-private.h"
#include "signet-store-team.h"

/* A team register's roles and what the server enforces (see
 * signet-store-team.h and docs/team-register.md).
 *
 * Everything here but migration 24 is PostgreSQL's alone and made by
 * signet_store_setup_team(), not by a migration: roles belong to the
 * whole server, and only the register's owner may grant on its tables.
 * The owner bypasses row-level security, as the owner of a table does on
 * PostgreSQL: setting up, migrating and the store's own tests see every
 * row.
 *
 * The policies run once per row a query reads, so what they ask of the
 * session (who it is, its department, whether it sees everything, the
 * contracts it is an approver of) comes from STABLE functions called in
 * scalar subqueries, which the server evaluates once per query; the row
 * itself is only compared with those values. The functions are SECURITY
 * DEFINER: they read people and approval_steps as the owner, past the
 * policies, and so cannot recurse into them. */

/* Migration 24, on both engines: the database user each person is, and
 * whether a contract is confidential, with the indexes the policies use.
 * A file ignores both; copied to a server they are kept. */
gboolean
_signet_store_migrate_team (SignetStore  *self,
                            GError      **error)
{
  return _signet_store_exec (self,
                             _signet_store_sql (self,
                                                "ALTER TABLE people ADD COLUMN db_user TEXT;",
                                                "ALTER TABLE people ADD COLUMN db_user text COLLATE \"C\";"),
                             error) &&
         _signet_store_exec (self,
                             _signet_store_sql (self,
                                                "ALTER TABLE contracts ADD COLUMN confidential INTEGER NOT NULL DEFAULT 0 "
                                                "CHECK (confidential IN (0, 1));",
                                                "ALTER TABLE contracts ADD COLUMN confidential bigint NOT NULL DEFAULT 0 "
                                                "CHECK (confidential IN (0, 1));"),
                             error) &&
         _signet_store_exec (self,
                             "CREATE UNIQUE INDEX people_db_user ON people (db_user);"
                             "CREATE INDEX contracts_department ON contracts (department);"
                             "CREATE INDEX approval_steps_person ON approval_steps (person_id);",
                             error);
}

/* The migration that links people to database users. */
#define SIGNET_STORE_TEAM_VERSION 24

static const char * const role_tokens[] = {
  [SIGNET_STORE_ROLE_READER] = "reader",
  [SIGNET_STORE_ROLE_EDITOR] = "editor",
  [SIGNET_STORE_ROLE_APPROVER] = "approver",
  [SIGNET_STORE_ROLE_ARCHIVIST] = "archivist",
  [SIGNET_STORE_ROLE_ADMINISTRATOR] = "administrator",
};

/* The tables each role writes, besides what the roles it holds write. */
#define EDITOR_TABLES \
  "clients, contracts, blobs, attachments, attachment_versions, blob_text, annotations, key_dates, " \
  "reviews, reminder_settings, reminder_acks, contract_events, process_events, review_clauses, " \
  "amendments, approval_steps, renewals, notice_decisions, payments, payment_invoices, " \
  "payment_settlements, obligations, obligation_occurrences, risks, risk_level_choices, " \
  "review_actions, saved_views, import_mappings"
#define ARCHIVIST_TABLES "originals, loans, contract_events"
#define ADMINISTRATOR_TABLES \
  "people, contract_types, contract_type_key_dates, contract_type_clauses, approval_routes, " \
  "approval_route_steps, approval_rules, exchange_rates, search_icu"

/* The tables whose rows belong to one contract (their contract_id): each
 * row is seen by whoever sees its contract. */
static const char * const contract_rows[] = {
  "attachments", "key_dates", "reviews", "reminder_settings", "reminder_acks", "contract_events",
  "process_events", "amendments", "approval_steps", "notice_decisions", "payments", "obligations",
  "risks", "risk_level_choices", "originals", "loans",
};

/* The tables whose rows belong to a contract through another row of it:
 * each row is seen by whoever sees the row it belongs to (@parent, found
 * by its key @key from the row's @column), whose own policy goes on to
 * the contract. The parent is always there while its rows are: the store
 * deletes them before it and puts it back before them. A file's bytes and
 * their text are blobs' (see setup_sql). */
static const struct
{
  const char *table;
  const char *column;
  const char *parent;
  const char *key;
} deeper_rows[] = {
  { "attachment_versions", "attachment_id", "attachments", "id" },
  { "annotations", "version_id", "attachment_versions", "id" },
  { "blob_text", "sha256", "blobs", "sha256" },
  { "review_clauses", "review_id", "reviews", "id" },
  { "review_actions", "review_id", "reviews", "id" },
  { "payment_invoices", "payment_id", "payments", "id" },
  { "payment_settlements", "payment_id", "payments", "id" },
  { "obligation_occurrences", "obligation_id", "obligations", "id" },
};

static const char setup_sql[] =
  /* The group roles, made once for the server: other registers on it
   * share them. Nobody logs in as one. */
  "DO $$"
  " DECLARE r text;"
  " BEGIN"
  "   FOREACH r IN ARRAY ARRAY['signet_reader', 'signet_editor', 'signet_approver',"
  "                            'signet_archivist', 'signet_administrator'] LOOP"
  "     IF NOT EXISTS (SELECT 1 FROM pg_catalog.pg_roles WHERE rolname = r) THEN"
  "       EXECUTE format ('CREATE ROLE %I NOLOGIN', r);"
  "     END IF;"
  "   END LOOP;"
  /* Each role holds the ones below it. Granted only when missing: the
   * owner of another register on the server may not grant them again. */
  "   FOREACH r IN ARRAY ARRAY['signet_reader signet_editor', 'signet_reader signet_archivist',"
  "                            'signet_editor signet_approver', 'signet_approver signet_administrator',"
  "                            'signet_archivist signet_administrator'] LOOP"
  "     IF NOT pg_has_role (split_part (r, ' ', 2), split_part (r, ' ', 1), 'MEMBER') THEN"
  "       EXECUTE format ('GRANT %I TO %I', split_part (r, ' ', 1), split_part (r, ' ', 2));"
  "     END IF;"
  "   END LOOP;"
  "   EXECUTE format ('GRANT CONNECT, TEMPORARY ON DATABASE %I TO signet_reader', current_database ());"
  "   EXECUTE format ('GRANT USAGE ON SCHEMA %I TO signet_reader', current_schema ());"
  /* The policies make the plans of queries that read many rows look
   * dear, and the server compiles those (JIT) for longer than they run:
   * searching the text of 200,000 files as a reader took 4.0 s so,
   * 0.5 s without. */
  "   EXECUTE format ('ALTER DATABASE %I SET jit = off', current_database ());"
  " END $$;"

  /* Who the session is: the person whose db_user is the login, and that
   * person's department. */
  "CREATE OR REPLACE FUNCTION signet_session_person () RETURNS bigint"
  "  LANGUAGE sql STABLE SECURITY DEFINER SET search_path FROM CURRENT"
  "  RETURN (SELECT id FROM people WHERE db_user = session_user);"
  "CREATE OR REPLACE FUNCTION signet_session_department () RETURNS text"
  "  LANGUAGE sql STABLE SECURITY DEFINER SET search_path FROM CURRENT"
  "  RETURN (SELECT department FROM people WHERE db_user = session_user);"
  "CREATE OR REPLACE FUNCTION signet_session_sees_all () RETURNS boolean"
  "  LANGUAGE sql STABLE SET search_path FROM CURRENT"
  "  RETURN pg_has_role (session_user, 'signet_administrator', 'MEMBER');"
  /* The contracts whose approval names the session's person. */
  "CREATE OR REPLACE FUNCTION signet_session_approvals () RETURNS bigint[]"
  "  LANGUAGE sql STABLE SECURITY DEFINER SET search_path FROM CURRENT"
  "  RETURN (SELECT coalesce (array_agg (DISTINCT contract_id), '{}') FROM approval_steps"
  "          WHERE person_id = (SELECT id FROM people WHERE db_user = session_user));"
  /* Every contract's id, past the policies (a view reads its tables as
   * its owner, whom they do not bind): a row whose contract was deleted
   * stays visible, so that the contract's rows the store deletes or
   * keeps for Undo after it are found. A view rather than a function, so
   * that the server looks rows up in it as a join, not a call per row:
   * counting the 200,000 key dates of 200,000 contracts as an editor of
   * one department in ten took 305 ms so, against 615 ms with a function
   * (and 10 ms as the owner, whom the policies do not bind). */
  "CREATE OR REPLACE VIEW signet_contract_ids AS SELECT id FROM contracts;"
  /* The files no version names: those of deleted attachments, kept for
   * Undo until purged. As signet_contract_ids, past the policies, and
   * only their SHA-256s. */
  "CREATE OR REPLACE VIEW signet_unnamed_blobs AS SELECT sha256 FROM blobs b"
  "  WHERE NOT EXISTS (SELECT 1 FROM attachment_versions v WHERE v.sha256 = b.sha256);"

  /* A file's bytes are seen by whoever sees an attachment version naming
   * them (one file may be attached to several contracts), and those no
   * version names by everyone, as the rows of a deleted contract are: the
   * store that purges them must find them. A new file is stored before
   * the version naming it, so an editor may add any. One the editor
   * cannot see may be stored already, under a confidential contract: the
   * store, finding none, adds it again, which the server takes as done
   * rather than refuse the primary key. */
  "ALTER TABLE blobs ENABLE ROW LEVEL SECURITY;"
  "DROP POLICY IF EXISTS signet_visible ON blobs;"
  "CREATE POLICY signet_visible ON blobs USING ("
  "  EXISTS (SELECT 1 FROM attachment_versions v WHERE v.sha256 = blobs.sha256)"
  "  OR EXISTS (SELECT 1 FROM signet_unnamed_blobs u WHERE u.sha256 = blobs.sha256));"
  "DROP POLICY IF EXISTS signet_insert ON blobs;"
  "CREATE POLICY signet_insert ON blobs FOR INSERT WITH CHECK (true);"
  "CREATE OR REPLACE FUNCTION signet_skip_stored_blob () RETURNS trigger"
  "  LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT AS $$"
  " BEGIN"
  "   IF EXISTS (SELECT 1 FROM blobs WHERE sha256 = NEW.sha256) THEN"
  "     RETURN NULL;"
  "   END IF;"
  "   RETURN NEW;"
  " END $$;"
  "DROP TRIGGER IF EXISTS blobs_skip_stored ON blobs;"
  "CREATE TRIGGER blobs_skip_stored BEFORE INSERT ON blobs FOR EACH ROW EXECUTE FUNCTION signet_skip_stored_blob ();"

  /* A renewal links two contracts: it is seen by whoever sees both (or
   * where one was deleted, the other), as the store shows a link only
   * between contracts it finds. */
  "ALTER TABLE renewals ENABLE ROW LEVEL SECURITY;"
  "DROP POLICY IF EXISTS signet_visible ON renewals;"
  "CREATE POLICY signet_visible ON renewals USING ("
  "  (EXISTS (SELECT 1 FROM contracts c WHERE c.id = renewals.predecessor_id)"
  "   OR NOT EXISTS (SELECT 1 FROM signet_contract_ids a WHERE a.id = renewals.predecessor_id))"
  "  AND (EXISTS (SELECT 1 FROM contracts c WHERE c.id = renewals.successor_id)"
  "       OR NOT EXISTS (SELECT 1 FROM signet_contract_ids a WHERE a.id = renewals.successor_id)));"

  /* A decision on an approval step is its approver's: the person the
   * step names, or for a role step someone with that role. The owner and
   * administrators may record anyone's (a decision made on paper). A
   * refusal has its own SQLSTATE and its message is who may decide, so
   * that the app names them rather than blaming the user's role. */
  "CREATE OR REPLACE FUNCTION signet_check_approver () RETURNS trigger"
  "  LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT AS $$"
  " DECLARE"
  "   me people%ROWTYPE;"
  " BEGIN"
  "   IF pg_has_role (session_user, 'signet_administrator', 'MEMBER')"
  "      OR pg_has_role (session_user, (SELECT relowner FROM pg_class WHERE oid = TG_RELID), 'MEMBER') THEN"
  "     RETURN NEW;"
  "   END IF;"
  "   SELECT * INTO me FROM people WHERE db_user = session_user;"
  "   IF me.id IS NULL OR NOT pg_has_role (session_user, 'signet_approver', 'MEMBER')"
  "      OR NOT (OLD.person_id = me.id"
  "              OR (OLD.person_id IS NULL AND lower (btrim (OLD.role)) = lower (btrim (me.role)))) THEN"
  "     RAISE EXCEPTION USING ERRCODE = 'SGA01', MESSAGE = coalesce ("
  "       (SELECT name FROM people WHERE id = OLD.person_id), OLD.person_name, OLD.role, OLD.name);"
  "   END IF;"
  "   NEW.decided_by_id := me.id;"
  "   NEW.decided_by := me.name;"
  "   NEW.recorded_by := me.name;"
  "   RETURN NEW;"
  " END $$;"
  "DROP TRIGGER IF EXISTS approval_steps_approver ON approval_steps;"
  "CREATE TRIGGER approval_steps_approver BEFORE UPDATE OF state ON approval_steps FOR EACH ROW"
  "  WHEN (NEW.state IN ('approved', 'returned', 'rejected') AND NEW.state IS DISTINCT FROM OLD.state)"
  "  EXECUTE FUNCTION signet_check_approver ();"

  /* A contract is seen by administrators, its owner, the approvers it
   * names, and, unless confidential, by its department (everyone when it
   * has none). What an editor writes must stay within that. */
  "ALTER TABLE contracts ENABLE ROW LEVEL SECURITY;"
  "DROP POLICY IF EXISTS signet_visible ON contracts;"
  "CREATE POLICY signet_visible ON contracts USING ("
  "  (SELECT signet_session_sees_all ())"
  "  OR owner_id = (SELECT signet_session_person ())"
  "  OR id = ANY (coalesce ((SELECT signet_session_approvals ()), '{}'))"
  "  OR (confidential = 0 AND (department IS NULL OR department = (SELECT signet_session_department ()))));"

  "REVOKE ALL ON ALL TABLES IN SCHEMA public FROM signet_reader, signet_editor, signet_approver,"
  "  signet_archivist, signet_administrator;";

/* The grants, by table lists, and each contract row's policy. */
static char *
dup_grants_sql (void)
{
  GString *sql = g_string_new (NULL);

  g_string_append (sql,
                   "GRANT SELECT ON ALL TABLES IN SCHEMA public TO signet_reader;"
                   "GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO signet_editor, signet_archivist;"
                   "GRANT INSERT ON audit TO signet_editor, signet_archivist;"
                   "GRANT INSERT, UPDATE, DELETE ON " EDITOR_TABLES " TO signet_editor;"
                   "GRANT INSERT, UPDATE, DELETE ON " ARCHIVIST_TABLES " TO signet_archivist;"
                   "GRANT INSERT, UPDATE, DELETE ON " ADMINISTRATOR_TABLES " TO signet_administrator;");

  for (guint i = 0; i < G_N_ELEMENTS (contract_rows); i++)
    g_string_append_printf (sql,
                            "ALTER TABLE %1$s ENABLE ROW LEVEL SECURITY;"
                            "DROP POLICY IF EXISTS signet_visible ON %1$s;"
                            "CREATE POLICY signet_visible ON %1$s USING ("
                            "  EXISTS (SELECT 1 FROM contracts c WHERE c.id = %1$s.contract_id)"
                            "  OR NOT EXISTS (SELECT 1 FROM signet_contract_ids a WHERE a.id = %1$s.contract_id));",
                            contract_rows[i]);

  for (guint i = 0; i < G_N_ELEMENTS (deeper_rows); i++)
    g_string_append_printf (sql,
                            "ALTER TABLE %1$s ENABLE ROW LEVEL SECURITY;"
                            "DROP POLICY IF EXISTS signet_visible ON %1$s;"
                            "CREATE POLICY signet_visible ON %1$s USING ("
                            "  EXISTS (SELECT 1 FROM %3$s p WHERE p.%4$s = %1$s.%2$s));",
                            deeper_rows[i].table, deeper_rows[i].column, deeper_rows[i].parent,
                            deeper_rows[i].key);

  /* A contract's entries in the audit, its rows' included (a payment's,
   * a loan's, an amendment's: the store records them as the contract's,
   * under its id and number), are seen with it. The entries of clients,
   * people and the settings are not filtered. */
  g_string_append (sql,
                   "ALTER TABLE audit ENABLE ROW LEVEL SECURITY;"
                   "DROP POLICY IF EXISTS signet_visible ON audit;"
                   "CREATE POLICY signet_visible ON audit USING ("
                   "  record_kind <> 'contract'"
                   "  OR EXISTS (SELECT 1 FROM contracts c WHERE c.id = audit.record_id)"
                   "  OR NOT EXISTS (SELECT 1 FROM signet_contract_ids a WHERE a.id = audit.record_id));");

  return g_string_free (sql, FALSE);
}

/* The grants name the schema "public": the register's tables are made in
 * the schema first on the owner's search_path, which a new database's
 * owner has as public. Another schema is refused rather than half
 * protected. */
static gboolean
check_schema (SignetStore  *self,
              GError      **error)
{
  gint64 in_public = _signet_store_query_int64 (self, "SELECT CAST (current_schema () = 'public' AS integer)", error);

  if (in_public < 0)
    return FALSE;
  if (in_public == 0)
    {
      g_set_error (error, SIGNET_STORE_ERROR, SIGNET_STORE_ERROR_FAILED,
                   _("The register at “%s” is not in the schema “public”; a team register must be. "
                     "Nothing was changed."), self->path);
      return FALSE;
    }
  return TRUE;
}

/* Who the session is and what it may do, read once at open, on a
 * register at @version: one older than migration 24 (the tests of
 * migrations) links no one. */
gboolean
_signet_store_team_read_session (SignetStore  *self,
                                 int           version,
                                 GError      **error)
{
  SignetDbStmt *stmt;
  gboolean owner, editor;
  const char *roles;
  int rc;

  if (version < SIGNET_STORE_TEAM_VERSION)
    return TRUE;

  stmt = _signet_store_statement (self,
                                  "SELECT (SELECT name FROM people WHERE db_user = session_user), "
                                  "CAST (pg_has_role (session_user, (SELECT relowner FROM pg_class "
                                  "  WHERE oid = CAST ('contracts' AS regclass)), 'MEMBER') AS integer), "
                                  "(SELECT ' ' || string_agg (rolname, ' ') || ' ' FROM pg_roles "
                                  "  WHERE rolname LIKE 'signet\\_%' AND pg_has_role (session_user, oid, 'MEMBER'))",
                                  error);
  if (stmt == NULL)
    return FALSE;

  rc = signet_db_step (stmt);
  if (rc != SIGNET_DB_ROW)
    {
      signet_db_reset (stmt);
      return _signet_store_set_error (self, rc, error);
    }

  /* A login linked to no one (the owner's) is recorded as in a file. */
  g_free (self->acting_name);
  self->acting_name = _signet_store_dup_text (stmt, 0);
  owner = signet_db_column_int (stmt, 1) != 0;
  roles = signet_db_column_text (stmt, 2);
  if (roles == NULL)
    roles = "";

  editor = owner || strstr (roles, " signet_editor ") != NULL;
  if (owner || strstr (roles, " signet_administrator ") != NULL)
    self->role = SIGNET_STORE_ROLE_ADMINISTRATOR;
  else if (strstr (roles, " signet_approver ") != NULL)
    self->role = SIGNET_STORE_ROLE_APPROVER;
  else if (strstr (roles, " signet_archivist ") != NULL)
    self->role = SIGNET_STORE_ROLE_ARCHIVIST;
  else if (editor)
    self->role = SIGNET_STORE_ROLE_EDITOR;
  else
    self->role = SIGNET_STORE_ROLE_READER;
  self->may_edit = editor;
  signet_db_reset (stmt);

  return TRUE;
}

/* Only the register's owner may change its schema: anyone else opening a
 * register of an older version is told so before a migration fails on
 * the first table it may not alter. */
gboolean
_signet_store_team_check_upgrade (SignetStore  *self,
                                  GError      **error)
{
  gint64 owner = _signet_store_query_int64 (self,
                                            "SELECT CAST (pg_has_role (session_user, (SELECT relowner FROM pg_class "
                                            "  WHERE oid = CAST ('contracts' AS regclass)), 'MEMBER') AS integer)",
                                            error);

  if (owner < 0)
    return FALSE;
  if (owner == 0)
    {
      g_set_error (error, SIGNET_STORE_ERROR, SIGNET_STORE_ERROR_READ_ONLY,
                   _("The register at “%s” is of an older version. Its owner must upgrade it first, "
                     "with signet --setup-server. Nothing was changed."),
                   self->path);
      return FALSE;
    }
  return TRUE;
}

/* The role's name as the user reads it. */
static const char *
role_label (SignetStoreRole role)
{
  switch (role)
    {
    case SIGNET_STORE_ROLE_READER:        return C_("team role", "reader");
    case SIGNET_STORE_ROLE_EDITOR:        return C_("team role", "editor");
    case SIGNET_STORE_ROLE_APPROVER:      return C_("team role", "approver");
    case SIGNET_STORE_ROLE_ARCHIVIST:     return C_("team role", "archivist");
    case SIGNET_STORE_ROLE_ADMINISTRATOR: return C_("team role", "administrator");
    default: g_assert_not_reached ();
    }
}

gboolean
_signet_store_team_set_refused (SignetStore  *self,
                                GError      **error)
{
  if (signet_db_errcode (self->db) == SIGNET_DB_AUTH_APPROVER)
    {
      /* Translators: %s is who may decide: a person's name, or for a step
       * of a role the role (部门负责人). */
      g_set_error (error, SIGNET_STORE_ERROR, SIGNET_STORE_ERROR_READ_ONLY,
                   _("Only %s can decide this step. Nothing was changed."),
                   signet_db_errmsg (self->db));
      return FALSE;
    }

  /* Translators: the first %s is a role (reader, editor, ...); the second
   * the server's words, in English. */
  g_set_error (error, SIGNET_STORE_ERROR, SIGNET_STORE_ERROR_READ_ONLY,
               _("Your role in this team register (%s) does not allow this change. Nothing was "
                 "changed; an administrator can give you another role. The server said: %s"),
               role_label (self->role), signet_db_errmsg (self->db));
  return FALSE;
}

const char *
_signet_store_user_name (SignetStore *self)
{
  return self->acting_name != NULL ? self->acting_name : g_get_user_name ();
}

const char *
_signet_store_person_name (SignetStore *self)
{
  return self->acting_name != NULL ? self->acting_name : _signet_store_user_display_name ();
}

const char *
signet_store_role_to_token (SignetStoreRole role)
{
  g_return_val_if_fail (role <= SIGNET_STORE_ROLE_ADMINISTRATOR, NULL);

  return role_tokens[role];
}

gboolean
signet_store_role_from_token (const char      *token,
                              SignetStoreRole *role)
{
  g_return_val_if_fail (role != NULL, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (role_tokens) && token != NULL; i++)
    if (g_ascii_strcasecmp (token, role_tokens[i]) == 0)
      {
        *role = i;
        return TRUE;
      }
  return FALSE;
}

SignetStoreRole
signet_store_get_role (SignetStore *self)
{
  g_return_val_if_fail (SIGNET_IS_STORE (self), SIGNET_STORE_ROLE_READER);

  return self->role;
}

gboolean
signet_store_may_decide_step (SignetStore              *self,
                              const SignetApprovalStep *step)
{
  g_autoptr(SignetPerson) me = NULL;
  g_autofree char *role = NULL;
  g_autofree char *my_role = NULL;

  g_return_val_if_fail (SIGNET_IS_STORE (self), FALSE);
  g_return_val_if_fail (step != NULL, FALSE);

  if (self->role == SIGNET_STORE_ROLE_ADMINISTRATOR)
    return TRUE;
  if (self->role != SIGNET_STORE_ROLE_APPROVER)
    return FALSE;

  me = signet_store_find_person (self, signet_store_get_acting_name (self), NULL);
  if (me == NULL)
    return FALSE;
  if (step->person_id != 0)
    return step->person_id == signet_person_get_id (me);
  if (step->role == NULL || signet_person_get_role (me) == NULL)
    return FALSE;
  /* As the server compares them (signet_check_approver): spaces around
   * and case aside. */
  role = g_utf8_casefold (g_strstrip (g_strdup (step->role)), -1);
  my_role = g_utf8_casefold (g_strstrip (g_strdup (signet_person_get_role (me))), -1);
  return g_strcmp0 (role, my_role) == 0;
}

gboolean
signet_store_can_edit (SignetStore *self)
{
  g_return_val_if_fail (SIGNET_IS_STORE (self), FALSE);

  return self->may_edit && !self->read_only;
}

gboolean
signet_store_can_edit_settings (SignetStore *self)
{
  g_return_val_if_fail (SIGNET_IS_STORE (self), FALSE);

  return signet_store_can_edit (self) && self->role == SIGNET_STORE_ROLE_ADMINISTRATOR;
}

const char *
signet_store_get_acting_name (SignetStore *self)
{
  g_return_val_if_fail (SIGNET_IS_STORE (self), NULL);

  return _signet_store_user_name (self);
}

gboolean
signet_store_setup_team (const char  *uri,
                         GError     **error)
{
  g_autoptr(SignetStore) store = NULL;
  g_autofree char *grants = NULL;

  g_return_val_if_fail (uri != NULL, FALSE);

  if (!_signet_store_is_server_location (uri))
    {
      g_set_error (error, SIGNET_STORE_ERROR, SIGNET_STORE_ERROR_OPEN,
                   _("“%s” is not the address of a PostgreSQL server: it begins with postgresql://."), uri);
      return FALSE;
    }

  store = signet_store_open (uri, SIGNET_STORE_OPEN_CREATE, error);
  if (store == NULL || !check_schema (store, error))
    return FALSE;

  if (store->role != SIGNET_STORE_ROLE_ADMINISTRATOR)
    {
      g_set_error (error, SIGNET_STORE_ERROR, SIGNET_STORE_ERROR_READ_ONLY,
                   _("Only the owner of the register at “%s” can set it up. Nothing was changed."), uri);
      return FALSE;
    }

  grants = dup_grants_sql ();
  if (!_signet_store_exec (store, "BEGIN", error))
    return FALSE;
  if (!_signet_store_exec (store, setup_sql, error) ||
      !_signet_store_exec (store, grants, error) ||
      !_signet_store_exec (store, "COMMIT", error))
    {
      _signet_store_exec (store, "ROLLBACK", NULL);
      g_prefix_error (error, _("Could not set up the team register: "));
      return FALSE;
    }

  return TRUE;
}

/* @name as an SQL identifier, quoted. */
static char *
quote_identifier (const char *name)
{
  GString *quoted = g_string_new ("\"");

  for (const char *p = name; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (quoted, '"');
      g_string_append_c (quoted, *p);
    }
  g_string_append_c (quoted, '"');

  return g_string_free (quoted, FALSE);
}

/* The person named @name, added or given @department. */
static SignetPerson *
ensure_person (SignetStore  *self,
               const char   *name,
               const char   *department,
               GError      **error)
{
  g_autoptr(SignetPerson) person = NULL;
  GError *local_error = NULL;

  person = signet_store_find_person (self, name, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return NULL;
    }

  if (person == NULL)
    {
      person = signet_person_new ();
      signet_person_set_name (person, name);
      signet_person_set_department (person, department);
      if (!signet_store_add_person (self, person, error))
        return NULL;
    }
  else if (department != NULL && g_strcmp0 (signet_person_get_department (person), department) != 0)
    {
      signet_person_set_department (person, department);
      if (!signet_store_update_person (self, person, error))
        return NULL;
    }

  return g_steal_pointer (&person);
}

gboolean
signet_store_add_team_user (SignetStore      *self,
                            const char       *db_user,
                            SignetStoreRole   role,
                            const char       *person_name,
                            const char       *department,
                            GError          **error)
{
  g_autoptr(SignetPerson) person = NULL;
  g_autofree char *user = NULL;
  g_autofree char *grant = NULL;
  SignetDbStmt *stmt;
  gint64 exists;
  int rc;

  g_return_val_if_fail (SIGNET_IS_STORE (self), FALSE);
  g_return_val_if_fail (db_user != NULL && *db_user != '\0', FALSE);
  g_return_val_if_fail (role <= SIGNET_STORE_ROLE_ADMINISTRATOR, FALSE);
  g_return_val_if_fail (person_name != NULL, FALSE);

  if (self->sqlite != NULL)
    {
      g_set_error (error, SIGNET_STORE_ERROR, SIGNET_STORE_ERROR_FAILED,
                   _("A register in a file has no users to add: only a team register on a server does."));
      return FALSE;
    }

  if (!(person = ensure_person (self, person_name, department, error)))
    return FALSE;

  stmt = _signet_store_statement (self, "SELECT count(*) FROM pg_roles WHERE rolname = ?", error);
  if (stmt == NULL)
    return FALSE;
  signet_db_bind_static_text (stmt, 1, db_user);
  rc = signet_db_step (stmt);
  exists = rc == SIGNET_DB_ROW ? signet_db_column_int64 (stmt, 0) : -1;
  signet_db_reset (stmt);
  if (exists < 0)
    return _signet_store_set_error (self, rc, error);

  user = quote_identifier (db_user);
  if (exists == 0)
    {
      g_autofree char *create = g_strdup_printf ("CREATE ROLE %s LOGIN", user);

      if (!_signet_store_exec (self, create, error))
        return FALSE;
    }

  grant = g_strdup_printf ("REVOKE signet_reader, signet_editor, signet_approver, signet_archivist, "
                           "signet_administrator FROM %1$s; GRANT signet_%2$s TO %1$s",
                           user, role_tokens[role]);
  if (!_signet_store_exec (self, "BEGIN", error))
    return FALSE;
  if (!_signet_store_exec (self, grant, error) ||
      !(stmt = _signet_store_statement (self, "UPDATE people SET db_user = NULL WHERE db_user = ?", error)))
    {
      _signet_store_exec (self, "ROLLBACK", NULL);
      return FALSE;
    }
  signet_db_bind_static_text (stmt, 1, db_user);
  if (!_signet_store_step_done (self, stmt, error) ||
      !(stmt = _signet_store_statement (self, "UPDATE people SET db_user = ? WHERE id = ?", error)))
    {
      _signet_store_exec (self, "ROLLBACK", NULL);
      return FALSE;
    }
  signet_db_bind_static_text (stmt, 1, db_user);
  signet_db_bind_int64 (stmt, 2, signet_person_get_id (person));
  if (!_signet_store_step_done (self, stmt, error) ||
      !_signet_store_exec (self, "COMMIT", error))
    {
      _signet_store_exec (self, "ROLLBACK", NULL);
      return FALSE;
    }

  return TRUE;
}
