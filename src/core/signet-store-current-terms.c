/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "signet-store"

#include "config.h"

#include <string.h>

#include "signet-amendment.h"
#include "signet-search-text.h"
#include "signet-store-current-terms.h"
#include "signet-store-events.h"
#include "signet-store-private.h"

/* The terms in force today, kept in memory. The list asks for them for
 * every row it draws and every contract it sorts, while few contracts have
 * amendments: one query finds those when the list first needs them (and
 * again when the day moves on), and a write to a contract works out that
 * contract's terms again (_signet_store_current_terms_note_change(), as
 * the write is announced). The list's SQL reads them through the function
 * signet_current_term() (SIGNET_CURRENT_*_SQL), and only while some
 * contract has amended terms: a register without any sorts with the same
 * SQL as before. The terms are worked out by signet_contract_terms_as_of(),
 * as the contract page's and the key dates' are, so that an amendment
 * counts in the list exactly when it counts there (once approved). */

typedef struct
{
  guint     changes;        /* SIGNET_AMENDED_TERM_FLAG()s an amendment set */
  gint64    value;
  char     *currency;
  char     *end_date;
  guint     notice_days;
  gboolean  auto_renew;
  char     *title;
  GBytes   *title_key;      /* the title's sort key, as contracts.title_key */
} CurrentTerms;

typedef struct
{
  char       *day;          /* the day @terms are of; NULL: not loaded */
  GHashTable *terms;        /* gint64 * contract id -> CurrentTerms * */
  sqlite3    *function_db;  /* the connection signet_current_term() was added to */
} CurrentTermsState;

static void
current_terms_free (CurrentTerms *terms)
{
  g_free (terms->currency);
  g_free (terms->end_date);
  g_free (terms->title);
  g_clear_pointer (&terms->title_key, g_bytes_unref);
  g_free (terms);
}

static void
state_free (CurrentTermsState *state)
{
  g_free (state->day);
  g_clear_pointer (&state->terms, g_hash_table_unref);
  g_free (state);
}

static CurrentTermsState *
get_state (SignetStore *self)
{
  static GQuark quark;
  CurrentTermsState *state;

  if (quark == 0)
    quark = g_quark_from_static_string ("signet-store-current-terms");

  state = g_object_get_qdata (G_OBJECT (self), quark);
  if (state == NULL)
    {
      state = g_new0 (CurrentTermsState, 1);
      g_object_set_qdata_full (G_OBJECT (self), quark, state, (GDestroyNotify) state_free);
    }

  return state;
}

static gboolean
has_term (const CurrentTerms *terms,
          SignetAmendedTerm   term)
{
  return (terms->changes & SIGNET_AMENDED_TERM_FLAG (term)) != 0;
}

/* signet_current_term(id, column, stored): the column (SIGNET_CURRENT_*)
 * of the contract @id as in force today, or @stored when no amendment
 * changed it. */
static void
current_term_function (sqlite3_context  *context,
                       int               argc,
                       sqlite3_value   **argv)
{
  CurrentTermsState *state = sqlite3_user_data (context);
  gint64 id = sqlite3_value_int64 (argv[0]);
  const CurrentTerms *terms = state->terms != NULL ? g_hash_table_lookup (state->terms, &id) : NULL;
  gsize size;
  gconstpointer data;

  if (terms == NULL)
    {
      sqlite3_result_value (context, argv[2]);
      return;
    }

  switch (sqlite3_value_int (argv[1]))
    {
    case SIGNET_CURRENT_VALUE:
      if (has_term (terms, SIGNET_AMENDED_VALUE))
        sqlite3_result_int64 (context, terms->value);
      else
        sqlite3_result_value (context, argv[2]);
      break;

    case SIGNET_CURRENT_CURRENCY:
      if (has_term (terms, SIGNET_AMENDED_VALUE))
        sqlite3_result_text (context, terms->currency, -1, SQLITE_TRANSIENT);
      else
        sqlite3_result_value (context, argv[2]);
      break;

    case SIGNET_CURRENT_END_DATE:
      if (has_term (terms, SIGNET_AMENDED_END_DATE))
        sqlite3_result_text (context, terms->end_date, -1, SQLITE_TRANSIENT);
      else
        sqlite3_result_value (context, argv[2]);
      break;

    case SIGNET_CURRENT_AUTO_RENEW:
      if (has_term (terms, SIGNET_AMENDED_NOTICE))
        sqlite3_result_int (context, terms->auto_renew);
      else
        sqlite3_result_value (context, argv[2]);
      break;

    case SIGNET_CURRENT_TITLE_KEY:
      if (has_term (terms, SIGNET_AMENDED_TITLE))
        {
          data = g_bytes_get_data (terms->title_key, &size);
          sqlite3_result_blob (context, data, (int) size, SQLITE_TRANSIENT);
        }
      else
        sqlite3_result_value (context, argv[2]);
      break;

    default:
      sqlite3_result_value (context, argv[2]);
      break;
    }
}

