/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "signet-audit-action.h"
#include "signet-client.h"
#include "signet-contract.h"

G_BEGIN_DECLS

#define SIGNET_STORE_ERROR (signet_store_error_quark ())

typedef enum
{
  SIGNET_STORE_ERROR_OPEN,          /* cannot open or create the file */
  SIGNET_STORE_ERROR_NOT_A_DATABASE,/* the file is not a SQLite database */
  SIGNET_STORE_ERROR_NEWER_VERSION, /* written by a newer Signet; untouched */
  SIGNET_STORE_ERROR_NOT_SIGNET,    /* a SQLite database, but not Signet's */
  SIGNET_STORE_ERROR_BUSY,          /* another program holds the lock too long */
  SIGNET_STORE_ERROR_NOT_FOUND,
  SIGNET_STORE_ERROR_IN_USE,        /* e.g. deleting a client that has contracts */
  SIGNET_STORE_ERROR_FAILED,
  SIGNET_STORE_ERROR_REGISTER_FILE, /* a file to attach, import or export to is the register's own */
  SIGNET_STORE_ERROR_CONFLICT,      /* a save over a record changed since it was loaded */
  SIGNET_STORE_ERROR_DISK_FULL,     /* no space left on the disk; nothing written */
  SIGNET_STORE_ERROR_READ_ONLY,     /* the file, its folder or the store cannot be written */
  SIGNET_STORE_ERROR_DAMAGED,       /* records that contradict each other (a contract without its client) */
  SIGNET_STORE_ERROR_DISCONNECTED,  /* a team register's server cannot be reached; nothing written, reconnecting */
} SignetStoreError;

/* How signet_store_open() takes the file at its path. */
typedef enum
{
  SIGNET_STORE_OPEN_DEFAULT   = 0,       /* an existing register, read and written */
  SIGNET_STORE_OPEN_CREATE    = 1 << 0,  /* a missing or empty file becomes a new register */
  SIGNET_STORE_OPEN_READ_ONLY = 1 << 1,  /* not a byte of the register changes; no write lock */
} SignetStoreOpenFlags;

typedef enum
{
  SIGNET_RECORD_CLIENT,
  SIGNET_RECORD_CONTRACT,
  SIGNET_RECORD_PERSON,         /* one of the people (signet-store-people.h) */
  SIGNET_RECORD_CONTRACT_TYPE,  /* a contract type (signet-store-types.h) */
  SIGNET_RECORD_APPROVAL_ROUTE, /* an approval route, or (id 0) the rules (signet-store-approvals.h) */
  SIGNET_RECORD_EXCHANGE_RATE,  /* the exchange rates, id 0 (signet-store-rates.h) */
  SIGNET_RECORD_SAVED_VIEW,     /* a saved view of the list (signet-store-views.h) */
} SignetRecordKind;

typedef enum
{
  SIGNET_CHANGE_ADDED,
  SIGNET_CHANGE_UPDATED,
  SIGNET_CHANGE_REMOVED,
} SignetChangeKind;

/* The orders the contract list can be sorted in. */
typedef enum
{
  SIGNET_SORT_NUMBER,
  SIGNET_SORT_TITLE,
  SIGNET_SORT_CLIENT,
  SIGNET_SORT_STATUS,
  SIGNET_SORT_END_DATE,
  SIGNET_SORT_VALUE,
} SignetSortKey;

/* One row of the audit log with the fields it changed. */
typedef struct
{
  gint64            id;
  char             *timestamp;    /* ISO 8601, UTC */
  char             *user;         /* the OS user */
  SignetAuditAction action;       /* what was done; UNKNOWN for a newer Signet's entry */
  SignetRecordKind  record_kind;
  gint64            record_id;
  char             *record_label; /* contract number or client name */
  GPtrArray        *changes;      /* of SignetAuditChange */
} SignetAuditEntry;

