/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "signet-store"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "signet-store-people.h"
#include "signet-store-private.h"
#include "signet-tombstone-private.h"

/* Every stored column of a person, in the order read_person_row() reads them. */
#define SELECT_PERSON "SELECT id, name, department, role, email, version FROM people "

/* What tells two names apart: the name without any space (a full-width
 * one included), so that "张伟", "张 伟" and " 张伟 " are one person. */
static char *
match_key (const char *name)
{
  GString *key = g_string_new (NULL);

  for (const char *p = name; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_isspace (c))
        g_string_append_unichar (key, c);
    }

  return g_string_free (key, FALSE);
}

static void
read_person_row (SignetDbStmt *stmt,
                 SignetPerson *person)
{
  signet_person_set_id (person, signet_db_column_int64 (stmt, 0));
  signet_person_set_name (person, signet_db_column_text (stmt, 1));
  signet_person_set_department (person, signet_db_column_text (stmt, 2));
  signet_person_set_role (person, signet_db_column_text (stmt, 3));
  signet_person_set_email (person, signet_db_column_text (stmt, 4));
  signet_person_set_version (person, signet_db_column_int64 (stmt, 5));
}

static SignetPerson *
lookup_person (SignetStore  *self,
               const char   *where,
               gint64        id,
               const char   *text,
               GError      **error)
{
  g_autofree char *sql = g_strdup_printf (SELECT_PERSON "WHERE %s = ?", where);
  SignetDbStmt *stmt = _signet_store_statement (self, sql, error);
  SignetPerson *person = NULL;
  int rc;

  if (stmt == NULL)
    return NULL;

  if (text != NULL)
    signet_db_bind_text (stmt, 1, text);
  else
    signet_db_bind_int64 (stmt, 1, id);

  rc = signet_db_step (stmt);
  if (rc == SIGNET_DB_ROW)
    {
      person = signet_person_new ();
      read_person_row (stmt, person);
    }
  else if (rc != SIGNET_DB_DONE)
    _signet_store_set_error (self, rc, error);

  signet_db_reset (stmt);

  return person;
}

