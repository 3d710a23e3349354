/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "signet-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "signet-db-pg.h"
#include "signet-search-text.h"
#include "signet-store-private.h"
#include "signet-store-schema-pg.h"

/* A team register: the store on a PostgreSQL server rather than in a file.
 * The store's logic and SQL are the same; what differs is opening it. A
 * server has no file to check, lock or copy: its database is a Signet
 * register when it holds the signet_meta table, whose schema_version is
 * what PRAGMA user_version is to a file. A new database gets the schema
 * as the SQLite migrations leave it at SIGNET_STORE_PG_BASE_VERSION, in
 * one transaction; the migrations after that run on both engines. */

gboolean
_signet_store_is_server_location (const char *location)
{
  return g_str_has_prefix (location, "postgresql://") || g_str_has_prefix (location, "postgres://");
}

/* The schema version of the database, 0 when it holds no Signet register,
 * -1 on error. */
static gint64
read_schema_version (SignetStore  *self,
                     GError      **error)
{
  gint64 has_meta;
  SignetDbStmt *stmt;
  gint64 version = -1;

  has_meta = _signet_store_query_int64 (self,
                                        "SELECT count(*) FROM pg_catalog.pg_tables "
                                        "WHERE schemaname = current_schema () AND tablename = 'signet_meta'",
                                        error);
  if (has_meta <= 0)
    return has_meta;

  stmt = _signet_store_statement (self, "SELECT value FROM signet_meta WHERE key = 'schema_version'", error);
  if (stmt == NULL)
    return -1;

  if (signet_db_step (stmt) == SIGNET_DB_ROW)
    version = g_ascii_strtoll (signet_db_column_text (stmt, 0), NULL, 10);
  else
    g_set_error (error, SIGNET_STORE_ERROR, SIGNET_STORE_ERROR_NOT_A_DATABASE,
                 _("The database at “%s” is not a Signet register: it has no schema version."),
                 self->path);
  signet_db_reset (stmt);

  return version;
}

/* The functions the store's SQL calls that PostgreSQL lacks or that a file
 * register has from Signet itself (signet-store-search.c,
 * signet-store-current-terms.c): the server cannot call into the app.
 *
 * - instr(): SQLite's name for strpos().
 * - max() and min() of two texts: SQLite's scalar forms (NULL when either
 *   is), which clamp a day the caller gives to the index's range.
 * - signet_search_text(): the fields lower-cased, each after a separator
 *   but the first. The file's version adds pinyin, which only the app
 *   knows: the store remakes the text of each row written (search_sql).
 * - signet_sort_key(): the text's UTF-8 bytes, which sort in code point
 *   order; the file's are ICU's keys of the zh collation, which the store
 *   makes in their place, the same way.
 * - signet_current_term(): the terms this connection worked out as in
 *   force today, from its TEMP table signet_current_terms, or the stored
 *   value. PL/pgSQL, whose body is read only when it runs: the TEMP table
 *   is made by the connection that first needs it. */
G_STATIC_ASSERT (SIGNET_SEARCH_FIELD_SEPARATOR == 30);

static const char compat_functions_sql[] =
  "CREATE FUNCTION instr (haystack text, needle text) RETURNS integer"
  "  LANGUAGE sql IMMUTABLE PARALLEL SAFE RETURN strpos (haystack, needle);"
  "CREATE FUNCTION max (a text, b text) RETURNS text"
  "  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE RETURN CASE WHEN a > b THEN a ELSE b END;"
  "CREATE FUNCTION min (a text, b text) RETURNS text"
  "  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE RETURN CASE WHEN a < b THEN a ELSE b END;"
  "CREATE FUNCTION signet_search_text (VARIADIC parts text[]) RETURNS text"
  "  LANGUAGE sql IMMUTABLE PARALLEL SAFE"
  "  RETURN lower (array_to_string (parts, chr (30), ''));"
  "CREATE FUNCTION signet_sort_key (text) RETURNS bytea"
  "  LANGUAGE sql IMMUTABLE PARALLEL SAFE RETURN convert_to ($1, 'UTF8');"
  "CREATE FUNCTION signet_current_term (id bigint, term integer, stored bigint) RETURNS bigint"
  "  LANGUAGE plpgsql STABLE AS $$"
  "  DECLARE current bigint;"
  "  BEGIN"
  "    SELECT CASE term WHEN 0 THEN t.value ELSE t.auto_renew END INTO current"
  "      FROM pg_temp.signet_current_terms t WHERE t.contract_id = id;"
  "    RETURN coalesce (current, stored);"
  "  END $$;"
  "CREATE FUNCTION signet_current_term (id bigint, term integer, stored text) RETURNS text"
  "  LANGUAGE plpgsql STABLE AS $$"
  "  DECLARE current text;"
  "  BEGIN"
  "    SELECT CASE term WHEN 1 THEN t.currency ELSE t.end_date END INTO current"
  "      FROM pg_temp.signet_current_terms t WHERE t.contract_id = id;"
  "    RETURN coalesce (current, stored);"
  "  END $$;"
  "CREATE FUNCTION signet_current_term (id bigint, term integer, stored bytea) RETURNS bytea"
  "  LANGUAGE plpgsql STABLE AS $$"
  "  DECLARE current bytea;"
  "  BEGIN"
  "    SELECT t.title_key INTO current FROM pg_temp.signet_current_terms t WHERE t.contract_id = id;"
  "    RETURN coalesce (current, stored);"
  "  END $$;";

