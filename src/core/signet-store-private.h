/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <sqlite3.h>

#include "signet-db.h"
#include "signet-db-sqlite.h"

#include "signet-amendment.h"
#include "signet-audit-action.h"
#include "signet-contract-process.h"
#include "signet-contract-type.h"
#include "signet-store.h"
#include "signet-store-attachments.h"
#include "signet-store-people.h"
#include "signet-store-team.h"

G_BEGIN_DECLS

/* Shared by the files that make up SignetStore: signet-store.c (opening,
 * migrations, transactions) and the signet-store-*.c files, one for each
 * part of the register. Nothing outside src/core includes this header,
 * except the unit tests that open a register at an older version or look
 * into what the store wrote. */

struct _SignetStore
{
  GObject     parent_instance;

  char       *path;
  /* The connection, and under it, for a register in a file, SQLite's
   * own: its locks, copies, SQL functions and data_version are the
   * file's alone. NULL on a server. */
  SignetDb   *db;
  sqlite3    *sqlite;
  GHashTable *statements;   /* SQL text -> SignetDbStmt */

  guint       batch_depth;
  gboolean    batch_changed;
  gboolean    batch_failed;         /* a write failed halfway inside the batch */
  sqlite3_int64 write_start_changes;
  guint       batch_inserts;
  gboolean    batch_bulk;           /* BULK_INDEXES dropped until commit */

  gboolean    read_only;            /* SIGNET_STORE_OPEN_READ_ONLY */

  /* The time audit entries are written with, formatted once per
   * millisecond (see signet-store-audit.c). */
  gint64      audit_ms;
  char        audit_time[32];

  /* Search, see signet-store-search.c: the contracts in the last order
   * asked for and where each one's text is, every contract's search text,
   * and the last search's terms and where in that order what they found
   * is. */
  GArray        *ordered_ids;
  gint64         ordered_id_limit;   /* the highest of ordered_ids + 1 */
  SignetSortKey  ordered_key;
  gboolean       ordered_descending;
  GArray        *ordered_records;
  struct _SignetSearchIndex *search_index;
  GStrv          last_terms;
  GArray        *last_positions;

  /* Undo, see signet-store-tombstones.c: the files deleted attachments
   * would bring back, the writes that changed records, and whether the
   * write under way wrote an audit entry. */
  GHashTable    *kept_blobs;
  guint64        edit_count;
  gboolean       edit_pending;

  /* Writes of other connections, see signet-store-watch.c: what was
   * seen of them last, the audit ids this store's own transaction has
   * written so far, and those of its committed writes not yet passed. */
  gint64         seen_data_version;
  gint64         seen_audit_id;
  gint64         pending_audit_first;
  gint64         pending_audit_last;
  GArray        *own_audit_ranges;
  GSource       *watch_source;
  guint          n_watchers;

  /* Who acts and what the role allows, see signet-store-team.c: on a
   * server the person linked to the database user (NULL in a file, where
   * the account's name is recorded). */
  char          *acting_name;
  SignetStoreRole role;
  gboolean       may_edit;

  /* A team register's connection, see signet-store-connection.c: the
   * server process serving it (whose announcements are the store's own),
   * the audit ids others announced and not yet passed on (and whether an
   * import's many were among them), whether it is lost, the next attempt
   * at connecting again and the one under way, and the watch on its
   * socket. */
  gint64         backend_pid;
  GArray        *announced_ids;
  gboolean       announced_many;
  gboolean       disconnected;
  guint          reconnect_delay_s;
  GSource       *reconnect_source;
  GCancellable  *reconnect_cancellable;
  GSource       *socket_source;
};

/* A record as (field, text) pairs in a fixed order, for the audit log.
 * @text is the record's own string or @owned, a string made for the list
 * (a formatted amount, a client's id), which the list frees. */
typedef struct
{
  SignetField  field;
  const char  *text;
  char        *owned;
} FieldText;

typedef GArray FieldList;

/* For the migration tests: opens @path and migrates it only as far as
 * @target_version, so each migration can be tested from the one before. */
SignetStore  *signet_store_new_at_version        (const char       *path,
                                                  int               target_version,
                                                  GError          **error);

