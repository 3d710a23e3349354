/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once


#include "signet-store-private.h"
#include "signet-tombstone.h"

G_BEGIN_DECLS

/* For the store (src/core only): a tombstone holds the deleted rows table
 * by table, in the order they are inserted again (a parent before the
 * rows that refer to it), each row a copy of every column's value. */

SignetTombstone *_signet_tombstone_new            (SignetTombstoneKind   kind,
                                                   gint64                id,
                                                   gint64                contract_id,
                                                   const char           *label);
/* Steps @stmt (a SELECT * of @table) to its end and keeps each row it
 * returns; the SQLite result of the last step (SIGNET_DB_DONE when all went
 * well). */
int              _signet_tombstone_keep_rows      (SignetTombstone      *self,
                                                   const char           *table,
                                                   SignetDbStmt         *stmt);
guint            _signet_tombstone_get_n_tables   (SignetTombstone      *self);
/* The @index-th table kept: its name, its columns (NULL-terminated) and
 * its rows, each a GPtrArray of SignetDbValue *, one per column. */
const char      *_signet_tombstone_get_table      (SignetTombstone      *self,
                                                   guint                 index,
                                                   const char * const  **columns,
                                                   GPtrArray           **rows);
/* The value of @column in the first row kept of @table, or NULL. */
SignetDbValue   *_signet_tombstone_get_value      (SignetTombstone      *self,
                                                   const char           *table,
                                                   const char           *column);
/* Restores @column of @table's rows with @text instead of the value kept
 * (a UUID that another record has taken since). */
void             _signet_tombstone_override_text  (SignetTombstone      *self,
                                                   const char           *table,
                                                   const char           *column,
                                                   const char           *text);
/* The text that replaces @column of @table's rows, or NULL. */
const char      *_signet_tombstone_get_override   (SignetTombstone      *self,
                                                   const char           *table,
                                                   const char           *column);
/* A text the restore checks against the register as it is then (for a
 * contract: its client's code, since a client's id can be given again). */
void             _signet_tombstone_set_parent_key (SignetTombstone      *self,
                                                   const char           *key);
const char      *_signet_tombstone_get_parent_key (SignetTombstone      *self);
/* Counts each SHA-256 in @sha256s up by one in @pins (text -> count) for
 * as long as the tombstone lives: the files it would bring back, which a
 * later delete must not drop from the register. */
void             _signet_tombstone_pin_blobs      (SignetTombstone      *self,
                                                   GHashTable           *pins,
                                                   GPtrArray            *sha256s);

/* The store's side, each in the file of its kind of record. A delete runs
 * in its own transaction and returns what it removed (NULL and @error when
 * nothing was deleted); a restore runs inside the write @scope that
 * signet_store_restore() begins, checks that the rows can go back as they
 * were (with a message saying why not), puts them back with
 * _signet_store_insert_kept_rows() and writes its audit entry. */
SignetTombstone *_signet_store_delete_contract    (SignetStore          *self,
                                                   gint64                id,
                                                   GError              **error);
SignetTombstone *_signet_store_delete_client      (SignetStore          *self,
                                                   gint64                id,
                                                   GError              **error);
SignetTombstone *_signet_store_delete_key_date    (SignetStore          *self,
                                                   gint64                id,
                                                   GError              **error);
SignetTombstone *_signet_store_delete_attachment  (SignetStore          *self,
                                                   gint64                id,
                                                   GError              **error);
SignetTombstone *_signet_store_delete_annotation  (SignetStore          *self,
                                                   gint64                id,
                                                   GError              **error);
gboolean         _signet_store_restore_contract   (SignetWriteScope     *scope,
                                                   SignetTombstone      *tombstone,
                                                   GError              **error);
gboolean         _signet_store_restore_client     (SignetWriteScope     *scope,
                                                   SignetTombstone      *tombstone,
                                                   GError              **error);
gboolean         _signet_store_restore_key_date   (SignetWriteScope     *scope,
                                                   SignetTombstone      *tombstone,
                                                   GError              **error);
gboolean         _signet_store_restore_attachment (SignetWriteScope     *scope,
                                                   SignetTombstone      *tombstone,
                                                   GError              **error);
gboolean         _signet_store_restore_annotation (SignetWriteScope     *scope,
                                                   SignetTombstone      *tombstone,
                                                   GError              **error);
SignetTombstone *_signet_store_delete_person      (SignetStore          *self,
                                                   gint64                id,
                                                   GError              **error);
gboolean         _signet_store_restore_person     (SignetWriteScope     *scope,
                                                   SignetTombstone      *tombstone,
                                                   GError              **error);

