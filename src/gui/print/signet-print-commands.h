/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "signet-print-document.h"

G_BEGIN_DECLS

/* What the window's Print… and Export as PDF… do with a document. */

/* Shows the print dialog over @parent's window and prints @document as
 * the user asks; the settings chosen are offered again next time. A
 * failure is told in an alert. */
void signet_print_show_dialog   (SignetPrintDocument *document,
                                 GtkWidget           *parent);
/* Asks where to save @document as PDF, offering @file_name, and writes it
 * there whole or not at all (never over a file of @store's register); a
 * toast says where, an alert why not. */
void signet_print_ask_export_pdf (SignetPrintDocument *document,
                                  SignetStore         *store,
                                  GtkWidget           *parent,
                                  const char          *file_name);

G_END_DECLS