/* The terms of @contract_id that the amendments in force on @day changed,
 * or NULL when none did (no amendment yet in force, or only the "other
 * terms" in words, which no list column shows). */
static CurrentTerms *
work_out (SignetStore  *self,
          gint64        contract_id,
          const char   *day,
          GError      **error)
{
  g_autoptr(GPtrArray) amendments = NULL;
  g_autoptr(SignetContract) blank = NULL;
  g_autoptr(SignetContract) in_force = NULL;
  const SignetAmendment *sources[SIGNET_N_AMENDED_TERMS];
  CurrentTerms *terms;

  if (!(amendments = _signet_store_list_amendments (self, contract_id, error)))
    return NULL;
  if (amendments->len == 0)
    return NULL;

  /* Only the terms amendments set are kept: the others are the row's. */
  blank = signet_contract_new ();
  in_force = signet_contract_terms_as_of (blank, amendments, day, sources);
  if (sources[SIGNET_AMENDED_VALUE] == NULL && sources[SIGNET_AMENDED_END_DATE] == NULL &&
      sources[SIGNET_AMENDED_NOTICE] == NULL && sources[SIGNET_AMENDED_TITLE] == NULL)
    return NULL;

  terms = g_new0 (CurrentTerms, 1);
  if (sources[SIGNET_AMENDED_VALUE] != NULL)
    {
      terms->changes |= SIGNET_AMENDED_TERM_FLAG (SIGNET_AMENDED_VALUE);
      terms->value = signet_contract_get_value (in_force);
      terms->currency = g_strdup (signet_contract_get_currency (in_force));
    }
  if (sources[SIGNET_AMENDED_END_DATE] != NULL)
    {
      terms->changes |= SIGNET_AMENDED_TERM_FLAG (SIGNET_AMENDED_END_DATE);
      terms->end_date = g_strdup (signet_contract_get_end_date (in_force));
    }
  if (sources[SIGNET_AMENDED_NOTICE] != NULL)
    {
      terms->changes |= SIGNET_AMENDED_TERM_FLAG (SIGNET_AMENDED_NOTICE);
      terms->notice_days = signet_contract_get_notice_days (in_force);
      terms->auto_renew = signet_contract_get_auto_renew (in_force);
    }
  if (sources[SIGNET_AMENDED_TITLE] != NULL)
    {
      terms->changes |= SIGNET_AMENDED_TERM_FLAG (SIGNET_AMENDED_TITLE);
      terms->title = g_strdup (signet_contract_get_title (in_force));
      terms->title_key = signet_search_sort_key (terms->title);
    }

  return terms;
}

/* On a server, signet_current_term() is a function of the server's
 * (signet-store-server.c) that reads this connection's TEMP table of the
 * terms: the same terms, worked out here, copied there. */
