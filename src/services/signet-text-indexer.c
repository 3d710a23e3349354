/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "signet-text-indexer"

#include "config.h"

#include <glib/gi18n.h>

#include "signet-pdf-document.h"
#include "signet-store-attachments.h"
#include "signet-text-indexer.h"

struct _SignetTextIndexer
{
  GObject       parent_instance;

  SignetStore  *store;
  /* Cancelled by stop and dispose, and by nothing else. The callbacks from
   * poppler's threads check it before they look at the indexer, which may
   * be gone by the time they run. */
  GCancellable *cancellable;
  guint         work_source;
  gboolean      needs_scan;
  gboolean      stopped;
  /* Set while the indexer writes, so that it does not rescan on the
   * "changed" its own write emits. */
  gboolean      writing;

  GQueue        pending;        /* char * sha256, the next first */
  char         *current;        /* the file in hand, NULL between files */
  double        current_pages;  /* 0..1 of the file in hand */
  /* Files the store would not take this session (a locked database, a read
   * error): trying again at once would only fail again. A reset, which
   * follows an import from another connection, clears it. */
  GHashTable   *skipped;

  gboolean      busy;
  guint         n_done;
  guint         n_total;
  double        fraction;
};

static gboolean work_due_cb        (gpointer      data);
static void     document_opened_cb (GObject      *source,
                                    GAsyncResult *result,
                                    gpointer      user_data);

G_DEFINE_FINAL_TYPE (SignetTextIndexer, signet_text_indexer, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_STORE,
  PROP_BUSY,
  PROP_N_DONE,
  PROP_N_TOTAL,
  PROP_FRACTION,
  N_PROPS
};

enum {
  IDLE,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
set_busy (SignetTextIndexer *self,
          gboolean           busy)
{
  if (self->busy == busy)
    return;

  self->busy = busy;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

/* The counts follow from the queue: done, plus the file in hand, plus the
 * files waiting. A run starts when the first file arrives while idle. */
static void
update_counts (SignetTextIndexer *self)
{
  gboolean busy = self->current != NULL || !g_queue_is_empty (&self->pending);
  guint n_total;
  double fraction;

  g_object_freeze_notify (G_OBJECT (self));

  if (busy && !self->busy && self->n_done != 0)
    {
      self->n_done = 0;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_DONE]);
    }

  n_total = self->n_done + (self->current != NULL ? 1 : 0) + g_queue_get_length (&self->pending);
  if (self->n_total != n_total)
    {
      self->n_total = n_total;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_TOTAL]);
    }

  fraction = n_total > 0 ? MIN (1.0, (self->n_done + self->current_pages) / n_total) : 0.0;
  if (self->fraction != fraction)
    {
      self->fraction = fraction;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FRACTION]);
    }

  set_busy (self, busy);

  g_object_thaw_notify (G_OBJECT (self));
}

static void
scan (SignetTextIndexer *self)
{
  g_autoptr(GPtrArray) hashes = NULL;
  g_autoptr(GError) error = NULL;

  hashes = signet_store_list_blobs_without_text (self->store, &error);
  /* A team register whose connection is lost emits "reset" once it is
   * back, which looks again. */
  if (hashes == NULL && g_error_matches (error, SIGNET_STORE_ERROR, SIGNET_STORE_ERROR_DISCONNECTED))
    {
      g_debug ("Not looking for attachments without text while disconnected: %s", error->message);
      return;
    }
  if (hashes == NULL)
    {
      g_warning ("Could not list the attachments whose text is missing: %s", error->message);
      return;
    }

  /* Taken afresh, so that files whose contracts went since the last look
   * drop out of the count, and newly added ones (listed first) go first. */
  g_queue_clear_full (&self->pending, g_free);
  for (guint i = 0; i < hashes->len; i++)
    {
      const char *sha256 = g_ptr_array_index (hashes, i);

      if (g_strcmp0 (sha256, self->current) == 0 || g_hash_table_contains (self->skipped, sha256))
        continue;

      g_queue_push_tail (&self->pending, g_strdup (sha256));
    }
}

static void
store_text (SignetTextIndexer   *self,
            const char          *sha256,
            SignetBlobTextState  state,
            const char          *text)
{
  g_autoptr(GError) error = NULL;
  gboolean stored;

  self->writing = TRUE;
  stored = signet_store_set_blob_text (self->store, sha256, state, text, &error);
  self->writing = FALSE;

  if (stored)
    return;

  /* Deleted since it was listed: nothing is left to search. */
  if (g_error_matches (error, SIGNET_STORE_ERROR, SIGNET_STORE_ERROR_NOT_FOUND))
    return;

  g_warning ("Could not keep the text of attachment %s: %s", sha256, error->message);
  g_hash_table_add (self->skipped, g_strdup (sha256));
}

