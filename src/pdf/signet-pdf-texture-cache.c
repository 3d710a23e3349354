/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "signet-pdf-texture-cache"

#include "config.h"

#include <math.h>

#include "signet-pdf-texture-cache.h"

typedef struct
{
  guint       page;
  int         rotation;
  double      scale;
  GdkTexture *texture;
  guint64     bytes;
  GList      *link;  /* in SignetPdfTextureCache.lru */
} Entry;

struct _SignetPdfTextureCache
{
  GObject     parent_instance;

  GHashTable *entries;  /* Entry* (its key fields) -> Entry* */
  GQueue      lru;      /* Entry*, most recently used first */
  guint64     budget;
  guint64     size;
  guint64     peak_size;
};

G_DEFINE_FINAL_TYPE (SignetPdfTextureCache, signet_pdf_texture_cache, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_BUDGET,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static guint
entry_hash (gconstpointer data)
{
  const Entry *entry = data;

  return (entry->page * 31u + (guint) entry->rotation) * 31u + g_double_hash (&entry->scale);
}

static gboolean
entry_equal (gconstpointer a,
             gconstpointer b)
{
  const Entry *x = a;
  const Entry *y = b;

  return x->page == y->page && x->rotation == y->rotation && x->scale == y->scale;
}

static void
entry_free (Entry *entry)
{
  g_clear_object (&entry->texture);
  g_free (entry);
}

static void
remove_entry (SignetPdfTextureCache *self,
              Entry                 *entry)
{
  g_queue_delete_link (&self->lru, entry->link);
  self->size -= entry->bytes;
  g_hash_table_remove (self->entries, entry);
}

static void
evict_to (SignetPdfTextureCache *self,
          guint64                limit)
{
  while (self->size > limit && self->lru.tail != NULL)
    remove_entry (self, self->lru.tail->data);
}

static void
signet_pdf_texture_cache_finalize (GObject *object)
{
  SignetPdfTextureCache *self = (SignetPdfTextureCache *) object;

  g_queue_clear (&self->lru);
  g_clear_pointer (&self->entries, g_hash_table_unref);

  G_OBJECT_CLASS (signet_pdf_texture_cache_parent_class)->finalize (object);
}

static void
signet_pdf_texture_cache_get_property (GObject    *object,
                                       guint       prop_id,
                                       GValue     *value,
                                       GParamSpec *pspec)
{
  SignetPdfTextureCache *self = SIGNET_PDF_TEXTURE_CACHE (object);

  switch (prop_id)
    {
    case PROP_BUDGET:
      g_value_set_uint64 (value, self->budget);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
signet_pdf_texture_cache_set_property (GObject      *object,
                                       guint         prop_id,
                                       const GValue *value,
                                       GParamSpec   *pspec)
{
  SignetPdfTextureCache *self = SIGNET_PDF_TEXTURE_CACHE (object);

  switch (prop_id)
    {
    case PROP_BUDGET:
      signet_pdf_texture_cache_set_budget (self, g_value_get_uint64 (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
signet_pdf_texture_cache_class_init (SignetPdfTextureCacheClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = signet_pdf_texture_cache_finalize;
  object_class->get_property = signet_pdf_texture_cache_get_property;
  object_class->set_property = signet_pdf_texture_cache_set_property;

  properties[PROP_BUDGET] =
    g_param_spec_uint64 ("budget", NULL, NULL,
                         0, G_MAXUINT64, 0,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
signet_pdf_texture_cache_init (SignetPdfTextureCache *self)
{
  self->entries = g_hash_table_new_full (entry_hash, entry_equal, NULL, (GDestroyNotify) entry_free);
  g_queue_init (&self->lru);
}

SignetPdfTextureCache *
signet_pdf_texture_cache_new (guint64 budget)
{
  return g_object_new (SIGNET_TYPE_PDF_TEXTURE_CACHE,
                       "budget", budget,
                       NULL);
}

guint64
signet_pdf_texture_cache_get_budget (SignetPdfTextureCache *self)
{
  g_return_val_if_fail (SIGNET_IS_PDF_TEXTURE_CACHE (self), 0);

  return self->budget;
}

void
signet_pdf_texture_cache_set_budget (SignetPdfTextureCache *self,
                                     guint64                budget)
{
  g_return_if_fail (SIGNET_IS_PDF_TEXTURE_CACHE (self));

  if (self->budget == budget)
    return;

  self->budget = budget;
  evict_to (self, budget);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUDGET]);
}

guint64
signet_pdf_texture_cache_get_size (SignetPdfTextureCache *self)
{
  g_return_val_if_fail (SIGNET_IS_PDF_TEXTURE_CACHE (self), 0);

  return self->size;
}

guint64
signet_pdf_texture_cache_get_peak_size (SignetPdfTextureCache *self)
{
  g_return_val_if_fail (SIGNET_IS_PDF_TEXTURE_CACHE (self), 0);

  return self->peak_size;
}

guint
signet_pdf_texture_cache_get_n_textures (SignetPdfTextureCache *self)
{
  g_return_val_if_fail (SIGNET_IS_PDF_TEXTURE_CACHE (self), 0);

  return self->lru.length;
}

void
signet_pdf_texture_cache_insert (SignetPdfTextureCache *self,
                                 guint                  page,
                                 double                 scale,
                                 int                    rotation,
                                 GdkTexture            *texture)
{
  Entry key = { .page = page, .rotation = rotation, .scale = scale };
  Entry *entry;
  guint64 bytes;

  g_return_if_fail (SIGNET_IS_PDF_TEXTURE_CACHE (self));
  g_return_if_fail (GDK_IS_TEXTURE (texture));

  entry = g_hash_table_lookup (self->entries, &key);
  if (entry != NULL)
    remove_entry (self, entry);

  bytes = (guint64) gdk_texture_get_width (texture) * (guint64) gdk_texture_get_height (texture) * 4;
  if (bytes > self->budget)
    return;

  /* Make room first, so the cache never holds more than the budget, not
   * even for a moment. */
  evict_to (self, self->budget - bytes);

  entry = g_new0 (Entry, 1);
  *entry = key;
  entry->texture = g_object_ref (texture);
  entry->bytes = bytes;
  g_queue_push_head (&self->lru, entry);
  entry->link = self->lru.head;
  g_hash_table_add (self->entries, entry);

  self->size += bytes;
  self->peak_size = MAX (self->peak_size, self->size);
}

GdkTexture *
signet_pdf_texture_cache_lookup (SignetPdfTextureCache *self,
                                 guint                  page,
                                 double                 scale,
                                 int                    rotation)
{
  Entry key = { .page = page, .rotation = rotation, .scale = scale };
  Entry *entry;

  g_return_val_if_fail (SIGNET_IS_PDF_TEXTURE_CACHE (self), NULL);

  entry = g_hash_table_lookup (self->entries, &key);
  if (entry == NULL)
    return NULL;

  g_queue_unlink (&self->lru, entry->link);
  g_queue_push_head_link (&self->lru, entry->link);

  return g_object_ref (entry->texture);
}

GdkTexture *
signet_pdf_texture_cache_lookup_nearest (SignetPdfTextureCache *self,
                                         guint                  page,
                                         double                 scale,
                                         int                    rotation,
                                         double                *found_scale)
{
  Entry *best = NULL;
  double best_distance = INFINITY;

  g_return_val_if_fail (SIGNET_IS_PDF_TEXTURE_CACHE (self), NULL);
  g_return_val_if_fail (scale > 0, NULL);

  for (GList *l = self->lru.head; l != NULL; l = l->next)
    {
      Entry *entry = l->data;
      double distance;

      if (entry->page != page || entry->rotation != rotation)
        continue;

      /* Twice as large is as far off as half as large. */
      distance = fabs (log (entry->scale / scale));
      if (distance < best_distance)
        {
          best = entry;
          best_distance = distance;
        }
    }

  if (best == NULL)
    return NULL;

  if (found_scale != NULL)
    *found_scale = best->scale;

  return g_object_ref (best->texture);
}

void
signet_pdf_texture_cache_clear (SignetPdfTextureCache *self)
{
  g_return_if_fail (SIGNET_IS_PDF_TEXTURE_CACHE (self));

  evict_to (self, 0);
}
