/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "signet-print-document"

#include "config.h"

#include <glib/gi18n.h>

#include "signet-date.h"
#include "signet-print-document-private.h"
#include "signet-store-events.h"

/* The page's margins, in millimetres. */
#define MARGIN_MM 15.0

G_DEFINE_FINAL_TYPE (SignetPrintDocument, signet_print_document, G_TYPE_OBJECT)

static void
column_free (Column *column)
{
  g_free (column->title);
  g_free (column);
}

static void
block_free (Block *block)
{
  g_free (block->text);
  g_free (block->value);
  g_clear_pointer (&block->columns, g_ptr_array_unref);
  g_clear_pointer (&block->rows, g_ptr_array_unref);
  g_free (block->widths);
  g_free (block->cells);
  g_free (block);
}

static Block *
add_block (SignetPrintDocument *self,
           BlockKind            kind,
           const char          *text)
{
  Block *block = g_new0 (Block, 1);

  block->kind = kind;
  block->text = g_strdup (text);
  g_ptr_array_add (self->blocks, block);

  return block;
}

static Block *
current_table (SignetPrintDocument *self)
{
  Block *block = self->blocks->len > 0 ? g_ptr_array_index (self->blocks, self->blocks->len - 1) : NULL;

  g_return_val_if_fail (block != NULL && block->kind == BLOCK_TABLE, NULL);

  return block;
}

static void
signet_print_document_finalize (GObject *object)
{
  SignetPrintDocument *self = SIGNET_PRINT_DOCUMENT (object);

  g_free (self->title);
  g_free (self->subtitle);
  g_free (self->register_name);
  g_free (self->date);
  g_clear_pointer (&self->blocks, g_ptr_array_unref);
  g_clear_pointer (&self->units, g_array_unref);
  g_clear_pointer (&self->pages, g_ptr_array_unref);

  G_OBJECT_CLASS (signet_print_document_parent_class)->finalize (object);
}

static void
signet_print_document_class_init (SignetPrintDocumentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = signet_print_document_finalize;
}

static void
signet_print_document_init (SignetPrintDocument *self)
{
  self->blocks = g_ptr_array_new_with_free_func ((GDestroyNotify) block_free);
  self->units = g_array_new (FALSE, FALSE, sizeof (Unit));
  self->pages = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
}

SignetPrintDocument *
signet_print_document_new (const char *title,
                           const char *register_name,
                           const char *date)
{
  SignetPrintDocument *self;

  g_return_val_if_fail (title != NULL, NULL);

  self = g_object_new (SIGNET_TYPE_PRINT_DOCUMENT, NULL);
  self->title = g_strdup (title);
  self->register_name = g_strdup (register_name != NULL ? register_name : "");
  self->date = g_strdup (date != NULL ? date : "");

  return self;
}

char *
signet_print_dup_register_name (SignetStore *store)
{
  g_autofree char *usual = signet_store_get_default_path ();
  const char *path;

  g_return_val_if_fail (SIGNET_IS_STORE (store), NULL);

  path = signet_store_get_path (store);
  if (path == NULL || g_strcmp0 (path, usual) == 0)
    return g_strdup (_("Contract Register"));

  return g_path_get_basename (path);
}

SignetPrintDocument *
signet_print_document_new_for_store (SignetStore *store,
                                     const char  *title)
{
  g_autofree char *name = NULL;
  g_autofree char *today = NULL;
  g_autofree char *date = NULL;

  g_return_val_if_fail (SIGNET_IS_STORE (store), NULL);
  g_return_val_if_fail (title != NULL, NULL);

  name = signet_print_dup_register_name (store);
  today = signet_store_dup_today (store);
  date = signet_date_format_display (today);

  return signet_print_document_new (title, name, date);
}

const char *
signet_print_document_get_title (SignetPrintDocument *self)
{
  g_return_val_if_fail (SIGNET_IS_PRINT_DOCUMENT (self), NULL);

  return self->title;
}

void
signet_print_document_set_subtitle (SignetPrintDocument *self,
                                    const char          *subtitle)
{
  g_return_if_fail (SIGNET_IS_PRINT_DOCUMENT (self));

  g_set_str (&self->subtitle, subtitle);
}

void
signet_print_document_add_heading (SignetPrintDocument *self,
                                   const char          *text)
{
  g_return_if_fail (SIGNET_IS_PRINT_DOCUMENT (self));
  g_return_if_fail (text != NULL);

  add_block (self, BLOCK_HEADING, text);
}