SignetTombstone *_signet_store_delete_contract_type (SignetStore        *self,
                                                   gint64                id,
                                                   GError              **error);
gboolean         _signet_store_restore_contract_type (SignetWriteScope  *scope,
                                                   SignetTombstone      *tombstone,
                                                   GError              **error);
SignetTombstone *_signet_store_delete_amendment   (SignetStore          *self,
                                                   gint64                id,
                                                   GError              **error);
gboolean         _signet_store_restore_amendment  (SignetWriteScope     *scope,
                                                   SignetTombstone      *tombstone,
                                                   GError              **error);
SignetTombstone *_signet_store_delete_approval_route (SignetStore       *self,
                                                   gint64                id,
                                                   GError              **error);
gboolean         _signet_store_restore_approval_route (SignetWriteScope *scope,
                                                   SignetTombstone      *tombstone,
                                                   GError              **error);
SignetTombstone *_signet_store_delete_risk        (SignetStore          *self,
                                                   gint64                id,
                                                   GError              **error);
gboolean         _signet_store_restore_risk       (SignetWriteScope     *scope,
                                                   SignetTombstone      *tombstone,
                                                   GError              **error);
SignetTombstone *_signet_store_delete_loan        (SignetStore          *self,
                                                   gint64                id,
                                                   GError              **error);
gboolean         _signet_store_restore_loan       (SignetWriteScope     *scope,
                                                   SignetTombstone      *tombstone,
                                                   GError              **error);
SignetTombstone *_signet_store_delete_original    (SignetStore          *self,
                                                   gint64                contract_id,
                                                   GError              **error);
gboolean         _signet_store_restore_original   (SignetWriteScope     *scope,
                                                   SignetTombstone      *tombstone,
                                                   GError              **error);
/* See signet-store-payments.c: a planned payment (with its invoices and
 * payments), an invoice or a payment received or made. */
SignetTombstone *_signet_store_delete_payment_record (SignetStore       *self,
                                                   SignetTombstoneKind   kind,
                                                   gint64                id,
                                                   GError              **error);
gboolean         _signet_store_restore_payment_record (SignetWriteScope *scope,
                                                   SignetTombstone      *tombstone,
                                                   GError              **error);
/* See signet-store-obligations.c: an obligation with its recorded
 * occurrences. */
SignetTombstone *_signet_store_delete_obligation  (SignetStore          *self,
                                                   gint64                id,
                                                   GError              **error);
gboolean         _signet_store_restore_obligation (SignetWriteScope     *scope,
                                                   SignetTombstone      *tombstone,
                                                   GError              **error);
/* See signet-store-review-findings.c: a review with its answers and
 * follow-up actions. */
SignetTombstone *_signet_store_delete_review      (SignetStore          *self,
                                                   gint64                id,
                                                   GError              **error);
gboolean         _signet_store_restore_review     (SignetWriteScope     *scope,
                                                   SignetTombstone      *tombstone,
                                                   GError              **error);
/* See signet-store-views.c: a saved view of the list. */
SignetTombstone *_signet_store_delete_saved_view  (SignetStore          *self,
                                                   gint64                id,
                                                   GError              **error);
gboolean         _signet_store_restore_saved_view (SignetWriteScope     *scope,
                                                   SignetTombstone      *tombstone,
                                                   GError              **error);
/* Keeps in @tombstone the rows of @table that @where (SQL with one
 * parameter, ?1 = @id) selects, every column. */
gboolean         _signet_store_keep_rows          (SignetStore          *self,
                                                   SignetTombstone      *tombstone,
                                                   const char           *table,
                                                   const char           *where,
                                                   gint64                id,
                                                   GError              **error);
/* Inserts every row kept, table by table; a row whose id another record
 * has taken meanwhile fails with a message naming the tombstone. */
gboolean         _signet_store_insert_kept_rows   (SignetStore          *self,
                                                   SignetTombstone      *tombstone,
                                                   GError              **error);
/* Before the rows of @table (contracts, key_dates) go back: they keep
 * their UUID unless another record has been given it meanwhile (an
 * import of a file exported before the deletion); then they get a new
 * one, as an import would (_signet_store_claim_uuid()). */
gboolean         _signet_store_keep_uuid          (SignetStore          *self,
                                                   SignetTombstone      *tombstone,
                                                   const char           *table,
                                                   GError              **error);
/* The SHA-256s of files that deleted attachments would bring back
 * (text -> count), which no delete drops from the register. */
GHashTable      *_signet_store_get_kept_blobs     (SignetStore          *self);

G_END_DECLS