typedef struct
{
  char *field;                    /* signet_field_to_token() */
  char *old_value;                /* NULL when the record was created */
  char *new_value;                /* NULL when the record was deleted */
} SignetAuditChange;

/* SignetStore emits "changed" (SignetRecordKind kind, gint64 id,
 * SignetChangeKind change) once after each committed write, and
 * "reset" () after a bulk change (an import) that views should reload on.
 * "changed" is detailed: every emission names the part of the record it
 * changed with one of the details below, so that a view of a contract's
 * files connects to "changed::attachments" and does not reload for a title
 * saved. A handler of plain "changed" sees every change.
 *   fields       the record's own fields, or the record added, deleted or
 *                restored (a client or a contract)
 *   attachments  a contract's attached files or their details
 *   annotations  the annotations of a contract's attached file
 *   key-dates    a contract's key dates, reviews and reminders
 *   amendments   a contract's amendments, emitted for the contract (its
 *                terms in force and key dates follow them)
 *   people       a person of the directory added, changed, deleted or
 *                restored (SIGNET_RECORD_PERSON, the person's id)
 * Attachments, annotations and key dates are emitted for the contract
 * (SIGNET_RECORD_CONTRACT, its id, SIGNET_CHANGE_UPDATED). A person
 * renamed is also a "fields" change of each contract the person owns, whose
 * owner reads as the new name. */
#define SIGNET_STORE_CHANGED_FIELDS      "fields"
#define SIGNET_STORE_CHANGED_ATTACHMENTS "attachments"
#define SIGNET_STORE_CHANGED_ANNOTATIONS "annotations"
#define SIGNET_STORE_CHANGED_KEY_DATES   "key-dates"
#define SIGNET_STORE_CHANGED_PEOPLE      "people"
/* A contract type added, changed, deleted or restored
 * (SIGNET_RECORD_CONTRACT_TYPE, the type's id). */
#define SIGNET_STORE_CHANGED_CONTRACT_TYPES "contract-types"
#define SIGNET_STORE_CHANGED_AMENDMENTS  "amendments"
/* An approval route or the rules added, changed, deleted or restored
 * (SIGNET_RECORD_APPROVAL_ROUTE: the route's id, 0 for the rules). */
#define SIGNET_STORE_CHANGED_APPROVAL_ROUTES "approval-routes"
/* A contract's renewal link: it was made as the renewal of another. */
#define SIGNET_STORE_CHANGED_RENEWALS    "renewals"
/* A contract's paper original recorded or changed, lent or returned. */
#define SIGNET_STORE_CHANGED_ORIGINALS   "originals"
/* A contract's obligations, or what was done about one of their
 * occurrences. */
#define SIGNET_STORE_CHANGED_OBLIGATIONS "obligations"
/* A contract's payment schedule: a planned payment, an invoice or a
 * payment received or made added, changed, deleted or restored. */
#define SIGNET_STORE_CHANGED_PAYMENTS    "payments"
/* A contract's risk register, or the reason its risk level was kept. */
#define SIGNET_STORE_CHANGED_RISKS       "risks"
/* An exchange rate set or removed (SIGNET_RECORD_EXCHANGE_RATE, id 0). */
#define SIGNET_STORE_CHANGED_EXCHANGE_RATES "exchange-rates"
/* A saved view added, renamed, changed, moved, deleted or restored
 * (SIGNET_RECORD_SAVED_VIEW, the view's id). */
#define SIGNET_STORE_CHANGED_SAVED_VIEWS "saved-views"

#define SIGNET_TYPE_STORE (signet_store_get_type ())

G_DECLARE_FINAL_TYPE (SignetStore, signet_store, SIGNET, STORE, GObject)

GQuark            signet_store_error_quark           (void);

/* The default database: $XDG_DATA_HOME/signet/signet.db */
char             *signet_store_get_default_path      (void);
/* Opens (creating it when missing) and migrates the database at @path.
 * A newer, foreign or damaged file is refused and left unchanged. The same
 * as signet_store_open() with SIGNET_STORE_OPEN_CREATE. */