void
signet_print_document_add_paragraph (SignetPrintDocument *self,
                                     const char          *text)
{
  g_return_if_fail (SIGNET_IS_PRINT_DOCUMENT (self));
  g_return_if_fail (text != NULL);

  add_block (self, BLOCK_PARAGRAPH, text);
}

void
signet_print_document_add_field (SignetPrintDocument *self,
                                 const char          *label,
                                 const char          *value)
{
  g_return_if_fail (SIGNET_IS_PRINT_DOCUMENT (self));
  g_return_if_fail (label != NULL);

  add_block (self, BLOCK_FIELD, label)->value = g_strdup (value);
}

void
signet_print_document_begin_table (SignetPrintDocument *self)
{
  Block *block;

  g_return_if_fail (SIGNET_IS_PRINT_DOCUMENT (self));

  block = add_block (self, BLOCK_TABLE, NULL);
  block->columns = g_ptr_array_new_with_free_func ((GDestroyNotify) column_free);
  block->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
}

void
signet_print_document_add_column (SignetPrintDocument *self,
                                  const char          *title,
                                  double               weight,
                                  gboolean             align_end)
{
  Block *block;
  Column *column;

  g_return_if_fail (SIGNET_IS_PRINT_DOCUMENT (self));
  g_return_if_fail (title != NULL && weight > 0);

  block = current_table (self);
  g_return_if_fail (block != NULL && block->rows->len == 0);

  column = g_new0 (Column, 1);
  column->title = g_strdup (title);
  column->weight = weight;
  column->alignment = align_end ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT;
  g_ptr_array_add (block->columns, column);
}

void
signet_print_document_add_row (SignetPrintDocument *self,
                               const char * const  *cells)
{
  Block *block;
  GStrv row;

  g_return_if_fail (SIGNET_IS_PRINT_DOCUMENT (self));
  g_return_if_fail (cells != NULL);

  block = current_table (self);
  g_return_if_fail (block != NULL && block->columns->len > 0);

  row = g_new0 (char *, block->columns->len + 1);
  for (guint i = 0; i < block->columns->len; i++)
    row[i] = g_strdup (cells[i] != NULL ? cells[i] : "");
  g_ptr_array_add (block->rows, row);
}

GtkPrintOperation *
signet_print_document_create_operation (SignetPrintDocument *self)
{
  GtkPrintOperation *operation;
  g_autoptr(GtkPageSetup) setup = NULL;
  g_autoptr(GtkPaperSize) paper = NULL;

  g_return_val_if_fail (SIGNET_IS_PRINT_DOCUMENT (self), NULL);

  paper = gtk_paper_size_new (NULL);
  setup = gtk_page_setup_new ();
  gtk_page_setup_set_paper_size (setup, paper);
  gtk_page_setup_set_top_margin (setup, MARGIN_MM, GTK_UNIT_MM);
  gtk_page_setup_set_bottom_margin (setup, MARGIN_MM, GTK_UNIT_MM);
  gtk_page_setup_set_left_margin (setup, MARGIN_MM, GTK_UNIT_MM);
  gtk_page_setup_set_right_margin (setup, MARGIN_MM, GTK_UNIT_MM);

  operation = gtk_print_operation_new ();
  gtk_print_operation_set_job_name (operation, self->title);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_default_page_setup (operation, setup);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  _signet_print_document_connect (self, operation);

  return operation;
}

gboolean
signet_print_document_export_pdf (SignetPrintDocument *self,
                                  const char          *filename,
                                  GError             **error)
{
  g_autoptr(GtkPrintOperation) operation = NULL;
  GtkPrintOperationResult result;

  g_return_val_if_fail (SIGNET_IS_PRINT_DOCUMENT (self), FALSE);
  g_return_val_if_fail (filename != NULL, FALSE);

  operation = signet_print_document_create_operation (self);
  gtk_print_operation_set_export_filename (operation, filename);
  result = gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT, NULL, error);

  return result != GTK_PRINT_OPERATION_RESULT_ERROR;
}

guint
signet_print_document_get_n_pages (SignetPrintDocument *self)
{
  g_return_val_if_fail (SIGNET_IS_PRINT_DOCUMENT (self), 0);

  return self->pages->len;
}
