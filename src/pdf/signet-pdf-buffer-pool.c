/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "signet-pdf-buffer-pool"

#include "config.h"

#include "signet-pdf-buffer-pool.h"

typedef struct
{
  SignetPdfBufferPool *pool;
  guchar              *data;
  gsize                size;
} Buffer;

struct _SignetPdfBufferPool
{
  gatomicrefcount ref_count;
  guint           max_spare;

  GMutex          mutex;
  GQueue          spare;  /* Buffer*, pool unset */
};

static void
buffer_free (Buffer *buffer)
{
  g_free (buffer->data);
  g_free (buffer);
}

static void
buffer_returned_cb (gpointer data)
{
  Buffer *buffer = data;
  SignetPdfBufferPool *self = g_steal_pointer (&buffer->pool);

  g_mutex_lock (&self->mutex);
  if (self->spare.length < self->max_spare)
    {
      g_queue_push_head (&self->spare, buffer);
      buffer = NULL;
    }
  g_mutex_unlock (&self->mutex);

  g_clear_pointer (&buffer, buffer_free);
  signet_pdf_buffer_pool_unref (self);
}

SignetPdfBufferPool *
signet_pdf_buffer_pool_new (guint max_spare)
{
  SignetPdfBufferPool *self = g_new0 (SignetPdfBufferPool, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->max_spare = max_spare;
  g_mutex_init (&self->mutex);
  g_queue_init (&self->spare);

  return self;
}

SignetPdfBufferPool *
signet_pdf_buffer_pool_ref (SignetPdfBufferPool *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);

  return self;
}

void
signet_pdf_buffer_pool_unref (SignetPdfBufferPool *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  g_queue_clear_full (&self->spare, (GDestroyNotify) buffer_free);
  g_mutex_clear (&self->mutex);
  g_free (self);
}

guchar *
signet_pdf_buffer_pool_take (SignetPdfBufferPool *self,
                             gsize                size)
{
  GQueue stale = G_QUEUE_INIT;
  guchar *data = NULL;
  GList *link;

  g_return_val_if_fail (self != NULL, NULL);

  g_mutex_lock (&self->mutex);
  link = self->spare.head;
  while (link != NULL)
    {
      GList *next = link->next;
      Buffer *buffer = link->data;

      if (buffer->size != size)
        {
          /* Another size means the zoom changed; it will not come back soon. */
          g_queue_unlink (&self->spare, link);
          g_queue_push_tail_link (&stale, link);
        }
      else if (data == NULL)
        {
          data = g_steal_pointer (&buffer->data);
          g_queue_delete_link (&self->spare, link);
          g_free (buffer);
        }

      link = next;
    }
  g_mutex_unlock (&self->mutex);

  g_queue_clear_full (&stale, (GDestroyNotify) buffer_free);

  return data != NULL ? data : g_try_malloc (size);
}

GBytes *
signet_pdf_buffer_pool_wrap (SignetPdfBufferPool *self,
                             guchar              *data,
                             gsize                size)
{
  Buffer *buffer;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (data != NULL, NULL);

  buffer = g_new0 (Buffer, 1);
  buffer->pool = signet_pdf_buffer_pool_ref (self);
  buffer->data = data;
  buffer->size = size;

  return g_bytes_new_with_free_func (data, size, buffer_returned_cb, buffer);
}
