/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Pixel buffers for rendered pages, handed back when their texture dies
 * and reused for the next page of the same size. A fresh buffer of a few
 * megabytes costs a page fault per 4 kB the first time it is written, which
 * on a rendering thread (whose malloc arena gives memory back eagerly)
 * added a third to the time of rendering a page at 2x. While scrolling, the
 * cache evicts about one page for each page rendered, so a couple of spare
 * buffers suffice. Thread-safe. */

typedef struct _SignetPdfBufferPool SignetPdfBufferPool;

SignetPdfBufferPool *signet_pdf_buffer_pool_new   (guint                max_spare);
SignetPdfBufferPool *signet_pdf_buffer_pool_ref   (SignetPdfBufferPool *self);
void                 signet_pdf_buffer_pool_unref (SignetPdfBufferPool *self);
/* Uninitialised memory of @size bytes, or NULL when there is none. */
guchar              *signet_pdf_buffer_pool_take  (SignetPdfBufferPool *self,
                                                   gsize                size);
/* Wraps a buffer from take() in GBytes that return it to the pool when the
 * last reference goes, from whatever thread that is. */
GBytes              *signet_pdf_buffer_pool_wrap  (SignetPdfBufferPool *self,
                                                   guchar              *data,
                                                   gsize                size);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SignetPdfBufferPool, signet_pdf_buffer_pool_unref)

G_END_DECLS
