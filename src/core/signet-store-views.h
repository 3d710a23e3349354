/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "signet-store.h"

G_BEGIN_DECLS

/* Saved views (保存的视图, migration 21): a named set of the list's
 * filters, its search and its order, listed in the window's sidebar in
 * the order of their position, kept in the register so that they travel
 * with the XML. Each write is one transaction with an audit entry on the
 * view (SIGNET_RECORD_SAVED_VIEW), announced as "changed::saved-views"
 * (SIGNET_STORE_CHANGED_SAVED_VIEWS). A view is deleted, and brought back
 * by Undo, through signet_store_delete() and signet_store_restore()
 * (SIGNET_TOMBSTONE_SAVED_VIEW, named by its name). */

typedef struct
{
  gint64         id;          /* 0: not stored yet */
  char          *uuid;        /* nullable on add: the store gives one */
  char          *name;        /* unique in the register, spaces aside */
  guint          position;    /* the sidebar's order, from 0; set by the store */
  char          *query;       /* signet_contract_query_to_string(); "" = every contract */
  char          *search;      /* nullable: none */
  SignetSortKey  sort_key;
  gboolean       descending;
  gint64         version;
} SignetSavedView;

#define SIGNET_TYPE_SAVED_VIEW (signet_saved_view_get_type ())

GType            signet_saved_view_get_type (void) G_GNUC_CONST;
SignetSavedView *signet_saved_view_new      (void);
SignetSavedView *signet_saved_view_copy     (const SignetSavedView *view);
void             signet_saved_view_free     (SignetSavedView       *view);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SignetSavedView, signet_saved_view_free)

/* "number", "title", "client", "status", "end-date", "value": stored and
 * written to XML, never translated. */
const char      *signet_sort_key_to_token   (SignetSortKey  key);
gboolean         signet_sort_key_from_token (const char    *token,
                                             SignetSortKey *key);

/* The views by position, SignetSavedView each. */
GPtrArray       *signet_store_list_saved_views (SignetStore            *self,
                                                GError                **error);
/* NULL with no error when there is no such view. */
SignetSavedView *signet_store_get_saved_view   (SignetStore            *self,
                                                gint64                  id,
                                                GError                **error);
/* Adds @view last; its id, or 0 with @error: a name that is empty or
 * another view's (SIGNET_FIELD_VIEW_NAME), a query that does not read. */
gint64           signet_store_add_saved_view   (SignetStore            *self,
                                                const SignetSavedView  *view,
                                                GError                **error);
gboolean         signet_store_rename_saved_view (SignetStore           *self,
                                                 gint64                 id,
                                                 const char            *name,
                                                 GError               **error);
/* Replaces the query, search and order of the view @view->id with
 * @view's (its name and position stay). */
gboolean         signet_store_update_saved_view (SignetStore           *self,
                                                 const SignetSavedView *view,
                                                 GError               **error);
/* Moves the view @id to @position (clamped to the last), the others
 * keeping their order around it. */
gboolean         signet_store_move_saved_view   (SignetStore           *self,
                                                 gint64                 id,
                                                 guint                  position,
                                                 GError               **error);

G_END_DECLS
