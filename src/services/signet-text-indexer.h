/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "signet-store.h"

G_BEGIN_DECLS

#define SIGNET_TYPE_TEXT_INDEXER (signet_text_indexer_get_type ())

G_DECLARE_FINAL_TYPE (SignetTextIndexer, signet_text_indexer, SIGNET, TEXT_INDEXER, GObject)

/* Extracts the text of the PDF attachments that have none yet, so that the
 * contract search finds words inside them. It starts on its own once the
 * main loop runs, looks again whenever the store's contracts change or the
 * store is reset, and works through the files one at a time: a single
 * document is open at any moment, whatever the number waiting. A file that
 * cannot be read (damaged, protected by a password) is recorded as failed
 * and not tried again.
 *
 * Properties for a progress bar: "busy" while files are waiting or being
 * read; "n-done" of "n-total" files of the current run, and "fraction",
 * which also counts the pages of the file in hand. A run's counts stay
 * until the next run starts.
 *
 * "idle" () is emitted each time the indexer has looked at the store and
 * finds nothing left to do.
 *
 * The store is used from the thread that made the indexer, the one whose
 * main context runs it; poppler works on threads of its own. */
SignetTextIndexer *signet_text_indexer_new          (SignetStore       *store);
gboolean           signet_text_indexer_get_busy     (SignetTextIndexer *self);
guint              signet_text_indexer_get_n_done   (SignetTextIndexer *self);
guint              signet_text_indexer_get_n_total  (SignetTextIndexer *self);
double             signet_text_indexer_get_fraction (SignetTextIndexer *self);
/* Cancels the file in hand without waiting for it and stops for good:
 * nothing of that file is stored, so the next indexer on the store reads
 * it again from the start. "busy" becomes FALSE. Disposing the indexer
 * does the same. */
void               signet_text_indexer_stop         (SignetTextIndexer *self);

G_END_DECLS
