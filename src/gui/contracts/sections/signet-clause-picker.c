/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "signet-clause-picker"

#include "config.h"

#include <glib/gi18n.h>

#include "signet-clause-picker.h"

/* A note longer than this is cut in the picker and on the record's row,
 * so that one long comment does not widen the dialog. */
#define MAX_NOTE_CHARS 60

struct _SignetClausePicker
{
  AdwComboRow  parent_instance;

  /* The annotation id of each choice, in the model's order: 0 for "No
   * Clause" first, then the contract's annotations, and last a deleted
   * one the record still points at. */
  GArray      *ids;
};

G_DEFINE_FINAL_TYPE (SignetClausePicker, signet_clause_picker, ADW_TYPE_COMBO_ROW)

char *
signet_clause_describe (const SignetClause *clause)
{
  g_autofree char *text = NULL;
  g_autofree char *note = NULL;

  g_return_val_if_fail (clause != NULL, NULL);

  note = g_strstrip (g_strdup (clause->comment != NULL ? clause->comment : ""));
  /* One line: a note's line breaks would break the row. */
  g_strdelimit (note, "\n\r\t", ' ');
  if (g_utf8_strlen (note, -1) > MAX_NOTE_CHARS)
    {
      g_autofree char *cut = g_utf8_substring (note, 0, MAX_NOTE_CHARS - 1);

      text = g_strconcat (cut, "…", NULL);
    }
  else if (*note != '\0')
    text = g_steal_pointer (&note);
  else
    /* Translators: an annotation without a note, named by its kind and
     * the file it is on: "Highlight in agreement.pdf". */
    text = g_strdup_printf (C_("clause", "%s in %s"), signet_annotation_kind_to_label (clause->kind), clause->file_name);

  /* Translators: a clause of a contract's file: its page and its note,
   * "p. 3 · Clause 7.2: monthly report". */
  return g_strdup_printf (_("p. %u · %s"), clause->page + 1, text);
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

  G_OBJECT_CLASS (signet_clause_picker_parent_class)->finalize (object);
}

static void
signet_clause_picker_class_init (SignetClausePickerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = signet_clause_picker_finalize;
}

static void
signet_clause_picker_init (SignetClausePicker *self)
{
  g_autoptr(GtkExpression) expression = NULL;

  self->ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  /* Translators: the clause of the contract's file an obligation or a
   * risk comes from (a PDF annotation). */
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), C_("record", "Clause"));
  expression = gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string");
  adw_combo_row_set_expression (ADW_COMBO_ROW (self), expression);
  adw_combo_row_set_enable_search (ADW_COMBO_ROW (self), TRUE);
  reset_choices (self);
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
      g_autofree char *text = signet_clause_describe (clause);

      gtk_string_list_append (GTK_STRING_LIST (choices), text);
      g_array_append_val (self->ids, clause->annotation_id);
    }
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