/* The triggers that mark a row's search text as the app's to make: on
 * an insert, and on an update only when a searched value changes (a
 * contract's text shows its client's name, so its client too). A save
 * names every column in its UPDATE; were the trigger to fire on the
 * columns named, every save would be followed by a second transaction
 * that remakes a text which had not changed. */
#define SEARCH_TRIGGERS_SQL \
  "CREATE TRIGGER contracts_search_pending BEFORE INSERT ON contracts" \
  "  FOR EACH ROW EXECUTE FUNCTION signet_contract_search_pending ();" \
  "CREATE TRIGGER contracts_search_changed BEFORE UPDATE ON contracts FOR EACH ROW" \
  "  WHEN (OLD.number IS DISTINCT FROM NEW.number OR OLD.title IS DISTINCT FROM NEW.title" \
  "        OR OLD.contract_type IS DISTINCT FROM NEW.contract_type" \
  "        OR OLD.owner IS DISTINCT FROM NEW.owner" \
  "        OR OLD.department IS DISTINCT FROM NEW.department" \
  "        OR OLD.tags IS DISTINCT FROM NEW.tags" \
  "        OR OLD.client_id IS DISTINCT FROM NEW.client_id)" \
  "  EXECUTE FUNCTION signet_contract_search_pending ();" \
  "CREATE TRIGGER clients_search_pending BEFORE INSERT ON clients" \
  "  FOR EACH ROW EXECUTE FUNCTION signet_client_search_pending ();" \
  "CREATE TRIGGER clients_search_changed BEFORE UPDATE ON clients FOR EACH ROW" \
  "  WHEN (OLD.name IS DISTINCT FROM NEW.name OR OLD.code IS DISTINCT FROM NEW.code" \
  "        OR OLD.contact IS DISTINCT FROM NEW.contact)" \
  "  EXECUTE FUNCTION signet_client_search_pending ();"

/* What search needs on a server (signet-store-search.c): a row whose text
 * a write changes loses its key, which marks its search text and key as
 * the app's to make (pinyin, ICU keys), whoever wrote it; trigram indexes,
 * with which LIKE '%term%' finds a term of three characters or more inside
 * the texts without reading every row; and for the shorter terms, which
 * have no trigram (Chinese is often typed one or two characters at a
 * time), indexes of every character and pair of characters of the texts,
 * signet_search_grams() (docs/benchmarks.md). */
static const char search_sql[] =
  "CREATE FUNCTION signet_contract_search_pending () RETURNS trigger"
  "  LANGUAGE plpgsql AS $$ BEGIN NEW.title_key := NULL; RETURN NEW; END $$;"
  "CREATE FUNCTION signet_client_search_pending () RETURNS trigger"
  "  LANGUAGE plpgsql AS $$ BEGIN NEW.name_key := NULL; RETURN NEW; END $$;"
  SEARCH_TRIGGERS_SQL
  "CREATE EXTENSION IF NOT EXISTS pg_trgm;"
  "CREATE FUNCTION signet_search_grams (t text) RETURNS text[]"
  "  LANGUAGE sql IMMUTABLE PARALLEL SAFE"
  "  RETURN ARRAY (SELECT DISTINCT substr (t, i, n) FROM generate_series (1, length (t)) i,"
  "                (VALUES (1), (2)) v (n) WHERE i + n - 1 <= length (t));"
  "CREATE INDEX contracts_search_text_grams ON contracts USING gin (signet_search_grams (search_text));"
  "CREATE INDEX contracts_search_facets_grams ON contracts USING gin (signet_search_grams (search_facets));"
  "CREATE INDEX clients_search_text_grams ON clients USING gin (signet_search_grams (search_text));"
  "CREATE INDEX contracts_search_text_trgm ON contracts USING gin (search_text gin_trgm_ops);"
  "CREATE INDEX contracts_search_facets_trgm ON contracts USING gin (search_facets gin_trgm_ops);"
  "CREATE INDEX clients_search_text_trgm ON clients USING gin (search_text gin_trgm_ops);";

static gboolean
create_schema (SignetStore  *self,
               GError      **error)
{
  if (!_signet_store_exec (self, "BEGIN", error))
    return FALSE;

  if (!_signet_store_exec (self, _signet_store_pg_schema_sql (), error) ||
      !_signet_store_exec (self, compat_functions_sql, error) ||
      !_signet_store_exec (self, search_sql, error) ||
      !_signet_store_exec (self, "COMMIT", error))
    {
      _signet_store_exec (self, "ROLLBACK", NULL);
      g_prefix_error (error, _("Could not make a Signet register on the server: "));
      return FALSE;
    }

  return TRUE;
}