/* Migration 9, in signet-store-process.c: the contract process. */
gboolean      _signet_store_migrate_process      (SignetStore      *self,
                                                  GError          **error);
/* Migration 11, in signet-store-types.c: the contract types. */
gboolean      _signet_store_migrate_types        (SignetStore      *self,
                                                  GError          **error);
/* Migration 12, in signet-store-amendments.c; the amendments of
 * @contract_id by effective date, for the events that follow them. */
gboolean      _signet_store_migrate_amendments   (SignetStore      *self,
                                                  GError          **error);
GPtrArray    *_signet_store_list_amendments      (SignetStore      *self,
                                                  gint64            contract_id,
                                                  GError          **error);
/* Migration 13, in signet-store-approvals.c: approval routes, rules and
 * steps. */
gboolean      _signet_store_migrate_approvals    (SignetStore      *self,
                                                  GError          **error);
/* Migration 14, in signet-store-renewals.c: renewal links. */
gboolean      _signet_store_migrate_renewals     (SignetStore      *self,
                                                  GError          **error);
/* See signet-store-process.c: the process event row of @step, from @from
 * to @to, inside the caller's write. */
gboolean      _signet_store_insert_process_event (SignetStore      *self,
                                                  gint64            contract_id,
                                                  const SignetProcessStep *step,
                                                  SignetContractStatus from,
                                                  SignetContractStatus to,
                                                  const char       *effective_date,
                                                  GError          **error);
/* Migration 7, in signet-store-uuids.c. */
gboolean      _signet_store_migrate_uuids        (SignetStore      *self,
                                                  GError          **error);
/* The UUID a record added to @table gets: @uuid, the one it had (a
 * restore, an import), unless it is NULL, malformed or another row of
 * @table has it already (the same file imported twice, a copy of a record
 * under another number); then a new random one, so that no two records
 * share one. Inside the write. */
char         *_signet_store_claim_uuid           (SignetStore      *self,
                                                  const char       *table,
                                                  const char       *uuid,
                                                  GError          **error);

/* @sqlite on a register in a file, @postgresql on a server: the few
 * statements whose SQL the two engines do not share (JSON, the system
 * catalogue; docs/architecture.md lists them). Both are literals, so the
 * statement cache keys on each. */
static inline const char *
_signet_store_sql (SignetStore *self,
                   const char  *sqlite,
                   const char  *postgresql)
{
  return self->sqlite != NULL ? sqlite : postgresql;
}

/* Brings the register from @from_version to @to_version, each migration
 * in a transaction of its own. */
gboolean      _signet_store_run_migrations       (SignetStore      *self,
                                                  int               from_version,
                                                  int               to_version,
                                                  GError          **error);
/* A team register, see signet-store-server.c: whether @location names a
 * PostgreSQL server rather than a file, migration 25, and opening it there. */
gboolean      _signet_store_is_server_location   (const char       *location);
gboolean      _signet_store_migrate_search_triggers (SignetStore   *self,
                                                  GError          **error);
gboolean      _signet_store_migrate_grams_cost      (SignetStore   *self,
                                                  GError          **error);
gboolean      _signet_store_migrate_insert_texts    (SignetStore   *self,
                                                  GError          **error);
gboolean      _signet_store_open_server          (SignetStore      *self,
                                                  SignetStoreOpenFlags flags,
                                                  int               target_version,
                                                  int               newest_version,
                                                  GError          **error);
gboolean      _signet_store_set_error            (SignetStore      *self,
                                                  int               rc,
                                                  GError          **error);
gboolean      _signet_store_exec                 (SignetStore      *self,
                                                  const char       *sql,
                                                  GError          **error);
/* Cached by SQL text; comes back reset with its bindings cleared. */
SignetDbStmt *_signet_store_statement            (SignetStore      *self,
                                                  const char       *sql,
                                                  GError          **error);
gint64        _signet_store_query_int64          (SignetStore      *self,
                                                  const char       *sql,
                                                  GError          **error);
gboolean      _signet_store_step_done            (SignetStore      *self,
                                                  SignetDbStmt     *stmt,
                                                  GError          **error);