static void
mirror_terms (SignetStore        *self,
              gint64              contract_id,
              const CurrentTerms *terms)
{
  g_autoptr(GError) error = NULL;
  SignetDbStmt *stmt;

  if (self->sqlite != NULL)
    return;

  if (!_signet_store_exec (self,
                           "CREATE TEMP TABLE IF NOT EXISTS signet_current_terms ("
                           "  contract_id bigint PRIMARY KEY, value bigint, currency text,"
                           "  end_date text, auto_renew bigint, title_key bytea)",
                           &error) ||
      !(stmt = _signet_store_statement (self, "DELETE FROM signet_current_terms WHERE contract_id = ?", &error)))
    goto failed;
  signet_db_bind_int64 (stmt, 1, contract_id);
  if (!_signet_store_step_done (self, stmt, &error))
    goto failed;

  if (terms == NULL)
    return;

  stmt = _signet_store_statement (self,
                                  "INSERT INTO signet_current_terms (contract_id, value, currency, end_date, "
                                  "auto_renew, title_key) VALUES (?, ?, ?, ?, ?, ?)",
                                  &error);
  if (stmt == NULL)
    goto failed;
  signet_db_bind_int64 (stmt, 1, contract_id);
  if (has_term (terms, SIGNET_AMENDED_VALUE))
    {
      signet_db_bind_int64 (stmt, 2, terms->value);
      signet_db_bind_text (stmt, 3, terms->currency);
    }
  if (has_term (terms, SIGNET_AMENDED_END_DATE))
    signet_db_bind_text (stmt, 4, terms->end_date);
  if (has_term (terms, SIGNET_AMENDED_NOTICE))
    signet_db_bind_int64 (stmt, 5, terms->auto_renew);
  if (has_term (terms, SIGNET_AMENDED_TITLE))
    {
      gsize size;
      gconstpointer data = g_bytes_get_data (terms->title_key, &size);

      signet_db_bind_blob (stmt, 6, data, size, TRUE);
    }
  if (_signet_store_step_done (self, stmt, &error))
    return;

failed:
  g_warning ("Could not keep the amended terms on the server: %s", error->message);
}

static void
put_terms (SignetStore       *self,
           CurrentTermsState *state,
           gint64             contract_id,
           CurrentTerms      *terms)
{
  mirror_terms (self, contract_id, terms);

  if (terms == NULL)
    g_hash_table_remove (state->terms, &contract_id);
  else
    g_hash_table_replace (state->terms, g_memdup2 (&contract_id, sizeof contract_id), terms);
}

static gboolean
load (SignetStore        *self,
      CurrentTermsState  *state,
      const char         *day,
      GError            **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  SignetDbStmt *stmt;
  int rc;

  stmt = _signet_store_statement (self,
                                  "SELECT DISTINCT contract_id FROM amendments WHERE effective_date <= ?",
                                  error);
  if (stmt == NULL)
    return FALSE;

  signet_db_bind_text (stmt, 1, day);
  while ((rc = signet_db_step (stmt)) == SIGNET_DB_ROW)
    {
      gint64 id = signet_db_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  signet_db_reset (stmt);
  if (rc != SIGNET_DB_DONE)
    return _signet_store_set_error (self, rc, error);

  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(GError) local_error = NULL;
      gint64 id = g_array_index (ids, gint64, i);
      CurrentTerms *terms = work_out (self, id, day, &local_error);

      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      put_terms (self, state, id, terms);
    }

  return TRUE;
}

