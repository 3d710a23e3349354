/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "signet-annotation.h"
#include "signet-obligation.h"
#include "signet-store.h"

G_BEGIN_DECLS

/* Obligations (migration 17). Each write is one transaction with an audit
 * entry on the contract, announced as "changed::obligations" for it; the
 * contract's events follow the occurrences. */

/* The contract's obligations by first due date (then as added), each
 * with its done and waived occurrences. */
GPtrArray        *signet_store_list_obligations    (SignetStore            *self,
                                                    gint64                  contract_id,
                                                    GError                **error);
SignetObligation *signet_store_get_obligation      (SignetStore            *self,
                                                    gint64                  id,
                                                    GError                **error);
/* Adds @obligation to its contract and sets its id, UUID and version. A
 * field error names what is wrong. */
gboolean          signet_store_add_obligation      (SignetStore            *self,
                                                    SignetObligation       *obligation,
                                                    GError                **error);
/* Fails with SIGNET_STORE_ERROR_CONFLICT when the stored version is no
 * longer @obligation's; on success its version is the new one. */
gboolean          signet_store_update_obligation   (SignetStore            *self,
                                                    SignetObligation       *obligation,
                                                    GError                **error);
/* As signet_store_delete (self, SIGNET_TOMBSTONE_OBLIGATION, id, error),
 * which returns what Undo puts back: the obligation with its recorded
 * occurrences. */
gboolean          signet_store_delete_obligation   (SignetStore            *self,
                                                    gint64                  id,
                                                    GError                **error);

/* Records the occurrence of @obligation_id due on @due_date as done on
 * @done_date (NULL: the store's today); done after @due_date, it counts
 * as done late. */
gboolean          signet_store_mark_occurrence_done (SignetStore           *self,
                                                     gint64                 obligation_id,
                                                     const char            *due_date,
                                                     const char            *done_date,
                                                     GError               **error);
/* Records it as waived, @note saying why (nullable). */
gboolean          signet_store_waive_occurrence    (SignetStore            *self,
                                                    gint64                  obligation_id,
                                                    const char             *due_date,
                                                    const char             *note,
                                                    GError                **error);
/* Makes a done or waived occurrence open again. */
gboolean          signet_store_reopen_occurrence   (SignetStore            *self,
                                                    gint64                  obligation_id,
                                                    const char             *due_date,
                                                    GError                **error);
/* For the reports: occurrences of existing contracts done after their
 * due date, of the contract @contract_id (0: of all). */
guint             signet_store_count_obligations_done_late (SignetStore   *self,
                                                            gint64         contract_id,
                                                            GError       **error);

/* Clauses: an obligation or a risk points at a PDF annotation of its
 * contract's files (obligations.annotation_id, risks.annotation_id). */
typedef struct
{
  gint64                annotation_id;
  gint64                attachment_id;
  gint64                version_id;
  char                 *file_name;     /* of the version annotated */
  guint                 page;          /* from 0 */
  SignetAnnotationKind  kind;
  char                 *comment;       /* "" when none */
  GArray               *rects;         /* of SignetAnnotationRect: what it marks */
} SignetClause;

void              signet_clause_free               (SignetClause           *clause);

/* The annotations of the contract's files that a record may point at,
 * by file, newest version first, then page and as they were made; of
 * SignetClause. */
GPtrArray        *signet_store_list_clauses        (SignetStore            *self,
                                                    gint64                  contract_id,
                                                    GError                **error);
/* The annotation @annotation_id as a clause; NULL without an error when
 * it was deleted (the record keeps pointing at it: an Undo of the
 * deletion brings the link back). */
SignetClause     *signet_store_get_clause          (SignetStore            *self,
                                                    gint64                  annotation_id,
                                                    GError                **error);

typedef enum
{
  SIGNET_CLAUSE_LINK_OBLIGATION,
  SIGNET_CLAUSE_LINK_RISK,
} SignetClauseLinkKind;

/* One record that points at a clause. */
typedef struct
{
  SignetClauseLinkKind  kind;
  gint64                id;            /* obligations.id or risks.id */
  gint64                contract_id;
  char                 *title;         /* the obligation's title, the risk's description */
} SignetClauseLink;

void              signet_clause_link_free          (SignetClauseLink       *link);

/* The obligations, then the risks, of existing contracts that point at
 * the annotation @annotation_id, each as they were added; of
 * SignetClauseLink. */
GPtrArray        *signet_store_list_clause_links   (SignetStore            *self,
                                                    gint64                  annotation_id,
                                                    GError                **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SignetClause, signet_clause_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SignetClauseLink, signet_clause_link_free)

G_END_DECLS
