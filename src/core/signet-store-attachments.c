/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "signet-store"

#include "config.h"

#include <string.h>

#include <gio/gio.h>
#include <glib/gi18n.h>

#include "signet-store-attachments.h"
#include "signet-store-private.h"
#include "signet-store-worker.h"
#include "signet-tombstone-private.h"

/* Stored files are read in pieces straight into the buffer handed out, so
 * that opening a 200 MB file holds one copy of it, not two. */
#define READ_CHUNK (1024 * 1024)

/* An attachment with its current version, in the order
 * read_attachment_row() reads them. Joining contracts hides the
 * attachments of deleted contracts, which stay for Undo. */
#define SELECT_ATTACHMENT \
  "SELECT a.id, a.contract_id, a.role, a.description, v.id, v.attachment_id, v.version, " \
  "v.file_name, v.content_type, v.size, v.sha256, v.added_at, v.added_by " \
  "FROM attachments a JOIN contracts c ON c.id = a.contract_id " \
  "JOIN attachment_versions v ON v.attachment_id = a.id " \
  "AND v.version = (SELECT max (version) FROM attachment_versions WHERE attachment_id = a.id) "

/* A version's file and where its bytes are: @blob_row is the blobs row's
 * rowid on SQLite, for its incremental blob reads; a server has none and
 * reads by the SHA-256. */
#define LOAD_VERSION(blob_row) \
  "SELECT v.file_name, v.sha256, " blob_row " FROM attachment_versions v " \
  "JOIN attachments a ON a.id = v.attachment_id " \
  "JOIN contracts c ON c.id = a.contract_id " \
  "JOIN blobs b ON b.sha256 = v.sha256 WHERE v.id = ?"

/* The same for bytes found by their SHA-256, with the latest name given them. */
#define LOAD_BLOB(blob_row) \
  "SELECT " blob_row ", (SELECT file_name FROM attachment_versions v " \
  "WHERE v.sha256 = b.sha256 ORDER BY v.id DESC LIMIT 1) " \
  "FROM blobs b WHERE b.sha256 = ?"

#define ROLE_ORDER \
  "CASE a.role WHEN 'signed' THEN 0 WHEN 'draft' THEN 1 WHEN 'amendment' THEN 2 " \
  "WHEN 'appendix' THEN 3 ELSE 4 END"

static SignetAttachmentVersion *
read_version_row (SignetDbStmt *stmt,
                  int           column)
{
  return signet_attachment_version_new (signet_db_column_int64 (stmt, column),
                                        signet_db_column_int64 (stmt, column + 1),
                                        (guint) signet_db_column_int64 (stmt, column + 2),
                                        signet_db_column_text (stmt, column + 3),
                                        signet_db_column_text (stmt, column + 4),
                                        (guint64) signet_db_column_int64 (stmt, column + 5),
                                        signet_db_column_text (stmt, column + 6),
                                        signet_db_column_text (stmt, column + 7),
                                        signet_db_column_text (stmt, column + 8));
}

static SignetAttachment *
read_attachment_row (SignetDbStmt *stmt)
{
  g_autoptr(SignetAttachmentVersion) current = read_version_row (stmt, 4);
  SignetAttachmentRole role = SIGNET_ATTACHMENT_ROLE_OTHER;

  signet_attachment_role_from_token (signet_db_column_text (stmt, 2), &role);

  return signet_attachment_new (signet_db_column_int64 (stmt, 0),
                                signet_db_column_int64 (stmt, 1),
                                role,
                                signet_db_column_text (stmt, 3),
                                current);
}

static SignetAttachment *
lookup_attachment (SignetStore  *self,
                   gint64        attachment_id,
                   GError      **error)
{
  SignetDbStmt *stmt = _signet_store_statement (self, SELECT_ATTACHMENT "WHERE a.id = ?", error);
  SignetAttachment *attachment = NULL;
  int rc;

  if (stmt == NULL)
    return NULL;

  signet_db_bind_int64 (stmt, 1, attachment_id);
  rc = signet_db_step (stmt);
  if (rc == SIGNET_DB_ROW)
    attachment = read_attachment_row (stmt);
  else if (rc == SIGNET_DB_DONE)
    g_set_error (error, SIGNET_STORE_ERROR, SIGNET_STORE_ERROR_NOT_FOUND,
                 _("The attachment no longer exists; it may have been deleted."));
  else
    _signet_store_set_error (self, rc, error);
  signet_db_reset (stmt);

  return attachment;
}

static gboolean
check_contract_exists (SignetStore  *self,
                       gint64        contract_id,
                       GError      **error)
{
  SignetDbStmt *stmt = _signet_store_statement (self, "SELECT 1 FROM contracts WHERE id = ?", error);
  int rc;

  if (stmt == NULL)
    return FALSE;

  signet_db_bind_int64 (stmt, 1, contract_id);
  rc = signet_db_step (stmt);
  signet_db_reset (stmt);

  if (rc == SIGNET_DB_ROW)
    return TRUE;

  if (rc != SIGNET_DB_DONE)
    return _signet_store_set_error (self, rc, error);

  g_set_error (error, SIGNET_STORE_ERROR, SIGNET_STORE_ERROR_NOT_FOUND,
               _("The contract no longer exists; it may have been deleted."));
  return FALSE;
}

/* Runs @sql with @id bound to ?1. */
static gboolean
run_with_id (SignetStore  *self,
             const char   *sql,
             gint64        id,
             GError      **error)
{
  SignetDbStmt *stmt = _signet_store_statement (self, sql, error);

  if (stmt == NULL)
    return FALSE;

  signet_db_bind_int64 (stmt, 1, id);

  return _signet_store_step_done (self, stmt, error);
}

/* The name alone: a path that came with a file (from XML, say) must never
 * decide where the file is saved out to later. */
static char *
clean_file_name (const char  *file_name,
                 GError     **error)
{
  g_autofree char *trimmed = _signet_strdup_trimmed (file_name);
  g_autofree char *name = g_path_get_basename (trimmed);

  g_strstrip (name);
  if (_signet_is_blank (name) || g_str_equal (name, G_DIR_SEPARATOR_S) ||
      g_str_equal (name, ".") || g_str_equal (name, ".."))
    {
      g_set_error (error, SIGNET_STORE_ERROR, SIGNET_STORE_ERROR_FAILED,
                   _("The file has no name, so it was not attached."));
      return NULL;
    }

  return g_steal_pointer (&name);
}

static gboolean
check_size (const char  *file_name,
            GBytes      *bytes,
            GError     **error)
{
  gsize size = g_bytes_get_size (bytes);

  if (size == 0)
    {
      g_set_error (error, SIGNET_ATTACHMENT_ERROR, SIGNET_ATTACHMENT_ERROR_EMPTY,
                   _("“%s” is empty, so it was not attached."), file_name);
      return FALSE;
    }

  if ((guint64) size > SIGNET_ATTACHMENT_MAX_SIZE)
    {
      g_autofree char *size_text = g_format_size (size);
      g_autofree char *limit_text = g_format_size (SIGNET_ATTACHMENT_MAX_SIZE);

      /* Translators: “contract.pdf” is 250.0 MB; files larger than 200.0 MB … */
      g_set_error (error, SIGNET_ATTACHMENT_ERROR, SIGNET_ATTACHMENT_ERROR_TOO_LARGE,
                   _("“%s” is %s; files larger than %s cannot be attached."),
                   file_name, size_text, limit_text);
      return FALSE;
    }

  return TRUE;
}

