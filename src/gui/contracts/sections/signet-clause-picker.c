/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "signet-clause-picker"

#include "config.h"

#include <glib/gi18n.h>

#include "signet-clause-picker.h"
#include "signet-pdf-document.h"
#include "signet-store-attachments.h"

/* A note longer than this is cut in the picker and on the record's row,
 * so that one long comment does not widen the dialog. */
#define MAX_NOTE_CHARS 60

struct _SignetClausePicker
{
  AdwComboRow   parent_instance;

  /* The clauses listed, for their texts when the quotes come, and the
   * reading of those, cancelled as the picker goes. */
  GPtrArray    *clauses;
  GCancellable *cancellable;

  /* The annotation id of each choice, in the model's order: 0 for "No
   * Clause" first, then the contract's annotations, and last a deleted
   * one the record still points at. */
  GArray      *ids;
};

G_DEFINE_FINAL_TYPE (SignetClausePicker, signet_clause_picker, ADW_TYPE_COMBO_ROW)

/* One line, at most MAX_NOTE_CHARS: a note's line breaks would break the
 * row, a long one widen the dialog. */
static char *
shorten (const char *text)
{
  g_autofree char *line = g_strstrip (g_strdup (text != NULL ? text : ""));

  g_strdelimit (line, "\n\r\t", ' ');
  if (g_utf8_strlen (line, -1) > MAX_NOTE_CHARS)
    {
      g_autofree char *cut = g_utf8_substring (line, 0, MAX_NOTE_CHARS - 1);

      return g_strconcat (cut, "…", NULL);
    }

  return g_steal_pointer (&line);
}

static gboolean
marks_text (const SignetClause *clause)
{
  return clause->kind == SIGNET_ANNOTATION_KIND_HIGHLIGHT ||
         clause->kind == SIGNET_ANNOTATION_KIND_UNDERLINE ||
         clause->kind == SIGNET_ANNOTATION_KIND_STRIKEOUT;
}

char *
signet_clause_describe (const SignetClause *clause,
                        const char         *quote)
{
  g_autofree char *text = NULL;

  g_return_val_if_fail (clause != NULL, NULL);

  text = shorten (clause->comment);
  if (*text == '\0' && quote != NULL && *quote != '\0')
    {
      g_autofree char *short_quote = shorten (quote);

      g_free (text);
      /* Translators: the text a highlight covers, quoted. */
      text = g_strdup_printf (_("“%s”"), short_quote);
    }
  else if (*text == '\0')
    {
      g_free (text);
      /* Translators: an annotation without a note, named by its kind and
       * the file it is on: "Highlight in agreement.pdf". */
      text = g_strdup_printf (C_("clause", "%s in %s"), signet_annotation_kind_to_label (clause->kind),
                              clause->file_name);
    }

  /* Translators: a clause of a contract's file: its page and its note,
   * "p. 3 · Clause 7.2: monthly report". */
  return g_strdup_printf (_("p. %u · %s"), clause->page + 1, text);
}

/* Quotes: one file's clauses, read one page after the other. */

typedef struct
{
  GPtrArray             *clauses;    /* SignetClause, borrowed from the caller's array, kept alive */
  GPtrArray             *owner;
  SignetPdfDocument     *document;
  guint                  next;
  GCancellable          *cancellable;
  SignetClauseQuoteFunc  func;
  gpointer               user_data;
} QuoteJob;

static void
quote_job_free (QuoteJob *job)
{
  g_ptr_array_unref (job->clauses);
  g_ptr_array_unref (job->owner);
  g_clear_object (&job->document);
  g_clear_object (&job->cancellable);
  g_free (job);
}

static void read_next_page (QuoteJob *job);

static void
page_text_read_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  QuoteJob *job = user_data;
  const SignetClause *clause = g_ptr_array_index (job->clauses, job->next);
  g_autoptr(SignetPdfPageText) page_text = NULL;
  g_autofree SignetPdfRect *rects = NULL;
  g_autofree char *quote = NULL;

  page_text = signet_pdf_document_get_page_text_finish (SIGNET_PDF_DOCUMENT (source), result, NULL);
  if (g_cancellable_is_cancelled (job->cancellable))
    {
      quote_job_free (job);
      return;
    }

  if (page_text != NULL)
    {
      rects = g_new (SignetPdfRect, MAX (clause->rects->len, 1));
      for (guint i = 0; i < clause->rects->len; i++)
        {
          const SignetAnnotationRect *r = &g_array_index (clause->rects, SignetAnnotationRect, i);

          rects[i] = (SignetPdfRect) { r->x1, r->y1, r->x2 - r->x1, r->y2 - r->y1 };
        }
      quote = signet_pdf_page_text_get_text_in_rects (page_text, rects, clause->rects->len);
      if (*quote != '\0')
        job->func (clause->annotation_id, quote, job->user_data);
    }

  job->next++;
  read_next_page (job);
}