/* Asks whether a row's unique keys (a code, a number) are another row's,
 * with a field error saying whose; see _signet_store_step_keyed(). */
typedef gboolean (*SignetStoreKeyCheck)          (SignetStore      *self,
                                                  gconstpointer     data,
                                                  GError          **error);
/* Steps @stmt, a write of a row whose keys @check found free before it;
 * when a unique index refuses it all the same (another client wrote the
 * key meanwhile), @check again says whose it is. */
gboolean      _signet_store_step_keyed           (SignetStore      *self,
                                                  SignetDbStmt     *stmt,
                                                  SignetStoreKeyCheck check,
                                                  gconstpointer     data,
                                                  GError          **error);
/* Steps @stmt, bound by the caller, for its one row and makes the record
 * of it with @from_row; NULL with no error when there is no row. */
typedef gpointer (*SignetStoreRowFunc) (SignetDbStmt *stmt);
gpointer      _signet_store_step_one_row         (SignetStore      *self,
                                                  SignetDbStmt     *stmt,
                                                  SignetStoreRowFunc from_row,
                                                  GError          **error);
/* Every row of @sql as a new object of @type, filled in by @fill, in the
 * order of the rows: the lists of clients and of people. */
typedef void (*SignetStoreFillFunc) (SignetDbStmt *stmt,
                                     gpointer      object);
GListModel   *_signet_store_list_objects         (SignetStore         *self,
                                                  const char          *sql,
                                                  GType                type,
                                                  SignetStoreFillFunc  fill,
                                                  GError             **error);
/* Binds @text, or NULL when it is NULL or empty. The static variant does
 * not copy it: @text must stay unchanged until the statement has run. */
void          _signet_store_bind_text            (SignetDbStmt     *stmt,
                                                  int               index,
                                                  const char       *text);
void          _signet_store_bind_static_text     (SignetDbStmt     *stmt,
                                                  int               index,
                                                  const char       *text);
char         *_signet_store_dup_text             (SignetDbStmt     *stmt,
                                                  int               column);

gboolean      _signet_store_begin_write          (SignetStore      *self,
                                                  GError          **error);
/* Locks the row @id of a server's table before a write scope reads it,
 * so that its version check sees any save committed meanwhile; nothing in
 * a file (see signet-store.c). */
gboolean      _signet_store_lock_row             (SignetStore      *self,
                                                  const char       *lock_sql,
                                                  gint64            id,
                                                  GError          **error);
gboolean      _signet_store_commit_write         (SignetStore      *self,
                                                  GError          **error);
void          _signet_store_rollback_write       (SignetStore      *self);
/* Counts a contract added inside a batch; past a few thousand the batch
 * drops the secondary indexes and builds them again at commit. */
void          _signet_store_note_batch_insert    (SignetStore      *self);
/* @detail is one of SIGNET_STORE_CHANGED_FIELDS, ... (a static string). */
void          _signet_store_emit_changed         (SignetStore      *self,
                                                  SignetRecordKind  kind,
                                                  gint64            id,
                                                  SignetChangeKind  change,
                                                  const char       *detail);
/* Counts a committed write that changed records (see
 * signet_store_get_edit_count()), as it is announced. */
void          _signet_store_count_edit           (SignetStore      *self);

gboolean      _signet_set_field_error            (GError          **error,
                                                  SignetField       field,
                                                  const char       *format,
                                                  ...) G_GNUC_PRINTF (3, 4);
gboolean      _signet_is_blank                   (const char       *text);
/* Fails with a field error when @text is longer than @max_chars
 * characters, spaces around it aside. */
gboolean      _signet_check_length               (const char       *text,
                                                  guint             max_chars,
                                                  SignetField       field,
                                                  GError          **error);
char         *_signet_strdup_trimmed             (const char       *text);

/* How many contracts @count_sql ("SELECT count(*) FROM contracts WHERE
 * <column> = ?") finds for @id: the clients and people a contract
 * refers to. 0 when the register cannot be read. */
guint         _signet_store_count_contracts      (SignetStore      *self,
                                                  const char       *count_sql,
                                                  gint64            id);