/* A MIME type, with the aliases of PDF made one so that finding the PDFs
 * to extract text from is a plain comparison. */
static char *
resolve_content_type (const char *file_name,
                      GBytes     *bytes,
                      const char *content_type)
{
  g_autofree char *guessed = NULL;
  g_autofree char *trimmed = NULL;
  g_autofree char *mime_type = NULL;
  gsize size;
  const guchar *data = g_bytes_get_data (bytes, &size);

  if (_signet_is_blank (content_type))
    {
      guessed = g_content_type_guess (file_name, data, MIN (size, 4096), NULL);
      mime_type = g_content_type_get_mime_type (guessed);
    }
  else
    {
      trimmed = _signet_strdup_trimmed (content_type);
      mime_type = g_ascii_strdown (trimmed, -1);
    }

  if (mime_type == NULL)
    return g_strdup ("application/octet-stream");

  if (g_content_type_is_mime_type (mime_type, "application/pdf"))
    return g_strdup ("application/pdf");

  return g_steal_pointer (&mime_type);
}

/* On a server: the bytes stored under @sha256 and their SHA-256, the bytes
 * only when @bytes_out is given. They are read in slices of READ_CHUNK
 * (the column's storage is EXTERNAL, so a slice reads only its own TOAST
 * chunks) straight into the buffer handed out, as a file's are; the
 * SHA-256 alone is the server's, so checking a copy sends no bytes. */
static gboolean
read_blob_on_server (SignetStore  *self,
                     const char   *sha256,
                     GBytes      **bytes_out,
                     char        **sha256_out,
                     GError      **error)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autofree guchar *buffer = NULL;
  SignetDbStmt *stmt;
  gint64 size = 0;
  int rc;

  stmt = _signet_store_statement (self,
                                  bytes_out != NULL
                                  ? "SELECT octet_length (data) FROM blobs WHERE sha256 = ?"
                                  : "SELECT encode (sha256 (data), 'hex') FROM blobs WHERE sha256 = ?",
                                  error);
  if (stmt == NULL)
    return FALSE;

  signet_db_bind_static_text (stmt, 1, sha256);
  rc = signet_db_step (stmt);
  if (rc == SIGNET_DB_ROW && bytes_out == NULL)
    *sha256_out = _signet_store_dup_text (stmt, 0);
  else if (rc == SIGNET_DB_ROW)
    size = signet_db_column_int64 (stmt, 0);
  signet_db_reset (stmt);

  if (rc == SIGNET_DB_DONE)
    {
      g_set_error (error, SIGNET_STORE_ERROR, SIGNET_STORE_ERROR_NOT_FOUND,
                   _("The file no longer exists; it may have been deleted."));
      return FALSE;
    }
  if (rc != SIGNET_DB_ROW)
    return _signet_store_set_error (self, rc, error);
  if (bytes_out == NULL)
    return TRUE;

  stmt = _signet_store_statement (self,
                                  "SELECT substring (data FROM CAST (?2 AS integer) FOR CAST (?3 AS integer)) "
                                  "FROM blobs WHERE sha256 = ?1", error);
  if (stmt == NULL)
    return FALSE;

  buffer = g_malloc (MAX (size, 1));
  for (gint64 offset = 0; offset < size; offset += READ_CHUNK)
    {
      gint64 n = MIN (READ_CHUNK, size - offset);
      const guchar *piece;
      int piece_size;

      signet_db_bind_static_text (stmt, 1, sha256);
      signet_db_bind_int64 (stmt, 2, offset + 1);
      signet_db_bind_int64 (stmt, 3, n);
      rc = signet_db_step (stmt);
      if (rc != SIGNET_DB_ROW && rc != SIGNET_DB_DONE)
        {
          signet_db_reset (stmt);
          return _signet_store_set_error (self, rc, error);
        }

      /* Bytes another connection changed since the length was read are
       * summed as they came; the checksum then tells the file changed. */
      piece = rc == SIGNET_DB_ROW ? signet_db_column_blob (stmt, 0) : NULL;
      piece_size = rc == SIGNET_DB_ROW ? signet_db_column_bytes (stmt, 0) : 0;
      memcpy (buffer + offset, piece != NULL ? piece : (const guchar *) "", MIN (n, piece_size));
      g_checksum_update (checksum, piece != NULL ? piece : (const guchar *) "", piece_size);
      signet_db_reset (stmt);
    }

  *sha256_out = g_strdup (g_checksum_get_string (checksum));
  *bytes_out = g_bytes_new_take (g_steal_pointer (&buffer), (gsize) size);

  return TRUE;
}

/* Reads the bytes stored in blobs row @rowid (a file's) or under @sha256
 * (a server's, which has no rowid) and their SHA-256; the bytes only when
 * @bytes_out is given. */
static gboolean
read_blob (SignetStore  *self,
           gint64        rowid,
           const char   *sha256,
           GBytes      **bytes_out,
           char        **sha256_out,
           GError      **error)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autofree guchar *buffer = NULL;
  sqlite3_blob *blob = NULL;
  int size;
  int rc;

  if (self->sqlite == NULL)
    return read_blob_on_server (self, sha256, bytes_out, sha256_out, error);

  rc = sqlite3_blob_open (self->sqlite, "main", "blobs", "data", rowid, 0, &blob);
  if (rc != SQLITE_OK)
    {
      _signet_store_set_error (self, rc, error);
      sqlite3_blob_close (blob);
      return FALSE;
    }

  size = sqlite3_blob_bytes (blob);
  buffer = g_malloc (bytes_out != NULL ? (gsize) size : (gsize) MIN (size, READ_CHUNK));

  for (int offset = 0; offset < size; offset += READ_CHUNK)
    {
      int n = MIN (READ_CHUNK, size - offset);
      guchar *target = bytes_out != NULL ? buffer + offset : buffer;

      rc = sqlite3_blob_read (blob, target, n, offset);
      if (rc != SQLITE_OK)
        {
          _signet_store_set_error (self, rc, error);
          sqlite3_blob_close (blob);
          return FALSE;
        }
      g_checksum_update (checksum, target, n);
    }
  sqlite3_blob_close (blob);

  *sha256_out = g_strdup (g_checksum_get_string (checksum));
  if (bytes_out != NULL)
    *bytes_out = g_bytes_new_take (g_steal_pointer (&buffer), size);

  return TRUE;
}

/* Reads and checks the bytes of blobs row @rowid against @sha256. */
static GBytes *
load_checked (SignetStore  *self,
              gint64        rowid,
              const char   *sha256,
              const char   *file_name,
              GError      **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *actual = NULL;

  if (!read_blob (self, rowid, sha256, &bytes, &actual, error))
    return NULL;

  if (g_strcmp0 (actual, sha256) != 0)
    {
      g_set_error (error, SIGNET_ATTACHMENT_ERROR, SIGNET_ATTACHMENT_ERROR_CHECKSUM_MISMATCH,
                   _("“%s” is damaged: its SHA-256 checksum is now %s, but it was %s when the "
                     "file was attached."),
                   file_name, actual, sha256);
      return NULL;
    }

  return g_steal_pointer (&bytes);
}

