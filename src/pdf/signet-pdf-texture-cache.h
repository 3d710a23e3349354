/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gdk/gdk.h>

G_BEGIN_DECLS

/* Rendered pages, least recently used first out, never holding more than
 * its budget in pixel bytes (4 bytes per pixel). A texture larger than the
 * whole budget is not kept at all. Scales are compared exactly, so a viewer
 * should use the same double for the same zoom level. */

#define SIGNET_TYPE_PDF_TEXTURE_CACHE (signet_pdf_texture_cache_get_type ())

G_DECLARE_FINAL_TYPE (SignetPdfTextureCache, signet_pdf_texture_cache, SIGNET, PDF_TEXTURE_CACHE, GObject)

SignetPdfTextureCache *signet_pdf_texture_cache_new            (guint64                budget);
guint64                signet_pdf_texture_cache_get_budget     (SignetPdfTextureCache *self);
/* Evicts until the cache fits the new budget. */
void                   signet_pdf_texture_cache_set_budget     (SignetPdfTextureCache *self,
                                                                guint64                budget);
guint64                signet_pdf_texture_cache_get_size       (SignetPdfTextureCache *self);
/* The largest size the cache has had since it was made. */
guint64                signet_pdf_texture_cache_get_peak_size  (SignetPdfTextureCache *self);
guint                  signet_pdf_texture_cache_get_n_textures (SignetPdfTextureCache *self);

void                   signet_pdf_texture_cache_insert         (SignetPdfTextureCache *self,
                                                                guint                  page,
                                                                double                 scale,
                                                                int                    rotation,
                                                                GdkTexture            *texture);
/* Returns a new reference, or NULL; a hit counts as a use. */
GdkTexture            *signet_pdf_texture_cache_lookup         (SignetPdfTextureCache *self,
                                                                guint                  page,
                                                                double                 scale,
                                                                int                    rotation);
/* The cached texture of @page at @rotation whose scale is closest to
 * @scale, for showing a scaled stand-in while the exact one renders after a
 * zoom. Sets @found_scale. Does not count as a use. */
GdkTexture            *signet_pdf_texture_cache_lookup_nearest (SignetPdfTextureCache *self,
                                                                guint                  page,
                                                                double                 scale,
                                                                int                    rotation,
                                                                double                *found_scale);
void                   signet_pdf_texture_cache_clear          (SignetPdfTextureCache *self);

G_END_DECLS