gboolean
_signet_store_current_terms_ensure (SignetStore  *self,
                                    gboolean     *new_day)
{
  CurrentTermsState *state = get_state (self);
  g_autofree char *today = signet_store_dup_today (self);
  g_autoptr(GError) error = NULL;
  gboolean had_day = state->day != NULL;

  if (self->sqlite != NULL && state->function_db != self->sqlite)
    {
      sqlite3_create_function (self->sqlite, "signet_current_term", 3, SQLITE_UTF8, state,
                               current_term_function, NULL, NULL);
      state->function_db = self->sqlite;
    }

  if (new_day != NULL)
    *new_day = FALSE;

  if (g_strcmp0 (state->day, today) == 0)
    return g_hash_table_size (state->terms) > 0;

  g_clear_pointer (&state->terms, g_hash_table_unref);
  state->terms = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                        (GDestroyNotify) current_terms_free);
  if (self->sqlite == NULL)
    _signet_store_exec (self, "DROP TABLE IF EXISTS pg_temp.signet_current_terms", NULL);
  g_free (state->day);
  state->day = g_steal_pointer (&today);

  /* The list goes on with the terms as signed rather than show nothing. */
  if (!load (self, state, state->day, &error))
    {
      g_warning ("Could not read the amended terms: %s", error->message);
      g_hash_table_remove_all (state->terms);
    }

  if (new_day != NULL)
    *new_day = had_day;

  return g_hash_table_size (state->terms) > 0;
}

void
_signet_store_current_terms_note_change (SignetStore      *self,
                                         SignetRecordKind  kind,
                                         gint64            id,
                                         SignetChangeKind  change)
{
  CurrentTermsState *state = get_state (self);
  g_autoptr(GError) error = NULL;
  CurrentTerms *terms = NULL;

  if (state->day == NULL || kind != SIGNET_RECORD_CONTRACT)
    return;

  if (change != SIGNET_CHANGE_REMOVED)
    terms = work_out (self, id, state->day, &error);

  if (error != NULL)
    {
      g_debug ("Reading the amended terms again: %s", error->message);
      _signet_store_current_terms_forget (self);
      return;
    }

  put_terms (self, state, id, terms);
}

void
_signet_store_current_terms_forget (SignetStore *self)
{
  CurrentTermsState *state = get_state (self);

  g_clear_pointer (&state->day, g_free);
  g_clear_pointer (&state->terms, g_hash_table_unref);
}

const char *
_signet_store_current_title (SignetStore *self,
                             gint64       id)
{
  CurrentTermsState *state = get_state (self);
  const CurrentTerms *terms = state->terms != NULL ? g_hash_table_lookup (state->terms, &id) : NULL;

  return terms != NULL && has_term (terms, SIGNET_AMENDED_TITLE) ? terms->title : NULL;
}

static void
apply_terms (CurrentTermsState *state,
             SignetContract    *contract)
{
  gint64 id = signet_contract_get_id (contract);
  const CurrentTerms *terms = state->terms != NULL ? g_hash_table_lookup (state->terms, &id) : NULL;

  if (terms == NULL)
    return;

  if (has_term (terms, SIGNET_AMENDED_VALUE))
    {
      signet_contract_set_value (contract, terms->value);
      signet_contract_set_currency (contract, terms->currency);
    }
  if (has_term (terms, SIGNET_AMENDED_END_DATE))
    signet_contract_set_end_date (contract, terms->end_date);
  if (has_term (terms, SIGNET_AMENDED_NOTICE))
    {
      signet_contract_set_notice_days (contract, terms->notice_days);
      signet_contract_set_auto_renew (contract, terms->auto_renew);
    }
  if (has_term (terms, SIGNET_AMENDED_TITLE))
    signet_contract_set_title (contract, terms->title);
}

void
_signet_store_apply_listed_terms (SignetStore    *self,
                                  SignetContract *contract)
{
  CurrentTermsState *state = get_state (self);

  /* Reading the clock and formatting the day for every row drawn cost a
   * third of a search's time (docs/benchmarks.md). */
  if (state->day == NULL)
    _signet_store_current_terms_ensure (self, NULL);

  apply_terms (state, contract);
}

void
signet_store_apply_current_terms (SignetStore    *self,
                                  SignetContract *contract)
{
  g_return_if_fail (SIGNET_IS_STORE (self));
  g_return_if_fail (SIGNET_IS_CONTRACT (contract));

  if (_signet_store_current_terms_ensure (self, NULL))
    apply_terms (get_state (self), contract);
}