/* Stores @bytes under @sha256 unless they already are. A stored copy that
 * no longer matches its checksum is replaced by these good bytes, so
 * attaching the original file again repairs it. */
static gboolean
store_blob (SignetStore  *self,
            const char   *sha256,
            GBytes       *bytes,
            GError      **error)
{
  gsize size;
  const guchar *data = g_bytes_get_data (bytes, &size);
  g_autofree char *stored_sha256 = NULL;
  SignetDbStmt *stmt;
  gint64 rowid = 0;
  int rc;

  /* A server has no rowid: 1 says the row is there. */
  stmt = _signet_store_statement (self,
                                  _signet_store_sql (self,
                                                     "SELECT rowid FROM blobs WHERE sha256 = ?",
                                                     "SELECT 1 FROM blobs WHERE sha256 = ?"),
                                  error);
  if (stmt == NULL)
    return FALSE;

  signet_db_bind_static_text (stmt, 1, sha256);
  rc = signet_db_step (stmt);
  if (rc == SIGNET_DB_ROW)
    rowid = signet_db_column_int64 (stmt, 0);
  signet_db_reset (stmt);

  if (rc != SIGNET_DB_ROW && rc != SIGNET_DB_DONE)
    return _signet_store_set_error (self, rc, error);

  if (rowid > 0)
    {
      if (!read_blob (self, rowid, sha256, NULL, &stored_sha256, error))
        return FALSE;

      if (g_str_equal (stored_sha256, sha256))
        return TRUE;

      g_message ("Repairing the stored copy of %s, which no longer matched its checksum", sha256);
      stmt = _signet_store_statement (self, "UPDATE blobs SET size = ?2, data = ?3 WHERE sha256 = ?1", error);
    }
  else
    {
      /* On a server another client may be storing the same bytes: the
       * insert waits for its key, and once that is committed they are
       * there. */
      stmt = _signet_store_statement (self,
                                      "INSERT INTO blobs (sha256, size, data) VALUES (?1, ?2, ?3) "
                                      "ON CONFLICT (sha256) DO NOTHING", error);
    }

  if (stmt == NULL)
    return FALSE;

  signet_db_bind_static_text (stmt, 1, sha256);
  signet_db_bind_int64 (stmt, 2, (gint64) size);
  signet_db_bind_blob (stmt, 3, data, size, FALSE);

  return _signet_store_step_done (self, stmt, error);
}

static gboolean
insert_version (SignetStore  *self,
                gint64        attachment_id,
                guint         version,
                const char   *sha256,
                const char   *file_name,
                const char   *content_type,
                gsize         size,
                const char   *added_at,
                const char   *added_by,
                GError      **error)
{
  SignetDbStmt *stmt =
    _signet_store_statement (self,
                             "INSERT INTO attachment_versions (attachment_id, version, sha256, file_name, "
                             "content_type, size, added_at, added_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", error);

  if (stmt == NULL)
    return FALSE;

  signet_db_bind_int64 (stmt, 1, attachment_id);
  signet_db_bind_int64 (stmt, 2, version);
  signet_db_bind_static_text (stmt, 3, sha256);
  signet_db_bind_static_text (stmt, 4, file_name);
  signet_db_bind_static_text (stmt, 5, content_type);
  signet_db_bind_int64 (stmt, 6, (gint64) size);
  signet_db_bind_static_text (stmt, 7, added_at);
  signet_db_bind_static_text (stmt, 8, added_by);

  return _signet_store_step_done (self, stmt, error);
}

/* Blobs only deleted attachments named, once those can no longer be
 * restored: no tombstone of this store holds them (see
 * _signet_store_get_kept_blobs()). */
static gboolean
purge_unused_blobs (SignetStore  *self,
                    GError      **error)
{
  GHashTable *kept = _signet_store_get_kept_blobs (self);
  g_autoptr(GPtrArray) unused = g_ptr_array_new_with_free_func (g_free);
  SignetDbStmt *stmt;
  int rc;

  stmt = _signet_store_statement (self,
                                  "SELECT sha256 FROM blobs "
                                  "WHERE sha256 NOT IN (SELECT sha256 FROM attachment_versions)", error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = signet_db_step (stmt)) == SIGNET_DB_ROW)
    if (!g_hash_table_contains (kept, signet_db_column_text (stmt, 0)))
      g_ptr_array_add (unused, _signet_store_dup_text (stmt, 0));
  signet_db_reset (stmt);
  if (rc != SIGNET_DB_DONE)
    return _signet_store_set_error (self, rc, error);

  for (guint i = 0; i < unused->len; i++)
    {
      static const char * const steps[] = {
        "DELETE FROM blob_text WHERE sha256 = ?",
        "DELETE FROM blobs WHERE sha256 = ?",
      };

      for (guint s = 0; s < G_N_ELEMENTS (steps); s++)
        {
          if (!(stmt = _signet_store_statement (self, steps[s], error)))
            return FALSE;
          signet_db_bind_static_text (stmt, 1, g_ptr_array_index (unused, i));
          if (!_signet_store_step_done (self, stmt, error))
            return FALSE;
        }
    }

  return TRUE;
}

static gboolean
is_sha256 (const char *text)
{
  if (text == NULL || strlen (text) != 64)
    return FALSE;

  for (const char *p = text; *p != '\0'; p++)
    if (!g_ascii_isdigit (*p) && !(*p >= 'a' && *p <= 'f'))
      return FALSE;

  return TRUE;
}

/* Scripts written without spaces between words: a line break inside them
 * in a PDF's text is not a word break. */
static gboolean
is_unspaced (gunichar c)
{
  switch (g_unichar_get_script (c))
    {
    case G_UNICODE_SCRIPT_HAN:
    case G_UNICODE_SCRIPT_HIRAGANA:
    case G_UNICODE_SCRIPT_KATAKANA:
      return TRUE;
    default:
      return FALSE;
    }
}

/* Search text: compatibility forms made plain (the ligature "ﬁ", full-width
 * letters), case-folded, every run of white space one space, and none where
 * a line broke inside Chinese or Japanese text; so a search is instr(). A
 * form feed, which ends a page of a PDF's text, stays: a search can tell
 * the page it found a word on. */
static char *
fold_text (const char *text)
{
  g_autofree char *valid = g_utf8_make_valid (text, -1);
  g_autofree char *normal = g_utf8_normalize (valid, -1, G_NORMALIZE_ALL);
  g_autofree char *folded = g_utf8_casefold (normal, -1);
  GString *result = g_string_sized_new (strlen (folded));
  gboolean space = FALSE;
  guint page_ends = 0;
  gunichar before = 0;

  for (const char *p = folded; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '\f')
        page_ends++;
      if (g_unichar_isspace (c))
        {
          space = TRUE;
          continue;
        }

      if (page_ends > 0)
        for (; page_ends > 0; page_ends--)
          g_string_append_c (result, '\f');
      else if (space && result->len > 0 && !(is_unspaced (before) && is_unspaced (c)))
        g_string_append_c (result, ' ');
      g_string_append_unichar (result, c);
      space = FALSE;
      before = c;
    }

  return g_string_free (result, FALSE);
}

const char *
_signet_store_user_display_name (void)
{
  const char *name = g_get_real_name ();

  /* GLib says "Unknown" when the account has no full name. */
  if (_signet_is_blank (name) || g_str_equal (name, "Unknown"))
    name = g_get_user_name ();

  return name;
}