SignetStore      *signet_store_new                   (const char        *path,
                                                      GError           **error);
/* Opens the register at @path. Without SIGNET_STORE_OPEN_CREATE, a missing
 * or empty file is refused and not made. With SIGNET_STORE_OPEN_READ_ONLY
 * nothing is written to the register (writes fail) and it opens from a
 * read-only file or folder; a register of an older version is then read
 * through a private copy brought up to date. A symbolic link anywhere in
 * @path is refused, as is a newer, foreign or damaged file, unchanged. An
 * existing register opened to be written is made readable by its owner
 * only (and its group, when the group may write it). */
SignetStore      *signet_store_open                  (const char        *path,
                                                      SignetStoreOpenFlags flags,
                                                      GError           **error);
gboolean          signet_store_is_read_only          (SignetStore       *self);
/* A store on a private copy of @self's register, in a temporary file
 * deleted with it, made in one read: what a dry run writes into, so that it
 * meets what the real run would and the register sees no write and no
 * write lock. Its path is the register's. */
SignetStore      *signet_store_new_scratch_copy      (SignetStore       *self,
                                                      GError           **error);
const char       *signet_store_get_path              (SignetStore       *self);
/* FALSE, with SIGNET_STORE_ERROR_REGISTER_FILE, when @file is the register
 * or its -wal, -shm or -journal file, or would be taken for one once made.
 * Attaching, importing and exporting ask first: opening and closing such
 * a file outside SQLite is what lost locks did, and writing over it is
 * worse. Decided by stat() alone; @file is never opened. */
gboolean          signet_store_check_not_register_file (SignetStore     *self,
                                                      GFile             *file,
                                                      GError           **error);
/* For an object that shows a store: points *@slot at @store and moves
 * @instance's handler of "changed" (and of "reset", if @reset_cb is not
 * NULL), connected swapped, from the store it had to the new one. FALSE,
 * and nothing done, when *@slot is @store already. */
gboolean          signet_store_set_watched           (SignetStore      **slot,
                                                      SignetStore       *store,
                                                      gpointer           instance,
                                                      GCallback          changed_cb,
                                                      GCallback          reset_cb);
/* A team register's connection to its server (always TRUE for a file).
 * The property "connected" (boolean, read-only, notified when it changes)
 * goes FALSE when a call finds the connection lost: that call, and every
 * one until it is back, fails with SIGNET_STORE_ERROR_DISCONNECTED and
 * writes nothing (the server rolled back what was under way, so the same
 * save made again is written once). The store connects again after 1 s,
 * then 2, 4, ... up to 30 s between attempts, timed on the calling
 * thread's main context and made in a thread of their own, so that the
 * main context never waits for an unreachable server (not while a batch
 * is open: it must be rolled back first); once back, "connected" is TRUE and "reset" is emitted, since
 * others may have written meanwhile. A window shows a banner while it is
 * FALSE. */
gboolean          signet_store_get_connected          (SignetStore      *self);
/* Writes made through other connections to the register (an import in
 * a thread, `signet --import`, another window or process): a check
 * emits them as precise "changed" signals, or as one "reset" when there
 * are many, read from the audit log. It costs one PRAGMA reading shared
 * memory when nothing was written. Watching checks every second on the
 * calling thread's main context, for the store a window shows (each
 * window that watches stops once); a store in a worker thread does not
 * watch. On a server, the server announces each committed write to every
 * connection (LISTEN/NOTIFY): watching waits on the connection's socket
 * and passes them on as they come, and a check makes one round trip. */
void              signet_store_watch_external_changes (SignetStore      *self,
                                                      gboolean           watch);
gboolean          signet_store_check_external_changes (SignetStore      *self,
                                                      GError           **error);
/* The schema version this build writes. */
int               signet_store_get_schema_version    (void);