SignetClient *_signet_store_lookup_client        (SignetStore      *self,
                                                  const char       *where,
                                                  gint64            id,
                                                  const char       *text,
                                                  GError          **error);

void          _signet_store_search_note_change   (SignetStore      *self,
                                                  SignetRecordKind  kind,
                                                  gint64            id,
                                                  SignetChangeKind  change);
void          _signet_store_search_forget        (SignetStore      *self);
/* See signet-store-search.c: the SQL functions the search triggers call,
 * added to every connection; migration 8; remaking the stored pinyin and
 * sort keys when ICU changed. */
void          _signet_store_search_add_functions (sqlite3          *db);
gboolean      _signet_store_migrate_search       (SignetStore      *self,
                                                  GError          **error);
/* Makes the search text and sort key of the contracts whose @where_column
 * is @id again (the triggers do it for every write of those columns). */
gboolean      _signet_store_refresh_search_text  (SignetStore      *self,
                                                  const char       *where_column,
                                                  gint64            id,
                                                  GError          **error);
gboolean      _signet_store_search_add_triggers  (SignetStore      *self,
                                                  GError          **error);
gboolean      _signet_store_search_check_icu     (SignetStore      *self,
                                                  GError          **error);
/* See signet-store-current-terms.c: the terms the amendments in force on
 * the store's day changed, kept in memory. _ensure() loads them for the
 * day (again once it moved on, then @new_day) and says whether any
 * contract has some; a contract's are worked out again as a change to it
 * is announced; _forget() drops them all. */
gboolean      _signet_store_current_terms_ensure (SignetStore      *self,
                                                  gboolean         *new_day);
void          _signet_store_current_terms_note_change (SignetStore      *self,
                                                       SignetRecordKind  kind,
                                                       gint64            id,
                                                       SignetChangeKind  change);
void          _signet_store_current_terms_forget (SignetStore      *self);
/* signet_store_apply_current_terms() for the contract list's rows: with
 * the terms of the day the list's order was made for (its query follows
 * the day), without reading the clock for each row. */
void          _signet_store_apply_listed_terms   (SignetStore      *self,
                                                  SignetContract   *contract);
/* The title in force of the contract @id when an amendment changed it,
 * else NULL. */
const char   *_signet_store_current_title        (SignetStore      *self,
                                                  gint64            id);
/* Appends each contract whose title in force an amendment changed to @ids
 * (gint64) and that title to @titles (the store's, valid until its next
 * change). */
void          _signet_store_current_titles       (SignetStore      *self,
                                                  GArray           *ids,
                                                  GPtrArray        *titles);
/* The columns of the SQL function signet_current_term (id, column,
 * stored): the contract "c"'s term in force, or its stored column. */
typedef enum
{
  SIGNET_CURRENT_VALUE,
  SIGNET_CURRENT_CURRENCY,
  SIGNET_CURRENT_END_DATE,
  SIGNET_CURRENT_AUTO_RENEW,
  SIGNET_CURRENT_TITLE_KEY,
} SignetCurrentColumn;
#define SIGNET_CURRENT_VALUE_SQL      "signet_current_term (c.id, 0, c.value)"
#define SIGNET_CURRENT_CURRENCY_SQL   "signet_current_term (c.id, 1, c.currency)"
#define SIGNET_CURRENT_END_DATE_SQL   "signet_current_term (c.id, 2, c.end_date)"
#define SIGNET_CURRENT_AUTO_RENEW_SQL "signet_current_term (c.id, 3, c.auto_renew)"
#define SIGNET_CURRENT_TITLE_KEY_SQL  "signet_current_term (c.id, 4, c.title_key)"

/* Contract statuses in SQL, shared by the agenda (signet-store-events.c),
 * the list's sort (signet-store-search.c) and the query
 * (signet-store-query.c), so that they call the same contracts in force,
 * expired or active. */
/* The statuses in which a contract renews, gets notice deadlines and
 * reviews (status_is_in_force() in signet-key-dates.c). */
#define SIGNET_IN_FORCE_SQL "('approved', 'signed', 'active')"