SignetAttachment *
signet_store_add_attachment (SignetStore           *self,
                             gint64                 contract_id,
                             GBytes                *bytes,
                             const char            *file_name,
                             const char            *content_type,
                             SignetAttachmentRole   role,
                             const char            *description,
                             GError               **error)
{
  g_auto(SignetWriteScope) scope = { 0 };
  g_autoptr(SignetAttachment) attachment = NULL;
  g_autofree char *name = NULL;
  g_autofree char *type = NULL;
  g_autofree char *sha256 = NULL;
  g_autofree char *note = NULL;
  g_autofree char *now = NULL;
  const char *user = _signet_store_user_display_name ();
  SignetDbStmt *stmt;
  gint64 attachment_id;

  g_return_val_if_fail (SIGNET_IS_STORE (self), NULL);
  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (file_name != NULL, NULL);
  g_return_val_if_fail (role < SIGNET_N_ATTACHMENT_ROLES, NULL);

  if (!(name = clean_file_name (file_name, error)) || !check_size (name, bytes, error))
    return NULL;

  type = resolve_content_type (name, bytes, content_type);
  sha256 = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);
  note = _signet_strdup_trimmed (description);
  now = _signet_store_timestamp_now ();

  if (!_signet_write_scope_begin (&scope, self, error))
    return NULL;

  if (!check_contract_exists (self, contract_id, error) ||
      !store_blob (self, sha256, bytes, error))
    return NULL;

  stmt = _signet_store_statement (self,
                                  "INSERT INTO attachments (contract_id, role, description, added_at, added_by) "
                                  "VALUES (?, ?, ?, ?, ?)", error);
  if (stmt == NULL)
    return NULL;

  signet_db_bind_int64 (stmt, 1, contract_id);
  signet_db_bind_static_text (stmt, 2, signet_attachment_role_to_token (role));
  _signet_store_bind_text (stmt, 3, note);
  signet_db_bind_static_text (stmt, 4, now);
  signet_db_bind_static_text (stmt, 5, user);
  if (!_signet_store_step_done (self, stmt, error))
    return NULL;

  attachment_id = signet_db_last_insert_id (self->db);
  if (!insert_version (self, attachment_id, 1, sha256, name, type, g_bytes_get_size (bytes),
                       now, user, error) ||
      !(attachment = lookup_attachment (self, attachment_id, error)))
    return NULL;

  {
    const SignetAttachmentChange changes[] = {
      { "file", NULL, name },
      { "role", NULL, signet_attachment_role_to_token (role) },
      { "description", NULL, signet_attachment_get_description (attachment) },
      { "version", NULL, "1" },
      { "sha256", NULL, sha256 },
    };

    if (!_signet_write_scope_audit_files (&scope, SIGNET_AUDIT_ACTION_ATTACH, contract_id,
                                          changes, G_N_ELEMENTS (changes), error) ||
        !_signet_write_scope_commit (&scope, error))
      return NULL;
  }

  return g_steal_pointer (&attachment);
}

SignetAttachment *
signet_store_replace_attachment (SignetStore  *self,
                                 gint64        attachment_id,
                                 GBytes       *bytes,
                                 const char   *file_name,
                                 const char   *content_type,
                                 GError      **error)
{
  g_auto(SignetWriteScope) scope = { 0 };
  g_autoptr(SignetAttachment) old = NULL;
  g_autoptr(SignetAttachment) attachment = NULL;
  g_autofree char *name = NULL;
  g_autofree char *type = NULL;
  g_autofree char *sha256 = NULL;
  g_autofree char *now = NULL;
  g_autofree char *old_version = NULL;
  g_autofree char *new_version = NULL;
  const char *user = _signet_store_user_display_name ();
  gint64 contract_id;

  g_return_val_if_fail (SIGNET_IS_STORE (self), NULL);
  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (file_name != NULL, NULL);

  if (!(name = clean_file_name (file_name, error)) || !check_size (name, bytes, error))
    return NULL;

  type = resolve_content_type (name, bytes, content_type);
  sha256 = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);
  now = _signet_store_timestamp_now ();

  /* Its version is counted on from: locked first, so that of two new
   * versions at once the second is counted on from the first's. */
  if (!_signet_write_scope_begin (&scope, self, error) ||
      !_signet_store_lock_row (self, "SELECT id FROM attachments WHERE id = ?1 FOR UPDATE", attachment_id, error))
    return NULL;

  if (!(old = lookup_attachment (self, attachment_id, error)))
    return NULL;

  if (g_str_equal (signet_attachment_get_sha256 (old), sha256))
    {
      g_set_error (error, SIGNET_ATTACHMENT_ERROR, SIGNET_ATTACHMENT_ERROR_UNCHANGED,
                   _("“%s” is the same file as the current version of “%s”, so no version was added."),
                   name, signet_attachment_get_file_name (old));
      return NULL;
    }

  contract_id = signet_attachment_get_contract_id (old);
  old_version = g_strdup_printf ("%u", signet_attachment_get_version (old));
  new_version = g_strdup_printf ("%u", signet_attachment_get_version (old) + 1);

  if (!store_blob (self, sha256, bytes, error) ||
      !insert_version (self, attachment_id, signet_attachment_get_version (old) + 1, sha256,
                       name, type, g_bytes_get_size (bytes), now, user, error) ||
      !(attachment = lookup_attachment (self, attachment_id, error)))
    return NULL;

  {
    const SignetAttachmentChange changes[] = {
      { "file", signet_attachment_get_file_name (old), name },
      { "version", old_version, new_version },
      { "sha256", signet_attachment_get_sha256 (old), sha256 },
    };

    if (!_signet_write_scope_audit_files (&scope, SIGNET_AUDIT_ACTION_REPLACE_ATTACHMENT, contract_id,
                                          changes, G_N_ELEMENTS (changes), error) ||
        !_signet_write_scope_commit (&scope, error))
      return NULL;
  }

  return g_steal_pointer (&attachment);
}

SignetAttachment *
signet_store_update_attachment (SignetStore           *self,
                                gint64                 attachment_id,
                                SignetAttachmentRole   role,
                                const char            *description,
                                GError               **error)
{
  g_auto(SignetWriteScope) scope = { 0 };
  g_autoptr(SignetAttachment) old = NULL;
  g_autoptr(SignetAttachment) attachment = NULL;
  g_autofree char *note = NULL;
  const char *old_role;
  const char *new_role;
  SignetDbStmt *stmt;
  gint64 contract_id;

  g_return_val_if_fail (SIGNET_IS_STORE (self), NULL);
  g_return_val_if_fail (role < SIGNET_N_ATTACHMENT_ROLES, NULL);

  note = _signet_strdup_trimmed (description);
  if (note != NULL && *note == '\0')
    g_clear_pointer (&note, g_free);

  if (!_signet_write_scope_begin (&scope, self, error))
    return NULL;

  if (!(old = lookup_attachment (self, attachment_id, error)))
    return NULL;

  old_role = signet_attachment_role_to_token (signet_attachment_get_role (old));
  new_role = signet_attachment_role_to_token (role);
  /* Nothing to write (the scope rolls back). */
  if (g_str_equal (old_role, new_role) &&
      g_strcmp0 (signet_attachment_get_description (old), note) == 0)
    return g_steal_pointer (&old);

  stmt = _signet_store_statement (self, "UPDATE attachments SET role = ?, description = ? WHERE id = ?", error);
  if (stmt == NULL)
    return NULL;

  signet_db_bind_static_text (stmt, 1, new_role);
  _signet_store_bind_text (stmt, 2, note);
  signet_db_bind_int64 (stmt, 3, attachment_id);
  if (!_signet_store_step_done (self, stmt, error) ||
      !(attachment = lookup_attachment (self, attachment_id, error)))
    return NULL;

  contract_id = signet_attachment_get_contract_id (old);

  {
    const SignetAttachmentChange changes[] = {
      { "file", signet_attachment_get_file_name (old), signet_attachment_get_file_name (old) },
      { "role", old_role, new_role },
      { "description", signet_attachment_get_description (old), note },
    };

    if (!_signet_write_scope_audit_files (&scope, SIGNET_AUDIT_ACTION_UPDATE_ATTACHMENT, contract_id,
                                          changes, G_N_ELEMENTS (changes), error) ||
        !_signet_write_scope_commit (&scope, error))
      return NULL;
  }

  return g_steal_pointer (&attachment);
}