/* The longest contract number or client code, and the longest name or
 * title (a client's name, a contract's or a key date's title), in
 * characters, spaces around them aside; the XML format's Key and
 * RequiredText types say the same. A title is shown whole in a window's
 * title bar and a list's cell: a mebibyte of it could not be. */
#define SIGNET_STORE_MAX_KEY_CHARS   255
#define SIGNET_STORE_MAX_TITLE_CHARS 1000

/* Clients. The name and the short code are required; the code is unique
 * (it is the key that XML import matches clients on). */
gboolean          signet_store_add_client            (SignetStore       *self,
                                                      SignetClient      *client,
                                                      GError           **error);
/* Writes every field of @client over the stored one, whatever its version
 * (an import, which stores what its file says); the version goes up by one
 * and @client gets it. A form saves with signet_store_save_client(). */
gboolean          signet_store_update_client         (SignetStore       *self,
                                                      SignetClient      *client,
                                                      GError           **error);
gboolean          signet_store_delete_client         (SignetStore       *self,
                                                      gint64             id,
                                                      GError           **error);
SignetClient     *signet_store_get_client            (SignetStore       *self,
                                                      gint64             id,
                                                      GError           **error);
/* All clients ordered by name (Chinese in pinyin order), as a GListModel
 * of SignetClient; NULL when the register could not be read. */
GListModel       *signet_store_list_clients          (SignetStore       *self,
                                                      GError           **error);
guint             signet_store_count_client_contracts(SignetStore       *self,
                                                      gint64             client_id);

/* Contracts. add sets the new id on @contract. The number is required:
 * callers fill it in with signet_store_next_contract_number(). */
gboolean          signet_store_add_contract          (SignetStore       *self,
                                                      SignetContract    *contract,
                                                      GError           **error);
/* Writes every field of @contract over the stored one, whatever its
 * version (an import, which stores what its file says); the version goes
 * up by one and @contract gets it. A form saves with
 * signet_store_save_contract(). */
gboolean          signet_store_update_contract       (SignetStore       *self,
                                                      SignetContract    *contract,
                                                      GError           **error);
/* Deletes the contract; signet_store_delete() does the same and returns
 * what puts it back. */
gboolean          signet_store_delete_contract       (SignetStore       *self,
                                                      gint64             id,
                                                      GError           **error);
SignetContract   *signet_store_get_contract          (SignetStore       *self,
                                                      gint64             id,
                                                      GError           **error);
/* For a list that shows every row: as signet_store_get_contract(), but a
 * contract whose client is missing from the register (changed outside
 * Signet), which that refuses with SIGNET_STORE_ERROR_DAMAGED, comes back
 * with "Missing client" as its client's name. */
SignetContract   *signet_store_get_listed_contract   (SignetStore       *self,
                                                      gint64             id,
                                                      GError           **error);
guint             signet_store_count_contracts       (SignetStore       *self);
/* Ids of the contracts with @client_id, in no particular order. */
GArray           *signet_store_list_client_contract_ids (SignetStore    *self,
                                                      gint64             client_id,
                                                      GError           **error);
/* Ids of the contracts matching @search (NULL or "" for all) in the given
 * order. Search looks at number, title, type, owner, department, tags, the
 * client's name, code and contact person, and the text of the current
 * attachments; Chinese is found by its characters, its pinyin ("huadong")
 * and its initials ("hd"). Every whitespace-separated term must match. */
GArray           *signet_store_query_contract_ids    (SignetStore       *self,
                                                      const char        *search,
                                                      SignetSortKey      sort_key,
                                                      gboolean           descending,
                                                      GError           **error);
/* Where @search found contract @id when the list's columns (number,
 * title, client) do not show it: "Owner: 李娜", "in 租赁合同.pdf"; NULL
 * when they show every term, or when @search does not find it. */
char             *signet_store_describe_match        (SignetStore       *self,
                                                      gint64             id,
                                                      const char        *search);