static void
read_next_page (QuoteJob *job)
{
  const SignetClause *clause;

  if (job->next >= job->clauses->len)
    {
      quote_job_free (job);
      return;
    }

  clause = g_ptr_array_index (job->clauses, job->next);
  signet_pdf_document_get_page_text_async (job->document, clause->page, G_PRIORITY_DEFAULT_IDLE,
                                           job->cancellable, page_text_read_cb, job);
}

static void
document_opened_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  QuoteJob *job = user_data;

  job->document = signet_pdf_document_new_from_bytes_finish (result, NULL);
  /* A file that does not open (a password) quotes nothing. */
  if (job->document == NULL || g_cancellable_is_cancelled (job->cancellable))
    {
      quote_job_free (job);
      return;
    }

  read_next_page (job);
}

static void
bytes_loaded_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  QuoteJob *job = user_data;
  g_autoptr(GBytes) bytes = signet_store_load_version_bytes_finish (SIGNET_STORE (source), result, NULL);

  if (bytes == NULL || g_cancellable_is_cancelled (job->cancellable))
    {
      quote_job_free (job);
      return;
    }

  signet_pdf_document_new_from_bytes_async (bytes, NULL, job->cancellable, document_opened_cb, job);
}

void
signet_clause_read_quotes (SignetStore           *store,
                           GPtrArray             *clauses,
                           GCancellable          *cancellable,
                           SignetClauseQuoteFunc  func,
                           gpointer               user_data)
{
  g_autoptr(GHashTable) jobs = g_hash_table_new (g_int64_hash, g_int64_equal);
  GHashTableIter iter;
  QuoteJob *job;

  g_return_if_fail (SIGNET_IS_STORE (store));
  g_return_if_fail (clauses != NULL);

  /* Each file is read once, however many of its marks are clauses. */
  for (guint i = 0; i < clauses->len; i++)
    {
      SignetClause *clause = g_ptr_array_index (clauses, i);

      if (!marks_text (clause) || (clause->comment != NULL && *clause->comment != '\0'))
        continue;

      job = g_hash_table_lookup (jobs, &clause->version_id);
      if (job == NULL)
        {
          job = g_new0 (QuoteJob, 1);
          job->clauses = g_ptr_array_new ();
          job->owner = g_ptr_array_ref (clauses);
          job->cancellable = cancellable != NULL ? g_object_ref (cancellable) : g_cancellable_new ();
          job->func = func;
          job->user_data = user_data;
          g_hash_table_insert (jobs, &clause->version_id, job);
        }
      g_ptr_array_add (job->clauses, clause);
    }

  g_hash_table_iter_init (&iter, jobs);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &job))
    signet_store_load_version_bytes_async (store, ((SignetClause *) g_ptr_array_index (job->clauses, 0))->version_id,
                                           job->cancellable, bytes_loaded_cb, job);
}

static guint
find_position (SignetClausePicker *self,
               gint64              annotation_id)
{
  for (guint i = 0; i < self->ids->len; i++)
    if (g_array_index (self->ids, gint64, i) == annotation_id)
      return i;

  return GTK_INVALID_LIST_POSITION;
}

static void
reset_choices (SignetClausePicker *self)
{
  GtkStringList *choices = gtk_string_list_new (NULL);
  gint64 none = 0;

  /* The quotes of the clauses listed before would land on these. */
  if (self->cancellable != NULL)
    {
      g_cancellable_cancel (self->cancellable);
      g_object_unref (self->cancellable);
      self->cancellable = g_cancellable_new ();
    }
  g_clear_pointer (&self->clauses, g_ptr_array_unref);

  g_array_set_size (self->ids, 0);
  /* Translators: the clause of an obligation or a risk when none is chosen. */
  gtk_string_list_append (choices, _("No Clause"));
  g_array_append_val (self->ids, none);
  adw_combo_row_set_model (ADW_COMBO_ROW (self), G_LIST_MODEL (choices));
  g_object_unref (choices);
}

static void
signet_clause_picker_finalize (GObject *object)
{
  SignetClausePicker *self = SIGNET_CLAUSE_PICKER (object);

  g_clear_pointer (&self->ids, g_array_unref);
  g_clear_pointer (&self->clauses, g_ptr_array_unref);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (signet_clause_picker_parent_class)->finalize (object);
}

static void
signet_clause_picker_dispose (GObject *object)
{
  SignetClausePicker *self = SIGNET_CLAUSE_PICKER (object);

  g_cancellable_cancel (self->cancellable);

  G_OBJECT_CLASS (signet_clause_picker_parent_class)->dispose (object);
}