/* The versions' files are kept in the register while the tombstone
 * lives, so that Undo finds them. */
static gboolean
pin_blobs (SignetStore      *self,
           SignetTombstone  *tombstone,
           gint64            attachment_id,
           GError          **error)
{
  g_autoptr(GPtrArray) sha256s = g_ptr_array_new_with_free_func (g_free);
  SignetDbStmt *stmt;
  int rc;

  stmt = _signet_store_statement (self, "SELECT DISTINCT sha256 FROM attachment_versions WHERE attachment_id = ?",
                                  error);
  if (stmt == NULL)
    return FALSE;

  signet_db_bind_int64 (stmt, 1, attachment_id);
  while ((rc = signet_db_step (stmt)) == SIGNET_DB_ROW)
    g_ptr_array_add (sha256s, _signet_store_dup_text (stmt, 0));
  signet_db_reset (stmt);
  if (rc != SIGNET_DB_DONE)
    return _signet_store_set_error (self, rc, error);

  _signet_tombstone_pin_blobs (tombstone, _signet_store_get_kept_blobs (self), sha256s);

  return TRUE;
}

SignetTombstone *
_signet_store_delete_attachment (SignetStore  *self,
                                 gint64        attachment_id,
                                 GError      **error)
{
  /* Out of the tables in the order the foreign keys allow. */
  static const char * const steps[] = {
    "DELETE FROM annotations WHERE version_id IN "
    "(SELECT id FROM attachment_versions WHERE attachment_id = ?1)",
    "DELETE FROM attachment_versions WHERE attachment_id = ?1",
    "DELETE FROM attachments WHERE id = ?1",
  };
  g_auto(SignetWriteScope) scope = { 0 };
  g_autoptr(SignetAttachment) old = NULL;
  g_autoptr(SignetTombstone) tombstone = NULL;
  g_autofree char *version = NULL;
  gint64 contract_id;

  if (!_signet_write_scope_begin (&scope, self, error))
    return NULL;

  if (!(old = lookup_attachment (self, attachment_id, error)) ||
      !purge_unused_blobs (self, error))
    return NULL;

  contract_id = signet_attachment_get_contract_id (old);
  tombstone = _signet_tombstone_new (SIGNET_TOMBSTONE_ATTACHMENT, attachment_id, contract_id,
                                     signet_attachment_get_file_name (old));
  /* In the order they go back: the attachment, its versions, their annotations. */
  if (!_signet_store_keep_rows (self, tombstone, "attachments", "id = ?1", attachment_id, error) ||
      !_signet_store_keep_rows (self, tombstone, "attachment_versions", "attachment_id = ?1 ORDER BY id",
                                attachment_id, error) ||
      !_signet_store_keep_rows (self, tombstone, "annotations",
                                "version_id IN (SELECT id FROM attachment_versions WHERE attachment_id = ?1) "
                                "ORDER BY id", attachment_id, error) ||
      !pin_blobs (self, tombstone, attachment_id, error))
    return NULL;

  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    if (!run_with_id (self, steps[i], attachment_id, error))
      return NULL;

  version = g_strdup_printf ("%u", signet_attachment_get_version (old));

  {
    const SignetAttachmentChange changes[] = {
      { "file", signet_attachment_get_file_name (old), NULL },
      { "role", signet_attachment_role_to_token (signet_attachment_get_role (old)), NULL },
      { "description", signet_attachment_get_description (old), NULL },
      { "version", version, NULL },
      { "sha256", signet_attachment_get_sha256 (old), NULL },
    };

    if (!_signet_write_scope_audit_files (&scope, SIGNET_AUDIT_ACTION_DELETE_ATTACHMENT, contract_id,
                                          changes, G_N_ELEMENTS (changes), error) ||
        !_signet_write_scope_commit (&scope, error))
      return NULL;
  }

  return g_steal_pointer (&tombstone);
}

gboolean
signet_store_delete_attachment (SignetStore  *self,
                                gint64        attachment_id,
                                GError      **error)
{
  g_autoptr(SignetTombstone) tombstone = NULL;

  g_return_val_if_fail (SIGNET_IS_STORE (self), FALSE);

  tombstone = _signet_store_delete_attachment (self, attachment_id, error);

  return tombstone != NULL;
}

gboolean
_signet_store_restore_attachment (SignetWriteScope  *scope,
                                  SignetTombstone   *tombstone,
                                  GError           **error)
{
  SignetStore *self = scope->store;
  gint64 attachment_id = signet_tombstone_get_id (tombstone);
  gint64 contract_id = signet_tombstone_get_contract_id (tombstone);
  const char *name = signet_tombstone_get_label (tombstone);
  g_autoptr(SignetAttachment) attachment = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *version = NULL;

  if (!check_contract_exists (self, contract_id, &local_error))
    {
      if (!g_error_matches (local_error, SIGNET_STORE_ERROR, SIGNET_STORE_ERROR_NOT_FOUND))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }

      g_set_error (error, SIGNET_STORE_ERROR, SIGNET_STORE_ERROR_NOT_FOUND,
                   _("“%s” cannot be restored: its contract has been deleted."), name);
      return FALSE;
    }

  if ((attachment = lookup_attachment (self, attachment_id, NULL)) != NULL)
    {
      g_set_error (error, SIGNET_STORE_ERROR, SIGNET_STORE_ERROR_CONFLICT,
                   _("“%s” is attached already."), name);
      return FALSE;
    }

  if (!_signet_store_insert_kept_rows (self, tombstone, error) ||
      !(attachment = lookup_attachment (self, attachment_id, error)))
    return FALSE;

  version = g_strdup_printf ("%u", signet_attachment_get_version (attachment));

  {
    const SignetAttachmentChange changes[] = {
      { "file", NULL, signet_attachment_get_file_name (attachment) },
      { "role", NULL, signet_attachment_role_to_token (signet_attachment_get_role (attachment)) },
      { "description", NULL, signet_attachment_get_description (attachment) },
      { "version", NULL, version },
      { "sha256", NULL, signet_attachment_get_sha256 (attachment) },
    };

    return _signet_write_scope_audit_files (scope, SIGNET_AUDIT_ACTION_RESTORE_ATTACHMENT, contract_id,
                                            changes, G_N_ELEMENTS (changes), error);
  }
}