/* A signed contract that has expired by @day (YYYY-MM-DD in SQL): it is
 * stored as signed and shown as expired after its end unless it renews
 * itself, or after the end a user let it expire at
 * (signet_contract_get_shown_status()). Its end is no longer a deadline to
 * meet, nor its reviews due. */
#define SIGNET_EXPIRED_BY_SQL(day) \
  "(c.status = 'signed' AND ((c.auto_renew = 0 AND c.end_date IS NOT NULL AND c.end_date < " day ") " \
  "OR (c.termination_date IS NOT NULL AND c.termination_date < " day ")))"

/* The place in the process (SignetContractStatus's order) of the status a
 * user sees of the contract "c" on the day ?1, as
 * signet_contract_get_shown_status() derives it from its end date @end and
 * @auto_renew: the list sorts by it, as it shows it. Active and expired
 * are never stored (see there why). A status of a newer Signet comes last.
 * One CASE per row: about twice as fast as joining a table of the
 * statuses' ranks was (docs/benchmarks.md). */
#define SIGNET_SHOWN_STATUS_RANK_SQL(end, auto_renew) \
  "(CASE WHEN c.status = 'draft' THEN 0 WHEN c.status = 'in-review' THEN 1" \
  " WHEN c.status = 'approved' THEN 2 WHEN c.status = 'renewed' THEN 6" \
  " WHEN c.status = 'terminated' THEN 7 WHEN c.status NOT IN ('signed', 'active', 'expired') THEN 8" \
  " WHEN " end " IS NOT NULL AND " end " < ?1 AND " auto_renew " = 0 THEN 5" \
  " WHEN c.termination_date < ?1 THEN 5" \
  " WHEN c.start_date IS NOT NULL AND ?1 < c.start_date THEN 3" \
  " WHEN c.start_date IS NULL AND " end " IS NULL THEN 3 ELSE 4 END)"

/* See signet-store-team.c: migration 24; on a server, who the session
 * is (at open); the error for a write the user's role does not allow;
 * the name recorded as who acts, the account's or the person's. */
gboolean      _signet_store_migrate_team         (SignetStore      *self,
                                                  GError          **error);
gboolean      _signet_store_team_read_session    (SignetStore      *self,
                                                  int               version,
                                                  GError          **error);
gboolean      _signet_store_team_set_refused     (SignetStore      *self,
                                                  GError          **error);
gboolean      _signet_store_team_check_upgrade   (SignetStore      *self,
                                                  GError          **error);
const char   *_signet_store_user_name            (SignetStore      *self);
const char   *_signet_store_person_name          (SignetStore      *self);

/* See signet-store-people.c: migration 10. */
gboolean      _signet_store_migrate_people       (SignetStore      *self,
                                                  GError          **error);
/* See signet-store-attachments.c: the ids of the existing contracts whose
 * current attachment text contains @folded_term, as a set of gint64 *
 * (g_int64_hash). The term is folded again the way the text was (NFKC,
 * case-folded), so a term lower-cased with g_utf8_strdown() matches as
 * well. */
GHashTable   *_signet_store_attachment_text_matches (SignetStore   *self,
                                                     const char    *folded_term);
/* The name of the first current attachment of @contract_id whose text
 * contains @folded_term, or NULL; @page is the page it is on, from 1, or 0
 * when the text does not say. */
char         *_signet_store_attachment_text_file (SignetStore      *self,
                                                  gint64            contract_id,
                                                  const char       *folded_term,
                                                  guint            *page);

/* See signet-store-events.c: derives the events of @contract_id again
 * (none when it does not exist). Runs inside the caller's write
 * transaction. Called by every write that changes a contract (add,
 * update, delete, restore, import) and by the writes of
 * signet-store-events.h. */
gboolean      _signet_store_events_refresh_contract (SignetStore   *self,
                                                     gint64         contract_id,
                                                     GError       **error);
/* The event of the key date @key_date_id, just added to the existing
 * contract @contract_id; the same as refreshing the contract, whose
 * derived events do not depend on the dates users add, at the cost of one
 * row instead of all of them. */
