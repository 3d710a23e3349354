/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "signet-store.h"

G_BEGIN_DECLS

#define SIGNET_TYPE_PRINT_DOCUMENT (signet_print_document_get_type ())

G_DECLARE_FINAL_TYPE (SignetPrintDocument, signet_print_document, SIGNET, PRINT_DOCUMENT, GObject)

/* What Signet prints: a title, then headings, paragraphs, labelled fields
 * and tables, laid out on pages by GtkPrintOperation with Pango. Every page
 * has a header (the register's name and the date) and a footer (the
 * document's title and "Page N of M"); a table that runs over a page
 * break repeats its header row. The same pages go to a printer or, as
 * "Export as PDF", to a file. */
SignetPrintDocument *signet_print_document_new            (const char          *title,
                                                           const char          *register_name,
                                                           const char          *date);
/* A document whose header names @store's register and shows the store's
 * day in the locale's date format. */
SignetPrintDocument *signet_print_document_new_for_store  (SignetStore         *store,
                                                           const char          *title);
const char          *signet_print_document_get_title      (SignetPrintDocument *self);
/* A line under the title, smaller. */
void                 signet_print_document_set_subtitle   (SignetPrintDocument *self,
                                                           const char          *subtitle);
void                 signet_print_document_add_heading    (SignetPrintDocument *self,
                                                           const char          *text);
void                 signet_print_document_add_paragraph  (SignetPrintDocument *self,
                                                           const char          *text);
/* A label and its value side by side; consecutive fields line up. A NULL
 * or empty @value prints as "—". */
void                 signet_print_document_add_field      (SignetPrintDocument *self,
                                                           const char          *label,
                                                           const char          *value);
/* Starts a table; its columns follow, then its rows. @weight is the
 * column's share of the width; @align_end puts figures at the right. */
void                 signet_print_document_begin_table    (SignetPrintDocument *self);
void                 signet_print_document_add_column     (SignetPrintDocument *self,
                                                           const char          *title,
                                                           double               weight,
                                                           gboolean             align_end);
/* One cell per column of the table begun last; NULL cells are empty. */
void                 signet_print_document_add_row        (SignetPrintDocument *self,
                                                           const char * const  *cells);

/* The operation that prints the document, set up with its pages and a
 * default page setup (the locale's paper, 15 mm margins). */
GtkPrintOperation   *signet_print_document_create_operation (SignetPrintDocument *self);
/* Writes the pages to @filename as PDF, without any dialog. */
gboolean             signet_print_document_export_pdf     (SignetPrintDocument *self,
                                                           const char          *filename,
                                                           GError             **error);
/* The number of pages of the last run of an operation of the document
 * (0 before one ran). */
guint                signet_print_document_get_n_pages    (SignetPrintDocument *self);

/* The name the header gives @store's register: "Contract Register" for
 * the usual one, else its file's name. */
char                *signet_print_dup_register_name       (SignetStore         *store);

G_END_DECLS
