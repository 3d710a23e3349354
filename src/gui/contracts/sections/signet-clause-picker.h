/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "signet-store.h"
#include "signet-store-obligations.h"

G_BEGIN_DECLS

#define SIGNET_TYPE_CLAUSE_PICKER (signet_clause_picker_get_type ())

G_DECLARE_FINAL_TYPE (SignetClausePicker, signet_clause_picker, SIGNET, CLAUSE_PICKER, AdwComboRow)

/* The Clause of an obligation or a risk: "No Clause" or one annotation of
 * the contract's PDF files, each shown as "p. 3 · what the note says",
 * searchable. A record pointing at an annotation deleted since keeps it,
 * shown as "Clause deleted", until another is chosen. */
GtkWidget *signet_clause_picker_new               (void);
/* Lists the annotations of @contract_id's files; "No Clause" chosen. */
void       signet_clause_picker_set_contract      (SignetClausePicker *self,
                                                   SignetStore        *store,
                                                   gint64              contract_id);
/* Chooses the annotation @annotation_id; 0: none. */
void       signet_clause_picker_set_annotation_id (SignetClausePicker *self,
                                                   gint64              annotation_id);
/* The chosen annotation's id; 0: none. */
gint64     signet_clause_picker_get_annotation_id (SignetClausePicker *self);

/* How a clause reads in the picker and beside its record: "p. 3 · Clause
 * 7.2: monthly report" (its note, shortened), else "p. 3 · “The supplier
 * reports monthly”" (@quote, the text a highlight covers, nullable), else
 * "p. 3 · Highlight in agreement.pdf". Translated. */
char      *signet_clause_describe                 (const SignetClause *clause,
                                                   const char         *quote);

/* Called once for each clause of signet_clause_read_quotes() whose text
 * was read, with the text its mark covers. */
typedef void (*SignetClauseQuoteFunc) (gint64      annotation_id,
                                       const char *quote,
                                       gpointer    user_data);

/* Reads in the background, from their files, the text that each of
 * @clauses (SignetClause) marks, for those that mark text and have no
 * note; @func is not called once @cancellable is cancelled, which the
 * caller does before @user_data goes. */
void       signet_clause_read_quotes              (SignetStore        *store,
                                                   GPtrArray          *clauses,
                                                   GCancellable       *cancellable,
                                                   SignetClauseQuoteFunc func,
                                                   gpointer            user_data);

G_END_DECLS