gboolean      _signet_store_events_add_key_date  (SignetStore      *self,
                                                  gint64            contract_id,
                                                  gint64            key_date_id,
                                                  GError          **error);

/* The current user's name for added-by and author (see
 * signet-store-attachments.c), and the time now in the audit log's format
 * (see signet-store-audit.c). */
const char   *_signet_store_user_display_name    (void);
char         *_signet_store_timestamp_now        (void);
/* @text, a time an import brings, in that format; NULL with an error
 * saying what is wrong when it is not a UTC time in the range. */
char         *_signet_store_clean_timestamp      (const char       *text,
                                                  GError          **error);

/* Forgets the search's orders and texts kept in memory (the register
 * changed too much to follow) and emits "reset". */
void          _signet_store_emit_reset           (SignetStore      *self);
/* See signet-store-watch.c: what is seen of the register as it is
 * opened, and what watching it holds, let go as the store goes; an audit
 * entry this store wrote; the end of a transaction of this store's,
 * committed or not. */
void          _signet_store_watch_start          (SignetStore      *self);
void          _signet_store_watch_finalize       (SignetStore      *self);
void          _signet_store_note_own_audit       (SignetStore      *self,
                                                  gint64            audit_id);
void          _signet_store_own_writes_ended     (SignetStore      *self,
                                                  gboolean          committed);
/* See signet-store-watch.c, on a server: the connection was lost (its
 * socket is no longer watched), or is back (watched again if it was). */
void          _signet_store_watch_disconnected   (SignetStore      *self);
void          _signet_store_watch_reconnected    (SignetStore      *self);
/* See signet-store-connection.c: the "connected" property, installed by
 * the class; on a server, listening for announcements once connected;
 * TRUE with SIGNET_STORE_ERROR_DISCONNECTED in @error when the call that
 * failed did so because the connection is lost, which starts connecting
 * again; and the sources it holds, let go as the store goes. */
void          _signet_store_connection_class_init (GObjectClass    *object_class);
gboolean      _signet_store_connection_listen    (SignetStore      *self,
                                                  GError          **error);
gboolean      _signet_store_connection_check_lost (SignetStore     *self,
                                                  GError          **error);
void          _signet_store_connection_finalize  (SignetStore      *self);

FieldList    *_signet_contract_to_fields         (SignetContract   *contract);
FieldList    *_signet_client_to_fields           (SignetClient     *client);
FieldList    *_signet_person_to_fields           (SignetPerson     *person);
/* The record kind as the audit table stores it: "client", "contract",
 * "person"; an unknown token reads as a contract. */
const char   *_signet_record_kind_to_token       (SignetRecordKind  kind);
SignetRecordKind _signet_record_kind_from_token  (const char       *token);
void          _signet_field_list_free            (FieldList        *list);

/* One write to the register: every public function that writes is one,
 * and its steps are the same each time. In signet-store-write-scope.c:
 *
 *   g_auto(SignetWriteScope) scope = { 0 };
 *
 *   if (!_signet_write_scope_begin (&scope, self, error))
 *     return FALSE;
 *   ... the write's statements; on failure: return FALSE ...
 *   if (!_signet_write_scope_audit (&scope, SIGNET_AUDIT_ACTION_UPDATE, ...))
 *     return FALSE;
 *   return _signet_write_scope_commit (&scope, error);
 *
 * Begin takes the write lock (inside a batch, nothing: the batch holds
 * it). Each audit entry written through the scope queues the "changed" it
 * stands for, derived from its action (signet-audit-action.c) as the
 * watch of other connections derives it from the same entry, so that a
 * window sees the same signal for a write of its own and one made
 * elsewhere. Commit commits, then emits what was queued, once each, in
 * order (inside a batch: one "reset" when the batch commits). A scope
 * that goes out of scope not committed rolls the write back (inside a
 * batch: marks the batch failed when the write had changed rows). */
typedef struct
{
  SignetRecordKind  kind;
  gint64            id;
  SignetChangeKind  change;
  const char       *detail;
} SignetWriteChange;