static void
schedule_work (SignetTextIndexer *self)
{
  g_autoptr(GSource) source = NULL;

  if (self->stopped || self->work_source != 0)
    return;

  /* Below redrawing and input: the user never waits for the indexer, and
   * a burst of changes (an import) comes down to one look at the store. */
  source = g_idle_source_new ();
  g_source_set_priority (source, G_PRIORITY_LOW);
  g_source_set_callback (source, work_due_cb, self, NULL);
  g_source_set_static_name (source, "[signet] text indexer");
  self->work_source = g_source_attach (source, NULL);
}

static void
schedule_scan (SignetTextIndexer *self)
{
  self->needs_scan = TRUE;
  schedule_work (self);
}

static void
finish_current (SignetTextIndexer   *self,
                SignetBlobTextState  state,
                const char          *text)
{
  g_autofree char *sha256 = g_steal_pointer (&self->current);

  g_assert (sha256 != NULL);

  store_text (self, sha256, state, text);

  self->n_done++;
  self->current_pages = 0.0;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_DONE]);
  update_counts (self);

  /* From an idle, so that the document just read is released before the
   * next one is opened. */
  schedule_work (self);
}

/* Takes the next file that the store can give; FALSE when none is left. */
static gboolean
start_next (SignetTextIndexer *self)
{
  char *sha256;

  while ((sha256 = g_queue_pop_head (&self->pending)) != NULL)
    {
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(GError) error = NULL;
      gboolean mismatch;

      bytes = signet_store_load_blob_bytes (self->store, sha256, &error);
      mismatch = g_error_matches (error, SIGNET_ATTACHMENT_ERROR, SIGNET_ATTACHMENT_ERROR_CHECKSUM_MISMATCH);

      if (bytes == NULL && !mismatch)
        {
          if (!g_error_matches (error, SIGNET_STORE_ERROR, SIGNET_STORE_ERROR_NOT_FOUND))
            {
              g_warning ("Could not load attachment %s: %s", sha256, error->message);
              g_hash_table_add (self->skipped, g_strdup (sha256));
            }
          g_free (sha256);
          continue;
        }

      self->current = sha256;
      self->current_pages = 0.0;
      update_counts (self);

      if (mismatch)
        {
          /* The stored bytes are not the file that was attached; reading
           * them again will not make them so. */
          g_warning ("%s", error->message);
          finish_current (self, SIGNET_BLOB_TEXT_FAILED, NULL);
        }
      else
        {
          signet_pdf_document_new_from_bytes_async (bytes, NULL, self->cancellable,
                                                    document_opened_cb, self);
        }

      return TRUE;
    }

  update_counts (self);

  return FALSE;
}

static void
halt (SignetTextIndexer *self)
{
  if (self->stopped)
    return;

  self->stopped = TRUE;
  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->work_source, g_source_remove);
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_queue_clear_full (&self->pending, g_free);
  g_clear_pointer (&self->current, g_free);
}