SignetAttachment *
signet_store_get_attachment (SignetStore  *self,
                             gint64        attachment_id,
                             GError      **error)
{
  g_return_val_if_fail (SIGNET_IS_STORE (self), NULL);

  return lookup_attachment (self, attachment_id, error);
}

GPtrArray *
signet_store_list_attachments (SignetStore  *self,
                               gint64        contract_id,
                               GError      **error)
{
  g_autoptr(GPtrArray) attachments = g_ptr_array_new_with_free_func (g_object_unref);
  SignetDbStmt *stmt;
  int rc;

  g_return_val_if_fail (SIGNET_IS_STORE (self), NULL);

  stmt = _signet_store_statement (self,
                                  SELECT_ATTACHMENT "WHERE a.contract_id = ? ORDER BY " ROLE_ORDER ", a.id",
                                  error);
  if (stmt == NULL)
    return NULL;

  signet_db_bind_int64 (stmt, 1, contract_id);
  while ((rc = signet_db_step (stmt)) == SIGNET_DB_ROW)
    g_ptr_array_add (attachments, read_attachment_row (stmt));
  signet_db_reset (stmt);

  if (rc != SIGNET_DB_DONE)
    {
      _signet_store_set_error (self, rc, error);
      return NULL;
    }

  return g_steal_pointer (&attachments);
}

GPtrArray *
signet_store_list_attachment_versions (SignetStore  *self,
                                       gint64        attachment_id,
                                       GError      **error)
{
  g_autoptr(GPtrArray) versions =
    g_ptr_array_new_with_free_func ((GDestroyNotify) signet_attachment_version_unref);
  SignetDbStmt *stmt;
  int rc;

  g_return_val_if_fail (SIGNET_IS_STORE (self), NULL);

  stmt = _signet_store_statement (self,
                                  "SELECT v.id, v.attachment_id, v.version, v.file_name, v.content_type, "
                                  "v.size, v.sha256, v.added_at, v.added_by FROM attachment_versions v "
                                  "JOIN attachments a ON a.id = v.attachment_id "
                                  "JOIN contracts c ON c.id = a.contract_id "
                                  "WHERE v.attachment_id = ? ORDER BY v.version DESC", error);
  if (stmt == NULL)
    return NULL;

  signet_db_bind_int64 (stmt, 1, attachment_id);
  while ((rc = signet_db_step (stmt)) == SIGNET_DB_ROW)
    g_ptr_array_add (versions, read_version_row (stmt, 0));
  signet_db_reset (stmt);

  if (rc != SIGNET_DB_DONE)
    {
      _signet_store_set_error (self, rc, error);
      return NULL;
    }

  return g_steal_pointer (&versions);
}

GBytes *
signet_store_load_version_bytes (SignetStore  *self,
                                 gint64        version_id,
                                 GError      **error)
{
  g_autofree char *file_name = NULL;
  g_autofree char *sha256 = NULL;
  SignetDbStmt *stmt;
  gint64 rowid = 0;
  int rc;

  g_return_val_if_fail (SIGNET_IS_STORE (self), NULL);

  stmt = _signet_store_statement (self,
                                  _signet_store_sql (self, LOAD_VERSION ("b.rowid"), LOAD_VERSION ("1")), error);
  if (stmt == NULL)
    return NULL;

  signet_db_bind_int64 (stmt, 1, version_id);
  rc = signet_db_step (stmt);
  if (rc == SIGNET_DB_ROW)
    {
      file_name = _signet_store_dup_text (stmt, 0);
      sha256 = _signet_store_dup_text (stmt, 1);
      rowid = signet_db_column_int64 (stmt, 2);
    }
  signet_db_reset (stmt);

  if (rc == SIGNET_DB_DONE)
    {
      g_set_error (error, SIGNET_STORE_ERROR, SIGNET_STORE_ERROR_NOT_FOUND,
                   _("The file no longer exists; it may have been deleted."));
      return NULL;
    }
  if (rc != SIGNET_DB_ROW)
    {
      _signet_store_set_error (self, rc, error);
      return NULL;
    }

  return load_checked (self, rowid, sha256, file_name, error);
}

typedef struct
{
  SignetStoreOpener *opener;
  gint64             version_id;
} LoadVersion;

static void
load_version_free (LoadVersion *load)
{
  signet_store_opener_free (load->opener);
  g_free (load);
}

static void
load_version_thread (GTask        *task,
                     gpointer      source_object,
                     gpointer      task_data,
                     GCancellable *cancellable)
{
  LoadVersion *load = task_data;
  g_autoptr(SignetStore) store = NULL;
  g_autoptr(GError) error = NULL;
  GBytes *bytes = NULL;

  if (g_task_return_error_if_cancelled (task))
    return;

  store = signet_store_open_worker (load->opener, &error);
  if (store != NULL)
    bytes = signet_store_load_version_bytes (store, load->version_id, &error);

  if (bytes == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, bytes, (GDestroyNotify) g_bytes_unref);
}

void
signet_store_load_version_bytes_async (SignetStore         *self,
                                       gint64               version_id,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  LoadVersion *load;

  g_return_if_fail (SIGNET_IS_STORE (self));

  load = g_new0 (LoadVersion, 1);
  load->opener = signet_store_opener_new (self, SIGNET_STORE_OPEN_READ_ONLY);
  load->version_id = version_id;

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, signet_store_load_version_bytes_async);
  g_task_set_task_data (task, load, (GDestroyNotify) load_version_free);
  g_task_run_in_thread (task, load_version_thread);
}