typedef struct
{
  SignetStore       *store;
  gboolean           open;        /* begun, neither committed nor rolled back */
  /* The changes to announce: the newest inline (most writes have one),
   * those before it in @earlier. */
  guint              n_changes;
  SignetWriteChange  newest;
  GArray            *earlier;
} SignetWriteScope;

gboolean      _signet_write_scope_begin          (SignetWriteScope *scope,
                                                  SignetStore      *store,
                                                  GError          **error);
/* Writes one audit row whose changes column lists the fields that differ
 * between @before and @after (either NULL for a creation or a deletion),
 * and queues its change. */
gboolean      _signet_write_scope_audit          (SignetWriteScope *scope,
                                                  SignetAuditAction action,
                                                  SignetRecordKind  kind,
                                                  gint64            record_id,
                                                  const char       *label,
                                                  FieldList        *before,
                                                  FieldList        *after,
                                                  GError          **error);
/* A change an audit entry on a contract lists, named by its own token. */
typedef struct
{
  const char *field;
  const char *old_value;
  const char *new_value;
} SignetAttachmentChange;

/* The same on a contract for changes named by their own tokens (an
 * attachment's file, an annotation's page): unchanged ones are left out,
 * except the first, which names what the entry is about. The label is
 * the contract's number. */
gboolean      _signet_write_scope_audit_files    (SignetWriteScope *scope,
                                                  SignetAuditAction action,
                                                  gint64            contract_id,
                                                  const SignetAttachmentChange *changes,
                                                  guint             n_changes,
                                                  GError          **error);
/* Queues a change that has no audit entry of its own (a file's text
 * read); one equal to the change queued last is not queued again. */
void          _signet_write_scope_add_change     (SignetWriteScope *scope,
                                                  SignetRecordKind  kind,
                                                  gint64            id,
                                                  SignetChangeKind  change,
                                                  const char       *detail);
/* Commits and emits the queued changes; FALSE, rolled back, when the
 * commit fails. */
gboolean      _signet_write_scope_commit         (SignetWriteScope *scope,
                                                  GError          **error);
/* Rolls back a scope not committed; g_auto(SignetWriteScope) calls it. */
void          _signet_write_scope_clear          (SignetWriteScope *scope);

/* See signet-store-people.c: the person a contract's owner names, found
 * spaces aside or added (in @department, with an audit entry of its own)
 * in the write of @scope; *@person_id 0 and *@name NULL for no owner. */
gboolean      _signet_store_resolve_owner        (SignetWriteScope *scope,
                                                  const char       *owner,
                                                  const char       *department,
                                                  gint64           *person_id,
                                                  char            **name,
                                                  GError          **error);
/* Points the contract @contract_id, just put back by Undo, at the person
 * its owner names: the person it pointed at may have been deleted or
 * renamed while it was deleted. */
gboolean      _signet_store_relink_owner         (SignetWriteScope *scope,
                                                  gint64            contract_id,
                                                  GError          **error);
/* See signet-store-contracts.c: a contract's INSERT and audit entry inside
 * @scope; its new id and UUID, set on @contract by the caller once
 * committed. */
gboolean      _signet_store_insert_contract      (SignetWriteScope *scope,
                                                  SignetContract   *contract,
                                                  gint64           *id,
                                                  char            **uuid,
                                                  GError          **error);

/* See signet-store-types.c: a key date for each of @type's offsets after
 * the start of @contract (stored as @contract_id), inside @scope's write. */
gboolean      _signet_store_insert_type_key_dates (SignetWriteScope *scope,
                                                   SignetContract   *contract,
                                                   gint64            contract_id,
                                                   SignetContractType *type,
                                                   GError          **error);

/* See signet-store-approvals.c. Inside @scope's write of
 * signet_store_take_process_step(), its version and the action's being
 * allowed checked: APPROVE, RETURN or REJECT on a contract with a pending
 * approval step decide that step (*@taken TRUE, the whole step taken);
 * otherwise nothing is done (*@taken FALSE). */
gboolean      _signet_store_approvals_take_process_step (SignetWriteScope        *scope,
                                                         SignetContract          *current,
                                                         const SignetProcessStep *step,
                                                         gboolean                *taken,
                                                         GError                 **error);