static void
text_extracted_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  SignetTextIndexer *self;
  g_auto(GStrv) pages = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;

  pages = signet_pdf_document_extract_text_finish (SIGNET_PDF_DOCUMENT (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self = user_data;

  if (pages == NULL)
    {
      g_debug ("Could not read the text of attachment %s: %s", self->current, error->message);
      finish_current (self, SIGNET_BLOB_TEXT_FAILED, NULL);
      return;
    }

  /* A form feed ends each page, so that search can say which page it
   * found a word on. */
  text = g_strjoinv ("\f", pages);
  finish_current (self, SIGNET_BLOB_TEXT_DONE, text);
}

static void
pages_read_cb (guint    pages_done,
               guint    n_pages,
               gpointer user_data)
{
  SignetTextIndexer *self = user_data;

  /* The PDF layer calls this only while the job is not cancelled, so the
   * indexer is still there. */
  self->current_pages = n_pages > 0 ? (double) pages_done / n_pages : 0.0;
  update_counts (self);
}

static void
document_opened_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  SignetTextIndexer *self;
  g_autoptr(SignetPdfDocument) document = NULL;
  g_autoptr(GError) error = NULL;

  document = signet_pdf_document_new_from_bytes_finish (result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self = user_data;

  /* Damaged, not a PDF at all, or protected by a password nobody has
   * given: the search has nothing to find in it, now or later. */
  if (document == NULL)
    {
      g_debug ("Could not open attachment %s: %s", self->current, error->message);
      finish_current (self, SIGNET_BLOB_TEXT_FAILED, NULL);
      return;
    }

  /* The extraction keeps the document alive; it goes when the job is done. */
  signet_pdf_document_extract_text_async (document, G_PRIORITY_LOW,
                                          pages_read_cb, self, NULL,
                                          self->cancellable,
                                          text_extracted_cb, self);
}

static gboolean
work_due_cb (gpointer data)
{
  SignetTextIndexer *self = data;

  self->work_source = 0;

  if (self->needs_scan)
    {
      self->needs_scan = FALSE;
      scan (self);
    }

  if (self->current == NULL && !start_next (self))
    g_signal_emit (self, signals[IDLE], 0);
  else
    update_counts (self);

  return G_SOURCE_REMOVE;
}

static void
store_changed_cb (SignetTextIndexer *self,
                  SignetRecordKind   kind,
                  gint64             id,
                  SignetChangeKind   change)
{
  /* Attachments belong to contracts and report as them. */
  if (kind != SIGNET_RECORD_CONTRACT || self->writing)
    return;

  schedule_scan (self);
}

static void
store_reset_cb (SignetTextIndexer *self)
{
  g_hash_table_remove_all (self->skipped);
  schedule_scan (self);
}

static void
signet_text_indexer_constructed (GObject *object)
{
  SignetTextIndexer *self = (SignetTextIndexer *) object;

  G_OBJECT_CLASS (signet_text_indexer_parent_class)->constructed (object);

  g_assert (SIGNET_IS_STORE (self->store));

  g_signal_connect_swapped (self->store, "changed", G_CALLBACK (store_changed_cb), self);
  g_signal_connect_swapped (self->store, "reset", G_CALLBACK (store_reset_cb), self);
  schedule_scan (self);
}

static void
signet_text_indexer_dispose (GObject *object)
{
  SignetTextIndexer *self = (SignetTextIndexer *) object;

  halt (self);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (signet_text_indexer_parent_class)->dispose (object);
}

static void
signet_text_indexer_finalize (GObject *object)
{
  SignetTextIndexer *self = (SignetTextIndexer *) object;

  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->skipped, g_hash_table_unref);

  G_OBJECT_CLASS (signet_text_indexer_parent_class)->finalize (object);
}

static void
signet_text_indexer_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  SignetTextIndexer *self = SIGNET_TEXT_INDEXER (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_BUSY:
      g_value_set_boolean (value, self->busy);
      break;

    case PROP_N_DONE:
      g_value_set_uint (value, self->n_done);
      break;

    case PROP_N_TOTAL:
      g_value_set_uint (value, self->n_total);
      break;

    case PROP_FRACTION:
      g_value_set_double (value, self->fraction);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
signet_text_indexer_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  SignetTextIndexer *self = SIGNET_TEXT_INDEXER (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
signet_text_indexer_class_init (SignetTextIndexerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = signet_text_indexer_constructed;
  object_class->dispose = signet_text_indexer_dispose;
  object_class->finalize = signet_text_indexer_finalize;
  object_class->get_property = signet_text_indexer_get_property;
  object_class->set_property = signet_text_indexer_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         SIGNET_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL,
                          FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_N_DONE] =
    g_param_spec_uint ("n-done", NULL, NULL,
                       0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_N_TOTAL] =
    g_param_spec_uint ("n-total", NULL, NULL,
                       0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_FRACTION] =
    g_param_spec_double ("fraction", NULL, NULL,
                         0.0, 1.0, 0.0,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[IDLE] =
    g_signal_new ("idle",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
signet_text_indexer_init (SignetTextIndexer *self)
{
  self->cancellable = g_cancellable_new ();
  self->skipped = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_queue_init (&self->pending);
}

SignetTextIndexer *
signet_text_indexer_new (SignetStore *store)
{
  g_return_val_if_fail (SIGNET_IS_STORE (store), NULL);

  return g_object_new (SIGNET_TYPE_TEXT_INDEXER, "store", store, NULL);
}

gboolean
signet_text_indexer_get_busy (SignetTextIndexer *self)
{
  g_return_val_if_fail (SIGNET_IS_TEXT_INDEXER (self), FALSE);

  return self->busy;
}

guint
signet_text_indexer_get_n_done (SignetTextIndexer *self)
{
  g_return_val_if_fail (SIGNET_IS_TEXT_INDEXER (self), 0);

  return self->n_done;
}

guint
signet_text_indexer_get_n_total (SignetTextIndexer *self)
{
  g_return_val_if_fail (SIGNET_IS_TEXT_INDEXER (self), 0);

  return self->n_total;
}

double
signet_text_indexer_get_fraction (SignetTextIndexer *self)
{
  g_return_val_if_fail (SIGNET_IS_TEXT_INDEXER (self), 0.0);

  return self->fraction;
}

void
signet_text_indexer_stop (SignetTextIndexer *self)
{
  g_return_if_fail (SIGNET_IS_TEXT_INDEXER (self));

  halt (self);
  set_busy (self, FALSE);
}
