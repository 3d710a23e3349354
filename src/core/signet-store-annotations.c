/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "signet-store"

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "signet-store-attachments.h"
#include "signet-store-private.h"
#include "signet-tombstone-private.h"

/* An annotation, in the order read_annotation_row() reads it, with the
 * contract and file name its audit entries need. Joining contracts hides
 * the annotations of deleted contracts, which stay for Undo. */
#define SELECT_ANNOTATION \
  "SELECT n.id, n.version_id, n.kind, n.page, n.rects, n.color, n.author, n.created_at, " \
  "n.modified_at, n.comment, a.contract_id, v.file_name FROM annotations n " \
  "JOIN attachment_versions v ON v.id = n.version_id " \
  "JOIN attachments a ON a.id = v.attachment_id " \
  "JOIN contracts c ON c.id = a.contract_id "

/* What an audit entry about an annotation says besides its own fields. */
typedef struct
{
  gint64  contract_id;
  char   *file_name;
} Context;

static void
context_clear (Context *context)
{
  g_clear_pointer (&context->file_name, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Context, context_clear)

/* NULL, with a warning, for a row whose rectangles cannot be read: one
 * damaged row must not hide the others. */
static SignetAnnotation *
read_annotation_row (SignetDbStmt *stmt,
                     Context      *context)
{
  g_autoptr(GArray) rects = signet_annotation_rects_parse (signet_db_column_text (stmt, 4));
  SignetAnnotationKind kind;

  if (rects == NULL ||
      !signet_annotation_kind_from_token (signet_db_column_text (stmt, 2), &kind))
    {
      g_warning ("Annotation %" G_GINT64_FORMAT " is damaged and was left out",
                 (gint64) signet_db_column_int64 (stmt, 0));
      return NULL;
    }

  if (context != NULL)
    {
      context->contract_id = signet_db_column_int64 (stmt, 10);
      context->file_name = _signet_store_dup_text (stmt, 11);
    }

  return signet_annotation_new (signet_db_column_int64 (stmt, 0),
                                signet_db_column_int64 (stmt, 1),
                                kind,
                                (guint) signet_db_column_int64 (stmt, 3),
                                (const SignetAnnotationRect *) (gpointer) rects->data,
                                rects->len,
                                signet_db_column_text (stmt, 5),
                                signet_db_column_text (stmt, 6),
                                signet_db_column_text (stmt, 7),
                                signet_db_column_text (stmt, 8),
                                signet_db_column_text (stmt, 9));
}

static SignetAnnotation *
lookup_annotation (SignetStore  *self,
                   gint64        annotation_id,
                   Context      *context,
                   GError      **error)
{
  SignetDbStmt *stmt = _signet_store_statement (self, SELECT_ANNOTATION "WHERE n.id = ?", error);
  SignetAnnotation *annotation = NULL;
  int rc;

  if (stmt == NULL)
    return NULL;

  signet_db_bind_int64 (stmt, 1, annotation_id);
  rc = signet_db_step (stmt);
  if (rc == SIGNET_DB_ROW)
    annotation = read_annotation_row (stmt, context);
  if (rc != SIGNET_DB_ROW && rc != SIGNET_DB_DONE)
    _signet_store_set_error (self, rc, error);
  else if (annotation == NULL)
    g_set_error (error, SIGNET_STORE_ERROR, SIGNET_STORE_ERROR_NOT_FOUND,
                 _("The annotation no longer exists; it may have been deleted."));
  signet_db_reset (stmt);

  return annotation;
}

/* The contract and file of an attachment version of an existing contract. */
static gboolean
lookup_version_context (SignetStore  *self,
                        gint64        version_id,
                        Context      *context,
                        GError      **error)
{
  SignetDbStmt *stmt = _signet_store_statement (self,
                                                "SELECT a.contract_id, v.file_name FROM attachment_versions v "
                                                "JOIN attachments a ON a.id = v.attachment_id "
                                                "JOIN contracts c ON c.id = a.contract_id WHERE v.id = ?",
                                                error);
  int rc;

  if (stmt == NULL)
    return FALSE;

  signet_db_bind_int64 (stmt, 1, version_id);
  rc = signet_db_step (stmt);
  if (rc == SIGNET_DB_ROW)
    {
      context->contract_id = signet_db_column_int64 (stmt, 0);
      context->file_name = _signet_store_dup_text (stmt, 1);
    }
  signet_db_reset (stmt);

  if (rc == SIGNET_DB_ROW)
    return TRUE;

  if (rc != SIGNET_DB_DONE)
    return _signet_store_set_error (self, rc, error);

  g_set_error (error, SIGNET_STORE_ERROR, SIGNET_STORE_ERROR_NOT_FOUND,
               _("The file no longer exists; it may have been deleted."));
  return FALSE;
}

static char *
clean_color (const char  *color,
             GError     **error)
{
  if (!signet_annotation_color_is_valid (color))
    {
      g_set_error (error, SIGNET_STORE_ERROR, SIGNET_STORE_ERROR_FAILED,
                   _("“%s” is not a color. Use the form #rrggbb, for example #ffd400."),
                   color != NULL ? color : "");
      return NULL;
    }

  return g_ascii_strdown (color, -1);
}

/* Corners in order (a rectangle may have been dragged up or leftwards). */
static GArray *
clean_rects (const SignetAnnotationRect  *rects,
             guint                        n_rects,
             GError                     **error)
{
  g_autoptr(GArray) clean = g_array_sized_new (FALSE, FALSE, sizeof (SignetAnnotationRect), n_rects);

  for (guint i = 0; i < n_rects; i++)
    {
      const SignetAnnotationRect *r = &rects[i];
      SignetAnnotationRect ordered = {
        MIN (r->x1, r->x2), MIN (r->y1, r->y2), MAX (r->x1, r->x2), MAX (r->y1, r->y2),
      };

      if (!isfinite (r->x1) || !isfinite (r->y1) || !isfinite (r->x2) || !isfinite (r->y2))
        {
          g_set_error (error, SIGNET_STORE_ERROR, SIGNET_STORE_ERROR_FAILED,
                       _("The annotation has no valid position on the page."));
          return NULL;
        }

      g_array_append_val (clean, ordered);
    }

  return g_steal_pointer (&clean);
}

static char *
page_text (guint page)
{
  /* As the viewer numbers pages, for the people who read the audit log. */
  return g_strdup_printf ("%u", page + 1);
}

/* Adds an annotation made by @author at @created_at (modified at
 * @modified_at): the user's own, or one an import brings. */
static SignetAnnotation *
insert_annotation (SignetStore                *self,
                   SignetAuditAction           action,
                   gint64                      version_id,
                   SignetAnnotationKind        kind,
                   guint                       page,
                   const SignetAnnotationRect *rects,
                   guint                       n_rects,
                   const char                 *color,
                   const char                 *author,
                   const char                 *created_at,
                   const char                 *modified_at,
                   const char                 *comment,
                   GError                    **error)
{
  g_auto(SignetWriteScope) scope = { 0 };
  g_auto(Context) context = { 0 };
  g_autoptr(SignetAnnotation) annotation = NULL;
  g_autoptr(GArray) clean = NULL;
  g_autofree char *rects_text = NULL;
  g_autofree char *clean_colour = NULL;
  g_autofree char *page_number = NULL;
  SignetDbStmt *stmt;

  g_return_val_if_fail (SIGNET_IS_STORE (self), NULL);
  g_return_val_if_fail (kind < SIGNET_N_ANNOTATION_KINDS, NULL);
  g_return_val_if_fail (rects != NULL && n_rects > 0, NULL);
  g_return_val_if_fail (page <= G_MAXINT32, NULL);

  if (!(clean = clean_rects (rects, n_rects, error)) ||
      !(clean_colour = clean_color (color, error)))
    return NULL;

  rects_text = signet_annotation_rects_to_string ((const SignetAnnotationRect *) (gpointer) clean->data,
                                                  clean->len);
  page_number = page_text (page);

  if (!_signet_write_scope_begin (&scope, self, error))
    return NULL;

  if (!lookup_version_context (self, version_id, &context, error))
    return NULL;

  stmt = _signet_store_statement (self,
                                  "INSERT INTO annotations (version_id, kind, page, rects, color, author, "
                                  "created_at, modified_at, comment) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                                  error);
  if (stmt == NULL)
    return NULL;

  signet_db_bind_int64 (stmt, 1, version_id);
  signet_db_bind_static_text (stmt, 2, signet_annotation_kind_to_token (kind));
  signet_db_bind_int64 (stmt, 3, page);
  signet_db_bind_static_text (stmt, 4, rects_text);
  signet_db_bind_static_text (stmt, 5, clean_colour);
  signet_db_bind_static_text (stmt, 6, author);
  signet_db_bind_static_text (stmt, 7, created_at);
  signet_db_bind_static_text (stmt, 8, modified_at);
  signet_db_bind_static_text (stmt, 9, comment != NULL ? comment : "");
  if (!_signet_store_step_done (self, stmt, error) ||
      !(annotation = lookup_annotation (self, signet_db_last_insert_id (self->db), NULL, error)))
    return NULL;

  {
    const SignetAttachmentChange changes[] = {
      { "file", context.file_name, context.file_name },
      { "annotation", NULL, signet_annotation_kind_to_token (kind) },
      { "page", NULL, page_number },
      { "color", NULL, clean_colour },
      { "comment", NULL, comment },
    };

    if (!_signet_write_scope_audit_files (&scope, action, context.contract_id,
                                          changes, G_N_ELEMENTS (changes), error) ||
        !_signet_write_scope_commit (&scope, error))
      return NULL;
  }

  return g_steal_pointer (&annotation);
}

SignetAnnotation *
signet_store_add_annotation (SignetStore                *self,
                             gint64                      version_id,
                             SignetAnnotationKind        kind,
                             guint                       page,
                             const SignetAnnotationRect *rects,
                             guint                       n_rects,
                             const char                 *color,
                             const char                 *comment,
                             GError                    **error)
{
  g_autofree char *now = _signet_store_timestamp_now ();

  return insert_annotation (self, SIGNET_AUDIT_ACTION_ANNOTATE, version_id, kind, page, rects, n_rects, color,
                            _signet_store_person_name (self), now, now, comment, error);
}

gboolean
signet_store_import_annotation (SignetStore                *self,
                                gint64                      version_id,
                                SignetAnnotationKind        kind,
                                guint                       page,
                                const SignetAnnotationRect *rects,
                                guint                       n_rects,
                                const char                 *color,
                                const char                 *author,
                                const char                 *created_at,
                                const char                 *modified_at,
                                const char                 *comment,
                                GError                    **error)
{
  g_autoptr(SignetAnnotation) annotation = NULL;
  g_autofree char *created = NULL;
  g_autofree char *modified = NULL;

  g_return_val_if_fail (author != NULL && created_at != NULL && modified_at != NULL, FALSE);

  if (!(created = _signet_store_clean_timestamp (created_at, error)) ||
      !(modified = _signet_store_clean_timestamp (modified_at, error)))
    return FALSE;

  annotation = insert_annotation (self, SIGNET_AUDIT_ACTION_IMPORT_ANNOTATION, version_id, kind, page, rects, n_rects,
                                  color, author, created, modified, comment, error);

  return annotation != NULL;
}

SignetAnnotation *
signet_store_update_annotation (SignetStore  *self,
                                gint64        annotation_id,
                                const char   *color,
                                const char   *comment,
                                GError      **error)
{
  g_auto(SignetWriteScope) scope = { 0 };
  g_auto(Context) context = { 0 };
  g_autoptr(SignetAnnotation) old = NULL;
  g_autoptr(SignetAnnotation) annotation = NULL;
  g_autofree char *clean_colour = NULL;
  g_autofree char *now = NULL;
  SignetDbStmt *stmt;

  g_return_val_if_fail (SIGNET_IS_STORE (self), NULL);

  if (color != NULL && !(clean_colour = clean_color (color, error)))
    return NULL;

  now = _signet_store_timestamp_now ();

  if (!_signet_write_scope_begin (&scope, self, error))
    return NULL;

  if (!(old = lookup_annotation (self, annotation_id, &context, error)))
    return NULL;

  if (clean_colour == NULL)
    clean_colour = g_strdup (signet_annotation_get_color (old));
  if (comment == NULL)
    comment = signet_annotation_get_comment (old);

  /* Nothing to write (the scope rolls back). */
  if (g_str_equal (clean_colour, signet_annotation_get_color (old)) &&
      g_str_equal (comment, signet_annotation_get_comment (old)))
    return g_steal_pointer (&old);

  stmt = _signet_store_statement (self,
                                  "UPDATE annotations SET color = ?, comment = ?, modified_at = ? WHERE id = ?",
                                  error);
  if (stmt == NULL)
    return NULL;

  signet_db_bind_static_text (stmt, 1, clean_colour);
  signet_db_bind_static_text (stmt, 2, comment);
  signet_db_bind_static_text (stmt, 3, now);
  signet_db_bind_int64 (stmt, 4, annotation_id);
  if (!_signet_store_step_done (self, stmt, error) ||
      !(annotation = lookup_annotation (self, annotation_id, NULL, error)))
    return NULL;

  {
    const SignetAttachmentChange changes[] = {
      { "file", context.file_name, context.file_name },
      { "color", signet_annotation_get_color (old), clean_colour },
      { "comment", signet_annotation_get_comment (old), comment },
    };

    if (!_signet_write_scope_audit_files (&scope, SIGNET_AUDIT_ACTION_EDIT_ANNOTATION, context.contract_id,
                                          changes, G_N_ELEMENTS (changes), error) ||
        !_signet_write_scope_commit (&scope, error))
      return NULL;
  }

  return g_steal_pointer (&annotation);
}

SignetTombstone *
_signet_store_delete_annotation (SignetStore  *self,
                                 gint64        annotation_id,
                                 GError      **error)
{
  g_auto(SignetWriteScope) scope = { 0 };
  g_auto(Context) context = { 0 };
  g_autoptr(SignetAnnotation) old = NULL;
  g_autoptr(SignetTombstone) tombstone = NULL;
  g_autofree char *page_number = NULL;
  SignetDbStmt *stmt;

  if (!_signet_write_scope_begin (&scope, self, error))
    return NULL;

  if (!(old = lookup_annotation (self, annotation_id, &context, error)))
    return NULL;

  tombstone = _signet_tombstone_new (SIGNET_TOMBSTONE_ANNOTATION, annotation_id, context.contract_id,
                                     context.file_name);
  if (!_signet_store_keep_rows (self, tombstone, "annotations", "id = ?1", annotation_id, error))
    return NULL;

  stmt = _signet_store_statement (self, "DELETE FROM annotations WHERE id = ?", error);
  if (stmt == NULL)
    return NULL;

  signet_db_bind_int64 (stmt, 1, annotation_id);
  if (!_signet_store_step_done (self, stmt, error))
    return NULL;

  page_number = page_text (signet_annotation_get_page (old));

  {
    const SignetAttachmentChange changes[] = {
      { "file", context.file_name, context.file_name },
      { "annotation", signet_annotation_kind_to_token (signet_annotation_get_kind (old)), NULL },
      { "page", page_number, NULL },
      { "color", signet_annotation_get_color (old), NULL },
      { "comment", signet_annotation_get_comment (old), NULL },
    };

    if (!_signet_write_scope_audit_files (&scope, SIGNET_AUDIT_ACTION_DELETE_ANNOTATION, context.contract_id,
                                          changes, G_N_ELEMENTS (changes), error) ||
        !_signet_write_scope_commit (&scope, error))
      return NULL;
  }

  return g_steal_pointer (&tombstone);
}

gboolean
signet_store_delete_annotation (SignetStore  *self,
                                gint64        annotation_id,
                                GError      **error)
{
  g_autoptr(SignetTombstone) tombstone = NULL;

  g_return_val_if_fail (SIGNET_IS_STORE (self), FALSE);

  tombstone = _signet_store_delete_annotation (self, annotation_id, error);

  return tombstone != NULL;
}

gboolean
_signet_store_restore_annotation (SignetWriteScope  *scope,
                                  SignetTombstone   *tombstone,
                                  GError           **error)
{
  SignetStore *self = scope->store;
  gint64 annotation_id = signet_tombstone_get_id (tombstone);
  SignetDbValue *version_id = _signet_tombstone_get_value (tombstone, "annotations", "version_id");
  g_auto(Context) context = { 0 };
  g_autoptr(SignetAnnotation) annotation = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *page_number = NULL;

  /* The version it was on is gone with its attachment, or its contract. */
  if (version_id == NULL ||
      !lookup_version_context (self, signet_db_value_int64 (version_id), &context, &local_error) ||
      context.contract_id != signet_tombstone_get_contract_id (tombstone))
    {
      if (local_error != NULL && !g_error_matches (local_error, SIGNET_STORE_ERROR, SIGNET_STORE_ERROR_NOT_FOUND))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }

      g_set_error (error, SIGNET_STORE_ERROR, SIGNET_STORE_ERROR_NOT_FOUND,
                   _("The annotation cannot be restored: “%s” has been deleted."),
                   signet_tombstone_get_label (tombstone));
      return FALSE;
    }

  if ((annotation = lookup_annotation (self, annotation_id, NULL, NULL)) != NULL)
    {
      g_set_error_literal (error, SIGNET_STORE_ERROR, SIGNET_STORE_ERROR_CONFLICT,
                           _("The annotation is in the register already."));
      return FALSE;
    }

  if (!_signet_store_insert_kept_rows (self, tombstone, error) ||
      !(annotation = lookup_annotation (self, annotation_id, NULL, error)))
    return FALSE;

  page_number = page_text (signet_annotation_get_page (annotation));

  {
    const SignetAttachmentChange changes[] = {
      { "file", context.file_name, context.file_name },
      { "annotation", NULL, signet_annotation_kind_to_token (signet_annotation_get_kind (annotation)) },
      { "page", NULL, page_number },
      { "color", NULL, signet_annotation_get_color (annotation) },
      { "comment", NULL, signet_annotation_get_comment (annotation) },
    };

    return _signet_write_scope_audit_files (scope, SIGNET_AUDIT_ACTION_RESTORE_ANNOTATION, context.contract_id,
                                            changes, G_N_ELEMENTS (changes), error);
  }
}

SignetAnnotation *
signet_store_get_annotation (SignetStore  *self,
                             gint64        annotation_id,
                             GError      **error)
{
  g_return_val_if_fail (SIGNET_IS_STORE (self), NULL);

  return lookup_annotation (self, annotation_id, NULL, error);
}

GPtrArray *
signet_store_list_annotations (SignetStore  *self,
                               gint64        version_id,
                               GError      **error)
{
  g_autoptr(GPtrArray) annotations = g_ptr_array_new_with_free_func (g_object_unref);
  SignetDbStmt *stmt;
  int rc;

  g_return_val_if_fail (SIGNET_IS_STORE (self), NULL);

  stmt = _signet_store_statement (self, SELECT_ANNOTATION "WHERE n.version_id = ? ORDER BY n.page, n.id",
                                  error);
  if (stmt == NULL)
    return NULL;

  signet_db_bind_int64 (stmt, 1, version_id);
  while ((rc = signet_db_step (stmt)) == SIGNET_DB_ROW)
    {
      SignetAnnotation *annotation = read_annotation_row (stmt, NULL);

      if (annotation != NULL)
        g_ptr_array_add (annotations, annotation);
    }
  signet_db_reset (stmt);

  if (rc != SIGNET_DB_DONE)
    {
      _signet_store_set_error (self, rc, error);
      return NULL;
    }

  return g_steal_pointer (&annotations);
}