/* After @action was taken on @contract (its status already the new one):
 * a submission with a route starts a round of approval steps, a cancelled
 * draft ends its open round. */
gboolean      _signet_store_approvals_process_step_taken (SignetStore            *self,
                                                          SignetContract         *contract,
                                                          SignetProcessAction     action,
                                                          GError                **error);
/* After @amendment was added as @id: in review with the first round of
 * its route when the rules give it one, else approved (its state set). */
gboolean      _signet_store_approvals_amendment_added (SignetStore           *self,
                                                       SignetAmendment       *amendment,
                                                       gint64                 id,
                                                       GError               **error);

/* What "changed" says of a record an entry with @action was written for
 * (see signet-audit-action.c). */
SignetChangeKind _signet_audit_action_get_change (SignetAuditAction action);
const char      *_signet_audit_action_get_detail (SignetAuditAction action);

/* See signet-store-locks.c: before the first connection, SQLite's locks
 * are kept by open file description, so that no other close() drops them. */
void          _signet_store_use_description_locks (void);
/* FALSE, with an error naming the register, when @path is the -wal, -shm
 * or -journal file of a database that is there. */
gboolean      _signet_store_check_not_companion  (const char       *path,
                                                  GError          **error);

/* Migration 15 and the notice deadlines, in signet-store-notice.c. */
gboolean      _signet_store_migrate_notice_decisions (SignetStore  *self,
                                                      GError      **error);
/* Inside @scope's write, as the store's day moves from @from to @until:
 * a process event "renew-tacitly" and an audit entry for each tacit
 * renewal of the contracts @contract_ids (gint64) whose term ended on
 * @from or after it and before @until, once per term. */
gboolean      _signet_store_record_tacit_renewals (SignetWriteScope *scope,
                                                   GArray           *contract_ids,
                                                   const char       *from,
                                                   const char       *until,
                                                   GError          **error);
/* Inside @scope's write, before a renewal makes the contract Renewed: the
 * decision "renew" at the notice deadline of its current term, with its
 * audit entry, when it has one and no decision was taken at it. */
gboolean      _signet_store_note_renewal_at_notice (SignetWriteScope *scope,
                                                    gint64            contract_id,
                                                    const char       *decided_by,
                                                    const char       *comment,
                                                    GError          **error);
/* signet_store_take_process_step() inside @scope's write. */
gboolean      _signet_store_take_process_step_in_scope (SignetWriteScope        *scope,
                                                        gint64                   contract_id,
                                                        gint64                   expected_version,
                                                        const SignetProcessStep *step,
                                                        GError                 **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FieldList, _signet_field_list_free)
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (SignetWriteScope, _signet_write_scope_clear)

/* Migrations 16 to 20 (issue 16: what a contract commits us to), each in
 * the store file of its records. */
gboolean      _signet_store_migrate_payments     (SignetStore      *self,
                                                  GError          **error);
gboolean      _signet_store_migrate_obligations  (SignetStore      *self,
                                                  GError          **error);
gboolean      _signet_store_migrate_risks        (SignetStore      *self,
                                                  GError          **error);
gboolean      _signet_store_migrate_review_findings (SignetStore   *self,
                                                     GError       **error);
gboolean      _signet_store_migrate_originals    (SignetStore      *self,
                                                  GError          **error);

/* Migrations 21 to 23 (issue 17: seeing the whole register), each in the
 * store file of its records. */
gboolean      _signet_store_migrate_saved_views  (SignetStore      *self,
                                                  GError          **error);
gboolean      _signet_store_migrate_exchange_rates (SignetStore    *self,
                                                    GError        **error);
gboolean      _signet_store_migrate_import_mappings (SignetStore   *self,
                                                     GError       **error);

/* See signet-store-people.c: the name of the person @id, for a record
 * that names them; NULL with the field error @missing on @field when
 * nobody in People has that id. */
char         *_signet_store_dup_person_name      (SignetStore      *self,
                                                  gint64            id,
                                                  SignetField       field,
                                                  const char       *missing,
                                                  GError          **error);

G_END_DECLS