static void
signet_clause_picker_class_init (SignetClausePickerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = signet_clause_picker_dispose;
  object_class->finalize = signet_clause_picker_finalize;
}

static void
signet_clause_picker_init (SignetClausePicker *self)
{
  g_autoptr(GtkExpression) expression = NULL;

  self->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->cancellable = g_cancellable_new ();

  /* Translators: the clause of the contract's file an obligation or a
   * risk comes from (a PDF annotation). */
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), C_("record", "Clause"));
  expression = gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string");
  adw_combo_row_set_expression (ADW_COMBO_ROW (self), expression);
  adw_combo_row_set_enable_search (ADW_COMBO_ROW (self), TRUE);
  reset_choices (self);
}

/* The text a clause marks, read: its choice quotes it. */
static void
quote_read_cb (gint64      annotation_id,
               const char *quote,
               gpointer    user_data)
{
  SignetClausePicker *self = user_data;
  GtkStringList *choices = GTK_STRING_LIST (adw_combo_row_get_model (ADW_COMBO_ROW (self)));
  guint position = find_position (self, annotation_id);
  guint selected = adw_combo_row_get_selected (ADW_COMBO_ROW (self));
  g_autofree char *text = NULL;
  const char * const additions[2] = { NULL, NULL };

  if (position == GTK_INVALID_LIST_POSITION || position == 0 || self->clauses == NULL)
    return;

  text = signet_clause_describe (g_ptr_array_index (self->clauses, position - 1), quote);
  ((const char **) additions)[0] = text;
  gtk_string_list_splice (choices, position, 1, additions);
  /* The splice drops the choice for a moment: chosen, it stays chosen. */
  adw_combo_row_set_selected (ADW_COMBO_ROW (self), selected);
}

GtkWidget *
signet_clause_picker_new (void)
{
  return g_object_new (SIGNET_TYPE_CLAUSE_PICKER, NULL);
}

void
signet_clause_picker_set_contract (SignetClausePicker *self,
                                   SignetStore        *store,
                                   gint64              contract_id)
{
  g_autoptr(GPtrArray) clauses = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *choices;

  g_return_if_fail (SIGNET_IS_CLAUSE_PICKER (self));
  g_return_if_fail (store == NULL || SIGNET_IS_STORE (store));

  reset_choices (self);
  if (store == NULL || contract_id <= 0)
    return;

  clauses = signet_store_list_clauses (store, contract_id, &error);
  if (clauses == NULL)
    {
      g_warning ("Could not read the contract’s annotations: %s", error->message);
      return;
    }

  choices = adw_combo_row_get_model (ADW_COMBO_ROW (self));
  for (guint i = 0; i < clauses->len; i++)
    {
      const SignetClause *clause = g_ptr_array_index (clauses, i);
      g_autofree char *text = signet_clause_describe (clause, NULL);

      gtk_string_list_append (GTK_STRING_LIST (choices), text);
      g_array_append_val (self->ids, clause->annotation_id);
    }
  g_clear_pointer (&self->clauses, g_ptr_array_unref);
  self->clauses = g_steal_pointer (&clauses);
  signet_clause_read_quotes (store, self->clauses, self->cancellable, quote_read_cb, self);
  adw_combo_row_set_selected (ADW_COMBO_ROW (self), 0);
}

void
signet_clause_picker_set_annotation_id (SignetClausePicker *self,
                                        gint64              annotation_id)
{
  GListModel *choices;
  guint position;

  g_return_if_fail (SIGNET_IS_CLAUSE_PICKER (self));

  position = find_position (self, MAX (annotation_id, 0));
  if (position == GTK_INVALID_LIST_POSITION)
    {
      /* Kept as it is: saving the record does not drop the link a Undo
       * of the annotation's deletion would bring back. */
      choices = adw_combo_row_get_model (ADW_COMBO_ROW (self));
      gtk_string_list_append (GTK_STRING_LIST (choices), _("Clause deleted"));
      g_array_append_val (self->ids, annotation_id);
      position = self->ids->len - 1;
    }

  adw_combo_row_set_selected (ADW_COMBO_ROW (self), position);
}

gint64
signet_clause_picker_get_annotation_id (SignetClausePicker *self)
{
  guint position;

  g_return_val_if_fail (SIGNET_IS_CLAUSE_PICKER (self), 0);

  position = adw_combo_row_get_selected (ADW_COMBO_ROW (self));
  if (position == GTK_INVALID_LIST_POSITION || position >= self->ids->len)
    return 0;

  return g_array_index (self->ids, gint64, position);
}