GBytes *
signet_store_load_version_bytes_finish (SignetStore   *self,
                                        GAsyncResult  *result,
                                        GError       **error)
{
  g_return_val_if_fail (SIGNET_IS_STORE (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

GPtrArray *
signet_store_list_blobs_without_text (SignetStore  *self,
                                      GError      **error)
{
  g_autoptr(GPtrArray) hashes = g_ptr_array_new_with_free_func (g_free);
  SignetDbStmt *stmt;
  int rc;

  g_return_val_if_fail (SIGNET_IS_STORE (self), NULL);

  stmt = _signet_store_statement (self,
                                  "SELECT v.sha256 FROM attachments a "
                                  "JOIN contracts c ON c.id = a.contract_id "
                                  "JOIN attachment_versions v ON v.attachment_id = a.id "
                                  "AND v.version = (SELECT max (version) FROM attachment_versions "
                                  "WHERE attachment_id = a.id) "
                                  "WHERE v.content_type = 'application/pdf' "
                                  "AND NOT EXISTS (SELECT 1 FROM blob_text t WHERE t.sha256 = v.sha256) "
                                  "GROUP BY v.sha256 ORDER BY max (v.id) DESC", error);
  if (stmt == NULL)
    return NULL;

  while ((rc = signet_db_step (stmt)) == SIGNET_DB_ROW)
    g_ptr_array_add (hashes, _signet_store_dup_text (stmt, 0));
  signet_db_reset (stmt);

  if (rc != SIGNET_DB_DONE)
    {
      _signet_store_set_error (self, rc, error);
      return NULL;
    }

  return g_steal_pointer (&hashes);
}

GBytes *
signet_store_load_blob_bytes (SignetStore  *self,
                              const char   *sha256,
                              GError      **error)
{
  g_autofree char *file_name = NULL;
  SignetDbStmt *stmt;
  gint64 rowid = 0;
  int rc;

  g_return_val_if_fail (SIGNET_IS_STORE (self), NULL);
  g_return_val_if_fail (sha256 != NULL, NULL);

  stmt = _signet_store_statement (self, _signet_store_sql (self, LOAD_BLOB ("b.rowid"), LOAD_BLOB ("1")), error);
  if (stmt == NULL)
    return NULL;

  signet_db_bind_static_text (stmt, 1, sha256);
  rc = signet_db_step (stmt);
  if (rc == SIGNET_DB_ROW)
    {
      rowid = signet_db_column_int64 (stmt, 0);
      file_name = _signet_store_dup_text (stmt, 1);
    }
  signet_db_reset (stmt);

  if (rc == SIGNET_DB_DONE)
    {
      g_set_error (error, SIGNET_STORE_ERROR, SIGNET_STORE_ERROR_NOT_FOUND,
                   _("The file no longer exists; it may have been deleted."));
      return NULL;
    }
  if (rc != SIGNET_DB_ROW)
    {
      _signet_store_set_error (self, rc, error);
      return NULL;
    }

  return load_checked (self, rowid, sha256, file_name != NULL ? file_name : sha256, error);
}

gboolean
signet_store_set_blob_text (SignetStore          *self,
                            const char           *sha256,
                            SignetBlobTextState   state,
                            const char           *text,
                            GError              **error)
{
  g_auto(SignetWriteScope) scope = { 0 };
  g_autofree char *folded = NULL;
  SignetDbStmt *stmt;
  int rc;

  g_return_val_if_fail (SIGNET_IS_STORE (self), FALSE);
  g_return_val_if_fail (is_sha256 (sha256), FALSE);
  g_return_val_if_fail (state == SIGNET_BLOB_TEXT_DONE || state == SIGNET_BLOB_TEXT_FAILED, FALSE);

  folded = state == SIGNET_BLOB_TEXT_DONE && text != NULL ? fold_text (text) : g_strdup ("");

  if (!_signet_write_scope_begin (&scope, self, error))
    return FALSE;

  stmt = _signet_store_statement (self,
                                  "INSERT INTO blob_text (sha256, state, text) "
                                  "SELECT sha256, ?2, ?3 FROM blobs WHERE sha256 = ?1 "
                                  "ON CONFLICT (sha256) DO UPDATE SET state = excluded.state, text = excluded.text",
                                  error);
  if (stmt == NULL)
    return FALSE;

  signet_db_bind_static_text (stmt, 1, sha256);
  signet_db_bind_static_text (stmt, 2, state == SIGNET_BLOB_TEXT_DONE ? "done" : "failed");
  signet_db_bind_static_text (stmt, 3, folded);
  if (!_signet_store_step_done (self, stmt, error))
    return FALSE;

  if (signet_db_changes (self->db) == 0)
    {
      g_set_error (error, SIGNET_STORE_ERROR, SIGNET_STORE_ERROR_NOT_FOUND,
                   _("The file no longer exists; it may have been deleted."));
      return FALSE;
    }

  stmt = _signet_store_statement (self,
                                  "SELECT DISTINCT a.contract_id FROM attachment_versions v "
                                  "JOIN attachments a ON a.id = v.attachment_id "
                                  "JOIN contracts c ON c.id = a.contract_id WHERE v.sha256 = ?", error);
  if (stmt == NULL)
    return FALSE;

  /* The text is no record of its own and has no audit entry; the
   * contracts whose files have it are told: a search now finds it. */
  signet_db_bind_static_text (stmt, 1, sha256);
  while ((rc = signet_db_step (stmt)) == SIGNET_DB_ROW)
    _signet_write_scope_add_change (&scope, SIGNET_RECORD_CONTRACT, signet_db_column_int64 (stmt, 0),
                                    SIGNET_CHANGE_UPDATED, SIGNET_STORE_CHANGED_ATTACHMENTS);
  signet_db_reset (stmt);

  if (rc != SIGNET_DB_DONE)
    {
      _signet_store_set_error (self, rc, error);
      return FALSE;
    }

  return _signet_write_scope_commit (&scope, error);
}

GHashTable *
_signet_store_attachment_text_matches (SignetStore *self,
                                       const char  *folded_term)
{
  g_autoptr(GHashTable) matches = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *term = NULL;
  SignetDbStmt *stmt;
  int rc;

  g_return_val_if_fail (SIGNET_IS_STORE (self), NULL);
  g_return_val_if_fail (folded_term != NULL, NULL);

  term = fold_text (folded_term);
  if (*term == '\0')
    return g_steal_pointer (&matches);

  /* A store opened at an earlier schema version (the migration tests
   * search those) has no attachments to look in. */
  if (_signet_store_query_int64 (self,
                                 _signet_store_sql (self,
                                                    "SELECT count(*) FROM sqlite_schema "
                                                    "WHERE type = 'table' AND name = 'blob_text'",
                                                    "SELECT count(*) FROM pg_catalog.pg_tables "
                                                    "WHERE schemaname = current_schema () AND tablename = 'blob_text'"),
                                 NULL) <= 0)
    return g_steal_pointer (&matches);

  stmt = _signet_store_statement (self,
                                  "SELECT DISTINCT a.contract_id FROM attachments a "
                                  "JOIN contracts c ON c.id = a.contract_id "
                                  "JOIN attachment_versions v ON v.attachment_id = a.id "
                                  "AND v.version = (SELECT max (version) FROM attachment_versions "
                                  "WHERE attachment_id = a.id) "
                                  "JOIN blob_text t ON t.sha256 = v.sha256 "
                                  "WHERE t.state = 'done' AND instr (t.text, ?) > 0", &error);
  if (stmt == NULL)
    {
      g_warning ("Could not search the text of attachments: %s", error->message);
      return g_steal_pointer (&matches);
    }

  signet_db_bind_static_text (stmt, 1, term);
  while ((rc = signet_db_step (stmt)) == SIGNET_DB_ROW)
    g_hash_table_add (matches, g_memdup2 (&(gint64) { signet_db_column_int64 (stmt, 0) }, sizeof (gint64)));
  signet_db_reset (stmt);

  if (rc != SIGNET_DB_DONE)
    g_warning ("Could not search the text of attachments: %s", signet_db_errstr (rc));

  return g_steal_pointer (&matches);
}

char *
_signet_store_attachment_text_file (SignetStore *self,
                                    gint64       contract_id,
                                    const char  *folded_term,
                                    guint       *page)
{
  g_autofree char *term = NULL;
  char *file_name = NULL;
  SignetDbStmt *stmt;

  g_return_val_if_fail (SIGNET_IS_STORE (self), NULL);
  g_return_val_if_fail (folded_term != NULL, NULL);
  g_return_val_if_fail (page != NULL, NULL);

  *page = 0;
  term = fold_text (folded_term);
  if (*term == '\0')
    return NULL;

  stmt = _signet_store_statement (self,
                                  "SELECT v.file_name, t.text FROM attachments a "
                                  "JOIN attachment_versions v ON v.attachment_id = a.id "
                                  "AND v.version = (SELECT max (version) FROM attachment_versions "
                                  "WHERE attachment_id = a.id) "
                                  "JOIN blob_text t ON t.sha256 = v.sha256 "
                                  "WHERE a.contract_id = ? AND t.state = 'done' AND instr (t.text, ?) > 0 "
                                  "ORDER BY a.id LIMIT 1", NULL);
  if (stmt == NULL)
    return NULL;

  signet_db_bind_int64 (stmt, 1, contract_id);
  signet_db_bind_static_text (stmt, 2, term);
  if (signet_db_step (stmt) == SIGNET_DB_ROW)
    {
      const char *text = signet_db_column_text (stmt, 1);
      const char *found = text != NULL ? strstr (text, term) : NULL;

      file_name = _signet_store_dup_text (stmt, 0);
      /* Text kept before pages were marked has no form feed: no page. */
      if (found != NULL && strchr (text, '\f') != NULL)
        {
          *page = 1;
          for (const char *p = text; p < found; p++)
            *page += *p == '\f';
        }
    }
  signet_db_reset (stmt);

  return file_name;
}

/* Import: records as an export wrote them, with their own times and
 * people. Each is one write with its audit entry (inside the import's
 * batch). */

gint64
signet_store_import_attachment_version (SignetStore           *self,
                                        gint64                 contract_id,
                                        gint64                *attachment_id,
                                        SignetAttachmentRole   role,
                                        const char            *description,
                                        guint                  version,
                                        GBytes                *bytes,
                                        const char            *file_name,
                                        const char            *content_type,
                                        const char            *added_at,
                                        const char            *added_by,
                                        GError               **error)
{
  g_auto(SignetWriteScope) scope = { 0 };
  g_autofree char *name = NULL;
  g_autofree char *type = NULL;
  g_autofree char *sha256 = NULL;
  g_autofree char *note = NULL;
  g_autofree char *version_text = NULL;
  g_autofree char *added_time = NULL;
  SignetDbStmt *stmt;
  gint64 version_id;

  g_return_val_if_fail (SIGNET_IS_STORE (self), 0);
  g_return_val_if_fail (attachment_id != NULL, 0);
  g_return_val_if_fail (bytes != NULL && added_by != NULL, 0);
  g_return_val_if_fail (role < SIGNET_N_ATTACHMENT_ROLES && version >= 1, 0);

  if (!(name = clean_file_name (file_name, error)) || !check_size (name, bytes, error) ||
      !(added_time = added_at != NULL ? _signet_store_clean_timestamp (added_at, error)
                                      : _signet_store_timestamp_now ()))
    return 0;

  type = resolve_content_type (name, bytes, content_type);
  sha256 = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);
  note = _signet_strdup_trimmed (description);
  version_text = g_strdup_printf ("%u", version);

  if (!_signet_write_scope_begin (&scope, self, error))
    return 0;

  if (!check_contract_exists (self, contract_id, error) ||
      !store_blob (self, sha256, bytes, error))
    return 0;

  if (*attachment_id == 0)
    {
      stmt = _signet_store_statement (self,
                                      "INSERT INTO attachments (contract_id, role, description, added_at, added_by) "
                                      "VALUES (?, ?, ?, ?, ?)", error);
      if (stmt == NULL)
        return 0;

      signet_db_bind_int64 (stmt, 1, contract_id);
      signet_db_bind_static_text (stmt, 2, signet_attachment_role_to_token (role));
      _signet_store_bind_text (stmt, 3, note);
      signet_db_bind_static_text (stmt, 4, added_time);
      signet_db_bind_static_text (stmt, 5, added_by);
      if (!_signet_store_step_done (self, stmt, error))
        return 0;
      *attachment_id = signet_db_last_insert_id (self->db);
    }
  else if (version == 1)
    {
      /* An attachment was added when its first version was. */
      stmt = _signet_store_statement (self, "UPDATE attachments SET added_at = ?, added_by = ? WHERE id = ?", error);
      if (stmt == NULL)
        return 0;
      signet_db_bind_static_text (stmt, 1, added_time);
      signet_db_bind_static_text (stmt, 2, added_by);
      signet_db_bind_int64 (stmt, 3, *attachment_id);
      if (!_signet_store_step_done (self, stmt, error))
        return 0;
    }

  if (!insert_version (self, *attachment_id, version, sha256, name, type, g_bytes_get_size (bytes),
                       added_time, added_by, error))
    return 0;
  version_id = signet_db_last_insert_id (self->db);

  {
    const SignetAttachmentChange changes[] = {
      { "file", NULL, name },
      { "role", NULL, signet_attachment_role_to_token (role) },
      { "version", NULL, version_text },
      { "sha256", NULL, sha256 },
    };

    if (!_signet_write_scope_audit_files (&scope, SIGNET_AUDIT_ACTION_IMPORT_ATTACHMENT, contract_id,
                                          changes, G_N_ELEMENTS (changes), error) ||
        !_signet_write_scope_commit (&scope, error))
      return 0;
  }

  return version_id;
}

gboolean
signet_store_contract_has_file (SignetStore  *self,
                                gint64        contract_id,
                                const char   *sha256)
{
  SignetDbStmt *stmt;
  gboolean found;

  g_return_val_if_fail (SIGNET_IS_STORE (self), FALSE);

  stmt = _signet_store_statement (self,
                                  "SELECT 1 FROM attachments a JOIN attachment_versions v ON v.attachment_id = a.id "
                                  "WHERE a.contract_id = ? AND v.sha256 = ? LIMIT 1", NULL);
  if (stmt == NULL)
    return FALSE;

  signet_db_bind_int64 (stmt, 1, contract_id);
  signet_db_bind_static_text (stmt, 2, sha256);
  found = signet_db_step (stmt) == SIGNET_DB_ROW;
  signet_db_reset (stmt);

  return found;
}

GHashTable *
signet_store_list_contracts_with_records (SignetStore  *self,
                                          GError      **error)
{
  g_autoptr(GHashTable) ids = NULL;
  SignetDbStmt *stmt;
  int rc;

  g_return_val_if_fail (SIGNET_IS_STORE (self), NULL);

  stmt = _signet_store_statement (self,
                                  "SELECT contract_id FROM attachments UNION SELECT contract_id FROM key_dates "
                                  "UNION SELECT contract_id FROM reviews UNION SELECT contract_id FROM reminder_settings "
                                  "UNION SELECT contract_id FROM process_events UNION SELECT contract_id FROM amendments "
                                  "UNION SELECT contract_id FROM notice_decisions UNION SELECT contract_id FROM approval_steps "
                                  "UNION SELECT contract_id FROM payments UNION SELECT contract_id FROM obligations "
                                  "UNION SELECT contract_id FROM risks UNION SELECT contract_id FROM risk_level_choices "
                                  "UNION SELECT contract_id FROM originals UNION SELECT contract_id FROM loans",
                                  error);
  if (stmt == NULL)
    return NULL;

  ids = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  while ((rc = signet_db_step (stmt)) == SIGNET_DB_ROW)
    {
      gint64 id = signet_db_column_int64 (stmt, 0);

      g_hash_table_add (ids, g_memdup2 (&id, sizeof id));
    }
  signet_db_reset (stmt);

  if (rc != SIGNET_DB_DONE)
    {
      _signet_store_set_error (self, rc, error);
      return NULL;
    }

  return g_steal_pointer (&ids);
}