/* Migration 25, on both engines: a register made on a server before it
 * has triggers that fire on every save (SEARCH_TRIGGERS_SQL); a file has
 * none of them. */
gboolean
_signet_store_migrate_search_triggers (SignetStore  *self,
                                       GError      **error)
{
  if (self->sqlite != NULL)
    return TRUE;

  return _signet_store_exec (self,
                             "DROP TRIGGER IF EXISTS contracts_search_pending ON contracts;"
                             "DROP TRIGGER IF EXISTS contracts_search_changed ON contracts;"
                             "DROP TRIGGER IF EXISTS clients_search_pending ON clients;"
                             "DROP TRIGGER IF EXISTS clients_search_changed ON clients;"
                             SEARCH_TRIGGERS_SQL,
                             error);
}

/* Migration 26, on both engines: the planner is told what making a
 * text's characters and pairs costs (about 80 µs for a contract's text,
 * against its default of a cheap operator), so that it reads the GIN
 * index of signet_search_grams () rather than making them row by row:
 * on 20,000 clients that was 1.7 s for every search of a city's name
 * (docs/benchmarks.md). A file has no such function. */
gboolean
_signet_store_migrate_grams_cost (SignetStore  *self,
                                  GError      **error)
{
  if (self->sqlite != NULL)
    return TRUE;

  return _signet_store_exec (self, "ALTER FUNCTION signet_search_grams (text) COST 10000", error);
}

/* Migration 27, on both engines: a contract inserted with a sort key the
 * app made (its ICU key, with the search text and pinyin beside it) keeps
 * them; one inserted with the server's stand-in key (signet_sort_key (),
 * the title's bytes) or none is marked for the app to make, as before.
 * The store's inserts bind the app's (signet-store-contracts.c); what
 * another program inserts, or the store's other inserts, stays marked.
 * An update still marks a row whose searched values change. A file has
 * no such trigger. */
gboolean
_signet_store_migrate_insert_texts (SignetStore  *self,
                                    GError      **error)
{
  if (self->sqlite != NULL)
    return TRUE;

  return _signet_store_exec (self,
                             "CREATE FUNCTION signet_contract_insert_pending () RETURNS trigger"
                             "  LANGUAGE plpgsql AS $$ BEGIN"
                             "    IF NEW.title_key IS NULL OR NEW.title_key = signet_sort_key (NEW.title) THEN"
                             "      NEW.title_key := NULL;"
                             "    END IF;"
                             "    RETURN NEW;"
                             "  END $$;"
                             "DROP TRIGGER contracts_search_pending ON contracts;"
                             "CREATE TRIGGER contracts_search_pending BEFORE INSERT ON contracts"
                             "  FOR EACH ROW EXECUTE FUNCTION signet_contract_insert_pending ();",
                             error);
}

gboolean
_signet_store_open_server (SignetStore           *self,
                           SignetStoreOpenFlags   flags,
                           int                    target_version,
                           int                    newest_version,
                           GError               **error)
{
  gint64 version;

  self->db = signet_db_pg_open (self->path, error);
  if (self->db == NULL)
    return FALSE;

  version = read_schema_version (self, error);
  if (version < 0)
    return FALSE;

  if (version == 0)
    {
      if ((flags & SIGNET_STORE_OPEN_CREATE) == 0)
        {
          g_set_error (error, SIGNET_STORE_ERROR, SIGNET_STORE_ERROR_NOT_A_DATABASE,
                       _("The database at “%s” holds no Signet register. Nothing was changed."),
                       self->path);
          return FALSE;
        }

      if (!create_schema (self, error))
        return FALSE;
      version = SIGNET_STORE_PG_BASE_VERSION;
    }

  if (version > newest_version)
    {
      g_set_error (error, SIGNET_STORE_ERROR, SIGNET_STORE_ERROR_NEWER_VERSION,
                   _("The register at “%s” was made by a newer version of Signet (database "
                     "version %d; this version reads up to %d). Update Signet to open it. "
                     "Nothing was changed."),
                   self->path, (int) version, newest_version);
      return FALSE;
    }

  if (self->read_only)
    {
      if (version < target_version)
        {
          g_set_error (error, SIGNET_STORE_ERROR, SIGNET_STORE_ERROR_READ_ONLY,
                       _("The register at “%s” is of an older version and was opened for "
                         "reading only: an administrator must update it first."),
                       self->path);
          return FALSE;
        }
      return _signet_store_exec (self, "SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY", error) &&
             _signet_store_team_read_session (self, (int) version, error);
    }

  if (version < target_version && !_signet_store_team_check_upgrade (self, error))
    return FALSE;

  /* The search texts and keys are made by this ICU, as in a file. */
  return _signet_store_run_migrations (self, (int) version, target_version, error) &&
         _signet_store_search_check_icu (self, error) &&
         _signet_store_team_read_session (self, target_version, error);
}