static gboolean
validate_person (SignetStore   *self,
                 SignetPerson  *person,
                 GError       **error)
{
  const char *name = signet_person_get_name (person);
  const char *email = signet_person_get_email (person);
  g_autofree char *key = NULL;
  g_autoptr(SignetPerson) other = NULL;
  g_autoptr(GError) local_error = NULL;

  if (_signet_is_blank (name))
    return _signet_set_field_error (error, SIGNET_FIELD_PERSON_NAME, _("Enter the person’s name."));

  if (!_signet_check_length (name, SIGNET_STORE_MAX_TITLE_CHARS, SIGNET_FIELD_PERSON_NAME, error) ||
      !_signet_check_length (signet_person_get_department (person), SIGNET_STORE_MAX_TITLE_CHARS,
                             SIGNET_FIELD_PERSON_DEPARTMENT, error) ||
      !_signet_check_length (signet_person_get_role (person), SIGNET_STORE_MAX_TITLE_CHARS,
                             SIGNET_FIELD_PERSON_ROLE, error))
    return FALSE;

  if (!_signet_is_blank (email))
    {
      g_autofree char *trimmed = _signet_strdup_trimmed (email);
      const char *at = strchr (trimmed, '@');

      if (at == NULL || at == trimmed || at[1] == '\0' || strchr (at + 1, '@') != NULL ||
          strchr (at + 1, '.') == NULL || strpbrk (trimmed, " \t\r\n") != NULL)
        return _signet_set_field_error (error, SIGNET_FIELD_PERSON_EMAIL,
                                        _("“%s” is not an email address."), trimmed);
    }

  key = match_key (name);
  other = lookup_person (self, "match_key", 0, key, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  if (other != NULL && signet_person_get_id (other) != signet_person_get_id (person))
    return _signet_set_field_error (error, SIGNET_FIELD_PERSON_NAME,
                                    /* Translators: %s is the name of a person already in the directory. */
                                    _("“%s” is already in the people directory. Names that differ only "
                                      "in spaces are the same person."),
                                    signet_person_get_name (other));

  return TRUE;
}

static gboolean
check_person_keys (SignetStore    *self,
                   gconstpointer   person,
                   GError        **error)
{
  return validate_person (self, (SignetPerson *) person, error);
}

/* Binds name, department, role, email and the name's match key to 1-5,
 * each without the spaces around it. */
static void
bind_person (SignetDbStmt *stmt,
             SignetPerson *person)
{
  g_autofree char *name = _signet_strdup_trimmed (signet_person_get_name (person));
  g_autofree char *department = _signet_strdup_trimmed (signet_person_get_department (person));
  g_autofree char *role = _signet_strdup_trimmed (signet_person_get_role (person));
  g_autofree char *email = _signet_strdup_trimmed (signet_person_get_email (person));
  g_autofree char *key = match_key (name);

  _signet_store_bind_text (stmt, 1, name);
  _signet_store_bind_text (stmt, 2, department);
  _signet_store_bind_text (stmt, 3, role);
  _signet_store_bind_text (stmt, 4, email);
  _signet_store_bind_text (stmt, 5, key);
}

/* Inserts @person (validated) inside @scope and audits it; sets its id,
 * version and stored name. */
static gboolean
insert_person (SignetWriteScope  *scope,
               SignetPerson      *person,
               GError           **error)
{
  SignetStore *self = scope->store;
  g_autofree char *name = _signet_strdup_trimmed (signet_person_get_name (person));
  g_autoptr(FieldList) after = NULL;
  SignetDbStmt *stmt;
  gint64 id;

  stmt = _signet_store_statement (self,
                                  "INSERT INTO people (name, department, role, email, match_key, name_key) "
                                  "VALUES (?1, ?2, ?3, ?4, ?5, signet_sort_key (?1))", error);
  if (stmt == NULL)
    return FALSE;

  bind_person (stmt, person);
  if (!_signet_store_step_keyed (self, stmt, check_person_keys, person, error))
    return FALSE;

  id = signet_db_last_insert_id (self->db);
  signet_person_set_name (person, name);
  after = _signet_person_to_fields (person);
  if (!_signet_write_scope_audit (scope, SIGNET_AUDIT_ACTION_ADD_PERSON, SIGNET_RECORD_PERSON, id,
                                  name, NULL, after, error))
    return FALSE;

  signet_person_set_id (person, id);
  signet_person_set_version (person, 1);

  return TRUE;
}

gboolean
signet_store_add_person (SignetStore   *self,
                         SignetPerson  *person,
                         GError       **error)
{
  g_auto(SignetWriteScope) scope = { 0 };

  g_return_val_if_fail (SIGNET_IS_STORE (self), FALSE);
  g_return_val_if_fail (SIGNET_IS_PERSON (person), FALSE);

  if (!_signet_write_scope_begin (&scope, self, error))
    return FALSE;

  signet_person_set_id (person, 0);

  return validate_person (self, person, error) &&
         insert_person (&scope, person, error) &&
         _signet_write_scope_commit (&scope, error);
}

/* The owner of every contract @person owns is the person's name: the
 * contracts' search text follows (migration 8's trigger on the owner),
 * and each contract is announced changed, as its owner reads anew. Not a
 * write of the contracts themselves: their version and History stay. */
static gboolean
rename_owned_contracts (SignetWriteScope  *scope,
                        gint64             person_id,
                        const char        *name,
                        GError           **error)
{
  SignetStore *self = scope->store;
  SignetDbStmt *stmt;
  int rc;

  stmt = _signet_store_statement (self, "UPDATE contracts SET owner = ?1 WHERE owner_id = ?2", error);
  if (stmt == NULL)
    return FALSE;

  signet_db_bind_text (stmt, 1, name);
  signet_db_bind_int64 (stmt, 2, person_id);
  if (!_signet_store_step_done (self, stmt, error))
    return FALSE;

  stmt = _signet_store_statement (self, "SELECT id FROM contracts WHERE owner_id = ? ORDER BY id", error);
  if (stmt == NULL)
    return FALSE;

  signet_db_bind_int64 (stmt, 1, person_id);
  while ((rc = signet_db_step (stmt)) == SIGNET_DB_ROW)
    _signet_write_scope_add_change (scope, SIGNET_RECORD_CONTRACT, signet_db_column_int64 (stmt, 0),
                                    SIGNET_CHANGE_UPDATED, SIGNET_STORE_CHANGED_FIELDS);
  signet_db_reset (stmt);

  return rc == SIGNET_DB_DONE || _signet_store_set_error (self, rc, error);
}

gboolean
signet_store_update_person (SignetStore   *self,
                            SignetPerson  *person,
                            GError       **error)
{
  g_auto(SignetWriteScope) scope = { 0 };
  g_autoptr(SignetPerson) old = NULL;
  g_autoptr(FieldList) before = NULL;
  g_autoptr(FieldList) after = NULL;
  g_autofree char *name = NULL;
  gint64 id;
  SignetDbStmt *stmt;

  g_return_val_if_fail (SIGNET_IS_STORE (self), FALSE);
  g_return_val_if_fail (SIGNET_IS_PERSON (person), FALSE);

  id = signet_person_get_id (person);
  if (!_signet_write_scope_begin (&scope, self, error) ||
      !_signet_store_lock_row (self, "SELECT id FROM people WHERE id = ?1 FOR UPDATE", id, error) ||
      !(old = signet_store_get_person (self, id, error)))
    return FALSE;

  if (signet_person_get_version (old) != signet_person_get_version (person))
    {
      g_set_error (error, SIGNET_STORE_ERROR, SIGNET_STORE_ERROR_CONFLICT,
                   _("“%s” was changed elsewhere after you opened it. Nothing was saved; "
                     "review the changes and save again."),
                   signet_person_get_name (old));
      return FALSE;
    }

  if (!validate_person (self, person, error))
    return FALSE;

  stmt = _signet_store_statement (self,
                                  "UPDATE people SET name = ?1, department = ?2, role = ?3, email = ?4, "
                                  "match_key = ?5, name_key = signet_sort_key (?1), version = version + 1 "
                                  "WHERE id = ?6", error);
  if (stmt == NULL)
    return FALSE;

  bind_person (stmt, person);
  signet_db_bind_int64 (stmt, 6, id);
  if (!_signet_store_step_keyed (self, stmt, check_person_keys, person, error))
    return FALSE;

  name = _signet_strdup_trimmed (signet_person_get_name (person));
  signet_person_set_name (person, name);

  /* The contracts are announced before the person, so that a view of a
   * contract has it stored under the new name when it hears of the
   * person. */
  if (g_strcmp0 (name, signet_person_get_name (old)) != 0 &&
      !rename_owned_contracts (&scope, id, name, error))
    return FALSE;

  before = _signet_person_to_fields (old);
  after = _signet_person_to_fields (person);
  if (!_signet_write_scope_audit (&scope, SIGNET_AUDIT_ACTION_UPDATE_PERSON, SIGNET_RECORD_PERSON, id,
                                  name, before, after, error))
    return FALSE;

  if (!_signet_write_scope_commit (&scope, error))
    return FALSE;

  signet_person_set_version (person, signet_person_get_version (old) + 1);

  return TRUE;
}

guint
signet_store_count_person_contracts (SignetStore *self,
                                     gint64       person_id)
{
  g_return_val_if_fail (SIGNET_IS_STORE (self), 0);

  return _signet_store_count_contracts (self, "SELECT count(*) FROM contracts WHERE owner_id = ?", person_id);
}

SignetTombstone *
_signet_store_delete_person (SignetStore  *self,
                             gint64        id,
                             GError      **error)
{
  g_auto(SignetWriteScope) scope = { 0 };
  g_autoptr(SignetPerson) old = NULL;
  g_autoptr(FieldList) before = NULL;
  g_autoptr(SignetTombstone) tombstone = NULL;
  SignetDbStmt *stmt;
  guint n_contracts;

  if (!_signet_write_scope_begin (&scope, self, error) ||
      !(old = signet_store_get_person (self, id, error)))
    return NULL;

  n_contracts = signet_store_count_person_contracts (self, id);
  if (n_contracts > 0)
    {
      g_set_error (error, SIGNET_STORE_ERROR, SIGNET_STORE_ERROR_IN_USE,
                   g_dngettext (GETTEXT_PACKAGE,
                                "“%s” owns %u contract. Give it another owner before deleting this person.",
                                "“%s” owns %u contracts. Give them another owner before deleting this person.",
                                n_contracts),
                   signet_person_get_name (old), n_contracts);
      return NULL;
    }

  tombstone = _signet_tombstone_new (SIGNET_TOMBSTONE_PERSON, id, 0, signet_person_get_name (old));
  if (!_signet_store_keep_rows (self, tombstone, "people", "id = ?1", id, error))
    return NULL;

  stmt = _signet_store_statement (self, "DELETE FROM people WHERE id = ?", error);
  if (stmt == NULL)
    return NULL;

  signet_db_bind_int64 (stmt, 1, id);
  before = _signet_person_to_fields (old);
  if (!_signet_store_step_done (self, stmt, error) ||
      !_signet_write_scope_audit (&scope, SIGNET_AUDIT_ACTION_DELETE_PERSON, SIGNET_RECORD_PERSON, id,
                                  signet_person_get_name (old), before, NULL, error) ||
      !_signet_write_scope_commit (&scope, error))
    return NULL;

  return g_steal_pointer (&tombstone);
}

gboolean
_signet_store_restore_person (SignetWriteScope  *scope,
                              SignetTombstone   *tombstone,
                              GError           **error)
{
  SignetStore *self = scope->store;
  gint64 id = signet_tombstone_get_id (tombstone);
  const char *name = signet_tombstone_get_label (tombstone);
  SignetDbValue *key = _signet_tombstone_get_value (tombstone, "people", "match_key");
  g_autoptr(SignetPerson) other = NULL;
  g_autoptr(SignetPerson) restored = NULL;
  g_autoptr(FieldList) after = NULL;

  if (key != NULL &&
      (other = lookup_person (self, "match_key", 0, signet_db_value_text (key), NULL)) != NULL)
    {
      g_set_error (error, SIGNET_STORE_ERROR, SIGNET_STORE_ERROR_CONFLICT,
                   /* Translators: %s is the deleted person's name, which another person now has. */
                   _("“%s” cannot be restored: another person of that name has been added since."), name);
      return FALSE;
    }

  if (!_signet_store_insert_kept_rows (self, tombstone, error) ||
      !(restored = signet_store_get_person (self, id, error)))
    return FALSE;

  after = _signet_person_to_fields (restored);

  return _signet_write_scope_audit (scope, SIGNET_AUDIT_ACTION_RESTORE_PERSON, SIGNET_RECORD_PERSON, id, name,
                                    NULL, after, error);
}

SignetPerson *
signet_store_get_person (SignetStore  *self,
                         gint64        id,
                         GError      **error)
{
  g_autoptr(GError) local_error = NULL;
  SignetPerson *person;

  g_return_val_if_fail (SIGNET_IS_STORE (self), NULL);

  person = lookup_person (self, "id", id, NULL, &local_error);
  if (person == NULL && local_error == NULL)
    g_set_error (&local_error, SIGNET_STORE_ERROR, SIGNET_STORE_ERROR_NOT_FOUND,
                 _("The person is no longer in the register; they may have been deleted."));

  if (local_error != NULL)
    g_propagate_error (error, g_steal_pointer (&local_error));

  return person;
}

SignetPerson *
signet_store_find_person (SignetStore  *self,
                          const char   *name,
                          GError      **error)
{
  g_autofree char *key = NULL;

  g_return_val_if_fail (SIGNET_IS_STORE (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  key = match_key (name);

  return lookup_person (self, "match_key", 0, key, error);
}

GListModel *
signet_store_list_people (SignetStore  *self,
                          GError      **error)
{
  g_return_val_if_fail (SIGNET_IS_STORE (self), NULL);

  /* Chinese names in pinyin order, as clients. */
  return _signet_store_list_objects (self, SELECT_PERSON "ORDER BY name_key, name", SIGNET_TYPE_PERSON,
                                     (SignetStoreFillFunc) read_person_row, error);
}

gboolean
_signet_store_resolve_owner (SignetWriteScope  *scope,
                             const char        *owner,
                             const char        *department,
                             gint64            *person_id,
                             char             **name,
                             GError           **error)
{
  g_autoptr(SignetPerson) person = NULL;
  g_autoptr(GError) local_error = NULL;

  *person_id = 0;
  *name = NULL;

  if (_signet_is_blank (owner))
    return TRUE;

  person = signet_store_find_person (scope->store, owner, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  /* An owner not in the directory yet (imported, or written by an older
   * Signet) becomes a person, in the contract's department. */
  if (person == NULL)
    {
      person = signet_person_new ();
      signet_person_set_name (person, owner);
      signet_person_set_department (person, department);
      if (!_signet_check_length (owner, SIGNET_STORE_MAX_TITLE_CHARS, SIGNET_FIELD_CONTRACT_OWNER, error) ||
          !insert_person (scope, person, error))
        return FALSE;
    }

  *person_id = signet_person_get_id (person);
  *name = g_strdup (signet_person_get_name (person));

  return TRUE;
}

gboolean
_signet_store_relink_owner (SignetWriteScope  *scope,
                            gint64             contract_id,
                            GError           **error)
{
  SignetStore *self = scope->store;
  g_autofree char *owner = NULL;
  g_autofree char *department = NULL;
  g_autofree char *name = NULL;
  gint64 person_id;
  SignetDbStmt *stmt;

  stmt = _signet_store_statement (self, "SELECT owner, department FROM contracts WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  signet_db_bind_int64 (stmt, 1, contract_id);
  if (signet_db_step (stmt) == SIGNET_DB_ROW)
    {
      owner = _signet_store_dup_text (stmt, 0);
      department = _signet_store_dup_text (stmt, 1);
    }
  signet_db_reset (stmt);

  if (!_signet_store_resolve_owner (scope, owner, department, &person_id, &name, error))
    return FALSE;

  stmt = _signet_store_statement (self, "UPDATE contracts SET owner_id = ?1, owner = ?2 WHERE id = ?3", error);
  if (stmt == NULL)
    return FALSE;
  if (person_id > 0)
    signet_db_bind_int64 (stmt, 1, person_id);
  _signet_store_bind_text (stmt, 2, name);
  signet_db_bind_int64 (stmt, 3, contract_id);

  return _signet_store_step_done (self, stmt, error);
}

/* Version 10: the people directory. Every owner a contract names becomes
 * a person, once for the names that differ only in spaces (the spelling of
 * the oldest contract wins), with the department of the person's
 * contracts when they all agree; each contract points at its owner and
 * names the owner as the person is named. */
gboolean
_signet_store_migrate_people (SignetStore  *self,
                              GError      **error)
{
  g_autoptr(GHashTable) people = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) owners = g_ptr_array_new_with_free_func (g_free);
  SignetDbStmt *stmt;
  int rc;

  if (!_signet_store_exec (self,
    "CREATE TABLE people ("
    "  id INTEGER PRIMARY KEY AUTOINCREMENT,"
    "  name TEXT NOT NULL CHECK (name <> ''),"
    "  match_key TEXT NOT NULL UNIQUE CHECK (match_key <> ''),"
    "  department TEXT, role TEXT, email TEXT,"
    "  version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),"
    "  name_key BLOB);"
    "CREATE INDEX people_name_key ON people (name_key);"
    "ALTER TABLE contracts ADD COLUMN owner_id INTEGER;"
    "CREATE INDEX contracts_owner ON contracts (owner_id);",
    error))
    return FALSE;

  stmt = _signet_store_statement (self,
                                  "SELECT owner FROM contracts WHERE owner IS NOT NULL "
                                  "GROUP BY owner ORDER BY min(id)", error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = signet_db_step (stmt)) == SIGNET_DB_ROW)
    g_ptr_array_add (owners, _signet_store_dup_text (stmt, 0));
  signet_db_reset (stmt);
  if (rc != SIGNET_DB_DONE)
    return _signet_store_set_error (self, rc, error);

  for (guint i = 0; i < owners->len; i++)
    {
      const char *owner = g_ptr_array_index (owners, i);
      g_autofree char *name = _signet_strdup_trimmed (owner);
      g_autofree char *key = match_key (name);
      gpointer found;
      gint64 id;

      if (*key == '\0')
        continue;

      found = g_hash_table_lookup (people, key);
      if (found != NULL)
        id = GPOINTER_TO_SIZE (found);
      else
        {
          stmt = _signet_store_statement (self,
                                          "INSERT INTO people (name, match_key, name_key) "
                                          "VALUES (?1, ?2, signet_sort_key (?1))", error);
          if (stmt == NULL)
            return FALSE;
          signet_db_bind_static_text (stmt, 1, name);
          signet_db_bind_static_text (stmt, 2, key);
          if (!_signet_store_step_done (self, stmt, error))
            return FALSE;
          id = signet_db_last_insert_id (self->db);
          g_hash_table_insert (people, g_strdup (key), GSIZE_TO_POINTER ((gsize) id));
        }

      stmt = _signet_store_statement (self,
                                      "UPDATE contracts SET owner_id = ?1, "
                                      "owner = (SELECT name FROM people WHERE id = ?1) WHERE owner = ?2", error);
      if (stmt == NULL)
        return FALSE;
      signet_db_bind_int64 (stmt, 1, id);
      signet_db_bind_static_text (stmt, 2, owner);
      if (!_signet_store_step_done (self, stmt, error))
        return FALSE;
    }

  return _signet_store_exec (self,
    /* Owners only spaces long named nobody. */
    "UPDATE contracts SET owner = NULL WHERE owner IS NOT NULL AND owner_id IS NULL;"
    "UPDATE people SET department = (SELECT nullif (trim (min (department)), '') FROM contracts"
    "  WHERE owner_id = people.id)"
    "  WHERE (SELECT count (DISTINCT coalesce (trim (department), '')) FROM contracts"
    "  WHERE owner_id = people.id) = 1;"
    /* The search text of the owners whose spelling changed. */
    "UPDATE contracts SET search_facets = signet_search_text (contract_type, owner, department, tags)"
    "  WHERE owner_id IS NOT NULL;",
    error);
}

char *
_signet_store_dup_person_name (SignetStore  *self,
                               gint64        id,
                               SignetField   field,
                               const char   *missing,
                               GError      **error)
{
  SignetDbStmt *stmt;
  char *name = NULL;
  int rc;

  if (!(stmt = _signet_store_statement (self, "SELECT name FROM people WHERE id = ?", error)))
    return NULL;

  signet_db_bind_int64 (stmt, 1, id);
  rc = signet_db_step (stmt);
  if (rc == SIGNET_DB_ROW)
    name = _signet_store_dup_text (stmt, 0);
  signet_db_reset (stmt);

  if (rc == SIGNET_DB_DONE)
    _signet_set_field_error (error, field, "%s", missing);
  else if (rc != SIGNET_DB_ROW)
    _signet_store_set_error (self, rc, error);

  return name;
}