/* The first @limit ids of all contracts in the given order: what a window
 * shows before the rest is loaded. */
GArray           *signet_store_query_first_contract_ids (SignetStore    *self,
                                                      SignetSortKey      sort_key,
                                                      gboolean           descending,
                                                      guint              limit,
                                                      GError           **error);
/* The next free number for @pattern, e.g. "HT-{YYYY}-{NNNN}" -> "HT-2026-0042".
 * Tokens: {YYYY} {YY} {MM} {DD} and a run of N for the sequence. */
char             *signet_store_next_contract_number  (SignetStore       *self,
                                                      const char        *pattern,
                                                      GError           **error);
gboolean          signet_contract_number_pattern_is_valid (const char   *pattern,
                                                           GError      **error);

/* Saving an edit without overwriting anyone else's.
 *
 * @base is the record as the form loaded it, @edited as the user left it.
 * In one transaction the save reads the stored record; if its version is
 * no longer @base's (someone else wrote it meanwhile: another window,
 * another program, an import), it fails with SIGNET_STORE_ERROR_CONFLICT
 * and writes nothing. Otherwise it writes only the fields in which @edited
 * differs from @base (see signet_contract_field_equal()), checks the
 * result as an update would, raises the version by one and audits only
 * those fields, as an "update". Nothing edited: nothing written, TRUE.
 * Read the record again for what is stored. */
gboolean          signet_store_save_contract         (SignetStore       *self,
                                                      SignetContract    *base,
                                                      SignetContract    *edited,
                                                      GError           **error);
gboolean          signet_store_save_client           (SignetStore       *self,
                                                      SignetClient      *base,
                                                      SignetClient      *edited,
                                                      GError           **error);

/* A field that someone else changed since a form loaded its record. */
typedef struct
{
  SignetField field;
  gboolean    edited;   /* the user changed it as well */
} SignetFieldConflict;

/* What a form shows after SIGNET_STORE_ERROR_CONFLICT: the record as
 * stored now, in *@current, and the fields in which it differs from @base,
 * in the form's order, as a GArray of SignetFieldConflict (empty when only
 * the version moved). With *@current as the new base, the form saves
 * again: the fields it takes from *@current are then no edits of the user,
 * and the others overwrite the new values knowingly. NULL and
 * SIGNET_STORE_ERROR_NOT_FOUND when the record was deleted meanwhile. */
GArray           *signet_store_list_contract_conflicts (SignetStore     *self,
                                                      SignetContract    *base,
                                                      SignetContract    *edited,
                                                      SignetContract   **current,
                                                      GError           **error);
GArray           *signet_store_list_client_conflicts (SignetStore       *self,
                                                      SignetClient      *base,
                                                      SignetClient      *edited,
                                                      SignetClient     **current,
                                                      GError           **error);

/* Batches: writes between begin and commit share one transaction (all or
 * nothing, used by import and the demo generator); views get one "reset"
 * instead of a signal per record. Each write keeps its own audit entry. */
gboolean          signet_store_begin_batch           (SignetStore       *self,
                                                      GError           **error);
gboolean          signet_store_commit_batch          (SignetStore       *self,
                                                      GError           **error);
void              signet_store_rollback_batch        (SignetStore       *self);

/* Lookups by the keys that import matches on; NULL (no error) when absent. */
SignetClient     *signet_store_find_client_by_code   (SignetStore       *self,
                                                      const char        *code,
                                                      GError           **error);
SignetContract   *signet_store_find_contract_by_number (SignetStore     *self,
                                                      const char        *number,
                                                      GError           **error);

/* Audit log, newest first; @record_id 0 for every record of @kind. */
GPtrArray        *signet_store_list_audit            (SignetStore       *self,
                                                      SignetRecordKind   kind,
                                                      gint64             record_id,
                                                      GError           **error);
void              signet_audit_entry_free            (SignetAuditEntry  *entry);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SignetAuditEntry, signet_audit_entry_free)

G_END_DECLS
